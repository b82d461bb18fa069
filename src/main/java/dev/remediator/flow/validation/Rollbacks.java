package dev.remediator.flow.validation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.remediator.core.lifecycle.LifecycleChange;
import dev.remediator.core.lifecycle.Remediation;
import dev.remediator.core.lifecycle.RemediationChanged;
import dev.remediator.core.lifecycle.RemediationEvent;
import dev.remediator.core.remediation.RemediationAction;
import dev.remediator.outbox.LifecycleConsumer;
import dev.remediator.store.RemediationStore;

/**
 * A revert of one of Remediator's own merged fixes was merged: that fix is ROLLED_BACK, the clearest false positive
 * there is, which the metrics and the risk model's track record count against its kind.
 */
@ApplicationScoped
public class Rollbacks implements LifecycleConsumer {

    @Inject
    RemediationStore store;

    @Override
    public String name() {
        return "rollbacks";
    }

    @Override
    public boolean wants(RemediationChanged event) {
        return event.event() == RemediationEvent.PULL_REQUEST_MERGED;
    }

    @Override
    public void consume(RemediationChanged event) {
        Remediation revert = store.find(event.remediationId()).orElseThrow();
        if (revert.action() != RemediationAction.REVERT) {
            return;
        }
        store.mergedInto(revert.repositoryId(), revert.target()).filter(fix -> fix.id() != revert.id())
                .filter(fix -> !store.happened(fix.id(), RemediationEvent.ROLLED_BACK))
                .ifPresent(fix -> store.apply(fix.id(), LifecycleChange.of(RemediationEvent.ROLLED_BACK,
                        event.actor(), "reverted by pull request #" + revert.pullNumber() + " (audit id " + revert.id()
                                + ") after it broke " + revert.headBranch(), null)
                        .noting("rolled back by pull request #" + revert.pullNumber())));
    }
}
