-- Speculative plans (action 'plan'): init, plan and the policies, then the request ends. Nothing
-- applies, nothing waits for an approver, and the metrics never count them.

ALTER TABLE requests DROP CONSTRAINT requests_action_check;
ALTER TABLE requests ADD CONSTRAINT requests_action_check CHECK (action IN ('apply', 'destroy', 'plan'));

-- Whatever moves it (a worker older than plans included, during an upgrade), a speculative plan
-- never awaits approval and never applies: PostgreSQL refuses the row.
ALTER TABLE requests ADD CONSTRAINT requests_plan_never_applies
  CHECK (action <> 'plan' OR status NOT IN ('awaiting_approval', 'applying'));

-- The metrics read requests through metrics_request_facts and metrics_observe: both leave plans
-- out, so they add no fact row, no lead time, no outcome, no adoption and no duration bucket
-- (PRODUCT.md: "speculative plans, which count nowhere"). Same columns as V11's view.
CREATE OR REPLACE VIEW metrics_request_facts AS
  SELECT r.id AS request_id, r.team, r.module, r.environment, r.status, r.created_at,
         CASE WHEN pave_terminal(r.status)
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
  ) s ON true
  WHERE r.action <> 'plan';

CREATE OR REPLACE FUNCTION metrics_observe(p_kind text, p_request text, p_outcome text, p_duration_ms bigint)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO metrics_duration_buckets AS b (kind, module, environment, team, outcome, le_ms, count, sum_ms)
  SELECT p_kind, r.module, r.environment, r.team, coalesce(p_outcome, 'unknown'), metrics_bucket(p_duration_ms),
         1, greatest(p_duration_ms, 0)
  FROM requests r WHERE r.id = p_request AND r.action <> 'plan'
  ON CONFLICT (kind, module, environment, team, outcome, le_ms)
  DO UPDATE SET count = b.count + 1, sum_ms = b.sum_ms + EXCLUDED.sum_ms;
END $$;

CREATE OR REPLACE FUNCTION metrics_rebuild() RETURNS void LANGUAGE plpgsql AS $$
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
  WHERE s.duration_ms IS NOT NULL AND r.action <> 'plan'
  GROUP BY 1, 2, 3, 4, 5, 6;
  INSERT INTO metrics_duration_buckets (kind, module, environment, team, outcome, le_ms, count, sum_ms)
  SELECT 'request', module, environment, team, status, metrics_bucket(d), count(*), sum(greatest(d, 0))
  FROM (SELECT module, environment, team, status,
               (EXTRACT(EPOCH FROM (coalesce(finished_at, created_at) - created_at)) * 1000)::bigint AS d
        FROM requests
        WHERE pave_terminal(status) AND action <> 'plan') t
  GROUP BY 1, 2, 3, 4, 5, 6;
END $$;
