"""The night's linkage in bounded memory: observations in buckets on disk, places ranked per
group of debtors, results as parquet for the staging database to load.

A provincial night (tens of millions of rows) does not fit in memory at once.  Its
observations are prepared chunk by chunk and written into buckets by account (an
account's rows in one bucket, as ``score.link_buckets`` needs); the linkage passes go
bucket by bucket; places and phones are ranked per group of debtors; what the night
publishes is written as parquet in the run's work folder, which ``stages`` loads into
the staging database with SQL.  A night of up to ``BUCKET_ROWS`` observations is one
bucket, kept in memory; the code path is the same.

Sizes can be set for tests and for machines of another size: ``LOCATE_BUCKET_ROWS``
(observations per bucket), ``LOCATE_CACHE_ROWS`` (observations kept in memory) and
``LOCATE_GROUP_LINKS`` (links ranked at once).
"""
from __future__ import annotations

import dataclasses
import functools
import itertools
import logging
import math
import os
import pickle
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import polars as pl

from linkage import incremental, prepare, rank, score
from sources.schema import OBSERVATION_SCHEMA

log = logging.getLogger("locate.night")

BUCKET_ROWS = 1_000_000
CACHE_ROWS = 4_000_000       # prepared rows held in memory at once (about 400 bytes each)
GROUP_LINKS = 1_000_000     # links ranked at once (ranking needs a few kB a link)
CHUNK_ROWS = 1_000_000
LINK_COLUMNS = ["id_number", "obs_id", "probability", "match_weight", "via", "evidence"]


def _setting(name: str, default: int) -> int:
    value = os.environ.get(name)
    return max(1, int(value)) if value else default


def _write(frame: pl.DataFrame, path: Path) -> None:
    # Work files live for one night: fast to write beats small.  Written whole, then
    # renamed: a job cut off mid-write (a lost Dask worker) leaves the old file, not half a new one.
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(f".{path.name}.{uuid.uuid4().hex}.part")
    frame.write_parquet(part, compression="lz4", statistics=False)
    os.replace(part, path)


def _write_parsed(root: Path, bucket: int, obs: pl.DataFrame) -> None:
    # A bucket's addresses read since it was first written, by row position.
    parsed = obs.select(*prepare.ADDRESS_FIELDS, "address_parsed").with_row_index("_row").filter(
        pl.col("address_parsed"))
    _write(parsed, root / "parsed" / f"{bucket}.parquet")


def _write_scored(root: Path, bucket: int, scored: pl.DataFrame | None) -> None:
    path = root / "scored" / f"{bucket}.parquet"
    if scored is None:
        path.unlink(missing_ok=True)
    else:
        _write(scored, path)


def read_bucket(root: Path, bucket: int) -> tuple[pl.DataFrame, pl.DataFrame | None]:
    """A bucket written by ``NightBuckets``: its observations, addresses read since
    restored, and its scored pairs (None before the first pass)."""
    obs = pl.read_parquet(root / "prepared" / f"{bucket}.parquet")
    parsed = root / "parsed" / f"{bucket}.parquet"
    if parsed.exists() and obs.height:
        # Rows by position: the bucket's row order is the one it was first written in.
        read = pl.read_parquet(parsed)
        obs = prepare.put_rows(obs, read.get_column("_row"), read.drop("_row"))
    path = root / "scored" / f"{bucket}.parquet"
    return obs, (pl.read_parquet(path) if path.exists() else None)


@dataclass(frozen=True)
class BucketJob:
    """One step of a linkage pass on one bucket's files (``run_step``): small, so that it
    travels to another process or machine; what the pass shares is in a pickle beside the
    buckets, read once per process."""

    root: str
    bucket: int
    step: str
    shared: str

    @property
    def label(self) -> str:
        return f"{self.step} bucket {self.bucket}"

    def run(self):
        return run_step(self)


