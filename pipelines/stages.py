"""The nightly run's stages as plain functions over paths.

``flow.py`` wraps each stage as a Prefect task; the CLI can also call them in order
without a Prefect server (``--engine direct``).  Stages pass paths and counts, never
large frames: intermediate data lives as parquet in the run's work folder, so a
stage can run on another worker and a failed stage can be retried.
"""
from __future__ import annotations

import hashlib
import os
import secrets
import shutil
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import polars as pl

from linkage import population, prepare, rank, score
from publish import reports as report_writer
from publish import warehouse
from sources import inbox as inbox_mod
from sources.schema import OBSERVATION_SCHEMA, QUARANTINE_SCHEMA, ROSTER_SCHEMA, empty


@dataclass
class RunContext:
    run_id: str
    inbox: str
    db: str
    reports: str
    as_of: str                   # ISO date
    workdir: str
    staging: str
    started_at: str

    @property
    def as_of_date(self) -> date:
        return date.fromisoformat(self.as_of)


def new_run_id(now: datetime | None = None) -> str:
    now = now or datetime.now()
    return now.strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)


def begin(inbox: str, db: str, reports: str, as_of: str | None = None) -> RunContext:
    """Create the run's work folder and its private staging copy of the database."""
    inbox_p, db_p = Path(inbox).resolve(), Path(db).resolve()
    if not inbox_p.is_dir():
        raise FileNotFoundError(f"inbox folder not found: {inbox_p}")
    # "Today" is Beijing's date whatever the server's time zone: the run starts at 02:00 there.
    as_of = as_of or datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()
    date.fromisoformat(as_of)
    run_id = new_run_id()
    db_p.parent.mkdir(parents=True, exist_ok=True)
    warehouse.remove_stale_staging(db_p)
    work_root = db_p.with_name(f".{db_p.name}.work")
    if work_root.exists():
        shutil.rmtree(work_root, ignore_errors=True)   # left by a killed run
    workdir = work_root / run_id
    workdir.mkdir(parents=True)
    os.chmod(work_root, 0o700)
    staging = warehouse.open_staging(db_p, run_id, workdir / "duckdb_tmp")
    staging.close()
    return RunContext(run_id, str(inbox_p), str(db_p), str(Path(reports).resolve()), as_of, str(workdir),
                      str(staging.path), datetime.now().isoformat(timespec="seconds"))


def _connect(ctx: RunContext):
    import duckdb

    con = duckdb.connect(ctx.staging)
    warehouse.configure(con, Path(ctx.workdir) / "duckdb_tmp")
    return con


def new_files(ctx: RunContext) -> list[dict]:
    """Inbox entries to handle this run: files whose content (SHA-256) was never ingested
    successfully, and entries that cannot be read at all (reported again each run)."""
    files = inbox_mod.discover(Path(ctx.inbox))
    con = _connect(ctx)
    try:
        known = {r[0] for r in con.execute("SELECT sha256 FROM ingested_files WHERE error IS NULL").fetchall()}
    finally:
        con.close()
    out, seen = [], set()
    for f in files:
        if f.sha256 is not None and (f.sha256 in known or f.sha256 in seen):
            continue
        if f.sha256 is not None:
            seen.add(f.sha256)
        out.append(asdict(f) | {"path": str(f.path)})
    return out


def ingest_file(ctx: RunContext, file: dict) -> dict:
    """Read one inbox file with its adapter; rows and quarantine go to parquet in the work folder."""
    f = inbox_mod.InboxFile(**(file | {"path": Path(file["path"]),
                                       "resolved": Path(file["resolved"]) if file.get("resolved") else None}))
    res = inbox_mod.read_file(f)
    # Named after the entry, not its content: entries refused unread have no hash.
    stem = Path(ctx.workdir) / hashlib.sha256(f.rel_name.encode("utf-8")).hexdigest()[:20]
    rows_path = f"{stem}.rows.parquet"
    q_path = f"{stem}.quarantine.parquet"
    schema = ROSTER_SCHEMA if f.source_kind == "debtors" else OBSERVATION_SCHEMA
    rows = res.rows if res.rows is not None and res.rows.height else empty(schema)
    rows.write_parquet(rows_path)
    (res.quarantine if res.quarantine is not None else empty(QUARANTINE_SCHEMA)).write_parquet(q_path)
    return {
        "file": f.rel_name, "sha256": f.sha256, "source_kind": f.source_kind, "platform": f.platform,
        "size_bytes": f.size, "rows_path": rows_path, "quarantine_path": q_path,
        "rows_read": res.rows_read, "rows_kept": res.rows_kept, "rows_quarantined": res.rows_quarantined,
        "error": res.error, "warnings": "; ".join(res.warnings) if res.warnings else None,
    }


