package dev.remediator.core.assist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class FixGuardTest {

    private static List<String> refusals(String path, String removed, String added) throws UnifiedDiff.Refused {
        StringBuilder diff = new StringBuilder("--- a/" + path + "\n+++ b/" + path + "\n");
        int before = removed.isEmpty() ? 0 : removed.split("\n").length;
        int after = added.isEmpty() ? 0 : added.split("\n").length;
        diff.append("@@ -1,").append(before + 1).append(" +1,").append(after + 1).append(" @@\n context\n");
        for (String line : removed.isEmpty() ? new String[0] : removed.split("\n")) {
            diff.append('-').append(line).append('\n');
        }
        for (String line : added.isEmpty() ? new String[0] : added.split("\n")) {
            diff.append('+').append(line).append('\n');
        }
        return FixGuard.refusals(UnifiedDiff.parse(diff.toString()), p -> p.startsWith("secrets/"));
    }

    @Test
    void aFixOfTheCodeItselfPasses() throws Exception {
        assertThat(refusals("src/Calc.java", "return a - b;", "return a + b;")).isEmpty();
        assertThat(refusals("src/CalcTest.java", "assertEquals(4, calc.add(2, 2));", "assertEquals(4, calc.add(2, 2));\nassertEquals(5, calc.add(2, 3));"))
                .as("an assertion added").isEmpty();
    }

    @Test
    void deletingAnAssertionIsRefusedWithTheLine() throws Exception {
        assertThat(refusals("src/CalcTest.java", "assertEquals(4, calc.add(2, 2));", ""))
                .containsExactly("it deletes 1 assertion (assertEquals(4, calc.add(2, 2));)");
        assertThat(refusals("tests/test_calc.py", "assert add(2, 2) == 4", "pass")).hasSize(1);
        assertThat(refusals("calc.test.js", "expect(add(2, 2)).toBe(4);", "")).hasSize(1);
        assertThat(refusals("calc_test.go", "t.Errorf(\"got %d\", got)", "")).hasSize(1);
    }

    @Test
    void skippingDisablingAndSilencingAreRefused() throws Exception {
        assertThat(refusals("src/CalcTest.java", "", "@Disabled(\"flaky\")")).singleElement().asString()
                .startsWith("it adds @Disabled, which skips, disables or silences a check");
        assertThat(refusals("tests/test_calc.py", "", "@pytest.mark.xfail")).hasSize(1);
        assertThat(refusals("tests/test_calc.py", "", "@pytest.mark.skip(reason=\"later\")")).hasSize(1);
        assertThat(refusals("calc.test.js", "it('adds', () => {", "it.skip('adds', () => {")).hasSize(1);
        assertThat(refusals("calc_test.go", "", "t.Skip(\"later\")")).hasSize(1);
        assertThat(refusals("src/lib.rs", "", "#[ignore]")).hasSize(1);
        assertThat(refusals("build.sh", "mvn verify", "mvn verify || true")).hasSize(1);
        assertThat(refusals("src/app.ts", "", "// eslint-disable-next-line no-unused-vars")).hasSize(1);
        assertThat(refusals("ci/job.yml", "", "continue-on-error: true")).hasSize(1);
    }

    @Test
    void aLongerTimeoutIsRefusedAShorterOneIsNot() throws Exception {
        assertThat(refusals("src/SlowTest.java", "@Timeout(5)", "@Timeout(60)"))
                .containsExactly("it sets a longer timeout (@Timeout(60))");
        assertThat(refusals("src/SlowTest.java", "@Timeout(60)", "@Timeout(5)")).isEmpty();
        assertThat(refusals("jest.config.js", "", "testTimeout: 30000,")).hasSize(1);
    }

    @Test
    void githubAndProtectedPathsAreRefused() throws Exception {
        assertThat(refusals(".github/workflows/ci.yml", "run: mvn verify", "run: mvn package"))
                .containsExactly("it edits .github/workflows/ci.yml: a model's fix never touches .github/ (CI workflows and settings)");
        assertThat(refusals("secrets/keys.txt", "a", "b")).containsExactly("it edits secrets/keys.txt, under protected_paths");
    }
}
