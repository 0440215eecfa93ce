"""foreign6: sixth independent synthetic world for `locate`.

python gen.py --out DIR --seed N --debtors K
Writes DIR/inbox/{debtors,ecommerce,social,logistics} and DIR/truth/*.parquet.
Output depends only on (seed, K).
"""
import argparse
import csv
import datetime as dt
import io
import json
import os
import random
import shutil
import sys

import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from geo6 import (D, URBAN, RURAL, CITY_RURAL, HUKOU_EXTRA, COURTS, COMPOUND_A, COMPOUND_B, LI_NAMES, TOWER_A, TOWER_B,
                  COMPANY, MARKET, POIS, TOURIST, LOCKERS, GROUPBUY, SHOPS, NOTES, SURNAMES, GIVEN, COMMON_GIVEN, PY, TIB,
                  TIB_PY, YI_S, YI_S_PY, YI_G, YI_G_PY, NICK, TRAD, FW, CN_NUM, ECOM_CATS, TRAVEL_RESTRICTED, TRAVEL_OK,
                  MERCHANTS)

AS_OF = dt.date(2026, 12, 1)
W0 = dt.datetime(2026, 1, 1)
W1 = dt.datetime(2026, 11, 30, 22, 0)
NEWEST = "20261201"
RESTRICTED = set(TRAVEL_RESTRICTED)

# ----------------------------------------------------------------- ids

def id_check(s17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(c) * x for c, x in zip(s17, w)) % 11]


CC = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def credit_code(rng, county, kind="91"):
    al = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    body = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    vals = [int(c) if c.isdigit() else ord(c) - 55 for c in body]
    c9 = 11 - sum(v * w for v, w in zip(vals, [3, 7, 9, 10, 5, 8, 4, 2])) % 11
    org = body + ("X" if c9 == 10 else "0" if c9 == 11 else str(c9))
    s17 = kind + county + org
    w = [pow(3, i, 31) for i in range(17)]
    c = 31 - sum(CC.index(ch) * wi for ch, wi in zip(s17, w)) % 31
    return s17 + CC[0 if c == 31 else c]


class World:
    def __init__(self, seed, k):
        self.rng = random.Random(seed)
        self.k = k
        self.people = []
        self.phones = set()
        self.ids = set()
        self.hh = 0
        self.compounds = {}  # (dist i, road, no) -> compound place base

    # ------------------------------------------------------------- primitives
    def phone(self):
        r = self.rng
        while True:
            p = r.choice(["13", "15", "17", "18", "19"]) + str(r.randint(0, 9)) + "%08d" % r.randint(0, 99999999)
            if p not in self.phones and p[:3] not in ("170", "171"):
                self.phones.add(p)
                return p

    def landline(self, d):
        r = self.rng
        n = 7 if d["area"] in ("0891", "0892", "0834", "0772", "0710") and r.random() < 0.5 else 8
        first = r.choice("2345678")
        return d["area"] + "-" + first + "".join(r.choice("0123456789") for _ in range(n - 1))

    def idno(self, county, birth, sex):
        r = self.rng
        while True:
            seq = r.randint(0, 499) * 2 + (1 if sex == "M" else 0)
            s17 = county + birth.strftime("%Y%m%d") + "%03d" % seq
            s = s17 + id_check(s17)
            if s not in self.ids:
                self.ids.add(s)
                return s

    def name(self, ethnic, sex, surname=None):
        r = self.rng
        if ethnic == "tib":
            a, b = r.sample(range(len(TIB)), 2)
            if sex == "F" and r.random() < 0.5:
                b = r.choice([2, 6, 7, 14, 17, 18])
            return dict(full=TIB[a] + TIB[b], s=TIB[a], g=TIB[b], py=(TIB_PY[a], TIB_PY[b]), eth="tib")
        if ethnic == "yi":
            a = r.randrange(len(YI_S)) if surname is None else YI_S.index(surname)
            b = r.randrange(len(YI_G))
            return dict(full=YI_S[a] + YI_G[b], s=YI_S[a], g=YI_G[b], py=(YI_S_PY[a], YI_G_PY[b]), eth="yi")
        s = surname or r.choice(SURNAMES[:60] if r.random() < 0.8 else SURNAMES)
        if r.random() < 0.3:
            g = r.choice(COMMON_GIVEN)
        else:
            g = "".join(r.choice(GIVEN) for _ in range(1 if r.random() < 0.35 else 2))
        return dict(full=s + g, s=s, g=g, py=(PY.get(s, "x"), "".join(PY.get(c, "x") for c in g)), eth="han")

    # ------------------------------------------------------------- places
    def compound(self, d):
        r = self.rng
        road = r.choice(d["roads"])
        no = r.randint(1, 399)
        key = (d["i"], road, no)
        if key in self.compounds:
            return self.compounds[key]
        form = r.random()
        if d["code"] in ("350203", "430602") and form < 0.35:
            kind = "lane"
        elif d["code"] in ("370203",) and form < 0.5:
            kind = "li"
        elif d["code"][:2] in ("42", "34", "21") and form < 0.3:
            kind = "yuan"
        else:
            kind = "flat"
        c = dict(d=d, road=road, no=no, kind=kind)
        if kind == "flat":
            c["name"] = r.choice(COMPOUND_A) + r.choice(COMPOUND_B) + (r.choice(["", "", "", "二期", "三期"]))
        elif kind == "li":
            c["name"] = r.choice(LI_NAMES)
        elif kind == "yuan":
            c["name"] = "%d号院" % no
        c["lockers"] = []
        if kind != "lane" or r.random() < 0.3:
            for _ in range(r.choice([1, 1, 2])):
                c["lockers"].append(r.choice(LOCKERS))
        c["groupbuy"] = r.choice(GROUPBUY) + "（" + r.choice(COMPOUND_A) + r.choice(SHOPS) + "）"
        self.compounds[key] = c
        return c

    def home_in(self, d, c=None):
        r = self.rng
        if d["kind"] == "rural":
            town = r.choice(sorted(d["towns"]))
            vil = r.choice(d["towns"][town])
            return dict(kind="village", d=d, town=town, vil=vil, grp=r.randint(1, 12), hno=r.randint(1, 90))
        c = c or self.compound(d)
        p = dict(kind=c["kind"], d=d, c=c)
        if c["kind"] == "lane":
            p.update(lane=r.randint(1, 40), hno=r.randint(1, 60), room=r.choice([101, 102, 201, 202, 301, 302]))
        elif c["kind"] == "li":
            p.update(room=r.randint(1, 3) * 100 + r.randint(1, 12))
        else:
            fl = r.randint(1, 18)
            p.update(b=r.randint(1, 30), u=r.randint(1, 4), room=fl * 100 + r.randint(1, 4))
        return p

    def workplace(self, d):
        r = self.rng
        road = r.choice(d["roads"])
        no = r.randint(1, 500)
        a = r.choice(COMPOUND_A)
        x = r.random()
        if x < 0.45:
            return dict(kind="office", d=d, road=road, no=no, tower=r.choice(TOWER_A) + r.choice(TOWER_B),
                        seat=r.choice("ABCD"), room=r.randint(3, 28) * 100 + r.randint(1, 20), landline=self.landline(d))
        if x < 0.75:
            return dict(kind="company", d=d, road=road, no=no, org=r.choice(COMPANY).format(a=d["city_s"].rstrip("州") + a),
                        landline=self.landline(d))
        return dict(kind="market", d=d, road=road, no=no, market=r.choice(MARKET).format(a=a), zone=r.choice("ABCDE"),
                    stall=r.randint(1, 300), landline=self.landline(d))


# ----------------------------------------------------------------- canonical / rendering

def admin(d):
    return d["prov"] + d["city"] + d["dist"]


def canon(p):
    d = p["d"]
    k = p["kind"]
    if k == "village":
        return f"{admin(d)}{p['town']}{p['vil']}{p['grp']}组{p['hno']}号"
    if k in ("office", "company", "market"):
        base = f"{admin(d)}{p['road']}{p['no']}号"
        if k == "office":
            return base + f"{p['tower']}{p['seat']}座{p['room']}室"
        if k == "company":
            return base + p["org"]
        return base + f"{p['market']}{p['zone']}区{p['stall']}号"
    c = p["c"]
    base = f"{admin(d)}{c['road']}{c['no']}号"
    if k == "lane":
        return f"{admin(d)}{c['road']}{c['no']}巷{p['hno']}号{p['room']}室"
    if k == "li":
        return base + f"{c['name']}{p['room']}室"
    if k == "yuan":
        return f"{admin(d)}{c['road']}{c['no']}号院{p['b']}幢{p['u']}单元{p['room']}室"
    return base + f"{c['name']}{p['b']}幢{p['u']}单元{p['room']}室"


def pickup_canon(c, station):
    d = c["d"]
    return f"{admin(d)}{c['road']}{c['no']}号{c.get('name', '')}{station}"


