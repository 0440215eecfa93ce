"""The whole nightly run on the committed samples, checked against their ground truth."""
import csv
from datetime import date
from pathlib import Path

import duckdb
import polars as pl
import pytest

from linkage.evaluation import evaluate_frames
from pipelines.cli import run_direct
from publish import warehouse

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
AS_OF = "2026-11-27"


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("e2e")
    db, reports = tmp / "locate.duckdb", tmp / "reports"
    summary = run_direct(str(SAMPLES / "inbox"), str(db), str(reports), AS_OF)
    return summary, db, reports


def _q(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return warehouse.query(con, sql)
    finally:
        con.close()


def test_rank1_residence_right_for_most_present_debtors(run):
    _, db, _ = run
    truth = pl.read_parquet(SAMPLES / "truth" / "debtors.parquet")
    figures = evaluate_frames(_q(db, "SELECT * FROM locations"), _q(db, "SELECT * FROM contacts"), truth)
    assert figures["present_on_platforms"] > 100
    assert figures["residence_hit@1_present"] >= 0.80, figures


def test_confidence_is_the_calibrated_model_of_the_published_rows(run):
    """``locate calibrate`` fits the model on features of the published tables: the
    confidence a run publishes must be that model of those same rows (no train/serve skew)."""
    from linkage import calibration, calibration_params

    _, db, _ = run
    as_of = date.fromisoformat(AS_OF)
    for table, params in (("locations", calibration_params.LOCATIONS), ("contacts", calibration_params.CONTACTS)):
        rows = _q(db, f"SELECT * FROM {table}")
        again = calibration.place_features(rows, as_of).with_columns(
            calibration.confidence_expr(params).alias("again"))
        fitted = again.filter(pl.col("kind").is_in(list(params)))
        assert fitted.height > 100, table
        assert (fitted["again"] - fitted["confidence"]).abs().max() < 1e-9, table


def test_every_file_accounts_for_its_rows(run):
    summary, db, _ = run
    files = _q(db, "SELECT * FROM ingested_files")
    assert files.height >= 6
    for row in files.iter_rows(named=True):
        assert row["rows_read"] == row["rows_kept"] + row["rows_quarantined"], row
    q = _q(db, "SELECT count(*) AS n FROM quarantine WHERE line > 0")["n"][0]
    assert q == files["rows_quarantined"].sum() > 0
    assert summary["rows_read"] == summary["rows_kept"] + summary["rows_quarantined"]


def test_no_concluded_case_in_any_output(run):
    _, db, reports = run
    roster = _q(db, "SELECT case_no, id_number, status FROM roster_cases")
    concluded_cases = set(roster.filter(pl.col("status") == "执行完毕")["case_no"])
    open_people = set(roster.filter(pl.col("status") != "执行完毕")["id_number"])
    closed_people = set(roster.filter(pl.col("status") == "执行完毕")["id_number"]) - open_people
    assert concluded_cases and closed_people
    debtors = _q(db, "SELECT id_number, case_nos FROM debtors")
    assert not closed_people & set(debtors["id_number"])
    assert not concluded_cases & set(debtors.explode("case_nos")["case_nos"].drop_nulls())
    for table in ("locations", "contacts", "links"):
        ids = set(_q(db, f"SELECT DISTINCT id_number FROM {table}")["id_number"])
        assert not closed_people & ids, table
    for path in (reports / AS_OF).glob("*.csv"):
        with open(path, encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                assert row["案号"] not in concluded_cases


def test_reports_have_bom_and_no_formula_cells(run):
    _, db, reports = run
    paths = sorted((reports / AS_OF).glob("*.csv"))
    assert paths
    audit = _q(db, "SELECT * FROM reports")
    assert audit.height == len(paths)
    for path in paths:
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), path
        with open(path, encoding="utf-8-sig", newline="") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (path, cell)


def test_only_linked_observations_are_kept(run):
    _, db, _ = run
    orphans = _q(db, "SELECT count(*) AS n FROM observations o WHERE NOT EXISTS "
                     "(SELECT 1 FROM links k WHERE k.obs_id = o.obs_id)")["n"][0]
    assert orphans == 0
    r = _q(db, "SELECT * FROM runs")
    assert r.height == 1 and r["outcome"][0] == "success"
    assert r["observations_dropped"][0] > 0


def test_second_run_on_same_inbox_changes_nothing(run, tmp_path):
    _, db, reports = run
    before = {t: _q(db, f"SELECT * FROM {t} ORDER BY ALL") for t in ("locations", "contacts", "links", "observations")}
    summary = run_direct(str(SAMPLES / "inbox"), str(db), str(reports), AS_OF)
    assert summary["files_new"] == 0
    for t, frame in before.items():
        after = _q(db, f"SELECT * FROM {t} ORDER BY ALL")
        cols = [c for c in frame.columns if c != "run_id"]
        assert after.select(cols).equals(frame.select(cols)), t


def test_a_later_night_adds_new_files_and_ignores_renamed_copies(tmp_path):
    import shutil

    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES / "inbox", inbox)
    held_back = inbox / "logistics" / "zto_waybills_20261127.parquet"
    later = tmp_path / "later.parquet"
    shutil.move(held_back, later)
    db, reports = tmp_path / "locate.duckdb", tmp_path / "reports"
    first = run_direct(str(inbox), str(db), str(reports), AS_OF)

    shutil.move(later, held_back)
    # A platform re-sends yesterday's file under another name: same bytes, nothing new.
    shutil.copy(inbox / "logistics" / "sf_waybills_20261127.parquet", inbox / "logistics" / "sf_waybills_20261128.parquet")
    second = run_direct(str(inbox), str(db), str(reports), AS_OF)
    assert second["files_new"] == 1
    assert second["rows_read"] == _q(db, "SELECT rows_read FROM ingested_files WHERE file LIKE '%zto%'")["rows_read"][0]
    runs = _q(db, "SELECT * FROM runs ORDER BY started_at")
    assert runs["outcome"].to_list() == ["success", "success"]
    assert second["observations_linked"] > 0
    assert _q(db, "SELECT count(DISTINCT id_number) AS n FROM locations")["n"][0] >= first["debtors_located"]


