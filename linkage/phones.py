"""Phone numbers from roster cells and platform exports, normalised.

Handles mobiles with ``+86`` / ``0086`` / ``86`` / a stray leading ``0``, spaces, dashes,
brackets, full-width digits, Excel wrappers (``="138..."``, ``13800138000.0``); masked
mobiles (``138****5678``, ``+86 138****5678``, ``138●●●●5678``, ``138xxxx5678``);
landlines with or without area code and with an extension (``0571-87054420转801``).
Nothing here raises: rubbish gets ``kind='invalid'`` / ``'empty'``.

Per value:   :func:`split_phones`, :func:`normalize_phone`, :func:`compare_phone(_detail)`.
Vectorised:  :func:`split_phones_series`, :func:`normalize_phones`, :func:`compare_phones`.
"""
from __future__ import annotations

import functools
import re
import unicodedata

import polars as pl

from linkage import gazetteer
from linkage.idnumbers import (
    MASK,
    _normalize_distinct,
    _to_text,
    _unwrap_excel,
    compare_patterns,
    compare_patterns_expr,
)

__all__ = [
    "PHONE_FIELDS",
    "split_phones",
    "split_phones_series",
    "normalize_phone",
    "normalize_phones",
    "compare_phone",
    "compare_phone_detail",
    "compare_phones",
]

#: keys of :func:`normalize_phone`'s dict, and columns of :func:`normalize_phones`
PHONE_FIELDS: dict[str, pl.DataType] = {
    "digits": pl.Utf8,     # mobile '13857101115' / landline '057187054420' (or '87054420' without area code)
    "kind": pl.Utf8,       # mobile | landline | masked | invalid | empty
    "prefix": pl.Utf8,     # masked: visible leading digits ('138')
    "suffix": pl.Utf8,     # masked: visible trailing digits ('5678')
    "mask_key": pl.Utf8,   # mobile or masked mobile: first 3 + '|' + last 4 ('138|5678')
    "province": pl.Utf8,   # short name as in the gazetteer ('浙江'), from 7-digit prefix / area code
    "city": pl.Utf8,       # ('杭州')
    "area_code": pl.Utf8,  # landline (or masked landline) area code ('0571')
    "pattern": pl.Utf8,    # comparison pattern: digits, or '138****5678' for masked
}

MAX_INPUT = 256
_MASK_CHARS = "*●•○◯■□◆◇★☆×xX"
_MASK_TABLE = str.maketrans({c: MASK for c in _MASK_CHARS})
_CTRL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff]")
_LABEL_RE = re.compile(r"^(?:手机号?码?|电话号?码?|联系电话|tel|mobile|phone|mob)[:：]?", re.IGNORECASE)
_EXT_RE = re.compile(r"(?:转|分机|ext\.?|#)\s*\d{1,6}$", re.IGNORECASE)
_SEP_RE = re.compile(r"[\s\-‐‑‒–—―()\[\].]+")
_FLOAT_RE = re.compile(r"(\d+)\.0+")
_MOBILE_RE = re.compile(r"1[3-9]\d{9}")
_MASKED_RE = re.compile(r"\d*\*+\d*")
_LOCAL_RE = re.compile(r"[2-9]\d{6,7}")
_SPLIT_RE = re.compile(r"[;；、,，/|｜]+")


@functools.lru_cache(maxsize=1)
def _mobile_table() -> dict[str, tuple[str, str]]:
    try:
        df = gazetteer.mobile_prefixes()
        return dict(zip(df["prefix7"].to_list(), zip(df["province"].to_list(), df["city"].to_list())))
    except Exception:  # pragma: no cover - dictionary missing: degrade, do not fail
        return {}


@functools.lru_cache(maxsize=1)
def _area_table() -> dict[str, tuple[str, str]]:
    try:
        df = gazetteer.landline_area_codes()
        return dict(zip(df["area_code"].to_list(), zip(df["province"].to_list(), df["city"].to_list())))
    except Exception:  # pragma: no cover
        return {}


def _area_code_of(t: str) -> str | None:
    """Area code at the start of a 0-leading digit string (numbering plan: 010/02x are
    three digits, every other 0xxx four), or None."""
    if len(t) < 3 or t[0] != "0":
        return None
    return t[:3] if t[1] in "12" else t[:4]


