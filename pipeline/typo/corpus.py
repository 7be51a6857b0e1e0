"""Reading the shared corpus (../shared/corpus) for training and evaluation of the typo model.

Only the training script and the benchmark read from here; the shipped detector never does.
Judgments and CAIL fact paragraphs carry real names: they are marked private so the LM keeps only
n-grams that recur across documents (see `lm.count_ngrams`), and nothing from them is logged.
"""

from __future__ import annotations

import csv
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


def _md_files(root: Path, *dirs: str) -> Iterator[Path]:
    for d in dirs:
        p = root / d
        if p.exists():
            yield from sorted(f for f in p.rglob("*.md") if f.name not in ("README.md", "_index.md"))


def iter_source_docs(root: Path = DEFAULT_SHARED) -> Iterator[SourceDoc]:
    """Every training document: statutes and rules, guiding cases (public), judgments and facts (private)."""
    for f in _md_files(root, "laws"):
        yield SourceDoc("statute", False, f.read_text(encoding="utf-8"))
    for f in _md_files(root, "cases/spp_guiding_cases", "cases/spc_guiding_cases", "cases/nsc_guiding_cases"):
        yield SourceDoc("guiding_case", False, f.read_text(encoding="utf-8"))
    for f in sorted((root / "cases/lecardv2/query").glob("*.json")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                yield SourceDoc("judgment", True, row.get("query", "") + "\n" + row.get("fact", ""))
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
