"""Linkage and ranking on small hand-made worlds: each hard case on its own."""
from datetime import date, datetime, timedelta

import polars as pl
import pytest

from linkage import prepare, rank, score
from sources.schema import OBSERVATION_SCHEMA, ROSTER_SCHEMA

AS_OF = date(2026, 11, 27)
DEBTOR_ID = "330102199001011237"   # checksum-valid
OTHER_ID = "330106198805054413"
HOME = "浙江省杭州市西湖区文三路100号金色家园2幢3单元501室"
OLD_HOME = "浙江省杭州市拱墅区湖墅南路8号大关小区5幢1单元302室"


def roster(name="茹小明", id_number=DEBTOR_ID, phones="13857101115", status="执行中"):
    row = {c: None for c in ROSTER_SCHEMA}
    row |= {"file": "debtors/r.csv", "line": 2, "case_no": "(2025)浙0106执1号", "court": "杭州市西湖区人民法院",
            "judge": "李", "name": name, "id_type": "居民身份证", "id_number": id_number, "phones": phones,
            "hukou_address": "浙江省绍兴市越城区某村", "amount_owed": 1000.0, "filed_on": date(2025, 1, 1),
            "restricted": True, "blacklisted": False, "status": status}
    return row


def obs(record_id, days_ago, address, *, account_id=None, account_name=None, account_id_no=None,
        account_phone=None, person_name=None, person_phone=None, event="delivery", hour=19, platform="shopA"):
    t = datetime(2026, 11, 27, hour) - timedelta(days=days_ago)
    row = {c: None for c in OBSERVATION_SCHEMA}
    row |= {"source_kind": "ecommerce", "platform": platform, "file": "ecommerce/x.csv", "line": 1,
            "record_id": record_id, "event": event, "event_time": t, "order_time": t, "account_id": account_id,
            "account_name": account_name, "account_id_no": account_id_no, "account_phone": account_phone,
            "person_name": person_name, "person_phone": person_phone, "address": address}
    return row


def run(roster_rows, obs_rows):
    debtors, _ = prepare.build_debtors(pl.DataFrame(roster_rows, schema=ROSTER_SCHEMA))
    o = prepare.prepare_observations(pl.DataFrame(obs_rows, schema=OBSERVATION_SCHEMA))
    scored = score.link(o, debtors)
    links = scored.filter(pl.col("probability") >= score.LINK_THRESHOLD)
    return scored, rank.rank_locations(links, o, AS_OF), rank.rank_contacts(links, o, debtors, AS_OF)


def test_verified_account_links_even_with_other_recipient_name():
    scored, locs, _ = run([roster()], [
        obs("o1", 5, HOME, account_id="b1", account_name="茹小明", account_id_no=DEBTOR_ID, person_name="小茹"),
    ])
    assert scored.filter(pl.col("obs_id").is_not_null())["probability"].max() > 0.99
    top = locs.filter((pl.col("kind") == "residence") & (pl.col("rank") == 1))
    assert top["address"][0] == HOME


def test_namesake_with_other_id_and_phone_is_not_linked():
    scored, locs, _ = run([roster(name="张伟", phones="13857101115")], [
        obs("o1", 5, HOME, account_id="b9", account_name="张伟", account_id_no=OTHER_ID,
            account_phone="13900001111", person_name="张伟", person_phone="13900001111"),
    ])
    assert scored.height == 0 or scored["probability"].max() < 0.5
    assert locs.height == 0


def test_masked_id_contradiction_is_a_mismatch_not_a_match():
    masked_other = OTHER_ID[:6] + "*" * 8 + OTHER_ID[-4:]
    scored, _, _ = run([roster()], [
        obs("o1", 5, HOME, account_id="b2", account_name="茹*明", account_id_no=masked_other,
            person_name="茹小明", person_phone="13600002222"),
    ])
    assert scored.height == 0 or scored["probability"].max() < 0.5


def test_spouse_account_found_through_recipient_phone():
    # Pass 1 learns the debtor's current phone from his own verified account;
    # pass 2 links a delivery on his wife's account to that phone.
    rows = [
        obs("o1", 40, HOME, account_id="b1", account_name="茹小明", account_id_no=DEBTOR_ID,
            account_phone="13588889999", person_name="茹小明", person_phone="13588889999"),
        obs("o2", 3, HOME, account_id="w1", account_name="林美丽", account_id_no=OTHER_ID,
            account_phone="13677776666", person_name="茹先生", person_phone="135-8888-9999"),
    ]
    scored, _, contacts = run([roster(phones="13000000000")], rows)
    o2 = prepare.obs_ids(pl.DataFrame([rows[1]], schema=OBSERVATION_SCHEMA))[0]
    p = scored.filter(pl.col("obs_id") == o2)["probability"]
    assert p.len() == 1 and p[0] > 0.9
    best_phone = contacts.filter((pl.col("kind") == "phone") & (pl.col("rank") == 1))["value"][0]
    assert best_phone == "13588889999", "the stale roster phone must not outrank the phone in use"


def test_recent_home_beats_old_home_with_more_deliveries():
    acct = dict(account_id="b1", account_name="茹小明", account_id_no=DEBTOR_ID, person_name="茹小明")
    rows = [obs(f"old{i}", 300 + 7 * i, OLD_HOME, **acct) for i in range(12)]
    rows += [obs(f"new{i}", 10 + 20 * i, HOME, **acct) for i in range(3)]
    _, locs, _ = run([roster()], rows)
    res = locs.filter(pl.col("kind") == "residence").sort("rank")
    assert res["address"][0] == HOME
    assert res["confidence"][0] > res["confidence"][1]


def _top_home(locs):
    address = locs.filter((pl.col("kind") == "residence") & (pl.col("rank") == 1))["address"][0]
    return next(estate for estate in ("大关", "金色家园") if estate in address)


def test_first_parcel_at_a_new_flat_replaces_a_home_gone_quiet():
    # A parcel a month to the old flat for half a year, none for the five months since,
    # then one parcel to a new flat: the mover's first parcel at the new home.
    acct = dict(account_id="b1", account_name="茹小明", account_id_no=DEBTOR_ID, person_name="茹小明")
    rows = [obs(f"old{i}", 150 + 30 * i, OLD_HOME, **acct) for i in range(6)]
    _, before, _ = run([roster()], rows + [obs("new", 400, HOME, **acct)])   # before the old home's: not a move
    assert _top_home(before) == "大关"
    _, locs, _ = run([roster()], rows + [obs("new", 5, HOME, **acct)])
    assert _top_home(locs) == "金色家园"


def test_one_parcel_elsewhere_does_not_replace_a_home_still_in_use():
    # A gift sent to a relative's flat while the home still gets its parcels; and a home
    # with a slow rhythm (a parcel a quarter) is not "quiet" after two months.
    acct = dict(account_id="b1", account_name="茹小明", account_id_no=DEBTOR_ID, person_name="茹小明")
    busy = [obs(f"home{i}", 2 + 15 * i, OLD_HOME, **acct) for i in range(24)]
    _, locs, _ = run([roster()], busy + [obs("gift", 5, HOME, **acct)])
    assert _top_home(locs) == "大关"
    slow = [obs(f"home{i}", 60 + 90 * i, OLD_HOME, **acct) for i in range(4)]
    _, locs, _ = run([roster()], slow + [obs("gift", 5, HOME, **acct)])
    assert _top_home(locs) == "大关"


def test_a_parcel_sent_ahead_to_the_new_flat_does_not_hide_the_move():
    # Furniture to the new flat half a year before moving in, seen as the shop's order and
    # the courier's waybill; the old home's parcels stopped five weeks ago and the new
    # flat's began after.  The move stands.
    acct = dict(account_id="b1", account_name="茹小明", account_id_no=DEBTOR_ID, person_name="茹小明")
    home = [obs(f"old{i}", 35 + 10 * i, OLD_HOME, **acct) for i in range(24)]
    new = [obs(f"new{i}", 4 + 9 * i, HOME, **acct) for i in range(3)]
    sofa = [obs("sofa", 180, HOME, **acct),
            obs("sofa-w", 180, HOME, person_name="茹小明", person_phone="13857101115", event="receive",
                platform="courierA") | {"source_kind": "logistics", "order_time": None}]
    _, locs, _ = run([roster()], home + new + sofa)
    assert _top_home(locs) == "金色家园"


def test_locker_is_a_pickup_point_not_a_home():
    acct = dict(account_id="b1", account_name="茹小明", account_id_no=DEBTOR_ID, person_name="茹小明")
    rows = [obs(f"l{i}", 2 + i, "浙江省杭州市西湖区金色家园东门丰巢快递柜", **acct) for i in range(6)]
    rows += [obs("h1", 30, HOME, **acct)]
    _, locs, _ = run([roster()], rows)
    res = locs.filter((pl.col("kind") == "residence") & (pl.col("rank") == 1))
    assert res["address"][0] == HOME
    assert "pickup_point" in locs["kind"].to_list()


def test_shop_with_weekday_daytime_deliveries_is_a_workplace():
    acct = dict(account_id="b1", account_name="茹小明", account_id_no=DEBTOR_ID, person_name="茹小明")
    shop = "浙江省绍兴市柯桥区中国轻纺城东市场3楼1234号商铺"
    rows = [obs(f"s{i}", 1 + i, shop, hour=11, **acct) for i in range(5)] + [obs("h1", 3, HOME, **acct)]
    _, locs, _ = run([roster()], rows)
    work = locs.filter(pl.col("kind") == "workplace")
    assert work.height == 1 and "轻纺城" in work["address"][0]


