"""Large address batches are parsed across processes with the same answers."""
import polars as pl
import pytest

from linkage import addresses, parse_workers

FORMS = ["浙江省杭州市西湖区文三路{n}号{b}幢{u}单元{r}室", "杭州西湖区文三路{n}号{b}-{u}-{r}", "上海市长宁区长宁路{n}弄{b}号{r}室",
         "四川省眉山市仁寿县富加镇黄桷村{u}组{n}号", "浙江省金华市义乌市福田路{n}号银泰商务楼{r}室", "{n}号菜鸟驿站"]


@pytest.fixture
def helpers(monkeypatch):
    monkeypatch.setenv("LOCATE_PARSE_PROCESSES", "2")
    monkeypatch.setattr(parse_workers, "_enabled", True)
    monkeypatch.setattr(parse_workers, "_disabled", False)
    yield
    parse_workers.shutdown()


def test_a_batch_split_across_processes_parses_as_in_one(helpers):
    texts = [f.format(n=n, b=n % 7 + 1, u=n % 3 + 1, r=100 * (n % 9 + 1) + n % 4) for n in range(400) for f in FORMS]
    one = addresses._parse_many(texts)
    split = parse_workers.map_chunks(addresses._parse_many, texts, warm=addresses._tables, min_batch=100)
    assert parse_workers._pool is not None and not parse_workers._disabled    # the helper did its part
    assert split == one


def test_without_enable_or_under_the_threshold_nothing_starts(monkeypatch):
    monkeypatch.setattr(parse_workers, "_pool", None)
    monkeypatch.setattr(parse_workers, "_enabled", False)
    texts = ["浙江省杭州市西湖区文三路1号2幢3单元501室"] * 50
    assert parse_workers.map_chunks(addresses._parse_many, texts, min_batch=10) == addresses._parse_many(texts)
    assert parse_workers._pool is None
    monkeypatch.setattr(parse_workers, "_enabled", True)
    assert parse_workers.map_chunks(addresses._parse_many, texts, min_batch=100) == addresses._parse_many(texts)
    assert parse_workers._pool is None


def test_parse_addresses_is_unchanged_by_helpers(helpers, monkeypatch):
    monkeypatch.setattr(parse_workers, "MIN_BATCH", 50)
    values = pl.Series([f.format(n=n, b=2, u=1, r=501) for n in range(60) for f in FORMS] + [None])
    with_helpers = addresses.parse_addresses(values)
    assert parse_workers._pool is not None and not parse_workers._disabled
    monkeypatch.setenv("LOCATE_PARSE_PROCESSES", "1")
    assert with_helpers.equals(addresses.parse_addresses(values))


def test_helpers_started_ahead_are_the_ones_a_batch_uses(helpers):
    addresses.start_parsers()
    pool = parse_workers._pool
    assert pool is not None and not parse_workers._disabled
    texts = [f.format(n=n, b=1, u=2, r=302) for n in range(200) for f in FORMS]
    split = parse_workers.map_chunks(addresses._parse_many, texts, warm=addresses._tables, min_batch=100)
    assert parse_workers._pool is pool                   # not a second pool
    assert split == addresses._parse_many(texts)


def test_nothing_starts_ahead_without_enable(monkeypatch):
    monkeypatch.setattr(parse_workers, "_pool", None)
    monkeypatch.setattr(parse_workers, "_enabled", False)
    addresses.start_parsers()
    assert parse_workers._pool is None


def test_a_night_starts_helpers_only_when_it_is_large(monkeypatch):
    from pipelines import stages
    started = []
    monkeypatch.setattr(addresses, "start_parsers", lambda: started.append(1))
    class Closed:
        def close(self):
            pass
    monkeypatch.setattr(stages, "_connect", lambda ctx: Closed())
    monkeypatch.setattr(stages.warehouse, "query", lambda *a: (_ for _ in ()).throw(RuntimeError("stop")))
    for rows, want in [(stages.PRESTART_PARSERS_ROWS - 1, []), (stages.PRESTART_PARSERS_ROWS, [1])]:
        started.clear()
        with pytest.raises(RuntimeError):
            stages.link_and_rank(None, [{"rows_kept": rows, "source_kind": "ecommerce"}])
        assert started == want
