"""Summarise a cProfile dump of ``locate nightly`` by pipeline stage.

    .venv/bin/python -m cProfile -o /tmp/prof1m.out -m pipelines.cli nightly --engine direct ...
    .venv/bin/python benchmarks/profile_summary.py /tmp/prof1m.out [--top 25]

Prints (1) time per stage, where the exclusive time of library code (polars, DuckDB,
pyarrow, builtins) is charged to the project functions that called it, in proportion to
each call edge's cumulative time; (2) the stage entry points' cumulative times; (3) the
top entries by cumulative and by own time, each labelled with its stage.
"""
from __future__ import annotations

import argparse
import pstats
import sys
from collections import defaultdict

# module path fragment -> stage (first match wins)
STAGES = [
    ("/sources/", "read (adapters)"),
    ("/linkage/prepare.py", "prepare/normalise"),
    ("/linkage/names.py", "prepare/normalise"),
    ("/linkage/phones.py", "prepare/normalise"),
    ("/linkage/idnumbers.py", "prepare/normalise"),
    ("/linkage/addresses.py", "prepare/normalise"),
    ("/linkage/address_tokens.py", "prepare/normalise"),
    ("/linkage/gazetteer.py", "prepare/normalise"),
    ("/linkage/block.py", "blocking"),
    ("/linkage/compare.py", "compare"),
    ("/linkage/score.py", "score"),
    ("/linkage/weights.py", "score"),
    ("/linkage/population.py", "score"),
    ("/linkage/rank.py", "rank"),
    ("/linkage/calibration", "rank"),
    ("/linkage/", "linkage (other)"),
    ("/publish/", "write (DuckDB, reports)"),
    ("/pipelines/", "orchestration (pipelines/)"),
]
PROJECT_MARKERS = ("/sources/", "/linkage/", "/publish/", "/pipelines/", "/synth/")

# entry points whose cumulative time is a stage's inclusive time
ENTRY_POINTS = [
    ("pipelines/stages.py", "ingest_file", "read: stages.ingest_file (adapters + staging parquet)"),
    ("pipelines/stages.py", "record_ingest", "read: stages.record_ingest"),
    ("pipelines/stages.py", "link_and_rank", "link_and_rank (all below + its DuckDB writes)"),
    ("linkage/prepare.py", "build_debtors", "  prepare.build_debtors"),
    ("linkage/prepare.py", "prepare_observations", "  prepare.prepare_observations"),
    ("pipelines/stages.py", "_population", "  stages._population"),
    ("linkage/score.py", "link", "  score.link (blocking + compare + score, all passes)"),
    ("linkage/block.py", "candidate_pairs", "    block.candidate_pairs"),
    ("linkage/compare.py", "compare_pairs", "    compare.compare_pairs"),
    ("linkage/score.py", "score_comparisons", "    score.score_comparisons"),
    ("linkage/rank.py", "rank_locations", "  rank.rank_locations"),
    ("linkage/rank.py", "rank_contacts", "  rank.rank_contacts"),
    ("linkage/rank.py", "location_evidence", "  rank.location_evidence"),
    ("publish/warehouse.py", "replace_table", "  warehouse.replace_table (all calls)"),
    ("pipelines/stages.py", "write_reports", "write: stages.write_reports"),
    ("pipelines/stages.py", "finish", "write: stages.finish (publish, atomic swap)"),
]


def stage_of(func: tuple) -> str | None:
    path = func[0].replace("\\", "/")
    if not any(m in path for m in PROJECT_MARKERS):
        return None
    for frag, stage in STAGES:
        if frag in path:
            return stage
    return "other project code"


def label(func: tuple) -> str:
    path, line, name = func
    if path == "~":
        return name
    short = path.replace("\\", "/")
    for m in PROJECT_MARKERS:
        if m in short:
            short = short[short.index(m) + 1:]
            break
    else:
        if "site-packages/" in short:
            short = short.split("site-packages/", 1)[1]
    return f"{short}:{line}({name})"


UNATTRIBUTED = "(unattributed: start-up, imports)"


