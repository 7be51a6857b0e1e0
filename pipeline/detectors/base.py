"""Detector interface and registry.

A detector is a small class over a `Context` (normalised text, offsets, doc type, sections, sentences,
spaCy doc, lazily extracted facts). It finds spans in NORMALISED offsets and turns them into `Flag`s whose
evidence is in RAW offsets through `Detector.flag`. Adding a detector = one module here + its test.
"""

from __future__ import annotations

import importlib
import pkgutil
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

from ..normalize import Normalized
from ..taxonomy import CODES
from ..types import Document, Flag, Section, Span

T = TypeVar("T")


@dataclass
class Context:
    document: Document
    norm: Normalized
    doc_type: str = "other"
    sections: list[Section] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # normalised offsets
    nlp: Any = None  # spacy Language; segmentation runs only when a detector asks for `nlp_doc`
    _facts: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def text(self) -> str:
        return self.norm.text

    @property
    def nlp_doc(self) -> Any:
        """spacy.tokens.Doc over the normalised text (None without a pipeline), segmented once on demand."""
        if self.nlp is None:
            return None
        return self.fact("nlp_doc", lambda ctx: ctx.nlp(ctx.text))

    def fact(self, name: str, compute: Callable[[Context], T]) -> T:
        """Memoised fact extraction, so several detectors share one extraction per document."""
        if name not in self._facts:
            self._facts[name] = compute(self)
        return self._facts[name]

    def span(self, start: int, end: int) -> Span:
        return self.norm.raw_span(start, end)

    def section_of(self, pos: int) -> str | None:
        for s in self.sections:
            if s.start <= pos < s.end:
                return s.name
        return None

    def sentence_at(self, pos: int) -> tuple[int, int]:
        for s, e in self.sentences:
            if s <= pos < e:
                return s, e
        return pos, pos


class Detector(ABC):
    """Subclass, set `name`, `version`, `codes`, implement `detect`, decorate with `@register`."""

    name: ClassVar[str]
    version: ClassVar[str]
    codes: ClassVar[tuple[str, ...]]

    @abstractmethod
    def detect(self, ctx: Context) -> Iterable[Flag]: ...

    def flag(
        self,
        ctx: Context,
        code: str,
        spans: Iterable[tuple[int, int]],
        *,
        confidence: float,
        basis: str,
        reason: str,
        severity: str | None = None,
    ) -> Flag:
        c = CODES[code]
        evidence = [ctx.span(s, e) for s, e in sorted(set(spans))]
        return Flag(
            code=code,
            family=c.family,
            severity=severity or c.severity,
            confidence=max(0.0, min(1.0, confidence)),
            evidence=evidence,
            basis=basis,
            reason=reason,
            detector=self.name,
            detector_version=self.version,
        )


REGISTRY: dict[str, type[Detector]] = {}


def register(cls: type[Detector]) -> type[Detector]:
    for code in cls.codes:
        if code not in CODES:
            raise ValueError(f"detector {cls.__name__} declares unknown code {code!r}")
    if cls.name in REGISTRY and REGISTRY[cls.name] is not cls:
        raise ValueError(f"two detectors are named {cls.name!r}")
    REGISTRY[cls.name] = cls
    return cls


def _import_all() -> None:
    from .. import detectors

    for mod in pkgutil.iter_modules(detectors.__path__):
        if mod.name != "base" and not mod.name.startswith("_"):
            importlib.import_module(f"{detectors.__name__}.{mod.name}")


def load_detectors(names: Iterable[str] | None = None) -> list[Detector]:
    """Instantiate registered detectors (all, or those named), in a stable order."""
    _import_all()
    wanted = list(names) if names is not None else sorted(REGISTRY)
    unknown = [n for n in wanted if n not in REGISTRY]
    if unknown:
        raise KeyError(f"unknown detector(s): {', '.join(unknown)}; known: {', '.join(sorted(REGISTRY))}")
    return [REGISTRY[n]() for n in wanted]
