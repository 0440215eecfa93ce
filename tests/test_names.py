import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linkage.names import (
    NAME_FIELDS,
    compare_name,
    compare_names,
    normalize_name,
    normalize_names,
    surname_of,
)

KINDS = {"full", "masked", "honorific", "pinyin", "org", "other", "empty"}
CATS = {"exact", "pinyin", "masked_compatible", "surname_only", "fuzzy", "mismatch", "nickname", "unknown"}


# ------------------------------------------------------------------ full names
@pytest.mark.parametrize(
    "raw,name,surname,given",
    [
        ("茹小明", "茹小明", "茹", "小明"),
        (" 茹 小 明 ", "茹小明", "茹", "小明"),
        ("茹小明。", "茹小明", "茹", "小明"),
        ("陳小名", "陈小名", "陈", "小名"),  # traditional -> simplified
        ("歐陽娜娜", "欧阳娜娜", "欧阳", "娜娜"),
        ("欧阳娜娜", "欧阳娜娜", "欧阳", "娜娜"),
        ("司马光", "司马光", "司马", "光"),
        ("诸葛亮", "诸葛亮", "诸葛", "亮"),
        ("上官婉儿", "上官婉儿", "上官", "婉儿"),
        ("尉迟恭", "尉迟恭", "尉迟", "恭"),
        ("欧阳", "欧阳", "欧", "阳"),  # a 2-character name: no room for a compound surname
        ("茹明\u200b", "茹明", "茹", "明"),
        ("茹明😀", "茹明", "茹", "明"),
        ("\t茹明\x07", "茹明", "茹", "明"),
    ],
)
def test_full(raw, name, surname, given):
    n = normalize_name(raw)
    assert set(n) == set(NAME_FIELDS)
    assert n["kind"] == "full"
    assert (n["name"], n["surname"], n["given"]) == (name, surname, given)
    assert n["length"] == len(name)
    assert n["pattern"] is None and n["template"] == name


def test_full_name_with_polite_suffix_keeps_gender():
    n = normalize_name("茹明先生")
    assert (n["kind"], n["name"], n["gender"]) == ("full", "茹明", "M")


def test_minority_name_with_dot():
    n = normalize_name("买买提·艾力")
    assert n["kind"] == "full" and n["name"] == "买买提艾力" and n["surname"] is None


# ------------------------------------------------------------------ pinyin of Han names
@pytest.mark.parametrize(
    "raw,pinyin,initials",
    [
        ("茹小明", "ruxiaoming", "rxm"),
        ("曾小明", "zengxiaoming", "zxm"),
        ("单田芳", "shantianfang", "stf"),
        ("解晓东", "xiexiaodong", "xxd"),
        ("仇明", "qiuming", "qm"),
        ("查明", "zhaming", "zm"),
        ("朴明", "piaoming", "pm"),
        ("区明", "ouming", "om"),
        ("盖明", "geming", "gm"),
        ("乐明", "yueming", "ym"),
        ("覃明", "qinming", "qm"),
        ("黑明", "heming", "hm"),
        ("种明", "chongming", "cm"),
        ("翟明", "zhaiming", "zm"),
        ("尉迟恭", "yuchigong", "ycg"),
        ("万俟卨", "moqixie", "mqx"),
        ("长孙无忌", "zhangsunwuji", "zswj"),
        ("欧阳娜娜", "ouyangnana", "oynn"),
        ("吕明", "lvming", "lm"),
        ("陳小名", "chenxiaoming", "cxm"),
    ],
)
def test_han_pinyin_with_surname_readings(raw, pinyin, initials):
    n = normalize_name(raw)
    assert (n["pinyin"], n["initials"]) == (pinyin, initials)


