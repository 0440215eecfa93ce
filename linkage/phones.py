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
    _compare_pairs,
    _normalize_distinct,
    _to_text,
    _unwrap_excel,
    compare_patterns,
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
_EXT_RE = re.compile(r"(?:转|分机|ext\.?|#)\s*[0-9]{1,6}$", re.IGNORECASE)
_DASH_EXT_RE = re.compile(r"^(\(?0[0-9]{2,3}\)?[-\s]?[2-9][0-9]{6,7})[-\s]+[0-9]{1,5}$")
_SEP_RE = re.compile(r"[\s\-‐‑‒–—―()\[\].]+")
_FLOAT_RE = re.compile(r"([0-9]+)\.0+")
_MOBILE_RE = re.compile(r"1[3-9][0-9]{9}")
_MASKED_RE = re.compile(r"[0-9]*\*+[0-9]*")
_LOCAL_RE = re.compile(r"[2-9][0-9]{6,7}")
# A mobile (or masked mobile) left after an extension was cut off, country code allowed.
_MOBILE_EXT_RE = re.compile(r"(?:\+?86|0086)?1[3-9][0-9*]{9}")
_SPLIT_RE = re.compile(r"[;；、,，/|｜]+")
_PLAIN_CELL = r"^[0-9+*\-;；、,，/|｜]*$"


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
    ext = _EXT_RE.search(s)
    if ext is not None:
        s = s[: ext.start()]
        if _MOBILE_EXT_RE.fullmatch(_SEP_RE.sub("", s)):
            # '13800001111转1234': a mobile has no extension; this is a courier's or a
            # platform's relay (privacy) number, shared by many people: not the person's.
            return "\x00"
    m = _DASH_EXT_RE.match(s)  # '0571-87054420-801': drop the extension
    if m:
        s = m.group(1)
    return _SEP_RE.sub("", s)


_EMPTY = (None, "empty", None, None, None, None, None, None, None)
_INVALID = (None, "invalid", None, None, None, None, None, None, None)


def _normalize_core(s: str | None) -> tuple:
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


_normalize_tuple = functools.lru_cache(maxsize=100_000)(_normalize_core)


def _phone_tuple(raw) -> tuple:
    try:
        return _first_of_several(raw, _normalize_tuple(_prep(raw)))
    except Exception:  # pragma: no cover - belt and braces
        return _INVALID


def _phone_tuple_nocache(raw) -> tuple:
    try:
        return _first_of_several(raw, _normalize_core(_prep(raw)))
    except Exception:  # pragma: no cover
        return _INVALID


def _first_of_several(raw, result: tuple) -> tuple:
    """A field holding two numbers ('13857101115/13957101116', '138…；0571-…') is the
    first full one of them (else the first masked one), as a courier would dial it; not
    an invalid phone."""
    if result[1] != "invalid" or not isinstance(raw, str) or _SPLIT_RE.search(raw) is None:
        return result
    pieces = [_normalize_tuple(_prep(piece)) for piece in split_phones(raw)]
    for kinds in (("mobile", "landline"), ("masked",)):
        for t in pieces:
            if t[1] in kinds:
                return t
    return result


@functools.lru_cache(maxsize=1)
def _mobile_frame() -> pl.DataFrame:
    try:
        return gazetteer.mobile_prefixes().select("prefix7", "province", "city").unique("prefix7")
    except Exception:  # pragma: no cover
        return pl.DataFrame(schema={"prefix7": pl.Utf8, "province": pl.Utf8, "city": pl.Utf8})


