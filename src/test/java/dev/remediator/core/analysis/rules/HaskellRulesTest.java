package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.LogSamples.analyze;
import static dev.remediator.core.analysis.LogSamples.analyzeText;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.Evidence;
import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;
import dev.remediator.core.analysis.Location;

class HaskellRulesTest {

    @Test
    void ghcsFirstErrorComesFirstWithItsIndentedMessageAndNoMore() {
        JobAnalysis analysis = analyze("haskell/ghc-errors.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.COMPILATION);
        Evidence error = first(analysis);
        assertThat(error.rule()).isEqualTo("haskell.compiler-error");
        assertThat(error.start()).isEqualTo(2);
        assertThat(error.end()).isEqualTo(4);
        assertThat(analysis.locations())
                .startsWith(new Location("T18240a.hs", 11, 11), new Location("T18240a.hs", 12, 15));
    }

    @Test
    void cabalsUnresolvableDependenciesAreADependencyFailure() {
        JobAnalysis analysis = analyzeText("""
                Resolving dependencies...
                Error: cabal: Could not resolve dependencies:
                [__0] trying: demo-0.1.0.0 (user goal)
                """);

        assertThat(analysis.category()).isEqualTo(FailureCategory.DEPENDENCY);
    }
}
