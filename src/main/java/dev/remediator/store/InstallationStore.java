package dev.remediator.store;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Installations and their repositories. Writes are upserts because deliveries for one installation are processed
 * concurrently and may arrive in any order.
 */
@ApplicationScoped
public class InstallationStore {

    @Inject
    EntityManager em;

    @Transactional
    public void saveInstallation(long id, String accountLogin, Long accountId, String accountType, Instant suspendedAt) {
        em.createNativeQuery("""
                insert into installation (id, account_login, account_id, account_type, suspended_at)
                values (?1, ?2, ?3, ?4, ?5)
                on conflict (id) do update set account_login = excluded.account_login,
                    account_id = coalesce(excluded.account_id, installation.account_id),
                    account_type = coalesce(excluded.account_type, installation.account_type),
                    suspended_at = excluded.suspended_at, removed_at = null, updated_at = now()""")
                .setParameter(1, id)
                .setParameter(2, accountLogin)
                .setParameter(3, accountId)
                .setParameter(4, accountType)
                .setParameter(5, suspendedAt)
                .executeUpdate();
    }

    /** Records that the app was uninstalled: later deliveries for it are ignored. */
    @Transactional
    public void removeInstallation(long id, String accountLogin) {
        em.createNativeQuery("""
                insert into installation (id, account_login, removed_at) values (?1, ?2, now())
                on conflict (id) do update set removed_at = now(), updated_at = now()""")
                .setParameter(1, id)
                .setParameter(2, accountLogin)
                .executeUpdate();
        em.createNativeQuery("update repository set removed_at = now(), updated_at = now() "
                + "where installation_id = ?1 and removed_at is null")
                .setParameter(1, id)
                .executeUpdate();
    }

    /**
     * Adds or refreshes a repository, bringing it back if it had been removed from the installation. Done for every
     * delivery that names a repository: one statement with its installation's row, no transaction of its own.
     */
    @Transactional(TxType.SUPPORTS)
    public void saveRepository(long id, long installationId, String fullName, Boolean isPrivate, String defaultBranch) {
        em.createNativeQuery(WITH_INSTALLATION + """
                insert into repository (id, installation_id, full_name, is_private, default_branch)
                values (:id, :installation, :name, :private, :branch)
                on conflict (id) do update set installation_id = excluded.installation_id,
                    full_name = excluded.full_name, is_private = coalesce(excluded.is_private, repository.is_private),
                    default_branch = coalesce(excluded.default_branch, repository.default_branch),
                    removed_at = null, updated_at = now()
                returning id""")
                .setParameter("id", id)
                .setParameter("installation", installationId)
                .setParameter("name", fullName)
                .setParameter("owner", owner(fullName))
                .setParameter("private", isPrivate)
                .setParameter("branch", defaultBranch)
                .getResultList();
    }

    @Transactional
    public void removeRepository(long id, long installationId, String fullName) {
        em.createNativeQuery(WITH_INSTALLATION + """
                insert into repository (id, installation_id, full_name, removed_at) values (:id, :installation, :name, now())
                on conflict (id) do update set removed_at = now(), updated_at = now()""")
                .setParameter("id", id)
                .setParameter("installation", installationId)
                .setParameter("name", fullName)
                .setParameter("owner", owner(fullName))
                .executeUpdate();
    }

    /** A repository the app is (or was) installed on. */
    @Transactional
    public Optional<KnownRepository> repository(long id) {
        return Optional.ofNullable(InstalledRepository.<InstalledRepository>findById(id)).map(InstallationStore::known);
    }

    /** The repository of that name the app is installed on now. */
    @Transactional
    public Optional<KnownRepository> repository(String fullName) {
        return InstalledRepository.byFullName(fullName).map(InstallationStore::known);
    }

    /** A repository's default branch as last heard of, {@code main} when never heard of. */
    @Transactional
    public String defaultBranchOf(long repositoryId) {
        return InstalledRepository.defaultBranchOf(repositoryId);
    }

    static KnownRepository known(InstalledRepository r) {
        return new KnownRepository(r.id, r.installationId, r.fullName, r.defaultBranch);
    }

    /**
     * Why deliveries for this installation or repository must be ignored, if they must. Asked of every delivery: one
     * read, without a transaction of its own.
     */
    @Transactional(TxType.SUPPORTS)
    public Optional<String> whyIgnored(Long installationId, Long repositoryId) {
        Object[] row = (Object[]) NativeRows.query(em, """
                select (select case when removed_at is not null then 'was removed'
                                    when suspended_at is not null then 'is suspended' end
                        from installation where id = cast(?1 as bigint)),
                       (select full_name from repository where id = cast(?2 as bigint) and removed_at is not null)""",
                installationId, repositoryId).getSingleResult();
        if (row[0] != null) {
            return Optional.of("installation " + installationId + " " + row[0]);
        }
        return Optional.ofNullable(row[1]).map(name -> "repository " + name + " was removed from the installation");
    }

    /**
     * Deliveries may come before the installation event (or without it, for an app installed earlier): a repository's
     * statement adds its installation ({@code :installation}, its owner's login {@code :owner}) if it is not known yet.
     */
    private static final String WITH_INSTALLATION = """
            with installation_row as (insert into installation (id, account_login) values (:installation, :owner) on conflict (id) do nothing)
            """;

    private static String owner(String fullName) {
        return fullName.substring(0, fullName.indexOf('/'));
    }
}
