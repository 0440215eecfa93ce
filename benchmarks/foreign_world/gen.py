#!/usr/bin/env python3
"""Independent synthetic inbox generator for the `locate` pipeline.

Written only from /work/shared/specs/inputs.md (formats) with outputs.md/context.md as
background.  Usage:

    gen.py --out DIR --debtors N --seed S [--as-of 2026-11-27]

Writes DIR/inbox/{debtors,ecommerce,social,logistics}/ and DIR/truth/*.parquet.
Every person is invented; ID numbers carry valid GB 11643 check digits and real county
codes; credit codes carry valid GB 32100 check characters.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import math
import os
import random
import shutil
import sys
import time
from collections import defaultdict

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import geo as R  # noqa: E402

TD = dt.timedelta
ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHK = "10X98765432"
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]
CN_NUM = "零一二三四五六七八九十"
FULLWIDTH = str.maketrans("0123456789-#", "０１２３４５６７８９－＃")
MOBILE_PREFIX = ("130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 "
                 "166 173 175 176 177 178 180 181 182 183 184 185 186 187 188 189 191 193 195 198 199").split()
EC_COLS = ["订单编号", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人", "收货手机", "收货地址",
           "下单时间", "签收时间", "实付金额", "商品类目"]
PDD_COLS = ["订单编号", "下单时间", "商品类目", "实付金额", "买家ID", "实名姓名", "实名证件号", "绑定手机",
            "收货人", "收货手机", "收货地址", "签收时间"]
ROSTER_COLS = ["案号", "执行法院", "承办人", "被执行人", "证件类型", "证件号码", "联系电话", "户籍地址",
               "执行标的", "立案日期", "限制消费", "失信", "案件状态"]
WB_COLS = ["waybill_no", "sender_name", "sender_phone", "sender_address", "receiver_name",
           "receiver_phone", "receiver_address", "pickup_time", "sign_time", "sign_type"]
PROFILE_W = {  # home, work, locker, other
    "home": (0.80, 0.10, 0.05, 0.03), "mixed": (0.50, 0.30, 0.15, 0.03),
    "locker": (0.12, 0.10, 0.75, 0.03), "work": (0.12, 0.80, 0.05, 0.03),
}
WORK_KINDS = ("shop", "office", "factory")


def cn_num(n: int) -> str:
    if n <= 10:
        return CN_NUM[n]
    if n < 20:
        return "十" + (CN_NUM[n % 10] if n % 10 else "")
    return CN_NUM[n // 10] + "十" + (CN_NUM[n % 10] if n % 10 else "")


def dist_short(d: str) -> str:
    if d.endswith("新区"):
        return d[:-2]
    if len(d) > 2 and d[-1] in "区县市":
        return d[:-1]
    return d


def is_cjk(s: str) -> bool:
    return bool(s) and all("\u4e00" <= ch <= "\u9fff" for ch in s)


def mask_mid(n: str) -> str:   # 茹*明
    if len(n) <= 1:
        return n
    if len(n) == 2:
        return n[0] + "*"
    return n[0] + "*" * (len(n) - 2) + n[-1]


def mask_tail(n: str) -> str:  # 茹**
    return n[0] + "**" if n else n


def mask_mou(n: str) -> str:   # 茹某明
    if len(n) <= 2:
        return n[0] + "某"
    return n[0] + "某" * (len(n) - 2) + n[-1]


def mask_phone(p: str) -> str:
    return p[:3] + "****" + p[7:]


def mask_id(i: str, style: str) -> str:
    if style == "A":
        return i[:6] + "*" * 8 + i[-4:]
    if style == "B":
        return i[:2] + "*" * 14 + i[-2:]
    return i[:4] + "*" * 10 + i[-4:]


class Dist:
    __slots__ = ("prov", "prov_s", "city", "city_s", "area", "ipp", "dist", "dist_s", "code", "roads",
                 "towns", "streets", "use", "estates", "est_names", "villages", "vill_names",
                 "offices", "factories", "markets", "idx")


class Place:
    __slots__ = ("id", "kind", "d", "road", "no", "estate", "bld", "unit", "room", "town", "village",
                 "house", "market", "floor", "shop", "building", "company", "lk", "canon", "landline",
                 "shopname", "gate", "parent")

    def __init__(self, pid, kind, d):
        self.id = pid
        self.kind = kind
        self.d = d
        self.road = self.no = self.estate = self.bld = self.unit = self.room = None
        self.town = self.village = self.house = self.market = self.floor = self.shop = None
        self.building = self.company = self.lk = self.canon = self.landline = self.shopname = None
        self.gate = self.parent = None


class Estate:
    __slots__ = ("name", "d", "road", "no", "nb", "nu", "nf", "used", "lk", "locker", "gate", "kind")


class Village:
    __slots__ = ("name", "town", "d", "used", "station")


class Person:
    __slots__ = ("pid", "name", "gender", "idno", "birth", "region", "hukou", "phones", "old_phones",
                 "hid", "role", "debtor", "absent", "work", "profile", "namesake_of", "recycled_from",
                 "accounts", "uses_spouse", "agent_for", "no_own_ec", "jd", "weibo", "violator",
                 "roster_scn", "cases", "surname", "given")


class HH:
    __slots__ = ("hid", "members", "home", "old_home", "move", "locker")


class Org:
    __slots__ = ("oid", "name", "uscc", "phones", "address", "cases")


class Case:
    __slots__ = ("no", "court", "judge", "filing", "status", "restrict", "dishonest", "amount", "parties")


class Entry:
    __slots__ = ("for_p", "place", "name", "name_pid", "phone", "phone_pid", "addr", "w", "vf", "vt")


class World:
    def __init__(self, n: int, seed: int, as_of: dt.date):
        self.rng = random.Random(seed)
        self.N = n
        self.asof = as_of
        self.end = dt.datetime(as_of.year, as_of.month, as_of.day)  # export cut-off (exclusive)
        self.start = self.end - TD(days=730)
        self.tag = as_of.strftime("%Y%m%d")
        self.people: list[Person] = []
        self.hhs: list[HH] = []
        self.orgs: list[Org] = []
        self.cases: list[Case] = []
        self.places: list[Place] = []
        self.phones_used: set[str] = set()
        self.ids_used: set[str] = set()
        self.keys_used: set[str] = set()
        self.records: list[dict] = []
        self.orders: dict[str, list[dict]] = {"tmall": [], "pdd": []}
        self.waybills: dict[str, list[dict]] = {"yto": [], "jd": []}
        self.accounts: list[dict] = []
        self._setup_geo()

    # ------------------------------------------------------------------ geography
    def _setup_geo(self):
        self.dists: list[Dist] = []
        for city, dist, code, roads, towns, streets, use in R.DISTRICTS:
            prov, city_s, area, ipp = R.CITIES[city]
            d = Dist()
            d.prov, d.prov_s, d.city, d.city_s, d.area, d.ipp = prov, R.PROV_SHORT[prov], city, city_s, area, ipp
            d.dist, d.dist_s, d.code = dist, dist_short(dist), code
            d.roads = roads.split() or R.GENERIC_ROADS
            d.towns = towns.split() if towns else []
            d.streets = streets.split() if streets else ["城东街道", "城西街道"]
            d.use = use
            d.estates, d.est_names, d.villages, d.vill_names = [], set(), [], set()
            d.offices, d.factories, d.markets = [], [], []
            d.idx = len(self.dists)
            self.dists.append(d)
        self.by_city = defaultdict(list)
        for d in self.dists:
            if "L" in d.use:
                self.by_city[d.city].append(d)
        self.by_name = {(d.city, d.dist): d for d in self.dists}
        self.id_zj = [d for d in self.dists if "I" in d.use and d.prov == "浙江省"]
        self.id_hukou = [d for d in self.dists if "H" in d.use]
        self.id_any = [d for d in self.dists if "I" in d.use]

    def adm(self, d: Dist) -> str:
        return (d.city if d.prov == d.city else d.prov + d.city) + d.dist

    def pick_city_dist(self, city: str, prefer: str | None = None) -> Dist:
        ds = self.by_city[city]
        if prefer and self.rng.random() < 0.4:
            return self.by_name[(city, prefer)]
        return self.rng.choice(ds)

    def wchoice(self, pairs):
        items, ws = zip(*pairs)
        return self.rng.choices(items, ws)[0]

    def home_dist_for_court(self, court) -> Dist:
        r = self.rng.random()
        if r < 0.6:
            return self.pick_city_dist(court[3], court[4])
        if r < 0.85:
            return self.rng.choice(self.by_city[self.wchoice(R.OTHER_ZJ_CITIES)])
        return self.rng.choice(self.by_city[self.wchoice(R.OUT_CITIES)])

    def random_live_dist(self) -> Dist:
        r = self.rng.random()
        if r < 0.55:
            c = self.rng.choice(R.COURTS)
            return self.pick_city_dist(c[3], c[4])
        if r < 0.85:
            return self.rng.choice(self.by_city[self.wchoice(R.OTHER_ZJ_CITIES)])
        return self.rng.choice(self.by_city[self.wchoice(R.OUT_CITIES)])

    # ------------------------------------------------------------------ places
    def _place(self, kind, d) -> Place:
        p = Place(len(self.places), kind, d)
        self.places.append(p)
        return p

    def new_estate(self, d: Dist) -> Estate:
        rng = self.rng
        for _ in range(50):
            nm = rng.choice(R.ESTATE_PRE) + rng.choice(R.ESTATE_SUF)
            if nm not in d.est_names:
                break
        else:
            nm = nm + rng.choice(["一期", "二期", "三期", "东区", "西区"])
        d.est_names.add(nm)
        e = Estate()
        e.name, e.d = nm, d
        e.road, e.no = rng.choice(d.roads), rng.randint(1, 999)
        e.nb, e.nu, e.nf = rng.randint(3, 30), rng.randint(1, 4), rng.randint(6, 33)
        e.used = set()
        e.lk = rng.choice(["丰巢快递柜", "菜鸟驿站"])
        e.locker = None
        e.gate = rng.choice(["南门", "北门", "东门", "西门"])
        d.estates.append(e)
        return e

    def new_flat(self, d: Dist, estate: Estate | None = None) -> Place:
        rng = self.rng
        if estate is None:
            if len(d.estates) >= 6 and rng.random() < 0.45:
                estate = rng.choice(d.estates)
            else:
                estate = self.new_estate(d)
        while True:
            b, u = rng.randint(1, estate.nb), rng.randint(1, estate.nu)
            fl = rng.randint(1, estate.nf)
            r = fl * 100 + rng.randint(1, 4)
            if (b, u, r) not in estate.used:
                estate.used.add((b, u, r))
                break
        p = self._place("flat", d)
        p.road, p.no, p.estate, p.bld, p.unit, p.room = estate.road, estate.no, estate.name, b, u, r
        p.parent = estate
        p.canon = f"{self.adm(d)}{p.road}{p.no}号{p.estate}{b}幢{u}单元{r}室"
        return p

    def new_village(self, d: Dist) -> Village:
        rng = self.rng
        for _ in range(50):
            a = rng.choice(R.VILL_A)
            nm = a + (rng.choice(["家", ""]) if a not in "上下东西南北前后大小新老" else "") + rng.choice(R.VILL_B) + "村"
            if nm not in d.vill_names:
                break
        d.vill_names.add(nm)
        v = Village()
        v.name, v.town, v.d, v.used, v.station = nm, rng.choice(d.towns), d, set(), None
        d.villages.append(v)
        return v

    def new_house(self, d: Dist, village: Village | None = None) -> Place:
        rng = self.rng
        if village is None:
            if len(d.villages) >= 4 and rng.random() < 0.4:
                village = rng.choice(d.villages)
            else:
                village = self.new_village(d)
        while True:
            no = rng.randint(1, 320)
            if no not in village.used:
                village.used.add(no)
                break
        p = self._place("house", d)
        p.town, p.village, p.house, p.parent = village.town, village.name, no, village
        p.canon = f"{self.adm(d)}{p.town}{p.village}{no}号"
        return p

    def new_home(self, d: Dist) -> Place:
        if d.towns and self.rng.random() < 0.22:
            return self.new_house(d)
        return self.new_flat(d)

    def locker_for(self, home: Place) -> Place:
        par = home.parent
        if home.kind == "flat":
            if par.locker is None:
                p = self._place("locker", home.d)
                p.road, p.no, p.estate, p.lk, p.gate = par.road, par.no, par.name, par.lk, par.gate
                p.bld = self.rng.randint(1, par.nb)
                p.canon = f"{self.adm(home.d)}{p.road}{p.no}号{p.estate}{p.lk}"
                p.parent = par
                par.locker = p
            return par.locker
        if par.station is None:
            p = self._place("locker", home.d)
            p.town, p.village, p.lk = par.town, par.name, "菜鸟驿站"
            p.canon = f"{self.adm(home.d)}{p.town}{p.village}{p.lk}"
            p.parent = par
            par.station = p
        return par.station

    def landline(self, d: Dist) -> str:
        n = self.rng.choice("5678") + "".join(self.rng.choice("0123456789") for _ in range(7))
        return f"{d.area}-{n}"

    def new_work(self, d: Dist) -> Place:
        rng = self.rng
        kind = rng.choices(WORK_KINDS, [0.2, 0.45, 0.35])[0]
        if kind == "office" and d.offices and rng.random() < 0.35:
            return rng.choice(d.offices)
        if kind == "factory" and d.factories and rng.random() < 0.4:
            return rng.choice(d.factories)
        if kind == "shop":
            mk = [m for m in R.MARKETS if m[0] == d.city]
            if mk and rng.random() < 0.65:
                m = rng.choice(mk)
                d = self.by_name[(m[0], m[1])]
                market, road, no = m[2], m[3], m[4]
            else:
                if not d.markets:
                    d.markets.append((d.dist_s + rng.choice(R.MARKET_KW) + "市场", rng.choice(d.roads),
                                      rng.randint(1, 800)))
                market, road, no = rng.choice(d.markets)
            p = self._place("shop", d)
            p.road, p.no, p.market = road, no, market
            p.floor, p.shop = rng.randint(1, 5), rng.randint(1001, 9999)
            p.shopname = rng.choice(R.CO_WORD) + rng.choice(["服饰", "鞋业", "布艺", "五金", "饰品", "家纺", "百货"])
            p.canon = f"{self.adm(d)}{road}{no}号{market}{p.floor}楼{p.shop}号"
        elif kind == "office":
            p = self._place("office", d)
            p.road, p.no = rng.choice(d.roads), rng.randint(1, 999)
            p.building = rng.choice(R.BUILDING_PRE) + rng.choice(R.BUILDING_SUF)
            p.floor = rng.randint(2, 30)
            p.room = p.floor * 100 + rng.randint(1, 20)
            p.company = d.city_s + rng.choice(R.CO_WORD) + rng.choice(["科技", "网络", "咨询", "贸易", "文化传媒"]) + "有限公司"
            p.canon = f"{self.adm(d)}{p.road}{p.no}号{p.building}{p.floor}层{p.room}室"
            d.offices.append(p)
        else:
            p = self._place("factory", d)
            p.road, p.no = rng.choice(d.roads), rng.randint(1, 999)
            p.company = d.city_s + rng.choice(R.CO_WORD) + rng.choice(R.CO_IND) + "有限公司"
            p.canon = f"{self.adm(d)}{p.road}{p.no}号{p.company}"
            d.factories.append(p)
        if rng.random() < 0.7:
            p.landline = self.landline(d)
        return p

    # ------------------------------------------------------------------ identities
    def new_phone(self) -> str:
        rng = self.rng
        while True:
            p = rng.choice(MOBILE_PREFIX) + "%08d" % rng.randrange(10 ** 8)
            if p not in self.phones_used:
                self.phones_used.add(p)
                return p

    def new_id(self, code: str, birth: dt.date, gender: str) -> str:
        rng = self.rng
        while True:
            seq = rng.randrange(0, 100) * 10 + rng.choice([1, 3, 5, 7, 9] if gender == "M" else [0, 2, 4, 6, 8])
            s17 = f"{code}{birth:%Y%m%d}{seq:03d}"
            chk = ID_CHK[sum(int(c) * w for c, w in zip(s17, ID_W)) % 11]
            idn = s17 + chk
            if idn not in self.ids_used:
                self.ids_used.add(idn)
                return idn

    def new_uscc(self, code: str) -> str:
        rng = self.rng
        while True:
            body = [rng.randrange(10) for _ in range(8)]
            c = 11 - sum(b * w for b, w in zip(body, ORG_W)) % 11
            oc = "".join(map(str, body)) + ("X" if c == 10 else "0" if c == 11 else str(c))
            s17 = "91" + code + oc
            c2 = 31 - sum(USCC_CHARS.index(ch) * w for ch, w in zip(s17, USCC_W)) % 31
            u = s17 + USCC_CHARS[0 if c2 == 31 else c2]
            if u not in self.ids_used:
                self.ids_used.add(u)
                return u

    def new_name(self, gender: str, surname: tuple | None = None):
        rng = self.rng
        if surname is None:
            surname = rng.choices(self._sn, self._snw)[0]
        pool = self._gm if gender == "M" else self._gf
        k = 1 if rng.random() < 0.28 else 2
        given = [rng.choice(pool) for _ in range(k)]
        while k == 1 and given[0][0] in "子一家小然天晓可思爱素亚":
            given = [rng.choice(pool)]
        if k == 2 and given[0][0] == given[1][0] and rng.random() < 0.7:
            given = [given[0]]
        return surname, given

    def key(self, prefix: str, digits: int) -> str:
        while True:
            k = prefix + "".join(self.rng.choice("0123456789") for _ in range(digits))
            if k not in self.keys_used:
                self.keys_used.add(k)
                return k

    def birth(self, age_lo: int, age_hi: int) -> dt.date:
        age_days = self.rng.randint(age_lo * 365, age_hi * 365 + 300)
        return self.asof - TD(days=age_days)

    def new_person(self, gender, birth, role, home_d: Dist, surname=None, clone: Person | None = None) -> Person:
        rng = self.rng
        p = Person()
        p.pid = len(self.people)
        self.people.append(p)
        p.gender, p.birth, p.role = gender, birth, role
        if clone is not None:
            p.surname, p.given = clone.surname, clone.given
        else:
            p.surname, p.given = self.new_name(gender, surname)
        p.name = p.surname[0] + "".join(g[0] for g in p.given)
        if home_d.prov == "浙江省" and rng.random() < 0.68:
            same = [x for x in self.id_zj if x.city == home_d.city]
            p.region = rng.choice(same) if same and rng.random() < 0.6 else rng.choice(self.id_zj)
        elif rng.random() < 0.75:
            p.region = rng.choice(self.id_hukou)
        else:
            p.region = rng.choice(self.id_any)
        p.idno = self.new_id(p.region.code, birth, gender)
        p.phones = [self.new_phone()]
        if rng.random() < 0.18:
            p.phones.append(self.new_phone())
        p.old_phones = []
        p.hid = -1
        p.debtor = False
        p.absent = False
        p.work = None
        p.profile = "home"
        p.namesake_of = p.recycled_from = None
        p.accounts = []
        p.uses_spouse = False
        p.agent_for = None
        p.no_own_ec = False
        p.jd = p.weibo = False
        p.violator = False
        p.roster_scn = None
        p.cases = []
        p.hukou = None
        return p

    def age(self, p: Person) -> int:
        return (self.asof - p.birth).days // 365

    def hukou_text(self, p: Person, home: Place) -> str:
        rng = self.rng
        if home.kind == "house" and home.d is p.region and rng.random() < 0.6:
            return home.canon
        if rng.random() < 0.08:
            return home.canon
        d = p.region
        if d.towns:
            a = rng.choice(R.VILL_A)
            vill = a + rng.choice(R.VILL_B) + "村"
            return f"{self.adm(d)}{rng.choice(d.towns)}{vill}{rng.randint(1, 260)}号"
        est = rng.choice(R.ESTATE_PRE) + rng.choice(R.ESTATE_SUF)
        return (f"{self.adm(d)}{rng.choice(d.roads)}{rng.randint(1, 600)}号{est}"
                f"{rng.randint(1, 20)}幢{rng.randint(1, 3)}单元{rng.randint(1, 18)}0{rng.randint(1, 3)}室")

    def new_household(self, members: list[Person], home_d: Dist, home: Place | None = None) -> HH:
        rng = self.rng
        h = HH()
        h.hid = len(self.hhs)
        self.hhs.append(h)
        h.members = members
        for m in members:
            m.hid = h.hid
        h.home = home if home is not None else self.new_home(home_d)
        h.old_home = h.move = None
        if rng.random() < 0.3:
            h.move = self.end - TD(days=rng.randint(40, 700), seconds=rng.randint(0, 86399))
            od = home_d if rng.random() < 0.7 else self.random_live_dist()
            h.old_home = self.new_home(od)
        h.locker = self.locker_for(h.home) if rng.random() < 0.45 else None
        return h

    def setup_person_life(self, p: Person, hh: HH):
        rng = self.rng
        a = self.age(p)
        if 21 <= a <= 63 and rng.random() < 0.6:
            d = hh.home.d if rng.random() < 0.85 else self.random_live_dist()
            wd = self.pick_city_dist(d.city) if rng.random() < 0.6 else d
            p.work = self.new_work(wd)
        # debtors keep their home out of sight a bit more often than everybody else
        choices = [("home", 0.3 if p.debtor else 0.45), ("mixed", 0.3)]
        if hh.locker is not None:
            choices.append(("locker", 0.22 if p.debtor else 0.12))
        if p.work is not None:
            choices.append(("work", 0.22 if p.debtor else 0.13))
        p.profile = self.wchoice(choices)
        if p.hukou is None:
            p.hukou = self.hukou_text(p, hh.home)

    # ------------------------------------------------------------------ build the world
    def build(self):
        rng = self.rng
        self._sn = [(s, py) for s, py, w in R.SURNAMES]
        self._snw = [w for s, py, w in R.SURNAMES]
        self._gm = [(t[0], t[1:]) for t in R.GIVEN_M]
        self._gf = [(t[0], t[1:]) for t in R.GIVEN_F]
        self.judges = {c[0]: [self.new_name(rng.choice("MF")) for _ in range(rng.randint(4, 6))] for c in R.COURTS}
        self.judges = {k: [s[0] + "".join(g[0] for g in gv) for s, gv in v] for k, v in self.judges.items()}
        n_org = max(1, round(self.N * 0.08))
        n_per = self.N - n_org
        debtors: list[Person] = []
        self.debtor_court = {}
        # --- person debtors and their households
        self.co_spouse = {}
        n_deb = 0
        while n_deb < n_per:
            court = rng.choices(R.COURTS, [0.4, 0.33, 0.27])[0]
            hd = self.home_dist_for_court(court)
            g = "M" if rng.random() < 0.7 else "F"
            d = self.new_person(g, self.birth(24, 68), "debtor", hd)
            d.debtor = True
            self.debtor_court[d.pid] = court
            debtors.append(d)
            members = [d]
            if self.age(d) > 25 and rng.random() < 0.65:
                sg = "F" if g == "M" else "M"
                sp = self.new_person(sg, d.birth + TD(days=rng.randint(-5 * 365, 5 * 365)), "spouse", hd)
                sp.birth = min(sp.birth, self.asof - TD(days=21 * 365))
                members.append(sp)
            if self.age(d) > 46 and rng.random() < 0.2:
                father = d if g == "M" else (members[1] if len(members) > 1 else None)
                ch = self.new_person(rng.choice("MF"), d.birth + TD(days=rng.randint(24 * 365, 32 * 365)),
                                     "child", hd, surname=father.surname if father else None)
                if father is not None:
                    ch.surname = father.surname
                    ch.name = ch.surname[0] + "".join(x[0] for x in ch.given)
                members.append(ch)
            if self.age(d) < 45 and rng.random() < 0.08:
                members.append(self.new_person(rng.choice("MF"), d.birth - TD(days=rng.randint(24 * 365, 32 * 365)),
                                               "parent", hd))
            hh = self.new_household(members, hd)
            for m in members:
                self.setup_person_life(m, hh)
            # phones: debtors often have old numbers
            if rng.random() < 0.72:
                d.old_phones = [self.new_phone() for _ in range(rng.choice([1, 1, 1, 2]))]
            n_deb += 1
            # co-debtor spouse (same case), filled in by case generation
            sps = [m for m in members if m.role == "spouse"]
            if sps and n_deb < n_per and rng.random() < 0.05:
                sp = sps[0]
                sp.debtor = True
                sp.role = "spouse+debtor"
                self.co_spouse[d.pid] = sp
                self.debtor_court[sp.pid] = court
                if rng.random() < 0.5:
                    sp.old_phones = [self.new_phone()]
                n_deb += 1
        self.person_debtors = [p for p in self.people if p.debtor]
        # absent debtors
        for d in self.person_debtors:
            d.absent = rng.random() < 0.135
        # roster phone scenario
        for d in self.person_debtors:
            d.roster_scn = rng.choices(["empty", "stale", "current", "mix"], [0.1, 0.42, 0.3, 0.18])[0]
            if d.roster_scn in ("stale", "mix") and not d.old_phones:
                d.old_phones = [self.new_phone()]
        # namesakes: same name, same city, not related
        for d in self.person_debtors:
            if rng.random() < 0.22:
                hd = self.pick_city_dist(self.hhs[d.hid].home.d.city)
                g = d.gender if rng.random() < 0.85 else ("F" if d.gender == "M" else "M")
                ns = self.new_person(g, self.birth(20, 70), "namesake", hd, clone=d)
                ns.namesake_of = d.pid
                mem = [ns]
                if rng.random() < 0.5:
                    mem.append(self.new_person("F" if g == "M" else "M", ns.birth + TD(days=rng.randint(-1500, 1500)),
                                               "other", hd))
                hh = self.new_household(mem, hd)
                for m in mem:
                    self.setup_person_life(m, hh)
        # recycled numbers: a debtor's old phone is someone else's current phone
        for d in self.person_debtors:
            if d.old_phones and d.roster_scn in ("stale", "mix") and rng.random() < 0.18:
                hd = self.pick_city_dist(self.hhs[d.hid].home.d.city) if rng.random() < 0.6 else self.random_live_dist()
                x = self.new_person(rng.choice("MF"), self.birth(19, 60), "recycled", hd)
                self.phones_used.discard(x.phones[0])
                x.phones = [d.old_phones[0]]
                x.recycled_from = d.pid
                hh = self.new_household([x], hd)
                self.setup_person_life(x, hh)
        # ordinary non-debtors, many of them neighbours of debtors
        target_nd = int(6.5 * self.N)
        deb_hhs = [self.hhs[d.hid] for d in self.person_debtors]
        n_nd = sum(1 for p in self.people if not p.debtor)
        while n_nd < target_nd:
            size = rng.choices([1, 2, 3], [0.35, 0.4, 0.25])[0]
            home = None
            if rng.random() < 0.25:
                nb = rng.choice(deb_hhs).home
                hd = nb.d
                home = self.new_flat(hd, nb.parent) if nb.kind == "flat" else self.new_house(hd, nb.parent)
            else:
                hd = self.random_live_dist()
            g = rng.choice("MF")
            a = self.new_person(g, self.birth(20, 75), "other", hd)
            mem = [a]
            if size >= 2:
                mem.append(self.new_person("F" if g == "M" else "M", a.birth + TD(days=rng.randint(-1500, 1500)),
                                           "other", hd))
            if size >= 3 and self.age(a) > 44:
                father = a if g == "M" else mem[1]
                c = self.new_person(rng.choice("MF"), a.birth + TD(days=rng.randint(23 * 365, 30 * 365)), "other", hd)
                c.surname = father.surname
                c.name = c.surname[0] + "".join(x[0] for x in c.given)
                mem.append(c)
            hh = self.new_household(mem, hd, home)
            for m in mem:
                self.setup_person_life(m, hh)
            n_nd += len(mem)
        # platform presence
        for p in self.people:
            if p.absent:
                continue
            a = self.age(p)
            old = a > 60
            p.accounts = []
            if rng.random() < (0.35 if old else 0.62):
                p.accounts.append("tmall")
            if rng.random() < (0.35 if old else 0.5):
                p.accounts.append("pdd")
            p.weibo = rng.random() < (0.15 if old else 0.45)
            p.jd = rng.random() < (0.2 if old else 0.4)
        # debtors ordering through a spouse's account
        for d in self.person_debtors:
            if d.absent:
                continue
            hh = self.hhs[d.hid]
            sps = [m for m in hh.members if m.role.startswith("spouse") and m is not d and not m.absent]
            if sps and rng.random() < 0.28:
                sp = sps[0]
                d.uses_spouse = True
                sp.agent_for = d
                if rng.random() < 0.6:
                    d.no_own_ec = True
                    d.accounts = []
                if not sp.accounts:
                    sp.accounts = [rng.choice(["tmall", "pdd"])]
        # violators
        for d in self.person_debtors:
            if not d.absent and (d.accounts or d.uses_spouse) and rng.random() < 0.16:
                d.violator = True
        self._make_cases(debtors, n_org)

    def _case_no(self, court, filing: dt.date, resumed: bool) -> str:
        k = (court[1], filing.year, resumed)
        self._case_seq[k] = self._case_seq.get(k, self.rng.randint(50, 400)) + self.rng.randint(1, 9)
        return f"({filing.year}){court[1]}执{'恢' if resumed else ''}{self._case_seq[k]}号"

    def _new_case(self, court, party, concluded=None) -> Case:
        rng = self.rng
        c = Case()
        if concluded is None:
            concluded = rng.random() < 0.15
        if concluded:
            c.status = "执行完毕"
            c.filing = dt.date(2019, 1, 1) + TD(days=rng.randint(0, (dt.date(2025, 6, 1) - dt.date(2019, 1, 1)).days))
            c.restrict = "是" if rng.random() < 0.3 else "否"
        else:
            c.status = "执行中" if rng.random() < 0.55 else "终本"
            lo = dt.date(2020, 1, 1)
            hi = self.asof - TD(days=10)
            c.filing = lo + TD(days=int((hi - lo).days * (rng.random() ** 0.7)))
            c.restrict = "是" if rng.random() < 0.85 else "否"
        resumed = c.status != "执行完毕" and rng.random() < 0.12
        c.no = self._case_no(court, c.filing, resumed)
        c.court = court
        c.judge = rng.choice(self.judges[court[0]])
        c.dishonest = "是" if rng.random() < 0.42 else "否"
        c.amount = round(math.exp(rng.uniform(math.log(2000), math.log(3_000_000))), rng.choice([0, 2, 2]))
        c.parties = [party]
        self.cases.append(c)
        return c

    def _make_cases(self, debtors, n_org):
        rng = self.rng
        self._case_seq = {}
        for d in debtors:
            court = self.debtor_court[d.pid]
            k = rng.choices([1, 2, 3], [0.75, 0.18, 0.07])[0]
            for i in range(k):
                ct = court if (i == 0 or rng.random() < 0.7) else rng.choice(R.COURTS)
                c = self._new_case(ct, ("p", d.pid))
                d.cases.append(c)
            if d.pid in self.co_spouse:
                sp = self.co_spouse[d.pid]
                c = d.cases[0]
                c.parties.append(("p", sp.pid))
                sp.cases.append(c)
        # make sure violators have an open restricted case most of the time
        for d in self.person_debtors:
            if d.violator and not any(c.status != "执行完毕" and c.restrict == "是" for c in d.cases) and rng.random() < 0.7:
                c = d.cases[0]
                c.status, c.restrict = "执行中", "是"
                if c.filing < dt.date(2020, 1, 1):
                    c.filing = dt.date(2023, 3, 1) + TD(days=rng.randint(0, 600))
        # organisations
        for _ in range(n_org):
            court = rng.choice(R.COURTS)
            d = self.pick_city_dist(court[3], court[4])
            o = Org()
            o.oid = len(self.orgs)
            o.name = d.city_s + rng.choice(R.CO_WORD) + rng.choice(R.CO_ORG) + "有限公司"
            o.uscc = self.new_uscc(d.code)
            o.phones = [self.landline(d)] if rng.random() < 0.8 else []
            if rng.random() < 0.3:
                o.phones.append(self.new_phone())
            w = self.new_work(d)
            o.address = w.canon
            o.cases = []
            for _ in range(rng.choices([1, 2], [0.7, 0.3])[0]):
                c = self._new_case(court, ("o", o.oid))
                o.cases.append(c)
                if rng.random() < 0.25:   # the boss is a co-debtor (guarantor)
                    boss = rng.choice(self.person_debtors)
                    if c not in boss.cases:
                        c.parties.append(("p", boss.pid))
                        boss.cases.append(c)
            self.orgs.append(o)

    # ------------------------------------------------------------------ text variants
    def pinyin(self, p: Person) -> str:
        rng = self.rng
        sn = p.surname[1]
        gv = "".join(g[1] for g in p.given)
        st = rng.randrange(6)
        if st == 0:
            return f"{sn.capitalize()} {gv.capitalize()}"
        if st == 1:
            return sn + gv
        if st == 2:
            return f"{sn.upper()} {gv.upper()}"
        if st == 3:
            return f"{gv.capitalize()} {sn.capitalize()}"
        if st == 4:
            return f"{sn} {gv}"
        return (sn + gv).capitalize()

    def nickname(self, p: Person) -> str:
        rng = self.rng
        last = p.given[-1][0]
        s = p.surname[0]
        opts = ["小" + last, "阿" + last, last + last, "老" + s, s + "老板", last + "宝"]
        opts.append(s + ("哥" if p.gender == "M" else "姐"))
        if rng.random() < 0.15:
            return rng.choice(R.LATIN_NICKS)
        if rng.random() < 0.1:
            return rng.choice(["宝宝", "亲爱的", "老公" if p.gender == "M" else "老婆", "收件人"])
        return rng.choice(opts)

    def trad(self, name: str) -> str:
        return "".join(R.TRAD.get(ch, ch) for ch in name)

    def typed_name(self, fp: Person, owner: Person, hh: HH, restricted=False):
        """Recipient name as a buyer types it -> (text, pid of the person the text names or None)."""
        rng = self.rng
        honor = fp.surname[0] + ("先生" if fp.gender == "M" else "女士")
        if restricted:
            return (fp.name, fp.pid) if rng.random() < 0.85 else (honor, fp.pid)
        if fp is not owner:
            r = rng.random()
            return (fp.name if r < 0.85 else honor if r < 0.95 else self.nickname(fp)), fp.pid
        r = rng.random()
        if r < 0.60:
            return fp.name, fp.pid
        if r < 0.69:
            return honor, fp.pid
        if r < 0.73:
            return fp.surname[0] + "**", fp.pid
        if r < 0.80:
            return self.nickname(fp), fp.pid
        if r < 0.85:
            return self.pinyin(fp), fp.pid
        if r < 0.89:
            t = self.trad(fp.name)
            return t, fp.pid
        if r < 0.95:
            fam = [m for m in hh.members if m is not fp and not m.absent]
            if fam:
                m = rng.choice(fam)
                return m.name, m.pid
            return fp.name, fp.pid
        s, gv = self.new_name(fp.gender)   # made-up name
        return s[0] + "".join(g[0] for g in gv), None

    def fmt_phone(self, p: str, plat: str) -> str:
        rng = self.rng
        mask_p = {"tmall": 0.05, "pdd": 0.3, "jd": 0.0, "yto": 0.0}.get(plat, 0.1)
        r = rng.random()
        if r < mask_p:
            return mask_phone(p)
        r = rng.random()
        if r < 0.62:
            return p
        if r < 0.70:
            return rng.choice(["+86", "+86 ", "+86-"]) + p
        if r < 0.80:
            return f"{p[:3]} {p[3:7]} {p[7:]}"
        if r < 0.90:
            return f"{p[:3]}-{p[3:7]}-{p[7:]}"
        if r < 0.95:
            return "86" + p
        return f"+86 {p[:3]} {p[3:7]} {p[7:]}"

    def typed_phone(self, fp: Person, owner: Person, place: Place, plat: str, force_fp=False):
        rng = self.rng
        if place.landline and not force_fp and rng.random() < 0.12:
            return place.landline, None
        who = fp if (force_fp or fp is owner or rng.random() < 0.9) else owner
        ph = who.phones[0] if len(who.phones) == 1 or rng.random() < 0.7 else who.phones[1]
        return self.fmt_phone(ph, plat), who.pid

    def unit_text(self, b, u, r) -> str:
        rng = self.rng
        st = rng.choices(range(11), [30, 15, 14, 11, 10, 3, 5, 4, 3, 3, 2])[0]
        if st == 0:
            return f"{b}幢{u}单元{r}室"
        if st == 1:
            return f"{b}-{u}-{r}"
        if st == 2:
            return f"{b}号楼{u}单元{r}"
        if st == 3:
            return f"{b}栋{u}单元{r}室"
        if st == 4:
            return f"{b}幢{u}单元{r}"
        if st == 5:
            return f"{b}#{u}单元{r}"
        if st == 6:
            return f"{cn_num(b)}幢{cn_num(u)}单元{r}室"
        if st == 7:
            return f"{b}幢{u}单元{r}室".translate(FULLWIDTH)
        if st == 8:
            return f"{b}幢{r}室"
        if st == 9:
            return f"{b}栋{u}单元{r}号"
        return f"{b}号{u}单元{r}室"

    def prefix(self, d: Dist, allow_bare=True) -> str:
        rng = self.rng
        st = rng.choices(range(7), [25, 25, 8 if allow_bare else 0, 10, 12, 15, 5])[0]
        muni = d.prov == d.city
        if st == 0:
            return self.adm(d)
        if st == 1:
            return d.city + d.dist
        if st == 2:
            return d.dist
        if st == 3:
            return (d.city_s if muni else d.prov_s + d.city_s) + d.dist_s
        if st == 4:
            return d.city_s + d.dist_s
        if st == 5:
            return f"{d.prov_s} {d.city} {d.dist} "
        return self.adm(d) + rng.choice(d.streets)

    def junk(self) -> str:
        if self.rng.random() < 0.06:
            return self.rng.choice(["（放门口）", "（快递放门卫）", "，电话联系", " 送货上门", "（工作日白天家里没人）",
                                    "(放驿站就行)", "（到了打电话）"])
        return ""

    def render(self, p: Place) -> str:
        """The place as a person would type it into an address form."""
        rng = self.rng
        k = p.kind
        d = p.d
        if k == "flat":
            pre = self.prefix(d)
            road = f"{p.road}{p.no}号" if rng.random() < 0.62 else (p.road if rng.random() < 0.15 else "")
            est = p.estate
            if rng.random() < 0.08 and not est.endswith(("小区", "新村", "城")):
                est += "小区"
            sep = " " if rng.random() < 0.12 else ""
            return pre + road + sep + est + sep + self.unit_text(p.bld, p.unit, p.room) + self.junk()
        if k == "house":
            pre = self.prefix(d, allow_bare=False)
            town = p.town if rng.random() < 0.7 else ""
            no = f"{p.house}号"
            if rng.random() < 0.05:
                no = f"{p.house} 号"
            return pre + town + p.village + no + self.junk()
        if k == "locker":
            pre = self.prefix(d)
            if p.village:
                st = rng.randrange(3)
                if st == 0:
                    return pre + p.town + p.village + "菜鸟驿站"
                if st == 1:
                    return pre + p.village + "村口菜鸟驿站"
                return pre + p.village + "菜鸟驿站(小卖部)"
            road = f"{p.road}{p.no}号" if rng.random() < 0.5 else ""
            st = rng.randrange(5)
            if p.lk == "丰巢快递柜":
                if st == 0:
                    return pre + road + p.estate + "丰巢快递柜"
                if st == 1:
                    return pre + road + p.estate + p.gate + "丰巢快递柜"
                if st == 2:
                    return pre + p.estate + f"{p.bld}幢旁丰巢柜"
                if st == 3:
                    return pre + road + f"丰巢快递柜({p.estate}{p.gate})"
                return pre + p.estate + "丰巢智能柜"
            if st == 0:
                return pre + road + p.estate + "菜鸟驿站"
            if st == 1:
                return pre + road + f"菜鸟驿站({p.estate}店)"
            if st == 2:
                return pre + p.estate + p.gate + "菜鸟驿站"
            if st == 3:
                return pre + road + p.estate + "菜鸟驿站 取件"
            return pre + f"{p.estate}驿站"
        if k == "shop":
            pre = self.prefix(d)
            road = f"{p.road}{p.no}号" if rng.random() < 0.5 else ""
            st = rng.randrange(6)
            unit = [f"{p.floor}楼{p.shop}号", f"{p.floor}F-{p.shop}", f"{p.shop}号商铺", f"{p.floor}楼{p.shop}",
                    f"{cn_num(p.floor)}楼{p.shop}号", f"{p.floor}层{p.shop}号"][st]
            tail = f"（{p.shopname}）" if rng.random() < 0.2 else ""
            return pre + road + p.market + unit + tail
        if k == "office":
            pre = self.prefix(d)
            road = f"{p.road}{p.no}号" if rng.random() < 0.7 else ""
            st = rng.choices(range(6), [30, 25, 15, 10, 10, 10])[0]
            unit = [f"{p.floor}层{p.room}室", f"{p.floor}楼{p.room}", f"{p.room}室", f"{p.floor}F",
                    f"{p.floor}楼", f"{p.floor}F-{p.room}"][st]
            tail = " " + p.company if rng.random() < 0.3 else ""
            return pre + road + p.building + unit + tail
        if k == "factory":
            pre = self.prefix(d)
            st = rng.randrange(5)
            if st == 0:
                return pre + f"{p.road}{p.no}号{p.company}"
            if st == 1:
                return pre + f"{p.road}{p.no}号 {p.company}门卫室"
            if st == 2:
                return pre + f"{p.company}({p.road}{p.no}号)"
            if st == 3:
                return pre + f"{p.road}{p.no}号" + rng.choice(["", "厂区", "仓库"])
            return pre + f"工业区{p.road}{p.no}号{p.company.replace('有限公司', '')}"
        return p.canon

    # ------------------------------------------------------------------ time helpers
    def rand_ts(self, lo: dt.datetime, hi: dt.datetime) -> dt.datetime:
        span = (hi - lo).total_seconds()
        t = lo + TD(seconds=int(self.rng.random() * span))
        h = self.rng.choices(range(24), [1, 1, 0.5, 0.3, 0.2, 0.3, 1, 2, 3, 4, 5, 5, 6, 5, 4, 4, 4, 4, 5, 7, 8, 9, 8, 4])[0]
        t = t.replace(hour=h)
        if t >= hi:
            t = hi - TD(minutes=self.rng.randint(1, 600))
        return max(t, lo)

    def sign_time(self, t0: dt.datetime, place: Place, min_days=1):
        rng = self.rng
        day = (t0 + TD(days=rng.choice([min_days, min_days, 1 + min_days, 1 + min_days, 2 + min_days, 3]))).date()
        k = place.kind
        if k in ("office", "factory"):
            while day.weekday() >= 5:
                day += TD(days=1)
            h = rng.randint(9, 17)
        elif k == "shop":
            h = rng.randint(9, 17)
        elif k in ("flat", "house"):
            h = rng.randint(9, 20) if day.weekday() >= 5 else rng.choice([8, 11, 12, 13, 17, 18, 19, 20, 21])
        else:
            h = rng.randint(7, 22)
        t = dt.datetime(day.year, day.month, day.day, h, rng.randint(0, 59), rng.randint(0, 59))
        if t <= t0:
            t = t0 + TD(hours=rng.randint(20, 50))
        if t >= self.end:
            return None
        return t

    # ------------------------------------------------------------------ address books
    def make_book(self, o: Person, plat: str) -> list[Entry]:
        rng = self.rng
        hh = self.hhs[o.hid]
        w = PROFILE_W[o.profile]
        book: list[Entry] = []

        def add(fp: Person, place: Place, weight, vf=None, vt=None):
            e = Entry()
            e.for_p, e.place, e.w, e.vf, e.vt = fp, place, weight, vf, vt
            e.name, e.name_pid = self.typed_name(fp, o, hh)
            force = e.name_pid != fp.pid
            e.phone, e.phone_pid = self.typed_phone(fp, o, place, plat, force_fp=force)
            e.addr = self.render(place)
            book.append(e)

        add(o, hh.home, w[0], vf=hh.move)
        if rng.random() < 0.2:
            add(o, hh.home, w[0] * 0.4, vf=hh.move)   # a second saved spelling of the same home
        if hh.old_home is not None:
            add(o, hh.old_home, w[0], vt=hh.move)
        if o.work is not None:
            add(o, o.work, w[1])
        if hh.locker is not None:
            add(o, hh.locker, w[2], vf=hh.move)
        if rng.random() < 0.35:
            other = self.rng.choice(self.hhs).home
            add(o, other, w[3])
        for m in hh.members:
            if m is not o and not m.absent and rng.random() < 0.4:
                add(m, hh.home, 0.07, vf=hh.move)
                if m.work is not None and rng.random() < 0.25:
                    add(m, m.work, 0.04)
        if o.agent_for is not None and plat in ("tmall", "pdd"):
            dd = o.agent_for
            add(dd, hh.home, 0.9, vf=hh.move)
            if hh.old_home is not None:
                add(dd, hh.old_home, 0.9, vt=hh.move)
            if dd.work is not None:
                add(dd, dd.work, 0.5)
            if hh.locker is not None and rng.random() < 0.5:
                add(dd, hh.locker, 0.3, vf=hh.move)
        # never mention an absent person
        return [e for e in book if not e.for_p.absent and (e.name_pid is None or not self.people[e.name_pid].absent)]

    @staticmethod
    def valid(e: Entry, ts) -> bool:
        return (e.vf is None or ts >= e.vf) and (e.vt is None or ts < e.vt)

    def pick_entry(self, book, ts, pred=None):
        c = [e for e in book if self.valid(e, ts) and (pred is None or pred(e))]
        if not c:
            return None
        return self.rng.choices(c, [e.w for e in c])[0]

    # ------------------------------------------------------------------ records
    def rec(self, **kw) -> dict:
        r = dict(rid=len(self.records), source=None, platform=None, file=None, line=None, key=None,
                 account_pid=None, for_pid=None, name_pid=None, phone_pid=None, sender_pid=None,
                 place_id=None, place_kind=None, sender_place_id=None, ts=None, sign_ts=None,
                 delivered=False, category=None, restricted=False, dirt="", usable=True, dup_in="",
                 mirror_of=None)
        r.update(kw)
        self.records.append(r)
        return r

    def hh_size(self, p: Person) -> int:
        return len(self.hhs[p.hid].members)

    def sign_type(self, place: Place, fp: Person | None) -> str:
        rng = self.rng
        k = place.kind
        hs = self.hh_size(fp) if fp is not None else 1
        if k == "locker":
            return "快递柜" if place.lk == "丰巢快递柜" else "驿站代收"
        if k == "flat":
            r = rng.random()
            if r < 0.5:
                return "本人签收"
            if r < 0.72:
                return "家人代签" if hs > 1 else "本人签收"
            if r < 0.88:
                return "门卫代收"
            return "快递柜" if r < 0.96 else "驿站代收"
        if k == "house":
            r = rng.random()
            return "本人签收" if r < 0.65 else ("家人代签" if r < 0.95 and hs > 1 else "驿站代收")
        if k == "office":
            return "本人签收" if rng.random() < 0.55 else "门卫代收"
        return "本人签收" if rng.random() < 0.7 else "门卫代收"

    def carrier_name(self, typed: str, carrier: str) -> str:
        rng = self.rng
        if not is_cjk(typed) or len(typed) < 2:
            return typed
        if carrier == "yto":
            r = rng.random()
            return typed if r < 0.25 else mask_mid(typed) if r < 0.75 else mask_tail(typed)
        r = rng.random()
        return mask_mid(typed) if r < 0.45 else mask_tail(typed) if r < 0.8 else typed

    def carrier_phone(self, typed: str, carrier: str) -> str:
        rng = self.rng
        digits = "".join(ch for ch in typed if ch.isdigit())
        if len(digits) == 13 and digits.startswith("86"):
            digits = digits[2:]
        if "*" in typed or len(digits) != 11 or digits[0] != "1":
            return typed
        if carrier == "yto":
            if rng.random() < 0.25:
                return typed
            return digits if rng.random() < 0.4 else mask_phone(digits)
        return mask_phone(digits) if rng.random() < 0.85 else digits

    def merchant(self):
        rng = self.rng
        city, dist = rng.choice(R.SEND_CITIES)
        d = self.by_name[(city, dist)]
        name = rng.choice(R.CO_WORD) + rng.choice(R.MERCHANT_NAMES)
        ph = rng.choice([self.landline(d), "400-" + "%03d-%04d" % (rng.randrange(1000), rng.randrange(10000)),
                         rng.choice(MOBILE_PREFIX) + "%08d" % rng.randrange(10 ** 8)])
        addr = f"{self.adm(d)}{rng.choice(d.roads)}{rng.randint(1, 999)}号{rng.choice(['电商园', '仓储中心', '物流园'])}{rng.randint(1, 9)}号库"
        return name, ph, addr

    def add_waybill(self, carrier, sender, recv_typed, recv_phone, addr, place, fp, name_pid, phone_pid,
                    pickup, sign, sender_pid=None, sender_place=None, mirror_of=None):
        wb = self.key("YT", 13) if carrier == "yto" else self.key(self.rng.choice(["JD", "JDVA", "JDX"]), 12)
        row = {
            "waybill_no": wb, "sender_name": sender[0], "sender_phone": sender[1], "sender_address": sender[2],
            "receiver_name": self.carrier_name(recv_typed, carrier),
            "receiver_phone": self.carrier_phone(recv_phone, carrier),
            "receiver_address": addr, "pickup_time": pickup, "sign_time": sign,
            "sign_type": self.sign_type(place, fp) if sign is not None else None,
        }
        r = self.rec(source="logistics", platform=carrier, key=wb, for_pid=fp.pid if fp else None,
                     name_pid=name_pid, phone_pid=phone_pid, sender_pid=sender_pid,
                     place_id=place.id, place_kind=place.kind,
                     sender_place_id=sender_place.id if sender_place else None, ts=pickup, sign_ts=sign,
                     delivered=sign is not None, mirror_of=mirror_of)
        row["_rid"] = r["rid"]
        self.waybills[carrier].append(row)

    def ec_account(self, o: Person, plat: str) -> dict:
        rng = self.rng
        if plat == "tmall":
            bid = (self.key("tb", 10) if rng.random() < 0.6 else
                   self.key(self.pinyin(o).replace(" ", "").lower()[:12] + "_", 4))
            rn = o.name if rng.random() < 0.7 else mask_mid(o.name)
            r = rng.random()
            iid = o.idno if r < 0.5 else mask_id(o.idno, "A") if r < 0.8 else ""
            ph = o.phones[0]
            bp = ph if rng.random() < 0.6 else mask_phone(ph)
        else:
            bid = self.key("pdd", 11)
            r = rng.random()
            rn = mask_tail(o.name) if r < 0.45 else mask_mid(o.name) if r < 0.7 else o.name
            r = rng.random()
            iid = (mask_id(o.idno, "B") if r < 0.4 else mask_id(o.idno, "A") if r < 0.55 else
                   mask_id(o.idno, "C") if r < 0.6 else o.idno if r < 0.75 else "")
            ph = o.phones[0]
            bp = mask_phone(ph) if rng.random() < 0.6 else ph
        since = self.start - TD(days=rng.randint(0, 2000)) if rng.random() < 0.75 else \
            self.start + TD(days=rng.randint(0, 600))
        return {"plat": plat, "bid": bid, "rn": rn, "iid": iid, "bp": bp, "pid": o.pid, "since": since}

    def emit_order(self, acct, e: Entry, ts: dt.datetime, cat, planned=False):
        rng = self.rng
        plat = acct["plat"]
        name, name_pid, phone, phone_pid = e.name, e.name_pid, e.phone, e.phone_pid
        addr = e.addr
        restricted = cat[0] in R.RESTRICTED_NAMES
        if restricted:
            fp = e.for_p
            name, name_pid = self.typed_name(fp, self.people[acct["pid"]], self.hhs[fp.hid], restricted=True)
            phone, phone_pid = self.fmt_phone(fp.phones[0], plat), fp.pid
        elif rng.random() < 0.12:
            addr = self.render(e.place)
        virtual = cat[3]
        if virtual:
            sign = None
            if rng.random() < 0.5:
                addr = ""
        else:
            sign = None if rng.random() < 0.025 else self.sign_time(ts, e.place)
        amt = math.exp(rng.uniform(math.log(cat[1]), math.log(cat[2])))
        if plat == "tmall":
            oid = self.key(rng.choice("123"), 18)
            amount = f"{amt:.2f}" if rng.random() < 0.7 else (f"{round(amt)}" if amt > 50 else f"{amt:.1f}")
        else:
            oid = self.key(ts.strftime("%y%m%d") + "-", 15)
            amount = f"{amt:.2f}"
        row = {"订单编号": oid, "买家ID": acct["bid"], "实名姓名": acct["rn"], "实名证件号": acct["iid"],
               "绑定手机": acct["bp"], "收货人": name, "收货手机": phone, "收货地址": addr,
               "下单时间": ts.strftime("%Y/%m/%d %H:%M:%S"),
               "签收时间": sign.strftime("%Y/%m/%d %H:%M:%S") if sign else "",
               "实付金额": amount, "商品类目": cat[0]}
        r = self.rec(source="ecommerce", platform=plat, key=oid, account_pid=acct["pid"], for_pid=e.for_p.pid,
                     name_pid=name_pid, phone_pid=phone_pid, place_id=None if addr == "" else e.place.id,
                     place_kind=None if addr == "" else e.place.kind, ts=ts, sign_ts=sign,
                     delivered=sign is not None, category=cat[0], restricted=restricted)
        row["_rid"] = r["rid"]
        self.orders[plat].append(row)
        # the parcel as carried by a courier whose export we also receive
        if not virtual and rng.random() < 0.35:
            pickup = ts + TD(hours=rng.randint(3, 30), minutes=rng.randint(0, 59))
            if sign is not None and pickup >= sign:
                pickup = sign - TD(hours=rng.randint(6, 20))
            if pickup < self.end:
                waddr = addr if rng.random() < 0.8 else self.render(e.place)
                self.add_waybill("yto", self.merchant(), name, phone, waddr, e.place, e.for_p, name_pid, phone_pid,
                                 pickup, sign, mirror_of=f"{plat}:{oid}")

    # ------------------------------------------------------------------ generate platform data
    def gen_ecommerce(self):
        rng = self.rng
        for o in self.people:
            for plat in o.accounts:
                acct = self.ec_account(o, plat)
                book = self.make_book(o, plat)
                if not book:
                    continue
                lo = max(self.start, acct["since"])
                n = 1 + int(rng.expovariate(1 / (9 if plat == "tmall" else 7)))
                if o.agent_for is not None:
                    n += 4
                for _ in range(min(n, 70)):
                    ts = self.rand_ts(lo, self.end - TD(minutes=5))
                    e = self.pick_entry(book, ts)
                    if e is None:
                        continue
                    if rng.random() < 0.006 and not any(
                            c.filing == ts.date() for q in (o, e.for_p) for c in q.cases):
                        cat = rng.choice(R.RESTRICTED)
                    else:
                        cat = rng.choices(R.ORDINARY, R.ORD_W)[0]
                    self.emit_order(acct, e, ts, cat)
                # planned restricted purchases
                targets = []
                if o.violator and not o.no_own_ec:
                    targets.append(o)
                if o.agent_for is not None and o.agent_for.violator:
                    targets.append(o.agent_for)
                for t in targets:
                    if rng.random() < 0.35 and len(targets) == 1 and len(o.accounts) > 1 and plat == o.accounts[-1]:
                        continue
                    self._planned_restricted(acct, book, t)
                # spouses of debtors buying restricted things for themselves (not violations)
                if any(self.people[m.pid].debtor for m in self.hhs[o.hid].members if m is not o) and \
                        not o.debtor and rng.random() < 0.08:
                    ts = self.rand_ts(lo, self.end - TD(minutes=5))
                    e = self.pick_entry(book, ts, lambda x: x.for_p is o)
                    if e is not None:
                        self.emit_order(acct, e, ts, rng.choice(R.RESTRICTED))
                # namesakes of debtors: occasionally a restricted purchase (not a violation)
                if o.namesake_of is not None and rng.random() < 0.25:
                    ts = self.rand_ts(lo, self.end - TD(minutes=5))
                    e = self.pick_entry(book, ts, lambda x: x.for_p is o)
                    if e is not None:
                        self.emit_order(acct, e, ts, rng.choice(R.RESTRICTED))

    def _planned_restricted(self, acct, book, d: Person):
        rng = self.rng
        open_r = [c for c in d.cases if c.status != "执行完毕" and c.restrict == "是"]
        filings = {c.filing for c in d.cases}
        for _ in range(rng.choice([1, 1, 2, 3])):
            if open_r and rng.random() < 0.75:
                f = min(c.filing for c in open_r)
                lo = max(self.start, dt.datetime(f.year, f.month, f.day) + TD(days=1))
            else:
                lo = self.start
            if lo >= self.end - TD(days=1):
                lo = self.start
            ts = self.rand_ts(lo, self.end - TD(minutes=5))
            while ts.date() in filings:
                ts += TD(days=1)
            if ts >= self.end:
                continue
            e = self.pick_entry(book, ts, lambda x: x.for_p is d)
            if e is None:
                continue
            self.emit_order(acct, e, ts, rng.choice(R.RESTRICTED), planned=True)

    def gen_logistics(self):
        rng = self.rng
        present = [p for p in self.people if not p.absent]
        for o in self.people:
            if o.absent:
                continue
            # JD: parcels from JD's own shop, not in any e-commerce export we get
            if o.jd:
                book = self.make_book(o, "jd")
                for _ in range(1 + int(rng.expovariate(1 / 6))):
                    ts = self.rand_ts(self.start, self.end - TD(hours=2))
                    e = self.pick_entry(book, ts)
                    if e is None:
                        continue
                    wh, wc, wd = rng.choice(R.JD_WAREHOUSES)
                    d = self.by_name[(wc, wd)]
                    sender = ("京东商城" if rng.random() < 0.6 else wh,
                              "950616" if rng.random() < 0.5 else self.landline(d),
                              f"{self.adm(d)}{rng.choice(d.roads)}{rng.randint(1, 999)}号{wh}")
                    sign = self.sign_time(ts, e.place, min_days=0) if rng.random() > 0.02 else None
                    addr = e.addr if rng.random() < 0.85 else self.render(e.place)
                    self.add_waybill("jd", sender, e.name, e.phone, addr, e.place, e.for_p, e.name_pid,
                                     e.phone_pid, ts, sign)
            # relatives from the home county send local produce
            if o.region.prov != "浙江省" and o.region is not self.hhs[o.hid].home.d and rng.random() < 0.35:
                hh = self.hhs[o.hid]
                for _ in range(1 + int(rng.expovariate(1 / 2))):
                    ts = self.rand_ts(self.start, self.end - TD(hours=2))
                    place = hh.home if (hh.move is None or ts >= hh.move) else hh.old_home
                    rel_s, rel_g = self.new_name(rng.choice("MF"), surname=o.surname if rng.random() < 0.6 else None)
                    rel = rel_s[0] + "".join(g[0] for g in rel_g)
                    d = o.region
                    sender = (mask_mid(rel) if rng.random() < 0.5 else rel,
                              mask_phone(self.rng.choice(MOBILE_PREFIX) + "%08d" % rng.randrange(10 ** 8)),
                              f"{self.adm(d)}{rng.choice(d.towns) if d.towns else ''}"
                              f"{rng.choice(R.VILL_A)}{rng.choice(R.VILL_B)}村")
                    nm = o.name if rng.random() < 0.7 else self.nickname(o)
                    ph = self.fmt_phone(o.phones[0], "yto")
                    sign = self.sign_time(ts, place, min_days=1)
                    self.add_waybill("yto", sender, nm, ph, self.render(place), place, o, o.pid, o.pid, ts, sign)
            # market shop owners ship goods from their stall
            if o.work is not None and o.work.kind == "shop" and rng.random() < 0.75:
                w = o.work
                sname = o.name if rng.random() < 0.4 else (mask_mid(o.name) if rng.random() < 0.5 else w.shopname)
                for _ in range(2 + int(rng.expovariate(1 / 10))):
                    ts = self.rand_ts(self.start, self.end - TD(hours=2))
                    ts = ts.replace(hour=rng.randint(9, 18))
                    sph = (w.landline if w.landline and rng.random() < 0.4 else
                           (o.phones[0] if rng.random() < 0.5 else mask_phone(o.phones[0])))
                    sender = (sname, sph, self.render(w))
                    rc = rng.choice(present)
                    rhh = self.hhs[rc.hid]
                    place = rhh.home if (rhh.move is None or ts >= rhh.move) else rhh.old_home
                    if rc.work is not None and rng.random() < 0.3:
                        place = rc.work
                    sign = self.sign_time(ts, place, min_days=1)
                    self.add_waybill("yto", sender, rc.name, self.fmt_phone(rc.phones[0], "yto"), self.render(place),
                                     place, rc, rc.pid, rc.pid, ts, sign, sender_pid=o.pid, sender_place=w)

    def gen_social(self):
        rng = self.rng
        for o in self.people:
            if not o.weibo or o.absent:
                continue
            hh = self.hhs[o.hid]
            uid = self.key("wb_", rng.randint(5, 10))
            acc = {"uid": uid}
            city_s = hh.home.d.city_s
            last = o.given[-1][0]
            nick = rng.choice([f"海边的小{o.surname[0]}", f"{last}{last}_{rng.randint(10, 9999)}",
                               f"用户{rng.randint(10 ** 9, 10 ** 10 - 1)}", f"{city_s}吃货小{o.surname[0]}",
                               f"{self.pinyin(o).replace(' ', '')}{rng.randint(1, 99)}", f"{o.surname[0]}{last}爱生活",
                               f"{rng.choice(R.LATIN_NICKS)}_{city_s}"])
            acc["nickname"] = nick
            r = rng.random()
            if r < 0.3:
                acc["real_name"] = o.name
            elif r < 0.5:
                acc["real_name"] = mask_mid(o.name)
            elif r < 0.65:
                acc["real_name"] = mask_mou(o.name)
            elif r < 0.72:
                acc["real_name"] = "*" + o.name[1:] if len(o.name) > 2 else "*" + o.name[-1]
            elif r < 0.85:
                acc["real_name"] = None
            r = rng.random()
            if r < 0.15:
                acc["id_no"] = o.idno
            elif r < 0.5:
                acc["id_no"] = mask_id(o.idno, rng.choice("AAB"))
            elif r < 0.7:
                acc["id_no"] = None
            r = rng.random()
            ph = o.phones[0]
            if o.old_phones and rng.random() < 0.1:
                ph = o.old_phones[0]
            if r < 0.35:
                acc["phone"] = ph
            elif r < 0.8:
                acc["phone"] = mask_phone(ph)
            elif r < 0.9:
                acc["phone"] = None
            r = rng.random()
            hd = hh.home.d
            if r < 0.55:
                acc["profile_region"] = f"{hd.prov_s} {hd.city_s}"
            elif r < 0.72:
                acc["profile_region"] = f"{o.region.prov_s} {o.region.city_s}"
            elif r < 0.8:
                acc["profile_region"] = rng.choice(["其他", "海外 其他", "浙江"])
            elif r < 0.9:
                acc["profile_region"] = None
            utc = rng.random() < 0.06
            logins = []
            for _ in range(rng.randint(1, 25)):
                ts = self.rand_ts(self.end - TD(days=120), self.end - TD(minutes=1))
                cur = hh.home if (hh.move is None or ts >= hh.move) else hh.old_home
                d = cur.d
                if o.work is not None and ts.weekday() < 5 and 9 <= ts.hour <= 17 and rng.random() < 0.7:
                    d = o.work.d
                if rng.random() < 0.05:
                    d = rng.choice(self.dists[:50])
                ip = f"{rng.choice(d.ipp)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
                rr = rng.random()
                if rr < 0.15 and d.prov == "浙江省":
                    reg = "浙江省杭州市"   # mobile gateway shows the provincial capital
                elif rr < 0.8:
                    reg = d.prov + (d.city if d.prov != d.city else "")
                elif rr < 0.95:
                    reg = d.prov
                else:
                    reg = "中国"
                tss = ((ts - TD(hours=8)).strftime("%Y-%m-%dT%H:%M:%SZ") if utc else
                       ts.strftime("%Y-%m-%dT%H:%M:%S+08:00"))
                logins.append({"ts": tss, "ip": ip, "ip_region": reg})
            logins.sort(key=lambda x: x["ts"], reverse=True)
            if logins or rng.random() < 0.5:
                acc["logins"] = logins
            rec_acc = self.rec(source="social_account", platform="weibo", key=uid, account_pid=o.pid,
                               phone_pid=o.pid if acc.get("phone") else None, ts=None)
            posts = []
            n_posts = rng.choice([0, 0, 1, 2, 3, 4, 6, 8, 12])
            for i in range(n_posts):
                ts = self.rand_ts(self.start, self.end - TD(minutes=1))
                r = rng.random()
                cur = hh.home if (hh.move is None or ts >= hh.move) else hh.old_home
                if r < 0.4:
                    place = cur
                elif r < 0.65 and o.work is not None:
                    place = o.work
                    ts = ts.replace(hour=rng.randint(9, 17))
                else:
                    place = None
                if place is None:
                    lm = R.LANDMARKS.get(cur.d.city) if rng.random() < 0.75 else None
                    poi, addr = rng.choice(lm) if lm else rng.choice(R.TRAVEL)
                    pid_ = None
                    pk = "elsewhere"
                else:
                    poi, addr = self.post_place(place)
                    pid_, pk = place.id, place.kind
                posts.append({"ts": ts.strftime("%Y-%m-%dT%H:%M:%S+08:00"), "poi": poi, "address": addr})
                self.rec(source="social_post", platform="weibo", key=f"{uid}#{i}", account_pid=o.pid,
                         place_id=pid_, place_kind=pk, ts=ts)
            posts.sort(key=lambda x: x["ts"], reverse=True)
            if posts or rng.random() < 0.6:
                acc["geo_posts"] = posts
            if rng.random() < 0.05:
                acc["verified"] = rng.random() < 0.5
            acc["_rid"] = rec_acc["rid"]
            acc["_pid"] = o.pid
            self.accounts.append(acc)

    def post_place(self, p: Place):
        rng = self.rng
        d = p.d
        if p.kind in ("flat", "locker"):
            est = p.estate
            poi = rng.choice([d.dist + est, est, d.city_s + est])
            addr = rng.choice([f"{d.city}{d.dist}{p.road}{est}", f"{d.city}{d.dist}{p.road}{p.no}号{est}",
                               f"{d.dist}{est}"])
            return poi, addr
        if p.kind == "house":
            return p.village, f"{d.city}{d.dist}{p.town}{p.village}"
        if p.kind == "shop":
            return p.market, f"{d.city}{d.dist}{p.road}{p.no}号{p.market}"
        if p.kind == "office":
            return p.building, f"{d.city}{d.dist}{p.road}{p.no}号{p.building}"
        return p.company, f"{d.city}{d.dist}{p.road}{p.no}号"

    # ------------------------------------------------------------------ writing
    def debtor_pids(self):
        return {p.pid for p in self.people if p.debtor}

    def persons_of(self, r) -> set:
        return {x for x in (r["account_pid"], r["for_pid"], r["name_pid"], r["phone_pid"], r["sender_pid"])
                if x is not None}

    def clean_candidates(self, rows):
        dp = self._dp
        return [i for i, row in enumerate(rows) if not (self.persons_of(self.records[row["_rid"]]) & dp)]

    def write_all(self, out: str):
        self._dp = self.debtor_pids()
        inbox = os.path.join(out, "inbox")
        for sub in ("debtors", "ecommerce", "social", "logistics"):
            os.makedirs(os.path.join(inbox, sub), exist_ok=True)
        self.file_stats = {}
        self.write_roster(os.path.join(inbox, "debtors"))
        self.write_ecommerce(os.path.join(inbox, "ecommerce"))
        self.write_social(os.path.join(inbox, "social"))
        self.write_logistics(os.path.join(inbox, "logistics"))

    # --- roster
    def roster_phones(self, p: Person) -> str:
        rng = self.rng
        scn = p.roster_scn
        if scn == "empty":
            return ""
        if scn == "stale":
            ph = list(p.old_phones)
        elif scn == "current":
            ph = list(p.phones)
        else:
            ph = list(p.old_phones) + [rng.choice(p.phones)]
        rng.shuffle(ph)
        sep = rng.choice([";", "；", "、", ",", ";", "；", "、", ",", "; ", ", "])
        return sep.join(ph)

    def write_roster(self, folder):
        rng = self.rng
        by_court = defaultdict(list)
        for c in self.cases:
            for kind, ref in c.parties:
                by_court[c.court[0]].append((c, kind, ref))
        files = {}
        for ci, court in enumerate(R.COURTS):
            rows = []
            lower_x = ci == 1
            for c, kind, ref in sorted(by_court[court[0]], key=lambda x: (x[0].filing, x[0].no)):
                if kind == "p":
                    p = self.people[ref]
                    idn = p.idno.lower() if lower_x and p.idno.endswith("X") and rng.random() < 0.6 else p.idno
                    name, typ, phones, addr = p.name, "居民身份证", self.roster_phones(p), p.hukou
                else:
                    o = self.orgs[ref]
                    idn, name, typ = o.uscc, o.name, "统一社会信用代码"
                    phones = rng.choice(["、", ";", ","]).join(o.phones)
                    addr = o.address
                amt = c.amount
                if rng.random() < 0.45:
                    amount = f"{amt:,.2f}"
                elif amt == int(amt) and rng.random() < 0.5:
                    amount = f"{int(amt)}"
                else:
                    amount = f"{amt:.2f}"
                rows.append({"案号": c.no, "执行法院": court[0], "承办人": c.judge, "被执行人": name, "证件类型": typ,
                             "证件号码": idn, "联系电话": phones, "户籍地址": addr, "执行标的": amount,
                             "立案日期": c.filing.isoformat(), "限制消费": c.restrict, "失信": c.dishonest,
                             "案件状态": c.status})
            cols = list(ROSTER_COLS)
            if ci == 2:  # this court's system exports in its own column order
                cols = ["案号", "被执行人", "证件类型", "证件号码", "案件状态", "立案日期", "执行标的", "限制消费", "失信",
                        "联系电话", "户籍地址", "执行法院", "承办人"]
            buf = io.StringIO()
            w = csv.writer(buf, lineterminator="\r\n" if ci != 1 else "\n")
            w.writerow(cols)
            for row in rows:
                w.writerow([row[c] for c in cols])
            if ci == 1 and rows:   # a re-exported duplicate row
                w.writerow([rows[len(rows) // 2][c] for c in cols])
            if ci == 2:
                buf.write(f"共计{len(rows)}条记录\r\n")
            fn = f"{court[2]}_debtors_{self.tag}.csv"
            enc = "utf-8-sig" if ci != 1 else "utf-8"
            with open(os.path.join(folder, fn), "w", encoding=enc, newline="") as f:
                f.write(buf.getvalue())
            files[fn] = len(rows)
            self.file_stats[f"debtors/{fn}"] = {"rows": len(rows), "good": len(rows),
                                                "note": "BOM" if enc == "utf-8-sig" else "no BOM, +1 duplicate row"}

    # --- e-commerce
    def _csv_text(self, cols, rows, quote_all, dirt: dict, truncate_last=False, rel=""):
        """Serialise rows; dirt maps row index -> list of dirt kinds. Returns text and line numbers."""
        parts = []
        one = io.StringIO()
        w = csv.writer(one, lineterminator="\r\n", quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)

        def emit(fields):
            one.seek(0)
            one.truncate(0)
            w.writerow(fields)
            chunk = one.getvalue()
            parts.append(chunk)
            return chunk

        emit(cols)
        line = 2
        ix = {c: i for i, c in enumerate(cols)}
        rng = self.rng
        for i, row in enumerate(rows):
            fields = [row[c] for c in cols]
            kinds = dirt.get(i, [])
            for k in kinds:
                if k == "missing_cols":
                    fields = fields[:-2]
                elif k == "extra_cols":
                    fields = fields + ["加急", "备注:尽快发货"]
                elif k == "bad_order_time":
                    fields[ix["下单时间"]] = rng.choice(["2026/13/45 25:61:00", "#VALUE!", "0000/00/00 00:00:00",
                                                      "2026年11月3日下午"])
                elif k == "bad_sign_time":
                    fields[ix["签收时间"]] = rng.choice(["2026/02/30 10:00:00", "N/A", "已签收"])
                elif k == "bad_amount":
                    fields[ix["实付金额"]] = rng.choice(["abc", "12.3.4", "¥-", "#N/A", "--"])
                elif k == "formula_name":
                    fields[ix["收货人"]] = rng.choice(['=HYPERLINK("http://example.cn/x","查看详情")', "@张三",
                                                     "-李四", "+王五", "=1+2"])
                elif k == "formula_addr":
                    fields[ix["收货地址"]] = rng.choice(['=HYPERLINK("http://example.cn/a")', "+" + fields[ix["收货地址"]],
                                                      "@" + fields[ix["收货地址"]], "-" + fields[ix["收货地址"]]])
                elif k == "long_string":
                    fields[ix["收货地址"]] = fields[ix["收货地址"]] + "（" + "请放门口谢谢" * 900 + "）"
                    fields[ix["收货人"]] = fields[ix["收货人"]] + "哈" * 300
                elif k == "control_chars":
                    c = rng.choice(["\x07", "\x1b[31m", "\x0b", "\x1f", "\x08", "\x01"])
                    a = fields[ix["收货地址"]]
                    fields[ix["收货地址"]] = a[: len(a) // 2] + c + a[len(a) // 2:]
                    fields[ix["收货人"]] = fields[ix["收货人"]] + "\x02"
                elif k == "embedded_newline":
                    a = fields[ix["收货地址"]]
                    fields[ix["收货地址"]] = a[: len(a) // 2] + "\r\n" + a[len(a) // 2:]
            chunk = emit(fields)
            rec = self.records[row["_rid"]]
            if rec["file"] is None:
                rec["file"], rec["line"] = rel, line
                if kinds:
                    rec["dirt"] = ",".join(kinds)
                    if set(kinds) & {"missing_cols", "extra_cols", "bad_order_time", "bad_sign_time", "bad_amount"}:
                        rec["usable"] = False
            line += chunk.count("\n")
        text = "".join(parts)
        if truncate_last and rows:
            # cut the last row in the middle, no line end
            last = text.rstrip("\r\n")
            cut = last.rfind("\n") + 1
            tail = last[cut:]
            text = last[:cut] + tail[: max(10, len(tail) // 2)]
            rec = self.records[rows[-1]["_rid"]]
            rec["dirt"] = (rec["dirt"] + ",truncated_last").strip(",")
            rec["usable"] = False
        return text

    def _assign_dirt(self, rows, spec: dict) -> dict:
        cand = self.clean_candidates(rows)
        self.rng.shuffle(cand)
        dirt = defaultdict(list)
        k = 0
        for kind, n in spec.items():
            for _ in range(n):
                if k < len(cand):
                    dirt[cand[k]].append(kind)
                    k += 1
        return dirt

    def write_ecommerce(self, folder):
        rng = self.rng
        tm = sorted(self.orders["tmall"], key=lambda r: r["下单时间"])
        pdd = sorted(self.orders["pdd"], key=lambda r: r["下单时间"])
        # move some non-debtor pdd rows into a wrongly-encoded file and a badly-named file
        cand = self.clean_candidates(pdd)
        rng.shuffle(cand)
        k = max(8, len(pdd) // 400)
        enc_ix, bad_ix = set(cand[:k]), set(cand[k:2 * k])
        pdd_enc = [r for i, r in enumerate(pdd) if i in enc_ix]
        pdd_bad = [r for i, r in enumerate(pdd) if i in bad_ix]
        pdd_main = [r for i, r in enumerate(pdd) if i not in enc_ix and i not in bad_ix]
        # make sure the last pdd row (to be truncated) is a non-debtor row
        for j in range(len(pdd_main) - 1, -1, -1):
            if not (self.persons_of(self.records[pdd_main[j]["_rid"]]) & self._dp):
                pdd_main.append(pdd_main.pop(j))
                break
        spec = {"missing_cols": 3, "extra_cols": 3, "bad_order_time": 3, "bad_sign_time": 2, "bad_amount": 3,
                "formula_name": 4, "formula_addr": 2, "long_string": 2, "control_chars": 3, "embedded_newline": 1}
        tm_dirt = self._assign_dirt(tm, spec)
        pdd_dirt = self._assign_dirt(pdd_main[:-1], {"missing_cols": 2, "extra_cols": 2, "bad_order_time": 2,
                                                     "bad_amount": 2, "formula_name": 3, "control_chars": 2,
                                                     "long_string": 1})
        outs = []
        fn = f"tmall_orders_{self.tag}.csv"
        txt = self._csv_text(EC_COLS, tm, True, tm_dirt, rel=f"ecommerce/{fn}")
        outs.append((fn, txt, "gb18030", len(tm)))
        # re-sent earlier tmall export: overlapping rows, identical text
        cutoff = (self.end - TD(days=7)).strftime("%Y/%m/%d")
        # an export taken a week ago can only hold what had already happened by then
        old = [r for i, r in enumerate(tm) if r["下单时间"] < cutoff and i not in tm_dirt
               and r["签收时间"] != "" and r["签收时间"] < cutoff]
        resent = sorted(rng.sample(old, min(len(old), 250)), key=lambda r: r["下单时间"])
        fn2 = f"tmall_orders_{(self.end - TD(days=7)).strftime('%Y%m%d')}.csv"
        for r in resent:
            self.records[r["_rid"]]["dup_in"] = f"ecommerce/{fn2}"
        outs.append((fn2, self._csv_text(EC_COLS, resent, True, {}, rel=f"ecommerce/{fn2}"), "gb18030", len(resent)))
        fn = f"pdd_orders_{self.tag}.csv"
        outs.append((fn, self._csv_text(PDD_COLS, pdd_main, False, pdd_dirt, truncate_last=True,
                                        rel=f"ecommerce/{fn}"), "gb18030", len(pdd_main)))
        fn = f"pdd_orders_{(self.end - TD(days=2)).strftime('%Y%m%d')}.csv"
        outs.append((fn, self._csv_text(PDD_COLS, pdd_enc, False, {}, rel=f"ecommerce/{fn}"), "utf-8", len(pdd_enc)))
        fn = f"拼多多订单补充导出{self.tag}.csv"
        outs.append((fn, self._csv_text(PDD_COLS, pdd_bad, False, {}, rel=f"ecommerce/{fn}"), "gb18030", len(pdd_bad)))
        for fn, txt, enc, n in outs:
            with open(os.path.join(folder, fn), "wb") as f:
                f.write(txt.encode(enc))
            self.file_stats[f"ecommerce/{fn}"] = {"rows": n, "encoding": enc}
        open(os.path.join(folder, f"pdd_orders_{(self.end - TD(days=1)).strftime('%Y%m%d')}.csv"), "wb").close()
        self.file_stats[f"ecommerce/pdd_orders_{(self.end - TD(days=1)).strftime('%Y%m%d')}.csv"] = {"rows": 0,
                                                                                                    "note": "empty file"}

    # --- social
    def write_social(self, folder):
        rng = self.rng
        accs = list(self.accounts)
        rng.shuffle(accs)
        cand = [i for i, a in enumerate(accs) if a["_pid"] not in self._dp]
        rng.shuffle(cand)
        # the last line is truncated: it must be a non-debtor account
        last = cand.pop()
        accs.append(accs.pop(last))
        cand = [i if i < last else i - 1 for i in cand]
        dirt = defaultdict(list)
        spec = {"formula_nick": 3, "control_nick": 3, "long_nick": 2, "bad_login_ts": 2}
        k = 0
        for kind, n in spec.items():
            for _ in range(n):
                dirt[cand[k]].append(kind)
                k += 1
        dup = set(rng.sample(range(len(accs) - 1), min(40, len(accs) - 1)))
        lines = []
        fn = f"weibo_accounts_{self.tag}.jsonl"
        rel = f"social/{fn}"
        later = []
        for i, a in enumerate(accs):
            obj = {k2: v for k2, v in a.items() if not k2.startswith("_")}
            for kd in dirt.get(i, []):
                if kd == "formula_nick":
                    obj["nickname"] = rng.choice(['=HYPERLINK("http://example.cn","点我")', "@全体成员", "+关注我", "-_-"])
                elif kd == "control_nick":
                    obj["nickname"] = obj["nickname"] + rng.choice(["\u0007", "\u001b[1m", "\u0000", "\u200b\u0008"])
                elif kd == "long_nick":
                    obj["nickname"] = "长" * 5000
                elif kd == "bad_login_ts" and obj.get("logins"):
                    obj["logins"][0]["ts"] = rng.choice(["2026-02-30T25:61:00+08:00", "昨天 21:33", ""])
            s = json.dumps(obj, ensure_ascii=False)
            rec = self.records[a["_rid"]]
            if dirt.get(i):
                rec["dirt"] = ",".join(dirt[i])
            lines.append((s, a["_rid"]))
            if i in dup:
                later.append(s)
            if i == len(accs) // 3:
                lines.append(('{"uid": "wb_1", "nickname": "导出中断", "real_name": ', None))
            if i == 2 * len(accs) // 3:
                lines.append(("---- page 2 ----", None))
        # duplicates appear again further down (re-sent pages)
        pos = len(lines) - 1
        for s in later:
            lines.insert(rng.randint(len(lines) // 2, pos), (s, None))
        out = []
        for ln, (s, rid) in enumerate(lines, start=1):
            if rid is not None:
                rec = self.records[rid]
                rec["file"], rec["line"] = rel, ln
                if s in later:
                    rec["dup_in"] = rel
            out.append(s)
        # truncated last line
        tail = out[-1]
        out[-1] = tail[: len(tail) // 2]
        rec = self.records[lines[-1][1]]
        rec["dirt"] = (rec["dirt"] + ",truncated_last").strip(",")
        rec["usable"] = False
        acc_pos = {self.records[a_["_rid"]]["key"]: self.records[a_["_rid"]] for a_ in accs}
        for r in self.records:
            if r["source"] == "social_post":
                ar = acc_pos[r["key"].split("#")[0]]
                r["file"], r["line"] = ar["file"], ar["line"]
                if r["key"].split("#")[0] == accs[-1]["uid"]:
                    r["usable"] = False
                    r["dirt"] = "truncated_last"
        with open(os.path.join(folder, fn), "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(out))
        self.file_stats[rel] = {"rows": len(out), "accounts": len(accs), "dup_lines": len(later), "bad_lines": 2}
        open(os.path.join(folder, f"weibo_accounts_{(self.end - TD(days=1)).strftime('%Y%m%d')}.jsonl"), "wb").close()
        self.file_stats[f"social/weibo_accounts_{(self.end - TD(days=1)).strftime('%Y%m%d')}.jsonl"] = {"rows": 0}

    # --- logistics
    def write_logistics(self, folder):
        rng = self.rng
        for carrier in ("yto", "jd"):
            rows = sorted(self.waybills[carrier], key=lambda r: r["pickup_time"])
            dirt = self._assign_dirt(rows, {"null_waybill_no": 2 if carrier == "jd" else 0, "sign_before_pickup": 2,
                                            "epoch_time": 1, "formula_name": 3, "control_chars": 2,
                                            "long_address": 2})
            fn = f"{carrier}_waybills_{self.tag}.parquet"
            rel = f"logistics/{fn}"
            cols = {c: [] for c in WB_COLS}
            for i, r in enumerate(rows):
                vals = dict(r)
                for kd in dirt.get(i, []):
                    if kd == "null_waybill_no":
                        vals["waybill_no"] = None
                    elif kd == "sign_before_pickup" and vals["sign_time"] is not None:
                        vals["sign_time"] = vals["pickup_time"] - TD(days=3)
                    elif kd == "epoch_time":
                        vals["pickup_time"] = dt.datetime(1970, 1, 1, 8, 0, 0)
                    elif kd == "formula_name":
                        vals["receiver_name"] = rng.choice(['=HYPERLINK("http://example.cn")', "@李", "+86张", "-王"])
                    elif kd == "control_chars":
                        vals["receiver_address"] = vals["receiver_address"] + "\x07\x1b"
                    elif kd == "long_address":
                        vals["receiver_address"] = vals["receiver_address"] + "#" * 6000
                for c in WB_COLS:
                    cols[c].append(vals[c])
                rec = self.records[r["_rid"]]
                rec["file"], rec["line"] = rel, i
                if dirt.get(i):
                    rec["dirt"] = ",".join(dirt[i])
                    if set(dirt[i]) & {"null_waybill_no", "sign_before_pickup", "epoch_time"}:
                        rec["usable"] = False
            arrays = {}
            for c in WB_COLS:
                if c in ("pickup_time", "sign_time"):
                    a = pa.array(cols[c], type=pa.timestamp("ms"))
                    if carrier == "jd":
                        a = pc.assume_timezone(a, "Asia/Shanghai")
                    arrays[c] = a
                else:
                    arrays[c] = pa.array(cols[c], type=pa.string())
            if carrier == "jd":
                arrays["weight_kg"] = pa.array([round(rng.uniform(0.1, 12), 2) for _ in rows], type=pa.float64())
                arrays["remark"] = pa.array([rng.choice(["", "", "易碎", "生鲜", "送货上门", None]) for _ in rows],
                                            type=pa.string())
            tbl = pa.table(arrays)
            pq.write_table(tbl, os.path.join(folder, fn))
            self.file_stats[rel] = {"rows": len(rows)}
            if carrier == "yto":
                # re-sent earlier export: duplicate rows, and that export lacks the sender_phone column
                cutoff = self.end - TD(days=7)
                idx = [i for i, r in enumerate(rows) if r["pickup_time"] < cutoff and i not in dirt
                       and r["sign_time"] is not None and r["sign_time"] < cutoff]
                pick = sorted(rng.sample(idx, min(300, len(idx))))
                sub = tbl.take(pa.array(pick)).drop_columns(["sender_phone"])
                fn2 = f"yto_waybills_{cutoff.strftime('%Y%m%d')}.parquet"
                pq.write_table(sub, os.path.join(folder, fn2))
                for i in pick:
                    self.records[rows[i]["_rid"]]["dup_in"] = f"logistics/{fn2}"
                self.file_stats[f"logistics/{fn2}"] = {"rows": len(pick), "note": "duplicates, no sender_phone"}

    # ------------------------------------------------------------------ truth
    def write_truth(self, out: str):
        tdir = os.path.join(out, "truth")
        os.makedirs(tdir, exist_ok=True)
        people = self.people
        usable = [r for r in self.records if r["usable"] and r["file"] is not None]
        traces = defaultdict(list)
        for r in usable:
            for p in self.persons_of(r):
                traces[p].append(r)
        drows = []
        for p in people:
            if not p.debtor:
                continue
            hh = self.hhs[p.hid]
            tr = traces.get(p.pid, [])
            recv = [r for r in tr if p.pid in {r["account_pid"], r["for_pid"], r["name_pid"], r["phone_pid"]}]
            home_del = any(r["place_id"] == hh.home.id and r["delivered"] for r in recv)
            n_work = 0
            if p.work is not None:
                keys = set()
                for r in tr:
                    if (p.pid in {r["account_pid"], r["for_pid"], r["name_pid"], r["phone_pid"]} and
                            r["place_id"] == p.work.id) or (r["sender_pid"] == p.pid and r["sender_place_id"] == p.work.id):
                        keys.add((r["platform"], r["key"]))
                n_work = len(keys)
            drows.append({"id_number": p.idno, "name": p.name, "kind": "person",
                          "open": any(c.status != "执行完毕" for c in p.cases),
                          "on_platforms": bool(tr), "absent": not tr, "has_home_delivery": home_del,
                          "home_address": hh.home.canon, "work_address": p.work.canon if p.work else None,
                          "n_work": n_work, "current_phones": list(p.phones)})
            assert not (p.absent and tr), p.pid
        for o in self.orgs:
            drows.append({"id_number": o.uscc, "name": o.name, "kind": "org",
                          "open": any(c.status != "执行完毕" for c in o.cases), "on_platforms": False,
                          "absent": False, "has_home_delivery": False, "home_address": None, "work_address": None,
                          "n_work": 0, "current_phones": []})
        schema = pa.schema([("id_number", pa.string()), ("name", pa.string()), ("kind", pa.string()),
                            ("open", pa.bool_()), ("on_platforms", pa.bool_()), ("absent", pa.bool_()),
                            ("has_home_delivery", pa.bool_()), ("home_address", pa.string()),
                            ("work_address", pa.string()), ("n_work", pa.int64()),
                            ("current_phones", pa.list_(pa.string()))])
        pq.write_table(pa.Table.from_pylist(drows, schema=schema), os.path.join(tdir, "debtors.parquet"))
        # violations
        vrows = []
        seen = set()
        for r in usable:
            if r["source"] != "ecommerce" or not r["restricted"]:
                continue
            od = r["ts"].date()
            for pid in {r["account_pid"], r["for_pid"]}:
                p = people[pid]
                if not p.debtor:
                    continue
                for c in p.cases:
                    if c.status != "执行完毕" and c.restrict == "是" and od > c.filing:
                        k = (p.idno, c.no, r["platform"], r["key"])
                        if k not in seen:
                            seen.add(k)
                            vrows.append(dict(zip(("id_number", "case_no", "platform", "order_id"), k)))
        vs = pa.schema([("id_number", pa.string()), ("case_no", pa.string()), ("platform", pa.string()),
                        ("order_id", pa.string())])
        pq.write_table(pa.Table.from_pylist(vrows, schema=vs), os.path.join(tdir, "violations.parquet"))
        # people
        prow = []
        for p in people:
            hh = self.hhs[p.hid]
            prow.append({"pid": p.pid, "name": p.name, "gender": p.gender, "id_number": p.idno,
                         "birth": p.birth, "role": p.role, "is_debtor": p.debtor, "absent_by_design": p.absent,
                         "household": p.hid, "household_size": len(hh.members),
                         "namesake_of": people[p.namesake_of].idno if p.namesake_of is not None else None,
                         "recycled_from": people[p.recycled_from].idno if p.recycled_from is not None else None,
                         "phones": list(p.phones), "old_phones": list(p.old_phones),
                         "roster_phone_scenario": p.roster_scn,
                         "hukou_address": p.hukou,
                         "home_place": hh.home.id, "home_address": hh.home.canon,
                         "old_home_place": hh.old_home.id if hh.old_home else None,
                         "old_home_address": hh.old_home.canon if hh.old_home else None,
                         "moved_at": hh.move,
                         "work_place": p.work.id if p.work else None, "work_kind": p.work.kind if p.work else None,
                         "work_address": p.work.canon if p.work else None,
                         "locker_place": hh.locker.id if hh.locker else None,
                         "locker_address": hh.locker.canon if hh.locker else None,
                         "delivery_profile": p.profile, "ec_accounts": list(p.accounts), "weibo": p.weibo,
                         "jd": p.jd, "uses_spouse_account": p.uses_spouse,
                         "orders_for": people[p.agent_for.pid].idno if p.agent_for else None,
                         "violator_by_design": p.violator,
                         "cases": [c.no for c in p.cases], "n_traces": len(traces.get(p.pid, []))})
        pq.write_table(pa.Table.from_pylist(prow), os.path.join(tdir, "people.parquet"))
        # places
        plrows = [{"place_id": p.id, "kind": p.kind, "canonical": p.canon, "province": p.d.prov, "city": p.d.city,
                   "district": p.d.dist} for p in self.places]
        pq.write_table(pa.Table.from_pylist(plrows), os.path.join(tdir, "places.parquet"))
        # cases (roster rows)
        crow = []
        for c in self.cases:
            for kind, ref in c.parties:
                idn = self.people[ref].idno if kind == "p" else self.orgs[ref].uscc
                crow.append({"case_no": c.no, "court": c.court[0], "judge": c.judge, "id_number": idn,
                             "kind": "person" if kind == "p" else "org", "filing_date": c.filing,
                             "status": c.status, "restrict": c.restrict == "是", "dishonest": c.dishonest == "是",
                             "amount": float(c.amount)})
        pq.write_table(pa.Table.from_pylist(crow), os.path.join(tdir, "cases.parquet"))
        # records
        recs = []
        idn = [p.idno for p in people]
        for r in self.records:
            ps = sorted(self.persons_of(r))
            recs.append({
                "rid": r["rid"], "source": r["source"], "platform": r["platform"], "file": r["file"],
                "line": r["line"], "key": r["key"],
                "account_id_number": idn[r["account_pid"]] if r["account_pid"] is not None else None,
                "for_id_number": idn[r["for_pid"]] if r["for_pid"] is not None else None,
                "name_id_number": idn[r["name_pid"]] if r["name_pid"] is not None else None,
                "phone_id_number": idn[r["phone_pid"]] if r["phone_pid"] is not None else None,
                "sender_id_number": idn[r["sender_pid"]] if r["sender_pid"] is not None else None,
                "person_ids": [idn[x] for x in ps],
                "debtor_ids": [idn[x] for x in ps if people[x].debtor],
                "place_id": r["place_id"], "place_kind": r["place_kind"], "sender_place_id": r["sender_place_id"],
                "ts": r["ts"], "sign_ts": r["sign_ts"], "delivered": r["delivered"], "category": r["category"],
                "restricted": r["restricted"], "dirt": r["dirt"], "usable": r["usable"], "dup_in": r["dup_in"],
                "mirror_of": r["mirror_of"]})
        pq.write_table(pa.Table.from_pylist(recs), os.path.join(tdir, "records.parquet"))
        with open(os.path.join(tdir, "files.json"), "w", encoding="utf-8") as f:
            json.dump(self.file_stats, f, ensure_ascii=False, indent=1)
        return drows, vrows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--debtors", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--as-of", default="2026-11-27")
    a = ap.parse_args(argv)
    t0 = time.time()
    as_of = dt.date.fromisoformat(a.as_of)
    w = World(a.debtors, a.seed, as_of)
    w.build()
    w.gen_ecommerce()
    w.gen_logistics()
    w.gen_social()
    for sub in ("inbox", "truth"):
        shutil.rmtree(os.path.join(a.out, sub), ignore_errors=True)
    w.write_all(a.out)
    drows, vrows = w.write_truth(a.out)
    n_p = sum(1 for r in drows if r["kind"] == "person")
    print(f"people={len(w.people)} debtors={len(drows)} (persons {n_p}, orgs {len(drows) - n_p}) "
          f"absent={sum(r['absent'] for r in drows)} home_delivery={sum(r['has_home_delivery'] for r in drows)} "
          f"violations={len(vrows)} records={len(w.records)} in {time.time() - t0:.1f}s")
    for k, v in w.file_stats.items():
        print(f"  {k}: {v}")


if __name__ == "__main__":
    main()
