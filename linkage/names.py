"""Person names from rosters and platform exports, normalised and compared.

A recipient/real-name cell can be a full name (traditional or simplified, full-width,
spaced), a masked name (``茹*明``, ``茹**``, ``*明``, ``茹某明``, ``张XX``), an honorific
(``茹先生``, ``欧阳女士``, ``茹总``, ``老茹``, ``小茹``), pinyin (``Ru Ming``, ``ruming``,
``MING RU``), an organisation, a nickname, or rubbish.  Nothing here raises.

Per value:   :func:`normalize_name`, :func:`compare_name`, :func:`surname_of`.
Vectorised:  :func:`normalize_names` (distinct values once, joined back),
             :func:`compare_names` (distinct pairs once, joined back).
"""
from __future__ import annotations

import functools
import itertools
import math
import re
import unicodedata

import polars as pl

__all__ = [
    "NAME_FIELDS",
    "COMPOUND_SURNAMES",
    "SURNAME_PINYIN",
    "normalize_name",
    "normalize_names",
    "compare_name",
    "compare_names",
    "surname_of",
    "name_pinyin",
]

#: keys of :func:`normalize_name`'s dict (``pattern`` is a list of (position, char))
NAME_FIELDS: dict[str, pl.DataType] = {
    "name": pl.Utf8,      # cleaned: simplified, half-width, no spaces/punctuation; pinyin lower-case
    "kind": pl.Utf8,      # full | masked | honorific | pinyin | org | other | empty
    "surname": pl.Utf8,   # '茹', '欧阳'; None when unknown
    "given": pl.Utf8,     # full: '明'; masked: the part after the surname with '*' ('*明')
    "length": pl.Int16,   # characters of the full name when known ('茹**' -> 3, '茹某' -> None)
    "pattern": pl.List(pl.Struct({"pos": pl.Int16, "char": pl.Utf8})),  # masked: visible (pos, char)
    "template": pl.Utf8,  # masked: name with every mask as '*' ('茹*明'); full: the name
    "pinyin": pl.Utf8,    # toneless, lower-case, no spaces, surname readings fixed ('zengming')
    "initials": pl.Utf8,  # first letter of each syllable ('zm')
    "gender": pl.Utf8,    # 'M' / 'F' hint from an honorific (先生 / 女士 ...), else None
}

# --------------------------------------------------------------------------- lexicons
# 百家姓 as shipped in jionlp.rule.rule_pattern (copied: importing jionlp is slow and noisy),
# plus common modern surnames it lacks.
_SINGLE_SURNAMES = (
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎鲁韦昌"
    "马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄和穆萧尹姚邵"
    "湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏"
    "蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄"
    "曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙"
    "叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍郤璩桑桂"
    "濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙"
    "东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查後荆红游竺权逯盖益桓公"
    "仉督晋楚闫法汝鄢涂钦归海岳帅缑亢况后有琴商牟佘佴伯赏墨哈谯笪年爱阳佟言福"
    "付肖覃兰代练揭粟谌黑种朴区冼邝麦敬苟邸迟战雒庹信檀秘召员句仝郅库折祭眭衣栗校矫修展尉"
    "楼泮斯原靖腾隋苑银綦凃芦卿"
)
SINGLE_SURNAMES = frozenset(_SINGLE_SURNAMES)

COMPOUND_SURNAMES = frozenset(
    "万俟 司马 上官 欧阳 夏侯 诸葛 闻人 东方 赫连 皇甫 尉迟 公羊 澹台 公冶 宗政 濮阳 淳于 单于 太叔 申屠 "
    "公孙 仲孙 轩辕 令狐 钟离 宇文 长孙 慕容 鲜于 闾丘 司徒 司空 亓官 司寇 颛孙 端木 巫马 公西 漆雕 "
    "乐正 壤驷 公良 拓跋 夹谷 宰父 谷梁 呼延 羊舌 微生 梁丘 左丘 东郭 西门 南宫".split()
)

# Surnames for the '小X' / '老X' / '阿X' forms: common surnames only, so that '小明' or
# '小宝' (given-name nicknames) are not read as surnames.
_PREFIX_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤茹褚"
    "戚喻窦葛奚鲁俞鲍岑倪滕殷邬卞伍卜穆萧祁臧翁荀裴邢嵇甄储靳焦仲栾詹蒲鄂蔺乔谭冉濮晏瞿阎慕艾易廖耿聂晁敖饶"
    "鞠蒯佟楼应虞骆柯娄"
)

