package dev.remediator.core.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.remediator.core.config.LoadedConfig.Source;
import dev.remediator.core.drift.PathGlob;
import dev.remediator.core.drift.ProvenanceException;
import dev.remediator.core.config.RepositoryConfig.Approval;
import dev.remediator.core.config.RepositoryConfig.AutoMerge;
import dev.remediator.core.config.RepositoryConfig.Drift;
import dev.remediator.core.config.RepositoryConfig.Commits;
import dev.remediator.core.config.RepositoryConfig.DriftMode;
import dev.remediator.core.config.RepositoryConfig.Failures;
import dev.remediator.core.config.RepositoryConfig.Llm;
import dev.remediator.core.config.RepositoryConfig.MergeMethod;
import dev.remediator.core.config.RepositoryConfig.Mode;
import dev.remediator.core.config.RepositoryConfig.Notify;
import dev.remediator.core.config.RepositoryConfig.NotifyOn;
import dev.remediator.core.config.RepositoryConfig.Permission;
import dev.remediator.core.config.RepositoryConfig.Quarantine;
import dev.remediator.core.config.RepositoryConfig.Rerun;
import dev.remediator.core.config.RepositoryConfig.Revert;

/**
 * Reads {@code .github/remediator.yml} into a {@link RepositoryConfig}. It never throws: every problem (bad YAML,
 * unknown key, wrong type, value out of range) is collected with its path. So that a file written for a newer version
 * still works, an unknown key is only a warning (with the known key it is closest to), and a key whose value is
 * invalid keeps its default alone while the rest of the file applies; a file that cannot be read at all (not YAML,
 * not a mapping, too large) yields the defaults. Keys and ranges are published as {@code docs/remediator.schema.json}.
 */
public final class RepositoryConfigParser {

