"""Document assembly: pick a case, render it, inject defects, and emit one gold record.

A record (one JSONL line):
    id        stable id (seed, index)
    text      the document (raw text; every offset below points into it)
    doc_type  pipeline.doctypes code
    flags     [{code, spans: [[start, end], …]}, …] — one entry per injected defect; [] for a clean document
    meta      how it was made: seed, fact source and origin, charge, defendants, plea, procedure, the
              injections (code, variant, quoted span texts) and the hard negatives (kind, spans, quotes)

Determinism: each document draws from its own `random.Random` seeded by (seed, index), so the same seed
gives byte-identical output, and document k does not depend on how documents before it turned out.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .. import doctypes
from ..taxonomy import CODES
from .case import Request, build_case
from .charges import SPECS, spec_for
from .compose import COMPOSERS
from .facts import Fact
from .inject import INJECTORS, NEGATIVES, Injection, plan_injections
from .templates import render

DOC_TYPE_WEIGHTS = {
    doctypes.INDICTMENT: 34,
    doctypes.JUDGMENT: 22,
    doctypes.NON_PROSECUTION: 14,
    doctypes.REVIEW_REPORT: 16,
    doctypes.ARREST_APPROVAL: 14,
}
MAX_TRIES = 20
# Duty crimes are investigated by the 监察委员会 (留置, 调查终结), a procedure these templates do not write.
DUTY_CRIMES = frozenset({"贪污罪", "受贿罪", "行贿罪", "挪用公款罪", "滥用职权罪", "玩忽职守罪", "单位受贿罪", "介绍贿赂罪",
                         "利用影响力受贿罪", "对有影响力的人行贿罪", "私分国有资产罪", "巨额财产来源不明罪"})  # fmt: skip
# Charges a 不起诉决定书 (犯罪情节轻微 / 证据不足) plausibly concerns.
LIGHT_CHARGES = ("盗窃罪", "诈骗罪", "故意伤害罪", "危险驾驶罪", "寻衅滋事罪", "掩饰、隐瞒犯罪所得、犯罪所得收益罪",
                 "帮助信息网络犯罪活动罪", "职务侵占罪", "非法拘禁罪", "交通肇事罪")  # fmt: skip


@dataclass
class Options:
    clean_share: float = 0.4  # documents without any defect
    external_share: float = 0.35  # documents whose facts come from external sources (guiding cases, CAIL)
    max_defects: int = 3
    negative_share: float = 0.35  # documents carrying a hard negative
    doc_types: Sequence[str] = tuple(DOC_TYPE_WEIGHTS)


def doc_rng(seed: int, index: int, split: str = "") -> random.Random:
    digest = hashlib.sha256(f"pingcha-synth:{seed}:{split}:{index}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def doc_id(seed: int, index: int, split: str = "") -> str:
    return f"synth-{seed}-{split + '-' if split else ''}{index:05d}"


@dataclass
class _Choice:
    doc_type: str
    charge: str
    fact: Fact | None
    codes: list[str] = field(default_factory=list)
    negatives: list[str] = field(default_factory=list)


def _choose(rng: random.Random, facts: Sequence[Fact], opts: Options) -> _Choice:
    """Document type, facts and defects. A defective document is planned from its first defect: a code drawn
    uniformly, then a document type and charge it can live in, so that rare codes (期限临近 needs a 审查报告,
    录音录像缺失 a grave charge) are not starved."""
    defective = rng.random() >= opts.clean_share
    primary = rng.choice(sorted(CODES)) if defective else None
    types = [t for t in opts.doc_types if primary is None or t in INJECTORS[primary].doc_types]  # type: ignore[attr-defined]
    if not types:
        types, primary = list(opts.doc_types), None
    doc_type = rng.choices(types, weights=[DOC_TYPE_WEIGHTS[t] for t in types])[0]
    usable = [
        f
        for f in facts
        if (spec := spec_for(f.charge)) is not None
        and f.charge not in DUTY_CRIMES
        and (f.latest_date is None or f.latest_date >= spec.since)  # no 之一 article cited before it existed
        and (f.n_defendants == 1 or doc_type in (doctypes.INDICTMENT, doctypes.JUDGMENT, doctypes.REVIEW_REPORT))
        and (primary is None or INJECTORS[primary].possible(doc_type, f.charge, f))  # type: ignore[attr-defined]
    ]
    if doc_type == doctypes.NON_PROSECUTION:
        usable = []  # a 不起诉 needs a minor offence: external facts are often grave, composed ones are chosen light
    fact = rng.choice(usable) if usable and rng.random() < opts.external_share else None
    charges = sorted(LIGHT_CHARGES if doc_type == doctypes.NON_PROSECUTION else COMPOSERS)
    if primary is not None and fact is None:
        charges = [c for c in charges if INJECTORS[primary].possible(doc_type, c, None)] or charges  # type: ignore[attr-defined]
    charge = fact.charge if fact else rng.choice(charges)
    choice = _Choice(doc_type, charge, fact)
    if primary is not None:
        n = rng.choices((1, 2, 3), weights=(60, 30, 10))[0]
        extra = plan_injections(rng, doc_type, charge, fact, min(n, opts.max_defects), first=primary)
        choice.codes = extra
    if rng.random() < opts.negative_share:
        kinds = [k for k, neg in NEGATIVES.items() if neg.applies(doc_type, charge)]
        if kinds:
            choice.negatives = [rng.choice(sorted(kinds))]
    return choice


def generate_document(
    seed: int, index: int, facts: Sequence[Fact], opts: Options | None = None, *, split: str = ""
) -> dict[str, Any]:
    """One gold record; deterministic in (seed, index, split, facts, opts). `facts` are the external facts
    this document may use (for a split: that split's share only)."""
    opts = opts or Options()
    rng = doc_rng(seed, index, split)
    last_error: Exception | None = None
    for _ in range(MAX_TRIES):
        choice = _choose(rng, facts, opts)
        try:
            return _build(rng, doc_id(seed, index, split), choice, {"seed": seed, "index": index, "split": split})
        except (ValueError, LookupError) as e:  # a draw that cannot make a coherent case: draw again
            last_error = e
    raise RuntimeError(f"document {index}: no coherent case after {MAX_TRIES} draws: {last_error}")


def _build(rng: random.Random, rid: str, choice: _Choice, where: dict[str, Any]) -> dict[str, Any]:
    req = Request(doc_type=choice.doc_type, charge=choice.charge, fact=choice.fact)
    injections = [INJECTORS[c](rng) for c in choice.codes]
    negatives = [NEGATIVES[k](rng) for k in choice.negatives]
    for inj in injections:
        inj.require(req)
    for neg in negatives:
        neg.require(req)
    case = build_case(rng, req)
    for inj in injections:
        inj.prepare(case)
    for neg in negatives:
        neg.prepare(case)
    draft = render(case)
    claimed = case.flags.setdefault("claimed", set())
    for inj in sorted(injections, key=lambda i: i.edits_text):  # text edits last, away from others' evidence
        inj.apply(draft, case)
        claimed.update(inj.keys)
    if case.spec.article[1] and draft.has("cite.cl.art") and not case.flags.get("cl_article"):
        for span in draft.spans("cite.cl.art"):
            draft.mark("neg.zhiyi_article", span)  # a valid 之一/之二 article: not a citation error
    flags, injected = _gold(draft, injections)
    negs = []
    for key in sorted(draft.keys("neg.")):
        spans = draft.spans(key)
        negs.append({"kind": key[4:], "spans": [list(s) for s in spans], "quotes": [draft.text[s:e] for s, e in spans]})
    text = draft.text
    return {
        "id": rid,
        "text": text,
        "doc_type": case.doc_type,
        "flags": flags,
        "meta": {
            **where,
            "fact_source": case.fact_source if case.fact_origin != "template" else f"template:{rid}",
            "fact_origin": case.fact_origin,
            "facts_shown": draft.has("facts"),  # a short-form 批准逮捕决定书 states no facts
            "charge": case.spec.name,
            "defendants": len(case.defendants),
            "plea": case.plea,
            "procedure": case.procedure,
            "doc_date": case.doc_date.isoformat(),
            "injections": injected,
            "negatives": negs,
        },
    }


def _gold(draft: Any, injections: list[Injection]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    flags, injected = [], []
    text = draft.text
    for inj in injections:
        spans = sorted({s for key in inj.keys for s in draft.spans(key)} | set(inj.spans))
        if not spans:
            raise LookupError(f"{inj.code}: no span recorded for {inj.keys}")
        flags.append({"code": inj.code, "spans": [list(s) for s in spans]})
        injected.append({"code": inj.code, "variant": inj.variant, "quotes": [text[s:e] for s, e in spans]})
    return flags, injected


def generate(
    seed: int, n: int, facts: Sequence[Fact], opts: Options | None = None, *, split: str = "", start: int = 0
) -> Iterator[dict[str, Any]]:
    """Documents start … start+n-1 of one split (facts: that split's external facts)."""
    for i in range(start, start + n):
        yield generate_document(seed, i, facts, opts, split=split)


def generate_splits(
    seed: int, n: int, facts: Sequence[Fact], opts: Options | None = None
) -> dict[str, list[dict[str, Any]]]:
    """n documents divided into train/dev/test; each split draws only on its own external facts."""
    from .splits import SPLITS, facts_for, sizes

    counts = sizes(n)
    return {s: list(generate(seed, counts[s], facts_for(s, facts), opts, split=s)) for s in SPLITS}


__all__ = ["DOC_TYPE_WEIGHTS", "SPECS", "Options", "generate", "generate_document"]
