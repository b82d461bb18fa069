package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.FailureCategory.CONFIGURATION;
import static dev.remediator.core.analysis.FailureCategory.INFRASTRUCTURE;
import static dev.remediator.core.analysis.FailureCategory.RESOURCE;
import static dev.remediator.core.analysis.rules.LineRule.when;

import java.util.ArrayList;
import java.util.List;

import dev.remediator.core.analysis.Findings;
import dev.remediator.core.analysis.LogLine;
import dev.remediator.core.analysis.Rule;
import dev.remediator.core.analysis.RuleSet;

/**
 * Failures of the machine and what it talks to, whatever the ecosystem: full disks, memory, rate limits, registries
 * and networks that fail, credentials and permissions, tools missing from the runner, runners that never start.
 */
public final class EnvironmentRules implements RuleSet {

    static final Rule DISK_FULL = new Rule("environment.disk-full", INFRASTRUCTURE, 0.9);
    static final Rule RATE_LIMIT = new Rule("environment.rate-limit", INFRASTRUCTURE, 0.85);
    static final Rule OUT_OF_MEMORY = new Rule("environment.out-of-memory", RESOURCE, 0.85, false);
    /** The kernel's OOM killer (SIGKILL, exit 137) hits whatever is biggest at the time: often gone on a re-run. */
    static final Rule OOM_KILLED = new Rule("environment.oom-killed", RESOURCE, 0.8, true);
    static final Rule MISSING_IMAGE = new Rule("environment.missing-image", CONFIGURATION, 0.8);
    static final Rule DOCKER_DAEMON = new Rule("environment.docker-daemon", INFRASTRUCTURE, 0.6);
    static final Rule NETWORK = new Rule("environment.network", INFRASTRUCTURE, 0.75);
    /** Often a test's own server that did not start, so weaker than other network errors. */
    static final Rule CONNECTION_REFUSED = new Rule("environment.connection-refused", INFRASTRUCTURE, 0.45);
    static final Rule PERMISSION = new Rule("environment.permission", CONFIGURATION, 0.55);
    static final Rule MISSING_COMMAND = new Rule("environment.command-not-found", CONFIGURATION, 0.7);
    static final Rule RUNNER_PROVISIONING = new Rule("environment.runner-provisioning", INFRASTRUCTURE, 0.85);

    private static final String[] NETWORK_ERRORS = { "Connection reset by peer", "Connection timed out",
            "connect timed out", "Read timed out", "Operation timed out", "ETIMEDOUT", "ESOCKETTIMEDOUT", "ECONNRESET",
            "EAI_AGAIN", "getaddrinfo", "Temporary failure in name resolution", "Name or service not known",
            "Could not resolve host", "dns error", "failed to lookup address", "Network is unreachable",
            "No route to host", "TLS handshake timeout", "i/o timeout", "socket hang up", "HttpClient.Timeout",
            "The remote end hung up unexpectedly", "RPC failed", "Service Unavailable", "Bad Gateway",
            "Gateway Time-out", "Gateway Timeout", "error sending request for url", "SSL_ERROR_SYSCALL",
            "Failed to connect to", "Could not connect to", "dial tcp", "unexpected disconnect", "Remote host terminated" };
    private static final String[] PERMISSION_ERRORS = { "Bad credentials", "Could not load credentials",
            "Unable to locate credentials", "could not read Username", "Authentication failed", "is not authorized to perform",
            "AccessDenied", "Access Denied", "Permission denied (publickey)", "Resource not accessible by integration",
            "401 Unauthorized", "403 Forbidden", "Requires authentication", "denied: permission_denied" };

    private final LineRules rules;

    public EnvironmentRules() {
        List<LineRule> table = new ArrayList<>(List.of(
                when("No space left on device", DISK_FULL),
                when("ENOSPC", DISK_FULL),
                when("not enough space on the disk", DISK_FULL),
                when("Disk quota exceeded", DISK_FULL),
                when("rate limit", "(?i)rate limit (?:exceeded|reached|hit)|secondary rate limit|pull rate limit", RATE_LIMIT),
                when("Rate limit", "(?i)rate limit (?:exceeded|reached|hit)", RATE_LIMIT),
                when("toomanyrequests", RATE_LIMIT),
                when("TOOMANYREQUESTS", RATE_LIMIT),
                when("Too Many Requests", RATE_LIMIT),
                when("Killed signal terminated program", OOM_KILLED),
                when("OOMKilled", OOM_KILLED),
                when("oom-kill", OOM_KILLED),
                when("Killed", "^(?:.*: )?Killed\\s*$|Killed process \\d+", OOM_KILLED),
                when("out of memory", "(?i)\\bout of memory\\b", OUT_OF_MEMORY),
                when("Out of memory", OUT_OF_MEMORY),
                when("OutOfMemoryError", OUT_OF_MEMORY),
                when("MemoryError", "\\bMemoryError\\b", OUT_OF_MEMORY),
                when("Cannot allocate memory", OUT_OF_MEMORY),
                when("std::bad_alloc", OUT_OF_MEMORY),
                when("memory exhausted", OUT_OF_MEMORY),
                when("Java heap space", OUT_OF_MEMORY),
                when("Error response from daemon",
                        "manifest unknown|not found|pull access denied|repository does not exist|unauthorized", MISSING_IMAGE),
                when("Error response from daemon", DOCKER_DAEMON),
                when("manifest unknown", MISSING_IMAGE),
                when("pull access denied", MISSING_IMAGE),
                when("failed to come online", RUNNER_PROVISIONING),
                when("not found", "(?:^|: )(?:line \\d+: |\\d+: )?[^:\\s][^:]*: (?:command )?not found\\s*$", MISSING_COMMAND),
                when("is not recognized as", "is not recognized as (?:an internal or external command|the name of a cmdlet)",
                        MISSING_COMMAND)));
        for (String error : NETWORK_ERRORS) {
            table.add(when(error, NETWORK));
        }
        table.add(when("Connection refused", CONNECTION_REFUSED));
        table.add(when("ECONNREFUSED", CONNECTION_REFUSED));
        for (String error : PERMISSION_ERRORS) {
            table.add(when(error, PERMISSION));
        }
        rules = new LineRules(table.toArray(LineRule[]::new));
    }

    @Override
    public List<String> keywords() {
        return rules.keywords();
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        if (!line.isShellTrace() && !line.isWarning()) {
            rules.report(line, findings);
        }
    }
}