def test_concluded_debtor_is_not_linked():
    scored, locs, _ = run([roster(status="执行完毕")], [
        obs("o1", 5, HOME, account_id="b1", account_name="茹小明", account_id_no=DEBTOR_ID),
    ])
    assert scored.height == 0 and locs.height == 0


def test_less_specific_spellings_join_the_one_door_they_fit():
    from linkage.rank import reconcile_places

    places = [
        "330106|金色家园|2|3|501",   # the door
        "330106|金色家园|||",        # community only
        "330100|金色家园|2|3|501",   # district not written: city code
        "330106|金色家园|2||501",    # unit not written
        "330302|环球大厦|||2301",    # an office room
        "330302|环球大厦|||23F",     # its floor
        "330681|丽景苑|4|3|502",     # two doors in one estate:
        "330681|丽景苑|4|1|502",
        "330681|丽景苑|4||502",      # ...this one could be either, so it stays
    ]
    ev = pl.DataFrame({"id_number": ["d"] * len(places), "place": places, "is_pickup": [False] * len(places)})
    out = dict(zip(places, reconcile_places(ev)["place"]))
    assert out["330106|金色家园|||"] == "330106|金色家园|2|3|501"
    assert out["330100|金色家园|2|3|501"] == "330106|金色家园|2|3|501"
    assert out["330106|金色家园|2||501"] == "330106|金色家园|2|3|501"
    assert out["330302|环球大厦|||23F"] == "330302|环球大厦|||2301"
    assert out["330681|丽景苑|4||502"] == "330681|丽景苑|4||502"
    assert out["330681|丽景苑|4|3|502"] == "330681|丽景苑|4|3|502"


def test_a_word_before_an_estates_name_joins_the_same_door_without_it():
    from linkage.rank import reconcile_places

    places = [
        "320105|河西康美苑|20|4|2702",    # a part of town before the estate
        "320105|康美苑|20|4|2702",
        "320100|建邺城嘉华庭|4|1|904",    # a district's short name run into it, city code
        "320105|城嘉华庭|4|1|904",
        "320105|新金色家园|3|2|501",      # another door: stays
        "320105|金色家园|3|2|502",
        "320105|金东方丽景苑|1|1|101",    # two estates it could be: stays
        "320105|东方丽景苑|1|1|101",
        "320105|方丽景苑|1|1|101",
        "330106|河西康美苑|20|4|2702",    # another city: stays
        "120104|大胡同小商品市场|||7084",  # a market's name dropped leaves a kind of place:
        "120104|小商品市场|||7084",        # stays
    ]
    ev = pl.DataFrame({"id_number": ["d"] * 9 + ["e"] + ["d"] * 2, "place": places, "is_pickup": [False] * 12})
    out = reconcile_places(ev)["place"].to_list()
    assert out[0] == out[1] == "320105|康美苑|20|4|2702"
    assert out[2] == out[3] == "320105|城嘉华庭|4|1|904"
    assert out[4:6] == places[4:6]
    assert out[6] == places[6]
    # ... and a name of two characters is too short to say it is the same estate.
    short = pl.DataFrame({"id_number": ["d", "d"], "place": ["320105|东方丽苑|1|1|101", "320105|丽苑|1|1|101"],
                          "is_pickup": [False, False]})
    assert reconcile_places(short)["place"].to_list() == ["320105|东方丽苑|1|1|101", "320105|丽苑|1|1|101"]
    assert out[9] == places[9]
    assert out[10:] == places[10:]


def test_an_estate_named_like_another_district_keeps_its_name():
    from linkage.rank import reconcile_places

    places = [
        "440507|北豪庭|6||902",            # '汕头龙湖北豪庭6幢902': 龙湖 read as 龙湖区
        "440515|龙湖北豪庭|6||902",        # '澄海区文冠路126号龙湖北豪庭6幢902房'
        "640100|丽园2期|29|4|1002",        # '银川西夏丽园二期…': 西夏 read as a district, city code
        "640106|西夏丽园2期|29|4|1002",    # '金凤区正源北街157号西夏丽园二期…'
        "440507|南雅居|24||901",           # written in the district it is named after: the
        "440507|龙湖南雅居|24||901",       # district's name twice, joined the other way
    ]
    ev = pl.DataFrame({"id_number": ["d"] * 6, "place": places, "is_pickup": [False] * 6})
    out = reconcile_places(ev)["place"].to_list()
    assert out[0] == out[1] == "440515|龙湖北豪庭|6||902"
    assert out[2] == out[3] == "640106|西夏丽园2期|29|4|1002"
    assert out[4] == out[5] == "440507|南雅居|24||901"


def test_a_village_house_written_without_its_villages_own_cun_joins_it():
    from linkage.rank import reconcile_places

    places = ["370611|于家疃|105||", "370611|于家疃村|105||",
              "370611|福新|40|2|301", "370611|福新村|40|2|301"]       # a flat in an estate: stays
    out = reconcile_places(pl.DataFrame({"id_number": ["d"] * 4, "place": places, "is_pickup": [False] * 4}))["place"]
    assert out.to_list() == ["370611|于家疃村|105||", "370611|于家疃村|105||", places[2], places[3]]


def test_an_estate_written_without_its_phase_joins_the_same_door_in_one_phase():
    from linkage.rank import reconcile_places

    places = [
        "640106|民生|22|2|102", "640106|民生3期|22|2|102",          # the phase left out
        "640100|塞上东|2|3|1401", "640122|塞上东1期|2|3|1401",      # ... and the district too
        "640106|丽园|5|1|101", "640106|丽园1期|5|1|101", "640106|丽园2期|5|1|101",  # two phases: stays
        "640106|民生|23|2|102", "640106|民生3期|22|2|102",          # another building: stays
    ]
    ids = ["d"] * 7 + ["e", "e"]
    out = reconcile_places(pl.DataFrame({"id_number": ids, "place": places, "is_pickup": [False] * 9}))["place"].to_list()
    assert out[0] == out[1] == "640106|民生3期|22|2|102"
    assert out[2] == out[3] == "640122|塞上东1期|2|3|1401"
    assert out[4:9] == places[4:9]


def test_a_village_house_written_by_its_group_joins_its_natural_village_but_not_the_village_itself():
    from linkage.rank import reconcile_places

    places = ["430181|长岭村|8组||24", "430181|彭家屋场|24||",      # the natural village: the group door joins it
              "410122|徐庄村|3组||132", "410122|徐庄|132||"]       # '徐庄村132号', the group left out: joins the group
    out = reconcile_places(pl.DataFrame({"id_number": ["d"] * 4, "place": places, "is_pickup": [False] * 4}))["place"]
    assert out.to_list() == ["430181|彭家屋场|24||"] * 2 + ["410122|徐庄村|3组||132"] * 2


def test_a_village_house_written_without_its_group_or_row_street_joins_the_door_that_names_them():
    from linkage.rank import reconcile_places

    places = ["210702|饶阳里村|5||", "210702|饶阳里村|8组||5",          # '饶阳里委5号', '饶阳里社区8组5号'
              "130503|上营村|89||", "130503|上营村新街89号|||",        # 河北's row streets
              "130527|胡铺村|17||", "130527|胡铺村前街17号|||", "130527|胡铺村后街17号|||",   # two streets: stays
              "360731|禾溪村新屋|130||", "360731|新屋村|130||",   # '禾溪村新屋130号' of '禾溪村新屋组130号'
              "530402|朱岭小坝|48||", "530402|小坝村|48||"]      # the village's name run into its hamlet's
    out = reconcile_places(pl.DataFrame({"id_number": ["d"] * 11, "place": places, "is_pickup": [False] * 11}))["place"]
    assert out.to_list() == (["210702|饶阳里村|8组||5"] * 2 + ["130503|上营村新街89号|||"] * 2 + places[4:7]
                             + ["360731|新屋村|130||"] * 2 + ["530402|小坝村|48||"] * 2)


def test_an_estate_written_without_its_estate_word_joins_the_same_door_named_in_full():
    from linkage.rank import reconcile_places

    places = [
        "410802|华瑞2期|32|2|502", "410802|华瑞花园2期|32|2|502",     # '华瑞2期 32-2-502'
        "341182|润康|19|3|401", "341182|润康花园|19|3|401",
        "371121|春汀|13||505", "371121|春汀海景苑2期|13||505",        # the phase left out too
        "210602|秋桂|9|4|503", "210602|秋桂江景苑|9|4|503", "210602|秋桂花园|9|4|503",  # two estates: stays
        "341103|嘉景|2|3|504", "341103|嘉景嘉园|2|3|505",              # another flat: stays
        "341103|银御1期|3|3|1801", "341103|银御新城2期|3|3|1801",      # another phase: stays
        "340706|钟楼2区|25||403", "340706|钟楼新村2区|25||403",        # a 新村's part
    ]
    out = reconcile_places(pl.DataFrame({"id_number": ["d"] * len(places), "place": places,
                                         "is_pickup": [False] * len(places)}))["place"].to_list()
    assert out[0:2] == ["410802|华瑞花园2期|32|2|502"] * 2
    assert out[2:4] == ["341182|润康花园|19|3|401"] * 2
    assert out[4:6] == ["371121|春汀海景苑2期|13||505"] * 2
    assert out[6:13] == places[6:13]
    assert out[13:] == ["340706|钟楼新村2区|25||403"] * 2


