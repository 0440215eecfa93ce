#!/usr/bin/env python
"""foreign9: ninth independent synthetic inbox generator for `locate` (written from shared/specs only)."""
import argparse, datetime as dt, json, math, os, random, shutil, struct
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from geo9 import *  # noqa

ASOF = dt.date(2026, 12, 8)
START = dt.date(2025, 12, 9)
D = dt.datetime


# ---------------------------------------------------------------- identifiers
def id_check(body17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(c) * x for c, x in zip(body17, w)) % 11]


def credit_code(rng, county):
    al = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    body = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    vals = [int(c) if c.isdigit() else ord(c) - 55 for c in body]
    c9 = 11 - sum(v * w for v, w in zip(vals, [3, 7, 9, 10, 5, 8, 4, 2])) % 11
    org = body + ("X" if c9 == 10 else "0" if c9 == 11 else str(c9))
    s = rng.choice(["91", "91", "91", "92"]) + county + org
    ws = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    t = 31 - sum(al.index(c) * w for c, w in zip(s, ws)) % 31
    return s + al[0 if t == 31 else t]


class World:
    def __init__(self, seed, k):
        self.rng = random.Random(seed)
        self.k = k
        self.people, self.by = [], {}
        self.phones_used = set()
        self.idn_used = set()
        self.uid = 0

    def pid(self):
        self.uid += 1
        return self.uid

    def phone(self):
        r = self.rng
        while True:
            p = r.choice(["13", "13", "15", "18", "17", "19"]) + str(r.randint(0, 9)) + "%08d" % r.randint(0, 99999999)
            if p[:3] in ("170", "171", "140") or p in self.phones_used:
                continue
            self.phones_used.add(p)
            return p

    def idnum(self, county, birth, gender):
        r = self.rng
        while True:
            seq = r.randint(0, 99)
            sx = r.choice([1, 3, 5, 7, 9]) if gender == "M" else r.choice([0, 2, 4, 6, 8])
            b = county + birth.strftime("%Y%m%d") + "%02d%d" % (seq, sx)
            n = b + id_check(b)
            if n not in self.idn_used:
                self.idn_used.add(n)
                return n


# ---------------------------------------------------------------- geography
def dist_prefix(dk):
    d = DIST[dk]
    city = d["city"]
    return PROV[city] + city + "市" + d["name"]


def canon(pl):
    if pl is None:
        return None
    k = pl["kind"]
    if k == "hukou":
        return pl["prov"] + pl["city"] + pl["county"] + pl["town"] + pl["village"] + "%d组%d号" % (pl["zu"], pl["hno"])
    pre = dist_prefix(pl["dk"])
    if k == "flat":
        s = pre + pl["road"] + "%d号" % pl["no"] + pl["estate"] + (pl["zt"] + "组团" if pl.get("zt") else "") + "%d幢" % pl["bld"]
        if pl["unit"]:
            s += "%d单元" % pl["unit"]
        if pl.get("side"):
            s += "%d层%s" % (pl["floor"], pl["side"])
        else:
            s += "%d室" % room_no(pl)
        return s
    if k == "house":
        s = pre + pl["town"] + pl["village"]
        if pl.get("zhai"):
            return s + pl["zhai"] + "%d号" % pl["hno"]
        return s + "%d组%d号" % (pl["zu"], pl["hno"])
    if k == "dorm":
        return pre + pl["road"] + "%d号" % pl["no"] + pl["company"] + "员工宿舍%d幢%d室" % (pl["bld"], pl["room"])
    if k == "office":
        return pre + pl["road"] + "%d号" % pl["no"] + pl["tower"] + "%d室" % pl["room"]
    if k == "factory":
        return pre + pl["road"] + "%d号" % pl["no"] + pl["company"]
    if k == "stall":
        return pre + pl["road"] + "%d号" % pl["no"] + pl["market"] + "%s区%d号" % (pl["area"], pl["stall"])
    if k == "pickup":
        return pre + pl["road"] + "%d号" % pl["no"] + pl["estate"] + pl["locker"]
    if k == "merchant":
        return pl["text"]
    raise ValueError(k)


def room_no(pl):
    return pl["floor"] * 100 + pl["door"]


class Geo:
    def __init__(self, rng):
        self.rng = rng
        self.roads, self.estates, self.villages, self.works = {}, {}, {}, []
        used_est = set()
        for dk, d in DIST.items():
            rs = set()
            while len(rs) < 14:
                rs.add(rng.choice(ROAD_A) + rng.choice(ROAD_B + ROAD_A) + rng.choice(ROAD_SUF))
            self.roads[dk] = sorted(rs)
            ests = []
            n = 12 if d.get("county") else 26
            while len(ests) < n:
                nm = rng.choice(EST_A) + rng.choice(EST_A) + rng.choice(EST_SUF[d["city"]])
                if nm in used_est or nm[0] == nm[1]:
                    continue
                used_est.add(nm)
                zone = bool(d["alts"]) and rng.random() < (0.9 if dk in ("园区", "虎丘", "吴江", "姑苏") else 0.45)
                e = dict(dk=dk, name=nm, road=rng.choice(self.roads[dk]), no=rng.randint(1, 999), zone=zone,
                         old=rng.choice(d["alts"]) if dk == "姑苏" else None,
                         blds=rng.randint(6, 40), units=0 if (dk in ("园区", "蜀山", "包河") and rng.random() < 0.5) else rng.randint(1, 4),
                         floors=rng.choice([6, 7, 11, 18, 26, 33]), doors=rng.choice([2, 2, 3, 4]),
                         side=d["city"] == "郑州" and rng.random() < 0.45,
                         zts=["%s%d" % (rng.choice("ABCDEFGH"), rng.randint(1, 15)) for _ in range(3)] if (d["city"] == "贵阳" and rng.random() < 0.4) else None,
                         lockers=rng.sample(LOCKERS, 2), linli=(rng.choice(EST_A) + rng.choice(EST_A)) if dk == "园区" else None)
                ests.append(e)
            self.estates[dk] = ests
            if d.get("rural"):
                towns = TOWNS.get(dk, [rng.choice(EST_A) + "镇"])
                vs = []
                for _ in range(10):
                    vs.append(dict(dk=dk, town=rng.choice(towns), village=rng.choice(VIL_A) + rng.choice(VIL_B) + "村",
                                   zhai=dk == "花溪", zus=rng.randint(3, 12)))
                self.villages[dk] = vs
        self.hukou_vil = {}
        for code, prov, city, county in HUKOU:
            self.hukou_vil[code] = [dict(prov=prov, city=city, county=county, town=rng.choice(VIL_A) + rng.choice(["集镇", "店镇", "桥镇", "楼镇", "岗镇", "坝镇"]),
                                         village=rng.choice(VIL_A) + rng.choice(VIL_B) + "村") for _ in range(8)]

    def flat(self, dk, est=None):
        r = self.rng
        e = est or r.choice(self.estates[dk])
        side = e["side"]
        fl = r.randint(1, e["floors"])
        pl = dict(kind="flat", dk=dk, road=e["road"], no=e["no"], estate=e["name"], est=e, bld=r.randint(1, e["blds"]),
                  unit=(r.randint(1, e["units"]) if e["units"] else 0), floor=fl, door=r.randint(1, e["doors"]),
                  zt=r.choice(e["zts"]) if e["zts"] else None)
        if side:
            pl["side"] = ["东户", "西户"][pl["door"] % 2] if e["doors"] == 2 else ["东户", "中户", "西户"][pl["door"] % 3]
        return pl

    def house(self, dk, vil=None):
        r = self.rng
        v = vil or r.choice(self.villages[dk])
        pl = dict(kind="house", dk=dk, town=v["town"], village=v["village"], vil=v, hno=r.randint(1, 160))
        if v["zhai"]:
            pl["zhai"] = r.choice(["上寨", "下寨", "中寨", "新寨", "老寨"])
        else:
            pl["zu"] = r.randint(1, v["zus"])
        return pl

    def home(self, city):
        r = self.rng
        dks = [k for k, d in DIST.items() if d["city"] == city]
        dk = r.choice(dks)
        if DIST[dk].get("rural") and (DIST[dk].get("county") or r.random() < 0.35):
            return self.house(dk)
        return self.flat(dk)

    def hukou(self, code):
        r = self.rng
        v = r.choice(self.hukou_vil[code])
        return dict(kind="hukou", prov=v["prov"], city=v["city"], county=v["county"], town=v["town"], village=v["village"],
                    zu=r.randint(1, 9), hno=r.randint(1, 99))

    def workplace(self, city):
        r = self.rng
        dks = [k for k, d in DIST.items() if d["city"] == city and not d.get("county")]
        t = r.choices(["office", "factory", "stall"], [45, 38, 17])[0]
        if t == "stall":
            m, dk = MARKETS[city]
            key = ("stall", city)
            mk = [w for w in self.works if w.get("_key") == key]
            base = mk[0] if mk else None
            road = base["road"] if base else r.choice(self.roads[dk])
            no = base["no"] if base else r.randint(1, 300)
            return dict(kind="stall", dk=dk, road=road, no=no, market=m, area=r.choice("ABCDE"), stall=r.randint(101, 399), _key=key,
                        landline=CITY_AREA[city] + "-" + str(r.randint(5, 8)) + "%07d" % r.randint(0, 9999999) if r.random() < 0.5 else None)
        dk = r.choice(dks)
        if city == "苏州" and t == "factory":
            dk = r.choice(["园区", "虎丘", "吴中", "吴江"])
        comp = r.choice(COMP_A) + r.choice(COMP_A) + r.choice(COMP_B) + ("(苏州)" if city == "苏州" and r.random() < 0.4 else "") + "有限公司"
        w = dict(kind=t, dk=dk, road=r.choice(self.roads[dk]), no=r.randint(1, 999), company=comp,
                 landline=CITY_AREA[city] + "-" + str(r.randint(5, 8)) + "%07d" % r.randint(0, 9999999) if r.random() < 0.7 else None)
        if t == "office":
            w["tower"] = r.choice(EST_A) + r.choice(EST_A) + r.choice(TOWER)
            w["room"] = r.randint(3, 32) * 100 + r.randint(1, 20)
        return w


# ---------------------------------------------------------------- rendering
CN = "零一二三四五六七八九十"


def cnum(n):
    if n <= 10:
        return CN[n]
    if n < 20:
        return "十" + (CN[n - 10] if n > 10 else "")
    return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")


def fw(s):
    return "".join(chr(ord(c) + 0xFEE0) if "0" <= c <= "9" else c for c in s)


def render_prefix(r, pl):
    dk = pl["dk"]
    d = DIST[dk]
    city = d["city"]
    prov = PROV[city]
    e = pl.get("est") or {}
    zone = e.get("zone")
    full = prov + city + "市" + d["name"]
    # zone/old-name spellings of the district
    if zone and r.random() < 0.5:
        if dk == "姑苏":
            return r.choice([prov + city + "市" + e["old"], city + "市" + e["old"], e["old"]])
        if dk == "吴江":
            return r.choice([prov + "吴江市", "吴江市", city + "市吴江市"])
        alt = r.choice(d["alts"])
        if dk == "园区":
            return r.choice([prov + city + "市" + "苏州工业园区", city + "市工业园区", city + "工业园区", prov[:2] + city + "园区", "苏州园区", "园区", city + "市园区"])
        if dk == "虎丘":
            return r.choice(["苏州高新区", city + "市高新区", prov + city + "市高新区", city + "新区", city + "市虎丘区高新区"])
        if dk == "管城":
            return r.choice([city + "市管城区", prov + city + "市管城区", city + "管城"])
        return r.choice([city + "市" + alt, prov + city + "市" + alt, city + alt, city + "市" + d["name"] + alt])
    if d.get("cls"):  # county-level city
        return r.choice([full, prov + d["name"], d["name"], city + d["name"]])
    x = r.random()
    if x < 0.34:
        return full
    if x < 0.50:
        return city + "市" + d["name"]
    if x < 0.58:
        return "中国" + r.choice(["", " "]) + full
    if x < 0.66:
        return prov[:2] + city + d["short"]
    if x < 0.74:
        return prov + " " + city + "市 " + d["name"] + " "
    if x < 0.82 and d["streets"]:
        return full + r.choice(d["streets"])
    if x < 0.90 and dk not in ("园区", "中原", "二七", "江宁"):
        return d["name"]
    return city + d["short"]