def test_a_failed_run_leaves_the_published_database_as_it_was(run, tmp_path, monkeypatch):
    import shutil

    from pipelines import stages

    _, db, _ = run
    copy = tmp_path / "locate.duckdb"
    shutil.copy(db, copy)
    before = _q(copy, "SELECT * FROM locations ORDER BY ALL")
    runs_before = _q(copy, "SELECT count(*) AS n FROM runs")["n"][0]
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES / "inbox" / "debtors", inbox / "debtors")
    (inbox / "debtors" / "court_roster_20261128.csv").write_bytes(
        (SAMPLES / "inbox" / "debtors" / "court_roster_20261127.csv").read_bytes() + b"\n")

    def boom(ctx, ingested, relink_all=False):
        raise RuntimeError("disk full")

    monkeypatch.setattr(stages, "link_and_rank", boom)
    with pytest.raises(RuntimeError, match="disk full"):
        run_direct(str(inbox), str(copy), str(tmp_path / "reports"), AS_OF)
    assert _q(copy, "SELECT * FROM locations ORDER BY ALL").equals(before)
    runs = _q(copy, "SELECT outcome, error FROM runs ORDER BY started_at")
    assert runs.height == runs_before + 1
    assert runs["outcome"][-1] == "failed" and "disk full" in runs["error"][-1]
    # The file that failed to be processed was not recorded as ingested: the next run takes it.
    assert _q(copy, "SELECT count(*) AS n FROM ingested_files WHERE file LIKE '%20261128%'")["n"][0] == 0
    assert not list(tmp_path.glob("*.staging*"))


