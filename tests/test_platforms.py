"""A file named against the pattern takes the platform its ids come from (``sources.platforms``)."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import polars as pl

from pipelines.cli import run_direct
from sources import platforms

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples" / "inbox"
AS_OF = "2026-11-27"


def ids(accounts=(), records=()):
    return pl.DataFrame({"what": ["account"] * len(accounts) + ["record"] * len(records),
                         "id": [*accounts, *records]})


def known(**by_platform):
    rows = [(p, w, i) for p, f in by_platform.items() for w, i in f.iter_rows()]
    return pl.DataFrame(rows, schema=["platform", "what", "id"], orient="row")


def test_new_orders_of_known_buyers_are_their_platforms():
    shop_a = ids(accounts=[f"B{i}" for i in range(10)], records=[f"O{i}" for i in range(10)])
    shop_b = ids(accounts=[f"C{i}" for i in range(10)], records=[f"P{i}" for i in range(10)])
    # Six of eight buyers are shopA's, none of the (new) order numbers anyone's.
    f = ids(accounts=["B1", "B2", "B3", "B4", "B5", "B6", "X1", "X2"], records=[f"N{i}" for i in range(20)])
    assert platforms.attribute(f, known(shopA=shop_a, shopB=shop_b)) == ("shopA", 0.75)


def test_a_resent_file_is_its_platforms_by_its_record_ids():
    shop_a = ids(records=[f"O{i}" for i in range(10)])
    assert platforms.attribute(ids(records=["O1", "O2", "O3", "O4"]), known(shopA=shop_a)) == ("shopA", 1.0)


def test_no_platform_stands_out():
    shop_a = ids(accounts=[f"B{i}" for i in range(10)])
    shop_b = ids(accounts=[f"B{i}" for i in range(5, 15)])      # the same buyer ids on both
    assert platforms.attribute(ids(accounts=["B5", "B6", "B7", "B8"]), known(shopA=shop_a, shopB=shop_b))[0] is None
    # Too few ids prove nothing; a file mostly of unknown ids stays its own platform.
    assert platforms.attribute(ids(accounts=["B1", "B2"]), known(shopA=shop_a))[0] is None
    assert platforms.attribute(ids(accounts=["B1", "B2", "B3", "Z1", "Z2", "Z3", "Z4"]), known(shopA=shop_a))[0] is None
    # Accounts of one platform and order numbers of another: no answer.
    mixed = known(shopA=ids(accounts=["B1", "B2", "B3"]), shopB=ids(records=["O1", "O2", "O3"]))
    assert platforms.attribute(ids(accounts=["B1", "B2", "B3"], records=["O1", "O2", "O3"]), mixed)[0] is None


def _night(tmp: Path, extra: dict[str, bytes]) -> Path:
    inbox = tmp / "inbox"
    shutil.copytree(SAMPLES, inbox)
    for name, data in extra.items():
        (inbox / name).write_bytes(data)
    db = tmp / "locate.duckdb"
    run_direct(str(inbox), str(db), str(tmp / "reports"), AS_OF)
    return db


def test_a_resent_file_under_another_name_adds_nothing(tmp_path):
    """shopB's export re-sent as '导出数据(3).csv': its orders are shopB's, seen already."""
    ref = _night(tmp_path / "ref", {})
    # Not the same bytes (those are skipped by their hash): its first two thirds, CRLF.
    lines = (SAMPLES / "ecommerce" / "shopB_orders_20261127.csv").read_bytes().splitlines()
    resent = b"\r\n".join(lines[: 1 + 2 * (len(lines) - 1) // 3]) + b"\r\n"
    db = _night(tmp_path / "resent", {"ecommerce/导出数据(3).csv": resent})
    q = ("SELECT platform, count(*) FROM observations WHERE source_kind = 'ecommerce' GROUP BY 1 ORDER BY 1")
    with duckdb.connect(str(ref), read_only=True) as a, duckdb.connect(str(db), read_only=True) as b:
        assert a.execute(q).fetchall() == b.execute(q).fetchall()
        assert a.execute("SELECT count(*) FROM violations").fetchone() == b.execute(
            "SELECT count(*) FROM violations").fetchone()
        platform, warnings = b.execute("SELECT platform, warnings FROM ingested_files "
                                       "WHERE file = 'ecommerce/导出数据(3).csv'").fetchone()
    assert platform == "shopB" and "platform taken as 'shopB'" in warnings
    # The samples' own misnamed export holds new orders of shopA's buyers.
    with duckdb.connect(str(ref), read_only=True) as a:
        assert a.execute("SELECT platform FROM ingested_files WHERE file LIKE 'ecommerce/订单导出%'").fetchone() \
            == ("shopA",)


def test_a_roster_named_without_underscore_is_read_as_a_roster(tmp_path):
    """Rosters have no platform: a roster file named 'roster-other-20261127.csv' (inputs.md
    asks only for debtors/*.csv) is read like any other, next to a misnamed platform file."""
    ref = _night(tmp_path / "ref", {})
    inbox = tmp_path / "misnamed" / "inbox"
    shutil.copytree(SAMPLES, inbox)
    (inbox / "debtors" / "hyfy_roster_20261127.csv").rename(inbox / "debtors" / "roster-other-20261127.csv")
    db = tmp_path / "misnamed" / "locate.duckdb"
    run_direct(str(inbox), str(db), str(tmp_path / "misnamed" / "reports"), AS_OF)
    q = "SELECT count(*), count(DISTINCT id_number) FROM {}"
    with duckdb.connect(str(ref), read_only=True) as a, duckdb.connect(str(db), read_only=True) as b:
        for table in ("debtors", "locations", "violations"):
            assert a.execute(q.format(table)).fetchone() == b.execute(q.format(table)).fetchone()
        ledger = "SELECT rows_read, rows_kept, rows_quarantined, coalesce(warnings, '') FROM ingested_files WHERE file = ?"
        before = a.execute(ledger, ["debtors/hyfy_roster_20261127.csv"]).fetchone()
        after = b.execute(ledger, ["debtors/roster-other-20261127.csv"]).fetchone()
    assert after == before and before[1] > 0
    assert "platform" not in after[3]
