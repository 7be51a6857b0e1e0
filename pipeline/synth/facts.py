"""Fact paragraphs for the 事实 section, and where they come from.

Three sources, each a `Fact` whose text has placeholders {R} (the defendant's role word, which depends on
the document: 被告人 / 犯罪嫌疑人 / 被不起诉人) and {D0}, {D1} … (the defendants' names):

* guiding cases of the 最高人民检察院 and 最高人民法院 (public-domain official documents): their 基本案情
  narrative, shipped as `data/synth/guiding_facts.jsonl` (built by `build_guiding_facts` from
  ../shared/corpus/cases); only cases whose parties are already anonymised (胡某某) are used;
* CAIL2019 criminal "经审理查明" paragraphs, read at run time from a corpus folder the user names
  (`--corpus`); never copied into the repository;
* composed facts (`pipeline.synth.compose`), written by templates per charge.

External text is cleaned so that it cannot contradict the document around it: sentences about the
procedure (抓获, 拘留, 起诉, 判决 …), legal conclusions (…罪, 《…》) and evidence lists are dropped, because
the document states its own procedure and conclusions; the defendants' names are replaced by the
document's own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..extract.dates import extract_dates
from ..law.charges import all_charges, articles_for_charge, normalize_charge
from ..paths import data_path

SHIPPED = ("synth", "guiding_facts.jsonl")
MIN_DATE = date(2013, 1, 1)  # holiday data and the 2012/2018 procedure rules the clocks model start here


@dataclass(frozen=True)
class Fact:
    source_id: str  # stable: the split is decided by it, so one source never lands in two splits
    origin: str  # spp_guiding | spc_guiding | cail2019 | template
    charge: str  # official charge name
    text: str  # with {R}, {D0}, {D1} … placeholders; paragraphs separated by "\n"
    n_defendants: int
    latest: str | None  # ISO date of the latest dated mention in the text (the offence ends by then)

    def render(self, role: str, names: list[str]) -> str:
        out = self.text.replace("{R}", role)
        for i, n in enumerate(names):
            out = out.replace(f"{{D{i}}}", n)
        return out

    @property
    def latest_date(self) -> date | None:
        return date.fromisoformat(self.latest) if self.latest else None


# ------------------------------------------------------------------------------------------ cleaning

_ROLES = r"(?:被附条件不起诉人|被不起诉人|犯罪嫌疑人|原审被告人|被告人|上诉人)"
# An anonymised name: a surname (one or two characters) then 某, 某某, 某甲, 某1, x1 … as the sources write it.
_MASKED = r"[\u4e00-\u9fff]{1,2}(?:某{1,2}[甲乙丙丁戊\d]?|[xX×]\d?|\d?某[\u4e00-\u9fff\d]?)"
_ROLE_NAME = re.compile(rf"{_ROLES}(?P<name>{_MASKED})")
_NAME_STOP = set("于在系因将把被与和对以到从向为是的等、，。：；及驾持携窜伙趁用经又再即遂便就也还均各共都并先后同称")
_PARTY_LINE = re.compile(rf"^(?:未成年)?{_ROLES}[^，。]{{1,8}}[，,（(、]")
# Facts that make a defendant a minor: the generated person would contradict them.
_MINOR = re.compile(
    r"未成年(?:人)?\{R\}|未成年人\{D|\{D\d\}[^。；]{0,8}(?:未满十八周岁|[一二]?十?[一二三四五六七八九]周岁|1[0-7]周岁)"
)
# Sentences that speak about the procedure or conclude on the law: the document says these itself.
_PROCEDURAL = re.compile(
    r"拘留|逮捕|取保候审|监视居住|抓获|归案|到案|投案|羁押|立案|报案|报警|移送|起诉|判决|判处|裁定|宣判|审理|"
    r"检察|法院|公安机关|公安局|派出所|侦查|审查|指控|辩护|辩称|上诉|抗诉|缓刑|有期徒刑|拘役|罚金|"
    r"《|》|(?<!犯)罪(?!嫌)|供述|证言|证实|证据|鉴定意见书|经审理|查明|(?:审理|审查|机关)认定|本院|法律援助|律师|自首|坦白|谅解书"
)
_HEADING = re.compile(r"^(?:【[^】]+】|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")


def _sentences(paragraph: str) -> list[str]:
    return [s for s in re.findall(r"[^。！？]*[。！？]?", paragraph) if s.strip()]


def _names(text: str) -> list[str]:
    """Defendants' anonymised names in order of appearance (the role word decides who is a defendant)."""
    found: list[str] = []
    for m in _ROLE_NAME.finditer(text):
        name = m.group("name")
        if name[-1] in _NAME_STOP:
            name = name[:-1]
        if re.search(r"某$|某[甲乙丙丁戊\d]$|[xX×]\d?$|\d某|某[\u4e00-\u9fff]$", name) and name not in found:
            found.append(name)
    return found


