-- Run by session.sh's open_claims_database, connected to the maintenance database (postgres).
-- Inputs: the psql variables claims_db (its name) and guard_maintenance (on/off).
\set VERBOSITY terse
SET client_min_messages TO warning;

\if :guard_maintenance
-- An owner role may connect to its own database only. PostgreSQL grants CONNECT on every
-- database to PUBLIC by default; on postgres and template1 that lets any tenant list and lock
-- what the admin does there, and a session on template1 makes every CREATE DATABASE fail.
SELECT count(*) > 0 AS maintenance_open,
       coalesce(bool_and(pg_has_role(datdba, 'USAGE')), false) AS can_close,
       coalesce(string_agg(datname, ', ' ORDER BY datname), '') AS open_databases
  FROM pg_database
 WHERE datname IN ('postgres', 'template1') AND has_database_privilege('public', oid, 'CONNECT') \gset
\if :maintenance_open
\if :can_close
-- The admin owns them (or is a superuser): Pave was given this server, so it closes them. A role
-- that needs them (a monitoring agent) gets CONNECT by name from the platform team. Under the
-- lock of the claims database's set-up below, so that two first runs do not revoke at once.
SELECT pg_advisory_lock(hashtext('pave-claims-database')) \g /dev/null
SELECT format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', datname)
  FROM pg_database
 WHERE datname IN ('postgres', 'template1') AND has_database_privilege('public', oid, 'CONNECT') \gexec
SELECT pg_advisory_unlock(hashtext('pave-claims-database')) \g /dev/null
\else
-- Written for the platform team: the requester can do nothing about it but pass it on.
SELECT set_config('pave.refused', format('the target server lets every role connect to database %s, so an owner '
  'role made here could too; a platform admin must run once, as a superuser: REVOKE CONNECT, TEMPORARY ON DATABASE '
  'postgres, template1 FROM PUBLIC; GRANT CONNECT ON DATABASE postgres TO %I; (see docs/modules.md)',
  :'open_databases', current_user), false) \g /dev/null
DO $refuse$ BEGIN RAISE EXCEPTION '%', current_setting('pave.refused'); END $refuse$;
\endif
\endif
\endif

-- Made once, on the first run against this server, and closed to everyone but its owner (again,
-- should someone open it). The lock keeps two first runs from both creating or both granting
-- (two concurrent GRANT/REVOKE on one database fail with "tuple concurrently updated"); it is
-- only taken when there is something to do, and lock_timeout bounds it.
SELECT NOT EXISTS (SELECT FROM pg_database WHERE datname = :'claims_db')
    OR EXISTS (SELECT FROM pg_database WHERE datname = :'claims_db'
               AND (has_database_privilege('public', oid, 'CONNECT') OR has_database_privilege('public', oid, 'TEMPORARY')))
       AS claims_to_prepare \gset
\if :claims_to_prepare
SELECT pg_advisory_lock(hashtext('pave-claims-database')) \g /dev/null
SELECT format('CREATE DATABASE %I', :'claims_db')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'claims_db') \gexec
\endif

-- Claims are only as good as the database holding them: it must be the admin's (a role that owns
-- it could forge them), and closed to everyone else.
SELECT pg_has_role(datdba, 'USAGE') AS claims_ours FROM pg_database WHERE datname = :'claims_db' \gset
\if :claims_ours
\else
SELECT set_config('pave.refused', format('database "%s" on the target server, where this module keeps its claims, '
  'is not owned by %I; a platform admin must give it to that role (ALTER DATABASE ... OWNER TO, or GRANT the owner '
  'to it) (see docs/modules.md)', :'claims_db', current_user), false) \g /dev/null
DO $refuse$ BEGIN RAISE EXCEPTION '%', current_setting('pave.refused'); END $refuse$;
\endif
\if :claims_to_prepare
SELECT format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', datname)
  FROM pg_database
 WHERE datname = :'claims_db'
   AND (has_database_privilege('public', oid, 'CONNECT') OR has_database_privilege('public', oid, 'TEMPORARY')) \gexec
SELECT pg_advisory_unlock(hashtext('pave-claims-database')) \g /dev/null
\endif
