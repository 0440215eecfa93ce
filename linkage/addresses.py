"""Chinese address normaliser: free text -> structured parts, canonical string, keys.

``parse_address`` handles one string; ``parse_addresses`` a polars Series (each distinct
string parsed once).  Lookup tables come from :func:`linkage.gazetteer.divisions` and are
built once per process.

Keys
----
``place_key``  ``"<admin code>|<premises>|<building>|<unit>|<room>"``: one door (flat, house,
               shop).  premises is the community/estate name when there is one (without a
               leading name of its own city or district: '宁波轻纺城' in 宁波 keys as
               '轻纺城'), else ``road + road_no`` (also for a firm at a street number,
               '…295号XX有限公司' / '…门卫室' / '…仓库').  A stall ('2156号商铺') or an office
               room is the room; a market's premises keeps its district ('国际商贸城1区')
               and drops the aisle ('21街38772号' is stall 38772).  Null when there is no premises, no admin code, only a
               road without number or a community without building/room, or the text is a
               pick-up point.
``area_key``   ``"<admin code>|<premises>"``: the neighbourhood (estate, or the building at a
               road number), also for pick-up points.
admin code is the 6-digit district code; when the district is unknown it is the city's
code (so such keys never merge with district-level keys: a split, never a wrong merge;
cities without districts such as 东莞/中山 always use the city code).  Building, unit and
room are canonical: digits without leading zeros, letters upper-case ('2', 'A', '3组'),
a floor without a room is written '15F'.  An omitted part stays empty, so '2幢501室' and
'2幢3单元501室' give different keys (the unit cannot be inferred).

Throughput: tables build in ~2 s once; then roughly 20-30k distinct addresses/s on one
core (the administrative-prefix scan is memoised on the text before the first digit).
"""
from __future__ import annotations

import functools
import gc
import re
import unicodedata
from dataclasses import dataclass

import polars as pl

from linkage import address_tokens as tok
from linkage import parse_workers
from linkage.gazetteer import divisions

MAX_CHARS = 300
ZHEJIANG = "浙江省"
_MUNICIPALITIES = frozenset({"北京市", "上海市", "天津市", "重庆市"})

FIELDS: tuple[str, ...] = (
    "province", "city", "district", "town", "road", "road_no", "community", "building",
    "unit", "room", "poi", "pickup", "pickup_kind", "workplace_hint", "province_code",
    "city_code", "district_code", "precision", "address", "place_key", "area_key",
)
BOOL_FIELDS = frozenset({"pickup", "workplace_hint"})


# --------------------------------------------------------------------------------------
# Text normalisation
# --------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _t2s_table() -> dict[int, str]:
    """Character-level traditional -> simplified table (from OpenCC, built once)."""
    try:
        import opencc

        cc = opencc.OpenCC("t2s")
        chars = [chr(c) for c in range(0x3400, 0xA000)]
        out = cc.convert("\n".join(chars)).split("\n")
        if len(out) != len(chars):
            return {}
        # Not to a character beyond the basic blocks ('鮀' -> '𬶍', U+2C98D): the parser's
        # character classes stop at U+9FFF, and 汕头 writes its 鮀 as it is.
        return {ord(a): b for a, b in zip(chars, out) if a != b and len(b) == 1 and "\u3400" <= b <= "\u9fff"}
    except Exception:  # pragma: no cover - opencc missing or broken: keep text as is
        return {}


def _char_class(chars) -> re.Pattern:
    """A regex matching any one of ``chars`` (never matching when empty)."""
    codes = sorted({ord(c) if isinstance(c, str) else c for c in chars})
    if not codes:
        return re.compile(r"(?!)")
    ranges, lo, hi = [], codes[0], codes[0]
    for c in codes[1:] + [-2]:
        if c == hi + 1:
            hi = c
            continue
        ranges.append(re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}")
        lo = hi = c
    return re.compile("[" + "".join(ranges) + "]")


@functools.lru_cache(maxsize=1)
def _t2s_re() -> re.Pattern:
    # Traditional characters are rare: a charset search is much cheaper than translate.
    return _char_class(_t2s_table())


def _to_simplified(text: str) -> str:
    return text.translate(_t2s_table()) if _t2s_re().search(text) else text


_PUNCT_MAP = {
    ord("—"): "-", ord("–"): "-", ord("－"): "-", ord("~"): "-", ord("_"): "-", ord("〜"): "-",
    ord("－"): "-", ord("‐"): "-", ord("―"): "-", ord("、"): ",", ord("。"): ",", ord(";"): ",",
    ord("；"): ",", ord("|"): ",", ord("/"): ",", ord("\\"): ",", ord("【"): "(", ord("】"): ")",
    ord("["): "(", ord("]"): ")", ord("{"): "(", ord("}"): ")", ord("<"): "(", ord(">"): ")",
    ord("《"): "", ord("》"): "", ord("〔"): "(", ord("〕"): ")", ord("〇"): "零",
    ord("號"): "号", ord("棟"): "栋", ord("單"): "单",
}

_PUNCT_RE = _char_class(_PUNCT_MAP)
_FORMULA_RE = re.compile(r'^=\s*[A-Za-z_.]+\s*\((.*)\)\s*$', re.S)
_QUOTED_RE = re.compile(r'"([^"]*)"')
_WS_DIGITS_RE = re.compile(r"(?<=[0-9])\s+(?=[0-9])")
_DROP_RE = re.compile(r"[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff\-#(),]+")
_PHONE_RE = re.compile(r"(?<![0-9])(?:\+?86-?)?1[3-9][0-9](?:-?[0-9*]{4}){2}(?![0-9])|"
                       r"(?<![0-9-])0[1-9][0-9]{1,2}-?[0-9]{7,8}(?![0-9])")
# Every phone match lies in a run of 10+ digits and dashes: a cheap test first.
_PHONE_HINT_RE = re.compile(r"[0-9-]{10}")
_BRACKET_RE = re.compile(r"\(([^()]*)\)|\(([^()]*)$")
_JUNK_RE = re.compile(tok.JUNK_PATTERN)
_CLEAN_FAST_RE = re.compile(r"[0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff\-#]+")
# A delivery note run on after the door, '…604室别放快递柜', '…604室送货上门': not the place
# (and '快递柜' in it is no pick-up point).
_REMARK_RE = re.compile(r"(?:请|麻烦)?(?:别|不要|勿|不用|不能)(?:放|送)(?:到|在)?(?:快递柜|丰巢|驿站|菜鸟驿站|门口|门卫|代收点)"
                        r"[\u4e00-\u9fff]{0,6}$|送货上门$|送上门$|送到家$|送上楼$"
                        # '…2201室 找门卫': ask the gatehouse (the flat is the place, not the gate).
                        r"|(?<=[0-9室号房])(?:找|交给?|联系)(?:门卫|保安|物业|前台)[\u4e00-\u9fff]{0,4}$")
_COUNTRY_RE = re.compile(r"^(?:中华人民共和国|中国大陆|中国)(?!人|银行|移动|电信|联通|石化|石油|邮政)")

def _drop_remark(text: str) -> str:
    if "放" in text or "送" in text or "找" in text or "交" in text or "联系" in text:
        return _REMARK_RE.sub("", text)
    return text


def _strip_formula(text: str) -> str:
    if not text or text[0] not in "=+-@":
        return text
    m = _FORMULA_RE.match(text)
    if m:
        quoted = [q for q in _QUOTED_RE.findall(m.group(1)) if q and not q.lower().startswith(("http", "www"))]
        return quoted[-1] if quoted else ""
    return text.lstrip("=+-@ \t")


def _bracket_sub(m: re.Match) -> str:
    inner = m.group(1) if m.group(1) is not None else (m.group(2) or "")
    if _JUNK_RE.search(inner):
        return ""
    return inner


_POSTCODE_RE = re.compile(r"[(（]?(?:邮编|邮政编码)[:：]?\s*[0-9０-９]{6}[)）]?|(?<=[\u4e00-\u9fff])\s*[0-8][0-9]{5}\s*$"
                          r"|[(（]\s*[0-8][0-9]{5}\s*[)）]")


# A contact card pasted into the address field, as apps copy it: '收货人:董燕 手机号码:157…
# 所在地区:武进区…', '胡明 178… 陕西省汉中市…', '…602室,董斌,137…'.  The name is no part of the
# address (the phone would be dropped anyway).
_CARD_PHONE = r"(?:\+?86[- ]?)?1[3-9][0-9](?:[- ]?[0-9*]{4}){2}"
_CARD_HEAD_RE = re.compile(r"^\s*(?:收货人|收件人|联系人)[:]?\s*[^\s:]{1,12}?\s*(?:手机号码|手机号|手机|联系电话|电话)[:]?\s*"
                           + _CARD_PHONE + r"\s*(?:所在地区|所在地|详细地址|收货地址|地址)?[:]?\s*")
_CARD_NAME_HEAD_RE = re.compile(r"^\s*(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,2}[*＊]{1,3}[\u4e00-\u9fff]?|[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?)\s+" + _CARD_PHONE + r"\s+(?=\S)")
_CARD_TAIL_RE = re.compile(r"\s*,\s*[^,\d]{1,16}\s*,\s*" + _CARD_PHONE + r"\s*$")
_CARD_HINT_RE = re.compile(r"1[3-9][0-9][- ]?[0-9*]{4}")


def _drop_contact_card(text: str) -> str:
    text = _CARD_HEAD_RE.sub("", text, count=1)
    text = _CARD_NAME_HEAD_RE.sub("", text, count=1)
    return _CARD_TAIL_RE.sub("", text, count=1)


def normalise_text(text: object) -> str:
    """Clean one raw string: half-width, simplified, no control chars, no delivery notes."""
    if text is None:
        return ""
    if not isinstance(text, str):
        try:
            text = str(text)
        except Exception:
            return ""
    text = text[: MAX_CHARS * 3]
    if "邮" in text or text.rstrip()[-1:].isdigit() or ")" in text or "）" in text:
        # A postcode is not a door number ('…1302室邮编441001', '…人民医院241000',
        # '…2-1001(618000)').
        text = _POSTCODE_RE.sub("", text)
    if _CLEAN_FAST_RE.fullmatch(text):
        # Common case: already half-width CJK/ASCII without brackets or separators.
        text = _to_simplified(text)
        if len(text) >= 11 and _PHONE_HINT_RE.search(text) and _PHONE_RE.search(text):
            text = _PHONE_RE.sub("", text)
        if text.startswith("中"):
            text = _COUNTRY_RE.sub("", text)
        return _drop_remark(text).strip("-#")[:MAX_CHARS].upper()
    text = unicodedata.normalize("NFKC", text)
    if _CARD_HINT_RE.search(text):
        text = _drop_contact_card(text)
    text = _strip_formula(text.strip())
    text = _to_simplified(text)
    if _PUNCT_RE.search(text):
        text = text.translate(_PUNCT_MAP)
    text = _WS_DIGITS_RE.sub("-", text)
    text = _PHONE_RE.sub(",", text)
    text = _DROP_RE.sub("", text)
    if "(" in text:
        # Bracketed notes: drop instructions, keep names such as '(东区)'.
        for _ in range(3):
            new = _BRACKET_RE.sub(_bracket_sub, text)
            if new == text:
                break
            text = new
        text = text.replace("(", "")
    text = text.replace(")", "")
    # Trailing comma-separated notes: '..., 放门口'
    if "," in text:
        parts = [p for p in text.split(",") if p]
        if parts:
            keep = [parts[0]] + [p for p in parts[1:] if not _JUNK_RE.search(p)]
            text = "".join(keep)
        else:
            text = ""
    if text.startswith("中"):
        text = _COUNTRY_RE.sub("", text)
    return _drop_remark(text).strip("-#")[:MAX_CHARS].upper()


# --------------------------------------------------------------------------------------
# Gazetteer lookup structures
# --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Division:
    level: int
    name: str
    code: str | None
    province: str | None
    city: str | None
    district: str | None


SHORT, FULL, VARIANT = 0, 1, 2
_TOWN_SUFFIX_RE = re.compile(r"(?:街道|镇|乡)$")


@dataclass
class _Tables:
    names: dict[str, list[tuple[Division, int]]]    # text -> [(division, SHORT|FULL|VARIANT)]
    trie: dict                                      # char -> node; node[""] = entries
    provinces: dict[str, Division]
    cities: dict[tuple[str, str], Division]
    districts: dict[tuple[str, str, str], Division]
    only_city: dict[str, Division]                  # municipality province -> its city
    head_re: re.Pattern                             # full province / prefecture names
    shorts: dict[str, tuple[str, ...]]              # full name -> its short names


@functools.lru_cache(maxsize=1)
def _tables() -> _Tables:
    df = divisions().filter(pl.col("level") <= 3)
    names: dict[str, list[tuple[Division, int]]] = {}
    provinces: dict[str, Division] = {}
    cities: dict[tuple[str, str], Division] = {}
    districts: dict[tuple[str, str, str], Division] = {}
    city_count: dict[str, int] = {}
    town_variants: list[tuple[str, str, Division]] = []
    shorts: dict[str, set[str]] = {}
    variants: dict[str, list[tuple[Division, int]]] = {}

    def add(key: str | None, div: Division, full: int) -> None:
        if not key or len(key) < 2:
            return
        names.setdefault(key, []).append((div, full))

    for level, name, short, code, prov, city, dist in df.select(
        "level", "name", "short", "code", "province", "city", "district"
    ).iter_rows():
        if "直辖" in name:
            continue
        div = Division(int(level), name, code if level <= 2 else None, prov,
                       city if level >= 1 else None, dist if level >= 2 else None)
        if level == 0:
            provinces[name] = div
        elif level == 1:
            cities[(prov, name)] = div
            city_count[prov] = city_count.get(prov, 0) + 1
        elif level == 2:
            districts[(prov, city, name)] = div
        if level == 3:
            if len(name) < 3:
                continue
            div = Division(3, name, None, prov, city, dist if dist and "直辖" not in dist else None)
            add(name, div, FULL)
            m = _TOWN_SUFFIX_RE.search(name)
            if m and m.start() >= 2:
                town_variants.append((name[: m.start()], m.group(0), div))
            continue
        add(name, div, FULL)
        if short and short != name and short not in tok.GENERIC_SHORTS:
            add(short, div, SHORT)
            if len(short) >= 2:
                shorts.setdefault(name, set()).add(short)
        # Common full-name variants: '内蒙古' for 自治区, '香港' etc. come from short.
    only_city = {}
    for (prov, cname), div in cities.items():
        if city_count.get(prov) == 1 and cname == prov:
            only_city[prov] = div
    # Towns renamed 镇 <-> 街道 <-> 乡 ('柯桥镇' is now '柯桥街道'): accepted only inside a
    # resolved district or city (see _scan_admin).
    for stem, suffix, div in town_variants:
        for other in ("镇", "街道", "乡"):
            alias = stem + other
            if other != suffix:
                variants.setdefault(alias, []).append((div, VARIANT))
    for alias, entries in variants.items():
        names.setdefault(alias, []).extend(entries)
    # Old district names.
    for old, (prov, city, new) in tok.DISTRICT_ALIASES.items():
        target = districts.get((prov, city, new))
        if target is not None and old not in names:
            names[old] = [(target, FULL)]
    for old, (prov, city, new) in tok.CITY_DISTRICT_ALIASES.items():
        target = districts.get((prov, city, new))
        if target is not None:
            names.setdefault(old, []).append((target, VARIANT))     # VARIANT: only after its city
    # '济南市中区' is 济南市 + 市中区 with the 市 written once (济南, 枣庄, 乐山, 内江 have one).
    for (prov, city, name), div in districts.items():
        if name == "市中区":
            names.setdefault("中区", []).append((div, VARIANT))     # only after its city
    for alias, (prov, city) in tok.CITY_ALIASES.items():
        target = cities.get((prov, city))
        if target is not None and alias not in names:
            names[alias] = [(target, SHORT)]
    # A zone the gazetteer lists as a district of its own (成都's 天府新区) is still its city.
    for alias, (prov, city) in tok.ZONE_CITIES.items():
        target = cities.get((prov, city))
        if target is not None:
            names[alias] = [(target, SHORT)]
    trie: dict = {}
    for k, entries in names.items():
        node = trie
        for ch in k:
            node = node.setdefault(ch, {})
        node[""] = entries
    heads = sorted({*provinces, *(c for (_, c) in cities)} - {"香港", "澳门"}, key=len, reverse=True)
    head_re = re.compile("|".join(re.escape(h) for h in heads if len(h) >= 3))
    return _Tables(names, trie, provinces, cities, districts, only_city, head_re,
                   {k: tuple(sorted(v, key=len, reverse=True)) for k, v in shorts.items()})


