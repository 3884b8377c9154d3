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
    @Version
    private final Long version;

    @PersistenceCreator
    UserAccount(UUID id, String email, String displayName, String passwordHash, Instant createdAt, Long version) {
        this.id = id;
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
        this.version = version;
    }

    /** A new account (not yet stored) with a normalised e-mail. */
    public static UserAccount create(String normalisedEmail, String displayName, String passwordHash, Instant now) {
        return new UserAccount(UUID.randomUUID(), normalisedEmail, displayName, passwordHash, now, null);
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

    public Long version() {
        return version;
    }

    /** Spring Data sets the version of an immutable entity through this wither. */
    UserAccount withVersion(Long version) {
        return new UserAccount(id, email, displayName, passwordHash, createdAt, version);
    }
}
