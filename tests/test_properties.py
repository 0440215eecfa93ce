"""Property tests: arbitrary input never crashes an adapter or a linkage normaliser, and
every row read is accounted for.  (tests/test_hostile.py fuzzes every adapter harder.)"""
import csv
import io
import json
import os
import time

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkage import addresses, idnumbers, names, phones
from linkage.addresses import FIELDS, parse_address
from linkage.idnumbers import ID_FIELDS, id_checksum
from linkage.names import NAME_FIELDS
from linkage.phones import PHONE_FIELDS
from sources import ecommerce, social
from sources.common import clean_text

HEADER = "订单编号,买家ID,实名姓名,实名证件号,绑定手机,收货人,收货手机,收货地址,下单时间,签收时间,实付金额,商品类目".split(",")
text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
cells = st.one_of(text, st.sampled_from(["", "=HYPERLINK(\"x\")", "+86 138 5710 1115", "2026/11/27 10:00:00",
                                          "330102199001011237", "浙江省杭州市西湖区金色家园2-3-501"]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(text, st.text(max_size=2000)))
def test_address_parser_never_raises(value):
    out = parse_address(value)
    assert set(FIELDS) <= set(out)
    assert out["precision"] in {"room", "building", "community", "road", "town", "district", "city", "province", "none"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(cells, min_size=0, max_size=14), min_size=0, max_size=25), st.sampled_from(["gb18030", "utf-8"]))
def test_ecommerce_adapter_accounts_for_every_row(tmp_path, rows, encoding):
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(HEADER)
    w.writerows(rows)
    path = tmp_path / "p_orders_20261127.csv"
    path.write_bytes(buf.getvalue().encode(encoding, errors="replace"))
    res = ecommerce.read(path, rel_name="ecommerce/p_orders_20261127.csv", platform="p")
    assert res.error is None
    assert res.rows_read == res.rows_kept + res.rows_quarantined
    assert res.quarantine["reason"].null_count() == 0
    assert res.rows.height == res.rows_kept


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | text,
                           lambda c: st.lists(c, max_size=3) | st.dictionaries(text, c, max_size=3), max_leaves=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(text, json_values.map(lambda v: json.dumps(v, ensure_ascii=False)),
                          st.fixed_dictionaries({"uid": text}, optional={
                              "logins": json_values, "geo_posts": json_values, "phone": json_values,
                              "real_name": json_values}).map(lambda d: json.dumps(d, ensure_ascii=False))),
                max_size=20))
def test_social_adapter_accounts_for_every_line(tmp_path, lines):
    path = tmp_path / "s_accounts_20261127.jsonl"
    path.write_text("\n".join(x.replace("\n", " ") for x in lines), encoding="utf-8")
    res = social.read(path, rel_name="social/s_accounts_20261127.jsonl", platform="s")
    assert res.rows_read == res.rows_kept + res.rows_quarantined


# --------------------------------------------------------------------------- linkage normalisers
# Hostile values for every normaliser: arbitrary Unicode and control characters, 1 MB
# strings, numbers beyond int64 and float range, bytes in any encoding.  No exception, the
# documented keys, one output row per input row (nothing silently dropped), no hang.
CONTROLS = ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9f", "\u200b", "\u200d", "\u202e", "\u2060", "\ufeff"]
hostile_text = st.text(st.one_of(st.characters(blacklist_categories=("Cs",)), st.sampled_from(
    CONTROLS + ["\t", "\r", "\n", "\u2028", "=", "+", "-", "@", "*", "＊", "Ｘ", "１", "（", "）", "𠀀", "\U0001F600"])),
    max_size=60)
hostile = st.one_of(
    st.none(), st.booleans(), hostile_text, st.text(max_size=300),
    st.integers(), st.integers(min_value=10**18, max_value=10**80), st.integers(min_value=-10**80, max_value=0),
    st.floats(allow_nan=True, allow_infinity=True), st.binary(max_size=40),
    st.text(max_size=40).map(lambda s: s.encode("gb18030")),
    st.sampled_from(["=HYPERLINK(\"http://x\",\"茹某明\")", "'13857101115", '="0571-87054420"', "NULL", "None",
                     "nan", "1e400", "9" * 5000, "x'); DROP TABLE debtors; --"]),
)
SCALAR = [
    ("name", names.normalize_name, set(NAME_FIELDS)),
    ("phone", phones.normalize_phone, set(PHONE_FIELDS)),
    ("id", idnumbers.normalize_id, set(ID_FIELDS)),
    ("address", addresses.parse_address, set(FIELDS)),
]
# LOCATE_FUZZ_EXAMPLES=3000 fuzzes harder; CI keeps the default.
HOSTILE_SETTINGS = settings(max_examples=int(os.environ.get("LOCATE_FUZZ_EXAMPLES", "150")), deadline=None, database=None,
                            suppress_health_check=[HealthCheck.too_slow])


@HOSTILE_SETTINGS
@given(hostile)
def test_every_normaliser_survives_hostile_values(value):
    for what, fn, keys in SCALAR:
        out = fn(value)
        assert isinstance(out, dict) and set(out) == keys, what
    assert isinstance(phones.split_phones(value), list)
    assert isinstance(names.surname_of(value), (str, type(None)))
    assert phones.compare_phone("13857101115", value) in {"exact", "compatible", "mismatch", "unknown"}
    assert idnumbers.compare_id("33050219800101123X", value) in {"exact", "compatible", "mismatch", "unknown"}
    assert names.compare_name("茹某明", names.normalize_name(value))[0]


