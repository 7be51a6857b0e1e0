"""Defect injection: one injector per taxonomy code, each with several realistic variants, and the hard
negatives that must NOT be flagged.

An injector works in up to three steps:
  require(request)   ask the case for what the defect needs (a minor, a grave charge, custody, a missed clock);
  prepare(case)      change the plan before rendering (a wrong ID, an omitted element, a statement to insert);
  apply(draft, case) edit the rendered text (a typo, a wrong amount, a shifted date).
It records the anchor keys whose spans show the defect; the generator resolves them in the final text.

Gold-label policy (also in data/synth/README.md):
* missing_element: the span is where the element should have been (the party's name for a person element,
  the nearest neighbouring element otherwise), since an absent text has no span of its own;
* illegal_evidence / rights_infringed / property_violation / recording_missing / minor_protection: the
  statement that records the allegation or finding — a claim counts even when the document answers it
  (it is still an allegation a reviewer must see; the variant says "claim_rejected"); wording that
  denies it, and statute quotes, never count (they are hard negatives);
* overdue_* and deadline_near: the start and end (or as-of) dates of the clock; custody clocks and a
  审查起诉 overrun while the person is held are overdue_custody, other missed deadlines overdue_handling.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import ClassVar

from .. import doctypes
from ..law import statutes as st
from .case import Case, Request, victim_name
from .charges import SPECS, spec_for, wrong_article
from .draft import Draft
from .facts import Fact
from .style import Style
from .timeline import Extensions

IND, JUD, NP, ARR, REV = (doctypes.INDICTMENT, doctypes.JUDGMENT, doctypes.NON_PROSECUTION,
                          doctypes.ARREST_APPROVAL, doctypes.REVIEW_REPORT)  # fmt: skip
ALL = frozenset({IND, JUD, NP, ARR, REV})
TIMELINE_CODES = frozenset({"overdue_custody", "overdue_handling", "deadline_near"})
GRAVE_CHARGES = ("故意杀人罪", "抢劫罪", "走私、贩卖、运输、制造毒品罪")
MINOR_CHARGES = ("盗窃罪", "抢劫罪", "寻衅滋事罪", "故意伤害罪", "诈骗罪")
AMOUNT_CHARGES = ("盗窃罪", "诈骗罪", "掩饰、隐瞒犯罪所得、犯罪所得收益罪", "职务侵占罪", "故意伤害罪")


class Injection:
    code: ClassVar[str]
    doc_types: ClassVar[frozenset[str]] = ALL

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.keys: list[str] = []
        self.spans: list[tuple[int, int]] = []
        self.variant = ""
        self._n = 0

    @classmethod
    def possible(cls, doc_type: str, charge: str, fact: Fact | None) -> bool:
        return doc_type in cls.doc_types

    def require(self, req: Request) -> None:
        """Ask the case for what this defect needs."""

    def prepare(self, case: Case) -> None:
        """Change the plan before rendering."""

    def apply(self, draft: Draft, case: Case) -> None:
        """Edit the rendered text."""

    # helpers ---------------------------------------------------------------------------------------
    def key(self, name: str) -> str:
        return f"x.{self.code}.{name}"

    def statement(self, case: Case, slot: str, text: str, *, lead: str = "", tail: str = "") -> None:
        """Insert `text` (the evidence) into `slot`, with optional unanchored words around it."""
        k = self.key(f"s{self._n}")
        self._n += 1
        segs: list[tuple[str, str | None]] = []
        if lead:
            segs.append((lead, None))
        segs.append((text, k))
        if tail:
            segs.append((tail, None))
        case.add_extra(slot, segs)
        self.keys.append(k)

    edits_text: ClassVar[bool] = False  # applied after the others, away from the text they point at

    @staticmethod
    def claimed(case: Case) -> set[str]:
        """Anchor keys other defects already point at (an edit there would corrupt their evidence)."""
        return case.flags.setdefault("claimed", set())  # type: ignore[return-value]

    def need(self, draft: Draft, *keys: str) -> None:
        for k in keys:
            if not draft.has(k):
                raise LookupError(f"{self.code}/{self.variant}: the document has no {k}")
            self.keys.append(k)

    def edit(self, draft: Draft, span: tuple[int, int], new: str) -> None:
        """Replace the text at `span` and anchor the new text as evidence."""
        s, _e = span
        draft.replace(span[0], span[1], new)
        k = self.key(f"e{self._n}")
        self._n += 1
        draft.mark(k, (s, s + len(new)))
        self.keys.append(k)


# ------------------------------------------------------------------------------------------ missing_element


class MissingElement(Injection):
    code = "missing_element"
    doc_types = frozenset({IND, NP, ARR, JUD})
    # (omit key, anchor showing where it is missing, doc types, condition)
    VARIANTS: ClassVar[tuple[tuple[str, str, frozenset[str]], ...]] = (
        ("p0.id_number", "p0.marker", frozenset({IND, NP})),
        ("p0.birth_date", "p0.marker", frozenset({IND, NP, JUD})),
        ("p0.address", "p0.marker", frozenset({IND, NP, JUD})),
        ("p0.measures", "p0.marker", frozenset({IND, JUD})),
        ("doc_number", "head.title", frozenset({IND, NP, ARR})),
        ("sentencing", "prosecute", frozenset({IND})),
        ("addressee", "signature", frozenset({IND})),
        ("signature", "sign.date", frozenset({IND})),
        ("notice_accused", "decision", frozenset({NP})),
        ("notice_victim", "decision", frozenset({NP})),
        ("execute", "decision", frozenset({ARR})),
        ("appeal_notice", "judges", frozenset({JUD})),
        ("term_credit", "decision.head", frozenset({JUD})),
        ("case_number", "head.title", frozenset({JUD})),
        ("clerk", "sign.date", frozenset({JUD})),
    )

    def require(self, req: Request) -> None:
        options = [v for v in self.VARIANTS if req.doc_type in v[2]]
        self.omit, self.anchor, _ = self.rng.choice(options)
        self.variant = self.omit
        if self.omit == "sentencing":
            req.needs_plea = True
        if self.omit == "term_credit":
            req.needs_custody = True
        if req.doc_type == NP and self.omit == "notice_accused":
            pass  # only 酌定不起诉 carries it: prepare() makes the case one

    def prepare(self, case: Case) -> None:
        if self.omit == "sentencing" and not case.plea:
            raise LookupError("no plea: a 量刑建议 is not required")
        if case.doc_type == NP:
            if self.omit == "notice_accused":
                case.flags["np_kind"] = "relative"
            if self.omit == "notice_victim" and not case.victims:
                victim_name(case)
        if self.omit == "term_credit" and not case.tl(0).in_custody:
            raise LookupError("no custody: no 刑期折抵 to omit")
        case.omit.add(self.omit)

    def apply(self, draft: Draft, case: Case) -> None:
        if self.omit == "term_credit" and not any(
            (df.sentence and not df.sentence.probation_months) for df in case.defendants
        ):
            raise LookupError("suspended sentence: no 刑期折抵 required")
        if case.doc_type == NP and self.omit == "notice_victim" and not draft.has("decision"):
            raise LookupError("no decision sentence")
        self.need(draft, self.anchor)


# ------------------------------------------------------------------------------------------ typo

_TYPO_PAIRS = (
    ("侦查", "侦察"),
    ("羁押", "羁压"),
    ("辩解", "辨解"),
    ("签署", "签属"),
    ("赔偿", "陪偿"),
    ("谅解", "凉解"),
    ("供述", "供诉"),
    ("量刑", "量型"),
    ("审查", "审察"),
    ("账户", "帐户"),
    ("其他", "其它"),
    ("作出", "做出"),
    ("讯问", "询问"),
    ("诉讼", "诉讼"),
    ("退赔", "退陪"),
    ("证据", "证剧"),
    ("贩卖", "贩买"),
    ("抢劫", "抢刼"),
    ("既遂", "即遂"),
    ("截至", "截止"),
)
# Where a required element is recognised by the very word a typo would change (依法讯问了被告人, 证据如下 …):
# a misspelling there would also remove the element, a second defect the label would not carry.
_ELEMENT_CONTEXT = re.compile(
    r"讯问了|讯问被告人|讯问犯罪嫌疑人|依法讯问|证据如下|证据有|等证据|证据证实|审查了|审查起诉|审查查明|审查认定|"
    r"侦查终结|羁押于|羁押在|量刑建议|刑事诉讼法|诉讼权利|补充侦查|侦查机关|侦查羁押|批准逮捕|审查起诉"
)
_STAGE = {
    IND: ("被告人", "犯罪嫌疑人"),
    JUD: ("被告人", "犯罪嫌疑人"),
    NP: ("被不起诉人", "被告人"),
    REV: ("犯罪嫌疑人", "被告人"),
    ARR: ("犯罪嫌疑人", "被告人"),
}


class Typo(Injection):
    code = "typo"
    edits_text = True

    def apply(self, draft: Draft, case: Case) -> None:
        text = draft.text
        protected = [
            s for k in draft.anchors if k.endswith((".para",)) or k.startswith(("head.", "p")) for s in draft.spans(k)
        ]
        if case.fact_origin != "template":
            protected += draft.spans("facts")  # external text: leave it as written
        protected += [s for k in self.claimed(case) for s in draft.spans(k)]
        lawyer_lines = [m.span() for m in re.finditer(r"辩护人[^\n]*律师[^\n]*\n", text)]
        protected += lawyer_lines

        def free(s: int, e: int) -> bool:
            return not any(a < e and s < b for a, b in protected)

        if self.rng.random() < 0.3:
            right, wrong = _STAGE[case.doc_type]
            spots = [m.span() for m in re.finditer(right, text) if free(*m.span())]
            # only in running text (not 辩护人 lines, not the title of a section)
            spots = [sp for sp in spots if text[sp[1] : sp[1] + 1] != "的" or True]
            if spots:
                self.variant = f"stage:{right}->{wrong}"
                self.edit(draft, self.rng.choice(spots), wrong)
                return
        pairs = list(_TYPO_PAIRS)
        self.rng.shuffle(pairs)
        for right, wrong in pairs:
            if right == wrong:
                continue
            spots = [m.span() for m in re.finditer(right, text) if free(*m.span())]
            spots = [sp for sp in spots if not _ELEMENT_CONTEXT.search(text[max(0, sp[0] - 3) : sp[1] + 4])]
            if right == "截至":
                spots = [sp for sp in spots if re.match(r"\s*(?:\d|[〇一二]|目前|案发)", text[sp[1] : sp[1] + 3])]
            if spots:
                self.variant = f"{right}->{wrong}"
                self.edit(draft, self.rng.choice(spots), wrong)
                return
        raise LookupError("no word to misspell")


# ------------------------------------------------------------------------------------------ amount_mismatch


def _perturb_number(s: str, rng: random.Random) -> str:
    """A believable slip in the digits of `s`: two adjacent different digits swapped, else one changed."""
    whole = s.split(".")[0]  # the yuan, not the 角/分 of "3860.00元"
    digits = [i for i, c in enumerate(whole) if c.isdigit()]
    swaps = [(a, b) for a, b in itertools.pairwise(digits) if b == a + 1 and s[a] != s[b]]
    if swaps:
        a, b = rng.choice(swaps)
        return s[:a] + s[b] + s[a] + s[b + 1 :]
    i = rng.choice(digits[1:] or digits)
    new = rng.choice([c for c in "123456789" if c != s[i]])
    return s[:i] + new + s[i + 1 :]


class AmountMismatch(Injection):
    code = "amount_mismatch"
    edits_text = True

    @classmethod
    def possible(cls, doc_type: str, charge: str, fact: Fact | None) -> bool:
        return fact is None and charge in AMOUNT_CHARGES

    def require(self, req: Request) -> None:
        req.want_amounts = True

    def apply(self, draft: Draft, case: Case) -> None:
        options = []
        if draft.has("fact.total"):
            options.append("total")
        if draft.has("fact.pair.lower"):
            options.append("pair")
        if not options:
            raise LookupError("no total or 大写/小写 pair in the facts")
        self.variant = self.rng.choice(options)
        if self.variant == "total":
            span = draft.spans("fact.total")[-1]
            old = draft.text[span[0] : span[1]]
            self.edit(draft, span, _perturb_fw(old, self.rng))
            self.keys += [k for k in draft.anchors if k.startswith("fact.item.")]
        else:
            span = draft.spans("fact.pair.lower")[-1]
            old = draft.text[span[0] : span[1]]
            self.edit(draft, span, _perturb_fw(old, self.rng))
            self.keys.append("fact.pair.upper")


def _perturb_fw(s: str, rng: random.Random) -> str:
    fw = "０１２３４５６７８９"
    if any(c in fw for c in s):
        plain = s.translate(str.maketrans(fw, "0123456789"))
        return _perturb_number(plain, rng).translate(str.maketrans("0123456789", fw))
    return _perturb_number(s, rng)


# ------------------------------------------------------------------------------------------ identity_mismatch


class IdentityMismatch(Injection):
    code = "identity_mismatch"
    doc_types = frozenset({IND, NP, REV, ARR, JUD})

    def require(self, req: Request) -> None:
        if req.doc_type == ARR:
            req.needs_party_block = True
        options = ["checksum", "birth", "gender", "age"] if req.doc_type != JUD else ["age"]
        self.variant = self.rng.choice(options)

    def prepare(self, case: Case) -> None:
        i = self.rng.randrange(len(case.defendants))
        df = case.defendants[i]
        p = df.person
        k = f"p{i}"
        if self.variant == "checksum":
            wrong = self.rng.choice([c for c in "0123456789X" if c != p.id_number[-1]])
            df.shown_id = p.id_number[:-1] + wrong
            self.keys.append(f"{k}.id")
        elif self.variant == "birth":
            shift = self.rng.choice((1, 2, 10, 31, 365, -1, -30, -365))
            df.shown_birth = p.birth + timedelta(days=shift)
            self.keys += [f"{k}.birth", f"{k}.id"]
        elif self.variant == "gender":
            df.shown_gender = "女" if p.gender == "男" else "男"
            self.keys += [f"{k}.gender", f"{k}.id"]
        else:
            actual = p.age_on(case.doc_date)
            df.shown_age = actual + self.rng.choice((-5, -3, -2, 2, 3, 4, 10))
            self.keys += [f"{k}.age", f"{k}.birth"]
        case.omit.discard(f"{k}.id_number")
        case.omit.discard(f"{k}.birth_date")


# ------------------------------------------------------------------------------------------ date_error


_FW = str.maketrans("０１２３４５６７８９", "0123456789")


def _shifted_text(style: Style, d: date) -> str:
    return style.digits(f"{d.year}年{d.month}月{d.day}日")


class DateError(Injection):
    code = "date_error"
    edits_text = True

    def require(self, req: Request) -> None:
        options = ["order", "impossible", "future"]
        if req.doc_type == JUD:
            options.append("credit")
            options.append("credit")
        if req.doc_type == ARR:
            options = ["impossible", "order"]
            req.needs_party_block = True
        self.variant = self.rng.choice(options)
        if self.variant in ("order", "credit"):
            req.needs_custody = True
        if self.variant == "future":
            req.needs_bail = True

    def prepare(self, case: Case) -> None:
        case.flags["absolute_dates"] = True
        if self.variant == "credit":
            shift = self.rng.choice((1, 2, 3, 10, 30, -1, -2, -10, -31))
            case.flags["credit_shift.0"] = shift

    def apply(self, draft: Draft, case: Case) -> None:
        style = case.style
        if self.variant == "credit":
            self.need(draft, "credit.0.end")
            return
        timeline_defect = case.request.overrun is not None or case.request.deadline_near
        if self.variant == "order" and case.timeline.extensions.investigation:
            raise LookupError("an extension approval near the moved date reads as a second arrest approval")
        if timeline_defect and self.variant in ("order", "future"):
            raise LookupError("moving a procedural date would also move the clock another defect shows")
        if self.variant == "order":
            t = case.tl(0)
            later_key = "p0.arrested" if draft.has("p0.arrested") else "p0.requested"
            later = t.arrested if later_key == "p0.arrested" else t.requested
            if {"p0.detained", later_key} & self.claimed(case):
                raise LookupError("those dates already show another defect")
            if not draft.has("p0.detained") or not draft.has(later_key) or later is None:
                raise LookupError("no 拘留 / 逮捕 pair to invert")
            new = later + timedelta(days=self.rng.randint(2, 25))
            if new > case.doc_date:
                new = later + timedelta(days=1)
            if new > case.doc_date:
                raise LookupError("no room before the document date")
            self.edit(draft, draft.spans("p0.detained")[0], _shifted_text(style, new))
            self.keys.append(later_key)
            return
        if self.variant == "future":
            # a 取保候审 date typed a year late: after the document's own date (no custody clock depends on it)
            t = case.tl(0)
            if t.bail is None or not draft.has("p0.bail") or "p0.bail" in self.claimed(case):
                raise LookupError("no bail date to move after the document date")
            new = date(case.doc_date.year + 1, t.bail.month, min(t.bail.day, 28))
            self.edit(draft, draft.spans("p0.bail")[0], _shifted_text(style, new))
            self.keys.append("sign.date")
            return
        # impossible: a day the calendar does not have (2019年2月29日, 4月31日 …); with a clock defect in the
        # same document only dates no clock depends on (the facts' own dates, the 告知 date).
        procedural = () if timeline_defect else ("p0.detained", "indicted", "p0.requested", "p0.bail")
        candidates = [
            k
            for k in ("notified", *procedural, *draft.keys("fact.date."))
            if draft.has(k) and k not in self.claimed(case)
        ]
        if not candidates:
            raise LookupError("no date to corrupt")
        k = self.rng.choice(candidates)
        m = re.search(r"(\d{4})年", draft.text[slice(*draft.spans(k)[0])].translate(_FW))
        year = int(m.group(1)) if m else case.doc_date.year
        month, day = self.rng.choice(
            [(2, 30), (2, 31), (4, 31), (6, 31), (9, 31), (11, 31)] + ([(2, 29)] if year % 4 else [])
        )
        self.edit(draft, draft.spans(k)[0], style.digits(f"{year}年{month}月{day}日"))


# ------------------------------------------------------------------------------------------ citation_error


class CitationError(Injection):
    code = "citation_error"

    def require(self, req: Request) -> None:
        options = ["near_name_cl", "near_name_cpl", "paragraph"]
        if req.doc_type in (IND, REV):  # (the 不起诉/批捕 legal-basis elements do not accept 刑诉法: a second defect)
            options.append("abbreviation")
        if req.doc_type in (IND, NP, ARR):
            options += ["old_numbering", "old_numbering"]
        self.variant = self.rng.choice(options)

    def prepare(self, case: Case) -> None:
        v = self.variant
        if v == "near_name_cl":
            case.flags["cl_name"] = self.rng.choice(
                ("《中华人民共和刑法》", "《中国人民共和国刑法》", "《中华人民共国刑法》", "《中华人名共和国刑法》")
            )
            self.keys.append("cite.cl.law")
        elif v == "near_name_cpl":
            case.flags["cpl_name"] = self.rng.choice(
                ("《中华人民共和刑事诉讼法》", "《中华人民共和国刑事诉讼》法", "《中国人民共和国刑事诉讼法》")
            )
            if case.flags["cpl_name"] == "《中华人民共和国刑事诉讼》法":
                case.flags["cpl_name"] = "《中华人民共国刑事诉讼法》"
            self.keys.append("cite.cpl.law")
        elif v == "abbreviation":
            case.flags["cpl_name"] = self.rng.choice(("《刑诉法》", "刑诉法"))
            self.keys.append("cite.cpl.law")
        elif v == "paragraph":
            spec = case.spec
            paras = st.article_paragraphs("刑法", spec.article[0], spec.article[1]) or []
            case.flags["cl_article"] = st.article_label(*spec.article) + f"第{st.int_to_cn(len(paras) + 1)}款"
            self.keys.append("cite.cl.art")
        else:  # old_numbering: the 2012 number after the 2018 revision, or the reverse
            topic = {IND: "indict", NP: "np_relative", ARR: "arrest"}[case.doc_type]
            if case.doc_type == NP:
                topic = {"relative": "np_relative", "legal": "np_legal", "doubt": "np_doubt"}[
                    str(case.flags.get("np_kind") or ("doubt" if len(case.timeline.returns) >= 2 else "relative"))
                ]
            from .templates.common import CPL_ARTICLES

            old, new = CPL_ARTICLES[topic]
            case.flags[f"cpl_article.{topic}"] = old if case.cpl2018 else new
            self.variant = "2012_number_after_2018" if case.cpl2018 else "2018_number_before_2018"
            self.keys.append("cite.cpl.art")

    def apply(self, draft: Draft, case: Case) -> None:
        for k in self.keys:
            if not draft.has(k):
                raise LookupError(f"no {k}")


# ------------------------------------------------------------------------------------------ charge_article_mismatch


class ChargeArticleMismatch(Injection):
    code = "charge_article_mismatch"

    @classmethod
    def possible(cls, doc_type: str, charge: str, fact: Fact | None) -> bool:
        return doc_type != ARR and spec_for(charge) is not None

    def prepare(self, case: Case) -> None:
        art = wrong_article(case.spec, self.rng)
        case.flags["cl_article"] = st.article_label(*art)
        self.variant = f"{case.spec.article_text()}->{st.article_label(*art)}"
        self.keys.append("cite.cl.art")

    def apply(self, draft: Draft, case: Case) -> None:
        if draft.has("charge.claim"):
            self.keys.append("charge.claim")
        self.need(draft, "cite.cl.art")


# ------------------------------------------------------------------------------------------ clocks


class DeadlineNear(Injection):
    code = "deadline_near"
    doc_types = frozenset({REV})

    def require(self, req: Request) -> None:
        req.deadline_near = True
        self.variant = "review_running"

    def apply(self, draft: Draft, case: Case) -> None:
        start = "resubmitted." + str(len(case.timeline.returns) - 1) if case.timeline.returns else "transferred"
        self.need(draft, start, "sign.date")


class OverdueCustody(Injection):
    code = "overdue_custody"
    doc_types = frozenset({IND, REV, JUD, ARR})

    def require(self, req: Request) -> None:
        options = {IND: ["detention_to_arrest", "investigation_custody", "prosecution_review"],
                   REV: ["detention_to_arrest", "investigation_custody"],
                   JUD: ["detention_to_arrest"], ARR: ["detention_to_arrest"]}[req.doc_type]  # fmt: skip
        self.variant = self.rng.choice(options)
        req.overrun = self.variant
        req.needs_custody = True
        if req.doc_type == ARR:
            req.needs_party_block = True

    def prepare(self, case: Case) -> None:
        if self.variant == "prosecution_review" and not case.timeline.custody:
            raise LookupError("not in custody")

    def apply(self, draft: Draft, case: Case) -> None:
        if self.variant == "detention_to_arrest":
            end = (
                "p0.requested"
                if draft.has("p0.requested")
                else "p0.arrested"
                if draft.has("p0.arrested")
                else "sign.date"
            )
            self.need(draft, "p0.detained", end)
        elif self.variant == "investigation_custody":
            self.need(draft, "p0.arrested", "transferred")
        else:
            start = f"resubmitted.{len(case.timeline.returns) - 1}" if case.timeline.returns else "transferred"
            self.need(draft, start, "sign.date")


class OverdueHandling(Injection):
    code = "overdue_handling"
    doc_types = frozenset({IND, REV, JUD, ARR, NP})

    def require(self, req: Request) -> None:
        options = {IND: ["prosecution_review", "counsel_notice", "supplementary_investigation", "too_many_returns"],
                   NP: ["prosecution_review", "supplementary_investigation"],
                   REV: ["counsel_notice", "supplementary_investigation"],
                   JUD: ["first_instance"], ARR: ["arrest_review"]}[req.doc_type]  # fmt: skip
        self.variant = self.rng.choice(options)
        req.overrun = self.variant
        if self.variant == "prosecution_review":
            req.needs_bail = True
        if req.doc_type == ARR:
            req.needs_party_block = True

    def prepare(self, case: Case) -> None:
        if self.variant == "prosecution_review" and case.timeline.custody:
            raise LookupError("held: that overrun is overdue_custody")
        if self.variant == "first_instance" and case.procedure != "ordinary":
            raise LookupError("the overrun is planned for an ordinary trial")

    def apply(self, draft: Draft, case: Case) -> None:
        v = self.variant
        t = case.timeline
        if v == "prosecution_review":
            start = f"resubmitted.{len(t.returns) - 1}" if t.returns else "transferred"
            self.need(draft, start, "sign.date")
        elif v == "counsel_notice":
            self.need(draft, "transferred", "notified")
        elif v == "supplementary_investigation":
            k = len(t.returns) - 1
            self.need(draft, f"returned.{k}", f"resubmitted.{k}")
        elif v == "too_many_returns":
            self.need(draft, *[f"returned.{k}" for k in range(len(t.returns))])
        elif v == "first_instance":
            self.need(draft, "court_received" if draft.has("court_received") else "indicted", "sign.date")
        else:
            self.need(draft, "p0.requested", "sign.date")


# ------------------------------------------------------------------------------------------ statements


def _person(case: Case) -> str:
    return case.defendants[0].name


def _lawyer(case: Case) -> str:
    df = case.defendants[0]
    return f"辩护人{df.lawyer[0]}" if df.lawyer else "辩护人"


class IllegalEvidence(Injection):
    code = "illegal_evidence"
    doc_types = frozenset({REV, JUD, IND, NP})

    CLAIMS: ClassVar[tuple[str, ...]] = (
        "{who}辩称，其在侦查阶段被侦查人员殴打，有罪供述系被刑讯逼供所作。",
        "{who}提出，公安机关办案人员在讯问时对其进行威胁、引诱，其所作供述并非自愿。",
        "{lawyer}提出，侦查人员对{name}连续讯问近三十个小时，不让其睡觉，属于疲劳审讯，申请排除{name}在侦查阶段所作的有罪供述。",
        "{lawyer}申请排除非法证据，认为{name}第一次有罪供述系在侦查人员诱导下作出。",
        "{who}当庭翻供，称侦查人员用手铐将其吊在铁窗上殴打，其签字的笔录都是被打后所写。",
        "{who}在本院讯问时反映，其在派出所被民警打了一顿后才承认作案。",
        "{lawyer}对{name}在侦查阶段供述的合法性提出异议，认为该供述系办案民警以“不认罪就抓你老婆”相威胁取得。",
        "{who}称，讯问时民警不让其吃饭、喝水，其是在又累又饿的情况下违背意愿签的字。",
    )
    ANSWERS: ClassVar[tuple[str, ...]] = (
        "经审查，讯问同步录音录像显示讯问过程规范，未发现刑讯逼供情形，对该辩解不予采纳。",
        "经调取看守所入所体检记录，{name}入所时体表无伤，其所称遭受刑讯逼供的意见不能成立。",
    )

    def require(self, req: Request) -> None:
        req.needs_plea = False  # a defendant who pleads guilty does not also retract under torture claims

    SUSTAINED: ClassVar[tuple[str, ...]] = (
        "经审查，侦查人员在讯问{name}时确有威胁、引诱行为，{name}在侦查阶段所作的有罪供述依法予以排除，不作为定案的根据。",
        "经调取讯问同步录音录像，不能排除侦查人员以暴力方法收集{name}供述的可能，对该部分供述依法予以排除。",
    )

    def prepare(self, case: Case) -> None:
        name = _person(case)
        fill = {"who": f"{case.role}{name}", "name": name, "lawyer": _lawyer(case)}
        slot = {REV: self.rng.choice(("suspect_opinion", "defence_opinion", "analysis")), JUD: "defence",
                IND: "after_evidence", NP: "after_facts"}[case.doc_type]  # fmt: skip
        roll = self.rng.random()
        if case.doc_type == NP or roll < 0.2:
            self.variant = "sustained"
            self.statement(case, slot, self.rng.choice(self.SUSTAINED).format(**fill))
            return
        claim = self.rng.choice(self.CLAIMS).format(**fill)
        if roll < 0.55:
            self.variant = "claim_unanswered"
            self.statement(case, slot, claim)
        else:
            self.variant = "claim_rejected"
            self.statement(case, slot, claim, tail=self.rng.choice(self.ANSWERS).format(**fill))


class RightsInfringed(Injection):
    code = "rights_infringed"
    doc_types = frozenset({REV, JUD, IND})

    def prepare(self, case: Case) -> None:
        name = _person(case)
        lawyer = _lawyer(case)
        options = [
            ("notice", "analysis", f"经审查，侦查机关在第一次讯问{name}及对其采取强制措施时，未告知其有权委托辩护人。"),
            (
                "counsel",
                "defence_opinion",
                f"{lawyer}提出，其持律师执业证书、律师事务所证明和委托书要求会见{name}，看守所以“办案单位不同意”为由拒绝安排会见。",
            ),
            (
                "counsel",
                "defence",
                f"{lawyer}提出，侦查阶段其三次申请会见被告人{name}，均被侦查机关以案情特殊为由拒绝，侵犯了被告人的辩护权。",
            ),
            ("plea", "review", f"{name}于签署认罪认罚具结书时，辩护人及值班律师均未在场。"),
            ("plea", "after_evidence", f"被告人{name}在没有辩护人或者值班律师在场的情况下签署了认罪认罚具结书。"),
            ("interpreter", "analysis", f"{name}不通晓汉语言文字，侦查机关讯问时未为其提供翻译。"),
            ("notice", "defence", f"被告人{name}提出，侦查人员从未告知其可以委托辩护人，也没有告知其享有的诉讼权利。"),
        ]
        slots = {REV: ("analysis", "defence_opinion", "review"), JUD: ("defence",), IND: ("review", "after_evidence")}[
            case.doc_type
        ]
        options = [o for o in options if o[1] in slots]
        kind, slot, text = self.rng.choice(options)
        if kind == "plea" and not case.plea:
            raise LookupError("no plea in this case")
        if kind == "plea":
            case.omit.add("plea_statement")  # the usual "在值班律师见证下签署" would contradict it
        self.variant = kind
        self.statement(case, slot, text)


class MinorProtection(Injection):
    code = "minor_protection"
    doc_types = frozenset({REV, JUD, IND})

    @classmethod
    def possible(cls, doc_type: str, charge: str, fact: Fact | None) -> bool:
        return doc_type in cls.doc_types and fact is None and charge in MINOR_CHARGES

    def require(self, req: Request) -> None:
        req.minor = True

    def prepare(self, case: Case) -> None:
        name = _person(case)
        options = {
            REV: [
                (
                    "first_interrogation",
                    "analysis",
                    f"{name}作案时未满十八周岁，系未成年人。公安机关第一次讯问{name}时，未通知其法定代理人到场，也未通知合适成年人到场。",
                ),
                (
                    "every_interrogation",
                    "analysis",
                    f"经审查，侦查机关对未成年犯罪嫌疑人{name}的三次讯问，均无法定代理人或者合适成年人在场，讯问笔录上亦无其签名。",
                ),
                ("claim", "defence_opinion", f"辩护人提出，{name}系未成年人，公安机关讯问时没有通知其法定代理人到场。"),
            ],
            JUD: [
                (
                    "claim",
                    "defence",
                    f"辩护人提出，被告人{name}作案时系未成年人，侦查机关讯问时没有通知其法定代理人或者合适成年人到场，相关供述不应作为定案的依据。",
                ),
                (
                    "finding",
                    "reasoning",
                    f"经查，侦查机关在讯问未成年被告人{name}时，未通知其法定代理人或者合适成年人到场。",
                ),
            ],
            IND: [
                (
                    "own_interrogation",
                    "review",
                    f"本院讯问被告人{name}时，其法定代理人未到场，亦未通知其他合适成年人到场。",
                )
            ],
        }[case.doc_type]
        self.variant, slot, text = self.rng.choice(options)
        self.statement(case, slot, text)
        self.keys.append("p0.birth")
        case.flags["p0.age"] = case.rng.random() < 0.3


class PropertyViolation(Injection):
    code = "property_violation"
    doc_types = frozenset({REV, JUD, NP})

    def prepare(self, case: Case) -> None:
        name = _person(case)
        options = {
            REV: [
                ("unrelated", f"侦查机关扣押了{name}妻子名下的小型轿车一辆，该车与本案无关，至今未予退还。"),
                ("no_list", f"经审查，侦查机关在扣押{name}的手机、银行卡时未当场开具扣押清单。"),
                ("disposal", "侦查机关在案件移送审查起诉前，擅自将扣押的涉案车辆变卖。"),
            ],
            JUD: [
                ("unrelated", f"辩护人提出，公安机关扣押的被告人{name}父亲的银行存款与本案无关，请求依法发还。"),
                (
                    "overdue_freeze",
                    f"辩护人提出，公安机关冻结被告人{name}家庭共有账户的期限届满后未予解除，又重复冻结。",
                ),
            ],
            NP: [
                ("not_returned", f"对侦查机关扣押的被不起诉人{name}的手机一部、现金人民币三千元，至今未予退还。"),
            ],
        }[case.doc_type]
        self.variant, text = self.rng.choice(options)
        slot = {REV: "analysis", JUD: "defence", NP: "property"}[case.doc_type]
        self.statement(case, slot, text)


class RecordingMissing(Injection):
    code = "recording_missing"
    doc_types = frozenset({REV, JUD})

    @classmethod
    def possible(cls, doc_type: str, charge: str, fact: Fact | None) -> bool:
        return doc_type in cls.doc_types and fact is None and charge in GRAVE_CHARGES

    def require(self, req: Request) -> None:
        req.grave = True

    def prepare(self, case: Case) -> None:
        if case.composed is None or not case.composed.grave:
            raise LookupError("the composed facts are not grave")
        name = _person(case)
        options = {
            REV: [
                ("not_provided", f"侦查机关未随案移送讯问{name}的同步录音录像。"),
                ("absent", f"经审查，侦查机关对{name}的第二次讯问未进行同步录音录像。"),
                ("incomplete", f"讯问{name}的录音录像中有部分时段缺失，与讯问笔录记载的讯问时间不一致。"),
            ],
            JUD: [
                ("absent", f"辩护人提出，侦查机关对被告人{name}的讯问没有同步录音录像，相关供述的真实性存疑。"),
                (
                    "incomplete",
                    f"经本院调取，侦查机关对被告人{name}第一次讯问的录像不完整，讯问开始后约四十分钟的录像缺失。",
                ),
            ],
        }[case.doc_type]
        self.variant, text = self.rng.choice(options)
        slot = {REV: "analysis", JUD: self.rng.choice(("defence", "reasoning"))}[case.doc_type]
        case.add_extra("recording", [])
        self.statement(case, slot, text)


class PrivacyLeak(Injection):
    code = "privacy_leak"
    doc_types = frozenset({JUD, IND, NP})

    def require(self, req: Request) -> None:
        if req.doc_type in (IND, NP):
            req.published = True
            self.variant = "public_version_id"
        else:
            self.variant = self.rng.choice(("id", "address", "phone"))

    def prepare(self, case: Case) -> None:
        if self.variant in ("id", "public_version_id"):
            case.flags["leak_id"] = True
            self.keys.append("p0.id")
        elif self.variant == "address":
            case.flags["leak_address"] = True
            self.keys.append("p0.residence")
        else:
            phone = "1" + self.rng.choice("3578") + "".join(self.rng.choice("0123456789") for _ in range(9))
            k = self.key("phone")
            v = victim_name(case)
            case.add_extra(
                "after_evidence", [("被害人" + v + "报警时留下的联系电话为", None), (phone, k), ("。", None)]
            )
            self.keys.append(k)


INJECTORS: dict[str, Callable[[random.Random], Injection]] = {
    c.code: c
    for c in (
        MissingElement, Typo, AmountMismatch, IdentityMismatch, DateError, CitationError, ChargeArticleMismatch,
        DeadlineNear, OverdueCustody, OverdueHandling, IllegalEvidence, RightsInfringed, MinorProtection,
        PropertyViolation, RecordingMissing, PrivacyLeak,
    )
}  # fmt: skip
INJECTOR_CLASSES = dict(INJECTORS)


def plan_injections(
    rng: random.Random, doc_type: str, charge: str, fact: Fact | None, n: int, *, first: str | None = None
) -> list[str]:
    """Up to `n` distinct codes that can be injected together into one document of this kind (`first` first)."""
    codes = [c for c, cls in INJECTOR_CLASSES.items() if cls.possible(doc_type, charge, fact)]  # type: ignore[attr-defined]
    rng.shuffle(codes)
    if first is not None and first in codes:
        codes.remove(first)
        codes.insert(0, first)
    out: list[str] = []
    for c in codes:
        if len(out) >= n:
            break
        if c in TIMELINE_CODES and any(o in TIMELINE_CODES for o in out):
            continue
        if {c, *out} >= {"minor_protection", "privacy_leak"} or {c, *out} >= {"identity_mismatch", "missing_element"}:
            continue  # (a minor's name is masked; an omitted ID or birth date could not show a mismatch)
        out.append(c)
    return out


# ------------------------------------------------------------------------------------------ hard negatives


class Negative:
    """Text that looks like a defect to a careless reader and is not one; recorded in meta, never flagged."""

    kind: ClassVar[str]
    doc_types: ClassVar[frozenset[str]] = ALL

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    @classmethod
    def applies(cls, doc_type: str, charge: str) -> bool:
        return doc_type in cls.doc_types

    def require(self, req: Request) -> None:
        pass

    def prepare(self, case: Case) -> None:
        pass

    def say(self, case: Case, slot: str, text: str) -> None:
        case.add_extra(slot, [(text, f"neg.{self.kind}")])


class NegatedTorture(Negative):
    kind = "negated_torture"
    doc_types = frozenset({REV, JUD, IND})
    TEXTS = (
        "{who}表示，侦查人员讯问时没有对其刑讯逼供，其供述均系自愿作出。",
        "经审查，侦查机关讯问{name}时依法进行了同步录音录像，未发现刑讯逼供、威胁、引诱等非法取证情形。",
        "{who}否认曾遭受刑讯逼供，对侦查阶段所作供述的真实性无异议。",
        "{who}供述稳定，辩护人对证据收集的合法性无异议。",
        "经查，没有证据证明侦查人员对{name}实施了刑讯逼供。",
    )

    def prepare(self, case: Case) -> None:
        name = case.defendants[0].name
        texts = [t for t in self.TEXTS if "辩护人" not in t or case.defendants[0].lawyer]
        text = self.rng.choice(texts).format(who=f"{case.role}{name}", name=name)
        slot = {REV: "analysis", JUD: "reasoning", IND: "after_evidence"}[case.doc_type]
        self.say(case, slot, text)


class StatuteQuote(Negative):
    kind = "statute_quote"
    doc_types = frozenset({REV})

    def prepare(self, case: Case) -> None:
        text = self.rng.choice(
            (
                "《中华人民共和国刑事诉讼法》第五十六条规定：“采用刑讯逼供等非法方法收集的犯罪嫌疑人、被告人供述和采用暴力、威胁等非法方法收集的证人证言、被害人陈述，应当予以排除。”本案不存在上述情形。",
                "根据《中华人民共和国刑事诉讼法》第五十二条关于严禁刑讯逼供和以威胁、引诱、欺骗以及其他非法方法收集证据的规定，承办人审查了全部讯问笔录及同步录音录像，取证程序合法。",
                "《中华人民共和国刑事诉讼法》第一百二十三条规定，对于可能判处无期徒刑、死刑的案件或者其他重大犯罪案件，应当对讯问过程进行录音或者录像。本案不属于该类案件。",
            )
        )
        self.say(case, "analysis", text)


class RecordedExtension(Negative):
    kind = "recorded_extension"
    doc_types = frozenset({IND, REV, NP})

    def require(self, req: Request) -> None:
        ext = req.extensions or Extensions()
        choice = self.rng.random()
        if req.doc_type == NP or choice < 0.34:
            ext.review = True
        elif choice < 0.67:
            ext.long_detention = self.rng.choice(("流窜作案", "多次作案", "结伙作案"))
            req.needs_custody = True
        else:
            ext.investigation = True
            req.needs_custody = True
        req.extensions = ext


class RecordingPresent(Negative):
    kind = "recording_present"
    doc_types = frozenset({REV, JUD})

    def prepare(self, case: Case) -> None:
        name = case.defendants[0].name
        slot = "analysis" if case.doc_type == REV else "reasoning"
        self.say(case, slot, self.rng.choice((
            f"侦查机关已随案移送讯问{name}的同步录音录像，经审查，录音录像完整，与讯问笔录内容一致。",
            f"经审查，公安机关对{name}的每次讯问均进行了全程同步录音录像。",
        )))  # fmt: skip


class PropertyReturned(Negative):
    kind = "property_returned"
    doc_types = frozenset({REV, NP})

    def prepare(self, case: Case) -> None:
        slot = "analysis" if case.doc_type == REV else "property"
        self.say(case, slot, self.rng.choice((
            "侦查机关已将扣押的与本案无关的手机一部发还原主。",
            "扣押清单、发还清单证实，被盗财物已全部发还被害人。",
        )))  # fmt: skip


NEGATIVES: dict[str, type[Negative]] = {
    n.kind: n for n in (NegatedTorture, StatuteQuote, RecordedExtension, RecordingPresent, PropertyReturned)
}

__all__ = ["INJECTORS", "NEGATIVES", "SPECS", "Injection", "Negative", "plan_injections"]
