"""DuckDB access: build each run in a private staging file, publish by atomic rename.

DuckDB allows one writer process or many readers, never both.  Analysts keep the
published file open read-only while the nightly run works on a copy; the copy
replaces the published file with ``os.replace`` (atomic on POSIX) only when the run
has succeeded.  A run that dies leaves the published file untouched; its staging
file is removed by the next run.

``checkpoint(name)`` marks the points where a run can be made to die on purpose
(``LOCATE_FAULT_AT=name`` or ``name#n`` for the n-th time the point is reached):
tests kill runs there with SIGKILL and check nothing published changes.
"""
from __future__ import annotations

import os
import shutil
import signal
import threading
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
STAGING_SUFFIX = ".staging"

# Named points of a run where a fault can be injected (see ``checkpoint``), in run order.
CHECKPOINTS = (
    "begin",               # staging copy made, run lock held
    "ingest",              # after each inbox file is read (``ingest#3``: after the third)
    "record-ingest",       # ledger, quarantine and roster written to staging, not yet closed
    "link-before-writes",  # linkage computed, no table replaced yet
    "link-mid-writes",     # some tables replaced, others not
    "link-after-writes",   # every linkage table replaced in staging
    "reports-written",     # CSVs written next to the staging file, not yet published
    "runs-recorded",       # the run's row appended to staging `runs`
    "before-replace",      # staging closed and synced; os.replace not done
    "after-replace",       # the database is published; reports not moved yet
    "reports-moving",      # the first report file moved into place, the others not
    "reports-moved",       # every report in place; work folder not yet removed
)


class InjectedFault(RuntimeError):
    """Raised at a checkpoint when LOCATE_FAULT_MODE=raise (tests of failure handling)."""


_fault_hits: Counter = Counter()
_fault_lock = threading.Lock()


def checkpoint(name: str) -> None:
    """Die here if the environment asks for it: test hook for crash safety, a no-op otherwise.

    ``LOCATE_FAULT_AT=<name>[#n]`` kills the process with SIGKILL (no clean-up of any kind)
    the n-th time (default first) the run reaches checkpoint ``name``;
    ``LOCATE_FAULT_MODE=raise`` raises ``InjectedFault`` there instead.
    """
    spec = os.environ.get("LOCATE_FAULT_AT")
    if not spec:
        return
    target, _, nth = spec.partition("#")
    if target != name:
        return
    with _fault_lock:
        _fault_hits[name] += 1
        hit = _fault_hits[name]
    if hit != int(nth or 1):
        return
    if os.environ.get("LOCATE_FAULT_MODE", "kill") == "raise":
        raise InjectedFault(f"injected fault at checkpoint {name!r}")
    os.kill(os.getpid(), signal.SIGKILL)


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
        # The copy is created private (0600) before any byte is written into it.
        fd = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(db_path, "rb") as src, os.fdopen(fd, "wb") as dst:
            shutil.copyfileobj(src, dst, 16 * 1024 * 1024)
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
    checkpoint("before-replace")
    os.replace(staging.path, staging.published)
    checkpoint("after-replace")
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


def published_run(db_path: Path, run_id: str) -> tuple[str | None, dict[str, str]]:
    """(outcome, {report file: sha256}) of a run in the published database; (None, {}) when
    the database does not hold that run (never published, or no database yet)."""
    db_path = Path(db_path)
    if not db_path.exists():
        return None, {}
    with read_only(db_path) as con:
        row = con.execute("SELECT outcome FROM runs WHERE run_id = ?", [run_id]).fetchone()
        if row is None:
            return None, {}
        files = dict(con.execute("SELECT file, sha256 FROM reports WHERE run_id = ?", [run_id]).fetchall())
    return row[0], files


@contextmanager
def read_only(db_path: Path):
    """A read-only connection, as analysts open the published file."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        yield con
    finally:
        con.close()
