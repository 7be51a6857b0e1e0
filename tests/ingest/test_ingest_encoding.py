from __future__ import annotations

import pytest

from pipeline.errors import IngestFailure
from pipeline.ingest.encoding import decode_bytes, decode_declared, detect_encoding


@pytest.mark.parametrize(
    ("encode", "expected_codec"),
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), "utf-8-sig"),
        (lambda t: t.encode("utf-16"), "utf-16"),  # BOM in native (little-endian) order
        (lambda t: b"\xff\xfe" + t.encode("utf-16-le"), "utf-16"),
        (lambda t: b"\xfe\xff" + t.encode("utf-16-be"), "utf-16"),
        (lambda t: t.encode("utf-16-le"), "utf-16-le"),
        (lambda t: t.encode("utf-16-be"), "utf-16-be"),
        (lambda t: t.encode("gbk"), "gb18030"),
        (lambda t: t.encode("gb18030"), "gb18030"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "gbk", "gb18030"],
)
def test_simplified_round_trips(kit, encode, expected_codec):
    data = encode(kit.INDICTMENT)
    text, codec = decode_bytes(data)
    assert text == kit.INDICTMENT
    assert codec == expected_codec


def test_gb18030_four_byte_characters_round_trip():
    text = "被告人李某，住某市𠀀村（扩展B区汉字）。" * 3
    assert decode_bytes(text.encode("gb18030")) == (text, "gb18030")


@pytest.mark.parametrize("sample", ["INDICTMENT_TRAD", "short"])
def test_big5_traditional_is_big5_not_gbk(kit, sample):
    # Big5 bytes also decode "validly" as GB18030 into gibberish; the scorer must see through that.
    text = kit.INDICTMENT_TRAD if sample == "INDICTMENT_TRAD" else "被告人李某，男。經審查查明"
    data = text.encode("big5")
    assert data.decode("gb18030") != text  # the trap exists
    decoded, codec = decode_bytes(data)
    assert decoded == text
    assert codec == "big5"


def test_short_gbk_is_not_taken_for_big5():
    text = "被告人李某，男。"
    assert decode_bytes(text.encode("gbk")) == (text, "gb18030")


def test_utf16_without_bom_pure_chinese(kit):
    # No ASCII at all, so no NUL pattern: only the scoring can tell the byte order.
    text = "被告人李某盗窃他人手机一部价值人民币三千元"
    assert decode_bytes(text.encode("utf-16-le")) == (text, "utf-16-le")
    assert decode_bytes(text.encode("utf-16-be")) == (text, "utf-16-be")


def test_plain_ascii_and_non_chinese_utf8():
    assert decode_bytes(b"Case No. 12\n") == ("Case No. 12\n", "utf-8")
    assert decode_bytes("Привет, суд".encode()) == ("Привет, суд", "utf-8")


def test_a_truncated_last_character_is_tolerated(kit):
    text, codec = decode_bytes(kit.INDICTMENT.encode("utf-8")[:-1])
    assert codec == "utf-8"
    assert text == kit.INDICTMENT[:-1] + "\ufffd"
    assert detect_encoding(kit.INDICTMENT.encode("gbk")[:-1]) == "gb18030"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG image"),
        (b"\x7fELF\x02\x01\x01\x00" + bytes(50), "ELF executable"),
        (b"MZ\x90\x00\x03\x00\x00\x00" + bytes(50), "Windows executable"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(50), "legacy Office file"),
        (b"hello\x00\x01\x02world\x00\x03\x04" * 20, "binary data"),
    ],
    ids=["empty", "png", "jpeg", "elf", "exe", "ole-doc", "control-bytes"],
)
def test_empty_and_binary_input_fail_clearly(data, message):
    with pytest.raises(IngestFailure, match=message):
        decode_bytes(data)


def test_text_that_starts_like_a_magic_number_is_still_text():
    assert decode_bytes(b"BMW and MZ are not headers\n")[1] == "utf-8"


def test_undecodable_input_names_the_encodings_tried():
    latin1 = "Le prévenu a été entendu à l'audience; il a reconnu les faits.".encode("latin-1")
    with pytest.raises(IngestFailure, match=r"UTF-8, UTF-16, GB18030/GBK or Big5.*re-save the file as UTF-8"):
        decode_bytes(latin1)


def test_declared_encoding_is_used_only_when_plausible(kit):
    gbk = kit.INDICTMENT.encode("gbk")
    assert decode_declared(gbk, "GB2312") == (kit.INDICTMENT, "gb18030")
    big5 = kit.INDICTMENT_TRAD.encode("big5")
    assert decode_declared(big5, "gbk") is None  # decodes "validly", but into gibberish
    assert decode_declared(gbk, "no-such-charset") is None
