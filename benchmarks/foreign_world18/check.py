#!/usr/bin/env python
"""Parse every foreign18 inbox file with the rules of shared/specs/inputs.md and check the truth's consistency.

    python check.py WORLD_DIR        -> prints OK (exit 0) or the failures (exit 1)
"""
import csv, datetime as dt, io, json, os, re, sys
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen import id_check, EC_COLS, RO_COLS, WB_COLS, RESTRICTED, CC_AL, CC_W, ASOF  # noqa: E402
import geo18 as G  # noqa: E402

ROOT = sys.argv[1]
INB = os.path.join(ROOT, "inbox")
T = os.path.join(ROOT, "truth")
rec = pl.read_parquet(os.path.join(T, "records.parquet"))
deb = pl.read_parquet(os.path.join(T, "debtors.parquet"))
vio = pl.read_parquet(os.path.join(T, "violations.parquet"))
cases = pl.read_parquet(os.path.join(T, "cases.parquet"))
ppl = pl.read_parquet(os.path.join(T, "people.parquet"))
finfo = json.load(open(os.path.join(T, "files.json")))
bad, notes = [], []


def fail(m):
    if len(bad) < 200:
        bad.append(m)


ID_FULL = re.compile(r"^\d{17}[\dXx]$")
ID_MASKS = [re.compile(r"^\d{6}\*{8}\d{3}[\dXx]$"), re.compile(r"^\d{2}\*{14}\d[\dXx]$")]
PHONE_OK = re.compile(r"^(\+86 ?)?1\d{10}$|^1\d{2}[ -]\d{4}[ -]\d{4}$|^1\d{2}\*{4}\d{4}$|^0\d{2,3}-\d{7,8}$")
HAN = "\u3400-\u9fff\U00020000-\U0002ffff"
NAME_MASK = re.compile(r"^[%s](\*{1,2}|\*[%s])$" % (HAN, HAN))
SOC_NAME_MASK = re.compile(r"^[%s](\*{1,2}|[\*某][%s]?)$" % (HAN, HAN))
SIGN_TYPES = {"本人签收", "家人代签", "快递柜", "驿站代收", "门卫代收"}
FN_RE = {"ecommerce": re.compile(r"^([^_]+)_orders_(\d{8})\.csv$"), "social": re.compile(r"^([^_]+)_accounts_(\d{8})\.jsonl$"),
         "logistics": re.compile(r"^([^_]+)_waybills_(\d{8})\.parquet$"), "debtors": re.compile(r"^([^_]+)_roster_(\d{8})(_\d+)?\.csv$")}
CASE_RE = re.compile(r"^(\(\d{4}\)|（\d{4}）)[黔赣皖湘豫]\d{2}(\d{2})?执恢?\d+号$")


def valid_id(s):
    return bool(ID_FULL.match(s)) and id_check(s[:17]) == s[17].upper()


def valid_cc(s):
    if len(s) != 18 or any(c not in CC_AL for c in s):
        return False
    t = 31 - sum(CC_AL.index(c) * w for c, w in zip(s[:17], CC_W)) % 31
    return CC_AL[0 if t == 31 else t] == s[17]


def csv_rows(text):
    """(header, [(physical start line, cells)])"""
    rd = csv.reader(io.StringIO(text, newline=""))
    hdr, out, prev_end = None, [], 1
    while True:
        try:
            row = next(rd)
        except StopIteration:
            break
        except csv.Error as e:
            fail("csv error %s" % e)
            break
        if hdr is None:
            hdr = row
            prev_end = rd.line_num
            continue
        out.append((prev_end + 1, row))
        prev_end = rd.line_num
    return hdr, out


