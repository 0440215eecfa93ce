"""Tests for the source adapters (sources/*.py) on small dirty synthetic fixtures.

Every result goes through ``check`` which asserts the invariants:
rows_read == rows_kept + rows_quarantined, exact output schemas, raw <= 500 chars.
"""
from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sources import common, ecommerce, inbox, logistics, roster, social
from sources.schema import OBSERVATION_SCHEMA, QUARANTINE_SCHEMA, ROSTER_SCHEMA

SAMPLES_INBOX = Path(__file__).resolve().parent.parent / "data" / "samples" / "inbox"

D = dt.datetime

# --------------------------------------------------------------------------- helpers


def check(res, schema=OBSERVATION_SCHEMA):
    assert res.rows_read == res.rows_kept + res.rows_quarantined, (
        res.rows_read, res.rows_kept, res.rows_quarantined)
    assert dict(res.rows.schema) == schema
    assert dict(res.quarantine.schema) == QUARANTINE_SCHEMA
    assert res.quarantine.height == res.rows_quarantined
    if res.error:
        assert res.rows_read == 0 and res.rows.height == 0
    if res.quarantine.height:
        assert res.quarantine["raw"].str.len_chars().max() <= 500
        assert res.quarantine["reason"].null_count() == 0
        assert (res.quarantine["file"] == res.file).all()
    if schema is OBSERVATION_SCHEMA and res.rows.height:
        assert res.rows["line"].null_count() == 0
        assert res.rows["line"].min() >= 1
    return res


def reasons(res) -> dict[int, str]:
    return dict(zip(res.quarantine["line"].to_list(), res.quarantine["reason"].to_list()))


EC_HEADER = ["订单编号", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人", "收货手机",
             "收货地址", "下单时间", "签收时间", "实付金额", "商品类目"]


def ec_row(oid="O1", buyer="B1", name="茹*明", idno="330502********1234", phone="138****5678",
           rname="茹先生", rphone="13800001111", addr="浙江省杭州市西湖区文三路1号2幢3单元501室",
           ordered="2026/11/20 10:00:00", signed="2026/11/21 12:00:00", amount="128.50",
           cat="家居日用"):
    return [oid, buyer, name, idno, phone, rname, rphone, addr, ordered, signed, amount, cat]


def csv_line(fields) -> str:
    out = []
    for f in fields:
        if any(c in f for c in ',"\n'):
            f = '"' + f.replace('"', '""') + '"'
        out.append(f)
    return ",".join(out)


def write_ec(tmp_path, rows, *, header=EC_HEADER, encoding="gb18030", name="shopA_orders_20261127.csv",
             eol="\r\n", final_eol=True, raw_lines=None) -> Path:
    lines = [csv_line(header)] + [r if isinstance(r, str) else csv_line(r) for r in rows]
    text = eol.join(lines) + (eol if final_eol else "")
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def read_ec(p: Path):
    return check(ecommerce.read(p, rel_name="ecommerce/" + p.name, platform="shopA"))


# --------------------------------------------------------------------------- ecommerce


def test_ecommerce_happy_path_mapping(tmp_path):
    p = write_ec(tmp_path, [ec_row(), ec_row(oid="O2", rphone="+86 138-0000-1111", amount="1,299.00")])
    res = read_ec(p)
    assert res.error is None and res.rows_read == 2 and res.rows_kept == 2
    r = res.rows.row(0, named=True)
    assert r == {
        "source_kind": "ecommerce", "platform": "shopA", "file": "ecommerce/" + p.name,
        "line": 2, "record_id": "O1", "event": "delivery",
        "event_time": D(2026, 11, 21, 12), "order_time": D(2026, 11, 20, 10),
        "account_id": "B1", "account_name": "茹*明", "account_id_no": "330502********1234",
        "account_phone": "138****5678", "person_name": "茹先生", "person_phone": "13800001111",
        "address": "浙江省杭州市西湖区文三路1号2幢3单元501室", "sign_type": None,
        "amount": 128.5, "category": "家居日用", "nickname": None, "region_hint": None,
    }
    r2 = res.rows.row(1, named=True)
    assert r2["person_phone"] == "+86 138-0000-1111"   # '+' followed by a digit is not a formula
    assert r2["amount"] == 1299.0


def test_ecommerce_header_in_full_width_or_with_zero_width_characters(tmp_path):
    """A header retyped by hand: '买家ＩＤ' in full-width letters, a zero-width space in
    '收货\u200b地址' and spaces around a name still name the spec's columns."""
    src = SAMPLES_INBOX / "ecommerce" / "shopA_orders_20261127.csv"
    text = src.read_bytes().decode("gb18030")
    head, body = text.split("\n", 1)
    assert head.startswith("订单编号,买家ID,") and "收货地址" in head
    typed = head.replace("买家ID", "买家ＩＤ").replace("收货地址", "收货\u200b地址").replace("实付金额", " 实付金额 ")
    p = tmp_path / "ecommerce" / "shopA_orders_20261127.csv"
    p.parent.mkdir()
    p.write_bytes((typed + "\n" + body).encode("gb18030"))
    res, ref = read_ec(p), read_ec(src)
    assert ref.rows_kept > 100 and res.error is None
    assert res.rows.drop("file").equals(ref.rows.drop("file"))
    assert res.rows["account_id"].drop_nulls().len() == ref.rows["account_id"].drop_nulls().len() > 100


def test_ecommerce_undelivered_uses_order_time(tmp_path):
    res = read_ec(write_ec(tmp_path, [ec_row(signed="")]))
    assert res.rows_kept == 1
    assert res.rows["event_time"][0] == D(2026, 11, 20, 10)
    assert any("not delivered" in w for w in res.warnings)


def test_ecommerce_quoted_comma_newline_and_physical_lines(tmp_path):
    rows = [ec_row(oid="O1", addr="杭州市西湖区\n文三路\n1号", rname="茹,先生"),
            ec_row(oid="O2", rname='阿"三"'),
            ec_row(oid="O3")]
    res = read_ec(write_ec(tmp_path, rows))
    assert res.rows_kept == 3
    assert res.rows["line"].to_list() == [2, 5, 6]
    assert res.rows["address"][0] == "杭州市西湖区 文三路 1号"
    assert res.rows["person_name"].to_list()[:2] == ["茹,先生", '阿"三"']


def test_ecommerce_fully_quoted_lines(tmp_path):
    quoted = lambda r: ",".join('"' + f + '"' for f in r)   # noqa: E731
    rows = [quoted(ec_row(oid="O1", addr="杭州市,西湖区")), quoted(ec_row(oid="O2", signed="")),
            quoted(ec_row(oid="O3")) + ',"x"', '"O4","' + '","'.join(ec_row()[1:]) + '"',
            quoted(ec_row(oid="O5", rname="a\nb")), quoted(ec_row(oid="O6")[:11])]
    res = read_ec(write_ec(tmp_path, rows))
    assert res.rows["record_id"].to_list() == ["O1", "O2", "O4", "O5"]
    assert res.rows["line"].to_list() == [2, 3, 5, 6]
    assert res.rows["address"][0] == "杭州市,西湖区" and res.rows["amount"][2] == 128.5
    assert res.rows["person_name"][3] == "a b"
    assert reasons(res) == {4: "expected 12 fields, found 13", 8: "expected 12 fields, found 11"}


def test_ecommerce_missing_and_extra_columns(tmp_path):
    rows = [ec_row(oid="O1"), ec_row(oid="O2")[:-1], ec_row(oid="O3") + ["x"], ec_row(oid="O4")]
    res = read_ec(write_ec(tmp_path, rows))
    assert res.rows["record_id"].to_list() == ["O1", "O4"]
    assert reasons(res) == {3: "expected 12 fields, found 11", 4: "expected 12 fields, found 13"}


def test_ecommerce_truncated_last_line(tmp_path):
    good = csv_line(ec_row(oid="O1"))
    cut = csv_line(ec_row(oid="O2"))[:40]
    p = tmp_path / "shopA_orders_20261127.csv"
    p.write_bytes(("\r\n".join([csv_line(EC_HEADER), good, cut])).encode("gb18030"))
    res = read_ec(p)
    assert res.rows_kept == 1
    assert reasons(res)[3].startswith("truncated last line: expected 12 fields, found")