def render_unit(r, pl):
    b, u, rm = pl["bld"], pl["unit"], room_no(pl)
    if pl.get("side"):
        f, s = pl["floor"], pl["side"]
        return r.choice(["%d号楼%d单元%d层%s" % (b, u, f, s), "%d号楼%d单元%d楼%s" % (b, u, f, s[0]), "%d-%d-%d%s" % (b, u, f, s[0]),
                         "%d栋%d单元%d楼%s" % (b, u, f, s), "%d号楼%d单元%s%d楼" % (b, u, s, f)])
    if u:
        forms = ["%d幢%d单元%d室" % (b, u, rm), "%d栋%d单元%d" % (b, u, rm), "%d号楼%d单元%d室" % (b, u, rm), "%d-%d-%d" % (b, u, rm),
                 "%d#%d单元%d" % (b, u, rm), "%d号楼%d单元%d" % (b, u, rm), "%s幢%s单元%d室" % (cnum(b), cnum(u), rm), fw("%d幢%d单元%d室" % (b, u, rm))]
        return r.choices(forms, [20, 16, 16, 14, 6, 12, 5, 3])[0]
    return r.choice(["%d幢%d室" % (b, rm), "%d栋%d" % (b, rm), "%d-%d" % (b, rm), "%d号楼%d室" % (b, rm), "%d幢%d" % (b, rm)])


REMARKS = ["（工作日送）", "，周末勿送", "[到了打电话]", "（放物业）", " 家里有老人请敲门", "（送上楼）", "，不要放快递柜"]
ROOMMATE = ["次卧", "主卧", "(合租)", "北卧", "A间", "-次卧"]


def render(r, pl, roommate=False):
    k = pl["kind"]
    if k == "hukou":
        return r.choice([canon(pl), pl["prov"] + pl["county"] + pl["town"] + pl["village"] + "%s组%d号" % (cnum(pl["zu"]), pl["hno"]),
                         pl["city"] + pl["county"] + pl["village"] + "%d组%d号" % (pl["zu"], pl["hno"])])
    if k == "merchant":
        return pl["text"]
    pre = render_prefix(r, pl)
    road = pl.get("road", "") + ("%d号" % pl["no"] if pl.get("no") else "")
    if k == "flat":
        keep_road = r.random() < (0.85 if pl["dk"] == "园区" else 0.6)
        zt = ""
        if pl.get("zt"):
            zt = r.choices([pl["zt"] + "组团", pl["zt"] + "组", pl["zt"]], [70, 20, 10])[0]
        s = pre + (road if keep_road else "") + pl["estate"] + (r.choice(["小区", ""]) if not pl["estate"].endswith("小区") and r.random() < 0.1 else "") + zt + render_unit(r, pl)
        if roommate and r.random() < 0.6:
            s += r.choice(ROOMMATE)
    elif k == "house":
        if pl.get("zhai"):
            s = pre + r.choice([pl["town"] + pl["village"], pl["village"], pl["town"] + pl["village"]]) + pl["zhai"] + "%d号" % pl["hno"]
        else:
            zu = pl["zu"]
            s = pre + r.choice([pl["town"] + pl["village"], pl["village"], pl["town"] + pl["village"]]) + r.choice(["%d组" % zu, "%s组" % cnum(zu), "%d组" % zu]) + "%d号" % pl["hno"]
    elif k == "dorm":
        s = pre + r.choice([road, ""]) + pl["company"] + r.choice(["员工宿舍", "宿舍", "员工宿舍"]) + r.choice(["%d幢%d室" % (pl["bld"], pl["room"]), "%d号楼%d" % (pl["bld"], pl["room"]), "%d-%d" % (pl["bld"], pl["room"])])
    elif k == "office":
        rm, fl = pl["room"], pl["room"] // 100
        s = pre + r.choice([road, road, ""]) + pl["tower"] + r.choice(["%d室" % rm, "%d楼%d" % (fl, rm), "%d" % rm, "%dF-%d" % (fl, rm), "%d层%d室" % (fl, rm)])
        if r.random() < 0.4:
            s += r.choice(["（%s）", "(%s)", " %s"]) % pl["company"]
    elif k == "factory":
        s = pre + r.choice([road + pl["company"], pl["company"], road + pl["company"] + "门卫室", road + pl["company"] + "%d号门" % r.randint(1, 3), road + "（%s）" % pl["company"]])
    elif k == "stall":
        a, n = pl["area"], pl["stall"]
        s = pre + r.choice([road, ""]) + pl["market"] + r.choice(["%s区%d号" % (a, n), "%s%d" % (a, n), "%s区%d号商铺" % (a, n), "%s区%d号档口" % (a, n), "%s-%d" % (a, n)])
    elif k == "pickup":
        e, lk = pl["est"], pl["locker"]
        if lk == "物业服务中心代收":
            s = pre + e["name"] + lk
        elif lk.endswith("邻里中心菜鸟驿站"):
            s = pre + lk
        else:
            s = pre + r.choice(["%s%s" % (e["name"], lk), "%s(%s南门)" % (lk, e["name"]), "%s%d幢旁%s" % (e["name"], r.randint(1, e["blds"]), lk), "%s（%s店）" % (lk, e["name"])])
    else:
        raise ValueError(k)
    if r.random() < 0.07:
        s += r.choice(REMARKS)
    return s


def pickup_for(r, home):
    e = home.get("est")
    if home["kind"] != "flat" or not e:
        return None
    lk = r.choice(e["lockers"] + (["物业服务中心代收"] if r.random() < 0.2 else []) + ([e["linli"] + "邻里中心菜鸟驿站"] if e.get("linli") else []))
    return dict(kind="pickup", dk=home["dk"], road=e["road"], no=e["no"], estate=e["name"], est=e, locker=lk)


# ---------------------------------------------------------------- names
PY_SUR = {"单": "Shan", "仇": "Qiu", "查": "Zha", "曾": "Zeng"}


def pinyin(s):
    from pypinyin import lazy_pinyin
    return [x.capitalize() for x in lazy_pinyin(s)]


def mk_name(r, gender):
    sur = r.choice(COMPOUND) if r.random() < 0.012 else r.choices(SURN, SURN_W[:len(SURN)])[0]
    x = r.random()
    pool = GIVEN_M if gender == "M" else GIVEN_F
    if x < 0.35:
        g = r.choice(pool)
    elif x < 0.6:
        g = r.choice(GIVEN_CH)
    else:
        g = r.choice(GIVEN_CH) + r.choice(GIVEN_CH)
    return sur, g


def typed_name(r, p, form=None):
    """How a buyer types this person's name as recipient. Returns (text, form)."""
    sur, g = p["sur"], p["given"]
    full = sur + g
    if form is None:
        form = r.choices(["full", "title", "xx", "x*", "nick", "pinyin", "trad", "ideospace", "digit", "en", "fake"],
                         [60, 9, 4, 2, 7, 4, 3, 2, 2, 1, 2])[0]
    if form == "full":
        return full, form
    if form == "title":
        return sur + ("先生" if p["gender"] == "M" else "女士"), form
    if form == "xx":
        return sur + "**", form
    if form == "x*":
        return sur + "*" * len(g), form
    if form == "nick":
        last = g[-1]
        return r.choice(["小" + last, "阿" + last, last + last, "老" + sur, sur + ("哥" if p["gender"] == "M" else "姐"), sur + "总", sur + "老师"]), form
    if form == "pinyin":
        ps, pg = PY_SUR.get(sur) or "".join(pinyin(sur)), "".join(pinyin(g))
        return r.choice([ps + " " + pg, (ps + pg).lower(), (ps + " " + pg).upper(), pg + " " + ps]), form
    if form == "trad":
        t = "".join(TRAD.get(c, c) for c in full)
        return (t if t != full else full), ("trad" if t != full else "full")
    if form == "ideospace":
        return sur + "\u3000" + g, form
    if form == "digit":
        return full + r.choice(["1", "2", "01", "02"]), form
    if form == "en":
        return r.choice(["Tony", "Kevin", "Jack", "Lisa", "Amy", "Coco"]) + r.choice([full, sur]), form
    if form == "fake":
        return r.choice(["张三", "收件人", "本人", "业主", "王五"]), form
    raise ValueError(form)


def mask_name(r, full, how):
    if how == "full" or len(full) < 2:
        return full
    if how == "x*y":
        return full[0] + "*" * (len(full) - 2) + full[-1] if len(full) > 2 else full[0] + "*"
    if how == "x**":
        return full[0] + "**"
    if how == "*y":
        return "*" + full[1:]
    if how == "x*":
        return full[0] + "*" * (len(full) - 1)
    if how == "xmou":
        return full[0] + "某" + full[-1] if len(full) > 2 else full[0] + "某"
    raise ValueError(how)


def mask_id(r, idn, how):
    if how == "full":
        return idn
    if how == "empty":
        return ""
    if how == "6-4":
        return idn[:6] + "*" * 8 + idn[-4:]
    if how == "2-2":
        return idn[:2] + "*" * 14 + idn[-2:]
    if how == "6-2":
        return idn[:6] + "*" * 10 + idn[-2:]
    if how == "4-4":
        return idn[:4] + "*" * 10 + idn[-4:]
    if how == "birth":
        return idn[:10] + "****" + idn[-4:]
    if how == "sci":  # opened in Excel and saved again: the 18 digits become a float
        return "%.5E" % float(idn[:17] + "0") if idn[-1] in "Xx" else ("%.5E" % float(idn)).replace("E+", "E+")
    raise ValueError(how)


def sci_fix(s):
    # Excel writes 3.20571E+17 (trailing zeros of the mantissa dropped)
    m, e = s.split("E+")
    m = m.rstrip("0").rstrip(".")
    return m + "E+" + e


def mask_phone(p):
    return p[:3] + "****" + p[-4:]


def typed_phone(r, ph, form=None):
    if form is None:
        form = r.choices(["full", "+86", "+86 ", "dash", "space", "86", "mask", "+86mask"], [58, 7, 5, 6, 6, 3, 12, 3])[0]
    if form == "full":
        return ph
    if form == "+86":
        return "+86" + ph
    if form == "+86 ":
        return "+86 " + ph
    if form == "dash":
        return ph[:3] + "-" + ph[3:7] + "-" + ph[7:]
    if form == "space":
        return ph[:3] + " " + ph[3:7] + " " + ph[7:]
    if form == "86":
        return "86" + ph
    if form == "mask":
        return mask_phone(ph)
    if form == "+86mask":
        return "+86 " + mask_phone(ph)
    raise ValueError(form)


# ---------------------------------------------------------------- the world
def rand_date(r, a, b):
    return a + dt.timedelta(days=r.randint(0, (b - a).days))


def native_code(r, dk, birth):
    codes = NATIVE_CODES[dk]
    if len(codes) > 1 and birth.year < 1995:
        return r.choice(codes[1:])  # abolished code still printed on an old ID
    return codes[0]


