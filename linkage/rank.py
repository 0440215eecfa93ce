"""Rank a debtor's linked observations into places and phones.

A place's score sums its observations' evidence, each weighted by link probability,
recency (half-life ``HALF_LIFE_DAYS``) and what kind of trace it is.  A residence
another one replaced (parcels to the new door began after the old door's stopped) keeps
only ``REPLACED_FACTOR`` of its score: people move, and an old home with many old
deliveries must not outrank the new one.  Lockers and stations are pick-up points,
never homes, but part of their evidence supports the residence in the same community.
Phones are ranked the same way: a number typed on parcels is evidence each time, an
account's bound phone once (it stays bound long after the number went out of use), and a
number that another one took over keeps ``REPLACED_FACTOR`` of its score.
"""
from __future__ import annotations

import functools
from datetime import date

import polars as pl

from linkage import addresses, calibration
from linkage import address_tokens as tok
from linkage import calibration_params as params
from linkage.score import LINK_THRESHOLD, NAME_COMPATIBLE

HALF_LIFE_DAYS = 180.0
SUCCESSOR_MIN_OBS = 2
SILENT_TRACES = 2.0
REPLACED_FACTOR = 0.3
SEND_WORK_SHARE = 0.3         # a door the debtor ships parcels from is a shop or a workshop
CHECKIN_ONLY = 0.3
ELSEWHERE_FACTOR = 0.3        # a parcel the debtor sent to someone else (see place_evidence)
PICKUP_SUPPORT = 0.3
EVENT_FACTOR = {"delivery": 1.0, "receive": 1.0, "checkin": 0.5, "send": 0.6}
DOOR_PRECISIONS = ("room", "building", "community", "road")
# Parcels to a door with no flat number (a bare road number, a market stall; not a
# village house) that come on weekdays in office hours are work deliveries: homes get
# theirs evenings and weekends.
DAYTIME_WORK_SHARE = 0.75

LOCATION_COLUMNS = [
    "id_number", "rank", "kind", "address", "province", "city", "district", "confidence",
    "first_seen", "last_seen", "n_observations", "sources", "place_key", "score", "best_link",
]
CONTACT_COLUMNS = ["id_number", "rank", "kind", "value", "confidence", "first_seen", "last_seen",
                   "n_observations", "sources", "score", "best_link"]


def _recency(as_of: date) -> pl.Expr:
    age = (pl.lit(calibration.end_of_day(as_of)) - pl.col("event_time")).dt.total_seconds() / 86400.0
    return (0.5 ** (age.clip(0.0, None) / HALF_LIFE_DAYS)).fill_null(0.0)


def place_evidence(links: pl.DataFrame, obs: pl.DataFrame, as_of: date) -> pl.DataFrame:
    """One row per (debtor, linked observation with a usable address) with its weight."""
    x = links.filter(pl.col("probability") >= LINK_THRESHOLD).join(obs, on="obs_id", how="inner")
    x = x.filter(pl.col("event").is_in(list(EVENT_FACTOR)) & pl.col("event_time").is_not_null())
    x = x.filter(pl.col("event_time") <= pl.lit(calibration.end_of_day(as_of)))
    factor = pl.col("event").replace_strict(EVENT_FACTOR, default=0.0, return_dtype=pl.Float64)
    # A parcel addressed to someone else from the debtor's account says little about where they are.
    factor = pl.when(_to_someone_else()).then(factor * ELSEWHERE_FACTOR).otherwise(factor)
    x = x.with_columns((pl.col("probability") * _recency(as_of) * factor).alias("w"))
    x = _read_in_debtors_city(x)
    pickup = pl.col("pickup").fill_null(False)
    x = x.with_columns(
        pl.when(pickup).then(pl.col("area_key"))
        .when(pl.col("place_key").is_not_null()).then(pl.col("place_key"))
        .when(pl.col("precision").is_in(DOOR_PRECISIONS)).then(pl.col("area_key"))
        .alias("place"),
        pickup.alias("is_pickup"),
    )
    x = x.filter(pl.col("place").is_not_null())
    weekday_day = (pl.col("event_time").dt.weekday() <= 5) & pl.col("event_time").dt.hour().is_between(9, 17)
    return x.with_columns(weekday_day.alias("daytime"),
                          pl.concat_str([pl.col("source_kind"), pl.lit(":"), pl.col("platform")]).alias("src"))


_REREAD = ("address", "province", "city", "district", "place_key", "area_key", "precision", "workplace_hint")


def _read_in_debtors_city(x: pl.DataFrame) -> pl.DataFrame:
    """Read a door with no city in the city of the debtor's other linked evidence.

    '南山区东方家园30幢4-2003' names a district of 深圳 and of 鹤岗, '五华雅居家园…' one of
    昆明 and a county of 梅州, '月园西路758号兰荷花苑1幢1501室' none: the parser cannot
    key them.  Written on a parcel linked to a debtor whose other traces are in 深圳, the
    door is in 深圳.  The text is read again with the city in front; it is kept only where
    exactly one of the debtor's cities gives it a door there, and, where the debtor is seen
    in several cities, only where the text's own district is one of that city's.
    """
    if "address_raw" not in x.columns or x.height == 0:
        return x
    todo = (pl.col("place_key").is_null() & pl.col("city").is_null() & ~pl.col("pickup").fill_null(False)
            & pl.col("precision").is_in(["room", "building"]) & pl.col("address_raw").is_not_null())
    texts = x.filter(todo).select("id_number", "address_raw").unique()
    if texts.height == 0:
        return x
    cities = (x.filter(pl.col("city").is_not_null()).select("id_number", "province", "city").unique()
              .join(texts.select("id_number").unique(), on="id_number", how="semi"))
    if cities.height == 0:
        return x
    cities = cities.with_columns(pl.len().over("id_number").alias("_n_cities"))
    cand = texts.join(cities, on="id_number", how="inner").with_columns(
        pl.concat_str([pl.when(pl.col("province") != pl.col("city")).then(pl.col("province")).otherwise(pl.lit("")),
                       pl.col("city"), pl.col("address_raw")]).alias("_text"))
    distinct = cand["_text"].unique()
    parsed = addresses.parse_addresses(distinct).select(pl.col("raw").alias("_text"), *_REREAD)
    cand = cand.join(parsed.rename({c: f"_{c}" for c in _REREAD}), on="_text", how="left")
    # Read in a city without such a district ('杭州市南山区东方家园'), the district stays in the
    # estate's name: no door there.
    division_left = pl.col("_place_key").str.split("|").list.get(1, null_on_oob=True).str.contains(
        r"^[\u4e00-\u9fff]{1,4}[区县旗][\u4e00-\u9fff]{2}")
    ok = (pl.col("_place_key").is_not_null() & (pl.col("_city") == pl.col("city"))
          & pl.col("_precision").is_in(["room", "building"])
          & (pl.col("_district").is_not_null() | ((pl.col("_n_cities") == 1) & ~division_left.fill_null(False))))
    cand = cand.filter(ok).filter(pl.len().over("id_number", "address_raw") == 1)
    if cand.height == 0:
        return x
    new = cand.select("id_number", "address_raw", *(pl.col(f"_{c}") for c in _REREAD))
    x = x.join(new, on=["id_number", "address_raw"], how="left")
    hit = todo & pl.col("_place_key").is_not_null()
    return x.with_columns([pl.when(hit).then(pl.col(f"_{c}")).otherwise(pl.col(c)).alias(c) for c in _REREAD]
                          ).drop([f"_{c}" for c in _REREAD])


