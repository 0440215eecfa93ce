"""Judges' CSV: BOM, Chinese headers, masked IDs, no formula cells, safe file names."""
import csv

import duckdb
import pytest

from publish import reports, warehouse


@pytest.mark.parametrize("value,expected", [
    ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
    ("+86 138", "'+86 138"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tcmd", "'\tcmd"),
    ("\r=1", "'\r=1"),
    ("浙江省杭州市", "浙江省杭州市"),
    (None, None),
])
def test_neutralise(value, expected):
    assert reports.neutralise(value) == expected


def test_mask_id_shows_first_six_and_last_four():
    assert reports.mask_id("33050219900101123X") == "330502********123X"
    assert reports.mask_id("123") == "***"


@pytest.mark.parametrize("court", ["../../etc/passwd", "a/b\\c", "..", "", "法院\x00名"])
def test_report_file_names_cannot_escape(court, tmp_path):
    stem = reports.safe_file_stem(court)
    assert "/" not in stem and "\\" not in stem and "\x00" not in stem and stem not in ("", ".", "..")
    assert (tmp_path / f"{stem}.csv").resolve().parent == tmp_path.resolve()


def _db_with_rows(tmp_path, address="=HYPERLINK(\"http://evil\")"):
    con = duckdb.connect(str(tmp_path / "r.duckdb"))
    warehouse.apply_ddl(con)
    con.execute("""INSERT INTO roster_cases (case_no, id_number, court, judge, name, status, amount_owed)
                   VALUES ('(2025)浙1003执1号', '33050219900101123X', '台州市黄岩区人民法院', '李法官', '@茹小明', '执行中', 1000),
                          ('(2024)浙1003执9号', '33050219900101123X', '台州市黄岩区人民法院', '李法官', '@茹小明', '执行完毕', 5)""")
    con.execute("INSERT INTO debtors (id_number, name) VALUES ('33050219900101123X', '@茹小明')")
    con.execute("""INSERT INTO locations (id_number, rank, kind, address, confidence, last_seen, n_observations, sources, place_key)
                   VALUES ('33050219900101123X', 1, 'residence', ?, 0.91, TIMESTAMP '2026-11-20 10:00:00', 3,
                           'ecommerce:shopA, logistics:sf', 'k1')""", [address])
    con.execute("""INSERT INTO contacts (id_number, rank, kind, value, confidence) VALUES
                   ('33050219900101123X', 1, 'phone', '13857101115', 0.9)""")
    return con


def test_report_has_bom_headers_and_no_formula_cells(tmp_path):
    con = _db_with_rows(tmp_path)
    written = reports.write_court_reports(con, tmp_path / "out", "run1")
    assert [w["court"] for w in written] == ["台州市黄岩区人民法院"]
    path = tmp_path / "out" / written[0]["file"]
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    header = rows[0]
    for col in ["案号", "被执行人", "证件号码", "排名", "类型", "地址", "可信度", "最近出现时间", "证据条数", "来源", "联系电话"]:
        assert col in header
    assert len(rows) == 2, "the concluded case must not appear"
    row = dict(zip(header, rows[1]))
    assert row["证件号码"] == "330502********123X"
    assert row["类型"] == "住所"
    assert row["联系电话"] == "13857101115"
    for cell in rows[1]:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert row["地址"].startswith("'=")
    assert written[0]["rows"] == 1 and len(written[0]["sha256"]) == 64
