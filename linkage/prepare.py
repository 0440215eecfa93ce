"""Normalise roster rows and observations into the columns linkage compares.

Every normaliser runs once per *distinct* raw value and is joined back (the
normalisers' own column functions do that): names, phones, IDs and addresses repeat
heavily across tens of millions of rows.
"""
from __future__ import annotations

import duckdb
import polars as pl

from linkage import addresses, idnumbers, names, phones

OPEN_STATUSES = ("执行中", "终本")
PERSON_ID_TYPE = "居民身份证"


NAME_FIELDS = {"name": pl.Utf8, "kind": pl.Utf8, "surname": pl.Utf8, "pinyin": pl.Utf8}
PHONE_FIELDS = {"digits": pl.Utf8, "kind": pl.Utf8, "mask_key": pl.Utf8}
ID_FIELDS = {"id": pl.Utf8, "kind": pl.Utf8, "prefix": pl.Utf8, "suffix": pl.Utf8}
ADDRESS_FIELDS = {
    "address": pl.Utf8, "province": pl.Utf8, "city": pl.Utf8, "district": pl.Utf8, "town": pl.Utf8,
    "place_key": pl.Utf8, "area_key": pl.Utf8, "precision": pl.Utf8, "pickup": pl.Boolean,
    "pickup_kind": pl.Utf8, "workplace_hint": pl.Boolean,
}


def _prefixed(frame: pl.DataFrame, prefix: str) -> pl.DataFrame:
    return frame.rename({c: f"{prefix}{c}" for c in frame.columns})


def normalise_names(values: pl.Series, prefix: str) -> pl.DataFrame:
    return _prefixed(names.normalize_names(values).select(list(NAME_FIELDS)), prefix)


def normalise_phones(values: pl.Series, prefix: str) -> pl.DataFrame:
    return _prefixed(phones.normalize_phones(values).select(list(PHONE_FIELDS)), prefix)


def normalise_ids(values: pl.Series, prefix: str) -> pl.DataFrame:
    return _prefixed(idnumbers.normalize_ids(values).select(list(ID_FIELDS)), prefix)


def normalise_addresses(values: pl.Series) -> pl.DataFrame:
    parsed = addresses.parse_addresses(values)
    return parsed.select([pl.col(c).cast(t).alias(c) if c in parsed.columns else pl.lit(None, t).alias(c)
                          for c, t in ADDRESS_FIELDS.items()])


def obs_ids(obs: pl.DataFrame) -> pl.Series:
    """Stable observation ids: the same record re-sent in another file gets the same id."""
    key = pl.concat_str(
        [pl.col("source_kind"), pl.col("platform"), pl.col("record_id").fill_null(""), pl.col("event"),
         pl.col("event_time").cast(pl.Utf8).fill_null(""), pl.col("address").fill_null("")],
        separator="\x1f",
    )
    keys = obs.select(key.alias("k"))
    # md5 in DuckDB: vectorised and stable across library versions (obs ids are kept
    # across nights to recognise re-sent records); 80 bits are plenty for uniqueness.
    con = duckdb.connect()
    try:
        con.register("_keys", keys.to_arrow())
        ids = con.sql("SELECT substr(md5(k), 1, 20) AS obs_id FROM _keys").pl()["obs_id"]
    finally:
        con.close()
    return ids.alias("obs_id")


def prepare_observations(obs: pl.DataFrame, with_addresses: bool = True) -> pl.DataFrame:
    """Canonical observations plus normalised comparison columns.

    Adds: obs_id, account_key, an_* (account name), ai_* (account ID), ap_* (account
    phone), pn_* (person name), pp_* (person phone) and the parsed address columns.
    Without ``with_addresses`` the address columns stay empty until ``ensure_addresses``
    fills them for the rows that need them: parsing is the costliest normalisation, and
    most rows of a night are about people who are not debtors.
    """
    if "obs_id" not in obs.columns:
        obs = obs.with_columns(obs_ids(obs))
    obs = obs.with_columns(
        pl.when(pl.col("account_id").is_not_null())
        .then(pl.concat_str([pl.col("platform"), pl.lit(":"), pl.col("account_id")]))
        .otherwise(None)
        .alias("account_key"),
        pl.col("address").alias("address_raw"),
    )
    parts = [
        obs.drop("address"),
        normalise_names(obs["account_name"], "an_"),
        normalise_ids(obs["account_id_no"], "ai_"),
        normalise_phones(obs["account_phone"], "ap_"),
        normalise_names(obs["person_name"], "pn_"),
        normalise_phones(obs["person_phone"], "pp_"),
    ]
    if with_addresses:
        parts.append(normalise_addresses(obs["address"]).with_columns(pl.lit(True).alias("address_parsed")))
    else:
        parts.append(pl.select([pl.repeat(None, obs.height, dtype=t).alias(c) for c, t in ADDRESS_FIELDS.items()]
                               + [pl.repeat(False, obs.height, dtype=pl.Boolean).alias("address_parsed")]))
    return pl.concat(parts, how="horizontal")