def test_ecommerce_truncated_inside_multibyte_char_and_open_quote(tmp_path):
    body = (csv_line(EC_HEADER) + "\n" + csv_line(ec_row(oid="O1")) + "\n").encode("gb18030")
    p = tmp_path / "shopA_orders_20261127.csv"
    p.write_bytes(body + "O2,B1,茹".encode("gb18030")[:-1])   # half a character
    res = read_ec(p)
    assert res.rows_kept == 1 and res.rows_quarantined == 1 and 3 in reasons(res)
    p.write_bytes(body + 'O3,B1,"茹先生,13'.encode("gb18030"))   # quote never closed
    res = read_ec(p)
    assert res.rows_kept == 1 and reasons(res) == {3: "truncated last line (quoted field never closed)"}


def test_ecommerce_gb18030_file_with_its_byte_order_mark_is_read_whole(tmp_path):
    # GB18030 has a BOM of its own (U+FEFF as 84 31 95 33); left on the header it kept the
    # first column's quotes, and the whole file was refused for lacking 订单编号.
    quoted_header = ",".join(f'"{h}"' for h in EC_HEADER)
    text = "\r\n".join([quoted_header, csv_line(ec_row(oid="O1")), csv_line(ec_row(oid="O2"))]) + "\r\n"
    p = tmp_path / "shopA_orders_20261127.csv"
    p.write_bytes("\ufeff".encode("gb18030") + text.encode("gb18030"))
    res = read_ec(p)
    assert res.error is None and res.rows_kept == 2 and res.rows_quarantined == 0
    assert res.rows["record_id"].to_list() == ["O1", "O2"]
    assert not any("GB18030" in w for w in res.warnings)


def test_ecommerce_unterminated_quote_mid_file_loses_one_line_only(tmp_path):
    rows = [ec_row(oid="O1"), 'O2,B1,"broken,x'] + [ec_row(oid=f"O{i}") for i in range(3, 8)]
    res = read_ec(write_ec(tmp_path, rows))
    # the open quote swallows the rest until the end, then backs off line by line
    assert res.rows["record_id"].to_list() == ["O1", "O3", "O4", "O5", "O6", "O7"]
    assert reasons(res) == {3: "quoted field opened here is never closed"}


def test_ecommerce_shuffled_header_mapped_by_name(tmp_path):
    order = list(reversed(range(12)))
    header = [EC_HEADER[i] for i in order]
    row = ec_row()
    res = read_ec(write_ec(tmp_path, [[row[i] for i in order]], header=header))
    assert res.rows["record_id"][0] == "O1" and res.rows["address"][0] == row[7]
    assert res.rows["event_time"][0] == D(2026, 11, 21, 12)


def test_ecommerce_missing_required_columns_is_file_error(tmp_path):
    header = [h for h in EC_HEADER if h not in ("收货地址", "签收时间")]
    res = read_ec(write_ec(tmp_path, [ec_row()[:10]], header=header))
    assert res.error and "收货地址" in res.error and "签收时间" in res.error
    assert res.rows_read == 0


def test_ecommerce_optional_column_absent_and_unknown_column(tmp_path):
    header = [h for h in EC_HEADER if h != "商品类目"] + ["备注"]
    row = ec_row()[:11] + ["note"]
    res = read_ec(write_ec(tmp_path, [row], header=header))
    assert res.rows_kept == 1 and res.rows["category"][0] is None
    assert any("商品类目" in w for w in res.warnings) and any("备注" in w for w in res.warnings)


def test_ecommerce_empty_and_header_only(tmp_path):
    p = tmp_path / "shopA_orders_20261127.csv"
    p.write_bytes(b"")
    res = read_ec(p)
    assert res.error is None and res.rows_read == 0 and res.warnings
    res = read_ec(write_ec(tmp_path, []))
    assert res.error is None and res.rows_read == 0 and any("header only" in w for w in res.warnings)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_ecommerce_utf8_file_read_with_warning(tmp_path, encoding):
    res = read_ec(write_ec(tmp_path, [ec_row()], encoding=encoding))
    assert res.rows_kept == 1 and res.rows["person_name"][0] == "茹先生"
    assert any("UTF-8" in w for w in res.warnings)


def test_ecommerce_utf8_line_inside_gb18030_file(tmp_path):
    p = write_ec(tmp_path, [ec_row(oid="O1")])
    with open(p, "ab") as fh:
        fh.write((csv_line(ec_row(oid="O2", rname="王女士")) + "\r\n").encode("utf-8"))
    res = read_ec(p)
    assert res.rows["person_name"].to_list() == ["茹先生", "王女士"]
    assert any("UTF-8" in w for w in res.warnings)


def test_ecommerce_gb18030_bytes_that_are_valid_utf8_stay_gb18030(tmp_path):
    # b'\xd6\xa3*\xd3\xa2' is '郑*英' in GB18030 and also valid UTF-8 ('֣*Ӣ')
    assert "郑*英".encode("gb18030").decode("utf-8") == "֣*Ӣ"
    p = write_ec(tmp_path, [ec_row(oid="O1")])
    with open(p, "ab") as fh:
        fh.write((csv_line(ec_row(oid="O2", name="郑*英", rname="zhengying", addr="x",
                                  cat="")) + "\r\n").encode("gb18030"))
        fh.write("O3,B1,郑*英".encode("gb18030"))     # truncated last line, alone in its block
    res = read_ec(p)
    assert res.rows["account_name"].to_list() == ["茹*明", "郑*英"]
    assert "郑*英" in res.quarantine["raw"][0]
    assert not any("UTF-8" in w for w in res.warnings)
    assert common.looks_utf8("王女士,杭州") and not common.looks_utf8("֣*Ӣ")


def _also_gb18030(line: str) -> bool:
    """Do the UTF-8 bytes of ``line`` decode as GB18030 without an error (as mojibake)?"""
    try:
        return line.encode("utf-8").decode("gb18030") != line
    except UnicodeDecodeError:
        return False


def test_ecommerce_utf8_line_that_also_decodes_as_gb18030_is_read_as_utf8(tmp_path):
    # The UTF-8 bytes of these lines are valid GB18030 too: the block decodes without an
    # error, so only the bytes tell the lines apart (王敏 was read as 鐜嬫晱).
    o2 = csv_line(ec_row(oid="O2", name="王敏", rname="王敏", addr="义乌市万科苑西门菜鸟驿站"))
    o3 = csv_line(ec_row(oid="O3", name="热合曼·买买提", rname="热合曼·买买提", addr="义乌市万科苑西门菜鸟驿站"))
    assert _also_gb18030(o2 + "\r\n") and _also_gb18030(o3 + "\r\n")
    p = write_ec(tmp_path, [ec_row(oid="O1")])
    with open(p, "ab") as fh:
        fh.write((o2 + "\r\n").encode("utf-8"))
        fh.write((o3 + "\r\n").encode("utf-8"))
        fh.write((csv_line(ec_row(oid="O4", rname="王女士")) + "\r\n").encode("gb18030"))
        fh.write(o3.replace("O3", "O5").encode("utf-8"))    # a last line without a line break
    res = read_ec(p)
    assert res.rows_read == 5 and res.rows_kept == 5
    assert res.rows["record_id"].to_list() == ["O1", "O2", "O3", "O4", "O5"]
    assert res.rows["person_name"].to_list() == ["茹先生", "王敏", "热合曼·买买提", "王女士", "热合曼·买买提"]
    assert res.rows["account_name"].to_list() == ["茹*明", "王敏", "热合曼·买买提", "茹*明", "热合曼·买买提"]
    assert res.rows["address"].to_list() == (["浙江省杭州市西湖区文三路1号2幢3单元501室"]
                                             + ["义乌市万科苑西门菜鸟驿站"] * 2
                                             + ["浙江省杭州市西湖区文三路1号2幢3单元501室",
                                                "义乌市万科苑西门菜鸟驿站"])
    assert res.rows["category"].to_list() == ["家居日用"] * 5
    assert "3 line(s) were not GB18030 but decoded as UTF-8; read as such" in res.warnings


def test_ecommerce_utf8_block_with_a_middle_dot_name_is_read_as_utf8(tmp_path):
    # every line after the GB18030 header is UTF-8: one block, decoded as UTF-8 as a whole;
    # '·' (U+00B7, two bytes in UTF-8) in a Uyghur name must not turn it into GB18030 mojibake
    p = write_ec(tmp_path, [])
    rows = [ec_row(oid="O1", name="热合曼·买买提", rname="热合曼·买买提", addr="义乌市万科苑西门菜鸟驿站"),
            ec_row(oid="O2", name="王敏", rname="王敏", addr="义乌市万科苑西门菜鸟驿站")]
    body = "".join(csv_line(r) + "\r\n" for r in rows)
    assert _also_gb18030(body)
    with open(p, "ab") as fh:
        fh.write(body.encode("utf-8"))
    res = read_ec(p)
    assert res.rows["person_name"].to_list() == ["热合曼·买买提", "王敏"]
    assert res.rows["account_name"].to_list() == ["热合曼·买买提", "王敏"]
    assert res.rows["address"].to_list() == ["义乌市万科苑西门菜鸟驿站"] * 2
    assert "2 line(s) were not GB18030 but decoded as UTF-8; read as such" in res.warnings


