"""File writers and truth for gen.py (split out to keep gen.py readable)."""
import copy, datetime as dt, io, json, os
from collections import defaultdict

import pyarrow as pa
import pyarrow.parquet as pq

import gen as G
from worlddata import RESTRICTED

CST = dt.timezone(dt.timedelta(hours=8))


def clone(o):
    c = copy.copy(o)
    c.f = dict(o.f) if o.f is not None else None
    return c


def at_cutoff(o, cutoff, sign_key):
    """the record as an export taken at `cutoff` shows it."""
    c = clone(o)
    s = c.f.get(sign_key)
    if s is not None and s >= cutoff:
        c.f[sign_key] = None
        if sign_key == "sign_time":
            c.f["sign_type"] = None
        c.delivered = False
        c.door = False
    return c


def version_files(plan, sign_key):
    """plan: list of (file name, cutoff, [recs]) -> per file versions, with resend bookkeeping.
    The newest file holding a record carries its clean version."""
    seen = {}
    out = []
    for name, cutoff, recs in sorted(plan, key=lambda x: x[1], reverse=True):
        vs = []
        for o in recs:
            v = at_cutoff(o, cutoff, sign_key)
            key = (o.platform, o.rid)
            if key in seen:
                newest = seen[key]
                same = v.f == newest.f
                v.dirt = "duplicate_resend(older file)" if same else "superseded_by_newer_export"
            else:
                seen[key] = v
            vs.append(v)
        out.append((name, cutoff, vs))
    return out, list(seen.values())


def roster_phone_text(W, p):
    r = W.rng
    if p["org"]:
        parts = [G.render_landline(W, p["landline"], False)]
        rep = p.get("legal_rep")
        if rep is not None and r.random() < 0.6:
            parts.append(W.P[rep]["phones"][0]["n"])
        return r.choice([";", "、", "；"]).join(parts)
    parts = []
    cur = W.current_phones(p)
    old = [ph["n"] for ph in p["phones"] if ph["end"] is not None]
    if old and r.random() < 0.85:
        parts.append(old[0])
    if r.random() < (0.35 if old else 0.72):
        parts.append(cur[0])
    if len(cur) > 1 and r.random() < 0.3:
        parts.append(cur[1])
    if p.get("landline") and r.random() < 0.2:
        parts.append(G.render_landline(W, p["landline"], False))
    out = []
    for n in parts:
        if len(n) == 11 and n.isdigit():
            n = r.choices([n, f"{n[:3]}-{n[3:7]}-{n[7:]}", f"{n[:3]} {n[3:7]} {n[7:]}", G.fw(n), f"+86 {n}"], [85, 5, 4, 3, 3])[0]
        out.append(n)
    if not out:
        return ""
    return r.choice([";", "；", "、", ",", ";"]).join(out)


def roster_row(W, cr, hukou, status=None):
    r = W.rng
    d, c = cr["d"], cr["case"]
    idn = d["id"]
    if not d["org"] and idn.endswith("X") and r.random() < 0.45:
        idn = idn[:-1] + "x"
    amt = cr["amount"]
    amt_s = f"{amt:,.2f}" if r.random() < 0.4 else (f"{amt:.2f}" if r.random() < 0.7 else f"{round(amt)}")
    return [c["no"], c["court"], c["judge"], d["name"], "统一社会信用代码" if d["org"] else "居民身份证", idn,
            roster_phone_text(W, d), hukou[d["i"]], amt_s, c["filing"].isoformat(), cr["restr"], cr["blk"],
            status or c["status"]]