def _to_someone_else() -> pl.Expr:
    """A linked parcel typed for someone else: another name, or only a surname ('文女士',
    '文**': the parents' too) or no name on a number that is not the debtor's."""
    return ((pl.col("lvl_recipient_name") == "mismatch") | (
        pl.col("lvl_recipient_name").is_in(["surname_only", "unknown"])
        & (pl.col("lvl_recipient_phone") == "mismatch"))).fill_null(False)


def _split_key(col: str) -> list[pl.Expr]:
    parts = pl.col(col).str.split("|")
    return [parts.list.get(i, null_on_oob=True).fill_null("").alias(f"{col}_{name}")
            for i, name in enumerate(("code", "premises", "building", "unit", "room"))]


def reconcile_places(ev: pl.DataFrame) -> pl.DataFrame:
    """Map each less specific spelling of a door onto the debtor's one more specific spelling.

    '金色家园' (no room), '台州市…君悦花苑16幢303' (district missing: city code) and
    '2幢501室' (unit missing), '环球大厦23楼' (a floor of '环球大厦2301室') join the debtor's
    only place that agrees on everything they do state.  Where two places could take it, it stays as it is rather than guess.
    """
    keys = ev.filter(~pl.col("is_pickup")).select("id_number", "place").unique()
    if keys.height == 0:
        return ev
    # A mapping only sends places onto places already there, so the doors left after one
    # step are the earlier ones less those it mapped: the pairs are joined once and thinned.
    pairs = _same_door_pairs(keys)
    for step in (_zone_door_in_district, _district_named_estate, _prefixed_premises, _shortened_estate,
                 _phase_left_out, _shortened_village_or_lane):
        mapping = step(pairs)
        if mapping.height:
            ev = _apply_mapping(ev, mapping)
            pairs = _without_mapped(pairs, mapping)
            keys = keys.join(mapping, on=["id_number", "place"], how="anti")
    for step in (_sub_numbered_street_number, _group_door_of_natural_village, _village_house_written_short,
                 _hamlet_door_of_group, _estate_part_in_dashes):
        mapping = step(keys)
        if mapping.height:
            ev = _apply_mapping(ev, mapping)
            keys = keys.join(mapping, on=["id_number", "place"], how="anti")
    a = keys.rename({"place": "src"}).with_columns(_split_key("src"))
    b = keys.rename({"place": "dst"}).with_columns(_split_key("dst"))
    j = a.join(b, left_on=["id_number", "src_premises"], right_on=["id_number", "dst_premises"], how="inner")
    j = j.filter(pl.col("src") != pl.col("dst"))
    city_level = _city_level()
    code_ok = _code_fits()
    fields_ok = pl.lit(True)
    more_specific = city_level & (pl.col("src_code") != pl.col("dst_code"))
    for f in ("building", "unit"):
        fields_ok = fields_ok & ((pl.col(f"src_{f}") == "") | (pl.col(f"src_{f}") == pl.col(f"dst_{f}")))
        more_specific = more_specific | ((pl.col(f"src_{f}") == "") & (pl.col(f"dst_{f}") != ""))
    # A floor ('23F', from '23楼') is less specific than a room on it ('2303').
    floor = pl.col("src_room").str.strip_suffix("F")
    floor_of_room = (pl.col("src_room").str.ends_with("F") & pl.col("dst_room").str.starts_with(floor)
                     & (pl.col("dst_room").str.len_chars() == floor.str.len_chars() + 2)
                     & pl.col("dst_room").str.contains(r"^\d+$"))
    fields_ok = fields_ok & ((pl.col("src_room") == "") | (pl.col("src_room") == pl.col("dst_room")) | floor_of_room)
    more_specific = more_specific | ((pl.col("src_room") == "") & (pl.col("dst_room") != "")) | floor_of_room
    j = j.filter(code_ok & fields_ok & more_specific)
    # Only the most specific targets, and only when there is exactly one.
    j = j.with_columns((pl.col("dst_building") != "").cast(pl.Int8).add((pl.col("dst_unit") != "").cast(pl.Int8))
                       .add((pl.col("dst_room") != "").cast(pl.Int8)).add(
                           (~pl.col("dst_code").str.ends_with("00")).cast(pl.Int8)).alias("spec"))
    j = j.filter(pl.col("spec") == pl.col("spec").max().over("id_number", "src"))
    return _firm_at_street_number(_estate_at_street_number(_apply_mapping(ev, _only_target(j))))


# A firm's premises as keyed when no street number is written ('瑞祥服装有限公司').
_FIRM_PREMISES = r"(?:公司|厂|商行|经营部|门市部|工作室|商店|店)$"


def _firm_at_street_number(ev: pl.DataFrame) -> pl.DataFrame:
    """Map a firm written by its name alone ('石狮市宝盖镇石狮瑞祥服装有限公司', keyed by the
    name) onto the debtor's street number written with it ('宝盖大道202号石狮瑞祥服装有限公司',
    keyed by the number, the firm a note on it): one workplace.  The street-number place's
    own observations must name the firm; where two numbers do, it stays."""
    if "address" not in ev.columns:
        return ev
    door = ~pl.col("is_pickup") & pl.col("place").is_not_null()
    keys = ev.filter(door).select("id_number", "place").unique()
    a = keys.rename({"place": "src"}).with_columns(_split_key("src"))
    b = keys.rename({"place": "dst"}).with_columns(_split_key("dst"))
    no_door = [pl.col(f"{c}_{f}") == "" for c in ("src", "dst") for f in ("building", "unit", "room")]
    a = a.filter(pl.col("src_premises").str.contains(_FIRM_PREMISES) & (pl.col("src_premises").str.len_chars() >= 5)
                 & no_door[0] & no_door[1] & no_door[2])
    b = b.filter(pl.col("dst_premises").str.contains(r"[0-9]号$") & no_door[3] & no_door[4] & no_door[5])
    if a.height == 0 or b.height == 0:
        return ev
    j = a.join(b, on="id_number", how="inner").filter(_code_fits())
    if j.height == 0:
        return ev
    texts = ev.filter(door).select("id_number", pl.col("place").alias("dst"), "address").drop_nulls().unique()
    j = j.join(texts, on=["id_number", "dst"], how="inner").filter(
        pl.col("address").str.contains(pl.col("src_premises"), literal=True))
    j = j.select("id_number", "src", "dst").unique()
    return _apply_mapping(ev, _only_target(j))


