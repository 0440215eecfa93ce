"""Phone comparison levels, every branch, with the debtors' phones as tables to join."""
from __future__ import annotations

import polars as pl

from linkage import compare, prepare
from linkage.block import debtor_phones

ROSTER_PHONE, CURRENT, WIFE = "13857101115", "13588889999", "13600001111"


def _side(roster_b: list[str] | None = None):
    debtors = pl.DataFrame({"id_number": ["A", "B"], "dn_name": ["茹小明", "张伟"], "dn_surname": ["茹", "张"],
                            "roster_phones": [[ROSTER_PHONE], roster_b or []]},
                           schema_overrides={"roster_phones": pl.List(pl.Utf8)})
    # Seen on near-certain links: a full number, and a number only ever seen masked.
    current = pl.DataFrame({"id_number": ["A", "A"], "phone": [CURRENT, None], "mask_key": [None, "177|1049"]})
    household = pl.DataFrame({"id_number": ["A"], "phone": [WIFE], "mask_key": [None]})
    return compare.debtor_side(debtors, debtor_phones(debtors, current, household))


def _levels(rows: list[tuple[str, str]], side) -> list[str]:
    """Level of each (id_number, phone as typed) pair."""
    x = pl.concat([pl.DataFrame({"id_number": [i for i, _ in rows]}),
                   prepare.normalise_phones(pl.Series([p for _, p in rows]), "pp_")], how="horizontal")
    x = x.join(side.people, on="id_number", how="left", maintain_order="left")
    return compare._with_phone_level(x, side, "pp_", "lvl")["lvl"].to_list()


def test_each_phone_level_of_a_full_and_a_masked_number():
    assert _levels([
        ("A", CURRENT), ("A", ROSTER_PHONE), ("A", "17712341049"), ("A", WIFE), ("A", "13900000000"),
        ("A", "135****9999"), ("A", "138****1115"), ("A", "136****1111"), ("A", "139****0000"),
        ("B", "13900000000"), ("B", "139****0000"),
    ], _side()) == [
        "exact_current", "exact_roster", "compatible", "household", "mismatch",
        "compatible", "compatible", "household", "mismatch",
        # B has no phone at all: nothing to disagree with.
        "unknown", "unknown",
    ]


def test_pair_order_and_count_are_kept():
    rows = [("B", "13900000000"), ("A", CURRENT), ("B", "13900000000"), ("A", CURRENT)]
    assert _levels(rows, _side(["13900000000"])) == ["exact_roster", "exact_current"] * 2
