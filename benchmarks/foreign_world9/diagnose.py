#!/usr/bin/env python
"""Black-box diagnosis of a locate run on a foreign9 world: files, quarantine vs dirt, place_key of home/work rows,
debtors with a clean home delivery but no residence.  usage: diagnose.py DB WORLD"""
import re, sys
import duckdb, polars as pl
sys.path.insert(0, "/work/main")
from linkage.addresses import parse_addresses  # black box: the parser the evaluator uses

db, world = sys.argv[1], sys.argv[2]
c = duckdb.connect(db, read_only=True)
rec = pl.read_parquet(world + "/truth/records.parquet")
deb = pl.read_parquet(world + "/truth/debtors.parquet")
ppl = pl.read_parquet(world + "/truth/people.parquet")
inf = c.sql("select file, rows_read, rows_kept, rows_quarantined, error, warnings from ingested_files").pl()
inf = inf.with_columns(pl.col("file").str.replace(r"^[a-z]+/", "").alias("f"))
print("== files")
per = rec.group_by("file").agg(pl.len().alias("n"), pl.col("dirty").sum().alias("dirty"), pl.col("ambiguous").sum().alias("amb"))
j = per.join(inf, left_on="file", right_on="f", how="left").sort("file")
for x in j.iter_rows(named=True):
    flag = "" if x["rows_read"] is not None and x["rows_kept"] >= x["n"] - x["dirty"] else "  <-- LOSS?"
    print("%-36s truth %6d (dirty %3d, ambiguous %4d)  read %s kept %s q %s %s%s" % (x["file"], x["n"], x["dirty"], x["amb"], x["rows_read"], x["rows_kept"],
          x["rows_quarantined"], ("ERROR " + x["error"]) if x["error"] else "", flag))
q = c.sql("select file, line, reason from quarantine").pl().with_columns(pl.col("file").str.replace(r"^[a-z]+/", ""))
qj = q.join(rec.select("file", "line", "dirty", "dirt", "ambiguous"), on=["file", "line"], how="left")
print("\n== quarantined rows that are clean in the truth")
print(qj.filter(~pl.col("dirty").fill_null(False)))
print("\n== dirt that was kept (by reason)")
kept = rec.filter(pl.col("dirty")).join(q, on=["file", "line"], how="anti")
print(kept.group_by("dirt").agg(pl.len()).sort("dirt"))

# ---- place keys of home / work rows
obs = c.sql("select file, line, place_key, address_raw, address, district, precision from observations").pl().with_columns(pl.col("file").str.replace(r"^[a-z]+/", ""))
pid_home = {r["pid"]: r["home"] for r in ppl.iter_rows(named=True)}
pid_work = {r["pid"]: r["work"] for r in ppl.iter_rows(named=True)}
debt = set(ppl.filter((pl.col("role") == "debtor") & (pl.col("kind") == "person"))["pid"].to_list())
rows = []
for x in rec.filter(~pl.col("dirty") & pl.col("dest_canonical").is_not_null() & (pl.col("source") != "debtors")).iter_rows(named=True):
    for f in ("holder", "recipient", "receiver"):
        pid = x[f]
        if pid in debt and x["dest_canonical"] in (pid_home.get(pid), pid_work.get(pid)):
            rows.append(dict(file=x["file"], line=x["line"], canon=x["dest_canonical"], raw=x["raw_address"],
                             which="home" if x["dest_canonical"] == pid_home.get(pid) else "work"))
            break
hw = pl.DataFrame(rows).unique(["file", "line"])
canons = hw["canon"].unique()
pk = parse_addresses(canons).select(pl.col("raw").alias("canon"), pl.col("place_key").alias("truth_key"))
hw = hw.join(pk, on="canon", how="left")
m = hw.join(obs, on=["file", "line"], how="inner")
m = m.filter(pl.col("address_raw") == pl.col("raw")).unique(["file", "line"])
hw = hw.join(m.select("file", "line", "place_key", "address_raw", "address", "district", "precision"), on=["file", "line"], how="left")
hw = hw.with_columns((pl.col("place_key") != pl.col("truth_key")).fill_null(True).alias("wrong"))
n_all = hw.height
print("(observations are kept only when linked; %d home/work rows have no kept observation and are left out below)" % hw["place_key"].is_null().sum())
hw_unlinked = hw.filter(pl.col("place_key").is_null() & pl.col("address_raw").is_null())
hw_all = hw
hw = hw.filter(pl.col("address_raw").is_not_null())
print("\n== home/work rows of debtors: %d, observation found %d, place_key wrong %d, truth key null %d" % (
    hw.height, hw["place_key"].is_not_null().sum(), hw["wrong"].sum(), hw["truth_key"].is_null().sum()))
