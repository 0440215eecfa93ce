"""Calibrated confidence: a logistic model from ranking features to P(place is right).

The ranking score orders places; it is not a probability.  ``confidence`` is a
logistic regression over a few features of each ranked place (its share of the
debtor's evidence, how much evidence there is, how sure the links are, how fresh),
fitted per kind on generated worlds whose truth is known (``locate calibrate``),
on seeds kept apart from evaluation.  For residences the model also has the pairwise
products of the (standardised) features: how much a stale place should lose depends on
how much evidence it has, which one coefficient per feature cannot say.  Chosen by
leave-one-generator-out log loss over the five tuning worlds (residences 0.201 linear,
0.188 with products; workplaces and phones were no better with them, so they stay
linear).  The fitted coefficients live in ``calibration_params.py``; until a kind has
been fitted, the heuristic share x strength x best link is used.
"""
from __future__ import annotations

from datetime import date, datetime

import polars as pl

FEATURES = ("share", "strength", "best_link", "link_logit", "log_n", "age_years", "n_sources", "is_top", "margin",
            "door", "silence", "quiet", "succeeded", "collected_elsewhere")
# Kinds fitted with pairwise products, and their (stronger) regularisation: 14 features
# give 119 terms, fitted on some 33,000 places.
QUADRATIC = {"residence": 0.03}


def end_of_day(as_of: date) -> datetime:
    """'Today' for recency: the last moment of the as-of date."""
    return datetime(as_of.year, as_of.month, as_of.day, 23, 59, 59)


def _days(a: pl.Expr, b: pl.Expr) -> pl.Expr:
    return ((a - b).dt.total_seconds() / 86400.0).fill_null(0.0).clip(0.0, None)


def missed_traces(as_of: date) -> pl.Expr:
    """How many traces a place's own rhythm (its observations over the time it was seen,
    plus two months) would have shown since it was last seen: a home left behind goes
    quiet while the debtor shows up elsewhere."""
    rate = pl.col("n_observations").cast(pl.Float64) / (_days(pl.col("last_seen"), pl.col("first_seen")) + 60.0)
    return rate * _days(pl.lit(end_of_day(as_of)), pl.col("last_seen"))


def _area(key: pl.Expr) -> pl.Expr:
    return key.str.split("|").list.slice(0, 2).list.join("|")


def collected_elsewhere(places: pl.DataFrame) -> pl.Expr:
    """1.0 for a residence whose debtor began collecting parcels at a pick-up point of
    another estate after the last trace at this door: a mover whose new flat no parcel
    names yet still collects at the locker or station of the new neighbourhood.  On the
    eleven tuning worlds, 272 rank-1 homes given 0.8 or more had it, 49% of them right,
    against 95% of the other 11,915."""
    if not {"place_key", "kind", "first_seen", "last_seen"} <= set(places.columns):
        return pl.lit(0.0)
    tag = pl.concat_str([pl.col("id_number"), pl.col("place_key")], separator="\x00")
    pickups = places.filter(pl.col("kind") == "pickup_point").select(
        "id_number", _area(pl.col("place_key")).alias("_p_area"), pl.col("first_seen").alias("_p_first"))
    homes = places.filter(pl.col("kind") == "residence").select(
        "id_number", "place_key", _area(pl.col("place_key")).alias("_r_area"), "last_seen")
    fired = (homes.join(pickups, on="id_number")
             .filter((pl.col("_p_area") != pl.col("_r_area")) & (pl.col("_p_first") > pl.col("last_seen")))
             .select(tag.alias("_tag")).unique()["_tag"])
    return ((pl.col("kind") == "residence") & tag.is_in(fired.implode())).fill_null(False).cast(pl.Float64)


