"""Synthetic Chinese names with realistic frequencies, and the ways platforms mangle them.

Surname weights roughly follow published frequency tables (per mille of the population,
rounded); rare surnames are included on purpose (茹, 曾, 单, 仇 ...) because their
pinyin readings trip up naive romanisation.  Given names are drawn from short,
Zipf-like lists so that namesakes (several 张伟 / 王芳 in one city) occur naturally.
"""
from __future__ import annotations

import functools

import numpy as np

# (surname, weight per mille, surname reading in pinyin)
SURNAMES: list[tuple[str, float, str]] = [
    ("王", 72, "wang"), ("李", 72, "li"), ("张", 68, "zhang"), ("刘", 54, "liu"),
    ("陈", 46, "chen"), ("杨", 32, "yang"), ("黄", 24, "huang"), ("赵", 23, "zhao"),
    ("吴", 21, "wu"), ("周", 21, "zhou"), ("徐", 17, "xu"), ("孙", 16, "sun"),
    ("马", 15, "ma"), ("朱", 14, "zhu"), ("胡", 13, "hu"), ("郭", 12, "guo"),
    ("何", 12, "he"), ("林", 11, "lin"), ("罗", 11, "luo"), ("高", 11, "gao"),
    ("郑", 10, "zheng"), ("梁", 9, "liang"), ("谢", 8, "xie"), ("宋", 8, "song"),
    ("唐", 7, "tang"), ("许", 7, "xu"), ("韩", 7, "han"), ("冯", 7, "feng"),
    ("邓", 7, "deng"), ("曹", 6, "cao"), ("彭", 6, "peng"), ("曾", 6, "zeng"),
    ("肖", 6, "xiao"), ("田", 5, "tian"), ("董", 5, "dong"), ("袁", 5, "yuan"),
    ("潘", 5, "pan"), ("于", 5, "yu"), ("蒋", 5, "jiang"), ("蔡", 5, "cai"),
    ("余", 5, "yu"), ("杜", 4, "du"), ("叶", 4, "ye"), ("程", 4, "cheng"),
    ("苏", 4, "su"), ("魏", 4, "wei"), ("吕", 4, "lv"), ("丁", 4, "ding"),
    ("任", 4, "ren"), ("沈", 4, "shen"), ("姚", 3, "yao"), ("卢", 3, "lu"),
    ("姜", 3, "jiang"), ("崔", 3, "cui"), ("钟", 3, "zhong"), ("谭", 3, "tan"),
    ("陆", 3, "lu"), ("汪", 3, "wang"), ("范", 3, "fan"), ("金", 3, "jin"),
    ("石", 3, "shi"), ("廖", 3, "liao"), ("贾", 3, "jia"), ("夏", 3, "xia"),
    ("韦", 2, "wei"), ("方", 2.5, "fang"), ("邱", 2, "qiu"), ("骆", 1.2, "luo"),
    ("俞", 1.5, "yu"), ("楼", 1.0, "lou"), ("应", 1.0, "ying"), ("章", 1.5, "zhang"),
    ("钱", 1.5, "qian"), ("戴", 1.5, "dai"), ("孔", 1.2, "kong"), ("毛", 1.5, "mao"),
    ("茹", 0.4, "ru"), ("单", 0.5, "shan"), ("仇", 0.3, "qiu"), ("解", 0.3, "xie"),
    ("查", 0.3, "zha"), ("朴", 0.2, "piao"), ("柴", 0.4, "chai"), ("竺", 0.2, "zhu"),
    ("诸葛", 0.1, "zhuge"), ("欧阳", 0.3, "ouyang"), ("司马", 0.1, "sima"),
]

# Given names, most frequent first; two-character names dominate among people born after 1970.
GIVEN_MALE = [
    "伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "斌", "波",
    "建华", "建国", "建军", "志强", "永强", "国平", "晓东", "晓明", "文彬", "俊杰",
    "浩", "宇", "鑫", "健", "亮", "飞", "峰", "林", "华", "斌斌", "建平", "国强", "海波",
    "伟民", "志刚", "立新", "卫东", "小龙", "建明", "云飞", "文杰", "子豪", "浩然", "家豪",
    "一鸣", "晨", "昊", "天宇", "博文", "振华", "国庆", "海军", "红军", "金根", "根土",
    "忠良", "炳荣", "荣华", "建新", "海峰", "旭东", "伟强", "建忠", "建勇", "明华",
]
GIVEN_FEMALE = [
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "秀英", "桂英", "秀兰",
    "丽娟", "婷", "雪", "慧", "萍", "红", "英", "晓燕", "海燕", "丽华", "美玲", "雅琴",
    "佳佳", "晶晶", "婷婷", "琳", "倩", "颖", "洁", "莉", "丹", "月娥", "素珍", "彩霞",
    "梦瑶", "思雨", "欣怡", "雨涵", "诗涵", "佳怡", "可馨", "小红", "小芳", "丽萍",
    "美华", "金凤", "秀珍", "凤英", "玉兰", "春燕", "冬梅", "秋菊", "亚萍", "雪芬",
]


