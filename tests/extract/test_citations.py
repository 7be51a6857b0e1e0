"""Citation and charge extraction on synthetic sentences in the style of 起诉书 / 判决书."""

from __future__ import annotations

import pytest

from pipeline.extract.citations import extract_charges, extract_citations
from pipeline.normalize import normalize

XF = "刑法"
CPL = "刑事诉讼法"
SPC = "最高人民法院关于适用《刑事诉讼法》的解释"
RULES = "人民检察院刑事诉讼规则"

# (raw text, [(law_key, article, sub, paragraph, item, text of the article reference)])
CASES = [
    (
        "其行为触犯了《中华人民共和国刑法》第二百六十四条第一款第（二）项之规定",
        [(XF, 264, 0, 1, 2, "第二百六十四条第一款第（二）项")],
    ),
    ("根据刑法第264条的规定，构成盗窃罪", [(XF, 264, 0, None, None, "第264条")]),
    ("根据刑法第２６４条的规定", [(XF, 264, 0, None, None, "第264条")]),  # full-width digits
    ("触犯了《刑法》第二百六十六条", [(XF, 266, 0, None, None, "第二百六十六条")]),
    (
        "依照《中华人民共和国刑法》第二百三十四条第一款、第六十七条第三款、第五十二条、第五十三条之规定，判决如下",
        [(XF, 234, 0, 1, None, "第二百三十四条第一款"), (XF, 67, 0, 3, None, "第六十七条第三款"),
         (XF, 52, 0, None, None, "第五十二条"), (XF, 53, 0, None, None, "第五十三条")],
    ),
    (
        "依照《中华人民共和国刑法》第二十五条第一款、第二十六条第一款、第四款之规定",
        [(XF, 25, 0, 1, None, "第二十五条第一款"), (XF, 26, 0, 1, None, "第二十六条第一款"),
         (XF, 26, 0, 4, None, "第四款")],
    ),
    (
        "其行为已触犯《中华人民共和国刑法》第一百三十三条之一第一款第（一）项，应当以危险驾驶罪追究其刑事责任",
        [(XF, 133, 1, 1, 1, "第一百三十三条之一第一款第（一）项")],
    ),
    (
        "适用《中华人民共和国刑法》第十二条至第十四条的规定",
        [(XF, 12, 0, None, None, "第十二条"), (XF, 13, 0, None, None, "第十四条"),
         (XF, 14, 0, None, None, "第十四条")],
    ),
    (  # the law carries across a comma, then a new law starts
        "依照《中华人民共和国刑法》第二百三十四条第一款，第六十七条第一款，《最高人民法院关于适用〈中华人民共和国"
        "刑事诉讼法〉的解释》第一百五十五条之规定",
        [(XF, 234, 0, 1, None, "第二百三十四条第一款"), (XF, 67, 0, 1, None, "第六十七条第一款"),
         (SPC, 155, 0, None, None, "第一百五十五条")],
    ),
    (
        "依照《中华人民共和国刑法》第三百五十八条第一、三款、第七十二条第一、三款之规定",
        [(XF, 358, 0, 1, None, "第三百五十八条第一、三款"), (XF, 358, 0, 3, None, "第三百五十八条第一、三款"),
         (XF, 72, 0, 1, None, "第七十二条第一、三款"), (XF, 72, 0, 3, None, "第七十二条第一、三款")],
    ),
    (
        "依照《中华人民共和国刑法》第三百八十三条第一、三款第（二）项之规定",
        [(XF, 383, 0, 1, None, "第三百八十三条第一、三款第（二）项"), (XF, 383, 0, 3, 2, "第三百八十三条第一、三款第（二）项")],
    ),
    ("其行为触犯《中华人民共和国刑法》第三百八十四条一款，犯罪事实清楚", [(XF, 384, 0, 1, None, "第三百八十四条一款")]),
    (
        "其行为触犯《中华人民共和国刑法》第三百八十九条、三百九十条的规定，构成行贿罪",
        [(XF, 389, 0, None, None, "第三百八十九条"), (XF, 390, 0, None, None, "三百九十条")],
    ),
    (
        "依照《中华人民共和国刑法》第二百九十三条第一款（一）、（二）项、第二十五条第一款之规定",
        [(XF, 293, 0, 1, 1, "第二百九十三条第一款（一）、（二）项"), (XF, 293, 0, 1, 2, "第二百九十三条第一款（一）、（二）项"),
         (XF, 25, 0, 1, None, "第二十五条第一款")],
    ),
    (
        "依照《中华人民共和国刑法》第二百九十三条第一款第（二）项、第（三）项、第二款之规定",
        [(XF, 293, 0, 1, 2, "第二百九十三条第一款第（二）项"), (XF, 293, 0, 1, 3, "第（三）项"),
         (XF, 293, 0, 2, None, "第二款")],
    ),
    (
        "依照《中华人民共和国刑法》第七十二条第一款及该条第三款之规定",
        [(XF, 72, 0, 1, None, "第七十二条第一款"), (XF, 72, 0, 3, None, "第三款")],
    ),
    (  # 同法 carries the previous law
        "根据《中华人民共和国刑事诉讼法》第一百七十七条第二款的规定，同法第一百七十八条",
        [(CPL, 177, 0, 2, None, "第一百七十七条第二款"), (CPL, 178, 0, None, None, "第一百七十八条")],
    ),
    ("根据刑诉法第一百七十六条的规定，提起公诉", [(CPL, 176, 0, None, None, "第一百七十六条")]),
    ("依据《人民检察院刑事诉讼规则》第三百五十八条", [(RULES, 358, 0, None, None, "第三百五十八条")]),
    (  # issuer outside the brackets
        "依照最高人民法院《关于审理掩饰、隐瞒犯罪所得、犯罪所得收益刑事案件适用法律若干问题的解释》第三条第（二）项",
        [("最高人民法院关于审理掩饰、隐瞒犯罪所得、犯罪所得收益刑事案件适用法律若干问题的解释", 3, 0, None, 2,
          "第三条第（二）项")],
    ),
    ("根据《中华人民共和国刑事诉讼法》第一百二十八 条的规定", [(CPL, 128, 0, None, None, "第一百二十八条")]),
    ("《中华人民共和国刑法修正案（九）》第十三条", [("刑法修正案（九）", 13, 0, None, None, "第十三条")]),
]  # fmt: skip


