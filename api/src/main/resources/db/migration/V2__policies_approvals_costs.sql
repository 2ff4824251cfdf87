-- Guardrails: every policy evaluation, every approval decision, and what simulation needs.

ALTER TABLE requests ADD COLUMN IF NOT EXISTS cancelled_by text;      -- who cancelled (metrics: self-cancelled requests are excluded)
ALTER TABLE requests ADD COLUMN IF NOT EXISTS requester_role text;    -- the requester's role when it asked (policy input)
ALTER TABLE requests ADD COLUMN IF NOT EXISTS approval_required boolean NOT NULL DEFAULT false;
ALTER TABLE requests ADD COLUMN IF NOT EXISTS approval_deadline timestamptz;

-- Which worker process ran a step (host:pid): failover and audit read it.
ALTER TABLE request_steps ADD COLUMN IF NOT EXISTS worker text;

-- terraform show -json of the saved plan, sealed like the plan itself (it holds sensitive values).
ALTER TABLE plans ADD COLUMN IF NOT EXISTS sealed_json bytea;

CREATE TABLE request_policy_results (
  request_id    text NOT NULL REFERENCES requests (id),
  seq           integer NOT NULL,
  stage         text NOT NULL CHECK (stage IN ('request', 'plan')),
  policy        text NOT NULL,
  enforcement   text NOT NULL,
  result        text NOT NULL,           -- pass | deny | skip | error
  message       text,
  policy_hash   text NOT NULL,           -- sha256 of the policy file that was evaluated
  plan_sha256   text,                    -- the plan a plan-stage result is about
  evaluated_at  timestamptz NOT NULL,
  PRIMARY KEY (request_id, seq)
);

CREATE TABLE approvals (
  request_id   text NOT NULL REFERENCES requests (id),
  plan_sha256  text NOT NULL,            -- the exact plan the decision is about
  decision     text NOT NULL CHECK (decision IN ('approve', 'reject')),
  approver     text NOT NULL,
  comment      text,
  decided_at   timestamptz NOT NULL,
  PRIMARY KEY (request_id, plan_sha256)
);
