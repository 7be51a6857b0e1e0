"""Single-document readers: .docx, .pdf, .html."""

from __future__ import annotations

import io

import pytest

from pipeline.errors import IngestFailure
from pipeline.ingest.docx import read_docx
from pipeline.ingest.html import html_to_text, read_html
from pipeline.ingest.pdf import read_pdf


def test_docx_paragraphs_and_table_cells_in_document_order(kit):
    data = kit.make_docx(
        ["某市某区人民检察院", "起诉书"],
        [["姓名", "李某"], ["强制措施", "2019年3月6日被刑事拘留"]],
        ["此致", "某区人民法院"],
    )
    assert read_docx(data).split("\n") == [
        "某市某区人民检察院",
        "起诉书",
        "姓名\t李某",
        "强制措施\t2019年3月6日被刑事拘留",
        "此致",
        "某区人民法院",
    ]


def test_docx_merged_cells_are_read_once_and_nested_tables_are_read():
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "证据目录"
    table.cell(1, 0).text = "书证"
    inner = table.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "扣押清单"
    inner.cell(0, 1).text = "一份"
    buffer = io.BytesIO()
    document.save(buffer)
    text = read_docx(buffer.getvalue())
    assert text.count("证据目录") == 1
    assert text.index("书证") < text.index("扣押清单") < text.index("一份")


def test_docx_tracked_insertion_is_read_deletion_and_tab_stops_are_not():
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document.element.body.insert(
        0,
        parse_xml(
            f"<w:p {w}><w:r><w:t>被告人李某</w:t></w:r>"
            '<w:ins w:id="1" w:author="x"><w:r><w:t>，男</w:t></w:r></w:ins>'
            '<w:del w:id="2" w:author="x"><w:r><w:delText>，女</w:delText></w:r></w:del></w:p>'
        ),
    )
    tabbed = document.add_paragraph("证据\t书证")
    tabbed.paragraph_format.tab_stops.add_tab_stop(docx.shared.Inches(1))  # a w:tab in w:pPr, not text
    buffer = io.BytesIO()
    document.save(buffer)
    assert read_docx(buffer.getvalue()).split("\n") == ["被告人李某，男", "证据\t书证"]


@pytest.mark.parametrize("damage", ["truncated", "not-a-zip", "zip-without-document"])
def test_corrupt_docx_fails_clearly(kit, damage):
    good = kit.make_docx([kit.FACT], [], [])
    data = {
        "truncated": good[: len(good) // 2],
        "not-a-zip": kit.FACT.encode(),
        "zip-without-document": kit.make_zip({"readme.txt": b"x"}),
    }[damage]
    with pytest.raises(IngestFailure, match=r"expected a Word \.docx document.*re-save it"):
        read_docx(data)


def test_pdf_chinese_text_layer_is_extracted(kit):
    lines = ["某市某区人民检察院起诉书", "经依法审查查明：2019年3月5日，被告人李某窃取手机一部。"]
    text = read_pdf(kit.make_pdf(lines))
    assert text.split("\n")[:2] == lines


def test_image_only_pdf_says_scanned_and_needs_ocr(kit):
    with pytest.raises(IngestFailure, match=r"looks scanned.*OCR"):
        read_pdf(kit.make_image_pdf())


def _encrypted_pdf(user_password: str) -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, encrypt=StandardEncryption(user_password, ownerPassword="owner-secret"))
    page.setFont("STSong-Light", 12)
    page.drawString(50, 800, "不起诉决定书")
    page.save()
    return buffer.getvalue()


def test_password_protected_pdf_fails_clearly():
    with pytest.raises(IngestFailure, match="password-protected"):
        read_pdf(_encrypted_pdf("user-secret"))


def test_pdf_encrypted_without_user_password_is_read():
    # Only the owner (permissions) password is set: viewers open it without asking, so do we.
    assert read_pdf(_encrypted_pdf("")).strip() == "不起诉决定书"


def test_truncated_pdf_fails_clearly(kit):
    with pytest.raises(IngestFailure, match="PDF"):
        read_pdf(kit.make_pdf(["起诉书"])[:200])


def test_html_drops_script_and_style_unescapes_entities_and_breaks_blocks():
    page = """<!DOCTYPE html><html><head><title>标题不算正文</title>
<style>p { color: red }</style><script>var x = "<p>不是正文</p>";</script></head>
<body><h1>起诉书</h1>
<p>被告人李某，
   男，汉族。</p><div>涉案金额&yen;3,000元 &lt;约&gt; &amp; 手机&#x4E00;部</div>
<p>&nbsp;&nbsp;此致<br>某区人民法院</p><p>Case
No. 12</p>
<table><tr><td>证据</td><td>书证</td></tr></table></body></html>"""
    assert html_to_text(page).split("\n") == [
        "起诉书",
        "",
        "被告人李某，男，汉族。",  # a source line break between hanzi is not a space
        "",
        "涉案金额¥3,000元 <约> & 手机一部",
        "",
        "\xa0\xa0此致",
        "某区人民法院",
        "",
        "Case No. 12",
        "",
        "证据\t书证",
    ]


def test_html_meta_charset_is_honoured_and_checked(kit):
    body = f"<html><head><meta charset='gb2312'></head><body><p>{kit.FACT}</p></body></html>"
    assert read_html(body.encode("gbk")) == (kit.FACT, "gb18030")
    # A page that lies about its charset (Big5 labelled GBK) falls back to detection.
    trad = "<html><head><meta http-equiv='Content-Type' content='text/html; charset=gbk'></head>"
    trad += f"<body><p>{kit.INDICTMENT_TRAD}</p></body></html>"
    text, codec = read_html(trad.encode("big5"))
    assert codec == "big5"
    assert "起訴書" in text


def test_unparseable_html_fails_clearly():
    with pytest.raises(IngestFailure, match="expected HTML"):
        html_to_text("<p>起诉书</p><![bogus x]>")