def write_rosters(W, WR):
    r = W.rng
    hukou = {}
    for d in [p for p in W.P if p["debtor"]]:
        if d["org"]:
            hukou[d["i"]] = G.canon(d["office"]) if r.random() < 0.7 else G.gprefix(d["office"]["g"]) + d["office"]["road"] + f"{d['office']['no']}号"
        else:
            hukou[d["i"]] = W.hukou_text(d)
    by_abbr = defaultdict(list)
    for cr in W.case_rows:
        by_abbr[cr["case"]["abbr"]].append(cr)
    for k, (abbr, crs) in enumerate(sorted(by_abbr.items(), key=lambda x: G.ROSTER_PREFIX[x[0]])):
        pre = G.ROSTER_PREFIX[abbr]
        crs = sorted(crs, key=lambda cr: (cr["case"]["court"], cr["case"]["filing"], cr["case"]["no"]))
        rows = [(roster_row(W, cr, hukou), cr) for cr in crs]
        WR.write_roster(f"{pre}_roster_20261127.csv", rows, bom=k % 3 != 1, crlf=k % 2 == 0,
                        dup_line=(abbr == "鄂"), blank_line=(abbr == "鲁"))
        if abbr in ("苏", "湘", "渝"):
            old = []
            for cr in crs:
                if cr["case"]["filing"] >= dt.date(2026, 11, 20):
                    continue
                st = cr["case"]["status"]
                if st == "执行完毕" and r.random() < 0.45:
                    st = "执行中"          # concluded this week: the newer export says 执行完毕
                    cr["case"].setdefault("was_open_last_week", True)
                old.append((roster_row(W, cr, hukou, status=st), cr))
            WR.write_roster(f"{pre}_roster_20261120.csv", old, bom=True, crlf=True, truncate_last=(abbr == "苏"))
            for row in WR.recrows:
                if row["file"] == f"debtors/{pre}_roster_20261120.csv" and row["dirt"] is None:
                    row["note"] = "older export; newer export is authoritative"


# ---------------------------------------------------------------- stranger orders for bad files
def stranger_orders(W, n, pf):
    r = W.rng
    strangers = W.strangers
    out = []
    for k in range(n):
        p = r.choice(strangers)
        t = G.t_rand(W)
        h = W.home_at(p, t)
        f = {"订单编号": f"{pf[:3].upper()}{k:06d}", "买家ID": f"b{r.randint(10 ** 5, 10 ** 6)}", "实名姓名": p["name"],
             "实名证件号": "", "绑定手机": p["phones"][0]["n"], "收货人": G.render_name(W, p),
             "收货手机": G.render_mobile(W, W.phone_at(p, t)), "收货地址": G.render_addr(W, h), "下单时间": t,
             "签收时间": t + dt.timedelta(hours=30) if t < G.W1 - dt.timedelta(days=2) else None,
             "实付金额": round(r.uniform(5, 300), 2), "商品类目": "食品生鲜"}
        out.append(G.Rec(src="ecommerce", platform=pf, rid=f["订单编号"], t=t, f=f, concerns=[(p["i"], "holder+recipient")],
                         dest=h, delivered=f["签收时间"] is not None, door=f["签收时间"] is not None))
    return out


