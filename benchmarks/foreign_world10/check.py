#!/usr/bin/env python
"""Parse every foreign10 inbox file the way inputs.md says it can be parsed, and check the truth's consistency.

    python check.py WORLD_DIR        -> prints OK (exit 0) or the failures (exit 1)
"""
import csv, datetime as dt, io, json, os, re, sys
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen import id_check, EC_COLS, RO_COLS, WB_COLS, RESTRICTED  # noqa: E402

ROOT = sys.argv[1]
INB = os.path.join(ROOT, "inbox")
T = os.path.join(ROOT, "truth")
rec = pl.read_parquet(os.path.join(T, "records.parquet"))
deb = pl.read_parquet(os.path.join(T, "debtors.parquet"))
vio = pl.read_parquet(os.path.join(T, "violations.parquet"))
cases = pl.read_parquet(os.path.join(T, "cases.parquet"))
ppl = pl.read_parquet(os.path.join(T, "people.parquet"))
bad = []
notes = []


def fail(msg):
    bad.append(msg)


ID_FULL = re.compile(r"^\d{17}[\dXx]$")
ID_MASKS = [re.compile(r"^\d{6}\*{8}\d{3}[\dXx]$"), re.compile(r"^\d{2}\*{14}\d[\dXx]$")]
PHONE_OK = re.compile(r"^(\+86[ -]?)?1\d{2}[ -]?\d{4}[ -]?\d{4}$|^1\d{2}\*{4}\d{4}$|^0\d{2,3}-\d{7,8}$")
NAME_MASK = re.compile(r"^[\u4e00-\u9fff](\*{1,2}|\*[\u4e00-\u9fff])$")
SIGN_TYPES = {"本人签收", "家人代签", "快递柜", "驿站代收", "门卫代收"}


def valid_id(s):
    return bool(ID_FULL.match(s)) and id_check(s[:17]) == s[17].upper()


def csv_rows(data, enc):
    text = data.decode(enc)
    if text.startswith("\ufeff"):
        text = text[1:]
    rd = csv.reader(io.StringIO(text, newline=""))
    hdr, out = None, []
    while True:
        ln = rd.line_num + 1
        try:
            row = next(rd)
        except StopIteration:
            break
        if hdr is None:
            hdr = row
            continue
        out.append((ln, row))
    return hdr, out


by_file = {}
for f, g in rec.group_by("file"):
    by_file[f[0] if isinstance(f, tuple) else f] = g
