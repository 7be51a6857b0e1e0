"""公民身份号码 parsing: GB 11643-1999 check character, birth date, gender, region, 15-digit and masked numbers."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract import idcard
from pipeline.extract.idcard import check_char, parse_id

# Weights written out from GB 11643-1999 table, independent of the module's computation.
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def with_check(first17: str) -> str:
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


TODAY = date(2024, 6, 1)

# number, birth date, gender, problems
UNMASKED = [
    ("11010519491231002X", date(1949, 12, 31), "女", ()),  # the standard's own example
    ("11010519491231002x", date(1949, 12, 31), "女", ()),  # lower-case x
    ("330102198503021235", date(1985, 3, 2), "男", ()),
    ("632122197811154420", date(1978, 11, 15), "女", ()),
    ("350203199607070058", date(1996, 7, 7), "男", ()),
    (with_check("81000019900101001"), date(1990, 1, 1), "男", ()),  # 香港居民
    ("440524188001010014", date(1880, 1, 1), "男", (idcard.IMPLAUSIBLE_BIRTH_DATE,)),  # standard's example
    ("330102198503021234", date(1985, 3, 2), "男", (idcard.BAD_CHECKSUM,)),
    ("110105194912310021", date(1949, 12, 31), "女", (idcard.BAD_CHECKSUM,)),
    ("320506199002300017", None, "男", (idcard.BAD_BIRTH_DATE,)),  # 2月30日, checksum right
    (with_check("32050619901301001"), None, "男", (idcard.BAD_BIRTH_DATE,)),
    ("510107209901010036", date(2099, 1, 1), "男", (idcard.FUTURE_BIRTH_DATE,)),
    ("090102198503021235", date(1985, 3, 2), "男", (idcard.BAD_REGION,)),
    (with_check("99010219850302123"), date(1985, 3, 2), "男", (idcard.BAD_REGION,)),
    # 15-digit numbers: YYMMDD in the 1900s, gender from the last digit, no check character.
    ("110105491231002", date(1949, 12, 31), "女", ()),
    ("330102850302123", date(1985, 3, 2), "男", ()),
    ("330102850230123", None, "男", (idcard.BAD_BIRTH_DATE,)),
]


@pytest.mark.parametrize(("number", "birth", "gender", "problems"), UNMASKED)
def test_unmasked(number: str, birth: date | None, gender: str, problems: tuple[str, ...]) -> None:
    info = parse_id(number, today=TODAY)
    assert info is not None
    assert not info.masked
    assert info.birth_date == birth
    assert info.gender == gender
    assert info.problems == problems
    assert info.valid == (not problems)
    if info.length == 18:
        assert info.checksum_ok == (idcard.BAD_CHECKSUM not in problems)
        assert info.expected_check == with_check(number[:17])[-1]
    else:
        assert info.checksum_ok is None and info.expected_check is None


def test_wrong_check_character_reports_the_right_one() -> None:
    info = parse_id("330102198503021234")
    assert info is not None and info.expected_check == "5" and info.number[-1] == "4"


# number, birth date visible, gender visible
MASKED = [
    ("330102********1235", None, "男"),
    ("11010519491231****", date(1949, 12, 31), None),
    ("1101051949******2X", None, "女"),
    ("33010219850302×××5", date(1985, 3, 2), None),
    ("3301**********123X", None, "男"),
    ("XXXXXXXXXX********", None, None),
    ("330102＊＊＊＊＊＊＊＊1235", None, "男"),
    ("330102******123", None, "男"),  # 15 digits
]


@pytest.mark.parametrize(("number", "birth", "gender"), MASKED)
def test_masked_is_recognised_not_validated(number: str, birth: date | None, gender: str | None) -> None:
    info = parse_id(number)
    assert info is not None
    assert info.masked
    assert info.birth_date == birth
    assert info.gender == gender
    assert info.problems == ()
    assert info.checksum_ok is None
    assert not info.valid


@pytest.mark.parametrize("s", ["", "12345", "1101051949123100", "1101051949123100211", "11010519491231002A", "abc"])
def test_not_an_id(s: str) -> None:
    assert parse_id(s) is None


def test_future_is_relative_to_today() -> None:
    number = with_check("33010220300101123")
    info_then = parse_id(number, today=date(2024, 1, 1))
    info_later = parse_id(number, today=date(2031, 1, 1))
    assert info_then is not None and idcard.FUTURE_BIRTH_DATE in info_then.problems
    assert info_later is not None and info_later.valid


def test_check_char_matches_independent_table() -> None:
    for body in ("11010519491231002", "44052418800101001", "21010219800101001", "63212219781115442"):
        assert body + check_char(body) == with_check(body)
    with pytest.raises(ValueError):
        check_char("1234")
