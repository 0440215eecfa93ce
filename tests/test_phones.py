import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linkage.phones import (
    PHONE_FIELDS,
    compare_phone,
    compare_phone_detail,
    compare_phones,
    normalize_phone,
    normalize_phones,
    split_phones,
    split_phones_series,
)

KINDS = {"mobile", "landline", "masked", "invalid", "empty"}
CATS = {"exact", "compatible", "mismatch", "unknown"}
MOBILE = "13857101115"  # 1385710 -> 浙江 杭州 in jionlp's table


# ------------------------------------------------------------------ split
@pytest.mark.parametrize(
    "cell,expected",
    [
        ("13857101115", ["13857101115"]),
        ("13857101115;13857101116", ["13857101115", "13857101116"]),
        ("13857101115；13857101116、13857101117,13857101118，13857101119", ["13857101115", "13857101116", "13857101117", "13857101118", "13857101119"]),
        ("13857101115/0571-87054420", ["13857101115", "0571-87054420"]),
        ("13857101115 13857101116", ["13857101115", "13857101116"]),
        ("138 5710 1115", ["13857101115"]),  # spaces inside one number do not split it
        ("0571 87054420 13857101115", ["057187054420", "13857101115"]),
        ("+86 138 5710 1115;", ["+8613857101115"]),
        ("", []),
        (None, []),
        (" ; ;、 ", []),
    ],
)
def test_split_phones(cell, expected):
    assert split_phones(cell) == expected


def test_split_phones_series():
    s = pl.Series("phones", ["13857101115;13857101116", None, "13857101115;13857101116", ""])
    out = split_phones_series(s)
    assert out.dtype == pl.List(pl.Utf8)
    assert out.to_list() == [["13857101115", "13857101116"], [], ["13857101115", "13857101116"], []]


# ------------------------------------------------------------------ normalise
@pytest.mark.parametrize(
    "raw",
    [
        MOBILE,
        "+86 138 5710 1115",
        "+86-13857101115",
        "(+86)13857101115",
        "0086 13857101115",
        "008613857101115",
        "8613857101115",
        "138-5710-1115",
        "138 5710 1115",
        "１３８５７１０１１１５",
        "013857101115",  # stray trunk prefix
        '="13857101115"',
        "'13857101115",
        "13857101115.0",  # float column exported as text
        13857101115,
        13857101115.0,
        "手机：13857101115",
        "\u200b13857101115\t",
    ],
)
def test_mobile_forms(raw):
    n = normalize_phone(raw)
    assert set(n) == set(PHONE_FIELDS)
    assert n["kind"] == "mobile"
    assert n["digits"] == MOBILE
    assert n["mask_key"] == "138|1115"
    assert (n["province"], n["city"]) == ("浙江", "杭州")
    assert n["prefix"] is None and n["suffix"] is None


@pytest.mark.parametrize(
    "raw,prefix,suffix,key",
    [
        ("138****5678", "138", "5678", "138|5678"),
        ("+86 138****5678", "138", "5678", "138|5678"),
        ("86138****5678", "138", "5678", "138|5678"),
        ("138 **** 5678", "138", "5678", "138|5678"),
        ("138＊＊＊＊5678", "138", "5678", "138|5678"),
        ("138●●●●5678", "138", "5678", "138|5678"),
        ("138xxxx5678", "138", "5678", "138|5678"),
        ("138*****678", "138", "678", None),  # three visible at the end: no key
        ("*******5678", None, "5678", None),
        ("1385710****", "1385710", None, None),
    ],
)
def test_masked_mobiles(raw, prefix, suffix, key):
    n = normalize_phone(raw)
    assert n["kind"] == "masked"
    assert n["digits"] is None
    assert (n["prefix"], n["suffix"], n["mask_key"]) == (prefix, suffix, key)


def test_masked_with_seven_digit_prefix_has_region():
    n = normalize_phone("1385710****")
    assert (n["province"], n["city"]) == ("浙江", "杭州")


