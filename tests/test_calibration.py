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


def _varied_places(n, seed):
    """Places whose last sighting varies, so that freshness is a feature worth having."""
    rng = np.random.default_rng(seed)
    return _places(n, seed).with_columns(
        pl.Series("last_seen", [datetime(2026, 11, 1) - (datetime(2026, 11, 1) - datetime(2025, 11, 1)) * float(u)
                                for u in rng.uniform(size=n)]))


def test_a_quadratic_fit_is_its_own_model_and_learns_an_interaction():
    # A larger share says more the fresher the place, and the opposite once it is stale:
    # an interaction of share and age that no coefficient per feature can hold.
    rng = np.random.default_rng(3)
    f = calibration.place_features(_varied_places(6000, seed=4), date(2026, 11, 27))
    z = 24.0 * (f["f_share"].to_numpy() - 0.5) * (0.5 - f["f_age_years"].to_numpy())
    p = 1.0 / (1.0 + np.exp(-z))
    truth = pl.Series(rng.uniform(size=f.height) < p)
    train, test = slice(0, 4000), slice(4000, None)
    quad = calibration.fit(f[train], truth[train], c=0.3, quadratic=True)
    lin = calibration.fit(f[train], truth[train])
    assert len(quad["pairs"]) == len(calibration.FEATURES) * (len(calibration.FEATURES) + 1) // 2

    # The folded coefficients give what scikit-learn's own pipeline gives.
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import PolynomialFeatures, StandardScaler
    x = f.select([f"f_{k}" for k in calibration.FEATURES]).to_numpy()
    pipe = make_pipeline(StandardScaler(), PolynomialFeatures(2, include_bias=False), StandardScaler(),
                         LogisticRegression(C=0.3, max_iter=5000)).fit(x[train], truth[train].to_numpy())
    ours = f.with_columns(calibration.confidence_expr({"residence": quad}).alias("c"))["c"].to_numpy()
    # Variables with no variance (scaled 1 here, 0 by scikit-learn) are the only difference.
    assert np.abs(ours - pipe.predict_proba(x)[:, 1]).max() < 1e-3

    def log_loss(params):
        c = f[test].with_columns(calibration.confidence_expr({"residence": params}).alias("c"))["c"].to_numpy()
        y = truth[test].to_numpy()
        return -np.mean(y * np.log(c) + (1 - y) * np.log(1 - c))
    assert log_loss(quad) < log_loss(lin) - 0.01


def test_shipped_parameters_cover_residences_workplaces_and_phones():
    assert {"residence", "workplace"} <= set(calibration_params.LOCATIONS)
    assert "phone" in calibration_params.CONTACTS
    for kind, p in [*calibration_params.LOCATIONS.items(), *calibration_params.CONTACTS.items()]:
        assert set(p["coef"]) == set(calibration.FEATURES) and p["n"] >= 50
        # Only the kinds chosen for it carry pairwise terms, and then all of them.
        assert ("pairs" in p) == (kind in calibration.QUADRATIC)
        if "pairs" in p:
            assert set(p["mean"]) == set(p["scale"]) == set(calibration.FEATURES)
            assert len(p["pairs"]) == len(calibration.FEATURES) * (len(calibration.FEATURES) + 1) // 2


def _mover(pickup_area: str, pickup_first: datetime, kind: str = "residence") -> pl.DataFrame:
    """One debtor: a home last seen on 1 September, a workplace, and a pick-up point."""
    return pl.DataFrame({
        "id_number": ["d1"] * 3,
        "kind": [kind, "workplace", "pickup_point"],
        "rank": [1, 1, 1],
        "score": [3.0, 1.0, 1.0],
        "n_observations": [9, 3, 2],
        "first_seen": [datetime(2026, 1, 5), datetime(2026, 2, 1), pickup_first],
        "last_seen": [datetime(2026, 9, 1), datetime(2026, 11, 20), pickup_first],
        "sources": ["ecommerce:a"] * 3,
        "best_link": [0.99] * 3,
        "place_key": ["440305|华侨城|12||1203", "440305|科技园|||", pickup_area],
    })


def test_collecting_at_another_estates_locker_after_the_home_went_quiet_is_a_move_sign():
    as_of = date(2026, 11, 27)

    def fired(frame):
        f = calibration.place_features(frame, as_of)
        return dict(zip(f["kind"], f["f_collected_elsewhere"]))

    # The new neighbourhood's locker, first used after the last parcel at the old door.
    assert fired(_mover("440305|蔚蓝海岸", datetime(2026, 10, 3))) == {
        "residence": 1.0, "workplace": 0.0, "pickup_point": 0.0}
    # The home's own estate's locker is no move; nor a locker used before the door went quiet.
    assert fired(_mover("440305|华侨城", datetime(2026, 10, 3)))["residence"] == 0.0
    assert fired(_mover("440305|蔚蓝海岸", datetime(2026, 8, 3)))["residence"] == 0.0
    # Phones (no place key) never carry it.
    assert calibration.place_features(_places(20), as_of)["f_collected_elsewhere"].sum() == 0.0

    # The shipped model gives such a home less confidence than the same home without it.
    conf = {}
    for area in ("440305|蔚蓝海岸", "440305|华侨城"):
        f = calibration.place_features(_mover(area, datetime(2026, 10, 3)), as_of)
        conf[area] = f.with_columns(calibration.confidence_expr(calibration_params.LOCATIONS).alias("c"))["c"][0]
    assert conf["440305|蔚蓝海岸"] < conf["440305|华侨城"] - 0.05


def test_parameters_fitted_before_a_feature_existed_still_apply_with_it_weighing_nothing():
    f = calibration.place_features(_varied_places(400, seed=5), date(2026, 11, 27))
    rng = np.random.default_rng(6)
    truth = pl.Series(rng.uniform(size=f.height) < f["f_share"].to_numpy())
    full = calibration.fit(f, truth, c=0.3, quadratic=True)
    old = {"intercept": full["intercept"],
           **{part: {k: v for k, v in full[part].items() if "collected_elsewhere" not in k}
              for part in ("mean", "scale", "coef", "pairs")}}
    # The feature is 0 on every one of these places (no pick-up points), so its terms add
    # nothing: parameters without them must give the very same confidences, not fail.
    assert f["f_collected_elsewhere"].sum() == 0.0
    a = f.with_columns(calibration.confidence_expr({"residence": old}).alias("c"))["c"]
    b = f.with_columns(calibration.confidence_expr({"residence": full}).alias("c"))["c"]
    assert a.null_count() == 0 and np.allclose(a.to_numpy(), b.to_numpy())
