"""Write the world to an inbox (exactly as platforms export it, dirt included) and the truth."""
from __future__ import annotations

import csv
import io
import json
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from .events import Traces
from .world import COURTS, Case, Org, Person, World

ROSTER_COLUMNS = ["案号", "执行法院", "承办人", "被执行人", "证件类型", "证件号码", "联系电话", "户籍地址", "执行标的", "立案日期", "限制消费", "失信", "案件状态"]
ORDER_COLUMNS = ["订单编号", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人", "收货手机", "收货地址", "下单时间", "签收时间", "实付金额", "商品类目"]
WAYBILL_COLUMNS = ["waybill_no", "sender_name", "sender_phone", "sender_address", "receiver_name", "receiver_phone",
                   "receiver_address", "pickup_time", "sign_time", "sign_type"]
WAYBILL_SCHEMA = pa.schema([(c, pa.timestamp("us") if c.endswith("_time") and c != "sign_type" else pa.string()) for c in WAYBILL_COLUMNS])

# Dirty kinds after which the row still carries its facts (a reader that escapes or trims keeps it).
SOFT_DIRT = {"formula", "control_chars", "long_string", "bad_amount", "extra_columns_harmless"}


def _csv_line(fields: list[str]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow(fields)
    return buf.getvalue()


def _ts(t: datetime | None) -> str:
    return "" if t is None else t.strftime("%Y/%m/%d %H:%M:%S")


def _amount_str(a: float, r: np.random.Generator) -> str:
    if r.random() < 0.1 and a == int(a):
        return str(int(a))
    return f"{a:.2f}"


class Renderer:
    def __init__(self, w: World, tr: Traces, out: Path):
        self.w, self.tr, self.out = w, tr, out
        self.r = w.r_render
        self.inbox = out / "inbox"
        self.truth_rows: list[dict] = []
        self.dirty = Counter()
        self.dirty_by_file: dict[str, Counter] = {}
        self.files: dict[str, int] = {}
        self.day = f"{w.as_of:%Y%m%d}"
        self.duplicates = 0

    def _dirt(self, file: str, kind: str, n: int = 1) -> None:
        self.dirty[kind] += n
        self.dirty_by_file.setdefault(file, Counter())[kind] += n

    # ------------------------------------------------------------------ truth helpers
    def _truth(self, source_kind: str, platform: str, file: str, line: int, rec: dict, record_id: str,
               item: str, dirty: str | None, event_time, place=None, place_kind=None, item_index=None,
               also_in: str | None = None) -> None:
        s: Person | None = rec.get("_subject")
        o: Person | None = rec.get("_owner")
        place = place if place is not None else rec.get("_place")
        self.truth_rows.append({
            "source_kind": source_kind, "platform": platform, "file": file, "line": line,
            "record_id": record_id, "item": item, "item_index": item_index, "role": rec.get("_role"),
            "true_id_number": s.id_number if s is not None and s.debtor else None,
            "person_key": s.key if s is not None else None,
            "account_true_id_number": o.id_number if o is not None and o.debtor else None,
            "account_person_key": o.key if o is not None else None,
            "place_kind": place_kind if place_kind is not None else rec.get("_place_kind"),
            "place_address": place.canonical if place is not None else None,
            "event_time": event_time, "delivered": rec.get("_delivered"),
            "dirty": dirty, "also_in_file": also_in,
            "category_restricted": rec.get("_restricted") if item == "order" else None,
            "order_time": rec.get("order_time") if item == "order" else None,
        })

    # ------------------------------------------------------------------ roster
    def roster(self) -> None:
        r = self.r
        w = self.w
        d = self.inbox / "debtors"
        d.mkdir(parents=True, exist_ok=True)
        # a few extra, dirty cases for people who also have a clean open case
        open_people = list({c.debtor.key: c.debtor for c in w.cases
                            if isinstance(c.debtor, Person) and c.status != "执行完毕"}.values())
        dirty_plan = {0: ["bad_date", "bad_amount", "missing_columns", "control_chars"], 1: ["bad_date", "extra_columns"]}
        self.dirty_cases: dict[str, list[str]] = {}
        for ci, (cname, ccode, _, fname) in enumerate(COURTS):
            fname = fname.format(d=self.day)
            rel = f"debtors/{fname}"
            cases = [c for c in w.cases if c.court == cname]
            lines = [_csv_line(ROSTER_COLUMNS)]
            for c in cases:
                lines.append(_csv_line(self._roster_fields(c, r)))
            for k, kind in enumerate(dirty_plan[ci]):
                p = open_people[int(r.integers(0, len(open_people)))]
                case_no = f"({w.as_of.year}){ccode}执{9000 + 10 * ci + k}号"
                c = Case(case_no, cname, cases[0].judge, p, float(np.round(np.exp(r.normal(10, 1)), 2)),
                         w.as_of, True, False, "执行中", p.phones[0], dirty=kind)
                w.cases.append(c)
                f = self._roster_fields(c, r)
                if kind == "bad_date":
                    f[9] = ["2024-02-30", "2023-7-32", "20230705X"][k % 3]
                elif kind == "bad_amount":
                    f[8] = "约5万元"
                elif kind == "missing_columns":
                    f = f[:10]
                elif kind == "control_chars":
                    f[2] = f[2] + "\x07"
                    f[7] = f[7] + "\x1b[0m"
                elif kind == "extra_columns":
                    f = f + ["备注：已电话联系", ""]
                self._dirt(rel, kind)
                self.dirty_cases.setdefault(p.id_number, []).append(case_no)
                pos = int(r.integers(1, len(lines)))
                lines.insert(pos, _csv_line(f))
            data = "".join(lines).encode("utf-8-sig")
            (d / fname).write_bytes(data)
            self.files[rel] = len(lines) - 1

    def _roster_fields(self, c: Case, r: np.random.Generator) -> list[str]:
        d = c.debtor
        if isinstance(d, Org):
            idtype, idn, name, addr = "统一社会信用代码", d.code, d.name, d.address
        else:
            idtype, name, addr = "居民身份证", d.name, d.hukou_address
            idn = d.id_number
            if idn.endswith("X") and int(idn[6:14]) % 3 == 0:  # some clerks type a lower-case x
                idn = idn[:-1] + "x"
        a = c.amount
        if r.random() < 0.3:
            amt = f"{a:,.2f}"
        elif a == int(a) and r.random() < 0.5:
            amt = str(int(a))
        else:
            amt = f"{a:.2f}"
        return [c.case_no, c.court, c.judge, name, idtype, idn, c.roster_phones, addr, amt,
                c.filed.isoformat(), "是" if c.restricted else "否", "是" if c.blacklisted else "否", c.status]

    # ------------------------------------------------------------------ e-commerce
    def _order_fields(self, o: dict) -> list[str]:
        return [o["order_id"], o["buyer_id"], o["acct_name"], o["acct_id"], o["acct_phone"], o["recv_name"],
                o["recv_phone"], o["address"], _ts(o["order_time"]), _ts(o["sign_time"]),
                _amount_str(o["amount"], self.r), o["category"]]

    def _write_orders(self, rel: str, items: list[tuple[str, dict | None, str | None]], encoding: str,
                      platform: str, truncate_last: bool = False) -> None:
        """items: (line text, record or None, dirty kind)."""
        path = self.inbox / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        text_lines = [_csv_line(ORDER_COLUMNS)]
        for i, (line, rec, dk) in enumerate(items):
            text_lines.append(line)
            if rec is not None:
                self._truth("ecommerce", platform, rel, i + 2, rec, rec["order_id"], "order", dk,
                            rec["sign_time"] or rec["order_time"], also_in=rec.get("_also_in"))
        if truncate_last and len(text_lines) > 2:
            last = text_lines[-1]
            text_lines[-1] = last[: max(10, int(len(last) * 0.55))]
            self.truth_rows[-1]["dirty"] = "truncated_last_line"
            self._dirt(rel, "truncated_last_line")
        path.write_bytes("".join(text_lines).encode(encoding))
        self.files[rel] = len(items)

    def ecommerce(self) -> None:
        r = self.r
        day = self.day
        # ---- shopA: main file, re-sent file with overlap, badly named file
        orders = list(self.tr.orders["shopA"])
        n = len(orders)
        idx = np.arange(n)
        older = idx[: max(1, int(n * 0.9))]
        pick = r.choice(older, size=min(len(older), 40), replace=False)
        dup_ids = sorted(int(i) for i in pick[:28])
        only_prev = sorted(int(i) for i in pick[28:36])
        badname = sorted(int(i) for i in r.choice(idx, size=min(n, 12), replace=False) if int(i) not in set(pick.tolist()))
        only_prev_set = set(only_prev) | set(badname)
        dup_set = set(dup_ids)
        main_items = []
        main_orders = [(i, o) for i, o in enumerate(orders) if i not in only_prev_set]
        dirty_plan = ["missing_columns", "missing_columns", "extra_columns", "extra_columns", "bad_date", "bad_date",
                      "bad_amount", "bad_amount", "formula_eq", "formula_plus", "formula_minus", "formula_at",
                      "long_string", "control_chars", "control_chars"]
        cand = [k for k, (i, _) in enumerate(main_orders[:-1]) if i not in dup_set]
        chosen = r.choice(cand, size=min(len(cand), len(dirty_plan)), replace=False)
        plan = {int(k): kind for k, kind in zip(chosen, dirty_plan)}
        rel = f"ecommerce/shopA_orders_{day}.csv"
        junk_at = sorted(int(x) for x in r.choice(len(main_orders), size=2, replace=False))
        for k, (i, o) in enumerate(main_orders):
            if k in junk_at:
                # a row that is not an order at all: a subtotal line from the export tool
                main_items.append((_csv_line(["合计", "", "", "", "", "", "", "", "", "", f"{r.uniform(1e5, 1e6):.2f}", ""]), None, None))
                self._dirt(rel, "not_a_record")
            f = self._order_fields(o)
            kind = plan.get(k)
            line, dk = self._dirty_order(f, kind, rel) if kind else (_csv_line(f), None)
            if i in dup_set:
                o["_also_in"] = f"ecommerce/shopA_orders_{self._prev_day()}.csv"
            main_items.append((line, o, dk))
        self._write_orders(rel, main_items, "gb18030", "shopA", truncate_last=True)
        # re-sent previous day's file: overlapping orders, byte-identical rows
        prev_rel = f"ecommerce/shopA_orders_{self._prev_day()}.csv"
        prev_items = []
        self.duplicates = len(dup_ids)
        for i in sorted(dup_ids + only_prev):
            o = orders[i]
            line = _csv_line(self._order_fields(o))
            if i in dup_set:
                prev_items.append((line, None, None))
            else:
                prev_items.append((line, o, None))
        path = self.inbox / prev_rel
        text = [_csv_line(ORDER_COLUMNS)]
        for j, (line, rec, _) in enumerate(prev_items):
            text.append(line)
            if rec is not None:
                self._truth("ecommerce", "shopA", prev_rel, j + 2, rec, rec["order_id"], "order", None,
                            rec["sign_time"] or rec["order_time"])
        path.write_bytes("".join(text).encode("gb18030"))
        self.files[prev_rel] = len(prev_items)
        self._dirt(prev_rel, "duplicate_resent", len(dup_ids))
        # badly named file (no platform_orders_date pattern)
        bad_rel = f"ecommerce/订单导出 {self.w.as_of:%Y-%m-%d}(2).csv"
        self._write_orders(bad_rel, [(_csv_line(self._order_fields(orders[i])), orders[i], "bad_filename") for i in badname],
                           "gb18030", "shopA")
        self._dirt(bad_rel, "bad_filename")
        # ---- shopB: main file, a file wrongly written as UTF-8, an empty file
        orders = list(self.tr.orders["shopB"])
        n = len(orders)
        wrong = sorted(int(i) for i in r.choice(n, size=min(n // 4, 15), replace=False))
        wrong_set = set(wrong)
        main_orders = [o for i, o in enumerate(orders) if i not in wrong_set]
        plan_b = ["missing_columns", "bad_date", "bad_amount", "formula_eq", "control_chars"]
        chosen = r.choice(len(main_orders), size=min(len(main_orders), len(plan_b)), replace=False)
        plan = {int(k): kind for k, kind in zip(chosen, plan_b)}
        rel = f"ecommerce/shopB_orders_{day}.csv"
        items = []
        for k, o in enumerate(main_orders):
            f = self._order_fields(o)
            kind = plan.get(k)
            line, dk = self._dirty_order(f, kind, rel) if kind else (_csv_line(f), None)
            items.append((line, o, dk))
        self._write_orders(rel, items, "gb18030", "shopB")
        wrel = "ecommerce/shopB_orders_" + self._prev_day(2) + ".csv"
        self._write_orders(wrel, [(_csv_line(self._order_fields(orders[i])), orders[i], "wrong_encoding") for i in wrong],
                           "utf-8", "shopB")
        self._dirt(wrel, "wrong_encoding")
        erel = "ecommerce/shopB_orders_" + self._prev_day(1) + ".csv"
        (self.inbox / erel).write_bytes(b"")
        self.files[erel] = 0
        self._dirt(erel, "empty_file")

    def _prev_day(self, k: int = 1) -> str:
        return f"{date.fromordinal(self.w.as_of.toordinal() - k):%Y%m%d}"

    def _dirty_order(self, f: list[str], kind: str, rel: str) -> tuple[str, str]:
        r = self.r
        if kind == "missing_columns":
            line = _csv_line(f[:9] if r.random() < 0.5 else f[:3] + f[4:])
        elif kind == "extra_columns":
            if "," not in "".join(f) and '"' not in "".join(f) and r.random() < 0.5:
                a = f[7]
                cut = max(2, len(a) // 2)
                g = f[:7] + [a[:cut] + "," + a[cut:]] + f[8:]
                line = ",".join(g) + "\r\n"       # unquoted comma: the address splits in two
            else:
                line = _csv_line(f + ["备注：放门口", ""])
        elif kind == "bad_date":
            if r.random() < 0.5:
                f[8] = "2026/02/30 14:22:10"
            else:
                f[8] = f[8].replace("/", "年", 1)[:10] + "号"
                f[9] = "待确认"
            line = _csv_line(f)
        elif kind == "bad_amount":
            f[10] = ["12.5.0", "￥八十", "NaN元", "1,2,3"][int(r.integers(0, 4))]
            line = _csv_line(f)
        elif kind == "formula_eq":
            f[5] = '=HYPERLINK("http://pay.example.cn/q?x=1","点击查看物流")'
            line = _csv_line(f)
        elif kind == "formula_plus":
            f[11] = "+cmd|' /C calc'!A0"
            line = _csv_line(f)
        elif kind == "formula_minus":
            f[5] = "-" + f[5]
            line = _csv_line(f)
        elif kind == "formula_at":
            f[11] = "@SUM(1+1)*cmd|' /C calc'!A0"
            line = _csv_line(f)
        elif kind == "long_string":
            f[11] = f[11] + " " + ("【限时秒杀】超值加购大礼包送运费险" * 220)
            line = _csv_line(f)
        elif kind == "control_chars":
            if r.random() < 0.5:
                f[5] = f[5] + "\x00\x07"
            else:
                f[7] = "\x1b[31m" + f[7] + "\x08"
            line = _csv_line(f)
        else:
            raise ValueError(kind)
        base = "formula" if kind.startswith("formula") else kind
        self._dirt(rel, base)
        return line, base

    # ------------------------------------------------------------------ social
    def social(self) -> None:
        r = self.r
        rel = f"social/wb_accounts_{self.day}.jsonl"
        path = self.inbox / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        accs = self.tr.social
        n = len(accs)
        plan_kinds = ["not_json", "bad_date", "bad_date", "formula", "control_chars", "long_string",
                      "missing_columns", "extra_columns_harmless"]
        chosen = r.choice(max(1, n - 1), size=min(n - 1, len(plan_kinds)), replace=False) if n > 2 else []
        plan = {int(k): kind for k, kind in zip(chosen, plan_kinds)}
        lines: list[str] = []
        junk_at = int(r.integers(0, max(1, n)))
        for k, a in enumerate(accs):
            if k == junk_at:
                lines.append("<html><body>502 Bad Gateway</body></html>")
                self._dirt(rel, "not_json")
            f = json.loads(json.dumps(a["fields"], ensure_ascii=False))
            kind = plan.get(k)
            if kind == "bad_date":
                if f.get("logins"):
                    f["logins"][0]["ts"] = "2026-13-45T25:61:00+08:00"
                else:
                    f["logins"] = [{"ts": "昨天 21:33", "ip": "115.236.10.7", "ip_region": "浙江省"}]
            elif kind == "formula":
                f["nickname"] = '=HYPERLINK("http://t.example.cn/a","私信我")'
            elif kind == "control_chars":
                f["nickname"] = (f.get("nickname") or "") + "\u0007\u001b"
            elif kind == "long_string":
                f["nickname"] = (f.get("nickname") or "") + ("哈" * 6000)
            elif kind == "missing_columns":
                f.pop("uid", None)
            elif kind == "extra_columns_harmless":
                f["vip_level"] = 3
                f["_export_note"] = "字段新增"
            line = json.dumps(f, ensure_ascii=False)
            if kind == "not_json":
                line = line[: max(5, len(line) // 2)]
            if kind:
                self._dirt(rel, kind)
            lines.append(line)
            uid = a["fields"]["uid"]
            ln = len(lines)
            self._truth("social", "wb", rel, ln, a, uid, "account", kind, None, place_kind=None)
            self.truth_rows[-1]["place_kind"] = None
            self.truth_rows[-1]["place_address"] = None
            for j, pst in enumerate(a["_posts"]):
                self._truth("social", "wb", rel, ln, a, uid, "geo_post", kind, pst["_time"],
                            place=pst["_place"], place_kind=pst["_place_kind"], item_index=j)
                self.truth_rows[-1]["delivered"] = None
        text = "\n".join(lines) + "\n"
        # truncated last line
        last = lines[-1]
        text = "\n".join(lines[:-1]) + "\n" + last[: max(5, int(len(last) * 0.6))]
        for t in self.truth_rows:
            if t["file"] == rel and t["line"] == len(lines):
                t["dirty"] = "truncated_last_line"
        self._dirt(rel, "truncated_last_line")
        path.write_bytes(text.encode("utf-8"))
        self.files[rel] = len(lines)
        # social accounts have no role per record beyond the holder
        for t in self.truth_rows:
            if t["source_kind"] == "social" and t["role"] is None:
                t["role"] = "account_holder"

    # ------------------------------------------------------------------ logistics
    def _way_table(self, recs: list[dict]) -> pa.Table:
        cols = {c: [x[c] for x in recs] for c in WAYBILL_COLUMNS}
        return pa.table(cols, schema=WAYBILL_SCHEMA)

    def logistics(self) -> None:
        r = self.r
        d = self.inbox / "logistics"
        d.mkdir(parents=True, exist_ok=True)
        for carrier, plan_kinds in (("sf", ["formula", "control_chars", "long_string", "bad_date", "missing_columns"]),
                                    ("zto", ["formula", "bad_date", "control_chars"])):
            recs = [dict(x) for x in self.tr.waybills[carrier]]
            rel = f"logistics/{carrier}_waybills_{self.day}.parquet"
            n = len(recs)
            chosen = r.choice(n, size=min(n, len(plan_kinds)), replace=False)
            plan = {int(k): kind for k, kind in zip(chosen, plan_kinds)}
            prev_ids: list[int] = []
            only_prev: list[int] = []
            if carrier == "sf":
                pool = [i for i in range(int(n * 0.85)) if i not in plan]
                pk = r.choice(pool, size=min(len(pool), 26), replace=False)
                prev_ids = sorted(int(i) for i in pk[:20])
                only_prev = sorted(int(i) for i in pk[20:])
            only_prev_set = set(only_prev)
            prev_set = set(prev_ids)
            out = []
            for i, x in enumerate(recs):
                if i in only_prev_set:
                    continue
                kind = plan.get(i)
                if kind == "formula":
                    x["receiver_name"] = ["=HYPERLINK(\"http://e.example.cn\",\"签收\")", "@" + x["receiver_name"], "+" + x["receiver_name"], "-" + x["receiver_name"]][int(r.integers(0, 4))]
                elif kind == "control_chars":
                    x["receiver_address"] = x["receiver_address"] + "\x00\x1f"
                elif kind == "long_string":
                    x["sender_address"] = x["sender_address"] + ("#" * 4000)
                elif kind == "bad_date":
                    if r.random() < 0.5 and x["sign_time"] is not None:
                        x["sign_time"] = datetime(1970, 1, 1, 8, 0, 0)
                    else:
                        x["pickup_time"] = datetime(2099, 12, 31, 0, 0, 0)
                elif kind == "missing_columns":
                    x["receiver_address"] = None
                    x["receiver_phone"] = None
                if kind:
                    self._dirt(rel, kind)
                x["_dirty"] = kind
                if i in prev_set:
                    x["_also_in"] = f"logistics/{carrier}_waybills_{self._prev_day()}.parquet"
                out.append(x)
            pq.write_table(self._way_table(out), d / f"{carrier}_waybills_{self.day}.parquet")
            self.files[rel] = len(out)
            for j, x in enumerate(out):
                self._truth("logistics", carrier, rel, j + 1, x, x["waybill_no"], "waybill", x["_dirty"],
                            x["sign_time"] if x["sign_time"] is not None else x["pickup_time"], also_in=x.get("_also_in"))
            if carrier == "sf":
                prel = f"logistics/sf_waybills_{self._prev_day()}.parquet"
                prev = [recs[i] for i in sorted(prev_ids + only_prev)]
                pq.write_table(self._way_table(prev), d / f"sf_waybills_{self._prev_day()}.parquet")
                self.files[prel] = len(prev)
                self._dirt(prel, "duplicate_resent", len(prev_ids))
                for j, x in enumerate(prev):
                    if recs.index(x) in only_prev_set:
                        self._truth("logistics", carrier, prel, j + 1, x, x["waybill_no"], "waybill", None,
                                    x["sign_time"] if x["sign_time"] is not None else x["pickup_time"])
                self.duplicates += len(prev_ids)

    # ------------------------------------------------------------------ truth
    def _violation_truth(self, rec: pl.DataFrame) -> pl.DataFrame:
        """(debtor, case, platform, order) for every readable order in a restricted category that
        the debtor placed or received after a restricted open case of theirs was filed."""
        cases = pl.DataFrame(
            [{"id_number": c.debtor.id_number, "case_no": c.case_no, "filed_on": c.filed}
             for c in self.w.cases if isinstance(c.debtor, Person) and c.restricted and c.status != "执行完毕"],
            schema={"id_number": pl.Utf8, "case_no": pl.Utf8, "filed_on": pl.Date})
        orders = rec.filter((pl.col("item") == "order") & pl.col("category_restricted").fill_null(False)
                            & (pl.col("dirty").is_null() | pl.col("dirty").is_in(list(SOFT_DIRT))))
        whose = pl.concat([
            orders.select("platform", pl.col("record_id").alias("order_id"), "order_time",
                          pl.col(c).alias("id_number")).drop_nulls("id_number")
            for c in ("true_id_number", "account_true_id_number")])
        return (whose.join(cases, on="id_number", how="inner")
                .filter(pl.col("order_time").dt.date() > pl.col("filed_on"))
                .select("id_number", "case_no", "platform", "order_id", "order_time")
                .unique(["id_number", "case_no", "platform", "order_id"]).sort(["case_no", "id_number", "order_id"]))

    def write_truth(self) -> dict:
        w = self.w
        tdir = self.out / "truth"
        tdir.mkdir(parents=True, exist_ok=True)
        rec = pl.DataFrame(self.truth_rows, schema={
            "source_kind": pl.Utf8, "platform": pl.Utf8, "file": pl.Utf8, "line": pl.Int64, "record_id": pl.Utf8,
            "item": pl.Utf8, "item_index": pl.Int64, "role": pl.Utf8, "true_id_number": pl.Utf8, "person_key": pl.Utf8,
            "account_true_id_number": pl.Utf8, "account_person_key": pl.Utf8, "place_kind": pl.Utf8,
            "place_address": pl.Utf8, "event_time": pl.Datetime("us"), "delivered": pl.Boolean, "dirty": pl.Utf8,
            "also_in_file": pl.Utf8, "category_restricted": pl.Boolean, "order_time": pl.Datetime("us"),
        })
        rec.write_parquet(tdir / "records.parquet")
        self._violation_truth(rec).write_parquet(tdir / "violations.parquet")
        # per-person trace statistics
        usable = [t for t in self.truth_rows if t["dirty"] in (None, *SOFT_DIRT)]
        stats: dict[str, Counter] = {}
        for t in self.truth_rows:
            if t["person_key"] is None:
                continue
            stats.setdefault(t["person_key"], Counter())["any"] += 1
        for t in usable:
            if t["person_key"] is None:
                continue
            c = stats.setdefault(t["person_key"], Counter())
            if t["place_kind"]:
                ok = t["item"] == "geo_post" or bool(t["delivered"])
                if ok:
                    c[t["place_kind"]] += 1
        # namesakes: same full name, same city of residence
        by_name_city = Counter((p.name, p.home.city) for p in w.people)
        by_name = Counter(p.name for p in w.people)
        rows = []
        cases_by: dict[str, list[Case]] = {}
        for c in w.cases:
            k = c.debtor.key
            cases_by.setdefault(k, []).append(c)
        entities = list({c.debtor.key: c.debtor for c in w.cases}.values())
        for e in entities:
            cs = cases_by[e.key]
            courts = []
            for c in sorted(cs, key=lambda c: c.filed):
                if c.court not in courts:
                    courts.append(c.court)
            base = {
                "id_number": e.id_number if isinstance(e, Person) else e.code,
                "name": e.name, "kind": "person" if isinstance(e, Person) else "org",
                "court": courts[0], "courts": courts,
                "case_nos": [c.case_no for c in cs],
                "dirty_case_nos": [c.case_no for c in cs if c.dirty],
                "open": any(c.status in ("执行中", "终本") for c in cs),
                "restricted": any(c.restricted for c in cs if c.status != "执行完毕"),
            }
            if isinstance(e, Org):
                base.update({"on_platforms": False, "absent": False, "hukou_address": e.address})
                rows.append(base)
                continue
            st = stats.get(e.key, Counter())
            base.update({
                "person_key": e.key,
                "on_platforms": st["any"] > 0, "absent": st["any"] == 0,
                "home_address": e.home.canonical, "home_province": e.home.province, "home_city": e.home.city,
                "home_district": e.home.district, "home_since": e.home_since,
                "has_home_delivery": st["home"] > 0,
                "old_home_address": e.old_home.canonical if e.old_home else None,
                "moved_on": e.moved_on,
                "work_address": e.work.canonical if e.work else None,
                "work_kind": e.work.kind if e.work else None,
                "work_city": e.work.city if e.work else None,
                "work_district": e.work.district if e.work else None,
                "current_phones": list(e.phones), "stale_phones": list(e.stale),
                "roster_phones": [c.roster_phones for c in cs],
                "hukou_address": e.hukou_address,
                "spouse_key": e.spouse.key if e.spouse else None,
                "uses_spouse_account": e.uses_spouse_account,
                "n_records": st["any"], "n_home": st["home"], "n_old_home": st["old_home"], "n_work": st["work"],
                "n_pickup": st["pickup"], "n_other": st["other"],
                "namesakes_same_city": by_name_city[(e.name, e.home.city)] - 1,
                "namesakes_total": by_name[e.name] - 1,
            })
            rows.append(base)
        schema = {
            "id_number": pl.Utf8, "name": pl.Utf8, "kind": pl.Utf8, "court": pl.Utf8, "courts": pl.List(pl.Utf8),
            "case_nos": pl.List(pl.Utf8), "dirty_case_nos": pl.List(pl.Utf8), "open": pl.Boolean,
            "restricted": pl.Boolean, "on_platforms": pl.Boolean,
            "absent": pl.Boolean, "person_key": pl.Utf8, "home_address": pl.Utf8, "home_province": pl.Utf8,
            "home_city": pl.Utf8, "home_district": pl.Utf8, "home_since": pl.Date, "has_home_delivery": pl.Boolean,
            "old_home_address": pl.Utf8, "moved_on": pl.Date, "work_address": pl.Utf8, "work_kind": pl.Utf8,
            "work_city": pl.Utf8, "work_district": pl.Utf8, "current_phones": pl.List(pl.Utf8),
            "stale_phones": pl.List(pl.Utf8), "roster_phones": pl.List(pl.Utf8), "hukou_address": pl.Utf8,
            "spouse_key": pl.Utf8, "uses_spouse_account": pl.Boolean, "n_records": pl.Int64, "n_home": pl.Int64,
            "n_old_home": pl.Int64, "n_work": pl.Int64, "n_pickup": pl.Int64, "n_other": pl.Int64,
            "namesakes_same_city": pl.Int64, "namesakes_total": pl.Int64,
        }
        deb = pl.DataFrame([{k: row.get(k) for k in schema} for row in rows], schema=schema)
        deb.write_parquet(tdir / "debtors.parquet")
        # everyone, for evaluating false links (non-debtors have no id in the records truth)
        ppl = pl.DataFrame(
            [{"person_key": p.key, "name": p.name, "id_number": p.id_number, "debtor": p.debtor,
              "home_city": p.home.city, "home_address": p.home.canonical,
              "work_address": p.work.canonical if p.work else None,
              "phones": list(p.phones), "stale_phones": list(p.stale),
              "spouse_key": p.spouse.key if p.spouse else None,
              "recycled_phone_from": getattr(p, "recycled_from", None)} for p in w.people],
            schema={"person_key": pl.Utf8, "name": pl.Utf8, "id_number": pl.Utf8, "debtor": pl.Boolean,
                    "home_city": pl.Utf8, "home_address": pl.Utf8, "work_address": pl.Utf8,
                    "phones": pl.List(pl.Utf8), "stale_phones": pl.List(pl.Utf8), "spouse_key": pl.Utf8,
                    "recycled_phone_from": pl.Utf8})
        ppl.write_parquet(tdir / "people.parquet")
        return {"debtors": deb, "records": rec}
