"""Helpers shared by the source adapters.

Everything here is pure: no database, no Prefect.  The adapters read one file
into canonical rows (``schema.OBSERVATION_SCHEMA`` / ``schema.ROSTER_SCHEMA``)
plus quarantine rows (``schema.QUARANTINE_SCHEMA``), chunk by chunk: memory is bounded by
the chunk (``CHUNK_ROWS`` / ``CHUNK_BYTES``), not by the file.

Main pieces
-----------
* ``sniff_binary`` - recognise files that are not text at all (NUL bytes, UTF-16,
  gzip/zip/parquet/pdf magic).
* ``read_delimited`` - the CSV engine used by the roster and e-commerce adapters:
  header-driven encoding choice, quoted fields with embedded commas/newlines,
  physical line numbers, field-count checks, truncated last line; records come out in
  chunks (``DelimitedFile.chunks``); a line longer than ``MAX_LINE_BYTES`` is never held.
* ``split_lines`` - a block of UTF-8 bytes into a polars Series of lines (fast).
* ``Check`` / ``reasons_column`` / ``validate_and_split`` - vectorised row checks; reason
  strings are built only for the rows that fail; in-file duplicates of a key are found
  within a chunk on the text and across chunks through ``SeenKeys``.
* ``clean_columns`` / ``parse_datetime_column`` / ``parse_text_times`` /
  ``parse_amount_column`` - vectorised cleaning and parsing used on the happy path.
* ``clean_text`` / ``is_formula`` - the same rules for per-value Python code (JSONL).
* ``ChunkOutput`` / ``MemorySink`` - hand rows and quarantine rows on chunk by chunk and
  enforce the invariant ``rows_read == rows_kept + rows_quarantined``.
"""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterator, NamedTuple

import numpy as np
import polars as pl

from .schema import QUARANTINE_SCHEMA, AdapterResult, empty

MAX_LINE_BYTES = 1 << 20          # a physical line longer than this is quarantined unread
MAX_FIELD_CHARS = 1000            # a text value longer than this quarantines its row
MAX_RECORD_LINES = 50             # a quoted CSV record may span at most this many lines
RAW_CHARS = 500                   # quarantine.raw is cut to this many characters
BEIJING = dt.timezone(dt.timedelta(hours=8))   # China has had no DST since 1991

# --------------------------------------------------------------------------- text

# C0 controls except \t \n \r, DEL, C1 controls, zero-width and bidi-override
# characters, the BOM, and the Unicode line/paragraph separators.
_REMOVE_CHARS = (
    [c for c in range(0x00, 0x20) if c not in (0x09, 0x0A, 0x0D)]
    + [0x7F] + list(range(0x80, 0xA0))
    + [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D,
       0x202E, 0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF]
)
_TRANSLATE = {c: None for c in _REMOVE_CHARS}
_TRANSLATE.update({0x09: " ", 0x0A: " ", 0x0D: " ", 0x2028: " ", 0x2029: " "})

# The same as a regex for polars (Rust regex syntax).
_REMOVE_RE = (
    r"[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\x{80}-\x{9F}\x{200B}-\x{200F}\x{202A}-\x{202E}"
    r"\x{2060}\x{2066}-\x{2069}\x{FEFF}]"
)
_SPACE_RE = r"[\t\n\r\x{2028}\x{2029}]"

# Spreadsheet formula: after stripping whitespace, '=' or '@', or '+'/'-' followed by a
# non-digit or by nothing ('+86 138...' and '-12.5' are fine; a bare '-' is not a value).
FORMULA_RE = r"^\s*(?:[=@]|[+\-](?:$|[^0-9]))"
_FORMULA_PY = re.compile(r"^\s*(?:[=@]|[+\-](?:$|[^0-9]))")


def clean_text(value: object) -> str | None:
    """Python twin of ``clean_expr``: remove control characters, strip; '' -> None."""
    if value is None:
        return None
    s = value if isinstance(value, str) else str(value)
    s = s.translate(_TRANSLATE).strip()
    return s or None


def is_formula(value: str | None) -> bool:
    return value is not None and _FORMULA_PY.match(value) is not None


def clean_expr(col: str) -> pl.Expr:
    """Remove control characters, turn tabs/newlines into spaces, strip; '' -> null."""
    e = (
        pl.col(col)
        .str.replace_all(_REMOVE_RE, "")
        .str.replace_all(_SPACE_RE, " ")
        .str.strip_chars()
    )
    return pl.when(e.str.len_chars() == 0).then(None).otherwise(e).alias(col)


_ANY_CTRL_RE = _REMOVE_RE[:-1] + r"\t\n\r\x{2028}\x{2029}]"


# A line whose fields may need cleaning: a control character anywhere, or whitespace next to
# a field boundary (line start or end, ',' or '"').  A line without either has no field
# clean_columns would change (other than '' -> null).
_DIRTY_LINE_RE = _ANY_CTRL_RE + r'|(?:^|[,"])\s|\s(?:[,"]|$)'


def clean_columns(df: pl.DataFrame, cols: list[str], dirty: str | None = None) -> pl.DataFrame:
    """``clean_expr`` on many columns, fast: the regex replacements run only on columns
    that contain a control character at all (rare), then strip and '' -> null.

    ``dirty`` names a boolean column that is true for every row whose values may change
    beyond '' -> null (the CSV engine's ``_dirty``): only those rows are cleaned then."""
    if dirty is not None:
        flag = df[dirty].fill_null(True)
        if flag.any():
            idx = flag.arg_true()
            sub = clean_columns(df[idx].select(cols), cols)
            df = df.with_columns([df[c].scatter(idx, sub[c]) for c in cols])
        return df.with_columns([
            pl.when(pl.col(c).str.len_bytes() == 0).then(None).otherwise(pl.col(c)).alias(c)
            for c in cols])
    has = df.select([pl.col(c).str.contains(_ANY_CTRL_RE).any().alias(c) for c in cols]).row(0)
    dirty_cols = [c for c, h in zip(cols, has) if h]
    if dirty_cols:
        df = df.with_columns([
            pl.col(c).str.replace_all(_REMOVE_RE, "").str.replace_all(_SPACE_RE, " ")
            for c in dirty_cols])
    df = df.with_columns([pl.col(c).str.strip_chars() for c in cols])
    return df.with_columns([
        pl.when(pl.col(c).str.len_bytes() == 0).then(None).otherwise(pl.col(c)).alias(c)
        for c in cols])


class Check(NamedTuple):
    """One row check: ``cond`` is true where a row fails it, ``msg`` the reason then.

    Kept apart so that ``validate_and_split`` can evaluate the cheap boolean conditions on
    every row and build reason strings only for the few rows that fail: polars evaluates
    both branches of ``when/then`` for every row, and formatting a message per row per
    check was most of the validation time on clean files.  ``pre``, when given, is a
    cheaper condition true wherever ``cond`` is (only the rows it selects get ``cond``)."""

    cond: pl.Expr
    msg: pl.Expr
    pre: pl.Expr | None = None

    def expr(self) -> pl.Expr:
        return pl.when(self.cond).then(self.msg)

    def cheap(self) -> pl.Expr:
        return self.cond if self.pre is None else self.pre


# Fields whose values may start with + or - followed by a digit (+86 138..., an id): any
# other field (a name, an address) starting with = @ + - is a formula.
_NUMBER_LIKE = re.compile(r"phone|手机|电话|证件号|编号|id|_no$", re.IGNORECASE)


def formula_check(col: str, label: str | None = None) -> Check:
    """For cleaned (stripped) values: a formula starts with = or @, or with + or - (in a
    phone or id field, + or - not followed by a digit: '+86 138...' is a phone)."""
    c = pl.col(col).str
    pattern = FORMULA_RE if _NUMBER_LIKE.search(col) else r"^\s*[=@+\-]"
    return Check(c.contains(pattern), pl.lit(f"spreadsheet formula in {label or col}"),
                 c.starts_with("=") | c.starts_with("@") | c.starts_with("+") | c.starts_with("-"))


def length_check(col: str, label: str | None = None) -> Check:
    n = pl.col(col).str.len_chars()
    return Check(n > MAX_FIELD_CHARS, pl.format(f"field {label or col} is {{}} characters long", n),
                 pl.col(col).str.len_bytes() > MAX_FIELD_CHARS)     # never fewer bytes than characters


def empty_check(col: str, label: str | None = None) -> Check:
    return Check(pl.col(col).is_null(), pl.lit(f"empty {label or col}"))


def unparseable_check(raw_col: str, parsed: pl.Expr, label: str) -> Check:
    return Check(pl.col(raw_col).is_not_null() & parsed.is_null(),
                 pl.format(f'unparseable {label} "{{}}"', pl.col(raw_col).str.slice(0, 60)))


_LEN_RE = re.compile(r"is (\d{4,}) characters long")


def pretty_reason(reason: str) -> str:
    """'is 1048576 characters long' -> 'is 1,048,576 characters long' (bad rows only)."""
    return _LEN_RE.sub(lambda m: f"is {int(m.group(1)):,} characters long", reason)


def combine_reasons(exprs: list[pl.Expr]) -> pl.Expr:
    """First-to-last list of reasons joined by '; ', null when the row is fine."""
    if not exprs:
        return pl.lit(None, dtype=pl.Utf8).alias("_reason")
    joined = pl.concat_str(exprs, separator="; ", ignore_nulls=True)
    return pl.when(joined.str.len_chars() == 0).then(None).otherwise(joined).alias("_reason")


def reasons_column(df: pl.DataFrame, checks: list[Check]) -> pl.Series:
    """``combine_reasons`` of the checks as a column ``_reason``, its strings built only
    for the rows where some condition holds (the same values as on every row)."""
    n = df.height
    reason = nulls("_reason", n, pl.Utf8)
    if not checks or not n:
        return reason
    flag = df.select(pl.any_horizontal([c.cheap() for c in checks]).fill_null(False)).to_series()
    if not flag.any():
        return reason
    idx = flag.arg_true()
    # only the columns the checks read are gathered for the selected rows
    names = sorted({n for c in checks for e in (c.cond, c.msg) for n in e.meta.root_names()})
    if any(c.pre is not None for c in checks):
        # a cheap condition holds for many rows that pass ('+86 138...' starts like a
        # formula): the exact conditions first, the strings only where one holds
        exact = df.select(names)[idx].select(
            pl.any_horizontal([c.cond for c in checks]).fill_null(False)).to_series()
        idx = idx.filter(exact)
        if not idx.len():
            return reason
    sub = df.select(names)[idx].select(combine_reasons([c.expr() for c in checks])).to_series()
    return reason.scatter(idx, sub)