def test_a_village_house_or_a_lane_written_short_joins_the_same_door_written_in_full():
    from linkage.rank import reconcile_places

    places = [
        "350582|岸兜村顶社|112||",       # the house in full
        "350582|岸兜村|112||",           # its natural village left out
        "350582|钱坡村后社|133||",
        "350582|磁灶钱坡后社|133||",     # its town's short name before, 村 left out
        "350582|钱坡后社|133||",         # 村 left out
        "360703|店背村上屋组|138||",
        "360703|店背村上屋|138||",       # 组 left out
        "350502|中山中路会通巷60号|||",
        "350502|会通巷60号|||",          # the lane without its road
        "350581|古湖村新社|26||",        # two natural villages with a house 26:
        "350581|古湖村下社|26||",
        "350581|古湖村|26||",            # ... this one stays
        "350581|古湖村|27||",            # another house: stays
        "350583|溪州东社|96||",          # in another county than the full spelling: stays
        "350582|溪州村东社|96||",
    ]
    ev = pl.DataFrame({"id_number": ["d"] * len(places), "place": places, "is_pickup": [False] * len(places)})
    out = dict(zip(places, reconcile_places(ev)["place"]))
    assert out["350582|岸兜村|112||"] == "350582|岸兜村顶社|112||"
    assert out["350582|磁灶钱坡后社|133||"] == out["350582|钱坡后社|133||"] == "350582|钱坡村后社|133||"
    assert out["360703|店背村上屋|138||"] == "360703|店背村上屋组|138||"
    assert out["350502|会通巷60号|||"] == "350502|中山中路会通巷60号|||"
    for same in ("350581|古湖村|26||", "350581|古湖村|27||", "350583|溪州东社|96||", "350581|古湖村新社|26||"):
        assert out[same] == same
    # Another debtor's full spelling is not this one's.
    other = pl.DataFrame({"id_number": ["d", "e"], "place": ["350582|岸兜村|112||", "350582|岸兜村顶社|112||"],
                          "is_pickup": [False, False]})
    assert reconcile_places(other)["place"].to_list() == ["350582|岸兜村|112||", "350582|岸兜村顶社|112||"]


def test_a_firm_written_by_its_name_alone_joins_its_street_number():
    from linkage.rank import reconcile_places

    rows = [
        ("350581|瑞祥服装有限公司", "福建省泉州市石狮市宝盖镇瑞祥服装有限公司"),
        ("350581|宝盖大道202号|||", "福建省泉州市石狮市宝盖大道202号石狮瑞祥服装有限公司"),
        ("350581|恒泰织造有限公司", "福建省泉州市石狮市恒泰织造有限公司"),      # no number names it: stays
        ("350581|锦江路290号|||", "福建省泉州市石狮市锦江路290号"),
        ("350582|鑫源家具有限公司", "福建省泉州市晋江市鑫源家具有限公司"),      # two numbers name it: stays
        ("350582|安平路232号|||", "福建省泉州市晋江市安平路232号晋江鑫源家具有限公司"),
        ("350582|安平路290号|||", "福建省泉州市晋江市安平路290号鑫源家具有限公司"),
    ]
    ev = pl.DataFrame({"id_number": ["d"] * len(rows), "place": [r[0] for r in rows],
                       "address": [r[1] for r in rows], "is_pickup": [False] * len(rows)})
    out = reconcile_places(ev)["place"].to_list()
    assert out[0] == out[1] == "350581|宝盖大道202号|||"
    assert out[2:] == [r[0] for r in rows[2:]]


def test_a_flat_written_with_and_without_its_estate_is_one_residence():
    own = dict(account_id="b1", account_name="茹小明", account_id_no=DEBTOR_ID, account_phone="13588889999",
               person_name="茹小明", person_phone="13588889999")
    estate = "广东省深圳市福田区深南中路27号紫荆花园29幢2单元2101室"
    street = "广东省深圳市福田区深南中路27号29幢2单元2101室"
    no_district = "广东省深圳市深南中路27号29幢2单元2101室"
    rows = [obs("e1", 30, estate, **own), obs("s1", 20, street, **own), obs("s2", 10, street, **own),
            obs("c1", 5, no_district, **own)]
    _, locs, _ = run([roster(phones="")], rows)
    res = locs.filter(pl.col("kind") == "residence")
    assert res["place_key"].to_list() == ["440304|紫荆花园|29|2|2101"]
    assert res["n_observations"][0] == 4
    links = score.link(prepare.prepare_observations(pl.DataFrame(rows, schema=OBSERVATION_SCHEMA)),
                       prepare.build_debtors(pl.DataFrame([roster(phones="")], schema=ROSTER_SCHEMA))[0])
    o = prepare.prepare_observations(pl.DataFrame(rows, schema=OBSERVATION_SCHEMA))
    ev = rank.location_evidence(links.filter(pl.col("probability") >= score.LINK_THRESHOLD), o, AS_OF)
    assert set(ev["place_key"]) == {"440304|紫荆花园|29|2|2101"} and ev.height == 4


def test_a_door_with_no_city_is_read_in_the_city_of_the_debtors_other_traces():
    own = dict(account_id="b1", account_name="茹小明", account_id_no=DEBTOR_ID, account_phone="13588889999",
               person_name="茹小明", person_phone="13588889999")
    shenzhen = "广东省深圳市福田区深南中路27号紫荆花园29幢2单元2101室"
    nanshan = "南山区东方家园30幢4-2003"         # 南山区: 深圳's and 鹤岗's
    bare = "月园西路758号兰荷花苑1幢1501室"       # no division at all
    rows = [obs("w1", 200, shenzhen, **own)] + [obs(f"n{i}", 10 + i, nanshan, **own) for i in range(3)]
    _, locs, _ = run([roster(phones="")], rows)
    res = locs.filter(pl.col("kind") == "residence").sort("rank")
    assert res["place_key"].to_list()[0] == "440305|东方家园|30|4|2003"
    assert res["city"][0] == "深圳市"
    rows = [obs("w1", 200, shenzhen, **own)] + [obs(f"b{i}", 10 + i, bare, **own) for i in range(3)]
    _, locs, _ = run([roster(phones="")], rows)
    assert "440300|兰荷花苑|1||1501" in locs["place_key"].to_list()
    # Seen in two cities: a door with no division could be in either, and stays unread;
    # one whose district only one of them has is read there.
    hangzhou = "浙江省杭州市西湖区文三路100号金色家园3幢2单元501室"
    rows = ([obs("w1", 200, shenzhen, **own), obs("w2", 150, hangzhou, **own)]
            + [obs(f"b{i}", 10 + i, bare, **own) for i in range(3)]
            + [obs(f"n{i}", 10 + i, nanshan, **own) for i in range(3)])
    _, locs, _ = run([roster(phones="")], rows)
    keys = locs["place_key"].to_list()
    assert not any("兰荷花苑" in (k or "") for k in keys)
    assert "440305|东方家园|30|4|2003" in keys
    # Read in a city with no such district, the district would stay in the estate's name.
    rows = [obs("w2", 150, hangzhou, **own)] + [obs(f"n{i}", 10 + i, nanshan, **own) for i in range(3)]
    _, locs, _ = run([roster(phones="")], rows)
    assert not any("东方家园" in (k or "") for k in locs["place_key"].to_list())


@pytest.mark.parametrize("village", ["贵州省贵阳市花溪区石板镇徐桥村上寨47号", "吉林省长春市农安县合隆镇陈家屯12号",
                                     "河北省保定市清苑区李家庄12号", "湖南省长沙市长沙县黄兴镇枫树村黄家屋场57号",
                                     "江苏省无锡市宜兴市和桥镇马家村黄家埭58号"])
def test_a_village_house_that_gets_parcels_by_day_is_a_home(village):
    own = dict(account_id="b1", account_name="茹小明", account_id_no=DEBTOR_ID, account_phone="13588889999",
               person_name="茹小明", person_phone="13588889999")
    # weekdays (27 November 2026 is a Friday), late morning
    rows = [obs(f"v{i}", d, village, hour=11, **own) for i, d in enumerate([0, 1, 2, 7, 8])]
    _, locs, _ = run([roster(phones="")], rows)
    assert locs["kind"].to_list() == ["residence"]


