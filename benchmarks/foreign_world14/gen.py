#!/usr/bin/env python
"""foreign14: fourteenth independent synthetic world for `locate` (汕头, 珠海, 洛阳, 烟台, 银川).

    python gen.py --out DIR --seed N --debtors K      -> DIR/inbox/{debtors,ecommerce,social,logistics}, DIR/truth/

Written from shared/specs/{inputs,outputs,context}.md only.  Deterministic for a given (seed, K).
"""
import argparse, csv, datetime as dt, io, json, os, random, shutil, sys, zipfile

import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import geo14 as G  # noqa: E402

START = dt.date(2026, 1, 20)
ASOF = dt.date(2027, 1, 20)
RESTRICTED = set(G.RESTRICTED_TRAVEL + G.RESTRICTED_GOODS)
EC_COLS = ["订单编号", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人", "收货手机", "收货地址", "下单时间", "签收时间", "实付金额", "商品类目"]
RO_COLS = ["案号", "执行法院", "承办人", "被执行人", "证件类型", "证件号码", "联系电话", "户籍地址", "执行标的", "立案日期", "限制消费", "失信", "案件状态"]
WB_COLS = ["waybill_no", "sender_name", "sender_phone", "sender_address", "receiver_name", "receiver_phone", "receiver_address",
           "pickup_time", "sign_time", "sign_type"]
CC_AL = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_AL = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CN = "零一二三四五六七八九"
FW = str.maketrans("0123456789", "０１２３４５６７８９")


# ====================================================================== small helpers
def id_check(s17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(a) * b for a, b in zip(s17, w)) % 11]


def credit_code(r, kind, region):
    body = "".join(r.choice(ORG_AL[:10] if i < 2 else ORG_AL) for i in range(8))
    s = sum(ORG_AL.index(c) * w for c, w in zip(body, [3, 7, 9, 10, 5, 8, 4, 2]))
    c9 = 11 - s % 11
    org = body + ("X" if c9 == 10 else "0" if c9 == 11 else str(c9))
    s17 = ("91" if kind == "co" else "92") + region + org
    t = 31 - sum(CC_AL.index(c) * w for c, w in zip(s17, CC_W)) % 31
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
    return a + dt.timedelta(days=r.randrange(max(1, (b - a).days)))


def rtime(r, d, kind):
    if kind == "work":
        while d.weekday() >= 5:
            d += dt.timedelta(days=1)
        h = r.randint(9, 16)
    else:
        h = wchoice(r, [(7, 1), (8, 1), (9, 1), (10, 1), (11, 1), (12, 2), (13, 1), (14, 1), (15, 1), (16, 1), (17, 1), (18, 2), (19, 3),
                        (20, 4), (21, 4), (22, 3), (23, 2), (0, 1)])
    return dt.datetime(d.year, d.month, d.day, h, r.randrange(60), r.randrange(60))


def cn_num(n):
    if n < 10:
        return CN[n]
    if n < 20:
        return "十" + (CN[n % 10] if n % 10 else "")
    if n < 100:
        return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")
    return "".join(CN[int(c)] for c in str(n))


def cn_dig(n):
    return "".join(CN[int(c)] for c in str(n))


def fw(s):
    return str(s).translate(FW)


def D8(d):
    return d.strftime("%Y%m%d")


def fmt_t(t):
    return t.strftime("%Y/%m/%d %H:%M:%S") if t else ""


# ====================================================================== places
def cityof(p):
    return G.D[p["dk"]]["city"]


def prefix_canon(dk):
    d = G.D[dk]
    c = G.CITIES[d["city"]]
    return c["prov"] + c["name"] + d["name"]


def estate_canon(e):
    return "%s%s%d号%s%s" % (prefix_canon(e["dk"]), e["road"], e["rn"], e["name"], e.get("phase") or "")


def flat_door_canon(city, b, u, room):
    if city == "st":
        return "%d幢%d房" % (b, room)
    if city == "zh":
        return "%d栋%d单元%d房" % (b, u, room)
    if city == "yt":
        return "%d号楼%d单元%d户" % (b, u, room)
    return "%d号楼%d单元%d室" % (b, u, room)           # 洛阳, 银川


def canon(p):
    if p is None:
        return None
    k = p["kind"]
    if k == "hukou":
        prov, city, county, _ = G.HUKOU[p["code"]]
        return "%s%s%s%s%s村%d组%d号" % (prov, city, county, p["town"], p["vil"], p["group"], p["n"])
    if k == "pickup":
        return estate_canon(p["estate"]) + "|" + p["brand"]
    pre = prefix_canon(p["dk"])
    if k == "flat":
        return estate_canon(p["estate"]) + flat_door_canon(cityof(p), p["b"], p["u"], p["room"])
    if k == "jiefang":
        return pre + "%d号街坊%d栋%d门%d" % (p["jf"], p["b"], p["m"], p["room"])
    if k == "lane":
        return pre + "%s%s横%d号" % (p["road"], cn_num(p["heng"]), p["n"])
    if k == "yard":
        return pre + "%s%d号院%d号" % (p["road"], p["n"], p["m"])
    if k == "village":
        c = cityof(p)
        base = pre + p["town"] + p["vil"] + "村"
        if c == "st":
            return base + "%s%d巷%d号" % (p["street"], p["lane"], p["n"])
        if c == "zh":
            return base + "%s%d号" % (p["nat"], p["n"])
        if c == "yc":
            return base + "%d队%d号" % (p["team"], p["n"])
        if c == "ly":
            return base + "%d组%d号" % (p["group"], p["n"])
        return base + "%d号" % p["n"]
    if k == "stall":
        return pre + "%s%d号%s%s区%d号" % (p["road"], p["rn"], p["market"], p["zone"], p["n"])
    if k == "office":
        return pre + "%s%d号%s%d室" % (p["road"], p["rn"], p["tower"], p["room"])
    if k == "plant":
        return pre + "%s%d号%s" % (p["road"], p["rn"], p["full"])
    return pre + "%s%d号%s" % (p["road"], p["rn"], p["name"])      # shop, factory


class Geo:
    def __init__(self, r):
        self.r = r
        self.estates, self.villages, self.works = {}, {}, {c: [] for c in G.CITIES}
        used = set()
        for dk, d in G.D.items():
            c = d["city"]
            n = 5 + d["w"] * 2
            lst = []
            while len(lst) < n:
                nm = r.choice(G.EST_A[c]) + r.choice(G.EST_B[c])
                if (c, nm) in used:
                    nm = r.choice(G.EST_A[c]) + r.choice(["东", "西", "南", "北", "新"]) + r.choice(G.EST_B[c])
                    if (c, nm) in used:
                        continue
                used.add((c, nm))
                e = dict(dk=dk, road=r.choice(d["roads"]), rn=r.randint(1, 399), name=nm, zone=None, phase=None)
                if d.get("zones") and r.random() < 0.35:
                    e["zone"] = r.choice(d["zones"])
                if c == "yc" and r.random() < 0.35:
                    e["phase"] = cn_num(r.randint(1, 4)) + "期"
                e["pickups"] = self._pickups(e)
                lst.append(e)
            self.estates[dk] = lst
            if d.get("towns"):
                vl = []
                for town, vils in d["towns"].items():
                    for v in vils:
                        x = dict(dk=dk, town=town, vil=v)
                        if c == "st":
                            x["nat"] = r.choice(G.TEOCHEW_NAT)
                            x["streets"] = r.sample(G.TEOCHEW_STREETS, 2)
                        if c == "zh":
                            x["nats"] = r.sample(G.DOUMEN_NAT, 2)
                        vl.append(x)
                self.villages[dk] = vl
        for c in G.CITIES:
            self._works(c)

    def _pickups(self, e):
        r = self.r
        out = []
        for _ in range(r.choice([1, 1, 2, 3])):
            brand = r.choice(G.LOCKERS + G.STATIONS)
            if not any(p["brand"] == brand for p in out):
                out.append(dict(kind="pickup", dk=e["dk"], estate=e, brand=brand, gate=r.choice(["南门", "北门", "东门", "西门", "%d号楼下" % r.randint(1, 12)])))
        return out

    def _works(self, c):
        r = self.r
        dks = [dk for dk, d in G.D.items() if d["city"] == c]
        area = G.CITIES[c]["area"]

        def land():
            if r.random() < 0.6:
                return "%s-%s" % (area, ("8" + "".join(r.choice("0123456789") for _ in range(7))) if c in ("st", "zh", "ly") else
                                  ("6" + "".join(r.choice("0123456789") for _ in range(6))))
            return None
        for m, dk in G.MARKETS[c]:
            road, rn = r.choice(G.D[dk]["roads"]), r.randint(1, 300)
            for _ in range(12):
                self.works[c].append(dict(kind="stall", dk=dk, road=road, rn=rn, market=m, zone=r.choice("ABCDE"), n=r.randint(1, 380), landline=land()))
        for t in G.TOWERS[c]:
            dk = r.choice(dks)
            road, rn = r.choice(G.D[dk]["roads"]), r.randint(1, 300)
            for _ in range(8):
                fl = r.randint(3, 32)
                self.works[c].append(dict(kind="office", dk=dk, road=road, rn=rn, tower=t, room=fl * 100 + r.randint(1, 20), floor=fl,
                                          company=r.choice(G.CO_WORDS) + r.choice(G.COMPANIES), landline=land()))
        for f in G.FACTORIES[c]:
            dk = r.choice(dks)
            self.works[c].append(dict(kind="factory", dk=dk, road=r.choice(G.D[dk]["roads"]), rn=r.randint(1, 500), name=f, landline=land()))
        if c == "ly":
            for short, full, road, rn, _ in G.PLANTS:
                self.works[c].append(dict(kind="plant", dk="ly_jx", road=road, rn=rn, short=short, full=full, landline=land()))
                self.works[c].append(dict(kind="plant", dk="ly_jx", road=road, rn=rn, short=short, full=full, landline=land()))
        for _ in range(14):
            dk = r.choice(dks)
            s = r.choice(G.SURNAMES[c][:8])
            self.works[c].append(dict(kind="shop", dk=dk, road=r.choice(G.D[dk]["roads"]), rn=r.randint(1, 400),
                                      name=r.choice(G.SHOPS[c]).format(s=s), landline=land()))

    def pick_dk(self, c):
        ks = [dk for dk, d in G.D.items() if d["city"] == c]
        return wchoice(self.r, [(k, G.D[k]["w"]) for k in ks])

    def home_in(self, r, dk, estate=None):
        c = G.D[dk]["city"]
        d = G.D[dk]
        if estate is None:
            x = r.random()
            if d.get("towns") and x < {"st": 0.5, "zh": 0.35, "ly": 0.4, "yt": 0.3, "yc": 0.6}[c]:
                v = r.choice(self.villages[dk])
                p = dict(kind="village", dk=dk, town=v["town"], vil=v["vil"], n=r.randint(1, 180))
                if c == "st":
                    p.update(nat=v["nat"], street=r.choice(v["streets"]), lane=r.randint(1, 12))
                elif c == "zh":
                    p.update(nat=r.choice(v["nats"]))
                elif c == "yc":
                    p.update(team=r.randint(1, 9))
                elif c == "ly":
                    p.update(group=r.randint(1, 8))
                return p
            if dk == "ly_jx" and x < 0.5:
                plant = r.choice(G.PLANTS)
                return dict(kind="jiefang", dk=dk, plant=plant[0], jf=r.choice(list(plant[4])), b=r.randint(1, 40), m=r.randint(1, 5),
                            room=r.randint(1, 6) * 100 + r.randint(1, 3))
            if dk == "st_jp" and x < 0.3:
                return dict(kind="lane", dk=dk, road=r.choice(d["lanes"]), heng=r.randint(1, 9), n=r.randint(1, 40))
            if dk == "ly_lc" and x < 0.4:
                return dict(kind="yard", dk=dk, road=r.choice(d["yards"]), n=r.randint(1, 160), m=r.randint(1, 24))
            estate = r.choice(self.estates[dk])
        top = {"st": 9, "zh": 33, "ly": 18, "yt": 11, "yc": 18}[c]
        return dict(kind="flat", dk=dk, estate=estate, b=r.randint(1, 30), u=r.randint(1, 4), room=r.randint(1, top) * 100 + r.randint(1, 4))

    def hukou_place(self, r, code):
        prov, city, county, towns = G.HUKOU[code]
        vil = r.choice(G.VIL_WORDS) + r.choice(G.VIL_TAIL)
        return dict(kind="hukou", code=code, town=r.choice(towns), vil=vil, group=r.randint(1, 9), n=r.randint(1, 120))


