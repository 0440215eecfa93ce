"""Where ``stages.ingest_file`` puts what an adapter streams: parquet files written as the
chunks arrive, so that no stage ever holds a whole large file's rows.

One rows file and one quarantine file per inbox file, each written incrementally (a row
group per chunk) under a temporary name and renamed into place by ``close``: a reader never
sees a half-written file, and a retried ingest simply writes them again.
"""
from __future__ import annotations

import os
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from .schema import QUARANTINE_SCHEMA, empty

# Work files, read once by a later stage of the same run and deleted with the run's work
# folder: fast to write matters more than small.  Uncompressed without statistics writes
# about five times as fast as zstd with them (a third of the ingest time was writing), for
# about four times the bytes (e-commerce: ~210 bytes a row); dictionaries only where values
# repeat a lot.
COMPRESSION = "none"
DICTIONARY_COLUMNS = ["source_kind", "platform", "file", "event", "sign_type", "category",
                      "court", "judge", "id_type", "status", "reason"]


class ParquetSink:
    """Sink for ``common.ChunkOutput``: ``write_rows`` / ``write_quarantine`` append a chunk;
    ``close`` finishes both files (an empty file with the schema when nothing came);
    ``discard`` drops whatever was written (the file turned out unreadable: no rows)."""

    def __init__(self, rows_path: str | Path, quarantine_path: str | Path, row_schema: dict):
        self.paths = {"rows": Path(rows_path), "quarantine": Path(quarantine_path)}
        self.schemas = {"rows": row_schema, "quarantine": QUARANTINE_SCHEMA}
        self.arrow = {k: empty(s).to_arrow().schema for k, s in self.schemas.items()}
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.rows_written = {"rows": 0, "quarantine": 0}

    def _tmp(self, kind: str) -> Path:
        p = self.paths[kind]
        return p.with_name(f"{p.name}.part-{os.getpid()}")

    def _write(self, kind: str, df: pl.DataFrame) -> None:
        if not df.height:
            return
        table = df.select(list(self.schemas[kind])).to_arrow().cast(self.arrow[kind])
        w = self.writers.get(kind)
        if w is None:
            w = self.writers[kind] = pq.ParquetWriter(
                self._tmp(kind), self.arrow[kind], compression=COMPRESSION, write_statistics=False,
                use_dictionary=[c for c in DICTIONARY_COLUMNS if c in self.schemas[kind]])
        w.write_table(table)
        self.rows_written[kind] += df.height

    def write_rows(self, df: pl.DataFrame) -> None:
        self._write("rows", df)

    def write_quarantine(self, df: pl.DataFrame) -> None:
        self._write("quarantine", df)

    def close(self) -> None:
        for kind, path in self.paths.items():
            w = self.writers.pop(kind, None)
            if w is None:
                empty(self.schemas[kind]).write_parquet(path)
                continue
            w.close()
            os.replace(self._tmp(kind), path)

    def discard(self) -> None:
        for kind in list(self.writers):
            w = self.writers.pop(kind)
            try:
                w.close()
            finally:
                self._tmp(kind).unlink(missing_ok=True)
        self.rows_written = {"rows": 0, "quarantine": 0}

    def __del__(self):   # an exception between open and close: leave no temporary file
        try:
            self.discard()
        except Exception:   # noqa: BLE001 - interpreter shutdown
            pass
