#!/usr/bin/env python3
"""foreign7: a seventh independent synthetic inbox for `locate`, written from shared/specs only.

usage: gen.py --out DIR --seed N --debtors K
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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import geo7 as G  # noqa: E402

NEWEST = "20261205"
AS_OF = dt.date(2026, 12, 5)
W0 = dt.datetime(2025, 12, 6)
W1 = dt.datetime(2026, 12, 4, 23, 0)
EC_COLS = ["订单编号", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人", "收货手机", "收货地址", "下单时间", "签收时间", "实付金额", "商品类目"]
ROSTER_COLS = ["案号", "执行法院", "承办人", "被执行人", "证件类型", "证件号码", "联系电话", "户籍地址", "执行标的", "立案日期", "限制消费", "失信", "案件状态"]
WB_COLS = ["waybill_no", "sender_name", "sender_phone", "sender_address", "receiver_name", "receiver_phone", "receiver_address",
           "pickup_time", "sign_time", "sign_type"]


# ------------------------------------------------------------------ check digits
def id_check(s17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(a) * b for a, b in zip(s17, w)) % 11]


CC = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def credit_code(rng, county, kind="91"):
    alnum = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    body = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    # GB 11714 check on the organisation code
    def v(c):
        return int(c) if c.isdigit() else ord(c) - 55
    s = sum(v(c) * w for c, w in zip(body, [3, 7, 9, 10, 5, 8, 4, 2]))
    c9 = 11 - s % 11
    c9 = "X" if c9 == 10 else ("0" if c9 == 11 else str(c9))
    s17 = kind + county + body + c9
    tot = sum(alnum.index(c) * (3 ** i % 31) for i, c in enumerate(s17))
    chk = (31 - tot % 31) % 31
    return s17 + alnum[chk]


def credit_ok(s):
    tot = sum(CC.index(c) * (3 ** i % 31) for i, c in enumerate(s[:17]))
    return CC[(31 - tot % 31) % 31] == s[17]


# ------------------------------------------------------------------ world
class World:
    def __init__(self, seed, n_entities):
        self.rng = random.Random(seed)
        self.n = n_entities
        self.people = []
        self.by = {}
        self.phones_used = set()
        self.households = {}
        self.estates = {}     # (dkey) -> list of estate dicts
        self.towers = {}
        self.factories = {}
        self.stalls = {}
        self.names_used = {}

    # --- helpers
    def phone(self):
        r = self.rng
        while True:
            p = r.choice(["13", "15", "17", "18", "19", "14"]) + str(r.randint(0, 9)) + "%08d" % r.randint(0, 99999999)
            if p not in self.phones_used:
                self.phones_used.add(p)
                return p

    def landline(self, d):
        dd = G.D[d]
        first = self.rng.choice("2345678") if dd["digits"] == 7 else self.rng.choice("678")
        return dd["area"] + "-" + first + "".join(self.rng.choice("0123456789") for _ in range(dd["digits"] - 1))

    def new_person(self, role, **kw):
        pid = len(self.people) + 1
        p = dict(pid=pid, role=role, kind="person", household=None, home=None, old_home=None, move_date=None, winter_home=None,
                 work=None, old_work=None, job_change=None, phones=[], old_phone=None, phone_change=None, flags=[], spouse=None,
                 parents=[], children=[], accounts={}, present=True, landline=None, ethnic="han")
        p.update(kw)
        self.people.append(p)
        self.by[pid] = p
        return p

    def pick_district(self, region=None):
        keys = [k for k in G.HOME_KEYS if region is None or G.D[k]["region"] == region]
        return self.rng.choices(keys, [G.D[k]["weight"] for k in keys])[0]

    def estate(self, d, new=False):
        lst = self.estates.setdefault(d, [])
        if lst and not new and self.rng.random() < 0.8 and len(lst) >= 4:
            return self.rng.choice(lst)
        r = self.rng
        dd = G.D[d]
        name = r.choice(G.ESTATE_A) + r.choice(G.ESTATE_B)
        e = dict(d=d, road=r.choice(dd["roads"]), no=r.randint(1, 399), name=name, fu=None,
                 lockers=r.sample(G.LOCKERS, 2), shop=r.choice(G.SHOP_PICKUP), cq=dd["region"] == "cq",
                 nounit=dd["region"] == "cq" and r.random() < 0.3, neg=dd["region"] == "cq" and r.random() < 0.25,
                 cross=r.choice([x for x in dd["roads"]]))
        if e["cq"] and r.random() < 0.35:
            e["fu"] = r.randint(1, 12)
        if d == "sanhe":
            e["town"] = "燕郊镇"
        lst.append(e)
        return e

    def flat(self, d, e=None):
        r = self.rng
        e = e or self.estate(d)
        if e["cq"]:
            fl = r.randint(-3, -1) if e["neg"] and r.random() < 0.3 else r.randint(1, 32)
            return dict(kind="cqflat", d=d, est=e, bld=r.randint(1, 24), unit=None if e["nounit"] else r.randint(1, 4), floor=fl,
                        door=r.randint(1, 8))
        return dict(kind="flat", d=d, est=e, bld=r.randint(1, 30), unit=r.randint(1, 6), room=r.randint(1, 26) * 100 + r.randint(1, 4))

    def house(self, d):
        r = self.rng
        dd = G.D[d]
        town = r.choice(dd["towns"])
        if d == "dalate":
            vil, grp = r.choice(G.GACHA) + "嘎查", None
        elif d == "menghai":
            vil, grp = r.choice(G.DAI_VILLAGES), None
        else:
            vil, grp = r.choice(G.VILLAGE_A) + "村", r.randint(1, 12)
        return dict(kind="house", d=d, town=town, village=vil, group=grp, houseno=r.randint(1, 180))

    def home_place(self, d):
        if G.D[d]["kind"] == "rural" and self.rng.random() < 0.75:
            return self.house(d)
        return self.flat(d)

    def workplace(self, home_d):
        r = self.rng
        d = home_d
        if G.D[home_d]["kind"] == "rural":
            d = self.pick_district(G.D[home_d]["region"]) if r.random() < 0.5 else home_d
        if home_d == "sanhe" and r.random() < 0.6:
            d = r.choice(["bj_chaoyang", "bj_tongzhou"])
        dd = G.D[d]
        x = r.random()
        if dd["kind"] == "rural":
            x = 0.9
        if x < 0.45:
            lst = self.towers.setdefault(d, [])
            if len(lst) < 3 or r.random() < 0.3:
                lst.append(dict(d=d, road=r.choice(dd["roads"]), no=r.randint(1, 500), name=r.choice(G.TOWER_A) + r.choice(G.TOWER_B)))
            t = r.choice(lst)
            comp = t["name"][:2] + r.choice(G.COMPANY_A) + r.choice(G.COMPANY_B)
            return dict(kind="office", d=d, tw=t, room=r.randint(2, 30) * 100 + r.randint(1, 20), company=comp)
        if x < 0.65 and d in G.MARKETS:
            lst = self.stalls.setdefault(d, [])
            if not lst:
                lst.append(dict(d=d, road=r.choice(dd["roads"]), no=r.randint(1, 300), name=G.MARKETS[d]))
            m = lst[0]
            return dict(kind="stall", d=d, mk=m, floor=r.randint(1, 5), zone=r.choice("ABCDEF"), n=r.randint(1, 380),
                        shop=r.choice(G.COMPANY_A) + r.choice(["商行", "茶庄", "服饰", "五金", "干货店"]))
        lst = self.factories.setdefault(d, [])
        if len(lst) < 3 or r.random() < 0.3:
            lst.append(dict(d=d, road=r.choice(dd["roads"]), no=r.randint(1, 900),
                            company=dd["city"].replace("市", "")[:2] + r.choice(G.COMPANY_A) + r.choice(G.COMPANY_B)
                            if dd["city"] else "重庆" + r.choice(G.COMPANY_A) + r.choice(G.COMPANY_B)))
        f = r.choice(lst)
        return dict(kind="factory", d=d, fc=f)

    # --- names
    def make_name(self, gender, d, ethnic_hint=None, surname=None):
        r = self.rng
        region = G.D[d]["region"] if d in G.D else None
        if ethnic_hint == "mongol" or (ethnic_hint is None and region == "nmg" and r.random() < 0.3 and surname is None):
            given = r.choice(G.MONGOL_M if gender == "M" else G.MONGOL_F)
            if r.random() < 0.4:
                s = r.choice(G.MONGOL_SURNAMES)
                return dict(full=s + given, sur=s, given=given, ethnic="mongol")
            return dict(full=given, sur=None, given=given, ethnic="mongol")
        if ethnic_hint == "dai" or (ethnic_hint is None and d in ("jinghong", "menghai") and r.random() < 0.45 and surname is None):
            given = r.choice(G.DAI_M if gender == "M" else G.DAI_F)
            return dict(full=given, sur=None, given=given, ethnic="dai")
        s = surname or (r.choice(G.SURNAMES[:40]) if r.random() < 0.6 else r.choice(G.SURNAMES))
        x = r.random()
        if x < 0.3:
            g = r.choice(G.COMMON_GIVEN)
        elif x < 0.315:
            g = r.choice(G.RARE_GIVEN) + r.choice(G.GIVEN_M if gender == "M" else G.GIVEN_F)
        elif x < 0.6:
            g = r.choice(G.GIVEN_M if gender == "M" else G.GIVEN_F)
        else:
            g = "".join(r.choice(G.GIVEN_M if gender == "M" else G.GIVEN_F) for _ in range(2))
        return dict(full=s + g, sur=s, given=g, ethnic="han")

    def id_number(self, code, birth, gender):
        r = self.rng
        seq = r.randint(0, 99)
        sx = r.choice("13579") if gender == "M" else r.choice("02468")
        s17 = code + birth.strftime("%Y%m%d") + "%02d" % seq + sx
        return s17 + id_check(s17)

    def hukou_for(self, d):
        r = self.rng
        if r.random() < 0.3:
            c = r.choice(G.HUKOU_ONLY)
            return dict(code=c[0], prov=c[1], city=c[2], county=c[3], village=r.choice(G.HUKOU_VILLAGES), group=r.randint(1, 9),
                        houseno=r.randint(1, 99), town=None, d=None)
        # native: hukou in a district of the same region
        dk = d if r.random() < 0.6 else self.pick_district(G.D[d]["region"])
        dd = G.D[dk]
        return dict(code=dd["code"], prov=dd["prov"], city=dd["city"], county=dd["dist"], village=r.choice(G.HUKOU_VILLAGES),
                    group=r.randint(1, 9), houseno=r.randint(1, 99), town=(r.choice(dd["towns"]) if dd["towns"] else None), d=dk)

    # --- build
    def build(self):
        r = self.rng
        n_ent = 0
        self.debtors = []   # roster entities (persons and organisations)
        hh = 0
        while n_ent < self.n:
            if r.random() < 0.075:
                d = self.pick_district()
                dd = G.D[d]
                if r.random() < 0.3:
                    nm = dd["dist"].replace("土家族苗族自治县", "").replace("区", "区") + r.choice(["老王", "兴旺", "好运", "阿强"]) + \
                        r.choice(["火锅店", "烧烤店", "五金店", "茶叶店", "汽修部"])
                    cc = credit_code(r, dd["code"], "92")
                else:
                    nm = (dd["city"].replace("市", "") if dd["city"] else "重庆") + r.choice(G.COMPANY_A) + r.choice(G.COMPANY_B)
                    cc = credit_code(r, dd["code"], "91")
                o = self.new_person("debtor", kind="organisation", name=dict(full=nm), id_number=cc, home_d=d, present=False)
                o["phones"] = [self.phone()] if r.random() < 0.6 else [self.landline(d)]
                self.debtors.append(o)
                n_ent += 1
                continue
            hh += 1
            made = self.household(hh, debtor=True)
            n_ent += made
        # neighbours, namesakes, strangers, recyclers
        debt_persons = [p for p in self.debtors if p["kind"] == "person"]
        for p in debt_persons:
            if r.random() < 0.2:
                self.namesake(p)
        for p in debt_persons:
            if p["home"]["kind"] in ("flat", "cqflat") and r.random() < 0.3:
                hh += 1
                self.household(hh, debtor=False, near=p["home"]["est"])
        for _ in range(int(len(debt_persons) * 1.3)):
            hh += 1
            self.household(hh, debtor=False)
        # colleagues: extra people at debtors' workplaces
        for p in debt_persons:
            if p["work"] and p["work"]["kind"] in ("office", "factory") and r.random() < 0.5:
                hh += 1
                c = self.household(hh, debtor=False, size1=True)
                c["work"] = dict(p["work"])
                if p["work"]["kind"] == "office" and r.random() < 0.4:
                    c["work"]["room"] = p["work"]["room"] + 1
                c["flags"].append("colleague_of_%d" % p["pid"])
        # recycled numbers
        for p in list(self.people):
            if p["kind"] != "person" or not p["old_phone"] or p["phone_change"] is None:
                continue
            if p["phone_change"] < dt.date(2026, 8, 1) and r.random() < 0.35:
                hh += 1
                s = self.household(hh, debtor=False, size1=True)
                s["old_phone"] = s["phones"][0] if s["phones"] else None
                s["phones"] = [p["old_phone"]]
                s["phone_from"] = min(p["phone_change"] + dt.timedelta(days=r.randint(60, 150)), dt.date(2026, 11, 15))
                s["flags"].append("holds_recycled_number_of_%d" % p["pid"])
                p["flags"].append("old_number_recycled")
        # dirt strangers
        self.dirt_people = []
        for _ in range(100):
            hh += 1
            s = self.household(hh, debtor=False, size1=True)
            s["flags"].append("dirt")
            self.dirt_people.append(s)

    def adult(self, role, d, gender=None, age=None, surname=None, ethnic=None):
        r = self.rng
        gender = gender or r.choice("MF")
        age = age or r.randint(24, 68)
        birth = dt.date(AS_OF.year - age, 1, 1) + dt.timedelta(days=r.randint(0, 364))
        nm = self.make_name(gender, d, ethnic, surname)
        p = self.new_person(role, gender=gender, birth=birth, age=age, name=nm, ethnic=nm["ethnic"])
        hk = self.hukou_for(d)
        if nm["ethnic"] == "mongol" and r.random() < 0.7:
            hk.update(code=r.choice(["150203", "150602", "150621", "150526"]))
        if nm["ethnic"] == "dai":
            hk.update(code=r.choice(["532801", "532822"]), prov="云南省", city="西双版纳傣族自治州",
                      county="景洪市" if hk["code"] == "532801" else "勐海县")
        p["hukou"] = hk
        p["id_number"] = self.id_number(hk["code"], birth, gender)
        p["phones"] = [self.phone()]
        if r.random() < 0.1:
            p["phones"].append(self.phone())
        return p

    def household(self, hh, debtor, near=None, size1=False):
        r = self.rng
        d = near["d"] if near else self.pick_district()
        head = self.adult("debtor" if debtor else "other", d)
        head["household"] = hh
        home = self.flat(d, near) if near else self.home_place(d)
        members = [head]
        made = 1
        if not size1 and r.random() < 0.65 and head["age"] > 24:
            sp = self.adult("spouse" if debtor else "other", d, gender="F" if head["gender"] == "M" else "M",
                            age=max(22, head["age"] + r.randint(-5, 4)), ethnic=head["ethnic"] if head["ethnic"] != "han" else None)
            sp["household"] = hh
            head["spouse"], sp["spouse"] = sp["pid"], head["pid"]
            members.append(sp)
            if debtor and r.random() < 0.05:
                sp["role"] = "debtor"
                sp["co_debtor_of"] = head["pid"]
                made += 1
            if head["age"] > 46 and r.random() < 0.35:
                ch = self.adult("child" if debtor else "other", d, age=r.randint(20, head["age"] - 22),
                                surname=head["name"]["sur"] if head["name"]["sur"] and head["gender"] == "M" else None)
                ch["household"] = hh
                head["children"].append(ch["pid"])
                members.append(ch)
        for m in members:
            m["home"] = home
        # parent in the hukou village (a relative elsewhere)
        if not size1 and r.random() < 0.3:
            hk = head["hukou"]
            par = self.adult("parent" if debtor else "other", d, age=min(90, head["age"] + r.randint(22, 32)),
                             surname=head["name"]["sur"] if head["name"]["sur"] else None)
            par["household"] = -hh
            par["home"] = dict(kind="hukou", **{k: hk[k] for k in ("code", "prov", "city", "county", "village", "group", "houseno", "town")})
            head["parents"].append(par["pid"])
        # move
        if not near and r.random() < 0.28:
            x = r.random()
            md = (dt.date(2026, 10, 6) + dt.timedelta(days=r.randint(0, 55))) if x < 0.4 else (dt.date(2026, 1, 10) + dt.timedelta(days=r.randint(0, 260)))
            nd = d if r.random() < 0.6 else self.pick_district(G.D[d]["region"])
            new = self.home_place(nd)
            for m in members:
                m["old_home"], m["home"], m["move_date"] = home, new, md
        # snowbird: northeastern retirees who winter in 景洪 (Nov–Mar)
        if G.D[d]["region"] == "hlj" and head["age"] >= 55 and not head["move_date"] and r.random() < 0.25:
            wh = self.flat("jinghong", self.estate("jinghong"))
            for m in members:
                m["winter_home"], m["main_home"] = wh, m["home"]
                m["home"] = wh          # as of 2026-12-05 they live in the winter flat
                m["flags"].append("snowbird")
        # work
        for m in members:
            if 22 <= m["age"] <= 60 and r.random() < 0.62:
                m["work"] = self.workplace(G.D[m["home"]["d"]]["key"] if m["home"].get("d") in G.D else d)
                if r.random() < 0.6:
                    m["landline"] = self.landline(m["work"]["d"])
                if r.random() < 0.15:
                    m["old_work"] = self.workplace(d)
                    m["job_change"] = dt.date(2026, 2, 1) + dt.timedelta(days=r.randint(0, 280))
        # phone change
        for m in members:
            if r.random() < (0.32 if m["role"] == "debtor" else 0.12):
                m["old_phone"] = m["phones"][0]
                m["phones"][0] = self.phone()
                m["phone_change"] = (dt.date(2025, 3, 1) + dt.timedelta(days=r.randint(0, 260))) if r.random() < 0.5 else \
                    (dt.date(2026, 1, 1) + dt.timedelta(days=r.randint(0, 300)))
        if debtor:
            for m in members:
                if m["role"] == "debtor":
                    self.debtors.append(m)
                    m["present"] = r.random() >= 0.12
                    if not m["present"]:
                        m["flags"].append("absent_by_design")
        return made if debtor else head

    def namesake(self, p):
        r = self.rng
        d = p["home"]["d"] if p["home"].get("d") else self.pick_district()
        ns = self.adult("other", d, gender=p["gender"], age=p["age"] + r.randint(-3, 3) if r.random() < 0.4 else None)
        ns["name"] = dict(p["name"])
        ns["ethnic"] = p["ethnic"]
        ns["household"] = 900000 + p["pid"]
        if p["home"]["kind"] in ("flat", "cqflat") and r.random() < 0.2:
            ns["home"] = self.flat(p["home"]["d"], p["home"]["est"])
            ns["flags"].append("namesake_same_estate")
        else:
            ns["home"] = self.home_place(self.pick_district(G.D[d]["region"]) if r.random() < 0.3 else d)
        if r.random() < 0.4:
            ns["work"] = self.workplace(ns["home"]["d"])
        ns["flags"].append("namesake_of_%d" % p["pid"])
        p["flags"].append("has_namesake")


# ------------------------------------------------------------------ canonical addresses
def pfx(d, town=None):
    dd = G.D[d]
    return dd["prov"] + dd["city"] + dd["dist"] + (town or "")


def canon(pl_):
    if pl_ is None:
        return None
    k = pl_["kind"]
    if k in ("flat", "cqflat"):
        e = pl_["est"]
        s = pfx(pl_["d"], e.get("town")) + e["road"] + "%d号" % e["no"] + ("附%d号" % e["fu"] if e["fu"] else "") + e["name"]
        if k == "flat":
            return s + "%d幢%d单元%d室" % (pl_["bld"], pl_["unit"], pl_["room"])
        fl = ("负%d" % -pl_["floor"]) if pl_["floor"] < 0 else str(pl_["floor"])
        return s + "%d幢" % pl_["bld"] + ("%d单元" % pl_["unit"] if pl_["unit"] else "") + "%s-%d号" % (fl, pl_["door"])
    if k == "house":
        return pfx(pl_["d"]) + pl_["town"] + pl_["village"] + ("%d组" % pl_["group"] if pl_["group"] else "") + "%d号" % pl_["houseno"]
    if k == "hukou":
        return pl_["prov"] + pl_["city"] + pl_["county"] + (pl_["town"] or "") + pl_["village"] + "%d组%d号" % (pl_["group"], pl_["houseno"])
    if k == "office":
        t = pl_["tw"]
        return pfx(pl_["d"]) + t["road"] + "%d号" % t["no"] + t["name"] + "%d室" % pl_["room"]
    if k == "stall":
        m = pl_["mk"]
        return pfx(pl_["d"]) + m["road"] + "%d号" % m["no"] + m["name"] + "%d楼%s区%d号" % (pl_["floor"], pl_["zone"], pl_["n"])
    if k == "factory":
        f = pl_["fc"]
        return pfx(pl_["d"]) + f["road"] + "%d号" % f["no"] + f["company"]
    if k == "pickup":
        return pickup_canon(pl_)
    if k == "raw":
        return pl_["text"]
    raise ValueError(k)


def pickup_canon(pk):
    e = pk["est"]
    return pfx(e["d"], e.get("town")) + e["road"] + "%d号" % e["no"] + e["name"] + pk["brand"]


# ------------------------------------------------------------------ rendering (how people write)
CN_NUM = "零一二三四五六七八九十"


def cn(n):
    if n <= 10:
        return CN_NUM[n]
    if n < 20:
        return "十" + (CN_NUM[n - 10] if n > 10 else "")
    return CN_NUM[n // 10] + "十" + (CN_NUM[n % 10] if n % 10 else "")


FW = str.maketrans("0123456789-", "０１２３４５６７８９－")


class Writer:
    """One person's habits of writing an address (chosen once, so an address book is consistent)."""

    def __init__(self, rng):
        self.r = rng
        self.prefix = rng.choices(["full", "nocity", "short", "spaced", "alt", "dist", "skippref"], [30, 18, 14, 12, 10, 8, 8])[0]
        self.bld = rng.choices(["std", "dong", "hao", "dash", "dash2", "men", "cn", "fw"], [30, 18, 14, 14, 6, 6, 4, 3])[0]
        self.quote = rng.random() < 0.04
        self.remark = rng.random() < 0.08
        self.cross = rng.random() < 0.08
        self.nofu = rng.random() < 0.4
        self.xiaoqu = rng.random() < 0.12
        self.jiedao = rng.random() < 0.05


