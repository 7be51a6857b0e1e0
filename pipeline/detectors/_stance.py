"""How a violation indicator is read in context, shared by the violation detectors of this family
(rights_infringed, minor_protection, property_violation, recording_missing).

1. Statute wording is masked first (law titles in 《》, "规定：…", the 【相关规定】 section of guiding cases),
   and a clause that states a rule (应当/不得/有权… before the hit without 而未/却未) or a hypothetical
   ("发现…的，应当…") is no indicator.
2. A hit under a negation (不存在/未发现/没有证据证明/否认/并非 …) is a DENIAL: it answers a claim, it is
   never an indicator itself.
3. A hit after a claim cue (辩称/提出/辩护意见/上诉理由/反映/控告 …) is a CLAIM; a claim answered later by
   不予采纳/不能成立/与事实不符 … or by a denial is REJECTED; answered by 予以采纳/属实 it is a FINDING.
4. Anything else — the author's own narrative, 经查…确…, a procuratorate's 纠正违法 — is a FINDING.

Confidence: 0.85 FINDING (the document states it), 0.55 CLAIM (alleged, not answered), 0.30 REJECTED
(alleged and examined; kept low so a reviewer can still see how it was examined).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .base import Context

CONF_FINDING = 0.85
CONF_CLAIM = 0.55
CONF_REJECTED = 0.30

MASK = "□"
FINDING, CLAIM, REJECTED, DENIAL = "finding", "claim", "rejected", "denial"

_STATUTE = re.compile(
    r"《[^》\n]{0,80}》|规定[：:][^。\n]*|规定[，,]?“[^”\n]*”|"
    r"【(?:相关规定|相关法律规定|法律依据|相关法律法规|要旨|关键词|指导意义)】[\s\S]*?(?=\n\s*【|\Z)"
)
_APPENDIX = re.compile(r"^\s*附[：:]?\s*(?:本判决|本裁定|本案)?[^\n]{0,8}(?:法律条文|法律条款|法律依据|法律规定)", re.M)
# A rule stated, not a fact: a modal before the hit in its clause, unless "应当…而未…" turns it into a breach.
_MODAL = re.compile(r"应当|应予|应该|不得|严禁|禁止|有权|必须|须|可以|要(?!求)(?=[\u4e00-\u9fff]{2})")
_BREACH = re.compile(r"而未|而没有|而不|却未|却没有|却不|但未|但没有|但不|仍未|仍不|未能")
_HYPOTHETICAL_AFTER = re.compile(
    r"^[^。；]{0,60}?的[，,][^。；]{0,40}?(?:应当|应|可以|要|须|必须|一律|人民检察院|检察机关)"
)
_CONDITION = re.compile(r"若|如果|假如|倘若|如若|一旦|假设")
_NEGATOR = re.compile(
    r"不存在|并不存在|未发现|没有发现|未见|没有证据证[明实]|无证据证[明实]|不能证[明实]|无法证[明实]|"
    r"否认|不属于|并非|不是|并无|并没有|排除了|不能成立|没有(?=[^，。；]{0,4}(?:存在|出现))"
)
_CLAIM_CUE = re.compile(
    r"辩称|辩解|辩护意见|辩护人(?:认为|提出|称)|辩护提出|上诉理由|上诉称|上诉提出|诉称|申诉(?:称|提出|认为)?|控告|"
    r"举报|反映|提出(?!公诉|上诉$|[^，。；]{0,4}申请)|主张|质疑|(?:声|自|并|又|还|均|坚|供)称|称(?=其|自己|：|:|，|,|被|在|公安|侦查|办案)|"
    r"(?<!本院)(?<!法院)(?<!检察院)(?<!合议庭)(?<!经审查)(?<!经研究)认为|"
    r"关于[^。；]{0,60}?的(?:辩护)?意见|关于[^。；]{0,60}?的上诉理由|"
    r"(?:要求|请求)(?:依法)?(?:确认|判令)|诉请|诉讼请求"
)
_RESOLUTION = re.compile(
    r"经查|经审查|经核查|经核实|经调查|经法庭调查|本院认为|(?:审查|审理|研究|调查|核实)认为|综上|对此[，,]|"
    r"(?<![未没])(?<!没有)发现|查明"
)
_REJECT = re.compile(
    r"不予采纳|不予支持|不能成立|不予认可|不予确认|理由不足|不足采信|不予采信|本院不予|不成立|与事实不符|"
    r"没有事实(?:和法律)?依据|缺乏事实(?:和法律)?依据|于法无据|依据不足|不符合事实|并无不当|无不当"
)
_ACCEPT = re.compile(r"予以采纳|予以支持|意见成立|理由成立|属实|确有|确实存在|确系|本院予以")
_ANSWER_WINDOW = 5  # sentences after a claim in which an answer still counts
_PARA_LOOKBACK = 300  # characters of the paragraph searched for a claim begun earlier


def mask_statutes(text: str) -> str:
    """`text` with statute wording replaced by □ (same length, offsets hold)."""
    chars = list(text)
    for m in _STATUTE.finditer(text):
        chars[m.start() : m.end()] = MASK * (m.end() - m.start())
    app = _APPENDIX.search(text)
    if app:
        chars[app.start() :] = MASK * (len(text) - app.start())
    return "".join(chars)


@dataclass(frozen=True, slots=True)
class Reading:
    """One indicator hit, read in context."""

    stance: str  # finding | claim | rejected | denial
    kind: str  # the detector's label for what was hit
    start: int  # normalised offsets of the hit
    end: int
    sentence: int  # index into ctx.sentences
    sent_start: int
    sent_end: int


def clause_bounds(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """The clause (between ，；：) around [start, end) inside [lo, hi)."""
    cs = max((text.rfind(p, lo, start) for p in "，,；;：:"), default=-1)
    cs = lo if cs < lo else cs + 1
    ce = min([i for p in "，,；;。" if (i := text.find(p, end, hi)) != -1] or [hi])
    return cs, ce


def is_normative(text: str, s: int, e: int, hs: int, he: int) -> bool:
    """Does the hit sit in a rule or a hypothetical rather than a statement of fact?"""
    cs, _ce = clause_bounds(text, s, e, hs, he)
    before = text[cs:hs]
    modal = None
    for m in _MODAL.finditer(before):
        modal = m
    if modal is not None and not _BREACH.search(text, modal.end(), he):
        return True
    if _CONDITION.search(before):  # "若申请解除冻结的行为存在错误" in its own clause
        return True
    # "…未告知其有权申请法律援助，以…未予受理的，检察机关可以…": a case type, not this case's fact
    return bool(_HYPOTHETICAL_AFTER.search(text[he:e])) or "否则" in text[max(s, hs - 12) : hs]


def is_negated(text: str, s: int, e: int, hs: int, he: int) -> bool:
    """Is the hit denied in its own clause ("不存在未告知…的情形", "并非未告知")?"""
    cs, ce = clause_bounds(text, s, e, hs, he)
    if _NEGATOR.search(text, cs, hs):
        last = list(_NEGATOR.finditer(text, cs, hs))[-1]
        return not re.search(r"辩称|称|提出|认为|但|却", text[last.end() : hs])
    # "…的情形不存在" / "…的说法不能成立" right after the hit
    return bool(
        re.match(
            r"[^，。；]{0,12}?(?:的(?:情形|情况|问题|事实|说法))?(?:不存在|并不存在|不能成立|与事实不符)", text[he:ce]
        )
    )


_AUTHORITY = re.compile(r"检察院|检察机关|检察官|本院|法院|合议庭|审判委员会|检委会")
_PARTY = re.compile(r"辩护人|被告人|上诉人|犯罪嫌疑人|被不起诉人|申诉人|当事人|被害人|律师|近亲属|原告|被告(?!人)")


def _party_cue(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """The last claim cue in [lo, hi) spoken by a party; "检察院…认为" is the authority's own view."""
    # search a little past `hi` so that look-aheads ("提出会见申请" is no claim) see their context
    cues = [m for m in _CLAIM_CUE.finditer(text, lo, min(len(text), hi + 8)) if m.start() < hi]
    for cue in reversed(cues):
        if cue.group(0) != "认为":
            return cue
        window = text[max(lo, cue.start() - 60) : cue.start()]
        authority = [m.end() for m in _AUTHORITY.finditer(window)]
        party = [m.end() for m in _PARTY.finditer(window)]
        if not authority or (party and max(party) > max(authority)):
            return cue
    return None


