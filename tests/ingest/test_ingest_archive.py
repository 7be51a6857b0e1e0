"""ZIP archives: recursion, per-member errors, name encodings, zip-bomb caps."""

from __future__ import annotations

import json

from pipeline.ingest import iter_inputs
from pipeline.types import Document, InputError


def _by_source(items):
    return {i.source: i for i in items}


def test_zip_with_folders_nested_zip_and_a_bad_member(tmp_path, kit):
    inner = kit.make_zip(
        {
            "inner/fact.txt": kit.FACT.encode("gbk"),
            "rows.jsonl": (json.dumps({"text": kit.FACT}, ensure_ascii=False) + "\n").encode(),
        }
    )
    outer = kit.make_zip(
        {
            "cases/2019/indictment.txt": kit.INDICTMENT.encode("utf-8"),
            "cases/2019/sub/decision.docx": kit.make_docx(["不起诉决定书", kit.FACT], [], []),
            "cases/broken.docx": b"PK\x03\x04 not really a docx",
            "cases/photo.png": kit.PNG_HEADER,
            "nested.zip": inner,
            "__MACOSX/cases/._indictment.txt": b"\x00\x05\x16\x07",
            "cases/.DS_Store": b"\x00\x00\x00\x01Bud1",
        }
    )
    path = tmp_path / "batch.zip"
    path.write_bytes(outer)
    items = list(iter_inputs([path]))
    got = _by_source(items)
    p = str(path)
    assert list(got) == [
        f"{p}!cases/2019/indictment.txt",
        f"{p}!cases/2019/sub/decision.docx",
        f"{p}!cases/broken.docx",
        f"{p}!cases/photo.png",
        f"{p}!nested.zip!inner/fact.txt",
        f"{p}!nested.zip!rows.jsonl#1",
    ]
    assert got[f"{p}!cases/2019/indictment.txt"].raw == kit.INDICTMENT
    assert got[f"{p}!cases/2019/sub/decision.docx"].raw == "不起诉决定书\n" + kit.FACT
    assert got[f"{p}!nested.zip!inner/fact.txt"].encoding == "gb18030"
    assert got[f"{p}!nested.zip!inner/fact.txt"].doc_id == got[f"{p}!nested.zip!rows.jsonl#1"].doc_id
    broken = got[f"{p}!cases/broken.docx"]
    assert isinstance(broken, InputError) and ".docx" in broken.reason
    assert isinstance(got[f"{p}!cases/photo.png"], InputError)
    assert "unsupported" in got[f"{p}!cases/photo.png"].reason


def test_gbk_member_names_without_utf8_flag_are_decoded(tmp_path, kit):
    # Chinese Windows zip tools store GBK names without the UTF-8 flag; zipfile only writes UTF-8 names,
    # so write an ASCII placeholder of the same byte length and patch the name bytes in.
    gbk_name = "起诉书.txt".encode("gbk")
    placeholder = b"X" * (len(gbk_name) - 4) + b".txt"
    data = kit.make_zip({placeholder.decode(): kit.FACT.encode()})
    path = tmp_path / "gbk-names.zip"
    path.write_bytes(data.replace(placeholder, gbk_name))
    [doc] = iter_inputs([path])
    assert doc.source == f"{path}!起诉书.txt"
    assert doc.raw == kit.FACT


def test_member_over_the_size_cap_is_an_error_for_that_member_only(tmp_path, kit):
    path = tmp_path / "bomb.zip"
    path.write_bytes(kit.make_zip({"a.txt": ("案" * 5000).encode(), "b.txt": kit.FACT.encode()}))
    a, b = iter_inputs([path], max_member_bytes=2000)
    assert isinstance(a, InputError) and "too large" in a.reason and a.source.endswith("!a.txt")
    assert isinstance(b, Document) and b.raw == kit.FACT


def test_total_uncompressed_cap_stops_the_archive_with_one_error(tmp_path, kit):
    members = {f"doc{i}.txt": (kit.FACT * 20).encode() for i in range(5)}
    size = len(members["doc0.txt"])
    path = tmp_path / "many.zip"
    path.write_bytes(kit.make_zip(members))
    items = list(iter_inputs([path], max_archive_bytes=2 * size + 10))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(docs) == 2
    assert len(errors) == 2  # doc2 exceeds the remaining budget; then the archive stops
    assert errors[0].source.endswith("!doc2.txt")
    assert errors[1].source == str(path) and "2 member(s)" in errors[1].reason


def test_nesting_deeper_than_the_limit_is_refused(tmp_path, kit):
    data = kit.make_zip({"deep.txt": kit.FACT.encode()})
    for level in range(4):
        data = kit.make_zip({f"level{level}.zip": data})
    path = tmp_path / "deep.zip"
    path.write_bytes(data)
    [error] = iter_inputs([path])
    assert isinstance(error, InputError) and "nested at most 3" in error.reason


def test_not_a_zip(tmp_path):
    path = tmp_path / "fake.zip"
    path.write_text("这不是压缩包", encoding="utf-8")
    [error] = iter_inputs([path])
    assert isinstance(error, InputError) and "expected a ZIP archive" in error.reason


def test_a_member_whose_header_understates_its_size_is_an_error_not_a_bomb(tmp_path, kit):
    import struct

    data = bytearray(kit.make_zip({"a.txt": ("案" * 50000).encode()}))
    data[22:26] = struct.pack("<I", 100)  # local header: uncompressed size
    central = data.find(b"PK\x01\x02")
    data[central + 24 : central + 28] = struct.pack("<I", 100)  # central directory entry
    path = tmp_path / "liar.zip"
    path.write_bytes(bytes(data))
    [error] = iter_inputs([path])
    assert isinstance(error, InputError) and error.source.endswith("!a.txt")


def test_archive_with_only_skipped_members_leaves_an_error(tmp_path, kit):
    path = tmp_path / "mac.zip"
    path.write_bytes(kit.make_zip({"__MACOSX/._a.txt": b"\x00\x05", ".DS_Store": b"\x00"}))
    [error] = iter_inputs([path])
    assert isinstance(error, InputError) and error.source == str(path) and "found no members" in error.reason
