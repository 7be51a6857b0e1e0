"""Where shipped data lives. `PINGCHA_DATA` overrides it (for an installed copy without the repo)."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def data_dir() -> Path:
    return Path(os.environ.get("PINGCHA_DATA", REPO_ROOT / "data"))


def data_path(*parts: str) -> Path:
    return data_dir().joinpath(*parts)


def sample_folders() -> list[Path]:
    """The bundled sample corpus: its type folders (MANIFEST.jsonl and README.md beside them describe it)."""
    samples = data_path("samples")
    if not samples.is_dir():
        from .errors import ConfigError

        raise ConfigError(f"sample corpus not found at {samples}; set PINGCHA_DATA to the data folder")
    return sorted(p for p in samples.iterdir() if p.is_dir())
