"""Consumption-restriction violations: linked orders in a restricted category, placed after
a restricted case was filed (pure functions; the rules arrive as a frame read elsewhere).

A debtor under a consumption-restriction order (限制消费令) may not fly, take high-speed
trains, buy luxury goods, pay private-school fees and so on (法释〔2015〕17号 第三条).
Which item categories count is a reviewable data file (``data/restricted_categories.csv``):
one keyword per row, ``+`` joining parts that must all appear, ``|`` separating words that
veto the match (``旅游鞋`` is shoes, not travel).  Categories are typed freely by the
platforms, so both sides are compared after the same folding: full-width to half-width,
traditional to simplified, case, spaces and punctuation removed (``國內機票``, ``机 票``,
``机票/航空`` all read ``机票``).

An alleged violation against the wrong person is worse than none: only links at or above
``MIN_CONFIDENCE`` count, and an order on the filing day itself does not (the restriction
order may not have been served yet).
"""
from __future__ import annotations

import re
import unicodedata

import polars as pl

from linkage import names

MIN_CONFIDENCE = 0.9
# An order on someone else's account (its verified name or ID contradicts the debtor's) is
# not the debtor's when its parcel names someone else: another name, or one a character
# off ('令狐丹' for 令狐德: the debtor's brother at the same door, on his own account).
OTHER_RECIPIENT_LEVELS = ("mismatch", "fuzzy")
OPEN_STATUSES = ("执行中", "终本")

RULE_COLUMNS = {"类别": "rule", "关键词": "keyword", "排除词": "exclude", "依据": "basis"}

VIOLATION_SCHEMA = {
    "id_number": pl.Utf8, "case_no": pl.Utf8, "court": pl.Utf8, "platform": pl.Utf8, "order_id": pl.Utf8,
    "ordered_at": pl.Datetime("us"), "category": pl.Utf8, "rule": pl.Utf8, "basis": pl.Utf8, "amount": pl.Float64,
    "confidence": pl.Float64, "address": pl.Utf8, "filed_on": pl.Date, "via": pl.Utf8, "obs_id": pl.Utf8,
    "file": pl.Utf8, "line": pl.Int64,
}

# Everything but letters and digits (CJK included) is noise in a category label.
_NOISE_RE = re.compile(r"[^0-9a-z\u3400-\u4dbf\u4e00-\u9fff]+")


class RuleError(ValueError):
    """The restricted-category table cannot be used as it is."""


