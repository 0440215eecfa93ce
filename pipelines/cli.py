"""The ``locate`` command line."""
from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from datetime import date
from pathlib import Path


def _progress(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def _show_stage_progress() -> None:
    """Steps inside a stage (linkage passes, ranking groups) on stderr, as the stages' own lines."""
    import logging

    logger = logging.getLogger("locate")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("[%(asctime)s]   %(message)s", "%H:%M:%S"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False


def run_direct(inbox: str, db: str, reports: str, as_of: str | None, relink_all: bool = False,
               restricted_categories: str | None = None) -> dict:
    """The nightly stages in order, without a Prefect server (same code the flow's tasks call)."""
    from linkage import parse_workers
    from pipelines import stages

    parse_workers.enable()
    _progress(f"starting run: inbox {inbox}")
    ctx = stages.begin(inbox, db, reports, as_of, restricted_categories)
    if ctx.recovered_reports:
        _progress(f"moved {len(ctx.recovered_reports)} report(s) of an earlier run that died after publishing")
    summary = {"run_id": ctx.run_id, "as_of": ctx.as_of}
    try:
        files = stages.new_files(ctx)
        summary["files_seen"] = len(files)
        _progress(f"{len(files)} new file(s) to ingest")
        ingested = []
        for i, f in enumerate(files, 1):
            res = stages.ingest_file(ctx, f)
            flag = f" ERROR: {res['error']}" if res["error"] else ""
            _progress(f"  [{i}/{len(files)}] {res['file']}: read {res['rows_read']}, kept {res['rows_kept']}, "
                      f"quarantined {res['rows_quarantined']}{flag}")
            ingested.append(res)
        summary |= stages.record_ingest(ctx, ingested)
        _progress("linking and ranking")
        summary |= stages.link_and_rank(ctx, ingested, relink_all)
        _progress("checking consumption-restriction violations")
        summary |= stages.find_violations(ctx)
        _progress("writing reports")
        summary |= stages.write_reports(ctx)
        _progress("publishing")
        summary |= stages.finish(ctx, summary)
        return summary
    except BaseException as exc:
        stages.record_failure(ctx, f"{type(exc).__name__}: {exc}", summary)
        raise


def print_summary(s: dict, db: str, reports: str) -> None:
    print(f"run {s['run_id']} (as of {s['as_of']}): success in {s.get('duration_s', 0):.1f} s")
    print(f"  files: {s.get('files_new', 0)} new, {s.get('files_failed', 0)} unreadable")
    print(f"  rows:  {s.get('rows_read', 0)} read, {s.get('rows_kept', 0)} kept, "
          f"{s.get('rows_quarantined', 0)} quarantined")
    print(f"  observations: {s.get('observations_new', 0)} new, {s.get('observations_linked', 0)} linked to a "
          f"debtor, {s.get('observations_dropped', 0)} dropped (not about any debtor)")
    print(f"  debtors: {s.get('debtors', 0)} open, {s.get('debtors_located', 0)} with a place, "
          f"{s.get('debtors_relinked', 0)} re-linked tonight; "
          f"{s.get('organisations_skipped', 0)} organisations skipped")
    print(f"  violations of consumption restrictions: {s.get('violations', 0)} order(s) by "
          f"{s.get('debtors_with_violations', 0)} debtor(s)")
    print(f"  since the last run: {s.get('places_first_located', 0)} place(s) of debtors located for the first "
          f"time, {s.get('places_new', 0)} new place(s), {s.get('places_moved_up', 0)} moved up")
    dask = {r["dask_worker"] for r in s.get("ingest_ran_on", {}).values() if r.get("dask_worker")}
    if dask:
        print(f"  ingest: {len(s['ingest_ran_on'])} file(s) on {len(dask)} Dask worker(s)")
    linked_on = {worker for _, _, worker in s.get("link_buckets_ran_on", []) if worker}
    if linked_on:
        print(f"  linkage: buckets on {len(linked_on)} Dask worker(s)")
    print(f"  database: {db}")
    print(f"  reports:  {len(s.get('report_files', []))} file(s) in {Path(reports) / str(s['as_of'])}")


def _prefect_api_for_dask(local_workers: bool, remote_workers: bool):
    """Dask workers are other processes: without PREFECT_API_URL each of them would start a
    temporary Prefect server of its own (slow, and their task runs would be recorded there).
    For a local cluster, start the temporary server here and give its address to all of them."""
    import contextlib

    from prefect.settings import PREFECT_API_URL, temporary_settings

    if PREFECT_API_URL.value() or not (local_workers or remote_workers):
        return contextlib.nullcontext()
    if not local_workers:
        _progress("PREFECT_API_URL is not set: each Dask worker will start a temporary Prefect server of its "
                  "own; set it to a Prefect server the workers can reach")
        return contextlib.nullcontext()
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()      # the one the flow would start; stopped at exit
    server.start()
    return temporary_settings(updates={PREFECT_API_URL: server.api_url})


def cmd_nightly(args) -> int:
    if args.as_of:
        try:
            date.fromisoformat(args.as_of)
        except ValueError:
            raise ValueError(f"--as-of must be a date written YYYY-MM-DD, got {args.as_of!r}") from None
    if args.engine == "direct" and (args.dask_address or args.dask_workers is not None):
        raise ValueError("--dask-address and --dask-workers need --engine prefect")
    if args.engine == "prefect":
        os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
        from pipelines.flow import with_task_runner

        # Neither option: the flow's own runner (Dask at LOCATE_DASK_ADDRESS if set, else threads).
        nightly = with_task_runner(args.dask_address, args.dask_workers)
        with _prefect_api_for_dask(args.dask_workers is not None,
                                   bool(args.dask_address or os.environ.get("LOCATE_DASK_ADDRESS"))):
            summary = nightly(args.inbox, args.db, args.reports, args.as_of, args.relink_all,
                              args.restricted_categories)
    else:
        _show_stage_progress()
        summary = run_direct(args.inbox, args.db, args.reports, args.as_of, args.relink_all,
                             args.restricted_categories)
    print_summary(summary, args.db, args.reports)
    return 0


def cmd_samples(args) -> int:
    import synth

    argv = ["--out", args.out, "--debtors", str(args.debtors), "--seed", str(args.seed)]
    if args.as_of:
        argv += ["--as-of", args.as_of]
    return synth.cli_main(argv)


def cmd_evaluate(args) -> int:
    from pipelines import evaluate

    report = evaluate.evaluate(Path(args.db), Path(args.truth), Path(args.html) if args.html else None)
    print(evaluate.format_report(report))
    if args.html:
        print(f"html report: {args.html}")
    return 0


def cmd_explain(args) -> int:
    from pipelines import explain

    print(explain.explain_debtor(Path(args.db), args.id_number, args.max_evidence))
    return 0


def cmd_calibrate(args) -> int:
    from pipelines import calibrate

    fitted = calibrate.calibrate([Path(d) for d in args.db], [Path(t) for t in args.truth],
                                 [date.fromisoformat(a) for a in args.as_of], args.write)
    for group, kinds in fitted.items():
        for kind, p in kinds.items():
            pairs = f" and {len(p['pairs'])} pairwise terms" if "pairs" in p else ""
            print(f"{group.lower()} {kind}: n={p['n']} right={p['positives']} intercept={p['intercept']} "
                  f"coef={p['coef']}{pairs}")
    if args.write:
        print(f"written to {calibrate.PARAMS_FILE}")
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="locate", description="Locate judgment debtors from platform exports.")
    sub = p.add_subparsers(dest="command", required=True)
    n = sub.add_parser("nightly", help="run the nightly flow once: ingest, link, rank, publish, report")
    n.add_argument("--inbox", required=True, help="inbox folder with debtors/ ecommerce/ social/ logistics/")
    n.add_argument("--db", required=True, help="published DuckDB file")
    n.add_argument("--reports", required=True, help="folder for the judges' CSV reports")
    n.add_argument("--as-of", help="'today' for recency, YYYY-MM-DD (default: today)")
    n.add_argument("--engine", choices=["prefect", "direct"], default="prefect",
                   help="run as a Prefect flow (default) or call the stages directly without a server")
    n.add_argument("--relink-all", action="store_true",
                   help="re-link every debtor, not only those tonight's files touch (after an upgrade)")
    n.add_argument("--restricted-categories", metavar="FILE",
                   help="CSV of restricted item categories (default: $LOCATE_RESTRICTED_CATEGORIES if set, "
                        "else the project's data/restricted_categories.csv)")
    n.add_argument("--dask-address", metavar="tcp://HOST:8786",
                   help="run the per-file ingest tasks on this Dask scheduler's workers (default: "
                        "$LOCATE_DASK_ADDRESS if set); they must see the inbox and the database folder "
                        "at the same paths")
    n.add_argument("--dask-workers", type=int, metavar="N",
                   help="run the per-file ingest tasks on a temporary local Dask cluster of N processes")
    n.set_defaults(func=cmd_nightly)
    s = sub.add_parser("samples", help="generate a synthetic world (inbox + ground truth)")
    s.add_argument("--out", required=True, help="folder to write inbox/ and truth/ into")
    s.add_argument("--debtors", type=int, default=300, help="number of debtors on the court roster")
    s.add_argument("--seed", type=int, default=1, help="random seed (same seed, same files)")
    s.add_argument("--as-of", help="export date, YYYY-MM-DD (default 2026-11-27)")
    s.set_defaults(func=cmd_samples)
    e = sub.add_parser("evaluate", help="score a database against a generated world's ground truth")
    e.add_argument("--db", required=True)
    e.add_argument("--truth", required=True, help="the world's truth/ folder")
    e.add_argument("--html", help="also write an HTML page with the figures, a calibration plot and a histogram")
    e.set_defaults(func=cmd_evaluate)
    x = sub.add_parser("explain", help="show why a debtor's places and phones rank as they do")
    x.add_argument("id_number", help="the debtor's ID number (18 characters)")
    x.add_argument("--db", required=True, help="published DuckDB file")
    x.add_argument("--max-evidence", type=int, default=5, help="links shown per place or phone (default 5)")
    x.set_defaults(func=cmd_explain)
    c = sub.add_parser("calibrate", help="fit the confidence model on a run over a generated world")
    c.add_argument("--db", required=True, action="append",
                   help="published DuckDB file of a run over a generated world; repeat, with one --truth each, "
                        "to fit on several worlds together")
    c.add_argument("--truth", required=True, action="append",
                   help="that world's truth/ folder (a seed kept apart from evaluation)")
    c.add_argument("--as-of", required=True, action="append",
                   help="the run's --as-of date; repeat, one per --db in the same order, when the runs differ")
    c.add_argument("--write", action="store_true", help="replace linkage/calibration_params.py")
    c.set_defaults(func=cmd_calibrate)
    args = p.parse_args(argv)
    try:
        return args.func(args)
    except (FileNotFoundError, ValueError) as exc:
        print(f"locate: error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - a failed run: say so in one line after the traceback
        from pipelines.stages import RunInProgress

        if not isinstance(exc, RunInProgress):
            traceback.print_exc()
        print(f"locate: {args.command} failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