def test_readers_keep_working_while_a_run_publishes(run, tmp_path):
    import shutil

    import duckdb

    _, db, _ = run
    copy = tmp_path / "locate.duckdb"
    shutil.copy(db, copy)
    reader = duckdb.connect(str(copy), read_only=True)  # an analyst, before the run
    n_before = reader.execute("SELECT count(*) FROM locations").fetchone()[0]
    runs_before = reader.execute("SELECT count(*) FROM runs").fetchone()[0]
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES / "inbox", inbox)
    (inbox / "logistics" / "sf_waybills_20261127.parquet").unlink()
    (inbox / "debtors" / "court_roster_20261127.csv").write_bytes(
        (SAMPLES / "inbox" / "debtors" / "court_roster_20261127.csv").read_bytes() + b"\n")
    run_direct(str(inbox), str(copy), str(tmp_path / "reports"), AS_OF)
    # The open connection still reads the state it opened, whole.
    assert reader.execute("SELECT count(*) FROM locations").fetchone()[0] == n_before
    reader.close()
    after = duckdb.connect(str(copy), read_only=True)
    try:
        assert after.execute("SELECT count(*) FROM runs").fetchone()[0] == runs_before + 1
    finally:
        after.close()


def test_unreadable_entries_are_reported_each_run_and_never_stop_it(tmp_path):
    import os
    import shutil

    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES / "inbox" / "debtors", inbox / "debtors")
    (inbox / "ecommerce" / "sub").mkdir(parents=True)
    (inbox / "ecommerce" / "notes.txt").write_text("hi")
    os.symlink("/etc/passwd", inbox / "ecommerce" / "evil_orders_20261127.csv")
    (inbox / "ecommerce" / "bin_orders_20261127.csv").write_bytes(b"\x00\x01\x02" * 100)
    db = tmp_path / "locate.duckdb"
    summary = run_direct(str(inbox), str(db), str(tmp_path / "reports"), AS_OF)
    assert summary["files_failed"] == 4 and summary["debtors"] > 0
    q = _q(db, "SELECT file, reason FROM quarantine WHERE line = 0 ORDER BY file")
    assert q["file"].to_list() == ["ecommerce/bin_orders_20261127.csv", "ecommerce/evil_orders_20261127.csv",
                                   "ecommerce/notes.txt", "ecommerce/sub"]
    assert all(r for r in q["reason"])
    # Nothing read from outside the inbox, and the failed file is tried (and reported) again next night.
    assert "root:" not in " ".join(_q(db, "SELECT coalesce(raw, '') AS raw FROM quarantine")["raw"])
    again = run_direct(str(inbox), str(db), str(tmp_path / "reports"), AS_OF)
    assert again["files_failed"] == 4
    assert _q(db, "SELECT count(*) AS n FROM ingested_files WHERE error IS NOT NULL")["n"][0] == 1


def test_a_small_later_night_is_weighed_against_the_population_seen_before(tmp_path):
    import json
    import math
    import shutil

    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES / "inbox", inbox)
    db, reports = tmp_path / "locate.duckdb", tmp_path / "reports"
    run_direct(str(inbox), str(db), str(reports), AS_OF)
    pop1 = int(_q(db, "SELECT value FROM linkage_stats WHERE key = 'population'")["value"][0])
    names1 = _q(db, "SELECT count(*) AS n FROM name_counts")["n"][0]
    # Night 2: twenty orders of yesterday's file, re-sent under a new order id.
    src = (inbox / "ecommerce" / "shopA_orders_20261127.csv").read_bytes().decode("gb18030").splitlines()
    small = [src[0]] + ["9" + line for line in src[1:21]]
    (inbox / "ecommerce" / "shopA_orders_20261128.csv").write_bytes(("\n".join(small) + "\n").encode("gb18030"))
    run_direct(str(inbox), str(db), str(reports), AS_OF)
    assert int(_q(db, "SELECT value FROM linkage_stats WHERE key = 'population'")["value"][0]) == pop1
    assert _q(db, "SELECT count(*) AS n FROM name_counts")["n"][0] >= names1
    # No name is stored in clear: only salted hashes.
    stored = set(_q(db, "SELECT name_hash FROM name_counts")["name_hash"])
    assert not stored & set(_q(db, "SELECT name FROM debtors")["name"])
    priors = {json.loads(e)["prior"] for e in _q(db, "SELECT evidence FROM links")["evidence"]}
    assert priors == {round(-math.log2(pop1), 2)}


