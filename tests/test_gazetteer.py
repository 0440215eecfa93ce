"""The administrative-division tree flattened from jionlp's tab-indented dictionary."""
from linkage.gazetteer import divisions, parse_division_lines

TREE = ("浙江省\t330000\t浙江\n"
        "\t杭州市\t330100\t杭州\n"
        "\t\t西湖区\t330106\t西湖\n"
        "\t\t\t转塘街道\n"
        "\t\t\t\t双浦村\n"
        "\r\n"
        "\t\t淳安县\t330127\t\n"
        "\t\t\t汾口镇\n"
        "\t宁波市\t330200\t宁波\n"
        "\t\t\t\t\t深过头\n"
        "上海市\t310000\t上海\n")


def test_ancestors_codes_and_shorts():
    d = parse_division_lines(TREE)
    rows = {r["name"]: r for r in d.iter_rows(named=True)}
    assert d.height == 9                        # the blank line and the level-5 line are skipped
    assert rows["双浦村"] == dict(level=4, name="双浦村", short=None, code="330106", province="浙江省",
                                  city="杭州市", district="西湖区", town="转塘街道")
    # A county without a short name; its town carries its code, not 西湖区's.
    assert rows["淳安县"]["short"] is None
    assert (rows["汾口镇"]["code"], rows["汾口镇"]["district"], rows["汾口镇"]["town"]) == ("330127", "淳安县", "汾口镇")
    # A new city or province resets every deeper ancestor.
    assert (rows["宁波市"]["district"], rows["宁波市"]["town"], rows["宁波市"]["city"]) == (None, None, "宁波市")
    assert (rows["上海市"]["city"], rows["上海市"]["province"], rows["上海市"]["code"]) == (None, "上海市", "310000")


def test_the_shipped_dictionary():
    d = divisions()
    assert d.height > 600_000
    xihu = d.filter((d["name"] == "西湖区") & (d["city"] == "杭州市")).row(0, named=True)
    assert (xihu["level"], xihu["code"], xihu["short"], xihu["province"]) == (2, "330106", "西湖", "浙江省")
    towns = d.filter((d["level"] == 3) & (d["district"] == "西湖区") & (d["city"] == "杭州市"))
    assert towns.height >= 10 and set(towns["code"]) == {"330106"}
