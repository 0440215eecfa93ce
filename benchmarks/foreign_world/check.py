#!/usr/bin/env python3
"""Parse a generated world with plain polars/pyarrow/csv and sanity-check the truth.

    check.py DIR
"""
import csv
import io
import json
import os
import sys
from collections import Counter

import polars as pl
import pyarrow.parquet as pq

ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def id_ok(s):
    s = s.upper()
    return len(s) == 18 and s[:17].isdigit() and "10X98765432"[sum(int(c) * w for c, w in zip(s, ID_W)) % 11] == s[17]


def uscc_ok(s):
    if len(s) != 18 or any(c not in USCC_CHARS for c in s):
        return False
    c = 31 - sum(USCC_CHARS.index(ch) * w for ch, w in zip(s, USCC_W)) % 31
    return USCC_CHARS[0 if c == 31 else c] == s[17]


def main(root):
    inbox = os.path.join(root, "inbox")
    counts = {}
    # ---- roster
    roster = []
    for fn in sorted(os.listdir(f"{inbox}/debtors")):
        path = f"{inbox}/debtors/{fn}"
        df = pl.read_csv(path, infer_schema=False, truncate_ragged_lines=True)
        bad = df.filter(pl.col("证件号码").is_null())
        counts[f"debtors/{fn}"] = (df.height, bad.height)
        roster.append(df.filter(pl.col("证件号码").is_not_null()).select(sorted(df.columns)))
    ro = pl.concat(roster)
    ids = ro["证件号码"].to_list()
    types = ro["证件类型"].to_list()
    assert all(id_ok(i) for i, t in zip(ids, types) if t == "居民身份证"), "bad person ID"
    assert all(uscc_ok(i) for i, t in zip(ids, types) if t == "统一社会信用代码"), "bad credit code"
    amounts = [float(a.replace(",", "")) for a in ro["执行标的"].to_list()]
    assert min(amounts) > 0
    assert set(ro["案件状态"].unique()) <= {"执行中", "终本", "执行完毕"}
    distinct_ids = {i.upper() for i in ids}
    # ---- e-commerce
    for fn in sorted(os.listdir(f"{inbox}/ecommerce")):
        path = f"{inbox}/ecommerce/{fn}"
        raw = open(path, "rb").read()
        if not raw:
            counts[f"ecommerce/{fn}"] = (0, 0)
            continue
        try:
            text = raw.decode("gb18030")
            enc = "gb18030"
        except UnicodeDecodeError:
            text, enc = raw.decode("utf-8"), "utf-8"
        rows = list(csv.reader(io.StringIO(text, newline="")))
        hdr = rows[0]
        ragged = sum(1 for r in rows[1:] if len(r) != len(hdr))
        df = pl.read_csv(io.BytesIO(text.encode("utf-8")), infer_schema=False, truncate_ragged_lines=True,
                         ignore_errors=True)
        ok_time = df["下单时间"].str.strptime(pl.Datetime, "%Y/%m/%d %H:%M:%S", strict=False).is_not_null().sum()
        counts[f"ecommerce/{fn}"] = (df.height, ragged, int(ok_time), enc)
    # ---- social
    for fn in sorted(os.listdir(f"{inbox}/social")):
        path = f"{inbox}/social/{fn}"
        good = bad = 0
        for line in open(path, encoding="utf-8"):
            try:
                obj = json.loads(line)
                good += isinstance(obj, dict)
            except json.JSONDecodeError:
                bad += 1
        counts[f"social/{fn}"] = (good, bad)
    # ---- logistics
    for fn in sorted(os.listdir(f"{inbox}/logistics")):
        t = pq.read_table(f"{inbox}/logistics/{fn}")
        df = pl.from_arrow(t)
        counts[f"logistics/{fn}"] = (df.height, df.columns[-3:], str(t.schema.field("pickup_time").type),
                                     sorted(Counter(df["sign_type"].drop_nulls().to_list()).items()))
    for k, v in counts.items():
        print(f"{k}: {v}")
    # ---- truth
    t = os.path.join(root, "truth")
    d = pl.read_parquet(f"{t}/debtors.parquet")
    expect = ["id_number", "name", "kind", "open", "on_platforms", "absent", "has_home_delivery",
              "home_address", "work_address", "n_work", "current_phones"]
    assert d.columns == expect, d.columns
    assert d.schema["current_phones"] == pl.List(pl.String) and d.schema["n_work"] == pl.Int64
    assert d["id_number"].n_unique() == d.height
    assert set(d["id_number"]) == distinct_ids, "truth ids != roster ids"
    pers = d.filter(pl.col("kind") == "person")
    assert (pers["absent"] == ~pers["on_platforms"]).all()
    assert all(all(len(p) == 11 and p.isdigit() for p in ps) for ps in pers["current_phones"])
    v = pl.read_parquet(f"{t}/violations.parquet")
    assert v.columns == ["id_number", "case_no", "platform", "order_id"]
    assert set(v["id_number"]) <= set(d["id_number"])
    assert set(v["case_no"]) <= set(ro["案号"])
    print(f"truth: {d.height} debtors ({pers.height} persons, {d.height - pers.height} orgs); "
          f"open={d['open'].sum()} on_platforms={d['on_platforms'].sum()} absent={d['absent'].sum()} "
          f"({pers['absent'].mean():.1%} of persons) home_delivery={d['has_home_delivery'].sum()} "
          f"with_work={pers['work_address'].is_not_null().sum()} n_work>0={(pers['n_work'] > 0).sum()} "
          f"violations={v.height} ({v['id_number'].n_unique()} debtors)")
    for f in ("people", "records", "places", "cases"):
        print(f"truth/{f}.parquet rows={pl.read_parquet(f'{t}/{f}.parquet').height}")
    print("OK")


if __name__ == "__main__":
    main(sys.argv[1])
