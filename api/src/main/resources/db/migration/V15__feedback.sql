-- Feedback on a finished request from its requester ("How was this?"): one per request, append-only
-- like the other records of what happened (a score given is evidence of satisfaction, not a draft).
CREATE TABLE feedback (
  request_id        text PRIMARY KEY REFERENCES requests (id),
  module            text NOT NULL,               -- copied: satisfaction is reported per golden path
  score             smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment           text CHECK (comment IS NULL OR char_length(comment) <= 2000),
  requester_subject text NOT NULL,
  created_at        timestamptz NOT NULL
);

CREATE FUNCTION feedback_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'feedback is append-only: % refused', TG_OP;
END $$;

CREATE TRIGGER feedback_append_only
  BEFORE UPDATE OR DELETE ON feedback
  FOR EACH ROW EXECUTE FUNCTION feedback_append_only();
CREATE TRIGGER feedback_no_truncate
  BEFORE TRUNCATE ON feedback
  FOR EACH STATEMENT EXECUTE FUNCTION feedback_append_only();

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pave_app') THEN
    REVOKE UPDATE, DELETE, TRUNCATE ON feedback FROM pave_app;
  END IF;
END $$;
