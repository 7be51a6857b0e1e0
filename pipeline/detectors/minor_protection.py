"""未成年人保护缺失: a suspect or defendant under 18 interrogated or tried without 法定代理人/合适成年人
(CPL 281), tried in public (CPL 285), or named in full in a published judgment (刑诉法解释 2021 第五百五十九条).

Three kinds of flag, each its own `Flag` (code minor_protection):

1. ``presence`` — nobody was there for the minor.
   a. Explicit statements ("讯问时未通知其法定代理人到场", "法定代理人未到场", "在没有法定代理人在场的情况下
      讯问"), read for stance by `rights_infringed.read_hits`; a statement answered in the next sentence by a
      合适成年人/成年亲属/学校代表 who did attend is the lawful substitute CPL 281 allows, not a breach.
      0.85 FINDING, 0.55 CLAIM, 0.30 REJECTED.
   b. Inferred: a defendant under 18 on the day of a custody event (拘留/逮捕/抓获/到案: the first
      interrogation is within 24 hours of it) or on the day of trial, in a document that discusses
      interrogation or trial, where the document mentions none of 法定代理人, 合适成年人, 监护人, 成年亲属, a
      representative or relative 到场/在场. 0.60 when the age is computed from a birth date and a dated event,
      0.50 from a stated age (现年16岁) or the words 未成年被告人; 0.40 when only the age at the offence is
      known ("作案时未满十八周岁") — 规则 2019 第四百八十九条 makes CPL 281 mandatory only for persons still
      under 18 in the proceedings, and a defendant shown to be 18 by every custody and trial date is not
      flagged.
2. ``public_trial`` — a defendant under 18 on the day of trial and "公开开庭审理" (not 不公开): CPL 285.
   0.75 when the trial date is the judgment's own date or a dated 判决 event; 0.60 when the age comes
   from a stated age, or the 18th birthday falls more than 60 days after the indictment.
3. ``name_published`` — a judgment or ruling (the documents published on 中国裁判文书网) naming a defendant
   who was under 18 at the offence in full (no 某/×/＊ masking). 0.40: the filed original may carry the full
   name; only the published version must not.
Ages are counted in completed years (周岁): under 18 until the day before the 18th birthday.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .. import doctypes
from ..extract.persons import Person, extract_persons
from ..extract.timeline import (
    ARREST_APPROVED,
    ARREST_DECIDED,
    ARRESTED,
    BAIL,
    CAUGHT,
    COURT_RECEIVED,
    CUSTODY,
    DETAINED,
    INDICTED,
    INTERROGATED,
    JUDGED,
    RESIDENCE,
    document_date,
    extract_timeline,
)
from ..types import Flag
from ._stance import CLAIM, FINDING, REJECTED, STANCE_CONFIDENCE, claimant, mask_statutes, read_hits
from .base import Context, Detector, register

CODE = "minor_protection"

BASIS_PRESENCE = (
    "《中华人民共和国刑事诉讼法》第二百八十一条：对于未成年人刑事案件，在讯问和审判的时候，应当通知未成年犯罪嫌疑人、"
    "被告人的法定代理人到场。无法通知、法定代理人不能到场或者法定代理人是共犯的，也可以通知未成年犯罪嫌疑人、被告人的"
    "其他成年亲属，所在学校、单位、居住地基层组织或者未成年人保护组织的代表到场，并将有关情况记录在案。"
)
BASIS_PUBLIC = (
    "《中华人民共和国刑事诉讼法》第二百八十五条：审判的时候被告人不满十八周岁的案件，不公开审理。"
    "但是，经未成年被告人及其法定代理人同意，未成年被告人所在学校和未成年人保护组织可以派代表到场。"
)
BASIS_NAME = (
    "《最高人民法院关于适用〈中华人民共和国刑事诉讼法〉的解释》第五百五十九条：审理涉及未成年人的刑事案件，"
    "不得向外界披露未成年人的姓名、住所、照片以及可能推断出未成年人身份的其他资料。"
)
BASIS_CONDUCT = "《人民检察院司法责任追究条例》第七条第（九）项：违反规定严重侵犯诉讼参与人诉讼权利的；"

CONF_INFERRED_DATED = 0.60
CONF_INFERRED_STATED = 0.50
CONF_INFERRED_OFFENCE_ONLY = 0.40
CONF_PUBLIC_CERTAIN = 0.75
CONF_PUBLIC_LIKELY = 0.60
CONF_NAME = 0.40
TRIAL_MARGIN = timedelta(days=60)  # an indicted minor whose 18th birthday is further off is still a minor at trial
MAX_EVIDENCE = 6

DEFENDANT_ROLES = frozenset({"被告人", "犯罪嫌疑人", "上诉人", "原审被告人", "被不起诉人"})
_CUSTODY_KINDS = frozenset(
    {DETAINED, CAUGHT, CUSTODY, ARRESTED, ARREST_APPROVED, ARREST_DECIDED, BAIL, RESIDENCE, INTERROGATED}
)
_PUBLISHED = {doctypes.JUDGMENT, doctypes.RULING}
# Documents whose silence about a 法定代理人 means something: they list the 法定代理人 and who attended.
_RECORDS_ATTENDANCE = {
    doctypes.JUDGMENT,
    doctypes.RULING,
    doctypes.INDICTMENT,
    doctypes.NON_PROSECUTION,
    doctypes.REVIEW_REPORT,
    doctypes.ARREST_APPROVAL,
    doctypes.ARREST_REFUSAL,
}

# ------------------------------------------------------------------------------ explicit absence statements

_REP = r"(?:法定代理人|合适成年人|监护人|成年亲属|家长|父母|其父|其母|父亲|母亲)"
# "法定代理人或者合适成年人" is one negated list, not two mentions
_REPS = rf"{_REP}(?:(?:或者|或|和|及|、)(?:其他)?{_REP})*"
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (k, re.compile(p))
    for k, p in (
        (
            "presence",
            rf"(?:未|没有|未能|并未|均未|也未)(?:依法|及时)?通知[^。；，,]{{0,12}}?{_REPS}(?:[^。；，,]{{0,4}}?(?:到场|在场|到庭|参加))?",
        ),
        ("presence", rf"{_REPS}(?:均|也|亦|并|都)?(?:未|没有|不在|未能|没能)(?:到场|在场|到庭|参加讯问|参与讯问|陪同)"),
        ("presence", rf"在(?:其)?(?:没有|无|未有){_REPS}(?:[^。；，,]{{0,4}})?(?:在场|到场|陪同)的情况下"),
        ("presence", rf"在(?:其)?{_REPS}(?:均)?(?:未|不|没有)(?:在场|到场)的情况下"),
        ("presence", rf"(?:无|没有){_REPS}(?:到场|在场|陪同)"),
    )
)
# The lawful substitute CPL 281 allows when the 法定代理人 cannot come.
_SUBSTITUTE = re.compile(
    r"(?:合适成年人|成年亲属|其他亲属|学校[^。；，,]{0,8}代表|老师|教师|社工|村民委员会|居民委员会|村委会|居委会|"
    r"保护组织[^。；，,]{0,6}代表)[^。；，,]{0,10}?(?<![未不没])(?:到场|在场)"
)
_MINOR_CONTEXT = re.compile(
    r"未成年|不满十八|未满十八|未满18|不满18|法定代理人|合适成年人|\b1[4-7]周?岁|十[四五六七]周岁"
)


# The rest of a negated list right after the hit ("未通知其法定代理人【或者合适成年人到场】") is no substitute.
_CONTINUED = re.compile(rf"^(?:(?:或者|或|和|及|、)(?:其他|其)?{_REP})+(?:[^。；，,]{{0,4}}?(?:到场|在场))?")


def _validate(text: str, s: int, e: int, hs: int, he: int, kind: str) -> bool:
    nxt = text.find("。", e + 1)
    after = _CONTINUED.sub("", text[he : (nxt + 1 if nxt != -1 else len(text))])
    if _SUBSTITUTE.search(after):
        return False  # "法定代理人无法到场，公安机关通知其班主任作为合适成年人到场"
    # 家长/父母 alone are family words: count them only in a minor's case
    if "法定代理人" not in text[hs:he] and "合适成年人" not in text[hs:he]:
        return bool(_MINOR_CONTEXT.search(text))
    return True


# ------------------------------------------------------------------------------------------- ages


@dataclass(frozen=True, slots=True)
class MinorAt:
    """When a defendant is known to be under 18, and how that is known."""

    name: str
    name_span: tuple[int, int]
    interrogation: bool  # under 18 on a custody event
    trial: bool  # under 18 on the day of trial
    offence: bool  # under 18 at the offence (implied by the two above, or stated)
    adult_in_proceedings: bool  # 18 or older on every dated custody event and at trial
    confidence: float  # for the inferred presence flag
    trial_certain: bool  # trial date read, not estimated
    spans: tuple[tuple[int, int], ...]  # the birth date / age / words relied on


def age_on(birth: date, day: date) -> int:
    """Completed years (周岁) on `day`."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def eighteenth_birthday(birth: date) -> date:
    try:
        return birth.replace(year=birth.year + 18)
    except ValueError:  # born 29 February
        return date(birth.year + 18, 3, 1)


