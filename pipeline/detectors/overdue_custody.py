"""超期羁押: a custody clock (拘留→逮捕, 逮捕后侦查羁押, 在押审查起诉) ran past its limit with no recorded extension.

The clocks come from `pipeline.law.clocks`. Extensions the statute allows but documents rarely record (the
30 days of art. 91 ¶2 for 流窜/多次/结伙作案, the 侦查羁押 extensions of arts. 156–159) decide the confidence:
* 0.85 over even with every lawful extension, by more than 2 days;
* 0.6  beyond every lawful extension by only 1–2 days (a counting convention or an unrecorded 执行 delay may
       explain it);
* 0.35 over the limit the document's own record allows but within what unrecorded extensions could allow —
       raised only for procuratorial documents (起诉书, 审查报告 …), whose 强制措施 history is expected to
       record extensions; a judgment never records 延长拘留期限, so there this tier stays silent.
A clock still open at the as-of date (no end event yet) scores 0.1 lower. A clock the document shows may have
been paused or restarted (停止计算, 另有重要罪行, 改变管辖 …) never flags.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..doctypes import PROCURATORIAL
from ..law.clocks import OVERDUE_CUSTODY, OVERDUE_RUNNING, ClockResult, case_clocks
from ..types import Flag
from .base import Context, Detector, register

CODE = "overdue_custody"
CONFIDENCE = {"beyond_max": 0.85, "just_beyond_max": 0.6, "over_recorded": 0.35}
RUNNING_PENALTY = 0.1


def is_custody_clock(r: ClockResult) -> bool:
    return r.rule.flag == OVERDUE_CUSTODY or (r.rule.code == "prosecution_review" and bool(r.custody))


def reason(r: ClockResult) -> str:
    if r.tier == "over_recorded":
        return r.describe() + "文书未记载延长期限；如经批准延长（如流窜、多次、结伙作案延长至三十日），请核对延长手续。"
    return r.describe() + f"即使适用法定最长期限（{r.max_limit.text}）亦已超过。"


@register
class OverdueCustody(Detector):
    name = "overdue_custody"
    version = "1"
    codes = (CODE,)

    def detect(self, ctx: Context) -> Iterable[Flag]:
        for r in case_clocks(ctx):
            tier = r.tier
            if not is_custody_clock(r) or tier is None:
                continue
            if tier == "over_recorded" and ctx.doc_type not in PROCURATORIAL:
                continue
            conf = CONFIDENCE[tier] - (RUNNING_PENALTY if r.status == OVERDUE_RUNNING else 0.0)
            yield self.flag(ctx, CODE, r.spans, confidence=conf, basis=r.rule.basis, reason=reason(r))
