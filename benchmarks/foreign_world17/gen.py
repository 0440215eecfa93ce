#!/usr/bin/env python
"""foreign17: seventeenth independent synthetic world for `locate` (锦州, 淮安, 邢台, 永州, 玉溪).

    python gen.py --out DIR --seed N --debtors K      -> DIR/inbox/{debtors,ecommerce,social,logistics}, DIR/truth/

Written from shared/specs/{inputs,outputs,context,pitfalls}.md only.  Deterministic for a given (seed, K).
Newest exports are dated 20270420: run the pipeline with --as-of 2027-04-20.
"""
import argparse, csv, datetime as dt, io, json, os, random, shutil, sys, zipfile

import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import geo17 as G  # noqa: E402

START = dt.date(2026, 4, 20)
ASOF = dt.date(2027, 4, 20)
RESTRICTED = set(G.RESTRICTED_TRAVEL + G.RESTRICTED_GOODS)
EC_COLS = ["订单编号", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人", "收货手机", "收货地址", "下单时间", "签收时间", "实付金额", "商品类目"]
RO_COLS = ["案号", "执行法院", "承办人", "被执行人", "证件类型", "证件号码", "联系电话", "户籍地址", "执行标的", "立案日期", "限制消费", "失信", "案件状态"]
RO_COLS_QH = ["证件号码", "被执行人", "证件类型", "案号", "执行法院", "承办人", "案件状态", "立案日期", "执行标的", "限制消费", "失信", "联系电话", "户籍地址"]
WB_COLS = ["waybill_no", "sender_name", "sender_phone", "sender_address", "receiver_name", "receiver_phone", "receiver_address",
           "pickup_time", "sign_time", "sign_type"]
CC_AL = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
FW = str.maketrans("0123456789", "０１２３４５６７８９")
EPOCH = dt.datetime(1970, 1, 1)
CN = "零一二三四五六七八九"


# ====================================================================== small helpers
def id_check(s17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(a) * b for a, b in zip(s17, w)) % 11]


def credit_code(r, kind, region):
    head = "91" if kind == "co" else "92"
    body = "".join(r.choice("0123456789ABCDEFGHJKLMNPQRTUWXY"[:10]) for _ in range(8))
    ow = [3, 7, 9, 10, 5, 8, 4, 2]
    c9 = 11 - sum(int(v) * w for v, w in zip(body, ow)) % 11
    c9 = "0" if c9 == 11 else "X" if c9 == 10 else str(c9)
    s17 = head + region + body + c9
    t = 31 - sum(CC_AL.index(ch) * w for ch, w in zip(s17, CC_W)) % 31
    return s17 + CC_AL[0 if t == 31 else t]


def wchoice(r, pairs):
    tot = sum(w for _, w in pairs)
    x = r.random() * tot
    for v, w in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][0]


def rand_date(r, a, b):
    if b <= a:
        return a
    return a + dt.timedelta(days=r.randint(0, (b - a).days))


def rtime(r, d, kind):
    if kind == "work":
        while d.weekday() >= 5:
            d -= dt.timedelta(days=1)
        h = r.randint(9, 16)
    else:
        h = wchoice(r, [(r.randint(7, 11), 2), (r.randint(12, 18), 3), (r.randint(19, 23), 5), (0, 1)])
    return dt.datetime.combine(d, dt.time(h, r.randint(0, 59), r.randint(0, 59)))


def cn_num(n):
    if n < 10:
        return CN[n]
    if n < 20:
        return "十" + (CN[n % 10] if n % 10 else "")
    if n < 100:
        return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")
    return "".join(CN[int(c)] for c in str(n))


def D8(d):
    return d.strftime("%Y%m%d")


def fmt_t(t):
    return t.strftime("%Y/%m/%d %H:%M:%S")


def day0(d):
    return dt.datetime.combine(d, dt.time(0))


# ====================================================================== places and their canonical (truth) form
def cityof(p):
    if p["kind"] == "hukou":
        return next(c for c, v in G.CITIES.items() if v["name"] == G.HUKOU[p["code"]][1])
    if p["kind"] == "pickup":
        return cityof(p["at"])
    return G.D[p["dk"]]["city"]


def prefix_canon(dk):
    d = G.D[dk]
    c = G.CITIES[d["city"]]
    return c["prov"] + c["name"] + d["name"]


def estate_canon(e):
    return "%s%s%d号%s" % (prefix_canon(e["dk"]), e["road"], e["rn"], e["name"])


def flat_door_canon(city, b, u, room):
    if city == "yz":
        return "%d栋%d单元%d室" % (b, u, room)
    if city == "yx":
        return "%d幢%d单元%d室" % (b, u, room)
    return "%d号楼%d单元%d室" % (b, u, room)       # 锦州, 淮安, 邢台


def village_tail(city, p):
    """canonical part after the town"""
    if city == "xt":
        return "%s村%s%d号" % (p["vil"], p["street"], p["n"])
    if city == "yx":
        return "%s村委会%s村民小组%d号" % (p["vil"], p["nat"], p["n"])
    if city == "jz":
        return "%s村%d组%d号" % (p["vil"], p["g"], p["n"])
    return "%s村%d组%d号" % (p["vil"], p["g"], p["n"])       # 淮安, 永州


def place_base(p):
    k = p["kind"]
    if k in ("flat", "garage"):
        return estate_canon(p["estate"])
    if k == "juwei":
        return prefix_canon(p["dk"]) + p["jw"] + "社区"
    if k == "village":
        return prefix_canon(p["dk"]) + p["town"] + p["vil"] + ("村委会" if cityof(p) == "yx" else "村")
    return canon(p)


def canon(p):
    if p is None:
        return None
    k = p["kind"]
    if k == "hukou":
        prov, city, county, _ = G.HUKOU[p["code"]]
        return prov + city + county + p["town"] + village_tail(cityof(p), p)
    if k == "pickup":
        return place_base(p["at"]) + "|" + p["brand"]
    pre = prefix_canon(p["dk"])
    c = G.D[p["dk"]]["city"]
    if k == "flat":
        return estate_canon(p["estate"]) + flat_door_canon(c, p["b"], p["u"], p["room"])
    if k == "garage":
        return estate_canon(p["estate"]) + "%d号楼车库%d号" % (p["b"], p["n"])
    if k == "juwei":
        return pre + "%s社区%d组%d号" % (p["jw"], p["g"], p["n"])
    if k == "village":
        return pre + p["town"] + village_tail(c, p)
    if k == "stall":
        return pre + "%s%d号%s%s区%d号" % (p["road"], p["rn"], p["market"], p["zone"], p["n"])
    if k == "office":
        return pre + "%s%d号%s%d室" % (p["road"], p["rn"], p["tower"], p["room"])
    if k == "dishang":
        return estate_canon(p["estate"]) + "%d号楼底商%s" % (p["b"], p["name"])
    return pre + "%s%d号%s" % (p["road"], p["rn"], p["name"])      # shop, factory


class Geo:
    """estates, markets and other fixed places"""

    def __init__(self, r):
        self.r = r
        self.estates = {}
        used = set()
        for dk, d in G.D.items():
            lst = []
            n = 22 if G.D[dk]["roads"] and not d["towns"] else 14
            for i in range(n):
                while True:
                    name = r.choice(G.ESTATE_A) + r.choice(G.ESTATE_B)
                    if (d["city"], name) not in used:
                        used.add((d["city"], name))
                        break
                road = r.choice(d["roads"])
                e = dict(dk=dk, road=road, rn=r.randint(1, 399), name=name, blocks=r.randint(3, 30), units=r.randint(2, 6),
                         floors=r.choice([6, 6, 7, 11, 18, 26]))
                if dk in ("qjp", "ll", "lst", "xd") and r.random() < 0.3:
                    e["old_rn"] = max(1, e["rn"] + r.choice([-1, 1]) * r.randint(4, 40))
                if G.D[dk].get("zones") and r.random() < 0.5:
                    e["zone"] = r.choice(G.D[dk]["zones"])
                if dk in OLD_FOR and r.random() < 0.6:
                    e["old_ok"] = True
                e["garages"] = d["city"] in ("jz", "xt") and e["floors"] <= 7
                lst.append(e)
            self.estates[dk] = lst
        self.villages = {}
        for dk, d in G.D.items():
            vs = []
            for t in d["towns"]:
                for _ in range(3):
                    vs.append(dict(town=t, vil=r.choice(G.VIL_A) + r.choice(G.VIL_B)))
            self.villages[dk] = vs
        self.stalls = {c: m for c, m in G.MARKETS.items()}

    def flat_in(self, r, e):
        c = G.D[e["dk"]]["city"]
        fl = r.randint(1, e["floors"])
        return dict(kind="flat", dk=e["dk"], estate=e, b=r.randint(1, e["blocks"]), u=r.randint(1, e["units"]),
                    room=fl * 100 + r.randint(1, 2 if c in ("jz", "xt") else 4))

    def home(self, r, city, dk=None, kind=None):
        dk = dk or wchoice(r, G.DW[city])
        d = G.D[dk]
        if kind is None:
            opts = [("flat", 70)]
            if d.get("juwei"):
                opts.append(("juwei", 22))
            if city in ("jz", "xt"):
                opts.append(("garage", 9))
            if d["towns"]:
                opts.append(("village", 30 if dk not in ("ht", "xdu", "hy") else 18))
            kind = wchoice(r, opts)
        if kind == "village" and not d["towns"]:
            kind = "flat"
        if kind == "juwei" and not d.get("juwei"):
            kind = "flat"
        if kind == "flat":
            return self.flat_in(r, r.choice(self.estates[dk]))
        if kind == "garage":
            es = [e for e in self.estates[dk] if e["garages"]] or [e for c2 in ("gt", "lh", "th", "xd", "xdu") for e in self.estates[c2] if G.D[c2]["city"] == city and e["garages"]]
            if not es:
                return self.flat_in(r, r.choice(self.estates[dk]))
            e = r.choice(es)
            return dict(kind="garage", dk=e["dk"], estate=e, b=r.randint(1, e["blocks"]), n=r.randint(1, 24))
        if kind == "juwei":
            return dict(kind="juwei", dk=dk, jw=r.choice(d["juwei"]), g=r.randint(1, 12), n=r.randint(1, 90))
        v = r.choice(self.villages[dk])
        return village_place(r, dict(kind="village", dk=dk, town=v["town"], vil=v["vil"]), city)

    def work(self, r, city):
        k = wchoice(r, [("stall", 25), ("office", 25), ("shop", 18), ("dishang", 14 if city in ("jz", "xt", "ha") else 4), ("factory", 18)])
        if k == "stall":
            m, dk, road = r.choice(G.MARKETS[city])
            return dict(kind="stall", dk=dk, market=m, road=road, rn=10 + (sum(map(ord, m)) % 300), zone=r.choice("ABCDE"), n=r.randint(1, 320))
        if k == "office":
            t, dk, road = r.choice(G.TOWERS[city])
            fl = r.randint(3, 28)
            return dict(kind="office", dk=dk, tower=t, road=road, rn=20 + (sum(map(ord, t)) % 200), room=fl * 100 + r.randint(1, 18))
        dk = wchoice(r, G.DW[city])
        if k == "dishang":
            e = r.choice(self.estates[dk])
            return dict(kind="dishang", dk=dk, estate=e, b=r.randint(1, e["blocks"]), name=r.choice(G.SURNAMES[:40]) + r.choice(G.SHOPS[city]))
        if k == "shop":
            return dict(kind="shop", dk=dk, road=r.choice(G.D[dk]["roads"]), rn=r.randint(1, 500), name=r.choice(G.SURNAMES[:40]) + r.choice(G.SHOPS[city]))
        return dict(kind="factory", dk=dk, road=r.choice(G.D[dk]["roads"]), rn=r.randint(1, 900),
                    name=r.choice(G.FACTORIES[city]).format(r.choice(G.FIRM_MID)))


OLD_FOR = {dk for dk in G.OLD_NAMES if G.OLD_NAMES[dk]}


