package dev.remediator.core.remediation;

/**
 * How Remediator's earlier pull requests of one kind fared in a repository.
 *
 * @param rolledBack of the merged ones, how many broke the branch and were reverted: they count against
 */
public record TrackRecord(int merged, int closedUnmerged, int rolledBack) {

    public static final TrackRecord NONE = new TrackRecord(0, 0, 0);

    public TrackRecord(int merged, int closedUnmerged) {
        this(merged, closedUnmerged, 0);
    }

    public int total() {
        return merged + closedUnmerged;
    }
}
