#!/usr/bin/env bash
# How fast `pave --version` starts: the median (and min, max) wall time of N runs (default 20) of
# the launcher cli/pave, after one warm-up run (the page cache and the JDK's CDS archive), and the
# CPU time it took (user+sys: what a busy machine does not inflate as much). Target:
# under 0.5 s on the project's machine. Results: docs/BENCHMARKS.md, "CLI startup".
#   bench/cli-startup.sh [RUNS]
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
RUNS=${1:-20}
command -v python3 >/dev/null 2>&1 || { echo "bench: python3 is needed" >&2; exit 2; }
if [ ! -f "$REPO_DIR/cli/target/pave-cli.jar" ]; then
  echo "bench: building cli/target/pave-cli.jar" >&2
  (cd "$REPO_DIR" && mvn -B -q -o -pl cli -am package -DskipTests)
fi
python3 - "$REPO_DIR/cli/pave" "$RUNS" <<'PY'
import os, resource, statistics, subprocess, sys, time
launcher, runs = sys.argv[1], int(sys.argv[2])

def measure(*args):
    subprocess.run([launcher, *args], check=True, capture_output=True)  # warm-up
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([launcher, *args], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    print(f"pave {' '.join(args):10} wall median {statistics.median(times):.3f} s (min {min(times):.3f}, "
          f"max {max(times):.3f}); CPU user+sys median {statistics.median(cpu):.3f} s; {runs} runs", flush=True)
    return statistics.median(times)

version = subprocess.run([launcher, "--version"], check=True, capture_output=True, text=True).stdout.strip()
java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
print(f"{version}; {java}; nproc {os.cpu_count()}; load average before {os.getloadavg()[0]:.2f}", flush=True)
median = measure("--version")
measure("--help")  # the whole picocli model of every command: what a real command pays before its HTTP call
load = os.getloadavg()[0]
if load > os.cpu_count():
    print(f"bench: WARNING: load average {load:.2f} is above the number of cores: wall times measure the neighbours",
          file=sys.stderr, flush=True)
print("target (pave --version under 0.5 s):", "met" if median < 0.5 else "NOT met")
PY
