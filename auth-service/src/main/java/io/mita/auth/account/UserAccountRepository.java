package io.mita.auth.account;

import java.util.UUID;
import org.springframework.data.r2dbc.repository.Modifying;
import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Mono;

public interface UserAccountRepository extends ReactiveCrudRepository<UserAccount, UUID> {

    /** @param email the normalised e-mail */
    Mono<UserAccount> findByEmail(String email);

    Mono<Boolean> existsByEmail(String email);

    /** Replaces the password hash; answers the number of rows changed (0 when there is no such account). */
    @Modifying
    @Query("UPDATE user_account SET password_hash = :passwordHash, version = version + 1 WHERE id = :id")
    Mono<Integer> updatePasswordHash(UUID id, String passwordHash);
}
