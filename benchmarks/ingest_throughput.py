"""Throughput and peak memory of the ingest adapters, file by file (issue 4).

Each inbox file is ingested in a fresh Python process, the way the nightly run does it
(``stages.ingest_file``: adapter + parquet files in a work folder; ``--mode read`` runs
only ``inbox.read_file``, the whole result in memory; ``--mode adapter`` drops the chunks
as they come, which measures the adapter alone).  Per file it prints rows read,
observations written, wall seconds, CPU seconds (user + system of the child, imports
excluded), rows per wall second and per CPU second, and the child's peak RSS (which
includes the interpreter and its imports, shown apart as ``base``).

    .venv/bin/python benchmarks/ingest_throughput.py /tmp/w/inbox
    .venv/bin/python benchmarks/ingest_throughput.py /tmp/w/inbox --ref main   # the adapters at a commit
    .venv/bin/python benchmarks/ingest_throughput.py /tmp/w/inbox --threads 1  # POLARS_MAX_THREADS=1
    .venv/bin/python benchmarks/ingest_throughput.py /tmp/w/inbox --only shopA_orders --json out.json

``--ref`` runs the code of a commit (``git archive`` into a temporary folder, so no checkout
is touched).  Run from the repository root with the project's virtualenv; run nothing else
heavy at the same time.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, resource, sys, time
from dataclasses import asdict
from pathlib import Path
from pipelines import stages
from sources import inbox
mode, root, kind, rel, work = sys.argv[1:6]
base_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
root = Path(root).resolve()
f = inbox._entry(root, kind, root / rel, rel)
r0, t0 = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
if mode == "ingest":
    ctx = stages.RunContext(run_id="bench", inbox=str(root), db="", reports="", as_of="2026-11-27",
                            workdir=work, staging="", started_at="")
    out = stages.ingest_file(ctx, asdict(f) | {"path": str(f.path)})
    import pyarrow.parquet as pq
    written = pq.ParquetFile(out["rows_path"]).metadata.num_rows
    res = {k: out[k] for k in ("rows_read", "rows_kept", "rows_quarantined", "error")}
elif mode == "adapter":
    class Discard:
        rows = 0
        def write_rows(self, df): Discard.rows += df.height
        def write_quarantine(self, df): pass
    r = inbox.read_file(f, sink=Discard()) if "sink" in inbox.read_file.__code__.co_varnames else inbox.read_file(f)
    written = Discard.rows if "sink" in inbox.read_file.__code__.co_varnames else r.rows.height
    res = {"rows_read": r.rows_read, "rows_kept": r.rows_kept, "rows_quarantined": r.rows_quarantined,
           "error": r.error}
else:
    r = inbox.read_file(f)
    written = r.rows.height
    res = {"rows_read": r.rows_read, "rows_kept": r.rows_kept, "rows_quarantined": r.rows_quarantined,
           "error": r.error}
t1, r1 = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps(res | {"written": written, "wall": t1 - t0,
                        "cpu": (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime),
                        "base_mb": base_kb / 1024, "peak_mb": r1.ru_maxrss / 1024}))
"""


def code_root(ref: str | None) -> Path:
    if not ref:
        return ROOT
    into = Path(tempfile.mkdtemp(prefix="ingest-bench-ref-"))
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def files_of(inbox: Path) -> list[tuple[str, str]]:
    out = []
    for kind in ("debtors", "ecommerce", "social", "logistics"):
        d = inbox / kind
        if d.is_dir():
            out += [(kind, f"{kind}/{p.name}") for p in sorted(d.iterdir()) if p.is_file()]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inbox", type=Path)
    ap.add_argument("--ref", help="git commit whose code to measure (default: the working tree)")
    ap.add_argument("--mode", choices=("ingest", "read", "adapter"), default="ingest",
                    help="ingest: stages.ingest_file (default); read: inbox.read_file, the whole result in "
                         "memory; adapter: inbox.read_file with a sink that drops the chunks (the adapter's "
                         "own work; the reference code, which has no sink, is measured as read)")
    ap.add_argument("--threads", type=int, help="POLARS_MAX_THREADS for the child")
    ap.add_argument("--only", help="only files whose name contains this")
    ap.add_argument("--min-rows", type=int, default=0, help="leave out files with fewer rows in the table's total")
    ap.add_argument("--repeat", type=int, default=1,
                    help="run each file this many times and keep the fastest run (peak RSS: the highest)")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()

    root = code_root(args.ref)
    env = dict(os.environ, PYTHONPATH=str(root), PYTHONDONTWRITEBYTECODE="1")
    if args.threads:
        env["POLARS_MAX_THREADS"] = str(args.threads)
    work = Path(tempfile.mkdtemp(prefix="ingest-bench-work-"))
    results = []
    print(f"code: {args.ref or 'working tree'}  mode: {args.mode}  inbox: {args.inbox}"
          f"  threads: {env.get('POLARS_MAX_THREADS', 'default')}  repeat: {args.repeat}"
          f"  load: {os.getloadavg()[0]:.2f}")
    print(f"{'file':48s} {'rows':>10s} {'written':>10s} {'wall s':>7s} {'cpu s':>7s} {'rows/s':>9s}"
          f" {'rows/cpu-s':>10s} {'peak MB':>8s} {'base MB':>8s}")
    for kind, rel in files_of(args.inbox):
        if args.only and args.only not in rel:
            continue
        wdir = work / str(len(results))
        wdir.mkdir()
        runs = []
        for _ in range(args.repeat):
            p = subprocess.run([sys.executable, "-c", CHILD, args.mode, str(args.inbox), kind, rel, str(wdir)],
                               capture_output=True, text=True, env=env, cwd=root)
            if p.returncode:
                print(f"{rel}: failed\n{p.stderr[-2000:]}")
                return 1
            runs.append(json.loads(p.stdout.strip().splitlines()[-1]))
            for f in wdir.iterdir():
                f.unlink()
        # the fastest of the runs: on a shared machine the others measure other people's jobs
        r = min(runs, key=lambda x: x["wall"]) | {"file": rel, "kind": kind,
                                                  "peak_mb": max(x["peak_mb"] for x in runs)}
        results.append(r)
        print(f"{rel:48s} {r['rows_read']:>10,} {r['written']:>10,} {r['wall']:>7.2f} {r['cpu']:>7.2f}"
              f" {r['rows_read'] / max(r['wall'], 1e-9):>9,.0f} {r['rows_read'] / max(r['cpu'], 1e-9):>10,.0f}"
              f" {r['peak_mb']:>8.0f} {r['base_mb']:>8.0f}", flush=True)
    print()
    for kind in ("debtors", "ecommerce", "social", "logistics", None):
        sel = [r for r in results if (kind is None or r["kind"] == kind)]
        rows = sum(r["rows_read"] for r in sel)
        if not sel or rows < args.min_rows:
            continue
        wall, cpu = sum(r["wall"] for r in sel), sum(r["cpu"] for r in sel)
        print(f"{(kind or 'total'):48s} {rows:>10,} {sum(r['written'] for r in sel):>10,} {wall:>7.2f} {cpu:>7.2f}"
              f" {rows / max(wall, 1e-9):>9,.0f} {rows / max(cpu, 1e-9):>10,.0f}"
              f" {max(r['peak_mb'] for r in sel):>8.0f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    shutil.rmtree(work, ignore_errors=True)
    if root != ROOT:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
