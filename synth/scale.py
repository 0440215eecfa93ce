"""Scaled synthetic worlds for benchmarks: millions of platform rows in minutes.

``synth.generate`` builds a world person by person (about 10k rows/s); fine for tests and
accuracy figures, far too slow for a provincial run (50M rows).  This module builds a
small *base* world with ``synth.generate`` once, and then writes it ``m`` times over as
*replicas*, each a distinct set of people, with vectorised transforms only (polars and
numpy; no Python loop over rows).

How a replica differs from the base (replica 0 is the base itself, byte for byte):

* **ID numbers** keep their county, order-code parity (gender) and check character; the
  order code and the birth date change, and the birth day is chosen so the ISO 7064 check
  character stays valid.  Masked IDs (``330502********1234``, ``33**************1X``) are
  transformed from their visible digits only, with the same formulas, so a masked ID
  still agrees with the person's full ID in the same replica.  Full IDs are unique across
  replicas (collisions are re-drawn).
* **Phones** keep their first three digits; the last four are shifted per replica and the
  middle four are re-drawn among the real 7-digit prefixes of the same carrier and city
  (so the phone's region stays right).  Masked phones (``138****5678``) follow from their
  visible digits.  Full numbers are unique across replicas (collisions are re-drawn).
* **Addresses**: every number (road number, building, unit, room, village house number,
  stall) goes through a per-replica bijection that keeps its digit count (the leading digits
  of a room are mapped like a floor written alone, so ``1203室`` and ``12楼`` stay on the same
  floor), and estate names are renamed by a per-replica permutation of the estate-name
  vocabulary; applied identically to every spelling of an address and to the truth's
  canonical addresses.
* **Record ids** (order ids, buyer ids, account uids, waybill numbers, case numbers,
  person keys) are shifted by ``replica * span`` so they stay unique within a platform.
* **Names** are left as they are: they are drawn independently from short frequency lists,
  so ``k`` replicas have the name frequencies of a world ``k`` times as large.  (A consistent
  given-name swap would have to reach masked, honorific, nickname, pinyin and traditional
  spellings of the same person; not worth the risk of breaking links.)  Estate renaming
  keeps namesakes from piling up in the same compound.

Size and mix: ``rows`` is the total number of data rows in the inbox (all files, headers
excluded).  ``rows_per_debtor`` (default 50: one million debtors at fifty million rows)
fixes the number of roster replicas ``m = rows / rows_per_debtor / base_debtors``.  The
base world has about 90 rows per debtor, so to reach 50 some replicas carry only the
rows about debtors and none about bystanders (``mode="lean"``, the default), or carry no
platform rows at all (``mode="absent"``: those debtors never appear on a platform).
Every file keeps its name and format (GB18030 CSV, JSONL, Parquet); replicas are appended
to the same files, headers once, the dirty rows of the base (bad dates, formulas, control
characters, wrong encoding, not-JSON lines ...) once per replica, and a truncated last line
only at the very end of its file.

The truth folder (``truth/records.parquet``, ``debtors.parquet``, ``people.parquet``) is
written alongside with the same transforms, so ``locate evaluate`` works on a scaled world.

    python -m synth.scale --out /tmp/w1m --rows 1000000 --seed 12
"""
from __future__ import annotations

import argparse
import json
import math
import shutil
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

TEMPLATE_VERSION = 3
SEP_CELL = "\ue000"     # private-use characters: never produced by the generator
SEP_LIST = "\ue001"
_ID_W = np.array([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2], dtype=np.int64)
_ID_CHECK = "10X98765432"
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_W = np.array([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28], dtype=np.int64)
_ORG_W = np.array([3, 7, 9, 10, 5, 8, 4, 2], dtype=np.int64)
_FW_DIGITS = "０１２３４５６７８９"
_BIG = 1 << 30

# ---------------------------------------------------------------------------------- roles
CSV_TOKEN = r'"(?:[^"]|"")*"|,|[^,"]+|"'
JSON_TOKEN = r'"(?:[^"\\]|\\.)*"|[^"]+|"'
ECOM_ROLES = {0: "order_id", 1: "buyer_id", 3: "id", 4: "phone", 6: "phone", 7: "addr"}
ROSTER_ROLES = {0: "case", 5: "id", 6: "phone", 7: "addr"}
JSON_ROLES = {"uid": "uid", "id_no": "id", "phone": "phone", "address": "addr", "poi": "addr"}
WAYBILL_ROLES = {"waybill_no": "waybill", "sender_phone": "phone", "receiver_phone": "phone",
                 "sender_address": "addr", "receiver_address": "addr"}
TRUTH_ROLES = {
    "records": {"true_id_number": "id", "person_key": "pkey", "account_true_id_number": "id",
                "account_person_key": "pkey", "place_address": "addr"},   # record_id: per source
    "debtors": {"id_number": "id", "case_nos": "case", "dirty_case_nos": "case", "person_key": "pkey",
                "spouse_key": "pkey", "home_address": "addr", "old_home_address": "addr",
                "work_address": "addr", "hukou_address": "addr", "current_phones": "phone",
                "stale_phones": "phone", "roster_phones": "phone"},
    "people": {"person_key": "pkey", "spouse_key": "pkey", "recycled_phone_from": "pkey", "id_number": "id",
               "home_address": "addr", "work_address": "addr", "phones": "phone", "stale_phones": "phone"},
}
RECORD_ID_ROLE = {"ecommerce": "order_id", "social": "uid", "logistics": "waybill"}

_RID_SPLIT = r"[0-9A-Za-z_]+|[^0-9A-Za-z_]+"
ROLE_SPLIT = {
    "addr": r"[0-9]+|[０-９]+|[^0-9０-９]+",
    "phone": r"1[3-9][0-9][ -]?(?:[0-9]{4}|\*{4})[ -]?[0-9]{4}|[^1]+|1",
    "id": r"[0-9A-Za-z*]+|[^0-9A-Za-z*]+",
    "order_id": _RID_SPLIT, "buyer_id": _RID_SPLIT, "uid": _RID_SPLIT, "waybill": _RID_SPLIT, "pkey": _RID_SPLIT,
    "case": "\\([0-9]{4}\\)[^0-9()\ue001]*[0-9]+[^0-9()\ue001]+[0-9]+号|[^(]+|\\(",
}
ROLE_KINDS = {
    "addr": [("num", r"^[0-9]{1,6}$"), ("numfw", r"^[０-９]{1,6}$")],   # + addrtxt (estate names)
    "phone": [("phone", r"^1[3-9][0-9](?:[0-9]{8}| [0-9]{4} [0-9]{4}|-[0-9]{4}-[0-9]{4})$"),
              ("mphone", r"^1[3-9][0-9]\*{4}[0-9]{4}$")],
    "id": [("uscc", r"^91[0-9]{14}[0-9X][0-9A-Z]$"), ("idfull", r"^[0-9]{17}[0-9Xx]$"),
           ("idlong", r"^[0-9]{6}\*{8}[0-9]{3}[0-9Xx]$"), ("idshort", r"^[0-9]{2}\*{14}[0-9][0-9Xx]$")],
    "order_id": [("oidA", r"^[0-9]{17}$"), ("rid:order", r"^[0-9]{1,16}$")],
    "buyer_id": [("rid:buyer", r"^[0-9]{1,16}$"), ("hex:buyer", r"^jd_[0-9a-f]+$")],
    "uid": [("rid:uid", r"^wb_[0-9]{1,15}$")],
    "waybill": [("rid:sf", r"^SF[0-9]{1,16}$"), ("rid:zto", r"^[0-9]{1,16}$")],
    "pkey": [("rid:pkey", r"^P[0-9]{1,12}$")],
    "case": [("case", r"^\([0-9]{4}\)[^0-9]*[0-9]+[^0-9]+[0-9]+号$")],
}