def estate_of(p):
    if p is None:
        return None
    if p["kind"] == "flat":
        return p["estate"]
    return None


# ---------------------------------------------------------------------- writing habits
def written_district(r, p, allow_zone=True):
    """-> (written name, needs_city)"""
    d = G.D[p["dk"]]
    e = p.get("estate")
    z = e.get("zone") if e else None
    if z and allow_zone and r.random() < 0.55:
        return z
    if d.get("old") and r.random() < 0.12:
        return (r.choice(d["old"]), False)
    return (d["name"], False)


def prefix_text(r, p):
    d = G.D[p["dk"]]
    c = G.CITIES[d["city"]]
    dist, need_city = written_district(r, p)
    is_name = dist == d["name"]
    forms = [("full", 30), ("city", 25), ("shortprov", 8), ("spaced", 7), ("none", 4)]
    if is_name:
        forms += [("short", 8), ("short_noqu", 5)]
    if not need_city:
        forms += [("dist", 8)]
    f = wchoice(r, forms)
    ps = G.PROV_SHORT[c["prov"]]
    if f == "full":
        return c["prov"] + c["name"] + dist
    if f == "city":
        return c["name"] + dist
    if f == "shortprov":
        return ps + c["short"] + dist
    if f == "spaced":
        return "%s %s %s " % (c["prov"], c["name"], dist)
    if f == "short":
        return c["short"] + d["short"]
    if f == "short_noqu":
        return c["short"] + "市" + d["short"]
    if f == "dist":
        return dist
    return c["name"]


def num(r, n):
    return fw(n) if r.random() < 0.06 else str(n)


def flat_door_text(r, city, b, u, room):
    fl, dd = room // 100, room % 100
    if city == "st":
        v = [("%s幢%s房" % (num(r, b), num(r, room)), 30), ("%d幢%d" % (b, room), 14), ("%d栋%d房" % (b, room), 12), ("%d座%d" % (b, room), 10),
             ("%d-%d" % (b, room), 10), ("%d幢%d室" % (b, room), 8), ("%s幢%s房" % (cn_num(b), cn_dig(room)), 4), ("%d号楼%d" % (b, room), 5),
             ("%d栋%d号" % (b, room), 4), ("%d幢%d楼%d房" % (b, fl, room), 3)]
    elif city == "zh":
        v = [("%s栋%s单元%s房" % (num(r, b), num(r, u), num(r, room)), 26), ("%d栋%d单元%d" % (b, u, room), 12), ("%d座%d单元%d房" % (b, u, room), 8),
             ("%d栋%d梯%d" % (b, u, room), 10), ("%d座%d梯%d房" % (b, u, room), 6), ("%d-%d-%d" % (b, u, room), 10), ("%d栋%d单元%d室" % (b, u, room), 8),
             ("%s栋%s单元%s房" % (cn_num(b), cn_num(u), cn_dig(room)), 3), ("%d栋%d单元%d号" % (b, u, room), 5)]
    elif city == "yt":
        v = [("%s号楼%s单元%s户" % (num(r, b), num(r, u), num(r, room)), 28), ("%d号楼%d单元%d" % (b, u, room), 16), ("%d号楼%d单元%d室" % (b, u, room), 8),
             ("%d#%d单元%d户" % (b, u, room), 6), ("%d-%d-%d" % (b, u, room), 12), ("%d号楼%d-%d" % (b, u, room), 8), ("%d栋%d单元%d户" % (b, u, room), 6),
             ("%d号%d单元%d户" % (b, u, room), 6), ("%s号楼%s单元%s户" % (cn_num(b), cn_num(u), cn_dig(room)), 3), ("%d号楼%d单元%d号" % (b, u, room), 5)]
    elif city == "ly":
        v = [("%s号楼%s单元%s室" % (num(r, b), num(r, u), num(r, room)), 26), ("%d-%d-%d" % (b, u, room), 16), ("%d号楼%d单元%d" % (b, u, room), 14),
             ("%d幢%d单元%d" % (b, u, room), 8), ("%d号楼%d单元%d楼%d号" % (b, u, fl, dd), 7), ("%d栋%d单元%d室" % (b, u, room), 8),
             ("%d号楼%d门%d" % (b, u, room), 5), ("%s号楼%s单元%s室" % (cn_num(b), cn_num(u), cn_dig(room)), 3)]
    else:
        v = [("%s号楼%s单元%s室" % (num(r, b), num(r, u), num(r, room)), 26), ("%d-%d-%d" % (b, u, room), 16), ("%d#楼%d单元%d" % (b, u, room), 8),
             ("%d号楼%d单元%d" % (b, u, room), 14), ("%d幢%d单元%d室" % (b, u, room), 8), ("%d栋%d-%d" % (b, u, room), 6),
             ("%d号楼%d门%d" % (b, u, room), 5), ("%s号楼%s单元%s室" % (cn_num(b), cn_num(u), cn_dig(room)), 3)]
    return wchoice(r, v)


def road_text(r, road, rn, with_number=True):
    if not with_number:
        return road
    return road + (cn_num(rn) if rn < 100 and r.random() < 0.05 else num(r, rn)) + "号"


def estate_text(r, e):
    name = e["name"]
    if e.get("phase"):
        ph = e["phase"]
        name += wchoice(r, [(ph, 5), (ph.replace(ph[:-1], str(CN.index(ph[0]))), 3), ("（%s）" % ph, 2), ("", 1)])
    f = wchoice(r, [("full", 45), ("estate", 30), ("road", 15), ("fwroad", 3)])
    if f == "full":
        return road_text(r, e["road"], e["rn"]) + name
    if f == "estate":
        return name
    if f == "road":
        return e["road"] + name
    return e["road"] + fw(e["rn"]) + "号" + name


def body_text(r, p):
    k = p["kind"]
    c = cityof(p)
    if k == "flat":
        return estate_text(r, p["estate"]) + flat_door_text(r, c, p["b"], p["u"], p["room"])
    if k == "jiefang":
        jf, b, m, room = p["jf"], p["b"], p["m"], p["room"]
        fl, dd = room // 100, room % 100
        v = [("%s号街坊%s栋%s门%s" % (num(r, jf), num(r, b), num(r, m), num(r, room)), 22), ("%d号街坊%d栋%d门%d号" % (jf, b, m, room), 10),
             ("%d街坊%d栋%d门%d" % (jf, b, m, room), 12), ("%d#街坊%d-%d-%d" % (jf, b, m, room), 6), ("%d号街坊%d号楼%d门%d" % (jf, b, m, room), 8),
             ("%d号街坊%d幢%d单元%d" % (jf, b, m, room), 6), ("%d号街坊%d-%d-%d" % (jf, b, m, room), 10),
             ("%s号街坊%d栋%d门%d" % (cn_num(jf), b, m, room), 6), ("%s%d号街坊%d栋%d门%d" % (p["plant"], jf, b, m, room), 10),
             ("%s家属院%d号街坊%d栋%d门%d" % (p["plant"], jf, b, m, room), 4), ("%d号街坊%d栋%d门%d楼%d号" % (jf, b, m, fl, dd), 5),
             ("%d号街坊%d栋%d门%d室" % (jf, b, m, room), 6)]
        return wchoice(r, v)
    if k == "lane":
        rd, h, n = p["road"], p["heng"], p["n"]
        v = [("%s%s横%d号" % (rd, cn_num(h), n), 40), ("%s%d横%d号" % (rd, h, n), 25), ("%s%s横%s号" % (rd, cn_num(h), cn_num(n)), 10),
             ("%s%s横%d号" % (rd[:-1], cn_num(h), n), 10), ("%s%s横%s号" % (rd, fw(h), fw(n)), 5), ("%s%s横%d号之一" % (rd, cn_num(h), n), 0),
             ("%s%s横%d" % (rd, cn_num(h), n), 10)]
        return wchoice(r, v)
    if k == "yard":
        rd, n, m = p["road"], p["n"], p["m"]
        v = [("%s%s号院%s号" % (rd, num(r, n), num(r, m)), 35), ("%s%d-%d号" % (rd, n, m), 20), ("%s%d号院内%d号" % (rd, n, m), 10),
             ("%s%s号院%s号" % (rd, cn_num(n) if n < 100 else n, cn_num(m)), 8), ("%s%d号院%d户" % (rd, n, m), 12), ("%s%d号%d号" % (rd, n, m), 8),
             ("%s%d号院%d" % (rd, n, m), 7)]
        return wchoice(r, v)
    if k == "village":
        t, vi, n = p["town"], p["vil"], p["n"]
        if c == "st":
            s, la, nat = p["street"], p["lane"], p["nat"]
            v = [("%s%s村%s%s巷%s号" % (t, vi, s, num(r, la), num(r, n)), 18), ("%s%s乡%s%d巷%d号" % (t, vi, s, la, n), 22), ("%s乡%s%d巷%d号" % (vi, s, la, n), 12),
                 ("%s%s村%s%s%d巷%d号" % (t, vi, nat, s, la, n), 12), ("%s%s乡%s%s%s巷%s号" % (t, vi, nat, s, cn_num(la), cn_num(n) if n < 100 else n), 6),
                 ("%s%s社区%s%d巷%d号" % (t, vi, s, la, n), 8), ("%s%s%s%d巷%d号" % (t, vi, s, la, n), 10), ("%s村%s%d-%d号" % (vi, s, la, n), 6),
                 ("%s%s乡%s%s巷%s号" % (t, vi, s, fw(la), fw(n)), 4), ("%s%s乡%s%s巷%d号" % (t, vi, s, cn_num(la), n), 6)]
        elif c == "zh":
            nat = p["nat"]
            v = [("%s%s村%s%s号" % (t, vi, nat, num(r, n)), 35), ("%s%s村委%s%d号" % (t, vi, nat, n), 12), ("%s村%s%d号" % (vi, nat, n), 15),
                 ("%s%s%s%s号" % (t, vi, nat, cn_num(n) if n < 100 else n), 8), ("%s%s村%s%d" % (t, vi, nat, n), 10), ("%s%s村%s%d号" % (t, vi, nat, n), 10)]
        elif c == "yc":
            tm = p["team"]
            v = [("%s%s村%s队%s号" % (t, vi, num(r, tm), num(r, n)), 30), ("%s村%d队%d号" % (vi, tm, n), 14), ("%s%s村%s队%d号" % (t, vi, cn_num(tm), n), 14),
                 ("%s%s村%d组%d号" % (t, vi, tm, n), 12), ("%s%s%d队%d号" % (t, vi, tm, n), 10), ("%s%s村%s队%s号" % (t, vi, cn_num(tm), cn_num(n) if n < 100 else n), 6),
                 ("%s%s村%d队%d号院" % (t, vi, tm, n), 8), ("%s%s村%d队-%d" % (t, vi, tm, n), 6)]
        elif c == "ly":
            g = p["group"]
            v = [("%s%s村%s组%s号" % (t, vi, num(r, g), num(r, n)), 40), ("%s%s村%s组%d号" % (t, vi, cn_num(g), n), 20), ("%s村%d组%d号" % (vi, g, n), 20),
                 ("%s%s%d组%d号" % (t, vi, g, n), 20)]
        else:
            v = [("%s%s村%s号" % (t, vi, num(r, n)), 35), ("%s%s%d号" % (t, vi, n), 20), ("%s村%d号" % (vi, n), 15),
                 ("%s%s村%s号" % (t, vi, cn_num(n) if n < 100 else n), 10), ("%s%s村%d号院" % (t, vi, n), 10), ("%s%s村%s号" % (t, vi, fw(n)), 10)]
        return wchoice(r, v)
    if k == "stall":
        z, n = p["zone"], p["n"]
        south = c in ("st", "zh")
        v = [("%s区%s号" % (z, num(r, n)), 30), ("%s%d" % (z, n), 12), ("%s-%d" % (z, n), 10), ("%s区%s号" % (z, cn_num(n) if n < 100 else n), 4),
             (("%s区%d号档" if south else "%s区%d号摊位") % (z, n), 18), (("档口%s%d" if south else "摊位号%s%d") % (z, n), 8), ("%s区%d号铺" % (z, n), 8)]
        return road_text(r, p["road"], p["rn"], r.random() < 0.5) + p["market"] + wchoice(r, v)
    if k == "office":
        rm, fl = p["room"], p["floor"]
        v = [("%d室" % rm, 30), ("%d" % rm, 15), ("%d楼%d" % (fl, rm), 15), ("%d层%d室" % (fl, rm), 12), ("%d号" % rm, 10), ("%d房" % rm, 8), ("%sF-%d" % (fl, rm), 5)]
        s = road_text(r, p["road"], p["rn"], r.random() < 0.6) + p["tower"] + wchoice(r, v)
        if r.random() < 0.3:
            s += "（%s）" % p["company"]
        return s
    if k == "plant":
        v = [(p["full"], 30), (p["short"], 20), ("%s集团" % p["short"], 10), ("洛阳%s" % p["short"], 10), ("%s(%s)" % (p["short"], p["road"]), 10)]
        pre = road_text(r, p["road"], p["rn"], r.random() < 0.6) if r.random() < 0.7 else ""
        return pre + wchoice(r, v) + r.choice(["", "", "", "门卫室", "传达室", "办公楼"])
    # shop / factory
    return road_text(r, p["road"], p["rn"], r.random() < 0.7) + p["name"]


