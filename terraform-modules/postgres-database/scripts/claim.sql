-- Included first by every script that touches a database or its owner role, in the same psql
-- session as the statements it guards. Inputs: the psql variables db, owner, claim.
--
-- 1. Takes the lock of the database name for the rest of the session: two workspaces (or a
--    create and a destroy) asking for one name run one after the other, so a claim checked here
--    still holds when the statements after it run.
-- 2. Sets :foreign to true when the role or the database exists and is not this workspace's
--    (its comment, the claim, is not ours). A database without the claim but owned by our
--    claimed role is our own interrupted create, not foreign.
\set VERBOSITY terse
SET client_min_messages TO warning;
SELECT pg_advisory_lock(hashtext('pave-database:' || :'db')) \g /dev/null
SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = :'owner'
               AND shobj_description(oid, 'pg_authid') IS DISTINCT FROM :'claim')
    OR EXISTS (SELECT FROM pg_database d WHERE d.datname = :'db'
               AND shobj_description(d.oid, 'pg_database') IS DISTINCT FROM :'claim'
               AND NOT EXISTS (SELECT FROM pg_roles r WHERE r.oid = d.datdba AND r.rolname = :'owner'
                               AND shobj_description(r.oid, 'pg_authid') = :'claim')) AS foreign \gset
-- The one message a requester reads when the name is not free: the same whoever holds it, and
-- naming nothing but the name they asked for.
SELECT set_config('pave.not_available', format('database_name "%s" is not available on this server; choose another database_name', :'db'), false) \g /dev/null
