"""The statutory clocks of a criminal case (刑事诉讼法 2018) and how each one ran in a document's timeline.

A clock starts at an event (拘留, 逮捕, 移送审查起诉 …), has a limit (3日, 2个月 …) that recorded
extensions lengthen, and ends at another event. Counting follows art. 105 and 最高法解释 art. 202
(`holidays.deadline`): the starting day is not counted, months run to the same date (from a month's last
day to the next month's last day), and a holiday end moves to the next working day unless the person is in
custody. For every clock the result says whether it was met, missed, is still running (relative to an
as-of date) or ended at an unknown time, and why a flag must not be raised when the document shows the
clock may have been paused or restarted.

Limits are read in favour of the office under review: when the statute allows an extension that such
documents do not usually record (30 days for 流窜/多次/结伙作案, 侦查羁押 extensions, returns for 补充侦查),
a result also carries `max_limit` (every lawful extension applied) and `beyond_max`, so detectors can tell
"over unless an unrecorded extension was granted" from "over whatever was granted". Each rule also has the
date its numbers came into force (1996, 2012 and 2018 revisions); a clock that started earlier is skipped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ..doctypes import INDICTMENT, JUDGMENT, NON_PROSECUTION, REVIEW_REPORT, RULING
from ..extract import timeline as tl
from ..extract.timeline import Event, ProcedureNotes
from .holidays import Deadline, Period, deadline

if TYPE_CHECKING:
    from ..detectors.base import Context

CPL = "《中华人民共和国刑事诉讼法》"
CPL_1997 = date(1997, 1, 1)  # 1996 revision in force: the 3/7/30-day, 2-month, 1-month clocks date from it
CPL_2013 = date(2013, 1, 1)  # 2012 revision: 一审 2 months, 简易 20 days, 自侦 14 days
CPL_2018 = date(2018, 10, 26)  # 2018 revision: 速裁程序

# Statute sentences, copied from 刑事诉讼法 (2018-10-26) as published (tests check them against the corpus).
ART_105 = (
    "期间开始的时和日不算在期间以内。"
    "期间的最后一日为节假日的，以节假日后的第一日为期满日期，但犯罪嫌疑人、被告人或者罪犯在押期间，"
    "应当至期满之日为止，不得因节假日而延长。"
)
QUOTES = {
    "34": "人民检察院自收到移送审查起诉的案件材料之日起三日以内，应当告知犯罪嫌疑人有权委托辩护人。",
    "34c": "人民法院自受理案件之日起三日以内，应当告知被告人有权委托辩护人。",
    "79": "人民法院、人民检察院和公安机关对犯罪嫌疑人、被告人取保候审最长不得超过十二个月，监视居住最长不得超过六个月。",
    "86": "公安机关对被拘留的人，应当在拘留后的二十四小时以内进行讯问。",
    "91": (
        "公安机关对被拘留的人，认为需要逮捕的，应当在拘留后的三日以内，提请人民检察院审查批准。"
        "在特殊情况下，提请审查批准的时间可以延长一日至四日。"
        "对于流窜作案、多次作案、结伙作案的重大嫌疑分子，提请审查批准的时间可以延长至三十日。"
    ),
    "91.3": "人民检察院应当自接到公安机关提请批准逮捕书后的七日以内，作出批准逮捕或者不批准逮捕的决定。",
    "156": (
        "对犯罪嫌疑人逮捕后的侦查羁押期限不得超过二个月。"
        "案情复杂、期限届满不能终结的案件，可以经上一级人民检察院批准延长一个月。"
    ),
    "167": (
        "人民检察院对直接受理的案件中被拘留的人，认为需要逮捕的，应当在十四日以内作出决定。"
        "在特殊情况下，决定逮捕的时间可以延长一日至三日。"
    ),
    "172": (
        "人民检察院对于监察机关、公安机关移送起诉的案件，应当在一个月以内作出决定，重大、复杂的案件，可以延长十五日；"
        "犯罪嫌疑人认罪认罚，符合速裁程序适用条件的，应当在十日以内作出决定，对可能判处的有期徒刑超过一年的，可以延长至十五日。"
    ),
    "175": (
        "对于补充侦查的案件，应当在一个月以内补充侦查完毕。补充侦查以二次为限。"
        "补充侦查完毕移送人民检察院后，人民检察院重新计算审查起诉期限。"
    ),
    "208": "人民法院审理公诉案件，应当在受理后二个月以内宣判，至迟不得超过三个月。",
    "220": "适用简易程序审理案件，人民法院应当在受理后二十日以内审结；对可能判处的有期徒刑超过三年的，可以延长至一个半月。",
    "225": "适用速裁程序审理案件，人民法院应当在受理后十日以内审结；对可能判处的有期徒刑超过一年的，可以延长至十五日。",
    "243": "第二审人民法院受理上诉、抗诉案件，应当在二个月以内审结。",
}
ARTICLE_NAMES = {
    "34": "第三十四条第二款", "34c": "第三十四条第二款", "79": "第七十九条第一款", "86": "第八十六条",
    "91": "第九十一条第一款、第二款", "91.3": "第九十一条第三款", "156": "第一百五十六条", "167": "第一百六十七条",
    "172": "第一百七十二条第一款", "175": "第一百七十五条第三款", "208": "第二百零八条第一款",
    "220": "第二百二十条", "225": "第二百二十五条", "243": "第二百四十三条第一款",
}  # fmt: skip

OVERDUE_CUSTODY, OVERDUE_HANDLING = "overdue_custody", "overdue_handling"
# Documents expected to list every 退回补充侦查 / 延长审查起诉期限, and every 延长审限 / 延期审理.
REVIEW_RECORDING_DOCS = frozenset({INDICTMENT, NON_PROSECUTION, REVIEW_REPORT})
TRIAL_RECORDING_DOCS = frozenset({JUDGMENT, RULING})


@dataclass(frozen=True, slots=True)
class ClockRule:
    code: str
    name_zh: str
    article: str  # key into QUOTES / ARTICLE_NAMES
    flag: str | None  # the code a missed clock raises (None: computed for deadline_near only)
    in_force_from: date

    @property
    def basis(self) -> str:
        return f"{CPL}{ARTICLE_NAMES[self.article]}：{QUOTES[self.article]}第一百零五条：{ART_105}"


RULES: dict[str, ClockRule] = {
    r.code: r
    for r in (
        ClockRule(
            "detention_to_arrest", "拘留至逮捕决定（提请批准逮捕＋审查批准逮捕）", "91", OVERDUE_CUSTODY, CPL_1997
        ),
        ClockRule("arrest_request", "拘留后提请批准逮捕", "91", OVERDUE_CUSTODY, CPL_1997),
        ClockRule("arrest_review", "审查批准逮捕", "91.3", OVERDUE_HANDLING, CPL_1997),
        ClockRule("self_investigation_arrest", "自侦案件拘留后决定逮捕", "167", OVERDUE_CUSTODY, CPL_2013),
        ClockRule("first_interrogation", "拘留后讯问", "86", OVERDUE_HANDLING, CPL_1997),
        ClockRule("investigation_custody", "逮捕后侦查羁押", "156", OVERDUE_CUSTODY, CPL_1997),
        ClockRule("prosecution_review", "审查起诉", "172", OVERDUE_HANDLING, CPL_1997),
        ClockRule("supplementary_investigation", "退回补充侦查", "175", OVERDUE_HANDLING, CPL_1997),
        ClockRule("counsel_notice", "告知有权委托辩护人（审查起诉）", "34", OVERDUE_HANDLING, CPL_1997),
        ClockRule("court_counsel_notice", "告知有权委托辩护人（审判）", "34c", OVERDUE_HANDLING, CPL_2013),
        ClockRule("bail", "取保候审", "79", None, CPL_1997),
        ClockRule("residence", "监视居住", "79", None, CPL_1997),
        ClockRule("first_instance", "一审审理（公诉案件）", "208", OVERDUE_HANDLING, CPL_2013),
        ClockRule("first_instance_summary", "一审审理（简易程序）", "220", OVERDUE_HANDLING, CPL_2013),
        ClockRule("first_instance_speedy", "一审审理（速裁程序）", "225", OVERDUE_HANDLING, CPL_2018),
        ClockRule("second_instance", "二审审理", "243", OVERDUE_HANDLING, CPL_2013),
    )
}

MET, OVER, RUNNING, OVERDUE_RUNNING, ENDED_UNKNOWN = "met", "over", "running", "overdue_running", "ended_unknown"


@dataclass(frozen=True, slots=True)
class ClockResult:
    rule: ClockRule
    person: str | None  # None: the whole case
    start: Event
    limit: Period  # the limit that applies with the extensions the document records
    limit_text: str  # e.g. "10日（提请批准逮捕3日＋审查批准逮捕7日）"
    max_limit: Period  # with every extension the statute allows
    deadline: Deadline
    end: Event | None
    custody: bool | None
    status: str  # met | over | running | overdue_running | ended_unknown
    days_over: int | None = None  # > 0 when over / overdue_running
    days_left: int | None = None  # when running: due - as_of
    beyond_max: bool = False  # over even with every lawful extension
    tolerance_days: int = 0  # lateness within this is not a miss (e.g. 执行逮捕 the day after 批准)
    notes: tuple[str, ...] = ()
    suppressed: str | None = None  # why this result must not raise a flag
    max_due: date | None = None  # the deadline under `max_limit`

    @property
    def name(self) -> str:
        return self.rule.name_zh

    @property
    def due(self) -> date:
        return self.deadline.due

    @property
    def end_date(self) -> date | None:
        return self.end.date if self.end else None

    @property
    def missed(self) -> bool:
        return self.status in (OVER, OVERDUE_RUNNING) and (self.days_over or 0) > self.tolerance_days

    @property
    def days_beyond_max(self) -> int:
        """Days past the longest lawful limit (after the tolerance); <= 0 when within it."""
        actual = self.end_date if self.end is not None else self.due + timedelta(days=self.days_over or 0)
        return (actual - (self.max_due or self.due)).days - self.tolerance_days

    @property
    def tier(self) -> str | None:
        """How a miss reads: "beyond_max" (over any lawful extension), "just_beyond_max" (by 1–2 days),
        "over_recorded" (over the limit the document records, within what unrecorded extensions allow);
        None when there is no miss or it must not flag."""
        if not self.missed or self.suppressed:
            return None
        if self.beyond_max:
            return "just_beyond_max" if self.days_beyond_max <= 2 else "beyond_max"
        return "over_recorded"

    @property
    def spans(self) -> list[tuple[int, int]]:
        """Evidence: the start event and, when there is one, the end event (normalised offsets)."""
        return [self.start.span] + ([self.end.span] if self.end is not None else [])

    def describe(self) -> str:
        """One plain sentence: clock, start, limit, deadline, actual end, days over/left, custody."""
        who = f"{self.person}：" if self.person else ""
        s = (
            f"{who}{self.name}期限自{_d(self.start.date)}（{self.start.name_zh}）起算，法定期限{self.limit_text}，"
            f"应于{_d(self.due)}届满"
        )
        if self.deadline.note:
            s += f"（{self.deadline.note}）"
        s += "；"
        if self.end is not None:
            s += f"实际于{_d(self.end.date)}{self.end.name_zh}"
        if self.status in (OVER, OVERDUE_RUNNING):
            tail = "，尚未结束" if self.status == OVERDUE_RUNNING else ""
            s += f"{tail}，超期{self.days_over}日"
        elif self.status == RUNNING:
            s += f"截至{_d(self.due - timedelta(days=self.days_left or 0))}尚未结束，剩余{self.days_left}日"
        elif self.status == MET:
            s += "，未超期"
        s += "；在押" if self.custody else "；未在押" if self.custody is False else ""
        if self.notes:
            s += "；" + "；".join(self.notes)
        return s + "。"


def _d(d: date | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else "（日期不明）"


# ------------------------------------------------------------------------------------------ custody state

_INTO_CUSTODY = {tl.DETAINED, tl.ARRESTED, tl.ARREST_APPROVED, tl.ARREST_DECIDED, tl.CUSTODY, tl.CAUGHT}
_OUT_OF_CUSTODY = {tl.BAIL, tl.RESIDENCE, tl.RELEASED, tl.ARREST_REFUSED, tl.MEASURE_LIFTED}


def custody_at(events: Iterable[Event], person: str, day: date) -> bool | None:
    """Whether `person` was in custody on `day`, from the custody events before or on it (None: unknown)."""
    state: bool | None = None
    for e in sorted((e for e in events if person in e.persons and e.confident), key=lambda e: (e.date, e.start)):
        if e.date > day:
            break
        if e.kind in _INTO_CUSTODY:
            state = True
        elif e.kind in _OUT_OF_CUSTODY:
            state = False
    return state


# ------------------------------------------------------------------------------------------ engine

_ARREST_END = {tl.ARREST_APPROVED, tl.ARREST_REFUSED, tl.ARREST_DECIDED, tl.ARRESTED, tl.BAIL, tl.RESIDENCE,
               tl.RELEASED, tl.MEASURE_LIFTED}  # fmt: skip
_ARREST_DECISION = {tl.ARREST_APPROVED, tl.ARREST_REFUSED, tl.ARREST_DECIDED, tl.ARRESTED}
_MEASURE_CHANGE = {tl.DETAINED, tl.ARREST_APPROVED, tl.ARREST_DECIDED, tl.ARRESTED, tl.BAIL, tl.RESIDENCE,
                   tl.RELEASED, tl.MEASURE_LIFTED, tl.CUSTODY}  # fmt: skip
_LATER_STAGE = {tl.TRANSFERRED, tl.REVIEW_RECEIVED, tl.INDICTED, tl.NOT_PROSECUTED, tl.COURT_RECEIVED, tl.JUDGED}


@dataclass(slots=True)
class _Case:
    events: list[Event]  # confident, dated, sorted
    all_events: list[Event]
    notes: ProcedureNotes
    as_of: date | None
    persons: list[str]
    out: list[ClockResult]
    doc_type: str = "other"

    def of(self, person: str | None) -> list[Event]:
        if person is None:
            return [e for e in self.events if e.kind in tl.CASE_KINDS]
        return [e for e in self.events if person in e.persons or (e.kind in tl.CASE_KINDS and not e.persons)]

    def custody(self, person: str | None, day: date) -> bool | None:
        if person is not None:
            return custody_at(self.events, person, day)
        states = [custody_at(self.events, p, day) for p in self.persons]
        if any(states):
            return True
        return False if states and all(s is False for s in states) else None


def compute_clocks(
    events: list[Event], notes: ProcedureNotes | None = None, *, as_of: date | None = None, doc_type: str = "other"
) -> list[ClockResult]:
    """Every clock the timeline lets us compute, in start-date order.

    `doc_type` says what the document can be expected to record: only 起诉书/不起诉决定书/审查报告 list every
    退回补充侦查 and 延长审查起诉期限, only judgments and rulings record 延长审限 and 延期审理."""
    notes = notes or ProcedureNotes()
    # The same step is often told twice (当事人 paragraph, 原判认定): one event per (kind, date, persons).
    unique: dict[tuple[Any, ...], Event] = {}
    for e in sorted((e for e in events if e.confident), key=lambda e: (e.date, e.start)):
        unique.setdefault((e.kind, e.date, e.persons), e)
    dated = list(unique.values())
    persons = list(dict.fromkeys(p for e in dated if e.kind not in tl.CASE_KINDS for p in e.persons))
    case = _Case(dated, events, notes, as_of, persons, [], doc_type)
    for p in persons:
        evs = case.of(p)
        _detention_clocks(case, p, evs)
        _investigation_custody(case, p, evs)
        _measure_clocks(case, p, evs)
        _interrogation(case, p, evs)
    _review_clocks(case)
    _trial_clocks(case)
    # The same chain is often told twice (当事人 paragraph and 原判认定): keep one result per clock.
    unique: dict[tuple[Any, ...], ClockResult] = {}
    for r in sorted(case.out, key=lambda r: (r.start.date, r.start.start, r.rule.code)):
        unique.setdefault((r.rule.code, r.person, r.start.date, r.end_date, r.status), r)
    return list(unique.values())


def case_clocks(ctx: Context) -> list[ClockResult]:
    """Clocks of a document, memoised as fact "clocks"; as-of = meta "as_of" or the document's own date."""
    return ctx.fact(
        "clocks",
        lambda c: compute_clocks(
            tl.extract_timeline(c), tl.procedure_notes(c), as_of=as_of_date(c), doc_type=c.doc_type
        ),
    )


