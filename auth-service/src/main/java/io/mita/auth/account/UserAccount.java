package io.mita.auth.account;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An account: who can log in. Its roles live in {@code user_role} ({@link UserRoleRepository}). */
@Table("user_account")
public class UserAccount {

    @Id
    private final UUID id;

    private final String email;
    private final String displayName;
    private final String passwordHash;
    private final Instant createdAt;
    private final int failedAttempts;
    private final Instant lockedUntil;

    @Version
    private final Long version;

    @PersistenceCreator
    UserAccount(
            UUID id,
            String email,
            String displayName,
            String passwordHash,
            Instant createdAt,
            int failedAttempts,
            Instant lockedUntil,
            Long version) {
        this.id = id;
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
        this.failedAttempts = failedAttempts;
        this.lockedUntil = lockedUntil;
        this.version = version;
    }

    /** A new account (not yet stored) with a normalised e-mail. */
    public static UserAccount create(String normalisedEmail, String displayName, String passwordHash, Instant now) {
        return new UserAccount(UUID.randomUUID(), normalisedEmail, displayName, passwordHash, now, 0, null, null);
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Consecutive failed logins since the last success or lock (written only by LoginAttemptRepository). */
    public int failedAttempts() {
        return failedAttempts;
    }

    /** When the login lock ends; null when none was recorded. A past instant is a lock that has ended. */
    public Instant lockedUntil() {
        return lockedUntil;
    }

    /** Whether logins are refused at {@code now} because of too many failures. */
    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public Long version() {
        return version;
    }

    /** Spring Data sets the version of an immutable entity through this wither. */
    UserAccount withVersion(Long version) {
        return new UserAccount(id, email, displayName, passwordHash, createdAt, failedAttempts, lockedUntil, version);
    }
}
