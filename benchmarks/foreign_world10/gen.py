#!/usr/bin/env python
"""foreign10: a tenth independent synthetic inbox for `locate`, written from shared/specs/inputs.md only.

    nice -n 19 python gen.py --out DIR --seed N --debtors K

Writes DIR/inbox/{debtors,ecommerce,social,logistics}/ and DIR/truth/. The output depends only on the seed.
Everyone in it is invented; county codes are real GB/T 2260 codes (some abolished, as on old ID cards).
"""
import argparse, csv, datetime as dt, io, json, math, os, random, shutil, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import geo10 as G  # noqa: E402

ASOF = dt.date(2026, 12, 10)
START = dt.date(2025, 12, 11)
ASOF_DT = dt.datetime(2026, 12, 10, 2, 0)
EC_COLS = ["订单编号", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人", "收货手机", "收货地址", "下单时间", "签收时间", "实付金额", "商品类目"]
RO_COLS = ["案号", "执行法院", "承办人", "被执行人", "证件类型", "证件号码", "联系电话", "户籍地址", "执行标的", "立案日期", "限制消费", "失信", "案件状态"]
WB_COLS = ["waybill_no", "sender_name", "sender_phone", "sender_address", "receiver_name", "receiver_phone", "receiver_address",
           "pickup_time", "sign_time", "sign_type"]
RESTRICTED = G.RESTRICTED
_S2T = None


# ---------------------------------------------------------------------------------------------------------- checks
def id_check(body17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(c) * k for c, k in zip(body17, w)) % 11]


CC_AL = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(r, county, kind="1"):
    body = "".join(r.choice("0123456789") for _ in range(8))
    c9 = 11 - sum(int(c) * w for c, w in zip(body, [3, 7, 9, 10, 5, 8, 4, 2])) % 11
    org = body + ("X" if c9 == 10 else "0" if c9 == 11 else str(c9))
    s = "9" + kind + county + org
    t = 31 - sum(CC_AL.index(c) * w for c, w in zip(s, CC_W)) % 31
    return s + CC_AL[0 if t == 31 else t]


def wchoice(r, opts):
    tot = sum(w for _, w in opts)
    x = r.random() * tot
    for v, w in opts:
        x -= w
        if x < 0:
            return v
    return opts[-1][0]


CN = "零一二三四五六七八九"


def cnum(n):
    if n < 10:
        return CN[n]
    if n < 20:
        return "十" + (CN[n % 10] if n % 10 else "")
    if n < 100:
        return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")
    return str(n)


def fw(s):
    return s.translate(str.maketrans("0123456789-#", "０１２３４５６７８９－＃"))


def s2t(s):
    global _S2T
    if _S2T is None:
        import opencc
        _S2T = opencc.OpenCC("s2t")
    return _S2T.convert(s)


_PY = {}


def pinyin_of(s):
    if s not in _PY:
        from pypinyin import lazy_pinyin
        _PY[s] = lazy_pinyin(s)
    return _PY[s]


# ---------------------------------------------------------------------------------------------------------- places
def dprefix(d):
    return d["prov"] + d["city"] + d["name"]


def canon(pl):
    if pl is None:
        return None
    k = pl["kind"]
    if k == "hhouse":
        h = G.HUKOU[pl["code"]]
        return h[0] + h[1] + h[2] + pl["town"] + pl["village"] + pl["nat"] + "%d号" % pl["no"]
    d = G.D[pl["dk"]]
    pre = dprefix(d)
    if k == "flat":
        return pre + "%s%d号%s%d幢%s%d室" % (pl["road"], pl["no"], pl["estate"], pl["bld"], ("%d单元" % pl["unit"]) if pl["unit"] else "", pl["room"])
    if k == "house":
        return pre + pl["town"] + pl["village"] + pl["nat"] + "%d号" % pl["hno"]
    if k == "lane":
        return pre + pl["road"] + pl["lane"] + "%d号" % pl["hno"]
    if k == "stall":
        return pre + "%s%d号%s%d楼%s区%d号" % (pl["road"], pl["no"], pl["market"], pl["floor"], pl["area"], pl["num"])
    if k == "office":
        return pre + "%s%d号%s%d室" % (pl["road"], pl["no"], pl["tower"], pl["room"])
    if k == "factory":
        return pre + (pl["town"] or "") + "%s%d号%s" % (pl["road"], pl["no"], pl["company"])
    if k == "shop":
        return pre + "%s%d号%s" % (pl["road"], pl["no"], pl["shop"])
    if k == "pickup":
        b = pl["base"]
        if b["kind"] == "house":
            return pre + b["town"] + b["village"] + pl["brand"]
        if b["kind"] == "lane":
            return pre + b["road"] + pl["brand"]
        return pre + "%s%d号%s%s" % (b["road"], b["no"], b["estate"], pl["brand"])
    raise ValueError(k)


class Geo:
    """Estates, villages and workplaces of the world, and the ways people write them."""

    def __init__(self, r):
        self.r = r
        self.est = {}
        for dk, d in G.D.items():
            for i, e in enumerate(d["estates"]):
                road = d["roads"][i % len(d["roads"])]
                st = d["style"]
                tower = st == "fj" and r.random() < 0.45
                walkup = st in ("hb", "ts") and r.random() < 0.7
                self.est[(dk, e)] = dict(road=road, no=r.randint(3, 499), unit=not tower, nb=r.randint(6, 30),
                                         floors=r.randint(5, 7) if walkup else r.randint(11, 33), doors=2 if walkup else r.randint(2, 4),
                                         units=r.randint(2, 4) if walkup else r.randint(1, 3), lockers=r.sample(G.LOCKERS, 2),
                                         alias=self._alias_for(d, i), quoted=r.random() < 0.08, comma=r.random() < 0.1)
        self.works = {}          # city -> list of workplace places
        self._build_work()

    def _alias_for(self, d, i):
        if not d["alias"]:
            return None
        if d["key"] == "lianchi":
            return d["alias"][i % 2]
        if d["key"] == "zhanggong":   # 章江新区 only for estates on the new-town roads
            return d["alias"][0] if d["roads"][i % len(d["roads"])] in ("章江南大道", "长征大道", "赣江源大道") else None
        if d["key"] == "xixiangtang":
            return d["alias"][0] if d["roads"][i % len(d["roads"])] in ("科园大道", "高新大道") else None
        if d["key"] == "lingui":
            return d["alias"][i % 2]
        return d["alias"][0]

    def _build_work(self):
        r = self.r
        for dk, mk, road, no in G.MARKETS:
            d = G.D[dk]
            for j in range(40):
                pl = dict(kind="stall", dk=dk, market=mk, road=road, no=no, floor=r.randint(1, 4), area=r.choice("ABCDE"), num=r.randint(101, 399))
                pl["shopname"] = r.choice(G.FIRM_WORDS) + r.choice(["服饰", "鞋业", "商行", "家具", "百货", "布行"])
                self.works.setdefault(d["city"], []).append(pl)
        for dk, towers in G.TOWERS.items():
            d = G.D[dk]
            for t in towers:
                road, no = r.choice(d["roads"]), r.randint(1, 399)
                for j in range(10):
                    fl = r.randint(3, 32)
                    pl = dict(kind="office", dk=dk, tower=t, road=road, no=no, room=fl * 100 + r.randint(1, 20))
                    pl["company"] = d["city_s"] + r.choice(G.FIRM_WORDS) + r.choice(["科技", "贸易", "文化传媒", "投资咨询", "电子商务"]) + "有限公司"
                    self.works.setdefault(d["city"], []).append(pl)
        for dk, lst in G.FACTORY_TOWNS.items():
            d = G.D[dk]
            for town, ind in lst:
                for j in range(8):
                    pl = dict(kind="factory", dk=dk, town=town, road=r.choice(G.FACTORY_ROADS[town]), no=r.randint(1, 299))
                    pl["company"] = (d["short"] or d["city_s"]) + r.choice(G.FIRM_WORDS) + ind + "有限公司"
                    self.works.setdefault(d["city"], []).append(pl)
        for dk, kinds in G.SHOP_DISTRICTS.items():
            d = G.D[dk]
            for j in range(10):
                road = r.choice(d["roads"])
                pl = dict(kind="shop", dk=dk, road=road, no=r.randint(1, 260), shop=r.choice(G.FIRM_WORDS[:10]) + r.choice(kinds))
                self.works.setdefault(d["city"], []).append(pl)
        for c, lst in self.works.items():
            for pl in lst:
                pl["landline"] = None
                if r.random() < 0.7:
                    ac, n = G.D[pl["dk"]]["area"]
                    pl["landline"] = ac + "-" + str(r.randint(2, 8)) + "".join(r.choice("0123456789") for _ in range(n - 1))

    # -------------------------------------------------------------------------------------------------- homes
    def flat(self, dk, estate=None, bld=None):
        r = self.r
        d = G.D[dk]
        estate = estate or r.choice(d["estates"])
        e = self.est[(dk, estate)]
        fl, door = r.randint(1, e["floors"]), r.randint(1, e["doors"])
        return dict(kind="flat", dk=dk, road=e["road"], no=e["no"], estate=estate, bld=bld or r.randint(1, e["nb"]),
                    unit=r.randint(1, e["units"]) if e["unit"] else None, room=fl * 100 + door)

    def house(self, dk, town=None, village=None):
        r = self.r
        d = G.D[dk]
        if d["key"] == "licheng":
            road, lanes = r.choice(d["towns"]["__lanes__"])
            return dict(kind="lane", dk=dk, road=road, lane=r.choice(lanes), hno=r.randint(1, 88))
        town = town or r.choice(sorted(d["towns"]))
        village, nats = r.choice(d["towns"][town]) if village is None else next(v for v in d["towns"][town] if v[0] == village)
        return dict(kind="house", dk=dk, town=town, village=village, nat=r.choice(nats), hno=r.randint(1, 160))

    def home_in(self, dk):
        d = G.D[dk]
        r = self.r
        if d["towns"] and (d["rural"] and r.random() < 0.75 or r.random() < (0.3 if d["key"] == "licheng" else 0.22)):
            return self.house(dk)
        return self.flat(dk)

    def hhouse(self, code):
        r = self.r
        h = G.HUKOU[code]
        town = r.choice(sorted(h[3]))
        village, nat = r.choice(h[3][town])
        return dict(kind="hhouse", code=code, town=town, village=village, nat=nat, no=r.randint(1, 120))

    def pickup_for(self, home):
        r = self.r
        if home["kind"] == "flat":
            e = self.est[(home["dk"], home["estate"])]
            return dict(kind="pickup", dk=home["dk"], base=home, brand=e["lockers"][0])
        if home["kind"] == "house":
            return dict(kind="pickup", dk=home["dk"], base=home, brand="村委会快递代收点")
        if home["kind"] == "lane":
            return dict(kind="pickup", dk=home["dk"], base=home, brand="菜鸟驿站")
        return None

    # -------------------------------------------------------------------------------------------------- writing
    def prefix(self, d, alias=None, no_street=False):
        r = self.r
        P, C, Cs = d["prov"], d["city"], d["city_s"]
        if alias:
            if alias == "南宁高新区":
                return wchoice(r, [("南宁高新区", 3), ("广西南宁高新区", 1), ("南宁市高新区", 2), (P + "南宁市高新区", 1)])
            opts = [(P + C + alias, 3), (C + alias, 4), (Cs + alias, 1)]
            if alias in ("章江新区", "南康市", "红谷滩新区", "五象新区", "临桂县", "临桂新区", "赣县", "武鸣县"):
                opts.append((alias, 3))
            if alias[-1] in "市县":
                opts.append((P + alias, 2))
            return wchoice(r, opts)
        name = d["name"]
        opts = [(P + C + name, 30), (C + name, 25), (P + " " + C + " " + name + " ", 6), (Cs + name, 5)]
        if d["short"]:
            opts += [(d["prov_s"] + Cs + d["short"], 5), (Cs + d["short"], 6)]
        if d["unique"]:
            opts.append((name, 10))
        if d["cls"]:
            opts += [(P + name, 8), (name, 10), (d["short"], 6)]
        if P == "广西壮族自治区":
            opts.append(("广西" + C + name, 8))
        pre = wchoice(r, opts)
        if d["streets"] and not no_street and r.random() < 0.15:
            pre += r.choice(d["streets"])
        return pre

    def unit_text(self, st, b, u, room):
        r = self.r
        cn = r.random() < 0.04
        B = cnum(b) if cn else str(b)
        U = (cnum(u) if cn else str(u)) if u else None
        if st == "fj":
            if not u:
                return wchoice(r, [("%s幢%d室" % (B, room), 4), ("%s#%d" % (B, room), 2), ("%s号楼%d室" % (B, room), 2), ("%s栋%d" % (B, room), 2), ("%s-%d" % (B, room), 1)])
            return wchoice(r, [("%s幢%s单元%d室" % (B, U, room), 4), ("%s-%s-%d" % (B, U, room), 2), ("%s#%s单元%d" % (B, U, room), 1), ("%s栋%s单元%d室" % (B, U, room), 2)])
        if st == "jx":
            if not u:
                return wchoice(r, [("%s栋%d室" % (B, room), 3), ("%s栋%d" % (B, room), 2)])
            return wchoice(r, [("%s栋%s单元%d室" % (B, U, room), 4), ("%s栋%s单元%d" % (B, U, room), 3), ("%s-%s-%d" % (B, U, room), 2), ("%s幢%s单元%d室" % (B, U, room), 1)])
        if st == "gx":
            if not u:
                return wchoice(r, [("%s栋%d号" % (B, room), 3), ("%s栋%d房" % (B, room), 2)])
            return wchoice(r, [("%s栋%s单元%d号" % (B, U, room), 4), ("%s栋%s单元%d号房" % (B, U, room), 2), ("%s-%s-%d" % (B, U, room), 2),
                               ("%s栋%s单元%d房" % (B, U, room), 2), ("%s栋%s单元%d室" % (B, U, room), 1)])
        if st == "hb":
            return wchoice(r, [("%s号楼%s单元%d室" % (B, U, room), 4), ("%s号楼%s单元%d" % (B, U, room), 3), ("%s号楼%s单元%04d" % (B, U, room), 2),
                               ("%s-%s-%d" % (B, U, room), 2), ("%s栋%s单元%d" % (B, U, room), 1)])
        if st == "ts":
            return wchoice(r, [("%s楼%s门%d号" % (B, U, room), 5), ("%s楼%s门%d" % (B, U, room), 2), ("%s-%s-%d" % (B, U, room), 2), ("%s号楼%s单元%d" % (B, U, room), 2)])
        raise ValueError(st)

    REMARKS = {"fj": ["（放门口就好）", "，到了打电话", "（周末送）", " 送货前请联系"], "jx": ["（放门口）", "【电话联系】", "（工作日白天家里没人）"],
               "gx": ["【到了打电话】", "（放门口鞋柜）", "，麻烦送上楼"], "hb": ["（放门口）", "（工作日放门口）", "，家里有老人请敲门"],
               "ts": ["（放门口）", "，打电话"]}

    def render(self, pl):
        """One way of writing the place, as a buyer types it into an address book."""
        r = self.r
        k = pl["kind"]
        if k == "hhouse":
            h = G.HUKOU[pl["code"]]
            pre = wchoice(r, [(h[0] + h[1] + h[2], 4), (h[1] + h[2], 3), (h[2], 2)])
            return pre + pl["town"] + pl["village"] + pl["nat"] + "%d号" % pl["no"]
        d = G.D[pl["dk"]]
        st = d["style"]
        if k == "flat":
            e = self.est[(pl["dk"], pl["estate"])]
            alias = e["alias"] if e["alias"] and r.random() < e["alias"][1] else None
            pre = self.prefix(d, alias[0] if alias else None)
            road_p = 0.5 if st in ("hb", "ts") else 0.65
            est = pl["estate"]
            if st == "hb" and not est.endswith("小区") and r.random() < 0.25:
                est += "小区"
            if e["quoted"] and r.random() < 0.5:
                est = r.choice(['"%s"' % est, "“%s”" % est])
            body = ""
            if r.random() < road_p:
                body = "%s%d号" % (pl["road"], pl["no"]) + ("," if e["comma"] and r.random() < 0.5 else "")
            body += est + self.unit_text(st, pl["bld"], pl["unit"], pl["room"])
            if r.random() < 0.03:
                body = fw(body)
            s = pre + body
            if r.random() < 0.05:
                s += r.choice(self.REMARKS[st])
            return s
        if k == "house":
            alias = d["alias"][0][0] if d["alias"] and r.random() < d["alias"][0][1] else None
            pre = self.prefix(d, alias, no_street=True) if r.random() < 0.85 else ""
            g = d["group"]
            T, V, N, H = pl["town"], pl["village"], pl["nat"], pl["hno"]
            if g == "社":
                body = wchoice(r, [(T + V + N + "%d号" % H, 5), (T + V + "%d号" % H, 2), (T[:-1] + V[:-1] + N + "%d号" % H, 2), (V + N + "%d号" % H, 2)])
            elif g == "组":
                Nn = N
                if N[0] in "一二三四五六七八九" and r.random() < 0.3:
                    Nn = str(CN.index(N[0])) + "组"
                named = N[0] not in "一二三四五六七八九"   # a natural village (下坝组) can be written without 组, a number cannot
                body = wchoice(r, [(T + V + Nn + "%d号" % H, 5), (T + V + "委会" + Nn + "%d号" % H, 2), (V + Nn[:-1] + "%d号" % H, 1 if named else 0),
                                   (T + V + Nn + cnum(H) + "号", 1)])
            elif g == "坡":
                body = wchoice(r, [(T + V + N + "%d号" % H, 5), (T + V + "委" + N + "%d号" % H, 2), (V[:-1] + N + "%d号" % H, 2), (V + N + "%d号" % H, 1)])
            else:  # 街 (河北 villages with streets)
                body = wchoice(r, [(T + V + N + "%d号" % H, 5), (V + N + "%d号" % H, 3), (T + V + N + cnum(H) + "号", 1)])
            return pre + body
        if k == "lane":
            pre = self.prefix(d) if r.random() < 0.8 else ""
            body = wchoice(r, [(pl["road"] + pl["lane"] + "%d号" % pl["hno"], 5), (pl["lane"] + "%d号" % pl["hno"], 2), (pl["road"] + pl["lane"] + cnum(pl["hno"]) + "号", 1)])
            return pre + body
        pre = self.prefix(d, no_street=True)
        if k == "stall":
            road = "%s%d号" % (pl["road"], pl["no"]) if r.random() < 0.5 else ""
            F, A, N = pl["floor"], pl["area"], pl["num"]
            body = wchoice(r, [("%d楼%s区%d号" % (F, A, N), 4), ("%dF%s%d" % (F, A, N), 2), ("%s区%d楼%d号" % (A, F, N), 1), ("%d楼%s%d" % (F, A, N), 2)])
            s = pre + road + pl["market"] + body
            if r.random() < 0.3:
                s += "（%s）" % pl["shopname"]
            return s
        if k == "office":
            road = "%s%d号" % (pl["road"], pl["no"]) if r.random() < 0.6 else ""
            fl, rm = divmod(pl["room"], 100)
            body = wchoice(r, [("%d室" % pl["room"], 4), ("%d楼%d" % (fl, pl["room"]), 2), ("%dF-%d" % (fl, pl["room"]), 1), ("%d层%d室" % (fl, pl["room"]), 2)])
            s = pre + road + pl["tower"] + body
            if r.random() < 0.3:
                s += "（%s）" % pl["company"]
            return s
        if k == "factory":
            T = pl["town"] or ""
            road = "%s%d号" % (pl["road"], pl["no"])
            return pre + wchoice(r, [(T + road + pl["company"], 4), (T + pl["company"], 2), (T + pl["company"] + "（%s）" % road, 1), (T + road + pl["company"] + "门卫室", 1)])
        if k == "shop":
            return pre + "%s%d号" % (pl["road"], pl["no"]) + (pl["shop"] if r.random() < 0.7 else "")
        if k == "pickup":
            b = pl["base"]
            br = pl["brand"]
            if b["kind"] == "house":
                return pre + wchoice(r, [(b["town"] + b["village"] + br, 3), (b["village"] + br, 2), (b["town"] + b["village"] + "菜鸟驿站", 1)])
            if b["kind"] == "lane":
                return pre + b["road"] + br + "（%s口）" % b["lane"]
            e = b["estate"]
            return pre + wchoice(r, [(e + br, 4), ("%s（%s东门）" % (br, e), 2), ("%s(%s店)" % (br, e), 2), ("%s%d号%s%s" % (b["road"], b["no"], e, br), 2)])
        raise ValueError(k)

    def render_ddm_pickup(self, home):
        """DDM's group-buy pick-up point at a shop near the home (a pick-up, not the door)."""
        r = self.r
        d = G.D[home["dk"]]
        base = home.get("estate") or home.get("village") or home.get("lane")
        shop = base[:2] + r.choice(["便利店", "生鲜店", "超市"])
        return self.prefix(d, no_street=True) + "DDM自提点（%s旁%s）" % (base, shop), dict(kind="pickup", dk=home["dk"], base=home, brand="DDM自提点")


