#!/bin/sh
# Creates (or completes) the owner role and the database; safe to re-run after a partial create.
# Input comes only from the environment: DB_NAME, OWNER_NAME, OWNER_PASSWORD, and the libpq
# variables PGHOST, PGPORT, PGUSER, PGDATABASE (+ PGPASSWORD if the server needs one).
# Values reach SQL only as psql variables (:'x' literal, :"x" identifier, %I in format()),
# so no value is ever parsed as shell or SQL code.
set -eu

: "${DB_NAME:?DB_NAME is required}"
: "${OWNER_NAME:?OWNER_NAME is required}"
: "${OWNER_PASSWORD:?OWNER_PASSWORD is required}"
: "${CLAIM:?CLAIM is required}"

# -X: no ~/.psqlrc. VERBOSITY terse: an error never echoes the statement, which holds the password.
# The password is read with \getenv (psql 15+) so it is not on psql's command line either.
exec psql -X -q -v ON_ERROR_STOP=1 -v db="$DB_NAME" -v owner="$OWNER_NAME" -v claim="pave-workspace:$CLAIM" <<'SQL'
\set VERBOSITY terse
SET client_min_messages TO warning;
\getenv pw OWNER_PASSWORD

-- The role and its claim (see check-claim.sh) are created together or not at all.
BEGIN;
SELECT format('CREATE ROLE %I LOGIN', :'owner')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'owner') \gexec
COMMENT ON ROLE :"owner" IS :'claim';
COMMIT;
ALTER ROLE :"owner" WITH LOGIN PASSWORD :'pw';
-- An admin that is not a superuser (CREATEDB + CREATEROLE, as on managed services) must be a
-- member of the owner to create a database for it; for a superuser this is harmless.
GRANT :"owner" TO CURRENT_USER;

-- CREATE DATABASE cannot run in a DO block or a transaction, hence \gexec.
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'owner')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
ALTER DATABASE :"db" OWNER TO :"owner";
COMMENT ON DATABASE :"db" IS :'claim';

-- Only the owner may connect: every role has CONNECT through PUBLIC by default.
REVOKE CONNECT, TEMPORARY ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"owner";
SQL