def test_looks_utf8_allows_a_few_two_byte_characters():
    assert common.looks_utf8("热合曼·买买提,义乌市万科苑西门菜鸟驿站")
    assert common.looks_utf8("阿卜杜·热合曼") and common.looks_utf8("2×3米的纸箱,25°C")
    assert not common.looks_utf8("֣*Ӣ")            # GB18030 '郑*英' read as UTF-8
    assert not common.looks_utf8("José,Zürich")     # no CJK: not told apart from GB18030 bytes
    assert not common.looks_utf8("֣Ӣ中")            # as many 2-byte characters as CJK ones


def test_ecommerce_undecodable_line_quarantined(tmp_path):
    p = write_ec(tmp_path, [ec_row(oid="O1")])
    with open(p, "ab") as fh:
        fh.write(b"O2,B1,\x80\xff\xfe,x,y\r\n")
        fh.write((csv_line(ec_row(oid="O3")) + "\r\n").encode("gb18030"))
    res = read_ec(p)
    assert res.rows["record_id"].to_list() == ["O1", "O3"]
    assert "not valid GB18030" in reasons(res)[3]


@pytest.mark.parametrize("content,word", [
    (b"\x00\x01\x02\x03binary\x00" * 100, "binary"),
    ("订单编号,买家ID".encode("utf-16"), "UTF-16"),
    (b"PK\x03\x04" + b"\x00" * 100, "zip"),
    (b"\x81\x30\xff\xff,\xfe\xfe\n", "encoding"),
])
def test_ecommerce_binary_or_undecodable_is_file_error(tmp_path, content, word):
    p = tmp_path / "shopA_orders_20261127.csv"
    p.write_bytes(content)
    res = read_ec(p)
    assert res.error and word in res.error and res.rows_read == 0


def test_ecommerce_unparseable_dates_quarantined_empty_sign_time_kept(tmp_path):
    rows = [ec_row(oid="O1", signed="2026/13/45 99:00:00"), ec_row(oid="O2", ordered="yesterday"),
            ec_row(oid="O3", ordered="", signed=""), ec_row(oid="O4", signed=""),
            ec_row(oid="O5", signed="2026-11-21 12:00:00")]
    res = read_ec(write_ec(tmp_path, rows))
    assert res.rows["record_id"].to_list() == ["O4", "O5"]
    r = reasons(res)
    assert r[2] == 'unparseable 签收时间 "2026/13/45 99:00:00"'
    assert r[3] == 'unparseable 下单时间 "yesterday"'
    assert r[4] == "empty 下单时间"


def test_ecommerce_unparseable_amount_is_quarantined(tmp_path):
    res = read_ec(write_ec(tmp_path, [ec_row(amount="abc"), ec_row(oid="O2", amount="¥1,234.50元"),
                                      ec_row(oid="O3", amount="-12.5"), ec_row(oid="O4", amount="一百二十"),
                                      ec_row(oid="O5", amount="")]))
    assert res.rows["record_id"].to_list() == ["O2", "O3", "O5"]
    assert res.rows["amount"].to_list() == [1234.5, -12.5, None]      # empty: missing, not unparseable
    assert reasons(res) == {2: 'unparseable 实付金额 "abc"', 5: 'unparseable 实付金额 "一百二十"'}


def test_ecommerce_formula_injection(tmp_path):
    rows = [ec_row(oid="O1", addr='=HYPERLINK("http://x","点我")'),
            ec_row(oid="O2", rname="@SUM(A1)"),
            ec_row(oid="O3", rname="-"),
            ec_row(oid="O4", rphone="+cmd|' /C calc'!A0"),
            ec_row(oid="O5", cat="=1+1"),            # free text: kept as is
            ec_row(oid="O6", rphone="+86 13800001111", idno="  =1"),
            ec_row(oid="O7", rname=" -2+3"),          # in a name, '-' or '+' before a digit is a formula too
            ec_row(oid="O8", rname="+86abc"),
            ec_row(oid="O9", rphone="-2+3")]          # in a phone field it is not ('+86 138...')
    res = read_ec(write_ec(tmp_path, rows))
    assert res.rows["record_id"].to_list() == ["O5", "O9"]
    assert res.rows["category"][0] == "=1+1"
    r = reasons(res)
    assert r[2] == "spreadsheet formula in 收货地址"
    assert r[3] == "spreadsheet formula in 收货人"
    assert r[4] == "spreadsheet formula in 收货人"
    assert r[5] == "spreadsheet formula in 收货手机"
    assert r[7] == "spreadsheet formula in 实名证件号"
    assert r[8] == r[9] == "spreadsheet formula in 收货人"


def test_ecommerce_control_characters_removed(tmp_path):
    res = read_ec(write_ec(tmp_path, [ec_row(rname="茹\x00先\x07生\u200b", addr="\t文三路\x1b1号 ")]))
    assert res.rows_kept == 1
    assert res.rows["person_name"][0] == "茹先生" and res.rows["address"][0] == "文三路1号"


def test_ecommerce_long_field_quarantined_and_raw_cut(tmp_path):
    res = read_ec(write_ec(tmp_path, [ec_row(addr="路" * 1500), ec_row(oid="O2")]))
    assert res.rows["record_id"].to_list() == ["O2"]
    assert reasons(res)[2] == "field 收货地址 is 1,500 characters long"
    assert res.quarantine["raw"].str.len_chars()[0] == 500


def test_ecommerce_line_longer_than_1mb(tmp_path):
    huge = csv_line(ec_row(oid="O2", addr="x" * (1 << 20 + 1)))
    res = read_ec(write_ec(tmp_path, [ec_row(oid="O1"), huge, ec_row(oid="O3")]))
    assert res.rows["record_id"].to_list() == ["O1", "O3"]
    assert res.rows["line"].to_list() == [2, 4]
    assert reasons(res)[3].startswith("line longer than 1 MB")


def test_ecommerce_duplicates_within_file(tmp_path):
    rows = [ec_row(oid="O1", signed="bad"), ec_row(oid="O1"), ec_row(oid="O1", rname="另一个"),
            ec_row(oid="O2")]
    res = read_ec(write_ec(tmp_path, rows))
    # the first VALID copy is kept
    assert res.rows["line"].to_list() == [3, 5]
    assert reasons(res)[4] == "duplicate 订单编号 within file (first on line 3)"


def test_ecommerce_blank_lines_repeated_header_lf_endings(tmp_path):
    rows = [ec_row(oid="O1"), "", csv_line(EC_HEADER), ec_row(oid="O2")]
    res = read_ec(write_ec(tmp_path, rows, eol="\n", final_eol=False))
    assert res.rows["line"].to_list() == [2, 5]
    assert reasons(res) == {4: "header line repeated inside the file"}
    assert any("blank" in w for w in res.warnings)


@pytest.mark.parametrize("final_eol", [True, False])
def test_ecommerce_block_boundaries_do_not_change_results(tmp_path, monkeypatch, final_eol):
    """The reader decodes ~4 MB blocks; the same dirty file read with tiny blocks (every
    record, quote and multi-byte character split across blocks) must give the same result."""
    quoted = lambda r: ",".join('"' + f + '"' for f in r)   # noqa: E731
    rows = [ec_row(oid="O1"), ec_row(oid="O2", addr="杭州\n西湖\n文三路"), ec_row(oid="O3")[:5], "",
            quoted(ec_row(oid="O4")), 'O5,B1,"broken', ec_row(oid="O6", rname="=x"),
            ec_row(oid="O7", addr="路" * 1200), ec_row(oid="O1"), ec_row(oid="O8", signed="bad"),
            ec_row(oid="O9", addr="x" * 3000), ec_row(oid="O10")]
    p = write_ec(tmp_path, rows, final_eol=final_eol)
    with open(p, "ab") as fh:   # an undecodable line and a UTF-8 line in the GB18030 file
        fh.write(("\r\n" if not final_eol else "").encode() + b"O11,\xff\xfe\r\n"
                 + csv_line(ec_row(oid="O12", rname="王女士")).encode("utf-8"))
    monkeypatch.setattr(common, "MAX_LINE_BYTES", 2000)
    expected = read_ec(p)
    assert expected.rows["record_id"].to_list() == ["O1", "O2", "O4", "O10", "O12"]
    assert expected.rows["person_name"][-1] == "王女士"
    assert reasons(expected)[14].startswith("line longer than 1 MB")
    for block in (5, 16, 77, 300, 4096):
        monkeypatch.setattr(common, "BLOCK_BYTES", block)
        got = read_ec(p)
        assert got.rows.equals(expected.rows), block
        assert got.quarantine.equals(expected.quarantine), block
        assert got.rows_read == expected.rows_read


