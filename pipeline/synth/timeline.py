"""A coherent procedural history for one case: 抓获, 刑事拘留, 提请批准逮捕, 批准/执行逮捕 or 取保候审, 移送审查起诉,
退回补充侦查, 提起公诉/不起诉, 法院受理, 判决 — every statutory clock of `pipeline.law.clocks.RULES` kept within its
limit (counted with `pipeline.law.holidays.deadline`, custody assumed so no holiday extends a limit), unless an
`Overrun` asks for exactly one clock to be missed, as a real case would miss it: the dates simply lie further
apart, nothing in the text says so.

Extensions the statute allows are used only when the document will record them (`Extensions`): 流窜/多次/
结伙作案 (提请批准逮捕 30 days), 延长侦查羁押期限 (+1 month), 延长审查起诉期限 (+15 days) — these are the
"recorded extension" hard negatives: long, lawful, and not to be flagged.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..law.clocks import RULES
from ..law.holidays import Period, deadline

# The clocks an overrun may target, with the flag code a reviewer would raise (custody or handling).
OVERRUN_CLOCKS = {
    "detention_to_arrest": "overdue_custody",
    "investigation_custody": "overdue_custody",
    "prosecution_review": None,  # overdue_custody when the person is held, else overdue_handling
    "arrest_review": "overdue_handling",
    "counsel_notice": "overdue_handling",
    "supplementary_investigation": "overdue_handling",
    "too_many_returns": "overdue_handling",
    "first_instance": "overdue_handling",
}
assert all(k in RULES for k in OVERRUN_CLOCKS if k != "too_many_returns")

ARREST, BAIL, DETAIN_THEN_BAIL = "arrest", "bail", "detain_then_bail"


def due(start: date, period: Period) -> date:
    """The last lawful day, counted as in custody (no holiday extension): the strict reading, used to keep
    clocks that must be met."""
    return deadline(start, period, custody=True).due


def lenient_due(start: date, period: Period, held: bool) -> date:
    """The last lawful day as art. 105 reads it for this person (a holiday end moves when not held): used to
    place a missed deadline beyond it and a near deadline before it."""
    return deadline(start, period, custody=held).due


def _between(rng: random.Random, lo: date, hi: date) -> date:
    if hi < lo:
        hi = lo
    return lo + timedelta(days=rng.randint(0, (hi - lo).days))


@dataclass
class Extensions:
    long_detention: str | None = None  # 流窜作案 / 多次作案 / 结伙作案: 提请批准逮捕 up to 30 days
    investigation: bool = False  # 延长侦查羁押期限一个月 (art. 156)
    review: bool = False  # 延长审查起诉期限十五日 (art. 172)


@dataclass
class PersonTimeline:
    mode: str  # arrest | bail | detain_then_bail
    caught: date | None = None
    detained: date | None = None
    requested: date | None = None  # 提请批准逮捕
    approved: date | None = None  # 批准逮捕 (the procuratorate's decision)
    arrested: date | None = None  # 执行逮捕
    bail: date | None = None  # 取保候审 by the police
    bail_by_procuratorate: date | None = None  # 本院决定取保候审 (at the review stage)
    investigation_extended: date | None = None  # the day the extension was approved

    @property
    def in_custody(self) -> bool:
        return self.mode == ARREST

    @property
    def custody_start(self) -> date | None:
        """The first day held (for 刑期折抵): 抓获 when held from then on, else 拘留."""
        days = [d for d in (self.caught, self.detained) if d]
        return min(days) if days else None


@dataclass
class CaseTimeline:
    offence_end: date
    people: list[PersonTimeline]
    extensions: Extensions
    procedure: str = "ordinary"  # ordinary | summary | speedy
    transferred: date | None = None
    notified: date | None = None
    returns: list[tuple[date, date]] = field(default_factory=list)
    review_extended: date | None = None
    decided: date | None = None  # 提起公诉 / 不起诉 (the document's own date for those documents)
    court_received: date | None = None
    judged: date | None = None
    doc_date: date | None = None
    overrun: str | None = None
    overrun_code: str | None = None

    @property
    def review_start(self) -> date | None:
        return self.returns[-1][1] if self.returns else self.transferred

    @property
    def custody(self) -> bool:
        return any(p.in_custody for p in self.people)

    def review_limit(self) -> Period:
        if self.procedure == "speedy":
            return Period(days=10)
        return Period(months=1, days=15) if self.extensions.review else Period(months=1)


# ------------------------------------------------------------------------------------------ planning


def _person(
    rng: random.Random, mode: str, start: date, ext: Extensions, overrun: str | None, stage: str
) -> PersonTimeline:
    """Investigation-stage dates of one person, beginning with 抓获 on or after `start`."""
    p = PersonTimeline(mode)
    p.caught = start
    p.detained = start if rng.random() < 0.7 else start + timedelta(days=1)
    if mode == BAIL and rng.random() < 0.4:
        p.detained = None  # 取保候审 straight away (危险驾驶, minor cases)
        p.bail = start + timedelta(days=rng.randint(0, 1))
        return p
    if mode in (BAIL, DETAIN_THEN_BAIL):
        assert p.detained is not None
        p.bail = p.detained + timedelta(days=rng.randint(1, 3))  # released on bail within the 3 days
        return p
    assert p.detained is not None
    request_days = 30 if ext.long_detention else 3
    request_due = due(p.detained, Period(days=request_days))
    if overrun == "detention_to_arrest":
        # Far beyond even the 30-day extension: the request came late and nobody recorded why.
        p.requested = p.detained + timedelta(days=rng.randint(40, 55))
    elif ext.long_detention:
        p.requested = _between(rng, p.detained + timedelta(days=5), request_due - timedelta(days=1))
    else:
        p.requested = _between(rng, p.detained + timedelta(days=1), request_due)
    if overrun == "arrest_review":
        p.approved = p.requested + timedelta(days=rng.randint(9, 16))
    else:
        p.approved = _between(
            rng, p.requested + timedelta(days=1), due(p.requested, Period(days=7)) - timedelta(days=1)
        )
    if stage != "arrest":
        p.arrested = p.approved if rng.random() < 0.75 else p.approved + timedelta(days=1)
    return p


def plan(
    rng: random.Random,
    *,
    offence_end: date,
    modes: list[str],
    stage: str,
    procedure: str = "ordinary",
    overrun: str | None = None,
    ext: Extensions | None = None,
    returns: int = 0,
    deadline_near: bool = False,
) -> CaseTimeline:
    """Plan the dates of a case up to `stage` (arrest | review | indict | not_prosecute | judgment).

    `overrun` names one clock of OVERRUN_CLOCKS to miss; `deadline_near` (review stage only) dates the review
    report within three days of the 审查起诉 deadline."""
    ext = ext or Extensions()
    if procedure == "speedy":
        ext.review = False  # 速裁: ten days, no 延长审查起诉期限
    caught = offence_end + timedelta(days=rng.choice((0, 0, 1, 2, 5, 12, 30, 60)))
    people = []
    for i, mode in enumerate(modes):
        start = caught + timedelta(days=rng.randint(0, 3) if i else 0)
        people.append(_person(rng, mode, start, ext, overrun if i == 0 else None, stage))
    t = CaseTimeline(offence_end, people, ext, procedure, overrun=overrun)
    if stage == "arrest":
        t.doc_date = people[0].approved
        return t

    # 移送审查起诉: within 2 months of the latest arrest (3 with a recorded extension).
    arrests = [p.arrested for p in people if p.arrested]
    held_since = [p.caught for p in people if p.caught]
    last_start = max(arrests) if arrests else max(held_since)
    earliest_arrest = min(arrests) if arrests else None
    if earliest_arrest is not None:
        limit = Period(months=3) if ext.investigation else Period(months=2)
        hi = due(earliest_arrest, limit) - timedelta(days=1)
        lo = max(last_start + timedelta(days=15), earliest_arrest + timedelta(days=20))
        if ext.investigation:
            lo = max(lo, due(earliest_arrest, Period(months=2)) + timedelta(days=3))
        t.transferred = _between(rng, lo, hi)
        if overrun == "investigation_custody":
            over = due(earliest_arrest, Period(months=2))
            t.transferred = over + timedelta(days=rng.randint(6, 45))
        if ext.investigation:  # every person held past two months needs the extension on record
            for p in people:
                if p.arrested and t.transferred > due(p.arrested, Period(months=2)):
                    p.investigation_extended = due(p.arrested, Period(months=2)) - timedelta(days=rng.randint(2, 7))
    else:
        t.transferred = last_start + timedelta(days=rng.randint(15, 80))

    # 告知有权委托辩护人 within 3 days of receipt.
    held = t.custody
    if overrun == "counsel_notice":
        t.notified = lenient_due(t.transferred, Period(days=3), held) + timedelta(days=rng.randint(3, 12))
    else:
        t.notified = t.transferred + timedelta(days=rng.randint(0, 2))

    # 退回补充侦查: each return within the running review period, each supplement within a month.
    n_returns = 3 if overrun == "too_many_returns" else returns
    start = t.transferred
    for i in range(n_returns):
        ret = _between(rng, start + timedelta(days=8), due(start, Period(months=1)) - timedelta(days=3))
        if overrun == "supplementary_investigation" and i == n_returns - 1:
            back = lenient_due(ret, Period(months=1), held) + timedelta(days=rng.randint(5, 25))
        else:
            back = _between(rng, ret + timedelta(days=7), due(ret, Period(months=1)) - timedelta(days=1))
        t.returns.append((ret, back))
        start = back
    if overrun == "supplementary_investigation" and not t.returns:
        raise ValueError("a supplementary-investigation overrun needs at least one return")

    # The review: decided within the limit (a month, +15 days when recorded, 10 days in 速裁).
    review_start = t.review_start
    assert review_start is not None
    limit = t.review_limit()
    review_due = due(review_start, limit)
    if ext.review:
        t.review_extended = due(review_start, Period(months=1)) - timedelta(days=rng.randint(1, 6))
    if overrun == "prosecution_review":
        decided = lenient_due(review_start, limit, held) + timedelta(days=rng.randint(5, 40))
        t.overrun_code = "overdue_custody" if t.custody else "overdue_handling"
    else:
        lo = review_start + timedelta(days=3 if procedure == "speedy" else 7)
        if ext.review:
            lo = max(lo, due(review_start, Period(months=1)) + timedelta(days=1))
        decided = _between(rng, lo, review_due - timedelta(days=1))
    decided = max(decided, t.notified + timedelta(days=1))
    if t.review_extended and t.review_extended >= decided:
        t.review_extended = decided - timedelta(days=1)
    if stage == "review":
        # The review report is written while the clock runs: at least 4 days left, or (deadline_near) 0–3.
        if deadline_near:
            t.doc_date = lenient_due(review_start, limit, held) - timedelta(days=rng.randint(0, 3))
        else:
            t.doc_date = _between(
                rng, max(t.notified, review_start) + timedelta(days=3), review_due - timedelta(days=4)
            )
        if t.review_extended and t.review_extended > t.doc_date:
            t.review_extended = None
            t.extensions.review = False
        return t
    t.decided = decided
    if stage in ("indict", "not_prosecute"):
        t.doc_date = decided
        return t

    # Trial: received within a week; judged within 2 months (20 days 简易, 10 days 速裁).
    t.court_received = decided + timedelta(days=rng.randint(1, 6))
    trial_limit = {"speedy": Period(days=10), "summary": Period(days=20)}.get(procedure, Period(months=2))
    if overrun == "first_instance":
        t.judged = lenient_due(t.court_received, Period(months=3), held) + timedelta(days=rng.randint(8, 40))
    else:
        t.judged = _between(
            rng, t.court_received + timedelta(days=5), due(t.court_received, trial_limit) - timedelta(days=1)
        )
    t.doc_date = t.judged
    return t