def _prep(raw) -> str | None:
    s = _to_text(raw)
    if s is None:
        return None
    if len(s) > MAX_INPUT:
        return "\x00"
    s = unicodedata.normalize("NFKC", s)
    s = _CTRL_RE.sub("", s)
    s = _unwrap_excel(s).strip()
    s = _LABEL_RE.sub("", s)
    m = _FLOAT_RE.fullmatch(s)
    if m:
        s = m.group(1)
    s = _EXT_RE.sub("", s)
    return _SEP_RE.sub("", s)


_EMPTY = (None, "empty", None, None, None, None, None, None, None)
_INVALID = (None, "invalid", None, None, None, None, None, None, None)


@functools.lru_cache(maxsize=200_000)
def _normalize_tuple(s: str | None) -> tuple:
    if s is None or s == "":
        return _EMPTY
    if s == "\x00" or len(s) > 30:
        return _INVALID
    t = s.translate(_MASK_TABLE)
    if t.startswith("+86"):
        t = t[3:]
        if t and t[0] not in "01*":  # '+86 571 87054420': area code without its 0
            t = "0" + t
    elif t.startswith("0086"):
        t = t[4:]
        if t and t[0] not in "01*":
            t = "0" + t
    elif t.startswith("86") and len(t) == 13 and t[2] == "1":
        t = t[2:]
    elif t.startswith("+"):
        return _INVALID  # another country
    if not t:
        return _INVALID
    if MASK in t:
        if not _MASKED_RE.fullmatch(t) or not (3 <= len(t) <= 13):
            return _INVALID
        prefix = t[: len(t) - len(t.lstrip("0123456789"))]
        suffix = t[len(t.rstrip("0123456789")):]
        if prefix.startswith("01") and len(t) == 12:  # '0138****5678'
            t, prefix = t[1:], prefix[1:]
        key = prov = city = area = None
        if prefix.startswith("1"):
            if len(prefix) >= 3 and len(suffix) >= 4:
                key = prefix[:3] + "|" + suffix[-4:]
            if len(prefix) >= 7:
                prov, city = _mobile_table().get(prefix[:7], (None, None))
        elif prefix.startswith("0"):
            code = _area_code_of(prefix)
            if code is not None and len(prefix) >= len(code):
                area = code
                prov, city = _area_table().get(code, (None, None))
        return (None, "masked", prefix or None, suffix or None, key, prov, city, area, t)
    if not t.isdigit() or not t.isascii():
        return _INVALID
    if len(t) == 12 and t.startswith("01") and _MOBILE_RE.fullmatch(t[1:]):
        t = t[1:]
    if _MOBILE_RE.fullmatch(t):
        prov, city = _mobile_table().get(t[:7], (None, None))
        return (t, "mobile", None, None, t[:3] + "|" + t[-4:], prov, city, None, t)
    if t[0] == "0":
        code = _area_code_of(t)
        if code is None or not _LOCAL_RE.fullmatch(t[len(code):]):
            return _INVALID
        prov, city = _area_table().get(code, (None, None))
        return (t, "landline", None, None, None, prov, city, code, t)
    if _LOCAL_RE.fullmatch(t):
        return (t, "landline", None, None, None, None, None, None, t)
    return _INVALID


def _phone_tuple(raw) -> tuple:
    try:
        return _normalize_tuple(_prep(raw))
    except Exception:  # pragma: no cover - belt and braces
        return _INVALID


def normalize_phone(raw) -> dict:
    """Normalise one phone.  Keys: see :data:`PHONE_FIELDS`.  Never raises."""
    return dict(zip(PHONE_FIELDS, _phone_tuple(raw)))


def normalize_phones(series: pl.Series, col_prefix: str = "") -> pl.DataFrame:
    """Vectorised :func:`normalize_phone`: one row per input row, columns :data:`PHONE_FIELDS`
    (each distinct value normalised once, joined back in input order)."""
    return _normalize_distinct(series, PHONE_FIELDS, _phone_tuple, col_prefix)


# --------------------------------------------------------------------------- split
def _usable(piece: str) -> bool:
    return _phone_tuple(piece)[1] in ("mobile", "landline", "masked")


def split_phones(raw) -> list[str]:
    """Split a roster cell holding several phones into the individual (raw) phones.

    Hard separators: ``; ； 、 , ， / |``.  Whitespace also separates, but only
    between complete numbers: ``138 1234 5678`` and ``0571 87054420`` stay whole.
    """
    try:
        s = _to_text(raw)
        if s is None:
            return []
        if len(s) > 4096:
            s = s[:4096]
        s = unicodedata.normalize("NFKC", s)
        s = _CTRL_RE.sub(" ", s)
        out: list[str] = []
        for piece in _SPLIT_RE.split(s):
            tokens = piece.split()
            current = ""
            for tok in tokens:
                if current and _usable(current) and not _usable(current + tok):
                    out.append(current)
                    current = tok
                else:
                    current = current + tok if current else tok
            if current:
                out.append(current)
        return [p for p in out if p]
    except Exception:  # pragma: no cover
        return []


