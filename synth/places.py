"""Places (homes, workplaces, lockers, hotels) on real administrative divisions, and the
many ways people type them.

Divisions come from ``linkage.gazetteer.divisions()``; roads, estates, office towers and
stall numbers are invented (but reused within a district so that neighbours share estates
and namesakes can live in the same compound).
"""
from __future__ import annotations

import functools
import types
from dataclasses import dataclass, field

import numpy as np
import polars as pl

from linkage.gazetteer import divisions

ZJ = "浙江省"
ZJ_CITY_WEIGHTS = {
    "杭州市": 0.24, "宁波市": 0.14, "温州市": 0.13, "绍兴市": 0.10, "台州市": 0.11,
    "金华市": 0.10, "嘉兴市": 0.07, "湖州市": 0.05, "丽水市": 0.02, "衢州市": 0.02, "舟山市": 0.02,
}
OTHER_PROVINCE_WEIGHTS = {
    "上海市": 0.30, "江苏省": 0.25, "安徽省": 0.15, "广东省": 0.10, "福建省": 0.10, "江西省": 0.10,
}

_ROAD_HEADS = [
    "文三", "文二", "笛扬", "解放", "人民", "中山", "建设", "新华", "环城北", "凤起", "庆春", "天目山",
    "学院", "古翠", "莫干山", "江南", "滨江", "钱江", "东方", "兴华", "振兴", "育才", "富春", "金城",
    "湖滨", "望江", "秋涛", "明珠", "镜湖", "柯华", "裕民", "鉴湖", "华舍", "越州", "迎宾", "世纪",
    "复兴", "新安", "和平", "太平", "青年", "工人", "光明", "胜利", "站前", "北环", "南环", "开元",
    "商城", "稠州", "宾王", "丹溪", "八一", "九龙", "双龙", "银杏", "桂花", "梧桐", "红旗", "朝阳",
    "前进", "新民", "长兴", "永安", "利民", "江滨", "东湖", "西溪", "文化", "体育场", "金沙", "海宁",
]
_ROAD_TAILS = ["路", "路", "路", "路", "街", "大道", "东路", "西路", "北路", "南路", "巷"]
_ESTATE_HEADS = [
    "金色", "阳光", "绿城", "万科", "碧桂园", "滨江", "锦绣", "华府", "新城", "东方", "世纪", "翡翠",
    "紫金", "和平", "幸福", "春江", "明珠", "香樟", "桂花", "蓝湾", "海棠", "金地", "保利", "湖畔",
    "凤凰", "天和", "嘉禾", "盛世", "丽景", "银河", "梧桐", "翠苑", "景湖", "龙湖", "星河", "君悦",
]
_ESTATE_TAILS = [
    "家园", "花苑", "花园", "小区", "公寓", "名邸", "府", "城", "苑", "新村", "嘉园", "雅苑",
    "华庭", "御园", "水岸", "一品", "公馆", "佳苑",
]
_TOWERS = ["国际", "财富", "世贸", "环球", "星光", "银泰", "汇金", "中天", "信息港", "创意园", "科技园", "商务"]
_HOTELS = ["如家", "汉庭", "7天", "全季", "锦江之星", "亚朵", "维也纳", "格林豪泰"]
_COMPANY_WORDS = ["鑫源", "华盛", "恒达", "永盛", "宏远", "金桥", "天成", "正泰", "瑞丰", "东升", "隆兴", "创新"]
_COMPANY_TRADES = ["纺织品", "机械", "五金", "贸易", "服饰", "电子", "建材", "塑料", "印染", "鞋业", "家具", "网络科技"]

