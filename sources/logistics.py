"""Courier waybill exports: ``logistics/<carrier>_waybills_<YYYYMMDD>.parquet``.

One row -> two observations sharing ``line`` (1-based row number) and record_id =
waybill_no:
* 'receive': person_* = receiver_*, address = receiver_address,
  event_time = sign_time, or pickup_time when not signed; order_time = pickup_time;
  sign_type;
* 'send': person_* = sender_*, address = sender_address, event_time = pickup_time.

Decisions:
* Unreadable/truncated parquet, or missing columns -> file-level error naming them.
* Types are coerced: timestamp columns may be timestamps (naive = Beijing; tz-aware are
  converted to Beijing and made naive), dates, strings (several formats) or Unix epoch
  numbers (seconds, or ms when > 1e11); text columns of another type are cast to text.
  A value that cannot be coerced quarantines its row ('unparseable sign_time "..."').
* Empty pickup_time or waybill_no -> quarantined.  Null sign_time = not delivered.
* Formula text in waybill_no or a sender/receiver name/phone/address -> quarantined;
  sign_type is a category and is left as it is.
* Row groups are read one at a time (bounded memory for big files).
"""
from __future__ import annotations

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
REQUIRED = TEXT_COLUMNS + TIME_COLUMNS
FORMULA_CHECKED = ["waybill_no", "sender_name", "sender_phone", "sender_address",
                   "receiver_name", "receiver_phone", "receiver_address"]


def _text_column(arr: pa.ChunkedArray) -> pl.Series:
    t = arr.type
    if pa.types.is_dictionary(t):
        arr = arr.cast(t.value_type)
        t = arr.type
    if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t):
        return pl.from_arrow(arr).cast(pl.Utf8)
    if pa.types.is_binary(t) or pa.types.is_large_binary(t):
        s = pl.from_arrow(arr)
        return s.cast(pl.Utf8, strict=False)   # invalid UTF-8 -> null
    if pa.types.is_floating(t):
        # phones exported as float64 (13857101115.0): drop the '.0'
        s = pl.from_arrow(arr)
        return (pl.when(s == s.round(0)).then(s.cast(pl.Int64, strict=False).cast(pl.Utf8))
                .otherwise(s.cast(pl.Utf8)))
    return pl.from_arrow(arr).cast(pl.Utf8, strict=False)


def _time_column(name: str, arr: pa.ChunkedArray) -> tuple[pl.Series, pl.Series]:
    """-> (parsed naive-Beijing datetimes, raw text for the unparseable reason)."""
    t = arr.type
    if pa.types.is_dictionary(t):
        arr = arr.cast(t.value_type)
        t = arr.type
    s = pl.from_arrow(arr)
    if isinstance(s, pl.DataFrame):   # pragma: no cover - defensive
        s = s.to_series()
    s = s.alias(name)
    dtype = s.dtype
    if dtype == pl.Datetime or isinstance(dtype, pl.Datetime):
        if dtype.time_zone is not None:
            s = s.dt.convert_time_zone("Asia/Shanghai").dt.replace_time_zone(None)
        parsed = s.cast(pl.Datetime("us"))
        raw = s.cast(pl.Utf8)
    elif dtype == pl.Date:
        parsed = s.cast(pl.Datetime("us"))
        raw = s.cast(pl.Utf8)
    elif dtype.is_numeric():
        f = s.cast(pl.Float64)
        secs = pl.select(pl.when(f.abs() > 1e11).then(f / 1000.0).otherwise(f)).to_series()
        us = (secs * 1_000_000).round(0).cast(pl.Int64, strict=False)
        parsed = (us.cast(pl.Datetime("us")).dt.replace_time_zone("UTC")
                  .dt.convert_time_zone("Asia/Shanghai").dt.replace_time_zone(None))
        raw = s.cast(pl.Utf8)
    else:
        txt = s.cast(pl.Utf8, strict=False)
        df = pl.DataFrame({name: txt}).with_columns(C.clean_expr(name))
        parsed = C.parse_text_times(df[name])
        raw = df[name]
    return parsed.alias(name), raw.alias(name)