def split_phones_series(series: pl.Series) -> pl.Series:
    """Vectorised :func:`split_phones` -> List[str] series (distinct cells split once).
    Use ``.explode()`` on the result to get one phone per row."""
    s = series if series.dtype == pl.Utf8 else series.cast(pl.Utf8, strict=False)
    uniq = s.unique()
    table = pl.DataFrame(
        {"__raw": uniq, "phones": pl.Series([split_phones(v) for v in uniq.to_list()], dtype=pl.List(pl.Utf8))}
    )
    return (
        s.rename("__raw").to_frame()
        .join(table, on="__raw", how="left", nulls_equal=True, maintain_order="left")["phones"]
        .rename(series.name or "phones")
    )


# --------------------------------------------------------------------------- compare
_USABLE = ("mobile", "landline", "masked")


def compare_phone_detail(a, b) -> tuple[str, int]:
    """(category, agreeing visible digits); ``a``/``b`` raw cells or normalised dicts.

    'exact': same full number.  'compatible': a masked side agrees on every visible
    digit, or a landline without area code equals the other's local number.
    'mismatch': a visible digit differs (a mobile never equals a landline).
    'unknown': either side empty/invalid, or nothing visible to compare.
    """
    try:
        x = a if isinstance(a, dict) else normalize_phone(a)
        y = b if isinstance(b, dict) else normalize_phone(b)
        if x.get("kind") not in _USABLE or y.get("kind") not in _USABLE:
            return ("unknown", 0)
        if x["kind"] == "landline" and y["kind"] == "landline" and (x["area_code"] is None) != (y["area_code"] is None):
            short, long_ = sorted((x["digits"], y["digits"]), key=len)
            return ("compatible", len(short)) if long_.endswith(short) else ("mismatch", 0)
        return compare_patterns(x["pattern"], y["pattern"], x["kind"] != "masked", y["kind"] != "masked")
    except Exception:  # pragma: no cover
        return ("unknown", 0)


def compare_phone(a, b) -> str:
    """'exact' | 'compatible' | 'mismatch' | 'unknown' (see :func:`compare_phone_detail`)."""
    return compare_phone_detail(a, b)[0]


def compare_phones(a: pl.Series, b: pl.Series, names: tuple[str, str] = ("phone_match", "phone_agree")) -> pl.DataFrame:
    """Vectorised :func:`compare_phone_detail` over two equally long columns of raw phones.
    Returns columns ``phone_match`` (category) and ``phone_agree`` (Int32)."""
    x = normalize_phones(a, "a_").select("a_kind", "a_pattern", "a_area_code", "a_digits")
    y = normalize_phones(b, "b_").select("b_kind", "b_pattern", "b_area_code", "b_digits")
    frame = pl.concat([x, y], how="horizontal")
    ok_a, ok_b = pl.col("a_kind").is_in(_USABLE), pl.col("b_kind").is_in(_USABLE)
    p = pl.when(ok_a).then(pl.col("a_pattern"))
    q = pl.when(ok_b).then(pl.col("b_pattern"))
    cat, n = compare_patterns_expr(p, q, pl.col("a_kind") != "masked", pl.col("b_kind") != "masked", 12)
    local_case = (
        (pl.col("a_kind") == "landline") & (pl.col("b_kind") == "landline")
        & (pl.col("a_area_code").is_null() != pl.col("b_area_code").is_null())
    )
    la, lb = pl.col("a_digits").str.len_chars(), pl.col("b_digits").str.len_chars()
    local_ok = pl.when(la >= lb).then(pl.col("a_digits").str.ends_with(pl.col("b_digits"))).otherwise(
        pl.col("b_digits").str.ends_with(pl.col("a_digits"))
    )
    cat = pl.when(local_case).then(pl.when(local_ok).then(pl.lit("compatible")).otherwise(pl.lit("mismatch"))).otherwise(cat)
    n = pl.when(local_case).then(pl.when(local_ok).then(pl.min_horizontal(la, lb)).otherwise(0)).otherwise(n).cast(pl.Int32)
    return frame.select(cat.alias(names[0]), n.alias(names[1]))
