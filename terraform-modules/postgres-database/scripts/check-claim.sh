#!/bin/sh
# Refuses to take over a database or role that this workspace did not create. Without it, a
# second workspace asking for an existing database_name would silently adopt (and re-password)
# another team's database, and its destroy would drop it.
# Runs before create-database.sh and without any secret in its environment, so Terraform shows
# its message to the requester instead of suppressing the output.
# Input: DB_NAME, OWNER_NAME, CLAIM (this workspace's stable id) and the libpq variables.
set -eu

: "${DB_NAME:?DB_NAME is required}"
: "${OWNER_NAME:?OWNER_NAME is required}"
: "${CLAIM:?CLAIM is required}"

exec psql -X -q -v ON_ERROR_STOP=1 -v db="$DB_NAME" -v owner="$OWNER_NAME" -v claim="pave-workspace:$CLAIM" <<'SQL'
\set VERBOSITY terse
SET client_min_messages TO warning;
-- psql variables are not expanded inside a DO body: hand them over as settings.
SELECT set_config('pave.db', :'db', false), set_config('pave.owner', :'owner', false),
       set_config('pave.claim', :'claim', false) \g /dev/null
DO $check$
DECLARE
  db    text := current_setting('pave.db');
  owner text := current_setting('pave.owner');
  claim text := current_setting('pave.claim');
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = owner
             AND shobj_description(oid, 'pg_authid') IS DISTINCT FROM claim) THEN
    RAISE EXCEPTION 'role "%" already exists on this server and was not created by this workspace; choose another database_name', owner;
  END IF;
  -- A database without the claim but owned by our claimed role is our own interrupted create.
  IF EXISTS (SELECT FROM pg_database d WHERE d.datname = db
             AND shobj_description(d.oid, 'pg_database') IS DISTINCT FROM claim
             AND NOT EXISTS (SELECT FROM pg_roles r WHERE r.oid = d.datdba AND r.rolname = owner
                             AND shobj_description(r.oid, 'pg_authid') = claim)) THEN
    RAISE EXCEPTION 'database "%" already exists on this server and was not created by this workspace; choose another database_name', db;
  END IF;
END
$check$;
SQL
