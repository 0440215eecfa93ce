"""Chinese address normaliser: free text -> structured parts, canonical string, keys.

``parse_address`` handles one string; ``parse_addresses`` a polars Series (each distinct
string parsed once).  Lookup tables come from :func:`linkage.gazetteer.divisions` and are
built once per process.

Keys
----
``place_key``  ``"<admin code>|<premises>|<building>|<unit>|<room>"``: one door (flat, house,
               shop).  premises is the community/estate name when there is one, else
               ``road + road_no``.  Null when there is no premises, no admin code, only a
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
import operator
import re
import unicodedata
from dataclasses import dataclass

import polars as pl

from linkage import address_tokens as tok
from linkage.gazetteer import divisions

MAX_CHARS = 300
ZHEJIANG = "浙江省"

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
        return {ord(a): b for a, b in zip(chars, out) if a != b and len(b) == 1}
    except Exception:  # pragma: no cover - opencc missing or broken: keep text as is
        return {}


_PUNCT_MAP = {
    ord("—"): "-", ord("–"): "-", ord("－"): "-", ord("~"): "-", ord("_"): "-", ord("〜"): "-",
    ord("－"): "-", ord("‐"): "-", ord("―"): "-", ord("、"): ",", ord("。"): ",", ord(";"): ",",
    ord("；"): ",", ord("|"): ",", ord("/"): ",", ord("\\"): ",", ord("【"): "(", ord("】"): ")",
    ord("["): "(", ord("]"): ")", ord("{"): "(", ord("}"): ")", ord("<"): "(", ord(">"): ")",
    ord("《"): "", ord("》"): "", ord("〔"): "(", ord("〕"): ")", ord("〇"): "零",
    ord("號"): "号", ord("棟"): "栋", ord("單"): "单",
}

_FORMULA_RE = re.compile(r'^=\s*[A-Za-z_.]+\s*\((.*)\)\s*$', re.S)
_QUOTED_RE = re.compile(r'"([^"]*)"')
_WS_DIGITS_RE = re.compile(r"(?<=[0-9])\s+(?=[0-9])")
_DROP_RE = re.compile(r"[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff\-#(),]+")
_PHONE_RE = re.compile(r"(?<![0-9])(?:\+?86-?)?1[3-9][0-9](?:-?[0-9*]{4}){2}(?![0-9])|"
                       r"(?<![0-9-])0[1-9][0-9]{1,2}-?[0-9]{7,8}(?![0-9])")
_BRACKET_RE = re.compile(r"\(([^()]*)\)|\(([^()]*)$")
_JUNK_RE = re.compile(tok.JUNK_PATTERN)
_CLEAN_FAST_RE = re.compile(r"[0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff\-#]+")
_COUNTRY_RE = re.compile(r"^(?:中华人民共和国|中国大陆|中国)(?!人|银行|移动|电信|联通|石化|石油|邮政)")


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
    if _CLEAN_FAST_RE.fullmatch(text):
        # Common case: already half-width CJK/ASCII without brackets or separators.
        text = text.translate(_t2s_table())
        if len(text) >= 11 and _PHONE_RE.search(text):
            text = _PHONE_RE.sub("", text)
        return _COUNTRY_RE.sub("", text).strip("-#")[:MAX_CHARS].upper()
    text = unicodedata.normalize("NFKC", text)
    text = _strip_formula(text.strip())
    text = text.translate(_t2s_table()).translate(_PUNCT_MAP)
    text = _WS_DIGITS_RE.sub("-", text)
    text = _PHONE_RE.sub(",", text)
    text = _DROP_RE.sub("", text)
    # Bracketed notes: drop instructions, keep names such as '(东区)'.
    for _ in range(3):
        new = _BRACKET_RE.sub(_bracket_sub, text)
        if new == text:
            break
        text = new
    text = text.replace("(", "").replace(")", "")
    # Trailing comma-separated notes: '..., 放门口'
    if "," in text:
        parts = [p for p in text.split(",") if p]
        if parts:
            keep = [parts[0]] + [p for p in parts[1:] if not _JUNK_RE.search(p)]
            text = "".join(keep)
        else:
            text = ""
    text = _COUNTRY_RE.sub("", text).strip("-#")
    return text[:MAX_CHARS].upper()


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


@functools.lru_cache(maxsize=1)
def _tables() -> _Tables:
    df = divisions().filter(pl.col("level") <= 3)
    names: dict[str, list[tuple[Division, int]]] = {}
    provinces: dict[str, Division] = {}
    cities: dict[tuple[str, str], Division] = {}
    districts: dict[tuple[str, str, str], Division] = {}
    city_count: dict[str, int] = {}
    town_variants: list[tuple[str, str, Division]] = []
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
    trie: dict = {}
    for k, entries in names.items():
        node = trie
        for ch in k:
            node = node.setdefault(ch, {})
        node[""] = entries
    heads = sorted({*provinces, *(c for (_, c) in cities)} - {"香港", "澳门"}, key=len, reverse=True)
    head_re = re.compile("|".join(re.escape(h) for h in heads if len(h) >= 3))
    return _Tables(names, trie, provinces, cities, districts, only_city, head_re)


# After a short name (no 省/市/区/县 suffix) these mean the short is part of a street or
# estate name ('中山北路', '西湖花园'), not a division.
_SHORT_BLOCK_RE = re.compile(
    r"[东西南北中]?(?:路|街(?!道)|大道|巷|弄|胡同|村|庄|园|苑|府|湾|花园|小区|公寓|新村|大厦|广场|"
    r"家园|山庄|城|楼|镇|乡|里|桥|站|港|机场|大学|学院|中学|小学|医院|公司|厂|店|宾馆|酒店|宿舍|市场|"
    r"商城|饭店|集团|银行|分行|支行|水库|景区|公园|[0-9])"
)
_ADMIN_SUFFIX = "省市区县"
_SEP = ",-# "


_SCAN_CACHE: dict[str, tuple[dict, int]] = {}
_SCAN_CACHE_MAX = 200_000
_FIRST_DIGIT_RE = re.compile(r"[0-9]")


def _scan_admin_cached(s: str, t: _Tables) -> tuple[dict, int]:
    """``_scan_admin`` memoised on the text up to and including the first digit.

    Division names contain no digits, and the scan never looks past the first digit
    (the short-name guard reads at most a few characters ahead and stops at a digit),
    so the result only depends on that prefix.  Callers must not mutate the result.
    """
    m = _FIRST_DIGIT_RE.search(s)
    key = s[: m.end()] if m else s
    hit = _SCAN_CACHE.get(key)
    if hit is None:
        if len(_SCAN_CACHE) >= _SCAN_CACHE_MAX:
            _SCAN_CACHE.clear()
        hit = _scan_admin(key, t)
        _SCAN_CACHE[key] = hit
    return hit


def _scan_admin(s: str, t: _Tables) -> tuple[dict, int]:
    """Consume administrative names at the start of ``s``; return context and position."""
    ctx = {"province": None, "city": None, "districts": [], "dnames": (), "towns": [], "level": -1}
    pos = 0
    n = len(s)
    trie = t.trie
    while pos < n:
        while pos < n and s[pos] in _SEP:
            pos += 1
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
                        blocked = _SHORT_BLOCK_RE.match(s, end) is not None \
                            and not _name_starts_at(s, end, trie)
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
                break
        if not chosen:
            break
        if not any_full and pos < n and s[pos] in _ADMIN_SUFFIX:
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
    return ctx, pos


def _name_starts_at(s: str, pos: int, trie: dict) -> bool:
    node = trie
    for j in range(pos, len(s)):
        node = node.get(s[j])
        if node is None:
            return False
        if "" in node:
            return True
    return False


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

_CN_DIGIT = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}
_CN_NUM_RE = re.compile(
    r"[零一二两三四五六七八九十百]+(?=号楼|幢|栋|号|单元|室|楼|层|期|组|座|弄|户|排|区|#|-|$)"
)


def _cn_to_int(s: str) -> str:
    if "十" not in s and "百" not in s:
        return "".join(str(_CN_DIGIT.get(c, "")) for c in s)
    total, cur = 0, 0
    for c in s:
        if c in _CN_DIGIT:
            cur = _CN_DIGIT[c]
        elif c == "十":
            total += (cur or 1) * 10
            cur = 0
        elif c == "百":
            total += (cur or 1) * 100
            cur = 0
    return str(total + cur)


def _cn_sub(m: re.Match) -> str:
    s = m.group(0)
    if len(s) == 1 and s in "两" :
        return s
    return _cn_to_int(s)


_PICKUP_RE = re.compile("|".join(re.escape(k) for k, _ in tok.PICKUP_KEYWORDS))
_PICKUP_KIND = dict(tok.PICKUP_KEYWORDS)
_PICKUP_TAIL_RE = re.compile(r"(?:分店|店|点|站|服务站|代收点)$")
_GATE_RE = re.compile(tok.GATE_SUFFIX_PATTERN)
_WORK_RE = re.compile(tok.WORKPLACE_PATTERN)
_COMMUNITY_RE = re.compile(tok.COMMUNITY_SUFFIX_PATTERN)
_FIRM_RE = re.compile(tok.FIRM_SUFFIX_PATTERN)

_ROAD_RE = re.compile(
    r"(?P<road>[\u4e00-\u9fff0-9]{1,10}?(?:大道|大街|路|街(?![道区])|巷|胡同))(?P<no>)"
)
_ROAD_ONLY_NUM_RE = re.compile(
    r"(?P<road>[\u4e00-\u9fff0-9]{1,10}?(?:大道|大街|路|街(?!道)|巷|胡同|(?<!街)道|(?<![0-9])弄)"
    r"(?:[一二三四五六七八九十0-9]{1,3}段)?)"
    r"(?P<no>[0-9]+(?:-[0-9]+)?(?:号|弄(?:[0-9]+(?:-[0-9]+)?号)?|#|"
    r"(?=[\u4e00-\u9fff])(?!号楼|幢|栋|单元|楼|层|室|座|组|期|区|栋|户|门|米)))"
)
_ROAD_LEFT_CUT_RE = re.compile(r".*(?:街道|镇|乡|开发区|工业区|园区|新区|社区|村|小区|家园|花园|苑|号|[0-9])")
_TOWN_TAIL_RE = re.compile(r"^(?P<town>[\u4e00-\u9fff]{2,8}?(?:街道|(?<!小)镇|乡))(?=.)")

_ID = r"[0-9]+[A-Z]?|[A-Z][0-9]*"
_DOOR_TOKENS = (
    ("b", re.compile(rf"({_ID})(?:号楼|号幢|号栋|幢|栋|座|#楼?|号(?=[0-9]))-?")),
    ("g", re.compile(r"([0-9]+)(?:组|队|排)-?")),
    ("u", re.compile(r"([0-9]+)(?:单元|单(?=[0-9])|门(?=[0-9]))-?")),
    ("r", re.compile(r"([A-Z]?[0-9]+[A-Z]?)(?:室|房|号房|户)")),
    ("f", re.compile(r"(-?[0-9]+)(?:楼|层|F)(?![0-9]*(?:号楼|幢|栋))-?")),
    ("d", re.compile(r"([0-9]+[A-Z]?)-(?=[0-9A-Z])")),
    ("n", re.compile(r"([A-Z]?[0-9]+[A-Z]?)(?:号)?(?![0-9A-Z])")),
)
_DOOR_KIND_INDEX = {k: i for i, (k, _) in enumerate(_DOOR_TOKENS)}
# All token patterns in one alternation (same order): one match call tells which token
# kind, if any, can start at a position.
_DOOR_ANY_RE = re.compile("|".join(f"(?P<{k}>{rx.pattern})" for k, rx in _DOOR_TOKENS))
_DOOR_START_RE = re.compile(r"(?<![0-9A-Z])(?:[0-9]+|[A-Z](?=[0-9]*(?:座|幢|栋|#|号楼)))")
_LEADING_ADMIN_COMMUNITY_RE = re.compile(r"^[\u4e00-\u9fff]{2,8}?(?:社区居委会|居委会|村委会|社区|村民委员会)(?=..)")
_CLEAN_EDGE = ",-# "


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


def _parse_door(s: str, start: int) -> tuple[dict, int] | None:
    """Read building/unit/room tokens from s[start:]; None if nothing door-like."""
    slots: dict[str, str | None] = {"b": None, "u": None, "r": None, "f": None, "g": None}
    pos = start
    n = len(s)
    consumed_any = False
    while pos < n:
        first = _DOOR_ANY_RE.match(s, pos)
        if first is None:
            break
        for kind, rx in _DOOR_TOKENS[_DOOR_KIND_INDEX[first.lastgroup]:]:
            m = rx.match(s, pos)
            if not m or m.end() == pos:
                continue
            val = m.group(1)
            if kind == "b":
                if slots["b"] or slots["u"] or slots["r"]:
                    continue
                slots["b"] = val
            elif kind == "g":
                if slots["g"] or slots["b"]:
                    continue
                slots["g"] = val
            elif kind == "u":
                if slots["u"] or slots["r"]:
                    continue
                slots["u"] = val
            elif kind == "r":
                if slots["r"]:
                    continue
                slots["r"] = val
            elif kind == "f":
                if slots["f"] or slots["r"]:
                    continue
                slots["f"] = val.lstrip("-") or None
            elif kind == "d":
                if slots["b"] is None and slots["u"] is None and slots["g"] is None and not slots["f"]:
                    slots["b"] = val
                elif slots["u"] is None and slots["r"] is None and not slots["f"]:
                    slots["u"] = val
                else:
                    continue
            else:  # bare number, optional 号
                if slots["r"]:
                    continue
                if not (slots["b"] or slots["u"] or slots["f"] or slots["g"]):
                    if not m.group(0).endswith("号"):
                        continue
                    slots["b"] = val    # '金色家园12号': house / building number
                else:
                    slots["r"] = val
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
    if slots["u"] and not slots["r"] and slots["b"] and s[start:pos].count("-") >= 1 \
            and not re.search(r"单元|单|门", s[start:pos]):
        slots["r"], slots["u"] = slots["u"], None
    if slots["b"] is None and slots["u"] is None and slots["r"] is None and slots["f"] is None \
            and slots["g"] is None:
        return None
    return slots, pos


def _find_door(s: str) -> tuple[dict, int, int] | None:
    for m in _DOOR_START_RE.finditer(s):
        res = _parse_door(s, m.start())
        if res is None:
            continue
        slots, end = res
        # A lone bare number (no 幢/单元/室) directly before a name is not a door.
        return slots, m.start(), end
    return None


def _clean_community(c: str | None) -> str | None:
    if not c:
        return None
    c = c.strip(_CLEAN_EDGE)
    m = _LEADING_ADMIN_COMMUNITY_RE.match(c)
    if m and len(c) - m.end() >= 2:
        c = c[m.end():]
    while c.endswith("小区") and len(c) > 3:
        c = c[:-2]
    c = c.strip(_CLEAN_EDGE)
    if len(c) < 2 or c.isdigit():
        return None
    return c


def _street(rest: str) -> dict:
    """Parse what follows the administrative prefix."""
    out: dict = {"main_text": "", "town_text": None, "road": None, "road_no": None, "community": None,
                 "building": None, "unit": None, "room": None, "poi": None,
                 "pickup": False, "pickup_kind": None}
    if not rest:
        return out
    rest = _CN_NUM_RE.sub(_cn_sub, rest)
    main = rest
    poi = None
    pm = _PICKUP_RE.search(rest)
    if pm:
        out["pickup"] = True
        out["pickup_kind"] = _PICKUP_KIND[pm.group(0)]
        main, poi = rest[: pm.start()], rest[pm.start():]
        if not main.strip(_CLEAN_EDGE):
            # '菜鸟驿站金色家园店': the pick-up word first, the place after it.
            main = _PICKUP_TAIL_RE.sub("", rest[pm.end():])
            poi = pm.group(0)
        g = _GATE_RE.search(main)
        if g and g.start() > 0:
            poi = main[g.start():] + poi
            main = main[: g.start()]
    out["main_text"] = main
    # Unresolved town at the head: '某某街道文三路'.
    tm = _TOWN_TAIL_RE.match(main)
    if tm and not _ROAD_RE.fullmatch(tm.group("town")):
        out["town_text"] = tm.group("town")
        main = main[tm.end():]
    before, after = "", main
    rm = _ROAD_ONLY_NUM_RE.search(main) or _ROAD_RE.match(main)
    if rm:
        road = rm.group("road")
        cut = _ROAD_LEFT_CUT_RE.match(road)
        lead = ""
        if cut and cut.end() < len(road) - 2:
            lead, road = road[: cut.end()], road[cut.end():]
        if len(road) >= 2 and not road.isdigit():
            out["road"] = road
            out["road_no"] = _canon_road_no(rm.group("no"))
            before = main[: rm.start()] + lead
            after = main[rm.end():]
        else:
            rm = None
    door = _find_door(after)
    if door is not None:
        slots, ds, de = door
        community_text = after[:ds]
        tail = after[de:]
    else:
        slots = None
        community_text, tail = after, ""
    community_text = community_text.strip(_CLEAN_EDGE)
    before = before.strip(_CLEAN_EDGE)
    community = None
    if community_text:
        # '利民路71号杭州正泰纺织品有限公司': the door is the street number; the firm is a note on it.
        firm_at_number = door is None and out["road_no"] and _FIRM_RE.search(community_text)
        if firm_at_number:
            pass
        elif door is not None or _COMMUNITY_RE.search(community_text[-8:]) or (out["road_no"] and len(community_text) <= 12):
            community = _clean_community(community_text)
        if community is None:
            poi = (community_text + (poi or "")) or None
    if community is None and before and _COMMUNITY_RE.search(before[-8:]):
        community = _clean_community(before)
    out["community"] = community
    if slots:
        b = slots["b"]
        if slots["g"]:
            b = f"{_canon_id(slots['g'])}组" if not b else b
        out["building"] = _canon_id(b)
        if out["building"] and slots["g"] and b.endswith("组"):
            out["building"] = b
        out["unit"] = _canon_id(slots["u"])
        room = _canon_id(slots["r"])
        if room is None and slots["f"]:
            room = f"{_canon_id(slots['f'])}F"
        out["room"] = room
    tail = tail.strip(_CLEAN_EDGE)
    if tail:
        poi = tail + (poi or "")
    out["poi"] = poi.strip(_CLEAN_EDGE) or None if poi else None
    return out


def _canon_road_no(no: str | None) -> str | None:
    if not no:
        return None
    no = no.replace("#", "号")
    parts = re.split(r"(-|弄|号)", no)
    parts = [(_canon_id(p) if p and p[0].isdigit() else p) for p in parts]
    no = "".join(p for p in parts if p)
    if not no.endswith(("号", "弄")):
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


def parse_address(text: str | None) -> dict:
    """Parse one address; never raises (returns precision 'none' on anything unusable)."""
    try:
        return _parse(text)
    except Exception:  # pragma: no cover - last-resort guard, the parser should not raise
        return _empty()


def _parse(text: object) -> dict:
    s = normalise_text(text)
    if not s:
        return _empty()
    t = _tables()
    ctx, pos = _scan_admin_cached(s, t)
    if pos == 0:
        # Something precedes the address ('张三浙江省杭州市...'): restart at the first
        # full province / prefecture name near the head.
        m = t.head_re.search(s, 1, 40)
        if m:
            ctx2, pos2 = _scan_admin_cached(s[m.start():], t)
            if pos2:
                ctx, pos = ctx2, pos2 + m.start()
    st = _street(s[pos:])

    prov = ctx["province"]
    city = ctx["city"]
    dists = ctx["districts"]
    district = dists[0] if len(dists) == 1 else None
    if district is not None:
        district_name = district.name
    elif dists and len({d.name for d in dists}) == 1:
        district_name = dists[0].name
    else:
        district_name = None
    towns = ctx["towns"]
    town = towns[0].name if towns and len({x.name for x in towns}) == 1 else st["town_text"]
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

    road, road_no, community = st["road"], st["road_no"], st["community"]
    building, unit, room = st["building"], st["unit"], st["room"]
    pickup = st["pickup"]
    main_text = st["main_text"]
    # Judged without the pick-up phrase: '菜鸟驿站(金色家园店)' is no shop of the debtor's.
    workplace = bool(main_text) and _WORK_RE.search(main_text) is not None

    premises = community or (road + road_no if road and road_no else None)
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
    elif district_name:
        precision = "district"
    elif city:
        precision = "city"
    elif prov:
        precision = "province"
    else:
        precision = "none"

    base = district_code
    if base is None and prov and city and not dists:
        base = city_code
    place_key = area_key = None
    if base and premises:
        area_key = f"{base}|{premises}"
        is_door = bool(building or room or unit) or (not community and road_no)
        if is_door and not pickup:
            place_key = f"{base}|{premises}|{building or ''}|{unit or ''}|{room or ''}"

    parts = [prov] if prov else []
    if city and city != prov:
        parts.append(city)
    for x in (district_name, town, road, road_no, community):
        if x:
            parts.append(x)
    if building:
        # A village house is a number (郭姆村57号), not a block of flats.
        village_house = bool(community and community.endswith("村") and not unit and not room)
        parts.append(building if building.endswith("组") else building + ("号" if village_house else "幢"))
    if unit:
        parts.append(unit + "单元")
    if room:
        parts.append(room[:-1] + "层" if room.endswith("F")
                     else room + "号" if building and building.endswith("组") else room + "室")
    if st["poi"]:
        parts.append(st["poi"])

    return {
        "province": prov, "city": city, "district": district_name, "town": town,
        "road": road, "road_no": road_no, "community": community, "building": building,
        "unit": unit, "room": room, "poi": st["poi"], "pickup": pickup,
        "pickup_kind": st["pickup_kind"], "workplace_hint": workplace,
        "province_code": province_code, "city_code": city_code, "district_code": district_code,
        "precision": precision, "address": "".join(parts) or None, "place_key": place_key,
        "area_key": area_key,
    }


_SCHEMA = {k: (pl.Boolean if k in BOOL_FIELDS else pl.Utf8) for k in FIELDS}


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
    distinct = values.drop_nulls().unique(maintain_order=True).to_list()
    _tables()
    getter = operator.itemgetter(*FIELDS)
    # The parse allocates many small acyclic objects; cyclic GC passes over the large
    # gazetteer tables would only cost time, so pause it for the loop.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        rows = [(v, *getter(parse_address(v))) for v in distinct]
    finally:
        if gc_was_enabled:
            gc.enable()
    parsed = pl.DataFrame(rows, schema={"raw": pl.Utf8, **_SCHEMA}, orient="row")
    frame = values.to_frame().with_row_index("__row")
    joined = frame.join(parsed, on="raw", how="left").sort("__row").drop("__row")
    return joined.with_columns(
        pl.col("pickup").fill_null(False),
        pl.col("workplace_hint").fill_null(False),
        pl.col("precision").fill_null("none"),
    )
