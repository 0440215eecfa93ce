"""Match probabilities for candidate pairs, and the multi-pass linkage driver.

Weights are log2 Bayes factors (see ``weights.py``).  Two sources of evidence are
scored apart and the stronger wins:

- account: the verified name / ID / phone of the account that produced the trace;
- recipient: the name and phone typed on the parcel.

Pass 1 links with roster phones only.  Phones, doors and areas (estates, street numbers)
seen on near-certain links become the debtor's *current* phones, *known* doors and known
areas; the next pass links again with them (until nothing new is learned), which finds
deliveries ordered through a spouse's account to the debtor's phone, and parcels typed
with the debtor's own name to the estate where the debtor checks in.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

from linkage import address_scope, addresses, names, prepare
from linkage import weights as W
from linkage.block import BlockKeys, block_keys, debtor_phones, pairs_for
from linkage.compare import OWN_NAME_LEVELS, DebtorSide, compare_pairs, debtor_side

LINK_THRESHOLD = 0.5          # below this an observation is not linked (and not retained)
CURRENT_PHONE_THRESHOLD = 0.95
SOMEONE_ELSES_PARCELS = 2     # parcels under another full name that make a number someone else's
MAX_PASSES = 4
MIN_AGREEING_FIELDS = 2
SINGLE_FIELD_CAP = -0.1       # probability just under one half: shown nowhere as a lead
AGREEING_MIN_WEIGHT = 1.0     # a field adding no more than this (the commonest surnames) does not count as agreeing
NAME_COMPATIBLE = (*OWN_NAME_LEVELS, "surname_only")
HOLDER_SURE = 0.99            # an account's route alone this sure makes the debtor its holder
HOLDER_ELSEWHERE = -30.0      # a parcel addressed to another debtor's account: not this debtor's


def name_people(obs: pl.DataFrame) -> pl.DataFrame:
    """Distinct (name, who) of the observations: who has which full name.

    A person is an identity as well as we can tell without linking: an account or a full
    phone.
    """
    # Lazy, so that only the columns used are filtered (a bucket's rows are wide).
    lazy = obs.lazy()
    people = [
        lazy.filter(pl.col("an_kind") == "full").select(pl.col("an_name").alias("name"), pl.col("account_key").alias("who")),
        lazy.filter(pl.col("pn_kind") == "full").select(
            pl.col("pn_name").alias("name"),
            # A parcel with neither a full phone nor an account cannot be told apart from the
            # same person's other parcels: counting it would inflate both N and name counts.
            pl.coalesce(pl.col("pp_digits"), pl.col("account_key")).alias("who"),
        ),
    ]
    return pl.concat(people).drop_nulls().unique().collect()


def name_frequencies(obs: pl.DataFrame) -> tuple[dict[str, pl.DataFrame], int]:
    """People per full name in the night's data, and the number of distinct people."""
    return frequencies_of(name_people(obs))


def frequencies_of(p: pl.DataFrame) -> tuple[dict[str, pl.DataFrame], int]:
    """People per full name and per surname, and the number of distinct people, of the
    (name, who) pairs of ``name_people``."""
    total = max(p.select("who").n_unique(), 2)
    counts = p.group_by("name").agg(pl.len().alias("name_count"))
    surname_of = counts.select("name", pl.col("name").map_elements(names.surname_of, return_dtype=pl.Utf8)
                               .alias("surname"))   # once per distinct name, not per person
    surnames = (p.join(surname_of, on="name").group_by("surname")
                .agg(pl.col("who").n_unique().alias("surname_count")))
    return {"names": counts, "surnames": surnames}, total


def _weight(level_col: str, table: dict, tf: dict[str, pl.Expr] | None = None) -> pl.Expr:
    """Weight of a comparison level; levels set to None in the table take a term-frequency weight."""
    expr = pl.lit(0.0)
    for level, w in table.items():
        value = (tf or {}).get(level) if w is None else pl.lit(float(w))
        if value is None:
            continue
        expr = pl.when(pl.col(level_col) == level).then(value).otherwise(expr)
    return expr


def _probability(match_weight: pl.Expr) -> pl.Expr:
    """A log2 Bayes factor (prior included) as a probability."""
    return 1.0 / (1.0 + 2.0 ** (-match_weight))


def _recipient_phone_for_account() -> pl.Expr:
    """The parcel's phone as evidence for the account holder: none when the parcel is typed
    with another person's full name (it carries that person's phone)."""
    return pl.when(pl.col("lvl_recipient_name") == "mismatch").then(pl.lit(None)).otherwise(
        pl.col("w_recipient_phone"))


