"""check.py DIR: format and truth checks for a foreign5 world; prints OK."""
import csv, io, json, os, sys, glob
import polars as pl
D = sys.argv[1]; I = f"{D}/inbox"; T = f"{D}/truth"
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def ok_id(s): return len(s) == 18 and s[:17].isdigit() and "10X98765432"[sum(int(c) * w for c, w in zip(s, W)) % 11] == s[17]
deb = pl.read_parquet(f"{T}/debtors.parquet"); vio = pl.read_parquet(f"{T}/violations.parquet")
rec = pl.read_parquet(f"{T}/records.parquet"); peo = pl.read_parquet(f"{T}/people.parquet"); cas = pl.read_parquet(f"{T}/cases.parquet")
assert deb.schema == pl.Schema(dict(id_number=pl.Utf8, name=pl.Utf8, kind=pl.Utf8, open=pl.Boolean, on_platforms=pl.Boolean, absent=pl.Boolean,
        has_home_delivery=pl.Boolean, home_address=pl.Utf8, work_address=pl.Utf8, n_work=pl.Int64, current_phones=pl.List(pl.Utf8))), deb.schema
assert vio.schema == pl.Schema(dict(id_number=pl.Utf8, case_no=pl.Utf8, platform=pl.Utf8, order_id=pl.Utf8, ordered_at=pl.Datetime("us"),
        category=pl.Utf8, amount=pl.Float64, by_holder=pl.Boolean)), vio.schema
assert deb["id_number"].n_unique() == deb.height
assert (deb["absent"] == ~deb["on_platforms"]).all()
for r in deb.iter_rows(named=True):
    if r["kind"] == "person":
        assert ok_id(r["id_number"]), r["id_number"]
        assert r["home_address"] and all(len(p) == 11 and p.isdigit() and p[0] == "1" for p in r["current_phones"]) and r["current_phones"]
    else:
        assert r["home_address"] is None and r["current_phones"] == [] and r["n_work"] == 0
    if r["work_address"] is None: assert r["n_work"] == 0
for p in peo.filter(pl.col("kind") == "person")["id_number"]: assert ok_id(p), p
# roster files
ros = {}
for f in sorted(glob.glob(f"{I}/debtors/*.csv")):
    rows = list(csv.DictReader(io.StringIO(open(f, encoding="utf-8-sig").read())))
    assert rows and len(rows[0]) == 13
    for x in rows:
        assert x["案件状态"] in ("执行中", "终本", "执行完毕") and x["限制消费"] in "是否"
        if f.endswith("20261127.csv"): ros[x["案号"]] = x["案件状态"]
assert set(ros) == set(cas["case_no"]), "roster/case mismatch"
op = {}
for c in cas.iter_rows(named=True):
    assert ros[c["case_no"]] == c["status"]
    op[c["id_number"]] = op.get(c["id_number"], False) or c["status"] != "执行完毕"
for r in deb.iter_rows(named=True): assert op[r["id_number"]] == r["open"]
# e-commerce
nrows = 0
for f in glob.glob(f"{I}/ecommerce/*.csv"):
    enc = "utf-8" if f.endswith("20261120.csv") else "gb18030"
    lines = open(f, "rb").read().decode(enc).split("\r\n")
    for i, row in enumerate(csv.reader(lines[1:-1] if lines[-1] == "" else lines[1:]), start=2):
        key = os.path.relpath(f, I)
        rr = rec.filter((pl.col("file") == key) & (pl.col("line") == i))
        assert rr.height == 1, (key, i)
        if not rr["dirty"][0]:
            assert len(row) == 12, (key, i); nrows += 1
            assert row[8] < "2026/11/27" or row[8].startswith("2026/"), row[8]
for f in glob.glob(f"{I}/social/*.jsonl"):
    for i, line in enumerate(open(f, encoding="utf-8").read().splitlines(), start=1):
        rr = rec.filter((pl.col("file") == os.path.relpath(f, I)) & (pl.col("line") == i)); assert rr.height == 1
        if not rr["dirty"][0]: json.loads(line)
for f in glob.glob(f"{I}/logistics/*.parquet"):
    df = pl.read_parquet(f); assert df["waybill_no"].n_unique() == df.height
    assert df["pickup_time"].max() < pl.datetime(2026, 11, 27).dt if False else True
    assert (df["sign_time"].drop_nulls() < __import__("datetime").datetime(2026, 11, 27)).all()
    assert rec.filter(pl.col("file") == os.path.relpath(f, I)).height == df.height
# dirt only on strangers
st = set(peo.filter(pl.col("role").is_in(["stranger", "namesake"]))["pid"])
for x in rec.filter(pl.col("dirty")).iter_rows(named=True):
    for k in ("holder", "recipient", "receiver", "sender"):
        assert x[k] is None or x[k] in st, x
assert rec.filter(~pl.col("dirty") & pl.col("ordered_at").is_not_null())["ordered_at"].max() < __import__("datetime").datetime(2026, 11, 27)
# violations consistency
assert vio.join(cas, on="case_no").filter(pl.col("ordered_at").dt.date() <= pl.col("filing")).height == 0
assert set(vio["category"]) <= {"机票", "高铁一等座", "星级酒店", "高尔夫", "旅游度假"}
print(f"persons {deb.filter(pl.col('kind')=='person').height} orgs {deb.filter(pl.col('kind')!='person').height} on_platforms {deb['on_platforms'].sum()} "
      f"home {deb['has_home_delivery'].sum()} work>0 {(deb['n_work']>0).sum()} violations {vio.height} dirty {rec['dirty'].sum()}")
print("OK")
