#!/usr/bin/env python3
"""check.py DIR: re-read DIR/inbox against shared/specs/inputs.md and check DIR/truth for consistency."""
import csv, io, json, os, re, sys
from collections import Counter, defaultdict

import pyarrow.parquet as pq
import pyarrow as pa

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from worlddata import RESTRICTED, GEO

EC_COLS = ["订单编号", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人", "收货手机", "收货地址", "下单时间", "签收时间", "实付金额", "商品类目"]
RO_COLS = ["案号", "执行法院", "承办人", "被执行人", "证件类型", "证件号码", "联系电话", "户籍地址", "执行标的", "立案日期", "限制消费", "失信", "案件状态"]
WB_COLS = {"waybill_no", "sender_name", "sender_phone", "sender_address", "receiver_name", "receiver_phone", "receiver_address", "pickup_time", "sign_time", "sign_type"}
TIME = re.compile(r"^\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}$")
AMT = re.compile(r"^\d+(\.\d+)?$")
NAME = {"ecommerce": re.compile(r"^([^_]+)_orders_(\d{8})\.csv$"), "social": re.compile(r"^([^_]+)_accounts_(\d{8})\.jsonl$"),
        "logistics": re.compile(r"^([^_]+)_waybills_(\d{8})\.parquet$"), "debtors": re.compile(r"^([^_]+)_roster_(\d{8})\.csv$")}
IDW = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CCS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CCW = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
CODES = {c for _, _, _, _, cities in GEO for _, _, _, ds in cities for _, c, _, _ in ds} | {"650102", "653101", "653201"}
RES = re.compile(r"^.+?(省|自治区|市).*?(区|县|市)[^幢]*?路?.*\d+号.+?\d+幢\d+单元\d+室$")
VIL = re.compile(r"^.+(县|市|区).+(镇|乡).+村\d+组\d+号$")

errors, notes = [], []


def err(msg):
    errors.append(msg)


def id_ok(s):
    return len(s) == 18 and s[:17].isdigit() and "10X98765432"[sum(int(c) * w for c, w in zip(s[:17], IDW)) % 11] == s[17]


def cc_ok(s):
    if len(s) != 18 or any(c not in CCS for c in s):
        return False
    return CCS[(31 - sum(CCS.index(c) * w for c, w in zip(s[:17], CCW)) % 31) % 31] == s[17]


def main(d):
    inbox, truth = os.path.join(d, "inbox"), os.path.join(d, "truth")
    files = {f["file"]: f["what"] for f in json.load(open(os.path.join(truth, "files.json"), encoding="utf-8"))}
    recs = pq.read_table(os.path.join(truth, "records.parquet")).to_pylist()
    people = {p["id_number"]: p for p in pq.read_table(os.path.join(truth, "people.parquet")).to_pylist()}
    deb = pq.read_table(os.path.join(truth, "debtors.parquet")).to_pylist()
    debtor_ids = {x["id_number"] for x in deb}
    by_file = defaultdict(list)
    for r in recs:
        by_file[r["file"]].append(r)
    dates = []
    # ------------------------------------------------------------- names, encodings, headers
    for kind in ("debtors", "ecommerce", "social", "logistics"):
        for fn in sorted(os.listdir(os.path.join(inbox, kind))):
            rel = f"{kind}/{fn}"
            path = os.path.join(inbox, kind, fn)
            raw = open(path, "rb").read()
            what = files.get(rel, "")
            m = NAME[kind].match(fn)
            if not m:
                if "without _" not in what and "without_underscore" not in what:
                    err(f"{rel}: name does not follow the pattern and is not declared")
                else:
                    notes.append(f"{rel}: declared bad name")
            else:
                dates.append(m.group(2))
            if not raw:
                if "empty" not in what:
                    err(f"{rel}: empty but not declared")
                continue
            if kind == "debtors":
                txt = raw.decode("utf-8-sig")
                rows = list(csv.reader(io.StringIO(txt, newline="")))
                if rows[0] != RO_COLS:
                    err(f"{rel}: roster header {rows[0]}")
                for row in rows[1:]:
                    if not row:
                        continue
                    if len(row) != 13:
                        if not any(x["dirt"] for x in by_file[rel]):
                            err(f"{rel}: roster row with {len(row)} fields")
                        continue
                    if row[4] == "居民身份证" and not id_ok(row[5].upper()):
                        err(f"{rel}: bad id {row[5]}")
                    if row[4] == "统一社会信用代码" and not cc_ok(row[5]):
                        err(f"{rel}: bad credit code {row[5]}")
                    if not re.match(r"^\d{4}-\d{2}-\d{2}$", row[9]) or row[10] not in "是否" or row[12] not in ("执行中", "终本", "执行完毕"):
                        err(f"{rel}: bad roster values {row}")
                    if not re.match(r"^[\d,]+(\.\d+)?$", row[8]):
                        err(f"{rel}: bad amount {row[8]}")
            elif kind == "ecommerce":
                enc_ok = True
                try:
                    txt = raw.decode("gb18030")
                except UnicodeDecodeError:
                    enc_ok = False
                utf8 = True
                try:
                    raw.decode("utf-8")
                except UnicodeDecodeError:
                    utf8 = False
                if "wrong encoding" in what:
                    if not utf8:
                        err(f"{rel}: declared UTF-8 but is not")
                    continue
                if not enc_ok or (utf8 and len(raw) > 200):
                    err(f"{rel}: not GB18030 (or also valid UTF-8)")
                rows = list(csv.reader(io.StringIO(txt, newline="")))
                hdr = rows[0]
                if sorted(hdr) != sorted(EC_COLS):
                    err(f"{rel}: header {hdr}")
                if hdr != EC_COLS:
                    notes.append(f"{rel}: columns in another order")
                crlf = b"\r\n" in raw[:400]
                ix = {c: hdr.index(c) for c in hdr}
                rr = [x for x in by_file[rel]]
                data = rows[1:]
                data = [x for x in data if x != []]
                if len(data) != len(rr):
                    err(f"{rel}: {len(data)} rows parsed, records.parquet says {len(rr)}")
                for row, meta in zip(data, rr):
                    clean = meta["dirt"] is None or meta["dirt"].startswith(("duplicate_resend", "superseded", "byte_identical", "file_", "wrong_"))
                    if not clean or meta["dirt"] and meta["dirt"].startswith("file_"):
                        if any(p in debtor_ids for p in meta["person_ids"]):
                            err(f"{rel}:{meta['line']}: dirty row about a debtor")
                        continue
                    if len(row) != 12:
                        err(f"{rel}:{meta['line']}: {len(row)} fields on a clean row")
                        continue
                    if row[ix["订单编号"]] != meta["record_id"]:
                        err(f"{rel}:{meta['line']}: order id mismatch {row[ix['订单编号']]} vs {meta['record_id']}")
                    if not TIME.match(row[ix["下单时间"]]) or (row[ix["签收时间"]] and not TIME.match(row[ix["签收时间"]])):
                        err(f"{rel}:{meta['line']}: time format {row[ix['下单时间']]!r} {row[ix['签收时间']]!r}")
                    if not AMT.match(row[ix["实付金额"]]):
                        err(f"{rel}:{meta['line']}: amount {row[ix['实付金额']]!r}")
                    if bool(row[ix["签收时间"]]) != meta["delivered"]:
                        err(f"{rel}:{meta['line']}: delivered flag mismatch")
            elif kind == "social":
                if "wrong_encoding" in what:
                    try:
                        raw.decode("utf-8")
                        err(f"{rel}: declared wrong encoding but decodes as UTF-8")
                    except UnicodeDecodeError:
                        pass
                    continue
                txt = raw.decode("utf-8")
                lines = txt.split("\n")
                if lines and lines[-1] == "":
                    lines = lines[:-1]
                rr = by_file[rel]
                if len(lines) != len(rr):
                    err(f"{rel}: {len(lines)} lines vs {len(rr)} records")
                for ln, meta in zip(lines, rr):
                    if meta["dirt"]:
                        if any(p in debtor_ids for p in meta["person_ids"]):
                            err(f"{rel}:{meta['line']}: dirty line about a debtor")
                        continue
                    o = json.loads(ln)
                    if o.get("uid") != meta["record_id"]:
                        err(f"{rel}:{meta['line']}: uid mismatch")
                    for x in (o.get("logins") or []) + (o.get("geo_posts") or []):
                        if not re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?(\+08:00|Z)$", x["ts"]):
                            err(f"{rel}:{meta['line']}: ts {x['ts']}")
            else:
                if "truncated" in what:
                    try:
                        pq.read_table(path)
                        err(f"{rel}: declared truncated but readable")
                    except Exception:
                        notes.append(f"{rel}: unreadable as declared")
                    continue
                t = pq.read_table(path)
                cols = set(t.column_names)
                if cols != WB_COLS and "columns" not in what:
                    err(f"{rel}: columns {sorted(cols)}")
                for c in ("pickup_time", "sign_time"):
                    if c in cols:
                        ty = t.schema.field(c).type
                        if not pa.types.is_timestamp(ty) and "string_timestamps" not in what:
                            err(f"{rel}: {c} is {ty}")
                notes.append(f"{rel}: pickup_time {t.schema.field('pickup_time').type}, receiver_name {t.schema.field('receiver_name').type}")
                rr = by_file[rel]
                if t.num_rows != len(rr):
                    err(f"{rel}: {t.num_rows} rows vs {len(rr)} records")
                rows = t.to_pylist()
                for row, meta in zip(rows, rr):
                    if meta["dirt"] and not meta["dirt"].startswith(("duplicate_resend", "superseded")):
                        if any(p in debtor_ids for p in meta["person_ids"]):
                            err(f"{rel}:{meta['line']}: dirty row about a debtor")
                        continue
                    if row["waybill_no"] != meta["record_id"]:
                        err(f"{rel}:{meta['line']}: waybill mismatch")
                    if row["sign_type"] not in (None, "本人签收", "家人代签", "快递柜", "驿站代收", "门卫代收"):
                        err(f"{rel}:{meta['line']}: sign_type {row['sign_type']}")
                    if (row["sign_time"] is None) != (row["sign_type"] is None):
                        err(f"{rel}:{meta['line']}: sign_time/sign_type disagree")
    if max(dates) != "20261127":
        err(f"newest file date {max(dates)}")
    # ------------------------------------------------------------- truth
    cases = pq.read_table(os.path.join(truth, "cases.parquet")).to_pylist()
    open_ids = defaultdict(bool)
    for c in cases:
        open_ids[c["id_number"]] |= c["status"] != "执行完毕"
    on = defaultdict(bool)
    for r in recs:
        if r["dirt"] is None and r["source"] != "debtors":
            for p in r["person_ids"]:
                on[p] = True
    for x in deb:
        i = x["id_number"]
        if x["kind"] == "person":
            if not id_ok(i):
                err(f"truth: bad id {i}")
            if i[:6] not in CODES:
                err(f"truth: unknown county code {i}")
            if not (RES.match(x["home_address"]) or VIL.match(x["home_address"])):
                err(f"truth: home not canonical {x['home_address']}")
            if x["work_address"] and not re.search(r"(\d+号.+大厦\d+室|路\d+号|街\d+号|道\d+号)$", x["work_address"]):
                err(f"truth: work not canonical {x['work_address']}")
            if not all(len(p) == 11 and p.isdigit() for p in x["current_phones"]) or not x["current_phones"]:
                err(f"truth: phones {x['current_phones']}")
        elif not cc_ok(i):
            err(f"truth: bad credit code {i}")
        if x["open"] != open_ids[i]:
            err(f"truth: open mismatch {i}")
        if x["on_platforms"] != on[i]:
            err(f"truth: on_platforms mismatch {i}")
        if x["absent"] != (x["kind"] == "person" and x["open"] and not x["on_platforms"]):
            err(f"truth: absent mismatch {i}")
        if x["kind"] == "person" and x["has_home_delivery"] != any(
                r["dirt"] is None and r["door"] and i in r["person_ids"] and r["dest_address"] == x["home_address"]
                and r["roles"][r["person_ids"].index(i)] != "sender" for r in recs if i in r["person_ids"]):
            err(f"truth: has_home_delivery mismatch {i}")
    vio = pq.read_table(os.path.join(truth, "violations.parquet")).to_pylist()
    ec = {(r["platform"], r["record_id"]) for r in recs if r["source"] == "ecommerce" and r["dirt"] is None}
    for v in vio:
        if (v["platform"], v["order_id"]) not in ec:
            err(f"violation without a clean order {v}")
        if v["category"] not in RESTRICTED:
            err(f"violation category {v}")
        cs = [c for c in cases if c["case_no"] == v["case_no"] and c["id_number"] == v["id_number"]]
        if not cs or cs[0]["status"] == "执行完毕" or not cs[0]["restricted"] or v["ordered_at"].date() <= cs[0]["filing"]:
            err(f"violation not justified {v}")
    if len({(v['id_number'], v['case_no'], v['platform'], v['order_id']) for v in vio}) != len(vio):
        err("duplicate violations")
    n_kind = Counter(x["kind"] for x in deb)
    print(f"debtors {len(deb)} {dict(n_kind)}  open {sum(x['open'] for x in deb)}  absent {sum(x['absent'] for x in deb)}  "
          f"violations {len(vio)}  records {len(recs)}  dirty {sum(1 for r in recs if r['dirt'])}")
    for n in notes[:60]:
        print("note:", n)
    for e in errors[:80]:
        print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
