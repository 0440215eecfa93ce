#!/usr/bin/env python
"""check.py DIR: verify a foreign4 world against inputs.md and its own truth. Prints OK."""
import csv
import datetime as dt
import io
import json
import os
import re
import sys

import polars as pl
import pyarrow.parquet as pq

ROSTER_COLS = ["案号", "执行法院", "承办人", "被执行人", "证件类型", "证件号码", "联系电话", "户籍地址", "执行标的", "立案日期",
               "限制消费", "失信", "案件状态"]
ECOM_COLS = ["订单编号", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人", "收货手机", "收货地址", "下单时间", "签收时间",
             "实付金额", "商品类目"]
WB_COLS = {"waybill_no", "sender_name", "sender_phone", "sender_address", "receiver_name", "receiver_phone",
           "receiver_address", "pickup_time", "sign_time", "sign_type"}
SIGN = {"本人签收", "家人代签", "快递柜", "驿站代收", "门卫代收"}
AS_OF = dt.datetime(2026, 11, 27)
errors = []


def err(msg):
    errors.append(msg)
    if len(errors) < 40:
        print("ERROR", msg)


def id_ok(i):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return len(i) == 18 and i[:17].isdigit() and "10X98765432"[sum(int(c) * x for c, x in zip(i[:17], w)) % 11] == i[17].upper()


CC = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def cc_ok(s):
    w2 = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    if len(s) != 18 or any(ch not in CC for ch in s):
        return False
    c = 31 - sum(CC.index(ch) * x for ch, x in zip(s[:17], w2)) % 31
    return CC[0 if c == 31 else c] == s[17]


def csv_rows(path, enc):
    """returns {physical_line: fields}"""
    raw = open(path, "rb").read()
    if enc == "utf-8" and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    text = raw.decode(enc)
    rd = csv.reader(io.StringIO(text, newline=""))
    out = {}
    line = 1
    for fields in rd:
        out[line] = fields
        line = rd.line_num + 1
    return out


