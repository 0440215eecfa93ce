"""The nightly run's stages as plain functions over paths.

``flow.py`` wraps each stage as a Prefect task; the CLI can also call them in order
without a Prefect server (``--engine direct``).  Stages pass paths and counts, never
large frames: intermediate data lives as parquet in the run's work folder, so a
stage can run on another worker and a failed stage can be retried.

Crash safety: everything a run writes goes to its staging copy of the database and its
work folder next to it; ``finish`` publishes the staging file with one ``os.replace`` and
only then moves the reports into place.  A run killed at any point (SIGKILL, power) leaves
the published database as it was; the next run's ``begin`` deletes what the dead run left,
after delivering its reports if its database did get published.  One run at a time per
database: ``begin`` takes an exclusive lock (``flock``, released by the kernel when the
process dies, so a killed run never blocks the next).
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import secrets
import shutil
import sys
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import polars as pl

from linkage import addresses, incremental, population, prepare, rank, score, violations
from pipelines import categories as category_rules
from pipelines import linking
from publish import reports as report_writer
from publish import warehouse
from sources import inbox as inbox_mod
from sources import platforms
from sources.parquet_sink import ParquetSink
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
    recovered_reports: list[str] = field(default_factory=list)   # delivered for a run killed after publishing
    categories: str = ""         # the restricted-category rule file (pipelines.categories)

    @property
    def as_of_date(self) -> date:
        return date.fromisoformat(self.as_of)


def new_run_id(now: datetime | None = None) -> str:
    now = now or datetime.now()
    return now.strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)


class RunInProgress(RuntimeError):
    """Another run holds the database's run lock."""


_LOCKS: dict[str, int] = {}   # run_id -> fd of the locked file, held from begin to finish/record_failure


def _lock_path(db_p: Path) -> Path:
    return db_p.with_name(f".{db_p.name}.lock")


def _acquire_lock(db_p: Path) -> int:
    fd = os.open(_lock_path(db_p), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
        os.close(fd)
        raise RunInProgress(f"another locate run is in progress on {db_p} ({holder or 'holder unknown'}); "
                            "not starting a second one") from None
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"pid {os.getpid()} since {datetime.now().isoformat(timespec='seconds')}\n".encode(), 0)
    return fd


def _release_lock(run_id: str) -> None:
    fd = _LOCKS.pop(run_id, None)
    if fd is not None:
        os.close(fd)   # closing the descriptor releases the flock


def _work_root(db_p: Path) -> Path:
    return db_p.with_name(f".{db_p.name}.work")


def begin(inbox: str, db: str, reports: str, as_of: str | None = None, categories: str | None = None) -> RunContext:
    """Take the run lock, clear what a killed run left, create the work folder and the staging copy."""
    inbox_p, db_p = Path(inbox).resolve(), Path(db).resolve()
    if not inbox_p.is_dir():
        raise FileNotFoundError(f"inbox folder not found: {inbox_p}")
    # A broken rule file is the operator's to fix: say so now, before any work is done.
    categories_p = category_rules.resolve(categories)
    category_rules.load(categories_p)
    # "Today" is Beijing's date whatever the server's time zone: the run starts at 02:00 there.
    as_of = as_of or datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()
    date.fromisoformat(as_of)
    run_id = new_run_id()
    # Everything a run creates (staging copy, DuckDB's WAL and spill files, reports) holds
    # people's data: readable by the owner only, from the moment it exists.
    os.umask(0o077)
    db_p.parent.mkdir(parents=True, exist_ok=True)
    lock = _acquire_lock(db_p)
    try:
        work_root = _work_root(db_p)
        recovered = recover_reports(db_p)             # a run killed after publishing, before its reports moved
        warehouse.remove_stale_staging(db_p)
        if work_root.exists():
            shutil.rmtree(work_root, ignore_errors=True)   # left by a killed run
        workdir = work_root / run_id
        workdir.mkdir(parents=True)
        os.chmod(work_root, 0o700)
        staging = warehouse.open_staging(db_p, run_id, workdir / "duckdb_tmp")
        staging.close()
    except BaseException:
        os.close(lock)
        raise
    _LOCKS[run_id] = lock
    ctx = RunContext(run_id, str(inbox_p), str(db_p), str(Path(reports).resolve()), as_of, str(workdir),
                     str(staging.path), datetime.now().isoformat(timespec="seconds"), recovered,
                     str(categories_p))
    warehouse.checkpoint("begin")
    return ctx