def cn(n):
    if n <= 10:
        return CN_NUM[n]
    if n < 20:
        return "十" + (CN_NUM[n - 10] if n > 10 else "")
    return CN_NUM[n // 10] + "十" + (CN_NUM[n % 10] if n % 10 else "")


def render_prefix(d, r, style):
    x = r.random()
    ambiguous = d["dist_s"] is None
    if d["city"] == "凉山彝族自治州":
        opts = [d["prov"] + d["city"] + d["dist"], "凉山州" + d["dist"], d["prov"] + d["dist"], "四川凉山" + d["dist"],
                d["city"] + d["dist"]]
        s = r.choice(opts)
    elif x < 0.35:
        s = admin(d)
    elif x < 0.55:
        s = d["city"] + d["dist"]
    elif x < 0.65:
        s = d["prov_s"] + d["city_s"] + d["dist"]
    elif x < 0.72 and not ambiguous:
        s = d["prov"] + d["dist"]  # city missing
    elif x < 0.80 and not ambiguous:
        s = d["city_s"] + d["dist_s"]  # abbreviated district
    elif x < 0.86:
        s = d["prov"] + " " + d["city"] + " " + d["dist"] + " "
    elif x < 0.92:
        s = d["city"] + d["dist"]
        style["post"] = True
    else:
        s = d["city_s"] + "市" + d["dist"] if not d["city_s"].endswith("州") else d["city"] + d["dist"]
    return s


def render_room_part(p, r):
    b, u, room = p["b"], p["u"], p["room"]
    x = r.random()
    if x < 0.25:
        return f"{b}幢{u}单元{room}室"
    if x < 0.38:
        return f"{b}号楼{u}单元{room}"
    if x < 0.48:
        return f"{b}栋{u}单元{room}房"
    if x < 0.56:
        return f"{b}座{u}单元{room}号"
    if x < 0.64:
        return f"{b}#{u}单元{room}"
    if x < 0.72:
        return f"{b}-{u}-{room}"
    if x < 0.80:
        return f"{b}栋{u}单元{room}户"
    if x < 0.86:
        return f"{b}号楼{u}单元{room // 100}楼{room}"
    if x < 0.92:
        return f"{cn(b)}号楼{cn(u)}单元{room}室"
    return f"{b}幢{u}-{room}"


def render_place(p, r, name=None, phone=None, allow_extra=True):
    """One free-text spelling of a place. Returns the string."""
    d = p["d"]
    style = {}
    pre = render_prefix(d, r, style) if p["kind"] != "village" or r.random() < 0.8 else d["dist"]
    k = p["kind"]
    if k == "village":
        vil = p["vil"]
        grp = p["grp"]
        g = r.random()
        gs = f"{grp}组" if g < 0.45 else f"{cn(grp)}组" if g < 0.7 else f"{cn(grp)}組" if g < 0.8 else f"{grp}組" if g < 0.9 else f"第{grp}村民小组"
        hs = f"{p['hno']}号" if r.random() < 0.85 else f"{p['hno']}號"
        town = p["town"] if r.random() < 0.8 else ""
        body = f"{town}{vil}{gs}{hs}"
    elif k in ("office", "company", "market"):
        base = f"{p['road']}{p['no']}号"
        if k == "office":
            t = r.random()
            if t < 0.4:
                body = base + f"{p['tower']}{p['seat']}座{p['room']}室"
            elif t < 0.6:
                body = base + f"{p['tower']}{p['seat']}座{p['room'] // 100}楼{p['room']}"
            elif t < 0.75:
                body = f"{p['tower']}{p['seat']}{p['room']}"
            elif t < 0.88:
                body = base + f"{p['tower']}{p['seat']}座{p['room']}"
            else:
                body = base + f"{p['tower']}{p['seat']}座{p['room'] // 100}F-{p['room']}"
        elif k == "company":
            body = (base if r.random() < 0.75 else "") + p["org"] + r.choice(["", "", "收发室", "办公室", "前台"])
        else:
            t = r.random()
            body = (base if t < 0.6 else "") + p["market"] + (f"{p['zone']}区{p['stall']}号" if t < 0.8 else f"{p['zone']}-{p['stall']}")
    else:
        c = p["c"]
        if k == "lane":
            ln = str(c["no"]) if r.random() < 0.75 else cn(c["no"]) if c["no"] < 100 else str(c["no"])
            rm = f"{p['room']}室" if r.random() < 0.5 else f"{p['room']}" if r.random() < 0.6 else f"{p['room'] // 100}楼"
            if rm.endswith("楼"):
                rm = f"{p['room'] // 100}楼{p['room']}"
            body = f"{c['road']}{ln}巷{p['hno']}号{rm}"
        elif k == "li":
            t = r.random()
            rm = f"{p['room']}室" if t < 0.4 else f"{p['room']}户" if t < 0.7 else f"{p['room']}"
            body = (f"{c['road']}{c['no']}号" if r.random() < 0.8 else "") + c["name"] + rm
        elif k == "yuan":
            rp = render_room_part(p, r)
            body = f"{c['road']}{c['no']}号院" + rp
        else:
            rp = render_room_part(p, r)
            nm = c["name"]
            if r.random() < 0.08:
                nm = nm.replace("二期", "(二期)").replace("三期", "（三期）")
            body = (f"{c['road']}{c['no']}号" if r.random() < 0.8 else "") + nm + rp
    s = pre + body
    if allow_extra:
        x = r.random()
        if x < 0.04:
            s = s.translate(TRAD)
        elif x < 0.08:
            # mixed width: only the tail digits full-width
            cut = len(s) // 2
            s = s[:cut] + s[cut:].translate(FW)
        if style.get("post") and allow_extra:
            s = s + r.choice(["（%s）" % d["post"], " 邮编%s" % d["post"], "(%s)" % d["post"]])
        x = r.random()
        if x < 0.06:
            s = s + r.choice(NOTES)
        elif x < 0.11 and name and phone:
            s = s + r.choice([" %s %s" % (name, phone), " %s收 %s" % (name, phone), "，%s，%s" % (name, phone)])
    return s


def render_pickup(c, station, r):
    d = c["d"]
    style = {}
    pre = render_prefix(d, r, style)
    nm = c.get("name", "")
    x = r.random()
    if x < 0.5:
        body = f"{c['road']}{c['no']}号{nm}{station}"
    elif x < 0.75:
        body = f"{nm}{station}" if nm else f"{c['road']}{c['no']}号{station}"
    else:
        body = f"{station}({c['road']}{c['no']}号{nm}店)" if "（" not in station else f"{c['road']}{c['no']}号{nm}{station}"
    return pre + body


# ----------------------------------------------------------------- name / phone spellings

def mask_name(nm, r):
    full, s = nm["full"], nm["s"]
    if nm["eth"] == "tib":
        return r.choice([full[0] + "*" * (len(full) - 1), full[0] + "**" + full[-1]])
    if len(full) >= 3 and r.random() < 0.5:
        return s + "*" * (len(full) - len(s) - 1) + full[-1] if len(full) - len(s) > 1 else s + "*"
    return s + "**"


def moumask(nm):
    full, s = nm["full"], nm["s"]
    if len(full) - len(s) >= 2:
        return s + "某" + full[len(s) + 1:]
    return s + "某"


def typed_name(nm, sex, r, kind_w=None):
    x = r.random()
    s, g = nm["s"], nm["g"]
    if x < 0.55:
        return nm["full"]
    if x < 0.67:
        return s + ("先生" if sex == "M" else "女士")
    if x < 0.75:
        return s + "**"
    if x < 0.84:
        a, b = nm["py"]
        t = r.random()
        if t < 0.4:
            return f"{a.capitalize()} {b.capitalize()}"
        if t < 0.7:
            return a + b
        return f"{b.capitalize()} {a.upper()}"
    if x < 0.93:
        f = r.choice(NICK)
        return f.format(s=s, g=g[-1] if nm["eth"] == "han" else g)
    if x < 0.97:
        return nm["full"].translate(TRAD)
    return nm["full"]


def typed_phone(p, r, allow_mask=True):
    x = r.random()
    if x < 0.55:
        return p
    if x < 0.63:
        return "+86" + p
    if x < 0.70:
        return "+86 " + p
    if x < 0.76:
        return f"{p[:3]}-{p[3:7]}-{p[7:]}"
    if x < 0.82:
        return f"{p[:3]} {p[3:7]} {p[7:]}"
    if x < 0.85:
        return f"+86 {p[:3]}-{p[3:7]}-{p[7:]}"
    if x < 0.87:
        return f"{p[:4]} {p[4:7]} {p[7:]}"
    if allow_mask:
        return p[:3] + "****" + p[7:]
    return p


def mask_id(i, r):
    x = r.random()
    if x < 0.6:
        return i[:6] + "********" + i[14:]
    return i[:2] + "*" * 14 + i[16:]


def bj(t):
    return t.strftime("%Y/%m/%d %H:%M:%S")


# ----------------------------------------------------------------- world construction

def build(world):
    r = world.rng
    K = world.k
    P = world.people
    as_of = dt.datetime(2026, 12, 1)

    def new(**kw):
        p = dict(pid=len(P) + 1, kind="person", role="stranger", household=None, home=None, old_home=None, move_date=None,
                 work=None, old_work=None, job_change=None, phones=[], old_phone=None, phone_change=None, hukou=None,
                 spouse=None, flags=[], accounts={}, present=True, sex="M", birth=None, ethnic="han", name=None, id_number=None,
                 shared_phone=None, relatives=[], recycled_from=None)
        p.update(kw)
        P.append(p)
        return p

    def ethnic_for(d):
        if d["code"][:2] == "54":
            return "tib" if r.random() < 0.8 else "han"
        if d["code"][:4] == "5134":
            return "yi" if r.random() < 0.5 else "han"
        return "han"

    def hukou_for(home_d, eth):
        # county code + hukou address text
        if eth == "tib":
            hd = r.choice([x for x in RURAL + HUKOU_EXTRA if x["code"][:2] == "54"])
        elif eth == "yi":
            hd = r.choice([x for x in RURAL + HUKOU_EXTRA if x["code"][:4] == "5134"])
        elif r.random() < 0.55:
            cands = CITY_RURAL.get(home_d["city"]) or [x for x in RURAL if x["prov"] == home_d["prov"]]
            hd = r.choice(cands) if cands and r.random() < 0.7 else home_d
        else:
            hd = r.choice(RURAL + HUKOU_EXTRA)
        if hd["kind"] == "rural":
            hp = world.home_in(hd)
        else:
            hp = world.home_in(hd)
        return hd, hp

    def make_person(home_d, sex=None, age=None, eth=None, surname=None):
        sex = sex or r.choice("MF")
        eth = eth or ethnic_for(home_d)
        age = age or r.randint(24, 66)
        birth = dt.date(2026 - age, r.randint(1, 12), r.randint(1, 28))
        nm = world.name(eth, sex, surname if eth != "tib" else None)
        hd, hp = hukou_for(home_d, eth)
        p = new(sex=sex, birth=birth, ethnic=eth, name=nm, hukou=canon(hp), hukou_place=hp)
        p["id_number"] = world.idno(hd["code"], birth, sex)
        return p

    def give_phones(p, debtor=False):
        p["phones"] = [world.phone()]
        if r.random() < 0.12:
            p["phones"].append(world.phone())
        if r.random() < (0.3 if debtor else 0.12):
            p["old_phone"] = world.phone()
            p["phone_change"] = W0 + dt.timedelta(days=r.randint(-200, 300))
            p["flags"].append("phone_changed")

    def maybe_move(p, hh_home):
        # hh_home is the current home; maybe an old home
        if r.random() < 0.27:
            d = p["home"]["d"] if r.random() < 0.7 else r.choice(URBAN)
            p["old_home"] = world.home_in(d)
            x = r.random()
            if x < 0.3:
                md = dt.datetime(2026, 10, 15) + dt.timedelta(days=r.randint(0, 40))
                p["flags"].append("recent_move")
            elif x < 0.85:
                md = W0 + dt.timedelta(days=r.randint(40, 280))
            else:
                md = W0 - dt.timedelta(days=r.randint(10, 300))
            p["move_date"] = md

    def maybe_work(p, d):
        age = 2026 - p["birth"].year
        if 22 <= age <= 62 and r.random() < 0.6:
            wd = d if r.random() < 0.85 else r.choice(URBAN)
            p["work"] = world.workplace(wd)
            if r.random() < 0.22:
                p["old_work"] = world.workplace(r.choice([wd, wd, r.choice(URBAN)]))
                x = r.random()
                p["job_change"] = (dt.datetime(2026, 10, 20) + dt.timedelta(days=r.randint(0, 30))) if x < 0.3 else \
                    W0 + dt.timedelta(days=r.randint(30, 280))
                p["flags"].append("job_change" + ("_recent" if x < 0.3 else ""))

    # --- debtors
    debtors = []
    orgs = []
    for i in range(K):
        court = r.choice(COURTS)
        cd = D[court[2]]
        if r.random() < 0.07:
            o = new(kind="organisation", role="debtor", present=False)
            k2 = "91" if r.random() < 0.7 else "92"
            o["id_number"] = credit_code(r, cd["code"], k2)
            a = r.choice(COMPOUND_A)
            o["name"] = dict(full=(cd["city_s"].rstrip("州") + a + r.choice(["商贸有限公司", "建筑工程有限公司", "餐饮管理有限公司", "物流有限公司"]))
                             if k2 == "91" else (cd["dist"] + a + r.choice(["便利店", "百货商行", "藏餐馆", "汽修店"])))
            o["landline"] = world.landline(cd)
            o["work"] = world.workplace(cd)
            o["court"] = court
            orgs.append(o)
            debtors.append(o)
            continue
        x = r.random()
        home_d = cd if x < 0.6 else r.choice([dd for dd in D if dd["prov"] == cd["prov"]]) if x < 0.85 else r.choice(D)
        if home_d["kind"] == "rural" and r.random() < 0.5:
            home_d = r.choice([dd for dd in URBAN if dd["city"] == home_d["city"]] or URBAN)
        p = make_person(home_d)
        p["role"] = "debtor"
        p["court"] = court
        world.hh += 1
        p["household"] = world.hh
        p["home"] = world.home_in(home_d)
        maybe_move(p, p["home"])
        maybe_work(p, home_d if home_d["kind"] == "urban" else (CITY_RURAL and r.choice(URBAN)))
        give_phones(p, True)
        if r.random() < 0.12:
            p["present"] = False
            p["flags"].append("absent_by_design")
        debtors.append(p)
        # household
        if r.random() < 0.58:
            sp = make_person(home_d, sex="F" if p["sex"] == "M" else "M", age=max(22, 2026 - p["birth"].year + r.randint(-5, 4)),
                             eth=p["ethnic"] if r.random() < 0.85 else None)
            sp.update(role="spouse", household=p["household"], home=p["home"], old_home=p["old_home"], move_date=p["move_date"])
            maybe_work(sp, home_d if home_d["kind"] == "urban" else r.choice(URBAN))
            give_phones(sp)
            p["spouse"] = sp["pid"]
            sp["spouse"] = p["pid"]
        age = 2026 - p["birth"].year
        if age > 45 and r.random() < 0.3:
            ch = make_person(home_d, age=r.randint(20, age - 22), eth=p["ethnic"], surname=p["name"]["s"])
            ch.update(role="child", household=p["household"])
            if r.random() < 0.5:
                ch["home"] = p["home"]
            else:
                ch["home"] = world.home_in(r.choice(URBAN))
            give_phones(ch)
            p["relatives"].append(ch["pid"])
        if r.random() < 0.35:
            hp = p["hukou_place"]
            par = make_person(hp["d"], age=min(88, age + r.randint(22, 32)), eth=p["ethnic"], surname=p["name"]["s"])
            par.update(role="parent")
            par["home"] = hp if hp["kind"] == "village" else world.home_in(hp["d"])
            give_phones(par)
            p["relatives"].append(par["pid"])
    world.debtors = debtors
    # people with the same household share move flags
    # --- namesakes: same full name; Tibetan names collide naturally; add explicit ones
    for p in list(debtors):
        if p["kind"] != "person":
            continue
        if r.random() < 0.18:
            d = p["home"]["d"] if r.random() < 0.7 else r.choice(URBAN)
            n = make_person(d, sex=p["sex"], age=2026 - p["birth"].year + r.randint(-3, 3), eth=p["ethnic"])
            n["name"] = dict(p["name"])
            n.update(role="namesake")
            n["home"] = world.home_in(d, p["home"].get("c") if (r.random() < 0.3 and "c" in p["home"] and p["home"]["d"] is d) else None)
            maybe_work(n, d if d["kind"] == "urban" else r.choice(URBAN))
            give_phones(n)
            n["flags"].append("namesake_of:%d" % p["pid"])
    # --- neighbours and colleagues, ordinary strangers
    nonorg = [p for p in debtors if p["kind"] == "person"]
    for p in nonorg:
        if r.random() < 0.3 and "c" in p["home"]:
            n = make_person(p["home"]["d"])
            n.update(role="neighbour")
            n["home"] = world.home_in(p["home"]["d"], p["home"]["c"])
            give_phones(n)
        if p["work"] is not None and r.random() < 0.4:
            n = make_person(p["work"]["d"])
            n.update(role="colleague", work=p["work"])
            n["home"] = world.home_in(r.choice([dd for dd in URBAN if dd["city"] == p["work"]["d"]["city"]] or URBAN))
            give_phones(n)
    for _ in range(int(K * 1.2)):
        d = r.choice(D)
        n = make_person(d)
        n["home"] = world.home_in(d)
        maybe_move(n, n["home"])
        maybe_work(n, d if d["kind"] == "urban" else r.choice(URBAN))
        give_phones(n)
    # --- recycled numbers: a changed debtor's old number now belongs to a stranger
    for p in nonorg:
        if p["old_phone"] and r.random() < 0.4 and p["phone_change"] < dt.datetime(2026, 9, 1):
            d = p["home"]["d"]
            n = make_person(d)
            n.update(role="recycler")
            n["home"] = world.home_in(r.choice([dd for dd in URBAN if dd["city"] == d["city"]] or URBAN))
            n["phones"] = [p["old_phone"]]
            n["recycled_from"] = p["pid"]
            n["got_phone"] = p["phone_change"] + dt.timedelta(days=r.randint(60, 150))
            p["flags"].append("old_number_recycled")
    # --- dirt strangers (all dirty rows are about them)
    world.dirt = []
    for _ in range(120):
        d = r.choice(URBAN)
        n = make_person(d)
        n.update(role="dirt")
        n["home"] = world.home_in(d)
        give_phones(n)
        world.dirt.append(n)
    world.by = {p["pid"]: p for p in P}

    # --- debtors' habits
    for p in P:
        if p["kind"] != "person":
            continue
        deb = p["role"] == "debtor"
        p["locker_only"] = deb and r.random() < 0.08
        p["shared_phone"] = None
        if deb and p["spouse"] and r.random() < 0.12:
            p["shared_phone"] = world.by[p["spouse"]]["phones"][0]  # types the spouse's number as recipient phone
            p["flags"].append("types_spouse_phone")
        p["via_spouse"] = deb and p["spouse"] is not None and r.random() < 0.15
        if p["via_spouse"]:
            p["flags"].append("orders_via_spouse_account")
        p["gift_heavy"] = deb and p["relatives"] and r.random() < 0.1
        if p["gift_heavy"]:
            p["flags"].append("orders_mostly_for_relatives")
        p["shop_sender"] = deb and p["work"] is not None and p["work"]["kind"] == "market" and r.random() < 0.5


def phone_at(p, t):
    """the phone the person would type at time t"""
    if p.get("got_phone") and t < p["got_phone"]:
        return None
    if p["old_phone"] and t < p["phone_change"]:
        return p["old_phone"]
    return p["phones"][0] if len(p["phones"]) == 1 or random.random() < 0.7 else p["phones"][1]


def home_at(p, t):
    if p["old_home"] is not None and p["move_date"] and t < p["move_date"]:
        return p["old_home"], "old_home"
    return p["home"], "home"


def work_at(p, t):
    if p["old_work"] is not None and t < p["job_change"]:
        return p["old_work"], "old_work"
    return p["work"], "work"


# ----------------------------------------------------------------- records

class Rec:
    pass


def gen_events(world):
    """Produce e-commerce orders, waybills, social accounts as dicts with truth."""
    r = world.rng
    P = world.people
    by = world.by
    orders = {"baihuo": [], "tuantuan": [], "haitao": []}
    waybills = {"dayun": [], "feima": []}
    social = {"quanzi": [], "zhuye": []}
    oid = {"baihuo": 400000, "tuantuan": 0, "haitao": 0}
    wid = {"dayun": 7700000000, "feima": 0}

    def rtime(t0=W0, t1=W1, work=False):
        span = (t1 - t0).total_seconds()
        t = t0 + dt.timedelta(seconds=r.random() * span)
        return t

    def deliver(t, work):
        dd = (t + dt.timedelta(days=r.randint(1, 4))).replace(microsecond=0)
        if work:
            while dd.weekday() >= 5:
                dd += dt.timedelta(days=1)
            return dd.replace(hour=r.randint(9, 16), minute=r.randint(0, 59), second=r.randint(0, 59))
        if r.random() < 0.6:
            return dd.replace(hour=r.randint(17, 21), minute=r.randint(0, 59), second=r.randint(0, 59))
        return dd.replace(hour=r.randint(8, 21), minute=r.randint(0, 59), second=r.randint(0, 59))

    def account(p, plat):
        if plat not in p["accounts"]:
            n = len(world._acc.setdefault(plat, []))
            a = dict(plat=plat, holder=p["pid"], id="%s%07d" % ({"baihuo": "bh", "tuantuan": "tt", "haitao": "ht"}[plat], 1000000 + n * 7 + r.randint(0, 6)))
            world._acc[plat].append(a)
            p["accounts"][plat] = a
        return p["accounts"][plat]

    world._acc = {}

    def add_order(plat, holder, recip, dest, dest_kind, t, cat=None, delivered=True, force_recv_name=None):
        acc = account(holder, plat)
        oid[plat] += 1
        if plat == "baihuo":
            order_id = "BH%012d" % (oid[plat] * 37 + 1000000)
        elif plat == "tuantuan":
            order_id = "%s%06d" % (t.strftime("%y%m%d"), oid[plat])
        else:
            order_id = "HT-%07d" % oid[plat]
        work = dest_kind in ("work", "old_work")
        sign = deliver(t, work) if delivered else None
        if sign and sign > W1 + dt.timedelta(hours=20):
            sign = None
            delivered = False
        cat = cat or r.choice(ECOM_CATS)
        amt = round(r.uniform(8, 600), 2) if cat not in RESTRICTED else round(r.uniform(300, 9000), 2)
        o = dict(plat=plat, order_id=order_id, acc=acc, holder=holder["pid"], recipient=recip["pid"] if recip else None,
                 dest=dest, dest_kind=dest_kind, ordered_at=t.replace(microsecond=0), signed_at=sign, delivered=delivered,
                 amount=amt, category=cat, door=delivered and dest_kind not in ("pickup",),
                 recv_name=force_recv_name, recv_phone=None)
        orders[plat].append(o)
        return o

    def dest_for(p, t, purpose):
        """returns (place-or-pickup, dest_kind, canonical)"""
        if purpose == "work":
            w, kind = work_at(p, t)
            return w, kind, canon(w)
        h, kind = home_at(p, t)
        if "c" in h and h["c"]["lockers"] and (p.get("locker_only") or r.random() < 0.22):
            st = r.choice(h["c"]["lockers"])
            return ("pickup", h["c"], st), "pickup", pickup_canon(h["c"], st)
        return h, kind, canon(h)

    persons = [p for p in P if p["kind"] == "person" and p["role"] != "dirt"]
    for p in persons:
        deb = p["role"] == "debtor"
        if deb and not p["present"]:
            continue
        if p["role"] in ("recycler",):
            nplat = ["baihuo"] if r.random() < 0.6 else []
        else:
            nplat = [pl for pl, pr in (("baihuo", 0.8 if deb else 0.55), ("tuantuan", 0.45 if deb else 0.3), ("haitao", 0.12))
                     if r.random() < pr]
        if p.get("via_spouse"):
            nplat = [pl for pl in nplat if r.random() < 0.3]
        for plat in nplat:
            n = r.randint(4, 22) if deb else r.randint(1, 10)
            t0 = p.get("got_phone") or W0
            if t0 > W1 - dt.timedelta(days=10):
                n = 0
            for _ in range(n):
                t = rtime(max(t0, W0))
                purpose = "work" if (p["work"] is not None and r.random() < 0.35 and not p.get("locker_only")) else "home"
                if p.get("gift_heavy") and r.random() < 0.6 or (p["relatives"] and r.random() < 0.07):
                    rel = by[r.choice(p["relatives"])]
                    rh, _k = home_at(rel, t)
                    add_order(plat, p, rel, rh, "relative", t)
                    continue
                if plat == "tuantuan":
                    h, kind = home_at(p, t)
                    if "c" in h and r.random() < 0.8:
                        st = h["c"]["groupbuy"]
                        o = add_order(plat, p, p, ("pickup", h["c"], st), "pickup", t)
                        o["dest_canonical"] = pickup_canon(h["c"], st)
                        continue
                dest, kind, _c = dest_for(p, t, purpose)
                recip = p
                if kind in ("home", "old_home") and p["spouse"] and by[p["spouse"]]["present"] and r.random() < 0.12:
                    recip = by[p["spouse"]]
                add_order(plat, p, recip, dest, kind, t)
        # restricted/travel purchases on baihuo
        if r.random() < (0.18 if deb else 0.05):
            for _ in range(r.randint(1, 3)):
                t = rtime()
                cat = r.choice(TRAVEL_RESTRICTED if r.random() < 0.75 else TRAVEL_OK)
                h, kind = home_at(p, t)
                if p.get("via_spouse"):
                    holder = by[p["spouse"]]
                else:
                    holder = p
                add_order("baihuo", holder, p, h, kind, t, cat=cat, delivered=False)
        # spouse orders for the debtor (via spouse account)
        if p.get("via_spouse"):
            sp = by[p["spouse"]]
            for _ in range(r.randint(5, 15)):
                t = rtime()
                purpose = "work" if (p["work"] is not None and r.random() < 0.3) else "home"
                dest, kind, _c = dest_for(p, t, purpose)
                add_order("baihuo", sp, p, dest, kind, t)
    # canonical for all orders
    for plat, L in orders.items():
        for o in L:
            if "dest_canonical" not in o:
                if isinstance(o["dest"], tuple):
                    o["dest_canonical"] = pickup_canon(o["dest"][1], o["dest"][2])
                else:
                    o["dest_canonical"] = canon(o["dest"])
            if o["dest_kind"] == "pickup":
                o["door"] = False
            o["is_pickup"] = isinstance(o["dest"], tuple)
            if o["is_pickup"]:
                o["door"] = False
    # ---- waybills: mirror of some orders + independent parcels
    for plat, L in orders.items():
        for o in L:
            if o["category"] in RESTRICTED or o["category"] in TRAVEL_OK:
                continue
            if r.random() < 0.35:
                car = "dayun" if r.random() < 0.55 else "feima"
                m = r.choice(MERCHANTS)
                w = dict(car=car, mirror=o, receiver=o["recipient"], sender=None, dest=o["dest"], dest_kind=o["dest_kind"],
                         dest_canonical=o["dest_canonical"],
                         pickup=(o["ordered_at"] + (o["signed_at"] - o["ordered_at"]) * (0.1 + 0.4 * r.random()) if o["signed_at"]
                                 else o["ordered_at"] + dt.timedelta(hours=r.randint(3, 30))).replace(microsecond=0),
                         sign=o["signed_at"], merchant=m)
                waybills[car].append(w)
    for p in persons:
        if p["role"] == "debtor" and not p["present"]:
            continue
        # parcels from parents/relatives to the person (relatives send from the village)
        for relpid in p["relatives"]:
            rel = by[relpid]
            for _ in range(r.randint(0, 3)):
                t = rtime()
                h, kind = home_at(p, t)
                car = r.choice(["dayun", "feima"])
                w = dict(car=car, mirror=None, receiver=p["pid"], sender=rel["pid"], dest=h, dest_kind=kind, dest_canonical=canon(h),
                         pickup=t.replace(microsecond=0), sign=deliver(t, False), sender_place=rel["home"], merchant=None)
                if w["sign"] > W1 + dt.timedelta(hours=20):
                    w["sign"] = None
                waybills[car].append(w)
        if p.get("shop_sender"):
            # the debtor ships goods from the market stall to customers (strangers)
            for _ in range(r.randint(3, 10)):
                t = rtime(work=True)
                cust = r.choice(persons)
                if cust["role"] == "debtor" or cust["home"] is None:
                    continue
                car = r.choice(["dayun", "feima"])
                w = dict(car=car, mirror=None, receiver=cust["pid"], sender=p["pid"], dest=cust["home"], dest_kind="home",
                         dest_canonical=canon(cust["home"]), pickup=t.replace(microsecond=0), sign=deliver(t, False), sender_place=p["work"], merchant=None)
                if w["sign"] > W1 + dt.timedelta(hours=20):
                    w["sign"] = None
                waybills[car].append(w)
    # ---- social accounts
    for p in persons:
        deb = p["role"] == "debtor"
        if deb and not p["present"]:
            continue
        for plat, pr in (("quanzi", 0.5 if deb else 0.3), ("zhuye", 0.3 if deb else 0.15)):
            if r.random() >= pr:
                continue
            posts = []
            for _ in range(r.randint(0, 8)):
                t = rtime()
                x = r.random()
                if x < 0.45:
                    h, k = home_at(p, t)
                    posts.append(dict(t=t, place=h, kind=k))
                elif x < 0.7 and p["work"] is not None:
                    w, k = work_at(p, t)
                    posts.append(dict(t=t, place=w, kind=k))
                else:
                    d = r.choice(URBAN) if r.random() < 0.2 else p["home"]["d"]
                    posts.append(dict(t=t, place=None, d=d, poi=r.choice(POIS + TOURIST), kind="other"))
            logins = []
            for _ in range(r.randint(0, 6)):
                t = rtime(dt.datetime(2026, 9, 1))
                d = p["home"]["d"] if r.random() < 0.9 else r.choice(D)
                logins.append(dict(t=t, d=d))
            social[plat].append(dict(plat=plat, holder=p["pid"], posts=sorted(posts, key=lambda x: x["t"]),
                                     logins=sorted(logins, key=lambda x: x["t"])))
    return orders, waybills, social


# ----------------------------------------------------------------- writers

ECOM_COLS = ["订单编号", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人", "收货手机", "收货地址", "下单时间", "签收时间", "实付金额", "商品类目"]
ROSTER_COLS = ["案号", "执行法院", "承办人", "被执行人", "证件类型", "证件号码", "联系电话", "户籍地址", "执行标的", "立案日期", "限制消费", "失信", "案件状态"]


def rec(file, line, source, platform, key, holder=None, recipient=None, receiver=None, sender=None, dest_kind=None,
        dest_canonical=None, delivered=None, door=None, dirty=False, dirt=None, ambiguous=False, dup_of=None,
        category=None, amount=None, ordered_at=None, order_id=None):
    return dict(file=file, line=line, source=source, platform=platform, record_key=key, holder=holder, recipient=recipient,
                receiver=receiver, sender=sender, dest_kind=dest_kind, dest_canonical=dest_canonical, delivered=delivered,
                door=door, dirty=dirty, dirt=dirt, ambiguous=ambiguous, dup_of=dup_of, category=category, amount=amount,
                ordered_at=ordered_at, order_id=order_id)


def csv_line(row, quote_all=False, lineterm="\r\n"):
    b = io.StringIO()
    w = csv.writer(b, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL, lineterminator=lineterm)
    w.writerow(row)
    return b.getvalue()


def write_roster(world, inbox, R):
    r = world.rng
    P = world.people
    cases = []
    judges = {}
    for c in COURTS:
        judges[c[0]] = [world.name("han", r.choice("MF"))["full"] for _ in range(4)]
    serial = {}
    for p in world.debtors:
        n = 1 if r.random() < 0.7 else 2 if r.random() < 0.75 else 3
        courts = [p["court"]] + [r.choice(COURTS) if r.random() < 0.4 else p["court"] for _ in range(n - 1)]
        for ci, court in enumerate(courts):
            year = r.choice([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2025, 2026])
            serial[court[1]] = serial.get(court[1], 0) + r.randint(1, 40)
            filing = dt.date(year, r.randint(1, 12), r.randint(1, 28))
            if filing > dt.date(2026, 11, 25):
                filing = dt.date(2026, 11, 2)
            zh = "执恢" if r.random() < 0.05 else "执"
            cno = f"({year}){court[1]}{zh}{serial[court[1]]}号"
            if r.random() < 0.15:
                cno = cno.replace("(", "（").replace(")", "）")
            x = r.random()
            status = "执行中" if x < 0.52 else "终本" if x < 0.84 else "执行完毕"
            restrict = r.random() < 0.7 if status != "执行完毕" else r.random() < 0.3
            cases.append(dict(case_no=cno, court=court[0], pid=p["pid"], id_number=p["id_number"], filing=filing, status=status,
                              restrict=restrict, dishonest=r.random() < 0.45, judge=r.choice(judges[court[0]]),
                              amount=round(r.uniform(3000, 3000000), 2), prefix=court[3]))
    world.cases = cases
    # concluded-yesterday: some cases that are 执行完毕 today were 执行中 in yesterday's export
    by = world.by
    groups = {}
    for c in cases:
        groups.setdefault(c["prefix"], []).append(c)
    for prefix in sorted(groups):
        L = groups[prefix]
        versions = [(NEWEST, None)]
        if prefix in ("minfy", "lufy", "zangfy"):
            versions.append(("20261130", "old"))
        for date, old in versions:
            fname = f"{prefix}_roster_{date}.csv"
            bom = prefix in ("zangfy", "lufy", "guify")
            crlf = prefix not in ("chuanfy", "liaofy")
            quote_all = prefix in ("xiangfy",)
            lt = "\r\n" if crlf else "\n"
            out = [csv_line(ROSTER_COLS, quote_all, lt)]
            line = 2
            rows = L
            for c in rows:
                p = by[c["pid"]]
                status = c["status"]
                if old and status == "执行完毕" and r.random() < 0.5:
                    status = "执行中"
                idn = p["id_number"]
                if idn.endswith("X") and r.random() < 0.5:
                    idn = idn[:-1] + "x"
                if p["kind"] == "person":
                    ph = []
                    pool = []
                    if p["old_phone"]:
                        pool.append(p["old_phone"])
                    pool += p["phones"]
                    x = r.random()
                    if x < 0.2:
                        ph = []
                    elif x < 0.55 and p["old_phone"]:
                        ph = [p["old_phone"]]
                    else:
                        ph = r.sample(pool, k=min(len(pool), r.randint(1, 2)))
                    if p["work"] is not None and r.random() < 0.1:
                        ph.append(p["work"]["landline"])
                    sep = r.choice([";", "；", "、", ",", ", "])
                    phones = sep.join(ph)
                    idtype = "居民身份证"
                    hukou = p["hukou"] if r.random() < 0.85 else canon(p["old_home"] or p["home"])
                else:
                    phones = p["landline"] if r.random() < 0.6 else ""
                    idtype = "统一社会信用代码"
                    hukou = canon(p["work"]) if r.random() < 0.5 else ""
                amt = c["amount"]
                amts = f"{amt:,.2f}" if r.random() < 0.3 else f"{amt:.2f}" if r.random() < 0.8 else str(int(amt))
                row = [c["case_no"], c["court"], c["judge"], p["name"]["full"], idtype, idn, phones, hukou, amts,
                       c["filing"].isoformat(), "是" if c["restrict"] else "否", "是" if c["dishonest"] else "否", status]
                s = csv_line(row, quote_all, lt)
                out.append(s)
                R.append(rec("debtors/" + fname, line, "debtors", prefix, c["case_no"], holder=p["pid"], dirty=False,
                             dup_of=None if not old else "newer_export"))
                line += s.count("\n")
            data = "".join(out)
            if prefix == "minfy" and old:
                # yesterday's export ends in a truncated line; the case is complete in today's file
                last = out[-1]
                data = "".join(out[:-1]) + last[: len(last) // 2]
                R[-1].update(dirty=True, dirt="truncated_last_line")
            raw = data.encode("utf-8")
            if bom:
                raw = b"\xef\xbb\xbf" + raw
            with open(os.path.join(inbox, "debtors", fname), "wb") as f:
                f.write(raw)
    return cases


def order_row(o, by, r, plat):
    holder = by[o["holder"]]
    acc = o["acc"]
    nm = holder["name"]
    # real-name columns per platform policy
    if plat == "baihuo":
        rn = nm["full"] if r.random() < 0.8 else mask_name(nm, r)
        x = r.random()
        rid = holder["id_number"] if x < 0.5 else mask_id(holder["id_number"], r) if x < 0.85 else ""
        bphone = phone_at(holder, o["ordered_at"]) or holder["phones"][0]
        bphone = bphone if r.random() < 0.7 else bphone[:3] + "****" + bphone[7:]
    elif plat == "tuantuan":
        rn = mask_name(nm, r)
        rid = mask_id(holder["id_number"], r) if r.random() < 0.4 else ""
        bphone = phone_at(holder, o["ordered_at"]) or holder["phones"][0]
        bphone = bphone[:3] + "****" + bphone[7:] if r.random() < 0.75 else bphone
    else:  # haitao: cross-border, customs need the full ID of the buyer
        rn = nm["full"]
        rid = holder["id_number"]
        bphone = phone_at(holder, o["ordered_at"]) or holder["phones"][0]
    recip = by[o["recipient"]] if o["recipient"] else holder
    if o["category"] in RESTRICTED or o["category"] in TRAVEL_OK:
        rname = recip["name"]["full"] if r.random() < 0.8 else recip["name"]["s"] + ("先生" if recip["sex"] == "M" else "女士")
    else:
        rname = typed_name(recip["name"], recip["sex"], r)
        if plat == "haitao":
            rname = recip["name"]["full"]  # customs clearance needs the real name
    ph = phone_at(recip, o["ordered_at"]) or recip["phones"][0]
    if recip.get("shared_phone") and r.random() < 0.7:
        ph = recip["shared_phone"]
    kind = o["dest_kind"]
    if kind in ("work", "old_work") and r.random() < 0.2:
        w = o["dest"]
        rphone = w["landline"]
    else:
        rphone = typed_phone(ph, r, allow_mask=(plat != "haitao"))
    if o["is_pickup"]:
        _t, c, st = o["dest"]
        addr = render_pickup(c, st, r)
    else:
        addr = render_place(o["dest"], r, name=recip["name"]["full"], phone=ph)
    return [o["order_id"], acc["id"], rn, rid, bphone, rname, rphone, addr, bj(o["ordered_at"]),
            bj(o["signed_at"]) if o["signed_at"] else "", f"{o['amount']:.2f}", o["category"]]


def dirt_order_row(world, plat, i, kind, r):
    p = r.choice(world.dirt)
    t = W0 + dt.timedelta(days=r.randint(0, 320), seconds=r.randint(0, 80000))
    nm = p["name"]["full"]
    base = ["D%s%06d" % (plat[:2].upper(), i), "dirt%05d" % i, nm, "", p["phones"][0], nm, p["phones"][0],
            render_place(p["home"], r, allow_extra=False), bj(t), bj(t + dt.timedelta(days=2)), "%.2f" % r.uniform(5, 300),
            r.choice(ECOM_CATS)]
    if kind == "bad_date":
        base[8] = r.choice(["2026/13/41 25:61:00", "昨天 下午3点", "2026-02-30", "0000/00/00 00:00:00", "46000.375"])
    elif kind == "bad_amount":
        base[10] = r.choice(["abc", "一百二十", "12.3.4", "￥", "N/A元"])
    elif kind == "missing_cols":
        base = base[:r.randint(4, 9)]
    elif kind == "extra_cols":
        base = base + ["多余", "列"]
    elif kind == "formula":
        j = r.choice([2, 5, 7, 0])
        base[j] = r.choice(['=HYPERLINK("http://x.example/a","点我")', '+SUM(A1:A9)', '-2+3*cmd|"/c calc"!A0', '@SUM(1,2)',
                            '="202611270001234"'])
    elif kind == "long_string":
        base[7] = base[7] + "附近" * 4000
    elif kind == "control_chars":
        base[5] = nm + "\x07\x1b[31m"
        base[7] = base[7] + "\x00\x08"
    return base, p


def write_ecommerce(world, orders, inbox, R):
    r = world.rng
    by = world.by
    plan = {
        # platform: list of (file date, window start, window end) -- exports overlap by a few days
        "baihuo": [("20260331", W0, dt.datetime(2026, 4, 1)), ("20260630", dt.datetime(2026, 3, 27), dt.datetime(2026, 7, 1)),
                   ("20260930", dt.datetime(2026, 6, 26), dt.datetime(2026, 10, 1)), (NEWEST, dt.datetime(2026, 9, 25), dt.datetime(2026, 12, 2))],
        "tuantuan": [("20260630", W0, dt.datetime(2026, 7, 1)), (NEWEST, dt.datetime(2026, 6, 24), dt.datetime(2026, 12, 2))],
        "haitao": [(NEWEST, W0, dt.datetime(2026, 12, 2))],
    }
    dirt_i = 0
    files = {}
    for plat, L in orders.items():
        L.sort(key=lambda o: (o["ordered_at"], o["order_id"]))
        for fdate, a, b in plan[plat]:
            rows = [o for o in L if a <= o["ordered_at"] < b]
            files[(plat, fdate)] = rows
    for (plat, fdate), rows in files.items():
        fname = f"{plat}_orders_{fdate}.csv"
        quote_all = plat == "tuantuan"
        lt = "\n" if plat == "tuantuan" else "\r\n"
        out = [csv_line(ECOM_COLS, quote_all, lt)]
        line = 2
        newest = fdate == NEWEST
        # is this order also in a later file?
        later = [(fd, a, b) for (fd, a, b) in plan[plat] if fd > fdate]
        ndirty = 0
        items = list(rows)
        # insert dirty rows at random positions
        kinds = ["bad_date", "bad_amount", "missing_cols", "extra_cols", "formula", "long_string", "control_chars"]
        nd = max(3, len(items) // 700)
        ins = sorted(r.sample(range(len(items) + 1), min(nd, len(items) + 1)))
        ins_set = {}
        for j, pos in enumerate(ins):
            ins_set.setdefault(pos, []).append(kinds[(j + len(fname)) % len(kinds)])
        header_again = plat == "haitao"
        half = len(items) // 2
        for idx in range(len(items) + 1):
            for kind in ins_set.get(idx, []):
                dirt_i += 1
                row, p = dirt_order_row(world, plat, dirt_i, kind, r)
                s = csv_line(row, quote_all, lt)
                out.append(s)
                R.append(rec("ecommerce/" + fname, line, "ecommerce", plat, f"{plat}:{row[0]}", holder=p["pid"], dirty=True, dirt=kind))
                line += s.count("\n")
            if header_again and idx == half:
                # two exports concatenated: the header appears again in the middle
                s = csv_line(ECOM_COLS, quote_all, lt)
                out.append(s)
                R.append(rec("ecommerce/" + fname, line, "ecommerce", plat, None, dirty=True, dirt="repeated_header"))
                line += 1
            if idx == len(items):
                break
            o = items[idx]
            row = order_row(o, by, r, plat)
            # a buyer typed a line break inside the address (multi-line cell, quoted)
            amb = False
            dirt = None
            if plat == "baihuo" and by[o["holder"]]["role"] == "stranger" and by[o["recipient"] or o["holder"]]["role"] == "stranger" \
                    and r.random() < 0.01:
                row[7] = row[7].replace("号", "号\n", 1)
                amb, dirt = True, "newline_in_address"
            # undelivered in the older file, delivered in the newer re-send
            signed = row[9]
            dup = None
            for (fd, a, b) in later:
                if a <= o["ordered_at"] < b:
                    dup = f"{plat}_orders_{fd}.csv"
                    if o["signed_at"] and o["signed_at"] >= dt.datetime.strptime(fdate, "%Y%m%d"):
                        row[9] = ""
            s = csv_line(row, quote_all, lt)
            out.append(s)
            delivered_here = row[9] != ""
            R.append(rec("ecommerce/" + fname, line, "ecommerce", plat, f"{plat}:{o['order_id']}", holder=o["holder"],
                         recipient=o["recipient"], dest_kind=o["dest_kind"], dest_canonical=o["dest_canonical"],
                         delivered=delivered_here, door=delivered_here and o["door"], dirty=False, dirt=dirt, ambiguous=amb,
                         dup_of=dup, category=o["category"], amount=o["amount"], ordered_at=o["ordered_at"], order_id=o["order_id"]))
            line += s.count("\n")
        if plat == "tuantuan" and newest:
            # Excel-style totals line at the bottom of the export
            s = csv_line(["合计", "", "", "", "", "", "", "", "", "", "%.2f" % sum(o["amount"] for o in items), ""], quote_all, lt)
            out.append(s)
            R.append(rec("ecommerce/" + fname, line, "ecommerce", plat, None, dirty=True, dirt="totals_row"))
            line += 1
        data = "".join(out)
        if plat == "baihuo" and fdate == "20260630":
            # truncated last line (the record is complete in the overlapping 20260930 export? no: cut row is a dirt row)
            dirt_i += 1
            row, p = dirt_order_row(world, plat, dirt_i, "bad_amount", r)
            row[10] = "35.00"
            s = csv_line(row, quote_all, lt)
            data += s[: len(s) // 2]
            R.append(rec("ecommerce/" + fname, line, "ecommerce", plat, f"{plat}:{row[0]}", holder=p["pid"], dirty=True, dirt="truncated_last_line"))
        with open(os.path.join(inbox, "ecommerce", fname), "wb") as f:
            f.write(data.encode("gb18030"))
        if plat == "baihuo" and newest:
            # the same export downloaded twice by the browser: identical bytes, odd name
            shutil.copyfile(os.path.join(inbox, "ecommerce", fname), os.path.join(inbox, "ecommerce", f"{plat}_orders_{fdate} (1).csv"))
            for x in [x for x in R if x["file"] == "ecommerce/" + fname]:
                y = dict(x)
                y["file"] = "ecommerce/" + f"{plat}_orders_{fdate} (1).csv"
                y["dup_of"] = "ecommerce/" + fname
                y["ambiguous"] = True
                R.append(y)
    # wrong encoding: UTF-16LE without BOM, stranger rows only
    fname = "tuantuan_orders_20261115.csv"
    out = [csv_line(ECOM_COLS, True, "\n")]
    for j in range(6):
        dirt_i += 1
        row, p = dirt_order_row(world, "tuantuan", dirt_i, "none", r)
        out.append(csv_line(row, True, "\n"))
        R.append(rec("ecommerce/" + fname, j + 2, "ecommerce", "tuantuan", f"tuantuan:{row[0]}", holder=p["pid"], dirty=True, dirt="wrong_encoding"))
    with open(os.path.join(inbox, "ecommerce", fname), "wb") as f:
        f.write("".join(out).encode("utf-16-le"))
    # empty export (0 bytes) and an Excel lock file with a bad name
    open(os.path.join(inbox, "ecommerce", "haitao_orders_20261130.csv"), "wb").close()
    with open(os.path.join(inbox, "ecommerce", "~$baihuo_orders_20261201.csv"), "wb") as f:
        f.write(b"\x0bAdministrator" + b" " * 40 + b"\x0b\x00A\x00d\x00m\x00i\x00n\x00")
    R.append(rec("ecommerce/~$baihuo_orders_20261201.csv", 1, "ecommerce", "~$baihuo", None, dirty=True, dirt="bad_filename_lockfile"))
    # badly named re-export of a few stranger orders
    fname = "订单明细-团团-1201.csv"
    out = [csv_line(ECOM_COLS, False, "\r\n")]
    for j in range(5):
        dirt_i += 1
        row, p = dirt_order_row(world, "tuantuan", dirt_i, "none", r)
        out.append(csv_line(row, False, "\r\n"))
        R.append(rec("ecommerce/" + fname, j + 2, "ecommerce", None, f"x:{row[0]}", holder=p["pid"], dirty=True, dirt="bad_filename"))
    with open(os.path.join(inbox, "ecommerce", fname), "wb") as f:
        f.write("".join(out).encode("gb18030"))


def write_social(world, social, inbox, R):
    r = world.rng
    by = world.by

    def region_of(d):
        return d["prov"] + d["city"]

    def post_obj(pp, plat, holder):
        t = pp["t"]
        if pp["kind"] == "other":
            d = pp["d"]
            return dict(ts=t, poi=pp["poi"], address=d["city"] + d["dist"] + pp["poi"])
        pl = pp["place"]
        if pl["kind"] == "village":
            poi = pl["vil"]
        elif pl["kind"] in ("office", "company", "market"):
            poi = pl.get("tower") or pl.get("org") or pl.get("market")
        else:
            poi = pl["c"].get("name") or (pl["c"]["road"] + str(pl["c"]["no"]) + "巷")
        d = pl["d"]
        addr = render_place(pl, r, allow_extra=False)
        # posts show the compound/building, not the flat
        if pl["kind"] in ("flat", "yuan"):
            c = pl["c"]
            addr = d["city"] + d["dist"] + c["road"] + str(c["no"]) + "号" + (c["name"] if pl["kind"] == "flat" else "院")
        return dict(ts=t, poi=d["dist"] + poi if r.random() < 0.5 else poi, address=addr)

    for plat in ("quanzi", "zhuye"):
        accs = social[plat]
        versions = [(NEWEST, None)]
        if plat == "quanzi":
            versions.append(("20261101", dt.datetime(2026, 11, 1)))
        for fdate, cut in versions:
            fname = f"{plat}_accounts_{fdate}.jsonl"
            lines = []
            for j, a in enumerate(accs):
                if cut and r.random() < 0.35:
                    continue
                p = by[a["holder"]]
                nm = p["name"]
                uid = ("qz_%d" % (50000 + j * 3)) if plat == "quanzi" else ("zy%08d" % (j * 11 + 17))
                o = {"uid": uid}
                x = r.random()
                o["nickname"] = r.choice(["海边的", "雪域", "快乐的", "爱旅行的", "安静的"]) + (nm["g"][-1] if nm["eth"] == "han" else nm["g"])
                if plat == "zhuye" and r.random() < 0.3:
                    del o["nickname"]
                x = r.random()
                if x < 0.35:
                    o["real_name"] = nm["full"]
                elif x < 0.6:
                    o["real_name"] = moumask(nm)
                elif x < 0.8:
                    o["real_name"] = mask_name(nm, r)
                elif x < 0.9:
                    o["real_name"] = None
                x = r.random()
                if x < 0.3:
                    o["id_no"] = p["id_number"]
                elif x < 0.7:
                    o["id_no"] = mask_id(p["id_number"], r)
                elif x < 0.85:
                    o["id_no"] = None
                ph = phone_at(p, dt.datetime(2026, 11, 1)) or p["phones"][0]
                if r.random() < 0.9:
                    o["phone"] = ph if r.random() < 0.6 else ph[:3] + "****" + ph[7:]
                hd = p["home"]["d"]
                if plat == "quanzi":
                    o["profile_region"] = hd["prov_s"] + " " + hd["city_s"]
                elif r.random() < 0.6:
                    o["profile_region"] = hd["prov"] + hd["city"] if r.random() < 0.5 else None
                logins = [l for l in a["logins"] if not cut or l["t"] < cut]
                posts = [pp for pp in a["posts"] if not cut or pp["t"] < cut]

                def ts(t):
                    if plat == "quanzi":
                        return t.strftime("%Y-%m-%dT%H:%M:%S") + "+08:00"
                    return (t - dt.timedelta(hours=8)).strftime("%Y-%m-%dT%H:%M:%SZ")
                if plat == "quanzi" or r.random() < 0.5:
                    o["logins"] = [{"ts": ts(l["t"]), "ip": "%d.%d.%d.%d" % (r.choice([36, 39, 42, 60, 110, 113, 117, 125, 182, 223]), r.randint(0, 255), r.randint(0, 255), r.randint(1, 254)),
                                    "ip_region": region_of(l["d"]) if r.random() < 0.8 else l["d"]["prov"]} for l in logins]
                po = [post_obj(pp, plat, p) for pp in posts]
                for q in po:
                    q["ts"] = ts(q["ts"])
                    if plat == "zhuye" and r.random() < 0.3:
                        q.pop("address")
                o["geo_posts"] = po
                if plat == "zhuye" and not po and r.random() < 0.5:
                    o["geo_posts"] = None
                lines.append((o, a))
            # dirt lines (strangers only)
            out = []
            ln = 1
            ins = set(r.sample(range(len(lines)), min(6, len(lines))))
            dk = ["not_json", "control_chars", "formula", "long_string", "bad_ts", "not_json"]
            di = 0
            for j, (o, a) in enumerate(lines):
                if j in ins:
                    kind = dk[di % len(dk)]
                    di += 1
                    p = r.choice(world.dirt)
                    if kind == "not_json":
                        s = r.choice(['{"uid": "x_%d", "nickname": "坏行" ' % j, "<html>502 Bad Gateway</html>", "uid=9;nick=abc"])
                    else:
                        d = {"uid": "dirt_%d_%d" % (ln, j), "nickname": p["name"]["full"], "real_name": p["name"]["full"], "phone": p["phones"][0],
                             "logins": [], "geo_posts": [{"ts": "2026-10-01T10:00:00+08:00", "poi": "火车站", "address": p["home"]["d"]["city"] + "火车站"}]}
                        if kind == "control_chars":
                            d["nickname"] = p["name"]["full"] + "\x01\x02\x1b"
                        elif kind == "formula":
                            d["nickname"] = '=HYPERLINK("http://x.example","领红包")'
                        elif kind == "long_string":
                            d["nickname"] = "哈" * 20000
                        elif kind == "bad_ts":
                            d["geo_posts"][0]["ts"] = "上周三晚上"
                        s = json.dumps(d, ensure_ascii=False)
                        if kind == "control_chars":
                            s = s.replace("\\u0001\\u0002\\u001b", "\x01\x02\x1b")
                    out.append(s)
                    R.append(rec("social/" + fname, ln, "social", plat, None, holder=p["pid"], dirty=True, dirt=kind))
                    ln += 1
                s = json.dumps(o, ensure_ascii=(plat == "quanzi"), separators=(",", ":") if plat == "zhuye" else (", ", ": "))
                out.append(s)
                R.append(rec("social/" + fname, ln, "social", plat, f"{plat}:{o['uid']}", holder=a["holder"], dirty=False,
                             dup_of=(f"social/{plat}_accounts_{NEWEST}.jsonl" if cut else None)))
                ln += 1
            data = "\n".join(out) + "\n"
            if plat == "zhuye":
                # truncated last line: a stranger's account cut mid-record
                p = r.choice(world.dirt)
                s = json.dumps({"uid": "zy_cut", "real_name": p["name"]["full"], "phone": p["phones"][0], "geo_posts": []}, ensure_ascii=False)
                data += s[: len(s) // 2]
                R.append(rec("social/" + fname, ln, "social", plat, None, holder=p["pid"], dirty=True, dirt="truncated_last_line"))
            with open(os.path.join(inbox, "social", fname), "wb") as f:
                f.write(data.encode("utf-8"))
    # a file of blank lines only (an export that found nothing)
    with open(os.path.join(inbox, "social", "zhuye_accounts_20261124.jsonl"), "wb") as f:
        f.write(b"\n\n")


def write_logistics(world, waybills, inbox, R):
    r = world.rng
    by = world.by
    schema_names = ["waybill_no", "sender_name", "sender_phone", "sender_address", "receiver_name", "receiver_phone",
                    "receiver_address", "pickup_time", "sign_time", "sign_type"]
    for car in ("dayun", "feima"):
        L = sorted(waybills[car], key=lambda w: w["pickup"])
        rows = []
        meta = []
        for j, w in enumerate(L):
            recv = by[w["receiver"]] if w["receiver"] else None
            o = w["mirror"]
            if car == "dayun":
                wno = "DY%010d" % (7700000000 + j * 13)
            else:
                wno = "FM%s%05d" % (w["pickup"].strftime("%m%d"), j)
            if w["merchant"]:
                city, addr, area = w["merchant"]
                sname = r.choice(["旗舰店", "官方店", "优品仓", "电商仓"])
                sname = r.choice(COMPOUND_A) + sname
                sphone = area + "-" + str(r.randint(20000000, 89999999))
                saddr = addr.format(n=r.randint(1, 999))
            else:
                s = by[w["sender"]]
                sname = s["name"]["full"] if r.random() < 0.5 else mask_name(s["name"], r)
                sp = phone_at(s, w["pickup"]) or s["phones"][0]
                sphone = sp if r.random() < 0.4 else sp[:3] + "****" + sp[7:]
                saddr = render_place(w["sender_place"], r, allow_extra=False)
            # receiver
            x = r.random()
            nm = recv["name"]
            if car == "dayun":
                rname = nm["full"] if x < 0.35 else mask_name(nm, r) if x < 0.8 else typed_name(nm, recv["sex"], r)
            else:
                rname = mask_name(nm, r) if x < 0.7 else nm["s"] + ("先生" if recv["sex"] == "M" else "女士")
            rp = phone_at(recv, w["pickup"]) or recv["phones"][0]
            rphone = rp[:3] + "****" + rp[7:] if r.random() < (0.5 if car == "dayun" else 0.8) else rp
            if isinstance(w["dest"], tuple):
                _t, c, st = w["dest"]
                raddr = render_pickup(c, st, r)
            else:
                raddr = render_place(w["dest"], r, name=nm["full"], phone=rp)
            sign = w["sign"]
            kind = w["dest_kind"]
            if sign is None:
                stype = None
            elif isinstance(w["dest"], tuple):
                stype = "驿站代收" if ("驿站" in w["dest"][2] or "自提" in w["dest"][2]) else "快递柜"
            elif kind in ("work", "old_work"):
                stype = "本人签收" if r.random() < 0.6 else "门卫代收"
            else:
                x = r.random()
                stype = "本人签收" if x < 0.5 else "家人代签" if x < 0.8 else "门卫代收" if x < 0.9 else "快递柜"
            door = stype in ("本人签收", "家人代签")
            rows.append([wno, sname, sphone, saddr, rname, rphone, raddr, w["pickup"].replace(microsecond=0), sign, stype])
            meta.append(dict(key=f"{car}:{wno}", receiver=w["receiver"], sender=w["sender"], holder=o["holder"] if o else None,
                             recipient=o["recipient"] if o else None, dest_kind=w["dest_kind"], dest_canonical=w["dest_canonical"],
                             delivered=sign is not None, door=door))
        # dirt rows
        kinds = ["null_waybill_no", "formula", "control_chars", "long_string", "sign_before_pickup", "bad_sign_type", "null_pickup_time"]
        for k_i, kind in enumerate(kinds + kinds[:3]):
            p = r.choice(world.dirt)
            t = W0 + dt.timedelta(days=r.randint(0, 300), hours=r.randint(0, 20))
            row = ["X%s%06d" % (car[:2].upper(), k_i), "某商家", "0592-5550000", "福建省厦门市湖里区仓储路1号", p["name"]["full"],
                   p["phones"][0], render_place(p["home"], r, allow_extra=False), t, t + dt.timedelta(days=2), "本人签收"]
            if kind == "null_waybill_no":
                row[0] = None
            elif kind == "formula":
                row[4] = r.choice(['=HYPERLINK("http://x.example")', "@SUM(1,2)", "+cmd|' /C calc'!A0", "-1+1"])
            elif kind == "control_chars":
                row[6] = row[6] + "\x00\x08\x1f"
            elif kind == "long_string":
                row[6] = row[6] + "旁边" * 5000
            elif kind == "sign_before_pickup":
                row[8] = t - dt.timedelta(days=3)
            elif kind == "bad_sign_type":
                row[9] = "放门口了"
            elif kind == "null_pickup_time":
                row[7] = None
            pos = r.randint(0, len(rows))
            rows.insert(pos, row)
            meta.insert(pos, dict(key=None, receiver=p["pid"], dirty=True, dirt=kind))
        # a re-sent duplicate block: the last 20 rows appear twice (courier re-pushed a batch)
        if car == "feima":
            for q in range(min(20, max(0, len(rows) - 120))):
                rows.append(list(rows[q + 100]))
                m = dict(meta[q + 100])
                m["dup_of_row"] = q + 101
                meta.append(m)
        cols = list(zip(*rows))
        arrays = []
        for name, col in zip(schema_names, cols):
            if name in ("pickup_time", "sign_time"):
                if car == "dayun":
                    arrays.append(pa.array(col, type=pa.timestamp("us")))
                else:
                    # Beijing time stored as a zone-aware instant ("Etc/GMT-8" is UTC+8)
                    utc = [None if v is None else (v - dt.timedelta(hours=8)) for v in col]
                    arrays.append(pa.array(utc, type=pa.timestamp("ms")).cast(pa.timestamp("ms", tz="Etc/GMT-8")))
            else:
                a = pa.array(col, type=pa.string())
                if car == "feima":
                    a = a.dictionary_encode()
                arrays.append(a)
        t = pa.Table.from_arrays(arrays, names=schema_names)
        fname = f"{car}_waybills_{NEWEST}.parquet"
        path = os.path.join(inbox, "logistics", fname)
        if car == "dayun":
            pq.write_table(t, path, use_deprecated_int96_timestamps=True, compression="gzip")
        else:
            pq.write_table(t, path, row_group_size=1500, compression="zstd")
        for i, m in enumerate(meta):
            R.append(rec("logistics/" + fname, i + 1, "logistics", car, m.get("key"), holder=m.get("holder"), recipient=m.get("recipient"),
                         receiver=m.get("receiver"), sender=m.get("sender"), dest_kind=m.get("dest_kind"), dest_canonical=m.get("dest_canonical"),
                         delivered=m.get("delivered"), door=m.get("door"), dirty=m.get("dirty", False),
                         dirt=m.get("dirt") or ("resent_duplicate" if "dup_of_row" in m else None),
                         ambiguous="dup_of_row" in m, dup_of=("row %d" % m["dup_of_row"]) if "dup_of_row" in m else None))
    # an older dayun export from before the window with zero data rows but a wrong schema (only 3 columns): stranger-free
    t = pa.table({"waybill_no": pa.array([], pa.string()), "receiver_name": pa.array([], pa.string()), "备注": pa.array([], pa.string())})
    pq.write_table(t, os.path.join(inbox, "logistics", "dayun_waybills_20261130.parquet"))


# ----------------------------------------------------------------- truth

def write_truth(world, cases, R, outdir):
    import polars as pl
    by = world.by
    newest_status = {}
    for c in cases:
        newest_status.setdefault(c["pid"], []).append(c)
    clean = [x for x in R if not x["dirty"] and x["source"] != "debtors"]
    named = set()
    home_del = set()
    work_keys = {}
    for x in clean:
        for f in ("holder", "recipient", "receiver", "sender"):
            if x[f]:
                named.add(x[f])
        if x["source"] == "social" and x["holder"]:
            named.add(x["holder"])
    for x in clean:
        if not x["door"] or not x["delivered"]:
            continue
        for f in ("holder", "recipient", "receiver"):
            pid = x[f]
            if not pid:
                continue
            p = by[pid]
            if p["role"] != "debtor":
                continue
            if x["dest_kind"] == "home" and x["dest_canonical"] == canon(p["home"]):
                home_del.add(pid)
            if x["dest_kind"] == "work" and p["work"] is not None and x["dest_canonical"] == canon(p["work"]) and x["record_key"]:
                work_keys.setdefault(pid, set()).add(x["record_key"])
    rows = []
    for p in world.debtors:
        cs = newest_status[p["pid"]]
        person = p["kind"] == "person"
        rows.append(dict(id_number=p["id_number"].upper() if person else p["id_number"], name=p["name"]["full"],
                         kind="person" if person else "organisation",
                         open=any(c["status"] != "执行完毕" for c in cs), on_platforms=p["pid"] in named,
                         absent=person and not p["present"], has_home_delivery=p["pid"] in home_del,
                         home_address=canon(p["home"]) if person else None,
                         work_address=canon(p["work"]) if person and p["work"] is not None else None,
                         n_work=len(work_keys.get(p["pid"], ())) if person else 0,
                         current_phones=list(p["phones"]) if person else []))
    tdir = os.path.join(outdir, "truth")
    pl.DataFrame(rows).write_parquet(os.path.join(tdir, "debtors.parquet"))
    pl.DataFrame([{k: v for k, v in c.items() if k not in ("judge", "amount", "prefix")} for c in cases]).write_parquet(os.path.join(tdir, "cases.parquet"))
    # violations
    vio = []
    seen = set()
    for x in clean:
        if x["source"] != "ecommerce" or x["category"] not in RESTRICTED:
            continue
        if x["dup_of"] and x["file"].endswith("(1).csv"):
            continue
        for f in ("holder", "recipient"):
            pid = x[f]
            if not pid or by[pid]["role"] != "debtor":
                continue
            for c in newest_status[pid]:
                if c["status"] != "执行完毕" and c["restrict"] and x["ordered_at"].date() > c["filing"]:
                    key = (by[pid]["id_number"], c["case_no"], x["platform"], x["order_id"])
                    if key in seen:
                        continue
                    seen.add(key)
                    vio.append(dict(id_number=by[pid]["id_number"].upper(), case_no=c["case_no"], platform=x["platform"], order_id=x["order_id"],
                                    ordered_at=x["ordered_at"], category=x["category"], amount=x["amount"], by_holder=(f == "holder")))
    schema = dict(id_number=pl.String, case_no=pl.String, platform=pl.String, order_id=pl.String, ordered_at=pl.Datetime("us"),
                  category=pl.String, amount=pl.Float64, by_holder=pl.Boolean)
    pl.DataFrame(vio, schema=schema).write_parquet(os.path.join(tdir, "violations.parquet"))
    ppl = []
    for p in world.people:
        ppl.append(dict(pid=p["pid"], role=p["role"], kind=p["kind"], household=p["household"], name=p["name"]["full"], id_number=p["id_number"],
                        ethnic=p.get("ethnic"), home=canon(p["home"]) if p.get("home") else None,
                        old_home=canon(p["old_home"]) if p.get("old_home") else None, move_date=p.get("move_date"),
                        work=canon(p["work"]) if p.get("work") else None, old_work=canon(p["old_work"]) if p.get("old_work") else None,
                        job_change=p.get("job_change"), phones=list(p["phones"]), old_phone=p.get("old_phone"),
                        phone_change=p.get("phone_change"), hukou=p.get("hukou"), spouse=p.get("spouse"), flags=list(p["flags"])))
    pl.DataFrame(ppl, infer_schema_length=None).write_parquet(os.path.join(tdir, "people.parquet"))
    rs = dict(file=pl.String, line=pl.Int64, source=pl.String, platform=pl.String, record_key=pl.String, holder=pl.Int64, recipient=pl.Int64,
              receiver=pl.Int64, sender=pl.Int64, dest_kind=pl.String, dest_canonical=pl.String, delivered=pl.Boolean, door=pl.Boolean,
              dirty=pl.Boolean, dirt=pl.String, ambiguous=pl.Boolean, dup_of=pl.String, category=pl.String, amount=pl.Float64,
              ordered_at=pl.Datetime("us"), order_id=pl.String)
    pl.DataFrame(R, schema=rs).write_parquet(os.path.join(tdir, "records.parquet"))
    with open(os.path.join(tdir, "files.json"), "w") as f:
        json.dump(dict(as_of=AS_OF.isoformat(), newest=NEWEST), f)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--debtors", type=int, default=2000)
    a = ap.parse_args()
    random.seed(a.seed * 7919 + 1)  # phone_at uses the module RNG for the second-phone choice
    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    inbox = os.path.join(a.out, "inbox")
    for s in ("debtors", "ecommerce", "social", "logistics"):
        os.makedirs(os.path.join(inbox, s))
    os.makedirs(os.path.join(a.out, "truth"))
    world = World(a.seed, a.debtors)
    build(world)
    orders, waybills, social = gen_events(world)
    R = []
    cases = write_roster(world, inbox, R)
    write_ecommerce(world, orders, inbox, R)
    write_social(world, social, inbox, R)
    write_logistics(world, waybills, inbox, R)
    write_truth(world, cases, R, a.out)
    print("wrote", a.out, "people", len(world.people), "records", len(R))


if __name__ == "__main__":
    main()
