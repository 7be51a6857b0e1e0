"""citation_error: a statute citation that cannot be right.

Checks, each against the statute tables in data/law/ (see pipeline/law/statutes.py):
  * the article (款, 项) does not exist in the cited law -- in the version in force on the document's date
    when that is known (a 刑法 之一 article cited before the amendment that added it took effect);
  * a law cited by a shorthand that is not its name (刑诉法, 刑诉规则, 高法解释), or by a name one character
    away from a real one (《中华人民共和刑法》), in a formal document;
  * a law cited after the version named had been repealed (《人民检察院刑事诉讼规则（试行）》 after
    2019-12-30), or before it existed;
  * 刑事诉讼法 numbering from the wrong revision for the document's own act: 第一百七十二条 as the basis of
    提起公诉 after 2018-10-26 (now 第一百七十六条), 第二百条 for a judgment signed before it.
The document's date is its 落款 date when the text has one; otherwise only a lower bound is known (the
latest date it mentions, the year of its case number), which can prove a citation outdated but never
premature. Deleted 刑法 articles are never reported: courts apply the old law to old offences.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from .. import doctypes
from ..extract.citations import Citation, citations_in
from ..extract.dates import ABSOLUTE, DAY, extract_dates
from ..extract.timeline import document_date
from ..law import statutes as st
from ..types import Flag
from .base import Context, Detector, register

CITING_RULE_COURT = "最高人民法院关于裁判文书引用法律、法规等规范性法律文件的规定"
CITING_RULE_PROCURATORATE = "人民检察院刑事诉讼规则"
CPL = "刑事诉讼法"
CPL_2018 = date(2018, 10, 26)


# The document's own act and the 刑事诉讼法 provision it rests on, by revision (2012 -> 2018 numbering;
# 2018 numbers checked against the 2018 text by scripts/build_law_tables.py).
@dataclass(frozen=True)
class _Act:
    topic: str
    old: int  # 2012 number
    new: int  # 2018 number
    doc_types: frozenset[str]
    phrase: re.Pattern[str]


_ACTS = (
    _Act("提起公诉", 172, 176, frozenset({doctypes.INDICTMENT}), re.compile(r"提起公诉")),
    _Act("不起诉", 173, 177, frozenset({doctypes.NON_PROSECUTION}), re.compile(r"不起诉")),
    _Act("存疑不起诉", 171, 175, frozenset({doctypes.NON_PROSECUTION}), re.compile(r"不起诉")),
    _Act("第一审判决", 195, 200, frozenset({doctypes.JUDGMENT}), re.compile(r"判决如下")),
    _Act("第二审裁判", 225, 236, frozenset({doctypes.JUDGMENT, doctypes.RULING}), re.compile(r"(?:判决|裁定)如下")),
)
_CASE_NO_YEAR = re.compile(r"[（(〔\[]((?:19|20)\d{2})[）)〕\]][^，。；\n]{0,14}?(?:刑|检|诉|捕)")


@dataclass(frozen=True)
class _Dates:
    signed: date | None  # the 落款 date
    floor: date | None  # the document cannot be older than this


def _dates(ctx: Context) -> _Dates:
    mention = document_date(ctx)
    signed = mention.value if mention is not None else None
    text = ctx.text
    found: list[date] = []
    for d in ctx.fact("date_mentions", lambda c: extract_dates(c.text)):
        if d.kind != ABSOLUTE or d.precision != DAY or not d.valid or d.value is None or not d.confident:
            continue
        # the end of a term (刑期自…起至2020年3月4日止) lies after the document's date
        if re.search(r"[至到]\s*$", text[max(0, d.start - 2) : d.start]) or text[d.end : d.end + 2].startswith("止"):
            continue
        if signed is None or d.value <= signed:
            found.append(d.value)
    found += [date(int(m.group(1)), 1, 1) for m in _CASE_NO_YEAR.finditer(text, 0, min(len(text), 400))]
    today = date.today()
    found = [d for d in found if d <= today]
    floor = signed or (max(found) if found else None)
    return _Dates(signed, floor)


def _citing_rule(ctx: Context) -> str:
    if ctx.doc_type in doctypes.PROCURATORIAL:
        return st.quote(CITING_RULE_PROCURATORATE, 358, item=4, on=date.today())
    return st.quote(CITING_RULE_COURT, 1)


def _label(c: Citation) -> str:
    s = st.article_label(c.article, c.sub)
    if c.paragraph:
        s += f"第{st.int_to_cn(c.paragraph)}款"
    if c.item:
        s += f"第（{st.int_to_cn(c.item)}）项"
    return s


@dataclass
class _Finding:
    spans: list[tuple[int, int]]
    confidence: float
    basis: str
    reason: str
    severity: str | None = None


@register
class CitationError(Detector):
    name = "citation_error"
    version = "1"
    codes = ("citation_error",)

    def detect(self, ctx: Context) -> Iterator[Flag]:
        cites = citations_in(ctx)
        if not cites:
            return
        when = _dates(ctx)
        formal = ctx.doc_type != doctypes.OTHER
        findings: list[_Finding] = []
        findings += self._articles(ctx, cites, when)
        if formal:  # case write-ups and notes cite old versions on purpose; formal documents act under them
            findings += self._names(ctx, cites)
            findings += self._cpl_numbering(ctx, cites, when)
            findings += self._force(ctx, cites, when)
        for f in findings:
            yield self.flag(ctx, "citation_error", f.spans, confidence=f.confidence, basis=f.basis,
                            reason=f.reason, severity=f.severity)  # fmt: skip

    # ---------------------------------------------------------------- articles that do not exist

    def _articles(self, ctx: Context, cites: list[Citation], when: _Dates) -> Iterator[_Finding]:
        seen: set[tuple] = set()
        for c in cites:
            if c.law_key is None or not st.has_articles(c.law_key) or c.key in seen:
                continue
            seen.add(c.key)
            fam = st.family(c.law_key)
            # Judge against the version in force on the document's date only for a single-version law (刑法:
            # an 之一 article cited before it existed). A document may quote an earlier act made under an
            # older version (a 2019 appeal quoting a 2017 judgment's 第一百九十五条), so for laws with
            # several versions every version that ever existed counts.
            if c.version:
                kw: dict = {"version": c.version}
            elif when.signed and len(fam.versions) == 1:
                kw = {"on": when.signed}
            else:
                kw = {}
            whole = st.article_status(c.law_key, c.article, c.sub, **kw)
            spans = [(c.law_start, c.law_end), (c.start, c.end)]
            name = f"《{fam.full_name}》"
            if whole is False:
                added = st.article_history(c.law_key, c.article, c.sub)["added"] if c.law_key == "刑法" else None
                if added and when.signed:
                    yield _Finding(
                        spans,
                        0.85,
                        self._amendment_basis(added, c),
                        f"{name}{st.article_label(c.article, c.sub)}由《{added['by']}》增设，自{added['on']}起施行，"
                        f"文书日期{when.signed.isoformat()}在此之前，不能引用该条。",
                    )
                else:
                    yield _Finding(
                        spans,
                        0.9,
                        _citing_rule(ctx) + "｜法条表：" + self._table_note(c, kw),
                        f"{name}没有{st.article_label(c.article, c.sub)}（{self._table_note(c, kw)}），引用的条文序号有误。",
                    )
                continue
            if whole is not True or not (c.paragraph or c.item):
                continue
            part = st.article_status(c.law_key, c.article, c.sub, paragraph=c.paragraph, item=c.item, **kw)
            if part is not False:
                continue
            paras = st.article_paragraphs(c.law_key, c.article, c.sub, **_text_kw(kw)) or []
            art = st.article_label(c.article, c.sub)
            if c.paragraph and c.paragraph > len(paras):
                what, conf = f"{art}只有{st.int_to_cn(len(paras))}款，没有第{st.int_to_cn(c.paragraph)}款", 0.8
            else:
                what, conf = (
                    f"{art}{'第' + st.int_to_cn(c.paragraph) + '款' if c.paragraph else ''}没有第（{st.int_to_cn(c.item or 0)}）项",
                    0.7,
                )
            yield _Finding(
                spans,
                conf,
                _citing_rule(ctx) + "｜" + st.quote(c.law_key, c.article, None, c.sub, **_text_kw(kw)),
                f"{name}{what}，引用的款项有误。",
            )

    @staticmethod
    def _table_note(c: Citation, kw: dict) -> str:
        fam = st.family(c.law_key or "")
        if kw.get("version"):
            versions = [fam.version(kw["version"])]
        elif kw.get("on"):
            v = st.version_on(fam.key, kw["on"])
            versions = [v] if v else []
        else:
            versions = [v for v in fam.versions if v.text or v.articles_total]
        parts = []
        for v in versions:
            n = st.last_article(fam.key, v.vid)
            if n:
                parts.append(f"{v.title}（{v.vid.split('@')[-1]}）共{n}条")
        return "；".join(parts) or "法条表中无此条"

    @staticmethod
    def _amendment_basis(added: dict, c: Citation) -> str:
        key = added["by"]
        target = f"作为{st.article_label(c.article, c.sub)}"
        for n in range(1, 80):
            text = st.article_text(key, n)
            if text is None:
                break
            if target in text:
                return st.quote(key, n)
        return f"《中华人民共和国{key}》（{added['on']}起施行）增设{st.article_label(c.article, c.sub)}"

    # ---------------------------------------------------------------- names

    def _names(self, ctx: Context, cites: list[Citation]) -> Iterator[_Finding]:
        groups: dict[tuple[str, str], list[Citation]] = defaultdict(list)
        for c in cites:
            if c.name_form in ("nonstandard", "near"):
                groups[(c.name_form, c.law_name)].append(c)
        for (form, written), cs in groups.items():
            spans = sorted({(c.law_start, c.law_end) for c in cs})
            key = cs[0].law_key or cs[0].near_key
            if key is None:
                continue
            full = st.family(key).full_name
            if form == "nonstandard":
                reason = f"正式文书中以简称“{written}”引用法律，应写明规范性法律文件的全称《{full}》。"
                conf = 0.8
            else:
                reason = f"法律名称“{written}”与《{full}》不一致（疑有错字、漏字），应准确写明规范性法律文件的名称。"
                conf = 0.6
            yield _Finding(spans, conf, _citing_rule(ctx), reason, severity="low")

    # ---------------------------------------------------------------- periods of force

    def _force(self, ctx: Context, cites: list[Citation], when: _Dates) -> Iterator[_Finding]:
        done: set[tuple[str, str | None]] = set()
        for c in cites:
            if c.law_key is None or (c.law_key, c.version) in done:
                continue
            fam = st.family(c.law_key)
            spans = sorted(
                {(x.law_start, x.law_end) for x in cites if (x.law_key, x.version) == (c.law_key, c.version)}
            )
            if c.version and not c.version_note:  # a note（2013年1月1日施行）cites the old text knowingly
                v = fam.version(c.version)
                if v.expired_on and when.floor and when.floor >= v.expired_on:
                    done.add((c.law_key, c.version))
                    yield _Finding(
                        spans,
                        0.85 if when.signed else 0.75,
                        self._repeal_basis(fam, v),
                        f"《{v.title}》自{v.expired_on.isoformat()}起已失效，文书"
                        f"{'日期为' + when.signed.isoformat() if when.signed else '记载的事实已晚至' + when.floor.isoformat()}，"
                        "仍引用该规定。",
                    )
                    continue
            if when.signed and fam.origin and when.signed < fam.origin:
                done.add((c.law_key, c.version))
                yield _Finding(
                    spans,
                    0.85,
                    f"法条表：《{fam.full_name}》最早见于{fam.origin.isoformat()}",
                    f"文书日期{when.signed.isoformat()}早于《{fam.full_name}》的制定时间（{fam.origin.isoformat()}），"
                    "引用了当时尚不存在的规定。",
                )

    @staticmethod
    def _repeal_basis(fam: st.LawFamily, old: st.LawVersion) -> str:
        later = [v for v in fam.versions if v.valid_from and old.expired_on and v.valid_from >= old.expired_on]
        for v in later:
            if not v.text:
                continue
            for n in range(1, 2000):
                text = st.article_text(fam.key, n, version=v.vid)
                if text is None:
                    break
                if "废止" in text and re.sub(r"[《》〈〉]", "", old.title)[:8] in re.sub(r"[《》〈〉]", "", text):
                    return st.quote(fam.key, n, version=v.vid, max_len=200)
        return f"法条表：《{old.title}》施行期间 {old.valid_from} 至 {old.expired_on}"

    # ---------------------------------------------------------------- 刑事诉讼法 numbering

    def _cpl_numbering(self, ctx: Context, cites: list[Citation], when: _Dates) -> Iterator[_Finding]:
        text = ctx.text
        appeal = bool(re.search(r"刑终", text[:300]))
        for c in cites:
            if c.law_key != CPL:
                continue
            after = text[c.end : c.end + 30]
            after = after[: re.search(r"[。；]|$", after).start()]
            sentence_start = ctx.sentence_at(c.start)[0] if ctx.sentences else 0
            if re.search(r"原审|原判|一审|原裁判", text[max(sentence_start, c.start - 80) : c.start]):
                continue  # quoting the earlier judgment: its act, its date
            for act in _ACTS:
                if ctx.doc_type not in act.doc_types or not act.phrase.search(after):
                    continue
                if appeal and act.topic == "第一审判决":
                    continue
                if c.article == act.old and when.floor and when.floor >= CPL_2018:
                    right, wrong_rev = act.new, "2012年"
                elif c.article == act.new and when.signed and when.signed < CPL_2018:
                    right, wrong_rev = act.old, "2018年修正后"
                else:
                    continue
                on = when.signed or when.floor
                yield _Finding(
                    [(c.law_start, c.law_end), (c.start, c.end)],
                    0.75,
                    st.quote(CPL, act.new, on=date.today())
                    if right == act.new
                    else f"2012年《中华人民共和国刑事诉讼法》第{st.int_to_cn(act.old)}条（{act.topic}）",
                    f"文书日期{'' if when.signed else '不早于'}{on.isoformat() if on else ''}，{act.topic}的依据应为当时施行的"
                    f"刑事诉讼法第{st.int_to_cn(right)}条；第{st.int_to_cn(c.article)}条是{wrong_rev}刑事诉讼法的条文序号。",
                )


def _text_kw(kw: dict) -> dict:
    """article_paragraphs / quote take `on` or `version`, not a lower bound."""
    return {k: v for k, v in kw.items() if k in ("on", "version") and v is not None}
