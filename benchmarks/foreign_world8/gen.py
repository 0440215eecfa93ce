#!/usr/bin/env python3
"""foreign8: eighth independent synthetic inbox generator for `locate` (written from shared/specs only).

    gen.py --out DIR --seed N --debtors K
"""
import argparse
import csv
import datetime as dt
import io
import json
import os
import random
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import geo8 as G  # noqa: E402

AS_OF = dt.date(2026, 12, 3)
NEWEST = "20261203"
START = dt.datetime(2025, 12, 4)
END = dt.datetime(2026, 12, 2, 23, 0)
SPRING = (dt.datetime(2026, 2, 7), dt.datetime(2026, 2, 26))
ROSTER_COLS = ["案号", "执行法院", "承办人", "被执行人", "证件类型", "证件号码", "联系电话", "户籍地址", "执行标的", "立案日期",
               "限制消费", "失信", "案件状态"]
EC_COLS = ["订单编号", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人", "收货手机", "收货地址", "下单时间", "签收时间",
           "实付金额", "商品类目"]
WB_COLS = ["waybill_no", "sender_name", "sender_phone", "sender_address", "receiver_name", "receiver_phone", "receiver_address",
           "pickup_time", "sign_time", "sign_type"]
RESTRICTED = {"机票", "高铁一等座", "星级酒店", "高尔夫球场", "跟团游", "出境游", "国际学校学费"}
TRAVEL_OK = ["汽车票", "快捷酒店", "景区门票", "普通火车票硬座"]
CATS = ["家居日用", "生鲜水果", "母婴用品", "服饰鞋包", "数码配件", "美妆个护", "粮油调味", "图书", "宠物用品", "五金工具", "教育培训",
        "家用电器", "茶叶", "办公用品"]
SIGN_OK = ("本人签收", "家人代签")


# ---------------------------------------------------------------- check digits
def id_check(body17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(c) * k for c, k in zip(body17, w)) % 11]


CC = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def org_check(body8):
    w = [3, 7, 9, 10, 5, 8, 4, 2]
    v = 11 - sum(CC.index(c) * k for c, k in zip(body8, w)) % 11
    return "X" if v == 10 else ("0" if v == 11 else str(v))


def credit_check(body17):
    w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    v = 31 - sum(CC.index(c) * k for c, k in zip(body17, w)) % 31
    return CC[0 if v == 31 else v]


def credit_ok(code):
    return len(code) == 18 and credit_check(code[:17]) == code[17] and org_check(code[8:16]) == code[16]


def cn_num(n):
    n = int(n)
    if n < 10:
        return G.NUM_CN[n]
    if n < 20:
        return "十" + (G.NUM_CN[n % 10] if n % 10 else "")
    if n < 100:
        return G.NUM_CN[n // 10] + "十" + (G.NUM_CN[n % 10] if n % 10 else "")
    return "".join(G.NUM_CN[int(c)] for c in str(n))


FW = str.maketrans("0123456789-", "０１２３４５６７８９－")


def wpick(rng, pairs):
    tot = sum(w for _, w in pairs)
    x = rng.random() * tot
    for v, w in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][0]


# ---------------------------------------------------------------- places
def prefix_parts(dk):
    code, prov, city, dist, short, style, _ = G.D[dk]
    return prov, city, dist


def canon_prefix(dk):
    prov, city, dist = prefix_parts(dk)
    return prov + city + dist


def canon(p):
    if p is None:
        return None
    return p["canon"]


class Places:
    def __init__(self, rng):
        self.rng = rng
        self.used = set()
        self.areas = {}

    def uniq(self, key):
        if key in self.used:
            return False
        self.used.add(key)
        return True

    def area_pickups(self, area_key, dk, area_text, kind):
        if area_key not in self.areas:
            rng = self.rng
            pts = []
            for _ in range(rng.choice([1, 1, 2])):
                if kind == "uv":
                    lane = rng.choice(["口", "路口", ""])
                    brand = rng.choice(["士多代收点", "菜鸟驿站", "快递代收点", "兔喜生活"])
                    txt = area_text + rng.choice(["东", "西", "北", "南"]) + "门" + brand if lane == "" else area_text + "村口" + brand
                elif kind == "hutong":
                    txt = area_text + "口" + rng.choice(["便民店代收点", "菜鸟驿站", "邮政快递驿站"])
                elif kind == "village":
                    txt = area_text + rng.choice(["村委会代收点", "小卖部代收点", "菜鸟驿站"])
                else:
                    txt = area_text + rng.choice(G.LOCKER)
                if any(x["text"] == txt for x in pts):
                    continue
                pts.append(dict(kind="pickup", dk=dk, text=txt, area=area_text, canon=canon_prefix(dk) + txt,
                                brand="locker" if "柜" in txt else "station"))
            self.areas[area_key] = pts
        return self.areas[area_key]

    def flat(self, dk, near=None):
        rng = self.rng
        style = G.D[dk][5]
        if near is not None:
            base = dict(near)
        else:
            est = rng.choice(G.EST["bj_flat" if style.startswith("bj") else style.replace("_rural", "")])
            road = rng.choice(G.ROADS[dk])
            no = str(rng.randint(1, 399))
            if style == "bj_flat" and rng.random() < 0.25:
                no = rng.choice(["甲", "乙"]) + no
            sub = None
            if style == "gz" and rng.random() < 0.3:
                sub = cn_num(rng.randint(1, 6))
            town = rng.choice(G.STREET[dk]) if style == "fs" else None
            if "号院" in est:
                road, no, sub = None, None, None
            unit = style in ("bj_flat", "tj", "lz") or (style == "hk" and rng.random() < 0.5)
            base = dict(kind="flat", dk=dk, estate=est, road=road, no=no, sub=sub, town=town, unit=unit)
        for _ in range(200):
            p = dict(base)
            if style == "bj_flat" and rng.random() < 0.2:
                p["b"] = rng.randint(101, 420)
            else:
                p["b"] = rng.randint(1, 36)
            p["u"] = rng.randint(1, 6) if p["unit"] else None
            fl = rng.randint(1, 7) if style == "tj" else rng.randint(2, 32)
            if style == "sz" and rng.random() < 0.2:
                p["room"] = "%d%s" % (fl, rng.choice("ABCD"))
            else:
                p["room"] = "%d%02d" % (fl, rng.randint(1, 6))
            p["floor"] = fl
            c = canon_prefix(dk) + (p["town"] or "") + ((p["road"] + p["no"] + "号" + ("之" + p["sub"] if p["sub"] else "")) if p["road"] else "")
            c += p["estate"] + "%d幢" % p["b"] + ("%d单元" % p["u"] if p["u"] else "") + p["room"] + "室"
            if self.uniq(c):
                p["canon"] = c
                p["area_key"] = (dk, p["estate"])
                return p
        raise RuntimeError("flat")

    def hutong(self, dk, near=None, same=False):
        rng = self.rng
        if near is not None and same:
            return near
        ht = near["hutong"] if near is not None else rng.choice(G.HUTONG[dk])
        for _ in range(200):
            no = rng.randint(1, 96)
            c = canon_prefix(dk) + ht + "%d号" % no
            if self.uniq(c):
                return dict(kind="hutong", dk=dk, hutong=ht, no=no, canon=c, area_key=(dk, ht))
        raise RuntimeError("hutong")

    def uv(self, dk, near=None):
        rng = self.rng
        style = G.D[dk][5]
        vil = near["village"] if near is not None else rng.choice(G.UV[dk])
        for _ in range(200):
            if style == "sz":
                lane = rng.choice(["东", "西", "南", "北", ""]) + cn_num(rng.randint(1, 12)) + "坊"
            else:
                lane = rng.choice(["东", "西", "南", "北"]) + cn_num(rng.randint(1, 15)) + "巷"
            no = rng.randint(1, 40)
            fl = rng.randint(1, 8)
            room = "%d%02d" % (fl, rng.randint(1, 4))
            c = canon_prefix(dk) + vil + lane + ("%d栋" % no if style == "sz" else "%d号" % no) + room + "室"
            if self.uniq(c):
                return dict(kind="uv", dk=dk, village=vil, lane=lane, no=no, room=room, floor=fl, canon=c, area_key=(dk, vil))
        raise RuntimeError("uv")

    def village(self, dk, near=None):
        rng = self.rng
        towns = G.RURAL[dk]
        for _ in range(200):
            if near is not None:
                town, vil, cw = near["town"], near["vil"], near.get("cw")
            else:
                town, vils = rng.choice(towns)
                v = rng.choice(vils)
                if isinstance(v, tuple):
                    cw, vil = v[0], rng.choice(v[1])
                else:
                    cw, vil = None, v
            grp = rng.randint(1, 9) if cw is None else None
            no = rng.randint(1, 160)
            c = canon_prefix(dk) + town + (cw or "") + vil + ("%d组" % grp if grp else "") + "%d号" % no
            if self.uniq(c):
                return dict(kind="village", dk=dk, town=town, cw=cw, vil=vil, grp=grp, no=no, canon=c, area_key=(dk, vil),
                            hukou=False)
        raise RuntimeError("village")

    def hukou_house(self, hi, near=None):
        rng = self.rng
        code, prov, city, county, town, vils, vs = G.HUKOU[hi]
        for _ in range(200):
            vil = near["vil"] if near is not None else rng.choice(vils)
            grp = rng.randint(1, 12) if vs in ("gs",) or (vs == "n" and rng.random() < 0.4) else None
            no = rng.randint(1, 220)
            word = "社" if vs == "gs" else "组"
            c = prov + city + county + town + vil + ("%d%s" % (grp, word) if grp else "") + "%d号" % no
            if self.uniq(c):
                return dict(kind="village", dk=None, hi=hi, town=town, cw=None, vil=vil, grp=grp, grpword=word, no=no, canon=c,
                            hukou=True, area_key=("hk", hi, vil))
        raise RuntimeError("hukou")

    def work(self, city, kind):
        rng = self.rng
        if kind == "office":
            dk, road, tower = rng.choice(G.OFFICES[city])
            no = {"国贸写字楼": 1, "赛格广场": 6008}.get(tower, (sum(map(ord, tower)) % 300) + 1)
            zuo = rng.choice(["A", "B", "C", None]) if sum(map(ord, tower)) % 2 else None
            fl = rng.randint(3, 40)
            room = "%d%02d" % (fl, rng.randint(1, 20))
            co = rng.choice(G.CO_WORDS) + rng.choice(["科技", "咨询", "商贸", "文化传媒"]) + "有限公司"
            c = canon_prefix(dk) + road + "%d号" % no + tower + (zuo + "座" if zuo else "") + room + "室"
            return dict(kind="office", dk=dk, road=road, no=no, tower=tower, zuo=zuo, floor=fl, room=room, co=co, canon=c)
        if kind == "stall":
            dk, road, market, mstyle = rng.choice(G.MARKETS[city])
            no = (sum(map(ord, market)) % 200) + 1
            if mstyle == "floor":
                fl = rng.randint(1, 8)
                n = fl * 1000 + rng.randint(1, 299)
                c = canon_prefix(dk) + road + "%d号" % no + market + "%d楼%d号" % (fl, n)
                return dict(kind="stall", dk=dk, road=road, no=no, market=market, mstyle=mstyle, floor=fl, n=n, canon=c,
                            shop=rng.choice(G.CO_WORDS) + rng.choice(["商行", "布行", "电子", "服饰"]))
            z = rng.choice("ABCDEF")
            n = rng.randint(1, 400)
            c = canon_prefix(dk) + road + "%d号" % no + market + "%s区%d号" % (z, n)
            return dict(kind="stall", dk=dk, road=road, no=no, market=market, mstyle=mstyle, zone=z, n=n, canon=c,
                        shop=rng.choice(G.CO_WORDS) + rng.choice(["商行", "蔬果", "档口"]))
        dk, road, area = rng.choice(G.FACTORY_AREAS[city])
        no = rng.randint(1, 300)
        co = prefix_parts(dk)[1].replace("市", "") + rng.choice(G.CO_WORDS) + rng.choice(G.CO_KIND)
        c = canon_prefix(dk) + road + "%d号" % no + co
        return dict(kind="factory", dk=dk, road=road, no=no, area=area, co=co, canon=c)