@functools.lru_cache(maxsize=1)
def _district_short_codes() -> pl.DataFrame:
    """(city4, prefix, prefix_code): the gazetteer's short names of each city's districts, as
    a table to join on (``addresses._district_shorts`` lists one city's for the parser, with
    the names it also strips that the gazetteer gives no short form)."""
    from linkage import gazetteer

    d = gazetteer.divisions().filter((pl.col("level") == 2) & pl.col("short").is_not_null()
                                     & (pl.col("short").str.len_chars().is_between(2, 3)))
    return d.select(pl.col("code").str.slice(0, 4).alias("city4"), pl.col("short").alias("prefix"),
                    pl.col("code").alias("prefix_code")).unique()


def _zone_door_in_district(pairs: pl.DataFrame) -> pl.DataFrame:
    """Map a door keyed under a development zone's statistical code (the gazetteer's
    ``xxxx7x``, '南通经济技术开发区' 320671) onto the debtor's same door, same premises, under a
    district of the same city ('崇川区…'): a zone is no district of the ID card, and people
    write the flat both ways.  Where two districts could take it, it stays."""
    zone = pl.col("src_code").str.slice(4, 1) == "7"
    district = (pl.col("dst_code").str.slice(4, 1) != "7") & ~pl.col("dst_code").str.ends_with("00")
    j = pairs.filter(zone & district & (pl.col("src_premises") == pl.col("dst_premises"))
                     & (pl.col("src_premises").str.len_chars() >= 2)
                     & ((pl.col("src_building") != "") | (pl.col("src_room") != ""))
                     & (pl.col("src_code").str.slice(0, 4) == pl.col("dst_code").str.slice(0, 4)))
    return _only_target(j)


def _district_named_estate(pairs: pl.DataFrame) -> pl.DataFrame:
    """Map a door whose estate lost a leading district name onto the debtor's same door in
    the estate named with it, written in another district: '汕头龙湖北豪庭6幢902' reads 龙湖区 +
    '北豪庭', '澄海区文冠路126号龙湖北豪庭6幢902房' says the estate is 龙湖北豪庭 in 澄海区;
    '银川西夏丽园2期…' (city code, '丽园2期') is '金凤区…西夏丽园二期…'.  The district the other
    spelling writes is not the one the name would be, so the name is the estate's own.
    Done before ``_prefixed_premises``, which would join them the other way."""
    j = pairs.filter((pl.col("src") != pl.col("dst"))
                     & ((pl.col("src_building") != "") | (pl.col("src_room") != "")))
    extra = pl.col("dst_premises").str.len_chars() - pl.col("src_premises").str.len_chars()
    j = j.filter(pl.col("dst_premises").str.ends_with(pl.col("src_premises")) & extra.is_between(2, 3)
                 & (pl.col("src_premises").str.len_chars() >= 2) & ~pl.col("dst_code").str.ends_with("00"))
    if j.height == 0:
        return _NO_MAPPING
    j = j.with_columns(pl.col("dst_premises").str.slice(0, extra).alias("prefix"),
                       pl.col("dst_code").str.slice(0, 4).alias("city4"))
    j = j.join(_district_short_codes(), on=["city4", "prefix"], how="inner")
    j = j.filter((pl.col("prefix_code") != pl.col("dst_code"))
                 & ((pl.col("src_code") == pl.col("prefix_code"))
                    | (pl.col("src_code") == pl.col("city4") + "00")))
    return _only_target(j)


# What a shortened estate name leaves out: its estate word ('华瑞' for 华瑞花园, '春汀' for 春汀海景苑).
_ESTATE_TAIL = r"^(?:[\u4e00-\u9fff]{0,2}(?:园|苑|城|府|居|庭|湾|阁|邸|景|都|小区|公寓|大院)|新村)$"


def _shortened_estate(pairs: pl.DataFrame) -> pl.DataFrame:
    """Map a door in an estate written without its estate word ('华瑞2期32-2-502', '润康19-3-401')
    onto the debtor's same door with it ('华瑞花园二期32幢2单元502室', '润康花园…'): buyers shorten
    the names they type every week.  The phase, where the short name writes one, is the same;
    where two estates could take it, it stays.  (A 新村's numbered part, '钟楼新村2区', is as a phase.)"""
    phase = r"[0-9]+(?:期|区)$"
    src_base = pl.col("src_premises").str.replace(phase, "")
    dst_base = pl.col("dst_premises").str.replace(phase, "")
    src_phase = pl.col("src_premises").str.extract("(" + phase + ")").fill_null("")
    dst_phase = pl.col("dst_premises").str.extract("(" + phase + ")").fill_null("")
    extra = dst_base.str.len_chars() - src_base.str.len_chars()
    j = pairs.filter(
        (pl.col("src") != pl.col("dst")) & (pl.col("src_building") != "") & _same_area()
        & (src_base.str.len_chars() >= 2) & src_base.str.contains(r"^[\u4e00-\u9fff]+$")
        & dst_base.str.starts_with(src_base) & extra.is_between(1, 3)
        & dst_base.str.slice(src_base.str.len_chars()).str.contains(_ESTATE_TAIL)
        & ((src_phase == dst_phase) | (src_phase == "")))
    return _only_target(j)


def _phase_left_out(pairs: pl.DataFrame) -> pl.DataFrame:
    """Map a door in an estate written without its phase ('民生小区22号楼2单元102室') onto the
    debtor's same door in one phase of it ('民生小区三期22号楼…'): most people leave the phase
    out.  Where two phases could take it, it stays."""
    j = pairs.filter(
        (pl.col("src") != pl.col("dst")) & ((pl.col("src_building") != "") | (pl.col("src_room") != ""))
        & (pl.col("src_premises").str.len_chars() >= 2) & ~pl.col("src_premises").str.contains(r"[0-9]期$")
        & (pl.col("dst_premises").str.replace(r"[0-9]+期$", "") == pl.col("src_premises"))
        & pl.col("dst_premises").str.contains(r"[0-9]期$") & _same_area())
    return _only_target(j)


def _prefixed_premises(pairs: pl.DataFrame) -> pl.DataFrame:
    """Map a door whose estate name carries a word before it onto the debtor's same door
    without it: '河西康美苑20幢4单元2702室' (a part of town) and '康美苑20幢4单元2702室',
    '建邺城嘉华庭…' (a district's short name run into the estate) and '城嘉华庭…'.

    The parser cannot tell a place word from the start of a name ('西湖花园'), but one
    debtor's two spellings of the same building, unit and room in one city are one flat.
    The word is one to four characters, what remains at least three; where two places could
    take it, it stays."""
    j = pairs
    extra = pl.col("src_premises").str.len_chars() - pl.col("dst_premises").str.len_chars()
    same_area = _same_area()
    j = j.filter(pl.col("src_premises").str.ends_with(pl.col("dst_premises")) & extra.is_between(1, 4)
                 & (pl.col("dst_premises").str.len_chars() >= 3)
                 & pl.col("src_premises").str.slice(0, extra).str.contains(r"^[\u4e00-\u9fff]+$")
                 & ((pl.col("src_building") != "") | (pl.col("src_room") != "")) & same_area
                 & ~pl.col("dst_premises").str.contains(_GENERIC_PREMISES))
    return _only_target(j)


