"""Plain data passed along the pipeline. Offsets in a `Span` are always into the RAW text."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of evidence: `raw[start:end] == text`."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Document:
    """One input document as read from disk, before any normalisation."""

    doc_id: str
    source: str  # path, or path#row / archive!member for container formats
    raw: str
    meta: dict[str, Any] = field(default_factory=dict)
    encoding: str | None = None
    fmt: str = "txt"


def make_doc_id(raw: str) -> str:
    """Stable id from content only: the same text is the same document wherever it comes from."""
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:24]


@dataclass(frozen=True, slots=True)
class InputError:
    """An input that could not become a document; it is recorded, never dropped."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Section:
    """A part of a document, in NORMALISED offsets (首部/当事人/诉讼经过/事实/证据/理由/尾部 …)."""

    name: str
    start: int
    end: int


@dataclass(slots=True)
class Flag:
    code: str
    family: str
    severity: str
    confidence: float
    evidence: list[Span]
    basis: str  # the statute quoted, e.g. 《刑事诉讼法》第五十六条 …
    reason: str  # plain-language explanation
    detector: str
    detector_version: str

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["confidence"] = round(self.confidence, 4)
        return d


@dataclass(slots=True)
class ScreeningResult:
    document: Document
    doc_type: str
    grade: str  # pass | defective | unqualified_risk
    flags: list[Flag]
    pipeline_version: str

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "doc_id": self.document.doc_id,
            "source": self.document.source,
            "doc_type": self.doc_type,
            "grade": self.grade,
            "flags": [f.to_dict() for f in self.flags],
        }
        if include_text:
            d["text"] = self.document.raw
        return d
