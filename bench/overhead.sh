#!/usr/bin/env bash
# Overhead against raw Terraform, one request at a time.
#
# Median lead time of an auto-approved postgres-database request on the embedded default, divided
# by the median time of the same `terraform init`, `plan -out`, `apply planfile` run by hand
# (a new workspace directory each run), measured in the same run on the same machine, the arms
# alternating. Also prints per-step medians next to the raw per-command medians and where the
# difference goes (Terraform commands, `output -json`, Pave's code in each activity, Temporal).
#
#   bench/overhead.sh                   # 40 warm-up requests, then 30 runs per arm
#   bench/overhead.sh --runs 30 --json /tmp/overhead.json
#   bench/overhead.sh --warmup 0        # include the cold JVM
#   bench/overhead.sh --help
source "$(dirname "$0")/common.sh"
run_driver overhead "$@"