def as_of_date(ctx: Context) -> date | None:
    raw: Any = ctx.document.meta.get("as_of")
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str):
        try:
            return date.fromisoformat(raw.strip()[:10])
        except ValueError:
            from ..extract.dates import parse_date

            return parse_date(raw)
    d = tl.document_date(ctx)
    return d.value if d else None


def _next(evs: list[Event], after: Event, kinds: set[str] | frozenset[str]) -> Event | None:
    i = evs.index(after)
    return next((e for e in evs[i + 1 :] if e.kind in kinds and e.date >= after.date), None)


def _result(
    case: _Case, code: str, person: str | None, start: Event, end: Event | None, limit: Period, limit_text: str,
    *, max_limit: Period | None = None, custody: bool | None, later: Event | None = None,
    notes: Iterable[str] = (), suppressed: str | None = None, tolerance: int = 0,
) -> None:  # fmt: skip
    rule = RULES[code]
    if start.date < rule.in_force_from:
        return
    max_limit = max_limit or limit
    dl = deadline(start.date, limit, custody=bool(custody))
    max_dl = deadline(start.date, max_limit, custody=bool(custody))
    days_over = days_left = None
    if end is not None:
        status = OVER if end.date > dl.due else MET
        days_over = (end.date - dl.due).days if status == OVER else None
        beyond = (end.date - max_dl.due).days > tolerance
    elif later is not None or case.as_of is None or case.as_of < start.date:
        status, beyond = ENDED_UNKNOWN, False
    elif case.as_of > dl.due:
        status, days_over = OVERDUE_RUNNING, (case.as_of - dl.due).days
        beyond = (case.as_of - max_dl.due).days > tolerance
    else:
        status, days_left, beyond = RUNNING, (dl.due - case.as_of).days, False
    case.out.append(
        ClockResult(
            rule=rule, person=person, start=start, limit=limit, limit_text=limit_text, max_limit=max_limit,
            deadline=dl, end=end, custody=custody, status=status, days_over=days_over, days_left=days_left,
            beyond_max=beyond, tolerance_days=tolerance, notes=tuple(notes), suppressed=suppressed,
            max_due=max_dl.due,
        )
    )  # fmt: skip


