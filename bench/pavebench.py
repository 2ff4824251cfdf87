#!/usr/bin/env python3
"""Benchmark driver for Pave (overhead, throughput, API latency). Standard library only.

Every subcommand starts its own Pave on the embedded default (a fresh PAVE_HOME in a temp dir,
free ports for HTTP, admin, Pave's PostgreSQL and the golden path's target server), measures,
prints a table and cleans up: the Pave JVM, anything left in its process group, the embedded
postmasters of that home, and the temp dir. Run it through bench/overhead.sh,
bench/throughput.sh or bench/api-latency.sh; `python3 bench/pavebench.py --help` lists options.
"""

from __future__ import annotations

import argparse
import atexit
import concurrent.futures
import datetime as dt
import http.client
import json
import os
import platform
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
JAR = REPO / "api" / "target" / "pave.jar"
MODULE_DIR = REPO / "terraform-modules" / "postgres-database"
TERMINAL = {"succeeded", "failed", "denied", "rejected", "cancelled", "expired"}
ADMIN_TOKEN = "bench-admin-" + os.urandom(16).hex()  # Pave refuses admin tokens under 32 characters


class BenchError(Exception):
    """A failure with a message meant for the person running the benchmark."""


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- small statistics helpers

def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else float("nan")


def percentile(xs, p):
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = max(0, min(len(xs) - 1, int(-(-p * len(xs) // 100)) - 1))
    return xs[k]


def ratio_ci(num, den, n=2000, seed=1):
    """95% bootstrap interval of median(num) / median(den), resampling each arm independently."""
    num, den = [x for x in num if x is not None], [x for x in den if x is not None]
    if len(num) < 3 or len(den) < 3:
        return float("nan"), float("nan")
    rnd = random.Random(seed)
    rs = sorted(statistics.median(rnd.choices(num, k=len(num))) / statistics.median(rnd.choices(den, k=len(den)))
                for _ in range(n))
    return rs[int(0.025 * n)], rs[int(0.975 * n) - 1]


def fmt(x, digits=0):
    if x is None or (isinstance(x, float) and x != x):
        return "-"
    return f"{x:.{digits}f}"


def table(headers, rows):
    rows = [list(r) + [""] * (len(headers) - len(r)) for r in rows]
    widths = [max(len(str(h)), *(len(str(r[i])) for r in rows)) for i, h in enumerate(headers)]
    line = "  ".join(str(h).ljust(w) if i == 0 else str(h).rjust(w) for i, (h, w) in enumerate(zip(headers, widths)))
    out = [line, "  ".join("-" * w for w in widths)]
    for r in rows:
        out.append("  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
    return "\n".join(out)


def parse_instant(v) -> float:
    """Epoch seconds from an API timestamp: accepts epoch numbers and ISO-8601 strings."""
    if v is None:
        return float("nan")
    if isinstance(v, (int, float)):
        return float(v)
    s = str(v).replace("Z", "+00:00")
    return dt.datetime.fromisoformat(s).timestamp()


def proc_table() -> list[tuple[int, int, int]]:
    """(pid, ppid, pgid) of every process, from /proc."""
    out = []
    for p in Path("/proc").iterdir():
        if not p.name.isdigit():
            continue
        try:
            f = (p / "stat").read_text().rsplit(")", 1)[1].split()
            out.append((int(p.name), int(f[1]), int(f[2])))
        except (OSError, IndexError, ValueError):
            continue
    return out


def kill_own_children() -> None:
    """Kills the raw Terraform/psql processes this script started and that are still running."""
    me = os.getpid()
    for pid, ppid, _pgid in proc_table():
        if ppid == me:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def machine_info() -> dict:
    mem_kb = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    except OSError:
        pass
    tf_version = terraform_version()
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", "api", "workflows"],
                           capture_output=True, text=True)
    return {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "memory": f"{mem_kb / 1024 / 1024:.1f} GiB",
        "kernel": platform.release(),
        "terraform": tf_version,
        "java": java[0] if java else "unknown",
        "commit": head.stdout.strip() + ("+dirty" if dirty.stdout.strip() else ""),
        "loadavg": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def noise_warning(info: dict) -> None:
    if info.get("others_pct", 0) > 20:
        print(f"WARNING: other processes used {info['others_pct']:.0f}% of this machine while measuring; these"
              f" numbers are noisy. Run again when the machine is idle (see `uptime`).")


def print_machine(info: dict) -> None:
    print(f"date {info['date']} | nproc {info['nproc']} | memory {info['memory']} | terraform {info['terraform']}"
          f" | {info['java']} | pave commit {info['commit']} | loadavg at start {info['loadavg']}")


# ---------------------------------------------------------------- HTTP

class Api:
    """A tiny keep-alive JSON client; one instance per thread."""

    def __init__(self, port: int, token: str | None, timeout: float = 30):
        self.port, self.token, self.timeout = port, token, timeout
        self.conn: http.client.HTTPConnection | None = None

    def call(self, method, path, body=None, headers=None):
        hdrs = {"Accept": "application/json"}
        if self.token:
            hdrs["Authorization"] = f"Bearer {self.token}"
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            hdrs["Content-Type"] = "application/json"
        hdrs.update(headers or {})
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            try:
                self.conn.request(method, path, body=data, headers=hdrs)
                resp = self.conn.getresponse()
                raw = resp.read()
                return resp.status, (json.loads(raw) if raw else None)
            except (http.client.HTTPException, ConnectionError, OSError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise

    def close(self):
        if self.conn:
            self.conn.close()
            self.conn = None


# ---------------------------------------------------------------- Pave process

class Pave:
    """One Pave on the embedded default, in a fresh home, on free ports; stop() cleans everything."""

    def __init__(self, workdir: Path, trace_terraform: bool = True, jvm_args: list[str] | None = None,
                 jar: Path | None = None):
        self.workdir = workdir
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.jar = jar or JAR
        self.home = workdir / "pave-home"
        self.http_port, self.admin_port = free_port(), free_port()
        self.db_port, self.target_port = free_port(), free_port()
        self.log_path = workdir / "pave.log"
        self.trace_terraform = trace_terraform
        self.jvm_args = jvm_args or []
        self.proc: subprocess.Popen | None = None
        self.token: str | None = None

    def start(self, timeout: float = 180) -> "Pave":
        if not self.jar.exists():
            raise BenchError(f"{self.jar} is missing: build it with `cd {REPO} && mvn -B -q -o package -DskipTests`")
        cfg = self.workdir / "bench.yml"
        lines = ["embedded:", f"  databasePort: {self.db_port}", f"  targetPort: {self.target_port}",
                 "logging:", "  level: INFO", "  loggers:"]
        # DEBUG on the runner gives one line per Terraform command with its duration.
        lines.append(f"    dev.pave.workflows.terraform.TerraformRunner: {'DEBUG' if self.trace_terraform else 'INFO'}")
        cfg.write_text("\n".join(lines) + "\n")
        env = {**os.environ, "PAVE_HOME": str(self.home), "PAVE_HTTP_PORT": str(self.http_port),
               "PAVE_ADMIN_PORT": str(self.admin_port), "PAVE_ADMIN_TOKEN": ADMIN_TOKEN}
        env.pop("PAVE_ENCRYPTION_KEY", None)
        cmd = ["java", *self.jvm_args, "-jar", str(self.jar), "server", str(cfg)]
        log(f"starting Pave (http {self.http_port}, db {self.db_port}, target {self.target_port}, home {self.home})")
        self._log_file = open(self.log_path, "wb")
        # Its own process group: stop() can reach Terraform children and postmasters it left behind.
        # cwd: the repository, so the default modulesDir (terraform-modules) is this checkout's catalog.
        self.proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=self._log_file, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        deadline = time.time() + timeout
        api = Api(self.http_port, None, timeout=5)
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise BenchError(f"Pave exited with {self.proc.returncode} while starting; last log lines:\n"
                                 + self.log_tail())
            try:
                status, body = api.call("GET", "/v1/health")
                if status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.3)
        else:
            raise BenchError(f"Pave did not answer /v1/health within {timeout:.0f} s; last log lines:\n" + self.log_tail())
        api.close()
        admin = Api(self.http_port, ADMIN_TOKEN)
        status, body = admin.call("POST", "/v1/tokens", {"name": "bench", "team": "bench", "role": "requester"})
        admin.close()
        if status != 201 or not body or "token" not in body:
            raise BenchError(f"POST /v1/tokens answered {status}: {body}")
        self.token = body["token"]
        log(f"Pave is up (pid {self.proc.pid})")
        return self

    def log_tail(self, n=30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return "(no log)"

    def api(self) -> Api:
        return Api(self.http_port, self.token)

    def superuser_password(self, server: str) -> str:
        """The embedded server's superuser password, as Pave keeps it (PAVE_HOME/credentials)."""
        return (self.home / "credentials" / f"{server}.postgres").read_text().strip()

    def state_conn(self) -> str:
        # Raw Terraform creates its own schemas, which only the superuser may (Pave's state role may not).
        return (f"postgres://postgres:{self.superuser_password('postgres')}@127.0.0.1:{self.db_port}"
                "/pave_tfstate?sslmode=disable")

    def pids_in_group(self) -> list[int]:
        """Processes in the process group this Pave was started in (its own session)."""
        if not self.proc:
            return []
        return [pid for pid, _ppid, pgid in proc_table() if pgid == self.proc.pid]

    def stop(self) -> None:
        if not self.proc:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)  # Dropwizard stops its managed objects: postmasters too
            try:
                self.proc.wait(timeout=40)
            except subprocess.TimeoutExpired:
                log("Pave did not stop within 40 s of SIGTERM; killing it")
                self.proc.kill()
                self.proc.wait()
        # Anything left in Pave's own process group (a Terraform child, a postmaster).
        for pid in self.pids_in_group():
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        # Postmasters of this home that left the group (zonky may daemonize them): by their pid file.
        for data in ("postgres", "target-postgres"):
            pidfile = self.home / data / "postmaster.pid"
            try:
                pid = int(pidfile.read_text().splitlines()[0])
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
                if str(self.home) in cmdline:
                    os.kill(pid, signal.SIGQUIT)
            except (OSError, ValueError, IndexError):
                pass
        self._log_file.close()
        self.proc = None

    # ---- requests

    def submit(self, api: Api, workspace: str, database: str, key: str | None = None) -> tuple[str, float]:
        body = {"module": "postgres-database", "workspace": workspace, "environment": "dev", "ttlHours": 24,
                "inputs": {"database_name": database}}
        status, resp = api.call("POST", "/v1/requests", body, {"Idempotency-Key": key} if key else None)
        if status != 202:
            raise BenchError(f"POST /v1/requests for {workspace} answered {status}: {resp}")
        return resp["id"], time.time()

    def wait(self, api: Api, rid: str, timeout: float = 300, interval: float = 0.1) -> dict:
        deadline = time.time() + timeout
        while time.time() < deadline:
            status, body = api.call("GET", f"/v1/requests/{rid}")
            if status != 200:
                raise BenchError(f"GET /v1/requests/{rid} answered {status}: {body}")
            if body["status"] in TERMINAL:
                return body
            time.sleep(interval)
        raise BenchError(f"request {rid} not terminal after {timeout:.0f} s")

    def terraform_commands(self) -> list[tuple[float, str, int]]:
        """(end epoch s, command, duration ms) of every Terraform command Pave ran, from its DEBUG log."""
        pat = re.compile(r"^DEBUG \[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3})\] \S*TerraformRunner: "
                         r"terraform (\S+) exited (-?\d+) after (\d+) ms")
        out = []
        for line in self.log_path.read_text(errors="replace").splitlines():
            m = pat.match(line)
            if m:
                ts = dt.datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S,%f").replace(tzinfo=dt.timezone.utc)
                out.append((ts.timestamp(), m.group(2), int(m.group(4))))
        return out


# ---------------------------------------------------------------- raw Terraform

_TF_VERSION: list[str] = []
RAW_COMMAND_TIMEOUT = 900  # s; longer than the 10 min lock timeout the throughput arm allows


def terraform_version() -> str:
    if not _TF_VERSION:
        r = subprocess.run(["terraform", "version", "-json"], capture_output=True, text=True,
                           env={**os.environ, "TF_CLI_CONFIG_FILE": "/dev/null", "CHECKPOINT_DISABLE": "1"})
        try:
            _TF_VERSION.append(json.loads(r.stdout)["terraform_version"])
        except (ValueError, KeyError):
            raise BenchError(f"`terraform version -json` failed: {r.stderr}") from None
    return _TF_VERSION[0]


# What TerraformEnvironment.GO_RUNTIME_DEFAULTS gives every Terraform process Pave starts.
PAVE_GO_RUNTIME = {"GOGC": "off", "GOMEMLIMIT": "512MiB"}


class RawTerraform:
    """The same module run by hand: copy, backend file, tfvars; then init, plan -out, apply planfile."""

    def __init__(self, root: Path, state_conn: str, target_port: int, target_password: str):
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)
        self.home = root / ".home"
        self.home.mkdir(exist_ok=True)
        self.target_port = target_port
        self.env = {"PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"), "HOME": str(self.home),
                    "TF_IN_AUTOMATION": "1", "TF_INPUT": "0", "CHECKPOINT_DISABLE": "1",
                    "TF_CLI_CONFIG_FILE": "/dev/null", "PG_CONN_STR": state_conn,
                    "PGPASSWORD": target_password}

    def prepare(self, name: str, database: str) -> Path:
        d = self.root / name
        shutil.copytree(MODULE_DIR, d)
        (d / "_backend.tf").write_text('terraform {\n  backend "pg" {}\n}\n')
        (d / "inputs.tfvars.json").write_text(json.dumps(
            {"server_host": "127.0.0.1", "server_port": self.target_port, "admin_user": "postgres",
             "pave_workspace": name, "database_name": database}))
        return d

    def commands(self, d: Path, schema: str, pave_flags: bool, lock: list[str]) -> list[list[str]]:
        if not pave_flags:  # what a careful human types
            return [["terraform", "init", "-input=false", "-no-color", f"-backend-config=schema_name={schema}"],
                    ["terraform", "plan", "-input=false", "-no-color", *lock, "-var-file=inputs.tfvars.json", "-out=tfplan"],
                    ["terraform", "apply", "-input=false", "-no-color", *lock, "tfplan"]]
        # exactly the argv Pave's wrapper builds (InitCommand, PlanCommand, ApplyCommand, OutputCommand)
        return [["terraform", "init", "-input=false", "-no-color", "-reconfigure", "-lock-timeout=60s",
                 f"-backend-config=schema_name={schema}"],
                ["terraform", "plan", "-input=false", "-no-color", "-json", "-detailed-exitcode", "-lock-timeout=60s",
                 f"-var-file={d / 'inputs.tfvars.json'}", f"-out={d / 'pave.tfplan'}"],
                ["terraform", "apply", "-json", "-input=false", "-no-color", "-lock-timeout=60s", str(d / "pave.tfplan")],
                ["terraform", "output", "-no-color", "-json"]]

    def run(self, d: Path, schema: str, pave_flags: bool = False, lock: list[str] | None = None,
            seed: bool = False, extra_env: dict | None = None) -> dict:
        """Runs the commands; returns {command: ms, 'total': ms}. Raises on a failed command.

        `lock`: extra locking flags for plan and apply, e.g. ["-lock-timeout=60s"] when runs are parallel.
        `seed`: after init, store an empty state row for the workspace (one SQL INSERT), so that plan and
        apply lock the row instead of holding the pg backend's database-wide creation lock (-1).
        `extra_env`: added to Terraform's environment (e.g. the Go runtime settings Pave gives Terraform).
        """
        env = dict(self.env, **(extra_env or {}))
        times = {}
        t_all = time.perf_counter()
        argvs = self.commands(d, schema, pave_flags, lock or [])
        seed_sql = ""
        if seed:
            state = json.dumps({"version": 4, "terraform_version": terraform_version(), "serial": 0,
                                "lineage": str(uuid.uuid4()), "outputs": {}, "resources": [], "check_results": None})
            # psql reads the statement from stdin so that :'st' is interpolated as a quoted literal.
            argvs.insert(1, ["psql", self.env["PG_CONN_STR"], "-X", "-q", "-v", "ON_ERROR_STOP=1", "-v", f"st={state}"])
            seed_sql = f'INSERT INTO "{schema}".states (name, data) VALUES (\'default\', :\'st\');\n'
        for argv in argvs:
            t0 = time.perf_counter()
            key = "seed" if argv[0] == "psql" else argv[1]
            try:
                r = subprocess.run(argv, cwd=d, env=env, input=seed_sql if key == "seed" else "",
                                   capture_output=True, text=True, timeout=RAW_COMMAND_TIMEOUT)
            except subprocess.TimeoutExpired:
                raise BenchError(f"raw `{' '.join(argv[:2])}` in {d} did not finish in {RAW_COMMAND_TIMEOUT} s") from None
            times[key] = (time.perf_counter() - t0) * 1000
            ok = r.returncode == 0 or (key == "plan" and pave_flags and r.returncode == 2)
            if not ok:
                raise BenchError(f"raw `{' '.join(argv[:2])}` in {d} exited {r.returncode}:\n{r.stderr[-2000:]}{r.stdout[-2000:]}")
        times["total"] = (time.perf_counter() - t_all) * 1000
        return times


# ---------------------------------------------------------------- workdir + cleanup

class Session:
    """A temp dir and the Paves started in it; close() (also at exit and on signals) stops and removes them."""

    def __init__(self, keep: bool, jvm_args=None, trace_terraform=True):
        self.workdir = Path(tempfile.mkdtemp(prefix="pave-bench-"))
        self.keep = keep
        self.pave = Pave(self.workdir, trace_terraform=trace_terraform, jvm_args=jvm_args)
        self.others: list[Pave] = []
        self._done = False
        atexit.register(self.close)
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(sig, self._on_signal)

    def add_pave(self, name: str, jar: Path | None, jvm_args: list[str]) -> Pave:
        p = Pave(self.workdir / name, trace_terraform=True, jvm_args=jvm_args, jar=jar)
        self.others.append(p)
        return p

    def _on_signal(self, signum, frame):
        log(f"signal {signum}: cleaning up")
        self.close()
        # Not sys.exit: worker threads of a running arm would keep taking queued runs.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(128 + signum)

    def close(self):
        if self._done:
            return
        self._done = True
        kill_own_children()
        try:
            for other in self.others:
                other.stop()
            self.pave.stop()
        finally:
            if self.keep:
                log(f"kept {self.workdir} (Pave log: {self.pave.log_path})")
            else:
                shutil.rmtree(self.workdir, ignore_errors=True)


# ---------------------------------------------------------------- analysis of one Pave request

ACTIVITY_ORDER = ["Admit", "InitAndPlan", "Apply", "Finish"]


def history_events(api: Api, rid: str) -> list[dict]:
    status, body = api.call("GET", f"/v1/requests/{rid}/history")
    if status != 200 or not body:
        return []
    return body.get("events", body if isinstance(body, list) else [])


def decompose(req: dict, events: list[dict], commands: list[tuple[float, str, int]]) -> dict:
    """Where one request's lead time went, in ms.

    Steps come from Pave's API; activity start/finish and workflow start from the Temporal history
    (ms resolution); Terraform command durations from TerraformRunner's DEBUG log. Everything is
    clipped to the lead-time window [createdAt, finishedAt] (finishedAt is read at the start of the
    Finish activity, so Finish itself is outside it).
    """
    created, finished = parse_instant(req["createdAt"]), parse_instant(req["finishedAt"])
    d = {"lead": float(req["leadTimeMs"])}
    for s in req.get("steps") or []:
        d["step:" + s["name"]] = float(s["durationMs"])
    # Terraform commands that ended inside the window (one request at a time in this benchmark).
    cmd_total = 0.0
    for end, name, ms in commands:
        if created - 0.002 <= end <= finished + 0.002:
            d["cmd:" + name] = d.get("cmd:" + name, 0.0) + ms
            cmd_total += ms
    d["cmd:total"] = cmd_total
    if not events:
        return d
    names, started, completed = {}, {}, {}
    wf_start = None
    for e in events:
        t = parse_instant(e.get("eventTime"))
        typ = e.get("eventType", "")
        if typ == "EVENT_TYPE_WORKFLOW_EXECUTION_STARTED" and wf_start is None:
            wf_start = t
        elif typ == "EVENT_TYPE_ACTIVITY_TASK_SCHEDULED":
            names[e["eventId"]] = e["activityTaskScheduledEventAttributes"]["activityType"]["name"]
        elif typ == "EVENT_TYPE_ACTIVITY_TASK_STARTED":
            started[e["activityTaskStartedEventAttributes"]["scheduledEventId"]] = t
        elif typ in ("EVENT_TYPE_ACTIVITY_TASK_COMPLETED", "EVENT_TYPE_ACTIVITY_TASK_FAILED"):
            attrs = e.get("activityTaskCompletedEventAttributes") or e.get("activityTaskFailedEventAttributes")
            completed[attrs["scheduledEventId"]] = t
    act_total = 0.0
    for sid, name in names.items():
        if sid not in started:
            continue
        a = max(started[sid], created)
        b = min(completed.get(sid, finished), finished)
        if b > a:
            ms = (b - a) * 1000
            d["act:" + name] = d.get("act:" + name, 0.0) + ms
            act_total += ms
    d["act:total"] = act_total
    # Temporal hops: from the previous activity's completion (or the workflow's start) to the next
    # activity's start: a workflow task plus the activity's dispatch (local activities fall inside).
    prev = wf_start
    for sid in sorted(started, key=lambda k: started[k]):
        if prev is not None and names.get(sid):
            a, b = max(prev, created), min(started[sid], finished)
            if b > a:
                d["hop:" + names[sid]] = d.get("hop:" + names[sid], 0.0) + (b - a) * 1000
        prev = completed.get(sid, prev)
    if wf_start is not None:
        d["post->workflow started"] = max(0.0, wf_start - created) * 1000
        d["temporal orchestration"] = max(0.0, (finished - max(wf_start, created)) * 1000 - act_total)
    d["pave code in activities"] = act_total - cmd_total
    return d


class CpuMeter:
    """CPU time of the Pave JVM (by thread kind) and of its reaped children (Terraform, psql), from /proc."""

    def __init__(self, pid: int):
        self.pid = pid
        self.tick = os.sysconf("SC_CLK_TCK")

    def snapshot(self) -> dict:
        out = {"jvm": 0, "jit": 0, "children": 0}
        try:
            f = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
            out["jvm"] = int(f[11]) + int(f[12])
            out["children"] = int(f[13]) + int(f[14])
            for t in Path(f"/proc/{self.pid}/task").iterdir():
                try:
                    st = (t / "stat").read_text()
                except OSError:
                    continue
                if "CompilerThre" in st[st.index("("):st.rindex(")")]:
                    g = st.rsplit(")", 1)[1].split()
                    out["jit"] += int(g[11]) + int(g[12])
        except OSError:
            pass
        return out

    def delta_ms(self, a: dict, b: dict) -> dict:
        # Compiler threads come and go; a negative JIT delta only means one exited.
        return {k: max(0, b[k] - a[k]) * 1000 / self.tick for k in a}


class MachineMeter:
    """How much of the machine other processes (not this benchmark, not its Pave) used over an interval.

    A 2-core machine shared with other work gives noisy numbers; this says how noisy a run was.
    """

    def __init__(self, pave: Pave):
        self.pave = pave
        self.tick = os.sysconf("SC_CLK_TCK")
        self.start = self._snap()

    @staticmethod
    def _stat(pid: int) -> int:
        try:
            f = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            return int(f[11]) + int(f[12]) + int(f[13]) + int(f[14])
        except (OSError, IndexError, ValueError):
            return 0

    def _ours(self) -> int:
        pids = {os.getpid()}
        if self.pave.proc:
            pids.add(self.pave.proc.pid)
        masters = set()
        for data in ("postgres", "target-postgres"):
            try:
                masters.add(int((self.pave.home / data / "postmaster.pid").read_text().splitlines()[0]))
            except (OSError, ValueError, IndexError):
                pass
        pids |= masters
        total = 0
        for p in Path("/proc").iterdir():
            if not p.name.isdigit():
                continue
            pid = int(p.name)
            try:
                ppid = int((p / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            # live children of ours: postgres backends, running terraform/psql
            if pid in pids or ppid in pids:
                total += self._stat(pid)
        return total

    def _snap(self) -> tuple[float, int, int]:
        f = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
        v = [int(x) for x in f]
        busy = v[0] + v[1] + v[2] + v[5] + v[6] + (v[7] if len(v) > 7 else 0)
        return time.time(), busy, self._ours()

    def others_pct(self) -> float:
        """Share of the whole machine (100 = every core busy) used by other processes since creation."""
        t1, busy1, ours1 = self._snap()
        t0, busy0, ours0 = self.start
        cores = os.cpu_count() or 1
        wall_ticks = (t1 - t0) * self.tick * cores
        return max(0.0, (busy1 - busy0) - (ours1 - ours0)) / wall_ticks * 100 if wall_ticks > 0 else float("nan")


# ---------------------------------------------------------------- overhead

def cmd_overhead(args) -> int:
    info = machine_info()
    sess = Session(args.keep, jvm_args=args.jvm_arg)
    paves = {"pave": sess.pave.start()}
    if args.compare_jar or args.compare_jvm_arg:
        jar = Path(args.compare_jar).resolve() if args.compare_jar else None
        paves["pave-b"] = sess.add_pave("pave-b", jar, args.compare_jvm_arg).start()
    pave = paves["pave"]
    raw = RawTerraform(sess.workdir / "raw", pave.state_conn(), pave.target_port,
                       pave.superuser_password("target-postgres"))
    meters = {name: CpuMeter(p.proc.pid) for name, p in paves.items()}
    apis = {name: p.api() for name, p in paves.items()}
    tag = os.urandom(2).hex()
    arms = list(paves) + ["raw", "raw-pave-go"] + (["raw-pave-argv"] if args.pave_argv else [])
    results = {a: [] for a in arms}
    cpu = {a: [] for a in arms}
    histories = {name: [] for name in paves}
    warm = {name: [] for name in paves}  # (lead ms, JVM cpu ms, JIT cpu ms, request) per warm-up request

    def pave_once(name: str, n: str) -> tuple[dict, dict]:
        p, api, meter = paves[name], apis[name], meters[name]
        c0 = meter.snapshot()
        rid, _ = p.submit(api, f"ovh-{tag}-{n}", f"ovh_{tag}_{n}")
        req = p.wait(api, rid, interval=args.poll)
        c = meter.delta_ms(c0, meter.snapshot())
        if req["status"] != "succeeded":
            raise BenchError(f"{name}: request {rid} ended {req['status']}: {req.get('error')}")
        return req, c

    def raw_once(arm: str, n: str) -> dict:
        pave_argv = arm == "raw-pave-argv"
        ws = f"{ {'raw-pave-argv': 'rp', 'raw-pave-go': 'rg'}.get(arm, 'raw') }_{tag}_{n}"
        d = raw.prepare(ws, ws)
        r0 = os.times()
        t = raw.run(d, "tfstate_" + ws, pave_flags=pave_argv,
                    extra_env=PAVE_GO_RUNTIME if arm == "raw-pave-go" else None)
        r1 = os.times()
        t["cpu"] = (r1.children_user - r0.children_user + r1.children_system - r0.children_system) * 1000
        return t

    log(f"warm-up: {args.warmup} requests per Pave (the first 3 also warm the raw arms), one at a time")
    for i in range(args.warmup):
        for name in paves:
            req, c = pave_once(name, f"w{i:03d}{name[-1]}")
            warm[name].append((float(req["leadTimeMs"]), c["jvm"], c["jit"], req))
        if i < 3:
            for arm in arms[len(paves):]:
                raw_once(arm, f"w{i:03d}")
        if (i + 1) % 10 == 0:
            log(f"warm-up {i + 1}/{args.warmup}")
    log(f"measuring: {args.runs} runs per arm ({', '.join(arms)}), alternating order")
    machine = MachineMeter(pave)
    for i in range(args.runs):
        order = arms[i % len(arms):] + arms[:i % len(arms)]
        for arm in order:
            n = f"{i:03d}"
            if arm in paves:
                req, c = pave_once(arm, f"{n}{arm[-1]}")
                results[arm].append(req)
                cpu[arm].append(c)
                histories[arm].append(history_events(apis[arm], req["id"]))
            else:
                t = raw_once(arm, n)
                results[arm].append(t)
                cpu[arm].append(t["cpu"])
        if (i + 1) % 5 == 0:
            log(f"{i + 1}/{args.runs}")
    info["others_pct"] = machine.others_pct()
    for api in apis.values():
        api.close()
    time.sleep(0.5)  # let the last log lines reach the files
    info["loadavg_end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    details = {}
    for name, p in paves.items():
        commands = p.terraform_commands()
        details[name] = [decompose(r, h, commands) for r, h in zip(results[name], histories[name])]
    labels = {"pave": f"{pave.jar.name} {' '.join(args.jvm_arg)}".strip()}
    if "pave-b" in paves:
        labels["pave-b"] = f"{paves['pave-b'].jar} {' '.join(args.compare_jvm_arg)}".strip()
    report_overhead(args, info, list(paves), labels, results, details, cpu, warm)
    if args.json:
        Path(args.json).write_text(json.dumps({
            "machine": info, "args": vars(args), "labels": labels, "results": results, "details": details,
            "cpu": cpu, "warmup": {k: [w[:3] for w in v] for k, v in warm.items()}}, indent=1, default=str))
        log(f"raw data written to {args.json}")
    return 0


def report_overhead(args, info, pave_arms, labels, results, details, cpu, warm) -> None:
    raw_t, rp = results["raw"], results.get("raw-pave-argv")
    rmed = lambda rows, key: median([t.get(key) for t in rows]) if rows else None  # noqa: E731

    def med(arm, key):
        return median([d.get(key) for d in details[arm]])

    print()
    print_machine(info)
    print(f"loadavg at end {info['loadavg_end']} | other processes used {info['others_pct']:.0f}% of the machine"
          f" while measuring | {args.runs} measured runs per arm, alternating, after {args.warmup} warm-up"
          f" requests per Pave")
    for a in pave_arms:
        print(f"{a}: {labels[a]}")
    print("module postgres-database; every run a new workspace (new dir, init, plan, apply); raw = what a careful"
          " human runs: init -backend-config=schema_name=..., plan -var-file -out, apply planfile\n")

    for a in pave_arms:
        w = warm[a]
        if not w:
            continue
        q = next((s["durationMs"] for s in w[0][3]["steps"] if s["name"] == "queue"), None)
        rows = [["request 1 (cold JVM)", fmt(w[0][0]), fmt(w[0][1]), fmt(w[0][2])]]
        for b in range(0, len(w), 10):
            blk = w[b:b + 10]
            rows.append([f"requests {b + 1}-{b + len(blk)}", fmt(median([x[0] for x in blk])),
                         fmt(median([x[1] for x in blk])), fmt(median([x[2] for x in blk]))])
        rows.append([f"measured runs ({len(cpu[a])})", fmt(med(a, "lead")), fmt(median([c["jvm"] for c in cpu[a]])),
                     fmt(median([c["jit"] for c in cpu[a]]))])
        print(f"Warm-up curve of {a} (its first request after start had a {q} ms queue step):")
        print(table(["median per block", "lead ms", "JVM CPU ms/request", "of which JIT compiler"], rows))
        print()

    steps = []
    for a in pave_arms:
        for r in results[a]:
            for s in r["steps"]:
                if s["name"] not in steps:
                    steps.append(s["name"])
    inside = {"init": ["init"], "plan": ["plan", "show"], "apply": ["apply", "output"]}
    rg = results.get("raw-pave-go")
    headers = [""]
    for a in pave_arms:
        headers += [f"{a} step", f"terraform inside ({a})"]
    headers += ["raw by hand"] + (["raw, Pave's Go settings"] if rg else []) + (["raw, pave's argv"] if rp else [])
    rows = []
    for s in steps:
        rc = s if s in ("init", "plan", "apply") else None
        row = [s]
        for a in pave_arms:
            row += [fmt(med(a, "step:" + s)),
                    " + ".join(f"{c} {fmt(med(a, 'cmd:' + c))}" for c in inside.get(s, [])) or "-"]
        row += [fmt(rmed(raw_t, rc)) if rc else "-"] + ([fmt(rmed(rg, rc)) if rc else "-"] if rg else []) \
            + ([fmt(rmed(rp, rc)) if rc else "-"] if rp else [])
        rows.append(row)
    if rp:
        rows.append(["output -json"] + ["(in apply)", ""] * len(pave_arms) + ["-"] + (["-"] if rg else [])
                    + [fmt(rmed(rp, "output"))])
    row = ["TOTAL"]
    for a in pave_arms:
        row += [fmt(med(a, "lead")), fmt(med(a, "cmd:total"))]
    rows.append(row + [fmt(rmed(raw_t, "total"))] + ([fmt(rmed(rg, "total"))] if rg else [])
                + ([fmt(rmed(rp, "total"))] if rp else []))
    row = ["CPU of Terraform+psql"]
    for a in pave_arms:
        row += ["-", fmt(median([c["children"] for c in cpu[a]]))]
    rows.append(row + [fmt(median(cpu["raw"]))] + ([fmt(median(cpu["raw-pave-go"]))] if rg else [])
                + (["-"] if rp else []))
    row = ["CPU of the Pave JVM"]
    for a in pave_arms:
        row += ["-", fmt(median([c["jvm"] for c in cpu[a]]))]
    rows.append(row + ["-"] + (["-"] if rg else []) + (["-"] if rp else []))
    print("Per step, median ms (Pave: API steps and the Terraform commands inside them, from TerraformRunner's log):")
    print(table(headers, rows))
    print()

    raw_total = rmed(raw_t, "total")
    raw_cmds = sum(rmed(raw_t, c) for c in ("init", "plan", "apply"))
    cmd_of = {"Init": ["init"], "Plan": ["plan", "show"], "Apply": ["apply", "output"],
              "InitAndPlan": ["init", "plan", "show"]}
    acts = [x for x in ACTIVITY_ORDER[:-1]]
    for a in pave_arms:
        for d in details[a]:
            for k in d:
                if k.startswith("act:") and k[4:] not in acts and k[4:] not in ("total", "Finish"):
                    acts.append(k[4:])
    names = ["Terraform commands: Pave's (init if any, plan, show -json, apply) minus raw init+plan+apply",
             "extra `terraform output -json` (apply step)"]
    names += [f"Pave code in activity {x} (DB, files, seal; not terraform)" for x in acts]
    names += ["Temporal: workflow tasks + activity dispatch", "POST: request stored -> workflow started"]
    cols = {}
    for a in pave_arms:
        dd = details[a]
        v = [median([sum(d.get("cmd:" + c, 0) for c in ("init", "plan", "show", "apply")) for d in dd]) - raw_cmds,
             med(a, "cmd:output")]
        # an activity this Pave does not run (renamed, merged, local) counts 0
        v += [median([d.get("act:" + x, 0) - (sum(d.get("cmd:" + c, 0) for c in cmd_of.get(x, []))
                                              if "act:" + x in d else 0) for d in dd]) for x in acts]
        v += [med(a, "temporal orchestration"), med(a, "post->workflow started")]
        cols[a] = v
    rows = [[n] + [fmt(cols[a][i]) for a in pave_arms] for i, n in enumerate(names)]
    rows.append(["sum of the medians above"] + [fmt(sum(x for x in cols[a] if x == x)) for a in pave_arms])
    rows.append(["median lead time - median raw total"] + [fmt(med(a, "lead") - raw_total) for a in pave_arms])
    print("Where the difference goes, ms (medians per request; Temporal history timestamps have 1 ms resolution;"
          " local activities count as Temporal):")
    print(table(["component"] + pave_arms, rows))
    print()
    hops = []
    for a in pave_arms:
        for d in details[a]:
            for k in d:
                if k.startswith("hop:") and k not in hops:
                    hops.append(k)
    if hops:
        rows = [[f"... -> {h[4:]} starts"] + [fmt(median([d.get(h, 0) for d in details[a]]), 1) for a in pave_arms]
                for h in hops]
        print("Temporal hops, median ms (previous activity done, or workflow started -> this activity starts):")
        print(table(["hop"] + pave_arms, rows))
        print()
    for a in pave_arms:
        lead = med(a, "lead")
        ratio = lead / raw_total
        lo, hi = ratio_ci([d.get("lead") for d in details[a]], [t.get("total") for t in raw_t])
        print(f"RATIO {a}: median Pave lead time / median raw init+plan+apply = {fmt(lead)} / {fmt(raw_total)}"
              f" = {ratio:.2f} (95% bootstrap interval {lo:.2f}-{hi:.2f})"
              f"   target < 1.25: {'MET' if ratio < 1.25 else 'NOT MET'}")
        paired = [d.get("lead") / t["total"] for d, t in zip(details[a], raw_t) if d.get("lead")]
        print(f"       median of the {len(paired)} paired ratios (runs of one round, side by side):"
              f" {median(paired):.2f}")
        rg = results.get("raw-pave-go")
        if rg:
            print(f"       against raw by hand with the Go runtime settings Pave gives Terraform"
                  f" ({' '.join(f'{k}={v}' for k, v in PAVE_GO_RUNTIME.items())}): {fmt(lead)} / {fmt(rmed(rg, 'total'))}"
                  f" = {lead / rmed(rg, 'total'):.2f}")
        if rp:
            print(f"       against raw with Pave's argv incl. `output -json`: {fmt(lead)} / {fmt(rmed(rp, 'total'))}"
                  f" = {lead / rmed(rp, 'total'):.2f}")
    noise_warning(info)


# ---------------------------------------------------------------- throughput

class ProcessSampler(threading.Thread):
    """Counts running `terraform` processes whose parent is `parent` every `interval` s (ps sampling)."""

    def __init__(self, parent: int, interval: float = 0.05):
        super().__init__(daemon=True)
        self.parent, self.interval = parent, interval
        self.samples: list[int] = []
        self.stop_event = threading.Event()

    def count(self) -> int:
        n = 0
        for p in Path("/proc").iterdir():
            if not p.name.isdigit():
                continue
            try:
                stat = (p / "stat").read_text()
            except OSError:
                continue
            name = stat[stat.index("(") + 1:stat.rindex(")")]
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if name == "terraform" and ppid == self.parent:
                n += 1
        return n

    def run(self):
        while not self.stop_event.is_set():
            self.samples.append(self.count())
            self.stop_event.wait(self.interval)

    def stop(self) -> dict:
        self.stop_event.set()
        self.join()
        s = self.samples or [0]
        return {"peak_tf": max(s), "mean_tf": statistics.mean(s)}


# Long enough that no raw run gives up: 100 new workspaces queue on the pg backend's creation lock.
LOCK_TIMEOUT = ["-lock-timeout=10m"]


def cmd_throughput(args) -> int:
    info = machine_info()
    sess = Session(args.keep, jvm_args=args.jvm_arg, trace_terraform=False)
    pave = sess.pave.start()
    raw = RawTerraform(sess.workdir / "raw", pave.state_conn(), pave.target_port,
                       pave.superuser_password("target-postgres"))
    tag = os.urandom(2).hex()
    arms = ["raw", "pave"] + [f"raw-{a}" for a in args.extra_arm]
    # A warm server, as in production: the JIT is busy for the first few dozen requests (see overhead.sh).
    log(f"warm-up: {args.warmup} Pave requests one at a time, 3 raw runs")
    api = pave.api()
    for i in range(args.warmup):
        rid, _ = pave.submit(api, f"tpw-{tag}-{i}", f"tpw_{tag}_{i}")
        pave.wait(api, rid)
        if i < 3:
            d = raw.prepare(f"tpw_raw_{tag}_{i}", f"tpw_raw_{tag}_{i}")
            raw.run(d, f"tfstate_tpw_raw_{tag}_{i}")
    api.close()
    rounds = []
    machine = MachineMeter(pave)
    for rep in range(args.reps):
        order = arms[rep % len(arms):] + arms[:rep % len(arms)]
        res = {}
        for arm in order:
            log(f"round {rep + 1}/{args.reps}: {arm}, {args.requests} runs")
            if arm == "pave":
                res[arm] = throughput_pave(pave, args, f"tp-{tag}-{rep}")
            else:
                res[arm] = throughput_raw(raw, args, f"tp{arm.replace('raw', 'r').replace('-', '')}_{tag}_{rep}",
                                          ["-lock=false"] if arm == "raw-nolock" else LOCK_TIMEOUT,
                                          seed=arm == "raw-seeded")
            log(f"  {arm}: {res[arm]['wall']:.1f} s")
        rounds.append(res)
    info["others_pct"] = machine.others_pct()
    info["loadavg_end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": info, "args": vars(args), "rounds": rounds}, indent=1,
                                              default=str))
    report_throughput(args, info, arms, rounds)
    return 0


def throughput_raw(raw: RawTerraform, args, prefix: str, lock: list[str], seed: bool = False) -> dict:
    names = [f"{prefix}_{i:03d}" for i in range(args.requests)]
    dirs = [raw.prepare(n, n) for n in names]  # copies are not timed (as in overhead.sh)
    sampler = ProcessSampler(os.getpid())
    sampler.start()
    t0 = time.time()
    with concurrent.futures.ThreadPoolExecutor(args.parallel) as pool:
        runs = list(pool.map(lambda nd: raw.run(nd[1], "tfstate_" + nd[0], lock=lock, seed=seed), zip(names, dirs)))
    wall = time.time() - t0
    return {"wall": wall, "ok": len(runs), "run_p50": median([r["total"] for r in runs]),
            "run_max": max(r["total"] for r in runs), **sampler.stop()}


def throughput_pave(pave: Pave, args, prefix: str) -> dict:
    n = args.requests
    barrier = threading.Barrier(n + 1)
    post_ms = [None] * n
    ids = [None] * n
    failures = []

    def post(i):
        api = pave.api()
        try:
            barrier.wait()
            t0 = time.perf_counter()
            ids[i], _ = pave.submit(api, f"{prefix}-{i:03d}", f"{prefix.replace('-', '_')}_{i:03d}")
            post_ms[i] = (time.perf_counter() - t0) * 1000
        except Exception as e:  # noqa: BLE001 - reported below
            failures.append(str(e))
        finally:
            api.close()

    sampler = ProcessSampler(pave.proc.pid)
    sampler.start()
    threads = [threading.Thread(target=post, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    barrier.wait()  # every POST thread is ready: they all send now
    t0 = time.time()
    for t in threads:
        t.join()
    if failures:
        raise BenchError(f"{len(failures)} POSTs failed, e.g. {failures[0]}")
    api = pave.api()
    pending = set(ids)
    deadline = time.time() + args.timeout
    while pending and time.time() < deadline:
        time.sleep(0.25)
        status, body = api.call("GET", "/v1/requests?team=bench&limit=500")
        if status != 200:
            raise BenchError(f"GET /v1/requests answered {status}: {body}")
        for r in body["requests"]:
            if r["id"] in pending and r["status"] in TERMINAL:
                pending.discard(r["id"])
    procs = sampler.stop()
    if pending:
        raise BenchError(f"{len(pending)} of {n} requests not terminal after {args.timeout:.0f} s")
    done = {}
    retried = 0
    for rid in ids:
        status, body = api.call("GET", f"/v1/requests/{rid}")
        done[rid] = body
        # Attempts > 1 of a Terraform activity: the state lock was busy past -lock-timeout (StateLocked).
        ev = history_events(api, rid)
        if any(e.get("eventType") == "EVENT_TYPE_ACTIVITY_TASK_STARTED"
               and int(e["activityTaskStartedEventAttributes"].get("attempt", 1)) > 1 for e in ev):
            retried += 1
    api.close()
    last_finished = max(parse_instant(r["finishedAt"]) for r in done.values())
    leads = [r["leadTimeMs"] for r in done.values() if r["leadTimeMs"] is not None]
    queues = [s["durationMs"] for r in done.values() for s in r["steps"] if s["name"] == "queue"]
    machine = [sum(s["durationMs"] for s in r["steps"] if s["name"] != "queue") for r in done.values()]
    # Lead time that no step accounts for: waiting between steps (e.g. for a free activity slot).
    unattributed = [r["leadTimeMs"] - sum(s["durationMs"] for s in r["steps"]) for r in done.values()
                    if r["leadTimeMs"] is not None]
    failed = [r for r in done.values() if r["status"] != "succeeded"]
    for r in failed[:3]:
        log(f"request {r['id']} ended {r['status']}: {r.get('error')}")
    return {"wall": last_finished - t0, "ok": n - len(failed), "post_p50": median(post_ms), "post_max": max(post_ms),
            "lead_p50": median(leads), "lead_max": max(leads) if leads else float("nan"),
            "queue_p50": median(queues), "machine_p50": median(machine), "unattributed_p50": median(unattributed),
            "unattributed_max": max(unattributed) if unattributed else float("nan"), "retried": retried, **procs}


def report_throughput(args, info, arms, rounds) -> None:
    print()
    print_machine(info)
    print(f"loadavg at end {info['loadavg_end']} | other processes used {info['others_pct']:.0f}% of the machine"
          f" while measuring | {args.requests} postgres-database runs on {args.requests} new"
          f" workspaces per arm; {args.reps} round(s), arm order rotated; {args.warmup} warm-up requests first")
    print(f"pave jar: {JAR} {' '.join(args.jvm_arg)}")
    print(f"pave: {args.requests} POSTs at once over HTTP, wall = first POST sent -> last finishedAt;"
          f" worker default temporal.maxConcurrentRuns 8")
    print(f"raw: the same init+plan+apply, {args.parallel} at a time (like xargs -P {args.parallel}), plan/apply with"
          f" -lock-timeout=10m (without it they fail: see BENCHMARKS.md); dirs copied before the clock starts")
    if "raw-nolock" in arms:
        print("raw-nolock: the same with -lock=false (what the pg backend's database-wide creation lock costs)")
    if "raw-seeded" in arms:
        print("raw-seeded: the same, -lock-timeout=10m, plus one INSERT of an empty state row after init (psql), so"
              " plan/apply never hold the creation lock")
    print()
    rows = []
    for i, r in enumerate(rounds):
        for arm in arms:
            x = r[arm]
            if arm == "pave":
                rows.append([f"{i + 1}", arm, fmt(x["wall"], 1), f"{args.requests / x['wall']:.2f}",
                             f"{x['ok']}/{args.requests}", fmt(x["lead_p50"]), fmt(x["lead_max"]),
                             fmt(x["queue_p50"]), fmt(x["machine_p50"]),
                             f"{fmt(x['unattributed_p50'])}/{fmt(x['unattributed_max'])}", x["retried"], x["peak_tf"],
                             f"{x['mean_tf']:.1f}", f"{fmt(x['post_p50'])}/{fmt(x['post_max'])}"])
            else:
                rows.append([f"{i + 1}", arm, fmt(x["wall"], 1), f"{args.requests / x['wall']:.2f}",
                             f"{x['ok']}/{args.requests}", fmt(x["run_p50"]), fmt(x["run_max"]), "-", "-", "-", "-",
                             x["peak_tf"], f"{x['mean_tf']:.1f}", "-"])
    print(table(["round", "arm", "wall s", "runs/s", "succeeded", "run p50 ms", "run max ms", "queue p50 ms",
                 "machine p50 ms", "in no step p50/max ms", "lock retries", "peak tf procs", "mean tf procs",
                 "POST p50/max ms"], rows))
    print("(pave: run = lead time; machine = sum of init/plan/apply steps; in no step = lead time minus all steps:"
          " waiting between steps;\n lock retries = requests whose Terraform activity ran again after -lock-timeout;"
          " tf procs = sampled Terraform processes of that arm)")
    pw = median([r["pave"]["wall"] for r in rounds])
    rw = median([r["raw"]["wall"] for r in rounds])
    print()
    print(f"RATIO  median Pave wall / median raw wall = {pw:.1f} s / {rw:.1f} s = {pw / rw:.2f}")
    for extra in arms[2:]:
        nw = median([r[extra]["wall"] for r in rounds])
        print(f"       Pave / {extra} = {pw:.1f} s / {nw:.1f} s = {pw / nw:.2f}")
    noise_warning(info)


# ---------------------------------------------------------------- API latency

def cmd_latency(args) -> int:
    info = machine_info()
    sess = Session(args.keep, jvm_args=args.jvm_arg, trace_terraform=False)
    pave = sess.pave.start()
    tag = os.urandom(2).hex()
    # Warm the JVM as a running server would be: sequential requests, then a burst of GETs.
    api = pave.api()
    ids = []
    log(f"warm-up: {args.warmup} requests one at a time, 500 GETs")
    for i in range(args.warmup):
        rid, _ = pave.submit(api, f"lat-{tag}-w{i}", f"lat_{tag}_w{i}")
        pave.wait(api, rid)
        ids.append(rid)
    for i in range(500):
        api.call("GET", f"/v1/requests/{ids[i % len(ids)]}")
    api.close()

    phases = []
    if args.get_only_duration > 0 and args.get_only_rate > 0:
        phases.append(("A: GET only, no runs in flight", 0.0, args.get_only_rate, args.get_only_duration))
    if args.duration > 0:
        phases.append(("B: POST + GET, runs in flight", args.post_rate, args.get_rate, args.duration))
    results = []
    machine = MachineMeter(pave)
    seq = iter(range(10 ** 9))
    for name, post_rate, get_rate, duration in phases:
        log(f"phase {name}: POST {post_rate:g}/s, GET {get_rate:g}/s for {duration:g} s")
        results.append((name, post_rate, get_rate, duration,
                        fixed_rate_load(pave, tag, ids, seq, post_rate, get_rate, duration, args.threads)))

    api = pave.api()
    status, body = api.call("GET", "/v1/requests?team=bench&limit=500")
    api.close()
    states = {}
    for r in (body or {}).get("requests", []):
        states[r["status"]] = states.get(r["status"], 0) + 1
    info["loadavg_end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    info["others_pct"] = machine.others_pct()

    print()
    print_machine(info)
    print(f"loadavg at end {info['loadavg_end']} | other processes used {info['others_pct']:.0f}% of the machine"
          f" while measuring | open-loop fixed-rate load from a separate process (Python,"
          f" {args.threads} keep-alive client threads) on loopback; POSTs are real: a new workspace and a new"
          f" Idempotency-Key each, every one starts a run; GETs ask for a random known request")
    print(f"pave jar: {JAR} {' '.join(args.jvm_arg)}")
    print("latency = from sending to the full response; 'from intended' counts from the scheduled send time"
          " (no coordinated omission)\n")
    rows = []
    for name, post_rate, get_rate, duration, r in results:
        for kind, rate in (("POST /v1/requests", post_rate), ("GET /v1/requests/{id}", get_rate)):
            k = kind.split()[0]
            if rate <= 0:
                continue
            svc = [x[0] for x in r["samples"][k]]
            resp = [x[1] for x in r["samples"][k]]
            rows.append([name.split(":")[0], kind, f"{rate:g}", f"{len(svc) / r['elapsed']:.1f}", len(svc),
                         r["errors"][k], fmt(percentile(svc, 50), 1), fmt(percentile(svc, 99), 1),
                         fmt(max(svc) if svc else None, 1), fmt(percentile(resp, 99), 1)])
    print(table(["phase", "call", "rate /s", "achieved /s", "ok", "errors", "p50 ms", "p99 ms", "max ms",
                 "p99 from intended"], rows))
    print()
    byphase = {name[0]: r for name, *_rest, r in results}
    if "A" in byphase and "B" in byphase and byphase["A"]["samples"]["GET"] and byphase["B"]["samples"]["GET"]:
        a = [x[0] for x in byphase["A"]["samples"]["GET"]]
        b = [x[0] for x in byphase["B"]["samples"]["GET"]]
        print(f"RATIO  GET with runs in flight (B) / without (A): p50 {percentile(b, 50) / percentile(a, 50):.2f},"
              f" p99 {percentile(b, 99) / percentile(a, 99):.2f}")
        print()
    for name, *_rest, r in results:
        print(f"{name}: client CPU {r['client_cpu_pct']:.0f}% of one core, scheduler >5 ms late for"
              f" {r['late']} sends, Pave JVM CPU {r['jvm_cpu_pct']:.0f}% of one core")
    print(f"request statuses at the end: {json.dumps(states, sort_keys=True)}")
    noise_warning(info)
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": info, "args": vars(args), "phases": results,
                                               "states": states}, default=str))
    return 0


def fixed_rate_load(pave: Pave, tag: str, ids: list, seq, post_rate: float, get_rate: float, duration: float,
                    threads: int) -> dict:
    samples = {"POST": [], "GET": []}
    errors = {"POST": 0, "GET": 0}
    lock = threading.Lock()
    local = threading.local()
    clients = []

    def do(kind: str, intended: float):
        a = getattr(local, "api", None)
        if a is None:
            a = local.api = pave.api()
            with lock:
                clients.append(a)
        start = time.perf_counter()
        try:
            if kind == "POST":
                n = next(seq)
                status, body = a.call("POST", "/v1/requests",
                                      {"module": "postgres-database", "workspace": f"lat-{tag}-{n:05d}",
                                       "environment": "dev", "ttlHours": 24,
                                       "inputs": {"database_name": f"lat_{tag}_{n:05d}"}},
                                      {"Idempotency-Key": f"lat-{tag}-{n}"})
                ok = status == 202
                if ok:
                    with lock:
                        ids.append(body["id"])
            else:
                with lock:
                    rid = random.choice(ids)
                status, body = a.call("GET", f"/v1/requests/{rid}")
                ok = status == 200
        except Exception:  # noqa: BLE001 - counted as an error; the load goes on
            ok = False
        end = time.perf_counter()
        with lock:
            if ok:
                samples[kind].append(((end - start) * 1000, (end - intended) * 1000))
            else:
                errors[kind] += 1

    schedule = []
    for kind, rate in (("POST", post_rate), ("GET", get_rate)):
        if rate > 0:
            schedule += [(k / rate, kind) for k in range(int(duration * rate))]
    schedule.sort()
    meter = CpuMeter(pave.proc.pid)
    c0, own0 = meter.snapshot(), os.times()
    pool = concurrent.futures.ThreadPoolExecutor(threads)
    t0 = time.perf_counter() + 0.1
    late = 0
    futures = []
    for offset, kind in schedule:
        intended = t0 + offset
        now = time.perf_counter()
        if intended > now:
            time.sleep(intended - now)
        elif now - intended > 0.005:
            late += 1
        futures.append(pool.submit(do, kind, intended))
    concurrent.futures.wait(futures)
    pool.shutdown()
    elapsed = time.perf_counter() - t0
    c1, own1 = meter.snapshot(), os.times()
    for a in clients:
        a.close()
    own = (own1.user - own0.user + own1.system - own0.system) / elapsed * 100
    jvm = meter.delta_ms(c0, c1)["jvm"] / 1000 / elapsed * 100
    return {"samples": samples, "errors": errors, "elapsed": elapsed, "late": late, "client_cpu_pct": own,
            "jvm_cpu_pct": jvm}


# ---------------------------------------------------------------- main

def main() -> int:
    global JAR
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--keep", action="store_true", help="keep the temp dir (Pave's log and home) for inspection")
    common.add_argument("--json", help="also write the raw measurements to this file")
    common.add_argument("--jar", help=f"the Pave jar to run (default {JAR})")
    common.add_argument("--jvm-arg", action="append", default=[], help="extra JVM flag for Pave (repeatable)")
    sub = p.add_subparsers(dest="cmd", required=True)
    o = sub.add_parser("overhead", parents=[common],
                       help="one request at a time: Pave lead time vs the same Terraform by hand")
    o.add_argument("--runs", type=int, default=30, help="measured runs per arm")
    o.add_argument("--warmup", type=int, default=40,
                   help="Pave requests before measuring (the JVM's JIT is still busy for the first few dozen)")
    o.add_argument("--poll", type=float, default=0.1, help="seconds between GETs while a request runs")
    o.add_argument("--compare-jar", help="A/B: also run this Pave jar as arm pave-b, interleaved with the others")
    o.add_argument("--compare-jvm-arg", action="append", default=[],
                   help="A/B: JVM flag for pave-b (repeatable); alone, pave-b runs the same jar with these flags")
    o.add_argument("--no-pave-argv", dest="pave_argv", action="store_false",
                   help="skip the third arm (raw Terraform with Pave's exact argv plus `output -json`)")
    t = sub.add_parser("throughput", parents=[common], help="N requests at once vs N raw runs, P in parallel")
    t.add_argument("--requests", type=int, default=100)
    t.add_argument("--parallel", type=int, default=8)
    t.add_argument("--reps", type=int, default=1)
    t.add_argument("--warmup", type=int, default=40)
    t.add_argument("--extra-arm", action="append", default=[], choices=["nolock", "seeded"],
                   help="add a raw arm: nolock (-lock=false: what the pg backend's database-wide creation lock"
                        " costs) or seeded (an empty state row stored after init); repeatable")
    t.add_argument("--timeout", type=float, default=900)
    lat = sub.add_parser("latency", parents=[common], help="POST/GET latency under a fixed-rate load")
    lat.add_argument("--get-only-rate", type=float, default=100.0, help="phase A: GETs per second")
    lat.add_argument("--get-only-duration", type=float, default=30.0, help="phase A: seconds (0 skips it)")
    lat.add_argument("--post-rate", type=float, default=2.0, help="phase B: POSTs per second (each starts a run)")
    lat.add_argument("--get-rate", type=float, default=50.0, help="phase B: GETs per second")
    lat.add_argument("--duration", type=float, default=60.0, help="phase B: seconds (0 skips it)")
    lat.add_argument("--threads", type=int, default=32, help="client threads (enough that none waits)")
    lat.add_argument("--warmup", type=int, default=20)
    args = p.parse_args()
    if args.jar:
        JAR = Path(args.jar).resolve()
    for tool in ("java", "terraform", "psql"):
        if shutil.which(tool) is None:
            raise BenchError(f"`{tool}` is not on PATH (see README Prerequisites)")
    if args.cmd == "overhead":
        if args.runs < 1:
            raise BenchError("--runs must be at least 1")
        return cmd_overhead(args)
    if args.cmd == "throughput":
        return cmd_throughput(args)
    return cmd_latency(args)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as e:
        print(f"bench: {e}", file=sys.stderr)
        sys.exit(2)
