"""Where shipped data lives. `PINGCHA_DATA` overrides it (for an installed copy without the repo)."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def data_dir() -> Path:
    return Path(os.environ.get("PINGCHA_DATA", REPO_ROOT / "data"))


def data_path(*parts: str) -> Path:
    return data_dir().joinpath(*parts)
