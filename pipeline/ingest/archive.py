"""ZIP archives, read recursively (zip in zip) with zip-bomb guards.

Every member ends as documents or an InputError "archive.zip!member/path"; a bad member never stops
the others. Uncompressed sizes are enforced while reading, not trusted from the (forgeable) header.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import BinaryIO

from pipeline.ingest.formats import format_of, is_skipped, unsupported_reason
from pipeline.ingest.limits import MiB, ReadOptions
from pipeline.types import Document, InputError

# Reads one non-archive member: (member bytes, member name, source) -> results.
MemberReader = Callable[[bytes, str, str], Iterator[Document | InputError]]

_CHUNK = MiB
_UTF8_NAMES = 0x800  # general-purpose flag bit 11: file names are UTF-8
_ENCRYPTED = 0x1


@dataclass(slots=True)
class _Budget:
    """Uncompressed bytes left for one top-level archive, shared with the archives nested in it."""

    left: int


class _TooLarge(Exception):
    pass


def _member_name(info: zipfile.ZipInfo) -> str:
    """Member names without the UTF-8 flag are usually GBK (Chinese Windows); zipfile read them as cp437."""
    if info.flag_bits & _UTF8_NAMES:
        return info.filename
    raw = info.filename.encode("cp437", errors="replace")
    for codec in ("utf-8", "gb18030"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return info.filename


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            size += len(chunk)
            if size > limit:
                raise _TooLarge
            chunks.append(chunk)
    return b"".join(chunks)


def iter_zip(
    stream: BinaryIO, source: str, opts: ReadOptions, read_member: MemberReader
) -> Iterator[Document | InputError]:
    """Members in name order; hidden files, __MACOSX and folders are skipped; nested zips recurse."""
    yield from _iter_zip(stream, source, opts, read_member, 1, _Budget(opts.max_archive_bytes))


def _iter_zip(
    stream: BinaryIO, source: str, opts: ReadOptions, read_member: MemberReader, depth: int, budget: _Budget
) -> Iterator[Document | InputError]:
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        yield InputError(source, f"expected a ZIP archive, found a file that cannot be opened as one ({exc})")
        return
    with archive:
        members = [(_member_name(i), i) for i in archive.infolist() if not i.is_dir()]
        members.sort(key=lambda m: m[0])
        for position, (name, info) in enumerate(members):
            if is_skipped(PurePosixPath(name).parts):
                continue
            member_source = f"{source}!{name}"
            if budget.left <= 0:
                yield InputError(
                    source,
                    f"too large: expected at most {opts.max_archive_bytes:,} uncompressed bytes per archive, "
                    f"found more; {len(members) - position} member(s) from {name!r} on were not read: "
                    "split the archive (or it is a zip bomb)",
                )
                return
            yield from _member(archive, info, name, member_source, opts, read_member, depth, budget)


def _member(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    name: str,
    source: str,
    opts: ReadOptions,
    read_member: MemberReader,
    depth: int,
    budget: _Budget,
) -> Iterator[Document | InputError]:
    fmt = format_of(name)
    if fmt is None:
        yield InputError(source, unsupported_reason(name))
        return
    if info.flag_bits & _ENCRYPTED:
        yield InputError(source, "expected an unencrypted member, found an encrypted one; unpack it first")
        return
    if fmt == "zip" and depth >= opts.max_archive_depth:
        yield InputError(
            source,
            f"expected archives nested at most {opts.max_archive_depth} deep, found deeper; unpack it first",
        )
        return
    if info.file_size > opts.max_member_bytes:
        yield InputError(source, _too_large_member(info.file_size, opts))
        return
    if info.file_size > budget.left:
        budget.left = 0  # the total cap covers the whole top-level archive: stop the outer ones too
        yield InputError(source, _too_large_member(info.file_size, opts))
        return
    limit = min(opts.max_member_bytes, budget.left)
    try:
        data = _read_member(archive, info, limit)
    except _TooLarge:
        if limit < opts.max_member_bytes:  # the archive's budget ran out: nothing after this is read
            budget.left = 0
        yield InputError(source, _too_large_member(None, opts))
        return
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        yield InputError(source, f"expected a readable archive member, found a damaged one ({exc})")
        return
    budget.left -= len(data)
    if fmt == "zip":
        yield from _iter_zip(io.BytesIO(data), source, opts, read_member, depth + 1, budget)
    else:
        yield from read_member(data, name, source)


def _too_large_member(size: int | None, opts: ReadOptions) -> str:
    found = f"{size:,} bytes" if size is not None else "more than that when decompressed"
    return (
        f"too large: expected an archive member of at most {opts.max_member_bytes:,} uncompressed bytes "
        f"and within the archive's total of {opts.max_archive_bytes:,}, found {found}; unpack and split it"
    )
