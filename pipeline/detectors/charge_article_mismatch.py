"""charge_article_mismatch: the charge a document settles on and the 刑法 articles it cites do not match.

A *charge claim* is a charge named as a conclusion: 构成盗窃罪, 以盗窃罪追究/定罪/判处, 犯盗窃罪，判处…,
认定为/定性为盗窃罪, …犯盗窃罪的罪名成立. Not claims: a 前科 (曾因犯…罪被判处, a cited earlier judgment),
what the defence or an appellant argues (the last speaker marker before the charge decides), a charge
the court rejects (不予支持, 不构成), 被以…罪 about third parties, and charges inside a 司法解释's title.

Two rules, both only when the charge→article mapping is known (data/law/charges.json) and the document
cites no article that fits the charge anywhere (its own article, or a hand-verified cross-reference such
as 第二百六十九条 for 抢劫罪 or 第三百八十六条 for 受贿罪):
  1. a claim and 刑法 分则 citations in the same statement (the same sentence, or a sentence ending in the
     claim followed by the 依照…之规定 basis clause), none of which fits the claimed charge;
  2. a formal document that names exactly one charge (claims plus its case cause, 指控被告人犯X罪一案)
     and cites 分则 articles, none of which fits it.
分则 means 第一百零二条 and later, less the neutral articles (definitions, unit liability, 毒品 recidivism);
general-part articles (第二十五条, 第六十七条, 第五十二条 …) never count either way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import doctypes
from ..extract.citations import ChargeMention, Citation, charges_in, citations_in
from ..law import statutes as st
from ..law.charges import Article, charge, fitting_articles, neutral_articles
from ..types import Flag
from .base import Context, Detector, register

CRIMINAL_LAW = "刑法"
FIRST_SPECIAL_ARTICLE = 102  # 分则 begins at 第一百零二条

_CLAIM_BEFORE = re.compile(r"(?:构成了?|认定为|定性为|应定|以|犯有?)\s*$")
_NOT_CLAIM_BEFORE = re.compile(
    r"(?:不[能应当宜得可再]{0,3}|是否|并非|而非|曾|因|曾因|前因|前|另|被)\s*(?:构成了?|认定为|定性为|以|犯有?)\s*$"
)
_AFTER_YI = re.compile(r"^\s*(?:追究|定罪|论处|判处|惩处|处罚)")
_AFTER_FAN = re.compile(r"^\s*(?:[，,]\s*(?:判处|免予|单处|处|决定执行|数罪并罚|应予|依法)|的?罪名成立)")
# Who is speaking: the last marker before a charge decides whether it is the document's own conclusion.
_SPEAKER = re.compile(
    r"(?P<defence>辩称|辩解|辩护人|辩护意见|上诉称|上诉提出|提出上诉|上诉理由|上诉意见|申诉|被告人[^，。；]{0,8}提出|"
    r"原审被告人[^，。；]{0,8}提出|为由)|"
    r"(?P<own>本院认为|公诉机关认为|检察院认为|承办人认为|承办检察官认为|审查认为|指控|经审理查明|原判认定|原判认为|综上|依照|根据|据此|判决如下|裁定如下)"
)
_REJECTED = re.compile(r"不予支持|不予采纳|不能成立|证据不足|罪名不当|定性不当|不构成")
_PRIOR = re.compile(r"曾因|曾犯|前科|刑满释放|假释|服刑|另案|判决书证明|判决书载明|裁定书证明|前犯")
_CASE_CAUSE = re.compile(r"(?:犯|涉嫌)$")  # 指控被告人犯X罪一案 / 以涉嫌X罪 -- the case's charge, for rule 2
_CASE_CAUSE_AFTER = re.compile(
    r"(?:一案|案|[一二]审|刑事|[，,]于|[，,]?\s*(?:于[^。；]{0,20})?(?:向本院)?移送(?:本院)?审查起诉)"
)


def _speaker(text: str, pos: int) -> str:
    window = text[max(0, pos - 300) : pos]
    last = None
    for m in _SPEAKER.finditer(window):
        last = m
    if last is None:
        return "own"
    return "defence" if last.group("defence") else "own"


def _is_claim(text: str, m: ChargeMention, sentence: tuple[int, int]) -> bool:
    before = text[max(0, m.start - 8) : m.start]
    trigger = _CLAIM_BEFORE.search(before)
    if trigger is None or _NOT_CLAIM_BEFORE.search(before):
        return False
    s, e = sentence
    sent = text[s:e]
    if _REJECTED.search(sent) or _PRIOR.search(text[max(s - 80, 0) : e]):
        return False
    if _speaker(text, m.start) != "own":
        return False
    after = text[m.end : m.end + 12]
    word = trigger.group(0).strip()
    if word == "以":
        return bool(_AFTER_YI.search(after))
    if word.startswith("犯"):
        return bool(_AFTER_FAN.search(after))
    return True


def _inside_title(text: str, pos: int) -> bool:
    """Whether `pos` lies inside 《…》 (a law's title names charges without claiming them)."""
    opened = text.rfind("《", 0, pos)
    return opened >= 0 and text.rfind("》", 0, pos) < opened and text.find("》", pos) >= 0


@register
class ChargeArticleMismatch(Detector):
    name = "charge_article_mismatch"
    version = "1"
    codes = ("charge_article_mismatch",)

    def detect(self, ctx: Context) -> Iterator[Flag]:
        text = ctx.text
        special = [
            c
            for c in citations_in(ctx)
            # a misspelt name one character off (《中华人民共和刑法》) is citation_error's finding, still the 刑法
            if (c.law_key or c.near_key) == CRIMINAL_LAW
            and c.article >= FIRST_SPECIAL_ARTICLE
            and (c.article, c.sub) not in neutral_articles()
        ]
        if not special:
            return
        cited_anywhere: set[Article] = {(c.article, c.sub) for c in special}
        mentions = [m for m in charges_in(ctx) if not _inside_title(text, m.start)]
        claims = [m for m in mentions if _is_claim(text, m, self._sentence(ctx, m.start))]
        reported: set[str] = set()

        # Rule 1: a charge claimed in the same statement as 分则 citations none of which fits it.
        for m in claims:
            if m.name in reported:
                continue
            near = [c for c in special if self._same_statement(ctx, c.start, m.start)]
            if near and self._misfit(m.name, {(c.article, c.sub) for c in near}, cited_anywhere):
                reported.add(m.name)
                yield self._flag(ctx, m, near, 0.0)

        # Rule 2: a single-charge formal document whose 分则 citations all belong to other charges.
        named = {m.name for m in claims} | {m.name for m in mentions if self._is_case_cause(text, m)}
        if len(named) == 1 and ctx.doc_type != doctypes.OTHER:
            only = next(iter(named))
            if only not in reported and self._misfit(only, cited_anywhere, cited_anywhere):
                m = next(x for x in claims + mentions if x.name == only)
                yield self._flag(ctx, m, sorted(special, key=lambda c: abs(c.start - m.start))[:3], -0.1)

    # ------------------------------------------------------------------ helpers

    @staticmethod
    def _misfit(name: str, near: set[Article], anywhere: set[Article]) -> bool:
        c = charge(name)
        if c is None or not c.articles:
            return False
        fits = fitting_articles(name)
        return not (near & fits) and not (anywhere & fits)

    @staticmethod
    def _sentence(ctx: Context, pos: int) -> tuple[int, int]:
        return ctx.sentence_at(pos) if ctx.sentences else (0, len(ctx.text))

    def _same_statement(self, ctx: Context, cite_pos: int, charge_pos: int) -> bool:
        """Same sentence; or the charge closes the sentence before a basis clause (…构成盗窃罪。依照…)."""
        cs = self._sentence(ctx, cite_pos)
        if cs[0] <= charge_pos < cs[1]:
            return True
        head = ctx.text[cs[0] : cs[0] + 6]
        if re.match(r"(?:综上|依照|根据|据此|依据)", head):
            prev = self._sentence(ctx, max(cs[0] - 1, 0))
            return prev[0] <= charge_pos < prev[1] and prev != cs
        return False

    @staticmethod
    def _is_case_cause(text: str, m: ChargeMention) -> bool:
        """指控被告人犯X罪一案 / 以涉嫌X罪 / 涉嫌X罪，移送审查起诉 / 被告人X犯Y罪…判决书: the case's charge."""
        before = text[max(0, m.start - 6) : m.start]
        after = text[m.end : m.end + 12]
        if re.search(r"[因曾前]\s*(?:犯|涉嫌)$", before):
            return False
        return bool(_CASE_CAUSE.search(before)) and bool(_CASE_CAUSE_AFTER.match(after))

    def _flag(self, ctx: Context, m: ChargeMention, near: list[Citation], adjust: float) -> Flag:
        c = charge(m.name)
        assert c is not None
        main = min(c.articles)
        return self.flag(
            ctx,
            "charge_article_mismatch",
            [(m.start, m.end), *((x.start, x.end) for x in near)],
            confidence=(0.85 if c.verified else 0.6) + adjust,
            basis=st.quote(CRIMINAL_LAW, main[0], None, main[1]),
            reason=self._reason(m, c.name, near, sorted(c.articles)),
        )

    @staticmethod
    def _reason(m: ChargeMention, official: str, near: list[Citation], articles: list[Article]) -> str:
        cited = "、".join(dict.fromkeys(st.article_label(x.article, x.sub) for x in near))
        fit = "、".join(st.article_label(a, s) for a, s in articles)
        shown = m.surface if m.surface == official else f"{m.surface}（{official}）"
        return (
            f"文书认定{shown}，但引用的刑法分则条文（{cited}）均不是该罪的罪刑条款，全文也未引用该罪条文；"
            f"按两高罪名规定，{official}规定在刑法{fit}。"
        )
