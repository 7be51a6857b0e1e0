"""Chinese numerals as written in legal documents, for amounts, counts and prison terms.

`parse_cn_number` reads 小写 (一千二百三十四, 两万, 一万五), 大写 (壹仟贰佰叁拾肆圆整), arabic with thousands
separators and Chinese units (3,500 / 1.2万 / 3万5千), digit-by-digit strings (二〇一九), full-width digits, money
units (元角分, 圆, 整) and the approximation suffixes 余/多/许 (5000余 reads as 5000; amounts.py records the
qualifier). It returns None for anything it cannot read with certainty, never a guess.

`parse_term` reads a prison term (有期徒刑三年六个月, 拘役五个月, 1年零6个月, 十五日) into years/months/days.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

# Digit characters of both 小写 and 大写 forms (弍/贰, 参 is an old form of 叁 seen in handwritten receipts).
DIGITS: dict[str, int] = {
    "〇": 0, "○": 0, "零": 0, "Ｏ": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "弍": 2, "三": 3, "叁": 3,
    "参": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
UPPER_CHARS = frozenset("壹贰弍叁参肆伍陆柒捌玖拾佰仟萬億圆")
ZEROS = frozenset("〇○零Ｏ")
APPROX_SUFFIXES = "余多许"

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_ARABIC = re.compile(r"\d+(?:\.\d+)?")
_GROUPED = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])")
_CURRENCY_PREFIX = re.compile(r"^(?:人民币|RMB|CNY|[¥￥])")
_TRAILING_NOISE = re.compile(r"(?:整|正|左右)+$")


def fold_digits(s: str) -> str:
    """Full-width digits, point and comma to ASCII."""
    return s.translate(_FULLWIDTH)


def parse_cn_number(s: str) -> Decimal | None:
    """The value of a numeral or money expression, in its own unit (元 for money); None if unreadable.

    >>> parse_cn_number("壹仟贰佰叁拾肆元伍角")
    Decimal('1234.5')
    >>> parse_cn_number("1.2万")
    Decimal('12000.0')
    """
    t = fold_digits(s).strip().replace(" ", "")
    t = _CURRENCY_PREFIX.sub("", t)
    t = _TRAILING_NOISE.sub("", t)
    t = _strip_grouping(t)
    if t is None or not t:
        return None
    # Approximation marks may sit at the end (5000余) or before a big unit (十余万, 3万多元).
    t = re.sub(rf"[{APPROX_SUFFIXES}](?=[万萬亿億元圆块]|$)", "", t)
    m = re.fullmatch(r"(.*?)(?:元|圆|块钱?)(.*)", t)
    if m:
        whole = _parse_integer_part(m.group(1)) if m.group(1) else Decimal(0)
        cents = _parse_jiao_fen(m.group(2))
        if whole is None or cents is None or (not m.group(1) and not m.group(2)):
            return None
        return whole + cents
    if t[-1] in "角分":
        return _parse_jiao_fen(t)
    return _parse_integer_part(t)


def _strip_grouping(t: str) -> str | None:
    """Remove thousands separators (3,500,000.00); a comma anywhere else makes the string unreadable."""
    if "," not in t:
        return t
    out = _GROUPED.sub(lambda m: m.group(0).replace(",", ""), t)
    return None if "," in out else out


def _parse_jiao_fen(t: str) -> Decimal | None:
    """The part after 元: 伍角, 叁分, 零五分, 五角三分, or an arabic decimal remainder."""
    if not t:
        return Decimal(0)
    m = re.fullmatch(r"[〇○零Ｏ]?(?:(.)角)?[〇○零Ｏ]?(?:(.)分)?", t)
    if not m or not (m.group(1) or m.group(2)):
        return None
    total = Decimal(0)
    for ch, scale in ((m.group(1), Decimal("0.1")), (m.group(2), Decimal("0.01"))):
        if ch is None:
            continue
        d = DIGITS.get(ch, int(ch) if ch.isdigit() else None)
        if d is None:
            return None
        total += d * scale
    return total


def _tokens(t: str) -> list[tuple[str, Decimal | int]] | None:
    """Split into ("num", value) / ("zero", 0) / ("unit", n) / ("big", n) / ("point", 0) tokens."""
    out: list[tuple[str, Decimal | int]] = []
    i = 0
    while i < len(t):
        ch = t[i]
        m = _ARABIC.match(t, i)
        if m:
            out.append(("num", Decimal(m.group(0))))
            i = m.end()
            continue
        if ch in ZEROS:
            out.append(("zero", 0))
        elif ch in DIGITS:
            out.append(("num", DIGITS[ch]))
        elif ch in SMALL_UNITS:
            out.append(("unit", SMALL_UNITS[ch]))
        elif ch in BIG_UNITS:
            out.append(("big", BIG_UNITS[ch]))
        elif ch == "点":
            out.append(("point", 0))
        else:
            return None
        i += 1
    return out


def _parse_integer_part(t: str) -> Decimal | None:
    toks = _tokens(t)
    if not toks:
        return None
    kinds = {k for k, _ in toks}
    if "point" in kinds:
        return _parse_cn_decimal(toks)
    if kinds <= {"num", "zero"}:
        return _digit_string(toks)
    return _positional(toks)


def _digit_string(toks: list[tuple[str, Decimal | int]]) -> Decimal | None:
    """二〇一九 -> 2019; a lone arabic literal -> itself."""
    if len(toks) == 1 and toks[0][0] == "num":
        return Decimal(toks[0][1])
    if any(isinstance(v, Decimal) for _, v in toks):
        return None  # "3五" is not a number
    return Decimal("".join(str(v) for _, v in toks))


def _parse_cn_decimal(toks: list[tuple[str, Decimal | int]]) -> Decimal | None:
    """三点五万 -> 35000: digits after 点 are read one by one, then an optional big unit applies."""
    idx = next(i for i, (k, _) in enumerate(toks) if k == "point")
    head, tail = toks[:idx], toks[idx + 1 :]
    scale = 1
    if tail and tail[-1][0] == "big":
        scale = int(tail[-1][1])
        tail = tail[:-1]
    if not tail or any(k not in ("num", "zero") or isinstance(v, Decimal) for k, v in tail):
        return None
    whole = _positional(head) if head else Decimal(0)
    if whole is None:
        return None
    frac = Decimal("0." + "".join(str(v) for _, v in tail))
    return (whole + frac) * scale


def _positional(toks: list[tuple[str, Decimal | int]]) -> Decimal | None:
    """Positional reading with 十百千 inside 万/亿 sections; 一万五 = 15000 (elided trailing unit)."""
    total = Decimal(0)  # complete 万/亿 groups
    section = Decimal(0)  # value below the next big unit
    number: Decimal | None = None
    last_small: int | None = None  # the last small unit seen in this section (must descend)
    last_unit = 0  # the last unit of any size, for elision
    zero_since_unit = False
    last_big: int | None = None
    for kind, val in toks:
        if kind == "num":
            if number is not None:
                return None  # two digits in a row inside a positional number
            number = Decimal(val)
        elif kind == "zero":
            if number is not None:
                return None
            zero_since_unit = True
        elif kind == "unit":
            if last_small is not None and int(val) >= last_small:
                return None
            if number is None and (section or total or zero_since_unit) and int(val) != 10:
                return None  # 一万百 is not a number
            section += (number if number is not None else 1) * int(val)
            number, last_small, last_unit, zero_since_unit = None, int(val), int(val), False
        else:  # big unit
            if number is not None:
                section += number
            if section == 0:
                return None
            if val == 10**8:
                if last_big == 10**8:
                    return None
                total = (total + section) * int(val)
            else:
                if last_big == 10**4 and total % 10**8 != 0:
                    return None  # 一万二万
                total += section * int(val)
            number, section, last_small, last_unit, zero_since_unit = None, Decimal(0), None, int(val), False
            last_big = int(val)
    if number is not None:
        if last_unit >= 100 and not zero_since_unit and number == number.to_integral_value() and number < 10:
            section += number * last_unit // 10  # 一万五 = 15000, 三千二 = 3200
        else:
            section += number
    return total + section


@dataclass(frozen=True, slots=True)
class Term:
    """A prison or probation term as written; months are not converted to days (calendar-dependent)."""

    years: int = 0
    months: int = 0
    days: int = 0

    @property
    def total_months(self) -> int:
        return self.years * 12 + self.months


_NUM = r"[0-9０-９〇○零一二两三四五六七八九十百壹贰叁肆伍陆柒捌玖拾佰]+"
_TERM = re.compile(rf"^(?:(?P<y>{_NUM})年)?零?(?:(?P<m>{_NUM})个?月)?零?(?:(?P<d>{_NUM})[日天])?$")
_TERM_PREFIX = re.compile(r"^(?:判处|处|有期徒刑|拘役|管制|缓刑|刑期|考验期(?:限)?为?|[:：，,])+")


def parse_term(s: str) -> Term | None:
    """有期徒刑三年六个月 -> Term(3, 6, 0); 拘役五个月 -> Term(0, 5, 0); None when it is not a term."""
    t = _TERM_PREFIX.sub("", fold_digits(s).strip().replace(" ", ""))
    m = _TERM.match(t)
    if not t or not m or not any(m.group(g) for g in "ymd"):
        return None
    parts: list[int] = []
    for g in "ymd":
        raw = m.group(g)
        if raw is None:
            parts.append(0)
            continue
        v = parse_cn_number(raw)
        if v is None or v != v.to_integral_value():
            return None
        parts.append(int(v))
    return Term(*parts)
