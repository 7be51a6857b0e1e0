"""The typo checker over a whole document: legal wording rules plus the character-level spelling check.

`TypoChecker.load()` reads the shipped artefacts from models/typo (or $PINGCHA_TYPO_MODEL):
lm.npz (character LM), confusion.json, whitelist.txt, misspellings.json, reranker.json; and the
hand-made tables in data/typo: legal_confusables.tsv (wording rules) and legal_phrases.txt (set phrases).
Offsets in the returned suggestions are into the text given (the normalised text in the pipeline).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..paths import REPO_ROOT, data_path
from . import wording
from .phrases import PhraseChecker, read_phrases
from .protect import find_names
from .spelling import SpellChecker

SPELLING_REASON = "疑似错别字（同音或形近字误用）"
SPELLING_BASIS = "《通用规范汉字表》；最高人民检察院法律文书格式样本对文书文字准确的要求"
_HAN = re.compile(r"[\u4e00-\u9fff]")
# Lines with fewer Chinese characters are headings, signatures and name lists (承办检察官：/符某/杨某):
# too little context for the LM, and mostly names.
MIN_HAN = 5


def default_model_dir() -> Path:
    return Path(os.environ.get("PINGCHA_TYPO_MODEL", REPO_ROOT / "models" / "typo"))


@dataclass(frozen=True)
class Suggestion:
    """One suggested change at [start, end) of the checked text."""

    start: int
    end: int
    original: str
    suggestion: str
    confidence: float
    rule: str  # "spelling" or a wording rule name
    reason: str
    basis: str

    @classmethod
    def of(cls, f: wording.WordingFinding, offset: int = 0) -> Suggestion:
        return cls(offset + f.start, offset + f.end, f.original, f.suggestion, f.confidence, f.rule, f.reason, f.basis)


class TypoChecker:
    def __init__(
        self,
        spelling: SpellChecker,
        misspellings: dict[str, str],
        legal_rules: tuple[wording.Rule, ...] = (),
        phrases: PhraseChecker | None = None,
    ):
        self.spelling = spelling
        rule = wording.common_misspelling_rule(misspellings)
        self.rules = (*wording.RULES, *legal_rules, *((rule,) if rule else ()))
        self.phrases = phrases

    @classmethod
    def load(cls, model_dir: Path | None = None) -> TypoChecker:
        d = model_dir or default_model_dir()
        if not (d / "lm.npz").exists():
            raise FileNotFoundError(f"typo model not found in {d}: run `python scripts/train_typo.py` to build it")
        misspellings = json.loads((d / "misspellings.json").read_text(encoding="utf-8"))
        spelling = SpellChecker.load(d)
        legal_rules = wording.table_rules(data_path("typo", "legal_confusables.tsv"))
        phrases = PhraseChecker(read_phrases(data_path("typo", "legal_phrases.txt")), spelling.confusion, spelling.lm)
        return cls(spelling, misspellings, legal_rules, phrases)

    def check(
        self,
        text: str,
        doc_type: str = "other",
        sentences: list[tuple[int, int]] | None = None,
        threshold: float | None = None,
    ) -> list[Suggestion]:
        """All suggestions for the text, ordered by position (spelling ones at or above the threshold)."""
        out, spans, sents, masks = self.prepare(text, doc_type, sentences)
        for s, found in zip(spans, self.spelling.check_many(sents, masks, threshold, context=text), strict=True):
            for cand, conf in found:
                out.append(
                    Suggestion(
                        s + cand.pos, s + cand.end, cand.original, cand.replacement, conf, "spelling",
                        SPELLING_REASON, SPELLING_BASIS,
                    )
                )  # fmt: skip
        return sorted(out, key=lambda x: (x.start, x.end))

    def prepare(
        self, text: str, doc_type: str = "other", sentences: list[tuple[int, int]] | None = None
    ) -> tuple[list[Suggestion], list[int], list[str], list[list[bool]]]:
        """Wording-rule and set-phrase suggestions, and the sentences left for the spelling check: their
        start offsets, texts and protection masks (names, terms, places, and the suggestions' spans)."""
        if sentences is None:
            from ..sentences import sentence_spans

            sentences = sentence_spans(text)
        out: list[Suggestion] = []
        taken: set[int] = set()
        findings = wording.rule_findings(text, doc_type, self.rules)
        findings += wording.stage_findings(text, doc_type, sentences)
        for f in sorted(findings, key=lambda f: (f.start, -f.confidence)):
            span = set(range(f.start, f.end))
            if span & taken:
                continue
            taken |= span
            out.append(Suggestion.of(f))
        names = find_names(text)
        protector = self.spelling.protector
        spans, sents, masks = [], [], []
        for s, e in sentences:
            sent = text[s:e]
            if len(_HAN.findall(sent)) < MIN_HAN:
                continue
            mask = protector.protected(sent, names)
            for i in range(len(sent)):
                if s + i in taken:
                    mask[i] = True
            if self.phrases is not None:
                for f in self.phrases.findings(sent, mask.__getitem__):
                    out.append(Suggestion.of(f, s))
                    mask[f.start] = True
            spans.append(s)
            sents.append(sent)
            masks.append(mask)
        return out, spans, sents, masks


@lru_cache(maxsize=1)
def shipped_checker() -> TypoChecker:
    """The checker over the shipped model, loaded once per process."""
    return TypoChecker.load()