def clean_external(text: str, *, max_defendants: int = 3, max_chars: int = 1400) -> tuple[str, int] | None:
    """Fact text with placeholders and its number of defendants; None when it cannot be used safely.

    The defendants are the anonymised names that follow a role word anywhere in `text` (party lines
    included); the narrative often names them bare ("胡某某到某商店…")."""
    names = _names(text)
    if not names or len(names) > max_defendants:
        return None
    paragraphs = [p.strip() for p in text.replace("\r", "").split("\n") if p.strip()]
    kept: list[str] = []
    for p in paragraphs:
        if _PARTY_LINE.match(p) or _HEADING.match(p):
            continue
        p = re.sub(r"^(?:经审理查明|经审查查明|公诉机关指控)[:：，,]?", "", p)
        body = "".join(s for s in _sentences(p) if not _PROCEDURAL.search(s))
        if len(body) >= 20:
            kept.append(body)
    if not kept:
        return None
    if sum(len(p) for p in kept) > max_chars:  # keep whole paragraphs
        cut: list[str] = []
        for p in kept:
            if cut and sum(len(x) for x in cut) + len(p) > max_chars:
                break
            cut.append(p)
        kept = cut
    body = "\n".join(kept)
    # Every role word left must introduce one of the names (no "被告人张某" of another case left behind).
    for m in re.finditer(_ROLES, body):
        if not any(body.startswith(n, m.end()) for n in names) and not body.startswith(("等", "们"), m.end()):
            return None
    out = re.sub(_ROLES, "{R}", body)
    for n in sorted(names, key=len, reverse=True):
        guard = r"(?![某甲乙丙丁戊\d])" if n.endswith("某") else ""
        out = re.sub(re.escape(n) + guard, f"{{D{names.index(n)}}}", out)
    used = sorted({int(i) for i in re.findall(r"\{D(\d)\}", out)})
    if not used or used != list(range(len(used))) or len(out) < 80:
        return None  # a defendant named in the party lines only, or too little narrative left
    if re.search(r"\{D\d\}[某xX×\d]", out):
        return None  # the source's name was longer than what was recognised ("张2某张某某"): unsafe to rename
    if _MINOR.search(out):
        return None  # the source says the defendant was a minor: the document's own person would contradict it
    if re.search(r"\{R\}(?!\{D)", out):
        return None  # a role word not followed by a name (两{R}…): would read wrongly after substitution
    return out, len(used)


def latest_date(text: str) -> date | None:
    mentions = [m for m in extract_dates(text) if m.value and m.valid and m.confident]
    return max((m.value for m in mentions if m.value), default=None)


# ------------------------------------------------------------------------------------------ guiding cases

_SECTION = re.compile(
    r"(?:【基本案情】|^基本案情\s*$)(?P<body>[\s\S]*?)"
    r"(?=^【|^(?:裁判结果|裁判理由|检察机关履职过程|诉讼过程|处理结果)\s*$|\Z)",
    re.M,
)
_TITLE_CHARGE = re.compile(r"([\u4e00-\u9fff、]{2,40}?)(?:刑事附带民事公益诉讼|附带民事)?案")


