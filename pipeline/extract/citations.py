"""Statute citations and charge names in (normalised) document text.

`extract_citations(text)` finds references such as
    《中华人民共和国刑法》第二百六十四条第一款第（二）项
    刑法第264条 / 《刑法》第一百三十三条之一第一款第（一）项
    第六十七条第三款、第五十二条、第五十三条          (a list: the law carries over)
    第二十五条第一款、第二十六条第一款、第四款         (第四款 belongs to 第二十六条)
    第三百五十八条第一、三款 / 第三百八十四条一款 / 第十二条至第十四条
    《中华人民共和国刑法》第二百三十四条第一款，第六十七条第一款   (carried across a comma)
    同法第六十四条 / 该法第… / 本法第…                 (the previous law)
and returns one `Citation` per (law, article, 款, 项) with normalised-offset spans. `extract_charges(text)`
finds charge names (…罪), 、-lists included (盗窃、诈骗罪), normalised to the official name.
Run them on `normalize(raw).text` (full-width digits folded, stray spaces inside 第…条 removed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..law.charges import surface_forms
from ..law.statutes import LawRef, cn_to_int, law_surface_names, near_law, resolve_law, version_by_year

if TYPE_CHECKING:
    from ..detectors.base import Context


@dataclass(frozen=True, slots=True)
class Citation:
    law_key: str | None  # family key in the statute tables; None for a law they do not know
    law_name: str  # as written, without 《》 ("同法" for an anaphor)
    name_form: str  # full | abbr | nonstandard | anaphora | near (a mistyped known name) | unknown
    article: int
    sub: int  # 之一 = 1, 之二 = 2 …
    paragraph: int | None
    item: int | None
    start: int  # the article reference (第…条…款…项), normalised offsets
    end: int
    law_start: int  # the law name as written (with 《》), normalised offsets
    law_end: int
    version: str | None = None  # a version pinned by the name (《…规则（试行）》) or a note (（2012年修正）)
    version_note: str | None = None  # the note as written, e.g. （2012年3月14日修正）
    near_key: str | None = None  # for name_form == "near": the law the name probably meant
    in_range: bool = False  # expanded from 第X条至第Y条

    @property
    def key(self) -> tuple[str | None, int, int, int | None, int | None]:
        return self.law_key, self.article, self.sub, self.paragraph, self.item


@dataclass(frozen=True, slots=True)
class ChargeMention:
    name: str  # official name (current or abolished)
    surface: str  # as written, with 罪
    start: int
    end: int


_N = r"[〇零一二三四五六七八九十百千两\d]+"
_SUB = r"[一二三四五六七八九十]"
_ART = re.compile(rf"(第)?\s*({_N})\s*条(?:之({_SUB}+))?")
_PARA = re.compile(rf"第?({_N}(?:[、,，和及]{_N})*)\s*款")
_ITEM = re.compile(rf"(?:第\s*[（(]\s*({_N})\s*[）)]\s*项?|第({_N})项|[（(]({_N})[）)]\s*项)")
# （一）、（二）、（三）项 -- a bare list that only says 项 at its end
_BARE_ITEM_LIST = re.compile(rf"[（(]\s*{_N}\s*[）)](?:\s*[、,，]\s*[（(]\s*{_N}\s*[）)])+\s*项")
_SAME_ARTICLE = re.compile(r"(?:该条|同条|本条)(?=\s*第?[〇零一二三四五六七八九十百千两\d]+\s*款)")
_ITEM_LIST_TAIL = re.compile(rf"[、,，和及]\s*(?:第\s*)?[（(]\s*({_N})\s*[）)]\s*项?")
_SEP = re.compile(r"\s*(、|，|,|；(?=第)|和|及|以及|与|或者|至|到)\s*")
_VERSION_NOTE = re.compile(r"[（(]\s*(?:\d{4}年?[^）)]{0,8}|[一二〇零○]{4}年[^）)]{0,8})[）)]")
_BRACKETED = re.compile(r"《((?:[^《》\n]|《[^《》\n]*》){1,90})》")
_ISSUER = re.compile(r"(?:最高人民法院、?\s*最高人民检察院|最高人民法院|最高人民检察院|两高|公安部)$")
_ANAPHORA = re.compile(r"(?:同法|该法|本法|该解释|该规定|该规则|上述法律|前述法律)(?=\s*第)")
_LAWLIKE = re.compile(r"(?:法|条例|规定|解释|规则|办法|决定|意见|批复|纪要|通知|修正案(?:（[^）]*）)?)$")
_RANGE_MAX = 40  # 第十二条至第十四条 expands; an implausibly long range is kept as its two ends


@lru_cache(maxsize=1)
def _bare_name_re() -> re.Pattern[str]:
    names = "|".join(re.escape(n) for n in law_surface_names())
    return re.compile(rf"(?:{names})(?=\s*(?:[（(][^）)]{{0,12}}[）)])?\s*第)")


@dataclass
class _Head:
    start: int
    end: int  # where the article chain may begin
    name: str
    ref: LawRef | None
    form: str
    near_key: str | None = None
    note: str | None = None
    note_version: str | None = None


def _heads(text: str) -> list[_Head]:
    heads: list[_Head] = []
    taken: list[tuple[int, int]] = []
    for m in _BRACKETED.finditer(text):
        inner = m.group(1)
        issuer = _ISSUER.search(text, max(0, m.start() - 16), m.start())
        ref = resolve_law(inner)
        if ref is None and issuer:
            ref = resolve_law(issuer.group(0) + inner)
        taken.append((m.start(), m.end()))
        if ref is not None:
            form = "full" if issuer and ref.form == "abbr" else ref.form
            heads.append(_Head(m.start(), m.end(), inner, ref, form))
        elif _LAWLIKE.search(inner.rstrip("〉>")):
            near = near_law(inner)
            heads.append(_Head(m.start(), m.end(), inner, None, "near" if near else "unknown",
                               near.key if near else None))  # fmt: skip
    for m in _bare_name_re().finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        heads.append(_Head(m.start(), m.end(), m.group(0), resolve_law(m.group(0)), ""))
    for m in _ANAPHORA.finditer(text):
        if not any(s <= m.start() < e for s, e in taken):
            heads.append(_Head(m.start(), m.end(), m.group(0), None, "anaphora"))
    heads.sort(key=lambda h: h.start)
    for h in heads:
        if not h.form:
            h.form = h.ref.form if h.ref else "unknown"
    return heads


def extract_citations(text: str) -> list[Citation]:
    """Every statute reference with an article number, in text order."""
    out: list[Citation] = []
    prev: _Head | None = None
    for h in _heads(text):
        if h.form == "anaphora":
            if prev is None or prev.ref is None:
                continue
            head = _Head(h.start, h.end, h.name, prev.ref, "anaphora", note=prev.note, note_version=prev.note_version)
        else:
            head = h
            prev = h
        pos = h.end
        note = _VERSION_NOTE.match(text, pos)
        if note:
            pos = note.end()
            head.note = note.group(0)
            year = re.search(r"\d{4}", note.group(0))
            if year and head.ref:
                head.note_version = version_by_year(head.ref.key, int(year.group(0)))
        out.extend(_chain(text, pos, head))
    return out


def _cite(
    head: _Head, art: int, sub: int, para: int | None, item: int | None, s: int, e: int, rng: bool = False
) -> Citation:
    return Citation(
        law_key=head.ref.key if head.ref else None,
        law_name=head.name,
        name_form=head.form,
        article=art,
        sub=sub,
        paragraph=para,
        item=item,
        start=s,
        end=e,
        law_start=head.start,
        law_end=head.end,
        version=(head.ref.version if head.ref else None) or head.note_version,
        version_note=head.note,
        near_key=head.near_key,
        in_range=rng,
    )


def _nums(s: str) -> list[int]:
    return [n for n in (cn_to_int(x) for x in re.split(r"[、,，和及]", s)) if n is not None]


def _chain(text: str, pos: int, head: _Head) -> list[Citation]:
    """Parse 第X条[之Y][第N款][第（M）项] (sep …)* starting at `pos`."""
    out: list[Citation] = []
    m = _ART.match(text, pos)
    if not m or not m.group(1):
        return out
    art = sub = None
    first = True
    while True:
        # ---- an article reference
        m = _ART.match(text, pos)
        if m and (m.group(1) or not first):
            art = cn_to_int(m.group(2))
            sub = cn_to_int(m.group(3)) if m.group(3) else 0
            if art is None or sub is None:
                break
            start, pos = m.start() + (len(m.group(0)) - len(m.group(0).lstrip())), m.end()
            paras, items, pos = _paras_items(text, pos)
            out.extend(_expand(head, art, sub, paras, items, start, pos))
        elif art is not None:
            # ---- 、第四款 / 、第（三）项 continuing the previous article
            pm = _PARA.match(text, pos)
            im = _ITEM.match(text, pos) or _BARE_ITEM_LIST.match(text, pos)
            if pm:
                start = pm.start()
                paras, items, pos = _paras_items(text, pos)
                out.extend(_expand(head, art, sub, paras, items, start, pos))
            elif im:
                last_para = out[-1].paragraph if out else None
                start = im.start()
                _, items, pos = _paras_items(text, pos)
                out.extend(_expand(head, art, sub, [last_para] if last_para else [], items, start, pos))
            else:
                break
        else:
            break
        first = False
        sep = _SEP.match(text, pos)
        if not sep:
            break
        nxt = sep.end()
        if sep.group(1) in ("至", "到"):
            m2 = _ART.match(text, nxt)
            if m2 and art is not None:
                end_art = cn_to_int(m2.group(2))
                if end_art is not None and art < end_art <= art + _RANGE_MAX and not m2.group(3):
                    for a in range(art + 1, end_art + 1):
                        out.append(_cite(head, a, 0, None, None, m2.start(), m2.end(), rng=True))
                    art, sub, pos = end_art, 0, m2.end()
                    sep = _SEP.match(text, pos)
                    if not sep:
                        break
                    nxt = sep.end()
                else:
                    break
            else:
                break
        same = _SAME_ARTICLE.match(text, nxt)  # 第七十二条第一款及该条第三款
        if same:
            nxt = same.end()
        # continue only if the next token is another 条/款/项 reference (not a new law name)
        if not (_ART.match(text, nxt) or _PARA.match(text, nxt) or _ITEM.match(text, nxt)
                or _BARE_ITEM_LIST.match(text, nxt)):  # fmt: skip
            break
        nm = _ART.match(text, nxt)
        if nm and not nm.group(1) and sep.group(1) in ("，", ","):
            break  # "，三条" is not a citation; after a comma the next article must say 第
        pos = nxt
    return out


def _paras_items(text: str, pos: int) -> tuple[list[int], list[int], int]:
    paras: list[int] = []
    items: list[int] = []
    pm = _PARA.match(text, pos)
    if pm:
        paras = _nums(pm.group(1))
        pos = pm.end()
    bl = _BARE_ITEM_LIST.match(text, pos)
    if bl:
        items = [n for n in (cn_to_int(x) for x in re.findall(rf"[（(]\s*({_N})\s*[）)]", bl.group(0))) if n]
        return paras, items, bl.end()
    im = _ITEM.match(text, pos)
    if im:
        n = cn_to_int(im.group(1) or im.group(2) or im.group(3))
        if n is not None:
            items.append(n)
        pos = im.end()
        while True:  # 第（一）、（二）项
            t = _ITEM_LIST_TAIL.match(text, pos)
            if not t or not re.search(r"[）)]\s*项?$", t.group(0)):
                break
            # only a bare "（二）" list continues here; "、第（三）项" is handled as a continuation
            if "第" in t.group(0):
                break
            n = cn_to_int(t.group(1))
            if n is None:
                break
            items.append(n)
            pos = t.end()
    return paras, items, pos


def _expand(head: _Head, art: int, sub: int, paras: list[int], items: list[int], s: int, e: int) -> list[Citation]:
    """One citation per 款 × 项. Items belong to the last 款 named (第一、三款第（二）项 is ¶1, and ¶3 item 2)."""
    out = []
    for p in paras or [None]:
        last = not paras or p == paras[-1]
        for i in (items or [None]) if last else [None]:
            out.append(_cite(head, art, sub, p, i, s, e))
    return out


def citations_in(ctx: Context) -> list[Citation]:
    """Citations of one document, memoised on the context as fact "citations"."""
    return ctx.fact("citations", lambda c: extract_citations(c.text))


def charges_in(ctx: Context) -> list[ChargeMention]:
    """Charge mentions of one document, memoised on the context as fact "charges"."""
    return ctx.fact("charges", lambda c: extract_charges(c.text))


# ------------------------------------------------------------------ charges


@lru_cache(maxsize=1)
def _charge_trie() -> dict:
    """Reversed-character trie of charge surface forms (without 罪); '$' marks a complete form."""
    root: dict = {}
    for form in surface_forms():
        node = root
        for ch in reversed(form):
            node = node.setdefault(ch, {})
        node["$"] = form
    return root


def _longest_ending_at(text: str, end: int, lo: int) -> str | None:
    """The longest charge form that ends right before `end` (and starts at or after `lo`)."""
    node = _charge_trie()
    best = None
    i = end - 1
    while i >= lo and text[i] in node:
        node = node[text[i]]
        if "$" in node:
            best = node["$"]
        i -= 1
    return best


def extract_charges(text: str) -> list[ChargeMention]:
    """Charge names written in the text (…罪), with 、-lists split: 犯盗窃、诈骗罪 gives two mentions."""
    forms = surface_forms()
    out: list[ChargeMention] = []
    for m in re.finditer("罪", text):
        end = m.start()
        form = _longest_ending_at(text, end, max(0, end - 40))
        if form is None:
            continue
        start = end - len(form)
        found = [ChargeMention(forms[form], text[start : end + 1], start, end + 1)]
        # 盗窃、诈骗罪: names before a 、 share the final 罪
        while start > 0 and text[start - 1] == "、":
            prev = _longest_ending_at(text, start - 1, max(0, start - 40))
            if prev is None:
                break
            s2 = start - 1 - len(prev)
            found.append(ChargeMention(forms[prev], text[s2 : start - 1], s2, start - 1))
            start = s2
        out.extend(reversed(found))
    return out