def village_place(r, p, city):
    if city == "xt":
        p["street"] = r.choice(G.XT_STREETS)
    elif city == "yx":
        p["nat"] = r.choice(G.NAT_A) + r.choice(G.NAT_B)
    else:
        p["g"] = r.randint(1, 15)
    p["n"] = r.randint(1, 120)
    return p


# ====================================================================== how places are written
def town_text(r, t):
    """街-ending 街道 and ethnic townships are shortened (habit); 镇/乡 sometimes dropped"""
    x = r.random()
    if t.endswith("街街道"):
        return wchoice(r, [(t, 45), (t[:-3] + "街道", 30), (t[:-2], 25)])      # 大营街街道 -> 大营街道 / 大营街
    if t.endswith("族乡"):
        base = t[:2]
        return wchoice(r, [(t, 50), (base + "乡", 40), (base, 10)])            # 洛河彝族乡 -> 洛河乡
    if t.endswith("街道"):
        return t if x < 0.7 else t[:-2]
    if x < 0.2 and len(t) > 2:
        return t[:-1]
    return t


def district_written(r, dk, e=None):
    """(text, needs_city)"""
    d = G.D[dk]
    opts = [((d["name"], not d["alone"]), 60)]
    if d["abbr"]:
        opts.append(((d["abbr"], not d["alone"]), 16))
    if e is not None and e.get("zone"):
        opts.append((e["zone"], 14))
    if e is not None and e.get("old_ok") and G.OLD_NAMES.get(dk):
        on = r.choice(G.OLD_NAMES[dk])
        if not (on[0] == "邢台县"):
            opts.append((on, 16))
    if d["typo"]:
        opts.append(((d["typo"][0], True), 2))
    return wchoice(r, opts)


def prefix_text(r, dk, e=None, doubled_ok=False):
    d = G.D[dk]
    c = G.CITIES[d["city"]]
    dist, needs_city = district_written(r, dk, e)
    old = dist in [o for o, _ in G.OLD_NAMES.get(dk, [])]
    cityname = c["name"]
    if old and d["city"] in G.OLD_CITY_NAMES and r.random() < 0.4:
        cityname = G.OLD_CITY_NAMES[d["city"]]
    if c["typos"] and r.random() < 0.02:
        cityname = c["typos"][0]
    cshort = cityname[:-1]
    forms = [(c["prov"] + cityname + dist, 28), (cityname + dist, 22), (c["sprov"] + cshort + dist, 8), (cshort + dist, 12),
             (c["prov"] + " " + cityname + " " + dist + " ", 8), (cityname, 4), ("", 6)]
    if not needs_city:
        forms.append((dist, 12))
    s = wchoice(r, forms)
    if s == "" or s == cityname:
        if dist in ("松山新区",) or needs_city is False and r.random() < 0.5:
            s = s + dist
    if doubled_ok and r.random() < 0.02:            # habit: region picker + typed again
        full = c["prov"] + c["name"] + d["name"]
        s = full + wchoice(r, [("", 2), (" ", 2)]) + full
    return s


def num(r, n):
    return cn_num(n) if r.random() < 0.03 else str(n)


def road_no(r, e):
    if e.get("old_rn") and r.random() < 0.7:
        return wchoice(r, [("%s%d号（原%d号）" % (e["road"], e["rn"], e["old_rn"]), 45), ("%s%d号(原%d号)" % (e["road"], e["rn"], e["old_rn"]), 15),
                           ("%s%d号（老%d号）" % (e["road"], e["rn"], e["old_rn"]), 15), ("%s%d号" % (e["road"], e["old_rn"]), 25)])
    return "%s%d号" % (e["road"], e["rn"])


def estate_text(r, e):
    nm = e["name"]
    x = r.random()
    if nm.endswith("小区") and r.random() < 0.3:
        nm = nm[:-2]
    if x < 0.35:
        return road_no(r, e) + nm
    if x < 0.45:
        return e["road"] + nm
    if x < 0.5:
        return road_no(r, e) + "（" + nm + "）"
    return nm


def flat_door_text(r, city, b, u, room):
    fl, dn = divmod(room, 100)
    if city in ("jz", "xt", "ha"):
        opts = [("%d号楼%d单元%d" % (b, u, room), 30), ("%d-%d-%d" % (b, u, room), 20), ("%d号楼%d单元%d室" % (b, u, room), 15),
                ("%d#%d单元%d" % (b, u, room), 8), ("%d号%d单元%d" % (b, u, room), 6)]
        if city == "jz":
            opts += [("%d号楼%d单元%d楼%d号" % (b, u, fl, dn), 12), ("%d号楼%d门%d" % (b, u, room), 6)]
        elif city == "ha":
            opts += [("%d幢%d单元%d室" % (b, u, room), 10), ("%d号楼%d单元%d层%d" % (b, u, fl, room), 6)]
        else:
            opts += [("%d号楼%d单元%d楼%d" % (b, u, fl, room), 8), ("%d栋%d单元%d" % (b, u, room), 6)]
        return wchoice(r, opts)
    if city == "yz":
        return wchoice(r, [("%d栋%d单元%d" % (b, u, room), 30), ("%d-%d-%d" % (b, u, room), 20), ("%d栋%d单元%d室" % (b, u, room), 15),
                           ("%d栋%d单元%d房" % (b, u, room), 10), ("%d号楼%d单元%d" % (b, u, room), 8), ("%d栋%d单元%d楼%d号" % (b, u, fl, dn), 8),
                           ("%s栋%s单元%s" % (cn_num(b), cn_num(u), "".join(CN[int(c)] for c in str(room))), 3)])
    return wchoice(r, [("%d幢%d单元%d" % (b, u, room), 30), ("%d-%d-%d" % (b, u, room), 20), ("%d幢%d单元%d室" % (b, u, room), 15),
                       ("%d栋%d单元%d室" % (b, u, room), 12), ("%d号楼%d单元%d" % (b, u, room), 8), ("%d幢%d单元%d号" % (b, u, room), 8)])


def village_text(r, city, p, with_town=True):
    t = town_text(r, p["town"]) if with_town and r.random() < 0.85 else ""
    v, n = p["vil"], p["n"]
    if city == "xt":
        s = wchoice(r, [("%s村%s%d号" % (v, p["street"], n), 40), ("%s村%s%d" % (v, p["street"], n), 12), ("%s%s%d号" % (v, p["street"], n), 12),
                        ("%s村%d号" % (v, n), 14), ("%s村%s" % (v, p["street"]), 6), ("%s村委会%s%d号" % (v, p["street"], n), 8),
                        ("%s村%s%s号" % (v, p["street"], cn_num(n)), 8)])
    elif city == "yx":
        nat = p["nat"]
        s = wchoice(r, [("%s村委会%s村民小组%d号" % (v, nat, n), 28), ("%s村委会%s村%d号" % (v, nat, n), 16), ("%s村%s组%d号" % (v, nat, n), 12),
                        ("%s村%s小组%d号" % (v, nat, n), 10), ("%s%s%d号" % (v, nat, n), 10), ("%s村%d号" % (nat, n), 8),
                        ("%s社区%s村民小组%d号" % (v, nat, n), 8), ("%s村委会%s村民小组" % (v, nat), 8)])
    else:
        g = p["g"]
        s = wchoice(r, [("%s村%d组%d号" % (v, g, n), 40), ("%s村%s组%d号" % (v, cn_num(g), n), 14), ("%s%d组%d号" % (v, g, n), 10),
                        ("%s村%d组" % (v, g), 8), ("%s村%d队%d号" % (v, g, n), 6), ("%s村委会%d组%d号" % (v, g, n), 8),
                        ("%s村%d小组%d号" % (v, g, n), 8), ("%s村%d组%d" % (v, g, n), 6)])
    return t + s


