"""`locate calibrate`: fit the confidence model on a run over a generated world.

Reads a published database and the world's truth, labels each ranked place and phone
right or wrong, fits one logistic model per kind and (with --write) replaces
linkage/calibration_params.py.  Use a world whose seed is never used for evaluation.
"""
from __future__ import annotations

import pprint
import textwrap
from datetime import date
from pathlib import Path

import polars as pl

from linkage import calibration
from linkage.evaluation import floor_matches, is_true_door, truth_keys
from publish import warehouse

PARAMS_FILE = Path(__file__).resolve().parent.parent / "linkage" / "calibration_params.py"


def _keyed(values: pl.Series, prefix: str) -> list[pl.Series]:
    keys = truth_keys(values)
    return [keys["key"].alias(f"{prefix}_key"), keys["street_key"].alias(f"{prefix}_street_key")]


def _labelled(db: Path, truth_dir: Path, as_of: date) -> tuple[pl.DataFrame, pl.DataFrame]:
    truth = pl.read_parquet(Path(truth_dir) / "debtors.parquet").filter(pl.col("kind") == "person")
    keys = truth.select(
        "id_number", "current_phones",
        *_keyed(truth["home_address"], "home"),
        *_keyed(truth["work_address"], "work"),
    )
    with warehouse.read_only(db) as con:
        locations = warehouse.read_table(con, "locations")
        contacts = warehouse.read_table(con, "contacts")
    loc = calibration.place_features(locations, as_of).join(keys, on="id_number", how="inner")
    loc = loc.with_columns(
        pl.when(pl.col("kind") == "residence")
        .then(is_true_door(pl.col("place_key"), pl.col("home_key"), pl.col("home_street_key")))
        .otherwise(is_true_door(pl.col("place_key"), pl.col("work_key"), pl.col("work_street_key"))
                   | floor_matches(pl.col("place_key"), pl.col("work_key"))).alias("right"))
    # Features of the whole contacts table, as ranking computes them, then the phones.
    con_ = calibration.place_features(contacts, as_of).filter(pl.col("kind") == "phone").join(
        keys, on="id_number", how="inner")
    con_ = con_.with_columns(pl.col("current_phones").list.contains(pl.col("value")).fill_null(False).alias("right"))
    return loc, con_


def calibrate(db: Path | list[Path], truth_dir: Path | list[Path], as_of: date | list[date], write: bool) -> dict:
    """Fit on one run, or on several runs together (worlds of different generators, so that
    confidence does not learn one generator's habits): ``db[i]`` is a run over the world
    of ``truth_dir[i]`` as of ``as_of[i]`` (one date for all runs, or one per run: worlds
    whose exports end on different days)."""
    dbs = list(db) if isinstance(db, (list, tuple)) else [db]
    truths = list(truth_dir) if isinstance(truth_dir, (list, tuple)) else [truth_dir]
    dates = list(as_of) if isinstance(as_of, (list, tuple)) else [as_of]
    if len(dbs) != len(truths):
        raise ValueError(f"{len(dbs)} database(s) but {len(truths)} truth folder(s): give one --truth per --db")
    if len(dates) == 1:
        dates = dates * len(dbs)
    if len(dates) != len(dbs):
        raise ValueError(f"{len(dbs)} database(s) but {len(dates)} --as-of date(s): give one date, or one per --db")
    parts = [_labelled(Path(d), Path(t), a) for d, t, a in zip(dbs, truths, dates)]
    loc = pl.concat([p[0] for p in parts], how="diagonal_relaxed")
    phones = pl.concat([p[1] for p in parts], how="diagonal_relaxed")
    fitted = {"LOCATIONS": {}, "CONTACTS": {}}
    for kind in ("residence", "workplace"):
        part = loc.filter(pl.col("kind") == kind)
        if part.height >= 50 and 0 < part["right"].sum() < part.height:
            fitted["LOCATIONS"][kind] = (calibration.fit(part, part["right"], c=calibration.QUADRATIC[kind], quadratic=True)
                                          if kind in calibration.QUADRATIC else calibration.fit(part, part["right"]))
    if phones.height >= 50 and 0 < phones["right"].sum() < phones.height:
        fitted["CONTACTS"]["phone"] = calibration.fit(phones, phones["right"])
    if write:
        body = (calibration_params_header(dbs, truths)
                + f"LOCATIONS: dict = {pprint.pformat(fitted['LOCATIONS'], width=100, sort_dicts=False)}\n"
                + f"CONTACTS: dict = {pprint.pformat(fitted['CONTACTS'], width=100, sort_dicts=False)}\n")
        PARAMS_FILE.write_text(body, encoding="utf-8")
    return fitted


def calibration_params_header(dbs: list[Path], truths: list[Path]) -> str:
    worlds = ", ".join("/".join(Path(t).resolve().parent.parts[-2:]) for t in truths)
    fitted_on = textwrap.fill(f"Fitted on {worlds} ({len(dbs)} run(s) together); kinds without parameters use "
                              "the heuristic in calibration.py.", width=100)
    return ('"""Fitted calibration coefficients, written by `locate calibrate --write` (do not edit by hand).\n\n'
            f'{fitted_on}\n"""\n')
