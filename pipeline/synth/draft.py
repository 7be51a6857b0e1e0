"""A document being written, with named anchors: every piece of text that a defect may later point at is
added under a key, so gold spans are offsets into the final text by construction, not found by searching.

    d = Draft()
    d.fill("于{@date}被{police}刑事拘留", date=("2019年3月1日", "detained:0"), police="某县公安局")
    d.spans("detained:0")  -> [(1, 10)]

Edits after writing (`replace`) shift every anchor behind the edit, so a typo injected into a finished text
keeps all other gold spans right.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

_FIELD = re.compile(r"\{(@?)(\w+)\}")
Value = str | tuple[str, str] | tuple[str, str, ...]


@dataclass
class Draft:
    parts: list[str] = field(default_factory=list)
    anchors: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    length: int = 0
    _text: str | None = None

    # ---------------------------------------------------------------- writing

    def add(self, text: str, key: str | None = None) -> tuple[int, int]:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        self._text = None
        if key:
            self.anchors.setdefault(key, []).append((start, self.length))
        return start, self.length

    def fill(self, template: str, **values: Value) -> tuple[int, int]:
        """Write `template`, replacing {name} by values[name]; a value given as (text, key) is anchored under
        key (a `{@name}` field must be given that way). Returns the span of the whole filled template."""
        start = self.length
        pos = 0
        for m in _FIELD.finditer(template):
            if m.start() > pos:
                self.add(template[pos : m.start()])
            value = values[m.group(2)]
            if isinstance(value, tuple):
                text, *keys = value
                s, e = self.add(text)
                for k in keys:
                    if k:
                        self.anchors.setdefault(k, []).append((s, e))
            else:
                if m.group(1):
                    raise ValueError(f"field {m.group(2)!r} needs an anchor key")
                self.add(value)
            pos = m.end()
        if pos < len(template):
            self.add(template[pos:])
        return start, self.length

    def mark(self, key: str, span: tuple[int, int]) -> None:
        self.anchors.setdefault(key, []).append(span)

    # ---------------------------------------------------------------- reading

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "".join(self.parts)
            self.parts = [self._text]
        return self._text

    def spans(self, key: str) -> list[tuple[int, int]]:
        return list(self.anchors.get(key, []))

    def has(self, key: str) -> bool:
        return bool(self.anchors.get(key))

    def keys(self, prefix: str) -> list[str]:
        return [k for k in self.anchors if k.startswith(prefix)]

    # ---------------------------------------------------------------- editing

    def replace(self, start: int, end: int, new: str) -> None:
        """Replace text[start:end] by `new`; anchors after the edit move, anchors around it stretch, and an
        anchor that lay inside the replaced text now covers the new text."""
        text = self.text
        delta = len(new) - (end - start)
        self._text = text[:start] + new + text[end:]
        self.parts = [self._text]
        self.length = len(self._text)
        for k, spans in self.anchors.items():
            moved = []
            for s, e in spans:
                if s >= end and not (s == end == start):
                    s, e = s + delta, e + delta
                elif e <= start:
                    pass
                elif s <= start and e >= end:
                    e += delta
                else:  # overlaps the edit partly: cover the new text
                    s, e = min(s, start), max(start + len(new), e + delta if e > end else start + len(new))
                moved.append((s, e))
            self.anchors[k] = moved

    def remove_anchors(self, keys: Iterable[str]) -> None:
        for k in keys:
            self.anchors.pop(k, None)