# ---------------------------------------------------------------------------------------------------------- names
def rand_phone(r, used):
    while True:
        p = r.choice(["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "157", "158", "159",
                      "166", "173", "176", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199"]) + \
            "".join(r.choice("0123456789") for _ in range(8))
        if p not in used:
            used.add(p)
            return p


def mask_phone(p):
    return p[:3] + "****" + p[-4:]


def typed_phone(r, ph, masked_share=0.0):
    if ph is None:
        return ""
    if len(ph) != 11:
        return ph
    if r.random() < masked_share:
        return mask_phone(ph)
    return wchoice(r, [(ph, 62), ("+86" + ph, 8), ("+86 " + ph, 4), ("%s %s %s" % (ph[:3], ph[3:7], ph[7:]), 6),
                       ("%s-%s-%s" % (ph[:3], ph[3:7], ph[7:]), 6), ("+86-" + ph, 2), ("+86 %s %s %s" % (ph[:3], ph[3:7], ph[7:]), 2)])


def mask_name(full, how):
    if how == "full" or not full:
        return full
    if how == "x**":
        return full[0] + "**"
    if how == "x*y":
        return full[0] + "*" + full[-1] if len(full) >= 3 else full[0] + "*"
    if how == "x某y":
        return full[0] + "某" + full[-1] if len(full) >= 3 else full[0] + "某"
    raise ValueError(how)


def mask_id(idn, how):
    if how == "full":
        return idn
    if how == "6-4":
        return idn[:6] + "********" + idn[-4:]
    if how == "2-2":
        return idn[:2] + "**************" + idn[-2:]
    if how == "empty":
        return ""
    raise ValueError(how)


def pinyin_forms(r, p):
    sur, giv = p["sur"], p["given"]
    sp = G.SUR_PINYIN.get(sur, "".join(pinyin_of(sur)))
    gp = "".join(pinyin_of(giv))
    if p["region"] == "福建省" and sur in G.HOKKIEN and r.random() < 0.5:
        hk = G.HOKKIEN[sur]
        en = r.choice(G.EN_NAMES_M if p["gender"] == "M" else G.EN_NAMES_F)
        return wchoice(r, [("%s %s" % (en, hk), 3), ("%s %s" % (hk, gp.capitalize()), 2), ("%s %s" % (hk.upper(), gp.upper()), 1)]), "hokkien"
    return wchoice(r, [("%s %s" % (sp.capitalize(), gp.capitalize()), 3), (sp + gp, 2), ("%s %s" % (sp.upper(), gp.upper()), 1),
                       ("%s %s" % (gp.capitalize(), sp.capitalize()), 1)]), "pinyin"


def nickname(r, p):
    s, g = p["sur"], p["given"]
    m = p["gender"] == "M"
    opts = [("小" + g[-1], 3), (s + ("哥" if m else "姐"), 2), ("老" + s, 2 if m else 0.5), (g[-1] * 2, 1 if not m else 0.3)]
    if p["region"] in ("福建省", "广西壮族自治区"):
        opts.append(("阿" + g[-1], 6))
    if p["region"] == "河北省":
        opts += [(s + "工", 2), (s + "师傅", 2)]
    if p["age"] > 40:
        opts += [(s + ("总" if m else "姐"), 1), (s + "老板", 1)]
    if p["region"] == "福建省":
        opts.append((r.choice(G.EN_NAMES_M if m else G.EN_NAMES_F), 1))
    return wchoice(r, opts)


def typed_name(r, p, spouse=None, restricted=False):
    """The recipient name a buyer types for person p (p's own address-book entry)."""
    if restricted:
        return (p["name"], "full") if r.random() < 0.85 else (p["sur"] + ("先生" if p["gender"] == "M" else "女士"), "title")
    if p["name_forms"] is not None and r.random() < 0.7:
        return p["name_forms"]
    opts = [("full", 58), ("title", 9), ("x**", 4), ("nick", 8), ("pinyin", 5 if p["region"] != "福建省" else 8),
            ("trad", 4 if p["region"] != "福建省" else 7), ("spouse", 5 if spouse else 0), ("homophone", 6 if p["sur"] in G.SUR_HOMOPHONE else 0),
            ("made_up", 2)]
    f = wchoice(r, opts)
    if f == "full":
        v = p["name"]
    elif f == "title":
        v = p["sur"] + ("先生" if p["gender"] == "M" else "女士")
    elif f == "x**":
        v = p["sur"] + "**"
    elif f == "nick":
        v = nickname(r, p)
    elif f == "pinyin":
        v, f = pinyin_forms(r, p)
    elif f == "trad":
        v = s2t(p["name"])
        if v == p["name"]:
            f, v = "full", p["name"]
    elif f == "spouse":
        v = spouse["name"]
    elif f == "homophone":
        v = G.SUR_HOMOPHONE[p["sur"]] + p["given"]
    else:
        v = r.choice(["本人", "业主", "收件人", "张三", "快递"])
    return v, f


# ---------------------------------------------------------------------------------------------------------- world
def rand_date(r, a, b):
    return a + dt.timedelta(days=r.randint(0, max(0, (b - a).days)))


class World:
    def __init__(self, seed, n):
        self.rng = random.Random(seed)
        self.seed = seed
        self.n = n
        self.people = []
        self.by = {}
        self.debtors = []
        self.used_phones = set()
        self.used_ids = set()

    def add(self, p):
        p["pid"] = len(self.people) + 1
        self.people.append(p)
        self.by[p["pid"]] = p
        return p


def make_id(W, code, birth, gender):
    r = W.rng
    while True:
        seq = r.randint(0, 99) * 10 + (r.choice([1, 3, 5, 7, 9]) if gender == "M" else r.choice([0, 2, 4, 6, 8]))
        body = code + birth.strftime("%Y%m%d") + "%03d" % seq
        idn = body + id_check(body)
        if idn not in W.used_ids:
            W.used_ids.add(idn)
            return idn


def pick_surname(r, region):
    return wchoice(r, G.SUR[region])


def pick_given(r, region, gender):
    if r.random() < 0.3:
        c = [g for g in G.GIVEN_COMMON[region]]
        return r.choice(c)
    pool = G.GIVEN_M if gender == "M" else G.GIVEN_F
    if r.random() < 0.22:
        return r.choice(pool)
    return r.choice(pool) + r.choice(pool + G.GIVEN_M[:10])


def new_person(W, role, dk, gender=None, age=None, sur=None, given=None, code=None, region=None):
    r = W.rng
    d = G.D[dk]
    gender = gender or r.choice("MF")
    age = age if age is not None else r.randint(22, 66)
    birth = dt.date(ASOF.year - age, 1, 1) + dt.timedelta(days=r.randint(0, 364))
    if code is None:
        x = r.random()
        if x < 0.36:
            code = r.choice(G.MIGRANT_FROM[d["prov"]])
        elif x < 0.86:
            code = d["native"]
        else:
            code = G.D[r.choice([k for k, v in G.D.items() if v["prov"] == d["prov"]])]["native"]
    if region is None:
        region = G.HUKOU[code][0] if code in G.HUKOU else d["prov"]
    sur = sur or pick_surname(r, region)
    given = given or pick_given(r, region, gender)
    p = dict(role=role, kind="person", gender=gender, age=age, birth=birth, sur=sur, given=given, name=sur + given, region=region,
             native_code=code, id_number=make_id(W, code, birth, gender), dk=dk, home=None, old_home=None, move_date=None,
             hukou_home=None, work=None, old_work=None, job_change=None, landline=None, phones=[rand_phone(r, W.used_phones)],
             old_phone=None, phone_change=None, phone_from=None, spouse=None, parents=[], children=[], namesake_of=None,
             roster_phones=[], accounts={}, present=True, flags=[], household=None, name_forms=None, pickup_share=0.2, others_share=0.06)
    return W.add(p)


def phone_at(p, t):
    """The person's main mobile at time t (a date or datetime)."""
    d = t.date() if isinstance(t, dt.datetime) else t
    if p["old_phone"] and p["phone_change"] and d < p["phone_change"]:
        return p["old_phone"]
    return p["phones"][0]


def home_at(p, t):
    d = t.date() if isinstance(t, dt.datetime) else t
    if p["old_home"] is not None and p["move_date"] and d < p["move_date"]:
        return p["old_home"]
    return p["home"]


def work_at(p, t):
    d = t.date() if isinstance(t, dt.datetime) else t
    if p["old_work"] is not None and p["job_change"] and d < p["job_change"]:
        return p["old_work"]
    return p["work"]


def build_world(W, geo):
    r = W.rng
    dks = list(G.CITY_WEIGHT)
    dw = [(k, G.CITY_WEIGHT[k]) for k in dks]
    n_org = int(round(W.n * 0.08))
    n_person = W.n - n_org
    hh = 0
    # ---- person debtors with their households
    while len([p for p in W.debtors if p["kind"] == "person"]) < n_person:
        dk = wchoice(r, dw)
        p = new_person(W, "debtor", dk, age=r.randint(25, 64))
        hh += 1
        p["household"] = hh
        W.debtors.append(p)
        p["home"] = geo.home_in(dk)
        _household(W, geo, p, hh)
        if p["spouse"] and r.random() < 0.045 and len([q for q in W.debtors if q["kind"] == "person"]) < n_person:
            s = W.by[p["spouse"]]
            s["role"] = "debtor"
            s["flags"].append("co_debtor_spouse")
            p["flags"].append("co_debtor_spouse")
            W.debtors.append(s)
    # ---- organisations
    for i in range(n_org):
        dk = wchoice(r, dw)
        d = G.D[dk]
        if r.random() < 0.35:   # 个体工商户 named after its owner
            owner = pick_surname(r, d["prov"]) + pick_given(r, d["prov"], "M")
            lst = G.FACTORY_TOWNS.get(dk)
            town = lst[0][0] if lst and lst[0][0] else ""
            name = (d["name"] if d["cls"] else d["city"] + d["name"]) + town + owner + r.choice(["鞋材店", "五金店", "服装店", "家具厂", "小吃店"])
            cc = credit_code(r, d["code"], "2")
        else:
            name = d["city"] + r.choice(G.FIRM_WORDS) + r.choice(G.FIRM_WORDS) + r.choice(["鞋业", "服饰", "建材", "科技", "贸易", "房地产开发", "家具", "食品"]) + "有限公司"
            cc = credit_code(r, d["code"], "1")
        ws = geo.works.get(d["city"]) or []
        addr = r.choice(ws) if ws else geo.flat(dk)
        ac, nd = d["area"]
        o = dict(role="debtor", kind="organisation", name=name, id_number=cc, dk=dk, home=None, work=None, phones=[],
                 landline=ac + "-" + str(r.randint(2, 8)) + "".join(r.choice("0123456789") for _ in range(nd - 1)), present=True,
                 flags=[], accounts={}, address_place=addr, roster_phones=[], region=d["prov"])
        W.add(o)
        W.debtors.append(o)
    persons = [p for p in W.debtors if p["kind"] == "person"]
    # ---- life events of debtors
    for p in persons:
        if r.random() < 0.12:
            p["present"] = False
            p["flags"].append("absent_by_design")
    # spouse's account
    for p in persons:
        if p["present"] and p["spouse"] and W.by[p["spouse"]]["present"] and r.random() < 0.2:
            p["flags"].append("uses_spouse_account")
    # namesakes (strangers with the same name, mostly in the same city)
    for p in persons:
        if r.random() < 0.2:
            x = r.random()
            d = G.D[p["dk"]]
            if x < 0.7:
                same_city = [k for k, v in G.D.items() if v["city"] == d["city"]]
                dk2 = p["dk"] if r.random() < 0.4 else r.choice(same_city)
            else:
                dk2 = wchoice(r, dw)
            code = p["native_code"] if (dk2 == p["dk"] and r.random() < 0.6) else None
            q = new_person(W, "namesake", dk2, gender=p["gender"], age=max(20, p["age"] + r.randint(-6, 6)), sur=p["sur"], given=p["given"],
                           code=code, region=p["region"])
            hh += 1
            q["household"] = hh
            if dk2 == p["dk"] and p["home"]["kind"] == "flat" and r.random() < 0.25:
                q["home"] = geo.flat(dk2, estate=p["home"]["estate"])
                q["flags"].append("same_estate_namesake")
            else:
                q["home"] = geo.home_in(dk2)
            q["namesake_of"] = p["pid"]
            p["flags"].append("has_namesake")
            _household(W, geo, q, hh, light=True)
    # neighbours and ordinary households (non-debtors), colleagues
    for p in persons:
        if r.random() < 0.28 and p["home"]["kind"] in ("flat", "house", "lane"):
            hp = p["home"]
            q = new_person(W, "neighbour", hp["dk"])
            hh += 1
            q["household"] = hh
            if hp["kind"] == "flat":
                q["home"] = geo.flat(hp["dk"], estate=hp["estate"], bld=hp["bld"] if r.random() < 0.4 else None)
            elif hp["kind"] == "house":
                q["home"] = geo.house(hp["dk"], town=hp["town"], village=hp["village"])
            else:
                q["home"] = geo.house(hp["dk"])
            _household(W, geo, q, hh, light=True)
    workers = [p for p in W.people if p["kind"] == "person" and p["role"] != "dirt"]
    for p in workers:
        if p["home"] is None or p["home"]["kind"] == "hhouse":
            continue
        if 22 <= p["age"] <= 60 and r.random() < (0.62 if p["role"] == "debtor" else 0.45):
            ws = geo.works.get(G.D[p["home"]["dk"]]["city"])
            if ws:
                p["work"] = r.choice(ws)
                p["landline"] = p["work"].get("landline")
    for p in persons:
        if p["work"] is not None and r.random() < 0.5:
            q = new_person(W, "colleague", p["work"]["dk"])
            hh += 1
            q["household"] = hh
            q["home"] = geo.home_in(q["dk"])
            q["work"] = p["work"]
            _household(W, geo, q, hh, light=True)
    for i in range(int(W.n * 0.6)):
        q = new_person(W, "stranger", wchoice(r, dw))
        hh += 1
        q["household"] = hh
        q["home"] = geo.home_in(q["dk"])
        ws = geo.works.get(G.D[q["dk"]]["city"])
        if ws and r.random() < 0.4:
            q["work"] = r.choice(ws)
    # moves, job changes, phone changes
    for p in W.people:
        if p["kind"] != "person" or p["home"] is None:
            continue
        if p.get("_moved_with") or p["home"]["kind"] == "hhouse":
            continue
        if r.random() < 0.25:
            x = r.random()
            md = rand_date(r, ASOF - dt.timedelta(days=60), ASOF - dt.timedelta(days=5)) if x < 0.3 else rand_date(r, START + dt.timedelta(days=20), ASOF - dt.timedelta(days=61))
            old = p["home"]
            city = G.D[old["dk"]]["city"]
            cand = [k for k, v in G.D.items() if v["city"] == city] if r.random() < 0.75 else list(G.CITY_WEIGHT)
            new = geo.home_in(r.choice(cand))
            for q in _members(W, p):
                if q["home"] is old or q["home"] == old:
                    q["old_home"], q["home"], q["move_date"] = old, new, md
                    q["_moved_with"] = True
                    q["flags"].append("recent_move" if x < 0.3 else "moved")
        if p["work"] is not None and r.random() < 0.15:
            ws = geo.works.get(G.D[p["work"]["dk"]]["city"])
            nw = r.choice(ws)
            if nw is not p["work"]:
                p["old_work"], p["work"], p["job_change"] = p["work"], nw, rand_date(r, START + dt.timedelta(days=30), ASOF - dt.timedelta(days=30))
                p["landline"] = nw.get("landline")
                p["flags"].append("job_change")
    for p in W.people:
        if p["kind"] != "person":
            continue
        if r.random() < 0.12:
            p["phones"].append(rand_phone(r, W.used_phones))
        if r.random() < 0.30:
            x = r.random()
            p["old_phone"] = rand_phone(r, W.used_phones)
            p["phone_change"] = rand_date(r, START - dt.timedelta(days=500), START - dt.timedelta(days=1)) if x < 0.45 else \
                rand_date(r, START + dt.timedelta(days=10), ASOF - dt.timedelta(days=10))
            p["flags"].append("phone_changed")
            if p["phone_change"] < dt.date(2026, 8, 1) and r.random() < 0.35:
                q = new_person(W, "recycler", wchoice(r, dw))
                hh += 1
                q["household"] = hh
                q["home"] = geo.home_in(q["dk"])
                q["phones"] = [p["old_phone"]]
                q["phone_from"] = max(p["phone_change"] + dt.timedelta(days=r.randint(60, 150)), START - dt.timedelta(days=400))
                q["flags"].append("holds_recycled_number")
                p["flags"].append("old_number_recycled")
    # dirt people (only they appear in bad rows)
    for i in range(100):
        q = new_person(W, "dirt", wchoice(r, dw))
        q["home"] = geo.home_in(q["dk"])
        q["household"] = -1
    # ---- roster phones
    for p in persons:
        x = r.random()
        cur = list(p["phones"])
        old = [p["old_phone"]] if p["old_phone"] else []
        if x < 0.35:
            if not old:
                old = [rand_phone(r, W.used_phones)]
                p["flags"].append("roster_phone_pre_window")
            rp, p["flags"] = old, p["flags"] + ["roster_phone_stale"]
        elif x < 0.65:
            rp = cur[:1]
            p["flags"].append("roster_phone_current")
        elif x < 0.80:
            rp = old + cur[:1] if old else cur
            p["flags"].append("roster_phone_mix")
        elif x < 0.95:
            rp = []
            p["flags"].append("roster_phone_empty")
        else:
            ac, nd = G.D[p["dk"]]["area"]
            rp = [p["landline"] or (ac + "-" + str(r.randint(2, 8)) + "".join(r.choice("0123456789") for _ in range(nd - 1)))]
            p["flags"].append("roster_phone_landline")
        p["roster_phones"] = rp
    # ---- habits
    for p in W.people:
        if p["kind"] != "person":
            continue
        x = r.random()
        p["pickup_share"] = 0.7 if x < 0.14 else 0.3 if x < 0.5 else 0.08
        if p["role"] == "debtor" and r.random() < 0.08:
            p["others_share"] = 0.6
            p["flags"].append("orders_mostly_for_others")


def _members(W, p):
    if not p.get("household"):
        return [p]
    if getattr(W, "hh_index", None) is None:
        W.hh_index = {}
        for q in W.people:
            if q["kind"] == "person" and q.get("household"):
                W.hh_index.setdefault(q["household"], []).append(q)
    return W.hh_index.get(p["household"], [p])


def _household(W, geo, p, hh, light=False):
    r = W.rng
    dk = p["dk"]
    if p["age"] > 25 and r.random() < (0.6 if not light else 0.5):
        s = new_person(W, "family", dk, gender="F" if p["gender"] == "M" else "M", age=max(22, p["age"] + r.randint(-5, 4)))
        s["household"] = hh
        s["home"] = p["home"]
        s["spouse"], p["spouse"] = p["pid"], s["pid"]
    if p["age"] > 46 and r.random() < (0.25 if not light else 0.1):
        c = new_person(W, "family", dk, age=r.randint(20, p["age"] - 24), sur=p["sur"], code=p["native_code"], region=p["region"])
        c["household"] = hh
        c["home"] = p["home"]
        p["children"].append(c["pid"])
        c["parents"] = [p["pid"]]
    if not light and r.random() < 0.35 and p["age"] < 58:
        code = p["native_code"]
        if code in G.HUKOU:
            home = geo.hhouse(code)
            pdk = dk
        else:
            src = next((k for k, v in G.D.items() if v["native"] == code), dk)
            home = geo.home_in(src)
            pdk = src
        for g in ("M", "F"):
            if r.random() < 0.75:
                q = new_person(W, "family", pdk, gender=g, age=p["age"] + r.randint(22, 32), sur=p["sur"] if g == "M" else None, code=code,
                               region=p["region"])
                q["household"] = -hh
                q["home"] = home
                p["parents"].append(q["pid"])
                q["children"].append(p["pid"])
    # the hukou address as registered
    code = p["native_code"]
    if code in G.HUKOU:
        p["hukou_home"] = geo.hhouse(code)
    else:
        src = next((k for k, v in G.D.items() if v["native"] == code), dk)
        p["hukou_home"] = p["home"] if (src == dk and r.random() < 0.12) else geo.home_in(src)


# ---------------------------------------------------------------------------------------------------------- cases
JUDGE_SUR = "陈林黄王张李刘赵杨吴周徐孙马朱胡郭何高罗郑梁谢宋唐韦覃钟曾"
JUDGE_GIV = ["建华", "丽萍", "志刚", "海燕", "文斌", "晓东", "秀梅", "国强", "雅琴", "永明", "春燕", "立新"]


def build_cases(W):
    r = W.rng
    court_of = {}
    for c in G.COURTS:
        for dk in c[3]:
            court_of[dk] = c
    judges = {c[0]: [r.choice(JUDGE_SUR) + r.choice(JUDGE_GIV) for _ in range(4)] for c in G.COURTS}
    seqs = {}
    cases = []
    done_pairs = set()

    def one(p, court, partner=None):
        year = r.choice([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2025, 2026, 2026])
        filing = dt.date(year, 1, 1) + dt.timedelta(days=r.randint(0, 364))
        if filing >= ASOF - dt.timedelta(days=8):
            filing = ASOF - dt.timedelta(days=r.randint(9, 200))
            year = filing.year
        seqs[court[1]] = seqs.get(court[1], 0) + r.randint(1, 40)
        hui = r.random() < 0.05
        cno = "(%d)%s执%s%d号" % (year, court[1], "恢" if hui else "", seqs[court[1]])
        if court[2] in ("mincourt", "gancourt") and r.random() < 0.35:   # these courts' systems write full-width brackets
            cno = cno.replace("(", "（").replace(")", "）")
        x = r.random()
        status = "执行完毕" if x < 0.15 else "执行中" if x < 0.67 else "终本"
        amount = round(math.exp(r.uniform(math.log(3000), math.log(3_000_000))), 2)
        restrict = r.random() < 0.8 if status != "执行完毕" else r.random() < 0.4
        row = dict(case_no=cno, court=court[0], court_group=court[2], judge=r.choice(judges[court[0]]), pid=p["pid"], filing=filing,
                   status=status, restrict=restrict, blacklist=r.random() < 0.45, amount=amount)
        cases.append(row)
        if partner is not None:
            cases.append(dict(row, pid=partner["pid"]))
        return row

    for p in W.debtors:
        dk = p["dk"] if p["kind"] == "organisation" else (p["home"]["dk"] if r.random() < 0.8 else p["dk"])
        home_court = court_of.get(dk) or r.choice(G.COURTS)
        n = 1 if r.random() < 0.72 else 2 if r.random() < 0.7 else 3
        for i in range(n):
            court = home_court if (i == 0 or r.random() < 0.5) else r.choice(G.COURTS)
            partner = None
            if p["kind"] == "person" and "co_debtor_spouse" in p["flags"] and i == 0:
                key = tuple(sorted((p["pid"], p["spouse"])))
                if key in done_pairs:
                    continue
                done_pairs.add(key)
                partner = W.by[p["spouse"]]
            one(p, court, partner)
    # a concluded person with no open case still stays on the roster (open = False in the truth)
    return cases


# ---------------------------------------------------------------------------------------------------------- activity
PLAT = {
    "qiangou": dict(name=[("full", 55), ("x*y", 30), ("x**", 15)], id=[("full", 35), ("6-4", 35), ("2-2", 10), ("empty", 20)], bound_mask=0.5, recv_mask=0.05),
    "DDM": dict(name=[("x**", 50), ("x*y", 30), ("full", 20)], id=[("2-2", 45), ("6-4", 20), ("empty", 35)], bound_mask=0.8, recv_mask=0.35),
    "lvtu": dict(name=[("full", 80), ("x*y", 20)], id=[("full", 70), ("6-4", 30)], bound_mask=0.1, recv_mask=0.0),
}
CARRIER = {"baishi": dict(name=[("full", 30), ("x*y", 45), ("x**", 25)], phone_mask=0.6),
           "sudi": dict(name=[("x*y", 60), ("x**", 40)], phone_mask=0.85)}


def rtime(r, day, kind):
    if kind == "work":
        while day.weekday() >= 5:
            day += dt.timedelta(days=1)
        h = r.randint(9, 16)
    else:
        h = wchoice(r, [(8, 1), (10, 2), (12, 3), (14, 2), (16, 2), (19, 5), (20, 6), (21, 6), (22, 4), (23, 2)])
    return dt.datetime(day.year, day.month, day.day, h, r.randint(0, 59), r.randint(0, 59))


def sign_time(r, t, kind):
    day = t.date() + dt.timedelta(days=r.randint(1, 4))
    if kind == "work":
        while day.weekday() >= 5:
            day += dt.timedelta(days=1)
        h = r.randint(9, 17)
    elif kind in ("home", "old_home", "other"):
        h = r.randint(18, 21) if (day.weekday() < 5 and r.random() < 0.6) else r.randint(9, 20)
    else:
        h = r.randint(8, 21)
    return dt.datetime(day.year, day.month, day.day, h, r.randint(0, 59), r.randint(0, 59))


def is_cjk_name(s):
    return bool(s) and all("\u4e00" <= c <= "\u9fff" or c == "*" for c in s)


class Gen:
    def __init__(self, W, geo):
        self.W, self.geo, self.r = W, geo, W.rng
        self.orders = []
        self.waybills = []
        self.accounts = []
        self.oid = {"qiangou": 0, "DDM": 0, "lvtu": 0}
        self.wid = {"baishi": 0, "sudi": 0}

    # ----- accounts
    def account(self, p, plat):
        r = self.r
        if plat in p["accounts"]:
            return p["accounts"][plat]
        pol = PLAT[plat]
        created = rand_date(r, START - dt.timedelta(days=1500), START) if r.random() < 0.8 else rand_date(r, START, ASOF - dt.timedelta(days=60))
        if p.get("phone_from"):
            created = max(created, p["phone_from"] + dt.timedelta(days=5))
        n = len(self.accounts) + 1
        bid = {"qiangou": "%010d" % (3100000000 + n * 7 + r.randint(0, 6)), "DDM": "ddm%07x" % (0x100000 + n * 13 + r.randint(0, 12)),
               "lvtu": "lt_u%06d" % (n * 3 + r.randint(0, 2))}[plat]
        a = dict(plat=plat, bid=bid, holder=p["pid"], created=created, name_how=wchoice(r, pol["name"]), id_how=wchoice(r, pol["id"]),
                 bound_masked=r.random() < pol["bound_mask"], updates_phone=r.random() < 0.6, book={})
        p["accounts"][plat] = a
        self.accounts.append(a)
        return a

    def holder_fields(self, a, t):
        p = self.W.by[a["holder"]]
        ph = phone_at(p, t) if a["updates_phone"] else phone_at(p, a["created"])
        return mask_name(p["name"], a["name_how"]), mask_id(p["id_number"], a["id_how"]), mask_phone(ph) if a["bound_masked"] else ph

    def entry(self, a, rcp, place, kind, t, name_override=None):
        """Address-book entry of account a for recipient rcp at place: typed name, phone form and address text."""
        r = self.r
        key = (rcp["pid"], canon(place) if place else kind)
        e = a["book"].get(key)
        if e is None or r.random() < 0.12:
            holder = self.W.by[a["holder"]]
            if name_override:
                nm, form = name_override
            elif rcp["pid"] == holder["pid"]:
                sp = self.W.by[holder["spouse"]] if holder.get("spouse") and self.W.by[holder["spouse"]]["present"] else None
                nm, form = typed_name(r, rcp, spouse=sp)
            else:
                nm, form = (rcp["name"], "full") if r.random() < 0.85 else typed_name(r, rcp)
            use_land = kind == "work" and place is not None and place.get("landline") and r.random() < 0.35
            e = dict(name=nm, form=form, land=place.get("landline") if use_land else None, text=self.geo.render(place) if place else "",
                     masked=r.random() < PLAT[a["plat"]]["recv_mask"])
            a["book"][key] = e
        return e

    def order(self, a, rcp, place, kind, t, category=None, virtual=False, name_override=None, text_override=None, pickup_place=None):
        r = self.r
        W = self.W
        plat = a["plat"]
        e = self.entry(a, rcp, place if pickup_place is None else pickup_place, kind, t, name_override)
        ph = e["land"] or phone_at(rcp, t)
        phone = ph if e["land"] else typed_phone(r, ph, 1.0 if e["masked"] else 0.0)
        self.oid[plat] += 1
        n = self.oid[plat]
        oid = {"qiangou": "3%015d" % (n * 97 + r.randint(0, 96) + 10 ** 14), "DDM": "D%s%07d" % (t.strftime("%y%m%d"), n),
               "lvtu": "LT%012d" % (n * 31 + 5 * 10 ** 11)}[plat]
        if virtual:
            signed = None
        else:
            signed = sign_time(r, t, kind)
            if r.random() < 0.025 or signed.date() >= ASOF:
                signed = None
        cat = category or (r.choice(G.WORK_CATEGORIES) if kind == "work" and r.random() < 0.6 else r.choice(G.CATEGORIES))
        amt = round(math.exp(r.uniform(math.log(6), math.log(900 if not virtual else 6000))), 2)
        dest_pl = pickup_place if pickup_place is not None else place
        o = dict(plat=plat, oid=oid, acct=a, holder=a["holder"], recipient=rcp["pid"], place=dest_pl, kind=kind,
                 text=text_override if text_override is not None else e["text"], name=e["name"], name_form=e["form"], phone=phone,
                 ordered_at=t, signed_at=signed, amount=amt, category=cat, virtual=virtual, holder_t=self.holder_fields(a, t))
        self.orders.append(o)
        return o

    def dest_for(self, h, t, plats_pickup=True):
        """Where holder h sends an ordinary order at time t: (recipient, place, kind, pickup_place)."""
        r = self.r
        W = self.W
        home = home_at(h, t)
        work = work_at(h, t)
        x = r.random()
        if x < h["others_share"]:
            cands = []
            if h.get("spouse") and W.by[h["spouse"]]["present"]:
                cands.append((W.by[h["spouse"]], 3))
            for q in h["parents"]:
                if W.by[q]["present"]:
                    cands.append((W.by[q], 4))
            for q in h["children"]:
                if W.by[q]["present"]:
                    cands.append((W.by[q], 2))
            if cands:
                q = wchoice(r, cands)
                qh = home_at(q, t)
                return q, qh, ("home" if qh is home or qh == home else "other"), None
        if work is not None and r.random() < 0.28:
            return h, work, "work", None
        if r.random() < h["pickup_share"]:
            pk = self.geo.pickup_for(home)
            if pk is not None:
                return h, home, "pickup", pk
        return h, home, "home", None

    def person_orders(self, p):
        r = self.r
        W = self.W
        own = "uses_spouse_account" not in p["flags"] or r.random() < 0.4
        if not own:
            return
        plats = []
        if r.random() < 0.68:
            plats.append(("qiangou", r.randint(4, 24)))
        if r.random() < 0.42:
            plats.append(("DDM", r.randint(3, 15)))
        if p["role"] == "debtor" and not plats:
            plats.append((r.choice(["qiangou", "DDM"]), r.randint(4, 14)))
        for plat, n in plats:
            a = self.account(p, plat)
            lo = max(START, a["created"])
            if p.get("phone_from"):
                lo = max(lo, p["phone_from"] + dt.timedelta(days=5))
            if lo >= ASOF - dt.timedelta(days=3):
                continue
            for i in range(n):
                day = rand_date(r, lo, ASOF - dt.timedelta(days=1))
                rcp, place, kind, pk = self.dest_for(p, dt.datetime(day.year, day.month, day.day, 12))
                if kind == "home" and place is not p["home"] and place != p["home"] and rcp["pid"] == p["pid"]:
                    kind = "old_home"
                if plat == "DDM" and kind in ("home", "old_home") and place["kind"] != "hhouse" and r.random() < 0.3:
                    text, pkp = self.geo.render_ddm_pickup(place)
                    t = rtime(r, day, "home")
                    self.order(a, rcp, place, "pickup", t, text_override=text, pickup_place=pkp)
                    continue
                t = rtime(r, day, "work" if kind == "work" else "home")
                self.order(a, rcp, place, kind, t, pickup_place=pk)

    def spouse_account_orders(self, d):
        r = self.r
        s = self.W.by[d["spouse"]]
        a = self.account(s, "qiangou")
        lo = max(START, a["created"])
        for i in range(r.randint(6, 20)):
            day = rand_date(r, lo, ASOF - dt.timedelta(days=1))
            t0 = dt.datetime(day.year, day.month, day.day, 12)
            work = work_at(d, t0)
            if work is not None and r.random() < 0.3:
                self.order(a, d, work, "work", rtime(r, day, "work"))
            else:
                home = home_at(d, t0)
                self.order(a, d, home, "home" if home is d["home"] else "old_home", rtime(r, day, "home"))

    def restricted(self, d, cases):
        r = self.r
        W = self.W
        mine = [c for c in cases if c["pid"] == d["pid"]]
        filings = {c["filing"] for c in mine}
        openr = [c for c in mine if c["status"] != "执行完毕" and c["restrict"]]
        if not openr:
            return
        lo = max(START, min(c["filing"] for c in openr) + dt.timedelta(days=1))
        via_spouse = d.get("spouse") and W.by[d["spouse"]]["present"] and r.random() < 0.3
        holder = W.by[d["spouse"]] if via_spouse else d
        a = self.account(holder, "lvtu")
        lo = max(lo, a["created"])
        if lo >= ASOF - dt.timedelta(days=2):
            return
        for i in range(r.randint(1, 3)):
            day = rand_date(r, lo, ASOF - dt.timedelta(days=1))
            if day in filings:
                continue
            t = rtime(r, day, "home")
            cat = r.choice(RESTRICTED)
            home = home_at(d, t)
            txt = self.geo.render(home) if r.random() < 0.4 else r.choice(["电子客票", "电子凭证，无需配送", "无需收货地址"])
            self.order(a, d, None, "virtual", t, category=cat, virtual=True, name_override=typed_name(r, d, restricted=True), text_override=txt)
        if r.random() < 0.5:     # a near miss (not restricted) by the debtor
            day = rand_date(r, START, ASOF - dt.timedelta(days=1))
            if day not in filings:
                self.order(self.account(d, "lvtu"), d, None, "virtual", rtime(r, day, "home"), category=r.choice(G.NEAR_MISS), virtual=True,
                           name_override=typed_name(r, d, restricted=True), text_override="电子客票")

    # ----- waybills
    def waybill(self, carrier, t, signed, stype, sender, s_name, s_phone, s_addr, receiver, r_name, r_phone, r_addr, place, kind, mirror=None):
        self.wid[carrier] += 1
        n = self.wid[carrier]
        wn = ("BS%012d" % (n * 17 + 4 * 10 ** 11)) if carrier == "baishi" else ("77%011d" % (n * 23 + 10 ** 10))
        w = dict(carrier=carrier, wn=wn, pickup=t, signed=signed, stype=stype, sender=sender, s_name=s_name, s_phone=s_phone, s_addr=s_addr,
                 receiver=receiver, r_name=r_name, r_phone=r_phone, r_addr=r_addr, place=place, kind=kind, mirror=mirror)
        self.waybills.append(w)
        return w

    def carrier_name(self, carrier, typed):
        r = self.r
        if not is_cjk_name(typed) or "*" in typed or len(typed) < 2:
            return typed
        return mask_name(typed, wchoice(r, CARRIER[carrier]["name"]))

    def carrier_phone(self, carrier, ph):
        r = self.r
        digits = "".join(c for c in ph if c.isdigit())
        if len(digits) >= 11 and digits[-11] == "1" and "*" not in ph:
            m = digits[-11:]
            return mask_phone(m) if r.random() < CARRIER[carrier]["phone_mask"] else ph
        return ph

    def sign_type(self, kind, place):
        r = self.r
        if kind == "pickup":
            b = place.get("brand", "") if place else ""
            return "快递柜" if ("柜" in b or "易邮" in b) else "驿站代收"
        if kind == "work":
            return wchoice(r, [("本人签收", 55), ("门卫代收", 45)])
        if place is not None and place["kind"] in ("house", "hhouse", "lane"):
            return wchoice(r, [("本人签收", 55), ("家人代签", 40), ("驿站代收", 5)])
        return wchoice(r, [("本人签收", 50), ("家人代签", 25), ("门卫代收", 10), ("快递柜", 10), ("驿站代收", 5)])

    def merchant(self):
        r = self.r
        city, road, ac = r.choice(G.MERCHANT_CITIES)
        name = r.choice(G.FIRM_WORDS) + r.choice(["旗舰店", "专营店", "商贸", "电商仓", "工厂店"])
        ph = ac + "-" + str(r.randint(5, 8)) + "".join(r.choice("0123456789") for _ in range(7)) if r.random() < 0.6 else rand_phone(r, self.W.used_phones)
        return name, ph, "%s%s%d号" % (city, road, r.randint(1, 999))

    def mirrors(self):
        r = self.r
        for o in self.orders:
            if o["virtual"] or o["signed_at"] is None or r.random() > 0.35:
                continue
            carrier = "baishi" if r.random() < 0.55 else "sudi"
            sn, sp, sa = self.merchant()
            pick = o["ordered_at"] + dt.timedelta(hours=r.randint(3, 30))
            if pick >= o["signed_at"]:
                pick = o["signed_at"] - dt.timedelta(hours=r.randint(2, 20))
            st = self.sign_type(o["kind"], o["place"])
            self.waybill(carrier, pick, o["signed_at"], st, None, sn, sp, sa, o["recipient"], self.carrier_name(carrier, o["name"]),
                         self.carrier_phone(carrier, o["phone"]), o["text"], o["place"], o["kind"], mirror=o)

    def independents(self):
        r = self.r
        W = self.W
        geo = self.geo
        persons = [p for p in W.people if p["kind"] == "person" and p["present"] and p["role"] != "dirt" and p["home"] is not None]
        for p in persons:
            # parents send parcels from the village / hometown
            if p["parents"]:
                par = W.by[p["parents"][0]]
                if par["home"] is not p["home"] and par["home"] != p["home"]:
                    for i in range(r.randint(1, 5)):
                        day = rand_date(r, START, ASOF - dt.timedelta(days=5))
                        t = rtime(r, day, "home")
                        rh = home_at(p, t)
                        kind = "home" if rh is p["home"] else "old_home"
                        carrier = r.choice(["baishi", "sudi"])
                        signed = sign_time(r, t, kind) if r.random() < 0.97 else None
                        nm = p["name"] if r.random() < 0.8 else typed_name(r, p)[0]
                        self.waybill(carrier, t, signed, self.sign_type(kind, rh) if signed else None, par["pid"], self.carrier_name(carrier, par["name"]),
                                     self.carrier_phone(carrier, typed_phone(r, phone_at(par, t))), geo.render(par["home"]), p["pid"],
                                     self.carrier_name(carrier, nm), self.carrier_phone(carrier, typed_phone(r, phone_at(p, t))), geo.render(rh), rh, kind)
            # stall, shop and factory workers ship goods from work
            w = p["work"]
            if w is not None and w["kind"] in ("stall", "shop", "factory") and r.random() < 0.4:
                for i in range(r.randint(3, 15)):
                    day = rand_date(r, START, ASOF - dt.timedelta(days=5))
                    t = rtime(r, day, "work")
                    if work_at(p, t) is not w:
                        continue
                    q = r.choice(persons)
                    carrier = r.choice(["baishi", "sudi"])
                    sname = p["name"] if r.random() < 0.6 else (w.get("shopname") or w.get("company") or w.get("shop"))
                    sph = w.get("landline") if (w.get("landline") and r.random() < 0.4) else typed_phone(r, phone_at(p, t))
                    qh = home_at(q, t)
                    signed = sign_time(r, t, "home") if r.random() < 0.95 else None
                    self.waybill(carrier, t, signed, self.sign_type("home", qh) if signed else None, p["pid"], self.carrier_name(carrier, sname), sph,
                                 geo.render(w), q["pid"], self.carrier_name(carrier, q["name"]), self.carrier_phone(carrier, typed_phone(r, phone_at(q, t))),
                                 geo.render(qh), qh, "home" if qh is q["home"] else "old_home")
            # parcels from merchants or friends not in any order export
            for i in range(r.randint(0, 3)):
                day = rand_date(r, START, ASOF - dt.timedelta(days=5))
                wk = work_at(p, dt.datetime(day.year, day.month, day.day))
                kind = "work" if (wk is not None and r.random() < 0.3) else "home"
                t = rtime(r, day, kind)
                place = wk if kind == "work" else home_at(p, t)
                if kind == "home" and place is not p["home"]:
                    kind = "old_home"
                carrier = r.choice(["baishi", "sudi"])
                sn, sp, sa = self.merchant()
                signed = sign_time(r, t, kind) if r.random() < 0.96 else None
                nm = typed_name(r, p)[0]
                ph = place.get("landline") if (kind == "work" and place.get("landline") and r.random() < 0.3) else typed_phone(r, phone_at(p, t))
                self.waybill(carrier, t, signed, self.sign_type(kind, place) if signed else None, None, sn, sp, sa, p["pid"], self.carrier_name(carrier, nm),
                             self.carrier_phone(carrier, ph), geo.render(place), place, kind)
        # organisations on the roster ship goods
        for o in W.debtors:
            if o["kind"] != "organisation" or r.random() > 0.35:
                continue
            src = o["address_place"]
            for i in range(r.randint(2, 8)):
                day = rand_date(r, START, ASOF - dt.timedelta(days=5))
                t = rtime(r, day, "work")
                q = r.choice(persons)
                qh = home_at(q, t)
                carrier = r.choice(["baishi", "sudi"])
                signed = sign_time(r, t, "home") if r.random() < 0.95 else None
                self.waybill(carrier, t, signed, self.sign_type("home", qh) if signed else None, o["pid"], o["name"], o["landline"], geo.render(src),
                             q["pid"], self.carrier_name(carrier, q["name"]), self.carrier_phone(carrier, typed_phone(r, phone_at(q, t))), geo.render(qh), qh,
                             "home" if qh is q["home"] else "old_home")


# ---------------------------------------------------------------------------------------------------------- writers
def ts(t):
    return t.strftime("%Y/%m/%d %H:%M:%S") if t else ""


def ts_wps(t):
    """How WPS/Excel writes a date-time cell back after a re-save: no zero padding, no seconds."""
    return "%d/%d/%d %d:%02d" % (t.year, t.month, t.day, t.hour, t.minute) if t else ""


def amt(a, wps=False):
    return ("%g" % a) if wps else "%.2f" % a


def rec(**kw):
    base = dict(file=None, line=None, source=None, platform=None, record_key=None, holder=None, recipient=None, receiver=None, sender=None,
                dest_kind=None, dest_canonical=None, delivered=False, door=False, dirty=False, dirt=None, ambiguous=False, dup_of=None,
                category=None, amount=None, ordered_at=None, order_id=None, name_form=None, sender_kind=None, sender_canonical=None, raw_address=None)
    base.update(kw)
    return base


def export_dates_monthly():
    return [dt.date(2026, m, 10) for m in range(1, 13)]


def export_dates_ddm():
    out = [ASOF]
    while out[-1] - dt.timedelta(days=14) > dt.date(2026, 6, 11):
        out.append(out[-1] - dt.timedelta(days=14))
    return [dt.date(2026, 6, 11)] + sorted(out)


def assign_files(items, dates, overlap_days, tkey, skey):
    """For each item, the export files it appears in: (file index, shown delivered?)."""
    out = {}
    lows = [START] + [d - dt.timedelta(days=overlap_days) for d in dates[:-1]]
    for i, it in enumerate(items):
        day = it[tkey].date()
        fl = [k for k, (lo, hi) in enumerate(zip(lows, dates)) if lo <= day < hi]
        if not fl:
            continue
        res = []
        k = fl[0]
        while True:
            exp = dt.datetime.combine(dates[k], dt.time(2, 0))
            shown = it[skey] is not None and it[skey] < exp
            res.append((k, shown))
            nxt = k + 1
            if nxt < len(dates) and (nxt in fl or (not shown and it[skey] is not None)):
                k = nxt
            else:
                break
        out[i] = res
    return out


class Out:
    def __init__(self, root, W, g):
        self.root, self.W, self.g, self.r = root, W, g, W.rng
        self.R = []
        self.files = {}
        for k in ("debtors", "ecommerce", "social", "logistics"):
            os.makedirs(os.path.join(root, "inbox", k), exist_ok=True)

    def path(self, kind, fn):
        return os.path.join(self.root, "inbox", kind, fn)

    # ---- CSV with exact physical line numbers
    def write_csv(self, kind, fn, header, rows, enc, nl, quoting, bom=False, trunc_last=False, note="", raw_bytes=None):
        """rows: list of (cells, record or None). Records get file and line."""
        out = io.StringIO()
        w = csv.writer(out, lineterminator=nl, quoting=quoting)
        w.writerow(header)
        line = 1 + out.getvalue().count("\n")
        chunks = [out.getvalue()]
        for i, (cells, rc) in enumerate(rows):
            b = io.StringIO()
            csv.writer(b, lineterminator=nl, quoting=quoting).writerow(cells)
            s = b.getvalue()
            if trunc_last and i == len(rows) - 1:
                s = s[: max(8, len(s) // 2)]
                if rc is not None:
                    rc.update(dirty=True, dirt="truncated_last_line")
            if rc is not None:
                rc["file"], rc["line"] = fn, line
                self.R.append(rc)
            chunks.append(s)
            line += s.count("\n")
        text = "".join(chunks)
        data = text.encode(enc)
        if bom:
            data = (b"\xef\xbb\xbf" if enc.startswith("utf") else b"") + data
        with open(self.path(kind, fn), "wb") as f:
            f.write(data)
        self.files[fn] = dict(kind=kind, encoding=enc, bom=bom, newline=repr(nl), rows=len(rows), note=note)

    # ---- e-commerce
    def order_cells(self, o, shown, wps=False, extra=False):
        r = self.r
        hn, hid, hph = o["holder_t"]
        cells = [o["oid"], o["acct"]["bid"], hn, hid, hph, o["name"], o["phone"], o["text"],
                 ts_wps(o["ordered_at"]) if wps else ts(o["ordered_at"]), (ts_wps(o["signed_at"]) if wps else ts(o["signed_at"])) if shown else "",
                 amt(o["amount"], wps), o["category"]]
        if extra:
            cells += [r.choice(["", "", "", "请尽快发货", "不要放快递柜,谢谢", "周末送", "发顺丰"]), r.choice(["百世", "速递", "百世快递", "速递物流"])]
        return cells

    def order_rec(self, o, fn_plat, shown):
        W = self.W
        place = o["place"]
        delivered = bool(shown)
        door = delivered and o["kind"] not in ("pickup", "virtual")
        return rec(source="ecommerce", platform=fn_plat, record_key="ecommerce|%s|%s" % (o["plat"], o["oid"]), holder=o["holder"], recipient=o["recipient"],
                   dest_kind=o["kind"], dest_canonical=canon(place) if place is not None else None, delivered=delivered, door=door,
                   category=o["category"], amount=o["amount"], ordered_at=o["ordered_at"], order_id=o["oid"], name_form=o["name_form"],
                   raw_address=o["text"])

    def ecommerce(self, dirt):
        g = self.g
        r = self.r
        # ---------------- qiangou: monthly, CRLF, minimal quoting, 3 days of overlap
        qo = [o for o in g.orders if o["plat"] == "qiangou"]
        qo.sort(key=lambda o: o["ordered_at"])
        dates = export_dates_monthly()
        fa = assign_files(qo, dates, 3, "ordered_at", "signed_at")
        per = {k: [] for k in range(len(dates))}
        for i, lst in fa.items():
            for k, shown in lst:
                per[k].append((qo[i], shown))
        first = {}
        for k, d in enumerate(dates):
            fn = "qiangou_orders_%s.csv" % d.strftime("%Y%m%d")
            wps = d == dt.date(2026, 6, 10)
            rows = []
            for o, shown in per[k]:
                rc = self.order_rec(o, "qiangou", shown)
                if o["oid"] in first:
                    rc["dup_of"] = first[o["oid"]]
                if wps:
                    rc["ambiguous"] = True
                rows.append((self.order_cells(o, shown, wps=wps), rc))
            if d == ASOF:
                rows = dirt.ecommerce_rows(rows, "qiangou", EC_COLS)
            self.write_csv("ecommerce", fn, EC_COLS, rows, "gb18030", "\r\n", csv.QUOTE_MINIMAL,
                           note="WPS re-save: times without seconds, amounts trimmed (ambiguous)" if wps else "")
            for cells, rc in rows:
                if rc and rc.get("order_id") and rc["order_id"] not in first and not rc["dirty"]:
                    first[rc["order_id"]] = "%s:%d" % (fn, rc["line"])
        # byte-identical WPS "副本" copy of one month (a bad name; same content hash)
        src = self.path("ecommerce", "qiangou_orders_20261110.csv")
        cp = "副本qiangou_orders_20261110.csv"
        shutil.copyfile(src, self.path("ecommerce", cp))
        for x in [x for x in self.R if x["file"] == "qiangou_orders_20261110.csv"]:
            self.R.append(dict(x, file=cp, ambiguous=True, dup_of="qiangou_orders_20261110.csv:%d" % x["line"], platform="副本qiangou"))
        self.files[cp] = dict(kind="ecommerce", note="byte-identical copy with a WPS 副本 prefix (bad name, ambiguous)")
        # ---------------- DDM: half-year + bi-weekly, every field quoted, LF, two extra trailing columns
        do = [o for o in g.orders if o["plat"] == "DDM"]
        do.sort(key=lambda o: o["ordered_at"])
        dates = export_dates_ddm()
        fa = assign_files(do, dates, 0, "ordered_at", "signed_at")
        per = {k: [] for k in range(len(dates))}
        for i, lst in fa.items():
            for k, shown in lst:
                per[k].append((do[i], shown))
        hdr = EC_COLS + ["买家留言", "物流公司"]
        first = {}
        last_rows = None
        for k, d in enumerate(dates):
            fn = "DDM_orders_%s.csv" % d.strftime("%Y%m%d")
            utf8 = d == dt.date(2026, 11, 26)
            rows = []
            for o, shown in per[k]:
                rc = self.order_rec(o, "DDM", shown)
                if o["oid"] in first:
                    rc["dup_of"] = first[o["oid"]]
                if utf8:
                    rc["ambiguous"] = True
                rows.append((self.order_cells(o, shown, extra=True), rc))
            if d == ASOF:
                rows = dirt.ecommerce_rows(rows, "DDM", hdr, final=True)
                last_rows = rows
            self.write_csv("ecommerce", fn, hdr, rows, "utf-8" if utf8 else "gb18030", "\n", csv.QUOTE_ALL, bom=utf8,
                           trunc_last=(d == ASOF), note="UTF-8 with BOM among GB18030 files (ambiguous)" if utf8 else "")
            for cells, rc in rows:
                if rc and rc.get("order_id") and rc["order_id"] not in first and not rc["dirty"]:
                    first[rc["order_id"]] = "%s:%d" % (fn, rc["line"])
        # an empty re-export (header only)
        self.write_csv("ecommerce", "DDM_orders_20261113.csv", hdr, [], "gb18030", "\n", csv.QUOTE_ALL, note="header only")
        # a re-send of 150 rows of tonight's file under a bad name
        clean = [(c, x) for c, x in last_rows[:-1] if x is not None and not x["dirty"]]
        pick = r.sample(clean, min(150, len(clean)))
        pick.sort(key=lambda cx: cx[1]["line"])
        rows = [(list(c), dict(x, ambiguous=True, dup_of="DDM_orders_20261210.csv:%d" % x["line"], platform="DDM订单")) for c, x in pick]
        self.write_csv("ecommerce", "DDM订单_1210补发.csv", hdr, rows, "gb18030", "\n", csv.QUOTE_ALL, note="bad name, re-sent copies (ambiguous)")
        # ---------------- lvtu: travel bookings, never delivered, CRLF
        lo = [o for o in g.orders if o["plat"] == "lvtu"]
        lo.sort(key=lambda o: o["ordered_at"])
        for d, a, b in ((dt.date(2026, 6, 11), START, dt.date(2026, 6, 11)), (ASOF, dt.date(2026, 6, 11), ASOF)):
            fn = "lvtu_orders_%s.csv" % d.strftime("%Y%m%d")
            rows = [(self.order_cells(o, False), self.order_rec(o, "lvtu", False)) for o in lo if a <= o["ordered_at"].date() < b]
            if d == ASOF:
                rows = dirt.ecommerce_rows(rows, "lvtu", EC_COLS, n=6)
            self.write_csv("ecommerce", fn, EC_COLS, rows, "gb18030", "\r\n", csv.QUOTE_MINIMAL)

    # ---- social
    def social_accounts(self):
        W, r, geo = self.W, self.r, self.geo_()
        accts = []
        n = 0
        for p in W.people:
            if p["kind"] != "person" or not p["present"] or p["home"] is None:
                continue
            dirtp = p["role"] == "dirt"
            for plat, share in (("weiyu", 0.5 if p["age"] < 60 else 0.2), ("kuaishuo", 0.28 if p["age"] < 55 else 0.08)):
                if r.random() > share:
                    continue
                n += 1
                uid = ("wy_%d" % (80000 + n * 7 + r.randint(0, 6))) if plat == "weiyu" else str(1700000000 + n * 37 + r.randint(0, 36))
                created = rand_date(r, START - dt.timedelta(days=900), ASOF - dt.timedelta(days=40))
                if p.get("phone_from"):
                    created = max(created, p["phone_from"] + dt.timedelta(days=3))
                a = dict(plat=plat, uid=uid, pid=p["pid"], created=created, dirt=dirtp)
                if plat == "weiyu":
                    a["real_name"] = wchoice(r, [("full", 30), ("x*y", 30), ("x某y", 25), ("x**", 10), (None, 5)])
                    a["id_no"] = wchoice(r, [("full", 20), ("6-4", 30), ("2-2", 15), ("missing", 25), (None, 10)])
                    a["phone"] = wchoice(r, [("full", 50), ("masked", 40), ("old", 10)])
                else:
                    a["real_name"] = wchoice(r, [("x某y", 40), ("x**", 30), ("x*y", 20), ("missing", 10)])
                    a["id_no"] = wchoice(r, [("missing", 60), ("6-4", 25), ("2-2", 15)])
                    a["phone"] = wchoice(r, [("masked", 60), ("full", 40)])
                a["nick"] = nickname(r, p) + r.choice(["", "", "的小号", "_%d" % r.randint(1, 99), "/" + region_of(p["home"])[4], "🌸", "666"])
                a["profile"] = r.random()
                # logins and posts over the whole year (the older snapshot shows those before its date)
                logins = []
                for i in range(r.randint(2, 40)):
                    day = rand_date(r, max(created, START), ASOF - dt.timedelta(days=1))
                    t = rtime(r, day, "home")
                    travel = r.random() < 0.05
                    logins.append((t, travel, r.choice(G.TRAVEL) if travel else None))
                logins.sort()
                posts = []
                for i in range(r.randint(0, 7)):
                    day = rand_date(r, max(created, START), ASOF - dt.timedelta(days=1))
                    t = rtime(r, day, "home")
                    x = r.random()
                    wk = work_at(p, t)
                    if x < 0.45:
                        posts.append((t, "home", home_at(p, t)))
                    elif x < 0.65 and wk is not None:
                        posts.append((rtime(r, day, "work"), "work", wk))
                    elif x < 0.92 and region_of(home_at(p, t))[1] in G.LANDMARKS:
                        posts.append((t, "landmark", r.choice(G.LANDMARKS[region_of(home_at(p, t))[1]])))
                    else:
                        posts.append((t, "travel", r.choice(G.TRAVEL)))
                posts.sort(key=lambda z: z[0])
                a["logins"], a["posts"] = logins, posts
                accts.append(a)
        return accts

    def geo_(self):
        return self.g.geo

    def social_obj(self, a, snap):
        """The JSON object of account a as exported on date snap."""
        W, r = self.W, self.r
        p = W.by[a["pid"]]
        geo = self.g.geo
        plat = a["plat"]
        o = {"uid": a["uid"], "nickname": a["nick"]}
        rn = a["real_name"]
        if rn != "missing":
            o["real_name"] = None if rn is None else mask_name(p["name"], rn)
        idh = a["id_no"]
        if idh != "missing":
            o["id_no"] = None if idh is None else mask_id(p["id_number"], idh)
        cur = phone_at(p, snap)
        if a["phone"] == "old" and p["old_phone"] and p["phone_change"] and p["phone_change"] > a["created"]:
            ph = p["old_phone"]
        else:
            ph = cur
        o["phone"] = mask_phone(ph) if a["phone"] == "masked" else ph
        hd = region_of(home_at(p, snap))
        if a["profile"] < 0.55:
            o["profile_region"] = ("%s %s" % (hd[2], hd[3])) if plat == "weiyu" else hd[3]
        elif a["profile"] < 0.75:
            hk = p["hukou_home"]
            hp = region_of(hk) if hk else hd
            o["profile_region"] = hp[2] + " " + hp[3]
        elif a["profile"] < 0.9:
            o["profile_region"] = None
        lg = []
        for t, travel, tr in a["logins"]:
            if t.date() >= snap:
                continue
            d = region_of(home_at(p, t))
            if travel:
                reg = tr[0] + tr[1] if tr[0] != tr[1] else tr[1]
            else:
                x = (hash_small(a["uid"], t) % 10)
                reg = d[0] + d[1] if x < 7 else d[0] if x < 9 else "中国"
            ip = "%d.%d.%d.%d" % (r.choice([27, 36, 110, 117, 120, 121, 175, 182, 218, 222]), r.randint(0, 255), r.randint(0, 255), r.randint(1, 254))
            if plat == "weiyu":
                tt = (t.strftime("%Y-%m-%d %H:%M:%S") + "+08:00")
            else:
                tt = (t - dt.timedelta(hours=8)).strftime("%Y-%m-%dT%H:%M:%S") + "+00:00"
            lg.append({"ts": tt, "ip": ip, "ip_region": reg})
        if plat == "kuaishuo" and r.random() < 0.15:
            pass
        else:
            o["logins"] = lg
        gp = []
        for t, kind, pl in a["posts"]:
            if t.date() >= snap:
                continue
            tt = (t.strftime("%Y-%m-%d %H:%M:%S") + "+08:00") if plat == "weiyu" else (t - dt.timedelta(hours=8)).strftime("%Y-%m-%dT%H:%M:%S") + "+00:00"
            if kind in ("home", "work") and pl["kind"] == "hhouse":
                h = G.HUKOU[pl["code"]]
                poi, addr = pl["village"], h[1] + h[2] + pl["town"] + pl["village"]
            elif kind in ("home", "work"):
                d = G.D[pl["dk"]]
                if pl["kind"] == "flat":
                    poi, addr = pl["estate"], d["city"] + d["name"] + "%s%d号%s" % (pl["road"], pl["no"], pl["estate"])
                elif pl["kind"] == "house":
                    poi, addr = pl["village"], d["city"] + d["name"] + pl["town"] + pl["village"]
                elif pl["kind"] == "lane":
                    poi, addr = pl["lane"], d["city"] + d["name"] + pl["road"] + pl["lane"]
                elif pl["kind"] == "stall":
                    poi, addr = pl["market"], d["city"] + d["name"] + "%s%d号" % (pl["road"], pl["no"])
                elif pl["kind"] == "office":
                    poi, addr = pl["tower"], d["city"] + d["name"] + "%s%d号" % (pl["road"], pl["no"])
                elif pl["kind"] == "factory":
                    poi, addr = pl["company"], d["city"] + d["name"] + (pl["town"] or "") + "%s%d号" % (pl["road"], pl["no"])
                else:
                    poi, addr = pl["shop"], d["city"] + d["name"] + "%s%d号" % (pl["road"], pl["no"])
                if d["prov"] == "广西壮族自治区" and plat == "weiyu":
                    addr = "广西" + addr
            elif kind == "landmark":
                poi, addr = pl, None
            else:
                poi, addr = pl[2], pl[1] + pl[2]
            e = {"ts": tt, "poi": poi}
            if addr and not (plat == "kuaishuo" and r.random() < 0.5):
                e["address"] = addr
            gp.append(e)
        if gp or r.random() < 0.5:
            o["geo_posts"] = gp
        return o

    def write_jsonl(self, fn, items, plat, crlf=False, slash_escape=False, nul_pad=0, trunc_last=False, dirt=None, space_ts=False):
        lines = []
        for o, rc in items:
            s = json.dumps(o, ensure_ascii=False)
            if slash_escape:
                s = s.replace("/", "\\/")
            lines.append((s, rc))
        if dirt is not None:
            lines = dirt.jsonl_lines(lines, plat)
        nl = "\r\n" if crlf else "\n"
        parts = []
        for i, (s, rc) in enumerate(lines):
            last = i == len(lines) - 1
            if trunc_last and last:
                s = s[: len(s) // 2]
                if rc is not None:
                    rc.update(dirty=True, dirt="truncated_last_line")
            if rc is not None:
                rc["file"], rc["line"] = fn, i + 1
                self.R.append(rc)
            parts.append(s + ("" if (trunc_last and last) else nl))
        data = "".join(parts).encode("utf-8")
        if nul_pad:
            data += b"\x00" * nul_pad
            self.R.append(rec(file=fn, line=len(lines) + 1, source="social", platform=plat, dirty=True, dirt="nul_padding"))
        with open(self.path("social", fn), "wb") as f:
            f.write(data)
        self.files[fn] = dict(kind="social", rows=len(lines), crlf=crlf, nul_pad=nul_pad)

    def social(self, dirt):
        accts = self.social_accounts()
        W, r = self.W, self.r
        for plat in ("weiyu", "kuaishuo"):
            mine = [a for a in accts if a["plat"] == plat and not a["dirt"]]
            snaps = [dt.date(2026, 6, 10), ASOF] if plat == "weiyu" else [ASOF]
            for snap in snaps:
                fn = "%s_accounts_%s.jsonl" % (plat, snap.strftime("%Y%m%d"))
                items = []
                for a in mine:
                    if a["created"] >= snap or (snap != ASOF and r.random() < 0.35):
                        continue
                    o = self.social_obj(a, snap)
                    rc = rec(source="social", platform=plat, record_key="social|%s|%s" % (plat, a["uid"]), holder=a["pid"])
                    items.append((o, rc))
                if snap == ASOF:
                    r.shuffle(items)
                    dirt_acc = [a for a in accts if a["plat"] == plat and a["dirt"]]
                    dirt.social_pool = [(self.social_obj(a, snap), a) for a in dirt_acc]
                    self.write_jsonl(fn, items, plat, crlf=(plat == "kuaishuo"), slash_escape=(plat == "weiyu"),
                                     nul_pad=(700 if plat == "kuaishuo" else 0), trunc_last=(plat == "weiyu"), dirt=dirt)
                else:
                    self.write_jsonl(fn, items, plat, slash_escape=True)
        with open(self.path("social", "kuaishuo_accounts_20261203.jsonl"), "wb"):
            pass
        self.files["kuaishuo_accounts_20261203.jsonl"] = dict(kind="social", note="0 bytes")

    # ---- logistics
    def wb_rec(self, w, fn_plat, shown):
        W = self.W
        delivered = bool(shown)
        stype = w["stype"] if shown else None
        door = delivered and w["kind"] != "pickup" and stype in ("本人签收", "家人代签")
        sk, sc = "merchant", None
        if w["sender"]:
            sp = W.by[w["sender"]]
            sk = sp["kind"]
            sc = canon(sp["address_place"]) if sp["kind"] == "organisation" else None
        if w["mirror"] is not None:
            rcp = w["mirror"]["recipient"]
        else:
            rcp = w["receiver"]
        return rec(source="logistics", platform=fn_plat, record_key="logistics|%s|%s" % (w["carrier"], w["wn"]), receiver=rcp, sender=w["sender"],
                   holder=None, dest_kind=w["kind"], dest_canonical=canon(w["place"]) if w["place"] is not None else None, delivered=delivered,
                   door=door, ordered_at=w["pickup"], order_id=w["mirror"]["oid"] if w["mirror"] else None, sender_kind=sk, sender_canonical=sc,
                   raw_address=w["r_addr"])

    def logistics(self, dirt):
        import pyarrow as pa
        import pyarrow.parquet as pq
        g, r = self.g, self.r
        tz8 = dt.timezone(dt.timedelta(hours=8))
        for carrier in ("baishi", "sudi"):
            ws = sorted([w for w in g.waybills if w["carrier"] == carrier], key=lambda w: w["pickup"])
            if carrier == "baishi":
                dates, ov = [dt.date(2026, 3, 10), dt.date(2026, 6, 10), dt.date(2026, 9, 10), ASOF], 0
            else:
                dates, ov = [dt.date(2026, 6, 10), dt.date(2026, 10, 10), dt.date(2026, 11, 10), ASOF], 7
            fa = assign_files(ws, dates, ov, "pickup", "signed")
            per = {k: [] for k in range(len(dates))}
            for i, lst in fa.items():
                for k, shown in lst:
                    per[k].append((ws[i], shown))
            first = {}
            for k, d in enumerate(dates):
                fn = "%s_waybills_%s.parquet" % (carrier, d.strftime("%Y%m%d"))
                rows = []
                for w, shown in per[k]:
                    rc = self.wb_rec(w, carrier, shown)
                    if w["wn"] in first:
                        rc["dup_of"] = first[w["wn"]]
                    rows.append(({"waybill_no": w["wn"], "sender_name": w["s_name"], "sender_phone": w["s_phone"], "sender_address": w["s_addr"],
                                  "receiver_name": w["r_name"], "receiver_phone": w["r_phone"], "receiver_address": w["r_addr"],
                                  "pickup_time": w["pickup"], "sign_time": w["signed"] if shown else None, "sign_type": w["stype"] if shown else None,
                                  "goods": r.choice(["日用品", "服装", "食品", "文件", "鞋", "配件", "茶叶", "家具配件"])}, rc))
                if d == ASOF:
                    rows = dirt.parquet_rows(rows, carrier)
                for i, (row, rc) in enumerate(rows):
                    rc["file"], rc["line"] = fn, i + 1
                    self.R.append(rc)
                    if rc["record_key"] and rc["record_key"].split("|")[2] not in first and not rc["dirty"]:
                        first[rc["record_key"].split("|")[2]] = "%s:%d" % (fn, i + 1)
                cols = {}
                for c in WB_COLS:
                    cols[c] = [row[c] for row, _ in rows]
                if carrier == "baishi":
                    tt = pa.timestamp("ms", tz="Asia/Macau")
                    conv = lambda v: v.replace(tzinfo=tz8) if v is not None else None
                    arrays = [pa.array(cols[c], pa.string()) if c not in ("pickup_time", "sign_time") else pa.array([conv(v) for v in cols[c]], tt) for c in WB_COLS]
                    t = pa.Table.from_arrays(arrays, names=WB_COLS)
                    pq.write_table(t, self.path("logistics", fn), compression="snappy")
                else:
                    tt = pa.timestamp("ms")
                    arrays = [pa.array(cols[c], pa.string()) if c not in ("pickup_time", "sign_time") else pa.array(cols[c], tt) for c in WB_COLS]
                    arrays.append(pa.array([row["goods"] for row, _ in rows], pa.string()))
                    t = pa.Table.from_arrays(arrays, names=WB_COLS + ["goods"])
                    pq.write_table(t, self.path("logistics", fn), compression="lz4", row_group_size=500)
                self.files[fn] = dict(kind="logistics", rows=len(rows))

    # ---- rosters
    def roster(self, cases):
        W, r = self.W, self.r
        groups = {}
        for c in cases:
            groups.setdefault(c["court_group"], []).append(c)
        fmt = {"mincourt": dict(bom=True, nl="\r\n", q=csv.QUOTE_MINIMAL), "guicourt": dict(bom=False, nl="\n", q=csv.QUOTE_MINIMAL),
               "gancourt": dict(bom=True, nl="\r\n", q=csv.QUOTE_ALL), "jicourt": dict(bom=True, nl="\n", q=csv.QUOTE_MINIMAL)}
        for grp in ("mincourt", "gancourt", "guicourt", "jicourt"):
            cs = groups.get(grp, [])
            f = fmt[grp]
            versions = [(ASOF, False)] + ([(ASOF - dt.timedelta(days=1), True)] if grp == "gancourt" else [])
            for d, older in versions:
                fn = "%s_roster_%s.csv" % (grp, d.strftime("%Y%m%d"))
                rows = []
                for c in cs:
                    p = W.by[c["pid"]]
                    status = c["status"]
                    if older and status == "执行完毕" and r.random() < 0.5:
                        status = "执行中"
                    cno = c["case_no"]
                    person = p["kind"] == "person"
                    idn = p["id_number"]
                    amb = False
                    if person and idn.endswith("X") and grp == "guicourt" and r.random() < 0.6:
                        idn = idn[:-1] + "x"
                    name = p["name"]
                    if grp == "jicourt" and r.random() < 0.04:
                        idn = idn + r.choice([" ", "  ", "\u3000"])
                        name = name + " "
                        amb = True
                    if person:
                        phones = p["roster_phones"]
                    else:
                        phones = [p["landline"]] if r.random() < 0.6 else []
                    sep = r.choice([";", "；", "、", ",", "; ", ", "])
                    ph = sep.join(phones)
                    hk = ""
                    if person:
                        hk = render_hukou(r, p)
                    else:
                        hk = canon(p["address_place"])
                    a = c["amount"]
                    if grp in ("guicourt", "jicourt") and a >= 1000 and r.random() < 0.6:
                        amount = "{:,.2f}".format(a)
                    else:
                        amount = "%.2f" % a if r.random() < 0.7 else ("%d" % a if a == int(a) else "%.2f" % a)
                    cells = [cno, c["court"], c["judge"], name, "居民身份证" if person else "统一社会信用代码", idn, ph, hk, amount,
                             c["filing"].isoformat(), "是" if c["restrict"] else "否", "是" if c["blacklist"] else "否", status]
                    rc = rec(source="debtors", platform=grp, record_key="debtors|%s|%s|%s" % (grp, c["case_no"], p["id_number"]), holder=p["pid"], ambiguous=amb)
                    rows.append((cells, rc))
                if older:
                    # an empty line and the export footer (rows with missing columns)
                    rows.append(([], rec(source="debtors", platform=grp, dirty=True, dirt="blank_line")))
                    rows.append((["制表人：系统管理员", "导出时间：%s 18:00" % d.isoformat()], rec(source="debtors", platform=grp, dirty=True, dirt="footer")))
                self.write_csv("debtors", fn, RO_COLS, rows, "utf-8", f["nl"], f["q"], bom=f["bom"],
                               note="older copy with stale statuses" if older else "")


def region_of(pl):
    """(prov, city, prov_s, city_s, district short) of a place."""
    if pl["kind"] == "hhouse":
        h = G.HUKOU[pl["code"]]
        return h[0], h[1], h[0][:2], h[1].rstrip("市"), h[2]
    d = G.D[pl["dk"]]
    return d["prov"], d["city"], d["prov_s"], d["city_s"], d["short"] or d["name"]


def hash_small(a, t):
    return (sum(ord(c) for c in a) * 31 + t.toordinal() * 7 + t.hour) & 0xFFFF


def render_hukou(r, p):
    """The 户籍地址 as registered: written in full, with the district name of the time the hukou was registered."""
    hk = p["hukou_home"]
    if hk is None:
        return ""
    if p.get("_hukou_text"):
        return p["_hukou_text"]
    p["_hukou_text"] = _render_hukou(r, p, hk)
    return p["_hukou_text"]


def _render_hukou(r, p, hk):
    if hk["kind"] == "hhouse":
        return canon(hk)
    d = G.D[hk["dk"]]
    s = canon(hk)
    if p["native_code"] != d["code"] and d["alias"] and r.random() < 0.7:
        old = {"nankang": "南康市", "ganxian": "赣县", "wuming": "武鸣县", "lingui": "临桂县", "lianchi": "北市区"}.get(d["key"])
        if old:
            s = s.replace(d["name"], old, 1)
            if old.endswith("市") or old.endswith("县"):
                pass
    return s


# ---------------------------------------------------------------------------------------------------------- dirt
class Dirt:
    """Bad rows, always about the 'dirt' strangers, so that the truth does not depend on how they are handled."""

    def __init__(self, out):
        self.out = out
        self.W = out.W
        self.r = out.r
        self.people = [p for p in self.W.people if p["role"] == "dirt"]
        self.social_pool = []
        self.n = 0

    def fake_order(self, plat):
        r = self.r
        p = r.choice(self.people)
        geo = self.out.g.geo
        t = rtime(r, rand_date(r, ASOF - dt.timedelta(days=25), ASOF - dt.timedelta(days=2)), "home")
        self.n += 1
        oid = {"qiangou": "3%015d" % (9 * 10 ** 14 + self.n), "DDM": "D%s9%06d" % (t.strftime("%y%m%d"), self.n), "lvtu": "LT9%011d" % self.n}[plat]
        s = t + dt.timedelta(days=2)
        cells = [oid, "dirt%05d" % self.n, p["name"], mask_id(p["id_number"], "6-4"), mask_phone(p["phones"][0]), p["name"], p["phones"][0],
                 geo.render(p["home"]), ts(t), ts(s), "%.2f" % r.uniform(5, 300), r.choice(G.CATEGORIES)]
        return p, cells

    def ecommerce_rows(self, rows, plat, hdr, n=16, final=False):
        r = self.r
        kinds = ["missing_columns", "extra_columns", "bad_order_time", "bad_sign_time", "bad_amount", "formula_name", "formula_address",
                 "long_address", "long_name", "control_chars", "empty_order_id", "nul"]
        out = list(rows)
        extra_n = len(hdr) - len(EC_COLS)
        for i in range(n):
            kind = kinds[i % len(kinds)]
            p, c = self.fake_order(plat)
            c = c + ["", "百世"][:extra_n]
            if kind == "missing_columns":
                c = c[: len(c) - r.randint(2, 4)]
            elif kind == "extra_columns":
                c = c + ["多余", "列"]
            elif kind == "bad_order_time":
                c[8] = r.choice(["2026/11/31 10:00:00", "2026/11/05 24:00:00", "N/A", "20261105", "2026年11月5日 晚上"])
            elif kind == "bad_sign_time":
                c[9] = r.choice(["已签收", "2026/13/01 08:00:00", "#VALUE!"])
            elif kind == "bad_amount":
                c[10] = r.choice(["12元", "1.2.3", "null", "¥", "#DIV/0!"])
            elif kind == "formula_name":
                c[5] = r.choice(['=HYPERLINK("http://qg.example/a","点我领券")', "@SUM(A1:A3)", "-2+3", "+1-1"])
            elif kind == "formula_address":
                c[7] = r.choice(['=cmd|" /C calc"!A0', "@地址", "-" + c[7]])
            elif kind == "long_address":
                c[7] = c[7] * 400
            elif kind == "long_name":
                c[5] = c[5] * 200
            elif kind == "control_chars":
                c[5] = c[5][:1] + r.choice(["\x1b", "\x07", "\x08", "\x7f"]) + c[5][1:]
            elif kind == "empty_order_id":
                c[0] = ""
            elif kind == "nul":
                c[7] = c[7][:4] + "\x00" + c[7][4:]
            rc = rec(source="ecommerce", platform=plat, record_key=("ecommerce|%s|%s" % (plat, c[0])) if c[0] else None, holder=p["pid"], recipient=p["pid"],
                     dirty=True, dirt=kind, raw_address=c[7] if len(c) > 7 else None)
            out.insert(r.randint(0, len(out)), (c, rc))
        if not final:
            return out
        # the last line (to be truncated where the file is cut) is about a dirt person too
        p, c = self.fake_order(plat)
        c = c + ["", "百世"][:extra_n]
        out.append((c, rec(source="ecommerce", platform=plat, record_key="ecommerce|%s|%s" % (plat, c[0]), holder=p["pid"], recipient=p["pid"],
                           dirty=False, raw_address=c[7], order_id=c[0], delivered=True)))
        return out

    def jsonl_lines(self, lines, plat):
        r = self.r
        out = list(lines)
        pool = self.social_pool
        kinds = ["python_repr", "empty_object", "cut_object", "formula_nickname", "control_nickname", "long_nickname", "bad_ts", "not_json"]
        for i, kind in enumerate(kinds):
            if not pool:
                break
            o, a = pool[i % len(pool)]
            o = json.loads(json.dumps(o))
            pid = a["pid"]
            if kind == "python_repr":
                s = repr(o)
            elif kind == "empty_object":
                s = "{}"
                pid = None
            elif kind == "cut_object":
                s = json.dumps(o, ensure_ascii=False)[:37]
            elif kind == "formula_nickname":
                o["nickname"] = r.choice(['=HYPERLINK("http://x.example","关注")', "@all", "+8613800000000"])
                s = json.dumps(o, ensure_ascii=False)
            elif kind == "control_nickname":
                o["nickname"] = "阿\x1b\x07" + o["nickname"]
                s = json.dumps(o, ensure_ascii=False)
            elif kind == "long_nickname":
                o["nickname"] = "长" * 20000
                s = json.dumps(o, ensure_ascii=False)
            elif kind == "bad_ts":
                o["logins"] = [{"ts": "2026-02-30 25:61:00+08:00", "ip": "1.2.3.4", "ip_region": "中国"}]
                s = json.dumps(o, ensure_ascii=False)
            else:
                s = "-- 第2页 --"
                pid = None
            rc = rec(source="social", platform=plat, record_key="social|%s|%s" % (plat, o.get("uid")) if o.get("uid") else None, holder=pid,
                     dirty=True, dirt=kind)
            out.insert(r.randint(0, len(out)), (s, rc))
        if pool:
            o, a = pool[-1]
            out.append((json.dumps(o, ensure_ascii=False), rec(source="social", platform=plat, record_key="social|%s|%s" % (plat, o["uid"]), holder=a["pid"])))
        return out

    def parquet_rows(self, rows, carrier):
        r = self.r
        geo = self.out.g.geo
        out = list(rows)
        kinds = ["null_waybill_no", "sign_before_pickup", "pickup_1970", "formula_receiver", "control_chars", "long_address", "unknown_sign_type", "nul"]
        for i, kind in enumerate(kinds * 2):
            p = r.choice(self.people)
            self.n += 1
            t = rtime(r, rand_date(r, ASOF - dt.timedelta(days=25), ASOF - dt.timedelta(days=3)), "home")
            wn = ("BS9%011d" % self.n) if carrier == "baishi" else ("779%010d" % self.n)
            row = {"waybill_no": wn, "sender_name": "测试商行", "sender_phone": "0595-22000000", "sender_address": "福建省泉州市丰泽区刺桐北路1号",
                   "receiver_name": mask_name(p["name"], "x*y"), "receiver_phone": mask_phone(p["phones"][0]), "receiver_address": geo.render(p["home"]),
                   "pickup_time": t, "sign_time": t + dt.timedelta(days=1), "sign_type": "本人签收", "goods": "日用品"}
            if kind == "null_waybill_no":
                row["waybill_no"] = None
            elif kind == "sign_before_pickup":
                row["sign_time"] = t - dt.timedelta(days=3)
            elif kind == "pickup_1970":
                row["pickup_time"] = dt.datetime(1970, 1, 1, 8, 0)
            elif kind == "formula_receiver":
                row["receiver_name"] = r.choice(["=1+1", "@SUM(1)", "-1", '=HYPERLINK("x")'])
            elif kind == "control_chars":
                row["receiver_address"] = row["receiver_address"][:5] + "\x1b\x08" + row["receiver_address"][5:]
            elif kind == "long_address":
                row["receiver_address"] = row["receiver_address"] * 500
            elif kind == "unknown_sign_type":
                row["sign_type"] = r.choice(["放门口", "已放门口", "签收"])
            else:
                row["receiver_name"] = row["receiver_name"] + "\x00"
            rc = rec(source="logistics", platform=carrier, record_key=("logistics|%s|%s" % (carrier, row["waybill_no"])) if row["waybill_no"] else None,
                     receiver=p["pid"], dirty=True, dirt=kind, raw_address=row["receiver_address"])
            out.insert(r.randint(0, len(out)), (row, rc))
        return out


# ---------------------------------------------------------------------------------------------------------- truth
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
    pl.DataFrame([{k: v for k, v in c.items()} for c in cases]).write_parquet(os.path.join(tdir, "cases.parquet"))
    vio, seen = [], set()
    for x in clean:
        if x["source"] != "ecommerce" or x["category"] not in RESTRICTED:
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
    for p in W.people:
        person = p["kind"] == "person"
        ppl.append(dict(pid=p["pid"], role=p["role"], kind=p["kind"], household=p.get("household"), name=p["name"],
                        id_number=p["id_number"], gender=p.get("gender"), birth=p.get("birth"),
                        home=canon(p.get("home")), home_kind=(p.get("home") or {}).get("kind"),
                        old_home=canon(p.get("old_home")), move_date=p.get("move_date"), hukou_home=canon(p.get("hukou_home")),
                        work=canon(p.get("work")), work_kind=(p.get("work") or {}).get("kind"), old_work=canon(p.get("old_work")),
                        job_change=p.get("job_change"), landline=p.get("landline"), phones=list(p["phones"]), old_phone=p.get("old_phone"),
                        phone_change=p.get("phone_change"), phone_from=p.get("phone_from"), spouse=p.get("spouse"),
                        parents=list(p.get("parents") or []), children=list(p.get("children") or []),
                        namesake_of=p.get("namesake_of"), roster_phones=list(p.get("roster_phones") or []),
                        accounts=sorted(p.get("accounts") or {}), present=p.get("present"), flags=list(p["flags"]),
                        home_district=G.D[p["home"]["dk"]]["name"] if person and p.get("home") and p["home"].get("dk") else None))
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
        if p["kind"] == "person" and p["present"] and p["role"] != "dirt" and p["home"] is not None:
            g.person_orders(p)
    for d in W.debtors:
        if d["kind"] == "person" and "uses_spouse_account" in d["flags"]:
            g.spouse_account_orders(d)
    for d in W.debtors:
        if d["kind"] == "person" and d["present"] and r.random() < 0.13:
            d["flags"].append("violator")
            g.restricted(d, cases)
    for p in W.people:
        if p["kind"] == "person" and p["present"] and p["role"] not in ("debtor", "dirt") and p["home"] is not None and r.random() < 0.03:
            a_ = g.account(p, "lvtu")
            day = rand_date(r, max(START, a_["created"]), ASOF - dt.timedelta(days=1))
            cat = r.choice(RESTRICTED + G.NEAR_MISS)
            g.order(a_, p, None, "virtual", rtime(r, day, "home"), category=cat, virtual=True, name_override=typed_name(r, p, restricted=True),
                    text_override="电子客票")
    g.mirrors()
    g.independents()
    out = Out(a.out, W, g)
    dirt = Dirt(out)
    out.ecommerce(dirt)
    out.social(dirt)
    out.logistics(dirt)
    out.roster(cases)
    write_truth(W, cases, out.R, a.out)
    with open(os.path.join(a.out, "truth", "files.json"), "w") as f:
        json.dump(out.files, f, ensure_ascii=False, indent=1, sort_keys=True)
    print("people", len(W.people), "debtors", len(W.debtors), "orders", len(g.orders), "waybills", len(g.waybills), "records", len(out.R))


if __name__ == "__main__":
    main()