# ---------------------------------------------------------------- renderings
def render_prefix(rng, dk, place=None):
    code, prov, city, dist, short, style, _ = G.D[dk]
    muni = city == ""
    street = rng.choice(G.STREET.get(dk, [""]))
    if style == "fs" and place is not None and place.get("town"):
        street = place["town"]
    modes = [("full", 30), ("nocity", 18), ("short", 8 if short else 0), ("spaced", 10), ("dup", 7),
             ("dist", 6 if short else 0), ("street", 9), ("provdist", 0 if muni else 4), ("citystreet", 4 if style in ("sz", "gz", "fs") else 0)]
    m = wpick(rng, modes)
    pshort = prov.replace("省", "").replace("市", "")
    if m == "full":
        s = prov + city + dist
    elif m == "nocity":
        s = (prov + dist) if muni else (city + dist)
        if muni and rng.random() < 0.5:
            s = pshort + prov + dist  # 北京北京市东城区
    elif m == "short":
        s = (pshort + short) if muni else rng.choice([pshort + city.replace("市", "") + short, city.replace("市", "") + short])
    elif m == "spaced":
        s = " ".join(x for x in [pshort, prov if muni else city, dist] if x) + " "
        if rng.random() < 0.5 and street:
            s += street + " "
    elif m == "dup":
        s = (prov + city + dist) + rng.choice([" ", "　", ""]) + (city or prov) + dist
    elif m == "dist":
        s = dist
    elif m == "street":
        s = prov + city + dist + street
        if style == "sz" and rng.random() < 0.5:
            s += rng.choice(G.SHEQU)
    elif m == "provdist":
        s = rng.choice([prov, pshort]) + dist
    else:
        s = city + street
    if style == "fs" and place is not None and place.get("town") and place["town"] not in s:
        s += place["town"]
    return s


def render_bur(rng, p):
    style = G.D[p["dk"]][5]
    b, u, r = p["b"], p["u"], p["room"]
    if u:
        forms = [("%d幢%d单元%s室" % (b, u, r), 10), ("%d栋%d单元%s" % (b, u, r), 10), ("%d号楼%d单元%s" % (b, u, r), 14),
                 ("%d-%d-%s" % (b, u, r), 10), ("%d号楼%d单元%s室" % (b, u, r), 8), ("%s号楼%s单元%s" % (cn_num(b), cn_num(u), r), 3)]
        if style.startswith("bj"):
            forms += [("%d号楼%d门%s" % (b, u, r), 14), ("%d楼%d门%s" % (b, u, r), 4)]
        if style == "tj":
            forms += [("%d号楼%d门%s" % (b, u, r), 18), ("%d楼%d门%s" % (b, u, r), 16), ("%d号楼%d门%s号" % (b, u, r), 6)]
    else:
        forms = [("%d幢%s室" % (b, r), 6), ("%d栋%s" % (b, r), 14), ("%d座%s房" % (b, r), 10), ("%d座%s" % (b, r), 8),
                 ("%d栋%s房" % (b, r), 8), ("%d-%s" % (b, r), 5), ("%d号楼%s" % (b, r), 5)]
        if r[-1].isalpha():
            forms += [("%d栋%d楼%s" % (b, p["floor"], r[-1]), 8), ("%d栋%s室" % (b, r), 4)]
    return wpick(rng, forms)


def render_addr(rng, p, who=None):
    """One way a person writes place p."""
    k = p["kind"]
    if k == "village" and p.get("hukou"):
        code, prov, city, county, town, vils, vs = G.HUKOU[p["hi"]]
        pre = wpick(rng, [(prov + city + county, 5), (city + county, 2), (county, 1), (prov.replace("省", "") + county, 1)])
        body = (town if rng.random() < 0.75 else "") + p["vil"]
        if p["grp"]:
            body += wpick(rng, [("%d%s" % (p["grp"], p["grpword"]), 5), ("%s%s" % (cn_num(p["grp"]), p["grpword"]), 2)])
        body += "%d号" % p["no"]
        return pre + body
    pre = render_prefix(rng, p["dk"], p)
    style = G.D[p["dk"]][5]
    if k == "flat":
        body = ""
        if p["road"] and rng.random() < 0.6:
            no = p["no"]
            sub = ""
            if p["sub"]:
                sub = wpick(rng, [("之" + p["sub"], 6), ("之" + str(G.NUM_CN.index(p["sub"]) if len(p["sub"]) == 1 else p["sub"]), 3),
                                  ("-" + str(G.NUM_CN.index(p["sub"]) if len(p["sub"]) == 1 else 1), 2)])
            if sub.startswith("-"):
                body += p["road"] + no + sub + "号"
            else:
                body += p["road"] + no + "号" + sub
        est = p["estate"]
        if est.endswith("号院") and rng.random() < 0.3:
            est = est.replace("号院", "号")
        body += est
        if rng.random() < 0.05 and not est.endswith(("里", "院", "区", "村")):
            body += "小区"
        body += render_bur(rng, p)
    elif k == "hutong":
        ht = p["hutong"]
        if any(c in ht for c in G.NUM_CN[1:] + "十") and ht.endswith("条") and rng.random() < 0.3:
            ht = ht[:2] + str(({c: i for i, c in enumerate(G.NUM_CN)}.get(ht[2], 10) if ht[2] != "十" else 10)) + "条"
        no = "%d号" % p["no"] if rng.random() > 0.08 else cn_num(p["no"]) + "号"
        tail = wpick(rng, [("", 40), ("院", 25), ("院内", 8), ("院内" + rng.choice(["北房", "东厢房", "西屋", "南房"]), 10),
                           ("（大杂院进门右手第二家）", 3), ("平房", 4)])
        body = ht + no + tail
    elif k == "uv":
        vil = p["village"]
        if rng.random() < 0.15 and vil.endswith("村") and len(vil) > 2:
            vil = vil[:-1]
        lane = p["lane"]
        if rng.random() < 0.3:
            lane = lane.replace(cn_num(int(_digits_of(lane))), _digits_of(lane)) if _digits_of(lane) else lane
        if style == "sz":
            bno = wpick(rng, [("%d栋" % p["no"], 10), ("%d号" % p["no"], 4), ("%d号楼" % p["no"], 2)])
        else:
            bno = "%d号" % p["no"]
        room = wpick(rng, [(p["room"], 10), (p["room"] + "房", 8), (p["room"] + "室", 4), ("%d楼" % p["floor"], 3),
                           (cn_num(p["floor"]) + "楼", 1)])
        body = vil + lane + bno + room
    elif k == "village":
        town = p["town"] if rng.random() < 0.7 else ""
        cw = p["cw"] or ""
        if cw and rng.random() < 0.3:
            cw = ""
        body = town + cw + p["vil"]
        if p["grp"]:
            body += wpick(rng, [("%d组" % p["grp"], 6), (cn_num(p["grp"]) + "组", 2), ("%d社" % p["grp"], 2), ("第%d村民小组" % p["grp"], 1)])
        body += "%d号" % p["no"]
    elif k == "office":
        body = (p["road"] + "%d号" % p["no"]) if rng.random() < 0.6 else ""
        z = p["zuo"]
        fl, r = p["floor"], p["room"]
        body += p["tower"] + wpick(rng, [((z + "座" if z else "") + r + "室", 8), ((z + "座" if z else "") + r, 8),
                                        ((z or "") + r, 4 if z else 0), ((z + "座" if z else "") + "%d楼%s" % (fl, r), 4),
                                        ((z + "座" if z else "") + "%d层%s室" % (fl, r), 3), ((z + "-" if z else "") + "%dF-%s" % (fl, r[-2:]), 2)])
        if rng.random() < 0.3:
            body += rng.choice(["（%s）", "(%s)", " %s"]) % p["co"]
    elif k == "stall":
        body = (p["road"] + "%d号" % p["no"]) if rng.random() < 0.5 else ""
        if p["mstyle"] == "floor":
            fl, n = p["floor"], p["n"]
            body += p["market"] + wpick(rng, [("%d楼%d号" % (fl, n), 8), ("%d楼%d档" % (fl, n), 6), ("%dF-%d" % (fl, n), 3),
                                              ("%d档口" % n, 2), ("%d楼%d铺" % (fl, n), 2)])
        else:
            body += p["market"] + wpick(rng, [("%s区%d号" % (p["zone"], p["n"]), 8), ("%s%d" % (p["zone"], p["n"]), 3),
                                              ("%s区%d号摊位" % (p["zone"], p["n"]), 3), ("%s-%d" % (p["zone"], p["n"]), 2)])
        if rng.random() < 0.25:
            body += "（%s）" % p["shop"]
    elif k == "factory":
        body = wpick(rng, [(p["road"] + "%d号" % p["no"] + p["co"], 8), (p["area"] + p["co"], 4),
                           (p["road"] + "%d号" % p["no"] + p["area"] + p["co"] + "门卫室", 2), (p["road"] + "%d号" % p["no"], 2)])
    elif k == "pickup":
        body = p["text"]
    else:
        raise ValueError(k)
    s = pre + body
    x = rng.random()
    if k in ("flat", "uv", "hutong") and x < 0.05:
        s += rng.choice(["（唔该放门口）", "，到了打电话", "【工作日白天家里没人】", "（放门口鞋柜）", "(送上楼)", "（进院右手第二家）", " 找门卫"])
    elif k in ("flat", "uv", "office") and x < 0.09 and p["dk"] in G.METRO:
        s += "（近%s地铁站%s口）" % (rng.choice(G.METRO[p["dk"]]), rng.choice("ABCD"))
    if rng.random() < 0.03:
        s = s.translate(FW)
    if rng.random() < 0.03 and "," not in s:
        i = len(pre)
        s = s[:i] + "," + s[i:]
    return s


def _digits_of(lane):
    rev = {c: i for i, c in enumerate(G.NUM_CN)}
    core = lane.strip("东西南北坊巷")
    if not core:
        return None
    if core == "十":
        return "10"
    if core.startswith("十"):
        return str(10 + rev[core[1]])
    if len(core) == 1:
        return str(rev[core])
    if core.endswith("十"):
        return str(rev[core[0]] * 10)
    return str(rev[core[0]] * 10 + rev[core[2]]) if len(core) == 3 else None


# ---------------------------------------------------------------- names and phones
def name_forms(rng, p, holder=None, purpose="own"):
    """(typed text, form) for intended recipient p."""
    sur, giv = p["sur"], p["giv"]
    canto = p["region"] == "gd"
    female = p["gender"] == "F"
    opts = [("full", 55), ("title", 7), ("stars", 3), ("nick", 6), ("pinyin", 4), ("trad", 3), ("canto_title", 6 if canto else 0),
            ("former", 25 if p.get("former") else 0), ("company", 0)]
    if purpose == "restricted":
        opts = [("full", 85), ("title", 15)]
    f = wpick(rng, opts)
    if f == "full":
        t = p["name"]
    elif f == "title":
        t = sur + ("女士" if female else "先生")
    elif f == "stars":
        t = sur + "**"
    elif f == "nick":
        g1 = giv[-1]
        cands = ["小" + g1, "阿" + g1, g1 + g1, "老" + sur, sur + ("姐" if female else "哥"), sur + "总", sur + "师傅", sur + "老师"]
        if p["region"] == "n":
            cands += [sur + "爷", sur + "大姐" if female else sur + "哥们"]
        if canto:
            cands += [g1 + "仔" if not female else g1 + "妹", "阿" + g1]
        t = rng.choice(cands)
    elif f == "pinyin":
        sp, sc = G.SUR_ROM.get(sur, ("x", "X"))
        gp = "".join(G.ROM.get(c, ("x", "X"))[0] for c in giv)
        if canto and rng.random() < 0.7:
            gc = " ".join(G.ROM.get(c, ("x", "X"))[1] for c in giv)
            t = rng.choice(["%s %s" % (sc, gc), "%s %s" % (sc.upper(), gc.upper()), "%s %s" % (gc, sc)])
            f = "hk_romanisation"
        else:
            t = rng.choice(["%s %s" % (sp.capitalize(), gp.capitalize()), sp + gp, "%s %s" % (sp.upper(), gp.upper()),
                            "%s %s" % (gp.capitalize(), sp.capitalize())])
    elif f == "trad":
        t = "".join(G.TRAD.get(c, c) for c in p["name"])
        if t == p["name"]:
            t, f = p["name"], "full"
    elif f == "canto_title":
        t = sur + ("小姐" if female else "生")
    elif f == "former":
        t = p["former"]
    return t, f


