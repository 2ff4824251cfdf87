-- The audit trail: one hash chain of events (docs/audit.md gives the exact hash), signed
-- checkpoints of its head, and append-only records enforced by PostgreSQL itself, so that a
-- change made with SQL, even by the tables' owner, is found by verification or refused outright.

CREATE TABLE audit_events (
  seq            bigint PRIMARY KEY,           -- 1, 2, 3 ... without gaps (assigned under a lock, see AuditLog)
  at             timestamptz NOT NULL,
  actor_subject  text NOT NULL,                -- a token id, or 'system' for Pave's own moves
  actor_name     text NOT NULL,
  actor_team     text,
  actor_role     text,
  action         text NOT NULL,                -- e.g. request.accepted, approval.decided
  target         text,                         -- e.g. req_..., tok_..., workspace:orders
  details        jsonb NOT NULL,
  prev_hash      text,                         -- the hash of seq - 1; null for seq 1
  hash           text NOT NULL
);
CREATE INDEX audit_events_at ON audit_events (at);
CREATE INDEX audit_events_target ON audit_events (target);

CREATE TABLE audit_checkpoints (
  seq         bigint PRIMARY KEY,              -- the event whose hash is signed
  head_hash   text NOT NULL,
  signed_at   timestamptz NOT NULL,
  public_key  text NOT NULL,                   -- base64 X.509 of the key that signed (rotation)
  signature   text NOT NULL                    -- base64 Ed25519 over the canonical checkpoint
);

-- Triggers hold even for the owner: a changed row is refused, not merely disallowed by a grant.
CREATE FUNCTION pave_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

-- A step is open until it finishes; once closed (finished_at set) it is history.
CREATE FUNCTION pave_refuse_closed_step_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.finished_at IS NOT NULL THEN
    RAISE EXCEPTION 'request_steps: step % of % is closed; % refused', OLD.seq, OLD.request_id, TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION pave_refuse_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION pave_refuse_change();
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION pave_refuse_change();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION pave_refuse_change();
-- Approvals and policy results are only ever inserted (GuardrailDao).
CREATE TRIGGER approvals_append_only BEFORE UPDATE OR DELETE ON approvals
  FOR EACH ROW EXECUTE FUNCTION pave_refuse_change();
CREATE TRIGGER approvals_no_truncate BEFORE TRUNCATE ON approvals
  FOR EACH STATEMENT EXECUTE FUNCTION pave_refuse_change();
CREATE TRIGGER policy_results_append_only BEFORE UPDATE OR DELETE ON request_policy_results
  FOR EACH ROW EXECUTE FUNCTION pave_refuse_change();
CREATE TRIGGER policy_results_no_truncate BEFORE TRUNCATE ON request_policy_results
  FOR EACH STATEMENT EXECUTE FUNCTION pave_refuse_change();
CREATE TRIGGER request_steps_closed_stay_closed BEFORE UPDATE OR DELETE ON request_steps
  FOR EACH ROW EXECUTE FUNCTION pave_refuse_closed_step_change();
CREATE TRIGGER request_steps_no_truncate BEFORE TRUNCATE ON request_steps
  FOR EACH STATEMENT EXECUTE FUNCTION pave_refuse_change();

-- The application's role (embedded default) may insert and read, never change: a second lock
-- beside the triggers, which only the owner could drop. In cluster mode there is one user.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pave_app') THEN
    REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, audit_checkpoints, approvals, request_policy_results
      FROM pave_app;
    REVOKE TRUNCATE ON request_steps FROM pave_app;
  END IF;
END $$;
