"""Rule-based sentence boundaries for Chinese legal text (normalised offsets).

A sentence ends at 。！？!? or ；/; (clauses of legal reasoning are long and often joined by ；) or at a
line break; a closing quote or bracket right after the end mark stays with the sentence.
"""

from __future__ import annotations

import re

_END = re.compile(r"[。！？!?；;]+[”’」』）)]*|\n+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        _append(spans, text, start, end)
        start = end
    _append(spans, text, start, len(text))
    return spans


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