# ------------------------------------------------------------------ masked
@pytest.mark.parametrize(
    "raw,surname,length,pattern,template",
    [
        ("茹*明", "茹", 3, [(0, "茹"), (2, "明")], "茹*明"),
        ("茹**", "茹", 3, [(0, "茹")], "茹**"),
        ("茹*", "茹", 2, [(0, "茹")], "茹*"),
        ("*明", None, 2, [(1, "明")], "*明"),
        ("**明", None, 3, [(2, "明")], "**明"),
        ("茹某明", "茹", 3, [(0, "茹"), (2, "明")], "茹*明"),
        ("茹某", "茹", None, [(0, "茹")], "茹*"),  # court convention: length unknown
        ("茹某某", "茹", None, [(0, "茹")], "茹**"),
        ("张XX", "张", 3, [(0, "张")], "张**"),
        ("张xx", "张", 3, [(0, "张")], "张**"),
        ("茹＊明", "茹", 3, [(0, "茹"), (2, "明")], "茹*明"),
        ("欧阳**", "欧阳", 4, [(0, "欧"), (1, "阳")], "欧阳**"),
        ("歐*娜娜", "欧", 4, [(0, "欧"), (2, "娜"), (3, "娜")], "欧*娜娜"),
        ("茹○明", "茹", 3, [(0, "茹"), (2, "明")], "茹*明"),
    ],
)
def test_masked(raw, surname, length, pattern, template):
    n = normalize_name(raw)
    assert n["kind"] == "masked"
    assert n["surname"] == surname
    assert n["length"] == length
    assert n["pattern"] == pattern
    assert n["template"] == template


def test_fully_masked():
    n = normalize_name("***")
    assert n["kind"] == "masked" and n["pattern"] == [] and n["surname"] is None


# ------------------------------------------------------------------ honorifics
@pytest.mark.parametrize(
    "raw,surname,gender",
    [
        ("茹先生", "茹", "M"),
        ("茹女士", "茹", "F"),
        ("茹小姐", "茹", "F"),
        ("茹总", "茹", None),
        ("茹老师", "茹", None),
        ("茹师傅", "茹", None),
        ("茹姐", "茹", "F"),
        ("茹哥", "茹", "M"),
        ("老茹", "茹", None),
        ("小茹", "茹", None),
        ("阿王", "王", None),
        ("欧阳先生", "欧阳", "M"),
        ("歐陽女士", "欧阳", "F"),
        ("陳先生", "陈", "M"),
        ("茹", "茹", None),
        # Regional forms of address: Sichuan's 孃孃, Hakka's 牯, Hunan's 伢, Cantonese 仔.
        ("林孃孃", "林", "F"),
        ("林牯", "林", "M"),
        ("林伢", "林", None),
        ("林仔", "林", "M"),
    ],
)
def test_honorific(raw, surname, gender):
    n = normalize_name(raw)
    assert n["kind"] == "honorific"
    assert (n["surname"], n["gender"]) == (surname, gender)
    assert n["length"] is None


# ------------------------------------------------------------------ pinyin input
@pytest.mark.parametrize(
    "raw,pinyin,length",
    [
        ("Ru Ming", "ruming", 2),
        ("ruming", "ruming", 2),
        ("RU MING", "ruming", 2),
        ("Ming Ru", "mingru", 2),
        ("Ru Xiaoming", "ruxiaoming", 3),
        ("ＲＵ　ＭＩＮＧ", "ruming", 2),  # full-width latin
        ("Ouyang Nana", "ouyangnana", 4),
        ("Lyu Ming", "lvming", 2),
        ("Lü Ming", "lvming", 2),
        ("ru-ming", "ruming", 2),
        ("Rù Míng", "ruming", 2),  # tone marks
        ("Rú Xiǎomíng", "ruxiaoming", 3),
        ("Lǚ Míng", "lvming", 2),
        ("ＲＵ　ＭÍＮＧ", "ruming", 2),
        ("LIN/XIUYING", "linxiuying", 3),  # a passport's surname / given name
        ("LIN, XIUYING", "linxiuying", 3),
    ],
)
def test_pinyin_kind(raw, pinyin, length):
    n = normalize_name(raw)
    assert n["kind"] == "pinyin"
    assert n["pinyin"] == pinyin and n["length"] == length


# ------------------------------------------------------------------ org / other / empty
@pytest.mark.parametrize(
    "raw,kind",
    [
        ("杭州某某科技有限公司", "org"),
        ("台州市黄岩区茹记小吃店", "org"),
        ("黄岩第二塑料厂", "org"),
        ("菜鸟驿站", "org"),
        ("丰巢快递柜", "org"),
        ("Alibaba Co., Ltd.", "org"),
        ("海边的小茹", "other"),
        ("宝宝", "other"),
        ("亲爱的", "other"),
        ("小明", "other"),  # a given-name nickname, not 'surname 明'
        ("Tom", "other"),
        ("RM", "other"),
        ("茹ming", "other"),
        ("茹明2", "other"),
        ("😀😀", "other"),
        ("=HYPERLINK(\"http://x\",\"茹明\")", "other"),
        ("x" * 100_000, "other"),
        ("", "empty"),
        ("   ", "empty"),
        (None, "empty"),
        (float("nan"), "empty"),
    ],
)
def test_other_kinds(raw, kind):
    assert normalize_name(raw)["kind"] == kind