def new_person(W, role, gender=None, age=None, sur=None, given=None, code=None, city=None):
    r = W.rng
    gender = gender or r.choice("MF")
    age = age if age is not None else r.randint(22, 66)
    birth = dt.date(ASOF.year - age, 1, 1) + dt.timedelta(days=r.randint(0, 364))
    if sur is None:
        sur, given = mk_name(r, gender)
    elif given is None:
        given = mk_name(r, gender)[1]
    if code is None:
        dks = [k for k, d in DIST.items() if d["city"] == city] if city else list(DIST)
        if r.random() < 0.5:
            code = native_code(r, r.choice(dks), birth)
        else:
            code = r.choice(HUKOU)[0]
    p = dict(pid=W.pid(), role=role, kind="person", sur=sur, given=given, name=sur + given, gender=gender, birth=birth, age=age,
             id_number=W.idnum(code, birth, gender), code=code, city=city, home=None, old_home=None, move_date=None, work=None,
             old_work=None, job_change=None, phones=[W.phone()], old_phone=None, phone_change=None, phone_from=None, prior_phone=None,
             spouse=None, parents=[], children=[], household=None, present=True, flags=[], accounts={}, roster_phones=[],
             namesake_of=None, landline=None, hukou_home=None)
    if r.random() < 0.12:
        p["phones"].append(W.phone())
    W.people.append(p)
    W.by[p["pid"]] = p
    return p


def phone_at(p, t):
    if p.get("phone_change") and t.date() < p["phone_change"]:
        return p["old_phone"]
    if p.get("phone_from") and t.date() < p["phone_from"]:
        return p["prior_phone"]
    return p["phones"][0]


def home_at(p, t):
    if p.get("move_date") and t.date() < p["move_date"]:
        return p["old_home"]
    return p["home"]


def work_at(p, t):
    if p.get("job_change") and t.date() < p["job_change"]:
        return p["old_work"]
    return p["work"]


def build_world(W, geo):
    r = W.rng
    K = W.k
    W.debtors = []
    cities = list(CITY_WEIGHT)
    cw = [CITY_WEIGHT[c] for c in cities]
    works_by_city = {c: [] for c in cities}
    households = []
    while len(W.debtors) < K:
        if r.random() < 0.08:
            city = r.choices(cities, cw)[0]
            dk = r.choice([k for k, d in DIST.items() if d["city"] == city])
            nm = city + r.choice(COMP_A) + r.choice(COMP_A) + r.choice(COMP_B) + r.choice(["有限公司", "有限公司", "股份有限公司", "经营部", "商行"])
            o = dict(pid=W.pid(), role="debtor", kind="organisation", name=nm, id_number=credit_code(r, DIST[dk]["code"]), city=city,
                     dk=dk, phones=[], flags=[], present=False, accounts={}, roster_phones=[], household=None,
                     landline=CITY_AREA[city] + "-" + str(r.randint(5, 8)) + "%07d" % r.randint(0, 9999999))
            W.people.append(o)
            W.by[o["pid"]] = o
            W.debtors.append(o)
            continue
        city = r.choices(cities, cw)[0]
        age = r.randint(24, 68)
        d = new_person(W, "debtor", age=age, city=city)
        W.debtors.append(d)
        hh = [d]
        d["household"] = d["pid"]
        d["home"] = geo.home(city)
        if d["code"] in [h[0] for h in HUKOU]:
            d["hukou_home"] = geo.hukou(d["code"])
        if age > 26 and r.random() < 0.6:
            s = new_person(W, "family", gender="F" if d["gender"] == "M" else "M", age=max(22, age + r.randint(-4, 3)), city=city,
                           code=d["code"] if r.random() < 0.5 else None)
            s["home"] = d["home"]
            s["household"] = d["pid"]
            d["spouse"], s["spouse"] = s["pid"], d["pid"]
            hh.append(s)
            if r.random() < 0.05 and len(W.debtors) < K:  # co-debtor spouse on the same case
                s["role"] = "debtor"
                s["flags"].append("codebtor")
                W.debtors.append(s)
            if age > 46 and r.random() < 0.3:
                c = new_person(W, "family", age=r.randint(20, age - 22), city=city, sur=d["sur"] if d["gender"] == "M" else s["sur"], given=None)
                c["name"] = c["sur"] + c["given"]
                c["home"] = d["home"] if r.random() < 0.5 else geo.home(r.choice(cities))
                c["household"] = d["pid"] if c["home"] is d["home"] else None
                d["children"].append(c["pid"])
                hh.append(c)
        if d["hukou_home"] and r.random() < 0.35:
            for g in ("M", "F")[: r.randint(1, 2)]:
                par = new_person(W, "family", gender=g, age=min(88, age + r.randint(22, 30)), code=d["code"],
                                 sur=d["sur"] if g == "M" else None)
                if g == "M":
                    par["given"] = mk_name(r, "M")[1]
                    par["name"] = par["sur"] + par["given"]
                par["home"] = d["hukou_home"]
                par["hukou_home"] = d["hukou_home"]
                par["city"] = None
                d["parents"].append(par["pid"])
        # dormitory or shared flat
        if 22 <= age <= 60 and r.random() < 0.6:
            pool = works_by_city[city]
            if pool and r.random() < 0.4:
                w = r.choice(pool)
                w = dict(w)
                if w["kind"] == "office":
                    w["room"] = w["room"]
            else:
                w = geo.workplace(city)
                pool.append(w)
            d["work"] = w
            d["landline"] = w.get("landline")
            if w["kind"] == "factory" and age < 36 and not d["spouse"] and r.random() < 0.35:
                d["home"] = dict(kind="dorm", dk=w["dk"], road=w["road"], no=w["no"], company=w["company"], bld=r.randint(1, 6),
                                 room=r.randint(1, 6) * 100 + r.randint(1, 30))
                d["flags"].append("dorm")
            if r.random() < 0.15:
                d["old_work"] = geo.workplace(city)
                d["job_change"] = rand_date(r, START + dt.timedelta(days=30), ASOF - dt.timedelta(days=20))
                d["flags"].append("job_change")
        if not d["spouse"] and age < 38 and city in ("苏州", "南京", "合肥") and d["home"]["kind"] == "flat" and r.random() < 0.3:
            d["flags"].append("shared_flat")
            for _ in range(r.randint(1, 2)):
                rm = new_person(W, "roommate", age=r.randint(21, 36), city=city)
                rm["home"] = d["home"]
                rm["flags"].append("roommate")
        if r.random() < 0.25 and "dorm" not in d["flags"]:
            md = rand_date(r, START + dt.timedelta(days=10), ASOF - dt.timedelta(days=5)) if r.random() < 0.7 else rand_date(r, ASOF - dt.timedelta(days=60), ASOF - dt.timedelta(days=5))
            old = geo.home(city if r.random() < 0.75 else r.choice(cities))
            for m in hh:
                if m.get("home") is d["home"]:
                    m["old_home"], m["move_date"] = old, md
            d["flags"].append("moved")
        # phones
        if r.random() < 0.3:
            d["old_phone"] = W.phone()
            d["phone_change"] = rand_date(r, START - dt.timedelta(days=300), ASOF - dt.timedelta(days=20))
            d["flags"].append("changed_phone")
        x = r.random()
        cur = list(d["phones"])
        old = [d["old_phone"]] if d["old_phone"] else [W.phone()]
        if x < 0.35:
            d["roster_phones"] = old
            d["flags"].append("roster_stale")
            if not d["old_phone"]:
                d["dead_phone"] = old[0]
        elif x < 0.65:
            d["roster_phones"] = cur
        elif x < 0.80:
            d["roster_phones"] = old + cur[:1]
            if not d["old_phone"]:
                d["dead_phone"] = old[0]
        elif x < 0.95:
            d["roster_phones"] = []
        else:
            d["roster_phones"] = [d["landline"]] if d.get("landline") else []
        if r.random() < 0.12:
            d["present"] = False
            d["flags"].append("absent")
        households.append(hh)
    W.households = households
    # family homes / accounts later; neighbours, namesakes, colleagues, strangers
    persons = [d for d in W.debtors if d["kind"] == "person"]
    for d in persons:
        if d["home"]["kind"] == "flat" and r.random() < 0.3:
            e = d["home"]["est"]
            nb_home = geo.flat(d["home"]["dk"], e)
            if r.random() < 0.4:
                nb_home.update(bld=d["home"]["bld"], unit=d["home"]["unit"])
            nb_home_c = canon(nb_home)
            if nb_home_c == canon(d["home"]):
                continue
            for i in range(r.randint(1, 3)):
                n = new_person(W, "neighbour", city=d["city"])
                n["home"] = nb_home
        if r.random() < 0.2:
            same_city = r.random() < 0.7
            ns = new_person(W, "namesake", gender=d["gender"], age=max(22, min(75, d["age"] + r.randint(-6, 6))),
                            sur=d["sur"], given=d["given"], city=d["city"] if same_city else None)
            if same_city and d["home"]["kind"] == "flat" and r.random() < 0.25:
                ns["home"] = geo.flat(d["home"]["dk"], d["home"]["est"])
                if canon(ns["home"]) == canon(d["home"]):
                    ns["home"] = geo.home(d["city"])
            else:
                ns["home"] = geo.home(d["city"] if same_city else r.choice(cities))
            ns["namesake_of"] = d["pid"]
            d["flags"].append("has_namesake")
    for c, ws in works_by_city.items():
        for w in ws:
            for i in range(r.randint(1, 4)):
                col = new_person(W, "colleague", city=c)
                col["home"] = geo.home(c)
                col["work"] = dict(w)
                if w["kind"] == "office":
                    col["work"]["room"] = w["room"]
    for i in range(int(0.9 * K)):
        c = r.choices(cities, cw)[0]
        s = new_person(W, "stranger", city=c)
        s["home"] = geo.home(c)
    # recycled numbers: an old number changed before August goes to a stranger 60-150 days later
    for d in persons:
        for key in ("old_phone", "dead_phone"):
            ph = d.get(key)
            if not ph:
                continue
            chg = d["phone_change"] if key == "old_phone" else START - dt.timedelta(days=200)
            if chg < dt.date(2026, 8, 1) and r.random() < 0.35:
                c = d["city"]
                s = new_person(W, "stranger", city=c if r.random() < 0.6 else r.choice(cities))
                s["home"] = geo.home(s["city"])
                s["prior_phone"] = s["phones"][0]
                s["phones"] = [ph]
                s["phone_from"] = max(START, chg + dt.timedelta(days=r.randint(60, 150)))
                s["flags"].append("holds_recycled")
                d["flags"].append("number_recycled")
    # family homes default
    for p in W.people:
        if p["kind"] == "person" and p["home"] is None:
            p["home"] = geo.home(p["city"] or "苏州")
    # accounts
    for p in W.people:
        if p["kind"] != "person":
            continue
        if not p["present"]:
            continue
        old = p["age"] > 70
        acc = {}
        if r.random() < (0.35 if old else 0.8):
            acc["ShanMai"] = 1
        if r.random() < (0.1 if old else 0.45):
            acc["youPin"] = 1
        if r.random() < (0.05 if old else 0.3):
            acc["dianjia"] = 1
        if r.random() < (0.2 if old else 0.55):
            acc["quanyou"] = 1
        if r.random() < (0.05 if old else 0.25):
            acc["xiaozhan"] = 1
        p["accounts"] = acc
    for d in persons:
        s = W.by.get(d["spouse"]) if d["spouse"] else None
        if d["present"] and s and s["present"] and r.random() < 0.2:
            d["flags"].append("uses_spouse_account")
            s["accounts"].setdefault("ShanMai", 1)
            if r.random() < 0.5:
                for k in ("ShanMai", "youPin", "dianjia"):
                    d["accounts"].pop(k, None)
    # dirt strangers
    W.dirt = []
    for i in range(150):
        s = new_person(W, "dirt", city=r.choice(cities))
        s["home"] = geo.home(s["city"])
        s["accounts"] = {"ShanMai": 1, "youPin": 1, "dianjia": 1, "quanyou": 1, "xiaozhan": 1}
        W.dirt.append(s)