BIG = {
    "1 MB of one character": "路" * (1 << 20),
    "1 MB of digits": "1" * (1 << 20),
    "1 MB formula": '=HYPERLINK("' + "x" * (1 << 20) + '")',
    "1 MB of brackets": "(" * (1 << 20),
    "1 MB of NUL": "\x00" * (1 << 20),
    "address repeated": "浙江省杭州市西湖区文三路100号2幢3单元401室" * 40_000,
    "phone repeated": "13857101115；" * 90_000,
    "masked repeated": "330502********1234" * 60_000,
    "int of 4000 digits": 10**3999,
}


@pytest.mark.parametrize("label", list(BIG))
def test_normalisers_do_not_hang_on_1mb_values(label):
    value = BIG[label]
    for _, fn, _ in SCALAR:   # warm the lazily loaded tables (gazetteer, pinyin) first
        fn("浙江省杭州市")
    names.compare_name("茹某明", names.normalize_name("茹某明"))
    for what, fn, keys in SCALAR + [("split", phones.split_phones, None),
                                    ("surname", names.surname_of, None)]:
        t = time.perf_counter()
        out = fn(value)
        took = time.perf_counter() - t
        assert took < 1.0, (what, label, took)
        if keys:
            assert set(out) == keys
    s = pl.Series("v", [value if isinstance(value, str) else str(value)] * 3 + [None])
    for fn in (names.normalize_names, phones.normalize_phones, idnumbers.normalize_ids, addresses.parse_addresses):
        t = time.perf_counter()
        assert fn(s).height == 4
        assert time.perf_counter() - t < 2.0


vector_values = st.lists(st.one_of(st.none(), hostile_text, st.sampled_from(
    ["茹某明", "茹*明", "13857101115", "138****5678", "33050219800101123X", "330502********1234",
     "浙江省杭州市西湖区文三路100号2幢3单元401室", ""])), max_size=30)


@HOSTILE_SETTINGS
@given(vector_values)
def test_vectorised_normalisers_keep_every_row_and_agree_with_scalar(values):
    s = pl.Series("v", values, dtype=pl.Utf8)
    for vec, scalar, keys in ((names.normalize_names, names.normalize_name, list(NAME_FIELDS)),
                              (phones.normalize_phones, phones.normalize_phone, list(PHONE_FIELDS)),
                              (idnumbers.normalize_ids, idnumbers.normalize_id, list(ID_FIELDS))):
        out = vec(s)
        assert out.height == len(values)
        for v, row in zip(values, out.select(keys).iter_rows(named=True)):
            want = scalar(v)
            if "pattern" in want and isinstance(want["pattern"], list):   # names: (pos, char) pairs
                want["pattern"] = [{"pos": p, "char": c} for p, c in want["pattern"]]
            assert row == want, (v, row, want)
    parsed = addresses.parse_addresses(s)
    assert parsed.height == len(values)
    for v, row in zip(values, parsed.iter_rows(named=True)):
        if v is not None:
            want = addresses.parse_address(v)
            assert {k: row[k] for k in want} == want, v
    split = phones.split_phones_series(s)
    assert split.len() == len(values)
    assert [list(x) if x is not None else [] for x in split.to_list()] == [phones.split_phones(v) for v in values]


_ID17 = "33050219800101123"
GOOD = {
    "mobile": ("13857101115", phones.normalize_phone),
    "landline": ("0571-87054420", phones.normalize_phone),
    "masked phone": ("138****5678", phones.normalize_phone),
    "id": (_ID17 + id_checksum(_ID17), idnumbers.normalize_id),
    "masked id": ("330502********1234", idnumbers.normalize_id),
    "name": ("茹某明", names.normalize_name),
    "masked name": ("茹*明", names.normalize_name),
    "address": ("浙江省杭州市西湖区文三路100号2幢3单元401室", addresses.parse_address),
}


@HOSTILE_SETTINGS
@given(st.sampled_from(sorted(GOOD)), st.lists(st.tuples(st.integers(0, 40), st.sampled_from(CONTROLS)),
                                               min_size=1, max_size=4))
def test_control_characters_never_change_what_linkage_sees(kind, inserts):
    """A value with control/zero-width/bidi characters slipped in (as the adapters receive
    them) normalises exactly like the clean value once the adapter has cleaned it: no
    silent change of a linkage key.  Phones, IDs and names are also immune on their own."""
    value, fn = GOOD[kind]
    dirty = value
    for pos, ch in inserts:
        pos = min(pos, len(dirty))
        dirty = dirty[:pos] + ch + dirty[pos:]
    assert fn(clean_text(dirty)) == fn(value)
    if fn is not addresses.parse_address:
        assert fn(dirty) == fn(value)


mobiles = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)


@HOSTILE_SETTINGS
@given(st.lists(mobiles, min_size=1, max_size=5, unique=True),
       st.lists(st.sampled_from([";", "；", "、", ",", "，", "/", "|", " ; ", "、 "]), min_size=5, max_size=5))
def test_split_phones_loses_no_number(numbers, seps):
    cell = numbers[0] + "".join(sep + n for sep, n in zip(seps, numbers[1:]))
    got = [phones.normalize_phone(p)["digits"] for p in phones.split_phones(cell)]
    assert got == numbers, cell


roster_phone_cells = st.lists(st.one_of(st.none(), st.text(alphabet="0123456789+*-;；、,，/|｜ 　１", max_size=40),
                                        st.lists(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True), max_size=3)
                                        .map(";".join)), max_size=40)


@HOSTILE_SETTINGS
@given(roster_phone_cells)
def test_roster_phone_cells_split_alike_on_the_fast_path(cells):
    # Plain cells (digits, masks, separators) take the vectorised path; the rest (spaces,
    # full-width digits) the per-cell rules: both must give split_phones' answer.
    split = phones.split_phones_series(pl.Series("phones", cells, dtype=pl.Utf8))
    assert [list(x) if x is not None else [] for x in split.to_list()] == [phones.split_phones(v) for v in cells]
