-- One SQL source for what is terminal (RequestStatus.terminal() is its Java twin; a test checks
-- that they agree for every status). IMMUTABLE, so that it can stand in an index predicate; a
-- plain SQL expression, so that the planner inlines it and proves the partial index below.
CREATE FUNCTION pave_terminal(status text) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT status IN ('succeeded', 'failed', 'denied', 'rejected', 'cancelled', 'expired') $$;

-- The workspace line (FIFO), on the function's expression: the queries say NOT pave_terminal(status).
DROP INDEX requests_workspace_line;
CREATE INDEX requests_workspace_line ON requests (workspace, created_at, id) WHERE NOT pave_terminal(status);
