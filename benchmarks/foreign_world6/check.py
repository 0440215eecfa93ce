"""check.py DIR: format and truth consistency checks for a foreign6 world. Prints OK or the failures."""
import csv
import io
import json
import os
import re
import sys

import polars as pl
import pyarrow.parquet as pq

ROSTER = ["案号", "执行法院", "承办人", "被执行人", "证件类型", "证件号码", "联系电话", "户籍地址", "执行标的", "立案日期", "限制消费", "失信", "案件状态"]
ECOM = ["订单编号", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人", "收货手机", "收货地址", "下单时间", "签收时间", "实付金额", "商品类目"]
WB = ["waybill_no", "sender_name", "sender_phone", "sender_address", "receiver_name", "receiver_phone", "receiver_address",
      "pickup_time", "sign_time", "sign_type"]
SIGN = {"本人签收", "家人代签", "快递柜", "驿站代收", "门卫代收"}
TS = re.compile(r"^\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}$")
fails = []


def fail(msg):
    fails.append(msg)


def id_ok(s):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = s.upper()
    return len(s) == 18 and s[:17].isdigit() and "10X98765432"[sum(int(c) * x for c, x in zip(s, w)) % 11] == s[17]


def main(d):
    inbox, truth = os.path.join(d, "inbox"), os.path.join(d, "truth")
    R = pl.read_parquet(os.path.join(truth, "records.parquet"))
    T = pl.read_parquet(os.path.join(truth, "debtors.parquet"))
    C = pl.read_parquet(os.path.join(truth, "cases.parquet"))
    V = pl.read_parquet(os.path.join(truth, "violations.parquet"))
    P = pl.read_parquet(os.path.join(truth, "people.parquet"))
    lab = {(f, l): (dirty, amb) for f, l, dirty, amb in R.select("file", "line", "dirty", "ambiguous").iter_rows()}
    if len(lab) != R.height:
        fail("records.parquet: duplicate (file,line)")
    # --- every clean CSV row parses with the right column count and formats
    for sub, enc, cols in (("debtors", "utf-8-sig", ROSTER), ("ecommerce", "gb18030", ECOM)):
        for fn in sorted(os.listdir(os.path.join(inbox, sub))):
            rel = f"{sub}/{fn}"
            raw = open(os.path.join(inbox, sub, fn), "rb").read()
            if not raw:
                continue
            try:
                txt = raw.decode(enc)
            except UnicodeDecodeError:
                if not R.filter((pl.col("file") == rel) & ~pl.col("dirty")).is_empty():
                    fail(f"{rel}: undecodable file has clean rows")
                continue
            rd = csv.reader(io.StringIO(txt, newline=""))
            line = 1
            header = None
            nclean = 0
            while True:
                start = rd.line_num + 1
                try:
                    row = next(rd)
                except StopIteration:
                    break
                if header is None:
                    header = row
                    if header != cols and not fn.startswith("~$"):
                        fail(f"{rel}: header {header[:3]}")
                    continue
                dirty, amb = lab.get((rel, start), (None, None))
                if dirty is None:
                    fail(f"{rel}:{start} unlabelled row")
                    continue
                if dirty:
                    continue
                nclean += 1
                if len(row) != len(cols):
                    fail(f"{rel}:{start} clean row has {len(row)} columns")
                    continue
                if sub == "ecommerce":
                    if not TS.match(row[8]) or (row[9] and not TS.match(row[9])):
                        fail(f"{rel}:{start} clean row bad time {row[8]!r} {row[9]!r}")
                    try:
                        float(row[10])
                    except ValueError:
                        fail(f"{rel}:{start} clean row bad amount")
                    for c in row:
                        if c and (c[0] in "=@-" or (c[0] == "+" and not c.startswith("+86"))):
                            fail(f"{rel}:{start} clean row formula-like cell {c[:20]!r}")
                else:
                    if row[4] == "居民身份证" and not id_ok(row[5]):
                        fail(f"{rel}:{start} bad ID {row[5]}")
                    if not re.match(r"^\d{4}-\d{2}-\d{2}$", row[9]):
                        fail(f"{rel}:{start} bad filing date")
                    if row[12] not in ("执行中", "终本", "执行完毕"):
                        fail(f"{rel}:{start} bad status")
            exp = R.filter((pl.col("file") == rel) & ~pl.col("dirty")).height
            if exp != nclean:
                fail(f"{rel}: {nclean} clean rows parsed, {exp} labelled")
    # --- social
    for fn in sorted(os.listdir(os.path.join(inbox, "social"))):
        rel = f"social/{fn}"
        for i, ln in enumerate(open(os.path.join(inbox, "social", fn), encoding="utf-8", newline="\n").read().split("\n"), 1):
            if not ln.strip():
                continue
            dirty, amb = lab.get((rel, i), (None, None))
            if dirty is None:
                fail(f"{rel}:{i} unlabelled line")
            elif not dirty:
                o = json.loads(ln)
                if not isinstance(o.get("uid"), str):
                    fail(f"{rel}:{i} uid")
                for g in (o.get("geo_posts") or []) + (o.get("logins") or []):
                    if not re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\+08:00|Z)$", g["ts"]):
                        fail(f"{rel}:{i} ts {g['ts']}")
    # --- logistics
    for fn in sorted(os.listdir(os.path.join(inbox, "logistics"))):
        rel = f"logistics/{fn}"
        t = pq.read_table(os.path.join(inbox, "logistics", fn))
        if t.num_rows == 0:
            continue
        if t.column_names != WB:
            fail(f"{rel}: columns {t.column_names}")
        rows = t.to_pylist()
        for i, row in enumerate(rows, 1):
            dirty, amb = lab.get((rel, i), (None, None))
            if dirty is None:
                fail(f"{rel}:{i} unlabelled")
            elif not dirty:
                if row["waybill_no"] is None or row["pickup_time"] is None:
                    fail(f"{rel}:{i} null key")
                if row["sign_time"] is not None and row["sign_type"] not in SIGN:
                    fail(f"{rel}:{i} sign_type {row['sign_type']}")
                if row["sign_time"] is not None and row["sign_time"] < row["pickup_time"]:
                    fail(f"{rel}:{i} sign before pickup")
        if R.filter(pl.col("file") == rel).height != len(rows):
            fail(f"{rel}: {len(rows)} rows, {R.filter(pl.col('file') == rel).height} labelled")
    # --- truth
    if T["id_number"].n_unique() != T.height:
        fail("debtors.parquet: duplicate id_number")
    persons = T.filter(pl.col("kind") == "person")
    for i in persons["id_number"]:
        if not id_ok(i) or i != i.upper():
            fail(f"truth id {i}")
    if persons.filter(pl.col("home_address").is_null()).height:
        fail("person without home")
    if persons.filter(pl.col("absent") & pl.col("on_platforms")).height:
        fail("absent debtor on platforms")
    if persons.filter(pl.col("has_home_delivery") & ~pl.col("on_platforms")).height:
        fail("home delivery without platform presence")
    if persons.filter((pl.col("n_work") > 0) & pl.col("work_address").is_null()).height:
        fail("n_work without work")
    # dirty rows concern only dirt strangers
    dirtpids = set(P.filter(pl.col("role") == "dirt")["pid"])
    for f in ("holder", "recipient", "receiver", "sender"):
        bad = R.filter(pl.col("dirty") & (pl.col("source") != "debtors") & pl.col(f).is_not_null() & ~pl.col(f).is_in(list(dirtpids)))
        if bad.height:
            fail(f"dirty rows about non-dirt people via {f}: {bad.height}")
    # open flag agrees with the newest cases
    op = C.group_by("id_number").agg((pl.col("status") != "执行完毕").any().alias("o"))
    j = T.with_columns(pl.col("id_number").str.to_uppercase()).join(op.with_columns(pl.col("id_number").str.to_uppercase()), on="id_number")
    if j.filter(pl.col("open") != pl.col("o")).height or j.height != T.height:
        fail("open flag mismatch")
    # violations: all after filing on open restricted cases
    vj = V.join(C.select("case_no", "filing", "status", "restrict"), on="case_no")
    if vj.filter((pl.col("ordered_at").dt.date() <= pl.col("filing")) | (pl.col("status") == "执行完毕") | ~pl.col("restrict")).height:
        fail("violation inconsistent with its case")
    # home delivery truth: some clean door record at the canonical home
    hd = persons.filter(pl.col("has_home_delivery"))
    cl = R.filter(~pl.col("dirty") & pl.col("door") & (pl.col("dest_kind") == "home"))
    homes = set(cl["dest_canonical"])
    miss = hd.filter(~pl.col("home_address").is_in(list(homes))).height
    if miss:
        fail(f"{miss} has_home_delivery debtors with no door record at home")
    if fails:
        print("\n".join(fails[:50]))
        print(f"FAILED ({len(fails)})")
        sys.exit(1)
    print(f"OK  debtors {T.height} (persons {persons.height}, open persons {persons['open'].sum()}, on_platforms "
          f"{persons['on_platforms'].sum()}, home_delivery {persons['has_home_delivery'].sum()}, with work trace "
          f"{(persons['n_work'] > 0).sum()}), records {R.height}, dirty {R['dirty'].sum()}, violations {V.height}")


if __name__ == "__main__":
    main(sys.argv[1])
