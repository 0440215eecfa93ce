"""The parser on an independent writer's spellings (``benchmarks/address_corpus17``): a floor a
little under today's agreement, so that only a regression fails."""
import subprocess
import sys
from pathlib import Path

import polars as pl

from linkage.evaluation import door_matches, truth_keys

GEN = Path(__file__).resolve().parent.parent / "benchmarks" / "address_corpus17" / "gen.py"


def test_raw_spellings_get_their_canonical_doors_key(tmp_path):
    out = tmp_path / "pairs.csv"
    subprocess.run([sys.executable, str(GEN), str(out)], check=True, capture_output=True)
    r = pl.read_csv(out)
    assert r.height == 6000
    raw, canon = truth_keys(r["raw"]), truth_keys(r["canonical"])
    x = pl.DataFrame({"k": raw["key"], "t": canon["key"], "s": canon["street_key"]}).with_columns(
        (door_matches(pl.col("k"), pl.col("t")) | door_matches(pl.col("k"), pl.col("s"))).alias("ok"))
    assert x["t"].is_not_null().mean() > 0.97          # canonical doors are read as doors
    assert x["ok"].mean() >= 0.66, x["ok"].mean()       # 0.673 at stop 28 (0.602 before it)