def score_comparisons(cmp: pl.DataFrame, freqs: dict, population: int) -> pl.DataFrame:
    prior = max(-math.log2(population), W.PRIOR_FLOOR)
    x = cmp.join(freqs["names"], left_on="dn_name", right_on="name", how="left").with_columns(
        pl.col("name_count").fill_null(1).clip(1, None)
    )
    x = x.join(freqs["surnames"], left_on="dn_surname", right_on="surname", how="left").with_columns(
        pl.col("surname_count").fill_null(1).clip(1, None)
    )
    log_n = math.log2(population)
    exact_w = (log_n + math.log2(W.NAME_EXACT_M) - pl.col("name_count").log(2)).clip(W.NAME_EXACT_MIN,
                                                                                   W.NAME_EXACT_MAX)
    surname_w = (log_n - pl.col("surname_count").log(2) - W.SURNAME_DISCOUNT).clip(W.SURNAME_MIN, W.SURNAME_MAX)
    tf = {"exact": exact_w, "surname_only": surname_w}
    phone_table = W.phone_weights(population)
    x = x.with_columns(
        _weight("lvl_account_id", W.ID_WEIGHTS).alias("w_account_id"),
        _weight("lvl_account_name", W.ACCOUNT_NAME_WEIGHTS, tf).alias("w_account_name"),
        _weight("lvl_account_phone", phone_table).alias("w_account_phone"),
        _weight("lvl_recipient_name", W.RECIPIENT_NAME_WEIGHTS, tf).alias("w_recipient_name"),
        _weight("lvl_recipient_phone", phone_table).alias("w_recipient_phone"),
    )
    if "recipient_landline" in x.columns:
        land = W.landline_weights(population)
        x = x.with_columns(
            pl.when(pl.col("recipient_landline") & pl.col("lvl_recipient_phone").is_in(list(land)))
            .then(pl.col("lvl_recipient_phone").replace_strict(land, default=0.0, return_dtype=pl.Float64))
            .otherwise(pl.col("w_recipient_phone")).alias("w_recipient_phone"))
    # A family member's number says the parcel is the household's; only the debtor's own
    # name (not a nickname, not 茹先生) says it is the debtor's rather than the family member's.
    x = x.with_columns(pl.when((pl.col("lvl_recipient_phone") == "household")
                               & ~pl.col("lvl_recipient_name").is_in(OWN_NAME_LEVELS))
                       .then(0.0).otherwise(pl.col("w_recipient_phone")).alias("w_recipient_phone"))
    elsewhere = (pl.col("lvl_recipient_name") == "mismatch") & ~pl.col("lvl_recipient_phone").is_in(
        ["exact_current", "exact_roster", "compatible"]
    )
    other_holder = pl.col("has_account") & pl.col("recipient_is_holder") & (
        (pl.col("lvl_account_id") == "mismatch") | (pl.col("lvl_account_name") == "mismatch"))
    x = x.with_columns(
        pl.when(elsewhere).then(pl.lit(W.ACCOUNT_RECIPIENT_ELSEWHERE)).otherwise(0.0).alias("w_elsewhere"),
        pl.when(other_holder).then(pl.lit(W.RECIPIENT_IS_OTHER_HOLDER)).otherwise(0.0).alias("w_other_holder"),
        pl.when(pl.col("lvl_place") == "known_area").then(
            (log_n + math.log2(W.AREA_M) - pl.col("area_people").fill_null(1).clip(1, None).log(2))
            .clip(W.AREA_MIN, W.AREA_MAX))
        # Against a stranger the door's weight grows with the people seen; against the
        # household at it, it does not, and only a full name (in characters or pinyin)
        # rules the household out: '董**', '董女士' or '老董' at the roster's own flat is as
        # likely the family's parcel as the debtor's.
        .when((pl.col("lvl_place") == "known_door") & pl.col("lvl_recipient_name").is_in(W.DOOR_FULL_NAME_LEVELS))
        .then(pl.lit(log_n + math.log2(W.DOOR_M / W.DOOR_PEOPLE)).clip(W.DOOR_MIN, W.DOOR_MAX))
        .otherwise(_weight("lvl_place", W.PLACE_WEIGHTS)).alias("w_place"),
    )
    if "recipient_landline" in x.columns:
        # The premises' own line and its door are one agreement, not two.
        x = x.with_columns(pl.when(pl.col("recipient_landline") & (pl.col("lvl_place") == "known_door")
                                   & pl.col("lvl_recipient_phone").is_in(["exact_current", "exact_roster"]))
                           .then(0.0).otherwise(pl.col("w_place")).alias("w_place"))
    # If the account holder is the debtor, the parcel's own name and phone are further
    # evidence, but not twice: a namesake typing his own name on his own parcel says the
    # same thing as his account name.  A contradicted account name stays decisive.
    name_w = pl.when(pl.col("w_account_name") < 0).then(pl.col("w_account_name")).otherwise(
        pl.max_horizontal("w_account_name", "w_recipient_name"))
    phone_w = pl.max_horizontal("w_account_phone", _recipient_phone_for_account())
    account = pl.when(pl.col("has_account")).then(
        prior + pl.col("w_account_id") + name_w + phone_w + pl.col("w_elsewhere")
    )
    recipient = (prior + pl.col("w_recipient_name") + pl.col("w_recipient_phone") + pl.col("w_other_holder")
                 + pl.col("w_place"))
    x = x.with_columns(account.alias("weight_account"), recipient.alias("weight_recipient"))
    x = x.with_columns(
        pl.max_horizontal(pl.col("weight_account").fill_null(-1e9), pl.col("weight_recipient")).alias("match_weight"),
    )
    # One agreeing field is never enough (a full ID aside): a masked ID or a phone alone
    # collides with strangers' as the population grows, and recycled numbers change hands.
    agreeing = pl.sum_horizontal([(pl.col(f"w_{f}") > AGREEING_MIN_WEIGHT).cast(pl.Int8) for f in (
        "account_id", "account_name", "account_phone", "recipient_name", "recipient_phone", "place")])
    alone = (agreeing < MIN_AGREEING_FIELDS) & (pl.col("lvl_account_id") != "exact")
    x = x.with_columns(alone.alias("capped"), pl.lit(prior).alias("prior"))
    x = x.with_columns(pl.when(alone).then(pl.min_horizontal("match_weight", pl.lit(SINGLE_FIELD_CAP)))
                       .otherwise(pl.col("match_weight")).alias("match_weight"))
    x = x.with_columns(
        _probability(pl.col("match_weight")).alias("probability"),
        pl.when(pl.col("weight_account").fill_null(-1e9) >= pl.col("weight_recipient"))
        .then(pl.lit("account")).otherwise(pl.lit("recipient")).alias("via"),
    )
    return x.drop("name_count", "surname_count")