# --------------------------------------------------------------------------- dates

DATETIME_FORMATS = (
    "%Y/%m/%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y/%m/%d %H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y.%m.%d %H:%M:%S",
    "%Y%m%d %H%M%S",
    "%Y%m%d%H%M%S",
    "%Y年%m月%d日 %H:%M:%S",
    "%Y年%m月%d日 %H:%M",
    # A date alone (some exports drop the time): midnight, which reads as "not office hours".
    "%Y/%m/%d",
    "%Y-%m-%d",
    "%Y年%m月%d日",
)
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%Y.%m.%d")

# Formats whose numeric fields touch ('%Y%m%d%H%M%S'): strptime cuts a run of digits
# leniently ('2026112712' is 2026-11-02 07:01:02 to Python, '2026112712304' 12:30:04 to
# polars), so such a format only reads values whose digit runs have exactly its widths.
_EXACT_SHAPES = {
    "%Y%m%d %H%M%S": r"^[0-9]{8} [0-9]{6}$",
    "%Y%m%d%H%M%S": r"^[0-9]{14}$",
    "%Y%m%d": r"^[0-9]{8}$",
}
assert all(f in _EXACT_SHAPES for f in DATETIME_FORMATS + DATE_FORMATS
           if re.search(r"%[YmdHMS]%[YmdHMS]", f)), "a format with touching fields needs its shape"


def _strptime(text: pl.Series, fmt: str, dtype) -> pl.Series:
    """``text.str.strptime(dtype, fmt)``, null where unparseable or (``_EXACT_SHAPES``) where
    the digits do not have the format's widths exactly."""
    out = text.str.strptime(dtype, fmt, strict=False, cache=False)
    shape = _EXACT_SHAPES.get(fmt)
    if shape is None:
        return out
    return pl.select(pl.when(text.str.contains(shape)).then(out)).to_series().alias(text.name)


def _strptime_expr(text: pl.Expr, fmt: str, dtype) -> pl.Expr:
    """``_strptime`` as an expression."""
    out = text.str.strptime(dtype, fmt, strict=False)
    shape = _EXACT_SHAPES.get(fmt)
    return out if shape is None else pl.when(text.str.contains(shape)).then(out)


def nulls(name: str, n: int, dtype) -> pl.Series:
    return pl.repeat(None, n, dtype=dtype, eager=True).alias(name)


def parse_first(text: pl.Series, formats, dtype) -> pl.Series:
    """``coalesce`` of ``text.str.strptime(dtype, f)`` over ``formats``, trying each format
    only on the values no earlier format parsed (the same result, without running every
    format over every value)."""
    out = _strptime(text, formats[0], dtype).alias(text.name)
    todo = text.is_not_null() & out.is_null()
    for f in formats[1:]:
        idx = todo.arg_true()
        if idx.len() == 0:
            break
        parsed = _strptime(text.gather(idx), f, dtype)
        ok = parsed.is_not_null()
        if ok.any():
            hit = idx.filter(ok)
            out = out.scatter(hit, parsed.filter(ok))
            todo = todo.scatter(hit, False)
    return out


def parse_datetime_column(df: pl.DataFrame, col: str, out: str) -> pl.DataFrame:
    """Add ``out`` = ``parse_datetime_expr(col)``.  The first format is tried on the raw text
    first; only the values it did not parse go through the full list (NFKC, then each
    format in turn).  A value the first format parses as it is parses to the same time after
    NFKC: NFKC leaves ASCII digits and separators alone and maps whitespace to whitespace."""
    raw = df[col]
    first = _strptime(raw, DATETIME_FORMATS[0], pl.Datetime("us"))
    need = raw.is_not_null() & first.is_null()
    if need.any():
        idx = need.arg_true()
        text = raw.gather(idx).str.normalize("NFKC").str.strip_chars()
        first = first.scatter(idx, parse_first(text, DATETIME_FORMATS, pl.Datetime("us")))
    return df.with_columns(first.alias(out))


def parse_datetime_expr(col: str) -> pl.Expr:
    """String column -> naive Datetime('us'); null when empty or unparseable.

    Full-width digits and stray spaces are normalised first (２０２６/１１/２７)."""
    text = pl.col(col).str.normalize("NFKC").str.strip_chars()
    return pl.coalesce(
        [_strptime_expr(text, f, pl.Datetime("us")) for f in DATETIME_FORMATS]
    )


def parse_date_expr(col: str) -> pl.Expr:
    return pl.coalesce([_strptime_expr(pl.col(col), f, pl.Date) for f in DATE_FORMATS])


_MIN_TIME = dt.datetime(1, 1, 2)        # representable after any time-zone shift
_MAX_TIME = dt.datetime(9999, 12, 30)

_PY_DT_FORMATS = ("%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M")


def _epoch_to_beijing(seconds: float) -> dt.datetime:
    """Unix time in seconds -> naive Beijing time (numbers and digit strings alike)."""
    t = dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc)
    return t.astimezone(BEIJING).replace(tzinfo=None)


def _digits_time(d: str) -> dt.datetime:
    """A timestamp of ASCII digits only, by its length: 14 'YYYYMMDDHHMMSS', 8 'YYYYMMDD'
    (midnight), 10 a Unix time in seconds, 13 in milliseconds; any other length is
    ambiguous (no lenient cutting of the digits into fields)."""
    n = len(d)
    if n == 14:
        return dt.datetime(int(d[0:4]), int(d[4:6]), int(d[6:8]), int(d[8:10]), int(d[10:12]),
                           int(d[12:14]))
    if n == 8:
        return dt.datetime(int(d[0:4]), int(d[4:6]), int(d[6:8]))
    if n == 10:
        return _epoch_to_beijing(int(d))
    if n == 13:
        return _epoch_to_beijing(int(d) / 1000)
    raise ValueError(f"{n} digits: neither YYYYMMDD (8), YYYYMMDDHHMMSS (14) nor a Unix time "
                     "in seconds (10) or milliseconds (13)")


def parse_timestamp_py(value: object) -> dt.datetime | None:
    """One timestamp -> naive Beijing time.

    Accepts ISO 8601 with '+08:00', 'Z', any other offset, or none (taken as Beijing
    time already), the export's 'YYYY/MM/DD HH:MM:SS', Unix epoch numbers (seconds, or
    milliseconds when > 1e11), and strings of digits only (``_digits_time``: 14 or 8
    digits a date and time or a date, 10 or 13 a Unix time in seconds or milliseconds,
    converted as the numbers are).  Raises ValueError when it cannot.
    """
    if isinstance(value, bool):
        raise ValueError("boolean is not a timestamp")
    if isinstance(value, (int, float)):
        v = float(value)
        if v != v or v in (float("inf"), float("-inf")):
            raise ValueError("not a number")
        if abs(v) > 1e11:
            v /= 1000.0
        return _epoch_to_beijing(v)
    if not isinstance(value, str):
        raise ValueError(f"{type(value).__name__} is not a timestamp")
    s = value.strip()
    d = unicodedata.normalize("NFKC", s).strip() if not s.isascii() else s
    if d.isascii() and d.isdigit():
        return _digits_time(d)
    try:
        t = dt.datetime.fromisoformat(s)
    except ValueError:
        for f in _PY_DT_FORMATS:
            try:
                t = dt.datetime.strptime(s, f)
                break
            except ValueError:
                continue
        else:
            raise
    if t.tzinfo is not None:
        t = t.astimezone(BEIJING).replace(tzinfo=None)
    return t


_AWARE_FORMATS = ("%Y-%m-%dT%H:%M:%S%#z", "%Y-%m-%d %H:%M:%S%#z",
                  "%Y-%m-%dT%H:%M:%S%.f%#z", "%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%dT%H:%M:%S%.fZ")
# '2026-11-20T21:33:00+08:00', the way platforms export times: no naive format can read the
# offset (tests/test_ingest_streaming.py checks that on every such shape), so these values
# skip the naive formats and go straight to the ones with an offset.
_ISO_OFFSET_RE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}$"


def parse_text_times(s: pl.Series) -> pl.Series:
    """Text timestamps -> naive Beijing Datetime('us'); null when unparseable.
    Naive values are Beijing time already; '+08:00', 'Z' or other offsets are converted.
    Digits only: 14 or 8 a date and time or a date, 10 or 13 a Unix time in seconds or
    milliseconds, nothing else (``parse_timestamp_py``)."""
    name = s.name
    n = s.len()
    iso = s.str.contains(_ISO_OFFSET_RE).fill_null(False)
    naive = nulls(name, n, pl.Datetime("us"))
    rest = s.is_not_null() & ~iso
    if rest.any():
        idx = rest.arg_true()
        text = s.gather(idx).str.normalize("NFKC").str.strip_chars()
        naive = naive.scatter(idx, parse_first(text, DATETIME_FORMATS, pl.Datetime("us")))
    # ISO strings with an offset or 'Z'
    todo = naive.is_null() & s.is_not_null()
    if todo.all():           # the usual export: every value has an offset
        out = parse_first(s, _AWARE_FORMATS, pl.Datetime("us", "UTC"))
        out = out.dt.convert_time_zone("Asia/Shanghai").dt.replace_time_zone(None).cast(pl.Datetime("us"))
    else:
        aware = nulls(name, n, pl.Datetime("us"))
        if todo.any():
            idx = todo.arg_true()
            got = parse_first(s.gather(idx), _AWARE_FORMATS, pl.Datetime("us", "UTC"))
            got = got.dt.convert_time_zone("Asia/Shanghai").dt.replace_time_zone(None).cast(pl.Datetime("us"))
            aware = aware.scatter(idx, got)
        out = pl.select(pl.coalesce(naive, aware)).to_series()
    # '9999-12-31T23:59:59-12:00' is year 10000 in Beijing: no consumer (Python, reports)
    # can hold it; null here means "unparseable" and quarantines the row.
    out = pl.select(pl.when(out.is_between(_MIN_TIME, _MAX_TIME)).then(out)).to_series()
    need_py = out.is_null() & s.is_not_null()
    if need_py.any():
        # rare formats: fall back to the Python parser for the leftovers only
        idx = need_py.arg_true()
        vals = []
        for v in s.gather(idx).to_list():
            try:
                vals.append(parse_timestamp_py(v))
            except (ValueError, OverflowError, OSError):
                vals.append(None)
        out = out.scatter(idx, pl.Series(name, vals, dtype=pl.Datetime("us")))
    return out.alias(name)