def read(path: Path, *, rel_name: str, platform: str) -> AdapterResult:
    col = C.Collector(rel_name, SOURCE_KIND, platform)
    try:
        pf = pq.ParquetFile(path)
    except (OSError, pa.ArrowException, ValueError) as e:
        return C.error_result(rel_name, SOURCE_KIND, platform,
                              f"not a readable parquet file: {e}", OBSERVATION_SCHEMA)
    names = pf.schema_arrow.names
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        return C.error_result(rel_name, SOURCE_KIND, platform,
                              "parquet file lacks required column(s): " + ", ".join(missing),
                              OBSERVATION_SCHEMA)
    extra = [c for c in names if c not in REQUIRED]
    if extra:
        col.warnings.append("unknown column(s) ignored: " + ", ".join(extra))

    frames = []
    offset = 0
    rows_read = 0
    try:
        for rg in range(pf.num_row_groups):
            table = pf.read_row_group(rg, columns=REQUIRED)
            n = table.num_rows
            frames.append(_validate(table, offset, col))
            offset += n
            rows_read += n
    except (OSError, pa.ArrowException, ValueError) as e:
        return C.error_result(rel_name, SOURCE_KIND, platform,
                              f"parquet file is damaged (row group {rg}): {e}",
                              OBSERVATION_SCHEMA, col.warnings)
    good = pl.concat(frames, how="vertical") if frames else None
    if rows_read == 0:
        col.warnings.append("parquet file has no rows")
    if good is None or good.height == 0:
        return C.finish(rel_name, SOURCE_KIND, platform, C.empty(OBSERVATION_SCHEMA),
                        [col.frame()], rows_read, 0, col.warnings, OBSERVATION_SCHEMA)

    # in-file duplicates of waybill_no, across row groups: first kept
    first = good.group_by("waybill_no", maintain_order=True).agg(pl.col("_line").first().alias("_first"))
    good = good.join(first, on="waybill_no", how="left", maintain_order="left")
    dup = good.filter(pl.col("_line") != pl.col("_first"))
    for ln, f, raw in zip(dup["_line"].to_list(), dup["_first"].to_list(), dup["_raw"].to_list()):
        col.add(ln, f"duplicate waybill_no within file (first on line {f})", raw)
    good = good.filter(pl.col("_line") == pl.col("_first"))

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
    rows = (pl.concat([receive.select(list(OBSERVATION_SCHEMA)), send.select(list(OBSERVATION_SCHEMA))])
            .with_columns(pl.col("event").replace_strict({"receive": 0, "send": 1},
                                                         return_dtype=pl.Int8).alias("_o"))
            .sort(["line", "_o"]).drop("_o"))
    undelivered = good.filter(pl.col("sign_time").is_null()).height
    if undelivered:
        col.warnings.append(
            f"{undelivered} waybill(s) not signed (sign_time empty): receive event_time = pickup_time")
    return C.finish(rel_name, SOURCE_KIND, platform, rows, [col.frame()], rows_read,
                    good.height, col.warnings, OBSERVATION_SCHEMA)


def _validate(table: pa.Table, offset: int, col: C.Collector) -> pl.DataFrame:
    n = table.num_rows
    data = {c: _text_column(table.column(c)).alias(c) for c in TEXT_COLUMNS}
    parsed = {}
    raws = {}
    for c in TIME_COLUMNS:
        parsed[c], raws[c] = _time_column(c, table.column(c))
    df = pl.DataFrame({**data, **{f"_raw_{c}": raws[c] for c in TIME_COLUMNS}})
    df = C.clean_columns(df, TEXT_COLUMNS)
    df = df.with_columns(
        pl.Series("_line", range(offset + 1, offset + n + 1), dtype=pl.Int64),
        *[parsed[c] for c in TIME_COLUMNS],
    )
    # raw: a readable rendering of the row, only needed for bad rows (computed lazily below)
    reasons = (
        [C.empty_reason_expr("waybill_no"), C.empty_reason_expr("_raw_pickup_time", "pickup_time")]
        + [C.unparseable_reason_expr(f"_raw_{c}", pl.col(c), c) for c in TIME_COLUMNS]
        + [C.formula_reason_expr(c) for c in FORMULA_CHECKED]
        + [C.length_reason_expr(c) for c in TEXT_COLUMNS]
    )
    df = df.with_columns(C.combine_reasons(reasons))
    bad = df.filter(pl.col("_reason").is_not_null())
    if bad.height:
        raw_cols = TEXT_COLUMNS + [f"_raw_{c}" for c in TIME_COLUMNS]
        for r in bad.select("_line", "_reason", *raw_cols).iter_rows(named=True):
            raw = ",".join("" if r[c] is None else str(r[c])[:C.RAW_CHARS] for c in raw_cols)
            col.add(r["_line"], C.pretty_reason(r["_reason"]), raw)
    good = df.filter(pl.col("_reason").is_null())
    good = good.with_columns(
        pl.concat_str([pl.col(c).fill_null("").str.slice(0, 80) for c in TEXT_COLUMNS[:4]],
                      separator=",").alias("_raw"))
    return good.drop("_reason", *[f"_raw_{c}" for c in TIME_COLUMNS])
