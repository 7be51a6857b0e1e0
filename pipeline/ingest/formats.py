"""Which file names ingest reads, as which format, and which it skips silently."""

from __future__ import annotations

from pathlib import PurePath

# suffix -> format name stored on Document.fmt
FORMAT_BY_SUFFIX: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".docx": "docx",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".zip": "zip",
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(FORMAT_BY_SUFFIX)

# Known neighbours of documents that deserve a specific hint instead of the generic list.
_HINTS: dict[str, str] = {
    ".doc": "legacy Word .doc is not read: re-save it as .docx",
    ".wps": "WPS .wps is not read: re-save it as .docx",
    ".rtf": "RTF is not read: re-save it as .docx or .txt",
    ".xls": "spreadsheets are not read: export the sheet as .csv",
    ".xlsx": "spreadsheets are not read: export the sheet as .csv",
}
_SKIPPED_NAMES = frozenset({"__macosx", "thumbs.db", "desktop.ini"})  # compared case-insensitively


def format_of(name: str) -> str | None:
    """The format for a file name, or None when the suffix is not supported."""
    return FORMAT_BY_SUFFIX.get(PurePath(name).suffix.lower())


def unsupported_reason(name: str) -> str:
    suffix = PurePath(name).suffix.lower()
    supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
    found = f"'{suffix}'" if suffix else "a file without extension"
    hint = _HINTS.get(suffix, "convert it to one of these or remove it from the input")
    return f"unsupported file type: expected one of {supported}; found {found}; {hint}"


def is_skipped(parts: tuple[str, ...] | list[str]) -> bool:
    """Hidden files and folders, OS clutter (__MACOSX, Thumbs.db, .DS_Store) and Office lock files (~$x)."""
    return any(part.startswith((".", "~$")) or part.casefold() in _SKIPPED_NAMES for part in parts)
