package io.mita.auth.export;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * auth-service's own part of an export ({@code auth.json}): the profile, roles, login sessions with their devices
 * and networks, whether two-factor sign-in is on and how many recovery codes are left, lockout state, and the
 * user's earlier exports. Never a password hash, a token (hash), a TOTP secret or a recovery code.
 */
@Component
class AccountDataReader {

    private final DatabaseClient db;

    AccountDataReader(DatabaseClient db) {
        this.db = db;
    }

    Mono<Map<String, Object>> read(UUID userId, Instant exportedAt) {
        Mono<Map<String, Object>> profile = db.sql(
                        "SELECT id, email, display_name, created_at, failed_attempts, locked_until"
                                + " FROM user_account WHERE id = :id")
                .bind("id", userId)
                .map(row -> {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("userId", String.valueOf(row.get("id", UUID.class)));
                    p.put("email", row.get("email", String.class));
                    p.put("displayName", row.get("display_name", String.class));
                    p.put("createdAt", text(row.get("created_at", Instant.class)));
                    p.put("failedLoginAttempts", row.get("failed_attempts", Integer.class));
                    p.put("lockedUntil", text(row.get("locked_until", Instant.class)));
                    return p;
                })
                .one();
        Mono<List<String>> roles = db.sql("SELECT role FROM user_role WHERE user_id = :id ORDER BY role")
                .bind("id", userId)
                .map(row -> row.get("role", String.class))
                .all()
                .collectList();
        Mono<List<Map<String, Object>>> sessions = db.sql(
                        "SELECT id, device_name, network, created_at, last_used_at FROM user_session"
                                + " WHERE user_id = :id ORDER BY created_at")
                .bind("id", userId)
                .map(row -> {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("sessionId", String.valueOf(row.get("id", UUID.class)));
                    s.put("deviceName", row.get("device_name", String.class));
                    s.put("network", row.get("network", String.class));
                    s.put("createdAt", text(row.get("created_at", Instant.class)));
                    s.put("lastUsedAt", text(row.get("last_used_at", Instant.class)));
                    return s;
                })
                .all()
                .collectList();
        Mono<Map<String, Object>> mfa = db.sql("SELECT"
                        + " (SELECT count(*) FROM user_mfa WHERE user_id = :id AND confirmed_at IS NOT NULL) AS on_,"
                        + " (SELECT count(*) FROM mfa_recovery_code WHERE user_id = :id AND used_at IS NULL) AS codes")
                .bind("id", userId)
                .map(row -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("totpEnabled", row.get("on_", Long.class) > 0);
                    m.put("unusedRecoveryCodes", row.get("codes", Long.class));
                    return m;
                })
                .one();
        Mono<List<Map<String, Object>>> exports = db.sql(
                        "SELECT id, status, requested_at, completed_at, expires_at FROM data_export"
                                + " WHERE user_id = :id ORDER BY requested_at")
                .bind("id", userId)
                .map(row -> {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("exportId", String.valueOf(row.get("id", UUID.class)));
                    e.put("status", row.get("status", String.class));
                    e.put("requestedAt", text(row.get("requested_at", Instant.class)));
                    e.put("completedAt", text(row.get("completed_at", Instant.class)));
                    e.put("expiresAt", text(row.get("expires_at", Instant.class)));
                    return e;
                })
                .all()
                .collectList();
        return Mono.zip(profile, roles, sessions, mfa, exports).map(all -> {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("service", "auth");
            document.put("userId", userId.toString());
            document.put("exportedAt", exportedAt.toString());
            document.put("account", all.getT1());
            document.put("roles", all.getT2());
            document.put("sessions", all.getT3());
            document.put("twoFactorSignIn", all.getT4());
            document.put("dataExports", all.getT5());
            return document;
        });
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