_STATED_MINOR = re.compile(
    r"(?P<role>被告人|犯罪嫌疑人|上诉人|原审被告人|被不起诉人)(?P<name>[\u4e00-\u9fff×*＊某]{1,4}?\d?)?"
    r"(?:在|于)?(?:犯罪|作案|案发|实施[^。；，,]{0,10}?)?(?:时|的时候)?[，,]?"
    r"(?:(?:系|是|为|尚系|仍系|均系|均为|属于?|尚属)(?:未成年人|未满十八周岁|不满十八周岁|未满18周岁|不满18周岁)"
    r"|(?:尚未满|尚不满|未满|不满)(?:十八|18)周岁|年仅(?:1[4-7]|十[四五六七])周?岁)"
    r"|未成年(?:被告人|犯罪嫌疑人|上诉人)(?P<name2>[\u4e00-\u9fff×*＊某]{1,4}?\d?)?(?=[，,。；、及和的]|$)"
)
_OFFENCE_TIME = re.compile(r"犯罪时|作案时|案发时|实施[^。；，,]{0,10}?时|行为时")


def _events_of(ctx: Context, name: str, n_defendants: int) -> list:
    return [
        ev
        for ev in extract_timeline(ctx)
        if ev.date is not None and ev.confident and (name in ev.persons or (not ev.persons and n_defendants == 1))
    ]


