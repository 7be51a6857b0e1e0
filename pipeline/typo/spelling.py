"""Character-level spelling check: confusion-set candidates scored by the legal-text LM and a reranker.

For each character that has a confusion set, a candidate replacement is considered only when it forms
a trigram the LM knows with its neighbours (or a known bigram on each side), then scored by the change
in LM log-probability over the n-gram window it touches. The worst-reading adjacent pairs of a sentence
are also searched for double errors (诉公→诉讼). A small logistic reranker turns the LM gain and a few
cheap features (confusion kind, character frequency, whitelist cover, margin over the alternatives)
into a confidence; a suggestion is made when the confidence reaches the threshold chosen on the dev
split for high precision. Accepted suggestions are applied and the sentence scored again (one error
often hides its neighbour). The LM work for a batch of sentences (a document) is done in a few array
operations, which is what makes bulk screening fast in pure Python.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .confusion import NCU, OBSERVED, SHAPE, SOUND, ConfusionSet
from .lm import BOS, EOS, PAD, CharNgramLM, encode, to_codes
from .protect import Protector
from .words import segment_cover, segment_words, word_cover, word_frequencies

FEATURES = (
    "lm_gain",
    "lm_gain_pos",
    "sound",
    "shape",
    "ncu_only",
    "observed",
    "orig_unigram",
    "new_unigram",
    "orig_logp",
    "orig_term2",
    "new_term",
    "margin",
    "pair",
    "orig_att",
    "new_att",
    "orig_mid3",
    "function",
    "orig_word",
    "new_word",
    "doc_orig",
    "doc_new",
    "orig_pmi",
)
# Changes the LM cannot judge, never suggested: numbers (（九）→（六）, 七日→十日), negation (为/未, 不/部),
# and swaps inside a group of words that all read well and differ in meaning (她/他, 的/地, 和/或,
# 以上/以下, 买/卖). Legal text is full of all of them; which one is right depends on facts, not wording.
NUMERALS = frozenset("0123456789一二三四五六七八九十百千万亿零〇两壹贰叁肆伍陆柒捌玖拾佰仟")
NEGATIONS = frozenset("不未没非无否勿莫别")
SEMANTIC_GROUPS = (
    "他她它祂",
    "的地得",
    "和或与及并",
    "上下",
    "买卖",
    "进出",
    "前后",
    "左右",
    "内外",
    "男女",
    "大小",
    "多少",
    "高低",
    "长短",
    "来去",
    "增减加",
    "早晚",
    "东西南北",
    "年月日时分秒周",
    "元角分",
    "甲乙丙丁戊己庚辛壬癸",
    "正反",
    "新旧",
    "老少",
    "你我",
    "这那哪此",
    "收支",
    "借贷还",
)
# High-frequency function characters: a swap among them changes the grammar, which a 4-gram window
# judges poorly (却/确, 去/车, 是/时); a feature, so the reranker learns how much to trust such a gain.
FUNCTION_CHARS = frozenset("的了是在和与或及就也都而但却又把被让给向从以已之所则即均并等对将由因故该此这其为于去来着过")
# The commonest of them are never changed at all: on real judgments every such suggestion read by hand
# was wrong (一审判决却认定→确, 杨某是司机→事, 坐哪辆车→那, 很凶→行, 我骑摩托去的→车).
NEVER_CHANGED = frozenset("的了是在和就也都而但却又把被让给向从对将这那哪很去来")
# A character inside an ordinary word (jieba frequency >= REAL_WORD_MIN_FREQ) is a real-word error at
# most (盈利/营利, 背影/背景, 恫吓/恐吓): on real text most such suggestions are wrong, so their
# confidence is scaled by REAL_WORD_FACTOR, below the shipped threshold — a review tier, reachable
# with a lower threshold, never emitted by default.
REAL_WORD_MIN_FREQ = 50
REAL_WORD_FACTOR = 0.5
# Inside a dictionary word of 3+ characters (idioms, set phrases: 语焉不详, 污言秽语, 表示遗憾, 法制教育) a
# change is capped the same way, whatever the word's frequency: on the real documents every such
# suggestion read by hand was wrong, and the dictionary's misspelt entries are two-character words.
LONG_WORD = 3


# character -> the indices of the semantic groups it belongs to (never_suggest runs ~600k times at load)
_GROUPS_OF: dict[str, frozenset[int]] = {}
for _i, _g in enumerate(SEMANTIC_GROUPS):
    for _ch in _g:
        _GROUPS_OF[_ch] = _GROUPS_OF.get(_ch, frozenset()) | {_i}


def never_suggest(original: str, replacement: str) -> bool:
    """True for a single-character change the checker must never make (see NUMERALS, SEMANTIC_GROUPS)."""
    if original in NUMERALS or replacement in NUMERALS or original in NEVER_CHANGED:
        return True
    if (original in NEGATIONS) != (replacement in NEGATIONS):
        return True
    return not _GROUPS_OF.get(original, frozenset()).isdisjoint(_GROUPS_OF.get(replacement, ()))


_ORIG_WORD = FEATURES.index("orig_word")
MAX_PAIRS = 3  # adjacent double errors searched per sentence (the least likely adjacent pairs)
PAIR_CUTOFF = -12.0  # only where the two characters and the next read this badly (sum of log P)
MAX_PASSES = 3  # rounds of suggest-apply-rescore per sentence
BIGRAM_BOTH_SIDES = True  # also try a replacement that forms a known bigram on each side
TERM_MIN_GAIN = 2.0  # below this LM gain a candidate never passes; skip its whitelist look-up


@dataclass(frozen=True)
class Candidate:
    pos: int  # index in the sentence of the first replaced character
    original: str  # one character, or two for an adjacent double error
    replacement: str
    features: tuple[float, ...]

    @property
    def end(self) -> int:
        return self.pos + len(self.original)


@dataclass(frozen=True)
class Reranker:
    """Logistic model over FEATURES; weights fitted at training time and stored as JSON."""

    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]

    def confidences(self, x: np.ndarray) -> np.ndarray:
        """Vectorised `confidence` over rows of features."""
        if not len(x):
            return np.zeros(0)
        z = self.bias + ((x - np.array(self.mean)) / np.array(self.scale)) @ np.array(self.weights)
        conf = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        real_word = x[:, _ORIG_WORD] >= math.log1p(REAL_WORD_MIN_FREQ)
        return np.where(real_word, conf * REAL_WORD_FACTOR, conf)

    def to_json(self) -> dict:
        return {
            "features": list(FEATURES),
            "weights": list(self.weights),
            "bias": self.bias,
            "mean": list(self.mean),
            "scale": list(self.scale),
        }

    @classmethod
    def from_json(cls, d: dict) -> Reranker:
        if tuple(d["features"]) != FEATURES:
            raise ValueError(f"reranker features {d['features']} do not match this code's {list(FEATURES)}")
        return cls(tuple(d["weights"]), float(d["bias"]), tuple(d["mean"]), tuple(d["scale"]))


class SpellChecker:
    def __init__(
        self,
        lm: CharNgramLM,
        confusion: ConfusionSet,
        protector: Protector,
        reranker: Reranker | None = None,
        threshold: float = 0.5,
        words: dict[str, int] | None = None,
    ):
        if lm.order < 3:
            raise ValueError("the spelling checker needs an LM of order 3 or more (trigram candidate filter)")
        self.lm = lm
        self.confusion = confusion
        self.protector = protector
        self.reranker = reranker
        self.threshold = threshold
        self.words = word_frequencies() if words is None else words
        self._segments: dict[str, list[str]] = {}  # per candidates_many call: sentence -> segmentation
        self._compile_confusion()

    def _compile_confusion(self) -> None:
        """Confusion sets as frozensets of code points (set intersections do the candidate filtering)."""
        csets = {}
        for k, d in self.confusion.sets.items():
            allowed = frozenset(ord(c) for c in d if not never_suggest(k, c))
            if allowed:
                csets[ord(k)] = allowed
        self._csets = csets
        self._cset_codes = np.array(sorted(csets), dtype=np.int64)

    @classmethod
    def load(cls, model_dir: Path) -> SpellChecker:
        lm = CharNgramLM.load(model_dir / "lm.npz")
        confusion = ConfusionSet.load(model_dir / "confusion.json")
        terms = (model_dir / "whitelist.txt").read_text(encoding="utf-8").split()
        cfg = json.loads((model_dir / "reranker.json").read_text(encoding="utf-8"))
        return cls(lm, confusion, Protector(terms), Reranker.from_json(cfg), float(cfg["threshold"]))

    # --- candidates ------------------------------------------------------------------------------
    def candidates(self, sentence: str, protected: list[bool] | None = None) -> list[Candidate]:
        """Plausible single-character (and adjacent two-character) replacements that read better."""
        return self.candidates_many([sentence], [protected])[0]

    def candidates_many(
        self, sentences: Sequence[str], masks: Sequence[list[bool] | None], context: str | None = None
    ) -> list[list[Candidate]]:
        """Candidates for a batch of sentences; the LM work is done in a few array operations for the
        whole batch (a document's sentences), which is what makes bulk screening fast.

        `context` is the document the sentences come from: how often the original and the corrected
        word occur elsewhere in it is a feature (a writer who mistypes 辩护 once writes it right ten
        times elsewhere; 背影 written by a witness has no 背景 next to it). Without it each sentence is
        its own context."""
        lm = self.lm
        order = lm.order
        out: list[list[Candidate]] = [[] for _ in sentences]
        seqs = [to_codes(BOS + encode(t) + EOS) for t in sentences]
        lens = np.array([len(c) for c in seqs], dtype=np.int64)
        starts = np.r_[0, np.cumsum(lens)[:-1]].astype(np.int64)
        flat = np.concatenate(seqs) if seqs else np.zeros(0, dtype=np.int64)
        if not len(flat):
            return out
        sid = np.repeat(np.arange(len(seqs)), lens)
        first = starts[sid]
        last = first + lens[sid] - 1  # flat index of each sentence's EOS
        # One row of `order` codes ending at every flat position, PAD before the sentence start.
        idx = np.arange(len(flat))[:, None] + np.arange(-order + 1, 1)[None, :]
        rows_full = flat[np.maximum(idx, 0)]
        rows_full[idx < first[:, None]] = PAD
        base, base_ord = lm.window_logps_orders(rows_full)
        base[starts] = 0.0  # BOS is given, not predicted

        # Checkable positions: inside a sentence (not BOS/EOS), not protected, with a confusion set.
        interior = np.ones(len(flat), dtype=bool)
        interior[starts] = False
        interior[starts + lens - 1] = False
        for k, (st, ln) in enumerate(zip(starts.tolist(), lens.tolist(), strict=True)):
            if masks[k] is not None:
                interior[st + 1 : st + ln - 1] &= ~np.asarray(masks[k], dtype=bool)
        checkable = interior & np.isin(flat, self._cset_codes)
        f_arr = np.flatnonzero(checkable)
        p1 = flat[f_arr - 1]
        n1 = flat[np.minimum(f_arr + 1, len(flat) - 1)]
        p2 = np.where(f_arr - 2 >= first[f_arr], flat[np.maximum(f_arr - 2, 0)], PAD)
        n2 = np.where(f_arr + 2 <= last[f_arr], flat[np.minimum(f_arr + 2, len(flat) - 1)], PAD)
        key_m3, key_a3, key_b3 = (p1 << 21) | n1, (p2 << 21) | p1, (n1 << 21) | n2
        slots = lm.slot_sets()
        for name, keys in (
            ("middle3", key_m3),
            ("after3", key_a3),
            ("before3", key_b3),
            ("after2", p1),
            ("before2", n1),
        ):
            slots[name].prefetch(keys)
        # The fill caches are dicts and every context is in them now: a plain look-up per slot.
        after3, middle3, before3 = slots["after3"].cache, slots["middle3"].cache, slots["before3"].cache
        after2, before2 = slots["after2"].cache, slots["before2"].cache
        csets = self._csets
        pos_l: list[int] = []
        cand_l: list[int] = []
        for f, code, km, ka, kb, c1, c2 in zip(
            f_arr.tolist(),
            flat[f_arr].tolist(),
            key_m3.tolist(),
            key_a3.tolist(),
            key_b3.tolist(),
            p1.tolist(),
            n1.tolist(),
            strict=True,
        ):
            cset = csets[code]
            fit = (cset & middle3[km]) | (cset & after3[ka]) | (cset & before3[kb])
            if BIGRAM_BOTH_SIDES:
                fit |= cset & after2[c1] & before2[c2]
            if fit:
                pos_l.extend([f] * len(fit))
                cand_l.extend(fit)
        covers = [self.protector.term_cover(t) for t in sentences]
        self._segments = {}
        best_single: dict[int, float] = {}
        if pos_l:
            self._singles(
                sentences,
                out,
                covers,
                best_single,
                flat,
                sid,
                starts,
                last,
                rows_full,
                (base, base_ord),
                pos_l,
                cand_l,
                context,
            )
        self._pairs(
            sentences,
            out,
            covers,
            best_single,
            flat,
            sid,
            starts,
            last,
            rows_full,
            (base, base_ord),
            checkable,
            context,
        )
        return out

    def _singles(
        self, sentences, out, covers, best_single, flat, sid, starts, last, rows_full, scored, pos_l, cand_l, context
    ):
        """Single-character candidates at flat positions pos_l: LM gain, margin, features."""
        base, base_ord = scored  # log P and matched n-gram length at every flat position
        lm = self.lm
        order = lm.order
        pos = np.array(pos_l, dtype=np.int64)
        cand = np.array(cand_l, dtype=np.int64)
        k = len(pos)
        steps = np.arange(order)
        js = pos[:, None] + steps[None, :]
        valid = js <= last[pos][:, None]
        jc = np.minimum(js, last[pos][:, None])
        rows = rows_full[jc].copy()  # (k, order, order)
        rows[np.arange(k)[:, None], steps[None, :], order - 1 - steps[None, :]] = cand[:, None]
        new, new_ord = lm.window_logps_orders(rows.reshape(-1, order))
        new, new_ord = new.reshape(k, order), new_ord.reshape(k, order).astype(np.int64)
        gain = ((new - base[jc]) * valid).sum(axis=1)
        gain_pos = new[:, 0] - base[pos]
        # Attested context: over the windows the change touches, the known n-gram around the changed
        # character (its length less one when it covers the character). A common original (判处实刑,
        # 涉赌人员) is attested however much better the replacement reads.
        orig_ord = base_ord[jc].astype(np.int64)
        spans_c = steps[None, :] + 1  # the n-gram ending at pos+k covers pos when its length > k
        orig_att = (valid * (orig_ord >= spans_c) * (orig_ord - 1)).sum(axis=1)
        new_att = (valid * (new_ord >= spans_c) * (new_ord - 1)).sum(axis=1)
        orig_mid3 = valid[:, 1] & (orig_ord[:, 1] >= 3)

        # Margin to the best alternative at the same position (another candidate, or the original: 0).
        srt = np.lexsort((-gain, pos))
        sp, sg = pos[srt], gain[srt]
        head = np.r_[True, sp[1:] != sp[:-1]]
        grp = np.cumsum(head) - 1
        gstart = np.flatnonzero(head)
        sizes = np.diff(np.r_[gstart, len(sp)])
        best_g = sg[gstart]
        second_g = np.where(sizes > 1, sg[np.minimum(gstart + 1, len(sp) - 1)], 0.0)
        other = np.where(head, second_g[grp], best_g[grp])
        margin = np.empty(k, dtype=np.float64)
        margin[srt] = sg - np.maximum(other, 0.0)

        keep = np.flatnonzero(gain > 0)  # the original reads better otherwise: never a suggestion
        orig_uni = lm.unigram_logp(flat[pos[keep]])
        new_uni = lm.unigram_logp(cand[keep])
        pk = pos[keep]
        pmi = np.maximum(self._pmi(flat[pk - 1], flat[pk]), self._pmi(flat[pk], flat[np.minimum(pk + 1, last[pk])]))
        sets = self.confusion.sets
        for r, idx in enumerate(keep.tolist()):
            f = int(pos[idx])
            s = int(sid[f])
            sentence = sentences[s]
            i = f - int(starts[s]) - 1
            c = chr(int(cand[idx]))
            m = sets[sentence[i]][c]
            g = float(gain[idx])
            feats = (
                g,
                float(gain_pos[idx]),
                float(bool(m & SOUND)),
                float(bool(m & SHAPE)),
                float(bool(m & NCU) and not m & (SOUND | SHAPE)),
                self._observed(sentence[i], c, m),
                float(orig_uni[r]),
                float(new_uni[r]),
                float(base[f]),
                float(covers[s][i] >= 2),
                min(self._new_term_len(sentence, i, c), 4) / 4.0 if g > TERM_MIN_GAIN else 0.0,
                float(margin[idx]),
                0.0,
                float(orig_att[idx]),
                float(new_att[idx]),
                float(orig_mid3[idx]),
                float(sentence[i] in FUNCTION_CHARS),
                *self._word_features(sentence, i, i + 1, c, context),
                float(pmi[r]),
            )
            out[s].append(Candidate(i, sentence[i], c, feats))
            best_single[f] = max(best_single.get(f, 0.0), g)

    def _word_features(
        self, sentence: str, start: int, end: int, rep: str, context: str | None
    ) -> tuple[float, float, float, float]:
        """orig_word, new_word, doc_orig, doc_new: dictionary words over the change before and after,
        and how often each occurs elsewhere in the document."""
        segments = self._segments.get(sentence)
        if segments is None:
            segments = self._segments[sentence] = segment_words(sentence)
        orig_f, orig_w = segment_cover(self.words, segments, start, end)
        new_f, new_w = word_cover(self.words, sentence[:start] + rep + sentence[end:], start, end)
        ctx = context or sentence
        doc_orig = math.log1p(max(ctx.count(orig_w) - 1, 0)) if orig_w else 0.0
        doc_new = math.log1p(ctx.count(new_w)) if new_w else 0.0
        return orig_f, new_f, doc_orig, doc_new

    def _in_long_word(self, sentence: str, start: int, end: int) -> bool:
        segments = self._segments.get(sentence)
        if segments is None:
            segments = self._segments[sentence] = segment_words(sentence)
        return any(len(w) >= LONG_WORD and self.words.get(w, 0) > 0 for w in segments[start:end])

    def _pmi(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """log P(second | first) - log P(second) from the LM's bigrams: how much legal text treats the
        two characters as a collocation (实刑, 涉赌, 接收 are; 现己, 部份 are not)."""
        lm = self.lm
        rows = np.full((len(first), lm.order), PAD, dtype=np.int64)
        rows[:, -2], rows[:, -1] = first, second
        return lm.window_logps(rows) - lm.unigram_logp(second)

    def _observed(self, wrong: str, right: str, kind: int) -> float:
        return math.log1p(self.confusion.observed.get(wrong + right, 0)) if kind & OBSERVED else 0.0

    def _pairs(
        self, sentences, out, covers, best_single, flat, sid, starts, last, rows_full, scored, checkable, context
    ):
        """Adjacent double errors (诉公→诉讼 needs both characters changed before either reads well)."""
        base, base_ord = scored
        lm = self.lm
        order = lm.order
        both = np.flatnonzero(checkable[:-1] & checkable[1:])  # f and f+1 checkable (same sentence:
        if not len(both):  # EOS/BOS between sentences are never checkable)
            return
        badness = base[both] + base[both + 1] + base[np.minimum(both + 2, last[both])]
        both, badness = both[badness < PAIR_CUTOFF], badness[badness < PAIR_CUTOFF]
        if not len(both):
            return
        srt = np.lexsort((badness, sid[both]))  # per sentence, worst first
        both = both[srt]
        head = np.r_[True, sid[both][1:] != sid[both][:-1]]
        rank = np.arange(len(both)) - np.flatnonzero(head)[np.cumsum(head) - 1]
        chosen = both[rank < MAX_PAIRS].tolist()
        slots = lm.slot_sets()
        after2, before2 = slots["after2"].cache, slots["before2"].cache
        after3, before3 = slots["after3"].cache, slots["before3"].cache
        fl = flat.tolist()
        cf: list[int] = []
        c1l: list[int] = []
        c2l: list[int] = []
        # The sets the search below reads, built in one batch per slot (same sets, fewer scalar look-ups).
        slots["after2"].prefetch(flat[np.array(chosen, dtype=np.int64) - 1])
        slots["before2"].prefetch(flat[np.array(chosen, dtype=np.int64) + 2])
        oks = []
        a2_keys: list[int] = []
        a3_keys: list[int] = []
        b3_keys: list[int] = []
        for f in chosen:
            p1, n1 = fl[f - 1], fl[f + 2]
            first_ok = self._csets[fl[f]] & after2[p1]  # must follow the left neighbour
            second_ok = self._csets[fl[f + 1]] & before2[n1]  # must precede the right one
            oks.append((f, p1, n1, first_ok, second_ok))
            a2_keys.extend(first_ok)
            a3_keys.extend((p1 << 21) | c1 for c1 in first_ok)
            b3_keys.extend((c2 << 21) | n1 for c2 in second_ok)
        for name, keys in (("after2", a2_keys), ("after3", a3_keys), ("before3", b3_keys)):
            slots[name].prefetch(np.array(keys, dtype=np.int64))
        for f, p1, n1, first_ok, second_ok in oks:
            for c1 in first_ok:
                for c2 in second_ok & after2[c1]:
                    if c2 in after3[(p1 << 21) | c1] or c1 in before3[(c2 << 21) | n1]:
                        cf.append(f)
                        c1l.append(c1)
                        c2l.append(c2)
        if not cf:
            return
        fpos = np.array(cf, dtype=np.int64)
        c1 = np.array(c1l, dtype=np.int64)
        c2 = np.array(c2l, dtype=np.int64)
        m = len(fpos)
        steps = np.arange(order + 1)
        js = fpos[:, None] + steps[None, :]
        valid = js <= last[fpos][:, None]
        jc = np.minimum(js, last[fpos][:, None])
        rows = rows_full[jc].copy()  # (m, order+1, order)
        for t in range(order + 1):
            for delta, cc in ((0, c1), (1, c2)):
                col = order - 1 - (t - delta)
                if 0 <= col <= order - 1:
                    rows[:, t, col] = cc
        new, new_ord = lm.window_logps_orders(rows.reshape(-1, order))
        new, new_ord = new.reshape(m, order + 1), new_ord.reshape(m, order + 1).astype(np.int64)
        gain = ((new - base[jc]) * valid).sum(axis=1)
        orig_ord = base_ord[jc].astype(np.int64)
        spans_c = np.maximum(steps, 1)[None, :]  # the n-gram ending at f+t covers f+1 when its length >= t
        orig_att = (valid * (orig_ord >= spans_c) * (orig_ord - 1)).sum(axis=1)
        new_att = (valid * (new_ord >= spans_c) * (new_ord - 1)).sum(axis=1)
        orig_mid3 = (valid[:, 1] & (orig_ord[:, 1] >= 3)) | (valid[:, 2] & (orig_ord[:, 2] >= 3))
        headgain = new[:, 0] + new[:, 1] - base[fpos] - base[fpos + 1]
        uni = np.minimum(lm.unigram_logp(c1), lm.unigram_logp(c2))
        o1, o2 = flat[fpos], flat[fpos + 1]
        pmi = np.maximum.reduce(
            [self._pmi(flat[fpos - 1], o1), self._pmi(o1, o2), self._pmi(o2, flat[np.minimum(fpos + 2, last[fpos])])]
        )
        orig_uni = np.minimum(lm.unigram_logp(flat[fpos]), lm.unigram_logp(flat[fpos + 1]))
        sets = self.confusion.sets
        order_idx = np.lexsort((-gain, fpos))
        groups: dict[int, list[int]] = {}
        for r in order_idx.tolist():
            groups.setdefault(int(fpos[r]), []).append(r)
        for f, members in groups.items():
            s = int(sid[f])
            sentence = sentences[s]
            i = f - int(starts[s]) - 1
            orig = sentence[i : i + 2]
            rival = max(best_single.get(f, 0.0), best_single.get(f + 1, 0.0), 0.0)
            for rank_, r in enumerate(members[:5]):
                if gain[r] <= 0:
                    break
                rep = chr(int(c1[r])) + chr(int(c2[r]))
                k1, k2 = sets[orig[0]][rep[0]], sets[orig[1]][rep[1]]
                runner = float(gain[members[1]]) if rank_ == 0 and len(members) > 1 else 0.0
                if rank_:
                    runner = float(gain[members[0]])
                feats = (
                    float(gain[r]),
                    float(headgain[r]),
                    float(bool(k1 & SOUND) and bool(k2 & SOUND)),
                    float(bool((k1 | k2) & SHAPE)),
                    float(any(bool(k & NCU) and not k & (SOUND | SHAPE) for k in (k1, k2))),
                    self._observed(orig[0], rep[0], k1) + self._observed(orig[1], rep[1], k2),
                    float(orig_uni[r]),
                    float(uni[r]),
                    float(base[f] + base[f + 1]),
                    float(max(covers[s][i], covers[s][i + 1]) >= 2),
                    min(self._pair_term_len(sentence, i, rep), 4) / 4.0,
                    float(gain[r]) - max(rival, runner),
                    1.0,
                    float(orig_att[r]),
                    float(new_att[r]),
                    float(orig_mid3[r]),
                    float(orig[0] in FUNCTION_CHARS or orig[1] in FUNCTION_CHARS),
                    *self._word_features(sentence, i, i + 2, rep, context),
                    float(pmi[r]),
                )
                out[s].append(Candidate(i, orig, rep, feats))

    def _pair_term_len(self, sentence: str, pos: int, rep: str) -> int:
        terms = self.protector.terms
        for length in self.protector.lengths:
            for s in range(max(0, pos - length + 2), min(pos, len(sentence) - length) + 1):
                if sentence[s:pos] + rep + sentence[pos + 2 : s + length] in terms:
                    return length
        return 0

    def _new_term_len(self, sentence: str, pos: int, c: str) -> int:
        terms = self.protector.terms
        best = 0
        for length in self.protector.lengths:
            if length <= best:
                break
            for s in range(max(0, pos - length + 1), min(pos, len(sentence) - length) + 1):
                w = sentence[s:pos] + c + sentence[pos + 1 : s + length]
                if w in terms:
                    best = length
                    break
        return best

    # --- decisions -------------------------------------------------------------------------------
    def scored_many(
        self, sentences: Sequence[str], masks: Sequence[list[bool] | None], context: str | None = None
    ) -> list[list[tuple[Candidate, float]]]:
        """Per sentence, non-overlapping candidates with their confidence, highest first."""
        if self.reranker is None:
            raise ValueError("this SpellChecker has no reranker; load a trained model directory")
        cands = self.candidates_many(sentences, masks, context)
        flat_c = [c for cs in cands for c in cs]
        confs = self.reranker.confidences(np.array([c.features for c in flat_c], dtype=np.float64))
        out = []
        k = 0
        for cs in cands:
            ranked = sorted(zip(cs, confs[k : k + len(cs)].tolist(), strict=True), key=lambda x: -x[1])
            k += len(cs)
            used: set[int] = set()
            best = []
            for cand, conf in ranked:
                span = range(cand.pos, cand.end)
                if any(i in used for i in span):
                    continue
                used.update(span)
                best.append((cand, conf))
            out.append(best)
        return out

    def scored(self, sentence: str, protected: list[bool] | None = None) -> list[tuple[Candidate, float]]:
        return self.scored_many([sentence], [protected])[0]

    def check_many(
        self,
        sentences: Sequence[str],
        masks: Sequence[list[bool] | None] | None = None,
        threshold: float | None = None,
        context: str | None = None,
    ) -> list[list[tuple[Candidate, float]]]:
        """Suggestions at or above the threshold (default: the shipped one), per sentence; `context` is
        the document the sentences come from (see `candidates_many`).

        Each candidate was scored with the rest of the sentence as written, so two suggestions close
        together (within the LM window) are not accepted in one go: the best is applied and the
        sentence scored again, up to MAX_PASSES times. One error often hides its neighbour from the
        LM, and fixing it lets the next pass find the other.
        """
        thr = self.threshold if threshold is None else threshold
        if masks is None:
            masks = [None] * len(sentences)
        cur_masks = [
            list(m) if m is not None else self.protector.protected(t) for t, m in zip(sentences, masks, strict=True)
        ]
        chars = [list(t) for t in sentences]
        found: list[list[tuple[Candidate, float]]] = [[] for _ in sentences]
        reach = self.lm.order - 1
        pending = list(range(len(sentences)))
        for _ in range(MAX_PASSES):
            if not pending:
                break
            scored = self.scored_many(["".join(chars[k]) for k in pending], [cur_masks[k] for k in pending], context)
            nxt = []
            for k, cands in zip(pending, scored, strict=True):
                accepted: list[tuple[Candidate, float]] = []
                for cand, conf in cands:
                    if conf < thr:
                        break
                    if self._in_long_word("".join(chars[k]), cand.pos, cand.end):
                        conf *= REAL_WORD_FACTOR
                        if conf < thr:
                            continue
                    if any(cand.pos - reach < a.end and a.pos < cand.end + reach for a, _ in accepted):
                        continue
                    accepted.append((cand, conf))
                for cand, conf in accepted:
                    chars[k][cand.pos : cand.end] = cand.replacement
                    for i in range(cand.pos, cand.end):
                        cur_masks[k][i] = True
                    orig = sentences[k][cand.pos : cand.end]
                    found[k].append((Candidate(cand.pos, orig, cand.replacement, cand.features), conf))
                if accepted:
                    nxt.append(k)
            pending = nxt
        return [sorted(f, key=lambda x: x[0].pos) for f in found]

    def check(
        self, sentence: str, protected: list[bool] | None = None, threshold: float | None = None
    ) -> list[tuple[Candidate, float]]:
        return self.check_many([sentence], [protected], threshold)[0]

    def correct_many(self, sentences: Sequence[str], threshold: float | None = None) -> list[str]:
        out = []
        for sentence, found in zip(sentences, self.check_many(sentences, threshold=threshold), strict=True):
            chars = list(sentence)
            for cand, _ in found:
                chars[cand.pos : cand.end] = cand.replacement
            out.append("".join(chars))
        return out

    def correct(self, sentence: str, threshold: float | None = None) -> str:
        return self.correct_many([sentence], threshold)[0]
