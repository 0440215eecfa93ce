#!/usr/bin/env python3
"""check.py DIR: parse every inbox file the way inputs.md says it can be parsed, and check the truth. Prints OK."""
import csv
import io
import json
import os
import re
import sys

import polars as pl
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen import EC_COLS, ROSTER_COLS, WB_COLS, RESTRICTED, id_check, credit_ok  # noqa: E402

errors = []


def err(msg):
    errors.append(msg)
    if len(errors) < 40:
        print("ERROR", msg)


def csv_rows(text):
    out = []
    rd = csv.reader(io.StringIO(text, newline=""))
    start = 1
    for fields in rd:
        out.append((start, fields))
        start = rd.line_num + 1
    return out


def main(d):
    inbox, T = os.path.join(d, "inbox"), os.path.join(d, "truth")
    recs = pl.read_parquet(os.path.join(T, "records.parquet"))
    deb = pl.read_parquet(os.path.join(T, "debtors.parquet"))
    ppl = pl.read_parquet(os.path.join(T, "people.parquet"))
    vio = pl.read_parquet(os.path.join(T, "violations.parquet"))
    by_file = {}
    for x in recs.iter_rows(named=True):
        by_file.setdefault(x["file"], {})[x["line"]] = x
    seen_files = set()
    # rosters: UTF-8 (BOM optional)
    roster_ids = set()
    for fn in sorted(os.listdir(os.path.join(inbox, "debtors"))):
        path = "debtors/" + fn
        seen_files.add(path)
        text = open(os.path.join(inbox, path), "rb").read().decode("utf-8-sig")
        rows = csv_rows(text)
        hdr = rows[0][1]
        if not all(c in hdr for c in ROSTER_COLS):
            err("roster header %s" % fn)
        ix = {c: hdr.index(c) for c in ROSTER_COLS}
        for ln, f in rows[1:]:
            if not f:
                continue
            m = by_file.get(path, {}).get(ln)
            if m is None:
                err("roster row without truth %s:%d" % (path, ln))
                continue
            idn = f[ix["证件号码"]].upper()
            if f[ix["证件类型"]] == "居民身份证":
                if id_check(idn[:17]) != idn[17]:
                    err("bad ID check %s" % idn)
            elif not credit_ok(idn):
                err("bad credit code %s" % idn)
            roster_ids.add(idn)
            float(f[ix["执行标的"]].replace(",", ""))
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", f[ix["立案日期"]]):
                err("filing date %s" % f[ix["立案日期"]])
            if f[ix["案件状态"]] not in ("执行中", "终本", "执行完毕"):
                err("status")
    if roster_ids != set(deb["id_number"]):
        err("roster ids != truth ids (%d vs %d)" % (len(roster_ids), deb.height))
    # e-commerce: GB18030
    n_ec = 0
    for fn in sorted(os.listdir(os.path.join(inbox, "ecommerce"))):
        path = "ecommerce/" + fn
        seen_files.add(path)
        raw = open(os.path.join(inbox, path), "rb").read()
        if not raw:
            continue
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            text = None
        ok_name = re.fullmatch(r"[A-Za-z0-9-]+_orders_\d{8}\.csv", fn) is not None
        metas = by_file.get(path, {})
        if text is None or "\u9518" in text[:200] or not ok_name:
            if not all(m["dirty"] for m in metas.values()):
                err("undecodable/badly named file has clean rows: " + fn)
            continue
        text = text.lstrip("\ufeff")
        rows = csv_rows(text)
        hdr = rows[0][1]
        if sorted(hdr) != sorted(EC_COLS):
            err("ec header " + fn)
        for ln, f in rows[1:]:
            m = metas.get(ln)
            if m is None:
                err("ec row without truth %s:%d" % (path, ln))
                continue
            if m["dirty"]:
                continue
            n_ec += 1
            r = dict(zip(hdr, f))
            if len(f) != len(hdr):
                err("clean row wrong width %s:%d" % (path, ln))
                continue
            if r["订单编号"].lstrip("\t") != m["order_id"]:
                err("order id %s:%d" % (path, ln))
            if not re.fullmatch(r"\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}", r["下单时间"]):
                err("order time %s:%d" % (path, ln))
            if r["签收时间"] and not re.fullmatch(r"\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}", r["签收时间"]):
                err("sign time")
            if bool(r["签收时间"]) != bool(m["delivered"]) and m["category"] not in RESTRICTED and "lvxing" not in fn:
                err("delivered flag %s:%d" % (path, ln))
            float(r["实付金额"])
            if r["收货地址"] != m["raw_address"]:
                err("address mismatch %s:%d" % (path, ln))
            if r["收货人"][:1] in "=+-@" or r["收货地址"][:1] in "=+-@":
                err("formula-like text on a clean row %s:%d" % (path, ln))
    # social: JSON lines
    for fn in sorted(os.listdir(os.path.join(inbox, "social"))):
        path = "social/" + fn
        seen_files.add(path)
        text = open(os.path.join(inbox, path), encoding="utf-8", newline="").read()
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines = lines[:-1]
        for i, line in enumerate(lines, 1):
            m = by_file.get(path, {}).get(i)
            if m is None:
                err("social line without truth %s:%d" % (path, i))
                continue
            try:
                o = json.loads(line.rstrip("\r"), parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
                if not isinstance(o, dict):
                    raise ValueError
            except ValueError:
                if not m["dirty"]:
                    err("clean social line not JSON %s:%d" % (path, i))
                continue
            if not m["dirty"] and m["record_key"] != "social|%s|%s" % (fn.split("_")[0], o["uid"]):
                err("social key %s:%d" % (path, i))
    # logistics
    for fn in sorted(os.listdir(os.path.join(inbox, "logistics"))):
        path = "logistics/" + fn
        seen_files.add(path)
        t = pq.read_table(os.path.join(inbox, path))
        if set(t.column_names) != set(WB_COLS):
            err("wb columns " + fn)
        rows = t.to_pylist()
        for i, r in enumerate(rows, 1):
            m = by_file.get(path, {}).get(i)
            if m is None:
                err("wb row without truth %s:%d" % (path, i))
                continue
            if m["dirty"]:
                continue
            if m["record_key"] != "logistics|%s|%s" % (fn.split("_")[0], r["waybill_no"]):
                err("wb key")
            if (r["sign_time"] is not None) != m["delivered"]:
                err("wb delivered %s:%d" % (path, i))
            if r["sign_time"] is not None and r["sign_time"] < r["pickup_time"]:
                err("clean sign before pickup")
            if r["sign_type"] not in (None, "本人签收", "家人代签", "快递柜", "驿站代收", "门卫代收"):
                err("sign type")
    if seen_files != set(recs["file"].unique()) | {"ecommerce/yougou_orders_20261202.csv"}:
        err("files in truth and inbox differ: %s" % (seen_files ^ set(recs["file"].unique())))
    # truth consistency
    if deb["id_number"].n_unique() != deb.height:
        err("duplicate debtor ids")
    persons = deb.filter(pl.col("kind") == "person")
    if persons.filter(pl.col("absent") & pl.col("on_platforms")).height:
        err("absent debtors on platforms")
    if persons.filter(pl.col("home_address").is_null()).height:
        err("person without home")
    if persons.filter(pl.col("has_home_delivery") & ~pl.col("on_platforms")).height:
        err("home delivery but not on platforms")
    if not set(vio["id_number"]) <= set(deb["id_number"]):
        err("violation for a non-debtor")
    if vio.filter(~pl.col("category").is_in(sorted(RESTRICTED))).height:
        err("violation category")
    clean = recs.filter(~pl.col("dirty"))
    if clean.filter(pl.col("record_key").is_null()).height:
        err("clean record without key")
    print("persons %d, organisations %d, on_platforms %.3f, absent %.3f, home_delivery %.3f, with work trace %d, violations %d, clean rows %d"
          % (persons.height, deb.height - persons.height, persons["on_platforms"].mean(), persons["absent"].mean(),
             persons["has_home_delivery"].mean(), persons.filter(pl.col("n_work") > 0).height, vio.height, clean.height))
    if errors:
        print("FAILED", len(errors))
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main(sys.argv[1])