def typed_phone(rng, ph, landline=None, mask_rate=0.0):
    if landline and rng.random() < 0.5:
        return landline
    if rng.random() < mask_rate:
        return ph[:3] + "****" + ph[-4:]
    f = wpick(rng, [("full", 60), ("+86", 5), ("+86 ", 5), ("86", 2), ("dash", 5), ("space", 5), ("(+86)", 2), ("mask", 5),
                    ("0086", 1)])
    if f == "full":
        return ph
    if f in ("+86", "+86 ", "86", "(+86)", "0086"):
        return f + ph
    if f == "dash":
        return "%s-%s-%s" % (ph[:3], ph[3:7], ph[7:])
    if f == "space":
        return "%s %s %s" % (ph[:3], ph[3:7], ph[7:])
    return ph[:3] + "****" + ph[-4:]


def mask_name(rng, name, how):
    if how == "full" or len(name) < 2:
        return name
    if how == "mid":
        return name[0] + "*" * (len(name) - 2) + name[-1] if len(name) > 2 else name[0] + "*"
    if how == "tail":
        return name[0] + "**"
    if how == "mou":
        return name[0] + "某" + (name[-1] if len(name) > 2 else "")
    if how == "moumou":
        return name[0] + "某某"
    return name


def mask_id(idn, how):
    if how == "full":
        return idn
    if how == "6_4":
        return idn[:6] + "*" * 8 + idn[-4:]
    if how == "2_2":
        return idn[:2] + "*" * 14 + idn[-2:]
    if how == "4_4":
        return idn[:4] + "*" * 10 + idn[-4:]
    if how == "1_1":
        return idn[:1] + "*" * 16 + idn[-1:]
    return ""


# ---------------------------------------------------------------- the world
def rand_dt(rng, a=START, b=END):
    return a + dt.timedelta(seconds=rng.randint(0, int((b - a).total_seconds())))