def _read_parquets(paths: list[str], schema: dict) -> pl.DataFrame:
    frames = [pl.read_parquet(p) for p in paths if Path(p).exists()]
    frames = [f for f in frames if f.height]
    if not frames:
        return empty(schema)
    return pl.concat([f.select(list(schema)).cast(schema) for f in frames], how="vertical")


def record_ingest(ctx: RunContext, ingested: list[dict]) -> dict:
    """Ledger, quarantine and roster updates in the staging database."""
    con = _connect(ctx)
    try:
        now = datetime.now()
        # Entries refused unread (no content hash) are reported in quarantine, not the ledger.
        ledger = pl.DataFrame(
            [{k: i[k] for k in ("sha256", "file", "source_kind", "platform", "size_bytes", "rows_read",
                                 "rows_kept", "rows_quarantined", "error", "warnings")}
             for i in ingested if i["sha256"] is not None],
            schema={"sha256": pl.Utf8, "file": pl.Utf8, "source_kind": pl.Utf8, "platform": pl.Utf8,
                    "size_bytes": pl.Int64, "rows_read": pl.Int64, "rows_kept": pl.Int64,
                    "rows_quarantined": pl.Int64, "error": pl.Utf8, "warnings": pl.Utf8},
        ).with_columns(pl.lit(ctx.run_id).alias("run_id"), pl.lit(now).alias("ingested_at"))
        # A file that failed before may be retried: its new row replaces the old one.
        con.register("_ledger", ledger.to_arrow())
        con.execute("DELETE FROM ingested_files WHERE sha256 IN (SELECT sha256 FROM _ledger)")
        con.unregister("_ledger")
        warehouse.append_table(con, "ingested_files", ledger)
        q = _read_parquets([i["quarantine_path"] for i in ingested], QUARANTINE_SCHEMA)
        file_errors = pl.DataFrame(
            [{"file": i["file"], "line": 0, "source_kind": i["source_kind"], "platform": i["platform"],
              "reason": i["error"], "raw": None} for i in ingested if i["error"]],
            schema=QUARANTINE_SCHEMA,
        )
        q = pl.concat([q, file_errors]).with_columns(pl.lit(ctx.run_id).alias("run_id"))
        warehouse.append_table(con, "quarantine", q)
        roster = _read_parquets([i["rows_path"] for i in ingested if i["source_kind"] == "debtors"], ROSTER_SCHEMA)
        if roster.height:
            # Later files win for the same (case, person): the roster is re-exported nightly.
            roster = roster.with_columns(pl.lit(ctx.run_id).alias("run_id"))
            roster = roster.unique(["case_no", "id_number"], keep="last", maintain_order=True)
            con.register("_r", roster.to_arrow())
            con.execute("DELETE FROM roster_cases WHERE (case_no, id_number) IN (SELECT case_no, id_number FROM _r)")
            con.execute("INSERT INTO roster_cases BY NAME SELECT * FROM _r")
            con.unregister("_r")
        return {
            "files_new": len(ingested),
            "files_failed": sum(1 for i in ingested if i["error"]),
            "rows_read": sum(i["rows_read"] for i in ingested),
            "rows_kept": sum(i["rows_kept"] for i in ingested),
            "rows_quarantined": sum(i["rows_quarantined"] for i in ingested),
            "roster_rows": roster.height,
        }
    finally:
        con.close()


RETAINED_OBS_COLUMNS = {
    "source_kind": "source_kind", "platform": "platform", "file": "file", "line": "line",
    "record_id": "record_id", "event": "event", "event_time": "event_time",
    "account_name": "account_name", "account_id_no": "account_id_no", "account_phone": "account_phone",
    "person_name": "person_name", "person_phone": "person_phone", "address_raw": "address",
    "sign_type": "sign_type", "amount": "amount", "category": "category",
}


