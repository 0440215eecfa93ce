"""The nightly Prefect flow: ingest per file, link and rank, report, publish.

Orchestration only: each task calls one stage in ``stages.py``.  Tasks that touch the
file system retry (a file still being copied into the inbox, a busy disk, a network
mount that hiccups), but not on errors retrying cannot fix (a missing inbox, a
permission, a bad argument, another run holding the database): those fail at once with
their message.  Linkage does not retry at all: retrying a deterministic computation
cannot help.

Scale-out: the per-file ingest tasks (``ingest_file.submit``) go to the flow's task runner,
by default Prefect's thread pool in the flow process.  ``with_task_runner`` gives the same
flow with a ``prefect_dask.DaskTaskRunner`` instead (an existing Dask scheduler's address,
or a temporary local cluster of N worker processes); ``LOCATE_DASK_ADDRESS`` sets the
address for runs started from the deployment.  On Dask, a night held in several buckets
also has its chunks prepared, its buckets sealed and each linkage pass's buckets linked by
``bucket_job`` tasks on the workers (``linking.ChunkJob``, ``SealJob``, ``BucketJob``).
Everything else (begin, record, ranking, reports, publish, and the run lock) is called
directly and stays in the flow process.
Tasks get a ``RunContext`` or a job and small dicts, and return small results; their rows
go to parquet in the run's work folder, so Dask workers must see the inbox and the
database folder at the same paths (a shared file system).
"""
from __future__ import annotations

import os
import socket
import sys

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from linkage import parse_workers
from pipelines import linking, stages

# Errors a retry cannot fix: fail at once, loudly.
PERMANENT_ERRORS = (FileNotFoundError, NotADirectoryError, IsADirectoryError, PermissionError,
                    ValueError, TypeError, KeyError, stages.RunInProgress)


def retry_if_transient(task, task_run, state) -> bool:
    """Prefect retry condition: retry I/O trouble, not errors that would only happen again."""
    exc = state.data if isinstance(state.data, BaseException) else None
    if exc is None:
        try:
            exc = state.result(raise_on_failure=False)
        except Exception:  # noqa: BLE001 - unknown: let the configured retries decide
            return True
    return not isinstance(exc, PERMANENT_ERRORS)


DASK_ADDRESS_ENV = "LOCATE_DASK_ADDRESS"   # e.g. tcp://10.0.0.5:8786; unset or empty: no Dask


def dask_task_runner(address: str | None = None, workers: int | None = None):
    """The Dask task runner for the ingest tasks, or None for Prefect's default (a thread pool).

    ``address``: a running Dask scheduler (``tcp://host:8786``); ``workers``: a temporary
    local cluster of that many single-threaded worker processes, torn down after the run.
    """
    if address and workers is not None:
        raise ValueError("give either a Dask scheduler address or a number of local Dask workers, not both")
    if not address and workers is None:
        return None
    from prefect_dask import DaskTaskRunner

    if address:
        return DaskTaskRunner(address=address)
    if workers < 1:
        raise ValueError(f"the number of local Dask workers must be at least 1, got {workers}")
    return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True})


def _ran_on() -> dict:
    """Where this task runs: host, pid and, inside a Dask worker, its address (run summary only)."""
    dask_worker = None
    if "distributed" in sys.modules:          # never imported outside Dask: stay cheap then
        from distributed import get_worker

        try:
            dask_worker = get_worker().address
        except ValueError:                    # not inside a Dask worker
            pass
    return {"host": socket.gethostname(), "pid": os.getpid(), "dask_worker": dask_worker}


IO_RETRIES = dict(retries=2, retry_delay_seconds=[5, 30], retry_condition_fn=retry_if_transient)


@task(name="begin-run", cache_policy=NO_CACHE, **IO_RETRIES)
def begin_run(inbox: str, db: str, reports: str, as_of: str | None,
              categories: str | None = None) -> stages.RunContext:
    return stages.begin(inbox, db, reports, as_of, categories)


@task(name="find-new-files", cache_policy=NO_CACHE, **IO_RETRIES)
def find_new_files(ctx: stages.RunContext) -> list[dict]:
    return stages.new_files(ctx)


@task(name="ingest-file", cache_policy=NO_CACHE, task_run_name="ingest {file[rel_name]}", **IO_RETRIES)
def ingest_file(ctx: stages.RunContext, file: dict) -> dict:
    return stages.ingest_file(ctx, file) | {"ran_on": _ran_on()}


@task(name="record-ingest", cache_policy=NO_CACHE)
def record_ingest(ctx: stages.RunContext, ingested: list[dict]) -> dict:
    return stages.record_ingest(ctx, ingested)


@task(name="bucket-job", cache_policy=NO_CACHE, task_run_name="{job.label}")
def bucket_job(job) -> tuple:
    """One job on the night's buckets (``linking.ChunkJob``, ``SealJob`` or ``BucketJob``)."""
    return job.run(), _ran_on()


def _on_dask() -> bool:
    """Whether this flow run's tasks go to Dask (only then are bucket jobs spread: on the
    thread pool they would only hold a second copy of the night's buckets in this process)."""
    if "prefect_dask" not in sys.modules:
        return False
    from prefect.context import FlowRunContext
    from prefect_dask import DaskTaskRunner

    context = FlowRunContext.get()
    return context is not None and isinstance(context.task_runner, DaskTaskRunner)