#: surname readings (first = canonical) where pypinyin's default reading is wrong
SURNAME_PINYIN: dict[str, tuple[str, ...]] = {
    "曾": ("zeng",), "单": ("shan",), "解": ("xie",), "仇": ("qiu",), "查": ("zha",),
    "朴": ("piao", "pu"), "区": ("ou",), "盖": ("ge", "gai"), "乐": ("yue", "le"),
    "覃": ("qin", "tan"), "黑": ("he", "hei"), "种": ("chong",), "重": ("chong", "zhong"),
    "翟": ("zhai", "di"), "缪": ("miao",), "召": ("shao",), "秘": ("bi",), "宿": ("su",),
    "句": ("gou",), "牟": ("mu", "mou"), "阚": ("kan",), "逄": ("pang",), "冼": ("xian",),
    "繁": ("po",), "员": ("yun", "yuan"), "折": ("she",), "隗": ("wei", "kui"), "祭": ("zhai",),
    "眭": ("sui",), "薄": ("bo",), "柏": ("bai",), "沈": ("shen",), "贾": ("jia",),
    "任": ("ren",), "华": ("hua",), "那": ("na",), "能": ("nai",), "都": ("du",),
    "郇": ("huan", "xun"), "莘": ("shen", "xin"), "谌": ("chen", "shen"), "仉": ("zhang",),
    "尉": ("wei", "yu"), "石": ("shi",), "车": ("che",), "纪": ("ji",), "曲": ("qu",),
    "长孙": ("zhangsun",), "尉迟": ("yuchi",), "万俟": ("moqi",), "澹台": ("tantai",),
    "单于": ("chanyu",), "令狐": ("linghu",), "亓官": ("qiguan",), "闾丘": ("lvqiu",),
    "钟离": ("zhongli",), "乐正": ("yuezheng",),
}

# honorific suffix -> gender hint (longest first at match time)
_HONORIFIC_SUFFIX: dict[str, str | None] = {
    "先生": "M", "哥": "M", "大哥": "M", "叔": "M", "大叔": "M", "叔叔": "M", "伯": "M", "大爷": "M",
    "爷爷": "M", "帅哥": "M", "公子": "M", "少爷": "M", "老弟": "M", "师兄": "M",
    "女士": "F", "小姐": "F", "姐": "F", "大姐": "F", "姐姐": "F", "阿姨": "F", "姨": "F",
    "太太": "F", "夫人": "F", "婶": "F", "大妈": "F", "奶奶": "F", "美女": "F", "小姐姐": "F",
    "嫂": "F", "大嫂": "F", "师姐": "F",
    "总": None, "老师": None, "师傅": None, "师父": None, "老板": None, "经理": None, "医生": None,
    "律师": None, "工": None, "主任": None, "同学": None, "同志": None, "队长": None, "书记": None,
    "局长": None, "处长": None, "科长": None, "部长": None, "院长": None, "校长": None, "所长": None,
    "董": None, "警官": None, "老板娘": "F", "总监": None, "会计": None, "护士": "F", "老总": None,
    # Regional forms: Sichuan's 孃孃 (aunt; 娘娘 once simplified), Hakka's 牯 (lad), Hunan's 伢
    # (kid), Cantonese 仔 and 妹.
    "孃孃": "F", "嬢嬢": "F", "娘娘": "F", "牯": "M", "伢": None, "伢子": None, "仔": "M", "妹": "F", "妹子": "F",
}
_SUFFIXES_BY_LEN = sorted(_HONORIFIC_SUFFIX, key=len, reverse=True)
_POLITE = ("先生", "女士", "小姐")  # '茹明先生' -> full name with a gender hint
_HONORIFIC_PREFIX = ("老", "小", "阿")

