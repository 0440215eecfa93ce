"""Spread a large batch of per-string parsing over this machine's cores.

The address parser is pure Python, so one process parses on one core while the other
cores wait: at 50M rows, parsing is three quarters of a linkage pass.  ``map_chunks``
parses part of a large batch in helper processes while this process parses the rest.
The result is the same list in the same order as ``fn(items)``: each string is parsed on
its own, and the parser's caches only remember answers.

Helpers are started only once the program has called ``enable()`` (the nightly command
does): a started process re-imports the program's main module, which only a program
written for it (``if __name__ == "__main__"``) survives.  ``LOCATE_PARSE_PROCESSES`` sets how
many processes parse, this one included (default: the number of cores, at most 4; ``1``
turns helpers off).  Batches under ``MIN_BATCH`` strings are parsed here: a helper costs
a pickle round trip.  Where helpers cannot start (a daemonic Dask worker may not have
children), parsing stays in this process.
"""
from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Sequence

MIN_BATCH = 20_000
_MAX_DEFAULT = 4

log = logging.getLogger(__name__)
_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_pool_size = 0
_disabled = False
_enabled = False


def enable() -> None:
    """Let large batches use helper processes (see the module's docstring)."""
    global _enabled
    _enabled = True


def processes() -> int:
    if not _enabled:
        return 1
    raw = os.environ.get("LOCATE_PARSE_PROCESSES", "").strip()
    if raw:
        try:
            return max(1, int(raw))
        except ValueError:
            log.warning("LOCATE_PARSE_PROCESSES=%r is not a number; parsing in one process", raw)
            return 1
    return max(1, min(os.cpu_count() or 1, _MAX_DEFAULT))


def _run(fn: Callable[[list], list], items: list) -> list:
    # As in the parent: the parse makes many small acyclic objects; cyclic GC only costs.
    was = gc.isenabled()
    gc.disable()
    try:
        return fn(items)
    finally:
        if was:
            gc.enable()


def _get_pool(helpers: int, warm: Callable[[], object] | None) -> ProcessPoolExecutor | None:
    global _pool, _pool_size, _disabled
    with _lock:
        if _disabled:
            return None
        if _pool is not None and _pool_size == helpers:
            return _pool
        if _pool is not None:
            _pool.shutdown(wait=False, cancel_futures=True)
        if multiprocessing.current_process().daemon:
            _disabled = True      # daemonic processes may not have children
            return None
        # 'spawn': the parent runs polars' and DuckDB's threads, which a fork would copy mid-lock.
        _pool = ProcessPoolExecutor(max_workers=helpers, mp_context=multiprocessing.get_context("spawn"),
                                    initializer=warm)
        _pool_size = helpers
        return _pool


def _ready() -> None:
    """A task that only makes a helper start (and run its ``warm``)."""


def prestart(warm: Callable[[], object] | None = None) -> None:
    """Start the helpers now, in the background, so that their start and ``warm`` (about two
    seconds: the interpreter, polars and the parser's tables) overlap this process's own
    work instead of the first large batch's wait."""
    n = processes()
    if n <= 1:
        return
    pool = _get_pool(n - 1, warm)
    if pool is None:
        return
    try:
        for _ in range(n - 1):
            pool.submit(_ready)
    except Exception as err:      # a broken or shut-down pool
        _give_up(err)


def _give_up(err: BaseException) -> None:
    global _pool, _disabled
    with _lock:
        log.warning("parsing helpers unavailable (%s); parsing in this process from now on", err)
        _disabled = True
        if _pool is not None:
            _pool.shutdown(wait=False, cancel_futures=True)
            _pool = None


def map_chunks(fn: Callable[[list], list], items: Sequence, warm: Callable[[], object] | None = None,
               min_batch: int | None = None) -> list:
    """``fn(items)`` (``fn`` maps a list to a list of the same length, item by item, and
    is importable by name), with large batches split between this process and helpers.
    ``warm`` runs once in each helper as it starts (loading tables)."""
    items = list(items)
    n = processes()
    if n <= 1 or len(items) < (MIN_BATCH if min_batch is None else min_batch):
        return fn(items)
    pool = _get_pool(n - 1, warm)
    if pool is None:
        return fn(items)
    size = -(-len(items) // n)
    parts = [items[i:i + size] for i in range(0, len(items), size)]
    try:
        futures = [pool.submit(_run, fn, part) for part in parts[1:]]
    except Exception as err:      # a broken or shut-down pool
        _give_up(err)
        return fn(items)
    out = fn(parts[0])
    for part, fut in zip(parts[1:], futures):
        try:
            out.extend(fut.result())
        except Exception as err:  # a helper died: parse its part here
            _give_up(err)
            out.extend(fn(part))
    return out


def shutdown() -> None:
    """Stop the helpers (they also stop when this process exits)."""
    global _pool
    with _lock:
        if _pool is not None:
            _pool.shutdown(wait=True, cancel_futures=True)
            _pool = None
