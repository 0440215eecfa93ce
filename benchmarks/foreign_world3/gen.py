#!/usr/bin/env python3
"""foreign3: an independent synthetic world for the debtor-location pipeline.

    gen.py --out DIR --seed N --debtors K

Writes DIR/inbox/{debtors,ecommerce,social,logistics}/ in the formats of
shared/specs/inputs.md and DIR/truth/.  Output depends only on the seed.
"""
import argparse, csv, datetime as dt, io, json, os, random, shutil, sys
from collections import defaultdict

import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from worlddata import *  # noqa

AS_OF = dt.date(2026, 11, 27)
W0 = dt.datetime(2026, 5, 1)
W1 = dt.datetime(2026, 11, 26, 22, 0)
SPAN = (W1 - W0).total_seconds()
EC_COLS = ["订单编号", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人", "收货手机", "收货地址",
           "下单时间", "签收时间", "实付金额", "商品类目"]
RO_COLS = ["案号", "执行法院", "承办人", "被执行人", "证件类型", "证件号码", "联系电话", "户籍地址", "执行标的",
           "立案日期", "限制消费", "失信", "案件状态"]
WB_COLS = ["waybill_no", "sender_name", "sender_phone", "sender_address", "receiver_name", "receiver_phone",
           "receiver_address", "pickup_time", "sign_time", "sign_type"]
FWT = str.maketrans("0123456789-", "０１２３４５６７８９－")
CN = "零一二三四五六七八九"


def fw(s):
    return s.translate(FWT)


def cn_num(n):
    if n < 10:
        return CN[n]
    if n < 20:
        return "十" + (CN[n % 10] if n % 10 else "")
    return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")


def cn_digits(s):
    return "".join(CN[int(c)] if c.isdigit() else c for c in s)


# ---------------------------------------------------------------- geography
DISTRICTS, CITY_DISTS = [], defaultdict(list)
for prov, pshort, abbr, munic, cities in GEO:
    for city, cshort, area, dists in cities:
        for dname, code, dshort, kind in dists:
            g = dict(prov=prov, pshort=pshort, abbr=abbr, munic=munic, city=city, cshort=cshort, area=area,
                     dist=dname, code=code, dshort=dshort, kind=kind)
            DISTRICTS.append(g)
            CITY_DISTS[city].append(g)
DIST_NAME_COUNT = defaultdict(int)
for g in DISTRICTS:
    DIST_NAME_COUNT[g["dist"]] += 1
CITIES = list(CITY_DISTS)
CITY_W = [CITY_WEIGHT[c] for c in CITIES]
BY_CODE = {g["code"]: g for g in DISTRICTS}


def gprefix(g):
    return g["prov"] + g["dist"] if g["munic"] else g["prov"] + g["city"] + g["dist"]


def canon(a):
    if a is None:
        return None
    g, t = a["g"], a["t"]
    p = gprefix(g)
    if t == "res":
        return f"{p}{a['road']}{a['no']}号{a['xq']}{a['b']}幢{a['u']}单元{a['r']}室"
    if t == "vil":
        return f"{p}{a['town']}{a['vil']}{a['zu']}组{a['hao']}号"
    if t == "office":
        return f"{p}{a['road']}{a['no']}号{a['tower']}{a['room']}室"
    if t == "shop":
        return f"{p}{a['road']}{a['no']}号"
    if t in ("locker", "station", "gate"):
        return p + a["where"] + a["brand"]
    if t == "other":
        return p + a["text"]
    raise ValueError(t)


# ---------------------------------------------------------------- id numbers
IDW = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_check(s17):
    return "10X98765432"[sum(int(c) * w for c, w in zip(s17, IDW)) % 11]


CCS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CCW = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(rng, code6, head):
    body = "".join(rng.choice("0123456789") for _ in range(8))
    s = sum(int(c) * w for c, w in zip(body, [3, 7, 9, 10, 5, 8, 4, 2]))
    c9 = 11 - s % 11
    c9 = "X" if c9 == 10 else ("0" if c9 == 11 else str(c9))
    s17 = head + code6 + body + c9
    return s17 + CCS[(31 - sum(CCS.index(c) * w for c, w in zip(s17, CCW)) % 31) % 31]


MOBILE_PREFIX = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153",
                 "155", "156", "157", "158", "159", "166", "173", "175", "176", "177", "178", "180", "181",
                 "182", "183", "185", "186", "187", "188", "189", "191", "193", "195", "198", "199"]


class World:
    def __init__(self, seed, k):
        self.rng = random.Random(seed)
        self.k = k
        self.P = []            # persons and organisations
        self.ids = set()
        self.mobiles = set()
        self.landlines = set()
        self.used_doors = set()
        self.xq_by_dist = defaultdict(list)
        self.towers_by_dist = defaultdict(list)
        self.vil_by_dist = defaultdict(list)
        self.workplaces = []
        self.records = []
        self.cases = []
        self.acct_seq = defaultdict(int)

    # ------------------------------------------------------------ basics
    def pick_city(self):
        return self.rng.choices(CITIES, CITY_W)[0]

    def pick_dist(self, city, rural=False):
        ds = CITY_DISTS[city]
        if rural:
            ds2 = [g for g in ds if g["kind"] in ("xian", "shi", "zzx")]
            if ds2:
                return self.rng.choice(ds2)
        return self.rng.choice([g for g in ds if g["kind"] == "qu"] or ds)

    def new_mobile(self):
        r = self.rng
        while True:
            n = r.choice(MOBILE_PREFIX) + "".join(r.choice("0123456789") for _ in range(8))
            if n not in self.mobiles:
                self.mobiles.add(n)
                return n

    def new_landline(self, g):
        r = self.rng
        while True:
            n = r.choice("2345678") + "".join(r.choice("0123456789") for _ in range(7))
            key = g["area"] + n
            if key not in self.landlines:
                self.landlines.add(key)
                return (g["area"], n)

    def new_id(self, code6, birth, gender):
        r = self.rng
        while True:
            seq = r.randint(0, 99) * 10 + (r.choice([1, 3, 5, 7, 9]) if gender == "M" else r.choice([0, 2, 4, 6, 8]))
            s17 = f"{code6}{birth:%Y%m%d}{seq:03d}"
            s = s17 + id_check(s17)
            if s not in self.ids:
                self.ids.add(s)
                return s

    def road(self):
        return self.rng.choice(ROADS_A) + self.rng.choice(ROADS_B)

    def xiaoqu(self, g):
        lst = self.xq_by_dist[g["code"]]
        if lst and self.rng.random() < 0.45:
            return self.rng.choice(lst)
        r = self.rng
        name = r.choice(XQ_A) + r.choice(XQ_B)
        phase = r.choice(PHASES) if r.random() < 0.2 else ""
        xq = dict(g=g, road=self.road(), no=r.randint(1, 899), base=name, phase=phase,
                  nb=r.randint(3, 28), nu=r.randint(1, 4), floors=r.randint(6, 33))
        lst.append(xq)
        return xq

    def res_home(self, g, xq=None):
        r = self.rng
        xq = xq or self.xiaoqu(g)
        while True:
            b, u = r.randint(1, xq["nb"]), r.randint(1, xq["nu"])
            room = r.randint(1, xq["floors"]) * 100 + r.randint(1, 4)
            key = (g["code"], xq["road"], xq["no"], xq["base"] + xq["phase"], b, u, room)
            if key not in self.used_doors:
                self.used_doors.add(key)
                return dict(t="res", g=g, road=xq["road"], no=xq["no"], xq=xq["base"] + xq["phase"], xqo=xq,
                            b=b, u=u, r=room)

    def village_home(self, g):
        r = self.rng
        lst = self.vil_by_dist[g["code"]]
        if lst and r.random() < 0.4:
            town, vil = r.choice(lst)
        else:
            town, vil = r.choice(TOWNS) + r.choice(["镇", "镇", "乡"]), r.choice(VILLAGES) + "村"
            lst.append((town, vil))
        while True:
            zu, hao = r.randint(1, 12), r.randint(1, 60)
            key = (g["code"], town, vil, zu, hao)
            if key not in self.used_doors:
                self.used_doors.add(key)
                return dict(t="vil", g=g, town=town, vil=vil, zu=zu, hao=hao)

    def any_home(self, city, rural_p=0.12):
        rural = self.rng.random() < rural_p
        g = self.pick_dist(city, rural=rural)
        if rural and g["kind"] != "qu":
            return self.village_home(g)
        return self.res_home(g)

    # ------------------------------------------------------------ names
    def surname(self):
        s = self.rng.choices(SURNAMES, [w for _, _, w in SURNAMES])[0]
        return s[0], s[1]

    def make_name(self, gender, sur=None):
        r = self.rng
        if sur is None and r.random() < 0.012:
            cands = [m for m in MINORITY_NAMES if m[2] == gender]
            n, py, _ = r.choice(cands)
            return dict(name=n, sur=n.split("·")[0], given=n.split("·")[1], py=py, minority=True)
        s, spy = sur if sur else self.surname()
        if r.random() < 0.35:
            given = r.choice(COMMON_GIVEN[gender])
        else:
            pool = [c for c, (_, gg) in GIVEN_CHARS.items() if gg in (gender, "U") and c not in "䶮𠮷"]
            n = 1 if r.random() < 0.25 else 2
            given = "".join(r.choice(pool) for _ in range(n))
            if r.random() < 0.004:
                given = given[:-1] + r.choice("䶮𠮷")
        gpy = "".join(GIVEN_CHARS[c][0] for c in given)
        return dict(name=s + given, sur=s, given=given, py=[spy, gpy], minority=False)

    # ------------------------------------------------------------ persons
    def person(self, role, city=None, home=None, gender=None, age=None, sur=None, name=None, hh=None):
        r = self.rng
        gender = gender or r.choice("MF")
        age = age if age is not None else r.randint(22, 68)
        birth = dt.date(2026 - age, 1, 1) + dt.timedelta(days=r.randint(0, 364))
        nm = dict(name) if name else self.make_name(gender, sur)
        if nm["minority"]:
            bplace = r.choice(XJ_BIRTH)
            code6 = bplace[3]
            hukou_g = None
        else:
            hc = city if (city and r.random() < 0.55) else self.pick_city()
            hukou_g = r.choice(CITY_DISTS[hc])
            code6 = hukou_g["code"]
        idn = self.new_id(code6, birth, gender)
        if home is None:
            home = self.any_home(city or self.pick_city())
        p = dict(i=len(self.P), org=False, role=role, gender=gender, birth=birth, age=age, id=idn,
                 hukou_g=hukou_g, home=home, old_home=None, move=None, work=None, hh=hh, debtor=False,
                 phones=[], landline=None, flags=[], active=True, accounts={}, rel=[], hukou=None, **nm)
        p["phones"].append(dict(n=self.new_mobile(), start=None, end=None))
        self.P.append(p)
        return p

    def phone_at(self, p, t):
        cands = [ph for ph in p["phones"] if (ph["start"] is None or ph["start"] <= t) and (ph["end"] is None or t < ph["end"])]
        if not cands:
            return p["phones"][0]["n"]
        return cands[0]["n"] if len(cands) == 1 or self.rng.random() < 0.8 else cands[1]["n"]

    def current_phones(self, p):
        return [ph["n"] for ph in p["phones"] if ph["end"] is None]

    def home_at(self, p, t):
        if p["move"] and t < p["move"] and p["old_home"] is not None:
            return p["old_home"]
        return p["home"]

    # ------------------------------------------------------------ workplaces
    def workplace(self, city):
        r = self.rng
        g = self.pick_dist(city)
        if r.random() < 0.62:
            towers = self.towers_by_dist[g["code"]]
            if towers and r.random() < 0.5:
                tw = r.choice(towers)
            else:
                tw = dict(road=self.road(), no=r.randint(1, 999), tower=r.choice(TOWERS_A) + r.choice(TOWERS_B))
                towers.append(tw)
            fl = r.randint(2, 38)
            room = fl * 100 + r.randint(1, 30)
            comp = r.choice(ORG_WORDS) + r.choice(ORG_TRADES) + "有限公司"
            a = dict(t="office", g=g, road=tw["road"], no=tw["no"], tower=tw["tower"], room=room, floor=fl)
            w = dict(kind="office", addr=a, company=comp, landline=self.new_landline(g), members=[])
        else:
            a = dict(t="shop", g=g, road=self.road(), no=r.randint(1, 688))
            w = dict(kind="shop", addr=a, company=r.choice(["老", "阿", "小"]) + r.choice(ORG_WORDS[:10])[0] + r.choice(SHOPS),
                     landline=self.new_landline(g) if r.random() < 0.5 else None, members=[])
        w["id"] = len(self.workplaces)
        self.workplaces.append(w)
        return w

    def hukou_text(self, p):
        """Registered address as the court's system holds it (often old)."""
        r = self.rng
        g = p["hukou_g"]
        if g is None:
            return r.choice(["新疆喀什市", "新疆维吾尔自治区和田市", "新疆乌鲁木齐市天山区"]) + r.choice(ROADS_A) + f"路{r.randint(1, 300)}号"
        if r.random() < 0.12 and p["home"]["t"] in ("res", "vil"):
            return canon(p["home"])
        town = r.choice(TOWNS) + r.choice(["镇", "乡"])
        vil = r.choice(VILLAGES) + "村"
        pre = g["prov"] if g["munic"] else (g["prov"] + (g["city"] if r.random() < 0.5 else ""))
        if g["pshort"] == "广西" and r.random() < 0.6:
            return f"{pre}{g['dist']}{town}{vil}{r.choice(TUN)}屯{r.randint(1, 80)}号"
        if g["kind"] != "qu" or r.random() < 0.4:
            return f"{pre}{g['dist']}{town}{vil}{cn_num(r.randint(1, 12))}组{r.randint(1, 90)}号"
        return f"{pre}{g['dist']}{self.road()}{r.randint(1, 400)}号{r.randint(1, 12)}栋{r.randint(1, 6)}0{r.randint(1, 4)}室"


