package dev.remediator.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The drift of one commit as stored (see {@link DriftStore}); the nodes are rows of their own. */
@Entity
@Table(name = "drift_report")
class DriftReportRow extends PanacheEntityBase {

    @Id
    public long id;
    public long repositoryId;
    public String headSha;
    public String ref;
    /** {@code push} or {@code scan}. */
    public String source;
    public String deliveryId;
    public String manifestPath;
    public String mode;
    /** CLEAN, DRIFTED, FAILED, or INVALID when the manifest could not be used ({@link #problem} says why). */
    public String verdict;
    public String problem;
    public int nodes;
    public int drifted;
    /** {"NONE": n, "CODE_STALE": n, ...} */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String counts;
    public int filesRead;
    public boolean treeTruncated;
    public String configLocation;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String configProblems;
    /** The report in Markdown, within a check run summary's limit. */
    public String summary;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String annotations;
    public Integer millis;
    public Instant createdAt;

    DriftReportRecord record() {
        return new DriftReportRecord(id, repositoryId, headSha, ref, source, deliveryId, manifestPath, mode, verdict, problem, nodes, drifted, counts, filesRead, treeTruncated, configLocation, configProblems, summary, annotations, millis, createdAt);
    }
}
