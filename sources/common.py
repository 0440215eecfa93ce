"""Helpers shared by the source adapters.

Everything here is pure: no database, no Prefect.  The adapters read one file
into canonical rows (``schema.OBSERVATION_SCHEMA`` / ``schema.ROSTER_SCHEMA``)
plus quarantine rows (``schema.QUARANTINE_SCHEMA``).

Main pieces
-----------
* ``iter_physical_lines`` - bounded line reader over a binary file: a line longer
  than ``MAX_LINE_BYTES`` is never held in memory, only reported.
* ``sniff_binary`` - recognise files that are not text at all (NUL bytes, UTF-16,
  gzip/zip/parquet/pdf magic).
* ``read_delimited`` - the CSV engine used by the roster and e-commerce adapters:
  header-driven encoding choice, quoted fields with embedded commas/newlines,
  physical line numbers, field-count checks, truncated last line, bounded memory.
* ``clean_expr`` / ``formula_expr`` / ``length_reason_expr`` / ``parse_datetime_expr``
  - vectorised polars checks used on the happy path.
* ``clean_text`` / ``is_formula`` - the same rules for per-value Python code (JSONL).
* ``quarantine_frame`` / ``finish`` - build the outputs and enforce the invariant
  ``rows_read == rows_kept + rows_quarantined``.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterator

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


def clean_columns(df: pl.DataFrame, cols: list[str]) -> pl.DataFrame:
    """``clean_expr`` on many columns, fast: the regex replacements run only on columns
    that contain a control character at all (rare), then strip and '' -> null."""
    has = df.select([pl.col(c).str.contains(_ANY_CTRL_RE).any().alias(c) for c in cols]).row(0)
    dirty = [c for c, h in zip(cols, has) if h]
    if dirty:
        df = df.with_columns([
            pl.col(c).str.replace_all(_REMOVE_RE, "").str.replace_all(_SPACE_RE, " ")
            for c in dirty])
    df = df.with_columns([pl.col(c).str.strip_chars() for c in cols])
    return df.with_columns([
        pl.when(pl.col(c).str.len_bytes() == 0).then(None).otherwise(pl.col(c)).alias(c)
        for c in cols])


def formula_reason_expr(col: str, label: str | None = None) -> pl.Expr:
    return pl.when(pl.col(col).str.contains(FORMULA_RE)).then(
        pl.lit(f"spreadsheet formula in {label or col}")
    )


def length_reason_expr(col: str, label: str | None = None) -> pl.Expr:
    n = pl.col(col).str.len_chars()
    return pl.when(n > MAX_FIELD_CHARS).then(
        pl.format(f"field {label or col} is {{}} characters long", n)
    )


_LEN_RE = re.compile(r"is (\d{4,}) characters long")


def pretty_reason(reason: str) -> str:
    """'is 1048576 characters long' -> 'is 1,048,576 characters long' (bad rows only)."""
    return _LEN_RE.sub(lambda m: f"is {int(m.group(1)):,} characters long", reason)


def empty_reason_expr(col: str, label: str | None = None) -> pl.Expr:
    return pl.when(pl.col(col).is_null()).then(pl.lit(f"empty {label or col}"))


def combine_reasons(exprs: list[pl.Expr]) -> pl.Expr:
    """First-to-last list of reasons joined by '; ', null when the row is fine."""
    if not exprs:
        return pl.lit(None, dtype=pl.Utf8).alias("_reason")
    joined = pl.concat_str(exprs, separator="; ", ignore_nulls=True)
    return pl.when(joined.str.len_chars() == 0).then(None).otherwise(joined).alias("_reason")


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


def parse_datetime_column(df: pl.DataFrame, col: str, out: str) -> pl.DataFrame:
    """Add ``out`` = parsed ``col``; the first format is tried alone first, the full list
    of formats only when some values failed (saves ~10x on clean files)."""
    first = pl.col(col).str.strptime(pl.Datetime("us"), DATETIME_FORMATS[0], strict=False)
    df = df.with_columns(first.alias(out))
    if df.select((pl.col(col).is_not_null() & pl.col(out).is_null()).any()).item():
        df = df.with_columns(parse_datetime_expr(col).alias(out))
    return df


def parse_datetime_expr(col: str) -> pl.Expr:
    """String column -> naive Datetime('us'); null when empty or unparseable.

    Full-width digits and stray spaces are normalised first (２０２６/１１/２７)."""
    text = pl.col(col).str.normalize("NFKC").str.strip_chars()
    return pl.coalesce(
        [text.str.strptime(pl.Datetime("us"), f, strict=False) for f in DATETIME_FORMATS]
    )


def parse_date_expr(col: str) -> pl.Expr:
    return pl.coalesce([pl.col(col).str.strptime(pl.Date, f, strict=False) for f in DATE_FORMATS])


def unparseable_reason_expr(raw_col: str, parsed: pl.Expr, label: str) -> pl.Expr:
    return pl.when(pl.col(raw_col).is_not_null() & parsed.is_null()).then(
        pl.format(f'unparseable {label} "{{}}"', pl.col(raw_col).str.slice(0, 60))
    )


_MIN_TIME = dt.datetime(1, 1, 2)        # representable after any time-zone shift
_MAX_TIME = dt.datetime(9999, 12, 30)

_PY_DT_FORMATS = ("%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y%m%d%H%M%S")


def parse_timestamp_py(value: object) -> dt.datetime | None:
    """One timestamp -> naive Beijing time.

    Accepts ISO 8601 with '+08:00', 'Z', any other offset, or none (taken as Beijing
    time already), the export's 'YYYY/MM/DD HH:MM:SS', and Unix epoch numbers
    (seconds, or milliseconds when > 1e11).  Raises ValueError when it cannot.
    """
    if isinstance(value, bool):
        raise ValueError("boolean is not a timestamp")
    if isinstance(value, (int, float)):
        v = float(value)
        if v != v or v in (float("inf"), float("-inf")):
            raise ValueError("not a number")
        if abs(v) > 1e11:
            v /= 1000.0
        t = dt.datetime.fromtimestamp(v, tz=dt.timezone.utc)
        return t.astimezone(BEIJING).replace(tzinfo=None)
    if not isinstance(value, str):
        raise ValueError(f"{type(value).__name__} is not a timestamp")
    s = value.strip()
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


def parse_text_times(s: pl.Series) -> pl.Series:
    """Text timestamps -> naive Beijing Datetime('us'); null when unparseable.
    Naive values are Beijing time already; '+08:00', 'Z' or other offsets are converted."""
    name = s.name
    df = pl.DataFrame({name: s})
    naive = df.select(parse_datetime_expr(name)).to_series()
    # ISO strings with an offset or 'Z'
    aware = df.select(
        pl.coalesce([
            pl.col(name).str.strptime(pl.Datetime("us", "UTC"), f, strict=False)
            for f in ("%Y-%m-%dT%H:%M:%S%#z", "%Y-%m-%d %H:%M:%S%#z",
                      "%Y-%m-%dT%H:%M:%S%.f%#z", "%Y-%m-%dT%H:%M:%SZ",
                      "%Y-%m-%dT%H:%M:%S%.fZ")
        ])
    ).to_series()
    aware = aware.dt.convert_time_zone("Asia/Shanghai").dt.replace_time_zone(None)
    out = pl.select(pl.coalesce(naive, aware.cast(pl.Datetime("us")))).to_series()
    # '9999-12-31T23:59:59-12:00' is year 10000 in Beijing: no consumer (Python, reports)
    # can hold it; null here means "unparseable" and quarantines the row.
    out = pl.select(pl.when(out.is_between(_MIN_TIME, _MAX_TIME)).then(out)).to_series()
    need_py = out.is_null() & s.is_not_null()
    if need_py.any():
        # rare formats: fall back to the Python parser for the leftovers only
        vals = out.to_list()
        raw = s.to_list()
        for i in need_py.arg_true().to_list():
            try:
                vals[i] = parse_timestamp_py(raw[i])
            except (ValueError, OverflowError, OSError):
                vals[i] = None
        out = pl.Series(name, vals, dtype=pl.Datetime("us"))
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
    (b"7z\xbc\xaf", "a 7-zip archive"),
    (b"Rar!", "a RAR archive"),
)


BINARY_MSG = "file is binary (many NUL/control bytes), not a text file"
UTF16_GUESS_MSG = "file looks UTF-16 encoded (without byte-order mark), not the expected encoding"
GUESSES = (BINARY_MSG, UTF16_GUESS_MSG)   # overruled by a valid first line


def sniff_binary(head: bytes) -> str | None:
    """A sentence saying why ``head`` (first bytes of a file) is not a text file, or None.

    The messages in ``GUESSES`` (counting NUL/control bytes) are guesses: callers overrule
    them when the file's first line is a valid header/record (a NUL-padded tail after a
    crash, a few garbage lines in a small file)."""
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "file is UTF-32 encoded, not the expected encoding"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "file is UTF-16 encoded (exported as 'Unicode text'?), not the expected encoding"
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"file is {what}, not a text file"
    if head:
        # UTF-16 without a byte-order mark: the NULs of ASCII characters all on one side
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if even + odd >= 4 and max(even, odd) >= 19 * min(even, odd):
            return UTF16_GUESS_MSG
        controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
        if controls * 20 > len(head):   # > 5 % control bytes: binary (a stray one is cleaned)
            return BINARY_MSG
    return None


_CONTROL_BYTES = bytes(c for c in range(0x20) if c not in (0x09, 0x0A, 0x0C, 0x0D))


@dataclass
class PhysLine:
    lineno: int            # 1-based physical line number
    data: bytes            # without the line terminator (first bytes only when too_long)
    ended: bool            # had a '\n' (False only for the last line of the file)
    too_long: int = 0      # total length in bytes when the line exceeded MAX_LINE_BYTES


CR_WARNING = "lines end with a bare carriage return (classic Mac line breaks): read as line breaks"


def cr_line_ends(head: bytes) -> bool:
    """Does a file starting with ``head`` break lines with a bare '\\r' (no '\\n' at all)?
    ('\\r' is never part of a UTF-8 or GB18030 multi-byte character.)"""
    return b"\n" not in head and b"\r" in head.rstrip(b"\r")


class CrAsLf:
    """Binary reader that turns every '\\r' into '\\n' (for files with bare-CR line ends);
    ``read`` and ``readline`` with the same bounded-memory behaviour as a file."""

    def __init__(self, fh: BinaryIO, chunk: int = 1 << 20):
        self.fh, self.chunk, self.buf = fh, chunk, b""

    def read(self, n: int = -1) -> bytes:
        if n is None or n < 0:
            out, self.buf = self.buf + self.fh.read().replace(b"\r", b"\n"), b""
            return out
        if len(self.buf) < n:
            self.buf += self.fh.read(n - len(self.buf)).replace(b"\r", b"\n")
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def readline(self, limit: int = -1) -> bytes:
        while True:
            i = self.buf.find(b"\n")
            if i >= 0 or (0 <= limit <= len(self.buf)):
                end = i + 1 if i >= 0 else limit
                if 0 <= limit < end:
                    end = limit
                out, self.buf = self.buf[:end], self.buf[end:]
                return out
            more = self.fh.read(self.chunk)
            if not more:
                out, self.buf = self.buf, b""
                return out
            self.buf += more.replace(b"\r", b"\n")


def iter_physical_lines(fh: BinaryIO, max_bytes: int = MAX_LINE_BYTES) -> Iterator[PhysLine]:
    """Split a binary stream on b'\\n' without ever holding more than ~max_bytes.

    b'\\n' never occurs inside a multi-byte UTF-8 or GB18030 character, so splitting
    bytes before decoding is safe for both encodings.
    """
    lineno = 0
    while True:
        b = fh.readline(max_bytes + 1)
        if not b:
            return
        lineno += 1
        if len(b) > max_bytes and not b.endswith(b"\n"):
            head = b[:4 * RAW_CHARS]
            total = len(b)
            ended = False
            while True:
                more = fh.readline(max_bytes)
                if not more:
                    break
                total += len(more)
                if more.endswith(b"\n"):
                    ended = True
                    total -= 1
                    break
            yield PhysLine(lineno, head, ended, total)
            continue
        ended = b.endswith(b"\n")
        if ended:
            b = b[:-1]
        if b.endswith(b"\r"):
            b = b[:-1]
        yield PhysLine(lineno, b, ended)


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
    """The whole file could not be read: no rows, no quarantine rows, ``error`` set."""
    return AdapterResult(
        file=file, source_kind=source_kind, platform=platform,
        rows=empty(row_schema), error=message, warnings=list(warnings or []),
    )


def finish(file: str, source_kind: str, platform: str, rows: pl.DataFrame,
           quarantine: list[pl.DataFrame], rows_read: int, rows_kept: int,
           warnings: list[str], row_schema: dict) -> AdapterResult:
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


def parse_amount_expr(col: str) -> pl.Expr:
    """Yuan amounts as exported for people: '8,000.00', '8，000元', '￥80', full-width digits."""
    v = (pl.col(col).str.normalize("NFKC")
         .str.replace_all(r"[,，\s¥￥元]", "")
         .cast(pl.Float64, strict=False))
    # 'NaN', 'inf', '1e999' and 400-digit numbers are not amounts: unparseable (null)
    return pl.when(v.is_finite()).then(v)


def open_csv_export(path: Path, *, rel_name: str, source_kind: str, platform: str,
                    encodings: tuple[str, ...], required, optional, row_schema: dict):
    """Read a spreadsheet-style CSV export for an adapter.

    Returns ``(delimited, collector)`` to go on with, or ``(AdapterResult, None)`` when
    the file is finished already: unreadable (error set) or empty (a warning, no rows).
    """
    col = Collector(rel_name, source_kind, platform)
    try:
        d = read_delimited(Path(path), encodings=encodings, required=required, optional=optional, col=col)
    except FileError as e:
        return error_result(rel_name, source_kind, platform, str(e), row_schema, col.warnings), None
    except OSError as e:
        return error_result(rel_name, source_kind, platform, f"cannot read file: {e}", row_schema), None
    if d is None:
        col.warnings.append("empty file (0 bytes or only blank lines): no rows")
        return finish(rel_name, source_kind, platform, empty(row_schema), [], 0, 0, col.warnings,
                      row_schema), None
    if d.rows_read == 0:
        col.warnings.append("header only: no data rows")
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


@dataclass
class DelimitedFile:
    """What ``read_delimited`` made of a CSV file before column validation."""

    header: list[str]
    encoding: str
    frame: pl.DataFrame                # canonical columns (Utf8) + _line + _raw, well-formed records
    rows_read: int                     # data records seen (blank lines excluded)


class FileError(Exception):
    """The whole file cannot be read; the message is for a person."""


_ENC_LABEL = {"gb18030": "GB18030", "utf-8": "UTF-8", "utf-8-sig": "UTF-8"}
BLOCK_BYTES = 4 << 20


def read_delimited(path: Path, *, encodings: tuple[str, str], required: list[str],
                   optional: list[str], col: Collector) -> DelimitedFile | None:
    """Read a comma-separated file exported for Excel.  None when the file is empty.

    * Encoding is decided by the header: the first of ``encodings`` whose decoding of
      the header line contains the required column names wins (UTF-8 Chinese text is
      nearly always *valid* GB18030, just mojibake, so "does it decode" is not enough).
      Choosing the second one adds a warning.  The body is decoded in blocks of ~4 MB;
      a block that does not decode is decoded line by line: a line in the other
      encoding is kept (warning), a line valid in neither quarantines its record.
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
    Raises FileError when the file as a whole is unusable.
    """
    primary, secondary = encodings
    with open(path, "rb") as fh:
        head = fh.read(8192)
        why = sniff_binary(head)
        if why and why not in GUESSES:
            raise FileError(why)
        fh.seek(0)
        src = fh
        if cr_line_ends(head):
            src = CrAsLf(fh)
            col.warnings.append(CR_WARNING)
        try:
            # many control bytes but a valid header (NUL padding after a crash, a few
            # garbage lines in a small file): read it, the bad lines are quarantined
            return _CsvReader(src, primary, secondary, required, optional, col).run()
        except FileError:
            if why:
                raise FileError(why) from None
            raise


def _header_ok(fields: list[str], required: list[str]) -> bool:
    names = {f.strip().lstrip("\ufeff").strip() for f in fields}
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
    happen to form valid UTF-8?  GB18030 pairs misread as UTF-8 become 2-byte sequences
    (U+0080-U+07FF: Latin-1, Greek, Cyrillic, Hebrew, Arabic...), e.g. '郑*英' -> '֣*Ӣ';
    real UTF-8 Chinese has CJK characters and practically never those."""
    return _CJK.search(text) is not None and _TWO_BYTE_UTF8.search(text) is None


