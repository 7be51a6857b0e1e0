"""身份信息矛盾: a person's basic information contradicts itself or the 公民身份号码.

Checks, per person extracted by `pipeline.extract.persons`:
* the 公民身份号码 itself: length, check character (ISO 7064 MOD 11-2), birth-date code that is not a
  calendar date or lies after the document date, region code that is no province;
* the number against the clause: birth date written ≠ birth-date code, gender written ≠ the 17th digit;
* the stated age ("现年35岁") against the birth date at the document's own date (its 落款 date on a line of
  its own; the check is skipped when the document has none);
and across persons: one number given for two different names, one name given two different numbers.
Masked numbers are not validated, but their visible birth-date and gender digits are still compared.

Confidence (how sure we are that the document really carries a defect, not how grave it is):
* 0.9  deterministic failures of the number itself (check character, impossible or future birth date) and
       one number shared by two names — arithmetic, nothing left to interpretation;
* 0.85 wrong length; birth date or gender contradicting the number — almost always a typing error, but
       the extraction could have attached an attribute to the wrong person;
* 0.8  stated age off by two or more years; birth-date code before 1900;
* 0.6  unknown province code (the table may lag new codes); one name with two numbers (anonymised names
       such as 张某 can belong to two people);
* 0.45 stated age off by exactly one year — the age may have been computed on a drafting date a little
       earlier than the 落款 date.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from ..extract import idcard
from ..extract.dates import parse_date
from ..extract.persons import DATE_PATTERN, ROLES, Located, Person, extract_persons
from ..types import Flag
from .base import Context, Detector, register

CODE = "identity_mismatch"

BASIS_GB = (
    "GB 11643-1999《公民身份号码》：公民身份号码由六位数字地址码、八位数字出生日期码、三位数字顺序码和一位"
    "数字校验码组成；顺序码奇数分配给男性、偶数分配给女性；校验码按 ISO 7064:1983 MOD 11-2 计算。"
)
BASIS_RULE = (
    "《人民检察院刑事诉讼规则》第三百五十八条：起诉书的主要内容包括被告人的基本情况，包括姓名、性别、"
    "出生年月日、出生地和户籍地、公民身份号码……"
)
BASIS_BOTH = BASIS_RULE + "；" + BASIS_GB

CONF_NUMBER = 0.9
CONF_SHARED_NUMBER = 0.9
CONF_LENGTH = 0.85
CONF_CONTRADICTION = 0.85
CONF_AGE = 0.8
CONF_PRE_1900 = 0.8
CONF_REGION = 0.6
CONF_NAME_TWO_NUMBERS = 0.6
CONF_AGE_OFF_BY_ONE = 0.45

# Roles whose bare "35岁" is the age now; a victim's bare age is often the age at the offence.
_AGE_ROLES = {"犯罪嫌疑人", "被告人", "被不起诉人", "上诉人", "原审被告人", "自诉人"}

_ROLE_WORDS = re.compile("|".join(ROLES))

# The 落款 date: a line that holds a date and nothing else but a seal note.
_FOOTER_DATE = re.compile(rf"^[ \t]*(?P<d>{DATE_PATTERN})[ \t]*(?:[（(][^）)\n]{{0,8}}[）)])?[ \t]*$", re.M)


def document_date(text: str) -> Located[date] | None:
    """The document's own date: the last line that is only a date (the 落款); None when there is none."""
    found: Located[date] | None = None
    for m in _FOOTER_DATE.finditer(text):
        d = parse_date(m.group("d"))
        if d is not None:
            found = Located(d, m.start("d"), m.end("d"))
    return found


