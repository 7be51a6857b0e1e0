"""Encoding detection for Chinese text: UTF-8, UTF-16, GB18030/GBK and Big5.

Byte-level validity does not settle the question: Big5 bytes almost always decode "validly" as GB18030
(into gibberish) and short GBK text may decode as Big5. So every candidate codec is decoded and the
result is scored by how much of it is ordinary Chinese: the share of common hanzi (GB2312 level 1 and
Big5 level 1, the two standards' "frequently used" tiers) and CJK punctuation, with penalties for
replacement characters, private-use characters and control characters. The best score wins; ties go to
the earlier codec in `_CANDIDATES` (UTF-8, then GB18030, then Big5, then BOM-less UTF-16).

Measured on random 4-3000 character cuts of 378 real texts (LeCaRDv2 judgments, SPP guiding cases),
encoded as UTF-8, GB18030, Big5 (after OpenCC s2t), UTF-16-LE/BE without BOM: every cut of 20 or more
characters decoded exactly; at 8 characters 1 of 357 Big5 cuts failed, at 4 characters 2-6% of Big5 and
BOM-less UTF-16 cuts. Right decodings scored >= 0.57 at 8 characters and >= 0.88 from 20 on; wrong
ones <= 0.75 from 20 characters on (<= 0.42 at 3000).
"""

from __future__ import annotations

import codecs
import contextlib
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from pipeline.errors import IngestFailure

# (byte-order mark, codec that strips it). UTF-32 before UTF-16: FF FE 00 00 starts with FF FE.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

# Signatures of binary formats people drop into a folder of documents by mistake. Short ones carry
# enough of their header that a text file starting with the same letters ("BMW", "MZ") is not caught.
_MAGIC: tuple[tuple[re.Pattern[bytes], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), kind)
    for pattern, kind in (
        (rb"\x89PNG\r\n\x1a\n", "a PNG image"),
        (rb"\xff\xd8\xff", "a JPEG image"),
        (rb"GIF8[79]a", "a GIF image"),
        (rb"II\*\x00|MM\x00\*", "a TIFF image"),
        (rb"BM.{4}\x00\x00\x00\x00", "a BMP image"),
        (rb"RIFF.{4}WEBP", "a WebP image"),
        (rb"%PDF-", "a PDF file (give it a .pdf extension)"),
        (rb"PK\x03\x04", "a ZIP container (.zip, or .docx/.xlsx: give it the right extension)"),
        (rb"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Office file (.doc/.xls: re-save it as .docx)"),
        (rb"\{\\rtf", "an RTF document (re-save it as .docx or .txt)"),
        (rb"\x7fELF", "an ELF executable"),
        (rb"MZ.{0,62}\x00", "a Windows executable"),
        (rb"\x1f\x8b\x08", "a gzip archive"),
        (rb"BZh[1-9]1AY&SY", "a bzip2 archive"),
        (rb"\xfd7zXZ\x00", "an xz archive"),
        (rb"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
        (rb"Rar!\x1a\x07", "a RAR archive"),
        (rb"SQLite format 3\x00", "an SQLite database"),
        (rb"PAR1", "a Parquet file (give it a .parquet extension)"),
    )
)

_MIN_SCORE = 0.4  # below this no candidate looks like text (Latin-1, Shift-JIS, random bytes)
# Tried in this order; on equal scores the earlier wins. BOM-less UTF-16 only for even-length input:
# ASCII shows up as NULs at alternating positions, CJK as plausible hanzi, the wrong order as noise.
_CANDIDATES = ("utf-8", "gb18030", "big5", "utf-16-le", "utf-16-be")
_SAMPLE_BYTES = 256 * 1024  # candidates are ranked on the head of the input; only the winner decodes all
_SAMPLE_CHARS = 200_000
_MAX_SCORED = 5_000  # non-ASCII characters scored per candidate; a few hundred already decide
_SURE = 0.9  # valid UTF-8 (or anything before UTF-16) scoring this high is taken without trying the rest
_BAD = re.compile("[\ue000-\uf8ff\ufffd]")  # private use (no real text) and replacement characters
_NON_ASCII = re.compile(r"[^\x00-\x9f]+")  # C1 controls (0x80-0x9F) are counted with the controls
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")


