"""DuckDB access: build each run in a private staging file, publish by atomic rename.

DuckDB allows one writer process or many readers, never both.  Analysts keep the
published file open read-only while the nightly run works on a copy; the copy
replaces the published file with ``os.replace`` (atomic on POSIX) only when the run
has succeeded.  A run that dies leaves the published file untouched; its staging
file is removed by the next run.
"""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
STAGING_SUFFIX = ".staging"


def sql_files() -> list[Path]:
    files = sorted(SQL_DIR.glob("*.sql"))
    if not files:
        raise RuntimeError(f"no SQL files found in {SQL_DIR}")
    return files


def apply_ddl(con: duckdb.DuckDBPyConnection) -> None:
    for path in sql_files():
        con.execute(path.read_text(encoding="utf-8"))


def configure(con: duckdb.DuckDBPyConnection, temp_dir: Path, memory_limit: str = "8GB", threads: int = 2) -> None:
    # Settings from pitfalls.md: spill big joins to disk instead of dying on a 24 GB box.
    con.execute(f"SET threads = {int(threads)}")
    con.execute("SET memory_limit = ?", [memory_limit])
    con.execute("SET preserve_insertion_order = false")
    con.execute("SET temp_directory = ?", [str(temp_dir)])


@dataclass
class Staging:
    published: Path
    path: Path
    con: duckdb.DuckDBPyConnection

    def close(self) -> None:
        try:
            self.con.execute("CHECKPOINT")
        finally:
            self.con.close()


def staging_path_for(db_path: Path, run_id: str) -> Path:
    return db_path.with_name(f"{db_path.name}.{run_id}{STAGING_SUFFIX}")


def remove_stale_staging(db_path: Path) -> list[Path]:
    """Delete staging files (and their WALs) left by runs that were killed."""
    removed = []
    for p in db_path.parent.glob(f"{db_path.name}.*{STAGING_SUFFIX}*"):
        p.unlink(missing_ok=True)
        removed.append(p)
    return removed


def open_staging(db_path: Path, run_id: str, temp_dir: Path) -> Staging:
    """A private read-write copy of the published database (or a new one)."""
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    staging = staging_path_for(db_path, run_id)
    staging.unlink(missing_ok=True)
    if db_path.exists():
        # Copying needs only read access: analysts holding the file open are not disturbed.
        shutil.copyfile(db_path, staging)
    con = duckdb.connect(str(staging))
    os.chmod(staging, 0o600)
    configure(con, temp_dir)
    apply_ddl(con)
    return Staging(db_path, staging, con)


def publish(staging: Staging) -> None:
    """Make the staging file the published database, atomically."""
    staging.close()
    with open(staging.path, "rb+") as fh:
        os.fsync(fh.fileno())
    os.chmod(staging.path, 0o600)
    os.replace(staging.path, staging.published)
    dir_fd = os.open(staging.published.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def replace_table(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> None:
    """Replace a table's rows with a frame's, matching columns by name."""
    con.execute(f"DELETE FROM {table}")
    append_table(con, table, frame)


def append_table(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> None:
    """Insert a frame's rows, matching columns by name; columns it lacks are NULL."""
    if frame.height == 0:
        return
    cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
    missing = [c for c in cols if c not in frame.columns]
    if missing:
        frame = frame.with_columns([pl.lit(None).alias(c) for c in missing])
    con.register("_incoming", frame.select(cols).to_arrow())
    try:
        con.execute(f"INSERT INTO {table} SELECT * FROM _incoming")
    finally:
        con.unregister("_incoming")


def query(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> pl.DataFrame:
    """Run a query and return a polars frame (through Arrow)."""
    rel = con.sql(sql, params=params) if params else con.sql(sql)
    return rel.pl()


def read_table(con: duckdb.DuckDBPyConnection, table: str) -> pl.DataFrame:
    return query(con, f"SELECT * FROM {table}")


@contextmanager
def read_only(db_path: Path):
    """A read-only connection, as analysts open the published file."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        yield con
    finally:
        con.close()
