#!/bin/sh
# Checks the claim and creates (or completes) the owner role and the database, in one psql
# session under the database name's lock (claim.sql), so two workspaces racing for one name
# cannot both pass the check. Safe to re-run after a partial create. Refuses a database or role
# that another workspace (or someone outside Pave) owns: adopting it would hand its data over,
# and this workspace's destroy would drop it.
# Runs without any secret in its environment, so Terraform shows its message to the requester
# (the owner's password is set by set-owner-password.sh).
# It is also where the server is checked: no owner role is made while the maintenance databases
# let every role connect (session.sh, claims-database.sql).
# Input: DB_NAME, OWNER_NAME, CLAIM (this workspace's stable id) and the libpq variables PGHOST,
# PGPORT, PGUSER, PGDATABASE (the maintenance database; + PGPASSWORD if the server needs one).
# Values reach SQL only as psql variables (:'x' literal, :"x" identifier, %I in format()), never
# parsed as shell or SQL.
set -eu

: "${DB_NAME:?DB_NAME is required}"
: "${OWNER_NAME:?OWNER_NAME is required}"
: "${CLAIM:?CLAIM is required}"

. "$(dirname "$0")/session.sh"
open_claims_database on

# -X: no ~/.psqlrc. One session: claim.sql (lock + check), then the statements below (stdin).
exec psql -X -q -v ON_ERROR_STOP=1 -v db="$DB_NAME" -v owner="$OWNER_NAME" -v claim="pave-workspace:$CLAIM" \
  -f "$(dirname "$0")/claim.sql" -f - <<'SQL'
\if :foreign
DO $refuse$ BEGIN RAISE EXCEPTION '%', current_setting('pave.not_available'); END $refuse$;
\endif

-- The role and its claim are created together or not at all. LOGIN without a password cannot
-- log in yet: set-owner-password.sh gives it one.
BEGIN;
SELECT format('CREATE ROLE %I LOGIN', :'owner')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'owner') \gexec
INSERT INTO claims SELECT 'role', rolname, oid, :'claim' FROM pg_roles WHERE rolname = :'owner'
    ON CONFLICT (kind, object_name) DO UPDATE SET object_oid = excluded.object_oid, claim = excluded.claim;
COMMIT;
-- An admin that is not a superuser (CREATEDB + CREATEROLE, as on managed services) must be a
-- member of the owner to create a database for it; for a superuser this is harmless.
GRANT :"owner" TO CURRENT_USER;

-- CREATE DATABASE cannot run in a DO block or a transaction, hence \gexec.
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'owner')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
ALTER DATABASE :"db" OWNER TO :"owner";
INSERT INTO claims SELECT 'database', datname, oid, :'claim' FROM pg_database WHERE datname = :'db'
    ON CONFLICT (kind, object_name) DO UPDATE SET object_oid = excluded.object_oid, claim = excluded.claim;

-- Only the owner may connect: every role has CONNECT through PUBLIC by default.
REVOKE CONNECT, TEMPORARY ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"owner";
SQL