def _claim_context(masked: str, s: int) -> bool:
    """Is the sentence part of a claim begun earlier in its paragraph ("辩护意见如下：…；2.…")?"""
    lo = max(masked.rfind("\n", 0, s) + 1, s - _PARA_LOOKBACK)
    cue = _party_cue(masked, lo, s)
    return cue is not None and not _RESOLUTION.search(masked, cue.end(), s)


def read_hits(
    ctx: Context, patterns: Iterable[tuple[str, re.Pattern[str]]], *, validate=None, masked: str | None = None
) -> list[Reading]:
    """Every hit of `patterns` ((kind, regex) pairs) in the masked text, read for stance.

    `validate(masked, s, e, hs, he, kind) -> bool` can veto a hit (e.g. a crime fact, not a procedural act).
    Claims are resolved against later answers: REJECTED when rejected or denied, FINDING when accepted.
    """
    text = masked if masked is not None else mask_statutes(ctx.text)
    pats = list(patterns)
    out: list[Reading] = []
    for i, (s, e) in enumerate(ctx.sentences):
        hits: list[tuple[int, int, str]] = []
        for kind, pat in pats:
            for m in pat.finditer(text, s, e):
                if any(m.start() < he and hs < m.end() for hs, he, _k in hits):
                    continue  # overlapping hits of several patterns count once
                if validate is not None and not validate(text, s, e, m.start(), m.end(), kind):
                    continue
                hits.append((m.start(), m.end(), kind))
        for hs, he, kind in sorted(hits):
            if is_normative(text, s, e, hs, he):
                continue
            if is_negated(text, s, e, hs, he):
                out.append(Reading(DENIAL, kind, hs, he, i, s, e))
                continue
            markers = list(_RESOLUTION.finditer(text, s, hs))
            marker = markers[-1] if markers else None  # a claim cue after the last 经查/发现 still makes a claim
            cue = _party_cue(text, marker.end() if marker else s, hs)
            claimed = bool(cue) or (marker is None and _claim_context(text, s))
            if claimed:
                out.append(Reading(CLAIM, kind, hs, he, i, s, e))
            else:
                out.append(Reading(FINDING, kind, hs, he, i, s, e))
    return _resolve_claims(text, ctx.sentences, out)


