"""HTML pages: visible text with block structure as line breaks; scripts and styles dropped."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from pipeline.errors import IngestFailure
from pipeline.ingest.encoding import decode_bytes, decode_declared

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")

_HIDDEN = frozenset({"script", "style", "noscript", "template", "title"})
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "tfoot", "thead",
        "tr", "ul",
    }
)  # fmt: skip
_CELLS = frozenset({"td", "th"})
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # collapsed like a browser does; U+3000 and &nbsp; are kept
_BLANK_LINES = re.compile(r"\n{3,}")
# A source line break between two Chinese characters is not a space (CSS Text 3 segment-break rule).
_WIDE = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_LINE_BREAK = re.compile(rf"(?<=[{_WIDE}])[ \t\r\f]*\n[ \t\n\r\f]*(?=[{_WIDE}])")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append("\n")
            self._pre += tag == "pre"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" or tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _CELLS:
            self.parts.append("\t")
        elif tag in _BLOCKS:
            self.parts.append("\n")
            if tag == "pre":
                self._pre = max(0, self._pre - 1)

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        if not self._pre:
            data = _HTML_SPACE.sub(" ", _CJK_LINE_BREAK.sub("", data))
        self.parts.append(data)


def _decode(data: bytes) -> tuple[str, str]:
    """A byte-order mark wins, then a plausible <meta charset>, then detection (as browsers do)."""
    if not data.startswith(_BOMS):
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            decoded = decode_declared(data, declared.group(1).decode("ascii"))
            if decoded is not None:
                return decoded
    return decode_bytes(data)


def html_to_text(markup: str) -> str:
    """The visible text: one line per block element, table cells separated by tabs."""
    parser = _TextExtractor()
    try:
        parser.feed(markup)
        parser.close()
    except AssertionError as exc:  # html.parser's reaction to some malformed <![...]> sections
        raise IngestFailure(
            f"expected HTML, found markup the parser cannot read ({exc}); re-save the page or convert it"
        ) from exc
    lines = (line.strip(" \t") for line in "".join(parser.parts).split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")


def read_html(data: bytes) -> tuple[str, str]:
    """(visible text, encoding)."""
    markup, encoding = _decode(data)
    return html_to_text(markup), encoding
