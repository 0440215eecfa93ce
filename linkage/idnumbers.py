"""Resident ID numbers (居民身份证号) and unified social credit codes, normalised.

Inputs are exports: an ID can be full (``33050219900101123X``), lower-case ``x``,
15-digit first-generation, masked (``330502********1234``, ``33**************1X``,
``3305021990******1X``), wrapped for Excel (``="330502..."``, ``'330502...``), full-width,
spaced, or rubbish.  Nothing here raises: bad input gets ``kind='invalid'`` / ``'empty'``.

Per value:   :func:`normalize_id`, :func:`compare_id`, :func:`compare_id_detail`.
Vectorised:  :func:`normalize_ids` (distinct values once, joined back),
             :func:`compare_ids` (pure polars expressions over two columns).

The pattern comparison (:func:`compare_patterns` / :func:`compare_patterns_np`) is
shared with :mod:`linkage.phones`.
"""
from __future__ import annotations

import datetime as _dt
import functools
import math
import operator
import re
import unicodedata

import numpy as np
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
    "compare_patterns_np",
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
_USCC_RE = re.compile(r"[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}")
_FULL_RE = re.compile(r"[0-9]{17}[0-9X]")
_OLD_RE = re.compile(r"[0-9]{15}")
_MASKED_RE = re.compile(r"[0-9*]*[0-9X]?")
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


_W_OFFSET = 48 * sum(_W)


