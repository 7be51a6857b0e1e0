"""Ingest: files, folders and archives to Documents (raw decoded text, never normalised).

Every input ends as a Document or an InputError with its reason; one bad input never stops the rest.

    for item in iter_inputs(["cases/", "export.jsonl"]):
        if isinstance(item, InputError): ...
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from pipeline.errors import IngestFailure
from pipeline.ingest import archive, records
from pipeline.ingest.docx import read_docx
from pipeline.ingest.encoding import decode_bytes, detect_encoding
from pipeline.ingest.formats import SUPPORTED_SUFFIXES, format_of, is_skipped, unsupported_reason
from pipeline.ingest.html import read_html
from pipeline.ingest.limits import ReadOptions, check_chars, read_bounded
from pipeline.ingest.pdf import read_pdf
from pipeline.ingest.records import TEXT_COLUMNS, pick_text_column
from pipeline.ingest.text import read_text
from pipeline.types import Document, InputError, make_doc_id

__all__ = [
    "SUPPORTED_SUFFIXES",
    "TEXT_COLUMNS",
    "ReadOptions",
    "decode_bytes",
    "detect_encoding",
    "discover",
    "iter_inputs",
    "pick_text_column",
    "read_bytes",
]

# Single-document formats: bytes -> (text, encoding or None).
_SINGLE: dict[str, Callable[[bytes], tuple[str, str | None]]] = {
    "txt": read_text,
    "md": read_text,
    "html": read_html,
    "docx": lambda data: (read_docx(data), None),
    "pdf": lambda data: (read_pdf(data), None),
}
_RECORDS = {"json": records.iter_json, "jsonl": records.iter_jsonl, "csv": records.iter_csv, "parquet": records.iter_parquet}


def _walk(paths: Iterable[str | Path] | str | Path) -> Iterator[Path | InputError]:
    """Files in deterministic order (folders recursively, sorted), each at most once; unusable paths as errors."""
    if isinstance(paths, str | Path):
        paths = [paths]  # one path, not an iterable of characters
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = _folder_files(path)
        elif path.exists() or path.is_symlink():
            found = [path]
        else:
            yield InputError(str(path), "expected a file or folder, found nothing at this path; check it")
            continue
        for item in found:
            if isinstance(item, Path):
                key = item.resolve()
                if key in seen:
                    continue
                seen.add(key)
            yield item


def _folder_files(root: Path) -> list[Path | InputError]:
    errors: list[InputError] = []

    def on_error(exc: OSError) -> None:
        errors.append(
            InputError(str(exc.filename or root), f"expected a readable folder, found: {exc.strerror or exc}")
        )

    files: list[Path] = []
    for folder, dirnames, filenames in os.walk(root, onerror=on_error):
        dirnames[:] = sorted(d for d in dirnames if not is_skipped((d,)))
        files.extend(Path(folder, name) for name in filenames if not is_skipped((name,)))
    files.sort(key=lambda p: p.relative_to(root).parts)
    return [*files, *errors]


def discover(paths: Iterable[str | Path] | str | Path) -> list[Path]:
    """The files iter_inputs visits, in its order (unsupported ones included: each yields an InputError).

    Missing paths and unreadable folders are not listed (iter_inputs reports them as InputErrors).
    """
    return [item for item in _walk(paths) if isinstance(item, Path)]


def iter_inputs(
    paths: Iterable[str | Path] | str | Path,
    *,
    text_column: str | None = None,
    max_chars: int = 20_000_000,
    max_member_bytes: int | None = None,
    max_archive_bytes: int | None = None,
) -> Iterator[Document | InputError]:
    """Documents from files and folders (recursively); every input ends as a Document or an InputError.

    text_column: the text column of .jsonl/.csv/.parquet (default: auto-detect, see TEXT_COLUMNS).
    max_chars: a longer document is an InputError ("too large"), never truncated.
    max_member_bytes / max_archive_bytes: zip-bomb caps (uncompressed bytes per member / per archive).
    """
    defaults = ReadOptions()
    opts = ReadOptions(
        text_column=text_column,
        max_chars=max_chars,
        max_member_bytes=defaults.max_member_bytes if max_member_bytes is None else max_member_bytes,
        max_archive_bytes=defaults.max_archive_bytes if max_archive_bytes is None else max_archive_bytes,
    )
    for item in _walk(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from _read_path(item, opts)


def _read_path(path: Path, opts: ReadOptions) -> Iterator[Document | InputError]:
    source = str(path)
    if format_of(path.name) is None:
        yield InputError(source, unsupported_reason(path.name))
        return
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield InputError(source, f"expected a readable file, found: {exc.strerror or exc}; check permissions")
        return
    with stream:
        yield from _read_stream(stream, path.name, source, opts)


def read_bytes(
    data: bytes, name: str, *, source: str | None = None, opts: ReadOptions | None = None
) -> Iterator[Document | InputError]:
    """Read an in-memory file (an upload, a blob) as if it were a file called `name`."""
    yield from _read_stream(io.BytesIO(data), name, source or name, opts or ReadOptions())


def _read_stream(stream: BinaryIO, name: str, source: str, opts: ReadOptions) -> Iterator[Document | InputError]:
    fmt = format_of(name)
    if fmt is None:
        yield InputError(source, unsupported_reason(name))
        return
    try:
        if fmt in _SINGLE:
            yield _single_document(read_bounded(stream, opts.max_file_bytes), fmt, source, opts)
            return
        if fmt == "zip":
            items = archive.iter_zip(stream, source, opts, _member_reader(opts))
        else:
            items = _RECORDS[fmt](stream, source, opts)
        empty = True
        for item in items:
            empty = False
            yield item
        if empty:  # an empty archive or export must not vanish without a trace
            what = "members (only folders or skipped files)" if fmt == "zip" else "rows"
            yield InputError(source, f"expected documents in this {fmt} file, found no {what}")
    except IngestFailure as exc:
        yield InputError(source, str(exc))
    except OSError as exc:
        yield InputError(source, f"expected a readable file, found a read error: {exc.strerror or exc}")


def _member_reader(opts: ReadOptions) -> archive.MemberReader:
    def read_member(data: bytes, name: str, source: str) -> Iterator[Document | InputError]:
        return _read_stream(io.BytesIO(data), name, source, opts)

    return read_member


def _single_document(data: bytes, fmt: str, source: str, opts: ReadOptions) -> Document:
    text, encoding = _SINGLE[fmt](data)
    if not text.strip():
        raise IngestFailure(f"expected document text, found none in this {fmt} file; check its content")
    check_chars(text, opts.max_chars)
    return Document(make_doc_id(text), source, text, {}, encoding, fmt)
