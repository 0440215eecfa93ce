"""Accuracy figures of a run against a generated world's ground truth (pure functions).

A predicted place is right when its canonical place key equals the key the address
normaliser gives the true address: the same key the pipeline groups by, so a place
written a dozen ways still counts once, and a neighbour's flat does not count.  A flat
keyed by its street number ('教工路869号11幢4单元1401室', where no trace names the
estate) is the true door when the true address puts that estate at that number
('教工路869号清水华庭11幢4单元1401室'): the officer finds the same door.
"""
from __future__ import annotations

import polars as pl

from linkage import addresses


def truth_keys(values: pl.Series) -> pl.DataFrame:
    """The true addresses' place keys (``key``) and, for a flat in an estate whose address
    also gives its road and number, the key of that flat written by its street number
    (``street_key``, else null)."""
    parsed = addresses.parse_addresses(values)
    key = pl.col("place_key")
    parts = key.str.split("|")
    flat = (parts.list.len() == 5) & ((parts.list.get(2, null_on_oob=True) != "")
                                      | (parts.list.get(4, null_on_oob=True) != ""))
    street = pl.concat_str([parts.list.get(0, null_on_oob=True), pl.col("road") + pl.col("road_no"),
                            parts.list.slice(2, 3).list.join("|")], separator="|")
    return parsed.select(
        key.alias("key"),
        pl.when(flat & pl.col("community").is_not_null() & pl.col("road").is_not_null()
                & pl.col("road_no").str.ends_with("号"))
        .then(street).otherwise(None).alias("street_key"))


def _truth_keys(truth: pl.DataFrame, column: str) -> pl.DataFrame:
    keys = truth_keys(truth[column])
    return pl.DataFrame({"id_number": truth["id_number"], f"{column}_key": keys["key"],
                         f"{column}_street_key": keys["street_key"]})


def is_true_door(pred: pl.Expr, key: pl.Expr, street_key: pl.Expr) -> pl.Expr:
    """``door_matches`` against the true key or its street-number form."""
    return door_matches(pred, key) | door_matches(pred, street_key)


def door_matches(pred: pl.Expr, truth: pl.Expr) -> pl.Expr:
    """A predicted place key is the true door when it names the same premises and every
    part it states agrees; a city code where the district was not written still counts
    (an officer can find 湖州市望江南路402号桂花苑21幢3单元2202室); a missing unit or room does not."""
    p, t = pred.str.split("|"), truth.str.split("|")

    def part(x, i):
        return x.list.get(i, null_on_oob=True).fill_null("")

    pc, tc = part(p, 0), part(t, 0)
    # A city code (district not written) fits the city's districts; Shanghai, Beijing,
    # Tianjin and Chongqing written without a district carry the municipality's code.
    code_ok = ((pc == tc) | (pc.str.ends_with("00") & (pc.str.slice(0, 4) == tc.str.slice(0, 4)))
               | (pc.str.ends_with("0000") & (pc.str.slice(0, 2) == tc.str.slice(0, 2))))
    same = code_ok & (part(p, 1) == part(t, 1)) & (part(p, 1) != "")
    for i in (2, 3, 4):
        same = same & (part(p, i) == part(t, i))
    return same.fill_null(False)


def floor_matches(pred: pl.Expr, truth: pl.Expr) -> pl.Expr:
    """An office written by its floor ('环球大厦23楼', key room '23F') that holds the true
    room ('2301'): officers find a firm on a floor.  Used for workplaces only: on a floor
    of flats the neighbours' doors are as likely."""
    p, t = pred.str.split("|"), truth.str.split("|")

    def part(x, i):
        return x.list.get(i, null_on_oob=True).fill_null("")

    floor = part(p, 4).str.strip_suffix("F")
    same_rest = door_matches(
        pl.concat_str([part(p, 0), part(p, 1), part(p, 2), part(p, 3), pl.lit("")], separator="|"),
        pl.concat_str([part(t, 0), part(t, 1), part(t, 2), part(t, 3), pl.lit("")], separator="|"))
    return (same_rest & part(p, 4).str.ends_with("F") & part(t, 4).str.starts_with(floor)
            & (part(t, 4).str.len_chars() == floor.str.len_chars() + 2)).fill_null(False)


def _ece(conf: pl.Series, correct: pl.Series, bins: int = 10) -> float | None:
    if conf.len() == 0:
        return None
    df = pl.DataFrame({"c": conf, "y": correct.cast(pl.Float64)})
    df = df.with_columns((pl.col("c") * bins).floor().clip(0, bins - 1).alias("b"))
    g = df.group_by("b").agg(pl.col("c").mean(), pl.col("y").mean(), pl.len())
    return float(((g["c"] - g["y"]).abs() * g["len"]).sum() / df.height)


