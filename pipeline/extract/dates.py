"""Date mentions in Chinese legal text, resolved in reading order.

Forms read: 2019年3月5日 / 2019年3月 / 2019年, 二〇一九年三月二十五日 (〇/○/零), 2019.3.5, 2019-03-05,
2019/3/5, 3月5日 (year from the previous mention), a bare 21日 after a comma (same month as the previous
mention, only forward), 同年4月10日, 次年…, 同月12日, 次月, 次日/翌日/第二天, 当日/当天/当晚/同日/即日,
前一日, and "三日后" / "10天后" counted from the previous day-precise mention.

Relative forms resolve against the previous mention that carries the needed part (year, month or day),
so 2019年12月31日…次日 is 2020-01-01 and 2019年12月30日…同年… stays in 2019. An impossible date
(2019年2月29日, 2月30日, 13月) is returned with `valid=False` and `problem` set, never dropped: the
date_error detector flags it. A resolution that might be wrong (a year-less 1月5日 after a December
mention could belong to the next year; "三日后") is kept but marked `confident=False`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

DAY, MONTH, YEAR = "day", "month", "year"
ABSOLUTE, PARTIAL, RELATIVE = "absolute", "partial", "relative"


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    value: date | None  # None when invalid or unresolvable; month/year precision -> first day of the period
    precision: str  # "day" | "month" | "year"
    kind: str  # "absolute" (has its own year) | "partial" (year/month from context) | "relative"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    valid: bool = True
    problem: str | None = None  # why it is invalid, in Chinese (for the flag reason)
    confident: bool = True  # False when the context-based resolution could be wrong


# ----------------------------------------------------------------------------------------- numerals

_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_CN_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_int(s: str, *, digit_string: bool = False) -> int | None:
    """Small integers as dates and durations write them: 5, 05, 十, 十二, 二十五, 廿五, 卅一; with
    `digit_string`, also digit by digit (二〇一九). "五六" (five or six) is not a number: None."""
    s = s.translate(_FULLWIDTH_DIGITS)
    if s.isdigit():
        return int(s)
    s = s.replace("廿", "二十").replace("卅", "三十")
    if not s or any(c not in _CN_DIGITS and c != "十" for c in s):
        return None
    if "十" not in s:
        if len(s) == 1 or digit_string:
            return int("".join(str(_CN_DIGITS[c]) for c in s))
        return None
    head, _, tail = s.partition("十")
    if "十" in tail or len(head) > 1 or len(tail) > 1:
        return None
    tens = _CN_DIGITS[head] if head else 1
    return tens * 10 + (_CN_DIGITS[tail] if tail else 0)


# ----------------------------------------------------------------------------------------- patterns

_CN = "〇○零Ｏ一二三四五六七八九"
_Y = rf"(?:19|20)\d{{2}}|[一二][{_CN}]{{3}}"
_M = r"\d{1,2}|[一二三四五六七八九十]{1,3}"
_D = r"\d{1,2}|[一二三四五六七八九十廿卅]{1,3}"
_NOT_NUM_BEFORE = rf"(?<![\d{_CN}十廿卅.\-/年月])"
_BOUNDARY_BEFORE = r"(?<=[，。；：、,;:（(\s至到和及或])"
# A bare "21日" must not be a duration: 15日内, 10日后, 三日以上, 5日左右, 拘役15日 (the last is excluded by
# requiring punctuation before it).
_NOT_DURATION_AFTER = r"(?![内后以之前左余多起许间])"
# ...nor a length of time named by the words before it: "提请批准逮捕的时间延长至三十日" (CPL 91: 30 days),
# "期限为 30日", "共计 15日". The boundary 至/到/为 alone stays a range end: "2023年2月1日至28日".
_DURATION_CUE_BEFORE = re.compile(
    r"(?:延长|延期|展期|期限|为期|时限|共|共计|合计|总计|累计|长达|不超过|不得超过|最长|最多)\s*[至到为]?\s*$"
)

_PATTERN = re.compile(
    "|".join(
        (
            rf"{_NOT_NUM_BEFORE}(?P<fy>{_Y})\s*年\s*(?:(?P<fm>{_M})\s*月(?:份)?\s*(?:(?P<fd>{_D})\s*[日号])?)?",
            r"(?<![\d.\-/])(?P<ny>(?:19|20)\d{2})(?P<sep>[.\-/])(?P<nm>\d{1,2})(?P=sep)(?P<nd>\d{1,2})(?![\d.\-/])",
            rf"(?P<ry>同年|当年|次年|翌年|是年|该年)(?:(?P<rym>{_M})\s*月(?:份)?(?:(?P<ryd>{_D})\s*[日号])?)?"
            r"(?![级龄代纪])",
            rf"(?P<rm>同月|当月|次月|翌月)(?:(?P<rmd>{_D})\s*[日号])?",
            r"(?P<rd>次日|翌日|当日|当天|当晚|当夜|同日|同一天|同天|即日|第二天|第二日|前一日|前一天)",
            rf"{_BOUNDARY_BEFORE}(?P<off>{_D})\s*(?:日|天)(?:之)?后",
            rf"{_NOT_NUM_BEFORE}(?P<pm>{_M})\s*月\s*(?P<pd>{_D})\s*[日号]",
            rf"{_BOUNDARY_BEFORE}(?P<bd>{_D})\s*日{_NOT_DURATION_AFTER}",
        )
    )
)

_DAY_OFFSETS = {"次日": 1, "翌日": 1, "第二天": 1, "第二日": 1, "前一日": -1, "前一天": -1}
_YEAR_OFFSETS = {"次年": 1, "翌年": 1}


# ----------------------------------------------------------------------------------------- resolution


@dataclass(slots=True)
class _Anchor:
    year: int | None = None
    month: int | None = None
    day: date | None = None  # the last mention resolved to a real day


def _check(y: int | None, m: int | None, d: int | None) -> str | None:
    """Why (year, month, day) is impossible, or None. A missing year only rules out what no year allows."""
    if m is not None and not 1 <= m <= 12:
        return f"月份“{m}”不存在"
    if d is None:
        return None
    if d < 1 or d > 31:
        return f"日期“{d}日”不存在"
    if m is None:
        return None
    if y is None:
        return f"{m}月没有{d}日" if d > (29 if m == 2 else calendar.monthrange(2000, m)[1]) else None
    if d > calendar.monthrange(y, m)[1]:
        if m == 2 and d == 29:
            return f"{y}年不是闰年，没有2月29日"
        return f"{y}年{m}月没有{d}日"
    return None


def _mention(
    m: re.Match[str], text: str, y: int | None, mo: int | None, d: int | None, kind: str, *, confident: bool = True
) -> DateMention:
    precision = DAY if d is not None else MONTH if mo is not None else YEAR
    problem = _check(y, mo, d)
    value = date(y, mo or 1, d or 1) if problem is None and y is not None else None
    if problem is not None and not confident:
        problem = _check(None, mo, d)  # under a year we are unsure of, only a year-free impossibility counts
    return DateMention(
        m.start(), m.end(), text[m.start() : m.end()], value, precision, kind,
        y, mo, d, problem is None, problem, confident,
    )  # fmt: skip


def extract_dates(text: str, *, anchor: date | None = None) -> list[DateMention]:
    """Every date mention in `text`, in reading order; `anchor` resolves relative forms before the first date."""
    scan = text.translate(_FULLWIDTH_DIGITS)  # same length, so offsets hold
    ctx = _Anchor(anchor.year, anchor.month, anchor) if anchor else _Anchor()
    out: list[DateMention] = []
    for m in _PATTERN.finditer(scan):
        mention = _resolve(m, text, ctx)
        if mention is None:
            continue
        out.append(mention)
        if mention.year is not None:
            ctx.year = mention.year
            ctx.month = mention.month
            # None after an invalid or coarser date: 次日 after 2月30日 or after "2019年3月" is unresolvable.
            ctx.day = mention.value if mention.precision == DAY else None
    return out


def _resolve(m: re.Match[str], text: str, a: _Anchor) -> DateMention | None:
    g = m.group
    if g("fy"):
        year = cn_int(g("fy"), digit_string=True)
        if g("fm") and cn_int(g("fm")) is None:  # 2013年五六月份: an approximate month, keep the year only
            return DateMention(
                m.start(), m.end(), text[m.start() : m.end()], date(year or 1, 1, 1), YEAR, ABSOLUTE, year
            )
        return _mention(m, text, year, _opt(g("fm")), _opt(g("fd")), ABSOLUTE)
    if g("ny"):
        return _mention(m, text, int(g("ny")), int(g("nm")), int(g("nd")), ABSOLUTE)
    if g("ry"):
        if a.year is None:
            return _mention(m, text, None, _opt(g("rym")), _opt(g("ryd")), RELATIVE, confident=False)
        y = a.year + _YEAR_OFFSETS.get(g("ry"), 0)
        return _mention(m, text, y, _opt(g("rym")), _opt(g("ryd")), RELATIVE)
    if g("rm"):
        if a.year is None or a.month is None:
            return _mention(m, text, None, None, _opt(g("rmd")), RELATIVE, confident=False)
        y, mo = a.year, a.month
        if g("rm") in ("次月", "翌月"):
            y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
        return _mention(m, text, y, mo, _opt(g("rmd")), RELATIVE)
    if g("rd"):
        if a.day is None:
            return _unresolved(m, text)
        v = a.day + timedelta(days=_DAY_OFFSETS.get(g("rd"), 0))
        return _mention(m, text, v.year, v.month, v.day, RELATIVE)
    if g("off"):
        n = cn_int(g("off"))
        if a.day is None or n is None or n > 366:
            return None
        v = a.day + timedelta(days=n)
        return _mention(m, text, v.year, v.month, v.day, RELATIVE, confident=False)
    if g("pm"):
        mo, d = cn_int(g("pm")), cn_int(g("pd"))
        if a.year is None:
            return _mention(m, text, None, mo, d, PARTIAL, confident=False)
        # Going back in the calendar may mean the next year (…12月20日…1月5日): keep the year, mark unsure.
        last_day = a.day.day if a.day and a.day.month == a.month else 0
        forward = a.month is None or mo is None or (mo, d or 0) >= (a.month, last_day)
        return _mention(m, text, a.year, mo, d, PARTIAL, confident=forward)
    if g("bd"):
        d = cn_int(g("bd"))
        if _DURATION_CUE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            return None
        # Only a forward day in the anchor's month (…5月20日；21日…) reads safely as a date.
        if a.day is None or d is None or not a.day.day < d <= 31:
            return None
        return _mention(m, text, a.day.year, a.day.month, d, PARTIAL)
    return None


def _unresolved(m: re.Match[str], text: str) -> DateMention:
    return DateMention(m.start(), m.end(), text[m.start() : m.end()], None, DAY, RELATIVE, confident=False)


def _opt(s: str | None) -> int | None:
    return cn_int(s) if s else None


def parse_date(s: str) -> date | None:
    """A single date string (any absolute form above) to a date; None if it is not exactly one valid date."""
    s = s.strip()
    found = extract_dates(s)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(s):
        return None
    d = found[0]
    return d.value if d.valid and d.precision == DAY and d.kind == ABSOLUTE else None
