"""iter_inputs / discover: folders, ordering, skipping, errors, size guard, stable ids."""

from __future__ import annotations

import json
import os

import pytest

from pipeline.ingest import SUPPORTED_SUFFIXES, discover, iter_inputs, read_bytes
from pipeline.types import Document, InputError, make_doc_id


def test_folder_is_walked_recursively_in_sorted_order_skipping_clutter(tmp_path, kit):
    root = tmp_path / "cases"
    (root / "b" / "deeper").mkdir(parents=True)
    (root / "a").mkdir()
    (root / ".git").mkdir()
    (root / "__MACOSX").mkdir()
    (root / "b" / "deeper" / "3.txt").write_text(kit.FACT, encoding="utf-8")
    (root / "b" / "2.txt").write_bytes(kit.INDICTMENT.encode("gbk"))
    (root / "a" / "1.md").write_text("# 起诉书\n" + kit.FACT, encoding="utf-8")
    (root / "z.html").write_text(f"<p>{kit.FACT}</p>", encoding="utf-8")
    (root / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (root / ".git" / "HEAD.txt").write_text("ref", encoding="utf-8")
    (root / "__MACOSX" / "._1.txt").write_bytes(b"\x00\x05")
    (root / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0")
    (root / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (root / "~$lock.docx").write_bytes(b"\x0cowner")
    expected = [root / "a" / "1.md", root / "b" / "2.txt", root / "b" / "deeper" / "3.txt", root / "z.html"]
    assert discover([root]) == expected
    items = list(iter_inputs([root]))
    assert [i.source for i in items] == [str(p) for p in expected]
    assert all(isinstance(i, Document) for i in items)
    assert [(i.fmt, i.encoding) for i in items] == [
        ("md", "utf-8"),
        ("txt", "gb18030"),
        ("txt", "utf-8"),
        ("html", "utf-8"),
    ]
    assert items[1].raw == kit.INDICTMENT


def test_every_input_ends_as_a_document_or_an_error(tmp_path, kit):
    good = tmp_path / "good.txt"
    good.write_text(kit.FACT, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\u3000\n", encoding="utf-8")
    image = tmp_path / "scan.txt"
    image.write_bytes(kit.PNG_HEADER)
    legacy = tmp_path / "old.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0")
    exe = tmp_path / "tool.exe"
    exe.write_bytes(b"MZ\x90\x00")
    missing = tmp_path / "nowhere.txt"
    items = list(iter_inputs([good, empty, blank, image, legacy, exe, missing]))
    assert [type(i).__name__ for i in items] == ["Document"] + ["InputError"] * 6
    reasons = {i.source: i.reason for i in items if isinstance(i, InputError)}
    assert "empty file" in reasons[str(empty)]
    assert "found none" in reasons[str(blank)]
    assert "PNG image" in reasons[str(image)]
    assert "re-save it as .docx" in reasons[str(legacy)]
    assert "'.exe'" in reasons[str(exe)]
    for suffix in SUPPORTED_SUFFIXES:  # the error names what is supported
        assert suffix in reasons[str(exe)]
    assert "found nothing at this path" in reasons[str(missing)]
    assert discover([good, missing]) == [good]


def test_unopenable_file_is_an_error_with_the_reason(tmp_path, kit):
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "gone.txt")
    [error] = iter_inputs([dangling])
    assert isinstance(error, InputError) and "expected a readable file" in error.reason


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads files regardless of mode")
def test_permission_denied_is_an_error(tmp_path, kit):
    locked = tmp_path / "locked.txt"
    locked.write_text(kit.FACT, encoding="utf-8")
    locked.chmod(0)
    try:
        [error] = iter_inputs([locked])
    finally:
        locked.chmod(0o600)
    assert isinstance(error, InputError) and "Permission denied" in error.reason


def test_document_over_the_cap_is_too_large_not_truncated(tmp_path, kit):
    path = tmp_path / "long.txt"
    path.write_text(kit.FACT * 10, encoding="utf-8")
    [error] = iter_inputs([path], max_chars=len(kit.FACT) * 10 - 1)
    assert isinstance(error, InputError) and "too large" in error.reason
    [doc] = iter_inputs([path], max_chars=len(kit.FACT) * 10)
    assert doc.raw == kit.FACT * 10


def test_same_text_in_different_formats_has_the_same_doc_id(tmp_path, kit):
    text = kit.FACT
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "c.txt").write_bytes(text.encode("gbk"))
    (tmp_path / "d.docx").write_bytes(kit.make_docx([text], [], []))
    (tmp_path / "e.html").write_text(f"<html><body><p>{text}</p></body></html>", encoding="utf-8")
    (tmp_path / "f.jsonl").write_text(json.dumps({"text": text}, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "g.zip").write_bytes(kit.make_zip({"x/h.txt": text.encode("gb18030")}))
    items = list(iter_inputs([tmp_path]))
    assert len(items) == 7 and all(isinstance(i, Document) for i in items)
    assert {i.raw for i in items} == {text}
    assert {i.doc_id for i in items} == {make_doc_id(text)}


def test_raw_text_is_not_normalised(tmp_path):
    text = "被告人Ｌｉ某，　男，１９８５年出生。\r\n\t经审理查明……"
    path = tmp_path / "x.txt"
    path.write_bytes(text.encode("utf-8"))
    [doc] = iter_inputs([path])
    assert doc.raw == text


def test_a_single_path_is_not_taken_for_a_list_of_characters(tmp_path, kit):
    path = tmp_path / "one.txt"
    path.write_text(kit.FACT, encoding="utf-8")
    assert [d.raw for d in iter_inputs(str(path))] == [kit.FACT]
    assert discover(path) == [path]


def test_read_bytes_reads_an_in_memory_file(kit):
    [doc] = read_bytes(kit.FACT.encode("gbk"), "upload.txt")
    assert (doc.raw, doc.source, doc.encoding) == (kit.FACT, "upload.txt", "gb18030")
    [error] = read_bytes(b"x", "upload.xlsx", source="form#1")
    assert isinstance(error, InputError) and error.source == "form#1"


def test_pdf_through_iter_inputs(tmp_path, kit):
    (tmp_path / "ok.pdf").write_bytes(kit.make_pdf(["某区人民法院刑事判决书"]))
    (tmp_path / "scan.pdf").write_bytes(kit.make_image_pdf())
    ok, scan = iter_inputs([tmp_path])
    assert isinstance(ok, Document) and ok.fmt == "pdf" and "刑事判决书" in ok.raw
    assert isinstance(scan, InputError) and "OCR" in scan.reason