DELIVERY_FILE = "delivery.json"   # in a run's work folder: where its reports go once it is published


def recover_reports(db_p: Path) -> list[str]:
    """Move into place the reports of runs that were killed between publishing and moving them.

    A run's reports wait in its work folder with a delivery note.  They are moved only if the
    published database holds that run and the files are the ones its ``reports`` audit lists
    (same SHA-256): reports of a run that never got published are never delivered.
    """
    moved: list[str] = []
    work_root = _work_root(Path(db_p))
    if not work_root.is_dir():
        return moved
    for note in sorted(work_root.glob(f"*/{DELIVERY_FILE}")):
        try:
            spec = json.loads(note.read_text(encoding="utf-8"))
            outcome, audit = warehouse.published_run(Path(db_p), spec["run_id"])
        except Exception as exc:  # noqa: BLE001 - a damaged leftover must not stop tonight's run
            print(f"locate: ignoring leftover {note}: {exc}", file=sys.stderr)
            continue
        if outcome is None:
            continue                      # that run was never published: its reports are void
        tmp = note.parent / "reports"
        files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tmp.glob("*.csv")}
        if files != audit:
            print(f"locate: not delivering the reports of run {spec['run_id']}: they differ from its audit",
                  file=sys.stderr)
            continue
        moved += report_writer.move_into_place(tmp, Path(spec["reports"]), spec["as_of"])
    return moved


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
    """Read one inbox file with its adapter; rows and quarantine go to parquet in the work
    folder as the adapter streams them (one row group per chunk), so a file of any size is
    read in bounded memory.  ``rows_path`` / ``quarantine_path`` are single parquet files
    as before."""
    os.umask(0o077)     # on a Dask worker too: the parquet files hold people's data
    f = inbox_mod.InboxFile(**(file | {"path": Path(file["path"]),
                                       "resolved": Path(file["resolved"]) if file.get("resolved") else None}))
    # Named after the entry, not its content: entries refused unread have no hash.
    stem = Path(ctx.workdir) / hashlib.sha256(f.rel_name.encode("utf-8")).hexdigest()[:20]
    rows_path = f"{stem}.rows.parquet"
    q_path = f"{stem}.quarantine.parquet"
    schema = ROSTER_SCHEMA if f.source_kind == "debtors" else OBSERVATION_SCHEMA
    sink = ParquetSink(rows_path, q_path, schema)
    try:
        res = inbox_mod.read_file(f, sink=sink)
        if res.error:
            sink.discard()     # an unreadable file has no rows, whatever came before the error
        sink.close()
    except BaseException:
        sink.discard()
        raise
    out = {
        "file": f.rel_name, "sha256": f.sha256, "source_kind": f.source_kind, "platform": f.platform,
        "size_bytes": f.size, "rows_path": rows_path, "quarantine_path": q_path,
        "rows_read": res.rows_read, "rows_kept": res.rows_kept, "rows_quarantined": res.rows_quarantined,
        "error": res.error, "warnings": "; ".join(res.warnings) if res.warnings else None,
        "platform_guessed": f.platform_guessed and not res.error,
    }
    warehouse.checkpoint("ingest")
    return out


def _read_parquets(paths: list[str], schema: dict) -> pl.DataFrame:
    frames = [pl.read_parquet(p) for p in paths if Path(p).exists()]
    frames = [f for f in frames if f.height]
    if not frames:
        return empty(schema)
    return pl.concat([f.select(list(schema)).cast(schema) for f in frames], how="vertical")


def _redacted_raw() -> pl.Expr:
    """Retention: a rejected platform row may be about anyone, debtor or not, so its text is
    kept only as its shape (digits #, Latin letters x, Chinese characters 某): enough to see a
    field count or a stray quote, nothing about the person.  Roster rows are the court's own."""
    raw = pl.col("raw")
    masked = raw.str.replace_all(r"\d", "#").str.replace_all(r"[A-Za-z]", "x").str.replace_all(r"\p{Han}", "某")
    return pl.when(pl.col("source_kind") == "debtors").then(raw).otherwise(masked).alias("raw")