class World:
    def __init__(self, seed, n):
        self.rng = random.Random(seed)
        self.P = Places(self.rng)
        self.people, self.by = [], {}
        self.phones_used = set()
        self.ids_used = set()
        self.nhh = 0
        self.debtors = []
        self.n = n
        self.dks = [k for k in G.D]
        self.dkw = [(k, G.D[k][6]) for k in G.D]

    def phone(self):
        rng = self.rng
        while True:
            ph = rng.choice(["13", "15", "18", "17", "19", "16"]) + str(rng.randint(0, 9)) + "%08d" % rng.randint(0, 99999999)
            if ph not in self.phones_used:
                self.phones_used.add(ph)
                return ph

    def landline(self, city):
        ac = {"北京市": ("010", 8), "天津市": ("022", 8), "广州市": ("020", 8), "深圳市": ("0755", 8), "佛山市": ("0757", 8),
              "兰州市": ("0931", 7), "海口市": ("0898", 8)}[city]
        return "%s-%s" % (ac[0], str(self.rng.choice([2, 6, 8])) + "".join(str(self.rng.randint(0, 9)) for _ in range(ac[1] - 1)))

    def idnum(self, code, birth, gender):
        rng = self.rng
        while True:
            seq = rng.randint(0, 99) * 10 + (rng.choice([1, 3, 5, 7, 9]) if gender == "M" else rng.choice([0, 2, 4, 6, 8]))
            body = code + birth.strftime("%Y%m%d") + "%03d" % seq
            idn = body + id_check(body)
            if idn not in self.ids_used:
                self.ids_used.add(idn)
                return idn

    def name(self, region, common=0.3):
        rng = self.rng
        sur = rng.choice(G.SUR[region])
        if rng.random() < common:
            giv = rng.choice(G.COMMON_GIVEN)
        else:
            giv = "".join(rng.choice(G.GIVEN_CH) for _ in range(rng.choice([1, 2, 2, 2])))
        return sur, giv

    def person(self, role, hh, region, code, gender=None, age=None, sur=None, giv=None, **kw):
        rng = self.rng
        gender = gender or rng.choice("MF")
        age = age if age is not None else rng.randint(24, 66)
        birth = dt.date(AS_OF.year - age, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
        if sur is None:
            sur, giv = self.name(region)
        elif giv is None:
            giv = self.name(region)[1]
        p = dict(pid=len(self.people) + 1, role=role, kind="person", household=hh, sur=sur, giv=giv, name=sur + giv, region=region,
                 gender=gender, birth=birth, age=age, id_number=self.idnum(code, birth, gender), home=None, old_home=None,
                 move_date=None, work=None, old_work=None, job_change=None, landline=None, phones=[self.phone()], old_phone=None,
                 phone_change=None, phone_from=None, spouse=None, parents=[], children=[], accounts={}, present=True, flags=[],
                 former=None, hukou_home=None, springfest=False, activity=1.0, roster_phones=None)
        p.update(kw)
        self.people.append(p)
        self.by[p["pid"]] = p
        return p

    def region_of(self, style, hukou_idx):
        if hukou_idx is not None:
            return G.HUKOU[hukou_idx][6] if G.HUKOU[hukou_idx][6] != "hn" else "hn"
        return {"gz": "gd", "sz": "gd", "fs": "gd", "lz": "gs", "lz_rural": "gs", "hk": "hn", "hk_rural": "hn"}.get(style, "n")

    def home_place(self, dk, near=None, same=False):
        style = G.D[dk][5]
        rng = self.rng
        P = self.P
        if near is not None:
            k = near["kind"]
            if k == "hutong":
                return P.hutong(dk, near, same)
            if k == "uv":
                return P.uv(dk, near)
            if k == "village":
                return P.village(dk, near)
            return P.flat(dk, {kk: near[kk] for kk in ("kind", "dk", "estate", "road", "no", "sub", "town", "unit")})
        if style == "bj_hutong":
            return P.hutong(dk) if rng.random() < 0.7 else P.flat("朝阳" if rng.random() < 0.5 else "丰台")
        if style in ("gz", "sz") and dk in G.UV and rng.random() < 0.38:
            return P.uv(dk)
        if style in ("lz_rural", "hk_rural"):
            return P.village(dk)
        return P.flat(dk)

    def household(self, head_role="debtor", dk=None, near=None, same=False, force_name=None, stranger=False):
        rng = self.rng
        self.nhh += 1
        hh = self.nhh
        dk = dk or wpick(rng, self.dkw)
        style = G.D[dk][5]
        mig_rate, pool = G.MIGRANT[style]
        hk_idx = rng.choice(pool) if rng.random() < mig_rate else None
        region = self.region_of(style, hk_idx)
        code = G.HUKOU[hk_idx][0] if hk_idx is not None else G.D[dk][0]
        home = self.home_place(dk, near, same)
        kw = {}
        if force_name:
            kw = dict(sur=force_name[0], giv=force_name[1])
        head = self.person(head_role, hh, region, code, **kw)
        head["dk"] = dk
        head["home"] = home
        head["migrant"] = hk_idx
        members = [head]
        if rng.random() < 0.6 and head["age"] >= 24:
            sp = self.person("family" if head_role != "stranger" else "stranger", hh, region,
                             code if rng.random() < 0.7 else (G.D[dk][0] if hk_idx is not None else code),
                             gender="F" if head["gender"] == "M" else "M", age=max(22, head["age"] + rng.randint(-5, 5)))
            if sp["gender"] == "F" and rng.random() < 0.3:
                pass
            head["spouse"], sp["spouse"] = sp["pid"], head["pid"]
            sp["home"], sp["dk"], sp["migrant"] = home, dk, hk_idx
            members.append(sp)
        if head["age"] >= 46 and rng.random() < 0.3:
            ch = self.person("family" if head_role != "stranger" else "stranger", hh, region, code,
                             age=rng.randint(20, head["age"] - 22), sur=head["sur"] if head["gender"] == "M" else None)
            if ch["sur"] != head["sur"] and head["gender"] == "M":
                ch["name"] = head["sur"] + ch["giv"]
                ch["sur"] = head["sur"]
            ch["home"], ch["dk"], ch["migrant"] = home, dk, hk_idx
            head["children"].append(ch["pid"])
            members.append(ch)
        # parents in the hukou village
        if hk_idx is not None and rng.random() < 0.5 and head_role in ("debtor", "namesake", "neighbour", "colleague"):
            house = self.P.hukou_house(hk_idx)
            par = self.person("family", hh, region, code, gender="M", age=min(90, head["age"] + rng.randint(24, 32)),
                              sur=head["sur"] if head["gender"] == "M" else None)
            par["home"], par["dk"], par["migrant"] = house, None, None
            par["activity"] = 0.25
            head["parents"].append(par["pid"])
            head["hukou_home"] = house
            if rng.random() < 0.45 and head["age"] < 60:
                head["springfest"] = True
                if head["spouse"]:
                    self.by[head["spouse"]]["springfest"] = True
        # moves
        if rng.random() < (0.35 if home["kind"] == "uv" else 0.22) and home["kind"] != "village":
            if home["kind"] == "uv" and rng.random() < 0.5:
                old = self.P.uv(dk, home)
            else:
                odk = dk if rng.random() < 0.6 else wpick(rng, [(k, w) for k, w in self.dkw if G.D[k][2] == G.D[dk][2] and G.D[k][1] == G.D[dk][1]])
                old = self.home_place(odk)
            md = START + dt.timedelta(days=rng.choice([rng.randint(10, 340), rng.randint(300, 355)]))
            for m in members:
                if m["home"] is home:
                    m["old_home"], m["move_date"] = old, md
        return members

    def give_work(self, p, city=None):
        rng = self.rng
        if not (22 <= p["age"] <= 62):
            return
        dkcity = G.D[p["dk"]][2] or G.D[p["dk"]][1]
        city = city or dkcity
        if city == "佛山市" and rng.random() < 0.25:
            city = "广州市"
        if city == "天津市" and rng.random() < 0.1:
            city = "北京市"
        kind = wpick(rng, [("office", 40), ("stall", 25), ("factory", 25 if city in G.FACTORY_AREAS else 0)])
        p["work"] = self.P.work(city, kind)
        if rng.random() < 0.6:
            p["landline"] = self.landline(city)
        if rng.random() < 0.15:
            p["old_work"] = self.P.work(city, wpick(rng, [("office", 1), ("stall", 1)]))
            p["job_change"] = START + dt.timedelta(days=rng.randint(40, 340))

    def phone_life(self, p, stranger_pool):
        rng = self.rng
        if rng.random() < 0.12:
            p["phones"].append(self.phone())
        if rng.random() < 0.3:
            p["old_phone"] = self.phone()
            p["phone_change"] = START + dt.timedelta(days=rng.randint(-200, 330))
            if p["phone_change"] < START + dt.timedelta(days=240) and rng.random() < 0.35:
                stranger_pool.append((p["old_phone"], p["phone_change"] + dt.timedelta(days=rng.randint(60, 150)), p["pid"]))

    def build(self):
        rng = self.rng
        n = self.n
        recycled = []
        n_org = int(round(n * 0.08))
        n_person = n - n_org
        hhs = []
        i = 0
        while len(self.debtors) < n_person:
            mem = self.household("debtor")
            d = mem[0]
            hhs.append(mem)
            self.debtors.append(d)
            if d["spouse"] and rng.random() < 0.055 and len(self.debtors) < n_person:
                sp = self.by[d["spouse"]]
                sp["role"] = "debtor"
                sp["co_debtor_of"] = d["pid"]
                self.debtors.append(sp)
        # organisations
        orgs = []
        for j in range(n_org):
            dk = wpick(rng, self.dkw)
            code = G.D[dk][0]
            city = G.D[dk][2] or G.D[dk][1]
            while True:
                body8 = "".join(rng.choice(CC[:10] + "ABCDEFGHJKLMNPQRTUWXY" if k < 2 else "0123456789") for k in range(8))
                org = body8 + org_check(body8)
                body = rng.choice(["91", "92"]) + code + org
                cc = body + credit_check(body)
                if cc not in self.ids_used:
                    self.ids_used.add(cc)
                    break
            nm = city.replace("市", "") + rng.choice(G.CO_WORDS) + rng.choice(G.CO_KIND) if cc.startswith("91") else \
                G.D[dk][3] + rng.choice(G.CO_WORDS) + rng.choice(["便利店", "五金店", "餐馆", "服装店"])
            o = dict(pid=len(self.people) + 1, role="debtor", kind="organisation", household=None, name=nm, sur=None, giv=None,
                     id_number=cc, dk=dk, home=None, work=self.P.work(city, "office"), phones=[self.phone()], flags=[],
                     accounts={}, present=False, landline=self.landline(city), old_phone=None, roster_phones=None)
            self.people.append(o)
            self.by[o["pid"]] = o
            self.debtors.append(o)
            orgs.append(o)
        self.orgs = orgs
        persons = [d for d in self.debtors if d["kind"] == "person"]
        # flags for debtors
        for d in persons:
            if rng.random() < 0.03:
                d["former"] = d["sur"] + "".join(rng.choice(G.GIVEN_CH) for _ in range(len(d["giv"])))
                d["flags"].append("former_name")
            if rng.random() < 0.12 and not d.get("co_debtor_of"):
                d["present"] = False
                d["flags"].append("absent_by_design")
        # family members, work and phones for everyone in debtor households
        for mem in hhs:
            for p in mem:
                if p["dk"] is not None and p["age"] < 63:
                    if p["role"] == "debtor" and rng.random() < 0.62 or p["role"] != "debtor" and rng.random() < 0.45:
                        self.give_work(p)
                self.phone_life(p, recycled)
        # namesakes
        others = []
        for d in persons:
            if rng.random() < 0.2:
                dk = d["dk"] if rng.random() < 0.4 else wpick(rng, [(k, w) for k, w in self.dkw if (G.D[k][1], G.D[k][2]) == (G.D[d["dk"]][1], G.D[d["dk"]][2])])
                near = d["home"] if rng.random() < 0.12 else None
                if near is not None:
                    dk = near["dk"]
                mem = self.household("namesake", dk=dk, near=near, force_name=(d["sur"], d["giv"]))
                mem[0]["gender"] = d["gender"] if rng.random() < 0.7 else mem[0]["gender"]
                mem[0]["namesake_of"] = d["pid"]
                d["flags"].append("has_namesake")
                others.append(mem)
        # neighbours (same estate / village / same 大杂院 door)
        for mem in hhs:
            d = mem[0]
            if rng.random() < 0.28:
                same = d["home"]["kind"] == "hutong" and rng.random() < 0.6
                nm = self.household("neighbour", dk=d["home"]["dk"], near=d["home"], same=same)
                if same:
                    d["flags"].append("shares_courtyard_door")
                others.append(nm)
        # colleagues
        for d in persons:
            if d.get("work") is not None and rng.random() < 0.45:
                for _ in range(rng.randint(1, 3)):
                    mem = self.household("colleague", dk=wpick(rng, [(k, w) for k, w in self.dkw if (G.D[k][1], G.D[k][2]) == (G.D[d["dk"]][1], G.D[d["dk"]][2])]))
                    mem[0]["work"] = d["work"]
                    mem[0]["landline"] = d.get("landline")
                    others.append(mem)
        # strangers
        for _ in range(int(n * 1.2)):
            others.append(self.household("stranger", stranger=True))
        for mem in others:
            for p in mem:
                if p["role"] != "family" or p["dk"] is not None:
                    if p.get("work") is None and p["dk"] is not None and rng.random() < 0.4:
                        self.give_work(p)
                if p["dk"] is not None:
                    self.phone_life(p, [])
        # recycled numbers go to strangers
        for ph, when, frm in recycled:
            mem = self.household("stranger")
            s = mem[0]
            s["old_phone"] = s["phones"][0]
            s["phone_change"] = when
            s["phones"][0] = ph
            s["phone_from"] = frm
            s["flags"].append("holds_recycled_number")
            self.by[frm]["flags"].append("old_number_recycled")
        # dirt strangers
        self.dirt = []
        for _ in range(100):
            mem = self.household("dirt")
            self.dirt.append(mem[0])
        # spouse's account for some present married debtors
        for d in persons:
            if d["present"] and d["spouse"] and self.by[d["spouse"]]["role"] == "family" and rng.random() < 0.2:
                d["flags"].append("uses_spouse_account")
                if rng.random() < 0.5:
                    d["flags"].append("no_own_account")
        # roster phones
        for d in persons:
            cur = list(d["phones"])
            old = d["old_phone"] if d["old_phone"] and d["phone_change"] and d["phone_change"] < dt.datetime(2026, 11, 1) else None
            case = wpick(rng, [("stale", 35), ("current", 30), ("mix", 15), ("empty", 15), ("landline", 5)])
            if case in ("stale", "mix") and old is None:
                old = self.phone()
                d["dead_phone"] = old
            if case == "stale":
                rp = [old]
            elif case == "current":
                rp = cur[:rng.choice([1, len(cur)])]
            elif case == "mix":
                rp = [old] + cur[:1]
            elif case == "empty":
                rp = []
            else:
                rp = cur[:1] + ([d["landline"]] if d.get("landline") else [])
            d["roster_phones"] = rp
            d["flags"].append("roster_phone_" + case)
        for o in orgs:
            o["roster_phones"] = [o["landline"]] + (o["phones"] if rng.random() < 0.5 else [])
        # accounts
        self.setup_accounts()

    def setup_accounts(self):
        rng = self.rng
        seq = {"yougou": 10_000_000, "jiahui": 0, "shengxian": 0, "lvxing": 0}
        for p in self.people:
            if p["kind"] != "person" or p["role"] == "dirt":
                continue
            if not p["present"] or "no_own_account" in p["flags"]:
                continue
            if p["dk"] is None:  # parents in the village
                plats = [("yougou", 0.3)]
            else:
                g = G.D[p["dk"]][5]
                plats = [("yougou", 0.68), ("jiahui", 0.42), ("shengxian", 0.45 if g in ("gz", "sz", "fs", "bj_flat", "bj_hutong") else 0.15),
                         ("lvxing", 0.18)]
            for plat, pr in plats:
                if rng.random() < pr:
                    seq[plat] += rng.randint(1, 97)
                    bound = p["phones"][0]
                    if p.get("old_phone") and p["phone_change"] and p["phone_change"] > START and rng.random() < 0.5 and "holds_recycled_number" not in p["flags"]:
                        bound = p["old_phone"]
                    bid = {"yougou": "yg%d" % seq[plat], "jiahui": "JH%08d" % (seq[plat] * 7),
                           "shengxian": "sx_%s" % hex(1000 + seq[plat] * 13)[2:], "lvxing": "LX%06d" % seq[plat]}[plat]
                    p["accounts"][plat] = dict(buyer_id=bid, bound=bound, book=[])
        # social
        for p in self.people:
            if p["kind"] != "person" or p["role"] == "dirt" or not p["present"] or p["dk"] is None:
                continue
            if rng.random() < 0.55:
                seq["ll"] = seq.get("ll", 5_000_000) + rng.randint(1, 50)
                p["accounts"]["liaoliao"] = dict(uid=seq["ll"])
            if rng.random() < 0.25:
                seq["tp"] = seq.get("tp", 0) + rng.randint(1, 50)
                p["accounts"]["tanpu"] = dict(uid="tp_%06d" % seq["tp"])


# ---------------------------------------------------------------- activity
def at(p, t, key):
    """The place p used at time t (home or work)."""
    if key == "home":
        if p.get("move_date") and t < p["move_date"] and p.get("old_home"):
            return p["old_home"], "old_home"
        return p["home"], "home"
    if p.get("job_change") and t < p["job_change"] and p.get("old_work"):
        return p["old_work"], "old_work"
    return p.get("work"), "work"


def phone_at(p, t):
    if p.get("old_phone") and p.get("phone_change") and t < p["phone_change"]:
        return p["old_phone"]
    return p["phones"][0]


def shift_time(rng, t, kind):
    d = t.replace(minute=rng.randint(0, 59), second=rng.randint(0, 59))
    if kind == "work":
        while d.weekday() >= 5:
            d += dt.timedelta(days=1)
        return d.replace(hour=rng.randint(9, 16))
    if kind == "morning":
        return d.replace(hour=rng.randint(7, 10))
    if d.weekday() < 5:
        return d.replace(hour=rng.choice([7, 18, 19, 20, 21]))
    return d.replace(hour=rng.randint(9, 21))


class Activity:
    def __init__(self, W):
        self.W = W
        self.rng = W.rng
        self.orders = {"yougou": [], "jiahui": [], "shengxian": [], "lvxing": []}
        self.waybills = []
        self.oid = {"yougou": 0, "jiahui": 0, "shengxian": 0, "lvxing": 0}
        self.acct_mask = {}
        self.filing = {}

    def pickup_for(self, place):
        ak = place["area_key"]
        kind = place["kind"]
        if kind == "flat":
            text = place["estate"]
        elif kind == "hutong":
            text = place["hutong"]
        elif kind == "uv":
            text = place["village"]
        else:
            text = (place.get("cw") or "") + place["vil"]
        pts = self.W.P.area_pickups(ak, place["dk"], text, kind)
        return pts[0] if len(pts) == 1 or self.rng.random() < 0.7 else pts[1]

    def entry(self, acct, intended, place, t, purpose="own", holder=None):
        """Reuse an address-book entry or type a new one."""
        rng = self.rng
        key = (intended["pid"], place["canon"])
        book = acct["book"]
        for e in book:
            if e["key"] == key and rng.random() < 0.88:
                # phone follows the person's current number unless the entry is stale
                if e["phone_src"] != phone_at(intended, t) and rng.random() < 0.7:
                    e["phone_src"] = phone_at(intended, t)
                    e["phone"] = typed_phone(rng, e["phone_src"], intended.get("landline") if place["kind"] in ("office", "stall", "factory") else None)
                return e
        nm, form = name_forms(rng, intended, purpose=purpose)
        if purpose == "own" and intended.get("spouse") and rng.random() < 0.04:
            sp = self.W.by[intended["spouse"]]
            nm, form = sp["name"], "other_member"
        if purpose == "for_wife" and intended["gender"] == "F" and holder is not None and holder["region"] == "gd" and rng.random() < 0.3:
            nm, form = holder["sur"] + "太", "tai"
        ph_src = phone_at(intended, t)
        ph = typed_phone(rng, ph_src, intended.get("landline") if place["kind"] in ("office", "stall", "factory") else None)
        e = dict(key=key, name=nm, form=form, phone=ph, phone_src=ph_src, addr=render_addr(rng, place), place=place)
        book.append(e)
        return e

    def add_order(self, plat, holder, acct, intended, place, dest_kind, t, purpose="own", category=None, travel=False):
        rng = self.rng
        W = self.W
        e = self.entry(acct, intended, place, t, purpose, holder)
        self.oid[plat] += rng.randint(1, 9)
        if plat == "yougou":
            oid = "%s%010d" % (t.strftime("%y%m%d"), self.oid[plat] * 37 % 10 ** 10)
        elif plat == "jiahui":
            oid = "%d%013d" % (t.year, self.oid[plat] * 1009)
        elif plat == "shengxian":
            oid = "SX%s-%06d" % (t.strftime("%m%d"), self.oid[plat])
        else:
            oid = "LX%09d" % self.oid[plat]
        if travel:
            signed = None
            cat = category
            amount = round(rng.uniform(300, 9000), 2)
        else:
            signed = None if rng.random() < 0.03 else t + dt.timedelta(hours=rng.randint(18, 96))
            if signed and signed > END + dt.timedelta(hours=20):
                signed = None
            if signed:
                signed = shift_time(rng, signed, "work" if dest_kind in ("work", "old_work") else ("morning" if plat == "shengxian" else "home"))
                if signed <= t:
                    signed = t + dt.timedelta(hours=5)
            cat = category or ("生鲜水果" if plat == "shengxian" and rng.random() < 0.7 else rng.choice(CATS))
            amount = round(rng.lognormvariate(4, 1), 2)
        o = dict(platform=plat, order_id=oid, holder=holder["pid"], acct=acct, recipient=intended["pid"], entry=e,
                 name=e["name"], name_form=e["form"], phone=e["phone"], addr=e["addr"], place=place, dest_kind=dest_kind,
                 ordered_at=t, signed_at=signed, amount=amount, category=cat,
                 door=(signed is not None and place["kind"] != "pickup" and not travel), travel=travel)
        self.orders[plat].append(o)
        return o

    def own_orders(self, p):
        rng = self.rng
        W = self.W
        for plat, acct in list(p["accounts"].items()):
            if plat not in self.orders:
                continue
            n = {"yougou": (3, 18), "jiahui": (2, 9), "shengxian": (2, 16), "lvxing": (1, 4)}[plat]
            k = max(1, int(rng.randint(*n) * p.get("activity", 1.0)))
            for _ in range(k):
                t = rand_dt(rng)
                if plat == "lvxing":
                    self.travel(p, acct, t)
                    continue
                if p["dk"] is None:  # a parent in the village
                    self.add_order(plat, p, acct, p, p["home"], "home", shift_time(rng, t, "home"))
                    continue
                home, hk = at(p, t, "home")
                work, wk = at(p, t, "work")
                r = rng.random()
                if p.get("springfest") and SPRING[0] <= t <= SPRING[1] and p.get("hukou_home"):
                    self.add_order(plat, p, acct, p, p["hukou_home"], "parents", t)
                    continue
                sp = W.by.get(p["spouse"]) if p.get("spouse") else None
                if plat == "shengxian":
                    if r < 0.1:
                        self.add_order(plat, p, acct, p, self.pickup_for(home), "pickup", t)
                    elif r < 0.18 and work:
                        self.add_order(plat, p, acct, p, work, wk, shift_time(rng, t, "work"))
                    else:
                        who = sp if sp is not None and sp["present"] and rng.random() < 0.25 else p
                        self.add_order(plat, p, acct, who, home, hk, t, purpose="for_wife" if who is not p else "own")
                    continue
                if r < 0.1 and sp is not None and sp["present"]:
                    self.add_order(plat, p, acct, sp, home, hk, shift_time(rng, t, "home"), purpose="for_wife")
                elif r < 0.14 and p["parents"]:
                    par = W.by[p["parents"][0]]
                    self.add_order(plat, p, acct, par, par["home"], "parents", t)
                elif r < 0.36 and work:
                    self.add_order(plat, p, acct, p, work, wk, shift_time(rng, t, "work"))
                elif r < (0.36 + (0.32 if home["kind"] == "uv" else 0.18)):
                    self.add_order(plat, p, acct, p, self.pickup_for(home), "pickup", t)
                else:
                    self.add_order(plat, p, acct, p, home, hk, shift_time(rng, t, "home"))

    def travel(self, p, acct, t):
        rng = self.rng
        W = self.W
        home, hk = at(p, t, "home") if p["dk"] is not None else (p["home"], "home")
        passenger = p
        if p.get("spouse") and W.by[p["spouse"]]["present"] and rng.random() < 0.2:
            passenger = W.by[p["spouse"]]
        restricted = rng.random() < 0.45
        fd = self.filing.get(passenger["pid"], set()) | self.filing.get(p["pid"], set())
        if restricted:
            for _ in range(20):
                if t.date() not in fd:
                    break
                t = rand_dt(rng)
            if t.date() in fd:
                restricted = False
        cat = rng.choice(sorted(RESTRICTED)) if restricted else rng.choice(TRAVEL_OK)
        self.add_order("lvxing", p, acct, passenger, home, hk, t, purpose="restricted", category=cat, travel=True)

    def spouse_account_orders(self, d):
        rng = self.rng
        W = self.W
        sp = W.by[d["spouse"]]
        if "yougou" not in sp["accounts"]:
            sp["accounts"]["yougou"] = dict(buyer_id="yg%d" % (90_000_000 + d["pid"]), bound=sp["phones"][0], book=[])
        acct = sp["accounts"]["yougou"]
        for _ in range(rng.randint(4, 16)):
            t = rand_dt(rng)
            home, hk = at(d, t, "home")
            work, wk = at(d, t, "work")
            r = rng.random()
            if r < 0.25 and work:
                self.add_order("yougou", sp, acct, d, work, wk, shift_time(rng, t, "work"))
            elif r < 0.35:
                self.add_order("yougou", sp, acct, d, self.pickup_for(home), "pickup", t)
            else:
                self.add_order("yougou", sp, acct, d, home, hk, shift_time(rng, t, "home"))
        if "lvxing" in sp["accounts"] or rng.random() < 0.3:
            if "lvxing" not in sp["accounts"]:
                sp["accounts"]["lvxing"] = dict(buyer_id="LX9%06d" % d["pid"], bound=sp["phones"][0], book=[])
            t = rand_dt(rng)
            fd = self.filing.get(d["pid"], set())
            if t.date() not in fd:
                self.add_order("lvxing", sp, sp["accounts"]["lvxing"], d, at(d, t, "home")[0], "home", t, purpose="restricted",
                               category=rng.choice(sorted(RESTRICTED)), travel=True)

    def run(self):
        W = self.W
        for p in W.people:
            if p["kind"] == "person" and p["role"] != "dirt":
                self.own_orders(p)
        for d in W.debtors:
            if d["kind"] == "person" and "uses_spouse_account" in d["flags"]:
                self.spouse_account_orders(d)
        self.make_waybills()

    # ------------------------------------------------------------ waybills
    def sign_for(self, place):
        rng = self.rng
        k = place["kind"]
        if k == "pickup":
            return "快递柜" if place["brand"] == "locker" else "驿站代收"
        if k == "uv":
            return wpick(rng, [("驿站代收", 45), ("本人签收", 38), ("家人代签", 17)])
        if k == "village":
            return wpick(rng, [("本人签收", 55), ("家人代签", 45)])
        if k == "hutong":
            return wpick(rng, [("本人签收", 55), ("家人代签", 35), ("快递柜", 10)])
        if k in ("office", "stall", "factory"):
            return wpick(rng, [("本人签收", 55), ("门卫代收", 45)])
        return wpick(rng, [("本人签收", 45), ("家人代签", 28), ("门卫代收", 17), ("快递柜", 10)])

    MERCHANTS = [("义乌小商品直营店", "浙江省金华市义乌市福田街道国际商贸城一区", "0579-85412233"),
                 ("临沂商城发货仓", "山东省临沂市兰山区义堂镇物流园", "0539-8123456"),
                 ("广州白云皮具仓", "广东省广州市白云区石井街道物流园", "020-36224411"),
                 ("苏州家纺旗舰店", "江苏省苏州市吴江区盛泽镇东方丝绸市场", "0512-63551234"),
                 ("东莞数码仓", "广东省东莞市长安镇乌沙工业区", "0769-85331122")]

    def make_waybills(self):
        rng = self.rng
        W = self.W
        for plat in ("yougou", "jiahui"):
            for o in self.orders[plat]:
                if o["signed_at"] is None or rng.random() > 0.35:
                    continue
                m = rng.choice(self.MERCHANTS)
                self.waybills.append(dict(carrier=rng.choice(["shunfa", "tongda"]), sender=None, sender_name=m[0], sender_phone=m[2],
                                          sender_addr=m[1], receiver=o["recipient"], holder=o["holder"], rname=o["name"],
                                          rphone=o["phone"], raddr=o["addr"], place=o["place"], dest_kind=o["dest_kind"],
                                          pickup=min(o["ordered_at"] + dt.timedelta(hours=rng.randint(4, 20)), o["ordered_at"] + (o["signed_at"] - o["ordered_at"]) / 2).replace(microsecond=0), sign_at=o["signed_at"],
                                          sign=self.sign_for(o["place"]), mirror_of=o, name_form=o["name_form"]))
        for p in W.people:
            if p["kind"] != "person" or p["role"] == "dirt":
                continue
            # parents send to their child
            if p["dk"] is None:
                kids = [c for c in W.people if False]
            for par_id in p.get("parents", []):
                par = W.by[par_id]
                if not p["present"]:
                    continue
                for _ in range(rng.randint(1, 4)):
                    t = rand_dt(rng)
                    home, hk = at(p, t, "home")
                    self.indep(par, p, home, hk, t, sender_place=par["home"])
            w = p.get("work")
            if w is not None and w["kind"] == "stall" and p["present"] and rng.random() < 0.6:
                for _ in range(rng.randint(2, 8)):
                    t = rand_dt(rng)
                    if p.get("job_change") and t < p["job_change"]:
                        continue
                    rcv = rng.choice(W.people)
                    if rcv["kind"] != "person" or rcv["role"] != "stranger" or rcv["dk"] is None:
                        continue
                    home, hk = at(rcv, t, "home")
                    self.indep(p, rcv, home, hk, t, sender_place=w, sender_name=p["name"] if rng.random() < 0.6 else w.get("shop", p["name"]))
        for o in W.orgs:
            if rng.random() < 0.3:
                for _ in range(rng.randint(2, 6)):
                    t = rand_dt(rng)
                    rcv = rng.choice(W.people)
                    if rcv["kind"] != "person" or rcv["role"] != "stranger" or rcv["dk"] is None:
                        continue
                    home, hk = at(rcv, t, "home")
                    self.indep(o, rcv, home, hk, t, sender_place=o["work"], sender_name=o["name"], sender_phone=o["landline"])

    def indep(self, sender, rcv, place, dest_kind, t, sender_place, sender_name=None, sender_phone=None):
        rng = self.rng
        nm, form = name_forms(rng, rcv)
        sign_at = t + dt.timedelta(hours=rng.randint(24, 90))
        if sign_at > END + dt.timedelta(hours=20):
            sign_at = None
        self.waybills.append(dict(carrier=rng.choice(["shunfa", "tongda"]), sender=sender["pid"], sender_name=sender_name or sender["name"],
                                  sender_phone=sender_phone or typed_phone(rng, phone_at(sender, t)), sender_addr=render_addr(rng, sender_place),
                                  sender_place=sender_place, receiver=rcv["pid"], holder=None, rname=nm,
                                  rphone=typed_phone(rng, phone_at(rcv, t)), raddr=render_addr(rng, place), place=place,
                                  dest_kind=dest_kind, pickup=t, sign_at=sign_at, sign=self.sign_for(place), mirror_of=None, name_form=form))


# ---------------------------------------------------------------- roster
JUDGES = ["李建平", "王晓燕", "陈志刚", "张丽华", "刘洪涛", "黄少华", "马文军", "符海燕", "赵立新", "周敏"]
GROUP_FILE = {"bj": "jingfy", "tj": "jinfy", "gd": "yuefy", "gs": "ganfy", "hn": "qiongfy"}


def make_cases(W):
    rng = W.rng
    cases = []
    seqno = {}
    for d in W.debtors:
        if d.get("co_debtor_of"):
            continue
        city = G.D[d["dk"]][2] or G.D[d["dk"]][1]
        k = wpick(rng, [(1, 70), (2, 22), (3, 8)])
        for ci in range(k):
            r = rng.random()
            if r < 0.12:
                ck = "bj_hlw" if G.D[d["dk"]][1] in ("北京市", "天津市", "甘肃省") else "gz_hlw"
            elif r < 0.85:
                ck = rng.choice(G.CITY_COURTS[city])
            else:
                ck = rng.choice(sorted(G.COURTS))
            cname, ccode, grp = G.COURTS[ck]
            if rng.random() < 0.2:
                filing = dt.date(2025, 12, 10) + dt.timedelta(days=rng.randint(0, 350))
            else:
                filing = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 2500))
            seqno[ck] = seqno.get(ck, 0) + rng.randint(1, 40)
            word = "执恢" if rng.random() < 0.05 else "执"
            br = ("（", "）") if rng.random() < 0.15 else ("(", ")")
            case_no = "%s%d%s%s%s%d号" % (br[0], filing.year, br[1], ccode, word, seqno[ck])
            status = wpick(rng, [("执行完毕", 15), ("执行中", 52), ("终本", 33)])
            c = dict(case_no=case_no, court=cname, court_key=ck, group=grp, judge=rng.choice(JUDGES), pid=d["pid"],
                     id_number=d["id_number"], filing=filing, status=status, restrict=(status != "执行完毕" and rng.random() < 0.8) or
                     (status == "执行完毕" and rng.random() < 0.5), dishonest=rng.random() < 0.45,
                     amount=round(rng.lognormvariate(10.5, 1.3), 2))
            cases.append(c)
    # co-debtor spouses share the first case of the spouse
    first = {}
    for c in cases:
        first.setdefault(c["pid"], c)
    for d in W.debtors:
        if d.get("co_debtor_of"):
            c0 = first[d["co_debtor_of"]]
            cases.append(dict(c0, pid=d["pid"], id_number=d["id_number"]))
    return cases


