#!/usr/bin/env python3
"""check.py DIR: parse every inbox file the way inputs.md says it can be parsed, and check the truth. Prints OK."""
import csv
import datetime as dt
import io
import json
import os
import re
import sys

import polars as pl
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen import EC_COLS, ROSTER_COLS, WB_COLS, id_check, credit_ok  # noqa: E402

RESTRICTED = {"机票", "星级酒店住宿", "高铁一等座", "高铁商务座", "高尔夫球场", "旅游度假", "私立学校学费"}
errors = []


def err(msg):
    errors.append(msg)
    if len(errors) < 40:
        print("ERROR", msg)


def csv_rows(text):
    """(start_line, fields) for every physical CSV record; start_line is 1-based, header = 1."""
    out = []
    line = 1
    rd = csv.reader(io.StringIO(text, newline=""))
    prev_end = 1
    for fields in rd:
        out.append((prev_end, fields))
        prev_end = rd.line_num + 1
    return out


def main(d):
    inbox = os.path.join(d, "inbox")
    T = os.path.join(d, "truth")
    recs = pl.read_parquet(os.path.join(T, "records.parquet"))
    deb = pl.read_parquet(os.path.join(T, "debtors.parquet"))
    ppl = pl.read_parquet(os.path.join(T, "people.parquet"))
    vio = pl.read_parquet(os.path.join(T, "violations.parquet"))
    by_file = {}
    for x in recs.iter_rows(named=True):
        by_file.setdefault(x["file"], {})[x["line"]] = x
    roles = dict(zip(ppl["pid"], ppl["role"]))
    flags = dict(zip(ppl["pid"], ppl["flags"]))
    counts = {}
    # ---- rosters
    roster_ids = {}
    for fn in sorted(os.listdir(os.path.join(inbox, "debtors"))):
        path = "debtors/" + fn
        raw = open(os.path.join(inbox, path), "rb").read()
        text = raw.decode("utf-8-sig")
        rows = csv_rows(text)
        hdr = rows[0][1]
        assert all(c in hdr for c in ROSTER_COLS), (fn, hdr)
        ix = {c: hdr.index(c) for c in hdr}
        n = 0
        for ln, f in rows[1:]:
            t = by_file.get(path, {}).get(ln)
            if t is None:
                err("%s:%d no truth row" % (path, ln))
                continue
            if t["dirty"]:
                continue
            if len(f) != len(hdr):
                err("%s:%d field count" % (path, ln))
                continue
            n += 1
            idn = f[ix["证件号码"]]
            if f[ix["证件类型"]] == "居民身份证":
                if len(idn) != 18 or id_check(idn[:17]) != idn[17].upper():
                    err("%s:%d bad id %s" % (path, ln, idn))
            else:
                if not credit_ok(idn):
                    err("%s:%d bad credit code %s" % (path, ln, idn))
            if f[ix["案件状态"]] not in ("执行中", "终本", "执行完毕"):
                err("status")
            dt.date.fromisoformat(f[ix["立案日期"]])
            float(f[ix["执行标的"]].replace(",", ""))
            for ph in re.split(r"[;；、,]\s*", f[ix["联系电话"]]):
                if ph and not re.fullmatch(r"1\d{10}|0\d{2,3}-\d{7,8}", ph):
                    err("roster phone %r" % ph)
            if fn.endswith("20261205.csv"):
                roster_ids.setdefault(idn.upper(), []).append(f[ix["案件状态"]])
        counts[path] = n
    ids = set(deb["id_number"])
    if ids != set(roster_ids):
        err("truth entities != newest roster ids: %d vs %d" % (len(ids), len(roster_ids)))
    for x in deb.iter_rows(named=True):
        st = roster_ids.get(x["id_number"], [])
        if x["open"] != any(s != "执行完毕" for s in st):
            err("open mismatch %s" % x["id_number"])
        if x["id_number"] != x["id_number"].upper():
            err("lower x in truth")
    # ---- e-commerce
    for fn in sorted(os.listdir(os.path.join(inbox, "ecommerce"))):
        path = "ecommerce/" + fn
        raw = open(os.path.join(inbox, path), "rb").read()
        truth = by_file.get(path, {})
        if not raw:
            assert not truth
            continue
        text = raw.decode("gb18030", errors="strict")
        rows = csv_rows(text)
        hdr = rows[0][1]
        if hdr and not all(c in hdr for c in EC_COLS):
            # the Big5 file: every truth row must be dirt
            assert all(t["dirty"] for t in truth.values()), fn
            continue
        ix = {c: hdr.index(c) for c in hdr}
        n = 0
        for ln, f in rows[1:]:
            t = truth.get(ln)
            if t is None:
                err("%s:%d no truth row" % (path, ln))
                continue
            if t["dirty"]:
                continue
            if len(f) != 12:
                err("%s:%d clean row with %d fields" % (path, ln, len(f)))
                continue
            n += 1
            if f[ix["订单编号"]] != t["order_id"]:
                err("%s:%d order id" % (path, ln))
            o = dt.datetime.strptime(f[ix["下单时间"]], "%Y/%m/%d %H:%M:%S")
            if f[ix["签收时间"]]:
                s = dt.datetime.strptime(f[ix["签收时间"]], "%Y/%m/%d %H:%M:%S")
                if s <= o:
                    err("%s:%d sign before order" % (path, ln))
                if not t["delivered"]:
                    err("%s:%d delivered flag" % (path, ln))
            elif t["delivered"]:
                err("%s:%d delivered flag 2" % (path, ln))
            float(f[ix["实付金额"]])
            for c in ("收货人", "收货地址", "实名姓名"):
                v = f[ix[c]]
                if v[:1] in "=@" or (v[:1] in "+-" and c != "收货手机"):
                    err("%s:%d clean formula-like %s %r" % (path, ln, c, v[:20]))
                if any(ord(ch) < 32 for ch in v):
                    err("%s:%d clean control char" % (path, ln))
            if o.strftime("%Y-%m-%d %H:%M:%S") != t["ordered_at"].strftime("%Y-%m-%d %H:%M:%S"):
                err("%s:%d ordered_at" % (path, ln))
        nt = sum(1 for t in truth.values() if not t["dirty"])
        if n != nt:
            err("%s: parsed %d clean rows, truth %d" % (path, n, nt))
        counts[path] = n
    # ---- social
    for fn in sorted(os.listdir(os.path.join(inbox, "social"))):
        path = "social/" + fn
        raw = open(os.path.join(inbox, path), "rb").read()
        truth = by_file.get(path, {})
        n = 0
        for i, b in enumerate(raw.split(b"\n")):
            if not b.strip():
                continue
            t = truth.get(i + 1)
            if t is None:
                err("%s:%d no truth" % (path, i + 1))
                continue
            try:
                o = json.loads(b.decode("utf-8"))
                ok = isinstance(o, dict) and "uid" in o
            except Exception:
                ok = False
            if ok and t["dirty"] and t["dirt"] in ("not_json", "truncated_last_line", "control_chars_raw"):
                err("%s:%d dirt parses" % (path, i + 1))
            if not t["dirty"]:
                if not ok:
                    err("%s:%d clean line does not parse" % (path, i + 1))
                    continue
                n += 1
                if t["record_key"] != "social|%s|%s" % (fn.split("_")[0], o["uid"]):
                    err("uid mismatch")
                for lg in o.get("logins") or []:
                    dt.datetime.fromisoformat(lg["ts"].replace("Z", "+00:00"))
        counts[path] = n
    # ---- logistics
    for fn in sorted(os.listdir(os.path.join(inbox, "logistics"))):
        path = "logistics/" + fn
        tb = pq.read_table(os.path.join(inbox, path))
        assert all(c in tb.column_names for c in WB_COLS), fn
        rows = tb.to_pylist()
        truth = by_file.get(path, {})
        n = 0
        for i, x in enumerate(rows):
            t = truth.get(i + 1)
            if t is None:
                err("%s row %d no truth" % (path, i + 1))
                continue
            if t["dirty"]:
                continue
            n += 1
            if "logistics|%s|%s" % (fn.split("_")[0], x["waybill_no"]) != t["record_key"]:
                err("%s row %d key" % (path, i + 1))
            if x["sign_time"] is not None:
                if x["sign_time"] <= x["pickup_time"]:
                    err("%s row %d sign<=pickup" % (path, i + 1))
                if x["sign_type"] not in ("本人签收", "家人代签", "快递柜", "驿站代收", "门卫代收"):
                    err("sign_type")
        counts[path] = n
    # ---- truth consistency
    dirty = recs.filter(pl.col("dirty"))
    for x in dirty.iter_rows(named=True):
        for f in ("holder", "recipient", "receiver", "sender"):
            pid = x[f]
            if pid and x["source"] != "debtors" and (roles.get(pid) == "debtor" or "dirt" not in flags.get(pid, [])):
                err("dirty row about a non-dirt person: %s:%s" % (x["file"], x["line"]))
    clean = recs.filter(~pl.col("dirty") & (pl.col("source") != "debtors"))
    named = set()
    for f in ("holder", "recipient", "receiver", "sender"):
        named |= set(clean[f].drop_nulls().to_list())
    pid_of = {}
    for x in ppl.iter_rows(named=True):
        if x["role"] == "debtor":
            pid_of[x["id_number"].upper()] = x
    door = clean.filter(pl.col("door") & pl.col("delivered"))
    for x in deb.iter_rows(named=True):
        p = pid_of[x["id_number"]]
        if x["kind"] == "person":
            if x["absent"] and x["on_platforms"]:
                err("absent but on platforms %s" % x["id_number"])
            if x["on_platforms"] != (p["pid"] in named):
                err("on_platforms")
            hd = door.filter(((pl.col("holder") == p["pid"]) | (pl.col("recipient") == p["pid"]) | (pl.col("receiver") == p["pid"]))
                             & (pl.col("dest_canonical") == x["home_address"]))
            if x["has_home_delivery"] != (hd.height > 0):
                err("has_home_delivery %s" % x["id_number"])
            if x["home_address"] is None or not re.search(r"(室|号)$", x["home_address"]):
                err("home canonical %r" % x["home_address"])
            if x["work_address"]:
                wk = door.filter(((pl.col("holder") == p["pid"]) | (pl.col("recipient") == p["pid"]) | (pl.col("receiver") == p["pid"]))
                                 & (pl.col("dest_canonical") == x["work_address"]))
                if wk["record_key"].n_unique() != x["n_work"]:
                    err("n_work %s" % x["id_number"])
            elif x["n_work"]:
                err("n_work without work")
            for ph in x["current_phones"]:
                if not re.fullmatch(r"1\d{10}", ph):
                    err("phone %r" % ph)
    # violations: restricted, e-commerce, clean
    ec = clean.filter(pl.col("source") == "ecommerce")
    keys = set(zip(ec["platform"], ec["order_id"]))
    for x in vio.iter_rows(named=True):
        if (x["platform"], x["order_id"]) not in keys or x["category"] not in RESTRICTED:
            err("violation row %s" % x)
    # every inbox file has truth rows (except empty ones)
    files = set(recs["file"])
    for k in ("debtors", "ecommerce", "social", "logistics"):
        for fn in os.listdir(os.path.join(inbox, k)):
            p = k + "/" + fn
            if p not in files and os.path.getsize(os.path.join(inbox, p)) > 0 and counts.get(p):
                err("file without truth %s" % p)
    P = deb.filter(pl.col("kind") == "person")
    print("entities %d (persons %d), open %d, on_platforms %d, absent %d, home_delivery %d, with work %d, n_work>0 %d, violations %d"
          % (deb.height, P.height, P["open"].sum(), P["on_platforms"].sum(), P["absent"].sum(), P["has_home_delivery"].sum(),
             P["work_address"].is_not_null().sum(), (P["n_work"] > 0).sum(), vio.height))
    print("clean rows parsed per file:", sum(counts.values()))
    if errors:
        print("FAILED: %d errors" % len(errors))
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main(sys.argv[1])