# Real, well-known markets (public places) where traders keep stalls.
MARKETS = [
    ("浙江省", "绍兴市", "柯桥区", "柯桥街道", "中国轻纺城", ["东区", "北区", "联合市场", "服装面料市场"]),
    ("浙江省", "金华市", "义乌市", "福田街道", "义乌国际商贸城", ["一区", "二区", "三区", "四区", "五区"]),
    ("浙江省", "杭州市", "上城区", "四季青街道", "四季青服装市场", ["女装馆", "男装馆", "童装馆"]),
    ("浙江省", "金华市", "永康市", "东城街道", "中国科技五金城", ["A区", "B区", "C区"]),
    ("浙江省", "温州市", "鹿城区", "南汇街道", "温州鞋都", ["一期", "二期"]),
    ("浙江省", "台州市", "路桥区", "路桥街道", "路桥小商品市场", ["东区", "西区"]),
]

LOCKER_STYLES = ["东门菜鸟驿站", "西门菜鸟驿站", "南门菜鸟驿站", "菜鸟驿站", "丰巢快递柜", "门口丰巢快递柜", "妈妈驿站", "兔喜快运超市"]

_FULLWIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")


@dataclass
class Place:
    kind: str                  # estate | village | market | office | factory | pickup | hotel
    province: str
    city: str
    district: str
    town: str | None
    prov_short: str
    city_short: str
    dist_short: str
    road: str | None = None
    number: int | None = None
    estate: str | None = None  # estate / village / market / tower name
    building: int | None = None
    unit: int | None = None
    room: int | None = None
    detail: str | None = None  # stall, company, locker text
    org: str | None = None     # company name at a workplace
    canonical: str = field(default="")

    @property
    def municipality(self) -> bool:
        return self.province == self.city


def _canon_prefix(p: Place) -> str:
    if p.municipality:
        return p.province + p.district
    return p.province + p.city + p.district


def canonical(p: Place) -> str:
    pre = _canon_prefix(p)
    if p.kind == "estate":
        return f"{pre}{p.road}{p.number}号{p.estate}{p.building}幢" + (f"{p.unit}单元" if p.unit else "") + f"{p.room}室"
    if p.kind == "village":
        return f"{pre}{p.town}{p.estate}{p.number}号"
    if p.kind == "market":
        return f"{pre}{p.estate}{p.detail}"
    if p.kind == "office":
        return f"{pre}{p.road}{p.number}号{p.estate}{p.room}室"
    if p.kind == "factory":
        return f"{pre}{p.town}{p.road}{p.number}号"
    if p.kind == "pickup":
        if p.road is None:  # station in a village
            return f"{pre}{p.town}{p.estate}{p.detail}"
        return f"{pre}{p.road}{p.number}号{p.estate}{p.detail}"
    if p.kind == "hotel":
        return f"{pre}{p.road}{p.number}号{p.estate}"
    raise ValueError(p.kind)


@functools.lru_cache(maxsize=1)
def _static_tables() -> dict:
    """Lookup tables derived from the gazetteer once per process (read-only afterwards)."""
    t = types.SimpleNamespace()
    d = divisions()
    top = d.filter(pl.col("level") <= 2)
    t.short: dict[tuple, str] = {}
    t.county_codes: dict[tuple[str, str, str], str] = {}
    for lv, name, short, code, prov, city, dist in top.select(
        "level", "name", "short", "code", "province", "city", "district"
    ).iter_rows():
        key = (prov,) if lv == 0 else (prov, city) if lv == 1 else (prov, city, dist)
        t.short[key] = short or name
        if lv == 2 and code and len(code) == 6 and code.isdigit() and not code.endswith("00"):
            t.county_codes[(prov, city, dist)] = code
    provs = [ZJ, *OTHER_PROVINCE_WEIGHTS]
    lv4 = (
        d.filter((pl.col("level") == 4) & pl.col("province").is_in(provs) & pl.col("district").is_not_null())
        .select("province", "city", "district", "town", "name")
        .sort("province", "city", "district", "town", "name")
    )
    t.communities: dict[str, list[tuple]] = {}
    t.villages: dict[str, list[tuple]] = {}
    for prov, city, dist, town, name in lv4.iter_rows():
        if (prov, city, dist) not in t.county_codes:
            continue
        key = city if prov == ZJ else prov
        if name.endswith("社区"):
            t.communities.setdefault(key, []).append((prov, city, dist, town, name))
        elif name.endswith("村"):
            t.villages.setdefault(key, []).append((prov, city, dist, town, name))
    t._comm_by_district: dict[tuple, list[tuple]] = {}
    for lst in t.communities.values():
        for c in lst:
            t._comm_by_district.setdefault(c[:3], []).append(c)
    t._vil_by_county_all: dict[tuple, list[tuple]] = {}
    for lst in t.villages.values():
        for v in lst:
            t._vil_by_county_all.setdefault(v[:3], []).append(v)
    t.all_counties = sorted(t.county_codes)
    t.zj_counties = [k for k in t.all_counties if k[0] == ZJ]
    return vars(t)


