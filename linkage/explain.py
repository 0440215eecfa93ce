"""Why a debtor's places and phones rank as they do: pure text rendering for ``locate explain``.

Each link's evidence (``score.score_comparisons``) records the terms its winning route
summed; ``waterfall`` replays them from the prior to the match weight, so a reader sees
how much each field comparison added, and where the one-field cap stepped in.
"""
from __future__ import annotations

import json
import math
from datetime import datetime

import polars as pl

FIELD_LABELS = {
    "account_id": "account ID number",
    "account_name": "account real name",
    "account_phone": "account bound phone",
    "recipient_name": "name on the parcel",
    "recipient_phone": "phone on the parcel",
    "place": "door or estate already placed",
    "addressed_to_someone_else": "parcel for someone else",
    "parcel_of_other_account_holder": "other account holder's parcel",
}


def waterfall(evidence: str | dict) -> dict:
    """The steps of one link: [(term, level, weight, running total)], the final weight,
    the probability and whether the one-agreeing-field cap applied."""
    ev = json.loads(evidence) if isinstance(evidence, str) else evidence
    prior = float(ev.get("prior", 0.0))
    steps, total = [("prior", None, prior, prior)], prior
    for term in ev.get("terms") or []:
        item = ev.get(term)
        if isinstance(item, dict):
            level, weight = item.get("level"), float(item.get("weight") or 0.0)
        else:
            level, weight = None, float(item or 0.0)
        if weight == 0.0 and level in (None, "unknown"):
            continue
        total += weight
        steps.append((term, level, weight, total))
    capped = bool(ev.get("capped_single_field")) and total > -0.1
    final = -0.1 if capped else total
    return {"steps": steps, "weight": final, "probability": 1.0 / (1.0 + 2.0 ** (-final)), "capped": capped,
            "found_by": ev.get("found_by")}


def _when(ts) -> str:
    return ts.strftime("%Y-%m-%d %H:%M") if isinstance(ts, datetime) else "-"


def _link_lines(row: dict, indent: str) -> list[str]:
    w = waterfall(row["evidence"])
    where = f"line {row['line']} of {row['file']}" if row.get("file") else ""
    who = " ".join(x for x in (row.get("person_name"), row.get("person_phone")) if x)
    acct = " ".join(x for x in (row.get("account_name"), row.get("account_id_no"), row.get("account_phone")) if x)
    lines = [
        f"{indent}{row['source_kind']}:{row['platform']} {row.get('record_id') or ''}  {where}",
        f"{indent}  {_when(row.get('event_time'))} {row.get('event') or ''}"
        + (f"  account {acct}" if acct else "") + (f"  to {who}" if who else ""),
    ]
    if row.get("address"):
        lines.append(f"{indent}  written as {row['address']}")
    adds = f"; adds {row['weight']:.2f} to the place's score" if row.get("weight") is not None else ""
    lines.append(f"{indent}  P(link) {row['probability']:.3f}, found by {w['found_by'] or '-'}{adds}")
    for term, level, weight, total in w["steps"]:
        if term == "prior":
            people = 2.0 ** (-weight)
            label = f"prior (1 in {people:,.0f} people)" if math.isfinite(people) else "prior"
            lines.append(f"{indent}    {label:44s} {weight:+8.2f} {total:+8.2f}")
        else:
            label = f"{FIELD_LABELS.get(term, term)}: {level}" if level else FIELD_LABELS.get(term, term)
            lines.append(f"{indent}    {label:44s} {weight:+8.2f} {total:+8.2f}")
    if w["capped"]:
        lines.append(f"{indent}    {'only one field agrees: capped':44s} {'':8s} {-0.1:+8.2f}")
    lines.append(f"{indent}    = match weight {w['weight']:+.2f}, probability {w['probability']:.3f}")
    return lines


def _rows_lines(rows: pl.DataFrame, max_rows: int, where_rest: str = "") -> list[str]:
    """The first ``max_rows`` links behind a place or phone, numbered, and how many more."""
    out = []
    for i, row in enumerate(rows.head(max_rows).iter_rows(named=True), 1):
        out.append(f"  [{i}]")
        out.extend(_link_lines(row, "    "))
    if rows.height > max_rows:
        out.append(f"  ... and {rows.height - max_rows} more{where_rest}")
    return out


def format_explanation(debtor: dict, locations: pl.DataFrame, place_rows: pl.DataFrame,
                       contacts: pl.DataFrame, phone_rows: pl.DataFrame, max_rows: int = 5,
                       violations: pl.DataFrame | None = None) -> str:
    """The whole explanation for one debtor.

    place_rows: one row per (place_key, linked observation) with the observation's
    columns, its link (probability, evidence) and the weight it added; phone_rows: the
    same per (phone value, observation); violations: one row per (case, order) of the
    ``violations`` table with its link and observation.
    """
    out = [f"{debtor['name']}  {debtor['id_number']}",
           f"  cases: {', '.join(debtor.get('case_nos') or [])}   courts: {', '.join(debtor.get('courts') or [])}",
           f"  roster phones: {', '.join(debtor.get('roster_phones') or []) or '-'}"]
    if locations.height == 0 and contacts.height == 0:
        out.append("  no place and no phone: nothing linked to this debtor passed the link threshold")
        return "\n".join(out)
    for kind in ("residence", "workplace", "pickup_point"):
        part = locations.filter(pl.col("kind") == kind).sort("rank")
        for loc in part.iter_rows(named=True):
            out.append("")
            out.append(f"{kind} #{loc['rank']}: {loc['address']}")
            out.append(f"  confidence {loc['confidence']:.2f}, score {loc['score']:.2f}, "
                       f"{loc['n_observations']} observation(s), seen {_when(loc['first_seen'])} .. "
                       f"{_when(loc['last_seen'])}, from {loc['sources']}")
            rows = place_rows.filter(pl.col("place_key") == loc["place_key"]).sort("weight", descending=True)
            out.extend(_rows_lines(rows, max_rows, " (v_place_evidence has them all)"))
    phones = contacts.filter(pl.col("kind") == "phone").sort("rank")
    for c in phones.iter_rows(named=True):
        out.append("")
        out.append(f"phone #{c['rank']}: {c['value']}  confidence {c['confidence']:.2f}, "
                   f"{c['n_observations']} observation(s), last seen {_when(c['last_seen'])}, from {c['sources']}")
        rows = phone_rows.filter(pl.col("value") == c["value"]).sort("probability", descending=True)
        out.extend(_rows_lines(rows, max_rows))
    accounts = contacts.filter(pl.col("kind") == "account").sort("rank")
    if accounts.height:
        out.append("")
        out.append("accounts: " + ", ".join(f"{a['value']} ({a['confidence']:.2f})" for a in accounts.iter_rows(named=True)))
    for v in (violations.iter_rows(named=True) if violations is not None else []):
        amount = f"{v['amount']:,.2f} yuan" if v.get("amount") is not None else "amount unknown"
        out.append("")
        out.append(f"violation of case {v['case_no']}: {_when(v['ordered_at'])} {v['category']} ({v['rule']}), {amount}")
        out.extend(_link_lines(v | {"weight": None}, "    "))
    return "\n".join(out)