by_file = {f[0]: g for f, g in rec.group_by("file")}
lanma_cols = {}
newest = {}
n_rows = 0
n_gbk = []
n_int_phone = [0]
n_lanma = [0]
for kind in ("debtors", "ecommerce", "social", "logistics"):
    for fn in sorted(os.listdir(os.path.join(INB, kind))):
        m = FN_RE[kind].match(fn)
        if not m:
            notes.append("%s: name does not follow the pattern" % fn)
        else:
            newest[kind] = max(newest.get(kind, ""), m.group(2))
        data = open(os.path.join(INB, kind, fn), "rb").read()
        R = by_file.get(fn)
        info = finfo.get(fn)
        if info is None:
            fail("%s: not in files.json" % fn)
            continue
        if info.get("unreadable"):
            if R is not None and len(R):
                fail("%s: records for an unreadable file" % fn)
            if kind == "logistics" and not data.startswith(b"ORC"):
                fail("%s: unreadable parquet is not an ORC file" % fn)
            if kind == "ecommerce":
                try:
                    data.decode("gb18030").encode("gb18030")
                    csv_ok = data.decode("gb18030").startswith(EC_COLS[0])
                except UnicodeDecodeError:
                    csv_ok = False
                if csv_ok:
                    fail("%s: marked unreadable but decodes as a CSV" % fn)
            if kind == "logistics":
                try:
                    pq.read_table(os.path.join(INB, kind, fn))
                    fail("%s: marked unreadable but reads" % fn)
                except Exception as e:  # noqa: BLE001
                    notes.append("%s: unreadable on purpose (%s: %s)" % (fn, type(e).__name__, str(e)[:60]))
                    continue
            notes.append("%s: unreadable on purpose (%s)" % (fn, info.get("actual")))
            continue
        if not data:
            if R is not None and len(R):
                fail("%s: empty file has records" % fn)
            notes.append("%s: empty (0 bytes)" % fn)
            continue
        if kind in ("debtors", "ecommerce"):
            enc = info["encoding"]
            want = "utf-8" if kind == "debtors" else "gb18030"
            if enc != want:
                notes.append("%s: %s where the spec says %s (records ambiguous)" % (fn, enc, want))
                if R is not None and not R["ambiguous"].all():
                    fail("%s: wrong-encoding file with non-ambiguous records" % fn)
                if kind == "debtors":
                    try:
                        data.decode("utf-8")
                        fail("%s: wrong-encoding roster decodes as UTF-8" % fn)
                    except UnicodeDecodeError:
                        pass
            if b"\r" in data[:4000] and b"\n" not in data[:4000]:
                notes.append("%s: CR-only line ends (records ambiguous)" % fn)
                if R is not None and not R["ambiguous"].all():
                    fail("%s: CR-only file with non-ambiguous records" % fn)
            if data.startswith(b"\xef\xbb\xbf"):
                if kind == "ecommerce" and enc == "gb18030":
                    fail("%s: BOM in a GB18030 e-commerce file" % fn)
                if not info.get("bom"):
                    fail("%s: BOM not in files.json" % fn)
                data = data[3:]
            elif info.get("bom"):
                fail("%s: files.json says BOM" % fn)
            if info.get("line_end") == "mixed":
                head = data.split(b"\n", 1)[0]
                if not head.endswith(b"\r") or b"\r\n" in data.split(b"\n", 1)[1][:20000]:
                    fail("%s: not a CRLF header with LF rows" % fn)
                notes.append("%s: CRLF header, LF rows" % fn)
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as e:
                if not info.get("truncated"):
                    fail("%s: does not decode as %s: %s" % (fn, enc, e))
                    continue
                notes.append("%s: truncated inside a multi-byte character (%s)" % (fn, e.reason))
                text = data.decode(enc, errors="replace")
            if kind == "ecommerce" and enc == "gb18030":
                try:
                    data.decode("gbk")
                except UnicodeDecodeError:
                    n_gbk.append(fn)
            hdr, rows = csv_rows(text)
            need = RO_COLS if kind == "debtors" else EC_COLS
            if sorted(hdr) != sorted(need):
                fail("%s: header %s" % (fn, hdr))
                continue
            ix = {c: hdr.index(c) for c in need}
            if R is None:
                if rows:
                    fail("%s: rows but no records" % fn)
                if not info.get("header_only"):
                    fail("%s: header-only file not flagged" % fn)
                notes.append("%s: header only" % fn)
                continue
            lines = dict(rows)
            n_rows += len(rows)
            if len(rows) != len(R) or len(rows) != info["rows"]:
                fail("%s: %d rows vs %d records vs files.json %d" % (fn, len(rows), len(R), info["rows"]))
            for x in R.iter_rows(named=True):
                r = lines.get(x["line"])
                if r is None:
                    fail("%s:%d: no row there" % (fn, x["line"]))
                    continue
                if x["dirty"]:
                    continue
                if x["ambiguous"]:
                    if not any("\n" in v for v in r):
                        fail("%s:%d: ambiguous row without a line break" % (fn, x["line"]))
                    continue
                if len(r) != len(hdr):
                    fail("%s:%d: clean row with %d cells" % (fn, x["line"], len(r)))
                    continue
                g = {c: r[i] for c, i in ix.items()}
                if any(ord(ch) < 32 for v in g.values() for ch in v):
                    fail("%s:%d: control character in a clean row" % (fn, x["line"]))
                if kind == "ecommerce":
                    if g["订单编号"] != x["order_id"] or x["record_key"] != "ec:%s:%s" % (x["platform"], x["order_id"]):
                        fail("%s:%d: order id / record key" % (fn, x["line"]))
                    mm_ = m or FN_RE[kind].match(info.get("copy_of") or "")
                    try:
                        t = dt.datetime.strptime(g["下单时间"], "%Y/%m/%d %H:%M:%S")
                        if g["签收时间"]:
                            s = dt.datetime.strptime(g["签收时间"], "%Y/%m/%d %H:%M:%S")
                            if s < t:
                                fail("%s:%d: signed before ordered" % (fn, x["line"]))
                            if mm_ and s.date() >= dt.date.fromisoformat(mm_.group(2)[:4] + "-" + mm_.group(2)[4:6] + "-" + mm_.group(2)[6:]):
                                fail("%s:%d: signed on/after the export date" % (fn, x["line"]))
                        float(g["实付金额"])
                    except ValueError as e:
                        fail("%s:%d: clean row does not parse: %s" % (fn, x["line"], e))
                        continue
                    if t != x["ordered_at"]:
                        fail("%s:%d: order time differs from truth" % (fn, x["line"]))
                    mm_ = m or FN_RE[kind].match(info.get("copy_of") or "")
                    if t.date() >= ASOF or (mm_ and t.date() >= dt.date.fromisoformat(mm_.group(2)[:4] + "-" + mm_.group(2)[4:6] + "-" + mm_.group(2)[6:])):
                        fail("%s:%d: order on/after the export date" % (fn, x["line"]))
                    if bool(g["签收时间"]) != bool(x["delivered"]):
                        fail("%s:%d: delivered flag" % (fn, x["line"]))
                    idf = g["实名证件号"]
                    if idf and not (valid_id(idf) or any(mm.match(idf) for mm in ID_MASKS)):
                        fail("%s:%d: ID form %r" % (fn, x["line"], idf))
                    if "*" in g["实名姓名"] and not NAME_MASK.match(g["实名姓名"]):
                        fail("%s:%d: name mask %r" % (fn, x["line"], g["实名姓名"]))
                    for c in ("绑定手机", "收货手机"):
                        if not PHONE_OK.match(g[c]):
                            fail("%s:%d: %s %r" % (fn, x["line"], c, g[c]))
                    if g["收货地址"] != x["raw_address"]:
                        fail("%s:%d: raw address differs" % (fn, x["line"]))
                    for c in ("收货地址", "收货人"):
                        if g[c][:1] in "=+-@":
                            fail("%s:%d: clean %s starts like a formula" % (fn, x["line"], c))
                    if x["door"] and (not x["delivered"] or x["dest_kind"] not in ("home", "work", "other")):
                        fail("%s:%d: door flag" % (fn, x["line"]))
                else:
                    idn = g["证件号码"]
                    if g["证件类型"] == "居民身份证":
                        if not valid_id(idn):
                            fail("%s:%d: bad ID %r" % (fn, x["line"], idn))
                    elif g["证件类型"] == "统一社会信用代码":
                        if not valid_cc(idn):
                            fail("%s:%d: bad credit code %s" % (fn, x["line"], idn))
                    else:
                        fail("%s:%d: ID type %s" % (fn, x["line"], g["证件类型"]))
                    try:
                        dt.date.fromisoformat(g["立案日期"])
                        float(g["执行标的"].replace(",", ""))
                    except ValueError as e:
                        fail("%s:%d: clean roster row does not parse: %s" % (fn, x["line"], e))
                    if g["案件状态"] not in ("执行中", "终本", "执行完毕") or g["限制消费"] not in ("是", "否") or g["失信"] not in ("是", "否"):
                        fail("%s:%d: status/flags" % (fn, x["line"]))
                    for ph in re.split(r"[;；、,]\s*", g["联系电话"]) if g["联系电话"] else []:
                        if not PHONE_OK.match(ph):
                            fail("%s:%d: roster phone %r" % (fn, x["line"], ph))
                    if not CASE_RE.match(g["案号"]):
                        fail("%s:%d: case number %s" % (fn, x["line"], g["案号"]))
                    if x["record_key"] != "ro:" + g["案号"]:
                        fail("%s:%d: roster record key" % (fn, x["line"]))
        elif kind == "social":
            if data.startswith(b"\xef\xbb\xbf"):
                notes.append("%s: starts with a UTF-8 BOM (first line ambiguous)" % fn)
                data = data[3:]
                r1 = R.filter(pl.col("line") == 1) if R is not None else None
                if r1 is None or not len(r1) or not r1["ambiguous"].all():
                    fail("%s: first line after a BOM is not ambiguous" % fn)
            if b"\r\n" in data[:100000]:
                notes.append("%s: CRLF line ends" % fn)
            if info.get("ensure_ascii") and any(b > 127 for b in data[:200000]):
                fail("%s: ensure_ascii file has raw non-ASCII bytes" % fn)
            text = data.decode("utf-8")
            lines = text.split("\n")
            if lines and lines[-1] == "":
                lines = lines[:-1]
            nonblank = [i + 1 for i, l in enumerate(lines) if l.strip()]
            n_rows += len(nonblank)
            if R is None or len(R) != len(nonblank) or set(R["line"].to_list()) != set(nonblank):
                fail("%s: %d non-blank lines vs %s records" % (fn, len(nonblank), None if R is None else len(R)))
                continue
            mm_ = m or FN_RE[kind].match(info.get("copy_of") or "")
            fdate = dt.date.fromisoformat("%s-%s-%s" % (mm_.group(2)[:4], mm_.group(2)[4:6], mm_.group(2)[6:]))
            for x in R.iter_rows(named=True):
                ln = lines[x["line"] - 1].rstrip("\r")
                try:
                    o = json.loads(ln)
                    ok = isinstance(o, dict)
                except ValueError:
                    ok = False
                if x["dirty"]:
                    continue
                if not ok:
                    fail("%s:%d: clean line is not a JSON object" % (fn, x["line"]))
                    continue
                if o.get("uid") in (None, "") or x["record_key"] != "so:%s:%s" % (x["platform"], o["uid"]):
                    fail("%s:%d: uid" % (fn, x["line"]))
                gp = o.get("geo_posts")
                if isinstance(gp, str):
                    gp = json.loads(gp)
                for l in (o.get("logins") or []) + (gp or []):
                    try:
                        t = dt.datetime.fromisoformat(l["ts"].replace("Z", "+00:00"))
                        if t.tzinfo is None:
                            fail("%s:%d: naive ts" % (fn, x["line"]))
                        if t.astimezone(dt.timezone(dt.timedelta(hours=8))).date() >= fdate:
                            fail("%s:%d: ts on/after the export" % (fn, x["line"]))
                    except (ValueError, KeyError):
                        fail("%s:%d: ts %r" % (fn, x["line"], l.get("ts")))
                rn = o.get("real_name")
                if rn and ("*" in rn or "某" in rn[1:3]) and not SOC_NAME_MASK.match(rn):
                    fail("%s:%d: real_name %r" % (fn, x["line"], rn))
                idn = o.get("id_no")
                if idn and not (valid_id(idn) or any(mm.match(idn) for mm in ID_MASKS)):
                    fail("%s:%d: id_no %r" % (fn, x["line"], idn))
                if isinstance(o.get("phone"), int):
                    n_int_phone[0] += 1
                if o.get("phone") and not PHONE_OK.match(str(o["phone"])):
                    fail("%s:%d: phone %r" % (fn, x["line"], o["phone"]))
        else:
            if not data.startswith(b"PAR1") or info.get("not_parquet"):
                notes.append("%s: not a Parquet file (%r...)" % (fn, data[:20]))
                if R is not None and len(R):
                    fail("%s: records for a non-parquet file" % fn)
                if not info.get("not_parquet"):
                    fail("%s: unexpected non-parquet" % fn)
                continue
            t = pq.read_table(os.path.join(INB, kind, fn))
            if set(WB_COLS) - set(t.column_names):
                fail("%s: columns %s" % (fn, t.column_names))
                continue
            if set(t.column_names) - set(WB_COLS):
                notes.append("%s: extra columns %s" % (fn, sorted(set(t.column_names) - set(WB_COLS))))
            for c in ("pickup_time", "sign_time"):
                if c == "sign_time" and info.get("pending") and pa.types.is_null(t.schema.field(c).type):
                    notes.append("%s: sign_time has Arrow type null (in-transit snapshot)" % fn)
                    continue
                if not pa.types.is_timestamp(t.schema.field(c).type):
                    fail("%s: %s is %s" % (fn, c, t.schema.field(c).type))
                elif info.get("ts_type", "").split(",")[0].split("[")[-1].split("]")[0] != t.schema.field(c).type.unit:
                    fail("%s: %s unit %s vs files.json %s" % (fn, c, t.schema.field(c).type.unit, info.get("ts_type")))
            for c in WB_COLS:
                ty = t.schema.field(c).type
                if c not in ("pickup_time", "sign_time") and not (pa.types.is_string(ty) or pa.types.is_large_string(ty) or (c == "sign_type" and info.get("pending") and pa.types.is_null(ty))):
                    fail("%s: %s is %s" % (fn, c, ty))
            rows = t.select(WB_COLS).to_pylist()
            if "receiver_district" in t.column_names:
                lanma_cols[fn] = ["".join(v or "" for v in z) for z in zip(*[t.column(c).to_pylist() for c in ("receiver_province", "receiver_city", "receiver_district")])]
            for w in rows:
                for c in ("pickup_time", "sign_time"):
                    if w[c] is not None and w[c].tzinfo is not None:
                        w[c] = w[c].astimezone(dt.timezone(dt.timedelta(hours=8))).replace(tzinfo=None)
            n_rows += len(rows)
            if not rows:
                notes.append("%s: zero-row parquet" % fn)
                continue
            if R is None or len(R) != len(rows):
                fail("%s: %d rows vs records" % (fn, len(rows)))
                continue
            seen_no = set()
            for x in R.iter_rows(named=True):
                w = rows[x["line"] - 1]
                if x["dirty"]:
                    continue
                if not w["waybill_no"] or w["waybill_no"] in seen_no:
                    fail("%s:%d: waybill_no" % (fn, x["line"]))
                seen_no.add(w["waybill_no"])
                if x["record_key"] != "wb:%s:%s" % (x["platform"], w["waybill_no"]):
                    fail("%s:%d: record key" % (fn, x["line"]))
                if (w["sign_time"] is None) != (w["sign_type"] is None):
                    fail("%s:%d: sign time vs type" % (fn, x["line"]))
                if w["sign_type"] is not None and w["sign_type"] not in SIGN_TYPES:
                    fail("%s:%d: sign_type %s" % (fn, x["line"], w["sign_type"]))
                if w["sign_time"] is not None and w["sign_time"] < w["pickup_time"]:
                    fail("%s:%d: sign before pickup" % (fn, x["line"]))
                if w["pickup_time"].date() >= ASOF:
                    fail("%s:%d: pickup after as-of" % (fn, x["line"]))
                fd_ = dt.date.fromisoformat("%s-%s-%s" % (m.group(2)[:4], m.group(2)[4:6], m.group(2)[6:]))
                if w["pickup_time"].date() >= fd_ or (w["sign_time"] is not None and w["sign_time"].date() >= fd_):
                    fail("%s:%d: waybill time on/after the export date" % (fn, x["line"]))
                for c in ("receiver_phone", "sender_phone"):
                    if w[c] and not (PHONE_OK.match(w[c]) or re.match(r"^400\d{7}$", w[c])):
                        fail("%s:%d: %s %r" % (fn, x["line"], c, w[c]))
                if x["door"] and w["sign_type"] not in ("本人签收", "家人代签"):
                    fail("%s:%d: door without door signing" % (fn, x["line"]))
                if w["receiver_address"] != x["raw_address"]:
                    fail("%s:%d: raw address" % (fn, x["line"]))
                if "receiver_district" in t.column_names:
                    pre = lanma_cols[fn][x["line"] - 1]
                    if x["dest_canonical"] and not x["dest_canonical"].startswith(pre):
                        fail("%s:%d: split address columns %s vs %s" % (fn, x["line"], pre, x["dest_canonical"]))
                    n_lanma[0] += 1
                for c in ("receiver_name", "receiver_address", "sender_name"):
                    if w[c] and (w[c][:1] in "=+-@" or any(ord(ch) < 32 for ch in w[c])):
                        fail("%s:%d: clean %s is formula-like or has control chars" % (fn, x["line"], c))