# --------------------------------------------------------------------------- files


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while True:
            b = fh.read(chunk)
            if not b:
                break
            h.update(b)
    return h.hexdigest()


_MAGIC = (
    (b"\x1f\x8b", "a gzip archive"),
    (b"PK\x03\x04", "a zip archive (an .xlsx workbook?)"),
    (b"\xd0\xcf\x11\xe0", "an old Excel/Office document (.xls)"),
    (b"PAR1", "a parquet file"),
    (b"%PDF", "a PDF document"),
    (b"ARROW1", "an Arrow IPC (Feather) file"),
    (b"ORC", "an ORC file"),
    (b"7z\xbc\xaf", "a 7-zip archive"),
    (b"Rar!", "a RAR archive"),
)


BINARY_MSG = "file is binary (many NUL/control bytes), not a text file"
UTF16_MSG = "file is UTF-16 encoded (exported as 'Unicode text'?), not the expected encoding"
UTF16_GUESS_MSG = "file looks UTF-16 encoded (without byte-order mark), not the expected encoding"
GUESSES = (BINARY_MSG, UTF16_GUESS_MSG)   # overruled by a valid first line


def sniff_binary(head: bytes) -> str | None:
    """A sentence saying why ``head`` (first bytes of a file) is not a text file, or None.

    The messages in ``GUESSES`` (counting NUL/control bytes) are guesses: callers overrule
    them when the file's first line is a valid header/record (a NUL-padded tail after a
    crash, a few garbage lines in a small file)."""
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "file is UTF-32 encoded, not the expected encoding"
    codec = utf16_codec(head)
    if codec == "utf-16":
        return UTF16_MSG
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"file is {what}, not a text file"
    if head:
        if codec:
            return UTF16_GUESS_MSG
        controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
        if controls * 20 > len(head):   # > 5 % control bytes: binary (a stray one is cleaned)
            return BINARY_MSG
    return None


_CONTROL_BYTES = bytes(c for c in range(0x20) if c not in (0x09, 0x0A, 0x0C, 0x0D))


def utf16_codec(head: bytes) -> str | None:
    """The UTF-16 codec a file starting with ``head`` is written in, or None: 'utf-16'
    with a byte-order mark; without one, the byte order the NULs of its ASCII characters
    (commas, digits, line breaks) show.  Excel saves 'Unicode text' so."""
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return None                                         # UTF-32
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    first = head.split(b"\n", 1)[0] if b"\n" in head else head
    if b"\x00" not in first:
        # a UTF-16 first line (a header, an object) has ASCII in it, so NULs; NULs only
        # further down are damage in a text file, not its encoding
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if even + odd >= 4 and max(even, odd) >= 19 * min(even, odd):
        return "utf-16-le" if odd > even else "utf-16-be"
    return None


def utf16_warning(expected: str) -> str:
    return f"file is UTF-16 encoded (saved as 'Unicode text'?), not {expected}: read as UTF-16"


class _ConvertingReader:
    """Binary reader over ``fh`` giving its bytes through ``_convert``, a chunk at a time,
    with the ``read`` and ``readline`` of a file: memory stays bounded by the chunk."""

    def __init__(self, fh: BinaryIO, chunk: int = 1 << 20):
        self.fh, self.chunk, self.buf, self.done = fh, chunk, b"", False

    def _convert(self, data: bytes, final: bool) -> bytes:
        raise NotImplementedError

    def _fill(self) -> bool:
        if self.done:
            return False
        data = self.fh.read(self.chunk)
        self.done = not data
        self.buf += self._convert(data, self.done)
        return True

    def read(self, n: int = -1) -> bytes:
        while (n is None or n < 0 or len(self.buf) < n) and self._fill():
            pass
        if n is None or n < 0:
            out, self.buf = self.buf, b""
        else:
            out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def readline(self, limit: int = -1) -> bytes:
        while True:
            i = self.buf.find(b"\n")
            if i >= 0 or (0 <= limit <= len(self.buf)) or not self._fill():
                end = i + 1 if i >= 0 else (limit if 0 <= limit <= len(self.buf) else len(self.buf))
                if 0 <= limit < end:
                    end = limit
                out, self.buf = self.buf[:end], self.buf[end:]
                return out


class Utf16AsUtf8(_ConvertingReader):
    """A UTF-16 file's text as UTF-8 bytes: a file in the wrong encoding loses no rows.  A
    byte sequence that is not UTF-16 becomes U+FFFD, so its line reads as damaged text,
    not as a lost file."""

    def __init__(self, fh: BinaryIO, codec: str, chunk: int = 1 << 20):
        super().__init__(fh, chunk)
        self.decoder = codecs.getincrementaldecoder(codec)(errors="replace")

    def _convert(self, data: bytes, final: bool) -> bytes:
        return self.decoder.decode(data, final=final).encode("utf-8", "replace")


CR_WARNING = "lines end with a bare carriage return (classic Mac line breaks): read as line breaks"


def cr_line_ends(head: bytes) -> bool:
    """Does a file starting with ``head`` break lines with a bare '\\r' (no '\\n' at all)?
    ('\\r' is never part of a UTF-8 or GB18030 multi-byte character.)"""
    return b"\n" not in head and b"\r" in head.rstrip(b"\r")


class CrAsLf(_ConvertingReader):
    """Every '\\r' as '\\n' (for files with bare-CR line ends)."""

    def _convert(self, data: bytes, final: bool) -> bytes:
        return data.replace(b"\r", b"\n")


_SPLIT_SEPARATORS = (b"\x1f", b"\x1e", b"\x1d", b"\x1c", b"\x01", b"\x02", b"\x03")


def split_lines(data: bytes, *, keep_final_cr: bool) -> pl.Series | None:
    """``data`` (valid UTF-8) split on b'\\n' as a polars Series, without the empty piece
    after a final b'\\n' and with one b'\\r' removed before each b'\\n'.  An unterminated
    last line loses one final b'\\r' too unless ``keep_final_cr`` (the CSV engine keeps it,
    the JSONL reader does not).  None when the fast way cannot be used (the caller splits in
    Python then).

    polars' CSV reader with no quote character and a separator that does not occur in the
    data cuts lines about four times faster than ``str.split`` and keeps blank lines."""
    if not data:
        return pl.Series("_text", [], dtype=pl.Utf8)
    sep = next((c for c in _SPLIT_SEPARATORS if c not in data), None)
    if sep is None:
        return None
    expected = data.count(b"\n") + (not data.endswith(b"\n"))
    lead = data.startswith(b"\xef\xbb\xbf")    # polars would drop a BOM at the start: keep it a line's text
    try:
        s = pl.read_csv(b"\n" + data if lead else data, has_header=False, separator=sep.decode(),
                        quote_char=None, comment_prefix=None, new_columns=["_text"],
                        schema={"_text": pl.Utf8}, empty_string_is_null=False,
                        raise_if_empty=False).to_series()
    except pl.exceptions.PolarsError:   # pragma: no cover - defensive
        return None
    if lead:
        s = s.slice(1)
    if s.len() != expected:             # pragma: no cover - defensive
        return None
    if keep_final_cr and data.endswith(b"\r"):
        s = s.scatter(s.len() - 1, s[-1] + "\r")
    return s.alias("_text")


def raw_text(s: str) -> str:
    """Quarantine ``raw``: control characters made harmless, cut to RAW_CHARS."""
    return s[:RAW_CHARS * 2].translate(_RAW_TRANSLATE)[:RAW_CHARS]


_RAW_TRANSLATE = {c: "\ufffd" for c in _REMOVE_CHARS}
_RAW_TRANSLATE[0x0D] = " "


@dataclass
class Collector:
    """Quarantine rows gathered while reading, plus warnings."""

    file: str
    source_kind: str
    platform: str
    lines: list[int] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    raws: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add(self, line: int, reason: str, raw: str | None) -> None:
        self.lines.append(line)
        self.reasons.append(reason)
        self.raws.append(raw_text(raw or ""))

    def frame(self) -> pl.DataFrame:
        return quarantine_frame(self.file, self.source_kind, self.platform,
                                self.lines, self.reasons, self.raws)

    def take(self) -> pl.DataFrame:
        """The rows gathered so far, sorted by line; the collector starts empty again."""
        q = self.frame().sort("line", maintain_order=True)
        self.lines, self.reasons, self.raws = [], [], []
        return q


def quarantine_frame(file: str, source_kind: str, platform: str,
                     lines, reasons, raws) -> pl.DataFrame:
    n = len(lines)
    if n == 0:
        return empty(QUARANTINE_SCHEMA)
    return pl.DataFrame(
        {
            "file": [file] * n,
            "line": list(lines),
            "source_kind": [source_kind] * n,
            "platform": [platform] * n,
            "reason": list(reasons),
            "raw": [raw_text(r or "") for r in raws],
        },
        schema=QUARANTINE_SCHEMA,
    )


def error_result(file: str, source_kind: str, platform: str, message: str,
                 row_schema: dict, warnings: list[str] | None = None) -> AdapterResult:
    """The whole file could not be read: no rows, no quarantine rows, ``error`` set.
    (Chunks already handed to a sink are void: ``stages.ingest_file`` drops them.)"""
    return AdapterResult(
        file=file, source_kind=source_kind, platform=platform,
        rows=empty(row_schema), error=message, warnings=list(warnings or []),
    )


# --------------------------------------------------------------------------- chunked output

# A chunk ends after CHUNK_ROWS records or CHUNK_BYTES of input, whichever comes first:
# this bounds memory whatever the file's size (a chunk's frames take about ten times its
# input while it is processed), and smaller chunks cost no measurable time.
CHUNK_ROWS = 250_000
CHUNK_BYTES = 48 << 20