class Geo:
    """Samples places from the gazetteer, with per-district pools of roads and estates."""

    def __init__(self, rng: np.random.Generator):
        self.rng = rng
        t = _static_tables()
        self.short = t["short"]
        self.county_codes = t["county_codes"]
        self.communities = t["communities"]
        self.villages = t["villages"]
        self._comm_by_district = t["_comm_by_district"]
        self._vil_by_county_all = t["_vil_by_county_all"]
        self.all_counties = t["all_counties"]
        self.zj_counties = t["zj_counties"]
        self._roads: dict[tuple, list[str]] = {}
        self._estates: dict[tuple, list[tuple]] = {}

    # --- helpers -----------------------------------------------------------------------
    def shorts(self, prov: str, city: str, dist: str) -> tuple[str, str, str]:
        return self.short.get((prov,), prov), self.short.get((prov, city), city), self.short.get((prov, city, dist), dist)

    def pick(self, seq):
        return seq[int(self.rng.integers(0, len(seq)))]

    def road_name(self) -> str:
        r = self.rng
        if r.random() < 0.7:
            head = self.pick(_ROAD_HEADS)
        else:
            head = self.pick(_ROAD_HEADS)[0] + self.pick(_ESTATE_HEADS)[0]
        return head + self.pick(_ROAD_TAILS)

    def roads(self, dkey: tuple) -> list[str]:
        if dkey not in self._roads:
            n = 10
            names: list[str] = []
            while len(names) < n:
                x = self.road_name()
                if x not in names:
                    names.append(x)
            self._roads[dkey] = names
        return self._roads[dkey]

    def estates(self, city_key: str, dkey: tuple) -> list[tuple]:
        """(town, community, road, number, estate name) pool for one district."""
        if dkey not in self._estates:
            comms = self._comm_by_district.get(dkey) or self.communities.get(city_key, [])
            pool = []
            names: list[str] = []
            for _ in range(8):
                c = self.pick(comms)
                while True:
                    nm = self.pick(_ESTATE_HEADS) + self.pick(_ESTATE_TAILS)
                    if nm not in names:
                        break
                names.append(nm)
                pool.append((c[3], c[4], self.pick(self.roads(dkey)), int(self.rng.integers(1, 600)), nm))
            self._estates[dkey] = pool
        return self._estates[dkey]

    def _finish(self, p: Place) -> Place:
        p.canonical = canonical(p)
        return p

    def _base(self, kind: str, prov: str, city: str, dist: str, town: str | None) -> Place:
        ps, cs, ds = self.shorts(prov, city, dist)
        return Place(kind, prov, city, dist, town, ps, cs, ds)

    # --- sampling ----------------------------------------------------------------------
    def sample_region(self, zj: bool, city: str | None = None) -> str:
        if city:
            return city
        table = ZJ_CITY_WEIGHTS if zj else OTHER_PROVINCE_WEIGHTS
        ks = list(table)
        x = self.rng.random() * sum(table.values())
        acc = 0.0
        for k in ks:
            acc += table[k]
            if x < acc:
                return k
        return ks[-1]

    def home(self, region_key: str, district: tuple | None = None, village_p: float = 0.18) -> Place:
        """A residence in a region (Zhejiang city name, or another province's name)."""
        r = self.rng
        if r.random() < village_p and self.villages.get(region_key) and district is None:
            prov, city, dist, town, vil = self.pick(self.villages[region_key])
            p = self._base("village", prov, city, dist, town)
            p.estate, p.number = vil, int(r.integers(1, 320))
            return self._finish(p)
        if district is None:
            prov, city, dist, _, _ = self.pick(self.communities[region_key])
            dkey = (prov, city, dist)
        else:
            dkey = district
        town, _comm, road, num, est = self.pick(self.estates(region_key, dkey))
        p = self._base("estate", *dkey, town)
        p.road, p.number, p.estate = road, num, est
        p.building = int(r.integers(1, 30))
        p.unit = int(r.integers(1, 5)) if r.random() < 0.8 else None
        p.room = int(r.integers(1, 28 if r.random() < 0.5 else 7)) * 100 + int(r.integers(1, 5))
        return self._finish(p)

    def neighbour(self, home: Place) -> Place:
        """Another flat in the same estate."""
        if home.kind != "estate":
            p = Place(**{**home.__dict__})
            p.number = int(self.rng.integers(1, 320))
            return self._finish(p)
        p = Place(**{**home.__dict__})
        r = self.rng
        p.building = int(r.integers(1, 30))
        p.room = int(r.integers(1, 18)) * 100 + int(r.integers(1, 5))
        return self._finish(p)

    def company(self, short_city: str) -> str:
        return short_city + self.pick(_COMPANY_WORDS) + self.pick(_COMPANY_TRADES) + "有限公司"

    def workplace(self, region_key: str, zj: bool) -> Place:
        r = self.rng
        k = r.random()
        if zj and k < 0.35:
            prov, city, dist, town, mname, zones = self.pick(MARKETS)
            p = self._base("market", prov, city, dist, town)
            p.estate = mname
            zone = self.pick(zones)
            if r.random() < 0.5:
                p.detail = f"{zone}{int(r.integers(1, 6))}楼{int(r.integers(1, 900))}号"
            else:
                p.detail = f"{zone}{int(r.integers(1, 40))}街{int(r.integers(1000, 9999))}号"
            p.org = p.city_short + self.pick(_COMPANY_WORDS) + self.pick(_COMPANY_TRADES) + "商行"
            return self._finish(p)
        prov, city, dist, town, _ = self.pick(self.communities[region_key])
        dkey = (prov, city, dist)
        if k < 0.7:
            p = self._base("office", prov, city, dist, town)
            p.road, p.number = self.pick(self.roads(dkey)), int(r.integers(1, 900))
            p.estate = (p.road[:2] if r.random() < 0.3 else self.pick(_TOWERS)) + "大厦"
            p.room = int(r.integers(2, 30)) * 100 + int(r.integers(1, 20))
        else:
            p = self._base("factory", prov, city, dist, town)
            p.road, p.number = self.pick(self.roads(dkey)), int(r.integers(1, 300))
        p.org = self.company(p.city_short)
        return self._finish(p)

    def pickup_near(self, home: Place) -> Place:
        p = Place(**{**home.__dict__})
        p.kind = "pickup"
        p.building = p.unit = p.room = None
        if home.kind == "village":
            p.road = p.number = None
            p.estate = home.estate
            p.detail = self.pick(["菜鸟驿站", "妈妈驿站", "快递代收点"])
        else:
            p.detail = self.pick(LOCKER_STYLES)
        return self._finish(p)

    def hotel(self, region_key: str) -> Place:
        prov, city, dist, town, _ = self.pick(self.communities[region_key])
        p = self._base("hotel", prov, city, dist, town)
        p.road, p.number = self.pick(self.roads((prov, city, dist))), int(self.rng.integers(1, 500))
        p.estate = f"{self.pick(_HOTELS)}酒店({p.road}店)"
        return self._finish(p)

    def hukou_address(self, county: tuple[str, str, str]) -> str:
        """Registered address in a county: usually a village or an old urban street."""
        prov, city, dist = county
        vs = self._vil_by_county_all.get(county, [])
        pre = prov + dist if prov == city else prov + city + dist
        if vs and self.rng.random() < 0.7:
            v = self.pick(vs)
            return f"{pre}{v[3]}{v[4]}{int(self.rng.integers(1, 300))}号"
        road = self.pick(self.roads(county))
        return f"{pre}{road}{int(self.rng.integers(1, 400))}号"


