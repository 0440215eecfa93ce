"""Courier waybill exports: ``logistics/<carrier>_waybills_<YYYYMMDD>.parquet``.

One row -> two observations sharing ``line`` (1-based row number) and record_id =
waybill_no:
* 'receive': person_* = receiver_*, address = receiver_address,
  event_time = sign_time, or pickup_time when not signed; order_time = pickup_time;
  sign_type;
* 'send': person_* = sender_*, address = sender_address, event_time = pickup_time.

Decisions:
* Unreadable/truncated parquet, or without waybill_no, pickup_time or receiver_address ->
  file-level error naming them; other absent columns are read as empty (a warning).
* Types are coerced: timestamp columns may be timestamps (naive = Beijing; tz-aware are
  converted to Beijing and made naive), dates, strings (several formats) or Unix epoch
  numbers (seconds, or ms when > 1e11); text columns of another type are cast to text.
  A value that cannot be coerced, or lies outside years 1-9999 (epoch 2**62, a date32 of
  2**31 days), quarantines its row ('unparseable sign_time "..."').  Binary text columns
  are UTF-8, else GB18030, else decoded with U+FFFD.  A required column holding lists or
  structures is a file-level error naming it.
* Empty pickup_time or waybill_no -> quarantined.  Null sign_time = not delivered.
* Formula text in waybill_no or a sender/receiver name/phone/address -> quarantined;
  sign_type is a category and is left as it is.
* Row groups are read one at a time (one larger than a chunk in batches) and rows are
  handed on about ``common.CHUNK_ROWS`` waybills at a time: bounded memory for big files.
  In-file duplicates are found across chunks.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from . import common as C
from .schema import OBSERVATION_SCHEMA, AdapterResult

SOURCE_KIND = "logistics"

TEXT_COLUMNS = ["waybill_no", "sender_name", "sender_phone", "sender_address",
                "receiver_name", "receiver_phone", "receiver_address", "sign_type"]
TIME_COLUMNS = ["pickup_time", "sign_time"]
COLUMNS = TEXT_COLUMNS + TIME_COLUMNS
# Without these a waybill says nothing usable (which parcel, when, to where); a courier that
# does not export another column (a re-sent file without sender_phone) still has its rows read.
REQUIRED = ["waybill_no", "pickup_time", "receiver_address"]
FORMULA_CHECKED = ["waybill_no", "sender_name", "sender_phone", "sender_address",
                   "receiver_name", "receiver_phone", "receiver_address"]


def _decode_bytes(b: bytes | None) -> str | None:
    if b is None:
        return None
    for enc in ("utf-8", "gb18030"):
        try:
            return b.decode(enc)
        except UnicodeDecodeError:
            pass
    return b.decode("utf-8", "replace")


def _text_column(arr: pa.ChunkedArray) -> pl.Series:
    t = arr.type
    if pa.types.is_dictionary(t):
        arr = arr.cast(t.value_type)
        t = arr.type
    if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t):
        return pl.from_arrow(arr).cast(pl.Utf8)
    if pa.types.is_binary(t) or pa.types.is_large_binary(t):
        s = pl.from_arrow(arr)
        try:
            return s.cast(pl.Utf8)
        except pl.exceptions.PolarsError:
            # not all UTF-8: decode value by value (GB18030, else UTF-8 with U+FFFD), never lose the row
            return pl.Series(s.name, [_decode_bytes(b) for b in s.to_list()], dtype=pl.Utf8)
    if pa.types.is_floating(t):
        # phones exported as float64 (13857101115.0): drop the '.0'
        s = pl.from_arrow(arr).cast(pl.Float64)
        as_int = s.cast(pl.Int64, strict=False)      # null when out of int64 range / NaN / inf
        return pl.select(
            pl.when(as_int.is_not_null() & (s == s.round(0))).then(as_int.cast(pl.Utf8))
            .otherwise(s.cast(pl.Utf8))).to_series()
    return pl.from_arrow(arr).cast(pl.Utf8, strict=False)


# Epoch microseconds of the datetimes every consumer can hold (Python's datetime: years
# 1-9999, a day's margin for the time-zone shift).  polars panics (a BaseException, not an
# Exception) when asked to shift or print values far outside, so they are nulled first and
# their row is quarantined as unparseable.
_MIN_US = (dt.datetime(1, 1, 2) - dt.datetime(1970, 1, 1)) // dt.timedelta(microseconds=1)
_MAX_US = (dt.datetime(9999, 12, 30) - dt.datetime(1970, 1, 1)) // dt.timedelta(microseconds=1)
_PER_UNIT_US = {"s": 1_000_000, "ms": 1_000, "us": 1}


def _int_epoch_to_us(v: pl.Series, unit: str) -> pl.Series:
    """Int64 counts of ``unit`` since 1970 -> Int64 microseconds; null when out of range."""
    if unit == "ns":
        return v // 1000   # int64 nanoseconds span 1677-2262: always in range
    mult = _PER_UNIT_US[unit]
    return pl.select(pl.when(v.is_between(_MIN_US // mult, _MAX_US // mult)).then(v * mult)).to_series()


def _us_to_beijing(us: pl.Series, utc: bool) -> pl.Series:
    """Int64 epoch microseconds (in range) -> naive Beijing Datetime('us')."""
    d = us.cast(pl.Int64).cast(pl.Datetime("us"))
    if utc:
        d = d.dt.replace_time_zone("UTC").dt.convert_time_zone("Asia/Shanghai").dt.replace_time_zone(None)
    return d


def _time_column(name: str, arr: pa.ChunkedArray) -> tuple[pl.Series, pl.Series, bool]:
    """-> (parsed naive-Beijing datetimes, raw text for the unparseable reason, deferred).

    deferred: the column is a timestamp or date, and its raw text is '' wherever it parsed;
    ``_validate`` renders those values (strftime) for the quarantined rows only."""
    t = arr.type
    if pa.types.is_dictionary(t):
        arr = arr.cast(t.value_type)
        t = arr.type
    if pa.types.is_timestamp(t) or pa.types.is_date(t):
        # work on the integers: polars would panic converting an out-of-range value
        if pa.types.is_timestamp(t):
            ints, unit, what = arr.cast(pa.int64()), t.unit, f"{t.unit} since 1970-01-01"
        elif pa.types.is_date32(t):
            ints, unit, what = arr.cast(pa.int32()).cast(pa.int64()), "day", "days since 1970-01-01"
        else:
            ints, unit, what = arr.cast(pa.int64()), "ms", "ms since 1970-01-01"
        v = pl.from_arrow(ints).cast(pl.Int64)
        if unit == "day":
            us = pl.select(pl.when(v.is_between(_MIN_US // 86_400_000_000, _MAX_US // 86_400_000_000))
                           .then(v * 86_400_000_000)).to_series()
        else:
            us = _int_epoch_to_us(v, unit)
        utc = pa.types.is_timestamp(t) and t.tz is not None   # naive values are Beijing time already
        parsed = _us_to_beijing(us, utc)
        raw = pl.select(pl.when(parsed.is_not_null()).then(pl.lit(""))
                        .when(v.is_not_null()).then(pl.lit("?"))).to_series()
        odd = (parsed.is_null() & v.is_not_null()).arg_true()
        if odd.len():
            raw = raw.scatter(odd, pl.select(pl.format("{} " + what, v.gather(odd))).to_series())
        return parsed.alias(name), raw.alias(name), True
    s = pl.from_arrow(arr)
    if isinstance(s, pl.DataFrame):   # pragma: no cover - defensive
        s = s.to_series()
    s = s.alias(name)
    dtype = s.dtype
    if dtype.is_numeric():
        f = s.cast(pl.Float64)
        secs = pl.select(pl.when(f.abs() > 1e11).then(f / 1000.0).otherwise(f)).to_series()
        us_f = (secs * 1_000_000).round(0)
        us = pl.select(pl.when(us_f.is_finite() & us_f.is_between(_MIN_US, _MAX_US))
                       .then(us_f)).to_series()
        parsed = _us_to_beijing(us, utc=True)
        raw = _text_column(arr)
    else:
        txt = _text_column(arr)
        df = pl.DataFrame({name: txt}).with_columns(C.clean_expr(name))
        parsed = C.parse_text_times(df[name])
        raw = df[name]
    return parsed.alias(name), raw.alias(name), False


def _what_it_holds(path: Path) -> str:
    """What a file that is no parquet holds, for the operator: ' (…)' or ''."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(8192)
    except OSError:
        return ""
    why = C.sniff_binary(head)
    if head and why is None and b"," in head.split(b"\n", 1)[0]:
        return " (it holds comma-separated text: a CSV saved under a .parquet name?)"
    return f" ({why})" if why and why not in C.GUESSES else ""


