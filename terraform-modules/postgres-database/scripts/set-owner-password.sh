#!/bin/sh
# Gives the owner role its password, as a SCRAM-SHA-256 verifier computed here
# (scram-verifier.sh): the password itself never reaches the server, so a server that logs
# statements (log_statement = 'ddl' or 'all') never records it. Only a role this workspace
# claims is re-passworded, checked under the database name's lock (claim.sql).
# Input: DB_NAME, OWNER_NAME, CLAIM, OWNER_PASSWORD and the libpq variables (see create-database.sh).
set -eu

: "${DB_NAME:?DB_NAME is required}"
: "${OWNER_NAME:?OWNER_NAME is required}"
: "${CLAIM:?CLAIM is required}"
: "${OWNER_PASSWORD:?OWNER_PASSWORD is required}"

scripts=$(dirname "$0")
OWNER_VERIFIER=$(/bin/sh "$scripts/scram-verifier.sh")
export OWNER_VERIFIER
unset OWNER_PASSWORD # psql has no use for it

. "$scripts/session.sh"
open_claims_database off

# The verifier is read with \getenv (psql 15+), so it is not on psql's command line either.
exec psql -X -q -v ON_ERROR_STOP=1 -v db="$DB_NAME" -v owner="$OWNER_NAME" -v claim="pave-workspace:$CLAIM" \
  -f "$scripts/claim.sql" -f - <<'SQL'
\if :foreign
DO $refuse$ BEGIN RAISE EXCEPTION '%', current_setting('pave.not_available'); END $refuse$;
\endif
\getenv verifier OWNER_VERIFIER
ALTER ROLE :"owner" WITH LOGIN PASSWORD :'verifier';
SQL