@lru_cache(maxsize=1)
def _common_hanzi() -> frozenset[str]:
    """GB2312 level 1 (3,755 simplified) and Big5 level 1 (5,401 traditional) characters."""
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes((lead, trail)).decode("gb2312"))
    big5_trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    for lead in range(0xA4, 0xC7):
        for trail in big5_trails:
            try:
                char = bytes((lead, trail)).decode("big5")
            except UnicodeDecodeError:
                continue
            if "\u4e00" <= char <= "\u9fff":
                chars.add(char)
    return frozenset(chars)


@lru_cache(maxsize=1)
def _good_chars() -> frozenset[str]:
    """Common hanzi plus the punctuation of Chinese text."""
    punctuation = [
        *range(0x3000, 0x3040),  # CJK symbols and punctuation 、。〈〉《》「」【】〔〕
        *range(0xFF01, 0xFF5F),  # full-width forms ，：；？！（）０-９
        *range(0x2010, 0x203B),  # dashes, quotes “”‘’, ellipsis …
    ]
    return _common_hanzi() | {chr(c) for c in punctuation} | set("·×÷°±№")


@dataclass(frozen=True, slots=True)
class _Candidate:
    codec: str
    score: float


def _score(text: str, *, strict_utf8: bool) -> float:
    """How much `text` looks like real (Chinese) text: about 1.0 for a right guess, low or negative otherwise."""
    sample = text[:_SAMPLE_CHARS]
    controls = len(_CONTROL.findall(sample))
    control_penalty = 10.0 * controls / max(len(sample), 1)
    scored = "".join(_NON_ASCII.findall(sample))[:_MAX_SCORED]
    if not scored:
        return 1.0 - control_penalty
    # Judge each distinct character once: a document has thousands of characters but few distinct ones.
    counts = Counter(scored)
    good_chars = counts.keys() & _good_chars()
    good = sum(counts[c] for c in good_chars)
    bad = len(_BAD.findall(scored))
    if strict_utf8:
        # Valid UTF-8 multi-byte sequences almost never arise by accident, so non-Chinese letters
        # (Latin, Cyrillic, ...) are fine in UTF-8; rare CJK ideographs stay neutral as elsewhere.
        good += sum(
            n for c, n in counts.items() if c not in good_chars and c.isprintable() and not 0x3400 <= ord(c) <= 0x9FFF
        )
    return (good - 3.0 * bad) / len(scored) - control_penalty


def _decode_sample(sample: bytes, codec: str) -> tuple[str, bool]:
    """Decode the head of the input; a character cut off at the end of the sample is not an error."""
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    try:
        return decoder.decode(sample, final=False), True
    except UnicodeDecodeError:
        decoder = codecs.getincrementaldecoder(codec)(errors="replace")
        return decoder.decode(sample, final=False), False


def _rank(data: bytes) -> list[_Candidate]:
    """Candidates scored on a sample, best first; equal scores keep `_CANDIDATES` order."""
    sample = data[:_SAMPLE_BYTES]
    found: list[_Candidate] = []
    for codec in _CANDIDATES:
        if codec.startswith("utf-16") and (len(data) % 2 or max(c.score for c in found) >= _SURE):
            continue  # odd length, or UTF-8/GB18030/Big5 already fits: UTF-16 would read as noise anyway
        text, strict = _decode_sample(sample, codec)
        found.append(_Candidate(codec, _score(text, strict_utf8=strict and codec == "utf-8")))
        if codec == "utf-8" and strict and found[0].score >= _SURE:
            break  # the common case; GBK/Big5 bytes are practically never valid UTF-8 of this quality
    return sorted(found, key=lambda c: -c.score)


def _decode_full(data: bytes, codec: str) -> tuple[str, str, int]:
    """Decode everything: (text, codec actually used, replaced sequences)."""
    # Big5 has vendor supersets: plain Big5, Microsoft's cp950, Hong Kong's HKSCS.
    variants = ("big5", "cp950", "big5hkscs") if codec == "big5" else (codec,)
    for variant in variants:
        try:
            return data.decode(variant), variant, 0
        except UnicodeDecodeError:
            continue
    variant = "cp950" if codec == "big5" else codec
    text = data.decode(variant, errors="replace")
    return text, variant, text.count("\ufffd") - _count_fffd_encoded(data, variant)