def write_ecommerce(W, WR, orders):
    r = W.rng
    by_pf = defaultdict(list)
    for o in orders:
        by_pf[o.platform].append(o)
        x = r.random()
        if x < 0.01:
            o.note = "embedded_newline"
        elif x < 0.04:
            o.note = "embedded_comma"
    strangers = W.strangers
    finals = []

    def cut(ymd):
        return dt.datetime.strptime(ymd, "%Y%m%d")

    # jinque: monthly exports
    months = ["20260531", "20260630", "20260731", "20260831", "20260930", "20261031", "20261127"]
    plan = []
    for m in months:
        c = cut(m)
        lo = dt.datetime(c.year, c.month, 1)
        plan.append((f"jinque_orders_{m}.csv", c, [o for o in by_pf["jinque"] if lo <= o.t < c or (m == "20261127" and o.t >= lo)]))
    vers, fin = version_files(plan, "签收时间")
    finals += fin
    for name, c, vs in vers:
        dirty = G.ec_dirty_rows(W, strangers, 15, "jinque") if name.endswith("20261127.csv") else []
        WR.write_ec(name, sorted(vs, key=lambda o: o.t), dirty, crlf=True)
    # baicao: one export, every field quoted; plus an empty file
    vers, fin = version_files([("baicao_orders_20261127.csv", cut("20261127"), by_pf["baicao"])], "签收时间")
    finals += fin
    WR.write_ec(vers[0][0], vers[0][2], G.ec_dirty_rows(W, strangers, 15, "baicao"), quote_all=True)
    open(WR.path("ecommerce", "baicao_orders_20261126.csv"), "wb").close()
    WR.manifest("ecommerce", "baicao_orders_20261126.csv", "empty file (0 bytes)")
    # lvzhou: two overlapping exports, and a byte-identical re-send of the older one
    old = [o for o in by_pf["lvzhou"] if o.t < dt.datetime(2026, 11, 19, 12)]
    new = [o for o in by_pf["lvzhou"] if o.t >= dt.datetime(2026, 10, 15)]
    vers, fin = version_files([("lvzhou_orders_20261120.csv", cut("20261120"), old),
                               ("lvzhou_orders_20261127.csv", cut("20261127"), new)], "签收时间")
    finals += fin
    for name, c, vs in vers:
        WR.write_ec(name, sorted(vs, key=lambda o: o.t), [], crlf=False)
    src = WR.path("ecommerce", "lvzhou_orders_20261120.csv")
    with open(src, "rb") as fh:
        data = fh.read()
    with open(WR.path("ecommerce", "lvzhou_orders_20261124.csv"), "wb") as fh:
        fh.write(data)
    for row in [x for x in WR.recrows if x["file"] == "ecommerce/lvzhou_orders_20261120.csv"]:
        WR.recrows.append(dict(row, file="ecommerce/lvzhou_orders_20261124.csv", dirt="byte_identical_resend"))
    WR.manifest("ecommerce", "lvzhou_orders_20261124.csv", "byte-identical copy of lvzhou_orders_20261120.csv")
    # haoshi: columns in another order; plus a header-only file
    cols = ["下单时间", "订单编号", "收货人", "收货手机", "收货地址", "商品类目", "实付金额", "签收时间", "买家ID", "实名姓名", "实名证件号", "绑定手机"]
    vers, fin = version_files([("haoshi_orders_20261127.csv", cut("20261127"), by_pf["haoshi"])], "签收时间")
    finals += fin
    WR.write_ec(vers[0][0], vers[0][2], G.ec_dirty_rows(W, strangers, 10, "haoshi"), cols=cols)
    WR.write_ec("haoshi_orders_20261101.csv", [], [], cols=cols, what="header only")
    # le-gou (a platform nobody announced): truncated last line
    vers, fin = version_files([("le-gou_orders_20261127.csv", cut("20261127"), by_pf["le-gou"])], "签收时间")
    finals += fin
    WR.write_ec(vers[0][0], vers[0][2], G.ec_dirty_rows(W, strangers, 8, "le-gou"), crlf=False, truncate_last=True)
    # tripgo: travel platform
    vers, fin = version_files([("tripgo_orders_20261127.csv", cut("20261127"), by_pf["tripgo"])], "签收时间")
    finals += fin
    WR.write_ec(vers[0][0], sorted(vers[0][2], key=lambda o: o.t), G.ec_dirty_rows(W, strangers, 5, "tripgo"))
    # whole-file problems, strangers only
    so = stranger_orders(W, 25, "orders")
    for o in so:
        o.dirt = "file_name_without_underscore"
    WR.write_ec("orders20261127.csv", so, [], what="name without _")
    so = stranger_orders(W, 25, "xingfu")
    for o in so:
        o.dirt = "wrong_encoding(utf-8 instead of gb18030)"
    WR.write_ec("xingfu_orders_20261127.csv", so, [], encoding="utf-8", what="wrong encoding (UTF-8)")
    return finals


# ---------------------------------------------------------------- logistics
def wb_dirty(W, n, carrier):
    r = W.rng
    strangers = W.strangers
    kinds = ["null_waybill_no", "formula", "control_chars", "very_long", "duplicate_in_file", "missing_pickup_time",
             "ambiguous:unknown_sign_type", "empty_receiver"]
    out = []
    for j in range(n):
        p = r.choice(strangers)
        t = G.t_rand(W)
        h = W.home_at(p, t)
        f = dict(waybill_no=f"{carrier[:2].upper()}X{r.randint(10 ** 7, 10 ** 8)}", sender_name="某某旗舰店",
                 sender_phone="400-800-1234", sender_address="某市某区仓库", receiver_name=p["name"],
                 receiver_phone=p["phones"][0]["n"], receiver_address=G.canon(h), pickup_time=t,
                 sign_time=t + dt.timedelta(hours=40), sign_type="本人签收")
        kind = kinds[j % len(kinds)]
        if kind == "null_waybill_no":
            f["waybill_no"] = None
        elif kind == "formula":
            f["receiver_name"] = r.choice(G.FORMULAS)
        elif kind == "control_chars":
            f["receiver_address"] = f["receiver_address"][:5] + r.choice(G.CTRL) + f["receiver_address"][5:]
        elif kind == "very_long":
            f["receiver_address"] = f["receiver_address"] + "旁边" * 4000
        elif kind == "missing_pickup_time":
            f["pickup_time"] = None
        elif kind == "ambiguous:unknown_sign_type":
            f["sign_type"] = r.choice(["已签收", "他人代收", "拒收"])
        elif kind == "empty_receiver":
            f["receiver_name"] = f["receiver_phone"] = f["receiver_address"] = None
        rec = G.Rec(src="logistics", platform=carrier, rid=f["waybill_no"], t=t, f=f, concerns=[(p["i"], "receiver")],
                    dest=h, delivered=False, door=False)
        rec.dirt = kind
        out.append(rec)
        if kind == "duplicate_in_file":
            out.append(clone(rec))
    return out


