"""How common names are among everyone the platforms have shown us, kept across nights.

Term-frequency weights and the prior depend on the population the night's traces are
drawn from.  A small night (one late file) would otherwise look like a small world in
which every name is rare.  Retention forbids keeping non-debtors' data, so only counts
remain: people per surname, people per full name keyed by a salted hash (never the
name), and the population size, each the largest seen on any night.
"""
from __future__ import annotations

import hashlib

import polars as pl

HISTORY_SCHEMAS = {
    "names": {"name_hash": pl.Utf8, "name_count": pl.Int64},
    "surnames": {"surname": pl.Utf8, "surname_count": pl.Int64},
}


def name_hash(name: str, salt: str) -> str:
    return hashlib.blake2b(name.encode("utf-8"), key=salt.encode("utf-8")[:64], digest_size=12).hexdigest()


def empty_history() -> dict:
    return {k: pl.DataFrame(schema=s) for k, s in HISTORY_SCHEMAS.items()} | {"population": 0}


def merge(tonight: dict, population: int, history: dict, salt: str) -> tuple[dict, int, dict]:
    """Tonight's counts raised to the largest ever seen.

    Returns (frequencies for tonight's names and surnames, population, history to store).
    """
    names = tonight["names"].with_columns(
        pl.col("name").map_elements(lambda n: name_hash(n, salt), return_dtype=pl.Utf8).alias("name_hash"),
        pl.col("name_count").cast(pl.Int64),
    )
    names = names.join(history["names"].rename({"name_count": "_old"}), on="name_hash", how="left").with_columns(
        pl.max_horizontal("name_count", pl.col("_old").fill_null(0)).alias("name_count")).drop("_old")
    surnames = tonight["surnames"].with_columns(pl.col("surname_count").cast(pl.Int64)).join(
        history["surnames"].rename({"surname_count": "_old"}), on="surname", how="left").with_columns(
        pl.max_horizontal("surname_count", pl.col("_old").fill_null(0)).alias("surname_count")).drop("_old")
    pop = max(int(population), int(history.get("population") or 0))
    stored_names = pl.concat([history["names"], names.select(list(HISTORY_SCHEMAS["names"]))]).group_by(
        "name_hash").agg(pl.col("name_count").max())
    stored_surnames = pl.concat([history["surnames"], surnames.drop_nulls("surname").select(
        list(HISTORY_SCHEMAS["surnames"]))]).group_by("surname").agg(pl.col("surname_count").max())
    freqs = {"names": names.select("name", "name_count"), "surnames": surnames}
    return freqs, pop, {"names": stored_names, "surnames": stored_surnames, "population": pop}
