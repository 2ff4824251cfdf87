-- A pipeline that signs in with its platform's OIDC token may exchange it (POST /v1/auth/oidc)
-- for a short-lived Pave token. Those tokens live in `tokens` like any other (hashed, revocable
-- by DELETE /v1/tokens/{id}, ending the browser sessions they opened), but their caller is the
-- pipeline's OIDC subject ('oidc:<issuer>#<sub>'), not the token's id: a pipeline keeps one
-- identity across exchanges and calls that present the OIDC token directly (cancel, self-approval
-- and idempotency compare subjects). NULL for tokens issued by an admin, whose subject is their id.
ALTER TABLE tokens ADD COLUMN IF NOT EXISTS subject text;
ALTER TABLE tokens ADD CONSTRAINT tokens_subject_is_oidc CHECK (subject IS NULL OR subject LIKE 'oidc:%');

-- Names are unique per team among issued tokens only: every exchange of one workflow carries the
-- same display name (e.g. its repository and workflow), and identity is the subject anyway.
DROP INDEX IF EXISTS tokens_name_per_team;
CREATE UNIQUE INDEX tokens_name_per_team ON tokens (team, name) WHERE revoked_at IS NULL AND subject IS NULL;