def test_ecommerce_empty_order_id_and_totals_row_quarantined(tmp_path):
    res = read_ec(write_ec(tmp_path, [ec_row(oid=" "), ",,,,,,,,,,,", "合计,,,,,,,,,,644682.87,"]))
    assert res.rows_kept == 0 and reasons(res)[2].startswith("empty 订单编号")
    assert reasons(res)[4] == "summary row (合计), not an order"


# --------------------------------------------------------------------------- roster

RO_HEADER = ["案号", "执行法院", "承办人", "被执行人", "证件类型", "证件号码", "联系电话", "户籍地址",
             "执行标的", "立案日期", "限制消费", "失信", "案件状态"]


def ro_row(case="(2025)浙1003执1234号", court="台州市黄岩区人民法院", judge="王法官", name="茹某明",
           idt="居民身份证", idno="33050219800101123x", phones="13857101115；0571-87054420",
           addr="浙江省湖州市吴兴区某路1号", amount="1,234,567.80", filed="2025-03-04",
           restricted="是", blacklisted="否", status="执行中"):
    return [case, court, judge, name, idt, idno, phones, addr, amount, filed, restricted,
            blacklisted, status]


def write_ro(tmp_path, rows, *, encoding="utf-8-sig", name="roster_20261127.csv", header=RO_HEADER):
    text = "\r\n".join([csv_line(header)] + [csv_line(r) for r in rows]) + "\r\n"
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def read_ro(p):
    return check(roster.read(p, rel_name="debtors/" + p.name, platform="roster"), ROSTER_SCHEMA)


def test_roster_happy_path(tmp_path):
    rows = [ro_row(),
            ro_row(case="(2024)浙0102执5号", name="某某贸易有限公司", idt="统一社会信用代码",
                   idno="91330100MA2XXXXX0Y", amount="５，０００元", phones="", restricted="否",
                   blacklisted="是", status="终本")]
    res = read_ro(write_ro(tmp_path, rows))
    assert res.rows_kept == 2
    r = res.rows.row(0, named=True)
    assert r == {"file": "debtors/roster_20261127.csv", "line": 2, "case_no": "(2025)浙1003执1234号",
                 "court": "台州市黄岩区人民法院", "judge": "王法官", "name": "茹某明",
                 "id_type": "居民身份证", "id_number": "33050219800101123X",
                 "phones": "13857101115；0571-87054420", "hukou_address": "浙江省湖州市吴兴区某路1号",
                 "amount_owed": 1234567.8, "filed_on": dt.date(2025, 3, 4), "restricted": True,
                 "blacklisted": False, "status": "执行中"}
    r2 = res.rows.row(1, named=True)
    assert r2["amount_owed"] == 5000.0 and r2["phones"] is None and r2["blacklisted"] is True


def test_roster_without_bom_and_gb18030_fallback(tmp_path):
    res = read_ro(write_ro(tmp_path, [ro_row()], encoding="utf-8"))
    assert res.rows_kept == 1 and not res.warnings
    res = read_ro(write_ro(tmp_path, [ro_row()], encoding="gb18030"))
    assert res.rows_kept == 1 and res.rows["name"][0] == "茹某明"
    assert any("GB18030" in w for w in res.warnings)


def test_roster_bad_rows_quarantined(tmp_path):
    rows = [ro_row(case="C1", amount="一百万"), ro_row(case="C2", filed="2025-02-30"),
            ro_row(case="C3", status="已结案"), ro_row(case="C4", idno="3305021980"),
            ro_row(case="C5", name="=HYPERLINK(\"x\")"), ro_row(case="C6", amount=""),
            ro_row(case="C7", restricted="maybe"), ro_row(case="C8", idno=" 3305021980010112 3x "),
            ro_row(case="C9")[:12]]
    res = read_ro(write_ro(tmp_path, rows))
    assert res.rows["case_no"].to_list() == ["C7", "C8"]
    assert res.rows["restricted"][0] is None and res.rows["id_number"][1] == "33050219800101123X"
    r = reasons(res)
    assert r[2] == 'unparseable 执行标的 "一百万"'
    assert r[3] == 'unparseable 立案日期 "2025-02-30"'
    assert r[4] == 'unknown 案件状态 "已结案"'
    assert r[5] == 'invalid 证件号码 for 居民身份证 "3305021980"'
    assert r[6] == "spreadsheet formula in 被执行人"
    assert r[7] == "empty 执行标的"
    assert r[10] == "expected 13 fields, found 12"
    assert any("限制消费" in w for w in res.warnings)


def test_roster_duplicates_and_missing_columns(tmp_path):
    rows = [ro_row(), ro_row(idno="33050219800101123X"), ro_row(case="other")]
    res = read_ro(write_ro(tmp_path, rows))
    assert res.rows["line"].to_list() == [2, 4]
    assert reasons(res)[3].startswith("duplicate (案号, 证件号码) within file")
    res = read_ro(write_ro(tmp_path, [ro_row()[:-1]], header=RO_HEADER[:-1]))
    assert res.error and "案件状态" in res.error


def test_roster_empty(tmp_path):
    p = tmp_path / "r.csv"
    p.write_bytes(b"\xef\xbb\xbf")
    res = read_ro(p)
    assert res.error is None and res.rows_read == 0 and res.warnings


# --------------------------------------------------------------------------- social


def acct(uid="wb_1", **kw):
    a = {"uid": uid, "nickname": "海边的小茹", "real_name": "茹某明", "id_no": "330502********1234",
         "phone": "13857101115", "profile_region": "浙江 绍兴",
         "logins": [{"ts": "2026-11-20T21:33:00+08:00", "ip": "115.236.10.7", "ip_region": "浙江省绍兴市"}],
         "geo_posts": [{"ts": "2026-11-02T19:05:00+08:00", "poi": "金色家园",
                        "address": "绍兴市柯桥区笛扬路金色家园"}]}
    a.update(kw)
    return a


def write_jsonl(tmp_path, lines, name="weibo_accounts_20261127.jsonl", final_eol=True) -> Path:
    text = "\n".join(l if isinstance(l, str) else json.dumps(l, ensure_ascii=False) for l in lines)
    p = tmp_path / name
    p.write_bytes((text + ("\n" if final_eol else "")).encode("utf-8"))
    return p


def read_so(p):
    return check(social.read(p, rel_name="social/" + p.name, platform="weibo"))


def test_social_events_and_time_zones(tmp_path):
    a = acct(geo_posts=[
        {"ts": "2026-11-02T19:05:00+08:00", "poi": "金色家园", "address": "绍兴市柯桥区笛扬路金色家园"},
        {"ts": "2026-11-02T11:05:00Z", "poi": "万达广场", "address": "绍兴市柯桥区"},
        {"ts": "2026-11-03 08:00:00", "poi": "鲁迅故里", "address": None},
        {"ts": None, "address": "杭州市西湖区"}],
        logins=[{"ts": "2026-11-20T13:33:00+00:00", "ip_region": "浙江省绍兴市"}])
    res = read_so(write_jsonl(tmp_path, [a]))
    assert res.rows_kept == 1 and res.rows_read == 1
    rows = res.rows.to_dicts()
    assert [r["event"] for r in rows] == ["checkin"] * 4 + ["login"]
    assert [r["event_time"] for r in rows] == [D(2026, 11, 2, 19, 5), D(2026, 11, 2, 19, 5),
                                               D(2026, 11, 3, 8), None, D(2026, 11, 20, 21, 33)]
    assert [r["address"] for r in rows] == ["绍兴市柯桥区笛扬路金色家园", "绍兴市柯桥区 万达广场",
                                            "鲁迅故里", "杭州市西湖区", "浙江省绍兴市"]
    r = rows[0]
    assert (r["record_id"], r["account_id"], r["account_name"], r["account_id_no"], r["account_phone"],
            r["nickname"], r["region_hint"], r["line"], r["source_kind"], r["platform"]) == (
        "wb_1", "wb_1", "茹某明", "330502********1234", "13857101115", "海边的小茹", "浙江 绍兴", 1,
        "social", "weibo")


