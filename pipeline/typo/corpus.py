"""Reading the shared corpus (../shared/corpus) for training and evaluation of the typo model.

Only the training script and the benchmark read from here; the shipped detector never does.
Judgments and CAIL fact paragraphs carry real names: they are marked private so the LM keeps only
n-grams that recur across documents (see `lm.count_ngrams`), and nothing from them is logged.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..paths import REPO_ROOT

DEFAULT_SHARED = REPO_ROOT.parent / "shared" / "corpus"
ECSPELL = Path("spelling") / "ecspell"

_SENT_END = re.compile(r"(?<=[。！？；!?;])|\n")
_MARKUP = re.compile(r"[#*>|`]+|^\s*[-+]\s+|\s+")


@dataclass(frozen=True)
class SourceDoc:
    source: str  # "statute" | "guiding_case" | "judgment"
    private: bool
    text: str


def split_sentences(text: str) -> list[str]:
    """Sentences for LM training: split after 。！？； and at line breaks, markdown and spaces removed."""
    out = []
    for part in _SENT_END.split(text):
        s = _MARKUP.sub("", part)
        if len(s) >= 4:
            out.append(s)
    return out


GUIDING_DIRS = ("cases/spp_guiding_cases", "cases/spc_guiding_cases", "cases/nsc_guiding_cases")
LECARDV2_QUERY = Path("cases") / "lecardv2" / "query"


def is_heldout_guiding_case(path: Path) -> bool:
    """The fixed half of the guiding cases kept out of training (LM included) for the real-text check."""
    return hashlib.sha1(path.name.encode("utf-8")).digest()[0] % 2 == 1


@dataclass(frozen=True)
class RealDoc:
    """A real document for the false-alarm measurement: an id (content hash) and its text."""

    doc_id: str
    text: str


CAIL2021_ARGUMENTS = Path("facts") / "cail2021" / "lblj" / "Task1.1" / "baseline" / "data" / "SMP-CAIL2021-train.csv"


def _cail2021_judgments(root: Path) -> dict[str, str]:
    """CAIL2021 argument-pair sentences grouped by judgment (text_id), each sentence once."""
    f = root / CAIL2021_ARGUMENTS
    out: dict[str, list[str]] = {}
    seen: set[str] = set()
    if f.exists():
        with f.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                for k in ("sc", "A", "B", "C", "D", "E"):
                    t = (row.get(k) or "").strip()
                    if t and t not in seen:
                        seen.add(t)
                        out.setdefault(row.get("text_id", ""), []).append(t)
    return {k: "\n".join(v) for k, v in out.items()}


def real_text_docs(root: Path = DEFAULT_SHARED) -> dict[str, list[RealDoc]]:
    """The real-text evaluation splits, none of them LM training text for the cross-fitted LMs:
    "tuning" = the unique LeCaRDv2 judgments ('query'; LM text of the shipped model only, see
    training.py), "heldout" = the held-out half of the guiding cases, "blind" = the CAIL2021
    argument-pair sentences grouped by judgment (set aside unread until the model was final)."""
    from ..types import make_doc_id

    tuning: dict[str, str] = {}
    for f in sorted((root / LECARDV2_QUERY).glob("*.json")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                q = json.loads(line).get("query", "")
                if q:
                    tuning.setdefault(make_doc_id(q), q)
    heldout: dict[str, str] = {}
    for f in _md_files(root, *GUIDING_DIRS):
        if is_heldout_guiding_case(f):
            t = f.read_text(encoding="utf-8")
            heldout.setdefault(make_doc_id(t), t)
    blind = {make_doc_id(t): t for t in _cail2021_judgments(root).values()}
    return {
        "tuning": [RealDoc(k, v) for k, v in tuning.items()],
        "heldout": [RealDoc(k, v) for k, v in heldout.items()],
        "blind": [RealDoc(k, v) for k, v in blind.items()],
    }


def _md_files(root: Path, *dirs: str) -> Iterator[Path]:
    for d in dirs:
        p = root / d
        if p.exists():
            yield from sorted(f for f in p.rglob("*.md") if f.name not in ("README.md", "_index.md"))


def iter_source_docs(root: Path = DEFAULT_SHARED) -> Iterator[SourceDoc]:
    """Every training document: statutes and rules, guiding cases (public), judgments and facts (private).

    The real-text evaluation documents (`real_text_docs`: LeCaRDv2, the held-out guiding cases) are not
    among them; near-copies of them in other sources are dropped by the training script."""
    for f in _md_files(root, "laws"):
        yield SourceDoc("statute", False, f.read_text(encoding="utf-8"))
    for f in _md_files(root, *GUIDING_DIRS):
        if not is_heldout_guiding_case(f):
            yield SourceDoc("guiding_case", False, f.read_text(encoding="utf-8"))
    lecard = root / "cases/lecard/query/query.json"
    if lecard.exists():
        for line in lecard.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield SourceDoc("judgment", True, json.loads(line).get("q", ""))
    for name in ("dev_ground_truth.json", "test_ground_truth.json"):
        f = root / "facts/cail2019" / name
        if f.exists():
            for item in json.loads(f.read_text(encoding="utf-8"))["data"]:
                for para in item["paragraphs"]:
                    yield SourceDoc("judgment", True, para["context"])
    for name in ("3-1.json", "3-3.json", "3-4.json", "3-5.json"):
        f = root / "facts/lawbench" / name
        if f.exists():
            for item in json.loads(f.read_text(encoding="utf-8")):
                q = item.get("question", "")
                yield SourceDoc("judgment", True, q.split("事实:", 1)[-1])
    f = root / "facts/cail2022_xxcq/datasets/step1_test.json"
    if f.exists():
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield SourceDoc("judgment", True, line)
    yield from _more_judgment_text(root)


def _more_judgment_text(root: Path) -> Iterator[SourceDoc]:
    """Further judgment wording: CAIL2022 annotated drug-case sentences (one document per article),
    LawBench 2-x passages."""
    articles: dict[str, list[str]] = {}
    for name in ("train.json", "datasets/step1_train.json"):
        f = root / "facts/cail2022_xxcq" / name
        if f.exists():
            for line in f.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    articles.setdefault(f"{name}:{row.get('articleId')}", []).append(row.get("sentText", ""))
    for sents in articles.values():
        yield SourceDoc("judgment", True, "\n".join(sents))
    for name in ("2-5.json", "2-6.json", "2-9.json", "2-10.json"):
        f = root / "facts/lawbench" / name
        if f.exists():
            for item in json.loads(f.read_text(encoding="utf-8")):
                q = item.get("question", "")
                yield SourceDoc("judgment", True, q.split(":", 1)[-1] if q[:3] in ("段落:", "句子:") else q)


# --- ECSpell ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CscPair:
    """One spelling-check example: source sentence and its corrected form (same length)."""

    src: str
    tgt: str


def load_ecspell(path: Path) -> list[CscPair]:
    """`label\\tsource\\ttarget` lines (ECSpell domains and its simplified SIGHAN files)."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) < 3:
                continue
            src, tgt = row[-2].strip(), row[-1].strip()
            if len(src) == len(tgt) and src:
                out.append(CscPair(src, tgt))
    return out


def law_folds(pairs: list[CscPair], k: int = 5) -> list[list[CscPair]]:
    """Fixed k-fold split of ECSpell law.train by line index (fold = index mod k)."""
    return [pairs[i::k] for i in range(k)]


# --- decontamination --------------------------------------------------------------------------------
def ngram_set(texts: Iterable[str], n: int) -> set[str]:
    grams: set[str] = set()
    for t in texts:
        grams.update(t[i : i + n] for i in range(len(t) - n + 1))
    return grams


def is_contaminated(sentence: str, eval_grams: set[str], n: int) -> bool:
    """True when the sentence shares an n-character substring with an evaluation sentence."""
    return any(sentence[i : i + n] in eval_grams for i in range(len(sentence) - n + 1))
