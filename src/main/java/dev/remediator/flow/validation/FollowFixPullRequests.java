package dev.remediator.flow.validation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.remediator.core.lifecycle.Remediation;
import dev.remediator.core.lifecycle.RemediationChanged;
import dev.remediator.core.lifecycle.RemediationEvent;
import dev.remediator.github.GitHubRepositories;
import dev.remediator.outbox.LifecycleConsumer;
import dev.remediator.store.RemediationStore;

/** A remediation executed with a pull request: its CI is followed from now on. */
@ApplicationScoped
public class FollowFixPullRequests implements LifecycleConsumer {

    @Inject
    RemediationStore store;

    @Inject
    GitHubRepositories repositories;

    @Inject
    FixValidations validations;

    @Override
    public String name() {
        return "follow-fix-pull-requests";
    }

    @Override
    public boolean wants(RemediationChanged event) {
        return event.event() == RemediationEvent.EXECUTED;
    }

    @Override
    public void consume(RemediationChanged event) throws Exception {
        Remediation remediation = store.find(event.remediationId()).orElseThrow();
        if (remediation.pullNumber() != null) {
            validations.follow(repositories.open(remediation.repositoryId()), remediation);
        }
    }
}
