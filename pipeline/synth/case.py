"""One invented case, planned in full before a word is written: where, who, what, when, how it ends.

`build_case` turns a `Request` (document type, fact source, the requirements the chosen defects impose —
a minor defendant, a grave charge, a missed clock …) into a `Case` that the templates render. Everything
random comes from the case's own `random.Random`, so a document depends only on its seed.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from .. import doctypes
from .charges import ChargeSpec, spec_for
from .compose import COMPOSERS, ComposedFact, Ctx
from .facts import Fact
from .people import Person, full_name, law_firm, make_person, masked_name
from .places import (
    REGIONS,
    Offices,
    Region,
    court_number,
    offices,
    police_request_number,
    police_transfer_number,
    procuratorate_number,
)
from .style import Style
from .timeline import ARREST, BAIL, DETAIN_THEN_BAIL, CaseTimeline, Extensions, PersonTimeline, plan

CPL_2018 = date(2018, 10, 26)
LATEST_DOC = date(2026, 10, 31)  # documents are dated before the generator's reference "today"

ROLE = {
    doctypes.INDICTMENT: "被告人",
    doctypes.JUDGMENT: "被告人",
    doctypes.NON_PROSECUTION: "被不起诉人",
    doctypes.ARREST_APPROVAL: "犯罪嫌疑人",
    doctypes.REVIEW_REPORT: "犯罪嫌疑人",
}
STAGE = {
    doctypes.INDICTMENT: "indict",
    doctypes.JUDGMENT: "judgment",
    doctypes.NON_PROSECUTION: "not_prosecute",
    doctypes.ARREST_APPROVAL: "arrest",
    doctypes.REVIEW_REPORT: "review",
}


@dataclass
class Request:
    doc_type: str
    charge: str
    fact: Fact | None = None  # an external fact; None: compose one
    minor: bool = False
    grave: bool = False
    published: bool = False  # an 起诉书/不起诉决定书 in its public (masked) version
    overrun: str | None = None
    deadline_near: bool = False
    returns: int | None = None
    extensions: Extensions | None = None
    needs_lawyer: bool = False
    needs_plea: bool | None = None
    needs_custody: bool = False
    needs_bail: bool = False  # every defendant on bail (a missed 审查起诉 deadline is then overdue_handling)
    want_amounts: bool = False
    needs_party_block: bool = False  # 批准逮捕决定书 with the suspect's basic information


@dataclass
class Sentence:
    kind: str  # 有期徒刑 | 拘役
    months: int
    probation_months: int = 0
    fine: int = 0


@dataclass
class Defendant:
    person: Person
    tl_index: int
    lawyer: tuple[str, str] | None = None  # (name, firm)
    duty_lawyer: bool = False
    prior: str | None = None
    sentence: Sentence | None = None
    # what the document writes, when a defect makes it differ from the truth
    shown_id: str | None = None
    shown_birth: date | None = None
    shown_gender: str | None = None
    shown_age: int | None = None

    @property
    def name(self) -> str:
        return self.person.name


@dataclass
class Case:
    rng: random.Random
    doc_type: str
    request: Request
    style: Style
    offices: Offices
    spec: ChargeSpec
    role: str
    defendants: list[Defendant]
    timeline: CaseTimeline
    composed: ComposedFact | None
    fact_text: str | None  # external fact rendered with names
    fact_source: str
    fact_origin: str
    victims: list[str]
    plea: bool
    procedure: str
    doc_no: str
    police_no: str
    prosecutor: str
    judges: list[str]
    clerk: str
    court_no: str | None
    taken: set[str]
    extras: dict[str, list[list[tuple[str, str | None]]]] = field(default_factory=dict)
    omit: set[str] = field(default_factory=set)
    flags: dict[str, object] = field(default_factory=dict)  # rendering switches set by injectors

    @property
    def region(self) -> Region:
        return self.offices.region

    @property
    def doc_date(self) -> date:
        assert self.timeline.doc_date is not None
        return self.timeline.doc_date

    @property
    def cpl2018(self) -> bool:
        return self.doc_date >= CPL_2018

    def tl(self, i: int) -> PersonTimeline:
        return self.timeline.people[self.defendants[i].tl_index]

    def names(self) -> str:
        return "、".join(d.name for d in self.defendants)

    def add_extra(self, slot: str, segments: list[tuple[str, str | None]]) -> None:
        self.extras.setdefault(slot, []).append(segments)


# ------------------------------------------------------------------------------------------ building


def _offence_end(rng: random.Random, spec: ChargeSpec, fact: Fact | None, plea: bool | None) -> date:
    if fact is not None and fact.latest_date is not None:
        return fact.latest_date + timedelta(days=rng.randint(0, 20))
    lo = max(date(2014, 3, 1), spec.since + timedelta(days=400))
    if plea:
        lo = max(lo, date(2019, 1, 10))
    hi = date(2025, 9, 30)
    return lo + timedelta(days=rng.randint(0, (hi - lo).days))


def _prior(rng: random.Random, offence: date, police: str) -> str | None:
    if rng.random() > 0.15:
        return None
    y = offence.year - rng.randint(2, 6)
    m = rng.randint(1, 12)
    return rng.choice(
        (
            f"{y}年{m}月因盗窃被{police}行政拘留十日。",
            f"{y}年{m}月因吸食毒品被{police}行政拘留十五日。",
            f"曾于{y}年{m}月因犯盗窃罪被判处有期徒刑八个月，{y + 1}年{rng.randint(1, 12)}月刑满释放。",
            f"{y}年{m}月因殴打他人被处以行政拘留五日。",
        )
    )


def build_case(rng: random.Random, req: Request) -> Case:
    spec = spec_for(req.charge)
    if spec is None:
        raise ValueError(f"unknown charge {req.charge!r}")
    doc_type = req.doc_type
    role = ROLE[doc_type]
    region = rng.choice(REGIONS)
    off = offices(region, rng)
    style = Style.pick(rng, court=doc_type == doctypes.JUDGMENT)
    plea_wanted = req.needs_plea
    offence_end = _offence_end(rng, spec, req.fact, plea_wanted)
    taken: set[str] = set()

    # Who: defendants named before the facts are written.
    if req.fact is not None:
        n_def = req.fact.n_defendants
    elif doc_type in (doctypes.NON_PROSECUTION, doctypes.ARREST_APPROVAL) or spec.name in (
        "危险驾驶罪",
        "交通肇事罪",
        "职务侵占罪",
    ):
        n_def = 1
    else:
        n_def = rng.choices((1, 2, 3), weights=(80, 15, 5))[0]
    people = [
        make_person(rng, taken, case_region=region, offence_day=offence_end, minor=req.minor and i == 0)
        for i in range(n_def)
    ]
    # The public version of a procuratorial document names the accused 张某 / 张某某; a published judgment
    # does so for a minor.
    if req.published or (req.minor and doc_type == doctypes.JUDGMENT):
        for p in people:
            surname = p.name[:2] if p.name[:2] in ("欧阳", "司马", "上官") else p.name[0]
            p.name = next(
                m for m in (surname + "某", surname + "某某", surname + "某甲", surname + "某乙") if m not in taken
            )
            taken.add(p.name)

    # What: the facts.
    composed: ComposedFact | None = None
    fact_text: str | None = None
    if req.fact is not None:
        fact_text = req.fact.render(role, [p.name for p in people])
        source, origin = req.fact.source_id, req.fact.origin
        # the source's own victims (被害人方某某), so that opinions and notices name the right people
        victims = list(
            dict.fromkeys(re.findall(r"被害人([\u4e00-\u9fff]{1,2}某{1,2})(?![\u4e00-\u9fff\d])", fact_text))
        )[:2]
        taken.update(victims)
    else:
        composer = COMPOSERS[spec.name]
        ctx = Ctx(rng, style, region, role, [p.name for p in people], taken, offence_end, req.want_amounts, req.grave)
        composed = composer(ctx)
        source, origin = f"template:{spec.name}:{rng.getrandbits(40):010x}", "template"
        victims = composed.victims

    # How it goes: custody, plea, procedure, clocks.
    stage = STAGE[doc_type]
    modes = []
    for i in range(n_def):
        if doc_type == doctypes.ARREST_APPROVAL or (
            i == 0 and (req.needs_custody or req.overrun in ("detention_to_arrest", "investigation_custody"))
        ):
            modes.append(ARREST)
        elif doc_type == doctypes.NON_PROSECUTION:
            modes.append(rng.choice((BAIL, DETAIN_THEN_BAIL, DETAIN_THEN_BAIL)))
        elif spec.detention_only:
            modes.append(BAIL)
        else:
            modes.append(ARREST if rng.random() < spec.arrest_rate else rng.choice((BAIL, DETAIN_THEN_BAIL)))
    if req.needs_bail and doc_type != doctypes.ARREST_APPROVAL:
        modes = [rng.choice((BAIL, DETAIN_THEN_BAIL)) for _ in modes]
    plea = False
    if offence_end >= date(2018, 11, 15) and doc_type in (
        doctypes.INDICTMENT,
        doctypes.JUDGMENT,
        doctypes.REVIEW_REPORT,
    ):
        plea = plea_wanted if plea_wanted is not None else rng.random() < 0.6
    procedure = "ordinary"
    if plea and doc_type in (doctypes.INDICTMENT, doctypes.JUDGMENT) and spec.months[1] <= 60:
        procedure = rng.choice(("speedy", "summary", "summary", "ordinary"))
    elif doc_type in (doctypes.INDICTMENT, doctypes.JUDGMENT) and spec.months[1] <= 60 and rng.random() < 0.25:
        procedure = "summary"
    if req.overrun in ("prosecution_review", "supplementary_investigation", "too_many_returns") or req.returns:
        procedure = "ordinary" if procedure == "speedy" else procedure
    returns = req.returns if req.returns is not None else rng.choices((0, 1, 2), weights=(78, 18, 4))[0]
    if procedure == "speedy":
        returns = 0
    if req.overrun == "supplementary_investigation":
        returns = max(returns, 1)
    ext = req.extensions or Extensions()
    if procedure == "speedy":
        ext.review = False
    tl = plan(
        rng, offence_end=offence_end, modes=modes, stage=stage, procedure=procedure, overrun=req.overrun,
        ext=ext, returns=returns, deadline_near=req.deadline_near,
    )  # fmt: skip
    if tl.doc_date is not None and tl.doc_date > LATEST_DOC:
        raise ValueError("case would be dated after the reference date")  # the caller draws again

    defendants = [Defendant(p, i) for i, p in enumerate(people)]
    for d in defendants:
        d.prior = _prior(rng, offence_end, off.police)
        if req.needs_lawyer or rng.random() < 0.4:
            d.lawyer = (full_name(rng, rng.choice("男男女"), taken), law_firm(rng, region))
        elif plea:
            d.duty_lawyer = True
    if doc_type == doctypes.JUDGMENT:
        for d in defendants:
            d.sentence = _sentence(rng, spec, tl.people[d.tl_index].in_custody, plea)
    year = tl.doc_date.year if tl.doc_date else offence_end.year
    kind = {doctypes.INDICTMENT: "刑诉", doctypes.NON_PROSECUTION: "刑不诉", doctypes.ARREST_APPROVAL: "批捕",
            doctypes.REVIEW_REPORT: "刑审", doctypes.JUDGMENT: "刑诉"}[doc_type]  # fmt: skip
    indict_year = (tl.decided or tl.doc_date or offence_end).year
    doc_no = procuratorate_number(
        region, kind, indict_year if doc_type == doctypes.JUDGMENT else year, rng.randint(3, 2400), rng
    )
    police_no = (
        police_request_number(region, year, rng.randint(10, 900), rng)
        if doc_type == doctypes.ARREST_APPROVAL
        else police_transfer_number(region, (tl.transferred or offence_end).year, rng.randint(10, 900), rng)
    )
    court_no = (
        court_number(region, (tl.court_received or offence_end).year, rng.randint(10, 2500), rng)
        if tl.court_received
        else None
    )
    return Case(
        rng=rng, doc_type=doc_type, request=req, style=style, offices=off, spec=spec, role=role,
        defendants=defendants, timeline=tl, composed=composed, fact_text=fact_text, fact_source=source,
        fact_origin=origin, victims=victims, plea=plea, procedure=procedure, doc_no=doc_no, police_no=police_no,
        prosecutor=full_name(rng, rng.choice("男女"), taken),
        judges=[full_name(rng, rng.choice("男女"), taken) for _ in range(3)],
        clerk=full_name(rng, rng.choice("男女"), taken), court_no=court_no, taken=taken,
    )  # fmt: skip


def _sentence(rng: random.Random, spec: ChargeSpec, custody: bool, plea: bool) -> Sentence:
    lo, hi = spec.months
    if spec.detention_only:
        s = Sentence("拘役", rng.randint(1, 5), fine=rng.choice((2000, 3000, 5000, 8000)))
        if not custody and rng.random() < 0.6:
            s.probation_months = s.months * 2
        return s
    months = rng.randint(lo, hi)
    if plea:
        months = max(lo, months - rng.randint(0, months // 4))
    months = months if months < 12 else (months // 6) * 6
    s = Sentence("有期徒刑", months)
    if spec.name not in ("故意杀人罪", "故意伤害罪", "交通肇事罪", "非法拘禁罪"):
        s.fine = rng.choice((2000, 3000, 5000, 10000, 20000, 30000))
    if not custody and months <= 36:
        s.probation_months = max(12, months * rng.choice((1, 2)))
    return s


def victim_name(case: Case) -> str:
    """A victim to name in opinions and notices: the facts' own, or a new anonymised one."""
    if case.victims:
        return case.victims[0]
    v = masked_name(case.rng, case.taken)
    case.victims.append(v)
    return v
