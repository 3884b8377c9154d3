-- Keys that sign access tokens (ES256). The private key is stored encrypted with AES-256-GCM under
-- the master key (MITA_AUTH_MASTER_KEY); iv is the GCM nonce, the kid is bound as associated data.
-- At most one key is active (signs new tokens); retired keys stay published in the JWKS until the
-- tokens they signed have expired.
CREATE TABLE signing_key (
    kid                   VARCHAR(64) PRIMARY KEY,
    algorithm             VARCHAR(16) NOT NULL,
    public_jwk            TEXT        NOT NULL,
    private_key_encrypted BYTEA       NOT NULL,
    iv                    BYTEA       NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    active                BOOLEAN     NOT NULL,
    retired_at            TIMESTAMPTZ,
    CONSTRAINT signing_key_retired_is_inactive CHECK (NOT (active AND retired_at IS NOT NULL))
);

-- concurrent startups of several instances race to create the first key: only one can win
CREATE UNIQUE INDEX signing_key_one_active ON signing_key (active) WHERE active;