def test_explain_shows_each_place_with_the_links_behind_it(run, capsys):
    from pipelines.cli import main

    _, db, _ = run
    top = _q(db, "SELECT id_number, address, n_observations FROM locations WHERE kind = 'residence' AND rank = 1 "
                 "ORDER BY n_observations DESC, id_number LIMIT 1").row(0, named=True)
    assert main(["explain", top["id_number"].lower(), "--db", str(db), "--max-evidence", "2"]) == 0
    out = capsys.readouterr().out
    assert f"residence #1: {top['address']}" in out
    assert out.count("= match weight") >= 2 and "prior (1 in" in out
    # Every observation behind a place is traceable: the evidence table covers its count.
    con = duckdb.connect(str(db), read_only=True)
    try:
        n = warehouse.query(con, "SELECT count(*) AS n FROM v_place_evidence WHERE id_number = ? "
                                 "AND kind = 'residence' AND rank = 1", [top["id_number"]])["n"][0]
    finally:
        con.close()
    assert n == top["n_observations"]
    assert main(["explain", "330102199001011237", "--db", str(db)]) == 2   # not a debtor: a clear error
    assert "no open debtor" in capsys.readouterr().err


def test_evaluate_writes_an_html_page_with_plots(run, tmp_path):
    import xml.etree.ElementTree as ET

    from pipelines.cli import main

    _, db, _ = run
    page = tmp_path / "eval.html"
    assert main(["evaluate", "--db", str(db), "--truth", str(SAMPLES / "truth"), "--html", str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    assert "residence_hit@1" in text and "precision@conf&gt;=0.8" in text
    svgs = [s + "</svg>" for s in text.split("</svg>")[:-1]]
    assert len(svgs) == 2
    circles = ET.fromstring(svgs[0][svgs[0].index("<svg"):]).findall("{http://www.w3.org/2000/svg}circle")
    assert 3 <= len(circles) <= 10        # one dot per tenth of the confidence scale that has places
    bars = ET.fromstring(svgs[1][svgs[1].index("<svg"):]).findall("{http://www.w3.org/2000/svg}rect")
    assert len(bars) == 40                # 20 bins, right and wrong


def test_calibrate_fits_on_several_runs_together(run):
    """``locate calibrate --db A --truth A/truth --db B --truth B/truth``: one model over the
    labelled places of every run (worlds of several generators), never written here."""
    from pipelines import calibrate

    _, db, _ = run
    as_of = date.fromisoformat(AS_OF)
    one = calibrate.calibrate(db, SAMPLES / "truth", as_of, write=False)
    two = calibrate.calibrate([db, db], [SAMPLES / "truth", SAMPLES / "truth"], as_of, write=False)
    for group, kinds in one.items():
        for kind, p in kinds.items():
            assert two[group][kind]["n"] == 2 * p["n"] and two[group][kind]["positives"] == 2 * p["positives"]
    with pytest.raises(ValueError, match="one --truth per --db"):
        calibrate.calibrate([db, db], [SAMPLES / "truth"], as_of, write=False)
    # One date per run: the same date twice is the same fit; a date for each of two runs
    # but three runs is refused, not silently recycled.
    same = calibrate.calibrate([db, db], [SAMPLES / "truth"] * 2, [as_of, as_of], write=False)
    assert same == two
    later = calibrate.calibrate([db, db], [SAMPLES / "truth"] * 2, [as_of, date(2027, 6, 1)], write=False)
    assert later["LOCATIONS"]["residence"]["coef"] != two["LOCATIONS"]["residence"]["coef"]
    with pytest.raises(ValueError, match="one per --db"):
        calibrate.calibrate([db, db, db], [SAMPLES / "truth"] * 3, [as_of, as_of], write=False)