def test_surname_of():
    assert surname_of("欧阳娜娜") == "欧阳"
    assert surname_of("茹先生") == "茹"
    assert surname_of("茹**") == "茹"
    assert surname_of("*明") is None
    assert surname_of(None) is None
    assert surname_of("菜鸟驿站") is None


# ------------------------------------------------------------------ compare
@pytest.mark.parametrize(
    "debtor,obs,cat",
    [
        ("茹小明", "茹小明", "exact"),
        ("茹小明", " 茹 小明 ", "exact"),
        ("陈小明", "陳小明", "exact"),
        # pinyin, both orders, spaces and case
        ("茹小明", "Ru Xiaoming", "pinyin"),
        ("茹小明", "xiaoming ru", "pinyin"),
        ("茹小明", "RU XIAO MING", "pinyin"),
        ("茹小明", "ruxiaoming", "pinyin"),
        ("欧阳娜娜", "Nana Ouyang", "pinyin"),
        ("曾小明", "Zeng Xiaoming", "pinyin"),
        ("曾小明", "Ceng Xiaoming", "mismatch"),  # nobody spells the surname 曾 'ceng'
        ("单田芳", "Shan Tianfang", "pinyin"),
        ("尉迟恭", "Yuchi Gong", "pinyin"),
        ("乐小明", "Yue Xiaoming", "pinyin"),
        ("乐小明", "Le Xiaoming", "pinyin"),  # both readings occur as a surname
        ("张长明", "Zhang Changming", "pinyin"),
        ("张长明", "Zhang Zhangming", "pinyin"),  # polyphonic given name
        ("吕明", "Lyu Ming", "pinyin"),
        ("茹小明", "Ru Ming", "mismatch"),
        # masked
        ("茹小明", "茹*明", "masked_compatible"),
        ("茹小明", "茹某明", "masked_compatible"),
        ("茹小明", "*小明", "masked_compatible"),
        ("欧阳娜娜", "欧*娜娜", "masked_compatible"),
        ("茹小明", "茹*亮", "mismatch"),
        ("茹小明", "林*明", "mismatch"),
        ("茹小明", "茹*", "mismatch"),  # length known (2) and different
        ("茹明", "茹**", "mismatch"),
        ("茹小明", "***", "unknown"),
        # surname only
        ("茹小明", "茹**", "surname_only"),
        ("茹小明", "茹某", "surname_only"),  # length unknown
        ("茹小明", "茹某某", "surname_only"),
        ("茹明", "茹某某", "surname_only"),
        ("欧阳娜娜", "欧阳**", "surname_only"),
        ("茹小明", "茹先生", "surname_only"),
        ("茹小明", "老茹", "surname_only"),
        ("欧阳娜娜", "欧阳女士", "surname_only"),
        ("茹小明", "林先生", "mismatch"),
        ("欧阳娜娜", "欧女士", "mismatch"),
        # fuzzy
        ("陈小明", "陳小名", "fuzzy"),
        ("陈小明", "陈晓明", "fuzzy"),
        ("陈明", "陈鸣", "fuzzy"),
        ("陈小明", "陈小亮", "fuzzy"),
        ("陈明", "陈亮", "mismatch"),  # two characters, one differs: not enough
        ("陈小明", "林大伟", "mismatch"),
        # another surname that does not sound alike: another family, not a typo
        ("胡红梅", "范红梅", "mismatch"),
        ("欧阳明华", "欧杨明华", "fuzzy"),  # a homophone in the surname is a typing slip
        ("欧阳明华", "欧阳明花", "fuzzy"),
        # unknown
        ("茹小明", "海边的小茹", "unknown"),
        ("茹小明", "菜鸟驿站", "unknown"),
        ("茹小明", "", "unknown"),
        ("茹小明", None, "unknown"),
        # given-name nicknames: weak, but more than nothing beside a phone
        ("茹小明", "小明", "nickname"),
        ("邵敏雨", "雨雨", "nickname"),
        ("邵敏雨", "阿雨", "nickname"),
        ("邵敏雨", "雨姐", "nickname"),
        ("邵敏雨", "敏雨", "nickname"),
        ("茹小明", "明哥", "nickname"),
        ("邵敏雨", "宝宝", "unknown"),      # no character of the given name
        ("邵敏雨", "小明", "unknown"),
        ("邵敏雨", "雨雨雨雨", "unknown"),  # too long for a nickname
        (None, "茹小明", "unknown"),
        ("杭州某某科技有限公司", "茹小明", "unknown"),
    ],
)
def test_compare(debtor, obs, cat):
    got, detail = compare_name(debtor, obs)
    assert got == cat, detail
    assert compare_name(debtor, normalize_name(obs))[0] == cat  # dict input works too


