"""Date mentions: every written form, relative dates across year ends, leap years, invalid dates kept."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract.dates import DAY, MONTH, YEAR, cn_int, extract_dates, parse_date


def resolved(text: str, **kw) -> list[tuple[str, date | None]]:
    found = extract_dates(text, **kw)
    for m in found:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.value) for m in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("于2019年3月5日被刑事拘留", [("2019年3月5日", date(2019, 3, 5))]),
        ("二〇一九年三月二十五日", [("二〇一九年三月二十五日", date(2019, 3, 25))]),
        ("二零一九年十二月三十一日", [("二零一九年十二月三十一日", date(2019, 12, 31))]),
        ("二○二○年五月十五日", [("二○二○年五月十五日", date(2020, 5, 15))]),
        ("２０１９年３月５日", [("２０１９年３月５日", date(2019, 3, 5))]),
        ("立案时间2019.3.5，抓获时间2019-03-06", [("2019.3.5", date(2019, 3, 5)), ("2019-03-06", date(2019, 3, 6))]),
        ("2019/3/5至2019/3/7", [("2019/3/5", date(2019, 3, 5)), ("2019/3/7", date(2019, 3, 7))]),
        ("2019年3月5号", [("2019年3月5号", date(2019, 3, 5))]),
        # year ends: relative dates resolve against the previous mention
        (
            "2019年12月30日被抓获，次日被刑事拘留",
            [("2019年12月30日", date(2019, 12, 30)), ("次日", date(2019, 12, 31))],
        ),
        ("2019年12月31日被抓获，翌日被刑事拘留", [("2019年12月31日", date(2019, 12, 31)), ("翌日", date(2020, 1, 1))]),
        (
            "2019年12月5日被拘留，同年12月28日被逮捕",
            [("2019年12月5日", date(2019, 12, 5)), ("同年12月28日", date(2019, 12, 28))],
        ),
        (
            "2019年12月28日被拘留，次年1月4日被逮捕",
            [("2019年12月28日", date(2019, 12, 28)), ("次年1月4日", date(2020, 1, 4))],
        ),
        ("2019年12月28日案发，次月被抓获", [("2019年12月28日", date(2019, 12, 28)), ("次月", date(2020, 1, 1))]),
        ("2019年4月3日报案，同月12日被抓获", [("2019年4月3日", date(2019, 4, 3)), ("同月12日", date(2019, 4, 12))]),
        (
            "2018年9月1日17时许案发，当晚被抓获，同日被传唤，当天即被刑事拘留",
            [
                ("2018年9月1日", date(2018, 9, 1)),
                ("当晚", date(2018, 9, 1)),
                ("同日", date(2018, 9, 1)),
                ("当天", date(2018, 9, 1)),
            ],
        ),  # fmt: skip
        (
            "2018年8月31日被抓获，9月1日被关押，9月7日被刑事拘留",
            [("2018年8月31日", date(2018, 8, 31)), ("9月1日", date(2018, 9, 1)), ("9月7日", date(2018, 9, 7))],
        ),  # fmt: skip
        # a bare day after a comma: same month, forward only
        (
            "2013年5月20日移送线索；21日决定立案，同日刑事拘留，31日决定逮捕",
            [
                ("2013年5月20日", date(2013, 5, 20)),
                ("21日", date(2013, 5, 21)),
                ("同日", date(2013, 5, 21)),
                ("31日", date(2013, 5, 31)),
            ],
        ),  # fmt: skip
        ("2019年3月5日被行政拘留15日，限10日内缴纳", [("2019年3月5日", date(2019, 3, 5))]),
        # month and year precision
        ("2015年1月至4月期间", [("2015年1月", date(2015, 1, 1))]),
        ("二零一九年，被告人", [("二零一九年", date(2019, 1, 1))]),
        ("2013年五六月份的一天", [("2013年五六月份", date(2013, 1, 1))]),
    ],
)
def test_forms_and_resolution(text: str, expected: list[tuple[str, date | None]]) -> None:
    assert resolved(text) == expected


def test_precision_and_kind() -> None:
    full, month, year, rel, part = extract_dates("2019年3月5日，2019年4月，2020年，次年，6月1日")
    assert (full.precision, full.kind) == (DAY, "absolute")
    assert (month.precision, month.value) == (MONTH, date(2019, 4, 1))
    assert (year.precision, year.value) == (YEAR, date(2020, 1, 1))
    assert (rel.precision, rel.kind, rel.value) == (YEAR, "relative", date(2021, 1, 1))
    assert (part.kind, part.value, part.confident) == ("partial", date(2021, 6, 1), True)


@pytest.mark.parametrize(
    ("text", "index", "valid", "value", "problem_part"),
    [
        ("2019年2月29日", 0, False, None, "不是闰年"),
        ("2020年2月29日", 0, True, date(2020, 2, 29), None),
        ("二〇一九年二月二十九日", 0, False, None, "不是闰年"),
        ("1900年2月29日", 0, False, None, "不是闰年"),  # century rule
        ("2000年2月29日", 0, True, date(2000, 2, 29), None),
        ("2019年4月31日", 0, False, None, "没有31日"),
        ("2019年13月5日", 0, False, None, "13"),
        ("二〇一九年十三月五日", 0, False, None, "13"),
        ("2019年3月0日", 0, False, None, "0日"),
        ("2019-02-30", 0, False, None, "没有30日"),
        # year from context, going forward: the year is sure, so a non-leap 2月29日 is wrong
        ("2019年1月10日被拘留，2月29日被逮捕", 1, False, None, "不是闰年"),
        ("2020年1月10日被拘留，2月29日被逮捕", 1, True, date(2020, 2, 29), None),
        ("2019年1月10日被拘留，同年2月29日被逮捕", 1, False, None, "不是闰年"),
        # going backwards the year may be the next one: unknown, not wrong
        ("2019年3月10日被拘留，2月29日被逮捕", 1, True, None, None),
        # 2月30日 is wrong in every year
        ("2019年3月10日被拘留，2月30日被逮捕", 1, False, None, "没有30日"),
        ("2月30日被逮捕", 0, False, None, "没有30日"),
    ],
)
def test_invalid_dates_are_kept_and_marked(text, index, valid, value, problem_part) -> None:
    m = extract_dates(text)[index]
    assert m.valid is valid
    assert m.value == value
    if problem_part:
        assert problem_part in m.problem
    else:
        assert m.problem is None


def test_relative_after_invalid_date_is_unresolved() -> None:
    bad, nxt, same_year = extract_dates("2019年2月30日被拘留，次日被逮捕，同年3月5日被起诉")
    assert not bad.valid
    assert nxt.value is None and not nxt.confident
    assert same_year.value == date(2019, 3, 5)


def test_backwards_yearless_date_is_not_confident() -> None:
    _, jan = extract_dates("2019年12月20日被刑事拘留，1月5日被逮捕")
    assert jan.value == date(2019, 1, 5) and not jan.confident


def test_offsets_counted_from_previous_day_are_kept_but_unsure() -> None:
    _, later = extract_dates("2019年3月5日被抓获，十日后被释放")
    assert later.value == date(2019, 3, 15) and later.kind == "relative" and not later.confident


def test_anchor_resolves_leading_relative_dates() -> None:
    assert resolved("次日被执行逮捕", anchor=date(2019, 12, 31)) == [("次日", date(2020, 1, 1))]
    (lone,) = extract_dates("次日被执行逮捕")
    assert lone.value is None and not lone.confident


def test_not_dates() -> None:
    assert extract_dates("判处有期徒刑三年，拘役六个月，（2019）粤13刑终230号，第二百三十条") == []


@pytest.mark.parametrize(
    ("s", "expected"),
    [
        ("2019年3月5日", date(2019, 3, 5)),
        (" 二〇一九年三月二十五日 ", date(2019, 3, 25)),
        ("2019-03-05", date(2019, 3, 5)),
        ("2019.3.5", date(2019, 3, 5)),
        ("2019年2月29日", None),
        ("2019年3月", None),
        ("次日", None),
        ("3月5日", None),
        ("2019年3月5日被拘留", None),
        ("", None),
        ("无", None),
    ],
)
def test_parse_date(s: str, expected: date | None) -> None:
    assert parse_date(s) == expected


@pytest.mark.parametrize(
    ("s", "expected"),
    [("5", 5), ("05", 5), ("十", 10), ("十二", 12), ("二十", 20), ("二十五", 25), ("廿五", 25), ("卅一", 31),
     ("五六", None), ("十二十", None)],
)  # fmt: skip
def test_cn_int(s: str, expected: int | None) -> None:
    assert cn_int(s) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a length of time after 延长至 / 期限 / 共计 … is not a day of the month (CPL 91: up to 30 days)
        (
            "犯罪嫌疑人周某甲于2023年2月3日被刑事拘留，提请批准逮捕的时间延长至三十日。",
            [("2023年2月3日", date(2023, 2, 3))],
        ),
        ("2022年2月10日，经批准，羁押期限延长至30日", [("2022年2月10日", date(2022, 2, 10))]),
        ("2021年4月6日被拘留，拘留期限延长到 三十日", [("2021年4月6日", date(2021, 4, 6))]),
        ("2020年2月14日决定，审查期限为 二十日", [("2020年2月14日", date(2020, 2, 14))]),
        ("2019年6月2日起，共计 15日", [("2019年6月2日", date(2019, 6, 2))]),
        ("2023年2月1日受理，应当在三十日以内作出决定", [("2023年2月1日", date(2023, 2, 1))]),
        # a range end or a list of days after 至/及 stays a date
        ("2023年2月1日至28日期间，吴某乙多次盗窃", [("2023年2月1日", date(2023, 2, 1)), ("28日", date(2023, 2, 28))]),
        (
            "2022年3月5日被传唤，同月7日及30日两次讯问",
            [("2022年3月5日", date(2022, 3, 5)), ("同月7日", date(2022, 3, 7)), ("30日", date(2022, 3, 30))],
        ),
    ],
)
def test_durations_are_not_dates(text: str, expected: list[tuple[str, date | None]]) -> None:
    assert resolved(text) == expected
