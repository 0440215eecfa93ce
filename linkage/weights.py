"""Match weights: log2 Bayes factors per comparison level (Fellegi-Sunter form).

A pair's match weight is prior + the sum of its comparison weights; its probability
is 1 / (1 + 2**-weight).  These values are set from what each agreement means in the
world (how many people share a 4-digit ID suffix, how often roster phones are stale)
and are the starting point for fitting on generated ground truth.
"""
from __future__ import annotations

# Prior log2-odds that a blocked candidate pair is a true match.  Blocking already
# demands agreement on something, so the prior is for "agreed on a key", not for
# "any pair in the population".
PRIOR_ACCOUNT = -8.0
PRIOR_RECIPIENT = -8.0

ID_WEIGHTS = {
    "exact": 22.0,
    "compatible_strong": 12.0,   # >= 8 visible characters agree (e.g. 330502********1234)
    "compatible_weak": 4.0,      # fewer visible characters agree (e.g. 33**************1X)
    "mismatch": -20.0,           # a verified ID that contradicts the debtor's
    "unknown": 0.0,
}

# Verified account names: a contradiction is strong evidence against.
ACCOUNT_NAME_WEIGHTS = {
    "exact": None,               # term-frequency adjusted, see name_exact_weight
    "pinyin": 6.0,
    "fuzzy": 2.0,
    "masked_compatible": 3.0,
    "surname_only": 1.0,
    "mismatch": -12.0,
    "unknown": 0.0,
}

# Names typed on a parcel: anyone can be the recipient, so a mismatch says little.
RECIPIENT_NAME_WEIGHTS = {
    "exact": None,
    "pinyin": 6.0,
    "fuzzy": 2.0,
    "masked_compatible": 3.0,
    "surname_only": 1.5,
    "mismatch": -3.0,
    "unknown": 0.0,
}

PHONE_WEIGHTS = {
    "exact_current": 14.0,       # a phone the debtor is seen using on a verified account now
    "exact_roster": 10.0,        # a roster phone: often stale, and numbers get reassigned
    "compatible": 4.0,           # masked phone whose visible digits agree (138****5678)
    "mismatch": -1.0,            # roster phones are half stale: weak evidence against
    "unknown": 0.0,
}

# A delivery ordered on the debtor's account but addressed to someone clearly else
# (name and phone both disagree) is probably a gift: the place is not the debtor's.
ACCOUNT_RECIPIENT_ELSEWHERE = -6.0

NAME_EXACT_MIN = 4.0
NAME_EXACT_MAX = 14.0


def name_exact_weight(frequency: float) -> float:
    """Term-frequency adjusted weight for an exact full-name agreement.

    ``frequency`` is the share of people in the data carrying that name; agreeing on
    a name one person in a thousand carries is worth log2(1000) ~ 10 bits.
    """
    import math

    if frequency <= 0:
        return NAME_EXACT_MAX
    return max(NAME_EXACT_MIN, min(NAME_EXACT_MAX, -math.log2(frequency)))
