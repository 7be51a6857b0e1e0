"""minor_protection: a defendant under 18 interrogated or tried with nobody for him (explicit statements, or
inferred from birth date and procedural dates when the document records no 法定代理人/合适成年人), tried in
public, or named in full in a published judgment. Synthetic text, fictitious names."""

from __future__ import annotations

from datetime import date

import pytest
from detector_context import make_context

from pipeline import doctypes
from pipeline.detectors._stance import CONF_CLAIM, CONF_FINDING, CONF_REJECTED
from pipeline.detectors.minor_protection import (
    CONF_INFERRED_DATED,
    CONF_INFERRED_OFFENCE_ONLY,
    CONF_INFERRED_STATED,
    CONF_NAME,
    CONF_PUBLIC_CERTAIN,
    CONF_PUBLIC_LIKELY,
    MinorProtection,
    age_on,
    eighteenth_birthday,
)
from pipeline.law.statutes import article_text


def run(raw: str, doc_type: str = doctypes.JUDGMENT) -> list:
    flags = list(MinorProtection().detect(make_context(raw, doc_type)))
    for f in flags:
        assert f.code == "minor_protection" and f.family == "violation"
        assert f.detector == "minor_protection" and f.detector_version == "1"
        assert f.basis.startswith("《") and f.reason
        assert f.evidence
        for e in f.evidence:
            assert raw[e.start : e.end] == e.text
    return flags


def judgment(defendant: str, trial: str, attendance: str, date_line: str = "二〇二〇年六月一日") -> str:
    return (
        "某县人民法院\n刑事判决书\n（2020）某0102刑初45号\n公诉机关某县人民检察院。\n"
        f"{defendant}\n辩护人孙律，某律师事务所律师。\n"
        "某县人民检察院以某检刑诉〔2020〕30号起诉书指控被告人犯抢劫罪，于2020年5月10日向本院提起公诉。"
        f"本院依法组成合议庭，{trial}了本案。某县人民检察院指派检察员赵某出庭支持公诉，{attendance}到庭参加诉讼。现已审理终结。\n"
        "经审理查明，2020年3月1日晚，被告人在某县某路持刀抢劫被害人手机一部。被告人在侦查阶段的供述与辩解证实上述事实。\n"
        f"本院认为……判决如下：被告人犯抢劫罪，判处有期徒刑三年。\n审判员 钱某\n{date_line}\n书记员 周某\n"
    )


MINOR_CLAUSE = (
    "被告人李小明，男，2003年5月6日出生，汉族，初中文化，学生。因涉嫌抢劫罪于2020年3月2日被某县公安局刑事拘留，"
    "同年3月9日被逮捕。现羁押于某县看守所。"
)
ADULT_CLAUSE = (
    "被告人王大海，男，1990年7月8日出生，汉族，初中文化，无业。因涉嫌抢劫罪于2020年3月2日被某县公安局刑事拘留，"
    "同年3月9日被逮捕。现羁押于某县看守所。"
)
LATE_CLAUSE = (  # a minor at the offence (2019) who turned 18 before detention
    "被告人陈立，男，2002年1月10日出生，汉族，高中文化。因涉嫌抢劫罪于2020年3月2日被某县公安局刑事拘留，"
    "同年3月9日被逮捕。现羁押于某县看守所。"
)