seen = set()
n_rows = 0
for kind in ("debtors", "ecommerce", "social", "logistics"):
    for fn in sorted(os.listdir(os.path.join(INB, kind))):
        p = os.path.join(INB, kind, fn)
        seen.add(fn)
        data = open(p, "rb").read()
        R = by_file.get(fn)
        if not data:
            if R is not None and len(R):
                fail("%s: empty file has records" % fn)
            notes.append("%s: 0 bytes" % fn)
            continue
        if kind in ("debtors", "ecommerce"):
            enc = "utf-8" if kind == "debtors" else "gb18030"
            if kind == "ecommerce" and data.startswith(b"\xef\xbb\xbf"):
                notes.append("%s: UTF-8 BOM, not GB18030 (the wrong encoding inputs.md allows)" % fn)
                enc = "utf-8"
            try:
                hdr, rows = csv_rows(data, enc)
            except UnicodeDecodeError as e:
                fail("%s: does not decode as %s: %s" % (fn, enc, e))
                continue
            need = RO_COLS if kind == "debtors" else EC_COLS
            if [c for c in need if c not in hdr]:
                fail("%s: header lacks %s" % (fn, [c for c in need if c not in hdr]))
                continue
            ix = {c: hdr.index(c) for c in need}
            if R is None:
                if rows:
                    fail("%s: rows but no records" % fn)
                notes.append("%s: header only" % fn)
                continue
            lines = {ln: r for ln, r in rows}
            if len(rows) != len(R):
                fail("%s: %d rows vs %d records" % (fn, len(rows), len(R)))
            wps = fn == "qiangou_orders_20260610.csv"
            for x in R.iter_rows(named=True):
                r = lines.get(x["line"])
                if r is None:
                    fail("%s:%d: no row there" % (fn, x["line"]))
                    continue
                if x["dirty"]:
                    continue
                if len(r) < len(hdr):
                    fail("%s:%d: short clean row" % (fn, x["line"]))
                    continue
                n_rows += 1
                if kind == "ecommerce":
                    g = {c: r[i] for c, i in ix.items()}
                    if g["订单编号"] != x["order_id"]:
                        fail("%s:%d: order id %r != %r" % (fn, x["line"], g["订单编号"], x["order_id"]))
                    fmt = "%Y/%m/%d %H:%M" if wps else "%Y/%m/%d %H:%M:%S"
                    try:
                        t = dt.datetime.strptime(g["下单时间"], fmt)
                        if g["签收时间"]:
                            s = dt.datetime.strptime(g["签收时间"], fmt)
                            if s < t:
                                fail("%s:%d: signed before ordered" % (fn, x["line"]))
                        float(g["实付金额"])
                    except ValueError as e:
                        fail("%s:%d: clean row does not parse: %s" % (fn, x["line"], e))
                    if bool(g["签收时间"]) != bool(x["delivered"]):
                        fail("%s:%d: delivered flag" % (fn, x["line"]))
                    idf = g["实名证件号"]
                    if idf and not (valid_id(idf) or any(m.match(idf) for m in ID_MASKS)):
                        fail("%s:%d: ID form %r" % (fn, x["line"], idf))
                    nm = g["实名姓名"]
                    if "*" in nm and not NAME_MASK.match(nm):
                        fail("%s:%d: name mask %r" % (fn, x["line"], nm))
                    for c in ("绑定手机", "收货手机"):
                        if not PHONE_OK.match(g[c]):
                            fail("%s:%d: %s %r" % (fn, x["line"], c, g[c]))
                    if g["收货地址"] != x["raw_address"]:
                        fail("%s:%d: raw address differs" % (fn, x["line"]))
                else:
                    g = {c: r[i] for c, i in ix.items()}
                    idn = g["证件号码"].strip().strip("\u3000")
                    if g["证件类型"] == "居民身份证":
                        if not valid_id(idn):
                            fail("%s:%d: bad ID %r" % (fn, x["line"], idn))
                    else:
                        al = "0123456789ABCDEFGHJKLMNPQRTUWXY"
                        ws = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
                        t_ = 31 - sum(al.index(c) * w for c, w in zip(idn[:17], ws)) % 31
                        if al[0 if t_ == 31 else t_] != idn[17]:
                            fail("%s:%d: bad credit code %s" % (fn, x["line"], idn))
                    dt.date.fromisoformat(g["立案日期"])
                    float(g["执行标的"].replace(",", ""))
                    if g["案件状态"] not in ("执行中", "终本", "执行完毕") or g["限制消费"] not in "是否" or g["失信"] not in "是否":
                        fail("%s:%d: roster codes" % (fn, x["line"]))
                    for ph in re.split(r"[;；、,]\s*", g["联系电话"]) if g["联系电话"] else []:
                        if not PHONE_OK.match(ph):
                            fail("%s:%d: roster phone %r" % (fn, x["line"], ph))
        elif kind == "social":
            lines = data.split(b"\n")
            if R is None:
                fail("%s: no records" % fn)
                continue
            for x in R.iter_rows(named=True):
                raw = lines[x["line"] - 1]
                try:
                    o = json.loads(raw.decode("utf-8").rstrip("\r"))
                    good = isinstance(o, dict) and bool(o.get("uid")) and ("social|%s|%s" % (x["platform"], o["uid"])) == x["record_key"]
                    if good:
                        for lg in (o.get("logins") or []):
                            dt.datetime.fromisoformat(lg["ts"])
                        for gp in (o.get("geo_posts") or []):
                            dt.datetime.fromisoformat(gp["ts"])
                            assert gp.get("poi")
                        if o.get("id_no") and not (valid_id(o["id_no"]) or any(m.match(o["id_no"]) for m in ID_MASKS)):
                            fail("%s:%d: id_no form %r" % (fn, x["line"], o["id_no"]))
                except Exception:
                    good = False
                if not good and not x["dirty"]:
                    fail("%s:%d: clean line does not parse" % (fn, x["line"]))
                if good and not x["dirty"]:
                    n_rows += 1
                if x["dirty"] and good and x["dirt"] in ("python_repr", "empty_object", "cut_object", "not_json", "truncated_last_line"):
                    fail("%s:%d: dirt %s parses" % (fn, x["line"], x["dirt"]))
            nonblank = [s for s in lines if s.strip(b"\r\n ")]
            if len(R) != len(nonblank):
                fail("%s: %d records vs %d non-blank lines" % (fn, len(R), len(nonblank)))
        else:
            t = pq.read_table(p)
            for c in WB_COLS:
                if c not in t.column_names:
                    fail("%s: missing column %s" % (fn, c))
            for c in ("pickup_time", "sign_time"):
                if not pa.types.is_timestamp(t.schema.field(c).type):
                    fail("%s: %s is not a timestamp" % (fn, c))
            notes.append("%s: %s, %s" % (fn, t.schema.field("pickup_time").type, pq.ParquetFile(p).metadata.row_group(0).column(0).compression))
            if t.num_rows != len(R):
                fail("%s: %d rows vs %d records" % (fn, t.num_rows, len(R)))
            d = t.to_pylist()
            for x in R.iter_rows(named=True):
                row = d[x["line"] - 1]
                if x["dirty"]:
                    continue
                n_rows += 1
                if "logistics|%s|%s" % (x["platform"], row["waybill_no"]) != x["record_key"]:
                    fail("%s:%d: waybill mismatch" % (fn, x["line"]))
                if row["sign_time"] is not None and row["sign_time"] < row["pickup_time"]:
                    fail("%s:%d: signed before pickup" % (fn, x["line"]))
                if (row["sign_time"] is None) != (row["sign_type"] is None) or (row["sign_type"] and row["sign_type"] not in SIGN_TYPES):
                    fail("%s:%d: sign type %r" % (fn, x["line"], row["sign_type"]))
                if row["receiver_address"] != x["raw_address"]:
                    fail("%s:%d: raw address differs" % (fn, x["line"]))
