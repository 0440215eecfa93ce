"""Blocking: candidate (debtor, observation) pairs that agree on at least one key.

Never all pairs.  Keys: full ID; masked ID's visible characters (with the surname
when few are visible); phone digits or a masked phone's visible digits; a door where the
debtor is already placed; the debtor's own name (characters or pinyin) at an estate or
street number where the debtor was already seen (a check-in, a pick-up station).

Exact-name blocks exist (``NAME_BLOCKS``) but are off: a pair that only a name found can
never link (a name alone is worth at most 0.6 / namesakes, and every other field that
could agree has a block of its own), and at a million rows name blocks made 87% of all
pairs.  Where on, a name block bigger than ``NAME_BLOCK_CAP`` debtors is skipped.
"""
from __future__ import annotations

from dataclasses import dataclass

import polars as pl

NAME_BLOCK_CAP = 30
NAME_BLOCKS = False
MASK_BLOCK_CAP = 50
WEAK_ID_BLOCK_CAP = 30

PAIR_SCHEMA = {"id_number": pl.Utf8, "obs_id": pl.Utf8, "block": pl.Utf8}


def mobile_mask_key(col: pl.Expr) -> pl.Expr:
    return pl.when(col.str.contains(r"^1\d{10}$")).then(
        pl.concat_str([col.str.slice(0, 3), pl.lit("|"), col.str.slice(7, 4)])
    )


def debtor_phones(debtors: pl.DataFrame, current: pl.DataFrame | None = None,
                  household: pl.DataFrame | None = None) -> pl.DataFrame:
    """Long table of a debtor's phones: (id_number, phone, mask_key, origin).

    origin is 'roster', 'current' (a full number seen on near-certain links),
    'current_mask' (only a masked number such as 177****1049 was seen: phone is null) or
    'household' (the bound phone of a family member's account the debtor orders through).
    """
    roster = debtors.select("id_number", pl.col("roster_phones").alias("phone")).explode("phone").drop_nulls()
    roster = roster.with_columns(mobile_mask_key(pl.col("phone")).alias("mask_key"), pl.lit("roster").alias("origin"))
    frames = [roster]
    if current is not None and current.height:
        frames.append(current.select(
            "id_number", "phone",
            pl.coalesce(pl.col("mask_key"), mobile_mask_key(pl.col("phone"))).alias("mask_key"),
            pl.when(pl.col("phone").is_null()).then(pl.lit("current_mask")).otherwise(pl.lit("current")).alias("origin"),
        ))
    if household is not None and household.height:
        frames.append(household.select(
            "id_number", "phone", pl.coalesce(pl.col("mask_key"), mobile_mask_key(pl.col("phone"))).alias("mask_key"),
            pl.lit("household").alias("origin")))
    return pl.concat(frames, how="vertical").unique(["id_number", "phone", "mask_key", "origin"], maintain_order=True)


# Of an account's rows, the one that tells most about each verified field: a full value
# before a masked one, and of masked values the one with most characters showing.  An
# export may mask one account's ID on some rows and leave it empty on others; a field's
# columns (kind, value, visible parts) are taken together from that one row.
_MOST_TELLING = {
    "an_": (("full", "pinyin", "masked", "honorific"),
            pl.col("an_name").str.replace_all("*", "", literal=True).str.len_chars()),
    "ai_": (("full", "masked"),
            pl.col("ai_prefix").str.len_chars().fill_null(0) + pl.col("ai_suffix").str.len_chars().fill_null(0)),
    "ap_": (("mobile", "landline", "masked"), pl.lit(0)),
}


