"""Property tests: arbitrary input never crashes an adapter or the address parser, and
every row read is accounted for."""
import csv
import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkage.addresses import FIELDS, parse_address
from sources import ecommerce, social

HEADER = "订单编号,买家ID,实名姓名,实名证件号,绑定手机,收货人,收货手机,收货地址,下单时间,签收时间,实付金额,商品类目".split(",")
text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
cells = st.one_of(text, st.sampled_from(["", "=HYPERLINK(\"x\")", "+86 138 5710 1115", "2026/11/27 10:00:00",
                                          "330102199001011237", "浙江省杭州市西湖区金色家园2-3-501"]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(text, st.text(max_size=2000)))
def test_address_parser_never_raises(value):
    out = parse_address(value)
    assert set(FIELDS) <= set(out)
    assert out["precision"] in {"room", "building", "community", "road", "town", "district", "city", "province", "none"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(cells, min_size=0, max_size=14), min_size=0, max_size=25), st.sampled_from(["gb18030", "utf-8"]))
def test_ecommerce_adapter_accounts_for_every_row(tmp_path, rows, encoding):
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(HEADER)
    w.writerows(rows)
    path = tmp_path / "p_orders_20261127.csv"
    path.write_bytes(buf.getvalue().encode(encoding, errors="replace"))
    res = ecommerce.read(path, rel_name="ecommerce/p_orders_20261127.csv", platform="p")
    assert res.error is None
    assert res.rows_read == res.rows_kept + res.rows_quarantined
    assert res.quarantine["reason"].null_count() == 0
    assert res.rows.height == res.rows_kept


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | text,
                           lambda c: st.lists(c, max_size=3) | st.dictionaries(text, c, max_size=3), max_leaves=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(text, json_values.map(lambda v: json.dumps(v, ensure_ascii=False)),
                          st.fixed_dictionaries({"uid": text}, optional={
                              "logins": json_values, "geo_posts": json_values, "phone": json_values,
                              "real_name": json_values}).map(lambda d: json.dumps(d, ensure_ascii=False))),
                max_size=20))
def test_social_adapter_accounts_for_every_line(tmp_path, lines):
    path = tmp_path / "s_accounts_20261127.jsonl"
    path.write_text("\n".join(x.replace("\n", " ") for x in lines), encoding="utf-8")
    res = social.read(path, rel_name="social/s_accounts_20261127.jsonl", platform="s")
    assert res.rows_read == res.rows_kept + res.rows_quarantined
