"""Calendar arithmetic for statutory periods: how long, when it ends, and whether a holiday moves the end.

Counting follows 刑事诉讼法 art. 105 and 最高人民法院关于适用《刑事诉讼法》的解释 (2021) art. 202:
* the starting day is not counted: a 3-day period from 3月1日 ends on 3月4日;
* a month runs to the same date of the next month; from the last day of a month it runs to the last day of
  the next month (2月28日 + 1个月 = 3月31日 in a non-leap year); when the next month has no such date it
  runs to that month's last day (1月31日 + 1个月 = 2月28/29日); 半个月 is always 15 days;
* when the last day is a holiday the period ends on the first working day after it, except while the
  person is in custody.
Sentence terms (刑期, art. 202 ¶2) end the day before the date a period of the same length would reach.

Working days come from the `chinese_calendar` package (official 放假/调休 notices, weekends included);
outside the years it covers no holiday move is made and the caller is told so.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

import chinese_calendar


@dataclass(frozen=True, slots=True)
class Period:
    """A statutory length: months are calendar months (art. 202), days are days."""

    months: int = 0
    days: int = 0

    def __add__(self, other: Period) -> Period:
        return Period(self.months + other.months, self.days + other.days)

    @property
    def text(self) -> str:
        parts = []
        if self.months:
            parts.append(f"{self.months}个月")
        if self.days or not parts:
            parts.append(f"{self.days}日")
        return "".join(parts)


def _is_month_end(d: date) -> bool:
    return d.day == calendar.monthrange(d.year, d.month)[1]


def add_months(start: date, months: int) -> date:
    """Art. 202 ¶1: same date N months later; from a month's last day to the last day; clamp when absent."""
    y, m = divmod(start.month - 1 + months, 12)
    y, m = start.year + y, m + 1
    last = calendar.monthrange(y, m)[1]
    if _is_month_end(start):
        return date(y, m, last)
    return date(y, m, min(start.day, last))


def period_end(start: date, period: Period) -> date:
    """The last day of a period that starts the day after `start` (the starting day is not counted)."""
    return add_months(start, period.months) + timedelta(days=period.days)


def sentence_end_candidates(start: date, years: int, months: int, days: int = 0) -> set[date]:
    """Possible last days of a prison term served from `start` (art. 202 ¶2).

    The interpretation gives separate rules for years (same month and day next year, minus one day, no
    month-end clause) and months (month-end clause applies); for "X年Y个月" it does not say which to apply
    first, so every reading is returned and a stated end date is accepted if it matches any of them.
    """
    out: set[date] = set()

    def by_years(d: date, n: int) -> date:
        if n == 0:
            return d
        y = d.year + n
        return date(y, d.month, min(d.day, calendar.monthrange(y, d.month)[1]))

    readings = [
        add_months(by_years(start, years), months),
        by_years(add_months(start, months), years),
        add_months(start, years * 12 + months),
    ]
    for r in readings:
        out.add(r + timedelta(days=days) - timedelta(days=1))
    return out


@dataclass(frozen=True, slots=True)
class Deadline:
    """When a period ends: the raw last day, the day it really ends, and why they differ (if they do)."""

    last_day: date  # by counting alone
    due: date  # after the holiday rule
    note: str | None = None  # holiday moved / custody kept / holiday data missing


def supported_years() -> tuple[int, int]:
    years = sorted({d.year for d in chinese_calendar.constants.holidays})
    return years[0], years[-1]


def is_working_day(d: date) -> bool | None:
    """True/False from the official calendar; None for a year the package has no data for."""
    try:
        return chinese_calendar.is_workday(d)
    except NotImplementedError:
        return None


def deadline(start: date, period: Period, *, custody: bool) -> Deadline:
    """Art. 105: count `period` from `start`; move a holiday end to the next working day unless in custody."""
    last = period_end(start, period)
    working = is_working_day(last)
    if working is None:
        lo, hi = supported_years()
        return Deadline(last, last, f"{last.year}年不在节假日数据范围（{lo}–{hi}年）内，未作节假日顺延")
    if working:
        return Deadline(last, last)
    if custody:
        return Deadline(last, last, "期满日为节假日，但在押期间不因节假日延长")
    due = last
    while True:
        due += timedelta(days=1)
        w = is_working_day(due)
        if w is None:
            return Deadline(last, last, f"{due.year}年不在节假日数据范围内，未作节假日顺延")
        if w:
            break
    return Deadline(last, due, f"期满日{last.isoformat()}为节假日，顺延至节假日后第一个工作日")