def pickup_text(r, p):
    e = p["estate"]
    b = p["brand"]
    v = [("%s%s" % (estate_text(r, e), b), 30), ("%s%s%s" % (estate_text(r, e), p["gate"], b), 25), ("%s(%s)" % (b, e["name"]), 15),
         ("%s%s旁%s" % (e["name"], p["gate"], b), 10), ("%s %s" % (e["name"], b.replace("快递柜", "柜")), 10), ("%s%s店" % (b, e["name"]), 10)]
    return wchoice(r, v)


def address_text(r, p):
    if p["kind"] == "hukou":
        return hukou_text(r, p)
    body = pickup_text(r, p) if p["kind"] == "pickup" else body_text(r, p)
    s = prefix_text(r, p) + body
    if r.random() < 0.04:
        s += r.choice(G.REMARKS)
    return s


def hukou_text(r, p):
    prov, city, county, _ = G.HUKOU[p["code"]]
    f = wchoice(r, [("full", 55), ("nocity", 15), ("grpcn", 10), ("nonum", 10), ("xiang", 10 if prov == "广东省" else 0)])
    pre = prov + (city if f != "nocity" else "") + county + p["town"]
    if f == "grpcn":
        return pre + "%s村%s组%d号" % (p["vil"], cn_num(p["group"]), p["n"])
    if f == "nonum":
        return pre + "%s村%d组" % (p["vil"], p["group"])
    if f == "xiang":
        return pre + "%s乡%d组%d号" % (p["vil"], p["group"], p["n"])
    return pre + "%s村%d组%d号" % (p["vil"], p["group"], p["n"])


# ---------------------------------------------------------------------- names and phones
def mask_name(r, name):
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + ("*" + name[-1] if r.random() < 0.5 else "**")


def mask_id(r, idn, forms=("6+8", "2+14")):
    f = r.choice(forms)
    if f == "6+8":
        return idn[:6] + "*" * 8 + idn[14:]
    return idn[:2] + "*" * 14 + idn[16:]


def mask_phone(ph):
    return ph[:3] + "****" + ph[7:]


def phone_typed(r, ph):
    f = wchoice(r, [("plain", 70), ("+86", 8), ("+86 ", 4), ("sp", 7), ("dash", 6), ("mask", 5)])
    if f == "plain":
        return ph
    if f == "+86":
        return "+86" + ph
    if f == "+86 ":
        return "+86 " + ph
    if f == "sp":
        return "%s %s %s" % (ph[:3], ph[3:7], ph[7:])
    if f == "dash":
        return "%s-%s-%s" % (ph[:3], ph[3:7], ph[7:])
    return mask_phone(ph)


_PY = {}


def pinyin(name, style, city):
    from pypinyin import lazy_pinyin
    if name not in _PY:
        s = G.SURNAME_PY.get(name[0]) or lazy_pinyin(name[0])[0].capitalize()
        g = "".join(lazy_pinyin(name[1:]))
        _PY[name] = (s, g)
    s, g = _PY[name]
    if style == "teochew" and name[0] in G.TEOCHEW_ROM:
        return "%s %s" % (G.TEOCHEW_ROM[name[0]], g.capitalize())
    return {"sp": "%s %s" % (s, g.capitalize()), "up": (s + g).upper(), "low": (s + g).lower(), "rev": "%s %s" % (g.capitalize(), s)}.get(style, "%s %s" % (s, g.capitalize()))


# ====================================================================== world
class World:
    def __init__(self, seed, k):
        self.rng = random.Random(seed)
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
            ph = r.choice(["13", "15", "18", "17", "19"]) + str(r.randint(0, 9)) + "".join(r.choice("0123456789") for _ in range(8))
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

    def name(self, city, male, common=False):
        r = self.rng
        sur = G.SURNAMES[city]
        s = sur[min(int(r.expovariate(0.22)), len(sur) - 1)]
        if common or r.random() < 0.3:
            g = r.choice([x for x in G.COMMON_GIVEN if (x in G.GIVEN_M) == male] or G.COMMON_GIVEN)
        else:
            g = r.choice(G.GIVEN_M if male else G.GIVEN_F)
        if r.random() < 0.004:
            g = r.choice(["䶮", "堃", "喆", "昇"]) if male else r.choice(["婳", "玥", "琍"])
        return s + g


CROWD = {"st": ["陈少鹏", "林佩珊", "陈伟"], "zh": ["黄家豪", "梁婉婷"], "ly": ["王伟", "张伟", "王芳"], "yt": ["王芳", "于伟"], "yc": ["马志福", "纳秀英", "马海军"]}


def build_world(W, geo):
    r = W.rng

    def city_pick():
        return wchoice(r, [(c, v["weight"]) for c, v in G.CITIES.items()])

    def native_code(city, dk, birth):
        x = r.random()
        if x < 0.4:
            return r.choice(G.HUKOU_BY_CITY[city]), True
        d = G.D[dk]
        if d.get("oldcode") and birth.year < 1998 and r.random() < 0.6:
            return d["oldcode"], False
        return d["code"], False

    def person(role, city, dk=None, home=None, male=None, birth=None, code=None, name=None, hukou=None, **kw):
        male = r.random() < 0.5 if male is None else male
        birth = birth or dt.date(r.randint(1962, 2004), r.randint(1, 12), r.randint(1, 28))
        dk = dk or (home["dk"] if home and "dk" in home else geo.pick_dk(city))
        if code is None:
            code, vill = native_code(city, dk, birth)
        else:
            vill = code in G.HUKOU
        home = home or geo.home_in(r, dk)
        p = W.new(role=role, name=name or W.name(city, male), gender="男" if male else "女", birth=birth, id_number=W.idn(code, birth, male),
                  city=city, home=home, code=code, **kw)
        p["hukou_home"] = hukou or (geo.hukou_place(r, code) if vill else (home if home["kind"] in ("village",) else home))
        p["phones"] = [W.phone()]
        if role != "dirt" and r.random() < 0.05:
            p["phones"].append(W.phone())
        return p

    def give_work(p):
        age = (ASOF - p["birth"]).days // 365
        if not (21 <= age <= 60) or r.random() > 0.62:
            return
        c = p["city"]
        wc = c if r.random() < 0.92 else ("zh" if c == "st" else c)
        pool = geo.works[wc]
        if wc == "ly" and p["home"]["kind"] == "jiefang" and r.random() < 0.6:
            pool = [w for w in pool if w["kind"] == "plant" and w["short"] == p["home"]["plant"]] or pool
        w = r.choice(pool)
        p["work"] = w
        p["landline"] = w.get("landline")
        if r.random() < 0.15:
            p["old_work"] = w
            p["work"] = r.choice(geo.works[wc])
            p["landline"] = p["work"].get("landline")
            p["job_change"] = rand_date(r, START + dt.timedelta(days=60), ASOF - dt.timedelta(days=20))

    n_org = int(W.k * 0.07)
    n_person = W.k - n_org
    for i in range(n_person):
        c = city_pick()
        hh = W.households = W.households + 1
        crowd = r.random() < 0.025
        nm = r.choice(CROWD[c]) if crowd else None
        male = None
        if nm:
            male = nm[-1] not in "珊婷芳英"
        d = person("debtor", c, household=hh, name=nm, male=male)
        d["present"] = r.random() > 0.10
        if not d["present"]:
            d["flags"].append("planned_absent")
        W.debtors.append(d)
        give_work(d)
        age = (ASOF - d["birth"]).days // 365
        if age >= 24 and r.random() < 0.6:
            sp = person("spouse", c, home=d["home"], male=d["gender"] == "女", household=hh,
                        birth=d["birth"] + dt.timedelta(days=r.randint(-1500, 1500)))
            sp["spouse"], d["spouse"] = d["pid"], sp["pid"]
            give_work(sp)
            if d["present"] and r.random() < 0.22:
                d["flags"].append("uses_spouse_account")
                if r.random() < 0.6:
                    d["flags"].append("no_own_account")
        if age >= 46 and r.random() < 0.55:
            ch = person("child", c, home=d["home"] if r.random() < 0.5 else None, household=hh,
                        birth=dt.date(min(2004, d["birth"].year + r.randint(22, 30)), r.randint(1, 12), r.randint(1, 28)), code=d["code"] if r.random() < 0.7 else None)
            ch["parents"] = [d["pid"]]
            d["children"].append(ch["pid"])
            give_work(ch)
        if d["hukou_home"]["kind"] == "hukou" and age < 52 and r.random() < 0.35:
            for male in (True, False):
                pa_ = person("parent", c, home=d["hukou_home"], male=male, code=d["code"],
                             birth=dt.date(d["birth"].year - r.randint(24, 32), r.randint(1, 12), r.randint(1, 28)), household=hh, hukou=d["hukou_home"])
                pa_["home"] = d["hukou_home"]
                d["parents"].append(pa_["pid"])
        # neighbours
        e = estate_of(d["home"])
        if e and r.random() < 0.3:
            h = geo.home_in(r, e["dk"], e)
            if r.random() < 0.4:
                h["b"] = d["home"]["b"]
            nb = person("neighbour", c, home=h)
            give_work(nb)
        # namesakes
        ps = 0.5 if not d["present"] else 0.22
        while r.random() < ps:
            ps *= 0.5
            x = r.random()
            if x < 0.12 and e:
                hc, h = c, geo.home_in(r, e["dk"], e)
            elif x < 0.55:
                hc, h = c, geo.home_in(r, d["home"]["dk"]) if "dk" in d["home"] else None
            elif x < 0.75:
                hc, h = c, None
            else:
                hc, h = city_pick(), None
            b = d["birth"] + dt.timedelta(days=r.randint(-400, 400)) if r.random() < 0.35 else None
            code = d["code"] if r.random() < 0.3 else None
            ns = person("namesake", hc, home=h, name=d["name"], male=d["gender"] == "男", birth=b, code=code)
            ns["namesake_of"] = d["pid"]
            give_work(ns)
    # co-debtor spouses: 3 % of married debtors
    for d in list(W.debtors):
        if d.get("spouse") and r.random() < 0.04:
            sp = W.by[d["spouse"]]
            sp["role"] = "debtor"
            sp["flags"].append("co_debtor")
            sp["co_of"] = d["pid"]
            sp["present"] = d["present"] or r.random() < 0.5
            W.debtors.append(sp)
    # organisations
    for i in range(n_org):
        c = city_pick()
        dk = geo.pick_dk(c)
        nm = r.choice(G.CO_WORDS) + r.choice(G.CO_WORDS) + r.choice(["贸易有限公司", "商行", "经营部", "建材有限公司", "餐饮店", "电子厂"])
        kind = "gt" if nm.endswith(("商行", "经营部", "餐饮店")) else "co"
        o = W.new(role="debtor", kind="organisation", name=nm, id_number=credit_code(r, kind, G.D[dk]["code"]), city=c, present=True)
        o["home"] = None
        W.debtors.append(o)
    # strangers and the crowd of namesakes for very common names
    for i in range(int(W.k * 1.1)):
        c = city_pick()
        s = person("stranger", c)
        give_work(s)
    for c, names in CROWD.items():
        for nm in names:
            for i in range(int(W.k * 0.04 * G.CITIES[c]["weight"] / 20)):
                s = person("namesake", c, name=nm, male=nm[-1] not in "珊婷芳英")
                s["flags"].append("crowd")
                give_work(s)
    # dirt people
    for i in range(30):
        person("dirt", city_pick())
    # life events
    persons = [p for p in W.people if p["kind"] == "person" and p["role"] not in ("dirt", "parent")]
    hh_moved = {}
    for p in persons:
        if p["home"]["kind"] == "hukou":
            continue
        key = p.get("household") or -p["pid"]
        if key not in hh_moved:
            if r.random() < 0.22:
                recent = r.random() < 0.3
                md = rand_date(r, ASOF - dt.timedelta(days=50), ASOF - dt.timedelta(days=3)) if recent else rand_date(r, START + dt.timedelta(days=40), ASOF - dt.timedelta(days=50))
                nc = p["city"] if r.random() < 0.85 else city_pick()
                hh_moved[key] = (md, geo.home_in(r, geo.pick_dk(nc)), p["home"])
            else:
                hh_moved[key] = None
        mv = hh_moved[key]
        if mv and p["home"] is mv[2]:
            p["old_home"], p["move_date"], p["home"] = p["home"], mv[0], mv[1]
            if "recent_move" not in p["flags"] and mv[0] > ASOF - dt.timedelta(days=50):
                p["flags"].append("recent_move")
    recyc = []
    for p in persons:
        if r.random() < 0.3:
            old = p["phones"][0]
            p["old_phone"] = old
            p["phone_change"] = rand_date(r, START + dt.timedelta(days=20), ASOF - dt.timedelta(days=10))
            p["phones"] = [W.phone()] + p["phones"][1:]
            if p["phone_change"] < ASOF - dt.timedelta(days=120) and r.random() < 0.35:
                recyc.append((old, p["phone_change"] + dt.timedelta(days=r.randint(60, 110))))
    for old, since in recyc:
        s = person("stranger", city_pick())
        s["phones"] = [old]
        s["phone_from"] = since
        s["flags"].append("recycled_phone")
    # roster phones
    for d in W.debtors:
        if d["kind"] != "person":
            continue
        cur = d["phones"][0]
        if d.get("old_phone"):
            rp = wchoice(r, [([d["old_phone"]], 55), ([d["old_phone"], cur], 22), ([], 15), ([cur], 8)])
        else:
            rp = wchoice(r, [([cur], 45), ([], 20), ([W.phone()], 30), ([W.phone(), cur], 5)])
        if d.get("landline") and r.random() < 0.15:
            rp = rp + [d["landline"]]
        d["roster_phones"] = rp


