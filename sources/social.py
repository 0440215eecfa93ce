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
    for b in head.lstrip(b"\xef\xbb\xbf").split(b"\n")[:-1]:
        if b.strip():
            try:
                return type(json.loads(b.decode("utf-8"))) is dict
            except (ValueError, RecursionError):
                return False
    return False


def read(path: Path, *, rel_name: str, platform: str) -> AdapterResult:
    col = C.Collector(rel_name, SOURCE_KIND, platform)
    path = Path(path)
    acc = {k: [] for k in ("_line", "_raw", *ACC_COLS)}
    ev = {k: [] for k in ("_line", "_ord", "_kind", "_where", "_ts", "_tsnum", *EV_TEXT)}
    rows_read = blank = gb_lines = 0
    try:
        fh = open(path, "rb")
    except OSError as e:
        return C.error_result(rel_name, SOURCE_KIND, platform, f"cannot read file: {e}",
                              OBSERVATION_SCHEMA)
    with fh:
        head = fh.read(8192)
        why = C.sniff_binary(head)
        if why and not (why in C.GUESSES and _first_line_is_object(head)):
            return C.error_result(rel_name, SOURCE_KIND, platform, why, OBSERVATION_SCHEMA)
        fh.seek(0)
        src = fh
        if C.cr_line_ends(head):
            src = C.CrAsLf(fh)
            col.warnings.append(C.CR_WARNING)
        loads = json.loads
        for p in C.iter_physical_lines(src):
            ln = p.lineno
            if p.too_long:
                rows_read += 1
                col.add(ln, f"line longer than 1 MB ({p.too_long:,} bytes)",
                        p.data.decode("utf-8", "replace"))
                continue
            b = p.data
            if ln == 1 and b.startswith(b"\xef\xbb\xbf"):
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
                    col.add(ln, "line is not valid UTF-8 text", b.decode("utf-8", "replace"))
                    continue
            try:
                obj = loads(text)
            except (ValueError, RecursionError):
                col.add(ln, "not valid JSON" + ("" if p.ended else " (truncated last line?)"), text)
                continue
            if type(obj) is not dict:
                col.add(ln, f"JSON {_json_type(obj)}, expected an object", text)
                continue
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
                continue
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

    if rows_read == 0:
        col.warnings.append("empty file: no account lines")
    if blank:
        col.warnings.append(f"{blank} blank line(s) skipped")
    if gb_lines:
        col.warnings.append(f"{gb_lines} line(s) were GB18030, not UTF-8; read as GB18030")

    accounts = pl.DataFrame(acc, schema={"_line": pl.Int64, "_raw": pl.Utf8,
                                         **{k: pl.Utf8 for k in ACC_COLS}})
    events = pl.DataFrame(ev, schema={"_line": pl.Int64, "_ord": pl.Int64, "_kind": pl.Utf8,
                                      "_where": pl.Utf8, "_ts": pl.Utf8,
                                      "_tsnum": pl.Datetime("us"),
                                      **{k: pl.Utf8 for k in EV_TEXT}})
    del acc, ev

    # ---- account-level checks (vectorised)
    accounts = C.clean_columns(accounts, list(ACC_COLS))
    acc_reasons = (
        [pl.when(pl.col("uid").is_null()).then(pl.lit("missing uid"))]
        + [C.formula_reason_expr(c) for c in FORMULA_ACCOUNT]
        + [C.length_reason_expr(c) for c in ACC_COLS]
    )
    accounts = accounts.with_columns(C.combine_reasons(acc_reasons))

    # ---- event-level checks (vectorised); a bad event quarantines its whole line
    events = C.clean_columns(events, list(EV_TEXT) + ["_ts"])
    events = events.with_columns(
        pl.coalesce(C.parse_text_times(events["_ts"]).alias("_t"), pl.col("_tsnum")).alias("_t"))
    w = pl.col("_where")
    ev_reasons = [
        pl.when(pl.col("_ts").is_not_null() & pl.col("_t").is_null()).then(
            pl.format('unparseable {}ts "{}"', w, pl.col("_ts").str.slice(0, 60)))]
    for c in ("address", "poi", "ip_region"):
        ev_reasons.append(pl.when(pl.col(c).str.contains(C.FORMULA_RE)).then(
            pl.format("spreadsheet formula in {}" + c, w)))
    for c in EV_TEXT:
        ev_reasons.append(pl.when(pl.col(c).str.len_chars() > C.MAX_FIELD_CHARS).then(
            pl.format("field {}" + c + " is {} characters long", w, pl.col(c).str.len_chars())))
    events = events.with_columns(C.combine_reasons(ev_reasons))
    ev_bad = (events.filter(pl.col("_reason").is_not_null())
              .group_by("_line", maintain_order=True).agg(pl.col("_reason").first().alias("_ev_reason")))
    accounts = (accounts.join(ev_bad, on="_line", how="left", maintain_order="left")
                .with_columns(pl.coalesce("_reason", "_ev_reason").alias("_reason"))
                .drop("_ev_reason"))
    good = C.validate_and_split(accounts, [pl.col("_reason")], key="uid", key_label="uid", col=col)

    # ---- observations
    events = events.filter(pl.col("_reason").is_null()).join(
        good.select("_line"), on="_line", how="semi")
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
    profiles = good.join(ev_rows.select("_line").unique(), on="_line", how="anti").select(
        "_line", pl.lit(0, dtype=pl.Int64).alias("_ord"), pl.lit("profile").alias("event"),
        pl.lit(None, dtype=pl.Datetime("us")).alias("event_time"),
        pl.col("profile_region").alias("address"))
    obs = pl.concat([ev_rows, profiles], how="vertical").join(
        good.drop("_raw"), on="_line", how="inner").sort(["_line", "_ord"])
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
    return C.finish(rel_name, SOURCE_KIND, platform, rows, [col.frame()], rows_read, good.height,
                    col.warnings, OBSERVATION_SCHEMA)
