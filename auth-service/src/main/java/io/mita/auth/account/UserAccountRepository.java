package io.mita.auth.account;

import java.util.UUID;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Mono;

public interface UserAccountRepository extends ReactiveCrudRepository<UserAccount, UUID> {

    /** @param email the normalised e-mail */
    Mono<UserAccount> findByEmail(String email);

    Mono<Boolean> existsByEmail(String email);
}
