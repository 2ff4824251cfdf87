-- Metrics rollups. Triggers keep them in the same transaction as the writes they summarise, so
-- every Pave process (any number of servers and workers) reads one cluster-wide truth from
-- PostgreSQL, and neither /v1/metrics nor a Prometheus scrape has to read a million steps.

-- Who cancelled a request (V2 adds it too; whichever runs first creates it).
ALTER TABLE requests ADD COLUMN IF NOT EXISTS cancelled_by text;

-- One narrow row per request: its labels, its outcome and its step times summed by kind.
CREATE TABLE metrics_requests (
  request_id      text PRIMARY KEY,
  team            text NOT NULL,
  module          text NOT NULL,
  environment     text NOT NULL,
  status          text NOT NULL,
  created_at      timestamptz NOT NULL,
  finished_at     timestamptz,                  -- set once the request is terminal
  lead_time_ms    bigint,                       -- succeeded requests only
  queue_ms        bigint NOT NULL DEFAULT 0,
  init_ms         bigint NOT NULL DEFAULT 0,
  plan_ms         bigint NOT NULL DEFAULT 0,
  policy_ms       bigint NOT NULL DEFAULT 0,
  approval_ms     bigint NOT NULL DEFAULT 0,
  apply_ms        bigint NOT NULL DEFAULT 0,
  human           boolean NOT NULL DEFAULT false, -- an approval step, or any step a person did
  apply_ran       boolean NOT NULL DEFAULT false,
  apply_failed    boolean NOT NULL DEFAULT false, -- its last apply step ended failed
  self_cancelled  boolean NOT NULL DEFAULT false, -- cancelled by its own requester
  -- The writing transaction: readers that keep a copy fetch only rows written since the oldest
  -- transaction that was still running at their previous read (see FactReplica).
  xid             xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX metrics_requests_xid ON metrics_requests (xid);
-- Histogram bucket bounds (ms), shared by the triggers and the Prometheus exporter.
CREATE TABLE metrics_bucket_bounds (le_ms bigint PRIMARY KEY);
-- Thirteen bounds (250 ms to a day): every label set costs Prometheus 15 series, so few, wide ones.
INSERT INTO metrics_bucket_bounds (le_ms) VALUES
  (250), (1000), (5000), (15000), (30000), (60000), (120000), (300000), (900000), (3600000), (14400000),
  (86400000), (9223372036854775807);  -- the last one is +Inf

-- Non-cumulative bucket counts since the beginning: Prometheus counters that every server
-- reports identically. kind is 'request' (accepted to terminal, outcome = status) or a step name
-- (outcome = the step's outcome).
CREATE TABLE metrics_duration_buckets (
  kind         text NOT NULL,
  module       text NOT NULL,
  environment  text NOT NULL,
  team         text NOT NULL,
  outcome      text NOT NULL,
  le_ms        bigint NOT NULL,
  count        bigint NOT NULL,
  sum_ms       bigint NOT NULL,
  PRIMARY KEY (kind, module, environment, team, outcome, le_ms)
);

CREATE FUNCTION metrics_bucket(duration_ms bigint) RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT min(le_ms) FROM metrics_bucket_bounds WHERE le_ms >= greatest(duration_ms, 0)
$$;

-- plpgsql rather than sql functions: their statements are planned once per session, not per call.
CREATE FUNCTION metrics_observe(p_kind text, p_request text, p_outcome text, p_duration_ms bigint)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO metrics_duration_buckets AS b (kind, module, environment, team, outcome, le_ms, count, sum_ms)
  SELECT p_kind, r.module, r.environment, r.team, coalesce(p_outcome, 'unknown'), metrics_bucket(p_duration_ms),
         1, greatest(p_duration_ms, 0)
  FROM requests r WHERE r.id = p_request
  ON CONFLICT (kind, module, environment, team, outcome, le_ms)
  DO UPDATE SET count = b.count + 1, sum_ms = b.sum_ms + EXCLUDED.sum_ms;
END $$;

-- A request's fact row, computed from requests and its (at most a handful of) steps.
CREATE VIEW metrics_request_facts AS
  SELECT r.id AS request_id, r.team, r.module, r.environment, r.status, r.created_at,
         CASE WHEN r.status IN ('succeeded', 'failed', 'denied', 'rejected', 'cancelled', 'expired')
              THEN coalesce(r.finished_at, r.created_at) END AS finished_at,
         CASE WHEN r.status = 'succeeded' THEN r.lead_time_ms END AS lead_time_ms,
         coalesce(s.queue_ms, 0) AS queue_ms, coalesce(s.init_ms, 0) AS init_ms, coalesce(s.plan_ms, 0) AS plan_ms,
         coalesce(s.policy_ms, 0) AS policy_ms, coalesce(s.approval_ms, 0) AS approval_ms,
         coalesce(s.apply_ms, 0) AS apply_ms, coalesce(s.human, false) AS human,
         coalesce(s.apply_ran, false) AS apply_ran, coalesce(s.last_apply_outcome = 'failed', false) AS apply_failed,
         (r.status = 'cancelled' AND r.cancelled_by IS NOT NULL AND r.cancelled_by = r.requester) AS self_cancelled
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

CREATE FUNCTION metrics_refresh(p_request text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO metrics_requests AS m (request_id, team, module, environment, status, created_at, finished_at, lead_time_ms,
      queue_ms, init_ms, plan_ms, policy_ms, approval_ms, apply_ms, human, apply_ran, apply_failed, self_cancelled)
  SELECT request_id, team, module, environment, status, created_at, finished_at, lead_time_ms,
      queue_ms, init_ms, plan_ms, policy_ms, approval_ms, apply_ms, human, apply_ran, apply_failed, self_cancelled FROM metrics_request_facts WHERE request_id = p_request
  ON CONFLICT (request_id) DO UPDATE SET team = EXCLUDED.team, module = EXCLUDED.module,
    environment = EXCLUDED.environment, status = EXCLUDED.status, created_at = EXCLUDED.created_at,
    finished_at = EXCLUDED.finished_at, lead_time_ms = EXCLUDED.lead_time_ms, queue_ms = EXCLUDED.queue_ms,
    init_ms = EXCLUDED.init_ms, plan_ms = EXCLUDED.plan_ms, policy_ms = EXCLUDED.policy_ms,
    approval_ms = EXCLUDED.approval_ms, apply_ms = EXCLUDED.apply_ms, human = EXCLUDED.human,
    apply_ran = EXCLUDED.apply_ran, apply_failed = EXCLUDED.apply_failed, self_cancelled = EXCLUDED.self_cancelled,
    xid = pg_current_xact_id();
END $$;

CREATE FUNCTION metrics_on_request() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  terminal constant text[] := ARRAY['succeeded', 'failed', 'denied', 'rejected', 'cancelled', 'expired'];
BEGIN
  PERFORM metrics_refresh(NEW.id);
  -- Observed once, on the write that makes the request terminal (ends are guarded to happen once).
  IF NEW.status = ANY (terminal) AND (TG_OP = 'INSERT' OR NOT OLD.status = ANY (terminal)) THEN
    PERFORM metrics_observe('request', NEW.id, NEW.status,
      (EXTRACT(EPOCH FROM (coalesce(NEW.finished_at, NEW.created_at) - NEW.created_at)) * 1000)::bigint);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION metrics_on_step() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM metrics_refresh(NEW.request_id);
  -- Observed once, on the write that closes the step (StepDao.finish only closes open steps).
  IF NEW.duration_ms IS NOT NULL AND (TG_OP = 'INSERT' OR OLD.duration_ms IS NULL) THEN
    PERFORM metrics_observe(NEW.name, NEW.request_id, NEW.outcome, NEW.duration_ms);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER metrics_request_inserted AFTER INSERT ON requests
  FOR EACH ROW EXECUTE FUNCTION metrics_on_request();
CREATE TRIGGER metrics_request_updated AFTER UPDATE ON requests
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.finished_at IS DISTINCT FROM NEW.finished_at
    OR OLD.lead_time_ms IS DISTINCT FROM NEW.lead_time_ms OR OLD.cancelled_by IS DISTINCT FROM NEW.cancelled_by)
  EXECUTE FUNCTION metrics_on_request();
CREATE TRIGGER metrics_step_written AFTER INSERT OR UPDATE ON request_steps
  FOR EACH ROW EXECUTE FUNCTION metrics_on_step();

-- Rebuilds both rollups from the source tables: after a bulk load that bypassed the triggers
-- (session_replication_role = replica), or to check the incremental path. Also the backfill here.
CREATE FUNCTION metrics_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE metrics_requests, metrics_duration_buckets;
  INSERT INTO metrics_requests (request_id, team, module, environment, status, created_at, finished_at, lead_time_ms,
      queue_ms, init_ms, plan_ms, policy_ms, approval_ms, apply_ms, human, apply_ran, apply_failed, self_cancelled)
  SELECT request_id, team, module, environment, status, created_at, finished_at, lead_time_ms,
      queue_ms, init_ms, plan_ms, policy_ms, approval_ms, apply_ms, human, apply_ran, apply_failed, self_cancelled FROM metrics_request_facts;
  INSERT INTO metrics_duration_buckets (kind, module, environment, team, outcome, le_ms, count, sum_ms)
  SELECT s.name, r.module, r.environment, r.team, coalesce(s.outcome, 'unknown'), metrics_bucket(s.duration_ms),
         count(*), sum(greatest(s.duration_ms, 0))
  FROM request_steps s JOIN requests r ON r.id = s.request_id
  WHERE s.duration_ms IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6;
  INSERT INTO metrics_duration_buckets (kind, module, environment, team, outcome, le_ms, count, sum_ms)
  SELECT 'request', module, environment, team, status, metrics_bucket(d), count(*), sum(greatest(d, 0))
  FROM (SELECT module, environment, team, status,
               (EXTRACT(EPOCH FROM (coalesce(finished_at, created_at) - created_at)) * 1000)::bigint AS d
        FROM requests
        WHERE status IN ('succeeded', 'failed', 'denied', 'rejected', 'cancelled', 'expired')) t
  GROUP BY 1, 2, 3, 4, 5, 6;
END $$;

SELECT metrics_rebuild();
