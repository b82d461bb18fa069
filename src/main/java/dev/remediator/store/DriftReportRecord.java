package dev.remediator.store;

import java.time.Instant;

/**
 * The drift of one commit as stored (see {@link DriftStore}); the nodes are rows of their own.
 *
 * @param source  {@code push} or {@code scan}
 * @param verdict CLEAN, DRIFTED, FAILED, or INVALID when the manifest could not be used ({@code problem} says why)
 * @param counts  JSON: {"NONE": n, "CODE_STALE": n, ...}
 * @param summary the report in Markdown, within a check run summary's limit
 */
public record DriftReportRecord(long id, long repositoryId, String headSha, String ref, String source, String deliveryId, String manifestPath, String mode, String verdict, String problem, int nodes, int drifted, String counts, int filesRead, boolean treeTruncated, String configLocation, String configProblems, String summary, String annotations, Integer millis, Instant createdAt) {
}