class MemorySink:
    """Keeps every chunk: what ``read`` returns when no sink is given (whole frames)."""

    def __init__(self) -> None:
        self.rows: list[pl.DataFrame] = []
        self.quarantine: list[pl.DataFrame] = []

    def write_rows(self, df: pl.DataFrame) -> None:
        if df.height:
            self.rows.append(df)

    def write_quarantine(self, df: pl.DataFrame) -> None:
        if df.height:
            self.quarantine.append(df)


class ChunkOutput:
    """An adapter's way out: rows (cast to the row schema) and the collector's quarantine
    rows go to the sink chunk by chunk, with the per-file counts.

    Chunks cover increasing, disjoint ranges of lines and each chunk's quarantine rows are
    sorted, so what a sink receives is in the same order as one whole-file result."""

    def __init__(self, sink, file: str, source_kind: str, platform: str, row_schema: dict,
                 col: Collector):
        self.sink = sink if sink is not None else MemorySink()
        self.file, self.source_kind, self.platform = file, source_kind, platform
        self.row_schema, self.col = row_schema, col
        self.rows_kept = 0
        self.rows_quarantined = 0

    def write(self, rows: pl.DataFrame | None, kept: int) -> None:
        if rows is not None and rows.height:
            self.sink.write_rows(rows.select([pl.col(c).cast(t) for c, t in self.row_schema.items()]))
        self.rows_kept += kept
        self.flush()

    def flush(self) -> None:
        if self.col.lines:
            q = self.col.take()
            self.rows_quarantined += q.height
            self.sink.write_quarantine(q)

    def finish(self, rows_read: int) -> AdapterResult:
        self.flush()
        rows, q = empty(self.row_schema), empty(QUARANTINE_SCHEMA)
        if isinstance(self.sink, MemorySink):
            if self.sink.rows:
                rows = pl.concat(self.sink.rows, how="vertical")
            if self.sink.quarantine:
                q = pl.concat(self.sink.quarantine, how="vertical").sort("line", maintain_order=True)
        res = AdapterResult(
            file=self.file, source_kind=self.source_kind, platform=self.platform, rows=rows,
            quarantine=q, rows_read=rows_read, rows_kept=self.rows_kept,
            rows_quarantined=self.rows_quarantined, warnings=self.col.warnings,
        )
        if res.rows_read != res.rows_kept + res.rows_quarantined:   # pragma: no cover - bug guard
            raise AssertionError(
                f"{self.file}: rows_read {res.rows_read} != kept {res.rows_kept} + quarantined "
                f"{res.rows_quarantined}")
        return res


def finish(file: str, source_kind: str, platform: str, rows: pl.DataFrame,
           quarantine: list[pl.DataFrame], rows_read: int, rows_kept: int,
           warnings: list[str], row_schema: dict) -> AdapterResult:
    """A whole-file result at once (files with nothing to stream: empty, header only)."""
    q = pl.concat([f for f in quarantine if f.height], how="vertical") if any(
        f.height for f in quarantine) else empty(QUARANTINE_SCHEMA)
    q = q.sort("line", maintain_order=True)
    rows = rows.select([pl.col(c).cast(t) for c, t in row_schema.items()])
    res = AdapterResult(
        file=file, source_kind=source_kind, platform=platform, rows=rows, quarantine=q,
        rows_read=rows_read, rows_kept=rows_kept, rows_quarantined=q.height,
        warnings=warnings,
    )
    if res.rows_read != res.rows_kept + res.rows_quarantined:   # pragma: no cover - bug guard
        raise AssertionError(
            f"{file}: rows_read {res.rows_read} != kept {res.rows_kept} + quarantined "
            f"{res.rows_quarantined}")
    return res


class SeenKeys:
    """The first line of every key kept so far in a file, so that a later duplicate is
    found in any later chunk.

    A key is held as 96 bits of hash (two independently seeded polars hashes, 64 + 32 bits:
    a false match among 10^8 keys has a probability near 10^-13) and its line: 16 bytes a
    key, in numpy runs sorted by the first hash.  New runs are merged into the last one
    while it is at most twice as large (each key moves O(log n) times), up to RUN_CAP keys
    so that no merge needs much memory at once.  A bitmap of the second hashes (a one-hash
    Bloom filter, at least 8 bits a key) answers "never seen" for most keys without a
    search.  Within a chunk, duplicates are found on the exact text by ``split_duplicates``."""

    SEED_1, SEED_2 = 0x5EED_0001, 0x9E37_79B9_7F4A_7C15
    RUN_CAP = 1 << 22

    def __init__(self) -> None:
        self.runs: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self.n = 0
        self.bloom_bits = 1 << 20
        self.bloom = np.zeros(self.bloom_bits >> 3, dtype=np.uint8)

    def __len__(self) -> int:
        return self.n

    @classmethod
    def hashes(cls, keys: pl.Series) -> tuple[np.ndarray, np.ndarray]:
        h1 = keys.hash(seed=cls.SEED_1).to_numpy().astype(np.uint64, copy=False)
        h2 = (keys.hash(seed=cls.SEED_2).to_numpy().astype(np.uint64, copy=False) >> np.uint64(32)).astype(np.uint32)
        return h1, h2

    def _bloom_set(self, h2: np.ndarray) -> None:
        i = h2.astype(np.uint64) & np.uint64(self.bloom_bits - 1)
        byte, bit = (i >> np.uint64(3)).astype(np.intp), (i & np.uint64(7)).astype(np.uint8)
        for j in range(8):       # one bit position at a time: repeated bytes then set the same bit
            sel = byte[bit == j]
            self.bloom[sel] |= np.uint8(1 << j)

    def _bloom_maybe(self, h2: np.ndarray) -> np.ndarray:
        i = h2.astype(np.uint64) & np.uint64(self.bloom_bits - 1)
        return ((self.bloom[(i >> np.uint64(3)).astype(np.intp)] >> (i & np.uint64(7)).astype(np.uint8)) & 1) == 1

    def first_lines(self, h1: np.ndarray, h2: np.ndarray) -> np.ndarray:
        """Line of each key's first occurrence, -1 where the key was not seen."""
        out = np.full(len(h1), -1, dtype=np.int64)
        if not self.n or not len(h1):
            return out
        cand = np.flatnonzero(self._bloom_maybe(h2))
        if not len(cand):
            return out
        order = np.argsort(h1[cand])        # sorted queries: a binary search per run stays in cache
        cand = cand[order]
        q1, q2 = h1[cand], h2[cand]
        for r1, r2, rl in self.runs:
            pos = np.searchsorted(r1, q1)
            at = np.minimum(pos, len(r1) - 1)
            same1 = r1[at] == q1
            if not same1.any():
                continue
            hit = same1 & (r2[at] == q2)
            out[cand[hit]] = rl[at[hit]]
            # two keys sharing the first hash (about once in 10^10 pairs): look further
            for k in np.flatnonzero(same1 & ~hit):
                j = pos[k]
                while j < len(r1) and r1[j] == q1[k]:
                    if r2[j] == q2[k]:
                        out[cand[k]] = rl[j]
                        break
                    j += 1
        return out

    def add(self, h1: np.ndarray, h2: np.ndarray, lines: np.ndarray) -> None:
        """Keys not seen before (each once)."""
        order = np.argsort(h1)
        self.add_sorted(h1[order], h2[order], lines[order])

    def add_sorted(self, h1: np.ndarray, h2: np.ndarray, lines: np.ndarray) -> None:
        """``add`` for keys already sorted by their first hash."""
        if not len(h1):
            return
        self.n += len(h1)
        if self.n * 8 > self.bloom_bits and self.bloom_bits < (1 << 31):
            while self.n * 8 > self.bloom_bits and self.bloom_bits < (1 << 31):
                self.bloom_bits <<= 1
            self.bloom = np.zeros(self.bloom_bits >> 3, dtype=np.uint8)
            for _, r2, _ in self.runs:
                self._bloom_set(r2)
        self._bloom_set(h2)
        line_type = np.uint32 if int(lines.max()) < 2**32 else np.int64
        run = (h1, h2, lines.astype(line_type))
        while self.runs and len(self.runs[-1][0]) <= 2 * len(run[0]) \
                and len(self.runs[-1][0]) + len(run[0]) <= self.RUN_CAP:
            run = _merge_runs(self.runs.pop(), run)
        self.runs.append(run)


def _merge_runs(a: tuple, b: tuple) -> tuple:
    """Two runs sorted by their first array -> one (a linear merge: where b's keys go in a)."""
    n = len(a[0]) + len(b[0])
    at = np.searchsorted(a[0], b[0]) + np.arange(len(b[0]))
    from_a = np.ones(n, dtype=bool)
    from_a[at] = False
    out = []
    for x, y in zip(a, b):
        m = np.empty(n, dtype=np.promote_types(x.dtype, y.dtype))
        m[at] = y
        m[from_a] = x
        out.append(m)
    return tuple(out)


def parse_amount_expr(col: str) -> pl.Expr:
    """Yuan amounts as exported for people: '8,000.00', '8，000元', '￥80', full-width digits."""
    v = (pl.col(col).str.normalize("NFKC")
         .str.replace_all(r"[,，\s¥￥元]", "")
         .cast(pl.Float64, strict=False))
    # 'NaN', 'inf', '1e999' and 400-digit numbers are not amounts: unparseable (null)
    return pl.when(v.is_finite()).then(v)


def parse_amount_column(df: pl.DataFrame, col: str, out: str) -> pl.DataFrame:
    """Add ``out`` = ``parse_amount_expr(col)``, normalising only the values that are not
    plain numbers already (a value a float cast reads is ASCII without ',' or spaces, which
    NFKC and the replacements leave as they are)."""
    raw = df[col]
    v = raw.cast(pl.Float64, strict=False)
    need = raw.is_not_null() & v.is_null()
    if need.any():
        idx = need.arg_true()
        sub = df[idx].select(
            pl.col(col).str.normalize("NFKC").str.replace_all(r"[,，\s¥￥元]", "")
            .cast(pl.Float64, strict=False)).to_series()
        v = v.scatter(idx, sub)
    return df.with_columns(pl.when(v.is_finite()).then(v).alias(out))


