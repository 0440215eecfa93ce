"""Which observations' addresses must be read, and how crowded a learned estate is.

Parsing an address is the costliest normalisation, and most rows of a night never need it.
Later linkage passes block on doors and estates (area keys) learned from near-certain
links; a row can only be found by such a block if its address parses to that door, or to
that estate *and* it carries the debtor's own name (``block._area_name_block``).  So,
instead of reading every address that mentions a learned estate's name, only these are
read:

- rows whose raw address mentions the door's premises and its room number (and the
  building number where the room has none): '湖畔嘉园12幢3单元501室', '湖畔嘉园 12-3-501';
- rows that mention the estate's name and are typed with the debtor's own name (or its
  pinyin) -- the only ones the area block can pair.

How many people an estate holds (``area_people``, the denominator of the known-area
weight) still counts every row that mentions it, read or not: a row not read is counted
when its text also names the estate's district or city (an estate name recurs in many
cities), so the count does not depend on which rows happened to be read.
"""
from __future__ import annotations

import functools

import polars as pl

from linkage import gazetteer

_KEY_PARTS = ("code", "premises", "building", "unit", "room")


def _split(col: str) -> list[pl.Expr]:
    parts = pl.col(col).str.split("|")
    out = [parts.list.get(i, null_on_oob=True).fill_null("").alias(f"_{name}") for i, name in enumerate(_KEY_PARTS)]
    premises = parts.list.get(1, null_on_oob=True).fill_null("")
    # What a raw address surely contains of the premises: its longest run of Chinese
    # characters ('国际商贸城' of '国际商贸城1区7街6673号', typed 国际商贸城一区7街6673号).
    run = premises.str.extract_all(r"[\u4e00-\u9fff]{2,}").list.eval(
        pl.element().sort_by(pl.element().str.len_chars(), descending=True)).list.first()
    return out + [pl.coalesce(run, premises).alias("_mention"),
                  premises.str.extract(r"(\d+)\D*$").fill_null("").alias("_premises_no")]


def _folded_raw() -> pl.Expr:
    # Full-width digits and letters ('１２幢') as the parser reads them.
    return pl.col("address_raw").fill_null("").str.normalize("NFKC")


def _mentions(obs: pl.DataFrame, premises: list[str], only_unread: bool) -> pl.DataFrame:
    """(obs_id, _mention, _raw, pn_*, who) for each row whose raw address contains one of
    ``premises`` (mention strings, see ``_split``)."""
    if not premises:
        return pl.DataFrame(schema={"obs_id": pl.Utf8, "_mention": pl.Utf8, "_raw": pl.Utf8,
                                    "pn_name": pl.Utf8, "pn_kind": pl.Utf8, "pn_pinyin": pl.Utf8,
                                    "who": pl.Utf8})
    rows = obs.filter(~pl.col("address_parsed")) if only_unread else obs
    raw = pl.col("address_raw").fill_null("")
    rows = rows.filter(raw.str.contains_any(premises))
    return (rows.select("obs_id", _folded_raw().alias("_raw"), "pn_name", "pn_kind", "pn_pinyin",
                        pl.coalesce("pp_digits", "account_key", "pn_name").alias("who"),
                        raw.str.extract_many(premises, overlapping=True).alias("_mention"))
            .explode("_mention").drop_nulls("_mention").unique(["obs_id", "_mention"]))


