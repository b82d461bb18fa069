package dev.remediator.flow.quarantine;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.lifecycle.Remediation;
import dev.remediator.core.report.QuarantineText;
import dev.remediator.core.text.MarkdownText;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.store.QuarantineStore;
import dev.remediator.store.QuarantineStore.Quarantined;

/**
 * The tracking issue of a quarantine, opened when the quarantine executes, before its commit, so that the quarantine
 * file's comment line and the pull request can link it: labelled {@code flaky-test}, assigned to the test's owner.
 */
@ApplicationScoped
public class TrackingIssues {

    public static final String LABEL = "flaky-test";

    private static final Logger LOG = Logger.getLogger(TrackingIssues.class);

    @Inject
    QuarantineStore quarantines;

    @Inject
    TestOwners owners;

    /**
     * The quarantine's tracking issue: the one an earlier attempt opened, else a new one; empty when the test is
     * quarantined already (by another remediation), which is never done twice.
     */
    public Optional<Quarantined> open(RepositoryGitHub github, Remediation remediation, RepositoryConfig config,
            String defaultBranch) throws IOException {
        Optional<Quarantined> earlier = quarantines.find(remediation.id());
        if (earlier.isPresent() || quarantines.active(remediation.repositoryId(), remediation.target()).isPresent()) {
            return earlier;
        }
        String test = remediation.target();
        QuarantineText.Owner owner = owners.of(github, test, defaultBranch);
        String title = QuarantineText.issueTitle(test);
        // an earlier attempt may have opened it and died before recording it
        Optional<RepositoryGitHub.Issue> issue = github.openIssue(LABEL, title);
        if (issue.isEmpty()) {
            issue = Optional.of(github.createIssue(title, QuarantineText.issueBody(test, config.failures().quarantine()
                    .file(), remediation.explanation(), owner, config.failures().quarantine().expireAfterDays(),
                    remediation.id()), List.of(LABEL), owner.login()));
            LOG.infof("Remediation %d: tracking issue #%d of %s opened for %s (%s)", remediation.id(),
                    issue.get().number(), github.fullName(), test, owner.how());
        }
        quarantines.track(remediation.id(), remediation.repositoryId(), test, config.failures().quarantine().file(),
                owner.login(), owner.how(), issue.get().number(), issue.get().url());
        return quarantines.find(remediation.id());
    }

    /** The quarantine's pull request was not opened after all (the daily limit): its issue is closed, not planned. */
    public void abandon(RepositoryGitHub github, Quarantined quarantined, String reason) throws IOException {
        github.createComment(quarantined.issueNumber(), "The quarantine was not opened: " + MarkdownText.escape(reason)
                + ". Closing; the next flaky failure of the test proposes it again.");
        github.closeIssue(quarantined.issueNumber(), "not_planned");
        quarantines.keep(quarantined.remediationId(), quarantined.term().dropped());
    }
}
