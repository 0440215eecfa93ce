#!/usr/bin/env python
"""Black-box diagnosis of a locate run on a foreign10 world (adapted from foreign9's diagnose.py).

    python diagnose.py DB WORLD > w1_address_diagnosis.txt

Sections: files and quarantine against the truth's dirt; place_key of debtors' home/work rows by address habit, with
examples (raw address -> parser output vs the canonical address's key); rank-1 residence by home kind, district and
life-event flag; links to the wrong person by name habit; violations found vs true.
Only the output database, the truth and `linkage.addresses.parse_addresses` (the parser the evaluator keys the truth
with) are used."""
import io, sys
import duckdb, polars as pl

_OUT, _SUM = sys.stdout, io.StringIO()
sys.stdout = io.StringIO()          # the detail; the summary is printed first, at the end

sys.path.insert(0, "/work/main")
from linkage.addresses import parse_addresses  # black box

pl.Config.set_tbl_rows(60)
pl.Config.set_fmt_str_lengths(90)
pl.Config.set_tbl_width_chars(220)
db, world = sys.argv[1], sys.argv[2]
c = duckdb.connect(db, read_only=True)
rec = pl.read_parquet(world + "/truth/records.parquet")
deb = pl.read_parquet(world + "/truth/debtors.parquet")
ppl = pl.read_parquet(world + "/truth/people.parquet")
strip = pl.col("file").str.replace(r"^[a-z]+/", "")

# ------------------------------------------------------------------------------------------------ files
inf = c.sql("select file, rows_read, rows_kept, rows_quarantined, error from ingested_files").pl().with_columns(strip.alias("f"))
print("== files (truth rows vs what the run read)")
per = rec.group_by("file").agg(pl.len().alias("n"), pl.col("dirty").sum().alias("dirty"), pl.col("ambiguous").sum().alias("amb"))
j = per.join(inf, left_on="file", right_on="f", how="left").sort("file")
for x in j.iter_rows(named=True):
    flag = "" if x["rows_read"] is not None and x["rows_kept"] >= x["n"] - x["dirty"] else "  <-- not read or rows lost"
    print("%-36s truth %6d (dirty %3d, ambiguous %5d)  read %s kept %s q %s %s%s" % (
        x["file"], x["n"], x["dirty"], x["amb"], x["rows_read"], x["rows_kept"], x["rows_quarantined"], ("ERROR " + x["error"]) if x["error"] else "", flag))
q = c.sql("select file, line, reason from quarantine").pl().with_columns(strip)
qj = q.join(rec.select("file", "line", "dirty", "dirt", "ambiguous"), on=["file", "line"], how="left")
print("\n== quarantined rows that are clean in the truth")
print(qj.filter(~pl.col("dirty").fill_null(False)))
print("\n== dirt that was kept (by kind)")
kept = rec.filter(pl.col("dirty")).join(q, on=["file", "line"], how="anti")
print(kept.group_by("dirt").agg(pl.len()).sort("dirt"))

# ------------------------------------------------------------------------------------------------ place keys
obs = c.sql("select obs_id, file, line, place_key, address_raw, address, district, precision, pickup_kind from observations").pl().with_columns(strip)
pid_home = dict(zip(ppl["pid"], ppl["home"]))
pid_work = dict(zip(ppl["pid"], ppl["work"]))
debt = set(ppl.filter((pl.col("role") == "debtor") & (pl.col("kind") == "person"))["pid"].to_list())
rows = []
for x in rec.filter(~pl.col("dirty") & ~pl.col("ambiguous") & pl.col("dest_canonical").is_not_null() & (pl.col("source") != "debtors")).iter_rows(named=True):
    for f in ("holder", "recipient", "receiver"):
        pid = x[f]
        if pid in debt and x["dest_canonical"] in (pid_home.get(pid), pid_work.get(pid)):
            rows.append(dict(file=x["file"], line=x["line"], canon=x["dest_canonical"], raw=x["raw_address"], pid=pid,
                             which="home" if x["dest_canonical"] == pid_home.get(pid) else "work"))
            break
