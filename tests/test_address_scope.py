"""Which unread addresses later passes read (address_scope), and the estate head count."""
import polars as pl

from linkage import address_scope, prepare
from sources.schema import OBSERVATION_SCHEMA, ROSTER_SCHEMA

from test_linkage import obs, roster

DEBTOR_ID = "330102199001011237"
DOOR = "330106|金色家园|2|3|501"        # 浙江省杭州市西湖区 金色家园 2幢3单元501室
AREA = "330106|金色家园"


def prepared(rows):
    return prepare.prepare_observations(pl.DataFrame(rows, schema=OBSERVATION_SCHEMA), with_addresses=False)


def debtors(name="茹小明"):
    d, _ = prepare.build_debtors(pl.DataFrame([roster(name=name)], schema=ROSTER_SCHEMA))
    return d


def read_ids(o, doors=(), areas=(), name="茹小明"):
    doors = pl.DataFrame({"id_number": [DEBTOR_ID] * len(doors), "place_key": list(doors)},
                         schema={"id_number": pl.Utf8, "place_key": pl.Utf8})
    areas = pl.DataFrame({"id_number": [DEBTOR_ID] * len(areas), "area_key": list(areas)},
                         schema={"id_number": pl.Utf8, "area_key": pl.Utf8})
    return set(address_scope.to_read(o, debtors(name), doors, areas).to_list())


def test_door_is_read_in_every_spelling_and_other_doors_are_not():
    o = prepared([
        obs("a", 1, "浙江省杭州市西湖区文三路100号金色家园2幢3单元501室", person_name="王五"),
        obs("b", 1, "杭州西湖 金色家园 2-3-501", person_name="王五"),
        obs("c", 1, "杭州市西湖区金色家园２号楼３单元５０１", person_name="王五"),      # full-width digits
        obs("d", 1, "浙江省杭州市西湖区金色家园7幢1单元1202室", person_name="王五"),   # another flat
        obs("e", 1, "浙江省杭州市西湖区银色家园2幢3单元501室", person_name="王五"),    # another estate
    ])
    ids = dict(zip(o["record_id"], o["obs_id"]))
    got = read_ids(o, doors=[DOOR])
    assert {ids["a"], ids["b"], ids["c"]} <= got
    assert ids["d"] not in got and ids["e"] not in got


def test_market_stall_typed_with_chinese_zone_numeral_is_read():
    stall = "330782|国际商贸城1区|||6673"   # as the parser keys it (the aisle 7街 dropped)
    o = prepared([obs("a", 1, "浙江省金华市义乌市义乌国际商贸城一区7街6673号", person_name="王五"),
                  obs("b", 1, "浙江省金华市义乌市义乌国际商贸城一区7街1234号", person_name="王五")])
    ids = dict(zip(o["record_id"], o["obs_id"]))
    got = read_ids(o, doors=[stall])
    assert ids["a"] in got and ids["b"] not in got


def test_area_rows_are_read_only_under_the_debtors_own_name():
    o = prepared([
        obs("own", 1, "浙江省杭州市西湖区金色家园7幢1单元1202室", person_name="茹小明"),
        obs("pinyin", 1, "浙江省杭州市西湖区金色家园7幢1单元1202室", person_name="Ru Xiaoming"),
        obs("other", 1, "浙江省杭州市西湖区金色家园7幢1单元1202室", person_name="王五"),
        obs("family", 1, "浙江省杭州市西湖区金色家园7幢1单元1202室", person_name="茹先生"),
    ])
    ids = dict(zip(o["record_id"], o["obs_id"]))
    got = read_ids(o, areas=[AREA])
    assert {ids["own"], ids["pinyin"]} <= got
    assert ids["other"] not in got and ids["family"] not in got


def test_area_people_counts_unread_mentions_in_the_same_city_only():
    rows = [obs(f"h{i}", 1, f"浙江省杭州市西湖区金色家园{i}幢1单元101室", person_name=f"住户{i}",
                person_phone=f"1380000{i:04d}") for i in range(6)]
    # The same estate name in another city is other people.
    rows += [obs(f"n{i}", 1, f"浙江省宁波市鄞州区金色家园{i}幢1单元101室", person_name=f"邻市{i}",
                 person_phone=f"1390000{i:04d}") for i in range(9)]
    o = prepared(rows)
    areas = pl.DataFrame({"id_number": [DEBTOR_ID], "area_key": [AREA]})
    unread = address_scope.area_people(o, areas)["area_people"][0]
    read = address_scope.area_people(prepare.ensure_addresses(o, o["obs_id"]), areas)["area_people"][0]
    assert unread == read == 6


def test_ensure_addresses_reads_exactly_the_rows_asked_for_in_place():
    raw = ["浙江省杭州市西湖区文三路100号", "浙江省嘉兴市南湖区湖畔嘉园12幢3单元501室", "上海市浦东新区世纪大道8号",
           "浙江省杭州市西湖区文三路100号"]
    o = pl.DataFrame({"obs_id": ["a", "b", "c", "d"], "address_raw": raw}).with_columns(
        [pl.lit(None, t).alias(c) for c, t in prepare.ADDRESS_FIELDS.items()]
        + [pl.lit(False).alias("address_parsed")])
    out = prepare.ensure_addresses(o, pl.Series(["d", "b"]))
    assert out["obs_id"].to_list() == ["a", "b", "c", "d"]
    assert out["address_parsed"].to_list() == [False, True, False, True]
    assert out["district"].to_list()[0] is None and out["district"].to_list()[2] is None
    direct = prepare.normalise_addresses(pl.Series([raw[1], raw[3]]))
    assert out.filter(pl.col("address_parsed")).select(list(prepare.ADDRESS_FIELDS)).equals(direct)
    # Asking again reads nothing more and changes nothing.
    assert prepare.ensure_addresses(out, pl.Series(["b"])).equals(out)


def test_door_written_in_chinese_numerals_or_floor_and_flat_is_read():
    # The parser keys '二幢三单元五〇一室' and '2幢3单元5楼01室' as 2|3|501; the scan that
    # picks rows to read must see the same numbers, or a later pass never finds them.
    o = prepared([
        obs("cn", 1, "浙江省杭州市西湖区金色家园二幢三单元五〇一室", person_name="王五"),
        obs("tens", 1, "浙江省杭州市西湖区金色家园贰幢叁单元伍零壹室", person_name="王五"),
        obs("floor", 1, "浙江省杭州市西湖区金色家园2幢3单元5楼01室", person_name="王五"),
        obs("other", 1, "浙江省杭州市西湖区金色家园二幢三单元六〇一室", person_name="王五"),
        obs("floor_other", 1, "浙江省杭州市西湖区金色家园2幢3单元6楼01室", person_name="王五"),
    ])
    ids = dict(zip(o["record_id"], o["obs_id"]))
    got = read_ids(o, doors=[DOOR])
    assert {ids["cn"], ids["tens"], ids["floor"]} <= got
    assert ids["other"] not in got and ids["floor_other"] not in got
    # and they do parse to the door
    from linkage import addresses
    keys = {r: addresses.parse_address(a)["place_key"] for r, a in zip(o["record_id"], o["address_raw"])}
    assert keys["cn"] == keys["tens"] == keys["floor"] == DOOR
