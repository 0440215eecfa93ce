#!/usr/bin/env python
"""foreign12: an independent synthetic world for `locate` (长株潭 and 无锡).

    nice -n 19 python gen.py --out DIR --seed N --debtors K      # newest exports 20261224: run with --as-of 2026-12-24
"""
import argparse, csv, datetime as dt, io, json, os, random, shutil, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import geo12 as G  # noqa: E402

ASOF = dt.date(2026, 12, 24)
START = dt.date(2025, 12, 24)
EC_COLS = ["订单编号", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人", "收货手机", "收货地址", "下单时间", "签收时间", "实付金额", "商品类目"]
RO_COLS = ["案号", "执行法院", "承办人", "被执行人", "证件类型", "证件号码", "联系电话", "户籍地址", "执行标的", "立案日期", "限制消费", "失信", "案件状态"]
WB_COLS = ["waybill_no", "sender_name", "sender_phone", "sender_address", "receiver_name", "receiver_phone", "receiver_address",
           "pickup_time", "sign_time", "sign_type"]
RESTRICTED = G.RESTRICTED
CC_AL = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CN = "零一二三四五六七八九十"
FWD = str.maketrans("0123456789", "０１２３４５６７８９")


def id_check(b):
    return "10X98765432"[sum(int(c) * w for c, w in zip(b, ID_W)) % 11]


def credit_code(r, county):
    body = "".join(r.choice("0123456789") for _ in range(8))
    c = 11 - sum(int(ch) * w for ch, w in zip(body, [3, 7, 9, 10, 5, 8, 4, 2])) % 11
    org = body + ("X" if c == 10 else "0" if c == 11 else str(c))
    s = r.choice(["91", "91", "92"]) + county + org
    t = 31 - sum(CC_AL.index(ch) * w for ch, w in zip(s, CC_W)) % 31
    return s + CC_AL[0 if t == 31 else t]


def wchoice(r, opts):
    tot = sum(w for _, w in opts)
    x = r.random() * tot
    for v, w in opts:
        x -= w
        if x < 0:
            return v
    return opts[-1][0]


def cnum(n):
    if n <= 10:
        return CN[n]
    if n < 20:
        return "十" + (CN[n - 10] if n > 10 else "")
    return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")


def rand_date(r, a, b):
    return a + dt.timedelta(days=r.randint(0, max(0, (b - a).days)))


# ------------------------------------------------------------------------------------------------ places
def dinfo(dk):
    d = G.D[dk]
    return G.PROV[dk[:2]][0], G.CITY[dk[:4]], d


def canon(pl):
    if pl is None:
        return None
    k = pl["kind"]
    if k == "pickup":
        return canon(pl["base"]) + "|" + pl["brand"]
    prov, city, d = dinfo(pl["dk"])
    pre = prov + city + d["name"]
    if k == "estate":
        return "%s%s%d号%s" % (pre, pl["road"], pl["no"], pl["estate"])
    if k == "flat":
        if pl["unit"] is None:
            return "%s%s%d号%s%d幢%d室" % (pre, pl["road"], pl["no"], pl["estate"], pl["bld"], pl["room"])
        return "%s%s%d号%s%d幢%d单元%d室" % (pre, pl["road"], pl["no"], pl["estate"], pl["bld"], pl["unit"], pl["room"])
    if k == "village":
        tail = pl["nat"] if pl.get("nat") else "%d组" % pl["grp"]
        return "%s%s%s村%s%d号" % (pre, pl["town"], pl["village"], tail, pl["no"])
    if k == "stall":
        return "%s%s%d号%s%d楼%s区%d号" % (pre, pl["road"], pl["no"], pl["market"], pl["floor"], pl["area"], pl["num"])
    if k == "office":
        return "%s%s%d号%s%d室" % (pre, pl["road"], pl["no"], pl["tower"], pl["room"])
    if k in ("shop", "factory"):
        return "%s%s%d号%s" % (pre, pl["road"], pl["no"], pl["name"])
    raise ValueError(k)


class Geo:
    def __init__(self, r):
        self.r = r
        self.estates = {}
        self.villages = {}
        self.used_no = set()

    def _est(self, dk):
        r = self.r
        d = G.D[dk]
        if d["style"] == "xi":
            xincun = r.random() < 0.55
            name = r.choice(G.EST_A_W) + ("新村" if xincun else r.choice(G.EST_B_W_NEW))
        else:
            xincun = False
            name = r.choice(G.EST_A_X) + r.choice(G.EST_B_X)
            if r.random() < 0.2:
                name += r.choice(G.PHASES)
        tries = 0
        while (dk, name) in self.used_no:  # estate names are unique within a district
            tries += 1
            if tries > 40:
                name = name + r.choice(["东区", "西区", "南苑", "北苑", "二区"])
                continue
            name = (r.choice(G.EST_A_W) + ("新村" if xincun else r.choice(G.EST_B_W_NEW))) if d["style"] == "xi" else \
                r.choice(G.EST_A_X) + r.choice(G.EST_B_X) + (r.choice(G.PHASES) if r.random() < 0.2 else "")
        self.used_no.add((dk, name))
        road = r.choice(d["roads"])
        no = r.randint(1, 480)
        while (dk, road, no) in self.used_no:
            no = r.randint(1, 480)
        self.used_no.add((dk, road, no))
        return dict(kind="estate", dk=dk, road=road, no=no, estate=name, xincun=xincun, nbld=r.randint(6, 40 if not xincun else 90),
                    floors=r.choice([6, 7]) if xincun else r.choice([11, 18, 26, 33]))

    def estate(self, dk):
        lst = self.estates.setdefault(dk, [])
        if len(lst) < 14 or (len(lst) < 45 and self.r.random() < 0.08):
            lst.append(self._est(dk))
        return self.r.choice(lst)

    def flat(self, dk, est=None):
        r = self.r
        e = est or self.estate(dk)
        fl = r.randint(1, e["floors"])
        return dict(kind="flat", dk=e["dk"], road=e["road"], no=e["no"], estate=e["estate"], est=e, bld=r.randint(1, e["nbld"]),
                    unit=None if e["xincun"] else r.randint(1, 4), room=fl * 100 + r.randint(1, 4), floor=fl)

    def village(self, dk):
        r = self.r
        d = G.D[dk]
        lst = self.villages.setdefault(dk, [])
        if len(lst) < 8:
            town = r.choice(d["towns"])
            v = r.choice(G.VILLAGE_A)
            nats = []
            for g in range(1, r.randint(6, 14)):
                s = r.choice(G.NAT_SURN)
                nats.append((g, (s + "家屋场") if d["style"] == "xiang" else (s + "家埭")))
            lst.append((town, v, nats))
        town, v, nats = r.choice(lst)
        g, nat = r.choice(nats)
        has_nat = not d.get("hukou_only")
        return dict(kind="village", dk=dk, town=town, village=v, grp=g, nat=nat if has_nat else None, no=r.randint(1, 80))

    def home_in(self, dk):
        if not G.D[dk]["urban"] or (dk == "430121" and self.r.random() < 0.2):
            return self.village(dk)
        return self.flat(dk)

    def pickup_of(self, home):
        r = self.r
        if home["kind"] == "flat":
            e = home["est"]
            base = dict(kind="estate", dk=e["dk"], road=e["road"], no=e["no"], estate=e["estate"])
        else:
            return None
        h = sum(ord(c) for c in e["estate"]) + e["no"]
        brands = G.LOCKERS + G.STATIONS
        return dict(kind="pickup", base=base, brand=brands[h % len(brands)] if r.random() < 0.8 else r.choice(brands))

    def work_in(self, dk, r):
        d = G.D[dk]
        kind = wchoice(r, [("stall", 25 if dk in G.MARKETS else 0), ("office", 35), ("shop", 25), ("factory", 15)])
        s = r.choice(G.SURNAMES)
        if kind == "stall":
            m, road, no = r.choice(G.MARKETS[dk])
            return dict(kind="stall", dk=dk, road=road, no=no, market=m, floor=r.randint(1, 4), area=r.choice("ABCDE"), num=r.randint(101, 399))
        road = r.choice(d["roads"])
        no = r.randint(1, 600)
        if kind == "office":
            tw = r.choice(G.TOWERS_W if d["style"] == "xi" else G.TOWERS_X)
            fl = r.randint(3, 30)
            return dict(kind="office", dk=dk, road=road, no=no, tower=tw, room=fl * 100 + r.randint(1, 20), floor=fl,
                        company=r.choice(G.ORG_A) + r.choice(G.ORG_B) + "有限公司")
        tpl = r.choice(G.SHOPS_W if d["style"] == "xi" else G.SHOPS_X) if kind == "shop" else r.choice(G.FACTORIES)
        return dict(kind=kind, dk=dk, road=road, no=no, name=tpl.format(s=s, a=r.choice(G.ORG_A)))


# ------------------------------------------------------------------------------------------------ address writing
def prefix(r, dk, allow_bare=True):
    prov, city, d = dinfo(dk)
    ps, cs = G.PROV[dk[:2]][1], city[:-1]
    county_city = d["name"].endswith("市")
    forms = [("full", 30), ("cd", 24), ("spaced", 8), ("short_p", 8)]
    if d["short"]:
        forms += [("short", 8), ("abbr_alone", 3 if allow_bare else 0)]
    if d["alias"]:
        forms += [("alias", 9)]
    if county_city:
        forms += [("pc", 12), ("alone", 6)]
    forms += [("city_only", 3 if d["urban"] and not county_city else 0)]
    f = wchoice(r, forms)
    if f == "full":
        return prov + city + d["name"]
    if f == "cd":
        return city + d["name"]
    if f == "spaced":
        return "%s %s %s " % (prov, city, d["name"])
    if f == "short_p":
        return ps + cs + d["name"]
    if f == "short":
        return cs + d["short"]
    if f == "abbr_alone":
        return d["name"]
    if f == "alias":
        a = r.choice(d["alias"])
        return (city if r.random() < 0.5 else cs) + a
    if f == "pc":
        return prov + d["name"]
    if f == "alone":
        return d["name"]
    return city


def digits(r, s, p=0.05):
    return s.translate(FWD) if r.random() < p else s


def unit_text(r, pl):
    b, u, rm, fl = pl["bld"], pl["unit"], pl["room"], pl["floor"]
    style = G.D[pl["dk"]]["style"]
    if u is None:  # 无锡 新村: building number + room, no units
        f = wchoice(r, [("a", 50), ("b", 20), ("c", 15), ("d", 5), ("e", 10)])
        return {"a": "%d号%d室" % (b, rm), "b": "%d-%d" % (b, rm), "c": "%d号%d" % (b, rm), "d": "%s号%d室" % (cnum(b), rm),
                "e": "%d号楼%d室" % (b, rm)}[f]
    if style == "xi":
        f = wchoice(r, [("a", 40), ("b", 20), ("c", 20), ("e", 10), ("f", 10)])
        return {"a": "%d幢%d单元%d室" % (b, u, rm), "b": "%d-%d-%d" % (b, u, rm), "c": "%d号楼%d单元%d" % (b, u, rm),
                "e": "%d幢%d单元%d" % (b, u, rm), "f": "%d栋%d单元%d室" % (b, u, rm)}[f]
    f = wchoice(r, [("a", 40), ("nounit", 8), ("b", 15), ("cn", 8), ("fl", 8), ("c", 10), ("d", 7), ("hash", 4)])
    if f == "a":
        return "%d栋%d单元%d%s" % (b, u, rm, r.choice(["", "房", "房", "室", "号"]))
    if f == "nounit":
        return "%d栋%d%s" % (b, rm, r.choice(["房", ""]))
    if f == "b":
        return "%d-%d-%d" % (b, u, rm)
    if f == "cn":
        return "%s栋%s单元%d房" % (cnum(b), cnum(u), rm)
    if f == "fl":
        return "%d栋%d单元%d楼%d" % (b, u, fl, rm)
    if f == "c":
        return "%d号楼%d单元%d" % (b, u, rm)
    if f == "d":
        return "%d幢%d单元%d室" % (b, u, rm)
    return "%d#%d-%d" % (b, u, rm)


REMARKS = ["（放门口）", "【电话联系】", " 送货上门", "（放门卫室）", "(家里有人)", "，到了打电话"]


def street(r, pl, est_name):
    f = wchoice(r, [("rn", 50), ("r", 15), ("none", 35)])
    if f == "rn":
        return digits(r, "%s%d号" % (pl["road"], pl["no"])) + est_name
    if f == "r":
        return pl["road"] + est_name
    return est_name


def render(r, pl):
    k = pl["kind"]
    if k == "pickup":
        e = pl["base"]
        pre = prefix(r, e["dk"])
        base = street(r, e, e["estate"])
        f = wchoice(r, [("a", 40), ("b", 20), ("c", 20), ("d", 20)])
        if f == "a":
            return pre + base + pl["brand"]
        if f == "b":
            return pre + base + r.choice(["北门", "南门", "东门", "西门"]) + pl["brand"]
        if f == "c":
            return pre + "%s(%s店)" % (pl["brand"], e["estate"])
        return pre + base + "%d栋旁%s" % (r.randint(1, 12), pl["brand"])
    pre = prefix(r, pl["dk"])
    if r.random() < 0.06:
        pre += " "
    if k == "flat":
        est = pl["estate"]
        s = pre + street(r, pl, est) + digits(r, unit_text(r, pl))
    elif k == "village":
        d = G.D[pl["dk"]]
        if pl.get("nat"):
            f = wchoice(r, [("full", 40), ("grp_nat", 20), ("grp", 12), ("notown", 10), ("nocun", 8), ("ziran", 10)])
            if f == "full":
                s = pre + "%s%s村%s%d号" % (pl["town"], pl["village"], pl["nat"], pl["no"])
            elif f == "grp_nat":
                s = pre + "%s%s村%d组%s%d号" % (pl["town"], pl["village"], pl["grp"], pl["nat"], pl["no"])
            elif f == "grp":
                s = pre + "%s%s村%s组%d号" % (pl["town"], pl["village"], cnum(pl["grp"]) if r.random() < 0.3 else str(pl["grp"]), pl["no"])
            elif f == "notown":
                s = pre + "%s村%s%d号" % (pl["village"], pl["nat"], pl["no"])
            elif f == "nocun":
                s = pre + "%s%s%s%d号" % (pl["town"], pl["village"], pl["nat"], pl["no"])
            else:
                s = pre + "%s%s村委会%s%d号" % (pl["town"], pl["village"], pl["nat"], pl["no"])
        else:
            s = pre + "%s%s村%d组%d号" % (pl["town"], pl["village"], pl["grp"], pl["no"])
        del d
    elif k == "stall":
        f = wchoice(r, [("a", 40), ("b", 15), ("c", 15), ("d", 10), ("e", 10), ("g", 10)])
        t = {"a": "%d楼%s区%d号" % (pl["floor"], pl["area"], pl["num"]), "b": "%s区%d楼%d号" % (pl["area"], pl["floor"], pl["num"]),
             "c": "%dF-%s%d" % (pl["floor"], pl["area"], pl["num"]), "d": "%d楼%s区%d号门面" % (pl["floor"], pl["area"], pl["num"]),
             "e": "%s楼%s区%d号" % (cnum(pl["floor"]), pl["area"], pl["num"]), "g": "%d楼%s-%d" % (pl["floor"], pl["area"], pl["num"])}[f]
        s = pre + street(r, pl, pl["market"]) + t
    elif k == "office":
        f = wchoice(r, [("a", 40), ("b", 20), ("c", 15), ("d", 15), ("e", 10)])
        t = {"a": "%d室" % pl["room"], "b": "%d楼%d" % (pl["floor"], pl["room"]), "c": "%dF%d" % (pl["floor"], pl["room"]),
             "d": "%d房" % pl["room"], "e": "%d层%d室" % (pl["floor"], pl["room"])}[f]
        s = pre + street(r, pl, pl["tower"]) + t
        if r.random() < 0.3:
            s += "（%s）" % pl["company"]
    else:
        f = wchoice(r, [("a", 60), ("b", 25), ("c", 15)])
        rn = digits(r, "%s%d号" % (pl["road"], pl["no"]))
        s = pre + {"a": rn + pl["name"], "b": pl["name"] + "(" + rn + ")", "c": rn + " " + pl["name"]}[f]
    if r.random() < 0.07:
        s += r.choice(REMARKS)
    return s


# ------------------------------------------------------------------------------------------------ people
class World:
    def __init__(self, seed, n):
        self.rng = random.Random(seed)
        self.n = n
        self.people, self.by, self.debtors, self.dirt = [], {}, [], []
        self.phones, self.ids = set(), set()
        self.households = 0

    def add(self, p):
        p["pid"] = len(self.people) + 1
        self.people.append(p)
        self.by[p["pid"]] = p
        return p


def rand_phone(W):
    r = W.rng
    while True:
        ph = r.choice(["13", "13", "15", "18", "17", "19", "16"]) + str(r.randint(0, 9)) + "%08d" % r.randint(0, 99999999)
        if ph not in W.phones:
            W.phones.add(ph)
            return ph


def landline(W, dk):
    return "%s-8%07d" % (G.AREA_CODE[dk[:4]], W.rng.randint(0, 9999999))


def make_id(W, code, birth, gender):
    r = W.rng
    while True:
        seq = r.randint(0, 499) * 2 + (1 if gender == "M" else 0)
        b = "%s%s%03d" % (code, birth.strftime("%Y%m%d"), seq)
        idn = b + id_check(b)
        if idn not in W.ids:
            W.ids.add(idn)
            return idn


def pick_name(r, gender, common=0.3):
    s = r.choice(G.SURNAMES)
    if r.random() < common:
        g = r.choice(G.COMMON_M if gender == "M" else G.COMMON_F)
    else:
        g = r.choice(G.GIVEN_M if gender == "M" else G.GIVEN_F)
        if len(g) == 1 and r.random() < 0.45:
            g = r.choice(["建", "志", "湘", "国", "小", "立", "春", "海"] if gender == "M" else ["秀", "桂", "湘", "美", "春", "小", "晓", "丽"]) + g
    return s + g


def native_code(r, dk):
    if dk == "320213":
        return r.choice(["320202", "320203", "320204"])  # 崇安 / 南长 / 北塘 before 2015
    if dk == "320214":
        return r.choice(["320205", "320211"])
    return dk


def id_code_of(r, county, birth):
    if county in G.OLD_CODE and birth.year < G.OLD_CODE[county][1]:
        return G.OLD_CODE[county][0]
    return county


def new_person(W, geo, role, home, gender=None, age=None, name=None, county=None, hukou_home=None, common=0.3):
    r = W.rng
    gender = gender or r.choice("MF")
    age = age if age is not None else r.randint(24, 68)
    birth = dt.date(ASOF.year - age, 1, 1) + dt.timedelta(days=r.randint(0, 364))
    if county is None:
        if r.random() < 0.35:
            county = r.choice(sorted(G.HUKOU))
        else:
            county = home["dk"] if home else r.choice(G.URBAN)
    code = id_code_of(r, county, birth) if county in G.HUKOU else native_code(r, county)
    if hukou_home is None:
        if not G.D[county]["urban"] or G.D[county].get("hukou_only"):
            hukou_home = geo.village(county)
        else:
            hukou_home = geo.flat(county)
    p = dict(role=role, kind="person", gender=gender, birth=birth, age=age, name=name or pick_name(r, gender, common), county=county,
             id_number=make_id(W, code, birth, gender), home=home, old_home=None, move_date=None, hukou_home=hukou_home, work=None,
             old_work=None, job_change=None, landline=None, phones=[rand_phone(W)], old_phone=None, phone_change=None, phone_from=None,
             spouse=None, parents=[], children=[], namesake_of=None, roster_phones=[], accounts={}, present=True, flags=[], household=None)
    if r.random() < 0.1:
        p["phones"].append(rand_phone(W))
    return W.add(p)


def build_world(W, geo):
    r = W.rng
    dks = sorted(G.HOME_W)
    wts = [(k, G.HOME_W[k]) for k in dks]
    for i in range(W.n):
        if r.random() < 0.08:
            dk = wchoice(r, wts)
            name = r.choice(G.ORG_A) + ("市" if r.random() < 0.2 else "") + r.choice(G.ORG_B) + r.choice(G.ORG_C)
            org = W.add(dict(role="debtor", kind="org", name=name, id_number=credit_code(r, dk), phones=[landline(W, dk)], flags=[],
                             present=False, dk=dk))
            W.debtors.append(org)
            continue
        dk = wchoice(r, wts)
        home = geo.home_in(dk)
        p = new_person(W, geo, "debtor", home)
        W.debtors.append(p)
        household(W, geo, p)
    # namesakes
    for d in list(W.debtors):
        if d["kind"] != "person" or r.random() > 0.22:
            continue
        for _ in range(wchoice(r, [(1, 60), (2, 28), (3, 12)])):
            f = r.random()
            if f < 0.12 and d["home"]["kind"] == "flat":
                home = geo.flat(d["home"]["dk"], d["home"]["est"])
            elif f < 0.55:
                home = geo.home_in(d["home"]["dk"])
            elif f < 0.75:
                cands = [k for k in G.URBAN if k[:4] == d["home"]["dk"][:4]]
                home = geo.home_in(r.choice(cands))
            else:
                home = geo.home_in(wchoice(r, wts))
            age = d["age"] + r.randint(-2, 2) if r.random() < 0.35 else r.randint(24, 68)
            county = d["county"] if r.random() < 0.3 else None
            ns = new_person(W, geo, "namesake", home, gender=d["gender"], age=age, name=d["name"], county=county)
            ns["namesake_of"] = d["pid"]
            household(W, geo, ns, light=True)
    # neighbours of debtors (same estate, 40 % the same building)
    for d in list(W.debtors):
        if d["kind"] != "person" or d["home"]["kind"] != "flat" or r.random() > 0.3:
            continue
        h = d["home"]
        nb = geo.flat(h["dk"], h["est"])
        if r.random() < 0.4:
            nb["bld"] = h["bld"]
            if nb["room"] == h["room"]:
                nb["room"] += 1
        n = new_person(W, geo, "neighbour", nb)
        household(W, geo, n, light=True)
    # strangers
    for _ in range(int(W.n * 0.35)):
        s = new_person(W, geo, "stranger", geo.home_in(wchoice(r, wts)))
        household(W, geo, s, light=True)
    for _ in range(30):
        x = new_person(W, geo, "dirt", geo.home_in(wchoice(r, wts)))
        W.dirt.append(x)
    # workplaces, colleagues
    persons = [p for p in W.people if p["kind"] == "person" and p["role"] != "dirt"]
    workplaces = []
    for p in persons:
        if not (22 <= p["age"] <= 60) or r.random() > 0.6 or p["home"] is None:
            continue
        if workplaces and r.random() < 0.25:
            w = r.choice(workplaces)
        else:
            hdk = p["home"]["dk"]
            wdk = hdk if G.D[hdk]["urban"] and r.random() < 0.55 else r.choice([k for k in G.URBAN if k[:4] == hdk[:4]] or G.URBAN)
            if hdk[:4] in ("4302", "4303") and r.random() < 0.18:  # 长株潭 commuters work in 长沙
                wdk = r.choice(["430102", "430111", "430104"])
            w = geo.work_in(wdk, r)
            w["landline"] = landline(W, wdk) if r.random() < 0.6 else None
            workplaces.append(w)
        p["work"] = w
        p["landline"] = w.get("landline")
        if r.random() < 0.15:
            p["old_work"] = geo.work_in(w["dk"], r)
            p["job_change"] = rand_date(r, START + dt.timedelta(days=40), ASOF - dt.timedelta(days=40))
    # moves
    for p in persons:
        if p["household"] is None or p.get("_moved") is not None or r.random() > 0.25:
            continue
        md = rand_date(r, ASOF - dt.timedelta(days=60), ASOF - dt.timedelta(days=12)) if r.random() < 0.3 else \
            rand_date(r, START + dt.timedelta(days=30), ASOF - dt.timedelta(days=61))
        old = geo.home_in(p["home"]["dk"] if r.random() < 0.5 else wchoice(r, wts))
        for q in [x for x in persons if x["household"] == p["household"] and x["home"] is p["home"]]:
            q["old_home"], q["move_date"], q["_moved"] = old, md, True
    # phone changes and recycling
    strangers = [p for p in persons if p["role"] == "stranger"]
    for p in persons:
        if r.random() < 0.36:
            ch = rand_date(r, START - dt.timedelta(days=200), ASOF - dt.timedelta(days=10))
            p["old_phone"] = p["phones"][0]
            p["phones"][0] = rand_phone(W)
            p["phone_change"] = ch
            if (ASOF - ch).days > 120 and r.random() < 0.35 and strangers:
                s = r.choice(strangers)
                if s["old_phone"] is None and s is not p:
                    s["old_phone"] = s["phones"][0]
                    s["phones"][0] = p["old_phone"]
                    s["phone_from"] = s["phone_change"] = ch + dt.timedelta(days=r.randint(30, 90))
                    s["flags"].append("recycled_holder")
                    p["flags"].append("number_recycled")
    # debtor roster phones, presence
    for d in W.debtors:
        if d["kind"] != "person":
            continue
        if d["old_phone"]:
            d["roster_phones"] = wchoice(r, [([d["old_phone"]], 55), ([d["old_phone"], d["phones"][0]], 25), ([], 15), ([d["phones"][0]], 5)])
        else:
            d["roster_phones"] = wchoice(r, [([d["phones"][0]], 45), ([], 18), ([rand_phone(W)], 32), (list(d["phones"]), 5)])
            if d["roster_phones"] and d["roster_phones"][0] not in d["phones"]:
                d["flags"].append("dead_roster_phone")
        if d["landline"] and r.random() < 0.15:
            d["roster_phones"] = d["roster_phones"] + [d["landline"]]
        if r.random() < 0.12:
            d["present"] = False
            d["flags"].append("absent")
        elif d["spouse"] and r.random() < 0.22:
            d["flags"].append("uses_spouse_account")


def household(W, geo, p, light=False):
    r = W.rng
    W.households += 1
    p["household"] = W.households
    home = p["home"]
    if r.random() < (0.6 if not light else 0.35) and p["age"] >= 24:
        g = "F" if p["gender"] == "M" else "M"
        sc = p["county"] if r.random() < 0.5 else None
        s = new_person(W, geo, "spouse" if p["role"] == "debtor" else "family", home, gender=g,
                       age=max(22, p["age"] + r.randint(-5, 4)), county=sc,
                       hukou_home=p["hukou_home"] if sc else None)
        s["household"] = p["household"]
        s["spouse"], p["spouse"] = p["pid"], s["pid"]
        if p["role"] == "debtor" and r.random() < 0.05:
            s["flags"].append("co_debtor")
    if light:
        return
    if p["age"] >= 46 and r.random() < 0.3:
        at_home = r.random() < 0.5
        ch = new_person(W, geo, "child", home if at_home else geo.home_in(r.choice(G.URBAN)), age=r.randint(20, p["age"] - 22),
                        county=p["county"], hukou_home=p["hukou_home"])
        ch["name"] = p["name"][0] + ch["name"][1:] if p["gender"] == "M" else ch["name"]
        ch["household"] = p["household"] if at_home else None
        p["children"].append(ch["pid"])
        ch["parents"] = [p["pid"]]
    hk = p["hukou_home"]
    if p["age"] < 52 and hk["kind"] == "village" and r.random() < 0.35:
        par = new_person(W, geo, "parent", hk, age=p["age"] + r.randint(22, 30), county=p["county"], hukou_home=hk)
        par["name"] = p["name"][0] + par["name"][1:] if par["gender"] == "M" else par["name"]
        p["parents"].append(par["pid"])
        par["children"] = [p["pid"]]


def phone_at(p, t):
    if p["old_phone"] and p["phone_change"] and t.date() < p["phone_change"]:
        return p["old_phone"]
    return p["phones"][0]


def home_at(p, t):
    if p["old_home"] is not None and p["move_date"] and t.date() < p["move_date"]:
        return p["old_home"]
    return p["home"]


def work_at(p, t):
    if p["old_work"] is not None and p["job_change"] and t.date() < p["job_change"]:
        return p["old_work"]
    return p["work"]


def build_cases(W):
    r = W.rng
    cases, seqs = [], {}
    courts = sorted(G.COURTS)
    for p in list(W.debtors):
        dk = p["home"]["dk"] if p["kind"] == "person" else p["dk"]
        local = [c for c in courts if G.COURTS[c][0][:4] == dk[:4]] or courts
        court = r.choice(local)
        n = wchoice(r, [(1, 70), (2, 21), (3, 9)])
        for j in range(n):
            c = court if j == 0 or r.random() < 0.5 else r.choice(courts)
            cdk, code, plat = G.COURTS[c]
            year = r.choice([2020, 2022, 2023, 2024, 2025, 2025, 2026, 2026])
            seqs[(c, year)] = seqs.get((c, year), r.randint(80, 900)) + r.randint(1, 12)
            kind = "执恢" if r.random() < 0.06 else "执"
            cn = "(%d)%s%s%d号" % (year, code, kind, seqs[(c, year)])
            if plat == "zhuzhoufy" and r.random() < 0.5:
                cn = "（%d）%s%s%d号" % (year, code, kind, seqs[(c, year)])
            if year == 2026:
                filing = rand_date(r, dt.date(2026, 1, 4), ASOF - dt.timedelta(days=20))
            else:
                filing = rand_date(r, dt.date(year, 1, 4), dt.date(year, 12, 28))
            st = wchoice(r, [("执行中", 52), ("终本", 32), ("执行完毕", 16)])
            cases.append(dict(case_no=cn, court=c, pid=p["pid"], id_number=p["id_number"].upper(), name=p["name"], kind=p["kind"], status=st,
                              restrict=(st != "执行完毕" and r.random() < 0.8), blacklist=r.random() < 0.4, filing=filing,
                              amount=round(r.uniform(2000, 3200000), 2), judge=r.choice(G.JUDGES), roster=plat, co_debtor=False))
        if p["kind"] == "person" and p["spouse"] and "co_debtor" in W.by[p["spouse"]]["flags"]:
            sp = W.by[p["spouse"]]
            sp["role"] = "debtor"
            sp["roster_phones"] = list(sp["phones"][:1]) if r.random() < 0.5 else []
            W.debtors.append(sp)
            cases.append(dict(cases[-1], pid=sp["pid"], id_number=sp["id_number"].upper(), name=sp["name"], co_debtor=True))
    return cases


# ------------------------------------------------------------------------------------------------ typed names / phones / masks
def mask_phone(p):
    return p[:3] + "****" + p[7:]


def typed_phone(r, ph):
    if ph is None:
        return ""
    if "-" in ph:
        return ph
    f = wchoice(r, [("full", 58), ("p86", 8), ("p86s", 4), ("sp", 6), ("da", 6), ("p86d", 3), ("mask", 15)])
    return {"full": ph, "p86": "+86" + ph, "p86s": "+86 " + ph, "sp": "%s %s %s" % (ph[:3], ph[3:7], ph[7:]),
            "da": "%s-%s-%s" % (ph[:3], ph[3:7], ph[7:]), "p86d": "+86-%s-%s-%s" % (ph[:3], ph[3:7], ph[7:]), "mask": mask_phone(ph)}[f]


def surname(n):
    return n[:2] if n[:2] in ("欧阳", "司马") else n[0]


def mask_name(full, how):
    s = surname(full)
    g = full[len(s):]
    if how == "xy" and len(g) >= 2:
        return full[0] + "*" + full[-1]
    return full[0] + "*" * min(2, max(1, len(full) - 1))


def mask_id(r, idn, how):
    if r.random() < 0.4:
        idn = idn[:-1] + idn[-1].lower()
    if how == "6_4":
        return idn[:6] + "*" * 8 + idn[-4:]
    return idn[:2] + "*" * 14 + idn[-2:]


def pinyin(r, name):
    s = surname(name)
    sp = G.PINYIN.get(s, "x")
    gp = "".join(G.PINYIN.get(c, "x") for c in name[len(s):])
    f = r.randint(0, 3)
    return ["%s %s" % (sp.capitalize(), gp.capitalize()), sp + gp, "%s %s" % (gp.upper(), sp.upper()), "%s%s" % (sp.capitalize(), gp)][f]


def nickname(r, p):
    n = p["name"]
    s = surname(n)
    g = n[len(s):] or n
    xi = G.D[p["home"]["dk"]]["style"] == "xi" if p.get("home") else False
    opts = ["小" + g[-1], "老" + s, s + ("哥" if p["gender"] == "M" else "姐"), g[-1] * 2]
    if xi:
        opts += ["阿" + g[-1], s + "师傅"]
    else:
        opts += [s + "嫂" if p["gender"] == "F" else g[-1] + "伢子", "满哥" if p["gender"] == "M" else "满妹", s + "总", s + "满"]
    return r.choice(opts)


def typed_name(r, p, W):
    sp = W.by.get(p.get("spouse")) if p.get("spouse") else None
    forms = [("full", 46), ("xs", 12), ("x**", 5), ("x*y", 4), ("nick", 10), ("pinyin", 5), ("trad", 3), ("suffix", 3), ("placeholder", 3),
             ("spouse", 6 if sp else 0), ("space", 3)]
    f = wchoice(r, forms)
    n = p["name"]
    if f == "full":
        return n, f
    if f == "xs":
        return surname(n) + ("先生" if p["gender"] == "M" else "女士"), f
    if f == "x**":
        return mask_name(n, "x**"), f
    if f == "x*y":
        return mask_name(n, "xy"), f
    if f == "nick":
        return nickname(r, p), f
    if f == "pinyin":
        return pinyin(r, n), f
    if f == "trad":
        t = "".join(G.TRAD.get(c, c) for c in n)
        return (t if t != n else n), ("trad" if t != n else "full")
    if f == "suffix":
        return n + r.choice(["收", "(本人)", "（自提）"]), f
    if f == "placeholder":
        return r.choice(["本人", "家里", "收件人", "业主", "屋里人"]), f
    if f == "spouse":
        return sp["name"], f
    return surname(n) + "　" + n[len(surname(n)):], f  # full-width space after the surname


# ------------------------------------------------------------------------------------------------ activity
def rtime(r, day, kind):
    if kind == "work":
        while day.weekday() >= 5:
            day -= dt.timedelta(days=1)
        h = r.randint(9, 16)
    else:
        h = wchoice(r, [(r.randint(7, 9), 15), (r.randint(12, 13), 20), (r.randint(18, 23), 55), (r.randint(0, 1), 10)])
    return dt.datetime.combine(day, dt.time(h, r.randint(0, 59), r.randint(0, 59)))


def sign_time(r, t, kind):
    d = t.date() + dt.timedelta(days=r.randint(1, 4))
    if kind == "work":
        while d.weekday() >= 5:
            d += dt.timedelta(days=1)
        h = r.randint(9, 16)
    elif kind == "pickup":
        h = r.randint(8, 21)
    else:
        h = wchoice(r, [(r.randint(9, 12), 40), (r.randint(13, 17), 30), (r.randint(18, 20), 30)])
    return dt.datetime.combine(d, dt.time(h, r.randint(0, 59), r.randint(0, 59)))


class Gen:
    def __init__(self, W, geo):
        self.W, self.geo, self.r = W, geo, W.rng
        self.orders, self.waybills, self.socials = [], [], []
        self.uid = 0

    def account(self, p, plat):
        if plat in p["accounts"]:
            return p["accounts"][plat]
        r = self.r
        self.uid += 1
        masked = plat == "xiang-ji"
        nm = p["name"]
        if masked and r.random() < 0.7:
            nm = mask_name(nm, r.choice(["xy", "x**"]))
        elif not masked and r.random() < 0.1:
            nm = mask_name(nm, "xy")
        idn = p["id_number"]
        f = wchoice(r, [("full", 10 if masked else 55), ("6_4", 30), ("2_2", 35 if masked else 15), ("empty", 25 if masked else 10)])
        idv = "" if f == "empty" else (idn[:-1] + idn[-1].lower() if r.random() < 0.3 else idn) if f == "full" else mask_id(r, idn, f)
        created = rand_date(r, START - dt.timedelta(days=1500), START)
        bph = p["old_phone"] if (p["old_phone"] and p["phone_change"] and p["phone_change"] > created and r.random() < 0.5) else p["phones"][0]
        uid = {"mangguo": "mg%07d" % (self.uid * 7 + 13), "xiang-ji": "XJ-%06d" % self.uid, "chuxing": "cx%d" % (900000 + self.uid)}[plat]
        a = dict(uid=uid, plat=plat, holder=p["pid"], name=nm, idn=idv, bphone=bph, bmask=masked and r.random() < 0.7)
        p["accounts"][plat] = a
        return a

    def order(self, a, rcp, place, kind, t, category=None, name=None, form=None, tphone=None, virtual=False, text=None, amount=None):
        r = self.r
        if name is None:
            if rcp is None:
                name, form = pick_name(r, r.choice("MF")), "other"
            else:
                name, form = typed_name(r, rcp, self.W)
        if tphone is None:
            ph = phone_at(rcp, t) if rcp is not None else None
            if kind == "work" and rcp is not None and rcp.get("landline") and r.random() < 0.35:
                ph = rcp["landline"]
            tphone = typed_phone(r, ph) if ph else typed_phone(r, rand_phone(self.W))
        delivered = not virtual and r.random() < 0.95
        s = sign_time(r, t, kind) if delivered else None
        cat = category or (r.choice(G.CATS_WORK) if kind == "work" else r.choice(G.CATS_PLAIN))
        if amount is None:
            amount = round(r.uniform(4000, 60000), 2) if cat in RESTRICTED and cat not in ("机票", "高铁商务座") else \
                round(r.uniform(300, 4000), 2) if cat in RESTRICTED else round(r.lognormvariate(4.0, 0.9), 2)
        bph = a["bphone"]
        o = dict(acc=a, plat=a["plat"], holder=a["holder"], recipient=rcp["pid"] if rcp is not None else None, place=place, kind=kind, t=t,
                 s=s, delivered=delivered, name=name, form=form, tphone=tphone, bphone=mask_phone(bph) if a["bmask"] else bph,
                 text=text if text is not None else render(r, place), category=cat, amount=amount, virtual=virtual)
        self.orders.append(o)
        return o

    def dest(self, p, t):
        r = self.r
        w = work_at(p, t)
        h = home_at(p, t)
        opts = [("home", 55), ("work", 22 if w else 0), ("pickup", 13 if h["kind"] == "flat" else 0), ("parents", 4 if p["parents"] else 0),
                ("other", 4)]
        k = wchoice(r, opts)
        if k == "home":
            return h, "home", p
        if k == "work":
            return w, "work", p
        if k == "pickup":
            return self.geo.pickup_of(h), "pickup", p
        if k == "parents":
            par = self.W.by[p["parents"][0]]
            return par["home"], "other", par
        other = r.choice(self.W.people)
        if other["kind"] != "person" or other["home"] is None or other["role"] == "dirt" or other is p or other.get("present") is False:
            return h, "home", p
        return other["home"], "other", other

    def person_orders(self, p, n=None):
        r = self.r
        own = [pl for pl, pr in (("mangguo", 0.72), ("xiang-ji", 0.45)) if r.random() < pr]
        if "uses_spouse_account" in p["flags"] and r.random() < 0.6:
            own = []
        elif not own:
            own = ["mangguo"]
        if not own:
            return
        n = n if n is not None else (r.randint(6, 24) if p["role"] == "debtor" else r.randint(2, 12))
        for _ in range(n):
            a = self.account(p, r.choice(own))
            day = rand_date(r, START, ASOF - dt.timedelta(days=1))
            t0 = rtime(r, day, "home")
            place, kind, rcp = self.dest(p, t0)
            t = rtime(r, day, "work") if kind == "work" else t0
            if kind == "home" and p["spouse"] and self.W.by[p["spouse"]]["present"] and r.random() < 0.12:
                rcp = self.W.by[p["spouse"]]  # ordered for the spouse, at home
            self.order(a, rcp, place, kind, t)

    def spouse_account_orders(self, d):
        r = self.r
        sp = self.W.by[d["spouse"]]
        if sp["role"] == "dirt":
            return
        for _ in range(r.randint(4, 14)):
            a = self.account(sp, "mangguo" if r.random() < 0.7 else "xiang-ji")
            day = rand_date(r, START, ASOF - dt.timedelta(days=1))
            t = rtime(r, day, "home")
            place, kind, _ = self.dest(d, t)
            if kind == "work":
                t = rtime(r, day, "work")
            self.order(a, d, place, kind, t)

    def restricted(self, d, cases):
        r = self.r
        holder = d
        if "uses_spouse_account" in d["flags"] or (d["spouse"] and r.random() < 0.3):
            holder = self.W.by[d["spouse"]]
        for _ in range(r.randint(1, 3)):
            cat = r.choice(RESTRICTED)
            day = rand_date(r, START, ASOF - dt.timedelta(days=2))
            t = rtime(r, day, "home")
            if cat in ("机票", "高铁商务座", "星级酒店", "旅游度假", "邮轮"):
                a = self.account(holder, "chuxing")
                self.order(a, d, None, "virtual", t, category=cat, virtual=True, text=r.choice(["电子客票无需配送", "电子凭证", "无需配送"]))
            else:
                a = self.account(holder, "mangguo")
                self.order(a, d, home_at(d, t), "home", t, category=cat)
        if r.random() < 0.1:
            a = self.account(d, "mangguo")
            t = rtime(r, rand_date(r, START, ASOF - dt.timedelta(days=2)), "home")
            self.order(a, d, home_at(d, t), "home", t, category=r.choice(G.NEAR_MISS))

    def waybill_for(self, o):
        r = self.r
        if not o["delivered"] or o["virtual"] or r.random() > 0.42:
            return
        rcp = self.W.by.get(o["recipient"]) if o["recipient"] else None
        kind = o["kind"]
        st = self.sign_type(kind)
        if rcp is not None:
            rn, form = typed_name(r, rcp, self.W)
            ph = typed_phone(r, phone_at(rcp, o["t"]))
        else:
            rn, form, ph = o["name"], o["form"], o["tphone"]
        city = r.choice(["浙江省金华市义乌市", "广东省广州市白云区", "江苏省苏州市吴中区", "福建省泉州市晋江市", "湖南省长沙市望城区"])
        self.waybills.append(dict(sender=None, sender_name=r.choice(["仓库", "旗舰店发货", "客服", "电商仓"]) + str(r.randint(1, 99)),
                                  sender_phone="400%07d" % r.randint(0, 9999999), sender_address=city + "物流园%d号仓" % r.randint(1, 30),
                                  receiver=rcp["pid"] if rcp is not None else None, receiver_name=rn, receiver_phone=ph,
                                  receiver_address=render(r, o["place"]), place=o["place"], kind=kind,
                                  pickup=o["t"] + dt.timedelta(seconds=int((o["s"] - o["t"]).total_seconds() * r.uniform(0.1, 0.5))), sign=o["s"], sign_type=st, form=form))

    def sign_type(self, kind):
        r = self.r
        if kind == "pickup":
            return None  # set from the brand below
        if kind == "work":
            return wchoice(self.r, [("本人签收", 60), ("门卫代收", 40)])
        return wchoice(r, [("本人签收", 52), ("家人代签", 25), ("门卫代收", 11), ("快递柜", 8), ("驿站代收", 4)])

    def parent_parcels(self, p):
        r = self.r
        par = self.W.by[p["parents"][0]]
        for _ in range(r.randint(1, 4)):
            t = rtime(r, rand_date(r, START, ASOF - dt.timedelta(days=6)), "home")
            h = home_at(p, t)
            rn, form = typed_name(r, p, self.W)
            s = sign_time(r, t, "home")
            self.waybills.append(dict(sender=par["pid"], sender_name=typed_name(r, par, self.W)[0], sender_phone=typed_phone(r, phone_at(par, t)),
                                      sender_address=render(r, par["home"]), receiver=p["pid"], receiver_name=rn,
                                      receiver_phone=typed_phone(r, phone_at(p, t)), receiver_address=render(r, h), place=h, kind="home",
                                      pickup=t, sign=s, sign_type=self.sign_type("home"), form=form, sender_kind="parent",
                                      sender_place=par["home"]))

    def work_shipments(self, p):
        r = self.r
        w = p["work"]
        for _ in range(r.randint(2, 8)):
            t = rtime(r, rand_date(r, START, ASOF - dt.timedelta(days=6)), "work")
            if t.date() < (p["job_change"] or START) and p["old_work"]:
                continue
            sn = typed_name(r, p, self.W)[0] if r.random() < 0.6 else w.get("name") or w.get("market", "") + "%s区%d" % (w.get("area", "A"), w.get("num", 1))
            sph = p["landline"] if p["landline"] and r.random() < 0.4 else typed_phone(r, phone_at(p, t))
            dk = r.choice(sorted(G.HOME_W))
            self.waybills.append(dict(sender=p["pid"], sender_name=sn, sender_phone=sph, sender_address=render(r, w), receiver=None,
                                      receiver_name=pick_name(r, r.choice("MF")), receiver_phone=typed_phone(r, rand_phone(self.W)),
                                      receiver_address=render(r, self.geo.home_in(dk)), place=None, kind="other", pickup=t,
                                      sign=sign_time(r, t, "home") if r.random() < 0.93 else None, sign_type="本人签收", form=None,
                                      sender_kind="work", sender_place=w))

    def social(self, p):
        r = self.r
        for plat, pr in (("liaoba", 0.55), ("kuaipai", 0.3)):
            if r.random() > pr:
                continue
            h = p["home"]
            city = G.CITY[h["dk"][:4]]
            prov = G.PROV[h["dk"][:2]]
            rnf = wchoice(r, [("full", 40), ("mou", 20), ("xy", 15), ("x**", 10), ("none", 15)])
            s_ = surname(p["name"])
            rn = {"full": p["name"], "mou": p["name"][:len(s_)] + "某" + p["name"][len(s_) + 1:] if len(p["name"]) > len(s_) + 1 else s_ + "某",
                  "xy": mask_name(p["name"], "xy"), "x**": mask_name(p["name"], "x**"), "none": None}[rnf]
            if rnf == "mou" and len(s_) > 1:
                rn = None
            idf = wchoice(r, [("full", 15), ("6_4", 35), ("2_2", 15), ("none", 35)])
            idv = None if idf == "none" else p["id_number"] if idf == "full" else mask_id(r, p["id_number"], idf)
            ph = p["phones"][0] if r.random() < 0.6 else mask_phone(p["phones"][0]) if r.random() < 0.6 else None
            logins = []
            for _ in range(r.randint(0, 14)):
                t = dt.datetime.combine(rand_date(r, START, ASOF - dt.timedelta(days=1)), dt.time(r.randint(6, 23), r.randint(0, 59)))
                hh = home_at(p, t)
                c = G.CITY[hh["dk"][:4]] if r.random() < 0.9 else r.choice(["北京市", "广州市", "深圳市", "杭州市"])
                pv = G.PROV[hh["dk"][:2]][0] if c in G.CITY.values() else {"北京市": "北京市", "广州市": "广东省", "深圳市": "广东省", "杭州市": "浙江省"}[c]
                reg = wchoice(r, [(pv + c if pv != c else c, 50), (c, 25), (pv, 15), (pv + " " + c, 10)])
                logins.append(dict(ts=t, ip="%d.%d.%d.%d" % (r.choice([58, 110, 113, 175, 222, 61]), r.randint(0, 255), r.randint(0, 255), r.randint(1, 254)),
                                   ip_region=reg))
            posts = []
            for _ in range(r.randint(0, 5)):
                t = dt.datetime.combine(rand_date(r, START, ASOF - dt.timedelta(days=1)), dt.time(r.randint(7, 22), r.randint(0, 59)))
                hh = home_at(p, t)
                w = work_at(p, t)
                k = wchoice(r, [("home", 50), ("work", 30 if w else 0), ("poi", 20)])
                if k == "home" and hh["kind"] == "flat":
                    poi = G.D[hh["dk"]]["name"] + hh["estate"]
                    addr = G.CITY[hh["dk"][:4]] + G.D[hh["dk"]]["name"] + hh["road"] + hh["estate"]
                    place = hh
                elif k == "work":
                    nm = w.get("market") or w.get("tower") or w.get("name")
                    poi, addr, place = nm, G.CITY[w["dk"][:4]] + G.D[w["dk"]]["name"] + w["road"] + "%d号" % w["no"] + nm, w
                else:
                    poi, addr, place = r.choice(["橘子洲头", "五一广场", "梅溪湖大剧院", "太湖鼋头渚", "南禅寺", "神农城", "湘潭万达广场"]), None, None
                posts.append(dict(ts=t, poi=poi, address=addr, kind=k, place=place))
            self.socials.append(dict(plat=plat, holder=p["pid"], nickname=self._nick(p), real_name=rn, id_no=idv, phone=ph,
                                     profile_region=(prov[1] + " " + city[:-1]) if r.random() < 0.7 else None, logins=sorted(logins, key=lambda x: x["ts"]),
                                     posts=sorted(posts, key=lambda x: x["ts"]), rn_form=rnf))

    def _nick(self, p):
        r = self.r
        return r.choice(["星城", "湘江边的", "梅溪湖", "锡城", "太湖边的", "芦淞"]) + r.choice(["小", "老", "阿"]) + p["name"][-1] + r.choice(["", "哥", "姐", "2026", "_"])


# ------------------------------------------------------------------------------------------------ writing
def ts(t):
    return t.strftime("%Y/%m/%d %H:%M:%S") if t else ""


def rec(**kw):
    base = dict(file=None, line=None, source=None, platform=None, record_key=None, holder=None, recipient=None, receiver=None, sender=None,
                dest_kind=None, dest_canonical=None, delivered=False, door=False, dirty=False, dirt=None, ambiguous=False, dup_of=None,
                category=None, amount=None, ordered_at=None, order_id=None, name_form=None, sender_kind=None, sender_canonical=None, raw_address=None)
    base.update(kw)
    return base


def month_ends(day, months):
    out = []
    for m in months:
        if day == "end":
            nxt = dt.date(2026 + (m // 12), m % 12 + 1, 1)
            out.append(nxt - dt.timedelta(days=1))
        else:
            out.append(dt.date(2026, m, day))
    return out


EC_SCHED = {
    "mangguo": [dt.date(2026, m, 24) for m in range(1, 13)],
    "xiang-ji": month_ends("end", [2, 4, 6, 8, 10])[:5] + [ASOF],
    "chuxing": [dt.date(2026, 3, 31), dt.date(2026, 6, 30), dt.date(2026, 9, 30), ASOF],
}
XJ_COLS = ["下单时间", "订单编号", "买家ID", "收货人", "收货手机", "收货地址", "签收时间", "实付金额", "商品类目", "实名姓名", "实名证件号", "绑定手机"]
WB_SCHED = {"xinglu": [dt.date(2026, m, 24) for m in range(1, 13)], "dida": month_ends("end", [2, 4, 6, 8, 10]) + [ASOF]}
DIDA_COLS = ["sign_type", "waybill_no", "receiver_name", "receiver_phone", "receiver_address", "sign_time", "pickup_time", "sender_name",
             "sender_phone", "sender_address"]


def period_of(sched, t):
    prev = START
    for d in sched:
        if prev <= t.date() < d:
            return d, prev
        prev = d
    return None, None


class Out:
    def __init__(self, root, W, g):
        self.root, self.W, self.g, self.r = root, W, g, W.rng
        self.R, self.files = [], {}
        for k in ("debtors", "ecommerce", "social", "logistics"):
            os.makedirs(os.path.join(root, "inbox", k), exist_ok=True)

    def path(self, kind, fn):
        return os.path.join(self.root, "inbox", kind, fn)

    def write_csv(self, kind, fn, header, rows, enc, nl="\r\n", quoting=csv.QUOTE_MINIMAL, bom=False, trunc=False):
        buf = io.StringIO(newline="")
        wr = csv.writer(buf, lineterminator=nl, quoting=quoting)
        wr.writerow(header)
        for row in rows:
            wr.writerow(row)
        text = buf.getvalue()
        if trunc:
            text = text[:-len(nl)]
            last = text.rfind(nl)
            text = text[:last + len(nl) + (len(text) - last - len(nl)) // 2]
        data = text.encode(enc)
        if bom:
            data = b"\xef\xbb\xbf" + data
        with open(self.path(kind, fn), "wb") as f:
            f.write(data)
        self.files[fn] = dict(kind=kind, rows=len(rows), encoding=enc, bom=bom, truncated=trunc)

    # ------------------------------------------------------------- e-commerce
    def ec_cells(self, o, oid, fdate):
        a = o["acc"]
        delivered = o["s"] is not None and o["s"] < dt.datetime.combine(fdate, dt.time(0))
        amt = "%.2f" % o["amount"]
        if o["plat"] == "xiang-ji" and self.r.random() < 0.5:
            amt = amt.rstrip("0").rstrip(".")
        cells = {"订单编号": oid, "买家ID": a["uid"], "实名姓名": a["name"], "实名证件号": a["idn"], "绑定手机": o["bphone"], "收货人": o["name"],
                 "收货手机": o["tphone"], "收货地址": o["text"], "下单时间": ts(o["t"]), "签收时间": ts(o["s"]) if delivered else "",
                 "实付金额": amt, "商品类目": o["category"]}
        return cells, delivered

    def ec_rec(self, o, fn, line, oid, delivered, dup_of=None, ambiguous=False):
        door = delivered and o["kind"] in ("home", "work", "other") and not o["virtual"]
        return rec(file=fn, line=line, source="ecommerce", platform=fn.split("_")[0], record_key="ec:%s:%s" % (o["plat"], oid), holder=o["holder"],
                   recipient=o["recipient"], dest_kind=o["kind"], dest_canonical=canon(o["place"]) if o["place"] else None, delivered=delivered,
                   door=door, dup_of=dup_of, ambiguous=ambiguous, category=o["category"], amount=o["amount"], ordered_at=o["t"], order_id=oid,
                   name_form=o["form"], raw_address=o["text"])

    def ecommerce(self, dirt):
        r = self.r
        byp = {}
        for o in self.g.orders:
            byp.setdefault(o["plat"], []).append(o)
        for plat in sorted(byp):
            os_ = sorted(byp[plat], key=lambda o: (o["t"], o["acc"]["uid"]))
            for i, o in enumerate(os_):
                o["oid"] = {"mangguo": "MG%012d" % (310000000 + i * 37), "xiang-ji": "%s%08d" % (o["t"].strftime("%y%m%d"), 10000 + i),
                            "chuxing": "CX%d" % (70000000 + i * 3)}[plat]
            sched = EC_SCHED[plat]
            per = {}
            for o in os_:
                d, _ = period_of(sched, o["t"])
                if d is not None:
                    per.setdefault(d, []).append(o)
            prev = None
            resend = []
            for d in sched:
                fn = "%s_orders_%s.csv" % (plat, d.strftime("%Y%m%d"))
                items = [(o, None) for o in per.get(d, [])]
                if plat == "mangguo" and prev is not None:
                    items = [(o, "ec:%s:%s" % (plat, o["oid"])) for o in resend] + items  # re-sent last two days of the previous file
                resend = [o for o in per.get(d, []) if o["t"].date() >= d - dt.timedelta(days=2)]
                prev = d
                self.ec_file(plat, fn, d, items, dirt, trunc=(fn == "mangguo_orders_20261224.csv"),
                             ambiguous=(fn == "xiang-ji_orders_20260831.csv"))
        # a re-send under a bad name: 100 November rows
        nov = [o for o in byp.get("mangguo", []) if o.get("oid") and dt.date(2026, 10, 24) <= o["t"].date() < dt.date(2026, 11, 24)][:100]
        self.ec_file("mangguo", "Mangguo_orders_2026-12-10.csv", dt.date(2026, 12, 10), [(o, "ec:mangguo:%s" % o["oid"]) for o in nov], None,
                     ambiguous=True)
        # an empty file and a header-only file
        open(self.path("ecommerce", "xiang-ji_orders_20261130.csv"), "wb").close()
        self.files["xiang-ji_orders_20261130.csv"] = dict(kind="ecommerce", rows=0, empty=True)
        self.ec_file("chuxing", "chuxing_orders_20261215.csv", dt.date(2026, 12, 15), [], None)

    def ec_file(self, plat, fn, d, items, dirt, trunc=False, ambiguous=False):
        r = self.r
        cols = XJ_COLS if plat == "xiang-ji" else EC_COLS
        rows, recs = [], []
        for o, dup in items:
            cells, delivered = self.ec_cells(o, o["oid"], d)
            rows.append([cells[c] for c in cols])
            recs.append(self.ec_rec(o, fn, 0, o["oid"], delivered, dup_of=dup, ambiguous=ambiguous))
        if dirt is not None and items:
            for _ in range(r.randint(3, 7)):
                pos = r.randint(0, len(rows))
                row, why, p = dirt.ec_row(cols, d)
                rows.insert(pos, row)
                recs.insert(pos, rec(source="ecommerce", platform=fn.split("_")[0], holder=p["pid"], dirty=True, dirt=why, ambiguous=ambiguous))
        if trunc:
            row, why, p = dirt.ec_row(cols, d, clean_cells=True)
            rows.append(row)
            recs.append(rec(source="ecommerce", platform=plat, holder=p["pid"], dirty=True, dirt="truncated"))
        for i, x in enumerate(recs):
            x["file"], x["line"] = fn, i + 2
            self.R.append(x)
        if plat == "mangguo":
            self.write_csv("ecommerce", fn, cols, rows, "gb18030", nl="\r\n", trunc=trunc)
        elif plat == "xiang-ji":
            enc = "utf-8" if ambiguous else "gb18030"
            self.write_csv("ecommerce", fn, cols, rows, enc, nl="\n", quoting=csv.QUOTE_ALL, bom=ambiguous)
        else:
            self.write_csv("ecommerce", fn, cols, rows, "gb18030", nl="\r\n")
        if fn.startswith("Mangguo"):
            self.files[fn]["badname"] = True

    # ------------------------------------------------------------- social
    def social(self, dirt):
        r = self.r
        S = sorted(self.g.socials, key=lambda s: (s["plat"], s["holder"]))
        uid = 0
        for s in S:
            uid += 1
            s["uid"] = ("lb_%d" % (500000 + uid * 3)) if s["plat"] == "liaoba" else (7100000 + uid)
        for plat, fn, cut in (("liaoba", "liaoba_accounts_20260624.jsonl", dt.datetime(2026, 6, 24)),
                              ("liaoba", "liaoba_accounts_20261224.jsonl", dt.datetime(2026, 12, 24)),
                              ("kuaipai", "kuaipai_accounts_20261215.jsonl", dt.datetime(2026, 12, 15))):
            lines, recs = [], []
            for s in S:
                if s["plat"] != plat:
                    continue
                if cut.month == 6 and r.random() < 0.25:
                    continue  # accounts opened later
                o = self.social_obj(s, cut, plat)
                lines.append(o)
                recs.append(rec(source="social", platform=plat, record_key="so:%s:%s" % (plat, s["uid"]), holder=s["holder"]))
                if plat == "kuaipai" and r.random() < 0.03:
                    lines.append("")  # blank line: not a record
                    recs.append(None)
            for _ in range(r.randint(4, 7)):
                pos = r.randint(0, len(lines))
                ln, why, p = dirt.jsonl_line(plat)
                lines.insert(pos, ln)
                recs.insert(pos, rec(source="social", platform=plat, holder=p["pid"], dirty=True, dirt=why))
            trunc = fn == "liaoba_accounts_20261224.jsonl"
            if trunc:
                p = dirt.person()
                full = json.dumps(dict(uid="lb_dirt%d" % p["pid"], nickname="截断", real_name=p["name"], phone=p["phones"][0]), ensure_ascii=False)
                lines.append(full[:len(full) // 2])
                recs.append(rec(source="social", platform=plat, holder=p["pid"], dirty=True, dirt="truncated"))
            n = 0
            for i, x in enumerate(recs):
                if x is None:
                    continue
                x["file"], x["line"] = fn, i + 1
                self.R.append(x)
                n += 1
            nl = "\n"
            text = nl.join(lines) + ("" if trunc else nl)
            with open(self.path("social", fn), "wb") as f:
                f.write(text.encode("utf-8"))
            self.files[fn] = dict(kind="social", rows=n, truncated=trunc, blank_lines=sum(1 for x in recs if x is None))

    def social_obj(self, s, cut, plat):
        def t_(t):
            z = t.strftime("%Y-%m-%dT%H:%M:%S") + "+08:00"
            return z.replace("T", " ") if plat == "kuaipai" else z
        logins = [dict(ts=t_(l["ts"]), ip=l["ip"], ip_region=l["ip_region"]) for l in s["logins"] if l["ts"] < cut]
        posts = []
        for q in s["posts"]:
            if q["ts"] >= cut:
                continue
            d = dict(ts=t_(q["ts"]), poi=q["poi"])
            if q["address"] or plat == "liaoba":
                d["address"] = q["address"]
            posts.append(d)
        o = dict(uid=s["uid"], nickname=s["nickname"], real_name=s["real_name"], id_no=s["id_no"], phone=s["phone"],
                 profile_region=s["profile_region"], logins=logins, geo_posts=posts)
        if plat == "kuaipai":
            o = {k: v for k, v in o.items() if v is not None and v != []}
            return json.dumps(o, ensure_ascii=False, separators=(",", ":"))
        return json.dumps(o, ensure_ascii=False)

    # ------------------------------------------------------------- logistics
    def logistics(self, dirt):
        import pyarrow as pa
        import pyarrow.parquet as pq
        r = self.r
        byc = {"xinglu": [], "dida": []}
        for w in self.g.waybills:
            if w["pickup"].date() >= ASOF:
                continue
            byc["xinglu" if r.random() < 0.6 else "dida"].append(w)
        for carrier in ("xinglu", "dida"):
            ws = sorted(byc[carrier], key=lambda w: (w["pickup"], w["receiver_address"]))
            for i, w in enumerate(ws):
                w["no"] = ("XL%013d" % (4600000000000 + i * 11)) if carrier == "xinglu" else ("DD%012d" % (880000000000 + i * 7))
            sched = WB_SCHED[carrier]
            per = {}
            for w in ws:
                d, _ = period_of(sched, w["pickup"])
                if d is not None:
                    per.setdefault(d, []).append(w)
            keep_for_resend = []
            for d in sched:
                fn = "%s_waybills_%s.parquet" % (carrier, d.strftime("%Y%m%d"))
                items = [(w, None) for w in per.get(d, [])]
                if carrier == "dida" and d == ASOF:
                    items += [(w, "wb:dida:%s" % w["no"]) for w in keep_for_resend]
                if carrier == "dida" and d == dt.date(2026, 10, 31):
                    keep_for_resend = per.get(d, [])[-60:]
                self.wb_file(pa, pq, carrier, fn, d, items, dirt)
        # an empty (zero-row) export
        self.wb_file(pa, pq, "xinglu", "xinglu_waybills_20261201.parquet", dt.date(2026, 12, 1), [], None)

    def wb_file(self, pa, pq, carrier, fn, d, items, dirt):
        r = self.r
        cut = dt.datetime.combine(d, dt.time(0))
        rows, recs = [], []
        for w, dup in items:
            if carrier == "xinglu" and "masked" not in w:  # xinglu masks most receivers (decided once per waybill)
                w["masked"] = True
                if w["form"] == "full" and r.random() < 0.55:
                    w["receiver_name"], w["form"] = mask_name(w["receiver_name"], r.choice(["xy", "x**"])), "x**"
                ph = w["receiver_phone"]
                if len(ph) == 11 and ph.isdigit() and r.random() < 0.6:
                    w["receiver_phone"] = mask_phone(ph)
            signed = w["sign"] is not None and w["sign"] < cut
            st = w["sign_type"] if signed else None
            rows.append(dict(waybill_no=w["no"], sender_name=w["sender_name"], sender_phone=w["sender_phone"], sender_address=w["sender_address"],
                             receiver_name=w["receiver_name"], receiver_phone=w["receiver_phone"], receiver_address=w["receiver_address"],
                             pickup_time=w["pickup"], sign_time=w["sign"] if signed else None, sign_type=st))
            door = signed and st in ("本人签收", "家人代签") and w["kind"] in ("home", "work", "other")
            recs.append(rec(source="logistics", platform=carrier, record_key="wb:%s:%s" % (carrier, w["no"]), receiver=w["receiver"],
                            sender=w["sender"], dest_kind=w["kind"], dest_canonical=canon(w["place"]), delivered=signed, door=door, dup_of=dup,
                            name_form=w["form"], sender_kind=w.get("sender_kind"), sender_canonical=canon(w.get("sender_place")),
                            raw_address=w["receiver_address"]))
        if dirt is not None and items:
            for _ in range(r.randint(2, 5)):
                pos = r.randint(0, len(rows))
                row, why, p = dirt.wb_row(d)
                rows.insert(pos, row)
                recs.insert(pos, rec(source="logistics", platform=carrier, receiver=p["pid"], dirty=True, dirt=why))
        for i, x in enumerate(recs):
            x["file"], x["line"] = fn, i + 1
            self.R.append(x)
        if carrier == "xinglu":
            ttype = pa.timestamp("ms", tz="Asia/Shanghai")
            fields = [(c, pa.string()) for c in WB_COLS]
            sch = pa.schema([(c, ttype if c in ("pickup_time", "sign_time") else pa.dictionary(pa.int32(), pa.string()) if c == "sign_type" else t)
                             for c, t in fields])
            import zoneinfo
            tz = zoneinfo.ZoneInfo("Asia/Shanghai")
            cols = {c: [(x[c].replace(tzinfo=tz) if isinstance(x[c], dt.datetime) else x[c]) for x in rows] for c in WB_COLS}
            tbl = pa.table({c: pa.array(cols[c], type=(pa.string() if c == "sign_type" else sch.field(c).type)) for c in WB_COLS})
            tbl = tbl.set_column(tbl.column_names.index("sign_type"), "sign_type", pa.compute.dictionary_encode(tbl.column("sign_type")))
            pq.write_table(tbl, self.path("logistics", fn), compression="snappy")
        else:
            ttype = pa.timestamp("us")
            tbl = pa.table({c: pa.array([x[c] for x in rows], type=ttype if c in ("pickup_time", "sign_time") else pa.string()) for c in DIDA_COLS})
            pq.write_table(tbl, self.path("logistics", fn), compression="gzip", row_group_size=3000)
        self.files[fn] = dict(kind="logistics", rows=len(rows), empty=not rows)

    # ------------------------------------------------------------- roster
    def roster(self, cases, dirt):
        r = self.r
        by_plat = {}
        for c in cases:
            by_plat.setdefault(c["roster"], []).append(c)
        names = {"xiangfy": "xiangfy_roster_20261224.csv", "zhuzhoufy": "zhuzhoufy_roster_20261224.csv", "sufy": "sufy_执行案件_20261224.csv"}
        for plat in sorted(by_plat):
            cs = by_plat[plat]
            fn = names[plat]
            rows = [self.roster_row(c, plat) for c in cs]
            recs = [rec(source="debtors", platform=plat, record_key="ro:" + c["case_no"], holder=c["pid"]) for c in cs]
            if plat == "sufy" and cs:  # one exact duplicate line, as exported twice
                k = r.randrange(len(rows))
                rows.insert(k + 1, list(rows[k]))
                recs.insert(k + 1, dict(recs[k], dup_of=recs[k]["record_key"]))
            if plat == "zhuzhoufy":
                for why in ("bad_date", "bad_amount", "bad_id"):
                    p = dirt.person()
                    row = ["(2026)湘0203执%d号" % r.randint(9000, 9999), "株洲市芦淞区人民法院", G.JUDGES[0], p["name"], "居民身份证", p["id_number"],
                           p["phones"][0], "", "12000.00", "2026-05-11", "是", "否", "执行中"]
                    if why == "bad_date":
                        row[9] = "2026-13-45"
                    elif why == "bad_amount":
                        row[8] = "壹万贰仟元"
                    else:
                        row[5] = p["id_number"][:17] + ("0" if p["id_number"][17] != "0" else "1")
                    pos = r.randint(0, len(rows))
                    rows.insert(pos, row)
                    recs.insert(pos, rec(source="debtors", platform=plat, holder=p["pid"], dirty=True, dirt=why))
            for i, x in enumerate(recs):
                x["file"], x["line"] = fn, i + 2
                self.R.append(x)
            st = dict(xiangfy=dict(bom=True, nl="\r\n", q=csv.QUOTE_MINIMAL), zhuzhoufy=dict(bom=False, nl="\n", q=csv.QUOTE_ALL),
                      sufy=dict(bom=True, nl="\n", q=csv.QUOTE_MINIMAL))[plat]
            self.write_csv("debtors", fn, RO_COLS, rows, "utf-8", nl=st["nl"], quoting=st["q"], bom=st["bom"])
        # yesterday's-week xiangfy export: half of today's 执行完毕 cases still read 执行中
        cs = by_plat.get("xiangfy", [])
        fn = "xiangfy_roster_20261217.csv"
        rows = []
        for i, c in enumerate(cs):
            c2 = dict(c, status="执行中") if c["status"] == "执行完毕" and r.random() < 0.5 else c
            rows.append(self.roster_row(c2, "xiangfy"))
            self.R.append(rec(file=fn, line=i + 2, source="debtors", platform="xiangfy", record_key="ro:" + c["case_no"], holder=c["pid"], dup_of="older"))
        self.write_csv("debtors", fn, RO_COLS, rows, "utf-8", nl="\r\n", bom=True)

    def roster_row(self, c, plat):
        r = self.r
        p = self.W.by[c["pid"]]
        person = p["kind"] == "person"
        idn = p["id_number"]
        if person and idn.endswith("X") and (plat == "sufy" or r.random() < 0.3):
            idn = idn[:-1] + "x"
        phones = list(p.get("roster_phones") or []) if person else ([p["phones"][0]] if r.random() < 0.6 else [])
        sep = r.choice([";", "；", "、", ",", "; ", "，"[:0] + ", "])
        amt = c["amount"]
        a = "{:,.2f}".format(amt) if (plat == "sufy" or r.random() < 0.5) else ("%.2f" % amt if r.random() < 0.7 else "%d" % round(amt))
        if person:
            f = r.random()
            hk = canon(p["hukou_home"]) if f < 0.85 else canon(p["old_home"]) if (p["old_home"] is not None and f < 0.93) else \
                render(r, p["hukou_home"]) if f < 0.97 else ""
        else:
            hk = ""
        return [c["case_no"], c["court"], c["judge"], p["name"], "居民身份证" if person else "统一社会信用代码", idn, sep.join(phones), hk, a,
                c["filing"].isoformat(), "是" if c["restrict"] else "否", "是" if c["blacklist"] else "否", c["status"]]


# ------------------------------------------------------------------------------------------------ dirt
class Dirt:
    """Bad rows, always about the 'dirt' strangers, so that the truth does not depend on how they are handled."""

    def __init__(self, out):
        self.o, self.r, self.W = out, out.r, out.W
        self.n = 0

    def person(self):
        self.n += 1
        return self.W.dirt[self.n % len(self.W.dirt)]

    def ec_row(self, cols, d, clean_cells=False):
        r = self.r
        p = self.person()
        t = dt.datetime.combine(d - dt.timedelta(days=r.randint(3, 20)), dt.time(r.randint(8, 22), r.randint(0, 59)))
        cells = {"订单编号": "D%09d" % r.randint(0, 10 ** 9), "买家ID": "dirt%d" % p["pid"], "实名姓名": p["name"], "实名证件号": p["id_number"],
                 "绑定手机": p["phones"][0], "收货人": p["name"], "收货手机": p["phones"][0], "收货地址": render(r, p["home"]), "下单时间": ts(t),
                 "签收时间": ts(t + dt.timedelta(days=2)), "实付金额": "%.2f" % r.uniform(5, 300), "商品类目": r.choice(G.CATS_PLAIN)}
        if clean_cells:
            return [cells[c] for c in cols], "truncated", p
        why = r.choice(["missing_cols", "extra_cols", "bad_time", "bad_sign_time", "bad_amount", "formula", "formula_name", "dde", "long",
                        "control", "nul", "empty_id", "at_sign"])
        if why == "bad_time":
            cells["下单时间"] = r.choice(["2026/02/30 10:00:00", "N/A", "2026年3月5日", "#VALUE!", "2026/11/05 25:61:00", "前天", "0000/00/00 00:00:00"])
        elif why == "bad_sign_time":
            cells["签收时间"] = r.choice(["已签收", "2026-13-01", "#N/A"])
        elif why == "bad_amount":
            cells["实付金额"] = r.choice(["12元", "1.2.3", "null", "#DIV/0!", "￥", "免费", "--"])
        elif why == "formula":
            cells["收货地址"] = '=HYPERLINK("http://x.example/a","点击查看地址")'
        elif why == "formula_name":
            cells["收货人"] = r.choice(["+" + p["name"], "-" + p["name"], "=1+2"])
        elif why == "dde":
            cells["收货人"] = "=cmd|' /C calc'!A0"
        elif why == "at_sign":
            cells["收货地址"] = "@SUM(A1:A9)" + cells["收货地址"]
        elif why == "long":
            cells["收货地址"] = cells["收货地址"] * 600
        elif why == "control":
            cells["收货人"] = p["name"][0] + "\x07\x1b" + p["name"][1:]
        elif why == "nul":
            cells["收货地址"] = cells["收货地址"][:4] + "\x00" + cells["收货地址"][4:]
        elif why == "empty_id":
            cells["订单编号"] = ""
        row = [cells[c] for c in cols]
        if why == "missing_cols":
            row = row[:r.randint(4, len(row) - 2)]
        elif why == "extra_cols":
            row = row + ["备注", "多余"][:r.randint(1, 2)]
        return row, why, p

    def jsonl_line(self, plat):
        r = self.r
        p = self.person()
        why = r.choice(["not_json", "python_repr", "page_marker", "array", "formula_nick", "long_nick", "bad_ts", "control", "string"])
        base = dict(uid="dirt_%d_%d" % (p["pid"], r.randint(0, 9999)), nickname="路人", real_name=p["name"], phone=p["phones"][0],
                    logins=[dict(ts="2026-10-01T10:00:00+08:00", ip="1.2.3.4", ip_region="湖南省长沙市")])
        if why == "not_json":
            return "{uid: %s, nickname: 坏行" % p["pid"], why, p
        if why == "python_repr":
            return repr(base), why, p
        if why == "page_marker":
            return "====== 第%d页 ======" % r.randint(2, 9), why, p
        if why == "array":
            return json.dumps([base], ensure_ascii=False), why, p
        if why == "string":
            return json.dumps("uid=%s" % base["uid"], ensure_ascii=False), why, p
        if why == "formula_nick":
            base["nickname"] = "=HYPERLINK(\"http://x.example\",\"点我\")"
        elif why == "long_nick":
            base["nickname"] = "长" * 20000
        elif why == "bad_ts":
            base["logins"][0]["ts"] = r.choice(["昨天 21:00", "2026-02-30T10:00:00+08:00", "1733000000"])
        else:
            base["nickname"] = "坏\x07\x00字"
        return json.dumps(base, ensure_ascii=False), why, p

    def wb_row(self, d):
        r = self.r
        p = self.person()
        t = dt.datetime.combine(d - dt.timedelta(days=r.randint(3, 20)), dt.time(r.randint(8, 20), 0))
        row = dict(waybill_no="BAD%08d" % r.randint(0, 10 ** 8), sender_name="某仓", sender_phone="4001234567", sender_address="浙江省金华市义乌市某仓",
                   receiver_name=p["name"], receiver_phone=p["phones"][0], receiver_address=render(r, p["home"]), pickup_time=t,
                   sign_time=t + dt.timedelta(days=1), sign_type="本人签收")
        why = r.choice(["null_no", "formula", "control", "long", "sign_before_pickup", "pickup_1970", "bad_sign_type"])
        if why == "null_no":
            row["waybill_no"] = None
        elif why == "formula":
            row["receiver_name"] = "=HYPERLINK(\"http://x.example\")"
        elif why == "control":
            row["receiver_address"] = row["receiver_address"][:3] + "\x00\x07" + row["receiver_address"][3:]
        elif why == "long":
            row["receiver_address"] = row["receiver_address"] * 700
        elif why == "sign_before_pickup":
            row["sign_time"] = t - dt.timedelta(days=3)
        elif why == "pickup_1970":
            row["pickup_time"] = dt.datetime(1970, 1, 1)
        else:
            row["sign_type"] = r.choice(["放门口", "拒收", "其他"])
        return row, why, p


# ------------------------------------------------------------------------------------------------ truth
def write_truth(W, cases, R, out):
    import polars as pl
    by = W.by
    tdir = os.path.join(out, "truth")
    os.makedirs(tdir, exist_ok=True)
    newest = {}
    for c in cases:
        newest.setdefault(c["pid"], []).append(c)
    clean = [x for x in R if not x["dirty"] and not x["ambiguous"] and x["source"] != "debtors"]
    named, home_del, work_keys = set(), set(), {}
    for x in clean:
        for f in ("holder", "recipient", "receiver", "sender"):
            if x[f] is not None:
                named.add(x[f])
    for x in clean:
        if not x["door"] or not x["delivered"]:
            continue
        for f in ("holder", "recipient", "receiver"):
            pid = x[f]
            if pid is None or by[pid]["role"] != "debtor" or by[pid]["kind"] != "person":
                continue
            if f == "holder" and x["recipient"] is not None and x["recipient"] != pid:
                continue
            p = by[pid]
            if x["dest_canonical"] == canon(p["home"]):
                home_del.add(pid)
            if p.get("work") is not None and x["dest_canonical"] == canon(p["work"]) and x["record_key"]:
                work_keys.setdefault(pid, set()).add(x["record_key"])
    rows = []
    for p in W.debtors:
        person = p["kind"] == "person"
        cs = newest[p["pid"]]
        rows.append(dict(id_number=p["id_number"].upper(), name=p["name"], kind="person" if person else "organisation",
                         open=any(c["status"] != "执行完毕" for c in cs), on_platforms=p["pid"] in named,
                         absent=bool(person and p["pid"] not in named), has_home_delivery=p["pid"] in home_del,
                         home_address=canon(p["home"]) if person else None,
                         work_address=canon(p["work"]) if person and p.get("work") is not None else None,
                         n_work=len(work_keys.get(p["pid"], ())) if person else 0,
                         current_phones=list(p["phones"]) if person else []))
    pl.DataFrame(rows, schema=dict(id_number=pl.String, name=pl.String, kind=pl.String, open=pl.Boolean, on_platforms=pl.Boolean,
                                   absent=pl.Boolean, has_home_delivery=pl.Boolean, home_address=pl.String, work_address=pl.String,
                                   n_work=pl.Int64, current_phones=pl.List(pl.String))).write_parquet(os.path.join(tdir, "debtors.parquet"))
    pl.DataFrame(cases).write_parquet(os.path.join(tdir, "cases.parquet"))
    vio, seen = [], set()
    for x in clean:
        if x["source"] != "ecommerce" or x["category"] not in RESTRICTED:
            continue
        for f in ("holder", "recipient"):
            pid = x[f]
            if pid is None or by[pid]["role"] != "debtor":
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
    for p in W.people:
        person = p["kind"] == "person"
        ppl.append(dict(pid=p["pid"], role=p["role"], kind=p["kind"], household=p.get("household"), name=p["name"],
                        id_number=p["id_number"], gender=p.get("gender"), birth=p.get("birth"),
                        home=canon(p.get("home")), home_kind=(p.get("home") or {}).get("kind"),
                        old_home=canon(p.get("old_home")), move_date=p.get("move_date"),
                        hukou_home=canon(p.get("hukou_home")),
                        work=canon(p.get("work")), work_kind=(p.get("work") or {}).get("kind"), old_work=canon(p.get("old_work")),
                        job_change=p.get("job_change"), landline=p.get("landline"), phones=list(p["phones"]), old_phone=p.get("old_phone"),
                        phone_change=p.get("phone_change"), phone_from=p.get("phone_from"), spouse=p.get("spouse"),
                        parents=list(p.get("parents") or []), children=list(p.get("children") or []),
                        namesake_of=p.get("namesake_of"), roster_phones=list(p.get("roster_phones") or []),
                        accounts=sorted(p.get("accounts") or {}), present=p.get("present"), flags=list(p["flags"]),
                        home_district=G.D[p["home"]["dk"]]["name"] if person and p.get("home") else None))
    pl.DataFrame(ppl, infer_schema_length=None).write_parquet(os.path.join(tdir, "people.parquet"))
    rs = dict(file=pl.String, line=pl.Int64, source=pl.String, platform=pl.String, record_key=pl.String, holder=pl.Int64, recipient=pl.Int64,
              receiver=pl.Int64, sender=pl.Int64, dest_kind=pl.String, dest_canonical=pl.String, delivered=pl.Boolean, door=pl.Boolean,
              dirty=pl.Boolean, dirt=pl.String, ambiguous=pl.Boolean, dup_of=pl.String, category=pl.String, amount=pl.Float64,
              ordered_at=pl.Datetime("us"), order_id=pl.String, name_form=pl.String, sender_kind=pl.String, sender_canonical=pl.String,
              raw_address=pl.String)
    pl.DataFrame([{k: x.get(k) for k in rs} for x in R], schema=rs).write_parquet(os.path.join(tdir, "records.parquet"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--debtors", type=int, default=2000)
    a = ap.parse_args()
    for sub in ("inbox", "truth"):
        if os.path.exists(os.path.join(a.out, sub)):
            shutil.rmtree(os.path.join(a.out, sub))
    W = World(a.seed, a.debtors)
    geo = Geo(W.rng)
    build_world(W, geo)
    cases = build_cases(W)
    g = Gen(W, geo)
    r = W.rng
    for p in W.people:
        if p["kind"] != "person" or p["role"] == "dirt" or p["home"] is None:
            continue
        if p["role"] == "debtor" and not p["present"]:
            continue
        if p["role"] == "parent":
            continue  # parents in the village send parcels, they do not shop online
        g.person_orders(p)
        g.social(p)
        if p["parents"] and r.random() < 0.6:
            g.parent_parcels(p)
        if p.get("work") and p["work"]["kind"] in ("stall", "shop", "factory") and r.random() < 0.5:
            g.work_shipments(p)
    for d in W.debtors:
        if d["kind"] == "person" and d["present"] and "uses_spouse_account" in d["flags"]:
            g.spouse_account_orders(d)
    for d in W.debtors:
        if d["kind"] == "person" and d["present"] and r.random() < 0.12:
            d["flags"].append("violator")
            g.restricted(d, cases)
    for p in W.people:  # non-debtors buy restricted items too, and everyone buys near misses
        if p["kind"] == "person" and p["role"] in ("stranger", "namesake", "spouse", "neighbour") and p["present"] and r.random() < 0.04:
            a_ = g.account(p, "chuxing")
            t = rtime(r, rand_date(r, START, ASOF - dt.timedelta(days=1)), "home")
            g.order(a_, p, None, "virtual", t, category=r.choice(RESTRICTED[:4] + ["火车票硬座", "经济型酒店", "汽车票"]), virtual=True, text="电子客票无需配送")
    for o in list(g.orders):
        g.waybill_for(o)
    for w in g.waybills:
        if w["kind"] == "pickup" and w["sign_type"] is None:
            w["sign_type"] = "快递柜" if w["place"]["brand"] in G.LOCKERS else "驿站代收"
    out = Out(a.out, W, g)
    dirt = Dirt(out)
    out.ecommerce(dirt)
    out.social(dirt)
    out.logistics(dirt)
    out.roster(cases, dirt)
    write_truth(W, cases, out.R, a.out)
    with open(os.path.join(a.out, "truth", "files.json"), "w") as f:
        json.dump(out.files, f, ensure_ascii=False, indent=1, sort_keys=True)
    print("people", len(W.people), "debtors", len(W.debtors), "orders", len(g.orders), "waybills", len(g.waybills), "records", len(out.R))


if __name__ == "__main__":
    main()
