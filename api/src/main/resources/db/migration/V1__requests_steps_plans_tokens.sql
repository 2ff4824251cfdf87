-- Pave's own tables. Terraform state lives elsewhere (the pg backend, one schema per workspace).

CREATE TABLE tokens (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  team        text NOT NULL,
  role        text NOT NULL CHECK (role IN ('requester', 'approver', 'auditor', 'admin')),
  token_hash  text NOT NULL UNIQUE,          -- sha256 of the token; the token itself is shown once
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz,
  revoked_at  timestamptz
);

CREATE TABLE requests (
  id               text PRIMARY KEY,
  module           text NOT NULL,
  version          text NOT NULL,
  workspace        text NOT NULL,
  environment      text NOT NULL,
  team             text NOT NULL,
  requester        text NOT NULL,
  action           text NOT NULL CHECK (action IN ('apply', 'destroy')),
  status           text NOT NULL,
  inputs           jsonb NOT NULL,
  ttl_hours        integer,
  idempotency_key  text,
  request_hash     text NOT NULL,            -- what was asked, to tell a retry from a different request
  created_at       timestamptz NOT NULL,
  finished_at      timestamptz,
  lead_time_ms     bigint,
  plan_add         integer,
  plan_change      integer,
  plan_destroy     integer,
  outputs          jsonb,                     -- sensitive values are never here, only their names
  sensitive_outputs text[],
  cost_monthly_usd double precision,
  cancel_requested boolean NOT NULL DEFAULT false,
  error            text,
  UNIQUE (requester, idempotency_key)
);

-- The workspace line (FIFO): unfinished requests of a workspace in acceptance order.
CREATE INDEX requests_workspace_line ON requests (workspace, created_at, id)
  WHERE status NOT IN ('succeeded', 'failed', 'denied', 'rejected', 'cancelled', 'expired');
CREATE INDEX requests_team_created ON requests (team, created_at DESC);
CREATE INDEX requests_created ON requests (created_at DESC);

CREATE TABLE request_steps (
  request_id   text NOT NULL REFERENCES requests (id),
  seq          integer NOT NULL,
  name         text NOT NULL,
  started_at   timestamptz NOT NULL,
  finished_at  timestamptz,
  duration_ms  bigint,
  outcome      text,
  actor        text NOT NULL,
  PRIMARY KEY (request_id, seq)
);

-- Saved plans, encrypted (AES-GCM bound to the request id), so any worker can apply them.
CREATE TABLE plans (
  request_id  text PRIMARY KEY REFERENCES requests (id),
  sha256      text NOT NULL,
  sealed      bytea NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE workspaces (
  name               text PRIMARY KEY,
  module             text NOT NULL,
  version            text NOT NULL,
  team               text NOT NULL,
  environment        text NOT NULL,
  status             text NOT NULL,        -- live | destroyed
  inputs             jsonb NOT NULL,
  outputs            jsonb NOT NULL DEFAULT '{}',
  sensitive_outputs  text[] NOT NULL DEFAULT '{}',
  sealed_secrets     bytea,                -- sensitive output values, encrypted, for the owner's reveal
  expires_at         timestamptz,
  cost_monthly_usd   double precision,
  last_request_id    text NOT NULL,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL
);
