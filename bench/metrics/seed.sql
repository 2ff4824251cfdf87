-- Seeds a year of synthetic requests and their steps straight into Pave's tables, then rebuilds
-- the metrics rollups. Size: SET pave.bench_requests (default 206000, about 1,000,000 steps).
-- Bulk loads skip the row triggers (session_replication_role = replica) and call
-- metrics_rebuild() once, as the migration documents for any bulk import; needs a superuser.
-- Deterministic: the same seed gives the same data, only shifted to end now.

SELECT setseed(0.2024);
SET session_replication_role = replica;

CREATE TEMP TABLE bench_requests AS
WITH n AS (SELECT coalesce(nullif(current_setting('pave.bench_requests', true), ''), '206000')::int AS total),
base AS (
  SELECT i, n.total,
    'req_bench' || lpad(i::text, 11, '0') AS id, -- Pave's id format: req_ and 16 letters or digits
    (ARRAY['payments', 'search', 'checkout', 'identity', 'data', 'mobile', 'growth', 'platform'])[1 + floor(random() * 8)::int] AS team,
    (ARRAY['postgres-database', 'object-store', 'redis-cache', 'kafka-topic', 'dns-record'])[1 + floor(power(random(), 1.6) * 5)::int] AS module,
    random() AS u_env, random() AS u_outcome, random() AS u_failure, random() AS u_cancel,
    now() - interval '365 days' + (i::double precision / n.total) * interval '365 days' AS created_at,
    -- The last 9 hours are still running: no request can end in the future (approvals take up to 8 h).
    now() - interval '365 days' + (i::double precision / n.total) * interval '365 days' > now() - interval '9 hours' AS running
  FROM n, generate_series(1, n.total) i
), labelled AS (
  SELECT *, CASE WHEN u_env < 0.6 THEN 'dev' WHEN u_env < 0.85 THEN 'staging' ELSE 'prod' END AS environment FROM base
)
SELECT *,
  CASE WHEN running THEN (ARRAY['queued', 'planning', 'awaiting_approval', 'applying'])[1 + floor(u_cancel * 4)::int]
       WHEN u_outcome < 0.86 THEN 'succeeded'
       WHEN u_outcome < 0.91 THEN 'failed'
       WHEN u_outcome < 0.93 THEN 'denied'
       WHEN u_outcome < 0.96 AND environment = 'prod' THEN 'rejected'
       WHEN u_outcome < 0.985 THEN 'cancelled'
       WHEN environment = 'prod' THEN 'expired'
       ELSE 'succeeded' END AS status,
  (-ln(1 - random()) * 2000)::bigint AS queue_ms,
  (800 + random() * 2200)::bigint AS init_ms,
  (2000 + power(random(), 2) * 13000)::bigint AS plan_ms,
  (50 + random() * 350)::bigint AS policy_ms,
  least((-ln(1 - random()) * 2400000)::bigint, 28800000) AS approval_ms,
  (5000 + power(random(), 3) * 115000)::bigint AS apply_ms
FROM labelled;