# After a short name (no 省/市/区/县 suffix) these mean the short is part of a street or
# estate name ('中山北路', '西湖花园'), not a division.
_SHORT_BLOCK_RE = re.compile(
    r"[东西南北中]?(?:路|街(?!道)|大道|大街|巷|弄|胡同|村|庄|园|苑|府|湾|花园|小区|公寓|新村|大厦|广场|"
    r"家园|山庄|城|楼|镇|乡|里|桥|站|港|机场|大学|学院|中学|小学|医院|公司|厂|店|宾馆|酒店|宿舍|市场|"
    r"商城|饭店|集团|银行|分行|支行|水库|景区|公园|(?![一二三四五六七八九十])[\u4e00-\u9fff]?矿|[0-9])"   # ('铜官山矿' is a mine, '鹤山十矿' 鹤山区's tenth)
)
# Opening an address with nothing before it, a short name before these is an estate's
# ('凤凰嘉园', '博望雅居', '同心安置小区', '平阳华庭' are no 凤凰县, 博望区, 同心县 or 平阳县).
_SHORT_ESTATE_HEAD_RE = re.compile(r"雅居|雅苑|华庭|嘉园|佳苑|花苑|华苑|锦苑|名都|名苑|名邸|名城|公馆|豪庭|安置|华府|御景|首府|世家")
_ADMIN_SUFFIX = "省市区县"
# A village name right after a district's short name ('乐清北桥村'); read at most
# _VILLAGE_AHEAD_READ characters.
_VILLAGE_AHEAD_RE = re.compile(r"(?!村)[^路街道巷弄0-9,#-]{1,3}?(?<!新)村")   # '西湖新村' is an estate
_VILLAGE_AHEAD_READ = 4
# ('椒江市府大道' is 椒江(市) + 市府大道, '区府路' / '县府街' likewise.)
_SUFFIX_STREET_RE = re.compile(r"[前后直](?:路|街|巷)|府(?:大道|路|街)")
# A street right after a district's short name ('宁波镇海城河西路'); reads at most
# _ROAD_AHEAD_READ characters.
_ROAD_AHEAD_RE = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:大道|路|街(?!道)|巷)")
_ROAD_AHEAD_READ = 10
_SEP = ",-# "


class _PrefixMemo:
    """Values keyed by string prefixes: ``find(s)`` returns the value of a stored key that
    is a prefix of ``s`` (any one, when several are).

    One dict of all keys, probed with ``s[:n]`` for the key lengths n in use among keys
    that start like ``s`` (same first HEAD characters), most common length first: about
    two probes per lookup.  Cheaper than walking a character trie, whose nodes are
    scattered over memory.
    """

    HEAD = 3
    __slots__ = ("keys", "lengths", "counts", "short", "size")

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.keys: dict = {}
        self.lengths: dict[str, list[int]] = {}     # head -> key lengths, most keys first
        self.counts: dict[tuple[str, int], int] = {}
        self.short: list[int] = []                  # lengths of keys shorter than HEAD
        self.size = 0

    def find(self, s: str):
        keys = self.keys
        for n in self.short:
            value = keys.get(s[:n])
            if value is not None:
                return value
        for n in self.lengths.get(s[: self.HEAD], ()):
            value = keys.get(s[:n])
            if value is not None:
                return value
        return None

    def add(self, key: str, value) -> None:
        if key in self.keys:
            return
        self.keys[key] = value
        self.size += 1
        n = len(key)
        if n < self.HEAD:
            if n not in self.short:
                self.short.append(n)
            return
        head = key[: self.HEAD]
        count = self.counts[head, n] = self.counts.get((head, n), 0) + 1
        lengths = self.lengths.setdefault(head, [])
        if count == 1:
            lengths.append(n)
        elif count & (count - 1) == 0:      # re-rank now and then (at 2, 4, 8, ... keys)
            lengths.sort(key=lambda m: -self.counts[head, m])


# Memo of the administrative scan, summarised (see _admin_summary) as a tuple
# (pos, province, city, district, town, province_code, city_code, district_code, base,
#  admin_text, admin_precision).  _SCAN_PREFIXES: by the prefix the scan depended on;
# _SCAN_CACHE: exact texts whose scan read up to their end.
_SCAN_PREFIXES = _PrefixMemo()
_SCAN_CACHE: dict[str, tuple] = {}
_SCAN_CACHE_MAX = 200_000
_FIRST_DIGIT_RE = re.compile(r"[0-9]")
# _SHORT_BLOCK_RE reads at most this many characters (a test checks it).
_SHORT_BLOCK_READ = 3


def _scan_admin_cached(s: str, t: _Tables) -> tuple:
    """``_scan_admin`` of ``s`` summarised, memoised.

    The scan runs on the text up to and including the first digit (division names contain
    no digits and the scan never looks past it).  It reports how many leading characters
    its result depends on, so one scan serves every address starting with them, e.g. all
    of '浙江省杭州市西湖区文三路...' ('文三' is no division name), whatever follows.
    """
    hit = _SCAN_PREFIXES.find(s)
    if hit is not None:
        return hit
    m = _FIRST_DIGIT_RE.search(s)
    key = s[: m.end()] if m else s
    hit = _SCAN_CACHE.get(key)
    if hit is None:
        ctx, pos, seen = _scan_admin(key, t)
        hit = _admin_summary(ctx, pos, t)
        if len(_SCAN_CACHE) + _SCAN_PREFIXES.size >= _SCAN_CACHE_MAX:
            _SCAN_CACHE.clear()
            _SCAN_PREFIXES.clear()
        if seen:
            _SCAN_PREFIXES.add(key[:seen], hit)
        else:
            _SCAN_CACHE[key] = hit
    return hit


def _admin_summary(ctx: dict, pos: int, t: _Tables) -> tuple:
    """What ``_parse`` needs from a scan context: names, codes and the key base."""
    prov = ctx["province"]
    city = ctx["city"]
    dists = ctx["districts"]
    if len(dists) > 1 and prov is None and city is None:
        # '宝山区…' alone (上海 or 双鸭山): a municipality's districts are written without
        # their city as a matter of course, a prefecture's rarely.  Zhejiang came first.
        muni = [d for d in dists if d.province in _MUNICIPALITIES]
        if len(muni) == 1:
            dists = muni
            prov, city = muni[0].province, muni[0].city
    district = dists[0] if len(dists) == 1 else None
    if district is not None:
        district_name = district.name
    elif dists and len({d.name for d in dists}) == 1:
        district_name = dists[0].name
    else:
        district_name = None
    towns = ctx["towns"]
    town = towns[0].name if towns and len({x.name for x in towns}) == 1 else None
    if city and "直辖" in city:
        city = None        # '省直辖行政区划': county-level city directly under the province
    province_code = city_code = district_code = None
    if prov:
        pdiv = t.provinces.get(prov)
        province_code = pdiv.code if pdiv else None
        if city:
            cdiv = t.cities.get((prov, city))
            city_code = cdiv.code if cdiv else None
    if district is not None:
        district_code = district.code
    base = district_code
    if base is None and prov and city and not dists:
        base = city_code
    admin_text = "".join(x for x in (prov, city if city != prov else None, district_name) if x)
    admin_precision = ("district" if district_name else "city" if city else "province" if prov
                       else "none")
    return (pos, prov, city, district_name, town, province_code, city_code, district_code, base,
            admin_text, admin_precision)


def _scan_admin(s: str, t: _Tables) -> tuple[dict, int, int | None]:
    """Consume administrative names at the start of ``s``.

    Returns the context, the position after the names and ``seen``: the result depends
    only on ``s[:seen]`` (None: on all of ``s`` including where it ends).
    """
    ctx = {"province": None, "city": None, "districts": [], "dnames": (), "towns": [], "level": -1}
    pos = 0
    n = len(s)
    trie = t.trie
    seen = 0
    at_end = False
    while pos < n:
        while pos < n and s[pos] in _SEP:
            pos += 1
        if ctx["level"] == 1 and ctx["city"] is not None:
            # '北京市市辖区朝阳区', '杭州市市辖区西湖区': the code table's placeholder
            # between a city and its district, as some address pickers export it.
            if pos + 3 <= n:
                seen = max(seen, pos + 3)
                if s.startswith("市辖区", pos):
                    pos += 3
                    continue
            else:
                at_end = True
        # Walk the trie: every name matching at pos, then try the longest first.
        ends = []
        node = trie
        j = pos
        while j < n:
            node = node.get(s[j])
            if node is None:
                break
            j += 1
            entries = node.get("")
            if entries is not None:
                ends.append((j, entries))
        if j < n:
            seen = max(seen, j + 1)
        else:
            at_end = True
        level = ctx["level"]
        province = ctx["province"]
        city = ctx["city"]
        dnames = ctx["dnames"]
        chosen = None
        for end, entries in reversed(ends):
            chosen = []
            top = 9
            any_full = False
            blocked = None
            village = None
            for div, full in entries:
                dl = div.level
                if dl > top:
                    continue
                if dl <= level and not _repeats(div, ctx):
                    continue
                if province is not None and div.province != province:
                    continue
                if dl >= 2 and city is not None and div.city != city:
                    continue
                if dl >= 3 and dnames and (div.city, div.district) not in dnames:
                    continue
                if full == SHORT:
                    if blocked is None:
                        # '中山北路' is a street, but '江苏镇江' is two divisions.
                        blocked = _SHORT_BLOCK_RE.match(s, end) is not None or (
                            province is None and city is None and _SHORT_ESTATE_HEAD_RE.match(s, end) is not None)
                        if end + _SHORT_BLOCK_READ > n:
                            at_end = True
                        else:
                            seen = max(seen, end + _SHORT_BLOCK_READ)
                        if blocked:
                            starts, read = _name_starts_at(s, end, trie)
                            blocked = not starts
                            if read is None:
                                at_end = True
                            else:
                                seen = max(seen, read)
                    if blocked and dl == 2 and city is not None and div.city == city and not dnames:
                        # '温州乐清北桥村', '宁波镇海城河西路', '温州鹿城府前街': a district of
                        # the city just read, then a village or a street whose name happens to
                        # start like a street or estate word ('北桥', '城', '府'); '中山北路' and
                        # '西湖大道' (nothing before the road suffix but a direction) stay roads.
                        if village is None:
                            village = (_VILLAGE_AHEAD_RE.match(s, end) is not None
                                       or _ROAD_AHEAD_RE.match(s, end) is not None)
                            read_to = end + max(_VILLAGE_AHEAD_READ, _ROAD_AHEAD_READ)
                            if read_to > n:
                                at_end = True
                            else:
                                seen = max(seen, read_to)
                        if village:
                            blocked = False
                    if blocked:
                        continue
                elif full == VARIANT and not (dnames or city):
                    continue
                else:
                    any_full = True
                if dl < top:
                    top = dl
                    chosen = [div]
                else:
                    chosen.append(div)
            if chosen:
                pos = end
                if any_full and s[end - 1] in "县区市" and end + 2 <= n:
                    # '永嘉县前路984号' is 永嘉(县) + 县前路: a one-character street name
                    # after the suffix ('前路') is rarer than a '县前路' / '县前街'.
                    # (_SUFFIX_STREET_RE reads at most 3 characters.)
                    if end + 3 <= n:
                        seen = max(seen, end + 3)
                    else:
                        at_end = True
                    if _SUFFIX_STREET_RE.match(s, end):
                        pos = end - 1
                elif any_full and s[end - 1] in "县区市":
                    at_end = True
                break
        if not chosen:
            break
        if not any_full and pos < n and (
                s[pos] in _ADMIN_SUFFIX
                or (s[pos] == "州" and all(d.level == 1 and d.name.endswith("自治州") for d in chosen))):
            # '楚雄州', '恩施州': an autonomous prefecture's short name + 州.
            # s[pos] was read by the walk; s[pos + 1] may not have been.
            if pos + 1 < n:
                seen = max(seen, pos + 2)
            else:
                at_end = True
            if not (s[pos] == "市" and s[pos + 1:pos + 2] == "场"):
                pos += 1   # '萧山市' (old name) read as short '萧山' + suffix
        if top <= ctx["level"]:
            continue       # repeated name, e.g. '上海市上海市'
        if top == 0:
            ctx["province"] = chosen[0].name
            city = t.only_city.get(chosen[0].name)
            if city is not None:
                ctx["city"] = city.name
                ctx["level"] = 1
            else:
                ctx["level"] = 0
        elif top == 1:
            if len(chosen) > 1:
                zj = [d for d in chosen if d.province == ZHEJIANG]
                chosen = zj if len(zj) == 1 else chosen
            if len(chosen) == 1:
                ctx["city"] = chosen[0].name
                ctx["province"] = chosen[0].province
            ctx["level"] = 1
        elif top == 2:
            ctx["districts"] = chosen
            ctx["level"] = 2
            _narrow_districts(ctx)
            ctx["dnames"] = {(d.city, d.name) for d in ctx["districts"]}
        else:
            ctx["towns"] = chosen
            ctx["level"] = 3
            if not ctx["districts"] or len(ctx["districts"]) > 1:
                _narrow_by_towns(ctx, t)
    if pos >= n:
        at_end = True
    return ctx, pos, None if at_end else seen