def fold(text: object) -> str:
    """A category label or keyword folded for tolerant comparison."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFKC", str(text)).lower()
    s = names._t2s(s)
    return _NOISE_RE.sub("", s)


def _split(cell: object, sep: str) -> list[str]:
    if cell is None:
        return []
    return [p for p in (fold(x) for x in str(cell).split(sep)) if p]


def compile_rules(table: pl.DataFrame) -> list[tuple[str, tuple[str, ...], tuple[str, ...], str]]:
    """Check and fold the rule table (columns 类别, 关键词, 排除词, 依据; one keyword a row).

    Returns ``(rule, parts, excludes, basis)`` in file order; the first rule that matches
    a category names it.  Raises ``RuleError`` naming the row of any unusable rule: a rule
    that silently matched nothing (or everything) would be worse than a failed run.
    """
    missing = [c for c in ("类别", "关键词") if c not in table.columns]
    if missing:
        raise RuleError(f"restricted-category table lacks column(s) {', '.join(missing)} "
                        f"(expected {', '.join(RULE_COLUMNS)})")
    out = []
    for i, row in enumerate(table.iter_rows(named=True), start=2):
        rule = (row.get("类别") or "").strip()
        parts = tuple(_split(row.get("关键词"), "+"))
        if not rule:
            raise RuleError(f"row {i}: 类别 is empty")
        if not parts:
            raise RuleError(f"row {i} ({rule}): 关键词 is empty or has no letters or digits")
        if any(len(p) < 2 for p in parts):
            raise RuleError(f"row {i} ({rule}): keyword part shorter than two characters would match "
                            f"far too much: {row.get('关键词')!r}")
        out.append((rule, parts, tuple(_split(row.get("排除词"), "|")), (row.get("依据") or "").strip()))
    if not out:
        raise RuleError("restricted-category table has no rules")
    return out


def classify(category: object, rules) -> tuple[str | None, str | None]:
    """(rule, basis) of the first rule a category label matches, else (None, None)."""
    s = fold(category)
    if not s:
        return None, None
    for rule, parts, excludes, basis in rules:
        if all(p in s for p in parts) and not any(x in s for x in excludes):
            return rule, basis
    return None, None


def classify_categories(categories: pl.Series, rules) -> pl.DataFrame:
    """``category``, ``rule``, ``basis`` for each distinct label (each classified once)."""
    distinct = categories.cast(pl.Utf8).drop_nulls().unique().to_list()
    rows = [(c, *classify(c, rules)) for c in distinct]
    return pl.DataFrame(rows, schema={"category": pl.Utf8, "rule": pl.Utf8, "basis": pl.Utf8}, orient="row")


def find_violations(orders: pl.DataFrame, links: pl.DataFrame, cases: pl.DataFrame, rules,
                    min_confidence: float = MIN_CONFIDENCE) -> pl.DataFrame:
    """One row per (restricted open case, linked order in a restricted category placed after
    the case's filing date).

    ``orders``: observations (``obs_id``, ``source_kind``, ``platform``, ``record_id``,
    ``order_time``, ``event_time``, ``category``, ``amount``, ``address``, ``address_raw``,
    ``file``, ``line``); only e-commerce ones are orders.  ``links``: ``id_number``,
    ``obs_id``, ``probability``, ``via`` and, when known, ``evidence`` (an order on
    someone else's account whose parcel names someone else is not counted,
    ``OTHER_RECIPIENT_LEVELS``).  ``cases``: roster rows (``case_no``,
    ``id_number``, ``court``, ``filed_on``, ``restricted``, ``status``).
    """
    orders = orders.filter(pl.col("source_kind") == "ecommerce")
    if orders.height == 0 or links.height == 0:
        return pl.DataFrame(schema=VIOLATION_SCHEMA)
    kinds = classify_categories(orders["category"], rules).filter(pl.col("rule").is_not_null())
    restricted = orders.join(kinds, on="category", how="inner")
    sure = links.filter(pl.col("probability") >= min_confidence)
    if "evidence" in sure.columns:
        level = lambda field: pl.col("evidence").str.json_path_match(f"$.{field}.level")  # noqa: E731
        others_account = (level("account_name") == "mismatch") | (level("account_id") == "mismatch")
        someone_else = level("recipient_name").is_in(OTHER_RECIPIENT_LEVELS)
        sure = sure.filter(~((pl.col("via") == "recipient") & (others_account & someone_else).fill_null(False)))
    sure = sure.select("id_number", "obs_id", "probability", "via")
    in_force = cases.filter(pl.col("restricted").fill_null(False) & pl.col("status").is_in(OPEN_STATUSES)
                            & pl.col("filed_on").is_not_null()).select("case_no", "id_number", "court", "filed_on")
    # Old databases kept no order time: the delivery time is the latest the order can have been placed.
    ordered_at = pl.coalesce("order_time", "event_time")
    found = (
        restricted.with_columns(ordered_at.alias("ordered_at"))
        .join(sure, on="obs_id", how="inner")
        .join(in_force, on="id_number", how="inner")
        .filter(pl.col("ordered_at").dt.date() > pl.col("filed_on"))
    )
    out = found.select(
        "id_number", "case_no", "court", "platform", pl.col("record_id").alias("order_id"), "ordered_at",
        "category", "rule", "basis", "amount", pl.col("probability").alias("confidence"),
        pl.coalesce("address", "address_raw").alias("address"), "filed_on", "via", "obs_id", "file", "line",
    )
    # One order is one violation per case, even if two records of it survived.
    out = out.sort(["court", "case_no", "id_number", "ordered_at", "platform", "order_id", "confidence", "obs_id"],
                   descending=[False] * 6 + [True, False], nulls_last=True)
    out = out.unique(["id_number", "case_no", "platform", "order_id"], keep="first", maintain_order=True)
    return out.cast(VIOLATION_SCHEMA).select(list(VIOLATION_SCHEMA))
