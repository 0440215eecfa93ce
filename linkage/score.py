"""Match probabilities for candidate pairs, and the two-pass linkage driver.

Weights are log2 Bayes factors (see ``weights.py``).  Two sources of evidence are
scored apart and the stronger wins:

- account: the verified name / ID / phone of the account that produced the trace;
- recipient: the name and phone typed on the parcel.

Pass 1 links with roster phones only.  Phones of accounts and recipients linked with
near certainty become the debtor's *current* phones; pass 2 links again with them,
which finds deliveries ordered through a spouse's account to the debtor's phone.
"""
from __future__ import annotations

import polars as pl

from linkage import weights as W
from linkage.block import candidate_pairs, debtor_phones
from linkage.compare import compare_pairs

LINK_THRESHOLD = 0.5          # below this an observation is not linked (and not retained)
CURRENT_PHONE_THRESHOLD = 0.95
NAME_COMPATIBLE = ("exact", "pinyin", "fuzzy", "masked_compatible", "surname_only")


def name_frequencies(obs: pl.DataFrame, debtors: pl.DataFrame) -> pl.DataFrame:
    """Share of distinct people carrying each full name, for term-frequency weights."""
    people = [
        debtors.select(pl.col("dn_name").alias("name"), pl.col("id_number").alias("who")),
        obs.filter(pl.col("an_kind") == "full").select(pl.col("an_name").alias("name"), pl.col("account_key").alias("who")),
        obs.filter(pl.col("pn_kind") == "full").select(
            pl.col("pn_name").alias("name"),
            pl.coalesce(pl.col("pp_digits"), pl.col("account_key"), pl.col("obs_id")).alias("who"),
        ),
    ]
    p = pl.concat(people).drop_nulls().unique()
    total = max(p.height, 1)
    return p.group_by("name").agg((pl.len() / total).alias("name_freq"))


def _weight(level_col: str, table: dict, exact_weight: pl.Expr | None = None) -> pl.Expr:
    expr = pl.lit(0.0)
    for level, w in table.items():
        value = exact_weight if w is None else pl.lit(float(w))
        if value is None:
            continue
        expr = pl.when(pl.col(level_col) == level).then(value).otherwise(expr)
    return expr


def score_comparisons(cmp: pl.DataFrame, freqs: pl.DataFrame) -> pl.DataFrame:
    x = cmp.join(freqs, left_on="dn_name", right_on="name", how="left").with_columns(
        pl.col("name_freq").fill_null(0.0)
    )
    exact_w = (
        pl.when(pl.col("name_freq") > 0)
        .then((-pl.col("name_freq").log(2)).clip(W.NAME_EXACT_MIN, W.NAME_EXACT_MAX))
        .otherwise(pl.lit(W.NAME_EXACT_MAX))
    )
    x = x.with_columns(
        _weight("lvl_account_id", W.ID_WEIGHTS).alias("w_account_id"),
        _weight("lvl_account_name", W.ACCOUNT_NAME_WEIGHTS, exact_w).alias("w_account_name"),
        _weight("lvl_account_phone", W.PHONE_WEIGHTS).alias("w_account_phone"),
        _weight("lvl_recipient_name", W.RECIPIENT_NAME_WEIGHTS, exact_w).alias("w_recipient_name"),
        _weight("lvl_recipient_phone", W.PHONE_WEIGHTS).alias("w_recipient_phone"),
    )
    elsewhere = (pl.col("lvl_recipient_name") == "mismatch") & ~pl.col("lvl_recipient_phone").is_in(
        ["exact_current", "exact_roster", "compatible"]
    )
    x = x.with_columns(
        pl.when(elsewhere).then(pl.lit(W.ACCOUNT_RECIPIENT_ELSEWHERE)).otherwise(0.0).alias("w_elsewhere"),
    )
    account = pl.when(pl.col("has_account")).then(
        W.PRIOR_ACCOUNT + pl.col("w_account_id") + pl.col("w_account_name") + pl.col("w_account_phone")
        + pl.col("w_elsewhere")
    )
    recipient = W.PRIOR_RECIPIENT + pl.col("w_recipient_name") + pl.col("w_recipient_phone")
    x = x.with_columns(account.alias("weight_account"), recipient.alias("weight_recipient"))
    x = x.with_columns(
        pl.max_horizontal(pl.col("weight_account").fill_null(-1e9), pl.col("weight_recipient")).alias("match_weight"),
    )
    x = x.with_columns(
        (1.0 / (1.0 + (2.0 ** (-pl.col("match_weight"))))).alias("probability"),
        pl.when(pl.col("weight_account").fill_null(-1e9) >= pl.col("weight_recipient"))
        .then(pl.lit("account")).otherwise(pl.lit("recipient")).alias("via"),
    )
    evidence = pl.struct(
        *[
            pl.struct(pl.col(f"lvl_{f}").alias("level"), pl.col(f"w_{f}").round(2).alias("weight")).alias(f)
            for f in ("account_id", "account_name", "account_phone", "recipient_name", "recipient_phone")
        ],
        pl.col("w_elsewhere").round(2).alias("addressed_to_someone_else"),
        pl.col("block").alias("found_by"),
    ).struct.json_encode()
    return x.with_columns(evidence.alias("evidence"))


def current_phones(scored: pl.DataFrame, obs: pl.DataFrame) -> pl.DataFrame:
    """Phones seen on near-certain links: the debtor's phones in use now."""
    sure = scored.filter(pl.col("probability") >= CURRENT_PHONE_THRESHOLD).join(
        obs.select("obs_id", "ap_digits", "ap_kind", "pp_digits", "pp_kind"), on="obs_id", how="left"
    )
    acc = sure.filter((pl.col("via") == "account") & (pl.col("ap_kind") == "mobile")).select(
        "id_number", pl.col("ap_digits").alias("phone")
    )
    rec = sure.filter(pl.col("lvl_recipient_name").is_in(NAME_COMPATIBLE) & (pl.col("pp_kind") == "mobile")).select(
        "id_number", pl.col("pp_digits").alias("phone")
    )
    return pl.concat([acc, rec]).unique()


def link(obs: pl.DataFrame, debtors: pl.DataFrame) -> pl.DataFrame:
    """All scored candidate pairs (both passes' final scores), one row per (debtor, observation)."""
    if obs.height == 0 or debtors.height == 0:
        return pl.DataFrame(schema=SCORED_SCHEMA)
    freqs = name_frequencies(obs, debtors)
    phones = debtor_phones(debtors)
    scored = score_comparisons(compare_pairs(candidate_pairs(obs, debtors, phones), obs, debtors, phones), freqs)
    current = current_phones(scored, obs)
    if current.height:
        phones = debtor_phones(debtors, current)
        scored = score_comparisons(
            compare_pairs(candidate_pairs(obs, debtors, phones), obs, debtors, phones), freqs
        )
    return scored.select(list(SCORED_SCHEMA))


SCORED_SCHEMA = {
    "id_number": pl.Utf8,
    "obs_id": pl.Utf8,
    "block": pl.Utf8,
    "via": pl.Utf8,
    "lvl_account_id": pl.Utf8,
    "lvl_account_name": pl.Utf8,
    "lvl_account_phone": pl.Utf8,
    "lvl_recipient_name": pl.Utf8,
    "lvl_recipient_phone": pl.Utf8,
    "match_weight": pl.Float64,
    "probability": pl.Float64,
    "evidence": pl.Utf8,
}