def with_evidence(x: pl.DataFrame) -> pl.DataFrame:
    """The evidence JSON of scored pairs (built only for the pairs kept: it is the costliest
    column, and only links are published and explained)."""
    # The terms the winning route summed, in order, so a link can be shown as a waterfall
    # (``locate explain``): prior + each term = match weight (before the one-field cap).
    name_used = pl.when((pl.col("w_account_name") < 0) | (pl.col("w_account_name") >= pl.col("w_recipient_name"))) \
        .then(pl.lit("account_name")).otherwise(pl.lit("recipient_name"))
    eligible = _recipient_phone_for_account()
    phone_used = pl.when(eligible.is_null() | (pl.col("w_account_phone") >= eligible)).then(pl.lit("account_phone")) \
        .otherwise(pl.lit("recipient_phone"))
    terms = pl.when(pl.col("via") == "account").then(
        pl.concat_list(pl.lit("account_id"), name_used, phone_used, pl.lit("addressed_to_someone_else"))
    ).otherwise(pl.concat_list(pl.lit("recipient_name"), pl.lit("recipient_phone"),
                               pl.lit("parcel_of_other_account_holder"), pl.lit("place")))
    evidence = pl.struct(
        *[
            pl.struct(pl.col(f"lvl_{f}").alias("level"), pl.col(f"w_{f}").round(2).alias("weight")).alias(f)
            for f in ("account_id", "account_name", "account_phone", "recipient_name", "recipient_phone", "place")
        ],
        pl.col("prior").round(2).alias("prior"),
        terms.alias("terms"),
        pl.col("capped").alias("capped_single_field"),
        pl.col("w_elsewhere").round(2).alias("addressed_to_someone_else"),
        pl.col("w_other_holder").round(2).alias("parcel_of_other_account_holder"),
        pl.col("block").alias("found_by"),
    ).struct.json_encode()
    return x.with_columns(evidence.alias("evidence"))


def current_phones(scored: pl.DataFrame, obs: pl.DataFrame) -> pl.DataFrame:
    """Phones seen on near-certain links: the debtor's phones in use now.

    Columns id_number, phone (null when only a masked number was seen), mask_key.
    """
    return settle_current_phones(*phone_evidence(scored, obs))


