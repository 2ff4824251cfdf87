-- The request that holds its workspace: set atomically (under a per-workspace advisory lock) when
-- it takes its turn, so two requests of one workspace can never run at once, even when their
-- POSTs race and the later-stamped one commits first.
ALTER TABLE requests ADD COLUMN IF NOT EXISTS holds_workspace boolean NOT NULL DEFAULT false;