def _trial_date(ctx: Context, events: list) -> tuple[date | None, bool, date | None]:
    """(trial date, read rather than estimated, indictment/receipt date for the margin rule)."""
    judged = [ev.date for ev in events if ev.kind == JUDGED]
    if ctx.doc_type in _PUBLISHED:
        dd = document_date(ctx)
        if dd is not None and dd.value is not None:
            return dd.value, True, None
    if judged:
        return max(judged), True, None
    brought = [ev.date for ev in events if ev.kind in (INDICTED, COURT_RECEIVED)]
    return None, False, (max(brought) if brought else None)


def minors(ctx: Context, masked: str) -> list[MinorAt]:
    """Defendants known to be under 18 at interrogation, trial or offence (memoised as fact "minors")."""
    return ctx.fact("minors", lambda c: _find_minors(c, masked))


def _find_minors(ctx: Context, masked: str) -> list[MinorAt]:
    people = [p for p in extract_persons(ctx) if set(p.roles or (p.role,)) & DEFENDANT_ROLES]
    stated = list(_STATED_MINOR.finditer(masked))
    out: list[MinorAt] = []
    for p in people:
        m = _person_minor(ctx, p, len(people), stated)
        if m is not None:
            out.append(m)
    if not people and stated:  # the words alone, no basic-information clause (a fact paragraph)
        s = stated[0]
        offence = bool(_OFFENCE_TIME.search(s.group(0)))
        out.append(
            MinorAt("", s.span(), False, False, True, False,
                    CONF_INFERRED_OFFENCE_ONLY if offence else CONF_INFERRED_STATED, False, (s.span(),))
        )  # fmt: skip
    return out