def open_csv_export(path: Path, *, rel_name: str, source_kind: str, platform: str,
                    encodings: tuple[str, ...], required, optional, row_schema: dict,
                    chunk_rows: int | None = None):
    """Open a spreadsheet-style CSV export for an adapter.

    Returns ``(delimited, collector)`` to go on with (``delimited.chunks()`` gives the
    records; the adapter turns an I/O error on the way into the file-level error), or
    ``(AdapterResult, None)`` when the file is finished already: unreadable (error set) or
    empty (a warning, no rows).
    """
    col = Collector(rel_name, source_kind, platform)
    try:
        d = read_delimited(Path(path), encodings=encodings, required=required, optional=optional,
                           col=col, chunk_rows=chunk_rows)
    except FileError as e:
        return error_result(rel_name, source_kind, platform, str(e), row_schema, col.warnings), None
    except OSError as e:
        return error_result(rel_name, source_kind, platform, f"cannot read file: {e}", row_schema), None
    if d is None:
        col.warnings.append("empty file (0 bytes or only blank lines): no rows")
        return finish(rel_name, source_kind, platform, empty(row_schema), [], 0, 0, col.warnings,
                      row_schema), None
    return d, col


# --------------------------------------------------------------------------- CSV engine


class _OneShot:
    """Iterator handing csv.reader one string; records whether it asked for more
    (it does exactly when the string ends inside a quoted field)."""

    __slots__ = ("text", "asked")

    def __init__(self, text: str):
        self.text = text
        self.asked = 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        self.asked += 1
        if self.asked == 1:
            return self.text
        raise StopIteration


def _parse_record(text: str, strict: bool = False) -> tuple[list[str] | None, bool]:
    """(fields, complete).  fields None when csv rejects the text (``strict``: also text
    right after a closing quote, as in '"a"b')."""
    feed = _OneShot(text)
    try:
        fields = next(csv.reader(feed, strict=strict))
    except StopIteration:
        return [], True
    except csv.Error:
        return None, True
    return fields, feed.asked == 1


class DelimitedFile:
    """A CSV file opened by ``read_delimited``: its header is read and checked, its records
    come out chunk by chunk from ``chunks()`` (canonical columns as Utf8 + _line + _raw,
    well-formed records only, in line order)."""

    def __init__(self, reader: "_CsvReader", fh, chunk_rows: int | None):
        self.reader, self.fh, self.chunk_rows = reader, fh, chunk_rows
        self.header: list[str] = reader.header
        self.encoding: str = reader.enc

    @property
    def rows_read(self) -> int:
        """Data records seen so far (blank lines excluded); final once ``chunks()`` ended."""
        return self.reader.rows_read

    def chunks(self) -> Iterator[pl.DataFrame]:
        try:
            yield from self.reader.chunks(self.chunk_rows or CHUNK_ROWS)
        finally:
            self.fh.close()

    def close(self) -> None:
        self.fh.close()


class FileError(Exception):
    """The whole file cannot be read; the message is for a person."""


GB18030_BOM = "\ufeff".encode("gb18030")     # b'\x84\x31\x95\x33'
_ENC_LABEL = {"gb18030": "GB18030", "utf-8": "UTF-8", "utf-8-sig": "UTF-8"}
BLOCK_BYTES = 4 << 20


def read_delimited(path: Path, *, encodings: tuple[str, str], required: list[str],
                   optional: list[str], col: Collector, chunk_rows: int | None = None) -> DelimitedFile | None:
    """Open a comma-separated file exported for Excel.  None when the file is empty.

    * Encoding is decided by the header: the first of ``encodings`` whose decoding of
      the header line contains the required column names wins (UTF-8 Chinese text is
      nearly always *valid* GB18030, just mojibake, so "does it decode" is not enough).
      Choosing the second one adds a warning.  The body is decoded in blocks of ~4 MB;
      a block that does not decode is decoded line by line: a line in the other
      encoding is kept (warning), a line valid in neither quarantines its record.  In a
      GB18030 file, lines that are UTF-8 Chinese are read as UTF-8 (warning) even when
      their bytes also decode as GB18030 (``Utf8Lines`` finds them, ``looks_utf8``).
    * Lines without a '"' are split vectorised (polars); lines with quotes go through
      the csv module, so records may span several physical lines (quoted newlines);
      the reported line is where the record starts.  A quote left open for more than
      MAX_RECORD_LINES lines or at end of file quarantines its first line only and
      parsing resumes on the next line; so does a quote that spans lines but closes into
      a record of the wrong field count or with text glued to the closing quote (a stray
      quote must not swallow the good rows after it).
    * A BOM inside the file (exports pasted together) is dropped before parsing; files
      whose lines end with a bare CR (classic Mac) are read with CR as the line break.
    * Many NUL/control bytes make the file "binary" only when its header is not valid
      (a NUL-padded tail after a crash keeps the rows before it).
    * Physical lines over MAX_LINE_BYTES are quarantined without being held whole.
    * Records whose field count differs from the header's are quarantined.
    * Records come out in chunks of about ``chunk_rows`` (``CHUNK_ROWS``): memory is
      bounded by the chunk, not the file.
    Raises FileError when the file as a whole is unusable (always before any record).
    """
    primary, secondary = encodings
    fh = open(path, "rb")
    try:
        head = fh.read(8192)
        why = sniff_binary(head)
        codec = utf16_codec(head) if why in (UTF16_MSG, UTF16_GUESS_MSG) else None
        if why and why not in GUESSES and not codec:
            raise FileError(why)
        fh.seek(0)
        src = fh
        if codec:
            # 'Unicode text' from Excel or WPS: the same rows, in another encoding.
            head = Utf16AsUtf8(fh, codec).read(8192)    # the text's start, for its line ends
            fh.seek(0)
            src = Utf16AsUtf8(fh, codec)
            col.warnings.append(utf16_warning(_ENC_LABEL[primary]))
            primary = secondary = "utf-8"
        if cr_line_ends(head):
            src = CrAsLf(src)
            col.warnings.append(CR_WARNING)
        reader = _CsvReader(src, primary, secondary, required, optional, col)
        try:
            # many control bytes but a valid header (NUL padding after a crash, a few
            # garbage lines in a small file): read it, the bad lines are quarantined
            opened = reader.open()
        except FileError as e:
            if codec:
                raise FileError(f"{e} (read as {codec.upper()} text)") from None
            if why:
                raise FileError(why) from None
            raise
    except BaseException:
        fh.close()
        raise
    if not opened:
        fh.close()
        return None
    return DelimitedFile(reader, fh, chunk_rows)


_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def header_key(name: str) -> str:
    """A column name as compared: NFKC (a full-width '买家ＩＤ' is 买家ID), without
    zero-width characters or surrounding spaces (a header retyped or re-saved by hand)."""
    return unicodedata.normalize("NFKC", name.translate(_ZERO_WIDTH)).strip()


def canonical_header(fields: list[str], known: list[str]) -> list[str]:
    """The header's names, each spelled as in ``known`` when it is one of those but for
    width, zero-width characters or spaces; others stripped."""
    spelled = {header_key(k): k for k in known}
    return [spelled.get(header_key(f), f.strip().lstrip("\ufeff").strip()) for f in fields]


def _header_ok(fields: list[str], required: list[str]) -> bool:
    names = set(canonical_header(fields, required))
    return all(r in names for r in required)


def _decode_header(data: bytes, primary: str, secondary: str, required: list[str]):
    """-> (encoding, text, fields, ok) picking the encoding whose header has the required names."""
    attempts = []
    for enc in (primary, secondary):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        fields, _ = _parse_record(text)
        if fields is None:
            continue
        attempts.append((enc, text, fields))
        if _header_ok(fields, required):
            return enc, text, fields, True
    if not attempts:
        raise FileError(
            f"header line is neither {_ENC_LABEL[primary]} nor {_ENC_LABEL[secondary]} text: "
            "wrong encoding or not a text file")
    enc, text, fields = attempts[0]
    return enc, text, fields, False


_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
_TWO_BYTE_UTF8 = re.compile(r"[\u0080-\u07ff]")


def looks_utf8(text: str) -> bool:
    """Is this (already valid UTF-8) text really UTF-8 Chinese, not GB18030 bytes that
    happen to form valid UTF-8?  GB18030 pairs misread as UTF-8 become mostly 2-byte
    sequences (U+0080-U+07FF: Latin-1, Greek, Cyrillic, Hebrew, Arabic...), e.g. '郑*英' ->
    '֣*Ӣ', and rarely a CJK character; real UTF-8 Chinese is mostly CJK characters with
    now and then one of those ('·' U+00B7 in 买买提·艾力, '×', '°', 'é').  So: CJK
    characters, and more of them than 2-byte characters."""
    cjk = len(_CJK.findall(text))
    return cjk > 0 and cjk > len(_TWO_BYTE_UTF8.findall(text))