def _end_before_later_stage(evs: list[Event], start: Event, end_kinds: set[str]) -> tuple[Event | None, Event | None]:
    """The first end event, unless a later procedural stage comes first: then (None, that stage event).

    A judgment's 取保候审 a year after 逮捕 does not end the 侦查羁押 clock when 起诉 and 判决 lie between."""
    hit = _next(evs, start, end_kinds | _LATER_STAGE)
    if hit is None or hit.kind in end_kinds:
        return hit, None
    return None, hit


def _first_after(evs: list[Event], start: Event, kinds: set[str]) -> Event | None:
    i = evs.index(start)
    return next((e for e in evs[i + 1 :] if e.kind in kinds and e.date > start.date), None)


# --- 拘留 -> 逮捕 -------------------------------------------------------------------------------------------


def _detention_clocks(case: _Case, p: str, evs: list[Event]) -> None:
    n = case.notes
    for s in (e for e in evs if e.kind == tl.DETAINED):
        if n.supervision_case:
            continue  # 留置 cases: art. 170 (10 + 1–4 days) — not modelled, no clock rather than a wrong one
        end, later = _end_before_later_stage(evs, s, _ARREST_END | {tl.ARREST_REQUESTED, tl.DETAINED})
        if end is not None and end.kind == tl.DETAINED:
            continue  # a second 拘留 before any decision: two matters interleave, pairing is unsafe
        unsure_end = None
        if (
            end is not None
            and end.kind not in _ARREST_DECISION | {tl.ARREST_REQUESTED}
            and (end.date - s.date).days > 37
        ):
            # 拘留 cannot lawfully outlast 37 days; a 取保/释放 much later means a measure in between is missing.
            # Not so for a 提请批准逮捕: art. 91 allows at most 30 days to it, so a late request is itself overdue.
            unsure_end, end = end, None
        if s.actor_kind == tl.PROCURATORATE:
            ext = Period(days=3) if n.detention_extended else Period()
            _result(case, "self_investigation_arrest", p, s, end, Period(days=14) + ext,
                    f"{14 + ext.days}日" + ("（含记载的延长）" if ext.days else ""), max_limit=Period(days=17),
                    custody=True, later=later or unsure_end)  # fmt: skip
            continue
        request_days = 30 if n.long_detention_allowed else 7 if n.detention_extended else 3
        why = {30: "（流窜、多次、结伙作案可延长至30日）", 7: "（含特殊情况延长）"}.get(request_days, "")
        if end is not None and end.kind == tl.ARREST_REQUESTED:
            _result(case, "arrest_request", p, s, end, Period(days=request_days), f"{request_days}日{why}",
                    max_limit=Period(days=30), custody=True)  # fmt: skip
            decision, decision_later = _end_before_later_stage(evs, end, _ARREST_END)
            tol = 1 if decision is not None and decision.kind == tl.ARRESTED else 0
            _result(case, "arrest_review", p, end, decision, Period(days=7), "7日", custody=True, later=decision_later,
                    tolerance=tol, notes=["以执行逮捕日期代替批准逮捕决定日期"] if tol else ())  # fmt: skip
            continue
        tol = 1 if end is not None and end.kind == tl.ARRESTED else 0
        notes = ["文书未记载提请批准逮捕日期，按提请与审查批准合计计算"]
        if tol:
            notes.append("以执行逮捕日期代替批准逮捕决定日期，容许相差1日")
        _result(case, "detention_to_arrest", p, s, end, Period(days=request_days + 7),
                f"{request_days + 7}日（提请批准逮捕{request_days}日{why}＋审查批准逮捕7日）",
                max_limit=Period(days=37), custody=True, later=later or unsure_end, notes=notes, tolerance=tol)  # fmt: skip


