"""Nightly operations (issue 5): crash safety, readers during a run, run history, what changed
since the last run, retention, retries, one run at a time.

Most tests share one small generated world (60 debtors) and two nights: night 1 is the inbox
without one courier file, night 2 the whole inbox.  ``base`` is the published state after
night 1, ``ref`` the state after an uninterrupted night 2 run on a copy of ``base``.
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import duckdb
import polars as pl
import pytest

from pipelines import stages
from pipelines.cli import run_direct
from publish import reports as report_writer
from publish import warehouse

from db_fingerprint import fingerprint

BIN = Path(sys.executable).parent
LOCATE = str(BIN / "locate")
AS_OF = "2026-11-27"
NEXT_DAY = "2026-11-28"
HELD_BACK = "logistics/zto_waybills_20261127.parquet"      # arrives on night 2
# Columns that differ between two runs doing the same work: ids and clocks.


# ---------------------------------------------------------------- helpers

def nightly(inbox: Path, out: Path, as_of: str = AS_OF, fault: str | None = None, mode: str | None = None,
            popen: bool = False):
    """`locate nightly --engine direct` as a subprocess, writing out/locate.duckdb and out/reports."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOCATE_FAULT")}
    if fault:
        env["LOCATE_FAULT_AT"] = fault
    if mode:
        env["LOCATE_FAULT_MODE"] = mode
    cmd = [LOCATE, "nightly", "--engine", "direct", "--inbox", str(inbox), "--db", str(out / "locate.duckdb"),
           "--reports", str(out / "reports"), "--as-of", as_of]
    if popen:
        return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree(folder: Path) -> dict[str, str]:
    """Every file under a folder (hidden ones too) -> SHA-256."""
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): sha(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def query(db: Path, sql: str, params=None) -> pl.DataFrame:
    with warehouse.read_only(db) as con:
        return warehouse.query(con, sql, params)


def all_text(db: Path, skip_tables=()) -> dict[str, str]:
    """Every table's rows as text (every column, lists and JSON included)."""
    with warehouse.read_only(db) as con:
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'").fetchall()]
        return {t: "\n".join(r[0] for r in con.execute(f'SELECT CAST(x AS VARCHAR) FROM "{t}" x').fetchall())
                for t in tables if t not in skip_tables}


def leftovers(out: Path) -> list[str]:
    """What a run leaves beside the database besides its lock file: nothing, once it has finished."""
    return sorted(p.name for p in out.iterdir()
                  if p.name not in ("locate.duckdb", "reports", ".locate.duckdb.lock"))


def copy_state(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


def location_reports(folder: Path) -> list[Path]:
    """The location reports of a day (not the violation reports beside them)."""
    return [p for p in sorted(folder.glob("*.csv")) if not p.stem.endswith(report_writer.VIOLATION_SUFFIX)]


def read_report(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


# ---------------------------------------------------------------- the two nights

@pytest.fixture(scope="module")
def nights(tmp_path_factory):
    root = tmp_path_factory.mktemp("ops")
    world = root / "world"
    made = subprocess.run([LOCATE, "samples", "--out", str(world), "--debtors", "60", "--seed", "5"],
                          capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stderr
    inbox = world / "inbox"
    held = root / "held_back.parquet"
    shutil.move(inbox / HELD_BACK, held)
    base = root / "base"
    first = nightly(inbox, base)
    assert first.returncode == 0, first.stderr
    shutil.move(held, inbox / HELD_BACK)
    ref = copy_state(base, root / "ref")
    t0 = time.monotonic()
    second = nightly(inbox, ref)
    ref_seconds = time.monotonic() - t0
    assert second.returncode == 0, second.stderr
    ns = SimpleNamespace(
        root=root, world=world, inbox=inbox, base=base, ref=ref, ref_seconds=ref_seconds,
        base_sha=sha(base / "locate.duckdb"), base_fp=fingerprint(base / "locate.duckdb"),
        base_reports=tree(base / "reports"),
        ref_fp=fingerprint(ref / "locate.duckdb"),
        ref_fp_tables=fingerprint(ref / "locate.duckdb", skip_tables=("runs", "reports")),
        ref_reports=tree(ref / "reports"),
    )
    # The two nights must differ, or nothing below could tell them apart.
    assert ns.base_reports and ns.ref_reports and ns.base_reports != ns.ref_reports
    assert ns.base_fp["locations"] != ns.ref_fp["locations"]
    return ns


# ---------------------------------------------------------------- 3. crash safety

# One SIGKILL at each named checkpoint (publish/warehouse.py CHECKPOINTS), in run order.
KILL_POINTS = ["begin", "ingest#1", "record-ingest", "link-before-writes", "link-mid-writes",
               "link-after-writes", "reports-written", "runs-recorded", "before-replace",
               "after-replace", "reports-moving", "reports-moved"]
PUBLISHED_BY = {"after-replace", "reports-moving", "reports-moved"}   # the database is already replaced
KILL_AFTER = [0.3, 0.6, 0.9]   # and at these fractions of an uninterrupted run's wall time


def _killed_then_next_run(nights, label: str, fault: str | None = None, after_s: float | None = None) -> None:
    out = copy_state(nights.base, nights.root / f"kill-{re.sub(r'[^a-z0-9]+', '-', label)}")
    db = out / "locate.duckdb"
    if fault:
        killed = nightly(nights.inbox, out, fault=fault)
        assert killed.returncode == -signal.SIGKILL, (label, killed.returncode, killed.stderr[-3000:])
    else:
        proc = nightly(nights.inbox, out, popen=True)
        try:
            proc.wait(timeout=after_s)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
    published = sha(db) != nights.base_sha
    if fault:
        assert published == (fault in PUBLISHED_BY), label

    if not published:
        # Killed before publishing: the database is the very same file, the reports untouched.
        assert fingerprint(db) == nights.base_fp, label
        assert tree(out / "reports") == nights.base_reports, label
        # The next run on the same night completes as if the killed one never started.
        again = nightly(nights.inbox, out)
        assert again.returncode == 0, (label, again.stderr[-3000:])
        assert fingerprint(db) == nights.ref_fp, label
        assert tree(out / "reports") == nights.ref_reports, label
    else:
        # Killed after publishing: the database is the finished night 2 ...
        assert fingerprint(db, skip_tables=("runs", "reports")) == nights.ref_fp_tables, label
        # ... and the next run (the following night, nothing new) delivers the reports the killed
        # run had not moved yet, whole and replacing night 1's.
        again = nightly(nights.inbox, out, as_of=NEXT_DAY)
        assert again.returncode == 0, (label, again.stderr[-3000:])
        delivered = {k: v for k, v in tree(out / "reports").items() if k.startswith(AS_OF + "/")}
        assert delivered == nights.ref_reports, label
        assert fingerprint(db, skip_tables=("runs", "reports")) == nights.ref_fp_tables, label
        assert query(db, "SELECT outcome FROM runs")["outcome"].to_list() == ["success"] * 3, label
    assert leftovers(out) == [], label


@pytest.mark.slow
def test_a_run_killed_anywhere_leaves_the_published_state_and_the_next_run_repairs_it(nights):
    assert {p.split("#")[0] for p in KILL_POINTS} == set(warehouse.CHECKPOINTS), "a checkpoint is not tested"
    jobs = [(f"at {p}", dict(fault=p)) for p in KILL_POINTS]
    jobs += [(f"after {f:.2f} of a run", dict(after_s=f * nights.ref_seconds)) for f in KILL_AFTER]
    with ThreadPoolExecutor(max_workers=2) as pool:       # two at a time: the machine has two cores
        futures = {label: pool.submit(_killed_then_next_run, nights, label, **kw) for label, kw in jobs}
        failures = []
        for label, fut in futures.items():
            try:
                fut.result()
            except Exception as exc:  # noqa: BLE001 - report every failing kill point at once
                failures.append(f"{label}: {exc}")
    assert not failures, "\n".join(failures)


def test_reports_that_could_not_be_moved_are_delivered_by_the_next_run(nights, tmp_path, monkeypatch):
    out = copy_state(nights.base, tmp_path / "out")
    db = out / "locate.duckdb"
    real_move = report_writer.move_into_place

    def disk_full(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report_writer, "move_into_place", disk_full)
    with pytest.raises(stages.ReportsNotDelivered, match="No space left on device"):
        run_direct(str(nights.inbox), str(db), str(out / "reports"), AS_OF)
    # The database was published (night 2), the error is on the run's row, the reports wait.
    assert fingerprint(db, skip_tables=("runs", "reports")) == nights.ref_fp_tables
    last = query(db, "SELECT outcome, error FROM runs ORDER BY started_at DESC LIMIT 1").row(0, named=True)
    assert last["outcome"] == "success" and "could not move its reports" in last["error"]
    assert tree(out / "reports") == nights.base_reports
    monkeypatch.setattr(report_writer, "move_into_place", real_move)
    summary = run_direct(str(nights.inbox), str(db), str(out / "reports"), NEXT_DAY)
    assert summary["files_new"] == 0
    delivered = {k: v for k, v in tree(out / "reports").items() if k.startswith(AS_OF + "/")}
    assert delivered == nights.ref_reports
    assert leftovers(out) == []


def test_reports_of_a_run_that_never_published_are_never_delivered(nights, tmp_path):
    out = copy_state(nights.base, tmp_path / "out")
    killed = nightly(nights.inbox, out, fault="before-replace")
    assert killed.returncode == -signal.SIGKILL
    note = next((out / ".locate.duckdb.work").glob(f"*/{stages.DELIVERY_FILE}"))
    assert list((note.parent / "reports").glob("*.csv")), "the killed run had written its reports"
    # What the next run's begin does first: nothing to deliver, the leftovers go.
    assert stages.recover_reports((out / "locate.duckdb").resolve()) == []
    assert tree(out / "reports") == nights.base_reports


def test_one_run_at_a_time(nights, tmp_path):
    out = copy_state(nights.base, tmp_path / "out")
    db = out / "locate.duckdb"
    ctx = stages.begin(str(nights.inbox), str(db), str(out / "reports"), AS_OF)
    try:
        second = nightly(nights.inbox, out)
        assert second.returncode == 1
        assert "another locate run is in progress" in second.stderr and f"pid {os.getpid()}" in second.stderr
        with pytest.raises(stages.RunInProgress):
            stages.begin(str(nights.inbox), str(db), str(out / "reports"), AS_OF)
        assert sha(db) == nights.base_sha
    finally:
        stages.record_failure(ctx, "abandoned by the test")
    # The lock went with the run: the next one starts (and a killed run never holds it: see above).
    again = stages.begin(str(nights.inbox), str(db), str(out / "reports"), AS_OF)
    stages.record_failure(again, "abandoned by the test")


# ---------------------------------------------------------------- 4. readable while running

ANALYST = r"""
import duckdb, json, sys
db = sys.argv[1]
def state(con):
    return [con.execute("SELECT count(*) FROM runs").fetchone()[0],
            con.execute("SELECT count(*), sum(hash(l)::HUGEINT)::VARCHAR FROM (SELECT id_number, kind, rank, "
                        "place_key FROM locations) l").fetchone()[1],
            con.execute("SELECT count(*) FROM links").fetchone()[0]]
keep = duckdb.connect(db, read_only=True)
print(json.dumps(state(keep)), flush=True)
for line in sys.stdin:
    cmd = line.strip()
    if cmd == "second":                     # another connection, same process, first one still open
        other = duckdb.connect(db, read_only=True)
        out = state(other)
        other.close()
    elif cmd == "reopen":                   # close everything, connect again
        keep.close()
        keep = duckdb.connect(db, read_only=True)
        out = state(keep)
    else:
        out = state(keep)
    print(json.dumps(out), flush=True)
"""


def _state(db: Path) -> list:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return [con.execute("SELECT count(*) FROM runs").fetchone()[0],
                con.execute("SELECT count(*), sum(hash(l)::HUGEINT)::VARCHAR FROM (SELECT id_number, kind, rank, "
                            "place_key FROM locations) l").fetchone()[1],
                con.execute("SELECT count(*) FROM links").fetchone()[0]]
    finally:
        con.close()


@pytest.mark.slow
def test_readers_see_the_old_or_the_new_state_whole_and_never_block_the_run(nights, tmp_path):
    out = copy_state(nights.base, tmp_path / "out")
    db = out / "locate.duckdb"
    old, new = _state(db), _state(nights.ref / "locate.duckdb")
    assert old != new and old[0] == 1 and new[0] == 2
    # An analyst opens the database before the run and keeps the connection for the whole run.
    analyst = subprocess.Popen([sys.executable, "-c", ANALYST, str(db)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)

    def ask(cmd: str) -> list:
        analyst.stdin.write(cmd + "\n")
        analyst.stdin.flush()
        return json.loads(analyst.stdout.readline())

    try:
        assert json.loads(analyst.stdout.readline()) == old
        run = nightly(nights.inbox, out, popen=True)
        seen = []
        while run.poll() is None:
            # Other analysts connect during the run: each sees one whole state.
            try:
                seen.append(_state(db))
            except duckdb.Error as exc:
                pytest.fail(f"a reader could not read during the run: {exc}")
            assert ask("query") == old
            time.sleep(0.05)
        assert run.returncode == 0, run.stderr.read()[-3000:]   # not blocked by any reader
        assert len(seen) >= 10 and old in seen
        assert all(s in (old, new) for s in seen), [s for s in seen if s not in (old, new)]
        # The connection opened before the run still reads the old file, whole; so does another
        # connection made in that process while the first is open (DuckDB shares the instance).
        assert ask("query") == old
        assert ask("second") == old
        # Closing and reconnecting gives the new night.
        assert ask("reopen") == new
        assert _state(db) == new
    finally:
        analyst.stdin.close()
        analyst.wait(timeout=30)


# ---------------------------------------------------------------- 5. run history and changes

def test_a_failed_run_records_its_outcome_counts_and_a_readable_error(nights, tmp_path):
    out = copy_state(nights.base, tmp_path / "out")
    db = out / "locate.duckdb"
    failed = nightly(nights.inbox, out, fault="link-before-writes", mode="raise")
    assert failed.returncode == 1
    message = "InjectedFault: injected fault at checkpoint 'link-before-writes'"
    assert failed.stderr.strip().splitlines()[-1] == f"locate: nightly failed: {message}"
    # Everything as before, plus one row in runs.
    assert fingerprint(db, skip_tables=("runs",)) == {k: v for k, v in nights.base_fp.items() if k != "runs"}
    assert tree(out / "reports") == nights.base_reports
    runs = query(db, "SELECT * FROM runs ORDER BY started_at")
    assert runs["outcome"].to_list() == ["success", "failed"]
    row = runs.row(1, named=True)
    assert row["error"] == message
    assert row["finished_at"] >= row["started_at"] and row["duration_s"] > 0
    assert row["inbox"] == str(nights.inbox.resolve()) and str(row["as_of"]) == AS_OF
    held_rows = pl.read_parquet(nights.inbox / HELD_BACK).height
    assert row["files_seen"] == 1 and row["files_new"] == 1 and row["rows_read"] == held_rows
    assert leftovers(out) == []


def _orders_csv(rows: list[dict]) -> bytes:
    header = ["订单编号", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人", "收货手机", "收货地址",
              "下单时间", "签收时间", "实付金额", "商品类目"]
    lines = [",".join(header)] + [",".join(str(r.get(h, "")) for h in header) for r in rows]
    return ("\n".join(lines) + "\n").encode("gb18030")


def _orders_for(debtor: dict, address: str, n: int, first_order: int) -> list[dict]:
    phone = (debtor["roster_phones"] or [""])[0]
    return [{"订单编号": first_order + i, "买家ID": f"craft_{debtor['id_number'][-6:]}", "实名姓名": debtor["name"],
             "实名证件号": debtor["id_number"], "绑定手机": phone, "收货人": debtor["name"], "收货手机": phone,
             "收货地址": address, "下单时间": f"2026/11/{1 + i:02d} 10:00:00",
             "签收时间": f"2026/11/{2 + i:02d} 18:30:00", "实付金额": "88.00", "商品类目": "日用百货"}
            for i in range(n)]


def _expected_change(prev: pl.DataFrame):
    """The change label of a place, from the locations published before the run."""
    prev_ids = set(prev["id_number"])
    prev_rank = {}
    for r in prev.iter_rows(named=True):
        key = (r["id_number"], r["kind"], r["place_key"])
        prev_rank[key] = min(prev_rank.get(key, r["rank"]), r["rank"])

    def change(id_number, kind, rank, place_key):
        if id_number not in prev_ids:
            return "first_located"
        if (id_number, kind, place_key) not in prev_rank:
            return "new_place"
        if prev_rank[(id_number, kind, place_key)] > rank:
            return "moved_up"
        return None
    return change


def test_changes_since_the_last_run_in_the_view_and_the_report(nights, tmp_path):
    base_db = nights.base / "locate.duckdb"
    prev = query(base_db, "SELECT id_number, kind, rank, place_key FROM locations")
    # A debtor nobody located on night 1 ...
    newcomer = query(base_db, "SELECT id_number, name, roster_phones FROM debtors d WHERE NOT EXISTS "
                              "(SELECT 1 FROM locations l WHERE l.id_number = d.id_number) "
                              "ORDER BY id_number LIMIT 1").row(0, named=True)
    # ... and a second-ranked residence of another, closest to the first.
    runner_up = query(base_db, """
        SELECT l2.id_number, l2.place_key, d.name, d.roster_phones
        FROM locations l2 JOIN locations l1 ON l1.id_number = l2.id_number AND l1.kind = 'residence' AND l1.rank = 1
        JOIN debtors d ON d.id_number = l2.id_number
        WHERE l2.kind = 'residence' AND l2.rank = 2
        ORDER BY l1.n_observations - l2.n_observations, l2.id_number LIMIT 1""").row(0, named=True)
    address = query(base_db, """
        SELECT o.address_raw FROM observations o JOIN links k USING (obs_id)
        WHERE k.id_number = ? AND coalesce(o.place_key, o.area_key) = ? AND o.address_raw IS NOT NULL
        ORDER BY o.event_time DESC LIMIT 1""", [runner_up["id_number"], runner_up["place_key"]])["address_raw"][0]
    inbox = tmp_path / "inbox"
    shutil.copytree(nights.inbox, inbox)
    (inbox / "ecommerce" / "shopC_orders_20261127.csv").write_bytes(_orders_csv(
        _orders_for(newcomer, "浙江省杭州市西湖区古墩路701号紫金庭园3幢2单元602室", 6, 990000000001)
        + _orders_for(runner_up, address, 15, 990000000101)))
    out = copy_state(nights.base, tmp_path / "out")
    db = out / "locate.duckdb"
    summary = run_direct(str(inbox), str(db), str(out / "reports"), AS_OF)

    change = _expected_change(prev)
    now = query(db, "SELECT id_number, kind, rank, place_key FROM locations")
    expected = {(r["id_number"], r["kind"], r["rank"]): change(*r.values()) for r in now.iter_rows(named=True)}
    # The view lists exactly the places that changed, with the right label.
    view = query(db, "SELECT id_number, kind, rank, change FROM v_changes_since_last_run")
    assert {(r["id_number"], r["kind"], r["rank"]): r["change"] for r in view.iter_rows(named=True)} == \
        {k: v for k, v in expected.items() if v}
    assert summary["places_first_located"] == sum(v == "first_located" for v in expected.values())
    assert summary["places_moved_up"] == sum(v == "moved_up" for v in expected.values()) >= 1

    # The report says the same in Chinese, on every row.
    labels = {None: "", **report_writer.CHANGE_LABELS}
    kinds = {v: k for k, v in report_writer.KIND_LABELS.items()}
    roster = query(db, "SELECT case_no, id_number FROM roster_cases")
    by_case = {(r["case_no"], report_writer.mask_id(r["id_number"])): r["id_number"]
               for r in roster.iter_rows(named=True)}
    rows = [r for p in location_reports(out / "reports" / AS_OF) for r in read_report(p)]
    assert rows and all("变化" in r for r in rows)
    got = {}
    for r in rows:
        id_number = by_case[(r["案号"], r["证件号码"])]
        key = (id_number, kinds[r["类型"]], int(r["排名"]))
        assert r["变化"] == labels[expected[key]], (r, expected[key])
        got.setdefault(id_number, set()).add((key[1], key[2], r["变化"]))
    assert {c for _, _, c in got[newcomer["id_number"]]} == {"新线索"}
    assert ("residence", 1, "排名上升") in got[runner_up["id_number"]]
    moved = query(db, "SELECT place_key FROM locations WHERE id_number = ? AND kind = 'residence' AND rank = 1",
                  [runner_up["id_number"]])["place_key"][0]
    assert moved == runner_up["place_key"]

    # A run with nothing new changes nothing: the same reports, the same changes.
    before = tree(out / "reports")
    again = run_direct(str(inbox), str(db), str(out / "reports"), AS_OF)
    assert again["files_new"] == 0 and tree(out / "reports") == before


def test_the_first_run_marks_no_change(nights):
    rows = [r for p in location_reports(nights.base / "reports" / AS_OF) for r in read_report(p)]
    assert rows and {r["变化"] for r in rows} == {""}


# ---------------------------------------------------------------- 7. retention

def test_no_trace_of_people_who_are_not_debtors_after_a_run(nights):
    """Phones and addresses of non-debtors, as their platform rows wrote them, are in no table."""
    from sources import inbox as inbox_mod

    db = nights.ref / "locate.duckdb"
    truth = nights.world / "truth"
    people = pl.read_parquet(truth / "people.parquet")
    records = pl.read_parquet(truth / "records.parquet")
    debtors = people.filter(pl.col("debtor"))
    # A debtor's household shares their home and phones may cross: not strangers.
    household = set(debtors["person_key"]) | set(debtors["spouse_key"].drop_nulls())
    places = pl.read_parquet(truth / "debtors.parquet")
    debtor_places = (set(places["home_address"].drop_nulls()) | set(places["old_home_address"].drop_nulls())
                     | set(places["work_address"].drop_nulls())
                     | set(records.filter(pl.col("person_key").is_in(list(household))
                                          | pl.col("account_person_key").is_in(list(household)))
                           ["place_address"].drop_nulls()))
    strangers = set(people.filter(~pl.col("person_key").is_in(list(household))
                                  & ~pl.col("home_address").is_in(list(debtor_places))
                                  & ~pl.col("work_address").fill_null("").is_in(list(debtor_places)))["person_key"])
    # A line of an export is a stranger's when every record on it is a stranger's, at a place
    # no debtor goes to.
    lines = records.group_by("file", "line").agg(
        (pl.col("person_key").is_in(list(strangers))
         & (pl.col("account_person_key").is_null() | pl.col("account_person_key").is_in(list(strangers)))
         & ~pl.col("place_address").fill_null("").is_in(list(debtor_places))).all().alias("stranger"))
    rows, quarantined = [], []
    for f in inbox_mod.discover(nights.inbox):
        if f.source_kind in ("ecommerce", "social", "logistics") and not f.error:
            res = inbox_mod.read_file(f)
            if res.rows is not None and res.rows.height:
                rows.append(res.rows.select("file", "line", "account_phone", "person_phone", "address"))
            if res.quarantine is not None and res.quarantine.height:
                quarantined.append(res.quarantine.select("file", "line", "raw"))
    rows = pl.concat(rows).join(lines, on=["file", "line"], how="left")
    quarantined = pl.concat(quarantined).join(lines, on=["file", "line"], how="left")
    kept = query(db, "SELECT file, line FROM observations")
    kept_lines = set(zip(kept["file"], kept["line"]))

    def values(frame: pl.DataFrame) -> set[str]:
        out = set()
        for r in frame.iter_rows(named=True):
            for c in ("account_phone", "person_phone", "address"):
                v = r.get(c)
                if v:
                    out.add(v)
                    digits = re.sub(r"\D", "", v)
                    if c != "address" and len(digits) >= 11:
                        out.add(digits[-11:])          # as a phone would be stored, normalised
        return out

    # Strings that may rightly be stored: anything on a line that is not a stranger's, or on a
    # line the run kept (a link, right or wrong, is linkage's business), and the court's roster.
    is_kept = pl.struct("file", "line").map_elements(lambda s: (s["file"], s["line"]) in kept_lines,
                                                     return_dtype=pl.Boolean)
    allowed = values(rows.filter(~pl.col("stranger").fill_null(False) | is_kept))
    roster_text = "".join(p.read_text(encoding="utf-8-sig") for p in (nights.inbox / "debtors").glob("*.csv"))
    theirs = rows.filter(pl.col("stranger").fill_null(False))
    phones = {v for v in values(theirs.with_columns(pl.lit(None, pl.Utf8).alias("address")))
              if re.fullmatch(r"1\d{10}", v)}
    for raw in quarantined.filter(pl.col("stranger").fill_null(False))["raw"].drop_nulls():
        phones |= set(re.findall(r"(?<!\d)1\d{10}(?!\d)", raw))
    # Dwellings (a flat number): a market or an office tower is nobody's personal data.
    addresses = {a for a in theirs["address"].drop_nulls() if len(a) >= 12 and re.search(r"\d+室", a)}
    phones = {p for p in phones - allowed if p not in roster_text}
    addresses = {a for a in addresses - allowed - debtor_places if a not in roster_text}
    assert len(phones) > 100 and len(addresses) > 100, (len(phones), len(addresses))

    text = all_text(db)
    text["reports (CSV)"] = "".join(p.read_text(encoding="utf-8-sig") for p in (nights.ref / "reports").rglob("*.csv"))
    leaks = {t: sorted(n for n in phones | addresses if n in blob)[:5] for t, blob in text.items()}
    assert not {t: v for t, v in leaks.items() if v}, leaks
    runs = query(db, "SELECT observations_dropped FROM runs")
    assert runs["observations_dropped"].min() > 0             # only counted


def test_a_concluded_case_leaves_nothing_behind_on_the_next_run(nights, tmp_path):
    ref_db = nights.ref / "locate.duckdb"
    # A located debtor, whose every case the court now reports concluded (执行完毕).
    who = query(ref_db, """
        SELECT d.id_number FROM debtors d
        WHERE EXISTS (SELECT 1 FROM locations l WHERE l.id_number = d.id_number)
          AND EXISTS (SELECT 1 FROM locations_previous p WHERE p.id_number = d.id_number)
          AND NOT EXISTS (SELECT 1 FROM quarantine q WHERE q.raw LIKE '%' || d.id_number || '%')
        ORDER BY d.id_number LIMIT 1""")["id_number"][0]
    inbox = tmp_path / "inbox"
    shutil.copytree(nights.inbox, inbox)
    lines = []
    for p in sorted((inbox / "debtors").glob("*.csv")):
        text = p.read_text(encoding="utf-8-sig").splitlines()
        header = text[0]
        lines += [line.rsplit(",", 1)[0] + ",执行完毕" for line in text[1:] if f",{who}," in line]
    assert lines
    (inbox / "debtors" / "court_roster_20261128.csv").write_text("\ufeff" + "\n".join([header, *lines]) + "\n",
                                                                 encoding="utf-8")
    only_theirs = query(ref_db, "SELECT obs_id FROM links GROUP BY obs_id HAVING bool_and(id_number = ?)", [who])
    assert only_theirs.height > 0
    out = copy_state(nights.ref, tmp_path / "out")
    db = out / "locate.duckdb"
    run_direct(str(inbox), str(db), str(out / "reports"), AS_OF)

    assert query(db, "SELECT count(*) AS n FROM roster_cases WHERE id_number = ? AND status <> '执行完毕'",
                 [who])["n"][0] == 0
    text = all_text(db, skip_tables=("roster_cases",))
    assert not [t for t, blob in text.items() if who in blob]
    kept = set(query(db, "SELECT obs_id FROM observations")["obs_id"])
    assert not kept & set(only_theirs["obs_id"])
    masked = report_writer.mask_id(who)
    for p in (out / "reports" / AS_OF).glob("*.csv"):
        assert masked not in p.read_text(encoding="utf-8-sig")


# ---------------------------------------------------------------- 6. retries under Prefect

@pytest.mark.slow
def test_a_missing_inbox_fails_at_once_with_a_clear_message(prefect_server, tmp_path, monkeypatch):
    from pipelines.flow import nightly as flow

    calls = []
    real_begin = stages.begin
    monkeypatch.setattr(stages, "begin", lambda *a, **k: calls.append(a) or real_begin(*a, **k))
    state = flow(str(tmp_path / "no-such-inbox"), str(tmp_path / "locate.duckdb"), str(tmp_path / "reports"),
                 AS_OF, return_state=True)
    assert state.is_failed()
    with pytest.raises(FileNotFoundError, match="inbox folder not found: .*no-such-inbox"):
        state.result()
    assert len(calls) == 1, "a missing inbox must not be retried"
    assert not (tmp_path / "locate.duckdb").exists()


@pytest.mark.slow
def test_io_errors_are_retried_and_permanent_ones_fail_the_run_loudly(prefect_server, nights, tmp_path, monkeypatch):
    from prefect.artifacts import Artifact

    from pipelines.flow import nightly as flow

    # A transient I/O error while reading a file: retried, and the run succeeds.
    out = copy_state(nights.base, tmp_path / "ok")
    calls = []
    real_ingest = stages.ingest_file

    def flaky(ctx, file):
        calls.append(file["rel_name"])
        if len(calls) == 1:
            raise OSError(5, "Input/output error")
        return real_ingest(ctx, file)

    monkeypatch.setattr(stages, "ingest_file", flaky)
    summary = flow(str(nights.inbox), str(out / "locate.duckdb"), str(out / "reports"), AS_OF)
    assert calls == [HELD_BACK, HELD_BACK]
    assert fingerprint(out / "locate.duckdb", skip_tables=("runs", "reports")) == nights.ref_fp_tables
    # The run's artifacts: a summary and the coverage per court of the published database.
    md = Artifact.get("locate-nightly-summary")
    assert summary["run_id"] in md.data and "places_moved_up" in md.data
    coverage = json.loads(Artifact.get("locate-coverage-by-court").data)
    assert coverage == query(out / "locate.duckdb", "SELECT * FROM v_coverage_by_court").to_dicts()

    # A permission error is not retried: the run fails at once, recorded with its message.
    out = copy_state(nights.base, tmp_path / "denied")
    calls.clear()

    def denied(ctx):
        calls.append(1)
        raise PermissionError(13, "Permission denied", str(nights.inbox))

    monkeypatch.setattr(stages, "new_files", denied)
    with pytest.raises(PermissionError):
        flow(str(nights.inbox), str(out / "locate.duckdb"), str(out / "reports"), AS_OF)
    assert len(calls) == 1, "a permission error must not be retried"
    runs = query(out / "locate.duckdb", "SELECT outcome, error FROM runs ORDER BY started_at")
    assert runs["outcome"].to_list() == ["success", "failed"]
    assert runs["error"][-1].startswith("PermissionError: [Errno 13] Permission denied")
    assert fingerprint(out / "locate.duckdb", skip_tables=("runs",)) == \
        {k: v for k, v in nights.base_fp.items() if k != "runs"}
