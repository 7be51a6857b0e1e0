"""Procedural timeline: events, dates, persons, actors, lengths; what must not become an event.
Synthetic text with fictitious names."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.detectors.base import Context
from pipeline.extract import timeline as tl
from pipeline.extract.timeline import (
    defendants,
    document_date,
    extract_timeline,
    find_document_date,
    procedure_notes,
)
from pipeline.law.holidays import Period
from pipeline.normalize import normalize
from pipeline.sentences import sentence_spans
from pipeline.types import Document, make_doc_id

INDICTMENT = """某县人民检察院
起诉书
某检刑诉〔2019〕88号
被告人甲某某，男，1985年3月2日出生，汉族，初中文化，无业，住某县某镇。因涉嫌盗窃罪，于2019年3月1日被某县公安局刑事拘留，同年3月8日经本院批准逮捕，次日由某县公安局执行逮捕。现羁押于某县看守所。
被告人乙某，女，1990年7月9日出生，汉族，高中文化，农民。因涉嫌盗窃罪，于2019年3月2日被某县公安局刑事拘留，同年3月5日被某县公安局取保候审。
本案由某县公安局侦查终结，以被告人甲某某、乙某涉嫌盗窃罪，于2019年5月6日向本院移送审查起诉。本院受理后，于2019年5月7日已告知被告人有权委托辩护人，依法讯问了被告人，审查了全部案件材料。其间，退回侦查机关补充侦查一次（2019年6月3日），2019年6月28日补充侦查完毕重新移送本院审查起诉，延长审查起诉期限一次（十五日）。
经依法审查查明：2019年2月27日夜，被告人甲某某伙同被告人乙某在某县某超市盗窃现金人民币8000元。认定上述事实的证据如下：拘留证、逮捕证、取保候审决定书等。
此致
某县人民法院
检察官 王某
二〇一九年七月二十日
（院印）
"""


def context(raw: str, doc_type: str = "indictment") -> Context:
    norm = normalize(raw)
    return Context(
        document=Document(make_doc_id(raw), "<test>", raw), norm=norm, doc_type=doc_type,
        sentences=sentence_spans(norm.text),
    )  # fmt: skip


def events(raw: str, doc_type: str = "indictment") -> list[tl.Event]:
    ctx = context(raw, doc_type)
    found = extract_timeline(ctx)
    for e in found:
        ctx.span(e.start, e.end)  # maps to raw offsets without error
    return found


def summary(evs: list[tl.Event]) -> list[tuple[str, date | None, tuple[str, ...]]]:
    return [(e.kind, e.date, e.persons) for e in evs]


def test_indictment_timeline_per_person() -> None:
    evs = events(INDICTMENT)
    assert summary([e for e in evs if e.persons == ("甲某某",)]) == [
        (tl.DETAINED, date(2019, 3, 1), ("甲某某",)),
        (tl.ARREST_APPROVED, date(2019, 3, 8), ("甲某某",)),
        (tl.ARRESTED, date(2019, 3, 9), ("甲某某",)),
    ]
    assert summary([e for e in evs if e.persons == ("乙某",)]) == [
        (tl.DETAINED, date(2019, 3, 2), ("乙某",)),
        (tl.BAIL, date(2019, 3, 5), ("乙某",)),
    ]
    case = [(e.kind, e.date) for e in evs if e.kind in tl.CASE_KINDS]
    assert case == [
        (tl.TRANSFERRED, date(2019, 5, 6)),
        (tl.RIGHTS_NOTIFIED, date(2019, 5, 7)),
        (tl.RETURNED, date(2019, 6, 3)),
        (tl.RESUBMITTED, date(2019, 6, 28)),
        (tl.REVIEW_EXTENDED, None),
        (tl.INDICTED, date(2019, 7, 20)),  # the 起诉书 itself, dated by its 落款
    ]


def test_actor_length_count_and_synthetic_event() -> None:
    evs = events(INDICTMENT)
    by_kind = {e.kind: e for e in evs}
    assert by_kind[tl.DETAINED].actor_kind == tl.POLICE
    assert by_kind[tl.ARREST_APPROVED].actor == "本院" and by_kind[tl.ARREST_APPROVED].actor_kind == tl.PROCURATORATE
    assert by_kind[tl.REVIEW_EXTENDED].length == Period(days=15)
    assert by_kind[tl.REVIEW_EXTENDED].count == 1
    assert by_kind[tl.RETURNED].count == 1
    assert by_kind[tl.INDICTED].synthetic
    assert not any(e.kind == tl.CAUGHT for e in evs)


def test_defendants_and_document_date() -> None:
    ctx = context(INDICTMENT)
    assert defendants(ctx) == ["甲某某", "乙某"]
    d = document_date(ctx)
    assert d is not None and d.value == date(2019, 7, 20)


def test_procedure_notes() -> None:
    notes = procedure_notes(context(INDICTMENT))
    assert notes.review_extended and notes.returns_stated == 1
    assert not notes.speedy and not notes.clock_paused


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # the approval without 逮捕 and a relative execution date
        ("被告人丙某，男，1980年1月1日出生。因涉嫌诈骗罪，于2017年12月30日被某县公安局刑事拘留；2018年2月5日，经某县人民检察院批准，次日被某县公安局执行逮捕。",
         [(tl.DETAINED, date(2017, 12, 30)), (tl.ARREST_APPROVED, date(2018, 2, 5)), (tl.ARRESTED, date(2018, 2, 6))]),
        # a date in a clause of its own is carried to the next clause
        ("被告人丁某，男，1992年11月30日出生。2019年3月30日，因涉嫌开设赌场罪被某县公安局刑事拘留，同年4月30日经某县人民检察院不批准逮捕，2019年5月1日被某县公安局取保候审。",
         [(tl.DETAINED, date(2019, 3, 30)), (tl.ARREST_REFUSED, date(2019, 4, 30)), (tl.BAIL, date(2019, 5, 1))]),
        # a birth date is never an event date
        ("被告人戊某，男，1990年1月1日出生，汉族，因涉嫌盗窃罪被刑事拘留。", []),
        # evidence names, negations and applications are not events
        ("证据有拘留证、逮捕证、取保候审决定书、释放证明书。本案未经退回补充侦查。2019年5月3日，辩护人申请取保候审。", []),
        # prior convictions and administrative detention are not this case's events
        ("被告人己某，男，1979年2月3日出生。曾因犯盗窃罪于2010年3月1日被刑事拘留，2011年5月2日刑满释放；2013年12月24日因赌博被行政拘留15日。因涉嫌寻衅滋事罪，于2018年9月7日被某县公安局刑事拘留。",
         [(tl.DETAINED, date(2018, 9, 7))]),
        # a prior statement ends where a fresh absolute date starts a new one; 同年 still belongs to it
        ("被告人辛某，男，1986年1月1日出生。2013年12月24日因赌博被某县公安局行政拘留15日，并处罚款3000元，2018年8月31日被某县公安人员抓获，"
         "9月1日被关押，9月7日因涉嫌寻衅滋事被某县公安局刑事拘留。",
         [(tl.CAUGHT, date(2018, 8, 31)), (tl.CUSTODY, date(2018, 9, 1)), (tl.DETAINED, date(2018, 9, 7))]),
        ("被告人壬某，男，1976年1月1日出生。曾因犯盗窃罪于2010年3月1日被刑事拘留，同年4月1日被逮捕，2011年5月2日刑满释放。", []),
        # an approval whose object is an extension is the extension, not a 批准逮捕
        ("被告人癸某，男，1983年5月6日出生。因涉嫌诈骗罪，于2019年3月1日被刑事拘留，同年3月8日被执行逮捕。2019年5月7日，经某市人民检察院批准，延长侦查羁押期限一个月。",
         [(tl.DETAINED, date(2019, 3, 1)), (tl.ARRESTED, date(2019, 3, 8)), (tl.INVESTIGATION_EXTENDED, date(2019, 5, 7))]),
        ("被告人钱某乙，女，1991年2月3日出生。因涉嫌集资诈骗罪，于2020年6月2日被刑事拘留，同年7月8日被逮捕，同年9月7日经某省人民检察院依法批准，对其羁押期限延长二个月。",
         [(tl.DETAINED, date(2020, 6, 2)), (tl.ARRESTED, date(2020, 7, 8)), (tl.INVESTIGATION_EXTENDED, date(2020, 9, 7))]),
        # …while a bare approval followed by the execution stays an arrest approval
        ("被告人孙某丙，男，1979年9月9日出生。因涉嫌抢劫罪，于2021年1月4日被刑事拘留，2021年1月11日经某区人民检察院批准，当日被执行逮捕。",
         [(tl.DETAINED, date(2021, 1, 4)), (tl.ARREST_APPROVED, date(2021, 1, 11)), (tl.ARRESTED, date(2021, 1, 11))]),
        # 同年 across a year end stays in the same year (a writer's error the date_error detector catches)
        ("被告人庚某，男，1988年8月8日出生。因涉嫌抢劫罪，于2019年12月28日被刑事拘留，同年1月4日被逮捕。",
         [(tl.DETAINED, date(2019, 12, 28)), (tl.ARRESTED, date(2019, 1, 4))]),
    ],
)  # fmt: skip
def test_sentences(raw: str, expected: list[tuple[str, date]]) -> None:
    assert [(e.kind, e.date) for e in events(raw, "judgment") if e.date] == expected


def test_several_defendants_named_in_narrative() -> None:
    raw = (
        "被告人甲某，男，1980年1月1日出生。被告人乙某，男，1981年2月2日出生。辩护人丙某，某律师事务所律师。"
        "某县人民检察院以某检刑诉〔2020〕5号起诉书指控被告人甲某、乙某犯盗窃罪，于2020年3月2日向本院提起公诉。"
        "经审理查明：2019年10月1日，被告人甲某在某地被公安机关抓获，被告人乙某于2019年10月3日投案。"
    )
    evs = events(raw, "judgment")
    caught = [(e.persons, e.date) for e in evs if e.kind == tl.CAUGHT]
    assert caught == [(("甲某",), date(2019, 10, 1)), (("乙某",), date(2019, 10, 3))]
    (indicted,) = [e for e in evs if e.kind == tl.INDICTED]
    assert indicted.date == date(2020, 3, 2)


def test_single_defendant_owns_unnamed_personal_events() -> None:
    raw = "被告人辛某，男，1970年5月5日出生，住某县。辩护人壬某，律师。经审理查明：2019年6月1日，公安民警将其抓获。"
    (caught,) = [e for e in events(raw, "judgment") if e.kind == tl.CAUGHT]
    assert caught.persons == ("辛某",) and caught.date == date(2019, 6, 1)


def test_judgment_instances_and_extension_length() -> None:
    raw = (
        "某省某市中级人民法院刑事判决书（2020）某01刑终50号。上诉人（原审被告人）癸某，男，1991年6月29日出生。"
        "因涉嫌诈骗罪，于2019年1月3日被刑事拘留。某区人民法院审理某区人民检察院指控原审被告人癸某犯诈骗罪一案，"
        "于2019年12月20日作出（2019）某0102刑初478号刑事判决。本院于2020年1月10日受理后，经某省高级人民法院批准，延长审限二个月。"
    )
    evs = events(raw, "judgment")
    (judged,) = [e for e in evs if e.kind == tl.JUDGED]
    assert (judged.date, judged.instance) == (date(2019, 12, 20), "first")
    (received,) = [e for e in evs if e.kind == tl.COURT_RECEIVED]
    assert (received.date, received.instance) == (date(2020, 1, 10), "second")
    (ext,) = [e for e in evs if e.kind == tl.TRIAL_EXTENDED]
    assert ext.length == Period(months=2)


def test_sentence_credit_event() -> None:
    raw = (
        "被告人甲某，男，1980年1月1日出生。因涉嫌盗窃罪于2019年3月5日被刑事拘留。\n判决如下：\n"
        "被告人甲某犯盗窃罪，判处有期徒刑三年，并处罚金人民币五千元。（刑期从判决执行之日起计算。判决执行以前先行羁押的，"
        "羁押一日折抵刑期一日，即自2019年3月5日起至2022年3月4日止。）"
    )
    (credit,) = [e for e in events(raw, "judgment") if e.kind == tl.SENTENCE_CREDIT]
    assert (credit.date, credit.until, credit.detail, credit.persons) == (
        date(2019, 3, 5), date(2022, 3, 4), "有期徒刑三年", ("甲某",),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "……此致\n某县人民法院\n检察官 王某\n二〇一九年七月二十日\n（院印）\n附：羁押处所某县看守所",
            date(2019, 7, 20),
        ),
        ("……审判长 张某 审判员 李某 二〇二〇年五月十五日 书记员 赵某", date(2020, 5, 15)),
        ("经审理查明，2017年9月30日被告人来到某店，称其需要提货。2017年10月3日，被告人再次来到该店。", None),
    ],
)
def test_find_document_date(text: str, expected: date | None) -> None:
    d = find_document_date(text)
    assert (d.value if d else None) == expected