def ensure_addresses(obs: pl.DataFrame, obs_ids: pl.Series | None = None) -> pl.DataFrame:
    """Parse the addresses of rows not parsed yet among ``obs_ids`` (which rows need it:
    ``address_scope``)."""
    if "address_parsed" not in obs.columns:
        return obs
    want = pl.lit(False)
    if obs_ids is not None and obs_ids.len():
        want = want | pl.col("obs_id").is_in(obs_ids.unique().implode())
    todo = ~pl.col("address_parsed") & want
    at = obs.select(pl.arg_where(todo)).to_series()
    if at.len() == 0:
        return obs
    parsed = normalise_addresses(obs.get_column("address_raw").gather(at))
    parsed = parsed.with_columns(pl.lit(True).alias("address_parsed"))
    return put_rows(obs, at, parsed.select(*ADDRESS_FIELDS, "address_parsed"))


def put_rows(frame: pl.DataFrame, at: pl.Series, values: pl.DataFrame) -> pl.DataFrame:
    """``frame`` with row ``at[i]`` of each column of ``values`` set to ``values``' row i.
    (By position: a join on obs_id costs more than the parsing it stores, on a bucket of a
    million rows.)"""
    cols = []
    for name in values.columns:
        col = frame.get_column(name).clone()
        col.scatter(at, values.get_column(name).cast(col.dtype))
        cols.append(col)
    return frame.with_columns(cols)


def build_debtors(roster: pl.DataFrame) -> tuple[pl.DataFrame, dict]:
    """One row per person with an open case; counts of what was left out and why."""
    roster = roster.with_columns(pl.col("id_number").str.strip_chars().str.to_uppercase())
    is_person = pl.col("id_type").fill_null("").str.contains(PERSON_ID_TYPE) | (
        pl.col("id_type").is_null() & (pl.col("id_number").str.len_chars() == 18)
        & pl.col("id_number").str.contains(r"^\d{17}[\dX]$")
    )
    persons = roster.filter(is_person)
    open_cases = persons.filter(pl.col("status").is_in(OPEN_STATUSES))
    counts = {
        "organisation_rows": roster.height - persons.height,
        "organisations": roster.filter(~is_person)["id_number"].n_unique(),
        "concluded_case_rows": persons.filter(~pl.col("status").is_in(OPEN_STATUSES)).height,
    }
    if open_cases.height == 0:
        return pl.DataFrame(schema=DEBTOR_SCHEMA), counts
    phones_long = (
        open_cases.select("id_number", phones.split_phones_series(open_cases["phones"]).alias("phones"))
        .explode("phones")
        .drop_nulls("phones")
    )
    if phones_long.height:
        norm = normalise_phones(phones_long["phones"], "")
        phones_long = pl.concat([phones_long, norm], how="horizontal").filter(
            pl.col("kind").is_in(["mobile", "landline"])
        )
        roster_phones = phones_long.group_by("id_number").agg(
            pl.col("digits").unique(maintain_order=True).alias("roster_phones")
        )
    else:
        roster_phones = pl.DataFrame(schema={"id_number": pl.Utf8, "roster_phones": pl.List(pl.Utf8)})
    latest_first = open_cases.sort(["filed_on", "case_no"], descending=True, nulls_last=True)
    debtors = latest_first.group_by("id_number", maintain_order=True).agg(
        pl.col("name").drop_nulls().first().alias("name"),
        pl.col("case_no").unique().sort().alias("case_nos"),
        pl.col("court").drop_nulls().unique().sort().alias("courts"),
        pl.col("judge").drop_nulls().unique().sort().alias("judges"),
        pl.col("hukou_address").drop_nulls().first().alias("hukou_address"),
        pl.col("amount_owed").sum().alias("amount_owed"),
        pl.col("filed_on").min().alias("first_filed_on"),
        pl.col("restricted").fill_null(False).any().alias("restricted"),
        pl.col("blacklisted").fill_null(False).any().alias("blacklisted"),
    )
    ids = idnumbers.normalize_ids(debtors["id_number"]).select("birth_date", "region_code", "sex")
    debtors = pl.concat([debtors, ids.rename({"region_code": "id_region_code"})], how="horizontal")
    debtors = debtors.join(roster_phones, on="id_number", how="left").with_columns(
        pl.col("roster_phones").fill_null(pl.lit([], dtype=pl.List(pl.Utf8)))
    )
    dn = normalise_names(debtors["name"], "dn_")
    debtors = pl.concat([debtors, dn], how="horizontal")
    return debtors.select(list(DEBTOR_SCHEMA) + [c for c in debtors.columns if c.startswith("dn_")]), counts


DEBTOR_SCHEMA = {
    "id_number": pl.Utf8,
    "name": pl.Utf8,
    "sex": pl.Utf8,
    "birth_date": pl.Date,
    "id_region_code": pl.Utf8,
    "case_nos": pl.List(pl.Utf8),
    "courts": pl.List(pl.Utf8),
    "judges": pl.List(pl.Utf8),
    "roster_phones": pl.List(pl.Utf8),
    "hukou_address": pl.Utf8,
    "amount_owed": pl.Float64,
    "first_filed_on": pl.Date,
    "restricted": pl.Boolean,
    "blacklisted": pl.Boolean,
}
