"""Court roster exports: ``debtors/*.csv`` (UTF-8, BOM optional) -> ROSTER_SCHEMA.

Decisions:
* Encoding chosen by the header: UTF-8 (BOM or not) first, then GB18030 with a warning.
* 证件号码: NFKC (full-width digits/'Ｘ'), all whitespace removed, upper-cased.
  For 居民身份证 it must be 17 digits + digit/X, else the row is quarantined
  (the ID is the linkage key; a wrong one would locate the wrong person).
* 执行标的 must parse (',' '，' '元' '¥' and spaces removed), else quarantined: the amount
  owed decides priorities.  立案日期 must parse (YYYY-MM-DD, also / . or 8 digits).
* 案件状态 must be 执行中 / 终本 / 执行完毕, else quarantined (it decides whether the
  debtor is located or their derived data removed).
* 限制消费 / 失信: 是/否 (also Y/N, 1/0, true/false); empty or anything else -> null
  with a warning count (not identity, not worth losing the row).
* 联系电话 kept as exported (cleaned of control characters); split later.
* Duplicate (案号, 证件号码) within the file: first kept, the others quarantined.
* Formula text in 案号, 被执行人, 证件号码, 联系电话, 户籍地址 quarantines the row;
  执行法院/承办人 are the court's own free text and are left as they are.
"""
from __future__ import annotations

from pathlib import Path

import polars as pl

from . import common as C
from .schema import ROSTER_SCHEMA, AdapterResult

SOURCE_KIND = "debtors"

REQUIRED = ["案号", "被执行人", "证件类型", "证件号码", "执行标的", "立案日期", "案件状态"]
OPTIONAL = ["执行法院", "承办人", "联系电话", "户籍地址", "限制消费", "失信"]
COLUMNS = ["案号", "执行法院", "承办人", "被执行人", "证件类型", "证件号码", "联系电话",
           "户籍地址", "执行标的", "立案日期", "限制消费", "失信", "案件状态"]
FORMULA_CHECKED = ["案号", "被执行人", "证件号码", "联系电话", "户籍地址"]
STATUSES = ["执行中", "终本", "执行完毕"]
PERSON_ID_TYPE = "居民身份证"

_TRUE = ["是", "Y", "y", "YES", "Yes", "yes", "1", "true", "True", "TRUE"]
_FALSE = ["否", "N", "n", "NO", "No", "no", "0", "false", "False", "FALSE"]


def _flag(col: str) -> pl.Expr:
    c = pl.col(col)
    return (pl.when(c.is_in(_TRUE)).then(True)
            .when(c.is_in(_FALSE)).then(False)
            .otherwise(None)).cast(pl.Boolean)


def read(path: Path, *, rel_name: str, platform: str, sink=None,
         chunk_rows: int | None = None) -> AdapterResult:
    """Read one roster export; rows go to ``sink`` chunk by chunk (see ``common.ChunkOutput``)."""
    d, col = C.open_csv_export(Path(path), rel_name=rel_name, source_kind=SOURCE_KIND, platform=platform,
                               encodings=("utf-8", "gb18030"), required=REQUIRED, optional=OPTIONAL,
                               row_schema=ROSTER_SCHEMA, chunk_rows=chunk_rows)
    if col is None:
        return d
    out = C.ChunkOutput(sink, rel_name, SOURCE_KIND, platform, ROSTER_SCHEMA, col)
    seen = C.SeenKeys()
    empty_flags = {"限制消费": 0, "失信": 0}
    try:
        for frame in d.chunks():
            rows = _chunk(frame, rel_name, col, seen, empty_flags)
            out.write(rows, rows.height)
            del frame, rows     # not alive while the next chunk is read
    except OSError as e:
        return C.error_result(rel_name, SOURCE_KIND, platform, f"cannot read file: {e}", ROSTER_SCHEMA)
    finally:
        d.close()
    for src, n in empty_flags.items():
        if n:
            col.warnings.append(f"{n} row(s) with empty or unexpected {src} (not 是/否): left empty")
    return out.finish(d.rows_read)


def _chunk(frame: pl.DataFrame, rel_name: str, col: C.Collector, seen: C.SeenKeys,
           empty_flags: dict) -> pl.DataFrame:
    df = C.strings_frame(frame, COLUMNS)
    df = C.clean_columns(df, COLUMNS, dirty="_dirty").drop("_dirty")
    df = C.parse_amount_column(df, "执行标的", "_amount")
    df = df.with_columns(C.parse_first(df["立案日期"], C.DATE_FORMATS, pl.Date).alias("_filed"))
    df = df.with_columns(
        pl.col("证件号码").str.normalize("NFKC").str.replace_all(r"\s", "")
        .str.to_uppercase().alias("_id"),
        _flag("限制消费").alias("_restricted"),
        _flag("失信").alias("_blacklisted"),
    )
    bad_id = (
        (pl.col("证件类型") == PERSON_ID_TYPE)
        & pl.col("_id").is_not_null()
        & ~pl.col("_id").str.contains(r"^[0-9]{17}[0-9X]$")
    )
    checks = (
        [C.empty_check(c) for c in ("案号", "被执行人", "证件号码", "执行标的",
                                    "立案日期", "案件状态")]
        + [C.formula_check(c) for c in FORMULA_CHECKED]
        + [C.Check(bad_id & ~pl.col("证件号码").str.contains(C.FORMULA_RE),
                   pl.format('invalid 证件号码 for 居民身份证 "{}"', pl.col("证件号码").str.slice(0, 40)))]
        + [C.unparseable_check("执行标的", pl.col("_amount"), "执行标的"),
           C.unparseable_check("立案日期", pl.col("_filed"), "立案日期")]
        + [C.Check(pl.col("案件状态").is_not_null() & ~pl.col("案件状态").is_in(STATUSES),
                   pl.format('unknown 案件状态 "{}"', pl.col("案件状态").str.slice(0, 40)))]
        + [C.length_check(c) for c in COLUMNS]
    )
    df = df.with_columns(pl.concat_str([pl.col("案号"), pl.col("_id")], separator="\x1f")
                         .alias("_key"))
    good = C.validate_and_split(df, checks, key="_key", key_label="(案号, 证件号码)", col=col, seen=seen)

    for src, parsed in (("限制消费", "_restricted"), ("失信", "_blacklisted")):
        empty_flags[src] += good.filter(pl.col(parsed).is_null()).height

    return good.select(
        pl.lit(rel_name).alias("file"),
        pl.col("_line").alias("line"),
        pl.col("案号").alias("case_no"),
        pl.col("执行法院").alias("court"),
        pl.col("承办人").alias("judge"),
        pl.col("被执行人").alias("name"),
        pl.col("证件类型").alias("id_type"),
        pl.col("_id").alias("id_number"),
        pl.col("联系电话").alias("phones"),
        pl.col("户籍地址").alias("hukou_address"),
        pl.col("_amount").alias("amount_owed"),
        pl.col("_filed").alias("filed_on"),
        pl.col("_restricted").alias("restricted"),
        pl.col("_blacklisted").alias("blacklisted"),
        pl.col("案件状态").alias("status"),
    )