_ORG_WORDS = (
    "公司", "有限", "集团", "店", "厂", "中心", "合作社", "事务所", "工作室", "商行", "经营部", "门市",
    "学校", "小学", "中学", "大学", "学院", "幼儿园", "医院", "诊所", "银行", "委员会", "协会", "研究所",
    "研究院", "超市", "酒店", "宾馆", "餐厅", "饭店", "物业", "工程队", "服务部", "科技", "贸易", "实业",
    "株式会社", "驿站", "快递", "丰巢", "菜鸟", "门卫", "前台", "收发室", "保安", "仓库", "办公室", "部门",
    "政府", "法院", "派出所", "街道", "社区", "居委会", "村委", "车间", "工地", "项目部", "管理处", "营业厅",
    "分部", "商城", "商贸", "旗舰", "专卖", "药房", "药店", "基地", "农场", "养殖场", "俱乐部", "网吧",
)
_ORG_LATIN = re.compile(r"\b(?:co|ltd|llc|inc|corp|company|limited|gmbh|store|shop)\b", re.IGNORECASE)
_NICKNAMES = frozenset(
    "宝宝 宝贝 亲爱的 老公 老婆 妈妈 爸爸 哥哥 姐姐 弟弟 妹妹 爷爷 奶奶 收件人 收货人 本人 先生 女士 小姐 同学 "
    "朋友 客户 顾客 买家 卖家 无名 匿名 测试 未知 不详 无 空 本人签收 家人 家属 老板 老师 师傅 美女 帅哥 亲 "
    "小可爱 小仙女 大宝 二宝 小宝 张三 李四 王五 赵六 钱七 王二 路人甲".split()
)

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HAN_RE = re.compile(f"[{_HAN}]")
_MASK_CHARS = "*某×○●□?〇_xX"
_DOTS = "·•・‧･."
_KEEP_RE = re.compile(f"[^{_HAN}A-Za-z0-9*某×○●□?〇_{re.escape(_DOTS)}]+")
_CTRL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff]")
_LATIN_ONLY_RE = re.compile(r"[A-Za-z][A-Za-z\s.\-_'·]*")
_PASSPORT_RE = re.compile(r"[A-Za-z]+\s*[/,]\s*[A-Za-z]+")
MAX_INPUT = 200


# --------------------------------------------------------------------------- pinyin
@functools.lru_cache(maxsize=1)
def _cc():
    try:
        from opencc import OpenCC

        return OpenCC("t2s")
    except Exception:  # pragma: no cover - opencc missing: keep text as is
        return None


def _t2s(s: str) -> str:
    if s.isascii():
        return s
    cc = _cc()
    if cc is None:  # pragma: no cover
        return s
    try:
        return cc.convert(s)
    except Exception:  # pragma: no cover
        return s


@functools.lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    out = set()
    for v in pinyin_dict.values():
        for p in v.split(","):
            n = to_normal(p, v_to_u=False)
            if n.isascii() and n.isalpha() and re.search(r"[aeiouv]", n):
                out.add(n)
    out.update({"lv", "nv", "lve", "nve"})
    return frozenset(out)


def _segment(s: str) -> list[str] | None:
    """Split a latin string into the fewest pinyin syllables, or None."""
    syl = _syllables()
    n = len(s)
    if n == 0 or n > 40:
        return None
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        if best[i] is None:
            continue
        for j in range(i + 1, min(n, i + 6) + 1):
            if s[i:j] in syl and (best[j] is None or len(best[j]) > len(best[i]) + 1):
                best[j] = best[i] + [s[i:j]]
    return best[n]


@functools.lru_cache(maxsize=200_000)
def _lazy(text: str) -> tuple[str, ...]:
    # Cached: surnames and given names recur across the night's distinct full names.
    from pypinyin import Style, lazy_pinyin

    return tuple(lazy_pinyin(text, style=Style.NORMAL, errors="default"))


def _heteronyms(ch: str) -> list[str]:
    from pypinyin import Style, pinyin

    try:
        return list(dict.fromkeys(pinyin(ch, style=Style.NORMAL, heteronym=True)[0]))
    except Exception:  # pragma: no cover
        return [ch]


@functools.lru_cache(maxsize=20_000)
def _surname_syllables(surname: str) -> tuple[str, ...]:
    fixed = SURNAME_PINYIN.get(surname)
    if fixed:
        # compound readings are stored joined; split them back into syllables
        return tuple(_segment(fixed[0]) or [fixed[0]])
    return _lazy(surname)


def name_pinyin(surname: str | None, given: str | None) -> tuple[str, str]:
    """(pinyin, initials) of a Han name split into surname and given name."""
    syl: list[str] = []
    if surname:
        syl += _surname_syllables(surname)
    if given:
        syl += _lazy(given)
    syl = [s.lower() for s in syl if s]
    return "".join(syl), "".join(s[0] for s in syl)