def _name_starts_at(s: str, pos: int, trie: dict) -> tuple[bool, int | None]:
    """Whether a division name starts at pos; and the end of what was read (None: all of s)."""
    node = trie
    for j in range(pos, len(s)):
        node = node.get(s[j])
        if node is None:
            return False, j + 1
        if "" in node:
            return True, j + 1
    return False, None


def _repeats(div: Division, ctx: dict) -> bool:
    if div.level == 0:
        return ctx["province"] == div.name
    if div.level == 1:
        return ctx["city"] == div.name
    if div.level == 2:
        return any(d.name == div.name for d in ctx["districts"])
    return any(x.name == div.name for x in ctx["towns"])


def _narrow_districts(ctx: dict) -> None:
    ds = ctx["districts"]
    if len(ds) > 1:
        if ctx["city"] is None and ctx["province"] is None:
            zj = [d for d in ds if d.province == ZHEJIANG]
            if len(zj) == 1:
                ds = zj
        ctx["districts"] = ds
    if len(ds) == 1:
        ctx["province"] = ds[0].province
        ctx["city"] = ds[0].city
    elif ds and len({d.province for d in ds}) == 1:
        ctx["province"] = ds[0].province
        if len({d.city for d in ds}) == 1:
            ctx["city"] = ds[0].city


def _narrow_by_towns(ctx: dict, t: _Tables) -> None:
    towns = ctx["towns"]
    if ctx["districts"]:
        towns = [x for x in towns if any(x.district == d.name and x.city == d.city for d in ctx["districts"])]
    if len(towns) > 1 and ctx["city"] is None and ctx["province"] is None:
        zj = [x for x in towns if x.province == ZHEJIANG]
        if len(zj) == 1:
            towns = zj
    ctx["towns"] = towns
    if len(towns) == 1:
        town = towns[0]
        ctx["province"] = town.province
        ctx["city"] = town.city
        if town.district:
            d = t.districts.get((town.province, town.city, town.district))
            if d is not None:
                ctx["districts"] = [d]
                ctx["dnames"] = {(d.city, d.name)}
                ctx["level"] = 3


# --------------------------------------------------------------------------------------
# Street-level parsing
# --------------------------------------------------------------------------------------

# Including the financial forms (壹贰叁, '贰幢叁单元').
_CN_DIGIT = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7,
             "捌": 8, "玖": 9}
_CN_NUM_RE = re.compile(
    # ('融汇壹号', '江山壹号院': 壹号 in an estate's name is no number.)
    r"(?!壹号(?!楼))[零一二两三四五六七八九十百壹贰叁肆伍陆柒捌玖拾佰]+(?=号楼|幢|栋|号|单元|室|房|楼|层|期|组|队|社(?!区)|座|弄|户|排|区|门(?=[0-9])|梯(?=[0-9零一二两三四五六七八九十])|#|-|$)"
    # A road's numbered lane ('洞庭南路二十五巷' is 洞庭南路25巷); '文二巷' is a name.
    r"|(?<=[路街道])[零一二两三四五六七八九十百]+(?=巷)"
    # An urban village's numbered lanes and blocks ('康乐村西十二巷', '布吉村东二坊').
    r"|(?<=[东南西北])[零一二两三四五六七八九十百]+(?=巷|坊)"
    # 汕头's cross lanes of a road, '安平路二横5号' (its second cross lane, No. 5).
    r"|(?<=[\u4e00-\u9fff])[一二两三四五六七八九十]+(?=横(?:[0-9零一二两三四五六七八九十]|$))"
    # Xiamen's numbered 里 of a neighbourhood before a house number ('前埔北区二里35号'; not 三里屯).
    r"|(?<=[东南西北区])[一二两三四五六七八九十]+(?=里[0-9]+(?![0-9]|组))"   # (锦州's 北三里1组 is a place)
)


_ORDINAL_RE = re.compile(r"第(?=[0-9]+(?:号楼|幢|栋|座|单元|层|楼|组|期|区|排))")
# '第3村民小组', '三村民组': the village's group, as '3组' is.
_VILLAGER_GROUP_RE = re.compile(r"第?([0-9〇零一二两三四五六七八九十百]+)村民小?组")


# An estate at a crossing of two roads, '长青街与钢铁街交叉口御景水岸5号楼': the first road is
# its street (with no number), the second only says where on it.  A first road named
# '…道' (北方: '金光道与解放道交叉口') goes too: the parser knows such a road only by its number.
_CROSSING_RE = re.compile(
    r"(?:(?:(?![道街路])[\u4e00-\u9fff]){1,4}?(?<!大)道|(?<=[路街巷])|(?<=大道)|^)(?:与|和)[\u4e00-\u9fff0-9]{1,10}?(?:路|街|巷|道)?"
    r"(?:交叉口|交汇处|交界处|交口|十字路口|路口)(?:[东西南北]{1,2}[侧角])?")
# A sub-number of a street number, Chongqing's '红锦大道119号附9号', Guangzhou's '天河路180号之5'
# (often left out by the same people): the street number alone is the premises.
# Digits or numerals, not both: '188号之一1203室' is room 1203 of 之一.
# ... but one that ends the address is the house itself, 泸州's hillside '水井沟巷12号附3号'
# (also '12附3号', '12号之3', '12号附3号院'), as '水井沟巷12-3号' writes it.
_SUB_NUMBER_END_RE = re.compile(r"(?<=[0-9])号?(?:附|之)([0-9]{1,3})号?院?$")
_SUB_NUMBER_RE = re.compile(r"(?<=[0-9]号)(?:附[0-9]+号|之(?:[0-9]+|[一二三四五六七八九十]+)号?)")
# An urban village's lane or block, '康乐村西12巷39号', '布吉村东2坊6栋': keyed without 村,
# which half of its writers leave out ('康乐西12巷39号', '布吉东2坊'); written as typed.
_VILLAGE_LANE_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})村(?=[东南西北]?[0-9]+[巷坊])")
# A flat after a street or lane number with nothing to say it is one, '康乐西12巷39号203':
# room 203 of No. 39, as '39号203室' is.
_BARE_ROOM_RE = re.compile(r"(?<=[0-9]号)([0-9]{3,4})$")
# Tianjin's and Beijing's '荣华里3楼1门202': 楼 before a 门 is the building, 门 its entrance.
_LOU_MEN_RE = re.compile(r"(?<![0-9])([0-9]+)楼([0-9]+)门")
# Shenzhen's lettered flats, '19栋11楼B': flat 11B, as '11B室' is written.
_FLOOR_LETTER_RE = re.compile(r"(?<![0-9])([0-9]{1,2})[楼层]([A-Z])(?=$|室|房|户)")
# A hutong house: '砖塔胡同31号院内', '史家胡同2号院内北房', '大石作胡同89号平房' are the door at 31号.
_YARD_TAIL_RE = re.compile(r"(?<=[0-9]号)(?:(?:院内|院里|院)(?:[东南西北正倒厢]房|平房)?|[东南西北正倒厢]房|平房)$")
# A flat written by its floor and door (Chongqing, '5幢2单元12-3号', '14号楼3单元13楼3号',
# basements '负2-1'): the room the floor and door make, 1203 (B201 below ground), as
# '12楼03室' is read; and the all-dash forms '5-2-12-3' (building, unit, floor, door) and
# '19-9-2' (building, floor, door), told apart from '2-1-501' by their one- or two-digit door.
_FLOOR_DOOR_RE = re.compile(
    r"(?:(?<=单元)|(?<=[幢栋])|(?<=号楼)|(?<=[0-9]门))(?P<neg>负)?(?P<floor>[0-9]{1,2})(?:-|楼|层)(?P<door>[0-9]{1,2})"
    r"(?:号|室|户)?(?![0-9A-Z号楼层幢栋-])")
_DASH_FLOOR_DOOR_RE = re.compile(
    r"(?<![0-9A-Z-])(?P<b>[0-9]{1,3})-(?:(?P<u>[0-9]{1,2})-)?(?P<neg>负)?(?P<floor>[0-9]{1,2})-(?P<door>[0-9]{1,2})"
    r"(?:号|室)?(?![0-9A-Z号楼层幢栋-])")


def _floor_door_room(m: re.Match) -> str:
    floor = m.group("floor").lstrip("0")
    if not floor:
        return m.group(0)
    neg = m.groupdict().get("neg")
    return ("B" if neg else "") + floor + m.group("door").zfill(2) + "室"


def _dash_floor_door(m: re.Match) -> str:
    if not m.group("floor").lstrip("0"):
        return m.group(0)
    return m.group("b") + "幢" + (m.group("u") + "单元" if m.group("u") else "") + _floor_door_room(m)


# Zhengzhou's doors by floor and side: '7-2-12东' (building, unit, floor, side), '12楼东',
# '东户12楼' are '7幢2单元12层东户', keyed at the floor as '12层东户' is.
_DASH_SIDE_RE = re.compile(
    r"(?<![0-9A-Z-])([0-9]{1,3})-([0-9]{1,2})-([0-9]{1,2})([东西中])(?:户|边)?(?![0-9A-Z路街门侧区])")
_SIDE_FLOOR_RE = re.compile(r"(?<=单元)([东西中])户([0-9]{1,2})[楼层]")
# '21-东-803': building, side unit, room.
_DASH_SIDE_UNIT_RE = re.compile(r"(?<![0-9A-Z-])([0-9]{1,3})-([东西中])-([0-9]{3,4})(?![0-9-])")
_FLOOR_SIDE_RE = re.compile(r"(?<=单元)([0-9]{1,2})楼([东西中])(?![户路街门侧区])")
# A firm's numbered or side gate, '…有限公司2号门': the firm's door, not building 2.
_FIRM_GATE_RE = re.compile(r"(?<=公司|工厂|厂区|集团)(?:[0-9]+号?|[东南西北])(?:大)?门(?:口|岗)?")
# A room of a shared flat, '301A间', '2901室次卧', '(合租)': the flat.
_SHARED_ROOM_RE = re.compile(r"(?<=[0-9])(?:[A-D]间|室?[主次]卧|室?合租)(?=$|[^0-9A-Z])")
# Guiyang's lettered groups of blocks, 'C14组' for 'C14组团' (a village's '5组' has no letter).
_GROUP_BLOCK_RE = re.compile(r"(?<=[A-Z][0-9])组(?!团)|(?<=[A-Z][0-9]{2})组(?!团)")


# Luoyang's numbered blocks of a state plant's housing, '涧西区11号街坊23栋3门302': the block
# is the estate, written with or without 号 ('11街坊', '11#街坊') and often after the plant
# that built it ('一拖11号街坊', '洛铜家属院14号街坊') or a road, which the block's number
# already makes unique in its district.
_JIEFANG_RE = re.compile(r"^.*?(?<![0-9])(?P<n>[0-9]{1,3})(?:号|#)?街坊")


# Cantonese 梯 (the staircase) for the unit, 珠海's '3栋2梯1502' = '3栋2单元1502'.
_TI_UNIT_RE = re.compile(r"(?<=[0-9幢栋座])([0-9]{1,2})梯(?=[0-9])")
# 汕头's cross lanes, '安平路2横5号', written with or without 路 ('安平2横5号'): keyed without.
_CROSS_LANE_ROAD_RE = re.compile(r"(?<=[\u4e00-\u9fff])路(?=[0-9]{1,2}横[0-9])")


# 惠州's towers with lettered seats, '5栋A座1203房' (also '5栋A1203', '5号楼A座12楼03'): the
# seat is the building's unit, as '5-A-1203' writes it.
_SEAT_UNIT_RE = re.compile(r"(?<=[0-9])(栋|幢|号楼)([A-Z])(?:座|(?=[0-9]{3,4}(?![0-9])))")


# A village's group written '村民小组' or '小组' (惠州's '老屋村民小组', 南通's '15小组'); a natural
# village written with '角落' or '自然村' before its house (莆田's '后埕角落28号'); '第12号'.
_GROUP_WORD_RE = re.compile(r"村民小组|(?<=[\u4e00-\u9fff0-9])小组")
# A group named for its hamlet, 滁州's '曾圩村民组' or '胡小圩队' after its village: '曾圩组'.
_NAMED_GROUP_RE = re.compile(r"(?<=村)([\u4e00-\u9fff]{2,3}?)(?:村民组|(?<![大中小])队)(?=[0-9]+号?(?![0-9]))")
# ... and such a group is its hamlet: 玉溪's '河营村委会松营村民小组14号' is written '河营村松营组14号',
# '河营村委会松营村14号' and '松营村14号' (keyed as the hamlet '松营村', see _key_premises); '麦村村民小组'
# is the hamlet 麦村's.
_HAMLET_GROUP_RE = re.compile(r"(?<![0-9])((?:(?![零一二两三四五六七八九十百村镇乡区县市道委会])[\u4e00-\u9fff]){2,3}"
                              r"|(?:(?![零一二两三四五六七八九十百村镇乡区县市道委会])[\u4e00-\u9fff]){1,2}村)"
                              r"(?:村民组|组)"
                              r"(?=[0-9]+号?(?![0-9])|$)")
# A village renamed a 社区 that keeps its groups ('高家社区5组53号', 汉中) is still written
# '高家村5组53号' (and the reverse): one place, keyed as the village.
# 锦州's old-town 社区 with groups are written by their residents' committee too ('铁新委3组28号',
# '铁新居委3组', '铁新居委会3组', '铁新社区居委会3组').
_COMMUNITY_GROUP_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?<!村)(?:社区居委会|社区|居委会|居委|委)(?=[0-9]{1,2}[组社队])"
                                 r"|(?<=[\u4e00-\u9fff]{2})(?<![村社])(?:居委会|居委|委)(?=[0-9]{1,4}号)")
# 威海's coastal villages, '枣坪渔村101号' for 枣坪村.
_FISHING_VILLAGE_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})渔村(?=[0-9])")
# 临汾's cave dwellings in a courtyard: '马塘村32号院窑洞', '…32号院4孔窑', '…32号院东窑' and
# '马塘村窑洞32号院' are the courtyard's door.
_CAVE_DWELLING_RE = re.compile(r"(?<=[0-9]号院)(?:[0-9]{1,2}孔窑|[东西中南北正]窑|窑洞|窑)$|(?<=村)窑洞(?=[0-9])")
# 苏南's natural villages named as lanes ('老河村庄巷36号', '金店村委陈家巷村8号', '陈家巷村8号'):
# the house is keyed as '陈家巷8号', as the hamlet is most often written alone.  Not an urban
# village's numbered lane ('康乐村西12巷39号'), nor a 新村 estate's.
_HAMLET = r"(?:(?![〇零一二两三四五六七八九十百])[\u4e00-\u9fff])"
_HOUSE_NO = r"(?:[0-9]+号?(?![0-9])|[〇零一二两三四五六七八九十百]+(?:号|$))"
_VILLAGE_BEFORE_LANE_RE = re.compile(r"(?:^|(?<=[镇乡区县市道\s，,]))[\u4e00-\u9fff]{1,4}?(?<!新)村"
                                     r"(?:村民委员会|村委会|委员会|委会|委)?(?=" + _HAMLET + "{1,3}巷村?" + _HOUSE_NO + ")")
