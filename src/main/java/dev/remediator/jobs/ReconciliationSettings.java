package dev.remediator.jobs;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The settings of reconciliation (environment: {@code REMEDIATOR_RECONCILE_INTERVAL}, {@code _WINDOW},
 * {@code _BACKSTOP_CALLS}).
 */
@ApplicationScoped
public class ReconciliationSettings {

    /** How often the delivery log is read; the scheduler reads the same key. */
    @ConfigProperty(name = "remediator.reconcile.interval", defaultValue = "60s")
    Duration interval;

    /** How far back a start looks (GitHub keeps its delivery log for three days). */
    @ConfigProperty(name = "remediator.reconcile.window", defaultValue = "6h")
    Duration window;

    /** GitHub calls the backstop may make per tick, leaving the rate limit to real work. */
    @ConfigProperty(name = "remediator.reconcile.backstop-calls", defaultValue = "10")
    int backstopCalls;

    public Duration interval() {
        return interval;
    }

    public Duration window() {
        return window;
    }

    public int backstopCalls() {
        return backstopCalls;
    }
}
