"""identity_mismatch: the 公民身份号码 against GB 11643 and against the clause, the stated age against the 落款
date, one number for two names. Synthetic documents, fictitious names, generated numbers."""

from __future__ import annotations

from datetime import date

import pytest
from detector_context import make_context

from pipeline.detectors.identity_mismatch import (
    CONF_AGE,
    CONF_AGE_OFF_BY_ONE,
    CONF_CONTRADICTION,
    CONF_LENGTH,
    CONF_NAME_TWO_NUMBERS,
    CONF_NUMBER,
    CONF_REGION,
    CONF_SHARED_NUMBER,
    IdentityMismatch,
    age_on,
    document_date,
)

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def idn(first17: str, *, wrong: bool = False) -> str:
    """An 18-digit number with its correct check character, or a deliberately wrong one."""
    check = "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]
    if wrong:
        check = "0" if check != "0" else "1"
    return first17 + check


HEAD = "某某县人民检察院\n起诉书\n某检刑诉〔2020〕12号\n"
FOOT = "\n此致\n某某县人民法院\n检察官 陈某某\n二〇二〇年五月六日\n"
FOOT_ARABIC = "\n此致\n某某县人民法院\n检察官 陈某某\n2020年5月6日\n（院印）\n"


def doc(*clauses: str, foot: str = FOOT) -> str:
    return HEAD + "\n".join(clauses) + "\n经依法审查查明：……" + foot


def run(raw: str, doc_type: str = "indictment"):
    ctx = make_context(raw, doc_type)
    flags = list(IdentityMismatch().detect(ctx))
    for f in flags:
        assert f.code == "identity_mismatch" and f.family == "defect"
        assert f.detector == "identity_mismatch" and f.detector_version == "1"
        assert f.basis and f.reason and f.evidence
        for e in f.evidence:
            assert raw[e.start : e.end] == e.text
    return flags


GOOD = idn("33010219850302123")  # 男, 1985-03-02
GOOD_F = idn("33010219850302124")  # 女, 1985-03-02

# document, expected confidence, words the reason must contain, texts the evidence must include
POSITIVE = [
    (
        doc(f"被告人张某某，男，1985年3月2日出生，公民身份号码{idn('33010219850302123', wrong=True)}，汉族。"),
        CONF_NUMBER,
        ["校验位应为5", "文书为0"],
        [idn("33010219850302123", wrong=True)],
    ),
    (
        doc(f"犯罪嫌疑人李某，女，1990年2月28日出生，身份证号码{idn('32050619900230002')}，汉族。"),
        CONF_NUMBER,
        ["19900230", "不是有效日期"],
        [idn("32050619900230002")],
    ),
    (
        doc(f"被告人王某某，男，1985年3月20日出生，公民身份号码{GOOD}，汉族。"),
        CONF_CONTRADICTION,
        ["1985年3月20日", "1985年3月2日"],
        ["1985年3月20日", GOOD],
    ),
    (
        doc(f"被告人赵某，一九八五年三月二日出生，女，公民身份号码{GOOD}，汉族。"),
        CONF_CONTRADICTION,
        ["性别写为女", "奇数", "男"],
        ["女", GOOD],
    ),
    (
        doc(f"被告人钱某某，男，1985年3月2日出生，现年33岁，公民身份号码{GOOD}，汉族。"),
        CONF_AGE,
        ["33岁", "35周岁", "2020年5月6日"],
        ["33岁", "1985年3月2日", "二〇二〇年五月六日"],
    ),
    (
        doc("被告人孙某，男，1985年3月2日出生，现年三十四岁，汉族。"),
        CONF_AGE_OFF_BY_ONE,
        ["34岁", "35周岁"],
        ["三十四岁"],
    ),
    (
        doc("被告人周某某，男，1985年5月7日出生，35岁，汉族。", foot=FOOT_ARABIC),
        CONF_AGE_OFF_BY_ONE,
        ["应为34周岁"],
        ["35岁", "2020年5月6日"],
    ),
    (
        doc(
            f"被告人吴某，男，1985年3月2日出生，公民身份号码{GOOD}，汉族。",
            f"被告人郑某某，男，1985年3月2日出生，公民身份号码{GOOD}，汉族。",
        ),
        CONF_SHARED_NUMBER,
        ["吴某", "郑某某", "相同"],
        ["吴某", "郑某某", GOOD],
    ),
    (
        doc("被告人冯某，男，1985年3月2日出生，公民身份号码33010219850302123，汉族。"),
        CONF_LENGTH,
        ["17位"],
        ["33010219850302123"],
    ),
    (
        doc("被告人陈某，男，1949年12月30日出生，公民身份号码110105491231003，汉族。"),
        CONF_CONTRADICTION,
        ["1949年12月31日"],
        ["110105491231003"],
    ),
    (
        doc("被告人褚某某，女，1985年3月12日出生，公民身份号码33010219850302****，汉族。"),
        CONF_CONTRADICTION,
        ["1985年3月12日", "1985年3月2日"],
        ["33010219850302****"],
    ),
    (
        doc(f"被告人卫某，男，公民身份号码{idn('33010220210101123')}，汉族。"),
        CONF_NUMBER,
        ["晚于文书日期"],
        [idn("33010220210101123"), "二〇二〇年五月六日"],
    ),
    (
        doc(f"被告人蒋某，男，1985年3月2日出生，公民身份号码{idn('09010219850302123')}，汉族。"),
        CONF_REGION,
        ["地址码以09开头"],
        [idn("09010219850302123")],
    ),
    (
        doc(
            f"被告人沈某，男，1985年3月2日出生，公民身份号码{GOOD}，汉族。",
            f"被告人沈某，男，1985年3月2日出生，公民身份号码{idn('33010219850302133')}，汉族。",
        ),
        CONF_NAME_TWO_NUMBERS,
        ["沈某", "2个不同"],
        [GOOD, idn("33010219850302133")],
    ),
]