hw = pl.DataFrame(rows).unique(["file", "line"])
pk = parse_addresses(hw["canon"].unique()).select(pl.col("raw").alias("canon"), pl.col("place_key").alias("truth_key"))
hw = hw.join(pk, on="canon", how="left")
m = obs.join(hw.select("file", "line", "raw"), on=["file", "line"], how="inner").filter(pl.col("address_raw") == pl.col("raw")).unique(["file", "line"])
hw = hw.join(m.select("file", "line", "place_key", "address", "district", "precision"), on=["file", "line"], how="left")
missing_obs = hw.filter(pl.col("place_key").is_null() & pl.col("address").is_null())
# observations are kept only when linked: parse the raw addresses of the rest ourselves (same parser)
px = parse_addresses(missing_obs["raw"].unique()).select(pl.col("raw"), pl.col("place_key").alias("pk2"), pl.col("address").alias("a2"))
hw = hw.join(px, on="raw", how="left").with_columns(pl.col("place_key").fill_null(pl.col("pk2")), pl.col("address").fill_null(pl.col("a2")),
                                                   pl.col("pk2").is_not_null().alias("unlinked")).drop("pk2", "a2")
hw = hw.with_columns(((pl.col("place_key") != pl.col("truth_key")) | pl.col("place_key").is_null()).fill_null(True).alias("wrong"))
print("\n== home/work rows of debtors: %d (observation kept %d, parsed here because unlinked %d); place_key wrong %d; truth key null %d" % (
    hw.height, (~hw["unlinked"]).sum(), hw["unlinked"].sum(), hw["wrong"].sum(), hw["truth_key"].is_null().sum()))
HAB = [
    ("old/zone district name", r"南康市|赣县[^区]|武鸣县|临桂县|临桂新区|新市区|北市区|南市区|章江新区|红谷滩新区|五象新区|高新区"),
    ("唐山 N楼M门R号", r"\d+楼\d+门|[一二三四五六七八九十]+楼[一二三四五六七八九十]+门"),
    ("唐山 estate named 楼/里", r"(新华里|文化楼|南新楼|小山楼|康乐楼)"),
    ("河北 号楼", r"号楼"),
    ("河北 zero-padded room 0501", r"单元0\d{3}"),
    ("广西 room 号/号房/房", r"单元\d+号房?$|单元\d+房|栋\d{3,4}(号|房)"),
    ("闽 tower, no unit", r"(幢|栋|#|号楼)\d{3,4}(室)?($|[（(，, ])|\d+-\d{3,4}$"),
    ("# building", r"#"),
    ("闽 village 社", r"社\d+号"),
    ("闽 village, 社 dropped", r"(岸兜|江头|湖中|前蔡|庄头|大埔|钱坡|塘后|坑东|古湖|朴里|山前|溪州)村\d+号"),
    ("闽 village, 镇/村 shortened", r"(陈埭|安海|磁灶|宝盖|蚶江|水头|洪濑)(岸兜|江头|湖中|前蔡|庄头|大埔|钱坡|塘后|坑东|古湖|朴里|山前|溪州)[^村]"),
    ("赣 village 组 / 村委会", r"组\d+号|村委会[^快]"),
    ("赣 village, 组 dropped", r"村(上屋|下屋|新屋|老屋|塘背|下坝|上坝|祠堂|竹山)\d+号"),
    ("桂 village 坡 / 村委", r"坡\d+号"),
    ("冀 village street", r"村[东西南北前后]?街\d+号|村建设街"),
    ("泉州 lane 巷", r"巷[\d一二三四五六七八九十]+号"),
    ("lane without road", r"^[^路街]*巷\d+号$"),
    ("county-level city prefix", r"^(福建省)?(晋江|石狮|南安)|^泉州(晋江|石狮|南安)"),
    ("province + district, no city", r"^(福建省|江西省|广西壮族自治区|河北省)[^市]+[区县]"),
    ("spaced prefix", r"省 |区 "),
    ("街道 inserted", r"街道"),
    ("Chinese numerals", r"[一二三四五六七八九十]+(栋|幢|号楼|楼)[一二三四五六七八九十]+(单元|门)"),
    ("full-width digits", r"[０-９]"),
    ("quoted estate", r"[\"“”]"),
    ("ASCII comma", r","),
    ("remark", r"（放|【|，到了|送货前|（周末|（工作日|，麻烦|，家里|，打电话"),
    ("x-y-z", r"\d+-\d+-\d+"),
    ("no road", r"^[^路街道]*$"),
    ("stall", r"服装城|家具城|市场|轻纺城|商业街"),
    ("office", r"大厦|中心|写字楼|商务楼"),
    ("factory", r"有限公司"),
    ("shop", r"客栈|米粉店|特产店|茶叶店|面线糊店|五金店|超市|奶茶店|老友粉店|商行|鱼饼店|烧饼店|鞋材店"),
]
hw = hw.with_columns([pl.col("raw").str.contains(p).alias(n) for n, p in HAB])
print("\n%-30s %7s %7s %6s" % ("habit", "rows", "wrong", "share"))
for n, p in HAB:
    s = hw.filter(pl.col(n))
    if s.height:
        print("%-30s %7d %7d %6.2f" % (n, s.height, s["wrong"].sum(), s["wrong"].mean()))
