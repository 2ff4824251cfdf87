#!/usr/bin/env bash
# API latency: p50/p99 of POST /v1/requests and GET /v1/requests/{id} under a fixed-rate (open
# loop) load from a separate process on loopback. Phase A: GETs only (100/s, 30 s); phase B:
# real POSTs (2/s, a new workspace and Idempotency-Key each, so every one starts a run) with
# GETs (50/s) for 60 s.
#
#   bench/api-latency.sh
#   bench/api-latency.sh --post-rate 1 --get-rate 100 --duration 120 --get-only-duration 0
#   bench/api-latency.sh --help
source "$(dirname "$0")/common.sh"
run_driver latency "$@"
