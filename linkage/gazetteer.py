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


def parse_division_lines(lines) -> pl.DataFrame:
    """Flatten jionlp's tab-indented tree into one row per division.

    Columns: level (0..4), name, short, code (6 digits, levels 0-2 only),
    province, city, district, town (ancestors' full names, own name included).
    """
    rows = []
    path: list[str | None] = [None] * 5
    codes: list[str | None] = [None] * 3
    for raw in lines:
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        depth = len(line) - len(line.lstrip("\t"))
        if depth > 4:
            continue
        parts = line.strip("\t").split("\t")
        name = parts[0].strip()
        code = parts[1].strip() if len(parts) > 1 and depth <= 2 else None
        short = parts[2].strip() if len(parts) > 2 else None
        path[depth] = name
        for d in range(depth + 1, 5):
            path[d] = None
        if depth <= 2:
            codes[depth] = code
        rows.append(
            (
                depth,
                name,
                short or None,
                code if depth <= 2 else codes[2] if depth >= 3 else None,
                path[0],
                path[1] if depth >= 1 else None,
                path[2] if depth >= 2 else None,
                path[3] if depth >= 3 else None,
            )
        )
    return pl.DataFrame(
        rows,
        schema={
            "level": pl.Int8,
            "name": pl.Utf8,
            "short": pl.Utf8,
            "code": pl.Utf8,
            "province": pl.Utf8,
            "city": pl.Utf8,
            "district": pl.Utf8,
            "town": pl.Utf8,
        },
        orient="row",
    )


@functools.lru_cache(maxsize=1)
def divisions() -> pl.DataFrame:
    """All divisions of China (about 700k rows; ~1 s to build, cached)."""
    text = read_dictionary("china_location.txt")
    return parse_division_lines(text.splitlines())


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
