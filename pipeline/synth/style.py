"""How numbers, dates and money are written: arabic, Chinese numerals (二〇一九年三月五日), full-width digits,
大写 amounts (伍仟元). Each document picks a `Style` once, so one document is consistent with itself while the
corpus varies."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

_DIGIT_CN = "〇一二三四五六七八九"
_UPPER = "零壹贰叁肆伍陆柒捌玖"
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def cn_digits(n: int) -> str:
    """2019 -> 二〇一九 (digit by digit, as years are written)."""
    return "".join(_DIGIT_CN[int(c)] for c in str(n))


def cn_number(n: int) -> str:
    """0 <= n < 10000 in ordinary Chinese numerals: 12 -> 十二, 25 -> 二十五, 105 -> 一百零五, 3860 -> 三千八百六十."""
    if n < 0 or n >= 10000:
        raise ValueError(f"cn_number supports 0..9999, got {n}")
    if n == 0:
        return "零"
    if 10 <= n < 20:
        return "十" + (_DIGIT_CN[n % 10] if n % 10 else "")
    out = []
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // value % 10
        if d:
            if zero:
                out.append("零")
                zero = False
            out.append(_DIGIT_CN[d] + unit)
        elif out:
            zero = True
    return "".join(out)


def cn_big(n: int) -> str:
    """Any non-negative integer in Chinese numerals with 万/亿: 35000 -> 三万五千, 120000 -> 十二万."""
    if n < 10000:
        return cn_number(n)
    for value, unit in ((100_000_000, "亿"), (10_000, "万")):
        if n >= value:
            head, rest = divmod(n, value)
            tail = cn_big(rest) if rest else ""
            if rest and (rest < value // 10 or head % 10 == 0):
                tail = "零" + tail
            return cn_big(head) + unit + tail
    raise AssertionError("unreachable")


def upper_amount(n: int) -> str:
    """An integer number of 元 in 大写: 5000 -> 伍仟元, 12050 -> 壹万贰仟零伍拾元."""
    s = cn_big(n)
    table = str.maketrans({**{c: _UPPER[i] for i, c in enumerate(_DIGIT_CN)}, "十": "拾", "百": "佰", "千": "仟"})
    s = s.translate(table).replace("〇", "零")
    if s.startswith("拾"):
        s = "壹" + s
    return s + "元"


def term_text(months: int) -> str:
    """A prison term in months as judgments write it: 18 -> 一年六个月, 8 -> 八个月, 36 -> 三年."""
    y, m = divmod(months, 12)
    return (f"{cn_number(y)}年" if y else "") + (f"{cn_number(m)}个月" if m else "")


@dataclass(frozen=True)
class Style:
    """Per-document writing habits."""

    fullwidth: bool = False  # digits written full-width (some word processors, some offices)
    cn_sign_date: bool = False  # the 落款 date in Chinese numerals
    cn_body_dates: bool = False  # body dates in Chinese numerals too (older house styles)
    relative_dates: bool = True  # 同年/同月/次日 where the previous date allows
    comma_thousands: bool = False  # 12,600元
    yuan_decimals: bool = False  # 3860.00元

    @classmethod
    def pick(cls, rng: random.Random, *, court: bool) -> Style:
        cn_sign = rng.random() < (0.85 if court else 0.35)
        return cls(
            fullwidth=rng.random() < 0.06,
            cn_sign_date=cn_sign,
            cn_body_dates=rng.random() < 0.05,
            relative_dates=rng.random() < 0.8,
            comma_thousands=rng.random() < 0.1,
            yuan_decimals=rng.random() < 0.08,
        )

    def digits(self, s: str) -> str:
        return s.translate(_FULLWIDTH) if self.fullwidth else s

    def date(self, d: date, *, sign: bool = False) -> str:
        if (sign and self.cn_sign_date) or (not sign and self.cn_body_dates):
            return f"{cn_digits(d.year)}年{cn_number(d.month)}月{cn_number(d.day)}日"
        return self.digits(f"{d.year}年{d.month}月{d.day}日")

    def relative(self, d: date, prev: date | None) -> str:
        """`d` written relative to the date mentioned just before it, when that reads naturally."""
        if prev is not None and self.relative_dates and not self.cn_body_dates:
            if (d - prev).days == 1:
                return "次日"
            if d.year == prev.year and d.month == prev.month and d.day > prev.day:
                return self.digits(f"同月{d.day}日")
            if d.year == prev.year and d > prev:
                return self.digits(f"同年{d.month}月{d.day}日")
        return self.date(d)

    def number(self, n: int) -> str:
        return self.digits(str(n))

    def yuan(self, n: int) -> str:
        """An amount of 元 in arabic figures."""
        s = f"{n:,}" if self.comma_thousands and n >= 10000 else str(n)
        if self.yuan_decimals:
            s += ".00"
        return self.digits(s) + "元"