def _resolve_claims(text: str, sentences: list[tuple[int, int]], readings: list[Reading]) -> list[Reading]:
    resolved: list[Reading] = []
    for r in readings:
        if r.stance != CLAIM:
            resolved.append(r)
            continue
        stance = CLAIM
        # An answer in the claim's own sentence after the hit, or in the next few sentences.
        later = [(r.end, r.sent_end)] + [
            sentences[j] for j in range(r.sentence + 1, min(len(sentences), r.sentence + 1 + _ANSWER_WINDOW))
        ]
        for j, (a, b) in enumerate(later):
            if j > 0 and _CLAIM_CUE.search(text, a, b) and not _RESOLUTION.search(text, a, b):
                break  # the next claim starts: no answer to this one
            denied = any(o.stance == DENIAL and a <= o.start < b for o in readings)
            if _REJECT.search(text, a, b) or denied:
                stance = REJECTED
                break
            if _ACCEPT.search(text, a, b) and (j > 0 or _RESOLUTION.search(text, a, b)):
                stance = FINDING
                break
        resolved.append(Reading(stance, r.kind, r.start, r.end, r.sentence, r.sent_start, r.sent_end))
    return resolved


STANCE_CONFIDENCE = {FINDING: CONF_FINDING, CLAIM: CONF_CLAIM, REJECTED: CONF_REJECTED}
STANCE_ORDER = (FINDING, CLAIM, REJECTED)


def strongest(readings: list[Reading]) -> tuple[str, list[Reading]] | None:
    """The strongest stance present and its readings (denials never count)."""
    for stance in STANCE_ORDER:
        chosen = [r for r in readings if r.stance == stance]
        if chosen:
            return stance, chosen
    return None


_WHO = re.compile(r"辩护人|上诉人|被告人|犯罪嫌疑人|被不起诉人|被害人|证人|近亲属|申诉人|律师")


def claimant(ctx: Context, readings: list[Reading]) -> str:
    """Who makes the claims: the role word nearest before the claim cue of each claim's sentence."""
    found: list[str] = []
    for r in readings:
        cues = list(_CLAIM_CUE.finditer(ctx.text, r.sent_start, r.start))
        if not cues:
            continue
        roles = list(_WHO.finditer(ctx.text, max(r.sent_start, cues[-1].end() - 24), cues[-1].end()))
        if roles and roles[-1].group(0) not in found:
            found.append(roles[-1].group(0))
    return "、".join(found[:3]) if found else "当事人"