# ---- truth consistency
files = set()
for k in ("debtors", "ecommerce", "social", "logistics"):
    files |= set(os.listdir(os.path.join(INB, k)))
for f in by_file:
    if f not in files:
        fail("truth names a missing file %s" % f)
if set(finfo) != files:
    fail("files.json does not list exactly the inbox files")
if max(newest.values()) != ASOF.strftime("%Y%m%d"):
    fail("newest export %s" % max(newest.values()))
pids = set(ppl["pid"].to_list())
for c in ("holder", "recipient", "receiver", "sender"):
    if set(rec[c].drop_nulls().to_list()) - pids:
        fail("records.%s names unknown people" % c)
if len(rec.filter(pl.col("line").is_null() | pl.col("file").is_null())):
    fail("records without file/line")
if rec.select(["file", "line"]).is_duplicated().any():
    fail("two records on one line")
for r in deb.iter_rows(named=True):
    if r["kind"] == "person":
        if not valid_id(r["id_number"]) or r["id_number"] != r["id_number"].upper():
            fail("truth id %s" % r["id_number"])
        if r["home_address"] is None:
            fail("person without a home %s" % r["id_number"])
        if r["absent"] == r["on_platforms"]:
            fail("absent xor on_platforms %s" % r["id_number"])
        if not r["current_phones"]:
            fail("person without a phone %s" % r["id_number"])
    elif not valid_cc(r["id_number"]):
        fail("truth credit code %s" % r["id_number"])
