-- Absolute lifetime of a login session (mita.auth.sessions.absolute-lifetime, 90 days by default): fixed when
-- the session opens and copied to every successor token of its family, so rotations can no longer extend a
-- session forever; a token's expires_at (the sliding lifetime) never passes it. Sessions opened before this
-- column existed get their family's first token's creation + 90 days.
ALTER TABLE refresh_token ADD COLUMN session_expires_at TIMESTAMPTZ;

UPDATE refresh_token r
SET session_expires_at = f.started + interval '90 days'
FROM (SELECT family_id, min(created_at) AS started FROM refresh_token GROUP BY family_id) f
WHERE r.family_id = f.family_id;

ALTER TABLE refresh_token ALTER COLUMN session_expires_at SET NOT NULL;