def _attribute_platforms(con, ingested: list[dict]) -> list[dict]:
    """Files whose name gave no platform (``sources.platforms``) take the platform their ids
    come from, when one stands out: their rows and quarantine parquet are rewritten with it,
    and their ledger entry says so.  -> ``ingested`` with those entries replaced."""
    guessed = [i for i in ingested if i.get("platform_guessed") and i["rows_kept"]]
    if not guessed:
        return ingested
    cols = ["account_id", "record_id"]

    def rows_of(i: dict) -> pl.DataFrame:
        paths = [p for p in _rows_paths(i) if Path(p).exists()]
        return pl.concat([pl.read_parquet(p, columns=cols) for p in paths]) if paths else empty(
            {c: pl.Utf8 for c in cols})

    out = list(ingested)
    for kind in sorted({i["source_kind"] for i in guessed}):
        # The ids of tonight's files of this kind named with their platform, and of the
        # observations kept from earlier nights (account_key is '<platform>:<id>').
        known = [platforms.file_ids(rows_of(i)).with_columns(pl.lit(i["platform"]).alias("platform"))
                 for i in ingested if i["source_kind"] == kind and not i.get("platform_guessed")
                 and not i["error"] and i["rows_kept"]]
        kept = warehouse.query(con, "SELECT DISTINCT platform, substr(account_key, strpos(account_key, ':') + 1) "
                                    "AS account_id, record_id FROM observations WHERE source_kind = ?", [kind])
        known += [platforms.file_ids(part).with_columns(pl.lit(p).alias("platform"))
                  for (p,), part in kept.partition_by("platform", as_dict=True).items()]
        known_ids = pl.concat([k.select("platform", "what", "id") for k in known]) if known else empty(
            {"platform": pl.Utf8, "what": pl.Utf8, "id": pl.Utf8})
        for n, i in enumerate(ingested):
            if i not in guessed or i["source_kind"] != kind:
                continue
            platform, share = platforms.attribute(platforms.file_ids(rows_of(i)),
                                                  known_ids.filter(pl.col("platform") != i["platform"]))
            if platform is None:
                continue
            for p in [*_rows_paths(i), i["quarantine_path"]]:
                if Path(p).exists():
                    pl.read_parquet(p).with_columns(pl.lit(platform).alias("platform")).write_parquet(p)
            note = (f"file name has no '_': platform taken as '{platform}' ({share:.0%} of the file's account "
                    f"or record ids are {platform}'s)")
            kept_warnings = [w for w in (i["warnings"] or "").split("; ") if w and not w.startswith("file name has no '_'")]
            out[n] = i | {"platform": platform, "platform_guessed": False,
                          "warnings": "; ".join([note, *kept_warnings])}
    return out


def record_ingest(ctx: RunContext, ingested: list[dict]) -> dict:
    """Ledger, quarantine and roster updates in the staging database (files named without
    a platform first take the one their contents show, ``_attribute_platforms``)."""
    con = _connect(ctx)
    try:
        ingested = _attribute_platforms(con, ingested)
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
        q = pl.concat([q, file_errors]).with_columns(pl.lit(ctx.run_id).alias("run_id"), _redacted_raw())
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
        warehouse.checkpoint("record-ingest")
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
    "sign_type": "sign_type", "amount": "amount", "category": "category", "order_time": "order_time",
}
# Tables a night re-derives for the debtors it touches (the others keep last night's rows).
DERIVED_TABLES = ("links", "locations", "contacts", "location_evidence")
# A night this large parses batches of addresses big enough for the parsing helpers
# (``parse_workers.MIN_BATCH`` distinct strings): start them before preparing it.
PRESTART_PARSERS_ROWS = 500_000