def read(path: Path, *, rel_name: str, platform: str, sink=None,
         chunk_rows: int | None = None) -> AdapterResult:
    """Read one waybill export row group by row group; rows go to ``sink`` about
    ``chunk_rows`` waybills at a time (see ``common.ChunkOutput``)."""
    col = C.Collector(rel_name, SOURCE_KIND, platform)
    chunk_rows = chunk_rows or C.CHUNK_ROWS
    try:
        pf = pq.ParquetFile(path)
    except (OSError, pa.ArrowException, ValueError) as e:
        return C.error_result(rel_name, SOURCE_KIND, platform,
                              f"not a readable parquet file: {e}{_what_it_holds(path)}", OBSERVATION_SCHEMA)
    # Column names as the spec spells them, whatever their case, width or stray spaces
    # ('Waybill_No', 'ｓｉｇｎ_time', 'receiver_address '): {spec name: the file's}.
    spelled = {C.header_key(c).casefold(): c for c in COLUMNS}
    file_name: dict[str, str] = {}
    for n in pf.schema_arrow.names:
        c = n if n in COLUMNS else spelled.get(C.header_key(n).casefold())
        if c is not None and (c not in file_name or n == c):
            file_name[c] = n
    names = [c for c in COLUMNS if c in file_name] + [n for n in pf.schema_arrow.names
                                                      if n not in file_name.values()]
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        return C.error_result(rel_name, SOURCE_KIND, platform,
                              "parquet file lacks required column(s): " + ", ".join(missing),
                              OBSERVATION_SCHEMA)
    nested = [f"{f.name} ({f.type})" for f in pf.schema_arrow if f.name in file_name.values()
              and (pa.types.is_nested(f.type) or pa.types.is_union(f.type))]
    if nested:
        return C.error_result(rel_name, SOURCE_KIND, platform,
                              "parquet column(s) hold lists or structures, not text or timestamps: "
                              + ", ".join(nested), OBSERVATION_SCHEMA)
    respelled = [f"'{n}' as {c}" for c, n in file_name.items() if n != c]
    if respelled:
        col.warnings.append("column(s) read by another spelling: " + ", ".join(respelled))
    extra = [c for c in names if c not in COLUMNS]
    if extra:
        col.warnings.append("unknown column(s) ignored: " + ", ".join(extra))
    absent = [c for c in COLUMNS if c not in names]
    if absent:
        col.warnings.append("column(s) absent, left empty: " + ", ".join(absent))
    present = {file_name[c]: c for c in COLUMNS if c in file_name}     # {file's name: spec name}

    out = C.ChunkOutput(sink, rel_name, SOURCE_KIND, platform, OBSERVATION_SCHEMA, col)
    seen = C.SeenKeys()
    frames: list[pl.DataFrame] = []
    buffered = 0
    offset = 0
    rows_read = 0
    undelivered = 0
    try:
        for rg in range(pf.num_row_groups):
            for table in _row_group_tables(pf, rg, chunk_rows, present):
                n = table.num_rows
                frames.append(_validate(table, offset, col))
                offset += n
                rows_read += n
                buffered += n
                if buffered >= chunk_rows:
                    undelivered += _emit(frames, rel_name, platform, col, seen, out)
                    frames, buffered = [], 0
    except (OSError, pa.ArrowException, ValueError) as e:
        return C.error_result(rel_name, SOURCE_KIND, platform,
                              f"parquet file is damaged (row group {rg}): {e}",
                              OBSERVATION_SCHEMA, col.warnings)
    undelivered += _emit(frames, rel_name, platform, col, seen, out)
    if rows_read == 0:
        col.warnings.append("parquet file has no rows")
    if undelivered:
        col.warnings.append(
            f"{undelivered} waybill(s) not signed (sign_time empty): receive event_time = pickup_time")
    return out.finish(rows_read)