COURTS = {"st": [("汕头市中级人民法院", "粤05", None), ("汕头市龙湖区人民法院", "粤0507", "st_lh"), ("汕头市金平区人民法院", "粤0511", "st_jp"),
                 ("汕头市潮阳区人民法院", "粤0513", "st_cy"), ("汕头市潮南区人民法院", "粤0514", "st_cn"), ("汕头市澄海区人民法院", "粤0515", "st_ch")],
          "zh": [("珠海市香洲区人民法院", "粤0402", "zh_xz"), ("珠海市斗门区人民法院", "粤0403", "zh_dm"), ("珠海市金湾区人民法院", "粤0404", "zh_jw"),
                 ("珠海市横琴新区人民法院", "粤0491", "zh_xz")],
          "ly": [("洛阳市涧西区人民法院", "豫0305", "ly_jx"), ("洛阳市西工区人民法院", "豫0303", "ly_xg"), ("洛阳市老城区人民法院", "豫0302", "ly_lc"),
                 ("洛阳市洛龙区人民法院", "豫0311", "ly_ll"), ("孟津县人民法院", "豫0322", "ly_mj")],
          "yt": [("烟台市芝罘区人民法院", "鲁0602", "yt_zf"), ("烟台市莱山区人民法院", "鲁0613", "yt_ls"), ("烟台市福山区人民法院", "鲁0611", "yt_fs"),
                 ("烟台市牟平区人民法院", "鲁0612", "yt_mp")],
          "yc": [("银川市中级人民法院", "宁01", None), ("银川市兴庆区人民法院", "宁0104", "yc_xq"), ("银川市金凤区人民法院", "宁0106", "yc_jf"),
                 ("银川市西夏区人民法院", "宁0105", "yc_xx"), ("永宁县人民法院", "宁0121", "yc_yn"), ("贺兰县人民法院", "宁0122", "yc_hl")]}
ROSTER_OF = {"st": "yuehaify", "zh": "yuehaify", "ly": "heluofy", "yt": "qify", "yc": "ningfy"}
JUDGES = "陈林黄李王张刘马杨赵孙于"


def build_cases(W):
    r = random.Random(W.rng.random())
    cases, seq = [], {}
    for d in W.debtors:
        if "co_debtor" in d["flags"]:
            continue
        n = wchoice(r, [(1, 75), (2, 18), (3, 7)])
        for i in range(n):
            c = d["city"] if r.random() < 0.85 else wchoice(r, [(c, v["weight"]) for c, v in G.CITIES.items()])
            home_dk = (d.get("old_home") or d.get("home") or {}).get("dk")
            opts = COURTS[c]
            loc = [x for x in opts if x[2] == home_dk]
            court = loc[0] if loc and r.random() < 0.7 else r.choice(opts)
            if court[2] is None and r.random() < 0.7:
                court = r.choice(opts)
            filing = rand_date(r, dt.date(2019, 1, 1), ASOF - dt.timedelta(days=5))
            key = (court[1], filing.year)
            seq[key] = seq.get(key, 0) + r.randint(1, 40)
            kind = "执恢" if r.random() < 0.05 else "执"
            open_b, close_b = ("(", ")") if ROSTER_OF[c] != "yuehaify" else ("（", "）")
            cn = "%s%d%s%s%s%d号" % (open_b, filing.year, close_b, court[1], kind, seq[key])
            status = wchoice(r, [("执行中", 58), ("终本", 32), ("执行完毕", 10)])
            amount = round(r.choice([r.uniform(2000, 50000), r.uniform(50000, 900000)]), 2)
            base = dict(case_no=cn, court=court[0], judge=r.choice(JUDGES) + r.choice(["晓", "志", "建", "丽", "海", "文", "雪"]) + r.choice("明华军红峰燕平"),
                        status=status, restrict=r.random() < 0.72, blacklist=r.random() < 0.4, filing=filing, amount=amount,
                        roster=ROSTER_OF[c], city=c)
            cases.append(dict(base, pid=d["pid"], id_number=d["id_number"].upper(), name=d["name"], kind=d["kind"], co_debtor=False))
            if i == 0 and d.get("spouse") and W.by[d["spouse"]].get("co_of") == d["pid"]:
                sp = W.by[d["spouse"]]
                cases.append(dict(base, pid=sp["pid"], id_number=sp["id_number"].upper(), name=sp["name"], kind="person", co_debtor=True))
    return cases


# ====================================================================== platform activity
EC_PLATS = ("haiyun", "jinxiu", "hangtu")
SO_PLATS = ("yuxin", "gulou")


