#!/usr/bin/env python
"""Independent synthetic inbox + truth generator for the debtor-location pipeline.

usage: gen.py --out DIR --seed S --debtors N
"""
import argparse
import csv
import datetime as dt
import io
import json
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pyarrow as pa            # noqa: E402
import pyarrow.parquet as pq    # noqa: E402

from world import World, ASOF, START, rand_time, wchoice        # noqa: E402
from records import Gen, RESTRICTED_NAMES, mask_phone, fmt_phone  # noqa: E402
from geo import BY_DIST                                           # noqa: E402

ECOM_COLS = ["订单编号", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人", "收货手机", "收货地址",
             "下单时间", "签收时间", "实付金额", "商品类目"]
ROSTER_COLS = ["案号", "执行法院", "承办人", "被执行人", "证件类型", "证件号码", "联系电话", "户籍地址", "执行标的",
               "立案日期", "限制消费", "失信", "案件状态"]
WB_COLS = ["waybill_no", "sender_name", "sender_phone", "sender_address", "receiver_name", "receiver_phone",
           "receiver_address", "pickup_time", "sign_time", "sign_type"]
BJT = dt.timezone(dt.timedelta(hours=8))


def csv_line(row):
    b = io.StringIO()
    csv.writer(b, lineterminator="\r\n").writerow(row)
    return b.getvalue()


