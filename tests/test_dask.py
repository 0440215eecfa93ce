"""Scale-out: the nightly flow with its per-file ingest tasks and its per-bucket linkage
jobs on a Dask cluster.

The same flow runs on the committed sample inbox twice, each into its own folder: once
with Prefect's default task runner (threads in this process) and once with the tasks on a
local Dask cluster of two worker processes, reached by its scheduler address as a real
cluster would be (``locate nightly --dask-address``).  Both runs hold the night in small
buckets and rank it in small groups of debtors (``LOCATE_BUCKET_ROWS``,
``LOCATE_GROUP_LINKS``), as a provincial night is, so that the Dask run hands its chunks,
each linkage pass's buckets and its groups to the workers.  The published tables and the
judges' reports must be the same, and the tasks must really have run in the workers'
processes.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import duckdb
import pytest

from pipelines import stages

import db_fingerprint

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
AS_OF = "2026-11-27"
# The reports' bytes are compared file by file below; their audit's sha256 is checked against them.
UNCOMPARED = {"reports": ["sha256"]}
# Each new database draws its own secret salt for the full-name hashes (linkage/population.py):
# compare the counts, not the salted keys, and not the salt itself.
SALTED = {"name_counts": ["name_hash"]}
SKIP_ROWS = {"linkage_stats": "key <> 'name_salt'"}

# The samples night (about 30,000 observations) in several buckets.
BUCKET_ROWS = 4_000

# `prefect_server`: one temporary Prefect server per session, in conftest.py.


def fingerprint(db: Path) -> dict:
    return db_fingerprint.fingerprint(db, table_columns={**UNCOMPARED, **SALTED}, row_filters=SKIP_ROWS)


def report_files(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*"))}


@pytest.fixture(scope="module")
def dask_cluster():
    """A local Dask cluster of two single-threaded worker processes, reached by address."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        client.wait_for_workers(2, timeout=60)
        yield cluster.scheduler_address, client.run(os.getpid)   # {worker address: pid}


@pytest.fixture(scope="module")
def two_runs(prefect_server, dask_cluster, tmp_path_factory):
    from prefect.task_runners import ThreadPoolTaskRunner

    from pipelines.flow import nightly, with_task_runner

    address, worker_pids = dask_cluster
    out = {}
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("LOCATE_BUCKET_ROWS", str(BUCKET_ROWS))
    monkeypatch.setenv("LOCATE_GROUP_LINKS", "1000")      # ranking in several groups, as jobs too
    # Prefect's default runner, named explicitly so that LOCATE_DASK_ADDRESS in the environment changes nothing.
    flows = {"threads": nightly.with_options(task_runner=ThreadPoolTaskRunner()),
             "dask": with_task_runner(dask_address=address)}
    for name, fl in flows.items():
        folder = tmp_path_factory.mktemp(f"run-{name}")
        db, reports = folder / "locate.duckdb", folder / "reports"
        summary = fl(str(SAMPLES / "inbox"), str(db), str(reports), AS_OF)
        out[name] = dict(summary=summary, db=db, reports=reports / AS_OF)
    monkeypatch.undo()
    out["worker_pids"] = worker_pids
    return out


@pytest.mark.slow
def test_the_dask_run_publishes_the_same_tables(two_runs):
    ref, dask = two_runs["threads"], two_runs["dask"]
    assert ref["summary"]["files_new"] >= 6 and ref["summary"]["debtors_located"] > 0
    fp_ref, fp_dask = fingerprint(ref["db"]), fingerprint(dask["db"])
    assert {"observations", "links", "locations", "contacts", "quarantine", "ingested_files", "runs"} <= set(fp_ref)
    assert fp_ref["locations"][0] > 0 and fp_ref["links"][0] > 0
    assert fp_dask == fp_ref
    # runs: one successful row each, the same counts (run ids and clocks aside).
    assert fp_dask["runs"][0] == 1
    for key in stages.RUN_COUNTS:
        assert dask["summary"].get(key) == ref["summary"].get(key), key


@pytest.mark.slow
def test_the_dask_run_writes_the_same_reports(two_runs):
    ref, dask = report_files(two_runs["threads"]["reports"]), report_files(two_runs["dask"]["reports"])
    assert ref and all(name.endswith(".csv") for name in ref)
    assert set(dask) == set(ref)
    for run in ("threads", "dask"):     # each run's audit lists exactly the files it delivered
        with duckdb.connect(str(two_runs[run]["db"]), read_only=True) as con:
            audit = dict(con.execute("SELECT file, sha256 FROM reports").fetchall())
        assert audit == report_files(two_runs[run]["reports"]), run
    assert dask == ref                  # byte for byte the same


@pytest.mark.slow
def test_the_ingest_tasks_ran_on_the_dask_workers(two_runs):
    worker_pids = two_runs["worker_pids"]                    # {worker address: pid}
    ran_on = two_runs["dask"]["summary"]["ingest_ran_on"]    # {inbox file: where its ingest task ran}
    assert len(ran_on) == two_runs["dask"]["summary"]["files_new"]
    for file, where in ran_on.items():
        assert where["dask_worker"] in worker_pids, file
        assert where["pid"] == worker_pids[where["dask_worker"]] != os.getpid(), file
    assert {w["dask_worker"] for w in ran_on.values()} == set(worker_pids), "both workers should have had files"
    # The reference run's ingest tasks ran here, outside Dask.
    assert {(w["pid"], w["dask_worker"]) for w in two_runs["threads"]["summary"]["ingest_ran_on"].values()} \
        == {(os.getpid(), None)}
    # The run lock was taken and released in the flow process, never on a worker.
    assert two_runs["dask"]["summary"]["run_id"] not in stages._LOCKS


@pytest.mark.slow
def test_the_linkage_buckets_ran_on_the_dask_workers(two_runs):
    worker_pids = two_runs["worker_pids"]
    ran_on = two_runs["dask"]["summary"]["link_buckets_ran_on"]   # distinct (host, pid, worker)
    assert {worker for _, _, worker in ran_on} == set(worker_pids), "both workers should have had buckets"
    assert {pid for _, pid, _ in ran_on} == set(worker_pids.values())
    assert os.getpid() not in {pid for _, pid, _ in ran_on}
    # The night really was in buckets, and the reference run linked them here.
    assert two_runs["dask"]["summary"]["observations_new"] > 3 * BUCKET_ROWS
    assert "link_buckets_ran_on" not in two_runs["threads"]["summary"]


def test_choosing_the_task_runner():
    from prefect_dask import DaskTaskRunner

    from pipelines.cli import main
    from pipelines.flow import dask_task_runner, nightly, with_task_runner

    assert dask_task_runner() is None and with_task_runner() is nightly
    remote = with_task_runner(dask_address="tcp://10.0.0.5:8786")
    assert remote.name == nightly.name and isinstance(remote.task_runner, DaskTaskRunner)
    assert remote.task_runner.address == "tcp://10.0.0.5:8786"
    local = dask_task_runner(workers=2)
    assert local.address is None
    assert local.cluster_kwargs == {"n_workers": 2, "threads_per_worker": 1, "processes": True}
    with pytest.raises(ValueError):
        dask_task_runner("tcp://10.0.0.5:8786", 2)
    with pytest.raises(ValueError):
        dask_task_runner(workers=0)
    assert main(["nightly", "--inbox", str(SAMPLES / "inbox"), "--db", "/nonexistent/x.duckdb",
                 "--reports", "/nonexistent/r", "--engine", "direct", "--dask-workers", "2"]) == 2
