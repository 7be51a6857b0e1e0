"""Official charge names (罪名) and the 刑法 articles that define them.

The list is the 最高检 1997 罪名意见 plus the eight 两高 补充规定 (data/law/charges.json, built by
scripts/build_law_tables.py): 483 current names, and the abolished ones with the name that replaced them.
Documents write selective charges (选择性罪名) in part -- 贩卖毒品罪 for 走私、贩卖、运输、制造毒品罪,
非法持有枪支罪 for 非法持有、私藏枪支、弹药罪 -- so every official name also answers to the verb/object
subsets it is made of.

Articles are (article, sub) pairs: (264, 0) is 第二百六十四条, (133, 1) is 第一百三十三条之一.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import combinations

from ..paths import data_path

Article = tuple[int, int]


def _art(key: str) -> Article:
    a, _, s = key.partition("-")
    return int(a), int(s or 0)


@dataclass(frozen=True, slots=True)
class Charge:
    name: str  # official name, with 罪
    articles: frozenset[Article]  # the article(s) the charge list gives
    also: frozenset[Article]  # other 分则 articles a correct document may cite for it (hand-verified)
    verified: bool  # the mapping was checked by hand against the 刑法 text
    since: date | None
    abolished_on: date | None
    replaced_by: str | None

    @property
    def current(self) -> bool:
        return self.abolished_on is None


# Short forms that are not a verb/object subset of the official name but are what documents write.
HAND_ALIASES = {
    "虚开增值税专用发票": "虚开增值税专用发票、用于骗取出口退税、抵扣税款发票罪",
    "虚开增值税专用发票、用于抵扣税款发票": "虚开增值税专用发票、用于骗取出口退税、抵扣税款发票罪",
    "掩饰、隐瞒犯罪所得、犯罪所得收益": "掩饰、隐瞒犯罪所得、犯罪所得收益罪",
    "强制猥亵": "强制猥亵、侮辱罪",
    "拒不执行判决": "拒不执行判决、裁定罪",
    "拒不执行法院判决、裁定": "拒不执行判决、裁定罪",
    "非法持有枪支、弹药": "非法持有、私藏枪支、弹药罪",
    "贩毒": "走私、贩卖、运输、制造毒品罪",
}


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, Charge], frozenset[Article]]:
    raw = json.loads(data_path("law", "charges.json").read_text(encoding="utf-8"))
    out: dict[str, Charge] = {}
    for c in raw["charges"]:
        out[c["name"]] = Charge(
            name=c["name"],
            articles=frozenset(_art(a) for a in c["articles"]),
            also=frozenset(_art(a) for a in c.get("also", [])),
            verified=bool(c.get("verified")),
            since=date.fromisoformat(c["since"]) if c.get("since") else None,
            abolished_on=date.fromisoformat(c["abolished_on"]) if c.get("abolished_on") else None,
            replaced_by=c.get("replaced_by"),
        )
    return out, frozenset(_art(a) for a in raw.get("neutral_articles", []))


def all_charges() -> dict[str, Charge]:
    return _table()[0]


def neutral_articles() -> frozenset[Article]:
    """分则 articles that fit no particular charge (definitions, unit liability); they never count."""
    return _table()[1]


def _decompositions(base: str) -> list[tuple[str, list[str], list[str]]]:
    """(prefix, verbs, objects) readings of a 、-list name: 非法|制造、买卖…储存|枪支、弹药、爆炸物."""
    parts = base.split("、")
    if len(parts) < 2:
        return []
    prefix = "非法" if parts[0].startswith("非法") and len(parts[0]) > 3 else ""
    first = parts[0][len(prefix) :]
    heads = [first, *parts[1:]]
    found = []
    # several two-character verbs, the last one carrying the first object: 走私、贩卖、运输、制造|毒品
    for b in range(1, len(heads)):
        if all(len(v) == 2 for v in heads[:b]) and len(heads[b]) >= 2:
            verbs = [*heads[:b], heads[b][:2]]
            objects = [o for o in [heads[b][2:], *heads[b + 1 :]] if o]
            if all(len(v) == 2 for v in verbs):
                found.append((prefix, verbs, objects))
    # one verb, parallel objects of equal length: 拐卖|妇女、儿童, 强制|猥亵、侮辱
    obj_len = len(heads[1])
    if len(heads[0]) > obj_len >= 2:
        found.append((prefix, [heads[0][:-obj_len]], [heads[0][-obj_len:], *heads[1:]]))
    return found


def _subsets(xs: list[str]) -> list[list[str]]:
    return [list(c) for r in range(1, len(xs) + 1) for c in combinations(xs, r)]


@lru_cache(maxsize=1)
def surface_forms() -> dict[str, str]:
    """Every way a charge is written, without the final 罪 -> official name (current or abolished)."""
    exact: dict[str, str] = {}
    partial: dict[str, set[str]] = {}
    for name in all_charges():
        base = name[:-1] if name.endswith("罪") else name
        exact[base] = name
        for prefix, verbs, objects in _decompositions(base):
            for vs in _subsets(verbs):
                for os_ in _subsets(objects) if objects else [[]]:
                    partial.setdefault(prefix + "、".join(vs) + "、".join(os_), set()).add(name)
    out = dict(exact)
    for form, names in partial.items():
        if form not in out and len(names) == 1 and len(form) >= 2:
            out[form] = next(iter(names))
    for form, name in HAND_ALIASES.items():
        out.setdefault(form, name)
    return out


def normalize_charge(name: str) -> str | None:
    """贩卖毒品罪 / 贩卖毒品 / 盗窃 -> official name; None when it is not a charge."""
    s = re.sub(r"\s+", "", name).replace("剌", "刺")
    s = s[:-1] if s.endswith("罪") else s
    return surface_forms().get(s)


def split_charge_list(text: str) -> list[str]:
    """盗窃、诈骗罪 -> [盗窃罪, 诈骗罪]; 掩饰、隐瞒犯罪所得罪 -> [掩饰、隐瞒犯罪所得、犯罪所得收益罪]."""
    s = re.sub(r"\s+", "", text)
    s = s[:-1] if s.endswith("罪") else s
    whole = normalize_charge(s)
    if whole:
        return [whole]
    out: list[str] = []
    for piece in re.split(r"罪?[、，及和]", s):
        n = normalize_charge(piece)
        if n is None:
            return []
        out.append(n)
    return out


def charge(name: str) -> Charge | None:
    official = normalize_charge(name)
    return all_charges().get(official) if official else None


def articles_for_charge(name: str) -> set[Article]:
    """The 刑法 article(s) the official charge list gives for this charge (an abolished name: its own
    and its successor's)."""
    c = charge(name)
    if c is None:
        return set()
    arts = set(c.articles)
    if c.replaced_by and c.replaced_by in all_charges():
        arts |= all_charges()[c.replaced_by].articles
    return arts


def fitting_articles(name: str) -> set[Article]:
    """Articles a correct document may cite for the charge: the charge list's plus verified extras."""
    c = charge(name)
    if c is None:
        return set()
    arts = articles_for_charge(name) | set(c.also)
    if c.replaced_by and c.replaced_by in all_charges():
        arts |= all_charges()[c.replaced_by].also
    return arts
