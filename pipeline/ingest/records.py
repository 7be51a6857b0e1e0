"""Record exports (.jsonl/.ndjson, .csv, .parquet): one document per row.

The text column is given or auto-detected from common names; other scalar columns go to Document.meta.
A bad row becomes an InputError for "file#row" and the rest of the file goes on. Rows are numbered from
1: JSONL by physical line, CSV by data record after the header (blank lines not counted), Parquet by row.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, BinaryIO

from pipeline.errors import IngestFailure
from pipeline.ingest.encoding import detect_encoding
from pipeline.ingest.limits import MiB, ReadOptions, check_chars
from pipeline.types import Document, InputError, make_doc_id

# Searched in this order, exact name first, then ignoring case and surrounding spaces.
TEXT_COLUMNS: tuple[str, ...] = (
    "text", "content", "fulltext", "full_text", "fact", "query", "body", "正文", "内容", "文书内容",
)  # fmt: skip

_SAMPLE_BYTES = 256 * 1024  # head of the file used to detect its encoding
# Byte-line splitting is safe for these: no multi-byte character contains the byte 0x0A.
_ASCII_COMPATIBLE = frozenset({"utf-8", "utf-8-sig", "gb18030", "big5", "cp950", "big5hkscs"})
_SCALARS = (str, int, float, bool, type(None))


def pick_text_column(columns: Iterable[str], explicit: str | None = None) -> str | None:
    """The column holding the document text: `explicit` if present, else the first of TEXT_COLUMNS."""
    names = list(columns)
    wanted = (explicit,) if explicit else TEXT_COLUMNS
    for want in wanted:
        if want in names:
            return want
    for want in wanted:
        folded = want.casefold()
        for name in names:
            if name.strip().casefold() == folded:
                return name
    return None


def _no_text_column(found: Iterable[str], explicit: str | None) -> str:
    columns = ", ".join(repr(c) for c in found) or "none"
    if explicit:
        return f"expected a text column {explicit!r} (text_column), found columns {columns}; check its name"
    return (
        f"expected a text column named one of {', '.join(TEXT_COLUMNS)}; found columns {columns}; "
        "name the text column with text_column"
    )


def _meta_value(value: Any) -> tuple[bool, Any]:
    """(keep, value) for Document.meta: scalars only, dates as ISO strings, decimals as strings."""
    if isinstance(value, _SCALARS):
        return True, value
    if isinstance(value, dt.date | dt.time):
        return True, value.isoformat()
    if isinstance(value, decimal.Decimal):
        return True, str(value)
    return False, None


def _row_document(
    record: Mapping[str, Any], column: str, source: str, fmt: str, encoding: str | None, max_chars: int
) -> Document | InputError:
    text = record.get(column)
    if text is None:
        return InputError(source, f"expected text in column {column!r}, found it missing or null")
    if not isinstance(text, str):
        return InputError(source, f"expected text (a string) in column {column!r}, found {type(text).__name__}")
    if not text.strip():
        return InputError(source, f"expected text in column {column!r}, found it empty")
    try:
        check_chars(text, max_chars)
    except IngestFailure as exc:
        return InputError(source, str(exc))
    meta: dict[str, Any] = {}
    for key, value in record.items():
        keep, value = _meta_value(value)
        if key != column and keep:
            meta[key] = value
    return Document(make_doc_id(text), source, text, meta, encoding, fmt)


def _sniff_encoding(stream: BinaryIO) -> str | None:
    """Encoding of the whole stream judged from its head; None for an empty stream. Rewinds the stream."""
    sample = stream.read(_SAMPLE_BYTES)
    stream.seek(0)
    return detect_encoding(sample) if sample.strip() else None


def _text_lines(stream: BinaryIO, encoding: str, max_line_bytes: int) -> Iterator[tuple[int, str, str | None]]:
    """(line number, text, problem): problem says why a line could not be read (then text is "")."""
    if encoding not in _ASCII_COMPATIBLE:  # UTF-16/32: decode as a whole, line by line
        wrapper = io.TextIOWrapper(stream, encoding=encoding, newline="")
        lineno = 0
        try:
            for lineno, line in enumerate(wrapper, start=1):
                yield lineno, line, None
        except UnicodeDecodeError:  # the decoder cannot resynchronise: the rest is lost, and reported
            yield (
                lineno + 1,
                "",
                f"expected {encoding} text, found undecodable bytes; this line and the rest were not read",
            )
        finally:
            wrapper.detach()
        return
    lineno = 0
    while line := stream.readline(max_line_bytes):
        lineno += 1
        if not line.endswith(b"\n") and len(line) == max_line_bytes:
            while not line.endswith(b"\n") and len(line) == max_line_bytes:
                line = stream.readline(max_line_bytes)  # skip the rest of the oversized line
            yield lineno, "", f"too large: expected a line of at most {max_line_bytes:,} bytes, found more"
            continue
        try:
            text = line.decode(encoding)
        except UnicodeDecodeError:
            yield lineno, "", f"expected {encoding} text (detected from the file's start), found undecodable bytes"
            continue
        yield lineno, text, None


def iter_jsonl(stream: BinaryIO, source: str, opts: ReadOptions) -> Iterator[Document | InputError]:
    """One JSON object per line. Blank lines are skipped; line numbers stay physical."""
    encoding = _sniff_encoding(stream)
    if encoding is None:
        yield InputError(source, "expected JSON lines, found an empty file; remove it or supply rows")
        return
    column = opts.text_column
    detected = column is not None
    max_line_bytes = 6 * opts.max_chars + MiB  # \uXXXX escapes take 6 bytes per character
    for lineno, line, problem in _text_lines(stream, encoding, max_line_bytes):
        row_source = f"{source}#{lineno}"
        if problem:
            yield InputError(row_source, f"{problem}; fix or remove the line")
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as exc:  # JSONDecodeError, or nesting too deep to parse
            where = f" ({exc.msg} at column {exc.colno})" if isinstance(exc, json.JSONDecodeError) else ""
            yield InputError(row_source, f"expected a JSON object, found invalid JSON{where}; fix or remove the line")
            continue
        if not isinstance(record, dict):
            yield InputError(row_source, f"expected a JSON object, found a JSON {type(record).__name__}; fix the line")
            continue
        if not detected:
            column = pick_text_column(record)
            if column is None:
                yield InputError(row_source, _no_text_column(record, None))
                continue
            detected = True
        assert column is not None
        yield _row_document(record, column, row_source, "jsonl", encoding, opts.max_chars)


def iter_json(stream: BinaryIO, source: str, opts: ReadOptions) -> Iterator[Document | InputError]:
    """A .json file: a JSON array of objects, or JSON lines saved under .json (as many datasets are)."""
    head = stream.read(4096)
    stream.seek(0)
    if not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
        yield from iter_jsonl(stream, source, opts)
        return
    encoding = detect_encoding(stream.read(256 * 1024))
    stream.seek(0)
    try:
        records = json.loads(stream.read().decode(encoding))
    except (ValueError, RecursionError) as exc:
        yield InputError(source, f"expected a JSON array of objects, found invalid JSON ({exc}); fix the file")
        return
    column = opts.text_column
    for number, record in enumerate(records, start=1):
        row_source = f"{source}#{number}"
        if not isinstance(record, dict):
            yield InputError(row_source, f"expected a JSON object, found a JSON {type(record).__name__}")
            continue
        column = column or pick_text_column(record)
        if column is None:
            yield InputError(row_source, _no_text_column(record, None))
            continue
        yield _row_document(record, column, row_source, "json", encoding, opts.max_chars)


def _raise_csv_field_limit(max_chars: int) -> None:
    # csv's default limit (131,072 characters) is smaller than many judgments; it is process-wide state,
    # so it is only ever raised.
    if csv.field_size_limit() < max_chars + 1:
        csv.field_size_limit(max_chars + 1)


def iter_csv(stream: BinaryIO, source: str, opts: ReadOptions) -> Iterator[Document | InputError]:
    """Comma-separated with a header row; UTF-8 (with or without BOM), GBK/GB18030, Big5 or UTF-16."""
    encoding = _sniff_encoding(stream)
    if encoding is None:
        yield InputError(source, "expected CSV with a header row, found an empty file; remove it")
        return
    _raise_csv_field_limit(opts.max_chars)
    wrapper = io.TextIOWrapper(stream, encoding=encoding, newline="")
    try:
        yield from _csv_rows(csv.reader(wrapper), source, encoding, opts)
    finally:
        wrapper.detach()


def _csv_rows(
    reader: Iterator[list[str]], source: str, encoding: str, opts: ReadOptions
) -> Iterator[Document | InputError]:
    header: list[str] | None = None
    column_index = -1
    column = ""
    row_no = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except UnicodeDecodeError:
            yield InputError(
                f"{source}#{row_no + 1}" if header else source,
                f"expected CSV text in {encoding} (detected from the file's start), found bytes that are "
                "not; this row and the rest of the file were not read: re-save the file in one encoding",
            )
            return
        except csv.Error as exc:
            row_no += header is not None
            yield InputError(
                f"{source}#{row_no}" if header else source,
                f"expected a well-formed CSV row with fields of at most {opts.max_chars:,} characters, "
                f"found: {exc}; the row was skipped",
            )
            continue
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [name.strip() for name in row]
            found = pick_text_column(header, opts.text_column)
            if found is None:
                yield InputError(source, _no_text_column(header, opts.text_column))
                return
            column, column_index = found, header.index(found)
            continue
        row_no += 1
        record: dict[str, Any] = dict(zip(header, row, strict=False))
        record[column] = row[column_index] if column_index < len(row) else None
        yield _row_document(record, column, f"{source}#{row_no}", "csv", encoding, opts.max_chars)
    if header is None:
        yield InputError(source, "expected CSV with a header row, found only blank lines; remove it")


def iter_parquet(stream: BinaryIO, source: str, opts: ReadOptions) -> Iterator[Document | InputError]:
    """A Parquet table; the text column must hold strings. Nested and binary columns are not kept."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table_file = pq.ParquetFile(stream)
    except (pa.ArrowException, OSError, ValueError) as exc:
        yield InputError(source, f"expected a Parquet file, found one pyarrow cannot open ({exc}); re-export it")
        return
    schema = table_file.schema_arrow
    column = pick_text_column(schema.names, opts.text_column)
    if column is None:
        yield InputError(source, _no_text_column(schema.names, opts.text_column))
        return
    text_type = schema.field(column).type
    if pa.types.is_dictionary(text_type):
        text_type = text_type.value_type
    if not (pa.types.is_string(text_type) or pa.types.is_large_string(text_type)):
        yield InputError(source, f"expected a string column {column!r}, found type {text_type}")
        return
    binary = (pa.types.is_binary, pa.types.is_large_binary, pa.types.is_fixed_size_binary)
    keep = [
        f.name
        for f in schema
        if f.name != column and not pa.types.is_nested(f.type) and not any(is_(f.type) for is_ in binary)
    ]
    row_no = 0
    try:
        for batch in table_file.iter_batches(batch_size=256, columns=[column, *keep]):
            for record in batch.to_pylist():
                row_no += 1
                yield _row_document(record, column, f"{source}#{row_no}", "parquet", None, opts.max_chars)
    except (pa.ArrowException, OSError) as exc:
        yield InputError(
            f"{source}#{row_no + 1}",
            f"expected readable Parquet data, found an error ({exc}); rows from here were not read",
        )
