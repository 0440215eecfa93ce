"""Scale benchmark for the nightly pipeline (issue 4).

For each size: generate a scaled world (cached), time a bare scan of its inbox with DuckDB
and with polars, then run ``locate nightly --engine direct`` as a child process and record
its wall time and peak resident memory.  Prints one markdown table.

    .venv/bin/python benchmarks/run.py                      # 1M and 5M rows
    .venv/bin/python benchmarks/run.py --sizes 1M --timeout 900
    .venv/bin/python benchmarks/run.py --sizes 1M,5M --pipeline-sizes 1M   # generate 5M, run only 1M
    .venv/bin/python benchmarks/run.py --20m --50m --timeout 7200

See benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from synth.scale import generate_scaled, parse_rows  # noqa: E402

AS_OF = "2026-11-27"


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def human_rows(n: int) -> str:
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n >= 1000 and n % 1000 == 0:
        return f"{n // 1000}k"
    return str(n)


def fmt_bytes(kb: float | None) -> str:
    if kb is None:
        return "n/a"
    gb = kb / 1024 / 1024
    return f"{gb:.1f} GB" if gb >= 1 else f"{kb / 1024:.0f} MB"


# ---------------------------------------------------------------------------------- world
def world_dir(work: Path, rows: int, a) -> Path:
    return work / f"world-{human_rows(rows)}-s{a.seed}-b{a.base_debtors}-r{a.rows_per_debtor:g}-{a.mode}"


def ensure_world(work: Path, rows: int, a) -> dict:
    out = world_dir(work, rows, a)
    marker = out / "scale.json"
    if marker.exists() and not a.regenerate:
        s = json.loads(marker.read_text())
        if s.get("rows_requested") == rows:
            log(f"world {human_rows(rows)}: cached in {out}")
            s["cached"] = True
            return s
    base = work / f"base-s{a.seed}-b{a.base_debtors}"
    log(f"world {human_rows(rows)}: generating in {out}")
    s = generate_scaled(out, rows, seed=a.seed, base_debtors=a.base_debtors, rows_per_debtor=a.rows_per_debtor,
                        mode=a.mode, base_dir=base, truth=not a.no_truth, log=lambda m: log("  " + m))
    s["cached"] = False
    return s


# ---------------------------------------------------------------------------------- bare scans
def inbox_files(inbox: Path) -> list[tuple[str, Path]]:
    out = []
    for kind in ("debtors", "ecommerce", "social", "logistics"):
        d = inbox / kind
        if d.is_dir():
            out += [(kind, p) for p in sorted(d.iterdir()) if p.is_file() and p.stat().st_size > 0]
    return out


def _sql_str(p: Path) -> str:
    return "'" + str(p).replace("'", "''") + "'"


def transcode(inbox: Path, tmp: Path) -> tuple[list[tuple[str, Path]], float]:
    """Neither DuckDB (without its downloadable encodings extension) nor polars decodes GB18030, so
    the e-commerce CSVs are first transcoded to UTF-8 (Python's C codec, streamed in 64 MB chunks);
    the time is part of the bare scan.  Returns the file list with the UTF-8 copies."""
    import codecs

    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    files = []
    t0 = time.perf_counter()
    for i, (kind, p) in enumerate(inbox_files(inbox)):
        if kind != "ecommerce":
            files.append((kind, p))
            continue
        head = p.open("rb").read(1 << 16)
        try:
            head.decode("utf-8")
            enc = "utf-8"
        except UnicodeDecodeError as e:
            enc = "utf-8" if e.start > len(head) - 4 else "gb18030"
        q = tmp / f"{i:03d}.csv"
        dec = codecs.getincrementaldecoder(enc)(errors="replace")
        with p.open("rb") as src, q.open("wb") as dst:
            while chunk := src.read(64 << 20):
                dst.write(dec.decode(chunk).encode("utf-8"))
            dst.write(dec.decode(b"", final=True).encode("utf-8"))
        files.append((kind, q))
    return files, time.perf_counter() - t0


def scan_duckdb(files: list[tuple[str, Path]]) -> dict:
    """Every file read once with every column materialised (CSV all_varchar, JSONL as JSON
    objects, Parquet all columns); count(*) of each."""
    import duckdb

    con = duckdb.connect()
    rows = 0
    t0 = time.perf_counter()
    for kind, p in files:
        f = _sql_str(p)
        if kind in ("debtors", "ecommerce"):
            q = (f"SELECT count(*), sum(strlen(COLUMNS(*))) FROM read_csv({f}, all_varchar=true, header=true, "
                 f"ignore_errors=true, null_padding=true, strict_mode=false)")
        elif kind == "social":
            q = f"SELECT count(*), sum(strlen(json::VARCHAR)) FROM read_ndjson_objects({f}, ignore_errors=true)"
        else:
            q = (f"SELECT count(*), sum(strlen(COLUMNS(* EXCLUDE (pickup_time, sign_time)))), "
                 f"count(pickup_time), count(sign_time) FROM read_parquet({f})")
        rows += con.execute(q).fetchone()[0]
    con.close()
    return {"seconds": round(time.perf_counter() - t0, 2), "rows": int(rows)}


def scan_polars(files: list[tuple[str, Path]]) -> dict:
    """Every file read once with polars, every column as text."""
    import polars as pl

    rows = 0
    t0 = time.perf_counter()
    for kind, p in files:
        if kind in ("debtors", "ecommerce"):
            lf = pl.scan_csv(p, infer_schema=False, truncate_ragged_lines=True, ignore_errors=True, has_header=True)
        elif kind == "social":
            # one JSON object a line, junk lines included: read the lines, then parse each
            lf = pl.scan_csv(p, has_header=False, separator="\x1f", quote_char=None, infer_schema=False,
                             new_columns=["line"], truncate_ragged_lines=True)
            lf = lf.with_columns(pl.col("line").str.json_path_match("$.uid"))
        else:
            lf = pl.scan_parquet(p)
        names = lf.collect_schema().names()
        df = lf.select(pl.len().alias("n"), *[pl.col(c).cast(pl.Utf8).str.len_bytes().sum().alias(f"_{i}")
                                             for i, c in enumerate(names)]).collect()
        rows += int(df["n"][0])
    return {"seconds": round(time.perf_counter() - t0, 2), "rows": rows}


def bare_scans(inbox: Path, tmp: Path) -> dict:
    files, tc = transcode(inbox, tmp)
    try:
        d = scan_duckdb(files)
        p = scan_polars(files)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {"transcode_s": round(tc, 2),
            "duckdb": {**d, "seconds_with_transcode": round(d["seconds"] + tc, 2)},
            "polars": {**p, "seconds_with_transcode": round(p["seconds"] + tc, 2)}}


# ---------------------------------------------------------------------------------- pipeline
def run_pipeline(inbox: Path, out: Path, timeout: float, profile: Path | None) -> dict:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    cmd = [sys.executable]
    if profile is not None:
        cmd += ["-m", "cProfile", "-o", str(profile)]
    cmd += ["-m", "pipelines.cli", "nightly", "--engine", "direct", "--inbox", str(inbox),
            "--db", str(out / "locate.duckdb"), "--reports", str(out / "reports"), "--as-of", AS_OF]
    gnu_time = Path("/usr/bin/time")
    time_file = out / "time.txt"
    if gnu_time.exists():
        cmd = [str(gnu_time), "-v", "-o", str(time_file), *cmd]
    stdout_p, stderr_p = out / "stdout.txt", out / "stderr.txt"
    log(f"  running: {' '.join(cmd)}")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    load_before = os.getloadavg()
    t0 = time.perf_counter()
    with stdout_p.open("wb") as so, stderr_p.open("wb") as se:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=so, stderr=se, start_new_session=True,
                                env={**os.environ, "PYTHONUNBUFFERED": "1"})
        status = "ok"
        try:
            rc = proc.wait(timeout=timeout)
            if rc != 0:
                status = f"exit {rc}"
        except subprocess.TimeoutExpired:
            status = f"timeout after {timeout:.0f} s"
            os.killpg(proc.pid, signal.SIGTERM)      # the child's own process group (start_new_session)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
    wall = time.perf_counter() - t0
    load_after = os.getloadavg()
    peak_kb = None
    if time_file.exists():
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", time_file.read_text())
        peak_kb = int(m.group(1)) if m else None
    if peak_kb is None:
        after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        peak_kb = after if after > before else None   # only meaningful when this child set a new maximum
    text = stdout_p.read_text(errors="replace")
    m = re.search(r"rows:\s+(\d+) read", text)
    rows_read = int(m.group(1)) if m else None
    return {"status": status, "wall_s": round(wall, 1), "peak_rss_kb": peak_kb, "rows_read": rows_read,
            "stages": stage_times(stderr_p.read_text(errors="replace"), wall), "out": str(out),
            "loadavg_before": [round(x, 2) for x in load_before], "loadavg_after": [round(x, 2) for x in load_after]}


_STAGES = [("starting run", "start"), ("new file(s) to ingest", "ingest"), ("linking and ranking", "link_rank"),
           ("writing reports", "reports"), ("publishing", "publish")]


def stage_times(stderr: str, wall: float) -> dict:
    """Seconds per stage from the CLI's progress lines ('[HH:MM:SS] ...', one-second resolution)."""
    marks = []
    for line in stderr.splitlines():
        m = re.match(r"\[(\d\d):(\d\d):(\d\d)\] (.*)", line)
        if not m:
            continue
        t = int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3))
        for needle, name in _STAGES:
            if needle in m.group(4) and not any(n == name for n, _ in marks):
                marks.append((name, t))
    if not marks:
        return {}
    out = {}
    start = marks[0][1]
    for (name, t), nxt in zip(marks, marks[1:] + [(None, None)]):
        if name == "start":
            continue
        end = nxt[1] if nxt[1] is not None else start + wall
        out[name] = round(max(0, (end - t) % 86400))
    return out