def main(d):
    inbox, truth = os.path.join(d, "inbox"), os.path.join(d, "truth")
    for sub in ("debtors", "ecommerce", "social", "logistics"):
        if not os.path.isdir(os.path.join(inbox, sub)):
            err(f"missing inbox/{sub}")
    rec = pl.read_parquet(os.path.join(truth, "records.parquet"))
    people = pl.read_parquet(os.path.join(truth, "people.parquet"))
    deb = pl.read_parquet(os.path.join(truth, "debtors.parquet"))
    vio = pl.read_parquet(os.path.join(truth, "violations.parquet"))
    cases = pl.read_parquet(os.path.join(truth, "cases.parquet"))
    debtor_pids = set(people.filter(pl.col("debtor"))["pid"])
    # ---------------------------------------------------------------- schema of the truth
    want = {"id_number": pl.Utf8, "name": pl.Utf8, "kind": pl.Utf8, "open": pl.Boolean, "on_platforms": pl.Boolean,
            "absent": pl.Boolean, "has_home_delivery": pl.Boolean, "home_address": pl.Utf8, "work_address": pl.Utf8,
            "n_work": pl.Int64, "current_phones": pl.List(pl.Utf8)}
    if dict(deb.schema) != want:
        err(f"debtors schema {deb.schema}")
    vwant = {"id_number": pl.Utf8, "case_no": pl.Utf8, "platform": pl.Utf8, "order_id": pl.Utf8,
             "ordered_at": pl.Datetime("us"), "category": pl.Utf8, "amount": pl.Float64, "by_holder": pl.Boolean}
    if dict(vio.schema) != vwant:
        err(f"violations schema {vio.schema}")
    if deb["id_number"].n_unique() != deb.height:
        err("duplicate id_number in debtors")
    if (deb["absent"] == deb["on_platforms"]).any():
        err("absent must be not on_platforms")
    for row in deb.iter_rows(named=True):
        if row["id_number"] != row["id_number"].upper():
            err("lower-case id in truth")
        if row["kind"] == "person":
            if not id_ok(row["id_number"]):
                err(f"bad ID check {row['id_number']}")
            h = row["home_address"]
            if not h or not (re.search(r"号.+\d+幢\d+单元\d+室$", h) or re.search(r"(县|旗|区).+(镇|乡).+村\d+组\d+号$", h)):
                err(f"home not canonical {h}")
            for ph in row["current_phones"]:
                if not re.fullmatch(r"1\d{10}", ph):
                    err(f"bad phone {ph}")
            if not row["current_phones"]:
                err("person without phone")
            if row["has_home_delivery"] and not row["on_platforms"]:
                err("home delivery but not on platforms")
        else:
            if not cc_ok(row["id_number"]):
                err(f"bad credit code {row['id_number']}")
            if row["home_address"] is not None or row["current_phones"]:
                err("organisation with home or phones")
    # ---------------------------------------------------------------- dirt only about strangers
    dr = rec.filter(pl.col("dirty") & (pl.col("source") != "debtors"))
    for c in ("holder_id", "recipient_id", "receiver_id", "sender_id"):
        bad = dr.filter(pl.col(c).is_in(list(debtor_pids)))
        if bad.height:
            err(f"dirty rows name a debtor via {c}: {bad.height}")
    dcases = cases.filter(pl.col("dirt").is_not_null())
    if (dcases["status"] != "执行完毕").any():
        err("dirty roster case that is not concluded")
    # ---------------------------------------------------------------- files
    recs_by_file = {}
    for r in rec.iter_rows(named=True):
        recs_by_file.setdefault(r["file"], {})[r["line"]] = r
    special_enc = {"ecommerce/yunhuo_orders_20261125.csv": "utf-16", "ecommerce/365mall_orders_20261120.csv": "utf-8"}
    roster_ids = set()
    newest = {}
    n_checked = 0
    for sub in ("debtors", "ecommerce", "social", "logistics"):
        for fn in sorted(os.listdir(os.path.join(inbox, sub))):
            rel = f"{sub}/{fn}"
            path = os.path.join(inbox, sub, fn)
            meta = recs_by_file.get(rel, {})
            if sub in ("debtors", "ecommerce") and fn.endswith(".csv"):
                if os.path.getsize(path) == 0:
                    continue
                enc = "utf-8" if sub == "debtors" else special_enc.get(rel, "gb18030")
                rows = csv_rows(path, enc)
                header = rows.pop(1)
                cols = ROSTER_COLS if sub == "debtors" else ECOM_COLS
                if sorted(header) != sorted(cols):
                    err(f"{rel} header {header}")
                for ln, m in meta.items():
                    if ln not in rows:
                        if not m["dirty"]:
                            err(f"{rel}:{ln} clean row not found")
                        continue
                    f = rows[ln]
                    if m["dirty"]:
                        continue
                    n_checked += 1
                    if len(f) != len(cols):
                        err(f"{rel}:{ln} clean row has {len(f)} fields")
                        continue
                    x = dict(zip(header, f))
                    if any(ord(ch) < 32 for v in f for ch in v):
                        err(f"{rel}:{ln} control char in clean row")
                    if sub == "debtors":
                        if x["证件类型"] == "居民身份证":
                            if not id_ok(x["证件号码"]):
                                err(f"{rel}:{ln} bad id")
                            roster_ids.add(x["证件号码"].upper())
                        else:
                            if not cc_ok(x["证件号码"]):
                                err(f"{rel}:{ln} bad credit code")
                            roster_ids.add(x["证件号码"])
                        dt.date.fromisoformat(x["立案日期"])
                        float(x["执行标的"].replace(",", ""))
                        assert x["案件状态"] in ("执行中", "终本", "执行完毕"), x
                        assert x["限制消费"] in ("是", "否") and x["失信"] in ("是", "否")
                        date = fn.split("_")[-1][:8]
                        k = x["案号"]
                        if k not in newest or newest[k][0] < date:
                            newest[k] = (date, x["案件状态"], x["限制消费"], x["立案日期"])
                    else:
                        t = dt.datetime.strptime(x["下单时间"], "%Y/%m/%d %H:%M:%S")
                        if t >= AS_OF:
                            err(f"{rel}:{ln} order after as-of")
                        if x["签收时间"]:
                            s = dt.datetime.strptime(x["签收时间"], "%Y/%m/%d %H:%M:%S")
                            if s >= AS_OF or s < t:
                                err(f"{rel}:{ln} bad sign time")
                        float(x["实付金额"])
                        if not x["订单编号"]:
                            err(f"{rel}:{ln} empty order id")
                        if x["收货人"][:1] in "=@" or x["收货地址"][:1] in "=+-@":
                            err(f"{rel}:{ln} formula-like clean row")
            elif sub == "social" and fn.endswith(".jsonl"):
                raw = open(path, "rb").read()
                if raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                lines = raw.decode("utf-8").split("\n")
                for ln, m in meta.items():
                    if m["dirty"]:
                        continue
                    n_checked += 1
                    o = json.loads(lines[ln - 1].rstrip("\r"))
                    if not isinstance(o, dict) or not isinstance(o.get("uid"), str):
                        err(f"{rel}:{ln} bad object")
                        continue
                    for k in ("logins", "geo_posts"):
                        for e in o.get(k) or []:
                            t = dt.datetime.fromisoformat(e["ts"])
                            if t.replace(tzinfo=None) >= AS_OF:
                                err(f"{rel}:{ln} ts after as-of")
            elif sub == "logistics" and fn.endswith(".parquet") and fn != "beiji_waybills_20261125.parquet":
                t = pq.read_table(path)
                if set(t.column_names) != WB_COLS:
                    err(f"{rel} columns {t.column_names}")
                df = pl.from_arrow(t)
                for c in ("pickup_time", "sign_time"):
                    if df.schema[c].time_zone is not None:
                        df = df.with_columns(pl.col(c).dt.convert_time_zone("Asia/Shanghai").dt.replace_time_zone(None))
                rows = df.to_dicts()
                if len(rows) != len(meta):
                    err(f"{rel}: {len(rows)} rows vs {len(meta)} records")
                for ln, m in meta.items():
                    if m["dirty"]:
                        continue
                    n_checked += 1
                    x = rows[ln - 1]
                    if not x["waybill_no"] or x["pickup_time"] is None:
                        err(f"{rel}:{ln} missing key fields")
                    if x["sign_time"] is not None and (x["sign_time"] < x["pickup_time"] or x["sign_time"] >= AS_OF):
                        err(f"{rel}:{ln} bad sign time")
                    if x["sign_type"] is not None and x["sign_type"] not in SIGN:
                        err(f"{rel}:{ln} bad sign type")
                    if (x["sign_type"] is None) != (x["sign_time"] is None):
                        err(f"{rel}:{ln} sign type/time mismatch")
    # ---------------------------------------------------------------- truth vs roster
    if roster_ids != set(deb["id_number"]):
        err(f"roster ids {len(roster_ids)} vs truth {deb.height}")
    cs = {r["case_no"]: r for r in cases.iter_rows(named=True)}
    for k, (date, st, rs, fd) in newest.items():
        if date != "20261127" or cs[k]["status"] != st:
            err(f"case {k} newest status mismatch")
    clean_keys = set(rec.filter(~pl.col("dirty") & (pl.col("source") == "ecommerce"))["record_key"])
    for v in vio.iter_rows(named=True):
        c = cs[v["case_no"]]
        if c["status"] == "执行完毕" or c["restrict"] != "是" or v["ordered_at"].date() <= c["filed"]:
            err(f"bad violation {v}")
        if f"ecommerce|{v['platform']}|{v['order_id']}" not in clean_keys:
            err(f"violation order not in clean records {v['order_id']}")
    print(f"checked {n_checked} clean rows, {rec.height} records, {deb.height} roster entities, {vio.height} violations")
    if errors:
        print(f"{len(errors)} errors")
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main(sys.argv[1])