def place_features(places: pl.DataFrame, as_of: date, group: tuple[str, ...] = ("id_number", "kind")) -> pl.DataFrame:
    """Add the feature columns (f_*) to ranked rows having score, rank, n_observations,
    first_seen, last_seen, sources and best_link (and place_key, for places)."""
    total = pl.col("score").sum().over(*group)
    second = pl.col("score").sort(descending=True).slice(1, 1).first().over(*group).fill_null(0.0)
    end = pl.lit(end_of_day(as_of))
    age = (end - pl.col("last_seen")).dt.total_seconds() / (86400.0 * 365.0)
    # Silence: ``missed_traces``; quiet: how many traces the debtor left anywhere meanwhile.
    debtor_last = pl.col("last_seen").max().over("id_number")
    debtor_rate = pl.col("n_observations").sum().over("id_number").cast(pl.Float64) / (
        _days(debtor_last, pl.col("first_seen").min().over("id_number")) + 60.0)
    # A door (a flat, a house, a street number: a five-part place key) rather than an
    # estate or a road (an area key, 'code|premises'): officers knock at doors.
    door = ((pl.col("place_key").str.count_matches("|", literal=True) == 4).cast(pl.Float64).fill_null(0.0)
            if "place_key" in places.columns else pl.lit(0.0))
    return places.with_columns(
        door.alias("f_door"),
        collected_elsewhere(places).alias("f_collected_elsewhere"),
        missed_traces(as_of).log1p().alias("f_silence"),
        (debtor_rate * _days(debtor_last, pl.col("last_seen"))).log1p().alias("f_quiet"),
        # Another place of the same kind first seen after this one was last seen: a move
        # (or a new phone), however few traces the new one has yet.
        (pl.col("first_seen").max().over(*group) > pl.col("last_seen")).fill_null(False).cast(pl.Float64)
        .alias("f_succeeded"),
        (pl.col("score") / total).fill_nan(0.0).fill_null(0.0).alias("f_share"),
        (1.0 - (-pl.col("score") / 0.8).exp()).alias("f_strength"),
        pl.col("best_link").fill_null(0.0).alias("f_best_link"),
        # 0.55 and 0.999 are far apart as evidence, close on the 0..1 scale.
        (pl.col("best_link").fill_null(0.0).clip(1e-4, 1 - 1e-4).pipe(lambda p: (p / (1 - p)).log())
         .clip(-10.0, 10.0)).alias("f_link_logit"),
        pl.col("n_observations").cast(pl.Float64).log1p().alias("f_log_n"),
        age.fill_null(2.0).clip(0.0, 5.0).alias("f_age_years"),
        (pl.col("sources").fill_null("").str.count_matches(",") + 1).cast(pl.Float64).alias("f_n_sources"),
        (pl.col("rank") == 1).cast(pl.Float64).alias("f_is_top"),
        pl.when(pl.col("rank") == 1).then((pl.col("score") - second) / total).otherwise(0.0)
        .fill_nan(0.0).fill_null(0.0).alias("f_margin"),
    )


def heuristic() -> pl.Expr:
    return (pl.col("f_share") * pl.col("f_strength") * pl.col("f_best_link")).clip(0.0, 1.0)


def _logit(p: dict) -> pl.Expr:
    z = pl.lit(float(p["intercept"]))
    if "pairs" not in p:
        for f in FEATURES:
            z = z + float(p["coef"].get(f, 0.0)) * pl.col(f"f_{f}")
        return z
    # A feature the parameters were fitted without counts for nothing (weight 0).
    std = {f: (pl.col(f"f_{f}") - float(p["mean"].get(f, 0.0))) / float(p["scale"].get(f, 1.0)) for f in FEATURES}
    for f in FEATURES:
        z = z + float(p["coef"].get(f, 0.0)) * std[f]
    for pair, w in p["pairs"].items():
        a, b = pair.split("*")
        z = z + float(w) * std[a] * std[b]
    return z


def confidence_expr(params: dict[str, dict], kind_col: str = "kind") -> pl.Expr:
    """Logistic model per kind; the heuristic for kinds without fitted parameters."""
    expr = heuristic()
    for kind, p in params.items():
        expr = pl.when(pl.col(kind_col) == kind).then(1.0 / (1.0 + (-_logit(p)).exp())).otherwise(expr)
    return expr


def fit(features: pl.DataFrame, label: pl.Series, c: float = 1.0, quadratic: bool = False) -> dict:
    """Fit one kind's logistic model (scikit-learn is needed only here, offline).

    ``quadratic``: on the standardised features and their pairwise products (squares
    included); the products' own standardisation is folded into the coefficients, so the
    parameters are a mean and scale per feature, a coefficient per feature and one per pair."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = features.select([f"f_{f}" for f in FEATURES]).to_numpy()
    y = label.cast(pl.Int8).to_numpy()
    counts = {"n": int(len(y)), "positives": int(y.sum())}
    if not quadratic:
        model = LogisticRegression(C=c, max_iter=2000).fit(x, y)
        return {"intercept": round(float(model.intercept_[0]), 6),
                "coef": {f: round(float(w), 6) for f, w in zip(FEATURES, model.coef_[0])}, **counts}
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    s = (x - mean) / scale
    pairs = [(i, j) for i in range(len(FEATURES)) for j in range(i, len(FEATURES))]
    terms = np.hstack([s, np.column_stack([s[:, i] * s[:, j] for i, j in pairs])])
    t_mean, t_scale = terms.mean(axis=0), terms.std(axis=0)
    t_scale[t_scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=5000).fit((terms - t_mean) / t_scale, y)
    w = model.coef_[0] / t_scale
    intercept = float(model.intercept_[0] - (w * t_mean).sum())
    k = len(FEATURES)
    return {"intercept": round(intercept, 8),
            "mean": {f: round(float(m), 8) for f, m in zip(FEATURES, mean)},
            "scale": {f: round(float(v), 8) for f, v in zip(FEATURES, scale)},
            "coef": {f: round(float(v), 8) for f, v in zip(FEATURES, w[:k])},
            "pairs": {f"{FEATURES[i]}*{FEATURES[j]}": round(float(v), 8) for (i, j), v in zip(pairs, w[k:])},
            **counts}