@functools.lru_cache(maxsize=200_000)
def _pinyin_variants(surname: str | None, given: str, cap: int = 64) -> frozenset[str]:
    """Every plausible toneless reading of surname+given (given-name polyphones included)."""
    if surname and surname in SURNAME_PINYIN:
        sur = list(SURNAME_PINYIN[surname])
    elif surname:
        sur = ["".join(_lazy(surname))] + ["".join(p) for p in itertools.product(*(_heteronyms(c) for c in surname))]
    else:
        sur = [""]
    chars = [_heteronyms(c) for c in given] if given else []
    out = {s + "".join(_lazy(given)) if given else s for s in sur}
    for combo in itertools.islice(itertools.product(*chars), cap):
        for s in sur:
            out.add(s + "".join(combo))
    return frozenset(v.lower() for v in out)


@functools.lru_cache(maxsize=200_000)
def _pinyin_candidates(surname: str | None, given: str) -> frozenset[str]:
    """Readings of a full name in either order (surname first or last), strict and loose."""
    variants = _pinyin_variants(surname, given)
    if surname:
        g_only = _pinyin_variants(None, given)
        s_only = _pinyin_variants(surname, "")
        variants = variants | {g + s for g in g_only for s in s_only}
    return frozenset(variants | {_loose(v) for v in variants})


def _loose(p: str) -> str:
    return p.replace("v", "u")


# --------------------------------------------------------------------------- helpers
def _to_text(raw) -> str | None:
    if raw is None:
        return None
    if isinstance(raw, str):
        return raw
    if isinstance(raw, float) and (math.isnan(raw) or math.isinf(raw)):
        return None
    if isinstance(raw, (bytes, bytearray)):
        return bytes(raw).decode("utf-8", errors="replace")
    try:
        return str(raw)
    except Exception:  # pragma: no cover
        return None


def split_surname(name: str) -> tuple[str | None, str]:
    """('欧阳', '娜娜') / ('茹', '明'); compound surnames only when a given name remains."""
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return name[:2], name[2:]
    if name and name[0] in SINGLE_SURNAMES:
        return name[0], name[1:]
    return None, name


def _is_han(s: str) -> bool:
    return bool(s) and all(_HAN_RE.match(c) for c in s)


def _record(name, kind, surname=None, given=None, length=None, pattern=None, template=None,
            pinyin=None, initials=None, gender=None) -> tuple:
    return (name, kind, surname, given, length, pattern, template, pinyin, initials, gender)


_EMPTY = _record(None, "empty")


def _other(name: str | None) -> tuple:
    return _record(name or None, "other")


def _full_record(name: str, gender: str | None = None) -> tuple:
    surname, given = split_surname(name)
    py, ini = name_pinyin(surname, given)
    return _record(name, "full", surname, given, len(name), None, name, py, ini, gender)


def _honorific_record(surname: str, gender: str | None, name: str) -> tuple:
    py, ini = name_pinyin(surname, None)
    return _record(name, "honorific", surname, None, None, None, None, py, ini, gender)


def _looks_full(s: str) -> bool:
    if not _is_han(s):
        return False
    if 2 <= len(s) <= 4:
        return s[0] in SINGLE_SURNAMES or s[:2] in COMPOUND_SURNAMES
    if len(s) == 5:
        return s[:2] in COMPOUND_SURNAMES
    return False


def _classify_latin(raw: str) -> tuple:
    low = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode().lower()
    tokens = [t for t in re.split(r"[\s.\-_'·]+", low) if t]
    if not tokens:
        return _other(raw)
    joined = "".join(tokens)
    if _ORG_LATIN.search(low):
        return _record(joined, "org")
    fixed = [re.sub(r"(?<=[ln])yu", "v", t).replace("ü", "v") for t in tokens]
    syl: list[str] = []
    for t in fixed:
        seg = _segment(t)
        if seg is None:
            return _other(joined)
        syl += seg
    if not 2 <= len(syl) <= 5:
        return _other(joined)
    py = "".join(syl)
    return _record(py, "pinyin", None, None, len(syl), None, None, py, "".join(s[0] for s in syl), None)