_LANE_HAMLET_CUN_RE = re.compile(r"(?<=" + _HAMLET + "巷)村(?=" + _HOUSE_NO + ")")
# A garage lived in (东北, 河北: '5号楼车库12号', '5号楼下车库12号', '5#车库12', '5号楼12号车库',
# '车库5-12'): garage 12 of building 5, keyed as its room 'G12' and shown '车库12号'.
_GARAGE_RES = (
    re.compile(r"(?<![0-9])([0-9]{1,3})(?:号楼|幢|栋|#)?下?车库([0-9]{1,3})(?:号|室)?(?![0-9])"),
    re.compile(r"(?<![0-9])([0-9]{1,3})(?:号楼|幢|栋|#)([0-9]{1,3})(?:号|室)?车库"),
    re.compile(r"车库([0-9]{1,3})(?:-|号楼|幢|栋|#)([0-9]{1,3})(?:号|室)?(?![0-9])"),
)
_GARAGE_ROOM_RE = re.compile(r"G[0-9]{1,3}")
# An old door number after the new one, '健康西路170号(原146号)': the new one names the door.
_OLD_NUMBER_RE = re.compile(r"(?<=[0-9]号)[(]?[原老][0-9]{1,5}号?[)]?")
# A village house's plate, '后柏岭村门牌60号' = '后柏岭村60号'.
_DOORPLATE_RE = re.compile(r"(?<=[\u4e00-\u9fff])门牌(?:号)?(?=[0-9])")
# 东北's '13楼2单元502': 楼 before a unit is the building, as '13号楼2单元502' writes it.
_BUILDING_LOU_RE = re.compile(r"(?<![0-9A-Z-])([0-9]{1,3})楼(?=[0-9]{1,2}单元)")
_NATURAL_VILLAGE_WORD_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:角落|自然村)(?=[0-9])")
_ORDINAL_HOUSE_RE = re.compile(r"(?<=[\u4e00-\u9fff])第(?=[0-9]{1,4}号)")
# A work unit's housing ('宇宙瓷厂宿舍', written '…家属区', '…家属院', '…生活区', '…宿舍区'), also
# as the former unit's ('原宇宙瓷厂宿舍', '老宇宙瓷厂宿舍'): one compound.
_UNIT_HOUSING_RE = re.compile(r"(?<=[厂段站矿])(?:职工住宅区|职工宿舍|住宅区|工人村|家属区|家属院|生活区|宿舍区|宿舍)")
# A mine's compound (萍乡's, 铜陵's, 鹤壁's: '安源矿职工住宅区', '巨源煤矿工人村', '有色铜官山矿工人村',
# '鹤煤三矿宿舍', '三矿工人村', the bare '巨源矿50栋22号'): written with or without its owner's name,
# 煤, its housing word.
_MINE_OWNER_RE = re.compile(r"(?:萍矿|有色|矿务局|[\u4e00-\u9fff]煤)(?=[\u4e00-\u9fff]{1,4}矿(?:职工|住宅|工人|宿舍|家属|[0-9]))")
_COAL_MINE_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})煤矿(?=职工|住宅|工人|宿舍|家属|[0-9])")
_MINE_HEAD_RE = re.compile(r"(?![一二三四五六七八九十])[\u4e00-\u9fff]?矿")     # ('铜官山矿…' is no 铜官区 + '山矿…')
_MINE_BLOCK_RE = re.compile(r"(?<=[\u4e00-\u9fff]矿)(?=[0-9]{1,3}(?:栋|幢|号楼|-))")
# 汉中's resettlement estates for villagers moved down from the mountains: '幸福安置小区' is
# also written '幸福安置点', '幸福移民搬迁安置点', '幸福移民安置小区' (a name only: '移民安置小区' alone
# after its town stays as written).
_RESETTLEMENT_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?<![镇乡区县市村道])"
                              r"(?:移民搬迁安置小区|移民搬迁安置点|移民搬迁安置区|移民安置小区|移民安置点|移民安置区|"
                              r"搬迁安置小区|搬迁安置点|安置点|安置区|社区安置房|安置房)")
# A railway unit's housing (蚌埠's depots: '铁路机务段宿舍', '路局车站家属院') is written with or
# without the railway's name.
_DEPOT_BLOCK_RE = re.compile(r"(?<=机务段|车务段|工务段|电务段|车辆段|供电段)(?=[0-9]{1,3}(?:栋|幢|号楼|-))")
_RAILWAY_WORD_RE = re.compile(r"(?:铁路局|路局|铁路|铁道)(?=[\u4e00-\u9fff]{0,4}[段站]宿舍)")
_FORMER_UNIT_RE = re.compile(r"(?:^|(?<=[区县市镇道路街号]))[原老](?=[\u4e00-\u9fff]{1,6}[厂段站]宿舍)")


def local_door_forms(s: str) -> str:
    """``s`` with the crossing, sub-number, hutong-house and floor-door forms above rewritten."""
    if "小组" in s:
        s = _GROUP_WORD_RE.sub("组", s)
    if "村民组" in s or "队" in s:
        s = _NAMED_GROUP_RE.sub(r"\1组", s)
    if "组" in s:
        s = _HAMLET_GROUP_RE.sub(r"\1村", s)     # (after _NAMED_GROUP_RE, which needs the 村 before)
    if "社区" in s or "委" in s:
        s = _COMMUNITY_GROUP_RE.sub("村", s)
    if "渔村" in s:
        s = _FISHING_VILLAGE_RE.sub("村", s)
    if "窑" in s:
        s = _CAVE_DWELLING_RE.sub("", s)
    if "门牌" in s:
        s = _DOORPLATE_RE.sub("", s)
    if "原" in s or "老" in s:
        s = _OLD_NUMBER_RE.sub("", s)
    if "车库" in s:
        for garage in _GARAGE_RES:
            s = garage.sub(r"\1幢G\2室", s)
    if "单园" in s:
        s = s.replace("单园", "单元")     # a pinyin slip for 单元
    if "楼" in s and "单元" in s:
        s = _BUILDING_LOU_RE.sub(r"\1幢", s)
    if "角落" in s or "自然村" in s:
        s = _NATURAL_VILLAGE_WORD_RE.sub("", s)
    if "第" in s:
        s = _ORDINAL_HOUSE_RE.sub("", s)
    if "矿" in s:
        s = _MINE_BLOCK_RE.sub("宿舍", _COAL_MINE_RE.sub("矿", _MINE_OWNER_RE.sub("", s)))
    if "厂" in s or "段" in s or "站" in s or "矿" in s:
        s = _UNIT_HOUSING_RE.sub("宿舍", s)
        if "路" in s or "铁" in s:
            s = _RAILWAY_WORD_RE.sub("", s)
        if "段" in s:
            s = _DEPOT_BLOCK_RE.sub("宿舍", s)
        if "原" in s or "老" in s:
            s = _FORMER_UNIT_RE.sub("", s)
    if "安置" in s:
        s = _RESETTLEMENT_RE.sub("安置小区", s)
    if "座" in s or "栋" in s or "幢" in s or "号楼" in s:
        s = _SEAT_UNIT_RE.sub(r"\1\2单元", s)
    if "梯" in s:
        s = _TI_UNIT_RE.sub(r"\1单元", s)
    if "横" in s:
        s = _CROSS_LANE_ROAD_RE.sub("", s)
    if "门" in s and ("公司" in s or "厂" in s or "集团" in s):
        s = _FIRM_GATE_RE.sub("", s)
    if "间" in s or "卧" in s or "合租" in s:
        s = _SHARED_ROOM_RE.sub("室", s)
    if "组" in s:
        s = _GROUP_BLOCK_RE.sub("组团", s)
    if "东" in s or "西" in s or "中" in s:
        s = _DASH_SIDE_RE.sub(r"\1幢\2单元\3层\4户", s)
        s = _DASH_SIDE_UNIT_RE.sub(r"\1幢\2单元\3室", s)
        s = _SIDE_FLOOR_RE.sub(r"\2层\1户", s)
        s = _FLOOR_SIDE_RE.sub(r"\1层\2户", s)
    if "口" in s or "交汇" in s or "交界" in s:
        s = _CROSSING_RE.sub("", s)
    if "附" in s or "之" in s:
        s = _SUB_NUMBER_END_RE.sub(r"-\1号", s)
        s = _SUB_NUMBER_RE.sub("", s)
    if "院" in s or "房" in s:
        s = _YARD_TAIL_RE.sub("", s)
    if "号" in s:
        s = _BARE_ROOM_RE.sub(r"\1室", s)
    if "-" in s or "楼" in s or "层" in s:
        if "门" in s:
            s = _LOU_MEN_RE.sub(r"\1幢\2单元", s)
        s = _FLOOR_LETTER_RE.sub(r"\1\2室", s)
        s = _FLOOR_DOOR_RE.sub(_floor_door_room, s)
        if "-" in s:
            s = _DASH_FLOOR_DOOR_RE.sub(_dash_floor_door, s)
    return s


def _cn_to_int(s: str) -> str:
    if not any(c in s for c in "十百拾佰"):
        return "".join(str(_CN_DIGIT.get(c, "")) for c in s)
    total, cur = 0, 0
    for c in s:
        if c in _CN_DIGIT:
            cur = _CN_DIGIT[c]
        elif c in "十拾":
            total += (cur or 1) * 10
            cur = 0
        elif c in "百佰":
            total += (cur or 1) * 100
            cur = 0
    return str(total + cur)


def _cn_sub(m: re.Match) -> str:
    s = m.group(0)
    if len(s) == 1 and s in "两" :
        return s
    return _cn_to_int(s)


# A floor and the flat on it, '5楼01室' / '12层1户': the parser's room 501 / 1201 (see
# _parse_door; a stall '3楼43号' keeps its number).
_FLOOR_FLAT_RE = re.compile(r"([0-9]+)[楼层]([0-9]{1,2})(?=室|房|户)|([0-9]+)[楼层](0[0-9])(?![0-9号])")
# Text ``door_numbers`` must rewrite before its digits are what the parser reads (polars
# regex, no look-ahead): a Chinese numeral before a door word, or a floor and its flat.
DOOR_NUMBER_REWRITE = (r"[〇零一二两三四五六七八九十百壹贰叁肆伍陆柒捌玖拾佰]+(?:号楼|幢|栋|号|单元|室|房|楼|层|期|组|队|村民|社|座|弄|户|排|区|梯|横|#|-|$)"
                       r"|[路街道东南西北][〇零一二两三四五六七八九十百]+[巷坊]"
                       r"|[0-9０-９][楼层][0-9０-９]{1,2}(?:室|房|户|[^0-9０-９号]|$)"
                       # local_door_forms: floor-door flats and the all-dash forms.
                       r"|(?:单元|幢|栋|号楼|[0-9]门)负?[0-9]{1,2}[-楼层][0-9]{1,2}(?:[^0-9]|$)"
                       r"|[0-9]-负?[0-9]{1,2}-[0-9]{1,2}(?:[^0-9]|$)")


def door_numbers(text: str) -> list[str]:
    """The numbers the parser reads in a raw address, as digit strings: '二幢三单元五〇一室'
    gives 2, 3, 501 and '2幢3单元5楼01室' also 501, which its digits alone do not show."""
    return list(_door_numbers(text))


# Each linkage pass scans the same unread addresses again (``address_scope``).
@functools.lru_cache(maxsize=1 << 18)
def _door_numbers(text: str) -> tuple[str, ...]:
    s = normalise_text(text)
    if "村民" in s:
        s = _VILLAGER_GROUP_RE.sub(r"\1组", s)
    s = local_door_forms(_CN_NUM_RE.sub(_cn_sub, s))
    out = set(re.findall(r"[0-9]+", s))
    for m in _FLOOR_FLAT_RE.finditer(s):
        floor, flat = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if floor.lstrip("0"):
            out.add(floor.lstrip("0") + flat.zfill(2))
    return tuple(sorted(out))


_PICKUP_RE = re.compile(tok.PICKUP_BRANDS + "?(?P<kw>" + "|".join(
    re.escape(k) + ("(?=[点处]?$)" if k in tok.PICKUP_AT_END else "") for k, _ in tok.PICKUP_KEYWORDS) + ")")
_PICKUP_KIND = dict(tok.PICKUP_KEYWORDS)
_PICKUP_TAIL_RE = re.compile(r"(?:分店|店|点|站|服务站|代收点)$")
_GATE_RE = re.compile(tok.GATE_SUFFIX_PATTERN)
_WORK_RE = re.compile(tok.WORKPLACE_PATTERN)
_COMMUNITY_RE = re.compile(tok.COMMUNITY_SUFFIX_PATTERN)
# A suffix word alone ('市场', '小区', '新村'): no name of its own.
_BARE_SUFFIX_RE = re.compile(r"(?:小区|社区|家园|花园|花苑|公寓|新村|大厦|大楼|广场|中心|宿舍|住宅区|商城|市场|"
                             r"批发市场|商场|写字楼|大院|商业街)")
# An estate's phase, '金凤家园1期': '家园1期' is as bare as '家园' ('宁夏银川金凤家园一期'); so is a
# 新村's numbered part ('安源新村3区' is no 安源区 + '新村3区').
_PART_TAIL_RE = re.compile(r"[0-9]+[期区]$")
_FIRM_RE = re.compile(tok.FIRM_SUFFIX_PATTERN)
# A shop word alone after a street number ('人民路779号商铺'): the shop is the street number.
_SHOP_WORD_RE = re.compile(r"(?:商铺|店铺|铺面|铺位|门面|门市|门店|底商|商位)")
# A numbered compound at a street number, '胜利路178号1号院15幢…': the compound is the
# premises (its '1号' is no building), named with its street number ('1院' alone recurs).
_NUMBERED_COMPOUND_RE = re.compile(r"(?<=号)([0-9]+)号院")
_NUMBER_COMPOUND_RE = re.compile(r"(?<=[0-9]号)院(?:内|里)?(?=[0-9A-Z])")
# A house of a numbered yard written as a household, '西大街15号院3户' = '西大街15号院3号'.
_YARD_HOUSE_RE = re.compile(r"(?<=[0-9]号院)([0-9]{1,3})户(?![0-9])")
# A yard's house ending the address is the street number's sub-number: '西大街15号院3号',
# '…15号院内3号' and '…15号3号' are '西大街15-3号', as 洛阳 and 泸州 also write them.
_YARD_HOUSE_END_RE = re.compile(r"(?<=[0-9])号院(?:内|里)?([0-9]{1,3})号?$")
_HOUSE_AFTER_NUMBER_END_RE = re.compile(r"(?<=[0-9])号([0-9]{1,3})号$")
# An office room written in English, 'A座 Room 1203' / 'RM1203'.
_ROOM_WORD_RE = re.compile(r"(?:ROOM|RM)[.#-]?([0-9]{2,5})(?![0-9])")
# A shop named before its street number with nothing between, '湾滩餐馆幸福路36号': the
# shop is at the number, as '幸福路36号湾滩餐馆' says (not on a road '湾滩餐馆幸福路').  A
# road's name starts with a character: '女装馆21街4367号' is a market hall's aisle.  The
# name runs to its last shop word ('庄店烟酒店春晓路644号'), and the same holds with the
# number in brackets after the name, as the brackets are dropped before this is read.
_NAME_BEFORE_ROAD_RE = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{1,12}(?:店|馆|超市|公司|厂|商行|经营部|门市部|工作室))"
    r"(?P<road>[\u4e00-\u9fff][\u4e00-\u9fff0-9]{0,9}?(?:大道|大街|路|街|巷)[0-9]+号)")

