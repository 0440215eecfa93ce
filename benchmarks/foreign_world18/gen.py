#!/usr/bin/env python
"""foreign18: eighteenth independent synthetic world for `locate` (安顺, 萍乡, 铜陵, 怀化, 鹤壁).

    python gen.py --out DIR --seed N --debtors K      -> DIR/inbox/{debtors,ecommerce,social,logistics}, DIR/truth/

Written from shared/specs/{inputs,outputs,context,pitfalls}.md only.  Deterministic for a given (seed, K).
Newest exports are dated 20270525: run the pipeline with --as-of 2027-05-25.
"""
import argparse, csv, datetime as dt, io, json, os, random, shutil, sys

import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import geo18 as G  # noqa: E402

START = dt.date(2026, 5, 25)
ASOF = dt.date(2027, 5, 25)
RESTRICTED = set(G.RESTRICTED_TRAVEL + G.RESTRICTED_GOODS)
EC_COLS = ["订单编号", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人", "收货手机", "收货地址", "下单时间", "签收时间", "实付金额", "商品类目"]
EC_COLS_GZ = ["订单编号", "下单时间", "签收时间", "商品类目", "实付金额", "收货人", "收货手机", "收货地址", "买家ID", "实名姓名", "绑定手机", "实名证件号"]
RO_COLS = ["案号", "执行法院", "承办人", "被执行人", "证件类型", "证件号码", "联系电话", "户籍地址", "执行标的", "立案日期", "限制消费", "失信", "案件状态"]
RO_COLS_TG = ["案号", "被执行人", "证件号码", "证件类型", "执行法院", "承办人", "立案日期", "案件状态", "执行标的", "限制消费", "失信", "户籍地址", "联系电话"]
WB_COLS = ["waybill_no", "sender_name", "sender_phone", "sender_address", "receiver_name", "receiver_phone", "receiver_address",
           "pickup_time", "sign_time", "sign_type"]
CC_AL = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
FW = str.maketrans("0123456789", "０１２３４５６７８９")
CN = "零一二三四五六七八九"


# ====================================================================== small helpers
def id_check(s17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(a) * b for a, b in zip(s17, w)) % 11]


def credit_code(r, kind, region):
    head = "91" if kind == "co" else "92"
    body = "".join(r.choice("0123456789") for _ in range(8))
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
    return a + dt.timedelta(days=r.randrange((b - a).days))


def rtime(r, d, kind="home"):
    if kind == "work":
        while d.weekday() >= 5:
            d -= dt.timedelta(days=1)
        h = r.randint(9, 16)
    else:
        h = wchoice(r, [(r.randint(7, 11), 2), (r.randint(12, 17), 3), (r.randint(18, 23), 5)])
    return dt.datetime.combine(d, dt.time(h, r.randint(0, 59), r.randint(0, 59)))


def cn_num(n):
    return "".join(CN[int(c)] for c in str(n))


