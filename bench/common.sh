# Sourced by the bench/*.sh scripts: checks what the benchmarks need, builds the jar if it is
# missing, then runs the Python driver (bench/pavebench.py), which starts its own Pave on free
# ports in a temp dir and cleans up after itself (also on Ctrl-C).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)

die() { echo "bench: $*" >&2; exit 2; }

for tool in python3 java terraform psql; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' is not on PATH (see README.md, Prerequisites)"
done
python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 9) else 1)' \
  || die "python3 >= 3.9 is needed ($(python3 --version 2>&1))"

# A jar given with --jar is used as is; otherwise build this checkout's jar if it is missing.
if [[ " $* " != *" --jar "* && " $* " != *" --jar="* && ! -f "$REPO_DIR/api/target/pave.jar" ]]; then
  command -v mvn >/dev/null 2>&1 || die "api/target/pave.jar is missing and mvn is not on PATH"
  echo "bench: building api/target/pave.jar (mvn -B -q -o package -DskipTests)" >&2
  (cd "$REPO_DIR" && mvn -B -q -o package -DskipTests) || die "the build failed; see above"
fi

run_driver() {
  exec python3 "$BENCH_DIR/pavebench.py" "$@"
}
