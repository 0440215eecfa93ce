"""Blocking stays bounded per key: a crowded weak key needs more than a surname."""
import polars as pl

from linkage import block, prepare
from linkage.idnumbers import id_checksum
from sources.schema import OBSERVATION_SCHEMA, ROSTER_SCHEMA

from test_linkage import obs, roster


def _same_tail_ids(n: int) -> list[str]:
    """Valid IDs of one county whose last two characters (sex digit, check) agree."""
    ids = []
    for day in range(1, 29):
        for seq in range(1000):
            first17 = f"33010219900{day + 100:03d}{seq:03d}"     # born 1990-01-<day>
            idn = first17 + id_checksum(first17)
            if not ids or idn[-2:] == ids[0][-2:]:
                ids.append(idn)
            if len(ids) == n:
                return ids
    raise AssertionError("not enough IDs")


def _debtors(n: int, surname: str = "王") -> tuple[pl.DataFrame, list[str]]:
    given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞"
    ids = _same_tail_ids(n)
    rows = []
    for i, idn in enumerate(ids):
        rows.append(roster(name=surname + given[i % len(given)] + given[(i // len(given)) % len(given)],
                           id_number=idn, phones="") | {"case_no": f"(2025)浙0106执{i + 1}号"})
    d, _ = prepare.build_debtors(pl.DataFrame(rows, schema=ROSTER_SCHEMA))
    assert d.height == n
    return d, ids


def _pairs(debtors: pl.DataFrame, account_name: str, masked_id: str, person_name: str = "某人") -> pl.DataFrame:
    o = prepare.prepare_observations(pl.DataFrame(
        [obs("o1", 3, "浙江省杭州市西湖区文三路100号金色家园2幢3单元501室", account_id="b1",
             account_name=account_name, account_id_no=masked_id, person_name=person_name)],
        schema=OBSERVATION_SCHEMA))
    return block.candidate_pairs(o, debtors, block.debtor_phones(debtors))


def test_weak_masked_id_pairs_by_surname_while_its_key_is_small():
    debtors, ids = _debtors(5)
    masked = ids[0][:2] + "*" * 14 + ids[0][-2:]
    pairs = _pairs(debtors, "王*", masked)
    assert set(pairs["id_number"]) == set(ids)        # five debtors: the surname is enough to look


def test_a_crowded_weak_masked_id_key_needs_the_full_name():
    debtors, ids = _debtors(block.WEAK_ID_BLOCK_CAP + 10)
    masked = ids[0][:2] + "*" * 14 + ids[0][-2:]
    assert _pairs(debtors, "王*", masked).height == 0
    name = debtors.filter(pl.col("id_number") == ids[3])["name"][0]
    pairs = _pairs(debtors, name, masked)
    named = set(debtors.filter(pl.col("name") == name)["id_number"])
    assert ids[3] in set(pairs["id_number"]) and set(pairs["id_number"]) <= named


def test_a_weak_masked_id_on_an_account_hiding_its_surname_pairs_by_the_name_typed_on_it():
    # '*兰' shows no surname; the parcels on the account are typed 王兰's full name.
    debtors, ids = _debtors(block.WEAK_ID_BLOCK_CAP + 10)
    masked = ids[0][:2] + "*" * 14 + ids[0][-2:]
    name = debtors.filter(pl.col("id_number") == ids[3])["name"][0]
    hidden = "*" + name[1:]
    assert _pairs(debtors, hidden, masked).height == 0          # nothing but the masked ID: no pair
    pairs = _pairs(debtors, hidden, masked, person_name=name)
    assert ids[3] in set(pairs["id_number"])
    assert set(pairs["id_number"]) <= set(debtors.filter(pl.col("name") == name)["id_number"])


def test_an_account_is_paired_by_its_most_telling_row_whatever_the_row_order():
    # One account, exported with its ID empty on one row, masked on another and full on a
    # third (inputs.md: each 'full, masked, or empty'); its first row must not hide the rest.
    debtors, ids = _debtors(3)
    target = ids[1]
    rows = [("o1", "王芳", ""), ("o2", "王*", target[:6] + "*" * 8 + target[-4:]), ("o3", "王**", target)]
    for order in (rows, rows[::-1], [rows[0], rows[2], rows[1]]):
        o = prepare.prepare_observations(pl.DataFrame(
            [obs(oid, 3, "浙江省杭州市西湖区文三路100号金色家园2幢3单元501室", account_id="b1",
                 account_name=name, account_id_no=idno, person_name="某人") for oid, name, idno in order],
            schema=OBSERVATION_SCHEMA))
        acc = block.accounts(o)
        assert acc.height == 1 and acc["ai_kind"][0] == "full" and acc["ai_id"][0] == target
        assert acc["an_kind"][0] == "full" and acc["an_name"][0] == "王芳"
        pairs = block.candidate_pairs(o, debtors, block.debtor_phones(debtors))
        by_id = pairs.filter(pl.col("block") == "account_id")
        assert by_id["obs_id"].n_unique() == 3 and set(by_id["id_number"]) == {target}
    # Of two masked IDs, the one showing more characters.
    o = prepare.prepare_observations(pl.DataFrame(
        [obs(oid, 3, "浙江省杭州市西湖区文三路100号", account_id="b2", account_id_no=idno)
         for oid, idno in (("p1", target[:2] + "*" * 14 + target[-2:]), ("p2", target[:6] + "*" * 8 + target[-4:]))],
        schema=OBSERVATION_SCHEMA))
    acc = block.accounts(o)
    assert (acc["ai_prefix"][0], acc["ai_suffix"][0]) == (target[:6], target[-4:])