@pytest.mark.parametrize(("raw", "expected"), CASES)
def test_extract_citations(raw: str, expected: list[tuple]) -> None:
    norm = normalize(raw)
    got = extract_citations(norm.text)
    assert [(c.law_key, c.article, c.sub, c.paragraph, c.item, norm.text[c.start : c.end]) for c in got] == expected
    for c in got:
        span = norm.raw_span(c.start, c.end)
        assert raw[span.start : span.end] == span.text


# Text with article numbers that are not statute citations
@pytest.mark.parametrize(
    "raw",
    [
        "按双方签订的《煤炭供销合同》第五条约定，到站价为每卡0.11元",
        "改制方案第四条规定资产额按账面值计算",
        "被告人张某于2019年3月5日第三次进入该小区",
        "同法第二条",  # an anaphor with nothing before it
        "依照上述规定，第一，被告人应当退赔",
    ],
)
def test_no_false_citations(raw: str) -> None:
    assert extract_citations(normalize(raw).text) == []


def test_name_forms() -> None:
    text = "依照《中华人民共和国刑法》第二百六十四条、刑法第六十七条、刑诉法第十五条、《中华人民共和刑法》第五十二条"
    forms = [(c.law_key, c.name_form, c.near_key) for c in extract_citations(text)]
    assert forms == [(XF, "full", None), (XF, "abbr", None), (CPL, "nonstandard", None), (None, "near", XF)]


def test_pinned_version_and_note() -> None:
    text = "根据《人民检察院刑事诉讼规则（试行）》第三百九十条、《中华人民共和国刑事诉讼法》（2012年修正）第一百七十一条第四款"
    a, b = extract_citations(text)
    assert a.law_key == RULES and a.version == "人民检察院刑事诉讼规则@2013" and a.version_note is None
    assert b.law_key == CPL and b.version == "刑事诉讼法@2012" and b.version_note == "（2012年修正）"
    assert (b.article, b.paragraph) == (171, 4)


def test_law_span_covers_the_name() -> None:
    text = "其行为触犯了《中华人民共和国刑法》第二百六十四条"
    (c,) = extract_citations(text)
    assert text[c.law_start : c.law_end] == "《中华人民共和国刑法》"


# ------------------------------------------------------------------ charges


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("被告人张某犯盗窃罪，判处有期徒刑六个月", [("盗窃罪", "盗窃罪")]),
        ("被告人李某某犯盗窃、诈骗罪，应数罪并罚", [("盗窃罪", "盗窃"), ("诈骗罪", "诈骗罪")]),
        ("犯故意伤害罪、抢劫罪", [("故意伤害罪", "故意伤害罪"), ("抢劫罪", "抢劫罪")]),
        ("应当以掩饰、隐瞒犯罪所得罪追究其刑事责任", [("掩饰、隐瞒犯罪所得、犯罪所得收益罪", "掩饰、隐瞒犯罪所得罪")]),
        ("其行为已构成贩卖毒品罪", [("走私、贩卖、运输、制造毒品罪", "贩卖毒品罪")]),
        ("以涉嫌危险驾驶罪被刑事拘留", [("危险驾驶罪", "危险驾驶罪")]),
        ("构成合同诈骗罪而非诈骗罪", [("合同诈骗罪", "合同诈骗罪"), ("诈骗罪", "诈骗罪")]),
        ("犯罪事实清楚，证据确实、充分，应数罪并罚", []),
        ("公诉机关指控的罪名成立", []),
    ],
)
def test_extract_charges(raw: str, expected: list[tuple[str, str]]) -> None:
    norm = normalize(raw)
    got = extract_charges(norm.text)
    assert [(m.name, m.surface) for m in got] == expected
    for m in got:
        assert norm.text[m.start : m.end] == m.surface
