import datetime as dt

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linkage.idnumbers import (
    ID_FIELDS,
    compare_id,
    compare_id_detail,
    compare_ids,
    compare_patterns,
    compare_patterns_np,
    id_checksum,
    normalize_id,
    normalize_ids,
    uscc_checksum,
)

KINDS = {"full", "masked", "org", "invalid", "empty"}


def make_id(first17: str) -> str:
    return first17 + id_checksum(first17)


# 11010519491231002X is the textbook example of GB 11643 (check character X)
TEXTBOOK = "11010519491231002X"
RU = make_id("33050219900101123")  # -> ...1236, a man born 1990-01-01 in 吴兴区


# ------------------------------------------------------------------ checksum
def test_checksum_known_values():
    assert id_checksum("11010519491231002") == "X"
    assert id_checksum("44052418800101001") == "4"
    assert RU == "330502199001011236"


@pytest.mark.parametrize("bad", ["", "123", "1101051949123100X", None, 11010519491231002, "１１０１０５１９４９１２３１００２"])
def test_checksum_never_raises(bad):
    assert id_checksum(bad) == ""


def test_uscc_checksum():
    # the worked example of GB 32100-2015: 91350100M000100Y4 -> check character 3
    assert uscc_checksum("91350100M000100Y4") == "3"
    assert uscc_checksum("bad") == ""


# ------------------------------------------------------------------ normalise
def test_full_id():
    n = normalize_id(RU)
    assert set(n) == set(ID_FIELDS)
    assert n["kind"] == "full" and n["valid"] is True
    assert n["id"] == RU and n["pattern"] == RU
    assert n["birth_date"] == dt.date(1990, 1, 1)
    assert n["region_code"] == "330502"
    assert n["sex"] == "M"
    assert n["prefix"] is None and n["suffix"] is None


def test_lower_case_x_and_female():
    n = normalize_id(TEXTBOOK.lower())
    assert n["id"] == TEXTBOOK
    assert n["valid"] is True
    assert n["sex"] == "F"  # 17th digit 2
    assert n["birth_date"] == dt.date(1949, 12, 31)


@pytest.mark.parametrize(
    "raw",
    [
        " 330502 19900101 1236 ",
        "330502-19900101-1236",
        "３３０５０２１９９００１０１１２３６",  # full-width
        '="330502199001011236"',  # Excel text wrapper
        "'330502199001011236",  # Excel apostrophe
        "\t330502199001011236\u200b",
    ],
)
def test_full_id_dirty_forms(raw):
    n = normalize_id(raw)
    assert n["kind"] == "full" and n["id"] == RU and n["valid"]


def test_bad_checksum_is_full_but_invalid():
    n = normalize_id(RU[:-1] + "7")
    assert n["kind"] == "full" and n["valid"] is False and n["id"] == RU[:-1] + "7"


def test_fifteen_digit_id_upgraded():
    n = normalize_id("330502900101123")
    assert n["kind"] == "full" and n["id"] == RU and n["valid"]


@pytest.mark.parametrize(
    "raw,prefix,suffix,pattern",
    [
        ("330502********1234", "330502", "1234", "330502********1234"),
        ("33**************1x", "33", "1X", "33**************1X"),
        ("33**************1X", "33", "1X", "33**************1X"),
        ("３３０５０２＊＊＊＊＊＊＊＊１２３４", "330502", "1234", "330502********1234"),
        ("330502●●●●●●●●1234", "330502", "1234", "330502********1234"),
        ("330502xxxxxxxx1234", "330502", "1234", "330502********1234"),
        ("3305XXXXXXXXXXXX1X", "3305", "1X", "3305************1X"),
        ("330502 **** **** 1234", "330502", "1234", "330502********1234"),
        ("3****4", "3", "4", "3****4"),  # shortened mask
        ("**************1234", None, "1234", "**************1234"),
    ],
)
def test_masked(raw, prefix, suffix, pattern):
    n = normalize_id(raw)
    assert n["kind"] == "masked"
    assert n["id"] is None and n["valid"] is None
    assert n["prefix"] == prefix and n["suffix"] == suffix and n["pattern"] == pattern


def test_masked_with_birth_visible():
    n = normalize_id("3305021990******1X")
    assert n["region_code"] == "330502"
    assert n["birth_date"] is None  # only the year is visible
    n = normalize_id("33050219900101**3X")
    assert n["birth_date"] == dt.date(1990, 1, 1) and n["sex"] == "M"


def test_org_credit_code():
    n = normalize_id("91330000MA27XXXX3U")
    assert n["kind"] == "org" and n["id"] == "91330000MA27XXXX3U"
    n = normalize_id("91350100m000100y43")
    assert n["kind"] == "org" and n["valid"] is True and n["id"] == "91350100M000100Y43"
    assert normalize_id("91350100M000100Y4Z")["kind"] == "invalid"  # Z is not in the code alphabet
    assert normalize_id("91350100M000100Y44") == {**normalize_id("91350100M000100Y43"), "id": "91350100M000100Y44", "valid": False}