def _count_fffd_encoded(data: bytes, codec: str) -> int:
    """U+FFFD characters that were really in the input (not produced by replacement)."""
    try:
        return data.count("\ufffd".encode(codec))
    except UnicodeEncodeError:
        return 0


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if magic.match(data):
            return kind
    return None


def _replacement_budget(text: str) -> int:
    """A truncated last character or a stray bad byte is tolerated; more means a wrong or mixed encoding."""
    return 1 + len(text) // 1000


def _decode_with_bom(data: bytes) -> tuple[str, str] | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text, codec, replaced = _decode_full(data, codec)
            if replaced > _replacement_budget(text):
                raise IngestFailure(
                    f"expected {codec.upper()} text (the file starts with a {codec.upper()} byte-order "
                    f"mark), found {replaced} undecodable byte sequences; the file is damaged or mislabelled: "
                    "re-save it as UTF-8"
                )
            return text, codec
    return None


def detect_encoding(data: bytes) -> str:
    """The codec name that decodes `data`; tolerant of a character cut off at the end (for samples)."""
    return decode_bytes(data)[1]


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a Chinese text file of unknown encoding; returns (text, codec name).

    The codec name is one Python accepts, and, unless some bytes were undecodable and replaced with
    U+FFFD (allowed for about one in a thousand characters), `data.decode(codec) == text`.
    A byte-order mark is removed from the text ("utf-8-sig", "utf-16", "utf-32").
    Raises IngestFailure for empty, binary or undecodable input.
    """
    if not data:
        raise IngestFailure("expected text, found an empty file (0 bytes); remove it or supply the content")
    with_bom = _decode_with_bom(data)
    if with_bom is not None:
        return with_bom
    kind = _binary_kind(data)
    if kind is not None:
        raise IngestFailure(
            f"expected a text document, found binary data that looks like {kind}; "
            "convert it to a supported format or remove it from the input"
        )
    best_guess, best_replaced = "", 0
    for candidate in _rank(data):
        if candidate.score < _MIN_SCORE:
            break
        text, codec, replaced = _decode_full(data, candidate.codec)
        if replaced <= _replacement_budget(text):
            return text, codec
        if not best_guess:
            best_guess, best_replaced = codec, replaced
    controls = sum(1 for byte in data[:65536] if byte < 0x09 or 0x0E <= byte < 0x20)
    if controls:
        raise IngestFailure(
            f"expected text, found binary data ({controls} control or NUL bytes in the first 64 KiB); "
            "convert it to a supported document format or remove it from the input"
        )
    raise IngestFailure(
        "expected text in UTF-8, UTF-16, GB18030/GBK or Big5, found bytes that none of them decodes plausibly"
        + (f" (best guess {best_guess}: {best_replaced} undecodable sequences); " if best_guess else "; ")
        + "re-save the file as UTF-8"
    )


# Labels seen in HTML/XML declarations, mapped to the codec that reads everything the label covers.
_DECLARED_ALIASES: dict[str, str] = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "gb_2312-80": "gb18030",
    "big5": "big5",
    "x-big5": "big5",
    "big5-hkscs": "big5",
    "cp950": "big5",
}


def decode_declared(data: bytes, declared: str) -> tuple[str, str] | None:
    """Decode with an encoding the file declares (HTML meta charset), if that reading is plausible.

    Returns None when the label is unknown, the bytes do not decode, or the result does not look like
    text (a Big5 page labelled gb2312 decodes "validly" into gibberish): the caller then detects.
    """
    codec = _DECLARED_ALIASES.get(declared.strip().lower(), declared.strip().lower())
    try:
        codecs.lookup(codec)
    except LookupError:
        return None
    text, used, replaced = _decode_full(data, codec)
    if replaced or _score(text, strict_utf8=used == "utf-8") < _MIN_SCORE:
        return None
    return text, used