def id_checksum(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character ('0'-'9' or 'X') of 17 digits.

    Returns '' (never raises) when the input is not 17 ASCII digits.
    """
    if not isinstance(first17, str) or len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        return ""
    return _CHECK[(sum(map(operator.mul, first17.encode(), _W)) - _W_OFFSET) % 11]


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
    if len(s) != 8 or not s.isascii() or not s.isdigit():
        return None
    if not ("01" <= s[4:6] <= "12" and "01" <= s[6:8] <= "31"):
        return None
    try:
        d = _dt.date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    except ValueError:
        return None
    if d.year < 1880:
        return None
    return d


def _sex(c: str) -> str | None:
    return ("M" if int(c) % 2 else "F") if c in "0123456789" and c else None


# --------------------------------------------------------------------------- normalise
_EMPTY = (None, "empty", False, None, None, None, None, None, None)
_INVALID = (None, "invalid", False, None, None, None, None, None, None)


def _full(id18: str) -> tuple:
    valid = id_checksum(id18[:17]) == id18[17]
    return (id18, "full", valid, None, None, _date(id18[6:14]), id18[:6], _sex(id18[16]), id18)


def _normalize_core(s: str | None) -> tuple:
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
            ok = uscc_checksum(t[:17]) == t[17]
            if ok or not t[:17].isdigit():  # 17 digits + a wrong letter: a mistyped person id
                return (t, "org", ok, None, None, None, None, None, None)
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
    return (None, "masked", None, prefix or None, suffix or None, birth, region, sex, t)


_normalize_tuple = functools.lru_cache(maxsize=100_000)(_normalize_core)


def normalize_id(raw) -> dict:
    """Normalise one ID cell.  Keys: see :data:`ID_FIELDS`.  Never raises."""
    try:
        tup = _normalize_tuple(_prep(raw))
    except Exception:  # pragma: no cover - belt and braces
        tup = _INVALID
    return dict(zip(ID_FIELDS, tup))


def _normalize_distinct(series: pl.Series, fields: dict, func, col_prefix: str, fast=None) -> pl.DataFrame:
    """Normalise each distinct value of ``series`` once and join the result back.

    ``fast(uniq) -> (frame, rest)`` may handle the common clean shapes with vectorised
    code (``frame``: '__raw' + ``fields`` columns); ``func`` (value -> tuple in ``fields``
    order) handles ``rest`` one value at a time.  Output keeps the input's row order.
    """
    s = series if series.dtype == pl.Utf8 else series.cast(pl.Utf8, strict=False)
    s = s.rename("__raw")
    uniq = s.unique()
    parts = []
    if fast is not None and len(uniq):
        done, uniq = fast(uniq)
        parts.append(done.select("__raw", *[pl.col(n).cast(dt) for n, dt in fields.items()]))
    rows = [func(v) for v in uniq.to_list()]
    cols = list(zip(*rows)) if rows else [[] for _ in fields]
    parts.append(
        pl.DataFrame(
            {"__raw": uniq, **{name: pl.Series(name, list(col), dtype=dt) for (name, dt), col in zip(fields.items(), cols)}}
        )
    )
    table = pl.concat(parts, how="vertical") if len(parts) > 1 else parts[0]
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
        return _normalize_core(_prep(v))
    except Exception:  # pragma: no cover
        return _INVALID


def _ascii_matrix(values: pl.Series, width: int) -> np.ndarray:
    """(n, width) uint8 matrix of ASCII strings (nulls -> zeros; right-padded with zeros)."""
    if len(values) == 0:
        return np.zeros((0, width), dtype=np.uint8)
    arr = values.fill_null("").to_numpy().astype(f"S{width}")
    return np.frombuffer(arr.tobytes(), dtype=np.uint8).reshape(len(values), width)


def _ids_fast(uniq: pl.Series) -> tuple[pl.DataFrame, pl.Series]:
    """Vectorised normalisation of already clean full ids and plain masked ids."""
    df = uniq.to_frame("__raw")
    raw = pl.col("__raw")
    is_full = raw.str.contains(r"^[0-9]{17}[0-9Xx]$").fill_null(False)
    is_masked = (
        raw.str.contains(r"^[0-9]*\*+[0-9]*[0-9Xx]?$").fill_null(False)
        & raw.str.len_bytes().is_between(3, 20)
    )
    full = df.filter(is_full).with_columns(id=raw.str.to_uppercase())
    m = _ascii_matrix(full["id"], 18).astype(np.int64) - 48
    check = np.array(list(_CHECK))[(m[:, :17] @ np.array(_W, dtype=np.int64)) % 11] if len(m) else np.array([], dtype=str)
    birth = pl.col("id").str.slice(6, 8).str.to_date("%Y%m%d", strict=False)
    full = full.with_columns(
        valid=pl.Series(check, dtype=pl.Utf8) == pl.col("id").str.slice(17, 1),
        birth_date=pl.when(birth.dt.year() >= 1880).then(birth),
    )
    ok = pl.col("valid") & pl.col("birth_date").is_not_null()
    digit16 = pl.col("id").str.slice(16, 1)
    full_done = full.filter(ok).select(
        "__raw",
        "id",
        kind=pl.lit("full"),
        valid="valid",
        prefix=pl.lit(None, pl.Utf8),
        suffix=pl.lit(None, pl.Utf8),
        birth_date="birth_date",
        region_code=pl.col("id").str.slice(0, 6),
        sex=pl.when(digit16.cast(pl.Int32, strict=False) % 2 == 1).then(pl.lit("M")).otherwise(pl.lit("F")),
        pattern="id",
    )
    up = raw.str.to_uppercase()
    length = up.str.len_chars()
    prefix = up.str.extract(r"^([0-9]*)", 1)
    suffix = up.str.extract(r"([0-9X]*)$", 1)
    mbirth = up.str.slice(6, 8).str.to_date("%Y%m%d", strict=False)
    c16 = up.str.slice(16, 1)
    masked_done = df.filter(is_masked).select(
        "__raw",
        id=pl.lit(None, pl.Utf8),
        kind=pl.lit("masked"),
        valid=pl.lit(None, pl.Boolean),
        prefix=pl.when(prefix != "").then(prefix),
        suffix=pl.when(suffix != "").then(suffix),
        birth_date=pl.when((length == 18) & (mbirth.dt.year() >= 1880)).then(mbirth),
        region_code=pl.when(prefix.str.len_chars() >= 6).then(prefix.str.slice(0, 6)),
        sex=pl.when((length == 18) & c16.str.contains(r"^[0-9]$"))
        .then(pl.when(c16.cast(pl.Int32, strict=False) % 2 == 1).then(pl.lit("M")).otherwise(pl.lit("F"))),
        pattern=up,
    )
    done = pl.concat([full_done, masked_done], how="vertical_relaxed")
    rest = uniq.filter(uniq.is_null() | ~uniq.is_in(done["__raw"].implode()))
    return done, rest


def normalize_ids(series: pl.Series, col_prefix: str = "") -> pl.DataFrame:
    """Vectorised :func:`normalize_id`: one row per input row, columns :data:`ID_FIELDS`.

    Each distinct value is normalised once and joined back (input order kept); clean
    full and masked ids are handled by vectorised code, the rest by :func:`normalize_id`.
    ``col_prefix`` is prepended to every output column name.
    """
    return _normalize_distinct(series, ID_FIELDS, _id_tuple, col_prefix, fast=_ids_fast)


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


def compare_patterns_np(p: pl.Series, q: pl.Series, p_full, q_full) -> tuple[pl.Series, pl.Series]:
    """Vectorised :func:`compare_patterns` (numpy over ASCII byte matrices).

    ``p``/``q``: pattern columns (null = not comparable); ``p_full``/``q_full``: boolean
    columns.  Returns (category Utf8 series, agreeing-count Int32 series).
    """
    n = len(p)
    if n == 0:
        return pl.Series("cat", [], dtype=pl.Utf8), pl.Series("n", [], dtype=pl.Int32)
    width = int(max(p.str.len_bytes().max() or 0, q.str.len_bytes().max() or 0, 1))
    P, Q = _ascii_matrix(p, width), _ascii_matrix(q, width)
    pf = np.asarray(pl.Series(p_full).fill_null(False).to_numpy(), dtype=bool)
    qf = np.asarray(pl.Series(q_full).fill_null(False).to_numpy(), dtype=bool)
    star = ord(MASK)
    Lp, Lq = (P != 0).sum(1), (Q != 0).sum(1)
    both = (P != 0) & (P != star) & (Q != 0) & (Q != star)
    eq = P == Q
    agree_same = (both & eq).sum(1)
    conflict_same = (both & ~eq).any(1)

    def lead_trail(M, L):
        s = M == star
        has = s.any(1)
        lead = np.where(has, s.argmax(1), L)
        last = width - 1 - s[:, ::-1].argmax(1)
        trail = np.where(has, L - last - 1, L)
        return lead, trail

    lead_p, trail_p = lead_trail(P, Lp)
    lead_q, trail_q = lead_trail(Q, Lq)
    kp, ks = np.minimum(lead_p, lead_q), np.minimum(trail_p, trail_q)
    neq = ~eq
    first_neq = np.where(neq.any(1), neq.argmax(1), width)
    pre_conflict = first_neq < kp
    cols = np.arange(width)[None, :]

    def right_align(M, L):
        idx = cols + (L - width)[:, None]
        return np.where(idx >= 0, np.take_along_axis(M, np.clip(idx, 0, None), 1), 0)

    rneq = (right_align(P, Lp) != right_align(Q, Lq))[:, ::-1]
    first_rneq = np.where(rneq.any(1), rneq.argmax(1), width)
    suf_conflict = (ks > 0) & (first_rneq < ks)
    same = Lp == Lq
    agree = np.where(same, agree_same, kp + ks)
    conflict = np.where(same, conflict_same, pre_conflict | suf_conflict)
    missing = (Lp == 0) | (Lq == 0)
    both_full = pf & qf
    exact = same & eq.all(1)
    cat = np.select(
        [missing, both_full & exact, both_full, conflict, agree == 0],
        ["unknown", "exact", "mismatch", "mismatch", "unknown"],
        default="compatible",
    )
    count = np.where(missing | (both_full & ~same) | (~both_full & ~conflict & (agree == 0)), 0, agree)
    return pl.Series("cat", cat, dtype=pl.Utf8), pl.Series("n", count.astype(np.int32), dtype=pl.Int32)


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
    characters), one row per input row.  Distinct pattern pairs are compared once.
    """
    d = normalize_ids(debtor, "d_")
    o = normalize_ids(obs, "o_")
    usable = ["full", "masked"]
    frame = pl.concat([d.select("d_kind", "d_pattern"), o.select("o_kind", "o_pattern")], how="horizontal").select(
        p=pl.when(pl.col("d_kind").is_in(usable)).then(pl.col("d_pattern")),
        q=pl.when(pl.col("o_kind").is_in(usable)).then(pl.col("o_pattern")),
        pf=pl.col("d_kind") == "full",
        qf=pl.col("o_kind") == "full",
    )
    return _compare_pairs(frame, names)


def _compare_pairs(frame: pl.DataFrame, names: tuple[str, str]) -> pl.DataFrame:
    """frame(p, q, pf, qf) -> frame(names[0], names[1]) via distinct pairs."""
    keys = ["p", "q", "pf", "qf"]
    pairs = frame.unique(subset=keys)
    cat, n = compare_patterns_np(pairs["p"], pairs["q"], pairs["pf"], pairs["qf"])
    pairs = pairs.with_columns(cat.alias(names[0]), n.alias(names[1]))
    return frame.join(pairs, on=keys, how="left", nulls_equal=True, maintain_order="left").select(names)
