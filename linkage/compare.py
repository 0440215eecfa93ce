"""Field comparisons for candidate pairs: each yields a level, never a bare 'equal'.

Masked values are compatible, incompatible or unknown against a full value.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import polars as pl

from linkage import names

NAME_LEVELS = ("exact", "pinyin", "fuzzy", "masked_compatible", "surname_only", "nickname", "mismatch", "unknown")
# Levels where the parcel names the debtor (not only the family, as 茹先生 or 茹** do).
OWN_NAME_LEVELS = ("exact", "pinyin", "fuzzy", "masked_compatible")


@functools.lru_cache(maxsize=1_000_000)
def _name_level(debtor_name: str, raw: str) -> str:
    if not raw or not debtor_name:
        return "unknown"
    norm = names.normalize_name(raw)
    if norm.get("kind") == "masked" and norm.get("surname") and norm.get("name"):
        visible = norm["name"][len(norm["surname"]):]
        if visible and (all(ch in "*＊某×xX" for ch in visible) or visible[-1] in "士生姐"):
            # Platforms mask as 刘** whatever the name's length, and 王*士 is 王女士 masked:
            # only the surname is known.
            return "surname_only" if debtor_name.startswith(norm["surname"]) else "mismatch"
    level, _detail = names.compare_name(debtor_name, norm)
    return level if level in NAME_LEVELS else "unknown"


def name_levels(debtor_names: pl.Series, raw_names: pl.Series) -> pl.Series:
    pairs = pl.DataFrame({"d": debtor_names, "r": raw_names})
    uniq = pairs.unique()
    uniq = uniq.with_columns(
        pl.struct("d", "r").map_elements(lambda s: _name_level(s["d"] or "", s["r"] or ""), return_dtype=pl.Utf8)
        .alias("level")
    )
    return pairs.join(uniq, on=["d", "r"], how="left", maintain_order="left")["level"].fill_null("unknown")


def id_level(id_col: str = "id_number", prefix: str = "ai_") -> pl.Expr:
    kind, oid, pre, suf = (pl.col(f"{prefix}{x}") for x in ("kind", "id", "prefix", "suffix"))
    visible = pre.fill_null("").str.len_chars() + suf.fill_null("").str.len_chars()
    compatible = pl.col(id_col).str.starts_with(pre.fill_null("")) & pl.col(id_col).str.ends_with(suf.fill_null(""))
    return (
        pl.when(kind == "full").then(pl.when(oid == pl.col(id_col)).then(pl.lit("exact")).otherwise(pl.lit("mismatch")))
        .when(kind == "masked").then(
            pl.when(~compatible).then(pl.lit("mismatch"))
            .when(visible >= 8).then(pl.lit("compatible_strong"))
            .otherwise(pl.lit("compatible_weak"))
        )
        .otherwise(pl.lit("unknown"))
    )


@dataclass
class DebtorSide:
    """What comparisons read of the debtors, built once per linkage pass (``debtor_side``)
    for any number of observation buckets.  Phones are tables to join on, not lists on each
    pair: a pass's pairs are millions, and a copy of the debtor's phone lists on each of
    them costs hundreds of bytes a pair."""

    people: pl.DataFrame   # id_number, dn_name, dn_surname, _has_phones
    numbers: pl.DataFrame  # id_number, digits, _current, _roster, _household (a row per debtor and number)
    masks: pl.DataFrame    # id_number, mask, _learned, _own_mask, _household_mask (a row per debtor and mask)


def debtor_side(debtors: pl.DataFrame, phones: pl.DataFrame) -> DebtorSide:
    """``phones``: ``block.debtor_phones`` (origin roster, current, current_mask, household)."""
    origin = pl.col("origin")
    numbers = phones.filter(pl.col("phone").is_not_null()).group_by("id_number", pl.col("phone").alias("digits")).agg(
        (origin == "current").any().alias("_current"), (origin == "roster").any().alias("_roster"),
        (origin == "household").any().alias("_household"))
    masks = phones.filter(pl.col("mask_key").is_not_null()).group_by("id_number", pl.col("mask_key").alias("mask")).agg(
        (origin == "current_mask").any().alias("_learned"), (origin != "household").any().alias("_own_mask"),
        (origin == "household").any().alias("_household_mask"))
    current = phones.filter((origin == "current") & pl.col("phone").is_not_null()).select("id_number").unique()
    people = debtors.select(
        "id_number", "dn_name", "dn_surname",
        (pl.col("roster_phones").list.len().fill_null(0) > 0).alias("_roster_any"),
    ).join(current.with_columns(pl.lit(True).alias("_current_any")), on="id_number", how="left").select(
        "id_number", "dn_name", "dn_surname",
        (pl.col("_roster_any") | pl.col("_current_any").fill_null(False)).alias("_has_phones"))
    return DebtorSide(people, numbers, masks)


def _with_phone_level(x: pl.DataFrame, side: DebtorSide, prefix: str, out: str) -> pl.DataFrame:
    """``x`` with column ``out``: how the observation's phone (``prefix`` ap_ or pp_) compares
    with the debtor's phones.  A full number: the debtor's current one, a roster one, one
    fitting a mask the debtor was seen using, a family member's; a masked one: fitting one
    of the debtor's own, or a family member's."""
    return x.with_columns(_phone_level(x, side, prefix).alias(out))


def _flags(x: pl.DataFrame, table: pl.DataFrame, key: str, table_key: str, cols: tuple[str, ...]) -> pl.DataFrame:
    """``cols`` of ``table`` (one row per id_number and ``table_key``) for each row of ``x``
    by (id_number, ``key``), False where it has none; in the order of ``x``.

    Most pairs carry a number none of the pass's debtors has (a stranger's): a membership
    test on the number alone finds the few rows to join, so the two-column join, the
    costly part, runs on those and its flags are put back in place by row number."""
    hit = x[key].is_in(table[table_key].unique().implode())
    rows = x.select("id_number", key).with_row_index("_row").filter(hit)
    found = rows.join(table, left_on=["id_number", key], right_on=["id_number", table_key], how="inner")
    out = pl.DataFrame({c: pl.repeat(False, x.height, dtype=pl.Boolean, eager=True) for c in cols})
    return out.with_columns(out[c].scatter(found["_row"], found[c]) for c in cols)


def _phone_level(x: pl.DataFrame, side: DebtorSide, prefix: str) -> pl.Series:
    """The level of ``_with_phone_level``, one per row of ``x`` in its order."""
    digits, mask = f"{prefix}digits", f"{prefix}mask_key"
    k = pl.concat([x.select(f"{prefix}kind", "_has_phones"),
                   _flags(x, side.numbers, digits, "digits", ("_current", "_roster", "_household")),
                   _flags(x, side.masks, mask, "mask", ("_learned", "_own_mask", "_household_mask"))],
                  how="horizontal")
    flag = {c: pl.col(c) for c in ("_current", "_roster", "_household", "_learned", "_own_mask", "_household_mask")}
    kind, has_phones = pl.col(f"{prefix}kind"), pl.col("_has_phones")
    level = (
        pl.when(kind.is_in(["mobile", "landline"])).then(
            pl.when(flag["_current"]).then(pl.lit("exact_current"))
            .when(flag["_roster"]).then(pl.lit("exact_roster"))
            .when(flag["_learned"]).then(pl.lit("compatible"))
            .when(flag["_household"]).then(pl.lit("household"))
            .when(has_phones).then(pl.lit("mismatch"))
            .otherwise(pl.lit("unknown"))
        )
        .when(kind == "masked").then(
            pl.when(flag["_own_mask"]).then(pl.lit("compatible"))
            .when(flag["_household_mask"]).then(pl.lit("household"))
            .when(has_phones).then(pl.lit("mismatch"))
            .otherwise(pl.lit("unknown"))
        )
        .otherwise(pl.lit("unknown"))
    )
    return k.select(level.alias("level"))["level"]


def compare_pairs(pairs: pl.DataFrame, obs: pl.DataFrame, debtors: pl.DataFrame, phones: pl.DataFrame,
                  doors: pl.DataFrame | None = None, areas: pl.DataFrame | None = None,
                  side: DebtorSide | None = None) -> pl.DataFrame:
    """Comparison levels for each candidate pair (``side``: ``debtor_side`` if already built).

    Output columns: id_number, obs_id, block, lvl_account_id, lvl_account_name,
    lvl_account_phone, lvl_recipient_name, lvl_recipient_phone, has_account.
    """
    d = side if side is not None else debtor_side(debtors, phones)
    ocols = ["obs_id", "account_key", "account_name", "person_name", "place_key", "area_key", "an_name", "an_kind", "an_pinyin",
             "pn_name", "pn_kind", "pn_pinyin"] + [c for c in obs.columns if c[:3] in ("ai_", "ap_", "pp_")]
    x = pairs.join(obs.select(ocols), on="obs_id", how="left").join(d.people, on="id_number", how="left")
    x = x.with_columns(_phone_level(x, d, "ap_").alias("lvl_account_phone"),
                       _phone_level(x, d, "pp_").alias("lvl_recipient_phone"))
    if doors is not None and doors.height:
        x = x.join(doors.with_columns(pl.lit(True).alias("_door")), on=["id_number", "place_key"], how="left")
    else:
        x = x.with_columns(pl.lit(None, pl.Boolean).alias("_door"))
    if areas is not None and areas.height:
        x = x.join(areas.select("id_number", "area_key", "area_people"), on=["id_number", "area_key"], how="left")
    else:
        x = x.with_columns(pl.lit(None, pl.Int64).alias("area_people"))
    # The parcel is addressed to the account holder: same name (in characters or pinyin) or
    # a phone whose visible digits agree with the bound phone.
    same_name = ((pl.col("pn_kind") == "full") & (pl.col("an_kind") == "full") & (pl.col("pn_name") == pl.col("an_name"))) | (
        pl.col("pn_kind").is_in(["full", "pinyin"]) & pl.col("an_kind").is_in(["full", "pinyin"])
        & (pl.col("pn_pinyin") == pl.col("an_pinyin")))
    holder_phone = pl.col("pp_mask_key").is_not_null() & (pl.col("pp_mask_key") == pl.col("ap_mask_key"))
    x = x.with_columns(
        id_level().alias("lvl_account_id"),
        pl.col("account_key").is_not_null().alias("has_account"),
        same_name.fill_null(False).alias("_holder_name"),
        holder_phone.fill_null(False).alias("_holder_phone"),
    )
    x = x.with_columns(
        name_levels(x["dn_name"], x["account_name"]).alias("lvl_account_name"),
        name_levels(x["dn_name"], x["person_name"]).alias("lvl_recipient_name"),
    )
    # An estate where the debtor was seen says little about a parcel to 茹先生 there (a
    # household's parcels share it); with the debtor's own name it says much.
    x = x.with_columns(
        pl.when(pl.col("_door")).then(pl.lit("known_door"))
        .when(pl.col("area_people").is_not_null() & pl.col("lvl_recipient_name").is_in(list(OWN_NAME_LEVELS)))
        .then(pl.lit("known_area")).otherwise(pl.lit("unknown")).alias("lvl_place"))
    # The holder's own phone on a parcel typed with the debtor's name is the debtor ordering
    # through a family member's account, not the holder's parcel.
    x = x.with_columns((pl.col("_holder_name") | (pl.col("_holder_phone") & ~pl.col("lvl_recipient_name").is_in(
        list(OWN_NAME_LEVELS)))).alias("recipient_is_holder"))
    return x.select(
        "id_number", "obs_id", "block", "has_account", "dn_name", "dn_surname", "lvl_account_id", "lvl_account_name",
        "lvl_account_phone", "lvl_recipient_name", "lvl_recipient_phone", "lvl_place", "recipient_is_holder",
        "area_people", (pl.col("pp_kind") == "landline").fill_null(False).alias("recipient_landline"),
    )
