-- Included first by every script that touches a database or its owner role, in the same psql
-- session as the statements it guards, connected to the claims database (session.sh). Inputs: the
-- psql variables db, owner, claim.
--
-- 1. Keeps the claims table: which workspace made which role and database. Comments on the
--    objects would be world-readable (pg_shdescription is a shared catalog every role reads), and a
--    claim names a workspace; this table is readable by the admin only. A row holds the object's
--    oid, so a claim dies with its object, as a comment did.
-- 2. Takes the lock of the database name for the rest of the session: two workspaces (or a
--    create and a destroy) asking for one name run one after the other, so a claim checked here
--    still holds when the statements after it run. It waits at most lock_timeout (session.sh),
--    then fails with a message saying to retry.
-- 3. Sets :foreign to true when the role or the database exists and is not this workspace's. A
--    database without a claim but owned by our claimed role is our own interrupted create.
\set VERBOSITY terse
SET client_min_messages TO warning;

BEGIN;
-- Serializes the first runs' CREATE TABLE and the move of claims below (milliseconds).
SELECT pg_advisory_xact_lock(hashtext('pave-claims-table')) \g /dev/null
SELECT to_regclass('claims') IS NULL AS claims_table_missing \gset
\if :claims_table_missing
CREATE TABLE claims (
  kind        text NOT NULL CHECK (kind IN ('role', 'database')),
  object_name text NOT NULL,
  object_oid  oid  NOT NULL,
  claim       text NOT NULL,
  PRIMARY KEY (kind, object_name)
);
-- Claims that older versions of this module wrote as comments move here, all at once and only
-- once: no workspace's id stays readable to tenants, and a comment a tenant writes later on its
-- own database is not taken for a claim. A comment the admin may not clear stays readable.
DO $move$
DECLARE
  legacy record;
BEGIN
  FOR legacy IN
    SELECT 'role' AS kind, r.rolname::text AS object_name, r.oid AS object_oid, d.description AS claim
      FROM pg_shdescription d JOIN pg_roles r ON r.oid = d.objoid
     WHERE d.classoid = 'pg_authid'::regclass AND d.description LIKE 'pave-workspace:%'
    UNION ALL
    SELECT 'database', db.datname::text, db.oid, d.description
      FROM pg_shdescription d JOIN pg_database db ON db.oid = d.objoid
     WHERE d.classoid = 'pg_database'::regclass AND d.description LIKE 'pave-workspace:%'
  LOOP
    INSERT INTO claims VALUES (legacy.kind, legacy.object_name, legacy.object_oid, legacy.claim)
      ON CONFLICT (kind, object_name) DO UPDATE SET object_oid = excluded.object_oid, claim = excluded.claim;
    BEGIN
      EXECUTE format('COMMENT ON %s %I IS NULL', upper(legacy.kind), legacy.object_name);
    EXCEPTION WHEN insufficient_privilege THEN
      NULL;
    END;
  END LOOP;
END $move$;
\endif
COMMIT;

SELECT set_config('pave.db', :'db', false) \g /dev/null
DO $lock$
BEGIN
  PERFORM pg_advisory_lock(hashtext('pave-database:' || current_setting('pave.db')));
EXCEPTION WHEN lock_not_available THEN
  RAISE EXCEPTION 'another run holds the claim on database_name "%" on this server (waited %); retry when it has finished',
    current_setting('pave.db'), current_setting('lock_timeout') USING ERRCODE = 'lock_not_available';
END $lock$;

SELECT EXISTS (SELECT FROM pg_roles r WHERE r.rolname = :'owner'
               AND NOT EXISTS (SELECT FROM claims c WHERE c.kind = 'role' AND c.object_name = r.rolname
                               AND c.object_oid = r.oid AND c.claim = :'claim'))
    OR EXISTS (SELECT FROM pg_database d WHERE d.datname = :'db'
               AND NOT EXISTS (SELECT FROM claims c WHERE c.kind = 'database' AND c.object_name = d.datname
                               AND c.object_oid = d.oid AND c.claim = :'claim')
               AND NOT EXISTS (SELECT FROM pg_roles r JOIN claims c ON c.kind = 'role' AND c.object_name = r.rolname
                                      AND c.object_oid = r.oid AND c.claim = :'claim'
                                WHERE r.oid = d.datdba AND r.rolname = :'owner')) AS foreign \gset
-- The one message a requester reads when the name is not free: the same whoever holds it, and
-- naming nothing but the name they asked for.
SELECT set_config('pave.not_available', format('database_name "%s" is not available on this server; choose another database_name', :'db'), false) \g /dev/null
