"""Resident ID numbers (居民身份证号) and unified social credit codes, normalised.

Inputs are exports: an ID can be full (``33050219900101123X``), lower-case ``x``,
15-digit first-generation, masked (``330502********1234``, ``33**************1X``,
``3305021990******1X``), wrapped for Excel (``="330502..."``, ``'330502...``), full-width,
spaced, or rubbish.  Nothing here raises: bad input gets ``kind='invalid'`` / ``'empty'``.

Per value:   :func:`normalize_id`, :func:`compare_id`, :func:`compare_id_detail`.
Vectorised:  :func:`normalize_ids` (distinct values once, joined back),
             :func:`compare_ids` (pure polars expressions over two columns).

The pattern comparison (:func:`compare_patterns` / :func:`compare_patterns_expr`) is
shared with :mod:`linkage.phones`.
"""
from __future__ import annotations

import datetime as _dt
import functools
import math
import re
import unicodedata

import polars as pl

__all__ = [
    "ID_FIELDS",
    "id_checksum",
    "uscc_checksum",
    "normalize_id",
    "normalize_ids",
    "compare_id",
    "compare_id_detail",
    "compare_ids",
    "compare_patterns",
    "compare_patterns_expr",
]

MASK = "*"
#: characters exports use to hide digits (after NFKC, so '＊' is already '*')
MASK_CHARS = "*●•○◯■□◆◇★☆×"
_MASK_TABLE = str.maketrans({c: MASK for c in MASK_CHARS})
# whitespace of every kind, zero-width and bidi marks, BOM, dashes/dots used as separators
_STRIP_RE = re.compile(r"[\s\u00a0\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff\-‐‑‒–—―_.·]+")
_CTRL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
MAX_INPUT = 256  # longer cells are not IDs: refuse early, do not scan megabytes

_W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VAL = {c: i for i, c in enumerate(_USCC_CHARS)}
_USCC_W = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC_RE = re.compile(r"[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}")
_FULL_RE = re.compile(r"\d{17}[\dX]")
_OLD_RE = re.compile(r"\d{15}")
_MASKED_RE = re.compile(r"[\d*]*[\dX]?")
_LEAD_RE = re.compile(r"^[^*]*")
_TRAIL_RE = re.compile(r"[^*]*$")

#: keys of :func:`normalize_id`'s dict, and columns of :func:`normalize_ids`
ID_FIELDS: dict[str, pl.DataType] = {
    "id": pl.Utf8,           # full 18-char id (upper-case X) / credit code; None otherwise
    "kind": pl.Utf8,         # full | masked | org | invalid | empty
    "valid": pl.Boolean,     # checksum ok (full, org); None for masked; False for invalid/empty
    "prefix": pl.Utf8,       # masked: visible leading digits ('330502'); None otherwise
    "suffix": pl.Utf8,       # masked: visible trailing chars ('1234', '1X'); None otherwise
    "birth_date": pl.Date,   # full (or masked with the birth digits visible)
    "region_code": pl.Utf8,  # first 6 digits when known
    "sex": pl.Utf8,          # 'M' / 'F' from the 17th digit when known
    "pattern": pl.Utf8,      # full: the id; masked: '330502********1234'; None otherwise
}


# --------------------------------------------------------------------------- helpers
def _to_text(raw) -> str | None:
    """Anything to a str (or None for missing) without raising."""
    if raw is None:
        return None
    if isinstance(raw, str):
        return raw
    if isinstance(raw, float):
        if math.isnan(raw) or math.isinf(raw):
            return None
        if raw.is_integer():
            return str(int(raw))
        return repr(raw)
    if isinstance(raw, (bytes, bytearray)):
        return bytes(raw).decode("utf-8", errors="replace")
    try:
        return str(raw)
    except Exception:  # pragma: no cover - exotic __str__
        return None


def _unwrap_excel(s: str) -> str:
    """Undo Excel text-preserving tricks: ``="0571..."`` and a leading apostrophe."""
    s = s.strip()
    if len(s) >= 3 and s.startswith('="') and s.endswith('"'):
        s = s[2:-1]
    elif s.startswith("'"):
        s = s[1:]
    return s