# ---------------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1M,5M", help="comma-separated row counts (default 1M,5M)")
    ap.add_argument("--20m", dest="m20", action="store_true", help="also 20M rows")
    ap.add_argument("--50m", dest="m50", action="store_true", help="also 50M rows")
    ap.add_argument("--pipeline-sizes", help="run the pipeline only for these sizes (default: all sizes)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/locate-bench"), help="cache of worlds and runs")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--base-debtors", type=int, default=2000)
    ap.add_argument("--rows-per-debtor", type=float, default=50.0)
    ap.add_argument("--mode", choices=["lean", "absent"], default="lean")
    ap.add_argument("--no-truth", action="store_true", help="do not write truth/ (faster generation)")
    ap.add_argument("--regenerate", action="store_true", help="ignore cached worlds")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds before a pipeline run is stopped")
    ap.add_argument("--skip-scan", action="store_true")
    ap.add_argument("--skip-pipeline", action="store_true")
    ap.add_argument("--profile-dir", type=Path, help="run the pipeline under cProfile, writing prof-<size>.out here")
    ap.add_argument("--results", type=Path, help="also write the results as JSON here")
    a = ap.parse_args(argv)

    sizes = [parse_rows(x) for x in a.sizes.split(",") if x.strip()]
    if a.m20:
        sizes.append(20_000_000)
    if a.m50:
        sizes.append(50_000_000)
    sizes = sorted(set(sizes))
    pipe_sizes = set(sizes) if not a.pipeline_sizes else {parse_rows(x) for x in a.pipeline_sizes.split(",")}
    a.work.mkdir(parents=True, exist_ok=True)

    results = []
    for n in sizes:
        r: dict = {"size": human_rows(n)}
        world = ensure_world(a.work, n, a)
        r["rows"] = world["rows"]
        r["debtors"] = world["debtors"]
        r["replicas"] = world["replicas"]
        r["generate_s"] = world["seconds"]["total"]
        r["generate_write_s"] = world["seconds"]["write"]
        r["generate_cached"] = world.get("cached", False)
        inbox = Path(world["out_dir"]) / "inbox"
        if not a.skip_scan:
            log(f"world {r['size']}: bare scans (transcode GB18030, DuckDB, polars)")
            sc = bare_scans(inbox, a.work / "transcoded")
            r["scan_duckdb"] = {**sc["duckdb"], "engine_seconds": sc["duckdb"]["seconds"],
                                "seconds": sc["duckdb"]["seconds_with_transcode"]}
            r["scan_polars"] = {**sc["polars"], "engine_seconds": sc["polars"]["seconds"],
                                "seconds": sc["polars"]["seconds_with_transcode"]}
            r["transcode_s"] = sc["transcode_s"]
            log(f"  {sc}")
        if not a.skip_pipeline and n in pipe_sizes:
            log(f"world {r['size']}: locate nightly (timeout {a.timeout:.0f} s)")
            prof = a.profile_dir / f"prof-{r['size']}.out" if a.profile_dir else None
            if prof:
                prof.parent.mkdir(parents=True, exist_ok=True)
            r["pipeline"] = run_pipeline(inbox, a.work / f"run-{r['size']}", a.timeout, prof)
            if prof:
                r["pipeline"]["profile"] = str(prof)
            log(f"  {r['pipeline']}")
        results.append(r)

    print(render(results))
    payload = {"when": datetime.now().isoformat(timespec="seconds"), "args": {k: str(v) for k, v in vars(a).items()},
               "results": results}
    path = a.results or a.work / f"results-{datetime.now():%Y%m%dT%H%M%S}.json"
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=1))
    log(f"results written to {path}")
    return 0