def _estate_names() -> list[str]:
    from .places import _ESTATE_HEADS, _ESTATE_TAILS

    return sorted({h + t for h in _ESTATE_HEADS for t in _ESTATE_TAILS})


def _estate_heads() -> list[str]:
    from .places import _ESTATE_HEADS

    return sorted(set(_ESTATE_HEADS))


# ---------------------------------------------------------------------------------- tokenising
def _classify(df: pl.DataFrame, role: str, estate_heads: list[str]) -> pl.DataFrame:
    expr = pl.lit("lit")
    kinds = list(ROLE_KINDS.get(role, []))
    for kind, pat in reversed(kinds):
        expr = pl.when(pl.col("text").str.contains(pat)).then(pl.lit(kind)).otherwise(expr)
    if role == "addr":
        expr = (pl.when(pl.col("text").str.contains(r"^[0-9]+$|^[０-９]+$")).then(expr)
                .when(pl.col("text").str.contains_any(estate_heads)).then(pl.lit("addrtxt"))
                .otherwise(expr))
    return df.with_columns(kind=expr)


def _split_roles(t1: pl.DataFrame, estate_heads: list[str]) -> pl.DataFrame:
    """t1: cell, pos1, text, role -> cell, pos1, pos2, text, kind (kind 'lit' or a slot kind)."""
    parts = [t1.filter(pl.col("role") == "lit").select(
        "cell", "pos1", pl.lit(0, pl.UInt32).alias("pos2"), "text", pl.lit("lit").alias("kind"))]
    for role, pat in ROLE_SPLIT.items():
        sub = t1.filter(pl.col("role") == role)
        if sub.height == 0:
            continue
        sub = (sub.select("cell", "pos1", pl.col("text").str.extract_all(pat)).explode("text")
               .filter(pl.col("text").is_not_null() & (pl.col("text") != ""))
               .with_columns(pos2=pl.int_range(pl.len(), dtype=pl.UInt32).over("cell", "pos1")))
        sub = _classify(sub, role, estate_heads).select("cell", "pos1", "pos2", "text", "kind")
        parts.append(sub)
    unknown = t1.filter(~pl.col("role").is_in(["lit", *ROLE_SPLIT]))
    if unknown.height:
        raise ValueError(f"unknown roles {unknown['role'].unique().to_list()}")
    return pl.concat(parts).sort("cell", "pos1", "pos2")


def _merge_literals(t: pl.DataFrame) -> pl.DataFrame:
    """Consecutive literal tokens of a cell become one token: cell, text, kind (ordered)."""
    slot = pl.col("kind") != "lit"
    t = t.with_columns(
        run=(slot | slot.shift(1, fill_value=True) | (pl.col("cell") != pl.col("cell").shift(1))).cum_sum())
    return (t.group_by("run", maintain_order=True)
            .agg(pl.col("cell").first(), pl.col("text").str.join(""), pl.col("kind").first())
            .drop("run"))


def _text_level1(lines: list[str], fmt: str, roles: dict) -> pl.DataFrame:
    """Physical lines of a CSV or JSONL file -> cell (line index), pos1, text, role."""
    n = len(lines)
    df = pl.DataFrame({"cell": pl.int_range(n, dtype=pl.UInt32, eager=True), "text": pl.Series(lines, dtype=pl.Utf8)})
    pat = CSV_TOKEN if fmt == "csv" else JSON_TOKEN
    t = (df.with_columns(pl.col("text").str.extract_all(pat)).explode("text")
         .filter(pl.col("text").is_not_null())
         .with_columns(pos1=pl.int_range(pl.len(), dtype=pl.UInt32).over("cell")))
    if fmt == "csv":
        comma = (pl.col("text") == ",").cast(pl.Int32)
        t = t.with_columns(col=(comma.cum_sum().over("cell") - comma))
        role = pl.col("col").replace_strict(roles, default="lit", return_dtype=pl.Utf8)
        header = pl.col("cell") == 0
        t = t.with_columns(role=pl.when(header | (pl.col("text") == ",")).then(pl.lit("lit")).otherwise(role))
    else:
        is_str = pl.col("text").str.starts_with('"') & pl.col("text").str.ends_with('"') & (pl.col("text").str.len_chars() >= 2)
        prev = pl.col("text").shift(1).over("cell")
        prev2 = pl.col("text").shift(2).over("cell")
        key = prev2.str.strip_chars('"')
        is_val = is_str & prev.str.contains(r"^\s*:\s*$").fill_null(False) & prev2.str.starts_with('"').fill_null(False)
        t = t.with_columns(role=pl.when(is_val).then(key.replace_strict(roles, default="lit", return_dtype=pl.Utf8))
                           .otherwise(pl.lit("lit")))
    return t.select("cell", "pos1", "text", "role")


def _cells_level1(values: pl.Series, role: str) -> pl.DataFrame:
    return (pl.DataFrame({"text": values.cast(pl.Utf8)})
            .with_columns(cell=pl.int_range(pl.len(), dtype=pl.UInt32), pos1=pl.lit(0, pl.UInt32), role=pl.lit(role))
            .filter(pl.col("text").is_not_null()).select("cell", "pos1", "text", "role"))


def _with_separators(t: pl.DataFrame, n_cells: int, sep: str) -> pl.DataFrame:
    seps = pl.DataFrame({"cell": pl.int_range(n_cells, dtype=pl.UInt32, eager=True)}).with_columns(
        pos1=pl.lit(_BIG, pl.UInt32), pos2=pl.lit(0, pl.UInt32), text=pl.lit(sep), kind=pl.lit("lit"))
    return pl.concat([t, seps.select(t.columns)]).sort("cell", "pos1", "pos2")


# ---------------------------------------------------------------------------------- templates
@dataclass
class TextFile:
    rel: str
    fmt: str                 # csv | jsonl
    encoding: str
    n_lines: int             # physical lines (header included)
    header: bool
    truncated_last: bool     # the last line has no terminator
    tokens: pl.DataFrame     # cell, text, kind -> later cell, text, slot


