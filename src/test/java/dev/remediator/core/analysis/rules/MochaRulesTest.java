package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.LogSamples.analyze;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;

class MochaRulesTest {

    @Test
    void aTitleSpreadOverSeveralLinesIsJoinedAsMochaDoes() {
        JobAnalysis analysis = analyze("mocha/failing.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.TEST);
        assertThat(analysis.failingTests()).containsExactly(
                "[DB2] CLS (Async hooks) Model Hook integration passes the transaction to hooks {beforeUpsert,afterUpsert} when calling Model.upsert");
        assertThat(first(analysis).start()).isEqualTo(7);
        assertThat(analysis.locations()).extracting(Object::toString).containsExactly("src/dialects/db2/query-generator.js:489:13");
    }

    @Test
    void failingHooksCountAndEntriesWithoutTitlesDoNot() {
        JobAnalysis analysis = analyze("mocha/hooks.log");

        assertThat(analysis.failingTests()).containsExactly("Worker can kill worker thread while in use #0", "\"after each\" hook");
    }
}
