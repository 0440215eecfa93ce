"""The Prefect flow end to end on a temporary local Prefect server."""
from pathlib import Path

import duckdb
import pytest

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"

# `prefect_server`: one temporary Prefect server per session, in conftest.py.


@pytest.mark.slow
def test_nightly_flow_publishes_database_and_reports(prefect_server, tmp_path):
    from pipelines.flow import nightly

    db, reports = tmp_path / "locate.duckdb", tmp_path / "reports"
    summary = nightly(str(SAMPLES / "inbox"), str(db), str(reports), "2026-11-27")
    assert summary["files_new"] >= 6 and summary["debtors_located"] > 0
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT outcome FROM runs").fetchall() == [("success",)]
        assert con.execute("SELECT count(*) FROM locations").fetchone()[0] > 0
    finally:
        con.close()
    assert list((reports / "2026-11-27").glob("*.csv"))
    assert oct(db.stat().st_mode & 0o777) == "0o600"

    from prefect.artifacts import Artifact

    summary_md = Artifact.get("locate-nightly-summary")
    coverage = Artifact.get("locate-coverage-by-court")
    assert summary_md is not None and summary["run_id"] in summary_md.data
    assert coverage is not None and "coverage" in coverage.data
