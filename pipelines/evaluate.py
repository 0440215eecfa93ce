"""`locate evaluate`: read a published database and a world's truth, print the figures."""
from __future__ import annotations

from pathlib import Path

import polars as pl

from linkage.evaluation import evaluate_frames, evaluate_violations, labelled_residences
from publish import evaluation_html, warehouse


def _load(db: Path, truth_dir: Path) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame | None]:
    truth_file = Path(truth_dir) / "debtors.parquet"
    if not truth_file.exists():
        raise FileNotFoundError(f"ground truth not found: {truth_file}")
    if not Path(db).exists():
        raise FileNotFoundError(f"database not found: {db}")
    truth = pl.read_parquet(truth_file)
    with warehouse.read_only(db) as con:
        locations = warehouse.read_table(con, "locations")
        contacts = warehouse.read_table(con, "contacts")
        has_violations = con.execute("SELECT count(*) FROM information_schema.tables "
                                     "WHERE table_name = 'violations'").fetchall()[0][0]
        found = warehouse.read_table(con, "violations") if has_violations else None
    return locations, contacts, truth, found


def evaluate(db: Path, truth_dir: Path, html: Path | None = None) -> dict:
    """The figures; with ``html``, also a page with them, a calibration plot and a histogram."""
    locations, contacts, truth, found = _load(db, truth_dir)
    report = evaluate_frames(locations, contacts, truth)
    violation_truth = Path(truth_dir) / "violations.parquet"
    # Worlds generated (and databases built) before violations existed have none.
    if violation_truth.exists() and found is not None:
        report |= evaluate_violations(found, pl.read_parquet(violation_truth))
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
