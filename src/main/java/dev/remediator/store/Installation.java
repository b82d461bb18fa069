package dev.remediator.store;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An installation of the app on an account, kept current by the installation events. */
@Entity
@Table(name = "installation")
public class Installation extends PanacheEntityBase {

    @Id
    public long id;
    public String accountLogin;
    public Long accountId;
    public String accountType;
    public Instant suspendedAt;
    public Instant removedAt;
    public Instant createdAt;
    public Instant updatedAt;

}
