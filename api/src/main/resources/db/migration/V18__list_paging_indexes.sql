-- Lists are paged by keyset (ORDER BY created_at DESC, id DESC, then "after this row"): each
-- filter the API and the portal offer gets an index that ends in that order, so a page reads
-- its rows straight from the index, whatever the page and however many rows there are.
CREATE INDEX requests_created_id ON requests (created_at DESC, id DESC);
DROP INDEX requests_created;
CREATE INDEX requests_team_created_id ON requests (team, created_at DESC, id DESC);
DROP INDEX requests_team_created;
-- The inbox (status = 'awaiting_approval') and the status filter.
CREATE INDEX requests_status_created_id ON requests (status, created_at DESC, id DESC);
-- The workspace filter (requests_workspace_line only holds unfinished requests).
CREATE INDEX requests_workspace_created_id ON requests (workspace, created_at DESC, id DESC);

-- Live workspaces by name, for one team (every team's reads the primary key in name order).
CREATE INDEX workspaces_live_team_name ON workspaces (team, name) WHERE status = 'live';