def age_on(birth: date, day: date) -> int:
    """Full years (周岁) between `birth` and `day`."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _ymd(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _who(p: Person) -> str:
    return f"{p.role}{p.name}"


@register
class IdentityMismatch(Detector):
    name = "identity_mismatch"
    version = "1"
    codes = (CODE,)

    def detect(self, ctx: Context) -> Iterable[Flag]:
        persons = extract_persons(ctx)
        doc_date = document_date(ctx.text)
        flags: list[Flag] = []
        for p in persons:
            flags.extend(self._number_itself(ctx, p, doc_date))
            flags.extend(self._number_vs_clause(ctx, p))
            flags.extend(self._age(ctx, p, doc_date))
        flags.extend(self._across_persons(ctx, persons))
        return _merge_repeats(flags)

    # ------------------------------------------------------------------------------- the number

    def _number_itself(self, ctx: Context, p: Person, doc_date: Located[date] | None) -> list[Flag]:
        loc, info = p.id_number, p.id_info
        if loc is None:
            return []
        span = [(loc.start, loc.end)]
        if info is None:
            if loc.value.isdigit() or (loc.value[:-1].isdigit() and loc.value[-1] in "Xx"):
                reason = f"{_who(p)}的公民身份号码为{len(loc.value)}位，应为18位（旧式号码为15位）"
                return [self._flag(ctx, span, CONF_LENGTH, BASIS_GB, reason)]
            return []
        if info.masked:
            return []
        out: list[Flag] = []
        if idcard.BAD_CHECKSUM in info.problems:
            reason = f"{_who(p)}的公民身份号码校验位应为{info.expected_check}，文书为{info.number[-1]}"
            out.append(self._flag(ctx, span, CONF_NUMBER, BASIS_GB, reason))
        code = info.number[6:14] if info.length == 18 else "19" + info.number[6:12]
        if idcard.BAD_BIRTH_DATE in info.problems:
            reason = f"{_who(p)}的公民身份号码中出生日期码{code}不是有效日期"
            out.append(self._flag(ctx, span, CONF_NUMBER, BASIS_GB, reason))
        elif info.birth_date and doc_date and info.birth_date > doc_date.value:
            reason = f"{_who(p)}的公民身份号码中出生日期{_ymd(info.birth_date)}晚于文书日期"
            spans = [*span, (doc_date.start, doc_date.end)]
            out.append(self._flag(ctx, spans, CONF_NUMBER, BASIS_GB, reason))
        elif idcard.FUTURE_BIRTH_DATE in info.problems and doc_date is None:
            reason = f"{_who(p)}的公民身份号码中出生日期{_ymd(info.birth_date)}晚于今天"
            out.append(self._flag(ctx, span, CONF_NUMBER, BASIS_GB, reason))
        if idcard.IMPLAUSIBLE_BIRTH_DATE in info.problems:
            reason = f"{_who(p)}的公民身份号码中出生日期码{code}早于1900年"
            out.append(self._flag(ctx, span, CONF_PRE_1900, BASIS_GB, reason))
        if idcard.BAD_REGION in info.problems:
            reason = f"{_who(p)}的公民身份号码地址码以{info.number[:2]}开头，不是有效的省级行政区划代码"
            out.append(self._flag(ctx, span, CONF_REGION, BASIS_GB, reason))
        return out

    def _number_vs_clause(self, ctx: Context, p: Person) -> list[Flag]:
        loc, info = p.id_number, p.id_info
        if loc is None or info is None:
            return []
        out: list[Flag] = []
        if p.birth_date and info.birth_date and p.birth_date.value != info.birth_date:
            reason = (
                f"{_who(p)}的出生日期写为{_ymd(p.birth_date.value)}，公民身份号码中的出生日期为{_ymd(info.birth_date)}"
            )
            spans = [(p.birth_date.start, p.birth_date.end), (loc.start, loc.end)]
            out.append(self._flag(ctx, spans, CONF_CONTRADICTION, BASIS_BOTH, reason))
        if p.gender and info.gender and p.gender.value != info.gender:
            digit = info.number[16] if info.length == 18 else info.number[14]
            parity = "奇" if int(digit) % 2 else "偶"
            reason = (
                f"{_who(p)}的性别写为{p.gender.value}，公民身份号码顺序码末位{digit}为{parity}数，"
                f"对应性别为{info.gender}"
            )
            spans = [(p.gender.start, p.gender.end), (loc.start, loc.end)]
            out.append(self._flag(ctx, spans, CONF_CONTRADICTION, BASIS_BOTH, reason))
        return out

    # ---------------------------------------------------------------------------------- the age

    def _age(self, ctx: Context, p: Person, doc_date: Located[date] | None) -> list[Flag]:
        if p.age is None or doc_date is None or p.role not in _AGE_ROLES:
            return []
        birth_span: tuple[int, int] | None = None
        birth: date | None = None
        if p.birth_date is not None:
            birth, birth_span = p.birth_date.value, (p.birth_date.start, p.birth_date.end)
        elif p.id_info and p.id_info.birth_date and p.id_number and not p.id_info.problems:
            birth, birth_span = p.id_info.birth_date, (p.id_number.start, p.id_number.end)
        if birth is None or birth_span is None or birth > doc_date.value:
            return []
        actual = age_on(birth, doc_date.value)
        off = abs(actual - p.age.value)
        if off == 0:
            return []
        reason = (
            f"{_who(p)}写明年龄{p.age.value}岁，按出生日期{_ymd(birth)}计算，"
            f"至文书日期{_ymd(doc_date.value)}应为{actual}周岁"
        )
        conf = CONF_AGE_OFF_BY_ONE if off == 1 else CONF_AGE
        spans = [(p.age.start, p.age.end), birth_span, (doc_date.start, doc_date.end)]
        return [self._flag(ctx, spans, conf, BASIS_RULE, reason)]

    # ---------------------------------------------------------------------------- across persons

    def _across_persons(self, ctx: Context, persons: list[Person]) -> list[Flag]:
        by_number: dict[str, list[Person]] = defaultdict(list)
        by_name: dict[str, list[Person]] = defaultdict(list)
        for p in persons:
            if p.id_number and p.id_info and not p.id_info.masked:
                by_number[p.id_info.number].append(p)
                by_name[p.name].append(p)
        out: list[Flag] = []
        for number, group in by_number.items():
            names = _distinct_people(group)
            if len(names) > 1:
                first = names[0]
                for other in names[1:]:
                    reason = f"{_who(first)}与{_who(other)}的公民身份号码相同（{number}）"
                    spans = [first.name_span, _id_span(first), other.name_span, _id_span(other)]
                    out.append(self._flag(ctx, spans, CONF_SHARED_NUMBER, BASIS_BOTH, reason))
        for name, group in by_name.items():
            numbers = {p.id_info.number for p in group if p.id_info}
            if len(numbers) > 1:
                spans = [s for p in group for s in (p.name_span, _id_span(p))]
                reason = f"同一姓名“{name}”在文书中对应{len(numbers)}个不同的公民身份号码"
                out.append(self._flag(ctx, spans, CONF_NAME_TWO_NUMBERS, BASIS_BOTH, reason))
        return out

    def _flag(self, ctx: Context, spans: list[tuple[int, int]], conf: float, basis: str, reason: str) -> Flag:
        return self.flag(ctx, CODE, spans, confidence=conf, basis=basis, reason=reason)


def _merge_repeats(flags: list[Flag]) -> list[Flag]:
    """One flag per reason: a person described twice (as 被告人, then as 上诉人（原审被告人）) is one defect."""
    by_reason: dict[str, Flag] = {}
    for f in flags:
        first = by_reason.setdefault(_ROLE_WORDS.sub("", f.reason), f)
        if first is not f:
            first.evidence = sorted(set(first.evidence) | set(f.evidence), key=lambda e: (e.start, e.end))
    return list(by_reason.values())


def _id_span(p: Person) -> tuple[int, int]:
    assert p.id_number is not None  # only called for persons grouped by their number
    return p.id_number.start, p.id_number.end


def _distinct_people(group: list[Person]) -> list[Person]:
    """One entry per distinct name; a name that is another's 曾用名/绰号 is the same person."""
    out: list[Person] = []
    for p in group:
        known = {q.name for q in out} | {a.value for q in out for a in q.aliases}
        if p.name not in known and not ({a.value for a in p.aliases} & {q.name for q in out}):
            out.append(p)
    return out
