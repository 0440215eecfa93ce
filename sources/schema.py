"""The canonical shapes every adapter produces: the contract between sources and linkage.

One *observation* is one trace of a person on a platform: an e-commerce delivery, a
courier waybill's receiver or sender, a social check-in or login.  Account-level
fields (verified name/ID/phone of the account that produced the trace) and
person-level fields (the name/phone typed on the parcel) are kept apart because
they are different evidence: the account is verified, the recipient can be anyone.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

SOURCE_KINDS = ("debtors", "ecommerce", "social", "logistics")

OBSERVATION_SCHEMA: dict[str, pl.DataType] = {
    "source_kind": pl.Utf8,      # ecommerce | social | logistics
    "platform": pl.Utf8,         # file name before the first '_'
    "file": pl.Utf8,             # path relative to the inbox, e.g. ecommerce/shopA_orders_20261127.csv
    "line": pl.Int64,            # 1-based physical line (CSV/JSONL, header is line 1) or row number (parquet)
    "record_id": pl.Utf8,        # order id / uid / waybill_no, as exported
    "event": pl.Utf8,            # delivery | receive | send | checkin | login
    "event_time": pl.Datetime("us"),  # Beijing time, naive: when the person was at the place
    "order_time": pl.Datetime("us"),  # ecommerce order time / waybill pickup time
    "account_id": pl.Utf8,       # buyer id / social uid; null for waybills
    "account_name": pl.Utf8,     # verified real name (may be masked)
    "account_id_no": pl.Utf8,    # verified ID number (full, masked or null)
    "account_phone": pl.Utf8,    # bound phone (full or masked)
    "person_name": pl.Utf8,      # name typed on the parcel (recipient / receiver / sender)
    "person_phone": pl.Utf8,     # phone typed on the parcel
    "address": pl.Utf8,          # free-text address (delivery, receiver, sender, check-in) or ip region for logins
    "sign_type": pl.Utf8,        # waybills: 本人签收 / 家人代签 / 快递柜 / 驿站代收 / 门卫代收
    "amount": pl.Float64,        # ecommerce amount paid
    "category": pl.Utf8,         # ecommerce item category
    "nickname": pl.Utf8,         # social nickname
    "region_hint": pl.Utf8,      # social profile_region
}

ROSTER_SCHEMA: dict[str, pl.DataType] = {
    "file": pl.Utf8,
    "line": pl.Int64,
    "case_no": pl.Utf8,          # 案号
    "court": pl.Utf8,            # 执行法院
    "judge": pl.Utf8,            # 承办人
    "name": pl.Utf8,             # 被执行人
    "id_type": pl.Utf8,          # 证件类型
    "id_number": pl.Utf8,        # 证件号码, upper-cased, stripped
    "phones": pl.Utf8,           # 联系电话 as exported (split later)
    "hukou_address": pl.Utf8,    # 户籍地址
    "amount_owed": pl.Float64,   # 执行标的
    "filed_on": pl.Date,         # 立案日期
    "restricted": pl.Boolean,    # 限制消费
    "blacklisted": pl.Boolean,   # 失信
    "status": pl.Utf8,           # 执行中 | 终本 | 执行完毕
}

QUARANTINE_SCHEMA: dict[str, pl.DataType] = {
    "file": pl.Utf8,
    "line": pl.Int64,            # 0 when the whole file is rejected
    "source_kind": pl.Utf8,
    "platform": pl.Utf8,
    "reason": pl.Utf8,           # a sentence a person understands
    "raw": pl.Utf8,              # the offending text, cut to 500 characters
}


def empty(schema: dict[str, pl.DataType]) -> pl.DataFrame:
    return pl.DataFrame(schema=schema)


@dataclass
class AdapterResult:
    """What one adapter made of one file."""

    file: str
    source_kind: str
    platform: str
    rows: pl.DataFrame                      # OBSERVATION_SCHEMA or ROSTER_SCHEMA
    quarantine: pl.DataFrame = field(default_factory=lambda: empty(QUARANTINE_SCHEMA))
    rows_read: int = 0                      # data rows/lines seen (header excluded)
    rows_kept: int = 0                      # rows_read == rows_kept + rows_quarantined
    rows_quarantined: int = 0
    error: str | None = None                # set when the whole file could not be read
    warnings: list[str] = field(default_factory=list)