def _classify_masked(s: str) -> tuple | None:
    """'茹*明', '茹**', '*明', '茹某明', '茹某', '张XX' -> masked record, else None."""
    t = "".join("*" if c in _MASK_CHARS else c for c in s)
    if "*" not in t or not 2 <= len(t) <= 6:
        return None
    visible = tuple((i, c) for i, c in enumerate(t) if c != "*")
    if any(not _HAN_RE.match(c) for _, c in visible):
        return None
    if any(c in "xX" for c in s) and not visible:
        return None  # 'xx' alone is latin rubbish, not a mask
    # '茹某' / '茹某某': the court convention, used whatever the real length
    trailing = s[len(s.rstrip("某")):]
    length: int | None = len(t)
    if trailing and "*" not in t[: len(s) - len(trailing)]:
        length = None
    surname = None
    if len(t) >= 2 and t[:2] in COMPOUND_SURNAMES and (length is None or length >= 3):
        surname = t[:2]
    elif t[0] != "*":
        surname = t[0]
    given = t[len(surname):] if surname else None
    py = ini = None
    if surname:
        py, ini = name_pinyin(surname, None)
    name = "".join(c if c in "某" or c not in _MASK_CHARS else "*" for c in s)
    return _record(name, "masked", surname, given, length, visible, t, py, ini, None)


def _strip_tone_marks(s: str) -> str:
    """Latin letters with pinyin tone marks to plain letters; 'ü' with a tone ('ǚ') to 'v'.
    Other text is returned as it was."""
    d = unicodedata.normalize("NFD", s)
    d = re.sub("([uU])\u0308", lambda m: "v" if m.group(1) == "u" else "V", d)
    out = "".join(c for c in d if not unicodedata.combining(c))
    return out if _LATIN_ONLY_RE.fullmatch(out) else s


_REMARK_RE = re.compile(r"[(\[【〔][^)\]】〕]{0,12}[)\]】〕]")
# Typed after the name: '李明收', '李明 收件', a phone ('李明 13857101115').  (Two people in
# one cell, '李明/王芳', stay unknown: either may be the one the parcel is for.)
_TAIL_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})\s*(?:收件|收货|收)$|\s*\+?[0-9][0-9 \-*]{6,}$")


@functools.lru_cache(maxsize=500_000)
def _normalize_tuple(raw: str | None) -> tuple:
    if raw is None:
        return _EMPTY
    if len(raw) > MAX_INPUT:
        return _record(None, "other")
    s = unicodedata.normalize("NFKC", raw)
    s = _CTRL_RE.sub("", s).strip()
    if not s:
        return _EMPTY
    if s.startswith("=") and "(" in s:  # spreadsheet formula
        return _other(None)
    if s.startswith('="') and s.endswith('"'):
        s = s[2:-1]
    # Remarks typed beside the name: '李明(本人)', '王芳【收】', '张三 (代收)'.
    stripped = _REMARK_RE.sub("", s).strip()
    if stripped:
        s = stripped
    stripped = _TAIL_RE.sub("", s).strip()
    if stripped:
        s = stripped
    if "ü" in s or "Ü" in s:  # 'Lü Ming'
        s = s.replace("ü", "v").replace("Ü", "V")
    if not s.isascii() and not _HAN_RE.search(s):
        s = _strip_tone_marks(s)  # 'Rù Xiǎomíng', 'Lǚ Míng'
    if _PASSPORT_RE.fullmatch(s):
        s = re.sub(r"\s*[/,]\s*", " ", s)   # 'LIN/XIUYING': surname / given name, one person
    if _LATIN_ONLY_RE.fullmatch(s):
        return _classify_latin(s)
    s = _t2s(s)
    if any(w in s for w in _ORG_WORDS) or _ORG_LATIN.search(s):
        return _record(_KEEP_RE.sub("", s) or None, "org")
    c = _KEEP_RE.sub("", s)
    if not c:
        return _other(None)
    # minority names with a separator dot: '买买提·艾力'
    if any(d in c for d in _DOTS):
        parts = [p for p in re.split(f"[{re.escape(_DOTS)}]+", c) if p]
        joined = "".join(parts)
        if len(parts) >= 2 and _is_han(joined) and 3 <= len(joined) <= 20:
            py, ini = name_pinyin(None, joined)
            return _record(joined, "full", None, joined, len(joined), None, joined, py, ini, None)
        c = joined
        if not c:
            return _other(None)
    if c in _NICKNAMES:
        return _other(c)
    masked = _classify_masked(c)
    if masked is not None:
        return masked
    if not _is_han(c):
        return _other(c)
    # honorifics: surname + suffix, or full name + polite suffix
    for suf in _SUFFIXES_BY_LEN:
        if len(c) > len(suf) and c.endswith(suf):
            head = c[: -len(suf)]
            gender = _HONORIFIC_SUFFIX[suf]
            if head in COMPOUND_SURNAMES or (len(head) == 1 and head in SINGLE_SURNAMES):
                return _honorific_record(head, gender, c)
            if suf in _POLITE and _looks_full(head):
                return _full_record(head, gender)
            break
    if len(c) == 2 and c[0] in _HONORIFIC_PREFIX and c[1] in _PREFIX_SURNAMES:
        return _honorific_record(c[1], None, c)
    if len(c) == 1:
        return _honorific_record(c, None, c) if c in SINGLE_SURNAMES else _other(c)
    if len(c) == 2 and c[0] == c[1]:  # '明明', '芳芳': a pet name, not surname + given
        return _other(c)
    if _looks_full(c):
        return _full_record(c)
    return _other(c)