def link_and_rank(ctx: RunContext, ingested: list[dict], relink_all: bool = False,
                  dispatch: linking.Dispatch | None = None) -> dict:
    """Link the observations to the open debtors a night touches, then rank their places and phones.

    Only debtors touched tonight (roster changes, or a new observation sharing a blocking key
    with them, see ``linkage.incremental``) are re-linked and re-ranked, against every
    retained observation and the new ones; the others keep last night's rows.
    ``relink_all`` re-links everyone (after a change of weights or calibration).
    The night is held in buckets on disk and ranked in groups of debtors
    (``pipelines.linking``), so memory stays bounded whatever the size of the inbox.
    ``dispatch`` runs each linkage pass's bucket jobs elsewhere (Dask workers, see
    ``flow.py``); by default they run here.
    """
    con = _connect(ctx)
    try:
        if not relink_all and not any(i["rows_kept"] for i in ingested):
            # Nothing new: relinking only the retained observations (unlinked ones are gone) could
            # change rows for no reason. The published tables stay exactly as they are.
            return _current_counts(con)
        if sum(i["rows_kept"] for i in ingested) >= PRESTART_PARSERS_ROWS:
            addresses.start_parsers()   # their start overlaps preparing the night
        roster = warehouse.query(con, "SELECT * FROM roster_cases")
        debtors, counts = prepare.build_debtors(roster.select(list(ROSTER_SCHEMA)).cast(ROSTER_SCHEMA))
        work = Path(ctx.workdir) / "linking"
        work.mkdir(parents=True, exist_ok=True)
        retained = work / "retained.parquet"
        # account_key is '<platform>:<account id>'; the id itself may hold ':'.
        con.sql("SELECT obs_id, substr(account_key, strpos(account_key, ':') + 1) AS account_id, "
                + ", ".join(f"{k} AS {v}" for k, v in RETAINED_OBS_COLUMNS.items())
                + " FROM observations").write_parquet(str(retained))
        tonight = [Path(p) for i in ingested if i["source_kind"] != "debtors" for p in _rows_paths(i)]
        night = linking.prepare_night(work / "buckets", retained, tonight, dispatch)
        buckets = night.buckets
        stats, history = _population(con, linking.name_people(buckets))

        previous = {"debtors": warehouse.read_table(con, "debtors"),
                    "locations": warehouse.read_table(con, "locations"),
                    "contacts": warehouse.read_table(con, "contacts")}
        open_ids = set(debtors["id_number"].to_list())
        # The roster's own doors, parsed once: the touched-debtor check and the linkage block on them.
        roster_doors = score.roster_doors(debtors)
        if relink_all or previous["debtors"].height == 0:
            touched = open_ids
        else:
            touched = incremental.roster_changes(previous["debtors"], debtors) | linking.touched(
                buckets, debtors, previous["contacts"], previous["locations"], roster_doors)
        touched_open = debtors.filter(pl.col("id_number").is_in(list(touched)))
        if touched_open.height:
            score.link_buckets(buckets, touched_open, score.MAX_PASSES, stats, progress=linking.log.info,
                               roster=roster_doors)
        out = work / "out"
        linking.rank_night(buckets, touched_open, ctx.as_of_date, ctx.run_id, out)

        warehouse.checkpoint("link-before-writes")
        # Keep last run's places so the next report can say what is new.
        con.execute("DELETE FROM locations_previous")
        con.execute("INSERT INTO locations_previous SELECT id_number, kind, rank, place_key, run_id FROM locations")
        warehouse.replace_table(con, "name_counts", history["names"])
        warehouse.replace_table(con, "surname_counts", history["surnames"])
        con.execute("INSERT OR REPLACE INTO linkage_stats VALUES ('population', ?)", [str(history["population"])])
        warehouse.replace_table(con, "debtors", debtors)
        warehouse.checkpoint("link-mid-writes")
        _write_derived(con, out, touched)
        new_linked = _write_observations(con, out, ctx.run_id)
        warehouse.checkpoint("link-after-writes")
        one = lambda sql: con.execute(sql).fetchall()[0][0]  # noqa: E731
        return {
            "debtors": debtors.height,
            "organisations_skipped": counts["organisations"],
            "observations_new": night.new,
            "observations_linked": new_linked,
            "observations_dropped": night.new - new_linked,
            "debtors_located": one("SELECT count(DISTINCT id_number) FROM locations"),
            "links": one("SELECT count(*) FROM links"),
            "debtors_relinked": len(touched & open_ids),
        }
    finally:
        con.close()


def _rows_paths(ingested_file: dict) -> list[str]:
    return ingested_file.get("rows_paths") or [ingested_file["rows_path"]]


def _write_derived(con, out: Path, touched: set[str]) -> None:
    """Tonight's rows of the touched debtors replace theirs; debtors no longer open lose theirs;
    everyone else keeps last night's rows (``run_id`` included)."""
    con.register("_touched", pl.DataFrame({"id_number": sorted(touched)}, schema={"id_number": pl.Utf8}).to_arrow())
    try:
        for table in DERIVED_TABLES:
            con.execute(f"DELETE FROM {table} WHERE id_number IN (SELECT id_number FROM _touched) "
                        "OR id_number NOT IN (SELECT id_number FROM debtors)")
            files = linking.output_files(out, table)
            if files:
                # The table's columns the parquet has, by name; the others stay NULL.
                con.execute(f"INSERT INTO {table} BY NAME SELECT COLUMNS(lambda c: list_contains(?, c)) "
                            "FROM read_parquet(?)", [_columns(con, table), files])
    finally:
        con.unregister("_touched")


