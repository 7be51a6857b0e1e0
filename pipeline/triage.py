"""Queue priority: explainable, one number plus the reasons that make it up (MISSION.md "Triage").

priority = severity weight (violation > defect) + confidence + urgency (running or broken clocks,
custody) ; reviewed or snoozed items are filtered by status, not by score.
"""

from __future__ import annotations

from dataclasses import dataclass

from .taxonomy import CODES, SEVERITY_WEIGHT, VIOLATION
from .types import Flag

# Codes whose flag means a clock is running out or a person may be held unlawfully right now.
URGENT = {"overdue_custody": 3.0, "deadline_near": 2.5, "minor_protection": 1.0, "overdue_handling": 1.0}


@dataclass(frozen=True)
class Priority:
    score: float
    why: str


def priority(flags: list[Flag]) -> Priority:
    """Priority of one queue item = the flags of one code in one document."""
    if not flags:
        raise ValueError("a queue item needs at least one flag")
    code = flags[0].code
    conf = max(f.confidence for f in flags)
    sev = max(SEVERITY_WEIGHT[f.severity] for f in flags)
    parts = [(f"severity {max(flags, key=lambda f: SEVERITY_WEIGHT[f.severity]).severity}", sev * 10)]
    if CODES[code].family == VIOLATION:
        parts.append(("violation indicator", 5.0))
    parts.append((f"confidence {conf:.2f}", conf * 10))
    if code in URGENT:
        parts.append(("time-critical", URGENT[code] * 3))
    if len(flags) > 1:
        parts.append((f"{len(flags)} findings", min(len(flags) - 1, 3) * 1.0))
    score = round(sum(v for _, v in parts), 2)
    return Priority(score, "; ".join(f"{k} +{v:g}" for k, v in parts))