def test_social_account_without_events_yields_profile(tmp_path):
    res = read_so(write_jsonl(tmp_path, [{"uid": 42, "phone": 13857101115, "profile_region": "浙江 杭州",
                                          "logins": None}]))
    assert res.rows.height == 1
    r = res.rows.row(0, named=True)
    assert (r["event"], r["address"], r["account_id"], r["account_phone"], r["event_time"]) == (
        "profile", "浙江 杭州", "42", "13857101115", None)


def test_social_bad_lines_quarantined_good_kept(tmp_path):
    lines = [acct("u1"), "{not json", "[1, 2]", acct("u2", logins="yesterday"),
             acct("u3", geo_posts=["绍兴"]), acct("u4", geo_posts=[{"ts": "2026-13-45T99:00", "poi": "x"}]),
             acct("u5", real_name="=HYPERLINK(\"x\")"), acct("u6", nickname="=1+1"),
             acct("u1"), {"nickname": "no uid"}, acct("u7", phone={"a": 1}),
             acct("u8", geo_posts=[{"ts": "2026-11-02T19:05:00", "address": "路" * 1200}]),
             "", "   ", acct("u9")]
    res = read_so(write_jsonl(tmp_path, lines))
    assert res.rows_read == 13 and res.rows_kept == 3
    assert res.rows["account_id"].unique(maintain_order=True).to_list() == ["u1", "u6", "u9"]
    assert res.rows.filter(pl.col("account_id") == "u6")["nickname"][0] == "=1+1"
    r = reasons(res)
    assert r[2] == "not valid JSON"
    assert r[3] == "JSON array, expected an object"
    assert r[4] == "logins has type string, expected an array"
    assert r[5] == "geo_posts[0] has type string, expected an object"
    assert r[6] == 'unparseable geo_posts[0].ts "2026-13-45T99:00"'
    assert r[7] == "spreadsheet formula in real_name"
    assert r[9] == "duplicate uid within file (first on line 1)"
    assert r[10] == "missing uid"
    assert r[11] == "phone has type object, expected a string"
    assert r[12] == "field geo_posts[0].address is 1,200 characters long"


def test_social_array_field_encoded_as_a_json_string(tmp_path):
    # Some exporters encode nested fields twice: the string holds the array.  The account
    # and its check-ins are kept; a string that is no array is still refused.
    posts = [{"ts": "2026-11-02T19:05:00.123456789+08:00", "poi": "小公园", "address": "汕头市金平区小公园"}]
    lines = [acct("u1", geo_posts=json.dumps(posts, ensure_ascii=False), logins=""),
             acct("u2", geo_posts="null"), acct("u3", geo_posts="[1, 2]"), acct("u4", logins="yesterday")]
    res = read_so(write_jsonl(tmp_path, lines))
    assert res.rows["account_id"].unique(maintain_order=True).to_list() == ["u1", "u2"]
    u1 = res.rows.filter(pl.col("account_id") == "u1")
    checkin = u1.filter(pl.col("event") == "checkin").row(0, named=True)
    assert checkin["address"] == "汕头市金平区小公园"
    assert str(checkin["event_time"]).startswith("2026-11-02 19:05:00.123")
    assert u1.filter(pl.col("event") == "login").height == 0
    r = reasons(res)
    assert r[3] == "geo_posts[0] has type number, expected an object"
    assert r[4] == "logins has type string, expected an array"


def test_social_truncated_last_line_control_chars_long_line(tmp_path):
    big = json.dumps(acct("big", nickname="x" * (1 << 20)))
    p = write_jsonl(tmp_path, [acct("u1", real_name="茹\x00某\u202e明"), big, acct("u2"),
                               json.dumps(acct("u3"))[:50]], final_eol=False)
    res = read_so(p)
    assert res.rows_kept == 2
    assert res.rows["account_name"][0] == "茹某明"
    r = reasons(res)
    assert r[2].startswith("line longer than 1 MB") and r[4] == "not valid JSON (truncated last line?)"


def test_social_empty_binary_and_bom(tmp_path):
    p = tmp_path / "weibo_accounts_20261127.jsonl"
    p.write_bytes(b"")
    res = read_so(p)
    assert res.error is None and res.rows_read == 0 and res.warnings
    p.write_bytes(b"\x1f\x8b\x08\x00" + os.urandom(64))
    res = read_so(p)
    assert res.error and "gzip" in res.error
    p.write_bytes(b"\xef\xbb\xbf" + json.dumps(acct()).encode())
    assert read_so(p).rows_kept == 1


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize("undecodable_line", [False, True])
def test_social_raw_control_characters_and_a_bom_on_any_line_keep_the_account(
        tmp_path, monkeypatch, fast, undecodable_line):
    # Raw control characters inside JSON strings (a TAB typed into a nickname, \x01, \x1f)
    # and a BOM at the start of a later line (two exports pasted together) used to make the
    # line "not valid JSON": the account was lost.  Values are cleaned as in the CSV
    # adapters (TAB -> space, other controls removed).
    if not fast:
        monkeypatch.setattr(social, "_json_connection", lambda: None)

    def raw(obj):   # json.dumps escapes control characters: put them back raw
        return (json.dumps(obj, ensure_ascii=False).replace("\\t", "\t")
                .replace("\\u0001", "\x01").replace("\\u001f", "\x1f"))

    lines = [
        "\ufeff" + raw(acct("u1")),
        "\ufeff" + raw(acct("u2", nickname="海边")),
        raw(acct("u3", nickname="小\t茹")),
        raw(acct("u4", real_name="茹\x01某明", logins=[])),
        raw(acct("u5", geo_posts=[{"ts": "2026-11-02T19:05:00+08:00", "address": "绍兴市\x1f柯桥区"}],
                 logins=None)),
        '{"uid": "u6", \x01"phone": "13857101115"}',      # outside a string: still not JSON
        raw(acct("u7")),
    ]
    assert "\t" in lines[2] and "\x01" in lines[3] and "\x1f" in lines[4]
    p = tmp_path / "weibo_accounts_20261127.jsonl"
    data = "\n".join(lines).encode("utf-8") + b"\n"
    if undecodable_line:    # the block is then read line by line
        data += b'{"uid": "u8", "nickname": "\xff\xfe"}\n'
    p.write_bytes(data)
    res = read_so(p)
    assert res.error is None
    assert res.rows_read == (8 if undecodable_line else 7) and res.rows_kept == 6
    assert reasons(res) == {6: "not valid JSON", **({8: "line is not valid UTF-8 text"} if undecodable_line else {})}
    acc = res.rows.unique("account_id", keep="first", maintain_order=True)
    assert acc["account_id"].to_list() == ["u1", "u2", "u3", "u4", "u5", "u7"]
    assert acc["line"].to_list() == [1, 2, 3, 4, 5, 7]
    assert acc["nickname"].to_list() == ["海边的小茹", "海边", "小 茹", "海边的小茹", "海边的小茹", "海边的小茹"]
    assert acc["account_name"].to_list() == ["茹某明"] * 6
    u5 = res.rows.filter(pl.col("account_id") == "u5")
    assert u5.select("event", "event_time", "address").rows() == [
        ("checkin", D(2026, 11, 2, 19, 5), "绍兴市柯桥区")]
    assert res.rows.filter(pl.col("account_id") == "u4")["event"].to_list() == ["checkin"]
    assert not any("not valid JSON" in w for w in res.warnings)


def test_parse_timestamp_py():
    f = common.parse_timestamp_py
    assert f("2026-11-20T21:33:00+08:00") == D(2026, 11, 20, 21, 33)
    assert f("2026-11-20T13:33:00Z") == D(2026, 11, 20, 21, 33)
    assert f("2026-11-20T21:33:00") == D(2026, 11, 20, 21, 33)
    assert f("2026/11/20 21:33:00") == D(2026, 11, 20, 21, 33)
    assert f(1795786380) == f(1795786380000) == D(2026, 11, 27, 21, 33)
    with pytest.raises(ValueError):
        f("tomorrow")