    /** Config files are small; a larger one is a mistake and not worth parsing. */
    static final int MAX_SIZE = 64 * 1024;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public LoadedConfig parse(String yaml, Source source, String location) {
        if (yaml.length() > MAX_SIZE) {
            return invalid(source, location, new ConfigProblem("", "the file is larger than 64 KiB"));
        }
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return invalid(source, location, new ConfigProblem("", "not valid YAML" + where + ": " + e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new LoadedConfig(RepositoryConfig.DEFAULTS, source, location, List.of());
        }
        if (!root.isObject()) {
            return invalid(source, location, new ConfigProblem("", "expected a mapping of settings, got "
                    + Fields.describe(root)));
        }
        Fields fields = new Fields();
        RepositoryConfig config = read(fields, root);
        return new LoadedConfig(config, source, location, fields.problems);
    }

    private static LoadedConfig invalid(Source source, String location, ConfigProblem problem) {
        return new LoadedConfig(RepositoryConfig.DEFAULTS, source, location, List.of(problem));
    }

    private static RepositoryConfig read(Fields fields, JsonNode root) {
        RepositoryConfig d = RepositoryConfig.DEFAULTS;
        JsonNode top = fields.object(root, "", "mode", "risk_threshold", "protected", "protected_paths",
                "max_prs_per_day", "approval", "failures", "drift", "notify", "automerge", "commits", "llm");
        return new RepositoryConfig(
                fields.choice(top, "", "mode", Mode.class, d.mode()),
                fields.integer(top, "", "risk_threshold", 0, 10, d.riskThreshold()),
                fields.bool(top, "", "protected", d.protectedRepository()),
                fields.globs(top, "", "protected_paths", d.protectedPaths()),
                fields.integer(top, "", "max_prs_per_day", 0, 100, d.maxPrsPerDay()),
                readApproval(fields, top.path("approval"), d.approval()),
                readFailures(fields, top.path("failures"), d.failures()),
                readDrift(fields, top.path("drift"), d.drift()),
                readNotify(fields, top.path("notify"), d.notifications()),
                readAutoMerge(fields, top.path("automerge"), d.autoMerge()),
                readCommits(fields, top.path("commits"), d.commits()), readLlm(fields, top.path("llm"), d.llm()));
    }

    private static Commits readCommits(Fields fields, JsonNode node, Commits d) {
        JsonNode commits = fields.object(node, "commits", "sign_off");
        return new Commits(fields.bool(commits, "commits", "sign_off", d.signOff()));
    }

    private static Llm readLlm(Fields fields, JsonNode node, Llm d) {
        JsonNode llm = fields.object(node, "llm", "explain", "fix");
        return new Llm(fields.bool(llm, "llm", "explain", d.explain()), fields.bool(llm, "llm", "fix", d.fix()));
    }

    private static AutoMerge readAutoMerge(Fields fields, JsonNode node, AutoMerge d) {
        String at = "automerge";
        JsonNode automerge = fields.object(node, at, "enabled", "actions", "max_risk", "method");
        List<String> actions = fields.strings(automerge, at, "actions", d.actions());
        for (int i = 0; i < actions.size(); i++) {
            if (!AutoMerge.MERGEABLE.contains(actions.get(i))) {
                fields.problem(at + ".actions[" + i + "]", "expected one of " + AutoMerge.MERGEABLE + ", got '"
                        + actions.get(i) + "'");
            }
        }
        return new AutoMerge(fields.bool(automerge, at, "enabled", d.enabled()), actions,
                fields.integer(automerge, at, "max_risk", 0, 10, d.maxRisk()),
                fields.choice(automerge, at, "method", MergeMethod.class, d.method()));
    }

    private static Notify readNotify(Fields fields, JsonNode node, Notify d) {
        String at = "notify";
        JsonNode notify = fields.object(node, at, "slack", "on");
        JsonNode slack = fields.object(notify.path("slack"), at + ".slack", "channel", "escalation_channel");
        return new Notify(
                fields.channel(slack, at + ".slack", "channel", d.slackChannel()),
                fields.channel(slack, at + ".slack", "escalation_channel", d.escalationChannel()),
                fields.choices(notify, at, "on", NotifyOn.class, d.on()));
    }

    private static Approval readApproval(Fields fields, JsonNode node, Approval d) {
        String at = "approval";
        JsonNode approval = fields.object(node, at, "timeout_hours", "permission", "allow_author");
        return new Approval(
                fields.integer(approval, at, "timeout_hours", 1, 24 * 30, d.timeoutHours()),
                fields.choice(approval, at, "permission", Permission.class, d.permission()),
                fields.bool(approval, at, "allow_author", d.allowAuthor()));
    }

    private static Failures readFailures(Fields fields, JsonNode node, Failures d) {
        String at = "failures";
        JsonNode failures = fields.object(node, at, "workflows", "rerun", "revert", "quarantine");
        JsonNode rerun = fields.object(failures.path("rerun"), at + ".rerun", "enabled", "max_attempts", "automatic");
        JsonNode revert = fields.object(failures.path("revert"), at + ".revert", "enabled", "branches");
        JsonNode quarantine = fields.object(failures.path("quarantine"), at + ".quarantine", "enabled", "file",
                "expire_after_days");
        return new Failures(
                fields.strings(failures, at, "workflows", d.workflows()),
                new Rerun(fields.bool(rerun, at + ".rerun", "enabled", d.rerun().enabled()),
                        fields.integer(rerun, at + ".rerun", "max_attempts", 0, 5, d.rerun().maxAttempts()),
                        fields.bool(rerun, at + ".rerun", "automatic", d.rerun().automatic())),
                new Revert(fields.bool(revert, at + ".revert", "enabled", d.revert().enabled()),
                        fields.strings(revert, at + ".revert", "branches", d.revert().branches())),
                new Quarantine(fields.bool(quarantine, at + ".quarantine", "enabled", d.quarantine().enabled()),
                        fields.path(quarantine, at + ".quarantine", "file", d.quarantine().file()),
                        fields.integer(quarantine, at + ".quarantine", "expire_after_days", 1, 365,
                                d.quarantine().expireAfterDays())));
    }

    private static Drift readDrift(Fields fields, JsonNode node, Drift d) {
        String at = "drift";
        JsonNode drift = fields.object(node, at, "enabled", "manifest", "mode", "regenerate_workflow", "branches");
        return new Drift(
                fields.bool(drift, at, "enabled", d.enabled()),
                fields.path(drift, at, "manifest", d.manifest()),
                fields.choice(drift, at, "mode", DriftMode.class, d.mode()),
                fields.string(drift, at, "regenerate_workflow", d.regenerateWorkflow()),
                fields.strings(drift, at, "branches", d.branches()));
    }

    /** Reads typed fields from the YAML tree and collects what is wrong with them. */
    private static final class Fields {
        final List<ConfigProblem> problems = new ArrayList<>();

        /** The mapping at {@code node}, with a problem for each key it does not know; missing means empty. */
        JsonNode object(JsonNode node, String at, String... keys) {
            if (node.isMissingNode() || node.isNull()) {
                return YAML.createObjectNode();
            }
            if (!node.isObject()) {
                problem(at, "expected a mapping of " + String.join(", ", keys) + ", got " + describe(node));
                return YAML.createObjectNode();
            }
            Set<String> known = Set.of(keys);
            for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!known.contains(name)) {
                    String closest = closest(name, keys);
                    problem(join(at, name), "unknown key, ignored" + (closest == null ? ""
                            : " (did you mean `" + join(at, closest) + "`?)") + "; known: " + String.join(", ", keys));
                }
            }
            return node;
        }

