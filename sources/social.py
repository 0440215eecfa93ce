"""Social account exports: ``social/<platform>_accounts_<YYYYMMDD>.jsonl`` (UTF-8).

One line = one account -> observations:
* one 'checkin' per geo_post: event_time = post ts (naive Beijing time), address =
  post address, else poi; when both are present and the address does not contain the
  poi text (nor the poi without its leading district), "address poi" (joined by a space);
* one 'login' per login: event_time = ts, address = ip_region;
* when the account has neither, ONE 'profile' observation (address = profile_region)
  so the account's phone/ID are still known.
Account fields on every observation: account_id = uid, account_name = real_name,
account_id_no = id_no, account_phone = phone, nickname, region_hint = profile_region;
record_id = uid; line = physical line.

Decisions:
* The unit of counting and quarantine is the LINE (rows_read counts non-blank lines;
  rows_kept counts kept lines, not observations).
* A line is quarantined when: it is longer than 1 MB; it is not valid UTF-8 (and not
  GB18030 either; a GB18030 line is kept with a warning); not JSON; not an object;
  uid missing/empty or not a string/number; logins/geo_posts not a list, or an element
  not an object; a scalar field has the wrong type (object/array/boolean); a timestamp
  is present but unparseable; an identity field (uid, real_name, id_no, phone,
  profile_region, post address/poi, ip_region) is a spreadsheet formula; any text is
  over 1,000 characters; the uid was already seen in the file.
  Quarantining the whole line on one bad ts is deliberate: a line is one record, and
  half-reading it would hide the problem.
* A file that looks binary (many NUL/control bytes) is a file-level error unless its first
  line is a JSON object (then the bad lines are quarantined one by one); bare-CR line
  ends are read as line breaks.  Timestamps outside years 1-9999 are unparseable.
* Raw control characters inside JSON strings (a TAB in a nickname, \\x01) do not make a
  line "not JSON": they are cleaned from the values as in the CSV adapters (TAB -> space,
  others removed).  A BOM at the start of any line is dropped (exports pasted together).
* A post or login whose ts is missing/null is kept with event_time null.
* Numbers where strings are expected (uid or phone exported as a number) become strings.
* Timestamps: ISO 8601 with '+08:00', 'Z', another offset, or none (taken as Beijing
  time); also 'YYYY/MM/DD HH:MM:SS' and Unix epoch numbers; a string of digits only by its
  length (``common.parse_timestamp_py``): 14 YYYYMMDDHHMMSS, 8 YYYYMMDD, 10 or 13 a Unix
  time in seconds or milliseconds (as the numbers), any other length unparseable.
* The file is read in blocks and handed on in chunks (``common.CHUNK_ROWS`` lines or
  ``CHUNK_BYTES``); lines of the plain shape exports have are decoded together by DuckDB's
  JSON reader (``_FAST_LINE``), every other line one by one in Python, with the same result.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import polars as pl

from . import common as C
from .schema import OBSERVATION_SCHEMA, AdapterResult

SOURCE_KIND = "social"

ACCOUNT_FIELDS = ("uid", "nickname", "real_name", "id_no", "phone", "profile_region")
FORMULA_ACCOUNT = ("uid", "real_name", "id_no", "phone", "profile_region")


class _Bad(Exception):
    pass


_SCALARS = (str, int, float)


def _json_type(v) -> str:
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, dict):
        return "object"
    if isinstance(v, list):
        return "array"
    if isinstance(v, str):
        return "string"
    if isinstance(v, (int, float)):
        return "number"
    return type(v).__name__


def _s(obj: dict, key: str, where: str) -> str | None:
    """A scalar field as text (numbers -> text); raises _Bad for objects/arrays/booleans."""
    v = obj.get(key)
    if v is None or type(v) is str:
        return v
    if isinstance(v, bool) or not isinstance(v, _SCALARS):
        raise _Bad(f"{where}{key} has type {_json_type(v)}, expected a string")
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v)


def _list(obj: dict, key: str) -> list:
    v = obj.get(key)
    if type(v) is str:
        # Some exporters encode a nested field twice ('"geo_posts":"[{\\"ts\\":...}]"'):
        # the string holds the array, and the account is as good as any other.
        try:
            decoded = json.loads(v, strict=False) if v.strip() else None
        except (ValueError, RecursionError):
            raise _Bad(f"{key} has type string, expected an array") from None
        if decoded is None or type(decoded) is list:
            v = decoded
    if v is None:
        return []
    if type(v) is not list:
        raise _Bad(f"{key} has type {_json_type(v)}, expected an array")
    for i, e in enumerate(v):
        if type(e) is not dict:
            raise _Bad(f"{key}[{i}] has type {_json_type(e)}, expected an object")
    return v


def _ts(v, where: str):
    """-> (text for the vectorised parser, datetime for numbers)."""
    if v is None or type(v) is str:
        return v, None
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise _Bad(f"{where}ts has type {_json_type(v)}, expected a string")
    try:
        return None, C.parse_timestamp_py(v)
    except (ValueError, OverflowError, OSError):
        raise _Bad(f'unparseable {where}ts "{str(v)[:60]}"') from None


ACC_COLS = ("uid", "nickname", "real_name", "id_no", "phone", "profile_region")
EV_TEXT = ("address", "poi", "ip_region", "ip")


def _first_line_is_object(head: bytes) -> bool:
    """Does the file start with a JSON object line?  Then control bytes further on are
    bad lines (quarantined one by one), not a binary file."""
    for b in head.split(b"\n")[:-1]:
        b = b.removeprefix(_BOM)
        if b.strip():
            try:
                return type(json.loads(b.decode("utf-8"), strict=False)) is dict
            except (ValueError, RecursionError):
                return False
    return False


# ----------------------------------------------------------------------------- fast path
# Most lines of an export are well-formed objects whose every value is a string or null:
# those are decoded together by DuckDB's JSON reader instead of one by one in Python.  A
# line takes that way only if it matches _FAST_LINE, a regular grammar under which both
# readers agree exactly: known keys only, each at most once (checked apart for the top
# level; event objects must list their keys in _EVENT_KEYS order, which makes them unique),
# string or null values, no raw control characters, no escape of a control character or a
# surrogate (Python keeps a lone surrogate, DuckDB and polars do not), no numbers, booleans,
# NaN or nested values.  Every other line goes through the Python reader as before.
_WS = r"[ \t\r]*"
_HEX_OK = (r"(?:[1-9a-cA-Ce-fE-F][0-9a-fA-F]{3}|0[1-9a-fA-F][0-9a-fA-F]{2}"
           r"|00[2-9a-fA-F][0-9a-fA-F]|[dD][0-7][0-9a-fA-F]{2})")
_STR = r'"(?:[^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u' + _HEX_OK + r')*"'
_SCALAR = f"(?:{_STR}|null)"
_EVENT_KEYS = ("ts", "ip", "ip_region", "poi", "address")
_LIST_KEYS = ("logins", "geo_posts")


def _event_object_re() -> str:
    m = [f'"{k}"{_WS}:{_WS}{_SCALAR}' for k in _EVENT_KEYS]
    alts = ["".join([m[i]] + [f"(?:{_WS},{_WS}{m[j]})?" for j in range(i + 1, len(m))])
            for i in range(len(m))]
    return rf"\{{{_WS}(?:{'|'.join(alts)})?{_WS}\}}"


_OBJ = _event_object_re()
_ARR = rf"(?:\[{_WS}(?:{_OBJ}(?:{_WS},{_WS}{_OBJ})*)?{_WS}\]|null)"
_MEMBER = (rf'(?:"(?:{"|".join(ACC_COLS)})"{_WS}:{_WS}{_SCALAR}'
           rf'|"(?:{"|".join(_LIST_KEYS)})"{_WS}:{_WS}{_ARR})')
_FAST_LINE = rf"^{_WS}\{{{_WS}(?:{_MEMBER}(?:{_WS},{_WS}{_MEMBER})*)?{_WS}\}}{_WS}$"
# a top-level key name anywhere (as a key or a value): more than one of a name -> Python
_TOP_NAME = '"(?:' + "|".join(ACC_COLS + _LIST_KEYS) + ')"'

_EV_SQL = "{" + ",".join(f'"{k}":"VARCHAR"' for k in _EVENT_KEYS) + "}"
_LINE_SQL = ("{" + ",".join(f'"{k}":"VARCHAR"' for k in ACC_COLS) + ","
             + ",".join(f'"{k}":[{_EV_SQL}]' for k in _LIST_KEYS) + "}")

_ACC_SCHEMA = {"_line": pl.Int64, "_raw": pl.Utf8, **{k: pl.Utf8 for k in ACC_COLS}}
_EV_SCHEMA = {"_line": pl.Int64, "_ord": pl.Int64, "_kind": pl.Utf8, "_where": pl.Utf8, "_ts": pl.Utf8,
              "_tsnum": pl.Datetime("us"), **{k: pl.Utf8 for k in EV_TEXT}}


def _json_connection():
    """DuckDB for the fast path (its JSON reader is built in; never download anything)."""
    try:
        import duckdb

        con = duckdb.connect(config={"autoinstall_known_extensions": False, "threads": 1})
        con.execute("SELECT from_json('{}', '{\"a\":\"VARCHAR\"}')").fetchall()
        return con
    except Exception:   # noqa: BLE001 - no JSON reader: every line goes through Python
        return None


def _fast_frames(con, texts: pl.Series, lines: pl.Series) -> tuple[pl.DataFrame, pl.DataFrame] | None:
    """(accounts, events) of fast-path lines, as the Python reader would build them."""
    lines_tbl = pl.DataFrame({"_line": lines, "_text": texts}).to_arrow(compat_level=pl.CompatLevel.newest())
    try:
        con.register("_jsonl_lines", lines_tbl)
        got = pl.from_arrow(con.sql(
            f"SELECT _line, from_json(_text, '{_LINE_SQL}') AS j FROM _jsonl_lines").to_arrow_table())
    except Exception:   # noqa: BLE001 - defensive: these lines go through Python then
        return None
    finally:
        try:
            con.unregister("_jsonl_lines")
        except Exception:   # noqa: BLE001
            pass
    got = got.unnest("j").sort("_line")
    if got.height != lines.len():       # pragma: no cover - defensive
        return None
    # got is in line order now, as lines and texts are
    accounts = got.select("_line", *ACC_COLS).with_columns(
        texts.str.slice(0, C.RAW_CHARS).alias("_raw")).select(list(_ACC_SCHEMA))
    n_geo = pl.col("geo_posts").list.len().fill_null(0)
    parts = []
    for kind, key, first_ord in (("checkin", "geo_posts", pl.lit(0, dtype=pl.Int64)),
                                 ("login", "logins", n_geo.cast(pl.Int64))):
        e = got.filter(pl.col(key).list.len() > 0).select(
            "_line", pl.col(key), first_ord.alias("_o0"),
            pl.int_ranges(0, pl.col(key).list.len(), dtype=pl.Int64).alias("_i"))
        if not e.height:
            continue
        e = e.explode([key, "_i"]).unnest(key)
        parts.append(e.select(
            "_line",
            (pl.col("_o0") + pl.col("_i")).alias("_ord"),
            pl.lit(kind).alias("_kind"),
            pl.format(key + "[{}].", pl.col("_i")).alias("_where"),
            pl.col("ts").alias("_ts"),
            pl.lit(None, dtype=pl.Datetime("us")).alias("_tsnum"),
            *EV_TEXT))
    events = (pl.concat(parts, how="vertical").select(list(_EV_SCHEMA)).cast(_EV_SCHEMA) if parts
              else pl.DataFrame(schema=_EV_SCHEMA))
    return accounts.cast(_ACC_SCHEMA), events


_LONE_SURROGATE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _python_line(ln: int, text: str, ended: bool, col: C.Collector, acc: dict, ev: dict) -> None:
    """One line the fast path does not take, read exactly as before.  Raw control
    characters inside strings (a TAB typed into a nickname, a stray \\x01) are accepted
    (``strict=False``) and cleaned with the other values later (``common.clean_columns``,
    as in the CSV adapters): they are not a reason to lose the account."""
    try:
        obj = json.loads(text, strict=False)
    except (ValueError, RecursionError):
        col.add(ln, "not valid JSON" + ("" if ended else " (truncated last line?)"), text)
        return
    if type(obj) is not dict:
        col.add(ln, f"JSON {_json_type(obj)}, expected an object", text)
        return
    if "\\u" in text and _LONE_SURROGATE.search(text):
        try:
            json.dumps(obj, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            # '\ud800' not followed by its low half: JSON allows the escape, Unicode has no
            # such character, and no column can hold it.
            col.add(ln, "text escapes a lone UTF-16 surrogate (\\ud800-\\udfff): not a character", text)
            return
    try:
        vals = [_s(obj, k, "") for k in ACC_COLS]
        evs = []
        for kind, key in (("checkin", "geo_posts"), ("login", "logins")):
            for i, e in enumerate(_list(obj, key)):
                where = f"{key}[{i}]."
                t, tnum = _ts(e.get("ts"), where)
                evs.append((kind, where, t, tnum, _s(e, "address", where),
                            _s(e, "poi", where), _s(e, "ip_region", where),
                            _s(e, "ip", where)))
    except _Bad as e:
        col.add(ln, str(e), text)
        return
    acc["_line"].append(ln)
    acc["_raw"].append(text[:C.RAW_CHARS])
    for k, v in zip(ACC_COLS, vals):
        acc[k].append(v)
    for o, (kind, where, t, tnum, a, poi, reg, ip) in enumerate(evs):
        ev["_line"].append(ln)
        ev["_ord"].append(o)
        ev["_kind"].append(kind)
        ev["_where"].append(where)
        ev["_ts"].append(t)
        ev["_tsnum"].append(tnum)
        ev["address"].append(a)
        ev["poi"].append(poi)
        ev["ip_region"].append(reg)
        ev["ip"].append(ip)


# ----------------------------------------------------------------------------- lines

# fixed at import, as the JSONL line reader always had it (the CSV engine reads
# common.MAX_LINE_BYTES when it runs)
JSONL_MAX_LINE_BYTES = C.MAX_LINE_BYTES
_BLANK_BYTES = " \t\n\r\x0b\x0c"          # what bytes.strip() removes
_BOM = b"\xef\xbb\xbf"


def _blocks(fh):
    """Blocks of physical lines: split on b'\\n', one b'\\r' dropped from the end of each
    line, a line over JSONL_MAX_LINE_BYTES (counting a final b'\\r') reported by size and
    first bytes and never held whole, a BOM dropped from the start of every line (line 1
    of an export, or the first line of another export pasted on).

    Yields (first line number, line count, texts, items, unended): texts is a polars Series
    of the lines when the whole block is UTF-8 with no line too long, else None and items
    holds one (kind, payload) per line: ('text', str), ('gb', str decoded as GB18030),
    ('undecodable', bytes) or ('long', (size, head bytes)).  unended: the block's last line
    has no line break (end of file)."""
    limit = JSONL_MAX_LINE_BYTES
    lineno = 1
    carry = b""
    skipping = None                 # [lineno, size, head] inside a too-long line
    while True:
        chunk = fh.read(C.BLOCK_BYTES)
        eof = not chunk
        if skipping is not None:
            if eof:
                yield skipping[0], 1, None, [("long", (skipping[1], skipping[2]))], True
                return
            i = chunk.find(b"\n")
            if i < 0:
                skipping[1] += len(chunk)
                continue
            skipping[1] += i
            yield skipping[0], 1, None, [("long", (skipping[1], skipping[2]))], False
            lineno = skipping[0] + 1
            skipping = None
            chunk = chunk[i + 1:]
            if not chunk:
                continue
        data = carry + chunk
        if eof:
            if not data:
                return
            complete, carry = data, b""
        else:
            i = data.rfind(b"\n")
            if i < 0:
                if len(data) > limit:
                    skipping = [lineno, len(data), data[:4 * C.RAW_CHARS]]
                    carry = b""
                else:
                    carry = data
                continue
            complete, carry = data[:i + 1], data[i + 1:]
        texts, items = _decode_lines(complete, limit)
        n = texts.len() if texts is not None else len(items)
        yield lineno, n, texts, items, not complete.endswith(b"\n")
        lineno += n
        if len(carry) > limit:
            skipping = [lineno, len(carry), carry[:4 * C.RAW_CHARS]]
            carry = b""
        if eof:
            return


def _decode_lines(complete: bytes, limit: int):
    """-> (Series of the lines' texts, None) or (None, per-line items); see ``_blocks``."""
    texts = None
    try:
        complete.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        texts = C.split_lines(complete, keep_final_cr=False)
    if texts is not None and texts.len() and texts.str.len_bytes().max() >= limit:
        texts = None                 # maybe a line too long (its '\\r' counts): line by line
    if texts is not None:
        if _BOM in complete:
            texts = texts.str.strip_prefix("\ufeff")
        return texts, None
    raw = complete.split(b"\n")
    if complete.endswith(b"\n"):
        raw.pop()
    items = []
    for k, b in enumerate(raw):
        if len(b) > limit:
            items.append(("long", (len(b), b[:4 * C.RAW_CHARS])))
            continue
        if b.endswith(b"\r"):
            b = b[:-1]
        b = b.removeprefix(_BOM)
        try:
            items.append(("text", b.decode("utf-8")))
        except UnicodeDecodeError:
            try:
                items.append(("gb", b.decode("gb18030")))
            except UnicodeDecodeError:
                items.append(("undecodable", b))
    return None, items


# ----------------------------------------------------------------------------- reading


class _Chunk:
    """The lines of the current chunk, read but not yet validated."""

    def __init__(self) -> None:
        self.acc_parts: list[pl.DataFrame] = []
        self.ev_parts: list[pl.DataFrame] = []
        self.acc = {k: [] for k in _ACC_SCHEMA}
        self.ev = {k: [] for k in _EV_SCHEMA}
        self.lines = 0
        self.bytes = 0

    def frames(self) -> tuple[pl.DataFrame, pl.DataFrame]:
        accounts = pl.concat(self.acc_parts + [pl.DataFrame(self.acc, schema=_ACC_SCHEMA)], how="vertical")
        events = pl.concat(self.ev_parts + [pl.DataFrame(self.ev, schema=_EV_SCHEMA)], how="vertical")
        return accounts.sort("_line"), events.sort(["_line", "_ord"])


def read(path: Path, *, rel_name: str, platform: str, sink=None,
         chunk_rows: int | None = None) -> AdapterResult:
    """Read one export; rows go to ``sink`` about ``chunk_rows`` lines at a time (see
    ``common.ChunkOutput``); without one they come back whole in the result."""
    col = C.Collector(rel_name, SOURCE_KIND, platform)
    path = Path(path)
    chunk_rows = chunk_rows or C.CHUNK_ROWS
    try:
        fh = open(path, "rb")
    except OSError as e:
        return C.error_result(rel_name, SOURCE_KIND, platform, f"cannot read file: {e}",
                              OBSERVATION_SCHEMA)
    counts = {"rows_read": 0, "blank": 0, "gb": 0}
    with fh:
        head = fh.read(8192)
        why = C.sniff_binary(head)
        codec = C.utf16_codec(head) if why in (C.UTF16_MSG, C.UTF16_GUESS_MSG) else None
        if codec:
            # Accounts saved as UTF-16 text: read them as such when the first line is an
            # account once decoded (else the file is what ``why`` says).
            fh.seek(0)
            text_head = C.Utf16AsUtf8(fh, codec).read(8192)
            codec = codec if _first_line_is_object(text_head) else None
            head = text_head if codec else head
        if why and not codec and not (why in C.GUESSES and _first_line_is_object(head)):
            return C.error_result(rel_name, SOURCE_KIND, platform, why, OBSERVATION_SCHEMA)
        fh.seek(0)
        src = fh
        if codec:
            src = C.Utf16AsUtf8(fh, codec)
            col.warnings.append(C.utf16_warning("UTF-8"))
        if C.cr_line_ends(head):
            src = C.CrAsLf(src)
            col.warnings.append(C.CR_WARNING)
        out = C.ChunkOutput(sink, rel_name, SOURCE_KIND, platform, OBSERVATION_SCHEMA, col)
        seen = C.SeenKeys()
        con = _json_connection()
        try:
            chunk = _Chunk()
            for base, n, texts, items, unended in _blocks(src):
                last = base + n - 1 if unended else None      # the line without a line break
                numbers = pl.int_range(base, base + n, dtype=pl.Int64, eager=True).alias("_line")
                if texts is None:
                    keep = np.zeros(n, dtype=bool)
                    decoded = []
                    for k, (kind, payload) in enumerate(items):
                        ln = base + k
                        if kind == "long":
                            counts["rows_read"] += 1
                            col.add(ln, f"line longer than 1 MB ({payload[0]:,} bytes)",
                                    payload[1].decode("utf-8", "replace"))
                        elif kind == "undecodable":
                            if not payload.strip():
                                counts["blank"] += 1
                                continue
                            counts["rows_read"] += 1
                            col.add(ln, "line is not valid UTF-8 text", payload.decode("utf-8", "replace"))
                        else:
                            if kind == "gb" and payload.strip(_BLANK_BYTES):
                                counts["gb"] += 1
                            keep[k] = True
                            decoded.append(payload)
                    texts = pl.Series("_text", decoded, dtype=pl.Utf8)
                    numbers = numbers.filter(pl.Series(keep))
                _lines(texts, numbers, last, con, col, chunk, counts)
                chunk.lines += n
                chunk.bytes += texts.str.len_bytes().sum() or 0
                if chunk.lines >= chunk_rows or chunk.bytes >= C.CHUNK_BYTES:
                    _emit(chunk, rel_name, platform, col, seen, out)
                    chunk = _Chunk()
            _emit(chunk, rel_name, platform, col, seen, out)
        finally:
            if con is not None:
                con.close()

    if counts["rows_read"] == 0:
        col.warnings.append("empty file: no account lines")
    if counts["blank"]:
        col.warnings.append(f"{counts['blank']} blank line(s) skipped")
    if counts["gb"]:
        col.warnings.append(f"{counts['gb']} line(s) were GB18030, not UTF-8; read as GB18030")
    return out.finish(counts["rows_read"])


def _lines(texts: pl.Series, numbers: pl.Series, last: int | None, con, col: C.Collector,
           chunk: _Chunk, counts: dict) -> None:
    """Decoded lines of a block: blank ones counted, the rest read (fast path or Python)."""
    blank = texts.str.strip_chars(_BLANK_BYTES).str.len_bytes() == 0
    nblank = int(blank.sum())
    if nblank:
        counts["blank"] += nblank
        texts, numbers = texts.filter(~blank), numbers.filter(~blank)
    counts["rows_read"] += texts.len()
    if not texts.len():
        return
    fast = pl.Series([False] * texts.len())
    if con is not None:
        names = texts.str.extract_all(_TOP_NAME)
        fast = (texts.str.contains(_FAST_LINE) & (names.list.n_unique() == names.list.len())).fill_null(False)
        if fast.any():
            got = _fast_frames(con, texts.filter(fast), numbers.filter(fast))
            if got is None:
                fast = pl.Series([False] * texts.len())
            else:
                chunk.acc_parts.append(got[0])
                chunk.ev_parts.append(got[1])
    if fast.all():
        return
    slow = ~fast
    for ln, text in zip(numbers.filter(slow).to_list(), texts.filter(slow).to_list()):
        _python_line(ln, text, ln != last, col, chunk.acc, chunk.ev)


def _emit(chunk: _Chunk, rel_name: str, platform: str, col: C.Collector, seen: C.SeenKeys,
          out: C.ChunkOutput) -> None:
    """Validate the chunk's accounts and events, hand on its observations."""
    accounts, events = chunk.frames()
    if not accounts.height:
        out.write(None, 0)
        return

    # ---- account-level checks (vectorised)
    accounts = C.clean_columns(accounts, list(ACC_COLS))
    acc_checks = (
        [C.Check(pl.col("uid").is_null(), pl.lit("missing uid"))]
        + [C.formula_check(c) for c in FORMULA_ACCOUNT]
        + [C.length_check(c) for c in ACC_COLS]
    )
    accounts = accounts.with_columns(C.reasons_column(accounts, acc_checks))

    # ---- event-level checks (vectorised); a bad event quarantines its whole line
    events = C.clean_columns(events, list(EV_TEXT) + ["_ts"])
    events = events.with_columns(
        pl.coalesce(C.parse_text_times(events["_ts"]).alias("_t"), pl.col("_tsnum")).alias("_t"))
    w = pl.col("_where")
    ev_checks = [
        C.Check(pl.col("_ts").is_not_null() & pl.col("_t").is_null(),
                pl.format('unparseable {}ts "{}"', w, pl.col("_ts").str.slice(0, 60)))]
    for c in ("address", "poi", "ip_region"):
        f = C.formula_check(c)
        ev_checks.append(C.Check(f.cond, pl.format("spreadsheet formula in {}" + c, w), f.pre))
    for c in EV_TEXT:
        n = C.length_check(c)
        ev_checks.append(C.Check(n.cond, pl.format("field {}" + c + " is {} characters long", w,
                                                   pl.col(c).str.len_chars()), n.pre))
    events = events.with_columns(C.reasons_column(events, ev_checks))
    ev_bad = (events.filter(pl.col("_reason").is_not_null())
              .group_by("_line", maintain_order=True).agg(pl.col("_reason").first().alias("_ev_reason")))
    accounts = (accounts.join(ev_bad, on="_line", how="left", maintain_order="left")
                .with_columns(pl.coalesce("_reason", "_ev_reason").alias("_reason"))
                .drop("_ev_reason"))
    good = C.validate_and_split(accounts, [C.Check(pl.col("_reason").is_not_null(), pl.col("_reason"))],
                                key="uid", key_label="uid", col=col, seen=seen)

    # ---- observations
    events = events.filter(pl.col("_reason").is_null()).join(
        good.select("_line"), on="_line", how="semi", maintain_order="left")
    addr, poi = pl.col("address"), pl.col("poi")
    # A poi usually repeats the address's own place name behind a district ('柯桥区金色家园'
    # for '绍兴市柯桥区笛扬路金色家园'): compare without that prefix, or the place is named twice.
    poi_name = poi.str.replace(r"^.*?(?:省|市|区|县|旗)", "")
    place = (pl.when(addr.is_not_null() & poi.is_not_null()
                     & ~addr.str.contains(poi, literal=True)
                     & ~addr.str.contains(poi_name, literal=True))
             .then(pl.concat_str([addr, poi], separator=" "))
             .otherwise(pl.coalesce(addr, poi)))
    ev_rows = events.select(
        "_line", "_ord",
        pl.col("_kind").alias("event"),
        pl.col("_t").alias("event_time"),
        pl.when(pl.col("_kind") == "checkin").then(place).otherwise(pl.col("ip_region")).alias("address"),
    )
    profiles = good.join(ev_rows.select("_line").unique(), on="_line", how="anti", maintain_order="left").select(
        "_line", pl.lit(0, dtype=pl.Int64).alias("_ord"), pl.lit("profile").alias("event"),
        pl.lit(None, dtype=pl.Datetime("us")).alias("event_time"),
        pl.col("profile_region").alias("address"))
    # both in (_line, _ord) order, a profile's line has no events: merging keeps that order
    obs = ev_rows.merge_sorted(profiles, key="_line").join(
        good.drop("_raw"), on="_line", how="inner", maintain_order="left")
    rows = obs.select(
        pl.lit(SOURCE_KIND).alias("source_kind"),
        pl.lit(platform).alias("platform"),
        pl.lit(rel_name).alias("file"),
        pl.col("_line").alias("line"),
        pl.col("uid").alias("record_id"),
        "event", "event_time",
        pl.lit(None, dtype=pl.Datetime("us")).alias("order_time"),
        pl.col("uid").alias("account_id"),
        pl.col("real_name").alias("account_name"),
        pl.col("id_no").alias("account_id_no"),
        pl.col("phone").alias("account_phone"),
        pl.lit(None, dtype=pl.Utf8).alias("person_name"),
        pl.lit(None, dtype=pl.Utf8).alias("person_phone"),
        "address",
        pl.lit(None, dtype=pl.Utf8).alias("sign_type"),
        pl.lit(None, dtype=pl.Float64).alias("amount"),
        pl.lit(None, dtype=pl.Utf8).alias("category"),
        "nickname",
        pl.col("profile_region").alias("region_hint"),
    )
    out.write(rows, good.height)