def _shortened_village_or_lane(pairs: pl.DataFrame) -> pl.DataFrame:
    """Map a village house or a lane's door written short onto the debtor's same door
    written in full, where one debtor has both:

    - the natural village or group left out: '岸兜村112号' of '岸兜村顶社112号', '店背村上屋138号'
      of '店背村上屋组138号';
    - the village's 村 left out, after its town's name or not: '磁灶钱坡后社133号' and
      '钱坡后社133号' of '钱坡村后社133号', '小陆板六坡7号' of '小陆村板六坡7号';
    - a lane without its road: '会通巷60号' of '中山中路会通巷60号' (泉州's old town
      writes its lanes both ways, and a 街道 read as the town drops the road);
    - a natural village with its village's name before it, 村 left out: '小哨大村83号' of
      '大村83号' (how '小哨村委会大村83号' and '小哨村大村83号' key);
    - a village's own 村 left out: '于家疃105号' of '于家疃村105号'.

    Same building, unit and room, in the same area; where two doors could take it, it stays."""
    src, dst = pl.col("src_premises"), pl.col("dst_premises")
    j = pairs.filter(_same_area() & (src != dst) & (src.str.len_chars() >= 2))
    if j.height == 0:
        return _NO_MAPPING
    # the village part dropped: dst is src + the part
    tail = dst.str.slice(src.str.len_chars())
    part_dropped = (dst.str.starts_with(src) & src.str.ends_with("村")
                    & tail.str.contains("^" + tok.VILLAGE_PART_PATTERN + "$")) | (dst == src + pl.lit("组"))
    # the 村 dropped (and a town's name before it): src ends with dst without its 村
    bare = dst.str.replace(r"村(" + tok.VILLAGE_PART_PATTERN + ")$", "$1")
    extra = src.str.len_chars() - bare.str.len_chars()
    village_short = (dst.str.contains(r"^[\u4e00-\u9fff]{2,3}村" + tok.VILLAGE_PART_PATTERN + "$") & ~src.str.contains("村")
                     & src.str.ends_with(bare) & extra.is_between(0, 4)
                     & (src.str.slice(0, extra).str.contains(r"^[\u4e00-\u9fff]*$")))
    # the road dropped before a lane's door
    lane = (src.str.contains(r"^[\u4e00-\u9fff]{1,4}巷\d+号$") & dst.str.ends_with(src)
            & dst.str.slice(0, dst.str.len_chars() - src.str.len_chars()).str.contains(
                r"^[\u4e00-\u9fff]{1,6}(?:路|街|大街|道)$"))
    # the village written before its natural village without 村 ('小哨大村83号' of '大村83号',
    # which '小哨村委会大村' and '小哨村大村' key as): the natural village is the key
    lead = src.str.slice(0, src.str.len_chars() - dst.str.len_chars())
    natural = (dst.str.contains(r"^[\u4e00-\u9fff]{1,3}(?:村|庄|塘|头|宅|浜|墩|圩)$") & src.str.ends_with(dst)
               & lead.str.contains(r"^[\u4e00-\u9fff]{2,4}$") & ~lead.str.contains("村"))
    # a village's own 村 left out ('福新40号', '于家疃105号' of '福新村40号', '于家疃村105号')
    own_cun = (dst == src + pl.lit("村")) & (pl.col("src_unit") == "") & (pl.col("src_room") == "")
    # ... also before a natural village of any name, for a village house ('白塘双福上林155号' and
    # '东甲宫下79号' of '双福村上林155号', '东甲村宫下79号': 莆田 names its natural villages freely)
    bare_any = dst.str.replace(r"^([\u4e00-\u9fff]{2,3})村([\u4e00-\u9fff]{2,3})$", "$1$2")
    extra_any = src.str.len_chars() - bare_any.str.len_chars()
    village_short_any = (dst.str.contains(r"^[\u4e00-\u9fff]{2,3}村[\u4e00-\u9fff]{2,3}$") & ~src.str.contains("村")
                         & src.str.ends_with(bare_any) & extra_any.is_between(0, 4)
                         & src.str.slice(0, extra_any).str.contains(r"^[\u4e00-\u9fff]*$")
                         & (pl.col("src_unit") == "") & (pl.col("src_room") == "")
                         & ((pl.col("src_code") == pl.col("dst_code")) | pl.col("src_code").str.ends_with("00")))
    # a hamlet written after its village without the group word ('禾溪村新屋130号' of '禾溪村新屋组
    # 130号', which keys as the hamlet '新屋村')
    hamlet = src.str.extract(r"^[\u4e00-\u9fff]{2,4}村([\u4e00-\u9fff]{1,3})$")
    hamlet_after_village = (((hamlet + pl.lit("村")) == dst) | (hamlet == dst)) \
        & (pl.col("src_unit") == "") & (pl.col("src_room") == "")
    # ... or its village's name run into it ('朱岭小坝48号' of '小坝村48号', the hamlet 小坝 of 朱岭村)
    bare_hamlet = dst.str.strip_suffix("村")
    lead_hamlet = src.str.slice(0, src.str.len_chars() - bare_hamlet.str.len_chars())
    # (also a group's house with its town's name run into its village: '蔡市南集7组95号' of '南集村7组95号')
    hamlet_glued = (dst.str.contains(r"^[\u4e00-\u9fff]{2,3}村$") & src.str.ends_with(bare_hamlet)
                    & lead_hamlet.str.contains(r"^[\u4e00-\u9fff]{2,4}$") & ~src.str.contains("村")
                    & (pl.col("src_unit") == "")
                    & ((pl.col("src_room") == "") | pl.col("src_building").str.ends_with("组")))
    # a town's name run into a village's row street ('史召黄滩村后街94号' of '黄滩村后街94号')
    row_street = (dst.str.contains(r"^[\u4e00-\u9fff]{2,4}村[前后东西南北中新老大]街[0-9]+号$") & src.str.ends_with(dst)
                  & src.str.slice(0, src.str.len_chars() - dst.str.len_chars()).str.contains(r"^[\u4e00-\u9fff]{2,4}$"))
    j = j.filter(part_dropped | village_short | village_short_any | lane | natural | own_cun
                 | hamlet_after_village.fill_null(False) | hamlet_glued | row_street)
    return _only_target(j)


def _sub_numbered_street_number(keys: pl.DataFrame) -> pl.DataFrame:
    """Map a bare street number ('民族路119号') onto the debtor's one sub-number of it
    ('民族路119号附9号', keyed '民族路119-9号'): the sub-number is often left out.  In the same
    area; where two sub-numbers could take it, it stays."""
    bare = (pl.col("src_building") == "") & (pl.col("src_unit") == "") & (pl.col("src_room") == "")
    a = keys.rename({"place": "src"}).with_columns(_split_key("src")).filter(
        bare & pl.col("src_premises").str.contains(r"[^0-9-][0-9]+号$"))
    if a.height == 0:
        return _NO_MAPPING
    b = keys.rename({"place": "dst"}).with_columns(_split_key("dst")).filter(
        (pl.col("dst_building") == "") & (pl.col("dst_unit") == "") & (pl.col("dst_room") == "")
        & pl.col("dst_premises").str.contains(r"[^0-9-][0-9]+-[0-9]+号$"))
    b = b.with_columns(pl.col("dst_premises").str.replace(r"-[0-9]+号$", "号").alias("_at"))
    j = a.join(b, left_on=["id_number", "src_premises"], right_on=["id_number", "_at"], how="inner")
    return _only_target(j.filter(_same_area()))


