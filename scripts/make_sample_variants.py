"""Give a few sample documents the encodings and formats that real case-system exports arrive in.

The sample corpus (data/samples/) is written by hand in UTF-8. So that ingest is exercised on the
formats the mission names, four files are stored differently:

* indictment/11_…_gbk.txt     GBK with Windows line ends (an export from an old Windows case system)
* indictment/09_…_utf16.txt   UTF-16 with a byte-order mark
* judgment/02_…_xie.docx      Word document (python-docx), built from a UTF-8 draft of the same name
* indictment/15_…_big5.txt    traditional-Chinese Big5 copy of the clean indictment 01 (OpenCC s2tw)

Usage (from the repository root):
    python scripts/make_sample_variants.py            # UTF-8 drafts -> stored variants (idempotent)
    python scripts/make_sample_variants.py --unpack   # stored variants -> UTF-8 drafts, for editing

A stored variant that is already in its target encoding is left untouched, so running the script twice
changes nothing; the Big5 copy is always regenerated from its UTF-8 source.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


@dataclass(frozen=True)
class Reencoded:
    """A sample kept in another text encoding, converted in place from its UTF-8 draft."""

    path: str
    encoding: str  # Python codec name; "utf-16" writes a byte-order mark
    newline: str = "\n"


@dataclass(frozen=True)
class Docx:
    """A sample kept as .docx; its UTF-8 draft is the same path with the suffix .txt."""

    path: str


@dataclass(frozen=True)
class Traditional:
    """A traditional-Chinese copy of a UTF-8 sample, written in `encoding`."""

    source: str
    path: str
    encoding: str = "big5"


REENCODED = (
    Reencoded("indictment/11_yanshiyinman_zhouxiaolong_gbk.txt", "gbk", "\r\n"),
    Reencoded("indictment/09_jiaotongzhaoshi_gaowei_utf16.txt", "utf-16"),
)
DOCX = (Docx("judgment/02_guyishanghai_xie.docx"),)
TRADITIONAL = (
    Traditional(
        "indictment/01_daoqie_linzhiqiang.txt",
        "indictment/15_daoqie_linzhiqiang_big5_traditional.txt",
    ),
)

INDENT = "\u3000\u3000"  # two ideographic spaces: the paragraph indent of hand-typed official documents


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def pack_reencoded(item: Reencoded) -> str:
    path = SAMPLES / item.path
    raw = path.read_bytes()
    if not _is_utf8(raw):
        raw.decode(item.encoding)  # fails loudly if the stored file is neither draft nor variant
        return f"kept      {item.path} ({item.encoding})"
    text = raw.decode("utf-8").replace("\r\n", "\n")
    path.write_bytes(text.replace("\n", item.newline).encode(item.encoding))
    return f"encoded   {item.path} -> {item.encoding}"


def unpack_reencoded(item: Reencoded) -> str:
    path = SAMPLES / item.path
    raw = path.read_bytes()
    if _is_utf8(raw):
        return f"kept      {item.path} (already UTF-8)"
    path.write_text(raw.decode(item.encoding).replace("\r\n", "\n"), encoding="utf-8")
    return f"decoded   {item.path} -> utf-8"


def pack_docx(item: Docx) -> str:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    target = SAMPLES / item.path
    draft = target.with_suffix(".txt")
    if not draft.exists():
        if not target.exists():
            raise FileNotFoundError(f"neither {draft} nor {target} exists")
        return f"kept      {item.path}"
    lines = draft.read_text(encoding="utf-8").splitlines()
    doc = Document()
    doc.core_properties.author = "pingcha sample corpus"
    doc.core_properties.title = lines[1] if len(lines) > 1 else ""
    for number, line in enumerate(lines):
        para = doc.add_paragraph()
        if line.startswith(INDENT):
            para.paragraph_format.first_line_indent = Pt(24)
            line = line[len(INDENT) :]
        run = para.add_run(line)
        if number < 2:  # court name and document title are centred headings
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run.bold = True
    doc.save(str(target))
    draft.unlink()
    return f"built     {item.path}"


def unpack_docx(item: Docx) -> str:
    from docx import Document

    target = SAMPLES / item.path
    draft = target.with_suffix(".txt")
    lines = []
    for para in Document(str(target)).paragraphs:
        indent = para.paragraph_format.first_line_indent
        lines.append((INDENT if indent else "") + para.text)
    draft.write_text("\n".join(lines) + "\n", encoding="utf-8")
    target.unlink()
    return f"extracted {item.path} -> {draft.name}"


def make_traditional(item: Traditional) -> str:
    import opencc

    source = (SAMPLES / item.source).read_text(encoding="utf-8")
    text = opencc.OpenCC("s2tw").convert(source)
    try:
        raw = text.encode(item.encoding)
    except UnicodeEncodeError as err:
        bad = text[err.start : err.end]
        raise SystemExit(f"{item.source}: {bad!r} has no {item.encoding} code; reword the source") from err
    (SAMPLES / item.path).write_bytes(raw)
    return f"converted {item.source} -> {item.path} ({item.encoding})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unpack", action="store_true", help="turn stored variants back into UTF-8 drafts")
    args = parser.parse_args(argv)
    if args.unpack:
        report = [unpack_reencoded(i) for i in REENCODED] + [unpack_docx(i) for i in DOCX]
    else:
        report = [pack_reencoded(i) for i in REENCODED] + [pack_docx(i) for i in DOCX]
        report += [make_traditional(i) for i in TRADITIONAL]
    sys.stdout.write("\n".join(report) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