print("%-30s %7d %7d %6.2f" % ("ALL", hw.height, hw["wrong"].sum(), hw["wrong"].mean()))
hw = hw.with_columns(pl.col("canon").str.extract(r"^(?:福建省|江西省|广西壮族自治区|河北省)(.+?[市])").alias("city"),
                     pl.col("canon").str.extract(r"^(?:福建省|江西省|广西壮族自治区|河北省).+?市(.+?[区县市])").alias("dist"))
print("\n== wrong place keys by district of the true place")
print(hw.group_by("dist").agg(pl.len().alias("rows"), pl.col("wrong").sum().alias("wrong"), pl.col("wrong").mean().round(3).alias("share")).sort("wrong", descending=True))
print("\n== how the wrong keys differ from the truth (component that differs first: district|estate|bld|unit|room)")


def diff_part(a, b):
    if a is None:
        return "no key"
    if b is None:
        return "truth key null"
    pa_, pb = a.split("|"), b.split("|")
    names = ["district", "estate/road", "building", "unit", "room"]
    if len(pa_) != len(pb):
        return "shape %d vs %d" % (len(pa_), len(pb))
    for i, (x, y) in enumerate(zip(pa_, pb)):
        if x != y:
            return names[i] if i < len(names) else "part%d" % i
    return "same"


hw = hw.with_columns(pl.struct("place_key", "truth_key").map_elements(lambda s: diff_part(s["place_key"], s["truth_key"]), return_dtype=pl.String).alias("diff"))
print(hw.filter(pl.col("wrong")).group_by("diff").agg(pl.len()).sort("len", descending=True))
print("\n== zone / old / colloquial district spellings (rows, wrong, share, example -> key)")
for a_ in ["五象新区", "南宁高新区", "南宁市高新区", "章江新区", "红谷滩新区", "南康市", "赣县", "武鸣县", "临桂县", "临桂新区", "新市区", "北市区", "南市区"]:
    s_ = hw.filter(pl.col("raw").str.contains(a_, literal=True) & ~pl.col("raw").str.contains(a_ + "区", literal=True))
    if s_.height:
        w_ = s_.filter(pl.col("wrong")).sort("raw")
        print("%-8s %6d %6d %5.2f  %s -> %s" % (a_, s_.height, w_.height, w_.height / s_.height, w_["raw"][0] if w_.height else "", w_["place_key"][0] if w_.height else ""))
