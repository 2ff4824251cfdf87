#!/bin/sh
# Sets the database's connection limit; idempotent. Input: DB_NAME, CONNECTION_LIMIT and the
# libpq variables (see create-database.sh).
set -eu

: "${DB_NAME:?DB_NAME is required}"
: "${CONNECTION_LIMIT:?CONNECTION_LIMIT is required}"

# For its timeouts; it runs on the maintenance database, with no claim to check.
. "$(dirname "$0")/session.sh"

# The ::int cast rejects anything but a number before it can reach the statement.
exec psql -X -q -v ON_ERROR_STOP=1 -v db="$DB_NAME" -v limit="$CONNECTION_LIMIT" <<'SQL'
\set VERBOSITY terse
SET client_min_messages TO warning;
SELECT format('ALTER DATABASE %I CONNECTION LIMIT %s', :'db', (:'limit')::int) \gexec
SQL
