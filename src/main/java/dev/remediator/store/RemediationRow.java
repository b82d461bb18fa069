package dev.remediator.store;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.remediator.core.config.RepositoryConfig.Permission;
import dev.remediator.core.lifecycle.Remediation;
import dev.remediator.core.remediation.RemediationAction;
import dev.remediator.core.remediation.RiskFactor;
import dev.remediator.core.remediation.RiskScore;
import dev.remediator.core.lifecycle.RemediationState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A remediation as stored: what the planner proposed, where it stands, and what its execution produced. It is about a
 * failed workflow run ({@link #runId}) or about the drift of a pushed commit ({@link #subject}).
 */
@Entity
@Table(name = "remediation")
class RemediationRow extends PanacheEntityBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Id
    public long id;
    public long repositoryId;
    /** The workflow run a failure's remediation is about; null for drift, whose remediations have a {@link #subject}. */
    public Long runId;
    public Integer runAttempt;
    /** For drift: the pushed commit the remediation is about. */
    public String subject;
    public String headSha;
    public String headBranch;
    @Enumerated(EnumType.STRING)
    public RemediationAction action;
    public String target;
    @Enumerated(EnumType.STRING)
    public RemediationState state;
    public double risk;
    /** The risk factors as JSON: [{"name", "points", "explanation"}]. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String riskFactors;
    public String explanation;
    public String decisionReason;
    public String approvalPermission;
    public Instant approvalDeadline;
    public String culpritAuthor;
    public String branch;
    public Instant branchAt;
    public Integer pullNumber;
    public String pullUrl;
    public String outcome;
    public String note;
    /** When a regeneration's workflow was dispatched. */
    public Instant dispatchedAt;
    public Instant createdAt;
    public Instant updatedAt;

    /** As the flows see it. */
    Remediation remediation() {
        List<RiskFactor> factors;
        try {
            factors = List.of(JSON.readValue(riskFactors, RiskFactor[].class));
        } catch (IOException e) {
            throw new IllegalStateException("risk factors of remediation " + id + " are not readable", e);
        }
        return new Remediation(id, repositoryId, runId, runAttempt, subject, headSha, headBranch, action, target, state,
                new RiskScore(factors), explanation, decisionReason, Permission.valueOf(approvalPermission),
                approvalDeadline, culpritAuthor, branch, branchAt, pullNumber, pullUrl, outcome, note, dispatchedAt,
                createdAt, updatedAt);
    }
}