@pytest.mark.parametrize(
    "raw,kind",
    [
        (None, "empty"),
        ("", "empty"),
        ("   ", "empty"),
        (float("nan"), "empty"),
        ("=HYPERLINK(\"http://x\",\"330502199001011236\")", "invalid"),
        ("12345", "invalid"),
        ("3305021990010112361", "invalid"),
        ("3305X2199001011236", "masked"),  # an X in the middle reads as a mask letter
        ("33050219900101123Y", "invalid"),
        ("😀" * 18, "invalid"),
        ("3" * 100_000, "invalid"),
        ("٣٣٠٥٠٢١٩٩٠٠١٠١١٢٣٦", "invalid"),  # Arabic-Indic digits are not ID digits
        ("\x00\x01\x02", "empty"),
        (330502199001011236, "full"),
        (b"330502199001011236", "full"),
    ],
)
def test_edge_inputs(raw, kind):
    assert normalize_id(raw)["kind"] == kind


# ------------------------------------------------------------------ compare
def test_compare_exact_and_mismatch():
    assert compare_id(RU, RU.lower()) == "exact"
    assert compare_id_detail(RU, RU) == ("exact", 18)
    other = make_id("33050219900101124")
    cat, n = compare_id_detail(RU, other)
    assert cat == "mismatch" and n == 16  # one digit and the check char differ


@pytest.mark.parametrize(
    "obs,cat,n",
    [
        ("330502********1236", "compatible", 10),
        ("33**************36", "compatible", 4),
        ("330502********1235", "mismatch", 9),
        ("330503********1236", "mismatch", 9),
        ("3305021990******36", "compatible", 12),
        ("3305021991******36", "mismatch", 11),
        ("3****6", "compatible", 2),  # shortened mask: lead and trail runs only
        ("4****6", "mismatch", 2),
        ("******************", "unknown", 0),
        ("", "unknown", 0),
        (None, "unknown", 0),
        ("garbage", "unknown", 0),
        ("91330000MA27XXXX3U", "unknown", 0),
    ],
)
def test_compare_masked(obs, cat, n):
    assert compare_id_detail(RU, obs) == (cat, n)
    assert compare_id(RU, normalize_id(obs)) == cat  # dict input works too


def test_compare_x_check_char():
    masked = "11**************2x"
    assert compare_id(TEXTBOOK, masked) == "compatible"
    assert compare_id(TEXTBOOK.lower(), "11**************20") == "mismatch"


def test_compare_missing_debtor():
    assert compare_id(None, RU) == "unknown"
    assert compare_id("", "330502********1236") == "unknown"


# ------------------------------------------------------------------ vectorised
def test_normalize_ids_matches_scalar_and_keeps_order():
    raw = [RU, None, "330502********1234", RU.lower(), "bad", RU, "", TEXTBOOK, "91330000MA27XXXX3U", None, " 3305021990010112 36"]
    df = normalize_ids(pl.Series("x", raw))
    assert df.columns == list(ID_FIELDS)
    assert df.schema["birth_date"] == pl.Date
    assert df.to_dicts() == [normalize_id(r) for r in raw]


def test_normalize_ids_prefix_and_dtypes():
    df = normalize_ids(pl.Series([RU, RU]), col_prefix="acct_")
    assert df.columns == ["acct_" + c for c in ID_FIELDS]
    df = normalize_ids(pl.Series([330502199001011236, None]))  # integer column
    assert df["kind"].to_list() == ["full", "empty"]
    assert normalize_ids(pl.Series([], dtype=pl.Utf8)).shape == (0, len(ID_FIELDS))


def test_compare_ids_vectorised_matches_scalar():
    debtor = [RU, RU, RU, RU, None, TEXTBOOK, TEXTBOOK, RU, RU]
    obs = ["330502********1236", "330502********1235", RU.lower(), None, RU, "11**************2x", "3****X", "3****6", "garbage"]
    out = compare_ids(pl.Series(debtor), pl.Series(obs))
    assert out.columns == ["id_match", "id_agree"]
    assert out.schema["id_agree"] == pl.Int32
    assert list(zip(out["id_match"], out["id_agree"])) == [compare_id_detail(d, o) for d, o in zip(debtor, obs)]


# ------------------------------------------------------------------ properties
@settings(max_examples=300, deadline=None)
@given(st.one_of(st.none(), st.text(max_size=60), st.binary(max_size=30), st.integers(), st.floats()))
def test_never_raises(raw):
    n = normalize_id(raw)
    assert n["kind"] in KINDS
    assert compare_id(RU, raw) in {"exact", "mismatch", "compatible", "unknown"}


id_like = st.text(alphabet="0123456789xX*＊● -'=\"", max_size=22)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(id_like, st.none(), st.sampled_from([RU, TEXTBOOK, "330502********1234"])), max_size=25))
def test_vectorised_equals_scalar(values):
    df = normalize_ids(pl.Series("v", values, dtype=pl.Utf8))
    assert df.to_dicts() == [normalize_id(v) for v in values]


pattern = st.text(alphabet="0123*", min_size=1, max_size=8)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(pattern, pattern, st.booleans(), st.booleans()), min_size=1, max_size=30))
def test_pattern_compare_numpy_equals_python(rows):
    # fullness must agree with the pattern (a full pattern has no mask)
    rows = [(p, q, pf and "*" not in p, qf and "*" not in q) for p, q, pf, qf in rows]
    p, q, pf, qf = (list(c) for c in zip(*rows))
    cat, n = compare_patterns_np(pl.Series(p), pl.Series(q), pl.Series(pf), pl.Series(qf))
    assert list(zip(cat, n)) == [compare_patterns(*r) for r in rows]