# (text, doc type, {(kind word in reason, confidence)})
POSITIVE = [
    # Explicit statements, read for stance.
    # a negated list of representatives is one statement, not a substitute who came
    ("经查，侦查机关在讯问未成年被告人毛某时，未通知其法定代理人或者合适成年人到场。", doctypes.JUDGMENT, CONF_FINDING),
    (
        "经审查，侦查机关对未成年犯罪嫌疑人常某的三次讯问，均无法定代理人或者合适成年人在场，讯问笔录上亦无其签名。",
        doctypes.REVIEW_REPORT,
        CONF_FINDING,
    ),
    (
        "辩护人提出，被告人丁某作案时系未成年人，侦查机关讯问时没有通知其法定代理人或者合适成年人到场，相关供述不应采信。",
        doctypes.JUDGMENT,
        CONF_CLAIM,
    ),
    (
        "经查，侦查机关在第一次讯问未成年犯罪嫌疑人张某某时，未通知其法定代理人到场，亦未通知其他合适成年人到场。",
        doctypes.REVIEW_REPORT,
        CONF_FINDING,
    ),
    (
        "辩护人提出，被告人李某某作案时年仅十六岁，公安机关第一次讯问时其法定代理人没有到场，该次供述不应采信。",
        doctypes.JUDGMENT,
        CONF_CLAIM,
    ),
    (
        "犯罪嫌疑人吴某某系未成年人，2021年4月5日，侦查人员在没有法定代理人在场的情况下对其进行讯问并制作笔录。",
        doctypes.OTHER,
        CONF_FINDING,
    ),
    (
        "上诉人称其被讯问时父母均未到场。经查，讯问笔录载明其母亲刘某某作为法定代理人全程在场并签名，"
        "上诉人的该项理由与事实不符，本院不予采纳。",
        doctypes.RULING,
        CONF_REJECTED,
    ),
    # Inferred from dates: under 18 when detained, no 法定代理人 anywhere in an indictment.
    (
        "某县人民检察院\n起诉书\n某检刑诉〔2021〕88号\n被告人王小虎，男，2004年1月2日出生，汉族，初中文化，学生。"
        "因涉嫌盗窃罪于2021年5月3日被某县公安局刑事拘留，同年5月10日被取保候审。\n"
        "本案由某县公安局侦查终结，于2021年6月1日移送本院审查起诉。本院受理后，已告知被告人有权委托辩护人，依法讯问了被告人，"
        "审查了全部案件材料。\n经依法审查查明：2021年4月28日，被告人王小虎在某超市盗窃手机两部。",
        doctypes.INDICTMENT,
        CONF_INFERRED_DATED,
    ),
    # Inferred from words alone: only the age at the offence is known.
    (
        "某县人民法院刑事判决书。被告人陈某某，男，汉族。被告人陈某某作案时未满十八周岁。本院公开开庭审理了本案，"
        "被告人陈某某及其辩护人到庭参加诉讼。被告人陈某某对指控的事实供认不讳。",
        doctypes.JUDGMENT,
        CONF_INFERRED_OFFENCE_ONLY,
    ),
]


@pytest.mark.parametrize(("text", "doc_type", "confidence"), POSITIVE)
def test_presence_flag(text: str, doc_type: str, confidence: float) -> None:
    flags = run(text, doc_type)
    presence = [f for f in flags if "第二百八十一条" in f.basis]
    assert len(presence) == 1, [f.reason for f in flags]
    assert presence[0].confidence == pytest.approx(confidence), presence[0].reason


def test_minor_tried_in_public_without_representative_gets_three_flags() -> None:
    raw = judgment(MINOR_CLAUSE, "公开开庭审理", "被告人李小明及其辩护人孙律")
    flags = run(raw)
    by_basis = {
        ("第二百八十一条" in f.basis, "第二百八十五条" in f.basis, "第五百五十九条" in f.basis): f for f in flags
    }
    assert len(flags) == 3
    presence = by_basis[(True, False, False)]
    assert presence.confidence == pytest.approx(CONF_INFERRED_DATED)
    assert "李小明" in presence.reason and any("2003年5月6日" in e.text for e in presence.evidence)
    public = by_basis[(False, True, False)]
    assert public.confidence == pytest.approx(CONF_PUBLIC_CERTAIN)
    assert any(e.text.startswith("公开开庭") for e in public.evidence)
    named = by_basis[(False, False, True)]
    assert named.confidence == pytest.approx(CONF_NAME) and named.severity == "medium"
    assert [e.text for e in named.evidence] == ["李小明"]


def test_stated_age_in_a_judgment() -> None:
    clause = "被告人赵某，男，现年16岁，汉族，学生。因涉嫌抢劫罪于2020年3月2日被刑事拘留。"
    flags = run(judgment(clause, "公开开庭审理", "被告人赵某及其辩护人孙律"))
    confidences = sorted(f.confidence for f in flags)
    assert confidences == pytest.approx(sorted([CONF_INFERRED_STATED, CONF_PUBLIC_LIKELY]))  # 赵某 is masked