def to_read(obs: pl.DataFrame, debtors: pl.DataFrame, doors: pl.DataFrame, areas: pl.DataFrame) -> pl.Series:
    """obs_ids of unread rows that may be to one of ``doors`` (id_number, place_key) or at
    one of ``areas`` (id_number, area_key) under that debtor's own name."""
    if "address_parsed" not in obs.columns:
        return pl.Series("obs_id", [], dtype=pl.Utf8)
    d = doors.select("place_key").unique().with_columns(_split("place_key")).filter(pl.col("_premises") != "")
    a = (areas.select("id_number", "area_key").unique().with_columns(_split("area_key"))
         .filter(pl.col("_premises") != "")
         .join(debtors.select("id_number", "dn_name", "dn_kind", "dn_pinyin"), on="id_number", how="inner"))
    m = _mentions(obs, sorted(set(d["_mention"].to_list()) | set(a["_mention"].to_list())), only_unread=True)
    if m.height == 0:
        return pl.Series("obs_id", [], dtype=pl.Utf8)
    # A door: its room number written somewhere (501 in 501室, 2-3-501; a floor '23F' as 23),
    # else its house or building number, else the number of its premises (a market stall).
    number = (pl.when(pl.col("_room") != "").then(pl.col("_room").str.strip_suffix("F"))
              .when(pl.col("_building") != "").then(pl.col("_building"))
              .otherwise(pl.col("_premises_no")))
    door_rows = (m.join(d, on="_mention", how="inner")
                 .filter((number == "") | pl.col("_raw").str.contains(number, literal=True))
                 .select("obs_id"))
    own_name = (((pl.col("pn_kind") == "full") & (pl.col("dn_kind") == "full") & (pl.col("pn_name") == pl.col("dn_name")))
                | ((pl.col("pn_kind") == "pinyin") & pl.col("dn_pinyin").is_not_null()
                   & (pl.col("pn_pinyin") == pl.col("dn_pinyin"))))
    area_rows = m.join(a, on="_mention", how="inner").filter(own_name).select("obs_id")
    return pl.concat([door_rows, area_rows])["obs_id"].unique()


@functools.lru_cache(maxsize=1)
def _place_names() -> pl.DataFrame:
    """Division code -> the short names a raw address may use for its district and city."""
    div = gazetteer.divisions().filter(pl.col("level") <= 2)
    names = div.select("code", pl.col("name"), pl.col("short")).unpivot(index="code", value_name="word") \
        .drop_nulls("word").select("code", "word")
    # A district's code also stands for its city (the city's own row has the city code).
    city = div.filter(pl.col("level") == 1).select(pl.col("code").str.slice(0, 4).alias("c4"), "name", "short")
    city_words = (div.filter(pl.col("level") == 2).select("code", pl.col("code").str.slice(0, 4).alias("c4"))
                  .join(city, on="c4", how="inner")
                  .unpivot(index=["code", "c4"], on=["name", "short"], value_name="word")
                  .drop_nulls("word").select("code", "word"))
    return pl.concat([names, city_words]).filter(pl.col("word").str.len_chars() >= 2).unique()


def area_people(obs: pl.DataFrame, areas: pl.DataFrame) -> pl.DataFrame:
    """``areas`` with ``area_people``: the distinct people (full phone, account or name)
    among the rows at each area: rows read to that area key, and rows not read whose text
    names the estate and the area's district or city."""
    if areas.height == 0:
        return areas.with_columns(pl.lit(None, pl.Int64).alias("area_people"))
    who = pl.coalesce("pp_digits", "account_key", "pn_name")
    keys = areas.select("area_key").unique().with_columns(_split("area_key"))
    read = (obs.filter(pl.col("area_key").is_in(keys["area_key"].implode()))
            .select("area_key", who.alias("who")))
    m = _mentions(obs, sorted(set(keys["_mention"].to_list()) - {""}), only_unread=True)
    words = keys.select("area_key", "_mention", "_premises_no", "_code").join(
        _place_names(), left_on="_code", right_on="code", how="inner")
    unread = (m.join(words, on="_mention", how="inner")
              .filter(pl.col("_raw").str.contains(pl.col("word"), literal=True)
                      & ((pl.col("_premises_no") == "") | pl.col("_raw").str.contains(pl.col("_premises_no"), literal=True)))
              .select("area_key", "who").unique())
    counts = (pl.concat([read, unread]).drop_nulls().group_by("area_key")
              .agg(pl.col("who").n_unique().alias("area_people")))
    return areas.join(counts, on="area_key", how="left").with_columns(
        pl.col("area_people").fill_null(1).cast(pl.Int64))
