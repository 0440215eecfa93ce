import duckdb, polars as pl, sys, re
sys.path.insert(0, "/work/main")
from linkage.addresses import parse_addresses
pl.Config.set_fmt_str_lengths(140); pl.Config.set_tbl_rows(80); pl.Config.set_tbl_width_chars(250)
W = "/work/foreign8/w1"; DB = "/tmp/f8w1/locate.duckdb"
r = pl.read_parquet(f"{W}/truth/records.parquet").filter(~pl.col("dirty") & pl.col("dest_kind").is_in(["home", "work"]) & pl.col("raw_address").is_not_null())
con = duckdb.connect(DB, read_only=True)
obs = pl.from_arrow(con.sql("select file, line, address_raw, place_key from observations where address_raw is not null").to_arrow_table()).unique(["file","line","address_raw"])
j = r.join(obs, left_on=["file","line","raw_address"], right_on=["file","line","address_raw"], how="inner")
pc = parse_addresses(j["dest_canonical"].unique()).select(pl.col("raw").alias("dest_canonical"), pl.col("place_key").alias("canon_key"))
j = j.join(pc, on="dest_canonical", how="left").with_columns((pl.col("place_key") == pl.col("canon_key")).fill_null(False).alias("ok"))
print("joined", j.height, "wrong", (~j["ok"]).sum(), "canonical itself unparsed", j["canon_key"].is_null().sum())
H = [("canonical_unparsed", lambda raw, c: None),
     ("gz 号之N sub-number", r"号之|\d+-\d号"), ("城中村 巷/坊 (+floor 楼)", r"村?[东西南北]?[0-9一二三四五六七八九十]+[巷坊]"),
     ("津 N楼M门 building", r"\d+楼\d+门"), ("胡同 号院/院内/平房/remark", r"(胡同|条)[0-9０-９一二三四五六七八九十]+号(院|平房|（)"),
     ("胡同 arabic 条 / cn numeral no", r"东四\d+条|[一二三四五六七八九十]+号"), ("bj estate with N区 / 号院", r"[一二三四五六七八九十]区|号院|甲|乙"),
     ("remark / metro landmark", r"找门卫|（近|送上楼|放门口|打电话|没人"), ("letter room 12A / 2楼A", r"\d+[A-D]室?$|楼[A-D]$|\d[A-D]（"),
     ("bld-room without unit N-R", r"[园苑城湾里街邨]\d+-\d{3,4}"), ("佛山 town/街道 with no district", r"佛山市[^区]+?(镇|街道)"),
     ("fullwidth digits", r"[０-９]"), ("duplicated region", r"(区|县)[ 　]?\S*?(市\S+区)"), ("comma inside", r","),
     ("座/房 forms", r"\d+座\d+房?"), ("market stall forms", r"档|铺|F-|摊位|[A-F]-?\d+$"), ("factory w/o road", r"工业|园区|高新区")]
rows = []
for x in j.filter(~pl.col("ok")).iter_rows(named=True):
    raw = x["raw_address"]; tag = None
    if x["canon_key"] is None:
        tag = "canonical_unparsed"
    else:
        for name, pat in H[1:]:
            if re.search(pat, raw):
                tag = name; break
    rows.append(dict(tag=tag or "other", raw=raw, key=x["place_key"], canon_key=x["canon_key"], canon=x["dest_canonical"]))
w = pl.DataFrame(rows)
tot = {}
for name, pat in H[1:]:
    tot[name] = j.filter(pl.col("raw_address").str.contains(pat)).height
s = w.group_by("tag").len().sort("len", descending=True)
print(s)
with open("/work/main/benchmarks/foreign_world8/w1_address_diagnosis.txt", "w") as f:
    f.write("w1: %d clean rows whose true destination is the debtor's home or workplace were linked and kept as observations; %d have a place_key different from the one the canonical address parses to (%d because the canonical itself does not parse).\n\n" % (j.height, (~j["ok"]).sum(), j["canon_key"].is_null().sum()))
    for tag, n in s.iter_rows():
        f.write("== %s: %d wrong rows (rows with the habit in the joined set: %s)\n" % (tag, n, tot.get(tag, "-")))
        for x in w.filter(pl.col("tag") == tag).unique("raw", keep="first").sort("raw").head(5).iter_rows(named=True):
            f.write("   raw   %s\n   key   %s\n   canon %s -> %s\n" % (x["raw"], x["key"], x["canon"], x["canon_key"]))
        f.write("\n")
    # debtors with a clean home delivery but no residence
    deb = pl.read_parquet(f"{W}/truth/debtors.parquet").filter((pl.col("kind")=="person") & pl.col("open") & pl.col("has_home_delivery"))
    loc = pl.from_arrow(con.sql("select id_number, count(*) n from locations where kind='residence' group by 1").to_arrow_table())
    miss = deb.join(loc, on="id_number", how="anti")
    ppl = pl.read_parquet(f"{W}/truth/people.parquet").with_columns(pl.col("id_number").str.to_uppercase())
    miss = miss.join(ppl.select("id_number", "home_kind", "flags", "accounts"), on="id_number", how="left")
    f.write("== open debtors with a clean home delivery but no residence: %d of %d\n" % (miss.height, deb.height))
    f.write(str(miss.group_by("home_kind").len().sort("len", descending=True)) + "\n")
    for x in miss.head(25).iter_rows(named=True):
        f.write("   %s %s %s | %s | %s\n" % (x["id_number"], x["name"], x["home_address"], ",".join(x["flags"]), x["accounts"]))
print(open("/work/main/benchmarks/foreign_world8/w1_address_diagnosis.txt").read()[:9000])