def link_and_rank(ctx: RunContext, ingested: list[dict]) -> dict:
    """Link every retained and new observation to the open debtors, then rank places and phones."""
    con = _connect(ctx)
    try:
        if not any(i["rows_kept"] for i in ingested):
            # Nothing new: relinking only the retained observations (unlinked ones are gone) could
            # change rows for no reason. The published tables stay exactly as they are.
            return _current_counts(con)
        roster = warehouse.query(con, "SELECT * FROM roster_cases")
        debtors, counts = prepare.build_debtors(roster.select(list(ROSTER_SCHEMA)).cast(ROSTER_SCHEMA))
        retained = warehouse.query(
            con, "SELECT obs_id, account_key, " + ", ".join(f"{k} AS {v}" for k, v in RETAINED_OBS_COLUMNS.items())
            + " FROM observations")
        new = _read_parquets([i["rows_path"] for i in ingested if i["source_kind"] != "debtors"],
                             OBSERVATION_SCHEMA)
        new = new.with_columns(prepare.obs_ids(new)) if new.height else new.with_columns(
            pl.lit(None, pl.Utf8).alias("obs_id"))
        if retained.height:
            plat_acc = retained.select(
                "obs_id", pl.col("account_key").str.splitn(":", 2).struct.field("field_1").alias("account_id"))
            retained = retained.drop("account_key").join(plat_acc, on="obs_id", how="left")
        retained = retained.with_columns([pl.lit(None, t).alias(c) for c, t in OBSERVATION_SCHEMA.items()
                                          if c not in retained.columns])
        all_obs = pl.concat([retained.select(["obs_id", *OBSERVATION_SCHEMA]).cast(OBSERVATION_SCHEMA),
                             new.select(["obs_id", *OBSERVATION_SCHEMA]).cast(OBSERVATION_SCHEMA)])
        new_ids = set(new["obs_id"].to_list()) - set(retained["obs_id"].to_list()) if new.height else set()
        all_obs = all_obs.unique("obs_id", keep="first", maintain_order=True)
        prepared = prepare.prepare_observations(all_obs)
        stats, history = _population(con, prepared)
        scored = score.link(prepared, debtors, stats=stats)
        links = scored.filter(pl.col("probability") >= score.LINK_THRESHOLD)
        kept = prepared.join(links.select("obs_id").unique(), on="obs_id", how="semi")
        locations = rank.rank_locations(links, prepared, ctx.as_of_date)
        contacts = rank.rank_contacts(links, prepared, debtors, ctx.as_of_date)

        # Keep last run's rank-1 places so the next report can say what is new.
        con.execute("DELETE FROM locations_previous")
        con.execute("INSERT INTO locations_previous SELECT id_number, kind, rank, place_key, run_id FROM locations")
        run = pl.lit(ctx.run_id)
        warehouse.replace_table(con, "name_counts", history["names"])
        warehouse.replace_table(con, "surname_counts", history["surnames"])
        con.execute("INSERT OR REPLACE INTO linkage_stats VALUES ('population', ?)", [str(history["population"])])
        warehouse.replace_table(con, "debtors", debtors)
        warehouse.replace_table(con, "observations", kept.with_columns(run.alias("run_id")))
        warehouse.replace_table(con, "links", links)
        warehouse.replace_table(con, "locations", locations.with_columns(run.alias("run_id")))
        warehouse.replace_table(con, "contacts", contacts.with_columns(run.alias("run_id")))
        kept_new = len(new_ids & set(kept["obs_id"].to_list()))
        return {
            "debtors": debtors.height,
            "organisations_skipped": counts["organisations"],
            "observations_new": len(new_ids),
            "observations_linked": kept_new,
            "observations_dropped": len(new_ids) - kept_new,
            "debtors_located": locations["id_number"].n_unique() if locations.height else 0,
            "links": links.height,
        }
    finally:
        con.close()