def render(results: list[dict]) -> str:
    head = ("| size | rows | debtors | wall s | rows/s | peak RSS | bare scan s, DuckDB | bare scan s, polars "
            "| wall / bare | read s | link+rank s | reports s | publish s | status |")
    lines = [head, "|" + "|".join(["---"] * (head.count("|") - 1)) + "|"]
    for r in results:
        p = r.get("pipeline")
        sd = r.get("scan_duckdb", {}).get("seconds")
        sp = r.get("scan_polars", {}).get("seconds")
        if p:
            rows = p["rows_read"] or r["rows"]
            ok = p["status"] == "ok"
            wall = p["wall_s"]
            rps = f"{rows / wall:,.0f}" if ok and wall else "n/a"
            ratio = f"{wall / sd:.0f}x" if ok and sd else "n/a"
            st = p.get("stages", {})
            cells = [r["size"], f"{rows:,}", f"{r['debtors']:,}", f"{wall:,.1f}", rps, fmt_bytes(p["peak_rss_kb"]),
                     _f(sd), _f(sp), ratio, _f(st.get("ingest")), _f(st.get("link_rank")), _f(st.get("reports")),
                     _f(st.get("publish")), p["status"]]
        else:
            cells = [r["size"], f"{r['rows']:,}", f"{r['debtors']:,}", "-", "-", "-", _f(sd), _f(sp), "-", "-", "-",
                     "-", "-", "not run"]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("Bare scans include transcoding the GB18030 e-commerce CSVs to UTF-8 (Python codec).")
    lines.append("")
    lines.append("| size | rows | replicas | generate s (total) | of which writing | cached |")
    lines.append("|---|---|---|---|---|---|")
    for r in results:
        lines.append(f"| {r['size']} | {r['rows']:,} | {r['replicas']} | {r['generate_s']:.1f} | "
                     f"{r['generate_write_s']:.1f} | {'yes' if r['generate_cached'] else 'no'} |")
    return "\n".join(lines)


def _f(x) -> str:
    return "-" if x is None else (f"{x:,.1f}" if isinstance(x, float) else f"{x:,}")


if __name__ == "__main__":
    sys.exit(main())
