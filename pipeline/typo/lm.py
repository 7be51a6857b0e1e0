"""Character n-gram language model with interpolated modified Kneser-Ney smoothing.

Trained here on legal text (statutes, guiding cases, judgments). After training the model is pruned
(rare n-grams dropped) and stored in back-off form, ARPA-style: for each kept n-gram its log
probability, and for each n-gram that is also a context its back-off weight, so that a query is a
handful of dict look-ups. Storage is a compressed `.npz` of plain arrays (no pickle): one
concatenated key string per order plus float16 log-probabilities and back-off weights.

Characters are mapped before counting and querying (`char_class`): ASCII digits to "0", Latin letters
to "a", so numbers and codes do not fragment the statistics.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

BOS = "\x02"
EOS = "\x03"
UNK = "\x01"


def char_class(ch: str) -> str:
    """The symbol the model sees for a character."""
    if "0" <= ch <= "9":
        return "0"
    if "a" <= ch <= "z" or "A" <= ch <= "Z":
        return "a"
    return ch


def encode(text: str) -> str:
    return "".join(char_class(c) for c in text)


@dataclass
class NgramCounts:
    """Raw counts for orders 1..order, plus which n-grams may be kept (privacy and pruning filter)."""

    order: int
    counts: list[Counter]  # counts[n] for n in 1..order (index 0 unused)
    private_df: Counter  # n-gram -> number of private documents it occurs in (orders >= 3)
    public: set  # n-grams (orders >= 3) seen in public-domain text (statutes, guiding cases)


def count_ngrams(docs: Iterable[tuple[bool, Iterable[str]]], order: int) -> NgramCounts:
    """Count character n-grams over documents, each given as (is_private, sentences).

    Higher-order n-grams (>= 3) from private documents (judgments with real names) are only kept
    later if they occur in at least two such documents, so no single document's wording (a name, an
    address) is carried into the shipped model.
    """
    counts = [Counter() for _ in range(order + 1)]
    private_df: Counter = Counter()
    public: set = set()
    for is_private, sentences in docs:
        seen: set = set()
        for sent in sentences:
            t = BOS + encode(sent) + EOS
            for n in range(1, order + 1):
                c = counts[n]
                grams = [t[i : i + n] for i in range(len(t) - n + 1)]
                c.update(grams)
                if n >= 3:
                    seen.update(grams)
        if is_private:
            private_df.update(seen)
        else:
            public.update(seen)
    return NgramCounts(order, counts, private_df, public)


def _discounts(adjusted: dict[str, int]) -> tuple[float, float, float]:
    coc = Counter(v for v in adjusted.values() if v <= 4)
    n1, n2, n3, n4 = (max(coc[k], 1) for k in (1, 2, 3, 4))
    y = n1 / (n1 + 2 * n2)
    d1 = max(0.05, 1 - 2 * y * n2 / n1)
    d2 = max(0.05, 2 - 3 * y * n3 / n2)
    d3 = max(0.05, 3 - 4 * y * n4 / n3)
    return d1, d2, d3


def train_kneser_ney(nc: NgramCounts, min_counts: dict[int, int]) -> CharNgramLM:
    """Interpolated modified Kneser-Ney over all counts, then prune and convert to back-off form.

    `min_counts[n]` is the smallest raw count an n-gram of order n needs to be kept (orders >= 2);
    the probability mass of dropped n-grams goes to the back-off weight of their context, so the
    pruned model still normalises.
    """
    order = nc.order
    counts = nc.counts
    # Adjusted counts: raw for the highest order and for n-grams starting at BOS, continuation counts else.
    adjusted: list[dict[str, int]] = [{} for _ in range(order + 1)]
    adjusted[order] = dict(counts[order])
    for n in range(order - 1, 0, -1):
        cont: Counter = Counter()
        for g in counts[n + 1]:
            if g[0] != BOS or n + 1 == 1:
                cont[g[1:]] += 1
        adj = {}
        for g, c in counts[n].items():
            adj[g] = c if g[0] == BOS else cont.get(g, c)
        adjusted[n] = adj
    vocab = [g for g in counts[1] if g != BOS]
    kept = _kept(nc, min_counts)

    prob: dict[str, float] = {}  # interpolated probability for kept n-grams
    uniform = 1.0 / (len(vocab) + 1)
    for n in range(1, order + 1):
        adj = adjusted[n]
        d = _discounts(adj)
        total: dict[str, float] = defaultdict(float)
        nk = defaultdict(lambda: [0, 0, 0])
        for g, a in adj.items():
            h = g[:-1]
            total[h] += a
            nk[h][min(a, 3) - 1] += 1
        gamma = {h: (d[0] * k[0] + d[1] * k[1] + d[2] * k[2]) / total[h] for h, k in nk.items()}
        for g in kept[n]:
            a = adj[g]
            h = g[:-1]
            lower = prob[g[1:]] if n > 1 else uniform
            prob[g] = max(a - d[min(a, 3) - 1], 0.0) / total[h] + gamma[h] * lower
    # Back-off weights for every kept n-gram that is a context of kept higher-order n-grams.
    num: dict[str, float] = defaultdict(float)
    den: dict[str, float] = defaultdict(float)
    for n in range(2, order + 1):
        for g in kept[n]:
            num[g[:-1]] += prob[g]
            den[g[:-1]] += prob[g[1:]]
    logp: dict[str, float] = {}
    bow: dict[str, float] = {}
    for n in range(1, order + 1):
        for g in kept[n]:
            logp[g] = float(np.log(prob[g]))
    for h in num:
        left = max(1.0 - num[h], 1e-9)
        right = max(1.0 - den[h], 1e-9)
        bow[h] = float(np.log(left / right))
    # Contexts never extended keep bow 0 (log 1): the full interpolated mass already sits in their
    # lower-order estimates, which the back-off walk reaches directly.
    return CharNgramLM(order, logp, bow, unk_logp=float(np.log(uniform)))


def _kept(nc: NgramCounts, min_counts: dict[int, int]) -> list[list[str]]:
    kept: list[list[str]] = [[] for _ in range(nc.order + 1)]
    kept[1] = [g for g in nc.counts[1] if g != BOS]
    for n in range(2, nc.order + 1):
        mc = min_counts.get(n, 1)
        keep = []
        for g, c in nc.counts[n].items():
            if c < mc or g.endswith(BOS):
                continue
            if n >= 3 and g not in nc.public and nc.private_df.get(g, 0) < 2:
                continue
            keep.append(g)
        kept[n] = keep
    # Suffix- and prefix-closure: every kept n-gram's suffix and prefix must be kept (back-off walk).
    for n in range(nc.order, 2, -1):
        lower = set(kept[n - 1])
        kept[n] = [g for g in kept[n] if g[1:] in lower and g[:-1] in lower]
    return kept


class CharNgramLM:
    """Back-off character LM: `logp(history, ch)` in natural log."""

    def __init__(self, order: int, logp: dict[str, float], bow: dict[str, float], unk_logp: float):
        self.order = order
        self.logp_table = logp
        self.bow_table = bow
        self.unk_logp = unk_logp

    def __len__(self) -> int:
        return len(self.logp_table)

    def knows(self, gram: str) -> bool:
        return gram in self.logp_table

    def logp(self, history: str, ch: str) -> float:
        """log P(ch | last order-1 symbols of history); both already encoded."""
        table = self.logp_table
        bows = self.bow_table
        acc = 0.0
        k = min(len(history), self.order - 1)
        while k > 0:
            ctx = history[-k:]
            v = table.get(ctx + ch)
            if v is not None:
                return acc + v
            acc += bows.get(ctx, 0.0)
            k -= 1
        v = table.get(ch)
        return acc + (v if v is not None else self.unk_logp)

    def position_logps(self, seq: str) -> list[float]:
        """log P of each symbol of an encoded, BOS-padded sequence given its history (index 0 = BOS → 0)."""
        out = [0.0]
        n1 = self.order - 1
        for j in range(1, len(seq)):
            out.append(self.logp(seq[max(0, j - n1) : j], seq[j]))
        return out

    def sentence_logp(self, text: str) -> float:
        return sum(self.position_logps(BOS + encode(text) + EOS))

    # --- storage -------------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        arrays: dict[str, np.ndarray] = {"meta": np.array([self.order, self.unk_logp], dtype=np.float64)}
        for n in range(1, self.order + 1):
            keys = sorted(g for g in self.logp_table if len(g) == n)
            arrays[f"keys{n}"] = np.frombuffer("".join(keys).encode("utf-32-le"), dtype=np.uint32)
            arrays[f"logp{n}"] = np.array([self.logp_table[g] for g in keys], dtype=np.float16)
            arrays[f"bow{n}"] = np.array([self.bow_table.get(g, 0.0) for g in keys], dtype=np.float16)
        np.savez_compressed(path, **arrays)

    @classmethod
    def load(cls, path: Path) -> CharNgramLM:
        with np.load(path, allow_pickle=False) as z:
            order = int(z["meta"][0])
            unk = float(z["meta"][1])
            logp: dict[str, float] = {}
            bow: dict[str, float] = {}
            for n in range(1, order + 1):
                joined = z[f"keys{n}"].tobytes().decode("utf-32-le")
                keys = [joined[i : i + n] for i in range(0, len(joined), n)]
                logp.update(zip(keys, z[f"logp{n}"].astype(np.float64).tolist(), strict=True))
                bw = z[f"bow{n}"]
                nz = np.flatnonzero(bw)
                bwl = bw[nz].astype(np.float64).tolist()
                bow.update((keys[i], v) for i, v in zip(nz.tolist(), bwl, strict=True))
        return cls(order, logp, bow, unk)