def hukou_text(W, d):
    rng = W.rng
    if d["kind"] != "person":
        return G.D[d["dk"]][1] + (G.D[d["dk"]][2]) + G.D[d["dk"]][3] + rng.choice(G.ROADS.get(d["dk"], ["环城路"])) + "%d号" % rng.randint(1, 300)
    r = rng.random()
    if d.get("migrant") is not None:
        if d.get("hukou_home") is not None and r < 0.7:
            return d["hukou_home"]["canon"]
        if r < 0.8:
            return W.P.hukou_house(d["migrant"])["canon"]
    if r < 0.12:
        return d["home"]["canon"]
    if r < 0.3 and d.get("old_home"):
        return d["old_home"]["canon"]
    dk = d["dk"] if d["dk"] in G.ROADS else rng.choice(["城关", "琼龙华"])
    return W.P.flat(dk)["canon"] if d["dk"] not in ("榆中", "琼山") else W.P.village(d["dk"])["canon"]


def roster_rows(W, cases):
    rng = W.rng
    by = W.by
    rows = {}
    for c in cases:
        d = by[c["pid"]]
        person = d["kind"] == "person"
        idn = d["id_number"]
        lower = 0.6 if c["group"] == "tj" else 0.15
        if person and idn.endswith("X") and rng.random() < lower:
            idn = idn[:-1] + "x"
        name = d["name"]
        if person and d.get("former") and rng.random() < 0.6:
            name = "%s（曾用名%s）" % (d["name"], d["former"])
        sep = rng.choice([";", "；", "、", ",", "; ", "、 "])
        ph = sep.join(d["roster_phones"] or [])
        amt = c["amount"]
        amt_s = rng.choice(["{:,.2f}", "{:.2f}", "{:.0f}", "{:,.1f}"]).format(amt)
        if "d_hukou" not in d:
            d["d_hukou"] = hukou_text(W, d)
        row = {"案号": c["case_no"], "执行法院": c["court"], "承办人": c["judge"], "被执行人": name,
               "证件类型": "居民身份证" if person else "统一社会信用代码", "证件号码": idn, "联系电话": ph, "户籍地址": d["d_hukou"],
               "执行标的": amt_s, "立案日期": c["filing"].isoformat(), "限制消费": "是" if c["restrict"] else "否",
               "失信": "是" if c["dishonest"] else "否", "案件状态": c["status"]}
        rows.setdefault(c["group"], []).append((c, row))
    return rows


