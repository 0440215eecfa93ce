"""compare.py DB DIR: pipeline quarantine vs dirty rows in records.parquet."""
import sys, duckdb, polars as pl
con = duckdb.connect(sys.argv[1], read_only=True)

cur = con.execute("select run_id, file, line, source_kind, platform, reason from quarantine"); q = pl.DataFrame(cur.fetchall(), schema=["run_id","file","line","source_kind","platform","reason"], orient="row")
rec = pl.read_parquet(f"{sys.argv[2]}/truth/records.parquet")
fc = "qfile"; q = q.rename({"file": "qfile"}); lc = "line"
q = q.with_columns(pl.col(fc).str.replace(r"^.*inbox/", "").alias("file"), pl.col(lc).cast(pl.Int64).alias("line"))
j = q.join(rec.select("file", "line", "dirty", "dirt"), on=["file", "line"], how="full", coalesce=True)
print("dirty rows kept:"); print(j.filter(pl.col("dirty") & pl.col(fc).is_null()).select("file", "line", "dirt"))
print("clean/unknown rows quarantined:"); print(j.filter(pl.col(fc).is_not_null() & (pl.col("dirty").is_null() | ~pl.col("dirty").fill_null(False))).select([c for c in j.columns if c not in ("dirty",)]))
print(j.filter(pl.col("dirty") & pl.col("qfile").is_null()).group_by("file", "dirt").agg(pl.col("line").sort()).sort("file"))
print(q.group_by("file", "reason").len().sort("file"))
