"""Synthetic sample worlds for locate: debtors, platform exports (dirt included) and the truth.

Only invented people: names, ID numbers, phones and addresses are drawn at random on real
administrative divisions and real mobile prefixes.

    from synth import generate
    summary = generate(Path("out"), n_debtors=300, seed=7)
"""
from __future__ import annotations

import argparse
import json
import shutil
from datetime import date
from pathlib import Path

from .ids import id_checksum, id_valid, make_uscc, uscc_valid

__all__ = ["generate", "cli_main", "id_checksum", "id_valid", "make_uscc", "uscc_valid"]


def generate(out_dir: Path, n_debtors: int, seed: int, as_of: date = date(2026, 11, 27)) -> dict:
    """Build a world and write ``out_dir/inbox`` (platform exports) and ``out_dir/truth``.

    Existing ``inbox`` and ``truth`` folders under ``out_dir`` are replaced.
    Returns summary counts (plain JSON-able dict).
    """
    from .events import Traces
    from .render import Renderer
    from .world import World

    if n_debtors < 10:
        raise ValueError("n_debtors must be at least 10")
    out_dir = Path(out_dir)
    for sub in ("inbox", "truth"):
        if (out_dir / sub).exists():
            shutil.rmtree(out_dir / sub)
    out_dir.mkdir(parents=True, exist_ok=True)
    w = World(n_debtors, seed, as_of)
    tr = Traces(w)
    tr.generate()
    rd = Renderer(w, tr, out_dir)
    rd.roster()
    rd.ecommerce()
    rd.social()
    rd.logistics()
    truth = rd.write_truth()
    deb = truth["debtors"]
    rec = truth["records"]
    persons = deb.filter(deb["kind"] == "person")
    summary = {
        "out_dir": str(out_dir),
        "seed": seed,
        "as_of": as_of.isoformat(),
        "debtors": deb.height,
        "debtor_persons": persons.height,
        "debtor_orgs": deb.height - persons.height,
        "open_persons": int(persons["open"].sum()),
        "concluded_persons": int((~persons["open"]).sum()),
        "cases": len({c.case_no for c in w.cases}),
        "roster_rows": len(w.cases),
        "absent": int(persons["absent"].sum()),
        "moved": int(persons["old_home_address"].is_not_null().sum()),
        "with_work": int(persons["work_address"].is_not_null().sum()),
        "other_province_home": int((persons["home_province"] != "浙江省").sum()),
        "has_home_delivery": int(persons["has_home_delivery"].sum()),
        "uses_spouse_account": int(persons["uses_spouse_account"].sum()),
        "people": len(w.people),
        "non_debtor_people": sum(1 for p in w.people if not p.debtor),
        "records": {f"{sk}:{it}": int(n) for sk, it, n in
                    rec.group_by("source_kind", "item").len().sort("source_kind", "item").iter_rows()},
        "records_about_debtors": int(rec["true_id_number"].is_not_null().sum()),
        "files": dict(sorted(rd.files.items())),
        "dirty": dict(sorted(rd.dirty.items())),
        "dirty_by_file": {f: dict(sorted(c.items())) for f, c in sorted(rd.dirty_by_file.items())},
        "duplicate_resent_rows": rd.duplicates,
    }
    return summary


def cli_main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="locate samples", description="Generate a synthetic sample world (inbox + truth).")
    ap.add_argument("--out", required=True, type=Path, help="output folder (inbox/ and truth/ are written inside)")
    ap.add_argument("--debtors", type=int, default=300, help="number of roster debtors (persons and organisations)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 11, 27), help="export date, YYYY-MM-DD")
    a = ap.parse_args(argv)
    s = generate(a.out, a.debtors, a.seed, a.as_of)
    print(json.dumps({k: v for k, v in s.items() if k != "dirty_by_file"}, ensure_ascii=False, indent=1))
    return 0