# disjoint failure classes (first match wins), the summary of this file
CLASSES = [
    ("zone, old or colloquial district name", r"五象新区|高新区|章江新区|红谷滩新区|南康市|赣县[^区]|武鸣县|临桂县|临桂新区|新市区|北市区|南市区"),
    ("village: natural village (社/组/坡) dropped or 镇/村 shortened, or 村委(会) inserted",
     r"(村|[^村镇乡])(上屋|下屋|新屋|老屋|塘背|下坝|上坝|祠堂|竹山)\d+号|村\d+号$|村委|(陈埭|安海|磁灶|宝盖|蚶江|水头|洪濑)(岸兜|江头|湖中|前蔡|庄头|大埔|钱坡|塘后|坑东|古湖|朴里|山前|溪州)[^村]|^[^村]*(东新|平福|小陆)[^村]"),
    ("village: other (no town, no prefix, 街 villages)", r"村|坡\d+号|社\d+号"),
    ("泉州 lane without its road or with a 街道", r"巷"),
    ("market stall written F+area+number", r"服装城|家具城|市场|轻纺城|商业街"),
    ("factory written without its road number", r"有限公司"),
    ("Chinese numerals in 楼/门", r"[一二三四五六七八九十]+楼[一二三四五六七八九十]+门"),
]
hw = hw.with_columns(pl.lit(None, dtype=pl.String).alias("cls"))
for n_, p_ in CLASSES:
    hw = hw.with_columns(pl.when(pl.col("cls").is_null() & pl.col("wrong") & pl.col("raw").str.contains(p_)).then(pl.lit(n_)).otherwise(pl.col("cls")).alias("cls"))
hw = hw.with_columns(pl.when(pl.col("cls").is_null() & pl.col("wrong")).then(pl.lit("other")).otherwise(pl.col("cls")).alias("cls"))
SUMMARY = []
for n_ in [c_[0] for c_ in CLASSES] + ["other"]:
    s_ = hw.filter(pl.col("cls") == n_)
    SUMMARY.append((s_.height, s_["raw"].n_unique(), s_["pid"].n_unique(), n_, s_.unique("raw").sample(min(3, s_["raw"].n_unique()), seed=7).sort("raw") if s_.height else s_))
SUMMARY.sort(key=lambda z: -z[0])
print("== SUMMARY 1: costliest address failure classes (disjoint; wrong place_key rows among %d home/work rows of debtors, distinct raw strings, debtors touched)" % hw.height, file=_SUM)
for rows_, uniq_, deb_, n_, ex_ in SUMMARY:
    print("%6d rows  %5d strings  %4d debtors   %s" % (rows_, uniq_, deb_, n_), file=_SUM)
    for x in ex_.iter_rows(named=True):
        print("         %s\n            parser: %s   [%s]\n            truth:  %s   [%s]" % (x["raw"], x["address"], x["place_key"], x["canon"], x["truth_key"]), file=_SUM)
print("\n== examples of wrong keys per habit (raw | parsed key | truth key)")
for n, p in HAB:
    s = hw.filter(pl.col(n) & pl.col("wrong")).unique("raw").sort("raw").head(3)
    if s.height:
        print("--", n)
        for x in s.iter_rows(named=True):
            print("   %s\n      got %s   (%s)\n      tru %s   (%s)" % (x["raw"], x["place_key"], x["address"], x["truth_key"], x["canon"]))
print("\n== truth addresses with no key at all")
print(hw.filter(pl.col("truth_key").is_null()).select("canon").unique())

