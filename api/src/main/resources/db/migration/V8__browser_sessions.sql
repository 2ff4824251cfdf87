-- Browser sessions (the dashboard today, the portal's pages later): the cookie holds a random id,
-- this table only its SHA-256, so a copy of the table signs nobody in. A session is bound to the
-- token that opened it and is only valid while that token is (checked on every page view).
CREATE TABLE browser_sessions (
  id_hash      text PRIMARY KEY,             -- sha256 of the cookie's random id
  token_id     text NOT NULL REFERENCES tokens (id),
  created_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,         -- absolute: created_at + sessions.lifetime
  revoked_at   timestamptz                   -- sign-out, or its token revoked
);

-- Revoking a token revokes its open sessions.
CREATE INDEX browser_sessions_open_by_token ON browser_sessions (token_id) WHERE revoked_at IS NULL;
