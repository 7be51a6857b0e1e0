"""Document grade mirroring 案件质量评查 等次: pass (合格) / defective (瑕疵) / unqualified_risk (可能不合格)."""

from __future__ import annotations

from collections.abc import Iterable

from .taxonomy import VIOLATION
from .types import Flag

PASS = "pass"
DEFECTIVE = "defective"
UNQUALIFIED_RISK = "unqualified_risk"

# A violation indicator below this confidence (e.g. a 刑讯逼供 claim the court examined and rejected)
# is still a flag to review but does not by itself make the document reportable under 条例 art. 12.
VIOLATION_THRESHOLD = 0.5


def grade(flags: Iterable[Flag]) -> str:
    flags = list(flags)
    if any(f.family == VIOLATION and f.confidence >= VIOLATION_THRESHOLD for f in flags):
        return UNQUALIFIED_RISK
    return DEFECTIVE if flags else PASS
