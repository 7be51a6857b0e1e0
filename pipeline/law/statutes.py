"""Statute tables: which laws exist, their names, periods of force, articles and article text.

Data comes from data/law/ (built by scripts/build_law_tables.py from the lawrefbook corpus) and is loaded
lazily, once per process. A *family* is a law under one name across its versions (刑事诉讼法 1996/2012/2018,
人民检察院刑事诉讼规则（试行）2012 and 2019 …); citations name a family, the date picks the version.

Articles are keyed "264" or "133-1" (第一百三十三条之一): `article_key(133, 1)`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from ..paths import data_path

_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNIT = {"十": 10, "百": 100, "千": 1000}
_CN_DIGITS = "零一二三四五六七八九"


def cn_to_int(s: str | None) -> int | None:
    """一百零六 -> 106, 十二 -> 12, 264 -> 264; None when `s` is not a plain whole number."""
    if not s:
        return None
    s = s.strip()
    if s.isdigit():
        return int(s)
    total, num = 0, None
    for ch in s:
        if ch in _DIGIT:
            num = _DIGIT[ch]
        elif ch in _UNIT:
            total += (1 if num is None else num) * _UNIT[ch]
            num = None
        else:
            return None
    return total + (num or 0)


def int_to_cn(n: int) -> str:
    """106 -> 一百零六, 12 -> 十二, 210 -> 二百一十 (the way statutes number articles)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n - 10] if n > 10 else "")
    out, started, zero = "", False, False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // unit % 10
        if d:
            if zero:
                out += "零"
            out += _CN_DIGITS[d] + name
            started, zero = True, False
        elif started:
            zero = True
    return out


def article_key(article: int | None, sub: int | None = 0) -> str:
    if article is None or sub is None:
        raise ValueError("article and sub must be whole numbers")
    return f"{article}-{sub}" if sub else str(article)


_ARTICLE_STR = re.compile(r"^第?([〇零一二三四五六七八九十百千两\d]+)条?(?:之([一二三四五六七八九十]+|\d+))?$")


def parse_article(article: str | int, sub: int = 0) -> tuple[int, int]:
    """264 / "264" / "二百六十四" / "第一百三十三条之一" / "133-1" -> (article, sub)."""
    if isinstance(article, int):
        return article, sub
    s = article.strip()
    if re.fullmatch(r"\d+-\d+", s):
        a, b = s.split("-")
        return int(a), int(b)
    m = _ARTICLE_STR.match(s)
    n = cn_to_int(m.group(1)) if m else None
    if m is None or n is None:
        raise ValueError(f"not an article number: {article!r}")
    return n, (cn_to_int(m.group(2)) or 0) if m.group(2) else sub


def article_label(article: int, sub: int = 0) -> str:
    """(133, 1) -> 第一百三十三条之一"""
    return f"第{int_to_cn(article)}条" + (f"之{int_to_cn(sub)}" if sub else "")


class UnknownArticles(LookupError):
    """No article table covers this law (or this version of it): existence cannot be decided."""


@dataclass(frozen=True, slots=True)
class LawVersion:
    vid: str
    title: str
    publish: date | None
    valid_from: date | None
    expired_on: date | None
    expired: bool
    text: str | None  # file under data/law/text, None when the corpus had no text
    articles_total: int | None = None  # known article count for a version without text

    def in_force(self, on: date) -> bool:
        if self.valid_from and on < self.valid_from:
            return False
        return not (self.expired_on and on >= self.expired_on)


@dataclass(frozen=True, slots=True)
class LawFamily:
    key: str
    full_name: str
    level: str
    procedural: bool
    aliases: tuple[str, ...]
    nonstandard: tuple[str, ...]
    versions: tuple[LawVersion, ...]
    origin: date | None = None  # first day the law is known to have existed (None: history unknown)

    def version(self, vid: str) -> LawVersion:
        for v in self.versions:
            if v.vid == vid:
                return v
        raise KeyError(vid)