@pytest.mark.parametrize(
    "raw,digits,area,city",
    [
        ("0571-87054420", "057187054420", "0571", "杭州"),
        ("0571 8705 4420", "057187054420", "0571", "杭州"),
        ("(0571)87054420", "057187054420", "0571", "杭州"),
        ("0571-87054420转801", "057187054420", "0571", "杭州"),
        ("0571-87054420-801", "057187054420", "0571", "杭州"),  # extension after a dash
        ("0571-8705-4420", "057187054420", "0571", "杭州"),
        ("010-62345678", "01062345678", "010", "北京"),
        ("+86 571 87054420", "057187054420", "0571", "杭州"),
        ("0576-8888888", "05768888888", "0576", "台州"),
        ("87054420", "87054420", None, None),  # no area code
    ],
)
def test_landlines(raw, digits, area, city):
    n = normalize_phone(raw)
    if digits is None:
        assert n["kind"] == "invalid"
        return
    assert n["kind"] == "landline"
    assert n["digits"] == digits and n["area_code"] == area and n["city"] == city
    assert n["mask_key"] is None


@pytest.mark.parametrize(
    "raw,kind",
    [
        (None, "empty"),
        ("", "empty"),
        ("  ", "empty"),
        (float("nan"), "empty"),
        ("=HYPERLINK(\"tel:13857101115\")", "invalid"),
        ("4008123123", "invalid"),
        ("12345", "invalid"),
        ("1385710111", "invalid"),  # ten digits
        ("138571011156", "invalid"),
        ("12857101115", "invalid"),  # no 12x mobiles
        ("+852 91234567", "invalid"),
        ("010-12345678", "invalid"),  # local numbers never start with 1
        ("😀", "invalid"),
        ("1" * 100_000, "invalid"),
        ("\x00\x01", "empty"),
        ("****", "masked"),
    ],
)
def test_edge_inputs(raw, kind):
    assert normalize_phone(raw)["kind"] == kind


# ------------------------------------------------------------------ compare
@pytest.mark.parametrize(
    "a,b,cat,n",
    [
        (MOBILE, "+86 138-5710-1115", "exact", 11),
        (MOBILE, "138****1115", "compatible", 7),
        (MOBILE, "+86 138****1115", "compatible", 7),
        (MOBILE, "138****1116", "mismatch", 6),
        (MOBILE, "139****1115", "mismatch", 6),
        (MOBILE, "1385710****", "compatible", 7),
        (MOBILE, "138*****115", "compatible", 6),
        (MOBILE, "13857101116", "mismatch", 10),
        ("138****1115", "138****1115", "compatible", 7),  # two masks can never be exact
        ("138****1115", "138****1116", "mismatch", 6),
        ("0571-87054420", "057187054420", "exact", 12),
        ("0571-87054420", "87054420", "compatible", 8),
        ("0571-87054420", "87054421", "mismatch", 0),
        (MOBILE, "0571-87054420", "mismatch", 0),
        (MOBILE, "", "unknown", 0),
        (MOBILE, "garbage", "unknown", 0),
        (None, MOBILE, "unknown", 0),
        (MOBILE, "****", "unknown", 0),
    ],
)
def test_compare(a, b, cat, n):
    assert compare_phone_detail(a, b) == (cat, n)
    assert compare_phone(normalize_phone(a), normalize_phone(b)) == cat
    assert compare_phone(b, a) == cat  # symmetric


def test_mask_key_blocks_full_with_masked():
    assert normalize_phone(MOBILE)["mask_key"] == normalize_phone("138****1115")["mask_key"]