# An estate written before its street number, the number often in brackets: '御盛华庭（建德街317号）
# 17幢…', '康林名居,恒明南路297号,12号楼…' are '建德街317号御盛华庭17幢…' (the estate at that number).
_ESTATE_THEN_ROAD_RE = re.compile(
    r"(?P<name>[\u4e00-\u9fff0-9]{2,12}?(?:小区|家园|花园|花苑|园|苑|府|公寓|新村|公馆|山庄|名邸|邸|庭|阁|居|城|坊|"
    r"家属院|生活区|家属区|宿舍区|宿舍|[0-9]+期))"
    r"(?P<road>(?:(?![院园苑庭府城居期区村])[\u4e00-\u9fff]){2,6}?(?:大道|大街|路|街)[0-9]+号)(?=[0-9A-Z]|$)")
# ... also an estate whose name has no estate word ('碧宏御景(春怡东路222号)25号楼…', '福河海岸
# 庆隆路394号15幢…'), where a building follows the number at once; the road is read as most
# are named, two characters and a direction ('春怡东路'), the name as three or more.
_NAME_THEN_ROAD_RE = re.compile(
    r"(?P<name>(?:(?![路街道区县市镇乡村巷号])[\u4e00-\u9fff]){3,6})"
    r"(?P<road>(?![院园苑庭府城居期区村])[\u4e00-\u9fff](?:(?![东南西北中院园苑庭府城居期区村])[\u4e00-\u9fff])"
    r"[东南西北中]?(?:大道|大街|路|街)[0-9]+号)"
    r"(?=[0-9]{1,3}(?:栋|幢|座|号楼|#|-[0-9]))")
# (Not a park before its street, which is at the number: '海虹工业园解放南路83号'.)
_PARK_NAME_RE = re.compile(r"(?:工业园|园区|产业园|科技园|创业园|物流园|工业区|开发区)$")

# A road's section: '北段', '中段', '东五段', '二段'.
_ROAD_SECTION = r"[东南西北中][一二三四五六七八九十0-9]{0,3}段|[一二三四五六七八九十0-9]{1,3}段"
_ROAD_RE = re.compile(
    r"(?P<road>[\u4e00-\u9fff0-9]{1,10}?(?:大道|大街|路|(?<!商业)街(?![道区坊])|巷|胡同|(?<=[\u4e00-\u9fff][0-9])横|(?<=[\u4e00-\u9fff][0-9]{2})横"
    # A ring road's section without 路 or a number ('一环南3段望江小区').
    r"|(?<=[一二三四五六])环[东南西北]?(?=[一二三四五六七八九十0-9]{1,3}段))(?!村)"
    r"(?:(?:(?<=大道)|(?<=大街)|(?<=路)|(?<=环)|(?<=环[东南西北]))(?:" + _ROAD_SECTION + r"))?)(?P<no>)"
)
_ROAD_ONLY_NUM_RE = re.compile(
    # A ring road is written without 路 ('东二环37号', '北三环中88号').
    r"(?P<road>[\u4e00-\u9fff0-9]{1,10}?(?:大道|大街|路|(?<!商业)街(?![道坊])|"
    # A street named 商业街 before its number and an estate's flat ('商业街381号半岛花园2栋…').
    r"(?<=商业)街(?=[0-9]+号[\u4e00-\u9fff]{2,}[0-9A-Z]+(?:栋|幢|座|号楼|#))|巷|胡同|(?<=[\u4e00-\u9fff][0-9])横|(?<=[\u4e00-\u9fff][0-9]{2})横|(?<!街)道|(?<![0-9])弄|(?<=[一二三四五六])环(?:[东南西北中](?=[0-9]))?)"
    # Guangzhou's '广州大道北', '江南大道中': the direction is part of the road's name.
    r"(?:(?<=大道)[东南西北中](?=[甲乙丙丁]?[0-9]))?"
    # Chengdu's and Mianyang's sections, '益州大道中段182号', '一环路东五段31号', '长虹大道北段',
    # also named ('武侯大道顺江段204号', '东大街下东大街段168号').
    r"(?:" + _ROAD_SECTION + r"|[\u4e00-\u9fff]{1,4}段(?=[甲乙丙丁]?[0-9]))?)"
    # Beijing's '甲15号', '乙74号': a door beside No. 15, keyed as written.
    r"(?P<no>[甲乙丙丁]?[0-9]+(?:-[0-9]+)?(?:号|弄|巷|#|"
    r"(?=[\u4e00-\u9fff])(?!号|幢|栋|单元|楼|层|室|座|组|期|区|栋|户|门|米|段))"
    # A number that ends the address is the door, written without 号 ('安平路二横5'; not
    # '保利西街16-1703', an estate's building and flat).
    r"|[0-9]{1,4}$)"
)
# What cannot be part of a road's name: the road starts after it ('...有限公司杨高中路577号').
_ROAD_LEFT_CUT_RE = re.compile(r".*(?:街道|镇|乡|开发区|工业区|园区|工业园|产业园|科技园|创业园|工业城|新区|社区|村|小区|"
                               r"家园|花园|苑|号|[0-9]|公司|集团)")
# A park or zone named before a street number is the area the street runs through
# ('海虹工业园解放南路83号'): the door is the street number, as '解放南路83号…有限公司' says.
_PARK_BEFORE_ROAD_RE = re.compile(r"(?:开发区|工业区|园区|工业园|产业园|科技园|创业园|工业城|高新区|经济区)$")
# Township-level units that are administrations, not premises.
_PREMISES_DIVISION_RE = re.compile(r"(?:街道|镇|乡|办事处|地区|管委会|管理委员会|苏木|民族乡)$")
# '建新北路傣乡嘉园': a road, then an estate whose name has a word in 乡; no township is
# named after a road ('路口镇' starts with one), though sub-districts are ('中华北路街道').
_ROAD_IN_TOWN_RE = re.compile(r"[\u4e00-\u9fff]{2}(?:路|大街|大道)")
_TOWN_TAIL_RE = re.compile(r"^(?P<town>[\u4e00-\u9fff]{2,8}?(?:街道|(?<!小)镇|乡))(?=.)")

_ID = r"[0-9]+[A-Z]?|[A-Z][0-9]*"
_DOOR_TOKENS = (
    # ('17489幢商位' is a stall, see "r".)
    ("b", re.compile(rf"({_ID})(?:号楼|号幢|号栋|幢(?!商位)|栋|座|#楼?|号(?=[0-9]|[东中西]单元))-?")),
    # A village group: '6组', Sichuan '6社' (keyed as '6组'), not '3社区'.
    ("g", re.compile(r"([0-9]+)(?:组|队|排|社(?!区))-?")),
    # '13号楼东单元2004室': 威海's and 临汾's units named by side.
    ("u", re.compile(r"([0-9]+|[A-Z]|(?<=[0-9幢栋楼座#号])[东中西](?=单元))(?:单元|单(?=[0-9])|门(?=[0-9]))-?")),
    # A shop or market stall: '2156号商铺', '2156号铺', 'A12摊位', '12345号商位' name the door
    # as a room does ('12345幢商位' too: a stall whose 号 was written 幢).
    ("r", re.compile(r"([A-Z]?[0-9]+[A-Z]?)(?:室|房|号房|户|幢商位|"
                     r"号?(?:商铺|铺位|铺面|店铺|店面|摊位|档口|商位|铺|摊|档)(?![0-9]))")),
    ("f", re.compile(r"(-?[0-9]+)(?:楼|层|F)(?![0-9]*(?:号楼|幢|栋))-?")),
    ("d", re.compile(r"([0-9]+[A-Z]?|(?<![0-9A-Z])[A-Z](?=-[0-9]))-(?=[0-9A-Z])")),
    ("n", re.compile(r"([A-Z]?[0-9]+[A-Z]?)(?:号)?(?![0-9A-Z])")),
)
_DOOR_KIND_INDEX = {k: i for i, (k, _) in enumerate(_DOOR_TOKENS)}
# A stall in a market: the market word, then what names its district or floor ('一区', 'B区',
# '二期', '1号楼', '3楼', '北联市场'), an optional aisle ('21街', 'H1街') and the stall number
# (3+ digits, with or without 号 / 商位).  Rewritten '<number>号商位' without the aisle, so
# every spelling of one stall reads the same door ('国际商贸城1区21街38772号',
# '国际商贸城1区38772号商位', '国际商贸城1区38772' -> stall 38772 of 国际商贸城1区) and two
# stalls in one aisle stay two doors.
_STALL_RE = re.compile(
    tok.MARKET_WORDS + r"(?![路街巷道])(?P<mid>[\u4e00-\u9fffA-Z0-9]{0,8}?)(?<![0-9A-Z])"
    r"(?:(?P<aisle>[A-Z]?[0-9]{1,3})街)?(?P<stall>[A-Z]?[0-9]{3,6}|(?<=区)[0-9]{1,2})"
    r"号?(?:商位|摊位|铺位|商铺|档口|店铺|门面|铺|摊|档)?"
    r"(?![0-9A-Z号幢栋楼层室单元座期区街弄组户排门米F#-])"
)
# A market's zone and stall joined by a dash, 'C-262' for 'C区262号'.
_STALL_DASH_RE = re.compile(
    tok.MARKET_WORDS + r"(?P<zone>[A-Z])-(?P<stall>[0-9]{1,6})(?:号门面|号?(?:摊位|摊|档口|档|铺位|铺面|铺))?"
    r"(?![0-9A-Z号幢栋楼层室单元座期区街弄组户排门米F#-])")
# ... with its floor, which the zone and stall already name: '中环商城2楼C区221号', '2F C221',
# '3楼B-236', 'C区2-221' are stall 221 of zone C; '…号门面' is the stall's shopfront.
_STALL_FLOOR_ZONE_RE = re.compile(
    tok.MARKET_WORDS + r"(?:(?P<floor>[0-9]{1,2})(?:楼|层|F)-?(?P<zone>[A-Z])(?:区|-)?(?P<stall>[0-9]{1,6})"
    r"|(?P<zone2>[A-Z])区(?P<floor2>[0-9]{1,2})-(?P<stall2>[0-9]{2,6}))号?(?:门面)?"
    r"(?![0-9A-Z号幢栋楼层室单元座期区街弄组户排门米F#-])")
# ... and run together, 'A181' for 'A区181号' (as 'A-181' is).
_STALL_LETTER_RE = re.compile(
    tok.MARKET_WORDS + r"(?P<zone>[A-Z])(?P<stall>[0-9]{2,6})室?(?![0-9A-Z号幢栋楼层室单元座期区街弄组户排门米F#-])")
# A market word alone with its zone ('商业街C区'), named after the road before it.
_MARKET_ZONE_RE = re.compile(tok.MARKET_WORDS + r"(?:[A-Z]|[0-9]{1,2}|[一二三四五六七八九十])区")
# What the text between the market word and the stall must not hold: a street (the number
# is then the street's) or a dormitory / estate (its flats are no stalls).
_STALL_MID_BLOCK_RE = re.compile(r"路|街|巷|大道|弄|宿舍|小区|新村|公寓|花园|家园|苑|村")
# A bare number right after an office building's name is its room (see tok.OFFICE_WORDS),
# also after its tower and floor ('恒隆大厦A座2920', '银泰国际18楼1815', '创业国际14F-1414',
# where the door parser reads the room already): written '…室', the text says office as
# '…2920室' does (tok.WORKPLACE_PATTERN).
_OFFICE_ROOM_RE = re.compile(
    tok.OFFICE_WORDS + r"(?:[A-Z]座|[0-9]{1,2}号楼)?(?:-?[0-9]{1,2}(?:层|楼|F)-?)?"
    # ... also with 号 ('环球金融中心1717号'): no tower of an office building is numbered so high.
    r"(?P<room>[0-9]{3,5})(?P<hao>号)?(?![0-9A-Z号幢栋楼层室房单元座期区街弄组户排门米F#-])"
)
# All token patterns in one alternation (same order): one match call tells which token
# kind, if any, can start at a position.
_DOOR_ANY_RE = re.compile("|".join(f"(?P<{k}>{rx.pattern})" for k, rx in _DOOR_TOKENS))
# Index in _DOOR_ANY_RE of each kind's value group (group 1 of its own pattern).
_DOOR_VALUE_GROUP = {k: _DOOR_ANY_RE.groupindex[k] + 1 for k, _ in _DOOR_TOKENS}
_DOOR_START_RE = re.compile(r"(?<![0-9A-Z])(?:[0-9]+|[A-Z](?=[0-9]*(?:座|幢|栋|#|号楼)|-[0-9]))")
# Also with its name read as a road before it ('台北街社区塔子湖': 台北街 is the road, then
# the residents' committee's area, then the estate 塔子湖).
_LEADING_ADMIN_COMMUNITY_RE = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,8}?)?(?:社区工作委员会|社区居委会|居委会|村委会|社区|村民委员会)(?=..)")
_CLEAN_EDGE = ",-# "
# '小哨村村委会' and '小哨村委会' are 小哨村's; '大村村委会' is 大村村's (a village's own name
# has two characters or more, so the 村 before the committee is not dropped after one).
_VILLAGE_COMMITTEE_RE = re.compile(r"(?:(?<=[\u4e00-\u9fff]{2})村)?(?:村委会|村民委员会|村委)$")
# A natural village or group of a village written after its committee ('卢屋村委会下屋组',
# '平福村委那马坡', '岸兜村委会前社', '银轩村村委会侯圩组'): of the village.
_VILLAGE_PART_RE = re.compile(tok.VILLAGE_PART_PATTERN + "$")
_VILLAGE_COMMITTEE_PART_RE = re.compile(r"(?<=村)(?:(?<=[\u4e00-\u9fff]{2}村)村(?=委))?委会?(?=[\u4e00-\u9fff]{1,3}(?:组|社|坡|屯)$)")


@functools.lru_cache(maxsize=1 << 16)
def _canon_id(x: str | None) -> str | None:
    if not x:
        return None
    x = x.strip("-")
    stripped = x.lstrip("0")
    if stripped == "" and x:
        return "0"
    if stripped and not stripped[0].isdigit() and x[0] == "0":
        return x
    return stripped or None


