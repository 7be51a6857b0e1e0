"""The queue store contract. SQLite is the embedded default; other backends implement the same methods."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..types import InputError, ScreeningResult

QUEUE_STATUSES = ("open", "claimed", "confirmed", "dismissed", "snoozed", "escalated", "obsolete")


@dataclass(frozen=True)
class QueueRow:
    item_id: int
    doc_id: str
    source: str
    doc_type: str
    grade: str
    code: str
    family: str
    severity: str
    confidence: float
    priority: float
    why: str
    status: str
    reason: str  # reason of the strongest flag of this item
    evidence: str  # its first evidence text


class Store(ABC):
    """One writer per store; readers may be many."""

    @abstractmethod
    def start_run(self, inputs: list[str], pipeline_version: str) -> str: ...

    @abstractmethod
    def finish_run(self, run_id: str, *, screened: int, skipped: int, errors: int, status: str) -> None: ...

    @abstractmethod
    def is_screened(self, doc_id: str, pipeline_version: str) -> bool: ...

    @abstractmethod
    def save_result(self, result: ScreeningResult, run_id: str) -> None:
        """Idempotent: re-screening a document replaces its flags and updates its queue items."""

    @abstractmethod
    def add_source(self, doc_id: str, source: str) -> None:
        """Record that an already screened document was also seen at `source`."""

    @abstractmethod
    def save_error(self, error: InputError, run_id: str, stage: str = "ingest") -> None: ...

    @abstractmethod
    def queue(
        self, *, limit: int = 20, statuses: tuple[str, ...] = ("open",), code: str | None = None
    ) -> list[QueueRow]: ...

    @abstractmethod
    def iter_flags(self) -> Iterator[dict[str, Any]]:
        """Every stored flag joined with its document and queue status, for exports."""

    @abstractmethod
    def errors(self) -> list[dict[str, Any]]: ...

    @abstractmethod
    def stats(self) -> dict[str, Any]: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
