-- What Terraform printed in each run of a request's init, plan and apply steps, for
-- GET /v1/requests/{id}/logs. Written by the activities with every known secret already masked
-- (see SecretMask) and at most 256 K characters per run (the tail, flagged truncated). Kept in
-- PostgreSQL so the logs outlive the worker and a restart; one row per run, so a retried or
-- re-planned step shows each attempt in order.
CREATE TABLE request_step_logs (
  id          bigserial PRIMARY KEY,
  request_id  text NOT NULL REFERENCES requests (id),
  step        text NOT NULL CHECK (step IN ('init', 'plan', 'apply')),
  output      text NOT NULL,
  truncated   boolean NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX request_step_logs_by_request ON request_step_logs (request_id, id);