        int integer(JsonNode parent, String at, String key, int min, int max, int fallback) {
            return field(parent, at, key, fallback, node -> {
                if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
                    return fail(join(at, key), "expected a whole number from " + min + " to " + max + ", got "
                            + describe(node));
                }
                return node.asInt();
            });
        }

        boolean bool(JsonNode parent, String at, String key, boolean fallback) {
            return field(parent, at, key, fallback, node -> node.isBoolean() ? node.asBoolean()
                    : fail(join(at, key), "expected true or false, got " + describe(node)));
        }

        String string(JsonNode parent, String at, String key, String fallback) {
            return field(parent, at, key, fallback, node -> node.isTextual() && !node.asText().isBlank()
                    ? node.asText().trim()
                    : fail(join(at, key), "expected a non-empty string, got " + describe(node)));
        }

        /** A path inside the repository: relative, without {@code ..}. */
        String path(JsonNode parent, String at, String key, String fallback) {
            String value = string(parent, at, key, fallback);
            if (value.startsWith("/") || Arrays.asList(value.split("/")).contains("..")) {
                problem(join(at, key), "expected a path relative to the repository root, got \"" + value + "\"");
                return fallback;
            }
            return value;
        }

        List<String> strings(JsonNode parent, String at, String key, List<String> fallback) {
            return field(parent, at, key, fallback, node -> {
                if (!node.isArray()) {
                    return fail(join(at, key), "expected a list of strings, got " + describe(node));
                }
                List<String> values = new ArrayList<>();
                for (int i = 0; i < node.size(); i++) {
                    JsonNode item = node.get(i);
                    if (item.isTextual() && !item.asText().isBlank()) {
                        values.add(item.asText().trim());
                    } else {
                        problem(join(at, key) + "[" + i + "]", "expected a non-empty string, got " + describe(item));
                    }
                }
                return values;
            });
        }

        /** Repository path globs, as the provenance manifest writes them ({@code .github/workflows/**}). */
        List<String> globs(JsonNode parent, String at, String key, List<String> fallback) {
            List<String> globs = strings(parent, at, key, fallback);
            boolean valid = true;
            for (int i = 0; i < globs.size(); i++) {
                try {
                    PathGlob.parse(globs.get(i));
                } catch (ProvenanceException e) {
                    problem(join(at, key) + "[" + i + "]", e.getMessage());
                    valid = false;
                }
            }
            return valid ? globs : fallback;
        }

        <E extends Enum<E>> E choice(JsonNode parent, String at, String key, Class<E> type, E fallback) {
            return field(parent, at, key, fallback, node -> constant(node, join(at, key), type));
        }

        /** A list of an enum's constants, spelled in lower case; an empty list is allowed (nothing). */
        <E extends Enum<E>> Set<E> choices(JsonNode parent, String at, String key, Class<E> type, Set<E> fallback) {
            return field(parent, at, key, fallback, node -> {
                if (!node.isArray()) {
                    return fail(join(at, key), "expected a list of " + allowed(type) + ", got " + describe(node));
                }
                Set<E> values = new java.util.LinkedHashSet<>();
                for (int i = 0; i < node.size(); i++) {
                    E value = constant(node.get(i), join(at, key) + "[" + i + "]", type);
                    if (value != null) {
                        values.add(value);
                    }
                }
                return values;
            });
        }

        /** A Slack channel: {@code #name} (lower case, digits, {@code -_.}) or a channel id such as {@code C0123ABC}. */
        String channel(JsonNode parent, String at, String key, String fallback) {
            return field(parent, at, key, fallback, node -> node.isTextual()
                    && node.asText().trim().matches("#[a-z0-9][a-z0-9._-]{0,79}|[CGD][A-Z0-9]{6,}")
                    ? node.asText().trim()
                    : fail(join(at, key), "expected a Slack channel such as \"#ci-remediation\" or a channel id, got "
                            + describe(node)));
        }

        private <E extends Enum<E>> E constant(JsonNode node, String path, Class<E> type) {
            if (node.isTextual()) {
                for (E value : type.getEnumConstants()) {
                    if (value.name().equalsIgnoreCase(node.asText().trim())) {
                        return value;
                    }
                }
            }
            return fail(path, "expected one of " + allowed(type) + ", got " + describe(node));
        }

        private static <E extends Enum<E>> String allowed(Class<E> type) {
            return Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }

        /** The value at {@code key}, or {@code fallback} when it is missing or anything about it was wrong. */
        private <T> T field(JsonNode parent, String at, String key, T fallback, Function<JsonNode, T> read) {
            JsonNode node = parent.path(key);
            if (node.isMissingNode() || node.isNull()) {
                return fallback;
            }
            int known = problems.size();
            T value = read.apply(node);
            return value == null || problems.size() > known ? fallback : value;
        }

        /** The known key nearest to a misspelt one (at most a third of its letters off), or null. */
        static String closest(String unknown, String... keys) {
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (String key : keys) {
                int distance = distance(unknown.toLowerCase(Locale.ROOT).replace('-', '_'), key);
                if (distance < bestDistance) {
                    best = key;
                    bestDistance = distance;
                }
            }
            return bestDistance <= Math.max(1, unknown.length() / 3) ? best : null;
        }

        /** Levenshtein distance: insertions, deletions and substitutions. */
        private static int distance(String a, String b) {
            int[] previous = new int[b.length() + 1];
            int[] current = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                previous[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                current[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                    current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
                }
                int[] swap = previous;
                previous = current;
                current = swap;
            }
            return previous[b.length()];
        }

        /** Records the problem; the caller then keeps the key's default. */
        private <T> T fail(String path, String message) {
            problem(path, message);
            return null;
        }

        void problem(String path, String message) {
            problems.add(new ConfigProblem(path, message));
        }

        private static String join(String at, String key) {
            return at.isEmpty() ? key : at + "." + key;
        }

        static String describe(JsonNode node) {
            if (node.isTextual()) {
                return "\"" + node.asText() + "\"";
            }
            if (node.isContainerNode()) {
                return node.isArray() ? "a list" : "a mapping";
            }
            return node.toString();
        }
    }
}