def _person_minor(ctx: Context, p: Person, n: int, stated: list[re.Match[str]]) -> MinorAt | None:
    events = _events_of(ctx, p.name, n)
    custody = sorted(ev.date for ev in events if ev.kind in _CUSTODY_KINDS)
    trial, certain, brought = _trial_date(ctx, events)
    # the words count for this defendant when they name him, or when he is the only defendant
    words = [m for m in stated if p.name in m.group(0) or (n == 1 and not (m.group("name") or m.group("name2")))]
    if p.birth_date is not None:
        birth = p.birth_date.value
        adult_day = eighteenth_birthday(birth)
        at_interrogation = bool(custody) and custody[0] < adult_day and custody[0] >= birth
        if trial is not None:
            at_trial = birth <= trial < adult_day
        elif brought is not None:
            at_trial, certain = brought + TRIAL_MARGIN < adult_day, False
        else:
            at_trial = False
        offence = at_interrogation or at_trial or bool(words)
        dates_known = bool(custody) and (trial is not None or brought is not None)
        adult = dates_known and custody[0] >= adult_day and (trial is None or trial >= adult_day)
        if not (offence or at_interrogation or at_trial):
            return None
        conf = CONF_INFERRED_DATED if (at_interrogation or at_trial) else CONF_INFERRED_OFFENCE_ONLY
        spans = (p.birth_date.start, p.birth_date.end)
        return MinorAt(p.name, p.name_span, at_interrogation, at_trial, offence, adult, conf, certain, (spans,))
    if p.age is not None and p.age.value < 18:
        # 现年16岁: the age on the document's date, so also at the earlier interrogation
        return MinorAt(p.name, p.name_span, True, ctx.doc_type in _PUBLISHED, True, False,
                       CONF_INFERRED_STATED, False, ((p.age.start, p.age.end),))  # fmt: skip
    if words:
        w = words[0]
        only_offence = bool(_OFFENCE_TIME.search(w.group(0)))
        conf = CONF_INFERRED_OFFENCE_ONLY if only_offence else CONF_INFERRED_STATED
        return MinorAt(p.name, p.name_span, not only_offence, False, True, False, conf, False, (w.span(),))
    return None


# ------------------------------------------------------------------------------------- document cues

_PRESENT = re.compile(
    r"法定代理人|合适成年人|监护人|成年亲属|未成年人保护组织|"
    r"(?:父亲|母亲|其父|其母|家长|亲属|老师|代表|社工)[^。；，,]{0,8}?(?:到场|在场|到庭|陪同)|"
    r"(?:讯问|审讯|询问|开庭|庭审|审理|宣判)[^。；]{0,20}?(?:到场|在场)|(?:到场|在场)[^。；]{0,20}?(?:讯问|审讯|询问|开庭|庭审)"
)
_INTERROGATION = re.compile(r"讯问|审讯|提讯|供述|口供|交代")
_TRIAL = re.compile(r"开庭|庭审|到庭参加诉讼|出庭|当庭|法庭调查")
_PUBLIC_TRIAL = re.compile(r"(?<!不)公开开庭(?:进行了?)?审理|(?<!不)公开审理|(?<!不)公开开庭")
_NOT_TRIED = re.compile(r"不开庭审理|决定不开庭|书面审理")
_MASKED_NAME = re.compile(r"某|[×xX*＊○]")