# ====================================================================== build
def build_population(W):
    r = W.rng
    debtors = []
    n_ent = 0
    units = []
    while n_ent < W.k:
        if r.random() < 0.08:
            units.append("org")
            n_ent += 1
        else:
            co = r.random() < 0.05 and n_ent + 2 <= W.k
            units.append("couple" if co else "person")
            n_ent += 2 if co else 1
    orgs = []
    for u in units:
        if u == "org":
            city = W.pick_city()
            g = W.pick_dist(city)
            head = "92" if r.random() < 0.25 else "91"
            if head == "92":
                nm = g["city"].replace("市", "") + g["dist"] + r.choice(["老", "阿"]) + r.choice(ORG_WORDS)[0] + r.choice(SHOPS)
            else:
                nm = g["cshort"].replace("州", "") + r.choice(ORG_WORDS) + r.choice(ORG_TRADES) + "有限公司"
            tw = dict(road=W.road(), no=r.randint(1, 999), tower=r.choice(TOWERS_A) + r.choice(TOWERS_B))
            a = dict(t="office", g=g, road=tw["road"], no=tw["no"], tower=tw["tower"], room=r.randint(2, 30) * 100 + r.randint(1, 20))
            o = dict(i=len(W.P), org=True, role="debtor", name=nm, id=credit_code(r, g["code"], head), home=None,
                     old_home=None, move=None, work=None, office=a, landline=W.new_landline(g), phones=[],
                     debtor=True, flags=[], active=r.random() < 0.4, accounts={}, hh=None, rel=[], city=city,
                     gender=None, birth=None, age=None, minority=False, py=None, sur=None, given=None, hukou_g=g)
            W.P.append(o)
            orgs.append(o)
            debtors.append(o)
            continue
        city = W.pick_city()
        age = r.randint(24, 66)
        home = W.any_home(city, rural_p=0.16)
        d = W.person("debtor", city=city, home=home, age=age)
        d["debtor"] = True
        d["city"] = city
        hh = dict(id=len(debtors), home=home, members=[d])
        d["hh"] = hh["id"]
        debtors.append(d)
        # household
        spouse = None
        if r.random() < 0.62 and age >= 25:
            spouse = W.person("spouse", city=city, home=home, gender="F" if d["gender"] == "M" else "M",
                              age=max(22, age + r.randint(-5, 4)), hh=hh["id"])
            hh["members"].append(spouse)
            d["rel"].append(("spouse", spouse["i"]))
            spouse["rel"].append(("spouse", d["i"]))
            if u == "couple":
                spouse["debtor"] = True
                spouse["co_debtor_of"] = d["i"]
                spouse["city"] = city
                debtors.append(spouse)
        elif u == "couple":
            d2 = W.person("debtor", city=city, age=r.randint(24, 66))  # a business partner instead
            d2["debtor"] = True
            d2["city"] = city
            d2["co_debtor_of"] = d["i"]
            debtors.append(d2)
        male = d if d["gender"] == "M" else spouse
        fam_sur = (male["sur"], male["py"][0]) if male and not male["minority"] else None
        if age >= 30:
            for _ in range(r.choice([0, 1, 1, 2, 2, 3])):
                cage = r.randint(max(0, age - 40), max(0, age - 24))
                lives_home = cage < 18 or r.random() < 0.5
                c = W.person("child", city=city if lives_home else W.pick_city(), home=home if lives_home else None,
                             age=cage, sur=fam_sur, hh=hh["id"] if lives_home else None)
                c["active"] = cage >= 17
                if lives_home:
                    hh["members"].append(c)
                d["rel"].append(("child", c["i"]))
                c["rel"].append(("parent", d["i"]))
        pr = r.random()
        if pr < 0.6 and age < 60:
            n_par = r.choice([1, 2])
            par_city = d["hukou_g"]["city"] if d["hukou_g"] else W.pick_city()
            with_us = pr < 0.15
            par_home = home if with_us else W.any_home(par_city, rural_p=0.5)
            for gi in range(n_par):
                pa_ = W.person("parent", city=par_city, home=par_home, gender="M" if gi == 0 else "F",
                               age=min(92, age + r.randint(22, 32)),
                               sur=(d["sur"], d["py"][0]) if (gi == 0 and not d["minority"]) else None,
                               hh=hh["id"] if with_us else None)
                pa_["active"] = r.random() < 0.3
                if with_us:
                    hh["members"].append(pa_)
                d["rel"].append(("parent_of", pa_["i"]))
        for _ in range(r.choice([0, 0, 1, 1, 2])):
            sib = W.person("relative", city=W.pick_city(), age=max(20, age + r.randint(-8, 8)),
                           sur=(d["sur"], d["py"][0]) if not d["minority"] else None)
            d["rel"].append(("sibling", sib["i"]))
        d["household"] = hh
    return debtors, orgs