def accounts(obs: pl.DataFrame) -> pl.DataFrame:
    """One row per platform account with its verified attributes (``_MOST_TELLING``)."""
    rows = obs.filter(pl.col("account_key").is_not_null())
    groups = {prefix: [c for c in obs.columns if c.startswith(prefix)] for prefix in _MOST_TELLING}
    groups = {prefix: cols for prefix, cols in groups.items() if cols}
    n = rows.height
    if n == 0:
        return rows.select("account_key", *(c for cols in groups.values() for c in cols))
    # Per field, the account's smallest (telling rank, row number): a plain minimum, so the
    # row chosen does not depend on how the rows are grouped; ties go to the first row.
    keys = []
    for prefix in groups:
        order, shown = _MOST_TELLING[prefix]
        rank = (pl.col(f"{prefix}kind").replace_strict(list(order), list(range(len(order))), default=len(order),
                                                       return_dtype=pl.Int64) * 1000
                + 999 - shown.fill_null(0).cast(pl.Int64).clip(0, 999))
        keys.append((rank * n + pl.int_range(pl.len(), dtype=pl.Int64)).alias(f"_key_{prefix}"))
    best = rows.with_columns(keys).group_by("account_key").agg(pl.col(f"_key_{p}").min() for p in groups)
    return pl.concat([best.select("account_key")]
                     + [rows.select(cols)[best[f"_key_{p}"] % n] for p, cols in groups.items()], how="horizontal")


def _name_block(left: pl.DataFrame, left_name: str, debtors: pl.DataFrame) -> pl.DataFrame:
    counts = debtors.group_by("dn_name").len()
    small = counts.filter(pl.col("len") <= NAME_BLOCK_CAP).select("dn_name")
    d = debtors.join(small, on="dn_name", how="semi").select("id_number", "dn_name")
    return left.join(d, left_on=left_name, right_on="dn_name", how="inner")


def _masked_id_block(acc: pl.DataFrame, debtors: pl.DataFrame, typed: pl.DataFrame | None = None) -> pl.DataFrame:
    """Accounts whose masked ID fits a debtor's.  With few characters visible the names must
    agree too: the account's surname, or (``typed``: account_key, pn_name, the full names
    typed on its parcels) where the account shows no surname ('*兰'), a name typed on it."""
    m = acc.filter((pl.col("ai_kind") == "masked") & pl.col("ai_suffix").is_not_null()
                   & (pl.col("ai_suffix").str.len_chars() >= 1))
    if m.height == 0:
        return pl.DataFrame(schema={"account_key": pl.Utf8, "id_number": pl.Utf8})
    m = m.with_columns(
        pl.col("ai_suffix").str.len_chars().alias("_sl"),
        pl.col("ai_prefix").fill_null("").str.len_chars().alias("_pl"),
    )
    out = []
    for sl in m["_sl"].unique().to_list():
        part = m.filter(pl.col("_sl") == sl)
        d = debtors.select("id_number", "dn_surname", "dn_name",
                           pl.col("id_number").str.slice(18 - sl, sl).alias("_suf"))
        strong = part.filter((pl.col("_pl") + pl.col("_sl")) >= 8)
        weak = part.filter((pl.col("_pl") + pl.col("_sl")) < 8)
        j1 = strong.join(d, left_on="ai_suffix", right_on="_suf", how="inner")
        # Few visible characters: the surname must agree too, or blocks explode; where more
        # than WEAK_ID_BLOCK_CAP debtors share the suffix and surname (王, 1X among a million
        # debtors), the full name must.
        crowded = (pl.len().over("_suf", "dn_surname") > WEAK_ID_BLOCK_CAP)
        d = d.with_columns(crowded.alias("_crowded"))
        j2 = weak.filter(pl.col("an_surname").is_not_null()).join(
            d.filter(~pl.col("_crowded")), left_on=["ai_suffix", "an_surname"], right_on=["_suf", "dn_surname"],
            how="inner")
        j3 = weak.filter(pl.col("an_kind") == "full").join(
            d.filter(pl.col("_crowded")), left_on=["ai_suffix", "an_name"], right_on=["_suf", "dn_name"], how="inner")
        joins = [j1, j2, j3]
        if typed is not None and typed.height:
            unnamed = weak.filter(pl.col("an_surname").is_null()).join(typed, on="account_key", how="inner")
            joins.append(unnamed.join(d, left_on=["ai_suffix", "pn_name"], right_on=["_suf", "dn_name"], how="inner"))
        for j in joins:
            j = j.filter(pl.col("id_number").str.starts_with(pl.col("ai_prefix").fill_null("")))
            out.append(j.select("account_key", "id_number"))
    return pl.concat(out) if out else pl.DataFrame(schema={"account_key": pl.Utf8, "id_number": pl.Utf8})