def _group_door_of_natural_village(keys: pl.DataFrame) -> pl.DataFrame:
    """Map a village house written by its group ('长岭村8组24号') onto the debtor's natural
    village with the same house number ('彭家屋场24号', as '长岭村8组彭家屋场24号' keys): people
    write a rural door both ways.  In the same area; where two could take it, it stays."""
    a = _group_doors(keys, "src")
    if a.height == 0:
        return _NO_MAPPING
    # Not a natural village named …村: another village's house with the same number
    # (a parent's) could not be told from it.
    b = keys.rename({"place": "dst"}).with_columns(_split_key("dst")).filter(
        pl.col("dst_premises").str.contains(r"^[\u4e00-\u9fff]{1,3}" + tok.NATURAL_VILLAGE_SUFFIX + "$")
        & ~pl.col("dst_premises").str.ends_with("村") & (pl.col("dst_unit") == "") & (pl.col("dst_room") == ""))
    j = a.join(b, left_on=["id_number", "src_room"], right_on=["id_number", "dst_building"], how="inner")
    # The village itself written without its group ('徐庄村132号', keyed '徐庄' as '徐庄132号' is)
    # is no natural village: that house joins the group's door instead.
    own = ((pl.col("dst_premises") + "村") == pl.col("src_premises")) | (pl.col("dst_premises") == pl.col("src_premises"))
    to_group = j.filter(own & _same_area()).select(
        "id_number", pl.col("dst").alias("src"), pl.col("src").alias("dst"))
    return pl.concat([_only_target(j.filter(~own & _same_area())), _only_target(to_group)])


def _hamlet_door_of_group(keys: pl.DataFrame) -> pl.DataFrame:
    """Map a village house written by its hamlet ('油榨村坡脚寨46号', '和平村黄泥冲54号': a name the
    parser does not know for a hamlet's) onto the debtor's same house written by its group
    ('油榨村8组46号'): the group is the house's address of record, the hamlet's name the
    neighbours'.  (A hamlet the parser knows, '彭家屋场', keys alone: see
    ``_group_door_of_natural_village``.)  In the same area; where two groups could take it, it stays."""
    a = _group_doors(keys, "dst")
    if a.height == 0:
        return _NO_MAPPING
    b = keys.rename({"place": "src"}).with_columns(_split_key("src")).filter(
        pl.col("src_building").str.contains(r"^[0-9]+$") & (pl.col("src_unit") == "") & (pl.col("src_room") == ""))
    j = b.join(a, left_on=["id_number", "src_building"], right_on=["id_number", "dst_room"], how="inner").filter(
        pl.col("src_premises").str.starts_with(pl.col("dst_premises"))
        & (pl.col("src_premises").str.len_chars() - pl.col("dst_premises").str.len_chars()).is_between(1, 4))
    return _only_target(j.filter(_same_area()))


def _estate_part_in_dashes(keys: pl.DataFrame) -> pl.DataFrame:
    """Map a flat of an estate's numbered part written in dashes ('石城新村5-11-301', read as
    building 5, unit 11) onto the debtor's same flat written with the part ('石城新村5区11栋301室'):
    one debtor's both spellings are one flat.  In the same area; where two could take it, it stays."""
    a = keys.rename({"place": "src"}).with_columns(_split_key("src")).filter(
        pl.col("src_building").str.contains(r"^[0-9]+$") & pl.col("src_unit").str.contains(r"^[0-9]+$")
        & (pl.col("src_room") != ""))
    if a.height == 0:
        return _NO_MAPPING
    b = keys.rename({"place": "dst"}).with_columns(_split_key("dst")).filter(
        pl.col("dst_premises").str.contains(r"[0-9]+区$") & (pl.col("dst_unit") == "")).with_columns(
        pl.col("dst_premises").str.replace(r"[0-9]+区$", "").alias("_estate"),
        pl.col("dst_premises").str.extract(r"([0-9]+)区$").alias("_part"))
    j = a.join(b, left_on=["id_number", "src_premises", "src_building", "src_unit", "src_room"],
               right_on=["id_number", "_estate", "_part", "dst_building", "dst_room"], how="inner")
    return _only_target(j.filter(_same_area()))


def _group_doors(keys: pl.DataFrame, side: str) -> pl.DataFrame:
    """The debtors' village houses written by their group ('油榨村|8组||46'), split, as ``side``."""
    return keys.rename({"place": side}).with_columns(_split_key(side)).filter(
        _village_premises(f"{side}_premises") & pl.col(f"{side}_building").str.contains(r"^[0-9]+组$")
        & (pl.col(f"{side}_unit") == "") & pl.col(f"{side}_room").str.contains(r"^[0-9]+$"))


def _village_premises(col: str) -> pl.Expr:
    """An administrative village's premises: '…村', or a village named for a hamlet, keyed
    without its 村 ('徐庄', '溪头')."""
    return pl.col(col).str.ends_with("村") | pl.col(col).str.contains(
        r"^[\u4e00-\u9fff]{1,3}" + tok.NAMED_PLACE_SUFFIX + "$")


def _village_house_written_short(keys: pl.DataFrame) -> pl.DataFrame:
    """Map a village house written without its group or its row street ('饶阳里村5号',
    '上营村89号') onto the debtor's one door of that village with the same house number that
    names them ('饶阳里社区8组5号', keyed '饶阳里村|8组||5'; 河北's '上营村新街89号').  In the
    same area; where two could take it, it stays."""
    a = keys.rename({"place": "src"}).with_columns(_split_key("src")).filter(
        _village_premises("src_premises") & pl.col("src_building").str.contains(r"^[0-9]+$")
        & (pl.col("src_unit") == "") & (pl.col("src_room") == ""))
    if a.height == 0:
        return _NO_MAPPING
    b = keys.rename({"place": "dst"}).with_columns(_split_key("dst"))
    j1 = a.join(_group_doors(keys, "dst"), left_on=["id_number", "src_premises", "src_building"],
                right_on=["id_number", "dst_premises", "dst_room"], how="inner")
    street = b.filter((pl.col("dst_building") == "") & (pl.col("dst_unit") == "") & (pl.col("dst_room") == "")
                      & pl.col("dst_premises").str.contains(r"村[前后东西南北中新老大]街[0-9]+号$")).with_columns(
        pl.col("dst_premises").str.extract(r"^(.+村)[前后东西南北中新老大]街[0-9]+号$").alias("_village"),
        pl.col("dst_premises").str.extract(r"街([0-9]+)号$").alias("_no"))
    j2 = a.join(street, left_on=["id_number", "src_premises", "src_building"],
                right_on=["id_number", "_village", "_no"], how="inner")
    j = pl.concat([j1.select("id_number", "src", "dst", "src_code", "dst_code"),
                   j2.select("id_number", "src", "dst", "src_code", "dst_code")])
    return _only_target(j.filter(_same_area()))