def test_a_street_number_door_joins_no_other_door_and_no_estate_it_cannot_tell():
    from linkage.addresses import parse_address
    from linkage.rank import reconcile_places

    def ev_of(debtor, texts):
        rows = []
        for t in texts:
            a = parse_address(t)
            rows.append({"id_number": debtor, "place": a["place_key"], "is_pickup": False,
                         "address": a["address"], "area_key": a["area_key"]})
        return rows

    street = "广东省深圳市福田区深南中路27号29幢2单元2101室"
    rows = ev_of("d1", ["广东省深圳市福田区深南中路27号紫荆花园30幢2单元2101室", street])   # another building
    rows += ev_of("d2", ["广东省深圳市福田区深南中路27号紫荆花园29幢2单元2101室",            # two estates at
                         "广东省深圳市福田区深南中路27号碧海花园29幢2单元2101室", street])   # one number
    rows += ev_of("d3", ["广东省深圳市福田区深南中路29号紫荆花园29幢2单元2101室", street])   # another number
    rows += ev_of("d4", ["广东省深圳市福田区深南中路27号紫荆花园29幢2单元2101室", street])   # the same door
    out = reconcile_places(pl.DataFrame(rows))
    assert set(out.filter(pl.col("id_number") == "d4")["place"]) == {"440304|紫荆花园|29|2|2101"}
    street_key = parse_address(street)["place_key"]
    assert street_key == "440304|深南中路27号|29|2|2101"
    for d in ("d1", "d2", "d3"):
        assert street_key in out.filter(pl.col("id_number") == d)["place"].to_list(), d
    assert out.filter(pl.col("id_number") == "d2")["place"].n_unique() == 3


def crowd(n: int = 3000) -> list[dict]:
    """Other people's parcels, so that weights scale with a realistic population."""
    return [obs(f"x{i}", 5, OLD_HOME, person_name=f"路人{chr(0x4e00 + i % 2000)}{chr(0x4e00 + i // 2000)}",
                person_phone=f"1370{i:07d}") for i in range(n)]


def _name_only_probability(name: str, namesakes: int) -> float:
    """P(link) of a parcel carrying only the debtor's exact name, in a world where
    ``namesakes`` other people share that name (and 40 people have other names).
    Name blocks are switched on: off, such a pair is never even compared."""
    import linkage.block

    linkage.block.NAME_BLOCKS = True
    try:
        return _name_only_probability_on(name, namesakes)
    finally:
        linkage.block.NAME_BLOCKS = False


def _name_only_probability_on(name: str, namesakes: int) -> float:
    rows = [obs(f"n{i}", 5, HOME, person_name=name, person_phone=f"1390000{i:04d}") for i in range(namesakes)]
    rows += [obs(f"x{i}", 5, HOME, person_name=f"路人{chr(0x4e00 + i)}", person_phone=f"1370000{i:04d}")
             for i in range(40)]
    rows.append(obs("target", 5, HOME, person_name=name, person_phone="13811112222"))
    scored, _, _ = run([roster(name=name, phones="")], rows)
    target = prepare.obs_ids(pl.DataFrame([rows[-1]], schema=OBSERVATION_SCHEMA))[0]
    p = scored.filter(pl.col("obs_id") == target)["probability"]
    return p[0] if p.len() else 0.0


def test_a_name_alone_never_links_and_a_common_name_counts_for_less():
    rare, common = _name_only_probability("茹晓明", 0), _name_only_probability("张伟", 20)
    assert rare < score.LINK_THRESHOLD and common < score.LINK_THRESHOLD
    assert common < rare / 5, "term frequency: 张伟 agreeing must say far less than a rare name"


def test_masked_phone_is_compatible_or_incompatible_never_equal():
    base = dict(person_name="茹小明")
    compatible = obs("c", 5, HOME, person_phone="138****1115", **base)
    incompatible = obs("i", 5, OLD_HOME, person_phone="138****9999", **base)
    scored, _, _ = run([roster(phones="13857101115")], [compatible, incompatible])
    ids = prepare.obs_ids(pl.DataFrame([compatible, incompatible], schema=OBSERVATION_SCHEMA))
    lvl = dict(zip(scored["obs_id"], scored["lvl_recipient_phone"]))
    assert lvl.get(ids[0]) == "compatible"
    assert lvl.get(ids[1]) in (None, "mismatch")


def test_pinyin_and_traditional_names_link_together_with_the_phone_in_use():
    own = obs("o1", 60, HOME, account_id="b1", account_name="茹小明", account_id_no=DEBTOR_ID,
              account_phone="13588889999", person_name="茹小明", person_phone="13588889999")
    pinyin = obs("p1", 5, HOME, platform="sf", person_name="Ru Xiaoming", person_phone="+86 135 8888 9999")
    trad = obs("t1", 6, HOME, platform="sf", person_name="茹曉明", person_phone="135-8888-9999")
    scored, _, _ = run([roster(phones="")], [own, pinyin, trad])
    ids = prepare.obs_ids(pl.DataFrame([pinyin, trad], schema=OBSERVATION_SCHEMA))
    p = dict(zip(scored["obs_id"], scored["probability"]))
    assert p.get(ids[0], 0) > 0.9 and p.get(ids[1], 0) > 0.9


def test_a_nickname_with_the_phone_in_use_links_and_alone_does_not():
    own = obs("o1", 60, HOME, account_id="b1", account_name="茹小明", account_id_no=DEBTOR_ID,
              account_phone="13588889999", person_name="茹小明", person_phone="13588889999")
    work = "浙江省杭州市西湖区天目山路88号华星大厦1203室"
    nick = obs("n1", 5, work, platform="sf", person_name="明明", person_phone="13588889999", hour=11)
    # Elsewhere, another phone: a nickname alone.  The debtor's phone under a name that is
    # no nickname of his: a phone alone.
    elsewhere = "浙江省杭州市余杭区文一西路200号海创园5幢3单元301室"
    stranger = obs("n2", 5, elsewhere, platform="sf", person_name="明明", person_phone="13912345678", hour=11)
    nameless = obs("n3", 4, elsewhere, platform="sf", person_name="宝宝", person_phone="13588889999", hour=11)
    scored, _, _ = run([roster(phones="")], [own, nick, stranger, nameless])
    ids = prepare.obs_ids(pl.DataFrame([nick, stranger, nameless], schema=OBSERVATION_SCHEMA))
    p = dict(zip(scored["obs_id"], scored["probability"]))
    assert p.get(ids[0], 0) >= score.LINK_THRESHOLD
    assert p.get(ids[1], 0) < score.LINK_THRESHOLD and p.get(ids[2], 0) < score.LINK_THRESHOLD


def test_family_account_phone_places_the_debtors_own_parcels_but_not_the_spouses():
    wife = dict(account_id="w1", account_name="林美丽", account_id_no=OTHER_ID, account_phone="13677776666")
    rows = [
        # Ordered on the wife's account, to the debtor's roster phone: a sure link through the parcel.
        obs("a", 90, OLD_HOME, person_name="茹小明", person_phone="13857101115", **wife),
        # Later parcels to the debtor's name on the wife's number: the household phone places them.
        obs("b", 10, HOME, person_name="茹小明", person_phone="136****6666", **wife),
        obs("c", 12, HOME, person_name="茹小明", person_phone="13677776666", **wife),
        # The wife's own parcels carry the same number under her name: never the debtor's.
        obs("d", 8, "浙江省杭州市滨江区江南大道1号星光大道3幢1单元201室", person_name="林美丽",
            person_phone="13677776666", **wife),
    ]
    scored, _, contacts = run([roster(phones="13857101115")], rows + crowd())
    ids = prepare.obs_ids(pl.DataFrame(rows, schema=OBSERVATION_SCHEMA))
    p = dict(zip(scored["obs_id"], scored["probability"]))
    assert p.get(ids[0], 0) > 0.95
    assert p.get(ids[1], 0) > 0.5 and p.get(ids[2], 0) > 0.5
    assert p.get(ids[3], 0) < 0.5
    assert "13677776666" not in contacts.filter(pl.col("kind") == "phone")["value"].to_list(), \
        "the wife's number places parcels but is not the debtor's phone"


def test_a_parcel_for_someone_else_lends_its_phone_to_no_account():
    # A masked account with the debtor's surname; the parcel names another person whose
    # masked phone happens to fit the debtor's roster number.
    row = obs("o1", 5, HOME, account_id="b7", account_name="茹**", account_phone="18900001111",
              person_name="茹文杰", person_phone="138****1115")
    scored, locs, _ = run([roster(phones="13857101115")], [row])
    assert scored.height == 0 or scored["probability"].max() < 0.5
    assert locs.height == 0


def test_roster_phone_seen_nowhere_is_no_contact_lead():
    acct = dict(account_id="b1", account_name="茹小明", account_id_no=DEBTOR_ID, account_phone="13588889999",
                person_name="茹小明", person_phone="13588889999")
    _, _, contacts = run([roster(phones="13000000000;13857101115")], [obs("o1", 5, HOME, **acct)])
    phones = contacts.filter(pl.col("kind") == "phone")["value"].to_list()
    assert phones == ["13588889999"]


def test_a_firm_after_a_street_number_keeps_the_number_as_its_door():
    from linkage.addresses import parse_address

    a = parse_address("浙江省杭州市临平区星桥街道利民路71号杭州正泰纺织品有限公司")
    b = parse_address("浙江省杭州市临平区利民路71号")
    assert a["place_key"] == b["place_key"] == "330113|利民路71号|||"
    assert a["workplace_hint"]
    assert parse_address("浙江省温州市鹿城区鞋都2期730室")["workplace_hint"]


def test_municipality_without_district_joins_its_one_door():
    from linkage.rank import reconcile_places

    ev = pl.DataFrame({"id_number": ["d1", "d1"], "place": ["310114|新城雅苑|17|4|503", "310000|新城雅苑|17|4|503"],
                       "is_pickup": [False, False]})
    assert set(reconcile_places(ev)["place"]) == {"310114|新城雅苑|17|4|503"}


