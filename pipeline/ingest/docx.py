"""Word .docx: paragraph and table-cell text in document order.

python-docx opens and validates the package; the text is read from the WordprocessingML tree directly
because python-docx's Paragraph.text skips tracked insertions (w:ins) and repeats merged table cells.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pipeline.errors import IngestFailure

if TYPE_CHECKING:
    from lxml import etree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (f"{_W}{n}" for n in ("p", "tbl", "tr", "tc", "sdt", "sdtContent"))
_T, _TAB, _BR, _CR, _TXBX = (f"{_W}{n}" for n in ("t", "tab", "br", "cr", "txbxContent"))
# Containers whose children are read as if they stood in the container's place.
_WRAPPERS = frozenset({_SDT, _SDT_CONTENT, f"{_W}customXml"})
# Subtrees that are not running text of the paragraph: properties (w:pPr holds tab-stop definitions
# also named w:tab), deleted revisions, the duplicate fallback copy of a drawing, and text boxes
# (read separately, after their paragraph).
_SKIP_INSIDE_PARAGRAPH = frozenset({f"{_W}pPr", f"{_W}rPr", f"{_W}del", _MC_FALLBACK, _TXBX})


def _paragraph_text(p: etree._Element) -> tuple[str, list[etree._Element]]:
    """The paragraph's text and the text boxes anchored in it."""
    parts: list[str] = []
    boxes: list[etree._Element] = []

    def walk(el: etree._Element) -> None:
        for child in el:
            tag = child.tag
            if tag == _TXBX:
                boxes.append(child)
            elif tag in _SKIP_INSIDE_PARAGRAPH:
                continue
            elif tag == _T:
                parts.append(child.text or "")
            elif tag == _TAB:
                parts.append("\t")
            elif tag in (_BR, _CR):
                parts.append("\n")
            else:
                walk(child)

    walk(p)
    return "".join(parts), boxes


def _block_lines(container: etree._Element) -> Iterator[str]:
    """Lines of a body, cell, text box or content control, in document order."""
    for child in container:
        if child.tag == _P:
            text, boxes = _paragraph_text(child)
            yield text
            for box in boxes:
                yield from _block_lines(box)
        elif child.tag == _TBL:
            yield from _table_lines(child)
        elif child.tag in _WRAPPERS:
            yield from _block_lines(child)


def _children(el: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children with `tag`, looking through content controls and custom XML wrappers."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _table_lines(tbl: etree._Element) -> Iterator[str]:
    """One line per row, cells separated by tabs (a cell's own paragraphs keep their line breaks).

    A horizontally merged cell is a single w:tc and a vertically merged continuation is an empty w:tc,
    so walking the XML yields each cell's text exactly once.
    """
    for tr in _children(tbl, _TR):
        yield "\t".join("\n".join(_block_lines(tc)) for tc in _children(tr, _TC))


def read_docx(data: bytes) -> str:
    """Paragraphs and table cells of the main document body, one paragraph or table row per line."""
    import docx  # python-docx; imported here so plain-text runs do not pay for it

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises zip, KeyError, XML and ValueError kinds for bad files
        raise IngestFailure(
            "expected a Word .docx document, found a file python-docx cannot open "
            f"({type(exc).__name__}: {exc}); it is damaged, truncated or not really .docx: "
            "re-save it from Word/WPS as .docx"
        ) from exc
    return "\n".join(_block_lines(document.element.body))