# What is left when a name is dropped ('大胡同小商品市场' without 大胡同): a kind of place, not one.
_GENERIC_PREMISES = (r"^[\u4e00-\u9fff]{0,3}(?:" + tok.MARKET_WORDS + r"|小区|花园|家园|公寓|新村|广场|大厦|大楼|中心"
                     r"|宿舍|住宅区|批发市场|商品市场)$")


def _same_door_pairs(keys: pl.DataFrame) -> pl.DataFrame:
    """Each debtor's pairs of places (``src``, ``dst``, split into their parts) with the same
    building, unit and room, whatever their premises."""
    a = keys.rename({"place": "src"}).with_columns(_split_key("src"))
    b = keys.rename({"place": "dst"}).with_columns(_split_key("dst"))
    return a.join(b, left_on=["id_number", "src_building", "src_unit", "src_room"],
                  right_on=["id_number", "dst_building", "dst_unit", "dst_room"], how="inner")


def _without_mapped(pairs: pl.DataFrame, mapping: pl.DataFrame) -> pl.DataFrame:
    """``pairs`` less those with a place ``mapping`` sent elsewhere (it has no rows left)."""
    gone = mapping.select("id_number", "place")
    pairs = pairs.join(gone, left_on=["id_number", "src"], right_on=["id_number", "place"], how="anti")
    return pairs.join(gone, left_on=["id_number", "dst"], right_on=["id_number", "place"], how="anti")


_NO_MAPPING = pl.DataFrame(schema={"id_number": pl.Utf8, "place": pl.Utf8, "_to": pl.Utf8})


def _only_target(j: pl.DataFrame) -> pl.DataFrame:
    """(id_number, place, _to) for each source place (``src``) with exactly one target (``dst``).
    A target keyed at its city's code is no second target beside the same door keyed at a
    district of that city (the final reconciliation joins the two)."""
    code = pl.col("dst").str.split_exact("|", 1).struct.field("field_0")
    rest = pl.col("dst").str.slice(code.str.len_chars())
    j = j.with_columns(code.alias("_code"), rest.alias("_rest"))
    city = pl.col("_code").str.ends_with("00")
    shadowed = city & (~city).any().over("id_number", "src", "_rest", pl.col("_code").str.slice(0, 4))
    j = j.filter(~shadowed)
    mapping = j.group_by("id_number", "src").agg(pl.col("dst").unique()).filter(pl.col("dst").list.len() == 1)
    return mapping.select("id_number", pl.col("src").alias("place"), pl.col("dst").list.first().alias("_to"))


def _apply_mapping(ev: pl.DataFrame, mapping: pl.DataFrame) -> pl.DataFrame:
    ev = ev.join(mapping, on=["id_number", "place"], how="left")
    return ev.with_columns(pl.when(~pl.col("is_pickup") & pl.col("_to").is_not_null()).then(pl.col("_to"))
                           .otherwise(pl.col("place")).alias("place")).drop("_to")


def _same_area() -> pl.Expr:
    """The source's and target's admin codes are the same, or one is its city's code."""
    same_city = pl.col("src_code").str.slice(0, 4) == pl.col("dst_code").str.slice(0, 4)
    return (pl.col("src_code") == pl.col("dst_code")) | (
        same_city & (pl.col("src_code").str.ends_with("00") | pl.col("dst_code").str.ends_with("00")))


def _city_level() -> pl.Expr:
    return pl.col("src_code").str.ends_with("00") & ~pl.col("dst_code").str.ends_with("00")


def _code_fits() -> pl.Expr:
    """The source's admin code is the target's, or a city-level code the target's district is in."""
    city_level = _city_level()
    # '上海市新城雅苑…' carries the municipality's code 310000: it fits any of its districts.
    municipality = pl.col("src_code").str.ends_with("0000") & (
        pl.col("src_code").str.slice(0, 2) == pl.col("dst_code").str.slice(0, 2))
    return (pl.col("src_code") == pl.col("dst_code")) | (
        city_level & (pl.col("src_code").str.slice(0, 4) == pl.col("dst_code").str.slice(0, 4))) | (
        city_level & municipality)


def _estate_at_street_number(ev: pl.DataFrame) -> pl.DataFrame:
    """Map a door keyed by its street number onto the debtor's door in the estate at that number.

    '深南中路27号29幢2单元2101室' is keyed by the street number ('440304|深南中路27号|29|2|2101'),
    '深南中路27号紫荆花园29幢2单元2101室' by the estate ('440304|紫荆花园|29|2|2101'): one flat.
    The street-number place joins the estate place when that place's own observations give
    the same road and number (their canonical addresses, parsed again), the admin code
    fits, and building, unit and room are the same (a door, not a bare premises).  Where
    two estate places could take it, it stays.
    """
    if "address" not in ev.columns:
        return ev
    door = ~pl.col("is_pickup") & pl.col("place").is_not_null()
    keys = ev.filter(door).select("id_number", "place").unique()
    j = _same_door_pairs(keys)
    j = j.filter((pl.col("src_premises") != pl.col("dst_premises")) & pl.col("src_premises").str.ends_with("号")
                 & ((pl.col("src_building") != "") | (pl.col("src_room") != "")) & _code_fits())
    if j.height == 0:
        return ev
    # The road and number each candidate estate place's observations name.
    texts = (ev.filter(door).join(j.select("id_number", pl.col("dst").alias("place")).unique(),
                                  on=["id_number", "place"], how="semi")
             .select("id_number", pl.col("place").alias("dst"), "address").drop_nulls().unique())
    if texts.height == 0:
        return ev
    parsed = addresses.parse_addresses(texts["address"])
    at = texts.with_columns(
        pl.Series("_community", parsed["community"], dtype=pl.Utf8),
        pl.concat_str([pl.Series(parsed["road"], dtype=pl.Utf8), pl.Series(parsed["road_no"], dtype=pl.Utf8)])
        .alias("_at")).filter(pl.col("_community").is_not_null() & pl.col("_at").is_not_null())
    at = at.select("id_number", "dst", "_at").unique()
    j = j.join(at, left_on=["id_number", "dst", "src_premises"], right_on=["id_number", "dst", "_at"], how="semi")
    mapping = _only_target(j)
    if "area_key" in ev.columns:
        # The rows now belong to the estate's neighbourhood (its lockers support this home).
        area = pl.col("_to").str.split("|").list.slice(0, 2).list.join("|")
        ev = ev.join(mapping.with_columns(area.alias("_area")), on=["id_number", "place"], how="left")
        ev = ev.with_columns(pl.coalesce("_area", "area_key").alias("area_key")).drop("_to", "_area")
    return _apply_mapping(ev, mapping)


