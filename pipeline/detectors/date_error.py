"""日期错误: impossible dates, dates after the document's own date, procedural events out of order, and a
刑期折抵 period that does not match the term.

* impossible date (2019年2月29日, 2月30日, 13月): 0.85 — arithmetic, unless the year came from context;
* a procedural event or birth date after the 落款 date (skipped when the document has none): 0.8;
* for one person, a later step dated before the earlier step it follows in the text (逮捕 before 拘留,
  执行逮捕 before 批准逮捕, 提起公诉 before 移送审查起诉, 判决 before 起诉, 告知 before 受理 …): 0.75 — the
  text order says which step the writer meant, so "同年" that should have been "次年" is caught too; a
  personal step told before any earlier step (批准逮捕决定书: 提请 date first, 拘留 date later) is compared
  with the nearest earlier step after it, by kind;
* 刑期折抵 "即自A起至B止": B must be A + term − 1 day (最高法解释 art. 202 ¶2 for month ends); a B later than
  that, or earlier with no custody break or explanation in the document: 0.75; an A earlier than every
  custody event of the person (抓获/羁押/拘留) by more than a day, or later than an unbroken custody start: 0.55.
Dates resolved by guesswork (a year-less 1月5日 after a December date) are never used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from ..extract import timeline as tl
from ..extract.cn_numbers import parse_term
from ..extract.dates import DAY, DateMention
from ..extract.timeline import Event
from ..law.holidays import sentence_end_candidates
from ..types import Flag
from .base import Context, Detector, register

CODE = "date_error"
CONF_INVALID = 0.85
CONF_FUTURE = 0.8
CONF_ORDER = 0.75
CONF_CREDIT_END = 0.75
CONF_CREDIT_START = 0.55

BASIS_DEFECT = (
    "《人民检察院司法责任追究条例》第三条第二款：检察人员在事实认定、证据采信、法律适用、办案程序、文书制作等方面"
    "不符合法律和有关规定，但不影响案件结论的正确性和效力的，属司法瑕疵，不因此承担司法责任。"
)
BASIS_CREDIT = (
    "《中华人民共和国刑法》第四十七条：有期徒刑的刑期，从判决执行之日起计算；判决执行以前先行羁押的，羁押一日折抵刑期一日。"
    "第四十四条：拘役的刑期，从判决执行之日起计算；判决执行以前先行羁押的，羁押一日折抵刑期一日。"
    "《最高人民法院关于适用〈中华人民共和国刑事诉讼法〉的解释》第二百零二条第二款：以年计算的刑期，自本年本月某日至次年同月同日的前一日为一年；"
    "次年同月同日不存在的，自本年本月某日至次年同月最后一日的前一日为一年。以月计算的刑期，自本月某日至下月同日的前一日为一个月；"
    "刑期起算日为本月最后一日的，至下月最后一日的前一日为一个月；下月同日不存在的，自本月某日至下月最后一日的前一日为一个月；"
    "半个月一律按十五日计算。"
)
BASIS_ORDER = (
    "《中华人民共和国刑事诉讼法》第九十一条第一款：公安机关对被拘留的人，认为需要逮捕的，应当在拘留后的三日以内，"
    "提请人民检察院审查批准。第一百七十六条第一款：人民检察院认为犯罪嫌疑人的犯罪事实已经查清，证据确实、充分，"
    "依法应当追究刑事责任的，应当作出起诉决定，按照审判管辖的规定，向人民法院提起公诉；" + BASIS_DEFECT
)

_ARREST = {tl.ARREST_APPROVED, tl.ARREST_DECIDED, tl.ARRESTED, tl.ARREST_REQUESTED, tl.ARREST_REFUSED}
# (earlier step, later steps): a later step must not be dated before the nearest earlier step before it in
# the text. Personal pairs are checked per person, case pairs across the case.
PERSONAL_ORDER: tuple[tuple[str, frozenset[str]], ...] = (
    (tl.DETAINED, frozenset(_ARREST)),
    (tl.ARREST_REQUESTED, frozenset({tl.ARREST_APPROVED, tl.ARREST_REFUSED})),
    (tl.ARREST_APPROVED, frozenset({tl.ARRESTED})),
)
CASE_ORDER: tuple[tuple[str, frozenset[str]], ...] = (
    (tl.TRANSFERRED, frozenset({tl.REVIEW_RECEIVED, tl.INDICTED, tl.NOT_PROSECUTED, tl.RETURNED})),
    (tl.REVIEW_RECEIVED, frozenset({tl.INDICTED, tl.NOT_PROSECUTED, tl.RIGHTS_NOTIFIED, tl.RETURNED})),
    (tl.RETURNED, frozenset({tl.RESUBMITTED})),
    (tl.INDICTED, frozenset({tl.JUDGED, tl.COURT_RECEIVED})),
    (tl.COURT_RECEIVED, frozenset({tl.JUDGED})),
)
_CUSTODY_START = {tl.CAUGHT, tl.CUSTODY, tl.DETAINED, tl.ARRESTED, tl.ARREST_DECIDED, tl.ARREST_APPROVED}
_CUSTODY_BREAK = {tl.BAIL, tl.RESIDENCE, tl.RELEASED, tl.MEASURE_LIFTED, tl.ARREST_REFUSED}
# Words near a 折抵 clause that explain a shorter period: an earlier custody credited separately, etc.
_CREDIT_EXPLAINED = re.compile(
    r"扣除|已羁押|另行|此前|之前|曾被羁押|指定居所|监视居住|已折抵|先行羁押\d|先行羁押[一二三四五六七八九十百]+日"
)


def _d(d: date | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else "（日期不明）"


@register
class DateError(Detector):
    name = "date_error"
    version = "1"
    codes = (CODE,)

    def detect(self, ctx: Context) -> Iterable[Flag]:
        mentions = tl.document_dates(ctx)
        events = tl.extract_timeline(ctx)
        yield from self._invalid(ctx, mentions)
        yield from self._future(ctx, mentions, events)
        yield from self._order(ctx, events)
        yield from self._credits(ctx, events)

    # -- impossible dates ------------------------------------------------------------------------------

    def _invalid(self, ctx: Context, mentions: list[DateMention]) -> Iterable[Flag]:
        for m in mentions:
            if not m.valid and m.problem:
                yield self.flag(
                    ctx, CODE, [(m.start, m.end)], confidence=CONF_INVALID, basis=BASIS_DEFECT,
                    reason=f"日期“{m.text}”不存在：{m.problem}。",
                )  # fmt: skip

    # -- after the document's own date -----------------------------------------------------------------

    def _future(self, ctx: Context, mentions: list[DateMention], events: list[Event]) -> Iterable[Flag]:
        own = tl.document_date(ctx)
        if own is None or own.value is None:
            return
        doc_day = own.value
        for e in events:
            if e.synthetic or not e.confident or e.date <= doc_day:
                continue
            yield self.flag(
                ctx, CODE, [e.span, (own.start, own.end)], confidence=CONF_FUTURE, basis=BASIS_DEFECT,
                reason=f"{e.name_zh}日期{_d(e.date)}晚于文书落款日期{_d(doc_day)}。",
            )  # fmt: skip
        for m in mentions:
            if m.value and m.precision == DAY and m.confident and m.value > doc_day and _is_birth(ctx.text, m):
                yield self.flag(
                    ctx, CODE, [(m.start, m.end), (own.start, own.end)], confidence=CONF_FUTURE, basis=BASIS_DEFECT,
                    reason=f"出生日期{_d(m.value)}晚于文书落款日期{_d(doc_day)}。",
                )  # fmt: skip

    # -- procedural order ----------------------------------------------------------------------------------

    def _order(self, ctx: Context, events: list[Event]) -> Iterable[Flag]:
        usable = [e for e in events if e.confident and e.kind != tl.SENTENCE_CREDIT]
        persons = dict.fromkeys(p for e in usable if e.kind not in tl.CASE_KINDS for p in e.persons)
        seen: set[tuple[int, int]] = set()
        for p in persons:
            mine = [e for e in usable if p in e.persons and e.kind not in tl.CASE_KINDS]
            yield from self._pairs(ctx, mine, PERSONAL_ORDER, f"{p}：", seen, by_kind=True)
        case = [e for e in usable if e.kind in tl.CASE_KINDS]
        yield from self._pairs(ctx, case, CASE_ORDER, "", seen)

    def _pairs(
        self, ctx: Context, evs: list[Event], order: tuple[tuple[str, frozenset[str]], ...], who: str,
        seen: set[tuple[int, int]], *, by_kind: bool = False,
    ) -> Iterable[Flag]:  # fmt: skip
        """With `by_kind`, a later step with no earlier step before it in the text is compared with the nearest
        one after it: a 批准逮捕决定书 names the 提请 date first and the 拘留 date in a later paragraph."""
        evs = sorted(evs, key=lambda e: e.start)
        for i, later in enumerate(evs):
            for first_kind, later_kinds in order:
                if later.kind not in later_kinds:
                    continue
                earlier = next((e for e in reversed(evs[:i]) if e.kind == first_kind), None)
                if earlier is None and by_kind:
                    earlier = next((e for e in evs[i + 1 :] if e.kind == first_kind), None)
                if earlier is None or later.date >= earlier.date:
                    continue
                if earlier.kind == tl.COURT_RECEIVED and (later.instance is None or later.instance != earlier.instance):
                    continue  # receipt and judgment of the same trial only
                key = (earlier.start, later.start)
                if key in seen:
                    continue
                seen.add(key)
                where = "此前记载的" if earlier.start < later.start else "文书记载的"
                yield self.flag(
                    ctx, CODE, [earlier.span, later.span], confidence=CONF_ORDER, basis=BASIS_ORDER,
                    reason=(f"{who}{later.name_zh}日期{_d(later.date)}早于{where}{earlier.name_zh}日期"
                            f"{_d(earlier.date)}，诉讼程序先后顺序颠倒，至少有一个日期错误。"),
                )  # fmt: skip

    # -- 刑期折抵 ---------------------------------------------------------------------------------------------

    def _credits(self, ctx: Context, events: list[Event]) -> Iterable[Flag]:
        for c in (e for e in events if e.kind == tl.SENTENCE_CREDIT):
            if c.date is None or c.until is None:
                continue
            mine = sorted((e for e in events if c.person and c.person in e.persons and e.confident
                           and e.kind != tl.SENTENCE_CREDIT), key=lambda e: (e.date, e.start))  # fmt: skip
            yield from self._credit_end(ctx, c, mine)
            yield from self._credit_start(ctx, c, mine)

    def _credit_end(self, ctx: Context, c: Event, mine: list[Event]) -> Iterable[Flag]:
        term = parse_term(c.detail) if c.detail else None
        if term is None or c.detail is None or "管制" in c.detail:
            return
        candidates = sentence_end_candidates(c.date, term.years, term.months, term.days)
        if c.until in candidates:
            return
        expected = max(candidates) if c.until > max(candidates) else min(candidates)
        diff = (c.until - expected).days
        s_start, s_end = ctx.sentence_at(c.start)
        window = ctx.text[max(0, s_start - 40) : min(len(ctx.text), s_end + 60)].replace(c.trigger, "")
        if diff < 0:
            broken = any(e.kind in _CUSTODY_BREAK and e.date <= c.until for e in mine)
            if broken or _CREDIT_EXPLAINED.search(window.replace("先行羁押的", "")):
                return  # a custody break or a separately credited period explains a shorter span
        word = "多" if diff > 0 else "少"
        yield self.flag(
            ctx, CODE, [c.span], confidence=CONF_CREDIT_END, basis=BASIS_CREDIT,
            reason=(f"{c.person + '：' if c.person else ''}判处{c.detail}，刑期自{_d(c.date)}起算应至{_d(expected)}止，"
                    f"文书写作至{_d(c.until)}止，{word}算{abs(diff)}日。"),
        )  # fmt: skip

    def _credit_start(self, ctx: Context, c: Event, mine: list[Event]) -> Iterable[Flag]:
        custody = [e for e in mine if e.kind in _CUSTODY_START and e.date <= c.until]
        if not custody:
            return
        first = custody[0]
        if (first.date - c.date).days > 1:
            yield self.flag(
                ctx, CODE, [c.span, first.span], confidence=CONF_CREDIT_START, basis=BASIS_CREDIT,
                reason=(f"{c.person}：刑期折抵自{_d(c.date)}起算，早于文书记载的最早{first.name_zh}日期{_d(first.date)}"
                        f"（相差{(first.date - c.date).days}日）。"),
            )  # fmt: skip
            return
        held = [e for e in custody if e.kind != tl.CAUGHT]
        if not held or held[0].date >= c.date:
            return
        breaks = [e for e in mine if e.kind in _CUSTODY_BREAK and held[0].date <= e.date <= c.date]
        if breaks:
            return  # custody was interrupted: the credited run may rightly start later
        yield self.flag(
            ctx, CODE, [c.span, held[0].span], confidence=CONF_CREDIT_START, basis=BASIS_CREDIT,
            reason=(f"{c.person}：自{_d(held[0].date)}{held[0].name_zh}起持续羁押，刑期折抵却自{_d(c.date)}起算，"
                    f"少折抵{(c.date - held[0].date).days}日。"),
        )  # fmt: skip


def _is_birth(text: str, m: DateMention) -> bool:
    return bool(re.match(r"\s*(?:出生|生)", text[m.end : m.end + 3]))