def _name_tuple(raw) -> tuple:
    try:
        return _normalize_tuple(_to_text(raw))
    except Exception:  # pragma: no cover - belt and braces
        return _record(None, "other")


def normalize_name(raw) -> dict:
    """Normalise one name cell.  Keys: see :data:`NAME_FIELDS`.  Never raises."""
    rec = dict(zip(NAME_FIELDS, _name_tuple(raw)))
    if rec["pattern"] is not None:
        rec["pattern"] = list(rec["pattern"])
    return rec


def surname_of(name) -> str | None:
    """Surname of a full, masked or honorific name ('欧阳娜娜' -> '欧阳', '茹先生' -> '茹')."""
    return _name_tuple(name)[2]


def normalize_names(series: pl.Series, col_prefix: str = "") -> pl.DataFrame:
    """Vectorised :func:`normalize_name`: one row per input row, columns :data:`NAME_FIELDS`
    (``pattern`` as List(Struct{pos, char})).  Distinct values normalised once, joined back."""
    s = series if series.dtype == pl.Utf8 else series.cast(pl.Utf8, strict=False)
    s = s.rename("__raw")
    uniq = s.unique()
    rows = [_name_tuple(v) for v in uniq.to_list()]
    cols = list(zip(*rows)) if rows else [[] for _ in NAME_FIELDS]
    data = {}
    for (field, dtype), col in zip(NAME_FIELDS.items(), cols):
        if field == "pattern":
            col = [None if p is None else [{"pos": i, "char": ch} for i, ch in p] for p in col]
        data[field] = pl.Series(field, list(col), dtype=dtype)
    table = pl.DataFrame({"__raw": uniq, **data})
    out = s.to_frame().join(table, on="__raw", how="left", nulls_equal=True, maintain_order="left").drop("__raw")
    if col_prefix:
        out = out.rename({c: col_prefix + c for c in out.columns})
    return out


# --------------------------------------------------------------------------- compare
# What people add to a given-name character to make a nickname ('小敏', '阿雨', '雨姐').
_NICK_AFFIXES = frozenset("小阿老哥姐妹弟儿宝仔")


def _given_nickname(o_name: str | None, d_given: str | None) -> bool:
    """'雨雨', '阿雨', '小敏', '敏雨', '雨姐' for 邵敏雨: two or three characters, each from the
    given name or a nickname affix, at least one from the given name."""
    if not o_name or not d_given or not 2 <= len(o_name) <= 3:
        return False
    given = set(d_given)
    return any(c in given for c in o_name) and all(c in given or c in _NICK_AFFIXES for c in o_name)


