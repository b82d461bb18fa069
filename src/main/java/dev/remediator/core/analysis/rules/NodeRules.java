package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.FailureCategory.COMPILATION;
import static dev.remediator.core.analysis.FailureCategory.CONFIGURATION;
import static dev.remediator.core.analysis.FailureCategory.DEPENDENCY;
import static dev.remediator.core.analysis.FailureCategory.INFRASTRUCTURE;
import static dev.remediator.core.analysis.FailureCategory.UNKNOWN;
import static dev.remediator.core.analysis.rules.LineRule.when;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.remediator.core.analysis.Findings;
import dev.remediator.core.analysis.LogLine;
import dev.remediator.core.analysis.Rule;
import dev.remediator.core.analysis.RuleSet;

/**
 * Node.js and its package managers: npm's error codes, yarn's and pnpm's messages (lockfiles out of date, packages
 * or versions that do not exist, registries that fail), the TypeScript compiler, modules that cannot be found and
 * Node versions a package refuses. A script that merely exited non-zero says nothing by itself: its output does.
 */
public final class NodeRules implements RuleSet {

    static final Rule DEPENDENCY_FAILURE = new Rule("node.dependency", DEPENDENCY, 0.85);
    static final Rule LOCKFILE = new Rule("node.lockfile-out-of-date", DEPENDENCY, 0.85);
    static final Rule REGISTRY = new Rule("node.registry-unreachable", INFRASTRUCTURE, 0.8);
    static final Rule AUTHENTICATION = new Rule("node.registry-authentication", CONFIGURATION, 0.8);
    static final Rule MISSING_SCRIPT = new Rule("node.missing-script", CONFIGURATION, 0.8);
    static final Rule ENGINE = new Rule("node.unsupported-engine", CONFIGURATION, 0.8);
    static final Rule TYPESCRIPT = new Rule("node.typescript-error", COMPILATION, 0.9);
    static final Rule MISSING_PACKAGE = new Rule("node.missing-module", DEPENDENCY, 0.75);
    static final Rule MISSING_SOURCE = new Rule("node.missing-module", COMPILATION, 0.7);
    static final Rule SCRIPT_FAILED = new Rule("node.script-failed", UNKNOWN, 0.4);
    static final Rule PACKAGE_MANAGER_ERROR = new Rule("node.package-manager-error", UNKNOWN, 0.5);

    private static final Pattern NPM_CODE = Pattern.compile("^npm (?:ERR!|error) code (\\w+)");
    private static final SourceMessages TYPESCRIPT_MESSAGES = new SourceMessages(
            "^(\\S.*?\\.(?:tsx?|mts|cts|vue)) ?\\((\\d+),(\\d+)\\): error TS\\d+:",
            "^(\\S.*?\\.(?:tsx?|mts|cts|vue)):(\\d+):(\\d+) - error TS\\d+:");
    private static final Pattern MISSING_MODULE = Pattern.compile(
            "(?:Cannot find module|Can't resolve|Cannot find package) '([^']+)'");

    private final LineRules messages = new LineRules(
            when("ERESOLVE", DEPENDENCY_FAILURE),
            when("Could not resolve dependency", DEPENDENCY_FAILURE),
            when("conflicting peer dependency", DEPENDENCY_FAILURE),
            when("can only install", "can only install (?:packages|with an existing package-lock)", LOCKFILE),
            when("lockfile needs to be updated", LOCKFILE),
            when("The lockfile would have been modified", LOCKFILE),
            when("ERR_PNPM_OUTDATED_LOCKFILE", LOCKFILE),
            when("ERR_PNPM_FROZEN_LOCKFILE", LOCKFILE),
            when("ERR_PNPM_LOCKFILE", LOCKFILE),
            when("ERR_PNPM_NO_MATCHING_VERSION", DEPENDENCY_FAILURE),
            when("ERR_PNPM_FETCH_404", DEPENDENCY_FAILURE),
            when("ERR_PNPM_PEER_DEP_ISSUES", DEPENDENCY_FAILURE),
            when("ERR_PNPM_NO_VERSIONS", DEPENDENCY_FAILURE),
            when("ERR_PNPM_META_FETCH_FAIL", REGISTRY),
            when("ERR_PNPM_FETCH_5", REGISTRY),
            when("ERR_PNPM_RECURSIVE_", SCRIPT_FAILED),
            when("ERR_PNPM_", PACKAGE_MANAGER_ERROR),
            when("Couldn't find package", DEPENDENCY_FAILURE),
            when("Couldn't find any versions for", DEPENDENCY_FAILURE),
            when("An unexpected error occurred", "(?i)ETIMEDOUT|ESOCKETTIMEDOUT|ECONNRESET|socket hang up|getaddrinfo|EAI_AGAIN",
                    REGISTRY),
            when("Missing script:", MISSING_SCRIPT),
            when("EBADENGINE", ENGINE),
            when("is incompatible with this module", ENGINE),
            when("error Command failed with exit code", SCRIPT_FAILED),
            when("ELIFECYCLE", SCRIPT_FAILED));

    @Override
    public List<String> keywords() {
        List<String> keywords = new ArrayList<>(messages.keywords());
        keywords.addAll(List.of("npm ERR! code", "npm error code", "error TS", "Cannot find module", "Can't resolve",
                "Cannot find package"));
        return keywords;
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        if (TYPESCRIPT_MESSAGES.report(line, TYPESCRIPT, findings)) {
            return;
        }
        String text = line.text();
        Matcher npmCode = NPM_CODE.matcher(text);
        if (npmCode.find()) {
            findings.report(line, npmCodeRule(npmCode.group(1)));
            return;
        }
        Matcher missing = MISSING_MODULE.matcher(text);
        if (missing.find()) {
            boolean ownSource = missing.group(1).startsWith(".") || missing.group(1).startsWith("/");
            findings.report(line, ownSource ? MISSING_SOURCE : MISSING_PACKAGE);
            return;
        }
        messages.report(line, findings);
    }

    private static Rule npmCodeRule(String code) {
        return switch (code) {
            case "E404", "ETARGET", "ENOVERSIONS", "ERESOLVE", "EPEERINVALID", "ENOTARGET" -> DEPENDENCY_FAILURE;
            case "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ESOCKETTIMEDOUT", "E500", "E502",
                    "E503", "E504" -> REGISTRY;
            case "E401", "E403", "ENEEDAUTH" -> AUTHENTICATION;
            case "EUSAGE" -> LOCKFILE;
            case "EBADENGINE" -> ENGINE;
            default -> SCRIPT_FAILED;
        };
    }
}
