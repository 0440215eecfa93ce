"""Streaming ingest (issue 4): the adapters read files in chunks and in bounded memory,
with shortcuts for the clean bulk of a file.  What holds:

* how a file is cut into chunks (and blocks) changes nothing: rows, quarantine rows,
  counts and warnings are the same for any chunk size, duplicates are found across chunks;
* every shortcut gives what the general code gives (social lines decoded by DuckDB vs the
  Python reader, dates tried format by format, amounts, line splitting, the time parser);
* ``stages.ingest_file`` writes the streamed chunks into its parquet files and drops them
  when the file turns out unreadable.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import stat
from dataclasses import asdict
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines import stages
from sources import common, ecommerce, inbox, logistics, roster, social
from test_hostile import (account_like, csv_file, ec_good, good_addrs, good_names, junk_bytes, junk_text,
                          parquet_table, ro_good, so_good)

FUZZ = settings(max_examples=int(os.environ.get("LOCATE_FUZZ_EXAMPLES", "40")), deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.data_too_large, HealthCheck.large_base_example])


def same(a, b, what=""):
    assert a.rows.equals(b.rows), (what, a.rows, b.rows)
    assert a.quarantine.equals(b.quarantine), (what, a.quarantine.to_dicts(), b.quarantine.to_dicts())
    for k in ("rows_read", "rows_kept", "rows_quarantined", "error", "warnings"):
        assert getattr(a, k) == getattr(b, k), (what, k, getattr(a, k), getattr(b, k))


def read_chunked(mod, path, kind, chunk_rows, monkeypatch, block_bytes=None):
    if block_bytes:
        monkeypatch.setattr(common, "BLOCK_BYTES", block_bytes)
    try:
        return mod.read(path, rel_name=f"{kind}/{path.name}", platform="p", chunk_rows=chunk_rows)
    finally:
        monkeypatch.setattr(common, "BLOCK_BYTES", 4 << 20)


# --------------------------------------------------------------------------- chunk sizes


@FUZZ
@given(csv_file(ecommerce.COLUMNS, ecommerce.OPTIONAL, ec_good, ["gb18030", "utf-8", "utf-8-sig"]),
       st.integers(1, 4), st.sampled_from([None, 7, 64]), st.randoms(use_true_random=False))
def test_ecommerce_chunks_change_nothing(tmp_path_factory, monkeypatch, case, chunk, block, rnd):
    data, _, _ = case
    lines = data.split(b"\n")
    if len(lines) > 3:      # some order ids again further down: duplicates across chunks
        lines += [lines[rnd.randrange(1, len(lines))] for _ in range(3)]
    path = tmp_path_factory.mktemp("ec") / "p_orders_20261127.csv"
    path.write_bytes(b"\n".join(lines))
    whole = ecommerce.read(path, rel_name=f"ecommerce/{path.name}", platform="p")
    same(whole, read_chunked(ecommerce, path, "ecommerce", chunk, monkeypatch, block), (chunk, block))


@FUZZ
@given(csv_file(roster.COLUMNS, roster.OPTIONAL, ro_good, ["utf-8-sig", "utf-8", "gb18030"]),
       st.integers(1, 4), st.sampled_from([None, 5, 50]))
def test_roster_chunks_change_nothing(tmp_path_factory, monkeypatch, case, chunk, block):
    data, _, _ = case
    path = tmp_path_factory.mktemp("ro") / "r.csv"
    path.write_bytes(data + data.split(b"\n", 1)[-1])          # every record twice
    whole = roster.read(path, rel_name=f"debtors/{path.name}", platform="p")
    same(whole, read_chunked(roster, path, "debtors", chunk, monkeypatch, block), (chunk, block))


@FUZZ
@given(st.lists(st.one_of(
    st.tuples(st.just("good"), good_names, good_addrs),
    st.tuples(st.just("again"), st.integers(0, 30)),
    st.tuples(st.just("json"), account_like),
    st.tuples(st.just("text"), junk_text),
    st.tuples(st.just("bytes"), junk_bytes),
), max_size=30), st.booleans(), st.integers(1, 4), st.sampled_from([None, 9, 200]))
def test_social_chunks_change_nothing(tmp_path_factory, monkeypatch, items, final_eol, chunk, block):
    lines = []
    for i, item in enumerate(items):
        if item[0] == "good":
            lines.append(json.dumps(so_good(i, item[1], item[2]), ensure_ascii=False).encode())
        elif item[0] == "again":
            lines.append(json.dumps({"uid": f"u{item[1]}", "phone": "13857101115"}).encode())
        elif item[0] == "json":
            lines.append(json.dumps(item[1], ensure_ascii=False).encode("utf-8", "replace"))
        elif item[0] == "text":
            lines.append(item[1].replace("\n", " ").encode("utf-8", "replace"))
        else:
            lines.append(item[1])
    path = tmp_path_factory.mktemp("so") / "s_accounts_20261127.jsonl"
    path.write_bytes(b"\n".join(lines) + (b"\n" if final_eol else b""))
    whole = social.read(path, rel_name=f"social/{path.name}", platform="p")
    same(whole, read_chunked(social, path, "social", chunk, monkeypatch, block), (chunk, block))


@FUZZ
@given(parquet_table(), st.integers(1, 4))
def test_logistics_chunks_change_nothing(tmp_path_factory, case, chunk):
    table, _, row_group_size = case
    if table.num_rows > 2:   # a waybill again at the end: a duplicate in a later chunk
        table = pa.concat_tables([table, table.slice(0, 2)])
    path = tmp_path_factory.mktemp("lo") / "c_waybills_20261127.parquet"
    pq.write_table(table, path, row_group_size=row_group_size)
    whole = logistics.read(path, rel_name=f"logistics/{path.name}", platform="p")
    same(whole, logistics.read(path, rel_name=f"logistics/{path.name}", platform="p", chunk_rows=chunk), chunk)


quoted_cells = st.lists(st.one_of(
    junk_text, st.sampled_from(['"1,234.50"', '""', '"a"', '"a""b"', '"a"b', 'a"b', ' "a"', '"a" ', '"杭州,西湖"',
                                '"=1+1"', '"\t"', '"x\ry"', '"合计"'])), min_size=1, max_size=14)


@FUZZ
@given(st.lists(quoted_cells, max_size=25), st.sampled_from(["gb18030", "utf-8"]), st.booleans(),
       st.lists(st.booleans(), min_size=12, max_size=12))
def test_lines_with_quoted_fields_read_as_the_csv_module_does(tmp_path_factory, monkeypatch, rows, enc, final_eol,
                                                              quote_header):
    """Lines like a,"b,c",d are read by polars; the csv module (the reader for every other
    line with a quote) must give the same records."""
    header = ",".join(f'"{c}"' if q else c for c, q in zip(ecommerce.COLUMNS, quote_header))
    text = "\r\n".join([header] + [",".join(r) for r in rows] + ([header] if rows else []))
    path = tmp_path_factory.mktemp("q") / "p_orders_20261127.csv"
    path.write_bytes((text + ("\r\n" if final_eol else "")).encode(enc, "replace"))
    fast = ecommerce.read(path, rel_name="ecommerce/" + path.name, platform="p")
    monkeypatch.setattr(common, "_SIMPLE_QUOTED_RE", r"^\b\B$")      # matches nothing: csv for all
    try:
        slow = ecommerce.read(path, rel_name="ecommerce/" + path.name, platform="p")
    finally:
        monkeypatch.undo()
    same(fast, slow)


def test_duplicates_across_chunks_name_the_first_line(tmp_path):
    from test_sources import EC_HEADER, csv_line, ec_row
    rows = [ec_row(oid=f"O{i}") for i in range(10)] + [ec_row(oid="O3"), ec_row(oid="O9"), ec_row(oid="O3")]
    p = tmp_path / "shopA_orders_20261127.csv"
    p.write_bytes(("\r\n".join([csv_line(EC_HEADER)] + [csv_line(r) for r in rows]) + "\r\n").encode("gb18030"))
    res = ecommerce.read(p, rel_name="ecommerce/" + p.name, platform="shopA", chunk_rows=2)
    assert res.rows["record_id"].to_list() == [f"O{i}" for i in range(10)]
    assert dict(zip(res.quarantine["line"], res.quarantine["reason"])) == {
        12: "duplicate 订单编号 within file (first on line 5)",
        13: "duplicate 订单编号 within file (first on line 11)",
        14: "duplicate 订单编号 within file (first on line 5)"}


def test_a_record_over_a_chunk_boundary_is_one_record(tmp_path):
    from test_sources import EC_HEADER, csv_line, ec_row
    rows = [ec_row(oid="O1"), ec_row(oid="O2", addr="杭州\n西湖\n文三路"), ec_row(oid="O3")]
    p = tmp_path / "shopA_orders_20261127.csv"
    p.write_bytes(("\r\n".join([csv_line(EC_HEADER)] + [csv_line(r) for r in rows]) + "\r\n").encode("gb18030"))
    for chunk in (1, 2, 3):
        res = ecommerce.read(p, rel_name="ecommerce/" + p.name, platform="shopA", chunk_rows=chunk)
        assert res.rows["line"].to_list() == [2, 3, 6] and res.rows["address"][1] == "杭州 西湖 文三路"


# --------------------------------------------------------------------------- social fast path

TRICKY_LINES = [
    '{"uid": "a", "uid": "b"}',                                   # Python keeps the last
    '{"uid": "a", "logins": [{"ts": "2026-11-20T21:33:00+08:00", "ts": "x"}]}',
    '{"uid": "\\ud83d\\ude00"}', '{"uid": "a\\u0000b"}', '{"uid": "a\\u001fb"}',
    '{"uid": "\\u00e9\\/\\b\\f\\n\\r\\t\\"\\\\"}', '{"uid": 5}', '{"uid": 5.0}', '{"uid": true}',
    '{"uid": NaN}', '{"uid": "a", "phone": Infinity}', '{"uid": "a", "x": 1}', '{"uid": "a", "x": {"y": [1]}}',
    '{"uid": "a", "logins": [{"ts": 1795786380}]}', '{"uid": "a", "logins": [null]}', '{"uid": "a", "logins": {}}',
    '{"uid": "a", "geo_posts": [{"poi": "p", "address": "杭州市西湖区p"}], "logins": [{"ip": "1"}, {}]}',
    '{"uid": "a", "logins": [{"ip_region": "浙江", "ts": "2026-11-20T21:33:00Z"}]}',   # keys out of order
    '{"uid":"a","nickname":"uid"}', '  {"uid" : "a" }  ', '{"uid": "a"}x', '{"uid": "a",}', '[{"uid": "a"}]',
    '{"uid": "a\x01"}', '{"uid": "\u2028\u00a0\ufeff"}', '\ufeff{"uid": "bom"}', '{}', '{"uid": ""}',
    '{"uid": "a", "logins": [], "geo_posts": null, "real_name": null}', '{"uid": "=cmd"}',
    '{"uid": "a", "geo_posts": [{"ts": "9999-12-31T23:59:59-12:00"}]}', '{"uid": "a", "logins": [{"ts": "2026-13-01T00:00:00+08:00"}]}',
]

json_scalar = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=False),
                        st.text(st.characters(blacklist_categories=("Cs",)), max_size=12),
                        st.sampled_from(["2026-11-20T21:33:00+08:00", "2026/11/20 21:33:00", "=1+1", "+86 138"]))
event = st.dictionaries(st.sampled_from(["ts", "ip", "ip_region", "poi", "address", "x"]), json_scalar, max_size=5)
line_obj = st.dictionaries(
    st.sampled_from(["uid", "nickname", "real_name", "id_no", "phone", "profile_region", "logins", "geo_posts", "y"]),
    st.one_of(json_scalar, st.lists(event, max_size=3), st.lists(json_scalar, max_size=2)), max_size=8)


plain_text = st.one_of(st.none(), st.text(st.characters(blacklist_categories=("Cs",)), max_size=10),
                       st.sampled_from(["2026-11-20T21:33:00+08:00", "=1+1", "杭州市西湖区文三路1号", " a ", ""]))


@st.composite
def plain_event(draw):
    keys = [k for k in social._EVENT_KEYS if draw(st.booleans())]     # the order the fast path takes
    return {k: draw(plain_text) for k in keys}


plain_obj = st.fixed_dictionaries({}, optional={
    **{k: plain_text for k in social.ACC_COLS},
    "logins": st.one_of(st.none(), st.lists(plain_event(), max_size=3)),
    "geo_posts": st.one_of(st.none(), st.lists(plain_event(), max_size=3))})


def _social_both_ways(path, monkeypatch):
    fast = social.read(path, rel_name="social/" + path.name, platform="p")
    monkeypatch.setattr(social, "_json_connection", lambda: None)
    try:
        slow = social.read(path, rel_name="social/" + path.name, platform="p")
    finally:
        monkeypatch.undo()
    return fast, slow


def test_social_fast_path_matches_python_on_tricky_lines(tmp_path, monkeypatch):
    path = tmp_path / "s_accounts_20261127.jsonl"
    lines = [line.replace('"a"', f'"a{i}"') for i, line in enumerate(TRICKY_LINES)]
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
    fast, slow = _social_both_ways(path, monkeypatch)
    same(fast, slow)
    assert fast.rows_kept > 10


def test_a_lone_surrogate_escape_quarantines_its_line_only(tmp_path, monkeypatch):
    # Python's JSON reader gives a string no column can hold; the fast path leaves such a
    # line to it, and with or without the fast path that line alone is quarantined
    folder = tmp_path / "social"
    folder.mkdir()
    (folder / "s_accounts_20261127.jsonl").write_text(
        '{"uid": "a"}\n{"uid": "\\ud800x"}\n{"uid": "b", "real_name": "\\ud83d\\ude00"}\n')
    (f,) = inbox.discover(tmp_path)
    fast = inbox.read_file(f)
    monkeypatch.setattr(social, "_json_connection", lambda: None)
    slow = inbox.read_file(f)
    for res in (fast, slow):
        assert res.error is None and res.rows_read == 3 and res.rows_kept == 2
        assert res.quarantine["line"].to_list() == [2] and "surrogate" in res.quarantine["reason"][0]


@FUZZ
@given(st.lists(line_obj, max_size=20), st.booleans(), st.sampled_from([", ", ",", " , "]))
def test_social_fast_path_matches_python(tmp_path_factory, monkeypatch, objs, ascii_only, sep):
    path = tmp_path_factory.mktemp("fast") / "s_accounts_20261127.jsonl"
    path.write_text("\n".join(json.dumps(o, ensure_ascii=ascii_only, separators=(sep, ": ")) for o in objs),
                    encoding="utf-8", errors="surrogatepass")
    fast, slow = _social_both_ways(path, monkeypatch)
    same(fast, slow)


@FUZZ
@given(st.lists(plain_obj, min_size=1, max_size=20), st.booleans(), st.integers(0, 10**6))
def test_social_fast_path_matches_python_on_plain_lines(tmp_path_factory, monkeypatch, objs, ascii_only, salt):
    # lines the fast path takes (most of them): uids made unique, some repeated on purpose
    objs = [o | ({"uid": f"u{(salt + i) % 7}"} if "uid" in o else {}) for i, o in enumerate(objs)]
    lines = [json.dumps(o, ensure_ascii=ascii_only) for o in objs]
    path = tmp_path_factory.mktemp("plain") / "s_accounts_20261127.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    taken = pl.Series(lines).str.contains(social._FAST_LINE).to_list()
    # a line without an escape of a control character or a surrogate takes it
    assert all(t for t, x in zip(taken, lines) if not re.search(r"\\u00[01]|\\ud[89a-f]", x))
    fast, slow = _social_both_ways(path, monkeypatch)
    same(fast, slow)


def test_plain_export_lines_take_the_fast_path():
    line = json.dumps(so_good(1, "茹某明", "绍兴市柯桥区笛扬路金色家园") | {"logins": [
        {"ts": "2026-11-20T21:33:00+08:00", "ip": "115.236.10.7", "ip_region": "浙江省绍兴市"}]}, ensure_ascii=False)
    assert pl.Series([line]).str.contains(social._FAST_LINE)[0]
    for bad in ('{"uid": 5}', '{"uid": "a", "x": "y"}', '{"logins": [{"ip": "1", "ts": "2"}]}', '{"uid": "\\ud800"}'):
        assert not pl.Series([bad]).str.contains(social._FAST_LINE)[0], bad


# --------------------------------------------------------------------------- shortcuts


def _parse_text_times_reference(s: pl.Series) -> pl.Series:
    """The time parser before the format-by-format shortcut (sources/common.py at 00edc97)."""
    name = s.name
    df = pl.DataFrame({name: s})
    naive = df.select(common.parse_datetime_expr(name)).to_series()
    aware = df.select(pl.coalesce([pl.col(name).str.strptime(pl.Datetime("us", "UTC"), f, strict=False)
                                   for f in common._AWARE_FORMATS])).to_series()
    aware = aware.dt.convert_time_zone("Asia/Shanghai").dt.replace_time_zone(None)
    out = pl.select(pl.coalesce(naive, aware.cast(pl.Datetime("us")))).to_series()
    out = pl.select(pl.when(out.is_between(common._MIN_TIME, common._MAX_TIME)).then(out)).to_series()
    vals, raw = out.to_list(), s.to_list()
    for i in (out.is_null() & s.is_not_null()).arg_true().to_list():
        try:
            vals[i] = common.parse_timestamp_py(raw[i])
        except (ValueError, OverflowError, OSError):
            vals[i] = None
    return pl.Series(name, vals, dtype=pl.Datetime("us"))


def _iso_like(rnd: random.Random) -> str:
    d = lambda n: "".join(rnd.choice("0123456789") for _ in range(n))   # noqa: E731
    year = rnd.choice([d(4), "2026", "1988", "0001", "9999", "1900"])
    sign = rnd.choice("+-")
    return f"{year}-{d(2)}-{d(2)}T{d(2)}:{d(2)}:{d(2)}{sign}{d(2)}:{rnd.choice(['00', '30', d(2)])}"


def test_time_parser_shortcuts_give_the_general_result():
    rnd = random.Random(4)
    values = [_iso_like(rnd) for _ in range(3000)] + [
        "2026-11-20T21:33:00+08:00", "2026-11-20T21:33:00Z", "2026-11-20T21:33:00.250+08:00",
        "2026-11-20 21:33:00+08:00", "2026/11/20 21:33:00", "20261120213300", "２０２６/１１/２０ ２１:３３:００",
        "1988-06-01T12:00:00+08:00", "1700000000", "1700000000000", "", None, "x", "9999-12-31T23:59:59-12:00",
        "0001-01-01T00:00:00+14:00", "2026-11-20T21:33:00+0800", "2026-02-30T10:00:00+08:00"]
    s = pl.Series("ts", values, dtype=pl.Utf8)
    assert common.parse_text_times(s).equals(_parse_text_times_reference(s))
    mixed = pl.Series("ts", [v for v in values if v and "T" in v][:50] + ["2026/11/20 21:33:00"] * 3)
    assert common.parse_text_times(mixed).equals(_parse_text_times_reference(mixed))


def test_digit_strings_read_alike_vectorised_and_in_python():
    # polars reads the 14-digit ones, Python the others (Unix times, YYYYMMDD): the same
    # values, and nothing but 8, 10, 13 or 14 digits is a time
    rnd = random.Random(6)
    values = ["".join(rnd.choice("0123456789") for _ in range(rnd.randint(1, 20))) for _ in range(3000)]
    start = dt.datetime(1, 1, 2)
    for _ in range(1000):
        t = start + dt.timedelta(seconds=rnd.randrange(int((dt.datetime(9999, 12, 29) - start).total_seconds())))
        values += [f"{t.year:04d}{t:%m%d%H%M%S}", f"{t.year:04d}{t:%m%d}"]
    got = common.parse_text_times(pl.Series("ts", values)).to_list()
    for v, g in zip(values, got):
        try:
            want = common.parse_timestamp_py(v)
        except (ValueError, OverflowError, OSError):
            want = None
        assert g == want, v
        if len(v) not in (8, 10, 13, 14):
            assert g is None, v
    assert all(g is not None for g in got[3000:])


def test_date_and_amount_shortcuts_give_the_general_result():
    rnd = random.Random(5)
    alphabet = list("0123456789/-: .,年月日T") + ["２", "，", "元", "¥", "￥", "\u3000", "e", "nan", "inf", "-"]
    texts = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 20))) for _ in range(3000)]
    texts += ["2026/11/27 10:00:00", "2026-11-27 10:00", "8,000.00", "8，000元", "￥80", "１２.５", "1e999",
              "NaN", "-12.5", "+3", " 12 ", None]
    df = pl.DataFrame({"t": texts}, schema={"t": pl.Utf8})
    got = common.parse_datetime_column(df, "t", "_t")["_t"]
    assert got.equals(df.select(common.parse_datetime_expr("t").alias("_t"))["_t"])
    got = common.parse_amount_column(df, "t", "_a")["_a"]
    assert got.equals(df.select(common.parse_amount_expr("t").alias("_a"))["_a"])


def _split_reference(data: bytes, keep_final_cr: bool) -> list[str]:
    if not data:
        return []
    parts = data.split(b"\n")
    ended = data.endswith(b"\n")
    if ended:
        parts.pop()
    out = []
    for i, p in enumerate(parts):
        last = i == len(parts) - 1
        if p.endswith(b"\r") and (not last or ended or not keep_final_cr):
            p = p[:-1]
        out.append(p.decode("utf-8"))
    return out


@settings(max_examples=300, deadline=None, database=None)
@given(st.lists(st.sampled_from([b"a", b"\r", b"\n", "\u00e9".encode(), b",", b'"', b"\xef\xbb\xbf", b" ",
                                 b"\x1f", b"\x1e", b"\x00", "\u8def".encode()]), max_size=20), st.booleans())
def test_split_lines_is_bytes_split(parts, keep):
    data = b"".join(parts)
    got = common.split_lines(data, keep_final_cr=keep)
    if got is not None:
        assert got.to_list() == _split_reference(data, keep)


_utf8_or_gb_line = st.one_of(
    st.tuples(st.sampled_from(["utf-8", "gb18030"]), st.text(
        st.sampled_from(list("王敏热合曼·买提义乌市万科苑西门菜鸟驿站郑*英茹明,0123456789 aZ\"é×°") + ["\r", "\ufeff"]),
        max_size=40)).map(lambda t: t[1].encode(t[0])),
    st.text(max_size=20).map(lambda t: t.replace("\n", "").encode("utf-8", "surrogatepass")),
    st.binary(max_size=30).map(lambda b: b.replace(b"\n", b"")))


@settings(max_examples=400, deadline=None, database=None)
@given(st.lists(_utf8_or_gb_line, max_size=30), st.sampled_from([b"\n", b"\r\n"]), st.booleans())
def test_utf8_candidate_lines_include_every_utf8_line(lines, eol, final_eol):
    # the numpy scan may name lines that are not UTF-8 (they are decoded to find out), but
    # never misses one that is, and cuts the lines where b'\n' does
    data = eol.join(lines) + (eol if final_eol and lines else b"")
    starts, ends, cand = common.Utf8Lines().candidates(data)
    pieces = data.split(b"\n")
    if data.endswith(b"\n") or not data:
        pieces.pop()
    assert [data[a:b] for a, b in zip(starts.tolist(), ends.tolist())] == pieces
    valid = []
    for i, b in enumerate(pieces):
        try:
            b.decode("utf-8")
            valid.append(i)
        except UnicodeDecodeError:
            pass
    assert set(valid) <= set(cand.tolist())


def test_seen_keys_finds_first_lines_across_rounds(monkeypatch):
    rnd = random.Random(6)
    seen, truth, line = common.SeenKeys(), {}, 0
    for _ in range(30):
        keys = list({f"K{rnd.randrange(3000)}" for _ in range(rnd.randrange(1, 200))})
        h1, h2 = common.SeenKeys.hashes(pl.Series(keys))
        got = seen.first_lines(h1, h2)
        assert [truth.get(k, -1) for k in keys] == got.tolist()
        new = got < 0
        lines = np.arange(line, line + len(keys))
        line += len(keys)
        seen.add(h1[new], h2[new], lines[new])
        truth.update({k: int(ln) for k, ln, n in zip(keys, lines, new) if n})
    assert len(seen) == len(truth)
    # keys that share the first hash are still told apart by the second
    seen = common.SeenKeys()
    h1 = np.array([7, 7, 7, 3], dtype=np.uint64)
    seen.add(h1, np.array([1, 2, 3, 4], dtype=np.uint64), np.array([10, 20, 30, 40]))
    assert seen.first_lines(np.array([7, 7, 7, 3, 7], dtype=np.uint64),
                            np.array([3, 2, 1, 4, 9], dtype=np.uint64)).tolist() == [30, 20, 10, 40, -1]


# --------------------------------------------------------------------------- ingest_file


def _ctx(tmp_path) -> stages.RunContext:
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    return stages.RunContext(run_id="t", inbox=str(tmp_path / "inbox"), db="", reports="",
                             as_of="2026-11-27", workdir=str(work), staging="", started_at="")


def test_ingest_file_writes_the_chunks_into_its_parquet_files(tmp_path, monkeypatch):
    from test_sources import EC_HEADER, csv_line, ec_row
    folder = tmp_path / "inbox" / "ecommerce"
    folder.mkdir(parents=True)
    rows = [ec_row(oid=f"O{i}") for i in range(25)] + [ec_row(oid="O3"), "x,y"]
    (folder / "shopA_orders_20261127.csv").write_bytes(
        ("\r\n".join([csv_line(EC_HEADER)] + [r if isinstance(r, str) else csv_line(r) for r in rows]) + "\r\n")
        .encode("gb18030"))
    (f,) = inbox.discover(tmp_path / "inbox")
    expected = inbox.read_file(f)
    monkeypatch.setattr(common, "CHUNK_ROWS", 4)
    monkeypatch.setattr(common, "BLOCK_BYTES", 300)      # chunks end between blocks
    out = stages.ingest_file(_ctx(tmp_path), asdict(f) | {"path": str(f.path)})
    assert pq.ParquetFile(out["rows_path"]).metadata.num_row_groups > 3       # written as it streamed
    assert pl.read_parquet(out["rows_path"]).equals(expected.rows)
    assert pl.read_parquet(out["quarantine_path"]).equals(expected.quarantine)
    assert (out["rows_read"], out["rows_kept"], out["rows_quarantined"]) == (27, 25, 2)
    for p in (out["rows_path"], out["quarantine_path"]):
        assert stat.S_IMODE(os.stat(p).st_mode) & 0o077 == 0
    assert sorted(x.name for x in Path(out["rows_path"]).parent.iterdir()) == sorted(
        Path(p).name for p in (out["rows_path"], out["quarantine_path"]))       # no temporary files left


def test_ingest_file_drops_what_came_before_a_file_error(tmp_path, monkeypatch):
    folder = tmp_path / "inbox" / "logistics"
    folder.mkdir(parents=True)
    n = 12
    table = pa.table({c: [f"W{i}" if c == "waybill_no" else "x" for i in range(n)] for c in logistics.TEXT_COLUMNS}
                     | {"pickup_time": pa.array([dt.datetime(2026, 11, 20)] * n),
                        "sign_time": pa.array([dt.datetime(2026, 11, 21)] * n)})
    pq.write_table(table, folder / "sf_waybills_20261127.parquet", row_group_size=3)
    real = pq.ParquetFile.read_row_group

    def damaged(self, i, *a, **k):
        if i == 3:
            raise OSError("corrupt page")
        return real(self, i, *a, **k)

    monkeypatch.setattr(pq.ParquetFile, "read_row_group", damaged)
    monkeypatch.setattr(common, "CHUNK_ROWS", 3)
    (f,) = inbox.discover(tmp_path / "inbox")
    out = stages.ingest_file(_ctx(tmp_path), asdict(f) | {"path": str(f.path)})
    assert out["error"] == "parquet file is damaged (row group 3): corrupt page"
    assert out["rows_read"] == 0
    assert pl.read_parquet(out["rows_path"]).height == 0 and pl.read_parquet(out["quarantine_path"]).height == 0
    assert len(list(Path(out["rows_path"]).parent.iterdir())) == 2