def phone_evidence(scored: pl.DataFrame, obs: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """What ``current_phones`` reads off scored pairs, in parts that add up over buckets:
    the candidate phones (id_number, phone, mask_key, surname_only: seen only on parcels
    typed with the debtor's surname alone) and how many linked parcels carry each number
    under another full name (id_number, mask_key, n).  An observation is in one bucket, so
    the counts of a night's buckets sum to the night's."""
    cols = obs.select("obs_id", "account_key", "ap_digits", "ap_kind", "ap_mask_key", "pp_digits", "pp_kind",
                      "pp_mask_key")
    sure = scored.filter(pl.col("probability") >= CURRENT_PHONE_THRESHOLD).join(cols, on="obs_id", how="left")
    # Not the bound phone of an account whose holder types that phone on parcels under
    # another full name (their own): a child's account verified only as '余**' ordering for
    # the parent links through the parcel's name and phone, and its bound phone is the child's.
    other_name = (scored.filter(pl.col("lvl_recipient_name") == "mismatch").select("id_number", "obs_id", "probability")
                  .join(cols, on="obs_id", how="inner"))
    holder_is_other = (other_name
                       .filter((pl.col("pp_mask_key") == pl.col("ap_mask_key")) & pl.col("account_key").is_not_null())
                       .select("id_number", "account_key").unique())
    acc = (sure.filter((pl.col("via") == "account") & pl.col("ap_kind").is_in(["mobile", "masked"]))
           .join(holder_is_other, on=["id_number", "account_key"], how="anti")
           .select("id_number", pl.col("ap_digits").alias("phone"), pl.col("ap_mask_key").alias("mask_key"),
                   pl.lit(False).alias("surname_only")))
    # Not the bound phone of someone else's account: a spouse's number typed on the
    # debtor's parcel would otherwise pull in all the spouse's own parcels.
    others_account = pl.col("lvl_account_id").is_in(["mismatch"]) | (pl.col("lvl_account_name") == "mismatch")
    # Nor the holder's own number typed on a parcel for the debtor (a parent ordering for
    # them): it is the holder's phone (``household_phones``), and the holder's own parcels
    # carry it too.
    holders_number = (pl.col("pp_mask_key") == pl.col("ap_mask_key")).fill_null(False)
    others_phone = (pl.col("recipient_is_holder") | holders_number) & others_account
    rec = sure.filter(pl.col("lvl_recipient_name").is_in(NAME_COMPATIBLE) & pl.col("pp_kind").is_in(["mobile", "masked"])
                      & ~others_phone & (pl.col("lvl_recipient_phone") != "household")
                      ).select("id_number", pl.col("pp_digits").alias("phone"), pl.col("pp_mask_key").alias("mask_key"),
                               (pl.col("lvl_recipient_name") == "surname_only").alias("surname_only"))
    candidates = pl.concat([acc, rec]).filter(pl.col("mask_key").is_not_null()).unique()
    # Counted on links only: a night whose buckets drop the pairs that do not link counts
    # the same as one that keeps them.
    elsewhere = (other_name.filter(pl.col("probability") >= LINK_THRESHOLD)
                 .select("id_number", "obs_id", pl.col("pp_mask_key").alias("mask_key"))
                 .drop_nulls("mask_key").group_by("id_number", "mask_key")
                 .agg(pl.col("obs_id").n_unique().cast(pl.Int64).alias("n")))
    return candidates, elsewhere


def settle_current_phones(candidates: pl.DataFrame, elsewhere: pl.DataFrame) -> pl.DataFrame:
    """``current_phones`` from the parts of ``phone_evidence`` (of one frame, or of every
    bucket stacked).

    A surname alone ('文女士', '文**') is the parents' name too: a number seen only with it,
    that the debtor's parcels also carry under another full name ('文林丹', the mother, in
    the family village) more than once, is that person's, not the debtor's.  Once is the
    debtor typing a family member's name on a parcel of their own."""
    someone_elses = (elsewhere.group_by("id_number", "mask_key").agg(pl.col("n").sum())
                     .filter(pl.col("n") >= SOMEONE_ELSES_PARCELS).select("id_number", "mask_key"))
    only_surname = (candidates.group_by("id_number", "mask_key").agg(pl.col("surname_only").all())
                    .filter("surname_only").select("id_number", "mask_key")
                    .join(someone_elses, on=["id_number", "mask_key"], how="semi"))
    return (candidates.join(only_surname, on=["id_number", "mask_key"], how="anti")
            .select("id_number", "phone", "mask_key").unique())


def household_phones(scored: pl.DataFrame, obs: pl.DataFrame) -> pl.DataFrame:
    """Bound phones of someone else's account on which the debtor's own parcels were
    ordered (near-certain links through the parcel's name and phone): a spouse's or a
    parent's number, which the debtor's later parcels may carry too.

    Columns id_number, phone, mask_key.
    """
    others_account = pl.col("lvl_account_id").is_in(["mismatch"]) | (pl.col("lvl_account_name") == "mismatch")
    sure = scored.filter((pl.col("probability") >= CURRENT_PHONE_THRESHOLD) & (pl.col("via") == "recipient")
                         & others_account & pl.col("lvl_recipient_name").is_in(NAME_COMPATIBLE))
    return (sure.join(obs.select("obs_id", "ap_digits", "ap_kind", "ap_mask_key"), on="obs_id", how="inner")
            .filter(pl.col("ap_kind").is_in(["mobile", "masked"]) & pl.col("ap_mask_key").is_not_null())
            .select("id_number", pl.col("ap_digits").alias("phone"), pl.col("ap_mask_key").alias("mask_key"))
            .unique())


def known_doors(scored: pl.DataFrame, obs: pl.DataFrame) -> pl.DataFrame:
    """Flats and premises where a debtor was placed with near certainty, by name-compatible parcels."""
    sure = scored.filter((pl.col("probability") >= CURRENT_PHONE_THRESHOLD)
                         & ~pl.col("lvl_recipient_name").is_in(["mismatch"]))
    return (
        sure.join(obs.select("obs_id", "place_key", "precision", "pickup"), on="obs_id", how="inner")
        .filter(pl.col("place_key").is_not_null() & pl.col("precision").is_in(["room", "building"])
                & ~pl.col("pickup").fill_null(False))
        .select("id_number", "place_key").unique()
    )


def roster_doors(debtors: pl.DataFrame) -> pl.DataFrame:
    """(id_number, place_key) of the roster's own address of each debtor (``hukou_address``,
    the address the court has), where it names a flat or premises: a door the debtor is
    known at before any parcel is linked, as ``known_doors`` are after."""
    empty = pl.DataFrame(schema={"id_number": pl.Utf8, "place_key": pl.Utf8})
    if "hukou_address" not in debtors.columns:
        return empty
    d = debtors.select("id_number", "hukou_address").drop_nulls()
    if d.height == 0:
        return empty
    parsed = addresses.parse_addresses(d["hukou_address"])
    return (d.select("id_number").with_columns(parsed["place_key"], parsed["precision"], parsed["pickup"])
            .filter(pl.col("place_key").is_not_null() & pl.col("precision").is_in(["room", "building"])
                    & ~pl.col("pickup").fill_null(False))
            .select("id_number", "place_key").unique())


def known_areas(scored: pl.DataFrame, obs: pl.DataFrame) -> pl.DataFrame:
    """Estates and street numbers (area keys) where a debtor was seen with near certainty:
    a check-in, a pick-up station, a parcel not typed with another person's name."""
    sure = scored.filter((pl.col("probability") >= CURRENT_PHONE_THRESHOLD)
                         & ~pl.col("lvl_recipient_name").is_in(["mismatch"]))
    return (sure.join(obs.select("obs_id", "area_key"), on="obs_id", how="inner")
            .filter(pl.col("area_key").is_not_null()).select("id_number", "area_key").unique())


@dataclass
class _Pass:
    """One linkage pass's debtor side, built once for all the night's buckets."""

    debtors: pl.DataFrame
    phones: pl.DataFrame
    doors: pl.DataFrame
    areas: pl.DataFrame | None
    keys: BlockKeys
    side: DebtorSide


def _pass(debtors, phones, doors, areas=None) -> _Pass:
    return _Pass(debtors, phones, doors, areas, block_keys(debtors, phones, doors, areas=areas),
                 debtor_side(debtors, phones))


def _one_pass(obs, p: _Pass, freqs, population):
    pairs = pairs_for(obs, p.keys)
    return score_comparisons(compare_pairs(pairs, obs, p.debtors, p.phones, p.doors, p.areas, side=p.side),
                             freqs, population)


def _learned_signature(current: pl.DataFrame, doors: pl.DataFrame, household: pl.DataFrame,
                       areas: pl.DataFrame) -> pl.DataFrame:
    """One string per debtor of what the passes learned about them (phones, doors, areas)."""
    parts = [
        current.select("id_number", pl.concat_str([pl.lit("c"), pl.col("phone").fill_null(""),
                                                    pl.col("mask_key").fill_null("")]).alias("k")),
        doors.select("id_number", pl.concat_str([pl.lit("d"), pl.col("place_key")]).alias("k")),
        household.select("id_number", pl.concat_str([pl.lit("h"), pl.col("phone").fill_null(""),
                                                      pl.col("mask_key").fill_null("")]).alias("k")),
        areas.select("id_number", pl.concat_str([pl.lit("a"), pl.col("area_key")]).alias("k")),
    ]
    return (pl.concat(parts).group_by("id_number").agg(pl.col("k").sort().str.join(",").alias("sig")))


def link(obs: pl.DataFrame, debtors: pl.DataFrame, max_passes: int = MAX_PASSES,
         stats: tuple[dict, int] | None = None) -> pl.DataFrame:
    """All scored candidate pairs of the final pass, one row per (debtor, observation);
    see ``link_observations``."""
    return link_observations(obs, debtors, max_passes, stats)[0]


def link_observations(obs: pl.DataFrame, debtors: pl.DataFrame, max_passes: int = MAX_PASSES,
                      stats: tuple[dict, int] | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Scored candidate pairs of the final pass, and the observations with the addresses
    of every link parsed (observations prepared without addresses get them here, only
    where needed: near-certain links, whose doors are learned; parcels that may be to such
    a door, for blocking and comparing on it; and the final links, for ranking).

    The whole night in memory: ``link_buckets`` over one bucket.
    ``stats`` (name/surname counts, population) replaces the night's own, see population.py.
    """
    if obs.height == 0 or debtors.height == 0:
        return pl.DataFrame(schema=SCORED_SCHEMA), obs
    store = MemoryBuckets(obs)
    link_buckets(store, debtors, max_passes, stats if stats is not None else name_frequencies(obs))
    return store.scored(0), store.load(0)


class MemoryBuckets:
    """The store ``link_buckets`` works on, held in memory: one bucket with every observation."""

    def __init__(self, obs: pl.DataFrame):
        self._obs = {0: obs}
        self._scored: dict[int, pl.DataFrame | None] = {0: None}

    def keys(self) -> list[int]:
        return [0]

    def load(self, bucket: int) -> pl.DataFrame:
        return self._obs[bucket]

    def scored(self, bucket: int) -> pl.DataFrame | None:
        return self._scored[bucket]

    def save(self, bucket: int, obs: pl.DataFrame, scored: pl.DataFrame | None) -> None:
        self._obs[bucket], self._scored[bucket] = obs, scored


def _sure(scored: pl.DataFrame | None) -> pl.Series | None:
    return None if scored is None else scored.filter(pl.col("probability") >= CURRENT_PHONE_THRESHOLD)["obs_id"]


def link_buckets(store, debtors: pl.DataFrame, max_passes: int, stats: tuple[dict, int],
                 progress: Callable[[str], None] | None = None, roster: pl.DataFrame | None = None) -> None:
    """Link a night's observations, held in buckets, to ``debtors``; each bucket ends with its
    scored pairs (``SCORED_SCHEMA``, evidence for links) and its observations, the addresses
    of its links parsed.

    ``store`` has ``keys()``, ``load(b)`` (a bucket's prepared observations), ``scored(b)`` and
    ``save(b, obs, scored)``: ``MemoryBuckets``, or buckets on disk for a night too big for
    memory.  An account's rows are all in one bucket (blocks on verified fields group an
    account's rows), so a bucket's pairs are those the whole night in one frame would give.
    Within a pass the buckets are independent: each is one call of a step (``STEPS``) on the
    bucket and what the pass shares; a store with an ``each(step, shared)`` method runs them
    itself (on other processes or machines, see ``pipelines.linking``), otherwise they run
    here one after another (``each_bucket``).

    Each pass feeds the next the phones and doors seen on near-certain links, until
    nothing new is learned (or ``max_passes``): a phone found on the debtor's own
    account finds the waybills sent to it, whose doors find the parcels to that door.
    A pass re-compares only the debtors it learned something new about: a pair's levels
    depend on nothing else that changes between passes.  What a pass learns and how many
    people an estate holds are summed over all buckets before the next pass scores any.
    ``progress`` is told each pass.  ``roster``: ``roster_doors`` of ``debtors`` (or of more
    debtors) when the caller has them already.
    """
    say = progress or (lambda _msg: None)
    each = getattr(store, "each", None) or (lambda step, shared: each_bucket(store, step, shared))
    # A store may drop the pairs that do not link as soon as they are scored: a pass
    # re-scores a debtor's pairs whole, and only links are published.
    slim = not getattr(store, "keeps_unlinked", True)
    freqs, population = stats
    phones = debtor_phones(debtors)
    # The address the court roster gives is a door the debtor is known at from the start:
    # a parcel typed with the debtor's name to it is found (and weighed) as one to a
    # learned door is.  Parcels that may be to it have their address read first.
    roster = (roster_doors(debtors) if roster is None
              else roster.join(debtors.select("id_number"), on="id_number", how="semi"))
    # Reading them needs nothing from other buckets (no area is counted yet), so it is done
    # in the first pass's own sweep of the buckets.
    scope = (address_scope.scope(debtors, roster, pl.DataFrame(schema={"id_number": pl.Utf8, "area_key": pl.Utf8}))
             if roster.height else None)
    first = _pass(debtors, phones, roster)
    say(f"linkage pass 1: {debtors.height:,} debtors, {len(store.keys())} bucket(s)")
    # What each bucket's near-certain links teach, kept as the bucket is saved: the next
    # pass needs it from every bucket, and re-reading them all for it costs a sweep.
    learned = {b: r for b, r in each("first", dict(p=first, freqs=freqs, population=population, slim=slim,
                                                   scope=scope)).items()
               if r is not None}
    signature = pl.DataFrame(schema={"id_number": pl.Utf8, "sig": pl.Utf8})
    for n in range(2, max_passes + 1):
        current, doors, areas, household = _learned(learned)
        new_sig = _learned_signature(current, doors, household, areas)
        changed = pl.concat([new_sig.join(signature, on=["id_number", "sig"], how="anti").select("id_number"),
                             signature.join(new_sig, on="id_number", how="anti").select("id_number")]).unique()
        if changed.height == 0:
            break
        signature = new_sig
        say(f"linkage pass {n}: {changed.height:,} debtors learned a phone, door or estate")
        phones = debtor_phones(debtors, current, household).join(changed, on="id_number", how="semi")
        again_doors = pl.concat([doors, roster]).unique().join(changed, on="id_number", how="semi")
        again_areas = areas.join(changed, on="id_number", how="semi")
        again_debtors = debtors.join(changed, on="id_number", how="semi")
        # Parcels that may be to a learned door, or at a learned area under the debtor's own
        # name, need their address read before blocking on it; how many people each area
        # holds is counted over every bucket before any is scored.
        people = list(each("scope", dict(scope=address_scope.scope(again_debtors, again_doors, again_areas))).values())
        again = _pass(again_debtors, phones, again_doors, address_scope.count_people(people, again_areas))
        learned |= {b: r for b, r in each("again", dict(p=again, changed=changed, freqs=freqs,
                                                         population=population, slim=slim)).items()
                    if r is not None}
    each("final", {})


def each_bucket(store, step: str, shared: dict, steps: dict | None = None) -> dict:
    """``steps[step]`` (by default ``STEPS``) on every bucket of ``store`` in turn, here:
    {bucket: what it returns}.  A bucket is saved only if the step changed it."""
    out = {}
    fn = (steps or STEPS)[step]
    for b in store.keys():
        obs, scored = store.load(b), store.scored(b)
        new_obs, new_scored, out[b] = fn(obs, scored, **shared)
        if new_obs is not obs or new_scored is not scored:
            store.save(b, new_obs, new_scored)
    return out


# The steps of a pass, one bucket each: (bucket's observations, its scored pairs or None,
# what the pass shares) -> (observations, scored pairs, what the driver gathers).  A step
# returns the very frames it was given when it changed nothing.

def _trim(x: pl.DataFrame | None, slim: bool) -> pl.DataFrame | None:
    return x.filter(pl.col("probability") >= LINK_THRESHOLD) if slim and x is not None else x


def _first_step(obs, scored, *, p: _Pass, freqs, population, slim, scope=None):
    if obs.height == 0:
        return obs, scored, None
    if scope is not None:
        obs = _scope_step(obs, scored, scope=scope)[0]   # the roster's doors' parcels read first
    scored = _trim(_one_pass(obs, p, freqs, population), slim)
    # Doors are learned from near-certain links only: their parcels' addresses are read now.
    obs = prepare.ensure_addresses(obs, _sure(scored))
    return obs, scored, _learn(scored, obs)


def _scope_step(obs, scored, *, scope: address_scope.Scope):
    to_read, at = address_scope.plan(obs, prepared=scope)
    if to_read.len():
        obs = prepare.ensure_addresses(obs, to_read)
    return obs, scored, at


def _again_step(obs, scored, *, p: _Pass, changed, freqs, population, slim):
    if obs.height == 0:
        return obs, scored, None
    rescored = _trim(_one_pass(obs, p, freqs, population), slim)
    kept = scored.join(changed, on="id_number", how="anti") if scored is not None else None
    scored = rescored if kept is None else pl.concat([kept, rescored.select(kept.columns)], how="vertical")
    obs = prepare.ensure_addresses(obs, _sure(scored))
    return obs, scored, _learn(scored, obs)


def one_holder_per_account(scored: pl.DataFrame, obs: pl.DataFrame) -> pl.DataFrame:
    """An account has one holder: where one debtor surely holds it (its account route alone
    gives ``HOLDER_SURE``), another debtor's fit to the same verified name, ID and phone is
    that holder's (a namesake on the roster whose masked ID happens to fit), so the other
    debtor keeps only what the parcel itself says of him, and nothing where the parcel is
    addressed to the holder."""
    if scored.height == 0 or "weight_account" not in scored.columns:
        return scored
    sure = math.log2(HOLDER_SURE / (1.0 - HOLDER_SURE))
    x = scored.join(obs.select("obs_id", "account_key"), on="obs_id", how="left")
    holders = (x.filter(pl.col("account_key").is_not_null() & (pl.col("weight_account") >= sure))
               .group_by("account_key").agg(pl.col("id_number").alias("_holders")))
    if holders.height == 0:
        return scored
    x = x.join(holders, on="account_key", how="left")
    x = x.with_columns((pl.col("_holders").is_not_null() & ~pl.col("_holders").list.contains(pl.col("id_number"))
                        & (pl.col("via") == "account")).alias("_other"))
    other = pl.col("_other")
    recipient = pl.when(pl.col("recipient_is_holder")).then(pl.lit(HOLDER_ELSEWHERE)).otherwise(
        pl.min_horizontal("weight_recipient", "match_weight"))
    x = x.with_columns(pl.when(other).then(recipient).otherwise(pl.col("match_weight")).alias("match_weight"))
    return x.with_columns(
        pl.when(other).then(pl.lit("recipient")).otherwise(pl.col("via")).alias("via"),
        pl.when(other).then(_probability(pl.col("match_weight"))).otherwise(pl.col("probability"))
        .alias("probability")).drop("account_key", "_holders", "_other")


def _final_step(obs, scored):
    """Links get their evidence and their addresses read, for ranking."""
    if scored is None:
        return obs, pl.DataFrame(schema=SCORED_SCHEMA), None
    scored = one_holder_per_account(scored, obs)
    obs = prepare.ensure_addresses(obs, scored.filter(pl.col("probability") >= LINK_THRESHOLD)["obs_id"])
    links = with_evidence(scored.filter(pl.col("probability") >= LINK_THRESHOLD))
    rest = scored.filter(pl.col("probability") < LINK_THRESHOLD).with_columns(pl.lit(None, pl.Utf8).alias("evidence"))
    return obs, pl.concat([links.select(list(SCORED_SCHEMA)), rest.select(list(SCORED_SCHEMA))], how="vertical"), None


STEPS = {"first": _first_step, "scope": _scope_step, "again": _again_step, "final": _final_step}


def _learn(scored: pl.DataFrame, obs: pl.DataFrame) -> tuple[pl.DataFrame, ...]:
    """(phone evidence: candidates and numbers under other names, known doors, known
    areas, household phones) of a bucket's near-certain links: a row-wise reading of the
    bucket's own pairs."""
    return (*phone_evidence(scored, obs), known_doors(scored, obs), known_areas(scored, obs),
            household_phones(scored, obs))


def _learned(parts: dict[int, tuple]) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """What every bucket's near-certain links teach (``_learn`` of each), together."""
    schemas = ({"id_number": pl.Utf8, "phone": pl.Utf8, "mask_key": pl.Utf8, "surname_only": pl.Boolean},
               {"id_number": pl.Utf8, "mask_key": pl.Utf8, "n": pl.Int64},
               {"id_number": pl.Utf8, "place_key": pl.Utf8}, {"id_number": pl.Utf8, "area_key": pl.Utf8},
               {"id_number": pl.Utf8, "phone": pl.Utf8, "mask_key": pl.Utf8})
    candidates, elsewhere, doors, areas, household = (
        pl.concat([p[i] for p in parts.values()], how="vertical") if parts else pl.DataFrame(schema=schemas[i])
        for i in range(5))
    current = settle_current_phones(candidates, elsewhere)
    doors, areas, household = doors.unique(), areas.unique(), household.unique()
    return current, doors, areas, household.join(current, on=["id_number", "mask_key"], how="anti")


SCORED_SCHEMA = {
    "id_number": pl.Utf8,
    "obs_id": pl.Utf8,
    "block": pl.Utf8,
    "via": pl.Utf8,
    "lvl_account_id": pl.Utf8,
    "lvl_account_name": pl.Utf8,
    "lvl_account_phone": pl.Utf8,
    "lvl_recipient_name": pl.Utf8,
    "lvl_recipient_phone": pl.Utf8,
    "lvl_place": pl.Utf8,
    "recipient_is_holder": pl.Boolean,
    "match_weight": pl.Float64,
    "probability": pl.Float64,
    "evidence": pl.Utf8,
}