@dataclass
class PhoneKeys:
    """The debtor side of the phone blocks, built once per pass (it does not depend on the
    observations): full numbers, masks learned from masked sightings, and every mask
    (with the debtor's surname) of a mask key held by at most ``MASK_BLOCK_CAP`` debtors."""

    full: pl.DataFrame       # id_number, phone
    learned: pl.DataFrame    # id_number, mask_key
    masks: pl.DataFrame      # id_number, mask_key, dn_surname


def phone_keys(phones: pl.DataFrame, debtors: pl.DataFrame) -> PhoneKeys:
    full = phones.filter(pl.col("phone").is_not_null()).select("id_number", "phone").unique()
    learned = phones.filter(pl.col("origin") == "current_mask").select("id_number", "mask_key").unique()
    pm = phones.filter(pl.col("mask_key").is_not_null()).select("id_number", "mask_key").unique()
    pm = pm.join(debtors.select("id_number", "dn_surname"), on="id_number", how="left")
    sizes = pm.group_by("mask_key").len()
    pm = pm.join(sizes.filter(pl.col("len") <= MASK_BLOCK_CAP).select("mask_key"), on="mask_key", how="semi")
    return PhoneKeys(full, learned, pm)


def _phone_block(left: pl.DataFrame, key: str, digits: str, mask: str, surname: str, keys: PhoneKeys) -> pl.DataFrame:
    full = left.filter(pl.col(digits).is_not_null()).join(
        keys.full, left_on=digits, right_on="phone", how="inner").select(key, "id_number")
    # A full number whose visible digits match a masked number the debtor was seen using.
    full_masked = left.filter(pl.col(digits).is_not_null() & pl.col(mask).is_not_null()).join(
        keys.learned, left_on=mask, right_on="mask_key", how="inner").select(key, "id_number")
    masked = left.filter(pl.col(mask).is_not_null() & (pl.col(f"{digits[:3]}kind") == "masked"))
    mj = masked.join(keys.masks, left_on=mask, right_on="mask_key", how="inner").filter(
        pl.col(surname).is_null() | (pl.col(surname) == pl.col("dn_surname"))
    ).select(key, "id_number")
    return pl.concat([full, full_masked, mj])


def _area_name_block(obs: pl.DataFrame, debtors: pl.DataFrame, areas: pl.DataFrame) -> pl.DataFrame:
    """Parcels typed with the debtor's own name at an area (estate, street number) where the
    debtor was already seen.  The name is part of the key: an estate's parcels are many."""
    d = areas.join(debtors.select("id_number", "dn_name", "dn_kind", "dn_pinyin"), on="id_number", how="inner")
    o = obs.filter(pl.col("area_key").is_not_null()).select("obs_id", "area_key", "pn_name", "pn_kind", "pn_pinyin")
    by_name = o.filter(pl.col("pn_kind") == "full").join(
        d.filter(pl.col("dn_kind") == "full"), left_on=["area_key", "pn_name"], right_on=["area_key", "dn_name"],
        how="inner")
    by_pinyin = o.filter(pl.col("pn_kind") == "pinyin").join(
        d.filter(pl.col("dn_pinyin").is_not_null()), left_on=["area_key", "pn_pinyin"],
        right_on=["area_key", "dn_pinyin"], how="inner")
    return pl.concat([by_name.select("id_number", "obs_id"), by_pinyin.select("id_number", "obs_id")])


@dataclass
class BlockKeys:
    """Everything of the debtors' side the blocks use, built once per linkage pass
    (``block_keys``) and applied to any number of observation buckets (``pairs_for``)."""

    debtors: pl.DataFrame             # id_number, dn_name, dn_surname, dn_kind, dn_pinyin
    phones: PhoneKeys
    doors: pl.DataFrame | None
    areas: pl.DataFrame | None
    name_blocks: bool