if deb["id_number"].n_unique() != len(deb):
    fail("duplicate debtor ids")
if cases["case_no"].n_unique() != len(cases.filter(~pl.col("co_debtor"))):
    fail("case numbers not unique")
if set(cases["id_number"].to_list()) != set(deb["id_number"].to_list()):
    fail("cases and debtors disagree")
# every clean roster record of the newest rosters is a case
ro_new = rec.filter((pl.col("source") == "debtors") & ~pl.col("dirty") & (pl.col("dup_of").is_null()))
if set(ro_new["record_key"].str.slice(3).to_list()) != set(cases["case_no"].to_list()):
    fail("newest roster rows and cases disagree")
clean = rec.filter(~pl.col("dirty") & ~pl.col("ambiguous") & (pl.col("source") != "debtors"))
idp = {r["id_number"].upper(): r["pid"] for r in ppl.iter_rows(named=True)}
for r in deb.filter(pl.col("has_home_delivery")).iter_rows(named=True):
    pid = idp[r["id_number"]]
    hits = clean.filter(pl.col("door") & ((pl.col("recipient") == pid) | (pl.col("receiver") == pid) | (pl.col("holder") == pid))
                        & (pl.col("dest_canonical") == r["home_address"]))
    if not len(hits):
        fail("has_home_delivery without a record %s" % r["id_number"])
