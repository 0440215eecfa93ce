"""`locate explain ID_NUMBER`: read one debtor's places, phones and the links behind them."""
from __future__ import annotations

from pathlib import Path

import polars as pl

from linkage import explain, phones
from publish import warehouse

_OBS = ("o.source_kind, o.platform, o.file, o.line, o.record_id, o.event, o.event_time, o.account_name, "
        "o.account_id_no, o.account_phone, o.person_name, o.person_phone, o.address")


def explain_debtor(db: Path, id_number: str, max_rows: int = 5) -> str:
    if not Path(db).exists():
        raise FileNotFoundError(f"database not found: {db}")
    wanted = id_number.strip().upper()
    with warehouse.read_only(db) as con:
        debtor = warehouse.query(con, "SELECT * FROM debtors WHERE upper(id_number) = ?", [wanted])
        if debtor.height == 0:
            raise ValueError(f"no open debtor with ID number {id_number!r} in {db} "
                             "(organisations and concluded cases are not located)")
        d = debtor.row(0, named=True)
        key = [d["id_number"]]
        locations = warehouse.query(con, "SELECT * FROM locations WHERE id_number = ? ORDER BY kind, rank", key)
        contacts = warehouse.query(con, "SELECT * FROM contacts WHERE id_number = ? ORDER BY kind, rank", key)
        place_rows = warehouse.query(
            con, f"SELECT e.place_key, e.weight, k.probability, k.evidence, {_OBS} "
                 "FROM location_evidence e JOIN links k USING (id_number, obs_id) "
                 "JOIN observations o ON o.obs_id = e.obs_id WHERE e.id_number = ?", key)
        linked = warehouse.query(
            con, f"SELECT k.probability, k.evidence, k.via, {_OBS} "
                 "FROM links k JOIN observations o ON o.obs_id = k.obs_id WHERE k.id_number = ?", key)
        has_violations = con.execute("SELECT count(*) FROM information_schema.tables "
                                     "WHERE table_name = 'violations'").fetchall()[0][0]
        violation_rows = warehouse.query(
            con, f"SELECT v.case_no, v.ordered_at, v.category, v.rule, v.amount, k.probability, k.evidence, {_OBS} "
                 "FROM violations v JOIN links k USING (id_number, obs_id) JOIN observations o ON o.obs_id = v.obs_id "
                 "WHERE v.id_number = ? ORDER BY v.ordered_at, v.case_no", key) if has_violations else None
    # The phones of a link as the contacts table counts them: the account's phone when the
    # link went through the account, the parcel's otherwise.
    acc = phones.normalize_phones(linked["account_phone"])["digits"]
    rec = phones.normalize_phones(linked["person_phone"])["digits"]
    phone_rows = pl.concat([
        linked.with_columns(acc.alias("value")).filter(pl.col("via") == "account"),
        linked.with_columns(rec.alias("value")),
    ]).filter(pl.col("value").is_not_null()).unique(["value", "file", "line", "record_id", "event"])
    return explain.format_explanation(d, locations, place_rows, contacts, phone_rows.with_columns(pl.lit(None, pl.Float64).alias("weight")),
                                      max_rows, violation_rows)
