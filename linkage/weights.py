"""Match weights: log2 Bayes factors per comparison level (Fellegi-Sunter form).

A pair's match weight is prior + the sum of its comparison weights; its probability
is 1 / (1 + 2**-weight).  These values are set from what each agreement means in the
world (how many people share a 4-digit ID suffix, how often roster phones are stale)
and are the starting point for fitting on generated ground truth.
"""
from __future__ import annotations

import math

# The prior log2-odds that an observation is about a given debtor is -log2(N), N the
# number of distinct people seen (score.name_frequencies, kept across nights by
# population.py); an exact name then adds log2(NAME_EXACT_M * N / people with that
# name), so a name alone can never carry a link past NAME_EXACT_M / (people sharing it).
PRIOR_FLOOR = -30.0

# Parcel on an account verified to someone else, addressed to that account holder
# (same name or phone): it is the holder's parcel, whatever name they share with a debtor.
RECIPIENT_IS_OTHER_HOLDER = -15.0

# The observation's door (flat, shop) is one where the debtor was already placed with
# near certainty: few people share a door, and the name/phone levels tell them apart.
# As for an area, log2(N * DOOR_M / DOOR_PEOPLE): of N people seen, about DOOR_PEOPLE
# get parcels at one flat, and DOOR_M of a person's parcels go to the door they are known
# at.  A fixed weight would let the prior (-log2 N) outgrow it: in a province-wide night
# a parcel typed with the debtor's common name to the debtor's own flat could never link.
# That holds against strangers only: the household at the door shares the surname, so
# with a masked name, a title or a surname the door keeps DOOR_MIN (see score).
DOOR_M = 0.5
DOOR_PEOPLE = 4.0
DOOR_MIN = 8.0
DOOR_MAX = 14.0
DOOR_FULL_NAME_LEVELS = ("exact", "pinyin")
PLACE_WEIGHTS = {"known_door": DOOR_MIN, "unknown": 0.0}
# An estate or street number where the debtor was seen (a check-in, a pick-up station, a
# parcel): log2(N * AREA_M / people seen there), so that with an exact name the odds are
# about those of one namesake among the area's people.  AREA_M: the share of a person's
# parcels that go to one area they are known at.  Never more than a known door.
AREA_M = 0.3
AREA_MIN = 1.5
AREA_MAX = 8.0

ID_WEIGHTS = {
    "exact": 30.0,
    "compatible_strong": 17.5,   # >= 8 visible characters agree (330502********1234): 1 in 10^4 within a county
    # Fewer visible characters agree (33**************1X): the province says little in a
    # provincial export and the 17th digit is the sex, so about 1 in 50 people fit.
    "compatible_weak": 5.0,
    "mismatch": -20.0,           # a verified ID that contradicts the debtor's
    "unknown": 0.0,
}

# Verified account names: a contradiction is strong evidence against.
ACCOUNT_NAME_WEIGHTS = {
    "exact": None,               # term-frequency adjusted, see score.score_comparisons
    "pinyin": 6.0,
    "fuzzy": 2.0,
    "masked_compatible": 5.0,
    "surname_only": None,        # surname term frequency, see score.score_comparisons
    "nickname": 0.0,             # not a verified name
    "mismatch": -12.0,
    "unknown": 0.0,
}

NICKNAME = 2.0

# Names typed on a parcel: anyone can be the recipient, so a mismatch says little.
RECIPIENT_NAME_WEIGHTS = {
    "exact": None,
    "pinyin": 6.0,
    "fuzzy": 2.0,
    "masked_compatible": 5.0,
    "surname_only": None,
    # '雨雨', '阿雨' for 邵敏雨: weak (the family's children share given-name characters), but
    # with the debtor's own current phone it is the second agreeing field a link needs.
    "nickname": NICKNAME,
    "mismatch": -6.0,            # a different name typed on the parcel: usually someone else's parcel
    "unknown": 0.0,
}

# Phones: m = P(level | same person), u = P(level | another person), so the weight is
# log2(m / u) and depends on the population N.  u is dominated by reassigned numbers
# (China recycles cancelled numbers, and roster numbers are often years old): a roster
# number seen on a platform is about as likely to be in someone else's hands now, so
# it links only together with a name that fits (measured: roster or masked phone with a
# nickname alone was right 11% and 30% of the time on seed 11 with the old values).
PHONE_M = {"exact_current": 0.9, "exact_roster": 0.4, "compatible": 0.6}
PHONE_RECYCLED = {"exact_current": 0.02, "exact_roster": 0.5, "compatible": 0.5}
MASKED_PHONE_CHANCE = 1 / 100_000   # 7 visible digits, but numbers crowd into a few prefixes
PHONE_MISMATCH = -1.5          # half of roster phones are stale: a different number says little


# A landline is the premises' line: everyone at an office, a shop or a market stall types it
# (measured on the tuning worlds: parcels with the roster's landline and another name were
# 364, none the debtor's; with the surname alone 48, a third the debtor's).  About
# LANDLINE_USERS people share one, and it says where the parcel went, not again that the
# door agrees.
LANDLINE_USERS = 10.0

# A family member's bound phone typed on a parcel: P(on the debtor's own parcel) about
# HOUSEHOLD_M; a stranger's parcel carries it only if it is one of the household's own
# (HOUSEHOLD_SIZE people).  Agreeing alone it is nothing (the spouse's parcels carry it
# too, under the spouse's name); with the debtor's name it places the parcel.
HOUSEHOLD_M = 0.2
HOUSEHOLD_SIZE = 2.0


def phone_weights(population: int) -> dict[str, float]:
    n = max(population, 2)
    w = {
        "household": math.log2(HOUSEHOLD_M * n / HOUSEHOLD_SIZE),
        "exact_current": math.log2(PHONE_M["exact_current"] * n / PHONE_RECYCLED["exact_current"]),
        "exact_roster": math.log2(PHONE_M["exact_roster"] * n / PHONE_RECYCLED["exact_roster"]),
        "compatible": math.log2(PHONE_M["compatible"] / (MASKED_PHONE_CHANCE + PHONE_RECYCLED["compatible"] / n)),
        "mismatch": PHONE_MISMATCH,
        "unknown": 0.0,
    }
    return w


def landline_weights(population: int) -> dict[str, float]:
    """``phone_weights`` for a landline typed on a parcel: shared by LANDLINE_USERS people."""
    n = max(population, 2)
    return {level: math.log2(PHONE_M[level] * n / (LANDLINE_USERS + PHONE_RECYCLED[level]))
            for level in ("exact_current", "exact_roster")}


# A delivery ordered on the debtor's account but addressed to someone clearly else
# (name and phone both disagree) is probably a gift: the place is not the debtor's.
ACCOUNT_RECIPIENT_ELSEWHERE = -6.0

SURNAME_MIN = 0.5
SURNAME_MAX = 8.0
SURNAME_DISCOUNT = 2.0        # 茹先生 / 茹** also fit the debtor's relatives, and common surnames crowd
NAME_EXACT_M = 0.6            # a debtor's own parcels carry his exact name about this often
NAME_EXACT_MIN = 2.0
NAME_EXACT_MAX = 30.0

