"""录音录像缺失: a case where interrogations must be recorded (CPL 123) whose recording the document says is
absent, incomplete or not provided.

Design choice: the detector never fires because a document is SILENT about recording. Judgments and
indictments almost never mention 同步录音录像; flagging every grave case that does not would bury reviewers
under flags that say nothing. It fires only on an explicit statement:
* absent: "未对讯问过程同步录音录像", "没有同步录音录像", "无讯问录像";
* not provided: "无法提供同步录音录像", "未随案移送录音录像", "公安机关未提供讯问录像";
* incomplete: "讯问录像缺失", "录音录像不完整", "部分时段录像缺失", "选择性录制", "剪辑";
in a sentence about interrogation (讯问/审讯/供述/笔录/同步录音录像), not about a shop's CCTV (监控录像) or a
scene video (指认现场录像). Statute wording is masked and every hit is read for stance by
`rights_infringed.read_hits` (finding / claim / rejected claim / denial).

Whether the case is one CPL 123 covers (`assess_gravity`): a charge in `pipeline.law.grave_charges` whose
grave tier the document's facts reach (故意杀人, 绑架; 抢劫 with 入户/持枪/致人重伤死亡; 贩卖毒品 with 海洛因或
甲基苯丙胺 ≥ 50 克; 受贿、贪污 数额特别巨大 or ≥ 300 万元 …), a sentence or sentencing proposal of 无期徒刑/死刑,
or a duty crime investigated by the procuratorate itself (规则 2019 第一百九十条: every interrogation recorded).
Charges and sentences of a defendant's earlier convictions (曾因…被判处…) do not count.

Confidence (one flag per document):
* grave case — 0.85 FINDING, 0.55 CLAIM, 0.30 REJECTED;
* case not shown to be grave — only an INCOMPLETE recording counts (CPL 123: "录音或者录像应当全程进行，保持
  完整性" binds every recording that is made): 0.45 FINDING, 0.30 CLAIM; absent or not provided recordings of
  such cases do not fire (recording is optional there).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from ..extract.amounts import find_amounts
from ..extract.citations import charges_in
from ..law.grave_charges import CORRUPTION_HUGE, GRAVE_OTHER, drug_over_threshold, drug_quantities, grave_charge
from ..types import Flag
from ._stance import CLAIM, DENIAL, FINDING, REJECTED, claimant, mask_statutes, read_hits
from .base import Context, Detector, register

CODE = "recording_missing"

BASIS = (
    "《中华人民共和国刑事诉讼法》第一百二十三条：侦查人员在讯问犯罪嫌疑人的时候，可以对讯问过程进行录音或者录像；"
    "对于可能判处无期徒刑、死刑的案件或者其他重大犯罪案件，应当对讯问过程进行录音或者录像。录音或者录像应当全程进行，"
    "保持完整性。《公安机关办理刑事案件程序规定》第二百零八条：“其他重大犯罪案件”，是指致人重伤、死亡的严重危害公共安全"
    "犯罪、严重侵犯公民人身权利犯罪，以及黑社会性质组织犯罪、严重毒品犯罪等重大故意犯罪案件。"
)
BASIS_SELF_INVESTIGATED = (
    "《人民检察院刑事诉讼规则》第一百九十条：人民检察院办理直接受理侦查的案件，应当在每次讯问犯罪嫌疑人时，"
    "对讯问过程实行全程录音、录像，并在讯问笔录中注明。"
)

CONFIDENCE = {
    (True, FINDING): 0.85,
    (True, CLAIM): 0.55,
    (True, REJECTED): 0.30,
    (False, FINDING): 0.45,
    (False, CLAIM): 0.30,
}
MAX_EVIDENCE = 8

KIND_ZH = {
    "absent": "未对讯问过程录音录像",
    "not_provided": "未提供或未随案移送讯问录音录像",
    "incomplete": "讯问录音录像不完整",
}

_REC = r"(?:录音录像|录音、录像|录音或者录像|录音或录像|录像资料|录像光盘|录音资料|录像|录音)"
_NOT = r"(?:未|没有|未能|未曾|从未|均未|并未|亦未|也未|无法|不能|拒绝|拒不|没)"

_INCOMPLETE = r"(?:缺失|不完整|中断|不全|不连续|断档|残缺|剪辑|剪接|删改|损坏|丢失|灭失|无法(?:播放|读取|打开)|时间(?:不一致|不符))"

# Order matters: overlapping hits count once, for the first pattern ("不存在讯问录音录像缺失" is a denied
# incompleteness, not an absence).
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (k, re.compile(p))
    for k, p in (
        ("incomplete", rf"{_REC}[^。；，,]{{0,12}}?{_INCOMPLETE}"),
        ("incomplete", rf"(?:选择性|片段式?)(?:地)?(?:录制|{_REC})|部分[^。；，,]{{0,10}}?{_REC}缺失"),
        (
            "not_provided",
            rf"{_NOT}(?:依法|及时|全部|完整)?(?:随案)?(?:移送|提供|提交|调取到|调取|出示|播放|移交)[^。；，,]{{0,10}}?(?:同步)?(?:讯问|审讯)?{_REC}",
        ),
        ("not_provided", rf"{_REC}[^。；，,]{{0,10}}?(?:未|没有|未能|均未|并未)(?:随案)?(?:移送|提供|提交|移交)"),
        (
            "absent",
            rf"{_NOT}(?:依法)?(?:对[^。；，,]{{0,14}}?)?(?:讯问|审讯)?(?:过程)?(?:进行|实行|实施|制作|开启)?(?:全程)?(?:同步)?{_REC}",
        ),
        ("absent", rf"(?:无|没有)(?:任何)?(?:同步)?(?:讯问|审讯)(?:同步)?{_REC}|(?:无|没有)(?:任何)?同步{_REC}"),
    )
)

_INTERROGATION = re.compile(r"讯问|审讯|提讯|供述|口供|笔录|同步|犯罪嫌疑人|被告人|上诉人|认罪|交代|侦查|监视居住")
_CONTEXT_LOOKBACK = 200  # characters of the paragraph before the sentence that may say it is about interrogation
_NOT_INTERROGATION = re.compile(
    r"监控|执法记录仪|行车记录仪|指认|辨认|现场|视频监控|摄像头|电视台|采访|谈话录音|通话录音|聊天"
)


def _validate(text: str, s: int, e: int, hs: int, he: int, kind: str) -> bool:
    """An interrogation recording, not a shop camera or a scene video."""
    near = text[max(s, hs - 20) : min(e, he + 6)]
    if _NOT_INTERROGATION.search(near) and not re.search(r"讯问|审讯|同步", near):
        return False
    para = max(text.rfind("\n", 0, s) + 1, s - _CONTEXT_LOOKBACK)
    return bool(_INTERROGATION.search(text, para, e))


# ------------------------------------------------------------------------------------------- gravity


@dataclass(slots=True)
class Gravity:
    """Why the case is (or is not known to be) one where recording is mandatory."""

    grave: bool = False
    reasons: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # normalised offsets of the facts relied on
    self_investigated: bool = False


_PRIOR = re.compile(r"曾因|曾于|曾被|前科|刑满释放|假释|劳动教养|(?:19|20)\d\d年[^。；]{0,20}?因犯")
_SENTENCE = re.compile(
    r"(?:判处|判决|改判|决定执行|量刑建议为?|建议(?:对其|对被告人)?判处|处以|处)[^。；，,]{0,8}?"
    r"(?P<penalty>无期徒刑|死刑(?:，?缓期二年执行)?|死缓)"
)
_SELF_INVESTIGATION = re.compile(
    r"反贪污贿赂局|反贪局|反渎职侵权局|检察院(?:依法)?(?:决定)?立案侦查|本院(?:依法)?立案侦查|自侦"
)
_DUTY_CRIMES = {
    "贪污罪",
    "受贿罪",
    "挪用公款罪",
    "行贿罪",
    "单位受贿罪",
    "利用影响力受贿罪",
    "私分国有资产罪",
    "巨额财产来源不明罪",
}
_DUTY_CRIME_WORDS = re.compile(r"滥用职权|玩忽职守|徇私枉法|刑讯逼供|非法拘禁|暴力取证|虐待被监管人")
_BRIBE_CONTEXT = re.compile(r"受贿|收受|索取|贪污|侵吞|骗取公款|窃取公款|贿赂|好处费")
_PENALTY_AMOUNT = re.compile(r"罚金|没收|追缴|退赃|退缴|责令退赔|赔偿")


# "不属情节严重", "不应作为…情节恶劣情形", "…累计达十人以上的属于情节严重" (a rule, not this case's fact)
_TIER_DENIED = re.compile(
    r"(?:不属于?|不应|未达到?|没有达到|不构成|并非|不是|不能认定|不宜认定|尚未|难以认定)[^。；，,]{0,14}$"
)
_TIER_RULE = re.compile(r"规定|解释|《|的(?:，|,)?(?:属于|为|是)$")


def _states_tier(text: str, pos: int, cue: re.Pattern[str] | None = None) -> bool:
    """Does the document state the aggravating fact of this case at `pos` (for the charge `cue` names)?"""
    s = max(text.rfind(c, 0, pos) for c in "。；\n") + 1
    before = text[s:pos]
    if _PRIOR.search(before) or _TIER_DENIED.search(before) or _TIER_RULE.search(before):
        return False
    if cue is None:
        return True
    ends = [i for c in "。；\n" if (i := text.find(c, pos)) != -1]
    return bool(cue.search(text, s, min(ends) if ends else len(text)))


def _in_prior(text: str, pos: int) -> bool:
    s = max(text.rfind(c, 0, pos) for c in "。；\n") + 1
    return bool(_PRIOR.search(text, s, pos))


def assess_gravity(ctx: Context, masked: str | None = None) -> Gravity:
    """Memoised on the context as fact "recording_gravity"."""
    return ctx.fact("recording_gravity", lambda c: _assess(c, masked if masked is not None else mask_statutes(c.text)))


def _assess(ctx: Context, masked: str) -> Gravity:
    g = Gravity()
    names: dict[str, tuple[int, int]] = {}
    for cm in charges_in(ctx):
        if masked[cm.start] == "□" or _in_prior(masked, cm.start):
            continue
        names.setdefault(cm.name, (cm.start, cm.end))
    for name, span in names.items():
        row = grave_charge(name)
        if row is None:
            continue
        if row.tier is None:
            g.reasons.append(
                f"{name}（法定刑含{row.ceiling}）" if row.ceiling != GRAVE_OTHER else f"{name}（{GRAVE_OTHER}）"
            )
            g.spans.append(span)
            continue
        tier = next((m for m in row.tier.finditer(masked) if _states_tier(masked, m.start(), row.cue)), None)
        if tier is not None:
            g.reasons.append(f"{name}，{tier.group(0)}")
            g.spans += [span, tier.span()]
            continue
        if row.threshold == "drug":
            over = [q for q in drug_quantities(masked) if drug_over_threshold(q[0], q[1])]
            if over:
                drug, grams, qs, qe = over[0]
                g.reasons.append(f"{name}，{drug}{grams.normalize():f}克")
                g.spans += [span, (qs, qe)]
        elif row.threshold == "corruption":
            big = _corruption_amount(masked, ctx.sentences)
            if big is not None:
                g.reasons.append(f"{name}，数额{big[0].normalize():f}元（三百万元以上）")
                g.spans += [span, big[1]]
    for m in _SENTENCE.finditer(masked):
        if not _in_prior(masked, m.start()):
            g.reasons.append(f"判处或建议判处{m.group('penalty')}")
            g.spans.append(m.span())
            break
    if (set(names) & _DUTY_CRIMES or _DUTY_CRIME_WORDS.search(masked)) and _SELF_INVESTIGATION.search(masked):
        g.self_investigated = True
        g.reasons.append("检察机关直接受理侦查的职务犯罪案件")
    g.grave = bool(g.reasons)
    return g


def _corruption_amount(masked: str, sentences: list[tuple[int, int]]) -> tuple[Decimal, tuple[int, int]] | None:
    """The largest amount in a bribe/embezzlement sentence when it is 三百万元 or more (fines excluded)."""
    best: tuple[Decimal, tuple[int, int]] | None = None
    for s, e in sentences:
        if not _BRIBE_CONTEXT.search(masked, s, e):
            continue
        for a in find_amounts(masked[s:e]):
            if _PENALTY_AMOUNT.search(masked, max(s, s + a.start - 8), s + a.start):
                continue
            if a.value >= CORRUPTION_HUGE and (best is None or a.value > best[0]):
                best = (a.value, (s + a.start, s + a.end))
    return best


# ------------------------------------------------------------------------------------------ detector


@register
class RecordingMissing(Detector):
    name = "recording_missing"
    version = "1"
    codes = (CODE,)

    def detect(self, ctx: Context) -> Iterable[Flag]:
        masked = mask_statutes(ctx.text)
        readings = [r for r in read_hits(ctx, PATTERNS, validate=_validate, masked=masked) if r.stance != DENIAL]
        if not readings:
            return []
        gravity = assess_gravity(ctx, masked)
        if not gravity.grave:
            readings = [r for r in readings if r.kind == "incomplete"]
        for stance in (FINDING, CLAIM, REJECTED):
            chosen = [r for r in readings if r.stance == stance]
            if chosen and (gravity.grave, stance) in CONFIDENCE:
                return [self._flag(ctx, gravity, stance, chosen)]
        return []

    def _flag(self, ctx: Context, gravity: Gravity, stance: str, chosen: list) -> Flag:
        what = "、".join(KIND_ZH[k] for k in dict.fromkeys(r.kind for r in chosen))
        if gravity.grave:
            case = "本案属于应当对讯问过程录音录像的案件（" + "；".join(gravity.reasons[:3]) + "）"
        else:
            case = "未能认定本案属于应当录音录像的重大案件，但已录制的讯问录音录像应当全程、完整"
        if stance == FINDING:
            said = f"文书记载{what}"
        elif stance == CLAIM:
            said = f"{claimant(ctx, chosen)}提出{what}，文书未见审查结论"
        else:
            said = f"{claimant(ctx, chosen)}提出{what}，经审查未予采纳"
        reason = f"{case}；{said}，须核查讯问录音录像的制作、移送情况"
        basis = BASIS + (BASIS_SELF_INVESTIGATED if gravity.self_investigated else "")
        spans = [(r.start, r.end) for r in chosen][:MAX_EVIDENCE] + gravity.spans[:2]
        return self.flag(ctx, CODE, spans, confidence=CONFIDENCE[(gravity.grave, stance)], basis=basis, reason=reason)
