"""Normalisation with an offset map back to the raw text.

Folds full-width ASCII (digits, letters, punctuation) to half-width, ideographic space to space,
drops whitespace between CJK characters (PDF/Word artefacts such as "第一百二十八 条"), collapses other
whitespace runs to one space and CRLF to LF, and optionally converts traditional to simplified.
Every normalised character remembers the raw index it came from, so evidence found in the normalised
text is reported in raw offsets and `raw[start:end]` always covers it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .types import Span

# Full-width punctuation that Chinese legal documents use on purpose stays as is: folding （）、，。：；
# would change the house style the detectors match on. Only digits, Latin letters and a few symbols fold.
_KEEP = set("，。、；：？！（）【】《》“”‘’〔〕…—～·")


def _fold(ch: str) -> str:
    o = ord(ch)
    if ch == "\u3000":
        return " "
    if 0xFF01 <= o <= 0xFF5E and ch not in _KEEP:
        return chr(o - 0xFEE0)
    return ch


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x3000 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional -> simplified, guaranteed length-preserving (per character when phrases change length)."""
    out = _t2s().convert(text)
    if len(out) == len(text):
        return out
    conv = _t2s().convert
    return "".join(c if len(c := conv(ch)) == 1 else ch for ch in text)


def looks_traditional(text: str, *, sample: int = 3000, threshold: float = 0.03) -> bool:
    """True when enough CJK characters change under t2s (simplified text changes almost none)."""
    head = "".join(ch for ch in text[:sample] if "\u4e00" <= ch <= "\u9fff")
    if len(head) < 20:
        return False
    changed = sum(a != b for a, b in zip(head, to_simplified(head), strict=True))
    return changed / len(head) >= threshold


@dataclass(frozen=True, slots=True)
class Normalized:
    raw: str
    text: str
    to_raw: tuple[int, ...]  # to_raw[i] = raw index of text[i]; len(text) entries

    def raw_span(self, start: int, end: int) -> Span:
        """Map a normalised [start, end) to the raw span that covers it."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"bad span {start}:{end} for text of length {len(self.text)}")
        rs, re_ = self.to_raw[start], self.to_raw[end - 1] + 1
        return Span(rs, re_, self.raw[rs:re_])

    def raw_offset(self, i: int) -> int:
        return len(self.raw) if i >= len(self.text) else self.to_raw[i]


def normalize(raw: str, *, simplify: bool = False) -> Normalized:
    src = to_simplified(raw) if simplify else raw
    chars: list[str] = []
    idx: list[int] = []
    n = len(src)
    i = 0
    while i < n:
        ch = src[i]
        if ch == "\r":
            if i + 1 < n and src[i + 1] == "\n":
                i += 1
                continue
            ch = "\n"
        ch = _fold(ch)
        if ch.isspace() and ch != "\n":
            j = i
            while j < n and src[j].isspace() and src[j] not in "\r\n":
                j += 1
            prev = chars[-1] if chars else "\n"
            nxt = src[j] if j < n else "\n"
            # Drop the run at line edges and between CJK characters; keep one space between Latin words.
            if prev != "\n" and nxt not in "\r\n" and not (_is_cjk(prev) or _is_cjk(nxt)):
                chars.append(" ")
                idx.append(i)
            i = j
            continue
        chars.append(ch)
        idx.append(i)
        i += 1
    return Normalized(raw, "".join(chars), tuple(idx))