@dataclass(frozen=True)
class ChunkJob:
    """Prepare one chunk of an input (rows ``start`` to ``start + length`` of ``path``) into
    part files of the night's ``n`` buckets, numbered ``part``; its rows' ``_seq`` start at
    ``seq`` (the chunk's place in the night: the first of an obs_id wins)."""

    root: str
    n: int
    path: str
    start: int
    length: int
    seq: int
    is_new: bool
    part: int

    @property
    def label(self) -> str:
        return f"prepare {Path(self.path).name} rows {self.start:,}+"

    def run(self) -> int:
        chunk = pl.scan_parquet(self.path).slice(self.start, self.length).collect()
        _write_parts(Path(self.root), self.n, _prepare_chunk(chunk, self.seq, self.is_new), self.part)
        return chunk.height


@dataclass(frozen=True)
class SealJob:
    """Make one bucket from its part files: each obs_id once (see ``NightBuckets.seal``);
    returns its (rows, of which new) and its ``score.name_people``."""

    root: str
    bucket: int

    @property
    def label(self) -> str:
        return f"seal bucket {self.bucket}"

    def run(self) -> tuple[int, int, pl.DataFrame | None]:
        obs = _sealed(Path(self.root), self.bucket)
        _write(obs, Path(self.root) / "prepared" / f"{self.bucket}.parquet")
        shutil.rmtree(Path(self.root) / "prepared" / str(self.bucket), ignore_errors=True)
        return (*_counts(obs), _people(obs))


# dispatch(jobs) -> each job's ``run()``, in order, run anywhere that sees ``root``.
Dispatch = Callable[[list], list]


@functools.lru_cache(maxsize=1)
def _shared(path: str) -> dict:
    with open(path, "rb") as f:
        return pickle.load(f)


def run_step(job: BucketJob):
    """Run ``job`` on its bucket's files: read the bucket, apply the step, write back what it
    changed; what the step gathers for the driver is returned."""
    root = Path(job.root)
    obs, scored = read_bucket(root, job.bucket)
    new_obs, new_scored, result = STEPS[job.step](obs, scored, **_shared(job.shared))
    if new_obs is not obs:
        _write_parsed(root, job.bucket, new_obs)
    if new_scored is not scored:
        _write_scored(root, job.bucket, new_scored)
    return result


def run_job(job):
    """``job.run()``: for executors that take a function and its argument."""
    return job.run()


def _bucket_of(n: int) -> pl.Expr:
    # An account's rows together; a row without an account anywhere (its own id).
    return (pl.coalesce("account_key", "obs_id").hash(seed=0) % n).cast(pl.Int32)


def _write_parts(root: Path, n: int, prepared_chunk: pl.DataFrame, part: int) -> None:
    for (b,), rows in prepared_chunk.with_columns(_bucket_of(n).alias("_bucket")).partition_by(
            "_bucket", as_dict=True).items():
        _write(rows.drop("_bucket"), root / "prepared" / str(b) / f"part-{part:05d}.parquet")


def _dedupe(frame: pl.DataFrame) -> pl.DataFrame:
    # Parts are read in ``_seq`` order, so the first row of an obs_id is the one to keep.
    if not frame.width or frame["obs_id"].n_unique() == frame.height:
        return frame
    # (A filter on one column's first occurrences: a few times faster than ``unique`` on
    # the wide frame of many parts, and the same rows in the same order.)
    return frame.filter(pl.col("obs_id").is_first_distinct())


def _sealed(root: Path, bucket: int) -> pl.DataFrame:
    folder = root / "prepared" / str(bucket)
    parts = sorted(folder.glob("*.parquet")) if folder.exists() else []
    return _dedupe(pl.concat([pl.read_parquet(p) for p in parts], how="vertical") if parts else pl.DataFrame())


def _counts(obs: pl.DataFrame) -> tuple[int, int]:
    """(rows, of which new tonight) of a bucket."""
    return (obs.height, int(obs["_new"].sum())) if obs.width else (0, 0)


def _people(obs: pl.DataFrame) -> pl.DataFrame | None:
    """A sealed bucket's (name, who), counted while it is in memory: a sweep of the
    buckets less (a provincial night re-reads most of them on each)."""
    return score.name_people(obs) if obs.width else None


