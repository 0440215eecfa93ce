"""Check digits: GB 11643 (resident ID), GB 11714 (organisation code), GB 32100 (credit code)."""

_W18 = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_check(first17: str) -> str:
    s = sum(int(c) * w for c, w in zip(first17, _W18))
    return "10X98765432"[s % 11]


def resident_id(county: str, birth, seq: int, male: bool) -> str:
    seq = seq % 1000
    if (seq % 2 == 1) != male:
        seq = (seq + 1) % 1000
    body = f"{county}{birth:%Y%m%d}{seq:03d}"
    return body + id_check(body)


_CC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_WCC = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
_WORG = [3, 7, 9, 10, 5, 8, 4, 2]


def org_code(body8: str) -> str:
    def v(c):
        return int(c) if c.isdigit() else ord(c) - 55
    s = sum(v(c) * w for c, w in zip(body8, _WORG))
    c = 11 - s % 11
    return body8 + ("X" if c == 10 else "0" if c == 11 else str(c))


def credit_code(county: str, rng) -> str:
    body8 = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") if i == 0 and rng.random() < 0.3
                    else rng.choice("0123456789") for i in range(8))
    body8 = "".join(c if c not in "IOSVZ" else "1" for c in body8)
    oc = org_code(body8)
    first17 = "91" + county + oc
    s = sum(_CC.index(c) * w for c, w in zip(first17, _WCC))
    c = 31 - s % 31
    return first17 + _CC[0 if c == 31 else c]


def valid_id(s: str) -> bool:
    return len(s) == 18 and s[:17].isdigit() and id_check(s[:17]) == s[17].upper()


def valid_cc(s: str) -> bool:
    if len(s) != 18 or any(c not in _CC for c in s):
        return False
    t = sum(_CC.index(c) * w for c, w in zip(s[:17], _WCC))
    c = 31 - t % 31
    return _CC[0 if c == 31 else c] == s[17]
