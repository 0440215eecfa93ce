"""Social account exports: ``social/<platform>_accounts_<YYYYMMDD>.jsonl`` (UTF-8).

One line = one account -> observations:
* one 'checkin' per geo_post: event_time = post ts (naive Beijing time), address =
  post address, else poi; when both are present and the address does not contain the
  poi text, "address poi" (joined by a space);
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
* A post or login whose ts is missing/null is kept with event_time null.
* Numbers where strings are expected (uid or phone exported as a number) become strings.
* Timestamps: ISO 8601 with '+08:00', 'Z', another offset, or none (taken as Beijing
  time); also 'YYYY/MM/DD HH:MM:SS' and Unix epoch numbers.
"""
from __future__ import annotations

import json
from pathlib import Path

import polars as pl

from . import common as C
from .schema import OBSERVATION_SCHEMA, AdapterResult

SOURCE_KIND = "social"

ACCOUNT_FIELDS = ("uid", "nickname", "real_name", "id_no", "phone", "profile_region")
FORMULA_ACCOUNT = ("uid", "real_name", "id_no", "phone", "profile_region")


class _Bad(Exception):
    pass


def _scalar(obj: dict, key: str, where: str) -> str | None:
    v = obj.get(key)
    if v is None:
        return None
    if isinstance(v, bool) or isinstance(v, (dict, list)):
        raise _Bad(f"{where}{key} has type {_json_type(v)}, expected a string")
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    s = C.clean_text(v)
    if s is not None and len(s) > C.MAX_FIELD_CHARS:
        raise _Bad(f"field {where}{key} is {len(s):,} characters long")
    return s


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


def _ts(obj: dict, where: str):
    v = obj.get("ts")
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    try:
        return C.parse_timestamp_py(v)
    except (ValueError, OverflowError, OSError):
        raise _Bad(f'unparseable {where}ts "{str(v)[:60]}"') from None


def _formula(value: str | None, label: str) -> None:
    if C.is_formula(value):
        raise _Bad(f"spreadsheet formula in {label}")


def _list(obj: dict, key: str) -> list:
    v = obj.get(key)
    if v is None:
        return []
    if not isinstance(v, list):
        raise _Bad(f"{key} has type {_json_type(v)}, expected an array")
    for i, e in enumerate(v):
        if not isinstance(e, dict):
            raise _Bad(f"{key}[{i}] has type {_json_type(e)}, expected an object")
    return v


def _account_events(obj: dict) -> tuple[dict, list[tuple]]:
    acc = {k: _scalar(obj, k, "") for k in ACCOUNT_FIELDS}
    if acc["uid"] is None:
        raise _Bad("missing uid")
    for k in FORMULA_ACCOUNT:
        _formula(acc[k], k)
    events = []   # (event, event_time, address)
    for i, post in enumerate(_list(obj, "geo_posts")):
        where = f"geo_posts[{i}]."
        t = _ts(post, where)
        addr = _scalar(post, "address", where)
        poi = _scalar(post, "poi", where)
        _formula(addr, where + "address")
        _formula(poi, where + "poi")
        if addr and poi and poi not in addr:
            place = f"{addr} {poi}"
        else:
            place = addr or poi
        events.append(("checkin", t, place))
    for i, login in enumerate(_list(obj, "logins")):
        where = f"logins[{i}]."
        t = _ts(login, where)
        region = _scalar(login, "ip_region", where)
        _scalar(login, "ip", where)   # type/length check only
        _formula(region, where + "ip_region")
        events.append(("login", t, region))
    if not events:
        events.append(("profile", None, acc["profile_region"]))
    return acc, events


def read(path: Path, *, rel_name: str, platform: str) -> AdapterResult:
    col = C.Collector(rel_name, SOURCE_KIND, platform)
    path = Path(path)
    out = {k: [] for k in ("line", "record_id", "event", "event_time", "account_id",
                           "account_name", "account_id_no", "account_phone", "address",
                           "nickname", "region_hint")}
    rows_read = kept = blank = gb_lines = 0
    seen: dict[str, int] = {}
    try:
        fh = open(path, "rb")
    except OSError as e:
        return C.error_result(rel_name, SOURCE_KIND, platform, f"cannot read file: {e}",
                              OBSERVATION_SCHEMA)
    with fh:
        head = fh.read(8192)
        why = C.sniff_binary(head)
        if why:
            return C.error_result(rel_name, SOURCE_KIND, platform, why, OBSERVATION_SCHEMA)
        fh.seek(0)
        for p in C.iter_physical_lines(fh):
            if p.too_long:
                rows_read += 1
                col.add(p.lineno, f"line longer than 1 MB ({p.too_long:,} bytes)",
                        p.data.decode("utf-8", "replace"))
                continue
            b = p.data
            if p.lineno == 1 and b.startswith(b"\xef\xbb\xbf"):
                b = b[3:]
            if not b.strip():
                blank += 1
                continue
            rows_read += 1
            try:
                text = b.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    text = b.decode("gb18030")
                    gb_lines += 1
                except UnicodeDecodeError:
                    col.add(p.lineno, "line is not valid UTF-8 text", b.decode("utf-8", "replace"))
                    continue
            try:
                obj = json.loads(text)
            except (ValueError, RecursionError):
                reason = "not valid JSON"
                if not p.ended:
                    reason += " (truncated last line?)"
                col.add(p.lineno, reason, text)
                continue
            if not isinstance(obj, dict):
                col.add(p.lineno, f"JSON {_json_type(obj)}, expected an object", text)
                continue
            try:
                acc, events = _account_events(obj)
            except _Bad as e:
                col.add(p.lineno, str(e), text)
                continue
            uid = acc["uid"]
            if uid in seen:
                col.add(p.lineno, f"duplicate uid within file (first on line {seen[uid]})", text)
                continue
            seen[uid] = p.lineno
            kept += 1
            for ev, t, addr in events:
                out["line"].append(p.lineno)
                out["record_id"].append(uid)
                out["event"].append(ev)
                out["event_time"].append(t)
                out["account_id"].append(uid)
                out["account_name"].append(acc["real_name"])
                out["account_id_no"].append(acc["id_no"])
                out["account_phone"].append(acc["phone"])
                out["address"].append(addr)
                out["nickname"].append(acc["nickname"])
                out["region_hint"].append(acc["profile_region"])

    if rows_read == 0:
        col.warnings.append("empty file: no account lines")
    if blank:
        col.warnings.append(f"{blank} blank line(s) skipped")
    if gb_lines:
        col.warnings.append(f"{gb_lines} line(s) were GB18030, not UTF-8; read as GB18030")
    n = len(out["line"])
    rows = pl.DataFrame(
        {
            "source_kind": [SOURCE_KIND] * n,
            "platform": [platform] * n,
            "file": [rel_name] * n,
            **{k: v for k, v in out.items()},
        },
        schema={k: OBSERVATION_SCHEMA[k] for k in
                ["source_kind", "platform", "file", *out.keys()]},
    )
    missing = [c for c in OBSERVATION_SCHEMA if c not in rows.columns]
    rows = rows.with_columns([pl.lit(None, dtype=OBSERVATION_SCHEMA[c]).alias(c) for c in missing])
    return C.finish(rel_name, SOURCE_KIND, platform, rows, [col.frame()], rows_read, kept,
                    col.warnings, OBSERVATION_SCHEMA)
