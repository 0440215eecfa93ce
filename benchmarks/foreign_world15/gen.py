#!/usr/bin/env python
"""foreign15: fifteenth independent synthetic world for `locate` (南通, 莆田, 惠州, 泸州, 景德镇).

    python gen.py --out DIR --seed N --debtors K      -> DIR/inbox/{debtors,ecommerce,social,logistics}, DIR/truth/

Written from shared/specs/{inputs,outputs,context,pitfalls}.md only.  Deterministic for a given (seed, K).
Newest exports are dated 20270218: run the pipeline with --as-of 2027-02-18.
"""
import argparse, csv, datetime as dt, gzip, io, json, os, random, shutil, sys

import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import geo15 as G  # noqa: E402

START = dt.date(2026, 2, 18)
ASOF = dt.date(2027, 2, 18)
SPRING = (dt.date(2027, 2, 2), dt.date(2027, 2, 11))     # couriers pause around the Spring Festival (2027-02-06)
RESTRICTED = set(G.RESTRICTED_TRAVEL + G.RESTRICTED_GOODS)
EC_COLS = ["订单编号", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人", "收货手机", "收货地址", "下单时间", "签收时间", "实付金额", "商品类目"]
RO_COLS = ["案号", "执行法院", "承办人", "被执行人", "证件类型", "证件号码", "联系电话", "户籍地址", "执行标的", "立案日期", "限制消费", "失信", "案件状态"]
WB_COLS = ["waybill_no", "sender_name", "sender_phone", "sender_address", "receiver_name", "receiver_phone", "receiver_address",
           "pickup_time", "sign_time", "sign_type"]
CC_AL = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
CN = "零一二三四五六七八九"
FW = str.maketrans("0123456789", "０１２３４５６７８９")
TZ8 = dt.timezone(dt.timedelta(hours=8))


# ====================================================================== small helpers
def id_check(s17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(a) * b for a, b in zip(s17, w)) % 11]


def credit_code(r, kind, region):
    """GB 32100: registration authority 9 (工商), type 1 (company) / 2 (个体工商户), 6-digit region,
    9-character organisation code (8 digits + GB 11714 check), GB 32100 check character."""
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
        h = wchoice(r, [(r.randint(7, 11), 2), (r.randint(12, 18), 3), (r.randint(19, 23), 5), (r.randint(0, 1), 1)])
    return dt.datetime.combine(d, dt.time(h, r.randint(0, 59), r.randint(0, 59)))


def cn_num(n):
    if n < 10:
        return CN[n]
    if n < 20:
        return "十" + (CN[n % 10] if n % 10 else "")
    if n < 100:
        return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")
    return str(n)


def cn_dig(n):
    return "".join("〇一二三四五六七八九"[int(c)] for c in str(n))


def fw(s):
    return str(s).translate(FW)


def D8(d):
    return d.strftime("%Y%m%d")


def fmt_t(t):
    return t.strftime("%Y/%m/%d %H:%M:%S")


# ====================================================================== places
def cityof(p):
    return G.D[p["dk"]]["city"]


def prefix_canon(dk):
    d = G.D[dk]
    c = G.CITIES[d["city"]]
    return c["prov"] + c["name"] + d["name"]


def estate_canon(e):
    return "%s%s%d号%s" % (prefix_canon(e["dk"]), e["road"], e["rn"], e["name"])


SEATS = "ABCD"


def flat_door_canon(city, b, u, room):
    if city == "nt":
        return "%d幢%d单元%d室" % (b, u, room)
    if city == "pt":
        return "%d号楼%d室" % (b, room)
    if city == "hz":
        return "%d栋%s座%d房" % (b, SEATS[u - 1], room)
    if city == "lz":
        return "%d栋%d单元%d号" % (b, u, room)
    return "%d栋%d单元%d室" % (b, u, room)           # 景德镇


def canon(p):
    if p is None:
        return None
    k = p["kind"]
    if k == "hukou":
        prov, city, county, _, _ = G.HUKOU[p["code"]]
        return "%s%s%s%s%s村%d%s%d号" % (prov, city, county, p["town"], p["vil"], p["group"], G.HUKOU_UNIT[prov], p["n"])
    if k == "pickup":
        return estate_canon(p["estate"]) + "|" + p["brand"]
    pre = prefix_canon(p["dk"])
    if k == "flat":
        return estate_canon(p["estate"]) + flat_door_canon(cityof(p), p["b"], p["u"], p["room"])
    if k == "lane":
        return pre + "%s%d号附%d号" % (p["lane"], p["n"], p["fu"])
    if k == "ceramic":
        return pre + "%s%s宿舍%d栋%d单元%d室" % (p["road"], p["factory"], p["b"], p["u"], p["room"])
    if k == "qiaocun":
        return pre + "华侨新村%d号" % p["n"]
    if k == "village":
        c = cityof(p)
        base = pre + p["town"] + p["vil"] + "村"
        if c == "pt":
            return base + "%s%d号" % (p["nat"], p["n"])
        if c == "hz":
            return base + "%s村民小组%d号" % (p["nat"], p["n"])
        if c == "lz":
            return base + "%d社%d号" % (p["group"], p["n"])
        return base + "%d组%d号" % (p["group"], p["n"])          # 南通, 景德镇
    if k == "stall":
        return pre + "%s%d号%s%s区%d号" % (p["road"], p["rn"], p["market"], p["zone"], p["n"])
    if k == "studio":
        return pre + "%s%d号%s%s区%d号工作室" % (p["road"], p["rn"], p["park"], p["zone"], p["n"])
    if k == "office":
        return pre + "%s%d号%s%d室" % (p["road"], p["rn"], p["tower"], p["room"])
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
                    nm = r.choice(G.EST_A[c]) + r.choice(["一品", "新", "御", "尚", "东"]) + r.choice(G.EST_B[c])
                    if (c, nm) in used:
                        continue
                used.add((c, nm))
                e = dict(dk=dk, road=r.choice(d["roads"]), rn=r.randint(1, 399), name=nm, zone=None)
                if d.get("zones") and r.random() < 0.4:
                    e["zone"] = r.choice(d["zones"])
                e["pickups"] = self._pickups(e)
                lst.append(e)
            self.estates[dk] = lst
            if d.get("towns"):
                vl = []
                for town, vils in d["towns"].items():
                    for v in vils:
                        x = dict(dk=dk, town=town, vil=v)
                        if c == "pt":
                            x["nats"] = r.sample(G.PT_NAT, 3)
                        if c == "hz":
                            x["nats"] = r.sample(G.HZ_GROUP, 3)
                        vl.append(x)
                self.villages[dk] = vl
        for c in G.CITIES:
            self._works(c)

    def _pickups(self, e):
        r = self.r
        out = []
        for _ in range(r.choice([1, 1, 2, 2, 3])):
            brand = r.choice(G.LOCKERS + G.STATIONS)
            if not any(p["brand"] == brand for p in out):
                out.append(dict(kind="pickup", dk=e["dk"], estate=e, brand=brand,
                                gate=r.choice(["大门口", "北门", "东门", "西侧门", "%d幢旁" % r.randint(1, 15), "地下车库入口"])))
        return out

    def land(self, c):
        r = self.r
        if r.random() < 0.6:
            n = G.CITIES[c]["land_digits"]
            return "%s-%s" % (G.CITIES[c]["area"], r.choice("2345678") + "".join(r.choice("0123456789") for _ in range(n - 1)))
        return None

    def _works(self, c):
        r = self.r
        dks = [dk for dk, d in G.D.items() if d["city"] == c]
        for m, dk in G.MARKETS[c]:
            road, rn = r.choice(G.D[dk]["roads"]), r.randint(1, 300)
            for _ in range(12):
                self.works[c].append(dict(kind="stall", dk=dk, road=road, rn=rn, market=m, zone=r.choice("ABCDEF"), n=r.randint(1, 420), landline=self.land(c)))
        for t, dk in G.TOWERS[c]:
            road, rn = r.choice(G.D[dk]["roads"]), r.randint(1, 300)
            for _ in range(8):
                fl = r.randint(3, 30)
                self.works[c].append(dict(kind="office", dk=dk, road=road, rn=rn, tower=t, room=fl * 100 + r.randint(1, 18), floor=fl,
                                          company=r.choice(G.CO_WORDS) + r.choice(G.COMPANIES), landline=self.land(c)))
        for f in G.FACTORIES[c]:
            dk = r.choice(dks)
            for _ in range(2):
                self.works[c].append(dict(kind="factory", dk=dk, road=r.choice(G.D[dk]["roads"]), rn=r.randint(1, 500), name=f, landline=self.land(c)))
        if c == "jdz":
            for park in G.STUDIOS:
                dk = "jdz_zs" if park != "三宝国际陶艺村" else "jdz_cj"
                road, rn = r.choice(G.D[dk]["roads"]), r.randint(1, 200)
                for _ in range(10):
                    self.works[c].append(dict(kind="studio", dk=dk, road=road, rn=rn, park=park, zone=r.choice("ABC"), n=r.randint(1, 80), landline=self.land(c)))
        for _ in range(14):
            dk = r.choice(dks)
            s = r.choice(G.SURNAMES[c][:8])
            self.works[c].append(dict(kind="shop", dk=dk, road=r.choice(G.D[dk]["roads"]), rn=r.randint(1, 400),
                                      name=r.choice(G.SHOPS[c]).format(s=s), landline=self.land(c)))

    def pick_dk(self, c):
        ks = [dk for dk, d in G.D.items() if d["city"] == c]
        return wchoice(self.r, [(k, G.D[k]["w"]) for k in ks])

    def home_in(self, r, dk, estate=None):
        c = G.D[dk]["city"]
        d = G.D[dk]
        if estate is None:
            x = r.random()
            if dk == "pt_lc" and x < 0.12:
                return dict(kind="qiaocun", dk=dk, n=r.randint(1, 240), road=r.choice(["胜利路", "英龙街"]))
            if d.get("towns") and x < {"nt": 0.45, "pt": 0.5, "hz": 0.35, "lz": 0.55, "jdz": 0.6}[c]:
                v = r.choice(self.villages[dk])
                p = dict(kind="village", dk=dk, town=v["town"], vil=v["vil"], n=r.randint(1, 160))
                if c in ("pt", "hz"):
                    p["nat"] = r.choice(v["nats"])
                else:
                    p["group"] = r.randint(1, 24 if c == "nt" else 9)
                return p
            if dk == "lz_jy" and x < 0.3:
                return dict(kind="lane", dk=dk, lane=r.choice(d["lanes"]), n=r.randint(1, 90), fu=r.randint(1, 12))
            if c == "jdz" and x < 0.4:
                f = [f for f in G.CERAMIC if f[2] == dk]
                if f:
                    f = r.choice(f)
                    return dict(kind="ceramic", dk=dk, factory=f[0], fshort=f[1], road=f[3], b=r.randint(1, 36), u=r.randint(1, 4),
                                room=r.randint(1, 6) * 100 + r.randint(1, 2))
            estate = r.choice(self.estates[dk])
        top = {"nt": 18, "pt": 28, "hz": 33, "lz": 26, "jdz": 11}[c]
        return dict(kind="flat", dk=dk, estate=estate, b=r.randint(1, 30), u=r.randint(1, 4 if c != "pt" else 1),
                    room=r.randint(1, top) * 100 + r.randint(1, 4))

    def hukou_place(self, r, code):
        towns = G.HUKOU[code][3]
        vil = r.choice(G.VIL_WORDS) + r.choice(G.VIL_TAIL)
        return dict(kind="hukou", code=code, town=r.choice(towns), vil=vil, group=r.randint(1, 12), n=r.randint(1, 120))