def to_utc_naive(t):
    return None if t is None else t - dt.timedelta(hours=8)


def write_parquet(WR, name, recs, unit="us", tz=None, strings="string", shuffle=False, drop=(), extra=None,
                  str_times=False, truncate=False, what="waybills", row_group=None):
    W = WR.W
    cols = [c for c in G.WB_COLS if c not in drop]
    if shuffle:
        cols = cols[:]
        W.rng.shuffle(cols)
    arrays = {}
    for c in cols:
        vals = [o.f.get(c) for o in recs]
        if c in ("pickup_time", "sign_time"):
            if str_times:
                arrays[c] = pa.array([v if isinstance(v, str) else (v.strftime("%Y-%m-%d %H:%M:%S") if v else None) for v in vals], pa.string())
            elif tz == "UTC":
                arrays[c] = pa.array([to_utc_naive(v) for v in vals], pa.timestamp(unit, tz="UTC"))
            elif tz:
                arrays[c] = pa.array([v.replace(tzinfo=CST) if v else None for v in vals], pa.timestamp(unit, tz=tz))
            else:
                arrays[c] = pa.array([v.replace(microsecond=0) if (v and unit == "s") else v for v in vals], pa.timestamp(unit))
        else:
            if strings == "large":
                arrays[c] = pa.array(vals, pa.large_string())
            elif strings == "dict":
                arrays[c] = pa.array(vals, pa.string()).dictionary_encode()
            else:
                arrays[c] = pa.array(vals, pa.string())
    if extra:
        for k, v in extra.items():
            arrays[k] = pa.array([v] * len(recs), pa.string())
    tbl = pa.table(arrays)
    path = WR.path("logistics", name)
    pq.write_table(tbl, path, row_group_size=row_group or 4096)
    if truncate:
        with open(path, "rb") as fh:
            data = fh.read()
        with open(path, "wb") as fh:
            fh.write(data[: int(len(data) * 0.6)])
    for k, o in enumerate(recs):
        WR.log("logistics", name, o, k + 1, k + 1, dirt=o.dirt)
    WR.manifest("logistics", name, what)


