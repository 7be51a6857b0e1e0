"""Build the per-document `Context` that detectors read: normalise, structure, sentences, segment."""

from __future__ import annotations

from typing import Any

from .detectors.base import Context
from .normalize import looks_traditional, normalize
from .sentences import sentence_spans
from .structure import detect_doc_type, split_sections
from .types import Document, make_doc_id


def build_context(document: Document, *, nlp: Any = None, simplify: bool | None = None) -> Context:
    """`simplify=None` converts traditional to simplified when the text looks traditional."""
    if simplify is None:
        simplify = looks_traditional(document.raw)
    norm = normalize(document.raw, simplify=simplify)
    doc_type = detect_doc_type(norm.text)
    return Context(
        document=document,
        norm=norm,
        doc_type=doc_type,
        sections=split_sections(norm.text, doc_type),
        sentences=sentence_spans(norm.text),
        nlp=nlp,
    )


def context_from_text(
    raw: str, *, source: str = "<text>", nlp: Any = None, simplify: bool | None = None
) -> Context:
    """Convenience for tests and `pingcha check -`: a context straight from a string."""
    return build_context(Document(make_doc_id(raw), source, raw), nlp=nlp, simplify=simplify)