_VILLAGE_END_CHARS = frozenset("村庄屯厝寮围疃巷弄")


def _parse_door(s: str, start: int, lead: str = "") -> tuple[tuple, int] | None:
    """Read building/unit/room tokens from s[start:]; None if nothing door-like.
    ``lead`` is the character written before ``s`` (a lane's 巷 or 弄).

    Returns ((building, unit, room, floor, group), end).
    """
    b = u = r = f = g = None
    flat_room = False   # the room was written as a flat's ('01室', '1房', '2户')
    pos = start
    n = len(s)
    consumed_any = False
    while pos < n:
        first = _DOOR_ANY_RE.match(s, pos)
        if first is None:
            break
        first_kind = first.lastgroup
        for kind, rx in _DOOR_TOKENS[_DOOR_KIND_INDEX[first_kind]:]:
            if kind == first_kind:
                # The alternation matched this kind here exactly as rx would: reuse it.
                m, value_group, whole_group = first, _DOOR_VALUE_GROUP[kind], kind
            else:
                m = rx.match(s, pos)
                if not m or m.end() == pos:
                    continue
                value_group, whole_group = 1, 0
            val = m.group(value_group)
            if kind == "b":
                if b or u or r:
                    continue
                b = val
            elif kind == "g":
                if g or b:
                    continue
                g = val
            elif kind == "u":
                if u or r:
                    continue
                u = val
            elif kind == "r":
                if r:
                    continue
                r = val
                flat_room = m.group(whole_group).endswith(("室", "房", "户"))
            elif kind == "f":
                if f or r:
                    continue
                f = val.lstrip("-") or None
            elif kind == "d":
                if b is None and u is None and g is None and not f:
                    b = val
                elif u is None and r is None and not f:
                    u = val
                else:
                    continue
            else:  # bare number, optional 号
                if r:
                    continue
                if not (b or u or f or g):
                    if not m.group(whole_group).endswith("号") and not (
                            # '邹家疃村23', '湖滨南路283巷33': a village's or lane's house
                            # written without 号 at the end of the address (neither has
                            # flats for the number to be a room of).
                            pos == start and m.end() == n and len(val) <= 4
                            and (s[start - 1] if start > 0 else lead) in _VILLAGE_END_CHARS):
                        continue
                    b = val    # '金色家园12号': house / building number
                else:
                    r = val
                    # '12楼01': a bare zero-led two-digit door after a floor
                    flat_room = len(val) == 2 and val[0] == "0" and not m.group(whole_group).endswith("号")
            pos = m.end()
            consumed_any = True
            break
        else:
            break
        while pos < n and s[pos] in "-,":
            pos += 1
    if not consumed_any:
        return None
    # '2-501': a dash pair is building-room, not building-unit.
    if u and not r and b:
        text = s[start:pos]
        if "-" in text and "单" not in text and "门" not in text:
            r, u = u, None
    if b is None and u is None and r is None and f is None and g is None:
        return None
    if (flat_room and f and r and r.isdigit() and len(r) <= 2 and f.isdigit()
            and f.lstrip("0") and not s[start:pos].startswith("-")):
        # '12楼01室' / '5层1室': a floor and the flat on it are room 1201 / 501, as written
        # '1201室' ('12楼1201室' already has the floor; a stall '3楼43号' keeps its number).
        r = f.lstrip("0") + r.zfill(2)
    return (b, u, r, f, g), pos


_FLAT_AFTER_RE = re.compile(r"[\u4e00-\u9fff]{2,}[0-9A-Z]+(?:栋|幢|座|号楼|#)")


def _stall_sub(rest: str) -> str:
    """``rest`` with a market stall written as '<number>号商位' (aisle dropped), see _STALL_RE.
    A stall of one or two digits is one only right after its zone ('A区1号'): elsewhere it
    cannot be told from a house number."""
    def zoned(d: re.Match) -> str:
        return d.group(0)[:d.start("zone") - d.start()] + d.group("zone") + "区" + d.group("stall") + "号商位"
    def floor_zoned(d: re.Match) -> str:
        head = d.group(0)[:d.start("floor" if d.group("floor") else "zone2") - d.start()]
        return head + (d.group("zone") or d.group("zone2")) + "区" + (d.group("stall") or d.group("stall2")) + "号商位"
    if _LETTER_RE.search(rest):
        rest = _STALL_FLOOR_ZONE_RE.sub(floor_zoned, rest)
        if "-" in rest:
            rest = _STALL_DASH_RE.sub(zoned, rest)
        rest = _STALL_LETTER_RE.sub(zoned, rest)
    m = _STALL_RE.search(rest)
    if m is None or _STALL_MID_BLOCK_RE.search(m.group("mid")):
        return rest
    if m.group(0).endswith("号") and _FLAT_AFTER_RE.search(rest, m.end()):
        # '商业街381号半岛花园2栋A座1102房': a street named 商业街, its number, then an estate's flat.
        return rest
    start = m.start("aisle") if m.group("aisle") else m.start("stall")
    return rest[:start] + m.group("stall") + "号商位" + rest[m.end():]


# A lettered tower's room run together, '金皇大厦C513', '科兴科学园B2301': tower C, room 513; and
# an office's floor and door, '国贸大厦22F-16': room 2216.
_OFFICE_TOWER_ROOM_RE = re.compile(
    "(?:" + "|".join(f"(?<={w})" for w in tok.OFFICE_WORD_LIST) + r")([A-Z])(?=[0-9]{3,5}(?![0-9]))")
_LETTER_RE = re.compile(r"[A-Z]")
_OFFICE_FLOOR_DOOR_RE = re.compile(r"(?<![0-9])([0-9]{1,2})F-([0-9]{1,2})(?![0-9])")


def _office_room_sub(rest: str) -> str:
    """``rest`` with a bare number after an office building's name written as a room
    ('银泰商务楼708' -> '银泰商务楼708室', '中天广场3011杭州顺鑫贸易有限公司' -> '中天广场3011室…')."""
    if "F-" in rest:
        rest = _OFFICE_FLOOR_DOOR_RE.sub(lambda m: m.group(1) + m.group(2).zfill(2) + "室", rest)
    if _LETTER_RE.search(rest):
        rest = _OFFICE_TOWER_ROOM_RE.sub(r"\1座", rest)
    m = _OFFICE_ROOM_RE.search(rest)
    if m is None:
        return rest
    return rest[:m.end("room")] + "室" + rest[m.end():]


def _find_door(s: str, lead: str = "") -> tuple[tuple, int, int] | None:
    for m in _DOOR_START_RE.finditer(s):
        res = _parse_door(s, m.start(), lead)
        if res is None:
            continue
        slots, end = res
        # A lone bare number (no 幢/单元/室) directly before a name is not a door.
        return slots, m.start(), end
    return None


@functools.lru_cache(maxsize=1 << 16)
def _community_suffix(tail: str) -> bool:
    return _COMMUNITY_RE.search(tail) is not None


@functools.lru_cache(maxsize=1 << 16)
def _clean_community(c: str | None) -> str | None:
    if not c:
        return None
    c = c.strip(_CLEAN_EDGE)
    if "委" in c:
        c = _VILLAGE_COMMITTEE_PART_RE.sub("", c)
    m = _LEADING_ADMIN_COMMUNITY_RE.match(c)
    if m and len(c) - m.end() >= 2 and c[m.end():] not in ("小区", "住宅小区", "住宅区"):
        # ('紫丽社区小区' is 紫丽社区 itself, not an estate '小区' in it)
        rest = c[m.end():]
        c = (_VILLAGE_COMMITTEE_RE.sub("村", m.group(0)) + rest
             if _VILLAGE_PART_RE.fullmatch(rest) and _VILLAGE_COMMITTEE_RE.search(m.group(0)) else rest)
    while c.endswith("小区") and len(c) > 3:
        c = c[:-2]
    c = c.strip(_CLEAN_EDGE)
    if len(c) < 2 or c.isdigit():
        return None
    return _collapse_echo(c)


