#!/bin/sh
# Drops the database and its owner role; succeeds when they are already gone, so a destroy can
# be retried. Input: DB_NAME, OWNER_NAME and the libpq variables (see create-database.sh).
set -eu

: "${DB_NAME:?DB_NAME is required}"
: "${OWNER_NAME:?OWNER_NAME is required}"

# WITH (FORCE) (PostgreSQL 13+) terminates open sessions, which would otherwise block the drop.
exec psql -X -q -v ON_ERROR_STOP=1 -v db="$DB_NAME" -v owner="$OWNER_NAME" <<'SQL'
\set VERBOSITY terse
SET client_min_messages TO warning;
-- Dropping needs the owner's privileges; the admin may have changed since the create.
SELECT format('GRANT %I TO CURRENT_USER', :'owner')
 WHERE EXISTS (SELECT FROM pg_roles WHERE rolname = :'owner') \gexec
DROP DATABASE IF EXISTS :"db" WITH (FORCE);
DROP ROLE IF EXISTS :"owner";
SQL
