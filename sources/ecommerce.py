"""E-commerce order exports: ``ecommerce/<platform>_orders_<YYYYMMDD>.csv`` (GB18030).

One CSV row -> one observation, event 'delivery'.

Decisions (see also sources/common.py):
* Encoding is chosen by the header (GB18030 first, then UTF-8 with or without BOM,
  with a warning).  Lines in the other encoding are kept (warning); undecodable
  lines are quarantined; binary files are a file-level error.
* Empty 签收时间 = not delivered: the row is KEPT with event_time = 下单时间 (the
  address is still one the buyer uses) and counted in a warning.
* Quarantined: Excel totals rows (订单编号 合计/总计/小计/汇总), wrong field count, truncated last line,
  unparseable 下单时间/签收时间/实付金额 (inputs.md lists unparseable amounts among the bad rows
  that go to quarantine; an empty 实付金额 is kept with amount null),
  empty 订单编号 or 下单时间, spreadsheet formula in an identity field, any field over
  1,000 characters, later duplicates of an 订单编号 within the file.
* The file is read in chunks (``common.CHUNK_ROWS`` records or ``CHUNK_BYTES``); a
  duplicate is found whichever chunk its first occurrence was in.
"""
from __future__ import annotations

from pathlib import Path

import polars as pl

from . import common as C
from .schema import OBSERVATION_SCHEMA, AdapterResult

SOURCE_KIND = "ecommerce"

REQUIRED = ["订单编号", "买家ID", "收货人", "收货手机", "收货地址", "下单时间", "签收时间"]
OPTIONAL = ["实名姓名", "实名证件号", "绑定手机", "实付金额", "商品类目"]
COLUMNS = ["订单编号", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人", "收货手机",
           "收货地址", "下单时间", "签收时间", "实付金额", "商品类目"]
# identity fields: a formula here quarantines the row
FORMULA_CHECKED = ["订单编号", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人",
                   "收货手机", "收货地址"]


SUMMARY_MARKERS = ["合计", "总计", "小计", "汇总", "合计：", "总计："]


def read(path: Path, *, rel_name: str, platform: str, sink=None,
         chunk_rows: int | None = None) -> AdapterResult:
    """Read one export.  Rows and quarantine rows go to ``sink`` chunk by chunk (see
    ``common.ChunkOutput``); without one they come back whole in the result."""
    d, col = C.open_csv_export(Path(path), rel_name=rel_name, source_kind=SOURCE_KIND, platform=platform,
                               encodings=("gb18030", "utf-8"), required=REQUIRED, optional=OPTIONAL,
                               row_schema=OBSERVATION_SCHEMA, chunk_rows=chunk_rows)
    if col is None:
        return d
    out = C.ChunkOutput(sink, rel_name, SOURCE_KIND, platform, OBSERVATION_SCHEMA, col)
    seen = C.SeenKeys()
    counts = {"undelivered": 0}
    try:
        for frame in d.chunks():
            rows = _chunk(frame, rel_name, platform, col, seen, counts)
            out.write(rows, rows.height)
            del frame, rows     # not alive while the next chunk is read
    except OSError as e:
        return C.error_result(rel_name, SOURCE_KIND, platform, f"cannot read file: {e}", OBSERVATION_SCHEMA)
    finally:
        d.close()

    if counts["undelivered"]:
        col.warnings.append(
            f"{counts['undelivered']} order(s) not delivered (签收时间 empty): event_time = 下单时间")
    return out.finish(d.rows_read)


def _chunk(frame: pl.DataFrame, rel_name: str, platform: str, col: C.Collector, seen: C.SeenKeys,
           counts: dict) -> pl.DataFrame:
    df = C.strings_frame(frame, COLUMNS)
    df = C.clean_columns(df, COLUMNS, dirty="_dirty").drop("_dirty")
    df = C.parse_datetime_column(df, "下单时间", "_order_time")
    df = C.parse_datetime_column(df, "签收时间", "_sign_time")
    df = C.parse_amount_column(df, "实付金额", "_amount")
    checks = (
        [C.empty_check("订单编号"), C.empty_check("下单时间")]
        + [C.unparseable_check("下单时间", pl.col("_order_time"), "下单时间"),
           C.unparseable_check("签收时间", pl.col("_sign_time"), "签收时间"),
           C.unparseable_check("实付金额", pl.col("_amount"), "实付金额")]
        + [C.formula_check(c) for c in FORMULA_CHECKED]
        + [C.length_check(c) for c in COLUMNS]
    )
    # Excel totals rows ('合计,,,,,,,,,,644682.87,') get one clear reason
    summary = pl.col("订单编号").is_in(SUMMARY_MARKERS)
    check = C.Check(summary | pl.any_horizontal([c.cond for c in checks]),
                    pl.when(summary).then(pl.format("summary row ({}), not an order", pl.col("订单编号")))
                    .otherwise(C.combine_reasons([c.expr() for c in checks])),
                    summary | pl.any_horizontal([c.cheap() for c in checks]))
    good = C.validate_and_split(df, [check], key="订单编号", key_label="订单编号", col=col, seen=seen)

    counts["undelivered"] += good.filter(pl.col("_sign_time").is_null()).height

    return good.select(
        pl.lit(SOURCE_KIND).alias("source_kind"),
        pl.lit(platform).alias("platform"),
        pl.lit(rel_name).alias("file"),
        pl.col("_line").alias("line"),
        pl.col("订单编号").alias("record_id"),
        pl.lit("delivery").alias("event"),
        pl.coalesce("_sign_time", "_order_time").alias("event_time"),
        pl.col("_order_time").alias("order_time"),
        pl.col("买家ID").alias("account_id"),
        pl.col("实名姓名").alias("account_name"),
        pl.col("实名证件号").alias("account_id_no"),
        pl.col("绑定手机").alias("account_phone"),
        pl.col("收货人").alias("person_name"),
        pl.col("收货手机").alias("person_phone"),
        pl.col("收货地址").alias("address"),
        pl.lit(None, dtype=pl.Utf8).alias("sign_type"),
        pl.col("_amount").alias("amount"),
        pl.col("商品类目").alias("category"),
        pl.lit(None, dtype=pl.Utf8).alias("nickname"),
        pl.lit(None, dtype=pl.Utf8).alias("region_hint"),
    )
