"""missing_element: a required element of the document's type is absent (data in pipeline/law/elements.py).

The text is cut into zones: head (title block), the parties' own paragraphs (each, or all of them
together), opening (everything before
the facts), body and tail (closing block). Each required element is looked for in its zone; conditional
elements (量刑建议 only in 认罪认罚 cases, 被害人申诉告知 only when there is a 被害人 …) are checked only when
their condition holds. A text that stops before its conclusion (no 判决如下 / 提起公诉 …, or ending
mid-sentence) is treated as an excerpt: only the elements of its opening part are checked. Person elements
are checked per party; one flag per missing element names every party it is missing for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..doctypes import NAMES_ZH
from ..law.elements import (
    DATE,
    FACTS_START,
    PARTY_BLOCK,
    PARTY_WORDS,
    REQUIRED,
    TAIL_START,
    TEXT_END,
    Element,
)
from ..types import Flag
from .base import Context, Detector, register

_HEAD_MAX = 300
_OPENING_FALLBACK = 2000
_OPENING_MIN = 300
_TAIL_FALLBACK = 400
_TERMINAL = set("。！？!?”’）)」』")
# A closing block ends with a signature, a date or the seal mark.
_SIGNED_END = re.compile(
    rf"(?:{DATE}|书\s*记\s*员\s*\S{{0,6}}|审\s*判\s*[长员]\s*\S{{0,6}}|检\s*察\s*[官员长]\s*\S{{0,6}}"
    r"|[（(]?\s*院\s*印\s*[）)]?|人民检察院|人民法院)\s*$"
)
# Where the parties' paragraphs stop: the first sentence about the procedure.
_PROCEDURE = re.compile(
    r"(?:人民)?检察院(?:以|于|指控)|公诉机关[^。；]{0,40}(?:指控|以)|提起公诉|移送(?:本院)?审查起诉|(?:侦查|调查)终结"
    r"|本院(?:受理|立案|依法|于\d)|审理(?:了)?(?:本案|此案)|一案[，,]"
)
_DOC_NUMBER = re.compile(r"[〔\[［(（﹝【]\s*(?:19|20)\d{2}\s*[〕\]］)）﹞】][^，。；\n]{0,24}?号")
_SIGNATURE = re.compile(r"检\s*察\s*[官员长]|审\s*判\s*[长员]|书\s*记\s*员|院\s*印")
_TITLE = re.compile(r"判决书|裁定书|起诉书|决定书|抗诉书|建议书|报告")
_LOOKS_LIKE_PARTY = re.compile(r"[，,（(]\s*[男女]\s*[，,）)]|出生|[\u4e00-\u9fff]族[，,]|性别")


@dataclass(frozen=True, slots=True)
class Party:
    marker: tuple[int, int]  # "被告人张某" in normalised offsets
    block: tuple[int, int]  # the party's own paragraph


@dataclass(frozen=True, slots=True)
class Zones:
    head: tuple[int, int]
    opening: tuple[int, int]
    tail: tuple[int, int]
    parties: tuple[Party, ...]
    truncated: bool


@register
class MissingElement(Detector):
    name = "missing_element"
    version = "1"
    codes = ("missing_element",)

    def detect(self, ctx: Context) -> Iterable[Flag]:
        elements = REQUIRED.get(ctx.doc_type)
        text = ctx.text
        if not elements or not text.strip():
            return
        zones = compute_zones(text, ctx.doc_type)
        doc_name = NAMES_ZH.get(ctx.doc_type, ctx.doc_type)
        party_block = PARTY_BLOCK.get(ctx.doc_type)
        if party_block is not None and not zones.parties:
            yield self._flag(ctx, party_block, [_point(text, zones, party_block)], doc_name)
        for el in elements:
            if not _required(el, text, zones) or (el.zone == "parties" and not zones.parties):
                continue
            if el.zone == "person":
                missing = [p for p in zones.parties if not _found(el, text, p.block)]
                if missing:
                    yield self._flag(ctx, el, [p.marker for p in missing], doc_name, parties=missing)
            elif not _found(el, text, _zone(el.zone, text, zones)):
                yield self._flag(ctx, el, [_point(text, zones, el)], doc_name)

    def _flag(
        self,
        ctx: Context,
        el: Element,
        spans: list[tuple[int, int]],
        doc_name: str,
        parties: list[Party] | None = None,
    ) -> Flag:
        if parties:
            who = "、".join(ctx.text[p.marker[0] : p.marker[1]] for p in parties)
            reason = f"{doc_name}中{who}的基本情况未写明{el.name}。"
        else:
            cond = f"（{el.condition}应当载明）" if el.condition else ""
            reason = f"{doc_name}缺少必备要素：{el.name}{cond}。"
        return self.flag(ctx, "missing_element", spans, confidence=el.confidence, basis=el.basis, reason=reason)


def compute_zones(text: str, doc_type: str) -> Zones:
    n = len(text)
    facts = next((f for p in FACTS_START.get(doc_type, ()) if (f := _first(p, text, 0)) is not None), None)
    opening_end = facts if facts is not None else min(n, _OPENING_FALLBACK)
    parties = tuple(_parties(text, doc_type, opening_end))
    head_end = min(n, _HEAD_MAX, opening_end, parties[0].marker[0] if parties else n)
    # The title block ends with the document's own number: the first one after the document's name.
    title = _TITLE.search(text, 0, head_end)
    number = _DOC_NUMBER.search(text, title.end() if title else 0, head_end)
    if number:
        head_end = number.end()
    # Some texts open the facts with a heading right after the title ("公诉机关指控意见："): the case's
    # origin (提起公诉, 起诉书文号) still belongs to the opening, so it reaches at least this far.
    opening_end = max(opening_end, min(n, head_end + _OPENING_MIN))
    end_match = _first(TEXT_END.get(doc_type), text, 0)
    tail_from = _first(TAIL_START.get(doc_type), text, max(opening_end, end_match or 0))
    if tail_from is None and doc_type not in TAIL_START:
        # No closing words of its own: the signature block is whatever follows the last sentence.
        tail_from = text.rstrip().rfind("。") + 1 or None
    tail_start = tail_from if tail_from is not None else max(0, n - _TAIL_FALLBACK)
    return Zones((0, head_end), (0, opening_end), (tail_start, n), parties, is_truncated(text, doc_type))


def is_truncated(text: str, doc_type: str) -> bool:
    """A text that ends mid-sentence, or never reaches the conclusion its type must have, is an excerpt."""
    end = text.rstrip()
    if not end:
        return True
    if _SIGNED_END.search(end[-40:]):
        return False
    if end[-1] not in _TERMINAL:
        return True
    end_re = TEXT_END.get(doc_type)
    conclusions = list(re.finditer(end_re, text)) if end_re else []
    if end_re and not conclusions:
        return True
    # A quoted earlier decision (二审 quoting the 一审 判决如下) is not this text's conclusion: where the type
    # has a closing block, its start or a signature must follow the last conclusion.
    tail_re = TAIL_START.get(doc_type)
    if not tail_re or not conclusions:
        return False
    after = text[conclusions[-1].end() :]
    return not (re.search(tail_re, after) or _SIGNATURE.search(after))


def _parties(text: str, doc_type: str, opening_end: int) -> Iterator[Party]:
    words = PARTY_WORDS.get(doc_type)
    if not words:
        return
    alt = "|".join(re.escape(w) for w in words)
    # "被告人暨附带民事公益诉讼被告：陈某，男" — a combined role and a colon may stand before the name
    marker = re.compile(
        rf"(?:^|(?<=[。；;\n\s：:]))(?:{alt})(?:暨[^，,。；;：:\s]{{1,16}})?[：:]?[^，,。；;：:（(\s]{{1,12}}?(?=[，,（(])"
    )
    found = list(marker.finditer(text, 0, opening_end))
    if not found:
        return
    proc = _PROCEDURE.search(text, found[0].end(), opening_end)
    stop = opening_end
    if proc:
        sentence = max(text.rfind(ch, found[0].end(), proc.start()) for ch in "。；\n")
        stop = sentence + 1 if sentence >= 0 else proc.start()
    found = [m for m in found if m.start() < stop]
    for i, m in enumerate(found):
        block_end = found[i + 1].start() if i + 1 < len(found) else stop
        if _LOOKS_LIKE_PARTY.search(text, m.end(), min(block_end, m.end() + 120)):
            yield Party((m.start(), m.end()), (m.start(), block_end))


# The decision part: a prior conviction in a party paragraph ("曾…被判处有期徒刑八个月") is not this sentence.
_DECISION = re.compile(r"[判裁]\s*[决定]\s*如\s*下")


def _when_scope(el: Element, text: str, zones: Zones) -> str:
    if el.when_scope == "head":
        return text[zones.head[0] : zones.head[1]]
    if el.when_scope == "decision":
        decisions = list(_DECISION.finditer(text))  # the last one is this text's own (二审 quote 一审's)
        return text[decisions[-1].end() :] if decisions else text
    return text


def _required(el: Element, text: str, zones: Zones) -> bool:
    scope = _when_scope(el, text, zones)
    if el.when and not re.search(el.when, scope):
        return False
    if el.unless and re.search(el.unless, text):
        return False
    return not (zones.truncated and el.zone in ("body", "tail"))


def _zone(name: str, text: str, zones: Zones) -> tuple[int, int]:
    if name == "head":
        return zones.head
    if name == "parties":
        return zones.parties[0].block[0], zones.parties[-1].block[1]
    if name == "opening":
        return zones.opening
    if name == "tail":
        return zones.tail
    return 0, len(text)


def _found(el: Element, text: str, zone: tuple[int, int]) -> bool:
    start, end = zone
    return any(re.compile(p).search(text, start, end) for p in el.patterns)


def _first(pattern: str | None, text: str, pos: int) -> int | None:
    if not pattern:
        return None
    m = re.compile(pattern).search(text, pos)
    return m.start() if m else None


def _point(text: str, zones: Zones, el: Element) -> tuple[int, int]:
    """A short span where the element should have been: its anchor, or the start or end of the document."""
    if el.near:
        m = re.search(el.near, text)
        if m:
            return m.start(), m.end()
    if el.zone == "tail":
        end = len(text.rstrip())
        return _line_span(text, max(0, end - 20), end)
    if el.zone == "opening" and zones.head[1] > 0:
        # The opening follows the title block: point at its last words (usually the document number).
        end = zones.head[1]
        return _line_span(text, max(0, end - 20), end)
    first_line_end = text.find("\n")
    end = first_line_end if 0 < first_line_end <= 30 else min(len(text), 30)
    return _line_span(text, 0, end)


def _line_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return 0, max(1, min(len(text), 1))
    return start, end
