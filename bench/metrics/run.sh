#!/usr/bin/env bash
# Metrics at scale: seeds a year of requests (about 1,000,000 steps) into Pave's embedded
# PostgreSQL and times GET /v1/metrics and /prometheus over HTTP (p50, p90, p99, max in ms).
# Usage: bench/metrics/run.sh [requests, default 206000] [timed calls per case, default 200]
set -euo pipefail
cd "$(dirname "$0")/../.."
# Compile this tree (workflows too) and take the classpath from the reactor, so the run never
# picks up another checkout's pave-workflows from the local Maven repository.
mvn -B -q -o -pl api -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cd api
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  dev.pave.api.metrics.MetricsBenchmark ../bench/metrics/seed.sql "${1:-206000}" "${2:-200}"