# ---------------------------------------------------------------- cases
def build_cases(W):
    r = W.rng
    cases = []
    seqs = {}
    by_code = {h[0]: h for h in HUKOU}
    done_spouse = set()
    for d in W.debtors:
        if d["pid"] in done_spouse:
            continue
        n = r.choices([1, 2, 3], [72, 20, 8])[0]
        parties = [d]
        if d["kind"] == "person" and d["spouse"] and "codebtor" in W.by[d["spouse"]]["flags"]:
            parties.append(W.by[d["spouse"]])
            done_spouse.add(d["spouse"])
        for i in range(n):
            if d.get("city") and r.random() < 0.75:
                cs = [c for c in COURTS if c[3] and DIST[c[3]]["city"] == d["city"]]
                court = r.choice(cs) if cs else r.choice(COURTS)
            elif d["kind"] == "person" and d["code"] == "411623":
                court = COURTS[7]
            else:
                court = r.choice(COURTS)
            year = r.randint(2019, 2026)
            filing = rand_date(r, dt.date(year, 1, 1), min(dt.date(year, 12, 31), ASOF - dt.timedelta(days=3)))
            seqs[(court[1], filing.year)] = seqs.get((court[1], filing.year), 0) + r.randint(1, 40)
            heng = r.random() < 0.05
            br = ("（", "）") if r.random() < 0.15 else ("(", ")")
            case_no = "%s%d%s%s执%s%d号" % (br[0], filing.year, br[1], court[1], "恢" if heng else "", seqs[(court[1], filing.year)])
            st = r.choices(["执行中", "终本", "执行完毕"], [52, 33, 15])[0]
            amt = round(r.choice([r.uniform(2000, 50000), r.uniform(20000, 400000), r.uniform(100000, 3000000)]), 2)
            for p in parties:
                cases.append(dict(case_no=case_no, court=court[0], group=court[2], judge=mk_name(r, r.choice("MF")), pid=p["pid"],
                                  name=p["name"], kind=p["kind"], id_number=p["id_number"], status=st, filing=filing,
                                  restrict=(st != "执行完毕" and r.random() < 0.7) or (st == "执行完毕" and r.random() < 0.3),
                                  blacklist=r.random() < 0.45, amount=amt))
    for c in cases:
        c["judge"] = "".join(c["judge"])
    return cases


# ---------------------------------------------------------------- platform records
def rtime(r, day, kind):
    if kind == "work":
        while day.weekday() >= 5:
            day += dt.timedelta(days=1)
        h = r.randint(9, 17)
    elif day.weekday() >= 5:
        h = r.randint(8, 23)
    else:
        h = r.choice([7, 12, 18, 19, 20, 21, 21, 22, 22, 23])
    return D(day.year, day.month, day.day, h, r.randint(0, 59), r.randint(0, 59))