# A string of digits only is read by its length, never cut leniently into fields
# ('1764235800' was 1764-02-03 05:08, '2026112712' 2026-11-02 07:01:02).
DIGIT_TIMES = [
    ("1764235800", D(2025, 11, 27, 17, 30)),                     # Unix seconds
    ("1764235800123", D(2025, 11, 27, 17, 30, 0, 123000)),       # Unix milliseconds
    ("1764235800000", D(2025, 11, 27, 17, 30)),
    ("2026112712", D(2034, 3, 16, 17, 5, 12)),                   # 10 digits: Unix seconds too
    ("2026112712304", D(2034, 3, 16, 17, 5, 12, 304000)),        # 13 digits: milliseconds
    ("１７６４２３５８００", D(2025, 11, 27, 17, 30)),           # full-width digits
    ("20261127123000", D(2026, 11, 27, 12, 30)),                 # YYYYMMDDHHMMSS
    ("20261127", D(2026, 11, 27)),                               # YYYYMMDD
    ("20261301123000", None),                                    # month 13
    ("20260230", None),
    ("2026112", None), ("202611271", None), ("20261127123", None), ("202611271230", None),
    ("202611271230451", None),
    ("17642358001234", None),                                    # 14 digits: month 23
    ("1", None), ("00000000000000000000", None),
]


@pytest.mark.parametrize("text,expected", DIGIT_TIMES)
def test_digit_only_timestamps_are_read_by_their_length(text, expected):
    if expected is None:
        with pytest.raises(ValueError):
            common.parse_timestamp_py(text)
    else:
        assert common.parse_timestamp_py(text) == expected
    # the vectorised parser gives the same, alone or among other values
    assert common.parse_text_times(pl.Series("ts", [text]))[0] == expected
    got = common.parse_text_times(pl.Series("ts", ["2026-11-20T21:33:00+08:00", text, "2026/11/20 21:33:00"]))
    assert got.to_list() == [D(2026, 11, 20, 21, 33), expected, D(2026, 11, 20, 21, 33)]


def test_epoch_strings_are_converted_as_epoch_numbers():
    f = common.parse_timestamp_py
    # the same time zone handling: UTC seconds -> Beijing time
    for v in (0, 1, 1000000000, 1764235800, 9999999999):
        assert f(str(v).rjust(10, "0")) == f(v) == D(1970, 1, 1, 8) + dt.timedelta(seconds=v)
    for v in (1000000000000, 1764235800123, 9999999999999):
        assert f(str(v)) == f(v)      # (v / 1000 as a float: 1 microsecond off near 2286)
    assert f("1764235800123") == D(1970, 1, 1, 8) + dt.timedelta(milliseconds=1764235800123)


def test_social_epoch_string_and_short_digit_ts(tmp_path):
    lines = [acct("u1", geo_posts=[{"ts": "1764235800", "address": "绍兴市柯桥区笛扬路金色家园"}], logins=[]),
             acct("u2", geo_posts=[{"ts": 1764235800, "address": "绍兴市柯桥区笛扬路金色家园"}], logins=[]),
             acct("u3", geo_posts=[{"ts": "1764235800123", "address": "x"}],
                  logins=[{"ts": "20261127123000", "ip_region": "浙江省绍兴市"}]),
             acct("u4", geo_posts=[{"ts": "202611271", "address": "x"}], logins=[])]
    res = read_so(write_jsonl(tmp_path, lines))
    assert res.rows.select("account_id", "event", "event_time").rows() == [
        ("u1", "checkin", D(2025, 11, 27, 17, 30)), ("u2", "checkin", D(2025, 11, 27, 17, 30)),
        ("u3", "checkin", D(2025, 11, 27, 17, 30, 0, 123000)), ("u3", "login", D(2026, 11, 27, 12, 30))]
    assert reasons(res) == {4: 'unparseable geo_posts[0].ts "202611271"'}


# --------------------------------------------------------------------------- logistics

WB_COLS = ["waybill_no", "sender_name", "sender_phone", "sender_address", "receiver_name",
           "receiver_phone", "receiver_address", "pickup_time", "sign_time", "sign_type"]


def wb(no="W1", **kw):
    r = {"waybill_no": no, "sender_name": "某商家", "sender_phone": "0571-87054420",
         "sender_address": "浙江省义乌市某仓库", "receiver_name": "茹*明",
         "receiver_phone": "138****5678", "receiver_address": "绍兴市柯桥区笛扬路金色家园3幢",
         "pickup_time": D(2026, 11, 20, 8), "sign_time": D(2026, 11, 22, 18, 30),
         "sign_type": "本人签收"}
    r.update(kw)
    return r


def write_pq(tmp_path, rows, name="sf_waybills_20261127.parquet", schema=None, **kw) -> Path:
    p = tmp_path / name
    table = pa.Table.from_pylist(rows, schema=schema) if rows else pa.table(
        {c: pa.array([], pa.string()) for c in WB_COLS})
    pq.write_table(table, p, **kw)
    return p


def read_lo(p):
    return check(logistics.read(p, rel_name="logistics/" + p.name, platform="sf"))


def test_logistics_receive_and_send(tmp_path):
    res = read_lo(write_pq(tmp_path, [wb(), wb("W2", sign_time=None, sign_type=None)]))
    assert res.rows_read == 2 and res.rows_kept == 2 and res.rows.height == 4
    rows = res.rows.to_dicts()
    assert [(r["line"], r["event"]) for r in rows] == [(1, "receive"), (1, "send"), (2, "receive"), (2, "send")]
    rec, snd = rows[0], rows[1]
    assert (rec["record_id"], rec["person_name"], rec["person_phone"], rec["address"], rec["event_time"],
            rec["order_time"], rec["sign_type"], rec["account_id"]) == (
        "W1", "茹*明", "138****5678", "绍兴市柯桥区笛扬路金色家园3幢", D(2026, 11, 22, 18, 30),
        D(2026, 11, 20, 8), "本人签收", None)
    assert (snd["person_name"], snd["person_phone"], snd["address"], snd["event_time"]) == (
        "某商家", "0571-87054420", "浙江省义乌市某仓库", D(2026, 11, 20, 8))
    assert rows[2]["event_time"] == D(2026, 11, 20, 8)   # not signed -> pickup_time


def test_logistics_columns_in_another_case_width_or_with_spaces(tmp_path):
    """'Waybill_No', a full-width 'ｓｉｇｎ_time' and 'receiver_address ' are the spec's columns."""
    ref = read_lo(write_pq(tmp_path, [wb(), wb("W2", sign_time=None, sign_type=None)]))
    renamed = {"waybill_no": "Waybill_No", "sign_time": "ｓｉｇｎ_time", "receiver_address": "receiver_address "}
    rows = [{renamed.get(k, k): v for k, v in r.items()} for r in (wb(), wb("W2", sign_time=None, sign_type=None))]
    res = read_lo(write_pq(tmp_path, rows, name="sf_waybills_20261128.parquet"))
    assert res.error is None and res.rows_kept == ref.rows_kept == 2
    assert res.rows.drop("file").equals(ref.rows.drop("file"))
    assert any("another spelling" in w and "'Waybill_No' as waybill_no" in w for w in res.warnings)
    assert not any("unknown column" in w or "absent" in w for w in res.warnings)


def test_logistics_type_coercion(tmp_path):
    rows = [wb("W1", pickup_time="2026/11/20 08:00:00", sign_time="2026-11-22T10:30:00Z"),
            wb("W2", pickup_time="2026-11-20 08:00:00", sign_time=""),
            wb("W3", pickup_time="soon", sign_time=None),
            wb("W4", pickup_time="2026-11-20T08:00:00+08:00", sign_time="2026-11-31 00:00:00")]
    res = read_lo(write_pq(tmp_path, rows))
    assert res.rows.filter(pl.col("event") == "receive")["event_time"].to_list() == [
        D(2026, 11, 22, 18, 30), D(2026, 11, 20, 8)]
    assert reasons(res) == {3: 'unparseable pickup_time "soon"',
                            4: 'unparseable sign_time "2026-11-31 00:00:00"'}
    res = read_lo(write_pq(tmp_path, [wb("W5", pickup_time="2026-11-20T08:00:00+08:00",
                                         sign_time="2026-11-21T02:00:00.5Z")]))
    assert res.rows["event_time"].to_list() == [D(2026, 11, 21, 10, 0, 0, 500000), D(2026, 11, 20, 8)]
    # tz-aware timestamps, epoch numbers, phones as numbers
    schema = pa.schema([(c, pa.string()) for c in WB_COLS if c not in
                        ("pickup_time", "sign_time", "receiver_phone")]
                       + [("receiver_phone", pa.int64()), ("pickup_time", pa.timestamp("ms", "UTC")),
                          ("sign_time", pa.int64())])
    r = wb("W1", receiver_phone=13857101115, pickup_time=D(2026, 11, 20, 0, tzinfo=dt.timezone.utc),
           sign_time=1795786380)
    res = read_lo(write_pq(tmp_path, [r], schema=schema))
    row = res.rows.row(0, named=True)
    assert row["person_phone"] == "13857101115"
    assert row["order_time"] == D(2026, 11, 20, 8) and row["event_time"] == D(2026, 11, 27, 21, 33)