@register
class MinorProtection(Detector):
    name = "minor_protection"
    version = "1"
    codes = (CODE,)

    def detect(self, ctx: Context) -> Iterable[Flag]:
        masked = mask_statutes(ctx.text)
        flags: list[Flag] = []
        explicit = self._explicit(ctx, masked)
        if explicit is not None:
            flags.append(explicit)
        found = minors(ctx, masked)
        if not found:
            return flags
        if explicit is None and ctx.doc_type in _RECORDS_ATTENDANCE and not _PRESENT.search(masked):
            inferred = self._inferred(ctx, masked, found)
            if inferred is not None:
                flags.append(inferred)
        public = self._public_trial(ctx, masked, found)
        if public is not None:
            flags.append(public)
        named = self._name_published(ctx, found)
        if named is not None:
            flags.append(named)
        return flags

    def _explicit(self, ctx: Context, masked: str) -> Flag | None:
        readings = read_hits(ctx, PATTERNS, validate=_validate, masked=masked)
        for stance in (FINDING, CLAIM, REJECTED):
            chosen = [r for r in readings if r.stance == stance]
            if not chosen:
                continue
            if stance == FINDING:
                reason = "文书记载讯问或审判未成年人时法定代理人或合适成年人未到场，须核查是否依法通知"
            elif stance == CLAIM:
                reason = f"{claimant(ctx, chosen)}提出讯问或审判时法定代理人未到场，文书未见审查结论，须核查"
            else:
                reason = f"{claimant(ctx, chosen)}提出法定代理人未到场，经审查未予采纳；建议复核到场记录"
            spans = [(r.start, r.end) for r in chosen][:MAX_EVIDENCE]
            return self.flag(ctx, CODE, spans, confidence=STANCE_CONFIDENCE[stance],
                             basis=BASIS_PRESENCE + BASIS_CONDUCT, reason=reason)  # fmt: skip
        return None

    def _inferred(self, ctx: Context, masked: str, found: list[MinorAt]) -> Flag | None:
        tried = bool(_TRIAL.search(masked)) and not _NOT_TRIED.search(masked)
        questioned = bool(_INTERROGATION.search(masked))
        relevant = [
            m
            for m in found
            if not m.adult_in_proceedings
            and ((m.interrogation and questioned) or (m.trial and tried) or (m.offence and (questioned or tried)))
        ]
        if not relevant:
            return None
        m = max(relevant, key=lambda x: x.confidence)
        stages = "、".join(s for s, ok in (("讯问", m.interrogation and questioned), ("审判", m.trial and tried)) if ok)
        who = f"被告人{m.name}" if m.name else "被告人"
        when = f"{stages}时未满十八周岁" if stages else "犯罪时未满十八周岁（诉讼中是否已满十八周岁不明）"
        reason = (
            f"{who}{when}，文书未记载法定代理人或者合适成年人到场；须核查讯问、审判时是否依法通知其法定代理人"
            "或者其他合适成年人到场"
        )
        spans = [m.name_span, *m.spans] if m.name else list(m.spans)
        return self.flag(ctx, CODE, spans, confidence=m.confidence, basis=BASIS_PRESENCE + BASIS_CONDUCT, reason=reason)

    def _public_trial(self, ctx: Context, masked: str, found: list[MinorAt]) -> Flag | None:
        public = _PUBLIC_TRIAL.search(masked)
        at_trial = [m for m in found if m.trial]
        if public is None or not at_trial:
            return None
        m = at_trial[0]
        conf = CONF_PUBLIC_CERTAIN if m.trial_certain else CONF_PUBLIC_LIKELY
        who = f"被告人{m.name}" if m.name else "被告人"
        reason = f"{who}开庭审理时未满十八周岁，文书记载公开开庭审理；审判时不满十八周岁的案件应当不公开审理"
        spans = [public.span(), *m.spans]
        return self.flag(ctx, CODE, spans, confidence=conf, basis=BASIS_PUBLIC, reason=reason)

    def _name_published(self, ctx: Context, found: list[MinorAt]) -> Flag | None:
        if ctx.doc_type not in _PUBLISHED:
            return None
        named = [m for m in found if m.offence and m.name and len(m.name) >= 2 and not _MASKED_NAME.search(m.name)]
        if not named:
            return None
        names = "、".join(dict.fromkeys(m.name for m in named))
        reason = f"裁判文书载明犯罪时未满十八周岁的被告人{names}的真实姓名；公开的文书应当对未成年人隐名处理"
        spans = [m.name_span for m in named][:MAX_EVIDENCE]
        return self.flag(ctx, CODE, spans, confidence=CONF_NAME, basis=BASIS_NAME, reason=reason, severity="medium")