def write_logistics(W, WR, wbs):
    r = W.rng
    by = defaultdict(list)
    for w in wbs:
        by[w.platform].append(w)
    finals = []
    cut = lambda s: dt.datetime.strptime(s, "%Y%m%d")
    # hongyun: bi-monthly, ms naive
    plan = [("hongyun_waybills_20260630.csv", cut("20260630"), dt.datetime(2026, 1, 1), dt.datetime(2026, 7, 1)),
            ("hongyun_waybills_20260831.csv", cut("20260831"), dt.datetime(2026, 7, 1), dt.datetime(2026, 9, 1)),
            ("hongyun_waybills_20261031.csv", cut("20261031"), dt.datetime(2026, 9, 1), dt.datetime(2026, 11, 1)),
            ("hongyun_waybills_20261127.csv", cut("20261127"), dt.datetime(2026, 11, 1), dt.datetime(2027, 1, 1))]
    vers, fin = G_version(plan, by["hongyun"])
    finals += fin
    for name, c, vs in vers:
        nm = name.replace(".csv", ".parquet")
        if nm.endswith("20261127.parquet"):
            vs = vs + wb_dirty(W, 16, "hongyun")
        write_parquet(WR, nm, vs, unit="ms")
    vers, fin = version_files([("beidou_waybills_20261127.parquet", cut("20261127"), by["beidou"])], "sign_time")
    finals += fin
    write_parquet(WR, vers[0][0], vers[0][2] + wb_dirty(W, 8, "beidou"), unit="us", tz="UTC", strings="large",
                  what="tz-aware UTC, large_string")
    vers, fin = version_files([("shanpao_waybills_20261127.parquet", cut("20261127"), by["shanpao"])], "sign_time")
    finals += fin
    write_parquet(WR, vers[0][0], vers[0][2] + wb_dirty(W, 8, "shanpao"), unit="ns", tz="Asia/Shanghai", strings="dict",
                  shuffle=True, what="ns Asia/Shanghai, dictionary strings, shuffled columns", row_group=1000)
    old = [w for w in by["anxin"] if w.t < dt.datetime(2026, 11, 19, 12)]
    new = [w for w in by["anxin"] if w.t >= dt.datetime(2026, 10, 1)]
    vers, fin = version_files([("anxin_waybills_20261120.parquet", cut("20261120"), old),
                               ("anxin_waybills_20261127.parquet", cut("20261127"), new)], "sign_time")
    finals += fin
    for name, c, vs in vers:
        write_parquet(WR, name, sorted(vs, key=lambda o: o.t), unit="s", what="timestamp[s] naive, overlapping re-send")
    # whole-file problems, strangers only
    for name, kw, why in [("anxinwaybills20261127.parquet", {}, "file_name_without_underscore"),
                          ("hongyun_waybills_20261126.parquet", dict(truncate=True), "truncated_parquet_file"),
                          ("kuaidi88_waybills_20261127.parquet", dict(str_times=True), "string_timestamps"),
                          ("beidou_waybills_20261125.parquet", dict(drop=("sender_phone",), extra={"remark": "补发"}), "missing_and_extra_columns")]:
        recs = []
        strangers = W.strangers
        for k in range(20):
            p = r.choice(strangers)
            t = G.t_rand(W, G.W0, G.W1 - dt.timedelta(days=4))
            h = W.home_at(p, t)
            f = dict(waybill_no=f"Z{name[:2].upper()}{k:06d}", sender_name="某某电商仓", sender_phone="400-600-7788",
                     sender_address="某市某区物流园", receiver_name=G.render_name(W, p),
                     receiver_phone=G.render_mobile(W, W.phone_at(p, t)), receiver_address=G.render_addr(W, h),
                     pickup_time=t, sign_time=t + dt.timedelta(hours=30), sign_type="本人签收")
            if kw.get("str_times") and k % 5 == 0:
                f["pickup_time"] = r.choice(["无", "2026/11/3 10:22", "昨天"])
            o = G.Rec(src="logistics", platform=name.split("_")[0], rid=f["waybill_no"], t=t, f=f,
                      concerns=[(p["i"], "receiver")], dest=h, delivered=True, door=True)
            o.dirt = why
            recs.append(o)
        write_parquet(WR, name, recs, unit="us", what=why, **kw)
    return finals


def G_version(plan, recs):
    p2 = [(name, c, [w for w in recs if lo <= w.t < hi]) for name, c, lo, hi in plan]
    return version_files(p2, "sign_time")


# ---------------------------------------------------------------- social
def iso(t, style):
    if style == "utc":
        u = t - dt.timedelta(hours=8)
        return u.strftime("%Y-%m-%dT%H:%M:%S") + ".000Z"
    return t.strftime("%Y-%m-%dT%H:%M:%S") + "+08:00"


def social_obj(W, a, style, cutoff=None):
    r = W.rng
    f = a.f
    logins = [dict(ts=iso(x["t"], style), ip=x["ip"], ip_region=x["reg"]) for x in f["logins"] if cutoff is None or x["t"] < cutoff]
    posts = [dict(ts=iso(x["t"], style), poi=x["poi"], address=x["address"]) for x in f["geo_posts"] if cutoff is None or x["t"] < cutoff]
    o = dict(uid=f["uid"], nickname=f["nickname"], real_name=f["real_name"], id_no=f["id_no"], phone=f["phone"],
             profile_region=f["profile_region"], logins=logins, geo_posts=posts)
    if style == "sparse":
        for k in ["id_no", "phone", "profile_region", "real_name", "logins", "geo_posts", "nickname"]:
            if o[k] is None and r.random() < 0.7:
                del o[k]
            elif k in ("logins", "geo_posts") and not o[k] and r.random() < 0.5:
                o[k] = None if r.random() < 0.5 else o.pop(k) and None
                if k in o and o[k] is None and r.random() < 0.5:
                    del o[k]
    if style == "utc":
        keys = list(o)
        r.shuffle(keys)
        o = {k: o[k] for k in keys}
    return o


