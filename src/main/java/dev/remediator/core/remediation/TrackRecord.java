package dev.remediator.core.remediation;

/** How Remediator's earlier pull requests of one kind fared in a repository. */
public record TrackRecord(int merged, int closedUnmerged) {

    public static final TrackRecord NONE = new TrackRecord(0, 0);

    public int total() {
        return merged + closedUnmerged;
    }
}