def test_public_trial_estimated_from_indictment_date() -> None:
    # no judgment date: the 18th birthday (2021-05-06) is far after the indictment (2020-05-10)
    raw = judgment(MINOR_CLAUSE, "公开开庭审理", "被告人李小明及其法定代理人李大明、辩护人孙律", date_line="")
    flags = run(raw)
    assert [f.confidence for f in flags if "第二百八十五条" in f.basis] == [pytest.approx(CONF_PUBLIC_LIKELY)]
    assert not [f for f in flags if "第二百八十一条" in f.basis]


NEGATIVE = [
    ("侦查机关讯问未成年犯罪嫌疑人李某时，其法定代理人或者合适成年人均在场，并在讯问笔录上签名。", doctypes.REVIEW_REPORT),
    # A minor tried behind closed doors with the 法定代理人 present, name masked.
    (
        judgment(
            MINOR_CLAUSE.replace("李小明", "李某"),
            "因涉及未成年人犯罪，不公开开庭审理",
            "被告人李某及其法定代理人李某甲、辩护人孙律",
        ),
        doctypes.JUDGMENT,
    ),
    # An adult.
    (judgment(ADULT_CLAUSE, "公开开庭审理", "被告人王大海及其辩护人孙律"), doctypes.JUDGMENT),
    # 18 at detention and at trial: CPL 281 and 285 no longer apply.
    (judgment(LATE_CLAUSE, "公开开庭审理", "被告人陈立及其辩护人孙律"), doctypes.JUDGMENT),
    # Two defendants: unnamed words "被告人系未成年人" do not make the adult named in full a minor.
    (
        judgment(
            ADULT_CLAUSE + "被告人李某，男，汉族，学生。本案被告人系未成年人，依法不公开审理。",
            "因涉及未成年人犯罪，不公开开庭审理",
            "被告人王大海、李某及李某的法定代理人李某甲、辩护人孙律",
        ),
        doctypes.JUDGMENT,
    ),
    # The lawful substitute.
    (
        "犯罪嫌疑人周某某系未成年人，其法定代理人未能到场，公安机关通知其班主任作为合适成年人到场，讯问笔录经其签字确认。",
        doctypes.REVIEW_REPORT,
    ),
    # A minor victim, an offence against minors.
    ("被害人王某某（2008年3月出生）系未成年人。被告人刘某某公开开庭审理时对指控无异议。", doctypes.JUDGMENT),
    (
        "被告人赵大卫组织未成年人卖淫，可酌情从重处罚；本院公开开庭审理了本案，被告人的供述证实上述事实。",
        doctypes.JUDGMENT,
    ),
    # Statute wording.
    (
        "《中华人民共和国刑事诉讼法》第二百八十一条规定：对于未成年人刑事案件，在讯问和审判的时候，应当通知未成年犯罪嫌疑人、"
        "被告人的法定代理人到场。",
        doctypes.OTHER,
    ),
    # A guiding-case style summary: silence about the representative means nothing in such a text.
    ("某县检察院经审查认为，李某某系未成年犯罪嫌疑人，到案后虽作有罪供述，但证据不足，决定不起诉。", doctypes.OTHER),
]


@pytest.mark.parametrize(("text", "doc_type"), NEGATIVE)
def test_negative(text: str, doc_type: str) -> None:
    assert run(text, doc_type) == []


def test_age_counting() -> None:
    birth = date(2003, 5, 6)
    assert age_on(birth, date(2021, 5, 5)) == 17 and age_on(birth, date(2021, 5, 6)) == 18
    assert eighteenth_birthday(date(2004, 2, 29)) == date(2022, 3, 1)


def test_basis_quotes_the_statute() -> None:
    assert "审判的时候被告人不满十八周岁的案件，不公开审理。" in (article_text("刑事诉讼法", 285) or "")
    assert "在讯问和审判的时候，应当通知未成年犯罪嫌疑人、被告人的法定代理人到场。" in (
        article_text("刑事诉讼法", 281) or ""
    )