@dataclass
class CellColumn:
    name: str
    n: int
    valid: np.ndarray        # bool per cell
    list_len: np.ndarray | None   # for list columns: element count (cells hold SEP_LIST-joined lists)
    tokens: pl.DataFrame


@dataclass
class Template:
    base_dir: Path
    text: list[TextFile] = field(default_factory=list)
    parquet: dict[str, tuple[pa.Table, dict[str, CellColumn]]] = field(default_factory=dict)
    truth: dict[str, tuple[pl.DataFrame, dict[str, CellColumn]]] = field(default_factory=dict)
    slots: pl.DataFrame | None = None   # slot, kind, text


def _column_template(name: str, s: pl.Series, role: str, estate_heads: list[str]) -> CellColumn:
    list_len = None
    if isinstance(s.dtype, pl.List):
        list_len = s.list.len().fill_null(0).to_numpy()
        valid = s.is_not_null().to_numpy()
        s = s.list.join(SEP_LIST)
    else:
        valid = s.is_not_null().to_numpy()
    t1 = _cells_level1(s, role)
    t = _with_separators(_split_roles(t1, estate_heads), len(s), SEP_CELL)
    return CellColumn(name, len(s), valid, list_len, _merge_literals(t))


def _split_lines(text: str) -> tuple[list[str], str, bool]:
    term = "\r\n" if "\r\n" in text else "\n"
    if not text:
        return [], term, False
    lines = text.split(term)
    if lines[-1] == "":
        lines.pop()
        return lines, term, False
    return lines, term, True


def build_template(base_dir: Path) -> Template:
    """Tokenise every inbox file and truth table of a base world (vectorised)."""
    base_dir = Path(base_dir)
    inbox = base_dir / "inbox"
    heads = _estate_heads()
    tpl = Template(base_dir)
    for kind in ("debtors", "ecommerce", "social", "logistics"):
        for p in sorted((inbox / kind).iterdir()):
            rel = f"{kind}/{p.name}"
            if kind == "logistics":
                table = pq.read_table(p)
                cols = {}
                for c, role in WAYBILL_ROLES.items():
                    cols[c] = _column_template(c, pl.from_arrow(table.column(c)), role, heads)
                tpl.parquet[rel] = (table, cols)
                continue
            raw = p.read_bytes()
            try:
                text, enc = raw.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                text, enc = raw.decode("gb18030"), "gb18030"
            lines, term, trunc = _split_lines(text)
            fmt = "jsonl" if kind == "social" else "csv"
            roles = JSON_ROLES if fmt == "jsonl" else ROSTER_ROLES if kind == "debtors" else ECOM_ROLES
            n = len(lines)
            if n:
                t1 = _text_level1(lines, fmt, roles)
                t = _split_roles(t1, heads)
                ends = pl.DataFrame({"cell": pl.int_range(n, dtype=pl.UInt32, eager=True)})
                if trunc:
                    ends = ends.filter(pl.col("cell") < n - 1)
                ends = ends.with_columns(pos1=pl.lit(_BIG, pl.UInt32), pos2=pl.lit(0, pl.UInt32),
                                         text=pl.lit(term), kind=pl.lit("lit"))
                toks = _merge_literals(pl.concat([t, ends.select(t.columns)]).sort("cell", "pos1", "pos2"))
            else:
                toks = pl.DataFrame(schema={"cell": pl.UInt32, "text": pl.Utf8, "kind": pl.Utf8})
            tpl.text.append(TextFile(rel, fmt, enc, n, fmt == "csv" and n > 0, trunc, toks))
    # truth
    tdir = base_dir / "truth"
    for name, roles in TRUTH_ROLES.items():
        df = pl.read_parquet(tdir / f"{name}.parquet")
        cols = {c: _column_template(c, df[c], role, heads) for c, role in roles.items()}
        if name == "records":
            # the record id's shape depends on the source kind: one role per source
            rid = df["record_id"]
            parts = []
            for sk, role in RECORD_ID_ROLE.items():
                m = (df["source_kind"] == sk).to_numpy()
                idx = np.nonzero(m)[0]
                t1 = _cells_level1(rid.filter(m), role)
                t1 = t1.with_columns(cell=pl.Series(idx[t1["cell"].to_numpy()], dtype=pl.UInt32))
                parts.append(_split_roles(t1, heads))
            t = _with_separators(pl.concat(parts).sort("cell", "pos1", "pos2"), df.height, SEP_CELL)
            cols["record_id"] = CellColumn("record_id", df.height, rid.is_not_null().to_numpy(), None, _merge_literals(t))
        tpl.truth[name] = (df, cols)
    _assign_slots(tpl)
    return tpl


def _all_token_frames(tpl: Template):
    for f in tpl.text:
        yield f, "tokens"
    for _, cols in tpl.parquet.values():
        yield from ((c, "tokens") for c in cols.values())
    for _, cols in tpl.truth.values():
        yield from ((c, "tokens") for c in cols.values())


def _assign_slots(tpl: Template) -> None:
    frames = [getattr(o, a).filter(pl.col("kind") != "lit").select("kind", "text") for o, a in _all_token_frames(tpl)]
    slots = pl.concat(frames).unique().sort("kind", "text").with_row_index("slot")
    slots = slots.with_columns(pl.col("slot").cast(pl.Int32))
    for o, a in _all_token_frames(tpl):
        t = getattr(o, a)
        t = t.join(slots, on=["kind", "text"], how="left", maintain_order="left")
        t = t.select("cell", pl.when(pl.col("slot").is_null()).then(pl.col("text")).alias("text"), "slot")
        setattr(o, a, t)
    tpl.slots = slots


# ---------------------------------------------------------------------------------- hashing
_M64 = np.uint64(0xFFFFFFFFFFFFFFFF)


def _mix(*xs: np.ndarray) -> np.ndarray:
    """splitmix64 of the combined inputs (uint64 arithmetic wraps)."""
    with np.errstate(over="ignore"):
        h = np.zeros(np.broadcast(*xs).shape, dtype=np.uint64)
        for x in xs:
            z = h ^ (np.asarray(x).astype(np.uint64) + np.uint64(0x9E3779B97F4A7C15))
            z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
            z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
            h = z ^ (z >> np.uint64(31))
    return h


def _digits(strings: list[str] | np.ndarray, width: int) -> np.ndarray:
    b = np.frombuffer("".join(strings).encode("ascii"), dtype=np.uint8)
    return (b.reshape(-1, width).astype(np.int64) - 48)


# ---------------------------------------------------------------------------------- visible-digit formulas
def _last4(l4: np.ndarray, j: int) -> np.ndarray:
    return (l4 + 7919 * j) % 10000


def _order_tail(t: np.ndarray, d16: np.ndarray, j: int) -> tuple[np.ndarray, np.ndarray]:
    """ID order code digits 14-15 (t, 0..99) and 16 (parity = gender) in replica j."""
    return (t + 37 * j) % 100, (d16 + 2 * j) % 10