def _active_days() -> list[pl.Expr]:
    """Aggregations for ``_succession``: when a place (or phone) began and ended, by day.
    One parcel sent ahead to a new door (furniture before moving in) does not date its
    beginning, as one parcel still sent to the old door after moving out does not date its
    end, even when each shows up twice (the order and its waybill)."""
    days = pl.col("event_time").drop_nulls().dt.date().unique().sort()
    n = days.len()
    return [
        pl.when(n >= 3).then(days.get(1, null_on_oob=True)).otherwise(days.first()).alias("_began"),
        pl.when(n >= 3).then(days.reverse().get(1, null_on_oob=True)).otherwise(days.last()).alias("_ended"),
    ]


def _succession(places: pl.DataFrame, as_of: date, kind: str = "residence", key: str = "place") -> pl.DataFrame:
    """Discount a residence (or a phone: ``kind``, ``key``) that another one replaced: a
    home whose parcels only began (twice or more) after this one's had stopped.  People
    move and change numbers; a relative's flat or a hotel visited alongside the home does
    not replace it, nor does a second phone in use alongside the first.  A single parcel to
    a new door replaces a home only when that home has gone quiet against its own rhythm:
    it would have had ``SILENT_TRACES`` or more parcels since it stopped (a mover's first
    parcel at the new flat, while the old one, busy for a year, has had none for months).
    A parcel seen twice (the order and its waybill) counts twice here: counted once, on the
    thirteen tuning worlds it kept 3 to 4 movers a world at the old flat (the tenth and
    ninth generators') and gained at most one debtor on any other.  Needs the columns of
    ``_active_days``."""
    res = places.filter(pl.col("kind") == kind)
    if res.height == 0:
        return places
    estate = pl.col("area_key") if "area_key" in res.columns else pl.lit(None, pl.Utf8)
    a = res.select("id_number", pl.col(key).alias("_key"), estate.alias("_estate"), pl.col("_ended").alias("ended"),
                   calibration.missed_traces(as_of).alias("missed"))
    b = res.select("id_number", pl.col(key).alias("successor"), pl.col("_began").alias("began"),
                   pl.col("n_observations").alias("successor_n"))
    # Parcels to the door's own estate with no flat written (or to a gate the parser does
    # not know as a pick-up point) are no move out of it.
    same_estate = (pl.col("successor") == pl.col("_estate")).fill_null(False)
    replaced = (a.join(b, on="id_number").filter(
        (pl.col("successor") != pl.col("_key")) & ~same_estate & (pl.col("began") > pl.col("ended"))
        & ((pl.col("successor_n") >= SUCCESSOR_MIN_OBS) | (pl.col("missed") >= SILENT_TRACES)))
                .select("id_number", pl.col("_key").alias(key)).unique().with_columns(pl.lit(True).alias("_replaced")))
    places = places.join(replaced, on=["id_number", key], how="left")
    return places.with_columns(
        pl.when(pl.col("_replaced") & (pl.col("kind") == kind)).then(pl.col("score") * REPLACED_FACTOR)
        .otherwise(pl.col("score")).alias("score")).drop("_replaced")


def location_evidence(links: pl.DataFrame, obs: pl.DataFrame, as_of: date) -> pl.DataFrame:
    """Which linked observation supports which ranked place, with its weight: the rows
    behind each place after less specific spellings joined their door (see
    ``reconcile_places``), for tracing a lead back to its file lines."""
    ev = place_evidence(links, obs, as_of)
    if ev.height == 0:
        return pl.DataFrame(schema=EVIDENCE_SCHEMA)
    ev = reconcile_places(ev)
    return ev.select("id_number", "obs_id", pl.col("place").alias("place_key"), pl.col("w").alias("weight")).cast(
        EVIDENCE_SCHEMA)


EVIDENCE_SCHEMA = {"id_number": pl.Utf8, "obs_id": pl.Utf8, "place_key": pl.Utf8, "weight": pl.Float64}


def rank_locations(links: pl.DataFrame, obs: pl.DataFrame, as_of: date) -> pl.DataFrame:
    ev = place_evidence(links, obs, as_of)
    if ev.height == 0:
        return pl.DataFrame(schema={c: pl.Utf8 for c in LOCATION_COLUMNS}).cast(
            {"rank": pl.Int32, "confidence": pl.Float64, "n_observations": pl.Int32, "score": pl.Float64,
             "best_link": pl.Float64, "first_seen": pl.Datetime("us"), "last_seen": pl.Datetime("us")})
    ev = reconcile_places(ev)
    places = ev.group_by("id_number", "place").agg(
        pl.col("w").sort().sum().alias("score"),
        pl.len().alias("n_observations"),
        pl.col("event_time").min().alias("first_seen"),
        pl.col("event_time").max().alias("last_seen"),
        *_active_days(),
        pl.col("src").unique().sort().str.join(", ").alias("sources"),
        # Shown as written by the traces that name the door in full, where some do ('平阳北街书院巷45号',
        # not the '书院巷45号' joined to it).
        pl.coalesce(pl.col("address").filter(pl.col("place_key") == pl.col("place")).mode().sort().first(),
                    pl.col("address").mode().sort().first()).alias("address"),
        pl.col("province").drop_nulls().mode().sort().first().alias("province"),
        pl.col("city").drop_nulls().mode().sort().first().alias("city"),
        pl.col("district").drop_nulls().mode().sort().first().alias("district"),
        # Row order differs between a night in memory and on disk: every pick is by value.
        pl.col("area_key").drop_nulls().mode().sort().first().alias("area_key"),
        pl.col("is_pickup").mean().alias("pickup_share"),
        # The parcels alone may tell what the place is where check-ins name only its
        # building ('嘉华国际大厦' against '嘉华国际大厦23层2302室'), and the other way round
        # ('工星南路58号' against the check-in's '工星南路58号 合肥正泰贸易有限公司').
        pl.max_horizontal(
            pl.col("workplace_hint").fill_null(False).filter(pl.col("event") != "checkin").mean().fill_null(0.0),
            pl.col("workplace_hint").fill_null(False).mean()).alias("work_share"),
        (pl.col("event") == "send").mean().alias("send_share"),
        (pl.col("event") == "checkin").mean().alias("checkin_share"),
        pl.col("daytime").mean().alias("daytime_share"),
        pl.col("probability").max().alias("best_link"),
    )
    places = places.with_columns(
        pl.when(pl.col("pickup_share") >= 0.5).then(pl.lit("pickup_point"))
        # A flat in a unit (3单元501室) is a home whatever the road is called (商城巷).
        .when(pl.col("place").str.contains(r"^[^|]*\|[^|]*\|[^|]*\|[^|]+\|")).then(pl.lit("residence"))
        .when((pl.col("work_share") >= 0.5)
              | (((pl.col("send_share") >= SEND_WORK_SHARE) | ((pl.col("daytime_share") >= DAYTIME_WORK_SHARE)
                                                             & ~pl.col("place").str.contains(r"\|[^|]+$")))
                 # A village house is a home that parcels also leave from and come to by day.
                 & ~pl.col("place").str.contains(r"^[^|]*\|[^|]*(?:" + tok.NATURAL_VILLAGE_SUFFIX
                                                 + r"|组|寨|屯|社)(\||$)")))
        .then(pl.lit("workplace"))
        .otherwise(pl.lit("residence")).alias("kind")
    )
    # Pick-up points nearby support the home in the same community.
    support = places.filter(pl.col("kind") == "pickup_point").group_by("id_number", "area_key").agg(
        (pl.col("score").sort().sum() * PICKUP_SUPPORT).alias("pickup_support")
    )
    places = places.join(support, on=["id_number", "area_key"], how="left").with_columns(
        pl.when(pl.col("kind") == "residence").then(pl.col("score") + pl.col("pickup_support").fill_null(0.0))
        .otherwise(pl.col("score")).alias("score")
    )
    # Where only check-ins happened (a restaurant, a mall) no parcel ever went: not a home.
    places = places.with_columns(
        (pl.col("score") * pl.when(pl.col("checkin_share") >= 1.0).then(CHECKIN_ONLY).otherwise(1.0)).alias("score"))
    places = _succession(places, as_of)
    places = _rank_by_confidence(places.rename({"place": "place_key"}), "place_key", as_of,
                                 lambda: calibration.confidence_expr(params.LOCATIONS))
    return places.select(
        "id_number", "rank", "kind", "address", "province", "city", "district", "confidence", "first_seen",
        "last_seen", pl.col("n_observations").cast(pl.Int32), "sources", "place_key", "score",
        "best_link",
    )


