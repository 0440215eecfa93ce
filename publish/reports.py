"""Judges' per-court CSV reports: open in Excel/WPS by double-click, safe to open.

UTF-8 with BOM (Excel on Chinese Windows guesses GBK otherwise), Chinese headers,
one row per (case, place), best first.  Every text cell is neutralised against
spreadsheet formula injection the way OWASP recommends: a cell starting with
= + - @ tab or carriage return gets a leading apostrophe.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path

import polars as pl

from publish import warehouse

KIND_LABELS = {"residence": "住所", "workplace": "工作地", "pickup_point": "取件点"}
SOURCE_LABELS = {"ecommerce": "电商", "social": "社交", "logistics": "快递"}
# What is new since the last run (v_changes_since_last_run): a debtor located for the first
# time, a place not listed before, a place ranked higher than before; blank otherwise.
CHANGE_LABELS = {"first_located": "新线索", "new_place": "新地址", "moved_up": "排名上升"}

HEADERS = {
    "case_no": "案号",
    "name": "被执行人",
    "id_masked": "证件号码",
    "judge": "承办人",
    "rank": "排名",
    "kind": "类型",
    "address": "地址",
    "confidence": "可信度",
    "last_seen": "最近出现时间",
    "n_observations": "证据条数",
    "sources": "来源",
    "phones": "联系电话",
    "change": "变化",
    "amount_owed": "执行标的(元)",
    "spent_since_filing": "立案后平台消费(元)",
    "spent_share": "消费占标的",
}

# The violation report: one row per order that breaks a consumption-restriction order.
VIOLATION_HEADERS = {
    "case_no": "案号",
    "name": "被执行人",
    "id_masked": "证件号码",
    "judge": "承办人",
    "filed_on": "立案日期",
    "rule": "违规类别",
    "category": "商品类目",
    "amount": "实付金额(元)",
    "ordered_at": "下单时间",
    "platform": "平台",
    "order_id": "订单编号",
    "confidence": "可信度",
    "address": "收货地址",
    "via": "关联依据",
    "basis": "限制依据",
    "source": "来源",
}
VIA_LABELS = {"account": "实名账户", "recipient": "收货人信息", "account+recipient": "实名账户及收货人信息"}
VIOLATION_SUFFIX = "_限制消费违规"

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str | None) -> str | None:
    """OWASP CSV-injection defence: prefix a formula-looking cell with an apostrophe."""
    if value is None:
        return None
    if value.startswith(_FORMULA_START):
        return "'" + value
    return value


def mask_id(id_number: str | None) -> str | None:
    """As courts mask IDs in documents: first 6 and last 4 characters shown."""
    if not id_number:
        return id_number
    if len(id_number) <= 10:
        return "*" * len(id_number)
    return id_number[:6] + "*" * (len(id_number) - 10) + id_number[-4:]


def _sources_label(s: str | None) -> str | None:
    if not s:
        return s
    out = []
    for part in s.split(", "):
        kind, _, platform = part.partition(":")
        out.append(f"{SOURCE_LABELS.get(kind, kind)}({platform})" if platform else SOURCE_LABELS.get(kind, kind))
    return "、".join(out)


def safe_file_stem(court: str) -> str:
    """A court name as a file name that cannot leave the reports folder."""
    stem = re.sub(r"[\\/:*?\"<>|\x00-\x1f]", "_", court or "未知法院").strip(". ")
    return stem[:100] or "未知法院"


def report_frame(rows: pl.DataFrame) -> pl.DataFrame:
    """The judge-facing table for one court, columns in HEADERS order, all text cells neutralised."""
    # A case can have several debtors (and a judge column may differ between exports):
    # every column that can tell rows apart is in the key, so a report is byte-identical
    # whenever its rows are.
    rows = rows.sort(["case_no", "id_number", "kind_order", "rank", "judge"], nulls_last=True)
    out = rows.select(
        pl.col("case_no"),
        pl.col("name"),
        pl.col("id_number").map_elements(mask_id, return_dtype=pl.Utf8).alias("id_masked"),
        pl.col("judge"),
        pl.col("rank").cast(pl.Utf8),
        pl.col("kind").replace_strict(KIND_LABELS, default=pl.col("kind")),
        pl.col("address"),
        pl.col("confidence").round(2).cast(pl.Utf8),
        pl.col("last_seen").dt.strftime("%Y-%m-%d %H:%M"),
        pl.col("n_observations").cast(pl.Utf8),
        pl.col("sources").map_elements(_sources_label, return_dtype=pl.Utf8),
        pl.col("phones"),
        pl.col("change").replace_strict(CHANGE_LABELS, default=None),
        pl.col("amount_owed").round(2).cast(pl.Utf8),
        pl.col("spent_since_filing").round(2).cast(pl.Utf8),
        pl.when(pl.col("amount_owed") > 0)
        .then((pl.col("spent_since_filing") / pl.col("amount_owed") * 100).round(0).cast(pl.Int64).cast(pl.Utf8) + "%")
        .alias("spent_share"),
    )
    out = out.with_columns([pl.col(c).map_elements(neutralise, return_dtype=pl.Utf8) for c in out.columns])
    return out.rename(HEADERS)


def violation_frame(rows: pl.DataFrame) -> pl.DataFrame:
    """The judge-facing violation table for one court, columns in VIOLATION_HEADERS order."""
    rows = rows.sort(["case_no", "id_number", "ordered_at", "platform", "order_id"], nulls_last=True)
    out = rows.select(
        pl.col("case_no"),
        pl.col("name"),
        pl.col("id_number").map_elements(mask_id, return_dtype=pl.Utf8).alias("id_masked"),
        pl.col("judge"),
        pl.col("filed_on").dt.strftime("%Y-%m-%d"),
        pl.col("rule"),
        pl.col("category"),
        pl.col("amount").round(2).cast(pl.Utf8),
        pl.col("ordered_at").dt.strftime("%Y-%m-%d %H:%M"),
        pl.col("platform"),
        pl.col("order_id"),
        pl.col("confidence").round(3).cast(pl.Utf8),
        pl.col("address"),
        pl.col("via").replace_strict(VIA_LABELS, default=pl.col("via")),
        pl.col("basis"),
        pl.concat_str([pl.col("file"), pl.lit(" 第"), pl.col("line").cast(pl.Utf8), pl.lit("行")]).alias("source"),
    )
    out = out.with_columns([pl.col(c).map_elements(neutralise, return_dtype=pl.Utf8) for c in out.columns])
    return out.rename(VIOLATION_HEADERS)


def write_court_reports(con, out_dir: Path, run_id: str) -> list[dict]:
    """Per court, a location CSV and (when there are any) a violation CSV into ``out_dir``;
    returns audit rows (court, file, rows, sha256)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    # A case whose roster row has no 执行法院 still goes to a judge, not nowhere.
    sheets = {"locations": warehouse.query(con, "SELECT * FROM v_report_rows"),
              "violations": warehouse.query(con, "SELECT * FROM v_violation_rows")}
    sheets = {kind: rows.with_columns(pl.col("court").fill_null("未知法院")) for kind, rows in sheets.items()}
    courts = sorted(set(sheets["locations"]["court"].to_list()) | set(sheets["violations"]["court"].to_list()))
    written = []
    used: set[str] = set()
    for court in courts:
        stem = safe_file_stem(court)
        for kind, suffix, make in (("locations", "", report_frame),
                                   ("violations", VIOLATION_SUFFIX, violation_frame)):
            rows = sheets[kind].filter(pl.col("court") == court)
            if rows.height == 0:
                continue
            name = f"{stem}{suffix}"
            if name.lower() in used:   # 'a/b' and 'a_b' (or '..' and no court) must not overwrite each other
                name = f"{stem[:90]}_{hashlib.sha256(court.encode('utf-8')).hexdigest()[:8]}{suffix}"
            used.add(name.lower())
            frame = make(rows)
            path = out_dir / f"{name}.csv"
            frame.write_csv(path, include_bom=True, quote_style="non_numeric")
            os.chmod(path, 0o600)
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            written.append({"court": court, "file": path.name, "rows": frame.height, "sha256": digest})
    return written


def move_into_place(tmp_dir: Path, reports_dir: Path, as_of: str) -> list[str]:
    """Move a run's reports to ``reports_dir/<as_of>/`` by atomic rename, replacing that day's set."""
    if not tmp_dir.exists():
        return []
    final = reports_dir / as_of
    final.mkdir(parents=True, exist_ok=True)
    os.chmod(final, 0o700)
    moved = []
    new_names = {p.name for p in tmp_dir.glob("*.csv")}
    for old in [*final.glob("*.csv"), *final.glob(".*.csv.tmp")]:   # .tmp: left by a killed move
        if old.name not in new_names:
            old.unlink()
    for p in sorted(tmp_dir.glob("*.csv")):
        target = final / p.name
        tmp_target = final / f".{p.name}.tmp"
        shutil.copyfile(p, tmp_target)
        os.chmod(tmp_target, 0o600)
        os.replace(tmp_target, target)
        moved.append(str(target))
        warehouse.checkpoint("reports-moving")
    return moved