# --- rendering --------------------------------------------------------------------------
def _bldg(p: Place, r: np.random.Generator) -> str:
    b, u, rm = p.building, p.unit, p.room
    k = int(r.integers(0, 7))
    if u is None:
        return [f"{b}幢{rm}室", f"{b}-{rm}", f"{b}号楼{rm}", f"{b}栋{rm}室", f"{b}幢{rm}", f"{b}号{rm}室", f"{b}幢{rm}室"][k]
    return [
        f"{b}幢{u}单元{rm}室", f"{b}-{u}-{rm}", f"{b}号楼{u}单元{rm}", f"{b}栋{u}单元{rm}室",
        f"{b}幢{u}单元{rm}", f"{b}号{u}单元{rm}室", f"{b}幢{u}单元{rm}室",
    ][k]


def render(p: Place, r: np.random.Generator, formal: float = 0.5) -> str:
    """Free-text address as a person would type it.  ``formal`` raises the odds of a full prefix."""
    parts: list[str] = []
    full_prov = r.random() < formal
    if full_prov:
        parts.append(p.province if r.random() < 0.8 else p.prov_short)
    if not p.municipality and (full_prov or r.random() < 0.8):
        parts.append(p.city if r.random() < 0.85 else p.city_short)
    elif p.municipality and not full_prov:
        parts.append(p.prov_short if r.random() < 0.5 else p.province)
    x = r.random()
    if x < 0.72 or not parts:
        parts.append(p.district)
    elif x < 0.95:
        parts.append(p.dist_short)
    if p.town and (p.kind in ("village", "factory") or (p.kind == "pickup" and p.road is None) or r.random() < 0.2):
        parts.append(p.town)
    if p.kind == "estate":
        if r.random() < 0.75:
            parts.append(f"{p.road}{p.number}号")
        parts.append(p.estate)
        parts.append(_bldg(p, r))
    elif p.kind == "village":
        parts.append(f"{p.estate}{p.number}号")
    elif p.kind == "market":
        parts.append(p.estate)
        parts.append(p.detail)
        if r.random() < 0.3:
            parts.append(p.org)
    elif p.kind == "office":
        parts.append(f"{p.road}{p.number}号")
        parts.append(f"{p.estate}{p.room}室" if r.random() < 0.6 else f"{p.estate}{p.room // 100}楼")
        if r.random() < 0.5:
            parts.append(p.org)
    elif p.kind == "factory":
        parts.append(f"{p.road}{p.number}号")
        if r.random() < 0.6:
            parts.append(p.org)
    elif p.kind == "pickup":
        if p.road is not None and r.random() < 0.6:
            parts.append(f"{p.road}{p.number}号")
        parts.append(p.estate + p.detail)
    elif p.kind == "hotel":
        parts.append(f"{p.road}{p.number}号")
        parts.append(p.estate)
    sep = " " if r.random() < 0.15 else ""
    s = sep.join(parts)
    if r.random() < 0.04:
        s = s.translate(_FULLWIDTH)
    return s


def poi(p: Place) -> str:
    """Short point-of-interest label used by social check-ins."""
    if p.kind in ("estate", "village", "pickup"):
        return p.district + p.estate
    if p.kind == "market":
        return p.estate
    if p.kind == "office":
        return p.estate
    if p.kind == "hotel":
        return p.estate
    return p.org or p.district


def checkin_address(p: Place) -> str:
    city = p.city if not p.municipality else p.province
    if p.kind == "estate":
        return f"{city}{p.district}{p.road}{p.estate}"
    if p.kind == "village":
        return f"{city}{p.district}{p.town}{p.estate}"
    if p.kind == "market":
        return f"{city}{p.district}{p.estate}"
    return f"{city}{p.district}{p.road}{p.number}号"