def _charge_of(title: str) -> str | None:
    """The single charge a case title names: 胡某某抢劫案 -> 抢劫罪; several charges or none -> None."""
    title = re.sub(r"^[#\s]*[（(]?(?:检例|指导性案例)[^）)_\s：:]*[）)]?[\s_：:]*", "", title)
    m = _TITLE_CHARGE.search(title)
    if not m:
        return None
    words = m.group(1)
    found = {normalize_charge(words[i:j]) for i in range(len(words)) for j in range(i + 2, len(words) + 1)}
    found.discard(None)
    longest = {c for c in found if c and not any(c != o and o and c[:-1] in o for o in found)}
    return next(iter(longest)) if len(longest) == 1 else None


def guiding_facts(corpus: Path) -> Iterator[Fact]:
    """Usable facts of the SPP and SPC guiding cases under corpus/cases."""
    for folder, origin in (("spp_guiding_cases", "spp_guiding"), ("spc_guiding_cases", "spc_guiding")):
        for path in sorted((corpus / "cases" / folder).glob("*.md")):
            raw = path.read_text(encoding="utf-8")
            charge = _charge_of(raw.splitlines()[0] if raw else "")
            if charge is None or charge not in all_charges() or not articles_for_charge(charge):
                continue
            m = _SECTION.search(raw)
            if not m:
                continue
            cleaned = clean_external(m.group("body"))
            if cleaned is None:
                continue
            text, n = cleaned
            latest = latest_date(text)
            if latest is None or latest < MIN_DATE:
                continue
            number = re.search(r"(检例第\d+号|指导性案例\d+号)", path.name)
            sid = f"{origin}:{number.group(1) if number else path.stem}"
            yield Fact(sid, origin, charge, text, n, latest.isoformat())


def build_guiding_facts(corpus: Path, out: Path) -> int:
    """Write the shipped guiding-case facts (public-domain official text) to `out`; returns the count."""
    facts = list(guiding_facts(corpus))
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for fact in facts:
            f.write(json.dumps(asdict(fact), ensure_ascii=False) + "\n")
    return len(facts)


@lru_cache(maxsize=1)
def shipped_facts() -> tuple[Fact, ...]:
    path = data_path(*SHIPPED)
    if not path.exists():
        return ()
    return tuple(Fact(**json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


# ------------------------------------------------------------------------------------------ CAIL2019


def cail_facts(corpus: Path) -> Iterator[Fact]:
    """Criminal fact paragraphs of CAIL2019 (reading-comprehension set) under corpus/facts/cail2019.
    Used only when a user points the generator at the corpus: CAIL text is never shipped."""
    for path in sorted((corpus / "facts" / "cail2019").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for item in data.get("data", []):
            for k, para in enumerate(item.get("paragraphs", [])):
                charge = normalize_charge(para.get("casename", ""))
                if charge is None or not articles_for_charge(charge):
                    continue
                context = re.split(r"上述事实|认定上述|以上事实|上列事实", para.get("context", ""))[0]
                cleaned = clean_external(context)
                if cleaned is None:
                    continue
                text, n = cleaned
                latest = latest_date(text)
                if latest is None or latest < MIN_DATE:
                    continue
                sid = f"cail2019:{path.stem}:{item.get('caseid', '')}:{k}"
                yield Fact(sid, "cail2019", charge, text, n, latest.isoformat())


def external_facts(corpus: Path | None) -> list[Fact]:
    """Shipped guiding facts, plus CAIL2019 facts when a corpus folder is given and present."""
    out = list(shipped_facts())
    if corpus is not None and (corpus / "facts" / "cail2019").is_dir():
        out.extend(cail_facts(corpus))
    return out


def by_charge(facts: Iterable[Fact]) -> dict[str, list[Fact]]:
    out: dict[str, list[Fact]] = {}
    for f in facts:
        out.setdefault(f.charge, []).append(f)
    return out