PREFIXES = tuple(G.CITIES[d["city"]]["prov"] + G.CITIES[d["city"]]["name"] + d["name"] for d in G.D.values()) + \
    tuple(v[0] + v[1] + v[2] for v in G.HUKOU.values())
BAD_IN_CANON = ["开发区", "新区", "旅游区", "平坝县", "铜官山区", "狮子山区", "铜陵县", "安庆市枞阳", "芷江县", "镇宁县", "工人村", "宿舍", "巷子",
                "公交", "站台", "冲", "垅", "寨", "煤矿", "座", "#", "（", "(", " ", "　", "０", "５", "Ａ", "Ｂ", "村委会"]
WRITTEN_RE = re.compile(r"\d+-\d+|[a-f][栋幢]|[一二三四五六]区|(?<!萍)乡")
for col in ("dest_canonical", "sender_canonical"):
    for v in sorted(set(clean[col].drop_nulls().to_list())):
        base = v.split("|")[0]
        if not base.startswith(PREFIXES):
            fail("canonical %s without a current prefix: %s" % (col, v))
        if any(b in base for b in BAD_IN_CANON) or WRITTEN_RE.search(base):
            fail("canonical %s holds a written form: %s" % (col, v))
for v in deb["home_address"].drop_nulls().to_list():
    if not v.startswith(PREFIXES):
        fail("home without a current prefix %s" % v)
