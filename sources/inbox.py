"""Finding the files in the inbox and handing each to its adapter.

Layout: ``inbox/<kind>/<file>`` with kind in schema.SOURCE_KINDS.  Only regular files
directly inside a kind folder with the kind's extension (case-insensitive) are read.
Everything else found in the inbox (wrong extension, sub-folders, symlinks leaving the
inbox, FIFOs/devices, unknown kind folders, files at the inbox root) comes back as an
``InboxFile`` with ``error`` set; ``read_file`` turns it into a file-level error result
(rows_read 0) without opening it.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from polars.exceptions import PanicException

from . import common as C
from . import ecommerce, logistics, roster, social
from .schema import OBSERVATION_SCHEMA, ROSTER_SCHEMA, SOURCE_KINDS, AdapterResult

EXTENSIONS = {"debtors": ".csv", "ecommerce": ".csv", "social": ".jsonl", "logistics": ".parquet"}
NAME_WORD = {"ecommerce": "orders", "social": "accounts", "logistics": "waybills"}
# Other endings a kind's files are read under (with a warning): JSON Lines are often saved
# as .json or .ndjson; the reader judges each line, so a file that is not JSON Lines after
# all loses nothing it had.
ALSO_READ = {"social": (".json", ".ndjson")}
ADAPTERS: dict[str, Callable[..., AdapterResult]] = {
    "debtors": roster.read,
    "ecommerce": ecommerce.read,
    "social": social.read,
    "logistics": logistics.read,
}
UNKNOWN_KIND = "unknown"


@dataclass
class InboxFile:
    path: Path                 # as found in the inbox (not resolved)
    rel_name: str              # relative to the inbox, '/'-separated
    source_kind: str           # one of SOURCE_KINDS, or 'unknown'
    platform: str              # file name before the first '_'
    sha256: str | None         # None when the entry is not read
    size: int | None
    name_ok: bool              # follows <platform>_<orders|accounts|waybills>_<YYYYMMDD>.<ext>
    error: str | None = None   # set: the entry is reported, not read
    warnings: list[str] = field(default_factory=list)
    resolved: Path | None = None     # real path at discovery (re-checked when read)
    mtime_ns: int | None = None
    platform_guessed: bool = False   # no '_' in the name: the platform is the whole name (``platforms``)


def platform_of(name: str) -> tuple[str, str | None]:
    """-> (platform, warning or None)."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    if "_" in name:
        p = name.split("_", 1)[0]
        if p:
            return p, None
        p = stem.strip("_") or "unknown"
        return p, f"file name starts with '_': platform taken as '{p}'"
    return stem or "unknown", f"file name has no '_': platform taken as the whole name '{stem}'"


def name_follows_pattern(kind: str, name: str) -> bool:
    if kind == "debtors":
        return name.lower().endswith(".csv")
    m = re.fullmatch(r"([^_]+)_([A-Za-z]+)_(\d{8})\.([A-Za-z]+)", name)
    if not m or m.group(2) != NAME_WORD.get(kind) or "." + m.group(4).lower() != EXTENSIONS[kind]:
        return False
    try:
        dt.datetime.strptime(m.group(3), "%Y%m%d")
    except ValueError:
        return False
    return True


def _inside(p: Path, root: Path) -> bool:
    try:
        p.relative_to(root)
        return True
    except ValueError:
        return False


def printable_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (a GBK-named file on a UTF-8 disk) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _entry(root: Path, kind: str, path: Path, rel: str) -> InboxFile:
    name = printable_name(path.name)
    rel = printable_name(rel)
    platform, pwarn = platform_of(name)
    f = InboxFile(path=path, rel_name=rel, source_kind=kind, platform=platform, sha256=None,
                  size=None, name_ok=False)
    if pwarn and kind != "debtors":      # a court roster comes from no platform: any name will do
        f.warnings.append(pwarn)
        f.platform_guessed = "_" not in name
    if name != path.name:
        f.warnings.append("file name is not valid UTF-8: shown with U+FFFD replacement characters")
    if kind == UNKNOWN_KIND:
        f.error = "file at the inbox root, outside any source folder: not read"
        return f
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError) as e:   # dangling or looping symlink
        f.error = f"cannot resolve path (broken symbolic link?): {e.__class__.__name__}"
        return f
    if not _inside(real, root):
        f.error = "symbolic link pointing outside the inbox: not read"
        return f
    try:
        st = os.stat(real)
    except OSError as e:
        f.error = f"cannot stat file: {e}"
        return f
    if stat.S_ISDIR(st.st_mode):
        f.error = (f"sub-folder inside {kind}/: not read (only files directly inside "
                   f"{kind}/ are read)")
        return f
    if not stat.S_ISREG(st.st_mode):
        f.error = "not a regular file (FIFO, socket or device): not read"
        return f
    ext = EXTENSIONS[kind]
    got = os.path.splitext(name)[1] or "(none)"
    if got.lower() in ALSO_READ.get(kind, ()):
        f.warnings.append(f"file type {got} in {kind}/ (expected {ext}): read as {ext}")
    elif not name.lower().endswith(ext):
        f.error = f"unexpected file type {got} in {kind}/ (expected {ext}): not read"
        return f
    f.name_ok = name_follows_pattern(kind, name)
    if not f.name_ok:
        pattern = ("*.csv" if kind == "debtors"
                   else f"<platform>_{NAME_WORD[kind]}_<YYYYMMDD>{ext}")
        f.warnings.append(f"file name does not follow {pattern}")
    f.resolved = real
    f.size = st.st_size
    f.mtime_ns = st.st_mtime_ns
    try:
        f.sha256 = C.sha256_file(real)
    except OSError as e:
        f.error = f"cannot read file: {e}"
    return f


