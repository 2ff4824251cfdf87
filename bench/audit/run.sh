#!/usr/bin/env bash
# Verifying the audit trail at scale: builds a chain of N events (default 1,000,000) in a fresh
# embedded PostgreSQL and times the online verification (GET /v1/audit/verify's work) and the
# offline verification of its export (`pave audit verify`).
# Usage: bench/audit/run.sh [events, default 1000000]
set -euo pipefail
cd "$(dirname "$0")/../.."
# The plugin version is named: the default one (2.8) does not resolve offline here.
mvn -B -q -o -pl api -am test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cd api
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  dev.pave.api.audit.AuditVerifyBenchmark "${1:-1000000}"