class Attribution:
    """Stage shares of every function: project code by its module; library code (polars, DuckDB,
    pyarrow, builtins) by its callers, weighted by each call edge's cumulative time.  Solved by
    iterating shares(f) = sum over callers c of w(c, f) * shares(c) to a fixed point (call-graph
    cycles, e.g. polars' decorator wrappers calling each other, converge)."""

    def __init__(self, stats: pstats.Stats, iterations: int = 200):
        self.raw = stats.stats   # func -> (cc, nc, tt, ct, callers{func: (cc, nc, tt, ct)})
        self.memo: dict[tuple, dict[str, float]] = {}
        lib = []
        for f in self.raw:
            st = stage_of(f)
            if st is not None:
                self.memo[f] = {st: 1.0}
            else:
                self.memo[f] = {UNATTRIBUTED: 1.0}
                lib.append(f)
        edges = {}
        for f in lib:
            callers = {c: v[3] for c, v in self.raw[f][4].items() if c != f and v[3] > 0}
            total = sum(callers.values())
            edges[f] = [(c, w / total) for c, w in callers.items()] if total > 0 else []
        for _ in range(iterations):
            changed = 0.0
            for f in lib:
                if not edges[f]:
                    continue
                out: dict[str, float] = defaultdict(float)
                for c, w in edges[f]:
                    for s, x in self.memo.get(c, {UNATTRIBUTED: 1.0}).items():
                        out[s] += w * x
                old = self.memo[f]
                changed = max(changed, max(abs(out.get(k, 0) - old.get(k, 0)) for k in set(out) | set(old)))
                self.memo[f] = dict(out)
            if changed < 1e-6:
                break

    def shares(self, f: tuple) -> dict[str, float]:
        return self.memo.get(f, {UNATTRIBUTED: 1.0})

    def per_stage(self) -> dict[str, float]:
        res: dict[str, float] = defaultdict(float)
        for f, (cc, nc, tt, ct, callers) in self.raw.items():
            for s, x in self.shares(f).items():
                res[s] += tt * x
        return dict(res)


def find(stats: pstats.Stats, path_end: str, name: str) -> float | None:
    for f, v in stats.stats.items():
        if f[2] == name and f[0].replace("\\", "/").endswith(path_end):
            return v[3]
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("profile")
    ap.add_argument("--top", type=int, default=25)
    a = ap.parse_args(argv)
    st = pstats.Stats(a.profile)
    total = st.total_tt
    print(f"profile {a.profile}: {total:.1f} s of own time in total\n")

    print("## Time per stage (own time; library time charged to the project callers)\n")
    print("| stage | seconds | share |\n|---|---|---|")
    attr = Attribution(st)
    for s, t in sorted(attr.per_stage().items(), key=lambda x: -x[1]):
        print(f"| {s} | {t:,.1f} | {t / total:.1%} |")

    print("\n## Stage entry points (cumulative time, nested)\n")
    print("| entry point | seconds | share |\n|---|---|---|")
    for path_end, name, text in ENTRY_POINTS:
        t = find(st, path_end, name)
        if t is not None:
            print(f"| {text} | {t:,.1f} | {t / total:.1%} |")

    for key, title in (("cumulative", "cumulative time"), ("tottime", "own time (tottime)")):
        print(f"\n## Top {a.top} by {title}\n")
        print("| # | function | stage | calls | own s | cumulative s | share |\n|---|---|---|---|---|---|---|")
        col = 3 if key == "cumulative" else 2
        items = sorted(st.stats.items(), key=lambda kv: -kv[1][col])[: a.top]
        for i, (f, (cc, nc, tt, ct, callers)) in enumerate(items, 1):
            s = stage_of(f)
            if s is None:
                sh = attr.shares(f)
                s = "lib -> " + ", ".join(f"{k} {v:.0%}" for k, v in sorted(sh.items(), key=lambda x: -x[1])[:2])
            print(f"| {i} | `{label(f)}` | {s} | {nc} | {tt:,.1f} | {ct:,.1f} | {(ct if key == 'cumulative' else tt) / total:.1%} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