def assign_life(W, debtors):
    """moves, work, phones, neighbours, namesakes, strangers."""
    r = W.rng
    persons = [p for p in W.P if not p["org"]]
    # moves: whole household moves together
    moved_homes = {}
    for d in debtors:
        if d["org"]:
            continue
        hh = d.get("household")
        if not hh or id(hh["home"]) in moved_homes:
            continue
        x = r.random()
        if x < 0.07:
            mdate = dt.datetime(2026, 10, 24) + dt.timedelta(days=r.randint(0, 26), hours=r.randint(8, 20))
            kind = "recent"
        elif x < 0.18:
            mdate = dt.datetime(2026, 5, 20) + dt.timedelta(days=r.randint(0, 130), hours=r.randint(8, 20))
            kind = "mover"
        elif x < 0.25:
            mdate = dt.datetime(2024, 1, 1) + dt.timedelta(days=r.randint(0, 800))
            kind = "old_mover"
        else:
            continue
        city = d["city"] if r.random() < 0.7 else W.pick_city()
        new = W.any_home(city, rural_p=0.05)
        old = hh["home"]
        moved_homes[id(old)] = True
        for m in hh["members"]:
            if m["home"] is old:
                m["old_home"], m["home"], m["move"] = old, new, mdate
                m["flags"].append(kind + "_move")
        hh["home"] = new
    for p in persons:
        p["city"] = p.get("city") or p["home"]["g"]["city"]
    # work
    for p in list(persons):
        if p["age"] < 20 or p["age"] > 63 or p["role"] == "parent":
            continue
        if r.random() < (0.6 if p["debtor"] else 0.45):
            city = p["home"]["g"]["city"] if r.random() < 0.9 else W.pick_city()
            w = W.workplace(city)
            p["work"] = w
            w["members"].append(p)
            if p["debtor"]:
                if w["kind"] == "shop" and r.random() < 0.5:
                    p["flags"].append("shop_owner")
                for _ in range(r.choice([0, 1, 1, 2, 3])):   # colleagues
                    c = W.person("colleague", city=city)
                    c["city"] = city
                    c["work"] = w
                    w["members"].append(c)
    # phones: changes, roster-stale numbers, recycled numbers, second phones
    for p in [q for q in W.P if not q["org"]]:
        x = r.random()
        if p["debtor"] and x < 0.12:                         # changed within the window
            t = W0 + dt.timedelta(seconds=r.uniform(0.25, 0.85) * SPAN)
            old = p["phones"][0]
            old["end"] = t
            p["phones"].append(dict(n=W.new_mobile(), start=t, end=None))
            p["flags"].append("phone_changed")
        elif p["debtor"] and x < 0.30:                       # changed long ago; roster keeps the old one
            old = p["phones"][0]
            old["end"] = dt.datetime(2025, 1, 1) + dt.timedelta(days=r.randint(0, 300))
            p["phones"].append(dict(n=W.new_mobile(), start=old["end"], end=None))
            p["flags"].append("stale_roster_phone")
        if r.random() < (0.18 if p["debtor"] else 0.08):
            p["phones"].append(dict(n=W.new_mobile(), start=None, end=None))
            p["flags"].append("two_phones")
        if p["work"] is not None and p["work"]["landline"] and r.random() < 0.4:
            p["landline"] = p["work"]["landline"]
    # neighbours and namesakes
    for d in [q for q in debtors if not q["org"]]:
        h = d["home"]
        if h["t"] == "res" and r.random() < 0.45:
            for _ in range(r.randint(1, 3)):
                xq = h["xqo"]
                nh = W.res_home(h["g"], xq)
                if r.random() < 0.5:        # same building and unit, other floor or door
                    key = (h["g"]["code"], h["road"], h["no"], h["xq"], h["b"], h["u"], h["r"] + r.choice([1, -1, 100, -100]))
                    if key not in W.used_doors and key[-1] > 100:
                        W.used_doors.add(key)
                        nh = dict(nh, b=h["b"], u=h["u"], r=key[-1])
                n = W.person("neighbour", city=h["g"]["city"], home=nh)
                n["city"] = h["g"]["city"]
        if h["t"] == "vil" and r.random() < 0.5:
            nh = W.village_home(h["g"])
            nh.update(town=h["town"], vil=h["vil"], zu=h["zu"], hao=h["hao"] + 1 + r.randint(0, 5))
            n = W.person("neighbour", city=h["g"]["city"], home=nh)
            n["city"] = h["g"]["city"]
        if r.random() < 0.22:
            nm = dict(name=d["name"], sur=d["sur"], given=d["given"], py=d["py"], minority=d["minority"])
            city = d["home"]["g"]["city"] if r.random() < 0.75 else W.pick_city()
            ns = W.person("namesake", city=city, name=nm, gender=d["gender"],
                          age=max(20, min(70, d["age"] + r.randint(-3, 3))))
            ns["city"] = city
            ns["namesake_of"] = d["i"]
    n_str = int(W.k * 0.9)
    for _ in range(n_str):
        city = W.pick_city()
        s = W.person("stranger", city=city)
        s["city"] = city
        if r.random() < 0.3 and s["age"] < 60:
            w = W.workplace(city) if r.random() < 0.7 or not W.workplaces else r.choice(W.workplaces)
            s["work"] = w
            w["members"].append(s)
    # recycled numbers: some stale debtor numbers now belong to a stranger
    strangers = [p for p in W.P if p["role"] == "stranger"]
    for p in [q for q in W.P if not q["org"] and "stale_roster_phone" in q["flags"]]:
        if r.random() < 0.5:
            s = r.choice(strangers)
            old = p["phones"][0]["n"]
            t_re = p["phones"][0]["end"] + dt.timedelta(days=120)
            s["phones"].insert(0, dict(n=old, start=t_re, end=None))
            s["phones"][1]["end"] = t_re
            s["flags"].append("recycled_number")
            p["flags"].append("old_number_recycled")
    # activity of debtors
    for d in debtors:
        if d["org"]:
            continue
        x = r.random()
        if x < 0.12:
            d["active"] = False
            d["ghost"] = True
            d["flags"].append("absent_by_design")
        elif x < 0.16:
            d["flags"].append("geo_only")
        elif x < 0.18 and "shop_owner" in d["flags"]:
            d["flags"].append("sender_only")
    for p in W.P:
        if not p["org"] and p["role"] in ("stranger", "colleague", "neighbour", "namesake", "relative", "spouse") and r.random() < 0.2:
            p["active"] = False


def build_roster(W, debtors):
    r = W.rng
    courts_by_abbr = defaultdict(list)
    for c in COURTS:
        courts_by_abbr[c[0]].append(c)
    seq = defaultdict(int)
    judges = {c[3]: [W.make_name(r.choice("MF"))["name"] for _ in range(r.randint(2, 4))] for c in COURTS}
    case_rows = []

    def new_case(court, filing):
        abbr, city, dist, cname, level = court
        if level == "mid":
            code = MID_CODES[cname]
        else:
            g = next(g for g in CITY_DISTS[city] if g["dist"] == dist)
            code = g["code"][2:]
        year = filing.year
        seq[(cname, year)] += r.randint(1, 37)
        kind = "执恢" if r.random() < 0.08 else "执"
        lp, rp = ("（", "）") if abbr in ("闽", "鲁", "桂", "津") else ("(", ")")
        st = r.choices(["执行中", "终本", "执行完毕"], [52, 33, 15])[0]
        return dict(no=f"{lp}{year}{rp}{abbr}{code}{kind}{seq[(cname, year)]}号", court=cname, abbr=abbr,
                    judge=r.choice(judges[cname]), filing=filing, status=st)

    def filing_date():
        x = r.random()
        if x < 0.2:   # filed inside the window: orders before and after it
            return dt.date(2026, 5, 3) + dt.timedelta(days=r.randint(0, 195))
        return dt.date(2019, 3, 1) + dt.timedelta(days=r.randint(0, 2620))

    by_i = {}
    for d in debtors:
        if d.get("co_debtor_of") is not None:
            continue
        home_abbr = (d["home"] or d["office"])["g"]["abbr"] if not d["org"] else d["office"]["g"]["abbr"]
        court = r.choice(courts_by_abbr[home_abbr]) if r.random() < 0.72 else r.choice(COURTS)
        n = r.choices([1, 2, 3], [70, 22, 8])[0]
        cs = []
        for j in range(n):
            if j > 0 and r.random() > 0.5:
                court = r.choice(COURTS)
            c = new_case(court, filing_date())
            cs.append(c)
        by_i[d["i"]] = cs
    for d in debtors:
        co = d.get("co_debtor_of")
        if co is not None:
            cs = [by_i[co][0]]
            if r.random() < 0.4:
                c = new_case(r.choice(COURTS), filing_date())
                cs.append(c)
            by_i[d["i"]] = cs
    # some organisations share a case with a person debtor (guarantor / legal representative)
    persons = [d for d in debtors if not d["org"]]
    for o in [d for d in debtors if d["org"]]:
        if r.random() < 0.3:
            rep = r.choice(persons)
            by_i[rep["i"]].append(by_i[o["i"]][0])
            o["legal_rep"] = rep["i"]
    for d in debtors:
        for c in by_i[d["i"]]:
            restr = "是" if (c["status"] != "执行完毕" and r.random() < 0.68) or (c["status"] == "执行完毕" and r.random() < 0.5) else "否"
            blk = "是" if r.random() < 0.33 else "否"
            amt = round(r.lognormvariate(10.8, 1.3), 2)
            case_rows.append(dict(case=c, d=d, restr=restr, blk=blk, amount=amt))
    # final cleanup: a person debtor whose only open cases exist
    W.case_rows = case_rows
    W.cases_of = defaultdict(list)
    for cr in case_rows:
        W.cases_of[cr["d"]["i"]].append(cr)