# old county codes on ID cards
OLD = {o for lst in G.OLD_CODES.values() for o, _, _ in lst}
n_old = sum(1 for v in deb.filter(pl.col("kind") == "person")["id_number"].to_list() if v[:6] in OLD)
notes.append("%d person debtors carry an old county code on their ID" % n_old)
if n_old < 20:
    fail("too few old county codes")
case_ids = set(cases["case_no"].to_list())
ords = {(r["platform"], r["order_id"]): r for r in clean.filter(pl.col("source") == "ecommerce").iter_rows(named=True)}
cinfo = {r["case_no"]: r for r in cases.iter_rows(named=True)}
for v in vio.iter_rows(named=True):
    if v["case_no"] not in case_ids:
        fail("violation of an unknown case")
        continue
    o = ords.get((v["platform"], v["order_id"]))
    if o is None or o["category"] not in RESTRICTED:
        fail("violation without a restricted order %s" % v["order_id"])
        continue
    c = cinfo[v["case_no"]]
    if c["status"] == "执行完毕" or not c["restrict"] or v["ordered_at"].date() <= c["filing"]:
        fail("violation of a case that does not restrict %s" % v["case_no"])
# restricted categories match data/restricted_categories.csv, near misses do not
RC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "restricted_categories.csv")
if os.path.exists(RC):
    kws = [(r["关键词"].split("+"), (r["排除词"] or "").split("|")) for r in pl.read_csv(RC).iter_rows(named=True)]

    def restricted(cat):
        return any(all(k in cat for k in ks) and not any(e and e in cat for e in ex) for ks, ex in kws)
    for cat in sorted(set(rec["category"].drop_nulls().to_list())):
        if restricted(cat) != (cat in RESTRICTED):
            fail("category %s: keyword table says %s" % (cat, restricted(cat)))
