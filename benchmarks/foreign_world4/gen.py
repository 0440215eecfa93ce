#!/usr/bin/env python
"""foreign4: an independent synthetic inbox + truth for the `locate` pipeline.

gen.py --out DIR --seed N --debtors K
Everything depends only on the seed. All people are invented.
"""
import argparse
import datetime as dt
import json
import os
import random
import shutil

import pyarrow as pa
import pyarrow.parquet as pq
import polars as pl

from tables import (CITIES, CITY_W, HUKOU, COURTS, SURNAMES, COMPOUND, GIVEN_M, GIVEN_F, GIVEN_RARE, COMMON_GIVEN,
                    NICK, TRAD, ROADS, EST_PRE, EST_SUF, TOWER_SUF, MARKETS, INDUSTRY, SHOPS, TOWN_SUF, SYL, ZH_NUM,
                    LOCKERS, STATIONS, NORMAL_CATS, TRAVEL_NORMAL, RESTRICTED, RESTRICTED_SET, PINYIN)

WIN_START = dt.datetime(2025, 12, 1)
WIN_END = dt.datetime(2026, 11, 26, 22, 0)
EXPORT_DATE = "20261127"
MOBILE_PRE = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "147", "150", "151", "152", "155", "157",
              "158", "159", "166", "173", "175", "176", "177", "178", "180", "181", "182", "183", "185", "186", "187",
              "188", "189", "191", "193", "198", "199"]
FW = str.maketrans("0123456789-", "０１２３４５６７８９－")


def id_check(s17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(c) * x for c, x in zip(s17, w)) % 11]


CC = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def credit_code(rng, county):
    body = "".join(rng.choice("0123456789") for _ in range(8))
    w = [3, 7, 9, 10, 5, 8, 4, 2]
    c9 = 11 - sum(int(c) * x for c, x in zip(body, w)) % 11
    org = body + ("X" if c9 == 10 else "0" if c9 == 11 else str(c9))
    s = rng.choice(["91", "91", "92", "93"]) + county + org
    w2 = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    c = 31 - sum(CC.index(ch) * x for ch, x in zip(s, w2)) % 31
    return s + CC[0 if c == 31 else c]


