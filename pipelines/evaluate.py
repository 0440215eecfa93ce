"""`locate evaluate`: read a published database and a world's truth, print the figures."""
from __future__ import annotations

from pathlib import Path

import polars as pl

from linkage.evaluation import evaluate_frames
from publish import warehouse


def evaluate(db: Path, truth_dir: Path) -> dict:
    truth_file = Path(truth_dir) / "debtors.parquet"
    if not truth_file.exists():
        raise FileNotFoundError(f"ground truth not found: {truth_file}")
    if not Path(db).exists():
        raise FileNotFoundError(f"database not found: {db}")
    truth = pl.read_parquet(truth_file)
    with warehouse.read_only(db) as con:
        locations = warehouse.read_table(con, "locations")
        contacts = warehouse.read_table(con, "contacts")
    return evaluate_frames(locations, contacts, truth)


def format_report(report: dict) -> str:
    lines = []
    for k, v in report.items():
        lines.append(f"{k:28s} {v:.3f}" if isinstance(v, float) else f"{k:28s} {v}")
    return "\n".join(lines)