@dataclass(frozen=True, slots=True)
class LawRef:
    """A law name as written, resolved: family key, and the version when the name pins one (（试行）)."""

    key: str
    name: str  # the name as written (without 《》)
    form: str  # "full" | "abbr" | "nonstandard"
    version: str | None = None


def _d(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


@lru_cache(maxsize=1)
def families() -> dict[str, LawFamily]:
    out: dict[str, LawFamily] = {}
    for key, f in _raw_index().items():
        versions = tuple(
            LawVersion(
                vid=v["vid"],
                title=v["title"],
                publish=_d(v.get("publish")),
                valid_from=_d(v.get("valid_from")),
                expired_on=_d(v.get("expired_on")),
                expired=bool(v.get("expired")),
                text=v.get("text"),
                articles_total=v.get("articles_total"),
            )
            for v in f["versions"]
        )
        out[key] = LawFamily(
            key=key,
            full_name=f["full_name"],
            level=f.get("level", ""),
            procedural=bool(f.get("procedural")),
            aliases=tuple(f.get("aliases", ())),
            nonstandard=tuple(f.get("nonstandard", ())),
            versions=versions,
            origin=_d(f.get("origin")),
        )
    return out


@lru_cache(maxsize=1)
def _raw_index() -> dict[str, Any]:
    return json.loads(data_path("law", "index.json").read_text(encoding="utf-8"))["families"]


def family(key: str) -> LawFamily:
    return families()[key]


@lru_cache(maxsize=128)
def _text(fname: str) -> dict[str, Any]:
    return json.loads(data_path("law", "text", fname).read_text(encoding="utf-8"))


def cpl_concordance() -> list[dict[str, Any]]:
    """Key 刑事诉讼法 provisions, 2012 number -> 2018 number (hand-entered; see data/law/README.md)."""
    return list(_raw_index()["刑事诉讼法"].get("concordance", []))


# ------------------------------------------------------------------ names

_ISSUERS = re.compile(
    r"^(?:最高人民法院[、\s]*最高人民检察院[、\s]*(?:公安部[、\s]*)?|最高人民检察院[、\s]*公安部|"
    r"最高人民法院|最高人民检察院|两高|全国人民代表大会常务委员会|全国人大常委会|公安部)"
)
_VERSION_NOTE = re.compile(r"[（(](?:\d{4}年?(?:修正|修订|修改)?(?:版|本)?|试行)[）)]$")


def _fold_name(name: str) -> str:
    """Comparison form: no 《》〈〉, no spaces, no 中华人民共和国, full-width parentheses."""
    s = re.sub(r"[《》〈〉<>\s]", "", name)
    s = s.replace("中华人民共和国", "")
    s = s.replace("(", "（").replace(")", "）")
    return s


@lru_cache(maxsize=1)
def _name_table() -> dict[str, tuple[str, str | None]]:
    """folded name -> (family key, pinned version id or None)."""
    table: dict[str, tuple[str, str | None]] = {}

    def put(name: str, key: str, vid: str | None = None) -> None:
        table.setdefault(_fold_name(name), (key, vid))

    fams = families()
    for key, fam in fams.items():  # exact family names and aliases first
        for n in (key, fam.full_name, *fam.aliases, *fam.nonstandard):
            put(n, key)
    for key, fam in fams.items():
        for v in fam.versions:
            if _fold_name(v.title) != _fold_name(key):  # （试行）etc. pin the version
                put(v.title, key, v.vid)
    for key in fams:  # 最高人民法院关于… -> 关于… (cited as 最高人民法院《关于…》)
        core = _ISSUERS.sub("", key)
        if core != key and core.startswith("关于"):
            put(core, key)
    return table


def resolve_law(name: str) -> LawRef | None:
    """A law name as written (with or without 《》, 中华人民共和国, issuer, version note) -> LawRef."""
    raw = re.sub(r"^[《〈]|[》〉]$", "", name.strip())
    if not raw:
        return None
    table = _name_table()
    folded = _fold_name(raw)
    hit = table.get(folded)
    if hit is None:
        bare = _VERSION_NOTE.sub("", folded)
        hit = table.get(bare) or table.get(_ISSUERS.sub("", bare))
    if hit is None:
        return None
    key, vid = hit
    fam = families()[key]
    if folded in {_fold_name(n) for n in fam.nonstandard}:
        form = "nonstandard"
    elif fam.level == "法律" and "中华人民共和国" not in raw and not fam.key.startswith("全国人民代表大会"):
        form = "abbr"  # 刑法, 刑事诉讼法, 刑法修正案（九）: accepted short names of a 法律
    else:
        form = "full"
    return LawRef(key=key, name=raw, form=form, version=vid)


@lru_cache(maxsize=1)
def _spelled_names() -> dict[str, str]:
    """Names as spelled in full (brackets folded, 中华人民共和国 kept) -> family key, for `near_law`."""
    out: dict[str, str] = {}
    for key, fam in families().items():
        for n in (key, fam.full_name, *fam.aliases):
            out.setdefault(re.sub(r"[《》〈〉\s]", "", n), key)
    return out


def near_law(name: str, max_edits: int = 1) -> LawRef | None:
    """A known law whose name is within `max_edits` edits of `name` (a mistyped law name), else None."""
    raw = re.sub(r"^[《〈]|[》〉]$", "", name.strip())
    spelled = re.sub(r"[《》〈〉\s]", "", raw)
    if len(spelled) < 5 or resolve_law(raw) is not None:
        return None
    best: str | None = None
    for cand, key in _spelled_names().items():
        if abs(len(cand) - len(spelled)) <= max_edits and len(cand) >= 5 and _within(spelled, cand, max_edits):
            if best is not None and best != key:
                return None  # ambiguous
            best = key
    return LawRef(key=best, name=raw, form="near") if best else None


def _within(a: str, b: str, k: int) -> bool:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        if min(cur) > k:
            return False
        prev = cur
    return prev[-1] <= k


def law_surface_names() -> list[str]:
    """Every name by which the citation extractor may recognise a law without 《》 (longest first)."""
    names: set[str] = set()
    for key, fam in families().items():
        if fam.level in ("法律",) or fam.aliases or fam.nonstandard:
            names.update((key, fam.full_name, *fam.aliases, *fam.nonstandard))
    return sorted((n for n in names if "《" not in n and len(n) >= 2), key=len, reverse=True)


# ------------------------------------------------------------------ versions and force


def version_by_year(law_key: str, year: int) -> str | None:
    """The version a note like （2012年修正） / （2013年1月1日施行） means: adopted or in force from that year."""
    fam = families().get(law_key)
    if fam is None:
        return None
    for v in fam.versions:
        if v.publish and v.publish.year == year:
            return v.vid
    for v in fam.versions:
        if v.valid_from and v.valid_from.year == year:
            return v.vid
    return None


def version_on(key: str, on: date | None = None) -> LawVersion | None:
    """The version in force on `on`; without a date, the newest version that has text (else the newest)."""
    fam = families().get(key)
    if fam is None:
        return None
    if on is None:
        with_text = [v for v in fam.versions if v.text]
        return (with_text or list(fam.versions) or [None])[-1]
    live = [v for v in fam.versions if v.in_force(on)]
    return live[-1] if live else None


def in_force(law_key: str, on: date) -> bool:
    """Whether some version of the law was in force on `on` (False for an unknown law)."""
    fam = families().get(law_key)
    return fam is not None and any(v.in_force(on) for v in fam.versions)


def first_in_force(law_key: str) -> date | None:
    fam = families().get(law_key)
    starts = [v.valid_from for v in fam.versions if v.valid_from] if fam else []
    return min(starts) if starts else None


def last_in_force(law_key: str) -> date | None:
    """The day the law stopped being in force, or None when some version is still in force."""
    fam = families().get(law_key)
    if fam is None or any(not v.expired for v in fam.versions):
        return None
    ends = [v.expired_on for v in fam.versions]
    return max(ends) if ends and all(ends) else None  # type: ignore[type-var]


# ------------------------------------------------------------------ articles


def _versions_for(key: str, on: date | None, version: str | None, not_before: date | None = None) -> list[LawVersion]:
    fam = families().get(key)
    if fam is None:
        raise UnknownArticles(f"unknown law {key!r}")
    if version:
        return [fam.version(version)]
    if on is not None:
        v = version_on(key, on)
        return [v] if v else []
    if not_before is not None:  # every version that could still be in force on or after that day
        return [v for v in fam.versions if v.expired_on is None or v.expired_on > not_before]
    return list(fam.versions)


def _paras(v: LawVersion, akey: str) -> list[str] | None:
    return _text(v.text)["articles"].get(akey) if v.text else None


def _crim_amend(v: LawVersion) -> dict[str, Any]:
    doc = _text(v.text) if v.text else {}
    return {k: doc.get(k, {}) for k in ("added", "deleted", "changed", "para_removed")}


def article_status(
    law_key: str,
    article: str | int,
    sub: int = 0,
    *,
    paragraph: int | None = None,
    item: int | None = None,
    on: date | None = None,
    not_before: date | None = None,
    version: str | None = None,
) -> bool | None:
    """True / False when the tables decide whether the article (款, 项) exists; None when they cannot.

    `on` is the exact date of the document: the version in force that day decides, and a 刑法 article
    added by an amendment does not exist before the amendment took effect. `not_before` is only a lower
    bound on that date: versions that had expired by then are left out. Without either, any version that
    ever had the article counts. A 刑法 article deleted by an amendment is never reported missing (courts
    apply the old law to old offences), nor a 款/项 of a 刑法 article an amendment has changed.
    """
    art, sub = parse_article(article, sub)
    akey = article_key(art, sub)
    try:
        versions = _versions_for(law_key, on, version, not_before)
    except UnknownArticles:
        return None
    if not versions:
        return None
    verdicts: list[bool | None] = []
    for v in versions:
        if v.text is None:
            total = v.articles_total
            verdicts.append(False if total and not sub and art > total else None)
            continue
        paras = _paras(v, akey)
        amend = _crim_amend(v)
        added, deleted, changed = amend["added"], amend["deleted"], amend["changed"]
        if on is not None and akey in added and on < date.fromisoformat(added[akey]["on"]):
            verdicts.append(False)
            continue
        if paras is None and not _text(v.text).get("complete", False):
            verdicts.append(None)  # the corpus text stops part-way: a missing number proves nothing
            continue
        if paras is None or (paras and paras[0].startswith("（删去）")):
            if akey in deleted:
                verdicts.append(True if on is not None and on < date.fromisoformat(deleted[akey]["on"]) else None)
            else:
                verdicts.append(False)
            continue
        verdicts.append(
            _sub_status(
                paras, paragraph, item, paras_stable=akey not in amend["para_removed"], items_stable=akey not in changed
            )  # fmt: skip
        )
    if any(x is True for x in verdicts):
        return True
    if all(x is False for x in verdicts):
        return False
    return None


def _sub_status(
    paras: list[str], paragraph: int | None, item: int | None, *, paras_stable: bool, items_stable: bool
) -> bool | None:
    """`paras_stable`: no amendment removed a 款 (the only way the 款 count went down); `items_stable`: no
    amendment touched the article at all (rewrites often add or drop 项)."""
    if paragraph is None and item is None:
        return True
    if paragraph is not None and paragraph > len(paras):
        return False if paras_stable else None
    stable = items_stable
    p = paras[(paragraph or 1) - 1]
    if item is not None:
        n_items = sum(1 for ln in p.split("\n") if re.match(r"^[（(][一二三四五六七八九十]+[）)]", ln))
        if paragraph is None and n_items == 0:  # 第X条第（一）项 with the items in a later 款
            n_items = max((sum(1 for ln in q.split("\n") if re.match(r"^[（(]", ln)) for q in paras), default=0)
        if item > n_items:
            return False if stable else None
    return True


def article_exists(law_key: str, article: str | int, sub: int = 0, **kw: Any) -> bool:
    """Whether the article exists (see `article_status`); raises UnknownArticles when tables cannot tell."""
    st = article_status(law_key, article, sub, **kw)
    if st is None:
        raise UnknownArticles(f"cannot decide {law_key} {article_label(*parse_article(article, sub))}")
    return st


def last_article(law_key: str, version: str | None = None) -> int | None:
    """The highest article number of a version (the newest text without `version`); None when unknown."""
    fam = families().get(law_key)
    if fam is None:
        return None
    v = fam.version(version) if version else version_on(law_key)
    if v is None:
        return None
    if not v.text:
        return v.articles_total
    nums = [int(k.split("-")[0]) for k in _text(v.text)["articles"]]
    return max(nums) if nums else None


def has_articles(law_key: str) -> bool:
    """Whether some version of the law has article text in the tables."""
    fam = families().get(law_key)
    return bool(fam and any(v.text and _text(v.text)["articles"] for v in fam.versions))


def article_paragraphs(
    law_key: str, article: str | int, sub: int = 0, *, on: date | None = None, version: str | None = None
) -> list[str] | None:
    art, sub = parse_article(article, sub)
    try:
        versions = _versions_for(law_key, on, version)
    except UnknownArticles:
        return None
    for v in reversed(versions):  # newest text first
        paras = _paras(v, article_key(art, sub)) if v.text else None
        if paras:
            return paras
    return None


def article_text(
    law_key: str, article: str | int, sub: int = 0, *, on: date | None = None, version: str | None = None
) -> str | None:
    paras = article_paragraphs(law_key, article, sub, on=on, version=version)
    return "\n".join(paras) if paras else None


def article_history(law_key: str, article: str | int, sub: int = 0) -> dict[str, Any]:
    """For 刑法: {"added": {by, on} | None, "deleted": … | None, "changed": [{by, on}, …]}."""
    art, sub = parse_article(article, sub)
    akey = article_key(art, sub)
    v = version_on(law_key)
    amend = _crim_amend(v) if v and v.text else {"added": {}, "deleted": {}, "changed": {}, "para_removed": {}}
    return {
        "added": amend["added"].get(akey),
        "deleted": amend["deleted"].get(akey),
        "changed": amend["changed"].get(akey, []),
    }


def quote(
    law_key: str,
    article: str | int,
    paragraph: int | None = None,
    sub: int = 0,
    *,
    on: date | None = None,
    version: str | None = None,
    item: int | None = None,
    max_len: int = 160,
) -> str:
    """A short quote for a flag's basis: 《中华人民共和国刑法》第二百六十四条：盗窃公私财物，…"""
    art, sub = parse_article(article, sub)
    fam = families().get(law_key)
    name = f"《{fam.full_name if fam else law_key}》"
    label = article_label(art, sub) + (f"第{int_to_cn(paragraph)}款" if paragraph else "")
    label += f"第（{int_to_cn(item)}）项" if item else ""
    paras = article_paragraphs(law_key, art, sub, on=on, version=version)
    if not paras:
        return name + label
    body = paras[paragraph - 1] if paragraph and paragraph <= len(paras) else "\n".join(paras)
    if item:
        lines = [ln for ln in body.split("\n") if ln.startswith(f"（{int_to_cn(item)}）")]
        body = lines[0] if lines else body
    body = body.replace("\n", "")
    if len(body) > max_len:
        body = body[: max_len - 1] + "…"
    return f"{name}{label}：{body}"
