"""Legal confusables (data/typo/legal_confusables.tsv) and set-phrase near-misses (data/typo/legal_phrases.txt).

Sentences are written in the style of real judgments and procuratorial documents (fictitious names); the
statute check reads the law texts shipped in data/law/text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import doctypes
from pipeline.paths import data_path
from pipeline.typo import wording
from pipeline.typo.checker import TypoChecker, shipped_checker

RULES = wording.table_rules(data_path("typo", "legal_confusables.tsv"))


def confusables(text: str) -> list[tuple[str, str]]:
    out = wording.rule_findings(text, doctypes.JUDGMENT, RULES)
    for f in out:
        assert text[f.start : f.end] == f.original
    return [(f.original, f.suggestion) for f in out]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("经查，上诉证据足以证实被告人的犯罪事实。", [("上诉", "上述")]),
        ("上诉事实有被害人陈述、证人证言等证据证实。", [("上诉", "上述")]),
        ("公安机关已将上诉财物发还被害人。", [("上诉", "上述")]),
        ("公诉机关指控实施清楚，证据确实、充分。", [("实施", "事实")]),
        ("上述指控实施，有下列证据证实：", [("实施", "事实")]),
        ("原判认定的基本实施清楚。", [("实施", "事实")]),
        ("被告人刘某以盈利为目的，聚众赌博。", [("以盈利为目的", "以营利为目的")]),
        ("被告人挪用公款进行盈利活动，数额较大。", [("盈利", "营利")]),
        ("该协会系非盈利组织。", [("非盈利", "非营利")]),
        ("犯罪情节轻微，依法可以免于刑事处罚。", [("免于", "免予")]),
        ("侦查人员进行现场勘察，提取血迹一处。", [("勘察", "勘查")]),
        ("判处有期徒刑五年，剥夺政治权力一年。", [("剥夺政治权力", "剥夺政治权利")]),
        ("依法保障犯罪嫌疑人的诉讼权力。", [("权力", "权利")]),
        ("对罪犯决定暂于监外执行。", [("暂于监外执行", "暂予监外执行")]),
        ("某某县人民检查院指控被告人犯盗窃罪。", [("人民检查院", "人民检察院")]),
        ("检查机关依法提起公诉。", [("检查机关", "检察机关")]),
        ("被害人陈诉证实，其手机被抢。", [("陈诉", "陈述")]),
        ("被告人供诉其在案发当晚到过现场。", [("供诉", "供述")]),
        ("被告人辨解称其不知情。", [("辨解", "辩解")]),
        ("辩护人的辨护意见，本院不予采纳。", [("辨护", "辩护")]),
        ("被告人谢某辨称其没有动手。", [("辨称", "辩称")]),
        ("有搜查笔录、辩认笔录及照片等证据证实。", [("辩认", "辨认")]),
        ("对其采取取保侯审措施。", [("取保侯审", "取保候审")]),
        ("被告人当庭退脏五千元。", [("脏", "赃")]),
        ("对被告人应当数罪并法。", [("数罪并法", "数罪并罚")]),
        ("被告人对起诉书指控的犯罪事实无意议。", [("无意议", "无异议")]),
        ("本院指派检察员王某、助理检察院李某出庭支持公诉。", [("检察院", "检察员")]),
        ("被告单位法定代理人王某出庭参加诉讼。", [("法定代理人", "法定代表人")]),
        ("以盗窃罪判处拘留五个月。", [("拘留", "拘役")]),
        ("因涉嫌盗窃罪于2020年5月1日被刑事拘役。", [("刑事拘役", "刑事拘留")]),
        ("本案由某某市公安局侦察终结，移送审查起诉。", [("侦察", "侦查")]),
        ("公安机关依法侦察，查明了上述事实。", [("侦察", "侦查")]),
        ("本院于2021年3月1日受理审察起诉。", [("审察", "审查")]),
        ("经审察，犯罪嫌疑人的行为构成盗窃罪。", [("审察", "审查")]),
    ],
)
def test_confusables_found(text: str, expected: list[tuple[str, str]]) -> None:
    assert confusables(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "上诉人张某不服一审判决，提出上诉，上诉理由是量刑过重。",
        "证明上诉人邓某在案发时已年满十八周岁。",
        "对上诉人提出的上诉事实和理由，本院评判如下。",
        "被告人提交了支持其上诉的证据。",
        "公诉机关指控被告人实施了盗窃行为。",
        "为阻止犯罪实施，被害人进行反抗。",
        "被告人在犯罪实施过程中致一人轻伤。",
        "该公司当年盈利三百万元。",
        "以营利为目的，聚众赌博。",
        "依法可以免予刑事处罚。",
        "地质勘察单位出具勘察报告。",
        "侦查人员进行现场勘查。",
        "国家机关工作人员滥用权力。",
        "出入境边防检查机关负责人批准，可以拘留审查。",
        "被告人辩称其不知情，辩护人提出辨认程序违法。",
        "被告人答辩认为原告的请求不能成立。",
        "被害人陈述证实，其手机被抢。",
        "被告人对指控的事实无异议。",
        "某某县人民检察院指派检察员王某出庭支持公诉。",
        "被告人将脏衣服扔进垃圾桶。",
        "被害人的法定代理人王某出庭。",
        "被告单位的法定代表人王某出庭。",
        "以盗窃罪判处拘役五个月。",
        "因涉嫌盗窃罪于2020年5月1日被刑事拘留。",
        "被告人曾在部队服役，担任侦察兵。",
        "无人机对现场进行了航拍侦察。",  # no procedural word around it
        "审察时势，审时度势。",
    ],
)
def test_confusables_leave_right_usage_alone(text: str) -> None:
    assert confusables(text) == []


def _law_articles() -> list[str]:
    out = []
    for f in sorted(data_path("law", "text").glob("*.json")):
        for paragraphs in json.loads(f.read_text(encoding="utf-8"))["articles"].values():
            out.extend(paragraphs)
    return out


def test_statutes_trigger_no_confusable() -> None:
    """The statutes are the standard: no row may fire on any article of the shipped law texts, except the
    one misprint found in a published text (辩认 for 辨认 in a copy of the 刑事诉讼法)."""
    fired = [(f.original, a[max(0, f.start - 8) : f.end + 8]) for a in _law_articles() for f in
             wording.rule_findings(a, doctypes.JUDGMENT, RULES)]  # fmt: skip
    assert all(original == "辩认" for original, _ in fired), fired


def test_bad_table_row_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "rules.tsv"
    bad.write_text("# comment\n上诉(?=证据\t上述\t0.85\t原因\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"rules.tsv:2"):
        wording.table_rules(bad)


# --- set phrases -------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def checker() -> TypoChecker:
    return shipped_checker()


def phrase_hits(checker: TypoChecker, text: str) -> list[tuple[str, str]]:
    assert checker.phrases is not None
    out = checker.phrases.findings(text)
    for f in out:
        assert text[f.start : f.end] == f.original and f.rule == "set_phrase"
    return [(f.original, f.suggestion) for f in out]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本院认为，原审判决认定事实清楚，证据确实、充分，审判程序合法，程序正档。", [("档", "当")]),
        ("原判事实清处，证据确实、充分。", [("处", "楚")]),
        ("对其采取取保侯审措施。", [("侯", "候")]),
        ("有被害人陈述、被告人供述、试听资料等证据证实。", [("试", "视")]),
        ("被告人到案后如石供述自己的罪行。", [("石", "实")]),
        ("被告人归案后自愿认最，依法可以从轻处罚。", [("最", "罪")]),
    ],
)
def test_set_phrase_near_misses(checker: TypoChecker, text: str, expected: list[tuple[str, str]]) -> None:
    assert phrase_hits(checker, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "徐某在共同犯罪中只起了次要作用，系从犯。",  # 犯罪中止 is one character away, but 只 is a word here
        "单位犯罪中直接负责的主管人员和其他直接责任人员。",
        "严重妨碍诉讼程序正常进行的。",
        "开庭的时间、地点、是否公开审理等事项。",
        "证据不符合逮捕条件的，应当释放。",
        "侵犯公民的财产权和人身权。",
        "在政务处分期内有悔改表现。",
        "对违法犯罪行为予以追究。",
        "本院认为，原审判决认定事实清楚，证据确实、充分，审判程序合法。",
    ],
)
def test_set_phrases_leave_other_words_alone(checker: TypoChecker, text: str) -> None:
    assert phrase_hits(checker, text) == []


def test_set_phrase_respects_protected_positions(checker: TypoChecker) -> None:
    text = "原判事实清处。"
    assert checker.phrases is not None
    assert checker.phrases.findings(text, lambda i: i == 5) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # the issue's three examples, at the default threshold
        ("本案审查过程中，本院严格遵循程序正档原则。", ("档", "当")),
        ("公诉机关指控实施清楚，证据确实、充分，指控罪名成立。", ("实施", "事实")),
        ("上诉证据经庭审质证，来源合法，本院予以确认。", ("上诉", "上述")),
    ],
)
def test_issue_examples_are_flagged_by_default(checker: TypoChecker, text: str, expected: tuple[str, str]) -> None:
    got = checker.check(text, doctypes.JUDGMENT)
    assert expected in [(s.original, s.suggestion) for s in got]
    assert all(text[s.start : s.end] == s.original for s in got)


# --- the 常见错字错词 list: only where the listed misspelling is one word ----------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("来宾依次就坐。", [("就坐", "就座")]),
        ("他的辈份比被害人高。", [("辈份", "辈分")]),
        ("该公司的股分已全部转让。", [("股分", "股份")]),
        ("案发后被告人四处飘泊。", [("飘泊", "漂泊")]),
        ("甘某某就坐在地上哭。", []),  # 就 (then) + 坐在
        ("我们就坐公交车去了县城。", []),
        ("我们就坐下开始赌博。", []),
        ("国有股分配方法明细。", []),  # 国有股 + 分配
    ],
)
def test_common_misspellings_respect_word_edges(
    checker: TypoChecker, text: str, expected: list[tuple[str, str]]
) -> None:
    found = [f for f in wording.rule_findings(text, doctypes.JUDGMENT, checker.rules) if f.rule == "common_misspelling"]
    assert [(f.original, f.suggestion) for f in found] == expected
