"""Persons named in the 当事人 paragraphs: name, role, gender, birth date, 公民身份号码, stated age.

A basic-information clause starts with a role and a name and goes on with comma-separated attributes:
"被告人张某某，男，1985年3月2日出生，公民身份号码330102198503021234，汉族，…". Variants handled:
roles 犯罪嫌疑人/被不起诉人/被告人/上诉人（原审被告人）/原审被告人/被害人/自诉人/辩护人; 性别 before or
after the birth date and "性别：男"; "出生于…" / "生于…" / "出生日期：…" / "…出生"; Chinese-numeral dates
(一九八五年三月二日); "现年35岁" or a bare "35岁" item; 公民身份号码 / 身份证号码 / 身份证号 or a bare
18-digit number; 曾用名 / 别名 / 绰号 in the clause or in brackets after the name.

A role and a name alone are not enough (facts sections are full of "被告人张某某于…"): the clause must
carry a personal attribute right after the name. All offsets are in NORMALISED text.

Date values come from `pipeline.extract.dates.parse_date` (arabic, Chinese-numeral and 1985.03.02 forms);
this module only decides where a birth date is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Generic, TypeVar

from .dates import cn_int, parse_date
from .idcard import IdInfo, parse_id

if TYPE_CHECKING:
    from ..detectors.base import Context

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Located(Generic[T]):
    """A value read from the text and where it was read ([start, end) in normalised offsets)."""

    value: T
    start: int
    end: int


@dataclass(slots=True)
class Person:
    name: str
    role: str  # the first role word, e.g. "上诉人" for "上诉人（原审被告人）"
    name_span: tuple[int, int]
    clause: tuple[int, int]  # the whole basic-information clause
    roles: tuple[str, ...] = ()  # every role word, e.g. ("上诉人", "原审被告人")
    gender: Located[str] | None = None  # "男" | "女"
    birth_date: Located[date] | None = None
    id_number: Located[str] | None = None  # as written (normalised text)
    id_info: IdInfo | None = None  # None when id_number is absent or does not have an ID's shape
    age: Located[int] | None = None  # "现年35岁" / "35岁"
    aliases: list[Located[str]] = field(default_factory=list)  # 曾用名 / 别名 / 绰号


# ---------------------------------------------------------------------------------------------- dates

# Where a full date is written (values come from `dates.parse_date`, which also checks the calendar).
_CN_NUM = "[一二三四五六七八九十]{1,3}"
DATE_PATTERN = (
    r"(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日"
    rf"|[一二][〇○零O一二三四五六七八九]{{3}}年{_CN_NUM}月{_CN_NUM}日)"
)
_SEP_DATE = r"(?:(?:19|20)\d{2}(?:\.\d{1,2}\.\d{1,2}|-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2})(?![\d.\-/]))"


# ------------------------------------------------------------------------------------------- patterns

ROLES = ("原审被告人", "被不起诉人", "犯罪嫌疑人", "被告人", "上诉人", "被害人", "自诉人", "辩护人")
_ROLE = "|".join(ROLES)
_NAME = r"[\u4e00-\u9fff·•A-Za-z×*＊○]{1,12}?\d{0,2}"
_HEAD = re.compile(
    rf"(?<!被)(?P<role>{_ROLE})(?:[（(](?P<role2>{_ROLE})[）)]|暨[\u4e00-\u9fff]{{2,14}}?(?=[：:]))?"
    rf"[：:]?\s*(?P<name>{_NAME})"
    r"(?P<paren>[（(][^（）()]{1,30}[）)])?(?=[，,])"
)
# Characters that cannot be part of a personal name; they show the "name" is really running prose.
_NOT_IN_NAME = set("的了在对与及或是系将被把因等其该称供述辩")  # 于/向/和 are surnames
# An attribute that must follow the name closely for the clause to count as basic information.
_ATTRIBUTE = re.compile(
    r"[，,]\s*(?:男|女|性别|出生|生于|\d{4}\s*年|[〇○零一二三四五六七八九]{4}年|(?:公民)?身份|居民身份证|"
    r"[\u4e00-\u9fff]{1,4}族|现年|\d{1,3}周?岁|曾用名|别名|化名|绰号|外号|[^，。]{0,30}律师)"
)
_CLAUSE_END = re.compile(r"[。\n]")
_MAX_CLAUSE = 400

_GENDER = re.compile(r"(?:^|[，,、])\s*(?:性别\s*[：:]?\s*)?(?P<g>男|女)性?\s*(?=[，,、。；;]|$)")
_BIRTH_LABELLED = re.compile(
    rf"(?:出生于|生于|出生日期|出生年月日|出生时间)\s*(?:为|是|[：:])?\s*(?P<d>{DATE_PATTERN}|{_SEP_DATE})"
)
_BIRTH_TRAILED = re.compile(rf"(?P<d>{DATE_PATTERN})\s*(?=出生|生(?:人|[，,。]))")
_CN_AGE = "[一二三四五六七八九十]{1,3}"
_AGE = re.compile(
    rf"(?:现年\s*(?P<a1>\d{{1,3}}|{_CN_AGE})\s*周?岁|(?:^|[，,])\s*(?P<a2>\d{{1,3}})\s*周?岁(?=[，,。；]))"
)
_ID_LABEL = re.compile(
    r"(?:公民身份号码|公民身份证号码?|居民身份证号码?|身份证号码|身份证号|身份号码|身份证)\s*(?:为|是|[：:])?\s*"
    r"(?P<id>[0-9Xx*×＊]{6,22})"
)
_ID_BARE = re.compile(r"(?<![0-9A-Za-z])(?P<id>[1-8]\d{5}(?:19|20)\d{2}[01]\d[0-3]\d\d{3}[\dXx])(?![0-9A-Za-z])")
_ALIAS = re.compile(
    r"(?:曾用名|别名|化名|绰号|外号)\s*(?:为|是|叫|[：:])?\s*[“\"「]?(?P<alias>[\u4e00-\u9fff·A-Za-z0-9]{1,10}?)"
    r"[”\"」]?(?=[，,、。；;）)]|$)"
)


# ------------------------------------------------------------------------------------------ extraction


def extract_persons(ctx: Context) -> list[Person]:
    """Persons of one document, memoised on the context as fact "persons"."""
    return ctx.fact("persons", lambda c: find_persons(c.text))


def find_persons(text: str) -> list[Person]:
    """Every basic-information clause in `text` (normalised), in text order."""
    heads = [m for m in _HEAD.finditer(text) if _is_person_head(m, text)]
    persons: list[Person] = []
    for i, m in enumerate(heads):
        limit = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        end_m = _CLAUSE_END.search(text, m.end(), min(limit, m.end() + _MAX_CLAUSE))
        end = end_m.start() if end_m else min(limit, m.end() + _MAX_CLAUSE)
        persons.append(_read_clause(text, m, end))
    return persons


def _is_person_head(m: re.Match[str], text: str) -> bool:
    name = m.group("name")
    if any(c in _NOT_IN_NAME for c in name) or name in ROLES:
        return False
    han = sum("\u4e00" <= c <= "\u9fff" for c in name)
    if "·" not in name and "•" not in name and han > 5:
        return False
    return bool(_ATTRIBUTE.match(text, m.end()))


def _read_clause(text: str, m: re.Match[str], end: int) -> Person:
    start = m.start()
    roles = tuple(r for r in (m.group("role"), m.group("role2")) if r)
    person = Person(name=m.group("name"), role=roles[0], roles=roles, name_span=m.span("name"), clause=(start, end))
    body_start = m.end()
    body = text[body_start:end]
    if m.group("paren"):
        ps, pe = m.span("paren")
        person.aliases.extend(_aliases(text[ps:pe], ps))
    person.aliases.extend(_aliases(body, body_start))
    person.gender = _first_gender(body, body_start)
    person.birth_date = _first_birth(body, body_start)
    person.age = _first_age(body, body_start)
    id_loc = _first_id(body, body_start)
    if id_loc is not None:
        person.id_number = id_loc
        person.id_info = parse_id(id_loc.value)
    return person


def _aliases(s: str, offset: int) -> list[Located[str]]:
    return [Located(a.group("alias"), offset + a.start("alias"), offset + a.end("alias")) for a in _ALIAS.finditer(s)]


def _first_gender(body: str, offset: int) -> Located[str] | None:
    g = _GENDER.search(body)
    return Located(g.group("g"), offset + g.start("g"), offset + g.end("g")) if g else None


def _first_birth(body: str, offset: int) -> Located[date] | None:
    found = [m for rx in (_BIRTH_LABELLED, _BIRTH_TRAILED) for m in rx.finditer(body)]
    for b in sorted(found, key=lambda m: m.start()):
        d = parse_date(b.group("d"))
        if d is not None:
            return Located(d, offset + b.start("d"), offset + b.end("d"))
    return None


def _first_age(body: str, offset: int) -> Located[int] | None:
    for a in _AGE.finditer(body):
        grp = "a1" if a.group("a1") else "a2"
        raw = a.group(grp)
        value = cn_int(raw)
        if value is not None and 0 < value < 130:
            return Located(value, offset + a.start(grp), offset + a.end())  # "35岁", with 岁
    return None


def _first_id(body: str, offset: int) -> Located[str] | None:
    m = _ID_LABEL.search(body) or _ID_BARE.search(body)
    if m is None:
        return None
    return Located(m.group("id"), offset + m.start("id"), offset + m.end("id"))