def estate_of(p):
    if p is None:
        return None
    if p["kind"] == "flat":
        return p["estate"]
    return None


# ---------------------------------------------------------------------- writing habits
NEED_CITY = {"通州区", "昌江区", "市中区"}       # 北京通州, 海南昌江, five other 市中区


def written_district(r, p):
    """-> (written name, needs_city, is_the_name)"""
    d = G.D[p["dk"]]
    e = p.get("estate")
    z = e.get("zone") if e else None
    if z and r.random() < 0.5:
        return z, not d.get("zone_alone") or z in ("江北", "仲恺"), False
    old_ok = d.get("old") and (d.get("old_scope") is None or (e and e["road"] in d["old_scope"]) or
                               (p["kind"] == "village" and d.get("old_scope") == "villages"))
    if old_ok and r.random() < 0.12:
        o = r.choice(d["old"])
        return o, o in NEED_CITY, False
    return d["name"], d["name"] in NEED_CITY, True


def prefix_text(r, p):
    d = G.D[p["dk"]]
    c = G.CITIES[d["city"]]
    dist, need_city, is_name = written_district(r, p)
    forms = [("full", 28), ("city", 26), ("shortprov", 7), ("spaced", 6), ("china", 3), ("nocityshi", 6), ("cityonly", 3)]
    if is_name:
        forms += [("short", 8)]
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
        return "%s%s %s " % (c["prov"], c["name"], dist)
    if f == "china":
        return "中国" + c["prov"] + c["name"] + dist
    if f == "nocityshi":
        return c["short"] + dist
    if f == "short":
        return c["short"] + d["short"]
    if f == "dist":
        return dist
    return c["name"]


def num(r, n):
    return fw(n) if r.random() < 0.05 else str(n)


def flat_door_text(r, city, b, u, room):
    fl, dd = room // 100, room % 100
    if city == "nt":
        v = [("%s幢%s单元%s室" % (num(r, b), num(r, u), num(r, room)), 30), ("%d幢%d单元%d" % (b, u, room), 14), ("%d-%d-%d" % (b, u, room), 12),
             ("%d号楼%d单元%d室" % (b, u, room), 10), ("%d栋%d单元%d室" % (b, u, room), 8), ("%d幢%d-%d" % (b, u, room), 8),
             ("%d#%d单元%d" % (b, u, room), 6), ("%s幢%s单元%s室" % (cn_num(b), cn_num(u), cn_dig(room)), 3), ("%d幢%d单元%d号" % (b, u, room), 5),
             ("%d幢%s单元%d室" % (b, cn_num(u), room), 4)]
    elif city == "pt":
        v = [("%s号楼%s室" % (num(r, b), num(r, room)), 28), ("%d号楼%d" % (b, room), 14), ("%d#%d" % (b, room), 12), ("%d幢%d室" % (b, room), 10),
             ("%d-%d" % (b, room), 12), ("%d号%d室" % (b, room), 8), ("%d号楼%d层%d" % (b, fl, room), 6), ("%s号楼%s室" % (cn_num(b), cn_dig(room)), 3),
             ("%d号楼%d房" % (b, room), 7)]
    elif city == "hz":
        s = SEATS[u - 1]
        v = [("%s栋%s座%s房" % (num(r, b), s, num(r, room)), 26), ("%d栋%s座%d" % (b, s, room), 14), ("%d栋%s%d" % (b, s, room), 12),
             ("%d-%s-%d" % (b, s, room), 8), ("%d栋%s座%d楼%02d" % (b, s, fl, dd), 6), ("%d号楼%s座%d房" % (b, s, room), 8),
             ("%d座%s单元%d" % (b, s, room), 6), ("%d栋%s座%d室" % (b, s, room), 10), ("%s栋%s座%s房" % (cn_num(b), s, cn_dig(room)), 3),
             ("%d栋%s座%d号" % (b, s.lower(), room), 7)]
    elif city == "lz":
        v = [("%s栋%s单元%s号" % (num(r, b), num(r, u), num(r, room)), 28), ("%d-%d-%d" % (b, u, room), 14), ("%d栋%d单元%d楼%d号" % (b, u, fl, dd), 12),
             ("%d幢%d单元%d" % (b, u, room), 10), ("%d栋%d单元%d室" % (b, u, room), 10), ("%d号楼%d单元%d" % (b, u, room), 10),
             ("%d栋%s单元%d号" % (b, cn_num(u), room), 6), ("%s栋%s单元%s号" % (cn_num(b), cn_num(u), cn_dig(room)), 3), ("%d栋%d单元%d" % (b, u, room), 10)]
    else:
        v = [("%s栋%s单元%s室" % (num(r, b), num(r, u), num(r, room)), 28), ("%d栋%d单元%d" % (b, u, room), 16), ("%d-%d-%d" % (b, u, room), 14),
             ("%d幢%d单元%d室" % (b, u, room), 10), ("%d栋%d单元%d号" % (b, u, room), 8), ("%d栋%d门%d" % (b, u, room), 6),
             ("%d号楼%d单元%d室" % (b, u, room), 10), ("%s栋%s单元%s室" % (cn_num(b), cn_num(u), cn_dig(room)), 3), ("%d栋%d-%d" % (b, u, room), 5)]
    return wchoice(r, v)


def road_text(r, road, rn, with_number=True):
    if not with_number:
        return road
    return road + (cn_num(rn) if rn < 100 and r.random() < 0.04 else num(r, rn)) + "号"


def estate_text(r, e):
    f = wchoice(r, [("full", 42), ("estate", 33), ("road", 15), ("fwroad", 3), ("roadsep", 7)])
    name = e["name"]
    if f == "full":
        return road_text(r, e["road"], e["rn"]) + name
    if f == "estate":
        return name
    if f == "road":
        return e["road"] + name
    if f == "roadsep":
        return "%s%d号（%s）" % (e["road"], e["rn"], name)
    return e["road"] + fw(e["rn"]) + "号" + name


def body_text(r, p):
    k = p["kind"]
    c = cityof(p)
    if k == "flat":
        return estate_text(r, p["estate"]) + flat_door_text(r, c, p["b"], p["u"], p["room"])
    if k == "lane":
        la, n, fu = p["lane"], p["n"], p["fu"]
        v = [("%s%s号附%s号" % (la, num(r, n), num(r, fu)), 30), ("%s%d附%d号" % (la, n, fu), 14), ("%s%d号附%d" % (la, n, fu), 12),
             ("%s%d-%d号" % (la, n, fu), 12), ("%s%s号附%s号" % (la, cn_num(n), cn_num(fu)), 5), ("%s%d号附%d号" % (la[:-1], n, fu), 10),
             ("%s%d号之%d" % (la, n, fu), 7), ("%s%d号附%d号院" % (la, n, fu), 5)]
        return wchoice(r, v)
    if k == "ceramic":
        f, fs, rd, b, u, rm = p["factory"], p["fshort"], p["road"], p["b"], p["u"], p["room"]
        v = [("%s宿舍%s栋%s单元%s室" % (f, num(r, b), num(r, u), num(r, rm)), 20), ("%s%s宿舍%d栋%d单元%d室" % (rd, f, b, u, rm), 15),
             ("%s家属区%d栋%d单元%d" % (f, b, u, rm), 12), ("%s%d栋%d单元%d室" % (f, b, u, rm), 10), ("原%s宿舍%d-%d-%d" % (f, b, u, rm), 8),
             ("%s宿舍%d栋%d单元%d" % (fs, b, u, rm), 8), ("%s生活区%d栋%d单元%d号" % (f, b, u, rm), 8), ("老%s宿舍%d栋%d单元%d" % (f, b, u, rm), 6),
             ("%s宿舍区%d栋%s单元%d室" % (f, b, cn_num(u), rm), 5), ("%s%s家属院%d栋%d单元%d" % (rd, f, b, u, rm), 8)]
        return wchoice(r, v)
    if k == "qiaocun":
        n = p["n"]
        v = [("华侨新村%s号" % num(r, n), 35), ("镇海街道华侨新村%d号" % n, 15), ("华侨新村%s号" % cn_num(n), 8 if n < 100 else 0), ("华侨新村第%d号" % n, 8),
             ("华侨新村%d" % n, 10), ("华侨新村%d号（侨房）" % n, 6), ("%s华侨新村%d号" % (p["road"], n), 10)]
        return wchoice(r, v)
    if k == "village":
        t, vi, n = p["town"], p["vil"], p["n"]
        t2 = t[:-1] if t.endswith("镇") else t[:-2]
        if c == "pt":
            nat = p["nat"]
            v = [("%s%s村%s%s号" % (t, vi, nat, num(r, n)), 22), ("%s%s村%s自然村%d号" % (t, vi, nat, n), 14), ("%s%s村%s角落%d号" % (t, vi, nat, n), 12),
                 ("%s村%s%d号" % (vi, nat, n), 12), ("%s%s%s%d号" % (t2, vi, nat, n), 10), ("%s%s村委%s%d号" % (t, vi, nat, n), 8),
                 ("%s%s%s%d号" % (t, vi, nat, n), 10), ("%s%s村%s%s号" % (t, vi, nat, cn_num(n)), 5 if n < 100 else 0), ("%s%s村%s%d" % (t, vi, nat, n), 7)]
        elif c == "hz":
            nat = p["nat"]
            v = [("%s%s村%s村民小组%s号" % (t, vi, nat, num(r, n)), 20), ("%s%s村委会%s村民小组%d号" % (t, vi, nat, n), 14), ("%s村委%s小组%d号" % (vi, nat, n), 10),
                 ("%s%s村%s组%d号" % (t2, vi, nat, n), 10), ("%s%s村%s村%d号" % (t, vi, nat, n), 12), ("%s%s%s%d号" % (t, vi, nat, n), 10),
                 ("%s村%s村民小组%d号" % (vi, nat, n), 10), ("%s%s村%s村民小组%s号" % (t, vi, nat, cn_num(n)), 4 if n < 100 else 0),
                 ("%s%s村委会%s村%d号" % (t, vi, nat, n), 10)]
        elif c == "lz":
            g = p["group"]
            v = [("%s%s村%s社%s号" % (t, vi, num(r, g), num(r, n)), 26), ("%s%s村%d组%d号" % (t, vi, g, n), 16), ("%s%s村%s社%d号" % (t, vi, cn_num(g), n), 10),
                 ("%s村%d社%d号" % (vi, g, n), 12), ("%s%s村委会%d社%d号" % (t, vi, g, n), 8), ("%s%s村%d社%d号" % (t2, vi, g, n), 10),
                 ("%s%s%d社%d号" % (t, vi, g, n), 8), ("%s%s村%d社%s号" % (t, vi, g, cn_num(n)), 4 if n < 100 else 0), ("%s%s村%s组%d号" % (t, vi, cn_num(g), n), 6)]
        elif c == "nt":
            g = p["group"]
            v = [("%s%s村%s组%s号" % (t, vi, num(r, g), num(r, n)), 28), ("%s村%d组%d号" % (vi, g, n), 14), ("%s%s村%s组%d号" % (t, vi, cn_num(g), n), 10),
                 ("%s%s村%d组%d号" % (t2, vi, g, n), 10), ("%s%s%d组%d号" % (t, vi, g, n), 10), ("%s%s村委%d组%d号" % (t, vi, g, n), 8),
                 ("%s%s村%d组%d" % (t, vi, g, n), 8), ("%s%s村%d组%s号" % (t, vi, g, cn_num(n)), 4 if n < 100 else 0), ("%s%s村%d小组%d号" % (t, vi, g, n), 4)]
        else:
            g = p["group"]
            v = [("%s%s村%s组%s号" % (t, vi, num(r, g), num(r, n)), 30), ("%s村%d组%d号" % (vi, g, n), 14), ("%s%s村委会%d组%d号" % (t, vi, g, n), 10),
                 ("%s%s%d组%d号" % (t2, vi, g, n), 10), ("%s%s村%s组%d号" % (t, vi, cn_num(g), n), 10), ("%s%s村%d组%d" % (t, vi, g, n), 8),
                 ("%s%s村%d组%s号" % (t, vi, g, cn_num(n)), 4 if n < 100 else 0)]
        return wchoice(r, v)
    if k == "stall":
        z, n = p["zone"], p["n"]
        v = [("%s区%s号" % (z, num(r, n)), 30), ("%s%d" % (z, n), 12), ("%s-%d" % (z, n), 10), ("%s区%d号商铺" % (z, n), 14), ("%s栋%d号" % (z, n), 0),
             ("%s区%d号门面" % (z, n), 10), ("%s区%d号店" % (z, n), 8), ("%s%03d号" % (z, n), 8)]
        return road_text(r, p["road"], p["rn"], r.random() < 0.5) + p["market"] + wchoice(r, v)
    if k == "studio":
        z, n = p["zone"], p["n"]
        v = [("%s区%d号工作室" % (z, n), 35), ("%s区%d号" % (z, n), 20), ("%s%d工作室" % (z, n), 12), ("%s-%d" % (z, n), 10), ("%s区%d号陶艺工作室" % (z, n), 12),
             ("%s区%s号工作室" % (z, cn_num(n)), 5)]
        return road_text(r, p["road"], p["rn"], r.random() < 0.4) + p["park"] + wchoice(r, v)
    if k == "office":
        rm, fl = p["room"], p["floor"]
        v = [("%d室" % rm, 30), ("%d" % rm, 15), ("%d楼%d" % (fl, rm), 15), ("%d层%d室" % (fl, rm), 12), ("%d号" % rm, 10), ("%d房" % rm, 8),
             ("%d层%02d" % (fl, rm % 100), 5)]
        s = road_text(r, p["road"], p["rn"], r.random() < 0.6) + p["tower"] + wchoice(r, v)
        if r.random() < 0.3:
            s += "（%s）" % p["company"]
        return s
    return road_text(r, p["road"], p["rn"], r.random() < 0.7) + p["name"] + r.choice(["", "", "", "", "门口", "收银台"] if k == "shop" else ["", "", "门卫", "传达室", "仓库"])