def test_explanation_waterfall_adds_up_to_every_links_match_weight():
    from linkage.explain import waterfall

    wife = dict(account_id="w1", account_name="林美丽", account_id_no=OTHER_ID, account_phone="13677776666")
    own = dict(account_id="b1", account_name="茹小明", account_id_no=DEBTOR_ID, account_phone="13588889999")
    rows = [
        obs("a", 90, OLD_HOME, person_name="茹小明", person_phone="13857101115", **wife),
        obs("b", 10, HOME, person_name="茹先生", person_phone="136****6666", **wife),
        obs("c", 20, HOME, person_name="小茹", person_phone="13588889999", **own),
        obs("d", 30, HOME, platform="sf", person_name="Ru Xiaoming", person_phone="135****9999"),
        obs("e", 40, HOME, platform="sf", person_name="茹*", person_phone="13999990000"),
    ] + crowd(500)
    scored, _, _ = run([roster(phones="13857101115")], rows)
    links = scored.filter(pl.col("probability") >= score.LINK_THRESHOLD)
    assert links.height >= 3 and links["evidence"].null_count() == 0
    assert scored.filter(pl.col("probability") < score.LINK_THRESHOLD)["evidence"].null_count() == \
        scored.filter(pl.col("probability") < score.LINK_THRESHOLD).height   # built only for links
    for row in links.iter_rows(named=True):
        w = waterfall(row["evidence"])
        assert abs(w["weight"] - row["match_weight"]) < 0.05 * len(w["steps"]), row["evidence"]
        assert abs(w["probability"] - row["probability"]) < 0.01


def _estate_world(name: str, parcel_name: str, namesakes: int = 0, estate_people: int = 20):
    """The debtor checks in at 金色家园 on a verified account; parcels there carry ``parcel_name``
    and a phone the court never had; ``namesakes`` other people of that name and
    ``estate_people`` others live at the estate."""
    checkin = obs("c1", 30, "杭州市西湖区文三路金色家园", account_id="u1", account_name=name,
                  account_id_no=DEBTOR_ID, event="checkin", platform="wb") | {"source_kind": "social"}
    mine = [obs(f"m{i}", 10 + i, HOME, person_name=parcel_name, person_phone="15000001234") for i in range(3)]
    others = [obs(f"e{i}", 9, f"浙江省杭州市西湖区文三路100号金色家园{i % 9 + 1}幢1单元{i + 101}室",
                  person_name=f"邻居{chr(0x4e00 + i)}", person_phone=f"1360000{i:04d}") for i in range(estate_people)]
    namesake = [obs(f"n{i}", 7, OLD_HOME, person_name=name, person_phone=f"1390000{i:04d}") for i in range(namesakes)]
    rows = [checkin, *mine, *others, *namesake]
    scored, locs, _ = run([roster(name=name, phones="")], rows + crowd())
    ids = prepare.obs_ids(pl.DataFrame(mine, schema=OBSERVATION_SCHEMA)).to_list()
    return scored.filter(pl.col("obs_id").is_in(ids)), locs


def test_own_name_at_the_estate_where_the_debtor_checks_in_places_the_debtor():
    mine, locs = _estate_world("茹小明", "茹小明")
    assert mine.height == 3 and (mine["lvl_place"] == "known_area").all()
    assert (mine["probability"] > 0.9).all(), mine
    top = locs.filter((pl.col("kind") == "residence") & (pl.col("rank") == 1))
    assert top["place_key"][0] == "330106|金色家园|2|3|501"
    # Pinyin is the debtor's own name too (weaker: many names read alike).
    pinyin, _ = _estate_world("茹小明", "Ru Xiaoming")
    assert pinyin.height == 3 and (pinyin["lvl_place"] == "known_area").all()
    assert pinyin["match_weight"].min() > mine["match_weight"].max() - 12


def test_the_estate_says_little_for_an_honorific_or_a_common_name_in_a_crowd():
    # 茹先生 at the estate could be anyone of the household: no area evidence, no link.
    honorific, _ = _estate_world("茹小明", "茹先生")
    assert honorific.height == 0 or (honorific["probability"] < 0.5).all()
    # 张伟 among 30 namesakes and a crowded estate: the area cannot tell them apart.
    rare, _ = _estate_world("茹小明", "茹小明", estate_people=200)
    common, _ = _estate_world("张伟", "张伟", namesakes=30, estate_people=200)
    assert (common["probability"] < 0.5).all(), common
    assert common["match_weight"].max() < rare["match_weight"].min() - 3


def test_office_checked_in_by_building_is_a_workplace_by_its_parcels():
    # Check-ins name the tower only ('嘉华国际大厦'); the parcels name its office room.
    # The place is judged a workplace on the parcels, however many check-ins there are.
    acct = dict(account_id="b1", account_name="茹小明", account_id_no=DEBTOR_ID, person_name="茹小明")
    office = "上海市闵行区沪闵路828号嘉华国际大厦23层2302室"
    rows = [obs(f"c{i}", 5 + 9 * i, "上海市闵行区沪闵路828号嘉华国际大厦", event="checkin", hour=12, **acct)
            for i in range(5)]
    rows += [obs(f"w{i}", 3 + 20 * i, office, hour=20, **acct) for i in range(2)]
    rows += [obs(f"h{i}", 2 + 15 * i, HOME, **acct) for i in range(4)]
    _, locs, _ = run([roster()], rows)
    work = locs.filter((pl.col("kind") == "workplace") & (pl.col("rank") == 1))
    assert work.height == 1 and work["place_key"][0] == "310112|嘉华国际大厦|||2302"
    res = locs.filter((pl.col("kind") == "residence") & (pl.col("rank") == 1))
    assert res["address"][0] == HOME


def test_factory_gatehouse_is_the_workplace_not_a_pickup_point():
    acct = dict(account_id="b1", account_name="茹小明", account_id_no=DEBTOR_ID, person_name="茹小明")
    rows = [obs(f"g{i}", 2 + 6 * i, "温州龙湾永宁西路295号 温州东方五金有限公司门卫室", hour=20, **acct) for i in range(4)]
    rows += [obs(f"f{i}", 5 + 6 * i, "浙江省温州市龙湾区永宁西路295号温州东方五金有限公司", hour=20, **acct) for i in range(2)]
    rows += [obs(f"h{i}", 3 + 15 * i, HOME, **acct) for i in range(4)]
    _, locs, _ = run([roster()], rows)
    work = locs.filter(pl.col("kind") == "workplace")
    assert work.height == 1 and work["place_key"][0] == "330303|永宁西路295号|||"
    assert work["n_observations"][0] == 6
    assert "pickup_point" not in locs["kind"].to_list()


def _roster_at(hukou: str, **kw) -> dict:
    return roster(**kw) | {"hukou_address": hukou}


def test_own_name_at_the_rosters_own_door_places_the_debtor():
    # The roster's phone is no longer in use and the account hides the ID: the court's
    # address is the one thing the parcels share with the roster.  A parcel typed with
    # the debtor's name to that door (in another spelling) is the debtor's, and the phone
    # on it then finds the parcels sent to it elsewhere.
    phone = "13966667777"
    rows = crowd(300) + [
        obs("d1", 20, "杭州市西湖区文三路100号金色家园2-3-501", person_name="茹小明", person_phone=phone),
        obs("d2", 10, "浙江省杭州市西湖区文三路100号金色家园2幢3单元501室", person_name="茹小明",
            person_phone=phone, platform="shopB"),
    ]
    scored, locs, _ = run([_roster_at(HOME, phones="13857101115")], rows)
    linked = scored.filter(pl.col("probability") >= score.LINK_THRESHOLD)
    assert linked.height == 2
    top = locs.filter((pl.col("kind") == "residence") & (pl.col("rank") == 1))
    assert top.height == 1 and top["place_key"][0].endswith("|金色家园|2|3|501")


def test_the_rosters_door_alone_does_not_link_someone_elses_parcel_there():
    # The family at the registered address: a parcel there to another name, or to a
    # namesake's flat next door, is not the debtor's.
    rows = crowd(300) + [
        obs("f1", 5, HOME, person_name="茹大海", person_phone="13966667777"),
        obs("f2", 5, "浙江省杭州市西湖区文三路100号金色家园2幢3单元502室", person_name="茹小明",
            person_phone="13966668888"),
    ]
    scored, locs, _ = run([_roster_at(HOME, phones="13857101115")], rows)
    assert scored.filter(pl.col("probability") >= score.LINK_THRESHOLD).height == 0
    assert locs.height == 0


def test_roster_doors_are_flats_and_premises_only():
    debtors, _ = prepare.build_debtors(pl.DataFrame([
        _roster_at(HOME), _roster_at("浙江省绍兴市越城区", id_number=OTHER_ID, name="王某")], schema=ROSTER_SCHEMA))
    doors = score.roster_doors(debtors)
    assert doors["id_number"].to_list() == [DEBTOR_ID]