# ------------------------------------------------------------------ vectorised
def test_normalize_phones_matches_scalar_and_keeps_order():
    raw = [MOBILE, None, "138****5678", "+86 138 5710 1115", "0571-87054420", "bad", MOBILE, "", "19912345678", "87054420"]
    df = normalize_phones(pl.Series("p", raw))
    assert df.columns == list(PHONE_FIELDS)
    assert df.to_dicts() == [normalize_phone(r) for r in raw]
    assert normalize_phones(pl.Series([MOBILE]), col_prefix="rcv_").columns == ["rcv_" + c for c in PHONE_FIELDS]
    assert normalize_phones(pl.Series([13857101115, None]))["kind"].to_list() == ["mobile", "empty"]
    assert normalize_phones(pl.Series([], dtype=pl.Utf8)).height == 0


def test_compare_phones_vectorised_matches_scalar():
    a = [MOBILE, MOBILE, MOBILE, "0571-87054420", "0571-87054420", None, MOBILE, "138****1115"]
    b = ["138****1115", "138****1116", "+8613857101115", "87054420", "87054421", MOBILE, "0571-87054420", "138****1115"]
    out = compare_phones(pl.Series(a), pl.Series(b))
    assert out.columns == ["phone_match", "phone_agree"]
    assert list(zip(out["phone_match"], out["phone_agree"])) == [compare_phone_detail(x, y) for x, y in zip(a, b)]


# ------------------------------------------------------------------ properties
@settings(max_examples=300, deadline=None)
@given(st.one_of(st.none(), st.text(max_size=60), st.integers(), st.floats()))
def test_never_raises(raw):
    assert normalize_phone(raw)["kind"] in KINDS
    assert compare_phone(MOBILE, raw) in CATS
    assert isinstance(split_phones(raw), list)


phone_like = st.text(alphabet="0123456789+*- ()x转;、", max_size=18)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(phone_like, st.none(), st.sampled_from([MOBILE, "138****5678", "0571-87054420"])), max_size=25))
def test_vectorised_equals_scalar(values):
    df = normalize_phones(pl.Series("v", values, dtype=pl.Utf8))
    assert df.to_dicts() == [normalize_phone(v) for v in values]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(phone_like, phone_like), min_size=1, max_size=20))
def test_compare_vectorised_equals_scalar(pairs):
    a, b = (list(c) for c in zip(*pairs))
    out = compare_phones(pl.Series(a, dtype=pl.Utf8), pl.Series(b, dtype=pl.Utf8))
    assert list(zip(out["phone_match"], out["phone_agree"])) == [compare_phone_detail(x, y) for x, y in pairs]


@pytest.mark.parametrize("raw", ["13800001111转1234", "13800001111#1234", "13800001111-1234", "+86 138 0000 1111 转 1234",
                                 "138****1111转1234", "13800001111分机1234"])
def test_relay_number_with_extension_is_not_a_mobile(raw):
    # courier / platform privacy numbers: the relay number is shared by many recipients
    assert normalize_phone(raw)["kind"] == "invalid"
    assert compare_phone("13800001111", raw) == "unknown"
    assert normalize_phones(pl.Series([raw]))["kind"].to_list() == ["invalid"]


def test_landline_extension_still_dropped():
    assert normalize_phone("0571-87054420转801")["digits"] == "057187054420"
    assert normalize_phone("87054420转801")["digits"] == "87054420"


@pytest.mark.parametrize("raw,digits,kind", [
    ("13857101115/13957101116", "13857101115", "mobile"),
    ("13857101115，0571-87054420", "13857101115", "mobile"),
    # A full number says more than a masked one.
    ("138****1115;13957101116", "13957101116", "mobile"),
    ("138****1115、139****1116", None, "masked"),
    ("abc/def", None, "invalid"),
])
def test_a_recipient_field_with_two_numbers_is_its_first_full_number(raw, digits, kind):
    one = normalize_phone(raw)
    assert (one["digits"], one["kind"]) == (digits, kind)
    many = normalize_phones(pl.Series([raw, "13857101115"]))
    assert (many["digits"][0], many["kind"][0]) == (digits, kind)