# ====================================================================== rendering
def render_prefix(W, g):
    r = W.rng
    x = r.random()
    if g["munic"]:
        opts = [(g["prov"] + g["dist"], 40), (g["pshort"] + g["prov"] + g["dist"], 15),
                (g["pshort"] + " " + g["prov"] + " " + g["dist"] + " ", 8), (g["dist"], 10),
                (g["pshort"] + g["dist"], 12), (g["prov"] + g["dshort"] + ("" if g["kind"] == "qu" else ""), 6),
                (g["prov"] + g["prov"] + g["dist"], 4)]
    else:
        cityq = g["city"]
        opts = [(g["prov"] + g["city"] + g["dist"], 30), (g["pshort"] + g["city"] + g["dist"], 12),
                (g["city"] + g["dist"], 20), (g["cshort"] + g["dist"], 8),
                (g["city"] + (g["dshort"] if g["kind"] == "qu" else g["dist"]), 8),
                (g["prov"] + " " + cityq + " " + g["dist"] + " ", 7),
                (g["pshort"] + g["cshort"] + g["dist"], 5)]
        if DIST_NAME_COUNT[g["dist"]] == 1:
            opts.append((g["dist"], 4))
        if g["kind"] == "shi":
            opts.append((g["prov"] + g["dist"], 6))
    return r.choices([o for o, _ in opts], [w for _, w in opts])[0]


def render_bur(W, a):
    r = W.rng
    b, u, rm = a["b"], a["u"], a["r"]
    opts = [(f"{b}幢{u}单元{rm}室", 30), (f"{b}-{u}-{rm}", 14), (f"{b}号楼{u}单元{rm}", 12), (f"{b}栋{u}单元{rm}室", 10),
            (f"{b}座{u}单元{rm}", 3), (f"{b}幢{u}单元{rm}", 6), (f"{b}栋{u}单元{rm}", 5), (f"{b}号楼{u}单元{rm}室", 6),
            (fw(f"{b}幢{u}单元{rm}室"), 3), (f"{cn_num(b)}幢{cn_num(u)}单元{rm}室", 3),
            (f"{b}幢 {u}单元 {rm}室", 3), (f"{b}栋{u}单元{rm // 100}楼{rm}", 2)]
    if a["g"]["pshort"] in ("天津", "辽宁"):
        opts.append((f"{b}号楼{u}门{rm}", 14))
    return r.choices([o for o, _ in opts], [w for _, w in opts])[0]


def render_xq(W, a):
    r = W.rng
    xq = a["xq"]
    for i, ph in enumerate(PHASES):
        if xq.endswith(ph):
            base = xq[:-len(ph)]
            return r.choices([xq, f"{base}{i + 1}期", f"{base}({ph})", f"{base}（{ph}）"], [5, 3, 1, 1])[0]
    return xq


NOTES = ["（放门口）", "(送货上门)", "【请电联】", "（工作日送）", " 到了打电话", "(家里有人)", "（勿按门铃）"]


def render_addr(W, a, allow_note=True):
    r = W.rng
    t = a["t"]
    pre = render_prefix(W, a["g"])
    if t == "res":
        road = f"{a['road']}{a['no']}号" if r.random() > 0.04 else f"{a['road']}{fw(str(a['no']))}号"
        if r.random() < 0.14:
            road = ""
        s = pre + road + render_xq(W, a) + render_bur(W, a)
    elif t == "vil":
        town = a["town"] if r.random() < 0.8 else ""
        zu = a["zu"]
        tail = r.choices([f"{zu}组{a['hao']}号", f"{cn_num(zu)}组{a['hao']}号", f"{zu}组{a['hao']}号院",
                          f"村委会{zu}组{a['hao']}号", f"{zu}队{a['hao']}号"], [50, 20, 8, 8, 4])[0]
        s = pre + town + a["vil"] + tail
    elif t == "office":
        fl, rm = a.get("floor") or a["room"] // 100, a["room"]
        room = r.choices([f"{rm}室", f"{fl}楼{rm}", f"{fl}F{rm}", f"{rm}", f"{fl}层{rm}室", fw(f"{rm}") + "室"], [35, 20, 8, 15, 12, 3])[0]
        s = pre + f"{a['road']}{a['no']}号" + a["tower"] + room
        if allow_note and r.random() < 0.2 and a.get("company"):
            s += f"（{a['company']}）"
    elif t == "shop":
        s = pre + f"{a['road']}{a['no']}号" + r.choices(["", " " + a.get("shopname", ""), f"（{a.get('shopname', '')}）", "门面", "一楼门面"], [35, 20, 20, 15, 10])[0]
    elif t in ("locker", "station", "gate", "other"):
        s = canon(a)
        if r.random() < 0.5:
            s = pre + s[len(gprefix(a["g"])):]
        return s
    else:
        raise ValueError(t)
    if allow_note and t in ("res", "vil") and r.random() < 0.08:
        s += r.choice(NOTES)
    if r.random() < 0.05:
        s = s.replace("号", "号 ", 1)
    return s


def pickup_point(W, home_or_work, kind):
    """a locker / station / gatehouse serving a home or a workplace."""
    r = W.rng
    a = home_or_work
    g = a["g"]
    if a["t"] == "res":
        base = f"{a['road']}{a['no']}号{a['xq']}"
        spot = r.choice(["北门", "南门", "东门", "西门", f"{a['b']}幢楼下", "地下车库入口", ""])
    elif a["t"] == "vil":
        base = f"{a['town']}{a['vil']}" if r.random() < 0.6 else a["town"]
        spot = r.choice(["村委会", "小卖部", "路口", ""])
    elif a["t"] == "office":
        base = f"{a['road']}{a['no']}号{a['tower']}"
        spot = r.choice(["一楼大堂", "B1层", "东侧", ""])
    else:
        base = f"{a['road']}{a['no'] + r.randint(2, 30)}号"
        spot = ""
    if kind == "gate":
        if a["t"] == "res":
            brand = r.choice(["门卫室", "物业服务中心", "岗亭", "传达室"])
            spot = r.choice(["南门", "北门", "东门", ""])
        else:
            brand = "门卫室"
    elif kind == "locker":
        brand = r.choice(LOCKERS)
    else:
        brand = r.choice(STATIONS) if a["t"] != "vil" else r.choice(["菜鸟驿站", "快递超市", "代收点", "邮政代办点", "妈妈驿站"])
    return dict(t=kind, g=g, where=base + spot, brand=brand)


def render_name(W, p, holder=None):
    """recipient name as typed by a buyer."""
    r = W.rng
    if p["org"]:
        return p["name"] if r.random() < 0.8 else p["name"].replace("有限公司", "")
    nm, sur, given = p["name"], p["sur"], p["given"]
    ms = "先生" if p["gender"] == "M" else "女士"
    x = r.random()
    if p["minority"]:
        opts = [(nm, 55), (nm.replace("·", r.choice(["•", ".", "．", "", " "])), 20), (sur, 8), (sur + ms, 5),
                (" ".join(s.capitalize() for s in p["py"]), 6), (nm[0] + "**", 6)]
        return r.choices([o for o, _ in opts], [w for _, w in opts])[0]
    spy, gpy = p["py"]
    Spy, Gpy = spy.capitalize(), gpy.capitalize()
    nicks = ["小" + given[-1], "阿" + given[-1], "老" + sur, sur + ("哥" if p["gender"] == "M" else "姐"), sur + "总", given]
    if p["gender"] == "F":
        nicks.append(given[-1] * 2)
    opts = [(nm, 52), (sur + ms, 11), (sur + "*" * len(given), 7), (nm[0] + "*" + nm[-1] if len(nm) >= 3 else nm[0] + "*", 4),
            (r.choice(nicks), 8), (r.choice([f"{Spy} {Gpy}", f"{spy.upper()} {gpy.upper()}", f"{spy}{gpy}", f"{Gpy} {Spy}",
                                             f"{gpy} {spy}", f"{Spy}{Gpy}", f"{Gpy}{Spy}"]), 7),
            (nm.translate(TRAD), 3), (nm.replace(sur, sur + " ", 1), 1), (" " + nm, 1)]
    return r.choices([o for o, _ in opts], [w for _, w in opts])[0]


def render_mobile(W, n, mask_ok=True):
    r = W.rng
    opts = [(n, 68), (f"{n[:3]}****{n[-4:]}", 9 if mask_ok else 0), (f"+86 {n}", 3), (f"+86{n}", 3), (f"86-{n}", 2),
            (f"{n[:3]} {n[3:7]} {n[7:]}", 5), (f"{n[:3]}-{n[3:7]}-{n[7:]}", 5), (fw(n), 2), (f"+86 {n[:3]} {n[3:7]} {n[7:]}", 1),
            (f"(+86){n}", 1), (f"{n} ", 1)]
    return r.choices([o for o, _ in opts], [w for _, w in opts])[0]


def render_landline(W, ll, ext_ok=True):
    r = W.rng
    area, num = ll
    ext = str(r.randint(800, 8999))
    opts = [(f"{area}-{num}", 40), (f"{area}{num}", 15), (num, 12), (f"({area}){num}", 8), (f"{area} {num}", 8)]
    if ext_ok:
        opts += [(f"{area}-{num}-{ext}", 8), (f"{area}-{num}转{ext}", 6), (f"{num}转{ext}", 3)]
    return r.choices([o for o, _ in opts], [w for _, w in opts])[0]


def mask_id(W, idn, style=None):
    r = W.rng
    style = style or r.choice(["6+4", "2+2"])
    if style == "6+4":
        return idn[:6] + "********" + idn[-4:]
    return idn[:2] + "**************" + idn[-2:]


def mask_name(W, nm):
    r = W.rng
    if len(nm) >= 3 and r.random() < 0.5:
        return nm[0] + "*" * (len(nm) - 2) + nm[-1]
    return nm[0] + "*" * (len(nm) - 1)


