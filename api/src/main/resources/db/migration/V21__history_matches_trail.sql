-- A stored workflow history is evidence only if nobody with insert rights can plant one. Two
-- kinds of row per request, at most one of each: the complete history the archiver takes after
-- the workflow closed, and the snapshot the request's last activity takes before its terminal
-- move (what a crash before the archive leaves; marked complete = false). Each row must be
-- written right after the audit event that records its hashes, in the same transaction (the
-- event is then the trail's head, held by AuditLog's lock until commit), so a history the trail
-- does not vouch for is refused, for pave_app and the owner alike (docs/workflow-history.md).
ALTER TABLE workflow_histories ADD COLUMN complete boolean NOT NULL DEFAULT true;
-- The event that vouches for the row (null for rows archived before V21: readers then take the
-- request's first workflow_history.archived event of the same run).
ALTER TABLE workflow_histories ADD COLUMN audit_seq bigint;
-- A snapshot is taken before its workflow closed.
ALTER TABLE workflow_histories ALTER COLUMN closed_at DROP NOT NULL;
ALTER TABLE workflow_histories DROP CONSTRAINT workflow_histories_pkey;
-- The archiver only ever archived requests without a history, so existing rows are one per request.
ALTER TABLE workflow_histories ADD PRIMARY KEY (request_id, complete);

CREATE FUNCTION workflow_histories_match_trail() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head audit_events%ROWTYPE;
  -- The actions WorkflowHistoryStore.Kind writes: one name per kind of row.
  expected text := CASE WHEN NEW.complete THEN 'workflow_history.archived' ELSE 'workflow_history.snapshot_archived' END;
BEGIN
  SELECT * INTO head FROM audit_events ORDER BY seq DESC LIMIT 1;
  IF head.seq IS NULL OR head.action IS DISTINCT FROM expected OR head.target IS DISTINCT FROM NEW.request_id
      OR head.details->>'runId' IS DISTINCT FROM NEW.run_id
      OR head.details->>'historySha256' IS DISTINCT FROM NEW.sha256
      OR head.details->>'storedSha256' IS DISTINCT FROM 'sha256:' || encode(sha256(NEW.history_gzip), 'hex') THEN
    RAISE EXCEPTION 'workflow_histories: the history of % does not match the audit trail''s head (% with its hashes)',
      NEW.request_id, expected USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM requests r WHERE r.id = NEW.request_id
      AND (pave_terminal(r.status) OR NOT NEW.complete)) THEN
    RAISE EXCEPTION 'workflow_histories: % is not an ended request', NEW.request_id
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  NEW.audit_seq := head.seq; -- the row names the event that vouches for it
  RETURN NEW;
END $$;

CREATE TRIGGER workflow_histories_match_trail BEFORE INSERT ON workflow_histories
  FOR EACH ROW EXECUTE FUNCTION workflow_histories_match_trail();
