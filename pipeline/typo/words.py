"""General-vocabulary words: whether a character reads as part of an ordinary word.

The legal LM knows legal text; ordinary words that legal text rarely uses (恫吓, 背影, 抽搐, 网罗) read
badly to it, and a frequent neighbour (恐吓, 背景) then looks like a correction. jieba's dictionary
(a declared dependency; 349k words with corpus frequencies) says that the original is a word in its
own right. A private `jieba.Tokenizer` segments the sentence, so a character counts as inside a word
only when the segmentation puts it there (部分辨护意见 is 部分/辨/护/意见: 辨 is not in 分辨). The
dictionary also lists common misspellings at low frequencies (辩认 3, 部份 28), so the frequency, not
mere presence, is what the features use.
"""

from __future__ import annotations

import math
from functools import lru_cache

MIN_LEN, MAX_LEN = 2, 4


@lru_cache(maxsize=1)
def tokenizer():
    """A private jieba tokenizer over its default dictionary (never the global one)."""
    import jieba

    tok = jieba.Tokenizer()
    tok.initialize()
    return tok


def word_frequencies() -> dict[str, int]:
    """jieba's word -> frequency table (prefixes of words are in it with frequency 0)."""
    return tokenizer().FREQ


def segment_words(sentence: str) -> list[str]:
    """For each character of the sentence, the word of the segmentation that contains it."""
    out: list[str] = []
    for w in tokenizer().cut(sentence, HMM=False):
        out.extend([w] * len(w))
    return out


def segment_cover(words: dict[str, int], segments: list[str], start: int, end: int) -> tuple[float, str]:
    """The most frequent word of 2+ characters the segmentation puts over [start, end):
    (log(1 + frequency), word); (0.0, "") if the characters stand alone."""
    best, best_word = 0, ""
    for w in segments[start:end]:
        if len(w) >= MIN_LEN:
            f = words.get(w, 0)
            if f > best:
                best, best_word = f, w
    return math.log1p(best), best_word


def word_cover(words: dict[str, int], text: str, start: int, end: int) -> tuple[float, str]:
    """The most frequent dictionary word (2-4 characters) overlapping text[start:end] anywhere:
    (log(1 + frequency), word); (0.0, "") if none. For a replacement, whose sentence is not segmented."""
    best, best_word = 0, ""
    n = len(text)
    for length in range(MIN_LEN, MAX_LEN + 1):
        for s in range(max(0, start - length + 1), min(end, n - length + 1)):
            w = text[s : s + length]
            f = words.get(w, 0)
            if f > best:
                best, best_word = f, w
    return math.log1p(best), best_word
