#!/usr/bin/env bash
# The portal's render times: seeds requests with bench/metrics/seed.sql into Pave's embedded
# PostgreSQL and times each page over HTTP with an admin's session (p50, p95, max in ms).
# Usage: bench/portal.sh [requests, default 10000] [timed calls per page, default 100]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -pl api -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cd api
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  dev.pave.api.metrics.PortalBenchmark ../bench/metrics/seed.sql "${1:-10000}" "${2:-100}"
