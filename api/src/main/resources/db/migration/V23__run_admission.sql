-- A team's requests beyond its running limit (limits.runsPerTeam) are stored and wait, queued,
-- without a workflow, until RunAdmission admits them, oldest first, as the team's runs end.
-- admitted_at says when a request's run was allowed to start; NULL is "waiting for a run slot".
ALTER TABLE requests ADD COLUMN admitted_at timestamptz;

-- Every request stored before had its run started when it was accepted.
UPDATE requests SET admitted_at = created_at;

-- The waiting requests of a team, oldest first: read whenever one of its runs frees its slot.
CREATE INDEX requests_waiting ON requests (team, created_at, id) WHERE admitted_at IS NULL AND status = 'queued';
