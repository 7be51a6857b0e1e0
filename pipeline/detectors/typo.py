"""文字差错: 错别字 (同音/形近 substitutions) and non-standard legal wording.

Two sources of suggestions (pipeline/typo):
* the character-level spelling check — confusion-set candidates scored by a character LM trained on
  legal text, a reranker confidence, a whitelist (legal terms, charge names) and name/place protection
  so that 张某某, 被害人 names and rare legal terms are never "corrected";
* wording rules — 截止/截至, 做出/作出, 帐/账, 其它/其他, colloquial law names, the 常见错字错词 list, and
  the procedural-stage rule: 被告人 in a document written before indictment (批准/不批准逮捕决定书,
  审查报告, 不起诉决定书 which says 被不起诉人), 犯罪嫌疑人 for the indicted person in a 起诉书.

One flag per suggestion; the reason names the suggested wording.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..types import Flag
from ..typo.checker import shipped_checker
from .base import Context, Detector, register


@register
class TypoDetector(Detector):
    name = "typo"
    version = "3"
    codes = ("typo",)

    def detect(self, ctx: Context) -> Iterable[Flag]:
        checker = shipped_checker()
        for s in checker.check(ctx.text, ctx.doc_type, ctx.sentences):
            yield self.flag(
                ctx,
                "typo",
                [(s.start, s.end)],
                confidence=s.confidence,
                basis=s.basis,
                reason=f"“{s.original}”应为“{s.suggestion}”：{s.reason}",
            )
