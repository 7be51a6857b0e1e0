"""privacy_leak: unmasked ID numbers, mobile numbers, bank cards and home addresses in publishable documents.

Fictitious people; ID and card numbers are generated here (valid check digits, made-up serials)."""

from __future__ import annotations

import pytest
from detector_context import make_context

from pipeline.detectors.privacy_leak import PrivacyLeak, find_personal_data, luhn_ok
from pipeline.types import Flag

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def idn(first17: str) -> str:
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


def card(prefix: str) -> str:
    """Complete a card number with its Luhn check digit."""
    return next(prefix + d for d in "0123456789" if luhn_ok(prefix + d))


ID_A = idn("33010219850302123")
ID_B = idn("41010519900715456")
CARD = card("621700001000123456")


def run(raw: str, doc_type: str = "judgment", meta: dict | None = None) -> list[Flag]:
    ctx = make_context(raw, doc_type, meta)
    flags = list(PrivacyLeak().detect(ctx))
    for f in flags:
        assert f.code == "privacy_leak" and f.family == "violation"
        assert f.detector == "privacy_leak" and f.detector_version == "1"
        assert "第七条第（十二）项" in f.basis and "互联网公布裁判文书" in f.basis
        for e in f.evidence:
            assert raw[e.start : e.end] == e.text
            assert e.text not in f.reason  # the reason never repeats the personal data itself
    return flags


# (text, evidence texts of the single flag)
POSITIVES = [
    (f"被告人张某，男，1985年3月2日出生，公民身份号码{ID_A}，汉族，初中文化。", [ID_A]),
    (f"户籍证明证实，李某某，女，居民身份证号码{ID_B}，户籍地某省某县。", [ID_B]),
    ("被告人王某某使用的手机号码：13912345678，微信号为wx0001。", ["13912345678"]),
    ("证人赵某某（联系电话139-1234-5678）证实：", ["139-1234-5678"]),
    (f"被告人将赃款转入其建设银行卡（卡号{CARD}）内。", [CARD]),
    (f"转入账号{CARD}后取现。", [CARD]),
    ("被告人陈某，男，汉族，住某省某市某区文一路88号3幢201室。", ["某省某市某区文一路88号3幢201室"]),
    ("被害人孙某某家住某县某镇大王庄村三组12号，系农民。", ["某县某镇大王庄村三组12号"]),
    ("证人周某证言：其居住于某市某区和平路十五号二单元一〇二室。", ["某市某区和平路十五号二单元一〇二室"]),
]


@pytest.mark.parametrize(("text", "evidence"), POSITIVES)
def test_flags(text: str, evidence: list[str]) -> None:
    [flag] = run(text)
    assert [e.text for e in flag.evidence] == evidence
    assert flag.confidence >= 0.6


NEGATIVES = [
    "被告人李某，公民身份号码330102********123X，汉族。",
    "公民身份号码3301021985×××××12X。",
    "被告人钱某，公民身份号码110101198513451234。",  # month 13: not a real ID number
    "联系电话139****5678。",
    "订单号13912345678已取消。",
    "（2019）某0105刑初13912345号刑事判决书",
    "银行卡号6217********4567。",
    "卡号6217000010001234567。",  # fails the Luhn check
    "交易流水号" + card("621700001000987654") + "。",
    "产品编码" + card("400012341234123") + "。",  # no card context, not a UnionPay number
    "被告单位某某有限公司，住所地某市某区世纪大道100号。",
    "公司注册后住所在某市某区中山南路499号702室。",
    "被告人在某市文三路100号3幢201室内盗窃现金。",
    "被害人因伤住院治疗3个月。",
    "被告人住某市××路××号。",
    "被告人住某省某市某区。",  # no house number: not a detailed address
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_does_not_flag(text: str) -> None:
    assert run(text) == []


def test_one_flag_per_kind_with_every_occurrence() -> None:
    text = f"被告人甲某，公民身份号码{ID_A}。被告人乙某，公民身份号码{ID_B}，手机号码15012345678。"
    flags = run(text)
    assert sorted(len(f.evidence) for f in flags) == [1, 2]
    assert any("2处" in f.reason and "公民身份号码" in f.reason for f in flags)


def test_publication_decides_whether_to_flag() -> None:
    text = f"犯罪嫌疑人某某，公民身份号码{ID_A}。"
    assert run(text, "judgment")[0].confidence == run(text, "indictment")[0].confidence
    assert run(f"被告人王某，公民身份号码{ID_A}。", "indictment")
    # the filed original of a procuratorial document must carry the full number; masked victims prove nothing
    assert run(f"犯罪嫌疑人王五，公民身份号码{ID_A}。被害人刘某某报案。", "indictment") == []
    assert run(f"犯罪嫌疑人王五，公民身份号码{ID_A}。", "review_report") == []
    assert run(text, "review_report", meta={"published": True})
    assert run(text, "judgment", meta={"published": False}) == []


def test_full_width_digits_are_found_in_raw_offsets() -> None:
    raw = "证人手机号码：１３９１２３４５６７８。"
    [flag] = run(raw)
    assert flag.evidence[0].text == "１３９１２３４５６７８"


def test_find_personal_data_kinds() -> None:
    text = f"公民身份号码{ID_A}，电话13712345678，卡号{CARD}，住某区某路1号。"
    assert [h.kind for h in find_personal_data(text)] == ["id", "phone", "card", "address"]


@pytest.mark.parametrize(("digits", "ok"), [(CARD, True), (CARD[:-1] + str((int(CARD[-1]) + 1) % 10), False)])
def test_luhn(digits: str, ok: bool) -> None:
    assert luhn_ok(digits) is ok