def pickup_text(r, p):
    e = p["estate"]
    b = p["brand"]
    v = [("%s%s" % (estate_text(r, e), b), 30), ("%s%s%s" % (estate_text(r, e), p["gate"], b), 25), ("%s（%s）" % (b, e["name"]), 15),
         ("%s%s边上%s" % (e["name"], p["gate"], b), 10), ("%s %s" % (e["name"], b.replace("快递柜", "柜")), 10), ("%s·%s店" % (b, e["name"]), 10)]
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
    prov, city, county, _, old = G.HUKOU[p["code"]]
    unit = G.HUKOU_UNIT[prov]
    if old and r.random() < 0.7:
        county = old
    f = wchoice(r, [("full", 55), ("nocity", 15), ("grpcn", 10), ("nonum", 10), ("alt", 10)])
    pre = prov + (city if f != "nocity" else "") + county + p["town"]
    if f == "grpcn":
        return pre + "%s村%s%s%d号" % (p["vil"], cn_num(p["group"]), unit, p["n"])
    if f == "nonum":
        return pre + "%s村%d%s" % (p["vil"], p["group"], unit)
    if f == "alt":
        alt = {"社": "组", "组": "队"}[unit] if prov != "广东省" else "村民小组"
        return pre + "%s村%d%s%d号" % (p["vil"], p["group"], alt, p["n"])
    return pre + "%s村%d%s%d号" % (p["vil"], p["group"], unit, p["n"])


# ---------------------------------------------------------------------- names and phones
def mask_name(r, name):
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + ("*" + name[-1] if r.random() < 0.4 else "**")


def mask_id(r, idn, forms=("6+8", "2+14")):
    f = r.choice(forms)
    if f == "6+8":
        return idn[:6] + "*" * 8 + idn[14:]
    return idn[:2] + "*" * 14 + idn[16:]


def mask_phone(ph):
    return ph[:3] + "****" + ph[7:]


def phone_typed(r, ph):
    f = wchoice(r, [("plain", 66), ("+86", 6), ("+86 ", 6), ("sp", 9), ("dash", 7), ("mask", 6)])
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


def pinyin(name, style):
    from pypinyin import lazy_pinyin, Style
    if name not in _PY:
        s = G.SURNAME_PY.get(name[0]) or lazy_pinyin(name[0])[0].capitalize()
        g = "".join(lazy_pinyin(name[1:]))
        tone = "".join(lazy_pinyin(name[1:], style=Style.TONE))
        st = lazy_pinyin(name[0], style=Style.TONE)[0].capitalize()
        _PY[name] = (s, g, st, tone)
    s, g, st, tone = _PY[name]
    return {"sp": "%s %s" % (s, g.capitalize()), "up": "%s %s" % (s.upper(), g.upper()), "slash": "%s/%s" % (s.upper(), g.upper()),
            "rev": "%s %s" % (g.capitalize(), s.upper()), "tone": "%s %s" % (st, tone.capitalize()), "low": (s + g).lower()}[style]


# ====================================================================== world
class World:
    def __init__(self, seed, k):
        self.rng = random.Random(seed * 104729 + 15)
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
        s = sur[min(int(r.expovariate(0.2)), len(sur) - 1)]
        if common or r.random() < 0.25:
            pool = [x for x in G.COMMON_GIVEN if (x in G.GIVEN_M) == male] or G.COMMON_GIVEN
            g = r.choice(pool)
        else:
            g = r.choice(G.GIVEN_M if male else G.GIVEN_F)
        if r.random() < 0.005:
            g = r.choice(G.RARE_GIVEN_M if male else G.RARE_GIVEN_F) + (r.choice("明华文") if r.random() < 0.5 else "")
        return s + g


