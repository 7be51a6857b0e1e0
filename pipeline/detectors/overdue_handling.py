"""办案超期: a procedural deadline missed — 审查批准逮捕 7日, 审查起诉 1个月(+15日), 告知委托辩护人 3日,
退回补充侦查 1个月 and at most twice, 一审/二审 审限, 拘留后24小时内讯问.

Clocks come from `pipeline.law.clocks`; an 审查起诉 clock while the person is in custody is reported by
overdue_custody instead, so one overrun raises one flag. Confidence by clock (beyond every lawful extension
by more than 2 days / by 1–2 days / over only the limit the document records):
* 审查批准逮捕, 退回补充侦查, 告知: 0.8 / 0.5 / — (their limits have no extension);
* 审查起诉: 0.75 / 0.5 / 0.4 (the last only for procuratorial documents, which record 延长审查起诉期限);
* 一审, 二审: 0.5 / 0.35 / — (审限 are often suspended by 延期审理 or 鉴定 that judgments do not always
  mention; the documents that do mention them never flag);
* 讯问 within 24 hours: 0.6 (dates only: a first interrogation two calendar days after 拘留 is certainly late);
* 退回补充侦查 more than twice: 0.8.
A clock still open at the as-of date scores 0.1 lower.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..doctypes import PROCURATORIAL
from ..extract import timeline as tl
from ..law.clocks import ARTICLE_NAMES, CPL, OVERDUE_HANDLING, OVERDUE_RUNNING, QUOTES, ClockResult, case_clocks
from ..types import Flag
from .base import Context, Detector, register

CODE = "overdue_handling"
_STRICT = {"beyond_max": 0.8, "just_beyond_max": 0.5}
_REVIEW = {"beyond_max": 0.75, "just_beyond_max": 0.5, "over_recorded": 0.4}
_TRIAL = {"beyond_max": 0.5, "just_beyond_max": 0.35}
CONFIDENCE: dict[str, dict[str, float]] = {
    "arrest_review": _STRICT,
    "supplementary_investigation": _STRICT,
    "counsel_notice": _STRICT,
    "court_counsel_notice": _STRICT,
    "prosecution_review": _REVIEW,
    "first_instance": _TRIAL,
    "first_instance_summary": _TRIAL,
    "first_instance_speedy": _TRIAL,
    "second_instance": _TRIAL,
    "first_interrogation": {"beyond_max": 0.6, "just_beyond_max": 0.6},
}
CONF_TOO_MANY_RETURNS = 0.8
MAX_RETURNS = 2
RUNNING_PENALTY = 0.1


def confidence(r: ClockResult, doc_type: str) -> float | None:
    tier = r.tier
    if tier is None or r.rule.flag != OVERDUE_HANDLING:
        return None
    if r.rule.code == "prosecution_review" and r.custody:
        return None  # reported as overdue_custody
    if tier == "over_recorded" and doc_type not in PROCURATORIAL:
        return None
    conf = CONFIDENCE.get(r.rule.code, {}).get(tier)
    if conf is None:
        return None
    return conf - (RUNNING_PENALTY if r.status == OVERDUE_RUNNING else 0.0)


@register
class OverdueHandling(Detector):
    name = "overdue_handling"
    version = "1"
    codes = (CODE,)

    def detect(self, ctx: Context) -> Iterable[Flag]:
        for r in case_clocks(ctx):
            conf = confidence(r, ctx.doc_type)
            if conf is None:
                continue
            text = r.describe()
            if r.tier == "over_recorded":
                text += "文书未记载延长审查起诉期限。"
            yield self.flag(ctx, CODE, r.spans, confidence=conf, basis=r.rule.basis, reason=text)
        yield from self._returns(ctx)

    def _returns(self, ctx: Context) -> Iterable[Flag]:
        returns = [e for e in tl.extract_timeline(ctx) if e.kind == tl.RETURNED]
        stated = tl.procedure_notes(ctx).returns_stated
        if stated <= MAX_RETURNS or not returns:
            return
        dated = [e for e in returns if e.date]
        reason = (
            f"文书记载退回补充侦查{stated}次"
            + (
                "（" + "、".join(f"{e.date.year}年{e.date.month}月{e.date.day}日" for e in dated) + "）"
                if dated
                else ""
            )
            + f"，超过法定的{MAX_RETURNS}次。"
        )
        basis = f"{CPL}{ARTICLE_NAMES['175']}：{QUOTES['175']}"
        yield self.flag(
            ctx, CODE, [e.span for e in returns], confidence=CONF_TOO_MANY_RETURNS, basis=basis, reason=reason
        )
