-- Every closed request workflow's whole Temporal history, kept by Pave: the embedded Temporal
-- forgets histories at restart and a cluster drops them after its retention, but an auditor
-- must still read how a request was decided. Append-only: a history is evidence.
-- No foreign key to requests on purpose: evidence must not go with a cascade from the table it
-- describes (TRUNCATE requests CASCADE would otherwise empty, or be refused by, this one).
CREATE TABLE workflow_histories (
  request_id   text NOT NULL,
  workflow_id  text NOT NULL,
  run_id       text NOT NULL,
  closed_at    timestamptz NOT NULL,
  sha256       text NOT NULL,               -- of the uncompressed JSON, 'sha256:<hex>'
  history_gzip bytea NOT NULL,              -- WorkflowExecutionHistory.toJson(true), gzip-compressed
  archived_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (request_id, run_id)
);

-- Nobody rewrites or removes an archived history, not even the application: a trigger refuses
-- it for every role but a superuser bypassing triggers, and the application's role loses the
-- privileges (pave_app exists in the embedded default; cluster mode has one database user).
CREATE FUNCTION workflow_histories_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'workflow_histories is append-only: % refused', TG_OP;
END $$;

CREATE TRIGGER workflow_histories_append_only
  BEFORE UPDATE OR DELETE ON workflow_histories
  FOR EACH ROW EXECUTE FUNCTION workflow_histories_append_only();
CREATE TRIGGER workflow_histories_no_truncate
  BEFORE TRUNCATE ON workflow_histories
  FOR EACH STATEMENT EXECUTE FUNCTION workflow_histories_append_only();

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pave_app') THEN
    REVOKE UPDATE, DELETE, TRUNCATE ON workflow_histories FROM pave_app;
  END IF;
END $$;
