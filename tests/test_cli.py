"""End to end through the command line: screen, resume, check, queue, export, demo."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main

INDICTMENT = """某市某区人民检察院
起诉书
某检刑诉〔2023〕101号
被告人赵某某，男，1990年3月7日出生，公民身份号码110101199003071235，汉族，初中文化，无业，住某市某区某路1号。因涉嫌盗窃罪，于2023年3月1日被某市公安局某分局刑事拘留，同年3月30日经本院批准逮捕，同日由某市公安局某分局执行逮捕。
本案由某市公安局某分局侦查终结，以被告人赵某某涉嫌盗窃罪，于2023年5月10日向本院移送审查起诉。本院受理后，于同年5月11日已告知被告人有权委托辩护人，依法讯问了被告人，审查了全部案件材料。
经依法审查查明：
2023年2月20日，被告人赵某某在某市某区某超市内窃取他人手机一部，价值人民币3000元。
被告人赵某某当庭辩称其供述系侦查人员刑讯逼供所得。
本院认为，被告人赵某某以非法占有为目的，秘密窃取他人财物，数额较大，其行为触犯了《中华人民共和国刑法》第二百六十四条，犯罪事实清楚，证据确实、充分，应当以盗窃罪追究其刑事责任。根据《中华人民共和国刑事诉讼法》第一百七十六条的规定，提起公诉。
此致
某市某区人民法院
检察官：钱某
2023年6月1日
"""


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], capture_output=True, text=True, timeout=300)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(INDICTMENT, encoding="utf-8")
    (root / "sub" / "b_gbk.txt").write_bytes(INDICTMENT.replace("赵某某", "孙某某").encode("gb18030"))
    (root / "empty.txt").write_bytes(b"")
    (root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    return root


def test_check_json_output_has_the_contract_and_raw_offsets(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    raw = INDICTMENT.replace("2023年", "２０２３年")  # full-width digits: offsets must still point into raw
    path.write_text(raw, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    (line,) = result.output.strip().splitlines()
    out = json.loads(line)
    assert set(out) >= {"doc_id", "source", "doc_type", "grade", "flags"}
    assert out["doc_type"] == "indictment"
    codes = {f["code"] for f in out["flags"]}
    assert {"identity_mismatch", "illegal_evidence"} <= codes
    for f in out["flags"]:
        assert set(f) >= {"code", "family", "severity", "confidence", "evidence", "basis", "reason", "detector"}
        for e in f["evidence"]:
            assert raw[e["start"] : e["end"]] == e["text"]


def test_screen_records_every_input_and_rescreen_never_duplicates(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    first = CliRunner().invoke(main, ["screen", str(corpus), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "2 screened" in first.output and "2 errors" in first.output
    again = CliRunner().invoke(main, ["screen", str(corpus), "--db", str(db)])
    assert "0 screened, 2 already done" in again.output
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 2
    flags = con.execute("SELECT COUNT(*) FROM flags").fetchone()[0]
    forced = CliRunner().invoke(main, ["screen", str(corpus), "--db", str(db), "--force"])
    assert "2 screened" in forced.output
    assert con.execute("SELECT COUNT(*) FROM flags").fetchone()[0] == flags
    errors = CliRunner().invoke(main, ["errors", "--db", str(db)])
    assert "empty.txt" in errors.output and "image.txt" in errors.output


def test_strict_stops_at_the_first_bad_input(corpus: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["screen", str(corpus), "--db", str(tmp_path / "q.db"), "--strict"])
    assert result.exit_code != 0
    assert "empty.txt" in result.output or "image.txt" in result.output


def test_workers_give_the_same_results(corpus: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert CliRunner().invoke(main, ["screen", str(corpus), "--db", str(one)]).exit_code == 0
    assert _run("screen", str(corpus), "--db", str(two), "--workers", "2").returncode == 0

    def flags(db: Path) -> list:
        con = sqlite3.connect(db)
        return con.execute("SELECT doc_id, code, evidence FROM flags ORDER BY 1, 2, 3").fetchall()

    assert flags(one) == flags(two)


def test_killed_run_resumes_without_duplicates(tmp_path: Path) -> None:
    src = tmp_path / "many.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for i in range(120):
            fh.write(json.dumps({"id": i, "text": INDICTMENT.replace("101号", f"{i}号")}, ensure_ascii=False) + "\n")
    db = tmp_path / "q.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline.cli", "screen", str(src), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 120
    done = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            done = sqlite3.connect(db).execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            continue
        if done >= 5:
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait()
    assert done >= 5
    result = _run("screen", str(src), "--db", str(db))
    assert result.returncode == 0, result.stderr
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 120
    assert (
        con.execute(
            "SELECT COUNT(*) FROM (SELECT doc_id, code FROM queue_items GROUP BY 1, 2 HAVING COUNT(*) > 1)"
        ).fetchone()[0]
        == 0
    )


def test_queue_and_export(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    CliRunner().invoke(main, ["screen", str(corpus), "--db", str(db)])
    listed = CliRunner().invoke(main, ["queue", "list", "--db", str(db), "--format", "json", "--limit", "50"])
    rows = [json.loads(line) for line in listed.output.splitlines()]
    assert rows and rows == sorted(rows, key=lambda r: -r["priority"])
    assert rows[0]["family"] == "violation"
    out = tmp_path / "flags.csv"
    assert CliRunner().invoke(main, ["export", "--db", str(db), "--format", "csv", "--out", str(out)]).exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    out2 = tmp_path / "flags.jsonl"
    CliRunner().invoke(main, ["export", "--db", str(db), "--format", "jsonl", "--out", str(out2), "--mask"])
    assert "110101199003071235" not in out2.read_text(encoding="utf-8")


def test_demo_screens_the_bundled_corpus(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = CliRunner().invoke(main, ["demo", "--db", str(db), "--limit", "5"])
    assert result.exit_code == 0, result.output
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM documents").fetchone()[0] >= 30
    assert con.execute("SELECT COUNT(*) FROM queue_items").fetchone()[0] > 0


def test_duplicate_content_in_flight_with_workers(tmp_path: Path) -> None:
    src = tmp_path / "dups.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for i in range(12):  # every text appears three times, close together
            fh.write(json.dumps({"id": i, "text": INDICTMENT.replace("101号", f"{i // 3}号")}, ensure_ascii=False) + "\n")
    db = tmp_path / "q.db"
    result = _run("screen", str(src), "--db", str(db), "--workers", "2")
    assert result.returncode == 0, result.stderr
    assert "4 screened, 8 already done, 0 errors" in result.stdout
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM document_sources").fetchone()[0] == 12