PROV_SHORT = {"重庆市": "重庆", "黑龙江省": "黑龙江", "内蒙古自治区": "内蒙古", "云南省": "云南", "河北省": "河北", "北京市": "北京"}
CITY_SHORT = {"大庆市": "大庆", "齐齐哈尔市": "齐齐哈尔", "包头市": "包头", "鄂尔多斯市": "鄂尔多斯", "赤峰市": "赤峰",
              "大理白族自治州": "大理州", "西双版纳傣族自治州": "西双版纳", "廊坊市": "廊坊", "唐山市": "唐山"}


def w_prefix(wr, d, town=None):
    r = wr.r
    dd = G.D[d]
    prov, city, dist = dd["prov"], dd["city"], dd["dist"]
    muni = city == ""
    f = wr.prefix
    town = town or ""
    if f == "full":
        s = prov + city + dist + town
    elif f == "nocity":
        s = (prov + dist if muni else city + dist) + town
    elif f == "short":
        short = dd["abbr"] or dist
        s = PROV_SHORT[prov] + (CITY_SHORT.get(city, city) if not muni else "") + short + town
    elif f == "spaced":
        s = (prov + " " + (prov if muni else city) + " " + dist + " " + town).rstrip() + " "
        if muni and prov == "重庆市":
            s = "重庆 重庆市 " + dist + " " + (town + " " if town else "")
    elif f == "alt" and dd["alt"]:
        a = r.choice(dd["alt"])
        if d == "sanhe":
            s = r.choice(["河北省三河市", "河北廊坊", "三河市", ""]) + a + ("" if a.startswith("燕郊") and "镇" in town else "")
            return s
        if d in ("dalishi",):
            return "大理州大理市" + a
        if d == "jinghong":
            return "云南版纳景洪市"
        if muni and a != "两江新区" and r.random() < 0.5:
            return prov + dist + a
        s = (prov if muni else city) + a + town
    elif f == "dist" and dd["abbr"] is not None and not muni and dd["dist"] not in ("江北区", "青山区"):
        s = dist + town
    elif f == "skippref" and not muni and dd["prov"] in ("河北省", "云南省") and dist.endswith("市"):
        s = prov + dist + town          # county-level city without its prefecture
    else:
        s = prov + city + dist + town
    if wr.jiedao and not town:
        s += dd["roads"][0][:2] + "街道"
    return s


