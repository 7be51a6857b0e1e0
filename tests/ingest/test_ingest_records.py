"""Record exports: .jsonl/.ndjson, .csv, .parquet."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from pipeline.ingest import iter_inputs, pick_text_column
from pipeline.types import Document, InputError, make_doc_id


def _split(items):
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    return docs, errors


def test_jsonl_bad_rows_are_errors_and_the_rest_goes_on(tmp_path, kit):
    lines = [
        json.dumps({"id": "A1", "fact": kit.FACT, "unit": "某区院", "tags": ["醉驾"]}, ensure_ascii=False),
        '{"id": "A2", "fact": "被告人李某',  # cut off
        "",
        json.dumps({"id": "A3", "unit": "某区院"}),  # no text field
        json.dumps({"id": "A4", "fact": "   "}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "A5", "fact": kit.INDICTMENT}),  # \\u escapes: ASCII-only line
    ]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = _split(list(iter_inputs([path])))
    assert [d.source for d in docs] == [f"{path}#1", f"{path}#7"]
    assert docs[0].raw == kit.FACT
    assert docs[0].meta == {"id": "A1", "unit": "某区院"}  # the list column is not a scalar
    assert (docs[0].fmt, docs[0].encoding) == ("jsonl", "utf-8")
    assert docs[1].raw == kit.INDICTMENT
    assert docs[1].doc_id == make_doc_id(kit.INDICTMENT)
    assert [e.source.rsplit("#", 1)[1] for e in errors] == ["2", "4", "5", "6"]
    assert "invalid JSON" in errors[0].reason
    assert "missing" in errors[1].reason
    assert "empty" in errors[2].reason
    assert "JSON list" in errors[3].reason


def test_jsonl_without_a_known_text_field_names_the_fields_and_the_option(tmp_path, kit):
    path = tmp_path / "cases.ndjson"
    path.write_text(json.dumps({"wenshu": kit.FACT}, ensure_ascii=False) + "\n", encoding="utf-8")
    [error] = iter_inputs([path])
    assert isinstance(error, InputError)
    assert "'wenshu'" in error.reason and "text_column" in error.reason
    [doc] = iter_inputs([path], text_column="wenshu")
    assert doc.raw == kit.FACT


def test_jsonl_in_gbk(tmp_path, kit):
    path = tmp_path / "gbk.jsonl"
    row = json.dumps({"正文": kit.FACT, "案号": "某检刑诉〔2020〕3号"}, ensure_ascii=False)
    path.write_bytes((row + "\r\n").encode("gbk"))
    [doc] = iter_inputs([path])
    assert doc.raw == kit.FACT
    assert doc.encoding == "gb18030"
    assert doc.meta == {"案号": "某检刑诉〔2020〕3号"}


def test_jsonl_in_utf16_with_bom(tmp_path, kit):
    path = tmp_path / "utf16.jsonl"
    rows = [{"content": kit.FACT}, {"content": kit.INDICTMENT}]
    path.write_bytes("\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode("utf-16"))
    docs, errors = _split(list(iter_inputs([path])))
    assert errors == []
    assert [d.raw for d in docs] == [kit.FACT, kit.INDICTMENT]
    assert docs[1].source == f"{path}#2"


def test_csv_with_bom_and_chinese_header(tmp_path, kit):
    path = tmp_path / "export.csv"
    multiline = kit.INDICTMENT.replace('"', '""')
    content = f'案号,文书内容,承办人\n某检刑诉〔2019〕12号,"{multiline}",检察官甲\n某检刑诉〔2019〕13号,,检察官乙\n'
    path.write_bytes(b"\xef\xbb\xbf" + content.encode("utf-8"))
    docs, errors = _split(list(iter_inputs([path])))
    [doc] = docs
    assert doc.raw == kit.INDICTMENT  # embedded line breaks survive
    assert doc.source == f"{path}#1"
    assert doc.meta == {"案号": "某检刑诉〔2019〕12号", "承办人": "检察官甲"}
    assert doc.encoding == "utf-8-sig"
    [error] = errors
    assert error.source == f"{path}#2" and "empty" in error.reason


def test_gbk_csv_and_a_field_larger_than_the_csv_default_limit(tmp_path, kit):
    long_fact = kit.FACT * 3000  # ~150,000 characters, over csv's 131,072 default
    path = tmp_path / "gbk.csv"
    path.write_bytes(f"id,text\n1,{kit.FACT}\n2,{long_fact}\n".encode("gbk"))
    docs, errors = _split(list(iter_inputs([path])))
    assert errors == []
    assert [d.raw for d in docs] == [kit.FACT, long_fact]
    assert {d.encoding for d in docs} == {"gb18030"}


def test_csv_without_text_column_is_one_error(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    [error] = iter_inputs([path])
    assert isinstance(error, InputError) and error.source == str(path)
    assert "expected a text column" in error.reason


def test_parquet_rows_and_meta(tmp_path, kit):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "case_no": ["某检刑诉〔2019〕12号", "某检刑诉〔2019〕13号", "某检刑诉〔2019〕14号"],
            "content": [kit.INDICTMENT, None, kit.FACT],
            "filed": [dt.date(2019, 4, 1), dt.date(2019, 4, 2), dt.date(2019, 4, 3)],
            "pages": [3, 1, 2],
            "labels": [["a"], [], ["b"]],
        }
    )
    path = tmp_path / "export.parquet"
    pq.write_table(table, path)
    docs, errors = _split(list(iter_inputs([path])))
    assert [d.raw for d in docs] == [kit.INDICTMENT, kit.FACT]
    assert [d.source for d in docs] == [f"{path}#1", f"{path}#3"]
    assert docs[0].meta == {"case_no": "某检刑诉〔2019〕12号", "filed": "2019-04-01", "pages": 3}
    assert docs[0].fmt == "parquet"
    [error] = errors
    assert error.source == f"{path}#2" and "null" in error.reason


def test_row_over_the_size_cap_is_an_error_for_that_row(tmp_path, kit):
    path = tmp_path / "big.jsonl"
    rows = [{"text": kit.FACT}, {"text": kit.FACT * 10}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    docs, errors = _split(list(iter_inputs([path], max_chars=len(kit.FACT) + 1)))
    assert [d.raw for d in docs] == [kit.FACT]
    assert errors[0].source == f"{path}#2" and "too large" in errors[0].reason


@pytest.mark.parametrize(
    ("columns", "explicit", "expected"),
    [
        (["id", "fact", "query"], None, "fact"),
        (["id", "Full_Text"], None, "Full_Text"),
        (["编号", " 正文 "], None, " 正文 "),
        (["text", "body"], "body", "body"),
        (["id", "title"], None, None),
        (["text"], "missing", None),
    ],
)
def test_pick_text_column(columns, explicit, expected):
    assert pick_text_column(columns, explicit) == expected


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("blank.jsonl", b"\n \n", "empty file"),
        ("header-only.csv", "文书内容,案号\n".encode(), "found no rows"),
        ("deep.jsonl", b"[" * 100_000, "invalid JSON"),
    ],
)
def test_exports_without_usable_rows_leave_an_error(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    [error] = iter_inputs([path])
    assert isinstance(error, InputError) and message in error.reason


def test_jsonl_undecodable_and_oversized_lines_are_row_errors(tmp_path, kit):
    good = json.dumps({"text": kit.FACT}, ensure_ascii=False).encode()
    huge = json.dumps({"text": "案" * 400_000}, ensure_ascii=False).encode()  # 1.2 MB > 6*1000 + 1 MiB
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join([good, b'{"text": "\xb0\xb8"}', huge, good]) + b"\n")
    items = list(iter_inputs([path], max_chars=1000))
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "InputError", "Document"]
    assert [i.source.rsplit("#", 1)[1] for i in items] == ["1", "2", "3", "4"]
    assert "undecodable" in items[1].reason
    assert "too large" in items[2].reason


def test_json_array_and_json_lines_named_json(tmp_path):
    from pipeline.ingest import iter_inputs
    from pipeline.types import Document, InputError

    rows = [{"id": 1, "query": "某县人民法院刑事判决书（2020）某0101刑初1号。被告人甲某犯盗窃罪。"}, {"id": 2}, "x"]
    (tmp_path / "array.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows[:1])
    (tmp_path / "lines.json").write_text(lines + "\n", encoding="utf-8")
    (tmp_path / "broken.json").write_text("[{", encoding="utf-8")
    items = list(iter_inputs([tmp_path]))
    docs = [i for i in items if isinstance(i, Document)]
    errors = {i.source.rsplit("/", 1)[-1]: i.reason for i in items if isinstance(i, InputError)}
    assert [d.source.rsplit("/", 1)[-1] for d in docs] == ["array.json#1", "lines.json#1"]
    assert docs[0].meta == {"id": 1}
    assert set(errors) == {"array.json#2", "array.json#3", "broken.json"}
