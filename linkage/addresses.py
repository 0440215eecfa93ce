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
code (so such keys never merge with district-level keys: a split, never a wrong merge).
"""
from __future__ import annotations

import functools
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
    names: dict[str, list[tuple[Division, bool]]]   # text -> [(division, is_full_name)]
    maxlen: int
    provinces: dict[str, Division]
    cities: dict[tuple[str, str], Division]
    districts: dict[tuple[str, str, str], Division]
    only_city: dict[str, Division]                  # municipality province -> its city
    direct_cities: frozenset[str]                   # cities whose towns hang off the city


@functools.lru_cache(maxsize=1)
def _tables() -> _Tables:
    df = divisions().filter(pl.col("level") <= 3)
    names: dict[str, list[tuple[Division, bool]]] = {}
    provinces: dict[str, Division] = {}
    cities: dict[tuple[str, str], Division] = {}
    districts: dict[tuple[str, str, str], Division] = {}
    city_count: dict[str, int] = {}
    town_variants: list[tuple[str, str, Division]] = []
    variants: dict[str, list[tuple[Division, int]]] = {}
    cities_with_districts: set[str] = set()

    def add(key: str | None, div: Division, full: bool) -> None:
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
            if code:
                cities_with_districts.add(f"{prov}|{city}")
        if level == 3:
            if len(name) < 3:
                continue
            div = Division(3, name, None, prov, city, dist if dist and "直辖" not in dist else None)
            add(name, div, True)
            m = _TOWN_SUFFIX_RE.search(name)
            if m and m.start() >= 2:
                town_variants.append((name[: m.start()], m.group(0), div))
            continue
        add(name, div, True)
        if short and short != name and short not in tok.GENERIC_SHORTS:
            add(short, div, False)
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
            if other != suffix and alias not in names:
                variants.setdefault(alias, []).append((div, VARIANT))
    for alias, entries in variants.items():
        names.setdefault(alias, []).extend(entries)
    # Old district names.
    for old, (prov, city, new) in tok.DISTRICT_ALIASES.items():
        target = districts.get((prov, city, new))
        if target is not None and old not in names:
            names[old] = [(target, True)]
    direct = frozenset(
        f"{prov}|{cname}" for (prov, cname) in cities if f"{prov}|{cname}" not in cities_with_districts
    )
    maxlen = max(len(k) for k in names)
    return _Tables(names, min(maxlen, 16), provinces, cities, districts, only_city, direct)


# After a short name (no 省/市/区/县 suffix) these mean the short is part of a street or
# estate name ('中山北路', '西湖花园'), not a division.
_SHORT_BLOCK_RE = re.compile(
    r"[东西南北中]?(?:路|街(?!道)|大道|巷|弄|胡同|村|庄|园|苑|府|湾|花园|小区|公寓|新村|大厦|广场|"
    r"家园|山庄|城|楼|镇|乡|里|桥|站|港|机场|大学|学院|中学|小学|医院|公司|厂|店|宾馆|酒店|宿舍|市场|"
    r"商城|饭店|集团|银行|分行|支行|水库|景区|公园|[0-9])"
)
_ADMIN_SUFFIX = "省市区县"
_SEP = ",-# "


def _consistent(div: Division, ctx: dict) -> bool:
    if ctx["province"] is not None and div.province != ctx["province"]:
        return False
    if div.level >= 2 and ctx["city"] is not None and div.city != ctx["city"]:
        return False
    if div.level >= 3 and ctx["districts"]:
        return div.district in ctx["districts"]
    return True


def _scan_admin(s: str, t: _Tables) -> tuple[dict, int]:
    """Consume administrative names at the start of ``s``; return context and position."""
    ctx = {"province": None, "city": None, "districts": [], "towns": [], "level": -1}
    pos = 0
    n = len(s)
    names = t.names
    while pos < n:
        while pos < n and s[pos] in _SEP:
            pos += 1
        best = None
        for length in range(min(t.maxlen, n - pos), 1, -1):
            entries = names.get(s[pos:pos + length])
            if not entries:
                continue
            rest = s[pos + length:]
            cands = []
            for div, full in entries:
                if div.level <= ctx["level"] and not _repeats(div, ctx):
                    continue
                if not _consistent(div, ctx):
                    continue
                if full == SHORT and _SHORT_BLOCK_RE.match(rest):
                    continue
                if full == VARIANT and not (ctx["districts"] or ctx["city"]):
                    continue
                cands.append((div, full))
            if cands:
                best = (length, cands)
                break
        if best is None:
            break
        length, cands = best
        pos += length
        top = min(d.level for d, _ in cands)
        chosen = [d for d, _ in cands if d.level == top]
        if all(full == SHORT for _, full in cands) and pos < n and s[pos] in _ADMIN_SUFFIX:
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
        else:
            ctx["towns"] = chosen
            ctx["level"] = 3
            if not ctx["districts"] or len(ctx["districts"]) > 1:
                _narrow_by_towns(ctx, t)
    return ctx, pos


def _repeats(div: Division, ctx: dict) -> bool:
    if div.level == 0:
        return ctx["province"] == div.name
    if div.level == 1:
        return ctx["city"] == div.name
    if div.level == 2:
        return any(d.name == div.name for d in ctx["districts"])
    return False


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
        towns = [x for x in towns if x.district in {d.name for d in ctx["districts"]}]
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
_GATE_RE = re.compile(tok.GATE_SUFFIX_PATTERN)
_WORK_RE = re.compile(tok.WORKPLACE_PATTERN)
_COMMUNITY_RE = re.compile(tok.COMMUNITY_SUFFIX_PATTERN)

_ROAD_RE = re.compile(
    r"(?P<road>[\u4e00-\u9fff0-9]{1,10}?(?:大道|大街|路|街(?![道区])|巷|胡同))(?P<no>)"
)
_ROAD_ONLY_NUM_RE = re.compile(
    r"(?P<road>[\u4e00-\u9fff0-9]{1,10}?(?:大道|大街|路|街(?!道)|巷|胡同|(?<!街)道|(?<![0-9])弄))"
    r"(?P<no>[0-9]+(?:-[0-9]+)?(?:号|弄(?:[0-9]+(?:-[0-9]+)?号)?|#))"
)
_ROAD_LEFT_CUT_RE = re.compile(r".*(?:街道|镇|乡|开发区|工业区|园区|新区|社区|村|小区|家园|花园|苑|号|[0-9])")
_TOWN_TAIL_RE = re.compile(r"^(?P<town>[\u4e00-\u9fff]{2,8}?(?:街道|(?<!小)镇|乡))(?=.)")

_ID = r"[0-9]+[A-Z]?|[A-Z][0-9]*"
_DOOR_TOKENS = (
    ("b", re.compile(rf"({_ID})(?:号楼|号幢|号栋|幢|栋|座|#楼?|号(?=[0-9]))-?")),
    ("g", re.compile(r"([0-9]+)(?:组|队|排)-?")),
    ("u", re.compile(r"([0-9]+)(?:单元|单(?=[0-9])|门(?=[0-9]))-?")),
    ("r", re.compile(r"([0-9]+[A-Z]?)(?:室|房|号房|户)")),
    ("f", re.compile(r"(-?[0-9]+)(?:楼|层|F)(?![0-9]*(?:号楼|幢|栋))-?")),
    ("d", re.compile(r"([0-9]+[A-Z]?)-(?=[0-9A-Z])")),
    ("n", re.compile(r"([0-9]+[A-Z]?)(?:号)?(?![0-9A-Z])")),
)
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
        for kind, rx in _DOOR_TOKENS:
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
    if c.endswith("小区") and len(c) > 3:
        c = c[:-2]
    c = c.strip(_CLEAN_EDGE)
    if len(c) < 2 or c.isdigit():
        return None
    return c


def _street(rest: str) -> dict:
    """Parse what follows the administrative prefix."""
    out: dict = {"town_text": None, "road": None, "road_no": None, "community": None,
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
        g = _GATE_RE.search(main)
        if g and g.start() > 0:
            poi = main[g.start():] + poi
            main = main[: g.start()]
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
        if cut and cut.end() < len(road) - 1:
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
        if door is not None or _COMMUNITY_RE.search(community_text) or (out["road_no"] and len(community_text) <= 12):
            community = _clean_community(community_text)
        if community is None:
            poi = (community_text + (poi or "")) or None
    if community is None and before and _COMMUNITY_RE.search(before):
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
    out = _empty()
    s = normalise_text(text)
    if not s:
        return out
    t = _tables()
    ctx, pos = _scan_admin(s, t)
    st = _street(s[pos:])

    prov = ctx["province"]
    city = ctx["city"]
    dists = ctx["districts"]
    district = dists[0] if len(dists) == 1 else None
    district_name = district.name if district else (dists[0].name if dists and len({d.name for d in dists}) == 1 else None)
    towns = ctx["towns"]
    town = towns[0].name if towns and len({x.name for x in towns}) == 1 else st["town_text"]

    if city and "直辖" in city:
        city = None        # '省直辖行政区划': county-level city directly under the province
    out["province"] = prov
    out["city"] = city
    out["district"] = district_name
    out["town"] = town
    if prov:
        p = t.provinces.get(prov)
        out["province_code"] = p.code if p else None
    if prov and city:
        c = t.cities.get((prov, city))
        out["city_code"] = c.code if c else None
    if district is not None:
        out["district_code"] = district.code
    for k in ("road", "road_no", "community", "building", "unit", "room", "poi", "pickup", "pickup_kind"):
        out[k] = st[k]
    out["workplace_hint"] = bool(_WORK_RE.search(s[pos:])) if pos < len(s) else False

    # Precision
    premises = out["community"] or ((out["road"] + out["road_no"]) if out["road"] and out["road_no"] else None)
    door_parts = out["building"] or out["room"] or out["unit"]
    if premises and out["room"] and not out["room"].endswith("F") and not out["pickup"]:
        precision = "room"
    elif premises and (out["building"] or out["room"]) and not out["pickup"]:
        precision = "building"
    elif out["community"]:
        precision = "community"
    elif out["road"] and out["road_no"] and not out["pickup"]:
        precision = "building"     # a street number is one building / house / shop
    elif out["road"]:
        precision = "road"
    elif out["town"]:
        precision = "town"
    elif out["district"]:
        precision = "district"
    elif out["city"]:
        precision = "city"
    elif out["province"]:
        precision = "province"
    else:
        precision = "none"
    out["precision"] = precision

    # Keys
    base = out["district_code"]
    if base is None and prov and city and not dists:
        base = out["city_code"]
    if base and premises:
        out["area_key"] = f"{base}|{premises}"
        is_door = bool(door_parts) or (not out["community"] and out["road_no"])
        if is_door and not out["pickup"]:
            out["place_key"] = "|".join(
                (base, premises, out["building"] or "", out["unit"] or "", out["room"] or "")
            )
    out["address"] = _render(out)
    return out


def _render(o: dict) -> str | None:
    parts = []
    if o["province"]:
        parts.append(o["province"])
    if o["city"] and o["city"] != o["province"]:
        parts.append(o["city"])
    for k in ("district", "town", "road", "road_no", "community"):
        if o[k]:
            parts.append(o[k])
    b = o["building"]
    if b:
        parts.append(b if b.endswith("组") else f"{b}幢")
    if o["unit"]:
        parts.append(f"{o['unit']}单元")
    r = o["room"]
    if r:
        parts.append(f"{r[:-1]}层" if r.endswith("F") else f"{r}号" if b and b.endswith("组") else f"{r}室")
    if o["poi"]:
        parts.append(o["poi"])
    return "".join(parts) or None


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
    cols: dict[str, list] = {k: [] for k in FIELDS}
    for v in distinct:
        r = parse_address(v)
        for k in FIELDS:
            cols[k].append(r[k])
    parsed = pl.DataFrame({"raw": distinct, **cols}, schema={"raw": pl.Utf8, **_SCHEMA})
    frame = values.to_frame().with_row_index("__row")
    joined = frame.join(parsed, on="raw", how="left").sort("__row").drop("__row")
    return joined.with_columns(
        pl.col("pickup").fill_null(False),
        pl.col("workplace_hint").fill_null(False),
        pl.col("precision").fill_null("none"),
    )