def _phones_fast(uniq: pl.Series) -> tuple[pl.DataFrame, pl.Series]:
    """Vectorised normalisation of clean mobiles ('13857101115') and plain masked
    mobiles ('138****5678'); everything else goes to the per-value path."""
    df = uniq.to_frame("__raw")
    raw = pl.col("__raw")
    # '+86 138 5710 1115', '138-5710-1115', '8613857101115': the per-value path strips the
    # separators and the country code of exactly these shapes to the 11 digits.
    formatted = r"^(?:\+86|0086|86)?[ -]*1[3-9][0-9](?:[ -]*[0-9]){8}$"
    digits = raw.str.replace_all(r"[ -]", "").str.slice(-11)
    mobiles = df.filter(raw.str.contains(formatted).fill_null(False)).with_columns(
        __digits=digits, prefix7=digits.str.slice(0, 7)
    )
    raw = pl.col("__digits")
    table = _mobile_frame()
    if mobiles.height < table.height // 4:  # small batch: do not hash the whole table
        table = table.filter(pl.col("prefix7").is_in(mobiles["prefix7"].unique().implode()))
    mobiles = (
        mobiles.join(table, on="prefix7", how="left")
        .select(
            "__raw",
            digits=raw,
            kind=pl.lit("mobile"),
            prefix=pl.lit(None, pl.Utf8),
            suffix=pl.lit(None, pl.Utf8),
            mask_key=raw.str.slice(0, 3) + "|" + raw.str.slice(7, 4),
            province="province",
            city="city",
            area_code=pl.lit(None, pl.Utf8),
            pattern=raw,
        )
    )
    raw = pl.col("__raw")
    masked = df.filter(raw.str.contains(r"^1[0-9]{2}\*{4}[0-9]{4}$").fill_null(False)).select(
        "__raw",
        digits=pl.lit(None, pl.Utf8),
        kind=pl.lit("masked"),
        prefix=raw.str.slice(0, 3),
        suffix=raw.str.slice(7, 4),
        mask_key=raw.str.slice(0, 3) + "|" + raw.str.slice(7, 4),
        province=pl.lit(None, pl.Utf8),
        city=pl.lit(None, pl.Utf8),
        area_code=pl.lit(None, pl.Utf8),
        pattern=raw,
    )
    done = pl.concat([mobiles, masked], how="vertical_relaxed")
    return done, uniq.filter(uniq.is_null() | ~uniq.is_in(done["__raw"].implode()))


def normalize_phone(raw) -> dict:
    """Normalise one phone.  Keys: see :data:`PHONE_FIELDS`.  Never raises."""
    return dict(zip(PHONE_FIELDS, _phone_tuple(raw)))


def normalize_phones(series: pl.Series, col_prefix: str = "") -> pl.DataFrame:
    """Vectorised :func:`normalize_phone`: one row per input row, columns :data:`PHONE_FIELDS`
    (each distinct value normalised once, joined back in input order)."""
    return _normalize_distinct(series, PHONE_FIELDS, _phone_tuple_nocache, col_prefix, fast=_phones_fast)


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
    # Cells of digits, masks and hard separators only (nearly all of a roster) split the
    # same without the per-cell rules for spaces, full-width digits and labels.
    plain = uniq.str.contains(_PLAIN_CELL).fill_null(False)
    fast, rest = uniq.filter(plain), uniq.filter(~plain)
    table = pl.concat([
        pl.DataFrame({"__raw": fast, "phones": fast.str.replace_all(_SPLIT_RE.pattern, ";").str.split(";")
                      .list.eval(pl.element().filter(pl.element() != ""))}),
        pl.DataFrame({"__raw": rest,
                      "phones": pl.Series([split_phones(v) for v in rest.to_list()], dtype=pl.List(pl.Utf8))}),
    ])
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
    generic = _compare_pairs(
        frame.select(
            p=pl.when(pl.col("a_kind").is_in(_USABLE)).then(pl.col("a_pattern")),
            q=pl.when(pl.col("b_kind").is_in(_USABLE)).then(pl.col("b_pattern")),
            pf=pl.col("a_kind") != "masked",
            qf=pl.col("b_kind") != "masked",
        ),
        ("__cat", "__n"),
    )
    local_case = (
        (pl.col("a_kind") == "landline") & (pl.col("b_kind") == "landline")
        & (pl.col("a_area_code").is_null() != pl.col("b_area_code").is_null())
    )
    la, lb = pl.col("a_digits").str.len_chars(), pl.col("b_digits").str.len_chars()
    local_ok = pl.when(la >= lb).then(pl.col("a_digits").str.ends_with(pl.col("b_digits"))).otherwise(
        pl.col("b_digits").str.ends_with(pl.col("a_digits"))
    )
    return pl.concat([frame, generic], how="horizontal").select(
        pl.when(local_case)
        .then(pl.when(local_ok).then(pl.lit("compatible")).otherwise(pl.lit("mismatch")))
        .otherwise(pl.col("__cat"))
        .alias(names[0]),
        pl.when(local_case)
        .then(pl.when(local_ok).then(pl.min_horizontal(la, lb)).otherwise(0))
        .otherwise(pl.col("__n"))
        .cast(pl.Int32)
        .alias(names[1]),
    )
