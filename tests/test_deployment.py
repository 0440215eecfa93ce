"""prefect.yaml really deploys: a real Prefect server, work pool, worker and a triggered run.

Starts every service it needs on loopback with an isolated PREFECT_HOME, and stops them.
"""
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(predicate, timeout: float, what: str):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(1)
    raise AssertionError(f"timed out waiting for {what}")


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


@pytest.mark.slow
def test_prefect_yaml_deploys_and_a_worker_runs_the_nightly_flow(tmp_path):
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = os.environ | {
        "PREFECT_HOME": str(tmp_path / "prefect_home"),
        "PREFECT_API_URL": api,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "LOCATE_HOME": str(ROOT),
        "LOCATE_INBOX": str(ROOT / "data" / "samples" / "inbox"),
        "LOCATE_DB": str(tmp_path / "out" / "locate.duckdb"),
        "LOCATE_REPORTS": str(tmp_path / "out" / "reports"),
    }
    prefect = str(BIN / "prefect")
    procs = []
    logs = {name: tmp_path / f"{name}.log" for name in ("server", "worker")}

    def tails() -> str:   # the services' last words, for a failure message
        return "\n".join(f"--- {name} ---\n" + (path.read_text(errors="replace")[-3000:] if path.exists() else "")
                         for name, path in logs.items())

    try:
        server = subprocess.Popen([prefect, "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                                  env=env, stdout=open(logs["server"], "w"), stderr=subprocess.STDOUT)
        procs.append(server)
        _wait(lambda: _healthy(api), 180, "the Prefect server")

        def run(*args):
            return subprocess.run([prefect, "--no-prompt", *args], env=env, cwd=ROOT, capture_output=True,
                                  text=True, timeout=300)

        assert run("work-pool", "create", "locate-process", "--type", "process").returncode == 0
        deployed = run("deploy", "--all")
        assert deployed.returncode == 0, deployed.stdout + deployed.stderr
        shown = run("deployment", "inspect", "locate-nightly/nightly").stdout
        assert "0 2 * * *" in shown and "Asia/Shanghai" in shown

        worker = subprocess.Popen([prefect, "worker", "start", "--pool", "locate-process"], env=env, cwd=ROOT,
                                  stdout=open(logs["worker"], "w"), stderr=subprocess.STDOUT)
        procs.append(worker)
        # --watch: returns when the flow run ends, non-zero unless it Completed.
        triggered = run("deployment", "run", "locate-nightly/nightly", "--watch", "--watch-timeout", "280")
        assert triggered.returncode == 0, triggered.stdout + triggered.stderr + tails()
        db = tmp_path / "out" / "locate.duckdb"

        def published() -> bool:
            if not db.exists():
                return False
            try:
                con = duckdb.connect(str(db), read_only=True)
            except duckdb.Error:
                return False
            try:
                return con.execute("SELECT count(*) FROM runs WHERE outcome = 'success'").fetchone()[0] == 1
            finally:
                con.close()

        assert published(), tails()
        assert list((tmp_path / "out" / "reports").glob("*/*.csv"))
    finally:
        for p in reversed(procs):
            p.terminate()
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
        shutil.rmtree(tmp_path / "prefect_home", ignore_errors=True)