class Out:
    def __init__(self, root, w, g):
        self.root, self.w, self.g, self.rng = root, w, g, w.rng
        self.lines = []      # (file, line, src, platform, rid, rec_index or -1, dirt reason or None)
        self.qexpect = []

    def path(self, *p):
        fp = os.path.join(self.root, "inbox", *p)
        os.makedirs(os.path.dirname(fp), exist_ok=True)
        return fp

    # ------------------------------------------------------------------ dirt
    def dirt_ecom(self, n, pf):
        """bad rows, all about strangers (so truth does not depend on how they are handled)"""
        rng, w = self.rng, self.w
        strangers = [p for p in w.people if p.role == "stranger"]
        kinds = ["missing_cols", "extra_cols", "bad_date", "bad_amount", "formula", "long", "control",
                 "bad_sign_date", "blank"]
        out = []
        for i in range(n):
            k = kinds[i % len(kinds)]
            p = rng.choice(strangers)
            t = rand_time(rng, START, ASOF - dt.timedelta(days=1))
            oid = f"X{pf[:2].upper()}{rng.randrange(10**10):010d}"
            row = [oid, f"dirt{rng.randrange(10**6)}", p.nm["full"], p.id_number, p.current_phones()[0], p.nm["full"],
                   p.current_phones()[0], p.home.written(rng), t.strftime("%Y/%m/%d %H:%M:%S"),
                   (t + dt.timedelta(days=2)).strftime("%Y/%m/%d %H:%M:%S"), "88.00", "家居日用"]
            if k == "missing_cols":
                row = row[:rng.randint(3, 9)]
            elif k == "extra_cols":
                row = row[:7] + [row[7][:6], row[7][6:]] + row[8:] + ([""] if rng.random() < 0.5 else [])
            elif k == "bad_date":
                row[8] = rng.choice(["2026/13/45 25:61:00", "昨天 下午", "00/00/0000 00:00:00", "2026年11月"])
            elif k == "bad_sign_date":
                row[9] = rng.choice(["#VALUE!", "2026/02/30 10:00:00", "签收"])
            elif k == "bad_amount":
                row[10] = rng.choice(["abc", "12.3.4", "￥", "八十八", "NaN元"])
            elif k == "formula":
                j = rng.choice([5, 7, 2])
                row[j] = rng.choice(['=HYPERLINK("http://t.cn/abc","点击领奖")', "+86 =1+1", "-2+3",
                                     "@SUM(A1:A9)", "=cmd|' /C calc'!A0"])
            elif k == "long":
                row[7] = row[7] + "附近" * 3000
            elif k == "control":
                row[5] = row[5][:1] + "\x07\x1b[31m" + row[5][1:]
            elif k == "blank":
                row = [""] * 12
            out.append((row, k))
        return out

    # ------------------------------------------------------------------ e-commerce
    def write_csv(self, fname, rows, encoding, bom=False, truncate_last=False, header=ECOM_COLS, src="ecommerce",
                  platform=None):
        """rows: list of (row, rec_index, dirt_reason)"""
        parts = [csv_line(header)]
        for ln, (row, ri, dr) in enumerate(rows, start=2):
            parts.append(csv_line(row))
            rid = row[0] if row else ""
            self.lines.append((fname, ln, src, platform, rid, ri, dr))
        if truncate_last and len(parts) > 2:
            last = parts[-1]
            parts[-1] = last[: len(last) // 2]
            f, ln, s, pf, rid, ri, _ = self.lines[-1]
            self.lines[-1] = (f, ln, s, pf, rid, ri, "truncated_last_line")
        text = "".join(parts)
        data = text.encode(encoding)
        if bom:
            data = b"\xef\xbb\xbf" + data
        with open(self.path(src, fname), "wb") as fh:
            fh.write(data)
        return data

    def ecommerce(self):
        rng, g = self.rng, self.g
        by_pf = {}
        for i, r in enumerate(g.recs):
            if r["src"] == "ecommerce":
                by_pf.setdefault(r["platform"], []).append(i)
        for pf in by_pf:
            by_pf[pf].sort(key=lambda i: (g.recs[i]["last"], g.recs[i]["rid"]))
        R = g.recs

        def rows(idx):
            return [(R[i]["row"], i, None) for i in idx]

        def with_dirt(rs, n, pf):
            rs = list(rs)
            for row, k in self.dirt_ecom(n, pf):
                rs.insert(rng.randrange(1, len(rs)), (row, -1, k))
            return rs

        c1, c2, c3 = dt.datetime(2026, 11, 1), dt.datetime(2026, 11, 20), dt.datetime(2026, 11, 13)
        q = by_pf["quanmai"]
        f1 = [i for i in q if R[i]["last"] < c1]
        f2 = [i for i in q if c1 <= R[i]["last"] < c2]
        f3 = [i for i in q if R[i]["last"] >= c3]
        self.write_csv("quanmai_orders_20261031.csv", with_dirt(rows(f1), 27, "quanmai"), "gb18030",
                       platform="quanmai")
        self.write_csv("quanmai_orders_20261120.csv", rows(f2), "gb18030", truncate_last=True, platform="quanmai")
        data = self.write_csv("quanmai_orders_20261127.csv", rows(f3), "gb18030", platform="quanmai")
        with open(self.path("ecommerce", "quanmai_orders_20261127_resend.csv"), "wb") as fh:
            fh.write(data)   # byte-identical re-send: same content hash
        self.qexpect.append(("quanmai_orders_20261127_resend.csv", "identical content: skipped"))
        y = by_pf["youpin"]
        self.write_csv("youpin_orders_20261127.csv", with_dirt(rows(y), 18, "youpin"), "gb18030", platform="youpin")
        sub = sorted(rng.sample(y, min(150, len(y))))
        self.write_csv("youpinorders20261127.csv", rows(sub), "gb18030", platform="youpin")
        k = by_pf["kuaigou"]
        self.write_csv("kuaigou_orders_20261127.csv", with_dirt(rows(k), 18, "kuaigou"), "gb18030",
                       platform="kuaigou")
        open(self.path("ecommerce", "kuaigou_orders_20261126.csv"), "wb").close()
        old = [i for i in k if R[i]["last"] < c2]
        sub = sorted(rng.sample(old, min(250, len(old))))
        self.write_csv("kuaigou_orders_20261120.csv", rows(sub), "utf-8", platform="kuaigou")  # wrong encoding

    # ------------------------------------------------------------------ social
    def social(self):
        rng, g, w = self.rng, self.g, self.w
        idx = [i for i, r in enumerate(g.recs) if r["src"] == "social"]
        strangers = [p for p in w.people if p.role == "stranger"]

        def line(rec):
            return json.dumps(rec, ensure_ascii=False)

        # older snapshot: a third of the accounts, cut at 2026-11-13
        cut = "2026-11-13"
        old = sorted(rng.sample(idx, len(idx) // 3))
        lines = []
        for i in old:
            rec = dict(g.recs[i]["row"])
            rec["logins"] = [x for x in rec.get("logins", []) if x["ts"] < cut]
            rec["geo_posts"] = [x for x in rec.get("geo_posts", []) if x["ts"] < cut]
            lines.append((line(rec), i, None))
        # truncated last line (that account is in the newer file in full)
        lines.append((line(g.recs[old[0]]["row"])[:37], old[0], "truncated_last_line"))
        self._write_jsonl("weiliao_accounts_20261113.jsonl", lines, final_newline=False)
        lines = [(line(g.recs[i]["row"]), i, None) for i in idx]
        bad = [('{"uid": "wl_broken", "nickname": "断了', "not_json"), ("<html>502 Bad Gateway</html>", "not_json"),
               ("", "blank"), ('[1, 2, 3]', "not_object"), ('{"uid": null, "nickname": null}', "no_uid"),
               ('{"uid": "wl_x1", "logins": "昨天", "geo_posts": {"a": 1}}', "wrong_types")]
        for j in range(14):
            p = rng.choice(strangers)
            kind = ["formula", "control", "long", "formula2"][j % 4]
            rec = {"uid": f"wl_d{rng.randrange(10**6)}", "real_name": p.nm["full"], "phone": p.current_phones()[0],
                   "logins": [], "geo_posts": []}
            if kind == "formula":
                rec["nickname"] = '=HYPERLINK("http://evil","x")'
            elif kind == "formula2":
                rec["real_name"] = "@" + p.nm["full"]
            elif kind == "control":
                rec["nickname"] = "坏\x00字\x08符"
            else:
                rec["nickname"] = "长" * 20000
            bad.append((json.dumps(rec, ensure_ascii=False), kind))
        for text, k in bad:
            lines.insert(rng.randrange(1, len(lines)), (text, -1, k))
        self._write_jsonl("weiliao_accounts_20261127.jsonl", lines)

    def _write_jsonl(self, fname, lines, final_newline=True):
        out = []
        for ln, (text, ri, dr) in enumerate(lines, start=1):
            out.append(text)
            rid = self.g.recs[ri]["rid"] if ri >= 0 else ""
            self.lines.append((fname, ln, "social", "weiliao", rid, ri, dr))
        data = "\n".join(out) + ("\n" if final_newline else "")
        with open(self.path("social", fname), "w", encoding="utf-8", newline="") as fh:
            fh.write(data)

    # ------------------------------------------------------------------ logistics
    def logistics(self):
        rng, g, w = self.rng, self.g, self.w
        R = g.recs
        by = {}
        for i, r in enumerate(R):
            if r["src"] == "logistics":
                by.setdefault(r["platform"], []).append(i)
        for k in by:
            by[k].sort(key=lambda i: (R[i]["last"], R[i]["rid"]))
        strangers = [p for p in w.people if p.role == "stranger"]

        def dirt(n, carrier):
            out = []
            kinds = ["null_waybill", "formula", "control", "long", "sign_before_pickup", "bad_sign_type",
                     "null_receiver"]
            for j in range(n):
                k = kinds[j % len(kinds)]
                p = rng.choice(strangers)
                t = rand_time(rng, START, ASOF - dt.timedelta(days=3))
                row = dict(waybill_no=f"{'SF' if carrier == 'fengsu' else 'TX'}9{rng.randrange(10**11):011d}",
                           sender_name="某旗舰店", sender_phone="400-8123456", sender_address="广东省东莞市虎门镇电商产业园3号仓",
                           receiver_name=p.nm["full"], receiver_phone=p.current_phones()[0],
                           receiver_address=p.home.written(rng), pickup_time=t, sign_time=t + dt.timedelta(days=1),
                           sign_type="本人签收")
                if k == "null_waybill":
                    row["waybill_no"] = None
                elif k == "formula":
                    row["receiver_name"] = '=HYPERLINK("http://x","y")'
                elif k == "control":
                    row["receiver_address"] = row["receiver_address"][:4] + "\x1b\x07" + row["receiver_address"][4:]
                elif k == "long":
                    row["receiver_address"] = "很长" * 5000
                elif k == "sign_before_pickup":
                    row["sign_time"] = t - dt.timedelta(days=400)
                elif k == "bad_sign_type":
                    row["sign_type"] = "???"
                else:
                    row["receiver_name"] = None
                    row["receiver_phone"] = None
                    row["receiver_address"] = None
                out.append((row, -1, k))
            return out

        def write(fname, items, tz):
            rows = [it[0] for it in items]
            cols = {c: [r[c] for r in rows] for c in WB_COLS}
            arrays = []
            for c in WB_COLS:
                if c in ("pickup_time", "sign_time"):
                    if tz:
                        vals = [v.replace(tzinfo=BJT) if v is not None else None for v in cols[c]]
                        arrays.append(pa.array(vals, type=pa.timestamp("us", tz="Asia/Shanghai")))
                    else:
                        arrays.append(pa.array(cols[c], type=pa.timestamp("us")))
                else:
                    arrays.append(pa.array(cols[c], type=pa.string()))
            pq.write_table(pa.Table.from_arrays(arrays, names=WB_COLS), self.path("logistics", fname))
            for ln, (row, ri, dr) in enumerate(items, start=1):
                self.lines.append((fname, ln, "logistics", fname.split("_")[0], row["waybill_no"] or "", ri, dr))

        def mix(idx, n, carrier):
            items = [(R[i]["row"], i, None) for i in idx]
            for d in dirt(n, carrier):
                items.insert(rng.randrange(1, len(items)), d)
            return items

        f = by["fengsu"]
        write("fengsu_waybills_20261120.parquet", [(R[i]["row"], i, None) for i in f
                                                   if R[i]["last"] < dt.datetime(2026, 11, 20)], False)
        write("fengsu_waybills_20261127.parquet", mix([i for i in f if R[i]["last"] >= dt.datetime(2026, 11, 10)], 14,
                                                      "fengsu"), False)
        write("tuxi_waybills_20261127.parquet", mix(by["tuxi"], 14, "tuxi"), True)

    # ------------------------------------------------------------------ roster
    def roster(self):
        rng, w = self.rng, self.w
        zj, other = [], []
        for c in w.cases:
            e = c["ent"]
            if c["kind"] == "person":
                cur, old = e.current_phones(), e.old_phones()
                if old:
                    ph = wchoice(rng, [old, old + cur, cur, []], [50, 25, 12, 13])
                else:
                    ph = wchoice(rng, [cur, []], [78, 22])
                sep = rng.choice([";", "；", "、", ",", ";"])
                phones = sep.join(ph)
                if not hasattr(e, "hukou_text"):
                    x = rng.random()
                    if x < 0.2 and e.old_home is not None:
                        e.hukou_text = e.old_home.canon
                    elif x < 0.3:
                        e.hukou_text = e.home.canon
                    else:
                        e.hukou_text = w.home_place(e.hukou_d).canon
                idn = e.id_number
                if idn.endswith("X") and rng.random() < 0.35:
                    idn = idn[:-1] + "x"
                row = [c["case_no"], c["court"], c["judge"], e.nm["full"], "居民身份证", idn, phones, e.hukou_text]
            else:
                phones = rng.choice([e["phone"], e["landline"], f"{e['landline']};{e['phone']}", ""])
                row = [c["case_no"], c["court"], c["judge"], e["name"], "统一社会信用代码", e["id_number"], phones,
                       e["place"].canon]
            amt = c["amount"]
            row += [f"{amt:,.2f}" if rng.random() < 0.6 else f"{amt:.2f}", c["filed"].isoformat(),
                    "是" if c["restrict"] else "否", "是" if c["blacklist"] else "否", c["status"]]
            (zj if c["case_no"][6] == "浙" else other).append((row, -1, None))
        # bad roster rows: extra concluded cases of existing debtors, broken
        people_cases = [c for c in w.cases if c["kind"] == "person"]
        for j, k in enumerate(["bad_date", "bad_amount", "missing_cols", "bad_status", "blank", "extra_cols"]):
            c = rng.choice(people_cases)
            e = c["ent"]
            row = [f"({2020 + j}){c['case_no'][6:11]}执{9000 + j}号", c["court"], c["judge"], e.nm["full"], "居民身份证",
                   e.id_number, "", e.hukou_text, "1000.00", "2021-03-04", "否", "否", "执行完毕"]
            if k == "bad_date":
                row[9] = "2021-02-30"
            elif k == "bad_amount":
                row[8] = "约十万元"
            elif k == "missing_cols":
                row = row[:6]
            elif k == "bad_status":
                row[12] = "已撤销?"
            elif k == "blank":
                row = [""] * 13
            else:
                row = row + ["多余", "列"]
            tgt = zj if c["case_no"][6] == "浙" else other
            tgt.insert(rng.randrange(1, len(tgt)), (row, -1, k))
        self.write_csv("roster_zhejiang_20261127.csv", zj, "utf-8", bom=True, header=ROSTER_COLS, src="debtors")
        self.write_csv("roster-other-provinces-20261127.csv", other, "utf-8", header=ROSTER_COLS, src="debtors")


# ====================================================================== truth
def truth(root, w, g, out):
    R = g.recs
    by_person = {}
    for i, r in enumerate(R):
        for c in r["concerned"]:
            by_person.setdefault(c, []).append(i)
    rows = []
    for p in w.debtor_people:
        mine = by_person.get(p.pid, [])
        hd = any(R[i]["dest"] == "door" and R[i]["delivered"] and R[i]["place"] is p.home for i in mine)
        nw = len({(R[i]["platform"], R[i]["rid"]) for i in mine
                  if R[i]["src"] != "social" and p.work is not None and R[i]["place"] is p.work})
        rows.append(dict(id_number=p.id_number, name=p.nm["full"], kind="person",
                         open=any(c["status"] != "执行完毕" for c in p.cases), on_platforms=bool(mine),
                         absent=not mine, has_home_delivery=hd, home_address=p.home.canon,
                         work_address=p.work.canon if p.work is not None else None, n_work=nw,
                         current_phones=p.current_phones()))
    for o in w.orgs:
        mine = by_person.get("O" + o["id_number"], [])
        rows.append(dict(id_number=o["id_number"], name=o["name"], kind="organisation",
                         open=any(c["status"] != "执行完毕" for c in o["cases"]), on_platforms=bool(mine),
                         absent=False, has_home_delivery=False, home_address=None, work_address=None, n_work=0,
                         current_phones=[o["phone"]]))
    schema = pa.schema([("id_number", pa.string()), ("name", pa.string()), ("kind", pa.string()),
                        ("open", pa.bool_()), ("on_platforms", pa.bool_()), ("absent", pa.bool_()),
                        ("has_home_delivery", pa.bool_()), ("home_address", pa.string()),
                        ("work_address", pa.string()), ("n_work", pa.int64()),
                        ("current_phones", pa.list_(pa.string()))])
    tdir = os.path.join(root, "truth")
    os.makedirs(tdir, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), os.path.join(tdir, "debtors.parquet"))

    # violations
    debt = {p.pid: p for p in w.debtor_people}
    vrows = []
    for r in R:
        if r["src"] != "ecommerce" or r["category"] not in RESTRICTED_NAMES:
            continue
        seen = []
        for q in (r["holder"], r["recipient"]):
            if q in debt and q not in seen:
                seen.append(q)
                for c in debt[q].cases:
                    if c["status"] != "执行完毕" and c["restrict"] and r["t"].date() > c["filed"]:
                        vrows.append(dict(id_number=debt[q].id_number, case_no=c["case_no"], platform=r["platform"],
                                          order_id=r["rid"], ordered_at=r["t"], category=r["category"],
                                          amount=float(r["row"][10]), by_holder=q == r["holder"]))
    vs = pa.schema([("id_number", pa.string()), ("case_no", pa.string()), ("platform", pa.string()),
                    ("order_id", pa.string()), ("ordered_at", pa.timestamp("us")), ("category", pa.string()),
                    ("amount", pa.float64()), ("by_holder", pa.bool_())])
    pq.write_table(pa.Table.from_pylist(vrows, schema=vs), os.path.join(tdir, "violations.parquet"))

    # people
    prow = []
    for p in w.people:
        prow.append(dict(pid=p.pid, role=p.role, debtor=p.debtor, name=p.nm["full"], id_number=p.id_number,
                         related_pid=p.related, household=p.hh[0].pid, home=p.home.canon,
                         old_home=p.old_home.canon if p.old_home is not None else None,
                         move_date=p.move_date, recent_mover=p.recent_mover,
                         work=p.work.canon if p.work is not None else None,
                         work_kind=p.work.kind if p.work is not None else None,
                         current_phones=p.current_phones(), old_phones=p.old_phones(),
                         recycled_from=getattr(p, "recycled_from", None), for_others=p.for_others,
                         violator=p.violator, shared_account=getattr(p, "shared_account", False)))
    pq.write_table(pa.Table.from_pylist(prow), os.path.join(tdir, "people.parquet"))

    # records: every file line -> truth
    rrow = []
    for f, ln, src, pf, rid, ri, dr in out.lines:
        r = R[ri] if ri >= 0 else None
        rrow.append(dict(file=f, line=ln, source=src, platform=pf, record_id=rid, dirt=dr,
                         concerned_pids=[str(x) for x in r["concerned"]] if r else [],
                         holder_pid=r["holder"] if r else None, recipient_pid=r["recipient"] if r else None,
                         dest=r["dest"] if r else None,
                         dest_address=r["place"].canon if r and r["place"] is not None else None,
                         dest_kind=r["place"].kind if r and r["place"] is not None else None,
                         delivered=r["delivered"] if r else None))
    pq.write_table(pa.Table.from_pylist(rrow), os.path.join(tdir, "records.parquet"))
    return rows, vrows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--debtors", type=int, default=2000)
    a = ap.parse_args()
    t0 = time.time()
    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    w = World(a.seed, a.debtors)
    g = Gen(w)
    g.ecommerce()
    g.social()
    g.waybills()
    out = Out(a.out, w, g)
    out.roster()
    out.ecommerce()
    out.social()
    out.logistics()
    rows, vrows = truth(a.out, w, g, out)
    n = len(rows)
    print(f"people={len(w.people)} debtors={n} records={len(g.recs)} lines={len(out.lines)} "
          f"violations={len(vrows)} on_platforms={sum(r['on_platforms'] for r in rows)} "
          f"absent={sum(r['absent'] for r in rows)} home_delivery={sum(r['has_home_delivery'] for r in rows)} "
          f"({time.time() - t0:.1f}s)")


if __name__ == "__main__":
    main()
