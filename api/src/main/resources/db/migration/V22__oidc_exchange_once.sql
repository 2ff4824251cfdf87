-- An OIDC token is exchanged at most once (POST /v1/auth/oidc): a second exchange of one token
-- (a replay of a leaked job token, or the job's own retry) is refused. The token is named by its
-- issuer and jti, or by its hash when it carries no jti; the primary key makes two racing exchanges
-- of one token end with one Pave token. A row is needed only while the JWT itself is accepted
-- (until its exp plus the clock skew), and is deleted after that.
CREATE TABLE oidc_exchanged_jwts (
  jwt_key        text PRIMARY KEY,        -- SHA-256 hex of 'jti:<issuer>#<jti>', or of 'jwt:<token>' without a jti
  subject        text NOT NULL,           -- oidc:<issuer>#<sub>
  token_id       text NOT NULL,           -- the Pave token it was exchanged for (tokens.id)
  exchanged_at   timestamptz NOT NULL,
  jwt_expires_at timestamptz NOT NULL
);
CREATE INDEX oidc_exchanged_jwts_expiry ON oidc_exchanged_jwts (jwt_expires_at);

-- Revoking every token exchanged for one subject (POST /v1/auth/oidc/revoke) finds them by subject.
CREATE INDEX tokens_subject ON tokens (subject) WHERE subject IS NOT NULL;