for f in by_file:
    if f not in seen:
        fail("records name a missing file %s" % f)
# ---------------------------------------------------------------------------------------------------- truth
if deb["id_number"].n_unique() != deb.height:
    fail("duplicate debtor ids")
al = "0123456789ABCDEFGHJKLMNPQRTUWXY"
ws = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
for x in deb.iter_rows(named=True):
    i = x["id_number"]
    if x["kind"] == "person":
        if not valid_id(i) or i != i.upper():
            fail("bad id %s" % i)
        if not x["home_address"]:
            fail("person without home %s" % i)
        if x["has_home_delivery"] and not x["on_platforms"]:
            fail("home delivery but not on platforms %s" % i)
        if x["absent"] == x["on_platforms"]:
            fail("absent/on_platforms inconsistent %s" % i)
        if x["n_work"] and not x["work_address"]:
            fail("n_work without work %s" % i)
        if not x["current_phones"]:
            fail("person without phone %s" % i)
    else:
        t_ = 31 - sum(al.index(c) * w for c, w in zip(i[:17], ws)) % 31
        if al[0 if t_ == 31 else t_] != i[17]:
            fail("bad credit code %s" % i)
        if x["home_address"] or x["current_phones"]:
            fail("organisation with home/phones %s" % i)
# absent by design -> never named in a clean row
absent_design = set(ppl.filter(pl.col("flags").list.contains("absent_by_design"))["pid"].to_list())
clean = rec.filter(~pl.col("dirty") & ~pl.col("ambiguous") & (pl.col("source") != "debtors"))
for f in ("holder", "recipient", "receiver", "sender"):
    n = clean.filter(pl.col(f).is_in(list(absent_design))).height
    if n:
        fail("%d clean rows name an absent-by-design debtor as %s" % (n, f))
# violations: open restricted case, after filing, restricted category
cj = vio.join(cases.with_columns(pl.col("case_no")).select("case_no", "status", "restrict", "filing").unique("case_no"), on="case_no", how="left")
if cj.filter((pl.col("status") == "执行完毕") | ~pl.col("restrict") | (pl.col("ordered_at").dt.date() <= pl.col("filing"))).height:
    fail("violation on a closed/unrestricted case or before filing")
if not set(vio["category"]).issubset(set(RESTRICTED)):
    fail("violation outside restricted categories")
if not set(vio["id_number"]).issubset(set(deb["id_number"])):
    fail("violation for a non-debtor")
pid_of = dict(zip(ppl.filter(pl.col("role") == "debtor")["id_number"].str.to_uppercase(), ppl.filter(pl.col("role") == "debtor")["pid"]))
filings = {}
for x in cases.iter_rows(named=True):
    filings.setdefault(x["pid"], set()).add(x["filing"])
rest = clean.filter(pl.col("category").is_in(RESTRICTED))
for x in rest.iter_rows(named=True):
    for f in ("holder", "recipient"):
        if x[f] in filings and x["ordered_at"].date() in filings[x[f]]:
            fail("restricted order on a filing date: %s" % x["record_key"])
dirty_no_person = rec.filter(pl.col("dirty") & pl.col("holder").is_null() & pl.col("receiver").is_null() & ~pl.col("dirt").is_in(
    ["empty_object", "not_json", "nul_padding", "blank_line", "footer"]))
if dirty_no_person.height:
    fail("dirty record without a person: %d" % dirty_no_person.height)
dirt_p = set(ppl.filter(pl.col("role") == "dirt")["pid"].to_list())
dn = rec.filter(pl.col("dirty") & (pl.col("source") != "debtors"))
for f in ("holder", "recipient", "receiver"):
    if dn.filter(pl.col(f).is_not_null() & ~pl.col(f).is_in(list(dirt_p))).height:
        fail("dirty row about a non-dirt person (%s)" % f)
print("\n".join("  note: " + s for s in notes))
print("files", len(seen), "records", rec.height, "clean rows parsed", n_rows, "dirty", rec["dirty"].sum(), "ambiguous", rec["ambiguous"].sum(),
      "persons", (deb["kind"] == "person").sum(), "open", deb["open"].sum(), "home_delivery", deb["has_home_delivery"].sum(),
      "absent", deb["absent"].sum(), "with_work", (deb["n_work"] > 0).sum(), "violations", vio.height)
if bad:
    print("\n".join(bad[:40]))
    print("FAILED", len(bad))
    sys.exit(1)
print("OK")