def build_world(W, geo):
    r = W.rng

    def city_pick():
        return wchoice(r, [(c, v["weight"]) for c, v in G.CITIES.items()])

    def native_code(city, dk, birth):
        if r.random() < 0.38:
            return r.choice(G.HUKOU_BY_CITY[city]), True
        d = G.D[dk]
        if d.get("oldcode") and birth.year < d["oldcode_until"] and r.random() < d.get("oldcode_share", 0.65):
            return d["oldcode"], False
        return d["code"], False

    def person(role, city, dk=None, home=None, male=None, birth=None, code=None, name=None, hukou=None, **kw):
        male = r.random() < 0.5 if male is None else male
        birth = birth or dt.date(r.randint(1961, 2004), r.randint(1, 12), r.randint(1, 28))
        dk = dk or (home["dk"] if home and "dk" in home else geo.pick_dk(city))
        if code is None:
            code, vill = native_code(city, dk, birth)
        else:
            vill = code in G.HUKOU
        home = home or geo.home_in(r, dk)
        p = W.new(role=role, name=name or W.name(city, male), gender="男" if male else "女", birth=birth, id_number=W.idn(code, birth, male),
                  city=city, home=home, code=code, **kw)
        p["hukou_home"] = hukou or (geo.hukou_place(r, code) if vill else home)
        p["phones"] = [W.phone()]
        if role != "dirt" and r.random() < 0.06:
            p["phones"].append(W.phone())
        return p

    def give_work(p):
        age = (ASOF - p["birth"]).days // 365
        if not (21 <= age <= 60) or r.random() > 0.6:
            return
        c = p["city"]
        pool = geo.works[c]
        if p["home"]["kind"] == "ceramic" and r.random() < 0.5:
            pool = [w for w in pool if w["kind"] in ("studio", "stall") and w["dk"].startswith("jdz")] or pool
        w = r.choice(pool)
        p["work"] = w
        p["landline"] = w.get("landline")
        if r.random() < 0.15:
            p["old_work"] = w
            p["work"] = r.choice(geo.works[c])
            p["landline"] = p["work"].get("landline")
            p["job_change"] = rand_date(r, START + dt.timedelta(days=60), ASOF - dt.timedelta(days=20))

    n_org = int(W.k * 0.075)
    n_person = W.k - n_org
    for i in range(n_person):
        c = city_pick()
        hh = W.households = W.households + 1
        nm = r.choice(G.CROWD[c]) if r.random() < 0.03 else None
        male = None if nm is None else nm not in G.CROWD_FEMALE
        d = person("debtor", c, household=hh, name=nm, male=male)
        d["present"] = r.random() > 0.11
        if not d["present"]:
            d["flags"].append("planned_absent")
        W.debtors.append(d)
        give_work(d)
        age = (ASOF - d["birth"]).days // 365
        if age >= 24 and r.random() < 0.62:
            sp = person("spouse", c, home=d["home"], male=d["gender"] == "女", household=hh,
                        birth=d["birth"] + dt.timedelta(days=r.randint(-1500, 1500)))
            sp["spouse"], d["spouse"] = d["pid"], sp["pid"]
            give_work(sp)
            if d["present"] and r.random() < 0.24:
                d["flags"].append("uses_spouse_account")
                if r.random() < 0.55:
                    d["flags"].append("no_own_account")
        if age >= 46 and r.random() < 0.5:
            ch = person("child", c, home=d["home"] if r.random() < 0.5 else None, household=hh,
                        birth=dt.date(min(2004, d["birth"].year + r.randint(22, 30)), r.randint(1, 12), r.randint(1, 28)),
                        code=d["code"] if r.random() < 0.7 else None)
            ch["parents"] = [d["pid"]]
            d["children"].append(ch["pid"])
            give_work(ch)
        if d["hukou_home"]["kind"] == "hukou" and age < 52 and r.random() < 0.4:
            for male in (True, False):
                pa_ = person("parent", c, home=d["hukou_home"], male=male, code=d["code"],
                             birth=dt.date(d["birth"].year - r.randint(24, 32), r.randint(1, 12), r.randint(1, 28)), household=hh, hukou=d["hukou_home"])
                pa_["home"] = d["hukou_home"]
                d["parents"].append(pa_["pid"])
        e = estate_of(d["home"])
        if d["home"]["kind"] == "ceramic" and r.random() < 0.35:      # the old factory compound: neighbours in the same building
            h = dict(d["home"], room=r.randint(1, 6) * 100 + r.randint(1, 2))
            if h["room"] != d["home"]["room"]:
                give_work(person("neighbour", c, home=h))
        elif e and r.random() < 0.3:
            h = geo.home_in(r, e["dk"], e)
            if r.random() < 0.4:
                h["b"] = d["home"]["b"]
            give_work(person("neighbour", c, home=h))
        ps = 0.5 if not d["present"] else 0.22
        while r.random() < ps:
            ps *= 0.5
            x = r.random()
            if x < 0.12 and e:
                hc, h = c, geo.home_in(r, e["dk"], e)
            elif x < 0.55:
                hc, h = c, geo.home_in(r, d["home"]["dk"])
            elif x < 0.75:
                hc, h = c, None
            else:
                hc, h = city_pick(), None
            b = d["birth"] + dt.timedelta(days=r.randint(-400, 400)) if r.random() < 0.35 else None
            code = d["code"] if r.random() < 0.3 else None
            ns = person("namesake", hc, home=h, name=d["name"], male=d["gender"] == "男", birth=b, code=code)
            ns["namesake_of"] = d["pid"]
            give_work(ns)
    for d in list(W.debtors):
        if d.get("spouse") and r.random() < 0.04:
            sp = W.by[d["spouse"]]
            sp["role"] = "debtor"
            sp["flags"].append("co_debtor")
            sp["co_of"] = d["pid"]
            sp["present"] = d["present"] or r.random() < 0.5
            if not sp["present"]:
                sp["flags"].append("planned_absent")
            W.debtors.append(sp)
    for i in range(n_org):
        c = city_pick()
        dk = geo.pick_dk(c)
        nm = G.CITIES[c]["short"] + r.choice(G.CO_WORDS) + r.choice(["贸易有限公司", "商行", "鞋业经营部", "陶瓷有限公司", "酒业经营部", "家纺店",
                                                                      "建材有限公司", "电子科技有限公司"])
        kind = "gt" if nm.endswith(("商行", "经营部", "家纺店")) else "co"
        o = W.new(role="debtor", kind="organisation", name=nm, id_number=credit_code(r, kind, G.D[dk]["code"]), city=c, present=True)
        o["home"] = None
        W.debtors.append(o)
    for i in range(int(W.k * 1.1)):
        give_work(person("stranger", city_pick()))
    for c, names in G.CROWD.items():
        for nm in names:
            for i in range(int(W.k * 0.045 * G.CITIES[c]["weight"] / 20)):
                s = person("namesake", c, name=nm, male=nm not in G.CROWD_FEMALE)
                s["flags"].append("crowd")
                give_work(s)
    for i in range(30):
        person("dirt", city_pick())
    persons = [p for p in W.people if p["kind"] == "person" and p["role"] not in ("dirt", "parent")]
    hh_moved = {}
    for p in persons:
        if p["home"]["kind"] == "hukou":
            continue
        key = p.get("household") or -p["pid"]
        if key not in hh_moved:
            if r.random() < 0.21:
                recent = r.random() < 0.3
                md = rand_date(r, ASOF - dt.timedelta(days=45), ASOF - dt.timedelta(days=3)) if recent else \
                    rand_date(r, START + dt.timedelta(days=40), ASOF - dt.timedelta(days=45))
                nc = p["city"] if r.random() < 0.86 else city_pick()
                hh_moved[key] = (md, geo.home_in(r, geo.pick_dk(nc)), p["home"])
            else:
                hh_moved[key] = None
        mv = hh_moved[key]
        if mv and p["home"] is mv[2]:
            p["old_home"], p["move_date"], p["home"] = p["home"], mv[0], mv[1]
            if mv[0] > ASOF - dt.timedelta(days=45):
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
    for d in W.debtors:
        if d["kind"] != "person":
            continue
        cur = d["phones"][0]
        if d.get("old_phone"):
            rp = wchoice(r, [([d["old_phone"]], 52), ([d["old_phone"], cur], 24), ([], 16), ([cur], 8)])
        else:
            rp = wchoice(r, [([cur], 44), ([], 22), ([W.phone()], 29), ([W.phone(), cur], 5)])
        if d.get("landline") and r.random() < 0.15:
            rp = rp + [d["landline"]]
        d["roster_phones"] = rp


COURTS = {"nt": [("南通市中级人民法院", "苏06", None), ("南通市崇川区人民法院", "苏0602", "nt_cc"), ("南通市通州区人民法院", "苏0612", "nt_tz"),
                 ("南通市海门区人民法院", "苏0614", "nt_hm"), ("南通经济技术开发区人民法院", "苏0691", "nt_cc"), ("如东县人民法院", "苏0623", None)],
          "pt": [("莆田市中级人民法院", "闽03", None), ("莆田市城厢区人民法院", "闽0302", "pt_cx"), ("莆田市涵江区人民法院", "闽0303", "pt_hj"),
                 ("莆田市荔城区人民法院", "闽0304", "pt_lc"), ("莆田市秀屿区人民法院", "闽0305", "pt_xy"), ("仙游县人民法院", "闽0322", None)],
          "hz": [("惠州市中级人民法院", "粤13", None), ("惠州市惠城区人民法院", "粤1302", "hz_hc"), ("惠州市惠阳区人民法院", "粤1303", "hz_hy"),
                 ("博罗县人民法院", "粤1322", "hz_bl"), ("惠州大亚湾经济技术开发区人民法院", "粤1391", "hz_hy")],
          "lz": [("泸州市中级人民法院", "川05", None), ("泸州市江阳区人民法院", "川0502", "lz_jy"), ("泸州市纳溪区人民法院", "川0503", "lz_nx"),
                 ("泸州市龙马潭区人民法院", "川0504", "lz_lmt"), ("泸县人民法院", "川0521", "lz_lx"), ("合江县人民法院", "川0522", None)],
          "jdz": [("景德镇市中级人民法院", "赣02", None), ("景德镇市昌江区人民法院", "赣0202", "jdz_cj"), ("景德镇市珠山区人民法院", "赣0203", "jdz_zs"),
                  ("浮梁县人民法院", "赣0222", "jdz_fl"), ("乐平市人民法院", "赣0281", None)]}
ROSTER_OF = {"nt": "tongjiangfy", "pt": "puxianfy", "hz": "xunzhoufy", "lz": "jiuchengfy", "jdz": "cidufy"}
JUDGES = "顾林叶王徐陈张刘余黄曾李"


def build_cases(W):
    r = random.Random(W.rng.random())
    cases, seq = [], {}
    for d in W.debtors:
        if "co_debtor" in d["flags"]:
            continue
        n = wchoice(r, [(1, 74), (2, 19), (3, 7)])
        for i in range(n):
            c = d["city"] if r.random() < 0.86 else wchoice(r, [(c, v["weight"]) for c, v in G.CITIES.items()])
            home_dk = (d.get("old_home") or d.get("home") or {}).get("dk")
            opts = COURTS[c]
            loc = [x for x in opts if x[2] == home_dk]
            court = r.choice(loc) if loc and r.random() < 0.7 else r.choice(opts)
            if court[2] is None and r.random() < 0.6:
                court = r.choice(opts)
            filing = rand_date(r, dt.date(2018, 6, 1), ASOF - dt.timedelta(days=4))
            key = (court[1], filing.year)
            seq[key] = seq.get(key, 0) + r.randint(1, 35)
            kind = "执恢" if r.random() < 0.05 else "执"
            cn = "(%d)%s%s%d号" % (filing.year, court[1], kind, seq[key])
            status = wchoice(r, [("执行中", 56), ("终本", 33), ("执行完毕", 11)])
            amount = round(r.choice([r.uniform(1500, 60000), r.uniform(60000, 1200000)]), 2)
            base = dict(case_no=cn, court=court[0], judge=r.choice(JUDGES) + r.choice(["晓", "志", "建", "丽", "海", "文", "雅", "俊"]) + r.choice("明华军红峰燕平斌"),
                        status=status, restrict=r.random() < 0.7, blacklist=r.random() < 0.42, filing=filing, amount=amount,
                        roster=ROSTER_OF[c], city=c)
            cases.append(dict(base, pid=d["pid"], id_number=d["id_number"].upper(), name=d["name"], kind=d["kind"], co_debtor=False))
            if i == 0 and d.get("spouse") and W.by[d["spouse"]].get("co_of") == d["pid"]:
                sp = W.by[d["spouse"]]
                cases.append(dict(base, pid=sp["pid"], id_number=sp["id_number"].upper(), name=sp["name"], kind="person", co_debtor=True))
    return cases


# ====================================================================== platform activity
EC_PLATS = ("shiguang", "qiaomai", "chengfeng")
SO_PLATS = ("tanxin", "pengyou")


