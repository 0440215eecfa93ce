"""Self-checks of synth/scale.py (about a minute on a small base world).

    .venv/bin/python benchmarks/check_scale.py [--work /tmp/locate-scale-check]

1. One replica is the base world byte for byte (every inbox file; Parquet and truth by value).
2. Over 40 replicas: every full ID keeps a valid check character, county, gender and check;
   masked IDs and masked / formatted phones agree with the transformed full value; full IDs
   and phones are unique; phones keep their prefix's province and city.
3. A 3-replica world: roster IDs and credit codes valid, (case, ID) unique, order ids and
   waybill numbers unique per file, truth lines point at existing lines.
"""
from __future__ import annotations

import argparse
import filecmp
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import polars as pl  # noqa: E402

from synth import scale  # noqa: E402
from synth.ids import id_valid, uscc_valid  # noqa: E402


def check_round_trip(work: Path, base: Path) -> None:
    tpl = scale.load_template(base, log=lambda m: None)
    total = sum(f.n_lines - (1 if f.header else 0) for f in tpl.text) + sum(t.num_rows for t, _ in tpl.parquet.values())
    out = work / "one"
    s = scale.generate_scaled(out, total, seed=SEED, base_debtors=DEBTORS, rows_per_debtor=0, base_dir=base,
                              log=lambda m: None)
    assert s["replicas"] == 1 and s["rows"] == total, s
    for p in sorted((base / "inbox").rglob("*")):
        if p.is_file():
            q = out / "inbox" / p.relative_to(base / "inbox")
            if p.suffix == ".parquet":
                assert pl.read_parquet(p).equals(pl.read_parquet(q)), p
            else:
                assert filecmp.cmp(p, q, shallow=False), f"{p} differs"
    for name in ("records", "debtors", "people"):
        assert pl.read_parquet(base / "truth" / f"{name}.parquet").equals(pl.read_parquet(out / "truth" / f"{name}.parquet")), name
    print(f"1. one replica == base world ({total:,} rows): ok")


def check_transforms(base: Path, k: int = 40) -> None:
    from linkage.gazetteer import mobile_prefixes

    ppl = pl.read_parquet(base / "truth" / "people.parquet")
    ids = sorted(set(ppl["id_number"].to_list()))
    phones = sorted({p for lst in ppl["phones"].to_list() + ppl["stale_phones"].to_list() for p in lst})

    def mlong(x):
        return x[:6] + "*" * 8 + x[14:]

    def mshort(x):
        return x[:2] + "*" * 14 + x[16:]

    def mph(p):
        return p[:3] + "****" + p[7:]

    rows = ([("idfull", x) for x in ids] + [("idlong", mlong(x)) for x in ids] + [("idshort", mshort(x)) for x in ids]
            + [("phone", p) for p in phones] + [("mphone", mph(p)) for p in phones]
            + [("phone", f"{p[:3]} {p[3:7]} {p[7:]}") for p in phones] + [("phone", f"{p[:3]}-{p[3:7]}-{p[7:]}") for p in phones])
    slots = (pl.DataFrame(rows, schema=["kind", "text"], orient="row").unique().sort("kind", "text")
             .with_row_index("slot").with_columns(pl.col("slot").cast(pl.Int32)))
    at = dict(zip(zip(slots["kind"], slots["text"]), slots["slot"]))
    sv = scale.SlotValues(slots, k)
    mp = mobile_prefixes().unique("prefix7", keep="first")
    region = dict(zip(mp["prefix7"], zip(mp["province"], mp["city"])))
    all_ids, all_phones = set(), set()
    for j in range(k):
        v = sv.values(j).to_list()
        for x in ids:
            y = v[at[("idfull", x)]]
            assert id_valid(y) and y[:6] == x[:6] and y[-1] == x[-1] and int(y[16]) % 2 == int(x[16]) % 2, (j, x, y)
            assert v[at[("idlong", mlong(x))]] == mlong(y) and v[at[("idshort", mshort(x))]] == mshort(y), (j, x, y)
            all_ids.add(y)
        for p in phones:
            q = v[at[("phone", p)]]
            assert q[:3] == p[:3] and region.get(q[:7]) == region.get(p[:7]), (j, p, q)
            assert v[at[("mphone", mph(p))]] == mph(q), (j, p, q)
            assert v[at[("phone", f"{p[:3]} {p[3:7]} {p[7:]}")]] == f"{q[:3]} {q[3:7]} {q[7:]}"
            assert v[at[("phone", f"{p[:3]}-{p[3:7]}-{p[7:]}")]] == f"{q[:3]}-{q[3:7]}-{q[7:]}"
            all_phones.add(q)
    assert len(all_ids) == k * len(ids) and len(all_phones) == k * len(phones)
    print(f"2. {k} replicas of {len(ids):,} IDs and {len(phones):,} phones: valid, consistent with masks, unique: ok")


def check_world(work: Path, base: Path) -> None:
    out = work / "three"
    tpl = scale.load_template(base, log=lambda m: None)
    total = sum(f.n_lines - (1 if f.header else 0) for f in tpl.text) + sum(t.num_rows for t, _ in tpl.parquet.values())
    scale.generate_scaled(out, 3 * total, seed=SEED, base_debtors=DEBTORS, rows_per_debtor=0, base_dir=base,
                          log=lambda m: None)
    inbox = out / "inbox"
    for f in sorted((inbox / "debtors").glob("*.csv")):
        df = pl.read_csv(f, infer_schema=False, truncate_ragged_lines=True)
        ids = df.filter(pl.col("证件类型") == "居民身份证")["证件号码"].drop_nulls().str.to_uppercase().to_list()
        orgs = df.filter(pl.col("证件类型") == "统一社会信用代码")["证件号码"].drop_nulls().to_list()
        assert all(id_valid(x) for x in ids if len(x) == 18 and x[:17].isdigit()), f
        assert all(uscc_valid(x) for x in orgs), f
        assert df.select("案号", "证件号码").is_duplicated().sum() == 0, f
    for f in sorted((inbox / "logistics").glob("*_waybills_*.parquet")):
        w = pl.read_parquet(f)
        assert w["waybill_no"].n_unique() == w.height, f
    main = pl.read_csv(inbox / "ecommerce" / "shopA_orders_20261127.csv", infer_schema=False, encoding="utf8-lossy",
                       truncate_ragged_lines=True, ignore_errors=True)
    ids = main[main.columns[0]].drop_nulls()
    assert ids.n_unique() >= ids.len() - 5, "order ids repeat"
    rec = pl.read_parquet(out / "truth" / "records.parquet")
    for file, maxline in rec.group_by("file").agg(pl.col("line").max()).iter_rows():
        p = inbox / file
        if p.suffix == ".parquet":
            n = pl.read_parquet(p).height
        else:
            n = p.read_bytes().count(b"\n") + 1
        assert maxline <= n, (file, maxline, n)
    print("3. three-replica world: roster valid, ids unique, truth lines in range: ok")


SEED, DEBTORS = 5, 300


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", type=Path, default=Path("/tmp/locate-scale-check"))
    a = ap.parse_args()
    base = a.work / "base"
    scale.ensure_base(base, DEBTORS, SEED, scale.date(2026, 11, 27), log=lambda m: None)
    check_round_trip(a.work, base)
    check_transforms(base)
    check_world(a.work, base)
    return 0


if __name__ == "__main__":
    sys.exit(main())