# --- 逮捕 -> 移送审查起诉 ---------------------------------------------------------------------------------------


def _investigation_custody(case: _Case, p: str, evs: list[Event]) -> None:
    n = case.notes
    first_transfer = next((e for e in evs if e.kind in (tl.TRANSFERRED, tl.REVIEW_RECEIVED)), None)
    arrests = [e for e in evs if e.kind in (tl.ARRESTED, tl.ARREST_APPROVED, tl.ARREST_DECIDED)
               and e.actor_kind != tl.COURT and (first_transfer is None or e.date < first_transfer.date)]  # fmt: skip
    if not arrests:
        return
    # The clock runs from the arrest itself: take the execution when the document gives it.
    executed = [e for e in arrests if e.kind == tl.ARRESTED]
    s = executed[0] if executed else arrests[0]
    end, later = _end_before_later_stage(
        evs, s, {tl.TRANSFERRED, tl.REVIEW_RECEIVED, tl.BAIL, tl.RESIDENCE, tl.RELEASED, tl.MEASURE_LIFTED}
    )
    # Custody ended by 取保/释放 is an investigation-stage end only if a 移送审查起诉 is recorded after it.
    if (
        end is not None
        and end.kind not in (tl.TRANSFERRED, tl.REVIEW_RECEIVED)
        and _next(evs, end, {tl.TRANSFERRED, tl.REVIEW_RECEIVED}) is None
    ):
        later, end = end, None
    extensions = [
        e for e in case.all_events if e.kind == tl.INVESTIGATION_EXTENDED and (not e.persons or p in e.persons)
    ]
    ext = Period()
    for e in extensions:
        ext = ext + (e.length or Period(months=5))
    ext = Period(months=min(ext.months, 5), days=ext.days)
    limit = Period(months=2) + ext
    text = f"{limit.text}" + ("（含记载的延长侦查羁押期限）" if extensions else "")
    suppressed = None
    if n.investigation_recount:
        suppressed = "文书记载另有重要罪行或身份不明，侦查羁押期限可能重新计算"
    elif n.clock_paused:
        suppressed = "文书记载停止计算或不计入期限"
    _result(case, "investigation_custody", p, s, end, limit, text, max_limit=Period(months=7), custody=True,
            later=later, suppressed=suppressed)  # fmt: skip