def w_building(wr, pl_):
    f = wr.bld
    if pl_["kind"] == "cqflat":
        b, u, fl, dr = pl_["bld"], pl_["unit"], pl_["floor"], pl_["door"]
        fls = ("负%d" % -fl) if fl < 0 else str(fl)
        if f in ("dash", "dash2"):
            return "%d-" % b + ("%d-" % u if u else "") + "%s-%d" % (fls, dr)
        if f in ("hao", "men"):
            return "%d号楼" % b + ("%d单元" % u if u else "") + "%s楼%d号" % (fls, dr)
        if f == "dong":
            return "%d栋" % b + ("%d单元" % u if u else "") + "%s-%d" % (fls, dr)
        if f == "cn" and u:
            return "%s栋%s单元%s-%d号" % (cn(b), cn(u), fls, dr)
        return "%d幢" % b + ("%d单元" % u if u else "") + "%s-%d号" % (fls, dr)
    b, u, rm = pl_["bld"], pl_["unit"], pl_["room"]
    if f == "dong":
        return "%d栋%d单元%d" % (b, u, rm)
    if f == "hao":
        return "%d号楼%d单元%d" % (b, u, rm)
    if f == "dash":
        return "%d-%d-%d" % (b, u, rm)
    if f == "dash2":
        return "%d栋%d-%d" % (b, u, rm)
    if f == "men":
        return "%d号楼%d门%d" % (b, u, rm) if G.D[pl_["d"]]["region"] in ("hlj", "nmg", "hb") else "%d号楼%d单元%d室" % (b, u, rm)
    if f == "cn":
        return "%s幢%s单元%d室" % (cn(b), cn(u), rm)
    if f == "fw":
        return ("%d幢%d单元%d室" % (b, u, rm)).translate(FW)
    return "%d幢%d单元%d室" % (b, u, rm)


def w_estate(wr, e):
    nm = e["name"]
    if wr.xiaoqu and not nm.endswith("小区"):
        nm += "小区"
    if wr.quote:
        nm = wr.r.choice(['"%s"', "“%s”"]) % nm
    return nm


def w_road(wr, e):
    if wr.cross and e["cross"] != e["road"]:
        return "%s与%s交叉口" % (e["road"], e["cross"])
    s = e["road"] + "%d号" % e["no"]
    if e.get("fu") and not wr.nofu:
        s += "附%d号" % e["fu"]
    return s


REMARKS = ["（放门口）", "，到了打电话", "【周末不在家】", " 送货上门", "(电梯坏了放一楼)", "，别放快递柜"]


def w_address(wr, pl_):
    r = wr.r
    k = pl_["kind"]
    if k in ("flat", "cqflat"):
        e = pl_["est"]
        s = w_prefix(wr, pl_["d"], e.get("town")) + w_road(wr, e) + w_estate(wr, e) + w_building(wr, pl_)
    elif k == "house":
        grp = ""
        if pl_["group"]:
            grp = r.choice(["%d组" % pl_["group"], "%s组" % cn(pl_["group"]), "%d社" % pl_["group"] if G.D[pl_["d"]]["region"] == "cq" else "%d组" % pl_["group"]])
        town = pl_["town"] if r.random() < 0.8 else ""
        s = w_prefix(wr, pl_["d"]) + town + pl_["village"] + grp + "%d号" % pl_["houseno"]
    elif k == "hukou":
        s = (pl_["prov"] if r.random() < 0.6 else "") + pl_["city"] + pl_["county"] + (pl_["town"] or "") + pl_["village"] + \
            "%d组%d号" % (pl_["group"], pl_["houseno"])
    elif k == "office":
        t = pl_["tw"]
        f = r.randint(0, 5)
        fl = pl_["room"] // 100
        room = ["%d室" % pl_["room"], "%d楼%d" % (fl, pl_["room"]), "%dF-%d" % (fl, pl_["room"]), "%d层%d" % (fl, pl_["room"]),
                "%d室" % pl_["room"], "%d" % pl_["room"]][f]
        s = w_prefix(wr, pl_["d"]) + t["road"] + "%d号" % t["no"] + t["name"] + room
        if r.random() < 0.35:
            s += r.choice(["（%s）", "(%s)", " %s"]) % pl_["company"]
    elif k == "stall":
        m = pl_["mk"]
        f = r.randint(0, 4)
        st = ["%d楼%s区%d号" % (pl_["floor"], pl_["zone"], pl_["n"]), "%dF %s%d" % (pl_["floor"], pl_["zone"], pl_["n"]),
              "%s楼%s%d号" % (cn(pl_["floor"]), pl_["zone"], pl_["n"]), "%s区%d-%d" % (pl_["zone"], pl_["floor"], pl_["n"]),
              "%d楼%s区%d号" % (pl_["floor"], pl_["zone"], pl_["n"])][f]
        s = w_prefix(wr, pl_["d"]) + (m["road"] + "%d号" % m["no"] if r.random() < 0.6 else "") + m["name"] + st
        if r.random() < 0.4:
            s += "（%s）" % pl_["shop"]
    elif k == "factory":
        f = pl_["fc"]
        s = w_prefix(wr, pl_["d"]) + f["road"] + "%d号" % f["no"] + r.choice([f["company"], f["company"] + "门卫室", f["company"] + "厂区",
                                                                               "(%s)" % f["company"]])
    elif k == "pickup":
        e = pl_["est"]
        b = pl_["brand"]
        x = r.randint(0, 4)
        base = w_prefix(wr, e["d"], e.get("town")) + w_road(wr, e)
        if b in G.SHOP_PICKUP:
            s = base + e["name"] + ["门口%s代收" % b, "%s代收点" % b, "(%s代收)" % b, "%s" % b, "门口%s" % b][x]
        elif b == "团长自提点":
            s = base + e["name"] + ["团长自提点", "(团购自提)", "小区团长处自提", "团长家自提", "团长自提点"][x]
        else:
            s = [base + e["name"] + b, base + "%s(%s南门)" % (b, e["name"]), base + e["name"] + "%d栋旁%s" % (r.randint(1, 9), b),
                 base + "%s（%s店）" % (b, e["name"]), base + e["name"] + b][x]
    elif k == "raw":
        s = pl_["text"]
    else:
        raise ValueError(k)
    if wr.remark and k in ("flat", "cqflat", "house") and r.random() < 0.5:
        s += r.choice(REMARKS)
    return s


def mask_name(rng, nm, form=None):
    full = nm["full"]
    form = form or rng.choice(["x*y", "x**", "*y", "x某y"])
    if len(full) == 1:
        return full
    if form == "x*y":
        return full[0] + "*" * (len(full) - 2) + full[-1] if len(full) > 2 else full[0] + "*"
    if form == "x**":
        return full[0] + "*" * (len(full) - 1) if len(full) > 2 else full[0] + "**"
    if form == "*y":
        return "*" * (len(full) - 1) + full[-1]
    if form == "x某y":
        return full[0] + "某" * max(1, len(full) - 2) + (full[-1] if len(full) > 2 else "")
    if form == "x某某":
        return full[0] + "某某"
    return full


def mask_id(rng, idn, form):
    if form == "full":
        return idn if rng.random() < 0.7 else idn[:-1] + idn[-1].lower()
    if form == "6-4":
        return idn[:6] + "*" * 8 + idn[-4:]
    if form == "2-2":
        return idn[:2] + "*" * 14 + idn[-2:]
    if form == "4-4":
        return idn[:4] + "*" * 10 + idn[-4:]
    if form == "1-3":
        return idn[:1] + "*" * 14 + idn[-3:]
    if form == "birth":
        return idn[:6] + idn[6:10] + "*" * 8
    return ""


def mask_phone(rng, ph, form):
    if form == "full" or len(ph) != 11:
        return ph
    if form == "3-4":
        return ph[:3] + "****" + ph[-4:]
    if form == "3-3":
        return ph[:3] + "*****" + ph[-3:]
    if form == "last4":
        return "*******" + ph[-4:]
    if form == "sp":
        return ph[:3] + " **** " + ph[-4:]
    return ph


def typed_phone(rng, ph):
    x = rng.random()
    if len(ph) != 11:
        return ph
    if x < 0.62:
        return ph
    if x < 0.70:
        return "+86" + ph
    if x < 0.75:
        return "+86 " + ph
    if x < 0.82:
        return "%s-%s-%s" % (ph[:3], ph[3:7], ph[7:])
    if x < 0.88:
        return "%s %s %s" % (ph[:3], ph[3:7], ph[7:])
    if x < 0.91:
        return "+86-" + ph
    if x < 0.94:
        return "86" + ph
    return "+86 %s %s %s" % (ph[:3], ph[3:7], ph[7:])


def typed_name(rng, p, world, for_self=True):
    """A recipient name as typed for person p."""
    nm = p["name"]
    full = nm["full"]
    x = rng.random()
    sur = nm["sur"]
    if nm["ethnic"] == "mongol" and x < 0.12 and nm["given"] in G.MONGOL_VARIANTS:
        return (sur or "") + rng.choice(G.MONGOL_VARIANTS[nm["given"]]), "variant"
    if x < 0.58:
        return full, "full"
    if x < 0.67 and sur:
        return sur + ("先生" if p["gender"] == "M" else "女士"), "title"
    if x < 0.71 and sur:
        return sur + "**", "mask"
    if x < 0.78:
        g = nm["given"]
        opts = ["小" + g[-1], "阿" + g[-1], g[-1] * 2]
        if sur:
            opts += ["老" + sur, sur + ("哥" if p["gender"] == "M" else "姐"), sur + "总", sur + "师傅"]
        if nm["ethnic"] != "han":
            opts += [g[:2], g[-2:]]
        return rng.choice(opts), "nick"
    if x < 0.83 and all(c in G.PINYIN for c in full) and nm["ethnic"] == "han":
        sp, gp = G.PINYIN[sur], "".join(G.PINYIN[c] for c in nm["given"])
        f = rng.randint(0, 4)
        return [sp.capitalize() + " " + gp.capitalize(), sp + gp, (sp + " " + gp).upper(), gp.capitalize() + " " + sp.capitalize(),
                (sp + gp).capitalize()][f], "pinyin"
    if x < 0.87 and any(c in G.TRAD for c in full):
        return "".join(G.TRAD.get(c, c) for c in full), "trad"
    if x < 0.90 and any(c in G.HOMOPHONE for c in nm["given"]):
        return (sur or "") + "".join(G.HOMOPHONE.get(c, c) for c in nm["given"]), "homophone"
    if x < 0.93:
        return full + rng.choice(["(本人)", "收", " 收"]), "suffix"
    if x < 0.96 and sur and len(full) >= 2:
        return sur + " " + nm["given"], "space"
    return full, "full"


# ------------------------------------------------------------------ records
def rand_dt(rng, a, b):
    return a + dt.timedelta(seconds=rng.randint(0, int((b - a).total_seconds())))


def home_at(p, when):
    """The place p lives at on datetime when."""
    d = when.date()
    if p.get("winter_home"):
        if d.month in (11, 12, 1, 2, 3):
            return p["winter_home"], "home" if d >= dt.date(2026, 11, 1) else "winter_old"
        return p["main_home"], "main_home"
    if p["move_date"] and d < p["move_date"]:
        return p["old_home"], "old_home"
    return p["home"], "home"


