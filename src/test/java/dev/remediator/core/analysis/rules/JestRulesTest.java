package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.LogSamples.analyze;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;

class JestRulesTest {

    @Test
    void eachFailedTestIsNamedByItsTitleAndPlacedByItsStack() {
        JobAnalysis analysis = analyze("jest/failures.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.TEST);
        assertThat(analysis.failingTests()).hasSize(5)
                .startsWith("components/ShepherdModal › positionModal() › sets the correct attributes when positioning modal opening");
        assertThat(analysis.locations()).extracting(Object::toString)
                .startsWith("test/unit/components/shepherd-modal.spec.js:82:25");
        // each ● block is a range of its own, the first test's first
        assertThat(first(analysis).start()).isEqualTo(7);
        assertThat(first(analysis).end()).isEqualTo(22);
        assertThat(analysis.evidence()).anySatisfy(fifth -> assertThat(fifth.start()).isEqualTo(72));
    }

    @Test
    void aSuiteThatFailedToRunIsNoFailedTestAndLocationsTakeThePathOfTheSuite() {
        JobAnalysis analysis = analyze("jest/suite-failed-to-run.log");

        assertThat(analysis.failingTests()).containsExactly("ComponentStructure › should have expected DOM",
                "ComponentStructure › should move focus along tabs when pressing arrow keys",
                "ComponentStructure › should not have tabs if there's only one platform");
        assertThat(analysis.locations()).extracting(Object::toString)
                .startsWith("docs/src/components/ComponentStructure/__tests__/index.test.tsx:34:20");
    }
}