# --- 取保候审 / 监视居住 -----------------------------------------------------------------------------------------


def _measure_clocks(case: _Case, p: str, evs: list[Event]) -> None:
    for s in (e for e in evs if e.kind in (tl.BAIL, tl.RESIDENCE)):
        end, later = _end_before_later_stage(evs, s, _MEASURE_CHANGE)
        if end is not None and not (s.actor_kind and s.actor_kind == end.actor_kind):
            later, end = end, None  # another organ's decision: each organ's 12 (6) months run separately
        bail = s.kind == tl.BAIL
        limit = Period(months=12 if bail else 6)
        _result(case, "bail" if bail else "residence", p, s, end, limit, limit.text, custody=False, later=later,
                notes=["各办案机关分别计算，换押或重新决定后重新起算"])  # fmt: skip


def _interrogation(case: _Case, p: str, evs: list[Event]) -> None:
    for s in (e for e in evs if e.kind == tl.DETAINED and e.actor_kind != tl.PROCURATORATE):
        q = _next(evs, s, {tl.INTERROGATED, tl.DETAINED})
        if q is None or q.kind != tl.INTERROGATED:
            continue
        # 24 hours with only dates known: a first interrogation two calendar days later is certainly late.
        _result(case, "first_interrogation", p, s, q, Period(days=1), "24小时（仅知日期，按次日计）", custody=True,
                tolerance=0, notes=["文书只记载日期，超过次日才视为超过24小时"])  # fmt: skip


