"""Word segmentation: a private jieba tokenizer with the legal dictionary, inside a spaCy `zh` pipeline.

Date and number expressions are cut out BEFORE jieba sees the text, because jieba glues them to the
next word ("10日经本院批准逮捕" -> 10 | 日经 | …, "日经" being the Nikkei index). Token scheme:
  * an arabic number is one token and keeps a directly following date/time unit:
    "2019年" "3月" "5日" "10时" "30分" "12号"; other units stay apart ("15000" "元", "0.40" "克");
    an 18-character ID number is one token ("11010519900307123X");
  * a Chinese numeral with a date/time unit likewise: "二〇一九年" "三月" "五日" "十时" "三年";
  * relative dates are one token: 同年 同月 同日 当年 当月 当日 当天 当晚 当夜 次年 次月 次日 翌日 即日 …
Everything else is jieba's (HMM on) over the gaps. Tokens concatenate to the input exactly.

`segment(text)` is the fast path (a list of strings); `build_nlp()` returns a spaCy Language whose
tokenizer is the registered "pingcha.JiebaTokenizer.v1" and whose "pingcha_sentences" component sets
sentence starts from `pipeline.sentences.sentence_spans`. The jieba tokenizer is built once per process.
"""

from __future__ import annotations

import logging
import re
import tempfile
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import jieba
import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .errors import PingchaError
from .paths import data_path
from .sentences import sentence_spans

TOKENIZER_NAME = "pingcha.JiebaTokenizer.v1"
SENTENCES_NAME = "pingcha_sentences"

_CN_DIGIT = "〇零一二三四五六七八九"
_CN_NUM = f"[{_CN_DIGIT}十百两]"
# Atomic units, tried left to right at each position (alternation order matters: longest forms first).
_ATOMIC = re.compile(
    "|".join(
        [
            r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])",  # 公民身份号码
            r"(?<![0-9A-Za-z])\d+(?:[.,]\d+)*(?:[年月日号时秒]|分(?!钟))?",
            r"[〇○OΟ零一二三四五六七八九]{4}年",  # 二〇一九年, also typed with ○ or the letter O
            # one "一" after these is part of a word (统一, 同一, 唯一, 第一 …), not a number
            r"(?<![统同唯万单之第逐任均划专如])一(?:[年月日时]|分(?!钟))",
            rf"(?:{_CN_NUM}{{2,5}}|[{_CN_DIGIT[3:]}十两])(?:年(?![级龄代])|[月日时]|分(?!钟))",
            r"(?<![不相共等如])同(?:年(?![级龄代])|月|日)",
            r"(?<![相适担正应])当(?:年|月|日|天|晚|夜)",
            r"(?<![多屡数几首每初再依层档批名])次(?:年|月|日)|翌(?:年|月|日)|(?<![立随])即日",
        ]
    )
)


@lru_cache(maxsize=1)
def legal_tokenizer() -> jieba.Tokenizer:
    """The process-wide private jieba tokenizer: jieba's main dictionary + data/lexicon/legal_dict.txt.

    Never the global `jieba.dt`. Its prefix-dictionary cache lives in <tmp>/pingcha-jieba, so only the
    first start on a machine pays for building it.
    """
    lexicon = data_path("lexicon", "legal_dict.txt")
    if not lexicon.is_file():
        raise PingchaError(
            f"legal dictionary not found at {lexicon}; it ships in data/lexicon/ "
            "(set PINGCHA_DATA to the data folder, or rebuild it with scripts/build_lexicon.py)"
        )
    tk = jieba.Tokenizer()
    tk.tmp_dir = str(Path(tempfile.gettempdir()) / "pingcha-jieba")
    Path(tk.tmp_dir).mkdir(parents=True, exist_ok=True)
    log = jieba.default_logger
    level = log.level
    log.setLevel(logging.WARNING)  # jieba reports every start at DEBUG on stderr; the library stays quiet
    try:
        tk.initialize()
        tk.load_userdict(str(lexicon))
    finally:
        log.setLevel(level)
    return tk


def iter_tokens(text: str) -> Iterator[str]:
    """Tokens of `text` in order; they concatenate to `text` exactly (whitespace included)."""
    tk = legal_tokenizer()
    pos = 0
    for m in _ATOMIC.finditer(text):
        if m.start() > pos:
            yield from tk.cut(text[pos : m.start()])
        yield m.group()
        pos = m.end()
    if pos < len(text):
        yield from tk.cut(text[pos:])


def segment(text: str) -> list[str]:
    """Fast path without spaCy: the token strings."""
    return list(iter_tokens(text))


def _words_and_spaces(tokens: Iterable[str]) -> tuple[list[str], list[bool]]:
    """spaCy form: a single space after a word becomes that word's trailing space; other whitespace
    (newlines, runs of spaces) stays as whitespace tokens, so doc.text == text."""
    words: list[str] = []
    spaces: list[bool] = []
    for tok in tokens:
        if tok == " " and words and not spaces[-1] and not words[-1].isspace():
            spaces[-1] = True
        else:
            words.append(tok)
            spaces.append(False)
    return words, spaces


class JiebaTokenizer:
    """spaCy tokenizer over `iter_tokens`. Holds no state of its own (the dictionary ships in data/)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words, spaces = _words_and_spaces(iter_tokens(text))
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    # Serialization hooks spaCy calls on nlp.to_disk / nlp.to_bytes; nothing to save.
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> JiebaTokenizer:
        return self

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: Any, **kwargs: Any) -> JiebaTokenizer:
        return self


@spacy.registry.tokenizers(TOKENIZER_NAME)
def create_jieba_tokenizer(segmenter: str = "jieba") -> Any:
    """Registered factory. `segmenter` is accepted because spaCy's zh defaults pass it; it is ignored."""

    def create(nlp: Language) -> JiebaTokenizer:
        return JiebaTokenizer(nlp.vocab)

    return create


@Language.component(SENTENCES_NAME)
def set_sentence_starts(doc: Doc) -> Doc:
    """Sentence starts exactly where `sentence_spans` starts a sentence (whitespace between sentences
    stays with the sentence before it)."""
    if not len(doc):
        return doc
    starts = [t.idx for t in doc]
    flags = numpy.full((len(doc), 1), -1, dtype="int64")  # -1: not a start, 1: start
    flags[0, 0] = 1
    for s, _ in sentence_spans(doc.text)[1:]:  # leading whitespace belongs to the first sentence
        flags[bisect_right(starts, s) - 1, 0] = 1
    # One array write: assigning token.is_sent_start one by one re-checks the whole doc each time.
    return doc.from_array([SENT_START], flags.astype("uint64"))  # spaCy stores attrs as uint64


def build_nlp() -> Language:
    """A blank spaCy `zh` pipeline: jieba + legal dictionary tokenizer, rule-based sentence starts."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
    nlp.add_pipe(SENTENCES_NAME)
    legal_tokenizer()  # load now, not on the first document
    return nlp
