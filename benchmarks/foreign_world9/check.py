#!/usr/bin/env python
"""Parse every foreign9 inbox file the way inputs.md says it can be parsed, and check the truth's consistency."""
import csv, io, json, os, sys
import polars as pl
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen import id_check  # noqa

ROOT = sys.argv[1]
INB = os.path.join(ROOT, "inbox")
rec = pl.read_parquet(os.path.join(ROOT, "truth", "records.parquet"))
deb = pl.read_parquet(os.path.join(ROOT, "truth", "debtors.parquet"))
vio = pl.read_parquet(os.path.join(ROOT, "truth", "violations.parquet"))
bad = []


def fail(msg):
    bad.append(msg)


def csv_rows(data, enc):
    text = data.decode(enc, errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    rd = csv.reader(io.StringIO(text, newline=""))
    out = []
    hdr = None
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


by_file = {f: g for f, g in rec.group_by("file")}
by_file = {k[0] if isinstance(k, tuple) else k: v for k, v in by_file.items()}
seen = set()
for kind in ("debtors", "ecommerce", "social", "logistics"):
    for fn in sorted(os.listdir(os.path.join(INB, kind))):
        p = os.path.join(INB, kind, fn)
        seen.add(fn)
        data = open(p, "rb").read()
        R = by_file.get(fn)
        if not data:
            if R is not None and len(R):
                fail("%s: empty file has records" % fn)
            continue
        if kind in ("debtors", "ecommerce"):
            enc = "utf-8" if kind == "debtors" else "gb18030"
            try:
                data.decode(enc)
            except UnicodeDecodeError as e:
                print("  note: %s does not decode strictly as %s (%s)" % (fn, enc, str(e)[:60]))
            hdr, rows = csv_rows(data, enc)
            rows = [(ln, r) for ln, r in rows if r and r != ["\x1a"]]
            id_col = "订单编号" if kind == "ecommerce" else "案号"
            ix = hdr.index(id_col)
            lines = {ln: r for ln, r in rows}
            if R is None:
                fail("%s: no records" % fn)
                continue
            for x in R.iter_rows(named=True):
                r = lines.get(x["line"])
                if r is None:
                    fail("%s:%d: no row there" % (fn, x["line"]))
                    continue
                if not x["dirty"] and kind == "ecommerce" and r[ix].strip() != x["order_id"]:
                    fail("%s:%d: order id %r != %r" % (fn, x["line"], r[ix], x["order_id"]))
                if not x["dirty"] and len(r) < len(hdr) - 0:
                    fail("%s:%d: short clean row" % (fn, x["line"]))
            if len(rows) != len(R):
                fail("%s: %d rows vs %d records" % (fn, len(rows), len(R)))
        elif kind == "social":
            text = data.decode("utf-8")
            lines = text.split("\n")
            ok = 0
            for x in R.iter_rows(named=True):
                s = lines[x["line"] - 1]
                try:
                    o = json.loads(s.lstrip("\ufeff"))
                    good = isinstance(o, dict) and o.get("uid") and ("social|%s|%s" % (x["platform"], o["uid"])) == x["record_key"]
                except Exception:
                    good = False
                if not good and not x["dirty"]:
                    fail("%s:%d: clean line does not parse" % (fn, x["line"]))
                ok += good
            if len(R) != len([s for s in lines if s.strip()]):
                fail("%s: %d records vs %d non-blank lines" % (fn, len(R), len([s for s in lines if s.strip()])))
        else:
            t = pq.read_table(p)
            for c in ["waybill_no", "sender_name", "sender_phone", "sender_address", "receiver_name", "receiver_phone", "receiver_address", "pickup_time", "sign_time", "sign_type"]:
                if c not in t.column_names:
                    fail("%s: missing column %s" % (fn, c))
            if t.num_rows != len(R):
                fail("%s: %d rows vs %d records" % (fn, t.num_rows, len(R)))
            wn = t.column("waybill_no").to_pylist()
            for x in R.iter_rows(named=True):
                if not x["dirty"] and "logistics|%s|%s" % (x["platform"], wn[x["line"] - 1]) != x["record_key"]:
                    fail("%s:%d: waybill mismatch" % (fn, x["line"]))
for f in by_file:
    if f not in seen:
        fail("records name a missing file %s" % f)
# truth
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
al = "0123456789ABCDEFGHJKLMNPQRTUWXY"
ws = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
if deb["id_number"].n_unique() != deb.height:
    fail("duplicate debtor ids")
for x in deb.iter_rows(named=True):
    i = x["id_number"]
    if x["kind"] == "person":
        if len(i) != 18 or id_check(i[:17]) != i[17] or i != i.upper():
            fail("bad id %s" % i)
        if not x["home_address"]:
            fail("person without home %s" % i)
        if x["has_home_delivery"] and not x["on_platforms"]:
            fail("home delivery but not on platforms %s" % i)
        if x["absent"] == x["on_platforms"]:
            fail("absent/on_platforms inconsistent %s" % i)
        if x["n_work"] and not x["work_address"]:
            fail("n_work without work %s" % i)
    else:
        t = 31 - sum(al.index(c) * w for c, w in zip(i[:17], ws)) % 31
        if al[0 if t == 31 else t] != i[17]:
            fail("bad credit code %s" % i)
        if x["home_address"] or x["current_phones"]:
            fail("organisation with home/phones %s" % i)
if not set(vio["id_number"]).issubset(set(deb["id_number"])):
    fail("violation for a non-debtor")
if rec.filter(pl.col("dirty") & pl.col("holder").is_null() & pl.col("receiver").is_null()).height:
    fail("dirty record without a person")
print("files", len(seen), "records", rec.height, "dirty", rec["dirty"].sum(), "ambiguous", rec["ambiguous"].sum(),
      "persons", (deb["kind"] == "person").sum(), "home_delivery", deb["has_home_delivery"].sum(), "violations", vio.height)
if bad:
    print("\n".join(bad[:40]))
    print("FAILED", len(bad))
    sys.exit(1)
print("OK")