# --- 审查起诉 / 退回补充侦查 / 告知 --------------------------------------------------------------------------------


def _review_clocks(case: _Case) -> None:
    n = case.notes
    evs = case.of(None)
    receipts = [e for e in evs if e.kind in (tl.REVIEW_RECEIVED, tl.TRANSFERRED)]
    if not receipts:
        return
    first = receipts[0]
    if not any(e.kind in (tl.RETURNED, tl.RESUBMITTED) for e in evs) and any(
        (e.date - first.date).days > 7 for e in receipts
    ):
        return  # several transfers (other suspects, another procuratorate): which decision ends which is unclear
    explicit = [e for e in receipts if e.kind == tl.REVIEW_RECEIVED]
    start = explicit[0] if explicit and (explicit[0].date - first.date).days <= 7 else first
    proxy = start.kind == tl.TRANSFERRED
    if n.speedy:
        # 10 days, 15 when a term over one year is possible (unknowable here); a case that leaves 速裁 gets the
        # ordinary month and a half, which stays the maximum.
        limit, limit_text = Period(days=15), "15日（速裁程序10日，可能判处一年以上有期徒刑的延长至15日）"
    elif n.review_extended:
        limit, limit_text = Period(months=1, days=15), "1个月15日（含记载的延长）"
    else:
        limit, limit_text = Period(months=1), "1个月"
    suppressed = None
    if n.clock_paused:
        suppressed = "文书记载停止计算或不计入期限"
    elif n.jurisdiction_changed:
        suppressed = "文书记载改变或指定管辖，审查起诉期限可能重新计算"
    elif n.supervision_case:
        suppressed = "监察机关移送案件，检察院决定强制措施的期间不计入审查起诉期限"
    proxy_note = ["以移送审查起诉日期代替受理日期"] if proxy else []
    dated_returns = [e for e in evs if e.kind == tl.RETURNED and e.date > start.date]
    returns = n.returns_stated
    why = f"文书记载退回补充侦查{returns}次但无日期"
    if case.doc_type not in REVIEW_RECORDING_DOCS and not dated_returns:
        returns, why = max(returns, 2), "文书类型不逐项记载退回补充侦查，按最多二次退回"
    undated = returns > len(dated_returns)
    seg_start: Event | None = start
    segments: list[tuple[Event, Event | None]] = []
    for r in dated_returns:
        if seg_start is not None:
            segments.append((seg_start, r))
        seg_start = _next(evs, r, {tl.RESUBMITTED})
        _result(case, "supplementary_investigation", None, r, seg_start, Period(months=1), "1个月",
                custody=case.custody(None, r.date),
                later=_first_after(evs, r, {tl.INDICTED, tl.NOT_PROSECUTED}) if seg_start is None else None)  # fmt: skip
    if seg_start is not None:
        segments.append((seg_start, _next(evs, seg_start, {tl.INDICTED, tl.NOT_PROSECUTED})))
    for s, end in segments:
        custody = case.custody(None, s.date)
        max_limit = Period(months=1, days=15)
        seg_limit, seg_text, seg_notes = limit, limit_text, list(proxy_note if s is start else [])
        if undated:
            k = returns
            # Returns without dates: the span may hold k returns of one month and k + 1 review periods.
            seg_limit = Period(months=(k + 1) + k, days=15 * (k + 1))
            max_limit = seg_limit
            seg_text = f"{k + 1}个审查期（各1个月15日）与{k}个补充侦查期（各1个月）合计（{why}）"
        _result(case, "prosecution_review", None, s, end, seg_limit, seg_text, max_limit=max_limit,
                custody=custody, notes=seg_notes, suppressed=suppressed,
                later=_first_after(evs, s, {tl.COURT_RECEIVED, tl.JUDGED}) if end is None else None)  # fmt: skip
    notice = _next(evs, start, {tl.RIGHTS_NOTIFIED})
    if notice is not None and notice.actor_kind != tl.COURT:
        _result(case, "counsel_notice", None, start, notice, Period(days=3), "3日",
                custody=case.custody(None, start.date), notes=proxy_note)  # fmt: skip


