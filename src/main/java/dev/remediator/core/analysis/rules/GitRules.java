package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.FailureCategory.CONFIGURATION;
import static dev.remediator.core.analysis.FailureCategory.UNKNOWN;
import static dev.remediator.core.analysis.rules.LineRule.when;

import java.util.List;

import dev.remediator.core.analysis.Findings;
import dev.remediator.core.analysis.LogLine;
import dev.remediator.core.analysis.Rule;
import dev.remediator.core.analysis.RuleSet;

/**
 * Git as CI uses it: refs and repositories that do not exist, merges that conflict, and checks that the build left
 * the working tree clean (generated files not committed).
 */
public final class GitRules implements RuleSet {

    static final Rule MISSING_REF = new Rule("git.missing-ref", CONFIGURATION, 0.8);
    static final Rule MISSING_REPOSITORY = new Rule("git.missing-repository", CONFIGURATION, 0.8);
    static final Rule MERGE_CONFLICT = new Rule("git.merge-conflict", CONFIGURATION, 0.7);
    static final Rule UNKNOWN_PATH = new Rule("git.unknown-pathspec", CONFIGURATION, 0.65);
    static final Rule DIRTY_TREE = new Rule("git.dirty-tree", CONFIGURATION, 0.65);
    static final Rule FATAL = new Rule("git.fatal", UNKNOWN, 0.5);

    private final LineRules rules = new LineRules(
            when("couldn't find remote ref", MISSING_REF),
            when("Repository not found", MISSING_REPOSITORY),
            when("fatal: repository", "fatal: repository '[^']*' not found", MISSING_REPOSITORY),
            when("Merge conflict in", MERGE_CONFLICT),
            when("CONFLICT (", "^CONFLICT \\(", MERGE_CONFLICT),
            when("did not match any file(s) known to git", UNKNOWN_PATH),
            when("dirty", "(?i)\\b(?:checkout|working (?:tree|directory|copy)|work tree|repository|repo|workspace|git tree)"
                    + "\\b.{0,40}\\bdirty\\b", DIRTY_TREE),
            when("uncommitted changes", DIRTY_TREE),
            when("fatal: ", "^(?:error: )?fatal: ", FATAL));

    @Override
    public List<String> keywords() {
        return rules.keywords();
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        if (!line.isShellTrace()) {
            rules.report(line, findings);
        }
    }
}
