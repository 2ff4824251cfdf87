#!/bin/sh
# Burst load on the real jar (embedded default): N requests over W workspaces through HTTP, all at
# once from 16 client threads. Checks that every request is accepted, ends succeeded, runs exactly
# once and keeps its workspace's order; reports POST/GET latency (p50, p99) and throughput, and the
# audit append's p50/p99 during the burst (pave_audit_append_seconds on /prometheus, read before
# and after it, quantiles interpolated in its buckets as PromQL's histogram_quantile does).
# The IT suite runs the same test small (60 over 20); this is the full size.
#
#   bench/load.sh [requests=500] [workspaces=100] [maxConcurrentRuns=8]
#   PAVE_JVM_ARGS: the Pave JVM's options (default -Xmx1g, otherwise the JVM's defaults)
#
# Report: stdout and api/target/burst-load-report.txt.
set -eu
cd "$(dirname "$0")/.."
requests=${1:-500}
workspaces=${2:-100}
runs=${3:-8}
mvn -B -q verify -Dmaven.test.redirectTestOutputToFile=true -pl api -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=BurstLoadIT \
  -Dpave.load.requests="$requests" -Dpave.load.workspaces="$workspaces" -Dpave.load.maxConcurrentRuns="$runs" \
  -Dpave.jvmArgs="${PAVE_JVM_ARGS:--Xmx1g}"
cat api/target/burst-load-report.txt
