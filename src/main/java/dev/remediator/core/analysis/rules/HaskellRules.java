package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.FailureCategory.COMPILATION;
import static dev.remediator.core.analysis.FailureCategory.DEPENDENCY;
import static dev.remediator.core.analysis.rules.LineRule.when;

import java.util.ArrayList;
import java.util.List;

import dev.remediator.core.analysis.Findings;
import dev.remediator.core.analysis.LogLine;
import dev.remediator.core.analysis.Rule;
import dev.remediator.core.analysis.RuleSet;

/**
 * Haskell: GHC's errors ({@code File.hs:12:5: error: [GHC-88464]} or a span {@code File.hs:(12,5)-(14,9): error:},
 * the message indented below), cabal's unresolvable dependencies, and the lines of cabal and stack that only say a
 * package failed to build.
 */
public final class HaskellRules implements RuleSet {

    static final Rule COMPILER_ERROR = new Rule("haskell.compiler-error", COMPILATION, 0.9);
    static final Rule UNRESOLVABLE = new Rule("haskell.unresolvable-dependencies", DEPENDENCY, 0.85);
    static final Rule PACKAGE_FAILED = new Rule("haskell.package-failed", COMPILATION, 0.5);

    private static final SourceMessages GHC = new SourceMessages(
            "^(\\S.*?\\.(?:hs|lhs|hsc|hs-boot)):(\\d+):(\\d+)(?:-\\d+)?: error:",
            "^(\\S.*?\\.(?:hs|lhs|hsc|hs-boot)):\\((\\d+),(\\d+)\\)-\\(\\d+,\\d+\\): error:");

    private final LineRules messages = new LineRules(
            when("Could not resolve dependencies", "^(?:Error: )?(?:cabal: )?Could not resolve dependencies:",
                    UNRESOLVABLE),
            when("Failed to build", "^(?:Error: )?cabal(?:\\.exe)?: Failed to build ", PACKAGE_FAILED),
            when("While building package", PACKAGE_FAILED));

    @Override
    public List<String> keywords() {
        List<String> keywords = new ArrayList<>(messages.keywords());
        keywords.addAll(Keywords.followedByDigit(".hs:", ".lhs:", ".hsc:"));
        keywords.addAll(List.of(".hs:(", ".lhs:("));
        return keywords;
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        if (!GHC.report(line, COMPILER_ERROR, findings)) {
            messages.report(line, findings);
        }
    }
}