class Gen:
    def __init__(self, W, geo):
        self.W, self.geo, self.r = W, geo, W.rng
        self.orders, self.waybills, self.accounts = [], [], {}
        self.pick_cache = {}
        self.oid = {"ShanMai": 0, "youPin": 0, "dianjia": 0}
        self.wid = {"jtwl": 0, "huoyun": 0}

    def account(self, p, plat):
        key = (p["pid"], plat)
        if key in self.accounts:
            return self.accounts[key]
        r = self.r
        t0 = D.combine(START, dt.time())
        a = dict(pid=p["pid"], platform=plat, entries={},
                 bound=phone_at(p, t0) if r.random() < 0.5 else p["phones"][0])
        if plat == "ShanMai":
            a["buyer_id"] = "sm_%09d" % r.randint(0, 10 ** 9 - 1)
            a["nm"] = r.choices(["full", "x*y"], [65, 35])[0]
            a["idm"] = r.choices(["full", "6-4", "empty"], [45, 30, 25])[0]
            a["bm"] = r.random() < 0.4
        elif plat == "youPin":
            a["buyer_id"] = "%010d" % r.randint(10 ** 8, 10 ** 10 - 1)
            a["nm"] = r.choices(["x**", "x*y", "full"], [40, 30, 30])[0]
            a["idm"] = r.choices(["full", "2-2", "empty"], [30, 30, 40])[0]
            a["bm"] = r.random() < 0.6
        else:
            a["buyer_id"] = "dj" + "".join(r.choice("0123456789abcdef") for _ in range(10))
            a["nm"] = r.choices(["*y", "x*", "full"], [20, 30, 50])[0]
            a["idm"] = r.choices(["6-2", "birth", "4-4", "full", "empty"], [25, 15, 15, 20, 25])[0]
            a["bm"] = r.random() < 0.5
        self.accounts[key] = a
        return a

    def pickup(self, home):
        c = canon(home)
        if c not in self.pick_cache:
            self.pick_cache[c] = pickup_for(self.r, home)
        return self.pick_cache[c]

    def entry(self, a, dest, rcp, t, kind, holder):
        """address-book entry: typed name, typed phone, address text (reused 85 %)."""
        r = self.r
        key = (canon(dest), rcp["pid"], kind)
        e = a["entries"].get(key)
        if e is None or r.random() < 0.15:
            if kind == "work" and r.random() < 0.25:
                nm = r.choice(["%s(行政部)", "行政部%s", "%s（前台）"]) % rcp["name"]
                form = "dept"
            elif rcp["pid"] == holder["pid"] and holder.get("spouse") and r.random() < 0.04 and self.W.by[holder["spouse"]]["present"]:
                nm, form = self.W.by[holder["spouse"]]["name"], "spouse_name"
            elif rcp["pid"] != holder["pid"] and rcp["pid"] == holder.get("spouse") and r.random() < 0.2:
                nm, form = rcp["name"] + ("(老公)" if rcp["gender"] == "M" else "(老婆)"), "relation"
            else:
                nm, form = typed_name(r, rcp)
            ph_form = None
            ph = None
            if kind == "work" and dest.get("landline") and r.random() < 0.35:
                ll = dest["landline"]
                ph = r.choice([ll, ll.replace("-", ""), "(%s)%s" % tuple(ll.split("-")), ll + "-8%02d" % r.randint(0, 99)])
                ph_form = "landline"
            elif rcp["pid"] != holder["pid"] and r.random() < 0.1:
                ph, ph_form = typed_phone(r, phone_at(holder, t)), "holder_phone"
            e = dict(name=nm, form=form, ph=ph, ph_form=ph_form, addr=render(r, dest, roommate=("shared_flat" in rcp["flags"] or rcp["role"] == "roommate")))
            a["entries"][key] = e
        ph = e["ph"]
        if ph is None:
            ph = typed_phone(r, phone_at(rcp, t))
        return e, ph

    def order(self, holder, plat, rcp, dest, dkind, t, category=None, virtual=False):
        r = self.r
        a = self.account(holder, plat)
        e, ph = self.entry(a, dest, rcp, t, "work" if dkind in ("work", "old_work") else dkind, holder)
        self.oid[plat] += 1
        n = self.oid[plat]
        if plat == "ShanMai":
            oid = "%d%012d" % (r.randint(100000, 999999), n * 7919 % 10 ** 12)
        elif plat == "youPin":
            oid = "YP%s%08d" % (t.strftime("%y%m%d"), n)
        else:
            oid = "DJ-%d-%07d" % (t.year, n)
        sign = None
        if not virtual and r.random() < 0.95:
            sign = t + dt.timedelta(days=r.randint(0, 4), hours=r.randint(2, 30), minutes=r.randint(0, 59))
            if dkind in ("work", "old_work"):
                sign = D(sign.year, sign.month, sign.day, r.randint(9, 17), r.randint(0, 59), r.randint(0, 59))
            if sign.date() >= ASOF:
                sign = None
        cat = category or r.choice(ORDINARY + NEAR_MISS[:1] * 0)
        amt = round(r.uniform(5, 600), 2) if not category or category in NEAR_MISS else round(r.uniform(800, 30000), 2)
        o = dict(platform=plat, order_id=oid, acct=a, holder=holder["pid"], recipient=rcp["pid"], dest=dest, dest_kind=dkind,
                 t=t, sign=sign, amount=amt, category=cat, name=e["name"], name_form=e["form"], phone=ph, addr=e["addr"], virtual=virtual)
        self.orders.append(o)
        return o

    def person_orders(self, p):
        r = self.r
        W = self.W
        plats = [k for k in ("ShanMai", "youPin", "dianjia") if k in p["accounts"]]
        if not plats:
            return
        mean = 3 if p["role"] == "dirt" else (13 if p["role"] == "debtor" else 9)
        n = max(0, int(r.gauss(mean, mean / 2)))
        likes_locker = r.random() < 0.45
        for i in range(n):
            day = rand_date(r, START, ASOF - dt.timedelta(days=1))
            opts = [("home", 55)]
            if likes_locker:
                opts.append(("pickup", 25))
            if p.get("work") and p["role"] != "dirt":
                opts.append(("work", 25 if p["role"] == "debtor" else 18))
            if p["parents"]:
                opts.append(("parents", 5))
            kids = [W.by[c] for c in p["children"] if W.by[c]["home"] is not p["home"]]
            if kids:
                opts.append(("child", 4))
            sp = W.by.get(p["spouse"]) if p.get("spouse") else None
            if sp and sp["present"]:
                opts.append(("for_spouse", 6))
            k = r.choices([o[0] for o in opts], [o[1] for o in opts])[0]
            t = rtime(r, day, "work" if k == "work" else "home")
            rcp = p
            if k == "home":
                dest = home_at(p, t)
                dk = "home" if dest is p["home"] else "old_home"
            elif k == "pickup":
                dest = self.pickup(home_at(p, t)) or home_at(p, t)
                dk = "pickup" if dest["kind"] == "pickup" else ("home" if dest is p["home"] else "old_home")
            elif k == "work":
                dest = work_at(p, t)
                dk = "work" if dest is p["work"] else "old_work"
            elif k == "parents":
                rcp = W.by[r.choice(p["parents"])]
                dest, dk = rcp["home"], "family"
            elif k == "child":
                rcp = r.choice(kids)
                dest, dk = home_at(rcp, t), "family"
            else:
                rcp = sp
                dest = home_at(sp, t)
                dk = "home" if dest is p["home"] else ("old_home" if dest is p.get("old_home") else "family")
            self.order(p, r.choice(plats), rcp, dest, dk, t)

    def spouse_account_orders(self, d):
        """orders placed on the spouse's account for a debtor"""
        r = self.r
        sp = self.W.by[d["spouse"]]
        for i in range(r.randint(4, 14)):
            day = rand_date(r, START, ASOF - dt.timedelta(days=1))
            if d.get("work") and r.random() < 0.3:
                t = rtime(r, day, "work")
                dest = work_at(d, t)
                dk = "work" if dest is d["work"] else "old_work"
            else:
                t = rtime(r, day, "home")
                dest = home_at(d, t)
                dk = "home" if dest is d["home"] else "old_home"
            self.order(sp, "ShanMai", d, dest, dk, t)

    def restricted(self, d, cases):
        r = self.r
        cs = [c for c in cases if c["pid"] == d["pid"] and c["status"] != "执行完毕" and c["restrict"]]
        if not cs:
            return
        fdates = {c["filing"] for c in cases if c["pid"] == d["pid"]}
        own = [k for k in ("ShanMai", "youPin", "dianjia") if k in d["accounts"]]
        for i in range(r.randint(1, 3)):
            day = rand_date(r, START, ASOF - dt.timedelta(days=1))
            if day in fdates:
                continue
            cat = r.choice(RESTRICTED)
            t = rtime(r, day, "home")
            virtual = cat != "奢侈品箱包"
            dest = home_at(d, t)
            dk = "home" if dest is d["home"] else "old_home"
            if own and r.random() < 0.75:
                self.order(d, r.choice(own), d, dest, dk, t, category=cat, virtual=virtual)
            elif d.get("spouse") and self.W.by[d["spouse"]]["present"]:
                self.order(self.W.by[d["spouse"]], "ShanMai", d, dest, dk, t, category=cat, virtual=virtual)

    # ------------------------------------------------ waybills
    def sign_type(self, dkind, dest):
        r = self.r
        if dest["kind"] == "pickup":
            lk = dest["locker"]
            return "快递柜" if ("柜" in lk or "箱" in lk) else ("门卫代收" if "物业" in lk else "驿站代收")
        if dkind in ("work", "old_work") or dest["kind"] in ("office", "factory", "stall"):
            return r.choices(["本人签收", "门卫代收"], [55, 45])[0]
        return r.choices(["本人签收", "家人代签", "门卫代收", "快递柜"], [50, 25, 13, 12])[0]

    def carrier_name(self, car, name):
        r = self.r
        if not any("\u4e00" <= c <= "\u9fff" for c in name) or len(name) < 2:
            return name
        if car == "jtwl":
            return mask_name(r, name, r.choices(["x*y", "x**", "full"], [50, 20, 30])[0])
        return mask_name(r, name, r.choices(["full", "x*y"], [60, 40])[0])

    def carrier_phone(self, car, ph):
        r = self.r
        digits = "".join(c for c in ph if c.isdigit())
        if "*" in ph:
            return ph
        if len(digits) == 13 and digits.startswith("86"):
            digits = digits[2:]
        if len(digits) != 11 or not digits.startswith("1"):
            return ph
        if r.random() < (0.7 if car == "jtwl" else 0.4):
            return mask_phone(digits)
        return digits

    def waybill(self, car, sender, s_name, s_phone, s_addr, rcp_pid, r_name, r_phone, r_addr, dest, dkind, pickup, sign, order=None, sender_pid=None):
        r = self.r
        self.wid[car] += 1
        wno = ("JT%013d" % (self.wid[car] * 104729 % 10 ** 13)) if car == "jtwl" else ("HY%d%08d" % (pickup.year, self.wid[car]))
        st = self.sign_type(dkind, dest) if sign else None
        w = dict(carrier=car, waybill_no=wno, sender_name=s_name, sender_phone=s_phone, sender_address=s_addr, receiver_name=self.carrier_name(car, r_name),
                 receiver_phone=self.carrier_phone(car, r_phone), receiver_address=r_addr, pickup=pickup, sign=sign, sign_type=st,
                 receiver=rcp_pid, sender=sender_pid, dest=dest, dest_kind=dkind, order=order)
        self.waybills.append(w)
        if order is not None:
            order["waybill_no"] = wno
        return w

    def mirrors(self):
        r = self.r
        for o in self.orders:
            if o["virtual"] or o["sign"] is None or r.random() > 0.35:
                continue
            car = "jtwl" if r.random() < 0.6 else "huoyun"
            shop = r.choice(COMP_A) + r.choice(COMP_A) + r.choice(["旗舰店", "专营店", "官方店", "家居馆", "生鲜仓"])
            city = r.choice(["浙江省金华市义乌市", "广东省广州市白云区", "江苏省苏州市吴江区", "河南省郑州市中牟县", "安徽省合肥市瑶海区", "广东省东莞市"])
            s_addr = city + r.choice(ROAD_A) + r.choice(ROAD_B) + "路%d号%s仓" % (r.randint(1, 500), r.choice(["1号", "2号", "电商", "中转"]))
            pk = o["t"] + dt.timedelta(hours=r.randint(2, 20))
            if pk >= o["sign"]:
                pk = o["sign"] - dt.timedelta(hours=3)
            self.waybill(car, None, shop, "400-%03d-%04d" % (r.randint(100, 999), r.randint(0, 9999)), s_addr, o["recipient"], o["name"], o["phone"],
                         o["addr"], o["dest"], o["dest_kind"], pk, o["sign"], order=o)

    def independents(self):
        r = self.r
        W = self.W
        for p in W.people:
            if p["kind"] == "person" and p["role"] == "family" and p.get("hukou_home") and p["home"] is p["hukou_home"] and p["present"]:
                kids = [d for d in W.debtors if d["kind"] == "person" and p["pid"] in d["parents"]]
                for kid in kids:
                    if not kid["present"]:
                        continue
                    for i in range(r.randint(1, 5)):
                        day = rand_date(r, START, ASOF - dt.timedelta(days=3))
                        pk = rtime(r, day, "work")
                        sign = pk + dt.timedelta(days=r.randint(1, 4), hours=r.randint(0, 8))
                        if sign.date() >= ASOF:
                            sign = None
                        dest = home_at(kid, sign or pk)
                        dk = "home" if dest is kid["home"] else "old_home"
                        nm, _ = typed_name(r, kid, r.choice(["full", "full", "xx", "title"]))
                        self.waybill(r.choice(["jtwl", "huoyun"]), None, p["name"], typed_phone(r, p["phones"][0], "full"), render(r, p["home"]),
                                     kid["pid"], nm, typed_phone(r, phone_at(kid, pk)), render(r, dest), dest, dk, pk, sign, sender_pid=p["pid"])
            if p["kind"] == "person" and p.get("work") and p["work"]["kind"] == "stall" and p["present"] and p["role"] in ("debtor", "colleague"):
                for i in range(r.randint(5, 25)):
                    to = r.choice(W.people)
                    if to["kind"] != "person" or to["role"] == "dirt" or not to["present"] or to is p:
                        continue
                    day = rand_date(r, START, ASOF - dt.timedelta(days=3))
                    pk = rtime(r, day, "work")
                    if work_at(p, pk) is not p["work"]:
                        continue
                    sign = pk + dt.timedelta(days=r.randint(1, 4))
                    if sign.date() >= ASOF:
                        sign = None
                    dest = home_at(to, sign or pk)
                    sname = p["name"] if r.random() < 0.6 else p["work"]["market"] + p["work"]["area"] + "%d" % p["work"]["stall"] + "号店"
                    sph = p["work"].get("landline") if (p["work"].get("landline") and r.random() < 0.4) else typed_phone(r, phone_at(p, pk), "full")
                    nm, _ = typed_name(r, to, "full")
                    self.waybill(r.choice(["jtwl", "huoyun"]), None, sname, sph, render(r, p["work"]), to["pid"], nm, typed_phone(r, phone_at(to, pk)),
                                 render(r, dest), dest, "other", pk, sign, sender_pid=p["pid"] if sname == p["name"] else p["pid"])
        for o in W.debtors:
            if o["kind"] == "organisation" and r.random() < 0.25:
                addr_pl = dict(kind="factory", dk=o["dk"], road=r.choice(self.geo.roads[o["dk"]]), no=r.randint(1, 500), company=o["name"])
                for i in range(r.randint(2, 8)):
                    to = r.choice(W.people)
                    if to["kind"] != "person" or to["role"] == "dirt" or not to["present"]:
                        continue
                    day = rand_date(r, START, ASOF - dt.timedelta(days=3))
                    pk = rtime(r, day, "work")
                    sign = pk + dt.timedelta(days=r.randint(1, 3))
                    if sign.date() >= ASOF:
                        sign = None
                    dest = home_at(to, sign or pk)
                    nm, _ = typed_name(r, to, "full")
                    self.waybill("huoyun", None, o["name"], o["landline"], render(r, addr_pl), to["pid"], nm, typed_phone(r, phone_at(to, pk)),
                                 render(r, dest), dest, "other", pk, sign, sender_pid=o["pid"])

    # ------------------------------------------------ social
    def social(self, p, plat):
        r = self.r
        uid = ("qy_%08d" % r.randint(0, 10 ** 8 - 1)) if plat == "quanyou" else "xz_" + "".join(r.choice("0123456789abcdefghijklmnopqrstuvwxyz") for _ in range(9))
        rn = r.choices(["full", "x*y", "xmou", "empty", "null", "missing"], [40, 20, 15, 10, 10, 5])[0]
        acc = dict(uid=uid, nickname=r.choice(["", "小", "阿", "快乐的", "追风的", "爱吃鱼的"]) + r.choice([p["given"][-1], p["given"], "猫", "兔子", "大橙子", "晨光", "山海"]) + r.choice(["", "", "_%d" % r.randint(1, 999), "🌸", "呀"]))
        if rn in ("full", "x*y", "xmou"):
            acc["real_name"] = mask_name(r, p["name"], rn)
        elif rn == "empty":
            acc["real_name"] = ""
        elif rn == "null":
            acc["real_name"] = None
        im = r.choices(["full", "6-4", "null", "missing"], [20, 25, 20, 35])[0]
        if im == "full":
            acc["id_no"] = p["id_number"] if r.random() < 0.7 else p["id_number"].lower()
        elif im == "6-4":
            acc["id_no"] = mask_id(r, p["id_number"], "6-4")
        elif im == "null":
            acc["id_no"] = None
        ph = phone_at(p, D.combine(START, dt.time())) if r.random() < 0.3 else p["phones"][0]
        pm = r.choices(["full", "mask", "missing"], [50, 40, 10])[0]
        if pm != "missing":
            acc["phone"] = ph if pm == "full" else mask_phone(ph)
        home = p["home"]
        city = DIST[home["dk"]]["city"] if home.get("dk") else (home.get("city") or "").rstrip("市")
        prov = PROV.get(city, home.get("prov", ""))
        acc["profile_region"] = r.choice([prov[:2] + "·" + city, "中国 " + prov[:2] + " " + city, prov[:2] + " " + city, None, prov[:2] + "," + city]) if city else None
        return acc, ph

    def social_lines(self, p, plat, cutoff=None, acc=None):
        r = self.r
        epoch_s = r.random() < 0.1
        logins, posts = [], []
        n = r.randint(0, 25)
        for i in range(n):
            day = rand_date(r, ASOF - dt.timedelta(days=150), ASOF - dt.timedelta(days=1))
            t = rtime(r, day, "home")
            hm = home_at(p, t)
            city = DIST[hm["dk"]]["city"] if hm.get("dk") else hm.get("city", "").rstrip("市")
            if r.random() < 0.05:
                city = r.choice(["上海", "杭州", "武汉", "北京"])
            prov = PROV.get(city, {"上海": "上海市", "杭州": "浙江省", "武汉": "湖北省", "北京": "北京市"}.get(city, ""))
            logins.append((t, city, prov))
        for i in range(r.randint(0, 8)):
            day = rand_date(r, START, ASOF - dt.timedelta(days=1))
            k = r.choice(["home", "home", "work", "mall"])
            t = rtime(r, day, "work" if k == "work" else "home")
            if k == "home":
                pl = home_at(p, t)
            elif k == "work" and work_at(p, t):
                pl = work_at(p, t)
            else:
                pl = None
            posts.append((t, pl))
        logins.sort()
        posts.sort(key=lambda x: x[0])
        if cutoff:
            logins = [x for x in logins if x[0] < cutoff]
            posts = [x for x in posts if x[0] < cutoff]
        return logins, posts, epoch_s

    def render_social(self, plat, acc, logins, posts, epoch_s):
        r = self.r
        o = dict(acc)
        L = []
        for t, city, prov in logins:
            if plat == "quanyou":
                ts = int((t - dt.timedelta(hours=8) - D(1970, 1, 1)).total_seconds()) * (1 if epoch_s else 1000)
                ipr = "中国|0|%s|%s市|%s" % (prov, city, r.choice(["电信", "联通", "移动"])) if r.random() < 0.85 else "中国|0|%s|0|移动" % prov
                ip = "%d.%d.%d.%d" % (r.choice([58, 61, 112, 117, 180, 222]), r.randint(0, 255), r.randint(0, 255), r.randint(1, 254))
            else:
                ts = t.strftime("%Y-%m-%dT%H:%M:%S") + ".%06d+0800" % r.randint(0, 999999)
                ipr = prov + city + "市" if r.random() < 0.7 else prov
                ip = ("240e:%x:%x:%x::%x" % (r.randint(0, 0xfff), r.randint(0, 0xffff), r.randint(0, 0xffff), r.randint(1, 0xffff))) if r.random() < 0.4 else \
                     "%d.%d.%d.%d" % (r.choice([36, 39, 114, 183, 223]), r.randint(0, 255), r.randint(0, 255), r.randint(1, 254))
            L.append({"ts": ts, "ip": ip, "ip_region": ipr})
        P = []
        for t, pl in posts:
            if plat == "quanyou":
                ts = int((t - dt.timedelta(hours=8) - D(1970, 1, 1)).total_seconds()) * (1 if epoch_s else 1000)
            else:
                ts = t.strftime("%Y-%m-%dT%H:%M:%S") + ".%06d+0800" % r.randint(0, 999999)
            if pl is None:
                poi = r.choice(["万达广场", "印象城", "奥体中心", "火车站", "人民公园", "星巴克(银泰店)"])
                P.append({"ts": ts, "poi": poi} if plat == "xiaozhan" else {"ts": ts, "poi": poi, "address": poi})
                continue
            if pl["kind"] in ("flat", "pickup"):
                poi = pl["estate"]
            elif pl["kind"] == "house":
                poi = pl["village"]
            elif pl["kind"] == "hukou":
                poi = pl["village"]
            elif pl["kind"] == "office":
                poi = pl["tower"]
            elif pl["kind"] == "stall":
                poi = pl["market"]
            else:
                poi = pl["company"]
            q = {"ts": ts, "poi": (DIST[pl["dk"]]["short"] + poi) if pl.get("dk") and r.random() < 0.3 else poi}
            if plat == "quanyou" and pl.get("dk"):
                q["address"] = DIST[pl["dk"]]["city"] + "市" + DIST[pl["dk"]]["name"] + pl.get("road", "") + ("%d号" % pl["no"] if pl.get("no") else "") + poi
            P.append(q)
        if plat == "xiaozhan" and r.random() < 0.3:
            pass
        else:
            o["logins"] = L
        o["geo_posts"] = P if (P or r.random() < 0.5) else None
        return o


