import csv
import json

import pytest

from pipeline.export import mask_text, write_csv, write_jsonl

ROW = {
    "doc_id": "abc", "source": "a.txt", "doc_type": "indictment", "grade": "defective", "code": "privacy_leak",
    "family": "violation", "severity": "high", "confidence": 0.9, "priority": 40.0, "status": "open",
    "evidence": [{"start": 3, "end": 21, "text": "110101199003071234"}],
    "reason": "公开文书载有未隐去的公民身份号码110101199003071234及电话13812345678",
    "basis": "=HYPERLINK(\"http://x\")", "detector": "privacy_leak", "detector_version": "1", "meta": {"k": "v"},
}


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("身份证号110101199003071234。", "身份证号110101********1234。"),
        ("号码11010119900307123X", "号码110101********123X"),
        ("电话13812345678联系", "电话138****5678联系"),
        ("卡号6222021234567890123", "卡号6222***********0123"),
        ("案号（2020）浙0702刑初662号", "案号（2020）浙0702刑初662号"),
        ("金额5000元", "金额5000元"),
    ],
)
def test_mask_text(text: str, masked: str) -> None:
    assert mask_text(text) == masked


def test_csv_opens_in_excel_and_blocks_formulas(tmp_path) -> None:
    out = tmp_path / "flags.csv"
    assert write_csv([ROW], out) == 1
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["evidence"] == "110101199003071234"
    assert rows[0]["basis"].startswith("'=")


def test_masked_jsonl_hides_personal_numbers(tmp_path) -> None:
    out = tmp_path / "flags.jsonl"
    write_jsonl([ROW], out, mask=True)
    row = json.loads(out.read_text(encoding="utf-8"))
    assert row["evidence"][0]["text"] == "110101********1234"
    assert "13812345678" not in row["reason"]
    assert "meta" not in row
