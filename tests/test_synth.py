"""Tests for the synthetic sample-world generator (synth/)."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq
import pytest

from synth import cli_main, generate, id_checksum, id_valid, make_uscc, uscc_valid
from synth.render import ORDER_COLUMNS, ROSTER_COLUMNS, WAYBILL_COLUMNS

SOCIAL_KEYS = {"uid", "nickname", "real_name", "id_no", "phone", "profile_region", "logins", "geo_posts"}


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("synth300")
    return out, generate(out, 300, 7)


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# ----------------------------------------------------------------------------- ids
def test_id_checksum_known_values():
    assert id_checksum("11010519491231002") == "X"      # the textbook example 11010519491231002X
    assert id_checksum("44052418800101001") == "4"
    assert id_valid("11010519491231002x")
    assert not id_valid("110105194912310021")
    with pytest.raises(ValueError):
        id_checksum("1234")


def test_uscc_checksum():
    code = make_uscc("330603", "12345678")
    assert len(code) == 18 and code.startswith("91330603") and uscc_valid(code)
    assert uscc_valid("91350100M000100Y43")              # a commonly cited valid example


def test_all_ids_valid(world):
    out, _ = world
    deb = pl.read_parquet(out / "truth/debtors.parquet")
    persons = deb.filter(pl.col("kind") == "person")["id_number"].to_list()
    orgs = deb.filter(pl.col("kind") == "org")["id_number"].to_list()
    assert persons and orgs
    assert all(id_valid(x) for x in persons)
    assert all(uscc_valid(x) for x in orgs)
    people = pl.read_parquet(out / "truth/people.parquet")
    assert all(id_valid(x) for x in people["id_number"].to_list())
    assert people["id_number"].n_unique() == people.height
    births = [int(x[6:10]) for x in people["id_number"].to_list()]
    assert 1955 <= min(births) and max(births) <= 2004


# ----------------------------------------------------------------------------- determinism
def test_deterministic_by_seed(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    sa = generate(a, 40, 3)
    sb = generate(b, 40, 3)
    generate(c, 40, 4)
    fa, fb, fc = _files(a), _files(b), _files(c)
    assert fa == fb
    assert fa != fc
    assert {k: v for k, v in sa.items() if k != "out_dir"} == {k: v for k, v in sb.items() if k != "out_dir"}


def test_deterministic_across_processes(tmp_path):
    """Hash randomisation must not leak into the output."""
    generate(tmp_path / "here", 30, 11)
    env = dict(os.environ, PYTHONHASHSEED="987")
    code = f"from synth import cli_main; cli_main(['--out', {str(tmp_path / 'there')!r}, '--debtors', '30', '--seed', '11'])"
    subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True)
    assert _files(tmp_path / "here") == _files(tmp_path / "there")


def test_cli_main(tmp_path, capsys):
    assert cli_main(["--out", str(tmp_path), "--debtors", "25", "--seed", "1", "--as-of", "2026-06-30"]) == 0
    assert (tmp_path / "inbox/debtors/court_roster_20260630.csv").exists()
    assert '"debtors": 25' in capsys.readouterr().out


# ----------------------------------------------------------------------------- formats
def _csv_rows(path: Path, encoding: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode(encoding), newline="")))


def test_roster_format(world):
    out, s = world
    files = sorted((out / "inbox/debtors").glob("*.csv"))
    assert len(files) == 2
    for f in files:
        raw = f.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = _csv_rows(f, "utf-8-sig")
        assert rows[0] == ROSTER_COLUMNS
        good = [r for r in rows[1:] if len(r) == 13]
        assert len(rows) - 1 - len(good) <= 2                     # a few ragged (dirty) rows only
        for r in good:
            assert r[4] in ("居民身份证", "统一社会信用代码")
            assert r[12] in ("执行中", "终本", "执行完毕")
            assert r[10] in ("是", "否") and r[11] in ("是", "否")
    all_rows = [r for f in files for r in _csv_rows(f, "utf-8-sig")[1:] if len(r) == 13]
    assert any(r[5].endswith("x") for r in all_rows) or not any(r[5].upper().endswith("X") for r in all_rows)
    assert any("," in r[8] for r in all_rows)                     # thousands separators
    assert any(r[6] == "" for r in all_rows)
    assert any(any(sep in r[6] for sep in ";；、,") for r in all_rows)
    statuses = Counter(r[12] for r in all_rows)
    assert statuses["执行完毕"] > 0 and statuses["终本"] > 0 and statuses["执行中"] > 0


def test_ecommerce_format(world):
    out, s = world
    ec = out / "inbox/ecommerce"
    for plat in ("shopA", "shopB"):
        f = ec / f"{plat}_orders_20261127.csv"
        rows = _csv_rows(f, "gb18030")
        assert rows[0] == ORDER_COLUMNS
        good = [r for r in rows[1:] if len(r) == 12]
        assert len(good) > 0.99 * (len(rows) - 1)
        assert any("*" in r[2] for r in good) and any(r[3] == "" for r in good)
        assert any(r[9] == "" for r in good)                     # undelivered
        df = pl.read_csv(f, encoding="gb18030", infer_schema=False, truncate_ragged_lines=True)
        assert df.columns == ORDER_COLUMNS
    # the dirty ecommerce files
    assert (ec / "shopB_orders_20261126.csv").stat().st_size == 0
    wrong = (ec / "shopB_orders_20261125.csv").read_bytes()
    wrong.decode("utf-8")
    with pytest.raises(UnicodeDecodeError):
        wrong.decode("gb18030")
    bad_names = [p.name for p in ec.iterdir() if "_" not in p.name]
    assert len(bad_names) == 1
    prev = _csv_rows(ec / "shopA_orders_20261126.csv", "gb18030")[1:]
    main_ids = {r[0] for r in _csv_rows(ec / "shopA_orders_20261127.csv", "gb18030")[1:]}
    assert sum(r[0] in main_ids for r in prev) == s["dirty_by_file"]["ecommerce/shopA_orders_20261126.csv"]["duplicate_resent"]
    # truncated last line: no line terminator at the end
    assert not (ec / "shopA_orders_20261127.csv").read_bytes().endswith(b"\r\n")


def test_social_format(world):
    out, _ = world
    f = out / "inbox/social/wb_accounts_20261127.jsonl"
    ok, bad = 0, 0
    for line in f.read_text(encoding="utf-8").splitlines():
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            bad += 1
            continue
        ok += 1
        extra = set(obj) - SOCIAL_KEYS
        assert extra <= {"vip_level", "_export_note"}
        for lg in obj.get("logins") or []:
            assert set(lg) == {"ts", "ip", "ip_region"}
        for gp in obj.get("geo_posts") or []:
            assert set(gp) == {"ts", "poi", "address"}
            assert gp["ts"].endswith("+08:00")
    assert ok > 100 and 2 <= bad <= 5


def test_logistics_format(world):
    out, _ = world
    files = sorted((out / "inbox/logistics").glob("*.parquet"))
    assert {f.name.split("_")[0] for f in files} == {"sf", "zto"}
    for f in files:
        t = pq.read_table(f)
        assert t.column_names == WAYBILL_COLUMNS
        assert str(t.schema.field("pickup_time").type) == "timestamp[us]"
        assert str(t.schema.field("sign_time").type) == "timestamp[us]"
        df = pl.from_arrow(t)
        st = df.filter(pl.col("sign_time").is_not_null())["sign_type"]
        assert st.null_count() == 0
        assert set(st.unique().to_list()) <= {"本人签收", "家人代签", "快递柜", "驿站代收", "门卫代收"}
        signed = df.filter(pl.col("sign_time").is_not_null())
        lockers = signed.filter(pl.col("receiver_address").str.contains("丰巢"))
        stations = signed.filter(pl.col("receiver_address").str.contains("驿站"))
        assert lockers.height and (lockers["sign_type"] == "快递柜").all()
        assert stations.height and (stations["sign_type"] == "驿站代收").all()


# ----------------------------------------------------------------------------- truth
def test_truth_consistency(world):
    out, s = world
    deb = pl.read_parquet(out / "truth/debtors.parquet")
    rec = pl.read_parquet(out / "truth/records.parquet")
    assert deb.height == 300 and deb["id_number"].n_unique() == 300
    # every open person in the (clean rows of the) roster is in the truth, marked open
    open_ids = set()
    for f in sorted((out / "inbox/debtors").glob("*.csv")):
        for r in _csv_rows(f, "utf-8-sig")[1:]:
            if len(r) == 13 and r[4] == "居民身份证" and r[12] in ("执行中", "终本"):
                open_ids.add(r[5].strip().upper())
    truth_open = set(deb.filter((pl.col("kind") == "person") & pl.col("open"))["id_number"].to_list())
    assert open_ids <= truth_open
    persons = deb.filter(pl.col("kind") == "person")
    # absent debtors leave no record at all
    absent = set(persons.filter(pl.col("absent"))["id_number"].to_list())
    assert absent and not (absent & set(rec["true_id_number"].drop_nulls().to_list()))
    assert 0.08 < len(absent) / persons.height < 0.25
    present = set(persons.filter(~pl.col("absent"))["id_number"].to_list())
    assert present <= set(rec["true_id_number"].drop_nulls().to_list())
    # records only point at roster people
    assert set(rec["true_id_number"].drop_nulls().to_list()) <= set(persons["id_number"].to_list())
    # has_home_delivery is backed by a delivered record (or check-in) at the current home
    home_hits = rec.filter(
        (pl.col("place_kind") == "home") & (pl.col("delivered") | (pl.col("item") == "geo_post"))
    ).join(persons.select(pl.col("id_number").alias("true_id_number"), "home_address"), on="true_id_number")
    assert (home_hits["place_address"] == home_hits["home_address"]).all()
    with_home = set(persons.filter(pl.col("has_home_delivery"))["id_number"].to_list())
    assert with_home <= set(home_hits["true_id_number"].to_list())
    # shape of the population
    assert 0.15 < persons["old_home_address"].is_not_null().mean() < 0.35
    assert 0.3 < persons["work_address"].is_not_null().mean() < 0.5
    assert persons.filter(pl.col("home_province") != "浙江省").height > 0
    assert s["non_debtor_people"] >= 5 * persons.height
    orgs = deb.filter(pl.col("kind") == "org")
    assert 0.05 < orgs.height / deb.height < 0.11
    assert persons.filter(~pl.col("open")).height > 0              # some concluded in all cases
    assert persons["uses_spouse_account"].sum() > 0
    assert persons.filter(pl.col("n_old_home") > pl.col("n_home")).height > 0


def test_namesakes_exist(world):
    out, _ = world
    people = pl.read_parquet(out / "truth/people.parquet")
    groups = people.group_by("name", "home_city").agg(pl.len().alias("n"), pl.col("debtor").sum().alias("d"))
    assert groups.filter(pl.col("n") >= 2).height > 0
    assert groups.filter((pl.col("n") >= 2) & (pl.col("d") >= 1)).height > 0   # a debtor has a namesake in town


def test_phones_use_real_prefixes(world):
    from linkage.gazetteer import mobile_prefixes

    out, _ = world
    prefixes = set(mobile_prefixes()["prefix7"].to_list())
    people = pl.read_parquet(out / "truth/people.parquet")
    phones = [p for lst in people["phones"].to_list() for p in lst]
    assert all(len(p) == 11 and p[:7] in prefixes for p in phones)


def test_summary_dirty_counts(world):
    _, s = world
    for kind in ("missing_columns", "extra_columns", "bad_date", "bad_amount", "formula", "long_string",
                 "control_chars", "not_json", "truncated_last_line", "duplicate_resent", "wrong_encoding",
                 "bad_filename", "empty_file"):
        assert s["dirty"].get(kind, 0) > 0, kind
    total = Counter()
    for c in s["dirty_by_file"].values():
        total.update(c)
    assert dict(total) == s["dirty"]


def test_size_is_modest(world):
    out, _ = world
    size = sum(p.stat().st_size for p in (out / "inbox").rglob("*") if p.is_file())
    assert size < 8_000_000
