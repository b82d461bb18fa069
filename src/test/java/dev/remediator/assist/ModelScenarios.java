package dev.remediator.assist;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.remediator.testing.CiScenario;
import dev.remediator.testing.github.CheckRun;
import dev.remediator.testing.github.WorkflowRun;

/** A Java project whose build fails to compile, in the shapes the language model tests need. */
final class ModelScenarios {

    static final String CALC = "src/main/java/demo/Calc.java";

    static final String CALC_SOURCE = """
            package demo;

            class Calc {
                int add(int a, int b) {
                    return a - b + offset;
                }

                int twice(int a) {
                    assert a >= 0;
                    return a + a;
                }
            }
            """;

    private ModelScenarios() {
    }

    /**
     * A Gradle build whose javac fails at line 5 of {@link #CALC}, with a word of its own (so that no other test's
     * cached answer fits it) and, when given, more lines javac printed with the error.
     */
    static String compileLog(CiScenario ci, String... printed) {
        StringBuilder log = new StringBuilder("2026-12-01T10:00:00.0000000Z > Task :compileJava\n")
                .append("2026-12-01T10:00:01.0000000Z /home/runner/work/calc/calc/").append(CALC)
                .append(":5: error: cannot find symbol offset").append(ci.repo.id()).append('\n')
                .append("2026-12-01T10:00:01.0000001Z         return a - b + offset;\n")
                .append("2026-12-01T10:00:01.0000002Z                        ^\n")
                .append("2026-12-01T10:00:01.0000003Z   symbol:   variable offset\n");
        for (String line : printed) {
            log.append("2026-12-01T10:00:01.0000004Z   ").append(line).append('\n');
        }
        return log
                .append("2026-12-01T10:00:01.1000000Z 1 error\n")
                .append("2026-12-01T10:00:02.0000000Z > Task :compileJava FAILED\n")
                .append("2026-12-01T10:00:02.1000000Z FAILURE: Build failed with an exception.\n").toString();
    }

    /** A failed run of the CI workflow at {@code sha} on {@code branch}, whose job "build" printed {@code log}. */
    static WorkflowRun failedRun(CiScenario ci, String sha, String branch, String log) {
        WorkflowRun run = ci.repo.workflowRun(CiScenario.nextId(), ci.workflow, sha).headBranch(branch);
        run.job(CiScenario.nextId(), "build", "failure",
                () -> new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8))).step("Compile", "failure");
        return run;
    }

    /** Commits the project on main and a branch "feature" at the same commit. */
    static String project(CiScenario ci) {
        String sha = ci.commit("Add Calc", "alice", Map.of(CALC, CALC_SOURCE, "README.md", "# calc\n"));
        ci.repo.branch("feature", sha);
        return sha;
    }

    static CheckRun checkRunOf(CiScenario ci, WorkflowRun run) {
        return ci.repo.checkRuns().stream().filter(c -> ("remediator-run-" + run.id()).equals(c.externalId()))
                .findFirst().orElseThrow();
    }
}