def _persons(truth: pl.DataFrame) -> pl.DataFrame:
    persons = truth.filter((pl.col("kind") == "person") & pl.col("open"))
    persons = persons.join(_truth_keys(persons, "home_address"), on="id_number", how="left")
    if "work_address" in persons.columns:
        work = persons.filter(pl.col("work_address").is_not_null())
        persons = persons.join(_truth_keys(work, "work_address") if work.height else
                               pl.DataFrame(schema={"id_number": pl.Utf8, "work_address_key": pl.Utf8,
                                                    "work_address_street_key": pl.Utf8}),
                               on="id_number", how="left")
    return persons


def labelled_residences(locations: pl.DataFrame, truth: pl.DataFrame) -> pl.DataFrame:
    """Every ranked residence of an open person debtor with ``right`` (the true door)."""
    return _labelled(locations, _persons(truth))


def _labelled(locations: pl.DataFrame, persons: pl.DataFrame) -> pl.DataFrame:
    return locations.filter(pl.col("kind") == "residence").join(
        persons.select("id_number", "home_address_key", "home_address_street_key"), on="id_number", how="inner"
    ).with_columns(is_true_door(pl.col("place_key"), pl.col("home_address_key"),
                                pl.col("home_address_street_key")).alias("right"))


def evaluate_frames(locations: pl.DataFrame, contacts: pl.DataFrame, truth: pl.DataFrame) -> dict:
    persons = _persons(truth)
    res = _labelled(locations, persons)

    def hit_at(k: int, population: pl.DataFrame) -> float | None:
        if population.height == 0:
            return None
        hits = res.filter((pl.col("rank") <= k) & pl.col("right")).select("id_number").unique()
        return hits.join(population.select("id_number"), on="id_number", how="semi").height / population.height

    present = persons.filter(pl.col("on_platforms"))
    with_home = persons.filter(pl.col("has_home_delivery"))
    absent = persons.filter(pl.col("absent"))
    top = res.filter(pl.col("rank") == 1)
    confident = top.filter(pl.col("confidence") >= 0.8)
    false_leads = locations.filter(pl.col("confidence") >= 0.5).join(absent.select("id_number"), on="id_number",
                                                                     how="semi")["id_number"].n_unique()
    out = {
        "open_person_debtors": persons.height,
        "present_on_platforms": present.height,
        "with_home_delivery": with_home.height,
        "absent": absent.height,
        "residence_hit@1_present": hit_at(1, present),
        "residence_hit@1": hit_at(1, with_home),
        "residence_hit@3": hit_at(3, with_home),
        "coverage": (top.join(present.select("id_number"), on="id_number", how="semi").height / present.height)
        if present.height else None,
        "precision@conf>=0.8": (confident["right"].mean() if confident.height else None),
        "n_conf>=0.8": confident.height,
        "false_lead_rate": (false_leads / absent.height) if absent.height else None,
        "ece_residence": _ece(res["confidence"], res["right"]),
    }
    if "work_address_key" in persons.columns:
        # As for homes, the workplace counts where some trace of it is in the inbox.
        traced = pl.col("n_work") > 0 if "n_work" in persons.columns else pl.col("on_platforms")
        has_work = persons.filter(pl.col("work_address_key").is_not_null() & traced)
        w = locations.filter((pl.col("kind") == "workplace") & (pl.col("rank") == 1)).join(
            has_work.select("id_number", "work_address_key", "work_address_street_key"), on="id_number", how="inner")
        out["with_work_trace"] = has_work.height
        right = is_true_door(pl.col("place_key"), pl.col("work_address_key"),
                             pl.col("work_address_street_key")) | floor_matches(
            pl.col("place_key"), pl.col("work_address_key"))
        out["workplace_hit@1"] = (w.filter(right).height
                                  / has_work.height
                                  if has_work.height else None)
    phones = contacts.filter((pl.col("kind") == "phone") & (pl.col("rank") == 1)).join(
        persons.select("id_number", "current_phones"), on="id_number", how="inner")
    out["debtors_with_phone_lead"] = phones.height
    out["phone_hit@1"] = (
        phones.filter(pl.col("current_phones").list.contains(pl.col("value"))).height / phones.height
        if phones.height else None)
    return out


def evaluate_violations(found: pl.DataFrame, truth: pl.DataFrame) -> dict:
    """Precision and recall of ``violations`` rows against the world's violation truth,
    both keyed by (debtor, case, platform, order)."""
    key = ["id_number", "case_no", "platform", "order_id"]
    found = found.select(key).unique()
    truth = truth.select(key).unique()
    right = found.join(truth, on=key, how="semi").height
    return {
        "violations_found": found.height,
        "violations_true": truth.height,
        "violation_precision": right / found.height if found.height else None,
        "violation_recall": right / truth.height if truth.height else None,
    }
