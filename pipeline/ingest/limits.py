"""Size limits shared by the readers: a huge or hostile input becomes an error, never a crash."""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO

from pipeline.errors import IngestFailure

MiB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ReadOptions:
    text_column: str | None = None  # records: the column holding the document text; None = auto-detect
    max_chars: int = 20_000_000  # one document's text
    max_member_bytes: int = 256 * MiB  # one archive member, uncompressed
    max_archive_bytes: int = 2048 * MiB  # all members of one archive (nested ones included), uncompressed
    max_archive_depth: int = 3  # zip inside zip inside zip

    @property
    def max_file_bytes(self) -> int:
        """Cap on a single-document file; .docx/.pdf/.html carry images and markup besides the text."""
        return 10 * self.max_chars


def too_large(found: str, limit: str, what_to_do: str) -> IngestFailure:
    return IngestFailure(f"too large: expected at most {limit}, found {found}; {what_to_do}")


def check_chars(text: str, max_chars: int) -> str:
    """Refuse (rather than truncate) a document longer than max_chars."""
    if len(text) > max_chars:
        raise too_large(
            f"{len(text):,} characters",
            f"{max_chars:,} characters per document",
            "split the document or raise max_chars",
        )
    return text


def read_bounded(stream: BinaryIO, limit: int) -> bytes:
    """Read a whole stream, refusing streams longer than `limit` bytes without reading past it."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise too_large(f"more than {limit:,} bytes", f"{limit:,} bytes", "split the file or raise max_chars")
    return data