# ====================================================================== activity
EC_PLATFORMS = {  # name: (weight, name policy, id policy, phone mask prob)
    "jinque": (35, "mostly_full", "mixed", 0.1),
    "baicao": (25, "masked", "masked_or_empty", 0.7),
    "lvzhou": (20, "full", "masked64", 0.0),
    "haoshi": (12, "full", "full_or_empty", 0.2),
    "le-gou": (8, "masked", "empty", 0.5),
}


def t_rand(W, a=W0, b=W1):
    return a + dt.timedelta(seconds=W.rng.uniform(0, (b - a).total_seconds()))


def account(W, p, platform):
    """a buyer account on an ecommerce platform, real-name verified to p."""
    if platform in p["accounts"]:
        return p["accounts"][platform]
    r = W.rng
    W.acct_seq[platform] += 1
    k = W.acct_seq[platform]
    bid = {"jinque": f"jq{700000 + k * 7 + r.randint(0, 6)}", "baicao": f"{10000000 + k * 13}",
           "lvzhou": f"lz_{(k * 2654435761) % 16 ** 8:08x}", "haoshi": f"u{k:07d}",
           "le-gou": f"LG-{k:05d}", "tripgo": f"TG{k:06d}"}[platform]
    pol = EC_PLATFORMS.get(platform, (0, "full", "masked64", 0.0))
    if p["org"]:
        vname, vid = p["name"], p["id"] if r.random() < 0.6 else ""
        bphone = p["phones"][0]["n"] if p["phones"] else ""
    else:
        if pol[1] == "full" or (pol[1] == "mostly_full" and r.random() < 0.72):
            vname = p["name"]
        else:
            vname = mask_name(W, p["name"])
        idn = p["id"]
        if r.random() < 0.4 and idn.endswith("X"):
            idn = idn[:-1] + "x"
        ip = pol[2]
        if ip == "mixed":
            vid = r.choices([idn, mask_id(W, idn), ""], [40, 40, 20])[0]
        elif ip == "masked_or_empty":
            vid = r.choice([mask_id(W, idn, "2+2"), mask_id(W, idn, "6+4"), ""])
        elif ip == "masked64":
            vid = mask_id(W, idn, "6+4")
        elif ip == "full_or_empty":
            vid = idn if r.random() < 0.5 else ""
        else:
            vid = ""
        bphone = p["phones"][0]["n"]    # the number the account was opened with
    acc = dict(platform=platform, bid=bid, holder=p, vname=vname, vid=vid, bphone=bphone,
               pmask=pol[3], user=None)
    p["accounts"][platform] = acc
    return acc


def household_of(W, p):
    if p.get("hh") is None:
        return [p]
    return [q for q in W.P if not q["org"] and q.get("hh") == p["hh"] and q["home"] is p["home"]]


class Rec:
    __slots__ = ("src", "platform", "rid", "t", "f", "concerns", "dest", "delivered", "door", "dirt", "file",
                 "line", "row", "cat", "amount", "note")

    def __init__(self, **kw):
        self.dirt = None
        self.note = None
        self.cat = None
        self.amount = None
        for k, v in kw.items():
            setattr(self, k, v)


def gen_orders(W, hh_index):
    r = W.rng
    orders = []
    oid = defaultdict(int)

    def next_oid(pf):
        oid[pf] += 1
        k = oid[pf]
        return {"jinque": f"{2605000000000000000 + k * 7919 + r.randint(0, 7000)}", "baicao": f"{k * 37 + 1000:010d}",
                "lvzhou": f"LZ2026{k:07d}", "haoshi": f"HS-{k:06d}", "le-gou": f"{k:08d}",
                "tripgo": f"TG26{k:07d}R"}[pf]

    def dest_for(holder, rec, t):
        """choose (recipient name, recipient phone, destination struct, kind)"""
        home = W.home_at(rec, t)
        x = r.random()
        if rec["work"] is not None and x < 0.18 and holder["i"] == rec["i"]:
            a = dict(rec["work"]["addr"], company=rec["work"]["company"], shopname=rec["work"]["company"])
            if r.random() < 0.12:
                return pickup_point(W, rec["work"]["addr"], "locker"), "locker"
            return a, "work"
        if home is None:
            return None, None
        y = r.random()
        if "no_door_new_home" in rec["flags"] and rec["move"] and t >= rec["move"]:
            y = 0.9
        if y < 0.64:
            return home, "door"
        if y < 0.80:
            return pickup_point(W, home, "locker" if home["t"] != "vil" else "station"), "locker"
        if y < 0.95:
            return pickup_point(W, home, "station"), "station"
        return pickup_point(W, home, "gate") if home["t"] == "res" else home, "gate" if home["t"] == "res" else "door"

    def make_order(acc, t, rec, alias=False, cat=None, restricted=False):
        holder = acc["holder"]
        pf = acc["platform"]
        if restricted or pf == "tripgo":
            a = W.home_at(holder, t) if not holder["org"] else holder["office"]
            kind = "ticket"
        else:
            a, kind = dest_for(holder, rec, t)
            if a is None:
                return None
        if cat is None:
            c = r.choices(CATEGORIES, [w for _, w, _, _ in CATEGORIES])[0]
            cat, amt = c[0], round(r.uniform(c[2], c[3]), r.choice([0, 1, 2, 2, 2]))
        else:
            lo, hi = RESTRICTED.get(cat) or TRAVEL_PLAIN[cat]
            amt = round(r.uniform(lo, hi), r.choice([0, 2]))
        if alias:
            rname = r.choice(["张三", "李四", "王五", "收件人", "本人", "宝宝", "老板", "亲"])
        elif kind == "ticket":
            rname = rec["name"] if r.random() < 0.9 else render_name(W, rec)
        else:
            rname = render_name(W, rec, holder)
        if kind == "work" and rec.get("landline") and r.random() < 0.4:
            rphone = render_landline(W, rec["landline"])
        elif rec["org"]:
            rphone = render_landline(W, rec["landline"])
        else:
            who = holder if (r.random() < 0.08 and not holder["org"]) else rec
            rphone = render_mobile(W, W.phone_at(who, t))
        delivered = kind != "ticket" and r.random() < 0.93
        sign = t + dt.timedelta(hours=r.uniform(14, 100)) if delivered else None
        concerns = [(holder["i"], "holder")]
        if not alias and rec["i"] != holder["i"]:
            concerns.append((rec["i"], "recipient"))
        elif not alias:
            concerns[0] = (holder["i"], "holder+recipient")
        f = {"订单编号": next_oid(pf), "买家ID": acc["bid"], "实名姓名": acc["vname"], "实名证件号": acc["vid"],
             "绑定手机": acc["bphone"] if r.random() >= acc["pmask"] else (acc["bphone"][:3] + "****" + acc["bphone"][-4:] if acc["bphone"] else ""),
             "收货人": rname, "收货手机": rphone, "收货地址": render_addr(W, a), "下单时间": t, "签收时间": sign,
             "实付金额": amt, "商品类目": cat}
        o = Rec(src="ecommerce", platform=pf, rid=f["订单编号"], t=t, f=f, concerns=concerns, dest=a,
                delivered=sign is not None, door=(sign is not None and kind in ("door", "work")), cat=cat, amount=amt)
        orders.append(o)
        return o

    people = [p for p in W.P if p["active"] and not p["org"] and p["age"] >= 17]
    for p in people:
        if "geo_only" in p["flags"] or "sender_only" in p["flags"]:
            continue
        k = r.choices([1, 2, 3], [50, 35, 15])[0]
        pfs = []
        names = list(EC_PLATFORMS)
        while len(pfs) < k:
            pf = r.choices(names, [EC_PLATFORMS[n][0] for n in names])[0]
            if pf not in pfs:
                pfs.append(pf)
        hh = [q for q in hh_index.get(p["i"], [p]) if not q.get("ghost")]
        rels = [W.P[j] for _, j in p["rel"] if not W.P[j].get("ghost")]
        colleagues = [q for q in (p["work"]["members"] if p["work"] else []) if q["i"] != p["i"] and not q.get("ghost")]
        for pf in pfs:
            acc = account(W, p, pf)
            used_by = None
            if len(hh) > 1 and r.random() < 0.08:
                used_by = r.choice([q for q in hh if q["i"] != p["i"] and q["age"] >= 17] or [p])
                if used_by["i"] != p["i"]:
                    acc["user"] = used_by["i"]
                    p["flags"].append(f"account_used_by_family:{pf}")
            n = max(1, int(r.paretovariate(1.7) * 2.2)) if p["role"] != "parent" else r.randint(1, 3)
            n = min(n, 30)
            for _ in range(n):
                t = t_rand(W)
                x = r.random()
                if used_by is not None and used_by["i"] != p["i"] and r.random() < 0.7:
                    rec = used_by
                elif x < 0.76:
                    rec = p
                elif x < 0.86 and len(hh) > 1:
                    rec = r.choice([q for q in hh if q["i"] != p["i"]] or [p])
                elif x < 0.93 and rels:
                    rec = r.choice(rels)
                elif x < 0.97 and colleagues:
                    rec = r.choice(colleagues)
                else:
                    rec = p
                alias = rec is p and r.random() < 0.03
                if rec in colleagues:
                    # a gift to a colleague goes to the shared workplace
                    o = make_order(acc, t, p)
                    if o is not None and p["work"]:
                        a = dict(p["work"]["addr"], company=p["work"]["company"], shopname=p["work"]["company"])
                        o.dest = a
                        o.f["收货地址"] = render_addr(W, a)
                        o.f["收货人"] = render_name(W, rec)
                        o.f["收货手机"] = render_mobile(W, W.phone_at(rec, t))
                        o.concerns = [(p["i"], "holder"), (rec["i"], "recipient")]
                        o.door = o.delivered
                    continue
                make_order(acc, t, rec, alias=alias)
    # spouse's account orders for a debtor who has no account of their own
    for p in [q for q in W.P if q["debtor"] and not q["org"] and q["active"] and not q["accounts"]
              and "geo_only" not in q["flags"] and "sender_only" not in q["flags"]]:
        hh = [q for q in hh_index.get(p["i"], [p]) if q["i"] != p["i"] and q["age"] >= 18 and not q.get("ghost")]
        if hh and r.random() < 0.5:
            sp = hh[0]
            acc = account(W, sp, "jinque")
            for _ in range(r.randint(1, 5)):
                make_order(acc, t_rand(W), p)
            p["flags"].append("orders_via_family_account")
    # organisations: enterprise accounts and orders to the office
    for o in [q for q in W.P if q["org"] and q["active"]]:
        if r.random() < 0.5:
            acc = account(W, o, "jinque")
            for _ in range(r.randint(1, 6)):
                t = t_rand(W)
                a = o["office"]
                sign = t + dt.timedelta(hours=r.uniform(20, 90))
                c = r.choice([("办公文具", 5, 399), ("家用电器", 99, 3999), ("食品生鲜", 20, 300)])
                f = {"订单编号": next_oid("jinque"), "买家ID": acc["bid"], "实名姓名": acc["vname"], "实名证件号": acc["vid"],
                     "绑定手机": render_landline(W, o["landline"], ext_ok=False), "收货人": render_name(W, o),
                     "收货手机": render_landline(W, o["landline"]), "收货地址": render_addr(W, a), "下单时间": t,
                     "签收时间": sign, "实付金额": round(r.uniform(c[1], c[2]), 2), "商品类目": c[0]}
                orders.append(Rec(src="ecommerce", platform="jinque", rid=f["订单编号"], t=t, f=f,
                                  concerns=[(o["i"], "holder+recipient")], dest=a, delivered=True, door=True,
                                  cat=c[0], amount=f["实付金额"]))
    # travel and restricted consumption
    travellers = [p for p in W.P if not p["org"] and p["active"] and p["age"] >= 18 and "geo_only" not in p["flags"]
                  and "sender_only" not in p["flags"]]
    for p in travellers:
        restricted_open = [cr for cr in W.cases_of.get(p["i"], []) if cr["restr"] == "是" and cr["case"]["status"] != "执行完毕"]
        if p["debtor"]:
            prob = 0.12 if restricted_open else 0.07
        else:
            prob = 0.04
        if r.random() >= prob:
            continue
        acc = account(W, p, "tripgo")
        for _ in range(r.randint(1, 3)):
            t = t_rand(W)
            if restricted_open and r.random() < 0.6:
                cat = r.choice(list(RESTRICTED))
            else:
                cat = r.choice(list(RESTRICTED) + list(TRAVEL_PLAIN) * 2)
            # never on a filing date itself (the rule says "after")
            while any(cr["case"]["filing"] == t.date() for cr in W.cases_of.get(p["i"], [])):
                t += dt.timedelta(days=1)
            rec = p
            hh = [q for q in hh_index.get(p["i"], [p]) if not q.get("ghost")]
            if len(hh) > 1 and r.random() < 0.2:
                rec = r.choice([q for q in hh if q["age"] >= 12] or [p])
                while any(cr["case"]["filing"] == t.date() for cr in W.cases_of.get(rec["i"], [])):
                    t += dt.timedelta(days=1)
            make_order(acc, t, rec, cat=cat, restricted=True)
        if p["debtor"] and r.random() < 0.15:
            # a hotel booked on the general platform as well
            acc2 = account(W, p, "jinque")
            t = t_rand(W)
            while any(cr["case"]["filing"] == t.date() for cr in W.cases_of.get(p["i"], [])):
                t += dt.timedelta(days=1)
            make_order(acc2, t, p, cat=r.choice(["星级酒店", "高尔夫球场", "旅游度假"]), restricted=True)
    # debtors booked for by a spouse's account (by_holder = False)
    for p in [q for q in W.P if q["debtor"] and not q["org"] and q["active"] and "geo_only" not in q["flags"]
              and "sender_only" not in q["flags"]]:
        hh = [q for q in hh_index.get(p["i"], [p]) if q["i"] != p["i"] and q["age"] >= 20 and not q.get("ghost")]
        if hh and r.random() < 0.06:
            acc = account(W, hh[0], "tripgo")
            for _ in range(r.randint(1, 2)):
                t = t_rand(W)
                while any(cr["case"]["filing"] == t.date() for cr in W.cases_of.get(p["i"], [])):
                    t += dt.timedelta(days=1)
                make_order(acc, t, p, cat=r.choice(["机票", "高铁商务座", "星级酒店"]), restricted=True)
            p["flags"].append("restricted_via_family_account")
    return orders


