package dev.remediator.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.remediator.core.config.LoadedConfig.Source;
import dev.remediator.core.config.RepositoryConfig.DriftMode;
import dev.remediator.core.config.RepositoryConfig.Mode;
import dev.remediator.core.config.RepositoryConfig.Permission;

class RepositoryConfigParserTest {

    private final RepositoryConfigParser parser = new RepositoryConfigParser();

    private LoadedConfig parse(String yaml) {
        return parser.parse(yaml, Source.REPOSITORY, "octo-org/octo-repo:.github/remediator.yml");
    }

    @Test
    void readsTheDocumentedExample() {
        LoadedConfig loaded = parse("""
                mode: auto
                risk_threshold: 4
                protected: true
                protected_paths: [".github/workflows/**", "deploy/**"]
                max_prs_per_day: 2
                approval: { timeout_hours: 12, permission: maintain, allow_author: true }
                failures:
                  workflows: [ci.yml]
                  rerun: { enabled: false, max_attempts: 2 }
                  revert: { enabled: true, branches: [main, release] }
                  quarantine: { enabled: true, file: "quarantine/tests.txt", expire_after_days: 14 }
                drift:
                  enabled: false
                  manifest: "gen/provenance.json"
                  mode: fail
                  regenerate_workflow: regen.yml
                commits: { sign_off: true }
                """);

        assertThat(loaded.problems()).isEmpty();
        RepositoryConfig config = loaded.config();
        assertThat(config.mode()).isEqualTo(Mode.AUTO);
        assertThat(config.riskThreshold()).isEqualTo(4);
        assertThat(config.protectedRepository()).isTrue();
        assertThat(config.protectedPaths()).containsExactly(".github/workflows/**", "deploy/**");
        assertThat(config.maxPrsPerDay()).isEqualTo(2);
        assertThat(config.approval()).isEqualTo(new RepositoryConfig.Approval(12, Permission.MAINTAIN, true));
        assertThat(config.failures().workflows()).containsExactly("ci.yml");
        assertThat(config.failures().rerun()).isEqualTo(new RepositoryConfig.Rerun(false, 2, true));
        assertThat(config.failures().revert().branches()).containsExactly("main", "release");
        assertThat(config.failures().quarantine().file()).isEqualTo("quarantine/tests.txt");
        assertThat(config.failures().quarantine().expireAfterDays()).isEqualTo(14);
        assertThat(config.commits().signOff()).isTrue();
        assertThat(config.drift().mode()).isEqualTo(DriftMode.FAIL);
        assertThat(config.drift().manifest()).isEqualTo("gen/provenance.json");
        assertThat(config.drift().regenerateWorkflow()).isEqualTo("regen.yml");
        assertThat(loaded.source()).isEqualTo(Source.REPOSITORY);
    }