def spring_delay(r, sign):
    if sign is not None and SPRING[0] <= sign.date() <= SPRING[1]:
        return dt.datetime.combine(SPRING[1] + dt.timedelta(days=1), dt.time(r.randint(9, 17), r.randint(0, 59)))
    return sign


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
            a = dict(plat=plat, holder=p["pid"], uid={"shiguang": "sg%09d", "qiaomai": "QM-%07d", "chengfeng": "cf_%08d", "tanxin": "tx%08d",
                                                         "pengyou": "py.%06d"}[plat] % (p["pid"] * 11 + r.randint(0, 10)))
            if plat == "shiguang":
                a["name"] = p["name"] if r.random() < 0.65 else mask_name(r, p["name"])
                a["idf"] = wchoice(r, [("full", 25), ("mask", 45), ("mask2", 10), ("empty", 20)])
                a["mask_phone"] = r.random() < 0.45
            elif plat == "qiaomai":
                a["name"] = mask_name(r, p["name"]) if r.random() < 0.8 else p["name"]
                a["idf"] = wchoice(r, [("empty", 55), ("mask2", 30), ("mask", 15)])
                a["mask_phone"] = r.random() < 0.75
            else:
                a["name"] = p["name"]
                a["idf"] = wchoice(r, [("full", 75), ("mask", 25)])
                a["mask_phone"] = r.random() < 0.1
            a["x_lower"] = r.random() < 0.35
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
        forms = [("full", 46), ("title", 11), ("mask", 8), ("nick", 9), ("pinyin", 6), ("space", 3), ("trad", 3), ("placeholder", 3), ("suffix", 5),
                 ("emoji", 1)]
        f = wchoice(r, forms)
        if f == "full":
            return nm, f
        if f == "title":
            return s + (r.choice(["先生", "先生", "师傅"]) if p["gender"] == "男" else r.choice(["女士", "女士", "小姐"])), f
        if f == "mask":
            return s + "**", f
        if f == "nick":
            return r.choice(G.NICK[city]).format(s=s, g=g, g1=g[-1]), f
        if f == "pinyin":
            return pinyin(nm, r.choice(["sp", "up", "slash", "rev", "tone", "low"])), f
        if f == "space":
            return s + r.choice([" ", "\u3000", "  "]) + g, f
        if f == "trad":
            return "".join(G.TRAD.get(ch, ch) for ch in nm), f
        if f == "placeholder":
            return r.choice(G.PLACEHOLDERS), f
        if f == "emoji":
            return nm + r.choice(["🍀", "🌙", "🐟", "🏺"]), f
        return nm + r.choice(G.NAME_SUFFIX), f

    def order(self, acct, holder, recip, kind, place, t, category=None, amount=None, virtual=False, rphone=None):
        r = self.r
        self.oid += 1
        sign = None
        if not virtual and r.random() > 0.03:
            sign = t + dt.timedelta(hours=r.randint(16, 100), minutes=r.randint(0, 59))
            if kind == "work":
                sd = sign.date()
                while sd.weekday() >= 5:
                    sd += dt.timedelta(days=1)
                sign = dt.datetime.combine(sd, dt.time(r.randint(9, 17), r.randint(0, 59)))
            sign = spring_delay(r, sign)
        city = recip["city"] if recip else holder["city"]
        if recip is None:
            nm, nf = r.choice(G.PLACEHOLDERS), "madeup"
            rp = rphone or self.phone_at(holder, t)
        else:
            nm, nf = self.name_typed(recip, city)
            rp = rphone or self.phone_at(recip, t)
        if kind == "work" and holder.get("landline") and r.random() < 0.33:
            rtext = holder["landline"]
        else:
            rtext = phone_typed(r, rp)
        addr = r.choice(G.VIRTUAL_ADDR) if virtual else address_text(r, place)
        cat = category or (r.choice(G.LOCAL_CATS[city]) if r.random() < 0.14 else r.choice(G.NORMAL_CATS))
        amt = amount if amount is not None else round(r.lognormvariate(4.1, 0.9), 2)
        o = dict(oid=self.oid, acct=acct, holder=holder, recip=recip, kind=kind, place=place, t=t, sign=sign, name=nm, name_form=nf,
                 rphone=rtext, addr=addr, category=cat, amount=amt, virtual=virtual, plat=acct["plat"])
        self.orders.append(o)
        return o

    def plat_for(self):
        return "shiguang" if self.r.random() < 0.6 else "qiaomai"

    def person_orders(self, p, holder=None, n=None):
        r = self.r
        holder = holder or p
        if n is None:
            base = {"debtor": 18, "spouse": 9, "child": 8, "neighbour": 5, "namesake": 4, "stranger": 4}.get(p["role"], 3)
            if "crowd" in p["flags"]:
                base = 3
            n = max(0, int(r.lognormvariate(0, 0.6) * base))
        lo = p.get("phone_from") or START
        for _ in range(n):
            d = rand_date(r, lo, ASOF - dt.timedelta(days=1))
            home = self.home_at(p, d)
            work = self.work_at(p, d)
            choices = [("home", 58), ("pickup", 17)]
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
            if t.date() >= ASOF or t.date() < lo:
                continue
            self.order(self.account(holder, self.plat_for()), holder, recip, k, place, t)

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
                a = self.account(holder, "chengfeng")
                self.order(a, holder, d, "virtual", None, t, category=r.choice(G.RESTRICTED_TRAVEL), amount=round(r.uniform(400, 9000), 2), virtual=True)
            else:
                a = self.account(holder, "shiguang")
                self.order(a, holder, d, "home", self.home_at(d, day), t, category=r.choice(G.RESTRICTED_GOODS), amount=round(r.uniform(3000, 60000), 2))

    def near_miss(self, p):
        r = self.r
        cat = r.choice(G.NEAR_MISS)
        t = rtime(r, rand_date(r, p.get("phone_from") or START, ASOF - dt.timedelta(days=1)), "home")
        if cat in ("动车二等座", "普速硬座", "快捷酒店"):
            self.order(self.account(p, "chengfeng"), p, p, "virtual", None, t, category=cat, amount=round(r.uniform(30, 300), 2), virtual=True)
        else:
            self.order(self.account(p, "shiguang"), p, p, "home", self.home_at(p, t.date()), t, category=cat, amount=round(r.uniform(10, 300), 2))

    def social(self, p):
        r = self.r
        for plat in SO_PLATS:
            if r.random() > (0.55 if plat == "tanxin" else 0.38):
                continue
            a = self.account(p, plat)
            ev = []
            lo = p.get("phone_from") or START
            for _ in range(r.randint(1, 12)):
                d = rand_date(r, lo, ASOF - dt.timedelta(days=1))
                travel = r.random() < 0.1
                cc = G.CITIES[self.home_city(p, d)]
                reg = r.choice(G.TRAVEL_REGIONS) if travel else cc["prov"] + cc["name"]
                ev.append(("login", rtime(r, d, "home"), reg))
            for _ in range(r.choice([0, 0, 1, 2, 3, 5])):
                d = rand_date(r, lo, ASOF - dt.timedelta(days=1))
                x = r.random()
                home, work = self.home_at(p, d), self.work_at(p, d)
                if x < 0.45 and home["kind"] != "hukou":
                    ev.append(("post", rtime(r, d, "home"), home))
                elif x < 0.7 and work:
                    ev.append(("post", rtime(r, d, "work"), work))
                else:
                    ev.append(("post", rtime(r, d, "home"), r.choice(G.LANDMARKS[self.home_city(p, d)])))
            ev.sort(key=lambda e: e[1])
            self.socials.append(dict(acct=a, p=p, ev=ev, nick=self.nickname(p)))

    def home_city(self, p, d):
        h = self.home_at(p, d)
        return G.D[h["dk"]]["city"] if h and "dk" in h else p["city"]

    def nickname(self, p):
        r = self.r
        s = p["name"][0]
        return wchoice(r, [(r.choice(["濠河边的", "木兰溪畔", "西湖边的", "酒城", "瓷都", "江海"]) + r.choice(["小", "阿", "老"]) + p["name"][-1], 30),
                           (p["name"][-1] * 2 + r.choice(["", "呀", "🍀", "~"]), 15), (s + r.choice(["总", "姐", "哥", "老师"]) + str(r.randint(1, 999)), 20),
                           (r.choice(["一路向北", "云淡风轻", "随遇而安", "平凡之路", "海阔天空", "家和万事兴"]), 25), ("wx_%d" % r.randint(10000, 99999), 10)])

    def waybill_for(self, o):
        r = self.r
        if o["virtual"] or r.random() > 0.4:
            return
        carrier = "hongniao" if r.random() < 0.6 else "jiantu"
        recip = o["recip"] or o["holder"]
        if o["recip"] is None:
            nm = o["name"]
        else:
            nm, _ = self.name_typed(recip, recip["city"])
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
            st = wchoice(r, [("本人签收", 60), ("门卫代收", 40)])
        else:
            st = wchoice(r, [("本人签收", 48), ("家人代签", 27), ("门卫代收", 11), ("快递柜", 9), ("驿站代收", 5)])
        shop = r.choice(["%s%s旗舰店" % (r.choice(G.CO_WORDS), r.choice(["家居", "数码", "食品", "服饰", "母婴"])), "%s云仓" % r.choice(G.CO_WORDS)])
        sphone = "400" + "".join(r.choice("0123456789") for _ in range(7)) if r.random() < 0.5 else self.W.phone()
        w = dict(carrier=carrier, o=o, sender=None, sender_name=shop, sender_phone=sphone,
                 sender_address=r.choice(["浙江省金华市义乌市", "广东省广州市白云区", "江苏省苏州市吴中区", "福建省泉州市晋江市", "河北省廊坊市固安县"]) +
                 r.choice(["物流园", "电商产业园", "云仓"]) + "%d号" % r.randint(1, 99),
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
            sign = spring_delay(r, pick + dt.timedelta(hours=r.randint(20, 90)))
            st = wchoice(r, [("本人签收", 50), ("家人代签", 35), ("门卫代收", 15)])
            nm, _ = self.name_typed(p, p["city"])
            self.waybills.append(dict(carrier="hongniao" if r.random() < 0.5 else "jiantu", o=None, sender=par,
                                      sender_name=par["name"] if r.random() < 0.7 else mask_name(r, par["name"]),
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
            sign = spring_delay(r, pick + dt.timedelta(hours=r.randint(20, 90)))
            sname = p["name"] if r.random() < 0.5 else (work.get("name") or work.get("market") or work.get("park") or work.get("company") or p["name"])
            sph = work.get("landline") if work.get("landline") and r.random() < 0.5 else self.phone_at(p, d)
            nm, _ = self.name_typed(cust, cust["city"])
            self.waybills.append(dict(carrier="hongniao" if r.random() < 0.5 else "jiantu", o=None, sender=p, sender_name=sname, sender_phone=sph,
                                      sender_address=address_text(r, work), receiver=cust, rname=nm, rphone=mask_phone(self.phone_at(cust, d)),
                                      raddr=address_text(r, self.home_at(cust, d)), pick=pick, sign=sign,
                                      sign_type=wchoice(r, [("本人签收", 55), ("家人代签", 25), ("快递柜", 20)]),
                                      kind="home", place=self.home_at(cust, d), sender_kind="work", sender_place=work))


# ====================================================================== files
def month_days(day, first, last):
    out, d = [], first
    while d <= last:
        out.append(d)
        y, m = (d.year, d.month + 1) if d.month < 12 else (d.year + 1, 1)
        d = dt.date(y, m, day)
    return out


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
        t = rtime(r, rand_date(r, fd - dt.timedelta(days=40), fd - dt.timedelta(days=3)), "home")
        return [str(700000000 + r.randint(0, 99999)), "zz%05d" % p["pid"], p["name"], "", mask_phone(p["phones"][0]), p["name"], p["phones"][0],
                address_text(r, p["home"]), fmt_t(t), fmt_t(t + dt.timedelta(days=2)), "28.80", r.choice(G.NORMAL_CATS)]

    def ec_rows(self, plat, fd, n):
        r = self.r
        kinds = ["missing_cols", "extra_cols", "bad_order_time", "bad_sign_time", "bad_amount", "formula_name", "formula_addr", "long_addr",
                 "ctrl", "empty_oid", "tab_formula", "unicode_ctrl"]
        out = []
        for i in range(n):
            p = self.who()
            k = kinds[(i + r.randrange(len(kinds))) % len(kinds)]
            c = self.ec_cells(p, plat, fd)
            if k == "missing_cols":
                c = c[:r.randint(2, 10)]
            elif k == "extra_cols":
                c = c + ["备注", "加急", ""]
            elif k == "bad_order_time":
                c[8] = r.choice(["2026/11/31 10:00:00", "2026-02-29 08:00", "下午三点", "#VALUE!", "46000.25", "2026/13/05 09:00:00", "00/00/0000 00:00:00",
                                 "2027/02/30 12:00:00"])
            elif k == "bad_sign_time":
                c[9] = r.choice(["待签收", "2026/04/31 09:00:00", "#N/A", "-", "签收"])
            elif k == "bad_amount":
                c[10] = r.choice(["包邮", "#DIV/0!", "￥29.9元", "1.2.3", "N/A", "三十", "--"])
            elif k == "formula_name":
                c[5] = r.choice(['=HYPERLINK("http://a.cn","查看")', "@IF(1,2)", "+86-1", "-1+1", "=1*9"])
            elif k == "formula_addr":
                c[7] = r.choice(['=WEBSERVICE("http://x.cn")', "=2+3", "+" + c[7], "-" + c[7], "@" + c[7]])
            elif k == "tab_formula":
                c[5] = "\t=1+1"
            elif k == "long_addr":
                c[7] = c[7] + "对面" * 16000
            elif k == "ctrl":
                c[5] = p["name"] + r.choice(["\x07", "\x1b[0m", "\x0b", "\x0c", "\x08"])
            elif k == "unicode_ctrl":
                c[7] = c[7][:6] + "\x00" + c[7][6:]
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
    def write_csv(self, kind, fn, header, rows, enc, bom=False, eol="\r\n", quote_all=False, truncate=None, extra=None, header_eol=None):
        """rows: list of (cells, rec).  Line numbers are the physical start lines (header = 1).
        truncate="cells": the last row is cut after its 5th cell, without a line end."""
        buf = io.StringIO()
        q = csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL
        hw = csv.writer(buf, lineterminator=header_eol or eol, quoting=q)
        hw.writerow(header)
        wr = csv.writer(buf, lineterminator=eol, quoting=q)
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
            line += chunk.count("\n")
        text = buf.getvalue()
        if truncate == "cells":
            tail = text[last_start:]
            sep = '","' if quote_all else ","
            i = -1
            for _ in range(5):
                i = tail.find(sep, i + 1)
            text = text[:last_start] + tail[:i + (1 if quote_all else 0)]
        data = text.encode(enc)
        if bom:
            data = b"\xef\xbb\xbf" + data
        self.put(kind, fn, data)
        le = "mixed" if header_eol and header_eol != eol else {"\r\n": "crlf", "\n": "lf", "\r": "cr"}[eol]
        info = dict(kind=kind, encoding=enc, bom=bom, rows=len(rows), truncated=bool(truncate), line_end=le, quote_all=quote_all)
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
        amts = ("%.2f" % amt).rstrip("0").rstrip(".") if plat == "qiaomai" and r.random() < 0.4 else "%.2f" % amt
        oid = {"shiguang": "%018d" % (260000000000000000 + o["oid"] * 17), "qiaomai": "QM%s%07d" % (D8(o["t"].date())[2:], o["oid"]),
               "chengfeng": "CF-%09d" % (o["oid"] * 3)}[plat]
        cells = [oid, a["uid"], a["name"], idf, bound, o["name"], o["rphone"], o["addr"], fmt_t(o["t"]), fmt_t(o["sign"]) if delivered else "", amts, o["category"]]
        k = o["kind"]
        place = o["place"]
        rec = blank_rec(source="ecommerce", platform=plat, record_key="ec:%s:%s" % (plat, oid), holder=h["pid"],
                        recipient=o["recip"]["pid"] if o["recip"] else None, dest_kind=dest_kind_of(k), dest_canonical=canon(place) if place else None,
                        delivered=delivered, door=delivered and k in ("home", "work", "other"), category=o["category"], amount=amt,
                        ordered_at=o["t"], order_id=oid, name_form=o["name_form"], raw_address=o["addr"], dup_of=dup_of)
        return cells, rec

    def ecommerce(self, dirt):
        by = {p: [] for p in EC_PLATS}
        for o in self.g.orders:
            by[o["plat"]].append(o)
        for p in by:
            by[p].sort(key=lambda o: (o["t"], o["oid"]))
        srt = lambda rows: rows.sort(key=lambda x: x[0][8] if len(x[0]) > 8 else "")  # noqa: E731
        # ---- shiguang: monthly on the 16th, GB18030, CRLF, minimal quoting.
        #      20260916 also arrives as a browser re-download `shiguang_orders_20260916(1).csv`;
        #      20261116 was saved as UTF-8 with BOM (wrong encoding; ambiguous) and re-exported in GB18030 as 20261117.
        dates = month_days(16, dt.date(2026, 4, 16), ASOF)
        dates = [d if d != dt.date(2026, 11, 16) else dt.date(2026, 11, 17) for d in dates]
        prev = START
        for fd in dates:
            rows = [self.ec_row(o, "shiguang", fd) for o in by["shiguang"] if prev <= o["t"].date() < fd]
            rows += dirt.ec_rows("shiguang", fd, 4)
            srt(rows)
            fn = "shiguang_orders_%s.csv" % D8(fd)
            if fd == dt.date(2026, 11, 17):
                bad = "shiguang_orders_20261116.csv"
                fd0 = dt.date(2026, 11, 16)
                rows0 = [self.ec_row(o, "shiguang", fd0) for o in by["shiguang"] if prev <= o["t"].date() < fd0]
                srt(rows0)
                for _, x in rows0:
                    x["ambiguous"] = True
                self.write_csv("ecommerce", bad, EC_COLS, rows0, "utf-8", bom=True,
                               extra=dict(ambiguous=True, wrong_encoding=True, actual="UTF-8 with BOM (Excel 'CSV UTF-8') instead of GB18030",
                                          replaced_by=fn))
            data = self.write_csv("ecommerce", fn, EC_COLS, rows, "gb18030")
            if fd == dt.date(2026, 9, 16):
                cp = "shiguang_orders_20260916(1).csv"
                self.put("ecommerce", cp, data)
                for cells, rec in rows:
                    self.R.append(dict(rec, file=cp, dup_of=fn))
                self.files[cp] = dict(self.files[fn], badname=True, copy_of=fn)
            prev = fd
        # ---- qiaomai: every two months on the 6th, LF, every field quoted.  20260806 re-sends the last 7 days of 20260606;
        #      20261006 is gzip-compressed under the .csv name (unreadable), re-sent plain as 20261007;
        #      20261206 has a CRLF header and LF rows (mixed); 20270216 ends in a row cut after its 5th cell.
        dates = [dt.date(2026, 4, 6), dt.date(2026, 6, 6), dt.date(2026, 8, 6), dt.date(2026, 10, 7), dt.date(2026, 12, 6), dt.date(2027, 2, 16)]
        prev = START
        for fd in dates:
            fn = "qiaomai_orders_%s.csv" % D8(fd)
            lo = prev - dt.timedelta(days=7) if fd == dt.date(2026, 8, 6) else prev
            rows = [self.ec_row(o, "qiaomai", fd, dup_of="qiaomai_orders_20260606.csv" if o["t"].date() < prev else None)
                    for o in by["qiaomai"] if lo <= o["t"].date() < fd]
            rows += dirt.ec_rows("qiaomai", fd, 4)
            srt(rows)
            trunc = None
            if fd == dt.date(2027, 2, 16):
                p = dirt.who()
                c = dirt.ec_cells(p, "qiaomai", fd)
                rows.append((c, blank_rec(source="ecommerce", platform="qiaomai", holder=p["pid"], dirty=True, dirt="truncated", record_key="ec:qiaomai:" + c[0])))
                trunc = "cells"
            if fd == dt.date(2026, 10, 7):
                bad = "qiaomai_orders_20261006.csv"
                buf = io.StringIO()
                wr = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_ALL)
                wr.writerow(EC_COLS)
                for c, x in rows:
                    if not x["dirty"]:
                        wr.writerow(c)
                self.put("ecommerce", bad, gzip.compress(buf.getvalue().encode("gb18030"), mtime=0))
                self.files[bad] = dict(kind="ecommerce", encoding=None, bom=False, rows=0, truncated=False, unreadable=True, not_csv=True,
                                       actual="gzip-compressed CSV (\\x1f\\x8b) saved under the .csv name", replaced_by=fn)
            self.write_csv("ecommerce", fn, EC_COLS, rows, "gb18030", eol="\n", quote_all=True, truncate=trunc,
                           header_eol="\r\n" if fd == dt.date(2026, 12, 6) else None)
            prev = fd
        # ---- chengfeng: travel, quarterly; an off-cycle 20261216 export holds the header only
        dates = [dt.date(2026, 5, 16), dt.date(2026, 8, 16), dt.date(2026, 11, 16), ASOF]
        prev = START
        for fd in dates:
            fn = "chengfeng_orders_%s.csv" % D8(fd)
            rows = [self.ec_row(o, "chengfeng", fd) for o in by["chengfeng"] if prev <= o["t"].date() < fd]
            rows += dirt.ec_rows("chengfeng", fd, 3)
            srt(rows)
            self.write_csv("ecommerce", fn, EC_COLS, rows, "gb18030")
            if fd == dt.date(2026, 11, 16):
                self.write_csv("ecommerce", "chengfeng_orders_20261216.csv", EC_COLS, [], "gb18030", extra=dict(header_only=True))
            prev = fd

    # ------------------------------------------------------------ social
    def soc_obj(self, s, plat, fd):
        r = self.r
        p, a = s["p"], s["acct"]
        fdt = dt.datetime.combine(fd, dt.time())
        ev = [e for e in s["ev"] if e[1] < fdt]
        ph = self.g.phone_at(p, fdt - dt.timedelta(days=1))
        o = dict(uid=a["uid"], nickname=s["nick"])
        nm = p["name"]
        o["real_name"] = wchoice(r, [(nm, 38), (mask_name(r, nm), 32), (nm[0] + "某" + nm[-1] if len(nm) == 3 else nm[0] + "某", 10), (None, 20)])
        o["id_no"] = wchoice(r, [(None, 58), (mask_id(r, p["id_number"]), 32), (p["id_number"], 10)])
        o["phone"] = (mask_phone(ph) if r.random() < 0.5 else ph) if r.random() < 0.85 else None
        c = G.CITIES[self.g.home_city(p, fd)]
        o["profile_region"] = ("中国 %s %s" if plat == "tanxin" else "%s-%s") % (G.PROV_SHORT[c["prov"]], c["short"])

        def ts(t):
            if plat == "tanxin":        # UTC with milliseconds and Z
                return (t - dt.timedelta(hours=8)).strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % r.randint(0, 999)
            return t.strftime("%Y-%m-%dT%H:%M:%S+08:00")
        logins, posts = [], []
        for e in ev:
            if e[0] == "login":
                reg = e[2]
                x = r.random()
                if x < 0.25 and reg.startswith(c["prov"]):
                    reg = reg[len(c["prov"]):]
                elif x < 0.35 and "省" in reg:
                    reg = reg[:reg.index("省") + 1]
                logins.append(dict(ts=ts(e[1]), ip="%d.%d.%d.%d" % (r.choice([27, 36, 58, 59, 110, 112, 117, 121, 125, 182, 218, 223]), r.randrange(256),
                                                                         r.randrange(256), r.randrange(1, 255)), ip_region=reg))
            else:
                pl_ = e[2]
                if isinstance(pl_, str):
                    posts.append(dict(ts=ts(e[1]), poi=pl_, address=None if r.random() < 0.5 else c["name"] + pl_))
                else:
                    e_ = estate_of(pl_)
                    if e_:
                        poi, body = e_["name"], estate_text(r, e_)
                    elif pl_["kind"] == "ceramic":
                        poi, body = pl_["factory"] + "宿舍", pl_["road"] + pl_["factory"] + "宿舍"
                    elif pl_["kind"] in ("village", "lane", "qiaocun"):
                        poi = pl_.get("vil", "") + "村" if pl_["kind"] == "village" else pl_.get("lane") or "华侨新村"
                        body = (pl_["town"] + pl_["vil"] + "村") if pl_["kind"] == "village" else poi
                    else:
                        poi = pl_.get("market") or pl_.get("tower") or pl_.get("park") or pl_.get("name")
                        body = body_text(r, pl_)
                    posts.append(dict(ts=ts(e[1]), poi=poi, address=prefix_text(r, pl_) + body))
        o["logins"] = logins
        o["geo_posts"] = posts
        rec = blank_rec(source="social", platform=plat, record_key="so:%s:%s" % (plat, a["uid"]), holder=p["pid"])
        return o, rec

    def social(self, dirt):
        r = self.r
        files = [("tanxin", dt.date(2026, 8, 16), 0.7), ("tanxin", ASOF, 1.0), ("pengyou", dt.date(2026, 10, 15), 0.0), ("pengyou", dt.date(2027, 2, 10), 1.0)]
        for plat, fd, share in files:
            fn = "%s_accounts_%s.jsonl" % (plat, D8(fd))
            if share == 0.0:
                self.put("social", fn, b"")
                self.files[fn] = dict(kind="social", encoding="utf-8", bom=False, rows=0, truncated=False, empty=True)
                continue
            lines = []
            for s in self.g.socials:
                if s["acct"]["plat"] != plat:
                    continue
                if s["ev"] and s["ev"][0][1].date() >= fd:
                    continue
                if share < 1 and r.random() > share:
                    continue
                o, rec = self.soc_obj(s, plat, fd)
                if plat == "tanxin":
                    txt = json.dumps({k: v for k, v in o.items() if v is not None}, ensure_ascii=True)       # every non-ASCII char as \uXXXX
                else:
                    txt = json.dumps(o, ensure_ascii=False, separators=(",", ":"))
                lines.append((txt, rec))
            lines = self.soc_dirt(lines, plat, fd, dirt)
            eol = "\r\n" if plat == "tanxin" else "\n"
            out, n = [], 0
            for txt, rec in lines:
                n += 1
                if rec is not None:
                    rec["file"], rec["line"] = fn, n
                    self.R.append(rec)
                out.append(txt)
            data = eol.join(out)
            trunc = fd == ASOF
            if trunc:
                data = data[: len(data) - len(out[-1]) * 2 // 5]
            else:
                data += eol
            bom = plat == "pengyou"
            raw = (b"\xef\xbb\xbf" if bom else b"") + data.encode("utf-8")
            self.put("social", fn, raw)
            self.files[fn] = dict(kind="social", encoding="utf-8", bom=bom, rows=n, truncated=trunc, line_end="crlf" if eol == "\r\n" else "lf",
                                  ensure_ascii=plat == "tanxin", ts_form="UTC Z with milliseconds" if plat == "tanxin" else "+08:00")
            if plat == "tanxin" and fd == dt.date(2026, 8, 16):
                cp = "tanxin_accounts_20260816 (2).jsonl"
                self.put("social", cp, raw)
                for x in [x for x in self.R if x["file"] == fn]:
                    self.R.append(dict(x, file=cp, dup_of=fn))
                self.files[cp] = dict(self.files[fn], badname=True, copy_of=fn)

    def soc_dirt(self, lines, plat, fd, dirt):
        r = dirt.r
        add = []
        for k in ["comment", "array", "py_repr", "empty_obj", "nan", "formula_nick", "long_nick", "bad_ts", "nul_escape", "logins_str", "dup_key", "blank"]:
            p = dirt.who()
            base = dict(uid="%s_zz%d" % (plat[:2], p["pid"]), nickname="测试数据", real_name=p["name"], phone=p["phones"][0],
                        logins=[dict(ts="2026-07-01T09:00:00+08:00", ip="10.0.0.1", ip_region=G.CITIES[p["city"]]["name"])])
            amb = False
            if k == "comment":
                txt = "// export %s part 2" % D8(fd)
            elif k == "array":
                txt = json.dumps([base], ensure_ascii=False)
            elif k == "py_repr":
                txt = repr(base)
            elif k == "empty_obj":
                txt = "{}"
            elif k == "nan":
                # Python's json accepts NaN, strict JSON parsers do not: readers disagree
                txt = json.dumps(base, ensure_ascii=False)[:-1] + ', "score": NaN}'
                amb = True
            elif k == "formula_nick":
                base["nickname"] = "=HYPERLINK(\"http://x.cn\",\"抽奖\")"
                txt = json.dumps(base, ensure_ascii=False)
            elif k == "long_nick":
                base["nickname"] = "哈" * 24000
                txt = json.dumps(base, ensure_ascii=False)
            elif k == "bad_ts":
                base["logins"][0]["ts"] = r.choice(["2026-02-30T10:00:00+08:00", "2026-07-01 25:61", "上周三", "1751331600", "2026-07-01T10:00:00+08:00:00"])
                txt = json.dumps(base, ensure_ascii=False)
            elif k == "nul_escape":
                base["nickname"] = "测试\u0000数据"
                txt = json.dumps(base, ensure_ascii=False)
            elif k == "logins_str":
                base["logins"] = "暂无登录记录"
                txt = json.dumps(base, ensure_ascii=False)
            elif k == "dup_key":
                txt = json.dumps(base, ensure_ascii=False)[:-1] + ', "phone": "%s"}' % mask_phone(p["phones"][0])
                amb = True
            else:
                add.append(("", None))       # a blank line: not a record
                continue
            if plat == "tanxin":
                txt = txt.encode("ascii", "backslashreplace").decode("ascii")
            rec = blank_rec(source="social", platform=plat, holder=p["pid"], dirty=not amb, ambiguous=amb, dirt=k,
                            record_key="so:%s:%s" % (plat, base["uid"]) if amb else None)
            add.append((txt, rec))
        for x in add:
            lines.insert(r.randrange(len(lines) + 1), x)
        if plat == "pengyou":
            # the file starts with a BOM; its first line is about a dirt person and ambiguous (a reader that keeps the BOM fails it)
            p = dirt.who()
            txt = json.dumps(dict(uid="py_zzfirst%d" % p["pid"], nickname="首行", real_name=p["name"], phone=p["phones"][0]), ensure_ascii=False,
                             separators=(",", ":"))
            lines.insert(0, (txt, blank_rec(source="social", platform=plat, holder=p["pid"], ambiguous=True, dirt="bom_first_line",
                                            record_key="so:pengyou:py_zzfirst%d" % p["pid"])))
        if fd == ASOF:
            p = dirt.who()
            txt = json.dumps(dict(uid="tx_zzlast%d" % p["pid"], nickname="末行", real_name=p["name"], phone=p["phones"][0],
                                  logins=[dict(ts="2027-02-01T01:00:00.000Z", ip="1.1.1.1", ip_region="江西省")]), ensure_ascii=True)
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
        ws = {"hongniao": [], "jiantu": []}
        for i, w in enumerate(self.g.waybills):
            w["no"] = ("HN%013d" if w["carrier"] == "hongniao" else "JT8%011d") % (i * 7 + 5000)
            ws[w["carrier"]].append(w)
        for c in ws:
            ws[c].sort(key=lambda w: (w["pick"], w["no"]))

        def rowdict(w, fdt):
            signed = w["sign"] is not None and w["sign"] < fdt
            return dict(waybill_no=w["no"], sender_name=w["sender_name"], sender_phone=w["sender_phone"], sender_address=w["sender_address"],
                        receiver_name=w["rname"], receiver_phone=w["rphone"], receiver_address=w["raddr"], pickup_time=w["pick"],
                        sign_time=w["sign"] if signed else None, sign_type=w["sign_type"] if signed else None)

        # ---- hongniao: monthly on the 16th; timestamp[ns, tz=+08:00], zstd, large_string, columns in another order plus a `remark` column.
        #      20260716 was written by an older exporter: naive timestamp[us] (Beijing) and plain string columns.
        #      20270216 re-sends 50 rows of 20270116.
        order = ["waybill_no", "receiver_name", "receiver_phone", "receiver_address", "sign_type", "sign_time", "pickup_time",
                 "sender_name", "sender_phone", "sender_address", "remark"]
        dates = month_days(16, dt.date(2026, 4, 16), ASOF)
        dates[-1] = ASOF
        prev = START
        last_rows = []
        for fd in dates:
            fn = "hongniao_waybills_%s.parquet" % D8(fd)
            fdt = dt.datetime.combine(fd, dt.time())
            rows, recs = [], []
            for w in ws["hongniao"]:
                if prev <= w["pick"].date() < fd:
                    rows.append(rowdict(w, fdt))
                    recs.append(self.wb_rec(w, fn, fd, w["no"]))
            if fd == ASOF and last_rows:
                for d, x in r.sample(last_rows, min(50, len(last_rows))):
                    rows.append(d)
                    recs.append(dict(x, file=fn, dup_of="hongniao_waybills_20270116.parquet"))
            self.wb_dirt(rows, recs, "hongniao", fn, fd, dirt)
            for i, x in enumerate(recs):
                x["line"] = i + 1
            self.R.extend(recs)
            if fd == dt.date(2027, 1, 16):
                last_rows = [(d, x) for d, x in zip(rows, recs) if not x["dirty"]]
            for d in rows:
                d["remark"] = r.choice([None, None, None, "", "易碎", "生鲜", "到付", "电联"])
            old = fd == dt.date(2026, 7, 16)
            if old:
                schema = pa.schema([(c, pa.timestamp("us") if c in ("pickup_time", "sign_time") else pa.string()) for c in order])
                t = pa.Table.from_pylist(rows, schema=schema)
                info = dict(ts_type="timestamp[us] naive (Beijing)", compression="zstd", older_exporter=True)
            else:
                schema = pa.schema([(c, pa.timestamp("ns", tz="+08:00") if c in ("pickup_time", "sign_time") else pa.large_string()) for c in order])
                t = pa.Table.from_pylist([dict(x, pickup_time=aware(x["pickup_time"]), sign_time=aware(x["sign_time"])) for x in rows], schema=schema)
                info = dict(ts_type="timestamp[ns, tz=+08:00]", compression="zstd", string_type="large_string")
            buf = pa.BufferOutputStream()
            pq.write_table(t, buf, compression="zstd", row_group_size=1500)
            self.put("logistics", fn, buf.getvalue().to_pybytes())
            self.files[fn] = dict(kind="logistics", rows=len(rows), extra_columns=["remark"], column_order=order, **info)
            prev = fd
        # ---- jiantu: about every two months; timestamp[ms, tz=UTC], gzip.  20261101 is the carrier's CSV export saved as .parquet (unreadable);
        #      the real Parquet came as 20261102.
        dates = [dt.date(2026, 4, 20), dt.date(2026, 7, 3), dt.date(2026, 9, 10), dt.date(2026, 11, 2), dt.date(2026, 12, 20), dt.date(2027, 2, 17)]
        prev = START
        for fd in dates:
            fn = "jiantu_waybills_%s.parquet" % D8(fd)
            fdt = dt.datetime.combine(fd, dt.time())
            rows, recs = [], []
            for w in ws["jiantu"]:
                if prev <= w["pick"].date() < fd:
                    rows.append(rowdict(w, fdt))
                    recs.append(self.wb_rec(w, fn, fd, w["no"]))
            self.wb_dirt(rows, recs, "jiantu", fn, fd, dirt)
            for i, x in enumerate(recs):
                x["line"] = i + 1
            self.R.extend(recs)
            schema = pa.schema([(c, pa.timestamp("ms", tz="UTC") if c in ("pickup_time", "sign_time") else pa.string()) for c in WB_COLS])
            t = pa.Table.from_pylist([dict(x, pickup_time=utc(x["pickup_time"]), sign_time=utc(x["sign_time"])) for x in rows], schema=schema)
            buf = pa.BufferOutputStream()
            pq.write_table(t, buf, compression="gzip", row_group_size=800)
            self.put("logistics", fn, buf.getvalue().to_pybytes())
            self.files[fn] = dict(kind="logistics", rows=len(rows), ts_type="timestamp[ms, tz=UTC]", compression="gzip")
            if fd == dt.date(2026, 11, 2):
                bad = "jiantu_waybills_20261101.parquet"
                b = io.StringIO()
                wr = csv.writer(b, lineterminator="\r\n")
                wr.writerow(WB_COLS)
                for d, x in zip(rows, recs):
                    if not x["dirty"]:
                        wr.writerow([d[c] if not isinstance(d[c], dt.datetime) else d[c].strftime("%Y-%m-%d %H:%M:%S") for c in WB_COLS])
                self.put("logistics", bad, b.getvalue().encode("utf-8"))
                self.files[bad] = dict(kind="logistics", rows=0, not_parquet=True, unreadable=True,
                                       actual="UTF-8 CSV text saved under the .parquet name (no PAR1 magic)", replaced_by=fn)
            prev = fd

    def wb_dirt(self, rows, recs, plat, fn, fd, dirt):
        r = dirt.r
        for k in ["null_no", "empty_no", "formula", "ctrl", "long_addr", "sign_before_pickup", "future_pickup", "bad_sign_type", "dup_no", "null_pickup"]:
            p = dirt.who()
            t = rtime(r, rand_date(r, fd - dt.timedelta(days=25), fd - dt.timedelta(days=3)), "home")
            no = "%sZ%08d" % (plat[:2].upper(), p["pid"] * 100 + r.randrange(100))
            d = dict(waybill_no=no, sender_name="某云仓", sender_phone="4009876543", sender_address="浙江省金华市义乌市云仓1号", receiver_name=p["name"],
                     receiver_phone=p["phones"][0], receiver_address=address_text(r, p["home"]), pickup_time=t, sign_time=t + dt.timedelta(days=1),
                     sign_type="本人签收")
            if k == "null_no":
                d["waybill_no"] = None
            elif k == "empty_no":
                d["waybill_no"] = ""
            elif k == "formula":
                d["receiver_name"] = r.choice(["=1+1", "@" + p["name"], "+" + p["name"], "-" + p["name"]])
            elif k == "ctrl":
                d["receiver_address"] = d["receiver_address"][:4] + "\x00\x1b" + d["receiver_address"][4:]
            elif k == "long_addr":
                d["receiver_address"] += "楼下" * 13000
            elif k == "sign_before_pickup":
                d["sign_time"] = t - dt.timedelta(days=3)
            elif k == "future_pickup":
                d["pickup_time"] = dt.datetime(2088, 8, 8, 8, 0)
                d["sign_time"] = None
                d["sign_type"] = None
            elif k == "bad_sign_type":
                d["sign_type"] = r.choice(["退回", "拒签", "异常件", "已揽收"])
            elif k == "null_pickup":
                d["pickup_time"] = None
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
        if person and x_lower and idn.endswith("X") and r.random() < 0.6:
            idn = idn[:17] + "x"
        phones = (p.get("roster_phones") or []) if person else ([] if r.random() < 0.5 else [self.W.phone()])
        sep = r.choice([";", "；", "、", ",", "；"])
        amt = "{:,.2f}".format(c["amount"]) if commas or r.random() < 0.2 else ("%.2f" % c["amount"] if r.random() < 0.8 else "%g" % round(c["amount"]))
        if person:
            hk = hukou_text(r, p["hukou_home"]) if p["hukou_home"]["kind"] == "hukou" else address_text(r, p["hukou_home"])
        else:
            hk = address_text(r, self.g.geo.home_in(r, self.g.geo.pick_dk(p["city"])))
        cells = [c["case_no"], c["court"], c["judge"], p["name"], "居民身份证" if person else "统一社会信用代码", idn, sep.join(phones), hk, amt,
                 c["filing"].isoformat(), "是" if c["restrict"] else "否", "是" if c["blacklist"] else "否", status or c["status"]]
        rec = blank_rec(source="debtors", platform=c["roster"], holder=p["pid"], record_key="ro:" + c["case_no"])
        return cells, rec

    def roster(self, cases, dirt):
        r = self.r
        by = {}
        for c in cases:
            by.setdefault(c["roster"], []).append(c)
        spec = {"tongjiangfy": dict(bom=True, eol="\r\n", quote_all=False), "puxianfy": dict(bom=False, eol="\n", quote_all=False),
                "xunzhoufy": dict(bom=True, eol="\r\n", quote_all=True), "jiuchengfy": dict(bom=False, eol="\r\n", quote_all=False),
                "cidufy": dict(bom=True, eol="\n", quote_all=False)}
        for ro in ("tongjiangfy", "puxianfy", "xunzhoufy", "jiuchengfy", "cidufy"):
            cs = sorted(by.get(ro, []), key=lambda c: (c["filing"], c["case_no"], c["co_debtor"]))
            rows = [self.roster_row(c, self.W.by[c["pid"]], commas=(ro == "xunzhoufy"), x_lower=(ro == "puxianfy")) for c in cs]
            trunc = None
            if ro == "jiuchengfy":
                rows += self.roster_dirt(dirt)
            if ro == "xunzhoufy":
                p = dirt.who()
                cn = "(2026)粤1302执%d号" % (80000 + p["pid"])
                cells = [cn, "惠州市惠城区人民法院", "叶文华", p["name"], "居民身份证", p["id_number"], p["phones"][0], "广东省惠州市惠城区", "8,000.00",
                         "2026-06-01", "是", "否", "执行中"]
                rows.append((cells, blank_rec(source="debtors", platform=ro, holder=p["pid"], dirty=True, dirt="truncated", record_key="ro:" + cn)))
                trunc = "cells"
            fn = "%s_roster_%s.csv" % (ro, D8(ASOF))
            data = self.write_csv("debtors", fn, RO_COLS, rows, "utf-8", truncate=trunc, **spec[ro])
            if ro == "tongjiangfy":
                cp = "tongjiangfy_roster_20270218(1).csv"
                self.put("debtors", cp, data)
                for cells, rec in rows:
                    self.R.append(dict(rec, file=cp, dup_of=fn))
                self.files[cp] = dict(self.files[fn], badname=True, copy_of=fn)
            if ro == "cidufy":
                # last week's roster, saved from Excel in GB18030 (the wrong encoding for a roster): ambiguous, and older
                old = dt.date(2027, 2, 11)
                orows = []
                for c in cs:
                    if c["filing"] >= old:
                        continue
                    st = "执行中" if c["status"] == "执行完毕" and r.random() < 0.5 else c["status"]
                    cells, rec = self.roster_row(c, self.W.by[c["pid"]], status=st)
                    rec["dup_of"] = "older"
                    rec["ambiguous"] = True
                    orows.append((cells, rec))
                self.write_csv("debtors", "cidufy_roster_%s.csv" % D8(old), RO_COLS, orows, "gb18030", bom=False, eol="\r\n",
                               extra=dict(older=True, ambiguous=True, wrong_encoding=True, actual="GB18030 (saved from Excel) instead of UTF-8"))

    def roster_dirt(self, dirt):
        out = []
        for k in ["date_slash", "amount_cn", "id_15", "extra_col", "formula_name", "short_row", "bad_status", "date_excel"]:
            p = dirt.who()
            cn = "(2026)川0502执%d号" % (90000 + p["pid"])
            hk = hukou_text(dirt.r, p["hukou_home"]) if p["hukou_home"]["kind"] == "hukou" else "四川省泸州市江阳区"
            c = [cn, "泸州市江阳区人民法院", "罗海燕", p["name"], "居民身份证", p["id_number"], p["phones"][0], hk, "15000.00", "2026-04-08", "是", "否", "执行中"]
            if k == "date_slash":
                c[9] = "2026/4/8"
            elif k == "amount_cn":
                c[8] = "壹万伍仟元"
            elif k == "id_15":
                c[5] = p["id_number"][:6] + p["id_number"][8:17]
            elif k == "extra_col":
                c = c + ["已约谈", "附件"]
            elif k == "formula_name":
                c[3] = "@" + p["name"]
            elif k == "short_row":
                c = c[:6]
            elif k == "bad_status":
                c[12] = "结案?"
            else:
                c[9] = "46120"
            out.append((c, blank_rec(source="debtors", platform="jiuchengfy", holder=p["pid"], dirty=True, dirt=k, record_key="ro:" + cn)))
        return out


def utc(t):
    if t is None:
        return None
    return (t - dt.timedelta(hours=8)).replace(tzinfo=dt.timezone.utc)


def aware(t):
    if t is None:
        return None
    return t.replace(tzinfo=TZ8)


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
    geo = Geo(random.Random(a.seed * 7907 + 15))
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
        if p.get("work") and p["work"]["kind"] in ("stall", "shop", "factory", "studio") and r.random() < 0.5:
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
            a_ = g.account(p, "chengfeng")
            t = rtime(r, rand_date(r, p.get("phone_from") or START, ASOF - dt.timedelta(days=1)), "home")
            g.order(a_, p, p, "virtual", None, t, category=r.choice(G.RESTRICTED_TRAVEL), amount=round(r.uniform(300, 3000), 2), virtual=True)
    for p in W.people:
        if p["kind"] == "person" and p["present"] and p["role"] not in ("dirt", "parent") and p["home"] is not None and r.random() < 0.2:
            a_ = g.account(p, "chengfeng")
            for _ in range(r.randint(1, 3)):
                t = rtime(r, rand_date(r, p.get("phone_from") or START, ASOF - dt.timedelta(days=1)), "home")
                g.order(a_, p, p, "virtual", None, t, category=r.choice(G.NORMAL_TRAVEL), amount=round(r.uniform(20, 600), 2), virtual=True)
    for o in list(g.orders):
        g.waybill_for(o)
    out = Out(a.out, W, g)
    dirt = Dirt(W, random.Random(a.seed + 1515))
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