def test_a_parents_number_typed_on_the_debtors_parcel_is_not_learned_as_the_debtors():
    # A parent orders for the debtor on the parent's own account (its verified name is not
    # the debtor's) and types the parent's own number as the recipient phone: that number is
    # the parent's (a household phone), not the debtor's new one; the debtor's own number
    # typed on the same kind of parcel is.
    scored = pl.DataFrame({
        "id_number": [DEBTOR_ID] * 2, "obs_id": ["p1", "p2"], "probability": [0.99, 0.99], "via": ["recipient"] * 2,
        "lvl_account_id": ["unknown"] * 2, "lvl_account_name": ["mismatch"] * 2,
        "lvl_recipient_name": ["exact"] * 2, "lvl_recipient_phone": ["unknown"] * 2, "recipient_is_holder": [False] * 2})
    obs_ = pl.DataFrame({"obs_id": ["p1", "p2"], "account_key": ["shop:p"] * 2,
                         "ap_digits": ["13900001111"] * 2, "ap_kind": ["mobile"] * 2,
                         "ap_mask_key": ["139|1111"] * 2, "pp_digits": ["13900001111", "13588889999"],
                         "pp_kind": ["mobile"] * 2, "pp_mask_key": ["139|1111", "135|9999"]})
    assert score.current_phones(scored, obs_)["phone"].to_list() == ["13588889999"]
    assert score.household_phones(scored, obs_)["phone"].to_list() == ["13900001111"]


def test_a_number_typed_with_only_the_surname_and_also_with_another_name_is_not_learned():
    # The debtor's verified account sends gifts to the parents in the family village: the
    # parcels read '茹女士' or '茹**' (the parents' surname is the debtor's), or the
    # mother's own name, on the mother's number.  Learned as the debtor's current phone,
    # that number would make every later parcel to her look like the debtor's own.  A
    # number typed with only the surname and once under another name is the debtor's
    # (a flat's parcels read '茹**' as often as '茹小明', and a debtor may type a family
    # member's name on a parcel of their own); one typed with the debtor's own name is.
    rows = [("g1", "surname_only", "13700002222", "137|2222"), ("g2", "surname_only", None, "137|2222"),
            ("g3", "mismatch", "13700002222", "137|2222"), ("g4", "mismatch", "13700002222", "137|2222"),
            ("s1", "surname_only", "13311112222", "133|2222"), ("s2", "mismatch", "13311112222", "133|2222"),
            ("o1", "exact", "13588889999", "135|9999")]
    n = len(rows)
    scored = pl.DataFrame({
        "id_number": [DEBTOR_ID] * n, "obs_id": [r[0] for r in rows], "probability": [0.999] * n, "via": ["account"] * n,
        "lvl_account_id": ["exact"] * n, "lvl_account_name": ["exact"] * n,
        "lvl_recipient_name": [r[1] for r in rows], "lvl_recipient_phone": ["unknown"] * n,
        "recipient_is_holder": [False] * n})
    obs_ = pl.DataFrame({"obs_id": [r[0] for r in rows], "account_key": ["shop:a"] * n,
                         "ap_digits": [None] * n, "ap_kind": [None] * n, "ap_mask_key": [None] * n,
                         "pp_digits": [r[2] for r in rows], "pp_kind": ["mobile", "masked"] + ["mobile"] * (n - 2),
                         "pp_mask_key": [r[3] for r in rows]},
                        schema_overrides={"ap_digits": pl.Utf8, "ap_kind": pl.Utf8, "ap_mask_key": pl.Utf8})
    learned = score.current_phones(scored, obs_)
    assert sorted(learned["mask_key"].to_list()) == ["133|2222", "135|9999"]


def test_an_account_whose_holder_is_someone_else_lends_no_phone():
    # A child's account, verified only as '茹**', orders for the debtor (the parcel names the
    # debtor and his number) and for the child (the child's full name and the account's own
    # phone): the bound phone is the child's.  The same kind of account without parcels of
    # another person on its own number is taken as the debtor's (his mask is learned).
    def frames(with_childs_own_parcel: bool):
        rows = [("a1", "shop:LG-1", 0.99, "account", "exact", "139|1111", "138|1115")]
        if with_childs_own_parcel:
            rows.append(("a2", "shop:LG-1", 0.30, "recipient", "mismatch", "139|1111", "139|1111"))
        scored = pl.DataFrame({
            "id_number": [DEBTOR_ID] * len(rows), "obs_id": [r[0] for r in rows], "probability": [r[2] for r in rows],
            "via": [r[3] for r in rows], "lvl_account_id": ["unknown"] * len(rows),
            "lvl_account_name": ["surname_only"] * len(rows), "lvl_account_phone": ["mismatch"] * len(rows),
            "lvl_recipient_name": [r[4] for r in rows], "lvl_recipient_phone": ["exact_roster"] * len(rows),
            "recipient_is_holder": [False] * len(rows)})
        obs_ = pl.DataFrame({"obs_id": [r[0] for r in rows], "account_key": [r[1] for r in rows],
                             "ap_digits": [None] * len(rows), "ap_kind": ["masked"] * len(rows),
                             "ap_mask_key": [r[5] for r in rows], "pp_digits": ["13857101115"] * len(rows),
                             "pp_kind": ["mobile"] * len(rows), "pp_mask_key": [r[6] for r in rows]},
                            schema_overrides={"ap_digits": pl.Utf8})
        return set(score.current_phones(scored, obs_)["mask_key"].to_list())
    assert "139|1111" not in frames(with_childs_own_parcel=True)
    assert "139|1111" in frames(with_childs_own_parcel=False)
    assert "138|1115" in frames(with_childs_own_parcel=True)      # the debtor's own number on his parcel

def test_parcels_to_the_homes_own_estate_are_no_move_out_of_it():
    # The home's door went quiet; two parcels since came to its estate with no flat written
    # (a gate the parser does not know as a pick-up point). That is no new home; a door
    # elsewhere that began after the old one stopped still replaces it.
    from datetime import date, datetime

    from linkage.rank import REPLACED_FACTOR, _succession

    def place(name, area, first, last, n):
        return {"id_number": "d", "kind": "residence", "place": name, "area_key": area, "score": 1.0,
                "n_observations": n, "first_seen": datetime(2026, *first), "last_seen": datetime(2026, *last),
                "_began": date(2026, *first), "_ended": date(2026, *last)}

    door = place("330106|金色家园|2|3|501", "330106|金色家园", (5, 1), (10, 1), 9)
    estate = place("330106|金色家园", "330106|金色家园", (11, 20), (11, 25), 2)
    elsewhere = place("330106|西溪花园|1|1|101", "330106|西溪花园", (11, 20), (11, 25), 2)
    out = _succession(pl.DataFrame([door, estate]), date(2026, 11, 27))
    assert out.filter(pl.col("place") == door["place"])["score"][0] == 1.0
    out = _succession(pl.DataFrame([door, elsewhere]), date(2026, 11, 27))
    assert out.filter(pl.col("place") == door["place"])["score"][0] == REPLACED_FACTOR


def test_an_old_number_still_bound_to_a_busy_account_does_not_outrank_the_one_in_use():
    # The account still carries the roster number the debtor gave up; its logins and check-ins
    # repeat it every time.  Parcels since are typed with the new number: that is the phone.
    acct = dict(account_id="wb1", account_name="茹小明", account_id_no=DEBTOR_ID, account_phone="13857101115")
    rows = [obs(f"c{i}", 1 + 6 * i, HOME, event="checkin", platform="weibo", **acct) for i in range(12)]
    rows += [obs(f"p{i}", 3 + 20 * i, HOME, person_name="茹小明", person_phone="13988887777") for i in range(3)]
    _, _, contacts = run([roster(phones="13857101115")], rows)
    phones = contacts.filter(pl.col("kind") == "phone").sort("rank")
    assert phones["value"].to_list()[:2] == ["13988887777", "13857101115"]


def test_a_new_number_that_took_over_from_the_old_one_ranks_first():
    # Eight parcels typed with the old number, the last four months ago; since then two with
    # a new one.  The new number replaced the old (both are the debtor's: the same account).
    acct = dict(account_id="b1", account_name="茹小明", account_id_no=DEBTOR_ID, person_name="茹小明")
    rows = [obs(f"old{i}", 120 + 20 * i, HOME, person_phone="13857101115", **{k: v for k, v in acct.items()
                                                                            if k != "person_name"},
                person_name="茹小明") for i in range(8)]
    rows += [obs(f"new{i}", 10 + 30 * i, HOME, person_phone="13988887777", **{k: v for k, v in acct.items()
                                                                            if k != "person_name"},
                 person_name="茹小明") for i in range(2)]
    _, _, contacts = run([roster(phones="13857101115")], rows)
    phones = contacts.filter(pl.col("kind") == "phone").sort("rank")
    assert phones["value"].to_list()[:2] == ["13988887777", "13857101115"]
    # Used side by side (a second phone), neither replaces the other: the busier one leads.
    rows += [obs(f"both{i}", 5 + 9 * i, HOME, person_phone="13857101115", **{k: v for k, v in acct.items()
                                                                           if k != "person_name"},
                 person_name="茹小明") for i in range(4)]
    _, _, contacts = run([roster(phones="13857101115")], rows)
    phones = contacts.filter(pl.col("kind") == "phone").sort("rank")
    assert phones["value"][0] == "13857101115"