_FULLY_QUOTED = re.compile(r'"[^"]*"(?:,"[^"]*")*')


class _CsvReader:
    """One pass over a CSV file; see ``read_delimited``."""

    def __init__(self, fh, primary, secondary, required, optional, col: Collector):
        self.fh, self.primary, self.secondary = fh, primary, secondary
        self.required, self.optional, self.col = required, optional, col
        self.rows_read = 0
        self.blank = 0
        self.fallback_lines = 0
        # Python-path records
        self.py_rows: list[list[str]] = []
        self.py_lines: list[int] = []
        self.py_raws: list[str] = []
        # fast-path lines (no quote, not special): split later in polars
        self.simple_texts: list[str] = []
        self.simple_lines: list[int] = []
        self.pending: list[tuple] = []     # (lineno, text, ended, bad) of an open quoted record
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

    def run(self) -> DelimitedFile | None:
        hdata, hline = self._header()
        if hdata is None:
            return None
        primary, secondary = self.primary, self.secondary
        if hdata.startswith(b"\xef\xbb\xbf"):
            hdata = hdata[3:]
            enc, htext, hfields, ok = _decode_header(
                hdata, "utf-8", primary if primary != "utf-8" else secondary, self.required)
        else:
            enc, htext, hfields, ok = _decode_header(hdata, primary, secondary, self.required)
        header = [f.strip().lstrip("\ufeff").strip() for f in hfields]
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
        self.hfields = hfields
        self.htext = htext
        self.ncols = len(header)

        known_all = self.required + self.optional
        seen: dict[str, int] = {}
        for i, name in enumerate(header):
            if name in seen and name in known_all:
                raise FileError(f"column {name} appears twice in the header")
            seen.setdefault(name, i)
        known = [c for c in known_all if c in seen]
        absent = [c for c in self.optional if c not in seen]
        if absent:
            self.col.warnings.append("optional column(s) absent, left empty: " + ", ".join(absent))
        extra = [h for h in header if h not in known_all]
        if extra:
            self.col.warnings.append(
                "unknown column(s) ignored: " + ", ".join(h or "(unnamed)" for h in extra))

        self.last_lineno = hline
        for base, lines, specials in self._blocks(hline + 1):
            self._process_block(base, lines, specials)
        while self.pending:
            self._back_off(eof=True)

        frame = self._frame(known, [seen[c] for c in known], absent)
        if self.blank:
            self.col.warnings.append(f"{self.blank} blank line(s) skipped")
        if self.fallback_lines:
            self.col.warnings.append(
                f"{self.fallback_lines} line(s) were not {self.enc_label} but decoded as "
                f"{_ENC_LABEL[self.other]}; read as such")
        return DelimitedFile(header=header, encoding=enc, frame=frame, rows_read=self.rows_read)

    # ---------------------------------------------------------------- blocks
    def _blocks(self, first_lineno: int):
        """Yield (first line number, decoded lines, {index: special}) per block of
        complete lines.  special: ('long', size, head_bytes) or ('bad', reason)."""
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
                    yield skipping[0], [None], {0: ("long", skipping[1], skipping[2])}
                    return
                i = chunk.find(b"\n")
                if i < 0:
                    skipping[1] += len(chunk)
                    skipping[3] = chunk[-1:]
                    continue
                skipping[1] += i
                if (chunk[i - 1:i] if i else skipping[3]) == b"\r":
                    skipping[1] -= 1      # CRLF: the '\r' is part of the terminator
                yield skipping[0], [None], {0: ("long", skipping[1], skipping[2])}
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
            lines, specials = self._decode_block(complete)
            yield lineno, lines, specials
            lineno += len(lines)
            if len(carry) > MAX_LINE_BYTES:
                skipping = [lineno, len(carry), carry[:4 * RAW_CHARS], carry[-1:]]
                carry = b""
            if eof:
                return

    def _decode_block(self, complete: bytes):
        enc = self.enc
        text = None
        if complete.isascii():
            text = complete.decode("ascii")
        else:
            if self.check_utf8_first:
                try:
                    text = complete.decode("utf-8")
                except UnicodeDecodeError:
                    text = None
                if text is not None and not looks_utf8(text):
                    text = None   # GB18030 bytes that happen to be valid UTF-8
                if text is not None:
                    self.fallback_lines += complete.count(b"\n") + (not complete.endswith(b"\n"))
            if text is None:
                try:
                    text = complete.decode(enc)
                except UnicodeDecodeError:
                    text = None
        specials: dict[int, tuple] = {}
        if text is not None:
            if "\ufeff" in text:
                # a BOM inside the file (exports pasted together) would hide the quote that
                # opens the line's first field; it is removed from every value anyway
                text = text.replace("\ufeff", "")
            lines = text.replace("\r\n", "\n").split("\n")
            if complete.endswith(b"\n"):
                lines.pop()
            limit = MAX_LINE_BYTES // 4
            for i, ln in enumerate(lines):
                if len(ln) > limit:
                    size = len(ln.encode(enc, "replace"))
                    if size > MAX_LINE_BYTES:
                        specials[i] = ("long", size, ln[:2 * RAW_CHARS].encode(enc, "replace"))
            return lines, specials
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
        return lines, specials

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
    def _process_block(self, base: int, lines: list, specials: dict):
        n = len(lines)
        last_block_line = base + n - 1
        # lines with a quote go through csv, unless every field is quoted with no quote
        # or line break inside ("a","b",...: Excel style), which polars splits on '","'
        full = _FULLY_QUOTED.fullmatch
        interesting = sorted(set(i for i, t in enumerate(lines)
                                 if t is not None and '"' in t and not full(t))
                             | set(specials))
        j = 0
        i = 0
        while i < n:
            if not self.pending:
                while j < len(interesting) and interesting[j] < i:
                    j += 1
                nxt = interesting[j] if j < len(interesting) else n
                if nxt > i:
                    self.simple_texts.extend(lines[i:nxt])
                    self.simple_lines.extend(range(base + i, base + nxt))
                    i = nxt
                    continue
            ln = base + i
            ended = not (ln == last_block_line and not self.last_ended)
            self._feed((ln, lines[i], ended, specials.get(i)))
            i += 1
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
    def _frame(self, known: list[str], idx: list[int], absent: list[str]) -> pl.DataFrame:
        schema = {c: pl.Utf8 for c in known} | {"_line": pl.Int64, "_raw": pl.Utf8}
        parts = []
        if self.simple_texts:
            s = pl.DataFrame({"_text": pl.Series(self.simple_texts, dtype=pl.Utf8),
                              "_line": pl.Series(self.simple_lines, dtype=pl.Int64)})
            self.simple_texts = []
            s = s.with_columns(pl.col("_text").str.strip_chars().str.len_chars().eq(0).alias("_blank"))
            nblank = int(s["_blank"].sum())
            self.blank += nblank
            if nblank:
                s = s.filter(~pl.col("_blank"))
            self.rows_read += s.height
            t = pl.col("_text")
            s = s.with_columns(
                pl.when(t.str.starts_with('"'))
                .then(t.str.slice(1, t.str.len_chars() - 2).str.split('","'))
                .otherwise(t.str.split(",")).alias("_parts"))
            s = s.with_columns(pl.col("_parts").list.len().alias("_n"))
            last_unended = None if self.last_ended else self.last_lineno
            bad = s.filter((pl.col("_n") != self.ncols) | (pl.col("_text") == self.htext))
            for ln, n, text in bad.select("_line", "_n", "_text").iter_rows():
                if text == self.htext:
                    self.col.add(ln, "header line repeated inside the file", text)
                    continue
                reason = f"expected {self.ncols} fields, found {n}"
                if ln == last_unended and n < self.ncols:
                    reason = "truncated last line: " + reason
                self.col.add(ln, reason, text)
            if bad.height:
                s = s.filter((pl.col("_n") == self.ncols) & (pl.col("_text") != self.htext))
            parts.append(s.select(
                *[pl.col("_parts").list.get(i).alias(c) for c, i in zip(known, idx)],
                pl.col("_line"),
                pl.col("_text").str.slice(0, RAW_CHARS).alias("_raw"),
            ))
        if self.py_rows:
            transposed = list(zip(*self.py_rows))
            data = {c: pl.Series(c, transposed[i], dtype=pl.Utf8) for c, i in zip(known, idx)}
            data["_line"] = pl.Series("_line", self.py_lines, dtype=pl.Int64)
            data["_raw"] = pl.Series("_raw", self.py_raws, dtype=pl.Utf8)
            parts.append(pl.DataFrame(data, schema=schema))
        if parts:
            frame = pl.concat(parts, how="vertical").sort("_line")
        else:
            frame = pl.DataFrame(schema=schema)
        if absent:
            frame = frame.with_columns([pl.lit(None, dtype=pl.Utf8).alias(c) for c in absent])
        return frame


