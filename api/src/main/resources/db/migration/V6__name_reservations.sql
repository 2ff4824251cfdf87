-- Names that belong to one workspace (pave.yaml `reserves`: a database name on a target server).
-- A row is taken when a request is accepted, in the transaction that stores the request, so of
-- two workspaces racing for a name exactly one gets it; the primary key decides.
CREATE TABLE name_reservations (
  input       text NOT NULL,             -- the module input reserved, e.g. database_name
  scope       text NOT NULL,             -- where the name lives: the scope's platform inputs, canonical JSON
  name        text NOT NULL,             -- the input's value
  workspace   text NOT NULL,
  team        text NOT NULL,
  request_id  text NOT NULL REFERENCES requests (id), -- the request that took it: released with it if it created nothing
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (input, scope, name)
);
CREATE INDEX name_reservations_workspace ON name_reservations (workspace);
