"""Check that the streaming adapters read every inbox file exactly as the adapters of a
reference commit did (issue 4: streaming ingest must change nothing but speed and memory).

For each inbox file, the reference adapters (``sources/`` at ``--ref``, loaded from git
as a package of their own) and the working tree's are run, and compared:

* ``read_file`` with the default chunk size (whole-file result in memory);
* ``read_file`` with small chunks (``--small-chunk``), so that records, duplicates and
  quarantine rows fall on chunk boundaries;
* ``stages.ingest_file`` (the streaming parquet path of the nightly run), its parquet
  files read back.

Rows must be equal in the same order (``DataFrame.equals``, so nulls and dtypes count),
quarantine rows too, and rows_read / rows_kept / rows_quarantined, warnings and error.

    .venv/bin/python benchmarks/ingest_equivalence.py /tmp/w/inbox [more inboxes] [--ref main]

Exit status 1 when any file differs.  Run from the repository root.
"""
from __future__ import annotations

import argparse
import importlib
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipelines import stages  # noqa: E402
from sources import common, inbox  # noqa: E402


def load_reference(ref: str, into: Path):
    """``sources/`` at ``ref`` as the package ``sources_ref`` (relative imports only)."""
    pkg = into / "sources_ref"
    pkg.mkdir(parents=True, exist_ok=True)
    names = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", f"{ref}:sources"],
                           check=True, capture_output=True, text=True).stdout.split()
    for name in names:
        if name.endswith(".py"):
            text = subprocess.run(["git", "-C", str(ROOT), "show", f"{ref}:sources/{name}"],
                                  check=True, capture_output=True, text=True).stdout
            (pkg / name).write_text(text)
    sys.path.insert(0, str(into))
    return importlib.import_module("sources_ref.inbox")


def frames_equal(a: pl.DataFrame, b: pl.DataFrame) -> str | None:
    if a.schema != b.schema:
        return f"schema {dict(a.schema)} != {dict(b.schema)}"
    if a.height != b.height:
        return f"{a.height} rows != {b.height}"
    if not a.equals(b):
        diff = a.with_row_index("_i").join(b.with_row_index("_i"), on="_i", suffix="_new")
        for c in a.columns:
            d = diff.filter(pl.col(c).ne_missing(pl.col(c + "_new")))
            if d.height:
                return f"column {c}: {d.height} values differ, first at row {d['_i'][0]}: " \
                       f"{d[c][0]!r} != {d[c + '_new'][0]!r}"
        return "frames differ"
    return None


def compare(name: str, old, new, rows: pl.DataFrame | None = None, q: pl.DataFrame | None = None) -> list[str]:
    problems = []
    for attr in ("rows_read", "rows_kept", "rows_quarantined", "error", "warnings"):
        a, b = getattr(old, attr), getattr(new, attr)
        if attr == "warnings":      # ingest_file joins them
            a, b = ("; ".join(v) if isinstance(v, list) else v for v in (a, b))
        if a != b:
            problems.append(f"{name}: {attr} {a!r} != {b!r}")
    for what, a, b in (("rows", old.rows, new.rows if rows is None else rows),
                       ("quarantine", old.quarantine, new.quarantine if q is None else q)):
        why = frames_equal(a, b)
        if why:
            problems.append(f"{name}: {what}: {why}")
    return problems


class _Result:
    def __init__(self, out: dict, rows: pl.DataFrame, q: pl.DataFrame):
        self.rows_read, self.rows_kept = out["rows_read"], out["rows_kept"]
        self.rows_quarantined, self.error = out["rows_quarantined"], out["error"]
        self.warnings = out["warnings"] or ""
        self.rows, self.quarantine = rows, q


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inboxes", nargs="+", type=Path)
    ap.add_argument("--ref", default="main", help="git commit whose sources/ is the reference (default main)")
    ap.add_argument("--small-chunk", type=int, default=1000,
                    help="chunk size of the second new read (default 1000 records; 0 skips it)")
    ap.add_argument("--skip-ingest", action="store_true", help="do not compare stages.ingest_file")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="ingest-equivalence-"))
    ref_inbox = load_reference(args.ref, tmp / "ref")
    problems: list[str] = []
    for root in args.inboxes:
        old_files = {f.rel_name: f for f in ref_inbox.discover(root)}
        new_files = inbox.discover(root)
        if sorted(old_files) != sorted(f.rel_name for f in new_files):
            problems.append(f"{root}: discovered files differ")
        for f in new_files:
            t0 = time.perf_counter()
            old = ref_inbox.read_file(old_files[f.rel_name])
            t1 = time.perf_counter()
            new = inbox.read_file(f)
            t2 = time.perf_counter()
            found = compare(f.rel_name, old, new)
            if args.small_chunk:
                saved = common.CHUNK_ROWS
                common.CHUNK_ROWS = args.small_chunk
                try:
                    found += compare(f.rel_name + f" (chunks of {args.small_chunk})", old, inbox.read_file(f))
                finally:
                    common.CHUNK_ROWS = saved
            if not args.skip_ingest:
                work = tmp / "work" / str(abs(hash((str(root), f.rel_name))))
                work.mkdir(parents=True)
                ctx = stages.RunContext(run_id="eq", inbox=str(root), db="", reports="", as_of="2026-11-27",
                                        workdir=str(work), staging="", started_at="")
                from dataclasses import asdict
                out = stages.ingest_file(ctx, asdict(f) | {"path": str(f.path)})
                got = _Result(out, pl.read_parquet(out["rows_path"]), pl.read_parquet(out["quarantine_path"]))
                found += compare(f.rel_name + " (ingest_file)", old, got)
            status = "OK  " if not found else "DIFF"
            print(f"{status} {root.name}/{f.rel_name:48s} read {old.rows_read:>9,} kept {old.rows_kept:>9,} "
                  f"quarantined {old.rows_quarantined:>6,}  ref {t1 - t0:6.2f} s  new {t2 - t1:6.2f} s", flush=True)
            for p in found:
                print("     " + p)
            problems += found
    print(f"\n{len(problems)} difference(s)")
    shutil.rmtree(tmp, ignore_errors=True)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