def _compare(d: tuple, o: tuple) -> tuple[str, str]:
    d_name, d_kind, d_sur, d_given = d[0], d[1], d[2], d[3]
    o_name, o_kind = o[0], o[1]
    if d_kind in ("empty",) or o_kind in ("empty", "other", "org"):
        if d_name and o_name and d_name == o_name and o_kind != "empty":
            return ("exact", "same_text")
        if d_kind == "full" and o_kind == "other" and _given_nickname(o_name, d_given):
            return ("nickname", "given_chars")
        return ("unknown", f"obs_{o_kind}" if d_kind != "empty" else "debtor_empty")
    if d_kind != "full":
        if d_name and d_name == o_name:
            return ("exact", "same_text")
        return ("unknown", f"debtor_{d_kind}")
    n = len(d_name)
    if o_kind == "full":
        if o_name == d_name:
            return ("exact", "")
        if len(o_name) == n:
            if _loose(o[7] or "") == _loose(d[7] or ""):
                return ("fuzzy", "homophone")
            diff = [i for i, (a, b) in enumerate(zip(o_name, d_name)) if a != b]
            # One character of the given name mistyped; another surname (范红梅 for 胡红梅)
            # that does not even sound alike is another family's name, not a typo: names
            # are typed through pinyin, whose slips are homophones.
            if len(diff) == 1 and n >= 3 and diff[0] >= len(d_sur or ""):
                return ("fuzzy", "one_char")
            diff = len(diff)
            if diff == 1 and o[7] in _pinyin_variants(d_sur, d_given):
                return ("fuzzy", "homophone")
        return ("mismatch", "different_name")
    if o_kind == "pinyin":
        obs = o[7] or ""
        cands = _pinyin_candidates(d_sur, d_given or "")
        if obs in cands or _loose(obs) in cands:
            return ("pinyin", "")
        return ("mismatch", "different_pinyin")
    if o_kind == "masked":
        length, visible = o[4], o[5] or []
        if not visible:
            return ("unknown", "fully_masked")
        if length is not None and length != n:
            return ("mismatch", f"length {length}!={n}")
        for pos, ch in visible:
            if pos >= n or d_name[pos] != ch:
                return ("mismatch", f"char@{pos}")
        sur_len = len(d_sur) if d_sur else 1
        if all(pos < sur_len for pos, _ in visible):
            return ("surname_only", f"visible {len(visible)}/{length or '?'}")
        return ("masked_compatible", f"visible {len(visible)}/{length or '?'}")
    if o_kind == "honorific":
        o_sur = o[2]
        gender = f"gender={o[9]}" if o[9] else ""
        if d_sur and o_sur == d_sur:
            return ("surname_only", gender)
        if not d_sur and o_sur and d_name.startswith(o_sur):
            return ("surname_only", gender)
        if o_name and len(o_name) == 2 and o_sur and d_given and o_sur in d_given:
            return ("nickname", "given_nickname")  # '明哥' / '小明' / '阿明' for 茹小明
        return ("mismatch", "different_surname")
    return ("unknown", f"obs_{o_kind}")  # pragma: no cover


@functools.lru_cache(maxsize=500_000)
def _compare_cached(debtor: str | None, obs: str | None) -> tuple[str, str]:
    try:
        return _compare(_normalize_tuple(debtor), _normalize_tuple(obs))
    except Exception:  # pragma: no cover
        return ("unknown", "error")


def compare_name(debtor_name, obs_norm) -> tuple[str, str]:
    """(category, detail) comparing a roster name with an observed name.

    ``obs_norm`` is a :func:`normalize_name` dict or a raw cell.  Categories: 'exact',
    'pinyin', 'masked_compatible', 'surname_only', 'fuzzy', 'mismatch', 'unknown'.
    """
    try:
        d = _normalize_tuple(_to_text(debtor_name)) if not isinstance(debtor_name, dict) else _from_dict(debtor_name)
        o = _from_dict(obs_norm) if isinstance(obs_norm, dict) else _normalize_tuple(_to_text(obs_norm))
        return _compare(d, o)
    except Exception:  # pragma: no cover
        return ("unknown", "error")


def _from_dict(rec: dict) -> tuple:
    return tuple(rec.get(k) for k in NAME_FIELDS)


def compare_names(debtor: pl.Series, obs: pl.Series, names: tuple[str, str] = ("name_match", "name_detail")) -> pl.DataFrame:
    """Vectorised :func:`compare_name` over two equally long columns of raw names.

    Distinct (debtor, obs) pairs are compared once and joined back.  Returns columns
    ``name_match`` and ``name_detail``, one row per input row.
    """
    d = debtor if debtor.dtype == pl.Utf8 else debtor.cast(pl.Utf8, strict=False)
    o = obs if obs.dtype == pl.Utf8 else obs.cast(pl.Utf8, strict=False)
    frame = pl.DataFrame({"__d": d, "__o": o})
    pairs = frame.unique()
    res = [_compare_cached(a, b) for a, b in zip(pairs["__d"].to_list(), pairs["__o"].to_list())]
    table = pairs.with_columns(
        pl.Series(names[0], [r[0] for r in res], dtype=pl.Utf8),
        pl.Series(names[1], [r[1] for r in res], dtype=pl.Utf8),
    )
    return frame.join(table, on=["__d", "__o"], how="left", nulls_equal=True, maintain_order="left").select(names)
