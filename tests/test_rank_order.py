"""Ranking does not depend on the order rows arrive in.

Joins and unique() hand rows on in no fixed order, and a sum of floats taken in another
order can differ in its last bit: two phones or places with the same evidence then swap
ranks from one run to the next (measured: 634 of 41,586 contact rows of a 1M-row night
differed between two runs of the same code).  The samples' links are ranked as they come
and shuffled; the ranked tables must be equal, bit for bit.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from linkage import prepare, rank, score
from sources import inbox
from sources.schema import OBSERVATION_SCHEMA, ROSTER_SCHEMA

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples" / "inbox"
AS_OF = date(2026, 11, 27)


@pytest.fixture(scope="module")
def linked():
    rosters, rows = [], []
    for f in inbox.discover(SAMPLES):
        if f.error:
            continue
        frame = inbox.read_file(f).rows
        (rosters if f.source_kind == "debtors" else rows).append(frame)
    debtors, _ = prepare.build_debtors(pl.concat(rosters, how="diagonal").select(list(ROSTER_SCHEMA))
                                       .cast(ROSTER_SCHEMA))
    obs = pl.concat([r.select(list(OBSERVATION_SCHEMA)).cast(OBSERVATION_SCHEMA) for r in rows])
    obs = obs.with_columns(prepare.obs_ids(obs)).unique("obs_id", keep="first", maintain_order=True)
    scored, linked_obs = score.link_observations(prepare.prepare_observations(obs, with_addresses=False), debtors)
    links = scored.filter(pl.col("probability") >= score.LINK_THRESHOLD)
    return links, linked_obs.join(links.select("obs_id").unique(), on="obs_id", how="semi"), debtors


def test_ranked_places_and_phones_do_not_depend_on_row_order(linked):
    links, obs, debtors = linked
    assert links.height > 2_000
    first = (rank.rank_locations(links, obs, AS_OF), rank.rank_contacts(links, obs, debtors, AS_OF))
    for seed in (1, 2, 3):
        shuffled_links, shuffled_obs = links.sample(fraction=1.0, shuffle=True, seed=seed), \
            obs.sample(fraction=1.0, shuffle=True, seed=seed)
        again = (rank.rank_locations(shuffled_links, shuffled_obs, AS_OF),
                 rank.rank_contacts(shuffled_links, shuffled_obs, debtors, AS_OF))
        for a, b, key in zip(first, again, (["id_number", "kind", "rank"], ["id_number", "kind", "rank"])):
            assert a.sort(key).equals(b.sort(key)), seed