def test_parcels_sent_from_a_street_number_make_it_a_workplace_but_not_a_village_house():
    # A shop ships its goods; a villager ships returns and gifts from home, and an online
    # seller in a village still lives in the house.
    acct = dict(account_id="b1", account_name="茹小明", account_id_no=DEBTOR_ID, person_name="茹小明")
    for address, kind in (("浙江省杭州市西湖区文三路100号", "workplace"),
                          ("浙江省杭州市西湖区双浦镇铜鉴湖村3组12号", "residence")):
        rows = [obs(f"s{i}", 3 + 10 * i, address, event="send", **acct) for i in range(3)]
        rows += [obs(f"d{i}", 5 + 10 * i, address, **acct) for i in range(2)]
        _, locs, _ = run([roster()], rows)
        assert locs.filter(pl.col("rank") == 1)["kind"].to_list() == [kind], address


def test_gifts_from_the_debtors_account_to_the_parents_village_are_not_the_debtors_home():
    # Most of the verified account's parcels go to the mother in the family village,
    # typed with her name, '茹女士' or '茹**' (her surname is the debtor's) or no usable
    # name, on her number; fewer go to the debtor's own flat under the debtor's name and
    # number.  The village is where the mother lives: the flat is the lead.
    village = "浙江省绍兴市越城区东浦街道鲁东村3组27号"
    acc = dict(account_id="b1", account_name="茹小明", account_id_no=DEBTOR_ID, account_phone="13588889999")
    rows = [obs(f"g{i}", 5 + 9 * i, village, person_name=("茹女士", "茹**", "妈", "茹秀英")[i % 4],
                person_phone="13700002222", **acc) for i in range(12)]
    rows += [obs(f"h{i}", 8 + 20 * i, HOME, person_name="茹小明", person_phone="13588889999", **acc)
             for i in range(4)]
    _, locs, contacts = run([roster(phones="13000000000")], rows)
    top = locs.filter((pl.col("kind") == "residence") & (pl.col("rank") == 1))
    assert top["address"][0] == HOME
    phones = contacts.filter(pl.col("kind") == "phone").sort("rank")["value"].to_list()
    assert phones[0] == "13588889999" and "13700002222" not in phones


def test_places_are_ranked_by_confidence_and_their_confidence_is_that_of_their_rank():
    # The score orders by evidence; the model also weighs staleness. Here the busier place
    # was last seen a year ago and the model (a stand-in: recent is likely, and first is
    # likelier) prefers the recent one: it is ranked first, and each place's published
    # confidence is the model's for the rank it is published at.
    from datetime import datetime

    rows = pl.DataFrame({
        "id_number": ["d", "d", "e"], "kind": ["residence"] * 3, "place_key": ["old", "new", "only"],
        "score": [2.0, 1.0, 1.0], "n_observations": [9, 2, 3],
        "first_seen": [datetime(2025, 1, 1), datetime(2026, 11, 1), datetime(2026, 6, 1)],
        "last_seen": [datetime(2025, 11, 1), datetime(2026, 11, 20), datetime(2026, 11, 20)],
        "sources": ["a", "a", "a"], "best_link": [1.0, 1.0, 1.0]})
    model = lambda: (0.8 - 0.3 * pl.col("f_age_years").clip(0.0, 1.0) + 0.1 * pl.col("f_is_top")).clip(0.0, 1.0)
    ranked = rank._rank_by_confidence(rows, "place_key", AS_OF, model).sort("id_number", "rank")
    assert ranked["place_key"].to_list() == ["new", "old", "only"]
    assert ranked["rank"].to_list() == [1, 2, 1]
    again = ranked.with_columns(model().alias("expected"))
    assert (again["confidence"] - again["expected"]).abs().max() < 1e-12
    assert again.filter(pl.col("place_key") == "new")["f_is_top"][0] == 1.0


def test_a_natural_village_written_after_its_village_without_its_cun_joins_the_natural_village():
    from linkage.rank import reconcile_places

    places = [
        "530125|大村|83||",       # '小哨村委会大村83号' and '小哨村大村83号' key so
        "530125|小哨大村|83||",   # the village's name before it, 村 left out
        "530125|新村|106||",
        "530125|柴石新村|106||",
        "530125|下村|7||",
        "530125|小哨下村|9||",    # another house: stays
        "530125|李家庄|33||",
        "530125|李家庄|33|1|",    # (not a village's name before it: nothing to do)
        "530125|营村|5||",
        "530125|大营村|5||",      # its lead has one character: a name of its own, stays
    ]
    ev = pl.DataFrame({"id_number": ["d"] * len(places), "place": places, "is_pickup": [False] * len(places)})
    out = dict(zip(places, reconcile_places(ev)["place"]))
    assert out["530125|小哨大村|83||"] == "530125|大村|83||"
    assert out["530125|柴石新村|106||"] == "530125|新村|106||"
    for same in ("530125|小哨下村|9||", "530125|下村|7||", "530125|大营村|5||"):
        assert out[same] == same
    # Another debtor's natural village is not this one's.
    other = pl.DataFrame({"id_number": ["d", "e"], "place": ["530125|小哨大村|83||", "530125|大村|83||"],
                          "is_pickup": [False, False]})
    assert reconcile_places(other)["place"].to_list() == ["530125|小哨大村|83||", "530125|大村|83||"]


def test_a_village_house_written_by_its_group_joins_the_natural_village_with_its_number():
    from linkage.rank import reconcile_places

    places = [
        "430181|贺家屋场|17||",    # '双桥村6组贺家屋场17号', '双桥村贺家屋场17号'
        "430181|双桥村|6组||17",   # '双桥村6组17号': the same house by its group
        "430181|双桥村|6组||18",   # another number: stays
        "430181|黄桷村|5组||12",
        "430181|石桥村|12||",      # a village's house (a parent's?) with the same number: stays
        "320282|高桥村|9组||43",
        "320282|曾家埭|43||",
        "320282|李家埭|43||",      # two natural villages could take 9组43号: it stays
    ]
    ev = pl.DataFrame({"id_number": ["d"] * len(places), "place": places, "is_pickup": [False] * len(places)})
    out = dict(zip(places, reconcile_places(ev)["place"]))
    assert out["430181|双桥村|6组||17"] == "430181|贺家屋场|17||"
    for same in ("430181|双桥村|6组||18", "430181|黄桷村|5组||12", "320282|高桥村|9组||43"):
        assert out[same] == same
    other = pl.DataFrame({"id_number": ["d", "e"], "place": ["430181|双桥村|6组||17", "430181|贺家屋场|17||"],
                          "is_pickup": [False, False]})
    assert reconcile_places(other)["place"].to_list() == ["430181|双桥村|6组||17", "430181|贺家屋场|17||"]


def test_a_place_one_step_mapped_away_is_no_target_of_a_later_one():
    from linkage.rank import reconcile_places

    # 北豪庭 joins 龙湖北豪庭 (the district-named estate); '东北豪庭' would then join 北豪庭 as a
    # word before its name, but 北豪庭 has no rows left, and 东北豪庭 is not 龙湖北豪庭.
    places = ["440507|北豪庭|6||902", "440515|龙湖北豪庭|6||902", "440507|东北豪庭|6||902"]
    out = reconcile_places(pl.DataFrame({"id_number": ["d"] * 3, "place": places, "is_pickup": [False] * 3}))["place"]
    assert out.to_list() == ["440515|龙湖北豪庭|6||902", "440515|龙湖北豪庭|6||902", "440507|东北豪庭|6||902"]


def _at_the_rosters_door_among_20000(parcel_name: str):
    """20,000 people seen, 200 of them 王伟, and one parcel to 王伟's roster flat typed
    ``parcel_name`` with a phone the roster does not have."""
    people = [obs(f"x{i}", 5, OLD_HOME, person_name=f"路人{chr(0x4e00 + i % 2000)}{chr(0x4e00 + i // 2000)}",
                  person_phone=f"1370{i:07d}") for i in range(19_800)]
    namesakes = [obs(f"n{i}", 5, OLD_HOME, person_name="王伟", person_phone=f"1390{i:07d}") for i in range(200)]
    rows = people + namesakes + [obs("d1", 10, HOME, person_name=parcel_name, person_phone="13966667777")]
    scored, locs, _ = run([_roster_at(HOME, name="王伟", phones="13857101115")], rows)
    return scored.filter(pl.col("probability") >= score.LINK_THRESHOLD), locs


def test_a_common_name_at_the_rosters_own_door_links_in_a_large_population():
    # The name alone is weak, but few people get parcels at one flat, and that weighs
    # more the more people there are.  A fixed door weight fell behind the prior
    # (-log2 N): this parcel, with a new phone, stayed unlinked.
    linked, locs = _at_the_rosters_door_among_20000("王伟")
    assert linked["obs_id"].n_unique() == 1
    top = locs.filter((pl.col("kind") == "residence") & (pl.col("rank") == 1))
    assert top.height == 1 and top["place_key"][0].endswith("|金色家园|2|3|501")


@pytest.mark.parametrize("parcel_name", ["王**", "王先生", "老王"])
def test_a_surname_at_the_rosters_own_door_is_the_households_not_the_debtors(parcel_name):
    # The family at the flat shares the surname, however many people there are.
    linked, locs = _at_the_rosters_door_among_20000(parcel_name)
    assert linked.height == 0 and locs.height == 0


