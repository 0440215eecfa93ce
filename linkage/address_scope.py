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
from dataclasses import dataclass

import polars as pl

from linkage import addresses, gazetteer

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


@functools.lru_cache(maxsize=1)
def _district_words() -> pl.Series:
    """Names (full and short) of districts and counties."""
    div = gazetteer.divisions().filter(pl.col("level") == 2)
    words = pl.concat([div["name"], div["short"].drop_nulls()])
    return words.filter(words.str.len_chars() >= 2).unique()


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


def _numbers(addr: pl.DataFrame) -> pl.DataFrame:
    """``addr`` (distinct raw addresses) with ``_number``: the numbers the parser reads in
    each.  Most addresses show them as ASCII digits; the few with full-width digits
    ('１２幢'), Chinese numerals before a door word ('五〇一室') or a floor with its flat
    ('5楼01室') go through the parser's own rules (``addresses.door_numbers``)."""
    raw = pl.col("address_raw")
    special = raw.str.contains(addresses.DOOR_NUMBER_REWRITE + "|[０-９]")
    x = addr.with_columns(special.alias("_special"))
    plain = x.filter(~pl.col("_special")).select("address_raw", raw.str.extract_all(r"[0-9]+").list.unique()
                                                 .alias("_number"))
    rewritten = x.filter(pl.col("_special")).select(
        "address_raw", raw.map_elements(addresses.door_numbers, return_dtype=pl.List(pl.Utf8)).alias("_number"))
    return pl.concat([plain, rewritten], how="vertical")


def _scan(obs: pl.DataFrame, mentions: list[str], words: list[str]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The distinct unread addresses naming one of ``mentions`` (one row per address, with
    the mentions it names, its numbers and the ``words`` it contains), and the unread rows
    at them."""
    # Only the columns used: a bucket's rows are wide, and filtering copies every column.
    unread = obs.select("obs_id", "address_raw", "address_parsed", "pn_name", "pn_kind", "pn_pinyin", "pp_digits",
                        "account_key").filter(~pl.col("address_parsed") & pl.col("address_raw").is_not_null())
    raw = pl.col("address_raw")
    addr = unread.select("address_raw").unique()
    addr = addr.filter(raw.str.contains_any(mentions)) if mentions else addr.clear()
    addr = _numbers(addr).with_columns(_found(raw, mentions).alias("_mention"), _found(raw, words).alias("word"))
    rows = unread.join(addr.select("address_raw"), on="address_raw", how="semi").select(
        "obs_id", "address_raw", "pn_name", "pn_kind", "pn_pinyin",
        pl.coalesce("pp_digits", "account_key", "pn_name").alias("who"))
    return addr, rows


def _with_words(keys: pl.DataFrame) -> pl.DataFrame:
    """Keys (with ``_code``) once per name of their district or city ('word'), and once with
    an empty word, which an address naming no district or city matches (see ``_worded``)."""
    named = keys.join(_place_names(), left_on="_code", right_on="code", how="inner")
    return pl.concat([named, keys.with_columns(pl.lit("").alias("word"))], how="vertical")


def _worded(addr: pl.DataFrame) -> pl.DataFrame:
    """One row per address, mention and the most specific place words it holds: its
    district's names when it names a district (an estate name recurs across a city's
    districts), else its city's; an empty word when it names neither (it may be anywhere)."""
    districts = _district_words().implode()
    # The words an address holds do not depend on the mention: choose them once per address,
    # on its list of words, so that neither a window nor a join by the address string is
    # needed (addresses are long strings, hashed by the hundred thousand).
    words = pl.when(pl.col("word").list.len() == 0).then(pl.lit([""], dtype=pl.List(pl.Utf8))).otherwise(pl.col("word"))
    x = addr.select("address_raw", "_mention", "_number", words.alias("word"))
    x = x.with_columns(pl.col("word").list.eval(pl.element().is_in(districts)).list.any().alias("_any_district"))
    x = x.explode("word").filter(pl.col("word").is_in(districts) | ~pl.col("_any_district"))
    return x.select("address_raw", "word", "_mention", "_number").explode("_mention")


