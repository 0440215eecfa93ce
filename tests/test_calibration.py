"""Confidence is a fitted probability, and the fitted model behaves like one."""
from datetime import date, datetime

import numpy as np
import polars as pl

from linkage import calibration, calibration_params


def _places(n=400, seed=0):
    rng = np.random.default_rng(seed)
    score = rng.gamma(2.0, 1.0, n)
    return pl.DataFrame({
        "id_number": [f"d{i // 2}" for i in range(n)],
        "kind": ["residence"] * n,
        "rank": [1 + i % 2 for i in range(n)],
        "score": score,
        "n_observations": rng.integers(1, 20, n),
        "first_seen": [datetime(2025, 1, 1 + i % 28) for i in range(n)],
        "last_seen": [datetime(2026, 11, 1)] * n,
        "sources": ["ecommerce:a, logistics:b"] * n,
        "best_link": rng.uniform(0.5, 1.0, n),
    })


def test_features_are_bounded_and_complete():
    f = calibration.place_features(_places(), date(2026, 11, 27))
    for name in calibration.FEATURES:
        col = f[f"f_{name}"]
        assert col.null_count() == 0, name
    assert f["f_share"].min() >= 0 and f["f_share"].max() <= 1
    shares = f.group_by("id_number").agg(pl.col("f_share").sum())["f_share"]
    assert np.allclose(shares.to_numpy(), 1.0)


def test_fit_recovers_a_monotone_relation_and_yields_probabilities():
    f = calibration.place_features(_places(2000, seed=1), date(2026, 11, 27))
    rng = np.random.default_rng(2)
    truth = pl.Series(rng.uniform(size=f.height) < f["f_share"].to_numpy())  # right as often as the share says
    params = {"residence": calibration.fit(f, truth)}
    assert params["residence"]["coef"]["share"] > 0
    conf = f.with_columns(calibration.confidence_expr(params).alias("c"))["c"]
    assert conf.min() >= 0 and conf.max() <= 1
    # Calibrated: within each confidence decile the share that is right is close to the mean confidence.
    df = pl.DataFrame({"c": conf, "y": truth}).with_columns((pl.col("c") * 10).floor().alias("b"))
    g = df.group_by("b").agg(pl.col("c").mean(), pl.col("y").mean(), pl.len()).filter(pl.col("len") >= 100)
    assert ((g["c"] - g["y"]).abs() < 0.1).all()


def test_shipped_parameters_cover_residences_workplaces_and_phones():
    assert {"residence", "workplace"} <= set(calibration_params.LOCATIONS)
    assert "phone" in calibration_params.CONTACTS
    for p in [*calibration_params.LOCATIONS.values(), *calibration_params.CONTACTS.values()]:
        assert set(p["coef"]) == set(calibration.FEATURES) and p["n"] >= 50