# ---------------------------------------------------------------- writing helpers
def csv_line(fields, quote_all=False, term="\r\n"):
    b = io.StringIO()
    w = csv.writer(b, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL, lineterminator=term)
    w.writerow(fields)
    return b.getvalue()


def rec(**kw):
    base = dict(file=None, line=None, source=None, platform=None, record_key=None, holder=None, recipient=None, receiver=None,
                sender=None, dest_kind=None, dest_canonical=None, delivered=None, door=None, dirty=False, dirt=None, ambiguous=False,
                dup_of=None, category=None, amount=None, ordered_at=None, order_id=None, name_form=None, sender_kind=None,
                sender_canonical=None, raw_address=None)
    base.update(kw)
    return base


def write_csv_file(path, header, rows, quote_all=False, term="\r\n", enc="gb18030", bom=False, truncate_last=False, tail=""):
    """rows: list of (fields, meta). Returns metas with physical line numbers."""
    parts = [csv_line(header, quote_all, term)]
    line = 1 + parts[0].count("\n")
    out = []
    for fields, meta in rows:
        s = csv_line(fields, quote_all, term)
        meta["line"] = line
        line += s.count("\n")
        parts.append(s)
        out.append(meta)
    text = "".join(parts)
    if truncate_last:
        last = parts[-1]
        text = text[: len(text) - len(last)] + last[: max(3, len(last) // 2)]
    text += tail
    if bom:
        text = "\ufeff" + text
    with open(path, "wb") as f:
        f.write(text.encode(enc))
    return out


# ---------------------------------------------------------------- e-commerce
MASKS = {
    "yougou": dict(name=[("full", 75), ("mid", 25)], idn=[("full", 35), ("6_4", 35), ("", 30)], bound=0.3, rphone=0.05),
    "jiahui": dict(name=[("tail", 40), ("mid", 35), ("full", 25)], idn=[("2_2", 40), ("4_4", 15), ("1_1", 10), ("full", 10), ("", 25)],
                   bound=0.65, rphone=0.35),
    "shengxian": dict(name=[("full", 50), ("mid", 50)], idn=[("", 60), ("6_4", 40)], bound=0.5, rphone=0.2),
    "lvxing": dict(name=[("full", 100)], idn=[("full", 60), ("6_4", 40)], bound=0.0, rphone=0.0),
}
SX_COLS = ["下单时间", "订单编号", "收货人", "收货手机", "收货地址", "签收时间", "商品类目", "实付金额", "买家ID", "实名姓名", "实名证件号", "绑定手机"]


def fmt_t(t):
    return t.strftime("%Y/%m/%d %H:%M:%S") if t else ""


class Writer:
    def __init__(self, W, A, out):
        self.W, self.A, self.out = W, A, out
        self.rng = W.rng
        self.R = []
        self.acct_view = {}

    def view(self, plat, holder, acct):
        key = (plat, holder["pid"])
        if key not in self.acct_view:
            m = MASKS[plat]
            rng = self.rng
            nm = mask_name(rng, holder["name"], wpick(rng, m["name"]))
            idn = mask_id(holder["id_number"], wpick(rng, m["idn"]))
            b = acct["bound"]
            bound = b[:3] + "****" + b[-4:] if rng.random() < m["bound"] else b
            self.acct_view[key] = (nm, idn, bound)
        return self.acct_view[key]

    def order_fields(self, o, as_of_file=None):
        W = self.W
        h = W.by[o["holder"]]
        nm, idn, bound = self.view(o["platform"], h, o["acct"])
        signed = o["signed_at"]
        if as_of_file is not None and signed is not None and signed.date() > as_of_file:
            signed = None
        ph = o["phone"]
        if MASKS[o["platform"]]["rphone"] and self.rng.random() < MASKS[o["platform"]]["rphone"] and ph and ph[0] in "1+8(" and "-" not in ph[:4]:
            digits = "".join(c for c in ph if c.isdigit())[-11:]
            if len(digits) == 11:
                ph = digits[:3] + "****" + digits[-4:]
        amt = "%.2f" % o["amount"] if o["platform"] != "shengxian" else "%.3f" % o["amount"]
        vals = {"订单编号": o["order_id"], "买家ID": o["acct"]["buyer_id"], "实名姓名": nm, "实名证件号": idn, "绑定手机": bound,
                "收货人": o["name"], "收货手机": ph, "收货地址": o["addr"], "下单时间": fmt_t(o["ordered_at"]), "签收时间": fmt_t(signed),
                "实付金额": amt, "商品类目": o["category"]}
        return vals, signed

    def order_meta(self, o, signed, fn):
        return rec(file=fn, source="ecommerce", platform=o["platform"], record_key="ecommerce|%s|%s" % (o["platform"], o["order_id"]),
                   holder=o["holder"], recipient=o["recipient"], dest_kind=o["dest_kind"], dest_canonical=o["place"]["canon"],
                   delivered=signed is not None and not o["travel"], door=(signed is not None and o["place"]["kind"] != "pickup" and not o["travel"]),
                   category=o["category"], amount=o["amount"], ordered_at=o["ordered_at"], order_id=o["order_id"], name_form=o["name_form"],
                   raw_address=o["addr"])

    def dirt_orders(self, plat, k):
        """Rows about dirt strangers, broken on purpose: (fields-list-or-None, meta, vals)."""
        rng = self.rng
        out = []
        kinds = ["missing_columns", "extra_columns", "bad_order_time", "bad_sign_time", "bad_amount", "formula_name", "formula_address",
                 "long_address", "control_chars", "nul_char", "empty_order_id"]
        for i in range(k):
            p = rng.choice(self.W.dirt)
            t = rand_dt(rng)
            kind = kinds[i % len(kinds)]
            acct = dict(buyer_id="dirt%d" % p["pid"], bound=p["phones"][0], book=[])
            home = p["home"]
            vals = {"订单编号": "D%s%05d" % (plat[:2].upper(), i + rng.randint(0, 10 ** 5) * 100), "买家ID": acct["buyer_id"], "实名姓名": p["name"],
                    "实名证件号": "", "绑定手机": p["phones"][0], "收货人": p["name"], "收货手机": p["phones"][0],
                    "收货地址": render_addr(rng, home), "下单时间": fmt_t(t), "签收时间": fmt_t(t + dt.timedelta(days=2)),
                    "实付金额": "%.2f" % rng.uniform(5, 300), "商品类目": rng.choice(CATS)}
            if kind == "bad_order_time":
                vals["下单时间"] = rng.choice(["2026/13/45 25:61:00", "#VALUE!", "46001.5", "2026年11月3日下午", "0000/00/00 00:00:00"])
            elif kind == "bad_sign_time":
                vals["签收时间"] = rng.choice(["2026/02/30 10:00:00", "签收", "N/A"])
            elif kind == "bad_amount":
                vals["实付金额"] = rng.choice(["abc", "12.3.4", "¥-", "#N/A", "--"])
            elif kind == "formula_name":
                vals["收货人"] = rng.choice(['=HYPERLINK("http://x.cn","点击领奖")', "@SUM(A1:A9)", "+cmd|' /C calc'!A0", "=1+2"])
            elif kind == "formula_address":
                vals["收货地址"] = rng.choice(["=IMPORTXML(\"http://x\",\"//a\")", "-2+3+cmd|' /C notepad'!A0", "@A1"])
            elif kind == "long_address":
                vals["收货地址"] = vals["收货地址"] + "附近" * 3000
            elif kind == "control_chars":
                vals["收货人"] = p["name"][:1] + rng.choice(["\x07", "\x1b", "\x0b", "\x08"]) + p["name"][1:]
            elif kind == "nul_char":
                vals["收货地址"] = vals["收货地址"][:5] + "\x00" + vals["收货地址"][5:]
            elif kind == "empty_order_id":
                vals["订单编号"] = ""
            meta = rec(source="ecommerce", platform=plat, record_key="ecommerce|%s|%s" % (plat, vals["订单编号"]), holder=p["pid"],
                       recipient=p["pid"], dirty=True, dirt=kind, dest_kind="home", dest_canonical=home["canon"])
            out.append((kind, vals, meta))
        return out

    def ecommerce(self):
        rng = self.rng
        A = self.A
        d = os.path.join(self.out, "inbox", "ecommerce")
        os.makedirs(d, exist_ok=True)
        # yougou: two half-year exports with a week of overlap
        ys = sorted(A.orders["yougou"], key=lambda o: (o["ordered_at"], o["order_id"]))
        cut_old = dt.date(2026, 6, 1)
        first_line = {}
        for fname, lo, hi, asof in (("yougou_orders_20260601.csv", dt.datetime(2000, 1, 1), dt.datetime(2026, 6, 1, 23, 59), cut_old),
                                    ("yougou_orders_20261203.csv", dt.datetime(2026, 5, 25), dt.datetime(2100, 1, 1), AS_OF)):
            rows = []
            for o in ys:
                if lo <= o["ordered_at"] <= hi:
                    vals, signed = self.order_fields(o, asof)
                    meta = self.order_meta(o, signed, "ecommerce/" + fname)
                    rows.append(([vals[c] for c in EC_COLS], meta))
            if fname.endswith("20261203.csv"):
                for kind, vals, meta in self.dirt_orders("yougou", 22):
                    f = [vals[c] for c in EC_COLS]
                    if kind == "missing_columns":
                        f = f[:-2]
                    elif kind == "extra_columns":
                        f = f + ["多余", "列"]
                    meta["file"] = "ecommerce/" + fname
                    rows.insert(rng.randint(1, len(rows)), (f, meta))
            metas = write_csv_file(os.path.join(d, fname), EC_COLS, rows)
            for m in metas:
                if not m["dirty"]:
                    if m["record_key"] in first_line:
                        m["dup_of"] = first_line[m["record_key"]]
                    else:
                        first_line[m["record_key"]] = "%s:%d" % (m["file"], m["line"])
            self.R.extend(metas)
        open(os.path.join(d, "yougou_orders_20261202.csv"), "wb").close()
        # jiahui: GB18030 with its BOM, everything quoted, tab-prefixed order ids (Excel text trick)
        js = sorted(A.orders["jiahui"], key=lambda o: (o["ordered_at"], o["order_id"]))
        rows = []
        for o in js:
            vals, signed = self.order_fields(o, AS_OF)
            meta = self.order_meta(o, signed, "ecommerce/jiahui_orders_20261203.csv")
            f = [vals[c] for c in EC_COLS]
            f[0] = "\t" + f[0]
            rows.append((f, meta))
        for kind, vals, meta in self.dirt_orders("jiahui", 16):
            f = [vals[c] for c in EC_COLS]
            f[0] = "\t" + f[0]
            if kind == "missing_columns":
                f = f[:-3]
            elif kind == "extra_columns":
                f = f + ["x"]
            meta["file"] = "ecommerce/jiahui_orders_20261203.csv"
            rows.insert(rng.randint(1, len(rows)), (f, meta))
        metas = write_csv_file(os.path.join(d, "jiahui_orders_20261203.csv"), EC_COLS, rows, quote_all=True, bom=True)
        self.R.extend(metas)
        clean = [(f, m) for (f, m) in rows if not m["dirty"]]
        # a UTF-8 re-send and a badly named re-send
        for fname, k, reason in (("jiahui_orders_20261130.csv", 40, "wrong_encoding"), ("jiahui_orders_2026Q4.csv", 30, "bad_file_name")):
            pick = sorted(rng.sample(range(len(clean)), min(k, len(clean))))
            rr = [(clean[i][0], rec(**dict(clean[i][1], file="ecommerce/" + fname, dirty=True, dirt=reason, ambiguous=True,
                                           dup_of="%s:%d" % (clean[i][1]["file"], clean[i][1]["line"])))) for i in pick]
            self.R.extend(write_csv_file(os.path.join(d, fname), EC_COLS, rr, quote_all=True,
                                         enc="utf-8" if reason == "wrong_encoding" else "gb18030"))
        # shengxian: own column order, LF, truncated last line
        ss = sorted(A.orders["shengxian"], key=lambda o: (o["ordered_at"], o["order_id"]))
        rows = []
        for o in ss:
            vals, signed = self.order_fields(o, AS_OF)
            rows.append(([vals[c] for c in SX_COLS], self.order_meta(o, signed, "ecommerce/shengxian_orders_20261203.csv")))
        for kind, vals, meta in self.dirt_orders("shengxian", 14):
            f = [vals[c] for c in SX_COLS]
            if kind == "missing_columns":
                f = f[:-4]
            elif kind == "extra_columns":
                f = f + ["a", "b"]
            meta["file"] = "ecommerce/shengxian_orders_20261203.csv"
            rows.insert(rng.randint(1, len(rows)), (f, meta))
        kind, vals, meta = self.dirt_orders("shengxian", 1)[0]
        meta.update(file="ecommerce/shengxian_orders_20261203.csv", dirt="truncated_last_line")
        rows.append(([vals[c] for c in SX_COLS], meta))
        self.R.extend(write_csv_file(os.path.join(d, "shengxian_orders_20261203.csv"), SX_COLS, rows, term="\n", truncate_last=True))
        # lvxing: travel bookings, never delivered
        ls = sorted(A.orders["lvxing"], key=lambda o: (o["ordered_at"], o["order_id"]))
        rows = []
        for o in ls:
            vals, signed = self.order_fields(o, AS_OF)
            rows.append(([vals[c] for c in EC_COLS], self.order_meta(o, signed, "ecommerce/lvxing_orders_20261203.csv")))
        self.R.extend(write_csv_file(os.path.join(d, "lvxing_orders_20261203.csv"), EC_COLS, rows))

    # ------------------------------------------------------------ social
    def social(self):
        rng = self.rng
        W = self.W
        d = os.path.join(self.out, "inbox", "social")
        os.makedirs(d, exist_ok=True)
        accts = {"liaoliao": [], "tanpu": []}
        for p in W.people:
            for plat in ("liaoliao", "tanpu"):
                if plat in p["accounts"]:
                    accts[plat].append(p)

        def posts(p, plat, upto):
            out = []
            for _ in range(rng.randint(0, 8)):
                t = rand_dt(rng, START, upto)
                r = rng.random()
                home, _ = at(p, t, "home")
                work, _ = at(p, t, "work")
                if r < 0.45:
                    pl_ = home
                    if pl_["kind"] == "flat":
                        poi = pl_["estate"]
                    elif pl_["kind"] == "hutong":
                        poi = pl_["hutong"]
                    elif pl_["kind"] == "uv":
                        poi = pl_["village"]
                    else:
                        poi = pl_["vil"]
                    addr = (G.D[pl_["dk"]][2] or G.D[pl_["dk"]][1]) + G.D[pl_["dk"]][3] + poi
                elif r < 0.7 and work is not None:
                    poi = work.get("tower") or work.get("market") or work.get("co")
                    addr = (G.D[work["dk"]][2] or G.D[work["dk"]][1]) + G.D[work["dk"]][3] + work["road"] + "%d号" % work["no"]
                else:
                    dk = rng.choice(list(G.METRO))
                    poi = rng.choice(G.METRO[dk]) + rng.choice(["地铁站", "万达广场", "海底捞", "公园"])
                    addr = (G.D[dk][2] or G.D[dk][1]) + G.D[dk][3] + poi
                gp = {"ts": iso(t, plat), "poi": poi}
                if plat == "liaoliao" or rng.random() < 0.5:
                    gp["address"] = addr
                if plat == "liaoliao" and rng.random() < 0.3:
                    gp["lat"], gp["lng"] = round(rng.uniform(20, 40), 6), round(rng.uniform(100, 120), 6)
                out.append(gp)
            return sorted(out, key=lambda g: g["ts"])

        def iso(t, plat):
            return t.strftime("%Y-%m-%d %H:%M:%S") if plat == "liaoliao" else t.strftime("%Y-%m-%dT%H:%M:%S+08:00")

        def obj(p, plat, upto):
            a = p["accounts"][plat]
            city = G.D[p["dk"]][2] or G.D[p["dk"]][1]
            prov = G.D[p["dk"]][1]
            o = {"uid": a["uid"], "nickname": rng.choice(["海边的", "快乐的", "爱吃", "老", "阿"]) + p["giv"][-1] + rng.choice(["", "仔", "呀", "2018", "_gz"])}
            f = wpick(rng, [("full", 35), ("mid", 20), ("mou", 15), ("moumou", 10 if plat == "tanpu" else 0), ("null", 10), ("missing", 15)])
            if f == "null":
                o["real_name"] = None
            elif f != "missing":
                o["real_name"] = mask_name(rng, p["name"], f)
            f = wpick(rng, [("full", 15), ("6_4", 25), ("2_2", 15), ("null", 20), ("missing", 25)])
            if f == "null":
                o["id_no"] = None
            elif f != "missing":
                o["id_no"] = mask_id(p["id_number"], f)
            ph = p["old_phone"] if p.get("old_phone") and rng.random() < 0.12 else p["phones"][0]
            f = wpick(rng, [("full", 60), ("mask", 25), ("null", 15)])
            if f == "full":
                o["phone"] = int(ph) if plat == "liaoliao" else ph
            elif f == "mask":
                o["phone"] = ph[:3] + "****" + ph[-4:]
            else:
                o["phone"] = None
            o["profile_region"] = rng.choice([prov.replace("省", "").replace("市", "") + " " + city.replace("市", ""), None, "其他"]) \
                if rng.random() < 0.9 else prov
            if plat == "liaoliao" or rng.random() < 0.4:
                lg = []
                for _ in range(rng.randint(0, 12)):
                    t = rand_dt(rng, max(START, upto - dt.timedelta(days=120)), upto)
                    reg = wpick(rng, [(prov + (city if city != prov else ""), 5), (prov, 2), ("中国", 1),
                                      (prov + (city if city != prov else "") + " " + rng.choice(["电信", "移动", "联通"]), 4)])
                    lg.append({"ts": iso(t, plat), "ip": "%d.%d.%d.%d" % (rng.randint(36, 223), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)),
                               "ip_region": reg})
                o["logins"] = sorted(lg, key=lambda x: x["ts"])
            o["geo_posts"] = posts(p, plat, upto)
            return o

        for plat, fname, upto, keep in (("liaoliao", "liaoliao_accounts_20260901.jsonl", dt.datetime(2026, 9, 1), 0.6),
                                        ("liaoliao", "liaoliao_accounts_20261203.jsonl", END, 1.0),
                                        ("tanpu", "tanpu_accounts_20261203.jsonl", END, 1.0)):
            lines, metas = [], []
            for p in accts[plat]:
                if keep < 1 and rng.random() > keep:
                    continue
                o = obj(p, plat, upto)
                lines.append(json.dumps(o, ensure_ascii=(plat == "tanpu")))
                metas.append(rec(source="social", platform=plat, record_key="social|%s|%s" % (plat, o["uid"]), holder=p["pid"]))
            if fname.endswith("20261203.jsonl"):
                for i, (kind, text) in enumerate(self.dirt_json(plat)):
                    pos = rng.randint(0, len(lines))
                    lines.insert(pos, text)
                    metas.insert(pos, rec(source="social", platform=plat, record_key=None, dirty=True, dirt=kind, ambiguous=kind == "nan_literal"))
            term = "\r\n" if plat == "tanpu" else "\n"
            body = term.join(lines) + term
            if plat == "tanpu":
                t = json.dumps({"uid": "tp_999999", "nickname": "半截", "real_name": "某某", "geo_posts": []}, ensure_ascii=True)
                body += t[: len(t) // 2]
                lines.append(t)
                metas.append(rec(source="social", platform=plat, dirty=True, dirt="truncated_last_line"))
            with open(os.path.join(d, fname), "w", encoding="utf-8", newline="") as f:
                f.write(body)
            for i, m in enumerate(metas):
                m["file"] = "social/" + fname
                m["line"] = i + 1
            self.R.extend(metas)

    def dirt_json(self, plat):
        rng = self.rng
        out = [("not_json", '{"uid": "x1", "nickname": "断了'), ("not_json", "<html><body>504 Gateway Time-out</body></html>"),
               ("not_json", "---- 第2页 ----")]
        for i in range(8):
            p = rng.choice(self.W.dirt)
            o = {"uid": "dirt_%d_%d" % (p["pid"], i), "nickname": p["giv"], "real_name": p["name"], "phone": p["phones"][0],
                 "logins": [{"ts": "2026-11-20T21:33:00+08:00", "ip": "1.2.3.4", "ip_region": "广东省广州市"}], "geo_posts": []}
            kind = ["formula_nickname", "control_chars", "long_nickname", "bad_ts", "nan_literal", "formula_nickname", "long_nickname", "bad_ts"][i]
            if kind == "formula_nickname":
                o["nickname"] = rng.choice(["=HYPERLINK(\"http://a\",\"x\")", "@SUM(1,2)", "+1-1"])
            elif kind == "control_chars":
                o["nickname"] = "a\x07b\x1bc"
            elif kind == "long_nickname":
                o["nickname"] = "长" * 12000
            elif kind == "bad_ts":
                o["logins"][0]["ts"] = rng.choice(["上周三晚上", "2026-13-40T99:00:00", "yesterday"])
            if kind == "nan_literal":
                o["geo_posts"] = [{"ts": "2026-11-02T19:05:00+08:00", "poi": "x", "lat": float("nan")}]
            out.append((kind, json.dumps(o, ensure_ascii=(plat == "tanpu"))))
        return out

    # ------------------------------------------------------------ logistics
    def logistics(self):
        import pyarrow as pa
        import pyarrow.parquet as pq
        rng = self.rng
        W = self.W
        d = os.path.join(self.out, "inbox", "logistics")
        os.makedirs(d, exist_ok=True)
        wb = sorted(self.A.waybills, key=lambda x: (x["pickup"], x["rname"], x["raddr"]))
        seq = {"shunfa": 0, "tongda": 0}
        files = {("shunfa", "20260601"): [], ("shunfa", "20261203"): [], ("tongda", "20260901"): [], ("tongda", "20261203"): []}
        for x in wb:
            c = x["carrier"]
            seq[c] += rng.randint(1, 30)
            x["no"] = ("SF%012d" % (seq[c] * 7919)) if c == "shunfa" else ("TD%d" % (7300000000 + seq[c]))
            cut = dt.datetime(2026, 6, 1) if c == "shunfa" else dt.datetime(2026, 9, 1)
            key = (c, ("20260601" if c == "shunfa" else "20260901") if x["pickup"] < cut else "20261203")
            sign_at = x["sign_at"]
            if key[1] != "20261203" and sign_at is not None and sign_at >= cut:
                sign_at = None  # still in transit at export
            rname = x["rname"]
            if rname and all("\u4e00" <= ch <= "\u9fff" for ch in rname) and len(rname) >= 2:
                r = rng.random()
                if c == "shunfa":
                    rname = mask_name(rng, rname, "mid") if r < 0.4 else (mask_name(rng, rname, "tail") if r < 0.6 else rname)
                else:
                    rname = mask_name(rng, rname, "mid") if r < 0.3 else rname
            ph = x["rphone"]
            digits = "".join(ch for ch in ph if ch.isdigit())[-11:]
            if len(digits) == 11 and digits[0] == "1" and rng.random() < (0.7 if c == "shunfa" else 0.4):
                ph = digits[:3] + "****" + digits[-4:]
            row = dict(waybill_no=x["no"], sender_name=x["sender_name"], sender_phone=x["sender_phone"], sender_address=x["sender_addr"],
                       receiver_name=rname, receiver_phone=ph, receiver_address=x["raddr"], pickup_time=x["pickup"],
                       sign_time=sign_at, sign_type=x["sign"] if sign_at is not None else None)
            sp = x.get("sender_place")
            meta = rec(source="logistics", platform=c, record_key="logistics|%s|%s" % (c, x["no"]), holder=x["holder"],
                       receiver=x["receiver"], sender=x["sender"], dest_kind=x["dest_kind"], dest_canonical=x["place"]["canon"],
                       delivered=sign_at is not None, door=sign_at is not None and x["sign"] in SIGN_OK and x["place"]["kind"] != "pickup",
                       name_form=x["name_form"], sender_canonical=sp["canon"] if sp else None,
                       sender_kind=("person" if x["sender"] and W.by[x["sender"]]["kind"] == "person" else ("organisation" if x["sender"] else "merchant")),
                       raw_address=x["raddr"], ordered_at=x["pickup"])
            files[key].append((row, meta))
        # dirt rows
        kinds = ["null_waybill_no", "sign_before_pickup", "pickup_1970", "formula_receiver", "control_chars", "long_address", "unknown_sign_type"]
        for c in ("shunfa", "tongda"):
            for i in range(14):
                p = rng.choice(W.dirt)
                t = rand_dt(rng, dt.datetime(2026, 9, 2), END)
                kind = kinds[i % len(kinds)]
                row = dict(waybill_no="%sDIRT%05d" % (c[:2].upper(), i), sender_name="某商家", sender_phone="020-12345678", sender_address="广东省广州市白云区",
                           receiver_name=p["name"], receiver_phone=p["phones"][0], receiver_address=render_addr(rng, p["home"]),
                           pickup_time=t, sign_time=t + dt.timedelta(days=1), sign_type="本人签收")
                if kind == "null_waybill_no":
                    row["waybill_no"] = None
                elif kind == "sign_before_pickup":
                    row["sign_time"] = t - dt.timedelta(days=3)
                elif kind == "pickup_1970":
                    row["pickup_time"] = dt.datetime(1970, 1, 1)
                elif kind == "formula_receiver":
                    row["receiver_name"] = "=HYPERLINK(\"http://evil\",\"点我\")"
                elif kind == "control_chars":
                    row["receiver_address"] = row["receiver_address"][:4] + "\x00\x08" + row["receiver_address"][4:]
                elif kind == "long_address":
                    row["receiver_address"] += "楼" * 7000
                else:
                    row["sign_type"] = "已放门口"
                meta = rec(source="logistics", platform=c, record_key="logistics|%s|%s" % (c, row["waybill_no"]), receiver=p["pid"],
                           dirty=True, dirt=kind, dest_kind="home", dest_canonical=p["home"]["canon"])
                lst = files[(c, "20261203")]
                lst.insert(rng.randint(0, len(lst)), (row, meta))
        for (c, day), rows in files.items():
            fname = "%s_waybills_%s.parquet" % (c, day)
            cols = list(WB_COLS)
            if c == "tongda":
                cols = cols[::-1]
            arrays, fields = [], []
            for col in cols:
                vals = [r[col] for r, _ in rows]
                if col in ("pickup_time", "sign_time"):
                    if c == "shunfa":
                        v2 = [None if v is None else (v - dt.timedelta(hours=8)) for v in vals]
                        typ = pa.timestamp("ms", tz="Asia/Hong_Kong")
                        arr = pa.array([None if v is None else int((v - dt.datetime(1970, 1, 1)).total_seconds() * 1000) for v in v2], pa.int64()).cast(typ)
                    else:
                        typ = pa.timestamp("us")
                        arr = pa.array(vals, typ)
                elif c == "tongda" and day == "20260901" and col == "sender_phone":
                    typ = pa.null()
                    arr = pa.nulls(len(vals))
                else:
                    typ = pa.string()
                    arr = pa.array(vals, typ)
                arrays.append(arr)
                fields.append(pa.field(col, typ))
            tbl = pa.Table.from_arrays(arrays, schema=pa.schema(fields))
            pq.write_table(tbl, os.path.join(d, fname), compression="snappy" if c == "shunfa" else "zstd")
            for i, (_, m) in enumerate(rows):
                m["file"] = "logistics/" + fname
                m["line"] = i + 1
                self.R.append(m)

    # ------------------------------------------------------------ roster
    def roster(self, cases):
        rng = self.rng
        W = self.W
        d = os.path.join(self.out, "inbox", "debtors")
        os.makedirs(d, exist_ok=True)
        rows = roster_rows(W, cases)
        for grp in ("bj", "tj", "gd", "gs", "hn"):
            base = GROUP_FILE[grp]
            items = rows.get(grp, [])
            items.sort(key=lambda cr: (cr[0]["filing"], cr[0]["case_no"], cr[0]["pid"]))
            cols = list(ROSTER_COLS)
            if grp == "gd":
                cols = ["案件状态", "案号", "立案日期", "执行法院", "被执行人", "证件类型", "证件号码", "联系电话", "户籍地址", "执行标的",
                        "限制消费", "失信", "承办人"]
            if grp == "gs":
                cols = ["序号"] + cols
            variants = [(base + "_roster_" + NEWEST + ".csv", None)]
            if grp == "gd":
                variants.append((base + "_roster_20261126.csv", dt.date(2026, 11, 26)))
            for fname, old in variants:
                out = []
                seen_dup = False
                for i, (c, row) in enumerate(items):
                    r = dict(row)
                    if old is not None:
                        if c["filing"] > old:
                            continue
                        if c["status"] == "执行完毕" and (c["pid"] + len(c["case_no"])) % 2 == 0:
                            r["案件状态"] = "执行中"
                    r["序号"] = str(len(out) + 1)
                    meta = rec(source="debtors", platform=base, record_key=c["case_no"] + "|" + c["id_number"], holder=c["pid"],
                               file="debtors/" + fname)
                    out.append(([r[k] for k in cols], meta))
                    if grp == "hn" and not seen_dup and i == len(items) // 2:
                        seen_dup = True
                        out.append(([r[k] for k in cols], rec(source="debtors", platform=base, record_key=meta["record_key"], holder=c["pid"],
                                                             file="debtors/" + fname, ambiguous=True, dirt="exact_duplicate_line")))
                kw = dict(bj=dict(bom=True, term="\r\n"), tj=dict(bom=False, term="\n"), gd=dict(bom=True, term="\r\n"),
                          gs=dict(bom=False, term="\r\n", quote_all=True), hn=dict(bom=False, term="\r\n", tail="\r\n\r\n"))[grp]
                metas = write_csv_file(os.path.join(d, fname), cols, out, enc="utf-8", **kw)
                for m in metas:
                    if m["dirt"] == "exact_duplicate_line":
                        m["dup_of"] = "%s:%d" % (m["file"], m["line"] - 1)
                self.R.extend(metas)


# ---------------------------------------------------------------- truth
def write_truth(W, cases, R, out):
    import polars as pl
    by = W.by
    tdir = os.path.join(out, "truth")
    os.makedirs(tdir, exist_ok=True)
    newest = {}
    for c in cases:
        newest.setdefault(c["pid"], []).append(c)
    clean = [x for x in R if not x["dirty"] and x["source"] != "debtors"]
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
                         absent=bool(person and not p["present"]), has_home_delivery=p["pid"] in home_del,
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
                        old_home=canon(p.get("old_home")), move_date=p.get("move_date"),
                        hukou_home=canon(p.get("hukou_home")), springfest=bool(p.get("springfest")),
                        work=canon(p.get("work")), work_kind=(p.get("work") or {}).get("kind"), old_work=canon(p.get("old_work")),
                        job_change=p.get("job_change"), landline=p.get("landline"), phones=list(p["phones"]), old_phone=p.get("old_phone"),
                        phone_change=p.get("phone_change"), phone_from=p.get("phone_from"), spouse=p.get("spouse"),
                        parents=list(p.get("parents") or []), children=list(p.get("children") or []), former_name=p.get("former"),
                        namesake_of=p.get("namesake_of"), roster_phones=list(p.get("roster_phones") or []),
                        accounts=json.dumps({k: (v.get("buyer_id") or v.get("uid")) for k, v in (p.get("accounts") or {}).items()}, sort_keys=True, ensure_ascii=False),
                        present=p.get("present"), flags=list(p["flags"])))
    pl.DataFrame(ppl, infer_schema_length=None).write_parquet(os.path.join(tdir, "people.parquet"))
    rs = dict(file=pl.String, line=pl.Int64, source=pl.String, platform=pl.String, record_key=pl.String, holder=pl.Int64, recipient=pl.Int64,
              receiver=pl.Int64, sender=pl.Int64, dest_kind=pl.String, dest_canonical=pl.String, delivered=pl.Boolean, door=pl.Boolean,
              dirty=pl.Boolean, dirt=pl.String, ambiguous=pl.Boolean, dup_of=pl.String, category=pl.String, amount=pl.Float64,
              ordered_at=pl.Datetime("us"), order_id=pl.String, name_form=pl.String, sender_kind=pl.String, sender_canonical=pl.String,
              raw_address=pl.String)
    pl.DataFrame([{k: x.get(k) for k in rs} for x in R], schema=rs).write_parquet(os.path.join(tdir, "records.parquet"))
    files = sorted({x["file"] for x in R})
    with open(os.path.join(tdir, "files.json"), "w", encoding="utf-8") as f:
        json.dump(dict(as_of=AS_OF.isoformat(), newest=NEWEST, files=files), f, ensure_ascii=False, indent=1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--debtors", type=int, default=2000)
    a = ap.parse_args()
    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    os.makedirs(a.out)
    W = World(a.seed, a.debtors)
    W.build()
    cases = make_cases(W)
    A = Activity(W)
    for c in cases:
        A.filing.setdefault(c["pid"], set()).add(c["filing"])
    A.run()
    Wr = Writer(W, A, a.out)
    Wr.roster(cases)
    Wr.ecommerce()
    Wr.social()
    Wr.logistics()
    write_truth(W, cases, Wr.R, a.out)
    print("people %d, debtors %d, records %d" % (len(W.people), len(W.debtors), len(Wr.R)))


if __name__ == "__main__":
    main()