def _zipf_weights(n: int, s: float = 0.9) -> np.ndarray:
    w = 1.0 / np.arange(1, n + 1) ** s
    return w / w.sum()


_SUR_P = np.array([w for _, w, _ in SURNAMES], dtype=float)
_SUR_P = _SUR_P / _SUR_P.sum()
_MALE_P = _zipf_weights(len(GIVEN_MALE))
_FEMALE_P = _zipf_weights(len(GIVEN_FEMALE))
SURNAME_PINYIN = {s: p for s, _, p in SURNAMES}


_SUR_CUM = np.cumsum(_SUR_P)
_MALE_CUM = np.cumsum(_MALE_P)
_FEMALE_CUM = np.cumsum(_FEMALE_P)


def random_names(rng: np.random.Generator, genders) -> list[tuple[str, str]]:
    """(surname, given) for each gender (1 male, 0 female); vectorised draws."""
    g = np.asarray(genders)
    n = len(g)
    u = rng.random((n, 2))
    sur = np.minimum(np.searchsorted(_SUR_CUM, u[:, 0] * _SUR_CUM[-1], side="right"), len(SURNAMES) - 1)
    male = np.minimum(np.searchsorted(_MALE_CUM, u[:, 1] * _MALE_CUM[-1], side="right"), len(GIVEN_MALE) - 1)
    female = np.minimum(np.searchsorted(_FEMALE_CUM, u[:, 1] * _FEMALE_CUM[-1], side="right"), len(GIVEN_FEMALE) - 1)
    return [(SURNAMES[sur[i]][0], GIVEN_MALE[male[i]] if g[i] else GIVEN_FEMALE[female[i]]) for i in range(n)]


@functools.lru_cache(maxsize=1)
def _t2():
    import opencc

    return opencc.OpenCC("s2t.json")


def traditional(text: str) -> str:
    return _t2().convert(text)


def given_pinyin(given: str) -> list[str]:
    from pypinyin import lazy_pinyin

    return lazy_pinyin(given)


def pinyin_variant(surname: str, given: str, rng: np.random.Generator) -> str:
    sur = SURNAME_PINYIN.get(surname, "x")
    giv = "".join(given_pinyin(given))
    k = rng.integers(0, 5)
    if k == 0:
        return f"{sur.capitalize()} {giv.capitalize()}"
    if k == 1:
        return f"{sur}{giv}"
    if k == 2:
        return f"{sur.upper()} {giv.upper()}"
    if k == 3:
        return f"{giv.capitalize()} {sur.capitalize()}"
    return f"{sur.capitalize()}{giv.capitalize()}"


def mask_name(surname: str, given: str, rng: np.random.Generator, style: str | None = None) -> str:
    """茹*明 / 茹** / 茹某明 / *明."""
    style = style or ["star_mid", "star_all", "mou"][rng.integers(0, 3)]
    n = len(given)
    if style == "star_mid":
        if n == 1:
            return surname + "*"
        return surname + "*" * (n - 1) + given[-1]
    if style == "mou":
        return surname + "某" + (given[-1] if n > 1 else "")
    return surname + "*" * max(n, 2)


def honorific(surname: str, gender: int) -> str:
    return surname + ("先生" if gender else "女士")


_NICK_WORDS = [
    "快乐每一天", "阳光", "小确幸", "追风少年", "江南烟雨", "海边的", "吃货", "爱旅行的",
    "清风徐来", "半夏", "老街坊", "钓鱼佬", "茶香", "夜猫子", "稻草人", "柠檬不酸",
    "浮生若梦", "向日葵", "大橙子", "西湖边的", "一只猫", "跑步的", "Sunny", "Lucky",
    "Coco", "Tony", "Kevin", "Amy", "Ivy", "Jason",
]


def nickname(surname: str, given: str, gender: int, rng: np.random.Generator) -> str:
    last = given[-1]
    k = rng.integers(0, 9)
    if k == 0:
        return "小" + surname
    if k == 1:
        return "阿" + last
    if k == 2:
        return last + ("哥" if gender else "姐")
    if k == 3:
        return surname + ("哥" if gender else "姐")
    if k == 4:
        return _NICK_WORDS[rng.integers(0, len(_NICK_WORDS))] + "小" + surname
    if k == 5:
        return _NICK_WORDS[rng.integers(0, len(_NICK_WORDS))]
    if k == 6:
        return _NICK_WORDS[rng.integers(0, len(_NICK_WORDS))] + str(int(rng.integers(1, 999)))
    if k == 7:
        return "".join(given_pinyin(given)) + str(int(rng.integers(70, 100)))
    return last * 2


_FAKE = ["张三", "李四", "王五", "小明", "收件人", "本人", "前台", "老板", "快递", "先生", "女士"]


def made_up_name(rng: np.random.Generator) -> str:
    return _FAKE[rng.integers(0, len(_FAKE))]
