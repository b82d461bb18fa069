package dev.remediator.delivery;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;


/**
 * Whether trying a failed delivery again can help. Only what can change by itself is retried: GitHub's 5xx, timeouts
 * and rate limits, lost connections, and the database's transient faults (lost connection, deadlock, serialization, a
 * concurrent insert). A 4xx that will not change, a value the database refuses, a payload without what a handler
 * needs, and a defect of ours fail the delivery at once.
 */
enum FailureKind {
    /** Wait for the time the failure names, without using up an attempt. */
    DEFERRED,
    RETRY,
    GIVE_UP;

    /** 4xx that may change: a timeout, a conflict with a concurrent write, a rate limit. */
    private static final Set<Integer> CHANGING_CLIENT_ERRORS = Set.of(408, 409, 429);

    static FailureKind of(Throwable failure) {
        if (Retries.deferrable(failure).isPresent()) {
            return DEFERRED;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnusablePayloadException) {
                return GIVE_UP;
            }
            if (cause instanceof Refusal refused) {
                return CHANGING_CLIENT_ERRORS.contains(refused.status()) ? RETRY : GIVE_UP;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return transientDatabaseFault(sql.getSQLState()) ? RETRY : GIVE_UP;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause instanceof InterruptedException) {
                return RETRY;
            }
        }
        return GIVE_UP;
    }

    /**
     * SQLSTATE classes: 08 connection, 40 serialization and deadlock, 53 insufficient resources, 57 operator
     * intervention (a restart), and 23505, a unique key taken by a concurrent insert that the next try finds.
     */
    private static boolean transientDatabaseFault(String state) {
        return state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57")
                || state.equals("23505");
    }

}