def test_logistics_bad_rows(tmp_path):
    rows = [wb("W1"), wb("W1"), wb("W2", receiver_address="=HYPERLINK(\"x\")"),
            wb("W3", sender_name="-"), wb("W4", receiver_name="茹\x07明"), wb("", ),
            wb("W5", pickup_time=None), wb("W6", receiver_address="路" * 1001),
            wb("W7", sign_type="=x")]
    res = read_lo(write_pq(tmp_path, rows, row_group_size=3))   # duplicates across row groups
    assert sorted(set(res.rows["record_id"].to_list())) == ["W1", "W4", "W7"]
    assert res.rows.filter(pl.col("record_id") == "W4")["person_name"][0] == "茹明"
    r = reasons(res)
    assert r[2] == "duplicate waybill_no within file (first on line 1)"
    assert r[3] == "spreadsheet formula in receiver_address"
    assert r[4] == "spreadsheet formula in sender_name"
    assert r[6] == "empty waybill_no"
    assert r[7] == "empty pickup_time"
    assert r[8] == "field receiver_address is 1,001 characters long"


def test_logistics_file_errors(tmp_path):
    good = write_pq(tmp_path, [wb(f"W{i}") for i in range(50)])
    data = good.read_bytes()
    cut = tmp_path / "sf_waybills_20261128.parquet"
    cut.write_bytes(data[: len(data) // 2])
    res = read_lo(cut)
    assert res.error and "parquet" in res.error
    notpq = tmp_path / "sf_waybills_20261129.parquet"
    notpq.write_text("waybill_no,sender_name\n")
    assert "parquet" in read_lo(notpq).error and "CSV" in read_lo(notpq).error   # says what it holds
    assert "CSV" not in res.error                                                # a cut parquet is no CSV
    zipped = tmp_path / "sf_waybills_20261130.parquet"
    zipped.write_bytes(b"\x1f\x8b\x08\x00" + bytes(200))
    assert "gzip" in read_lo(zipped).error
    # A courier that exports no sign_time or sender_phone still has its waybills read (those
    # fields empty, a warning naming them); without a receiver address there is nothing to read.
    partial = write_pq(tmp_path, [{k: v for k, v in wb(f"W{i}").items() if k not in ("sign_time", "sender_phone")}
                                  for i in range(3)], name="yt_waybills_20261127.parquet")
    res = read_lo(partial)
    assert res.error is None and res.rows_kept == 3 and res.rows.height == 6
    assert any("sign_time" in w and "sender_phone" in w for w in res.warnings)
    send = res.rows.filter(pl.col("event") == "send")
    assert send["person_phone"].null_count() == 3 and send["person_name"].to_list() == ["某商家"] * 3
    receive = res.rows.filter(pl.col("event") == "receive")
    assert receive["event_time"].to_list() == [D(2026, 11, 20, 8)] * 3     # not signed: pickup time
    missing = write_pq(tmp_path, [{k: v for k, v in wb().items() if k not in ("receiver_address", "pickup_time")}],
                       name="yd_waybills_20261127.parquet")
    res = read_lo(missing)
    assert res.error and "receiver_address" in res.error and "pickup_time" in res.error
    empty = write_pq(tmp_path, [], name="zt_waybills_20261127.parquet")
    res = read_lo(empty)
    assert res.error is None and res.rows_read == 0 and res.warnings


# --------------------------------------------------------------------------- inbox


def make_inbox(tmp_path) -> Path:
    ib = tmp_path / "inbox"
    for k in ("debtors", "ecommerce", "social", "logistics"):
        (ib / k).mkdir(parents=True)
    write_ro(ib / "debtors", [ro_row()], name="court_roster.csv")
    write_ec(ib / "ecommerce", [ec_row()], name="shopA_orders_20261127.csv")
    write_ec(ib / "ecommerce", [ec_row()], name="shopB.CSV")
    write_ec(ib / "ecommerce", [ec_row()], name="shopC_orders_20261399.csv")
    (ib / "ecommerce" / "notes.xlsx").write_bytes(b"PK\x03\x04")
    (ib / "ecommerce" / "old").mkdir()
    write_jsonl(ib / "social", [acct()], name="weibo_accounts_20261127.jsonl")
    write_jsonl(ib / "social", [acct(uid="qq_1")], name="qq_accounts_20261127.json")   # JSON Lines as .json
    write_pq(ib / "logistics", [wb()], name="sf_waybills_20261127.parquet")
    outside = tmp_path / "secret.csv"
    outside.write_text("x")
    (ib / "ecommerce" / "evil_orders_20261127.csv").symlink_to(outside)
    (ib / "ecommerce" / "alias_orders_20261127.csv").symlink_to(ib / "ecommerce" / "shopA_orders_20261127.csv")
    (ib / "README.txt").write_text("hi")
    (ib / "gaming").mkdir()
    return ib


def test_inbox_discover(tmp_path):
    ib = make_inbox(tmp_path)
    files = inbox.discover(ib)
    names = [f.rel_name for f in files]
    assert names == [
        "debtors/court_roster.csv",
        "ecommerce/alias_orders_20261127.csv", "ecommerce/evil_orders_20261127.csv",
        "ecommerce/notes.xlsx", "ecommerce/old", "ecommerce/shopA_orders_20261127.csv",
        "ecommerce/shopB.CSV", "ecommerce/shopC_orders_20261399.csv",
        "social/qq_accounts_20261127.json", "social/weibo_accounts_20261127.jsonl",
        "logistics/sf_waybills_20261127.parquet",
        "README.txt", "gaming"]
    by = {f.rel_name: f for f in files}
    assert inbox.discover(ib) == files   # deterministic
    a = by["ecommerce/shopA_orders_20261127.csv"]
    assert (a.platform, a.name_ok, a.error, a.size) == ("shopA", True, None, a.path.stat().st_size)
    assert a.sha256 == common.sha256_file(a.path) and len(a.sha256) == 64
    assert by["ecommerce/alias_orders_20261127.csv"].sha256 == a.sha256   # in-inbox link ok
    b = by["ecommerce/shopB.CSV"]
    assert b.error is None and b.platform == "shopB" and not b.name_ok and b.warnings
    assert not by["ecommerce/shopC_orders_20261399.csv"].name_ok
    assert by["debtors/court_roster.csv"].name_ok and by["debtors/court_roster.csv"].platform == "court"
    assert "outside the inbox" in by["ecommerce/evil_orders_20261127.csv"].error
    assert ".xlsx" in by["ecommerce/notes.xlsx"].error
    assert "sub-folder" in by["ecommerce/old"].error
    assert by["README.txt"].error and "gaming" in by["gaming"].error
    q = by["social/qq_accounts_20261127.json"]
    assert q.error is None and q.platform == "qq" and not q.name_ok and any(".json" in w for w in q.warnings)
    for f in files:
        res = inbox.read_file(f)
        check(res, ROSTER_SCHEMA if f.source_kind == "debtors" else OBSERVATION_SCHEMA)
        assert (res.error is None) == (f.error is None), (f.rel_name, res.error)
        if f.error:
            assert res.rows_read == 0 and res.rows.height == 0
        else:
            assert res.rows_kept >= 1 and res.file == f.rel_name and res.platform == f.platform
    assert any("no '_'" in w for w in inbox.read_file(b).warnings)


def test_inbox_fifo_and_changed_file(tmp_path):
    ib = make_inbox(tmp_path)
    os.mkfifo(ib / "social" / "pipe_accounts_20261127.jsonl")
    files = {f.rel_name: f for f in inbox.discover(ib)}
    fifo = files["social/pipe_accounts_20261127.jsonl"]
    assert "regular" in fifo.error and inbox.read_file(fifo).rows_read == 0
    f = files["ecommerce/shopA_orders_20261127.csv"]
    with open(f.path, "ab") as fh:
        fh.write(b"more\r\n")
    res = inbox.read_file(f)
    assert res.error and "changed since discovery" in res.error


def test_inbox_platform_of():
    assert inbox.platform_of("shopA_orders_20261127.csv") == ("shopA", None)
    p, w = inbox.platform_of("shopA.csv")
    assert p == "shopA" and w
    p, w = inbox.platform_of("_orders.csv")
    assert p == "orders" and w


def test_a_file_named_without_underscore_takes_the_platform_its_name_starts_with(tmp_path):
    """A re-sent export typed 'shopA-orders-20261127(1).csv' is shopA's (its order and buyer
    ids are shopA's: under a platform of its own, every order would count twice)."""
    import shutil

    from linkage import prepare

    src = Path(__file__).resolve().parent.parent / "data" / "samples" / "inbox" / "ecommerce" / "shopA_orders_20261127.csv"
    folder = tmp_path / "inbox" / "ecommerce"
    folder.mkdir(parents=True)
    shutil.copy(src, folder / "shopA_orders_20261127.csv")
    shutil.copy(src, folder / "SHOPA-orders-20261127(1).csv")
    shutil.copy(src, folder / "shopB orders.csv")           # no shopB file: left as it was
    (tmp_path / "inbox" / "social").mkdir()
    shutil.copy(src, tmp_path / "inbox" / "social" / "shopA.jsonl")   # another kind: not shopA's
    by_name = {f.path.name: f for f in inbox.discover(tmp_path / "inbox")}
    resent = by_name["SHOPA-orders-20261127(1).csv"]
    assert resent.platform == "shopA" and any("platform taken as 'shopA'" in w for w in resent.warnings)
    assert not any("whole name" in w for w in resent.warnings)
    assert by_name["shopB orders.csv"].platform == "shopB orders"
    assert by_name["shopA.jsonl"].platform == "shopA"          # its own guess, by coincidence the same
    assert by_name["shopA_orders_20261127.csv"].platform == "shopA"
    # Read, the re-sent file's rows are the same observations as the original's.
    ids = [prepare.obs_ids(inbox.read_file(by_name[n]).rows) for n in
           ("shopA_orders_20261127.csv", "SHOPA-orders-20261127(1).csv")]
    assert ids[0].len() > 100 and ids[0].equals(ids[1])


def test_inbox_missing_folder_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        inbox.discover(tmp_path / "nope")


def test_inbox_kind_folder_link_outside_and_dangling_link(tmp_path):
    ib = tmp_path / "inbox"
    ib.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    write_ec(elsewhere, [ec_row()])
    (ib / "ecommerce").symlink_to(elsewhere, target_is_directory=True)
    (ib / "social").mkdir()
    (ib / "social" / "x_accounts_20261127.jsonl").symlink_to(tmp_path / "missing.jsonl")
    files = {f.rel_name: f for f in inbox.discover(ib)}
    assert set(files) == {"ecommerce", "social/x_accounts_20261127.jsonl"}
    assert "not a folder inside the inbox" in files["ecommerce"].error
    assert "broken symbolic link" in files["social/x_accounts_20261127.jsonl"].error
    for f in files.values():
        res = check(inbox.read_file(f))
        assert res.error and res.rows_read == 0


@pytest.mark.parametrize("text,expected", [
    ("2026/11/27", "2026-11-27 00:00:00"),
    ("20261127 100102", "2026-11-27 10:01:02"),
    ("2026.11.27 10:01:02", "2026-11-27 10:01:02"),
    ("２０２６/１１/２７ １０:０１:０２", "2026-11-27 10:01:02"),
    ("2026年11月27日 10:01", "2026-11-27 10:01:00"),
    ("2026/02/30 10:00:00", None),
    ("2025年09/07号", None),
    ("20261127100102", "2026-11-27 10:01:02"),
    ("2026112710012", None),          # touching fields need their widths: no 1-digit second
    ("20261127 10012", None),
    ("1764235800", None),             # not an order time (a Unix time only where epochs are read)
])
def test_datetime_formats_other_exports_use(text, expected):
    from sources import common as C

    out = C.parse_datetime_column(pl.DataFrame({"t": [text]}), "t", "_t")["_t"][0]
    assert (None if out is None else str(out)) == expected


def test_file_names_that_are_not_utf8_are_read_and_shown_replaced(tmp_path):
    folder = tmp_path / "ecommerce"
    folder.mkdir()
    raw_name = os.fsencode(folder) + b"/\xb6\xa9\xb5\xa5_orders_20261127.csv"   # 订单 in GBK
    with open(raw_name, "wb") as fh:
        fh.write("订单编号,买家ID\n".encode("gb18030"))
    (f,) = [e for e in inbox.discover(tmp_path) if e.source_kind == "ecommerce"]
    assert "\ufffd" in f.rel_name and f.rel_name.encode("utf-8")
    res = inbox.read_file(f)
    assert res.file == f.rel_name


def test_compact_date_format_needs_eight_digits():
    # '%Y%m%d' read '2026112' as 2026-11-02 (a date of the court roster)
    got = common.parse_first(pl.Series("d", ["20261127", "2026112", "2026117", "202611270", "2026-11-27"]),
                             common.DATE_FORMATS, pl.Date)
    assert got.to_list() == [dt.date(2026, 11, 27), None, None, None, dt.date(2026, 11, 27)]
    df = pl.DataFrame({"d": ["20261127", "2026112"]})
    assert df.select(common.parse_date_expr("d"))["d"].to_list() == [dt.date(2026, 11, 27), None]


# --------------------------------------------------------------------------- UTF-16 ('Unicode text')

@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_ecommerce_saved_as_utf16_keeps_every_row(tmp_path, codec):
    # Excel and WPS save 'Unicode text' as UTF-16 (with a byte-order mark, or without one):
    # a file in the wrong encoding, whose rows are all good.
    rows = [ec_row(oid="O1"), ec_row(oid="O2", rname="𠮷野家", addr="浙江省杭州市西湖区文三路1号"),
            ec_row(oid="O3", signed="bad date")]
    want = read_ec(write_ec(tmp_path, rows))
    got = read_ec(write_ec(tmp_path, rows, encoding=codec, name="u16_orders_20261127.csv"))
    assert got.error is None and any("UTF-16" in w for w in got.warnings)
    assert got.rows.drop("file").equals(want.rows.drop("file"))
    assert (got.rows_read, got.rows_kept, got.rows_quarantined) == (3, 2, 1)


def test_nuls_in_a_gb18030_files_rows_do_not_make_it_utf16(tmp_path):
    # Hypothesis found it: a GB18030 file whose header has no NUL, but a damaged cell with
    # NULs at every other byte, had been read as UTF-16-LE and refused ("lacks 订单编号").
    rows = [ec_row(oid="O1"), ec_row(oid="O2", cat="a\x00b\x00c\x00d\x00e\x00"), ec_row(oid="O3")]
    got = read_ec(write_ec(tmp_path, rows))
    assert got.error is None and not any("UTF-16" in w for w in got.warnings)
    assert got.rows_read == 3 and got.rows_kept + got.rows_quarantined == 3
    assert {"O1", "O3"} <= set(got.rows["record_id"].to_list())


def test_social_saved_as_utf16_keeps_every_account(tmp_path):
    want = read_so(write_jsonl(tmp_path, [acct(), acct(uid="wb_2")]))
    p = tmp_path / "u16_accounts_20261127.jsonl"
    p.write_bytes("\r\n".join(json.dumps(a, ensure_ascii=False) for a in [acct(), acct(uid="wb_2")]).encode("utf-16"))
    got = read_so(p)
    assert got.error is None and any("UTF-16" in w for w in got.warnings)
    assert got.rows.drop("file").equals(want.rows.drop("file"))


def test_utf16_reader_gives_the_text_as_utf8_whatever_the_chunk(tmp_path):
    import io

    text = "订单编号,买家ID\r\n" + "".join(f"{i},𠮷{i}茹\r\n" for i in range(300))
    for codec in ("utf-16", "utf-16-le", "utf-16-be"):
        for chunk in (1, 3, 7, 4096):
            r = common.Utf16AsUtf8(io.BytesIO(text.encode(codec)), codec, chunk=chunk)
            lines = iter(lambda: r.readline(), b"")
            assert b"".join(lines) == text.encode("utf-8")
            r = common.Utf16AsUtf8(io.BytesIO(text.encode(codec)), codec, chunk=chunk)
            parts = iter(lambda: r.read(5), b"")
            assert b"".join(parts) == text.encode("utf-8")
    # The bare-CR reader shares the chunked reading.
    data = text.replace("\r\n", "\r").encode("utf-8")
    for chunk in (1, 3, 7, 4096):
        r = common.CrAsLf(io.BytesIO(data), chunk=chunk)
        assert b"".join(iter(lambda: r.readline(), b"")) == data.replace(b"\r", b"\n")
        r = common.CrAsLf(io.BytesIO(data), chunk=chunk)
        assert r.read(4) + r.read() == data.replace(b"\r", b"\n")
