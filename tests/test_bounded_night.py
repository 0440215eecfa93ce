"""A night held on disk in many buckets and ranked in many groups of debtors (as a provincial
night is, to bound memory) publishes exactly what the same night in memory publishes.

The sample inbox runs twice a night for two nights (a late courier file on the second, so
the second night is incremental): once with the defaults (one bucket, in memory) and once
with buckets of 4,000 observations, at most 6,000 of them in memory (the others re-read
from disk) and groups of 500 links.  A third pair of nights hands each linkage pass's
buckets, as jobs on their files, to two other processes (as Dask workers get them,
``flow.py``): it must publish the same too.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import duckdb
import pytest

import db_fingerprint
from pipelines import linking, stages
from pipelines.cli import run_direct

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
AS_OF = "2026-11-27"
LATE_FILE = "logistics/sf_waybills_20261126.parquet"
UNCOMPARED = {"reports": ["sha256"], "name_counts": ["name_hash"],   # salted per database
              "runs": ["inbox"]}                                     # each run had its own folder
SKIP_ROWS = {"linkage_stats": "key <> 'name_salt'"}


def _nights(tmp: Path, monkeypatch, env: dict) -> tuple[Path, list[dict]]:
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    inbox = tmp / "inbox"
    shutil.copytree(SAMPLES / "inbox", inbox)
    late = tmp / "late.parquet"
    shutil.move(inbox / LATE_FILE, late)
    db, reports = tmp / "out" / "locate.duckdb", tmp / "out" / "reports"
    summaries = [run_direct(str(inbox), str(db), str(reports), AS_OF)]
    shutil.move(late, inbox / LATE_FILE)
    summaries.append(run_direct(str(inbox), str(db), str(reports), AS_OF))
    for k in env:
        monkeypatch.delenv(k)
    return db, summaries


BOUNDED = {"LOCATE_BUCKET_ROWS": "4000", "LOCATE_CACHE_ROWS": "6000", "LOCATE_GROUP_LINKS": "500"}


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    try:
        memory = _nights(tmp_path_factory.mktemp("memory"), mp, {})
        disk = _nights(tmp_path_factory.mktemp("disk"), mp, BOUNDED)
    finally:
        mp.undo()
    return memory, disk


@pytest.fixture(scope="module")
def dispatched(tmp_path_factory):
    """The bounded nights with every pass's bucket jobs run by two other processes."""
    jobs: list[linking.BucketJob] = []
    prepare_night = linking.prepare_night
    mp = pytest.MonkeyPatch()
    # Spawned, not forked: a fork of a process running polars' threads may hang.
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        def dispatch(batch):
            jobs.extend(batch)
            return list(pool.map(linking.run_job, batch))

        try:
            mp.setattr(stages.linking, "prepare_night",
                       lambda root, retained, tonight, _=None: prepare_night(root, retained, tonight, dispatch))
            night = _nights(tmp_path_factory.mktemp("jobs"), mp, BOUNDED)
        finally:
            mp.undo()
    return night, jobs


def _fingerprint(db: Path) -> dict:
    return db_fingerprint.fingerprint(db, table_columns=UNCOMPARED, row_filters=SKIP_ROWS)


def _reports(db: Path) -> dict[str, str]:
    folder = db.parent / "reports" / AS_OF
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.csv"))}


def test_many_buckets_and_groups_publish_the_same_tables_and_reports(both):
    (mem_db, mem_runs), (disk_db, disk_runs) = both
    # The disk night really was split: several groups of links, several buckets of rows.
    assert _fingerprint(mem_db) == _fingerprint(disk_db)
    assert _reports(mem_db) == _reports(disk_db)
    for m, d in zip(mem_runs, disk_runs):
        for k in ("observations_new", "observations_linked", "observations_dropped", "debtors_located", "links",
                  "debtors_relinked"):
            assert m[k] == d[k], k