class NightBuckets:
    """A night's prepared observations in ``n`` buckets, the store ``score.link_buckets``
    works on: on disk, with as many buckets in memory as ``LOCATE_CACHE_ROWS`` rows allow
    (all of them on an ordinary night; a provincial night re-reads some).

    Layout under ``root``: ``prepared/<b>/part-<i>.parquet`` while chunks arrive;
    ``prepared/<b>.parquet`` (the bucket, written the first time it leaves memory),
    ``parsed/<b>.parquet`` (addresses read since, by row position) and ``scored/<b>.parquet``
    (its scored pairs), written when it leaves memory changed.
    """

    def __init__(self, root: Path, n: int, cache_rows: int = CACHE_ROWS, dispatch: Dispatch | None = None):
        self.root, self.n = Path(root), max(1, n)
        self.cache_rows = cache_rows
        self.dispatch = dispatch
        self._parts = 0
        self._cache: dict[int, tuple[pl.DataFrame, pl.DataFrame | None]] = {}   # most recent last
        self._chunks: list[pl.DataFrame] = []      # one bucket: chunks kept as they come
        self._parsed_rows: dict[int, int] = {}
        self._dirty: set[int] = set()              # changed since read from disk
        self._persisted: set[int] = set()          # prepared/<b>.parquet written
        self._released = False
        self._people: list[pl.DataFrame] | None = None   # (name, who) of each bucket, from sealing

    # Pairs that do not link are not kept between passes (see ``score.link_buckets``).
    keeps_unlinked = False

    def keys(self) -> list[int]:
        return list(range(self.n))

    @property
    def in_memory(self) -> bool:
        return self.n == 1

    def add(self, prepared_chunk: pl.DataFrame) -> None:
        """Add prepared observations (``_seq`` orders them: the first of an obs_id wins)."""
        if self.in_memory:
            self._chunks.append(prepared_chunk)
            return
        _write_parts(self.root, self.n, prepared_chunk, self._parts)
        self._parts += 1

    def seal(self) -> list[tuple[int, int]]:
        """One frame per bucket, each obs_id once (re-sent records: the first kept); each
        bucket's (rows, of which new tonight).  With ``dispatch``, each bucket is sealed by a
        job (``SealJob``) on its part files, which ``ChunkJob`` may have written."""
        if self.in_memory:
            frame = pl.concat(self._chunks, how="vertical") if self._chunks else pl.DataFrame()
            self._chunks = []
            self._cache[0] = (_dedupe(frame), None)
            self._people = [p for p in [_people(self._cache[0][0])] if p is not None]
            return [_counts(self._cache[0][0])]
        if self.dispatch is not None:
            sealed = self.dispatch([SealJob(str(self.root), b) for b in self.keys()])
            self._persisted = set(self.keys())
            self._parsed_rows = {b: 0 for b in self.keys()}
            self._people = [p for *_, p in sealed if p is not None]
            return [(rows, new) for rows, new, _ in sealed]
        counts, self._people = [], []
        for b in self.keys():
            frame = _sealed(self.root, b)
            shutil.rmtree(self.root / "prepared" / str(b), ignore_errors=True)
            self._keep(b, frame, None)      # written when it leaves memory
            counts.append(_counts(frame))
            if (people := _people(frame)) is not None:
                self._people.append(people)
        return counts

    def _keep(self, bucket: int, obs: pl.DataFrame, scored: pl.DataFrame | None, dirty: bool = True) -> None:
        self._cache.pop(bucket, None)
        self._cache[bucket] = (obs, scored)
        if dirty:
            self._dirty.add(bucket)
        # Passes sweep the buckets in order: evicting the most recently used other bucket
        # keeps the same ones in memory sweep after sweep (least recent would evict each
        # bucket just before it is needed again).
        while len(self._cache) > 1 and sum(o.height + (p.height if p is not None else 0)
                                           for o, p in self._cache.values()) > self.cache_rows:
            old = [b for b in self._cache if b != bucket][-1]
            entry = self._cache.pop(old)
            if old in self._dirty:
                self._spill(old, *entry)
                self._dirty.discard(old)

    def _spill(self, bucket: int, obs: pl.DataFrame, scored: pl.DataFrame | None) -> None:
        n_parsed = int(obs.get_column("address_parsed").sum()) if obs.width else 0
        if bucket not in self._persisted:
            _write(obs, self.root / "prepared" / f"{bucket}.parquet")
            self._persisted.add(bucket)
            self._parsed_rows[bucket] = n_parsed
        elif n_parsed != self._parsed_rows.get(bucket, 0):
            _write_parsed(self.root, bucket, obs)
            self._parsed_rows[bucket] = n_parsed
        _write_scored(self.root, bucket, scored)

    def _get(self, bucket: int) -> tuple[pl.DataFrame, pl.DataFrame | None]:
        if bucket in self._cache:
            return self._cache[bucket]
        if self._released:
            raise RuntimeError("the night's buckets were released: nothing may read them after ranking")
        obs, scored = read_bucket(self.root, bucket)
        self._keep(bucket, obs, scored, dirty=False)
        return obs, scored

    def flush(self) -> None:
        """Every bucket on disk as it is now, and none held in memory: for work done on the
        buckets' files by other processes."""
        for b in list(self._cache):
            obs, scored = self._cache.pop(b)
            if b in self._dirty or b not in self._persisted:
                self._spill(b, obs, scored)
        self._dirty.clear()

    def each(self, step: str, shared: dict) -> dict:
        """``STEPS[step]`` on every bucket (see ``score.link_buckets``): here, one bucket
        after another, or, given ``dispatch``, as one job a bucket on the buckets' files
        (``run_step``), all of a pass's jobs handed out at once."""
        if self.dispatch is None or self.in_memory:
            return score.each_bucket(self, step, shared, STEPS)
        self.flush()
        # A name never used before: workers keep the last one they read, across nights too.
        shared_path = self.root / "shared" / f"{step}-{uuid.uuid4().hex}.pickle"
        shared_path.parent.mkdir(parents=True, exist_ok=True)
        with open(shared_path, "wb") as f:
            pickle.dump(shared, f, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            results = self.dispatch([BucketJob(str(self.root), b, step, str(shared_path)) for b in self.keys()])
        finally:
            shared_path.unlink(missing_ok=True)
        # The jobs wrote the buckets' files: what this process knew of them is stale.
        self._parsed_rows = {b: -1 for b in self.keys()}
        return dict(zip(self.keys(), results))

    def release(self) -> None:
        """Let go of the buckets held in memory, unsaved changes and all: for when nothing
        will read them again (ranking works on its own copies of the links)."""
        self._cache.clear()
        self._dirty.clear()
        self._released = True

    def load(self, bucket: int) -> pl.DataFrame:
        return self._get(bucket)[0]

    def sealed_people(self) -> list[pl.DataFrame] | None:
        """Each bucket's (name, who) as sealed (handed over once), or None."""
        people, self._people = self._people, None
        return people

    def scored(self, bucket: int) -> pl.DataFrame | None:
        return self._get(bucket)[1]

    def save(self, bucket: int, obs: pl.DataFrame, scored: pl.DataFrame | None) -> None:
        self._keep(bucket, obs, scored)


def _prepare_chunk(chunk: pl.DataFrame, seq: int, is_new: bool) -> pl.DataFrame:
    """A chunk of observation rows (tonight's, or retained ones) prepared for linkage."""
    if "obs_id" not in chunk.columns:
        chunk = chunk.with_columns(prepare.obs_ids(chunk))
    # Retained rows lack what the database does not keep (nickname, region hint).
    chunk = chunk.with_columns([pl.lit(None, t).alias(c) for c, t in OBSERVATION_SCHEMA.items()
                                if c not in chunk.columns])
    chunk = chunk.select(["obs_id", *OBSERVATION_SCHEMA]).cast(OBSERVATION_SCHEMA | {"obs_id": pl.Utf8})
    return prepare.prepare_observations(chunk, with_addresses=False).with_columns(
        pl.int_range(seq, seq + chunk.height, dtype=pl.Int64).alias("_seq"), pl.lit(is_new).alias("_new"))


@dataclass
class Prepared:
    buckets: NightBuckets
    rows: int        # distinct observations
    new: int         # of which new tonight


def prepare_night(root: Path, retained: Path | None, tonight: list[Path],
                  dispatch: Dispatch | None = None) -> Prepared:
    """Prepare the night's observations into buckets: the retained ones first (an obs_id
    re-sent tonight stays the retained one), then tonight's, each normalised once.
    ``dispatch``: where jobs on the buckets run (chunks, buckets, passes: ``NightBuckets``)."""
    # The night's chunks, in order: (input, first row, rows, is new).
    chunks = []
    for i, p in enumerate(([retained] if retained is not None else []) + list(tonight)):
        if p.exists():
            n = pl.scan_parquet(p).select(pl.len()).collect().item()
            chunks += [(p, start, min(CHUNK_ROWS, n - start), retained is None or i > 0)
                       for start in range(0, n, CHUNK_ROWS)]
    total = sum(c[2] for c in chunks)
    buckets = NightBuckets(root, math.ceil(total / _setting("LOCATE_BUCKET_ROWS", BUCKET_ROWS)) if total else 1,
                           _setting("LOCATE_CACHE_ROWS", CACHE_ROWS), dispatch)
    seqs = list(itertools.accumulate([c[2] for c in chunks], initial=0))
    if dispatch is not None and not buckets.in_memory:
        dispatch([ChunkJob(str(root), buckets.n, str(p), start, length, seq, is_new, part)
                  for part, ((p, start, length, is_new), seq) in enumerate(zip(chunks, seqs))])
    else:
        for (p, start, length, is_new), seq in zip(chunks, seqs):
            buckets.add(_prepare_chunk(pl.scan_parquet(p).slice(start, length).collect(), seq, is_new))
    counts = buckets.seal()
    log.info(f"{total:,} observation rows prepared into {buckets.n} bucket(s)")
    return Prepared(buckets, sum(r for r, _ in counts), sum(n for _, n in counts))


def _names_step(obs, scored):
    return obs, scored, (score.name_people(obs) if obs.width else None)


def name_people(buckets: NightBuckets) -> pl.DataFrame:
    """(name, who) of every bucket, distinct: what name frequencies are counted from.
    Counted as the buckets were sealed; a sweep of them when they were not (yet)."""
    parts = buckets.sealed_people()
    if parts is None:
        parts = [p for p in buckets.each("names", {}).values() if p is not None]
    return pl.concat(parts).unique() if parts else pl.DataFrame(schema={"name": pl.Utf8, "who": pl.Utf8})


def _touched_step(obs, scored, *, debtors, contacts, locations, roster):
    if not obs.width or not obs["_new"].any():
        return obs, scored, set()
    obs = prepare.ensure_addresses(obs, incremental.addresses_to_read(obs.filter(pl.col("_new")), debtors, locations,
                                                                      roster))
    return obs, scored, incremental.touched_by_observations(obs.filter(pl.col("_new")), debtors, contacts, locations,
                                                            roster)


def touched(buckets: NightBuckets, debtors: pl.DataFrame, contacts: pl.DataFrame,
            locations: pl.DataFrame, roster: pl.DataFrame) -> set[str]:
    """Debtors sharing a blocking key with tonight's new observations (``incremental``):
    their addresses read where they may be to a door or an estate a debtor is placed at.
    ``roster``: ``score.roster_doors(debtors)``, parsed once for the night, not once a bucket."""
    found = buckets.each("touched", dict(debtors=debtors, contacts=contacts, locations=locations, roster=roster))
    return set().union(*found.values())


# Every step a bucket job may run: the linkage passes' and the night's own.
STEPS = score.STEPS | {"names": _names_step, "touched": _touched_step}


OUTPUTS = ("links", "locations", "contacts", "location_evidence", "observations")


def rank_night(buckets: NightBuckets, debtors: pl.DataFrame, as_of: date, run_id: str, out: Path) -> None:
    """Rank the places and phones of ``debtors`` from the buckets' links, one group of
    debtors at a time, into parquet under ``out/<output>/<group>.parquet`` (``OUTPUTS``;
    ``observations``: the linked rows, an observation linked in two groups twice).  The
    buckets are released: nothing reads them after this."""
    total_links = 0
    for b in buckets.keys():
        s = buckets.scored(b)
        if s is not None:
            total_links += s.filter(pl.col("probability") >= score.LINK_THRESHOLD).height
    groups = max(1, math.ceil(total_links / _setting("LOCATE_GROUP_LINKS", GROUP_LINKS)))
    group_of = (pl.col("id_number").hash(seed=1) % groups).cast(pl.Int32).alias("_group")
    staged = out / "_groups"
    for b in buckets.keys():
        s = buckets.scored(b)
        if s is None:
            continue
        links = s.filter(pl.col("probability") >= score.LINK_THRESHOLD).with_columns(group_of)
        if links.height == 0:
            continue
        obs = buckets.load(b)
        for (g,), part in links.partition_by("_group", as_dict=True).items():
            _write(part.drop("_group"), staged / str(g) / f"links-{b}.parquet")
            _write(obs.join(part.select("obs_id").unique(), on="obs_id", how="semi"),
                   staged / str(g) / f"obs-{b}.parquet")
    # Ranking holds a group's links with their observations (a few kB a link): the
    # buckets' memory is given back first.
    buckets.release()
    log.info(f"ranking {total_links:,} links in {groups} group(s) of debtors")
    jobs = [RankJob(str(staged), str(out), g, str(as_of), run_id, "") for g in range(groups)
            if (staged / str(g)).exists()]
    if buckets.dispatch is not None and len(jobs) > 1:
        shared = staged / f"debtors-{uuid.uuid4().hex}.parquet"
        _write(debtors, shared)
        buckets.dispatch([dataclasses.replace(j, debtors=str(shared)) for j in jobs])
    else:
        for j in jobs:
            _rank_group(j, debtors)
    shutil.rmtree(staged, ignore_errors=True)


@dataclass(frozen=True)
class RankJob:
    """Rank one group of debtors (``rank_night``) from its staged links and observations;
    ``debtors``: a parquet of the night's debtors (as a job travels to another process)."""

    staged: str
    out: str
    group: int
    as_of: str
    run_id: str
    debtors: str

    @property
    def label(self) -> str:
        return f"rank group {self.group}"

    def run(self) -> None:
        _rank_group(self, _debtors(self.debtors))


@functools.lru_cache(maxsize=1)
def _debtors(path: str) -> pl.DataFrame:
    return pl.read_parquet(path)


def _rank_group(job: RankJob, debtors: pl.DataFrame) -> None:
    folder, out, g = Path(job.staged) / str(job.group), Path(job.out), job.group
    as_of, run = date.fromisoformat(job.as_of), pl.lit(job.run_id)
    links = pl.concat([pl.read_parquet(p) for p in sorted(folder.glob("links-*.parquet"))], how="vertical")
    obs = pl.concat([pl.read_parquet(p) for p in sorted(folder.glob("obs-*.parquet"))],
                    how="vertical").unique("obs_id", keep="first")
    group_debtors = debtors.join(links.select("id_number").unique(), on="id_number", how="semi")
    _write(links.select(LINK_COLUMNS), out / "links" / f"{g}.parquet")
    _write(rank.rank_locations(links, obs, as_of).with_columns(run.alias("run_id")),
           out / "locations" / f"{g}.parquet")
    _write(rank.rank_contacts(links, obs, group_debtors, as_of).with_columns(run.alias("run_id")),
           out / "contacts" / f"{g}.parquet")
    _write(rank.location_evidence(links, obs, as_of), out / "location_evidence" / f"{g}.parquet")
    _write(obs, out / "observations" / f"{g}.parquet")
    shutil.rmtree(folder, ignore_errors=True)


def output_files(out: Path, name: str) -> list[str]:
    return [str(p) for p in sorted((out / name).glob("*.parquet"))]