def zh(n):
    if n <= 10:
        return ZH_NUM[n]
    if n < 20:
        return "十" + (ZH_NUM[n - 10] if n > 10 else "")
    return ZH_NUM[n // 10] + "十" + (ZH_NUM[n % 10] if n % 10 else "")


class World:
    def __init__(self, seed, k):
        self.rng = random.Random(seed)
        self.k = k
        self.people = []
        self.ids = set()
        self.phones = set()
        self.hh = 0
        self.places = {}
        self.build_geo()

    # ------------------------------------------------------------------ geography
    def build_geo(self):
        r = self.rng
        self.estates = {}   # (city, dist) -> list of estate dicts
        self.villages = {}  # (city, dist) -> list of (town, village)
        self.towers = {}
        for ck, (prov, city, dists, post, area) in CITIES.items():
            for (d, code, ab, kind) in dists:
                if kind == "urban":
                    names = set()
                    lst = []
                    while len(lst) < 22:
                        n = r.choice(EST_PRE) + r.choice(EST_SUF)
                        if r.random() < 0.15:
                            n = r.choice(EST_PRE) + r.choice(["一期", "二期"]) if False else n
                        if n in names:
                            continue
                        names.add(n)
                        lst.append(dict(name=n, road=r.choice(ROADS), no=r.randint(1, 399)))
                    self.estates[(ck, d)] = lst
                    tw = []
                    for _ in range(6):
                        tw.append(dict(name=r.choice(EST_PRE[:20]) + r.choice(TOWER_SUF), road=r.choice(ROADS),
                                       no=r.randint(1, 500)))
                    self.towers[(ck, d)] = tw
                else:
                    vl = []
                    for _ in range(4):
                        town = r.choice(SYL) + r.choice(SYL) + r.choice(TOWN_SUF)
                        for _ in range(5):
                            vl.append((town, r.choice(SYL) + r.choice(SYL) + "村"))
                    self.villages[(ck, d)] = vl
        self.hukou_vill = {}
        for h in HUKOU:
            vl = []
            for _ in range(3):
                town = r.choice(SYL) + r.choice(SYL) + r.choice(TOWN_SUF)
                for _ in range(4):
                    vl.append((town, r.choice(SYL) + r.choice(SYL) + "村"))
            self.hukou_vill[h[3]] = vl

    def dist_of(self, ck, kind):
        ds = [d for d in CITIES[ck][2] if d[3] == kind]
        return self.rng.choice(ds) if ds else None

    def flat(self, ck, dist=None, estate=None):
        r = self.rng
        prov, city = CITIES[ck][0], CITIES[ck][1]
        if dist is None:
            dist = self.dist_of(ck, "urban")
        if estate is None:
            estate = r.choice(self.estates[(ck, dist[0])])
        p = dict(kind="flat", ck=ck, prov=prov, city=city, dist=dist[0], ab=dist[2], road=estate["road"],
                 no=estate["no"], estate=estate["name"], b=r.randint(1, 28), u=r.randint(1, 4),
                 room=r.randint(1, 26) * 100 + r.randint(1, 4))
        p["canon"] = f"{prov}{city}{p['dist']}{p['road']}{p['no']}号{p['estate']}{p['b']}幢{p['u']}单元{p['room']}室"
        return p

    def house(self, ck, dist=None, vill=None):
        r = self.rng
        prov, city = CITIES[ck][0], CITIES[ck][1]
        if dist is None:
            dist = self.dist_of(ck, "rural")
        if vill is None:
            vill = r.choice(self.villages[(ck, dist[0])])
        p = dict(kind="house", ck=ck, prov=prov, city=city, dist=dist[0], ab=dist[2], town=vill[0], village=vill[1],
                 g=r.randint(1, 12), n=r.randint(1, 80))
        p["canon"] = f"{prov}{city}{p['dist']}{p['town']}{p['village']}{p['g']}组{p['n']}号"
        return p

    def hukou_house(self, hk):
        r = self.rng
        town, vill = r.choice(self.hukou_vill[hk[3]])
        city = "" if hk[1].startswith("省直辖") else hk[1]
        p = dict(kind="house", ck=None, prov=hk[0], city=city, dist=hk[2], ab=hk[2][:2], town=town, village=vill,
                 g=r.randint(1, 12), n=r.randint(1, 80))
        p["canon"] = f"{hk[0]}{city}{hk[2]}{town}{vill}{p['g']}组{p['n']}号"
        return p

    def home(self, ck):
        rural = [d for d in CITIES[ck][2] if d[3] == "rural"]
        if rural and self.rng.random() < 0.15:
            return self.house(ck)
        return self.flat(ck)

    def work(self, ck):
        r = self.rng
        prov, city = CITIES[ck][0], CITIES[ck][1]
        dist = self.dist_of(ck, "urban")
        t = r.choices(["office", "market", "factory", "shop"], [45, 20, 20, 15])[0]
        base = f"{prov}{city}{dist[0]}"
        p = dict(kind=t, ck=ck, prov=prov, city=city, dist=dist[0], ab=dist[2])
        if t == "office":
            tw = r.choice(self.towers[(ck, dist[0])])
            fl = r.randint(2, 31)
            p.update(road=tw["road"], no=tw["no"], tower=tw["name"], floor=fl, room=fl * 100 + r.randint(1, 20),
                     company=r.choice(EST_PRE) + r.choice(INDUSTRY) + "有限公司")
            p["canon"] = f"{base}{p['road']}{p['no']}号{p['tower']}{p['room']}室"
        elif t == "market":
            p.update(road=r.choice(ROADS), no=r.randint(1, 600), market=r.choice(EST_PRE) + r.choice(MARKETS),
                     zone=r.choice("ABCDE"), stall=r.randint(1, 360), company=r.choice(SYL) + r.choice(SYL) + "商行")
            p["canon"] = f"{base}{p['road']}{p['no']}号{p['market']}{p['zone']}区{p['stall']}号"
        elif t == "factory":
            p.update(road=r.choice(ROADS), no=r.randint(1, 900),
                     company=CITIES[ck][1][:-1] + r.choice(EST_PRE) + r.choice(INDUSTRY) + "有限公司")
            p["canon"] = f"{base}{p['road']}{p['no']}号{p['company']}"
        else:
            p.update(road=r.choice(ROADS), no=r.randint(1, 900), company=r.choice(SYL) + r.choice(SYL) + r.choice(SHOPS))
            p["canon"] = f"{base}{p['road']}{p['no']}号{p['company']}"
        p["landline"] = f"{CITIES[ck][4]}-{r.choice('5678')}{r.randint(1000000, 9999999)}" if r.random() < 0.7 else None
        return p

    # ------------------------------------------------------------------ people
    def phone(self):
        while True:
            p = self.rng.choice(MOBILE_PRE) + f"{self.rng.randint(0, 99999999):08d}"
            if p not in self.phones:
                self.phones.add(p)
                return p

    def make_id(self, county, birth, gender):
        while True:
            seq = self.rng.randint(0, 99)
            s17 = f"{county}{birth:%Y%m%d}{seq:02d}{self.rng.choice('13579' if gender == 'M' else '02468')}"
            i = s17 + id_check(s17)
            if i not in self.ids:
                self.ids.add(i)
                return i

    def name(self, gender, surname=None):
        r = self.rng
        if surname is None:
            surname = r.choice(COMPOUND) if r.random() < 0.015 else SURNAMES[min(int(r.expovariate(1 / 25)), len(SURNAMES) - 1)]
        pool = GIVEN_M if gender == "M" else GIVEN_F
        x = r.random()
        if x < 0.3:
            g = r.choice(COMMON_GIVEN)
        elif x < 0.6:
            g = r.choice(pool)
        else:
            g = r.choice(pool) + r.choice(pool)
        if r.random() < 0.015:
            g = (g[:1] if len(g) > 1 else g) + r.choice(GIVEN_RARE)
        return surname, g

    def person(self, ck, role, gender=None, age=None, surname=None, given=None, county=None, home=None, hh=None):
        r = self.rng
        gender = gender or r.choice("MF")
        age = age if age is not None else r.randint(23, 66)
        birth = dt.date(2026 - age, 1, 1) + dt.timedelta(days=r.randint(0, 364))
        if surname is None or given is None:
            s, g = self.name(gender, surname)
            surname, given = surname or s, given or g
        if county is None:
            if r.random() < 0.55:
                county = r.choice(CITIES[ck][2])[1]
            else:
                county = r.choice(HUKOU)[3]
        p = dict(pid=f"P{len(self.people):06d}", name=surname + given, surname=surname, given=given, gender=gender,
                 birth=birth, age=age, id_number=self.make_id(county, birth, gender), county=county, ck=ck,
                 role=role, hh=hh, home=home, old_home=None, move_date=None, work=None, phones=[self.phone()],
                 old_phone=None, phone_change=None, flags=[], debtor=False, spouse=None, family=[], parent_far=None,
                 accounts={}, absent=False, violator=False, spouse_account=False)
        if r.random() < 0.12:
            p["phones"].append(self.phone())
        self.people.append(p)
        return p

    def household(self, ck, head_role, head=None, moved_p=0.3, home=None):
        """Create a household around `head` (created if None). Returns list of members."""
        r = self.rng
        self.hh += 1
        hid = f"H{self.hh:05d}"
        home = home or self.home(ck)
        if head is None:
            head = self.person(ck, head_role, hh=hid, home=home)
        head["hh"], head["home"] = hid, home
        mem = [head]
        if r.random() < 0.62 and head["age"] >= 24:
            sp = self.person(ck, "spouse", gender="F" if head["gender"] == "M" else "M",
                             age=max(22, head["age"] + r.randint(-5, 4)), hh=hid, home=home)
            head["spouse"], sp["spouse"] = sp["pid"], head["pid"]
            mem.append(sp)
        if head["age"] >= 44 and r.random() < 0.3:
            ch = self.person(ck, "child", age=r.randint(19, head["age"] - 22), surname=head["surname"] if head["gender"] == "M" or r.random() < 0.3 else None,
                             hh=hid, home=home)
            mem.append(ch)
        if r.random() < 0.3:
            hk = next((h for h in HUKOU if h[3] == head["county"]), None) or r.choice(HUKOU)
            pa_ = self.person(ck, "parent_far", gender="M", age=min(88, head["age"] + r.randint(22, 32)),
                              surname=head["surname"], county=hk[3], hh=f"{hid}P", home=self.hukou_house(hk))
            head["parent_far"] = pa_["pid"]
        for m in mem:
            m["family"] = [x["pid"] for x in mem if x is not m]
        if r.random() < moved_p:
            old = self.home(ck) if r.random() < 0.8 else self.home(r.choice(list(CITIES)))
            # move dates: 15% before the window, most inside it, a few very recent
            x = r.random()
            if x < 0.15:
                md = dt.datetime(2025, 6, 1) + dt.timedelta(days=r.randint(0, 170))
            elif x < 0.85:
                md = dt.datetime(2026, 1, 5) + dt.timedelta(days=r.randint(0, 270))
            else:
                md = dt.datetime(2026, 10, 10) + dt.timedelta(days=r.randint(0, 35))
            for m in mem:
                m["old_home"], m["move_date"] = old, md
        return mem

    def change_phone(self, p, lo=dt.datetime(2023, 1, 1), hi=dt.datetime(2026, 10, 20)):
        p["old_phone"] = self.phone()
        p["phone_change"] = lo + dt.timedelta(days=self.rng.randint(0, (hi - lo).days))

    def phone_at(self, p, t):
        if p["old_phone"] and t < p["phone_change"]:
            return p["old_phone"]
        if len(p["phones"]) > 1 and self.rng.random() < 0.3:
            return p["phones"][1]
        return p["phones"][0]

    def home_at(self, p, t):
        if p["old_home"] is not None and t < p["move_date"]:
            return p["old_home"]
        return p["home"]

    def build_people(self):
        r = self.rng
        k = self.k
        n_org = int(k * 0.07)
        n_per = k - n_org
        cities = list(CITY_W)
        cw = [CITY_W[c] for c in cities]
        self.debtors = []
        for i in range(n_per):
            ck = r.choices(cities, cw)[0]
            head = self.person(ck, "debtor", age=r.randint(24, 68))
            head["debtor"] = True
            mem = self.household(ck, "debtor", head=head)
            self.debtors.append(head)
            # 3% co-debtor spouse (also a roster entity, counted in K)
        # co-debtor spouses: mark some spouses as debtors too, replacing some standalone debtors is complex;
        # instead a few standalone debtors are *spouses* of other debtors.
        spouses = [p for p in self.people if p["role"] == "spouse"]
        r.shuffle(spouses)
        co = spouses[: int(n_per * 0.03)]
        # drop the same number of plain debtors (the last ones created) -> convert them into non-debtors
        for sp in co:
            sp["debtor"], sp["role"] = True, "debtor_spouse"
            self.debtors.append(sp)
        for p in self.debtors[n_per - len(co):n_per]:
            p["debtor"], p["role"] = False, "former_debtor_head"
        self.debtors = [p for p in self.debtors if p["debtor"]]
        # work places + colleagues
        self.workplaces = []
        for d in list(self.debtors):
            if 22 <= d["age"] <= 62 and r.random() < 0.58:
                w = self.work(d["ck"]) if r.random() < 0.9 else self.work(r.choice(cities))
                d["work"] = w
                self.workplaces.append(w)
                for _ in range(r.choice([0, 0, 1, 1, 2, 3])):
                    c = self.person(w["ck"], "colleague")
                    self.household(w["ck"], "colleague", head=c, moved_p=0.1)
                    c["work"] = w
        for p in self.people:
            if p["role"] in ("spouse", "child") and p["work"] is None and 22 <= p["age"] <= 60 and r.random() < 0.4:
                p["work"] = self.work(p["ck"])
        # neighbours in the same estate / village
        for d in list(self.debtors):
            if r.random() < 0.3:
                h = d["home"]
                if h["kind"] == "flat":
                    est = next(e for e in self.estates[(h["ck"], h["dist"])] if e["name"] == h["estate"])
                    dist = next(x for x in CITIES[h["ck"]][2] if x[0] == h["dist"])
                    nh = self.flat(h["ck"], dist, est)
                    if r.random() < 0.4:  # same building and unit, another floor
                        nh["b"], nh["u"] = h["b"], h["u"]
                        nh["room"] = (nh["room"] // 100 + 1) * 100 + h["room"] % 100 if nh["room"] == h["room"] else nh["room"]
                        nh["canon"] = f"{nh['prov']}{nh['city']}{nh['dist']}{nh['road']}{nh['no']}号{nh['estate']}{nh['b']}幢{nh['u']}单元{nh['room']}室"
                elif h.get("ck"):
                    dist = next(x for x in CITIES[h["ck"]][2] if x[0] == h["dist"])
                    nh = self.house(h["ck"], dist, (h["town"], h["village"]))
                else:
                    continue
                if nh["canon"] == h["canon"]:
                    continue
                self.household(h["ck"], "neighbour", home=nh, moved_p=0.1)
        # namesakes
        for d in list(self.debtors):
            if r.random() < 0.25:
                for _ in range(r.choice([1, 1, 2, 3])):
                    ck = d["ck"] if r.random() < 0.7 else r.choice(cities)
                    same_age = r.random() < 0.35
                    ns = self.person(ck, "namesake", gender=d["gender"], age=d["age"] if same_age else None,
                                     surname=d["surname"], given=d["given"],
                                     county=d["county"] if r.random() < 0.3 else None)
                    self.household(ck, "namesake", head=ns, moved_p=0.1)
        # strangers
        for _ in range(int(k * 1.3)):
            ck = r.choices(cities, cw)[0]
            self.household(ck, "stranger", moved_p=0.15)
        for p in self.people:
            if p["role"] == "stranger" and p["work"] is None and r.random() < 0.35:
                p["work"] = self.work(p["ck"])
        # phone changes
        for p in self.people:
            if p["role"] == "parent_far":
                continue
            if r.random() < (0.42 if p["debtor"] else 0.12):
                if p["debtor"] and r.random() < 0.35:
                    self.change_phone(p, dt.datetime(2026, 1, 1), dt.datetime(2026, 10, 15))
                else:
                    self.change_phone(p)
        # recycled numbers: 35% of debtors' old numbers go to a stranger 100-200 days after the change
        for d in self.debtors:
            if d["old_phone"] and r.random() < 0.35:
                st = self.person(r.choice(cities), "recycled_holder")
                self.household(st["ck"], "recycled_holder", head=st, moved_p=0)
                self.phones.discard(st["phones"][0])
                st["old_phone"] = st["phones"][0]
                st["phones"] = [d["old_phone"]]
                st["phone_change"] = d["phone_change"] + dt.timedelta(days=r.randint(100, 200))
                st["recycled_from"] = d["pid"]
                st["flags"].append("holds_recycled_number")
                d["flags"].append("old_number_recycled")
        # dirt strangers: only ever appear in dirty rows (plus their own clean life)
        self.dirt_people = []
        for _ in range(120):
            ck = r.choices(cities, cw)[0]
            self.dirt_people.append(self.household(ck, "dirt_stranger", moved_p=0)[0])
        # debtor behaviour flags
        for d in self.debtors:
            if r.random() < 0.12:
                d["absent"] = True
                d["flags"].append("absent_by_design")
            elif d["spouse"] and r.random() < 0.25:
                d["spouse_account"] = True
                d["flags"].append("uses_spouse_account")

    # ------------------------------------------------------------------ organisations and cases
    def build_cases(self):
        r = self.rng
        n_org = self.k - len(self.debtors)
        self.orgs = []
        cities = list(CITIES)
        for i in range(n_org):
            ck = r.choice(cities)
            dist = r.choice(CITIES[ck][2])
            kind = r.random()
            if kind < 0.6:
                nm = CITIES[ck][1] + r.choice(EST_PRE) + r.choice(INDUSTRY) + "有限公司"
            elif kind < 0.85:
                nm = CITIES[ck][1][:-1] + r.choice(EST_PRE) + r.choice(SYL) + r.choice(INDUSTRY) + "有限责任公司"
            else:
                nm = dist[0] + r.choice(SYL) + r.choice(SYL) + r.choice(SHOPS)
            code = credit_code(r, dist[1])
            w = self.work(ck)
            self.orgs.append(dict(pid=f"O{i:05d}", name=nm, id_number=code, ck=ck, kind="organisation",
                                  addr=w["canon"], phone=(w["landline"] or self.phone()), sends=r.random() < 0.3))
        seen_org = set()
        for o in self.orgs:
            if o["name"] in seen_org:
                o["name"] = o["name"].replace("有限", r.choice(SYL) + "有限", 1)
            seen_org.add(o["name"])
        self.cases = []
        used = set()
        court_by_city = {}
        for c in COURTS:
            court_by_city.setdefault(c[1], []).append(c)

        def new_case(ent, ck, share_with=None):
            c = r.choice(court_by_city.get(ck, COURTS)) if r.random() < 0.78 else r.choice(COURTS)
            x = r.random()
            if x < 0.22:
                fd = dt.date(2025, 12, 1) + dt.timedelta(days=r.randint(0, 350))
            else:
                fd = dt.date(2018, 1, 1) + dt.timedelta(days=r.randint(0, 2890))
            st = r.choices(["执行中", "终本", "执行完毕"], [50, 33, 17])[0]
            if fd > dt.date(2026, 9, 1) and st == "终本":
                st = "执行中"
            while True:
                kind = "执恢" if r.random() < 0.08 else "执"
                no = f"({fd.year}){c[3]}{kind}{r.randint(1, 9999)}号"
                if r.random() < 0.2:
                    no = no.replace("(", "（").replace(")", "）")
                if no not in used:
                    used.add(no)
                    break
            case = dict(case_no=no, court=c[0], group=c[4], judge="".join(self.name(r.choice("MF"))),
                        filed=fd, status=st, restrict="是" if r.random() < (0.72 if st != "执行完毕" else 0.5) else "否",
                        blacklist="是" if r.random() < 0.4 else "否",
                        amount=round(r.choice([r.uniform(800, 30000), r.uniform(30000, 2000000)]), 2),
                        parties=[ent["pid"]], dirt=None)
            self.cases.append(case)
            return case

        for d in self.debtors:
            for _ in range(r.choices([1, 2, 3, 4], [68, 22, 8, 2])[0]):
                new_case(d, d["ck"])
        dpool = [d for d in self.debtors]
        for o in self.orgs:
            for _ in range(r.choices([1, 2], [75, 25])[0]):
                c = new_case(o, o["ck"])
                if r.random() < 0.25:
                    c["parties"].append(r.choice(dpool)["pid"])
        # co-debtor spouses share one case with their partner
        by = {p["pid"]: p for p in self.people}
        for d in self.debtors:
            if d["role"] == "debtor_spouse" and by[d["spouse"]]["debtor"]:
                c = next(c for c in self.cases if c["parties"][0] == d["spouse"])
                if d["pid"] not in c["parties"]:
                    c["parties"].append(d["pid"])
        # dirty roster rows: extra concluded cases for entities that have another case
        for tag in ["formula_judge", "bad_date", "bad_amount", "missing_cols", "ctrl_char", "extra_cols"]:
            d = r.choice(self.debtors)
            c = new_case(d, d["ck"])
            c["status"], c["restrict"], c["dirt"] = "执行完毕", "否", tag
        self.by = by
        self.ent_cases = {}
        for c in self.cases:
            for pid in c["parties"]:
                self.ent_cases.setdefault(pid, []).append(c)
        # violators: present debtors with an open restricted case
        for d in self.debtors:
            oc = [c for c in self.ent_cases.get(d["pid"], []) if c["status"] != "执行完毕" and c["restrict"] == "是"]
            if oc and not d["absent"] and r.random() < 0.16:
                d["violator"] = True
                d["flags"].append("violator")
        # roster phones
        for d in self.debtors:
            x = r.random()
            cur = d["phones"]
            if d["old_phone"] is None and x < 0.35:
                d["old_phone_roster_only"] = self.phone()   # a number dead long ago, never used in the window
                old = [d["old_phone_roster_only"]]
            else:
                old = [d["old_phone"]] if d["old_phone"] else []
            if x < 0.35 and old:
                rp, kind = old, "stale"
            elif x < 0.65:
                rp, kind = cur[:1], "current"
            elif x < 0.8 and old:
                rp, kind = old + cur[:1], "mix"
            else:
                rp, kind = [], "empty"
            d["roster_phones"], d["roster_phone_kind"] = rp, kind
            d["flags"].append("roster_phone_" + kind)


# ====================================================================== text renderings

def prefix(p, r, style=None):
    prov, city, dist, ab = p["prov"], p["city"], p["dist"], p["ab"]
    pv = prov.replace("省", "").replace("自治区", "").replace("回族", "").replace("维吾尔", "")
    cshort = city[:-1] if city.endswith("市") else city
    ambiguous = dist in ("新城区", "西湖区", "长安区", "桥西区", "城关区") or p.get("ck") is None
    opts = [(f"{prov}{city}{dist}", 30), (f"{city}{dist}", 22), (f"{pv}{cshort}{dist}", 8), (f"{cshort}{dist}", 8),
            (f"{prov} {city} {dist} ", 8), (f"{cshort}{ab}", 4), (f"{pv}{city}{dist}", 5)]
    if not ambiguous:
        opts += [(dist, 8), (ab if len(ab) >= 2 else dist, 2)]
    if p.get("ck") and r.random() < 0.015:
        return CITIES[p["ck"]][3] + " " + f"{prov}{city}{dist}"
    s = r.choices([o[0] for o in opts], [o[1] for o in opts])[0]
    if p["kind"] == "flat" and r.random() < 0.05:
        s += p["road"][:2] + "街道"
    return s


def bldg(p, r, ne=False):
    b, u, room = p["b"], p["u"], p["room"]
    fl = room // 100
    forms = [(f"{b}幢{u}单元{room}室", 22), (f"{b}栋{u}单元{room}", 16), (f"{b}号楼{u}单元{room}室", 14),
             (f"{b}-{u}-{room}", 12), (f"{b}栋{u}-{room}", 4), (f"{b}#楼{u}单元{room}", 4),
             (f"{zh(b)}栋{zh(u)}单元{room}室", 3), (f"{b}栋{u}单元{room}".translate(FW), 3),
             (f"{b}栋 {u}单元 {room}室", 3), (f"{b}栋{u}单元{fl}楼{room}", 4), (f"{b}栋{u}单元{room}房", 3),
             (f"{b}号楼{u}门{room}", 8 if ne else 1), (f"{b}座{u}单元{room}号", 2)]
    return r.choices([f[0] for f in forms], [f[1] for f in forms])[0]


REMARKS = ["（放门口）", "【到了打电话】", "，送货上门", " 请放门口谢谢", "(家里有人)", "（工作日送）"]


def addr_text(p, r, dest="door", locker=None):
    k = p["kind"]
    pre = prefix(p, r)
    if k == "flat":
        road = f"{p['road']}{p['no']}号" if r.random() < 0.68 else ""
        est = p["estate"]
        if r.random() < 0.1 and not est.endswith("小区"):
            est += "小区"
        if dest == "locker":
            lk = locker
            f = r.randint(0, 4)
            if f == 0:
                return f"{pre}{road}{est}{lk}"
            if f == 1:
                return f"{pre}{lk}({est}{r.choice(['南门', '北门', '东门', ''])})"
            if f == 2:
                return f"{pre}{road}{est}{p['b']}幢旁{lk}"
            if f == 3:
                return f"{pre}{lk}（{est}店）"
            return f"{pre}{est}{lk}"
        s = f"{pre}{road}{est}{bldg(p, r, ne=p['ck'] in ('哈尔滨', '呼和浩特'))}"
        if r.random() < 0.06:
            s += r.choice(REMARKS)
        return s
    if k == "house":
        if dest == "locker":
            return f"{pre}{p['town']}{p['village']}{r.choice(['村委会快递代收点', '小卖部代收点', '菜鸟驿站'])}"
        town = p["town"] if r.random() < 0.75 else ""
        f = r.randint(0, 6)
        g, n = p["g"], p["n"]
        grp = [f"{g}组{n}号", f"{zh(g)}组{n}号", f"第{g}村民小组{n}号", f"{g}组 {n}号", f"{g}组{n}号",
               f"村委会{g}组{n}号", f"{g}组{n}号"][f]
        if pre.endswith(" "):
            pre = pre
        return f"{pre}{town}{p['village']}{grp}"
    road = f"{p['road']}{p['no']}号"
    if k == "office":
        if dest == "locker":
            return f"{pre}{road}{p['tower']}一楼大堂{locker}"
        f = r.randint(0, 5)
        tail = [f"{p['room']}室", f"{p['floor']}楼{p['room']}", f"{p['floor']}F-{p['room']}", f"{p['floor']}层{p['room']}室",
                f"{p['room']}（{p['company']}）", f"{p['room']}室{p['company']}"][f]
        return f"{pre}{road if r.random() < 0.7 else ''}{p['tower']}{tail}"
    if k == "market":
        f = r.randint(0, 3)
        tail = [f"{p['zone']}区{p['stall']}号", f"{p['zone']}-{p['stall']}", f"{p['zone']}区{p['stall']}号商铺",
                f"{p['zone']}区{p['stall']}号（{p['company']}）"][f]
        return f"{pre}{road if r.random() < 0.5 else ''}{p['market']}{tail}"
    if k in ("factory", "shop"):
        f = r.randint(0, 2)
        return [f"{pre}{road}{p['company']}", f"{pre}{p['company']}({road})", f"{pre}{road} {p['company']}"][f]
    raise ValueError(k)


def locker_name(p, r):
    return r.choice(LOCKERS) if r.random() < 0.55 else r.choice(STATIONS)


def locker_canon(p, lk):
    if p["kind"] == "flat":
        return f"{p['prov']}{p['city']}{p['dist']}{p['road']}{p['no']}号{p['estate']}{lk}"
    if p["kind"] == "house":
        return f"{p['prov']}{p['city']}{p['dist']}{p['town']}{p['village']}代收点"
    return f"{p['prov']}{p['city']}{p['dist']}{p['road']}{p['no']}号{p.get('tower', '')}{lk}"


def phone_text(ph, r, mask_p=0.0, landline=None):
    if landline and r.random() < 0.35:
        a, n = landline.split("-")
        return r.choice([landline, f"({a}){n}", f"{a}{n}", f"{a} {n}"])
    if r.random() < mask_p:
        return ph[:3] + "****" + ph[7:]
    f = r.choices(range(10), [55, 7, 7, 5, 2, 8, 7, 3, 2, 4])[0]
    return [ph, "+86" + ph, "+86 " + ph, "86" + ph, "0086" + ph, f"{ph[:3]}-{ph[3:7]}-{ph[7:]}",
            f"{ph[:3]} {ph[3:7]} {ph[7:]}", "+86-" + ph, "+86 " + f"{ph[:3]} {ph[3:7]} {ph[7:]}", ph + " "][f]


def pinyin(p, r):
    s = PINYIN.get(p["surname"])
    g = [PINYIN.get(c) for c in p["given"]]
    if not s or None in g:
        return None
    gg = "".join(g)
    f = r.randint(0, 4)
    return [f"{s.capitalize()} {gg.capitalize()}", f"{s}{gg}", f"{s.upper()} {gg.upper()}", f"{gg.capitalize()} {s.capitalize()}",
            f"{s.capitalize()}{gg}"][f]


def typed_name(p, r, strict=False):
    s, g = p["surname"], p["given"]
    if strict:
        return p["name"] if r.random() < 0.85 else s + ("先生" if p["gender"] == "M" else "女士")
    x = r.random()
    if x < 0.6:
        return p["name"]
    if x < 0.68:
        return s + ("先生" if p["gender"] == "M" else "女士")
    if x < 0.72:
        return s + "**"
    if x < 0.79:
        t = r.choice(NICK)
        return t.format(s=s, g=g[-1])
    if x < 0.84:
        py = pinyin(p, r)
        if py:
            return py
        return p["name"]
    if x < 0.88:
        return "".join(TRAD.get(c, c) for c in p["name"])
    if x < 0.91:
        return s + "\u3000" + g if r.random() < 0.5 else s + " " + g
    if x < 0.93:
        return p["name"] + r.choice(["🌸", "😊", "(本人)", "~"])
    if x < 0.95:
        return r.choice(["收件人", "本人", "业主"])
    return p["name"]


def mask_name(p, r, mode):
    s, g = p["surname"], p["given"]
    if mode == "full":
        return p["name"]
    if mode == "x*y":
        return s + "*" * (len(g) - 1) + g[-1] if len(g) > 1 else s + "*"
    if mode == "x**":
        return s + "**"
    if mode == "*y":
        return "*" + g[-1] if len(g) == 1 else "*" * len(s) + g
    if mode == "mou":
        return s + "某" + (g[-1] if len(g) > 1 else "")
    raise ValueError(mode)


def mask_id(i, mode):
    if mode == "full":
        return i
    if mode == "6-4":
        return i[:6] + "*" * 8 + i[-4:]
    if mode == "2-2":
        return i[:2] + "*" * 14 + i[-2:]
    if mode == "0-4":
        return "*" * 14 + i[-4:]
    if mode == "4-4":
        return i[:4] + "*" * 10 + i[-4:]
    if mode == "empty":
        return ""
    raise ValueError(mode)


# ====================================================================== records
ECOM_POL = {  # masking policy per e-commerce platform
    "yunhuo": dict(name=[("full", 75), ("x*y", 25)], id=[("full", 55), ("6-4", 30), ("empty", 15)], phone_mask=0.3,
                   rphone_mask=0.03, start=WIN_START),
    "pinmi": dict(name=[("x**", 50), ("x*y", 20), ("*y", 10), ("full", 20)], id=[("2-2", 40), ("0-4", 20), ("empty", 40)],
                  phone_mask=0.8, rphone_mask=0.25, start=dt.datetime(2026, 4, 1)),
    "365mall": dict(name=[("full", 90), ("x*y", 10)], id=[("full", 80), ("4-4", 20)], phone_mask=0.0, rphone_mask=0.0,
                    start=dt.datetime(2026, 6, 1)),
    "feiyou": dict(name=[("full", 100)], id=[("full", 85), ("6-4", 15)], phone_mask=0.0, rphone_mask=0.0,
                   start=WIN_START),
}


def pick(r, lst):
    return r.choices([x[0] for x in lst], [x[1] for x in lst])[0]


def rand_time(r, a, b, evening=True):
    t = a + dt.timedelta(seconds=r.randint(0, int((b - a).total_seconds())))
    if evening and r.random() < 0.6:
        t = t.replace(hour=r.choice([8, 12, 19, 20, 21, 22, 23]))
    return t


class Records:
    def __init__(self, w):
        self.w = w
        self.r = w.rng
        self.orders = []     # logical e-commerce orders
        self.waybills = []
        self.social = []
        self.oid = 0

    def dest_for(self, p, t, kind, target=None):
        """returns (place_text, dest_kind, dest_canon)"""
        r = self.r
        if kind == "home":
            h = self.w.home_at(target or p, t)
            return addr_text(h, r), "home_door", h["canon"]
        if kind == "locker":
            h = self.w.home_at(p, t)
            lk = locker_name(h, r)
            return addr_text(h, r, "locker", lk), "locker", locker_canon(h, lk)
        if kind == "work":
            wk = p["work"]
            if wk["kind"] == "office" and r.random() < 0.12:
                lk = r.choice(LOCKERS)
                return addr_text(wk, r, "locker", lk), "locker", locker_canon(wk, lk)
            return addr_text(wk, r), "work_door", wk["canon"]
        raise ValueError(kind)

    def new_order(self, plat, acct, holder, recip, t, kind, target=None, cat=None, amount=None, recip_typed=None,
                  restricted=False):
        r = self.r
        w = self.w
        if restricted:
            h = w.home_at(holder, t)
            text, dk, canon = addr_text(h, r), "none", None
            signed = None
        else:
            text, dk, canon = self.dest_for(recip if kind != "gift" else holder, t, kind if kind != "gift" else "home", target)
            if kind == "gift":
                text, dk, canon = addr_text(target["home"], r), "home_door", target["home"]["canon"]
            signed = t + dt.timedelta(hours=r.randint(20, 120))
            if signed > WIN_END or r.random() < 0.035:
                signed = None
        pol = ECOM_POL[plat]
        rp = w.phone_at(recip, t)
        land = (recip["work"] or {}).get("landline") if dk == "work_door" else None
        self.oid += 1
        o = dict(platform=plat, order_id=acct["oid_fmt"](self.oid, t), buyer=acct["buyer"],
                 real_name=acct["real_name"], real_id=acct["real_id"],
                 bound=phone_text(w.phone_at(holder, t), r, pol["phone_mask"]) if not acct.get("bound_fixed") else acct["bound_fixed"],
                 recip_name=recip_typed or typed_name(recip, r, strict=restricted),
                 recip_phone=phone_text(rp, r, pol["rphone_mask"], land), addr=text, ordered=t, signed=signed,
                 amount=amount if amount is not None else round(r.choice([r.uniform(5, 120), r.uniform(50, 600), r.uniform(300, 4000)]), 2),
                 cat=cat or r.choice(NORMAL_CATS), holder=holder["pid"], recipient=recip["pid"], dest_kind=dk,
                 dest_canon=canon, door=(signed is not None and dk in ("home_door", "work_door")),
                 restricted=(cat in RESTRICTED_SET) if cat else False, dirt=None)
        self.orders.append(o)
        return o

    def account(self, plat, holder):
        r = self.r
        pol = ECOM_POL[plat]
        n = len(self.orders)
        if plat == "yunhuo":
            buyer = f"YH{r.randint(10 ** 7, 10 ** 8 - 1)}"
            fmt = lambda i, t: f"{t:%Y%m%d}{i:09d}"
        elif plat == "pinmi":
            buyer = f"{r.randint(10 ** 10, 10 ** 11 - 1)}"
            fmt = lambda i, t: f"PM-{t:%y%m%d}-{i:07d}"
        elif plat == "365mall":
            buyer = f"m365_{r.randint(10 ** 5, 10 ** 6 - 1)}"
            fmt = lambda i, t: f"{i:012d}"
        else:
            buyer = f"FY{r.randint(10 ** 6, 10 ** 7 - 1)}"
            fmt = lambda i, t: f"FY{t:%Y%m}{i:07d}"
        a = dict(plat=plat, buyer=buyer, oid_fmt=fmt, real_name=mask_name(holder, r, pick(r, pol["name"])),
                 real_id=mask_id(holder["id_number"], pick(r, pol["id"])))
        return a

    def gen_orders(self):
        w, r = self.w, self.r
        by = w.by
        for p in w.people:
            if p["role"] in ("dirt_stranger",) and r.random() < 0.5:
                continue
            if p["debtor"] and (p["absent"] or p["spouse_account"]):
                continue
            plats = []
            if r.random() < 0.78:
                plats.append("yunhuo")
            if r.random() < 0.4:
                plats.append("pinmi")
            if r.random() < 0.22:
                plats.append("365mall")
            fam = [by[x] for x in p["family"] if not (by[x]["debtor"] and by[x]["absent"])]
            spouse_acc_for = [by[x] for x in p["family"] if by[x]["debtor"] and by[x]["spouse_account"]]
            if spouse_acc_for and "yunhuo" not in plats:
                plats.append("yunhuo")
            parent = by[p["parent_far"]] if p["parent_far"] else None
            if p["debtor"]:
                prof = dict(home=40, locker=30, work=30 if p["work"] else 0, fam=6, gift=6 if parent else 0)
            else:
                prof = dict(home=55, locker=25, work=20 if p["work"] else 0, fam=8, gift=5 if parent else 0)
            for plat in plats:
                acct = self.account(plat, p)
                n = max(1, int(r.expovariate(1 / (7 if plat == "yunhuo" else 4))))
                if plat == "yunhuo" and r.random() < 0.06:
                    n += 25  # heavy buyers
                for _ in range(n):
                    t = rand_time(r, ECOM_POL[plat]["start"], WIN_END - dt.timedelta(hours=3))
                    kind = r.choices(list(prof), list(prof.values()))[0]
                    if kind == "fam" and fam:
                        rec = r.choice(fam)
                        if rec.get("absent"):
                            continue
                        self.new_order(plat, acct, p, rec, t, "home", target=p)
                    elif kind == "gift" and parent:
                        self.new_order(plat, acct, p, parent, t, "gift", target=parent)
                    elif kind == "work" and p["work"]:
                        self.new_order(plat, acct, p, p, t, "work")
                    elif kind == "locker":
                        self.new_order(plat, acct, p, p, t, "locker")
                    else:
                        self.new_order(plat, acct, p, p, t, "home")
                # ordering for the debtor spouse who has no own account
                if plat == "yunhuo":
                    for d in spouse_acc_for:
                        for _ in range(r.randint(2, 9)):
                            t = rand_time(r, WIN_START, WIN_END - dt.timedelta(hours=3))
                            k = r.choices(["home", "work", "locker"], [55, 25 if d["work"] else 0, 20])[0]
                            if k == "work":
                                self.new_order(plat, acct, p, d, t, "work")
                            elif k == "locker":
                                self.new_order(plat, acct, p, d, t, "locker")
                            else:
                                self.new_order(plat, acct, p, d, t, "home", target=d)
        # travel / luxury
        self.travel_accts = {}
        for p in w.people:
            if p["debtor"] and p["absent"]:
                continue
            if p["violator"] or (r.random() < 0.1 and p["role"] != "parent_far"):
                self.restricted_orders(p)

    def restricted_orders(self, p):
        w, r = self.w, self.r
        by = w.by
        via_spouse = p["debtor"] and p["spouse"] and (p["spouse_account"] or r.random() < 0.3)
        holder = by[p["spouse"]] if via_spouse else p
        if holder["debtor"] and holder["absent"]:
            holder = p
        for _ in range(r.randint(1, 3)):
            cat = r.choice(RESTRICTED + TRAVEL_NORMAL)
            plat = "365mall" if cat.startswith("奢侈品") or cat == "高尔夫球场" else "feiyou"
            key = (plat, holder["pid"])
            if key not in self.travel_accts:
                self.travel_accts[key] = self.account(plat, holder)
            acct = self.travel_accts[key]
            if p["debtor"]:
                cases = [c for c in w.ent_cases[p["pid"]] if c["status"] != "执行完毕" and c["restrict"] == "是"]
                lo = max([dt.datetime.combine(c["filed"], dt.time()) + dt.timedelta(days=2) for c in cases] + [WIN_START]) if cases and r.random() < 0.85 else WIN_START
            else:
                lo = WIN_START
            if lo >= WIN_END - dt.timedelta(days=2):
                lo = WIN_START
            # passenger / recipient: the person, or (holder is the debtor) a family member
            recip = p
            if holder is p and p["family"] and r.random() < 0.2:
                recip = by[r.choice(p["family"])]
                if recip["debtor"] and recip["absent"]:
                    recip = p
            t = rand_time(r, lo, WIN_END - dt.timedelta(hours=5), evening=False)
            # avoid ordering on a filing day of any case of these people (truth stays unambiguous)
            fds = set()
            for q in (p, holder, recip):
                fds |= {c["filed"] for c in w.ent_cases.get(q["pid"], [])}
            while t.date() in fds:
                t += dt.timedelta(days=1)
            amt = round(r.uniform(380, 5200) if not cat.startswith("奢侈品") else r.uniform(6000, 48000), 2)
            if cat in TRAVEL_NORMAL:
                amt = round(r.uniform(20, 600), 2)
            plat_delivered = plat == "365mall"
            if plat_delivered:
                o = self.new_order(plat, acct, holder, recip, t, "home", target=recip, cat=cat, amount=amt,
                                   recip_typed=typed_name(recip, r, strict=True))
            else:
                o = self.new_order(plat, acct, holder, recip, t, "home", cat=cat, amount=amt, restricted=True)
            o["restricted"] = cat in RESTRICTED_SET

    # ------------------------------------------------------------------ waybills
    def gen_waybills(self):
        w, r = self.w, self.r
        by = w.by
        self.wb = 0
        for o in self.orders:
            if o["platform"] in ("yunhuo", "pinmi") and o["dest_kind"] != "none" and r.random() < 0.3:
                rec = by[o["recipient"]]
                snd = dict(name=r.choice(EST_PRE) + r.choice(["旗舰店", "专营店", "官方店", "电商仓"]),
                           phone=r.choice(["400-", "0571-", "020-", "0755-"]) + f"{r.randint(1000000, 9999999)}",
                           addr=r.choice(["浙江省杭州市余杭区", "广东省广州市白云区", "广东省东莞市", "江苏省苏州市吴中区"]) + r.choice(ROADS) + f"{r.randint(1, 999)}号仓库",
                           pid=None)
                t = o["ordered"] + dt.timedelta(hours=r.randint(2, 30))
                sg = o["signed"]
                if sg is not None and sg < t + dt.timedelta(hours=6):
                    sg = t + dt.timedelta(hours=r.randint(6, 50))
                    if sg > WIN_END:
                        sg = None
                self.waybill(snd, rec, o["recip_name"], o["addr"], o["dest_kind"], o["dest_canon"], t, sg,
                             holder=None, order=o)
        people = [p for p in w.people if not (p["debtor"] and p["absent"]) and p["role"] != "parent_far"]
        for p in people:
            # inbound personal parcels (a friend / seller sends to p)
            for _ in range(r.choices([0, 1, 2, 4], [40, 30, 20, 10])[0]):
                t = rand_time(r, WIN_START, WIN_END - dt.timedelta(days=1))
                kind = r.choices(["home", "work", "locker"], [55, 25 if p["work"] else 0, 20])[0]
                text, dk, canon = self.dest_for(p, t, kind)
                snd = self.person_sender(r.choice(people), t)
                signed = t + dt.timedelta(hours=r.randint(18, 90))
                if signed > WIN_END:
                    signed = None
                self.waybill(snd, p, typed_name(p, r), text, dk, canon, t, signed)
            # outbound: p sends to a parent or a family member elsewhere
            if p["parent_far"] and r.random() < 0.5:
                par = by[p["parent_far"]]
                for _ in range(r.randint(1, 3)):
                    t = rand_time(r, WIN_START, WIN_END - dt.timedelta(days=2))
                    snd = self.person_sender(p, t)
                    signed = t + dt.timedelta(hours=r.randint(30, 100))
                    self.waybill(snd, par, typed_name(par, r), addr_text(par["home"], r), "home_door", par["home"]["canon"],
                                 t, signed if signed <= WIN_END else None)
        for o in w.orgs:
            if o["sends"]:
                for _ in range(r.randint(1, 4)):
                    t = rand_time(r, WIN_START, WIN_END - dt.timedelta(days=2))
                    rec = r.choice(people)
                    text, dk, canon = self.dest_for(rec, t, "home")
                    snd = dict(name=o["name"], phone=o["phone"], addr=o["addr"], pid=o["pid"])
                    signed = t + dt.timedelta(hours=r.randint(20, 80))
                    self.waybill(snd, rec, typed_name(rec, r), text, dk, canon, t, signed if signed <= WIN_END else None)

    def person_sender(self, s, t):
        r = self.r
        h = self.w.home_at(s, t) if s["home"] else None
        src = s["work"] if s["work"] and r.random() < 0.3 else h
        return dict(name=typed_name(s, r), phone=self.w.phone_at(s, t), addr=addr_text(src, r) if src else "", pid=s["pid"])

    def waybill(self, snd, rec, rname, raddr, dk, canon, pickup, signed, holder=None, order=None):
        r = self.r
        self.wb += 1
        rp = self.w.phone_at(rec, pickup)
        if signed is None:
            st = None
        elif dk == "home_door":
            st = r.choices(["本人签收", "家人代签", "门卫代收", "快递柜", "驿站代收"], [50, 25 if rec["family"] else 0, 12, 8, 5])[0]
        elif dk == "work_door":
            st = r.choices(["本人签收", "门卫代收"], [60, 40])[0]
        elif dk == "locker":
            st = "快递柜" if any(x in raddr for x in ["柜", "速递易"]) else "驿站代收"
        else:
            st = "本人签收"
        self.waybills.append(dict(seq=self.wb, sender_name=snd["name"], sender_phone=snd["phone"],
                                  sender_address=snd["addr"], receiver_name=rname, receiver_phone=rp,
                                  receiver_address=raddr, pickup=pickup, signed=signed, sign_type=st,
                                  receiver=rec["pid"], sender=snd["pid"], dest_kind=dk, dest_canon=canon,
                                  door=st in ("本人签收", "家人代签"), order=order, dirt=None))

    # ------------------------------------------------------------------ social
    def gen_social(self):
        w, r = self.w, self.r
        self.uids = set()
        for p in w.people:
            if p["debtor"] and p["absent"]:
                continue
            if p["role"] == "parent_far" and r.random() < 0.8:
                continue
            for plat, prob in (("qingliao", 0.5), ("paipai", 0.22)):
                if r.random() >= prob:
                    continue
                while True:
                    uid = (f"ql{r.randint(10 ** 8, 10 ** 9 - 1)}" if plat == "qingliao" else f"pp-{r.randint(10 ** 6, 10 ** 7 - 1):x}")
                    if uid not in self.uids:
                        self.uids.add(uid)
                        break
                opened = WIN_START - dt.timedelta(days=r.randint(0, 1500))
                nm = r.choices(["full", "x*y", "mou", "*y", "x**", None, "missing"], [30, 20, 12, 5, 8, 10, 15])[0]
                idm = r.choices(["full", "6-4", "2-2", None, "missing"], [10, 30, 15, 15, 30])[0]
                ph = w.phone_at(p, opened) if r.random() < 0.5 else w.phone_at(p, WIN_END)
                h = p["home"]
                ck = h.get("ck") or p["ck"]
                prov, city = CITIES[ck][0], CITIES[ck][1]
                logins = []
                for _ in range(r.randint(0, 9)):
                    t = rand_time(r, dt.datetime(2026, 6, 1), WIN_END)
                    travel = r.random() < 0.07
                    c2 = r.choice(list(CITIES)) if travel else ck
                    logins.append(dict(ts=t, ip=f"{r.randint(36, 223)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
                                       ip_region=f"{CITIES[c2][0]}{CITIES[c2][1]}" if r.random() < 0.85 else CITIES[c2][0]))
                posts = []
                for _ in range(r.choices([0, 1, 2, 4], [45, 25, 20, 10])[0]):
                    t = rand_time(r, WIN_START, WIN_END)
                    hh = w.home_at(p, t)
                    if hh["kind"] == "flat" and r.random() < 0.6:
                        posts.append(dict(ts=t, poi=f"{hh['dist']}{hh['estate']}", address=f"{hh['city']}{hh['dist']}{hh['road']}{hh['no']}号{hh['estate']}"))
                    elif p["work"] and p["work"].get("tower") and r.random() < 0.5:
                        wk = p["work"]
                        posts.append(dict(ts=t, poi=wk["tower"], address=f"{wk['city']}{wk['dist']}{wk['road']}{wk['no']}号{wk['tower']}"))
                    else:
                        posts.append(dict(ts=t, poi=r.choice(["万达广场", "火车站", "人民公园", "市图书馆", "体育中心"]),
                                          address=f"{city}{r.choice(CITIES[ck][2])[0]}{r.choice(ROADS)}"))
                rec = dict(platform=plat, uid=uid, nickname=r.choice(["", "海边的", "快乐的", "追风", "老"]) + (p["given"][-1] if r.random() < 0.5 else r.choice(["小鱼", "石头", "阿飞", "大熊", "Sunny", "木子"])),
                           real_name=nm if nm in (None, "missing") else mask_name(p, r, nm),
                           id_no=idm if idm in (None, "missing") else mask_id(p["id_number"], idm),
                           phone=ph if r.random() < 0.7 else ph[:3] + "****" + ph[7:],
                           profile_region=r.choice([f"{prov[:2] if not prov.startswith('内蒙') and not prov.startswith('黑龙') else prov[:3]} {city[:-1]}", None, "其他", f"{city}"]),
                           logins=logins, geo_posts=posts, holder=p["pid"], dirt=None)
                if r.random() < 0.1:
                    rec["phone"] = None
                self.social.append(rec)


# ====================================================================== writing
ECOM_COLS = ["订单编号", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人", "收货手机", "收货地址", "下单时间", "签收时间",
             "实付金额", "商品类目"]
ROSTER_COLS = ["案号", "执行法院", "承办人", "被执行人", "证件类型", "证件号码", "联系电话", "户籍地址", "执行标的", "立案日期",
               "限制消费", "失信", "案件状态"]


def fmt_t(t):
    return "" if t is None else t.strftime("%Y/%m/%d %H:%M:%S")


def csv_field(v, quote_all):
    v = "" if v is None else str(v)
    if quote_all or any(c in v for c in ',"\r\n'):
        return '"' + v.replace('"', '""') + '"'
    return v


class Writer:
    def __init__(self, w, rec, out):
        self.w, self.rec, self.out = w, rec, out
        self.r = random.Random(w.rng.random())
        self.rows = []  # records.parquet rows

    def path(self, sub, name):
        d = os.path.join(self.out, "inbox", sub)
        os.makedirs(d, exist_ok=True)
        return os.path.join(d, name)

    def add(self, file, line, source, platform, key, **kw):
        row = dict(file=file, line=line, source=source, platform=platform, record_key=key, holder_id=None,
                   recipient_id=None, receiver_id=None, sender_id=None, dest_kind=None, dest_canonical=None,
                   delivered=False, door=False, dirty=False, dirt_reason=None, copy=False)
        row.update(kw)
        self.rows.append(row)

    # ---------------------------------------------------------------- CSV helper
    def write_csv(self, sub, name, header, rows, enc, quote_all=False, eol="\r\n", bom=False, final_eol=True,
                  truncate_last=False):
        """rows: list of (fields | raw-string, meta). meta is passed to add(); returns nothing."""
        parts = [",".join(csv_field(h, quote_all) for h in header) + eol]
        line = 2
        metas = []
        for i, (fields, meta) in enumerate(rows):
            txt = fields if isinstance(fields, str) else ",".join(csv_field(f, quote_all) for f in fields)
            last = i == len(rows) - 1
            if last and truncate_last:
                txt = txt[: max(5, len(txt) * 2 // 3)]
                parts.append(txt)
            else:
                parts.append(txt + ("" if (last and not final_eol) else eol))
            if meta is not None:
                metas.append((line, meta))
            line += txt.count("\n") + 1
        data = "".join(parts)
        fn = self.path(sub, name)
        if enc == "utf-16":
            b = data.encode("utf-16")
        else:
            b = (b"\xef\xbb\xbf" if bom else b"") + data.encode(enc)
        with open(fn, "wb") as f:
            f.write(b)
        rel = f"{sub}/{name}"
        for ln, meta in metas:
            m = dict(meta)
            self.add(rel, ln, **m)

    # ---------------------------------------------------------------- roster
    def roster(self):
        w, r = self.w, self.r
        ents = {p["pid"]: p for p in w.debtors}
        ents.update({o["pid"]: o for o in w.orgs})
        groups = {}
        for c in w.cases:
            groups.setdefault(c["group"], []).append(c)
        styles = {"fy61": dict(bom=True, eol="\r\n", quote_all=False, shuffle=False),
                  "fy53": dict(bom=False, eol="\n", quote_all=True, shuffle=False),
                  "fy23": dict(bom=True, eol="\n", quote_all=False, shuffle=True)}
        for gi, (g, cases) in enumerate(sorted(groups.items())):
            st = styles.get(g, dict(bom=gi % 2 == 0, eol="\r\n" if gi % 3 else "\n", quote_all=gi % 4 == 1, shuffle=False))
            cols = list(ROSTER_COLS)
            if st["shuffle"]:
                r.shuffle(cols)
            for date, old in (("20261127", False), ("20261113", True)):
                if old and g not in ("fy61", "fy53"):
                    continue
                rows = []
                for c in sorted(cases, key=lambda c: (c["filed"], c["case_no"])):
                    if old and (c["filed"] > dt.date(2026, 11, 13) or c["dirt"]):
                        continue
                    status = c["status"]
                    if old and status == "执行完毕" and r.random() < 0.5:
                        status = "执行中"
                    if old and status == "终本" and r.random() < 0.35:
                        status = "执行中"
                    for pid in c["parties"]:
                        e = ents[pid]
                        rows.append(self.roster_row(c, e, status, cols, old))
                if not old:
                    # an exact duplicate line and a blank line
                    if g == "fy13":
                        dup = rows[len(rows) // 3]
                        rows.insert(len(rows) // 2, (list(dup[0]), dict(dup[1], copy=True, dirty=True, dirt_reason="exact_duplicate_line")))
                name = f"{g}_roster_{date}.csv"
                self.write_csv("debtors", name, cols, rows, "utf-8", quote_all=st["quote_all"], eol=st["eol"],
                               bom=st["bom"], truncate_last=(old and g == "fy53"))
                if old and g == "fy53":
                    self.rows[-1].update(dirty=True, dirt_reason="truncated_last_line")
        # blank line in one roster (not a row): appended raw
        fn = self.path("debtors", "fy46_roster_20261127.csv")
        with open(fn, "ab") as f:
            f.write(b"\r\n")

    def roster_row(self, c, e, status, cols, old):
        r = self.r
        person = "orgs" not in e and "gender" in e
        idn = e["id_number"]
        if person and idn.endswith("X") and r.random() < 0.4:
            idn = idn[:-1] + "x"
        phones = e.get("roster_phones", []) if person else ([e["phone"]] if r.random() < 0.5 else [])
        sep = r.choice([";", "；", "、", ",", "; ", "，"[:0] + "、 "])
        amt = c["amount"]
        af = r.random()
        amount = f"{amt:,.2f}" if af < 0.4 else (f"{amt:.2f}" if af < 0.85 else f"{int(amt)}")
        if person:
            x = r.random()
            hk = next((h for h in HUKOU if h[3] == e["county"]), None)
            if x < 0.1:
                hukou = e["home"]["canon"]
            elif x < 0.2 and e["old_home"]:
                hukou = e["old_home"]["canon"]
            elif hk:
                hukou = self.w.hukou_house(hk)["canon"]
            else:
                hukou = self.w.home(e["ck"])["canon"]
        else:
            hukou = e["addr"]
        d = {"案号": c["case_no"], "执行法院": c["court"], "承办人": c["judge"], "被执行人": e["name"],
             "证件类型": "居民身份证" if person else "统一社会信用代码", "证件号码": idn, "联系电话": sep.join(phones),
             "户籍地址": hukou, "执行标的": amount, "立案日期": c["filed"].isoformat(), "限制消费": c["restrict"],
             "失信": c["blacklist"], "案件状态": status}
        dirty = c["dirt"] if not old else None
        if dirty == "formula_judge":
            d["承办人"] = '=HYPERLINK("http://example.invalid","' + c["judge"] + '")'
        elif dirty == "bad_date":
            d["立案日期"] = f"{c['filed'].year}-02-30"
        elif dirty == "bad_amount":
            d["执行标的"] = "十二万"
        elif dirty == "ctrl_char":
            d["户籍地址"] = d["户籍地址"] + "\x07\x1b"
        fields = [d[k] for k in cols]
        if dirty == "missing_cols":
            fields = fields[:-3]
        elif dirty == "extra_cols":
            fields = fields + ["备注", "多余"]
        meta = dict(source="debtors", platform=None, key=f"roster|{c['case_no']}|{e['pid']}", holder_id=e["pid"],
                    dirty=dirty is not None, dirt_reason=dirty)
        return fields, meta

    # ---------------------------------------------------------------- e-commerce
    def ecom_fields(self, o, file_end):
        signed = o["signed"] if (o["signed"] and o["signed"] <= file_end) else None
        amt = o["amount"]
        a = f"{amt:.2f}" if o["platform"] != "365mall" or self.r.random() < 0.7 else f"{amt:.1f}".rstrip("0").rstrip(".")
        d = {"订单编号": o["order_id"], "买家ID": o["buyer"], "实名姓名": o["real_name"], "实名证件号": o["real_id"],
             "绑定手机": o["bound"], "收货人": o["recip_name"], "收货手机": o["recip_phone"], "收货地址": o["addr"],
             "下单时间": fmt_t(o["ordered"]), "签收时间": fmt_t(signed), "实付金额": a, "商品类目": o["cat"]}
        meta = dict(source="ecommerce", platform=o["platform"], key=f"ecommerce|{o['platform']}|{o['order_id']}",
                    holder_id=o["holder"], recipient_id=o["recipient"], dest_kind=o["dest_kind"],
                    dest_canonical=o["dest_canon"], delivered=signed is not None,
                    door=signed is not None and o["dest_kind"] in ("home_door", "work_door"))
        return d, meta

    def dirt_orders(self, plat, n, t_lo, t_hi):
        """clean-looking orders about dirt strangers, to be corrupted"""
        w, r = self.w, self.r
        res = []
        for _ in range(n):
            p = r.choice(w.dirt_people)
            acct = self.rec.account(plat, p)
            t = rand_time(r, t_lo, t_hi)
            before = len(self.rec.orders)
            o = self.rec.new_order(plat, acct, p, p, t, "home")
            self.rec.orders.pop()  # not part of the clean world
            res.append(o)
        return res

    def corrupt_ecom(self, d, o, reason, cols):
        r = self.r
        if reason == "bad_order_time":
            d["下单时间"] = r.choice(["2026/02/30 10:11:12", "2026-13-01 08:00", "昨天 14:20", "2026/11/05 25:61:00"])
        elif reason == "bad_sign_time":
            d["签收时间"] = r.choice(["2026/11/31 09:00:00", "已签收", "0000/00/00 00:00:00"])
        elif reason == "bad_amount":
            d["实付金额"] = r.choice(["12.5.3", "￥壹佰元", "abc", "--", "NaN"])
        elif reason == "formula_eq":
            d["收货人"] = '=HYPERLINK("http://example.invalid/x","点我领取")'
        elif reason == "formula_plus":
            d["收货人"] = "+SUM(1,1)"
        elif reason == "formula_minus":
            d["收货地址"] = "-2+3*cmd|' /C calc'!A0"
        elif reason == "formula_at":
            d["实名姓名"] = "@SUM(A1:A9)"
        elif reason == "long_string":
            d["收货地址"] = d["收货地址"] + "附近" * 3500
        elif reason == "ctrl_char":
            d["收货人"] = d["收货人"][:1] + "\x07\x08" + d["收货人"][1:]
        elif reason == "nul_char":
            d["收货地址"] = d["收货地址"] + "\x00\x00"
        elif reason == "empty_order_id":
            d["订单编号"] = ""
        fields = [d[c] for c in cols]
        if reason == "missing_cols":
            fields = fields[:8]
        elif reason == "extra_cols":
            fields = fields + ["赠品", "备注:周末送"]
        return fields

    def ecommerce(self):
        r = self.r
        orders = self.rec.orders
        E = dt.timedelta(hours=23, minutes=59, seconds=59)

        def D(s):
            return dt.datetime.strptime(s, "%Y%m%d")
        plan = {
            "yunhuo": [("20260228", WIN_START, D("20260228") + E), ("20260531", D("20260301"), D("20260531") + E),
                       ("20260831", D("20260601"), D("20260831") + E), ("20261120", D("20260901"), D("20261120") + E),
                       ("20261127", D("20261114"), D("20261127"))],
            "pinmi": [("20261015", D("20260401"), D("20261015") + E), ("20261127", D("20261016"), D("20261127"))],
            "365mall": [("20261127", D("20260601"), D("20261127"))],
            "feiyou": [("20261127", WIN_START, D("20261127"))],
        }
        style = {"yunhuo": dict(quote_all=False, eol="\r\n", shuffle=False, final_eol=True),
                 "pinmi": dict(quote_all=True, eol="\n", shuffle=True, final_eol=True),
                 "365mall": dict(quote_all=False, eol="\n", shuffle=False, final_eol=False),
                 "feiyou": dict(quote_all=False, eol="\r\n", shuffle=False, final_eol=True)}
        dirt_reasons = ["missing_cols", "extra_cols", "bad_order_time", "bad_sign_time", "bad_amount", "formula_eq",
                        "formula_plus", "formula_minus", "formula_at", "long_string", "ctrl_char", "empty_order_id",
                        "dup_in_file"]
        self.ecom_copies = {}
        for plat, files in plan.items():
            cols = list(ECOM_COLS)
            if style[plat]["shuffle"]:
                cols = ["下单时间", "订单编号", "买家ID", "收货人", "收货手机", "收货地址", "实付金额", "商品类目", "签收时间",
                        "实名姓名", "实名证件号", "绑定手机"]
            po = sorted([o for o in orders if o["platform"] == plat], key=lambda o: o["ordered"])
            for date, lo, hi in files:
                fe = D(date) + E if date != "20261127" else dt.datetime(2026, 11, 27)
                rows = []
                for o in po:
                    if lo <= o["ordered"] <= hi:
                        d, meta = self.ecom_fields(o, fe)
                        rows.append(([d[c] for c in cols], meta))
                self.ecom_copies[(plat, date)] = [(d, m) for d, m in rows]
                # dirt
                nd = max(4, len(rows) // 180)
                drt = self.dirt_orders(plat, nd, lo, min(hi, WIN_END))
                reasons = list(dirt_reasons)
                if plat == "pinmi" and date == "20261015":
                    reasons.append("nul_char")
                for i, o in enumerate(drt):
                    reason = reasons[i % len(reasons)]
                    d, meta = self.ecom_fields(o, fe)
                    meta = dict(meta, holder_id=o["holder"], recipient_id=o["recipient"])
                    if reason == "dup_in_file":
                        pos = r.randint(0, len(rows))
                        rows.insert(pos, ([d[c] for c in cols], dict(meta)))
                        rows.insert(pos + 1, ([d[c] for c in cols], dict(meta, dirty=True, dirt_reason="dup_in_file")))
                        continue
                    fields = self.corrupt_ecom(d, o, reason, cols)
                    rows.insert(r.randint(0, len(rows)), (fields, dict(meta, dirty=True, dirt_reason=reason)))
                trunc = plat == "yunhuo" and date == "20261120"
                if trunc:
                    o = self.dirt_orders(plat, 1, lo, hi)[0]
                    d, meta = self.ecom_fields(o, fe)
                    rows.append(([d[c] for c in cols], dict(meta, dirty=True, dirt_reason="truncated_last_line")))
                st = style[plat]
                self.write_csv("ecommerce", f"{plat}_orders_{date}.csv", cols, rows, "gb18030", quote_all=st["quote_all"],
                               eol=st["eol"], final_eol=st["final_eol"], truncate_last=trunc)
        # re-sent copies in other encodings / names (clean copies of rows already present)
        def copies(plat, date, n, upto=None):
            src = [x for x in self.ecom_copies[(plat, date)]]
            if upto:
                src = [x for x in src if x[0][ECOM_COLS.index("下单时间")] <= upto]
            return [(f, dict(m, copy=True)) for f, m in src[-n:]]
        # UTF-16 export (Excel "Unicode text" saved as .csv) of the last 40 yunhuo rows up to 11-25
        rows = []
        for f, m in copies("yunhuo", "20261127", 40, upto="2026/11/25 00:00:00"):
            rows.append((f, m))
        self.write_csv("ecommerce", "yunhuo_orders_20261125.csv", ECOM_COLS, rows, "utf-16", eol="\r\n")
        rows = copies("365mall", "20261127", 30)
        self.write_csv("ecommerce", "365mall_orders_20261120.csv", ECOM_COLS, rows, "utf-8", bom=True, eol="\n")
        rows = copies("yunhuo", "20261127", 20)
        self.write_csv("ecommerce", "yunhuo_orders_2026-11-27.csv", ECOM_COLS, rows, "gb18030", eol="\r\n")
        open(self.path("ecommerce", "365mall_orders_20261126.csv"), "wb").close()
        with open(self.path("ecommerce", "导出说明.txt"), "w", encoding="utf-8") as f:
            f.write("本目录为协助执行通知书项下的订单导出。\n")

    # ---------------------------------------------------------------- social
    def social(self):
        r = self.r
        recs = self.rec.social

        def ts(t, style):
            if style == "frac":
                return t.strftime("%Y-%m-%dT%H:%M:%S") + f".{r.randint(0, 999):03d}+08:00"
            return t.strftime("%Y-%m-%dT%H:%M:%S+08:00")

        def obj(s, style, cutoff=None):
            o = {"uid": s["uid"], "nickname": s["nickname"]}
            if s["real_name"] != "missing":
                o["real_name"] = s["real_name"]
            if s["id_no"] != "missing":
                o["id_no"] = s["id_no"]
            o["phone"] = s["phone"]
            o["profile_region"] = s["profile_region"]
            lg = [x for x in s["logins"] if cutoff is None or x["ts"] <= cutoff]
            gp = [x for x in s["geo_posts"] if cutoff is None or x["ts"] <= cutoff]
            o["logins"] = [dict(ts=ts(x["ts"], style), ip=x["ip"], ip_region=x["ip_region"]) for x in lg] if (lg or r.random() < 0.5) else None
            if gp or r.random() < 0.5:
                o["geo_posts"] = [dict(ts=ts(x["ts"], style), poi=x["poi"], address=x["address"]) for x in gp]
            if style == "frac":
                ks = list(o)
                r.shuffle(ks)
                o = {k: o[k] for k in ks}
            return o

        def meta(s, plat, **kw):
            return dict(source="social", platform=plat, key=f"social|{plat}|{s['uid']}", holder_id=s["holder"], **kw)

        def dirt_lines(plat, n, style):
            out = []
            kinds = ["not_json", "json_array", "json_null", "ctrl_char_raw", "long_nickname", "formula_nickname",
                     "bad_ts", "missing_uid"]
            for i in range(n):
                p = r.choice(self.w.dirt_people)
                s = dict(uid=f"{plat[:2]}x{r.randint(10 ** 6, 10 ** 7)}", nickname=p["given"], real_name=p["name"],
                         id_no=None, phone=p["phones"][0], profile_region=None, logins=[], geo_posts=[], holder=p["pid"])
                o = obj(s, style)
                k = kinds[i % len(kinds)]
                if k == "not_json":
                    txt = '{"uid": "' + s["uid"] + '", "nickname": ' + p["given"] + ", phone:"
                elif k == "json_array":
                    txt = json.dumps([s["uid"], p["name"], p["phones"][0]], ensure_ascii=False)
                elif k == "json_null":
                    txt = "null"
                elif k == "ctrl_char_raw":
                    txt = json.dumps(o, ensure_ascii=False).replace(p["given"], p["given"] + "\x01\x02", 1)
                elif k == "long_nickname":
                    o["nickname"] = "哈" * 20000
                    txt = json.dumps(o, ensure_ascii=False)
                elif k == "formula_nickname":
                    o["nickname"] = '=HYPERLINK("http://example.invalid","福利")'
                    txt = json.dumps(o, ensure_ascii=False)
                elif k == "bad_ts":
                    o["logins"] = [dict(ts="2026-02-30T25:00:00+08:00", ip="1.2.3.4", ip_region="未知")]
                    txt = json.dumps(o, ensure_ascii=False)
                else:
                    o.pop("uid")
                    txt = json.dumps(o, ensure_ascii=False)
                out.append((txt, meta(s, plat, dirty=True, dirt_reason=k)))
            return out

        def write(plat, date, items, style, ensure_ascii, eol, bom=False, trunc=False, name=None):
            lines = []
            for s, m in items:
                if isinstance(s, str):
                    lines.append((s, m))
                else:
                    lines.append((json.dumps(obj(s, style, None if date == "20261127" else dt.datetime.strptime(date, "%Y%m%d") + dt.timedelta(days=1)),
                                             ensure_ascii=ensure_ascii), m))
            name = name or f"{plat}_accounts_{date}.jsonl"
            rel = f"social/{name}"
            parts = []
            for i, (txt, m) in enumerate(lines):
                last = i == len(lines) - 1
                if last and trunc:
                    parts.append(txt[: len(txt) // 2])
                else:
                    parts.append(txt + eol)
                self.add(rel, i + 1, **m)
            with open(self.path("social", name), "wb") as f:
                f.write((b"\xef\xbb\xbf" if bom else b"") + "".join(parts).encode("utf-8"))

        ql = [s for s in recs if s["platform"] == "qingliao"]
        pp = [s for s in recs if s["platform"] == "paipai"]
        items = [(s, meta(s, "qingliao")) for s in ql]
        for x in dirt_lines("qingliao", max(8, len(ql) // 250), "plain"):
            items.insert(r.randint(0, len(items)), x)
        p = r.choice(self.w.dirt_people)
        s = dict(uid=f"qlx{r.randint(10 ** 6, 10 ** 7)}", nickname=p["given"], real_name=p["name"], id_no=None,
                 phone=p["phones"][0], profile_region=None, logins=[], geo_posts=[], holder=p["pid"])
        items.append((json.dumps(obj(s, "plain"), ensure_ascii=False), meta(s, "qingliao", dirty=True, dirt_reason="truncated_last_line")))
        write("qingliao", "20261127", items, "plain", False, "\n", trunc=True)
        old = [(s, meta(s, "qingliao", copy=True)) for s in ql if r.random() < 0.55]
        write("qingliao", "20261030", old, "plain", True, "\n")
        # paipai: UTF-8 BOM, CRLF, fractional seconds, shuffled keys; the first line is a stranger (BOM test)
        p = r.choice(self.w.dirt_people)
        s = dict(uid=f"pp-f{r.randint(10 ** 5, 10 ** 6):x}", nickname=p["given"], real_name=p["name"], id_no=None,
                 phone=p["phones"][0], profile_region=None, logins=[], geo_posts=[], holder=p["pid"])
        items = [(s, meta(s, "paipai", dirty=True, dirt_reason="bom_first_line_stranger"))]
        body = [(s2, meta(s2, "paipai")) for s2 in pp]
        for x in dirt_lines("paipai", max(8, len(pp) // 200), "frac"):
            body.insert(r.randint(0, len(body)), x)
        items += body
        write("paipai", "20261127", items, "frac", False, "\r\n", bom=True)
        write("paipai", "20261127", [(s2, meta(s2, "paipai", copy=True)) for s2 in pp[:25]], "frac", False, "\n",
              name="paipai_accounts_20261127.json")

    # ---------------------------------------------------------------- logistics
    def logistics(self):
        w, r = self.w, self.r
        cars = {"jisu": [], "hongma": [], "beiji": []}
        for b in self.rec.waybills:
            opts = [("jisu", 45), ("hongma", 35)] + ([("beiji", 20)] if b["pickup"] >= dt.datetime(2026, 7, 1) else [])
            c = pick(r, opts)
            cars[c].append(b)
        maskp = {"jisu": (0.5, 0.7), "hongma": (0.0, 0.2), "beiji": (0.6, 0.9)}

        def wbno(c, b):
            return {"jisu": f"JS{b['seq'] * 7919 % 10 ** 10 + 10 ** 11}", "hongma": f"{7 * 10 ** 12 + b['seq']}",
                    "beiji": f"BJ{b['pickup']:%y%m}{b['seq']:08d}"}[c]

        def maskn(n, p):
            if r.random() < p and 2 <= len(n) <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in n):
                return n[0] + ("*" * (len(n) - 2) + n[-1] if r.random() < 0.6 and len(n) > 2 else "**")
            return n

        def maskp_(ph, p):
            if ph and len(ph) == 11 and ph.isdigit() and r.random() < p:
                return ph[:3] + "****" + ph[7:]
            return ph

        def row(c, b, file_end):
            signed = b["signed"] if b["signed"] and b["signed"] <= file_end else None
            mn, mp = maskp[c]
            d = dict(waybill_no=wbno(c, b), sender_name=maskn(b["sender_name"], mn * 0.5),
                     sender_phone=maskp_(b["sender_phone"], mp * 0.5), sender_address=b["sender_address"],
                     receiver_name=maskn(b["receiver_name"], mn), receiver_phone=maskp_(b["receiver_phone"], mp),
                     receiver_address=b["receiver_address"], pickup_time=b["pickup"], sign_time=signed,
                     sign_type=b["sign_type"] if signed else None)
            meta = dict(source="logistics", platform=c, key=f"logistics|{c}|{d['waybill_no']}", receiver_id=b["receiver"],
                        sender_id=b["sender"], dest_kind=b["dest_kind"], dest_canonical=b["dest_canon"],
                        delivered=signed is not None, door=signed is not None and b["door"])
            return d, meta

        def dirt(c, n, lo, hi):
            out = []
            kinds = ["null_waybill_no", "null_pickup_time", "sign_before_pickup", "unknown_sign_type", "formula_name",
                     "ctrl_char", "long_address", "dup_in_file", "formula_at_address"]
            for i in range(n):
                p = r.choice(w.dirt_people)
                t = rand_time(r, lo, hi - dt.timedelta(days=3))
                text, dk, canon = self.rec.dest_for(p, t, "home")
                self.rec.wb += 1
                b = dict(seq=self.rec.wb, sender_name="某某旗舰店", sender_phone="400-8001234", sender_address="广东省广州市白云区某仓",
                         receiver_name=p["name"], receiver_phone=p["phones"][0], receiver_address=text, pickup=t,
                         signed=t + dt.timedelta(hours=30), sign_type="本人签收", receiver=p["pid"], sender=None,
                         dest_kind=dk, dest_canon=canon, door=True)
                d, meta = row(c, b, dt.datetime(2026, 11, 27))
                k = kinds[i % len(kinds)]
                if k == "dup_in_file":
                    out.append((d, meta))
                    out.append((dict(d), dict(meta, dirty=True, dirt_reason=k)))
                    continue
                if k == "null_waybill_no":
                    d["waybill_no"] = None
                elif k == "null_pickup_time":
                    d["pickup_time"] = None
                elif k == "sign_before_pickup":
                    d["sign_time"] = d["pickup_time"] - dt.timedelta(days=4)
                elif k == "unknown_sign_type":
                    d["sign_type"] = "放门口"
                elif k == "formula_name":
                    d["receiver_name"] = '=HYPERLINK("http://example.invalid","查看")'
                elif k == "ctrl_char":
                    d["receiver_address"] = d["receiver_address"] + "\x1b[31m\x07"
                elif k == "long_address":
                    d["receiver_address"] = d["receiver_address"] + "转角" * 4000
                elif k == "formula_at_address":
                    d["receiver_address"] = "@" + d["receiver_address"]
                out.append((d, dict(meta, dirty=True, dirt_reason=k)))
            return out

        def write(c, date, items, tsmode, name=None, shuffle_cols=False, large=False, rg=None, compression="snappy"):
            cols = ["waybill_no", "sender_name", "sender_phone", "sender_address", "receiver_name", "receiver_phone",
                    "receiver_address", "pickup_time", "sign_time", "sign_type"]
            if shuffle_cols:
                cols = ["pickup_time", "waybill_no", "receiver_name", "receiver_address", "receiver_phone", "sign_type",
                        "sign_time", "sender_name", "sender_address", "sender_phone"]
            st = pa.large_string() if large else pa.string()
            arrays, fields = [], []
            for col in cols:
                vals = [d[col] for d, _ in items]
                if col in ("pickup_time", "sign_time"):
                    if tsmode == "naive_us":
                        typ = pa.timestamp("us")
                        arr = pa.array(vals, type=typ)
                    else:
                        unit, tz = {"ns_p8": ("ns", "+08:00"), "ms_utc": ("ms", "UTC")}[tsmode]
                        mult = {"ns": 10 ** 9, "ms": 1000}[unit]
                        ints = [None if v is None else int(round((v - dt.datetime(1970, 1, 1) - dt.timedelta(hours=8)).total_seconds() * mult)) for v in vals]
                        typ = pa.timestamp(unit, tz=tz)
                        arr = pa.array(ints, type=pa.int64()).cast(typ)
                else:
                    typ = st
                    arr = pa.array(vals, type=st)
                arrays.append(arr)
                fields.append(pa.field(col, typ))
            t = pa.Table.from_arrays(arrays, schema=pa.schema(fields))
            name = name or f"{c}_waybills_{date}.parquet"
            pq.write_table(t, self.path("logistics", name), row_group_size=rg, compression=compression)
            for i, (_, m) in enumerate(items):
                self.add(f"logistics/{name}", i + 1, **m)
            return t

        def pairs(lst):  # keep a within-file duplicate right after its original
            out, i = [], 0
            while i < len(lst):
                if i + 1 < len(lst) and lst[i + 1][1].get("dirt_reason") == "dup_in_file":
                    out.append([lst[i], lst[i + 1]])
                    i += 2
                else:
                    out.append([lst[i]])
                    i += 1
            return out

        def ins(items, grp):
            pos = r.randint(0, len(items))
            items[pos:pos] = grp

        E = dt.timedelta(hours=23, minutes=59, seconds=59)
        # jisu: two exports, naive microsecond timestamps
        js = sorted(cars["jisu"], key=lambda b: b["pickup"])
        for date, lo, hi, fe in (("20260831", WIN_START, dt.datetime(2026, 8, 31) + E, dt.datetime(2026, 8, 31) + E),
                                 ("20261127", dt.datetime(2026, 9, 1), dt.datetime(2026, 11, 27), dt.datetime(2026, 11, 27))):
            items = [row("jisu", b, fe) for b in js if lo <= b["pickup"] <= hi]
            for x in pairs(dirt("jisu", max(9, len(items) // 250), lo, min(hi, WIN_END))):
                ins(items, x)
            write("jisu", date, items, "naive_us")
        hm = sorted(cars["hongma"], key=lambda b: b["pickup"])
        items = [row("hongma", b, dt.datetime(2026, 11, 27)) for b in hm]
        for x in pairs(dirt("hongma", max(9, len(items) // 250), WIN_START, WIN_END)):
            ins(items, x)
        write("hongma", "20261127", items, "ns_p8", rg=2000, compression="zstd")
        bj = sorted(cars["beiji"], key=lambda b: b["pickup"])
        items = [row("beiji", b, dt.datetime(2026, 11, 27)) for b in bj]
        for x in pairs(dirt("beiji", max(9, len(items) // 250), dt.datetime(2026, 7, 1), WIN_END)):
            ins(items, x)
        write("beiji", "20261127", items, "ms_utc", shuffle_cols=True, large=True)
        write("beiji", "20261126", [], "ms_utc", shuffle_cols=True, large=True)  # zero-row export
        # a CSV saved with a .parquet name (re-sent copies; unreadable as parquet)
        copy = [row("beiji", b, dt.datetime(2026, 11, 25)) for b in bj if b["pickup"] <= dt.datetime(2026, 11, 20)][-15:]
        txt = "waybill_no,receiver_name,receiver_address,pickup_time\n" + "".join(
            f"{d['waybill_no']},{d['receiver_name']},{d['receiver_address']},{d['pickup_time']}\n" for d, _ in copy)
        with open(self.path("logistics", "beiji_waybills_20261125.parquet"), "wb") as f:
            f.write(txt.encode("utf-8"))
        for i, (_, m) in enumerate(copy):
            self.add("logistics/beiji_waybills_20261125.parquet", i + 2, **dict(m, copy=True))


# ====================================================================== truth
def write_truth(w, wr, out):
    td = os.path.join(out, "truth")
    os.makedirs(td, exist_ok=True)
    recs = pl.DataFrame(wr.rows, schema={"file": pl.Utf8, "line": pl.Int64, "source": pl.Utf8, "platform": pl.Utf8,
                                          "record_key": pl.Utf8, "holder_id": pl.Utf8, "recipient_id": pl.Utf8,
                                          "receiver_id": pl.Utf8, "sender_id": pl.Utf8, "dest_kind": pl.Utf8,
                                          "dest_canonical": pl.Utf8, "delivered": pl.Boolean, "door": pl.Boolean,
                                          "dirty": pl.Boolean, "dirt_reason": pl.Utf8, "copy": pl.Boolean})
    recs.write_parquet(os.path.join(td, "records.parquet"))
    clean = [x for x in wr.rows if not x["dirty"] and x["source"] != "debtors"]
    named = set()
    home_door = set()
    work_recs = {}
    by = w.by
    for x in clean:
        for k in ("holder_id", "recipient_id", "receiver_id", "sender_id"):
            if x[k]:
                named.add(x[k])
        if x["door"]:
            for k in ("holder_id", "recipient_id", "receiver_id"):
                pid = x[k]
                if pid and pid in by:
                    p = by[pid]
                    if p["home"] and x["dest_canonical"] == p["home"]["canon"]:
                        home_door.add(pid)
                    if p["work"] and x["dest_canonical"] == p["work"]["canon"]:
                        work_recs.setdefault(pid, set()).add(x["record_key"])
    rows = []
    for e in list(w.debtors) + list(w.orgs):
        cs = w.ent_cases.get(e["pid"], [])
        person = e in w.debtors
        rows.append(dict(id_number=e["id_number"].upper(), name=e["name"], kind="person" if person else "organisation",
                         open=any(c["status"] != "执行完毕" for c in cs), on_platforms=e["pid"] in named,
                         absent=e["pid"] not in named, has_home_delivery=e["pid"] in home_door,
                         home_address=e["home"]["canon"] if person else None,
                         work_address=(e["work"]["canon"] if person and e["work"] else None),
                         n_work=len(work_recs.get(e["pid"], ())) if person else 0,
                         current_phones=list(e["phones"]) if person else []))
    pl.DataFrame(rows, schema={"id_number": pl.Utf8, "name": pl.Utf8, "kind": pl.Utf8, "open": pl.Boolean,
                               "on_platforms": pl.Boolean, "absent": pl.Boolean, "has_home_delivery": pl.Boolean,
                               "home_address": pl.Utf8, "work_address": pl.Utf8, "n_work": pl.Int64,
                               "current_phones": pl.List(pl.Utf8)}).write_parquet(os.path.join(td, "debtors.parquet"))
    # violations
    deb = {p["pid"]: p for p in w.debtors}
    okeys = {x["record_key"] for x in clean if x["source"] == "ecommerce"}
    vrows = []
    seen = set()
    for o in wr.rec.orders:
        if o["cat"] not in RESTRICTED_SET:
            continue
        key = f"ecommerce|{o['platform']}|{o['order_id']}"
        if key not in okeys:
            continue
        for pid in sorted({o["holder"], o["recipient"]}):
            if pid not in deb:
                continue
            for c in w.ent_cases.get(pid, []):
                if c["status"] != "执行完毕" and c["restrict"] == "是" and o["ordered"].date() > c["filed"]:
                    k = (pid, c["case_no"], o["platform"], o["order_id"])
                    if k in seen:
                        continue
                    seen.add(k)
                    vrows.append(dict(id_number=deb[pid]["id_number"].upper(), case_no=c["case_no"], platform=o["platform"],
                                      order_id=o["order_id"], ordered_at=o["ordered"], category=o["cat"],
                                      amount=float(o["amount"]), by_holder=o["holder"] == pid))
    pl.DataFrame(vrows, schema={"id_number": pl.Utf8, "case_no": pl.Utf8, "platform": pl.Utf8, "order_id": pl.Utf8,
                                "ordered_at": pl.Datetime("us"), "category": pl.Utf8, "amount": pl.Float64,
                                "by_holder": pl.Boolean}).write_parquet(os.path.join(td, "violations.parquet"))
    # people
    prow = []
    for p in w.people:
        prow.append(dict(pid=p["pid"], name=p["name"], id_number=p["id_number"], gender=p["gender"], birth=p["birth"],
                         role=p["role"], debtor=p["debtor"], household=p["hh"], city=p["ck"],
                         home=p["home"]["canon"] if p["home"] else None,
                         old_home=p["old_home"]["canon"] if p["old_home"] else None, move_date=p["move_date"],
                         work=p["work"]["canon"] if p["work"] else None, work_kind=p["work"]["kind"] if p["work"] else None,
                         work_landline=p["work"].get("landline") if p["work"] else None,
                         phones=p["phones"], old_phone=p["old_phone"], phone_change=p["phone_change"],
                         roster_phones=p.get("roster_phones", []), spouse=p["spouse"], family=p["family"],
                         parent_far=p["parent_far"], recycled_from=p.get("recycled_from"), flags=p["flags"]))
    for o in w.orgs:
        prow.append(dict(pid=o["pid"], name=o["name"], id_number=o["id_number"], gender=None, birth=None,
                         role="organisation", debtor=True, household=None, city=o["ck"], home=None, old_home=None,
                         move_date=None, work=o["addr"], work_kind="organisation", work_landline=None,
                         phones=[o["phone"]], old_phone=None, phone_change=None, roster_phones=[], spouse=None,
                         family=[], parent_far=None, recycled_from=None, flags=["sends_waybills"] if o["sends"] else []))
    pl.DataFrame(prow, infer_schema_length=None).write_parquet(os.path.join(td, "people.parquet"))
    cr = [dict(case_no=c["case_no"], court=c["court"], filed=c["filed"], status=c["status"], restrict=c["restrict"],
               blacklist=c["blacklist"], parties=c["parties"], dirt=c["dirt"]) for c in w.cases]
    pl.DataFrame(cr, infer_schema_length=None).write_parquet(os.path.join(td, "cases.parquet"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--debtors", type=int, default=2000)
    a = ap.parse_args()
    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    w = World(a.seed, a.debtors)
    w.build_people()
    w.build_cases()
    rec = Records(w)
    rec.gen_orders()
    rec.gen_waybills()
    rec.gen_social()
    wr = Writer(w, rec, a.out)
    wr.roster()
    wr.ecommerce()
    wr.social()
    wr.logistics()
    write_truth(w, wr, a.out)
    print(f"people {len(w.people)} debtors {len(w.debtors)} orgs {len(w.orgs)} cases {len(w.cases)} "
          f"orders {len(rec.orders)} waybills {len(rec.waybills)} social {len(rec.social)} rows {len(wr.rows)}")


if __name__ == "__main__":
    main()
