package io.mita.notification.push;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Table {@code device_token}: the devices each user registered for push. */
@Repository
class DeviceTokens {

    private final DatabaseClient database;

    DeviceTokens(DatabaseClient database) {
        this.database = database;
    }

    Mono<Void> register(UUID userId, String token, String platform) {
        return database.sql("""
                        INSERT INTO device_token (user_id, token, platform) VALUES (:userId, :token, :platform)
                        ON CONFLICT (user_id, token) DO UPDATE SET platform = EXCLUDED.platform""")
                .bind("userId", userId)
                .bind("token", token)
                .bind("platform", platform)
                .then();
    }

    Mono<Boolean> remove(UUID userId, String token) {
        return database.sql("DELETE FROM device_token WHERE user_id = :userId AND token = :token")
                .bind("userId", userId)
                .bind("token", token)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    /** A token the provider called unregistered, whoever registered it. */
    Mono<Void> forget(String token) {
        return database.sql("DELETE FROM device_token WHERE token = :token")
                .bind("token", token)
                .then();
    }

    Flux<String> of(UUID userId) {
        return database.sql("SELECT token FROM device_token WHERE user_id = :userId ORDER BY created_at")
                .bind("userId", userId)
                .map(row -> row.get("token", String.class))
                .all();
    }
}
