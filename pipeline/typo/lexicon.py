"""The whitelist of legal terms and the common-misspelling table, compiled from ../shared/corpus at training time.

* charge names (lexicon/criminal_charges.txt; "武装叛乱、暴乱罪" gives 武装叛乱罪 and 暴乱罪, each also
  without 罪),
* THUOCL law terms (lexicon/THUOCL_law.txt, MIT),
* terms mined from the statutes: frequent character strings whose left and right neighbours vary
  (branching entropy), the usual unsupervised word-discovery test. THUOCL lacks core procedural terms
  (取保候审, 审查起诉 …); this finds them.
* 常见错字错词 (lexicon/wordlists/常见错字错词.txt, "correct-wrong" lines): a pair is kept only when the
  wrong form never occurs in the statutes (so 定货 is dropped: it occurs inside 约定货物).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
_EDGE_STOP = set("的了和或及与在是对由等为其之以于应被将并而所不也向从按把有该此")


def charge_terms(path: Path) -> set[str]:
    out: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        for part in line.split("、"):
            part = part.strip()
            base = part[:-1] if part.endswith("罪") else part
            if len(base) >= 2:
                out.add(base)
                out.add(base + "罪")
    return out


def thuocl_terms(path: Path) -> set[str]:
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        w = line.split("\t", 1)[0].strip()
        if len(w) >= 2 and _HAN.match(w):
            out.add(w)
    return out


def _entropy(c: Counter) -> float:
    total = sum(c.values())
    return -sum(v / total * math.log(v / total) for v in c.values())


def mine_terms(
    sentences: Iterable[str], min_len: int = 2, max_len: int = 6, min_count: int = 10, min_entropy: float = 1.0
) -> set[str]:
    """Strings of Han characters that recur and have varied neighbours on both sides."""
    counts = [Counter() for _ in range(max_len + 2)]
    for s in sentences:
        for n in range(min_len, max_len + 2):
            counts[n].update(s[i : i + n] for i in range(len(s) - n + 1))
    terms = set()
    for n in range(min_len, max_len + 1):
        cands = {g for g, c in counts[n].items() if c >= min_count and _HAN.match(g)}
        cands = {g for g in cands if g[0] not in _EDGE_STOP and g[-1] not in _EDGE_STOP}
        left: dict[str, Counter] = {}
        right: dict[str, Counter] = {}
        for h, c in counts[n + 1].items():
            if h[:-1] in cands:
                right.setdefault(h[:-1], Counter())[h[-1]] += c
            if h[1:] in cands:
                left.setdefault(h[1:], Counter())[h[0]] += c
        for g in cands:
            if _entropy(left.get(g, Counter())) >= min_entropy and _entropy(right.get(g, Counter())) >= min_entropy:
                terms.add(g)
    return terms


def common_misspellings(path: Path, statute_text: str) -> dict[str, str]:
    """{wrong: correct} from 常见错字错词.txt, minus pairs whose wrong form appears in statutes."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "-" not in line:
            continue
        correct, wrong = (x.strip() for x in line.split("-", 1))
        if len(correct) != len(wrong) or not wrong or wrong in statute_text:
            continue
        out[wrong] = correct
    return out