def gen_waybills(W, orders, hh_index):
    r = W.rng
    wbs = []
    seq = defaultdict(int)
    carriers = ["hongyun", "beidou", "shanpao", "anxin"]

    def wno(c):
        seq[c] += 1
        k = seq[c]
        return {"hongyun": f"HY{7730000000 + k * 3}", "beidou": f"BD{k:010d}", "shanpao": f"SP9{k:09d}",
                "anxin": f"AX{k:08d}", "kuaidi88": f"K88{k:06d}", "bad": f"ZZ{k:07d}"}[c]

    def merchant():
        g = r.choice(DISTRICTS)
        nm = r.choice(ORG_WORDS) + r.choice(["旗舰店", "官方店", "电商仓", "专营店", "工厂店"])
        return nm, r.choice([f"400-{r.randint(100, 999)}-{r.randint(1000, 9999)}", render_landline(W, W.new_landline(g), False)]), \
            f"{g['city']}{g['dist']}{W.road()}{r.randint(1, 500)}号{r.choice(['物流园', '电商产业园', '仓储中心'])}{r.randint(1, 9)}号库"

    def sign_for(dest, kind, receiver):
        if kind in ("locker",) or dest["t"] == "locker":
            return "快递柜"
        if dest["t"] == "station":
            return "驿站代收"
        if dest["t"] == "gate":
            return "门卫代收"
        if dest["t"] in ("office", "shop"):
            return "本人签收"
        hh = hh_index.get(receiver["i"], [receiver])
        return r.choices(["本人签收", "家人代签", "门卫代收", "快递柜", "驿站代收"],
                         [55, 20 if len(hh) > 1 else 0, 9 if dest["t"] == "res" else 0, 10, 6])[0]

    def add(carrier, t_pick, sender, receiver_p, rname, rphone, dest, delivered, concerns, sign_type=None):
        sname, sphone, saddr = sender
        sign = t_pick + dt.timedelta(hours=r.uniform(10, 80)) if delivered else None
        st = (sign_type or sign_for(dest, None, receiver_p)) if delivered else None
        f = dict(waybill_no=wno(carrier), sender_name=sname, sender_phone=sphone, sender_address=saddr,
                 receiver_name=rname, receiver_phone=rphone, receiver_address=render_addr(W, dest),
                 pickup_time=t_pick, sign_time=sign, sign_type=st)
        door = delivered and st in ("本人签收", "家人代签") and dest["t"] in ("res", "vil", "office", "shop")
        w = Rec(src="logistics", platform=carrier, rid=f["waybill_no"], t=t_pick, f=f, concerns=concerns, dest=dest,
                delivered=delivered, door=door)
        wbs.append(w)
        return w

    # mirrors of ecommerce orders
    for o in orders:
        if o.cat in RESTRICTED or o.platform == "tripgo" or o.dest is None or r.random() > 0.25:
            continue
        rec_i = [i for i, role in o.concerns if "recipient" in role]
        if not rec_i:
            continue
        rp = W.P[rec_i[0]]
        t_pick = o.t + dt.timedelta(hours=r.uniform(3, 30))
        add(r.choice(carriers), t_pick, merchant(), rp, o.f["收货人"], o.f["收货手机"], o.dest,
            o.delivered, [(rp["i"], "receiver")])
    # independent parcels (platforms not in our exports)
    for p in [q for q in W.P if q["active"] and not q["org"] and q["age"] >= 17 and "geo_only" not in q["flags"]]:
        n = r.choice([0, 0, 0, 1, 1, 2, 3, 5])
        if "sender_only" in p["flags"]:
            n = 0
        for _ in range(n):
            t = t_rand(W)
            home = W.home_at(p, t)
            x = r.random()
            if p["work"] is not None and x < 0.2:
                dest = dict(p["work"]["addr"], company=p["work"]["company"], shopname=p["work"]["company"])
            elif x < 0.75:
                dest = home
            else:
                dest = pickup_point(W, home, r.choice(["locker", "station"]) if home["t"] != "vil" else "station")
            if "no_door_new_home" in p["flags"] and p["move"] and t >= p["move"] and dest is home:
                dest = pickup_point(W, home, "station")
            ph = W.phone_at(p, t)
            add(r.choice(carriers), t, merchant(), p, render_name(W, p), render_mobile(W, ph), dest,
                r.random() < 0.94, [(p["i"], "receiver")])
    # person-to-person: relatives, shop owners shipping from their shop
    for p in [q for q in W.P if q["debtor"] and not q["org"] and q["active"] and "geo_only" not in q["flags"]]:
        for kind, j in p["rel"]:
            q = W.P[j]
            if q.get("ghost"):
                continue
            if r.random() < 0.25:
                t = t_rand(W)
                # the debtor sends to the relative from home
                src = W.home_at(p, t)
                ph = W.phone_at(p, t)
                add(r.choice(carriers), t, (render_name(W, p), render_mobile(W, ph, mask_ok=True), render_addr(W, src, allow_note=False)),
                    q, render_name(W, q), render_mobile(W, W.phone_at(q, t)), W.home_at(q, t), r.random() < 0.95,
                    [(p["i"], "sender"), (q["i"], "receiver")])
            if r.random() < 0.2 and "sender_only" not in p["flags"]:
                t = t_rand(W)
                dest = W.home_at(p, t)
                add(r.choice(carriers), t, (render_name(W, q), render_mobile(W, W.phone_at(q, t)), render_addr(W, W.home_at(q, t), allow_note=False)),
                    p, render_name(W, p), render_mobile(W, W.phone_at(p, t)), dest, r.random() < 0.95,
                    [(q["i"], "sender"), (p["i"], "receiver")])
        if "shop_owner" in p["flags"] or "sender_only" in p["flags"]:
            w = p["work"]
            buyers = W.strangers
            for _ in range(r.randint(3, 20)):
                t = t_rand(W)
                b = r.choice(buyers)
                sname = w["company"] if r.random() < 0.5 else render_name(W, p)
                sphone = render_landline(W, w["landline"], False) if (w["landline"] and r.random() < 0.4) else render_mobile(W, W.phone_at(p, t))
                sa = dict(w["addr"], shopname=w["company"])
                add(r.choice(carriers), t, (sname, sphone, render_addr(W, sa, allow_note=False)), b, render_name(W, b),
                    render_mobile(W, W.phone_at(b, t)), W.home_at(b, t), r.random() < 0.95,
                    [(p["i"], "sender"), (b["i"], "receiver")])
    for o in [q for q in W.P if q["org"] and q["active"]]:
        buyers = W.strangers
        for _ in range(r.randint(0, 8)):
            t = t_rand(W)
            b = r.choice(buyers)
            add(r.choice(carriers), t, (o["name"], render_landline(W, o["landline"], False), render_addr(W, o["office"], allow_note=False)),
                b, render_name(W, b), render_mobile(W, W.phone_at(b, t)), W.home_at(b, t), r.random() < 0.95,
                [(o["i"], "sender"), (b["i"], "receiver")])
    return wbs