CREATE TEMP TABLE bench_steps AS
WITH chosen AS (
  SELECT r.id, r.created_at, r.running, st.seq, st.name, st.duration_ms, st.outcome, st.actor
  FROM bench_requests r CROSS JOIN LATERAL (VALUES
    (1, 'queue', r.queue_ms, 'ok', 'system', true),
    (2, 'init', r.init_ms, 'ok', 'system', NOT r.running AND r.status <> 'cancelled'),
    (3, 'plan', r.plan_ms, CASE WHEN r.status = 'failed' AND r.u_failure < 0.5 THEN 'failed' ELSE 'ok' END, 'system',
        NOT r.running AND r.status <> 'cancelled'),
    (4, 'policy', r.policy_ms, CASE WHEN r.status = 'denied' THEN 'failed' ELSE 'ok' END, 'system',
        NOT r.running AND r.status <> 'cancelled' AND NOT (r.status = 'failed' AND r.u_failure < 0.5)),
    (5, 'approval', r.approval_ms,
        CASE r.status WHEN 'rejected' THEN 'rejected' WHEN 'expired' THEN 'expired' ELSE 'approved' END,
        CASE WHEN r.status = 'expired' THEN 'system' ELSE (ARRAY['alice', 'bob', 'chen', 'dana'])[1 + (r.i % 4)] END,
        NOT r.running AND r.environment = 'prod'
          AND (r.status IN ('succeeded', 'rejected', 'expired') OR (r.status = 'failed' AND r.u_failure >= 0.5))),
    (6, 'apply', r.apply_ms, CASE WHEN r.status = 'failed' THEN 'failed' ELSE 'ok' END, 'system',
        NOT r.running AND (r.status = 'succeeded' OR (r.status = 'failed' AND r.u_failure >= 0.5)))
  ) st(seq, name, duration_ms, outcome, actor, included)
  WHERE st.included
)
SELECT id, created_at, running, row_number() OVER w AS seq, name, duration_ms, outcome, actor,
       created_at + ((sum(duration_ms + 20) OVER w) - duration_ms - 20) * interval '1 millisecond' AS started_at
FROM chosen
WINDOW w AS (PARTITION BY id ORDER BY seq);

INSERT INTO requests (id, module, version, workspace, environment, team, requester, action, status, inputs,
    request_hash, created_at, finished_at, lead_time_ms, cancelled_by, error, requester_subject, cancelled_by_subject)
SELECT r.id, r.module, '1.0.0', r.module || '-' || r.team || '-' || (r.i % 400), r.environment, r.team,
       'ci-' || r.team, 'apply', r.status, '{}', 'bench', r.created_at,
       CASE WHEN NOT r.running THEN e.ended END,
       CASE WHEN r.status = 'succeeded' THEN (EXTRACT(EPOCH FROM (e.ended - r.created_at)) * 1000)::bigint END,
       CASE WHEN r.status = 'cancelled' THEN CASE WHEN r.u_cancel < 0.5 THEN 'ci-' || r.team ELSE 'admin' END END,
       CASE WHEN r.status = 'failed' THEN 'terraform apply failed' END,
       'tok_ci-' || r.team,
       CASE WHEN r.status = 'cancelled' THEN CASE WHEN r.u_cancel < 0.5 THEN 'tok_ci-' || r.team ELSE 'tok_admin' END END
FROM bench_requests r
JOIN (SELECT id, max(started_at + (duration_ms + 30) * interval '1 millisecond') AS ended
      FROM bench_steps GROUP BY id) e ON e.id = r.id;

INSERT INTO request_steps (request_id, seq, name, started_at, finished_at, duration_ms, outcome, actor)
SELECT id, seq, name, started_at,
       CASE WHEN NOT running THEN started_at + duration_ms * interval '1 millisecond' END,
       CASE WHEN NOT running THEN duration_ms END,
       CASE WHEN NOT running THEN outcome END, actor
FROM bench_steps;

-- The newest successful apply of each workspace keeps it live; a tenth were destroyed since.
INSERT INTO workspaces (name, module, version, team, environment, status, inputs, last_request_id, created_at, updated_at)
SELECT DISTINCT ON (workspace) workspace, module, '1.0.0', team, environment,
       CASE WHEN hashtext(workspace) % 10 = 0 THEN 'destroyed' ELSE 'live' END, '{}', id, created_at, finished_at
FROM requests WHERE status = 'succeeded' AND id LIKE 'req_bench%'
ORDER BY workspace, created_at DESC;

SET session_replication_role = origin;
SELECT metrics_rebuild();
ANALYZE requests;
ANALYZE request_steps;
ANALYZE metrics_requests;
ANALYZE metrics_duration_buckets;
ANALYZE workspaces;
SELECT (SELECT count(*) FROM requests) AS requests, (SELECT count(*) FROM request_steps) AS steps;
