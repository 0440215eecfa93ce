"""compare.py DB DIR: the pipeline's quarantine (DuckDB table `quarantine`) against DIR/truth/records.parquet.

Reports: dirty rows quarantined, dirty rows kept (per kind of dirt), clean rows quarantined (with reasons),
ambiguous rows (either outcome acceptable) and quarantine entries that match no labelled row.
Rows of files the pipeline refused as a whole (quarantine entry with no line, or `ingested_files` error) are listed too.
"""
import sys
from collections import Counter

import duckdb
import polars as pl


def main(db, d):
    R = pl.read_parquet(f"{d}/truth/records.parquet")
    con = duckdb.connect(db, read_only=True)
    Q = con.sql("select file, line, reason, raw from quarantine").pl()
    tables = {t[0] for t in con.sql("show tables").fetchall()}
    refused = {}
    if "ingested_files" in tables:
        cols = [c[0] for c in con.sql("describe ingested_files").fetchall()]
        err = next((c for c in ("error", "errors", "message", "outcome") if c in cols), None)
        fcol = next((c for c in ("file", "path", "name") if c in cols), None)
        if err and fcol:
            for f, e in con.sql(f"select {fcol}, {err} from ingested_files where {err} is not null and {err} <> ''").fetchall():
                refused[f] = e
    # files whose bytes equal an ingested file under another name are skipped by content hash: alias them
    import hashlib, os
    ing = {}
    if "ingested_files" in tables:
        ing = {h: f for h, f in con.sql("select sha256, file from ingested_files").fetchall()}
    ing_files = set(ing.values())
    alias, not_ingested = {}, set()
    for f in R["file"].unique().to_list():
        p = os.path.join(d, "inbox", f)
        if f in ing_files or not os.path.exists(p):
            continue
        h = hashlib.sha256(open(p, "rb").read()).hexdigest()
        if h in ing:
            alias[f] = ing[h]
        else:
            not_ingested.add(f)
    R = R.with_columns(pl.col("file").replace(alias)).unique(subset=["file", "line"], keep="first", maintain_order=True)
    qset = {}
    for f, l, reason, raw in Q.iter_rows():
        qset.setdefault((f, l), reason)
    whole = {f: reason for (f, l), reason in qset.items() if l in (None, 0)}
    lab = {(f, l): (dirty, dirt, amb) for f, l, dirty, dirt, amb in R.select("file", "line", "dirty", "dirt", "ambiguous").iter_rows()}

    def is_q(f, l):
        if f in not_ingested:
            return True
        return (f, l) in qset or f in whole or any(f.endswith(k) or k.endswith(f) for k in refused)

    out = []
    dirty = R.filter(pl.col("dirty"))
    kept = Counter()
    got = Counter()
    kept_ex = {}
    for f, l, dirt in dirty.select("file", "line", "dirt").iter_rows():
        if is_q(f, l):
            got[dirt] += 1
        else:
            kept[dirt] += 1
            kept_ex.setdefault(dirt, []).append(f"{f}:{l}")
    out.append(f"records labelled: {R.height}  dirty: {dirty.height}  ambiguous: {R['ambiguous'].sum()}")
    out.append(f"quarantine entries: {Q.height}  files refused whole: {len(set(whole) | set(refused))}")
    for a, b in sorted(alias.items()):
        out.append(f"  {a}: same bytes as {b}, skipped (its rows are judged under {b})")
    for f in sorted(not_ingested):
        out.append(f"  {f}: not in ingested_files (ignored; its rows count as refused)")
    for f, e in sorted(refused.items()):
        out.append(f"  refused file {f}: {e}")
    out.append("")
    out.append(f"dirty rows quarantined: {sum(got.values())}")
    out.append(f"dirty rows KEPT: {sum(kept.values())}")
    for k, n in kept.most_common():
        out.append(f"  {k:24s} {n:5d}  e.g. {', '.join(kept_ex[k][:3])}")
    clean_q = []
    amb_q = []
    unlabelled = []
    for (f, l), reason in qset.items():
        if l in (None, 0):
            continue
        if (f, l) not in lab:
            if l in (None, 0):
                continue
            unlabelled.append((f, l, reason))
            continue
        dty, dirt, amb = lab[(f, l)]
        if dty:
            continue
        if amb:
            amb_q.append((f, l, dirt, reason))
        else:
            clean_q.append((f, l, reason))
    out.append("")
    out.append(f"clean rows QUARANTINED: {len(clean_q)}")
    for reason, n in Counter(r.split(":")[0][:70] for _, _, r in clean_q).most_common(20):
        ex = [f"{f}:{l}" for f, l, r in clean_q if r.split(":")[0][:70] == reason][:3]
        out.append(f"  {n:5d}  {reason}  e.g. {', '.join(ex)}")
    out.append(f"ambiguous rows quarantined (acceptable): {len(amb_q)}")
    import re
    for (dirt, reason), n in Counter((d_, re.sub(r"\d+", "N", r.split(':')[0][:60])) for _, _, d_, r in amb_q).most_common(10):
        out.append(f"  {n:5d}  {dirt}: {reason}")
    amb_kept = R.filter(pl.col("ambiguous")).height - len(amb_q)
    out.append(f"ambiguous rows kept or skipped (acceptable): {amb_kept}")
    out.append(f"quarantine entries matching no labelled row: {len(unlabelled)}")
    for f, l, r in unlabelled[:10]:  # whole-file entries (line 0) of refused files are listed above
        out.append(f"  {f}:{l} {r[:80]}")
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
