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


def quoted(value: str, limit: int = 60) -> str:
    v = value if len(value) <= limit else value[:limit] + "…"
    return f'"{v}"'


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
)
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%Y.%m.%d")


def parse_datetime_expr(col: str) -> pl.Expr:
    """String column -> naive Datetime('us'); null when empty or unparseable."""
    return pl.coalesce(
        [pl.col(col).str.strptime(pl.Datetime("us"), f, strict=False) for f in DATETIME_FORMATS]
    )


def parse_date_expr(col: str) -> pl.Expr:
    return pl.coalesce([pl.col(col).str.strptime(pl.Date, f, strict=False) for f in DATE_FORMATS])


def unparseable_reason_expr(raw_col: str, parsed: pl.Expr, label: str) -> pl.Expr:
    return pl.when(pl.col(raw_col).is_not_null() & parsed.is_null()).then(
        pl.format(f'unparseable {label} "{{}}"', pl.col(raw_col).str.slice(0, 60))
    )


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


def sniff_binary(head: bytes) -> str | None:
    """A sentence saying why ``head`` (first bytes of a file) is not a text file, or None."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "file is UTF-16 encoded (exported as 'Unicode text'?), not the expected encoding"
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"file is {what}, not a text file"
    if b"\x00" in head:
        return "file contains NUL bytes: binary, not a text file"
    return None


@dataclass
class PhysLine:
    lineno: int            # 1-based physical line number
    data: bytes            # without the line terminator (first bytes only when too_long)
    ended: bool            # had a '\n' (False only for the last line of the file)
    too_long: int = 0      # total length in bytes when the line exceeded MAX_LINE_BYTES


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


def _parse_record(text: str) -> tuple[list[str] | None, bool]:
    """(fields, complete).  fields None when csv rejects the text."""
    feed = _OneShot(text)
    try:
        fields = next(csv.reader(feed))
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
    columns: dict[str, list[str]]      # canonical column -> values of the well-formed records
    lines: list[int]                   # start line of each well-formed record
    raws: list[str]                    # raw text (cut) of each well-formed record
    rows_read: int                     # data records seen (blank lines excluded)
    last_line_unterminated: bool


class FileError(Exception):
    """The whole file cannot be read; the message is for a person."""


_ENC_LABEL = {"gb18030": "GB18030", "utf-8": "UTF-8", "utf-8-sig": "UTF-8"}


def read_delimited(path: Path, *, encodings: tuple[str, str], required: list[str],
                   optional: list[str], col: Collector) -> DelimitedFile:
    """Read a comma-separated file exported for Excel.

    * Encoding is decided by the header: the first of ``encodings`` whose decoding of
      the header line contains the required column names wins (UTF-8 Chinese text is
      nearly always *valid* GB18030, just mojibake, so "does it decode" is not enough).
      Choosing the second one adds a warning.  Each line is decoded on its own; a line
      that fails in the chosen encoding but decodes in the other is kept (warning);
      a line that decodes in neither quarantines its record.
    * Records may span several physical lines (quoted newlines); the reported line is
      where the record starts.  A quote left open for more than MAX_RECORD_LINES lines
      or at end of file quarantines the first line only and parsing resumes on the next.
    * Physical lines over MAX_LINE_BYTES are quarantined without being read whole.
    * Records whose field count differs from the header's are quarantined.
    Raises FileError when the file as a whole is unusable.
    """
    primary, secondary = encodings
    with open(path, "rb") as fh:
        head = fh.read(8192)
        why = sniff_binary(head)
        if why:
            raise FileError(why)
        fh.seek(0)
        return _read_delimited_stream(fh, primary, secondary, required, optional, col)


def _header_ok(fields: list[str], required: list[str]) -> bool:
    names = {f.strip().lstrip("\ufeff").strip() for f in fields}
    return all(r in names for r in required)


def _decode_header(data: bytes, primary: str, secondary: str, required: list[str]):
    """-> (encoding, fields) picking the encoding whose header has the required names."""
    attempts = []
    for enc in (primary, secondary):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        fields, _ = _parse_record(text)
        if fields is None:
            continue
        attempts.append((enc, fields))
        if _header_ok(fields, required):
            return enc, fields, True
    if not attempts:
        raise FileError(
            f"header line is neither {_ENC_LABEL[primary]} nor {_ENC_LABEL[secondary]} text: "
            "wrong encoding or not a text file")
    enc, fields = attempts[0]
    return enc, fields, False


def _read_delimited_stream(fh, primary, secondary, required, optional, col: Collector):
    lines = iter_physical_lines(fh)
    # ---- header: first non-blank physical line (quoted multi-line headers are not a thing)
    header_line = None
    for pl_ in lines:
        if pl_.too_long:
            raise FileError("header line is longer than 1 MB: not a CSV export")
        if pl_.data.strip(b" \t\r\xef\xbb\xbf"):
            header_line = pl_
            break
    if header_line is None:
        return None   # empty file
    hdata = header_line.data
    if hdata.startswith(b"\xef\xbb\xbf"):
        hdata = hdata[3:]
        enc, hfields, ok = _decode_header(hdata, "utf-8", primary if primary != "utf-8" else secondary, required)
    else:
        enc, hfields, ok = _decode_header(hdata, primary, secondary, required)
    if enc != primary and ok:
        col.warnings.append(
            f"file is {_ENC_LABEL[enc]}, not {_ENC_LABEL[primary]} as specified; read as "
            f"{_ENC_LABEL[enc]} (nothing lost)")
    header = [f.strip().lstrip("\ufeff").strip() for f in hfields]
    if not ok:
        missing = [r for r in required if r not in header]
        raise FileError("header lacks required column(s): " + ", ".join(missing)
                        + f" (header: {raw_text(','.join(header))[:200]})")
    other = secondary if enc == primary else primary
    if other == "utf-8-sig":
        other = "utf-8"

    # ---- column mapping by name
    seen: dict[str, int] = {}
    for i, name in enumerate(header):
        if name in seen and name in required + optional:
            raise FileError(f"column {name} appears twice in the header")
        seen.setdefault(name, i)
    known = [c for c in required + optional if c in seen]
    absent = [c for c in optional if c not in seen]
    if absent:
        col.warnings.append("optional column(s) absent, left empty: " + ", ".join(absent))
    extra = [h for h in header if h not in required + optional]
    if extra:
        col.warnings.append("unknown column(s) ignored: " + ", ".join(h or "(unnamed)" for h in extra))
    idx = [seen[c] for c in known]
    ncols = len(header)

    kept_rows: list[list[str]] = []
    kept_lines: list[int] = []
    kept_raws: list[str] = []
    rows_read = 0
    blank = 0
    fallback_lines = 0
    last_unterminated = False
    pending: list[tuple[int, str, bool, str | None]] = []   # buffered lines of an open record
    replay: list[tuple[int, str, bool, str | None]] = []    # lines to re-feed after a back-off
    enc_label = _ENC_LABEL[enc]
    check_utf8_first = enc == "gb18030"

    def decode(p: PhysLine):
        nonlocal fallback_lines
        b = p.data
        if b.isascii():
            return b.decode("ascii"), None
        if check_utf8_first:
            # A line that is valid UTF-8 with non-ASCII bytes is (practically never
            # GB18030 Chinese) a UTF-8 line pasted into a GB18030 export.
            try:
                t = b.decode("utf-8")
                fallback_lines += 1
                return t, None
            except UnicodeDecodeError:
                pass
        try:
            return b.decode(enc), None
        except UnicodeDecodeError:
            pass
        try:
            t = b.decode(other)
            fallback_lines += 1
            return t, None
        except UnicodeDecodeError:
            return b.decode(enc, "replace"), f"line {p.lineno} is not valid {enc_label} text"

    def emit(start: int, text: str, ended: bool, bad: str | None, fields: list[str] | None):
        nonlocal rows_read, blank, last_unterminated
        if not text.strip() and not bad:
            blank += 1
            return
        rows_read += 1
        if bad:
            col.add(start, bad, text)
            return
        if fields is None:
            col.add(start, "malformed CSV record", text)
            return
        if len(fields) != ncols:
            reason = f"expected {ncols} fields, found {len(fields)}"
            if not ended and len(fields) < ncols:
                reason = "truncated last line: " + reason
            col.add(start, reason, text)
            return
        if fields == hfields:
            col.add(start, "header line repeated inside the file", text)
            return
        kept_rows.append(fields)
        kept_lines.append(start)
        kept_raws.append(text[:RAW_CHARS])
        if not ended:
            last_unterminated = True

    def source():
        for p in lines:
            while replay:
                yield replay.pop(0)
            if p.too_long:
                yield (p.lineno, None, p.ended, p.too_long, p.data)
                continue
            text, bad = decode(p)
            yield (p.lineno, text, p.ended, bad, None)
        while replay:
            yield replay.pop(0)

    def back_off(reason_last: str, reason_mid: str, then=None):
        """The open record never closed: quarantine its first line, re-read the rest
        (followed by ``then``, the item that triggered the back-off, if any)."""
        nonlocal rows_read
        first = pending[0]
        rows_read += 1
        col.add(first[0], reason_last if len(pending) == 1 and not first[2] else reason_mid, first[1])
        rest = [(ln, t, e, b, None) for ln, t, e, b in pending[1:]]
        if then is not None:
            rest.append(then)
        pending.clear()
        replay[0:0] = rest

    src = source()
    while True:
        try:
            item = next(src)
        except StopIteration:
            if pending:
                back_off("truncated last line (quoted field never closed)",
                         "quoted field opened here is never closed")
                src = source()   # replay remaining lines
                # lines iterator is exhausted, so source() only yields the replay
                continue
            break
        ln, text, ended, bad, toolong_head = item
        if text is None:   # too-long physical line
            if pending:
                back_off("quoted field opened here is never closed",
                         "quoted field opened here is never closed", then=item)
                continue
            rows_read += 1
            col.add(ln, f"line longer than 1 MB ({bad:,} bytes)",
                    toolong_head.decode(enc, "replace"))
            continue
        if not pending and '"' not in text:
            # fast path: no quotes -> plain split
            emit(ln, text, ended, bad, text.split(","))
            continue
        pending.append((ln, text, ended, bad))
        joined = "\n".join(p[1] for p in pending)
        fields, complete = _parse_record(joined)
        if complete:
            bads = [p[3] for p in pending if p[3]]
            start = pending[0][0]
            pend_ended = pending[-1][2]
            pending.clear()
            emit(start, joined, pend_ended, bads[0] if bads else None, fields)
        elif len(pending) >= MAX_RECORD_LINES or len(joined) > MAX_LINE_BYTES:
            back_off("quoted field opened here is never closed",
                     "quoted field opened here is never closed")

    if blank:
        col.warnings.append(f"{blank} blank line(s) skipped")
    if fallback_lines:
        col.warnings.append(
            f"{fallback_lines} line(s) were not {enc_label} but decoded as "
            f"{_ENC_LABEL[other]}; read as such")
    if kept_rows:
        transposed = list(zip(*kept_rows))
        columns = {c: list(transposed[i]) for c, i in zip(known, idx)}
    else:
        columns = {c: [] for c in known}
    for c in absent:
        columns[c] = [None] * len(kept_rows)
    return DelimitedFile(header=header, encoding=enc, columns=columns, lines=kept_lines,
                         raws=kept_raws, rows_read=rows_read,
                         last_line_unterminated=last_unterminated)


def strings_frame(d: DelimitedFile, names: list[str]) -> pl.DataFrame:
    data = {c: pl.Series(c, d.columns[c], dtype=pl.Utf8) for c in names}
    data["_line"] = pl.Series("_line", d.lines, dtype=pl.Int64)
    data["_raw"] = pl.Series("_raw", d.raws, dtype=pl.Utf8)
    return pl.DataFrame(data)


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
