"""Queue stores. `open_store` picks the backend from the location."""

from __future__ import annotations

from pathlib import Path

from .base import QUEUE_STATUSES, QueueRow, Store
from .sqlite import SQLiteStore


def open_store(location: str | Path) -> Store:
    """A file path opens the embedded SQLite store."""
    return SQLiteStore(location)


__all__ = ["QUEUE_STATUSES", "QueueRow", "SQLiteStore", "Store", "open_store"]
