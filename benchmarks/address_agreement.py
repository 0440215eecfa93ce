"""How often the address parser gives a raw spelling the key of its canonical address.

    .venv/bin/python benchmarks/address_corpus17/gen.py /tmp/pairs.csv      # 6,000 (canonical, raw) pairs
    .venv/bin/python benchmarks/address_agreement.py /tmp/pairs.csv [--show 40]

A raw spelling agrees when its place key names the canonical's door (``evaluation.door_matches``,
as ``locate evaluate`` counts a residence right).  Raws with no key at all (no district, no door)
are counted apart: the pipeline reads those in the debtor's city.  Some disagreements are no
parser's to fix (a natural village written in place of its group, a shortened estate name):
ranking joins such spellings for one debtor, this measure does not.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from linkage.evaluation import door_matches, truth_keys  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pairs", type=Path, help="CSV with columns canonical, raw")
    ap.add_argument("--show", type=int, default=0, help="print this many disagreeing pairs (random, seed 0)")
    a = ap.parse_args()
    r = pl.read_csv(a.pairs)
    raw, canon = truth_keys(r["raw"]), truth_keys(r["canonical"])
    r = r.with_columns(raw["key"].alias("key"), canon["key"].alias("true_key"), canon["street_key"].alias("street_key"))
    r = r.with_columns((door_matches(pl.col("key"), pl.col("true_key"))
                        | door_matches(pl.col("key"), pl.col("street_key"))).alias("agrees"))
    keyed = r.filter(pl.col("key").is_not_null())
    print(f"pairs {r.height:,}; raw keyed {keyed.height:,}; agree {r['agrees'].sum():,} ({r['agrees'].mean():.3f} of all, "
          f"{keyed['agrees'].mean():.3f} of keyed); canonicals without a key {r['true_key'].is_null().sum():,}")
    bad = keyed.filter(~pl.col("agrees")).rows(named=True)
    for x in random.Random(0).sample(bad, min(a.show, len(bad))):
        print(f"{x['raw']}\n    -> {x['key']}   canonical {x['true_key']}")


if __name__ == "__main__":
    main()