def _population(con, prepared: pl.DataFrame) -> tuple[tuple[dict, int], dict]:
    """Tonight's name statistics raised to the largest seen on earlier nights."""
    stats = dict(con.execute("SELECT key, value FROM linkage_stats").fetchall())
    salt = stats.get("name_salt")
    if salt is None:
        salt = secrets.token_hex(16)
        con.execute("INSERT INTO linkage_stats VALUES ('name_salt', ?)", [salt])
    history = {"names": warehouse.read_table(con, "name_counts"), "surnames": warehouse.read_table(con, "surname_counts"),
               "population": int(stats.get("population", 0))}
    history = {k: (v.cast(population.HISTORY_SCHEMAS[k]) if isinstance(v, pl.DataFrame) else v)
               for k, v in history.items()}
    tonight, n = score.name_frequencies(prepared)
    freqs, n, new_history = population.merge(tonight, n, history, salt)
    return (freqs, n), new_history


def _current_counts(con) -> dict:
    one = lambda sql: con.execute(sql).fetchall()[0][0]  # noqa: E731
    return {
        "debtors": one("SELECT count(*) FROM debtors"),
        "debtors_located": one("SELECT count(DISTINCT id_number) FROM locations"),
        "organisations_skipped": 0,
        "observations_new": 0, "observations_linked": 0, "observations_dropped": 0,
        "links": one("SELECT count(*) FROM links"),
    }


def write_reports(ctx: RunContext) -> dict:
    """Judges' CSVs into a hidden folder; ``finish`` moves them into place after publishing."""
    con = _connect(ctx)
    try:
        tmp = Path(ctx.workdir) / "reports"
        written = report_writer.write_court_reports(con, tmp, ctx.run_id)
        if written:
            audit = pl.DataFrame(written).with_columns(pl.lit(ctx.run_id).alias("run_id"),
                                                       pl.lit(datetime.now()).alias("written_at"))
            warehouse.append_table(con, "reports", audit)
        return {"reports": len(written), "report_rows": sum(w["rows"] for w in written)}
    finally:
        con.close()


def finish(ctx: RunContext, summary: dict, outcome: str = "success", error: str | None = None) -> dict:
    """Record the run, publish the staging database atomically, then move reports into place."""
    started = datetime.fromisoformat(ctx.started_at)
    finished = datetime.now()
    row = {
        "run_id": ctx.run_id, "started_at": started, "finished_at": finished,
        "as_of": ctx.as_of_date, "inbox": ctx.inbox,
        "duration_s": (finished - started).total_seconds(), "outcome": outcome, "error": error,
    } | {k: summary.get(k) for k in (
        "files_seen", "files_new", "files_failed", "rows_read", "rows_kept", "rows_quarantined",
        "observations_new", "observations_linked", "observations_dropped", "organisations_skipped",
        "debtors", "debtors_located")}
    con = _connect(ctx)
    try:
        warehouse.append_table(con, "runs", pl.DataFrame([row]))
    finally:
        con.close()
    staging = warehouse.Staging(Path(ctx.db), Path(ctx.staging), _connect(ctx))
    warehouse.publish(staging)
    moved = report_writer.move_into_place(Path(ctx.workdir) / "reports", Path(ctx.reports), ctx.as_of)
    shutil.rmtree(Path(ctx.workdir).parent, ignore_errors=True)
    return row | {"report_files": moved}


def coverage_by_court(db: str) -> list[dict]:
    """Rows of v_coverage_by_court from the published database (for the run's artifact)."""
    with warehouse.read_only(Path(db)) as con:
        return warehouse.query(con, "SELECT * FROM v_coverage_by_court").to_dicts()


def record_failure(ctx: RunContext, error: str) -> None:
    """A failed run leaves the published database as it was, plus one 'failed' row in runs."""
    staging_path = Path(ctx.staging)
    Path(ctx.staging).unlink(missing_ok=True)
    db = Path(ctx.db)
    try:
        tmp = warehouse.open_staging(db, ctx.run_id + "-failed", Path(ctx.workdir) / "duckdb_tmp")
        now = datetime.now()
        warehouse.append_table(tmp.con, "runs", pl.DataFrame([{
            "run_id": ctx.run_id, "started_at": datetime.fromisoformat(ctx.started_at), "finished_at": now,
            "as_of": ctx.as_of_date, "inbox": ctx.inbox, "outcome": "failed", "error": error[:2000],
        }]))
        warehouse.publish(tmp)
    finally:
        staging_path.unlink(missing_ok=True)
        shutil.rmtree(Path(ctx.workdir).parent, ignore_errors=True)
