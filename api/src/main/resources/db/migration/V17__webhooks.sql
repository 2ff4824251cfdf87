-- Webhooks: a team's (or, with team NULL, every team's) endpoints, and the outbox of their
-- deliveries. A delivery row is written in the same transaction as the request's move into the
-- event's status, so an event is never lost between the move and its delivery, and the row is
-- also the delivery log the API shows.
CREATE TABLE webhook_endpoints (
  id                     text PRIMARY KEY,                -- whk_...
  team                   text,                            -- NULL: every team (an admin's endpoint)
  url                    text NOT NULL,
  events                 text[] NOT NULL,
  format                 text NOT NULL CHECK (format IN ('standard', 'slack')),
  sealed_secret          bytea NOT NULL,                  -- SecretBox, context 'webhook-secret:<id>'
  sealed_previous_secret bytea,                           -- the secret before a rotation, signing too until:
  previous_secret_until  timestamptz,
  created_by_subject     text NOT NULL,
  created_at             timestamptz NOT NULL,
  secret_rotated_at      timestamptz,
  disabled_at            timestamptz,                     -- a receiver answered 410 Gone
  disabled_reason        text
);
CREATE INDEX webhook_endpoints_team ON webhook_endpoints (team);

CREATE TABLE webhook_deliveries (
  id              text PRIMARY KEY,                       -- msg_...: the webhook-id header, the same on every attempt
  endpoint_id     text NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  request_id      text NOT NULL REFERENCES requests (id),
  event           text NOT NULL,
  occurred_at     timestamptz NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed', 'dropped')),
  attempts        integer NOT NULL DEFAULT 0,
  last_http_status integer,
  last_error      text,
  last_attempt_at timestamptz,
  finished_at     timestamptz
);
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (endpoint_id, occurred_at DESC, id DESC);
CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (occurred_at) WHERE status = 'pending';
