"""期限临近: a statutory clock still running at the as-of date with few days left — the "catch it early" flag.

As-of is `document.meta["as_of"]` (a date or an ISO string) when given, else the document's own 落款 date.
A clock is running when its start event is recorded, no end event is, and no later procedural stage shows it
ended (see `pipeline.law.clocks`). Custody clocks (拘留, 侦查羁押, 在押审查起诉) score higher: a person is
held, and art. 105 gives no holiday extension.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..law.clocks import RUNNING, case_clocks
from ..types import Flag
from .base import Context, Detector, register

CODE = "deadline_near"
NEAR_DAYS = 3  # flag a running clock with this many days left or fewer
CONF_CUSTODY = 0.8
CONF_OTHER = 0.7


@register
class DeadlineNear(Detector):
    name = "deadline_near"
    version = "1"
    codes = (CODE,)

    def detect(self, ctx: Context) -> Iterable[Flag]:
        for r in case_clocks(ctx):
            if r.status != RUNNING or r.days_left is None or r.days_left > NEAR_DAYS or r.suppressed:
                continue
            conf = CONF_CUSTODY if r.custody else CONF_OTHER
            reason = r.describe() + f"距期满不足{NEAR_DAYS + 1}日，请及时办结或依法办理延长、变更手续。"
            yield self.flag(ctx, CODE, r.spans, confidence=conf, basis=r.rule.basis, reason=reason)
