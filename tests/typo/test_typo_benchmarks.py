"""The typo benchmarks read ../shared in place and skip cleanly without it (a fresh clone has none)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("script", ["bench_typo.py", "bench_typo_real.py", "bench_lm_choice.py"])
def test_benchmark_skips_without_the_shared_corpus(script: str, tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), "--shared", str(tmp_path / "absent")],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip
    assert out.returncode == 0
    assert out.stdout.startswith("skipped:")


def test_table_check_skips_without_the_shared_corpus(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_typo_tables.py"), "--shared", str(tmp_path / "absent")],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip
    assert out.returncode == 0
    assert out.stdout.startswith("skipped:")