def _columns(con, table: str) -> list[str]:
    return [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]


def _write_observations(con, out: Path, run_id: str) -> int:
    """``observations`` becomes the rows behind tonight's links: an observation keeps the run
    that first kept it, and the rows of debtors not touched tonight are kept as they were.
    Returns how many of tonight's new observations were kept."""
    files = linking.output_files(out, "observations")
    con.execute("CREATE TEMP TABLE _fresh AS SELECT * FROM observations LIMIT 0")
    new_kept = 0
    if files:
        columns = [c for c in _columns(con, "observations") if c != "run_id"]
        # An observation linked to debtors of two groups was written twice: once is enough.
        con.execute("INSERT INTO _fresh BY NAME SELECT COLUMNS(lambda c: list_contains(?, c)), ? AS run_id "
                    "FROM read_parquet(?) QUALIFY row_number() OVER (PARTITION BY obs_id ORDER BY obs_id) = 1",
                    [columns, run_id, files])
        new_kept = con.execute("SELECT count(DISTINCT obs_id) FROM read_parquet(?) WHERE _new", [files]).fetchall()[0][0]
        con.execute("UPDATE _fresh SET run_id = o.run_id FROM observations o WHERE _fresh.obs_id = o.obs_id")
    con.execute("DELETE FROM observations WHERE obs_id NOT IN (SELECT obs_id FROM links) "
                "OR obs_id IN (SELECT obs_id FROM _fresh)")
    con.execute("INSERT INTO observations SELECT * FROM _fresh WHERE obs_id IN (SELECT obs_id FROM links)")
    con.execute("DROP TABLE _fresh")
    return int(new_kept)


def find_violations(ctx: RunContext) -> dict:
    """Rebuild ``violations`` from the linked orders and the roster (see ``linkage.violations``)."""
    rules = category_rules.load(ctx.categories or category_rules.resolve())
    con = _connect(ctx)
    try:
        orders = warehouse.query(
            con, "SELECT obs_id, source_kind, platform, record_id, order_time, event_time, category, amount, "
                 "address, address_raw, file, line FROM observations WHERE source_kind = 'ecommerce'")
        links = warehouse.query(con, "SELECT id_number, obs_id, probability, via, evidence FROM links")
        cases = warehouse.query(con, "SELECT case_no, id_number, court, filed_on, restricted, status FROM roster_cases")
        found = violations.find_violations(orders, links, cases, rules)
        warehouse.replace_table(con, "violations", found)
        return {"violations": found.height,
                "debtors_with_violations": found["id_number"].n_unique() if found.height else 0}
    finally:
        con.close()


def _population(con, people: pl.DataFrame) -> tuple[tuple[dict, int], dict]:
    """Tonight's name statistics (of ``score.name_people``) raised to the largest seen on earlier nights."""
    stats = dict(con.execute("SELECT key, value FROM linkage_stats").fetchall())
    salt = stats.get("name_salt")
    if salt is None:
        salt = secrets.token_hex(16)
        con.execute("INSERT INTO linkage_stats VALUES ('name_salt', ?)", [salt])
    history = {"names": warehouse.read_table(con, "name_counts"), "surnames": warehouse.read_table(con, "surname_counts"),
               "population": int(stats.get("population", 0))}
    history = {k: (v.cast(population.HISTORY_SCHEMAS[k]) if isinstance(v, pl.DataFrame) else v)
               for k, v in history.items()}
    tonight, n = score.frequencies_of(people)
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
    """Judges' CSVs into the run's work folder; ``finish`` moves them into place after publishing."""
    con = _connect(ctx)
    try:
        tmp = Path(ctx.workdir) / "reports"
        written = report_writer.write_court_reports(con, tmp, ctx.run_id)
        con.execute("DELETE FROM reports WHERE run_id = ?", [ctx.run_id])   # a retried task writes again
        if written:
            audit = pl.DataFrame(written).with_columns(pl.lit(ctx.run_id).alias("run_id"),
                                                       pl.lit(datetime.now()).alias("written_at"))
            warehouse.append_table(con, "reports", audit)
        # Where these reports go once the run is published (read by the next run if this one dies).
        note = Path(ctx.workdir) / DELIVERY_FILE
        note.write_text(json.dumps({"run_id": ctx.run_id, "as_of": ctx.as_of, "reports": ctx.reports}),
                        encoding="utf-8")
        changes = dict(con.execute("SELECT change, count(*) FROM v_changes_since_last_run "
                                   "WHERE (SELECT count(*) FROM locations_previous) > 0 GROUP BY change").fetchall())
        warehouse.checkpoint("reports-written")
        return {"reports": len(written), "report_rows": sum(w["rows"] for w in written),
                "places_first_located": changes.get("first_located", 0),
                "places_new": changes.get("new_place", 0), "places_moved_up": changes.get("moved_up", 0)}
    finally:
        con.close()