def _ids(rows: pl.DataFrame, addresses: pl.DataFrame) -> pl.DataFrame:
    return rows.join(addresses.select("address_raw").unique(), on="address_raw", how="semi").select("obs_id")


@dataclass(frozen=True)
class Scope:
    """What a pass's scan of the unread addresses looks for (``scope``): built once for all
    of a pass's buckets, since it grows with the debtors' doors and estates, not with a
    bucket's rows."""

    doors: pl.DataFrame       # _code, _mention, _number, _also, word: each learned door
    keys: pl.DataFrame        # each learned area key, split
    kw: pl.DataFrame          # area_key, _mention, _premises_no, _code, word
    named: pl.DataFrame       # id_number, area_key, _mention, word, dn_name, dn_kind, dn_pinyin
    mentions: list[str]
    words: list[str]
    empty: bool


def scope(debtors: pl.DataFrame, doors: pl.DataFrame, areas: pl.DataFrame) -> Scope:
    """The scan's side of ``doors`` (id_number, place_key) and ``areas`` (id_number,
    area_key) of ``debtors``, for ``plan``."""
    d = _with_words(doors.select("place_key").unique().with_columns(_split("place_key"))
                    .filter(pl.col("_premises") != "")
                    .select("_code", "_mention", _number().alias("_number"),
                            # Both numbers of a flat: its room and its building.
                            pl.when(pl.col("_room") != "").then(pl.col("_building")).otherwise(pl.lit(""))
                            .alias("_also")).unique())
    keys = _area_keys(areas)
    kw = _with_words(keys.select("area_key", "_mention", "_premises_no", "_code"))
    a = (areas.select("id_number", "area_key").join(kw.select("area_key", "_mention", "word"), on="area_key")
         .join(debtors.select("id_number", "dn_name", "dn_kind", "dn_pinyin"), on="id_number", how="inner"))
    mentions = sorted((set(d["_mention"].to_list()) | set(kw["_mention"].to_list())) - {""})
    words = sorted((set(d["word"].to_list()) | set(kw["word"].to_list())) - {""})
    return Scope(d, keys, kw, a, mentions, words, doors.height == 0 and areas.height == 0)