class Utf8Lines:
    """Which lines of a block of bytes may be valid UTF-8: ``candidates(data)``.

    Keeps its numpy work arrays from block to block: a fresh array of a few MB costs more
    in page faults than the passes over it (a block is ``BLOCK_BYTES``, about 4 MB)."""

    def __init__(self) -> None:
        self.size = 0

    def _buffers(self, n: int) -> None:
        size = max((n + 7) & ~7, 1 << 16)
        if size > self.size:
            self.size = size
            self.top = np.empty(size, dtype=np.uint8)
            self.marks = np.empty(size, dtype=bool)
            self.tmp = np.empty(size, dtype=bool)
            self.words = np.empty(size >> 3, dtype=bool)
            self.counts = np.empty((size >> 3) + 1, dtype=np.int32)

    def candidates(self, data: bytes) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(starts, ends, candidates) of the lines of ``data`` split on b'\\n' (as
        ``split_lines`` cuts them; ends exclude the b'\\n'): ``candidates`` are the indices
        of the lines that may be valid UTF-8, a superset of them found in a few numpy passes.

        A byte pair marks its line as not UTF-8 when a lead byte (0xC0-0xFF) is not
        followed by a continuation byte (0x80-0xBF), or a continuation byte follows an
        ASCII byte.  The mark is put on the pair's first byte: the lead, or the ASCII byte
        (then in the continuation byte's line, or a b'\\n' that belongs to no line).  Marks
        are ORed per 8-byte word, and a line is a candidate when no word lying wholly inside
        it is marked.  Chinese GB18030 text marks nearly every word (its pairs are a lead
        followed by a byte 0xA1-0xFE, or a 0xB0-0xBF lead after ASCII): a GB18030 block
        gives only its ASCII-only or very short lines, and lines really in UTF-8."""
        n = len(data)
        arr = np.frombuffer(data, dtype=np.uint8)
        self._buffers(n)
        tmp = self.tmp[:n]
        nl = np.flatnonzero(np.equal(arr, 0x0A, out=tmp))
        starts = np.empty(len(nl) + 1, dtype=np.int64)
        starts[0] = 0
        starts[1:] = nl + 1
        ends = np.empty(len(nl) + 1, dtype=np.int64)
        ends[:-1] = nl
        ends[-1] = n
        if not n or data.endswith(b"\n"):
            starts, ends = starts[:-1], ends[:-1]     # no line after a final b'\\n'
        if n < 2:
            return starts, ends, np.arange(len(starts))
        cls = np.right_shift(arr, 6, out=self.top[:n])     # 0, 1 ASCII; 2 continuation; 3 lead
        m, t = self.marks[:n - 1], self.tmp[:n - 1]
        np.equal(cls[:-1], 3, out=m)
        np.equal(cls[1:], 2, out=t)
        np.not_equal(m, t, out=m)          # lead, next not continuation; or next continuation ...
        np.not_equal(cls[:-1], 2, out=t)
        np.logical_and(m, t, out=m)        # ... after a byte that is no continuation (ASCII)
        nw = (n + 7) >> 3
        self.marks[n - 1:nw << 3] = False
        words = np.not_equal(self.marks[:nw << 3].view(np.uint64), 0, out=self.words[:nw])
        counts = self.counts[:nw + 1]
        counts[0] = 0
        np.cumsum(words, dtype=np.int32, out=counts[1:])
        first = (starts + 7) >> 3          # the first word wholly inside the line
        last = np.maximum(ends >> 3, first)    # one past the last such word
        return starts, ends, np.flatnonzero(counts[last] == counts[first])


# every field quoted, no quote or line break inside: "a","b",... (Excel style)
_FULLY_QUOTED_RE = r'^"[^"]*"(?:,"[^"]*")*$'
# every field unquoted without a quote, or quoted with none inside: a,"b,c",d
_SIMPLE_QUOTED_RE = r'^(?:"[^"]*"|[^",]*)(?:,(?:"[^"]*"|[^",]*))*$'


class _CsvReader:
    """One pass over a CSV file; see ``read_delimited``."""

    def __init__(self, fh, primary, secondary, required, optional, col: Collector):
        self.fh, self.primary, self.secondary = fh, primary, secondary
        self.required, self.optional, self.col = required, optional, col
        self.rows_read = 0
        self.blank = 0
        self.fallback_lines = 0
        # Python-path records of the current chunk
        self.py_rows: list[list[str]] = []
        self.py_lines: list[int] = []
        self.py_raws: list[str] = []
        # fast-path lines of the current chunk (no quote, not special): (texts, line numbers)
        # per block, split in polars when the chunk is built
        self.simple_parts: list[tuple[pl.Series, pl.Series]] = []
        self.n_simple = 0
        self.pending: list[tuple] = []     # (lineno, text, ended, bad) of an open quoted record
        self.chunk_bytes = 0
        self.last_lineno = 0
        self.last_ended = True

    # ---------------------------------------------------------------- header
    def _header(self):
        fh = self.fh
        lineno = 0
        while True:
            b = fh.readline(MAX_LINE_BYTES + 1)
            if not b:
                return None, lineno
            lineno += 1
            if len(b) > MAX_LINE_BYTES and not b.endswith(b"\n"):
                raise FileError("header line is longer than 1 MB: not a CSV export")
            data = b.rstrip(b"\r\n")
            if data.strip(b" \t\r\xef\xbb\xbf"):
                return data, lineno
            # blank line before the header: skipped

    def open(self) -> bool:
        """Read and check the header; False when the file has none (empty)."""
        hdata, hline = self._header()
        if hdata is None:
            return False
        primary, secondary = self.primary, self.secondary
        if hdata.startswith(GB18030_BOM) and "gb18030" in (primary, secondary):
            # GB18030's own byte-order mark (U+FEFF encoded): a valid GB18030 file; left on
            # the header it would keep the first column's quotes ('\ufeff"订单编号"').
            hdata = hdata[len(GB18030_BOM):]
        if hdata.startswith(b"\xef\xbb\xbf"):
            hdata = hdata[3:]
            enc, htext, hfields, ok = _decode_header(
                hdata, "utf-8", primary if primary != "utf-8" else secondary, self.required)
        else:
            enc, htext, hfields, ok = _decode_header(hdata, primary, secondary, self.required)
        header = canonical_header(hfields, self.required + self.optional)
        if not ok:
            missing = [r for r in self.required if r not in header]
            raise FileError("header lacks required column(s): " + ", ".join(missing)
                            + f" (header: {raw_text(','.join(header))[:200]})")
        if enc != primary:
            self.col.warnings.append(
                f"file is {_ENC_LABEL[enc]}, not {_ENC_LABEL[primary]} as specified; read as "
                f"{_ENC_LABEL[enc]} (nothing lost)")
        self.enc = enc
        self.other = secondary if enc == primary else primary
        self.enc_label = _ENC_LABEL[enc]
        self.check_utf8_first = enc == "gb18030"
        self.utf8_scan = Utf8Lines() if self.check_utf8_first else None
        self.hfields = hfields
        self.htext = htext
        self.ncols = len(header)
        self.header = header

        known_all = self.required + self.optional
        seen: dict[str, int] = {}
        for i, name in enumerate(header):
            if name in seen and name in known_all:
                raise FileError(f"column {name} appears twice in the header")
            seen.setdefault(name, i)
        self.known = [c for c in known_all if c in seen]
        self.idx = [seen[c] for c in self.known]
        self.absent = [c for c in self.optional if c not in seen]
        if self.absent:
            self.col.warnings.append("optional column(s) absent, left empty: " + ", ".join(self.absent))
        extra = [h for h in header if h not in known_all]
        if extra:
            self.col.warnings.append(
                "unknown column(s) ignored: " + ", ".join(h or "(unnamed)" for h in extra))
        self.hline = hline
        return True

    def chunks(self, chunk_rows: int) -> Iterator[pl.DataFrame]:
        """Frames of well-formed records, about ``chunk_rows`` each, in line order.  A chunk
        is cut only between records (never inside an open quoted one), so every quarantine
        row the collector holds when a chunk comes out belongs to that chunk's lines."""
        self.last_lineno = self.hline
        for base, texts, pylines, specials in self._blocks(self.hline + 1):
            self._process_block(base, texts, pylines, specials)
            if not self.pending and (self.n_simple + len(self.py_rows) >= chunk_rows
                                     or self.chunk_bytes >= CHUNK_BYTES):
                frame = self._frame()
                if frame.height:
                    yield frame
                del frame       # not alive while the next chunk is built
        while self.pending:
            self._back_off(eof=True)
        frame = self._frame()
        if frame.height:
            yield frame
        del frame
        if self.blank:
            self.col.warnings.append(f"{self.blank} blank line(s) skipped")
        if self.fallback_lines:
            self.col.warnings.append(
                f"{self.fallback_lines} line(s) were not {self.enc_label} but decoded as "
                f"{_ENC_LABEL[self.other]}; read as such")
        if self.rows_read == 0:
            self.col.warnings.append("header only: no data rows")

    # ---------------------------------------------------------------- blocks
    def _blocks(self, first_lineno: int):
        """Yield (first line number, texts, Python lines or None, {index: special}) per
        block of complete lines.  texts: a polars Series of the decoded lines (None for a
        line too long to hold); special: ('long', size, head_bytes) or ('bad', reason)."""
        fh = self.fh
        lineno = first_lineno
        carry = b""
        skipping = None          # [lineno, size, head] inside a too-long line
        while True:
            chunk = fh.read(BLOCK_BYTES)
            eof = not chunk
            if skipping is not None:
                if eof:
                    self.last_ended = False
                    yield skipping[0], pl.Series("_text", [None], dtype=pl.Utf8), [None], {0: ("long", skipping[1], skipping[2])}
                    return
                i = chunk.find(b"\n")
                if i < 0:
                    skipping[1] += len(chunk)
                    skipping[3] = chunk[-1:]
                    continue
                skipping[1] += i
                if (chunk[i - 1:i] if i else skipping[3]) == b"\r":
                    skipping[1] -= 1      # CRLF: the '\r' is part of the terminator
                yield skipping[0], pl.Series("_text", [None], dtype=pl.Utf8), [None], {0: ("long", skipping[1], skipping[2])}
                lineno = skipping[0] + 1
                skipping = None
                chunk = chunk[i + 1:]
                if not chunk:
                    continue
            data = carry + chunk
            if eof:
                if not data:
                    return
                complete, carry = data, b""
                self.last_ended = data.endswith(b"\n")
            else:
                i = data.rfind(b"\n")
                if i < 0:
                    if len(data) > MAX_LINE_BYTES:
                        skipping = [lineno, len(data), data[:4 * RAW_CHARS], data[-1:]]
                        carry = b""
                    else:
                        carry = data
                    continue
                complete, carry = data[:i + 1], data[i + 1:]
            texts, pylines, specials = self._decode_block(complete)
            yield lineno, texts, pylines, specials
            lineno += texts.len()
            if len(carry) > MAX_LINE_BYTES:
                skipping = [lineno, len(carry), carry[:4 * RAW_CHARS], carry[-1:]]
                carry = b""
            if eof:
                return

    def _decode_block(self, complete: bytes):
        enc = self.enc
        text = None
        cand = None              # lines that may be UTF-8 in a block decoded as GB18030
        all_utf8 = False         # the whole block is UTF-8 in a GB18030 file
        utf8 = None              # the text's UTF-8 bytes, when at hand without encoding
        if complete.isascii():
            text = complete.decode("ascii")
            utf8 = complete
        else:
            if self.check_utf8_first:
                # lines in UTF-8 inside a GB18030 file (exports pasted together): UTF-8
                # Chinese nearly always decodes as GB18030 too (mojibake, no error), so
                # they are found by their bytes; GB18030 Chinese is almost never UTF-8
                starts, ends, cand = self.utf8_scan.candidates(complete)
                if len(cand) == len(starts):
                    try:
                        text = complete.decode("utf-8")
                    except UnicodeDecodeError:
                        text = None
                    if text is not None and not looks_utf8(text):
                        text = None   # GB18030 bytes that happen to be valid UTF-8
                    if text is not None:
                        all_utf8 = True
                        utf8 = complete
                        cand = None
                elif not len(cand):
                    cand = None
            if text is None:
                try:
                    text = complete.decode(enc)
                except UnicodeDecodeError:
                    text = None
                else:
                    if enc == "utf-8":
                        utf8 = complete
        specials: dict[int, tuple] = {}
        if text is not None:
            if "\ufeff" in text:
                # a BOM inside the file (exports pasted together) would hide the quote that
                # opens the line's first field; it is removed from every value anyway
                text = text.replace("\ufeff", "")
                utf8 = None
            texts = split_lines(utf8 if utf8 is not None else text.encode("utf-8"), keep_final_cr=True)
            if texts is None:
                lines = text.replace("\r\n", "\n").split("\n")
                if complete.endswith(b"\n"):
                    lines.pop()
                texts = pl.Series("_text", lines, dtype=pl.Utf8)
            if cand is not None:
                texts = self._utf8_lines(complete, texts, starts, ends, cand)
            elif all_utf8:
                self.fallback_lines += int(texts.str.contains(r"[^\x00-\x7F]").sum())
            limit = MAX_LINE_BYTES // 4
            for i in (texts.str.len_chars() > limit).arg_true().to_list():
                ln = texts[i]
                size = len(ln.encode(enc, "replace"))
                if size > MAX_LINE_BYTES:
                    specials[i] = ("long", size, ln[:2 * RAW_CHARS].encode(enc, "replace"))
            return texts, None, specials
        # slow path: line by line
        raw_lines = complete.split(b"\n")
        if complete.endswith(b"\n"):
            raw_lines.pop()
        lines = []
        for i, b in enumerate(raw_lines):
            if b.endswith(b"\r"):
                b = b[:-1]
            if len(b) > MAX_LINE_BYTES:
                specials[i] = ("long", len(b), b[:4 * RAW_CHARS])
                lines.append(None)
                continue
            t, bad = self._decode_line(b, i)
            lines.append(t.replace("\ufeff", "") if "\ufeff" in t else t)
            if bad:
                specials[i] = ("bad", bad)
        return pl.Series("_text", lines, dtype=pl.Utf8), lines, specials

    def _utf8_lines(self, complete: bytes, texts: pl.Series, starts, ends, cand) -> pl.Series:
        """``texts`` (the block decoded as GB18030) with the candidate lines that are UTF-8
        Chinese (``looks_utf8``) decoded as UTF-8 instead, counted in ``fallback_lines``."""
        idx, vals = [], []
        last = len(starts) - 1
        for i, a, b in zip(cand.tolist(), starts[cand].tolist(), ends[cand].tolist()):
            raw = complete[a:b]
            if raw.isascii():
                continue          # the same text in either encoding
            if raw.endswith(b"\r") and (i < last or complete.endswith(b"\n")):
                raw = raw[:-1]    # as split_lines: one '\r' before a '\n' is no text
            try:
                t = raw.decode("utf-8")
            except UnicodeDecodeError:
                continue
            if looks_utf8(t):
                idx.append(i)
                vals.append(t.replace("\ufeff", "") if "\ufeff" in t else t)
        if not idx:
            return texts
        self.fallback_lines += len(idx)
        return texts.scatter(idx, vals)

    def _decode_line(self, b: bytes, i: int):
        if b.isascii():
            return b.decode("ascii"), None
        if self.check_utf8_first:
            try:
                t = b.decode("utf-8")
                if looks_utf8(t):
                    self.fallback_lines += 1
                    return t, None
            except UnicodeDecodeError:
                pass
        try:
            return b.decode(self.enc), None
        except UnicodeDecodeError:
            pass
        try:
            t = b.decode(self.other)
            self.fallback_lines += 1
            return t, None
        except UnicodeDecodeError:
            return b.decode(self.enc, "replace"), "not valid {} text"

    # ---------------------------------------------------------------- records
    def _process_block(self, base: int, texts: pl.Series, pylines: list | None, specials: dict):
        n = texts.len()
        len_bytes = texts.str.len_bytes().sum() or 0
        last_block_line = base + n - 1
        # lines with a quote go through csv, unless every field is quoted with no quote
        # or line break inside ("a","b",...: Excel style), which polars splits on '","'
        quoted = texts.str.contains('"', literal=True).fill_null(False)
        interesting = set(specials)
        if quoted.any():
            # quoted lines go through csv unless each field is either unquoted or quoted
            # with no quote inside (an amount "1,234.50"): such a line is one record and
            # polars reads it as csv does
            qi = quoted.arg_true()
            sub = texts.gather(qi)
            plain_quotes = sub.str.contains(_SIMPLE_QUOTED_RE) & ~sub.str.contains("\r", literal=True)
            interesting.update(qi.filter(~plain_quotes).to_list())
        interesting = sorted(interesting)
        fed: list[int] = []
        j = 0
        i = 0
        while i < n:
            if not self.pending:
                while j < len(interesting) and interesting[j] < i:
                    j += 1
                nxt = interesting[j] if j < len(interesting) else n
                if nxt > i:
                    i = nxt       # lines i..nxt-1: fast path
                    continue
            ln = base + i
            ended = not (ln == last_block_line and not self.last_ended)
            self._feed((ln, pylines[i] if pylines is not None else texts[i], ended, specials.get(i)))
            fed.append(i)
            i += 1
        numbers = pl.int_range(base, base + n, dtype=pl.Int64, eager=True).alias("_line")
        if fed:
            keep = np.ones(n, dtype=bool)
            keep[fed] = False
            mask = pl.Series(keep)
            texts, numbers = texts.filter(mask), numbers.filter(mask)
        if texts.len():
            self.simple_parts.append((texts.alias("_text"), numbers))
            self.n_simple += texts.len()
        self.chunk_bytes += len_bytes
        self.last_lineno = max(self.last_lineno, base + n - 1)

    def _feed(self, item):
        queue = [item]
        while queue:
            ln, text, ended, special = queue.pop(0)
            if special is not None and special[0] == "long":
                if self.pending:
                    queue[0:0] = self._back_off(then=(ln, text, ended, special))
                    continue
                self.rows_read += 1
                self.col.add(ln, f"line longer than 1 MB ({special[1]:,} bytes)",
                             special[2].decode(self.enc, "replace"))
                continue
            bad = None
            if special is not None and special[0] == "bad":
                bad = f"line {ln} is " + special[1].format(self.enc_label)
            if not self.pending and '"' not in text:
                self._emit(ln, text, ended, bad, text.split(","))
                continue
            self.pending.append((ln, text, ended, bad))
            joined = "\n".join(p[1] for p in self.pending)
            fields, complete = _parse_record(joined)
            if complete and len(self.pending) > 1 and (
                    fields is None or len(fields) != self.ncols or _parse_record(joined, strict=True)[0] is None):
                # A quote that spans lines and gives a record of the wrong shape (or text
                # glued to a closing quote) is a stray quote, not a field with line breaks:
                # set its first line aside and read the following lines on their own, so one
                # bad line never swallows good rows.
                what = (f"gives {len(fields)} fields, expected {self.ncols}"
                        if fields is not None and len(fields) != self.ncols
                        else "is not well-formed CSV")
                queue[0:0] = self._back_off(reason=(
                    f"stray quote: the quoted field opened here runs over {len(self.pending)} "
                    f"lines and {what}"))
                continue
            if complete:
                bads = [p[3] for p in self.pending if p[3]]
                start = self.pending[0][0]
                pend_ended = self.pending[-1][2]
                self.pending.clear()
                self._emit(start, joined, pend_ended, bads[0] if bads else None, fields)
            elif len(self.pending) >= MAX_RECORD_LINES or len(joined) > MAX_LINE_BYTES:
                queue[0:0] = self._back_off()

    def _back_off(self, then=None, eof=False, reason=None):
        """The open record never closed (or closed into nonsense): quarantine its first
        line; return the other lines (and ``then``) to be read again."""
        first = self.pending[0]
        self.rows_read += 1
        if reason is None:
            reason = ("truncated last line (quoted field never closed)"
                      if eof and len(self.pending) == 1 and not first[2]
                      else "quoted field opened here is never closed")
        self.col.add(first[0], reason, first[1])
        rest = [(ln, t, e, ("bad", b.split(" is ", 1)[1]) if b else None)
                for ln, t, e, b in self.pending[1:]]
        if then is not None:
            rest.append(then)
        self.pending.clear()
        if eof:
            for it in rest:
                self._feed(it)
            return []
        return rest

    def _emit(self, start: int, text: str, ended: bool, bad: str | None, fields):
        if not text.strip() and not bad:
            self.blank += 1
            return
        self.rows_read += 1
        col = self.col
        if bad:
            col.add(start, bad, text)
            return
        if fields is None:
            col.add(start, "malformed CSV record", text)
            return
        if len(fields) != self.ncols:
            reason = f"expected {self.ncols} fields, found {len(fields)}"
            if not ended and len(fields) < self.ncols:
                reason = "truncated last line: " + reason
            col.add(start, reason, text)
            return
        if fields == self.hfields:
            col.add(start, "header line repeated inside the file", text)
            return
        self.py_rows.append(fields)
        self.py_lines.append(start)
        self.py_raws.append(text[:RAW_CHARS])

    # ---------------------------------------------------------------- frame
    def _frame(self) -> pl.DataFrame:
        """The current chunk's records as a frame (its lines are then forgotten): the known
        columns (Utf8), _line, _raw, and _dirty (true where clean_columns may have work)."""
        known, idx, absent = self.known, self.idx, self.absent
        schema = {c: pl.Utf8 for c in known} | {"_line": pl.Int64, "_raw": pl.Utf8, "_dirty": pl.Boolean}
        parts = []
        if self.simple_parts:
            s = pl.DataFrame({"_text": pl.concat([p[0] for p in self.simple_parts], rechunk=False),
                              "_line": pl.concat([p[1] for p in self.simple_parts], rechunk=False)})
            self.simple_parts = []
            self.n_simple = 0
            self.chunk_bytes = 0
            t = pl.col("_text")
            extra = [pl.col("_line"), t.str.slice(0, RAW_CHARS).alias("_raw"),
                     t.str.contains(_DIRTY_LINE_RE).alias("_dirty")]
            has_quote = s["_text"].str.contains('"', literal=True)
            nq = int(has_quote.sum())
            plain = s.filter(~has_quote) if nq else s
            # splitn gives exactly ncols parts when a line has ncols fields (a longer line's
            # last part holds the rest, commas included; a shorter one's is null): only the
            # other lines need counting
            last = f"field_{self.ncols - 1}"
            f = plain.with_columns(t.str.splitn(",", self.ncols).alias("_p")).unnest("_p")
            ok = (pl.col(last).is_not_null() & ~pl.col(last).str.contains(",", literal=True)
                  & (t != self.htext))
            f = f.with_columns(ok.alias("_ok"))
            odd = f.filter(~pl.col("_ok")).select(
                "_line", "_text", (t.str.count_matches(",", literal=True) + 1).cast(pl.Int64).alias("_n"))
            q = sq = None
            if nq:
                withq = s.filter(has_quote)
                full = withq["_text"].str.contains(_FULLY_QUOTED_RE)
                # fully quoted lines ("a","b",...) are split on '","' inside the outer quotes
                inner = t.str.slice(1, t.str.len_chars() - 2)
                q = withq.filter(full).with_columns(inner.str.split('","').alias("_parts"))
                q = q.with_columns(pl.col("_parts").list.len().cast(pl.Int64).alias("_n"))
                q_ok = (pl.col("_n") == self.ncols) & (t != self.htext)
                # the others (a,"b,c",d): as many fields as commas outside the quoted ones, + 1
                sq = withq.filter(~full).with_columns(
                    (t.str.replace_all(r'"[^"]*"', "").str.count_matches(",", literal=True) + 1)
                    .cast(pl.Int64).alias("_n"))
                odd = pl.concat([odd, q.filter(~q_ok).select("_line", "_text", "_n"),
                                 sq.filter(pl.col("_n") != self.ncols).select("_line", "_text", "_n")]
                                ).sort("_line")
                q = q.filter(q_ok)
                sq = sq.filter(pl.col("_n") == self.ncols)
            all_ok = odd.height == 0
            # a blank line has no comma
            nblank = 0
            if odd.height:
                blank = (odd["_n"] == 1) & odd["_text"].str.strip_chars().str.len_chars().eq(0)
                nblank = int(blank.sum())
                if nblank:
                    odd = odd.filter(~blank)
            self.blank += nblank
            self.rows_read += s.height - nblank
            last_unended = None if self.last_ended else self.last_lineno
            for ln, n, text in odd.select("_line", "_n", "_text").iter_rows():
                if text == self.htext:
                    self.col.add(ln, "header line repeated inside the file", text)
                    continue
                reason = f"expected {self.ncols} fields, found {n}"
                if ln == last_unended and n < self.ncols:
                    reason = "truncated last line: " + reason
                self.col.add(ln, reason, text)
            if not all_ok:
                f = f.filter(pl.col("_ok"))
            if f.height:
                parts.append(f.select(*[pl.col(f"field_{i}").alias(c) for c, i in zip(known, idx)], *extra))
            if nq and q.height:
                parts.append(q.select(*[pl.col("_parts").list.get(i).alias(c) for c, i in zip(known, idx)],
                                      *extra))
            if nq and sq.height:
                part = self._quoted_fields(sq, known, idx, extra)
                if part.height:
                    parts.append(part)
        if self.py_rows:
            transposed = list(zip(*self.py_rows))
            data = {c: pl.Series(c, transposed[i], dtype=pl.Utf8) for c, i in zip(known, idx)}
            data["_line"] = pl.Series("_line", self.py_lines, dtype=pl.Int64)
            data["_raw"] = pl.Series("_raw", self.py_raws, dtype=pl.Utf8)
            data["_dirty"] = pl.Series("_dirty", [True] * len(self.py_lines), dtype=pl.Boolean)
            parts.append(pl.DataFrame(data, schema=schema))
            self.py_rows, self.py_lines, self.py_raws = [], [], []
        if len(parts) > 1:
            frame = pl.concat(parts, how="vertical").sort("_line")
        elif parts:
            frame = parts[0]        # one part: already in line order
        else:
            frame = pl.DataFrame(schema=schema)
        if absent:
            frame = frame.with_columns([pl.lit(None, dtype=pl.Utf8).alias(c) for c in absent])
        return frame


    def _quoted_fields(self, sq: pl.DataFrame, known, idx, extra) -> pl.DataFrame:
        """Records of lines like a,"b,c",d with the header's field count, read by polars'
        CSV reader (the csv module's fields for such lines); a repeated header is
        quarantined as csv's path does."""
        names = [f"f{i}" for i in range(self.ncols)]
        fields = None
        try:
            fields = pl.read_csv("\n".join(sq["_text"].to_list()).encode("utf-8"), has_header=False,
                                 new_columns=names, schema={n: pl.Utf8 for n in names}, quote_char='"',
                                 comment_prefix=None, empty_string_is_null=False, raise_if_empty=False)
        except pl.exceptions.PolarsError:   # pragma: no cover - defensive
            fields = None
        if fields is None or fields.height != sq.height:    # pragma: no cover - defensive
            rows = [_parse_record(x)[0] for x in sq["_text"].to_list()]
            fields = pl.DataFrame({n: [r[i] for r in rows] for i, n in enumerate(names)},
                                  schema={n: pl.Utf8 for n in names})
        sq = pl.concat([sq, fields.with_columns(pl.col(n).fill_null("") for n in names)], how="horizontal")
        header = pl.all_horizontal([pl.col(n) == h for n, h in zip(names, self.hfields)])
        repeated = sq.filter(header)
        for ln, text in repeated.select("_line", "_text").iter_rows():
            self.col.add(ln, "header line repeated inside the file", text)
        if repeated.height:
            sq = sq.filter(~header)
        return sq.select(*[pl.col(f"f{i}").alias(c) for c, i in zip(known, idx)], *extra)


def strings_frame(frame: pl.DataFrame, names: list[str]) -> pl.DataFrame:
    return frame.select(*names, "_line", "_raw", "_dirty")


def validate_and_split(df: pl.DataFrame, checks: list[Check], *, key: str | None,
                       key_label: str | None, col: Collector, seen: SeenKeys | None = None) -> pl.DataFrame:
    """Apply row checks; quarantine failing rows (and in-file duplicates of ``key`` among
    the rows that passed, first kept); return the good rows.  ``seen`` carries the keys
    kept by earlier chunks of the same file: a key kept before makes every row of it here
    a duplicate of that earlier line."""
    reason = reasons_column(df, checks)
    df = df.with_columns(reason)
    if reason.null_count() == df.height:
        bad, good = df.clear(), df
    else:
        bad = df.filter(pl.col("_reason").is_not_null())
        good = df.filter(pl.col("_reason").is_null())
    if key is not None and good.height:
        good, dup = split_duplicates(good, key, seen)
        if dup.height:
            dup = dup.with_columns(
                pl.format(f"duplicate {key_label or key} within file (first on line {{}})",
                          pl.col("_first")).alias("_reason"))
            bad = pl.concat([bad, dup.drop("_first")], how="vertical")
    for ln, rs, rw in zip(bad["_line"].to_list(), bad["_reason"].to_list(), bad["_raw"].to_list()):
        col.add(ln, pretty_reason(rs), rw)
    return good.drop("_reason")


def split_duplicates(good: pl.DataFrame, key: str, seen: SeenKeys | None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """-> (rows whose ``key`` is seen first here, later rows of a key with ``_first``: the
    line of its first row, in this chunk or, through ``seen``, an earlier one)."""
    keys = good[key]
    if keys.null_count() or seen is None:
        return _split_duplicates_join(good, key, seen)
    h1, h2 = SeenKeys.hashes(keys)
    order = np.argsort(h1)
    s1, s2 = h1[order], h2[order]
    repeats = bool(((s1[1:] == s1[:-1]) & (s2[1:] == s2[:-1])).any())
    # distinct hashes are distinct keys: only a chunk with a repeated hash needs the text
    first_here = keys.is_first_distinct() if repeats else None
    firsts = np.flatnonzero(first_here.to_numpy()) if repeats else np.arange(len(h1))
    earlier = seen.first_lines(h1[firsts], h2[firsts])
    new = earlier < 0
    lines = good["_line"].to_numpy()
    if repeats:
        seen.add(h1[firsts[new]], h2[firsts[new]], lines[firsts[new]])
    else:
        keep = new[order]                 # order is a permutation of firsts here
        seen.add_sorted(s1[keep], s2[keep], lines[order[keep]])
    if new.all() and not repeats:
        return good, good.clear().with_columns(pl.lit(None, dtype=pl.Int64).alias("_first"))
    is_first = np.zeros(len(h1), dtype=bool)
    is_first[firsts[new]] = True
    mask = pl.Series(is_first)
    heads = good.filter(mask).select(key, pl.col("_line").alias("_first"))
    if not new.all():
        heads = pl.concat([heads, pl.DataFrame({
            key: keys.gather(pl.Series(firsts[~new])),
            "_first": pl.Series(earlier[~new], dtype=pl.Int64)})])
    dup = good.filter(~mask).join(heads, on=key, how="left", maintain_order="left")
    return good.filter(mask), dup


def _split_duplicates_join(good: pl.DataFrame, key: str, seen: SeenKeys | None):
    """``split_duplicates`` when some key is null (rows the checks should have quarantined):
    the original group-by and join, whose semantics for nulls it keeps."""
    first_line = good.group_by(key, maintain_order=True).agg(pl.col("_line").first().alias("_first"))
    if seen is not None:
        known = first_line.filter(pl.col(key).is_not_null())
        h1, h2 = SeenKeys.hashes(known[key])
        earlier = seen.first_lines(h1, h2)
        new = earlier < 0
        seen.add(h1[new], h2[new], known["_first"].to_numpy()[new])
        if not new.all():
            first_line = pl.concat([
                known.with_columns(pl.Series("_first", np.where(new, known["_first"].to_numpy(), earlier),
                                             dtype=pl.Int64)),
                first_line.filter(pl.col(key).is_null())])
    good = good.join(first_line, on=key, how="left", maintain_order="left")
    dup = good.filter(pl.col("_line") != pl.col("_first"))
    return good.filter(pl.col("_line") == pl.col("_first")).drop("_first"), dup
