"""Synthetic fixtures for ingest tests: fake indictment text (no real names), built at test time."""

from __future__ import annotations

import io
import zipfile
from types import SimpleNamespace

import pytest

# A made-up 起诉书 paragraph. Only characters that GBK and Big5 both encode after conversion.
INDICTMENT = (
    "某市某区人民检察院\n起诉书\n某检刑诉〔2019〕12号\n"
    "被告人李某，男，1985年3月5日出生，汉族，初中文化，无业，住某市某区。\n"
    "经依法审查查明：2019年3月5日，被告人李某在某区某超市内窃取他人手机一部，价值人民币三千元。\n"
    "本院认为，被告人李某以非法占有为目的，秘密窃取他人财物，数额较大，应当以盗窃罪追究其刑事责任。"
)
# The same paragraph in traditional characters (what a Big5 file from Taiwan or Hong Kong holds).
INDICTMENT_TRAD = (
    "某市某區人民檢察院\n起訴書\n某檢刑訴〔2019〕12號\n"
    "被告人李某，男，1985年3月5日出生，漢族，初中文化，無業，住某市某區。\n"
    "經依法審查查明：2019年3月5日，被告人李某在某區某超市內竊取他人手機一部，價值人民幣三千元。\n"
    "本院認為，被告人李某以非法佔有為目的，秘密竊取他人財物，數額較大，應當以盜竊罪追究其刑事責任。"
)
FACT = "经依法审查查明：被告人王某某于2020年5月1日驾驶机动车，血液酒精含量为180mg/100ml。"

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"


def make_docx(paragraphs_before: list[str], table: list[list[str]], paragraphs_after: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs_before:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    for text in paragraphs_after:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_pdf(lines: list[str]) -> bytes:
    """A PDF whose text layer uses reportlab's built-in CID font STSong-Light (no font file needed)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont("STSong-Light", 12)
    for i, line in enumerate(lines):
        page.drawString(50, 800 - 20 * i, line)
    page.save()
    return buffer.getvalue()


def make_image_pdf() -> bytes:
    """A 'scanned' page: one raster image and no text layer."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("RGB", (120, 40), "white")
    for x in range(10, 110):
        image.putpixel((x, 20), (0, 0, 0))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawImage(ImageReader(image), 50, 700, width=240, height=80)
    page.save()
    return buffer.getvalue()


def make_zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.fixture
def kit() -> SimpleNamespace:
    """Sample texts and file builders (a fixture, so test modules need no imports from here)."""
    return SimpleNamespace(
        INDICTMENT=INDICTMENT,
        INDICTMENT_TRAD=INDICTMENT_TRAD,
        FACT=FACT,
        PNG_HEADER=PNG_HEADER,
        make_docx=make_docx,
        make_pdf=make_pdf,
        make_image_pdf=make_image_pdf,
        make_zip=make_zip,
    )
