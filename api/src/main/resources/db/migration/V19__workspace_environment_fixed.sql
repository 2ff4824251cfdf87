-- A workspace keeps the environment it was created in: policies judge a request by it
-- (workspace.environment), so a request labelled "dev" on a prod workspace must never relabel it.
-- The service refuses such a request (422) and the upserts no longer write environment; this
-- trigger is the last word, for any code path written later.
CREATE FUNCTION pave_workspace_environment_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'workspace % is in %: its environment never changes', OLD.name, OLD.environment
    USING ERRCODE = 'check_violation';
END
$$;
CREATE TRIGGER workspaces_environment_fixed BEFORE UPDATE OF environment ON workspaces
  FOR EACH ROW WHEN (OLD.environment IS DISTINCT FROM NEW.environment)
  EXECUTE FUNCTION pave_workspace_environment_fixed();

-- What policies read about a workspace beside the request (docs/policies.md): who created it
-- (subject and name, as the creating request stored them) and since when it is live.
ALTER TABLE workspaces
  ADD COLUMN created_by_subject text,
  ADD COLUMN created_by_name text,
  ADD COLUMN live_since timestamptz;

-- Existing rows: the creator is the requester of the workspace's first request; a live
-- workspace is live since the first succeeded apply after its last succeeded destroy.
UPDATE workspaces w SET created_by_subject = first.requester_subject, created_by_name = first.requester
  FROM (SELECT DISTINCT ON (workspace) workspace, requester_subject, requester FROM requests
        WHERE action <> 'plan' ORDER BY workspace, created_at, id) first
  WHERE first.workspace = w.name;
UPDATE workspaces w SET live_since = coalesce((
    SELECT min(r.finished_at) FROM requests r
    WHERE r.workspace = w.name AND r.action = 'apply' AND r.status = 'succeeded'
      AND r.created_at > coalesce((SELECT max(d.created_at) FROM requests d WHERE d.workspace = w.name
                                     AND d.action = 'destroy' AND d.status = 'succeeded'), '-infinity')),
    w.created_at)
  WHERE w.status = 'live';
