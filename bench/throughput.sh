#!/usr/bin/env bash
# Throughput: 100 requests on 100 new workspaces POSTed at once over HTTP, wall time until the last
# one is terminal, against the same 100 raw init+plan+apply runs 8 at a time (Pave's default
# temporal.maxConcurrentRuns is 8).
#
#   bench/throughput.sh                                # 100 requests, 8 in parallel, 1 round
#   bench/throughput.sh --extra-arm seeded --extra-arm nolock
#                                                      # + raw arms that show the pg backend's creation lock
#   bench/throughput.sh --requests 20 --reps 3
#   bench/throughput.sh --help
source "$(dirname "$0")/common.sh"
run_driver throughput "$@"