def _row_group_tables(pf: pq.ParquetFile, rg: int, chunk_rows: int, present: dict[str, str]):
    """The row group as one table, or in batches when it is larger than a chunk (an
    exporter writing one huge row group must not make the reader hold all of it decoded),
    its columns named as the spec names them (``present``: {file's name: spec name});
    columns the file lacks come as nulls."""
    if pf.metadata.row_group(rg).num_rows <= chunk_rows:
        tables = [pf.read_row_group(rg, columns=list(present))]
    else:
        tables = (pa.Table.from_batches([batch])
                  for batch in pf.iter_batches(batch_size=chunk_rows, row_groups=[rg], columns=list(present)))
    for table in tables:
        table = table.rename_columns([present[n] for n in table.column_names])
        for c in COLUMNS:
            if c not in present.values():
                table = table.append_column(c, pa.nulls(table.num_rows, pa.string()))
        yield table.select(COLUMNS)


def _emit(frames: list[pl.DataFrame], rel_name: str, platform: str, col: C.Collector,
          seen: C.SeenKeys, out: C.ChunkOutput) -> int:
    """Quarantine in-file duplicates of waybill_no (first kept, across chunks too), write the
    two observations of every other waybill; -> waybills not signed."""
    good = pl.concat(frames, how="vertical") if frames else None
    if good is None or good.height == 0:
        out.write(None, 0)
        return 0
    good, dup = C.split_duplicates(good, "waybill_no", seen)
    if dup.height:
        dup = dup.with_columns(_dup_raw())
        for ln, f, raw in zip(dup["_line"].to_list(), dup["_first"].to_list(), dup["_raw"].to_list()):
            col.add(ln, f"duplicate waybill_no within file (first on line {f})", raw)

    common = [
        pl.lit(SOURCE_KIND).alias("source_kind"),
        pl.lit(platform).alias("platform"),
        pl.lit(rel_name).alias("file"),
        pl.col("_line").alias("line"),
        pl.col("waybill_no").alias("record_id"),
    ]
    nulls = {c: pl.lit(None, dtype=OBSERVATION_SCHEMA[c]).alias(c) for c in
             ("account_id", "account_name", "account_id_no", "account_phone", "amount",
              "category", "nickname", "region_hint")}
    receive = good.select(
        *common,
        pl.lit("receive").alias("event"),
        pl.coalesce("sign_time", "pickup_time").alias("event_time"),
        pl.col("pickup_time").alias("order_time"),
        pl.col("receiver_name").alias("person_name"),
        pl.col("receiver_phone").alias("person_phone"),
        pl.col("receiver_address").alias("address"),
        pl.col("sign_type"),
        *nulls.values(),
    )
    send = good.select(
        *common,
        pl.lit("send").alias("event"),
        pl.col("pickup_time").alias("event_time"),
        pl.col("pickup_time").alias("order_time"),
        pl.col("sender_name").alias("person_name"),
        pl.col("sender_phone").alias("person_phone"),
        pl.col("sender_address").alias("address"),
        pl.lit(None, dtype=pl.Utf8).alias("sign_type"),
        *nulls.values(),
    )
    # each waybill's receive then its send, waybills in line order (good is in line order)
    n = good.height
    order = pl.select(pl.concat_list(pl.int_range(0, n, dtype=pl.Int64),
                                     pl.int_range(n, 2 * n, dtype=pl.Int64)).explode()).to_series()
    rows = pl.concat([receive.select(list(OBSERVATION_SCHEMA)), send.select(list(OBSERVATION_SCHEMA))])[order]
    out.write(rows, good.height)
    return good.filter(pl.col("sign_time").is_null()).height


