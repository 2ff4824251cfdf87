# Sourced by every script: how long anything may wait, and where the module's own records live.
# Not executable on its own.
#
# Nothing the module does may hold a Terraform run (and so one of Pave's run slots) for long:
# connecting gives up after PGCONNECT_TIMEOUT seconds, waiting for any lock (the claim's
# advisory lock included) after lock_timeout, any statement after statement_timeout. These are
# libpq's own variables, so a platform team overrides them in Terraform's environment, like
# PGPASSWORD (their PGOPTIONS come last and win); requesters never see them.
export PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-10}"
export PGOPTIONS="-c lock_timeout=30s -c statement_timeout=5min ${PGOPTIONS:-}"

# The database where the module keeps its claims and takes its locks: owned by the admin, CONNECT
# for nobody else, so no tenant reads a claim (which names a workspace) or holds a lock. The
# hyphen keeps it out of database_name's pattern: no request can ask for it.
CLAIMS_DATABASE=pave-claims

# Makes sure the claims database exists and is the admin's alone, connected to the maintenance
# database ($PGDATABASE, postgres); then points libpq at the claims database.
# $1: "on" to also refuse (or, when the admin can, close) maintenance databases every role may
# connect to: a create must not hand out credentials that reach them.
open_claims_database() {
  psql -X -q -v ON_ERROR_STOP=1 -v claims_db="$CLAIMS_DATABASE" -v guard_maintenance="$1" \
    -f "$(dirname "$0")/claims-database.sql"
  export PGDATABASE="$CLAIMS_DATABASE"
}
