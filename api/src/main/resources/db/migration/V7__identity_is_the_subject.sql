-- Identity is the subject (a token's id today, an OIDC subject such as 'oidc:<issuer>#<sub>'
-- later), never a display name: names were not unique, so an auditor named like a requester
-- could cancel its request (and count as a self-cancel), and another team's requester of the
-- same name could replay its Idempotency-Key. Names stay beside the subjects, for display.

ALTER TABLE requests ADD COLUMN IF NOT EXISTS requester_subject text;
ALTER TABLE requests ADD COLUMN IF NOT EXISTS cancelled_by_subject text;
ALTER TABLE approvals ADD COLUMN IF NOT EXISTS approver_subject text;

-- Backfill, before any token is renamed below: a name that maps to exactly one token becomes
-- that token's id; any other gets 'unresolved:<name>', which no caller's subject can equal
-- (token ids start with 'tok_', OIDC subjects with 'oidc:'). A request that got the marker can
-- only be cancelled by an admin, and its requester's name still cannot approve it (see Subjects).
UPDATE requests r SET requester_subject = coalesce(
    (SELECT min(t.id) FROM tokens t WHERE t.team = r.team AND t.name = r.requester HAVING count(*) = 1),
    'unresolved:' || r.requester)
  WHERE r.requester_subject IS NULL;
UPDATE requests r SET cancelled_by_subject = coalesce(
    (SELECT min(t.id) FROM tokens t WHERE t.name = r.cancelled_by HAVING count(*) = 1),
    'unresolved:' || r.cancelled_by)
  WHERE r.cancelled_by IS NOT NULL AND r.cancelled_by_subject IS NULL;
UPDATE approvals a SET approver_subject = coalesce(
    (SELECT min(t.id) FROM tokens t WHERE t.name = a.approver HAVING count(*) = 1),
    'unresolved:' || a.approver)
  WHERE a.approver_subject IS NULL;

ALTER TABLE requests ALTER COLUMN requester_subject SET NOT NULL;
ALTER TABLE approvals ALTER COLUMN approver_subject SET NOT NULL;

-- An Idempotency-Key belongs to one caller of one team: a same-named caller elsewhere gets its
-- own request, never this one.
ALTER TABLE requests DROP CONSTRAINT IF EXISTS requests_requester_idempotency_key_key;
ALTER TABLE requests ADD CONSTRAINT requests_idempotency_key_per_subject
  UNIQUE (team, requester_subject, idempotency_key);

-- Token names are unique per team among tokens not revoked (a revoked token frees its name; the
-- records it left carry its id). Existing duplicates: the newest keeps the name, older ones get
-- '~<id>' appended, which no issued name can contain, so nothing can take it again.
UPDATE tokens t SET name = t.name || '~' || t.id
  WHERE t.revoked_at IS NULL AND EXISTS (
    SELECT 1 FROM tokens n WHERE n.team = t.team AND n.name = t.name AND n.revoked_at IS NULL
      AND (n.created_at, n.id) > (t.created_at, t.id));
CREATE UNIQUE INDEX IF NOT EXISTS tokens_name_per_team ON tokens (team, name) WHERE revoked_at IS NULL;

-- Self-cancelled (excluded from the self-service rate) compares subjects, not names. Same
-- columns as V3's view; only self_cancelled changes.
CREATE OR REPLACE VIEW metrics_request_facts AS
  SELECT r.id AS request_id, r.team, r.module, r.environment, r.status, r.created_at,
         CASE WHEN r.status IN ('succeeded', 'failed', 'denied', 'rejected', 'cancelled', 'expired')
              THEN coalesce(r.finished_at, r.created_at) END AS finished_at,
         CASE WHEN r.status = 'succeeded' THEN r.lead_time_ms END AS lead_time_ms,
         coalesce(s.queue_ms, 0) AS queue_ms, coalesce(s.init_ms, 0) AS init_ms, coalesce(s.plan_ms, 0) AS plan_ms,
         coalesce(s.policy_ms, 0) AS policy_ms, coalesce(s.approval_ms, 0) AS approval_ms,
         coalesce(s.apply_ms, 0) AS apply_ms, coalesce(s.human, false) AS human,
         coalesce(s.apply_ran, false) AS apply_ran, coalesce(s.last_apply_outcome = 'failed', false) AS apply_failed,
         (r.status = 'cancelled' AND r.cancelled_by_subject IS NOT NULL
           AND r.cancelled_by_subject = r.requester_subject) AS self_cancelled
  FROM requests r
  LEFT JOIN LATERAL (
    SELECT sum(duration_ms) FILTER (WHERE name = 'queue') AS queue_ms,
           sum(duration_ms) FILTER (WHERE name = 'init') AS init_ms,
           sum(duration_ms) FILTER (WHERE name = 'plan') AS plan_ms,
           sum(duration_ms) FILTER (WHERE name = 'policy') AS policy_ms,
           sum(duration_ms) FILTER (WHERE name = 'approval') AS approval_ms,
           sum(duration_ms) FILTER (WHERE name = 'apply') AS apply_ms,
           bool_or(name = 'approval' OR actor <> 'system') AS human,
           bool_or(name = 'apply') AS apply_ran,
           (array_agg(outcome ORDER BY seq DESC) FILTER (WHERE name = 'apply'))[1] AS last_apply_outcome
    FROM request_steps WHERE request_id = r.id
  ) s ON true;

DROP TRIGGER IF EXISTS metrics_request_updated ON requests;
CREATE TRIGGER metrics_request_updated AFTER UPDATE ON requests
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.finished_at IS DISTINCT FROM NEW.finished_at
    OR OLD.lead_time_ms IS DISTINCT FROM NEW.lead_time_ms OR OLD.cancelled_by IS DISTINCT FROM NEW.cancelled_by
    OR OLD.cancelled_by_subject IS DISTINCT FROM NEW.cancelled_by_subject)
  EXECUTE FUNCTION metrics_on_request();

-- Cancelled requests' rollup rows, classified again by subject.
SELECT metrics_refresh(id) FROM requests WHERE status = 'cancelled';