@pytest.mark.parametrize(
    ("raw", "confidence", "words", "pieces"), POSITIVE, ids=[f"pos{i}" for i in range(len(POSITIVE))]
)
def test_positive(raw: str, confidence: float, words: list[str], pieces: list[str]) -> None:
    flags = run(raw)
    assert len(flags) == 1, [f.reason for f in flags]
    (f,) = flags
    assert f.confidence == pytest.approx(confidence)
    for w in words:
        assert w in f.reason, f.reason
    texts = [e.text for e in f.evidence]
    for piece in pieces:
        assert piece in texts, texts


NEGATIVE = [
    doc(f"被告人韩某某，男，1985年3月2日出生，现年35岁，公民身份号码{GOOD}，汉族，大专文化。"),
    doc(f"被告人杨某，女，一九八五年三月二日出生，身份证号：{GOOD_F}，汉族。"),
    doc("被告人朱某，男，1985年5月6日出生，现年35岁，汉族。"),  # birthday on the 落款 date
    doc("被告人秦某，男，1985年5月7日出生，现年34岁，汉族。"),  # one day short of 35
    doc("被告人尤某，男，1985年3月2日出生，公民身份号码330102********1235，汉族。"),  # masked: not validated
    doc("被告人许某，男，1985年3月2日出生，公民身份号码XXXXXXXXXX********，汉族。"),
    doc("被告人何某，男，1949年12月31日出生，公民身份号码110105491231003，汉族。"),  # 15 digits, consistent
    # No 落款 date: the age cannot be checked.
    HEAD + "被告人吕某，男，1985年3月2日出生，现年20岁，汉族。\n经依法审查查明：……",
    # A victim's bare age is usually the age at the offence.
    doc("被害人施某，女，1990年1月1日出生，25岁。"),
    # The same person described twice (a judgment quoting the indictment) is one person.
    doc(
        f"被告人张某某，男，1985年3月2日出生，公民身份号码{GOOD}，汉族。",
        f"上诉人（原审被告人）张某某，男，1985年3月2日出生，公民身份号码{GOOD}，汉族。",
    ),
    # A 曾用名 is the same person.
    doc(
        f"被告人孔某（曾用名孔某某），男，1985年3月2日出生，公民身份号码{GOOD}，汉族。",
        f"被告人孔某某，男，1985年3月2日出生，公民身份号码{GOOD}，汉族。",
    ),
    # Numbers outside a basic-information clause are not read.
    doc("被告人曹某，男，1985年3月2日出生，汉族。", f"扣押清单记载银行卡号{idn('62220219850302123')}。"),
    # A lawyer's 17-digit 执业证号 is no ID number of wrong length.
    doc("辩护人严某，某律师事务所律师，执业证号13301201010101234。"),
]


@pytest.mark.parametrize("raw", NEGATIVE, ids=[f"neg{i}" for i in range(len(NEGATIVE))])
def test_negative(raw: str) -> None:
    flags = run(raw)
    assert flags == [], [f.reason for f in flags]


def test_a_person_described_twice_gives_one_flag_with_both_places() -> None:
    bad = idn("33010219850302123", wrong=True)
    clause = f"被告人张某某，男，1985年3月2日出生，公民身份号码{bad}，汉族。"
    flags = run(doc(clause, "上诉人（原审被告人）" + clause[3:]))
    assert len(flags) == 1
    assert [e.text for e in flags[0].evidence] == [bad, bad]


def test_several_defects_of_one_person_are_separate_flags() -> None:
    bad = idn("33010219850302124", wrong=True)  # 女 by the number, wrong check character
    flags = run(doc(f"被告人华某，男，1985年3月2日出生，公民身份号码{bad}，汉族。"))
    reasons = sorted(f.reason for f in flags)
    assert len(flags) == 2
    assert any("校验位" in r for r in reasons) and any("性别" in r for r in reasons)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (FOOT, date(2020, 5, 6)),
        (FOOT_ARABIC, date(2020, 5, 6)),
        ("2019年3月2日，被告人到案。", None),
        ("二〇一九年一月一日\n正文……\n二〇二〇年二月三日\n", date(2020, 2, 3)),
    ],
)
def test_document_date(text: str, expected: date | None) -> None:
    found = document_date(text)
    assert (found.value if found else None) == expected
    if found:
        assert "年" in text[found.start : found.end]


def test_age_on() -> None:
    assert age_on(date(1985, 5, 6), date(2020, 5, 6)) == 35
    assert age_on(date(1985, 5, 7), date(2020, 5, 6)) == 34
    assert age_on(date(2000, 2, 29), date(2021, 2, 28)) == 20
