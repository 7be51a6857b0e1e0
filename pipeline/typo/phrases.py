"""Near-misses of legal set phrases: 程序正档 → 程序正当, 事实清处 → 事实清楚.

Documents repeat a few hundred formulae verbatim (data/typo/legal_phrases.txt). The character LM alone
misses some of their typos: a formula can be rare in training text (程序正当). A string one confusable
character away from a formula (同音/形近 per the confusion sets) is taken for that formula mistyped when
* the legal corpus does not attest the changed 4-character window (the LM keeps 4-grams seen 5+ times),
* the changed character is not a function character and not inside an ordinary word of the sentence
  (犯罪中直接, 证据不符合, 是否公开审理 are other words that happen to sit next to each other), and
* the LM reads the corrected text, with its neighbours, clearly better (犯罪中只起了 is not 犯罪中止).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np

from .confusion import ConfusionSet
from .lm import CharNgramLM, encode, to_codes
from .spelling import FUNCTION_CHARS, REAL_WORD_MIN_FREQ, never_suggest
from .wording import BASIS_GUIFAN, WordingFinding
from .words import segment_words, word_frequencies

CONFIDENCE = 0.8
MIN_LEN = 4
CONTEXT = 3  # characters each side that the LM comparison reads
MIN_GAIN = 1.0  # natural-log LM gain of the correction over that window


def read_phrases(path: Path) -> list[str]:
    """One phrase per line; `#` starts a comment; phrases shorter than 4 characters are ignored (too many
    legitimate neighbours)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        s = line.split("#", 1)[0].strip()
        if len(s) >= MIN_LEN:
            out.append(s)
    return out


class PhraseChecker:
    def __init__(self, phrases: Iterable[str], confusion: ConfusionSet, lm: CharNgramLM):
        self.lm = lm
        phrase_set = set(phrases)
        used = set("".join(phrase_set))
        wrong_for: dict[str, set[str]] = {}  # right character of a phrase -> characters mistyped for it
        for wrong, rights in confusion.sets.items():
            for right in used.intersection(rights):
                wrong_for.setdefault(right, set()).add(wrong)
        cands: dict[str, tuple[str, int]] = {}
        for p in sorted(phrase_set):
            for j, ch in enumerate(p):
                for w in sorted(wrong_for.get(ch, ())):
                    v = p[:j] + w + p[j + 1 :]
                    if v not in phrase_set and w not in FUNCTION_CHARS and not never_suggest(w, ch):
                        cands.setdefault(v, (p, j))
        # A variant is attested when every 4-character window over its changed character is; one batch.
        owners, windows = [], []
        for n, (v, (_, j)) in enumerate(cands.items()):
            for k in range(max(0, j - MIN_LEN + 1), min(j, len(v) - MIN_LEN) + 1):
                owners.append(n)
                windows.append(v[k : k + MIN_LEN])
        known = lm.contains(to_codes("".join(windows)).reshape(-1, MIN_LEN)) if windows else np.zeros(0, bool)
        unattested = np.zeros(len(cands), dtype=bool)
        unattested[np.asarray(owners, dtype=np.int64)[~known]] = True
        self.variants = {v: pj for n, (v, pj) in enumerate(cands.items()) if unattested[n]}
        self.lengths = sorted({len(v) for v in self.variants})
        self.heads = {v[:2] for v in self.variants}  # most positions fail this one look-up

    def _gain(self, text: str, pos: int, right: str) -> float:
        s, e = max(0, pos - CONTEXT), min(len(text), pos + 1 + CONTEXT)
        before = encode(text[s:e])
        after = encode(text[s:pos] + right + text[pos + 1 : e])
        return float(self.lm.position_logps(after).sum() - self.lm.position_logps(before).sum())

    def findings(self, text: str, protected: Callable[[int], bool] = lambda i: False) -> list[WordingFinding]:
        """Set-phrase typos in a text (a sentence or a whole document); `protected(i)` vetoes position i."""
        out: list[WordingFinding] = []
        segments: list[str] | None = None
        freq = word_frequencies()
        for i in range(len(text)):
            if text[i : i + 2] not in self.heads:
                continue
            for n in self.lengths:
                if i + n > len(text):
                    break
                hit = self.variants.get(text[i : i + n])
                if hit is None:
                    continue
                phrase, j = hit
                pos = i + j
                if protected(pos) or self._gain(text, pos, phrase[j]) < MIN_GAIN:
                    continue
                if segments is None:
                    segments = segment_words(text)
                word = segments[pos]
                if len(word) > 1 and freq.get(word, 0) >= REAL_WORD_MIN_FREQ:
                    continue
                out.append(
                    WordingFinding(
                        pos, pos + 1, text[pos], phrase[j], CONFIDENCE, "set_phrase",
                        f"固定表述“{phrase}”误作“{text[i : i + n]}”", BASIS_GUIFAN,
                    )
                )  # fmt: skip
        return out