def work_at(p, when):
    if p["old_work"] and when.date() < p["job_change"]:
        return p["old_work"], "old_work"
    return p["work"], "work"


def phone_at(p, when):
    d = when.date()
    if p.get("phone_from") and d < p["phone_from"]:
        return p["old_phone"] or p["phones"][0]
    if p["old_phone"] and p["phone_change"] and d < p["phone_change"] and not p.get("phone_from"):
        return p["old_phone"]
    return p["phones"][0]


def active_from(p):
    return dt.datetime.combine(p["phone_from"], dt.time(8)) if p.get("phone_from") else W0


class Gen:
    def __init__(self, world, seed):
        self.w = world
        self.r = random.Random(seed * 7919 + 13)
        self.orders = {"jingcai": [], "haodian": [], "kuaituan": []}
        self.accounts = {"douquan": [], "luntan": []}
        self.waybills = {"beidou": [], "shunlu": []}
        self.oid = 0

    def pickup_near(self, pl_, wants_shop=False):
        if pl_["kind"] not in ("flat", "cqflat"):
            return None
        e = pl_["est"]
        brand = e["shop"] if wants_shop else self.r.choice(e["lockers"])
        return dict(kind="pickup", est=e, brand=brand)

    def deliver_time(self, when, kind):
        r = self.r
        t = when + dt.timedelta(hours=r.randint(20, 90))
        if kind in ("work", "old_work"):
            while t.weekday() >= 5:
                t += dt.timedelta(days=1)
            t = t.replace(hour=r.randint(9, 16), minute=r.randint(0, 59), second=r.randint(0, 59))
        elif kind in ("home", "old_home", "main_home", "winter_old", "relative", "other"):
            if t.weekday() < 5:
                t = t.replace(hour=r.choice([8, 12, 18, 19, 19, 20, 20, 21]), minute=r.randint(0, 59))
            else:
                t = t.replace(hour=r.randint(9, 20), minute=r.randint(0, 59))
        else:
            t = t.replace(hour=r.randint(8, 21), minute=r.randint(0, 59))
        return t

    def order_time(self, kind):
        r = self.r
        t = rand_dt(r, W0, W1 - dt.timedelta(days=2))
        if kind == "work":
            while t.weekday() >= 5:
                t -= dt.timedelta(days=1)
            t = t.replace(hour=r.randint(9, 17))
        else:
            t = t.replace(hour=r.choice([7, 8, 12, 13, 19, 20, 21, 21, 22, 22, 23, 10, 15]))
        return t.replace(microsecond=0)

    def make_accounts(self):
        w, r = self.w, self.r
        for p in w.people:
            if p["kind"] != "person" or not p["present"]:
                continue
            if p["home"] is None:
                continue
            p["writer"] = Writer(r)
            dirt = "dirt" in p["flags"]
            spouse_acct = p["role"] == "debtor" and p["spouse"] and r.random() < 0.2
            if spouse_acct:
                p["flags"].append("uses_spouse_account")
            for plat, share in (("jingcai", 0.72), ("haodian", 0.45), ("kuaituan", 0.22)):
                if dirt and plat != "jingcai" and plat != "haodian":
                    continue
                if plat == "jingcai" and spouse_acct:
                    continue
                if r.random() < share or (dirt and plat == "jingcai"):
                    p["accounts"][plat] = "%s%06d" % (dict(jingcai="jc", haodian="hd", kuaituan="kt")[plat], p["pid"] * 7 + r.randint(0, 6))
            for plat, share in (("douquan", 0.5), ("luntan", 0.22)):
                if r.random() < share:
                    p["accounts"][plat] = "%s_%d" % (dict(douquan="dq", luntan="lt")[plat], 100000 + p["pid"] * 3 + r.randint(0, 2))
            p["habit_other_name"] = p["role"] == "debtor" and p["spouse"] and r.random() < 0.12
            if p["habit_other_name"]:
                p["flags"].append("orders_under_spouse_name")

    def dest_choice(self, p, plat, when):
        """Returns (recipient person or None, place, dest_kind)."""
        r = self.r
        x = r.random()
        if plat == "kuaituan":
            h, hk = home_at(p, when)
            if x < 0.8:
                pk = self.pickup_near(h, wants_shop=True)
                if pk:
                    pk = dict(pk, brand="团长自提点") if r.random() < 0.6 else pk
                    return p, pk, "pickup"
            return p, h, hk
        wk = p["work"] and (p["old_work"] is None or True)
        prof = p.setdefault("profile", r.choices(["home", "mixed", "locker", "work"], [35, 35, 15, 15 if wk else 0])[0])
        pw = {"home": (0.7, 0.05, 0.1), "mixed": (0.45, 0.2, 0.2), "locker": (0.15, 0.1, 0.65), "work": (0.2, 0.6, 0.1)}[prof]
        if x < pw[0]:
            h, hk = home_at(p, when)
            return p, h, hk
        if x < pw[0] + pw[1] and p["work"]:
            wp, wk2 = work_at(p, when)
            return p, wp, wk2
        if x < pw[0] + pw[1] + pw[2]:
            h, hk = home_at(p, when)
            pk = self.pickup_near(h, wants_shop=r.random() < 0.2)
            if pk:
                return p, pk, "pickup"
            return p, h, hk
        y = r.random()
        if y < 0.45 and p["parents"]:
            par = self.w.by[p["parents"][0]]
            return par, par["home"], "relative"
        if y < 0.6 and p["children"]:
            ch = self.w.by[p["children"][0]]
            if ch["home"] is not p["home"]:
                return ch, ch["home"], "relative"
        if y < 0.85:
            # a gift to a friend: some other person's home
            o = self.w.people[r.randrange(len(self.w.people))]
            if o["kind"] == "person" and o["home"] is not None and o["role"] not in ("debtor",) and "dirt" not in o["flags"]:
                return o, o["home"], "other"
        h, hk = home_at(p, when)
        return p, h, hk

    def book_entry(self, holder, who, place, kind, plat, when):
        """An address-book entry: reused across orders with the same (who, place)."""
        book = holder.setdefault("book_" + plat, {})
        key = (who["pid"] if who else None, canon(place), kind == "pickup")
        if key in book and self.r.random() < 0.88:
            return book[key]
        r = self.r
        if who is holder:
            if holder.get("habit_other_name") and r.random() < 0.7 and holder["spouse"] and self.w.by[holder["spouse"]]["present"]:
                sp = self.w.by[holder["spouse"]]
                name, form, rcp = sp["name"]["full"], "spouse_name", sp
            else:
                name, form = typed_name(r, who, self.w)
                rcp = who
        else:
            name, form = (who["name"]["full"], "full") if r.random() < 0.8 else typed_name(r, who, self.w)
            rcp = who
        if r.random() < 0.04 and who is not None:
            name, form, rcp = r.choice(["张三", "李先生", "王女士", "小可爱", "收件人"]), "invented", None
        ph_owner = rcp if rcp is not None else holder
        ph = phone_at(ph_owner, when)
        if kind in ("work",) and who is holder and holder["landline"] and r.random() < 0.35:
            ph = holder["landline"] + (r.choice(["", "", "-8%02d" % r.randint(1, 99)]))
        text = w_address(holder["writer"], place)
        ent = dict(name=name, form=form, rcp=rcp["pid"] if rcp else None, phone=ph, text=text)
        book[key] = ent
        return ent

    def make_orders(self):
        w, r = self.w, self.r
        rate = {"jingcai": 12, "haodian": 6, "kuaituan": 8}
        for p in w.people:
            if not p["accounts"]:
                continue
            for plat in ("jingcai", "haodian", "kuaituan"):
                if plat not in p["accounts"]:
                    continue
                n = max(1, int(r.gauss(rate[plat], rate[plat] * 0.5)))
                if "dirt" in p["flags"]:
                    n = 3
                for _ in range(n):
                    self.one_order(p, plat)
                # spouse-account orders for the debtor
                if plat == "jingcai" and p["spouse"] and "uses_spouse_account" in w.by[p["spouse"]]["flags"]:
                    deb = w.by[p["spouse"]]
                    if deb["present"]:
                        deb.setdefault("writer", Writer(r))
                        for _ in range(max(2, int(r.gauss(12, 5)))):
                            self.one_order(p, plat, for_person=deb)
            # restricted purchases
            if p["role"] == "debtor" and p["present"] and r.random() < 0.18:
                plat = "jingcai" if "jingcai" in p["accounts"] else ("haodian" if "haodian" in p["accounts"] else None)
                if plat:
                    for _ in range(r.randint(1, 3)):
                        self.one_order(p, plat, restricted=True)
            elif p["role"] != "debtor" and r.random() < 0.04 and "jingcai" in p["accounts"]:
                self.one_order(p, "jingcai", restricted=True)
        # debtors booking restricted items through the spouse's account
        for p in w.people:
            if p["role"] == "debtor" and p["present"] and "uses_spouse_account" in p["flags"] and r.random() < 0.2:
                sp = w.by[p["spouse"]]
                if "jingcai" in sp["accounts"]:
                    self.one_order(sp, "jingcai", restricted=True, for_person=p)

    def one_order(self, holder, plat, for_person=None, restricted=False):
        r = self.r
        subj = for_person or holder
        kind_hint = "work" if subj["work"] and r.random() < 0.2 else "home"
        when = self.order_time(kind_hint)
        if when < active_from(holder):
            when = rand_dt(r, active_from(holder), W1 - dt.timedelta(days=2)).replace(microsecond=0)
        if restricted:
            cat = r.choice(G.CATS_RESTRICTED)
            who = subj
            text = r.choice(["电子票务", "电子凭证，无需配送", "到店使用"]) if r.random() < 0.5 else \
                r.choice(["重庆江北国际机场T3航站楼", "昆明长水国际机场", "北京首都国际机场", "西双版纳嘎洒机场", "大理洱海边某某酒店"])
            ent = dict(name=who["name"]["full"] if r.random() < 0.8 else ((who["name"]["sur"] or who["name"]["full"]) +
                                                                         ("先生" if who["gender"] == "M" else "女士")),
                       form="full", rcp=who["pid"], phone=phone_at(who, when), text=text)
            place, kind = dict(kind="raw", text=text), "other"
            amount = round(r.uniform(380, 12800), 2)
            sign = None
        else:
            who, place, kind = self.dest_choice(subj, plat, when)
            if kind in ("work", "old_work") and when.weekday() >= 5:
                when -= dt.timedelta(days=2)
            ent = self.book_entry(holder, who, place, kind, plat, when)
            cat = r.choice(G.CATS_ORDINARY)
            amount = round(r.lognormvariate(4, 1), 2)
            sign = self.deliver_time(when, kind) if r.random() < 0.95 else None
            if sign and sign > W1:
                sign = None
        self.oid += 1
        o = dict(plat=plat, holder=holder["pid"], recipient=ent["rcp"], name=ent["name"], name_form=ent["form"], phone=ent["phone"],
                 text=ent["text"], place=place, kind=kind, ordered_at=when, sign=sign, amount=amount, category=cat,
                 seq=self.oid, restricted=restricted)
        self.orders[plat].append(o)
        return o

    # --- social
    def make_social(self):
        w, r = self.w, self.r
        for p in w.people:
            for plat in ("douquan", "luntan"):
                uid = p["accounts"].get(plat)
                if not uid:
                    continue
                acc = dict(uid=uid, pid=p["pid"], plat=plat)
                nm = p["name"]
                g = nm["given"]
                acc["nickname"] = r.choice(["%s的小窝" % g[-1], "快乐的" + g[-1], "老" + (nm["sur"] or g[:1]) + "在" + (G.D[p["home"]["d"]]["city"] or "重庆")[:2]
                                            if p["home"].get("d") else "老乡", "风一样的男子", "草原之子" if nm["ethnic"] == "mongol" else "山城妹儿",
                                            "Tony" if p["gender"] == "M" else "Lisa", g + "_" + str(r.randint(1, 99))])
                x = r.random()
                acc["real_name"] = nm["full"] if x < 0.3 else (mask_name(r, nm) if x < 0.85 else None)
                acc["id_no"] = mask_id(r, p["id_number"], r.choice(["full", "6-4", "2-2", "6-4", "none"]))
                x = r.random()
                ph = phone_at(p, W1) if r.random() > 0.12 else (p["old_phone"] or p["phones"][0])
                acc["phone"] = ph if x < 0.5 else (mask_phone(r, ph, "3-4") if x < 0.85 else None)
                # profile
                hd = p["home"]["d"] if p["home"].get("d") else None
                if hd:
                    dd = G.D[hd]
                    acc["profile_region"] = r.choice([PROV_SHORT[dd["prov"]] + " " + (CITY_SHORT.get(dd["city"], dd["city"]) if dd["city"] else dd["dist"]),
                                                      PROV_SHORT[dd["prov"]], None, "其他"])
                else:
                    acc["profile_region"] = None
                logins = []
                for _ in range(r.randint(0, 20)):
                    t = rand_dt(r, dt.datetime(2026, 8, 1), W1)
                    h, _k = home_at(p, t) if p["home"].get("d") else (p["home"], "home")
                    if h.get("d"):
                        dd = G.D[h["d"]]
                        reg = dd["prov"] + dd["city"] if dd["city"] else dd["prov"]
                    else:
                        reg = h.get("prov", "") + h.get("city", "")
                    if r.random() < 0.08:
                        reg = r.choice(["北京市", "云南省昆明市", "中国", "海南省三亚市"])
                    logins.append(dict(ts=t, ip="%d.%d.%d.%d" % (r.randint(36, 223), r.randint(0, 255), r.randint(0, 255), r.randint(1, 254)),
                                       ip_region=reg))
                acc["logins"] = sorted(logins, key=lambda z: z["ts"])
                posts = []
                for _ in range(r.randint(0, 6)):
                    t = rand_dt(r, W0, W1)
                    y = r.random()
                    if y < 0.5 and p["home"].get("d"):
                        h, hk = home_at(p, t)
                        if h["kind"] in ("flat", "cqflat"):
                            e = h["est"]
                            posts.append(dict(ts=t, poi=G.D[e["d"]]["dist"][:2] + e["name"] if r.random() < 0.5 else e["name"],
                                              address=(G.D[e["d"]]["city"] or "重庆市") + G.D[e["d"]]["dist"] + e["road"] + e["name"], kind=hk))
                        elif h["kind"] == "house":
                            posts.append(dict(ts=t, poi=h["village"], address=G.D[h["d"]]["dist"] + h["town"] + h["village"], kind=hk))
                    elif y < 0.75 and p["work"]:
                        wp, wk = work_at(p, t)
                        if wp["kind"] == "office":
                            posts.append(dict(ts=t, poi=wp["tw"]["name"], address=(G.D[wp["d"]]["city"] or G.D[wp["d"]]["prov"]) +
                                              G.D[wp["d"]]["dist"] + wp["tw"]["road"] + "%d号" % wp["tw"]["no"] + wp["tw"]["name"], kind=wk))
                        elif wp["kind"] == "stall":
                            posts.append(dict(ts=t, poi=wp["mk"]["name"], address=None, kind=wk))
                    else:
                        posts.append(dict(ts=t, poi=r.choice(["解放碑", "洪崖洞", "响沙湾", "呼伦贝尔大草原", "告庄西双景", "洱海", "大理古城",
                                                              "铁人王进喜纪念馆", "扎龙自然保护区", "燕郊万达广场"]), address=None, kind="other"))
                acc["geo_posts"] = sorted(posts, key=lambda z: z["ts"])
                self.accounts[plat].append(acc)

    # --- waybills
    def make_waybills(self):
        w, r = self.w, self.r
        merchants = []
        for i in range(40):
            d = r.choice(list(G.D))
            merchants.append(dict(name=r.choice(G.COMPANY_A) + r.choice(["旗舰店", "专营店", "工厂店", "官方店"]),
                                  phone=w.landline(d) if r.random() < 0.5 else w.phone(),
                                  address=r.choice(["浙江省义乌市", "广东省广州市白云区", "山东省临沂市兰山区", "河北省白沟镇", "福建省泉州市晋江市"]) +
                                  r.choice(["工业园", "物流园", "电商产业园"]) + "%d号" % r.randint(1, 300)))
        for plat in ("jingcai", "haodian"):
            for o in self.orders[plat]:
                if o["restricted"] or not o["sign"] or "dirt_row" in o or r.random() > 0.35:
                    continue
                m = r.choice(merchants)
                self.add_wb(o["place"], o["kind"], m["name"], m["phone"], m["address"], None, o["name"], o["phone"], o["text"],
                            o["recipient"], min(o["ordered_at"] + dt.timedelta(hours=r.randint(3, 30)), o["sign"] - dt.timedelta(hours=3)),
                            o["sign"], mirror=(plat, o["seq"]))
        # parents send parcels from the village; stall owners ship from the stall
        for p in w.people:
            if p["kind"] != "person" or not p["present"] or p["home"] is None or "dirt" in p["flags"]:
                continue
            if p["parents"] and r.random() < 0.5:
                par = w.by[p["parents"][0]]
                par.setdefault("writer", Writer(r))
                for _ in range(r.randint(1, 5)):
                    t = rand_dt(r, W0, W1 - dt.timedelta(days=4)).replace(microsecond=0)
                    h, hk = home_at(p, t)
                    nm, _f = typed_name(r, p, w)
                    self.add_wb(h, hk, par["name"]["full"], phone_at(par, t), w_address(par["writer"], par["home"]), par["pid"],
                                nm, phone_at(p, t), w_address(par["writer"], h), p["pid"], t, self.deliver_time(t, hk))
            if p["work"] and p["work"]["kind"] == "stall" and p["role"] == "debtor":
                for _ in range(r.randint(3, 15)):
                    t = rand_dt(r, W0, W1 - dt.timedelta(days=4)).replace(microsecond=0)
                    if t.weekday() >= 5:
                        t -= dt.timedelta(days=2)
                    t = t.replace(hour=r.randint(10, 17))
                    wp, wk = work_at(p, t)
                    o = w.people[r.randrange(len(w.people))]
                    if o["home"] is None or o["kind"] != "person" or "dirt" in o["flags"] or o["role"] == "debtor":
                        continue
                    sname = p["name"]["full"] if r.random() < 0.5 else (wp.get("shop") or p["name"]["full"])
                    self.add_wb(o["home"], "other", sname, phone_at(p, t) if r.random() < 0.7 else (p["landline"] or phone_at(p, t)),
                                w_address(p["writer"], wp), p["pid"] if sname == p["name"]["full"] else None,
                                o["name"]["full"], phone_at(o, t), w_address(p.get("writer") or Writer(r), o["home"]), o["pid"],
                                t, self.deliver_time(t, "other"), sender_kind=wk, sender_place=wp)
        # organisations on the roster ship as senders
        for o in w.debtors:
            if o["kind"] == "organisation" and r.random() < 0.25:
                for _ in range(r.randint(1, 4)):
                    rc = w.people[r.randrange(len(w.people))]
                    if rc["home"] is None or rc["kind"] != "person" or "dirt" in rc["flags"] or rc["role"] == "debtor":
                        continue
                    t = rand_dt(r, W0, W1 - dt.timedelta(days=4)).replace(microsecond=0)
                    self.add_wb(rc["home"], "other", o["name"]["full"], o["phones"][0], pfx(o["home_d"]) + "某路%d号" % r.randint(1, 99),
                                o["pid"], rc["name"]["full"], phone_at(rc, t), w_address(Writer(r), rc["home"]), rc["pid"], t,
                                self.deliver_time(t, "other"))

    def add_wb(self, place, kind, sname, sphone, saddr, spid, rname, rphone, raddr, rpid, pickup, sign, mirror=None, holder_pid=None,
               sender_kind=None, sender_place=None):
        r = self.r
        plat = "beidou" if r.random() < 0.55 else "shunlu"
        if sign is None:
            st = None
        elif kind == "pickup":
            st = "驿站代收" if ("驿站" in place.get("brand", "") or place.get("brand") in G.SHOP_PICKUP or place.get("brand") == "团长自提点") else "快递柜"
        elif kind in ("work", "old_work"):
            st = r.choices(["本人签收", "门卫代收"], [55, 45])[0]
        else:
            st = r.choices(["本人签收", "家人代签", "门卫代收", "快递柜"], [50, 30, 12, 8])[0]
        self.waybills[plat].append(dict(plat=plat, sname=sname, sphone=sphone, saddr=saddr, sender=spid, rname=rname, rphone=rphone,
                                        raddr=raddr, receiver=rpid, pickup=pickup, sign=sign, sign_type=st, place=place, kind=kind,
                                        mirror=mirror, holder=holder_pid, sender_kind=sender_kind, sender_place=sender_place))


