package dev.remediator.core.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether something Remediator depends on (GitHub, its database) has been unreachable long enough to tell a human:
 * it says so once per outage, at the first probe after {@code threshold} of failures in a row, and again only after a
 * probe succeeded. Not thread-safe: one scheduled job feeds it.
 */
public final class OutageWatch {

    /** An outage worth a critical message. */
    public record Outage(String component, Instant since) {
    }

    private record Standing(Instant failingSince, boolean told) {
    }

    private final Duration threshold;
    private final Map<String, Standing> standings = new HashMap<>();

    public OutageWatch(Duration threshold) {
        this.threshold = threshold;
    }

    /** Records a probe of {@code component}; the outage to tell about now, if any. */
    public Optional<Outage> probed(String component, boolean reachable, Instant at) {
        if (reachable) {
            standings.remove(component);
            return Optional.empty();
        }
        Standing standing = standings.computeIfAbsent(component, name -> new Standing(at, false));
        if (standing.told() || Duration.between(standing.failingSince(), at).compareTo(threshold) < 0) {
            return Optional.empty();
        }
        standings.put(component, new Standing(standing.failingSince(), true));
        return Optional.of(new Outage(component, standing.failingSince()));
    }
}