def social_dirty(W, n, pf):
    r = W.rng
    strangers = W.strangers
    kinds = ["not_json", "json_array", "missing_uid", "control_chars", "formula", "very_long", "bad_timestamp",
             "null_line", "duplicate_in_file", "ambiguous:naive_timestamp", "blank_line"]
    out = []
    for j in range(n):
        p = r.choice(strangers)
        kind = kinds[j % len(kinds)]
        uid = f"{pf[:2]}_bad{j:04d}"
        t = G.t_rand(W)
        o = dict(uid=uid, nickname=p["given"] + "的号", real_name=p["name"], phone=p["phones"][0]["n"],
                 logins=[dict(ts=iso(t, "cst"), ip="1.2.3.4", ip_region=p["home"]["g"]["prov"])], geo_posts=[])
        if kind == "not_json":
            line = '{"uid": "%s", "nickname": "半截' % uid + '", logins: [}'
        elif kind == "json_array":
            line = json.dumps([uid, p["name"]], ensure_ascii=False)
        elif kind == "null_line":
            line = "null"
        elif kind == "blank_line":
            line = ""
        else:
            if kind == "missing_uid":
                del o["uid"]
            elif kind == "control_chars":
                o["nickname"] = "坏" + r.choice(G.CTRL) + "字符"
            elif kind == "formula":
                o["nickname"] = r.choice(G.FORMULAS)
            elif kind == "very_long":
                o["nickname"] = "长" * 20000
            elif kind == "bad_timestamp":
                o["logins"][0]["ts"] = r.choice(["2026-13-40T25:00:00+08:00", "yesterday", "1700000000"])
            elif kind == "ambiguous:naive_timestamp":
                o["logins"][0]["ts"] = t.strftime("%Y-%m-%d %H:%M:%S")
            line = json.dumps(o, ensure_ascii=False)
        rec = G.Rec(src="social", platform=pf, rid=uid, t=None, f=None, concerns=[(p["i"], "holder")], dest=None,
                    delivered=False, door=False)
        rec.dirt = kind
        out.append((line, rec))
        if kind == "duplicate_in_file":
            r2 = clone(rec)
            out.append((line, r2))
    return out