def _validate(table: pa.Table, offset: int, col: C.Collector) -> pl.DataFrame:
    n = table.num_rows
    data = {c: _text_column(table.column(c)).alias(c) for c in TEXT_COLUMNS}
    parsed = {}
    raws = {}
    deferred = {}
    for c in TIME_COLUMNS:
        parsed[c], raws[c], deferred[c] = _time_column(c, table.column(c))
    df = pl.DataFrame({**data, **{f"_raw_{c}": raws[c] for c in TIME_COLUMNS}})
    df = C.clean_columns(df, TEXT_COLUMNS)
    df = df.with_columns(
        pl.Series("_line", range(offset + 1, offset + n + 1), dtype=pl.Int64),
        *[parsed[c] for c in TIME_COLUMNS],
    )
    # raw: a readable rendering of the row, only needed for bad rows (computed lazily below)
    checks = (
        [C.empty_check("waybill_no"), C.empty_check("_raw_pickup_time", "pickup_time")]
        + [C.unparseable_check(f"_raw_{c}", pl.col(c), c) for c in TIME_COLUMNS]
        + [C.formula_check(c) for c in FORMULA_CHECKED]
        + [C.length_check(c) for c in TEXT_COLUMNS]
    )
    df = df.with_columns(C.reasons_column(df, checks))
    bad = df.filter(pl.col("_reason").is_not_null())
    if bad.height:
        bad = bad.with_columns([
            pl.when(pl.col(c).is_not_null()).then(pl.col(c).dt.strftime("%Y-%m-%d %H:%M:%S%.f"))
            .otherwise(pl.col(f"_raw_{c}")).alias(f"_raw_{c}") for c in TIME_COLUMNS if deferred[c]])
        raw_cols = TEXT_COLUMNS + [f"_raw_{c}" for c in TIME_COLUMNS]
        for r in bad.select("_line", "_reason", *raw_cols).iter_rows(named=True):
            raw = ",".join("" if r[c] is None else str(r[c])[:C.RAW_CHARS] for c in raw_cols)
            col.add(r["_line"], C.pretty_reason(r["_reason"]), raw)
    good = df.filter(pl.col("_reason").is_null())
    return good.drop("_reason", *[f"_raw_{c}" for c in TIME_COLUMNS])


def _dup_raw() -> pl.Expr:
    """quarantine.raw of a duplicate waybill: its first text columns."""
    return pl.concat_str([pl.col(c).fill_null("").str.slice(0, 80) for c in TEXT_COLUMNS[:4]],
                         separator=",").alias("_raw")
