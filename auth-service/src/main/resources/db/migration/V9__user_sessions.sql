-- What a user sees of their login sessions (GET /api/auth/sessions): one row per refresh-token family (id =
-- refresh_token.family_id). device_name comes from the client's X-Device-Name header or its User-Agent;
-- network is the client's address masked to its /24 (IPv4) or /48 (IPv6) network, the only "location" kept
-- (no GeoIP database); last_used_at is the latest login or refresh. Whether a session is still open is
-- decided by its refresh tokens (an unspent, unrevoked, unexpired one), so revocation stays in one place.
CREATE TABLE user_session (
    id           UUID         PRIMARY KEY,
    user_id      UUID         NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    device_name  VARCHAR(100) NOT NULL,
    network      VARCHAR(64),
    created_at   TIMESTAMPTZ  NOT NULL,
    last_used_at TIMESTAMPTZ  NOT NULL
);

CREATE INDEX user_session_user ON user_session (user_id);

-- sessions opened before this table existed
INSERT INTO user_session (id, user_id, device_name, network, created_at, last_used_at)
SELECT family_id, user_id, 'Unknown device', NULL, min(created_at), max(coalesce(used_at, created_at))
FROM refresh_token
GROUP BY family_id, user_id;