def test_bucket_jobs_run_elsewhere_publish_the_same_tables_and_reports(both, dispatched):
    (_, disk_runs), ((jobs_db, jobs_runs), jobs) = both[1], dispatched
    assert _fingerprint(jobs_db) == _fingerprint(both[0][0])
    assert _reports(jobs_db) == _reports(both[0][0])
    for d, j in zip(disk_runs, jobs_runs):
        assert {k: d[k] for k in stages.RUN_COUNTS if k in d} == {k: j[k] for k in stages.RUN_COUNTS if k in j}
    # The first night (its second, the late file and the links kept, fits one bucket in
    # memory) went out as jobs: its chunks, then a job a bucket for sealing (which counts
    # its names too), and each step of each pass, one batch each.
    chunks = [j for j in jobs if isinstance(j, linking.ChunkJob)]
    seals = [j for j in jobs if isinstance(j, linking.SealJob)]
    n = len(seals)
    assert n > 3 and sorted(j.bucket for j in seals) == list(range(n))
    assert chunks and all(j.n == n for j in chunks) and sorted(j.part for j in chunks) == list(range(len(chunks)))
    assert jobs.index(seals[0]) > max(jobs.index(j) for j in chunks)
    batches: dict[str, list] = {}
    for j in jobs:
        if isinstance(j, linking.BucketJob):
            batches.setdefault(j.shared, []).append(j)
    steps = [b[0].step for b in batches.values()]
    passes = steps.count("again")
    # Pass 1 reads the addresses that may be to the roster's own doors in its own sweep.
    assert passes >= 1 and steps == ["first", *["scope", "again"] * passes, "final"]
    assert all(sorted(j.bucket for j in b) == list(range(n)) and len({j.step for j in b}) == 1
               for b in batches.values())
    # What a pass shared was removed once its jobs were done.
    assert not any(Path(path).exists() for path in batches)
    # Ranking went out as a job a group of debtors, after the passes.
    ranks = [j for j in jobs if isinstance(j, linking.RankJob)]
    first_night = [j for j in ranks if j.run_id == jobs_runs[0]["run_id"]]
    assert len(first_night) > 3 and len({j.group for j in first_night}) == len(first_night)
    assert jobs.index(first_night[0]) > max(jobs.index(j) for j in batches[list(batches)[-1]])
    assert not any(Path(j.debtors).exists() for j in ranks)


def test_the_second_night_was_incremental_and_kept_untouched_rows(both):
    (_, runs), (disk_db, disk_runs) = both
    first, second = disk_runs
    assert first["debtors_relinked"] == first["debtors"]
    assert 0 < second["debtors_relinked"] < second["debtors"] / 2
    con = duckdb.connect(str(disk_db), read_only=True)
    try:
        kept = con.execute("SELECT count(*) FROM locations WHERE run_id = ?", [first["run_id"]]).fetchone()[0]
        # Rows behind untouched debtors' links keep their parsed address (they are not re-read).
        unparsed = con.execute("SELECT count(*) FROM observations o JOIN links l USING (obs_id) "
                               "WHERE o.address_raw IS NOT NULL AND o.address IS NULL AND o.event <> 'login'"
                               ).fetchone()[0]
    finally:
        con.close()
    assert kept > 0
    assert unparsed == 0


def test_buckets_and_groups_were_many(tmp_path, monkeypatch):
    """The settings the comparison above uses do split the samples into many buckets."""
    from pipelines import linking
    from sources import inbox as inbox_mod

    monkeypatch.setenv("LOCATE_BUCKET_ROWS", "4000")
    parts = []
    for f in inbox_mod.discover(SAMPLES / "inbox"):
        if f.source_kind in ("logistics", "ecommerce"):
            path = tmp_path / f"{len(parts)}.parquet"
            inbox_mod.read_file(f).rows.write_parquet(path)
            parts.append(path)
    night = linking.prepare_night(tmp_path / "b", None, parts)
    assert night.buckets.n > 3 and not night.buckets.in_memory
    sizes = [night.buckets.load(b).height for b in night.buckets.keys()]
    assert sum(sizes) == night.rows == night.new and max(sizes) < 2 * 4000
    # An account's rows are never split between buckets.
    accounts = [set(night.buckets.load(b)["account_key"].drop_nulls()) for b in night.buckets.keys()]
    assert all(not (a & b) for i, a in enumerate(accounts) for b in accounts[i + 1:])