def _prep(raw, limit: int = MAX_INPUT) -> str | None:
    """NFKC (full-width -> half-width), unwrap, drop separators and control chars.

    Returns None for missing, '' for blank, and the sentinel '\\x00' for over-long input.
    """
    s = _to_text(raw)
    if s is None:
        return None
    if len(s) > limit:
        return "\x00"
    s = unicodedata.normalize("NFKC", s)
    s = _unwrap_excel(s)
    s = _CTRL_RE.sub("", s)
    s = _STRIP_RE.sub("", s)
    return s


def id_checksum(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character ('0'-'9' or 'X') of 17 digits.

    Returns '' (never raises) when the input is not 17 ASCII digits.
    """
    if not isinstance(first17, str) or len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        return ""
    return _CHECK[sum(int(c) * w for c, w in zip(first17, _W)) % 11]


def uscc_checksum(first17: str) -> str:
    """GB 32100-2015 check character of a unified social credit code ('' if not computable)."""
    if not isinstance(first17, str) or len(first17) != 17:
        return ""
    try:
        total = sum(_USCC_VAL[c] * w for c, w in zip(first17, _USCC_W))
    except KeyError:
        return ""
    return _USCC_CHARS[(31 - total % 31) % 31]


def _date(s: str) -> _dt.date | None:
    if len(s) != 8 or not s.isdigit():
        return None
    try:
        d = _dt.date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    except ValueError:
        return None
    if d.year < 1880:
        return None
    return d


def _sex(c: str) -> str | None:
    return ("M" if int(c) % 2 else "F") if c.isdigit() else None


# --------------------------------------------------------------------------- normalise
_EMPTY = (None, "empty", False, None, None, None, None, None, None)
_INVALID = (None, "invalid", False, None, None, None, None, None, None)


def _full(id18: str) -> tuple:
    valid = id_checksum(id18[:17]) == id18[17]
    return (id18, "full", valid, None, None, _date(id18[6:14]), id18[:6], _sex(id18[16]), id18)


@functools.lru_cache(maxsize=200_000)
def _normalize_tuple(s: str | None) -> tuple:
    if s is None or s == "":
        return _EMPTY
    if s == "\x00" or len(s) > 40:
        return _INVALID
    t = s.upper().translate(_MASK_TABLE)
    if MASK not in t and "X" in t[:-1] and not _USCC_RE.fullmatch(t):
        # 'X' anywhere but the last position is a mask letter ('330502XXXXXXXX1234')
        t = t[:-1].replace("X", MASK) + t[-1]
    elif MASK in t and "X" in t[:-1]:
        t = t[:-1].replace("X", MASK) + t[-1]
    if MASK not in t:
        if _FULL_RE.fullmatch(t):
            full = _full(t)
            if full[2] and full[5] is not None:
                return full
            # not a valid person id: a numeric credit code?
            if _USCC_RE.fullmatch(t) and uscc_checksum(t[:17]) == t[17]:
                return (t, "org", True, None, None, None, None, None, None)
            return full
        if _OLD_RE.fullmatch(t):
            # first-generation 15-digit id: region(6) + YYMMDD + seq(3); upgrade to 18
            if _date("19" + t[6:12]) is None:
                return _INVALID
            body = t[:6] + "19" + t[6:]
            return _full(body + id_checksum(body))
        if _USCC_RE.fullmatch(t):
            return (t, "org", uscc_checksum(t[:17]) == t[17], None, None, None, None, None, None)
        return _INVALID
    # masked
    if len(t) < 3 or len(t) > 20 or not _MASKED_RE.fullmatch(t):
        return _INVALID
    prefix = _LEAD_RE.match(t).group(0)
    suffix = _TRAIL_RE.search(t).group(0)
    if "X" in prefix:  # X only allowed as the check character
        return _INVALID
    region = prefix[:6] if len(prefix) >= 6 else None
    birth = sex = None
    if len(t) == 18:
        birth = _date(t[6:14]) if MASK not in t[6:14] else None
        sex = _sex(t[16])
    return (None, "masked", None, prefix, suffix, birth, region, sex, t)


def normalize_id(raw) -> dict:
    """Normalise one ID cell.  Keys: see :data:`ID_FIELDS`.  Never raises."""
    try:
        tup = _normalize_tuple(_prep(raw))
    except Exception:  # pragma: no cover - belt and braces
        tup = _INVALID
    return dict(zip(ID_FIELDS, tup))


def _normalize_distinct(series: pl.Series, fields: dict, func, col_prefix: str) -> pl.DataFrame:
    """Apply ``func`` (value -> tuple in ``fields`` order) to each distinct value, join back."""
    s = series if series.dtype == pl.Utf8 else series.cast(pl.Utf8, strict=False)
    s = s.rename("__raw")
    uniq = s.unique()
    rows = [func(v) for v in uniq.to_list()]
    cols = list(zip(*rows)) if rows else [[] for _ in fields]
    table = pl.DataFrame(
        {"__raw": uniq, **{name: pl.Series(name, col, dtype=dt) for (name, dt), col in zip(fields.items(), cols)}}
    )
    out = (
        s.to_frame()
        .join(table, on="__raw", how="left", nulls_equal=True, maintain_order="left")
        .drop("__raw")
    )
    if col_prefix:
        out = out.rename({c: col_prefix + c for c in out.columns})
    return out


def _id_tuple(v) -> tuple:
    try:
        return _normalize_tuple(_prep(v))
    except Exception:  # pragma: no cover
        return _INVALID


def normalize_ids(series: pl.Series, col_prefix: str = "") -> pl.DataFrame:
    """Vectorised :func:`normalize_id`: one row per input row, columns :data:`ID_FIELDS`.

    Each distinct value is normalised once and joined back (input order kept).
    ``col_prefix`` is prepended to every output column name.
    """
    return _normalize_distinct(series, ID_FIELDS, _id_tuple, col_prefix)


# --------------------------------------------------------------------------- compare
def compare_patterns(p: str | None, q: str | None, p_full: bool, q_full: bool) -> tuple[str, int]:
    """Compare two digit patterns ('*' hides a character).

    Same length: position by position.  Different lengths (a shortened mask): the
    visible leading runs are compared on their overlap, and the trailing runs likewise.
    Returns (category, number of agreeing visible characters) with category
    'exact' | 'mismatch' | 'compatible' | 'unknown'.
    """
    if not p or not q:
        return ("unknown", 0)
    if len(p) == len(q):
        agree = conflict = 0
        for a, b in zip(p, q):
            if a == MASK or b == MASK:
                continue
            if a == b:
                agree += 1
            else:
                conflict += 1
    else:
        lp, lq = _LEAD_RE.match(p).group(0), _LEAD_RE.match(q).group(0)
        tp, tq = _TRAIL_RE.search(p).group(0), _TRAIL_RE.search(q).group(0)
        kp, ks = min(len(lp), len(lq)), min(len(tp), len(tq))
        conflict = int(lp[:kp] != lq[:kp]) + int(ks > 0 and tp[-ks:] != tq[-ks:])
        agree = kp + ks
    if p_full and q_full:
        return ("exact" if p == q else "mismatch", agree if len(p) == len(q) else 0)
    if conflict:
        return ("mismatch", agree)
    if agree == 0:
        return ("unknown", 0)
    return ("compatible", agree)


def compare_patterns_expr(p: pl.Expr, q: pl.Expr, p_full: pl.Expr, q_full: pl.Expr, width: int) -> tuple[pl.Expr, pl.Expr]:
    """Polars twin of :func:`compare_patterns` (patterns longer than ``width`` only get the
    lead/trail comparison).  Returns (category expr, agreeing-count expr)."""
    lp, lq = p.str.len_chars(), q.str.len_chars()
    agree_terms, conflict_terms = [], []
    for i in range(width):
        a, b = p.str.slice(i, 1), q.str.slice(i, 1)
        both = (a != MASK) & (b != MASK) & (lp > i)
        agree_terms.append((both & (a == b)).cast(pl.Int32))
        conflict_terms.append((both & (a != b)).cast(pl.Int32))
    agree_same = pl.sum_horizontal(agree_terms)
    conflict_same = pl.sum_horizontal(conflict_terms)
    lead_p = p.str.extract(r"^([^*]*)", 1)
    lead_q = q.str.extract(r"^([^*]*)", 1)
    trail_p = p.str.extract(r"([^*]*)$", 1)
    trail_q = q.str.extract(r"([^*]*)$", 1)
    kp = pl.min_horizontal(lead_p.str.len_chars(), lead_q.str.len_chars())
    ks = pl.min_horizontal(trail_p.str.len_chars(), trail_q.str.len_chars())
    conflict_diff = (lead_p.str.head(kp) != lead_q.str.head(kp)).cast(pl.Int32) + (
        (ks > 0) & (trail_p.str.tail(ks) != trail_q.str.tail(ks))
    ).cast(pl.Int32)
    agree_diff = (kp + ks).cast(pl.Int32)
    same = lp == lq
    agree = pl.when(same).then(agree_same).otherwise(agree_diff)
    conflict = pl.when(same).then(conflict_same).otherwise(conflict_diff)
    both_full = p_full.fill_null(False) & q_full.fill_null(False)
    missing = p.is_null() | q.is_null() | (lp == 0) | (lq == 0)
    cat = (
        pl.when(missing).then(pl.lit("unknown"))
        .when(both_full).then(pl.when(p == q).then(pl.lit("exact")).otherwise(pl.lit("mismatch")))
        .when(conflict > 0).then(pl.lit("mismatch"))
        .when(agree == 0).then(pl.lit("unknown"))
        .otherwise(pl.lit("compatible"))
    )
    n = (
        pl.when(missing).then(0)
        .when(both_full & ~same).then(0)
        .when(~both_full & (conflict == 0) & (agree == 0)).then(0)
        .otherwise(agree)
        .cast(pl.Int32)
    )
    return cat, n


def _compare_norms(d: dict, o: dict) -> tuple[str, int]:
    if d.get("kind") not in ("full", "masked") or o.get("kind") not in ("full", "masked"):
        return ("unknown", 0)
    return compare_patterns(d.get("pattern"), o.get("pattern"), d["kind"] == "full", o["kind"] == "full")


def compare_id_detail(debtor_full_id, obs) -> tuple[str, int]:
    """(category, agreeing visible characters).  ``obs`` is a raw cell or a
    :func:`normalize_id` dict; ``debtor_full_id`` likewise (normally a full id)."""
    d = debtor_full_id if isinstance(debtor_full_id, dict) else normalize_id(debtor_full_id)
    o = obs if isinstance(obs, dict) else normalize_id(obs)
    try:
        return _compare_norms(d, o)
    except Exception:  # pragma: no cover
        return ("unknown", 0)


def compare_id(debtor_full_id, obs) -> str:
    """'exact' | 'mismatch' | 'compatible' | 'unknown' (see :func:`compare_id_detail`)."""
    return compare_id_detail(debtor_full_id, obs)[0]


def compare_ids(debtor: pl.Series, obs: pl.Series, names: tuple[str, str] = ("id_match", "id_agree")) -> pl.DataFrame:
    """Vectorised :func:`compare_id_detail` over two equally long columns of raw cells.

    Returns a frame with ``id_match`` (category) and ``id_agree`` (Int32, agreeing visible
    characters), one row per input row.
    """
    d = normalize_ids(debtor, "d_")
    o = normalize_ids(obs, "o_")
    frame = pl.concat([d.select("d_kind", "d_pattern"), o.select("o_kind", "o_pattern")], how="horizontal")
    usable = ["full", "masked"]
    p = pl.when(pl.col("d_kind").is_in(usable)).then(pl.col("d_pattern"))
    q = pl.when(pl.col("o_kind").is_in(usable)).then(pl.col("o_pattern"))
    cat, n = compare_patterns_expr(p, q, pl.col("d_kind") == "full", pl.col("o_kind") == "full", 18)
    return frame.select(cat.alias(names[0]), n.alias(names[1]))
