"""Chinese numerals: 小写, 大写, arabic with units and separators, money units, approximations, terms."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.extract.cn_numbers import Term, parse_cn_number, parse_term

NUMBERS = [
    # 小写
    ("一千二百三十四", "1234"),
    ("两千零二十", "2020"),
    ("十五", "15"),
    ("二十", "20"),
    ("一百一十", "110"),
    ("一百十", "110"),
    ("一万零五百", "10500"),
    ("一万零五", "10005"),
    ("十二万三千四百五十六", "123456"),
    ("四十万", "400000"),
    ("一亿二千万", "120000000"),
    ("一万五", "15000"),  # elided unit
    ("三千二", "3200"),
    ("一百五", "150"),
    ("二〇一九", "2019"),  # digit by digit
    ("三点五万", "35000"),
    # 大写
    ("壹仟贰佰叁拾肆", "1234"),
    ("伍仟元整", "5000"),
    ("人民币壹万贰仟叁佰肆拾伍元陆角柒分", "12345.67"),
    ("贰拾元零伍分", "20.05"),
    ("叁佰陆拾陆万捌仟伍佰陆拾陆元贰角玖分", "3668566.29"),
    ("拾万元", "100000"),
    ("伍角", "0.5"),
    # arabic, separators, units, full width
    ("3,500", "3500"),
    ("1,234,567.89元", "1234567.89"),
    ("1.2万", "12000"),
    ("3万5千", "35000"),
    ("1亿2000万", "120000000"),
    ("５０００元", "5000"),
    ("￥3,500.00", "3500"),
    ("5000元5角", "5000.5"),
    ("300块钱", "300"),
    # approximations keep the written figure
    ("5000余", "5000"),
    ("三万余元", "30000"),
    ("十余万", "100000"),
    ("3万多元", "30000"),
]

NOT_NUMBERS = ["", "元", "一万二万", "五千三千", "一五千", "3,50", "3五", "数万", "几千", "abc"]


@pytest.mark.parametrize(("text", "expected"), NUMBERS)
def test_parses(text: str, expected: str) -> None:
    assert parse_cn_number(text) == Decimal(expected)


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_refuses_what_is_not_a_number(text: str) -> None:
    assert parse_cn_number(text) is None


TERMS = [
    ("有期徒刑三年六个月", Term(3, 6, 0)),
    ("三年", Term(3, 0, 0)),
    ("一年零六个月", Term(1, 6, 0)),
    ("1年6个月", Term(1, 6, 0)),
    ("拘役五个月", Term(0, 5, 0)),
    ("判处有期徒刑十年", Term(10, 0, 0)),
    ("十五日", Term(0, 0, 15)),
    ("缓刑二年", Term(2, 0, 0)),
]


@pytest.mark.parametrize(("text", "expected"), TERMS)
def test_terms(text: str, expected: Term) -> None:
    assert parse_term(text) == expected


@pytest.mark.parametrize("text", ["有期徒刑三年，缓刑四年", "无期徒刑", "罚金五千元", "", "三年半"])
def test_not_terms(text: str) -> None:
    assert parse_term(text) is None


def test_total_months() -> None:
    assert Term(2, 6, 0).total_months == 30
