"""The Context a detector test runs on: the raw text normalised and split into sentences, with the
document type pinned (no doc-type detection, no sections: each test states what the detector sees)."""

from __future__ import annotations

from pipeline.detectors.base import Context
from pipeline.normalize import normalize
from pipeline.sentences import sentence_spans
from pipeline.types import Document, make_doc_id


def make_context(raw: str, doc_type: str = "judgment", meta: dict | None = None) -> Context:
    norm = normalize(raw)
    doc = Document(make_doc_id(raw), "<test>", raw, meta=meta or {})
    return Context(document=doc, norm=norm, doc_type=doc_type, sentences=sentence_spans(norm.text))
