"""PDF: the text layer, page by page (no OCR: a scanned PDF is reported, not guessed at)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from pipeline.errors import IngestFailure

if TYPE_CHECKING:
    from pypdf import PdfReader


def _open(data: bytes) -> PdfReader:
    import pypdf
    from pypdf.errors import DependencyError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
    except Exception as exc:  # malformed PDFs surface as many exception types
        raise IngestFailure(
            f"expected a PDF document, found a file pypdf cannot parse ({type(exc).__name__}: {exc}); "
            "it is damaged or truncated: re-export it as PDF"
        ) from exc
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")  # many PDFs are encrypted with an empty user password
        except DependencyError as exc:
            raise IngestFailure(
                "expected a readable PDF, found one encrypted with AES; reading it needs the "
                "'cryptography' package (pip install cryptography) or an unencrypted copy"
            ) from exc
        except Exception as exc:
            raise IngestFailure(
                f"expected a readable PDF, found an encrypted one pypdf cannot decrypt ({exc}); "
                "supply an unencrypted copy"
            ) from exc
        if not opened:
            raise IngestFailure(
                "expected a readable PDF, found a password-protected one; remove the password and retry"
            )
    return reader


def read_pdf(data: bytes) -> str:
    """The text layer of all pages, pages separated by a line break."""
    reader = _open(data)
    pages: list[str] = []
    try:
        for page in reader.pages:
            pages.append(page.extract_text() or "")
    except Exception as exc:
        raise IngestFailure(
            f"expected a PDF with a readable text layer, found an error on page {len(pages) + 1} "
            f"({type(exc).__name__}: {exc}); re-export the PDF"
        ) from exc
    text = "\n".join(pages)
    if not text.strip():
        raise IngestFailure(
            f"expected a PDF with a text layer, found {len(pages)} page(s) without extractable text; "
            "it looks scanned (images only): run OCR on it (e.g. ocrmypdf -l chi_sim) and ingest the result"
        )
    return text