# dirt is only about dirt people
dirt_pids = set(ppl.filter(pl.col("role") == "dirt")["pid"].to_list())
for x in rec.filter(pl.col("dirty")).iter_rows(named=True):
    who = {x[c] for c in ("holder", "recipient", "receiver", "sender") if x[c] is not None}
    if not who or not who <= dirt_pids:
        fail("dirty record about a non-dirt person %s:%s" % (x["file"], x["line"]))
n_dirty = rec["dirty"].sum()
if n_dirty < 10:
    fail("too little dirt")
print("files %d, rows %d, records %d (%d dirty, %d ambiguous, %d re-sent), debtors %d (%d persons, %d open, %d absent, %d with home delivery), "
      "violations %d" % (len(files), n_rows, len(rec), n_dirty, rec["ambiguous"].sum(), rec["dup_of"].is_not_null().sum(), len(deb),
                          (deb["kind"] == "person").sum(), deb["open"].sum(), deb["absent"].sum(), deb["has_home_delivery"].sum(), len(vio)))
print("rows by source:", dict(sorted(rec.group_by("source").len().iter_rows())))
notes.append("%d GB18030 files do not decode as GBK" % len(n_gbk))
raw = [v for v in clean["raw_address"].drop_nulls().to_list()]
HABITS = {"mine compound": r"工人村|职工住宅区|矿住宅区|矿宿舍", "冲/垅 natural village": "|".join(G.NAT_HH),
          "letter building": r"[A-Fa-fＡ-Ｆ]([栋座幢]\d|-\d+-\d|\d-\d)", "bus stop": r"公交站|站台", "新村 N区": r"[0-9一二三四五六]区(\d+栋|\d+-\d)",
          "巷子": r"巷子", "former 乡": "|".join(G.FORMER_XIANG.values()), "枞阳 under 安庆": r"安庆市?枞阳",
          "寨 for 组": "|".join(G.NAT_AS), "old names/zones": r"平坝县|铜官山区|狮子山区|铜陵县|芷江县|镇宁县|淇滨新区|开发区|黄果树旅游区"}
for k, pat in HABITS.items():
    n_h = sum(1 for v in raw if re.search(pat, v))
    notes.append("habit %s: %d clean raw addresses" % (k, n_h))
    if n_h < 5:
        fail("habit %s too rare (%d)" % (k, n_h))
notes.append("%d social lines with a JSON-integer phone; %d lanma rows checked against their split address columns" % (n_int_phone[0], n_lanma[0]))
# the unreadable files are replaced by a later file
for fn, info in finfo.items():
    if info.get("unreadable") and info.get("replaced_by") not in finfo:
        fail("%s: replacement %s missing" % (fn, info.get("replaced_by")))
# every re-sent record points at an existing file or 'older'
for x in rec.filter(pl.col("dup_of").is_not_null()).iter_rows(named=True):
    if x["dup_of"] != "older" and x["dup_of"] not in finfo:
        fail("dup_of names an unknown file %s" % x["dup_of"])
        break
for n in notes:
    print("note:", n)
if bad:
    print("\n".join(bad))
    sys.exit(1)
print("OK")