def discover(inbox: Path) -> list[InboxFile]:
    """Every entry of the inbox, sorted by (source kind in SOURCE_KINDS order, rel_name);
    unreadable/unexpected entries carry ``error``."""
    root = Path(inbox).resolve(strict=True)
    found: list[InboxFile] = []
    for top in sorted(os.scandir(root), key=lambda e: e.name):
        tpath = Path(top.path)
        if top.name in SOURCE_KINDS:
            kind = top.name
            try:
                kdir = tpath.resolve(strict=True)
            except (OSError, RuntimeError):
                kdir = None
            if kdir is None or not _inside(kdir, root) or not kdir.is_dir():
                f = InboxFile(path=tpath, rel_name=top.name, source_kind=kind, platform=UNKNOWN_KIND,
                              sha256=None, size=None, name_ok=False,
                              error=f"source folder {kind}/ is not a folder inside the inbox: not read")
                found.append(f)
                continue
            for e in sorted(os.scandir(tpath), key=lambda e: e.name):
                found.append(_entry(root, kind, Path(e.path), f"{kind}/{e.name}"))
        elif top.is_dir(follow_symlinks=False):
            found.append(InboxFile(
                path=tpath, rel_name=printable_name(top.name), source_kind=UNKNOWN_KIND, platform=UNKNOWN_KIND,
                sha256=None, size=None, name_ok=False,
                error=(f"unknown source folder {printable_name(top.name)}/ (a new kind of source needs an "
                       "adapter): not read")))
        else:
            found.append(_entry(root, UNKNOWN_KIND, tpath, top.name))
    _known_platforms(found)
    order = {k: i for i, k in enumerate(SOURCE_KINDS)}
    found.sort(key=lambda f: (order.get(f.source_kind, len(order)), f.rel_name))
    return found


# What may end the platform part of a name typed without '_' ('shopA-orders-20261127(1).csv',
# 'shopA orders.csv', 'shopA(2).csv').
_NAME_BREAK = re.compile(r"[-\s(（.．—·]")


def _known_platforms(found: list[InboxFile]) -> None:
    """A file whose name has no '_' takes the platform of its kind's well-named files that
    its name starts with ('shopA-orders-20261127(1).csv' is shopA's, next to
    shopA_orders_20261127.csv), not its whole name: a platform's order and account ids are
    unique only within it, so a re-sent file under a platform name of its own would count
    every order and account twice."""
    known: dict[tuple[str, str], str] = {}
    for f in found:
        if f.error is None and f.name_ok and f.source_kind != "debtors":
            known.setdefault((f.source_kind, f.platform.casefold()), f.platform)
    for f in found:
        name = printable_name(f.path.name)
        if f.error is not None or f.source_kind in ("debtors", UNKNOWN_KIND) or "_" in name:
            continue
        head = _NAME_BREAK.split(name, maxsplit=1)[0]
        platform = known.get((f.source_kind, head.casefold()))
        if platform is None:
            continue
        f.warnings = [w for w in f.warnings if not w.startswith("file name has no '_'")]
        f.warnings.append(f"file name has no '_': platform taken as '{platform}', the platform of the "
                          f"{f.source_kind}/{platform}_... files its name starts with")
        f.platform = platform
        f.platform_guessed = False


def _schema_for(kind: str) -> dict:
    return ROSTER_SCHEMA if kind == "debtors" else OBSERVATION_SCHEMA


def read_file(f: InboxFile, sink=None) -> AdapterResult:
    """Run the adapter for one discovered file.  Never raises for bad input.

    ``sink`` (see ``common.ChunkOutput``) receives the rows and quarantine rows chunk by
    chunk; the result then holds only the counts.  When the result has ``error`` set,
    whatever the sink received is void."""
    schema = _schema_for(f.source_kind)

    def fail(msg: str) -> AdapterResult:
        return C.error_result(f.rel_name, f.source_kind, f.platform, msg, schema, f.warnings)

    if f.error:
        return fail(f.error)
    adapter = ADAPTERS.get(f.source_kind)
    if adapter is None:
        return fail(f"no adapter for source kind {f.source_kind}")
    # the file may have been swapped or still be growing since discovery
    try:
        real = Path(f.path).resolve(strict=True)
        st = os.stat(real)
    except (OSError, RuntimeError) as e:
        return fail(f"file vanished since discovery: {e.__class__.__name__}")
    if f.resolved is not None and real != f.resolved:
        return fail("file was replaced by a link elsewhere since discovery: not read")
    if not stat.S_ISREG(st.st_mode):
        return fail("not a regular file: not read")
    if (f.size is not None and st.st_size != f.size) or (
            f.mtime_ns is not None and st.st_mtime_ns != f.mtime_ns):
        return fail("file changed since discovery (still being written?): not read this run")
    try:
        res = (adapter(real, rel_name=f.rel_name, platform=f.platform) if sink is None
               else adapter(real, rel_name=f.rel_name, platform=f.platform, sink=sink))
    except (Exception, PanicException) as e:   # noqa: BLE001 - one bad file must not stop the run
        # (a polars/pyo3 panic is a BaseException: it would otherwise end the whole run)
        return fail(f"adapter failed unexpectedly: {e.__class__.__name__}: {str(e)[:300]}")
    res.warnings = list(f.warnings) + list(res.warnings)
    return res
