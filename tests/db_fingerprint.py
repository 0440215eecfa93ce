"""Content fingerprints of a published database, for tests comparing two runs."""
from __future__ import annotations

from pathlib import Path

import duckdb

# Differ from run to run whatever happens: run ids and clock readings.
RUN_COLUMNS = frozenset({"run_id", "started_at", "finished_at", "ingested_at", "written_at", "duration_s"})


def fingerprint(db: Path, skip_tables=(), ignore_columns=RUN_COLUMNS, table_columns: dict | None = None,
                row_filters: dict | None = None) -> dict:
    """Per table: (row count, order-independent hash of its rows), computed by DuckDB.

    ``ignore_columns`` are left out of every table, ``table_columns`` maps a table to more
    columns to leave out, ``row_filters`` a table to a WHERE condition (test-owned literals).
    Doubles are rounded to 9 digits: float sums in ranking are not bit-for-bit reproducible."""
    table_columns, row_filters = table_columns or {}, row_filters or {}
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' ORDER BY 1").fetchall()]
        for t in tables:
            if t in skip_tables:
                continue
            cols = []
            for name, typ, *_ in con.execute(f'DESCRIBE "{t}"').fetchall():
                if name in ignore_columns or name in table_columns.get(t, ()):
                    continue
                cols.append(f'round("{name}", 9) AS "{name}"' if typ in ("DOUBLE", "FLOAT") else f'"{name}"')
            where = f"WHERE {row_filters[t]}" if t in row_filters else ""
            out[t] = con.execute(f'SELECT count(*), coalesce(sum(hash(s)::HUGEINT), 0)::VARCHAR '
                                 f'FROM (SELECT {", ".join(cols)} FROM "{t}" {where}) s').fetchone()
        return out
    finally:
        con.close()
