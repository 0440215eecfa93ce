#!/usr/bin/env python
"""foreign16: sixteenth independent synthetic world for `locate` (常州, 蚌埠, 临汾, 威海, 汉中).

    python gen.py --out DIR --seed N --debtors K      -> DIR/inbox/{debtors,ecommerce,social,logistics}, DIR/truth/

Written from shared/specs/{inputs,outputs,context,pitfalls}.md only.  Deterministic for a given (seed, K).
Newest exports are dated 20270310: run the pipeline with --as-of 2027-03-10.
"""
import argparse, csv, datetime as dt, io, json, os, random, shutil, sys

import pyarrow as pa
import pyarrow.feather as feather
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import geo16 as G  # noqa: E402

START = dt.date(2026, 3, 10)
ASOF = dt.date(2027, 3, 10)
RESTRICTED = set(G.RESTRICTED_TRAVEL + G.RESTRICTED_GOODS)
EC_COLS = ["订单编号", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人", "收货手机", "收货地址", "下单时间", "签收时间", "实付金额", "商品类目"]
RO_COLS = ["案号", "执行法院", "承办人", "被执行人", "证件类型", "证件号码", "联系电话", "户籍地址", "执行标的", "立案日期", "限制消费", "失信", "案件状态"]
WB_COLS = ["waybill_no", "sender_name", "sender_phone", "sender_address", "receiver_name", "receiver_phone", "receiver_address",
           "pickup_time", "sign_time", "sign_type"]
CC_AL = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
FW = str.maketrans("0123456789", "０１２３４５６７８９")
CIRCLED = "⓪①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
TZ8 = dt.timezone(dt.timedelta(hours=8))
EPOCH = dt.datetime(1970, 1, 1)


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
    return a + dt.timedelta(days=r.randint(0, (b - a).days))


def rtime(r, d, kind):
    if kind == "work":
        while d.weekday() >= 5:
            d -= dt.timedelta(days=1)
        h = r.randint(9, 16)
    else:
        h = wchoice(r, [(r.randint(7, 11), 2), (r.randint(12, 18), 3), (r.randint(19, 23), 5), (0, 1)])
    return dt.datetime.combine(d, dt.time(h, r.randint(0, 59), r.randint(0, 59)))


CN = "零一二三四五六七八九"


def cn_num(n):
    if n < 10:
        return CN[n]
    if n < 20:
        return "十" + (CN[n % 10] if n % 10 else "")
    if n < 100:
        return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")
    return "".join(CN[int(c)] for c in str(n))


def cn_dig(n):
    return "".join("零一二三四五六七八九"[int(c)] for c in str(n))


def fw(s):
    return str(s).translate(FW)


def D8(d):
    return d.strftime("%Y%m%d")


def fmt_t(t):
    return t.strftime("%Y/%m/%d %H:%M:%S")


def day0(d):
    return dt.datetime.combine(d, dt.time(0))


# ====================================================================== places and their canonical (truth) form
def cityof(p):
    return G.D[p["dk"]]["city"]


def prefix_canon(dk):
    d = G.D[dk]
    c = G.CITIES[d["city"]]
    return c["prov"] + c["name"] + d["name"]


def estate_canon(e):
    return "%s%s%d号%s" % (prefix_canon(e["dk"]), e["road"], e["rn"], e["name"])


UNIT_NAMES = {2: ["东", "西"], 3: ["东", "中", "西"]}


def unit_word(e, u):
    if e.get("named_units"):
        return UNIT_NAMES[e["units"]][u - 1] + "单元"
    return "%d单元" % u


def flat_door_canon(e, b, u, room):
    c = G.D[e["dk"]]["city"]
    if c in ("lf", "wh"):
        return "%d号楼%s%d室" % (b, unit_word(e, u), room)
    if c == "cz":
        return "%d幢%d单元%d室" % (b, u, room)
    return "%d栋%d单元%d室" % (b, u, room)             # 蚌埠, 汉中


def place_base(p):
    """canonical string of the place without the door (used by pick-up points)"""
    k = p["kind"]
    if k == "flat":
        return estate_canon(p["estate"])
    if k == "rail":
        return prefix_canon(p["dk"]) + "%s%s宿舍" % (p["road"], p["depot"])
    if k == "resettle":
        return prefix_canon(p["dk"]) + "%s%s安置小区" % (p["town"], p["site"])
    if k == "village":
        return prefix_canon(p["dk"]) + p["town"] + p["vil"] + p.get("vsuf", "村")
    if k == "lane":
        return prefix_canon(p["dk"]) + p["road"] + p["lane"]
    return canon(p)


def canon(p):
    if p is None:
        return None
    k = p["kind"]
    if k == "hukou":
        prov, city, county, _ = G.HUKOU[p["code"]]
        if p["code"].startswith("14"):
            return "%s%s%s%s%s村%d号院" % (prov, city, county, p["town"], p["vil"], p["n"])
        return "%s%s%s%s%s村%d组%d号" % (prov, city, county, p["town"], p["vil"], p["group"], p["n"])
    if k == "pickup":
        return place_base(p["at"]) + "|" + p["brand"]
    pre = prefix_canon(p["dk"])
    if k == "flat":
        return estate_canon(p["estate"]) + flat_door_canon(p["estate"], p["b"], p["u"], p["room"])
    if k == "rail":
        return pre + "%s%s宿舍%d栋%d单元%d室" % (p["road"], p["depot"], p["b"], p["u"], p["room"])
    if k == "resettle":
        return pre + "%s%s安置小区%d栋%d单元%d室" % (p["town"], p["site"], p["b"], p["u"], p["room"])
    if k == "lane":
        return pre + "%s%s%d号院" % (p["road"], p["lane"], p["n"])
    if k == "village":
        c = cityof(p)
        base = pre + p["town"] + p["vil"] + p.get("vsuf", "村")
        if c == "cz":
            return base + "%s%d号" % (p["nat"], p["n"])
        if c == "lf":
            return base + "%d号院" % p["n"]
        if c == "wh":
            return base + "%d号" % p["n"]
        return base + "%d组%d号" % (p["group"], p["n"])     # 蚌埠, 汉中
    if k == "stall":
        return pre + "%s%d号%s%s区%d号" % (p["road"], p["rn"], p["market"], p["zone"], p["n"])
    if k == "office":
        return pre + "%s%d号%s%d室" % (p["road"], p["rn"], p["tower"], p["room"])
    return pre + "%s%d号%s" % (p["road"], p["rn"], p["name"])      # shop, factory


class Geo:
    """estates and other fixed places of the five cities"""

    def __init__(self, r):
        self.r = r
        self.estates = {}
        used = set()
        for dk, d in G.D.items():
            c = d["city"]
            n = {"cz": 16, "bb": 10, "lf": 8, "wh": 10, "hz": 8}[c]
            if d["towns"] and dk not in ("wh_hc", "bb_lzh", "bb_bs", "bb_yh", "cz_xb", "cz_wj", "lf_yd", "hz_ht"):
                n = max(3, n // 2)
            lst = []
            while len(lst) < n:
                nm = r.choice(G.ESTATE_A[c]) + r.choice(G.ESTATE_B[c])
                if r.random() < 0.15:
                    nm += r.choice(["二期", "一期", "东区", "西区"])
                if (c, nm) in used:
                    continue
                used.add((c, nm))
                units = r.choice([2, 2, 3, 3, 4])
                named = c == "wh" and units in (2, 3) and r.random() < 0.45 or c == "lf" and units in (2, 3) and r.random() < 0.2
                zs = G.ZONES.get(dk)
                zone = None
                if zs and r.random() < 0.5:
                    zone = r.choice(sorted({z[2] for z in zs}))
                lst.append(dict(dk=dk, road=r.choice(d["roads"]), rn=r.randint(1, 400), name=nm, buildings=r.randint(6, 40), units=units,
                                floors=r.choice([6, 6, 7, 11, 18, 26, 33]), named_units=named, zone=zone))
            self.estates[dk] = lst
        self.rail = []
        for full, short in G.RAIL:
            dk = r.choice(G.RAIL_DK)
            self.rail.append(dict(dk=dk, road=r.choice(G.D[dk]["roads"]), depot=full, short=short, buildings=r.randint(8, 30)))
        self.villages = {}
        for dk, d in G.D.items():
            lst = []
            for t in d["towns"]:
                for _ in range(3):
                    lst.append(dict(town=t, vil=r.choice(G.VIL_A) + r.choice(G.VIL_B), vsuf="社区" if d["city"] == "hz" and r.random() < 0.3 else "村"))
            self.villages[dk] = lst
        self.sites = {}
        for dk in ("hz_ht", "hz_nz", "hz_cg", "hz_mx"):
            self.sites[dk] = [dict(town=t, site=r.choice(G.RESETTLE)) for t in r.sample(G.D[dk]["towns"], 3)]

    def home(self, r, city, dk=None, kind=None):
        dk = dk or wchoice(r, G.DW[city])
        d = G.D[dk]
        if kind is None:
            opts = [("flat", 70)]
            if d["towns"]:
                opts.append(("village", 22 if city in ("lf", "hz", "wh") else 14))
            if city == "bb" and dk in G.RAIL_DK:
                opts.append(("rail", 14))
            if city == "lf" and dk == "lf_yd":
                opts.append(("lane", 14))
            if city == "hz" and dk in self.sites:
                opts.append(("resettle", 14))
            kind = wchoice(r, opts)
        if kind == "rail":
            c = r.choice([x for x in self.rail if x["dk"] == dk] or self.rail)
            return dict(kind="rail", dk=c["dk"], road=c["road"], depot=c["depot"], short=c["short"], b=r.randint(1, c["buildings"]),
                        u=r.randint(1, 3), room=r.randint(1, 6) * 100 + r.randint(1, 2))
        if kind == "lane":
            return dict(kind="lane", dk=dk, road=r.choice(d["roads"][:6]), lane=r.choice(G.LANES), n=r.randint(1, 60))
        if kind == "resettle":
            s = r.choice(self.sites[dk])
            return dict(kind="resettle", dk=dk, town=s["town"], site=s["site"], b=r.randint(1, 12), u=r.randint(1, 3),
                        room=r.randint(1, 6) * 100 + r.randint(1, 2))
        if kind == "village":
            v = r.choice(self.villages[dk])
            p = dict(kind="village", dk=dk, town=v["town"], vil=v["vil"], vsuf=v["vsuf"], n=r.randint(1, 180 if city == "wh" else 60))
            if city in ("bb", "hz"):
                p["group"] = r.randint(1, 12)
            if city == "cz":
                p["nat"] = r.choice(["陈家", "周家", "蒋家", "前", "后", "东", "西", "庄"]) + r.choice(["塘", "村", "湾", "头", "巷", "宅"])
                if p["nat"].endswith("村"):
                    p["nat"] = p["nat"][:-1] + "庄"
            return p
        e = r.choice(self.estates[dk])
        return self.flat_in(r, e)

    def flat_in(self, r, e):
        fl = r.randint(1, e["floors"])
        return dict(kind="flat", dk=e["dk"], estate=e, b=r.randint(1, e["buildings"]), u=r.randint(1, e["units"]),
                    room=fl * 100 + r.randint(1, 2 if e["floors"] <= 7 else 4))

    def work(self, r, city):
        k = wchoice(r, [("stall", 22), ("office", 30), ("shop", 28), ("factory", 20)])
        if k == "stall":
            m, dk, road, rn = r.choice(G.MARKETS[city])
            return dict(kind="stall", dk=dk, road=road, rn=rn, market=m, zone=r.choice("ABCDE"), n=r.randint(1, 260))
        if k == "office":
            t, dk, road, rn = r.choice(G.TOWERS[city])
            return dict(kind="office", dk=dk, road=road, rn=rn, tower=t, room=r.randint(3, 28) * 100 + r.randint(1, 20))
        dk = wchoice(r, G.DW[city])
        pool = G.SHOPS[city] if k == "shop" else [G.D[dk]["short"].rstrip("区县市") + x for x in G.FACTORIES[city]]
        nm = r.choice(pool).replace("X", r.choice(G.SURNAMES[:60]) if k == "shop" else r.choice(["鑫", "华", "盛", "远", "达", "海", "通", "丰"]) +
                                     r.choice(["源", "泰", "祥", "利", "宇", "德"]))
        return dict(kind=k, dk=dk, road=r.choice(G.D[dk]["roads"]), rn=r.randint(1, 900), name=nm)


# ====================================================================== writing addresses as people type them
def written_district(r, dk, with_city, zone=None):
    d = G.D[dk]
    opts = [(d["name"], 6), (d["short"], 2 if with_city and d["short"] != d["name"] else 0)]
    if dk in G.ZONES and zone:
        for z, alone, fam in G.ZONES[dk]:
            opts.append((z, 2 if fam == zone and (alone or with_city) else 0))
    if dk in G.OLD_NAMES and with_city:
        opts.append((G.OLD_NAMES[dk][0], 1))
    opts = [o for o in opts if o[1] > 0]
    w = wchoice(r, opts)
    if not with_city and w in G.NEED_CITY:
        w = d["name"]
    return w


def prefix_text(r, dk, zone=None):
    d = G.D[dk]
    c = G.CITIES[d["city"]]
    form = wchoice(r, [("full", 30), ("city", 24), ("short", 10), ("dist", 12), ("none", 12), ("comma", 4), ("cityonly", 4), ("noshi", 4)])
    if form == "full":
        return c["prov"] + c["name"] + written_district(r, dk, True, zone)
    if form == "city":
        return c["name"] + written_district(r, dk, True, zone)
    if form == "short":
        return c["ps"] + c["short"] + written_district(r, dk, True, zone)
    if form == "noshi":
        return c["short"] + written_district(r, dk, True, zone)
    if form == "comma":
        return c["prov"] + "，" + c["name"] + "，" + d["name"] + "，"
    if form == "cityonly":
        return c["name"]
    if form == "dist":
        w = written_district(r, dk, False, zone)
        return "" if w in G.NEED_CITY else w
    return ""


def num(r, n):
    if r.random() < 0.05:
        return cn_num(n)
    return str(n)


def bnum(r, b):
    """building numbers: circled digits typed from the phone's symbol keyboard (new habit)"""
    if b <= 20 and r.random() < 0.06:
        return CIRCLED[b]
    if r.random() < 0.04:
        return cn_num(b)
    return str(b)


def room_text(r, room):
    if r.random() < 0.04:
        return cn_dig(room)
    return str(room)


def flat_door_text(r, e, b, u, room):
    c = G.D[e["dk"]]["city"]
    uw = unit_word(e, u)
    uw_n = uw[:-2]                      # "3" / "东"
    B, R = bnum(r, b), room_text(r, room)
    fl, dd = room // 100, room % 100
    if c in ("lf", "wh"):
        return wchoice(r, [("%s号楼%s%s室" % (B, uw, R), 20), ("%s号楼%s%s" % (B, uw, R), 18), ("%s-%s-%s" % (b, uw_n, room), 14),
                           ("%s#%s%s" % (b, uw, R), 5), ("%s栋%s%s" % (B, uw, R), 6), ("%s号楼%s%d楼%02d" % (B, uw, fl, dd), 5),
                           ("%s号楼%s%s户" % (B, uw, R), 6), ("%s号%s%s" % (B, uw, R), 5), ("%s号楼%s号" % (B, R), 3 if not e.get("named_units") else 0),
                           ("%s号楼%s%s室" % (cn_num(b), uw if not uw[0].isdigit() else cn_num(u) + "单元", cn_dig(room)), 3)])
    if c == "cz":
        return wchoice(r, [("%s幢%s单元%s室" % (B, u, R), 22), ("%s幢%s单元%s" % (B, u, R), 16), ("%d-%d-%d" % (b, u, room), 14),
                           ("%s幢%s" % (B, R), 5), ("%s栋%s单元%s室" % (B, u, R), 8), ("%s号楼%s单元%s" % (B, u, R), 6),
                           ("%s幢%d-%d" % (B, u, room), 6), ("%s幢甲%s" % (B, R), 0), ("%s幢%s单元%s号" % (B, u, R), 4)])
    return wchoice(r, [("%s栋%s单元%s室" % (B, u, R), 22), ("%s栋%s单元%s" % (B, u, R), 16), ("%d-%d-%d" % (b, u, room), 14),
                       ("%s号楼%s单元%s" % (B, u, R), 10), ("%s幢%s单元%s室" % (B, u, R), 6), ("%s栋%s单元%d楼%02d" % (B, u, fl, dd), 4),
                       ("%s栋%s-%s" % (B, u, room), 5), ("%s栋%s单元%s号" % (B, u, R), 4)])


def road_text(r, road, rn):
    return road + num(r, rn) + "号"


def estate_text(r, e):
    f = wchoice(r, [("road", 30), ("alone", 45), ("roadonly", 10), ("paren", 8), ("nonum", 7)])
    if f == "road":
        return road_text(r, e["road"], e["rn"]) + e["name"]
    if f == "roadonly":
        return e["road"] + e["name"]
    if f == "paren":
        return road_text(r, e["road"], e["rn"]) + "（" + e["name"] + "）"
    if f == "nonum":
        return e["name"].replace("小区", "") if e["name"].endswith("小区") and r.random() < 0.5 else e["name"]
    return e["name"]


def rail_body(r, p):
    B = bnum(r, p["b"])
    door = wchoice(r, [("%s栋%d单元%d室" % (B, p["u"], p["room"]), 20), ("%d-%d-%d" % (p["b"], p["u"], p["room"]), 15),
                       ("%s栋%d单元%d" % (B, p["u"], p["room"]), 15), ("%s号楼%d单元%d" % (B, p["u"], p["room"]), 8),
                       ("%s栋%d-%d" % (B, p["u"], p["room"]), 5)])
    short = p["short"]
    comp = wchoice(r, [(p["depot"] + "宿舍", 22), (short + "宿舍", 18), (short + "家属院", 10), ("铁路" + short + "宿舍", 8),
                       ("路局" + short + "宿舍", 5), (p["depot"] + "生活区", 6), ("老" + short + "宿舍", 5), (short, 6),
                       (p["road"] + p["depot"] + "宿舍", 14), (p["road"] + short + "家属区", 6)])
    return comp + door


def resettle_body(r, p):
    B = bnum(r, p["b"])
    door = wchoice(r, [("%s栋%d单元%d室" % (B, p["u"], p["room"]), 20), ("%d-%d-%d" % (p["b"], p["u"], p["room"]), 14),
                       ("%s栋%d单元%d" % (B, p["u"], p["room"]), 16), ("%s号楼%d单元%d" % (B, p["u"], p["room"]), 6)])
    t = p["town"]
    comp = wchoice(r, [(t + p["site"] + "安置小区", 24), (p["site"] + "安置小区", 14), (t + p["site"] + "安置点", 10), (t + "移民安置小区", 6),
                       (t + p["site"] + "移民搬迁安置点", 8), (p["site"] + "社区安置房", 6), (t[:-1] + p["site"] + "安置小区", 6),
                       (p["site"] + "新村", 5)])
    return comp + door


def village_body(r, p):
    c = cityof(p)
    t, v, n = p["town"], p["vil"], p["n"]
    tt = wchoice(r, [(t, 60), (t[:-1] if t[-1] in "镇乡" and len(t) > 2 else t, 20), ("", 20)])
    N = num(r, n)
    if c == "cz":
        nat = p["nat"]
        return tt + wchoice(r, [("%s村%s%s号" % (v, nat, N), 25), ("%s村委%s村%s号" % (v, nat, N), 20), ("%s村委会%s%s号" % (v, nat, N), 10),
                                ("%s村%s村%s号" % (v, nat, N), 15), ("%s%s%s号" % (v, nat, N), 10), ("%s村%s" % (nat, N), 6),
                                ("%s村%s%s" % (v, nat, N), 8)])
    if c == "lf":             # cave-dwelling courtyards (窑洞): the 窑 is written after the 号院 (new habit)
        kong = r.randint(1, 5)
        return tt + wchoice(r, [("%s村%s号院" % (v, N), 26), ("%s村%s号" % (v, N), 16), ("%s村%s号院窑洞" % (v, N), 12),
                                ("%s村%s号院%d孔窑" % (v, N, kong), 8), ("%s村%s号院%s窑" % (v, N, r.choice("东西中")), 8),
                                ("%s村窑洞%s号院" % (v, N), 6), ("%s村第%s号院" % (v, N), 6), ("%s村%s院" % (v, N), 6),
                                ("%s村委%s号院" % (v, N), 4), ("%s村%s号院（靠坡）" % (v, N), 3)])
    if c == "wh":
        return tt + wchoice(r, [("%s村%s号" % (v, N), 40), ("%s村委%s号" % (v, N), 10), ("%s村%s号（海草房）" % (v, N), 6), ("%s渔村%s号" % (v, N), 6),
                                ("%s社区%s村%s号" % (v, N, N), 0), ("%s%s号" % (v, N), 12), ("%s村%s" % (v, N), 8), ("%s村%s号院" % (v, N), 8)])
    g = p["group"]
    suf = p.get("vsuf", "村")
    if c == "bb":             # 安徽 村民组 (new habit) and 队 for the group
        return tt + wchoice(r, [("%s村%d组%s号" % (v, g, N), 28), ("%s村%d村民组%s号" % (v, g, N), 16), ("%s村%s组%s号" % (v, cn_num(g), N), 10),
                                ("%s村%d队%s号" % (v, g, N), 8), ("%s村委会%d组%s号" % (v, g, N), 8), ("%s%d组%s号" % (v, g, N), 10),
                                ("%s村%d组" % (v, g), 4), ("%s村%s村民组%s号" % (v, cn_num(g), N), 6)])
    # 汉中: mountain villages with 组, and villages turned into 社区 keeping their 组
    other = "社区" if suf == "村" else "村"
    return tt + wchoice(r, [("%s%s%d组%s号" % (v, suf, g, N), 30), ("%s%s%s组%s号" % (v, suf, cn_num(g), N), 12), ("%s%s%d组%s号" % (v, other, g, N), 10),
                            ("%s%s%d组" % (v, suf, g), 8), ("%s%d组%s号" % (v, g, N), 10), ("%s%s%d组%s号附近" % (v, suf, g, N), 0),
                            ("%s%s%d小组%s号" % (v, suf, g, N), 6), ("%s%s%d社%s号" % (v, suf, g, N), 4)])


def lane_body(r, p):
    N = num(r, p["n"])
    return wchoice(r, [("%s%s%s号院" % (p["road"], p["lane"], N), 24), ("%s%s号院" % (p["lane"], N), 22), ("%s%s号" % (p["lane"], N), 14),
                       ("%s%s%s号" % (p["road"], p["lane"], N), 10), ("%s%s院" % (p["lane"], N), 6), ("%s%s号院内" % (p["lane"], N), 6),
                       ("%s%s号大院" % (p["lane"], N), 5), ("%s%s号院平房" % (p["lane"], N), 4)])


def work_body(r, p):
    k = p["kind"]
    rd = road_text(r, p["road"], p["rn"]) if r.random() < 0.6 else ""
    if k == "stall":
        z, n = p["zone"], p["n"]
        door = wchoice(r, [("%s区%d号" % (z, n), 30), ("%s%d" % (z, n), 14), ("%s-%d" % (z, n), 10), ("%s区%d号商铺" % (z, n), 10),
                           ("%s区%d号门面" % (z, n), 6), ("%s%03d号" % (z, n), 6), ("%s区%s号" % (z, cn_num(n) if n < 100 else n), 4), ("%s区%d号摊位" % (z, n), 6)])
        return rd + p["market"] + door
    if k == "office":
        rm = p["room"]
        door = wchoice(r, [("%d室" % rm, 30), ("%d" % rm, 20), ("%d楼%d" % (rm // 100, rm), 12), ("%d层%d室" % (rm // 100, rm), 10), ("%d号" % rm, 6),
                           ("%dF-%02d" % (rm // 100, rm % 100), 0)])
        return rd + p["tower"] + door
    tail = ""
    if k == "factory" and r.random() < 0.4:
        tail = r.choice(["门卫", "传达室", "仓库", "门卫室"])
    elif k == "shop" and r.random() < 0.2:
        tail = r.choice(["门口", "收银台"])
    return (rd or road_text(r, p["road"], p["rn"])) + p["name"] + tail


def body_text(r, p):
    k = p["kind"]
    if k == "flat":
        return estate_text(r, p["estate"]) + flat_door_text(r, p["estate"], p["b"], p["u"], p["room"])
    if k == "rail":
        return rail_body(r, p)
    if k == "resettle":
        return resettle_body(r, p)
    if k == "village":
        return village_body(r, p)
    if k == "lane":
        return lane_body(r, p)
    return work_body(r, p)


def landmark(r, dk):
    """landmark-relative writing (new habit): 'X附近', 'X斜对面', 'X往东200米'; only landmarks of the same district"""
    lms = [m for m, k in G.LANDMARK_DK.items() if k == dk]
    if not lms:
        return None
    lm = r.choice(lms)
    return lm + wchoice(r, [("附近", 4), ("斜对面", 3), ("对面", 3), ("往东200米", 1), ("往北走100米", 1), ("后面", 1)])


def address_text(r, p, full_width=True):
    if p["kind"] == "hukou":
        return hukou_text(r, p)
    if p["kind"] == "pickup":
        return pickup_text(r, p)
    pre = prefix_text(r, p["dk"], p["estate"].get("zone") if p["kind"] == "flat" else None)
    body = body_text(r, p)
    if r.random() < 0.07 and p["kind"] in ("flat", "rail", "village", "resettle", "lane"):
        lm = landmark(r, p["dk"])
        if lm:
            body = lm + body
    s = pre + (" " if pre and r.random() < 0.15 else "") + body
    if full_width and r.random() < 0.04:
        s = fw(s)
    if r.random() < 0.04:
        s += r.choice(G.REMARKS)
    return s


def pickup_text(r, p):
    at, brand = p["at"], p["brand"]
    if at["kind"] == "flat":
        base = at["estate"]["name"]
    elif at["kind"] == "rail":
        base = at["short"] + "宿舍"
    elif at["kind"] == "resettle":
        base = at["site"] + "安置小区"
    elif at["kind"] == "lane":
        base = at["lane"]
    else:
        base = at["vil"] + at.get("vsuf", "村")
    pre = prefix_text(r, at["dk"])
    f = wchoice(r, [("%s%s" % (base, brand), 30), ("%s北门%s" % (base, brand), 10), ("%s门口%s" % (base, brand), 10),
                    ("%s（%s）" % (brand, base), 8), ("%s %s" % (base, brand), 8), ("%s·%s店" % (brand, base), 6), ("%s南门口旁边%s" % (base, brand), 6)])
    return pre + f


def hukou_text(r, p):
    prov, city, county, _ = G.HUKOU[p["code"]]
    t = p["town"]
    pre = wchoice(r, [(prov + city + county, 50), (city + county, 20), (prov + county, 10), (county, 20)])
    v = p["vil"]
    if p["code"].startswith("14"):
        door = wchoice(r, [("%s村%d号院" % (v, p["n"]), 50), ("%s村%d号" % (v, p["n"]), 30), ("%s村" % v, 20)])
    else:
        g = p["group"]
        door = wchoice(r, [("%s村%d组%d号" % (v, g, p["n"]), 45), ("%s村%s组%d号" % (v, cn_num(g), p["n"]), 15), ("%s村%d组" % (v, g), 20),
                           ("%s村%d队%d号" % (v, g, p["n"]), 10), ("%s村%d村民组%d号" % (v, g, p["n"]), 10)])
    return pre + t + door


# ====================================================================== names and phones as typed
def mask_name(r, name):
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + r.choice(["**", "*" + name[-1]]) if len(name) == 3 else name[0] + "*" * (len(name) - 1)


def mask_id(r, idn):
    f = r.choice(["6+8", "6+8", "2+14"])
    if f == "6+8":
        return idn[:6] + "*" * 8 + idn[14:]
    return idn[:2] + "*" * 14 + idn[16:]


def mask_phone(ph):
    return ph[:3] + "****" + ph[7:]


def phone_typed(r, ph):
    if ph.startswith("0"):
        return ph
    return wchoice(r, [(ph, 60), ("+86" + ph, 6), ("+86 " + ph, 4), ("%s %s %s" % (ph[:3], ph[3:7], ph[7:]), 6), ("%s-%s-%s" % (ph[:3], ph[3:7], ph[7:]), 6),
                       (mask_phone(ph), 18)])


_PY = {}


def pinyin(name):
    from pypinyin import lazy_pinyin
    if name not in _PY:
        _PY[name] = lazy_pinyin(name)
    return _PY[name]


def pinyin_text(r, name):
    py = pinyin(name)
    if any(not s.isascii() or not s.isalpha() for s in py):
        return name
    sur, giv = py[0], "".join(py[1:])
    return wchoice(r, [(sur.capitalize() + " " + giv.capitalize(), 4), ((sur + " " + giv).upper(), 2), (giv.capitalize() + " " + sur.capitalize(), 2),
                       (sur + giv, 2), ((sur + giv).capitalize(), 1)])


def name_typed(r, p, city):
    """recipient name as typed: (text, form)"""
    nm = p["name"]
    if not nm or len(nm) < 2:
        return nm, "full"
    f = wchoice(r, [("full", 56), ("title", 10), ("mask", 6), ("nick", 8), ("pinyin", 4), ("placeholder", 3), ("suffix", 5), ("space", 3),
                    ("emoji", 2), ("given", 3)])
    if f == "full":
        return nm, f
    if f == "title":
        t = ("先生", "女士") if p.get("gender") == "F" else ("先生", "师傅")
        return nm[0] + (("女士" if r.random() < 0.85 else "小姐") if p.get("gender") == "F" else r.choice(t)), f
    if f == "mask":
        return nm[0] + "**", f
    if f == "nick":
        pat = r.choice(G.NICK_LOCAL[city])
        return pat.replace("X", nm[-1] if pat.startswith("X") and r.random() < 0.3 else nm[0]), f
    if f == "pinyin":
        return pinyin_text(r, nm), f
    if f == "placeholder":
        return r.choice(G.PLACEHOLDERS), f
    if f == "suffix":
        return nm + r.choice(["收", "(本人)", "/代收", "亲收", "（本人收）"]), f
    if f == "space":
        return nm[0] + r.choice([" ", "\u3000"]) + nm[1:], f
    if f == "emoji":
        return nm + r.choice(G.EMOJI), f
    return nm[1:], f


# ====================================================================== the world
class World:
    def __init__(self, seed, k):
        self.rng = random.Random(seed * 1000003 + 16)
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
            n = str(r.randint(2, 8)) + "".join(r.choice("0123456789") for _ in range(c["ll"] - 1))
            ph = c["area"] + "-" + n
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
    """county code printed on the ID: where the person was born/registered, old code if issued before the change"""
    if r.random() < 0.4:
        code = r.choice(G.HUKOU_OF_CITY[city])
    else:
        code = G.D[dk_now]["code"] if r.random() < 0.7 else G.D[wchoice(r, G.DW[city])]["code"]
    for old, y0, y1 in G.OLD_CODES.get(code, []):
        if y0 <= birth.year < y1 and r.random() < 0.65:
            return code, old
    return code, code


def hukou_place(r, geo, code, city):
    if code in G.HUKOU:
        _, _, _, towns = G.HUKOU[code]
        return dict(kind="hukou", code=code, town=r.choice(towns), vil=r.choice(G.VIL_A) + r.choice(G.VIL_B), group=r.randint(1, 14), n=r.randint(1, 80))
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


def build_world(W, geo):
    r = W.rng
    K = W.k
    n_org = int(K * 0.07)
    n_person = K - n_org
    for i in range(n_person):
        city = wchoice(r, G.CITY_W)
        d = person(W, geo, "debtor", city, age=r.randint(23, 69))
        W.debtors.append(d)
        W.households += 1
        d["household"] = W.households
        d["present"] = r.random() > 0.10
        if not d["present"]:
            d["flags"].append("absent")
    for i in range(n_org):
        city = wchoice(r, G.CITY_W)
        dk = wchoice(r, G.DW[city])
        kind = r.choice(["co", "co", "ind"])
        sur = r.choice(G.SURNAMES[:80])
        nm = G.CITIES[city]["short"] + (r.choice(["鑫", "华", "盛", "远", "达", "瑞", "通", "恒"]) + r.choice(["源", "泰", "祥", "利", "宇", "德", "邦"]) +
                                        r.choice(["贸易有限公司", "建材有限公司", "商贸有限公司", "物流有限公司", "餐饮管理有限公司"]) if kind == "co"
                                        else G.D[dk]["short"] + sur + r.choice(["记", "氏", "家"]) + r.choice(["商行", "经营部", "五金店", "水产店", "副食店"]))
        o = W.new(role="debtor", kind="organisation", city=city, name=nm, id_number=credit_code(r, kind, G.D[dk]["code"]), present=False)
        o["phones"] = [W.landline(city)] if r.random() < 0.6 else []
        W.debtors.append(o)
    # households, work, moves, phones
    for d in list(W.debtors):
        if d["kind"] != "person":
            continue
        city = d["city"]
        age = ASOF.year - d["birth"].year
        if age >= 25 and r.random() < 0.62:
            sp = person(W, geo, "spouse", city, age=max(21, age + r.randint(-5, 4)), male=d["gender"] == "F", home=d["home"], household=d["household"])
            sp["spouse"], d["spouse"] = d["pid"], sp["pid"]
            if r.random() < 0.03:
                sp["role"] = "debtor"
                sp["flags"].append("co_debtor")
                sp["co_of"] = d["pid"]
                W.debtors.append(sp)
        if age >= 46 and r.random() < 0.45:
            ch = person(W, geo, "child", city, age=r.randint(20, age - 22), household=d["household"],
                        home=d["home"] if r.random() < 0.5 else None)
            ch["name"] = (d["name"][0] if d["gender"] == "M" or not d.get("spouse") else W.by[d["spouse"]]["name"][0]) + ch["name"][1:]
            d["children"].append(ch["pid"])
            ch["parents"] = [d["pid"]]
        hk = d["hukou_home"]
        if hk["kind"] in ("hukou", "village") and age < 55 and r.random() < 0.4:
            for male in (True, False):
                pa_ = person(W, geo, "parent", city, age=age + r.randint(22, 30), male=male, home=hk)
                pa_["name"] = (d["name"][0] + pa_["name"][1:]) if male else pa_["name"]
                pa_["present"] = True
                d["parents"].append(pa_["pid"])
    # everyone else
    for _ in range(int(K * 1.0)):
        person(W, geo, "stranger", wchoice(r, G.CITY_W))
    crowd = int(K * 0.25)
    for i in range(crowd):
        nm = G.CROWD_NAMES[min(int(r.expovariate(0.35)), len(G.CROWD_NAMES) - 1)]
        person(W, geo, "stranger", wchoice(r, G.CITY_W), name=nm, male=nm[-1] not in "英静敏丽")
    # 3 % of debtors bear crowd names
    for d in W.debtors:
        if d["kind"] == "person" and r.random() < 0.03:
            d["name"] = G.CROWD_NAMES[r.randrange(len(G.CROWD_NAMES))]
    for d in list(W.debtors):
        if d["kind"] != "person":
            continue
        if r.random() < (0.45 if not d["present"] else 0.22):
            where = wchoice(r, [("estate", 12), ("dist", 43), ("city", 20), ("any", 25)])
            h = d["home"]
            if where == "estate" and h["kind"] == "flat":
                home = geo.flat_in(r, h["estate"])
            elif where in ("estate", "dist") and h.get("dk"):
                home = geo.home(r, d["city"], h["dk"])
            elif where == "city":
                home = geo.home(r, d["city"])
            else:
                home = None
            age = ASOF.year - d["birth"].year + (r.randint(-1, 1) if r.random() < 0.35 else r.randint(-15, 15))
            ns = person(W, geo, "namesake", d["city"] if home or r.random() < 0.5 else wchoice(r, G.CITY_W), age=max(20, min(80, age)),
                        male=d["gender"] == "M", home=home, name=d["name"], namesake_of=d["pid"])
            if r.random() < 0.3:
                ns["id_number"] = W.idn(d["id_number"][:6], ns["birth"], d["gender"] == "M")
        if d["home"]["kind"] == "flat" and r.random() < 0.3:
            e = d["home"]["estate"]
            hm = dict(geo.flat_in(r, e))
            if r.random() < 0.4:
                hm["b"] = d["home"]["b"]
            person(W, geo, "neighbour", d["city"], home=hm)
    # dirt people
    for _ in range(30):
        person(W, geo, "dirt", wchoice(r, G.CITY_W))
    # life events for persons
    hh_moved = {}
    for p in W.people:
        if p["kind"] != "person" or p["role"] in ("parent", "dirt"):
            continue
        age = ASOF.year - p["birth"].year
        if 21 <= age <= 60 and r.random() < 0.6:
            p["work"] = geo.work(r, p["city"])
            if r.random() < 0.6:
                p["landline"] = W.landline(p["city"])
            if r.random() < 0.15:
                p["old_work"] = geo.work(r, p["city"])
                p["job_change"] = rand_date(r, START + dt.timedelta(days=30), ASOF - dt.timedelta(days=20))
        if r.random() < 0.3:
            p["old_phone"] = p["phones"][0]
            p["phones"] = [W.phone()]
            p["phone_change"] = rand_date(r, START - dt.timedelta(days=200), ASOF - dt.timedelta(days=10))
    # moves: whole households (keyed by the home object)
    homes = {}
    for p in W.people:
        if p["kind"] == "person" and p["role"] in ("debtor", "spouse", "child", "stranger", "namesake", "neighbour") and p["home"] is not None:
            homes.setdefault(id(p["home"]), []).append(p)
    for key in sorted(homes, key=lambda k: homes[k][0]["pid"]):
        grp = homes[key]
        if r.random() < 0.2:
            city = grp[0]["city"] if r.random() < 0.86 else wchoice(r, G.CITY_W)
            new = geo.home(r, city)
            md = rand_date(r, ASOF - dt.timedelta(days=45), ASOF - dt.timedelta(days=5)) if r.random() < 0.3 else \
                rand_date(r, START + dt.timedelta(days=40), ASOF - dt.timedelta(days=46))
            for p in grp:
                p["old_home"], p["home"], p["move_date"] = p["home"], new, md
                p["city"] = city
            hh_moved[key] = md
    # spouse's account
    for d in W.debtors:
        if d["kind"] == "person" and d["present"] and d.get("spouse") and r.random() < 0.24:
            d["flags"].append("uses_spouse_account")
            if r.random() < 0.55:
                d["flags"].append("no_own_account")
    # recycled numbers
    for p in list(W.people):
        if p.get("old_phone") and p["phone_change"] < ASOF - dt.timedelta(days=120) and r.random() < 0.35:
            s = person(W, geo, "stranger", p["city"])
            W.used_phones.discard(s["phones"][0])
            s["phones"] = [p["old_phone"]]
            s["phone_from"] = p["phone_change"] + dt.timedelta(days=r.randint(60, 110))
            s["flags"].append("recycled_number")
    # roster phones
    for d in W.debtors:
        if d["kind"] != "person":
            d["roster_phones"] = list(d["phones"])
            continue
        cur = d["phones"][0]
        if d.get("old_phone"):
            rp = wchoice(r, [([d["old_phone"]], 52), ([d["old_phone"], cur], 24), ([], 16), ([cur], 8)])
        else:
            rp = wchoice(r, [([cur], 44), ([], 22), ([W.phone()], 29), (None, 5)])
            if rp is None:
                rp = [W.phone(), cur]
        if d.get("landline") and r.random() < 0.15:
            rp = rp + [d["landline"]]
        d["roster_phones"] = rp


COURTS = {
    "cz": [("常州市中级人民法院", "苏04", None), ("常州市天宁区人民法院", "苏0402", "cz_tn"), ("常州市钟楼区人民法院", "苏0404", "cz_zl"),
           ("常州市新北区人民法院", "苏0411", "cz_xb"), ("常州市武进区人民法院", "苏0412", "cz_wj"), ("常州市金坛区人民法院", "苏0413", None),
           ("溧阳市人民法院", "苏0481", None)],
    "bb": [("蚌埠市中级人民法院", "皖03", None), ("蚌埠市龙子湖区人民法院", "皖0302", "bb_lzh"), ("蚌埠市蚌山区人民法院", "皖0303", "bb_bs"),
           ("蚌埠市禹会区人民法院", "皖0304", "bb_yh"), ("蚌埠市淮上区人民法院", "皖0311", "bb_hs"), ("怀远县人民法院", "皖0321", None),
           ("固镇县人民法院", "皖0323", None)],
    "lf": [("临汾市中级人民法院", "晋10", None), ("临汾市尧都区人民法院", "晋1002", "lf_yd"), ("洪洞县人民法院", "晋1024", "lf_hd"),
           ("襄汾县人民法院", "晋1023", "lf_xf"), ("侯马市人民法院", "晋1081", "lf_hm"), ("霍州市人民法院", "晋1082", None)],
    "wh": [("威海市中级人民法院", "鲁10", None), ("威海市环翠区人民法院", "鲁1002", "wh_hc"), ("威海市文登区人民法院", "鲁1003", "wh_wd"),
           ("荣成市人民法院", "鲁1082", "wh_rc"), ("乳山市人民法院", "鲁1083", None)],
    "hz": [("汉中市中级人民法院", "陕07", None), ("汉中市汉台区人民法院", "陕0702", "hz_ht"), ("汉中市南郑区人民法院", "陕0703", "hz_nz"),
           ("城固县人民法院", "陕0722", "hz_cg"), ("勉县人民法院", "陕0725", "hz_mx"), ("宁强县人民法院", "陕0726", None)],
}
ROSTER_OF = {"cz": "longchengfy", "bb": "zhuchengfy", "lf": "pingyangfy", "wh": "liugongfy", "hz": "hanshuify"}
JUDGES = "周王张刘孙于贾郭何陈李杨"


def build_cases(W):
    r = random.Random(W.rng.random())
    cases, seq = [], {}
    for d in W.debtors:
        if "co_debtor" in d["flags"]:
            continue
        n = wchoice(r, [(1, 72), (2, 20), (3, 8)])
        for i in range(n):
            c = d["city"] if r.random() < 0.88 else wchoice(r, G.CITY_W)
            home_dk = (d.get("old_home") or d.get("home") or {}).get("dk")
            opts = COURTS[c]
            loc = [x for x in opts if x[2] == home_dk]
            court = r.choice(loc) if loc and r.random() < 0.7 else r.choice(opts)
            filing = rand_date(r, dt.date(2018, 6, 1), ASOF - dt.timedelta(days=3))
            key = (court[1], filing.year)
            seq[key] = seq.get(key, 0) + r.randint(1, 30)
            kind = "执恢" if r.random() < 0.05 else "执"
            if c == "bb":
                cn = "（%d）%s%s%d号" % (filing.year, court[1], kind, seq[key])      # full-width brackets at 蚌埠
            else:
                cn = "(%d)%s%s%d号" % (filing.year, court[1], kind, seq[key])
            status = wchoice(r, [("执行中", 55), ("终本", 33), ("执行完毕", 12)])
            amount = round(r.choice([r.uniform(1200, 50000), r.uniform(50000, 900000)]), 2)
            base = dict(case_no=cn, court=court[0], judge=r.choice(JUDGES) + r.choice(["晓", "志", "建", "丽", "海", "文", "雅", "俊"]) + r.choice("明华军红峰燕平斌"),
                        status=status, restrict=r.random() < 0.7, blacklist=r.random() < 0.4, filing=filing, amount=amount,
                        roster=ROSTER_OF[c], city=c)
            cases.append(dict(base, pid=d["pid"], id_number=d["id_number"].upper(), name=d["name"], kind=d["kind"], co_debtor=False))
            if i == 0 and d.get("spouse") and W.by[d["spouse"]].get("co_of") == d["pid"]:
                sp = W.by[d["spouse"]]
                cases.append(dict(base, pid=sp["pid"], id_number=sp["id_number"].upper(), name=sp["name"], kind="person", co_debtor=True))
    return cases


# ====================================================================== platform activity
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


def pickup_of(r, place):
    return dict(kind="pickup", at=place, brand=G.PICKUP_BRANDS[hash_pick(place) % len(G.PICKUP_BRANDS)] if r.random() < 0.8 else r.choice(G.PICKUP_BRANDS))


def hash_pick(place):
    s = place_base(place)
    return sum(ord(c) * (i + 1) for i, c in enumerate(s))


class Gen:
    def __init__(self, W, geo):
        self.W, self.geo = W, geo
        self.r = random.Random(W.rng.random())
        self.orders, self.waybills, self.accounts = [], [], []
        self.oid = {"jinhe": 0, "mangmi": 0, "yunyou": 0}

    def account(self, p, plat):
        if plat in p["accounts"]:
            return p["accounts"][plat]
        r = self.r
        n = len(self.accounts) + 1
        uid = {"jinhe": "jh%07d" % (3000000 + n * 7), "mangmi": "mm_%06d" % (n * 13 % 999983), "yunyou": "YY%08d" % (n * 31 + 10000000),
               "manbu": "mb%06d" % (n * 11), "qingyu": "qy_%07d" % (n * 17 + 1000000)}[plat]
        idform = wchoice(r, {"jinhe": [("full", 30), ("mask", 50), ("empty", 20)], "mangmi": [("full", 10), ("mask", 35), ("empty", 55)],
                             "yunyou": [("full", 70), ("mask", 30)]}.get(plat, [("full", 10), ("mask", 32), ("empty", 58)]))
        a = dict(uid=uid, plat=plat, pid=p["pid"], idform=idform, name_full=r.random() < {"jinhe": 0.65, "mangmi": 0.25, "yunyou": 0.9}.get(plat, 0.5),
                 phone_masked=r.random() < {"jinhe": 0.2, "mangmi": 0.7, "yunyou": 0.1}.get(plat, 0.4), x_lower=r.random() < 0.3, mask=None)
        a["mask"] = mask_name(r, p["name"]) if p["name"] else ""
        a["idmask"] = mask_id(r, p["id_number"])
        p["accounts"][plat] = a
        self.accounts.append(a)
        return a

    def order(self, a, holder, recip, dest_kind, place, t, category=None, amount=None, virtual=False, phone=None):
        r = self.r
        plat = a["plat"]
        self.oid[plat] += 1
        city = holder["city"]
        if virtual:
            sign = None
        else:
            sign = t + dt.timedelta(hours=r.randint(20, 110))
            if r.random() < 0.03:
                sign = None               # not delivered (returned / lost)
        if recip is not None:
            nm, form = name_typed(r, recip, city)
        else:
            nm, form = r.choice(["收件人", "王先生", "李女士", "快递"]), "other"
        if phone is None:
            phone = phone_at(recip if recip is not None else holder, t.date())
        o = dict(plat=plat, acct=a, holder=holder["pid"], recipient=recip["pid"] if recip is not None else None, name=nm, name_form=form,
                 phone=phone, dest_kind=dest_kind, place=place, t=t, sign=sign, category=category or r.choice(G.NORMAL_CATS + G.LOCAL_GOODS[:4]),
                 amount=amount if amount is not None else round(r.choice([r.uniform(5, 120), r.uniform(20, 600)]), 2), virtual=virtual,
                 n=self.oid[plat])
        self.orders.append(o)
        return o

    def dest(self, p, t_date, allow_work=True):
        r = self.r
        home = home_at(p, t_date)
        work = work_at(p, t_date) if allow_work else None
        opts = [("home", 64), ("pickup", 14)]
        if work:
            opts.append(("work", 18))
        if p.get("parents"):
            opts.append(("parents", 4))
        k = wchoice(r, opts)
        if k == "home":
            return "home", home, p
        if k == "pickup":
            return "pickup", pickup_of(r, home) if home["kind"] != "hukou" else home, p
        if k == "work":
            return "work", work, p
        par = self.W.by[r.choice(p["parents"])]
        return "other", par["home"], par

    def person_orders(self, p):
        r = self.r
        a0 = active_from(p)
        debtorish = p["role"] in ("debtor", "spouse", "child")
        for plat, prob, lo, hi in (("jinhe", 0.8, 6, 28), ("mangmi", 0.5, 4, 18)):
            if r.random() > prob:
                continue
            a = self.account(p, plat)
            n = r.randint(lo, hi) if debtorish else r.randint(2, max(3, hi // 2))
            for _ in range(n):
                d = rand_date(r, a0, ASOF - dt.timedelta(days=1))
                kind, place, who = self.dest(p, d)
                if kind == "pickup" and place["kind"] == "hukou":
                    kind = "home"
                t = rtime(r, d, "work" if kind == "work" else "home")
                if t.date() >= ASOF:
                    t = t - dt.timedelta(days=1)
                ph = None
                if kind == "work" and p.get("landline") and r.random() < 0.3:
                    ph = p["landline"]
                recip = who
                if kind == "home" and p.get("spouse") and r.random() < 0.12:
                    sp = self.W.by[p["spouse"]]
                    if sp["present"] and sp["home"] is p["home"]:
                        recip = sp
                if kind in ("home", "pickup") and r.random() < 0.03:
                    recip = None
                self.order(a, p, recip, "work" if kind == "work" else "other" if kind == "other" else kind, place, t,
                           category=r.choice(G.LOCAL_GOODS) if kind == "other" and r.random() < 0.3 else None, phone=ph)

    def spouse_account_orders(self, d):
        r = self.r
        sp = self.W.by[d["spouse"]]
        a = self.account(sp, "jinhe")
        for _ in range(r.randint(3, 12)):
            dd = rand_date(r, active_from(d), ASOF - dt.timedelta(days=1))
            kind, place, who = self.dest(d, dd)
            t = rtime(r, dd, "work" if kind == "work" else "home")
            self.order(a, sp, who, "work" if kind == "work" else "other" if kind == "other" else kind, place, t)

    def restricted(self, d, cases):
        r = self.r
        cs = [c for c in cases if c["pid"] == d["pid"]]
        f0 = min(c["filing"] for c in cs)
        for _ in range(r.randint(1, 4)):
            lo = START if r.random() < 0.15 else max(START, f0 + dt.timedelta(days=1))
            dd = rand_date(r, lo, ASOF - dt.timedelta(days=1))
            holder = d
            if "uses_spouse_account" in d["flags"] and r.random() < 0.5:
                holder = self.W.by[d["spouse"]]
            if r.random() < 0.6:
                a = self.account(holder, "yunyou")
                t = rtime(r, dd, "home")
                self.order(a, holder, d, "virtual", None, t, category=r.choice(G.RESTRICTED_TRAVEL), amount=round(r.uniform(280, 4800), 2), virtual=True)
            else:
                a = self.account(holder, "jinhe")
                t = rtime(r, dd, "home")
                self.order(a, holder, d, "home", home_at(d, dd), t, category=r.choice(G.RESTRICTED_GOODS), amount=round(r.uniform(2000, 60000), 2))

    def virtual(self, p, cats, n, lo, hi):
        r = self.r
        a = self.account(p, "yunyou")
        for _ in range(n):
            t = rtime(r, rand_date(r, active_from(p), ASOF - dt.timedelta(days=1)), "home")
            self.order(a, p, p, "virtual", None, t, category=r.choice(cats), amount=round(r.uniform(lo, hi), 2), virtual=True)

    def social(self, p):
        r = self.r
        for plat, prob in (("manbu", 0.55), ("qingyu", 0.35)):
            if r.random() > prob:
                continue
            a = self.account(p, plat)
            a["nick"] = r.choice(["", "海边的", "汉江", "淮河", "平阳", "龙城", "小", "阿"]) + r.choice([p["name"][-1], p["name"][0]]) + r.choice(["", "哥", "姐", "宝", "呀", "2026", "_", "☀"])
            a["real"] = wchoice(r, [(p["name"], 40), (mask_name(r, p["name"]), 25), (p["name"][0] + "某" + (p["name"][-1] if len(p["name"]) > 2 else ""), 15), (None, 20)])
            a["idno"] = wchoice(r, [(None, 58), (mask_id(r, p["id_number"]), 32), (p["id_number"], 10)])
            a["sphone"] = wchoice(r, [(phone_at(p, ASOF), 50), (mask_phone(phone_at(p, ASOF)), 30), (None, 20)])
            a["phone_int"] = plat == "manbu" and r.random() < 0.4
            ev = []
            a0 = active_from(p)
            for _ in range(r.randint(2, 14)):
                d = rand_date(r, a0, ASOF - dt.timedelta(days=1))
                city = home_at(p, d).get("dk") and cityof(home_at(p, d)) if home_at(p, d)["kind"] != "hukou" else p["city"]
                trav = r.random() < 0.1
                ev.append(("login", rtime(r, d, "home"), r.choice(G.TRAVEL_CITIES) if trav else city))
            for _ in range(r.randint(0, 6)):
                d = rand_date(r, a0, ASOF - dt.timedelta(days=1))
                k = wchoice(r, [("home", 45), ("work", 25 if work_at(p, d) else 0), ("landmark", 30)])
                ev.append(("post", rtime(r, d, "work" if k == "work" else "home"), k, home_at(p, d) if k == "home" else work_at(p, d) if k == "work" else None,
                           p["city"]))
            ev.sort(key=lambda e: e[1])
            a["events"] = ev
            a["first"] = ev[0][1].date() if ev else ASOF

    def waybill_for(self, o):
        r = self.r
        if o["virtual"] or o["sign"] is None or r.random() > 0.42:
            return
        W = self.W
        recip = W.by[o["recipient"]] if o["recipient"] is not None else None
        k = o["dest_kind"]
        if k == "home":
            st = wchoice(r, [("本人签收", 48), ("家人代签", 27), ("门卫代收", 11), ("快递柜", 9), ("驿站代收", 5)])
        elif k == "work":
            st = wchoice(r, [("本人签收", 60), ("门卫代收", 40)])
        elif k == "pickup":
            st = "快递柜" if "柜" in o["place"]["brand"] else "驿站代收"
        else:
            st = wchoice(r, [("本人签收", 50), ("家人代签", 50)])
        carrier = r.choice(["fengchi", "fengchi", "lanma"])
        m, mcity = r.choice(G.MERCHANT_TOWNS)
        nm = o["name"]
        if recip is not None and r.random() < 0.5:
            nm, _ = name_typed(r, recip, recip["city"])
            if r.random() < 0.5 and len(nm) in (2, 3) and all("\u4e00" <= ch <= "\u9fff" for ch in nm):
                nm = mask_name(r, nm)
        ph = o["phone"]
        if not ph.startswith("0") and r.random() < 0.55:
            ph = mask_phone(ph)
        pick = o["t"] + dt.timedelta(hours=r.randint(2, 18))
        sign = max(o["sign"], pick + dt.timedelta(hours=3))
        self.waybills.append(dict(carrier=carrier, receiver=o["recipient"], sender=None, sender_name=r.choice(["京东自营", "旗舰店", "官方店", "某某商贸", "发货仓"]),
                                  sender_phone="400" + "".join(r.choice("0123456789") for _ in range(7)) if r.random() < 0.5 else W.phone(),
                                  sender_address=m + r.choice(["物流园", "电商产业园", "仓储中心"]) + "%d号" % r.randint(1, 99), sender_kind="merchant",
                                  sender_place=None, rname=nm, rphone=ph, place=o["place"], dest_kind=k, pick=pick, sign=sign, sign_type=st))

    def parent_parcels(self, child):
        r = self.r
        W = self.W
        for _ in range(r.randint(1, 4)):
            par = W.by[r.choice(child["parents"])]
            d = rand_date(r, active_from(child), ASOF - dt.timedelta(days=2))
            pick = rtime(r, d, "home")
            place = home_at(child, d)
            st = wchoice(r, [("本人签收", 50), ("家人代签", 30), ("快递柜", 12), ("门卫代收", 8)])
            nm, _ = name_typed(r, child, child["city"])
            self.waybills.append(dict(carrier=r.choice(["fengchi", "lanma"]), receiver=child["pid"], sender=par["pid"], sender_name=par["name"] if r.random() < 0.7 else mask_name(r, par["name"]),
                                      sender_phone=par["phones"][0] if r.random() < 0.5 else mask_phone(par["phones"][0]),
                                      sender_address=address_text(r, par["home"]), sender_kind="parent", sender_place=par["home"],
                                      rname=nm, rphone=phone_typed(r, phone_at(child, d)) if r.random() < 0.5 else mask_phone(phone_at(child, d)),
                                      place=place, dest_kind="home", pick=pick, sign=pick + dt.timedelta(hours=r.randint(20, 80)), sign_type=st))

    def work_shipments(self, p):
        r = self.r
        W = self.W
        for _ in range(r.randint(2, 10)):
            d = rand_date(r, active_from(p), ASOF - dt.timedelta(days=2))
            w = work_at(p, d)
            if w is None:
                continue
            pick = rtime(r, d, "work")
            other = W.people[r.randrange(len(W.people))]
            if other["kind"] != "person" or other["role"] in ("dirt", "parent") or other["home"] is None or not other["present"]:
                continue
            place = home_at(other, d)
            nm, _ = name_typed(r, other, other["city"])
            sname = p["name"] if r.random() < 0.5 else w.get("name") or w.get("market") or w.get("tower")
            sph = p.get("landline") if p.get("landline") and r.random() < 0.5 else phone_at(p, d)
            self.waybills.append(dict(carrier=r.choice(["fengchi", "lanma"]), receiver=other["pid"], sender=p["pid"], sender_name=sname,
                                      sender_phone=sph if sph.startswith("0") or r.random() < 0.5 else mask_phone(sph),
                                      sender_address=address_text(r, w), sender_kind="work", sender_place=w,
                                      rname=nm, rphone=mask_phone(phone_at(other, d)), place=place, dest_kind="home" if place["kind"] != "hukou" else "other",
                                      pick=pick, sign=pick + dt.timedelta(hours=r.randint(20, 90)),
                                      sign_type=wchoice(r, [("本人签收", 45), ("家人代签", 25), ("快递柜", 15), ("驿站代收", 8), ("门卫代收", 7)])))


# ====================================================================== dirt
class Dirt:
    """dirty rows about 30 dedicated 'dirt' people, so that the truth does not depend on quarantine decisions"""

    def __init__(self, W, r):
        self.W, self.r = W, r
        self.people = [p for p in W.people if p["role"] == "dirt"]
        self.n = 0

    def who(self):
        return self.r.choice(self.people)

    def ec_cells(self, p, plat, fd):
        r = self.r
        t = rtime(r, rand_date(r, fd - dt.timedelta(days=25), fd - dt.timedelta(days=3)), "home")
        self.n += 1
        return ["D%s%06d" % (fd.strftime("%y%m"), self.n), "dd%05d" % p["pid"], p["name"], "", mask_phone(p["phones"][0]), p["name"], p["phones"][0],
                address_text(r, p["home"], False), fmt_t(t), fmt_t(t + dt.timedelta(days=2)), "19.90", r.choice(G.NORMAL_CATS)]

    def ec_rows(self, plat, fd, n):
        r = self.r
        kinds = ["missing_cols", "extra_cols", "bad_order_time", "bad_sign_time", "bad_amount", "formula_name", "formula_addr", "long_addr",
                 "ctrl", "empty_oid", "nul", "formula_phone"]
        out = []
        for i in range(n):
            p = self.who()
            k = kinds[(i + r.randrange(len(kinds))) % len(kinds)]
            c = self.ec_cells(p, plat, fd)
            if k == "missing_cols":
                c = c[:r.randint(3, 10)]
            elif k == "extra_cols":
                c = c + ["加急", "备注：" + r.choice(["送货上门", "勿电联"])]
            elif k == "bad_order_time":
                c[8] = r.choice(["2026/06/31 10:00:00", "2026-02-29 08:00", "昨天晚上", "#VALUE!", "45999.5", "2026/14/02 09:00:00", "0000/00/00 00:00:00",
                                 "2027/02/29 12:00:00", "20261105"])
            elif k == "bad_sign_time":
                c[9] = r.choice(["已签收", "2026/09/31 09:00:00", "#N/A", "—", "未知"])
            elif k == "bad_amount":
                c[10] = r.choice(["包邮", "#DIV/0!", "¥19.9", "1,2.3", "NULL", "十九块九", "-"])
            elif k == "formula_name":
                c[5] = r.choice(['=HYPERLINK("http://x.cn","点我")', "@SUM(1,2)", "+1+1", "-2+3", "=CMD|' /C calc'!A0"])
            elif k == "formula_addr":
                c[7] = r.choice(['=IMPORTXML("http://x.cn","//a")', "=1+2", "+" + c[7], "-" + c[7], "@" + c[7]])
            elif k == "formula_phone":
                c[6] = "=" + c[6]
            elif k == "long_addr":
                c[7] = c[7] + "旁边" * 17000
            elif k == "ctrl":
                c[5] = p["name"] + r.choice(["\x07", "\x1b[31m", "\x0b", "\x0c", "\x08", "\x7f"])
            elif k == "nul":
                c[7] = c[7][:5] + "\x00" + c[7][5:]
            else:
                c[0] = ""
            rec = blank_rec(source="ecommerce", platform=plat, holder=p["pid"], dirty=True, dirt=k,
                            record_key="ec:%s:%s" % (plat, c[0]) if len(c) > 0 and c[0] else None)
            out.append((c, rec))
        return out

    def so_lines(self, plat, fd, n):
        r = self.r
        kinds = ["comment", "array", "trailing_comma", "empty_obj", "formula_nick", "long_nick", "bad_ts", "logins_obj", "single_quote", "html",
                 "bare_string", "ctrl_nick"]
        out = []
        for i in range(n):
            p = self.who()
            k = kinds[(i + r.randrange(len(kinds))) % len(kinds)]
            uid = "dz%05d" % (p["pid"] * 10 + i)
            t = dt.datetime.combine(fd - dt.timedelta(days=r.randint(3, 30)), dt.time(20, 5))
            o = {"uid": uid, "nickname": p["name"] + "呀", "real_name": p["name"], "id_no": None, "phone": p["phones"][0], "profile_region": None,
                 "logins": [{"ts": t.strftime("%Y-%m-%dT%H:%M:%S+08:00"), "ip": "61.%d.%d.%d" % (r.randint(1, 250), r.randint(1, 250), r.randint(1, 250)),
                             "ip_region": G.CITIES[p["city"]]["prov"]}], "geo_posts": []}
            if k == "comment":
                line = "# export by user admin " + D8(fd)
            elif k == "array":
                line = json.dumps([o], ensure_ascii=False)
            elif k == "trailing_comma":
                line = json.dumps(o, ensure_ascii=False)[:-1] + ",}"
            elif k == "empty_obj":
                line = "{}"
            elif k == "formula_nick":
                o["nickname"] = "=HYPERLINK(\"http://x.cn\")"
                line = json.dumps(o, ensure_ascii=False)
            elif k == "long_nick":
                o["nickname"] = "哈" * 25000
                line = json.dumps(o, ensure_ascii=False)
            elif k == "bad_ts":
                o["logins"][0]["ts"] = r.choice(["2026-09-31T10:00:00+08:00", "2026-07-01 25:61", "前天下午", "1780000000", "2026-06-01T10:00:00+08:00+08:00"])
                line = json.dumps(o, ensure_ascii=False)
            elif k == "logins_obj":
                o["logins"] = {"ts": o["logins"][0]["ts"]}
                line = json.dumps(o, ensure_ascii=False)
            elif k == "single_quote":
                line = json.dumps(o, ensure_ascii=False).replace('"', "'")
            elif k == "html":
                line = "<html><body>502 Bad Gateway</body></html>"
            elif k == "bare_string":
                line = json.dumps(p["name"], ensure_ascii=False)
            else:
                o["nickname"] = p["name"] + "\u0007\u001b"
                line = json.dumps(o, ensure_ascii=False)
            out.append((line, blank_rec(source="social", platform=plat, holder=p["pid"], dirty=True, dirt=k, record_key="so:%s:%s" % (plat, uid))))
        return out

    def wb_rows(self, carrier, fd, n):
        r = self.r
        kinds = ["null_no", "empty_no", "dup_no", "formula_recv", "ctrl", "long_addr", "sign_before_pickup", "future_pickup", "null_pickup", "bad_sign_type"]
        out = []
        for i in range(n):
            p = self.who()
            k = kinds[(i + r.randrange(len(kinds))) % len(kinds)]
            pick = dt.datetime.combine(fd - dt.timedelta(days=r.randint(4, 25)), dt.time(10, 30))
            w = dict(waybill_no="DZ%s%05d" % (D8(fd), i), sender_name="发货仓", sender_phone="4008001234", sender_address="浙江省义乌市稠城街道物流园1号",
                     receiver_name=p["name"], receiver_phone=p["phones"][0], receiver_address=address_text(r, p["home"], False), pickup_time=pick,
                     sign_time=pick + dt.timedelta(days=2), sign_type="本人签收")
            if k == "null_no":
                w["waybill_no"] = None
            elif k == "empty_no":
                w["waybill_no"] = ""
            elif k == "dup_no":
                w["waybill_no"] = "DUPLICATE0001"
            elif k == "formula_recv":
                w["receiver_name"] = r.choice(["=1+1", "@A1", "+86", "-1"]) + p["name"]
            elif k == "ctrl":
                w["receiver_address"] = w["receiver_address"][:4] + "\x00\x1b" + w["receiver_address"][4:]
            elif k == "long_addr":
                w["receiver_address"] = w["receiver_address"] + "门口" * 15000
            elif k == "sign_before_pickup":
                w["sign_time"] = pick - dt.timedelta(days=3)
            elif k == "future_pickup":
                w["pickup_time"] = dt.datetime(2099, 1, 1, 8, 0)
                w["sign_time"] = dt.datetime(2099, 1, 2, 8, 0)
            elif k == "null_pickup":
                w["pickup_time"] = None
            else:
                w["sign_type"] = r.choice(["退回", "拒收", "问题件", "派送中"])
            out.append((w, blank_rec(source="logistics", platform=carrier, receiver=p["pid"], dirty=True, dirt=k,
                                     record_key="wb:%s:%s" % (carrier, w["waybill_no"]) if w["waybill_no"] else None)))
        return out


# ====================================================================== output files
def month_days(day, first, last):
    out, d = [], first
    while d <= last:
        out.append(d)
        y, m = (d.year, d.month + 1) if d.month < 12 else (d.year + 1, 1)
        d = dt.date(y, m, day)
    return out


def ts_epoch(t, unit, tz):
    """t is Beijing wall-clock; tz True -> store the UTC instant, False -> store the wall clock (naive)"""
    if t is None:
        return None
    if tz:
        t = t - dt.timedelta(hours=8)
    s = (t - EPOCH)
    us = (s.days * 86400 + s.seconds) * 1000000 + s.microseconds
    return {"s": us // 1000000, "ms": us // 1000, "us": us}[unit]


def minimal_pdf():
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"]
    text = b"BT /F1 14 Tf 72 760 Td (Reply to notice of assistance in enforcement - export attached separately) Tj ET"
    objs.append("<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text.decode()))
    objs.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offs = []
    for i, o in enumerate(objs):
        offs.append(len(out))
        out += ("%d 0 obj\n%s\nendobj\n" % (i + 1, o)).encode("latin-1")
    x = len(out)
    out += ("xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)).encode()
    for o in offs:
        out += ("%010d 00000 n \n" % o).encode()
    out += ("trailer\n<< /Size %d /Root 1 0 R /Info << /Title (xiezhu huizhi) /Producer (mangmi report service) >> >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)).encode()
    return out


class Out:
    def __init__(self, root, W, g):
        self.root, self.W, self.g = root, W, g
        self.r = random.Random(W.rng.random())
        self.R, self.files = [], {}
        for k in ("debtors", "ecommerce", "social", "logistics"):
            os.makedirs(os.path.join(root, "inbox", k), exist_ok=True)

    def put(self, kind, fn, data):
        with open(os.path.join(self.root, "inbox", kind, fn), "wb") as f:
            f.write(data)

    # ------------------------------------------------------------ CSV text with physical line numbers
    @staticmethod
    def csv_text(header, rows, crlf, quote_all, cut_last=False):
        le = "\r\n" if crlf else "\n"
        q = csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL

        def one(cells, term):
            s = io.StringIO()
            csv.writer(s, lineterminator=term, quoting=q).writerow(cells)
            return s.getvalue()
        parts = [one(header, le)]
        cur = 1 + parts[0].count("\n")
        lines = []
        for i, cells in enumerate(rows):
            lines.append(cur)
            txt = one(cells[:5], "") if cut_last and i == len(rows) - 1 else one(cells, le)
            parts.append(txt)
            cur += txt.count("\n")
        return "".join(parts), lines

    # ------------------------------------------------------------ e-commerce
    def ec_cells(self, o, fd, cols):
        r = self.r
        W = self.W
        a = o["acct"]
        h = W.by[a["pid"]]
        delivered = o["sign"] is not None and o["sign"] < day0(fd)
        idn = h["id_number"]
        if a["x_lower"]:
            idn = idn[:17] + idn[17].lower()
        idc = {"full": idn, "mask": a["idmask"], "empty": ""}[a["idform"]]
        bp = phone_at(h, o["t"].date())
        if a["phone_masked"]:
            bp = mask_phone(bp)
        if o["virtual"]:
            addr = r.choice(["无需收货地址", "电子凭证", "取票码已发送至手机"]) if o["plat"] == "yunyou" else "虚拟商品"
        else:
            addr = o.get("addr_text")
            if addr is None:
                addr = address_text(r, o["place"])
                if o["plat"] in ("jinhe", "mangmi") and r.random() < 0.05:      # a pasted contact card (new habit)
                    ph = o["phone"]
                    f = r.randint(0, 2)
                    if f == 0:
                        addr = "%s %s %s" % (o["name"], ph, addr)
                    elif f == 1:
                        addr = "%s，%s，%s" % (addr, o["name"], ph)
                    else:
                        addr = "收货人：%s 手机号码：%s 所在地区：%s" % (o["name"], ph, addr)
                o["addr_text"] = addr
        rp = o.get("phone_text")
        if rp is None:
            rp = o["phone_text"] = phone_typed(r, o["phone"])
        amt = o["amount"]
        if o["plat"] == "mangmi" and r.random() < 0.4:
            amt_s = ("%g" % amt)
        else:
            amt_s = "%.2f" % amt
        v = {"订单编号": self.order_id(o), "买家ID": a["uid"], "实名姓名": h["name"] if a["name_full"] else a["mask"], "实名证件号": idc, "绑定手机": bp,
             "收货人": o["name"], "收货手机": rp, "收货地址": addr, "下单时间": fmt_t(o["t"]), "签收时间": fmt_t(o["sign"]) if delivered else "",
             "实付金额": amt_s, "商品类目": o["category"]}
        return [v[c] for c in cols], delivered

    def order_id(self, o):
        p = o["plat"]
        if p == "jinhe":
            return "%s%06d%03d" % (o["t"].strftime("%y%m%d"), o["n"], o["n"] % 997)
        if p == "mangmi":
            return "MM%s%07d" % (o["t"].strftime("%Y%m"), o["n"])
        return "%d" % (880000000000 + o["n"] * 37)

    def ec_record(self, o, fn, line, delivered, raw, dup_of=None, ambiguous=False):
        place = o["place"]
        door = delivered and o["dest_kind"] in ("home", "work", "other")
        return blank_rec(file=fn, line=line, source="ecommerce", platform=o["plat"], record_key="ec:%s:%s" % (o["plat"], self.order_id(o)),
                         holder=o["holder"], recipient=o["recipient"], dest_kind=o["dest_kind"], dest_canonical=canon(place),
                         delivered=delivered, door=door, dup_of=dup_of, ambiguous=ambiguous, category=o["category"], amount=o["amount"],
                         ordered_at=o["t"], order_id=self.order_id(o), name_form=o["name_form"], raw_address=raw)

    def ecommerce(self, dirt):
        r = self.r
        by_plat = {"jinhe": [], "mangmi": [], "yunyou": []}
        for o in self.g.orders:
            by_plat[o["plat"]].append(o)
        plans = {
            "jinhe": dict(dates=month_days(10, dt.date(2026, 4, 10), ASOF), crlf=True, quote=False, cols=EC_COLS),
            "mangmi": dict(dates=[dt.date(2026, 5, 1), dt.date(2026, 7, 1), dt.date(2026, 9, 1), dt.date(2026, 11, 1), dt.date(2027, 1, 1),
                                  dt.date(2027, 3, 1)], crlf=False, quote=False,
                           cols=["订单编号", "下单时间", "签收时间", "商品类目", "实付金额", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人", "收货手机", "收货地址"]),
            "yunyou": dict(dates=[dt.date(2026, 6, 10), dt.date(2026, 9, 10), dt.date(2026, 12, 10), ASOF], crlf=True, quote=True, cols=EC_COLS),
        }
        for plat, pl_ in plans.items():
            orders = sorted(by_plat[plat], key=lambda o: (o["t"], o["n"]))
            prev = START
            prev_fn = None
            for fd in pl_["dates"]:
                fn = "%s_orders_%s.csv" % (plat, D8(fd))
                sel = [o for o in orders if prev <= o["t"].date() < fd]
                resend = []
                if plat == "jinhe" and fd == ASOF:        # re-sends the last 6 days of the previous month
                    resend = [o for o in orders if prev - dt.timedelta(days=6) <= o["t"].date() < prev]
                dates_file = [fd]
                if plat == "mangmi" and fd == dt.date(2026, 11, 1):
                    # the export came as a PDF (the platform's reply letter) under the CSV name; re-sent next day
                    self.put("ecommerce", fn, minimal_pdf())
                    self.files[fn] = dict(kind="ecommerce", encoding=None, rows=0, unreadable=True, not_csv=True, actual="pdf",
                                          replaced_by="mangmi_orders_20261102.csv")
                    fn = "mangmi_orders_20261102.csv"
                    dates_file = [dt.date(2026, 11, 2)]
                fdd = dates_file[0]
                rows, recs = [], []
                rs_ids = {id(o) for o in resend}
                for o in resend + sel:
                    cells, delivered = self.ec_cells(o, fdd, pl_["cols"])
                    amb = False
                    if plat == "mangmi" and o["place"] is not None and not o["virtual"] and r.random() < 0.012:
                        # a contact card pasted with its line breaks (ambiguous: control characters inside a quoted cell)
                        ai = pl_["cols"].index("收货地址")
                        cells[ai] = "%s\n%s\n%s" % (o["name"], o["phone"], cells[ai])
                        amb = True
                    rows.append(cells)
                    recs.append((o, delivered, cells[pl_["cols"].index("收货地址")], prev_fn if id(o) in rs_ids else None, amb))
                # dirt
                dd = dirt.ec_rows(plat, fdd, 6 if plat != "yunyou" else 2)
                cut = plat == "jinhe" and fd == dt.date(2026, 8, 10)
                pos = sorted(r.sample(range(len(rows) + 1), len(dd))) if rows else list(range(len(dd)))
                allrows, allrecs = [], []
                j = 0
                for i in range(len(rows) + 1):
                    while j < len(dd) and pos[j] == i:
                        allrows.append(dd[j][0])
                        allrecs.append(("dirt", dd[j][1]))
                        j += 1
                    if i < len(rows):
                        allrows.append(rows[i])
                        allrecs.append(("rec", recs[i]))
                if cut:
                    dp = dirt.who()
                    c = dirt.ec_cells(dp, plat, fdd)
                    rec = blank_rec(source="ecommerce", platform=plat, holder=dp["pid"], dirty=True, dirt="cut_row", record_key="ec:%s:%s" % (plat, c[0]))
                    allrows.append(c)
                    allrecs.append(("dirt", rec))
                text, lines = self.csv_text(pl_["cols"], allrows, pl_["crlf"], pl_["quote"], cut_last=cut)
                data = text.encode("gb18030")
                self.put("ecommerce", fn, data)
                for ln, (k, x) in zip(lines, allrecs):
                    if k == "dirt":
                        x.update(file=fn, line=ln)
                        self.R.append(x)
                    else:
                        o, delivered, raw, dup, amb = x
                        self.R.append(self.ec_record(o, fn, ln, delivered, raw, dup_of=dup, ambiguous=amb))
                try:
                    data.decode("gbk")
                    gbk = True
                except UnicodeDecodeError:
                    gbk = False
                self.files[fn] = dict(kind="ecommerce", encoding="gb18030", bom=False, rows=len(allrows), truncated=cut,
                                      line_end="crlf" if pl_["crlf"] else "lf", quote_all=pl_["quote"], column_order="spec" if pl_["cols"] == EC_COLS else "other",
                                      gbk_clean=gbk)
                prev, prev_fn = fd, fn
                if plat == "mangmi" and fd == dt.date(2026, 11, 1):
                    prev = fd
        # a Windows copy of an export: byte-identical, name breaks the pattern
        src = "jinhe_orders_20261210.csv"
        cp = "jinhe_orders_20261210 (2).csv"
        data = open(os.path.join(self.root, "inbox", "ecommerce", src), "rb").read()
        self.put("ecommerce", cp, data)
        self.files[cp] = dict(self.files[src], badname=True, copy_of=src)
        for x in [x for x in self.R if x["file"] == src]:
            y = dict(x, file=cp, dup_of=src if not x["dirty"] else None)
            self.R.append(y)

    # ------------------------------------------------------------ social
    def so_obj(self, a, fd, plat):
        r = self.r
        W = self.W
        p = W.by[a["pid"]]
        logins, posts = [], []
        for e in a["events"]:
            if e[1].date() >= fd:
                continue
            if e[0] == "login":
                c = e[2]
                if c in G.IP_PROV:
                    reg = G.IP_PROV[c]
                else:
                    cc = G.CITIES[c]
                    reg = wchoice(r, [(cc["prov"] + cc["name"], 60), (cc["prov"], 25), (cc["name"], 15)])
                if plat == "manbu" and r.random() < 0.5:
                    reg = reg + " " + (G.CITIES[c]["isp"] if c in G.CITIES else r.choice(["电信", "移动", "联通"]))      # ISP appended (new)
                ip = "%d.%d.%d.%d" % (r.choice([27, 36, 58, 60, 61, 112, 113, 117, 119, 123, 124, 182, 183, 221, 222, 223]), r.randint(0, 255),
                                      r.randint(0, 255), r.randint(1, 254))
                logins.append({"ts": self.ts(e[1], plat), "ip": ip, "ip_region": reg})
            else:
                k, place, city = e[2], e[3], e[4]
                if k == "landmark" or place is None:
                    lm = r.choice(G.LANDMARK[city])
                    post = {"ts": self.ts(e[1], plat), "poi": lm, "address": G.CITIES[city]["name"] + lm}
                else:
                    poi = place["estate"]["name"] if place["kind"] == "flat" else place.get("vil", "") + "村" if place["kind"] == "village" else \
                        place.get("market") or place.get("tower") or place.get("name") or place.get("depot") or place.get("lane") or place.get("site", "")
                    if place["kind"] == "hukou":
                        addr = hukou_text(r, place)
                    else:
                        addr = prefix_text(r, place["dk"]) + body_text(r, place) if place["kind"] not in ("flat",) else \
                            prefix_text(r, place["dk"]) + estate_text(r, place["estate"])
                    post = {"ts": self.ts(e[1], plat), "poi": poi, "address": addr}
                if plat == "qingyu":          # GCJ-02 coordinates near the city centre (extra keys)
                    lng, lat = G.CENTRE[city]
                    post["lng"] = round(lng + r.uniform(-0.15, 0.15), 6)
                    post["lat"] = round(lat + r.uniform(-0.12, 0.12), 6)
                posts.append(post)
        cc = G.CITIES[p["city"]]
        region = {"manbu": cc["ps"] + " " + cc["short"], "qingyu": cc["prov"] + cc["name"]}[plat]
        phone = a["sphone"]
        if phone and a.get("phone_int") and "*" not in phone:
            phone = int(phone)
        o = {"uid": a["uid"], "nickname": a["nick"], "real_name": a["real"], "id_no": a["idno"], "phone": phone, "profile_region": region,
             "logins": logins, "geo_posts": posts}
        if plat == "qingyu":
            o = {k: v for k, v in o.items() if v is not None}
        return o

    def ts(self, t, plat):
        if plat == "qingyu":
            return t.strftime("%Y-%m-%dT%H:%M:%S") + ".%03d+08:00" % ((t.second * 37 + t.minute) % 1000)
        return t.strftime("%Y-%m-%dT%H:%M:%S+08:00")

    def social(self, dirt):
        r = self.r
        accts = [a for a in self.g.accounts if a["plat"] in ("manbu", "qingyu")]
        plans = [("manbu", dt.date(2026, 9, 10), 0.6), ("manbu", ASOF, 1.0), ("qingyu", dt.date(2026, 12, 1), 0.5), ("qingyu", dt.date(2027, 3, 8), 1.0)]
        for plat, fd, share in plans:
            fn = "%s_accounts_%s.jsonl" % (plat, D8(fd))
            lines, recs = [], []
            for a in accts:
                if a["plat"] != plat or a["first"] >= fd:
                    continue
                if share < 1 and (a["pid"] * 7919) % 100 >= share * 100:
                    continue
                o = self.so_obj(a, fd, plat)
                sep = (",", ":") if plat == "manbu" else (", ", ": ")
                lines.append(json.dumps(o, ensure_ascii=False, separators=sep))
                recs.append(blank_rec(source="social", platform=plat, record_key="so:%s:%s" % (plat, a["uid"]), holder=a["pid"]))
            dd = dirt.so_lines(plat, fd, 7)
            for line, rec in dd:
                i = r.randint(0, len(lines))
                lines.insert(i, line)
                recs.insert(i, rec)
            out, ln = [], 0
            for line, rec in zip(lines, recs):
                if r.random() < 0.004:
                    out.append("")          # blank line (not a record)
                    ln += 1
                out.append(line)
                ln += 1
                rec.update(file=fn, line=ln)
                self.R.append(rec)
            trunc = plat == "qingyu" and fd == dt.date(2026, 12, 1)
            text = "\n".join(out) + ("" if trunc else "\n")
            if trunc:
                # the last line is cut mid-object: make that record dirty (it is a dirt person's line)
                p = dirt.who()
                cut = json.dumps({"uid": "dzcut%d" % p["pid"], "nickname": p["name"], "logins": [{"ts": "2026-11-2"}]}, ensure_ascii=False)[:-12]
                text += "\n" + cut
                self.R.append(blank_rec(file=fn, line=ln + 1, source="social", platform=plat, holder=p["pid"], dirty=True, dirt="truncated_line",
                                        record_key="so:%s:dzcut%d" % (plat, p["pid"])))
            self.put("social", fn, text.encode("utf-8"))
            self.files[fn] = dict(kind="social", encoding="utf-8", bom=False, rows=sum(1 for x in out if x) + (1 if trunc else 0), truncated=trunc,
                                  line_end="lf", phone_int=plat == "manbu", ip_isp=plat == "manbu", extra_keys=["lng", "lat"] if plat == "qingyu" else [],
                                  missing_keys=plat == "qingyu")

    # ------------------------------------------------------------ logistics
    def logistics(self, dirt):
        r = self.r
        wbs = sorted(self.g.waybills, key=lambda w: (w["pick"], w["carrier"], w.get("receiver") or 0))
        for i, w in enumerate(wbs):
            w["no"] = ("FC%012d" % (51000000000 + i * 7)) if w["carrier"] == "fengchi" else ("LM%s%06d" % (w["pick"].strftime("%y%m%d"), i))
            w["raw"] = address_text(r, w["place"])
            w["raw_short"] = None
        plans = {"fengchi": month_days(10, dt.date(2026, 4, 10), ASOF),
                 "lanma": [dt.date(2026, 5, 5), dt.date(2026, 7, 5), dt.date(2026, 9, 5), dt.date(2026, 11, 5), dt.date(2027, 1, 5), dt.date(2027, 3, 5)]}
        for car, dates in plans.items():
            mine = [w for w in wbs if w["carrier"] == car]
            prev, prev_fn, prev_sel = START, None, []
            for fd in dates:
                fn = "%s_waybills_%s.parquet" % (car, D8(fd))
                sel = [w for w in mine if prev <= w["pick"].date() < fd]
                resend = []
                if car == "fengchi" and fd == ASOF:
                    resend = prev_sel[-40:]
                unreadable = car == "lanma" and fd == dt.date(2026, 9, 5)
                if unreadable:
                    # the carrier's data desk sent an Arrow IPC (Feather V2) file under the Parquet name; a real Parquet came next day
                    t = self.wb_table(car, [self.wb_row(w, fd, car) for w in sel], fd)
                    path = os.path.join(self.root, "inbox", "logistics", fn)
                    feather.write_feather(t, path, compression="zstd")
                    self.files[fn] = dict(kind="logistics", rows=0, unreadable=True, not_parquet=True, actual="arrow_ipc_feather_v2",
                                          replaced_by="lanma_waybills_20260906.parquet")
                    fn = "lanma_waybills_20260906.parquet"
                    fd = dt.date(2026, 9, 6)
                    sel = [w for w in mine if prev <= w["pick"].date() < fd]
                rows, recs = [], []
                rs_ids = {id(w) for w in resend}
                for w in resend + sel:
                    row = self.wb_row(w, fd, car)
                    rows.append(row)
                    door = row["sign_type"] in ("本人签收", "家人代签")
                    recs.append(blank_rec(source="logistics", platform=car, record_key="wb:%s:%s" % (car, w["no"]), receiver=w["receiver"],
                                          sender=w["sender"], dest_kind=w["dest_kind"], dest_canonical=canon(w["place"]),
                                          delivered=row["sign_time"] is not None, door=door, dup_of=prev_fn if id(w) in rs_ids else None,
                                          sender_kind=w["sender_kind"], sender_canonical=canon(w["sender_place"]), raw_address=row["receiver_address"],
                                          name_form=None))
                for w, rec in dirt.wb_rows(car, fd, 5):
                    i = r.randint(0, len(rows))
                    if car == "lanma":
                        w.update(receiver_province=None, receiver_city=None, receiver_district=None)
                    rows.insert(i, w)
                    recs.insert(i, rec)
                t = self.wb_table(car, rows, fd)
                path = os.path.join(self.root, "inbox", "logistics", fn)
                if car == "fengchi":
                    pq.write_table(t, path, compression="snappy", row_group_size=1200)
                else:
                    pq.write_table(t, path, compression="zstd", row_group_size=2500, use_dictionary=True)
                for i, rec in enumerate(recs):
                    rec.update(file=fn, line=i + 1)
                    self.R.append(rec)
                self.files[fn] = dict(kind="logistics", rows=len(rows), ts_type=str(t.schema.field("pickup_time").type),
                                      compression="snappy" if car == "fengchi" else "zstd",
                                      extra_columns=[c for c in t.column_names if c not in WB_COLS])
                prev, prev_fn, prev_sel = fd, fn, sel

    def wb_row(self, w, fd, car):
        signed = w["sign"] is not None and w["sign"] < day0(fd)
        addr = w["raw"]
        row = dict(waybill_no=w["no"], sender_name=w["sender_name"], sender_phone=w["sender_phone"], sender_address=w["sender_address"],
                   receiver_name=w["rname"], receiver_phone=w["rphone"], receiver_address=addr, pickup_time=w["pick"],
                   sign_time=w["sign"] if signed else None, sign_type=w["sign_type"] if signed else None)
        if car == "lanma":
            pl_ = w["place"]
            at = pl_["at"] if pl_["kind"] == "pickup" else pl_
            if at["kind"] == "hukou":
                prov, city, county, _ = G.HUKOU[at["code"]]
            else:
                d = G.D[at["dk"]]
                prov, city, county = G.CITIES[d["city"]]["prov"], G.CITIES[d["city"]]["name"], d["name"]
            row.update(receiver_province=prov, receiver_city=city, receiver_district=county)
            if w.get("raw_short") is None:
                rr = random.Random(hash_pick(at) + len(w["no"]))
                w["raw_short"] = (body_text(rr, at) if at["kind"] not in ("hukou", "pickup") and pl_["kind"] != "pickup" and rr.random() < 0.7 else w["raw"])
            row["receiver_address"] = w["raw_short"]
        return row

    def wb_table(self, car, rows, fd):
        if car == "fengchi":
            ty = pa.timestamp("us", tz="Asia/Hong_Kong")
            unit, tz = "us", True
        else:
            ty = pa.timestamp("ms")
            unit, tz = "ms", False
        cols = list(WB_COLS) + (["receiver_province", "receiver_city", "receiver_district"] if car == "lanma" else [])
        arrs = []
        for c in cols:
            vals = [x.get(c) for x in rows]
            if c in ("pickup_time", "sign_time"):
                arrs.append(pa.array([ts_epoch(v, unit, tz) for v in vals], type=pa.int64()).cast(ty))
            else:
                arrs.append(pa.array(vals, type=pa.string()))
        return pa.Table.from_arrays(arrs, names=cols)

    # ------------------------------------------------------------ roster
    def roster(self, cases, dirt):
        r = self.r
        W = self.W
        by_sys = {}
        for c in cases:
            by_sys.setdefault(c["roster"], []).append(c)
        for sysname in ("longchengfy", "zhuchengfy", "pingyangfy", "liugongfy", "hanshuify"):
            cs = sorted(by_sys.get(sysname, []), key=lambda c: (c["filing"], c["case_no"], c["co_debtor"]))
            opts = dict(longchengfy=dict(bom=True, crlf=True, sep="、"), zhuchengfy=dict(bom=False, crlf=False, sep=";"),
                        pingyangfy=dict(bom=True, crlf=False, sep="；"), liugongfy=dict(bom=True, crlf=True, sep=","),
                        hanshuify=dict(bom=False, crlf=True, sep=";"))[sysname]
            if sysname == "hanshuify":
                # last week's export: without the cases filed since, and with some cases not yet concluded
                wk = ASOF - dt.timedelta(days=7)
                old = []
                for c in cs:
                    if c["filing"] >= wk:
                        continue
                    cc = dict(c)
                    if cc["status"] == "执行完毕" and r.random() < 0.5:
                        cc["status"] = "执行中"
                    old.append(cc)
                self.roster_file(sysname, "hanshuify_roster_%s.csv" % D8(wk), old, opts, dirt, older=True)
            if sysname == "liugongfy":
                half = (len(cs) + 1) // 2
                self.roster_file(sysname, "liugongfy_roster_%s_1.csv" % D8(ASOF), cs[:half], opts, dirt, part="1/2")
                self.roster_file(sysname, "liugongfy_roster_%s_2.csv" % D8(ASOF), cs[half:], opts, dirt, part="2/2")
            else:
                self.roster_file(sysname, "%s_roster_%s.csv" % (sysname, D8(ASOF)), cs, opts, dirt)

    def roster_cells(self, c):
        r = self.r
        W = self.W
        p = W.by[c["pid"]]
        person = p["kind"] == "person"
        idn = p["id_number"]
        if person and idn[-1] == "X" and r.random() < 0.4:
            idn = idn[:17] + "x"
        ph = (p.get("roster_phones") or [])
        amt = c["amount"]
        amt_s = "{:,.2f}".format(amt) if r.random() < 0.25 else ("%.2f" % amt if r.random() < 0.8 else "%d" % round(amt))
        if person:
            hk = p["hukou_home"]
            hka = hukou_text(r, hk) if hk["kind"] == "hukou" else address_text(r, hk, False)
        else:
            hka = ""
        name = p["name"] if not person else c["name"]
        if c["roster"] == "zhuchengfy" and person and r.random() < 0.05:
            name = name + " "                            # trailing space typed by the clerk
        return [c["case_no"], c["court"], c["judge"], name, "居民身份证" if person else "统一社会信用代码", idn,
                self.roster_sep.join(ph), hka, amt_s, c["filing"].isoformat(), "是" if c["restrict"] else "否", "是" if c["blacklist"] else "否",
                c["status"]]

    def roster_file(self, sysname, fn, cs, opts, dirt, older=False, part=None):
        r = self.r
        self.roster_sep = opts["sep"]
        rows, recs = [], []
        for c in cs:
            rows.append(self.roster_cells(c))
            recs.append(blank_rec(source="debtors", platform=sysname, record_key="ro:" + c["case_no"], holder=c["pid"], dup_of="older" if older else None))
        if sysname == "zhuchengfy" and not older:
            for cells, rec in self.ro_dirt(dirt, cs):
                i = r.randint(0, len(rows))
                rows.insert(i, cells)
                recs.insert(i, rec)
        text, lines = self.csv_text(RO_COLS, rows, opts["crlf"], False)
        data = text.encode("utf-8")
        if opts["bom"]:
            data = b"\xef\xbb\xbf" + data
        self.put("debtors", fn, data)
        for ln, rec in zip(lines, recs):
            rec.update(file=fn, line=ln)
            self.R.append(rec)
        self.files[fn] = dict(kind="debtors", encoding="utf-8", bom=opts["bom"], rows=len(rows), truncated=False, line_end="crlf" if opts["crlf"] else "lf",
                              quote_all=False, phone_sep=opts["sep"], older=older, part=part)

    def ro_dirt(self, dirt, cs):
        r = self.r
        out = []
        kinds = ["bad_date", "bad_amount", "old_id", "extra_cols", "formula_name", "missing_cols", "bad_status", "excel_date"]
        for i, k in enumerate(kinds):
            p = dirt.who()
            cn = "（2026）皖03执%d号" % (90000 + i)
            c = [cn, "蚌埠市中级人民法院", "王海明", p["name"], "居民身份证", p["id_number"], p["phones"][0], hukou_text(r, p["hukou_home"]) if p["hukou_home"]["kind"] == "hukou" else "",
                 "12000.00", "2026-05-06", "是", "否", "执行中"]
            if k == "bad_date":
                c[9] = "2026年5月6日"
            elif k == "bad_amount":
                c[8] = "壹万贰仟元整"
            elif k == "old_id":
                c[5] = p["id_number"][:6] + p["id_number"][8:17]
            elif k == "extra_cols":
                c = c + ["备注", ""]
            elif k == "formula_name":
                c[3] = "=" + p["name"]
            elif k == "missing_cols":
                c = c[:7]
            elif k == "bad_status":
                c[12] = "已结?"
            else:
                c[9] = "46148"
            out.append((c, blank_rec(source="debtors", platform="zhuchengfy", holder=p["pid"], dirty=True, dirt=k, record_key="ro:" + cn)))
        return out


def utc(t):
    if t is None:
        return None
    return (t - dt.timedelta(hours=8)).replace(tzinfo=dt.timezone.utc)


# ====================================================================== truth (same layout as foreign10-15)
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
    geo = Geo(random.Random(a.seed * 7919 + 16))
    build_world(W, geo)
    cases = build_cases(W)
    g = Gen(W, geo)
    r = W.rng
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
            a_ = g.account(p, "jinhe")
            t = rtime(r, rand_date(r, active_from(p), ASOF - dt.timedelta(days=1)), "home")
            g.order(a_, p, p, "home", home_at(p, t.date()), t, category=r.choice(G.NEAR_MISS))
        if p["role"] in ("stranger", "namesake", "neighbour") and r.random() < 0.03:
            g.virtual(p, G.RESTRICTED_TRAVEL, 1, 300, 3000)
        if r.random() < 0.2:
            g.virtual(p, G.NORMAL_TRAVEL, r.randint(1, 3), 15, 500)
    for o in list(g.orders):
        g.waybill_for(o)
    out = Out(a.out, W, g)
    dirt = Dirt(W, random.Random(a.seed + 1616))
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
