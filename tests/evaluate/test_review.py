"""Review sheets: writing (context, sampling, CSV safety), marking + scoring round trip, the real-corpus reader
on a fictitious stand-in tree, and the clean skip when the real corpus is absent."""

import csv
import json
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.evaluate.command import review
from pipeline.evaluate.gold import read_gold
from pipeline.evaluate.review import (
    SHEET_COLUMNS,
    SheetError,
    context_snippet,
    iter_corpus_documents,
    parse_verdict,
    read_sheet,
    sample_rows,
    score_rows,
    wilson_interval,
    write_sheet,
)
from pipeline.types import Document, Span

REPO = Path(__file__).resolve().parents[2]
GOLD = Path(__file__).parent / "data" / "gold_small.jsonl"
DETECTORS = "identity_mismatch,illegal_evidence"
# A fictitious judgment excerpt in the shape of a LeCaRDv2 query.
JUDGMENT = (
    "某市某区人民法院刑事判决书（2023）某0102刑初88号：公诉机关某市某区人民检察院。被告人孙某某，男，汉族，无业。"
    "因涉嫌抢劫罪于2023年1月5日被刑事拘留，同年2月1日被逮捕。庭审中，被告人孙某某辩称其供述系侦查人员刑讯逼供所得，"
    "并申请排除非法证据。"
)


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture
def documents(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for doc in read_gold(GOLD):
        (folder / f"{doc.id}.txt").write_text(doc.text, encoding="utf-8")
    return folder


def test_context_brackets_the_evidence_within_60_characters() -> None:
    raw = "甲" * 100 + "证据" + "乙" * 100
    assert context_snippet(raw, [Span(100, 102, "证据")]) == "…" + "甲" * 60 + "【证据】" + "乙" * 60 + "…"
    # near spans share one window; far ones get their own; line ends become ↵
    raw = "首行\n" + "甲" * 10 + "错" + "乙" * 10 + "误" + "丙" * 200 + "远"
    spans = [Span(13, 14, "错"), Span(24, 25, "误"), Span(225, 226, "远")]
    assert context_snippet(raw, spans) == (
        "首行↵" + "甲" * 10 + "【错】" + "乙" * 10 + "【误】" + "丙" * 60 + "… …" + "丙" * 60 + "【远】"
    )
    assert context_snippet("短文", []) == ""


def test_sheet_cells_cannot_run_as_formulas(tmp_path: Path) -> None:
    row = dict.fromkeys(SHEET_COLUMNS, "")
    row.update(sheet_id="abc", code="amount_mismatch", evidence="=1+1", reason="-100元与100元不符", basis="@SUM(A1)",
               note="+1", source="a.txt")  # fmt: skip
    out = tmp_path / "sheet.csv"
    assert write_sheet([row], out) == 1
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    (back,) = _read(out)
    assert (back["evidence"], back["reason"], back["basis"], back["note"]) == (
        "'=1+1",
        "'-100元与100元不符",
        "'@SUM(A1)",
        "'+1",
    )
    assert back["source"] == "a.txt"


def test_sample_is_per_code_reproducible_and_keeps_sheet_order() -> None:
    rows = [{"code": "typo", "n": i} for i in range(10)] + [{"code": "date_error", "n": i} for i in range(3)]
    sample = sample_rows(rows, 4, seed=7)
    assert [r["code"] for r in sample].count("typo") == 4
    assert [r for r in sample if r["code"] == "date_error"] == rows[10:]
    assert sample == sample_rows(rows, 4, seed=7)
    assert [r["n"] for r in sample if r["code"] == "typo"] == sorted(r["n"] for r in sample if r["code"] == "typo")
    assert sample_rows(rows, 0) == rows


@pytest.mark.parametrize(
    ("k", "n", "interval"),
    [(8, 10, (0.4902, 0.9433)), (10, 10, (0.7225, 1.0)), (0, 5, (0.0, 0.4345)), (0, 0, None)],
)
def test_wilson_interval(k: int, n: int, interval) -> None:
    assert wilson_interval(k, n) == interval


@pytest.mark.parametrize(
    ("cell", "verdict"),
    [("right", "right"), (" Wrong ", "wrong"), ("对", "right"), ("错", "wrong"), ("不确定", "unsure"), ("", None)],
)
def test_verdicts(cell: str, verdict: str | None) -> None:
    assert parse_verdict(cell) == verdict


def test_an_unknown_verdict_names_the_row() -> None:
    with pytest.raises(SheetError, match=r"s.csv:3: expected verdict right, wrong or unsure"):
        score_rows([{"code": "typo", "verdict": "right"}, {"code": "typo", "verdict": "maybe"}], "s.csv")


def test_sheet_mark_and_score_round_trip(tmp_path: Path, documents: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    result = CliRunner().invoke(review, ["sheet", str(documents), "--out", str(sheet), "--detectors", DETECTORS])
    assert result.exit_code == 0, result.output
    assert "3 documents screened, 0 input or detector errors; 3 of 3 flags" in result.stdout
    assert sheet.read_bytes().startswith(b"\xef\xbb\xbf")
    with sheet.open(encoding="utf-8-sig", newline="") as fh:
        assert next(csv.reader(fh)) == SHEET_COLUMNS
    rows = _read(sheet)
    assert sorted(r["code"] for r in rows) == ["identity_mismatch", "identity_mismatch", "illegal_evidence"]
    for r in rows:
        assert r["verdict"] == "" and r["note"] == ""
        for evidence in r["evidence"].split(" | "):
            assert f"【{evidence}】" in r["context"]
    assert len({r["sheet_id"] for r in rows}) == 3
    ill = next(r for r in rows if r["code"] == "illegal_evidence")
    assert ill["source"].endswith("synth-01.txt") and ill["doc_type"] == "indictment" and ill["basis"]

    # a reviewer marks the sheet (here: in code), and Excel on a Chinese system re-saves it as GB18030
    verdicts = iter(["right", "unsure"])
    for r in rows:
        r["verdict"] = "wrong" if r["code"] == "illegal_evidence" else next(verdicts)
    rows[0]["note"] = '第一行\n第二行，"引号"'  # a multi-line note typed in Excel
    marked = tmp_path / "marked.csv"
    with marked.open("w", encoding="gb18030", newline="") as fh:
        writer = csv.DictWriter(fh, SHEET_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    assert read_sheet(marked)[0]["note"] == rows[0]["note"]
    result = CliRunner().invoke(review, ["score", str(marked), "--format", "json"])
    assert result.exit_code == 0, result.output
    score = json.loads(result.stdout)
    assert score["rows"] == 3
    assert score["codes"]["identity_mismatch"] == {
        "right": 1, "wrong": 0, "unsure": 1, "unmarked": 0, "reviewed": 1, "precision": 1.0, "ci95": [0.2065, 1.0],
    }  # fmt: skip
    assert score["codes"]["illegal_evidence"]["precision"] == 0.0
    assert score["overall"]["precision"] == 0.5 and score["overall"]["reviewed"] == 2

    table = CliRunner().invoke(review, ["score", str(marked)])
    assert table.exit_code == 0 and "identity_mismatch 身份信息矛盾" in table.stdout


def test_sample_option_limits_rows_per_code(tmp_path: Path, documents: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    args = ["sheet", str(documents), "--out", str(sheet), "--detectors", DETECTORS, "--sample", "1", "--seed", "3"]
    result = CliRunner().invoke(review, args)
    assert result.exit_code == 0, result.output
    assert sorted(r["code"] for r in _read(sheet)) == ["identity_mismatch", "illegal_evidence"]
    assert "identity_mismatch            1 of 2" in result.stdout


def test_real_corpus_reader_on_a_stand_in_tree(tmp_path: Path) -> None:
    root = tmp_path / "cases"
    (root / "lecardv2" / "query").mkdir(parents=True)
    (root / "spp_guiding_cases").mkdir()
    lines = [json.dumps({"id": 901, "query": JUDGMENT}, ensure_ascii=False), "{broken", json.dumps({"id": 3})]
    (root / "lecardv2" / "query" / "test_query.json").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "spp_guiding_cases" / "检例第1号.md").write_text(
        "### 某某案\n\n【基本案情】\n\n被告人某某。\n", encoding="utf-8"
    )
    # the same judgment in two query files (as in LeCaRDv2): screened once, on the sheet once
    (root / "lecardv2" / "query" / "procedural_query.json").write_text(lines[0] + "\n", encoding="utf-8")
    items = list(iter_corpus_documents(root))[1:]
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "InputError", "Document"]
    assert isinstance(items[0], Document) and items[0].source == "lecardv2/query/test_query.json#901"
    assert items[0].raw == JUDGMENT
    assert items[3].source == "spp_guiding_cases/检例第1号.md"

    sheet = tmp_path / "sheet.csv"
    result = CliRunner().invoke(review, ["sheet", "--corpus", str(root), "--out", str(sheet), "--detectors", DETECTORS])
    assert result.exit_code == 0, result.output
    assert "2 documents screened (1 duplicate texts skipped), 2 input or detector errors" in result.stdout
    (row,) = _read(sheet)
    assert row["code"] == "illegal_evidence" and row["source"] == "lecardv2/query/procedural_query.json#901"
    assert "刑讯逼供" in row["context"]


def test_sheet_skips_cleanly_without_the_real_corpus(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    result = CliRunner().invoke(review, ["sheet", "--corpus", str(tmp_path / "absent"), "--out", str(sheet)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("skipped: no real-text corpus at")
    assert not sheet.exists()


def test_script_skips_cleanly_without_the_shared_folder(tmp_path: Path) -> None:
    env = {**os.environ, "PINGCHA_SHARED": str(tmp_path / "no-shared")}
    done = subprocess.run(
        [str(REPO / "scripts" / "review_real_text.sh"), str(tmp_path / "sheet.csv")],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("skipped: no real-text corpus at")
    assert not (tmp_path / "sheet.csv").exists()
