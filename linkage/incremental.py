"""Which debtors a night touches, so that only they are re-linked and re-ranked.

A debtor is touched when the roster changed what linkage uses (a new debtor, another name
or another phone list, or all cases concluded), or when a new observation shares a
blocking key with them: their ID, a phone they were seen using or listed with, a door
they were placed at, or their own name at an estate they were placed at.  Everyone else
keeps last night's links, places and phones.
"""
from __future__ import annotations

import polars as pl

from linkage import address_scope, score
from linkage.block import candidate_pairs, debtor_phones, mobile_mask_key


def roster_changes(previous: pl.DataFrame, current: pl.DataFrame) -> set[str]:
    """IDs of debtors added, removed, or changed in a field linkage uses."""
    def key(frame: pl.DataFrame) -> pl.DataFrame:
        if frame.height == 0:
            return pl.DataFrame(schema={"id_number": pl.Utf8, "_k": pl.Utf8})
        return frame.select("id_number", pl.concat_str(
            [pl.col("name").fill_null(""),
             pl.col("roster_phones").list.sort().list.join(";").fill_null("")], separator="|").alias("_k"))

    a, b = key(previous), key(current)
    both = a.join(b, on="id_number", how="full", coalesce=True, suffix="_new")
    changed = both.filter(pl.col("_k").is_null() | pl.col("_k_new").is_null() | (pl.col("_k") != pl.col("_k_new")))
    return set(changed["id_number"].to_list())


def known_phones(contacts: pl.DataFrame) -> pl.DataFrame:
    """Phones a debtor was seen using, from the published contacts: (id_number, phone, mask_key)."""
    phones = contacts.filter(pl.col("kind") == "phone") if contacts.height else contacts
    if phones.height == 0:
        return pl.DataFrame(schema={"id_number": pl.Utf8, "phone": pl.Utf8, "mask_key": pl.Utf8})
    return phones.select("id_number", pl.col("value").alias("phone"),
                         mobile_mask_key(pl.col("value")).alias("mask_key"))


def placed_doors(locations: pl.DataFrame) -> pl.DataFrame:
    """Flats and premises the debtor is placed at: (id_number, place_key)."""
    if locations.height == 0:
        return pl.DataFrame(schema={"id_number": pl.Utf8, "place_key": pl.Utf8})
    door = pl.col("place_key").str.contains(r"^[^|]*\|[^|]+\|([^|]+\|[^|]*\|[^|]*|[^|]*\|[^|]*\|[^|]+)$")
    return locations.filter(door & (pl.col("kind") != "pickup_point")).select("id_number", "place_key").unique()


def _doors(locations: pl.DataFrame, debtors: pl.DataFrame, roster: pl.DataFrame | None = None) -> pl.DataFrame:
    """The open debtors' placed doors and the roster's own doors (``roster``, else
    ``score.roster_doors`` of ``debtors``), the doors the full linkage blocks on."""
    placed = placed_doors(locations).join(debtors.select("id_number"), on="id_number", how="semi")
    roster = score.roster_doors(debtors) if roster is None else roster
    return pl.concat([placed, roster.select("id_number", "place_key")], how="vertical").unique()


def placed_areas(locations: pl.DataFrame) -> pl.DataFrame:
    """Estates and street numbers of every place a debtor is placed at: (id_number, area_key, area_people)."""
    if locations.height == 0:
        return pl.DataFrame(schema={"id_number": pl.Utf8, "area_key": pl.Utf8, "area_people": pl.Int64})
    parts = pl.col("place_key").str.split("|")
    area = pl.concat_str([parts.list.get(0, null_on_oob=True), parts.list.get(1, null_on_oob=True)], separator="|")
    return (locations.filter(parts.list.len() >= 2).select("id_number", area.alias("area_key")).drop_nulls()
            .unique().with_columns(pl.lit(1, pl.Int64).alias("area_people")))


def addresses_to_read(new_obs: pl.DataFrame, debtors: pl.DataFrame, locations: pl.DataFrame,
                      roster: pl.DataFrame | None = None) -> pl.Series:
    """obs_ids of tonight's rows whose address must be read to see whether they are to a door a
    debtor is placed at, or at their estate under their own name (see ``address_scope``).
    ``roster``: ``score.roster_doors(debtors)`` when at hand (parsing them costs)."""
    open_ids = debtors.select("id_number")
    return address_scope.to_read(new_obs, debtors, _doors(locations, debtors, roster),
                                 placed_areas(locations).join(open_ids, on="id_number", how="semi"))


def touched_by_observations(new_obs: pl.DataFrame, debtors: pl.DataFrame, contacts: pl.DataFrame,
                            locations: pl.DataFrame, roster: pl.DataFrame | None = None) -> set[str]:
    """Debtors sharing a blocking key with tonight's new (prepared) observations
    (``roster``: as for ``addresses_to_read``)."""
    if new_obs.height == 0 or debtors.height == 0:
        return set()
    open_ids = debtors.select("id_number")
    phones = debtor_phones(debtors, known_phones(contacts).join(open_ids, on="id_number", how="semi"))
    doors = _doors(locations, debtors, roster)
    areas = placed_areas(locations).join(open_ids, on="id_number", how="semi")
    pairs = candidate_pairs(new_obs, debtors, phones, doors, areas=areas)
    return set(pairs["id_number"].unique().to_list())


def keep_untouched(previous: pl.DataFrame, fresh: pl.DataFrame, touched: set[str], open_ids: set[str]) -> pl.DataFrame:
    """Last night's rows of open debtors not touched tonight, plus tonight's rows of the touched."""
    keep = previous.filter(~pl.col("id_number").is_in(list(touched)) & pl.col("id_number").is_in(list(open_ids)))
    if keep.height == 0:
        return fresh
    # The published tables hold fewer columns than tonight's working frames (links lose
    # their comparison levels): the merge keeps what both have.
    common = [c for c in fresh.columns if c in keep.columns]
    return pl.concat([keep.select(common).cast({c: fresh.schema[c] for c in common}), fresh.select(common)],
                     how="vertical")