    @Test
    void keysLeftOutKeepTheirDefaults() {
        LoadedConfig loaded = parse("risk_threshold: 5\nfailures:\n  rerun:\n    max_attempts: 3\n");

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.config().riskThreshold()).isEqualTo(5);
        assertThat(loaded.config().failures().rerun()).isEqualTo(new RepositoryConfig.Rerun(true, 3, true));
        assertThat(loaded.config().approval()).isEqualTo(RepositoryConfig.DEFAULTS.approval());
        assertThat(loaded.config().mode()).isEqualTo(Mode.ADVISORY);
    }

    @Test
    void anEmptyFileMeansTheDefaults() {
        assertThat(parse("").config()).isEqualTo(RepositoryConfig.DEFAULTS);
        assertThat(parse("# nothing yet\n").problems()).isEmpty();
    }

    @Test
    void everyProblemIsListedWithItsPathAndEachBadKeyKeepsItsDefault() {
        LoadedConfig loaded = parse("""
                mode: yolo
                risk_threshold: 12
                protected: "yes"
                max_pr_per_day: 3
                approval: { permission: owner }
                failures:
                  rerun: { max_attempts: -1 }
                  quarantine: { file: "../outside.txt", expire_after_days: 0 }
                drift: [warn]
                commits: { sign_off: sometimes }
                """);

        assertThat(loaded.problems()).isNotEmpty();
        assertThat(loaded.config()).as("every key given is bad").isEqualTo(RepositoryConfig.DEFAULTS);
        assertThat(loaded.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                "`max_pr_per_day`: unknown key, ignored (did you mean `max_prs_per_day`?); known: mode, risk_threshold,"
                        + " protected, protected_paths, max_prs_per_day, approval, failures, drift, notify, automerge,"
                        + " commits, llm",
                "`mode`: expected one of advisory, auto, got \"yolo\"",
                "`risk_threshold`: expected a whole number from 0 to 10, got 12",
                "`protected`: expected true or false, got \"yes\"",
                "`approval.permission`: expected one of none, read, triage, write, maintain, admin, got \"owner\"",
                "`failures.rerun.max_attempts`: expected a whole number from 0 to 5, got -1",
                "`failures.quarantine.file`: expected a path relative to the repository root, got \"../outside.txt\"",
                "`failures.quarantine.expire_after_days`: expected a whole number from 1 to 365, got 0",
                "`commits.sign_off`: expected true or false, got \"sometimes\"",
                "`drift`: expected a mapping of enabled, manifest, mode, regenerate_workflow, branches, got a list");
    }

    @Test
    void aKeyOfANewerVersionIsAWarningAndTheValidRestApplies() {
        LoadedConfig loaded = parse("""
                mode: auto
                telemetry: { enabled: true }
                risk_threshold: 12
                max_prs_per_day: 2
                approval: { timeout_hour: 4, permission: maintain }
                drift: { mode: fail, branches: [release, 3] }
                """);

        assertThat(loaded.problems()).extracting(ConfigProblem::toString).containsExactly(
                "`telemetry`: unknown key, ignored; known: mode, risk_threshold, protected, protected_paths,"
                        + " max_prs_per_day, approval, failures, drift, notify, automerge, commits, llm",
                "`risk_threshold`: expected a whole number from 0 to 10, got 12",
                "`approval.timeout_hour`: unknown key, ignored (did you mean `approval.timeout_hours`?); known:"
                        + " timeout_hours, permission, allow_author",
                "`drift.branches[1]`: expected a non-empty string, got 3");
        RepositoryConfig config = loaded.config();
        assertThat(config.mode()).isEqualTo(RepositoryConfig.Mode.AUTO);
        assertThat(config.riskThreshold()).as("invalid: its default").isEqualTo(RepositoryConfig.DEFAULTS.riskThreshold());
        assertThat(config.maxPrsPerDay()).isEqualTo(2);
        assertThat(config.approval().permission()).isEqualTo(RepositoryConfig.Permission.MAINTAIN);
        assertThat(config.approval().timeoutHours()).isEqualTo(RepositoryConfig.DEFAULTS.approval().timeoutHours());
        assertThat(config.drift().mode()).isEqualTo(RepositoryConfig.DriftMode.FAIL);
        assertThat(config.drift().branches()).as("a list with a bad item keeps its default whole")
                .isEqualTo(RepositoryConfig.DEFAULTS.drift().branches());
    }

    @Test
    void badYamlSaysWhere() {
        LoadedConfig loaded = parse("mode: auto\nfailures:\n  rerun: { enabled: true\n");

        assertThat(loaded.config()).isEqualTo(RepositoryConfig.DEFAULTS);
        assertThat(loaded.problems()).singleElement().extracting(ConfigProblem::message).asString()
                .startsWith("not valid YAML (line ");
    }

    @Test
    void aFileThatIsNotAMappingIsAProblem() {
        assertThat(parse("- mode: auto\n").problems()).extracting(ConfigProblem::message).singleElement().asString()
                .startsWith("expected a mapping");
    }

    @Test
    void automergeIsReadAndItsActionsAreChecked() {
        LoadedConfig loaded = parse("automerge: {enabled: true, actions: [quarantine, revert], max_risk: 4, method: rebase}\n");
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.config().autoMerge()).isEqualTo(new RepositoryConfig.AutoMerge(true,
                java.util.List.of("quarantine", "revert"), 4, RepositoryConfig.MergeMethod.REBASE));
        assertThat(parse("").config().autoMerge()).isEqualTo(new RepositoryConfig.AutoMerge(false,
                java.util.List.of("quarantine", "rebaseline"), 2, RepositoryConfig.MergeMethod.SQUASH));
        assertThat(parse("automerge: {actions: [rerun], method: octopus}\n").problems())
                .extracting(ConfigProblem::path).containsExactlyInAnyOrder("automerge.actions[0]", "automerge.method");
    }

    @Test
    void listItemsThatAreNotStringsAreNamed() {
        assertThat(parse("protected_paths: [\"docs/**\", 3, {a: b}]").problems()).extracting(ConfigProblem::path)
                .containsExactly("protected_paths[1]", "protected_paths[2]");
    }

    @Test
    void protectedPathsMustBeGlobs() {
        assertThat(parse("protected_paths: [\"deploy/**\", \"src/[main\"]").problems()).singleElement()
                .satisfies(p -> {
                    assertThat(p.path()).isEqualTo("protected_paths[1]");
                    assertThat(p.message()).contains("invalid glob 'src/[main'");
                });
    }

    @Test
    void anOversizedFileIsRefused() {
        assertThat(parse("# " + "x".repeat(RepositoryConfigParser.MAX_SIZE)).problems())
                .extracting(ConfigProblem::message).containsExactly("the file is larger than 64 KiB");
    }

    @ParameterizedTest
    @CsvSource({
            "CI,    .github/workflows/anything.yml, true",
            "Build, .github/workflows/ci.yml,       true",
            "Build, ci.yml,                         true",
            "Build, .github/workflows/build.yml,    false",
            "ci,    .github/workflows/ci-nightly.yml, false" })
    void workflowsNarrowTheRunsWatchedByNameOrFile(String runName, String path, boolean watched) {
        RepositoryConfig.Failures failures = new RepositoryConfig.Failures(List.of("ci.yml", "CI"),
                RepositoryConfig.DEFAULTS.failures().rerun(), RepositoryConfig.DEFAULTS.failures().revert(),
                RepositoryConfig.DEFAULTS.failures().quarantine());
        assertThat(failures.watches(runName, path)).isEqualTo(watched);
        assertThat(RepositoryConfig.DEFAULTS.failures().watches(runName, path)).isTrue();
    }

    @Test
    void permissionsCompareByStrength() {
        assertThat(Permission.ADMIN.atLeast(Permission.WRITE)).isTrue();
        assertThat(Permission.MAINTAIN.atLeast(Permission.ADMIN)).isFalse();
        assertThat(Permission.WRITE.atLeast(Permission.WRITE)).isTrue();
        assertThat(Permission.READ.atLeast(Permission.TRIAGE)).isFalse();
    }

    @Test
    void notifyNamesSlackChannelsAndTheEventsWorthTelling() {
        LoadedConfig loaded = parse("""
                notify:
                  slack: { channel: "#ci-remediation", escalation_channel: "#platform-oncall" }
                  on: [approval_requested, done, failed, expired, validation_failed]
                """);

        assertThat(loaded.problems()).isEmpty();
        RepositoryConfig.Notify notify = loaded.config().notifications();
        assertThat(notify.slackChannel()).isEqualTo("#ci-remediation");
        assertThat(notify.escalationChannel()).isEqualTo("#platform-oncall");
        assertThat(notify.on()).containsExactlyInAnyOrder(RepositoryConfig.NotifyOn.values());
    }

    @Test
    void withoutNotifyAHumanIsToldWhatNeedsThemAndWhatWentWrongButNotEverySuccess() {
        RepositoryConfig.Notify notify = parse("mode: advisory\n").config().notifications();

        assertThat(notify.slackChannel()).isNull();
        assertThat(notify.wants(RepositoryConfig.NotifyOn.APPROVAL_REQUESTED)).isTrue();
        assertThat(notify.wants(RepositoryConfig.NotifyOn.EXPIRED)).isTrue();
        assertThat(notify.wants(RepositoryConfig.NotifyOn.DONE)).isFalse();
        assertThat(parse("notify: { on: [] }\n").config().notifications().on()).isEmpty();
    }

    @Test
    void notifyProblemsAreNamed() {
        LoadedConfig loaded = parse("""
                notify:
                  slack: { channel: "ci remediation", escalation: "#oncall" }
                  on: [approval_requested, merged]
                """);

        assertThat(loaded.problems()).extracting(ConfigProblem::path)
                .containsExactlyInAnyOrder("notify.slack.channel", "notify.slack.escalation", "notify.on[1]");
        assertThat(loaded.problems()).anySatisfy(problem -> assertThat(problem.message())
                .contains("expected one of approval_requested, done, failed, expired, validation_failed"));
        assertThat(loaded.config()).isEqualTo(RepositoryConfig.DEFAULTS);
    }
}