def _day_table() -> tuple[np.ndarray, np.ndarray]:
    """For each residue r of 10*d12 + 5*d13 (mod 11): the days 1..28 that give it."""
    table = [[d for d in range(1, 29) if (10 * (d // 10) + 5 * (d % 10)) % 11 == r] for r in range(11)]
    cnt = np.array([len(x) for x in table])
    arr = np.zeros((11, cnt.max()), dtype=np.int64)
    for r, x in enumerate(table):
        arr[r, :len(x)] = x
    return arr, cnt


_DAYS, _DAYS_N = _day_table()


def _ids_for(key17: np.ndarray, j: int, salt: np.ndarray) -> np.ndarray:
    """New first-17 digits (int64) of full IDs in replica j; the check character is unchanged."""
    if j == 0:
        return key17.copy()
    D = _int_digits(key17, 17)
    t = D[:, 14] * 10 + D[:, 15]
    t2, d16b = _order_tail(t, D[:, 16], j)
    delta = (_ID_W[14] * (t2 // 10 - D[:, 14]) + _ID_W[15] * (t2 % 10 - D[:, 15])
             + _ID_W[16] * (d16b - D[:, 16]))
    wb = (D[:, 6:14] * _ID_W[6:14]).sum(axis=1)
    h = _mix(key17, np.full(key17.shape, j), salt)
    year = D[:, 6] * 1000 + D[:, 7] * 100 + D[:, 8] * 10 + D[:, 9]
    y2 = np.clip(year + (h % np.uint64(11)).astype(np.int64) - 5, 1955, 2004)
    yd = _int_digits(y2, 4)
    wym = (yd * _ID_W[6:10]).sum(axis=1) + D[:, 10] * _ID_W[10] + D[:, 11] * _ID_W[11]
    r = (wb - delta - wym) % 11
    day = _DAYS[r, ((h >> np.uint64(11)) % _DAYS_N[r].astype(np.uint64)).astype(np.int64)]
    county = key17 // 10**11
    month = D[:, 10] * 10 + D[:, 11]
    return county * 10**11 + y2 * 10**7 + month * 10**5 + day * 10**3 + t2 * 10 + d16b


def _int_digits(x: np.ndarray, width: int) -> np.ndarray:
    x = np.asarray(x, dtype=np.int64)
    p = 10 ** np.arange(width - 1, -1, -1, dtype=np.int64)
    return (x[:, None] // p[None, :]) % 10


def _id_check(key17: np.ndarray) -> np.ndarray:
    s = (_int_digits(key17, 17) * _ID_W).sum(axis=1) % 11
    return np.array(list(_ID_CHECK))[s]


def _dedupe(orig: np.ndarray, k: int, fn, what: str) -> np.ndarray:
    """(k, n) table of new values: row 0 = orig; duplicates anywhere re-drawn with a new salt."""
    n = len(orig)
    out = np.empty((k, n), dtype=np.int64)
    salt = np.zeros((k, n), dtype=np.int64)
    for j in range(k):
        out[j] = fn(orig, j, salt[j])
    for _ in range(64):
        flat = out.ravel()
        order = np.argsort(flat, kind="stable")
        s = flat[order]
        dup = np.nonzero(s[1:] == s[:-1])[0]
        if len(dup) == 0:
            return out
        pos = order[dup + 1]           # later occurrence (stable sort keeps the first in place)
        jj, ii = np.divmod(pos, n)
        if np.any(jj == 0):
            raise RuntimeError(f"{what}: duplicate in the base world")
        salt[jj, ii] += 1
        for j in np.unique(jj):
            sel = ii[jj == j]
            out[j, sel] = fn(orig[sel], int(j), salt[j, sel])
    raise RuntimeError(f"{what}: could not make values unique across replicas")


class PhoneSpace:
    """Real 7-digit mobile prefixes grouped by (first three digits, province, city), then by
    (first three, province) and (first three) as fallbacks when a group is too small."""

    def __init__(self):
        from linkage.gazetteer import mobile_prefixes

        mp = mobile_prefixes().unique("prefix7", keep="first", maintain_order=True)
        mp = mp.with_columns(p3=pl.col("prefix7").str.slice(0, 3), p7=pl.col("prefix7").cast(pl.Int64))
        self.levels = []
        for keys in (["p3", "province", "city"], ["p3", "province"], ["p3"]):
            g = (mp.with_columns(gid=pl.struct(keys).rank("dense").cast(pl.Int64) - 1)
                 .sort("gid", "p7").with_row_index("row"))
            gp = g["p7"].to_numpy()
            gid = g["gid"].to_numpy()
            start = np.searchsorted(gid, np.arange(gid.max() + 1))
            size = np.diff(np.append(start, len(gid)))
            by_p7 = g.sort("p7")
            self.levels.append((gp, gid, start, size, by_p7["p7"].to_numpy(), by_p7["row"].cast(pl.Int64).to_numpy()))

    def transform_fn(self, phones: np.ndarray):
        """fn(values, j, salt) for ``_dedupe``; ``phones`` is the sorted universe of full numbers."""
        p7 = phones // 10000
        per_level = []
        for gp, gid, start, size, p7_sorted, row_of in self.levels:
            at = np.minimum(np.searchsorted(p7_sorted, p7), len(p7_sorted) - 1)
            known = p7_sorted[at] == p7
            row = row_of[at]
            g = gid[row]
            st = np.where(known, start[g], 0)
            sz = np.where(known, size[g], 1)
            off = np.where(known, row - st, 0)
            per_level.append((gp, st, sz, off, known))

        def fn(vals: np.ndarray, j: int, salt: np.ndarray) -> np.ndarray:
            if j == 0:
                return vals.copy()
            idx = np.searchsorted(phones, vals)
            l4 = _last4(vals % 10000, j)
            level = np.minimum(salt // 4, 2)
            h = _mix(vals, np.full(vals.shape, j), salt)
            new_p7 = vals // 10000
            for lv, (gp, st, sz, off, known) in enumerate(per_level):
                m = (level == lv) & known[idx]
                if not m.any():
                    continue
                i = idx[m]
                shift = (h[m] % sz[i].astype(np.uint64)).astype(np.int64)
                new_p7[m] = gp[st[i] + (off[i] + shift) % sz[i]]
            return new_p7 * 10000 + l4

        return fn


# ---------------------------------------------------------------------------------- slot values per replica
def _span(n: np.ndarray) -> int:
    if len(n) == 0:
        return 1
    return 10 ** max(1, math.ceil(math.log10(int(n.max()) - int(n.min()) + 1)))


def _addr_num_plain(n: np.ndarray, L: np.ndarray, j: int) -> np.ndarray:
    """Bijection on the L-digit numbers without a leading zero (1..9, 10..99, ...)."""
    base = 10 ** (L - 1)
    M = 9 * base
    return base + ((n - base + (7919 * j) % M) % M)


def _addr_num(n: np.ndarray, L: np.ndarray, j: int) -> np.ndarray:
    """Numbers in addresses.  Up to two digits: a bijection keeping the digit count.  Three
    digits or more (rooms, house numbers): the leading digits as a number of their own (so
    room 1203 and '12楼' of the same office stay the same floor) and the last two digits
    shifted; numbers written with a leading zero are left alone."""
    ok = n >= 10 ** (L - 1)
    short = _addr_num_plain(n, L, j)
    Lp = np.maximum(L - 2, 1)
    lead = _addr_num_plain(n // 100, Lp, j)
    long = lead * 100 + (n % 100 + 37 * j) % 100
    return np.where(~ok, n, np.where(L >= 3, long, short))


class SlotValues:
    """New text of every slot in replica j (vectorised per kind)."""

    def __init__(self, slots: pl.DataFrame, k: int, estate_swap: bool = True):
        self.slots = slots
        self.k = k
        self.n = slots.height
        kinds = slots.group_by("kind").agg(pl.col("slot").min().alias("lo"), pl.col("slot").max().alias("hi")).sort("lo")
        self.ranges = [(r["kind"], r["lo"], r["hi"] + 1) for r in kinds.iter_rows(named=True)]
        self.aux: dict[str, dict] = {}
        self.estates = _estate_names() if estate_swap else None
        texts = slots["text"]
        # universes of full phones and IDs, with their per-replica tables (deduplicated)
        ph_txt = texts.filter(slots["kind"] == "phone").str.replace_all(r"[ -]", "")
        self.phone_u = np.unique(ph_txt.cast(pl.Int64).to_numpy())
        id_txt = texts.filter(slots["kind"] == "idfull")
        self.id_u = np.unique(id_txt.str.slice(0, 17).cast(pl.Int64).to_numpy())
        t0 = time.perf_counter()
        space = PhoneSpace()
        self.phone_tab = _dedupe(self.phone_u, k, space.transform_fn(self.phone_u), "phones")
        self.id_tab = _dedupe(self.id_u, k, _ids_for, "ID numbers")
        self.map_seconds = time.perf_counter() - t0
        chk0 = _id_check(self.id_u)
        for j in range(1, k):
            if not (_id_check(self.id_tab[j]) == chk0).all():
                raise AssertionError(f"replica {j}: an ID number's check character changed")
        for kind, lo, hi in self.ranges:
            s = texts.slice(lo, hi - lo)
            a: dict = {}
            if kind in ("num", "numfw"):
                if kind == "numfw":
                    s = s.str.replace_many(list(_FW_DIGITS), list("0123456789"))
                a["n"] = s.cast(pl.Int64).to_numpy()
                a["L"] = s.str.len_chars().cast(pl.Int64).to_numpy()
            elif kind == "phone":
                d = s.str.replace_all(r"[ -]", "")
                a["idx"] = np.searchsorted(self.phone_u, d.cast(pl.Int64).to_numpy())
                a["sep"] = pl.DataFrame({"s": s}).select(   # '' | ' ' | '-' between the digit groups
                    pl.when(pl.col("s").str.len_chars() == 13).then(pl.col("s").str.slice(3, 1))
                    .otherwise(pl.lit(""))).to_series()
            elif kind == "mphone":
                a["p3"] = s.str.slice(0, 3)
                a["l4"] = s.str.slice(7, 4).cast(pl.Int64).to_numpy()
            elif kind == "idfull":
                a["idx"] = np.searchsorted(self.id_u, s.str.slice(0, 17).cast(pl.Int64).to_numpy())
                a["c"] = s.str.slice(17, 1)
            elif kind == "idlong":
                a["county"] = s.str.slice(0, 6)
                a["t"] = s.str.slice(14, 2).cast(pl.Int64).to_numpy()
                a["d16"] = s.str.slice(16, 1).cast(pl.Int64).to_numpy()
                a["c"] = s.str.slice(17, 1)
            elif kind == "idshort":
                a["d01"] = s.str.slice(0, 2)
                a["d16"] = s.str.slice(16, 1).cast(pl.Int64).to_numpy()
                a["c"] = s.str.slice(17, 1)
            elif kind == "uscc":
                a["head"] = s.str.slice(0, 8)
                a["org8"] = s.str.slice(8, 8).cast(pl.Int64).to_numpy()
                a["hd"] = _digits(a["head"].to_list(), 8)
            elif kind == "oidA":
                a["pre"] = s.str.slice(0, 6)
                a["num"] = s.str.slice(6, 8).cast(pl.Int64).to_numpy()
                a["w"] = np.full(len(s), 8)
                a["post"] = s.str.slice(14, 3)
                a["span"] = _span(a["num"])
            elif kind.startswith("rid:") or kind == "case":
                g = pl.DataFrame({"s": s}).select(pl.col("s").str.extract_groups(r"^(.*[^0-9]|)([0-9]+)([^0-9]*)$")).unnest("s")
                a["pre"], a["post"] = g["1"], g["3"]
                a["num"] = g["2"].cast(pl.Int64).to_numpy()
                a["w"] = g["2"].str.len_chars().cast(pl.Int64).to_numpy()
                a["span"] = _span(a["num"])
            elif kind == "hex:buyer":
                a["rest"] = s.str.slice(3)
            elif kind == "addrtxt":
                a["s"] = s
            else:
                raise ValueError(f"no transform for slot kind {kind}")
            self.aux[kind] = a

    def values(self, j: int) -> pl.Series:
        texts = self.slots["text"]
        if j == 0:
            return texts
        out = []
        for kind, lo, hi in self.ranges:
            a = self.aux[kind]
            if kind in ("num", "numfw"):
                v = pl.Series(_addr_num(a["n"], a["L"], j)).cast(pl.Utf8)
                if kind == "numfw":
                    v = v.str.replace_many(list("0123456789"), list(_FW_DIGITS))
            elif kind == "phone":
                d = pl.Series(self.phone_tab[j, a["idx"]]).cast(pl.Utf8)
                sep = a["sep"]
                v = pl.DataFrame({"d": d, "sep": sep}).select(
                    pl.when(pl.col("sep") == "").then(pl.col("d")).otherwise(pl.concat_str(
                        [pl.col("d").str.slice(0, 3), pl.col("sep"), pl.col("d").str.slice(3, 4), pl.col("sep"),
                         pl.col("d").str.slice(7, 4)]))).to_series()
            elif kind == "mphone":
                l4 = pl.Series(_last4(a["l4"], j)).cast(pl.Utf8).str.zfill(4)
                v = pl.DataFrame({"p": a["p3"], "l": l4}).select(pl.concat_str([pl.col("p"), pl.lit("****"), pl.col("l")])).to_series()
            elif kind == "idfull":
                k17 = pl.Series(self.id_tab[j, a["idx"]]).cast(pl.Utf8).str.zfill(17)
                v = pl.DataFrame({"k": k17, "c": a["c"]}).select(pl.concat_str([pl.col("k"), pl.col("c")])).to_series()
            elif kind == "idlong":
                t2, d16 = _order_tail(a["t"], a["d16"], j)
                v = pl.DataFrame({"county": a["county"], "t": pl.Series(t2).cast(pl.Utf8).str.zfill(2),
                                  "d": pl.Series(d16).cast(pl.Utf8), "c": a["c"]}).select(
                    pl.concat_str([pl.col("county"), pl.lit("*" * 8), pl.col("t"), pl.col("d"), pl.col("c")])).to_series()
            elif kind == "idshort":
                _, d16 = _order_tail(np.zeros_like(a["d16"]), a["d16"], j)
                v = pl.DataFrame({"d01": a["d01"], "d": pl.Series(d16).cast(pl.Utf8), "c": a["c"]}).select(
                    pl.concat_str([pl.col("d01"), pl.lit("*" * 14), pl.col("d"), pl.col("c")])).to_series()
            elif kind == "uscc":
                v = self._uscc(a, j)
            elif kind == "oidA" or kind.startswith("rid:") or kind == "case":
                num = pl.Series(a["num"] + j * a["span"]).cast(pl.Utf8)
                v = pl.DataFrame({"pre": a["pre"], "num": num, "w": a["w"], "post": a["post"]}).select(
                    pl.concat_str([pl.col("pre"), pl.col("num").str.zfill(pl.col("w")), pl.col("post")])).to_series()
            elif kind == "hex:buyer":
                v = ("jd_" + f"{j:03x}") + a["rest"]
            elif kind == "addrtxt":
                if self.estates is None:
                    v = a["s"]
                else:
                    n = len(self.estates)
                    shift = (251 * j) % n
                    new = self.estates[shift:] + self.estates[:shift]
                    order = sorted(range(n), key=lambda i: -len(self.estates[i]))
                    v = a["s"].str.replace_many([self.estates[i] for i in order], [new[i] for i in order], leftmost=True)
            else:
                raise ValueError(kind)
            out.append(v.alias("v"))
        res = pl.concat(out)
        assert len(res) == self.n
        return res

    @staticmethod
    def _uscc(a: dict, j: int) -> pl.Series:
        org8 = (a["org8"] + 7919 * 1009 * j) % 10**8
        od = _int_digits(org8, 8)
        c = 11 - (od * _ORG_W).sum(axis=1) % 11          # organisation-code check: 10 -> 'X', 11 -> '0'
        oc_chr = np.where(c == 10, "X", np.where(c == 11, "0", c.astype(str)))
        oc_val = np.where(c == 10, _USCC_CHARS.index("X"), np.where(c == 11, 0, c))
        vals = np.concatenate([a["hd"], od, oc_val[:, None]], axis=1)
        s = (vals * _USCC_W).sum(axis=1) % 31
        chk = np.array(list(_USCC_CHARS))[(31 - s) % 31]
        body = pl.Series(org8).cast(pl.Utf8).str.zfill(8)
        return pl.DataFrame({"h": a["head"], "b": body, "o": pl.Series(oc_chr), "k": pl.Series(chk)}).select(
            pl.concat_str([pl.col("h"), pl.col("b"), pl.col("o"), pl.col("k")])).to_series()


# ---------------------------------------------------------------------------------- rendering
def _render_join(tokens: pl.DataFrame, newvals: pl.Series, keep: np.ndarray | None) -> str:
    t = tokens
    if keep is not None:
        t = t.filter(pl.Series(keep).gather(t["cell"]))
    if t.height == 0:
        return ""
    v = newvals.gather(t["slot"]).fill_null(t["text"])
    return v.str.join("").item()


def _render_cells(col: CellColumn, newvals: pl.Series, keep: np.ndarray | None) -> pl.Series:
    s = _render_join(col.tokens, newvals, keep)
    parts = s.split(SEP_CELL)[:-1]
    valid = col.valid if keep is None else col.valid[keep]
    out = pl.Series(col.name, parts, dtype=pl.Utf8)
    if col.list_len is not None:
        ln = col.list_len if keep is None else col.list_len[keep]
        out = pl.DataFrame({"s": out, "n": ln, "ok": valid}).select(
            pl.when(~pl.col("ok")).then(None).when(pl.col("n") == 0).then(pl.lit([], pl.List(pl.Utf8)))
            .otherwise(pl.col("s").str.split(SEP_LIST)).alias(col.name)).to_series()
        return out
    return pl.DataFrame({"s": out, "ok": valid}).select(
        pl.when(pl.col("ok")).then(pl.col("s")).alias(col.name)).to_series()


# ---------------------------------------------------------------------------------- base world
def ensure_base(base_dir: Path, n_debtors: int, seed: int, as_of: date, log=print) -> dict:
    base_dir = Path(base_dir)
    marker = base_dir / "base.json"
    want = {"debtors": n_debtors, "seed": seed, "as_of": as_of.isoformat()}
    if marker.exists():
        info = json.loads(marker.read_text())
        if all(info.get(k) == v for k, v in want.items()):
            return info
    from . import generate

    log(f"generating base world: {n_debtors} debtors, seed {seed} -> {base_dir}")
    t0 = time.perf_counter()
    summary = generate(base_dir, n_debtors, seed, as_of)
    info = {**want, "seconds": round(time.perf_counter() - t0, 1), "files": summary["files"]}
    marker.write_text(json.dumps(info, ensure_ascii=False, indent=1))
    return info


def load_template(base_dir: Path, log=print) -> Template:
    """Build (or load from ``base_dir/template.pkl``) the tokenised base world."""
    import pickle

    base_dir = Path(base_dir)
    cache = base_dir / "template.pkl"
    if cache.exists():
        try:
            with cache.open("rb") as fh:
                ver, tpl = pickle.load(fh)
            if ver == TEMPLATE_VERSION:
                return tpl
        except Exception:   # noqa: BLE001 - a stale cache is rebuilt
            pass
    t0 = time.perf_counter()
    tpl = build_template(base_dir)
    with cache.open("wb") as fh:
        pickle.dump((TEMPLATE_VERSION, tpl), fh, protocol=pickle.HIGHEST_PROTOCOL)
    log(f"tokenised base world in {time.perf_counter() - t0:.1f} s ({tpl.slots.height} distinct slots)")
    return tpl


# ---------------------------------------------------------------------------------- plan
@dataclass
class Plan:
    replicas: int            # m: roster replicas (every replica has the full roster)
    phi: list[float]         # share of bystander rows kept per replica
    psi: list[float]         # share of rows about debtors kept per replica


def make_plan(rows: int, rows_per_debtor: float, base_debtors: int, r_roster: int, r_debtor: int,
              r_other: int, mode: str) -> Plan:
    total = r_roster + r_debtor + r_other
    m = max(1, math.ceil(rows / total))
    if rows_per_debtor and rows_per_debtor > 0:
        m = max(m, round(rows / rows_per_debtor / base_debtors))
    if mode == "lean":
        fill = (rows - m * (r_roster + r_debtor)) / max(1, r_other)
        fill = min(max(fill, 0.0), m)
        phi = [min(max(fill - j, 0.0), 1.0) for j in range(m)]
        psi = [1.0] * m
    elif mode == "absent":
        fill = (rows - m * r_roster) / max(1, r_debtor + r_other)
        fill = min(max(fill, 0.0), m)
        phi = [min(max(fill - j, 0.0), 1.0) for j in range(m)]
        psi = list(phi)
    else:
        raise ValueError(f"mode must be lean or absent, got {mode!r}")
    return Plan(m, phi, psi)


# ---------------------------------------------------------------------------------- writer
SOFT_DIRT = ["formula", "control_chars", "long_string", "bad_amount", "extra_columns_harmless"]


def generate_scaled(out_dir: Path, rows: int, seed: int = 12, base_debtors: int = 2000,
                    rows_per_debtor: float = 50.0, mode: str = "lean", as_of: date = date(2026, 11, 27),
                    base_dir: Path | None = None, truth: bool = True, estate_swap: bool = True,
                    log=print) -> dict:
    """Write ``out_dir/inbox`` (about ``rows`` data rows) and ``out_dir/truth``; returns a summary.

    ``base_dir`` caches the base world and its tokenised form (default ``out_dir/base``).
    """
    t_start = time.perf_counter()
    out_dir = Path(out_dir)
    base_dir = Path(base_dir) if base_dir else out_dir / "base"
    base_info = ensure_base(base_dir, base_debtors, seed, as_of, log)
    t_base = time.perf_counter() - t_start
    tpl = load_template(base_dir, log)
    t_tpl = time.perf_counter() - t_start - t_base

    rec0 = tpl.truth["records"][0]
    debtor_lines = (rec0.filter(pl.col("true_id_number").is_not_null() | pl.col("account_true_id_number").is_not_null())
                    .select("file", "line").unique())
    # per file: line kinds
    files_info = []
    r_roster = r_debtor = r_other = 0
    for f in tpl.text:
        n = f.n_lines
        idx = np.arange(n)
        header = np.zeros(n, bool)
        if f.header:
            header[0] = True
        trunc = np.zeros(n, bool)
        if f.truncated_last and n:
            trunc[-1] = True
        dl = debtor_lines.filter(pl.col("file") == f.rel)["line"].to_numpy() - 1
        deb = np.zeros(n, bool)
        deb[dl[(dl >= 0) & (dl < n)]] = True
        files_info.append((f.rel, "text", n, header, trunc, deb))
        data = int((~header).sum())
        if f.rel.startswith("debtors/"):
            r_roster += data
        else:
            r_debtor += int((deb & ~header).sum())
            r_other += int((~deb & ~header).sum())
    for rel, (table, _) in tpl.parquet.items():
        n = table.num_rows
        dl = debtor_lines.filter(pl.col("file") == rel)["line"].to_numpy() - 1
        deb = np.zeros(n, bool)
        deb[dl[(dl >= 0) & (dl < n)]] = True
        files_info.append((rel, "parquet", n, np.zeros(n, bool), np.zeros(n, bool), deb))
        r_debtor += int(deb.sum())
        r_other += int((~deb).sum())
    plan = make_plan(rows, rows_per_debtor, base_debtors, r_roster, r_debtor, r_other, mode)
    m = plan.replicas
    log(f"plan: {m} replicas of {base_debtors} debtors; base rows: roster {r_roster}, about debtors {r_debtor}, "
        f"others {r_other}; bystander share per replica {sum(plan.phi):.2f} of {m}")

    t0 = time.perf_counter()
    sv = SlotValues(tpl.slots, m, estate_swap)
    log(f"phone and ID tables for {m} replicas in {time.perf_counter() - t0:.1f} s "
        f"({len(sv.phone_u)} phones, {len(sv.id_u)} IDs)")

    inbox = out_dir / "inbox"
    tdir = out_dir / "truth"
    for d in (inbox, tdir):
        if d.exists():
            shutil.rmtree(d)
    for kind in ("debtors", "ecommerce", "social", "logistics"):
        (inbox / kind).mkdir(parents=True, exist_ok=True)
    if truth:
        tdir.mkdir(parents=True, exist_ok=True)

    text_by_rel = {f.rel: f for f in tpl.text}
    handles: dict[str, object] = {}
    written = {fi[0]: 0 for fi in files_info}   # physical lines / parquet rows written per file
    rows_out = {fi[0]: 0 for fi in files_info}
    try:
        for rel, kind, *_ in files_info:
            path = inbox / rel
            if kind == "text":
                handles[rel] = path.open("wb")
            else:
                handles[rel] = None   # ParquetWriter opened on first write
        truth_writers: dict[str, pq.ParquetWriter] = {}
        rec_df0, rec_cols = tpl.truth["records"]
        rec_file_line = rec_df0.select("file", "line")
        for j in range(m):
            tj = time.perf_counter()
            vals = sv.values(j)
            emitted = []   # (file, base_line, new_line)
            for fi, (rel, kind, n, header, trunc, deb) in enumerate(files_info):
                if n == 0:
                    continue
                roster = rel.startswith("debtors/")
                if roster:
                    keep = np.ones(n, bool)
                else:
                    u = np.random.default_rng([seed, j, fi, 7]).random(n)
                    keep = np.where(deb, u < plan.psi[j], u < plan.phi[j])
                keep &= ~header | (j == 0)
                if header.any() and j == 0:
                    keep[header] = True
                keep &= ~trunc | (j == m - 1)
                if j == m - 1:
                    keep |= trunc
                k_idx = np.nonzero(keep)[0]
                if len(k_idx) == 0:
                    continue
                new_line = written[rel] + np.arange(1, len(k_idx) + 1)
                emitted.append(pl.DataFrame({"file": [rel] * len(k_idx), "bline": (k_idx + 1).astype(np.int64),
                                             "nline": new_line.astype(np.int64)}))
                written[rel] += len(k_idx)
                rows_out[rel] += int((keep & ~header).sum())
                if kind == "text":
                    f = text_by_rel[rel]
                    s = _render_join(f.tokens, vals, keep)
                    handles[rel].write(s.encode(f.encoding))
                else:
                    table, cols = tpl.parquet[rel]
                    sub = table.filter(pa.array(keep))
                    arrays = []
                    for c in table.column_names:
                        if c in cols:
                            arrays.append(_render_cells(cols[c], vals, keep).to_arrow().cast(table.schema.field(c).type))
                        else:
                            arrays.append(sub.column(c))
                    chunk = pa.Table.from_arrays(arrays, schema=table.schema)
                    if handles[rel] is None:
                        handles[rel] = pq.ParquetWriter(inbox / rel, table.schema)
                    handles[rel].write_table(chunk)
            if truth:
                _write_truth_replica(tpl, vals, j, m, emitted, rec_file_line, truth_writers, tdir)
            if j == 0 or (j + 1) % max(1, m // 10) == 0 or j == m - 1:
                log(f"  replica {j + 1}/{m} written in {time.perf_counter() - tj:.2f} s "
                    f"(rows so far {sum(rows_out.values()):,})")
        for w in truth_writers.values():
            w.close()
    finally:
        for rel, h in handles.items():
            if h is not None:
                h.close()
    # parquet files that never got a row: write an empty table with the schema
    for rel, (table, _) in tpl.parquet.items():
        if not (inbox / rel).exists():
            pq.write_table(table.slice(0, 0), inbox / rel)
    roster_rows = sum(v for k, v in rows_out.items() if k.startswith("debtors/"))
    summary = {
        "out_dir": str(out_dir), "seed": seed, "as_of": as_of.isoformat(), "rows_requested": rows,
        "rows": sum(rows_out.values()), "rows_roster": roster_rows, "rows_platform": sum(rows_out.values()) - roster_rows,
        "debtors": m * base_debtors, "replicas": m, "mode": mode, "rows_per_debtor": rows_per_debtor,
        "base": {"dir": str(base_dir), "debtors": base_debtors, "rows_roster": r_roster,
                 "rows_about_debtors": r_debtor, "rows_other": r_other, "seconds": base_info.get("seconds")},
        "bystander_share": round(sum(plan.phi) / m, 4), "estate_swap": estate_swap, "truth": truth,
        "files": dict(sorted(rows_out.items())),
        "seconds": {"base": round(t_base, 1), "template": round(t_tpl, 1),
                    "write": round(time.perf_counter() - t_start - t_base - t_tpl, 1),
                    "total": round(time.perf_counter() - t_start, 1)},
    }
    (out_dir / "scale.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1))
    return summary


def _write_truth_replica(tpl: Template, vals: pl.Series, j: int, m: int, emitted: list[pl.DataFrame],
                         rec_file_line: pl.DataFrame, writers: dict, tdir: Path) -> None:
    def write(name: str, df: pl.DataFrame) -> None:
        t = df.to_arrow()
        if name not in writers:
            writers[name] = pq.ParquetWriter(tdir / f"{name}.parquet", t.schema)
        writers[name].write_table(t.cast(writers[name].schema))

    # records: the rows whose line was written, renumbered
    rec, cols = tpl.truth["records"]
    em = pl.concat(emitted) if emitted else pl.DataFrame(schema={"file": pl.Utf8, "bline": pl.Int64, "nline": pl.Int64})
    pos = (rec_file_line.with_row_index("i").join(em, left_on=["file", "line"], right_on=["file", "bline"], how="inner")
           .sort("i"))
    keep = np.zeros(rec.height, bool)
    keep[pos["i"].to_numpy()] = True
    out = rec.filter(pl.Series(keep)).with_columns(line=pos["nline"])
    out = out.with_columns([_render_cells(c, vals, keep).alias(name) for name, c in cols.items()])
    write("records", out.select(rec.columns))
    # per-person statistics of what was written (as synth.render.write_truth counts them)
    base_rec = rec.filter(pl.Series(keep))
    anyc = base_rec.filter(pl.col("person_key").is_not_null()).group_by("person_key").agg(pl.len().alias("n_records"))
    usable = base_rec.filter(pl.col("person_key").is_not_null() & (pl.col("dirty").is_null() | pl.col("dirty").is_in(SOFT_DIRT))
                             & pl.col("place_kind").is_not_null()
                             & ((pl.col("item") == "geo_post") | pl.col("delivered").fill_null(False)))
    kinds = usable.group_by("person_key").agg(
        [(pl.col("place_kind") == k).sum().cast(pl.Int64).alias(f"n_{k}") for k in ("home", "old_home", "work", "pickup", "other")])
    deb, dcols = tpl.truth["debtors"]
    stats = anyc.join(kinds, on="person_key", how="left")
    d = deb.drop("n_records", "n_home", "n_old_home", "n_work", "n_pickup", "n_other").join(
        stats, on="person_key", how="left", maintain_order="left")
    person = pl.col("kind") == "person"
    d = d.with_columns([pl.when(person).then(pl.col(c).fill_null(0).cast(pl.Int64)).alias(c)
                        for c in ("n_records", "n_home", "n_old_home", "n_work", "n_pickup", "n_other")])
    d = d.with_columns(
        on_platforms=pl.when(person).then(pl.col("n_records") > 0).otherwise(pl.col("on_platforms")),
        absent=pl.when(person).then(pl.col("n_records") == 0).otherwise(pl.col("absent")),
        has_home_delivery=pl.when(person).then(pl.col("n_home") > 0).otherwise(pl.col("has_home_delivery")),
        namesakes_same_city=(pl.col("namesakes_same_city") + 1) * m - 1,
        namesakes_total=(pl.col("namesakes_total") + 1) * m - 1,
    )
    d = d.with_columns([_render_cells(c, vals, None).alias(name) for name, c in dcols.items()])
    write("debtors", d.select(deb.columns))
    ppl, pcols = tpl.truth["people"]
    p = ppl.with_columns([_render_cells(c, vals, None).alias(name) for name, c in pcols.items()])
    write("people", p.select(ppl.columns))


# ---------------------------------------------------------------------------------- CLI
def parse_rows(x: str) -> int:
    x = x.strip().upper().replace("_", "").replace(",", "")
    mult = 1
    if x.endswith("K"):
        mult, x = 1000, x[:-1]
    elif x.endswith("M"):
        mult, x = 1_000_000, x[:-1]
    return int(float(x) * mult)


def cli_main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m synth.scale", description="Write a scaled synthetic world (inbox + truth).")
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--rows", required=True, type=parse_rows, help="data rows in the inbox, e.g. 1M, 5M, 50M")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--base-debtors", type=int, default=2000, help="debtors of the base world that is replicated")
    ap.add_argument("--rows-per-debtor", type=float, default=50.0, help="0: keep the base world's ratio (about 90)")
    ap.add_argument("--mode", choices=["lean", "absent"], default="lean",
                    help="how extra debtors are added: with their own rows only (lean) or with none (absent)")
    ap.add_argument("--base-dir", type=Path, help="cache for the base world (default OUT/base)")
    ap.add_argument("--no-truth", action="store_true")
    ap.add_argument("--no-estate-swap", action="store_true")
    ap.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 11, 27))
    a = ap.parse_args(argv)

    def log(msg: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)

    s = generate_scaled(a.out, a.rows, a.seed, a.base_debtors, a.rows_per_debtor, a.mode, a.as_of, a.base_dir,
                        not a.no_truth, not a.no_estate_swap, log)
    print(json.dumps(s, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(cli_main())
