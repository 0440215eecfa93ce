#!/usr/bin/env python
"""foreign13: an independent synthetic world for `locate` (成都, 绵阳, 宝鸡, 九江), written from shared/specs only.

    python gen.py --out DIR --seed N --debtors K      -> DIR/inbox/{debtors,ecommerce,social,logistics}, DIR/truth/
"""
import argparse, csv, datetime as dt, io, json, os, random, shutil, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import geo13 as G  # noqa: E402

ASOF = dt.date(2027, 1, 8)
START = ASOF - dt.timedelta(days=365)
EC_COLS = ["订单编号", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人", "收货手机", "收货地址", "下单时间", "签收时间", "实付金额", "商品类目"]
RO_COLS = ["案号", "执行法院", "承办人", "被执行人", "证件类型", "证件号码", "联系电话", "户籍地址", "执行标的", "立案日期", "限制消费", "失信", "案件状态"]
WB_COLS = ["waybill_no", "sender_name", "sender_phone", "sender_address", "receiver_name", "receiver_phone", "receiver_address",
           "pickup_time", "sign_time", "sign_type"]
RESTRICTED = G.RESTRICTED
ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CC_AL = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]
MOBILE_PFX = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156", "157",
              "158", "159", "166", "173", "175", "176", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189",
              "191", "195", "198", "199"]


def id_check(s17):
    return "10X98765432"[sum(int(c) * w for c, w in zip(s17, ID_W)) % 11]


def credit_code(r, kind):
    """GB 32100 credit code: 91 company / 92 individual business; region; GB 11714 org code with check; final check."""
    reg = r.choice([G.D[k]["code"] for k in G.DK])
    org = "".join(r.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    v = {c: i for i, c in enumerate("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")}
    c9 = 11 - sum(v[c] * w for c, w in zip(org, ORG_W)) % 11
    c9 = "X" if c9 == 10 else ("0" if c9 == 11 else str(c9))
    s = ("91" if kind == "co" else "92") + reg + org + c9
    if any(ch not in CC_AL for ch in s):
        return credit_code(r, kind)
    t = 31 - sum(CC_AL.index(c) * w for c, w in zip(s, CC_W)) % 31
    return s + CC_AL[0 if t == 31 else t]


def wchoice(r, pairs):
    tot = sum(w for _, w in pairs)
    x = r.random() * tot
    for v, w in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][0]


def rand_date(r, a, b):
    return a + dt.timedelta(days=r.randint(0, max(0, (b - a).days)))


def rtime(r, d, kind):
    if kind == "work":
        while d.weekday() >= 5:
            d -= dt.timedelta(days=1)
        if d < START:
            d += dt.timedelta(days=3)
        h = r.randint(9, 16)
    else:
        h = wchoice(r, [(r.randint(7, 11), 2), (r.randint(12, 18), 3), (r.randint(19, 23), 6), (r.randint(0, 1), 1)])
    return dt.datetime(d.year, d.month, d.day, h, r.randint(0, 59), r.randint(0, 59))