class Gen:
    def __init__(self, W, geo):
        self.W, self.geo = W, geo
        self.r = random.Random(W.rng.random())
        self.orders, self.waybills, self.socials = [], [], []
        self.oid = 0

    def account(self, p, plat):
        a = p["accounts"].get(plat)
        if a is None:
            r = self.r
            a = dict(plat=plat, holder=p["pid"], uid={"haiyun": "hy%08d", "jinxiu": "jx_%07d", "hangtu": "T%09d", "yuxin": "yx%07d",
                                                         "gulou": "gl-%06d"}[plat] % (p["pid"] * 7 + r.randint(0, 6)))
            if plat == "haiyun":
                a["name"] = p["name"] if r.random() < 0.7 else mask_name(r, p["name"])
                a["idf"] = wchoice(r, [("full", 30), ("mask", 50), ("empty", 20)])
                a["mask_phone"] = r.random() < 0.4
            elif plat == "jinxiu":
                a["name"] = mask_name(r, p["name"]) if r.random() < 0.85 else p["name"]
                a["idf"] = wchoice(r, [("empty", 60), ("mask2", 40)])
                a["mask_phone"] = r.random() < 0.8
            else:
                a["name"] = p["name"]
                a["idf"] = wchoice(r, [("full", 70), ("mask", 30)])
                a["mask_phone"] = False
            a["x_lower"] = r.random() < 0.3
            p["accounts"][plat] = a
        return a

    def phone_at(self, p, t):
        d = t.date() if isinstance(t, dt.datetime) else t
        if p.get("phone_change") and d < p["phone_change"]:
            return p["old_phone"]
        return p["phones"][0]

    def home_at(self, p, d):
        if p.get("move_date") and d < p["move_date"]:
            return p["old_home"]
        return p["home"]

    def work_at(self, p, d):
        if p.get("job_change") and d < p["job_change"]:
            return p.get("old_work")
        return p.get("work")

    def name_typed(self, p, city):
        r = self.r
        nm = p["name"]
        s, g = nm[0], nm[1:]
        forms = [("full", 44), ("title", 12), ("mask", 8), ("nick", 9), ("pinyin", 5), ("space", 3), ("trad", 2), ("placeholder", 3), ("suffix", 5),
                 ("quoted", 2), ("emoji", 1)]
        if city == "st":
            forms.append(("teochew", 2))
        f = wchoice(r, forms)
        if f == "full":
            return nm, f
        if f == "title":
            if city == "zh":
                return s + (r.choice(["生", "先生"]) if p["gender"] == "男" else r.choice(["小姐", "女士"])), f
            return s + ("先生" if p["gender"] == "男" else "女士"), f
        if f == "mask":
            return s + "**", f
        if f == "nick":
            return r.choice(G.NICK[city]).format(s=s, g=g, g1=g[-1]), f
        if f == "pinyin":
            return pinyin(nm, r.choice(["sp", "up", "low", "rev"]), city), f
        if f == "teochew":
            return pinyin(nm, "teochew", city), f
        if f == "space":
            return s + r.choice([" ", "\u3000"]) + g, f
        if f == "trad":
            return "".join(G.TRAD.get(ch, ch) for ch in nm), f
        if f == "placeholder":
            return r.choice(G.PLACEHOLDERS), f
        if f == "emoji":
            return nm + r.choice(["🌸", "😊", "🍊", "⭐"]), f
        if f == "quoted":
            return '"%s"' % nm, f
        return nm + r.choice(G.NAME_SUFFIX), f

    def order(self, acct, holder, recip, kind, place, t, category=None, amount=None, virtual=False, rphone=None):
        r = self.r
        self.oid += 1
        sign = None
        if not virtual and r.random() > 0.03:
            sign = t + dt.timedelta(hours=r.randint(14, 96), minutes=r.randint(0, 59))
            if kind == "work":
                sd = sign.date()
                while sd.weekday() >= 5:
                    sd += dt.timedelta(days=1)
                sign = dt.datetime.combine(sd, dt.time(r.randint(9, 17), r.randint(0, 59)))
        city = recip["city"] if recip else holder["city"]
        if recip is None:
            nm, nf = r.choice(G.PLACEHOLDERS), "madeup"
            rp = rphone or self.phone_at(holder, t)
        else:
            nm, nf = self.name_typed(recip, city)
            rp = rphone or self.phone_at(recip, t)
        if kind == "work" and holder.get("landline") and r.random() < 0.35:
            rtext = holder["landline"]
        elif rp.startswith("0"):
            rtext = rp
        else:
            rtext = phone_typed(r, rp)
        if virtual:
            addr = r.choice(G.VIRTUAL_ADDR)
        else:
            addr = address_text(r, place)
        cat = category or (r.choice(G.LOCAL_CATS[city]) if r.random() < 0.15 else r.choice(G.NORMAL_CATS))
        amt = amount if amount is not None else round(r.lognormvariate(4.0, 0.9), 2)
        o = dict(oid=self.oid, acct=acct, holder=holder, recip=recip, kind=kind, place=place, t=t, sign=sign, name=nm, name_form=nf,
                 rphone=rtext, addr=addr, category=cat, amount=amt, virtual=virtual, plat=acct["plat"])
        self.orders.append(o)
        return o

    def plat_for(self, t, travel=False):
        if travel:
            return "hangtu"
        return "haiyun" if self.r.random() < 0.62 else "jinxiu"

    def person_orders(self, p, holder=None, n=None):
        """orders for p (recipient), placed through holder's accounts."""
        r = self.r
        holder = holder or p
        if n is None:
            base = {"debtor": 19, "spouse": 9, "child": 8, "neighbour": 5, "namesake": 4, "stranger": 4}.get(p["role"], 3)
            if "crowd" in p["flags"]:
                base = 3
            n = max(0, int(r.lognormvariate(0, 0.6) * base))
        lo = p.get("phone_from") or START
        for _ in range(n):
            d = rand_date(r, lo, ASOF - dt.timedelta(days=1))
            home = self.home_at(p, d)
            work = self.work_at(p, d)
            choices = [("home", 60), ("pickup", 15)]
            if work:
                choices.append(("work", 22))
            if p["parents"] and r.random() < 0.3:
                choices.append(("parents", 5))
            k = wchoice(r, choices)
            recip, place = p, None
            if k == "home":
                place = home
                if p.get("spouse") and self.W.by[p["spouse"]]["present"] and r.random() < 0.12:
                    recip = self.W.by[p["spouse"]]
            elif k == "pickup":
                e = estate_of(home)
                if e is None or not e["pickups"]:
                    k, place = "home", home
                else:
                    place = r.choice(e["pickups"])
            elif k == "work":
                place = work
            else:
                par = self.W.by[r.choice(p["parents"])]
                recip, place, k = par, par["home"], "other"
            if r.random() < 0.015:
                recip = None
            t = rtime(r, d, "work" if k == "work" else "home")
            if t.date() >= ASOF:
                continue
            acct = self.account(holder, self.plat_for(t))
            self.order(acct, holder, recip, k, place, t)

    def spouse_account_orders(self, d):
        sp = self.W.by[d["spouse"]]
        self.person_orders(d, holder=sp, n=max(2, int(self.r.lognormvariate(0, 0.5) * 10)))

    def restricted(self, d, cases):
        r = self.r
        mine = [c for c in cases if c["pid"] == d["pid"]]
        holder = d
        if "uses_spouse_account" in d["flags"] and r.random() < 0.5:
            holder = self.W.by[d["spouse"]]
        for _ in range(r.randint(1, 4)):
            travel = r.random() < 0.6
            if r.random() < 0.15 or not mine:
                day = rand_date(r, START, ASOF - dt.timedelta(days=1))
            else:
                lo = max(START, max(c["filing"] for c in mine) + dt.timedelta(days=1))
                day = rand_date(r, lo, ASOF - dt.timedelta(days=1)) if lo < ASOF - dt.timedelta(days=1) else ASOF - dt.timedelta(days=2)
            t = rtime(r, day, "home")
            if travel:
                a = self.account(holder, "hangtu")
                self.order(a, holder, d, "virtual", None, t, category=r.choice(G.RESTRICTED_TRAVEL), amount=round(r.uniform(400, 9000), 2), virtual=True)
            else:
                a = self.account(holder, "haiyun")
                self.order(a, holder, d, "home", self.home_at(d, day), t, category=r.choice(G.RESTRICTED_GOODS), amount=round(r.uniform(3000, 60000), 2))

    def near_miss(self, p):
        r = self.r
        cat = r.choice(G.NEAR_MISS)
        t = rtime(r, rand_date(r, p.get("phone_from") or START, ASOF - dt.timedelta(days=1)), "home")
        if cat in ("汽车票", "普通车厢座位", "经济型酒店"):
            self.order(self.account(p, "hangtu"), p, p, "virtual", None, t, category=cat, amount=round(r.uniform(30, 300), 2), virtual=True)
        else:
            self.order(self.account(p, "haiyun"), p, p, "home", self.home_at(p, t.date()), t, category=cat, amount=round(r.uniform(10, 300), 2))

    def social(self, p):
        r = self.r
        for plat in SO_PLATS:
            if r.random() > (0.55 if plat == "yuxin" else 0.35):
                continue
            a = self.account(p, plat)
            c = p["city"]
            ev = []
            lo = p.get("phone_from") or START
            for _ in range(r.randint(1, 12)):
                d = rand_date(r, lo, ASOF - dt.timedelta(days=1))
                travel = r.random() < 0.1
                reg = r.choice(G.TRAVEL_REGIONS) if travel else G.CITIES[self.home_city(p, d)]["prov"] + G.CITIES[self.home_city(p, d)]["name"]
                ev.append(("login", rtime(r, d, "home"), reg))
            for _ in range(r.choice([0, 0, 1, 2, 3, 5])):
                d = rand_date(r, lo, ASOF - dt.timedelta(days=1))
                x = r.random()
                home, work = self.home_at(p, d), self.work_at(p, d)
                if x < 0.45 and estate_of(home):
                    ev.append(("post", rtime(r, d, "home"), home))
                elif x < 0.7 and work:
                    ev.append(("post", rtime(r, d, "work"), work))
                else:
                    ev.append(("post", rtime(r, d, "home"), r.choice(G.LANDMARKS[c])))
            ev.sort(key=lambda e: e[1])
            self.socials.append(dict(acct=a, p=p, ev=ev, nick=self.nickname(p)))

    def home_city(self, p, d):
        h = self.home_at(p, d)
        return G.D[h["dk"]]["city"] if h and "dk" in h else p["city"]

    def nickname(self, p):
        r = self.r
        s = p["name"][0]
        return wchoice(r, [(r.choice(["海边的", "爱喝茶的", "快乐的", "牡丹城的", "塞上", "胶东"]) + r.choice(["小", "阿", "老"]) + p["name"][-1], 30),
                           (p["name"][-1] * 2 + r.choice(["", "呀", "🌸", "✨"]), 15), (s + r.choice(["先生", "姐", "哥", "老师"]) + str(r.randint(1, 999)), 20),
                           (r.choice(["风一样的男子", "岁月静好", "知足常乐", "追梦人", "平安是福", "阳光明媚"]), 25), ("user%d" % r.randint(10000, 99999), 10)])

    def waybill_for(self, o):
        r = self.r
        if o["virtual"] or r.random() > 0.4:
            return
        carrier = "ousu" if r.random() < 0.6 else "chaoyun"
        recip = o["recip"] or o["holder"]
        city = recip["city"]
        if o["recip"] is None:
            nm = o["name"]
        else:
            nm, _ = self.name_typed(recip, city)
            if r.random() < 0.5 and len(nm) >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in nm):
                nm = mask_name(r, nm)
        ph = self.phone_at(recip, o["t"])
        rph = mask_phone(ph) if r.random() < 0.55 else ph
        if o["kind"] == "work" and o["holder"].get("landline") and r.random() < 0.3:
            rph = o["holder"]["landline"]
        pick = o["t"] + dt.timedelta(hours=r.randint(2, 30))
        sign = o["sign"]
        if sign is not None and sign <= pick:
            sign = pick + dt.timedelta(hours=r.randint(3, 40))
        k = o["kind"]
        if sign is None:
            st = None
        elif k == "pickup":
            st = "快递柜" if o["place"]["brand"] in G.LOCKERS else "驿站代收"
        elif k == "work":
            st = wchoice(r, [("本人签收", 62), ("门卫代收", 38)])
        else:
            st = wchoice(r, [("本人签收", 50), ("家人代签", 26), ("门卫代收", 12), ("快递柜", 8), ("驿站代收", 4)])
        shop = r.choice(["%s%s旗舰店" % (r.choice(G.CO_WORDS), r.choice(["家居", "数码", "食品", "服饰"])), "%s电商仓" % r.choice(G.CO_WORDS)])
        sphone = "400" + "".join(r.choice("0123456789") for _ in range(7)) if r.random() < 0.5 else self.W.phone()
        w = dict(carrier=carrier, o=o, sender=None, sender_name=shop, sender_phone=sphone,
                 sender_address=r.choice(["广东省广州市白云区", "浙江省金华市义乌市", "广东省东莞市", "河南省郑州市中牟县"]) + r.choice(["物流园", "电商产业园", "仓储中心"]) + "%d号" % r.randint(1, 99),
                 receiver=o["recip"], rname=nm, rphone=rph, raddr=address_text(r, o["place"]), pick=pick, sign=sign, sign_type=st,
                 kind=k, place=o["place"], sender_kind="merchant", sender_place=None)
        self.waybills.append(w)

    def parent_parcels(self, p):
        r = self.r
        pars = [q for q in p["parents"] if (self.W.by[q]["home"] or {}).get("kind") == "hukou"]
        if not pars:
            return
        for _ in range(r.randint(1, 4)):
            par = self.W.by[r.choice(pars)]
            d = rand_date(r, START, ASOF - dt.timedelta(days=3))
            home = self.home_at(p, d)
            pick = rtime(r, d, "home")
            sign = pick + dt.timedelta(hours=r.randint(20, 90))
            st = wchoice(r, [("本人签收", 50), ("家人代签", 35), ("门卫代收", 15)])
            nm, _ = self.name_typed(p, p["city"])
            self.waybills.append(dict(carrier="ousu" if r.random() < 0.5 else "chaoyun", o=None, sender=par, sender_name=par["name"] if r.random() < 0.7 else mask_name(r, par["name"]),
                                      sender_phone=self.phone_at(par, d), sender_address=hukou_text(r, par["home"]), receiver=p, rname=nm,
                                      rphone=self.phone_at(p, d), raddr=address_text(r, home), pick=pick, sign=sign, sign_type=st, kind="home", place=home,
                                      sender_kind="parent", sender_place=par["home"]))

    def work_shipments(self, p):
        r = self.r
        for _ in range(r.randint(1, 6)):
            d = rand_date(r, START, ASOF - dt.timedelta(days=3))
            work = self.work_at(p, d)
            if work is None:
                continue
            cust = r.choice(self.W.people)
            if cust["kind"] != "person" or cust["role"] in ("dirt", "parent") or cust["home"] is None or not cust["present"]:
                continue
            pick = rtime(r, d, "work")
            sign = pick + dt.timedelta(hours=r.randint(20, 90))
            sname = p["name"] if r.random() < 0.5 else (work.get("name") or work.get("market") or work.get("full") or work.get("company") or p["name"])
            sph = work.get("landline") if work.get("landline") and r.random() < 0.5 else self.phone_at(p, d)
            nm, _ = self.name_typed(cust, cust["city"])
            self.waybills.append(dict(carrier="ousu" if r.random() < 0.5 else "chaoyun", o=None, sender=p, sender_name=sname, sender_phone=sph,
                                      sender_address=address_text(r, work), receiver=cust, rname=nm, rphone=mask_phone(self.phone_at(cust, d)),
                                      raddr=address_text(r, self.home_at(cust, d)), pick=pick, sign=sign,
                                      sign_type=wchoice(r, [("本人签收", 55), ("家人代签", 25), ("快递柜", 20)]),
                                      kind="home", place=self.home_at(cust, d), sender_kind="work", sender_place=work))