# ------------------------------------------------------------------ writers
def fmt_t(t):
    return t.strftime("%Y/%m/%d %H:%M:%S") if t else ""


class CsvOut:
    """Writes CSV text while tracking the physical line each row starts on."""

    def __init__(self, lt="\r\n", quote_all=False):
        self.lt = lt
        self.qa = quote_all
        self.parts = []
        self.line = 1

    def cell(self, v):
        v = "" if v is None else str(v)
        if self.qa or any(c in v for c in ',"\r\n') or v.startswith(" ") or v.endswith(" "):
            return '"' + v.replace('"', '""') + '"'
        return v

    def row(self, vals, raw=None):
        start = self.line
        s = raw if raw is not None else ",".join(self.cell(v) for v in vals)
        self.parts.append(s + self.lt)
        self.line += (s + self.lt).count("\n") if self.lt.endswith("\n") else s.count("\n") + 1
        return start

    def text(self):
        return "".join(self.parts)


def rec(**kw):
    base = dict(file=None, line=None, source=None, platform=None, record_key=None, holder=None, recipient=None, receiver=None,
                sender=None, dest_kind=None, dest_canonical=None, delivered=None, door=None, dirty=False, dirt=None, ambiguous=False,
                dup_of=None, category=None, amount=None, ordered_at=None, order_id=None, name_form=None)
    base.update(kw)
    return base


def write_all(world, gen, out, seed, cases):
    r = random.Random(seed * 31 + 7)
    inbox = os.path.join(out, "inbox")
    for k in ("debtors", "ecommerce", "social", "logistics"):
        os.makedirs(os.path.join(inbox, k), exist_ok=True)
    R = []
    write_roster(world, r, inbox, R, cases)
    write_ecommerce(world, gen, r, inbox, R)
    write_social(world, gen, r, inbox, R)
    write_logistics(world, gen, r, inbox, R)
    return cases, R


# --- roster
def make_cases(world, r):
    cases = []
    court_by_d = {}
    for c in G.COURTS:
        for d in c[3]:
            court_by_d.setdefault(d, []).append(c)
    seqs = {}
    judges = {c[0]: [world.make_name(r.choice("MF"), "yubei")["full"] for _ in range(4)] for c in G.COURTS}

    def new_case(court, filing):
        y = filing.year
        seqs[(court[0], y)] = seqs.get((court[0], y), 0) + r.randint(1, 40)
        hf = r.random() < 0.15
        word = "执恢" if r.random() < 0.06 else "执"
        b = ("（%d）" if hf else "(%d)") % y
        return b + court[2] + word + "%d号" % seqs[(court[0], y)]

    co = {}
    for p in world.debtors:
        if p.get("co_debtor_of"):
            co.setdefault(p["co_debtor_of"], []).append(p)
    for p in world.debtors:
        if p.get("co_debtor_of"):
            continue
        if p["kind"] == "organisation":
            d = p["home_d"]
        else:
            hd = (p.get("main_home") or p["home"])
            d = hd["d"] if hd.get("d") in court_by_d else None
            if d is None:
                d = p["hukou"]["d"] if p["hukou"].get("d") in court_by_d else r.choice(list(court_by_d))
        ncase = r.choices([1, 2, 3], [70, 22, 8])[0]
        for i in range(ncase):
            court = r.choice(court_by_d[d]) if i == 0 or r.random() < 0.6 else r.choice(G.COURTS)
            filing = dt.date(2019, 1, 1) + dt.timedelta(days=r.randint(0, 2870))
            if filing > dt.date(2026, 11, 25):
                filing = dt.date(2026, 11, 25)
            st = r.choices(["执行中", "终本", "执行完毕"], [50, 33, 17])[0]
            cn_ = new_case(court, filing)
            parties = [p] + co.get(p["pid"], [])
            for q in parties:
                cases.append(dict(case_no=cn_, court=court[1], court_key=court[0], judge=r.choice(judges[court[0]]), pid=q["pid"],
                                  filing=filing, status=st, restrict=(st != "执行完毕" and r.random() < 0.8) or (st == "执行完毕" and r.random() < 0.3),
                                  blacklist=r.random() < 0.45, amount=round(r.lognormvariate(10.5, 1.3), 2)))
    # no restricted order may fall on a filing date (handled in order generation by moving orders)
    return cases


