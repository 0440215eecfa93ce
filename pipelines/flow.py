"""The nightly Prefect flow: ingest per file, link and rank, report, publish.

Orchestration only: each task calls one stage in ``stages.py``.  Tasks that touch the
file system retry (a file still being copied into the inbox, a busy disk, a network
mount that hiccups), but not on errors retrying cannot fix (a missing inbox, a
permission, a bad argument, another run holding the database): those fail at once with
their message.  Linkage does not retry at all: retrying a deterministic computation
cannot help.
"""
from __future__ import annotations

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from pipelines import stages

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


IO_RETRIES = dict(retries=2, retry_delay_seconds=[5, 30], retry_condition_fn=retry_if_transient)


@task(name="begin-run", cache_policy=NO_CACHE, **IO_RETRIES)
def begin_run(inbox: str, db: str, reports: str, as_of: str | None) -> stages.RunContext:
    return stages.begin(inbox, db, reports, as_of)


@task(name="find-new-files", cache_policy=NO_CACHE, **IO_RETRIES)
def find_new_files(ctx: stages.RunContext) -> list[dict]:
    return stages.new_files(ctx)


@task(name="ingest-file", cache_policy=NO_CACHE, task_run_name="ingest {file[rel_name]}", **IO_RETRIES)
def ingest_file(ctx: stages.RunContext, file: dict) -> dict:
    return stages.ingest_file(ctx, file)


@task(name="record-ingest", cache_policy=NO_CACHE)
def record_ingest(ctx: stages.RunContext, ingested: list[dict]) -> dict:
    return stages.record_ingest(ctx, ingested)


@task(name="link-and-rank", cache_policy=NO_CACHE)
def link_and_rank(ctx: stages.RunContext, ingested: list[dict], relink_all: bool = False) -> dict:
    return stages.link_and_rank(ctx, ingested, relink_all)


@task(name="write-reports", cache_policy=NO_CACHE, **IO_RETRIES)
def write_reports(ctx: stages.RunContext) -> dict:
    return stages.write_reports(ctx)


@task(name="publish", cache_policy=NO_CACHE)
def publish(ctx: stages.RunContext, summary: dict) -> dict:
    return stages.finish(ctx, summary)


def _markdown(summary: dict) -> str:
    keys = ["files_new", "files_failed", "rows_read", "rows_kept", "rows_quarantined", "observations_new",
            "observations_linked", "observations_dropped", "debtors", "debtors_located", "reports",
            "places_first_located", "places_new", "places_moved_up", "duration_s"]
    lines = ["# locate nightly run", "", f"run `{summary.get('run_id')}`, as of {summary.get('as_of')}", "",
             "| figure | value |", "|---|---|"]
    lines += [f"| {k} | {summary.get(k)} |" for k in keys]
    return "\n".join(lines)


@flow(name="locate-nightly", log_prints=True)
def nightly(inbox: str, db: str, reports: str, as_of: str | None = None, relink_all: bool = False) -> dict:
    """Run the whole nightly pipeline once on an inbox folder."""
    logger = get_run_logger()
    ctx = begin_run(inbox, db, reports, as_of)
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
        summary |= record_ingest(ctx, ingested)
        summary |= link_and_rank(ctx, ingested, relink_all)
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