# ------------------------------------------------------------------------------------------------ residences
loc = c.sql("select id_number, rank, kind, place_key, confidence from locations").pl()
res = loc.filter(pl.col("kind") == "residence")
r1 = res.filter(pl.col("rank") == 1).select("id_number", pl.col("place_key").alias("r1"), pl.col("confidence").alias("conf"))
anyk = loc.group_by("id_number").agg(pl.col("kind").unique().sort().str.join("+").alias("k1"))   # ranks are per kind
dd = deb.filter(pl.col("open") & (pl.col("kind") == "person") & pl.col("on_platforms"))
tk = parse_addresses(dd["home_address"].unique()).select(pl.col("raw").alias("home_address"), pl.col("place_key").alias("home_key"))
dd = dd.join(tk, on="home_address", how="left").join(r1, on="id_number", how="left").join(anyk, on="id_number", how="left")
idmap = dict(zip(ppl.filter(pl.col("role") == "debtor")["id_number"].str.to_uppercase(), ppl.filter(pl.col("role") == "debtor")["pid"]))
pinfo = ppl.select("pid", "home_kind", "flags", "home_district")
dd = dd.with_columns(pl.col("id_number").replace_strict(idmap, default=None).alias("pid")).join(pinfo, on="pid", how="left")
dd = dd.with_columns((pl.col("r1") == pl.col("home_key")).fill_null(False).alias("hit"), pl.col("r1").is_null().alias("none"))
print("\n== rank-1 residence of open present debtors, by home kind (hit = rank-1 residence key == true home key)")
print(dd.group_by("home_kind").agg(pl.len().alias("n"), pl.col("hit").mean().round(3).alias("hit@1"), pl.col("none").sum().alias("no_residence"),
                                    pl.col("has_home_delivery").sum().alias("with_door")).sort("n", descending=True))
print("\n== by district")
print(dd.group_by("home_district").agg(pl.len().alias("n"), pl.col("hit").mean().round(3).alias("hit@1"), pl.col("none").sum().alias("no_res")).sort("hit@1"))
print("\n== by life-event flag")
fl = dd.explode("flags")
print(fl.group_by("flags").agg(pl.len().alias("n"), pl.col("hit").mean().round(3).alias("hit@1"), pl.col("none").sum().alias("no_res")).sort("hit@1"))
print("\n== debtors with a door delivery at home but no residence: which kinds of place they do have")
nr = dd.filter(pl.col("has_home_delivery") & pl.col("none"))
print(nr.group_by("k1", "home_kind").agg(pl.len()).sort("len", descending=True))
print("\n== debtors with a door delivery at home whose rank-1 residence is wrong: is the true key elsewhere in their list?")
wr = dd.filter(pl.col("has_home_delivery") & ~pl.col("hit") & ~pl.col("none"))
allk = res.group_by("id_number").agg(pl.col("place_key").alias("keys"))
wr = wr.join(allk, on="id_number", how="left").with_columns(pl.col("keys").list.contains(pl.col("home_key")).fill_null(False).alias("listed"))
print("wrong rank-1: %d, true home listed lower: %d" % (wr.height, wr["listed"].sum()))
print(wr.explode("flags").group_by("flags").agg(pl.len()).sort("len", descending=True).head(12))

# ------------------------------------------------------------------------------------------------ wrong links by name habit
links = c.sql("select l.id_number, l.probability, l.via, o.file, o.line from links l join observations o using(obs_id)").pl().with_columns(strip)
lk = links.with_columns(pl.col("id_number").replace_strict(idmap, default=None).alias("pid_linked"))
rr = rec.filter(~pl.col("dirty")).select("file", "line", "holder", "recipient", "receiver", "sender", "name_form", "source", "record_key")
lj = lk.join(rr, on=["file", "line"], how="left")
lj = lj.with_columns(((pl.col("pid_linked") == pl.col("holder")) | (pl.col("pid_linked") == pl.col("recipient")) | (pl.col("pid_linked") == pl.col("receiver"))
                      | (pl.col("pid_linked") == pl.col("sender"))).fill_null(False).alias("right"))
