"""Plain-text documents (.txt, .text, .md): bytes of unknown encoding to text."""

from __future__ import annotations

from pipeline.ingest.encoding import decode_bytes


def read_text(data: bytes) -> tuple[str, str]:
    """(text, encoding). The text is returned exactly as decoded; Markdown markup is kept."""
    return decode_bytes(data)