# ====================================================================== files
def month_days(day, first, last):
    out, y, m = [], first.year, first.month
    while True:
        d = dt.date(y, m, day)
        if d > last:
            break
        if d >= first:
            out.append(d)
        m += 1
        if m > 12:
            y, m = y + 1, 1
    return out


def file_for(dates, t):
    for d in dates:
        if t.date() < d:
            return d
    return None


def blank_rec(**kw):
    x = dict(file=None, line=None, source=None, platform=None, record_key=None, holder=None, recipient=None, receiver=None, sender=None,
             dest_kind=None, dest_canonical=None, delivered=False, door=False, dirty=False, dirt=None, ambiguous=False, dup_of=None,
             category=None, amount=None, ordered_at=None, order_id=None, name_form=None, sender_kind=None, sender_canonical=None,
             raw_address=None)
    x.update(kw)
    return x


def dest_kind_of(k):
    return {"home": "home", "work": "work", "pickup": "pickup", "other": "other", "virtual": "virtual"}[k]


class Dirt:
    """dirty rows about 30 dedicated 'dirt' people, so that the truth does not depend on quarantine decisions."""

    def __init__(self, W, r):
        self.W, self.r = W, r
        self.people = [p for p in W.people if p["role"] == "dirt"]

    def who(self):
        return self.r.choice(self.people)

    def ec_cells(self, p, plat, fd):
        r = self.r
        t = rtime(r, rand_date(r, fd - dt.timedelta(days=50), fd - dt.timedelta(days=3)), "home")
        return [str(900000000 + r.randint(0, 99999)), "dirt%05d" % p["pid"], p["name"], "", mask_phone(p["phones"][0]), p["name"], p["phones"][0],
                address_text(r, p["home"]), fmt_t(t), fmt_t(t + dt.timedelta(days=2)), "35.00", r.choice(G.NORMAL_CATS)]

    def ec_rows(self, plat, fd, n):
        r = self.r
        kinds = ["missing_cols", "extra_cols", "bad_order_time", "bad_sign_time", "bad_amount", "formula_name", "formula_addr", "long_addr",
                 "ctrl", "empty_oid", "nul", "dde"]
        out = []
        for i in range(n):
            p = self.who()
            k = kinds[(i + r.randrange(len(kinds))) % len(kinds)]
            c = self.ec_cells(p, plat, fd)
            if k == "missing_cols":
                c = c[:r.randint(3, 9)]
            elif k == "extra_cols":
                c = c + ["多余", "列"]
            elif k == "bad_order_time":
                c[8] = r.choice(["2026/02/30 12:00:00", "2026-13-01", "明天上午", "#REF!", "1900/01/00 00:00:00", "2026/6/31 25:00:00", "44927.5"])
            elif k == "bad_sign_time":
                c[9] = r.choice(["已签收", "未知", "2026/09/31 08:00:00", "#N/A", "0"])
            elif k == "bad_amount":
                c[10] = r.choice(["免费", "#NUM!", "--", "1,2,3", "¥", "约50", "NaN", "五十元"])
            elif k == "formula_name":
                c[5] = r.choice(['=HYPERLINK("http://x.cn/a","点我")', "@SUM(A1:A9)", "+1+1", "-2+3"])
            elif k == "formula_addr":
                c[7] = r.choice(["=1+2", '=IMPORTXML("http://x","//a")', "-" + c[7], "+" + c[7]])
            elif k == "dde":
                c[5] = "=cmd|' /C notepad'!A0"
            elif k == "long_addr":
                c[7] = c[7] + "附近" * 15000
            elif k == "ctrl":
                c[5] = p["name"] + r.choice(["\x07", "\x1b[31m", "\x0b", "\x0c"])
            elif k == "nul":
                c[7] = c[7][:5] + "\x00" + c[7][5:]
            else:
                c[0] = ""
            rec = blank_rec(source="ecommerce", platform=plat, holder=p["pid"], dirty=True, dirt=k,
                            record_key="ec:%s:%s" % (plat, c[0]) if c and c[0] else None)
            out.append((c, rec))
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

    # ------------------------------------------------------------ CSV
    def write_csv(self, kind, fn, header, rows, enc, bom=False, eol="\r\n", quote_all=False, truncate=None, extra=None):
        """rows: list of (cells, rec).  Line numbers are the physical start lines (header = 1)."""
        buf = io.StringIO()
        wr = csv.writer(buf, lineterminator=eol, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
        wr.writerow(header)
        line = 2
        last_start = 0
        for cells, rec in rows:
            start = buf.tell()
            last_start = start
            wr.writerow(cells)
            chunk = buf.getvalue()[start:]
            if rec is not None:
                rec["file"], rec["line"] = fn, line
                self.R.append(rec)
            line += chunk.count(eol) if eol == "\r" else chunk.count("\n")
        text = buf.getvalue()
        if truncate == "in_quote":
            # cut the last row inside its quoted address: an unterminated quote runs to the end of the file
            tail = text[last_start:]
            q = tail.find(',"')
            i = q + 2 + max(2, (tail.find('"', q + 2) - q - 2) // 2)
            text = text[:last_start] + tail[:i]
        data = text.encode(enc)
        if bom:
            data = b"\xef\xbb\xbf" + data
        self.put(kind, fn, data)
        info = dict(kind=kind, encoding=enc, bom=bom, rows=len(rows), truncated=bool(truncate), line_end={"\r\n": "crlf", "\n": "lf", "\r": "cr"}[eol],
                    quote_all=quote_all)
        info.update(extra or {})
        self.files[fn] = info
        return data

    def ec_row(self, o, plat, fd, dup_of=None):
        r = self.r
        a = o["acct"]
        h = o["holder"]
        fdt = dt.datetime.combine(fd, dt.time())
        delivered = o["sign"] is not None and o["sign"] < fdt
        bound = self.g.phone_at(h, o["t"])
        bound = mask_phone(bound) if a["mask_phone"] else bound
        idn = h["id_number"]
        if a.get("x_lower"):
            idn = idn[:17] + idn[17].lower()
        idf = {"full": idn, "mask": mask_id(r, idn, ("6+8",)), "mask2": mask_id(r, idn, ("2+14",)), "empty": ""}[a["idf"]]
        amt = o["amount"]
        amts = ("%.2f" % amt).rstrip("0").rstrip(".") if plat == "jinxiu" and r.random() < 0.5 else "%.2f" % amt
        oid = {"haiyun": "%016d" % (6102000000000000 + o["oid"] * 13), "jinxiu": "JX%010d" % (o["oid"] * 7), "hangtu": "HT%s%06d" % (D8(o["t"].date()), o["oid"])}[plat]
        cells = [oid, a["uid"], a["name"], idf, bound, o["name"], o["rphone"], o["addr"], fmt_t(o["t"]), fmt_t(o["sign"]) if delivered else "", amts, o["category"]]
        k = o["kind"]
        place = o["place"]
        rec = blank_rec(source="ecommerce", platform=plat, record_key="ec:%s:%s" % (plat, oid), holder=h["pid"],
                        recipient=o["recip"]["pid"] if o["recip"] else None, dest_kind=dest_kind_of(k), dest_canonical=canon(place) if place else None,
                        delivered=delivered, door=delivered and k in ("home", "work", "other"), category=o["category"], amount=amt,
                        ordered_at=o["t"], order_id=oid, name_form=o["name_form"], raw_address=o["addr"], dup_of=dup_of)
        return cells, rec

    def ecommerce(self, dirt):
        g, r = self.g, self.r
        by = {p: [] for p in EC_PLATS}
        for o in g.orders:
            by[o["plat"]].append(o)
        for p in by:
            by[p].sort(key=lambda o: (o["t"], o["oid"]))
        # ---- haiyun: monthly on the 20th, GB18030, CRLF
        dates = month_days(20, dt.date(2026, 2, 20), ASOF)
        prev = START
        for fd in dates:
            rows = [self.ec_row(o, "haiyun", fd) for o in by["haiyun"] if prev <= o["t"].date() < fd]
            rows += dirt.ec_rows("haiyun", fd, 4)
            rows.sort(key=lambda x: x[0][8] if len(x[0]) > 8 else "")
            fn = "haiyun_orders_%s.csv" % D8(fd)
            data = self.write_csv("ecommerce", fn, EC_COLS, rows, "gb18030")
            if fd == dt.date(2026, 8, 20):
                cp = "haiyun_orders_20260820 - 副本.csv"
                self.put("ecommerce", cp, data)
                for cells, rec in rows:
                    self.R.append(dict(rec, file=cp, dup_of=fn))
                self.files[cp] = dict(self.files[fn], badname=True, copy_of=fn)
            prev = fd
        # ---- jinxiu: every two months on the 20th, LF; 20260720 re-sends the last 10 days of 20260520; 20260920 has CR-only line ends;
        #      20261120 is empty (0 bytes), so 20270120 covers everything since 20260920 and ends in a row cut inside a quoted cell
        dates = [dt.date(2026, 3, 20), dt.date(2026, 5, 20), dt.date(2026, 7, 20), dt.date(2026, 9, 20), dt.date(2026, 11, 20), ASOF]
        prev = START
        for fd in dates:
            fn = "jinxiu_orders_%s.csv" % D8(fd)
            if fd == dt.date(2026, 11, 20):
                self.put("ecommerce", fn, b"")
                self.files[fn] = dict(kind="ecommerce", encoding="gb18030", bom=False, rows=0, truncated=False, empty=True)
                continue
            lo = prev - dt.timedelta(days=10) if fd == dt.date(2026, 7, 20) else prev
            rows = []
            for o in by["jinxiu"]:
                if lo <= o["t"].date() < fd:
                    rows.append(self.ec_row(o, "jinxiu", fd, dup_of="jinxiu_orders_20260520.csv" if o["t"].date() < prev else None))
            rows += dirt.ec_rows("jinxiu", fd, 4)
            rows.sort(key=lambda x: x[0][8] if len(x[0]) > 8 else "")
            eol = "\r" if fd == dt.date(2026, 9, 20) else "\n"
            trunc = None
            if fd == ASOF:
                p = dirt.who()
                c = dirt.ec_cells(p, "jinxiu", fd)
                c[7] = c[7] + "，近" + ",东门"
                rows.append((c, blank_rec(source="ecommerce", platform="jinxiu", holder=p["pid"], dirty=True, dirt="truncated", record_key="ec:jinxiu:" + c[0])))
                trunc = "in_quote"
            if eol == "\r":
                for _, rec in rows:
                    rec["ambiguous"] = True
            self.write_csv("ecommerce", fn, EC_COLS, rows, "gb18030", eol=eol, truncate=trunc, extra=dict(ambiguous=True) if eol == "\r" else None)
            prev = fd
        # ---- hangtu: travel, quarterly; the 20261020 export is an .xlsx workbook saved under the .csv name
        dates = [dt.date(2026, 4, 20), dt.date(2026, 7, 20), dt.date(2026, 10, 21), ASOF]
        prev = START
        for fd in dates:
            fn = "hangtu_orders_%s.csv" % D8(fd)
            rows = [self.ec_row(o, "hangtu", fd) for o in by["hangtu"] if prev <= o["t"].date() < fd]
            rows += dirt.ec_rows("hangtu", fd, 3)
            rows.sort(key=lambda x: x[0][8] if len(x[0]) > 8 else "")
            if fd == dt.date(2026, 10, 21):
                bad = "hangtu_orders_20261020.csv"
                self.put("ecommerce", bad, xlsx_bytes([EC_COLS] + [c for c, x in rows if not x["dirty"]][:40]))
                self.files[bad] = dict(kind="ecommerce", encoding=None, bom=False, rows=0, truncated=False, unreadable=True, not_csv=True,
                                       actual="xlsx (ZIP) workbook", replaced_by=fn)
            self.write_csv("ecommerce", fn, EC_COLS, rows, "gb18030")
            prev = fd

    # ------------------------------------------------------------ social
    def soc_obj(self, s, plat, fd):
        r = self.r
        p, a = s["p"], s["acct"]
        fdt = dt.datetime.combine(fd, dt.time())
        ev = [e for e in s["ev"] if e[1] < fdt]
        ph = self.g.phone_at(p, fdt - dt.timedelta(days=1))
        o = dict(uid=a["uid"], nickname=s["nick"])
        rn = wchoice(r, [(p["name"], 40), (mask_name(r, p["name"]), 30), (p["name"][0] + "某" + p["name"][-1] if len(p["name"]) == 3 else p["name"][0] + "某", 10), (None, 20)])
        o["real_name"] = rn
        idn = wchoice(r, [(None, 60), (mask_id(r, p["id_number"]), 30), (p["id_number"], 10)])
        o["id_no"] = idn
        o["phone"] = (mask_phone(ph) if r.random() < 0.5 else ph) if r.random() < 0.85 else None
        c = G.CITIES[self.g.home_city(p, fd)]
        o["profile_region"] = ("%s·%s" if plat == "gulou" else "%s %s") % (G.PROV_SHORT[c["prov"]], c["short"])

        def ts(t):
            if plat == "gulou":
                return t.strftime("%Y-%m-%dT%H:%M:%S") + ".%09d+08:00" % r.randint(0, 999999999)
            return t.strftime("%Y-%m-%dT%H:%M:%S+08:00")
        logins, posts = [], []
        for e in ev:
            if e[0] == "login":
                reg = e[2] if r.random() < 0.6 else e[2].replace(c["prov"], "") if e[2].startswith(c["prov"]) else e[2]
                logins.append(dict(ts=ts(e[1]), ip="%d.%d.%d.%d" % (r.choice([14, 27, 36, 42, 58, 61, 101, 113, 117, 120, 183, 222]), r.randrange(256),
                                                                         r.randrange(256), r.randrange(1, 255)), ip_region=reg))
            else:
                pl_ = e[2]
                if isinstance(pl_, str):
                    posts.append(dict(ts=ts(e[1]), poi=pl_, address=None if r.random() < 0.5 else c["name"] + pl_))
                else:
                    e_ = estate_of(pl_)
                    poi = e_["name"] if e_ else (pl_.get("market") or pl_.get("tower") or pl_.get("name") or pl_.get("full"))
                    posts.append(dict(ts=ts(e[1]), poi=poi, address=prefix_text(r, pl_) + (estate_text(r, e_) if e_ else body_text(r, pl_))))
        o["logins"] = logins
        if plat == "gulou":
            o["geo_posts"] = json.dumps(posts, ensure_ascii=False, separators=(",", ":"))     # a JSON string holding the array
        else:
            o["geo_posts"] = posts
        rec = blank_rec(source="social", platform=plat, record_key="so:%s:%s" % (plat, a["uid"]), holder=p["pid"])
        return o, rec

    def social(self, dirt):
        r = self.r
        files = [("yuxin", dt.date(2026, 7, 20), 0.75), ("yuxin", ASOF, 1.0), ("gulou", dt.date(2027, 1, 15), 1.0)]
        for plat, fd, share in files:
            fn = "%s_accounts_%s.jsonl" % (plat, D8(fd))
            lines = []
            for s in self.g.socials:
                if s["acct"]["plat"] != plat:
                    continue
                if s["ev"] and s["ev"][0][1].date() >= fd:
                    continue
                if share < 1 and r.random() > share:
                    continue
                o, rec = self.soc_obj(s, plat, fd)
                if plat == "yuxin":
                    txt = json.dumps(o, ensure_ascii=False)
                else:
                    txt = json.dumps({k: v for k, v in o.items() if v is not None}, ensure_ascii=False, separators=(",", ":"))
                lines.append((txt, rec))
            lines = self.soc_dirt(lines, plat, fd, dirt)
            out, n = [], 0
            for txt, rec in lines:
                for j, part in enumerate(txt.split("\n")):
                    n += 1
                    if rec is not None:
                        if j == 0:
                            rec["file"], rec["line"] = fn, n
                            self.R.append(rec)
                        else:
                            self.R.append(dict(rec, file=fn, line=n))
                out.append(txt)
            data = "\n".join(out)
            trunc = fd == ASOF
            if trunc:
                data = data[: len(data) - len(out[-1]) // 2]
            else:
                data += "\n"
            self.put("social", fn, data.encode("utf-8"))
            self.files[fn] = dict(kind="social", encoding="utf-8", bom=False, rows=n, truncated=trunc)

    def soc_dirt(self, lines, plat, fd, dirt):
        r = dirt.r
        add = []
        for k in ["js_style", "number", "null", "html", "pretty", "trailing_comma", "formula_nick", "long_nick", "bad_ts", "ctrl", "lone_surrogate", "dup_key"]:
            p = dirt.who()
            base = dict(uid="%s_dirt%d" % (plat[:2], p["pid"]), nickname="脏数据", real_name=p["name"], phone=p["phones"][0],
                        logins=[dict(ts="2026-06-01T10:00:00+08:00", ip="1.2.3.4", ip_region=G.CITIES[p["city"]]["name"])])
            amb = False
            if k == "js_style":
                txt = "{uid: '%s', nickname: '%s'}" % (base["uid"], p["name"])
            elif k == "number":
                txt = "20260601"
            elif k == "null":
                txt = "null"
            elif k == "html":
                txt = "<html><body>502 Bad Gateway</body></html>"
            elif k == "pretty":
                txt = json.dumps(base, ensure_ascii=False, indent=2)
            elif k == "trailing_comma":
                txt = json.dumps(base, ensure_ascii=False) + ","
            elif k == "formula_nick":
                base["nickname"] = '=HYPERLINK("http://evil.cn","领红包")'
                txt = json.dumps(base, ensure_ascii=False)
            elif k == "long_nick":
                base["nickname"] = "啊" * 25000
                txt = json.dumps(base, ensure_ascii=False)
            elif k == "bad_ts":
                base["logins"][0]["ts"] = r.choice(["2026-02-29T10:00:00+08:00", "昨天 21:00", "1767225600000", "2026/10/01 10:00"])
                txt = json.dumps(base, ensure_ascii=False)
            elif k == "ctrl":
                txt = json.dumps(base, ensure_ascii=False).replace("脏数据", "脏\x08数据")
            elif k == "lone_surrogate":
                # valid JSON, but the escaped half of an emoji is not a character: it cannot be stored as UTF-8
                txt = json.dumps(base, ensure_ascii=False).replace("脏数据", "小花\\ud83c")
                amb = True
            else:
                txt = json.dumps(base, ensure_ascii=False)[:-1] + ', "phone": "%s"}' % mask_phone(p["phones"][0])
                amb = True
            rec = blank_rec(source="social", platform=plat, holder=p["pid"], dirty=not amb, ambiguous=amb, dirt=k,
                            record_key="so:%s:%s" % (plat, base["uid"]) if amb else None)
            add.append((txt, rec))
        for i, x in enumerate(add):
            lines.insert(r.randrange(len(lines) + 1), x)
        # the last line (truncated in the newest yuxin file) is a dirt line
        p = dirt.who()
        if fd == ASOF:
            txt = json.dumps(dict(uid="yx_dirt_last%d" % p["pid"], nickname="最后一行", real_name=p["name"], phone=p["phones"][0]), ensure_ascii=False)
            lines.append((txt, blank_rec(source="social", platform=plat, holder=p["pid"], dirty=True, dirt="truncated")))
        return lines

    # ------------------------------------------------------------ logistics
    def wb_rec(self, w, fn, fd, no, dup_of=None):
        fdt = dt.datetime.combine(fd, dt.time())
        delivered = w["sign"] is not None and w["sign"] < fdt
        o = w["o"]
        return blank_rec(file=fn, source="logistics", platform=w["carrier"], record_key="wb:%s:%s" % (w["carrier"], no),
                         holder=o["holder"]["pid"] if o else None, recipient=None,
                         receiver=w["receiver"]["pid"] if w["receiver"] else None, sender=w["sender"]["pid"] if w["sender"] else None,
                         dest_kind=dest_kind_of(w["kind"]), dest_canonical=canon(w["place"]), delivered=delivered,
                         door=delivered and w["sign_type"] in ("本人签收", "家人代签"), sender_kind=w["sender_kind"],
                         sender_canonical=canon(w["sender_place"]), raw_address=w["raddr"], dup_of=dup_of)

    def logistics(self, dirt):
        r = self.r
        ws = {"ousu": [], "chaoyun": []}
        for i, w in enumerate(self.g.waybills):
            w["no"] = ("OS%012d" if w["carrier"] == "ousu" else "CY7%011d") % (i * 3 + 1000)
            ws[w["carrier"]].append(w)
        for c in ws:
            ws[c].sort(key=lambda w: (w["pick"], w["no"]))

        def rowdict(w, fdt):
            signed = w["sign"] is not None and w["sign"] < fdt
            return dict(waybill_no=w["no"], sender_name=w["sender_name"], sender_phone=w["sender_phone"], sender_address=w["sender_address"],
                        receiver_name=w["rname"], receiver_phone=w["rphone"], receiver_address=w["raddr"], pickup_time=w["pick"],
                        sign_time=w["sign"] if signed else None, sign_type=w["sign_type"] if signed else None)

        # ---- ousu: monthly on the 20th; tz Asia/Harbin; 20261120 is a partial upload (not readable); full file on 20261121
        dates = month_days(20, dt.date(2026, 2, 20), ASOF)
        dates = [d if d != dt.date(2026, 11, 20) else dt.date(2026, 11, 21) for d in dates]
        prev = START
        for fd in dates:
            fn = "ousu_waybills_%s.parquet" % D8(fd)
            fdt = dt.datetime.combine(fd, dt.time())
            sel = [w for w in ws["ousu"] if prev <= w["pick"].date() < fd]
            rows, recs = [], []
            for w in sel:
                rows.append(rowdict(w, fdt))
                recs.append(self.wb_rec(w, fn, fd, w["no"]))
            self.wb_dirt(rows, recs, "ousu", fn, fd, dirt)
            for i, x in enumerate(recs):
                x["line"] = i + 1
            self.R.extend(recs)
            tz = "Asia/Harbin"
            schema = pa.schema([(c, pa.timestamp("us", tz=tz) if c in ("pickup_time", "sign_time") else pa.string()) for c in WB_COLS])
            t = pa.Table.from_pylist([dict(x, pickup_time=utc(x["pickup_time"]), sign_time=utc(x["sign_time"])) for x in rows], schema=schema)
            buf = pa.BufferOutputStream()
            pq.write_table(t, buf, compression="snappy", row_group_size=2000)
            data = buf.getvalue().to_pybytes()
            self.put("logistics", fn, data)
            self.files[fn] = dict(kind="logistics", rows=len(rows), ts_type="timestamp[us, tz=Asia/Harbin]", compression="snappy")
            if fd == dt.date(2026, 11, 21):
                bad = "ousu_waybills_20261120.parquet"
                self.put("logistics", bad, data[: len(data) * 3 // 5])
                self.files[bad] = dict(kind="logistics", rows=0, not_parquet=True, unreadable=True, truncated=True,
                                       actual="first 60 % of a Parquet file (upload interrupted): PAR1 magic at the start, no footer", replaced_by=fn)
            prev = fd
        # ---- chaoyun: every two months on the 10th, naive timestamp[ms] Beijing, uncompressed; an in-transit snapshot with null-typed sign columns
        dates = [dt.date(2026, 3, 10), dt.date(2026, 5, 10), dt.date(2026, 7, 10), dt.date(2026, 9, 10), dt.date(2026, 11, 10),
                 dt.date(2026, 12, 25), dt.date(2027, 1, 10), ASOF]
        prev = START
        pending_nos = {}
        last_rows = []
        for fd in dates:
            fn = "chaoyun_waybills_%s.parquet" % D8(fd)
            fdt = dt.datetime.combine(fd, dt.time())
            rows, recs = [], []
            if fd == dt.date(2026, 12, 25):
                # in-transit snapshot: only waybills picked up in the last 3 days and not yet signed
                sel = [w for w in ws["chaoyun"] if fd - dt.timedelta(days=3) <= w["pick"].date() < fd and not (w["sign"] and w["sign"] < fdt)]
                for w in sel:
                    d = rowdict(w, fdt)
                    rows.append(d)
                    recs.append(self.wb_rec(w, fn, fd, w["no"]))
                    pending_nos[w["no"]] = fn
                for i, x in enumerate(recs):
                    x["line"] = i + 1
                self.R.extend(recs)
                fields = [(c, pa.null() if c in ("sign_time", "sign_type") else pa.timestamp("ms") if c == "pickup_time" else pa.string()) for c in WB_COLS]
                t = pa.Table.from_pylist(rows, schema=pa.schema(fields))
                self.write_pq(fn, t, compression="none", extra=dict(pending=True, null_typed=["sign_time", "sign_type"]))
                continue
            lo = prev if fd != dt.date(2027, 1, 10) else dt.date(2026, 11, 10)
            sel = [w for w in ws["chaoyun"] if lo <= w["pick"].date() < fd and not (fd == ASOF and w["pick"].date() < dt.date(2027, 1, 10))]
            for w in sel:
                rows.append(rowdict(w, fdt))
                recs.append(self.wb_rec(w, fn, fd, w["no"], dup_of=pending_nos.get(w["no"])))
            if fd == ASOF and last_rows:
                # re-sends 60 rows of the 20270110 file
                for d, x in r.sample(last_rows, min(60, len(last_rows))):
                    rows.append(d)
                    recs.append(dict(x, file=fn, dup_of="chaoyun_waybills_20270110.parquet"))
            self.wb_dirt(rows, recs, "chaoyun", fn, fd, dirt)
            for i, x in enumerate(recs):
                x["line"] = i + 1
            self.R.extend(recs)
            if fd == dt.date(2027, 1, 10):
                last_rows = [(d, x) for d, x in zip(rows, recs) if not x["dirty"]]
            fields = [(c, pa.timestamp("ms") if c in ("pickup_time", "sign_time") else pa.string()) for c in WB_COLS]
            t = pa.Table.from_pylist(rows, schema=pa.schema(fields))
            self.write_pq(fn, t, compression="none", extra=None)
            prev = fd

    def write_pq(self, fn, t, compression, extra):
        buf = pa.BufferOutputStream()
        pq.write_table(t, buf, compression=compression, row_group_size=1000)
        self.put("logistics", fn, buf.getvalue().to_pybytes())
        self.files[fn] = dict(kind="logistics", rows=t.num_rows, ts_type="timestamp[ms] naive (Beijing)", compression=compression)
        self.files[fn].update(extra or {})

    def wb_dirt(self, rows, recs, plat, fn, fd, dirt):
        r = dirt.r
        for k in ["null_no", "empty_no", "formula", "ctrl", "long_addr", "sign_before_pickup", "future_pickup", "bad_sign_type", "dup_no"]:
            p = dirt.who()
            t = rtime(r, rand_date(r, fd - dt.timedelta(days=25), fd - dt.timedelta(days=3)), "home")
            no = "%sD%08d" % (plat[:2].upper(), p["pid"] * 100 + r.randrange(100))
            d = dict(waybill_no=no, sender_name="某电商", sender_phone="4001234567", sender_address="广东省东莞市仓储中心", receiver_name=p["name"],
                     receiver_phone=p["phones"][0], receiver_address=address_text(r, p["home"]), pickup_time=t, sign_time=t + dt.timedelta(days=1),
                     sign_type="本人签收")
            if k == "null_no":
                d["waybill_no"] = None
            elif k == "empty_no":
                d["waybill_no"] = ""
            elif k == "formula":
                d["receiver_name"] = "=1+1" if r.random() < 0.5 else "@" + p["name"]
            elif k == "ctrl":
                d["receiver_address"] = d["receiver_address"][:4] + "\x00\x07" + d["receiver_address"][4:]
            elif k == "long_addr":
                d["receiver_address"] += "旁边" * 12000
            elif k == "sign_before_pickup":
                d["sign_time"] = t - dt.timedelta(days=2)
            elif k == "future_pickup":
                d["pickup_time"] = dt.datetime(2099, 1, 1, 8, 0)
                d["sign_time"] = None
                d["sign_type"] = None
            elif k == "bad_sign_type":
                d["sign_type"] = r.choice(["拒收", "问题件", "转寄", "滞留"])
            elif k == "dup_no" and rows:
                d["waybill_no"] = rows[r.randrange(len(rows))]["waybill_no"]
            pos = r.randrange(len(rows) + 1)
            rows.insert(pos, d)
            recs.insert(pos, blank_rec(file=fn, source="logistics", platform=plat, holder=None, receiver=p["pid"], dirty=True, dirt=k,
                                       record_key="wb:%s:%s" % (plat, d["waybill_no"]) if d["waybill_no"] else None))

    # ------------------------------------------------------------ roster
    def roster_row(self, c, p, status=None, commas=False, x_lower=False):
        r = self.r
        person = p["kind"] == "person"
        idn = p["id_number"]
        if person and x_lower and idn.endswith("X") and r.random() < 0.5:
            idn = idn[:17] + "x"
        phones = p.get("roster_phones") or [] if person else ([] if r.random() < 0.5 else [self.W.phone()])
        sep = r.choice([";", "；", "、", ",", "、"])
        amt = "{:,.2f}".format(c["amount"]) if commas or (r.random() < 0.2) else "%.2f" % c["amount"]
        hk = hukou_text(r, p["hukou_home"]) if person and p["hukou_home"]["kind"] == "hukou" else (address_text(r, p["hukou_home"]) if person else
                                                                                                  address_text(r, self.g.geo.home_in(r, self.g.geo.pick_dk(p["city"]))))
        cells = [c["case_no"], c["court"], c["judge"], p["name"], "居民身份证" if person else "统一社会信用代码", idn, sep.join(phones), hk, amt,
                 c["filing"].isoformat(), "是" if c["restrict"] else "否", "是" if c["blacklist"] else "否", status or c["status"]]
        rec = blank_rec(source="debtors", platform=c["roster"], holder=p["pid"], record_key="ro:" + c["case_no"])
        return cells, rec

    def roster(self, cases, dirt):
        r = self.r
        by = {}
        for c in cases:
            by.setdefault(c["roster"], []).append(c)
        spec = {"yuehaify": dict(bom=True, eol="\r\n", quote_all=False), "heluofy": dict(bom=False, eol="\n", quote_all=False),
                "qify": dict(bom=True, eol="\r\n", quote_all=True), "ningfy": dict(bom=False, eol="\r\n", quote_all=False)}
        for ro in ("yuehaify", "heluofy", "qify", "ningfy"):
            cs = sorted(by.get(ro, []), key=lambda c: (c["filing"], c["case_no"], c["co_debtor"]))
            rows = [self.roster_row(c, self.W.by[c["pid"]], commas=(ro == "qify"), x_lower=(ro == "heluofy")) for c in cs]
            if ro == "ningfy":
                rows += self.roster_dirt(dirt)
            fn = "%s_roster_%s.csv" % (ro, D8(ASOF))
            self.write_csv("debtors", fn, RO_COLS, rows, "utf-8", **spec[ro])
            if ro == "heluofy":
                old = dt.date(2027, 1, 13)
                orows = []
                for c in cs:
                    if c["filing"] >= old:
                        continue
                    st = "执行中" if c["status"] == "执行完毕" and r.random() < 0.6 else c["status"]
                    cells, rec = self.roster_row(c, self.W.by[c["pid"]], status=st, x_lower=True)
                    rec["dup_of"] = "older"
                    orows.append((cells, rec))
                self.write_csv("debtors", "heluofy_roster_%s.csv" % D8(old), RO_COLS, orows, "utf-8", **spec[ro], extra=dict(older=True))

    def roster_dirt(self, dirt):
        out = []
        for k in ["date_cn", "amount_cn", "id_17", "extra_col", "formula_name", "short_row"]:
            p = dirt.who()
            cn = "(2026)宁0104执%d号" % (90000 + p["pid"])
            c = [cn, "银川市兴庆区人民法院", "马晓明", p["name"], "居民身份证", p["id_number"], p["phones"][0], hukou_text(dirt.r, p["hukou_home"]) if p["hukou_home"]["kind"] == "hukou" else "宁夏银川市兴庆区",
                 "12000.00", "2026-03-05", "是", "否", "执行中"]
            if k == "date_cn":
                c[9] = "2026年3月5日"
            elif k == "amount_cn":
                c[8] = "壹万贰仟元整"
            elif k == "id_17":
                c[5] = p["id_number"][:17]
            elif k == "extra_col":
                c = c + ["备注：已约谈"]
            elif k == "formula_name":
                c[3] = "=" + p["name"]
            else:
                c = c[:7]
            out.append((c, blank_rec(source="debtors", platform="ningfy", holder=p["pid"], dirty=True, dirt=k, record_key="ro:" + cn)))
        return out


def utc(t):
    if t is None:
        return None
    return (t - dt.timedelta(hours=8)).replace(tzinfo=dt.timezone.utc)


def xlsx_bytes(rows):
    """a minimal, valid .xlsx workbook (inline strings), deterministic (fixed zip timestamps)."""
    def cell(v):
        v = str(v).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return '<c t="inlineStr"><is><t>%s</t></is></c>' % v
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             + "".join("<row>%s</row>" % "".join(cell(v) for v in row) for row in rows) + "</sheetData></worksheet>")
    files = [
        ("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
         '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
        ("_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        ("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="订单" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
        ("xl/worksheets/sheet1.xml", sheet)]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files:
            zi = zipfile.ZipInfo(name, date_time=(2026, 10, 20, 3, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, text.encode("utf-8"))
    return buf.getvalue()


# ====================================================================== truth
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
    geo = Geo(random.Random(a.seed * 7919 + 14))
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
        if p["kind"] == "person" and p["present"] and p["role"] not in ("dirt", "parent") and p["home"] is not None and r.random() < 0.05:
            g.near_miss(p)
        if p["kind"] == "person" and p["role"] in ("stranger", "namesake", "neighbour") and r.random() < 0.03:
            a_ = g.account(p, "hangtu")
            t = rtime(r, rand_date(r, p.get("phone_from") or START, ASOF - dt.timedelta(days=1)), "home")
            g.order(a_, p, p, "virtual", None, t, category=r.choice(G.RESTRICTED_TRAVEL), amount=round(r.uniform(300, 3000), 2), virtual=True)
    for p in W.people:
        if p["kind"] == "person" and p["present"] and p["role"] not in ("dirt", "parent") and p["home"] is not None and r.random() < 0.2:
            a_ = g.account(p, "hangtu")
            for _ in range(r.randint(1, 3)):
                t = rtime(r, rand_date(r, p.get("phone_from") or START, ASOF - dt.timedelta(days=1)), "home")
                g.order(a_, p, p, "virtual", None, t, category=r.choice(G.NORMAL_TRAVEL), amount=round(r.uniform(20, 600), 2), virtual=True)
    for o in list(g.orders):
        g.waybill_for(o)
    out = Out(a.out, W, g)
    dirt = Dirt(W, random.Random(a.seed + 99))
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