print("\n== links: %d, to a person the record is not about: %d" % (lj.height, (~lj["right"]).sum()))
role = dict(zip(ppl["pid"], ppl["role"]))
wrong = lj.filter(~pl.col("right")).with_columns(
    pl.col("recipient").replace_strict(role, default=None).alias("recipient_role"), pl.col("holder").replace_strict(role, default=None).alias("holder_role"),
    pl.col("receiver").replace_strict(role, default=None).alias("receiver_role"))
print(wrong.group_by("source", "via", "recipient_role", "receiver_role", "holder_role").agg(pl.len(), pl.col("probability").mean().round(2).alias("p")).sort("len", descending=True).head(20))
print("\n== recall of debtor-as-recipient e-commerce rows by name form (the debtor is the intended recipient, linked to them?)")
dr = rec.filter(~pl.col("dirty") & ~pl.col("ambiguous") & (pl.col("source") == "ecommerce") & pl.col("recipient").is_in(list(debt)))
dr = dr.join(lk.select("file", "line", "pid_linked"), on=["file", "line"], how="left").with_columns(
    (pl.col("pid_linked") == pl.col("recipient")).fill_null(False).alias("ok"), (pl.col("holder") == pl.col("recipient")).alias("own_account"))
dr = dr.group_by("file", "line").agg(pl.col("ok").any(), pl.col("name_form").first(), pl.col("own_account").first())
print(dr.group_by("own_account", "name_form").agg(pl.len().alias("rows"), pl.col("ok").mean().round(3).alias("linked")).sort("own_account", "rows", descending=[False, True]))

# ------------------------------------------------------------------------------------------------ violations
vt = pl.read_parquet(world + "/truth/violations.parquet").select("id_number", "case_no", "platform", "order_id", "category", "by_holder")
vf = c.sql("select id_number, case_no, platform, order_id, category, via from violations").pl()
fp = vf.join(vt, on=["id_number", "case_no", "order_id"], how="anti")
fn = vt.join(vf, on=["id_number", "case_no", "order_id"], how="anti")
print("\n== violations: found %d, true %d, found-not-true %d, true-not-found %d" % (vf.height, vt.height, fp.height, fn.height))
print(fp.group_by("category", "via").agg(pl.len()).sort("len", descending=True))
print(fn.group_by("category", "by_holder").agg(pl.len()).sort("len", descending=True))
cases = pl.read_parquet(world + "/truth/cases.parquet").select("case_no", "status", "restrict", "filing").unique("case_no")
print(fp.join(cases, on="case_no", how="left").group_by("status", "restrict").agg(pl.len()))

# ------------------------------------------------------------------------------------------------ why rank-1 residences miss
print("\n== why the rank-1 residence misses (open debtors on platforms with a door delivery at home)")
oldk = parse_addresses(ppl["old_home"].drop_nulls().unique()).select(pl.col("raw").alias("old_home"), pl.col("place_key").alias("old_key"))
wk = parse_addresses(ppl["work"].drop_nulls().unique()).select(pl.col("raw").alias("work"), pl.col("place_key").alias("work_key"))
pp = ppl.select("pid", "old_home", "work", "parents").join(oldk, on="old_home", how="left").join(wk, on="work", how="left")
home_of = dict(zip(ppl["pid"], ppl["home"]))
parent_home = {x["pid"]: [home_of.get(q) for q in (x["parents"] or [])] for x in pp.iter_rows(named=True)}
phk = parse_addresses(pl.Series([h for v in parent_home.values() for h in v if h]).unique()).select("raw", "place_key")
phk = dict(zip(phk["raw"], phk["place_key"]))
mis_keys = hw.filter(pl.col("which") == "home").group_by("pid").agg(pl.col("place_key").drop_nulls().unique().alias("seen_keys"))
miss = dd.filter(pl.col("has_home_delivery") & ~pl.col("hit")).join(pp.select("pid", "old_key", "work_key"), on="pid", how="left").join(mis_keys, on="pid", how="left")
why = []
for x in miss.iter_rows(named=True):
    if x["r1"] is None:
        w = "no residence ranked" + (" (only %s)" % x["k1"] if x["k1"] else " (no place at all)")
    elif x["old_key"] and x["r1"] == x["old_key"]:
        w = "old home ranked first (moved)"
    elif x["seen_keys"] and x["r1"] in x["seen_keys"] and x["r1"] != x["home_key"]:
        w = "true home, but keyed differently from the truth (parse)"
    elif x["work_key"] and x["r1"] == x["work_key"]:
        w = "workplace ranked as residence"
    elif x["r1"] in [phk.get(h) for h in parent_home.get(x["pid"], []) if h]:
        w = "parents' home ranked first"
    else:
        w = "another place"
    why.append(dict(id_number=x["id_number"], why=w, home_kind=x["home_kind"], flags=x["flags"], r1=x["r1"], home_key=x["home_key"]))
