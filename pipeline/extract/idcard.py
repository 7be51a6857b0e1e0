"""公民身份号码 parsing and validation (GB 11643-1999).

An 18-character number is 6 region digits, 8 birth-date digits (YYYYMMDD), 3 sequence digits (the last
odd for men, even for women) and one check character computed with ISO 7064:1983 MOD 11-2 ("X" stands
for 10). The older 15-digit numbers (GB 11643-1989) have a 6-digit date YYMMDD in the 1900s, a 3-digit
sequence with the same gender rule, and no check character.

Published judgments mask part of the number ("330102********123X", "3301021985×××××12X"). A masked
number is recognised and reported as masked; the visible birth date and gender digits are still read
when they are intact, but nothing is validated, because the hidden digits decide the checksum.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

# ISO 7064 MOD 11-2 weights for positions 1..17: 2**(18 - i) mod 11.
_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_CHECK_CHARS = "10X98765432"  # index = weighted sum mod 11

# Province-level codes in GB/T 2260 (first two digits) plus 71 台湾, 81 香港, 82 澳门 and 83 (港澳台居民
# 居住证). A first digit outside 1-8 (or an unused pair such as 19 or 29) is not a region of China.
_PROVINCE_RANGES = (range(11, 16), range(21, 24), range(31, 38), range(41, 47), range(50, 55), range(61, 66))
_PROVINCES = frozenset({str(n) for r in _PROVINCE_RANGES for n in r} | {"71", "81", "82", "83"})

_SHAPE = re.compile(r"[0-9*×＊xX]{15}(?:[0-9*×＊xX]{3})?")

# Problem codes reported in IdInfo.problems.
BAD_REGION = "bad_region"
BAD_BIRTH_DATE = "bad_birth_date"  # not a calendar date
FUTURE_BIRTH_DATE = "future_birth_date"
IMPLAUSIBLE_BIRTH_DATE = "implausible_birth_date"  # before 1900
BAD_CHECKSUM = "bad_checksum"


@dataclass(frozen=True, slots=True)
class IdInfo:
    """What a 公民身份号码 says about its holder, and what is wrong with it."""

    number: str  # as written, with "x" upper-cased and full-width asterisks folded
    length: int  # 15 or 18
    masked: bool
    region: str | None  # the 6 region digits when visible
    birth_date: date | None
    gender: str | None  # "男" | "女" | None when hidden
    checksum_ok: bool | None  # None when not applicable (15 digits, masked)
    expected_check: str | None  # the correct 18th character, when computable
    problems: tuple[str, ...] = field(default=())

    @property
    def valid(self) -> bool:
        """True for an unmasked number with no problem found."""
        return not self.masked and not self.problems


def check_char(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character for the first 17 digits of an 18-digit number."""
    if len(first17) != 17 or not first17.isdigit():
        raise ValueError(f"expected 17 digits, got {first17!r}")
    return _CHECK_CHARS[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def looks_like_id(s: str) -> bool:
    """Cheap shape test: 15 or 18 characters of digits, X or mask characters ("XXXXXXXXXX********" is a
    fully masked number, still recognised as one)."""
    return bool(_SHAPE.fullmatch(s))


def parse_id(s: str, *, today: date | None = None) -> IdInfo | None:
    """Parse a 公民身份号码; None when `s` does not have the shape of one at all.

    `today` bounds the birth date (a birth date after it is a problem); default: the real today.
    """
    number = s.strip().replace("＊", "*").replace("x", "X")
    if not looks_like_id(number):
        return None
    today = today or date.today()
    n = len(number)
    # The check position may legitimately be "X"; elsewhere X / * / × are masks.
    body = number[:-1] if n == 18 else number
    masked = any(not c.isdigit() for c in body) or (n == 18 and number[-1] in "*×")
    if n == 18:
        return _parse18(number, masked, today)
    return _parse15(number, masked, today)


def _parse18(number: str, masked: bool, today: date) -> IdInfo:
    problems: list[str] = []
    region = number[:6] if number[:6].isdigit() else None
    birth, birth_problem = _birth(number[6:14], today)
    gender = _gender(number[16])
    checksum_ok: bool | None = None
    expected: str | None = None
    if not masked:
        if region is not None and region[:2] not in _PROVINCES:
            problems.append(BAD_REGION)
        if birth_problem:
            problems.append(birth_problem)
        expected = check_char(number[:17])
        checksum_ok = expected == number[17]
        if not checksum_ok:
            problems.append(BAD_CHECKSUM)
    elif birth_problem and number[6:14].isdigit():
        birth = None  # a visible but impossible date in a masked number: do not guess
    return IdInfo(number, 18, masked, region, birth, gender, checksum_ok, expected, tuple(problems))


def _parse15(number: str, masked: bool, today: date) -> IdInfo:
    problems: list[str] = []
    if not masked and "X" in number:
        masked = True  # a 15-digit number has no check character, so an X can only be a mask
    region = number[:6] if number[:6].isdigit() else None
    yymmdd = number[6:12]
    birth, birth_problem = _birth("19" + yymmdd, today) if yymmdd.isdigit() else (None, None)
    gender = _gender(number[14])
    if not masked:
        if region is not None and region[:2] not in _PROVINCES:
            problems.append(BAD_REGION)
        if birth_problem:
            problems.append(birth_problem)
    return IdInfo(number, 15, masked, region, birth, gender, None, None, tuple(problems))


def _birth(yyyymmdd: str, today: date) -> tuple[date | None, str | None]:
    if not yyyymmdd.isdigit():
        return None, None  # hidden
    try:
        d = date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return None, BAD_BIRTH_DATE
    if d > today:
        return d, FUTURE_BIRTH_DATE
    if d.year < 1900:
        return d, IMPLAUSIBLE_BIRTH_DATE
    return d, None


def _gender(ch: str) -> str | None:
    if not ch.isdigit():
        return None
    return "男" if int(ch) % 2 else "女"
