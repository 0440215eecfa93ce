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

Both scan the distinct unread address strings: estate names are generic (every city has
a 金色家园), so most rows mention some learned estate, and only equi-joins on (name,
number) or (name, person) keep the work bounded.
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


@functools.lru_cache(maxsize=1)
def _place_names() -> pl.DataFrame:
    """Division code -> the names a raw address may use for its district and city."""
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


def _number() -> pl.Expr:
    """The number a door's raw address surely shows: its room (501 in 501室 and 2-3-501; a
    floor '23F' as 23), else its house or building number, else its premises' (a stall)."""
    return (pl.when(pl.col("_room") != "").then(pl.col("_room").str.strip_suffix("F"))
            .when(pl.col("_building") != "").then(pl.col("_building"))
            .otherwise(pl.col("_premises_no")))


_EMPTY_IDS = pl.Series("obs_id", [], dtype=pl.Utf8)


def _found(text: pl.Expr, patterns: list[str]) -> pl.Expr:
    """The distinct ``patterns`` occurring in ``text`` (overlapping: 杭州 and 杭州市 both)."""
    if not patterns:
        # (An empty pattern list, or an empty pattern, is not something extract_many takes.)
        return pl.lit([], dtype=pl.List(pl.Utf8))
    return text.str.extract_many(patterns, overlapping=True).list.unique()


def _scan(obs: pl.DataFrame, mentions: list[str], words: list[str]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The distinct unread addresses naming one of ``mentions`` (one row per address and
    mention, with its digit runs and the ``words`` it contains), and the unread rows at them."""
    unread = obs.filter(~pl.col("address_parsed") & pl.col("address_raw").is_not_null())
    raw = pl.col("address_raw")
    addr = unread.select("address_raw").unique()
    addr = addr.filter(raw.str.contains_any(mentions)) if mentions else addr.clear()
    addr = addr.select(
        "address_raw",
        _found(raw, mentions).alias("_mention"),
        # Full-width digits ('１２幢') as the parser reads them.
        raw.str.normalize("NFKC").str.extract_all(r"[0-9]+").list.unique().alias("_number"),
        _found(raw, words).alias("word"),
    ).explode("_mention")
    rows = unread.join(addr.select("address_raw").unique(), on="address_raw", how="semi").select(
        "obs_id", "address_raw", "pn_name", "pn_kind", "pn_pinyin",
        pl.coalesce("pp_digits", "account_key", "pn_name").alias("who"))
    return addr, rows


def _area_keys(areas: pl.DataFrame) -> pl.DataFrame:
    return areas.select("area_key").unique().with_columns(_split("area_key")).filter(pl.col("_premises") != "")


def to_read(obs: pl.DataFrame, debtors: pl.DataFrame, doors: pl.DataFrame, areas: pl.DataFrame) -> pl.Series:
    """obs_ids of unread rows that may be to one of ``doors`` (id_number, place_key) or at
    one of ``areas`` (id_number, area_key) under that debtor's own name."""
    if "address_parsed" not in obs.columns or (doors.height == 0 and areas.height == 0):
        return _EMPTY_IDS
    d = (doors.select("place_key").unique().with_columns(_split("place_key")).filter(pl.col("_premises") != "")
         .select("_mention", _number().alias("_number")).unique())
    keys = _area_keys(areas)
    a = (areas.select("id_number", "area_key").join(keys.select("area_key", "_mention"), on="area_key")
         .join(debtors.select("id_number", "dn_name", "dn_kind", "dn_pinyin"), on="id_number", how="inner"))
    addr, rows = _scan(obs, sorted(set(d["_mention"].to_list()) | set(a["_mention"].to_list()) - {""}), [])
    if addr.height == 0:
        return _EMPTY_IDS
    # Equi-joins only: a mention like 国际商贸城 is shared by thousands of stalls.
    numbered = addr.select("address_raw", "_mention", "_number").explode("_number")
    door_addr = pl.concat([
        numbered.join(d.filter(pl.col("_number") != ""), on=["_mention", "_number"], how="semi").select("address_raw"),
        addr.join(d.filter(pl.col("_number") == ""), on="_mention", how="semi").select("address_raw"),
    ])
    named = rows.join(addr.select("address_raw", "_mention"), on="address_raw")
    by_name = named.filter(pl.col("pn_kind") == "full").join(
        a.filter(pl.col("dn_kind") == "full").select("_mention", pl.col("dn_name").alias("pn_name")).unique(),
        on=["_mention", "pn_name"], how="semi")
    by_pinyin = named.filter(pl.col("pn_kind") == "pinyin").join(
        a.filter(pl.col("dn_pinyin").is_not_null()).select("_mention", pl.col("dn_pinyin").alias("pn_pinyin")).unique(),
        on=["_mention", "pn_pinyin"], how="semi")
    return pl.concat([rows.join(door_addr, on="address_raw", how="semi").select("obs_id"),
                      by_name.select("obs_id"), by_pinyin.select("obs_id")])["obs_id"].unique()


def people_at(obs: pl.DataFrame, areas: pl.DataFrame) -> pl.DataFrame:
    """(area_key, who) of the rows at each of ``areas``: rows read to that area key, and rows
    not read whose text names the estate (with its number, for a street number or a
    stall) and the area's district or city.  ``who``: full phone, account or name."""
    out = pl.DataFrame(schema={"area_key": pl.Utf8, "who": pl.Utf8})
    if areas.height == 0 or "address_parsed" not in obs.columns:
        return out
    keys = _area_keys(areas)
    read = (obs.filter(pl.col("area_key").is_in(keys["area_key"].implode()))
            .select("area_key", pl.coalesce("pp_digits", "account_key", "pn_name").alias("who")))
    words = keys.select("area_key", "_mention", "_premises_no", "_code").join(
        _place_names(), left_on="_code", right_on="code", how="inner")
    addr, rows = _scan(obs, sorted(set(keys["_mention"].to_list())), sorted(set(words["word"].to_list())))
    worded = addr.explode("word")
    at_plain = worded.join(words.filter(pl.col("_premises_no") == "").select("area_key", "_mention", "word"),
                           on=["_mention", "word"], how="inner").select("address_raw", "area_key")
    at_numbered = worded.explode("_number").join(
        words.filter(pl.col("_premises_no") != "").select("area_key", "_mention", "word",
                                                          pl.col("_premises_no").alias("_number")),
        on=["_mention", "word", "_number"], how="inner").select("address_raw", "area_key")
    at = pl.concat([at_plain, at_numbered]).unique().join(rows.select("address_raw", "who"), on="address_raw")
    return pl.concat([read, at.select("area_key", "who")]).drop_nulls().unique()


def count_people(people: list[pl.DataFrame], areas: pl.DataFrame) -> pl.DataFrame:
    """``areas`` with ``area_people``: the distinct people of ``people_at`` over all buckets."""
    rows = pl.concat(people, how="vertical") if people else pl.DataFrame(schema={"area_key": pl.Utf8,
                                                                                 "who": pl.Utf8})
    counts = rows.group_by("area_key").agg(pl.col("who").n_unique().alias("area_people"))
    return areas.join(counts, on="area_key", how="left").with_columns(
        pl.col("area_people").fill_null(1).cast(pl.Int64))


def area_people(obs: pl.DataFrame, areas: pl.DataFrame) -> pl.DataFrame:
    """``areas`` with ``area_people`` counted over ``obs`` alone."""
    return count_people([people_at(obs, areas)], areas)
