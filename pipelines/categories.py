"""Where the restricted-category rules come from: the reviewable CSV file (I/O edge only;
matching is ``linkage.violations``).

The file a run uses is, in order: ``--restricted-categories FILE``, the environment
variable ``LOCATE_RESTRICTED_CATEGORIES`` (for the deployment), or the project's
``data/restricted_categories.csv``.  Court staff may save it from Excel or WPS, so
UTF-8 with or without BOM and GB18030 are all read.
"""
from __future__ import annotations

import os
from pathlib import Path

import polars as pl

from linkage.violations import RULE_COLUMNS, RuleError, compile_rules

ENV = "LOCATE_RESTRICTED_CATEGORIES"
DEFAULT = Path(__file__).resolve().parent.parent / "data" / "restricted_categories.csv"


def resolve(explicit: str | None = None) -> Path:
    return Path(explicit or os.environ.get(ENV) or DEFAULT).resolve()


def load(path: str | Path):
    """The compiled rules of a file; ``RuleError`` naming the file when it cannot be used."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise RuleError(f"cannot read the restricted-category file {p}: {exc.strerror or exc}") from exc
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise RuleError(f"restricted-category file {p} is neither UTF-8 nor GB18030 text")
    try:
        table = pl.read_csv(text.encode("utf-8"), infer_schema=False, truncate_ragged_lines=False)
    except Exception as exc:  # noqa: BLE001 - polars raises several kinds for a malformed CSV
        raise RuleError(f"restricted-category file {p} is not a readable CSV: {exc}") from exc
    table = table.rename({c: c.strip() for c in table.columns})
    try:
        return compile_rules(table.select([c for c in table.columns if c in RULE_COLUMNS]))
    except RuleError as exc:
        raise RuleError(f"restricted-category file {p}: {exc}") from exc