@task(name="link-and-rank", cache_policy=NO_CACHE)
def link_and_rank(ctx: stages.RunContext, ingested: list[dict], relink_all: bool = False) -> dict:
    if not _on_dask():
        parse_workers.enable()      # the night's linkage runs in this process: use the cores
        return stages.link_and_rank(ctx, ingested, relink_all)
    ran_on: list[dict] = []

    def dispatch(jobs: list) -> list:
        # A batch of jobs (a pass's buckets, the night's chunks) all at once, each a task run
        # of its own on a Dask worker.
        done = [f.result() for f in [bucket_job.submit(j) for j in jobs]]
        ran_on.extend(where for _, where in done)
        return [result for result, _ in done]

    summary = stages.link_and_rank(ctx, ingested, relink_all, dispatch)
    return summary | {"link_buckets_ran_on": sorted({(r["host"], r["pid"], r["dask_worker"] or "") for r in ran_on})}


@task(name="find-violations", cache_policy=NO_CACHE)
def find_violations(ctx: stages.RunContext) -> dict:
    return stages.find_violations(ctx)


@task(name="write-reports", cache_policy=NO_CACHE, **IO_RETRIES)
def write_reports(ctx: stages.RunContext) -> dict:
    return stages.write_reports(ctx)


@task(name="publish", cache_policy=NO_CACHE)
def publish(ctx: stages.RunContext, summary: dict) -> dict:
    return stages.finish(ctx, summary)


def _markdown(summary: dict) -> str:
    keys = ["files_new", "files_failed", "rows_read", "rows_kept", "rows_quarantined", "observations_new",
            "observations_linked", "observations_dropped", "debtors", "debtors_located", "violations", "reports",
            "places_first_located", "places_new", "places_moved_up", "duration_s"]
    lines = ["# locate nightly run", "", f"run `{summary.get('run_id')}`, as of {summary.get('as_of')}", "",
             "| figure | value |", "|---|---|"]
    lines += [f"| {k} | {summary.get(k)} |" for k in keys]
    return "\n".join(lines)


@flow(name="locate-nightly", log_prints=True,
      task_runner=dask_task_runner(os.environ.get(DASK_ADDRESS_ENV) or None))
def nightly(inbox: str, db: str, reports: str, as_of: str | None = None, relink_all: bool = False,
            restricted_categories: str | None = None) -> dict:
    """Run the whole nightly pipeline once on an inbox folder."""
    logger = get_run_logger()
    ctx = begin_run(inbox, db, reports, as_of, restricted_categories)
    if ctx.recovered_reports:
        logger.warning("moved %d report(s) of an earlier run that died after publishing: %s",
                       len(ctx.recovered_reports), ", ".join(ctx.recovered_reports))
    summary = {"run_id": ctx.run_id, "as_of": ctx.as_of}
    try:
        files = find_new_files(ctx)
        logger.info("run %s: %d new file(s) in %s", ctx.run_id, len(files), inbox)
        summary["files_seen"] = len(files)
        futures = [ingest_file.submit(ctx, f) for f in files]
        ingested = [fut.result() for fut in futures]
        summary["ingest_ran_on"] = {i["file"]: i["ran_on"] for i in ingested}
        summary |= record_ingest(ctx, ingested)
        summary |= link_and_rank(ctx, ingested, relink_all)
        summary |= find_violations(ctx)
        summary |= write_reports(ctx)
        summary |= publish(ctx, summary)
    except BaseException as exc:
        stages.record_failure(ctx, f"{type(exc).__name__}: {exc}", summary)
        raise
    try:
        create_markdown_artifact(key="locate-nightly-summary", markdown=_markdown(summary),
                                 description="locate nightly run summary")
        create_table_artifact(key="locate-coverage-by-court", table=stages.coverage_by_court(db),
                              description="open debtors and leads per court")
    except Exception as exc:  # noqa: BLE001 - an artifact must never fail a published run
        logger.warning("could not publish the run artifacts: %s", exc)
    return summary


def with_task_runner(dask_address: str | None = None, dask_workers: int | None = None):
    """``nightly`` itself, or the same flow with its ingest tasks on Dask (see ``dask_task_runner``).

    Without either argument the flow's own runner applies: Prefect's thread pool, or Dask at
    ``LOCATE_DASK_ADDRESS`` if that was set when this module was imported."""
    runner = dask_task_runner(dask_address, dask_workers)
    return nightly if runner is None else nightly.with_options(task_runner=runner)


if __name__ != "pipelines.flow":
    # Loaded as a script: a deployment's entrypoint ``pipelines/flow.py:nightly`` runs this
    # file as a module named "flow" (or "__prefect_loader_...__").  Dask workers look the
    # tasks' helpers up by module name and only know ``pipelines.flow``: hand out that
    # module's objects instead of this copy's, so the flow run and its workers agree.
    import importlib as _importlib

    globals().update({k: v for k, v in vars(_importlib.import_module("pipelines.flow")).items()
                      if not k.startswith("__")})
