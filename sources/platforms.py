"""Which platform a file named against the pattern came from, told by its contents.

inputs.md: a file's platform is its name before the first '_'.  A file named otherwise
('订单导出 2026-11-27(2).csv') has no platform by that rule, and ids are unique only
within a platform: taken as a platform of its own, a re-sent file counts every order twice
and splits each buyer's account in two.  Its ids say where it came from: the account ids
and record ids (order numbers, waybill numbers) of a platform's own files.  A file whose
ids mostly belong to one known platform of its kind, and hardly to any other, is that
platform's; otherwise it stays its own (new platforms appear without notice).
"""
from __future__ import annotations

import polars as pl

MIN_IDS = 3          # fewer shared ids than this prove nothing
MIN_SHARE = 0.5      # of the file's distinct ids, found in the platform's
MAX_OTHER = 0.1      # of the file's distinct ids, found in any other platform's


def file_ids(rows: pl.DataFrame) -> pl.DataFrame:
    """(what, id) of a file's rows: its distinct account ids and record ids."""
    parts = [rows.select(pl.lit(what).alias("what"), pl.col(col).cast(pl.Utf8).alias("id"))
             for what, col in (("account", "account_id"), ("record", "record_id")) if col in rows.columns]
    if not parts:
        return pl.DataFrame(schema={"what": pl.Utf8, "id": pl.Utf8})
    return pl.concat(parts).drop_nulls().filter(pl.col("id") != "").unique()


def attribute(ids: pl.DataFrame, known: pl.DataFrame) -> tuple[str | None, float]:
    """The platform ``ids`` (``file_ids`` of one file) come from, among ``known`` (platform,
    what, id: the ids of the files of the same kind whose platform their name gives), and
    the share of the file's ids found there; (None, best share) when no platform stands out.

    Account ids and record ids are weighed apart: new orders of known buyers share the
    accounts and none of the order numbers, a re-sent file shares both.  Either kind
    settles it, unless the two point at different platforms."""
    found = ids.join(known.select("platform", "what", "id").unique(), on=["what", "id"], how="inner")
    picks: dict[str, float] = {}
    best_share = 0.0
    for what in ("account", "record"):
        n = ids.filter(pl.col("what") == what).height
        if n < MIN_IDS:
            continue
        counts = (found.filter(pl.col("what") == what).group_by("platform").agg(pl.len().alias("n"))
                  .sort(["n", "platform"], descending=[True, False]))
        if counts.height == 0:
            continue
        platform, hits = counts.row(0)
        other = counts["n"][1] if counts.height > 1 else 0
        best_share = max(best_share, hits / n)
        if hits >= MIN_IDS and hits / n >= MIN_SHARE and other / n <= MAX_OTHER:
            picks[platform] = max(picks.get(platform, 0.0), hits / n)
    if len(picks) == 1:
        return next(iter(picks.items()))
    return None, best_share
