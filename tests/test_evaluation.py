"""What `locate evaluate` counts as the true door."""
import polars as pl
import pytest

from linkage import addresses
from linkage.evaluation import evaluate_frames, truth_keys

TRUE_HOME = "浙江省杭州市西湖区教工路869号清水华庭11幢4单元1401室"


def _hit(predicted: str, true_home: str = TRUE_HOME) -> float:
    key = addresses.parse_addresses(pl.Series([predicted]))["place_key"][0]
    locations = pl.DataFrame({"id_number": ["330106199001011234"], "kind": ["residence"], "rank": [1],
                              "place_key": [key], "confidence": [0.9]})
    contacts = pl.DataFrame(schema={"id_number": pl.Utf8, "kind": pl.Utf8, "rank": pl.Int64, "value": pl.Utf8})
    truth = pl.DataFrame({"id_number": ["330106199001011234"], "kind": ["person"], "open": [True],
                          "on_platforms": [True], "absent": [False], "has_home_delivery": [True],
                          "home_address": [true_home], "current_phones": [["13800001111"]]})
    return evaluate_frames(locations, contacts, truth)["residence_hit@1"]


def test_the_flat_written_by_its_street_number_is_the_true_door():
    # No trace named the estate: the officer still finds 清水华庭 at 教工路869号.
    assert _hit("浙江省杭州市西湖区教工路869号11幢4单元1401室") == 1.0
    assert _hit("杭州市西湖区清水华庭11幢4单元1401室") == 1.0


@pytest.mark.parametrize("predicted", [
    "浙江省杭州市西湖区教工路869号11幢4单元1402室",   # the neighbour's flat
    "浙江省杭州市西湖区教工路871号11幢4单元1401室",   # another street number
    "浙江省杭州市西湖区文三路869号11幢4单元1401室",   # another road
    "浙江省杭州市西湖区教工路869号",                   # the estate's gate, not a door
    "浙江省杭州市拱墅区教工路869号11幢4单元1401室",   # another district
])
def test_a_street_number_door_is_right_only_when_every_part_agrees(predicted):
    assert _hit(predicted) == 0.0


def test_an_address_without_road_and_estate_has_no_street_form():
    keys = truth_keys(pl.Series([TRUE_HOME, "杭州市西湖区清水华庭11幢4单元1401室", "浙江省杭州市西湖区教工路869号",
                                 "四川省眉山市仁寿县富加镇黄桷村11组232号"]))
    assert keys["street_key"].to_list() == ["330106|教工路869号|11|4|1401", None, None, None]