HAB = [("zone/old district name", r"郑东新区|政务区|滨湖|金阳|江北新区|高新区|新区|工业园区|苏州园区|园区|平江区|沧浪区|金阊区|吴江市|河西|管城区|江宁开发区"),
       ("door side 东户/西户/中户", r"[东西中]户|\d[东西中]$|\d[东西中][（(，\[ ]"), ("组团", r"[A-H]\d{1,2}(组团|组)?\d+栋|组团"),
       ("shared-flat suffix", r"次卧|主卧|合租|北卧|A间"), ("dorm", r"宿舍"), ("village 寨", r"寨"), ("village 组", r"村.{0,3}组"),
       ("中国 prefix", r"^中国"), ("spaced prefix", r"省 "), ("street", r"街道|社区工作委员会|社区"), ("Chinese numerals", r"[一二三四五六七八九十]+幢"),
       ("full-width digits", r"[０-９]"), ("remark", r"（工作日送）|周末勿送|到了打电话|放物业|敲门|送上楼|快递柜，|不要放"),
       ("x-y-z", r"\d+-\d+-\d+"), ("x-z (no unit)", r"(^|[^\d-])\d+-\d{3,4}($|[^\d-])"), ("office", r"大厦|中心|广场|科技园|创业园|金融港|F-"),
       ("factory", r"有限公司"), ("stall", r"市场|服装城|商贸城|百货"), ("no road", r"^[^0-9]*[^路街道0-9][0-9]")]
hw = hw.with_columns([pl.col("raw").str.contains(p).alias(n) for n, p in HAB])
print("\n%-26s %7s %7s %6s" % ("habit", "rows", "wrong", "share"))
for n, p in HAB:
    s = hw.filter(pl.col(n))
    if s.height:
        print("%-26s %7d %7d %6.2f" % (n, s.height, s["wrong"].sum(), s["wrong"].mean()))
print("%-26s %7d %7d %6.2f" % ("ALL", hw.height, hw["wrong"].sum(), hw["wrong"].mean()))
print("\n== zone / old / abbreviated district spellings (rows, wrong, share, example)")
ALIAS = ["苏州工业园区", "苏州市工业园区", "苏州工业园区", "苏州园区", "市园区", "江苏苏州园区", "苏州高新区", "苏州市高新区", "苏州新区", "虎丘区高新区",
         "平江区", "沧浪区", "金阊区", "吴江市", "郑东新区", "管城区", "政务区", "滨湖新区", "滨湖区", "金阳新区", "贵阳市金阳", "贵阳金阳", "江北新区", "河西", "江宁开发区",
         "合肥庐阳", "合肥瑶海", "合肥蜀山", "合肥包河", "南京建邺", "南京浦口", "南京江宁", "郑州金水", "郑州二七", "郑州中原", "郑州管城", "贵阳云岩", "贵阳南明", "贵阳观山湖", "苏州姑苏", "苏州吴中", "苏州虎丘"]
for a_ in dict.fromkeys(ALIAS):
    s_ = hw.filter(pl.col("raw").str.contains(a_, literal=True))
    if s_.height:
        w_ = s_.filter(pl.col("wrong")).sort("raw")
        print("%-14s %6d %6d %5.2f  %s -> %s" % (a_, s_.height, w_.height, w_.height / s_.height, w_["raw"][0] if w_.height else "", w_["place_key"][0] if w_.height else ""))
print("\n== examples of wrong keys per habit (raw | observed key | truth key)")
for n, p in HAB:
    s = hw.filter(pl.col(n) & pl.col("wrong")).unique("raw").sort("raw").head(4)
    if s.height:
        print("--", n)
        for x in s.iter_rows(named=True):
            print("   %s\n      obs %s\n      tru %s" % (x["raw"], x["place_key"], x["truth_key"]))
# ---- home deliveries without residence
loc = c.sql("select id_number, rank, kind, place_key from locations").pl()
res = loc.filter(pl.col("kind") == "residence")
hd = deb.filter(pl.col("has_home_delivery") & pl.col("open") & (pl.col("kind") == "person"))
nores = hd.join(res.select("id_number").unique(), on="id_number", how="anti")
print("\n== open debtors with a clean home delivery: %d, with no residence at all: %d" % (hd.height, nores.height))
tk = parse_addresses(hd["home_address"].unique()).select(pl.col("raw").alias("home_address"), pl.col("place_key").alias("home_key"))
hd2 = hd.join(tk, on="home_address", how="left")
r1 = res.filter(pl.col("rank") == 1).select("id_number", pl.col("place_key").alias("r1"))
hd2 = hd2.join(r1, on="id_number", how="left")
print("rank-1 residence == true home key: %d of %d; home key null: %d" % ((hd2["r1"] == hd2["home_key"]).sum(), hd2.height, hd2["home_key"].is_null().sum()))
links = c.sql("select l.id_number, o.file, o.line from links l join observations o using(obs_id)").pl().with_columns(pl.col("file").str.replace(r"^[a-z]+/", ""))
idmap = {r["id_number"].upper(): r["pid"] for r in ppl.filter(pl.col("role") == "debtor").iter_rows(named=True)}
for x in nores.head(12).iter_rows(named=True):
    pid = idmap[x["id_number"]]
    p = ppl.filter(pl.col("pid") == pid).row(0, named=True)
    mine = hw_all.filter(pl.col("canon") == x["home_address"]).join(rec.select("file", "line", "holder", "recipient", "receiver", "door"), on=["file", "line"])
    mine = mine.filter(((pl.col("holder") == pid) | (pl.col("recipient") == pid) | (pl.col("receiver") == pid)) & pl.col("door"))
    lk = links.filter(pl.col("id_number") == x["id_number"])
    linked = mine.join(lk, on=["file", "line"], how="semi").height
    print("- %s %s flags=%s home=%s\n    door rows %d, linked %d, keys ok %d; example raw: %s" % (
        x["id_number"], x["name"], p["flags"], x["home_address"], mine.height, linked, (~mine["wrong"]).sum(), mine["raw"].head(2).to_list()))