def cn_num(n):
    if n <= 10:
        return "十" if n == 10 else G.CN_DIG[n]
    if n < 20:
        return "十" + G.CN_DIG[n % 10]
    if n < 100:
        return G.CN_DIG[n // 10] + "十" + (G.CN_DIG[n % 10] if n % 10 else "")
    return "".join(G.CN_DIG[int(c)] for c in str(n))


# ====================================================================== places
def dname(p):
    return G.D[p["dk"]]["name"]


def prefix_canon(p):
    d = G.D[p["dk"]]
    c = G.CITY[d["city"]]
    return c["prov"] + c["city"] + d["name"]


def canon(p):
    if p is None:
        return None
    k = p["kind"]
    if k == "hukou":
        return "%s%s%s%s%s村%d组%d号" % (p["prov"], p["pref"], p["county"], p["town"], p["village"], p["grp"], p["no"])
    pre = prefix_canon(p)
    if k == "flat":
        st = G.D[p["dk"]]["door"]
        base = "%s%s%d号%s" % (pre, p["road"], p["rno"], p["est"])
        if st == "cd":
            return base + "%d栋%d单元%d楼%d号" % (p["b"], p["u"], p["f"], p["d"])
        if st == "bj":
            return base + "%d号楼%d单元%d楼%s户" % (p["b"], p["u"], p["f"], p["side"])
        return base + "%d栋%d单元%d%02d室" % (p["b"], p["u"], p["f"], p["d"])
    if k == "row":
        return "%s%s%d号%s生活区%d排%d号" % (pre, p["road"], p["rno"], p["est"], p["b"], p["d"])
    if k == "dorm":
        return "%s%s%d号%s职工宿舍%d栋%d室" % (pre, p["road"], p["rno"], p["est"], p["b"], p["room"])
    if k == "village":
        return "%s%s%s村%s%d号" % (pre, p["town"], p["village"], p["nat"], p["no"])
    if k == "stall":
        return "%s%s%d号%s%d楼%s区%d号" % (pre, p["road"], p["rno"], p["market"], p["f"], p["area"], p["no"])
    if k == "office":
        return "%s%s%d号%s%d室" % (pre, p["road"], p["rno"], p["tower"], p["room"])
    if k == "park":
        return "%s%s%d号%s%s区%d栋%d楼" % (pre, p["road"], p["rno"], p["park"], p["area"], p["b"], p["f"])
    if k in ("shop", "factory"):
        return "%s%s%d号%s" % (pre, p["road"], p["rno"], p["name"])
    if k == "pickup":
        return "%s%s%d号%s|%s" % (pre, p["road"], p["rno"], p["est"], p["brand"])
    raise ValueError(k)


class Geo:
    def __init__(self, r):
        self.r = r
        self.estates = {}   # dk -> list of estate dicts
        self.villages = {}  # dk -> list of village dicts
        self.works = {c: [] for c in G.CITY}
        used = set()
        for dk in G.DK:
            d = G.D[dk]
            n = 14 if not d.get("rural") else 6
            lst = []
            for i in range(n):
                for _ in range(50):
                    nm = r.choice(G.EST_A) + r.choice(G.EST_B)
                    if nm.endswith("小区") is False and r.random() < 0.2:
                        nm = nm + "小区"
                    if (d["city"], nm) not in used:
                        break
                used.add((d["city"], nm))
                e = dict(dk=dk, est=nm, road=r.choice(d["roads"]), rno=r.randint(1, 399), kind="flat",
                         nb=r.randint(3, 24), nu=r.randint(1, 4), nf=r.choice([6, 7, 11, 18, 26, 33]), nd=r.choice([2, 3, 4]))
                e["pickups"] = self._pickups(e)
                lst.append(e)
            if d["city"] == "宝鸡" and not d.get("rural"):
                for fac in r.sample(G.FACTORY_COMPOUND, 2):
                    e = dict(dk=dk, est=fac, road=r.choice(d["roads"]), rno=r.randint(1, 200), kind="row",
                             nb=r.randint(8, 30), nu=1, nf=1, nd=r.randint(8, 16))
                    e["pickups"] = self._pickups(e)
                    lst.append(e)
                    e2 = dict(dk=dk, est=fac + "家属院", road=e["road"], rno=e["rno"] + 2, kind="flat",
                              nb=r.randint(4, 12), nu=r.randint(2, 4), nf=r.choice([5, 6, 7]), nd=2)
                    e2["pickups"] = self._pickups(e2)
                    lst.append(e2)
            if not d.get("rural") and r.random() < 0.5:
                fac = r.choice(G.DORM_FACTORY)
                e = dict(dk=dk, est=fac, road=r.choice(d["roads"]), rno=r.randint(1, 400), kind="dorm", nb=r.randint(2, 6), nu=1, nf=5, nd=20)
                e["pickups"] = self._pickups(e)
                lst.append(e)
            self.estates[dk] = lst
            if d.get("rural"):
                vl = []
                for town in d["towns"]:
                    for _ in range(3):
                        vn = r.choice("新龙红石金太双白清水青凤高桥马") + r.choice("桥湾坪坝林河山庙丰沟台水园泉")
                        nats = [r.choice(G.SURNAMES) + "家" + d["natural"] for _ in range(3)]
                        vl.append(dict(dk=dk, town=town, village=vn, nats=nats))
                self.villages[dk] = vl
        for c in G.CITY:
            self._works(c)

    def _pickups(self, e):
        r = self.r
        out = []
        for _ in range(r.choice([1, 1, 2])):
            x = r.random()
            if x < 0.45:
                b = r.choice(G.LOCKERS)
            elif x < 0.85:
                b = r.choice(G.STATIONS)
            else:
                b = r.choice(G.SHOP_DROP)
            if b not in [p["brand"] for p in out]:
                out.append(dict(kind="pickup", dk=e["dk"], road=e["road"], rno=e["rno"], est=e["est"], brand=b))
        return out

    def _works(self, c):
        r = self.r
        urb = G.URBAN[c]
        for m in G.MARKETS[c]:
            dk = r.choice(urb)
            base = dict(dk=dk, road=r.choice(G.D[dk]["roads"]), rno=r.randint(1, 300), market=m)
            for _ in range(40):
                self.works[c].append(dict(base, kind="stall", f=r.randint(1, 4), area=r.choice("ABCDEF"), no=r.randint(1, 399),
                                          tel=r.random() < 0.6))
        for t in G.TOWERS[c]:
            dk = r.choice(urb)
            base = dict(dk=dk, road=r.choice(G.D[dk]["roads"]), rno=r.randint(1, 300), tower=t)
            for _ in range(25):
                f = r.randint(3, 40)
                self.works[c].append(dict(base, kind="office", room=f * 100 + r.randint(1, 20), company=self._company(), tel=r.random() < 0.7))
        for pk in G.PARKS[c]:
            dk = r.choice(urb)
            base = dict(dk=dk, road=r.choice(G.D[dk]["roads"]), rno=r.randint(1, 300), park=pk)
            for _ in range(20):
                self.works[c].append(dict(base, kind="park", area=r.choice("ABCDEG"), b=r.randint(1, 12), f=r.randint(1, 9),
                                          company=self._company(), tel=r.random() < 0.7))
        for _ in range(60):
            dk = r.choice(urb)
            nm = r.choice(G.SHOP_T[c]).format(s=r.choice(G.SURNAMES))
            self.works[c].append(dict(kind="shop", dk=dk, road=r.choice(G.D[dk]["roads"]), rno=r.randint(1, 400), name=nm, tel=r.random() < 0.5))
        for nm in G.FACTORIES[c]:
            dk = r.choice(urb + G.RURAL[c])
            self.works[c].append(dict(kind="factory", dk=dk, road=r.choice(G.D[dk]["roads"]), rno=r.randint(1, 900), name=nm, tel=True))
        for w in self.works[c]:
            if w.pop("tel"):
                cc = G.CITY[c]
                w["landline"] = "%s-%s" % (cc["area"], str(r.randint(2, 8)) + "".join(str(r.randint(0, 9)) for _ in range(cc["ll"] - 1)))
            else:
                w["landline"] = None

    def _company(self):
        r = self.r
        return r.choice(G.ORG_WORDS) + r.choice(G.ORG_WORDS) + r.choice(["科技有限公司", "网络科技有限公司", "商贸有限公司", "咨询有限公司"])

    def home_in(self, dk, estate=None):
        r = self.r
        d = G.D[dk]
        if estate is None:
            if d.get("rural") and r.random() < 0.55:
                v = r.choice(self.villages[dk])
                return dict(kind="village", dk=dk, town=v["town"], village=v["village"], nat=r.choice(v["nats"]),
                            grp=r.randint(1, 12), no=r.randint(1, 160))
            estate = r.choice(self.estates[dk])
        e = estate
        h = dict(kind=e["kind"], dk=e["dk"], road=e["road"], rno=e["rno"], est=e["est"], b=r.randint(1, e["nb"]))
        if e["kind"] == "flat":
            h.update(u=r.randint(1, e["nu"]), f=r.randint(1, e["nf"]), d=r.randint(1, e["nd"]), side=r.choice(["东", "西"]))
        elif e["kind"] == "row":
            h.update(d=r.randint(1, e["nd"]))
        else:
            h.update(room=r.randint(1, 5) * 100 + r.randint(1, 20))
        h["_estate"] = e
        return h

    def village_of(self, h):
        for v in self.villages.get(h["dk"], []):
            if v["town"] == h["town"] and v["village"] == h["village"]:
                return v
        return None

    def hukou_place(self, r, idx):
        code, prov, pref, county, towns = G.HUKOU[idx]
        return dict(kind="hukou", prov=prov, pref=pref, county=county, town=r.choice(towns),
                    village=r.choice("长新红东大金石双和永") + r.choice("丰兴坪河山林湾坝桥堰"), grp=r.randint(1, 12), no=r.randint(1, 90), code=code)


def estate_of(p):
    return p.get("_estate")


def pickups_for(p):
    e = p.get("_estate")
    return e["pickups"] if e else []


# ====================================================================== writing addresses
def written_district(r, dk, city_given):
    d = G.D[dk]
    return wchoice(r, d["written"])


def road_as_typed(r, road):
    if "段" in road and r.random() < 0.25:
        for cn, dg in (("一段", "1段"), ("二段", "2段"), ("三段", "3段"), ("四段", "4段"), ("五段", "5段")):
            if road.endswith(cn):
                road = road[:-2] + dg
        road = road.replace("一环路", "一环" if r.random() < 0.5 else "一环路").replace("二环路", "二环" if r.random() < 0.5 else "二环路")
    return road


def prefix_text(r, p):
    d = G.D[p["dk"]]
    c = G.CITY[d["city"]]
    cs = d["city"]
    dw = written_district(r, p["dk"], True)
    if d.get("county_city"):
        return wchoice(r, [(c["prov"] + c["city"] + dw, 3), (c["prov"] + dw, 3), (c["pshort"] + cs + dw, 1),
                           (cs + dw, 2), (dw, 3)])
    dshort = dw[:-1] if dw.endswith("区") and len(dw) == 3 else dw
    forms = [(c["prov"] + c["city"] + dw, 4), (c["city"] + dw, 5), (c["pshort"] + cs + dw, 2),
             ("%s %s %s " % (c["prov"], c["city"], dw), 1), (cs + dshort, 2), (c["city"], 0.4)]
    if d["alone_ok"]:
        forms.append((dw, 1.5))
    return wchoice(r, forms)


def door_text(r, p):
    st = G.D[p["dk"]]["door"]
    b, u, f, d = p["b"], p["u"], p["f"], p["d"]
    if st == "cd":  # Sichuan: floor + door number
        return wchoice(r, [("%d栋%d单元%d楼%d号" % (b, u, f, d), 5), ("%d栋%d单元%d%02d" % (b, u, f, d), 3),
                           ("%d-%d-%d%02d" % (b, u, f, d), 2), ("%d栋%d单元%d%02d号" % (b, u, f, d), 2),
                           ("%d号楼%d单元%d楼%d号" % (b, u, f, d), 1), ("%d幢%d单元%d%02d室" % (b, u, f, d), 1),
                           ("%d栋%d单元%d-%d" % (b, u, f, d), 1),
                           ("%s栋%s单元%s楼%s号" % (cn_num(b), cn_num(u), cn_num(f), cn_num(d)), 0.6)])
    if st == "bj":  # Shaanxi: floor + side
        s = p["side"]
        return wchoice(r, [("%d号楼%d单元%d楼%s户" % (b, u, f, s), 5), ("%d号楼%d单元%d楼%s" % (b, u, f, s), 2),
                           ("%d-%d-%d%s户" % (b, u, f, s), 2), ("%d栋%d单元%d层%s户" % (b, u, f, s), 2),
                           ("%d#%d单元%d楼%s" % (b, u, f, s), 1),
                           ("%s号楼%s单元%s楼%s户" % (cn_num(b), cn_num(u), cn_num(f), s), 0.6)])
    return wchoice(r, [("%d栋%d单元%d%02d室" % (b, u, f, d), 5), ("%d栋%d单元%d%02d" % (b, u, f, d), 3),
                       ("%d-%d-%d%02d" % (b, u, f, d), 2), ("%d号楼%d单元%d%02d室" % (b, u, f, d), 2),
                       ("%d幢%d单元%d%02d室" % (b, u, f, d), 1)])


def street_part(r, p, name):
    road = road_as_typed(r, p["road"])
    return wchoice(r, [("%s%d号%s" % (road, p["rno"], name), 5), ("%s%s" % (road, name), 2), (name, 3)])


def body_text(r, p):
    k = p["kind"]
    if k == "flat":
        return street_part(r, p, p["est"]) + door_text(r, p)
    if k == "row":
        b, d = p["b"], p["d"]
        return street_part(r, p, p["est"] + wchoice(r, [("生活区", 6), ("", 2), ("家属区", 1)])) + wchoice(
            r, [("%d排%d号" % (b, d), 5), ("%d排%d" % (b, d), 2), ("%s排%s号" % (cn_num(b), cn_num(d)), 1), ("平房%d排%d号" % (b, d), 1)])
    if k == "dorm":
        return street_part(r, p, p["est"] + wchoice(r, [("职工宿舍", 5), ("宿舍", 3), ("员工宿舍", 2)])) + wchoice(
            r, [("%d栋%d室" % (p["b"], p["room"]), 5), ("%d栋%d" % (p["b"], p["room"]), 3), ("%d-%d" % (p["b"], p["room"]), 1)])
    if k == "village":
        nat, no = p["nat"], p["no"]
        tw = p["town"] if r.random() < 0.7 else ""
        v = p["village"] + wchoice(r, [("村", 8), ("村委会", 1)])
        return tw + wchoice(r, [(v + nat + "%d号" % no, 4), (v + "%d组%s%d号" % (p["grp"], nat, no), 2),
                                (v + "%d社%d号" % (p["grp"], no), 1.5 if G.D[p["dk"]]["city"] in ("成都", "绵阳") else 0),
                                (v + "%d组%d号" % (p["grp"], no), 2), (v + "%s组%d号" % (cn_num(p["grp"]), no), 1),
                                (v + nat, 0.5)])
    if k == "stall":
        f, a, n = p["f"], p["area"], p["no"]
        return street_part(r, p, p["market"]) + wchoice(
            r, [("%d楼%s区%d号" % (f, a, n), 5), ("%s区%d楼%d号" % (a, f, n), 2), ("%dF-%s%d" % (f, a, n), 2),
                ("%d楼%s区%d号商铺" % (f, a, n), 2), ("%s楼%s区%d号铺" % (cn_num(f), a, n), 1), ("%s%d" % (a, n), 0.5)])
    if k == "office":
        rm = p["room"]
        s = street_part(r, p, p["tower"]) + wchoice(
            r, [("%d室" % rm, 4), ("%d楼%d" % (rm // 100, rm), 2), ("%dF%d" % (rm // 100, rm), 1), ("%d号" % rm, 2),
                ("%d层%d室" % (rm // 100, rm), 1)])
        if r.random() < 0.3:
            s += "（%s）" % p["company"]
        return s
    if k == "park":
        s = street_part(r, p, p["park"]) + wchoice(
            r, [("%s区%d栋%d楼" % (p["area"], p["b"], p["f"]), 5), ("%s%d-%d楼" % (p["area"], p["b"], p["f"]), 1),
                ("%s区%d栋%d层" % (p["area"], p["b"], p["f"]), 2)])
        if r.random() < 0.5:
            s += p["company"]
        return s
    if k in ("shop", "factory"):
        road = road_as_typed(r, p["road"])
        return wchoice(r, [("%s%d号%s" % (road, p["rno"], p["name"]), 6), ("%s%s" % (road, p["name"]), 2), (p["name"], 1),
                           ("%s%d号" % (road, p["rno"]), 1)])
    if k == "pickup":
        b = p["brand"]
        est = p["est"]
        if b in G.SHOP_DROP:
            return street_part(r, p, est) + wchoice(r, [("门口" + b, 3), ("大门" + b, 2), ("旁边%s(%s)" % (b, b[:-3]), 1)])
        return street_part(r, p, est) + wchoice(r, [(b, 4), ("北门" + b, 2), ("南门" + b, 1), ("%d栋旁%s" % (r.randint(1, 9), b), 1),
                                                   ("%s(%s店)" % (b, est), 1)])
    raise ValueError(k)


def address_text(r, p):
    if p["kind"] == "hukou":
        return wchoice(r, [(canon(p), 6), ("%s%s%s%s村%s组%d号" % (p["pref"], p["county"], p["town"], p["village"], cn_num(p["grp"]), p["no"]), 2),
                           ("%s%s%s村%d组" % (p["county"], p["town"], p["village"], p["grp"]), 2)])
    s = prefix_text(r, p) + body_text(r, p)
    x = r.random()
    if x < 0.05:
        s = s.translate(G.FW)
    elif x < 0.09:
        s = s + r.choice(["（放门口）", "，放门卫室", "（到了打电话）", " 送货上门", "（放代收点）"])
    return s


def hukou_text(r, p):
    """户籍地址 as the court has it."""
    if p["kind"] == "hukou":
        return address_text(r, p)
    d = G.D[p["dk"]]
    c = G.CITY[d["city"]]
    return c["prov"] + c["city"] + wchoice(r, d["written"]) + body_text(r, p)


# ====================================================================== names and phones
def mask_name(r, name):
    if len(name) == 2:
        return name[0] + "*"
    return wchoice(r, [(name[0] + "*" * (len(name) - 1), 1), (name[0] + "*" + name[-1], 1)])


def mask_id(r, idn, forms=("6+8", "2+14")):
    f = r.choice(forms)
    if f == "6+8":
        return idn[:6] + "*" * 8 + idn[-4:]
    return idn[:2] + "*" * 14 + idn[-2:]


def mask_phone(ph):
    return ph[:3] + "****" + ph[-4:]


def phone_typed(r, ph, landline=None):
    if landline and r.random() < 0.35:
        return landline, "landline"
    return wchoice(r, [(ph, 10), ("+86" + ph, 1), ("+86 " + ph, 1), ("%s %s %s" % (ph[:3], ph[3:7], ph[7:]), 1.5),
                       ("%s-%s-%s" % (ph[:3], ph[3:7], ph[7:]), 1.5), (mask_phone(ph), 2)]), "mobile"


def pinyin(name, style):
    sy = G.PINYIN.get(name[0], "x")
    gv = "".join(G.PINYIN.get(c, "x") for c in name[1:])
    if style == 0:
        return sy.capitalize() + " " + gv.capitalize()
    if style == 1:
        return (sy + gv).upper()
    if style == 2:
        return gv.capitalize() + " " + sy.capitalize()
    return sy + gv


# ====================================================================== the world
class World:
    def __init__(self, seed, k):
        self.rng = random.Random(seed)
        self.k = k
        self.people = []
        self.by = {}
        self.debtors = []
        self.used_ids = set()
        self.used_phones = set()

    def new(self, **kw):
        p = dict(pid=len(self.people) + 1, kind="person", household=None, gender=None, birth=None, home=None, old_home=None,
                 move_date=None, hukou_home=None, work=None, old_work=None, job_change=None, landline=None, phones=[],
                 old_phone=None, phone_change=None, phone_from=None, spouse=None, parents=[], children=[], namesake_of=None,
                 roster_phones=[], accounts={}, present=True, flags=[], city=None)
        p.update(kw)
        p["accounts"] = {}
        p["flags"] = list(p["flags"])
        self.people.append(p)
        self.by[p["pid"]] = p
        return p

    def phone(self):
        r = self.rng
        while True:
            ph = r.choice(MOBILE_PFX) + "".join(str(r.randint(0, 9)) for _ in range(8))
            if ph not in self.used_phones:
                self.used_phones.add(ph)
                return ph

    def idn(self, code, birth, male):
        r = self.rng
        while True:
            seq = r.randint(0, 499) * 2 + (1 if male else 0)
            s17 = code + birth.strftime("%Y%m%d") + "%03d" % seq
            s = s17 + id_check(s17)
            if s not in self.used_ids:
                self.used_ids.add(s)
                return s

    def name(self, male, common=False):
        r = self.rng
        s = r.choices(G.SURNAMES, weights=G.SUR_W)[0]
        if common and r.random() < 0.5:
            g = r.choice([x for x in G.COMMON_GIVEN if (x in G.GIVEN_M) == male] or G.COMMON_GIVEN)
        else:
            pool = G.GIVEN_M if male else G.GIVEN_F
            g = r.choice(pool)
            if len(g) == 1 and r.random() < 0.45:
                g = r.choice(pool)[0] + g
        return s + g


def build_world(W, geo):
    r = W.rng
    K = W.k

    def person(role, city, dk=None, home=None, male=None, birth=None, code=None, name=None, household=None, **kw):
        male = r.random() < 0.55 if male is None else male
        birth = birth or rand_date(r, dt.date(1958, 1, 1), dt.date(2003, 12, 31))
        if code is None:
            if r.random() < 0.38:
                hk = geo.hukou_place(r, r.choice(G.HUKOU_OF[city]))
                code = hk["code"]
            else:
                hk = None
                code = r.choice(G.D[dk]["native"]) if dk else r.choice(G.D[r.choice(G.URBAN[city])]["native"])
        else:
            hk = kw.pop("hk", None)
        nm = name or W.name(male, common=r.random() < 0.3)
        p = W.new(role=role, name=nm, gender="男" if male else "女", birth=birth, id_number=W.idn(code, birth, male),
                  home=home, household=household, city=city, **kw)
        p["hukou_home"] = hk if hk else home
        p["phones"] = [W.phone()]
        return p

    def pick_city():
        return wchoice(r, G.CITY_W)

    def pick_home(city, dk=None):
        dk = dk or wchoice(r, [(k, 1.0 if not G.D[k].get("rural") else 0.6) for k in G.URBAN[city] + G.RURAL[city]])
        return geo.home_in(dk), dk

    def give_work(p, city):
        age = (ASOF - p["birth"]).days // 365
        if not (21 <= age <= 60) or r.random() > 0.62:
            return
        ws = geo.works[city]
        if r.random() < 0.15 and city == "绵阳":  # 绵阳 people who work in 成都 (an hour by train)
            ws = geo.works["成都"]
        w = r.choice(ws)
        p["work"] = w
        p["landline"] = w.get("landline")
        if r.random() < 0.15:
            p["old_work"] = r.choice(geo.works[city])
            p["job_change"] = rand_date(r, START + dt.timedelta(days=40), ASOF - dt.timedelta(days=20))

    hh = 0
    # ---- debtor households
    n_org = int(K * 0.08)
    for i in range(K - n_org):
        hh += 1
        city = pick_city()
        home, dk = pick_home(city)
        d = person("debtor", city, dk, home, household=hh)
        give_work(d, city)
        W.debtors.append(d)
        age = (ASOF - d["birth"]).days // 365
        if age >= 24 and r.random() < 0.6:
            s = person("spouse", city, dk, home, male=d["gender"] == "女", household=hh,
                       birth=min(dt.date(2003, 12, 31), d["birth"] + dt.timedelta(days=r.randint(-2500, 2500))))
            s["spouse"], d["spouse"] = d["pid"], s["pid"]
            give_work(s, city)
        if age >= 46 and r.random() < 0.55:
            cb = d["birth"] + dt.timedelta(days=r.randint(22 * 365, 30 * 365))
            c = person("child", city, dk, home if r.random() < 0.5 else pick_home(city)[0], birth=cb, household=hh,
                       code=r.choice(G.D[dk]["native"]) if r.random() < 0.7 else d["id_number"][:6])
            c["parents"] = [d["pid"]] + ([d["spouse"]] if d["spouse"] else [])
            d["children"].append(c["pid"])
            give_work(c, city)
        if d["hukou_home"]["kind"] == "hukou" and age < 52 and r.random() < 0.35:
            par = person("parent", city, None, d["hukou_home"], male=True, birth=d["birth"] - dt.timedelta(days=r.randint(22 * 365, 32 * 365)),
                         code=d["id_number"][:6], hk=d["hukou_home"], household=None)
            par["children"] = [d["pid"]]
            d["parents"] = [par["pid"]]
    # ---- organisations
    for i in range(n_org):
        kind = "co" if r.random() < 0.7 else "ib"
        nm = r.choice(G.ORG_WORDS) + r.choice(G.ORG_WORDS) + (r.choice(G.COMPANY_SUFFIX) if kind == "co" else r.choice(["经营部", "商行", "餐馆", "五金店"]))
        o = W.new(role="debtor", kind="organisation", name=nm, id_number=credit_code(r, kind), city=pick_city())
        W.debtors.append(o)
    persons = [d for d in W.debtors if d["kind"] == "person"]
    # ---- absence, moves, phones
    for d in persons:
        if r.random() < 0.10:
            d["present"] = False
            d["flags"].append("absent_planned")
    households = {}
    for p in W.people:
        if p["household"] is not None:
            households.setdefault(p["household"], []).append(p)
    for h, members in sorted(households.items()):
        if r.random() < 0.25:
            head = members[0]
            city = head["city"]
            recent = r.random() < 0.3
            md = rand_date(r, ASOF - dt.timedelta(days=50), ASOF - dt.timedelta(days=2)) if recent else \
                rand_date(r, START + dt.timedelta(days=30), ASOF - dt.timedelta(days=51))
            newhome, _ = pick_home(city) if r.random() < 0.85 else pick_home(pick_city())
            old = head["home"]
            for m in members:
                if m["home"] is old:
                    m["old_home"], m["home"], m["move_date"] = old, newhome, md
                    if recent:
                        m["flags"].append("recent_mover")
    # ---- namesakes (before strangers so they can be placed)
    for d in persons:
        if r.random() < (0.22 if d["present"] else 0.5):
            for _ in range(r.choice([1, 1, 2, 3])):
                city = d["city"]
                x = r.random()
                if x < 0.12 and estate_of(d["home"]):
                    home, dk = geo.home_in(d["home"]["dk"], estate_of(d["home"])), d["home"]["dk"]
                elif x < 0.55:
                    dk = d["home"]["dk"]
                    home = geo.home_in(dk)
                elif x < 0.75:
                    home, dk = pick_home(city)
                else:
                    city = pick_city()
                    home, dk = pick_home(city)
                male = d["gender"] == "男"
                birth = d["birth"] + dt.timedelta(days=r.randint(-400, 400)) if r.random() < 0.35 else None
                code = d["id_number"][:6] if r.random() < 0.3 else None
                n = person("namesake", city, dk, home, male=male, birth=birth, code=code, name=d["name"], namesake_of=d["pid"])
                hh += 1
                n["household"] = hh
                give_work(n, city)
    # ---- neighbours and strangers
    for d in persons:
        if r.random() < 0.3 and estate_of(d["home"]):
            e = estate_of(d["home"])
            home = geo.home_in(d["home"]["dk"], e)
            if r.random() < 0.4:
                home.update(b=d["home"]["b"], _estate=e)
            hh += 1
            n = person("neighbour", d["city"], d["home"]["dk"], home, household=hh)
            give_work(n, d["city"])
    for i in range(int(K * 0.35)):
        city = pick_city()
        home, dk = pick_home(city)
        hh += 1
        s = person("stranger", city, dk, home, household=hh)
        give_work(s, city)
    # colleagues: a quarter of workers share an existing workplace (already likely: works are drawn from a pool)
    # ---- phone changes and recycling
    movers_pool = [p for p in W.people if p["kind"] == "person" and p["role"] != "parent"]
    strangers = [p for p in W.people if p["role"] == "stranger"]
    for p in movers_pool:
        if r.random() < 0.33:
            p["old_phone"] = p["phones"][0]
            p["phones"] = [W.phone()]
            p["phone_change"] = rand_date(r, START + dt.timedelta(days=20), ASOF - dt.timedelta(days=10))
            if (ASOF - p["phone_change"]).days > 120 and r.random() < 0.35 and strangers:
                s = r.choice(strangers)
                if s["phone_from"] is None and s["old_phone"] is None:
                    s["old_phone"] = s["phones"][0]
                    s["phones"] = [p["old_phone"]]
                    s["phone_change"] = s["phone_from"] = p["phone_change"] + dt.timedelta(days=r.randint(60, 110))
                    s["flags"].append("recycled_number")
                    p["flags"].append("number_recycled")
    # ---- spouse accounts
    for d in persons:
        if d["present"] and d["spouse"] and r.random() < 0.22:
            d["flags"].append("uses_spouse_account")
            if r.random() < 0.6:
                d["flags"].append("no_own_account")
    # ---- roster phones
    for d in persons:
        cur, old = d["phones"][0], d["old_phone"]
        dead = "1" + r.choice("3578") + "".join(str(r.randint(0, 9)) for _ in range(9))
        if old:
            ph = wchoice(r, [([old], 55), ([old, cur], 22), ([], 15), ([cur], 8)])
        else:
            ph = wchoice(r, [([cur], 45), ([], 20), ([dead], 30), ([dead, cur], 5)])
        if d["landline"] and r.random() < 0.15:
            ph = ph + [d["landline"]]
        d["roster_phones"] = ph
    # ---- co-debtor spouses
    for d in persons:
        if d["spouse"] and r.random() < 0.05:
            s = W.by[d["spouse"]]
            if s["role"] == "spouse":
                s["role"] = "debtor"
                s["flags"].append("co_debtor")
                s["co_debtor_of"] = d["pid"]
                s["roster_phones"] = [s["phones"][0]] if r.random() < 0.5 else []
                W.debtors.append(s)
    # ---- dirt people
    W.dirt = []
    for i in range(30):
        city = pick_city()
        home, dk = pick_home(city)
        W.dirt.append(person("dirt", city, dk, home))


COURTS = {
    "成都": [("成都市锦江区人民法院", "川0104", ["锦江"]), ("成都市武侯区人民法院", "川0107", ["武侯", "高新"]),
             ("成都市成华区人民法院", "川0108", ["成华", "金牛", "青羊"]), ("成都市双流区人民法院", "川0116", ["双流", "天府"]),
             ("成都市郫都区人民法院", "川0117", ["郫都"]), ("金堂县人民法院", "川0121", ["金堂"]), ("成都市中级人民法院", "川01", [])],
    "绵阳": [("绵阳市涪城区人民法院", "川0703", ["涪城", "绵高新"]), ("绵阳市游仙区人民法院", "川0704", ["游仙"]),
             ("绵阳市安州区人民法院", "川0705", ["安州"]), ("江油市人民法院", "川0781", ["江油"])],
    "宝鸡": [("宝鸡市渭滨区人民法院", "陕0302", ["渭滨", "宝高新"]), ("宝鸡市金台区人民法院", "陕0303", ["金台"]),
             ("宝鸡市陈仓区人民法院", "陕0304", ["陈仓"])],
    "九江": [("九江市浔阳区人民法院", "赣0403", ["浔阳"]), ("九江市濂溪区人民法院", "赣0402", ["濂溪", "八里湖"]),
             ("九江市柴桑区人民法院", "赣0404", ["柴桑"]), ("九江市中级人民法院", "赣04", [])],
}
ROSTER_OF = {"成都": "chuanfy", "绵阳": "chuanfy", "宝鸡": "qinfy", "九江": "jjfy"}


def build_cases(W):
    r = W.rng
    cases, seq = [], {}
    for d in W.debtors:
        if "co_debtor" in d["flags"]:
            continue
        city = d["city"]
        n = wchoice(r, [(1, 70), (2, 22), (3, 8)])
        for j in range(n):
            cc = COURTS[city] if r.random() < 0.9 else COURTS[wchoice(r, G.CITY_W)]
            court = None
            if d["kind"] == "person" and d["home"] is not None and r.random() < 0.6:
                hk = (d["old_home"] or d["home"])["dk"]
                court = next((c for c in cc if hk in c[2]), None)
            if court is None:
                court = r.choice(cc)
            city_c = next(c for c in COURTS if court in COURTS[c])
            year = r.choice([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2025, 2026, 2026])
            filing = rand_date(r, dt.date(year, 1, 5), min(dt.date(year, 12, 28), ASOF - dt.timedelta(days=20)))
            key = (court[1], year)
            seq[key] = seq.get(key, 0) + r.randint(1, 30)
            hui = r.random() < 0.05
            cno = "(%d)%s执%s%d号" % (year, court[1], "恢" if hui else "", seq[key])
            status = wchoice(r, [("执行中", 58), ("终本", 32), ("执行完毕", 10)])
            c = dict(case_no=cno, court=court[0], pid=d["pid"], id_number=d["id_number"].upper(), name=d["name"], kind=d["kind"],
                     status=status, restrict=r.random() < 0.8, blacklist=r.random() < 0.5, filing=filing,
                     amount=round(r.choice([r.uniform(2000, 50000), r.uniform(50000, 800000), r.uniform(800000, 5e6)]), 2),
                     judge=W.name(r.random() < 0.5), roster=ROSTER_OF[city_c], co_debtor=False)
            cases.append(c)
    by_pid = {}
    for c in cases:
        by_pid.setdefault(c["pid"], []).append(c)
    for s in W.debtors:
        if "co_debtor" in s["flags"]:
            base = by_pid[s["co_debtor_of"]][0]
            cases.append(dict(base, pid=s["pid"], id_number=s["id_number"].upper(), name=s["name"], kind="person", co_debtor=True))
    return cases


# ====================================================================== activity
class Gen:
    def __init__(self, W, geo):
        self.W, self.geo, self.r = W, geo, W.rng
        self.orders, self.waybills, self.socials = [], [], []
        self.acct_seq = {}

    def account(self, p, plat):
        if plat in p["accounts"]:
            return p["accounts"][plat]
        r = self.r
        n = self.acct_seq.get(plat, 0) + 1
        self.acct_seq[plat] = n
        a = dict(plat=plat, holder=p["pid"], id="%s%07d" % ({"bashu": "bs", "gancheng": "gc", "feiyou": "fy"}[plat], 1000000 + n * 7 + r.randint(0, 6)))
        if plat == "bashu":
            a["name"] = p["name"] if r.random() < 0.6 else mask_name(r, p["name"])
            a["idn"] = wchoice(r, [(p["id_number"], 4), (mask_id(r, p["id_number"]), 4), ("", 2)])
            a["mask_phone"] = r.random() < 0.3
        elif plat == "gancheng":
            a["name"] = mask_name(r, p["name"]) if r.random() < 0.8 else p["name"]
            a["idn"] = wchoice(r, [(mask_id(r, p["id_number"], ("2+14",)), 5), ("", 3), (p["id_number"], 2)])
            a["mask_phone"] = r.random() < 0.65
        else:
            a["name"] = p["name"]
            a["idn"] = p["id_number"] if r.random() < 0.7 else mask_id(r, p["id_number"], ("6+8",))
            a["mask_phone"] = r.random() < 0.4
        if a["idn"] and a["idn"][-1] == "X" and r.random() < 0.35:
            a["idn"] = a["idn"][:-1] + "x"
        p["accounts"][plat] = a
        return a

    def phone_at(self, p, t):
        if p["old_phone"] and p["phone_change"] and t.date() < p["phone_change"]:
            return p["old_phone"]
        return p["phones"][0]

    def home_at(self, p, d):
        if p["old_home"] and p["move_date"] and d < p["move_date"]:
            return p["old_home"]
        return p["home"]

    def work_at(self, p, d):
        if p["old_work"] and p["job_change"] and d < p["job_change"]:
            return p["old_work"]
        return p["work"]

    def name_typed(self, p, holder, city):
        """(text, form) for the recipient name typed by the holder for person p."""
        r = self.r
        nm = p["name"]
        s, g = nm[0], nm[-1]
        forms = [("full", 40), ("title", 12), ("x**", 8), ("x*y", 5), ("nick", 8), ("pinyin", 3), ("trad", 3),
                 ("placeholder", 2.5), ("suffix", 4), ("space", 2)]
        if holder is not p and holder.get("spouse") == p["pid"]:
            forms.append(("full", 10))
        f = wchoice(r, forms)
        if f == "full":
            return nm, "full"
        if f == "title":
            return s + ("先生" if p["gender"] == "男" else "女士"), "title"
        if f == "x**":
            return s + "**", "x**"
        if f == "x*y":
            return (s + "*" + g) if len(nm) >= 3 else s + "*", "x*y"
        if f == "nick":
            t = r.choice(G.NICK_LOCAL[city] + G.NICK_ANY)
            return t.format(s=s, g=g), "nick"
        if f == "pinyin":
            return pinyin(nm, r.randint(0, 3)), "pinyin"
        if f == "trad":
            t = "".join(G.TRAD.get(c, c) for c in nm)
            return (t, "trad") if t != nm else (nm, "full")
        if f == "placeholder":
            return r.choice(G.PLACEHOLDER), "placeholder"
        if f == "suffix":
            return nm + r.choice(["收", "(本人)", "（自提）", "/转", "亲收"]), "suffix"
        return (nm[0] + "\u3000" + nm[1:]) if r.random() < 0.5 else (nm[0] + " " + nm[1:]), "space"

    def order(self, acct, holder, recip, kind, place, t, category=None, amount=None, virtual=False, text=None):
        r = self.r
        city = holder["city"]
        if recip is None:
            rtext, form = r.choice(["张三", "李女士", "王师傅", "刘总", "收件人"]), "other"
            rphone = self.W.phone()
        else:
            rtext, form = self.name_typed(recip, holder, city)
            rphone, _ = phone_typed(r, self.phone_at(recip, t), recip["landline"] if kind == "work" else None)
        if virtual:
            addr = text or r.choice(G.VIRTUAL_ADDR)
            sign = None
        else:
            addr = address_text(r, place)
            sign = t + dt.timedelta(hours=r.randint(18, 96), minutes=r.randint(0, 59))
            if kind == "work":
                while sign.weekday() >= 5:
                    sign += dt.timedelta(days=1)
            if r.random() < 0.02:
                sign = None  # lost / returned
        if category is None:
            category = r.choice(G.CAT_WORK if kind == "work" and r.random() < 0.5 else G.CAT_HOME)
        if amount is None:
            amount = round(r.choice([r.uniform(5, 80), r.uniform(20, 300), r.uniform(100, 2000)]), 2)
        o = dict(plat=acct["plat"], acct=acct, holder=holder["pid"], recipient=recip["pid"] if recip else None, kind=kind,
                 place=place, t=t, sign=sign, category=category, amount=amount, rname=rtext, rphone=rphone, text=addr, form=form,
                 bound=self.phone_at(holder, t))
        self.orders.append(o)
        return o

    def person_orders(self, p, holder=None, n=None):
        r = self.r
        holder = holder or p
        plats = []
        if r.random() < 0.8:
            plats.append("bashu")
        if r.random() < 0.45 or not plats:
            plats.append("gancheng")
        base = 14 if p["role"] == "debtor" else 7
        n = n if n is not None else max(1, int(r.expovariate(1 / base)) + 2)
        start = START
        if p.get("phone_from"):
            start = max(START, p["phone_from"])
        for i in range(n):
            plat = r.choice(plats)
            a = self.account(holder, plat)
            d = rand_date(r, start, ASOF - dt.timedelta(days=1))
            x = r.random()
            work = self.work_at(p, d)
            home = self.home_at(p, d)
            if work and x < 0.18:
                t = rtime(r, d, "work")
                self.order(a, holder, p, "work", self.work_at(p, t.date()), t)
            elif x < 0.30 and pickups_for(home):
                t = rtime(r, d, "home")
                self.order(a, holder, p, "pickup", r.choice(pickups_for(self.home_at(p, t.date()))) if pickups_for(self.home_at(p, t.date())) else home, t)
            elif x < 0.35 and p["parents"]:
                par = self.W.by[p["parents"][0]]
                t = rtime(r, d, "home")
                self.order(a, holder, par, "other", par["home"], t, category=r.choice(["食品生鲜", "药品保健", "家用电器", "服装鞋帽"]))
            else:
                t = rtime(r, d, "home")
                hm = self.home_at(p, t.date())
                # someone in the household receives it sometimes
                rec = p
                if p["spouse"] and r.random() < 0.12:
                    sp = self.W.by[p["spouse"]]
                    if sp["home"] is p["home"] and (sp["role"] != "debtor" or sp["present"]):
                        rec = sp
                self.order(a, holder, rec, "home", hm, t)

    def spouse_account_orders(self, d):
        sp = self.W.by[d["spouse"]]
        self.person_orders(d, holder=sp, n=max(2, int(self.r.expovariate(1 / 8)) + 2))

    def restricted(self, d, cases):
        r = self.r
        open_r = [c for c in cases if c["pid"] == d["pid"] and c["status"] != "执行完毕" and c["restrict"]]
        holder = d
        if "uses_spouse_account" in d["flags"] and r.random() < 0.6 or (d["spouse"] and r.random() < 0.2):
            holder = self.W.by[d["spouse"]]
        lo = START
        if open_r and r.random() < 0.85:
            lo = max(START, min(c["filing"] for c in open_r) + dt.timedelta(days=1))
        for _ in range(r.choice([1, 1, 2, 3])):
            dd = rand_date(r, lo, ASOF - dt.timedelta(days=1))
            t = rtime(r, dd, "home")
            if r.random() < 0.6:
                a = self.account(holder, "feiyou")
                cat = r.choice(G.RESTRICTED_TRAVEL)
                self.order(a, holder, d, "virtual", None, t, category=cat, amount=round(r.uniform(300, 4800), 2), virtual=True)
            else:
                a = self.account(holder, "bashu")
                cat = r.choice(G.RESTRICTED_GOODS)
                self.order(a, holder, d, "home", self.home_at(d, dd), t, category=cat, amount=round(r.uniform(3000, 60000), 2))

    def near_miss(self, p):
        r = self.r
        dd = rand_date(r, START, ASOF - dt.timedelta(days=1))
        t = rtime(r, dd, "home")
        if r.random() < 0.5:
            a = self.account(p, "feiyou")
            self.order(a, p, p, "virtual", None, t, category=r.choice(G.NEAR_MISS_TRAVEL), amount=round(r.uniform(40, 400), 2), virtual=True)
        else:
            a = self.account(p, "bashu")
            self.order(a, p, p, "home", self.home_at(p, dd), t, category=r.choice(G.NEAR_MISS_GOODS), amount=round(r.uniform(10, 300), 2))

    def social(self, p):
        r = self.r
        for plat, prob in (("longmen", 0.55), ("kanke", 0.35)):
            if r.random() > prob:
                continue
            city = p["city"]
            c = G.CITY[city]
            n = len(self.socials) + 1
            s, g = p["name"][0], p["name"][-1]
            acct = dict(plat=plat, holder=p["pid"], uid=("lm_%d" % (600000 + n * 3)) if plat == "longmen" else "kk%08d" % (n * 11 + 5))
            acct["nickname"] = r.choice(G.SOC_NICK).format(s=s, g=g, n=r.randint(1, 999))
            acct["real_name"] = wchoice(r, [(p["name"], 3), (s + "某" + g if len(p["name"]) > 2 else s + "某", 2),
                                            (mask_name(r, p["name"]), 2), (None, 2)])
            acct["id_no"] = wchoice(r, [(p["id_number"], 2), (mask_id(r, p["id_number"]), 3), (None, 4)])
            acct["phone_masked"] = r.random() < 0.4
            acct["region"] = wchoice(r, [("%s %s" % (c["pshort"], city), 4), (c["prov"] + c["city"], 2), (c["pshort"], 1), (None, 1)])
            created = rand_date(r, START - dt.timedelta(days=400), ASOF - dt.timedelta(days=30))
            acct["created"] = created
            ev = []
            for _ in range(r.randint(3, 14)):
                d = rand_date(r, max(START, created), ASOF - dt.timedelta(days=1))
                t = rtime(r, d, "home")
                ipc = c["ipc"] if r.random() < 0.9 else r.choice(G.TRAVEL_IPC)
                ev.append(("login", t, ipc))
            for _ in range(r.randint(0, 5)):
                d = rand_date(r, max(START, created), ASOF - dt.timedelta(days=1))
                x = r.random()
                w = self.work_at(p, d)
                if x < 0.5:
                    pl_ = self.home_at(p, d)
                    t = rtime(r, d, "home")
                elif x < 0.7 and w:
                    pl_ = w
                    t = rtime(r, d, "work")
                else:
                    pl_ = None
                    t = rtime(r, d, "home")
                ev.append(("post", t, pl_))
            acct["events"] = sorted(ev, key=lambda e: e[1])
            acct["phone_at"] = lambda t, p=p: self.phone_at(p, t)
            self.socials.append(acct)

    def waybill_for(self, o):
        r = self.r
        if o["kind"] == "virtual" or o["sign"] is None and r.random() < 0.7 or r.random() > 0.42:
            return
        recip = self.W.by[o["recipient"]] if o["recipient"] else None
        pick = o["t"] + dt.timedelta(hours=r.randint(3, 16))
        sign = o["sign"]
        if sign is not None and sign < pick:
            sign = pick + dt.timedelta(hours=r.randint(2, 40))
        k = o["kind"]
        if k == "pickup":
            st = "快递柜" if o["place"]["brand"] in G.LOCKERS else "驿站代收"
        elif k == "work":
            st = wchoice(r, [("本人签收", 62), ("门卫代收", 38)])
        else:
            st = wchoice(r, [("本人签收", 50), ("家人代签", 26), ("门卫代收", 12), ("快递柜", 8), ("驿站代收", 4)])
        if recip:
            rname, form = self.name_typed(recip, self.W.by[o["holder"]], recip["city"])
            rphone, _ = phone_typed(r, self.phone_at(recip, pick), recip["landline"] if k == "work" else None)
            if r.random() < 0.5 and form == "full":
                rname, form = mask_name(r, recip["name"]), "mask"
            if r.random() < 0.55 and rphone.startswith("1") and len(rphone) == 11:
                rphone = mask_phone(rphone)
        else:
            rname, form, rphone = o["rname"], "other", o["rphone"]
        merch = r.choice(["蜀品优选旗舰店", "秦味特产店", "庐山云雾茶行", "天府百货专营店", "巴蜀好物仓", "渭河家居馆"])
        self.waybills.append(dict(sender=None, receiver=o["recipient"], kind=k, place=o["place"], pick=pick, sign=sign, sign_type=st,
                                  sname=merch, sphone="400" + "".join(str(r.randint(0, 9)) for _ in range(7)),
                                  saddr=r.choice(["四川省成都市双流区空港一路电商仓", "陕西省西安市未央区物流园", "浙江省金华市义乌市仓库",
                                                  "广东省广州市白云区云仓"]),
                                  rname=rname, rphone=rphone, raddr=address_text(r, o["place"]), form=form,
                                  sender_kind="merchant", sender_place=None))

    def parent_parcels(self, p):
        r = self.r
        par = self.W.by[p["parents"][0]]
        for _ in range(r.randint(1, 3)):
            d = rand_date(r, START, ASOF - dt.timedelta(days=2))
            pick = rtime(r, d, "home")
            home = self.home_at(p, d)
            sign = pick + dt.timedelta(hours=r.randint(20, 80))
            st = wchoice(r, [("本人签收", 55), ("家人代签", 30), ("门卫代收", 15)])
            rname, form = self.name_typed(p, par, p["city"])
            self.waybills.append(dict(sender=par["pid"], receiver=p["pid"], kind="home", place=home, pick=pick, sign=sign, sign_type=st,
                                      sname=par["name"] if r.random() < 0.6 else par["name"][0] + "**", sphone=par["phones"][0],
                                      saddr=address_text(r, par["home"]), rname=rname,
                                      rphone=phone_typed(r, self.phone_at(p, pick))[0], raddr=address_text(r, home), form=form,
                                      sender_kind="parent", sender_place=par["home"]))

    def work_shipments(self, p):
        r = self.r
        for _ in range(r.randint(2, 8)):
            d = rand_date(r, START, ASOF - dt.timedelta(days=3))
            pick = rtime(r, d, "work")
            w = self.work_at(p, pick.date())
            dest_c = wchoice(r, G.CITY_W)
            dh, _ = self.geo.home_in(r.choice(G.URBAN[dest_c])), None
            sname = p["name"] if r.random() < 0.6 else (w.get("name") or w.get("market") or w.get("company") or p["name"])
            sphone = w["landline"] if w["landline"] and r.random() < 0.5 else self.phone_at(p, pick)
            rn = self.W.name(r.random() < 0.5)
            sign = pick + dt.timedelta(hours=r.randint(20, 90))
            self.waybills.append(dict(sender=p["pid"], receiver=None, kind="home", place=dh, pick=pick, sign=sign,
                                      sign_type=wchoice(r, [("本人签收", 5), ("家人代签", 2), ("快递柜", 2)]),
                                      sname=sname, sphone=sphone, saddr=address_text(r, w), rname=rn if r.random() < 0.5 else mask_name(r, rn),
                                      rphone=mask_phone(self.W.phone()), raddr=address_text(r, dh), form="other",
                                      sender_kind="work", sender_place=w, stranger_dest=True))


# ====================================================================== schedules and output
def D8(d):
    return d.strftime("%Y%m%d")


def month_days(day, first, last):
    out = []
    y, m = first.year, first.month
    while True:
        try:
            d = dt.date(y, m, day)
        except ValueError:
            d = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
        if d > last:
            break
        if d >= first:
            out.append(d)
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out


def month_ends(months, year):
    return [dt.date(year + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1) for m in months]


SCHED = {
    "bashu": month_days(8, START + dt.timedelta(days=20), ASOF),
    "gancheng": month_ends([2, 4, 6, 8, 10, 12], 2026) + [ASOF],
    "feiyou": month_ends([3, 6, 9, 12], 2026) + [ASOF],
    "fengchi": month_days(8, START + dt.timedelta(days=20), ASOF),
    "suda": [dt.date(2026, 3, 15), dt.date(2026, 5, 15), dt.date(2026, 7, 15), dt.date(2026, 9, 15), dt.date(2026, 11, 16), ASOF],
}


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


def fmt_t(t):
    return t.strftime("%Y/%m/%d %H:%M:%S") if t else ""


class Out:
    def __init__(self, root, W, g):
        self.root, self.W, self.g, self.r = root, W, g, random.Random(W.rng.random())
        self.R, self.files = [], {}
        for k in ("debtors", "ecommerce", "social", "logistics"):
            os.makedirs(os.path.join(root, "inbox", k), exist_ok=True)

    # ------------------------------------------------------------ CSV
    def write_csv(self, kind, fn, header, rows, enc, bom=False, crlf=True, quote_all=False, truncate=False, extra_info=None):
        """rows: list of (cells, rec).  rec None = no truth row.  Line numbers are the physical start lines."""
        buf = io.StringIO()
        wr = csv.writer(buf, lineterminator="\r\n" if crlf else "\n", quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
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
            line += chunk.count("\n")
        text = buf.getvalue()
        data = text.encode(enc)
        if truncate:
            # cut the last row inside a two-byte character so that the tail does not decode
            tail = text[last_start:]
            i = len(tail) // 2
            while i < len(tail) and not ("\u4e00" <= tail[i] <= "\u9fff"):
                i += 1
            data = text[:last_start].encode(enc) + tail[:i].encode(enc) + tail[i].encode(enc)[:1]
        if bom:
            data = (b"\xef\xbb\xbf" if enc.startswith("utf") else b"") + data
        with open(os.path.join(self.root, "inbox", kind, fn), "wb") as f:
            f.write(data)
        info = dict(kind=kind, encoding=enc, bom=bom, rows=sum(1 for _ in rows), truncated=truncate, crlf=crlf, quote_all=quote_all)
        info.update(extra_info or {})
        self.files[fn] = info

    def ec_row(self, o, plat, fdate):
        r = self.r
        a = o["acct"]
        delivered = o["sign"] is not None and o["sign"].date() < fdate and o["sign"] < dt.datetime.combine(fdate, dt.time())
        bound = mask_phone(o["bound"]) if a["mask_phone"] else o["bound"]
        amt = "%.2f" % o["amount"]
        if plat == "gancheng" and r.random() < 0.5:
            amt = ("%.2f" % o["amount"]).rstrip("0").rstrip(".")
        oid = o["oid"]
        cells = {"订单编号": oid, "买家ID": a["id"], "实名姓名": a["name"], "实名证件号": a["idn"], "绑定手机": bound,
                 "收货人": o["rname"], "收货手机": o["rphone"], "收货地址": o["text"], "下单时间": fmt_t(o["t"]),
                 "签收时间": fmt_t(o["sign"]) if delivered else "", "实付金额": amt, "商品类目": o["category"]}
        door = delivered and o["kind"] in ("home", "work", "other")
        rec = blank_rec(source="ecommerce", platform=plat, record_key="ec:%s:%s" % (plat, oid), holder=o["holder"],
                        recipient=o["recipient"], dest_kind=o["kind"], dest_canonical=canon(o["place"]) if o["place"] else None,
                        delivered=delivered, door=door, category=o["category"], amount=o["amount"], ordered_at=o["t"], order_id=oid,
                        name_form=o["form"], raw_address=o["text"])
        return cells, rec

    def ecommerce(self, dirt):
        r = self.r
        by_plat = {}
        for o in self.g.orders:
            by_plat.setdefault(o["plat"], []).append(o)
        pref = {"bashu": "BS", "gancheng": "GC", "feiyou": "FY"}
        for plat in ("bashu", "gancheng", "feiyou"):
            os_ = sorted(by_plat.get(plat, []), key=lambda o: (o["t"], o["holder"]))
            for i, o in enumerate(os_):
                o["oid"] = "%s%s%06d" % (pref[plat], o["t"].strftime("%y%m"), i + 1) if plat != "gancheng" else "%d" % (880000000 + i * 13)
            dates = SCHED[plat]
            files = {d: [] for d in dates}
            for o in os_:
                fd = file_for(dates, o["t"])
                if fd:
                    files[fd].append(o)
            cols = EC_COLS if plat != "gancheng" else ["下单时间", "订单编号", "收货人", "收货手机", "收货地址", "签收时间", "实付金额",
                                                       "商品类目", "买家ID", "实名姓名", "实名证件号", "绑定手机"]
            prev = None
            for fd in dates:
                fn = "%s_orders_%s.csv" % (plat, D8(fd))
                rows = []
                seen = set()
                if plat == "bashu" and prev is not None:  # re-send of the previous file's last 3 days
                    for o in files[prev]:
                        if o["t"].date() >= prev - dt.timedelta(days=3):
                            c, rec = self.ec_row(o, plat, fd)
                            rec["dup_of"] = rec["record_key"]
                            rows.append(([c[k] for k in cols], rec))
                for o in files[fd]:
                    c, rec = self.ec_row(o, plat, fd)
                    rows.append(([c[k] for k in cols], rec))
                rows.sort(key=lambda x: x[1]["ordered_at"])
                if plat == "feiyou" and fd == dt.date(2026, 12, 31):
                    # a supplementary export that came out empty: header only, no final newline
                    hfn = "feiyou_orders_20261015.csv"
                    open(os.path.join(self.root, "inbox", "ecommerce", hfn), "wb").write((",".join(cols)).encode("gb18030"))
                    self.files[hfn] = dict(kind="ecommerce", encoding="gb18030", bom=False, rows=0, truncated=False, header_only=True)
                enc, extra = "gb18030", {}
                if plat == "gancheng" and fd == dt.date(2026, 6, 30):
                    enc, extra = "utf-8", dict(wrong_encoding=True)
                    for _, rec in rows:
                        rec["ambiguous"] = True
                for x in dirt.ec_rows(plat, fd, cols, n=4 if plat != "feiyou" else 2):
                    rows.insert(r.randint(0, len(rows)), x)
                trunc = plat == "bashu" and fd == dt.date(2026, 10, 8)
                if trunc:
                    rows.append(dirt.ec_trunc_row(plat, fd, cols))
                self.write_csv("ecommerce", fn, cols, rows, enc, crlf=plat != "feiyou", quote_all=plat == "gancheng",
                               truncate=trunc, extra_info=extra)
                prev = fd
        # a browser re-download of one bashu file: byte-identical, name with "(1)"
        src = "bashu_orders_%s.csv" % D8(SCHED["bashu"][5])
        dst = src[:-4] + "(1).csv"
        shutil.copyfile(os.path.join(self.root, "inbox", "ecommerce", src), os.path.join(self.root, "inbox", "ecommerce", dst))
        self.files[dst] = dict(self.files[src], badname=True, copy_of=src)
        for x in [x for x in self.R if x["file"] == src]:
            y = dict(x, file=dst)
            if not y["dirty"]:
                y["dup_of"] = y["record_key"]
            self.R.append(y)

    # ------------------------------------------------------------ JSONL
    def social(self, dirt):
        r = self.r
        snaps = {"longmen": [dt.date(2026, 7, 8), ASOF], "kanke": [dt.date(2027, 1, 5)]}
        for plat, dates in snaps.items():
            accts = [a for a in self.g.socials if a["plat"] == plat]
            for fd in dates:
                fn = "%s_accounts_%s.jsonl" % (plat, D8(fd))
                lines = []
                for a in accts:
                    if a["created"] >= fd or (plat == "longmen" and fd != ASOF and r.random() < 0.25):
                        continue
                    ev = [e for e in a["events"] if e[1].date() < fd]
                    o = self.soc_obj(a, ev, plat, fd)
                    rec = blank_rec(source="social", platform=plat, record_key="so:%s:%s" % (plat, a["uid"]), holder=a["holder"])
                    lines.append((o, rec))
                for x in dirt.soc_lines(plat, fd):
                    lines.insert(r.randint(1, max(1, len(lines))), x)
                self.write_jsonl(fn, plat, fd, lines, dirt)

    def soc_obj(self, a, ev, plat, fd):
        r = self.r
        last_t = ev[-1][1] if ev else dt.datetime.combine(a["created"], dt.time(12))
        ph = a["phone_at"](last_t)
        o = {"uid": a["uid"], "nickname": a["nickname"], "real_name": a["real_name"], "id_no": a["id_no"],
             "phone": mask_phone(ph) if a["phone_masked"] else ph, "profile_region": a["region"]}
        logins, posts = [], []
        for kind, t, x in ev:
            if plat == "longmen":
                ts = (t - dt.timedelta(hours=8)).strftime("%Y-%m-%dT%H:%M:%SZ")
            else:
                ts = t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03d+08:00" % r.randint(0, 999)
            if kind == "login":
                ipc = x
                if r.random() < 0.3 and "省" in ipc:
                    ipc = ipc.split("省")[1] if r.random() < 0.5 else ipc.split("省")[0] + "省"
                logins.append({"ts": ts, "ip": "%d.%d.%d.%d" % (r.choice([110, 118, 171, 182, 117, 222]), r.randint(0, 255), r.randint(0, 255), r.randint(1, 254)),
                               "ip_region": ipc})
            else:
                if x is None:
                    lm = G.LANDMARK[self.W.by[a["holder"]]["city"]]
                    poi, ad = r.choice(lm)
                else:
                    poi = x.get("est") or x.get("market") or x.get("tower") or x.get("park") or x.get("name") or (x.get("village", "") + "村")
                    poi = wchoice(self.r, [(poi, 3), (G.D[x["dk"]]["written"][0][0] + poi, 2)]) if x["kind"] != "hukou" else poi
                    ad = address_text(r, x) if r.random() < 0.6 else None
                p = {"ts": ts, "poi": poi}
                if ad or plat == "longmen":
                    p["address"] = ad
                posts.append(p)
        o["logins"] = logins
        o["geo_posts"] = posts
        if plat == "kanke":
            o = {k: v for k, v in o.items() if v is not None}
        return o

    def write_jsonl(self, fn, plat, fd, lines, dirt):
        r = self.r
        crlf = plat == "longmen"
        out = []
        for i, (o, rec) in enumerate(lines):
            if isinstance(o, str):
                s = o
            elif plat == "kanke":
                s = json.dumps(o, ensure_ascii=True, separators=(",", ":"))
            else:
                s = json.dumps(o, ensure_ascii=False)
            out.append((s, rec))
        # truncated last line in the longmen 20270108 snapshot
        trunc = plat == "longmen" and fd == ASOF
        if trunc:
            o, rec = dirt.soc_trunc(plat)
            s = json.dumps(o, ensure_ascii=False)
            out.append((s[: len(s) // 2], rec))
        nl = "\r\n" if crlf else "\n"
        text = ""
        parts = []
        for i, (s, rec) in enumerate(out):
            rec["file"], rec["line"] = fn, i + 1
            self.R.append(rec)
            parts.append(s + ("" if (trunc and i == len(out) - 1) else nl))
        text = "".join(parts)
        data = text.encode("utf-8")
        bom = plat == "kanke"
        if bom:
            data = b"\xef\xbb\xbf" + data
            first = [x for x in self.R if x["file"] == fn and x["line"] == 1]
            for x in first:
                if not x["dirty"]:
                    x["ambiguous"] = True
        open(os.path.join(self.root, "inbox", "social", fn), "wb").write(data)
        self.files[fn] = dict(kind="social", encoding="utf-8", bom=bom, rows=len(out), truncated=trunc, crlf=crlf,
                              ascii_escaped=plat == "kanke")

    # ------------------------------------------------------------ Parquet
    def logistics(self, dirt):
        import pyarrow as pa
        import pyarrow.parquet as pq
        r = self.r
        wbs = sorted(self.g.waybills, key=lambda w: (w["pick"], w["rname"]))
        car = {}
        for w in wbs:
            car.setdefault("fengchi" if r.random() < 0.55 else "suda", []).append(w)
        for c, lst in car.items():
            for i, w in enumerate(lst):
                w["no"] = ("FC%011d" % (31000000000 + i * 17)) if c == "fengchi" else ("SD%010d" % (7700000000 + i * 9))
        for c in ("fengchi", "suda"):
            dates = SCHED[c]
            files = {d: [] for d in dates}
            for w in car.get(c, []):
                fd = file_for(dates, w["pick"])
                if fd:
                    files[fd].append(w)
            for fd in dates:
                fn = "%s_waybills_%s.parquet" % (c, D8(fd))
                path = os.path.join(self.root, "inbox", "logistics", fn)
                if c == "suda" and fd == dt.date(2026, 11, 16):
                    # the 1115 download was a gateway error page saved under the parquet name; 1116 is the real file
                    bad = "suda_waybills_20261115.parquet"
                    html = ("<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n"
                            "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")
                    open(os.path.join(self.root, "inbox", "logistics", bad), "wb").write(html.encode())
                    self.files[bad] = dict(kind="logistics", not_parquet=True, rows=0)
                rows = [(self.wb_row(w, c, fd), self.wb_rec(w, c, fd)) for w in files[fd]]
                if c == "suda" and fd == ASOF:  # re-send of 80 rows of the 0915 file
                    old = files[dt.date(2026, 9, 15)][:80]
                    for w in old:
                        rec = self.wb_rec(w, c, fd)
                        rec["dup_of"] = rec["record_key"]
                        rows.append((self.wb_row(w, c, fd), rec))
                for x in dirt.wb_rows(c, fd):
                    rows.insert(r.randint(0, len(rows)), x)
                for i, (_, rec) in enumerate(rows):
                    rec["file"], rec["line"] = fn, i + 1
                    self.R.append(rec)
                cols = {k: [x[0][k] for x in rows] for k in WB_COLS}
                if c == "fengchi":
                    def tz(v):
                        return [None if t is None else (t - dt.timedelta(hours=8)).replace(tzinfo=dt.timezone.utc) for t in v]
                    arrs = {k: pa.array(cols[k], pa.large_string()) for k in WB_COLS if k not in ("pickup_time", "sign_time")}
                    arrs["pickup_time"] = pa.array(tz(cols["pickup_time"]), pa.timestamp("ns", tz="UTC"))
                    arrs["sign_time"] = pa.array(tz(cols["sign_time"]), pa.timestamp("us", tz="UTC"))
                    t = pa.table({k: arrs[k] for k in WB_COLS})
                    pq.write_table(t, path, compression="zstd", row_group_size=4000)
                else:
                    order = ["waybill_no", "pickup_time", "receiver_name", "receiver_phone", "receiver_address", "weight_kg", "sign_time",
                             "sign_type", "sender_name", "sender_phone", "sender_address", "remark"]
                    arrs = {k: pa.array(cols[k], pa.string()) for k in WB_COLS if k not in ("pickup_time", "sign_time")}
                    arrs["pickup_time"] = pa.array(cols["pickup_time"], pa.timestamp("s"))
                    arrs["sign_time"] = pa.array(cols["sign_time"], pa.timestamp("s"))
                    arrs["weight_kg"] = pa.array([round(r.uniform(0.1, 12), 2) for _ in rows], pa.float64())
                    arrs["remark"] = pa.array([r.choice([None, None, None, "易碎", "到付", "电联"]) for _ in rows], pa.string())
                    t = pa.table({k: arrs[k] for k in order})
                    pq.write_table(t, path, compression="snappy", row_group_size=2500)
                self.files[fn] = dict(kind="logistics", rows=len(rows), tz="UTC" if c == "fengchi" else None,
                                      extra_columns=c == "suda")

    def wb_row(self, w, c, fd):
        signed = w["sign"] is not None and w["sign"] < dt.datetime.combine(fd, dt.time())
        return {"waybill_no": w["no"], "sender_name": w["sname"], "sender_phone": w["sphone"], "sender_address": w["saddr"],
                "receiver_name": w["rname"], "receiver_phone": w["rphone"], "receiver_address": w["raddr"],
                "pickup_time": w["pick"], "sign_time": w["sign"] if signed else None, "sign_type": w["sign_type"] if signed else None}

    def wb_rec(self, w, c, fd):
        signed = w["sign"] is not None and w["sign"] < dt.datetime.combine(fd, dt.time())
        door = signed and w["sign_type"] in ("本人签收", "家人代签") and w["kind"] in ("home", "work", "other")
        return blank_rec(source="logistics", platform=c, record_key="wb:%s:%s" % (c, w["no"]), receiver=w["receiver"], sender=w["sender"],
                         dest_kind=w["kind"], dest_canonical=canon(w["place"]), delivered=signed, door=door, name_form=w["form"],
                         sender_kind=w["sender_kind"], sender_canonical=canon(w["sender_place"]), raw_address=w["raddr"])

    # ------------------------------------------------------------ rosters
    def roster_row(self, c, who, status=None, x_lower=False, commas=False):
        r = self.r
        p = self.W.by[c["pid"]]
        person = p["kind"] == "person"
        idn = p["id_number"]
        if x_lower and person and idn.endswith("X"):
            idn = idn[:-1] + "x"
        phones = list(p["roster_phones"]) if person else ([self.W.phone()] if r.random() < 0.4 else [])
        sep = r.choice([";", "；", "、", ",", "; "])
        amt = c["amount"]
        amt_s = "{:,.2f}".format(amt) if (commas or r.random() < 0.3) else ("%.2f" % amt if r.random() < 0.7 else "%d" % round(amt))
        hk = hukou_text(r, p["hukou_home"]) if person and p["hukou_home"] and r.random() < 0.92 else ""
        return {"案号": c["case_no"], "执行法院": c["court"], "承办人": c["judge"], "被执行人": p["name"],
                "证件类型": "居民身份证" if person else "统一社会信用代码", "证件号码": idn, "联系电话": sep.join(phones),
                "户籍地址": hk, "执行标的": amt_s, "立案日期": c["filing"].isoformat(), "限制消费": "是" if c["restrict"] else "否",
                "失信": "是" if c["blacklist"] else "否", "案件状态": status or c["status"]}

    def roster(self, cases, dirt):
        r = self.r
        for ro in ("chuanfy", "qinfy", "jjfy"):
            cs = [c for c in cases if c["roster"] == ro]
            cols = RO_COLS if ro != "qinfy" else ["案号", "被执行人", "证件类型", "证件号码", "执行标的", "立案日期", "案件状态", "限制消费",
                                                  "失信", "执行法院", "承办人", "联系电话", "户籍地址"]
            rows = []
            for c in cs:
                d = self.roster_row(c, None, x_lower=(ro == "qinfy" and r.random() < 0.5), commas=(ro == "qinfy"))
                rows.append(([d[k] for k in cols], blank_rec(source="debtors", platform=ro, record_key="ro:" + c["case_no"], holder=c["pid"])))
            if ro == "jjfy":
                for x in dirt.roster_rows(cols):
                    rows.insert(r.randint(0, len(rows)), x)
            fn = "%s_roster_%s.csv" % (ro, D8(ASOF))
            self.write_csv("debtors", fn, cols, rows, "utf-8", bom=(ro == "chuanfy"), crlf=(ro != "qinfy"), quote_all=(ro == "jjfy"))
            if ro == "jjfy":
                # older roster: cases filed after 2026-12-25 missing; today's 执行完毕 cases read 执行中 there
                old = dt.date(2026, 12, 25)
                rows2 = []
                for c in cs:
                    if c["filing"] >= old:
                        continue
                    st = "执行中" if c["status"] == "执行完毕" and r.random() < 0.6 else c["status"]
                    d = self.roster_row(c, None, status=st)
                    rows2.append(([d[k] for k in cols], blank_rec(source="debtors", platform=ro, record_key="ro:" + c["case_no"],
                                                                   holder=c["pid"], dup_of="older")))
                self.write_csv("debtors", "%s_roster_%s.csv" % (ro, D8(old)), cols, rows2, "utf-8", crlf=True, quote_all=True,
                               extra_info=dict(older=True))
        # a re-download of the chuanfy roster, byte-identical, under a "(1)" name
        src = "chuanfy_roster_%s.csv" % D8(ASOF)
        dst = "chuanfy_roster_%s(1).csv" % D8(ASOF)
        shutil.copyfile(os.path.join(self.root, "inbox", "debtors", src), os.path.join(self.root, "inbox", "debtors", dst))
        self.files[dst] = dict(self.files[src], copy_of=src)
        for x in [x for x in self.R if x["file"] == src]:
            self.R.append(dict(x, file=dst, dup_of=x["record_key"]))


# ====================================================================== dirt (only about dirt people)
class Dirt:
    def __init__(self, W, r):
        self.W, self.r = W, r
        self.i = 0

    def who(self):
        self.i += 1
        return self.W.dirt[self.i % len(self.W.dirt)]

    def base_cells(self, p, fd, plat):
        r = self.r
        t = dt.datetime.combine(fd - dt.timedelta(days=r.randint(3, 20)), dt.time(r.randint(8, 22), r.randint(0, 59)))
        return {"订单编号": "DT%s%04d" % (D8(fd), self.i * 7 + r.randint(0, 6)), "买家ID": "dirt%05d" % p["pid"], "实名姓名": p["name"],
                "实名证件号": "", "绑定手机": p["phones"][0], "收货人": p["name"], "收货手机": p["phones"][0],
                "收货地址": address_text(r, p["home"]), "下单时间": fmt_t(t), "签收时间": fmt_t(t + dt.timedelta(days=2)),
                "实付金额": "35.50", "商品类目": "家居日用"}

    def ec_rows(self, plat, fd, cols, n):
        r = self.r
        out = []
        kinds = ["missing", "extra", "badtime", "badsign", "badamt", "formula_name", "formula_addr", "dde", "long", "ctrl", "emptyid",
                 "newline", "nul"]
        for _ in range(n):
            p = self.who()
            c = self.base_cells(p, fd, plat)
            k = r.choice(kinds)
            cells = None
            if k == "badtime":
                c["下单时间"] = r.choice(["2026/02/29 10:00:00", "N/A", "2026年5月3日", "#VALUE!", "2026/13/01 08:00:00", "24:70:00", "上周三"])
            elif k == "badsign":
                c["签收时间"] = r.choice(["已签收", "0000/00/00 00:00:00", "#N/A", "2026-11-31 10:00"])
            elif k == "badamt":
                c["实付金额"] = r.choice(["35元", "3.5.0", "NULL", "#DIV/0!", "¥", "包邮", "—"])
            elif k == "formula_name":
                c["收货人"] = r.choice(['=HYPERLINK("http://x.example/a","点我")', "@SUM(A1:A9)", "+86收货", "-张三"])
            elif k == "formula_addr":
                c["收货地址"] = r.choice(["=1+2", "+成都市武侯区", "-1+1", "@地址"])
            elif k == "dde":
                c["收货人"] = "=cmd|' /C calc'!A0"
            elif k == "long":
                c["收货地址"] = c["收货地址"] + "附" * 20000
            elif k == "ctrl":
                c["收货人"] = p["name"] + "\x07\x1b"
            elif k == "nul":
                c["收货地址"] = c["收货地址"][:5] + "\x00" + c["收货地址"][5:]
            elif k == "emptyid":
                c["订单编号"] = ""
            elif k == "newline":
                c["收货地址"] = c["收货地址"][:8] + "\n" + c["收货地址"][8:]
            cells = [c[x] for x in cols]
            if k == "missing":
                cells = cells[:r.randint(3, len(cols) - 2)]
            elif k == "extra":
                cells = cells + ["备注", "多余"]
            out.append((cells, blank_rec(source="ecommerce", platform=plat, holder=p["pid"], dirty=True, dirt=k,
                                         record_key="ec:%s:%s" % (plat, c["订单编号"]) if c["订单编号"] else None, order_id=c["订单编号"] or None)))
        return out

    def ec_trunc_row(self, plat, fd, cols):
        p = self.who()
        c = self.base_cells(p, fd, plat)
        return ([c[x] for x in cols], blank_rec(source="ecommerce", platform=plat, holder=p["pid"], dirty=True, dirt="truncated"))

    def soc_lines(self, plat, fd):
        r = self.r
        out = []
        for _ in range(5):
            p = self.who()
            k = r.choice(["notjson", "pyrepr", "array", "string", "pagemark", "formula", "longnick", "badts", "ctrl", "two"])
            o = {"uid": "dirt_%d" % p["pid"], "nickname": p["name"][0] + "某", "real_name": p["name"], "phone": p["phones"][0],
                 "logins": [{"ts": "2026-10-01T10:00:00+08:00", "ip": "10.0.0.1", "ip_region": "四川省成都市"}], "geo_posts": []}
            if k == "notjson":
                line = "uid=%s, name=%s" % (o["uid"], p["name"])
            elif k == "pyrepr":
                line = repr(o)
            elif k == "array":
                line = json.dumps([o], ensure_ascii=False)
            elif k == "string":
                line = json.dumps("uid:%s" % o["uid"], ensure_ascii=False)
            elif k == "pagemark":
                line = "-------- page %d --------" % r.randint(2, 9)
            elif k == "two":
                line = json.dumps(o, ensure_ascii=False) + json.dumps(o, ensure_ascii=False)
            elif k == "ctrl":
                line = json.dumps(o, ensure_ascii=False).replace(p["name"], p["name"] + "\x01", 1)
            else:
                if k == "formula":
                    o["nickname"] = '=HYPERLINK("http://x.example")'
                elif k == "longnick":
                    o["nickname"] = "哈" * 20000
                else:
                    o["logins"][0]["ts"] = r.choice(["前天 20:00", "2026-02-30T10:00:00+08:00", "1760000000", "2026/10/01"])
                line = json.dumps(o, ensure_ascii=False)
            out.append((line, blank_rec(source="social", platform=plat, holder=p["pid"], dirty=True, dirt=k,
                                        record_key="so:%s:%s" % (plat, o["uid"]))))
        return out

    def soc_trunc(self, plat):
        p = self.who()
        o = {"uid": "dirt_%d" % p["pid"], "nickname": "xx", "real_name": p["name"], "phone": p["phones"][0], "logins": [], "geo_posts": []}
        return o, blank_rec(source="social", platform=plat, holder=p["pid"], dirty=True, dirt="truncated")

    def wb_rows(self, c, fd):
        r = self.r
        out = []
        for _ in range(4):
            p = self.who()
            k = r.choice(["nullno", "formula", "ctrl", "long", "signbefore", "y1970", "badsign"])
            pick = dt.datetime.combine(fd - dt.timedelta(days=r.randint(3, 20)), dt.time(10))
            w = {"waybill_no": "%s-D%05d" % (c.upper(), self.i), "sender_name": "某店", "sender_phone": "4001234567", "sender_address": "四川省成都市",
                 "receiver_name": p["name"], "receiver_phone": p["phones"][0], "receiver_address": address_text(r, p["home"]),
                 "pickup_time": pick, "sign_time": pick + dt.timedelta(days=1), "sign_type": "本人签收"}
            if k == "nullno":
                w["waybill_no"] = None
            elif k == "formula":
                w["receiver_name"] = "=HYPERLINK(\"http://x.example\")"
            elif k == "ctrl":
                w["receiver_address"] = w["receiver_address"][:4] + "\x00\x07" + w["receiver_address"][4:]
            elif k == "long":
                w["receiver_address"] = w["receiver_address"] + "号" * 20000
            elif k == "signbefore":
                w["sign_time"] = pick - dt.timedelta(days=3)
            elif k == "y1970":
                w["pickup_time"] = dt.datetime(1970, 1, 1, 8)
            else:
                w["sign_type"] = r.choice(["已妥投", "退回", "放门口", "代收点"])
            out.append((w, blank_rec(source="logistics", platform=c, receiver=p["pid"], dirty=True, dirt=k,
                                     record_key="wb:%s:%s" % (c, w["waybill_no"]) if w["waybill_no"] else None)))
        return out

    def roster_rows(self, cols):
        r = self.r
        out = []
        for k in ("baddate", "badamt", "badcheck", "missing"):
            p = self.who()
            d = {"案号": "(2026)赣0403执%d号" % (9000 + self.i), "执行法院": "九江市浔阳区人民法院", "承办人": "胡敏", "被执行人": p["name"],
                 "证件类型": "居民身份证", "证件号码": p["id_number"], "联系电话": p["phones"][0], "户籍地址": "", "执行标的": "12000.00",
                 "立案日期": "2026-03-12", "限制消费": "是", "失信": "否", "案件状态": "执行中"}
            if k == "baddate":
                d["立案日期"] = "2026.03.12"
            elif k == "badamt":
                d["执行标的"] = "约1.2万"
            elif k == "badcheck":
                last = d["证件号码"][-1]
                d["证件号码"] = d["证件号码"][:-1] + ("0" if last != "0" else "1")
            cells = [d[x] for x in cols]
            if k == "missing":
                cells = cells[:6]
            out.append((cells, blank_rec(source="debtors", platform="jjfy", holder=p["pid"], dirty=True, dirt=k, record_key="ro:" + d["案号"])))
        return out


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
    pl.DataFrame(cases, schema=dict(case_no=pl.String, court=pl.String, pid=pl.Int64, id_number=pl.String, name=pl.String, kind=pl.String,
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
                        home_district=G.D[p["home"]["dk"]]["name"] if person and p.get("home") and p["home"]["kind"] != "hukou" else None))
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
    geo = Geo(random.Random(a.seed * 7919 + 13))
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
        if p["kind"] == "person" and p["present"] and p["role"] not in ("dirt", "parent") and r.random() < 0.05:
            g.near_miss(p)
        if p["kind"] == "person" and p["role"] in ("stranger", "namesake", "neighbour") and r.random() < 0.03:
            a_ = g.account(p, "feiyou")
            t = rtime(r, rand_date(r, START, ASOF - dt.timedelta(days=1)), "home")
            g.order(a_, p, p, "virtual", None, t, category=r.choice(G.RESTRICTED_TRAVEL), amount=round(r.uniform(300, 3000), 2), virtual=True)
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