why = pl.DataFrame(why)
print(why.group_by("why").agg(pl.len()).sort("len", descending=True))
print("examples (rank-1 key vs true key):")
for w_ in why["why"].unique().sort():
    for x in why.filter(pl.col("why") == w_).head(3).iter_rows(named=True):
        print("  %-55s %s  vs  %s  %s" % (w_, x["r1"], x["home_key"], [f for f in x["flags"] if not f.startswith("roster")]))

print("\n== SUMMARY 2: why the rank-1 residence misses (open debtors on platforms with a door delivery at home: %d)" % dd.filter(pl.col("has_home_delivery")).height, file=_SUM)
for x in why.group_by("why").agg(pl.len()).sort("len", descending=True).iter_rows(named=True):
    print("%6d  %s" % (x["len"], x["why"]), file=_SUM)

# ------------------------------------------------------------------------------------------------ unplaced debtors: what evidence they left
import csv as _csv, re as _re, collections as _co
none_ids = why.filter(pl.col("why") == "no residence ranked (no place at all)")["id_number"].to_list()
none_p = [idmap[i] for i in none_ids]
rows_ = rec.filter(~pl.col("dirty") & ~pl.col("ambiguous") & (pl.col("source") == "ecommerce") & pl.col("holder").is_in(none_p))
_cache, per_ = {}, _co.defaultdict(set)
for x in rows_.iter_rows(named=True):
    f = x["file"]
    if f not in _cache:
        raw = open(world + "/inbox/ecommerce/" + f, "rb").read()
        _cache[f] = list(_csv.reader(io.StringIO(raw.decode("utf-8-sig" if raw[:3] == b"\xef\xbb\xbf" else "gb18030"), newline="")))
    r_ = _cache[f][x["line"] - 1]
    idf = r_[3]
    per_[x["holder"]].add("ID " + ("full" if _re.match(r"^\d{17}[\dXx]$", idf) else "empty" if not idf else "masked"))
flg = dict(zip(ppl["pid"], ppl["flags"]))
cnt = _co.Counter()
for p_ in none_p:
    f_ = flg[p_]
    ros = "roster phone " + ("current" if "roster_phone_current" in f_ or "roster_phone_mix" in f_ else "stale/empty/landline")
    acc = "/".join(sorted(per_[p_])) if p_ in per_ else "no own account (spouse's account, waybills or social only)"
    cnt[(acc, ros)] += 1
print("\n== SUMMARY 3: the %d debtors with a home door delivery but no place at all: their own accounts' ID field and roster phone" % len(none_p), file=_SUM)
for (acc, ros), n_ in cnt.most_common():
    print("%6d  %s; %s" % (n_, acc, ros), file=_SUM)
detail = sys.stdout.getvalue()
sys.stdout = _OUT
print("foreign10 w1: black-box diagnosis of `locate nightly --as-of 2026-12-10` (generated by diagnose.py)\n")
print(_SUM.getvalue())
print("\n" + "=" * 100 + "\nDETAIL\n")
print(detail)