def block_keys(debtors: pl.DataFrame, phones: pl.DataFrame, doors: pl.DataFrame | None = None,
               areas: pl.DataFrame | None = None, name_blocks: bool | None = None) -> BlockKeys:
    return BlockKeys(debtors.select("id_number", "dn_name", "dn_surname", "dn_kind", "dn_pinyin"),
                     phone_keys(phones, debtors), doors if doors is not None and doors.height else None,
                     areas if areas is not None and areas.height else None,
                     NAME_BLOCKS if name_blocks is None else name_blocks)


def candidate_pairs(obs: pl.DataFrame, debtors: pl.DataFrame, phones: pl.DataFrame,
                    doors: pl.DataFrame | None = None, name_blocks: bool | None = None,
                    areas: pl.DataFrame | None = None) -> pl.DataFrame:
    """Distinct (id_number, obs_id, block) candidates, block naming the first key that found it."""
    return pairs_for(obs, block_keys(debtors, phones, doors, areas, name_blocks))


def pairs_for(obs: pl.DataFrame, keys: BlockKeys) -> pl.DataFrame:
    """``candidate_pairs`` with the debtors' side already built."""
    debtors = keys.debtors
    acc = accounts(obs)
    acc_pairs = []
    acc_pairs.append(
        acc.filter(pl.col("ai_kind") == "full")
        .join(debtors.select("id_number"), left_on="ai_id", right_on="id_number", how="inner")
        .select("account_key", pl.col("ai_id").alias("id_number"), pl.lit("account_id").alias("block"))
    )
    typed = (obs.filter(pl.col("account_key").is_not_null() & (pl.col("pn_kind") == "full"))
             .select("account_key", "pn_name").unique())
    acc_pairs.append(_masked_id_block(acc, debtors, typed).with_columns(pl.lit("account_masked_id").alias("block")))
    acc_pairs.append(
        _phone_block(acc, "account_key", "ap_digits", "ap_mask_key", "an_surname", keys.phones)
        .with_columns(pl.lit("account_phone").alias("block"))
    )
    if keys.name_blocks:
        acc_pairs.append(
            _name_block(acc.filter(pl.col("an_kind") == "full"), "an_name", debtors)
            .select("account_key", "id_number", pl.lit("account_name").alias("block"))
        )
    acc_pairs = pl.concat(acc_pairs).unique(["account_key", "id_number"], keep="first", maintain_order=True)
    via_account = obs.select("obs_id", "account_key").join(acc_pairs, on="account_key", how="inner").select(
        "id_number", "obs_id", "block"
    )
    rec = obs.select("obs_id", "pp_digits", "pp_mask_key", "pp_kind", "pn_surname", "pn_name", "pn_kind")
    via_phone = _phone_block(rec, "obs_id", "pp_digits", "pp_mask_key", "pn_surname", keys.phones).with_columns(
        pl.lit("recipient_phone").alias("block")
    )
    parts = [via_account, via_phone.select("id_number", "obs_id", "block")]
    if keys.name_blocks:
        parts.append(_name_block(rec.filter(pl.col("pn_kind") == "full"), "pn_name", debtors).select(
            "id_number", "obs_id", pl.lit("recipient_name").alias("block")))
    if keys.doors is not None:
        # A parcel to a door where the debtor is already placed: decided by its name and phone.
        parts.append(obs.select("obs_id", "place_key").join(keys.doors, on="place_key", how="inner")
                     .select("id_number", "obs_id", pl.lit("recipient_place").alias("block")))
    if keys.areas is not None:
        parts.append(_area_name_block(obs, debtors, keys.areas).with_columns(pl.lit("recipient_area").alias("block")))
    pairs = pl.concat(parts)
    return pairs.unique(["id_number", "obs_id"], keep="first", maintain_order=True)
