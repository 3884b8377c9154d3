package io.mita.auth.account;

import io.mita.auth.account.domain.Role;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code user_role} rows of an account (a composite key Spring Data R2DBC does not map). */
@Repository
public class UserRoleRepository {

    private final DatabaseClient db;

    UserRoleRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Set<Role>> rolesOf(UUID userId) {
        return db.sql("SELECT role FROM user_role WHERE user_id = :userId")
                .bind("userId", userId)
                .map(row -> Role.valueOf(row.get("role", String.class)))
                .all()
                .collect(() -> EnumSet.noneOf(Role.class), Set::add);
    }

    /** Adds the roles the account does not have yet; answers how many were added. */
    public Mono<Long> grant(UUID userId, Collection<Role> roles) {
        return Flux.fromIterable(roles)
                .concatMap(role -> db.sql(
                                "INSERT INTO user_role (user_id, role) VALUES (:userId, :role) ON CONFLICT DO NOTHING")
                        .bind("userId", userId)
                        .bind("role", role.name())
                        .fetch()
                        .rowsUpdated())
                .reduce(0L, Long::sum);
    }

    /** Makes {@code roles} the account's complete set of roles. */
    public Mono<Void> replace(UUID userId, Set<Role> roles) {
        String[] names = roles.stream().map(Role::name).toArray(String[]::new);
        return db.sql("DELETE FROM user_role WHERE user_id = :userId AND NOT (role = ANY(:roles))")
                .bind("userId", userId)
                .bind("roles", names)
                .fetch()
                .rowsUpdated()
                .then(grant(userId, roles))
                .then();
    }
}
