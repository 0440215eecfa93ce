"""Only the debtors a night touches are re-linked and re-ranked; the rest keep their rows."""
import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest

from pipelines.cli import run_direct
from publish import warehouse

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
AS_OF = "2026-11-27"
LATE_FILE = "logistics/sf_waybills_20261126.parquet"


def _q(db, sql, params=None):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return warehouse.query(con, sql, params)
    finally:
        con.close()


@pytest.fixture(scope="module")
def two_nights(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("incremental")
    inbox = tmp / "inbox"
    shutil.copytree(SAMPLES / "inbox", inbox)
    late = tmp / "late.csv"
    shutil.move(inbox / LATE_FILE, late)
    db, reports = tmp / "out" / "locate.duckdb", tmp / "out" / "reports"
    first = run_direct(str(inbox), str(db), str(reports), AS_OF)
    night1 = {t: _q(db, f"SELECT * FROM {t}") for t in ("locations", "contacts", "links")}
    shutil.move(late, inbox / LATE_FILE)
    second = run_direct(str(inbox), str(db), str(reports), AS_OF)
    night2 = {t: _q(db, f"SELECT * FROM {t}") for t in ("locations", "contacts", "links")}
    return first, second, night1, night2, db


def test_a_new_file_relinks_only_the_debtors_it_touches(two_nights):
    first, second, night1, night2, _ = two_nights
    assert first["debtors_relinked"] == first["debtors"]
    assert 0 < second["debtors_relinked"] < second["debtors"] / 2
    touched = set(night2["locations"].filter(pl.col("run_id") == second["run_id"])["id_number"])
    kept = night2["locations"].filter(pl.col("run_id") == first["run_id"])
    assert touched and kept.height
    # Untouched debtors' rows are last night's rows, to the last column.
    for table in ("locations", "contacts"):
        old = night1[table].filter(~pl.col("id_number").is_in(list(touched)))
        new = night2[table].filter(pl.col("run_id") == first["run_id"])
        key = ["id_number", "kind", "rank"]
        assert old.sort(key).equals(new.select(old.columns).sort(key)), table


def test_the_touched_debtors_have_new_evidence_from_the_late_file(two_nights):
    _, second, night1, night2, db = two_nights
    touched = set(night2["locations"].filter(pl.col("run_id") == second["run_id"])["id_number"])
    late_links = _q(db, "SELECT DISTINCT k.id_number FROM links k JOIN observations o USING (obs_id) "
                        "WHERE o.file = ?", [LATE_FILE])
    # Whoever tonight's file was linked to was re-ranked tonight.
    late = set(late_links["id_number"]) & set(night2["locations"]["id_number"])
    assert late and late <= touched


def test_incremental_places_match_a_full_relink(two_nights, tmp_path):
    _, _, _, night2, db = two_nights
    # A third night on the same inbox re-linking everyone: the incremental night must not
    # have missed anybody a new observation concerned.
    out = tmp_path / "full"
    out.mkdir()
    shutil.copy(db, out / "locate.duckdb")
    run_direct(str(Path(db).parent.parent / "inbox"), str(out / "locate.duckdb"), str(out / "reports"), AS_OF,
               relink_all=True)
    full = _q(out / "locate.duckdb", "SELECT id_number, place_key FROM locations WHERE kind = 'residence' AND rank = 1")
    inc = night2["locations"].filter((pl.col("kind") == "residence") & (pl.col("rank") == 1)).select(
        "id_number", "place_key")
    both = full.join(inc, on="id_number", how="full", coalesce=True, suffix="_inc")
    same = both.filter(pl.col("place_key") == pl.col("place_key_inc")).height
    assert same >= 0.98 * both.height, both.filter(pl.col("place_key") != pl.col("place_key_inc"))
