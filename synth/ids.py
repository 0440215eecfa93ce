"""Identity numbers: resident ID (GB 11643, ISO 7064 MOD 11-2) and unified social credit codes (GB 32100)."""
from __future__ import annotations

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_checksum(first17: str) -> str:
    """Check character of an 18-digit resident ID number, from its first 17 digits."""
    if len(first17) != 17 or not first17.isdigit():
        raise ValueError(f"need 17 digits, got {first17!r}")
    s = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS))
    return _ID_CHECK[s % 11]


def id_valid(id_number: str) -> bool:
    x = id_number.strip().upper()
    return len(x) == 18 and x[:17].isdigit() and id_checksum(x[:17]) == x[17]


def make_id(county_code: str, birth_yyyymmdd: str, seq: int, male: bool) -> str:
    """18-char ID; seq is 0..499, the 3-digit order code is odd for men and even for women."""
    order = seq * 2 + (1 if male else 0)
    order = max(1, min(order, 999))
    first17 = f"{county_code}{birth_yyyymmdd}{order:03d}"
    return first17 + id_checksum(first17)


# --- unified social credit code (统一社会信用代码) -----------------------------------
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_W = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ORG_W = (3, 7, 9, 10, 5, 8, 4, 2)


def _org_code_check(code8: str) -> str:
    s = sum(_ORG_CHARS.index(c) * w for c, w in zip(code8, _ORG_W))
    c = 11 - s % 11
    return "X" if c == 10 else ("0" if c == 11 else str(c))


def uscc_checksum(first17: str) -> str:
    s = sum(_USCC_CHARS.index(c) * w for c, w in zip(first17, _USCC_W))
    return _USCC_CHARS[(31 - s % 31) % 31]


def make_uscc(county_code: str, org_digits8: str) -> str:
    """91 (enterprise) + registering county + 9-char organisation code + check char."""
    org9 = org_digits8 + _org_code_check(org_digits8)
    first17 = "91" + county_code + org9
    return first17 + uscc_checksum(first17)


def uscc_valid(code: str) -> bool:
    return len(code) == 18 and all(c in _USCC_CHARS for c in code) and uscc_checksum(code[:17]) == code[17]
