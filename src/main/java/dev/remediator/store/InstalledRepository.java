package dev.remediator.store;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A repository the app is installed on (or was: {@link #removedAt}). */
@Entity
@Table(name = "repository")
public class InstalledRepository extends PanacheEntityBase {

    @Id
    public long id;
    public long installationId;
    public String fullName;
    public Boolean isPrivate;
    public String defaultBranch;
    public Instant removedAt;
    public Instant createdAt;
    public Instant updatedAt;

    /** The repository's default branch as last heard of, {@code main} when never heard of. */
    public static String defaultBranchOf(long id) {
        InstalledRepository repository = findById(id);
        return repository == null || repository.defaultBranch == null ? "main" : repository.defaultBranch;
    }

    public static Optional<InstalledRepository> byFullName(String fullName) {
        // a name can have been used by a repository since deleted: the one heard of last is the current one
        return find("lower(fullName) = lower(?1) and removedAt is null order by updatedAt desc", fullName)
                .firstResultOptional();
    }


}