def cn_small(n):
    return {1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十"}.get(n, str(n))


def D8(d):
    return d.strftime("%Y%m%d")


def fmt_t(t):
    return t.strftime("%Y/%m/%d %H:%M:%S")


def day0(d):
    return dt.datetime.combine(d, dt.time(0))


def shash(s):
    return sum(ord(c) * (i + 7) for i, c in enumerate(s))


# ====================================================================== places and their canonical (truth) form
def cityof(p):
    if p["kind"] == "hukou":
        return G.HUKOU[p["code"]][3]
    if p["kind"] == "pickup":
        return cityof(p["at"])
    return G.D[p["dk"]]["city"]


def prefix_canon(dk):
    d = G.D[dk]
    c = G.CITIES[d["city"]]
    return c["prov"] + c["name"] + d["name"]


def estate_canon(e):
    if e.get("xc"):
        return prefix_canon(e["dk"]) + e["name"]
    return "%s%s%d号%s" % (prefix_canon(e["dk"]), e["road"], e["rn"], e["name"])


def flat_door_canon(city, b, u, room):
    if city == "tl":
        return "%s幢%d单元%d室" % (b, u, room)
    if city == "hb":
        return ("%s栋%d单元%d室" if isinstance(b, str) else "%s号楼%d单元%d室") % (b, u, room)
    return "%s栋%d单元%d室" % (b, u, room)


def place_base(p):
    k = p["kind"]
    if k == "flat" or k == "xincun":
        return estate_canon(p["estate"])
    if k == "mine":
        return prefix_canon(p["dk"]) + p["mine"] + "职工住宅区"
    if k == "lane":
        return prefix_canon(p["dk"]) + p["lane"]
    if k == "village":
        return prefix_canon(p["dk"]) + p["town"] + p["vil"] + "村"
    if k == "hukou":
        h = G.HUKOU[p["code"]]
        return h[0] + h[1] + h[2] + p["town"] + p["vil"] + "村"
    return canon(p)


def canon(p):
    if p is None:
        return None
    k = p["kind"]
    if k == "hukou":
        h = G.HUKOU[p["code"]]
        return h[0] + h[1] + h[2] + p["town"] + "%s村%d组%d号" % (p["vil"], p["g"], p["n"])
    if k == "pickup":
        return place_base(p["at"]) + "|" + p["brand"]
    pre = prefix_canon(p["dk"])
    c = G.D[p["dk"]]["city"]
    if k == "flat":
        return estate_canon(p["estate"]) + flat_door_canon(c, p["b"], p["u"], p["room"])
    if k == "xincun":
        return estate_canon(p["estate"]) + "%d区%d栋%d室" % (p["area"], p["b"], p["room"])
    if k == "mine":
        return pre + p["mine"] + "职工住宅区%d栋%d号" % (p["b"], p["n"])
    if k == "lane":
        return pre + "%s%d号" % (p["lane"], p["n"])
    if k == "village":
        return pre + p["town"] + "%s村%d组%d号" % (p["vil"], p["g"], p["n"])
    if k == "stall":
        return pre + "%s%d号%s%s区%d号" % (p["road"], p["rn"], p["market"], p["zone"], p["n"])
    if k == "office":
        return pre + "%s%d号%s%d室" % (p["road"], p["rn"], p["tower"], p["room"])
    return pre + "%s%d号%s" % (p["road"], p["rn"], p["name"])      # shop, factory


def nat_village(p):
    """natural village (冲/垅 in 怀化, 寨 in 安顺) of a village 组; None elsewhere"""
    c = cityof(p)
    lst = G.NAT_HH if c == "hh" else G.NAT_AS if c == "as" else None
    if not lst:
        return None
    return lst[shash(p["town"] + p["vil"] + str(p["g"])) % len(lst)]


class Geo:
    """estates, markets and other fixed places"""

    def __init__(self, r):
        self.r = r
        self.estates, self.used = {}, set()
        for dk, d in G.D.items():
            c = d["city"]
            es = []
            names = set()
            for i in range(14 if G.DW[dk] >= 5 else 7):
                while True:
                    nm = r.choice(G.ESTATE_HEAD) + r.choice(G.ESTATE_TAIL)
                    if nm not in names:
                        names.add(nm)
                        break
                es.append(dict(dk=dk, road=r.choice(d["roads"]), rn=r.randint(1, 260), name=nm, xc=False,
                               letter=c in ("px", "hh", "hb") and r.random() < 0.3, old=r.random() < 0.5, floors=r.choice([6, 7, 11, 18, 26])))
            self.estates[dk] = es
        self.xincun = {}
        for c, lst in G.XINCUN.items():
            dks = ["tongguan", "yian"] if c == "tl" else ["anyuan"]
            for i, nm in enumerate(lst):
                dk = dks[i % len(dks)]
                self.xincun.setdefault(dk, []).append(dict(dk=dk, name=nm, xc=True, old=r.random() < 0.5, road=None, rn=0))
        self.markets = {c: [dict(name=m, dk=G.CITY_DISTRICTS[c][i % 2], road=r.choice(G.D[G.CITY_DISTRICTS[c][i % 2]]["roads"]), rn=r.randint(1, 200))
                            for i, m in enumerate(lst)] for c, lst in G.MARKETS.items()}
        self.towers = {c: [dict(name=t, dk=G.CITY_DISTRICTS[c][0], road=r.choice(G.D[G.CITY_DISTRICTS[c][0]]["roads"]), rn=r.randint(1, 300))
                           for t in r.sample(G.TOWERS, 3)] for c in G.CITIES}

    def uniq(self, p):
        k = canon(p)
        if k in self.used:
            return None
        self.used.add(k)
        return p

    def home(self, dk, kind=None):
        r = self.r
        c = G.D[dk]["city"]
        if kind is None:
            opts = [("flat", 55)]
            if dk in self.xincun:
                opts.append(("xincun", 30))
            if dk in G.MINES:
                opts.append(("mine", 35))
            if G.D[dk].get("lanes"):
                opts.append(("lane", 30))
            if G.D[dk]["towns"]:
                opts.append(("village", 30 if c in ("as", "hh") else 20))
            kind = wchoice(r, opts)
        for _ in range(50):
            if kind == "flat":
                e = r.choice(self.estates[dk])
                b = r.choice("ABCDEF") if e["letter"] else r.randint(1, 24)
                p = dict(kind="flat", dk=dk, estate=e, b=b, u=r.randint(1, 4), room=r.randint(1, e["floors"]) * 100 + r.randint(1, 4))
            elif kind == "xincun":
                e = r.choice(self.xincun[dk])
                p = dict(kind="xincun", dk=dk, estate=e, area=r.randint(1, 6), b=r.randint(1, 30), room=r.randint(1, 6) * 100 + r.randint(1, 3))
            elif kind == "mine":
                p = dict(kind="mine", dk=dk, mine=r.choice(G.MINES[dk]), b=r.randint(1, 60), n=r.randint(1, 24))
            elif kind == "lane":
                p = dict(kind="lane", dk=dk, lane=r.choice(G.D[dk]["lanes"]), n=r.randint(1, 90))
            else:
                p = dict(kind="village", dk=dk, town=r.choice(G.D[dk]["towns"]), vil=r.choice(G.VILLAGES), g=r.randint(1, 12), n=r.randint(1, 80))
            if self.uniq(p):
                return p
        raise RuntimeError("no free home")

    def near(self, home):
        """another door in the same estate / compound / village"""
        r = self.r
        for _ in range(50):
            p = dict(home)
            if p["kind"] == "flat":
                p.update(b=home["b"] if r.random() < 0.4 else (r.choice("ABCDEF") if home["estate"]["letter"] else r.randint(1, 24)),
                         u=r.randint(1, 4), room=r.randint(1, home["estate"]["floors"]) * 100 + r.randint(1, 4))
            elif p["kind"] in ("xincun", "mine"):
                p.update(b=r.randint(1, 30))
            elif p["kind"] == "lane":
                p.update(n=r.randint(1, 90))
            else:
                p.update(g=r.randint(1, 12), n=r.randint(1, 80))
            if self.uniq(p):
                return p
        return self.home(home["dk"])

    def hukou(self, code):
        r = self.r
        for _ in range(50):
            p = dict(kind="hukou", code=code, town=r.choice(G.HUKOU[code][4]), vil=r.choice(G.VILLAGES), g=r.randint(1, 12), n=r.randint(1, 80))
            if self.uniq(p):
                return p
        raise RuntimeError("no free hukou")

    def work(self, city):
        r = self.r
        kind = wchoice(r, [("stall", 22), ("office", 25), ("shop", 28), ("factory", 25)])
        dks = G.CITY_DISTRICTS[city]
        dk = wchoice(r, [(k, G.DW[k]) for k in dks])
        for _ in range(50):
            if kind == "stall":
                m = r.choice(self.markets[city])
                p = dict(kind="stall", dk=m["dk"], road=m["road"], rn=m["rn"], market=m["name"], zone=r.choice("ABCDE"), n=r.randint(1, 180))
            elif kind == "office":
                t = r.choice(self.towers[city])
                p = dict(kind="office", dk=t["dk"], road=t["road"], rn=t["rn"], tower=t["name"], room=r.randint(3, 28) * 100 + r.randint(1, 20))
            elif kind == "shop":
                p = dict(kind="shop", dk=dk, road=r.choice(G.D[dk]["roads"]), rn=r.randint(1, 300),
                         name=r.choice(G.SURNAMES[:60]) + r.choice(G.SHOPS[city]), stop=r.choice(G.BUS_STOPS))
            else:
                p = dict(kind="factory", dk=dk, road=r.choice(G.D[dk]["roads"]), rn=r.randint(1, 500),
                         name=r.choice(G.FACTORIES[city]) % r.choice(G.FIRM_WORDS))
            if self.uniq(p):
                return p
        raise RuntimeError("no free work")


# ====================================================================== how addresses are written
def district_written(r, dk, old_ok=True):
    """(district text, may stand without the city)"""
    d = G.D[dk]
    if old_ok and dk in G.OLD_NAMES and r.random() < 0.45:
        return r.choice(G.OLD_NAMES[dk])
    if d["short"] and r.random() < 0.25:
        return d["short"], False
    return d["name"], d["short"] is not None


def prefix_text(r, dk, old_ok=True):
    d = G.D[dk]
    c = G.CITIES[d["city"]]
    if dk == "zongyang" and old_ok and r.random() < 0.35:
        return r.choice(["安徽省安庆市枞阳县", "安庆市枞阳县", "安徽安庆枞阳县", "安庆枞阳县"])
    dist, alone = district_written(r, dk, old_ok)
    f = wchoice(r, [("full", 30), ("city", 25), ("sprov", 10), ("noshi", 10), ("picker", 8), ("alone", 12), ("cityonly", 5)])
    if f == "alone" and not alone:
        f = "city"
    if f == "full":
        return c["prov"] + c["name"] + dist
    if f == "city":
        return c["name"] + dist
    if f == "sprov":
        return c["sprov"] + c["short"] + dist
    if f == "noshi":
        return c["short"] + dist
    if f == "picker":
        return "%s %s %s " % (c["prov"], c["name"], d["name"])
    if f == "alone":
        return dist
    return c["name"]


def num(r, n):
    return str(n).translate(FW) if r.random() < 0.03 else str(n)


def town_text(r, t):
    if t in G.FORMER_XIANG and r.random() < 0.45:
        return G.FORMER_XIANG[t]
    return t


def estate_text(r, e):
    if e.get("xc"):
        return e["name"] if r.random() < 0.8 else e["name"][:2]
    nm = e["name"]
    if nm.endswith("小区") and r.random() < 0.3:
        nm = nm[:-2]
    f = wchoice(r, [("name", 45), ("road", 30), ("roadname", 15), ("bracket", 10)])
    if f == "name":
        return nm
    if f == "road":
        return "%s%s号%s" % (e["road"], num(r, e["rn"]), nm)
    if f == "roadname":
        return e["road"] + nm
    return "%s%s号（%s）" % (e["road"], num(r, e["rn"]), nm)


def flat_door_text(r, city, b, u, room):
    if isinstance(b, str):
        bb = wchoice(r, [(b, 80), (b.lower(), 10), (chr(ord(b) + 0xFEE0), 10)])
        return wchoice(r, [("%s栋%d单元%d" % (bb, u, room), 30), ("%s-%d-%d" % (bb, u, room), 20), ("%s座%d单元%d" % (bb, u, room), 15),
                           ("%s栋%d单元%d室" % (bb, u, room), 20), ("%s幢%d单元%d号" % (bb, u, room), 10), ("%s%d-%d" % (bb, u, room), 5)])
    opts = [("%d-%d-%d" % (b, u, room), 25), ("%s栋%s单元%s" % (num(r, b), u, num(r, room)), 25), ("%d号楼%d单元%d" % (b, u, room), 15),
            ("%d栋%d单元%d室" % (b, u, room), 15), ("%d幢%d单元%d室" % (b, u, room), 10), ("%s栋%s单元%s" % (cn_num(b), cn_small(u), cn_num(room)), 3)]
    if city == "tl":
        opts.append(("%d幢%d单元%d" % (b, u, room), 20))
    if city == "hb":
        opts.append(("%d号楼%d单元%d号" % (b, u, room), 20))
    return wchoice(r, opts)


def village_text(r, p, with_town=True):
    t = town_text(r, p["town"]) if with_town and r.random() < 0.8 else ""
    v, g, n = p["vil"], p["g"], p["n"]
    nat = nat_village(p)
    if nat and r.random() < 0.55:
        if cityof(p) == "hh":
            return t + wchoice(r, [("%s村%s%d号" % (v, nat, n), 45), ("%s%d号" % (nat, n), 25 if t else 0), ("%s村%d组%s%d号" % (v, g, nat, n), 20),
                                   ("%s村%s" % (v, nat), 10)])
        return t + wchoice(r, [("%s村%s%d号" % (v, nat, n), 60), ("%s村%d组（%s）%d号" % (v, g, nat, n), 40)])
    return t + wchoice(r, [("%s村%d组%d号" % (v, g, n), 45), ("%s村%s组%d号" % (v, cn_small(g), n), 20), ("%s%d组%d号" % (v, g, n), 15),
                           ("%s村%d组" % (v, g), 8), ("%s村委会%d组%d号" % (v, g, n), 7), ("%s村%d组%s号" % (v, g, cn_num(n)), 5)])


def mine_text(r, p):
    m, b, n, c = p["mine"], p["b"], p["n"], cityof(p)
    short = m.replace("鹤煤", "") if c == "hb" else m
    body = wchoice(r, [("%s职工住宅区" % m, 25), ("%s工人村" % m, 25), ("%s%s工人村" % (G.MINE_OWNER[c], short), 10),
                       (("%s煤矿工人村" % m[:-1]) if c == "px" else ("%s工人村" % short), 10), ("%s住宅区" % m, 10), (m, 12), ("%s宿舍" % short, 8)])
    door = wchoice(r, [("%d栋%d号" % (b, n), 60), ("%d-%d" % (b, n), 20), ("%d栋%s号" % (b, cn_num(n)), 5), ("%d幢%d号" % (b, n), 15)])
    return body + door


def lane_text(r, p):
    ln, n = p["lane"], p["n"]
    f = wchoice(r, [("%s子%d号" % (ln, n), 45), ("%s%d号" % (ln, n), 35), ("%s子%s号" % (ln, cn_num(n)), 5),
                    ("%s子%d号（古商城）" % (ln, n) if p["dk"] == "hongjiangqu" else "%s子%d号（老城）" % (ln, n), 15)])
    return f


def work_body(r, p):
    k = p["kind"]
    if k == "stall":
        z, n = p["zone"], p["n"]
        door = wchoice(r, [("%s区%d号" % (z, n), 35), ("%s%d" % (z, n), 20), ("%s-%d" % (z, n), 15), ("%s区%d号摊位" % (z, n), 15),
                           ("%s区%d号门面" % (z, n), 10), ("%s%03d号" % (z, n), 5)])
        pre = p["market"] if r.random() < 0.7 else "%s%d号%s" % (p["road"], p["rn"], p["market"])
        return pre + door
    if k == "office":
        rm = p["room"]
        door = wchoice(r, [("%d室" % rm, 35), (str(rm), 25), ("%d楼%d" % (rm // 100, rm), 20), ("%d层%d室" % (rm // 100, rm), 20)])
        pre = p["tower"] if r.random() < 0.6 else "%s%d号%s" % (p["road"], p["rn"], p["tower"])
        return pre + door
    if k == "shop":
        f = wchoice(r, [("road", 45), ("bare", 15), ("stop", 25), ("stopb", 15)])
        if f == "road":
            return "%s%s号%s" % (p["road"], num(r, p["rn"]), p["name"])
        if f == "bare":
            return "%s%s" % (p["road"], p["name"])
        if f == "stop":
            return "%s公交站旁%s" % (p["stop"], p["name"])
        return "%s（%s站台对面）" % (p["name"], p["stop"])
    suf = wchoice(r, [("门卫", 35), ("传达室", 25), ("", 25), ("仓库", 15)])
    if r.random() < 0.6:
        return "%s%d号%s%s" % (p["road"], p["rn"], p["name"], suf)
    return p["name"] + suf


def body_text(r, p):
    k = p["kind"]
    c = cityof(p)
    if k == "flat":
        return estate_text(r, p["estate"]) + flat_door_text(r, c, p["b"], p["u"], p["room"])
    if k == "xincun":
        e, a, b, rm = estate_text(r, p["estate"]), p["area"], p["b"], p["room"]
        return e + wchoice(r, [("%d区%d栋%d" % (a, b, rm), 35), ("%s区%d栋%d室" % (cn_small(a), b, rm), 25), ("%d区%d-%d" % (a, b, rm), 25),
                               ("%d-%d-%d" % (a, b, rm), 15)])
    if k == "mine":
        return mine_text(r, p)
    if k == "lane":
        return lane_text(r, p)
    if k == "village":
        return village_text(r, p)
    return work_body(r, p)


def address_text(r, p, remark=True):
    pre = prefix_text(r, p["dk"], old_ok=p["kind"] not in ("flat", "xincun") or p["estate"]["old"])
    body = body_text(r, p)
    if r.random() < 0.04:
        lm = r.choice(G.LANDMARKS[cityof(p)])
        body = lm + wchoice(r, [("旁", 1), ("附近", 1), ("对面", 1)]) + body
    s = pre + body
    if remark and r.random() < 0.05:
        s += r.choice(G.REMARKS)
    return s


def pickup_text(r, p):
    at, br = p["at"], p["brand"]
    k = at["kind"]
    if k in ("flat", "xincun"):
        place = estate_text(r, at["estate"])
    elif k == "mine":
        place = at["mine"] + r.choice(["工人村", "职工住宅区", ""])
    elif k == "lane":
        place = at["lane"] + r.choice(["子", ""])
    else:
        place = town_text(r, at["town"]) + at["vil"] + "村"
    body = wchoice(r, [(place + br, 35), ("%s北门%s" % (place, br), 12), ("%s门口%s" % (place, br), 13), ("%s（%s）" % (br, place), 15),
                       ("%s·%s店" % (br, place), 15), ("%s东门旁%s" % (place, br), 10)])
    return prefix_text(r, at["dk"], old_ok=False) + body


def hukou_text(r, p):
    prov, city, county, ck, towns, short = G.HUKOU[p["code"]]
    cty = short if short and r.random() < 0.4 else county
    pre = wchoice(r, [(prov + city + cty, 50), (city + cty, 20), (prov + cty, 15), (cty, 15)])
    return pre + village_text(r, p)


def roster_hukou_text(r, p):
    """户籍地址 as the court keeps it (old names allowed)"""
    if p["kind"] == "hukou":
        return hukou_text(r, p)
    return address_text(r, p, remark=False)


# ====================================================================== names and phones as written
def mask_name(r, name):
    if len(name) <= 2 or r.random() < 0.5:
        return name[0] + "*" * (1 if len(name) == 2 and r.random() < 0.5 else 2)
    return name[0] + "*" + name[-1]


def mask_id(r, idn):
    if r.random() < 0.75:
        return idn[:6] + "*" * 8 + idn[-4:]
    return idn[:2] + "*" * 14 + idn[-2:]


def mask_phone(ph):
    return ph[:3] + "****" + ph[-4:]


def phone_typed(r, ph):
    if not ph.startswith("1"):
        return ph
    return wchoice(r, [(ph, 55), ("+86" + ph, 8), ("+86 " + ph, 4), ("%s %s %s" % (ph[:3], ph[3:7], ph[7:]), 8),
                       ("%s-%s-%s" % (ph[:3], ph[3:7], ph[7:]), 7), (mask_phone(ph), 18)])


_PY = {}


def pinyin(name):
    if name not in _PY:
        from pypinyin import lazy_pinyin
        _PY[name] = lazy_pinyin(name)
    return _PY[name]


def pinyin_text(r, name):
    py = pinyin(name)
    f = r.randrange(5)
    if f == 0:
        return "".join(py)
    if f == 1:
        return py[0].capitalize() + " " + "".join(py[1:]).capitalize()
    if f == 2:
        return "".join(py).upper()
    if f == 3:
        return "".join(py[1:]).capitalize() + " " + py[0].capitalize()
    return py[0] + "".join(x[0] for x in py[1:])


def name_typed(r, p, city):
    """(text, form)"""
    n = p["name"]
    s, y = n[0], n[-1]
    f = wchoice(r, [("full", 52), ("title", 12), ("mask", 8), ("given", 4), ("nick", 8), ("pinyin", 4), ("ph", 3), ("suffix", 5),
                    ("space", 2), ("emoji", 2)])
    if f == "full":
        return n, f
    if f == "title":
        t = r.choice(["先生", "师傅", "老板"] if p.get("gender") == "M" else ["女士", "小姐", "姐"])
        return s + t, f
    if f == "mask":
        return s + "**", f
    if f == "given":
        return (n[1:] if len(n) > 2 else n), f
    if f == "nick":
        return r.choice(G.NICK[city]).replace("X", s).replace("Y", y), f
    if f == "pinyin":
        return pinyin_text(r, n), f
    if f == "ph":
        return r.choice(G.PLACEHOLDER), f
    if f == "suffix":
        return n + r.choice(["收", "(本人)", "/代收", "亲收", "（本人收）"]), f
    if f == "space":
        return s + r.choice([" ", "\u3000"]) + n[1:], f
    return n + r.choice(["🌶", "🍊", "⛏", "🌾", "🐂", "🎋"]), f


# ====================================================================== the world
class World:
    def __init__(self, seed, k):
        self.rng = random.Random(seed * 1000003 + 18)
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
            s = G.SURNAMES[min(int(r.expovariate(0.06)), len(G.SURNAMES) - 1)]
        g = r.choice(G.GIVEN_M if male else G.GIVEN_F)
        if r.random() < 0.006:
            g = r.choice(G.RARE_GIVEN) + (r.choice("明华文宇") if r.random() < 0.5 else "")
        return s + g


def birth_code(r, dk, birth):
    for old, before, _ in G.OLD_CODES.get(dk, []):
        if birth.year < before and r.random() < 0.75:
            return old
    return G.D[dk]["code"]


def person(W, geo, role, city, age=None, male=None, home=None, name=None, dk=None, **kw):
    r = W.rng
    if male is None:
        male = r.random() < 0.55
    if age is None:
        age = r.randint(22, 68)
    birth = dt.date(ASOF.year - age, 1, 1) + dt.timedelta(days=r.randrange(360))
    if dk is None:
        dk = home["dk"] if home and home.get("dk") else wchoice(r, [(k, G.DW[k]) for k in G.CITY_DISTRICTS[city]])
    hk = None
    if G.HUKOU_BY_CITY[city] and r.random() < 0.35:
        hk = r.choice(G.HUKOU_BY_CITY[city])
        code = hk
    else:
        code = birth_code(r, dk, birth)
    p = W.new(role=role, name=name or W.name(city, male), gender="M" if male else "F", birth=birth, city=city,
              id_number=W.idn(code, birth, male), home=home, hukou_code=hk, **kw)
    if hk:
        p["hukou_home"] = geo.hukou(hk)
    p["phones"] = [W.phone()]
    return p


def age_of(p):
    return (ASOF - p["birth"]).days // 365


def build_world(W, geo):
    r = W.rng
    cities = list(G.CITIES)
    n_org = int(W.k * 0.07)
    n_dirt = 30
    for i in range(W.k - n_org):
        city = cities[i % 5]
        dk = wchoice(r, [(k, G.DW[k]) for k in G.CITY_DISTRICTS[city]])
        home = geo.home(dk)
        W.households += 1
        name = r.choice(G.CROWD) if r.random() < 0.03 else None
        d = person(W, geo, "debtor", city, age=r.randint(24, 70), home=home, name=name, household=W.households)
        W.debtors.append(d)
        if r.random() < 0.10:
            d["present"] = False
        # household
        if age_of(d) >= 25 and r.random() < 0.6:
            s = person(W, geo, "spouse", city, age=max(22, age_of(d) + r.randint(-5, 4)), male=d["gender"] == "F", home=home,
                       household=d["household"])
            s["spouse"], d["spouse"] = d["pid"], s["pid"]
            if not d["present"]:
                s["present"] = r.random() < 0.5
        if age_of(d) >= 46 and r.random() < 0.45:
            at_home = r.random() < 0.5
            ch = person(W, geo, "child", city, age=r.randint(20, age_of(d) - 22), home=home if at_home else geo.home(dk, "flat"),
                        household=d["household"] if at_home else None)
            ch["parents"] = [d["pid"]]
            d["children"].append(ch["pid"])
        if d.get("hukou_home") and age_of(d) < 56 and r.random() < 0.45:
            for j in range(r.choice([1, 2])):
                pa_ = person(W, geo, "parent", city, age=age_of(d) + r.randint(24, 32), male=(j == 0), home=d["hukou_home"])
                pa_["hukou_home"] = d["hukou_home"]
                pa_["children"] = [d["pid"]]
                d["parents"].append(pa_["pid"])
        # work
        if 21 <= age_of(d) <= 62 and r.random() < 0.6:
            d["work"] = geo.work(city)
            if r.random() < 0.6:
                d["landline"] = W.landline(city)
            if r.random() < 0.15:
                d["old_work"] = d["work"]
                d["work"] = geo.work(city)
                d["job_change"] = rand_date(r, START + dt.timedelta(days=40), ASOF - dt.timedelta(days=20))
    for p in list(W.people):
        if p["role"] == "spouse" and 21 <= age_of(p) <= 60 and r.random() < 0.45:
            p["work"] = geo.work(p["city"])
    # organisations
    for i in range(n_org):
        city = cities[i % 5]
        dk = G.CITY_DISTRICTS[city][i % 2]
        kind = "co" if r.random() < 0.6 else "ind"
        nm = G.CITIES[city]["short"] + r.choice(G.FIRM_WORDS) + r.choice(["商贸有限公司", "建材有限公司", "餐饮店", "五金店", "物流有限公司"])
        if kind == "ind" and not nm.endswith("店"):
            nm = nm[:-4] + "经营部"
        o = W.new(role="debtor", kind="org", name=nm, id_number=credit_code(r, kind, G.D[dk]["code"]), city=city, gender=None, birth=None)
        o["phones"] = [W.landline(city)] if r.random() < 0.7 else []
        W.debtors.append(o)
    # moves (whole households)
    hh = {}
    for p in W.people:
        if p["kind"] == "person" and p.get("household") and p["role"] in ("debtor", "spouse", "child"):
            hh.setdefault(p["household"], []).append(p)
    for h, mem in hh.items():
        if r.random() < 0.2:
            old = mem[0]["home"]
            city = mem[0]["city"] if r.random() < 0.86 else r.choice(cities)
            dk = wchoice(r, [(k, G.DW[k]) for k in G.CITY_DISTRICTS[city]])
            new = geo.home(dk)
            md = rand_date(r, ASOF - dt.timedelta(days=45), ASOF - dt.timedelta(days=3)) if r.random() < 0.3 else \
                rand_date(r, START + dt.timedelta(days=30), ASOF - dt.timedelta(days=45))
            for m in mem:
                m["old_home"], m["home"], m["move_date"] = old, new, md
    # phone changes and recycling
    for p in list(W.people):
        if p["kind"] == "person" and p["role"] in ("debtor", "spouse", "child") and r.random() < 0.3:
            p["old_phone"] = p["phones"][0]
            p["phones"] = [W.phone()]
            p["phone_change"] = rand_date(r, START + dt.timedelta(days=20), ASOF - dt.timedelta(days=10))
            if (ASOF - p["phone_change"]).days > 120 and r.random() < 0.35:
                s = person(W, geo, "recycled", r.choice(cities), home=None)
                s["home"] = geo.home(wchoice(r, [(k, G.DW[k]) for k in G.CITY_DISTRICTS[s["city"]]]))
                W.used_phones.discard(s["phones"][0])
                s["phones"] = [p["old_phone"]]
                s["phone_from"] = p["phone_change"] + dt.timedelta(days=r.randint(60, 110))
                s["flags"].append("recycled_number")
    # namesakes
    persons = [d for d in W.debtors if d["kind"] == "person"]
    for d in persons:
        if r.random() < (0.45 if not d["present"] else 0.2):
            where = wchoice(r, [("estate", 12), ("district", 43), ("city", 20), ("any", 25)])
            if where == "estate":
                h = geo.near(d["home"])
            elif where == "district":
                h = geo.home(d["home"]["dk"])
            elif where == "city":
                h = geo.home(wchoice(r, [(k, G.DW[k]) for k in G.CITY_DISTRICTS[d["city"]]]))
            else:
                c2 = r.choice(cities)
                h = geo.home(wchoice(r, [(k, G.DW[k]) for k in G.CITY_DISTRICTS[c2]]))
            age = age_of(d) + (r.randint(-1, 1) if r.random() < 0.35 else r.randint(-20, 20))
            ns = person(W, geo, "namesake", G.D[h["dk"]]["city"], age=max(20, min(80, age)), male=d["gender"] == "M", home=h, name=d["name"],
                        namesake_of=d["pid"])
            if r.random() < 0.3:
                W.used_ids.discard(ns["id_number"])
                ns["id_number"] = W.idn(d["id_number"][:6], ns["birth"], d["gender"] == "M")
            if 21 <= age_of(ns) <= 60 and r.random() < 0.5:
                ns["work"] = geo.work(ns["city"])
    # neighbours
    for d in persons:
        if d["home"]["kind"] in ("flat", "xincun", "mine") and r.random() < 0.3:
            person(W, geo, "neighbour", d["city"], home=geo.near(d["home"]))
    # a crowd of common names and other strangers
    for i in range(int(W.k * 0.22)):
        c = r.choice(cities)
        nm = G.CROWD[min(int(r.expovariate(0.35)), len(G.CROWD) - 1)]
        person(W, geo, "crowd", c, name=nm, home=geo.home(wchoice(r, [(k, G.DW[k]) for k in G.CITY_DISTRICTS[c]])))
    for i in range(int(W.k * 0.5)):
        c = r.choice(cities)
        s = person(W, geo, "stranger", c, home=geo.home(wchoice(r, [(k, G.DW[k]) for k in G.CITY_DISTRICTS[c]])))
        if 21 <= age_of(s) <= 60 and r.random() < 0.5:
            s["work"] = geo.work(c)
    for i in range(n_dirt):
        c = cities[i % 5]
        person(W, geo, "dirt", c, home=geo.home(wchoice(r, [(k, G.DW[k]) for k in G.CITY_DISTRICTS[c]])))
    # spouse accounts
    for d in persons:
        if d["present"] and d.get("spouse") and W.by[d["spouse"]]["present"] and r.random() < 0.22:
            d["flags"].append("uses_spouse_account")
            if r.random() < 0.55:
                d["flags"].append("no_own_account")


def court_of(r, p):
    """(court name, case code prefix, roster city)"""
    city = p["city"]
    c = G.CITIES[city]
    x = r.random()
    if x < 0.1:
        return c["court"], c["pa"] + c["pcode"][2:4], city
    if p["kind"] == "person" and p.get("hukou_code") and x < 0.16 and p["hukou_code"][:4] == c["pcode"]:
        hk = p["hukou_code"]
        return G.HUKOU_COURT[hk], c["pa"] + hk[2:6], city
    dk = p["home"]["dk"] if p["kind"] == "person" else G.CITY_DISTRICTS[city][0]
    if p["kind"] == "person" and p.get("old_home") and r.random() < 0.6:
        dk = p["old_home"]["dk"]
    if G.D[dk]["city"] != city:
        dk = G.CITY_DISTRICTS[city][0]
    d = G.D[dk]
    cname = (c["name"] + d["name"] if d["name"].endswith("区") else d["name"]) + "人民法院"
    return cname, c["pa"] + d["code"][2:6], city


def build_cases(W):
    r = W.rng
    cases, seen = [], set()
    for p in W.debtors:
        for _ in range(wchoice(r, [(1, 80), (2, 16), (3, 4)])):
            court, code, city = court_of(r, p)
            while True:
                yr = r.randint(2019, 2026)
                cn = "(%d)%s执%s%d号" % (yr, code, "恢" if r.random() < 0.05 else "", r.randint(1, 9999))
                if cn not in seen:
                    seen.add(cn)
                    break
            filing = rand_date(r, max(dt.date(yr, 1, 5), dt.date(2018, 6, 1)), min(dt.date(yr, 12, 28), ASOF - dt.timedelta(days=20)))
            st = wchoice(r, [("执行中", 55), ("终本", 33), ("执行完毕", 12)])
            amt = round(r.choice([r.randint(2, 90) * 1000, r.randint(1000, 900000) + r.choice([0, 0.5, 0.35])]), 2)
            c = dict(case_no=cn, court=court, pid=p["pid"], id_number=p["id_number"].upper(), name=p["name"], kind=p["kind"], status=st,
                     restrict=r.random() < 0.7, blacklist=r.random() < 0.4, filing=filing, amount=float(amt),
                     judge=r.choice(G.JUDGES) + r.choice(G.GIVEN_M + G.GIVEN_F), roster=city, co_debtor=False)
            cases.append(c)
            sp = p.get("spouse")
            if sp and r.random() < 0.02:
                s = W.by[sp]
                if s["role"] == "spouse":
                    s["role"] = "debtor"
                    W.debtors.append(s)
                    cases.append(dict(c, pid=s["pid"], id_number=s["id_number"].upper(), name=s["name"], co_debtor=True))
    for p in W.debtors:
        p["roster_phones"] = roster_phones(r, p)
    return cases


def roster_phones(r, p):
    if p["kind"] == "org":
        return list(p["phones"])
    out = []
    if p.get("old_phone"):
        f = wchoice(r, [("old", 50), ("both", 25), ("none", 17), ("new", 8)])
        out = {"old": [p["old_phone"]], "both": [p["old_phone"], p["phones"][0]], "none": [], "new": [p["phones"][0]]}[f]
    else:
        f = wchoice(r, [("cur", 45), ("none", 22), ("dead", 28), ("both", 5)])
        dead = "1" + r.choice("3589") + "".join(r.choice("0123456789") for _ in range(9))
        out = {"cur": [p["phones"][0]], "none": [], "dead": [dead], "both": [dead, p["phones"][0]]}[f]
    if p.get("landline") and r.random() < 0.15:
        out = out + [p["landline"]]
    return out


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
    return G.PICKUP_BRANDS[shash(place_base(place)) % len(G.PICKUP_BRANDS)]


def pickup_of(home):
    return dict(kind="pickup", at=home, brand=pick_brand(home))


def amount_for(r, cat):
    if cat in RESTRICTED:
        return round(r.uniform(800, 30000), 2)
    return round(r.choice([r.uniform(5, 80), r.uniform(20, 300), r.uniform(100, 2500)]), 2)


class Gen:
    def __init__(self, W, geo):
        self.W, self.geo = W, geo
        self.r = random.Random(W.rng.random())
        self.orders, self.waybills, self.socials = [], [], []
        self.n_acct = 0

    def account(self, p, plat):
        if plat in p["accounts"]:
            return p["accounts"][plat]
        r = self.r
        self.n_acct += 1
        a = dict(platform=plat, owner=p["pid"], id={"maodou": "MD%08d", "guozi": "gz_%07d", "yunlv": "YL%07d"}[plat] % (self.n_acct * 7 + r.randint(0, 6)))
        full = {"maodou": 0.6, "guozi": 0.2, "yunlv": 0.75}[plat]
        a["name"] = p["name"] if r.random() < full else mask_name(r, p["name"])
        x = r.random()
        idf = {"maodou": (0.25, 0.8), "guozi": (0.1, 0.45), "yunlv": (0.6, 0.95)}[plat]
        a["idno"] = p["id_number"] if x < idf[0] else mask_id(r, p["id_number"]) if x < idf[1] else ""
        ph = phone_at(p, active_from(p))
        a["phone"] = ph if r.random() < {"maodou": 0.65, "guozi": 0.3, "yunlv": 0.5}[plat] else mask_phone(ph)
        p["accounts"][plat] = a
        return a

    def order(self, a, holder, rec, kind, place, t, category=None, platform=None):
        r = self.r
        plat = platform or a["platform"]
        city = holder["city"]
        if category is None:
            category = r.choice(G.GROUPBUY) if plat == "guozi" else (r.choice(G.LOCAL_GOODS[city]) if r.random() < 0.08 else r.choice(G.GOODS))
        if rec is not None:
            nt, nf = name_typed(r, rec, city)
            ph = phone_at(rec, t.date())
            if kind == "work" and rec.get("landline") and r.random() < 0.3:
                ph = rec["landline"]
            pt = phone_typed(r, ph)
        else:
            nt, nf, pt = r.choice(G.PLACEHOLDER), "ph", phone_typed(r, phone_at(holder, t.date()))
        if kind == "virtual":
            addr, dest, sign = r.choice(["电子凭证", "无需收货（电子票）", "短信取票", "电子客票"]), None, None
        else:
            dest = place
            addr = pickup_text(r, place) if place["kind"] == "pickup" else hukou_text(r, place) if place["kind"] == "hukou" else address_text(r, place)
            sign = t + dt.timedelta(hours=r.randint(20, 110), minutes=r.randint(0, 59)) if r.random() < 0.95 else None
        o = dict(platform=plat, acct=a, holder=holder["pid"], recipient=rec["pid"] if rec else None, name=nt, name_form=nf, phone=pt,
                 kind=kind, dest=dest, addr=addr, t=t, sign=sign, amount=amount_for(r, category), category=category,
                 id="%s%s%06d" % ({"maodou": "", "guozi": "GZ", "yunlv": "T"}[plat], t.strftime("%y%m%d"), len(self.orders) + 1))
        self.orders.append(o)
        return o

    def dest_for(self, p, d, kinds):
        r = self.r
        k = wchoice(r, kinds)
        w = work_at(p, d)
        if k == "work" and w is None:
            k = "home"
        pars = [x for x in p["parents"] if self.W.by[x]["present"]]
        if k == "other" and not pars:
            k = "home"
        h = home_at(p, d)
        if k == "home":
            return "home", h, p
        if k == "work":
            return "work", w, p
        if k == "pickup":
            return "pickup", pickup_of(h), p
        if k == "family":
            fam = [self.W.by[x] for x in ([p.get("spouse")] if p.get("spouse") else []) + p["children"]]
            fam = [f for f in fam if f["present"] and home_at(f, d) is h]
            if fam:
                return "home", h, r.choice(fam)
            return "home", h, p
        par = self.W.by[r.choice(pars)]
        return "other", home_at(par, d), par

    def person_orders(self, p):
        r = self.r
        busy = p["role"] in ("debtor", "spouse", "child")
        a = self.account(p, "maodou") if r.random() < (0.9 if busy else 0.7) else None
        if a:
            for _ in range(r.randint(6, 28) if busy else r.randint(2, 12)):
                d = rand_date(r, active_from(p), ASOF - dt.timedelta(days=1))
                kind, place, rec = self.dest_for(p, d, [("home", 58), ("work", 14), ("pickup", 14), ("family", 8), ("other", 6)])
                self.order(a, p, rec, kind, place, rtime(r, d, kind))
        if r.random() < 0.4:
            g = self.account(p, "guozi")
            for _ in range(r.randint(2, 10)):
                d = rand_date(r, active_from(p), ASOF - dt.timedelta(days=1))
                kind, place, rec = self.dest_for(p, d, [("pickup", 70), ("home", 30)])
                self.order(g, p, rec, kind, place, rtime(r, d, kind))

    def spouse_account_orders(self, d):
        r = self.r
        s = self.W.by[d["spouse"]]
        a = self.account(s, "maodou")
        for _ in range(r.randint(3, 12)):
            day = rand_date(r, active_from(d), ASOF - dt.timedelta(days=1))
            kind, place, rec = self.dest_for(d, day, [("home", 60), ("work", 20), ("pickup", 20)])
            self.order(a, s, d, kind, place, rtime(r, day, kind))

    def virtual(self, p, cats, n, holder=None):
        r = self.r
        a = self.account(holder or p, "yunlv")
        for _ in range(n):
            d = rand_date(r, active_from(p), ASOF - dt.timedelta(days=1))
            self.order(a, holder or p, p, "virtual", None, rtime(r, d), category=r.choice(cats))

    def restricted(self, d, cases):
        r = self.r
        cs = [c for c in cases if c["pid"] == d["pid"] and c["status"] != "执行完毕" and c["restrict"]]
        lo = max(c["filing"] for c in cs) + dt.timedelta(days=1) if cs and r.random() < 0.85 else START
        lo = max(lo, active_from(d))
        if lo >= ASOF - dt.timedelta(days=2):
            lo = active_from(d)
        holder = self.W.by[d["spouse"]] if "uses_spouse_account" in d["flags"] and r.random() < 0.5 else d
        for _ in range(r.randint(1, 3)):
            day = rand_date(r, lo, ASOF - dt.timedelta(days=1))
            if r.random() < 0.6:
                a = self.account(holder, "yunlv")
                self.order(a, holder, d, "virtual", None, rtime(r, day), category=r.choice(G.RESTRICTED_TRAVEL))
            else:
                a = self.account(holder, "maodou")
                self.order(a, holder, d, "home", home_at(d, day), rtime(r, day), category=r.choice(G.RESTRICTED_GOODS))

    def social(self, p):
        r = self.r
        for plat, pr in (("miaoyu", 0.55), ("quanquan", 0.35)):
            if r.random() >= pr:
                continue
            uid = ("my%07d" if plat == "miaoyu" else "qq_%06d") % (len(self.socials) * 3 + 1000 + r.randint(0, 2))
            created = START - dt.timedelta(days=r.randint(0, 900))
            if r.random() < 0.3:
                created = rand_date(r, START, ASOF - dt.timedelta(days=30))
            created = max(created, active_from(p)) if p.get("phone_from") else created
            ev = []
            for _ in range(r.randint(4, 30)):
                d = rand_date(r, max(created, START), ASOF - dt.timedelta(days=1))
                c = cityof(home_at(p, d)) if r.random() < 0.9 else r.choice(list(G.CITIES))
                ev.append(("login", rtime(r, d), c))
            for _ in range(r.randint(0, 6)):
                d = rand_date(r, max(created, START), ASOF - dt.timedelta(days=1))
                w = work_at(p, d)
                k = wchoice(r, [("home", 45), ("work", 30 if w else 0), ("lm", 25)])
                pl_ = home_at(p, d) if k == "home" else w if k == "work" else None
                ev.append(("post", rtime(r, d), pl_ if pl_ else r.choice(G.LANDMARKS[cityof(home_at(p, d))])))
            x = r.random()
            rn = p["name"] if x < 0.25 else mask_name(r, p["name"]) if x < 0.6 else p["name"][0] + "某" + p["name"][-1] if x < 0.8 else None
            x = r.random()
            idn = None if x < 0.55 else mask_id(r, p["id_number"]) if x < 0.88 else p["id_number"]
            ph = phone_at(p, max(created, START))
            x = r.random()
            phs = ph if x < 0.45 else mask_phone(ph) if x < 0.85 else "+86" + ph if x < 0.95 else None
            nick = r.choice(["山里的", "安源", "老街", "淇河边的", "舞水", "铜都", "快乐的", "不忘初心", "平安是福", "晴天"]) + \
                (r.choice(["小", "阿", "老"]) + p["name"][-1] if r.random() < 0.6 else pinyin(p["name"])[0])
            self.socials.append(dict(platform=plat, uid=uid, pid=p["pid"], created=created, ev=sorted(ev, key=lambda e: e[1]), real_name=rn,
                                     id_no=idn, phone=phs, nickname=nick, region=cityof(p["home"]), in_first=r.random() < 0.6))

    def parent_parcels(self, child):
        r = self.r
        for pid in child["parents"]:
            par = self.W.by[pid]
            if par["role"] != "parent":
                continue
            for _ in range(r.randint(1, 4)):
                d = rand_date(r, START, ASOF - dt.timedelta(days=2))
                t = rtime(r, d, "work")
                self.waybills.append(dict(kind="parent", sender=par, sender_place=par["home"], receiver=child, dest_kind="home",
                                          dest=home_at(child, d), t=t, sign=t + dt.timedelta(hours=r.randint(30, 100)), order=None))

    def work_shipments(self, p):
        r = self.r
        for _ in range(r.randint(2, 10)):
            d = rand_date(r, START, ASOF - dt.timedelta(days=2))
            w = work_at(p, d)
            if w is None or w["kind"] == "office":
                continue
            t = rtime(r, d, "work")
            self.waybills.append(dict(kind="work", sender=p, sender_place=w, receiver=None, dest_kind=None, dest=None, t=t,
                                      sign=t + dt.timedelta(hours=r.randint(30, 120)) if r.random() < 0.9 else None, order=None))

    def waybill_for(self, o):
        r = self.r
        if o["platform"] != "maodou" or o["sign"] is None or r.random() >= 0.42:
            return
        t = o["t"] + dt.timedelta(hours=r.randint(2, 18))
        if t >= o["sign"]:
            t = o["sign"] - dt.timedelta(hours=1)
        self.waybills.append(dict(kind="order", sender=None, sender_place=None, receiver=self.W.by[o["recipient"]] if o["recipient"] else None,
                                  dest_kind=o["kind"], dest=o["dest"], t=t, sign=o["sign"], order=o))


# ====================================================================== exports
def month_days(day, first, n, step=1):
    out, y, m = [], first.year, first.month
    for _ in range(n):
        out.append(dt.date(y, m, day))
        m += step
        while m > 12:
            m -= 12
            y += 1
    return out


MAODOU = month_days(25, dt.date(2026, 6, 25), 12)
GUOZI = month_days(10, dt.date(2026, 7, 10), 6, 2)
YUNLV = [dt.date(2026, 8, 25), dt.date(2026, 11, 25), dt.date(2027, 2, 25), dt.date(2027, 5, 20)]
TIENIU = month_days(25, dt.date(2026, 6, 25), 12)
LVMA = [dt.date(2026, 7, 5), dt.date(2026, 9, 5), dt.date(2026, 11, 6), dt.date(2027, 1, 5), dt.date(2027, 3, 5), dt.date(2027, 5, 5)]
OTHER_ADDR = ["广东省深圳市宝安区西乡街道固戍一路88号", "浙江省杭州市余杭区五常街道文一西路998号", "四川省成都市武侯区科华北路62号",
              "上海市闵行区七宝镇漕宝路3366号", "湖北省武汉市洪山区珞喻路1037号", "北京市朝阳区望京街道阜通东大街6号", "重庆市渝北区龙溪街道金龙路12号"]


def period(dates, t):
    """the export date whose period [previous date, date) holds t"""
    prev = START
    for d in dates:
        if prev <= t.date() < d:
            return d
        prev = d
    return None


def csv_text(rows, quoting, lt):
    buf = io.StringIO()
    w = csv.writer(buf, quoting=quoting, lineterminator=lt)
    for row in rows:
        if isinstance(row, str):
            buf.write(row)
        else:
            w.writerow(row)
    return buf.getvalue()


class Out:
    def __init__(self, root, W, g, dirt):
        self.root, self.W, self.g, self.dirt = root, W, g, dirt
        self.r = random.Random(W.rng.random())
        self.R, self.files = [], {}
        for k in ("debtors", "ecommerce", "social", "logistics"):
            os.makedirs(os.path.join(root, "inbox", k), exist_ok=True)

    def put(self, kind, fn, data, info):
        with open(os.path.join(self.root, "inbox", kind, fn), "wb") as f:
            f.write(data)
        info = dict(info)
        info["kind"] = kind
        self.files[fn] = info

    def write_csv(self, kind, fn, hdr, items, quoting, lt, enc, bom=False, truncated=False, extra=None):
        """items: (cells or raw string, record or None); returns text"""
        rows = [hdr] + [c for c, _ in items]
        line = 1 + 1
        txt = csv_text([hdr], quoting, lt)
        parts = [txt]
        for cells, rec in items:
            s = csv_text([cells], quoting, lt)
            if rec is not None:
                rec.update(file=fn, line=line)
                self.R.append(rec)
            parts.append(s)
            line += s.count("\n")
        text = "".join(parts)
        data = text.encode(enc)
        if bom:
            data = b"\xef\xbb\xbf" + data
        info = dict(encoding=enc, bom=bom, rows=len(items), truncated=truncated, line_end="crlf" if lt == "\r\n" else "lf",
                    quote_all=quoting == csv.QUOTE_ALL)
        info.update(extra or {})
        self.put(kind, fn, data, info)
        return data

    # ---------------------------------------------------------------- e-commerce
    def ec_row(self, o, fdate, cols):
        a = o["acct"]
        signed = o["sign"] is not None and o["sign"] < day0(fdate)
        amt = ("%.2f" % o["amount"]) if o["platform"] != "yunlv" or o["amount"] != int(o["amount"]) else str(int(o["amount"]))
        v = {"订单编号": o["id"], "买家ID": a["id"], "实名姓名": a["name"], "实名证件号": a["idno"], "绑定手机": a["phone"], "收货人": o["name"],
             "收货手机": o["phone"], "收货地址": o["addr"], "下单时间": fmt_t(o["t"]), "签收时间": fmt_t(o["sign"]) if signed else "",
             "实付金额": amt, "商品类目": o["category"]}
        rec = blank_rec(source="ecommerce", platform=o["platform"], record_key="ec:%s:%s" % (o["platform"], o["id"]), holder=o["holder"],
                        recipient=o["recipient"], dest_kind=o["kind"], dest_canonical=canon(o["dest"]), delivered=signed,
                        door=signed and o["kind"] in ("home", "work", "other"), category=o["category"], amount=o["amount"], ordered_at=o["t"],
                        order_id=o["id"], name_form=o["name_form"], raw_address=o["addr"])
        return [v[c] for c in cols], rec

    def ecommerce(self):
        r = self.r
        by = {}
        for o in self.g.orders:
            dates = {"maodou": MAODOU, "guozi": GUOZI, "yunlv": YUNLV}[o["platform"]]
            d = period(dates, o["t"])
            if d is not None:
                by.setdefault((o["platform"], d), []).append(o)
        for plat, dates in (("maodou", MAODOU), ("guozi", GUOZI), ("yunlv", YUNLV)):
            for i, d in enumerate(dates):
                fn = "%s_orders_%s.csv" % (plat, D8(d))
                os_ = sorted(by.get((plat, d), []), key=lambda o: (o["t"], o["id"]))
                cols = EC_COLS_GZ if plat == "guozi" else EC_COLS
                items = [self.ec_row(o, d, cols) for o in os_]
                extra = {}
                if plat == "maodou" and i == len(dates) - 1:
                    prev = dates[i - 1]
                    re_ = [o for o in by.get((plat, prev), []) if o["t"].date() >= prev - dt.timedelta(days=10)]
                    re_ = sorted(re_, key=lambda o: (o["t"], o["id"]))
                    rs = []
                    for o in re_:
                        c, rec = self.ec_row(o, d, cols)
                        rec["dup_of"] = "maodou_orders_%s.csv" % D8(prev)
                        rs.append((c, rec))
                    items = rs + items
                    extra["resends"] = "maodou_orders_%s.csv" % D8(prev)
                items = self.dirt.ec_rows(plat, d, cols, items)
                truncated = False
                if plat == "yunlv" and i == 1:
                    items.append(self.dirt.cut_row(plat, d, cols))
                    truncated = True
                q = csv.QUOTE_ALL if plat == "yunlv" else csv.QUOTE_MINIMAL
                lt = "\n" if plat == "guozi" else "\r\n"
                data = self.write_csv("ecommerce", fn, cols, items, q, lt, "gb18030", truncated=truncated, extra=extra)
                if plat == "maodou" and D8(d) == "20261225":
                    cfn = fn + ".csv"
                    n0 = len(self.R)
                    for x in [x for x in self.R if x["file"] == fn]:
                        y = dict(x, file=cfn, dup_of=fn)
                        self.R.append(y)
                    self.put("ecommerce", cfn, data, dict(self.files[fn], badname=True, copy_of=fn))
                    assert len(self.R) > n0

    # ---------------------------------------------------------------- social
    def social(self):
        r = self.r
        specs = [("miaoyu", dt.date(2026, 11, 25), True), ("miaoyu", ASOF, False), ("quanquan", dt.date(2027, 5, 22), False)]
        for plat, d, first in specs:
            fn = "%s_accounts_%s.jsonl" % (plat, D8(d))
            lines = []
            for s in self.g.socials:
                if s["platform"] != plat or s["created"] >= d or (first and not s["in_first"]):
                    continue
                lines.append((self.soc_line(s, d), blank_rec(source="social", platform=plat, record_key="so:%s:%s" % (plat, s["uid"]),
                                                             holder=s["pid"])))
            lines = self.dirt.social_lines(plat, d, lines)
            out, truncated = [], False
            for i, (txt, rec) in enumerate(lines):
                rec.update(file=fn, line=i + 1)
                self.R.append(rec)
                out.append(txt)
            data = ("\n".join(out) + "\n").encode("utf-8")
            self.put("social", fn, data, dict(encoding="utf-8", bom=False, rows=len(out), truncated=False, line_end="lf"))

    def soc_line(self, s, d):
        r = self.r
        p = self.W.by[s["pid"]]
        plat = s["platform"]
        ev = [e for e in s["ev"] if e[1] < day0(d)]
        logins, posts = [], []
        for kind, t, x in ev:
            if plat == "miaoyu":
                ts = t.strftime("%Y-%m-%d %H:%M:%S") + "+08:00"
            else:
                ts = (t - dt.timedelta(hours=8)).strftime("%Y-%m-%dT%H:%M:%SZ")
            if kind == "login":
                c = G.CITIES[x]
                ip = "%d.%d.%d.%d" % (r.choice([58, 61, 111, 117, 182, 222]), r.randint(0, 255), r.randint(0, 255), r.randint(1, 254))
                logins.append({"ts": ts, "ip": ip, "ip_region": c["prov"] + c["name"] if plat == "miaoyu" else c["short"]})
            else:
                if isinstance(x, str):
                    c = G.CITIES[cityof(home_at(p, t.date()))]
                    posts.append({"ts": ts, "poi": x, "address": c["name"] + x})
                else:
                    poi = x["estate"]["name"] if x["kind"] in ("flat", "xincun") else x.get("mine") or x.get("lane") or x.get("name") or \
                        x.get("market") or x.get("tower") or (x["vil"] + "村")
                    posts.append({"ts": ts, "poi": poi, "address": address_text(r, x, remark=False)})
        logins = logins[-20:]
        if plat == "quanquan":
            logins = logins[::-1]
        c = G.CITIES[s["region"]]
        o = {"uid": s["uid"], "nickname": s["nickname"], "real_name": s["real_name"], "id_no": s["id_no"], "phone": s["phone"],
             "profile_region": "%s-%s" % (c["sprov"], c["short"]) if plat == "miaoyu" else c["name"], "logins": logins, "geo_posts": posts}
        if plat == "miaoyu":
            return json.dumps(o, ensure_ascii=False, separators=(",", ":"))
        o = {k: v for k, v in o.items() if v not in (None, [])}
        return json.dumps(o, ensure_ascii=False)

    # ---------------------------------------------------------------- couriers
    def wb_row(self, w, fdate, plat, no):
        r = self.r
        signed = w["sign"] is not None and w["sign"] < day0(fdate)
        rec_p = w["receiver"]
        if w["kind"] == "order":
            o = w["order"]
            rn = o["name"] if not (o["name_form"] == "full" and r.random() < 0.5) else mask_name(r, o["name"])
            rp = o["phone"]
            if rp.startswith("1") and len(rp) == 11 and r.random() < 0.5:
                rp = mask_phone(rp)
            ra = o["addr"] if r.random() < 0.5 else (pickup_text(r, o["dest"]) if o["dest"]["kind"] == "pickup" else
                                                    hukou_text(r, o["dest"]) if o["dest"]["kind"] == "hukou" else address_text(r, o["dest"]))
            mer = G.MERCHANTS[shash(o["acct"]["id"] + o["category"]) % len(G.MERCHANTS)]
            sn, sp, sa = mer[1] + r.choice(["旗舰店", "发货仓", "电商仓", "优选店"]), "400" + "".join(r.choice("0123456789") for _ in range(7)), mer[0]
            sk, sc, spid = "merchant", None, None
        elif w["kind"] == "parent":
            par = w["sender"]
            rn = name_typed(r, rec_p, rec_p["city"])[0]
            rp = phone_typed(r, phone_at(rec_p, w["t"].date()))
            ra = address_text(r, w["dest"])
            sn, sp, sa = par["name"] if r.random() < 0.6 else mask_name(r, par["name"]), phone_typed(r, par["phones"][0]), hukou_text(r, par["home"])
            sk, sc, spid = "parent", canon(par["home"]), par["pid"]
        else:
            p = w["sender"]
            rn = r.choice(G.SURNAMES) + r.choice(["先生", "女士", "**"])
            rp = mask_phone(self.W.phone())
            ra = r.choice(OTHER_ADDR)
            pl_ = w["sender_place"]
            sn = pl_.get("name") if pl_["kind"] in ("shop", "factory") and r.random() < 0.5 else p["name"]
            sp = p["landline"] if p.get("landline") and r.random() < 0.5 else phone_typed(r, phone_at(p, w["t"].date()))
            sa = address_text(r, pl_, remark=False)
            sk, sc, spid = "work", canon(pl_), p["pid"]
        if signed:
            dk_ = w["dest_kind"]
            if dk_ == "home":
                st = wchoice(r, [("本人签收", 48), ("家人代签", 28), ("门卫代收", 10), ("快递柜", 9), ("驿站代收", 5)])
            elif dk_ == "work":
                st = wchoice(r, [("本人签收", 55), ("门卫代收", 45)])
            elif dk_ == "pickup":
                st = "快递柜" if "柜" in w["dest"]["brand"] else "驿站代收"
            elif dk_ == "other":
                st = wchoice(r, [("本人签收", 60), ("家人代签", 40)])
            else:
                st = wchoice(r, [("本人签收", 70), ("门卫代收", 30)])
        else:
            st = None
        row = dict(waybill_no=no, sender_name=sn, sender_phone=sp, sender_address=sa, receiver_name=rn, receiver_phone=rp,
                   receiver_address=ra, pickup_time=w["t"], sign_time=w["sign"] if signed else None, sign_type=st)
        rec = blank_rec(source="logistics", platform=plat, record_key="wb:%s:%s" % (plat, no), receiver=rec_p["pid"] if rec_p else None,
                        sender=spid, dest_kind=w["dest_kind"], dest_canonical=canon(w["dest"]), delivered=signed,
                        door=bool(signed and st in ("本人签收", "家人代签") and w["dest_kind"] in ("home", "work", "other")),
                        sender_kind=sk, sender_canonical=sc, raw_address=ra)
        return row, rec

    def write_pq(self, fn, rows, recs, plat, extra=None):
        ts_type = pa.timestamp("ms", tz="Asia/Singapore") if plat == "tieniu" else pa.timestamp("us", tz="Asia/Kuala_Lumpur")
        cols = WB_COLS if plat == "tieniu" else WB_COLS[::-1]
        fields = []
        for c in cols:
            fields.append(pa.field(c, ts_type if c in ("pickup_time", "sign_time") else pa.string()))
        data = {}
        for c in cols:
            v = [x[c] for x in rows]
            if c in ("pickup_time", "sign_time"):
                v = [None if t is None else (t - dt.timedelta(hours=8)).replace(tzinfo=dt.timezone.utc) for t in v]
            data[c] = v
        if plat == "lvma":
            fields.append(pa.field("weight_kg", pa.float64()))
            data["weight_kg"] = [round(0.2 + (shash(x["waybill_no"] or "x") % 97) / 10, 1) for x in rows]
        t = pa.table(data, schema=pa.schema(fields))
        path = os.path.join(self.root, "inbox", "logistics", fn)
        if plat == "tieniu":
            pq.write_table(t, path, compression="zstd", row_group_size=700)
        else:
            pq.write_table(t, path, compression="snappy", row_group_size=4000)
        for i, rec in enumerate(recs):
            rec.update(file=fn, line=i + 1)
            self.R.append(rec)
        info = dict(encoding=None, bom=False, rows=len(rows), truncated=False, ts_type=str(ts_type),
                    compression="zstd" if plat == "tieniu" else "snappy")
        info.update(extra or {})
        self.files[fn] = dict(kind="logistics", **info)
        return t

    def logistics(self):
        r = self.r
        by = {}
        for w in self.g.waybills:
            plat = "tieniu" if r.random() < 0.6 else "lvma"
            d = period(TIENIU if plat == "tieniu" else LVMA, w["t"])
            if d is not None:
                by.setdefault((plat, d), []).append(w)
        n = 0
        last = {}
        for plat, dates in (("tieniu", TIENIU), ("lvma", LVMA)):
            for i, d in enumerate(dates):
                ws = sorted(by.get((plat, d), []), key=lambda w: w["t"])
                rows, recs = [], []
                for w in ws:
                    n += 1
                    no = ("TN%s%06d" if plat == "tieniu" else "LM%s%07d") % (w["t"].strftime("%y%m"), n)
                    w.setdefault("no", {})[plat] = no
                    row, rec = self.wb_row(w, d, plat, no)
                    rows.append(row)
                    recs.append(rec)
                extra = {}
                clean_part = list(zip(rows, recs, ws))
                if plat == "tieniu" and i == len(dates) - 1:
                    rr, rc = [], []
                    for row0, rec0, w in last["tieniu"][-40:]:
                        row, rec = dict(row0), dict(rec0)
                        signed = w["sign"] is not None and w["sign"] < day0(d)
                        if signed and row0["sign_time"] is None:
                            dk_ = w["dest_kind"]
                            row["sign_type"] = "快递柜" if dk_ == "pickup" and "柜" in w["dest"]["brand"] else "驿站代收" if dk_ == "pickup" else \
                                "本人签收" if w["receiver"] is not None and r.random() < 0.6 else "家人代签" if dk_ in ("home", "other") else "门卫代收"
                        row["sign_time"] = w["sign"] if signed else None
                        if not signed:
                            row["sign_type"] = None
                        rec.update(delivered=signed, door=bool(signed and row["sign_type"] in ("本人签收", "家人代签") and
                                                              w["dest_kind"] in ("home", "work", "other")),
                                   dup_of="tieniu_waybills_%s.parquet" % D8(dates[i - 1]))
                        rr.append(row)
                        rc.append(rec)
                    rows, recs = rr + rows, rc + recs
                    extra["resends"] = "tieniu_waybills_%s.parquet" % D8(dates[i - 1])
                rows, recs = self.dirt.wb_rows(plat, d, rows, recs)
                last[plat] = clean_part
                fn = "%s_waybills_%s.parquet" % (plat, D8(d))
                t = self.write_pq(fn, rows, recs, plat, extra)
                if plat == "lvma" and D8(d) == "20261106":
                    import pyarrow.orc as orc
                    keep = [j for j, x in enumerate(rows) if x["pickup_time"] is None or x["pickup_time"].date() < dt.date(2026, 11, 5)]
                    t2 = t.take(pa.array(keep, pa.int64()))
                    bad = "lvma_waybills_20261105.parquet"
                    orc.write_table(t2, os.path.join(self.root, "inbox", "logistics", bad))
                    self.files[bad] = dict(kind="logistics", unreadable=True, not_parquet=True, actual="orc", replaced_by=fn, rows=len(keep))

    # ---------------------------------------------------------------- rosters
    def roster(self, cases):
        r = self.r
        spec = {"as": ("xixiufy", RO_COLS, False, "\r\n", "；"), "px": ("anyuanfy", RO_COLS, True, "\n", ", "),
                "tl": ("tongguanfy", RO_COLS_TG, True, "\r\n", ";"), "hh": ("hechengfy", RO_COLS, False, "\n", "、"),
                "hb": ("qibinfy", RO_COLS, True, "\r\n", ";")}
        for city, (plat, cols, bom, lt, sep) in spec.items():
            fn = "%s_roster_%s.csv" % (plat, D8(ASOF))
            cs = sorted([c for c in cases if c["roster"] == city], key=lambda c: (c["filing"], c["case_no"], c["co_debtor"]))
            items = []
            for c in cs:
                p = self.W.by[c["pid"]]
                idn = p["id_number"]
                if p["kind"] == "person" and idn.endswith("X") and (city == "as" or r.random() < 0.4):
                    idn = idn[:-1] + "x"
                if p["kind"] == "person":
                    hk = p.get("hukou_home") or p.get("old_home") or p["home"]
                    addr = roster_hukou_text(r, hk)
                    if addr[:1] in "=+-@" or " " in addr:
                        addr = addr.replace(" ", "")
                else:
                    dk = G.CITY_DISTRICTS[city][0]
                    addr = prefix_canon(dk) + r.choice(G.D[dk]["roads"]) + "%d号" % r.randint(1, 300)
                a = c["amount"]
                if city == "hh" or r.random() < 0.25:
                    amt = "{:,.2f}".format(a)
                elif city == "tl":
                    amt = "%.2f" % a
                else:
                    amt = ("%d" % a) if a == int(a) else ("%.2f" % a)
                v = {"案号": c["case_no"], "执行法院": c["court"], "承办人": c["judge"], "被执行人": c["name"],
                     "证件类型": "居民身份证" if p["kind"] == "person" else "统一社会信用代码", "证件号码": idn,
                     "联系电话": sep.join(p.get("roster_phones") or []), "户籍地址": addr, "执行标的": amt, "立案日期": c["filing"].isoformat(),
                     "限制消费": "是" if c["restrict"] else "否", "失信": "是" if c["blacklist"] else "否", "案件状态": c["status"]}
                items.append(([v[k] for k in cols], blank_rec(source="debtors", platform=plat, record_key="ro:" + c["case_no"], holder=c["pid"])))
            items = self.dirt.roster_rows(city, cols, items)
            self.write_csv("debtors", fn, cols, items, csv.QUOTE_MINIMAL, lt, "utf-8", bom=bom)


# ====================================================================== dirt (only about the 30 dirt people)
class Dirt:
    def __init__(self, W, r):
        self.W, self.r = W, r
        self.people = [p for p in W.people if p["role"] == "dirt"]
        self.n = 0

    def who(self):
        self.n += 1
        return self.people[self.n % len(self.people)]

    def ec_base(self, plat, d, p):
        r = self.r
        t = rtime(r, rand_date(r, d - dt.timedelta(days=25), d - dt.timedelta(days=1)))
        oid = "X%s%05d" % (D8(d), self.n)
        v = {"订单编号": oid, "买家ID": "DIRT%04d" % p["pid"], "实名姓名": p["name"], "实名证件号": "", "绑定手机": mask_phone(p["phones"][0]),
             "收货人": p["name"], "收货手机": p["phones"][0], "收货地址": address_text(r, p["home"], remark=False), "下单时间": fmt_t(t),
             "签收时间": "", "实付金额": "12.50", "商品类目": "家居日用"}
        rec = blank_rec(source="ecommerce", platform=plat, record_key="ec:%s:%s" % (plat, oid), holder=p["pid"], recipient=p["pid"], dirty=True,
                        order_id=oid, raw_address=v["收货地址"])
        return v, rec

    def ec_rows(self, plat, d, cols, items):
        r = self.r
        kinds = ["missing", "extra", "badtime", "badamount", "formula_name", "formula_addr", "long", "ctrl", "empty_id", "dde", "at_addr"]
        out = list(items)
        for k in r.sample(kinds, {"maodou": 5, "guozi": 4, "yunlv": 3}[plat]):
            p = self.who()
            v, rec = self.ec_base(plat, d, p)
            rec["dirt"] = k
            if k == "badtime":
                v["下单时间"] = r.choice(["2026/09/31 10:00:00", "2027-02-29 08:00", "上周五", "#N/A", "45987.25", "2026/00/12 12:00:00", "待确认"])
            elif k == "badamount":
                v["实付金额"] = r.choice(["面议", "#REF!", "￥35", "1.2.3", "null", "十五元", "--", "赠品"])
            elif k == "formula_name":
                v["收货人"] = r.choice(['=HYPERLINK("http://x.cn","点我")', "@SUM(A1:A3)", "+1-1", "-1+2", "=1+1"])
            elif k == "formula_addr":
                v["收货地址"] = r.choice(["+", "-", "@", "="]) + v["收货地址"]
            elif k == "dde":
                v["收货地址"] = "=cmd|' /C notepad'!A1" + v["收货地址"]
            elif k == "at_addr":
                v["收货地址"] = "@" + v["收货地址"]
            elif k == "long":
                v["收货地址"] = v["收货地址"] + "附近" * 14000
            elif k == "ctrl":
                v["收货人"] = p["name"][:1] + r.choice(["\x07", "\x1b", "\x0b", "\x0c", "\x08", "\x7f", "\x00"]) + p["name"][1:]
            elif k == "empty_id":
                v["订单编号"] = ""
            rec["raw_address"] = v["收货地址"]
            cells = [v[c] for c in cols]
            if k == "missing":
                cells = cells[:r.randint(5, 10)]
            elif k == "extra":
                cells = cells + ["", "备注"][:r.randint(1, 2)]
            out.insert(r.randint(0, len(out)), (cells, rec))
        return out

    def cut_row(self, plat, d, cols):
        p = self.who()
        v, rec = self.ec_base(plat, d, p)
        rec["dirt"] = "cut_last_line"
        s = csv_text([[v[c] for c in cols]], csv.QUOTE_ALL, "\r\n")
        cut = s.index(v["收货地址"]) + 9
        return s[:cut], rec

    def social_lines(self, plat, d, lines):
        r = self.r
        out = list(lines)
        kinds = ["notjson", "array", "trailing_comma", "empty_obj", "formula_nick", "long_nick", "bad_ts", "logins_obj", "single_quotes",
                 "html", "bare_string", "ctrl", "number", "python_repr"]
        for k in r.sample(kinds, 7):
            p = self.who()
            uid = "dirt_%s_%d" % (plat, self.n)
            base = {"uid": uid, "nickname": "x", "real_name": p["name"], "phone": p["phones"][0], "logins": [], "geo_posts": []}
            if k == "notjson":
                s = "uid=%s name=%s" % (uid, p["name"])
            elif k == "array":
                s = json.dumps([base], ensure_ascii=False)
            elif k == "trailing_comma":
                s = json.dumps(base, ensure_ascii=False)[:-1] + ",}"
            elif k == "empty_obj":
                s = "{}"
            elif k == "formula_nick":
                s = json.dumps(dict(base, nickname="=HYPERLINK(\"http://a.b\")"), ensure_ascii=False)
            elif k == "long_nick":
                s = json.dumps(dict(base, nickname="哈" * 26000), ensure_ascii=False)
            elif k == "bad_ts":
                s = json.dumps(dict(base, logins=[{"ts": r.choice(["2026-06-31T10:00:00+08:00", "2026-08-01 26:70", "昨天下午", "1788888888",
                                                                    "2026-09-01T10:00:00+08:00+08:00"]), "ip": "1.2.3.4", "ip_region": "未知"}]),
                               ensure_ascii=False)
            elif k == "logins_obj":
                s = json.dumps(dict(base, logins={"ts": "2026-10-01T10:00:00+08:00"}), ensure_ascii=False)
            elif k == "single_quotes":
                s = str(base).replace('"', "'")
            elif k == "html":
                s = "<html><head><title>502 Bad Gateway</title></head><body>502</body></html>"
            elif k == "bare_string":
                s = json.dumps("uid:" + uid, ensure_ascii=False)
            elif k == "ctrl":
                s = json.dumps(base, ensure_ascii=False).replace(p["name"], p["name"][0] + "\x1b" + p["name"][1:])
            elif k == "number":
                s = "1234567"
            else:
                s = "{'uid': %r, 'real_name': None, 'logins': []}" % uid
            rec = blank_rec(source="social", platform=plat, record_key="so:%s:%s" % (plat, uid), holder=p["pid"], dirty=True, dirt=k)
            out.insert(r.randint(0, len(out)), (s, rec))
        return out

    def wb_rows(self, plat, d, rows, recs):
        r = self.r
        rows, recs = list(rows), list(recs)
        kinds = ["null_no", "empty_no", "dup_no", "formula", "ctrl", "long", "sign_before", "future", "null_pickup", "bad_sign_type"]
        for k in r.sample(kinds, 4):
            p = self.who()
            t = rtime(r, rand_date(r, d - dt.timedelta(days=20), d - dt.timedelta(days=2)))
            no = "DIRT%s%04d" % (D8(d), self.n)
            row = dict(waybill_no=no, sender_name="义乌仓", sender_phone="4001234567", sender_address=G.MERCHANTS[0][0], receiver_name=p["name"],
                       receiver_phone=p["phones"][0], receiver_address=address_text(r, p["home"], remark=False), pickup_time=t,
                       sign_time=t + dt.timedelta(hours=40), sign_type="本人签收")
            if row["sign_time"] >= day0(d):
                row["sign_time"] = day0(d) - dt.timedelta(hours=1)
            if k == "null_no":
                row["waybill_no"] = None
            elif k == "empty_no":
                row["waybill_no"] = ""
            elif k == "dup_no":
                row["waybill_no"] = rows[0]["waybill_no"] if rows and rows[0]["waybill_no"] else no
            elif k == "formula":
                row["receiver_name"] = "=HYPERLINK(\"http://x\")"
            elif k == "ctrl":
                row["receiver_address"] = row["receiver_address"][:6] + "\x00\x1b" + row["receiver_address"][6:]
            elif k == "long":
                row["receiver_address"] = row["receiver_address"] + "路" * 30000
            elif k == "sign_before":
                row["sign_time"] = t - dt.timedelta(hours=30)
            elif k == "future":
                row["pickup_time"] = dt.datetime(2099, 1, 1, 8, 0)
                row["sign_time"] = None
                row["sign_type"] = None
            elif k == "null_pickup":
                row["pickup_time"] = None
            else:
                row["sign_type"] = r.choice(["退回", "拒收", "问题件", "派送中", "滞留"])
            rec = blank_rec(source="logistics", platform=plat, record_key="wb:%s:%s" % (plat, row["waybill_no"]), receiver=p["pid"], dirty=True,
                            dirt=k, raw_address=row["receiver_address"])
            j = r.randint(1, len(rows)) if rows else 0
            rows.insert(j, row)
            recs.insert(j, rec)
        return rows, recs

    def roster_rows(self, city, cols, items):
        r = self.r
        out = list(items)
        if city == "hh":
            kinds = ["cn_date", "cn_amount", "bad_check", "extra", "missing", "formula", "status", "id15"]
        elif city == "hb":
            kinds = ["header_again", "bad_check"]
        else:
            kinds = ["bad_check"]
        for k in kinds:
            p = self.who()
            cn = "(2025)%s%s执%d号" % (G.CITIES[city]["pa"], G.CITIES[city]["pcode"][2:] + "02", 90000 + self.n)
            v = {"案号": cn, "执行法院": G.CITIES[city]["court"], "承办人": "周文", "被执行人": p["name"], "证件类型": "居民身份证",
                 "证件号码": p["id_number"], "联系电话": p["phones"][0], "户籍地址": address_text(r, p["home"], remark=False), "执行标的": "12000",
                 "立案日期": "2025-05-06", "限制消费": "是", "失信": "否", "案件状态": "执行中"}
            if k == "cn_date":
                v["立案日期"] = "2025年5月6日"
            elif k == "cn_amount":
                v["执行标的"] = "壹万贰仟元整"
            elif k == "bad_check":
                s = p["id_number"]
                v["证件号码"] = s[:17] + ("0" if s[17] != "0" else "1")
            elif k == "formula":
                v["被执行人"] = "=" + p["name"]
            elif k == "status":
                v["案件状态"] = "结案?"
            elif k == "id15":
                s = p["id_number"]
                v["证件号码"] = s[:6] + s[8:17]
            cells = [v[c] for c in cols]
            if k == "extra":
                cells = cells + ["", ""]
            elif k == "missing":
                cells = cells[:8]
            elif k == "header_again":
                cells = list(cols)
            rec = blank_rec(source="debtors", platform=items[0][1]["platform"] if items else city, record_key="ro:" + cn, holder=p["pid"], dirty=True, dirt=k)
            out.insert(r.randint(1, len(out)) if out else 0, (cells, rec))
        return out


# ====================================================================== truth (same layout as foreign10-17; foreign17's write_truth)
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
    geo = Geo(random.Random(a.seed * 7919 + 18))
    build_world(W, geo)
    cases = build_cases(W)
    g = Gen(W, geo)
    r = g.r
    for p in W.people:
        if p["kind"] != "person" or p["role"] in ("dirt", "parent") or p["home"] is None or not p["present"]:
            continue
        if "no_own_account" not in p["flags"]:
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
    for p in W.people:
        if p["kind"] != "person" or not p["present"] or p["role"] in ("dirt", "parent") or p["home"] is None:
            continue
        if r.random() < 0.05:
            p["flags"].append("near_miss")
            a_ = g.account(p, "maodou")
            day = rand_date(r, active_from(p), ASOF - dt.timedelta(days=1))
            g.order(a_, p, p, "home", home_at(p, day), rtime(r, day), category=r.choice(G.NEAR_MISS))
        if p["role"] in ("stranger", "namesake", "neighbour", "crowd") and r.random() < 0.03:
            g.virtual(p, G.RESTRICTED_TRAVEL, 1)
        if r.random() < 0.2:
            g.virtual(p, G.NORMAL_TRAVEL, r.randint(1, 3))
    for o in list(g.orders):
        g.waybill_for(o)
    dirt = Dirt(W, random.Random(a.seed + 1818))
    out = Out(a.out, W, g, dirt)
    out.ecommerce()
    out.social()
    out.logistics()
    out.roster(cases)
    write_truth(W, cases, out.R, a.out)
    with open(os.path.join(a.out, "truth", "files.json"), "w") as f:
        json.dump(out.files, f, ensure_ascii=False, indent=1, sort_keys=True)
    print("people", len(W.people), "debtors", len(W.debtors), "orders", len(g.orders), "waybills", len(g.waybills), "records", len(out.R))


if __name__ == "__main__":
    main()
