"""amount_mismatch: 大写/小写 forms of one amount that disagree, and stated totals that do not add up.

Two checks, both conservative (a false accusation of sloppy drafting costs an analyst's trust):

* pair: "人民币伍仟元（5000元）" whose two forms have different values.
* total: a stated total (共计/合计/累计/总计 …) right after CLEARLY enumerated items in the same stretch of
  text, that differs from their sum. Items count as enumerated when they follow 分别 ("分别为1万元、2万元"),
  when each sits in its own numbered segment (第一次…第二次…, 1、…2、…, （1）…（2）…) or when they form a tight
  list with short labels right before the total ("医疗费1000元、误工费500元，共计1500元"). Any approximate
  (余/约/以上) or unit-price amount among them, an "等" before the total, or a segment with more than one
  amount makes the check stand down. A total written in 万 is compared at its own precision (1.5万 ≈ 15,230).

Not checked: "the same figure described differently in facts and 本院认为" — matching two mentions to the
same thing needs more than amounts and their neighbourhood, and the false alarms would outnumber real finds.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal

from ..extract.amounts import Amount, extract_amounts, format_value
from ..extract.cn_numbers import parse_cn_number
from ..types import Flag
from .base import Context, Detector, register

BASIS = (
    "《人民检察院司法责任追究条例》第三条第二款：检察人员在事实认定、证据采信、法律适用、办案程序、文书制作等方面"
    "不符合法律和有关规定，但不影响案件结论的正确性和效力的，属司法瑕疵；"
    "《人民检察院刑事诉讼规则》第三百五十八条：起诉书叙述的指控犯罪事实的必备要素应当明晰、准确。"
)

_ORDINAL_CN = "一二三四五六七八九十"
# Numbered segments; each style is a regex with one group holding the ordinal.
_MARKER_STYLES = (
    re.compile(rf"第([{_ORDINAL_CN}\d]{{1,3}})(?:次|笔|起|项|宗|单|回)"),
    re.compile(r"(?:^|(?<=[。；;：:，\n]))\s*(\d{1,2})[、.．](?!\d)"),
    re.compile(rf"[（(]([{_ORDINAL_CN}\d]{{1,3}})[）)]"),
    re.compile(rf"(?:^|(?<=[。；;：:，\n]))\s*([{_ORDINAL_CN}]{{1,3}})是"),
)
_LIST_GAP = re.compile(r"[、，,；;和及与][^\d，,。；;！？\n]{0,8}")
_TOTAL_LEAD = re.compile(r"[，,；;]?[^\d，,。；;！？\n]{0,10}")
# The total covers more than the items just before it (以上各项, 上述, 等) or states its own item count.
_WIDER_TOTAL = re.compile(r"以上|上述|前述|各项|等|其余|剩余|另")
_COUNT_WORD = re.compile(r"([两二三四五六七八九十\d]+)(?:项|笔|次|部分|人|个|批|起)")
# An item that is really a multiple (各出资2万元, 每人500元, 四捆1万元) does not add up as written.
_MULTIPLIER_BEFORE = re.compile(r"各|每|[一二两三四五六七八九十\d][捆扎沓叠张份套台辆件]$")
_EPISODE_START = re.compile(
    r"(?:(?:19|20)\d{2}年|[二〇零一九]{4}年|同年|同月|次日|翌日|当日|当天|\d{1,2}月\d{1,2}日|[一二三四五六七八九十]{1,3}月)"
)
# "综上，…共计" / "以上合计" / "邱某共计侵占…": a sentence that sums up, not a refund or a later payment
_SUMMARY_START = re.compile(r"(?:综上所述|综上|以上|上述|前述)|[^，,。；;]{1,8}?(?:共计|合计|累计|总计)")
_MAX_SPREAD = 400  # numbered segments further back than this are another topic


@register
class AmountMismatch(Detector):
    name = "amount_mismatch"
    version = "1"
    codes = ("amount_mismatch",)

    def detect(self, ctx: Context) -> Iterable[Flag]:
        amounts = extract_amounts(ctx)
        yield from self._pairs(ctx, amounts)
        yield from self._totals(ctx, amounts)

    def _pairs(self, ctx: Context, amounts: list[Amount]) -> Iterator[Flag]:
        for i, a in enumerate(amounts):
            if a.pair is None or a.pair < i:
                continue
            b = amounts[a.pair]
            if a.value == b.value:
                continue
            yield self.flag(
                ctx,
                "amount_mismatch",
                [(a.start, a.end), (b.start, b.end)],
                confidence=0.9,
                basis=BASIS,
                reason=(
                    f"同一金额的两种写法不一致：{a.form}“{a.text}”为{format_value(a.value)}元，"
                    f"括号内{b.form}“{b.text}”为{format_value(b.value)}元。"
                ),
            )

    def _totals(self, ctx: Context, amounts: list[Amount]) -> Iterator[Flag]:
        # The bracketed second form of a pair repeats its partner: count each pair once.
        counted = [a for i, a in enumerate(amounts) if not (a.pair is not None and a.pair < i)]
        for k, total in enumerate(counted):
            if not total.is_total or total.approximate or "单价" in total.qualifiers:
                continue
            items, how = _enumerated_items(ctx.text, counted[:k], total)
            if len(items) < 2:
                items, how = _episodes(ctx, counted[:k], total), "逐次作案"
            if len(items) < 2:
                continue
            if any(
                it.approximate or it.is_total or "单价" in it.qualifiers or it.currency != total.currency
                for it in items
            ):
                continue
            s = sum((it.value for it in items), Decimal(0))
            if _agrees(s, total):
                continue
            listed = "＋".join(format_value(it.value) for it in items)
            yield self.flag(
                ctx,
                "amount_mismatch",
                [(it.start, it.end) for it in items] + [(total.start, total.end)],
                confidence=0.75 if how in ("连续列举", "逐次作案") else 0.8,
                basis=BASIS,
                reason=(
                    f"合计数与所列分项之和不符：分项（{how}）{listed}＝{format_value(s)}元，"
                    f"而文中“{total.text}”为{format_value(total.value)}元。"
                ),
            )


def _agrees(s: Decimal, total: Amount) -> bool:
    if s == total.value:
        return True
    m = re.search(r"(\d+(?:\.(\d+))?)[余多]?万", total.text)
    if m and "亿" not in total.text:
        places = len(m.group(2) or "")
        return round(s / Decimal(10000), places) == round(total.value / Decimal(10000), places)
    return False


def _enumerated_items(text: str, before: list[Amount], total: Amount) -> tuple[list[Amount], str]:
    """The amounts that `total` sums up, and how they were recognised; ([], "") when not clear."""
    if not before:
        return [], ""
    last = before[-1]
    lead = text[last.end : total.start]
    # The total must follow the last item closely, in the same stretch of text, with nothing left out (等).
    if not _TOTAL_LEAD.fullmatch(lead) or _WIDER_TOTAL.search(lead):
        return [], ""
    items, how = _after_fenbie(text, before, total), "分别列举"
    if not items:
        items, how = _numbered(text, before, total), "逐项编号"
    if not items:
        items, how = _tight_list(text, before), "连续列举"
    if not items or any(_is_multiple(text, before, it) for it in items):
        return [], ""
    count = _COUNT_WORD.search(lead)
    if count and parse_cn_number(count.group(1)) != len(items):
        return [], ""
    return items, how


def _episodes(ctx: Context, before: list[Amount], total: Amount) -> list[Amount]:
    """One amount per dated episode of the facts, summed up in a sentence of its own.

    "2018年9月15日，…转入人民币61100元；同年11月23日，…58500元。以上合计人民币512400元" — every sentence of the
    block (from its heading or paragraph start) that carries an amount must open with a date and carry
    exactly one; the total's sentence carries no other amount; "N次" in it must count the episodes.
    """
    text = ctx.text
    ts, te = ctx.sentence_at(total.start)
    others = [a for a in extract_amounts(ctx) if ts <= a.start < te and a.start != total.start]
    if ts == te or others or not _SUMMARY_START.match(text, ts):
        return []
    heading = max(text.rfind("：\n", 0, ts), text.rfind(":\n", 0, ts))
    items: list[Amount] = []
    for s, e in ctx.sentences:
        if s <= heading or s >= ts:
            continue
        inside = [a for a in before if s <= a.start < e]
        if not inside:
            continue
        if len(inside) != 1 or not _EPISODE_START.match(text, s):
            return []
        items.append(inside[0])
    count = _COUNT_WORD.search(text, ts, total.start)
    if count and parse_cn_number(count.group(1)) != len(items):
        return []
    return items


def _is_multiple(text: str, before: list[Amount], item: Amount) -> bool:
    prev_end = max((a.end for a in before if a.end <= item.start), default=0)
    lo = max(prev_end, item.start - 12)
    clause = re.split(r"[，,。；;、]", text[lo : item.start])[-1]
    return bool(_MULTIPLIER_BEFORE.search(clause))


def _after_fenbie(text: str, before: list[Amount], total: Amount) -> list[Amount]:
    start = text.rfind("分别", max(0, total.start - 200), total.start)
    if start < 0 or re.search(r"[。\n]", text[start : total.start]):
        return []
    items = [a for a in before if a.start > start]
    if len(items) < 2:
        return []
    for x, y in itertools.pairwise(items):
        if not _LIST_GAP.fullmatch(text[x.end : y.start]):
            return []
    return items


def _tight_list(text: str, before: list[Amount]) -> list[Amount]:
    chain = [before[-1]]
    rest = before[:-1]
    while rest and _LIST_GAP.fullmatch(text[rest[-1].end : chain[0].start]):
        chain.insert(0, rest.pop())
    # The list must open its sentence's run of amounts: an earlier amount in the same sentence may be an
    # item the chain missed (its label was long, or it was written without 元), so the sum is unknown.
    if len(chain) < 2 or (rest and not re.search(r"[。；;\n]", text[rest[-1].end : chain[0].start])):
        return []
    return chain


def _numbered(text: str, before: list[Amount], total: Amount) -> list[Amount]:
    lo = max(0, total.start - _MAX_SPREAD)
    nl = text.rfind("\n", lo, total.start)
    lo = nl + 1 if nl >= 0 else lo
    for style in _MARKER_STYLES:
        marks = [(m.start(), _ordinal(m.group(1))) for m in style.finditer(text, lo, total.start)]
        run = _last_run_from_one(marks)
        if len(run) < 2:
            continue
        bounds = [p for p, _ in run] + [total.start]
        items: list[Amount] = []
        for seg_start, seg_end in itertools.pairwise(bounds):
            inside = [a for a in before if seg_start <= a.start and a.end <= seg_end]
            if len(inside) != 1:
                return []
            items.append(inside[0])
        # Nothing counted may sit between the last segment's amount and the total.
        return items
    return []


def _last_run_from_one(marks: list[tuple[int, int | None]]) -> list[tuple[int, int | None]]:
    """The last run of markers numbered 1, 2, 3 … (a restart at 1 begins a new run)."""
    run: list[tuple[int, int | None]] = []
    for pos, n in marks:
        if n == 1:
            run = [(pos, n)]
        elif run and n == (run[-1][1] or 0) + 1:
            run.append((pos, n))
        else:
            run = []
    return run


def _ordinal(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    v = parse_cn_number(s)
    return int(v) if v is not None else None
