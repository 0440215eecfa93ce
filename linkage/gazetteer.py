"""China's administrative divisions as lookup tables.

The tree comes from jionlp's ``china_location.txt`` (province > city > county >
town > village/community, codes on the first three levels).  jionlp's own parser
runs at ~130 addresses/s, so we only borrow its dictionary and build flat,
vectorisable tables from it once per process.
"""
from __future__ import annotations

import functools
import importlib.util
import zipfile
from pathlib import Path

import polars as pl

LEVELS = ("province", "city", "district", "town", "village")


def _dictionary_dir() -> Path:
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jionlp is not installed; it ships the administrative-division tables")
    return Path(list(spec.submodule_search_locations)[0]) / "dictionary"


def read_dictionary(name: str) -> str:
    """A jionlp dictionary file's text, from the .txt or, on a fresh install, its .zip.

    jionlp ships some tables zipped and unzips them on first use of its own parsers;
    we never call those, so read the archive directly (nothing is written).
    """
    folder = _dictionary_dir()
    txt = folder / name
    if txt.exists():
        return txt.read_text(encoding="utf-8")
    archive = folder / (Path(name).stem + ".zip")
    if archive.exists():
        with zipfile.ZipFile(archive) as zf:
            return zf.read(name).decode("utf-8")
    raise FileNotFoundError(f"jionlp dictionary {name} not found in {folder}")


def _carried(value: pl.Expr, depth: int) -> pl.Expr:
    """A row's ancestor at `depth`: the last row at that depth, unless a shallower row
    came after it (its sentinel stops the forward fill)."""
    return (pl.when(pl.col("depth") == depth).then(value)
            .when(pl.col("depth") < depth).then(pl.lit(_NONE))
            .otherwise(None).forward_fill())


_NONE = "\x00"


def _unset(e: pl.Expr) -> pl.Expr:
    return pl.when(e == _NONE).then(None).otherwise(e)


def parse_division_lines(text: str) -> pl.DataFrame:
    """Flatten jionlp's tab-indented tree into one row per division.

    Columns: level (0..4), name, short, code (6 digits, levels 0-2 only; a town or village
    carries its county's), province, city, district, town (ancestors' full names, own
    name included).  Vectorised: every process that parses addresses builds this 700k-row
    table, and a loop over its lines took 1.2-1.5 s of each.
    """
    lines = pl.Series("line", [text]).str.split("\n").explode().str.strip_chars_end("\r")
    df = pl.DataFrame({"line": lines}).filter(pl.col("line").str.strip_chars() != "")
    df = df.with_columns(depth=pl.col("line").str.len_chars()
                         - pl.col("line").str.strip_chars_start("\t").str.len_chars()).filter(pl.col("depth") <= 4)
    parts = pl.col("line").str.strip_chars("\t").str.split("\t")
    df = df.with_columns(name=parts.list.get(0, null_on_oob=True).str.strip_chars(),
                         own_code=pl.when(pl.col("depth") <= 2).then(parts.list.get(1, null_on_oob=True).str.strip_chars()),
                         short=parts.list.get(2, null_on_oob=True).str.strip_chars())
    county_code = _unset(_carried(pl.col("own_code").fill_null(_NONE), 2))
    return df.select(
        level=pl.col("depth").cast(pl.Int8),
        name=pl.col("name"),
        short=pl.when(pl.col("short") != "").then(pl.col("short")),
        code=pl.when(pl.col("depth") <= 2).then(pl.col("own_code")).otherwise(county_code),
        province=_unset(_carried(pl.col("name"), 0)),
        city=pl.when(pl.col("depth") >= 1).then(_unset(_carried(pl.col("name"), 1))),
        district=pl.when(pl.col("depth") >= 2).then(_unset(_carried(pl.col("name"), 2))),
        town=pl.when(pl.col("depth") >= 3).then(_unset(_carried(pl.col("name"), 3))),
    )


@functools.lru_cache(maxsize=1)
def divisions() -> pl.DataFrame:
    """All divisions of China (about 700k rows; ~0.4 s to build, cached)."""
    return parse_division_lines(read_dictionary("china_location.txt"))


@functools.lru_cache(maxsize=1)
def mobile_prefixes() -> pl.DataFrame:
    """Mobile number 7-digit prefixes to (province, city), from jionlp's phone table.

    Columns: prefix7 (e.g. '1385710'), province, city.
    """
    rows = []
    region = None
    for raw in read_dictionary("phone_location.txt").splitlines():
        if not raw.strip():
            continue
        if not raw.startswith("\t"):
            region = raw.split("\t")[0].strip()
            continue
        parts = raw.strip("\t").split("\t")
        if len(parts) < 2 or region is None:
            continue
        head, ranges = parts[0], parts[1]
        prov, _, city = region.partition(" ")
        for span in ranges.split(","):
            lo, _, hi = span.partition("-")
            hi = hi or lo
            for n in range(int(lo), int(hi) + 1):
                rows.append((f"{head}{n:04d}", prov, city or prov))
    return pl.DataFrame(rows, schema={"prefix7": pl.Utf8, "province": pl.Utf8, "city": pl.Utf8}, orient="row")


@functools.lru_cache(maxsize=1)
def landline_area_codes() -> pl.DataFrame:
    """Landline area codes ('0571') to (province, city)."""
    rows = []
    for raw in read_dictionary("landline_phone_area_code.txt").splitlines():
        parts = raw.strip().split()
        if len(parts) >= 2:
            prov, _, city = parts[1].partition("/")
            rows.append((parts[0], prov, city or prov))
    return pl.DataFrame(rows, schema={"area_code": pl.Utf8, "province": pl.Utf8, "city": pl.Utf8}, orient="row")