def region_text(W, g, style=None):
    r = W.rng
    if g is None:
        return None
    if g["munic"]:
        opts = [f"{g['pshort']} {g['dshort']}", g["prov"] + g["dist"], g["pshort"], f"中国 {g['pshort']}"]
    else:
        opts = [f"{g['pshort']} {g['cshort']}", g["prov"] + g["city"], g["cshort"], g["pshort"],
                f"{g['pshort']}省 {g['cshort']}" if not g["prov"].endswith("区") else g["pshort"] + " " + g["cshort"]]
    return r.choice(opts)


def gen_social(W):
    r = W.rng
    accts = []
    SP = {"lianbo": 45, "xiaoquan": 35, "kuaipai": 25}
    useq = defaultdict(int)
    for p in [q for q in W.P if q["active"] and not q["org"] and q["age"] >= 15]:
        if "sender_only" in p["flags"]:
            continue
        geo_only = "geo_only" in p["flags"]
        if geo_only:
            pfs = [r.choice(list(SP))]
        else:
            if r.random() < 0.35:
                continue
            pfs = [pf for pf in SP if r.random() < SP[pf] / 100] or [r.choice(list(SP))]
        for pf in pfs:
            useq[pf] += 1
            k = useq[pf]
            uid = {"lianbo": f"lb_{80000 + k * 11}", "xiaoquan": f"{3000000 + k * 17}", "kuaipai": f"kp{k * 7919:x}"}[pf]
            nick = r.choice(NICKS) + (p["given"][-1] if r.random() < 0.5 else r.choice(["", "123", "_", "007", "2026"]))
            if r.random() < 0.1:
                nick = render_name(W, p)
            if pf == "lianbo":
                rn = p["name"] if r.random() < 0.6 else mask_name(W, p["name"])
                idn = r.choices([p["id"], mask_id(W, p["id"], "6+4"), None], [20, 60, 20])[0]
            elif pf == "xiaoquan":
                rn = r.choice([p["name"][0] + "某" * (len(p["name"]) - 2) + p["name"][-1] if len(p["name"]) >= 3 else p["name"][0] + "某",
                               mask_name(W, p["name"]), None])
                idn = r.choice([None, mask_id(W, p["id"], "2+2")])
            else:
                rn = r.choice([None, p["name"], mask_name(W, p["name"])])
                idn = None
            ph = p["phones"][0]["n"]
            phone = r.choices([ph, ph[:3] + "****" + ph[-4:], None], [60, 30, 10] if pf != "kuaipai" else [20, 60, 20])[0]
            cur_g = p["home"]["g"]
            prof = region_text(W, r.choice([cur_g, cur_g, p["hukou_g"] or cur_g])) if r.random() < 0.8 else r.choice([None, "", "中国大陆", "其他", "海外"])
            logins, posts = [], []
            if not geo_only:
                for _ in range(r.randint(0, 12)):
                    t = t_rand(W)
                    h = W.home_at(p, t)
                    g = h["g"] if r.random() < 0.85 else r.choice(DISTRICTS)
                    reg = (g["prov"] + g["city"]) if not g["munic"] else g["prov"]
                    if r.random() < 0.15:
                        reg = g["prov"]
                    ip = f"{r.choice([36, 58, 59, 60, 61, 106, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 171, 175, 180, 182, 183, 202, 210, 211, 218, 219, 220, 221, 222, 223])}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
                    logins.append(dict(t=t, ip=ip, reg=reg))
            npost = r.randint(2, 6) if geo_only else r.choice([0, 0, 1, 2, 3, 5])
            for _ in range(npost):
                t = t_rand(W)
                h = W.home_at(p, t)
                x = r.random()
                if x < 0.45:
                    if h["t"] == "res":
                        poi = r.choice([h["xq"], h["g"]["dshort"] + h["xq"]])
                        addr = f"{h['g']['city'] if not h['g']['munic'] else h['g']['prov']}{h['g']['dist']}{h['road']}{h['xq']}"
                    else:
                        poi = h["vil"]
                        addr = f"{h['g']['city'] if not h['g']['munic'] else h['g']['prov']}{h['g']['dist']}{h['town']}{h['vil']}"
                    kind = "home_area"
                elif x < 0.65 and p["work"] is not None:
                    a = p["work"]["addr"]
                    poi = a.get("tower") or p["work"]["company"]
                    addr = f"{a['g']['city'] if not a['g']['munic'] else a['g']['prov']}{a['g']['dist']}{a['road']}{a['no']}号{a.get('tower', '')}"
                    kind = "work_area"
                else:
                    g = h["g"] if r.random() < 0.75 else r.choice(DISTRICTS)
                    poi = g["cshort"] + r.choice(POIS) if r.random() < 0.5 else r.choice(POIS) + f"({g['dshort']}店)"
                    addr = f"{g['city'] if not g['munic'] else g['prov']}{g['dist']}{W.road()}{r.randint(1, 500)}号"
                    kind = "poi"
                posts.append(dict(t=t, poi=poi, address=addr, kind=kind))
            logins.sort(key=lambda x: x["t"])
            posts.sort(key=lambda x: x["t"])
            accts.append(Rec(src="social", platform=pf, rid=uid, t=None, f=dict(uid=uid, nickname=nick, real_name=rn,
                             id_no=idn, phone=phone, profile_region=prof, logins=logins, geo_posts=posts),
                             concerns=[(p["i"], "holder")], dest=None, delivered=False, door=False))
    return accts


# ====================================================================== dirt (strangers only)
FORMULAS = ['=HYPERLINK("http://example.invalid/x","点此领红包")', "=1+2", "+SUM(A1:A9)", "-2+3", "@SUM(1,2)",
            '=cmd|" /C calc"!A0', "+86abc", "-收件人"]
CTRL = ["\x07", "\x1b", "\x0b", "\x00", "\x1f", "\x08"]


def ec_dirty_rows(W, strangers, n, pf):
    """bad rows for non-debtors: returns list of (fields list or raw text, dirt reason, person)."""
    r = W.rng
    out = []
    kinds = ["missing_columns", "extra_columns", "bad_order_time", "bad_sign_time", "bad_amount", "formula",
             "very_long", "control_chars", "empty_order_id", "ambiguous:single_digit_month",
             "ambiguous:no_seconds", "ambiguous:thousands_amount", "ambiguous:iso_dash_time",
             "ambiguous:currency_amount", "duplicate_in_file"]
    for j in range(n):
        p = r.choice(strangers)
        t = t_rand(W)
        kind = kinds[j % len(kinds)]
        h = W.home_at(p, t)
        f = [f"X{pf[:2].upper()}{r.randint(10 ** 8, 10 ** 9)}", f"x{r.randint(10 ** 5, 10 ** 6)}", p["name"], "", p["phones"][0]["n"],
             p["name"], p["phones"][0]["n"], canon(h), t.strftime("%Y/%m/%d %H:%M:%S"),
             (t + dt.timedelta(days=2)).strftime("%Y/%m/%d %H:%M:%S"), f"{r.uniform(10, 500):.2f}", "家居日用"]
        if kind == "missing_columns":
            f = f[:r.randint(6, 10)]
        elif kind == "extra_columns":
            f = f + ["备注", "多余"]
        elif kind == "bad_order_time":
            f[8] = r.choice(["2026/13/45 25:61:00", "昨天下午", "0000/00/00 00:00:00", "2026/02/30 10:00:00", "N/A"])
        elif kind == "bad_sign_time":
            f[9] = r.choice(["2026/11/99 10:00:00", "已签收", "2026/11/05 24:30:00"])
        elif kind == "bad_amount":
            f[10] = r.choice(["abc", "12..5", "--", "NaN元", "一百二十"])
        elif kind == "formula":
            col = r.choice([5, 7, 2])
            f[col] = r.choice(FORMULAS)
        elif kind == "very_long":
            f[7] = canon(h) + "附近" * r.randint(3000, 6000)
        elif kind == "control_chars":
            f[5] = p["name"][:1] + r.choice(CTRL) + p["name"][1:]
        elif kind == "empty_order_id":
            f[0] = ""
        elif kind == "ambiguous:single_digit_month":
            f[8] = f"{t.year}/{t.month}/{t.day} {t.hour}:{t.minute:02d}:{t.second:02d}"
        elif kind == "ambiguous:no_seconds":
            f[8] = t.strftime("%Y/%m/%d %H:%M")
        elif kind == "ambiguous:thousands_amount":
            f[10] = f"{r.uniform(1000, 50000):,.2f}"
        elif kind == "ambiguous:iso_dash_time":
            f[8] = t.strftime("%Y-%m-%d %H:%M:%S")
        elif kind == "ambiguous:currency_amount":
            f[10] = "¥" + f[10]
        out.append((f, kind, p, t, h))
    return out