def write_jsonl(WR, name, items, encoding="utf-8", truncate_last=False, what="accounts"):
    lines = []
    for k, (line, rec) in enumerate(items):
        lines.append(line)
        WR.log("social", name, rec, k + 1, k + 1, dirt=rec.dirt)
    data = "\n".join(lines) + "\n"
    if truncate_last:
        data = data.rstrip("\n")
        last = lines[-1]
        data = data[: len(data) - len(last) // 2]
        WR.recrows[-1]["dirt"] = "truncated_last_line"
    with open(WR.path("social", name), "wb") as fh:
        fh.write(data.encode(encoding))
    WR.manifest("social", name, what)


def write_social(W, WR, socials):
    r = W.rng
    by = defaultdict(list)
    for a in socials:
        by[a.platform].append(a)
    finals = []
    # lianbo: full snapshot 20261127 and an older partial snapshot 20261120
    items = [(json.dumps(social_obj(W, a, "cst"), ensure_ascii=False), a) for a in by["lianbo"]]
    write_jsonl(WR, "lianbo_accounts_20261127.jsonl", items)
    finals += by["lianbo"]
    old = []
    for a in by["lianbo"]:
        if r.random() < 0.5:
            c = clone(a)
            c.dirt = None
            c.note = "older snapshot"
            old.append((json.dumps(social_obj(W, a, "cst", cutoff=dt.datetime(2026, 11, 20)), ensure_ascii=False), c))
    write_jsonl(WR, "lianbo_accounts_20261120.jsonl", old, what="older overlapping snapshot")
    for row in WR.recrows:
        if row["file"] == "social/lianbo_accounts_20261120.jsonl":
            row["note"] = "older snapshot of the same accounts"
    # xiaoquan: ASCII-escaped JSON, sparse keys, row dirt; plus an empty file
    items = [(json.dumps(social_obj(W, a, "sparse"), ensure_ascii=True), a) for a in by["xiaoquan"]]
    items += social_dirty(W, 12, "xiaoquan")
    r.shuffle(items)
    # keep a stranger's row last so that truncation hits a non-debtor
    last = next(k for k in range(len(items) - 1, -1, -1) if items[k][1].dirt and items[k][0])
    items.append(items.pop(last))
    write_jsonl(WR, "xiaoquan_accounts_20261127.jsonl", items, truncate_last=True)
    finals += by["xiaoquan"]
    open(WR.path("social", "xiaoquan_accounts_20261120.jsonl"), "wb").close()
    WR.manifest("social", "xiaoquan_accounts_20261120.jsonl", "empty file")
    # kuaipai: UTC 'Z' timestamps with milliseconds, shuffled keys
    items = [(json.dumps(social_obj(W, a, "utc"), ensure_ascii=False), a) for a in by["kuaipai"]]
    items += social_dirty(W, 11, "kuaipai")
    r.shuffle(items)
    write_jsonl(WR, "kuaipai_accounts_20261127.jsonl", items)
    finals += by["kuaipai"]
    # whole-file problems, strangers only
    strangers = W.strangers
    for name, enc, why in [("kuaipai-accounts-20261127.jsonl", "utf-8", "file_name_without_underscore"),
                           ("lianbo_accounts_20261125.jsonl", "gb18030", "wrong_encoding(gb18030 instead of utf-8)")]:
        items = []
        for k in range(15):
            p = r.choice(strangers)
            t = G.t_rand(W)
            o = dict(uid=f"x{name[:3]}{k}", nickname="路人" + p["given"], real_name=p["name"], phone=p["phones"][0]["n"],
                     profile_region=p["home"]["g"]["pshort"], logins=[dict(ts=iso(t, "cst"), ip="61.1.2.3", ip_region=p["home"]["g"]["prov"])],
                     geo_posts=[])
            rec = G.Rec(src="social", platform=name.split("_")[0], rid=o["uid"], t=None, f=None,
                        concerns=[(p["i"], "holder")], dest=None, delivered=False, door=False)
            rec.dirt = why
            items.append((json.dumps(o, ensure_ascii=False), rec))
        write_jsonl(WR, name, items, encoding=enc, what=why)
    return finals


def write_all(W, WR, orders, wbs, socials):
    write_rosters(W, WR)
    f1 = write_ecommerce(W, WR, orders)
    f2 = write_logistics(W, WR, wbs)
    f3 = write_social(W, WR, socials)
    W.finals = [o for o in f1 + f2 + f3 if o.dirt is None]


# ---------------------------------------------------------------- truth
def write_truth(W, WR, out):
    finals = W.finals
    concerns = defaultdict(list)     # person index -> [(rec, role)]
    for o in finals:
        for i, role in o.concerns:
            concerns[i].append((o, role))
    rows = []
    for d in [p for p in W.P if p["debtor"]]:
        crs = W.cases_of[d["i"]]
        is_open = any(cr["case"]["status"] != "执行完毕" for cr in crs)
        on = bool(concerns.get(d["i"]))
        person = not d["org"]
        hd, nwork = False, set()
        if person:
            home_c = G.canon(d["home"])
            work_c = G.canon(d["work"]["addr"]) if d["work"] else None
            for o, role in concerns.get(d["i"], []):
                if role == "sender" or o.src == "social" or not o.door or o.dest is None:
                    continue
                c = G.canon(o.dest)
                if c == home_c:
                    hd = True
                if work_c and c == work_c:
                    nwork.add((o.src, o.platform, o.rid))
        rows.append(dict(id_number=d["id"], name=d["name"], kind="person" if person else "organisation", open=is_open,
                         on_platforms=on, absent=person and is_open and not on, has_home_delivery=hd,
                         home_address=G.canon(d["home"]) if person else None,
                         work_address=(G.canon(d["work"]["addr"]) if d["work"] else None) if person else None,
                         n_work=len(nwork), current_phones=sorted(W.current_phones(d)) if person else []))
    schema = pa.schema([("id_number", pa.string()), ("name", pa.string()), ("kind", pa.string()), ("open", pa.bool_()),
                        ("on_platforms", pa.bool_()), ("absent", pa.bool_()), ("has_home_delivery", pa.bool_()),
                        ("home_address", pa.string()), ("work_address", pa.string()), ("n_work", pa.int64()),
                        ("current_phones", pa.list_(pa.string()))])
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), os.path.join(out, "truth", "debtors.parquet"))
    # violations
    vrows = []
    for o in finals:
        if o.src != "ecommerce" or o.cat not in RESTRICTED:
            continue
        for i, role in o.concerns:
            p = W.P[i]
            if not p["debtor"]:
                continue
            for cr in W.cases_of[i]:
                c = cr["case"]
                if c["status"] == "执行完毕" or cr["restr"] != "是":
                    continue
                if o.t.date() <= c["filing"]:
                    continue
                vrows.append(dict(id_number=p["id"], case_no=c["no"], platform=o.platform, order_id=o.rid,
                                  ordered_at=o.f["下单时间"].replace(microsecond=0), category=o.cat, amount=float(o.amount),
                                  by_holder="holder" in role))
    vschema = pa.schema([("id_number", pa.string()), ("case_no", pa.string()), ("platform", pa.string()),
                         ("order_id", pa.string()), ("ordered_at", pa.timestamp("us")), ("category", pa.string()),
                         ("amount", pa.float64()), ("by_holder", pa.bool_())])
    pq.write_table(pa.Table.from_pylist(vrows, schema=vschema), os.path.join(out, "truth", "violations.parquet"))
    # people
    prows = []
    for p in W.P:
        prows.append(dict(id_number=p["id"], name=p["name"], kind="organisation" if p["org"] else "person",
                          role=p["role"], debtor=bool(p["debtor"]), household=p.get("hh"),
                          gender=p.get("gender"), birth=p.get("birth"),
                          home_address=G.canon(p["home"]) if not p["org"] else G.canon(p["office"]),
                          old_home_address=G.canon(p["old_home"]) if p.get("old_home") else None,
                          move_date=p.get("move"), work_address=G.canon(p["work"]["addr"]) if p.get("work") else None,
                          work_kind=p["work"]["kind"] if p.get("work") else None,
                          current_phones=sorted(W.current_phones(p)) if not p["org"] else [],
                          old_phones=[ph["n"] for ph in p["phones"] if ph["end"] is not None],
                          landline=("-".join(p["landline"]) if p.get("landline") else None),
                          active=bool(p["active"]), flags=sorted(set(p["flags"])),
                          related=[f"{k}:{W.P[j]['id']}" for k, j in p.get("rel", [])],
                          namesake_of=W.P[p["namesake_of"]]["id"] if p.get("namesake_of") is not None else None,
                          cases=[cr["case"]["no"] for cr in W.cases_of.get(p["i"], [])]))
    pq.write_table(pa.Table.from_pylist(prows), os.path.join(out, "truth", "people.parquet"))
    rs = pa.schema([("file", pa.string()), ("line", pa.int64()), ("row", pa.int64()), ("source", pa.string()),
                    ("platform", pa.string()), ("record_id", pa.string()), ("person_ids", pa.list_(pa.string())),
                    ("roles", pa.list_(pa.string())), ("dest_kind", pa.string()), ("dest_address", pa.string()),
                    ("delivered", pa.bool_()), ("door", pa.bool_()), ("dirt", pa.string()), ("note", pa.string())])
    pq.write_table(pa.Table.from_pylist(WR.recrows, schema=rs), os.path.join(out, "truth", "records.parquet"))
    # cases (for check.py)
    crows = [dict(case_no=cr["case"]["no"], court=cr["case"]["court"], id_number=cr["d"]["id"], status=cr["case"]["status"],
                  restricted=cr["restr"] == "是", filing=cr["case"]["filing"]) for cr in W.case_rows]
    pq.write_table(pa.Table.from_pylist(crows), os.path.join(out, "truth", "cases.parquet"))
    with open(os.path.join(out, "truth", "files.json"), "w", encoding="utf-8") as fh:
        json.dump(WR.files, fh, ensure_ascii=False, indent=1)