def test_a_bare_street_number_joins_the_debtors_one_sub_number_of_it():
    from linkage.rank import reconcile_places

    places = ["500103|民族路119号|||", "500103|民族路119-9号|||",      # '民族路119号附9号' written short
              "510502|水井沟巷12号|||", "510502|水井沟巷12-3号|||", "510502|水井沟巷12-5号|||",   # two: stays
              "500103|解放碑8号|||", "500104|解放碑8-2号|||"]          # another district: stays
    out = reconcile_places(pl.DataFrame({"id_number": ["d"] * 7, "place": places, "is_pickup": [False] * 7}))["place"]
    assert out.to_list() == ["500103|民族路119-9号|||"] * 2 + places[2:]


def test_a_village_house_written_without_its_villages_cun_before_a_named_natural_village():
    from linkage.rank import reconcile_places

    places = ["350303|白塘双福上林|155||", "350303|双福村上林|155||",    # town, village without 村, natural village
              "350304|东甲宫下|79||", "350304|东甲村宫下|79||",
              "350304|东甲花园|7|2|301", "350304|东甲村花园|7|2|301"]    # a flat: stays
    out = reconcile_places(pl.DataFrame({"id_number": ["d"] * 6, "place": places, "is_pickup": [False] * 6}))["place"]
    assert out.to_list() == ["350303|双福村上林|155||"] * 2 + ["350304|东甲村宫下|79||"] * 2 + places[4:]


def test_a_door_under_a_zones_code_joins_the_same_door_under_its_district():
    from linkage.rank import reconcile_places

    places = ["320671|钟秀新苑|4|4|904", "320602|钟秀新苑|4|4|904",     # 南通经济技术开发区 and 崇川区
              "150172|金色家园|3|2|501", "150102|金色家园|3|2|501", "150105|金色家园|3|2|501",  # two districts: stays
              "320671|濠河花园|9|2|1703", "320602|濠河嘉苑|9|2|1703"]    # another estate: stays
    out = reconcile_places(pl.DataFrame({"id_number": ["d"] * 7, "place": places, "is_pickup": [False] * 7}))["place"]
    assert out.to_list() == ["320602|钟秀新苑|4|4|904"] * 2 + places[2:]


def test_an_account_surely_another_debtors_lends_nothing_to_a_namesake_on_the_roster():
    # Two debtors named 刘杰 whose IDs end alike: the account's masked ID fits both, its
    # bound phone is the second's.  The account is his, so its parcels are not the first's.
    first, second = "441324199110111918", "441381200207036718"
    acct = dict(account_id="acct7", account_name="刘杰", account_id_no="44**************18",
                account_phone="161****9847", person_name="刘杰", person_phone="16175139847")
    rows = [obs(f"o{i}", 10 + 30 * i, HOME, **acct) for i in range(4)]
    rows += crowd() + [obs(f"n{i}", 5, OLD_HOME, person_name="刘杰", person_phone=f"1390{i:07d}") for i in range(2)]
    scored, locs, _ = run([roster(name="刘杰", id_number=first, phones="18013204489"),
                           roster(name="刘杰", id_number=second, phones="16175139847")], rows)
    linked = scored.filter(pl.col("probability") >= score.LINK_THRESHOLD)
    assert set(linked["id_number"]) == {second}
    assert locs.filter(pl.col("id_number") == first).height == 0
    assert locs.filter((pl.col("id_number") == second) & (pl.col("kind") == "residence"))["address"][0] == HOME


def test_an_account_held_by_one_debtor_still_places_a_spouse_named_on_its_parcels():
    # The holder is a debtor too (a co-debtor spouse); parcels typed with the other
    # debtor's own name and phone are still the other's.
    acct = dict(account_id="w1", account_name="林美丽", account_id_no=OTHER_ID, account_phone="13677776666")
    rows = [obs(f"h{i}", 10 + 20 * i, HOME, person_name="林美丽", person_phone="13677776666", **acct) for i in range(3)]
    rows += [obs(f"s{i}", 15 + 20 * i, HOME, person_name="茹小明", person_phone="13857101115", **acct) for i in range(3)]
    scored, locs, _ = run([roster(), roster(name="林美丽", id_number=OTHER_ID, phones="13677776666")], rows)
    linked = scored.filter(pl.col("probability") >= score.LINK_THRESHOLD)
    assert linked.filter(pl.col("id_number") == DEBTOR_ID).height == 3
    assert locs.filter((pl.col("id_number") == DEBTOR_ID) & (pl.col("kind") == "residence"))["address"][0] == HOME


def test_a_lane_written_without_its_street_joins_it_also_beside_a_door_without_district():
    # 临汾's lanes: '书院巷45号' is '平阳北街书院巷45号'; the same door written without the
    # district (city code) is no second door the short spelling could be.
    acct = dict(account_id="b1", account_name="茹小明", account_id_no=DEBTOR_ID, person_name="茹小明")
    rows = [obs(f"a{i}", 5 + 9 * i, "山西省临汾市尧都区书院巷45号", **acct) for i in range(5)]
    rows += [obs(f"b{i}", 8 + 9 * i, "山西省临汾市尧都区平阳北街书院巷45号", **acct) for i in range(5)]
    rows += [obs("c1", 50, "山西省临汾市平阳北街书院巷45号", **acct), obs("c2", 60, "山西省临汾市书院巷45号", **acct)]
    _, locs, _ = run([roster()], rows)
    res = locs.filter(pl.col("kind") == "residence")
    assert res["place_key"].to_list() == ["141002|平阳北街书院巷45号|||"]
    assert res["n_observations"][0] == 12
    assert res["address"][0] == "山西省临汾市尧都区平阳北街书院巷45号", "shown as the traces naming it in full write it"


OFFICE = "浙江省杭州市西湖区文三路100号华星大厦1203室"


def _office_world(parcel_name: str):
    """王小明's own account orders to the office (its door learned); one more parcel there
    carries the roster's office landline and ``parcel_name``.  王 is a common surname."""
    acct = dict(account_id="b1", account_name="王小明", account_id_no=DEBTOR_ID, account_phone="13857101115")
    rows = [obs(f"w{i}", 5 + 20 * i, OFFICE, person_name="王小明", person_phone="13857101115", hour=11, **acct)
            for i in range(3)]
    rows.append(obs("c1", 8, OFFICE, person_name=parcel_name, person_phone="0571-87054420", hour=11))
    rows += crowd() + [obs(f"k{i}", 5, OLD_HOME, person_name=f"王{chr(0x4e00 + i)}{chr(0x4e01 + i)}",
                           person_phone=f"1380{i:07d}") for i in range(300)]
    scored, _, _ = run([roster(name="王小明", phones="13857101115;0571-87054420")], rows)
    c1 = prepare.obs_ids(pl.DataFrame([rows[3]], schema=OBSERVATION_SCHEMA))[0]
    p = scored.filter((pl.col("obs_id") == c1) & (pl.col("id_number") == DEBTOR_ID))["probability"]
    return p[0] if p.len() else 0.0


@pytest.mark.parametrize("parcel_name", ["李勇", "王**", "王先生"])
def test_a_colleagues_parcel_with_the_offices_landline_is_not_the_debtors(parcel_name):
    # Everyone at the office types its line: the line and the office's door are one
    # agreement, and with another name or only a common surname it links nobody.
    assert _office_world(parcel_name) < score.LINK_THRESHOLD


def test_the_debtors_own_name_with_the_offices_landline_links():
    assert _office_world("王小明") > 0.9


def test_a_village_house_by_its_hamlet_joins_the_same_house_by_its_group():
    from linkage.rank import reconcile_places

    places = (["520402|油榨村|8组||46"] + ["520402|油榨村坡脚寨|46||"] * 2           # the group names it, however many
              + ["431228|和平村|2组||54"] + ["431228|和平村黄泥冲|54||"]
              + ["431228|红旗村|3组||29", "431228|红旗村|4组||29", "431228|红旗村石垅|29||"])   # two groups: stays
    out = reconcile_places(pl.DataFrame({"id_number": ["d"] * 8, "place": places, "is_pickup": [False] * 8}))["place"]
    assert out.to_list() == ["520402|油榨村|8组||46"] * 3 + ["431228|和平村|2组||54"] * 2 + places[5:]


def test_a_flat_of_an_estates_part_written_in_dashes_joins_it_written_with_the_part():
    from linkage.rank import reconcile_places

    places = ["340705|石城新村|5|11|301", "340705|石城新村5区|11||301",     # '石城新村5-11-301'
              "340705|五松新村|3|2|201", "340705|五松新村3区|12||201"]      # another building: stays
    out = reconcile_places(pl.DataFrame({"id_number": ["d"] * 4, "place": places, "is_pickup": [False] * 4}))["place"]
    assert out.to_list() == ["340705|石城新村5区|11||301"] * 2 + places[2:]


def test_a_towns_name_run_into_a_village_joins_the_village_written_apart():
    from linkage.rank import reconcile_places

    places = ["431103|蔡市南集|7组||95", "431103|南集村|7组||95",              # 蔡市镇南集村7组95号
              "130527|史召黄滩村后街94号|||", "130527|黄滩村后街94号|||"]       # 史召乡黄滩村后街94号
    out = reconcile_places(pl.DataFrame({"id_number": ["d"] * 4, "place": places, "is_pickup": [False] * 4}))["place"]
    assert out.to_list() == ["431103|南集村|7组||95"] * 2 + ["130527|黄滩村后街94号|||"] * 2
