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

-- Existing rows, in their current life (after their last succeeded destroy): the creator is the
-- requester of its first apply, and a live workspace is live since the first of those that
-- succeeded. A destroyed row gets its creator when it is created again.
WITH life AS (
  SELECT w.name, coalesce((SELECT max(d.created_at) FROM requests d WHERE d.workspace = w.name
                             AND d.action = 'destroy' AND d.status = 'succeeded'), '-infinity') AS began
  FROM workspaces w WHERE w.status <> 'destroyed')
UPDATE workspaces w SET
  created_by_subject = first.requester_subject,
  created_by_name = first.requester,
  live_since = CASE WHEN w.status = 'live' THEN coalesce((
      SELECT min(r.finished_at) FROM requests r WHERE r.workspace = w.name AND r.action = 'apply'
        AND r.status = 'succeeded' AND r.created_at > life.began), w.created_at) END
  FROM life LEFT JOIN LATERAL (
      SELECT r.requester_subject, r.requester FROM requests r
      WHERE r.workspace = life.name AND r.action = 'apply' AND r.created_at > life.began
      ORDER BY r.created_at, r.id LIMIT 1) first ON true
  WHERE life.name = w.name;
