#!/bin/sh
# Drops the database and its owner role, if they are this workspace's; succeeds when they are
# already gone, so a destroy can be retried.
# A database or role of that name that is not this workspace's (its claim is another's: a
# workspace that lost the race for the name, or something made outside Pave) is left in place
# and the destroy succeeds: nothing of this workspace exists to drop, and failing would leave
# the workspace unable to ever be destroyed, while dropping would delete someone else's data.
# Checked under the database name's lock (claim.sql), in the same session as the drops.
# Input: DB_NAME, OWNER_NAME, CLAIM and the libpq variables (see create-database.sh).
set -eu

: "${DB_NAME:?DB_NAME is required}"
: "${OWNER_NAME:?OWNER_NAME is required}"
# A state written before the claim reached the destroy has no CLAIM: under Pave the claim is the
# workspace's name, which Pave also selects as TF_WORKSPACE for every Terraform command (and
# local-exec inherits Terraform's environment), so such a workspace can still be destroyed.
CLAIM=${CLAIM:-${TF_WORKSPACE:-}}
if [ -z "$CLAIM" ]; then
  # Outside Pave, with no workspace selected, it cannot tell its database from another's. An
  # apply with this version records the claim in place.
  echo "drop-database.sh: this workspace's state predates claim checks; apply it once more, then destroy" >&2
  exit 1
fi

# No check of the maintenance databases here: a destroy only takes access away.
. "$(dirname "$0")/session.sh"
open_claims_database off

# WITH (FORCE) (PostgreSQL 13+) terminates open sessions, which would otherwise block the drop.
exec psql -X -q -v ON_ERROR_STOP=1 -v db="$DB_NAME" -v owner="$OWNER_NAME" -v claim="pave-workspace:$CLAIM" \
  -f "$(dirname "$0")/claim.sql" -f - <<'SQL'
\if :foreign
\warn 'database_name is not this workspace''s on this server: left in place, nothing to drop'
\else
-- Dropping needs the owner's privileges; the admin may have changed since the create.
SELECT format('GRANT %I TO CURRENT_USER', :'owner')
 WHERE EXISTS (SELECT FROM pg_roles WHERE rolname = :'owner') \gexec
DROP DATABASE IF EXISTS :"db" WITH (FORCE);
DROP ROLE IF EXISTS :"owner";
DELETE FROM claims WHERE (kind, object_name) IN (('database', :'db'), ('role', :'owner'));
\endif
SQL
