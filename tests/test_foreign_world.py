"""A world written by someone else: the pipeline on the independent generator's inbox.

``benchmarks/foreign_world/gen.py`` was written from ``inputs.md`` alone, without reading
this project's code or its own generator: other address spellings (Chinese numerals in
doors, stalls as 3F-2156, offices as 12F-1203), other masks, tz-aware waybill times, UTC
login times, a re-sent courier file without sender_phone, its own dirt.  Every file must be
read, every row accounted for, and the figures must stay near what the project reports
for such worlds (README, Accuracy): a regression on foreign spellings shows here first.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import polars as pl
import pytest

from pipelines.cli import run_direct
from pipelines.evaluate import evaluate

GENERATOR = Path(__file__).resolve().parent.parent / "benchmarks" / "foreign_world" / "gen.py"
AS_OF = "2026-11-27"


@pytest.fixture(scope="module")
def foreign(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("foreign")
    world = tmp / "world"
    subprocess.run([sys.executable, str(GENERATOR), "--out", str(world), "--debtors", "300", "--seed", "5"],
                   check=True, capture_output=True)
    db = tmp / "out" / "locate.duckdb"
    summary = run_direct(str(world / "inbox"), str(db), str(tmp / "out" / "reports"), AS_OF)
    return summary, db, world


def test_every_foreign_file_is_read_and_every_row_accounted(foreign):
    summary, db, world = foreign
    con = duckdb.connect(str(db), read_only=True)
    try:
        files = con.sql("SELECT file, error, rows_read, rows_kept, rows_quarantined FROM ingested_files").pl()
    finally:
        con.close()
    # (Empty files all have the same content hash: the ledger holds one of them.)
    on_disk = {str(p.relative_to(world / "inbox")) for p in (world / "inbox").rglob("*")
               if p.is_file() and p.stat().st_size}
    assert on_disk <= set(files["file"])
    assert files["error"].null_count() == files.height, files.filter(pl.col("error").is_not_null())
    assert (files["rows_read"] == files["rows_kept"] + files["rows_quarantined"]).all()
    assert summary["rows_quarantined"] > 0          # its dirt is found ...
    assert summary["rows_kept"] > 0.99 * summary["rows_read"]     # ... and only its dirt


def test_foreign_figures_stay_near_what_is_reported(foreign):
    _, db, world = foreign
    r = evaluate(db, world / "truth")
    assert r["residence_hit@1"] >= 0.70, r
    assert r["workplace_hit@1"] >= 0.65, r
    assert r["phone_hit@1"] >= 0.85, r
    assert r["precision@conf>=0.8"] >= 0.90 and r["n_conf>=0.8"] > 50, r
    assert r["false_lead_rate"] <= 0.03, r
    assert r["ece_residence"] <= 0.06, r
    assert r["violation_precision"] >= 0.98, r
