"""compare.py DB WORLD: compare the pipeline's quarantine table with records.parquet (dirt by design)."""
import sys
import duckdb
import polars as pl

db, world = sys.argv[1], sys.argv[2]
c = duckdb.connect(db, read_only=True)
q = pl.from_arrow(c.sql("select file, line, reason, raw from quarantine").arrow())
rec = pl.read_parquet(f"{world}/truth/records.parquet")
# parquet records use 1-based row numbers; check the pipeline's convention by overlap
rec = rec.with_columns(pl.col("line").alias("line"))
j = q.join(rec, on=["file", "line"], how="left")
print("quarantined rows:", q.height)
print("quarantine rows with no record at that file/line:", j.filter(pl.col("record_key").is_null()).height)
for r in j.filter(pl.col("record_key").is_null()).head(20).iter_rows(named=True):
    print("  NO-RECORD", r["file"], r["line"], r["reason"][:80], (r["raw"] or "")[:80])
cq = j.filter(pl.col("record_key").is_not_null() & ~pl.col("dirty"))
print("CLEAN rows quarantined:", cq.height)
for r in cq.iter_rows(named=True):
    print("  CLEAN-Q", r["file"], r["line"], "copy" if r["copy"] else "", "|", r["reason"][:90], "|", (r["raw"] or "")[:120].replace("\n", " "))
dirty = rec.filter(pl.col("dirty"))
kept = dirty.join(q.select("file", "line").with_columns(pl.lit(True).alias("q")), on=["file", "line"], how="left").filter(pl.col("q").is_null())
unread = set(pl.from_arrow(c.sql("select * from ingested_files").arrow()).columns)
print("DIRTY rows kept (not in quarantine):", kept.height)
for r in kept.sort("file", "line").iter_rows(named=True):
    print("  DIRTY-KEPT", r["file"], r["line"], r["dirt_reason"])