def plan(obs: pl.DataFrame, debtors: pl.DataFrame | None = None, doors: pl.DataFrame | None = None,
         areas: pl.DataFrame | None = None, prepared: Scope | None = None) -> tuple[pl.Series, pl.DataFrame]:
    """One scan of a bucket's unread addresses for a linkage pass: (obs_ids of rows that may
    be to one of ``doors`` (id_number, place_key), or at one of ``areas`` (id_number,
    area_key) under that debtor's own name; ``people_at`` rows of ``areas``).
    ``prepared``: ``scope(debtors, doors, areas)``, when the caller built it for many buckets.

    Every join is on the estate's name, a name of its district or city (an estate name
    recurs in many cities; an address naming no district or city matches any) and a number
    or a person: the number of candidates grows with the debtors' doors, not with their
    product with all rows.
    """
    people = pl.DataFrame(schema={"area_key": pl.Utf8, "who": pl.Utf8})
    sc = prepared if prepared is not None else scope(debtors, doors, areas)
    if "address_parsed" not in obs.columns or obs.height == 0 or sc.empty:
        return _EMPTY_IDS, people
    d, keys, kw, a, mentions, words = sc.doors, sc.keys, sc.kw, sc.named, sc.mentions, sc.words
    addr, rows = _scan(obs, mentions, words)
    if addr.height == 0:
        return _EMPTY_IDS, _read_people(obs, keys)
    # Only (estate, place word) combinations some key has: most addresses name some
    # learned estate's name, few name it in that estate's city.
    worded = _worded(addr).join(pl.concat([d.select("_mention", "word"), kw.select("_mention", "word")]).unique(),
                                on=["_mention", "word"], how="semi")
    # Doors: estate, place word and number (a flat's building number too).
    numbered = worded.with_columns(pl.col("_number").alias("_numbers")).explode("_number")
    door_addr = pl.concat([
        numbered.join(d.filter(pl.col("_number") != ""), on=["_mention", "word", "_number"], how="inner")
        .filter((pl.col("_also") == "") | pl.col("_numbers").list.contains(pl.col("_also")))
        .select("address_raw"),
        worded.join(d.filter(pl.col("_number") == ""), on=["_mention", "word"], how="semi").select("address_raw"),
    ])
    # Areas: estate, place word and the debtor's own name (or its pinyin).
    own = ((pl.col("pn_kind") == "full") & pl.col("pn_name").is_in(a.filter(pl.col("dn_kind") == "full")["dn_name"].implode())
           | (pl.col("pn_kind") == "pinyin") & pl.col("pn_pinyin").is_in(a["dn_pinyin"].drop_nulls().implode()))
    named = rows.filter(own).join(worded.select("address_raw", "_mention", "word"), on="address_raw")
    by_name = named.filter(pl.col("pn_kind") == "full").join(
        a.filter(pl.col("dn_kind") == "full").select("_mention", "word", pl.col("dn_name").alias("pn_name")).unique(),
        on=["_mention", "word", "pn_name"], how="semi")
    by_pinyin = named.filter(pl.col("pn_kind") == "pinyin").join(
        a.filter(pl.col("dn_pinyin").is_not_null()).select("_mention", "word", pl.col("dn_pinyin").alias("pn_pinyin"))
        .unique(), on=["_mention", "word", "pn_pinyin"], how="semi")
    to_read = pl.concat([_ids(rows, door_addr), by_name.select("obs_id"), by_pinyin.select("obs_id")])["obs_id"]

    # Head counts: unread rows naming the estate (with its number, for a street number or a
    # stall) and the area's district or city, and rows read to the area key.
    counted = kw.filter(pl.col("word") != "")
    at_plain = worded.join(counted.filter(pl.col("_premises_no") == "").select("area_key", "_mention", "word"),
                           on=["_mention", "word"], how="inner").select("address_raw", "area_key")
    at_numbered = worded.explode("_number").join(
        counted.filter(pl.col("_premises_no") != "").select("area_key", "_mention", "word",
                                                            pl.col("_premises_no").alias("_number")),
        on=["_mention", "word", "_number"], how="inner").select("address_raw", "area_key")
    at = pl.concat([at_plain, at_numbered]).unique().join(rows.select("address_raw", "who"), on="address_raw")
    people = pl.concat([_read_people(obs, keys), at.select("area_key", "who")]).drop_nulls().unique()
    return to_read.unique(), people


def _read_people(obs: pl.DataFrame, keys: pl.DataFrame) -> pl.DataFrame:
    return (obs.select("area_key", pl.coalesce("pp_digits", "account_key", "pn_name").alias("who"))
            .filter(pl.col("area_key").is_in(keys["area_key"].implode())).drop_nulls())


def _area_keys(areas: pl.DataFrame) -> pl.DataFrame:
    return areas.select("area_key").unique().with_columns(_split("area_key")).filter(pl.col("_premises") != "")


def to_read(obs: pl.DataFrame, debtors: pl.DataFrame, doors: pl.DataFrame, areas: pl.DataFrame) -> pl.Series:
    """The rows ``plan`` says must be read."""
    return plan(obs, debtors, doors, areas)[0]


def people_at(obs: pl.DataFrame, areas: pl.DataFrame) -> pl.DataFrame:
    """(area_key, who) of the rows at each of ``areas`` (``plan``): rows read to that area
    key, and rows not read whose text names the estate (with its number, for a street
    number or a stall) and the area's district or city.  ``who``: full phone, account or name."""
    no_doors = pl.DataFrame(schema={"place_key": pl.Utf8})
    no_debtors = pl.DataFrame(schema={"id_number": pl.Utf8, "dn_name": pl.Utf8, "dn_kind": pl.Utf8,
                                      "dn_pinyin": pl.Utf8})
    return plan(obs, no_debtors, no_doors, areas)[1]


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