def work_body(r, p):
    k = p["kind"]
    if k == "stall":
        z, n = p["zone"], p["n"]
        st = wchoice(r, [("%s区%d号" % (z, n), 30), ("%s%d" % (z, n), 15), ("%s-%d" % (z, n), 10), ("%s区%d号商铺" % (z, n), 10),
                         ("%s区%d号摊位" % (z, n), 10), ("%s区%d号门面" % (z, n), 10), ("%s%03d号" % (z, n), 8)])
        return (("%s%d号" % (p["road"], p["rn"])) if r.random() < 0.4 else "") + p["market"] + st
    if k == "office":
        rm = p["room"]
        st = wchoice(r, [("%d室" % rm, 35), ("%d" % rm, 20), ("%d楼%d" % (rm // 100, rm), 15), ("%d层%d室" % (rm // 100, rm), 15), ("%d号" % rm, 10)])
        return (("%s%d号" % (p["road"], p["rn"])) if r.random() < 0.5 else "") + p["tower"] + st
    if k == "dishang":       # habit: shops on the ground floor of a residential block
        e, b, nm = p["estate"], p["b"], p["name"]
        return estate_text(r, e) + wchoice(r, [("%d号楼底商%s" % (b, nm), 35), ("%d号楼下门市%s" % (b, nm), 15), ("%d号楼一楼门市（%s）" % (b, nm), 12),
                                               ("%d#底商%s" % (b, nm), 10), ("%d号楼底商" % b, 10), ("%s（%d号楼底商）" % (nm, b), 18)])
    if k == "shop":
        return wchoice(r, [("%s%d号%s" % (p["road"], p["rn"], p["name"]), 55), ("%s%d号" % (p["road"], p["rn"]), 15), ("%s（%s%d号）" % (p["name"], p["road"], p["rn"]), 15),
                           ("%s%d号门面%s" % (p["road"], p["rn"], p["name"]), 15)])
    suf = wchoice(r, [("", 40), ("门卫", 20), ("传达室", 15), ("仓库", 10), ("门卫室", 15)])
    return wchoice(r, [("%s%d号%s" % (p["road"], p["rn"], p["name"]), 60), (p["name"], 25), ("%s%s" % (p["road"], p["name"]), 15)]) + suf


def body_text(r, p):
    k = p["kind"]
    c = cityof(p)
    if k == "flat":
        return estate_text(r, p["estate"]) + flat_door_text(r, c, p["b"], p["u"], p["room"])
    if k == "garage":       # habit: people living in a garage under a block
        b, n = p["b"], p["n"]
        return estate_text(r, p["estate"]) + wchoice(r, [("%d号楼车库%d号" % (b, n), 30), ("%d号楼下车库%d号" % (b, n), 20), ("%d#车库%d" % (b, n), 12),
                                                        ("%d号楼%d号车库" % (b, n), 18), ("车库%d-%d" % (b, n), 10), ("%d号楼车库%d" % (b, n), 10)])
    if k == "juwei":        # habit: 居委 written 委 with its 组 (old 东北 form)
        jw, g, n = p["jw"], p["g"], p["n"]
        return wchoice(r, [("%s委%d组%d号" % (jw, g, n), 30), ("%s居委%d组%d号" % (jw, g, n), 14), ("%s居委会%d组%d号" % (jw, g, n), 12),
                           ("%s社区居委会%d组%d号" % (jw, g, n), 8), ("%s社区%d组%d号" % (jw, g, n), 16), ("%s%d组%d号" % (jw, g, n), 10),
                           ("%s委%d号" % (jw, n), 10)])
    if k == "village":
        return village_text(r, c, p)
    return work_body(r, p)


def typo_district(s, dk):
    d = G.D[dk]
    if d["typo"] and d["name"] in s:
        return s.replace(d["name"], d["typo"][0], 1)
    return s


def address_text(r, p, remark=True, doubled_ok=False):
    k = p["kind"]
    if k == "pickup":
        return pickup_text(r, p)
    if k == "hukou":
        return hukou_text(r, p)
    e = p.get("estate")
    pre = prefix_text(r, p["dk"], e, doubled_ok)
    body = body_text(r, p)
    if k in ("village",) and pre == "":
        pre = G.D[p["dk"]]["name"]
    if r.random() < 0.05 and G.LANDMARKS.get(p["dk"]) and k in ("flat", "juwei", "garage", "shop", "dishang"):
        body = r.choice(G.LANDMARKS[p["dk"]]) + r.choice(["旁", "附近", "对面"]) + body
    s = pre + body
    if r.random() < 0.03:
        s = s.translate(FW)
    if remark and r.random() < 0.04:
        s += r.choice(G.REMARKS)
    return s


def pickup_text(r, p):
    at, br = p["at"], p["brand"]
    if at["kind"] in ("flat", "garage"):
        nm = at["estate"]["name"]
    elif at["kind"] == "juwei":
        nm = at["jw"] + "社区"
    elif at["kind"] == "village":
        nm = at["vil"] + ("村委会" if cityof(at) == "yx" else "村")
    else:
        nm = at.get("name", "")
    dk = at["dk"]
    pre = prefix_text(r, dk, at.get("estate"))
    form = wchoice(r, [("%s%s", 35), ("%s北门%s", 12), ("%s门口%s", 10), ("%s（%s）", 15), ("%s·%s店", 12), ("%s南门口旁边%s", 8), ("%s东门%s", 8)])
    if form == "%s（%s）":
        return pre + "%s（%s）" % (br, nm)
    if form == "%s·%s店":
        return pre + "%s·%s店" % (br, nm)
    return pre + form % (nm, br)


def hukou_text(r, p):
    prov, city, county, _ = G.HUKOU[p["code"]]
    cty = G.COUNTY_SHORT.get(county, county) if r.random() < 0.3 else county
    pre = wchoice(r, [(prov + city + cty, 45), (city + cty, 20), (cty, 15), (prov[:-1] + city[:-1] + cty, 10), (prov + " " + city + " " + cty + " ", 10)])
    return pre + village_text(r, cityof(p), p)


# ====================================================================== names, phones, masks
def mask_name(r, name):
    if len(name) >= 3 and r.random() < 0.5:
        return name[0] + "*" + name[-1]
    return name[0] + "*" * (1 if len(name) == 2 else 2)


def mask_id(r, idn):
    if r.random() < 0.75:
        return idn[:6] + "*" * 8 + idn[-4:]
    return idn[:2] + "*" * 14 + idn[-2:]


def mask_phone(ph):
    return ph[:3] + "****" + ph[-4:]


def phone_typed(r, ph):
    if "-" in ph:
        return ph
    return wchoice(r, [(ph, 55), ("+86" + ph, 8), ("+86 " + ph, 5), ("%s %s %s" % (ph[:3], ph[3:7], ph[7:]), 6),
                       ("%s-%s-%s" % (ph[:3], ph[3:7], ph[7:]), 6), (mask_phone(ph), 20)])


_PY = {}


def pinyin(name):
    if name not in _PY:
        from pypinyin import lazy_pinyin
        _PY[name] = lazy_pinyin(name)
    return _PY[name]


def pinyin_text(r, name):
    py = pinyin(name)
    s, g = py[0], "".join(py[1:])
    return wchoice(r, [(s.capitalize() + " " + g.capitalize(), 30), (s + g, 20), (s.upper() + " " + g.capitalize(), 15),
                       (g.capitalize() + " " + s.capitalize(), 20), (s + " " + g, 15)])


def name_typed(r, p, city):
    nm = p["name"]
    s, g = nm[0], nm[1:]
    title = "先生" if p.get("gender") == "M" else r.choice(["女士", "女士", "小姐"])
    f = wchoice(r, [("full", 50), ("title", 13), ("mask", 8), ("given", 4), ("nick", 7), ("pinyin", 4), ("placeholder", 3),
                    ("suffix", 6), ("space", 3), ("emoji", 2)])
    if f == "full":
        return nm, f
    if f == "title":
        return s + title, f
    if f == "mask":
        return s + "**", f
    if f == "given":
        return (g if len(g) > 1 else nm), f
    if f == "nick":
        return r.choice(G.NICK[city]).format(s=s, g1=g[-1]), f
    if f == "pinyin":
        return pinyin_text(r, nm), f
    if f == "placeholder":
        return r.choice(["本人", "家人", "户主", "收件人", "亲", "自取"]), f
    if f == "suffix":
        return nm + r.choice(["收", "(本人)", "/代收", "亲收", "（本人收）"]), f
    if f == "space":
        return s + r.choice([" ", "　"]) + g, f
    return nm + r.choice(G.EMOJI), f


# ====================================================================== the world
class World:
    def __init__(self, seed, k):
        self.rng = random.Random(seed * 1000003 + 17)
        self.k = k
        self.people, self.by, self.debtors = [], {}, []
        self.used_phones, self.used_ids = set(), set()
        self.households = 0

    def new(self, **kw):
        p = dict(pid=len(self.people) + 1, kind="person", flags=[], phones=[], accounts={}, parents=[], children=[], present=True,
                 home=None, work=None, household=None)
        p.update(kw)
        self.people.append(p)
        self.by[p["pid"]] = p
        return p

    def phone(self):
        r = self.rng
        while True:
            ph = r.choice(["13", "13", "15", "18", "17", "19", "16"]) + str(r.randint(0, 9)) + "".join(r.choice("0123456789") for _ in range(8))
            if ph not in self.used_phones:
                self.used_phones.add(ph)
                return ph

    def landline(self, city):
        c = G.CITIES[city]
        r = self.rng
        while True:
            ph = c["area"] + "-" + str(r.randint(2, 8)) + "".join(r.choice("0123456789") for _ in range(c["ll"] - 1))
            if ph not in self.used_phones:
                self.used_phones.add(ph)
                return ph

    def idn(self, code, birth, male):
        r = self.rng
        while True:
            seq = r.randint(0, 99) * 10 + r.choice([1, 3, 5, 7, 9] if male else [0, 2, 4, 6, 8])
            s17 = code + birth.strftime("%Y%m%d") + "%03d" % seq
            s = s17 + id_check(s17)
            if s not in self.used_ids:
                self.used_ids.add(s)
                return s

    def name(self, city, male):
        r = self.rng
        if r.random() < 0.3:
            s = r.choice(G.LOCAL_SURNAMES[city])
        else:
            s = G.SURNAMES[min(int(r.expovariate(0.05)), len(G.SURNAMES) - 1)]
        g = r.choice(G.GIVEN_M if male else G.GIVEN_F)
        if r.random() < 0.006:
            g = r.choice(G.RARE_GIVEN) + (r.choice("明华文宇") if r.random() < 0.5 else "")
        return s + g


def birth_code(r, city, dk_now, birth):
    if r.random() < 0.4:
        code = r.choice(G.HUKOU_OF_CITY[city])
    else:
        code = G.D[dk_now]["code"] if r.random() < 0.7 else G.D[wchoice(r, G.DW[city])]["code"]
    olds = [o for o in G.OLD_CODES.get(code, []) if o[1] <= birth.year < o[2]]
    if olds and r.random() < 0.75:
        return code, r.choice(olds)[0]
    return code, code


def hukou_place(r, geo, code, city):
    if code in G.HUKOU:
        _, _, _, towns = G.HUKOU[code]
        return village_place(r, dict(kind="hukou", code=code, town=r.choice(towns), vil=r.choice(G.VIL_A) + r.choice(G.VIL_B)), city)
    dk = next(k for k, d in G.D.items() if d["code"] == code)
    if G.D[dk]["towns"] and r.random() < 0.5:
        return geo.home(r, city, dk, "village")
    return geo.home(r, city, dk, "flat")


def person(W, geo, role, city, age=None, male=None, home=None, name=None, **kw):
    r = W.rng
    male = r.random() < 0.55 if male is None else male
    age = age if age is not None else r.randint(22, 68)
    birth = dt.date(ASOF.year - age, 1, 1) + dt.timedelta(days=r.randint(0, 364))
    home = home or geo.home(r, city)
    dk_now = home.get("dk") or wchoice(r, G.DW[city])
    code_now, code = birth_code(r, city, dk_now, birth)
    p = W.new(role=role, city=city, name=name or W.name(city, male), gender="M" if male else "F", birth=birth,
              id_number=W.idn(code, birth, male), home=home, **kw)
    p["id_code_now"] = code_now
    p["hukou_home"] = hukou_place(r, geo, code_now, city)
    p["phones"] = [W.phone()]
    return p


def age_of(p):
    return ASOF.year - p["birth"].year


def build_world(W, geo):
    r = W.rng
    K = W.k
    n_org = int(K * 0.07)
    for i in range(K - n_org):
        city = wchoice(r, G.CITY_W)
        d = person(W, geo, "debtor", city)
        W.households += 1
        d["household"] = W.households
        W.debtors.append(d)
    for i in range(n_org):
        city = wchoice(r, G.CITY_W)
        dk = wchoice(r, G.DW[city])
        kind = "co" if r.random() < 0.6 else "gt"
        nm = G.CITIES[city]["short"] + r.choice(G.FIRM_MID) + (r.choice(["贸易有限公司", "建材有限公司", "商贸有限公司", "餐饮管理有限公司"]) if kind == "co"
                                                               else r.choice(["商行", "五金店", "烧烤店", "米线店", "农资店"]))
        o = W.new(role="debtor", kind="org", city=city, name=nm, id_number=credit_code(r, kind, G.D[dk]["code"]), present=False)
        W.debtors.append(o)
    persons = [d for d in W.debtors if d["kind"] == "person"]
    # a few debtors carry crowd names
    for d in persons:
        if r.random() < 0.03:
            d["name"] = G.CROWD[min(int(r.expovariate(0.3)), len(G.CROWD) - 1)]
    # households
    for d in persons:
        if age_of(d) >= 25 and r.random() < 0.62:
            sp = person(W, geo, "spouse", d["city"], age=max(22, age_of(d) + r.randint(-4, 4)), male=d["gender"] != "M", home=d["home"])
            sp["household"] = d["household"]
            sp["spouse"], d["spouse"] = d["pid"], sp["pid"]
        if age_of(d) >= 46 and r.random() < 0.45:
            at_home = r.random() < 0.5
            ch = person(W, geo, "child", d["city"], age=r.randint(20, age_of(d) - 22), home=d["home"] if at_home else None)
            ch["name"] = d["name"][0] + ch["name"][1:]
            ch["household"] = d["household"] if at_home else None
            d["children"].append(ch["pid"])
            ch["parents"] = [d["pid"]]
        hk = d["hukou_home"]
        if hk["kind"] == "hukou" and age_of(d) < 55 and r.random() < 0.4:
            for male in ([True, False] if r.random() < 0.6 else [r.random() < 0.5]):
                pa_ = person(W, geo, "parent", d["city"], age=age_of(d) + r.randint(22, 32), male=male, home=hk)
                if male:
                    pa_["name"] = d["name"][0] + pa_["name"][1:]
                pa_["present"] = True
                d["parents"].append(pa_["pid"])
    # workplaces and landlines
    for p in list(W.people):
        if p["kind"] != "person" or p["role"] == "parent":
            continue
        if 21 <= age_of(p) <= 60 and r.random() < 0.6:
            p["work"] = geo.work(r, p["city"])
            if r.random() < 0.6:
                p["landline"] = W.landline(p["city"])
    # colleagues share a stall/shop sometimes: skip; moves (whole households)
    hh = {}
    for p in W.people:
        if p["kind"] == "person" and p.get("household"):
            hh.setdefault(p["household"], []).append(p)
    for hid in sorted(hh):
        mem = hh[hid]
        if r.random() >= 0.2:
            continue
        d0 = mem[0]
        md = rand_date(r, ASOF - dt.timedelta(days=45), ASOF - dt.timedelta(days=3)) if r.random() < 0.3 else rand_date(r, START + dt.timedelta(days=20), ASOF - dt.timedelta(days=46))
        city = d0["city"] if r.random() < 0.86 else r.choice([c for c in G.CITIES if c != d0["city"]])
        new = geo.home(r, city)
        old = d0["home"]
        for p in mem:
            if p["home"] is old:
                p["old_home"], p["home"], p["move_date"] = old, new, md
                if city != p["city"]:
                    p["flags"].append("moved_city")
    # job changes, phone changes, recycling
    recycle = []
    for p in list(W.people):
        if p["kind"] != "person":
            continue
        if p.get("work") and r.random() < 0.15:
            p["old_work"], p["work"] = p["work"], geo.work(r, p["city"])
            p["job_change"] = rand_date(r, START + dt.timedelta(days=30), ASOF - dt.timedelta(days=10))
        if p["role"] in ("debtor", "spouse", "child") and r.random() < 0.3:
            p["old_phone"] = p["phones"][0]
            p["phones"] = [W.phone()]
            p["phone_change"] = rand_date(r, START + dt.timedelta(days=15), ASOF - dt.timedelta(days=8))
            if (ASOF - p["phone_change"]).days > 120 and r.random() < 0.35:
                recycle.append(p)
    for p in recycle:
        d = p["phone_change"] + dt.timedelta(days=r.randint(60, 110))
        if d >= ASOF - dt.timedelta(days=5):
            continue
        s = person(W, geo, "stranger", p["city"])
        W.used_phones.discard(s["phones"][0])
        s["phones"] = [p["old_phone"]]
        s["phone_from"] = d
        s["flags"].append("recycled_number")
    # absent debtors and namesakes
    for d in persons:
        if r.random() < 0.1:
            d["present"] = False
            d["flags"].append("absent")
        if r.random() < (0.45 if not d["present"] else 0.2):
            x = r.random()
            if x < 0.12 and d["home"]["kind"] == "flat":
                home = geo.flat_in(r, d["home"]["estate"])
            elif x < 0.55:
                dk = d["home"].get("dk") or wchoice(r, G.DW[d["city"]])
                home = geo.home(r, G.D[dk]["city"], dk)
            elif x < 0.75:
                home = geo.home(r, d["city"])
            else:
                home = geo.home(r, wchoice(r, G.CITY_W))
            age = age_of(d) + r.randint(-1, 1) if r.random() < 0.35 else None
            ns = person(W, geo, "namesake", cityof(home), age=age, male=d["gender"] == "M", home=home, name=d["name"])
            if r.random() < 0.3:
                W.used_ids.discard(ns["id_number"])
                ns["id_number"] = W.idn(d["id_number"][:6], ns["birth"], d["gender"] == "M")
            ns["namesake_of"] = d["pid"]
    # crowd of common names, neighbours, strangers
    for i in range(int(K * 0.23)):
        city = wchoice(r, G.CITY_W)
        nm = G.CROWD[min(int(r.expovariate(0.3)), len(G.CROWD) - 1)]
        person(W, geo, "stranger", city, name=nm, male=nm[-1] in "华伟强磊军")["flags"].append("crowd")
    for d in persons:
        if d["home"]["kind"] == "flat" and r.random() < 0.3:
            e = d["home"]["estate"]
            h = geo.flat_in(r, e)
            if r.random() < 0.4:
                h["b"] = d["home"]["b"]
            person(W, geo, "neighbour", cityof(h), home=h)
    for i in range(int(K * 0.4)):
        person(W, geo, "stranger", wchoice(r, G.CITY_W))
    for i in range(30):
        person(W, geo, "dirt", wchoice(r, G.CITY_W))
    # spouse's account
    for d in persons:
        if d["present"] and d.get("spouse") and r.random() < 0.24:
            d["flags"].append("uses_spouse_account")
            if r.random() < 0.55:
                d["flags"].append("no_own_account")


# ====================================================================== cases
JUDGES = "周王张刘孙于贾郭何陈李杨佟蒋"


def court_of(r, p):
    city = p["city"]
    if r.random() < 0.1:
        return G.INTER[city][1], G.INTER[city][0], city
    h = p.get("hukou_home") if p["kind"] == "person" and r.random() < 0.15 else None
    if h is not None and h["kind"] == "hukou":
        prov, cname, county, _ = G.HUKOU[h["code"]]
        return county + "人民法院", G.PROV_ABBR[city] + h["code"][2:], city
    home = p.get("home") if p["kind"] == "person" else None
    dk = home["dk"] if home and home.get("dk") and G.D[home["dk"]]["city"] == city else wchoice(r, G.DW[city])
    d = G.D[dk]
    nm = d["name"] + "人民法院" if d["name"][-1] in "市县" else G.CITIES[city]["name"] + d["name"] + "人民法院"
    return nm, G.PROV_ABBR[city] + d["code"][2:], city


def build_cases(W):
    r = random.Random(W.rng.random())
    cases, seqs = [], {}
    for d in list(W.debtors):
        n = 1 if d["kind"] == "org" else wchoice(r, [(1, 75), (2, 20), (3, 5)])
        for i in range(n):
            court, code, city = court_of(r, d)
            year = r.choice([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2025, 2026, 2026])
            seqs[(code, year)] = seqs.get((code, year), r.randint(30, 400)) + r.randint(1, 9)
            kind = "执恢" if r.random() < 0.05 else "执"
            case_no = "(%d)%s%s%d号" % (year, code, kind, seqs[(code, year)])
            fil = rand_date(r, max(dt.date(2018, 6, 1), dt.date(year, 1, 1)), min(dt.date(year, 12, 31), ASOF - dt.timedelta(days=10)))
            st = wchoice(r, [("执行中", 55), ("终本", 33), ("执行完毕", 12)])
            c = dict(case_no=case_no, court=court, pid=d["pid"], id_number=d["id_number"].upper(), name=d["name"], kind=d["kind"], status=st,
                     restrict=r.random() < 0.7, blacklist=r.random() < 0.4, filing=fil,
                     amount=round(r.choice([r.uniform(2000, 50000), r.uniform(5000, 300000), float(r.randint(1, 90) * 1000)]), 2),
                     judge=r.choice(JUDGES) + r.choice(G.GIVEN_M + G.GIVEN_F), roster=G.ROSTER_OF[city], co_debtor=False, city=city)
            cases.append(c)
            sp = W.by.get(d.get("spouse")) if d["kind"] == "person" else None
            if sp is not None and i == 0 and r.random() < 0.03:
                sp["role"] = "debtor"
                W.debtors.append(sp)
                c2 = dict(c, pid=sp["pid"], id_number=sp["id_number"].upper(), name=sp["name"], co_debtor=True)
                cases.append(c2)
    return cases


def roster_phones(r, p):
    if p.get("old_phone"):
        x = wchoice(r, [("old", 52), ("both", 24), ("none", 16), ("new", 8)])
        ph = {"old": [p["old_phone"]], "both": [p["old_phone"], p["phones"][0]], "none": [], "new": [p["phones"][0]]}[x]
    else:
        x = wchoice(r, [("cur", 44), ("none", 22), ("dead", 29), ("both", 5)])
        dead = "1" + r.choice("3589") + "".join(r.choice("0123456789") for _ in range(9))
        ph = {"cur": [p["phones"][0]], "none": [], "dead": [dead], "both": [dead, p["phones"][0]]}[x]
    if p.get("landline") and r.random() < 0.15:
        ph = ph + [p["landline"]]
    return ph


# ====================================================================== activity
def blank_rec(**kw):
    x = dict(file=None, line=None, source=None, platform=None, record_key=None, holder=None, recipient=None, receiver=None, sender=None,
             dest_kind=None, dest_canonical=None, delivered=False, door=False, dirty=False, dirt=None, ambiguous=False, dup_of=None,
             category=None, amount=None, ordered_at=None, order_id=None, name_form=None, sender_kind=None, sender_canonical=None,
             raw_address=None)
    x.update(kw)
    return x


def active_from(p):
    return max(START, p.get("phone_from") or START)


def home_at(p, d):
    if p.get("move_date") and d < p["move_date"]:
        return p["old_home"]
    return p["home"]


def work_at(p, d):
    if p.get("job_change") and d < p["job_change"]:
        return p["old_work"]
    return p.get("work")


def phone_at(p, d):
    if p.get("phone_change") and d < p["phone_change"]:
        return p["old_phone"]
    return p["phones"][0]


def pick_brand(place):
    s = place_base(place)
    return G.PICKUP_BRANDS[sum(ord(c) * (i + 1) for i, c in enumerate(s)) % len(G.PICKUP_BRANDS)]


class Gen:
    def __init__(self, W, geo):
        self.W, self.geo, self.r = W, geo, random.Random(W.rng.random())
        self.orders, self.waybills, self.socials = [], [], []
        self.ids = {"xinghuo": 0, "linli": 0, "tuzhi": 0}

    def account(self, p, plat):
        a = p["accounts"].get(plat)
        if a is None:
            r = self.r
            self.ids[plat] += 1
            a = dict(plat=plat, uid={"xinghuo": "xh", "linli": "LL", "tuzhi": "tz"}[plat] + "%07d" % (self.ids[plat] * 37 + r.randint(0, 30)),
                     owner=p["pid"], x_lower=r.random() < 0.3, bind_masked=r.random() < (0.3 if plat == "xinghuo" else 0.8))
            name_full = r.random() < (0.65 if plat == "xinghuo" else 0.2)
            a["real_name"] = p["name"] if name_full else mask_name(r, p["name"])
            x = r.random()
            if plat == "xinghuo":
                a["id_form"] = "full" if x < 0.3 else "mask" if x < 0.8 else "empty"
            else:
                a["id_form"] = "empty" if x < 0.6 else "mask" if x < 0.9 else "full"
            p["accounts"][plat] = a
        return a

    def order(self, a, holder, rcpt, dest_kind, dest, t, category=None, amount=None, virtual=False, typed_name=None):
        r = self.r
        city = holder["city"] if dest is None else cityof(dest)
        if virtual:
            addr = r.choice(["电子票据", "无需配送（虚拟商品）", "短信取票", "电子客票"])
            sign = None
        else:
            addr = address_text(r, dest, doubled_ok=True)
            sign = t + dt.timedelta(hours=r.randint(20, 110), minutes=r.randint(0, 59))
            if r.random() < 0.02:
                sign = None                 # not delivered (lost / refunded)
        if typed_name is None:
            typed_name = name_typed(r, rcpt, city) if rcpt is not None else (self.W.name(city, r.random() < 0.5), "other")
        ph = phone_at(rcpt, t.date()) if rcpt is not None else self.W.phone()
        if dest_kind == "work" and rcpt is not None and rcpt.get("landline") and r.random() < 0.3:
            ph = rcpt["landline"]
        o = dict(plat=a["plat"], acct=a, holder=holder["pid"], recipient=rcpt["pid"] if rcpt is not None else None, dest_kind=dest_kind, dest=dest,
                 t=t, sign=sign, addr=addr, rname=typed_name[0], name_form=typed_name[1], rphone=phone_typed(r, ph), bphone=phone_at(holder, t.date()),
                 category=category or r.choice(G.GOODS + G.LOCAL_GOODS[city]), amount=amount if amount is not None else round(r.uniform(5, 600), 2),
                 virtual=virtual, rcpt_p=rcpt)
        self.orders.append(o)
        return o

    def dest_for(self, p, d):
        r = self.r
        w = work_at(p, d)
        kind = wchoice(r, [("home", 70), ("work", 16 if w else 0), ("pickup", 10), ("other", 4)])
        if kind == "home":
            return "home", home_at(p, d)
        if kind == "work":
            return "work", w
        if kind == "pickup":
            h = home_at(p, d)
            if h["kind"] == "hukou":
                return "home", h
            return "pickup", dict(kind="pickup", at=h, brand=pick_brand(h) if r.random() < 0.85 else r.choice(G.PICKUP_BRANDS))
        return "other", None

    def person_orders(self, p):
        r = self.r
        a0 = active_from(p)
        span = (ASOF - a0).days
        if span <= 0:
            return
        rate = {"debtor": 1.0, "spouse": 0.8, "child": 0.9, "namesake": 0.6, "neighbour": 0.5, "stranger": 0.4}.get(p["role"], 0.4)
        for plat, base in (("xinghuo", 26), ("linli", 14)):
            if r.random() > (0.85 if plat == "xinghuo" else 0.45):
                continue
            a = self.account(p, plat)
            n = max(1, int(r.gauss(base * rate, base * rate * 0.4) * span / 365))
            for _ in range(n):
                d = rand_date(r, a0, ASOF - dt.timedelta(days=1))
                kind, dest = self.dest_for(p, d)
                rc = p
                if kind == "other":
                    fam = [self.W.by[x] for x in (p["parents"] + p["children"]) if self.W.by[x].get("home") and self.W.by[x]["present"]]
                    if fam:
                        rc = r.choice(fam)
                        dest = home_at(rc, d)
                    else:
                        kind, dest = "home", home_at(p, d)
                elif kind == "home" and p.get("spouse") and r.random() < 0.15:
                    sp = self.W.by[p["spouse"]]
                    if sp.get("home") is p.get("home") and sp["present"]:
                        rc = sp
                self.order(a, p, rc, kind, dest, rtime(r, d, "work" if kind == "work" else "home"))

    def spouse_account_orders(self, d):
        r = self.r
        sp = self.W.by[d["spouse"]]
        a = self.account(sp, "xinghuo")
        for _ in range(r.randint(5, 16)):
            day = rand_date(r, active_from(d), ASOF - dt.timedelta(days=1))
            kind, dest = self.dest_for(d, day)
            if kind == "other":
                kind, dest = "home", home_at(d, day)
            self.order(a, sp, d, kind, dest, rtime(r, day, "work" if kind == "work" else "home"))

    def virtual(self, p, cats, n, lo, hi, via=None, after=None):
        r = self.r
        holder = via or p
        a = self.account(holder, "tuzhi")
        out = []
        for _ in range(n):
            d = rand_date(r, max(active_from(p), after or START), ASOF - dt.timedelta(days=1))
            out.append(self.order(a, holder, p, "virtual", None, rtime(r, d, "home"), category=r.choice(cats), amount=round(r.uniform(lo, hi), 2),
                                  virtual=True, typed_name=(p["name"], "full")))
        return out

    def restricted(self, d, cases):
        r = self.r
        mine = [c for c in cases if c["pid"] == d["pid"] and c["status"] != "执行完毕" and c["restrict"]]
        after = min(c["filing"] for c in mine) if mine and r.random() > 0.15 else None
        via = self.W.by[d["spouse"]] if d.get("spouse") and "uses_spouse_account" in d["flags"] and r.random() < 0.5 else None
        if r.random() < 0.6:
            self.virtual(d, G.RESTRICTED_TRAVEL, r.randint(1, 3), 300, 4000, via=via, after=after)
        else:
            a = self.account(via or d, "xinghuo")
            for _ in range(r.randint(1, 2)):
                day = rand_date(r, max(active_from(d), after or START), ASOF - dt.timedelta(days=1))
                self.order(a, via or d, d, "home", home_at(d, day), rtime(r, day, "home"), category=r.choice(G.RESTRICTED_GOODS),
                           amount=round(r.uniform(3000, 90000), 2))

    def parent_parcels(self, p):
        r = self.r
        for pid in p["parents"][:1]:
            pa_ = self.W.by[pid]
            for _ in range(r.randint(1, 4)):
                d = rand_date(r, START, ASOF - dt.timedelta(days=1))
                dest = home_at(p, d)
                t = rtime(r, d, "home")
                self.waybill(sender=pa_, sname=pa_["name"] if r.random() < 0.7 else mask_name(r, pa_["name"]), sphone=phone_at(pa_, d),
                             saddr=address_text(r, pa_["home"], remark=False), skind="parent", scanon=canon(pa_["home"]),
                             rcv=p, dest_kind="home", dest=dest, t=t)

    def work_shipments(self, p):
        r = self.r
        for _ in range(r.randint(2, 10)):
            d = rand_date(r, active_from(p), ASOF - dt.timedelta(days=1))
            w = work_at(p, d)
            if w is None:
                return
            cust = self.W.by[r.randint(1, len(self.W.people))]
            if cust["kind"] != "person" or cust.get("home") is None or cust["role"] == "dirt" or not cust["present"]:
                continue
            sname = p["name"] if r.random() < 0.5 else (w.get("name") or w.get("market") or p["name"])
            sph = p.get("landline") if p.get("landline") and r.random() < 0.6 else phone_at(p, d)
            self.waybill(sender=p, sname=sname, sphone=sph, saddr=address_text(r, w, remark=False), skind="work", scanon=canon(w),
                         rcv=cust, dest_kind="home", dest=home_at(cust, d), t=rtime(r, d, "work"))

    def waybill(self, sender, sname, sphone, saddr, skind, scanon, rcv, dest_kind, dest, t, order=None, rname=None, rphone=None, raddr=None, name_form=None):
        r = self.r
        if raddr is None:
            raddr = address_text(r, dest)
        if rname is None:
            rname, name_form = name_typed(r, rcv, cityof(dest))
        if rphone is None:
            rphone = phone_typed(r, phone_at(rcv, t.date()))
        sign = t + dt.timedelta(hours=r.randint(18, 100), minutes=r.randint(0, 59))
        if dest_kind == "pickup":
            st = "快递柜" if "柜" in dest["brand"] else "驿站代收"
        elif dest_kind == "work":
            st = wchoice(r, [("本人签收", 60), ("门卫代收", 40)])
        else:
            st = wchoice(r, [("本人签收", 50), ("家人代签", 27), ("门卫代收", 10), ("快递柜", 8), ("驿站代收", 5)])
        self.waybills.append(dict(sender=sender["pid"] if sender else None, sname=sname, sphone=sphone, saddr=saddr, skind=skind, scanon=scanon,
                                  receiver=rcv["pid"] if rcv is not None else None, rname=rname, rphone=rphone, raddr=raddr, t=t, sign=sign, st=st,
                                  dest_kind=dest_kind, dest=dest, order=order, name_form=name_form,
                                  carrier="yunque" if r.random() < 0.6 else "jiean"))

    def waybill_for(self, o):
        r = self.r
        if o["virtual"] or o["sign"] is None or r.random() > 0.42:
            return
        city = cityof(o["dest"]) if o["dest"] else "ha"
        m = r.choice(G.MERCHANTS)
        sname = r.choice(["旗舰店", "专营店", "仓储中心", "发货部"])
        sname = m[0] + r.choice(G.FIRM_MID) + sname
        sph = "400" + "".join(r.choice("0123456789") for _ in range(7)) if r.random() < 0.5 else self.W.phone()
        rcv = o["rcpt_p"]
        rname = o["rname"]
        nf = o["name_form"]
        if nf == "full" and r.random() < 0.5:
            rname, nf = mask_name(r, rname), "mask"
        rphone = o["rphone"]
        if len(rphone) == 11 and rphone.isdigit() and r.random() < 0.5:
            rphone = mask_phone(rphone)
        self.waybill(sender=None, sname=sname, sphone=sph, saddr=m[1] + "%d号" % r.randint(1, 999), skind="merchant", scanon=None,
                     rcv=rcv, dest_kind=o["dest_kind"], dest=o["dest"], t=o["t"] + dt.timedelta(hours=r.randint(2, 30)), order=o,
                     rname=rname, rphone=rphone, raddr=address_text(r, o["dest"]) if r.random() < 0.5 else o["addr"], name_form=nf)
        self.waybills[-1]["sign"] = max(self.waybills[-1]["t"] + dt.timedelta(hours=2), o["sign"])
        if o["dest_kind"] == "other":
            self.waybills[-1]["st"] = wchoice(r, [("本人签收", 60), ("家人代签", 40)])
        if city == "":
            pass

    def social(self, p):
        r = self.r
        for plat, pr in (("chuanmen", 0.7), ("yeliao", 0.4)):
            if r.random() > pr * (1.0 if p["role"] in ("debtor", "spouse", "child") else 0.6):
                continue
            a0 = active_from(p)
            logins, posts = [], []
            for _ in range(r.randint(3, 25)):
                d = rand_date(r, a0, ASOF - dt.timedelta(days=1))
                h = home_at(p, d)
                c = cityof(h) if h else p["city"]
                if r.random() < 0.1:
                    c = r.choice(list(G.CITIES))
                logins.append((rtime(r, d, "home"), c))
            for _ in range(r.randint(0, 8)):
                d = rand_date(r, a0, ASOF - dt.timedelta(days=1))
                x = r.random()
                h = home_at(p, d)
                w = work_at(p, d)
                if x < 0.5 and h["kind"] != "hukou":
                    pl_ = h
                elif x < 0.75 and w:
                    pl_ = w
                else:
                    dk = h.get("dk") or wchoice(r, G.DW[p["city"]])
                    posts.append((rtime(r, d, "home"), G.LANDMARKS[dk][0] if G.LANDMARKS.get(dk) else G.D[dk]["name"], None, dk))
                    continue
                posts.append((rtime(r, d, "home"), None, pl_, None))
            self.socials.append(dict(plat=plat, p=p, uid=("cm_" if plat == "chuanmen" else "YL") + "%08d" % (p["pid"] * 13 + r.randint(0, 12)),
                                     nick=self.nick(p), logins=sorted(logins), posts=sorted(posts, key=lambda z: z[0]),
                                     rn_form=wchoice(r, [("full", 30), ("mask1", 25), ("mask2", 15), ("mou", 15), ("none", 15)]),
                                     id_form=wchoice(r, [("none", 58), ("mask", 32), ("full", 10)]),
                                     ph_form=wchoice(r, [("full", 45), ("mask", 40), ("plus", 10), ("none", 5)])))

    def nick(self, p):
        r = self.r
        c = p["city"]
        return wchoice(r, [(r.choice(["快乐的", "安静的", "追风的", "爱吃的"]) + p["name"][-1], 20), (G.CITIES[c]["short"] + r.choice(["老", "小"]) + p["name"][0], 20),
                           (pinyin(p["name"])[0] + str(r.randint(1, 999)), 20), (r.choice(["云淡风轻", "岁月静好", "知足常乐", "一路向北", "阳光总在"]), 25),
                           (p["name"][1:] + r.choice(["爸爸", "妈妈", "🍊", ""]), 15)])


# ====================================================================== writing the files
def month_days(day, first, last):
    out = []
    y, m = first
    while (y, m) <= last:
        out.append(dt.date(y, m, day))
        m += 1
        if m > 12:
            y, m = y + 1, 1
    return out


def ts_epoch(t, unit, tz):
    if t is None:
        return None
    if tz:
        t = t - dt.timedelta(hours=8)
    s = t - EPOCH
    us = (s.days * 86400 + s.seconds) * 1000000 + s.microseconds
    return {"s": us // 1000000, "ms": us // 1000, "us": us, "ns": us * 1000}[unit]


def minimal_xlsx(rows):
    """a small real .xlsx (the platform's Excel export saved under the .csv name)"""
    buf = io.BytesIO()
    z = zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED)

    def put(name, text):
        zi = zipfile.ZipInfo(name, date_time=(2026, 12, 15, 9, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(zi, text.encode("utf-8"))
    put("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
    put("_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    put("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="订单" sheetId="1" r:id="rId1"/></sheets></workbook>')
    put("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')

    def esc(s):
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    xr = []
    for i, row in enumerate(rows):
        xr.append('<row r="%d">%s</row>' % (i + 1, "".join('<c t="inlineStr"><is><t>%s</t></is></c>' % esc(v) for v in row)))
    put("xl/worksheets/sheet1.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData>%s</sheetData></worksheet>' % "".join(xr))
    z.close()
    return buf.getvalue()


def csv_line(cells, quote, sep=","):
    out = []
    for c in cells:
        c = "" if c is None else str(c)
        if quote == "all":
            q = True
        elif quote == "text":           # habit: text quoted, numbers bare (QUOTE_NONNUMERIC as a spreadsheet tool writes it)
            q = c != "" and not c.replace(".", "", 1).isdigit()
        else:
            q = any(ch in c for ch in (sep, '"', "\n", "\r"))
        out.append('"' + c.replace('"', '""') + '"' if q else c)
    return sep.join(out)


class Out:
    def __init__(self, root, W, g):
        self.root, self.W, self.g = root, W, g
        self.R, self.files = [], {}
        for k in ("debtors", "ecommerce", "social", "logistics"):
            os.makedirs(os.path.join(root, "inbox", k), exist_ok=True)
        self.r = random.Random(W.rng.random())

    def write_csv(self, kind, fn, header, rows, enc, bom, eol, quote, extra=None):
        """rows: list of (cells or raw string, record dict); returns nothing; records get file/line"""
        lines = [csv_line(header, quote)]
        ln = 2
        for cells, rec in rows:
            s = cells if isinstance(cells, str) else csv_line(cells, quote)
            rec["file"], rec["line"] = fn, ln
            ln += s.count("\n") + 1
            lines.append(s)
            self.R.append(rec)
        text = eol.join(lines) + eol
        if extra and extra.get("cut"):
            text = text[:len(text) - len(eol) - extra["cut"]]
        data = text.encode(enc)
        if bom:
            data = b"\xef\xbb\xbf" + data
        with open(os.path.join(self.root, "inbox", kind, fn), "wb") as f:
            f.write(data)
        info = dict(kind=kind, encoding=enc, bom=bom, rows=len(rows), truncated=bool(extra and extra.get("cut")),
                    line_end="crlf" if eol == "\r\n" else "lf", quote_all=quote == "all", quoting=quote)
        if extra:
            info.update({k: v for k, v in extra.items() if k != "cut"})
        self.files[fn] = info
        return data

    # ------------------------------------------------------------------ e-commerce
    def ec_cells(self, o, fdate, plat):
        r = self.r
        a = o["acct"]
        h = self.W.by[a["owner"]]
        idn = h["id_number"]
        if a["x_lower"]:
            idn = idn.lower()
        idv = {"full": idn, "mask": None, "empty": ""}[a["id_form"]]
        if a["id_form"] == "mask":
            if "id_mask" not in a:
                a["id_mask"] = mask_id(r, idn)
            idv = a["id_mask"]
        bp = mask_phone(o["bphone"]) if a["bind_masked"] and "-" not in o["bphone"] else o["bphone"]
        signed = o["sign"] is not None and o["sign"] < day0(fdate)
        amt = o["amount"]
        if plat == "linli" and r.random() < 0.4:
            amts = ("%g" % amt)
        else:
            amts = "%.2f" % amt
        return [o["oid"], a["uid"], a["real_name"], idv, bp, o["rname"], o["rphone"], o["addr"], fmt_t(o["t"]),
                fmt_t(o["sign"]) if signed else "", amts, o["category"]], signed

    def ec_rec(self, o, plat, signed, dup_of=None):
        dest = o["dest"]
        door = signed and o["dest_kind"] in ("home", "work", "other")
        return blank_rec(source="ecommerce", platform=plat, record_key="ec:%s:%s" % (plat, o["oid"]), holder=o["holder"], recipient=o["recipient"],
                         dest_kind=o["dest_kind"], dest_canonical=canon(dest) if dest else None, delivered=signed, door=door, dup_of=dup_of,
                         category=o["category"], amount=o["amount"], ordered_at=o["t"], order_id=o["oid"], name_form=o["name_form"],
                         raw_address=o["addr"])

    def ecommerce(self, dirt):
        r = self.r
        g = self.g
        # ---- xinghuo: monthly on the 20th
        xh_dates = month_days(20, (2026, 5), (2027, 4))
        # ---- linli: every two months on the 15th; the 20261215 file is an .xlsx, the real export came on 20261216
        ll_dates = [dt.date(2026, 6, 15), dt.date(2026, 8, 15), dt.date(2026, 10, 15), dt.date(2026, 12, 16), dt.date(2027, 2, 15), dt.date(2027, 4, 15)]
        tz_dates = [dt.date(2026, 7, 20), dt.date(2026, 10, 20), dt.date(2027, 1, 20), dt.date(2027, 4, 20)]
        sched = {"xinghuo": xh_dates, "linli": ll_dates, "tuzhi": tz_dates}
        byfile = {}
        for o in sorted(g.orders, key=lambda o: o["t"]):
            plat = o["plat"]
            ds = sched[plat]
            fd = next((d for d in ds if o["t"].date() < d), None)
            if fd is None:
                continue
            g.ids[plat] += 1
            if plat == "xinghuo":
                o["oid"] = "%s%05d%06d" % (o["t"].strftime("%y%m%d"), r.randint(0, 99999), g.ids[plat])
            elif plat == "linli":
                o["oid"] = "LL%s%07d" % (o["t"].strftime("%Y%m"), g.ids[plat])
            else:
                o["oid"] = "TZ%09d" % (g.ids[plat] * 7 + 3)
            byfile.setdefault((plat, fd), []).append(o)
        # xinghuo
        for i, fd in enumerate(xh_dates):
            fn = "xinghuo_orders_%s.csv" % D8(fd)
            rows = []
            if i == len(xh_dates) - 1:       # the last file re-sends the last 10 days of the previous one
                prev = xh_dates[i - 1]
                for o in byfile.get(("xinghuo", prev), []):
                    if o["t"].date() >= prev - dt.timedelta(days=10):
                        cells, signed = self.ec_cells(o, fd, "xinghuo")
                        rows.append((cells, self.ec_rec(o, "xinghuo", signed, dup_of="xinghuo_orders_%s.csv" % D8(prev))))
            for o in byfile.get(("xinghuo", fd), []):
                cells, signed = self.ec_cells(o, fd, "xinghuo")
                rows.append((cells, self.ec_rec(o, "xinghuo", signed)))
            rows += dirt.ec_rows(fd, "xinghuo", 6)
            rows.sort(key=lambda z: z[1]["ordered_at"] or dt.datetime(2000, 1, 1))
            extra = {}
            if fd == dt.date(2026, 9, 20):      # cut last line (inside the address cell, mid-record)
                cells, rec = dirt.cut_row(fd, "xinghuo")
                rows.append((cells, rec))
                extra = {"cut": 0}
            data = self.write_csv("ecommerce", fn, EC_COLS, rows, "gb18030", False, "\r\n", "minimal", extra or None)
            if extra:
                # physically cut the final row in the middle of its address
                path = os.path.join(self.root, "inbox", "ecommerce", fn)
                last = data.rfind(b"\r\n", 0, len(data) - 2)
                cut = last + 2 + 60
                with open(path, "wb") as f:
                    f.write(data[:cut])
                self.files[fn]["truncated"] = True
            if fd == dt.date(2026, 12, 20):
                cp = "xinghuo_orders_20261220 - 副本.csv"
                shutil.copyfile(os.path.join(self.root, "inbox", "ecommerce", fn), os.path.join(self.root, "inbox", "ecommerce", cp))
                self.files[cp] = dict(self.files[fn], badname=True, copy_of=fn)
                for x in [x for x in self.R if x["file"] == fn]:
                    self.R.append(dict(x, file=cp, dup_of=fn))
        # linli: columns in spec order, text cells quoted and numbers bare, LF
        for fd in ll_dates:
            fn = "linli_orders_%s.csv" % D8(fd)
            rows = []
            for o in byfile.get(("linli", fd), []):
                cells, signed = self.ec_cells(o, fd, "linli")
                rows.append((cells, self.ec_rec(o, "linli", signed)))
            rows += dirt.ec_rows(fd, "linli", 5)
            rows.sort(key=lambda z: z[1]["ordered_at"] or dt.datetime(2000, 1, 1))
            self.write_csv("ecommerce", fn, EC_COLS, rows, "gb18030", False, "\n", "text")
            if fd == dt.date(2026, 12, 16):
                bad = "linli_orders_20261215.csv"
                data = minimal_xlsx([EC_COLS] + [["（导出失败，请联系客服）"]])
                with open(os.path.join(self.root, "inbox", "ecommerce", bad), "wb") as f:
                    f.write(data)
                self.files[bad] = dict(kind="ecommerce", unreadable=True, not_csv=True, actual="xlsx", replaced_by=fn)
        # tuzhi: travel, LF, minimal quoting, never delivered
        for fd in tz_dates:
            fn = "tuzhi_orders_%s.csv" % D8(fd)
            rows = []
            for o in byfile.get(("tuzhi", fd), []):
                cells, signed = self.ec_cells(o, fd, "tuzhi")
                rows.append((cells, self.ec_rec(o, "tuzhi", signed)))
            rows.sort(key=lambda z: z[1]["ordered_at"])
            self.write_csv("ecommerce", fn, EC_COLS, rows, "gb18030", False, "\n", "minimal")

    # ------------------------------------------------------------------ social
    def soc_obj(self, s, fd, full_all):
        r = self.r
        p = s["p"]
        logins = [(t, c) for t, c in s["logins"] if t < day0(fd)]
        posts = [z for z in s["posts"] if z[0] < day0(fd)]
        if not logins and not posts:
            return None
        plat = s["plat"]
        city = G.CITIES[p["city"]]

        def ts(t):
            if plat == "yeliao" and r.random() < 0.4:
                return t.strftime("%Y-%m-%dT%H:%M:%S+0800")         # ISO 8601 basic offset
            return t.strftime("%Y-%m-%dT%H:%M:%S+08:00")

        def ipr(c):
            cc = G.CITIES[c]
            if plat == "chuanmen" and r.random() < 0.3:
                return "中国 %s %s" % (cc["sprov"], cc["short"])
            return cc["prov"] + cc["name"]
        o = {"uid": s["uid"], "nickname": s["nick"]}
        rn = {"full": p["name"], "mask1": p["name"][0] + "*" + (p["name"][-1] if len(p["name"]) > 2 else ""),
              "mask2": p["name"][0] + "**", "mou": p["name"][0] + "某" + (p["name"][-1] if len(p["name"]) > 2 else ""), "none": None}[s["rn_form"]]
        o["real_name"] = rn
        idn = p["id_number"]
        o["id_no"] = {"none": None, "mask": idn[:6] + "********" + idn[-4:], "full": idn}[s["id_form"]]
        ph = phone_at(p, fd - dt.timedelta(days=1))
        o["phone"] = {"full": ph, "mask": mask_phone(ph), "plus": "+86" + ph, "none": None}[s["ph_form"]]
        o["profile_region"] = ("%s/%s" % (city["prov"], city["name"])) if plat == "chuanmen" else city["short"]
        lg = [{"ts": ts(t), "ip": "%d.%d.%d.%d" % (r.choice([27, 36, 58, 106, 113, 117, 222]), r.randint(0, 255), r.randint(0, 255), r.randint(1, 254)),
               "ip_region": ipr(c)} for t, c in logins]
        if plat == "chuanmen":
            lg = lg[::-1]                  # newest first
        o["logins"] = lg
        gp = []
        for t, poi, place, dk in posts:
            if place is None:
                gp.append({"ts": ts(t), "poi": poi, "address": prefix_canon(dk) + poi})
            else:
                base = place_base(place) if place["kind"] not in ("stall", "office", "shop", "factory", "dishang") else canon(place)
                if place.get("estate"):
                    nm = place["estate"]["name"]
                elif place["kind"] == "juwei":
                    nm = place["jw"] + "社区"
                elif place["kind"] == "village":
                    nm = place["vil"] + "村"
                else:
                    nm = place.get("market") or place.get("tower") or place.get("name")
                gp.append({"ts": ts(t), "poi": nm, "address": address_text(r, place, remark=False) if r.random() < 0.5 else base})
        o["geo_posts"] = gp
        if plat == "yeliao":
            o = {k: v for k, v in sorted(o.items()) if v is not None}
        return o

    def social(self, dirt):
        g = self.g
        for plat, dates in (("chuanmen", [dt.date(2026, 10, 20), ASOF]), ("yeliao", [dt.date(2027, 4, 18)])):
            for fd in dates:
                fn = "%s_accounts_%s.jsonl" % (plat, D8(fd))
                lines, recs = [], []
                partial = plat == "chuanmen" and fd != ASOF
                for s in g.socials:
                    if s["plat"] != plat:
                        continue
                    if partial and self.r.random() > 0.65:
                        continue
                    o = self.soc_obj(s, fd, not partial)
                    if o is None:
                        continue
                    if plat == "chuanmen":
                        txt = json.dumps(o, ensure_ascii=False, separators=(",", ":"))
                    else:
                        txt = json.dumps(o, ensure_ascii=False, indent=None, separators=(", ", ": "))
                    lines.append(txt)
                    recs.append(blank_rec(source="social", platform=plat, record_key="so:%s:%s" % (plat, s["uid"]), holder=s["p"]["pid"]))
                for txt, rec in dirt.soc_lines(fd, plat):
                    k = self.r.randint(0, len(lines))
                    lines.insert(k, txt)
                    recs.insert(k, rec)
                if plat == "chuanmen" and fd == ASOF:     # blank lines between batches
                    for k in range(len(lines) // 700, 0, -1):
                        lines.insert(k * 700, "")
                        recs.insert(k * 700, None)
                truncated = False
                if plat == "yeliao":
                    txt, rec = dirt.soc_truncated(fd, plat)
                    lines.append(txt)
                    recs.append(rec)
                    truncated = True
                for i, rec in enumerate(recs):
                    if rec is not None:
                        rec["file"], rec["line"] = fn, i + 1
                        self.R.append(rec)
                data = "\n".join(lines) + ("" if truncated else "\n")
                with open(os.path.join(self.root, "inbox", "social", fn), "wb") as f:
                    f.write(data.encode("utf-8"))
                self.files[fn] = dict(kind="social", encoding="utf-8", bom=False, rows=sum(1 for x in recs if x is not None), truncated=truncated,
                                      line_end="lf", partial=partial, ts_form="+0800 and +08:00" if plat == "yeliao" else "+08:00",
                                      missing="keys" if plat == "yeliao" else "null", blank_lines=plat == "chuanmen" and fd == ASOF)

    # ------------------------------------------------------------------ logistics
    def wb_rec(self, w, fd, plat, no, signed, dup_of=None):
        door = signed and w["st"] in ("本人签收", "家人代签")
        return blank_rec(source="logistics", platform=plat, record_key="wb:%s:%s" % (plat, no), receiver=w["receiver"], sender=w["sender"],
                         recipient=None, dest_kind=w["dest_kind"], dest_canonical=canon(w["dest"]) if w["dest"] else None, delivered=signed,
                         door=door, dup_of=dup_of, name_form=w["name_form"], sender_kind=w["skind"], sender_canonical=w["scanon"], raw_address=w["raddr"])

    def logistics(self, dirt):
        g = self.g
        r = self.r
        yq = month_days(25, (2026, 5), (2027, 3)) + [ASOF]
        ja = [dt.date(2026, 6, 1), dt.date(2026, 8, 1), dt.date(2026, 10, 1), dt.date(2026, 12, 1), dt.date(2027, 2, 1), dt.date(2027, 4, 1)]
        sched = {"yunque": yq, "jiean": ja}
        byfile = {}
        n = {"yunque": 0, "jiean": 0}
        for w in sorted(g.waybills, key=lambda w: w["t"]):
            ds = sched[w["carrier"]]
            fd = next((d for d in ds if w["t"].date() < d), None)
            if fd is None:
                continue
            n[w["carrier"]] += 1
            w["no"] = ("YQ%012d" % (n["yunque"] * 11 + 7)) if w["carrier"] == "yunque" else ("JA8%010d" % (n["jiean"] * 3 + 1))
            byfile.setdefault((w["carrier"], fd), []).append(w)
        for plat, ds in sched.items():
            for i, fd in enumerate(ds):
                fn = "%s_waybills_%s.parquet" % (plat, D8(fd))
                rows = []
                if plat == "yunque" and fd == ASOF:
                    prev = ds[i - 1]
                    for w in byfile.get((plat, prev), [])[-50:]:
                        rows.append((w, self.wb_rec(w, fd, plat, w["no"], w["sign"] < day0(fd), dup_of="yunque_waybills_%s.parquet" % D8(prev))))
                for w in byfile.get((plat, fd), []):
                    rows.append((w, self.wb_rec(w, fd, plat, w["no"], w["sign"] < day0(fd))))
                rows += dirt.wb_rows(fd, plat, 6)
                cols = {c: [] for c in WB_COLS}
                for j, (w, rec) in enumerate(rows):
                    rec["file"], rec["line"] = fn, j + 1
                    self.R.append(rec)
                    signed = w["sign"] is not None and w["sign"] < day0(fd) and w.get("st") is not None
                    vals = dict(waybill_no=w["no"], sender_name=w["sname"], sender_phone=w["sphone"], sender_address=w["saddr"],
                                receiver_name=w["rname"], receiver_phone=w["rphone"], receiver_address=w["raddr"], pickup_time=w["t"],
                                sign_time=w["sign"] if signed else None, sign_type=w["st"] if signed else None)
                    if w.get("force_sign"):
                        vals["sign_time"], vals["sign_type"] = w["sign"], w["st"]
                    for c in WB_COLS:
                        cols[c].append(vals[c])
                path = os.path.join(self.root, "inbox", "logistics", fn)
                if plat == "yunque":
                    ty = pa.timestamp("ms", tz="Asia/Taipei")
                    arrs = [pa.array(cols[c], pa.string()) if c not in ("pickup_time", "sign_time") else
                            pa.array([ts_epoch(t, "ms", True) for t in cols[c]], ty) for c in WB_COLS]
                    pq.write_table(pa.Table.from_arrays(arrs, names=WB_COLS), path, compression="brotli", row_group_size=1000)
                    self.files[fn] = dict(kind="logistics", rows=len(rows), ts_type="timestamp[ms, tz=Asia/Taipei]", compression="brotli")
                else:
                    ty = pa.timestamp("ns")
                    arrs = [pa.array(cols[c], pa.string()) if c not in ("pickup_time", "sign_time") else
                            pa.array([ts_epoch(t, "ns", False) for t in cols[c]], ty) for c in WB_COLS]
                    pq.write_table(pa.Table.from_arrays(arrs, names=WB_COLS), path, compression="lz4", version="1.0",
                                   use_deprecated_int96_timestamps=True, row_group_size=2500)
                    self.files[fn] = dict(kind="logistics", rows=len(rows), ts_type="timestamp[ns] (INT96 on disk, naive Beijing time)",
                                          compression="lz4", parquet_version="1.0", int96=True)

    # ------------------------------------------------------------------ rosters
    def roster(self, cases, dirt):
        r = self.r
        W = self.W
        by_city = {}
        for c in cases:
            by_city.setdefault(c["city"], []).append(c)
        spec = {"jz": dict(fn="liaoxify_roster_20270420.csv", bom=True, eol="\r\n", sep=",", cols=RO_COLS, quote="minimal"),
                "ha": dict(fn="qinghefy_roster_20270420.csv", bom=False, eol="\n", sep="；", cols=RO_COLS_QH, quote="minimal"),
                "xt": dict(fn="xiangdufy_roster_2027-04-20.csv", bom=True, eol="\r\n", sep=";", cols=RO_COLS, quote="minimal", badname=True),
                "yz": dict(fn="xiaoxiangfy_roster_20270420.csv", bom=False, eol="\r\n", sep="、", cols=RO_COLS, quote="minimal"),
                "yx": dict(fn="nieerfy_roster_20270420.csv", bom=True, eol="\n", sep=";", cols=RO_COLS, quote="all")}
        phones_of = {}
        for city in G.CITIES:
            s = spec[city]
            rows = []
            for c in by_city.get(city, []):
                p = W.by[c["pid"]]
                if p["kind"] == "person":
                    if p["pid"] not in phones_of:
                        phones_of[p["pid"]] = roster_phones(r, p)
                        p["roster_phones"] = phones_of[p["pid"]]
                    ph = s["sep"].join(phones_of[p["pid"]])
                    idn = p["id_number"]
                    if idn.endswith("X") and r.random() < 0.4:
                        idn = idn[:-1] + "x"
                    hk = address_text(r, p["hukou_home"], remark=False)
                    idt = "居民身份证"
                else:
                    ph = W.landline(city) if r.random() < 0.5 else ""
                    idn, hk, idt = p["id_number"], "", "统一社会信用代码"
                amt = c["amount"]
                if city == "xt":
                    amts = "{:,.2f}".format(amt)
                elif r.random() < 0.25:
                    amts = "{:,.2f}".format(amt)
                elif amt == int(amt):
                    amts = "%d" % amt
                else:
                    amts = "%.2f" % amt
                vals = {"案号": c["case_no"], "执行法院": c["court"], "承办人": c["judge"], "被执行人": c["name"], "证件类型": idt, "证件号码": idn,
                        "联系电话": ph, "户籍地址": hk, "执行标的": amts, "立案日期": c["filing"].isoformat(), "限制消费": "是" if c["restrict"] else "否",
                        "失信": "是" if c["blacklist"] else "否", "案件状态": c["status"]}
                rows.append(([vals[k] for k in s["cols"]], blank_rec(source="debtors", platform=s["fn"].split("_")[0], holder=p["pid"],
                                                                     record_key="ro:" + c["case_no"])))
            if city == "ha":
                for cells, rec in dirt.roster_rows(s["cols"], "qinghefy"):
                    rows.insert(r.randint(0, len(rows)), (cells, rec))
            if city == "yx":
                rows.append(dirt.total_row(s["cols"], "nieerfy", len(rows), sum(c["amount"] for c in by_city.get(city, []))))
            self.write_csv("debtors", s["fn"], s["cols"], rows, "utf-8", s["bom"], s["eol"], s["quote"],
                           dict(phone_sep=s["sep"], column_order=s["cols"] != RO_COLS, badname=s.get("badname", False)))


# ====================================================================== dirt (only about dirt people)
class Dirt:
    def __init__(self, W, r):
        self.W, self.r = W, r
        self.people = [p for p in W.people if p["role"] == "dirt"]
        self.n = 0

    def who(self):
        return self.r.choice(self.people)

    def ec_rows(self, fd, plat, k):
        r = self.r
        out = []
        kinds = ["missing", "extra", "bad_time", "bad_amount", "formula", "long", "ctrl", "empty_id", "formula_addr", "dde"]
        for i in range(k):
            p = self.who()
            kind = r.choice(kinds)
            self.n += 1
            t = rtime(r, rand_date(r, fd - dt.timedelta(days=25), fd - dt.timedelta(days=1)), "home")
            oid = "D%s%05d" % (D8(fd), self.n)
            addr = address_text(r, p["home"], remark=False)
            cells = [oid, "dirt%04d" % p["pid"], p["name"], "", mask_phone(p["phones"][0]), p["name"], p["phones"][0], addr, fmt_t(t),
                     fmt_t(t + dt.timedelta(days=2)), "19.90", "家居日用"]
            if kind == "missing":
                cells = cells[:r.randint(4, 10)]
            elif kind == "extra":
                cells = cells + ["", "备注：" + r.choice(["加急", "送货上门"])]
            elif kind == "bad_time":
                cells[8] = r.choice(["2026/06/31 10:00:00", "2027-02-29 08:00", "昨天晚上", "#VALUE!", "46001.5", "2026/13/02 12:00:00", "0000/00/00 00:00:00", "已发货"])
            elif kind == "bad_amount":
                cells[10] = r.choice(["包邮", "#DIV/0!", "¥19.9", "1,2.3", "NULL", "二十元", "-", "免费"])
            elif kind == "formula":
                cells[5] = r.choice(['=HYPERLINK("http://x.example/a","点我")', "@SUM(1,2)", "+1+1", "-2+3", "=name"])
            elif kind == "dde":
                cells[7] = "=CMD|' /C calc'!A0"
            elif kind == "formula_addr":
                cells[7] = r.choice(["+", "-", "@"]) + addr
            elif kind == "long":
                cells[7] = addr + "好" * 30000
            elif kind == "ctrl":
                cells[5] = p["name"] + r.choice(["\x07", "\x1b", "\x0b", "\x0c", "\x08", "\x7f", "\x00"])
            elif kind == "empty_id":
                cells[0] = ""
            out.append((cells, blank_rec(source="ecommerce", platform=plat, holder=p["pid"], dirty=True, dirt=kind, ordered_at=None,
                                         record_key="ec:%s:%s" % (plat, oid))))
        return out

    def cut_row(self, fd, plat):
        p = self.who()
        t = rtime(self.r, fd - dt.timedelta(days=1), "home")
        addr = address_text(self.r, p["home"], remark=False) + "门口左转第三家（到了打电话）"
        cells = ["DCUT%s" % D8(fd), "dirt%04d" % p["pid"], p["name"], "", mask_phone(p["phones"][0]), p["name"], p["phones"][0], addr,
                 fmt_t(t), "", "9.90", "家居日用"]
        return cells, blank_rec(source="ecommerce", platform=plat, holder=p["pid"], dirty=True, dirt="truncated", ordered_at=t)

    def soc_lines(self, fd, plat):
        r = self.r
        out = []
        kinds = ["comment", "array", "trailing_comma", "empty_obj", "formula_nick", "long_nick", "bad_ts", "logins_obj", "single_quotes",
                 "html", "bare_string", "ctrl", "not_json"]
        for kind in kinds:
            p = self.who()
            uid = "dirt%05d" % p["pid"]
            base = {"uid": uid, "nickname": "x", "real_name": p["name"], "phone": p["phones"][0],
                    "logins": [{"ts": "2026-09-01T10:00:00+08:00", "ip": "1.2.3.4", "ip_region": "湖南省永州市"}], "geo_posts": []}
            if kind == "comment":
                s = "# export chunk 2 of 3"
            elif kind == "array":
                s = json.dumps([base], ensure_ascii=False)
            elif kind == "trailing_comma":
                s = json.dumps(base, ensure_ascii=False)[:-1] + ",}"
            elif kind == "empty_obj":
                s = "{}"
            elif kind == "formula_nick":
                s = json.dumps(dict(base, nickname="=HYPERLINK(\"http://x\")"), ensure_ascii=False)
            elif kind == "long_nick":
                s = json.dumps(dict(base, nickname="哈" * 25000), ensure_ascii=False)
            elif kind == "bad_ts":
                s = json.dumps(dict(base, logins=[{"ts": r.choice(["2026-09-31T10:00:00+08:00", "2026-07-01 25:61", "大前天", "1780000000", "2026-08-01T10:00:00+08:00+08:00"]),
                                                   "ip": "1.2.3.4", "ip_region": "云南省玉溪市"}]), ensure_ascii=False)
            elif kind == "logins_obj":
                s = json.dumps(dict(base, logins={"ts": "2026-09-01T10:00:00+08:00"}), ensure_ascii=False)
            elif kind == "single_quotes":
                s = "{'uid': '%s', 'nickname': 'x'}" % uid
            elif kind == "html":
                s = "<html><head><title>502 Bad Gateway</title></head><body>502</body></html>"
            elif kind == "bare_string":
                s = json.dumps("uid=%s" % uid)
            elif kind == "ctrl":
                s = json.dumps(base, ensure_ascii=False).replace('"nickname": "x"', '"nickname": "x\x01\x02"')
            else:
                s = "{uid: %s, nickname: x" % uid
            if plat == "chuanmen" and fd != ASOF and kind in ("html", "long_nick"):
                continue
            out.append((s, blank_rec(source="social", platform=plat, holder=p["pid"], dirty=True, dirt=kind, record_key="so:%s:%s" % (plat, uid))))
        return out

    def soc_truncated(self, fd, plat):
        p = self.who()
        s = json.dumps({"uid": "dirt%05d" % p["pid"], "nickname": "末行", "real_name": p["name"], "phone": p["phones"][0],
                        "logins": [{"ts": "2027-04-01T10:00:00+08:00", "ip": "1.2.3.4", "ip_region": "河北省邢台市"}]}, ensure_ascii=False)
        return s[:len(s) // 2], blank_rec(source="social", platform=plat, holder=p["pid"], dirty=True, dirt="truncated")

    def wb_rows(self, fd, plat, k):
        r = self.r
        out = []
        kinds = ["null_no", "empty_no", "dup_no", "formula", "ctrl", "long", "sign_before", "future", "null_pickup", "bad_sign_type"]
        for i in range(k):
            p = self.who()
            kind = r.choice(kinds)
            self.n += 1
            t = rtime(r, rand_date(r, fd - dt.timedelta(days=25), fd - dt.timedelta(days=2)), "home")
            w = dict(no="DW%s%04d" % (D8(fd), self.n), sname="某某旗舰店", sphone="4001234567", saddr="浙江省金华市义乌市", rname=p["name"],
                     rphone=p["phones"][0], raddr=address_text(r, p["home"], remark=False), t=t, sign=t + dt.timedelta(hours=30), st="本人签收",
                     force_sign=True)
            if kind == "null_no":
                w["no"] = None
            elif kind == "empty_no":
                w["no"] = ""
            elif kind == "dup_no":
                w["no"] = "DWDUP%s" % D8(fd)
            elif kind == "formula":
                w["rname"] = "=cmd|'/c calc'!A1"
            elif kind == "ctrl":
                w["raddr"] = w["raddr"] + "\x00\x1b"
            elif kind == "long":
                w["raddr"] = w["raddr"] * 2000
            elif kind == "sign_before":
                w["sign"] = t - dt.timedelta(hours=20)
            elif kind == "future":
                w["t"] = dt.datetime(2099, 1, 1, 8, 0, 0)
                w["sign"] = dt.datetime(2099, 1, 2, 8, 0, 0)
            elif kind == "null_pickup":
                w["t"] = None
            else:
                w["st"] = r.choice(["退回", "拒收", "问题件", "派送中"])
            out.append((w, blank_rec(source="logistics", platform=plat, receiver=p["pid"], dirty=True, dirt=kind)))
        return out

    def roster_rows(self, cols, plat):
        r = self.r
        out = []
        for kind in ["cn_date", "cn_amount", "id15", "cells15", "formula", "cells7", "bad_status", "excel_serial"]:
            p = self.who()
            self.n += 1
            cn = "(2026)苏0812执%d号" % (9000 + self.n)
            v = {"案号": cn, "执行法院": "淮安市清江浦区人民法院", "承办人": "朱明", "被执行人": p["name"], "证件类型": "居民身份证",
                 "证件号码": p["id_number"], "联系电话": p["phones"][0], "户籍地址": "", "执行标的": "12000", "立案日期": "2026-05-06",
                 "限制消费": "是", "失信": "否", "案件状态": "执行中"}
            if kind == "cn_date":
                v["立案日期"] = "2026年5月6日"
            elif kind == "cn_amount":
                v["执行标的"] = "壹万贰仟元整"
            elif kind == "id15":
                v["证件号码"] = p["id_number"][:6] + p["id_number"][8:17]
            elif kind == "formula":
                v["被执行人"] = "=" + p["name"]
            elif kind == "bad_status":
                v["案件状态"] = "已结?"
            elif kind == "excel_serial":
                v["立案日期"] = "46148"
            cells = [v[c] for c in cols]
            if kind == "cells15":
                cells = cells + ["", ""]
            elif kind == "cells7":
                cells = cells[:7]
            out.append((cells, blank_rec(source="debtors", platform=plat, holder=p["pid"], dirty=True, dirt=kind, record_key="ro:" + cn)))
        return out

    def total_row(self, cols, plat, n, total):
        p = self.who()
        v = {c: "" for c in cols}
        v["案号"] = "合计"
        v["被执行人"] = "共%d条" % n
        v["执行标的"] = "{:,.2f}".format(total)
        return [v[c] for c in cols], blank_rec(source="debtors", platform=plat, holder=p["pid"], dirty=True, dirt="total_row", record_key="ro:合计")


def utc(t):
    if t is None:
        return None
    return (t - dt.timedelta(hours=8)).replace(tzinfo=dt.timezone.utc)


# ====================================================================== truth (same layout as foreign10-16)
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
    pl.DataFrame([{k: c[k] for k in ("case_no", "court", "pid", "id_number", "name", "kind", "status", "restrict", "blacklist", "filing", "amount",
                                      "judge", "roster", "co_debtor")} for c in cases],
                 schema=dict(case_no=pl.String, court=pl.String, pid=pl.Int64, id_number=pl.String, name=pl.String, kind=pl.String,
                             status=pl.String, restrict=pl.Boolean, blacklist=pl.Boolean, filing=pl.Date, amount=pl.Float64,
                             judge=pl.String, roster=pl.String, co_debtor=pl.Boolean)).write_parquet(os.path.join(tdir, "cases.parquet"))
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
        h = p.get("home")
        ppl.append(dict(pid=p["pid"], role=p["role"], kind=p["kind"], household=p.get("household"), name=p["name"],
                        id_number=p["id_number"], gender=p.get("gender"), birth=p.get("birth"),
                        home=canon(h), home_kind=(h or {}).get("kind"),
                        old_home=canon(p.get("old_home")), move_date=p.get("move_date"),
                        hukou_home=canon(p.get("hukou_home")),
                        work=canon(p.get("work")), work_kind=(p.get("work") or {}).get("kind"), old_work=canon(p.get("old_work")),
                        job_change=p.get("job_change"), landline=p.get("landline"), phones=list(p["phones"]), old_phone=p.get("old_phone"),
                        phone_change=p.get("phone_change"), phone_from=p.get("phone_from"), spouse=p.get("spouse"),
                        parents=list(p.get("parents") or []), children=list(p.get("children") or []),
                        namesake_of=p.get("namesake_of"), roster_phones=list(p.get("roster_phones") or []),
                        accounts=sorted(p.get("accounts") or {}), present=p.get("present"), flags=list(p["flags"]),
                        home_district=G.D[h["dk"]]["name"] if person and h and h["kind"] != "hukou" else None))
    ps = dict(pid=pl.Int64, role=pl.String, kind=pl.String, household=pl.Int64, name=pl.String, id_number=pl.String, gender=pl.String,
              birth=pl.Date, home=pl.String, home_kind=pl.String, old_home=pl.String, move_date=pl.Date, hukou_home=pl.String, work=pl.String,
              work_kind=pl.String, old_work=pl.String, job_change=pl.Date, landline=pl.String, phones=pl.List(pl.String), old_phone=pl.String,
              phone_change=pl.Date, phone_from=pl.Date, spouse=pl.Int64, parents=pl.List(pl.Int64), children=pl.List(pl.Int64),
              namesake_of=pl.Int64, roster_phones=pl.List(pl.String), accounts=pl.List(pl.String), present=pl.Boolean,
              flags=pl.List(pl.String), home_district=pl.String)
    pl.DataFrame(ppl, schema=ps).write_parquet(os.path.join(tdir, "people.parquet"))
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
    geo = Geo(random.Random(a.seed * 7919 + 17))
    build_world(W, geo)
    cases = build_cases(W)
    g = Gen(W, geo)
    r = g.r
    for p in W.people:
        if p["kind"] != "person" or p["role"] in ("dirt", "parent") or p["home"] is None:
            continue
        if p["role"] == "debtor" and not p["present"]:
            continue
        if "no_own_account" not in p["flags"]:
            g.person_orders(p)
        g.social(p)
        if p["parents"] and r.random() < 0.6:
            g.parent_parcels(p)
        if p.get("work") and p["work"]["kind"] in ("stall", "shop", "factory", "dishang") and r.random() < 0.5:
            g.work_shipments(p)
    for d in W.debtors:
        if d["kind"] == "person" and d["present"] and "uses_spouse_account" in d["flags"]:
            g.spouse_account_orders(d)
    for d in W.debtors:
        if d["kind"] == "person" and d["present"] and r.random() < 0.12:
            d["flags"].append("violator")
            g.restricted(d, cases)
    for p in W.people:
        if p["kind"] != "person" or not p["present"] or p["role"] in ("dirt", "parent") or p["home"] is None:
            continue
        if p["role"] == "debtor" and not p["present"]:
            continue
        if r.random() < 0.05:
            p["flags"].append("near_miss")
            a_ = g.account(p, "xinghuo")
            t = rtime(r, rand_date(r, active_from(p), ASOF - dt.timedelta(days=1)), "home")
            g.order(a_, p, p, "home", home_at(p, t.date()), t, category=r.choice(G.NEAR_MISS))
        if p["role"] in ("stranger", "namesake", "neighbour") and r.random() < 0.03:
            g.virtual(p, G.RESTRICTED_TRAVEL, 1, 300, 3000)
        if r.random() < 0.2:
            g.virtual(p, G.NORMAL_TRAVEL, r.randint(1, 3), 15, 500)
    for o in list(g.orders):
        g.waybill_for(o)
    out = Out(a.out, W, g)
    dirt = Dirt(W, random.Random(a.seed + 1717))
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
