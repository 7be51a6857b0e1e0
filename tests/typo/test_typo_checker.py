"""The shipped typo model (models/typo) on real-style legal sentences: it finds 同音/形近 errors and
leaves names, places and rare legal terms alone. Synthetic sentences, fictitious names; no ../shared."""

from __future__ import annotations

import time

import pytest

from pipeline import doctypes
from pipeline.typo.checker import TypoChecker, default_model_dir, shipped_checker


@pytest.fixture(scope="module")
def checker() -> TypoChecker:
    return shipped_checker()


def spelling(checker: TypoChecker, text: str) -> list[tuple[str, str]]:
    out = checker.check(text, doctypes.JUDGMENT)
    for s in out:
        assert text[s.start : s.end] == s.original
        assert 0.0 <= s.confidence <= 1.0
    return [(s.original, s.suggestion) for s in out if s.rule == "spelling"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("经审查，该鉴定意见的鉴定程序合法，鉴定结论可以作为定案的根剧。", ("剧", "据")),
        ("上诉证据经庭审质证，来源合法，本院予以确认。", ("诉", "述")),
        ("人民检察院应当告知犯罪嫌疑人有权委托辨护人。", ("辨", "辩")),
        ("被告人对起诉书指控的犯罪事实无意议，自愿认罪。", ("意", "异")),
        ("公安机关对犯罪嫌疑人采取取保候审的强制错施。", ("错", "措")),
        ("被告人归案后如实共述自己的罪行，依法可以从轻处罚。", ("共", "供")),
    ],
)
def test_finds_typos_in_legal_sentences(checker: TypoChecker, text: str, expected: tuple[str, str]) -> None:
    assert expected in spelling(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        # names: compound surnames, 某某 pseudonyms, and given names that are also words
        "被告人欧阳晓明、司马某某于2019年5月1日在某某市某某区实施盗窃。",
        "被害人闫某某陈述，其停放在车内的财物被盗。",
        "被告人时迁于当日晚在某小区内盗窃电动车一辆。",
        "证人吴用证实，案发当晚曾见到被告人史进。",
        "被告人冼某某以非法占有为目的，秘密窃取他人财物，数额较大，其行为已触犯《中华人民共和国刑法》第二百六十四条。",
        # rare legal terms
        "本院依法对其进行羁押必要性审查，决定予以释放。",
        "判处有期徒刑十年，剥夺政治权利二年，并处没收个人财产。",
        "对被告人的违法所得予以追缴，责令退赔被害人经济损失。",
        "被不起诉人具结悔过，并向被害人赔礼道歉、赔偿损失。",
        "犯罪嫌疑人自愿如实供述涉嫌的犯罪事实，对指控犯罪事实没有异议，同意量刑建议，签署认罪认罚具结书。",
        "本案由某某市公安局侦查终结，以被告人涉嫌非法吸收公众存款罪，于2020年6月1日移送本院审查起诉。",
        "本院于2020年6月3日已告知被告人有权委托辩护人，依法讯问了被告人，听取了辩护人的意见，审查了全部案件材料。",
    ],
)
def test_leaves_clean_legal_sentences_alone(checker: TypoChecker, text: str) -> None:
    assert spelling(checker, text) == []


def test_wording_rules_come_with_the_checker(checker: TypoChecker) -> None:
    text = "截止2020年5月1日，被告人通过其银行帐户转移资金。"
    got = {(s.rule, s.original, s.suggestion) for s in checker.check(text, doctypes.INDICTMENT)}
    assert ("jiezhi_time", "截止", "截至") in got
    assert ("zhang_account", "帐", "账") in got


def test_common_misspelling_list_is_compiled_in(checker: TypoChecker) -> None:
    got = checker.check("上述证据能够相互左证。", doctypes.INDICTMENT)
    assert ("左证", "佐证") in {(s.original, s.suggestion) for s in got}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 程序正当 is rare in the training text (twice in the statutes), 指控事实 as an adjacent double
        # error costs confidence: the right suggestion ranks first with a confidence below the shipped
        # (precision-first) threshold, and is emitted once the threshold is lowered.
        ("本案审查过程中，本院严格遵循程序正档原则。", ("档", "当")),
        ("公诉机关指控实施清楚，证据确实、充分，指控罪名成立。", ("实施", "事实")),
    ],
)
def test_threshold_trades_recall_for_precision(checker: TypoChecker, text: str, expected: tuple[str, str]) -> None:
    low = checker.check(text, doctypes.JUDGMENT, threshold=0.1)
    assert expected in [(s.original, s.suggestion) for s in low]
    assert checker.check(text, doctypes.JUDGMENT, threshold=1.01) == []


def test_model_loads_fast_and_is_small() -> None:
    t = time.perf_counter()
    TypoChecker.load()
    assert time.perf_counter() - t < 5.0
    total = sum(f.stat().st_size for f in default_model_dir().iterdir() if f.is_file())
    assert total < 20 * 1024 * 1024
