"""`locate evaluate`: read a published database and a world's truth, print the figures."""
from __future__ import annotations

from pathlib import Path

import polars as pl

from linkage.evaluation import evaluate_frames, labelled_residences
from publish import evaluation_html, warehouse


def _load(db: Path, truth_dir: Path) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    truth_file = Path(truth_dir) / "debtors.parquet"
    if not truth_file.exists():
        raise FileNotFoundError(f"ground truth not found: {truth_file}")
    if not Path(db).exists():
        raise FileNotFoundError(f"database not found: {db}")
    truth = pl.read_parquet(truth_file)
    with warehouse.read_only(db) as con:
        locations = warehouse.read_table(con, "locations")
        contacts = warehouse.read_table(con, "contacts")
    return locations, contacts, truth


def evaluate(db: Path, truth_dir: Path, html: Path | None = None) -> dict:
    """The figures; with ``html``, also a page with them, a calibration plot and a histogram."""
    locations, contacts, truth = _load(db, truth_dir)
    report = evaluate_frames(locations, contacts, truth)
    if html is not None:
        page = evaluation_html.render(report, labelled_residences(locations, truth),
                                      f"locate evaluation: {Path(db).name} against {Path(truth_dir).resolve()}")
        Path(html).parent.mkdir(parents=True, exist_ok=True)
        Path(html).write_text(page, encoding="utf-8")
    return report


def format_report(report: dict) -> str:
    lines = []
    for k, v in report.items():
        lines.append(f"{k:28s} {v:.3f}" if isinstance(v, float) else f"{k:28s} {v}")
    return "\n".join(lines)
