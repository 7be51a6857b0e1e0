"""Persons from basic-information clauses: roles, gender, birth date, 公民身份号码, age, aliases, spans.
Synthetic clauses with fictitious names in the wording of 起诉书, 不起诉决定书 and 判决书."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.detectors.base import Context
from pipeline.extract.persons import Person, extract_persons, find_persons
from pipeline.normalize import normalize
from pipeline.sentences import sentence_spans
from pipeline.types import Document, make_doc_id

# text, then the expected reading of its first person:
# (name, roles, gender, birth date, ID as written, age, aliases)
CASES = [
    (
        "被告人张某某，男，1985年3月2日出生，公民身份号码330102198503021235，汉族，大专文化，无业，住某市某区。",
        ("张某某", ("被告人",), "男", date(1985, 3, 2), "330102198503021235", None, ()),
    ),
    (
        "犯罪嫌疑人李某，女，一九九〇年十二月三十一日出生，身份证号码11010519901231002X，汉族，初中文化。",
        ("李某", ("犯罪嫌疑人",), "女", date(1990, 12, 31), "11010519901231002X", None, ()),
    ),
    (
        "被不起诉人王某某，性别：男，出生日期：1979.05.06，居民身份证号码：330102197905061238，汉族。",
        ("王某某", ("被不起诉人",), "男", date(1979, 5, 6), "330102197905061238", None, ()),
    ),
    (
        "上诉人（原审被告人）赵某，男，1988年1月9日出生于某省某县，现年32岁，汉族，户籍地某省某县。",
        ("赵某", ("上诉人", "原审被告人"), "男", date(1988, 1, 9), None, 32, ()),
    ),
    (
        "原审被告人：孙某甲，男，生于1970年2月13日，汉族，文化程度初中，住某市某区。",
        ("孙某甲", ("原审被告人",), "男", date(1970, 2, 13), None, None, ()),
    ),
    (
        "被告人钱某某（曾用名钱小某），男，汉族，1992年10月1日出生，身份证号：330102199210011231，个体经营。",
        ("钱某某", ("被告人",), "男", date(1992, 10, 1), "330102199210011231", None, ("钱小某",)),
    ),
    (
        "被告人周某，绰号“大头”，男，35岁，汉族，小学文化，农民。",
        ("周某", ("被告人",), "男", None, None, 35, ("大头",)),
    ),
    (
        "被害人吴某某，女，现年二十八岁，某公司职员。",
        ("吴某某", ("被害人",), "女", None, None, 28, ()),
    ),
    (
        "被告人郑某，1985年3月2日生，女，汉族，公民身份号码330102********1235。",
        ("郑某", ("被告人",), "女", date(1985, 3, 2), "330102********1235", None, ()),
    ),
    (
        "辩护人冯某，某某律师事务所律师。",
        ("冯某", ("辩护人",), None, None, None, None, ()),
    ),
    (
        "被告人暨附带民事诉讼被告人：陈某某，男，汉族，1966年7月17日出生，公民身份号码330102196607171239。",
        ("陈某某", ("被告人",), "男", date(1966, 7, 17), "330102196607171239", None, ()),
    ),
    (
        "被告人阿卜杜·某某，男，1990年5月5日出生，维吾尔族，330102199005051230，无业。",
        ("阿卜杜·某某", ("被告人",), "男", date(1990, 5, 5), "330102199005051230", None, ()),
    ),
    (
        "被告人于某，男，1975年6月1日出生，公民身份号码3301021975060112，汉族。",
        ("于某", ("被告人",), "男", date(1975, 6, 1), "3301021975060112", None, ()),
    ),
]


def located_text(text: str, loc) -> str | None:
    return None if loc is None else text[loc.start : loc.end]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_clause(text: str, expected: tuple) -> None:
    name, roles, gender, birth, id_number, age, aliases = expected
    persons = find_persons(text)
    assert persons, text
    p = persons[0]
    assert p.name == name and text[p.name_span[0] : p.name_span[1]] == name
    assert p.roles == roles and p.role == roles[0]
    assert (p.gender.value if p.gender else None) == gender
    assert located_text(text, p.gender) == gender
    assert (p.birth_date.value if p.birth_date else None) == birth
    assert (p.id_number.value if p.id_number else None) == id_number
    assert located_text(text, p.id_number) == id_number
    assert (p.age.value if p.age else None) == age
    if p.age:
        assert located_text(text, p.age).endswith("岁")
    assert tuple(a.value for a in p.aliases) == aliases
    assert all(text[a.start : a.end] == a.value for a in p.aliases)
    if p.birth_date:
        assert "年" in located_text(text, p.birth_date) or "." in located_text(text, p.birth_date)


def test_birth_date_span_is_the_date_only() -> None:
    text = "被告人赵某，男，出生日期：一九八八年一月九日，汉族。"
    (p,) = find_persons(text)
    assert located_text(text, p.birth_date) == "一九八八年一月九日"


def test_id_info_is_parsed() -> None:
    (p,) = find_persons("被告人张某某，男，1985年3月2日出生，公民身份号码330102198503021234，汉族。")
    assert p.id_info is not None and p.id_info.expected_check == "5"


def test_two_people_in_one_paragraph_keep_their_own_attributes() -> None:
    text = (
        "被告人甲某某，男，1980年1月1日出生，公民身份号码330102198001011233，汉族。"
        "被告人乙某，女，1991年2月2日出生，公民身份号码330102199102021245，汉族。"
    )
    a, b = find_persons(text)
    assert (a.name, a.birth_date.value, a.id_number.value) == ("甲某某", date(1980, 1, 1), "330102198001011233")
    assert (b.name, b.gender.value, b.birth_date.value) == ("乙某", "女", date(1991, 2, 2))
    assert a.clause[1] <= b.clause[0]


NOT_PERSONS = [
    "被告人张某某于2019年3月2日窜至被害人家中，盗得现金五千元。",
    "被告人张某某，因涉嫌盗窃罪于2019年3月2日被刑事拘留。",
    "被告人的供述，证实其于某日在某地盗窃的事实。",
    "被上诉人某某公司，住所地某市某区。",
    "辩护人提出，被告人系初犯，请求从轻处罚。",
    "证实被告人张某某出生于1985年3月2日，案发时已满十八周岁。",
]


@pytest.mark.parametrize("text", NOT_PERSONS, ids=[f"not{i}" for i in range(len(NOT_PERSONS))])
def test_not_a_basic_information_clause(text: str) -> None:
    assert find_persons(text) == []


def test_extract_persons_is_memoised_on_the_context() -> None:
    raw = "被告人张某某，男，1985年3月2日出生，汉族。"
    norm = normalize(raw)
    ctx = Context(
        document=Document(make_doc_id(raw), "<test>", raw),
        norm=norm,
        doc_type="indictment",
        sentences=sentence_spans(norm.text),
    )
    first = extract_persons(ctx)
    assert first and isinstance(first[0], Person)
    assert extract_persons(ctx) is first