def test_compare_details():
    assert compare_name("茹小明", "茹先生") == ("surname_only", "gender=M")
    assert compare_name("陈小明", "陳小名") == ("fuzzy", "homophone")
    assert compare_name("陈小明", "陈小亮") == ("fuzzy", "one_char")
    assert compare_name("茹小明", "茹*")[1].startswith("length")
    assert compare_name("茹小明", "小明") == ("nickname", "given_chars")


# ------------------------------------------------------------------ vectorised
def test_normalize_names_matches_scalar_and_keeps_order():
    raw = ["茹小明", None, "茹*明", "Ru Ming", "茹先生", "陳小名", "", "茹小明", "菜鸟驿站", "海边的小茹", "茹某某"]
    df = normalize_names(pl.Series("n", raw))
    assert df.columns == list(NAME_FIELDS)
    assert df.schema["pattern"] == pl.List(pl.Struct({"pos": pl.Int16, "char": pl.Utf8}))
    rows = df.to_dicts()
    for r, row in zip(raw, rows):
        expected = normalize_name(r)
        if expected["pattern"] is not None:
            expected["pattern"] = [{"pos": p, "char": c} for p, c in expected["pattern"]]
        assert row == expected
    assert normalize_names(pl.Series(["茹明"]), col_prefix="rcv_").columns == ["rcv_" + c for c in NAME_FIELDS]
    assert normalize_names(pl.Series([], dtype=pl.Utf8)).height == 0


def test_compare_names_vectorised():
    debtor = ["茹小明", "茹小明", "茹小明", None, "陈小明", "茹小明", "茹小明"]
    obs = ["茹*明", "Ru Xiaoming", "茹先生", "茹小明", "陳小名", None, "茹*明"]
    out = compare_names(pl.Series(debtor), pl.Series(obs))
    assert out.columns == ["name_match", "name_detail"]
    assert list(zip(out["name_match"], out["name_detail"])) == [compare_name(d, o) for d, o in zip(debtor, obs)]


# ------------------------------------------------------------------ properties
@settings(max_examples=300, deadline=None)
@given(st.one_of(st.none(), st.text(max_size=40), st.integers(), st.floats()))
def test_never_raises(raw):
    n = normalize_name(raw)
    assert n["kind"] in KINDS
    cat, detail = compare_name("茹小明", raw)
    assert cat in CATS and isinstance(detail, str)
    cat, _ = compare_name(raw, "茹*明")
    assert cat in CATS


name_like = st.text(alphabet="茹小明陈陳欧阳歐陽先生女士某*＊xX老 RuMingru·公司", max_size=7)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(name_like, name_like), min_size=1, max_size=15))
def test_compare_vectorised_equals_scalar(pairs):
    d, o = (list(c) for c in zip(*pairs))
    out = compare_names(pl.Series(d, dtype=pl.Utf8), pl.Series(o, dtype=pl.Utf8))
    assert list(zip(out["name_match"], out["name_detail"])) == [compare_name(x, y) for x, y in pairs]
    assert set(normalize_names(pl.Series(d, dtype=pl.Utf8))["kind"].to_list()) <= KINDS


@pytest.mark.parametrize("raw", ["李明(本人)", "李明（收）", "李明 【代收】", "(李明)"])
def test_remarks_beside_a_name_are_dropped(raw):
    assert compare_name("李明", normalize_name(raw))[0] == "exact"


@pytest.mark.parametrize("raw", ["茹小明收", "茹小明 收件", "茹小明收货", "茹小明 13857101115", "茹小明138****1115"])
def test_what_is_typed_after_the_name_is_not_part_of_it(raw):
    r = normalize_name(raw)
    assert (r["name"], r["kind"], r["surname"], r["given"]) == ("茹小明", "full", "茹", "小明")


def test_two_people_in_one_cell_and_short_names_ending_in_shou_stay_as_they_were():
    # Either of two names may be the one the parcel is for: neither is assumed.
    assert normalize_name("林美丽/茹小明")["kind"] == "other"
    assert normalize_name("李收")["name"] == "李收"