def rank_contacts(links: pl.DataFrame, obs: pl.DataFrame, debtors: pl.DataFrame, as_of: date) -> pl.DataFrame:
    """Phones ranked by recent, linked use; roster phones count only as far as evidence supports them."""
    x = links.filter(pl.col("probability") >= LINK_THRESHOLD).join(obs, on="obs_id", how="inner")
    x = x.with_columns((pl.col("probability") * _recency(as_of)).alias("w"),
                       pl.concat_str([pl.col("source_kind"), pl.lit(":"), pl.col("platform")]).alias("src"))
    # An account's bound phone is one fact about the account, however many orders or
    # logins repeat it (and an old number stays bound long after it went out of use): it
    # counts once, as of the account's latest linked trace.  A number typed on a parcel is
    # a fact of its own each time: the courier must reach the recipient on it.
    acc = x.filter((pl.col("via") == "account") & pl.col("ap_kind").is_in(["mobile", "landline"])).select(
        "id_number", pl.col("ap_digits").alias("value"), "w", "event_time", "src", "obs_id", "account_key")
    acc = acc.sort(["w", "obs_id"], descending=[True, False]).unique(
        ["id_number", "value", "account_key"], keep="first", maintain_order=True).drop("account_key")
    # A family member's phone places the parcel but is not the debtor's own number, nor does
    # a parcel typed for someone else ('茹女士' on a number no trace ties to the debtor: the
    # parents' parcels from the debtor's account read so too).
    rec = x.filter(pl.col("lvl_recipient_name").is_in(NAME_COMPATIBLE) & ~_to_someone_else()
                   & pl.col("pp_kind").is_in(["mobile", "landline"])
                   & (pl.col("lvl_recipient_phone") != "household")).select("id_number", pl.col("pp_digits").alias("value"), "w", "event_time", "src", "obs_id")
    seen = pl.concat([acc, rec]).unique(["id_number", "value", "obs_id"])
    roster = debtors.select("id_number", pl.col("roster_phones").alias("value")).explode("value").drop_nulls()
    roster = roster.with_columns(pl.lit(0.05).alias("w"), pl.lit(None, pl.Datetime("us")).alias("event_time"),
                                 pl.lit("roster").alias("src"), pl.lit(None, pl.Utf8).alias("obs_id"))
    seen = seen.join(x.select("id_number", "obs_id", "probability").unique(["id_number", "obs_id"]),
                     on=["id_number", "obs_id"], how="left")
    roster = roster.with_columns(pl.lit(None, pl.Float64).alias("probability"))
    ev = pl.concat([seen, roster.select(seen.columns)])
    phones = ev.group_by("id_number", "value").agg(
        pl.col("w").sort().sum().alias("score"),
        pl.col("obs_id").drop_nulls().n_unique().cast(pl.Int32).alias("n_observations"),
        pl.col("event_time").min().alias("first_seen"),
        pl.col("event_time").max().alias("last_seen"),
        *_active_days(),
        pl.col("src").unique().sort().str.join(", ").alias("sources"),
        pl.col("probability").max().fill_null(0.0).alias("best_link"),
    ).with_columns(pl.lit("phone").alias("kind"))
    # A roster phone seen on no linked trace is no lead: the court already has it, and half
    # of roster phones are old.  Seen again, it gets a small lift over a number never listed.
    phones = phones.filter(pl.col("n_observations") > 0)
    phones = _succession(phones, as_of, kind="phone", key="value").drop("_began", "_ended")
    accounts = (
        x.filter((pl.col("via") == "account") & pl.col("account_key").is_not_null())
        .group_by("id_number", pl.col("account_key").alias("value"))
        .agg(pl.col("probability").max().alias("best_link"), pl.len().cast(pl.Int32).alias("n_observations"),
             pl.col("event_time").min().alias("first_seen"), pl.col("event_time").max().alias("last_seen"),
             pl.col("src").sort().first().alias("sources"))
        .with_columns(pl.lit("account").alias("kind"), pl.col("best_link").alias("score"))
    )
    out = pl.concat([phones.select(accounts.columns), accounts])
    # An account's confidence is its link probability: the account is verified to one person.
    out = _rank_by_confidence(out, "value", as_of, lambda: pl.when(pl.col("kind") == "account").then(
        pl.col("best_link")).otherwise(calibration.confidence_expr(params.CONTACTS)))
    return out.select(CONTACT_COLUMNS)


def _rank_by_confidence(rows: pl.DataFrame, key: str, as_of: date, confidence) -> pl.DataFrame:
    """Rank each debtor's places (or phones) of a kind, and give each its confidence.

    The score orders by evidence; the calibrated model also weighs what the score leaves
    out (a door gone silent against its own rhythm, a first parcel at a new flat after a
    busy old one went quiet, how thin the evidence is), and officers should get the places
    in the order of how likely each is right.  So the places are first ranked by score and
    given a confidence, then ranked by that confidence (score, then key, breaking ties), and
    their confidence is computed again for the new ranks (the rank and the margin over the
    runner-up are features).  Measured on seven generated worlds, taking the most confident
    place first is right more often than taking the highest score on every one of them.
    """
    by = ["id_number", "kind"]
    rank = pl.int_range(1, pl.len() + 1).over(*by).cast(pl.Int32).alias("rank")
    rows = rows.sort([*by, "score", key], descending=[False, False, True, False]).with_columns(rank)
    rows = calibration.place_features(rows, as_of).with_columns(confidence().alias("confidence"))
    rows = rows.sort([*by, "confidence", "score", key], descending=[False, False, True, True, False]).with_columns(rank)
    rows = rows.drop([c for c in rows.columns if c.startswith("f_")] + ["confidence"])
    return calibration.place_features(rows, as_of).with_columns(confidence().alias("confidence"))