def _collapse_echo(c: str) -> str:
    """'阳光公寓上海阳光公寓' -> '阳光公寓': an address followed by a place label that repeats
    its estate behind a division name (a check-in's address and its POI run together)."""
    n = len(c)
    for k in range(2, n // 2 + 1):
        head = c[:k]
        if c.endswith(head) and n > k:
            mid = c[k:n - k]
            if not mid or mid in _tables().names:
                return head
    return c


# Memo of _street: the same street part comes with different administrative prefixes
# ('浙江省杭州市...', '杭州...').
_STREET_CACHE: dict[str, tuple] = {}
_STREET_CACHE_MAX = 200_000
_EMPTY_STREET = ("", None, None, None, None, None, None, None, None, False, None, False)


def _street_cached(rest: str) -> tuple:
    hit = _STREET_CACHE.get(rest)
    if hit is None:
        if len(_STREET_CACHE) >= _STREET_CACHE_MAX:
            _STREET_CACHE.clear()
        hit = _STREET_CACHE[rest] = _street(rest)
    return hit


def _street(rest: str) -> tuple:
    """Parse what follows the administrative prefix.

    Returns (main_text, town_text, road, road_no, community, building, unit, room, poi,
    pickup, pickup_kind, workplace_hint).
    """
    if not rest:
        return _EMPTY_STREET
    if "巷" in rest and "村" in rest:
        rest = _LANE_HAMLET_CUN_RE.sub("", _VILLAGE_BEFORE_LANE_RE.sub("", rest))
    firm = _NAME_BEFORE_ROAD_RE.fullmatch(rest)
    if firm:
        rest = firm.group("road") + firm.group("name")
    if "村民" in rest:
        rest = _VILLAGER_GROUP_RE.sub(r"\1组", rest)
    rest = _CN_NUM_RE.sub(_cn_sub, rest)
    if _DIRECTION_HINT_RE.search(rest):
        rest = _LANDMARK_HEAD_RE.sub("", rest, count=1)
    if "号" in rest and firm is None:
        t = _TOWN_TAIL_RE.match(rest)      # (after its town: '利关街道香竹新村（三期）解宏街128号…')
        off = t.end() if t else 0
        e = _ESTATE_THEN_ROAD_RE.match(rest, off)
        if e is None:
            e = _NAME_THEN_ROAD_RE.match(rest, off)
            if e and e.group("name") in _tables().names:
                e = None    # a division's name before the road ('解放春怡东路…'), not an estate
        if e and not _ROAD_RE.search(e.group("name")) and not _PARK_NAME_RE.search(e.group("name")):
            rest = rest[:off] + e.group("road") + e.group("name") + rest[e.end():]
    if "街坊" in rest:
        rest = _JIEFANG_RE.sub(r"\g<n>街坊", rest, count=1)
    rest = local_door_forms(rest)
    if "组" in rest:
        rest = _GROUP_THEN_HAMLET_RE.sub("", _GROUP_BEFORE_NATURAL_RE.sub("", rest))
    if "号院" in rest:
        if "户" in rest:
            rest = _YARD_HOUSE_RE.sub(r"\1号", rest)
        rest = _YARD_HOUSE_END_RE.sub(r"-\1号", rest)
        rest = _NUMBERED_COMPOUND_RE.sub(r"\1院", rest)
        # '中山路390号院19幢…', '胡同23号院3号楼…': the compound is the street number's own
        # (keyed at it); its 院 is not a word after the door.
        rest = _NUMBER_COMPOUND_RE.sub("", rest)
    elif "号" in rest:
        rest = _HOUSE_AFTER_NUMBER_END_RE.sub(r"-\1号", rest)
    if "R" in rest:
        rest = _ROOM_WORD_RE.sub(r"\1室", rest)
    if "第" in rest:
        rest = _ORDINAL_RE.sub("", rest)   # '金色家园第3幢' is '金色家园3幢'
    rest = _office_room_sub(_stall_sub(rest))
    main = rest
    poi = None
    pickup = False
    pickup_kind = None
    pm = _PICKUP_RE.search(rest)
    if pm:
        pickup = True
        pickup_kind = _PICKUP_KIND[pm.group("kw")]
        main, poi = rest[: pm.start()], rest[pm.start():]
        if not main.strip(_CLEAN_EDGE):
            # '菜鸟驿站金色家园店': the pick-up word first, the place after it.
            main = _PICKUP_TAIL_RE.sub("", rest[pm.end():])
            poi = pm.group(0)
        elif pickup_kind == "gatehouse" and _FIRM_RE.search(main.strip(_CLEAN_EDGE)):
            # '宝带东路776号苏州东方电子有限公司门卫室': a firm's own gatehouse is the
            # firm's door (a workplace), not a pick-up point near a home.
            pickup = False
            pickup_kind = None
        else:
            # '瓯北大道903号丰巢快递柜(蓝天华庭东门)', '中山西路35号菜鸟驿站(枫林公寓店)':
            # the estate the locker or station serves is named after it.
            served = _PICKUP_TAIL_RE.sub("", rest[pm.end():].strip(_CLEAN_EDGE))
            g = _GATE_RE.search(served)
            if g and g.start() > 0:
                served = served[: g.start()]
            served = served.strip(_CLEAN_EDGE)
            if (len(served) >= 2 and served not in main and _community_suffix(served[-8:])
                    and _PICKUP_RE.search(served) is None and not any(c.isdigit() for c in served)):
                main = main.rstrip(_CLEAN_EDGE) + served
        if pickup:
            g = _GATE_RE.search(main)
            if g and g.start() > 0:
                poi = main[g.start():] + poi
                main = main[: g.start()]
    main_text = main
    # Judged without the pick-up phrase: '菜鸟驿站(金色家园店)' is no shop of the debtor's.
    # A firm's dormitory or living quarters ('钢管厂生活区18排8号', '钢管厂家属院') is a home.
    workplace = bool(main_text) and _WORK_RE.search(main_text) is not None and _LIVING_QUARTERS_RE.search(main_text) is None
    # Unresolved town at the head: '某某街道文三路'.
    town_text = None
    tm = _TOWN_TAIL_RE.match(main)
    if tm and not _ROAD_RE.fullmatch(tm.group("town")) and not (
            _ROAD_IN_TOWN_RE.search(tm.group("town")) and not tm.group("town").endswith("街道")):
        town_text = tm.group("town")
        main = main[tm.end():]
        # '亭林街道千灯镇南垟村': a sub-district written before the town.
        tm = _TOWN_TAIL_RE.match(main)
        if tm and not _ROAD_RE.fullmatch(tm.group("town")):
            main = main[tm.end():]
    road = road_no = None
    before, after = "", main
    rm = _ROAD_ONLY_NUM_RE.search(main) or _ROAD_RE.match(main)
    if rm:
        road_text = rm.group("road")
        cut = _ROAD_LEFT_CUT_RE.match(road_text)
        lead = ""
        # (A word that opens the road's own name, '镇淮楼东路', '村前路', cuts nothing.)
        if cut and 2 <= cut.end() < len(road_text) - 2:
            lead, road_text = road_text[: cut.end()], road_text[cut.end():]
        if len(road_text) >= 2 and not road_text.isdigit():
            road = road_text
            road_no = _canon_road_no(rm.group("no"))
            before = main[: rm.start()] + lead
            after = main[rm.end():]
    door = _find_door(after, road_no[-1] if road_no and road_no.endswith(_LANES) else "")
    if door is not None:
        slots, ds, de = door
        community_text = after[:ds]
        tail = after[de:]
    else:
        slots = None
        community_text, tail = after, ""
    community_text = community_text.strip(_CLEAN_EDGE)
    before = before.strip(_CLEAN_EDGE)
    if (door is None and road_no and community_text and _JUNK_RE.match(community_text)
            and not _community_suffix(community_text[-8:])):
        # '文三路100号请放门口鞋柜': a delivery note after a street number, not an estate.
        poi = community_text + (poi or "")
        community_text = ""
    if door is not None and road_no and road_no.endswith(_LANES):
        # '长宁路123弄(天山花苑)78号502室': the lane is the premises and 78号 the building
        # in it, however the compound is named; its name is a label, not another premises.
        community_text = before = ""
    if road and not road_no and community_text and (_BARE_SUFFIX_RE.fullmatch(community_text) or (
            _MARKET_ZONE_RE.fullmatch(community_text))):
        # '中国轻纺城东升路市场3楼...': a market or estate named after its road, not an
        # unnamed one on it.
        community_text = before + road + community_text
        road = None
        before = ""
    community = None
    if community_text:
        # '利民路71号杭州正泰纺织品有限公司': the door is the street number; the firm is a note on it.
        firm_at_number = door is None and road_no and (
            _FIRM_RE.search(community_text) or _SHOP_WORD_RE.fullmatch(community_text))
        if firm_at_number:
            pass
        elif door is not None or _community_suffix(community_text[-8:]) or (road_no and len(community_text) <= 12):
            community = _clean_community(community_text)
            if community and road_no and re.fullmatch(r"[0-9]+院", community):
                community = f"{road or ''}{road_no}{community[:-1]}号院"
                road = road_no = None
        if community is None:
            poi = (community_text + (poi or "")) or None
    if community is None and before and _community_suffix(before[-8:]):
        if road_no and _PARK_BEFORE_ROAD_RE.search(before):
            poi = before + (poi or "")
        elif road_no and _FIRM_RE.search(before):
            # '上海东方纺织有限公司(杨高中路577号)': a firm named before its street
            # number; the door is the number, as in '杨高中路577号上海东方纺织有限公司'.
            poi = before + (poi or "")
        else:
            community = _clean_community(before)
    building = unit = room = None
    if slots:
        b, su, sr, sf, sg = slots
        if sg:
            b = f"{_canon_id(sg)}组" if not b else b
            if community:
                # '高台村村委会5组44号': a group of the village, not of its committee's office.
                community = _VILLAGE_COMMITTEE_RE.sub("村", community)
        elif community and b and "委" in community:
            # '卢屋村委会28号': house 28 of the village (the office alone takes parcels for it).
            community = _VILLAGE_COMMITTEE_RE.sub("村", community)
        building = _canon_id(b)
        if building and sg and b.endswith("组"):
            building = b
        unit = _canon_id(su)
        room = _canon_id(sr)
        if room is None and sf and not (_canon_id(sf) == "1" and not community and not building and not unit):
            # '人民路598号1层门面': the ground floor of a street number is its street door.
            room = f"{_canon_id(sf)}F"
    tail = tail.strip(_CLEAN_EDGE)
    if tail:
        poi = tail + (poi or "")
    poi = poi.strip(_CLEAN_EDGE) or None if poi else None
    return (main_text, town_text, road, road_no, community, building, unit, room, poi,
            pickup, pickup_kind, workplace)


_ROAD_NO_SPLIT_RE = re.compile(r"(-|弄|巷|号)")
# A numbered lane off a road: Shanghai's 弄, elsewhere 巷 ('湖滨南路283巷33号').
_LANES = ("弄", "巷")


@functools.lru_cache(maxsize=1 << 16)
def _canon_road_no(no: str | None) -> str | None:
    if not no:
        return None
    no = no.replace("#", "号")
    parts = _ROAD_NO_SPLIT_RE.split(no)
    parts = [(_canon_id(p) if p and p[0].isdigit() else p) for p in parts]
    no = "".join(p for p in parts if p)
    if not no.endswith(("号", "弄", "巷")):
        no += "号"
    return no


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------

def _empty() -> dict:
    d = {k: None for k in FIELDS}
    d["pickup"] = False
    d["workplace_hint"] = False
    d["precision"] = "none"
    return d


_EMPTY_ROW = tuple(_empty().values())


def parse_address(text: str | None) -> dict:
    """Parse one address; never raises (returns precision 'none' on anything unusable)."""
    try:
        return dict(zip(FIELDS, _parse(text)))
    except Exception:  # pragma: no cover - last-resort guard, the parser should not raise
        return _empty()


# Directions from a landmark, typed before the estate or village they lead to ('威海站对面',
# '恐龙园斜对面', '淹城春秋乐园往东200米', '医学院第一附属医院后面', '古塔公园旁'): the landmark is no part of
# the door.  Read before the administrative prefix only when the landmark holds no division
# word ('武侯祠对面…' is no 武侯区), else after it.
_DIRECTION = r"(?:斜对面|正对面|对面|对过|附近|旁边|(?<=[\u4e00-\u9fff]{3})旁|隔壁|后面|后边|[往向][东南西北]走?[0-9]{1,4}米)"
_LANDMARK_HEAD_RE = re.compile(r"^[\u4e00-\u9fffA-Z]{1,12}?" + _DIRECTION + r"(?=[\u4e00-\u9fff]{2}.*[0-9])")
_LANDMARK_HEAD_PLAIN_RE = re.compile(r"^[^省市区县0-9]{2,12}?" + _DIRECTION + r"(?=[\u4e00-\u9fff]{2}.*[0-9])")
_DIRECTION_HINT_RE = re.compile(r"对面|对过|附近|旁|隔壁|后面|后边|[0-9]米")


# A division's name typed with a homophone ('锦洲' for 锦州, '清江蒲区' for 清江浦区, '刑台' for 邢台):
# the pinyin IME's slip.  Read as the division only where the scan stopped at it and no other
# division of the place already read sounds the same; a city so read must end in 市 or be
# followed by one of its districts.
_TYPO_CHARS_RE = re.compile(r"[\u4e00-\u9fff]{2,4}")


@functools.lru_cache(maxsize=1 << 16)
def _toneless(text: str) -> str:
    from pypinyin import lazy_pinyin
    return "".join(lazy_pinyin(text))


@functools.lru_cache(maxsize=1)
def _division_sounds() -> tuple[dict, frozenset]:
    """(level, scope, pinyin) -> names of cities (scope: province, and None for all) and
    districts (scope: (province, city)); and the pinyin of every such name's first two characters."""
    index: dict = {}
    heads = set()
    for text, entries in _tables().names.items():
        if not _TYPO_CHARS_RE.fullmatch(text):
            continue
        for div, _kind in entries:
            if div.level == 1:
                scopes = ((1, div.province), (1, None))
            elif div.level == 2:
                scopes = ((2, (div.province, div.city)),)
            else:
                continue
            sound = _toneless(text)
            heads.add(_toneless(text[:2]))
            for level, scope in scopes:
                index.setdefault((level, scope, sound), set()).add((text, div.city))
    return index, frozenset(heads)


def _homophone_division(s: str, pos: int, prov: str | None, city: str | None) -> str | None:
    """``s`` with a misspelt city or district at ``pos`` written right, or None."""
    if len(s) < pos + 2 or city is not None and _tables().names.get(s[pos:pos + 2]):
        return None
    index, heads = _division_sounds()
    if _toneless(s[pos:pos + 2]) not in heads:
        return None
    level, scope = (1, prov) if city is None else (2, (prov, city))
    names = _tables().names
    for length in (4, 3, 2):
        typed = s[pos:pos + length]
        if len(typed) < length or typed in names or not _TYPO_CHARS_RE.fullmatch(typed):
            continue
        found = index.get((level, scope, _toneless(typed)), ())
        if len({name for name, _ in found}) != 1:
            continue
        name, of_city = next(iter(found))
        if level == 2 and typed[-1] not in "区县市":
            continue
        if level == 1 and typed[-1] != "市" and not any(
                d.level == 2 and d.city == of_city for k in range(2, 6) for d, _ in names.get(s[pos + length:pos + length + k], ())):
            continue
        return s[:pos] + name + s[pos + length:]
    return None


def _parse(text: object) -> tuple:
    """One address as a tuple of the values of FIELDS, in that order."""
    s = normalise_text(text)
    if not s:
        return _EMPTY_ROW
    if _DIRECTION_HINT_RE.search(s) and _LANDMARK_HEAD_PLAIN_RE.match(s) and _scan_admin_cached(s, _tables())[0] <= 3:
        # (A landmark may open with a district's short name, '武侯祠'; a province and a
        # city, '江苏常州天宁…', are the prefix.)
        s = _LANDMARK_HEAD_PLAIN_RE.sub("", s, count=1)
    if any(w in s for w in _ZONE_TRIGGERS):
        s = _ZONE_DISTRICT_RE.sub(lambda m: _ZONE_DISTRICT[m.group(0)], s)
    if _MOVED_COUNTY_HINT_RE.search(s):
        s = _MOVED_COUNTY_RE.sub(_moved_county, s, count=1)
    t = _tables()
    adm = _scan_admin_cached(s, t)
    pos = adm[0]
    if pos == 0:
        # Something precedes the address ('张三浙江省杭州市...'): restart at the first
        # full province / prefecture name near the head.
        m = t.head_re.search(s, 1, 40)
        if m:
            adm2 = _scan_admin_cached(s[m.start():], t)
            if adm2[0]:
                adm, pos = adm2, adm2[0] + m.start()
    if adm[3] is None and pos < len(s):
        fixed = _homophone_division(s, pos, adm[1], adm[2])
        if fixed is not None:
            adm2 = _scan_admin_cached(fixed, t)
            if adm2[0] > pos:
                s, adm, pos = fixed, adm2, adm2[0]
    (_, prov, city, district_name, town, province_code, city_code, district_code, base,
     admin_text, admin_precision) = adm
    if district_name is None and city and s.startswith("区", pos) and s[pos - 1:pos] == "市" \
            and not s.startswith(("区府", "区政"), pos):
        pos += 1      # '临汾市区…': the city proper, no district named
    (_, town_text, road, road_no, community, building, unit, room, poi, pickup, pickup_kind,
     workplace) = _street_cached(s[pos:])
    if town is None:
        town = town_text
    elif (community is None and road is None and (building or room or unit)
          and _PREMISES_DIVISION_RE.search(town) is None):
        # '萧山区萧山商业城3楼6699号': the gazetteer lists some markets, industrial
        # zones and farms as township-level units; with a door after it the unit is the
        # premises, as in '金城路300号萧山商业城3楼6699号'.
        community, town = town, None
        workplace = workplace or _WORK_RE.search(community) is not None

    lane = None
    if road and road_no and road_no.endswith(_LANES) and building and not community:
        # '长宁路123弄45号502室': the lane is the premises (as an estate is), 45号 the
        # building in it ('45号楼', '45-502'); the street number reads '123弄45号'.  A
        # numbered lane off a road elsewhere is a 巷 ('巴陵中路229巷7号').
        lane = road + road_no
        road_no = f"{road_no}{building}号"
    premises = community or lane or (road + road_no if road and road_no else None)
    if premises and room and not room.endswith("F") and not pickup:
        precision = "room"
    elif premises and (building or room) and not pickup:
        precision = "building"
    elif community:
        precision = "community"
    elif road and road_no and not pickup:
        precision = "building"     # a street number is one building / house / shop
    elif road:
        precision = "road"
    elif town:
        precision = "town"
    else:
        precision = admin_precision

    place_key = area_key = None
    if base and premises:
        # A zone written for the district (天府新区) leaves it unknown, not unwritten.
        zoned = district_name is None and _ZONE_CITY_RE.search(s, 0, pos) is not None
        key_premises = _key_premises(community, prov, city, district_name, zoned) if community else premises
        if "村" in key_premises:
            key_premises = _VILLAGE_LANE_RE.sub("", key_premises)
            if key_premises.endswith("村") and _NAMED_PLACE_CUN_RE.fullmatch(key_premises):
                key_premises = key_premises[:-1]    # (a village the gazetteer names, as _key_premises does)
        elif building and building.endswith("组") and _BARE_VILLAGE_RE.fullmatch(key_premises) \
                and not _NAMED_PLACE_CUN_RE.fullmatch(key_premises + "村"):
            # '湖源4组16号' = '湖源村4组16号': a group is an administrative village's, and its
            # 村 is often left out (a village named for a hamlet, '徐庄', keys without it: its
            # check-ins at '徐庄村' and its groups' doors are one area).
            key_premises += "村"
        area_key = f"{base}|{key_premises}"
        is_door = bool(building or room or unit) or (not community and road_no)
        if is_door and not pickup:
            place_key = f"{base}|{key_premises}|{building or ''}|{unit or ''}|{room or ''}"

    parts = [admin_text]
    for x in (town, road, road_no, community):
        if x:
            parts.append(x)
    if building and not lane:
        # A village house is a number (郭姆村57号), not a block of flats.
        village_house = bool(community and (community.endswith("村") or _VILLAGE_HOUSE_NAME_RE.search(community))
                             and not unit and not room)
        parts.append(building if building.endswith("组") else building + ("号" if village_house else "幢"))
    if unit:
        parts.append(unit + "单元")
    if room:
        parts.append(room[:-1] + "层" if room.endswith("F")
                     else "车库" + room[1:] + "号" if _GARAGE_ROOM_RE.fullmatch(room)
                     else room + "号" if building and building.endswith("组") else room + "室")
    if poi:
        parts.append(poi)

    return (prov, city, district_name, town, road, road_no, community, building, unit, room,
            poi, pickup, pickup_kind, workplace, province_code, city_code, district_code,
            precision, "".join(parts) or None, place_key, area_key)


# A county written under the city it left ('安庆市枞阳县'): under the city it is in now.
_MOVED_FROM = {(old, county.rstrip("县") if len(county) > 2 else county): new
               for county, (old, new) in tok.MOVED_COUNTIES.items()}
_MOVED_COUNTY_RE = re.compile("(?P<old>" + "|".join(sorted({re.escape(o) for o, _c in _MOVED_FROM})) + ")市?(?=(?P<county>"
                              + "|".join(sorted({re.escape(c) for _o, c in _MOVED_FROM})) + "))")
_MOVED_COUNTY_HINT_RE = re.compile("|".join(sorted({re.escape(c) for _o, c in _MOVED_FROM})))


def _moved_county(m: re.Match) -> str:
    return _MOVED_FROM.get((m.group("old"), m.group("county")), m.group(0))


# A development zone whose name stands for one district, written for it (tok.ZONE_DISTRICTS);
# not before a road named after it ('金阳北路').
_ZONE_DISTRICT = {form: district for district, forms in tok.ZONE_DISTRICTS.items() for form in forms}
_ZONE_DISTRICT_RE = re.compile(
    "(?:" + "|".join(re.escape(f) for f in sorted(_ZONE_DISTRICT, key=len, reverse=True)) + r")(?![东南西北中]?(?:路|街|大街|大道|道|巷))")
# Cheap test before the regex: '区', or the tail of a form without it ('金阳', '河西').
_ZONE_TRIGGERS = tuple({"区" if "区" in f else f[-2:] for f in _ZONE_DISTRICT})
# A development zone or a colloquial district before an estate's name, '滨湖新区景泰公馆',
# '政务区岸府苑', '高新区城阳雅苑', '滨湖区桃福城' (合肥's 滨湖 is no district), a planning
# area ('螺蛳湾片区福德', as 昆明 writes): half its
# residents leave it out, and the zone is not the estate.
_ZONE_PREFIX_RE = re.compile(
    r"^(?:(?P<zone>[\u4e00-\u9fff]{2,4}?(?:新区|开发区|经开区|高新区|政务区|工业园区|园区|片区)|高新区|经开区|开发区|政务区|新区)"
    r"|(?P<area>(?![东南西北中老新城市郊矿园])[\u4e00-\u9fff]{2}区))(?=[\u4e00-\u9fff]{2})")
_ROAD_WORD_START_RE = re.compile(r"[东南西北中]?(?:路|街|大街|大道|道|巷)")
_PLACEHOLDER_LEVEL_RE = re.compile(r"^[县市区]?直辖(?:行政区划|村级区划|区划)?")
# '康邦城小区F2组团' = '康邦城F2组团': 小区 before a lettered group of blocks is a filler.
_GROUP_FILLER_RE = re.compile(r"小区(?=[A-Z]?[0-9]{1,3}组团$)")
_ZONE_CITY_RE = re.compile("|".join(map(re.escape, tok.ZONE_CITIES)))
# Where a firm's staff live: its dormitory, living quarters or families' compound.
_LIVING_QUARTERS_RE = re.compile(r"宿舍|生活区|家属院|家属区|家属楼")
# A firm's dormitory, '…有限公司员工宿舍' = '…有限公司宿舍'.
_DORM_WORD_RE = re.compile(r"(?:员工|职工|工人)(?=宿舍)")


@functools.lru_cache(maxsize=4096)
def _district_shorts(prov: str | None, city: str) -> tuple[tuple[str, int], ...]:
    """Short names (two characters or more) of the city's districts, longest first, each
    with the least length of an estate's name after it.

    A district the gazetteer gives no short name because it is a common word (南宁's
    江南区, 佛山's 南海区) is still written so ('南宁江南亭洪雅苑'): its name without 区, before
    a name of four or more ('江南花园' and '江南春苑' stay)."""
    t = _tables()
    out: dict[str, int] = {}
    for p, ci, name in t.districts:
        if ci != city or (prov is not None and p != prov):
            continue
        for sh in t.shorts.get(name, ()):
            if len(sh) >= 2:
                out[sh] = 3
        if name not in t.shorts and len(name) == 3 and name.endswith("区"):
            out.setdefault(name[:2], 4)
    return tuple(sorted(out.items(), key=lambda x: len(x[0]), reverse=True))


@functools.lru_cache(maxsize=1 << 16)
def _key_premises(community: str, prov: str | None, city: str | None, district: str | None,
                  zoned: bool = False) -> str:
    """The premises as keyed: without a leading name of its own city or district.

    '宁波市海曙区宁波轻纺城' reads 宁波 a second time as the city ('轻纺城'), while
    '环城西路600号宁波轻纺城' keeps it as part of the name; both key as '轻纺城', as
    '鄞州服装批发市场' in 鄞州区 and '滨江名苑' in 滨江区 key as '服装批发市场' and '名苑'.  A
    name the scan would not have read as a division ('西湖花园': 西湖 before 花园, a street
    or estate word) is kept whole, as the scan keeps it.
    """
    t = _tables()
    names: list[str] = []
    for x in (district, city, prov):
        if x:
            names.append(x)
            names.extend(t.shorts.get(x, ()))
    c = community
    for _ in range(3):
        for name in names:
            if c.startswith(name) and len(c) - len(name) >= 2:
                if name not in (district, city, prov) and _SHORT_BLOCK_RE.match(c, len(name)):
                    continue
                c = c[len(name):]
                break
        else:
            break
    if c.endswith("站宿舍") and c[:-3] in names:
        c = "车站宿舍"      # '蚌埠站宿舍' = '车站宿舍': the city's railway station's housing
    if district is None and city and len(c) >= 5 and not zoned:
        # '苏州吴中湾馨公寓', '南京建邺苑桂': a district's short name run into the estate when the
        # city is written and the district is not (the scan cannot tell it from a name);
        # only before a name of three or more with its estate word ('鼓楼花园' stays).
        for short, least in _district_shorts(prov, city):
            rest = c[len(short):]
            if c.startswith(short) and len(rest) >= least and _community_suffix(rest[-8:]) \
                    and not _BARE_SUFFIX_RE.fullmatch(_PART_TAIL_RE.sub("", rest)) and not _MINE_HEAD_RE.match(rest):
                c = rest
                break
    if "直辖" in c:
        # a gazetteer's placeholder level ('龙港市县直辖行政区划环浦村'), written by some exports
        c = _PLACEHOLDER_LEVEL_RE.sub("", c) or c
    for area in tok.DISTRICT_AREAS.get(district or "", ()):
        rest = c[len(area):]
        if c.startswith(area) and len(rest) >= 2 and not _BARE_SUFFIX_RE.fullmatch(rest) \
                and not _ROAD_WORD_START_RE.match(rest):
            c = rest
            break
    m = _ZONE_PREFIX_RE.match(c)
    if m:
        rest = c[m.end():]
        # A named zone also before a two-character estate ('郑东新区枫桂'); a colloquial
        # 'XX区' only before a name with its estate word ('滨湖区桃福城').
        if (m.group("zone") and len(rest) >= 2 and not _BARE_SUFFIX_RE.fullmatch(rest)) or (
                len(rest) >= 3 and _community_suffix(rest[-8:])):
            c = rest
    if "组团" in c:
        c = _GROUP_FILLER_RE.sub("", c)
    if "宿舍" in c:
        c = _DORM_WORD_RE.sub("", c)
    if district and c[-1] in "社坡" and "村" not in c:
        c = _village_in_full(c, prov, city, district)
    elif (district or city) and len(c) >= 5 and "村" in c:
        # (With no district written, '临汾市区吴村南村村': any town of the city.)
        c = _without_town_stem(c, prov, city, district)
        m = _VILLAGE_AND_NATURAL_RE.fullmatch(c)
        if m:
            c = m.group(2)
            if c.endswith("村") and _NATURAL_WITH_CUN_RE.fullmatch(c):
                c = c[:-1]      # '马杭村陈家塘村' = '马杭村陈家塘': the natural village, 村 or not
    if c.endswith("村") and _NAMED_PLACE_CUN_RE.fullmatch(c):
        # '后塘村48号' = '后塘48号', '前庄村29号' = '前庄29号': a village named for a pond, a
        # head, a hamlet or a bay takes a 村 as its writer pleases, an administrative one
        # ('张庄村') as much as a natural one, so the key is one either way.
        c = c[:-1]
    if "期" in c:
        # '塞上东小区一期' = '塞上东一期', as '塞上东小区' is '塞上东'.
        c = _PHASE_AFTER_XIAOQU_RE.sub("", c)
    return c


_PHASE_AFTER_XIAOQU_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})小区(?=[0-9]+期$)")