# ====================================================================== writers
def csv_text(rows, quote_all=False, crlf=True):
    buf = io.StringIO()
    w = csv.writer(buf, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL, lineterminator="\r\n" if crlf else "\n")
    for row in rows:
        w.writerow(row)
    return buf.getvalue()


def row_lines(row, quote_all, crlf):
    s = csv_text([row], quote_all, crlf)
    return s, s.count("\n")


def fmt_t(t):
    return t.strftime("%Y/%m/%d %H:%M:%S") if t else ""


def fmt_amt(W, a, pf):
    if pf == "haoshi" and float(a) == int(a):
        return str(int(a))
    return f"{a:.2f}" if pf != "le-gou" else (f"{a:.2f}".rstrip("0").rstrip(".") if "." in f"{a:.2f}" else str(a))


def ec_row(W, o, cols, pf):
    f = dict(o.f)
    addr = f["收货地址"]
    r = W.rng
    if o.note == "embedded_newline":
        addr = addr.replace("号", "号\n", 1) if "号" in addr else addr + "\n"
    elif o.note == "embedded_comma":
        addr = addr.replace("号", "号,", 1) if "号" in addr else addr + ","
    f["收货地址"] = addr
    f["下单时间"] = fmt_t(f["下单时间"])
    f["签收时间"] = fmt_t(f["签收时间"])
    f["实付金额"] = fmt_amt(W, f["实付金额"], pf)
    return [f[c] for c in cols]


class Writer:
    def __init__(self, W, out):
        self.W = W
        self.out = out
        self.recrows = []     # rows of records.parquet
        self.files = []       # manifest

    def path(self, kind, name):
        d = os.path.join(self.out, "inbox", kind)
        os.makedirs(d, exist_ok=True)
        return os.path.join(d, name)

    def log(self, kind, name, rec, line, row, dirt=None, concerns=None, note=None):
        W = self.W
        cs = concerns if concerns is not None else (rec.concerns if rec else [])
        dest = rec.dest if rec else None
        primary = None
        for i, role in cs:
            if "recipient" in role or "receiver" in role:
                primary = W.P[i]
        if primary is None and cs:
            primary = W.P[cs[0][0]]
        dk = dest_kind(W, primary, dest, rec.t if rec else None) if rec else None
        self.recrows.append(dict(file=f"{kind}/{name}", line=line, row=row, source=kind,
                                 platform=rec.platform if rec else None, record_id=rec.rid if rec else None,
                                 person_ids=[W.P[i]["id"] for i, _ in cs], roles=[ro for _, ro in cs],
                                 dest_kind=dk, dest_address=canon(dest) if dest and dest.get("t") else None,
                                 delivered=bool(rec.delivered) if rec else False, door=bool(rec.door) if rec else False,
                                 dirt=dirt, note=note))

    def manifest(self, kind, name, what):
        self.files.append(dict(file=f"{kind}/{name}", what=what))

    # -------------------------------------------------------------- ecommerce
    def write_ec(self, name, recs, dirty=(), encoding="gb18030", quote_all=False, crlf=True, cols=EC_COLS,
                 truncate_last=False, what="orders"):
        W = self.W
        text = [csv_text([cols], quote_all, crlf)]
        line = 2
        items = [("rec", o) for o in recs] + [("dirt", d) for d in dirty]
        # interleave deterministically
        W.rng.shuffle(items)
        if truncate_last:
            # make sure the last item is a stranger's (dirty) row
            last = next(k for k in range(len(items) - 1, -1, -1) if items[k][0] == "dirt")
            items.append(items.pop(last))
        rowno = 1
        for idx, (kind, it) in enumerate(items):
            if kind == "rec":
                s, nl = row_lines(ec_row(W, it, cols, it.platform), quote_all, crlf)
                text.append(s)
                self.log("ecommerce", name, it, line, rowno, dirt=it.dirt, note=it.note)
            else:
                f, reason, p, t, h = it
                fd = dict(zip(EC_COLS, f)) if len(f) == 12 else None
                row = [fd[c] for c in cols] if fd else f
                is_last = idx == len(items) - 1
                if truncate_last and is_last:
                    reason = "truncated_last_line"
                    s, nl = row_lines(row, quote_all, crlf)
                    s = s[: max(10, len(s) // 2)]
                    s = s.rstrip("\r\n")
                else:
                    s, nl = row_lines(row, quote_all, crlf)
                text.append(s)
                rec = Rec(src="ecommerce", platform=name.split("_")[0], rid=f[0] if f else None, t=t, f=None,
                          concerns=[(p["i"], "holder+recipient")], dest=h, delivered=False, door=False)
                self.log("ecommerce", name, rec, line, rowno, dirt=reason)
                if reason == "duplicate_in_file":
                    text.append(s)
                    line += nl
                    rowno += 1
                    self.log("ecommerce", name, rec, line, rowno, dirt="duplicate_in_file")
            line += nl
            rowno += 1
        data = "".join(text)
        with open(self.path("ecommerce", name), "wb") as fh:
            fh.write(data.encode(encoding))
        self.manifest("ecommerce", name, what)

    # -------------------------------------------------------------- roster
    def write_roster(self, name, rows, bom=True, crlf=False, truncate_last=False, dup_line=False, blank_line=False):
        text = [csv_text([RO_COLS], False, crlf)]
        line = 2
        for k, (row, cr) in enumerate(rows):
            s, nl = row_lines(row, False, crlf)
            if truncate_last and k == len(rows) - 1:
                s = s[: len(s) * 2 // 3].rstrip("\r\n")
            text.append(s)
            self.recrows.append(dict(file=f"debtors/{name}", line=line, row=k + 1, source="debtors", platform=name.split("_")[0],
                                     record_id=row[0], person_ids=[cr["d"]["id"]], roles=["debtor"], dest_kind=None,
                                     dest_address=None, delivered=False, door=False,
                                     dirt="truncated_last_line(case repeated in newer export)" if truncate_last and k == len(rows) - 1 else None,
                                     note=None))
            line += nl
            if dup_line and k == 5:
                text.append(s)
                self.recrows.append(dict(self.recrows[-1], line=line, dirt="duplicate_in_file"))
                line += nl
            if blank_line and k == 9:
                text.append("\r\n" if crlf else "\n")
                line += 1
        data = "".join(text)
        with open(self.path("debtors", name), "wb") as fh:
            fh.write((b"\xef\xbb\xbf" if bom else b"") + data.encode("utf-8"))
        self.manifest("debtors", name, "roster")


def dest_kind(W, p, dest, t):
    if dest is None or p is None:
        return None
    t_ = dest.get("t")
    if t_ in ("locker", "station", "gate"):
        return t_
    c = canon(dest)
    if p["org"]:
        return "office" if c == canon(p["office"]) else "other"
    if c == canon(p["home"]):
        return "home"
    if p["old_home"] is not None and c == canon(p["old_home"]):
        return "old_home"
    if p["work"] is not None and c == canon(p["work"]["addr"]):
        return "work"
    return "other_home" if t_ in ("res", "vil") else "other"


# ====================================================================== main
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--debtors", type=int, default=2000)
    a = ap.parse_args()
    W = World(a.seed, a.debtors)
    r = W.rng
    debtors, orgs = build_population(W)
    assign_life(W, debtors)
    build_roster(W, debtors)
    # recent movers without any door trace at the new home
    for p in W.P:
        if not p["org"] and "recent_move" in p["flags"] and p["debtor"] and r.random() < 0.3:
            p["flags"].append("no_door_new_home")
    hh_index = {}
    by_hh = defaultdict(list)
    for p in W.P:
        if not p["org"] and p.get("hh") is not None:
            by_hh[p["hh"]].append(p)
    for p in W.P:
        if not p["org"]:
            hh_index[p["i"]] = [q for q in by_hh[p["hh"]] if q["home"] is p["home"]] if p.get("hh") is not None else [p]
    W.strangers = [p for p in W.P if p["role"] == "stranger"]
    orders = gen_orders(W, hh_index)
    wbs = gen_waybills(W, orders, hh_index)
    socials = gen_social(W)
    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    os.makedirs(os.path.join(a.out, "truth"))
    from gen_write import write_all, write_truth
    WR = Writer(W, a.out)
    write_all(W, WR, orders, wbs, socials)
    write_truth(W, WR, a.out)
    print(f"persons+orgs {len(W.P)}  orders {len(orders)}  waybills {len(wbs)}  social {len(socials)}  records {len(WR.recrows)}")


if __name__ == "__main__":
    import gen
    gen.main()
