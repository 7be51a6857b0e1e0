"""Money amounts in normalised text: value, form (大写/小写/arabic), currency, qualifiers, 大写/小写 pairs.

An amount is a numeral followed by a money unit (元, 圆, 块钱, 美元 …) or preceded by ¥, optionally with
人民币 before it and 角/分, 整, 余/多/许/左右 around it. Values are Decimals in the currency's main unit (元 for
人民币). Qualifiers say how exact and what kind of figure it is, so detectors can stay conservative:

    余   more than (三万余元, 5000多元, 逾万元)         约   about (约5000元, 5000元左右, 近万元)
    以上 / 以下  a threshold (数额在5000元以上)        单价 a unit price (每克200元, 200元/克)
    共计 / 合计 / 累计 / 总计  a stated total          价值 a valuation (价值人民币5000元)
    经鉴定  an appraised value (经鉴定…价值…元, 经价格认定…)

A pair is an amount followed by the same amount in the other form in brackets: "人民币伍仟元（5000元）",
"5000元（大写：伍仟元整）", "伍仟元（￥5000.00）"; both amounts point at each other through `pair`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from .cn_numbers import DIGITS, UPPER_CHARS, parse_cn_number

if TYPE_CHECKING:
    from ..detectors.base import Context

UPPER = "大写"
LOWER = "小写"
ARABIC = "阿拉伯数字"

_CN_DIGITS = "〇○零一二两三四五六七八九壹贰弍叁肆伍陆柒捌玖"
_CN_UNITS = "十百千万亿拾佰仟萬億"
_BODY = rf"(?:\d|[{_CN_DIGITS}十拾])[\d,.{_CN_DIGITS}{_CN_UNITS}点余多]*"
_FOREIGN = {
    "美元": "美元", "港元": "港币", "港币": "港币", "欧元": "欧元", "日元": "日元", "英镑": "英镑",
    "澳元": "澳元", "加元": "加元", "新台币": "新台币", "台币": "新台币", "澳门元": "澳门元", "澳门币": "澳门元",
    "韩元": "韩元", "卢布": "卢布", "泰铢": "泰铢",
}  # fmt: skip
_UNIT = "|".join(sorted(_FOREIGN, key=len, reverse=True)) + "|元|圆|块钱"
_CENTS = rf"(?:[零〇]?[\d{_CN_DIGITS}]角)?(?:[零〇]?[\d{_CN_DIGITS}]分)?"
_PREFIX = r"(?P<cur>(?:人民币|美元|港币|欧元|日元)?[:：]?[¥￥]?)"
_MONEY = re.compile(
    rf"{_PREFIX}(?P<body>{_BODY})(?P<unit>{_UNIT})(?P<cents>{_CENTS})(?P<zheng>整|正(?![在常当式好是]))?(?P<after>左右|许)?"
)
_YEN_SIGN = re.compile(r"(?:人民币)?[¥￥]\s?(?P<body>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:元)?")
# A number in brackets right after an amount, without its own unit: "伍仟元（5000）", "（小写：5000.00）".
_BARE_IN_BRACKETS = re.compile(
    rf"\s*[（(]\s*(?:大写|小写)?\s*[:：]?\s*(?:人民币)?\s*[:：]?\s*"
    rf"(?P<body>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|[{_CN_DIGITS}{_CN_UNITS}]+)\s*[）)]"
)
_PAIR_OPEN = re.compile(r"\s*[（(]\s*(?:大写|小写|即|合)?\s*[:：]?\s*")
_PAIR_CLOSE = re.compile(r"\s*[）)]")

_VAGUE_BEFORE = set("数几上成")  # 数万元, 几千元, 上万元: no figure to read
_APPROX_BEFORE = re.compile(r"(?:大约|约合|约为|约|近|将近|接近|逾|超过)$")
_THRESHOLD_AFTER = re.compile(r"^(?:以上|以下|以内|上下)")
_THRESHOLD_BEFORE = re.compile(r"(?:不满|不足|未满|不到|不超过|低于|高于)$")
_UNIT_PRICE_BEFORE = re.compile(r"每[^，。；：\d]{0,4}$|单价[为是]?[:：]?$")
_UNIT_PRICE_AFTER = re.compile(r"^(?:/|每)")
_TOTAL_WORDS = (
    ("共计", re.compile(r"(?<![公中])(?:共计|总共|一共|共(?![同犯谋享有产青和事处]))")),
    ("合计", re.compile(r"合计")),
    ("累计", re.compile(r"累计")),
    ("总计", re.compile(r"总计|总额|总金额|总价值?|总值|总数额")),
)
_VALUE_WORD = re.compile(r"价值|价格|价款|市值")
_APPRAISED = re.compile(r"鉴定|评估|价格认定|价格认证|估价|认定价格|价格鉴证")
_CLAUSE_END = re.compile(r"[，,。；;：:！？\n]")


@dataclass(frozen=True, slots=True)
class Amount:
    """One money amount; start/end are NORMALISED offsets, `text == norm_text[start:end]`."""

    value: Decimal
    start: int
    end: int
    text: str
    form: str  # 大写 | 小写 | arabic
    currency: str = "人民币"
    qualifiers: tuple[str, ...] = ()
    pair: int | None = None  # index in the extracted list of the same amount in its other form

    @property
    def approximate(self) -> bool:
        return any(q in self.qualifiers for q in ("余", "约", "以上", "以下"))

    @property
    def is_total(self) -> bool:
        return any(q in self.qualifiers for q in ("共计", "合计", "累计", "总计"))


def extract_amounts(ctx: Context) -> list[Amount]:
    """All money amounts of the document, memoised on the context."""
    return ctx.fact("amounts", lambda c: find_amounts(c.text, c.sentences))


def find_amounts(text: str, sentences: list[tuple[int, int]] | None = None) -> list[Amount]:
    """Money amounts in `text` (normalised), in reading order, with qualifiers and pairs."""
    found: list[Amount] = []
    taken: list[tuple[int, int]] = []
    for m in _MONEY.finditer(text):
        a = _from_money_match(text, m)
        if a is not None:
            found.append(a)
            taken.append((a.start, a.end))
    for m in _YEN_SIGN.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        value = parse_cn_number(m.group("body"))
        if value is not None:
            found.append(Amount(value, m.start(), m.end(), m.group(0), ARABIC))
    found.sort(key=lambda a: a.start)
    found = _add_bare_bracket_partners(text, found)
    starts = _sentence_starts(text, sentences)
    found = [replace(a, qualifiers=_qualifiers(text, a, found, starts)) for a in found]
    return _link_pairs(text, found)


def form_of(numeral: str) -> str:
    if any(ch in UPPER_CHARS for ch in numeral):
        return UPPER
    if any(ch.isdigit() and ch.isascii() for ch in numeral):
        return ARABIC
    return LOWER


def format_value(value: Decimal) -> str:
    """12000.0 -> "12000", 1234.50 -> "1234.5": for reasons shown to analysts."""
    q = value.normalize()
    return f"{q:f}"


def _from_money_match(text: str, m: re.Match[str]) -> Amount | None:
    body, start = m.group("body"), m.start("body")
    tail = "元" + m.group("cents")
    # A numeral glued to a preceding word (统一五千元, 第一次一千元) fails to parse: drop leading characters.
    while body:
        value = parse_cn_number(body + tail)
        if value is not None and value > 0:
            break
        body, start = body[1:], start + 1
        if body and not (body[0].isdigit() or body[0] in _CN_DIGITS or body[0] in "十拾"):
            return None
    else:
        return None
    if start == m.start("body") and start > 0 and text[start - 1] in _VAGUE_BEFORE:
        return None
    quals: tuple[str, ...] = ()
    if len(body) > 1 and all(ch in _CN_DIGITS for ch in body):
        return None  # 一二三元: money is never written digit by digit
    rng = _range(text, start)
    if rng is not None:
        # 五六百元 / 十八九万元 / 十六、七万元: a range, read as about its upper end (十九万, 十七万).
        range_start, low = rng
        upper = parse_cn_number(text[range_start:low] + body + tail)
        if upper is None:
            return None
        value, start, quals = upper, range_start, ("约",)
    elif start > 0 and text[start - 1].isdigit():
        return None  # the tail of a longer digit run
    if re.search(r"\d{10}", body):
        return None  # ten digits in a row are an ID, phone or card number, not money
    cur_word = m.group("cur").replace("：", "").replace(":", "") if start == m.start("body") else ""
    unit = m.group("unit")
    currency = _FOREIGN.get(unit) or _FOREIGN.get(cur_word.rstrip("¥￥")) or "人民币"
    begin = m.start("cur") if cur_word else start
    return Amount(value, begin, m.end(), text[begin : m.end()], form_of(body), currency, quals)


def _range(text: str, start: int) -> tuple[int, int] | None:
    """(range start, lower digit) when the numeral at `start` ends a range 五六百 / 十八九万 / 十六、七万."""
    first = DIGITS.get(text[start]) if start < len(text) else None
    if first is None or start == 0:
        return None
    p = start - 1
    if text[p] == "、":
        p -= 1
    prev = DIGITS.get(text[p]) if p >= 0 else None
    if prev is None or not (prev + 1 == first or (prev, first) == (2, 3)):
        return None
    low = p
    while p > 0 and text[p - 1] in _CN_DIGITS + _CN_UNITS:
        p -= 1
    return p, low


def _add_bare_bracket_partners(text: str, amounts: list[Amount]) -> list[Amount]:
    """ "伍仟元（5000）": the bracketed number has no unit of its own but is the other form of the amount."""
    out = list(amounts)
    starts = {a.start for a in amounts}
    for a in amounts:
        m = _BARE_IN_BRACKETS.match(text, a.end)
        if not m or m.start("body") in starts:
            continue
        body = m.group("body")
        value = parse_cn_number(body)
        if value is None or form_of(body) == a.form:
            continue
        out.append(Amount(value, m.start("body"), m.end("body"), body, form_of(body), a.currency))
    out.sort(key=lambda x: x.start)
    return out


def _sentence_starts(text: str, sentences: list[tuple[int, int]] | None) -> list[int]:
    if sentences:
        return [s for s, _ in sentences]
    return [0] + [m.end() for m in re.finditer(r"[。！？；\n]", text)]


def _qualifiers(text: str, a: Amount, amounts: list[Amount], sentence_starts: list[int]) -> tuple[str, ...]:
    quals: list[str] = list(a.qualifiers)
    if re.search(r"[余多]", a.text) or re.search(r"许$", a.text):
        quals.append("余")
    after = text[a.end : a.end + 4]
    if a.text.endswith("左右") or after.startswith("左右"):
        quals.append("约")
    # The clause before the amount, back to a clause mark or the previous amount.
    prev_end = max((b.end for b in amounts if b.end <= a.start), default=0)
    lo = max(prev_end, a.start - 16)
    clause = text[lo : a.start]
    cut = list(_CLAUSE_END.finditer(clause))
    if cut:
        clause = clause[cut[-1].end() :]
    close = clause[-4:]
    if _APPROX_BEFORE.search(close) and "约" not in quals:
        quals.append("余" if close.endswith(("逾", "超过")) else "约")
    if _THRESHOLD_AFTER.match(after):
        quals.append("以下" if after.startswith(("以下", "以内")) else "以上")
    elif _THRESHOLD_BEFORE.search(close):
        quals.append("以下" if re.search(r"不满|不足|未满|不到|不超过|低于$", close) else "以上")
    if _UNIT_PRICE_BEFORE.search(clause) or _UNIT_PRICE_AFTER.match(after):
        quals.append("单价")
    for tag, pat in _TOTAL_WORDS:
        if pat.search(clause):
            quals.append(tag)
            break
    if _VALUE_WORD.search(clause):
        quals.append("价值")
    sent_start = max((s for s in sentence_starts if s <= a.start), default=0)
    if _APPRAISED.search(text[sent_start : a.start]):
        quals.append("经鉴定")
    return tuple(dict.fromkeys(quals))


def _link_pairs(text: str, amounts: list[Amount]) -> list[Amount]:
    by_start = {a.start: i for i, a in enumerate(amounts)}
    out = list(amounts)
    for i, a in enumerate(amounts):
        if out[i].pair is not None:
            continue
        m = _PAIR_OPEN.match(text, a.end)
        if not m or m.end() == a.end:
            continue
        j = by_start.get(m.end())
        if j is None:
            # "人民币（大写）伍仟元" style labels are not pairs; only an amount that opens the bracket counts.
            continue
        b = amounts[j]
        if b.form == a.form or b.currency != a.currency or not _PAIR_CLOSE.match(text, b.end):
            continue
        out[i] = replace(out[i], pair=j)
        out[j] = replace(out[j], pair=i)
    return out