def strings_frame(d: DelimitedFile, names: list[str]) -> pl.DataFrame:
    return d.frame.select(*names, "_line", "_raw")


def validate_and_split(df: pl.DataFrame, reasons: list[pl.Expr], *, key: str | None,
                       key_label: str | None, col: Collector) -> pl.DataFrame:
    """Apply row checks; quarantine failing rows (and in-file duplicates of ``key`` among
    the rows that passed, first kept); return the good rows."""
    df = df.with_columns(combine_reasons(reasons))
    bad = df.filter(pl.col("_reason").is_not_null())
    good = df.filter(pl.col("_reason").is_null())
    if key is not None and good.height:
        first_line = good.group_by(key, maintain_order=True).agg(pl.col("_line").first().alias("_first"))
        good = good.join(first_line, on=key, how="left", maintain_order="left")
        dup = good.filter(pl.col("_line") != pl.col("_first"))
        if dup.height:
            dup = dup.with_columns(
                pl.format(f"duplicate {key_label or key} within file (first on line {{}})",
                          pl.col("_first")).alias("_reason"))
            bad = pl.concat([bad, dup.drop("_first")], how="vertical")
            good = good.filter(pl.col("_line") == pl.col("_first"))
        good = good.drop("_first")
    for ln, rs, rw in zip(bad["_line"].to_list(), bad["_reason"].to_list(), bad["_raw"].to_list()):
        col.add(ln, pretty_reason(rs), rw)
    return good.drop("_reason")