# --- 审判 ---------------------------------------------------------------------------------------------------


def _trial_clocks(case: _Case) -> None:
    n = case.notes
    evs = case.of(None)
    suppressed = None
    if n.trial_reset or n.clock_paused:
        suppressed = "文书记载延期审理、中止审理、补充侦查或发回重审，审理期限可能重新计算或扣除"
    elif n.jurisdiction_changed:
        suppressed = "文书记载改变管辖，审理期限从改变后的法院收到案件之日起计算"
    elif case.doc_type not in TRIAL_RECORDING_DOCS:
        suppressed = "此类文书不记载延长审限、延期审理情况，无法判断审理期限"
    extended = Period()
    for e in (e for e in case.all_events if e.kind == tl.TRIAL_EXTENDED):
        extended = extended + (e.length or Period(months=3))
    for instance in ("first", "second"):
        starts = [e for e in evs if e.kind == tl.COURT_RECEIVED and (e.instance or "first") == instance]
        if instance == "first" and not starts:
            starts = [e for e in evs if e.kind == tl.INDICTED and not e.synthetic]
        if not starts:
            continue
        s = starts[0]
        end = next(
            (e for e in evs if e.kind == tl.JUDGED and e.date >= s.date and (e.instance or "first") == instance), None
        )
        notes = []
        end_suppressed = suppressed
        if s.kind == tl.INDICTED:
            notes.append("以提起公诉日期代替法院受理日期")
        if end is not None and end.synthetic:
            notes.append("以判决书落款日期作为宣判日期（宣判不早于落款）")
            if n.on_the_spot_verdict:
                end_suppressed = end_suppressed or "当庭宣判，宣判日期可能早于判决书落款日期"
        custody = case.custody(None, s.date)
        notice = _next(evs, s, {tl.RIGHTS_NOTIFIED}) if s.kind == tl.COURT_RECEIVED else None
        if notice is not None and notice.actor_kind == tl.COURT:
            _result(case, "court_counsel_notice", None, s, notice, Period(days=3), "3日", custody=custody)
        if instance == "second":
            limit = Period(months=2) + extended
            _result(case, "second_instance", None, s, end, limit, limit.text + ("（含记载的延长审限）" if extended.months else ""),
                    custody=custody, notes=notes, suppressed=end_suppressed)  # fmt: skip
        elif n.speedy:
            _result(case, "first_instance_speedy", None, s, end, Period(days=15), "15日（速裁，可能判处一年以上有期徒刑）",
                    custody=custody, notes=notes, suppressed=end_suppressed)  # fmt: skip
        elif n.summary:
            _result(case, "first_instance_summary", None, s, end, Period(months=1, days=15),
                    "1个半月（简易程序，可能判处三年以上有期徒刑）", custody=custody, notes=notes,
                    suppressed=end_suppressed)  # fmt: skip
        else:
            limit = Period(months=3) + extended
            text = "3个月（二个月以内宣判，至迟不得超过三个月）" + (
                f"＋记载的延长审限{extended.text}" if extended.months or extended.days else ""
            )
            _result(case, "first_instance", None, s, end, limit, text, custody=custody, notes=notes,
                    suppressed=end_suppressed)  # fmt: skip