# A village written after its town's name without 镇/乡 ('屈原屈原村2组' = 屈原镇屈原村,
# '玫瑰南栾湾村李家庄' = 玫瑰镇南栾湾村李家庄): the village's own name has two or more
# characters, so that a village named after the town ('玫瑰园村') is kept whole.
_VILLAGE_HEAD_RE = re.compile(r"(?!村)[\u4e00-\u9fff]{2,4}村")


# A natural village after its administrative village ('大村村新村', '南栾湾村李家庄') keys as
# the natural village, as it does written after the village's committee ('大村村委会新村') or
# alone ('新村85号'): people write all three.  Groups, 社 and 坡 stay with their village
# (a '5组' alone names nothing).
_VILLAGE_AND_NATURAL_RE = re.compile(r"([\u4e00-\u9fff]{2,4}村)(?:委员会|委会|委)?((?!委)[\u4e00-\u9fff]{1,3}"
                                     + tok.NATURAL_VILLAGE_SUFFIX + ")")
# A natural village's house is shown by its number too ('前庄29号', '后塘48号'); not an estate's
# block ('御景山庄3幢', '滨江湾3幢').
_VILLAGE_HOUSE_NAME_RE = re.compile(r"(?:(?<!山)庄|屋场|埭|坞|岙|院子|畈|厝|寮|塘|头|宅|浜|墩|圩|(?<=[\u4e00-\u9fff])组)$")
_BARE_VILLAGE_RE = re.compile(r"[\u4e00-\u9fff]{2,3}(?<![镇乡区县市道委会])")
_NAMED_PLACE_CUN_RE = re.compile(r"[\u4e00-\u9fff]{1,3}(?<!村)" + tok.NAMED_PLACE_SUFFIX + "村")
_NATURAL_WITH_CUN_RE = re.compile(r"[\u4e00-\u9fff]{1,3}(?!村)" + tok.NATURAL_VILLAGE_SUFFIX + "村")
# A group between a village and its natural village ('长岭村8组彭家屋场24号'): the natural
# village and its number name the door, as '长岭村彭家屋场24号' does.
# ... but a hamlet the parser knows no suffix of, between the group and the house ('岩脚村7组大冲19号',
# '水口村5组岩上寨79号'): the group's house, as '岩脚村7组19号' is.
_GROUP_THEN_HAMLET_RE = re.compile(r"(?<=[0-9]组)[\u4e00-\u9fff]{1,3}(?=[0-9]+号?$)")
_GROUP_BEFORE_NATURAL_RE = re.compile(r"(?:(?<=村)|(?<=村委会)|(?<=村委))[0-9]+组(?=[\u4e00-\u9fff]{1,3}"
                                      + tok.NATURAL_VILLAGE_SUFFIX + "[0-9])")


def _without_town_stem(c: str, prov: str | None, city: str | None, district: str | None) -> str:
    stems = (_town_stems_by_district().get((prov, city, district), ()) if district
             else _town_stems_by_city().get((prov, city), ()))
    for stem in stems:
        if c.startswith(stem) and _VILLAGE_HEAD_RE.match(c, len(stem)):
            return c[len(stem):]
    return c


# A natural village written short: its village's name without 村, and the town's without
# 镇 before it ('晋江磁灶钱坡后社' = 磁灶镇钱坡村后社; '小陆板六坡' = 小陆村板六坡).  Only
# the shapes that cannot be read two ways: a 社 by its position, a 坡 of two characters.
_SHORT_VILLAGE_RE = re.compile(r"([\u4e00-\u9fff]{2})([前后东西南北顶下上中新内外大小]社|[\u4e00-\u9fff]{2}坡)")


@functools.lru_cache(maxsize=1)
def _town_stems_by_district() -> dict[tuple[str, str, str], tuple[str, ...]]:
    out: dict[tuple[str, str, str], set[str]] = {}
    for name, prov, city, dist in divisions().filter(pl.col("level") == 3).select(
            "name", "province", "city", "district").iter_rows():
        m = _TOWN_SUFFIX_RE.search(name)
        if m and m.start() >= 2 and dist:
            out.setdefault((prov, city, dist), set()).add(name[: m.start()])
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def _town_stems_by_city() -> dict[tuple[str, str], tuple[str, ...]]:
    out: dict[tuple[str, str], set[str]] = {}
    for (prov, city, _), stems in _town_stems_by_district().items():
        out.setdefault((prov, city), set()).update(stems)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _village_in_full(c: str, prov: str | None, city: str | None, district: str) -> str:
    rest = c
    for stem in _town_stems_by_district().get((prov, city, district), ()):
        if c.startswith(stem) and len(c) - len(stem) >= 4:
            rest = c[len(stem):]
            break
    m = _SHORT_VILLAGE_RE.fullmatch(rest)
    return m.group(1) + "村" + m.group(2) if m else c


_SCHEMA = {k: (pl.Boolean if k in BOOL_FIELDS else pl.Utf8) for k in FIELDS}


def _parse_many(texts: list[str]) -> list[tuple]:
    rows = []
    append = rows.append
    for text in texts:
        try:
            append(_parse(text))
        except Exception:  # pragma: no cover - as in parse_address
            append(_EMPTY_ROW)
    return rows


def start_parsers() -> None:
    """Start the parsing helpers (``parse_workers``) in the background, tables loaded, so
    that a night's first large batch of addresses does not wait for them."""
    parse_workers.prestart(warm=_tables)


def parse_addresses(values: pl.Series) -> pl.DataFrame:
    """Parse a Series of addresses; one row per input row, in order.

    Columns: ``raw`` plus every key of :func:`parse_address`.  Each distinct non-null
    string is parsed once.
    """
    if not isinstance(values, pl.Series):
        values = pl.Series("raw", list(values))
    if values.dtype != pl.Utf8:
        try:
            values = values.cast(pl.Utf8, strict=False)
        except Exception:
            values = pl.Series("raw", [None if v is None else str(v) for v in values.to_list()], dtype=pl.Utf8)
    values = values.rename("raw")
    distinct = values.drop_nulls().unique(maintain_order=True)
    _tables()
    # The parse allocates many small acyclic objects; cyclic GC passes over the large
    # gazetteer tables would only cost time, so pause it for the loop.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        rows = parse_workers.map_chunks(_parse_many, distinct.to_list(), warm=_tables)
        # Column-wise construction: cheaper than a row-oriented DataFrame.
        columns = [list(c) for c in zip(*rows)] if rows else [[]] * len(FIELDS)
        del rows
    finally:
        if gc_was_enabled:
            gc.enable()
    parsed = pl.DataFrame([distinct, *(pl.Series(k, col, dtype=dt) for (k, dt), col in zip(_SCHEMA.items(), columns))])
    if parsed.height == values.len():
        return parsed      # no nulls, no duplicates: already one row per input row, in order
    frame = values.to_frame().with_row_index("__row")
    joined = frame.join(parsed, on="raw", how="left").sort("__row").drop("__row")
    return joined.with_columns(
        pl.col("pickup").fill_null(False),
        pl.col("workplace_hint").fill_null(False),
        pl.col("precision").fill_null("none"),
    )
