"""Throughput of ``linkage.addresses.parse_addresses`` on the addresses of an inbox.

Reads every address string of an inbox (e-commerce 收货地址, logistics receiver/sender
address, social geo_posts[].address, debtor 户籍地址), keeps the distinct ones (first N),
builds the gazetteer tables, then times ``parse_addresses`` on them in this (fresh)
process and prints addresses/second.

    .venv/bin/python benchmarks/address_parse.py /tmp/locate-bench/world-1M-s12-b2000-r50-lean/inbox
    .venv/bin/python benchmarks/address_parse.py INBOX --limit 100000
    .venv/bin/python benchmarks/address_parse.py INBOX --dump /tmp/addr_corpus.parquet  # save the corpus
    .venv/bin/python benchmarks/address_parse.py INBOX --module /tmp/addresses_old.py    # another copy of the parser

Each run is one cold measurement (empty parse caches); repeat it a few times on a
loaded machine and take the best.
"""
from __future__ import annotations

import argparse
import io
import json
import sys
import time
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CSV_ADDRESS_COLUMNS = ("收货地址", "户籍地址")


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return raw.decode("gb18030", errors="replace")


def read_inbox_addresses(inbox: Path) -> list[str]:
    """All address strings of an inbox, distinct, in file order."""
    chunks: list[pl.Series] = []
    for path in sorted(inbox.rglob("*.csv")):
        text = _read_text(path)
        if not text.strip():
            continue
        df = pl.read_csv(io.StringIO(text), infer_schema=False, truncate_ragged_lines=True)
        for col in CSV_ADDRESS_COLUMNS:
            if col in df.columns:
                chunks.append(df[col])
    for path in sorted(inbox.rglob("*.parquet")):
        cols = [c for c in ("receiver_address", "sender_address") if c in pl.read_parquet_schema(path)]
        if cols:
            df = pl.read_parquet(path, columns=cols)
            chunks.extend(df[c] for c in cols)
    for path in sorted(inbox.rglob("*.jsonl")):
        out = []
        with path.open(encoding="utf-8", errors="replace") as fh:
            for line in fh:
                try:
                    rec = json.loads(line)
                except ValueError:
                    continue
                for post in rec.get("geo_posts") or ():
                    if isinstance(post, dict) and isinstance(post.get("address"), str):
                        out.append(post["address"])
        chunks.append(pl.Series(out, dtype=pl.Utf8))
    if not chunks:
        return []
    allv = pl.concat([c.cast(pl.Utf8).rename("raw") for c in chunks])
    return allv.drop_nulls().unique(maintain_order=True).to_list()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inbox", type=Path)
    ap.add_argument("--limit", type=int, default=0, help="first N distinct addresses (0: all)")
    ap.add_argument("--dump", type=Path, help="write the corpus (column raw) to this parquet and exit")
    ap.add_argument("--module", type=Path,
                    help="time this file (e.g. a saved older linkage/addresses.py) instead of linkage.addresses")
    a = ap.parse_args()

    t0 = time.perf_counter()
    values = read_inbox_addresses(a.inbox)
    if a.limit:
        values = values[: a.limit]
    series = pl.Series("raw", values, dtype=pl.Utf8)
    print(f"corpus: {len(values):,} distinct addresses read in {time.perf_counter() - t0:.1f} s")
    if a.dump:
        series.to_frame().write_parquet(a.dump)
        print(f"written {a.dump}")
        return

    if a.module:
        import importlib.util

        spec = importlib.util.spec_from_file_location("addresses_under_test", a.module)
        addresses = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = addresses      # dataclasses look their module up there
        spec.loader.exec_module(addresses)
    else:
        from linkage import addresses

    t0 = time.perf_counter()
    addresses._tables()
    addresses._t2s_table()
    print(f"tables: {time.perf_counter() - t0:.2f} s")

    t0, c0 = time.perf_counter(), time.process_time()
    df = addresses.parse_addresses(series)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    assert df.height == len(values)
    print(f"parse_addresses: {len(values):,} addresses in {dt:.2f} s (cpu {cpu:.2f} s) = "
          f"{len(values) / dt:,.0f} addresses/s")


if __name__ == "__main__":
    main()
