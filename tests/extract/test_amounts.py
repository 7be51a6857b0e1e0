"""Money amounts: value, form, currency, qualifiers, pairs, offsets. Fictitious sentences."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.detectors.base import Context
from pipeline.extract.amounts import ARABIC, LOWER, UPPER, extract_amounts, find_amounts, format_value
from pipeline.normalize import normalize
from pipeline.sentences import sentence_spans
from pipeline.types import Document, make_doc_id

# (sentence, [(amount text, value, form, currency)])
CASES = [
    ("被告人王某盗窃现金5000元。", [("5000元", "5000", ARABIC, "人民币")]),
    ("共骗得人民币3,500.00元。", [("人民币3,500.00元", "3500", ARABIC, "人民币")]),
    ("并处罚金人民币二千元。", [("人民币二千元", "2000", LOWER, "人民币")]),
    ("赔偿被害人人民币壹万贰仟元整。", [("人民币壹万贰仟元整", "12000", UPPER, "人民币")]),
    ("非法获利12.5万元。", [("12.5万元", "125000", ARABIC, "人民币")]),
    ("收受贿赂1000美元。", [("1000美元", "1000", ARABIC, "美元")]),
    ("借给李某八千块钱。", [("八千块钱", "8000", LOWER, "人民币")]),
    ("退赔￥800元。", [("￥800元", "800", ARABIC, "人民币")]),
    ("包内有现金五六百元。", [("五六百元", "600", LOWER, "人民币")]),
    ("需支付十八九万元的费用。", [("十八九万元", "190000", LOWER, "人民币")]),
    ("已退还９８００元。", [("9800元", "9800", ARABIC, "人民币")]),  # full width in the raw text
    # not money, or no figure to read
    ("盗得手表一块、项链一条。", []),
    ("损失达数十万元。", []),
    ("其手机号码13812345678元旦期间停机。", []),
    ("住3单元402室。", []),
    ("一二三元", []),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_amounts(sentence: str, expected: list[tuple[str, str, str, str]]) -> None:
    norm = normalize(sentence)
    found = find_amounts(norm.text)
    got = [(a.text, a.value, a.form, a.currency) for a in found]
    assert got == [(t, Decimal(v), f, c) for t, v, f, c in expected]
    for a in found:
        assert norm.text[a.start : a.end] == a.text


QUALIFIERS = [
    ("共盗窃三万余元。", "三万余元", {"余", "共计"}),
    ("约5000元。", "5000元", {"约"}),
    ("价值2000元左右。", "2000元左右", {"约", "价值"}),
    ("合计人民币12万元。", "人民币12万元", {"合计"}),
    ("累计获利8万元。", "8万元", {"累计"}),
    ("数额在5000元以上的，为数额较大。", "5000元", {"以上"}),
    ("不满1000元的，不予追究。", "1000元", {"以下"}),
    ("以每克200元的价格出售。", "200元", {"单价"}),
    ("以300元/条的价格出售香烟。", "300元", {"单价"}),
    ("经鉴定，被盗电动车价值人民币1200元。", "人民币1200元", {"价值", "经鉴定"}),
    ("经价格认证中心认定，手机价值800元。", "800元", {"价值", "经鉴定"}),
    ("被害人共同出资2万元。", "2万元", set()),  # 共同 is not 共计
    ("输了十六、七万元。", "十六、七万元", {"约"}),
]


@pytest.mark.parametrize(("sentence", "amount_text", "quals"), QUALIFIERS)
def test_qualifiers(sentence: str, amount_text: str, quals: set[str]) -> None:
    [a] = find_amounts(sentence)
    assert a.text == amount_text
    assert set(a.qualifiers) == quals


PAIRS = [
    ("赔偿人民币伍仟元（5000元）。", ("人民币伍仟元", "5000元")),
    ("罚金5000元（大写：伍仟元整）。", ("5000元", "伍仟元整")),
    ("退赔金额3,200元（人民币叁仟贰佰元）。", ("3,200元", "人民币叁仟贰佰元")),
    ("预付款6500000.00元(陆佰伍拾万元)。", ("6500000.00元", "陆佰伍拾万元")),
    ("人民币贰万元（20000）。", ("人民币贰万元", "20000")),
    ("人民币叁仟元（￥3000.00）。", ("人民币叁仟元", "￥3000.00")),
    ("损失五千元（小写：5000元）。", ("五千元", "5000元")),
]


@pytest.mark.parametrize(("sentence", "pair"), PAIRS)
def test_pairs(sentence: str, pair: tuple[str, str]) -> None:
    found = find_amounts(sentence)
    assert [a.text for a in found] == list(pair)
    assert found[0].pair == 1 and found[1].pair == 0


@pytest.mark.parametrize(
    "sentence",
    [
        "分得2000元（其中现金1000元）。",  # a breakdown, not the other form
        "罚金5000元（5000元已缴纳）。",  # same form, and more text inside the bracket
        "退赔1万元，另赔偿伍仟元（已履行）。",
    ],
)
def test_not_pairs(sentence: str) -> None:
    assert all(a.pair is None for a in find_amounts(sentence))


def test_extract_amounts_is_memoised_on_the_context() -> None:
    raw = "被告人赵某退赔人民币伍仟元（5000元）。"
    norm = normalize(raw)
    ctx = Context(Document(make_doc_id(raw), "<t>", raw), norm, "judgment", sentences=sentence_spans(norm.text))
    first = extract_amounts(ctx)
    assert extract_amounts(ctx) is first
    assert [a.value for a in first] == [Decimal(5000), Decimal(5000)]


@pytest.mark.parametrize(("value", "shown"), [("12000.0", "12000"), ("1234.50", "1234.5"), ("0.05", "0.05")])
def test_format_value(value: str, shown: str) -> None:
    assert format_value(Decimal(value)) == shown