RUN_COUNTS = ("files_seen", "files_new", "files_failed", "rows_read", "rows_kept", "rows_quarantined",
              "observations_new", "observations_linked", "observations_dropped", "organisations_skipped",
              "debtors", "debtors_located")


def _run_row(ctx: RunContext, summary: dict, outcome: str, error: str | None) -> dict:
    started = datetime.fromisoformat(ctx.started_at)
    finished = datetime.now()
    return {
        "run_id": ctx.run_id, "started_at": started, "finished_at": finished,
        "as_of": ctx.as_of_date, "inbox": ctx.inbox,
        "duration_s": (finished - started).total_seconds(), "outcome": outcome, "error": error,
    } | {k: summary.get(k) for k in RUN_COUNTS}


def finish(ctx: RunContext, summary: dict, outcome: str = "success", error: str | None = None) -> dict:
    """Record the run, publish the staging database atomically, then move reports into place."""
    row = _run_row(ctx, summary, outcome, error)
    con = _connect(ctx)
    try:
        # Retention: what was derived for debtors whose cases have all concluded goes now.
        con.execute("DELETE FROM locations_previous WHERE id_number NOT IN (SELECT id_number FROM debtors)")
        warehouse.append_table(con, "runs", pl.DataFrame([row]))
        warehouse.checkpoint("runs-recorded")
    finally:
        con.close()
    staging = warehouse.Staging(Path(ctx.db), Path(ctx.staging), _connect(ctx))
    warehouse.publish(staging)
    # Published. If moving the reports fails or the process dies now, they stay in the work
    # folder with their delivery note and the next run's ``begin`` moves them.
    try:
        moved = report_writer.move_into_place(Path(ctx.workdir) / "reports", Path(ctx.reports), ctx.as_of)
    except OSError as exc:
        raise ReportsNotDelivered(
            f"run {ctx.run_id} published the database but could not move its reports into "
            f"{Path(ctx.reports) / ctx.as_of}: {exc}; the next run moves them") from exc
    warehouse.checkpoint("reports-moved")
    shutil.rmtree(Path(ctx.workdir).parent, ignore_errors=True)
    _release_lock(ctx.run_id)
    return row | {"report_files": moved}


class ReportsNotDelivered(RuntimeError):
    """The database was published but the reports could not be moved into place."""


def coverage_by_court(db: str) -> list[dict]:
    """Rows of v_coverage_by_court from the published database (for the run's artifact)."""
    with warehouse.read_only(Path(db)) as con:
        return warehouse.query(con, "SELECT * FROM v_coverage_by_court").to_dicts()


def record_failure(ctx: RunContext, error: str, summary: dict | None = None) -> None:
    """A failed run leaves the published database as it was, plus one 'failed' row in runs
    (with the counts it got to and the error).  If the run had already published its
    database (only moving the reports failed), the error is noted on its row instead and its
    reports stay in the work folder for the next run to deliver."""
    db = Path(ctx.db)
    Path(ctx.staging).unlink(missing_ok=True)
    published = False
    try:
        published = warehouse.published_run(db, ctx.run_id)[0] is not None
        tmp = warehouse.open_staging(db, ctx.run_id + "-failed", Path(ctx.workdir) / "duckdb_tmp")
        if published:
            tmp.con.execute("UPDATE runs SET error = ? WHERE run_id = ?", [error[:2000], ctx.run_id])
        else:
            warehouse.append_table(tmp.con, "runs", pl.DataFrame([_run_row(ctx, summary or {}, "failed",
                                                                           error[:2000])]))
        warehouse.publish(tmp)
    finally:
        warehouse.remove_stale_staging(db)
        if not published:
            shutil.rmtree(Path(ctx.workdir).parent, ignore_errors=True)
        _release_lock(ctx.run_id)