def roster_phones(world, p, r):
    if p["kind"] == "organisation":
        return list(p["phones"])
    cur = list(p["phones"])
    old = [p["old_phone"]] if p["old_phone"] else []
    if not old:
        old = [world.phone()] if r.random() < 0.5 else []   # a number dead before the window
    x = r.random()
    if x < 0.36 and old:
        out = old
        p["flags"].append("roster_phone_stale")
    elif x < 0.64:
        out = cur[:1]
        p["flags"].append("roster_phone_current")
    elif x < 0.80 and old:
        out = old + cur[:1]
        p["flags"].append("roster_phone_mix")
    else:
        out = []
        p["flags"].append("roster_phone_empty")
    if p["landline"] and r.random() < 0.15:
        out = out + [p["landline"]]
    return out


def fmt_amount(r, a):
    x = r.random()
    if x < 0.35:
        return "{:,.2f}".format(a)
    if x < 0.7:
        return "%.2f" % a
    if x < 0.85:
        return "%d" % round(a)
    return "{:,}".format(round(a))


def write_roster(world, r, inbox, R, cases):
    by_court = {}
    for c in cases:
        by_court.setdefault(c["court_key"], []).append(c)
    rp = {}
    for p in world.debtors:
        rp[p["pid"]] = roster_phones(world, p, r)
    for fname, courts, opt in G.ROSTER_FILES:
        rows = [c for ck in courts for c in by_court.get(ck, [])]
        r.shuffle(rows)
        for date, older in ((NEWEST, False), ("20261128", True)):
            if older and fname not in ("yufy", "mengfy"):
                continue
            out = CsvOut(opt["lt"], opt["quote_all"])
            cols = ROSTER_COLS + (["备注"] if opt["extra"] else [])
            out.row(cols)
            path = "debtors/%s_roster_%s.csv" % (fname, date)
            sub = rows
            if older:
                sub = [c for c in rows if c["filing"] < dt.date(2026, 11, 20)]
            dup_line = None
            for i, c in enumerate(sub):
                p = world.by[c["pid"]]
                person = p["kind"] == "person"
                st = c["status"]
                if older and st == "执行完毕" and r.random() < 0.5:
                    st = "执行中"
                idn = p["id_number"]
                if person and idn.endswith("X") and r.random() < 0.5:
                    idn = idn[:-1] + "x"
                ph = rp[p["pid"]]
                seps = r.choice([";", "；", "、", ",", ", "])
                hk = canon(dict(kind="hukou", **{k: p["hukou"][k] for k in ("code", "prov", "city", "county", "village", "group", "houseno", "town")})) \
                    if person else pfx(p["home_d"]) + "某某路%d号" % r.randint(1, 200)
                if person and r.random() < 0.12:
                    hk = canon(p.get("old_home") or p.get("main_home") or p["home"])
                vals = [c["case_no"], c["court"], c["judge"], p["name"]["full"], "居民身份证" if person else "统一社会信用代码", idn,
                        seps.join(ph), hk, fmt_amount(r, c["amount"]), c["filing"].isoformat(), "是" if c["restrict"] else "否",
                        "是" if c["blacklist"] else "否", st]
                if opt["extra"]:
                    vals.append(r.choice(["", "", "", "已冻结账户", "被执行人下落不明", "申请人提供线索"]))
                ln = out.row(vals)
                R.append(rec(file=path, line=ln, source="debtors", platform=fname, record_key=c["case_no"] + "|" + p["id_number"],
                             holder=p["pid"], dest_kind=None))
                if fname == "heify" and dup_line is None and i == 5:
                    ln2 = out.row(vals)
                    dup_line = ln2
                    R.append(rec(file=path, line=ln2, source="debtors", platform=fname, record_key=c["case_no"] + "|" + p["id_number"],
                                 holder=p["pid"], dirty=False, ambiguous=True, dirt="exact_duplicate_line", dup_of="%s:%d" % (path, ln)))
            text = out.text()
            if older and fname == "yufy":
                # the older export was cut off mid-line (its last case is complete in today's file)
                cut = text.rstrip("\r\n")
                lastnl = cut.rfind("\n")
                text = cut[:lastnl + 1 + (len(cut) - lastnl) // 2]
                R[-1].update(dirty=True, dirt="truncated_last_line")
            data = (("\ufeff" if opt["bom"] else "") + text).encode("utf-8")
            with open(os.path.join(inbox, path), "wb") as f:
                f.write(data)
    return cases


# --- e-commerce
PLAT_OPT = {
    "jingcai": dict(lt="\r\n", qa=False, names=(70, 20, 10), ids=dict(full=45, **{"6-4": 30}, none=25), phones=dict(full=55, **{"3-4": 45}),
                    rph=0.06),
    "haodian": dict(lt="\n", qa=True, names=(25, 45, 30), ids={"2-2": 35, "4-4": 15, "1-3": 10, "birth": 10, "none": 30},
                    phones={"3-4": 50, "3-3": 20, "last4": 15, "full": 15}, rph=0.35),
    "kuaituan": dict(lt="\r\n", qa=False, names=(40, 30, 30), ids={"6-4": 40, "none": 60}, phones={"3-4": 70, "sp": 15, "full": 15}, rph=0.5),
}


def order_id(r, plat, o):
    if plat == "jingcai":
        return o["ordered_at"].strftime("%y%m%d") + "%012d" % (o["seq"] * 7919 % 10 ** 12)
    if plat == "haodian":
        return "HD%s%07d" % (o["ordered_at"].strftime("%Y%m%d"), o["seq"])
    return "%09d" % o["seq"]          # leading zeros: keep it a string


def ec_row(world, r, plat, o, acct_cache, export_date):
    p = world.by[o["holder"]]
    opt = PLAT_OPT[plat]
    key = (plat, p["pid"])
    if key not in acct_cache:
        nf = r.choices(["full", "x*y", "x**"], opt["names"])[0]
        idf = r.choices(list(opt["ids"]), list(opt["ids"].values()))[0]
        phf = r.choices(list(opt["phones"]), list(opt["phones"].values()))[0]
        acct_cache[key] = (mask_name(r, p["name"], nf), mask_id(r, p["id_number"], idf), phf)
    rn, rid, phf = acct_cache[key]
    bound = mask_phone(r, phone_at(p, min(export_date, W1)), phf)
    rph = o["phone"]
    if "-" not in rph[:5] and len(rph) == 11:
        rph = mask_phone(r, rph, "3-4") if r.random() < opt["rph"] else typed_phone(r, rph)
    sign = o["sign"] if o["sign"] and o["sign"] < export_date else None
    return [order_id(r, plat, o), p["accounts"][plat], rn, rid, bound, o["name"], rph, o["text"], fmt_t(o["ordered_at"]),
            fmt_t(sign), ("%.2f" % o["amount"]) if r.random() < 0.9 else ("%g" % o["amount"]), o["category"]], sign


def dirty_ec_rows(world, gen, r, plat, n):
    """Bad rows, all about dirt strangers."""
    rows = []
    people = world.dirt_people
    kinds = ["missing_cols", "extra_cols", "bad_order_time", "bad_sign_time", "bad_amount", "formula_name", "formula_address",
             "long_address", "control_chars", "nul_char"]
    for i in range(n):
        p = people[r.randrange(len(people))]
        kind = kinds[i % len(kinds)]
        when = rand_dt(r, W0, W1 - dt.timedelta(days=3)).replace(microsecond=0)
        gen.oid += 1
        o = dict(ordered_at=when, seq=gen.oid)
        vals = [order_id(r, plat, o), "%s_dirt%d" % (plat[:2], p["pid"]), p["name"]["full"], "", mask_phone(r, p["phones"][0], "3-4"),
                p["name"]["full"], p["phones"][0], canon(p["home"]), fmt_t(when), fmt_t(when + dt.timedelta(days=2)), "%.2f" % r.uniform(5, 300),
                r.choice(G.CATS_ORDINARY)]
        if kind == "missing_cols":
            vals = vals[:-2]
        elif kind == "extra_cols":
            vals = vals + ["多余", "列"]
        elif kind == "bad_order_time":
            vals[8] = r.choice(["2026/02/30 10:00:00", "2026-11-03 下午", "46001.5", "2026/13/01 25:61:00", "#VALUE!"])
        elif kind == "bad_sign_time":
            vals[9] = r.choice(["明天", "2026/11/31 08:00:00", "00/00/0000"])
        elif kind == "bad_amount":
            vals[10] = r.choice(["¥", "十元", "1.2.3", "NaN", "--", "#N/A"])
        elif kind == "formula_name":
            vals[5] = r.choice(['=HYPERLINK("http://x.cn","点我")', "=cmd|' /C calc'!A0", "@SUM(A1:A9)", "-1+1", "+A1*2"])
        elif kind == "formula_address":
            vals[7] = r.choice(["=1+2", '=IMPORTXML("http://x","//a")', "@INDIRECT(A1)"])
        elif kind == "long_address":
            vals[7] = vals[7] + "附近" * 3600
        elif kind == "control_chars":
            vals[5] = vals[5][:1] + r.choice(["\x07", "\x1b", "\x0b", "\x08", "\x01"]) + vals[5][1:]
        elif kind == "nul_char":
            vals[7] = vals[7][:5] + "\x00" + vals[7][5:]
        rows.append((vals, kind, p["pid"], o))
    return rows


def write_ecommerce(world, gen, r, inbox, R):
    cache = {}
    # jingcai: monthly exports on the 5th, each covering [prev 3rd, this 5th) -> 2-day overlap with the previous file
    months = []
    d0 = dt.date(2026, 1, 5)
    while d0 <= dt.date(2026, 12, 5):
        months.append(d0)
        d0 = (d0.replace(day=1) + dt.timedelta(days=32)).replace(day=5)
    first_seen = {}
    orders = sorted(gen.orders["jingcai"], key=lambda o: o["ordered_at"])
    for mi, md in enumerate(months):
        start = dt.datetime.combine((md.replace(day=1) - dt.timedelta(days=1)).replace(day=3), dt.time()) if mi else W0 - dt.timedelta(days=1)
        end = dt.datetime.combine(md, dt.time())
        exp = end
        sel = [o for o in orders if start <= o["ordered_at"] < end]
        fn = "ecommerce/jingcai_orders_%s.csv" % md.strftime("%Y%m%d")
        write_ec_file(world, gen, r, inbox, R, "jingcai", fn, sel, cache, exp, first_seen,
                      n_dirt=12 if md.strftime("%Y%m%d") in (NEWEST, "20260805") else 0,
                      truncated=False)
    # byte-identical re-send of the August file under the next day's date (same content hash)
    src = os.path.join(inbox, "ecommerce/jingcai_orders_20260805.csv")
    dst = "ecommerce/jingcai_orders_20260806.csv"
    shutil.copyfile(src, os.path.join(inbox, dst))
    for x in [x for x in R if x["file"] == "ecommerce/jingcai_orders_20260805.csv"]:
        y = dict(x, file=dst, dup_of="ecommerce/jingcai_orders_20260805.csv:%d" % x["line"] if not x["dirty"] else x["dup_of"])
        R.append(y)
    # haodian: half-yearly, overlap 5 days; the newest file's last line is cut
    orders = sorted(gen.orders["haodian"], key=lambda o: o["ordered_at"])
    for md, start in ((dt.datetime(2026, 6, 5), W0 - dt.timedelta(days=1)), (dt.datetime(2026, 12, 5), dt.datetime(2026, 5, 31))):
        sel = [o for o in orders if start <= o["ordered_at"] < md]
        fn = "ecommerce/haodian_orders_%s.csv" % md.strftime("%Y%m%d")
        write_ec_file(world, gen, r, inbox, R, "haodian", fn, sel, cache, md, first_seen, n_dirt=15 if md.month == 12 else 5,
                      truncated=md.month == 12)
    # kuaituan: one export; column order of its own system
    sel = sorted(gen.orders["kuaituan"], key=lambda o: o["ordered_at"])
    write_ec_file(world, gen, r, inbox, R, "kuaituan", "ecommerce/kuaituan_orders_%s.csv" % NEWEST, sel, cache, dt.datetime(2026, 12, 5),
                  first_seen, n_dirt=8, truncated=False, col_order=[0, 8, 9, 1, 2, 3, 4, 5, 6, 7, 11, 10])
    # an empty header-only file and a 0-byte file
    with open(os.path.join(inbox, "ecommerce/kuaituan_orders_20261204.csv"), "wb") as f:
        f.write(",".join(EC_COLS).encode("gb18030") + b"\r\n")
    open(os.path.join(inbox, "ecommerce/haodian_orders_20261204.csv"), "wb").close()
    # a file in the wrong encoding: Big5 (decodes "successfully" as GB18030 into mojibake)
    out = CsvOut("\r\n")
    out.row(EC_COLS)
    path = "ecommerce/haodian_orders_20261130.csv"
    for i in range(25):
        p = world.dirt_people[i]
        when = rand_dt(r, dt.datetime(2026, 11, 1), dt.datetime(2026, 11, 28)).replace(microsecond=0)
        gen.oid += 1
        o = dict(ordered_at=when, seq=gen.oid)
        txt = "".join(G.TRAD.get(c, c) for c in canon(p["home"]))
        vals = [order_id(r, "haodian", o), "hd_dirt%d" % p["pid"], "".join(G.TRAD.get(c, c) for c in p["name"]["full"]), "",
                mask_phone(r, p["phones"][0], "3-4"), "".join(G.TRAD.get(c, c) for c in p["name"]["full"]), p["phones"][0], txt,
                fmt_t(when), fmt_t(when + dt.timedelta(days=2)), "%.2f" % r.uniform(5, 200), "家居日用"]
        ln = out.row(vals)
        R.append(rec(file=path, line=ln, source="ecommerce", platform="haodian", record_key="ecommerce|haodian|" + vals[0],
                     holder=p["pid"], recipient=p["pid"], dirty=True, dirt="wrong_encoding_big5", order_id=vals[0]))
    with open(os.path.join(inbox, path), "wb") as f:
        f.write(out.text().encode("big5", errors="replace"))


def write_ec_file(world, gen, r, inbox, R, plat, fn, sel, cache, exp, first_seen, n_dirt, truncated, col_order=None):
    opt = PLAT_OPT[plat]
    out = CsvOut(opt["lt"], opt["qa"])
    order = col_order or list(range(12))
    out.row([EC_COLS[i] for i in order])
    dirt = dirty_ec_rows(world, gen, r, plat, n_dirt) if n_dirt else []
    items = [("o", o) for o in sel] + [("d", d) for d in dirt]
    # dirt rows go at random positions, but never last when the file is truncated (a clean row is the cut one)
    r.shuffle(items)
    if truncated:
        j = max(i for i, it in enumerate(items) if it[0] == "d")
        items.append(items.pop(j))
    rows_meta = []
    for typ, it in items:
        if typ == "o":
            o = it
            vals, sign = ec_row(world, r, plat, o, cache, exp)
            vals = [vals[i] for i in order]
            ln = out.row(vals)
            oid = vals[order.index(0)]
            key = "ecommerce|%s|%s" % (plat, oid)
            dup = first_seen.get(key)
            if dup is None:
                first_seen[key] = "%s:%d" % (fn, ln)
            door = sign is not None and o["kind"] != "pickup" and o["place"]["kind"] != "raw"
            rows_meta.append(rec(file=fn, line=ln, source="ecommerce", platform=plat, record_key=key, holder=o["holder"],
                                 recipient=o["recipient"], dest_kind=o["kind"], dest_canonical=canon(o["place"]),
                                 delivered=sign is not None, door=door, dup_of=dup, category=o["category"], amount=o["amount"],
                                 ordered_at=o["ordered_at"], order_id=oid, name_form=o["name_form"]))
        else:
            vals, kind, pid, o = it
            if len(vals) == 12:
                vals = [vals[i] for i in order]
            ln = out.row(vals)
            rows_meta.append(rec(file=fn, line=ln, source="ecommerce", platform=plat, record_key="ecommerce|%s|%s" % (plat, vals[0]),
                                 holder=pid, recipient=pid, dirty=True, dirt=kind, order_id=vals[0]))
    text = out.text()
    if truncated:
        # the export was cut off in the middle of the last line, so the last order is lost (a stranger's, by construction)
        body = text[: -len(opt["lt"])]
        lastnl = body.rfind("\n")
        text = body[: lastnl + 1 + (len(body) - lastnl) // 3]
        last = rows_meta[-1]
        last.update(dirty=True, dirt="truncated_last_line")
    R.extend(rows_meta)
    with open(os.path.join(inbox, fn), "wb") as f:
        f.write(text.encode("gb18030"))


# --- social
def iso(t, utc=False, frac=False):
    if utc:
        u = t - dt.timedelta(hours=8)
        return u.strftime("%Y-%m-%dT%H:%M:%S") + (".%03dZ" % (t.second * 7 % 1000) if frac else "Z")
    return t.strftime("%Y-%m-%dT%H:%M:%S") + "+08:00"


def write_social(world, gen, r, inbox, R):
    for plat in ("douquan", "luntan"):
        fn = "social/%s_accounts_%s.jsonl" % (plat, NEWEST)
        lines = []
        metas = []
        accs = list(gen.accounts[plat])
        r.shuffle(accs)
        for a in accs:
            p = world.by[a["pid"]]
            utc = plat == "luntan"
            o = {"uid": a["uid"], "nickname": a["nickname"], "real_name": a["real_name"], "id_no": a["id_no"] or None,
                 "phone": a["phone"], "profile_region": a["profile_region"],
                 "logins": [dict(ts=iso(x["ts"], utc, utc), ip=x["ip"], ip_region=x["ip_region"]) for x in a["logins"]],
                 "geo_posts": [{k: v for k, v in dict(ts=iso(x["ts"], utc), poi=x["poi"], address=x["address"]).items()
                                if not (plat == "douquan" and k == "address" and v is None)} for x in a["geo_posts"]]}
            if plat == "douquan" and r.random() < 0.02:
                # a raw U+2028 LINE SEPARATOR inside a string: valid JSON, but str.splitlines() breaks the line there
                o["nickname"] = o["nickname"] + "\u2028" + "新的一天"
                a["u2028"] = True
            if plat == "luntan":
                if r.random() < 0.3:
                    del o["logins"]
                if r.random() < 0.2:
                    o["geo_posts"] = []
                if o["id_no"] is None and r.random() < 0.5:
                    del o["id_no"]
                if o["real_name"] and r.random() < 0.3:
                    o["real_name"] = mask_name(r, p["name"], "x某某")
            if plat == "douquan":
                keys = list(o)
                r.shuffle(keys)
                o = {k: o[k] for k in keys}
            s = json.dumps(o, ensure_ascii=(plat == "luntan"), separators=(",", ":") if plat == "douquan" else (", ", ": "))
            lines.append(s)
            metas.append(rec(source="social", platform=plat, record_key="social|%s|%s" % (plat, a["uid"]), holder=a["pid"],
                             dest_kind="account", ambiguous=bool(a.get("u2028"))))
        # dirt (dirt strangers only)
        bad = ['<!DOCTYPE html><html><body>504 Gateway Time-out</body></html>', '{"uid": "dq_x", "nickname": ', '"just a string"',
               '[1, 2, 3]', 'uid=7;nick=abc']
        for i, b in enumerate(bad):
            pos = r.randrange(len(lines) + 1)
            lines.insert(pos, b)
            metas.insert(pos, rec(source="social", platform=plat, record_key=None, dirty=True, dirt="not_json"))
        for i, kind in enumerate(["formula_nickname", "long_nickname", "control_chars_raw", "bad_ts"]):
            p = world.dirt_people[40 + i + (5 if plat == "luntan" else 0)]
            uid = "%s_d%d" % (plat[:2], p["pid"])
            o = {"uid": uid, "nickname": "x", "real_name": p["name"]["full"], "id_no": None, "phone": p["phones"][0], "profile_region": None,
                 "logins": [{"ts": "2026-11-20T21:33:00+08:00", "ip": "1.2.3.4", "ip_region": "重庆市"}], "geo_posts": []}
            if kind == "formula_nickname":
                o["nickname"] = '=HYPERLINK("http://evil","x")'
            elif kind == "long_nickname":
                o["nickname"] = "长" * 30000
            elif kind == "bad_ts":
                o["logins"][0]["ts"] = "2026-13-45T25:61:00+08:00"
            s = json.dumps(o, ensure_ascii=False)
            if kind == "control_chars_raw":
                s = s.replace('"nickname": "x"', '"nickname": "a\x07b\x1bc"')   # raw control characters: invalid JSON
            pos = r.randrange(len(lines) + 1)
            lines.insert(pos, s)
            metas.insert(pos, rec(source="social", platform=plat, record_key="social|%s|%s" % (plat, uid), holder=p["pid"], dirty=True, dirt=kind))
        # truncated last line: a dirt stranger's account
        p = world.dirt_people[60 if plat == "douquan" else 61]
        s = json.dumps({"uid": "%s_t%d" % (plat[:2], p["pid"]), "nickname": "半截", "real_name": p["name"]["full"], "phone": p["phones"][0],
                        "logins": [], "geo_posts": []}, ensure_ascii=False)
        lines.append(s[: len(s) // 2])
        metas.append(rec(source="social", platform=plat, record_key=None, holder=p["pid"], dirty=True, dirt="truncated_last_line"))
        lt = "\n" if plat == "douquan" else "\r\n"
        text = lt.join(lines)   # no newline after the truncated last line
        for i, m in enumerate(metas):
            m.update(file=fn, line=i + 1)
        R.extend(metas)
        with open(os.path.join(inbox, fn), "wb") as f:
            f.write(text.encode("utf-8"))
    # an empty social file
    open(os.path.join(inbox, "social/luntan_accounts_20261204.jsonl"), "wb").close()


# --- logistics
def write_logistics(world, gen, r, inbox, R):
    import pyarrow as pa
    import pyarrow.parquet as pq
    for plat in ("beidou", "shunlu"):
        wbs = sorted(gen.waybills[plat], key=lambda x: x["pickup"])
        parts = [(NEWEST, wbs)] if plat == "beidou" else [("20260605", [x for x in wbs if x["pickup"] < dt.datetime(2026, 6, 5)]),
                                                          (NEWEST, [x for x in wbs if x["pickup"] >= dt.datetime(2026, 6, 1)])]
        seen = {}
        for date, sel in parts:
            fn = "logistics/%s_waybills_%s.parquet" % (plat, date)
            exp = dt.datetime.strptime(date, "%Y%m%d")
            rows, metas = [], []
            for x in sel:
                if "no" not in x:
                    gen.oid += 1
                    x["no"] = ("BD%012d" if plat == "beidou" else "SL%011d") % (gen.oid * 104729 % 10 ** 11)
                sign = x["sign"] if x["sign"] and x["sign"] < exp else None
                st = x["sign_type"] if sign else None
                rn = x["rname"]
                if r.random() < (0.55 if plat == "beidou" else 0.3) and rn and rn[0] >= "\u4e00":
                    rn = mask_name(r, dict(full=rn), r.choice(["x*y", "x**"])) if len(rn) >= 2 else rn
                rph = mask_phone(r, x["rphone"], "3-4") if len(x["rphone"]) == 11 and r.random() < 0.7 else x["rphone"]
                sph = mask_phone(r, x["sphone"], "3-4") if len(x["sphone"]) == 11 and r.random() < 0.5 else x["sphone"]
                rows.append(dict(waybill_no=x["no"], sender_name=x["sname"], sender_phone=sph, sender_address=x["saddr"], receiver_name=rn,
                                 receiver_phone=rph, receiver_address=x["raddr"], pickup_time=x["pickup"], sign_time=sign, sign_type=st))
                key = "logistics|%s|%s" % (plat, x["no"])
                door = sign is not None and st in ("本人签收", "家人代签") and x["kind"] != "pickup"
                dup = seen.get(key)
                metas.append(rec(source="logistics", platform=plat, record_key=key, holder=x.get("holder"), receiver=x["receiver"],
                                 sender=x["sender"], dest_kind=x["kind"], dest_canonical=canon(x["place"]), delivered=sign is not None,
                                 door=door, dup_of=dup, sender_kind=x.get("sender_kind"),
                                 sender_canonical=canon(x["sender_place"]) if x.get("sender_place") else None))
                if dup is None:
                    seen[key] = "%s:%d" % (fn, len(rows))
            # dirt
            if date == NEWEST:
                for i, kind in enumerate(["null_waybill_no", "sign_before_pickup", "pickup_1970", "formula_receiver", "control_chars",
                                          "long_address", "unknown_sign_type", "null_waybill_no", "sign_before_pickup", "formula_receiver"]):
                    p = world.dirt_people[70 + i + (10 if plat == "shunlu" else 0)]
                    t = rand_dt(r, dt.datetime(2026, 9, 1), dt.datetime(2026, 11, 30)).replace(microsecond=0)
                    row = dict(waybill_no="%sD%08d" % (plat[:2].upper(), i + 1), sender_name="某某旗舰店", sender_phone="0571-88886666",
                               sender_address="浙江省义乌市某路1号", receiver_name=p["name"]["full"], receiver_phone=p["phones"][0],
                               receiver_address=canon(p["home"]), pickup_time=t, sign_time=t + dt.timedelta(days=2), sign_type="本人签收")
                    if kind == "null_waybill_no":
                        row["waybill_no"] = None
                    elif kind == "sign_before_pickup":
                        row["sign_time"] = t - dt.timedelta(days=3)
                    elif kind == "pickup_1970":
                        row["pickup_time"] = dt.datetime(1970, 1, 1, 8)
                    elif kind == "formula_receiver":
                        row["receiver_name"] = r.choice(["=HYPERLINK(\"x\")", "@SUM(1)", "+1-1"])
                    elif kind == "control_chars":
                        row["receiver_address"] = row["receiver_address"][:4] + "\x1b\x07" + row["receiver_address"][4:]
                    elif kind == "long_address":
                        row["receiver_address"] = row["receiver_address"] + "旁边" * 4000
                    elif kind == "unknown_sign_type":
                        row["sign_type"] = "已放门口"
                    pos = r.randrange(len(rows) + 1)
                    rows.insert(pos, row)
                    metas.insert(pos, rec(source="logistics", platform=plat, record_key="logistics|%s|%s" % (plat, row["waybill_no"]),
                                          receiver=p["pid"], dirty=True, dirt=kind))
            for i, m in enumerate(metas):
                m.update(file=fn, line=i + 1)
            R.extend(metas)
            if plat == "beidou":
                tz = "Asia/Chongqing"     # a legacy IANA alias of Asia/Shanghai
                tt = pa.timestamp("us", tz=tz)
                import zoneinfo
                z = zoneinfo.ZoneInfo("Asia/Chongqing")
                def conv(v):
                    return v.replace(tzinfo=z) if v is not None else None
                cols = {c: [row[c] for row in rows] for c in WB_COLS}
                arrs = []
                for c in WB_COLS:
                    if c in ("pickup_time", "sign_time"):
                        arrs.append(pa.array([conv(v) for v in cols[c]], type=tt))
                    else:
                        arrs.append(pa.array(cols[c], type=pa.string()))
                tbl = pa.Table.from_arrays(arrs, names=WB_COLS)
                pq.write_table(tbl, os.path.join(inbox, fn), row_group_size=1000, compression="snappy")
            else:
                cols = {c: [row[c] for row in rows] for c in WB_COLS}
                arrs = []
                names = list(WB_COLS)
                for c in WB_COLS:
                    if c in ("pickup_time", "sign_time"):
                        arrs.append(pa.array(cols[c], type=pa.timestamp("s")))
                    else:
                        arrs.append(pa.array(cols[c], type=pa.string()))
                if date != NEWEST:
                    # written from a pandas frame with a non-default index: the index rides along as a column
                    arrs.append(pa.array(list(range(1000, 1000 + len(rows))), type=pa.int64()))
                    names.append("__index_level_0__")
                tbl = pa.Table.from_arrays(arrs, names=names)
                pq.write_table(tbl, os.path.join(inbox, fn), compression="zstd")
    # a waybill file with zero rows
    tbl = pa.Table.from_arrays([pa.array([], type=pa.string()) if c not in ("pickup_time", "sign_time") else pa.array([], type=pa.timestamp("s"))
                                for c in WB_COLS], names=WB_COLS)
    pq.write_table(tbl, os.path.join(inbox, "logistics/beidou_waybills_20261204.parquet"))


# ------------------------------------------------------------------ truth
def fix_filing_collisions(world, gen, cases):
    """No restricted order by or for a debtor falls on one of their filing dates."""
    fil = {}
    for c in cases:
        fil.setdefault(c["pid"], set()).add(c["filing"])
    for plat, lst in gen.orders.items():
        for o in lst:
            if not o["restricted"]:
                continue
            for pid in (o["holder"], o["recipient"]):
                if pid and o["ordered_at"].date() in fil.get(pid, ()):
                    o["ordered_at"] += dt.timedelta(days=1)


def write_truth(world, cases, R, out):
    import polars as pl
    by = world.by
    tdir = os.path.join(out, "truth")
    os.makedirs(tdir, exist_ok=True)
    newest = {}
    for c in cases:
        newest.setdefault(c["pid"], []).append(c)
    clean = [x for x in R if not x["dirty"] and x["source"] != "debtors"]
    named, home_del, work_keys = set(), set(), {}
    for x in clean:
        for f in ("holder", "recipient", "receiver", "sender"):
            if x[f]:
                named.add(x[f])
    for x in clean:
        if not x["door"] or not x["delivered"]:
            continue
        for f in ("holder", "recipient", "receiver"):
            pid = x[f]
            if not pid or by[pid]["role"] != "debtor" or by[pid]["kind"] != "person":
                continue
            p = by[pid]
            if x["dest_canonical"] == canon(p["home"]):
                home_del.add(pid)
            if p["work"] is not None and x["dest_canonical"] == canon(p["work"]) and x["record_key"]:
                work_keys.setdefault(pid, set()).add(x["record_key"])
    rows = []
    for p in world.debtors:
        person = p["kind"] == "person"
        cs = newest[p["pid"]]
        rows.append(dict(id_number=p["id_number"].upper(), name=p["name"]["full"], kind="person" if person else "organisation",
                         open=any(c["status"] != "执行完毕" for c in cs), on_platforms=p["pid"] in named,
                         absent=bool(person and not p["present"]), has_home_delivery=p["pid"] in home_del,
                         home_address=canon(p["home"]) if person else None,
                         work_address=canon(p["work"]) if person and p["work"] is not None else None,
                         n_work=len(work_keys.get(p["pid"], ())) if person else 0,
                         current_phones=[x for x in p["phones"] if x[0] == "1"] if person else []))
    pl.DataFrame(rows, schema=dict(id_number=pl.String, name=pl.String, kind=pl.String, open=pl.Boolean, on_platforms=pl.Boolean,
                                   absent=pl.Boolean, has_home_delivery=pl.Boolean, home_address=pl.String, work_address=pl.String,
                                   n_work=pl.Int64, current_phones=pl.List(pl.String))).write_parquet(os.path.join(tdir, "debtors.parquet"))
    pl.DataFrame([{k: v for k, v in c.items() if k not in ("judge",)} for c in cases]).write_parquet(os.path.join(tdir, "cases.parquet"))
    vio, seen = [], set()
    for x in clean:
        if x["source"] != "ecommerce" or x["category"] not in G.RESTRICTED:
            continue
        for f in ("holder", "recipient"):
            pid = x[f]
            if not pid or by[pid]["role"] != "debtor":
                continue
            for c in newest.get(pid, []):
                if c["status"] != "执行完毕" and c["restrict"] and x["ordered_at"].date() > c["filing"]:
                    key = (by[pid]["id_number"].upper(), c["case_no"], x["platform"], x["order_id"])
                    if key in seen:
                        continue
                    seen.add(key)
                    vio.append(dict(id_number=key[0], case_no=c["case_no"], platform=x["platform"], order_id=x["order_id"],
                                    ordered_at=x["ordered_at"], category=x["category"], amount=x["amount"], by_holder=(f == "holder")))
    pl.DataFrame(vio, schema=dict(id_number=pl.String, case_no=pl.String, platform=pl.String, order_id=pl.String, ordered_at=pl.Datetime("us"),
                                  category=pl.String, amount=pl.Float64, by_holder=pl.Boolean)).write_parquet(os.path.join(tdir, "violations.parquet"))
    ppl = []
    for p in world.people:
        person = p["kind"] == "person"
        ppl.append(dict(pid=p["pid"], role=p["role"], kind=p["kind"], household=p["household"], name=p["name"]["full"],
                        id_number=p["id_number"], ethnic=p.get("ethnic"), gender=p.get("gender"), birth=p.get("birth"),
                        home=canon(p["home"]) if person and p["home"] else None,
                        old_home=canon(p["old_home"]) if p.get("old_home") else None, move_date=p.get("move_date"),
                        main_home=canon(p["main_home"]) if p.get("main_home") else None,
                        work=canon(p["work"]) if p.get("work") else None, old_work=canon(p["old_work"]) if p.get("old_work") else None,
                        job_change=p.get("job_change"), landline=p.get("landline"), phones=list(p["phones"]), old_phone=p.get("old_phone"),
                        phone_change=p.get("phone_change"), phone_from=p.get("phone_from"), spouse=p.get("spouse"),
                        parents=list(p.get("parents") or []), children=list(p.get("children") or []),
                        accounts=json.dumps(p.get("accounts") or {}, sort_keys=True), present=p.get("present"), flags=list(p["flags"])))
    pl.DataFrame(ppl, infer_schema_length=None).write_parquet(os.path.join(tdir, "people.parquet"))
    rs = dict(file=pl.String, line=pl.Int64, source=pl.String, platform=pl.String, record_key=pl.String, holder=pl.Int64, recipient=pl.Int64,
              receiver=pl.Int64, sender=pl.Int64, dest_kind=pl.String, dest_canonical=pl.String, delivered=pl.Boolean, door=pl.Boolean,
              dirty=pl.Boolean, dirt=pl.String, ambiguous=pl.Boolean, dup_of=pl.String, category=pl.String, amount=pl.Float64,
              ordered_at=pl.Datetime("us"), order_id=pl.String, name_form=pl.String, sender_kind=pl.String, sender_canonical=pl.String)
    pl.DataFrame([{k: x.get(k) for k in rs} for x in R], schema=rs).write_parquet(os.path.join(tdir, "records.parquet"))
    files = sorted({x["file"] for x in R})
    with open(os.path.join(tdir, "files.json"), "w", encoding="utf-8") as f:
        json.dump(dict(as_of=AS_OF.isoformat(), newest=NEWEST, files=files), f, ensure_ascii=False, indent=1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--debtors", type=int, default=2000)
    a = ap.parse_args()
    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    world = World(a.seed, a.debtors)
    world.build()
    gen = Gen(world, a.seed)
    gen.make_accounts()
    gen.make_orders()
    rr = random.Random(a.seed * 31 + 7)
    cases = make_cases(world, random.Random(a.seed * 101 + 3))
    world._cases = cases
    fix_filing_collisions(world, gen, cases)
    gen.make_social()
    gen.make_waybills()
    cases2, R = write_all(world, gen, a.out, a.seed, cases)
    write_truth(world, cases2, R, a.out)
    print("people %d, entities %d, records %d" % (len(world.people), len(world.debtors), len(R)))


if __name__ == "__main__":
    main()