# ---------------------------------------------------------------- writing
EC_COLS = ["订单编号", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人", "收货手机", "收货地址", "下单时间", "签收时间", "实付金额", "商品类目"]
DJ_COLS = ["订单编号", "下单时间", "签收时间", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人", "收货手机", "收货地址", "商品类目", "实付金额", "店铺名称", "物流单号"]
RO_COLS = ["案号", "执行法院", "承办人", "被执行人", "证件类型", "证件号码", "联系电话", "户籍地址", "执行标的", "立案日期", "限制消费", "失信", "案件状态"]


def q(v, all_=False):
    v = "" if v is None else str(v)
    if all_ or any(c in v for c in ',"\r\n'):
        return '"' + v.replace('"', '""') + '"'
    return v


def ts(t):
    return t.strftime("%Y/%m/%d %H:%M:%S") if t else ""


def excel_amount(a):
    s = ("%.2f" % a).rstrip("0").rstrip(".")
    return s


class Out:
    def __init__(self, out, W, gen):
        self.out, self.W, self.g, self.r = out, W, gen, W.rng
        self.R = []
        self.first = {}  # record_key -> "file:line" of its first clean appearance

    def path(self, kind, name):
        p = os.path.join(self.out, "inbox", kind, name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        return p

    def rec(self, **k):
        base = dict(holder=None, recipient=None, receiver=None, sender=None, dest_kind=None, dest_canonical=None, delivered=False, door=False,
                    dirty=False, dirt=None, ambiguous=False, dup_of=None, category=None, amount=None, ordered_at=None, order_id=None,
                    name_form=None, sender_kind=None, sender_canonical=None, raw_address=None, record_key=None)
        base.update(k)
        if base["record_key"] and not base["dirty"]:
            f = self.first.get(base["record_key"])
            if f and not base["dup_of"]:
                base["dup_of"] = f
            elif not f:
                self.first[base["record_key"]] = "%s:%d" % (base["file"], base["line"])
        self.R.append(base)
        return base

    # ---- e-commerce
    def ec_values(self, o, exp, plat, sci=False):
        a = o["acct"]
        h = self.W.by[o["holder"]]
        r = self.r
        rn = h["name"] if h["kind"] == "organisation" else mask_name(r, h["name"], a["nm"])
        idn = h["id_number"]
        if a["idm"] == "full" and sci and h["kind"] == "person":
            idv = sci_fix(mask_id(r, idn, "sci"))
        else:
            idv = mask_id(r, idn, a["idm"]) if h["kind"] == "person" else idn
            if idv.endswith("X") and r.random() < 0.2:
                idv = idv[:-1] + "x"
        bp = mask_phone(a["bound"]) if a["bm"] else a["bound"]
        sign = o["sign"] if (o["sign"] and o["sign"] < D.combine(exp, dt.time())) else None
        amt = excel_amount(o["amount"]) if plat == "youPin" else "%.2f" % o["amount"]
        v = {"订单编号": o["order_id"], "买家ID": a["buyer_id"], "实名姓名": rn, "实名证件号": idv, "绑定手机": bp, "收货人": o["name"],
             "收货手机": o["phone"], "收货地址": o["addr"], "下单时间": ts(o["t"]), "签收时间": ts(sign), "实付金额": amt, "商品类目": o["category"],
             "店铺名称": r.choice(COMP_A) + r.choice(COMP_A) + "旗舰店", "物流单号": o.get("waybill_no", "")}
        return v, sign

    def order_rec(self, o, f, line, sign, **extra):
        door = bool(sign) and o["dest"]["kind"] != "pickup" and not o["virtual"]
        return self.rec(file=f, line=line, source="ecommerce", platform=o["platform"], record_key="ecommerce|%s|%s" % (o["platform"], o["order_id"]),
                        holder=o["holder"], recipient=o["recipient"], dest_kind=o["dest_kind"], dest_canonical=canon(o["dest"]),
                        delivered=bool(sign), door=door, category=o["category"], amount=o["amount"], ordered_at=o["t"], order_id=o["order_id"],
                        name_form=o["name_form"], raw_address=o["addr"], **extra)

    def write_csv(self, kind, name, header, rows, enc="gb18030", eol="\r\n", quote_all=False, bom=b"", trailing="", tail=b"", truncate_last=False):
        """rows: list of (list_of_values or raw string, rec_kwargs or None, callback). Returns nothing; records get lines."""
        p = self.path(kind, name)
        parts = [q(h, quote_all) for h in header]
        text = [",".join(parts) + trailing]
        line = 2
        pending = []
        for vals, cb in rows:
            if isinstance(vals, str):
                s = vals
            else:
                s = ",".join(q(v, quote_all) for v in vals) + trailing
            text.append(s)
            pending.append((line, cb))
            line += 1 + s.count("\n") + (s.count("\r") - s.count("\r\n") if eol == "\r\n" else s.count("\r"))
        body = eol.join(text) + eol
        if truncate_last:
            last = text[-1]
            body = eol.join(text[:-1]) + eol + last[: len(last) // 2]
        data = bom + body.encode(enc, errors="strict") + tail
        with open(p, "wb") as fh:
            fh.write(data)
        for ln, cb in pending:
            if cb:
                cb(name, ln)
        return p

    def ecommerce(self, dirt):
        g, r = self.g, self.r
        byp = {"ShanMai": [], "youPin": [], "dianjia": []}
        for o in g.orders:
            byp[o["platform"]].append(o)
        for v in byp.values():
            v.sort(key=lambda o: o["t"])
        # ShanMai: quarterly, then cumulative-since-0908 exports; WPS style trailing comma
        sm = [(dt.date(2026, 3, 8), START, dt.date(2026, 3, 8)), (dt.date(2026, 6, 8), dt.date(2026, 3, 8), dt.date(2026, 6, 8)),
              (dt.date(2026, 9, 8), dt.date(2026, 6, 8), dt.date(2026, 9, 8)), (dt.date(2026, 11, 8), dt.date(2026, 9, 8), dt.date(2026, 11, 8)),
              (ASOF, dt.date(2026, 9, 8), ASOF)]
        copies_badname = []
        for exp, a, b in sm:
            name = "ShanMai_orders_%s.csv" % exp.strftime("%Y%m%d")
            rows = []
            for o in byp["ShanMai"]:
                if a <= o["t"].date() < b:
                    v, sign = self.ec_values(o, exp, "ShanMai")
                    rows.append(([v[c] for c in EC_COLS], (lambda f, ln, o=o, sign=sign: self.order_rec(o, f, ln, sign))))
                    if exp == ASOF and len(copies_badname) < 120 and r.random() < 0.02:
                        copies_badname.append(([v[c] for c in EC_COLS], o, sign))
            if exp == ASOF:
                rows = self.mix(rows, dirt.ec_rows("ShanMai", EC_COLS))
            self.write_csv("ecommerce", name, EC_COLS, rows, trailing=",")
        self.write_csv("ecommerce", "ShanMai订单导出1208.csv", EC_COLS,
                       [(vals, (lambda f, ln, o=o, sign=sign: self.order_rec(o, f, ln, sign, ambiguous=True))) for vals, o, sign in copies_badname], trailing=",")
        # youPin: monthly, all quoted, LF; three months re-saved with scientific-notation ID numbers
        exps = [dt.date(2026, m, 8) for m in range(1, 13)]
        prev = START
        resend = []
        for exp in exps:
            name = "youPin_orders_%s.csv" % exp.strftime("%Y%m%d")
            sci = exp.month in (3, 4, 5)
            rows = []
            for o in byp["youPin"]:
                if prev <= o["t"].date() < exp:
                    v, sign = self.ec_values(o, exp, "youPin", sci=sci)
                    rows.append(([v[c] for c in EC_COLS], (lambda f, ln, o=o, sign=sign, amb=False: self.order_rec(o, f, ln, sign))))
                    if exp.month == 11 and len(resend) < 150 and r.random() < 0.1:
                        resend.append(([v[c] for c in EC_COLS], o, sign))
            if exp == ASOF:
                rows = self.mix(rows, dirt.ec_rows("youPin", EC_COLS))
                cut = int(len(rows) * 0.62)
                self.write_csv("ecommerce", name, EC_COLS, rows[:cut], eol="\n", quote_all=True)
                rest = [(vals, (lambda f, ln, cb=cb: self.ambig(cb, f, ln))) for vals, cb in rows[cut:]]
                self.write_csv("ecommerce", "youPin_orders_20261208_2.csv", EC_COLS, rest, eol="\n", quote_all=True)
            else:
                self.write_csv("ecommerce", name, EC_COLS, rows, eol="\n", quote_all=True)
            prev = exp
        # a re-send of November rows with one Windows-cp936 byte (0x80 = euro sign) that strict GB18030 rejects
        self.write_resend_cp936(resend, dirt)
        # dianjia: half-yearly with a week of overlap, own column order, two extra columns, truncated last line
        for exp, a in ((dt.date(2026, 6, 8), START), (ASOF, dt.date(2026, 6, 1))):
            name = "dianjia_orders_%s.csv" % exp.strftime("%Y%m%d")
            rows = []
            for o in byp["dianjia"]:
                if a <= o["t"].date() < exp:
                    v, sign = self.ec_values(o, exp, "dianjia")
                    rows.append(([v[c] for c in DJ_COLS], (lambda f, ln, o=o, sign=sign: self.order_rec(o, f, ln, sign))))
            if exp == ASOF:
                rows = self.mix(rows, dirt.ec_rows("dianjia", DJ_COLS))
                rows.append(dirt.truncated_row("dianjia", DJ_COLS))
            self.write_csv("ecommerce", name, DJ_COLS, rows, truncate_last=(exp == ASOF))
        open(self.path("ecommerce", "dianjia_orders_20261201.csv"), "wb").close()

    def ambig(self, cb, f, ln):
        x = cb(f, ln)
        if x is not None:
            x["ambiguous"] = True

    def write_resend_cp936(self, resend, dirt):
        name = "youPin_orders_20261205.csv"
        p = self.path("ecommerce", name)
        lines = [",".join(q(h, True) for h in EC_COLS)]
        cbs = []
        for i, (vals, o, sign) in enumerate(resend):
            lines.append(",".join(q(v, True) for v in vals))
            cbs.append((len(lines), o, sign))
            if i == len(resend) // 2:
                vals2, drec = dirt.cp936_row()
                lines.append(",".join(q(v, True) for v in vals2))
                cbs.append((len(lines), None, drec))
        data = b""
        for ln in lines:
            data += ln.encode("gb18030").replace("<EURO>".encode("gb18030"), b"\x80") + b"\n"
        with open(p, "wb") as fh:
            fh.write(data)
        for ln, o, sign in cbs:
            if o is None:
                sign.update(file=name, line=ln)
                self.R.append(sign)
            else:
                self.order_rec(o, name, ln, sign, ambiguous=True)

    def mix(self, rows, extra):
        rows = list(rows)
        for x in extra:
            rows.insert(self.r.randint(0, len(rows)), x)
        return rows


class Dirt:
    """bad rows, always about dirt strangers (never debtors or their families), so the truth does not depend on them."""
    def __init__(self, out):
        self.o = out
        self.W, self.g, self.r = out.W, out.g, out.r
        self.n = 0

    def order(self, plat):
        r = self.r
        p = r.choice(self.W.dirt)
        t = rtime(r, rand_date(r, ASOF - dt.timedelta(days=60), ASOF - dt.timedelta(days=3)), "home")
        o = self.g.order(p, plat, p, p["home"], "home", t)
        self.g.orders.pop()
        o["sign"] = t + dt.timedelta(days=2)
        return o

    def drec(self, o, why, amb=False):
        return dict(source="ecommerce", platform=o["platform"], record_key="ecommerce|%s|%s" % (o["platform"], o["order_id"]), holder=o["holder"],
                    recipient=o["recipient"], dest_kind="home", dest_canonical=canon(o["dest"]), delivered=True, door=True, dirty=True, dirt=why,
                    ambiguous=amb, dup_of=None, category=o["category"], amount=o["amount"], ordered_at=o["t"], order_id=o["order_id"],
                    name_form=o["name_form"], raw_address=o["addr"], receiver=None, sender=None, sender_kind=None, sender_canonical=None)

    def ec_rows(self, plat, cols):
        r = self.r
        out = []
        kinds = ["missing_cols", "extra_cols", "bad_order_time", "bad_order_time", "bad_sign_time", "bad_amount", "formula_name", "formula_name",
                 "formula_address", "long_address", "control_chars", "control_chars", "empty_order_id", "dup_line"]
        for why in kinds:
            o = self.order(plat)
            v, sign = self.o.ec_values(o, ASOF, plat)
            if why == "bad_order_time":
                v["下单时间"] = r.choice(["2026/13/45 25:61:00", "46001.5", "#VALUE!", "0000/00/00 00:00:00", "2026/11/31 10:00:00"])
            elif why == "bad_sign_time":
                v["签收时间"] = r.choice(["2026/02/30 12:00:00", "签收", "2026-11-xx"])
            elif why == "bad_amount":
                v["实付金额"] = r.choice(["12.3.4", "#N/A", "¥-", "abc"])
            elif why == "formula_name":
                v["收货人"] = r.choice(['=HYPERLINK("http://x.cn","点我")', "@SUM(A1:A9)", "-2+3+cmd|' /C calc'!A0", "+A1*2", "=1+2"])
            elif why == "formula_address":
                v["收货地址"] = r.choice(["=WEBSERVICE(\"http://x.cn\")", "@" + v["收货地址"]])
            elif why == "long_address":
                v["收货地址"] = v["收货地址"] + "附近" * 3200
            elif why == "control_chars":
                v["收货人"] = v["收货人"][:1] + r.choice(["\x07", "\x1b", "\x0b", "\x01", "\x08"]) + v["收货人"][1:]
            elif why == "empty_order_id":
                v["订单编号"] = ""
            vals = [v[c] for c in cols]
            if why == "missing_cols":
                vals = vals[:-2]
            elif why == "extra_cols":
                vals = vals + ["多余", "列"]
            rec = self.drec(o, why)
            out.append((vals, (lambda f, ln, rec=rec: self.push(rec, f, ln))))
            if why == "dup_line":
                rec2 = dict(rec)
                out.append((vals, (lambda f, ln, rec=rec2: self.push(rec, f, ln))))
        return out

    def truncated_row(self, plat, cols):
        o = self.order(plat)
        v, sign = self.o.ec_values(o, ASOF, plat)
        rec = self.drec(o, "truncated_last_line")
        return ([v[c] for c in cols], (lambda f, ln, rec=rec: self.push(rec, f, ln)))

    def cp936_row(self):
        o = self.order("youPin")
        v, sign = self.o.ec_values(o, dt.date(2026, 11, 8), "youPin")
        v["商品类目"] = "欧洲代购<EURO>"
        return [v[c] for c in EC_COLS], self.drec(o, "cp936_euro_byte", amb=True)

    def push(self, rec, f, ln):
        rec = dict(rec)
        rec.update(file=f, line=ln)
        self.o.R.append(rec)
        return rec


def write_social(out, dirt):
    W, g, r = out.W, out.g, out.r
    accs = {"quanyou": [], "xiaozhan": []}
    for p in W.people:
        if p["kind"] != "person" or not p["present"]:
            continue
        for plat in ("quanyou", "xiaozhan"):
            if plat in p["accounts"]:
                acc, ph = g.social(p, plat)
                accs[plat].append((p, acc))
    for plat, exps in (("quanyou", [dt.date(2026, 9, 1), ASOF]), ("xiaozhan", [ASOF])):
        full = []
        for p, acc in accs[plat]:
            logins, posts, es = g.social_lines(p, plat)
            full.append((p, acc, logins, posts, es))
        for exp in exps:
            name = "%s_accounts_%s.jsonl" % (plat, exp.strftime("%Y%m%d"))
            lines = []
            cut = D.combine(exp, dt.time())
            for p, acc, logins, posts, es in full:
                if exp != ASOF and r.random() < 0.4:
                    continue
                L = [x for x in logins if x[0] < cut]
                P = [x for x in posts if x[0] < cut]
                o = g.render_social(plat, acc, L, P, es)
                if plat == "xiaozhan":
                    s = json.dumps(o, ensure_ascii=True)
                else:
                    s = json.dumps(o, ensure_ascii=False, separators=(",", ":"))
                lines.append((s, dict(source="social", platform=plat, record_key="social|%s|%s" % (plat, acc["uid"]), holder=p["pid"])))
            if exp == ASOF:
                dl = []
                for why in ["not_json_html", "not_json_cut", "two_objects", "formula_nickname", "long_nickname", "bad_ts", "array_line", "control_raw"]:
                    p = r.choice(W.dirt)
                    acc, ph = g.social(p, plat)
                    lo, po, es = g.social_lines(p, plat)
                    o = g.render_social(plat, acc, lo, po, es)
                    s = json.dumps(o, ensure_ascii=False)
                    if why == "not_json_html":
                        s = "<html><body>502 Bad Gateway</body></html>"
                    elif why == "not_json_cut":
                        s = s[: len(s) // 2]
                    elif why == "two_objects":
                        s = s + s
                    elif why == "formula_nickname":
                        o["nickname"] = '=HYPERLINK("http://x.cn","v")'
                        s = json.dumps(o, ensure_ascii=False)
                    elif why == "long_nickname":
                        o["nickname"] = "哈" * 20000
                        s = json.dumps(o, ensure_ascii=False)
                    elif why == "bad_ts":
                        o["logins"] = [{"ts": "昨天 21:33", "ip": "1.2.3.4", "ip_region": "江苏省苏州市"}]
                        s = json.dumps(o, ensure_ascii=False)
                    elif why == "array_line":
                        s = json.dumps([o], ensure_ascii=False)
                    elif why == "control_raw":
                        s = json.dumps(o, ensure_ascii=False).replace(acc["nickname"], acc["nickname"] + "\x07", 1) if acc["nickname"] else s
                    dl.append((s, dict(source="social", platform=plat, record_key="social|%s|%s" % (plat, acc["uid"]), holder=p["pid"], dirty=True, dirt=why)))
                # one account line that starts with a BOM (two exports concatenated): valid JSON after the BOM
                p = r.choice(W.dirt)
                acc, ph = g.social(p, plat)
                lo, po, es = g.social_lines(p, plat)
                s = "\ufeff" + json.dumps(g.render_social(plat, acc, lo, po, es), ensure_ascii=False)
                dl.append((s, dict(source="social", platform=plat, record_key="social|%s|%s" % (plat, acc["uid"]), holder=p["pid"], dirty=True, dirt="bom_mid_file", ambiguous=True)))
                for x in dl:
                    lines.insert(r.randint(0, len(lines)), x)
                # truncated last line (dirt stranger)
                p = r.choice(W.dirt)
                acc, ph = g.social(p, plat)
                s = json.dumps(g.render_social(plat, acc, [], [], False), ensure_ascii=False)
                lines.append((s[: len(s) - 7], dict(source="social", platform=plat, record_key="social|%s|%s" % (plat, acc["uid"]), holder=p["pid"], dirty=True, dirt="truncated_last_line")))
            data = []
            ln = 0
            for i, (s, rk) in enumerate(lines):
                if plat == "xiaozhan" and r.random() < 0.01:
                    data.append("")
                    ln += 1
                data.append(s)
                ln += 1
                out.rec(file=name, line=ln, **rk)
            body = "\n".join(data)
            if exp != ASOF:
                body += "\n"
            with open(out.path("social", name), "wb") as fh:
                fh.write(body.encode("utf-8"))
    open(out.path("social", "xiaozhan_accounts_20261201.jsonl"), "wb").close()


WB_COLS = ["waybill_no", "sender_name", "sender_phone", "sender_address", "receiver_name", "receiver_phone", "receiver_address", "pickup_time", "sign_time", "sign_type"]


def write_logistics(out, dirt):
    import pyarrow as pa
    import pyarrow.parquet as pq
    W, g, r = out.W, out.g, out.r
    byc = {"jtwl": [], "huoyun": []}
    for w in g.waybills:
        byc[w["carrier"]].append(w)
    for v in byc.values():
        v.sort(key=lambda w: w["pickup"])

    def wrec(w, f, ln, exp, **extra):
        sign = w["sign"] if (w["sign"] and w["sign"] < D.combine(exp, dt.time())) else None
        door = bool(sign) and w["sign_type"] in ("本人签收", "家人代签") and w["dest"]["kind"] != "pickup"
        return out.rec(file=f, line=ln, source="logistics", platform=w["carrier"], record_key="logistics|%s|%s" % (w["carrier"], w["waybill_no"]),
                       receiver=w["receiver"], sender=w["sender"], dest_kind=w["dest_kind"], dest_canonical=canon(w["dest"]), delivered=bool(sign),
                       door=door, raw_address=w["receiver_address"], ordered_at=w["pickup"],
                       sender_kind=(W.by[w["sender"]]["kind"] if w["sender"] else "merchant"), **extra)

    def dirt_rows(car, exp):
        rows = []
        for why in ["null_waybill_no", "sign_before_pickup", "pickup_1970", "formula_receiver", "control_chars", "long_address", "unknown_sign_type"]:
            p = r.choice(W.dirt)
            pk = rtime(r, rand_date(r, ASOF - dt.timedelta(days=50), ASOF - dt.timedelta(days=4)), "work")
            g.wid[car] += 1
            row = dict(waybill_no="%s%d%08d" % ("JT" if car == "jtwl" else "HY", 9, g.wid[car]), sender_name="某某旗舰店", sender_phone="400-800-1234",
                       sender_address="广东省广州市白云区太和镇永兴村工业区", receiver_name=p["name"], receiver_phone=mask_phone(p["phones"][0]),
                       receiver_address=render(r, p["home"]), pickup_time=pk, sign_time=pk + dt.timedelta(days=2), sign_type="本人签收")
            if why == "null_waybill_no":
                row["waybill_no"] = None
            elif why == "sign_before_pickup":
                row["sign_time"] = pk - dt.timedelta(days=3)
            elif why == "pickup_1970":
                row["pickup_time"] = D(1970, 1, 1, 8, 0, 0)
            elif why == "formula_receiver":
                row["receiver_name"] = "=HYPERLINK(\"http://x.cn\")"
            elif why == "control_chars":
                row["receiver_address"] = row["receiver_address"][:5] + "\x00\x1b" + row["receiver_address"][5:]
            elif why == "long_address":
                row["receiver_address"] += "旁边" * 4000
            elif why == "unknown_sign_type":
                row["sign_type"] = "放门口"
            rec = dict(source="logistics", platform=car, record_key="logistics|%s|%s" % (car, row["waybill_no"]), receiver=p["pid"], dirty=True, dirt=why,
                       dest_kind="home", dest_canonical=canon(p["home"]), delivered=True, door=True, raw_address=row["receiver_address"])
            rows.append((row, rec))
        return rows

    def table(car, items, exp):
        rows = []
        for w in items:
            sign = w["sign"] if (w["sign"] and w["sign"] < D.combine(exp, dt.time())) else None
            rows.append((dict(waybill_no=w["waybill_no"], sender_name=w["sender_name"], sender_phone=w["sender_phone"], sender_address=w["sender_address"],
                              receiver_name=w["receiver_name"], receiver_phone=w["receiver_phone"], receiver_address=w["receiver_address"],
                              pickup_time=w["pickup"], sign_time=sign, sign_type=w["sign_type"] if sign else None,
                              order_id=(w["order"]["order_id"] if w["order"] else None), platform=(w["order"]["platform"] if w["order"] else None)), w))
        return rows

    def write(car, name, rows, exp, kind, dup=False):
        cols = {c: [x[0].get(c) for x in rows] for c in WB_COLS + ["order_id", "platform"]}
        if car == "jtwl":
            enc = lambda xs: pa.array([None if x is None else x.encode("utf-8") for x in xs], pa.binary())
            arrs = dict(waybill_no=pa.array(cols["waybill_no"], pa.string()), sender_name=enc(cols["sender_name"]), sender_phone=pa.array(cols["sender_phone"], pa.string()),
                        sender_address=enc(cols["sender_address"]), receiver_name=enc(cols["receiver_name"]), receiver_phone=pa.array(cols["receiver_phone"], pa.string()),
                        receiver_address=enc(cols["receiver_address"]),
                        pickup_time=pa.array([int((t - dt.timedelta(hours=8) - D(1970, 1, 1)).total_seconds() * 1000) for t in cols["pickup_time"]], pa.timestamp("ms", tz="Asia/Shanghai")),
                        sign_time=pa.array(cols["sign_time"], pa.timestamp("us")), sign_type=pa.array(cols["sign_type"], pa.string()),
                        order_id=pa.array(cols["order_id"], pa.string()), platform=pa.array(cols["platform"], pa.string()))
            tb = pa.table(arrs)
            pq.write_table(tb, out.path("logistics", name), compression="brotli")
        else:
            def sec(t):
                return None if t is None else int((t - dt.timedelta(hours=8) - D(1970, 1, 1)).total_seconds())
            arrs = {}
            for c in WB_COLS:
                if c in ("pickup_time", "sign_time"):
                    arrs[c] = pa.array([sec(t) for t in cols[c]], pa.timestamp("s", tz="PRC"))
                elif c == "sign_type":
                    arrs[c] = pa.array(cols[c], pa.large_string()).dictionary_encode()
                else:
                    arrs[c] = pa.array(cols[c], pa.large_string())
            tb = pa.table(arrs)
            pq.write_table(tb, out.path("logistics", name), compression=("zstd" if dup else "snappy"), data_page_version="2.0", row_group_size=1500)
        for i, (row, w) in enumerate(rows):
            if kind[i] == "rec":
                rr = dict(w)
                rr.update(file=name, line=i + 1)
                out.R.append(rr)
            else:
                wrec(w, name, i + 1, exp, ambiguous=False)

    plan = {"jtwl": [(dt.date(2026, 6, 8), START), (ASOF, dt.date(2026, 6, 8))],
            "huoyun": [(dt.date(2026, 3, 8), START), (dt.date(2026, 6, 8), dt.date(2026, 3, 8)), (dt.date(2026, 9, 8), dt.date(2026, 6, 8)), (ASOF, dt.date(2026, 9, 8))]}
    for car, ps in plan.items():
        for exp, a in ps:
            items = [w for w in byc[car] if a <= w["pickup"].date() < exp]
            rows = table(car, items, exp)
            kinds = ["w"] * len(rows)
            if exp == ASOF:
                for row, rec in dirt_rows(car, exp):
                    k = r.randint(0, len(rows))
                    rows.insert(k, (row, rec))
                    kinds.insert(k, "rec")
            name = "%s_waybills_%s.parquet" % (car, exp.strftime("%Y%m%d"))
            write(car, name, rows, exp, kinds)
            if car == "huoyun" and exp == dt.date(2026, 9, 8):
                rs = list(rows)
                r.shuffle(rs)
                write(car, "huoyun_waybills_20260910.parquet", rs, exp, ["w"] * len(rs), dup=True)


def write_roster(out, cases):
    W, r = out.W, out.r
    groups = {}
    for c in cases:
        groups.setdefault(c["group"], []).append(c)

    def row(c, old=False):
        p = W.by[c["pid"]]
        person = p["kind"] == "person"
        idn = p["id_number"]
        if person and idn.endswith("X") and r.random() < (0.6 if c["group"] == "fy52" else 0.3):
            idn = idn[:-1] + "x"
        phs = list(p["roster_phones"]) if person else ([p["landline"]] if r.random() < 0.6 else [])
        sep = r.choice([";", "；", "、", ",", "; ", "，"[:0] + ","])
        if person:
            if p.get("hukou_home") and r.random() < 0.85:
                hk = canon(p["hukou_home"])
            else:
                hk = canon(r.choice([p["home"], p.get("old_home") or p["home"], out.g.geo.home(p["city"])]))
        else:
            hk = None
        st = c["status"]
        if old and st == "执行完毕" and r.random() < 0.5:
            st = "执行中"
        amt = c["amount"]
        amts = "{:,.2f}".format(amt) if r.random() < 0.4 else ("%.2f" % amt if r.random() < 0.7 else "%d" % round(amt))
        return [c["case_no"], c["court"], c["judge"], c["name"], "居民身份证" if person else "统一社会信用代码", idn, sep.join(phs), hk or "",
                amts, c["filing"].strftime("%Y-%m-%d"), "是" if c["restrict"] else "否", "是" if c["blacklist"] else "否", st]

    def recf(c):
        return lambda f, ln: out.rec(file=f, line=ln, source="debtors", platform=f.split("_")[0], record_key="debtors|%s|%s" % (c["case_no"], c["id_number"]), holder=c["pid"])

    for grp, cs in sorted(groups.items()):
        rows = [(row(c), recf(c)) for c in cs]
        name = "%s_roster_%s.csv" % (grp, ASOF.strftime("%Y%m%d"))
        if grp == "fy32":
            out.write_csv("debtors", name, RO_COLS, rows, enc="utf-8", bom=b"\xef\xbb\xbf", quote_all=True)
        elif grp == "fy41":
            out.write_csv("debtors", name, RO_COLS, rows, enc="utf-8", eol="\r\n", tail=b"\x1a")
            olds = [c for c in cs if c["filing"] < dt.date(2026, 12, 1)]
            out.write_csv("debtors", "fy41_roster_20261201.csv", RO_COLS, [(row(c, old=True), (lambda f, ln, c=c: out.rec(file=f, line=ln, source="debtors", platform="fy41", record_key="debtors|%s|%s|old" % (c["case_no"], c["id_number"]), holder=c["pid"]))) for c in olds], enc="utf-8")
        elif grp == "fy34":
            out.write_csv("debtors", name, RO_COLS, rows, enc="utf-8", bom=b"\xef\xbb\xbf", eol="\n")
        else:
            order = [12, 0, 1, 3, 5, 4, 6, 7, 8, 9, 10, 11, 2]
            rows2 = [([v[i] for i in order], cb) for v, cb in rows]
            out.write_csv("debtors", name, [RO_COLS[i] for i in order], rows2, enc="utf-8", eol="\n")


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
                        accounts=sorted(p.get("accounts") or {}), present=p.get("present"), flags=list(p["flags"])))
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
    if os.path.exists(os.path.join(a.out, "inbox")):
        shutil.rmtree(os.path.join(a.out, "inbox"))
    if os.path.exists(os.path.join(a.out, "truth")):
        shutil.rmtree(os.path.join(a.out, "truth"))
    W = World(a.seed, a.debtors)
    geo = Geo(W.rng)
    build_world(W, geo)
    cases = build_cases(W)
    g = Gen(W, geo)
    r = W.rng
    for p in W.people:
        if p["kind"] == "person" and p["present"] and p["role"] != "dirt":
            g.person_orders(p)
    for d in W.debtors:
        if d["kind"] == "person" and "uses_spouse_account" in d["flags"]:
            g.spouse_account_orders(d)
    for d in W.debtors:
        if d["kind"] == "person" and d["present"] and r.random() < 0.18:
            g.restricted(d, cases)
    for p in W.people:
        if p["kind"] == "person" and p["present"] and p["role"] not in ("debtor", "dirt") and r.random() < 0.03:
            plats = [k for k in ("ShanMai", "youPin", "dianjia") if k in p["accounts"]]
            if plats:
                t = rtime(r, rand_date(r, START, ASOF - dt.timedelta(days=1)), "home")
                cat = r.choice(RESTRICTED + NEAR_MISS)
                g.order(p, r.choice(plats), p, p["home"], "home", t, category=cat, virtual=cat not in ("奢侈品箱包", "箱包"))
    g.mirrors()
    g.independents()
    out = Out(a.out, W, g)
    dirt = Dirt(out)
    out.ecommerce(dirt)
    write_social(out, dirt)
    write_logistics(out, dirt)
    write_roster(out, cases)
    write_truth(W, cases, out.R, a.out)
    print("people", len(W.people), "debtors", len(W.debtors), "orders", len(g.orders), "waybills", len(g.waybills), "records", len(out.R))


if __name__ == "__main__":
    main()
