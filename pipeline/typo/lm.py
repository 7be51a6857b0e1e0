"""Character n-gram language model with interpolated modified Kneser-Ney smoothing.

Trained here on legal text (statutes, guiding cases, judgments). After training the model is pruned
(rare n-grams dropped) and stored in back-off form, ARPA-style: for each kept n-gram its log
probability, and for each n-gram that is also a context its back-off weight.

At run time each order is a sorted uint64 key array (n <= 3: the code points packed exactly, 21 bits
each; n >= 4: a 64-bit hash) with float16 log-probabilities and back-off weights beside it, stored as a
compressed `.npz` (no pickle). Loading is a few array reads, and scoring is vectorised: a batch of
n-gram windows is looked up with one `searchsorted` per order.

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

    def add(self, other: NgramCounts, sign: int = 1) -> None:
        """Add (sign 1) or take away (sign -1) another corpus's counts of private documents, in place:
        LMs that leave out part of the corpus are built from one count pass."""
        if other.public and sign < 0:
            raise ValueError("only counts of private documents can be taken away")
        for n in range(1, self.order + 1):
            mine = self.counts[n]
            for g, c in other.counts[n].items():
                v = mine.get(g, 0) + sign * c
                if v > 0:
                    mine[g] = v
                else:
                    mine.pop(g, None)
        for g, c in other.private_df.items():
            v = self.private_df.get(g, 0) + sign * c
            if v > 0:
                self.private_df[g] = v
            else:
                self.private_df.pop(g, None)
        self.public |= other.public


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
            cont[g[1:]] += 1
        adj = {}
        for g, c in counts[n].items():
            adj[g] = c if g[0] == BOS else cont.get(g, c)
        adjusted[n] = adj
    adjusted[1].pop(BOS, None)  # BOS is a context, never predicted: it holds no unigram mass
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
    logp[BOS] = -99.0  # never predicted; kept so that its back-off weight (sentence starts) is stored
    for h in num:
        left = max(1.0 - num[h], 1e-9)
        right = max(1.0 - den[h], 1e-9)
        bow[h] = float(np.log(left / right))
    # Contexts never extended keep bow 0 (log 1): the full interpolated mass already sits in their
    # lower-order estimates, which the back-off walk reaches directly.
    return CharNgramLM.from_tables(order, logp, bow, unk_logp=float(np.log(uniform)))


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


PAD = 0x1FFFFF  # a code point slot no real character uses: grams containing it are never found
_MIX = np.uint64(0x9E3779B97F4A7C15)


def gram_keys(codes: np.ndarray) -> np.ndarray:
    """uint64 keys for rows of code points (shape (m, n)): exact packing for n <= 3, a hash beyond."""
    c = codes.astype(np.uint64)
    n = c.shape[1]
    if n <= 3:
        key = c[:, 0].copy()
        for k in range(1, n):
            key = (key << np.uint64(21)) | c[:, k]
        return key
    key = c[:, 0] * _MIX
    for k in range(1, n):
        key = (key ^ (key >> np.uint64(29))) * _MIX + c[:, k]
    return key ^ (key >> np.uint64(32))


def to_codes(seq: str) -> np.ndarray:
    return np.frombuffer(seq.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)


class HashIndex:
    """Open-addressing hash table over unique uint64 keys, probed for a whole batch at once.

    A sorted array with `searchsorted` costs ~20 dependent memory reads per query; here a query is
    one or two, which matters because every candidate of every sentence is a handful of look-ups.
    """

    def __init__(self, keys: np.ndarray):
        bits = max(4, int(np.ceil(np.log2(4 * len(keys) + 1))))
        self.shift = np.uint64(64 - bits)
        size = 1 << bits
        self.table = np.zeros(size, dtype=np.uint64)
        self.index = np.full(size, -1, dtype=np.int32)
        slots = self._slot(keys).astype(np.int64)
        pending = np.arange(len(keys))
        while len(pending):
            s = slots[pending]
            free = self.index[s] == -1
            cand, cs = pending[free], s[free]
            uniq, first = np.unique(cs, return_index=True)
            winners = cand[first]
            self.table[uniq] = keys[winners]
            self.index[uniq] = winners
            placed = np.zeros(len(keys), dtype=bool)
            placed[winners] = True
            pending = pending[~placed[pending]]
            slots[pending] = (slots[pending] + 1) % size

    def _slot(self, q: np.ndarray) -> np.ndarray:
        return (q * _MIX) >> self.shift

    def find(self, q: np.ndarray) -> np.ndarray:
        """Position of each query key in the original key array, -1 where absent."""
        size = len(self.table)
        slot = self._slot(q).astype(np.int64)
        # First probe for the whole batch at once: at load factor 1/4 nearly every query ends here.
        idx = self.index[slot]
        occupied = idx >= 0
        hit = occupied & (self.table[slot] == q)
        result = np.where(hit, idx, -1).astype(np.int64)
        active = np.flatnonzero(occupied & ~hit)
        while len(active):
            s = (slot[active] + 1) % size
            slot[active] = s
            idx = self.index[s]
            hit = (idx >= 0) & (self.table[s] == q[active])
            result[active[hit]] = idx[hit]
            active = active[(idx >= 0) & ~hit]
        return result


_EMPTY: frozenset[int] = frozenset()


class _FillCache(dict):
    """context -> frozenset of fills; a hit is a plain dict look-up (no Python call), a miss builds the set."""

    def __init__(self, owner: SlotSets):
        super().__init__()
        self.owner = owner

    def __missing__(self, key: int) -> frozenset[int]:
        s = self.owner.build(key)
        if self.owner.max_cached is not None and len(self) >= self.owner.max_cached:
            self.clear()
        self[key] = s
        return s


class SlotSets:
    """The characters that fill one slot of the n-grams of one order, given the other slot(s).

    Built from the packed keys (orders 2 and 3 pack code points exactly, 21 bits each). The context is
    an int (the other code points packed the same way); each set is made on first use and cached,
    because the same contexts come back sentence after sentence (`cache[key]` is the fast path, and
    `prefetch` builds a document's missing sets in one batch). `max_cached` bounds the cache: contexts
    never seen in legal text keep coming with new documents, so it starts over when full.
    """

    def __init__(self, ctx: np.ndarray, fill: np.ndarray, max_cached: int | None = None):
        order = np.argsort(ctx, kind="stable")
        ctx, fill = ctx[order], fill[order]
        self.ctx, self.starts = np.unique(ctx, return_index=True)
        self.ends = np.r_[self.starts[1:], len(ctx)]
        self.fill = fill
        self.max_cached = max_cached
        self.cache: dict[int, frozenset[int]] = _FillCache(self)

    def build(self, key: int) -> frozenset[int]:
        i = int(np.searchsorted(self.ctx, np.uint64(key)))
        if i < len(self.ctx) and int(self.ctx[i]) == key:
            return frozenset(self.fill[self.starts[i] : self.ends[i]].tolist())
        return _EMPTY

    def get(self, key: int) -> frozenset[int]:
        return self.cache[key]

    def prefetch(self, keys: np.ndarray) -> None:
        """Make sure the sets of all these contexts (int64 or uint64 array) are cached."""
        cache = self.cache
        missing = [k for k in np.unique(keys).tolist() if k not in cache]
        if not missing:
            return
        if self.max_cached is not None and len(cache) + len(missing) > self.max_cached:
            cache.clear()
        q = np.array(missing, dtype=np.uint64)
        i = np.minimum(np.searchsorted(self.ctx, q), len(self.ctx) - 1)
        found = self.ctx[i] == q
        starts, ends = self.starts[i].tolist(), self.ends[i].tolist()
        fill = self.fill
        for k, ok, s, e in zip(missing, found.tolist(), starts, ends, strict=True):
            cache[k] = frozenset(fill[s:e].tolist()) if ok else _EMPTY


# Trigram contexts cached at most (each holds a few fills): bounds the memory a long run uses, and a
# document's contexts are rebuilt in one cheap batch after a reset.
TRIGRAM_CONTEXTS_CACHED = 30_000


_M21 = np.uint64((1 << 21) - 1)
WINDOW_BLOCK = 16_384  # rows of n-gram windows scored per block


class CharNgramLM:
    """Back-off character LM over sorted key arrays; log probabilities are natural logs."""

    def __init__(
        self, order: int, keys: list[np.ndarray], logp: list[np.ndarray], bow: list[np.ndarray], unk_logp: float
    ):
        self.order = order
        self.keys = keys  # keys[n] sorted uint64 for n in 1..order (index 0 unused, empty)
        self.logp_arr = logp  # float32 copies for arithmetic
        self.bow_arr = bow
        self.unk_logp = unk_logp
        # One hash table over all orders (their keys cannot collide: packed keys of different
        # lengths occupy different ranges, hashed 4+-grams are 64-bit random), so that scoring a batch
        # of windows is a single probe; positions map back to orders through the offsets.
        self._offsets = np.cumsum([0] + [len(k) for k in keys])
        self._index = HashIndex(np.concatenate(keys))
        self._lp_all = np.concatenate(logp).astype(np.float32)
        self._bow_all = np.concatenate(bow).astype(np.float32)

    @classmethod
    def from_tables(cls, order: int, logp: dict[str, float], bow: dict[str, float], unk_logp: float) -> CharNgramLM:
        keys, lps, bows = [np.zeros(0, np.uint64)], [np.zeros(0, np.float32)], [np.zeros(0, np.float32)]
        for n in range(1, order + 1):
            grams = [g for g in logp if len(g) == n]
            codes = np.array([[ord(ch) for ch in g] for g in grams], dtype=np.int64).reshape(-1, n)
            k = gram_keys(codes)
            idx = np.argsort(k)
            keys.append(k[idx])
            lps.append(np.array([logp[grams[i]] for i in idx], dtype=np.float16).astype(np.float32))
            bows.append(np.array([bow.get(grams[i], 0.0) for i in idx], dtype=np.float16).astype(np.float32))
        return cls(order, keys, lps, bows, unk_logp)

    def __len__(self) -> int:
        return sum(len(k) for k in self.keys)

    def slot_sets(self) -> dict[str, SlotSets]:
        """after2/before2 (bigram successors/predecessors) and after3/middle3/before3 for trigrams."""
        if getattr(self, "_slots", None) is None:
            k2, k3 = self.keys[2], self.keys[3]
            a2, b2 = k2 >> np.uint64(21), k2 & _M21
            a3, b3, c3 = k3 >> np.uint64(42), (k3 >> np.uint64(21)) & _M21, k3 & _M21
            s21 = np.uint64(21)
            self._slots = {
                "after2": SlotSets(a2, b2),
                "before2": SlotSets(b2, a2),
                "after3": SlotSets((a3 << s21) | b3, c3, TRIGRAM_CONTEXTS_CACHED),
                "middle3": SlotSets((a3 << s21) | c3, b3, TRIGRAM_CONTEXTS_CACHED),
                "before3": SlotSets((b3 << s21) | c3, a3, TRIGRAM_CONTEXTS_CACHED),
            }
        return self._slots

    def sizes(self) -> list[int]:
        return [len(k) for k in self.keys[1:]]

    # --- look-ups --------------------------------------------------------------------------------
    def lookup(self, n: int, codes: np.ndarray) -> np.ndarray:
        """Index into order-n arrays of each row of codes (shape (m, n)), -1 where the n-gram is absent."""
        g = self._index.find(gram_keys(codes))
        lo, hi = self._offsets[n], self._offsets[n + 1]
        return np.where((g >= lo) & (g < hi), g - lo, -1)

    def contains(self, codes: np.ndarray) -> np.ndarray:
        return self.lookup(codes.shape[1], codes) >= 0

    def window_logps(self, rows: np.ndarray) -> np.ndarray:
        """log P(last symbol | the others) for each row of `order` code points (PAD = no history there)."""
        return self.window_logps_orders(rows)[0]

    def window_logps_orders(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """`window_logps` and, per row, the length of the longest n-gram ending at the last symbol that
        the model knows (1 = unigram or unknown): how much of the context legal text attests."""
        m = rows.shape[0]
        if m <= WINDOW_BLOCK:
            return self._window_block(rows)
        # Rows are independent: blocks keep the temporaries small (a long document has a million
        # candidate windows; whole, they took hundreds of MB at once) and in cache.
        lp = np.empty(m, dtype=np.float32)
        matched = np.empty(m, dtype=np.int8)
        for b in range(0, m, WINDOW_BLOCK):
            lp[b : b + WINDOW_BLOCK], matched[b : b + WINDOW_BLOCK] = self._window_block(rows[b : b + WINDOW_BLOCK])
        return lp, matched

    def _window_block(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        n_ord = self.order
        m = rows.shape[0]
        # Every gram the back-off walk may need: the target grams of orders n..1, the histories.
        parts = [gram_keys(rows[:, n_ord - n :]) for n in range(n_ord, 0, -1)]
        parts += [gram_keys(rows[:, n_ord - n : n_ord - 1]) for n in range(n_ord, 1, -1)]
        g = self._index.find(np.concatenate(parts)).reshape(len(parts), m)
        lp = np.where(g >= 0, self._lp_all[np.maximum(g, 0)], np.nan)
        bw = np.where(g >= 0, self._bow_all[np.maximum(g, 0)], 0.0)
        result = np.full(m, self.unk_logp, dtype=np.float32)
        matched = np.ones(m, dtype=np.int8)
        done = np.zeros(m, dtype=bool)
        backoff = np.zeros(m, dtype=np.float32)  # bows of the longer histories already passed
        for k in range(n_ord):  # k = 0: the full order; k = n_ord - 1: unigram
            hit = ~np.isnan(lp[k]) & ~done
            result[hit] = lp[k][hit] + backoff[hit]
            matched[hit] = n_ord - k
            done |= hit
            if k < n_ord - 1:
                backoff += np.where(done, 0.0, bw[n_ord + k])
        result[~done] += backoff[~done]
        return result, matched

    def sequence_rows(self, codes: np.ndarray) -> np.ndarray:
        """For every position j >= 1 of a BOS-padded code sequence, the row (codes[j-order+1 .. j])."""
        n_ord = self.order
        padded = np.concatenate([np.full(n_ord - 1, PAD, dtype=np.int64), codes])
        idx = np.arange(1, len(codes))[:, None] + np.arange(n_ord)[None, :]
        return padded[idx]

    def position_logps(self, seq: str) -> np.ndarray:
        """log P of each symbol of an encoded, BOS-padded sequence; index 0 (BOS) is 0."""
        codes = to_codes(seq)
        out = np.zeros(len(codes), dtype=np.float32)
        if len(codes) > 1:
            out[1:] = self.window_logps(self.sequence_rows(codes))
        return out

    def sentence_logp(self, text: str) -> float:
        return float(self.position_logps(BOS + encode(text) + EOS).sum())

    def unigram_logp(self, codes: np.ndarray) -> np.ndarray:
        idx = self.lookup(1, codes.reshape(-1, 1))
        return np.where(idx >= 0, self.logp_arr[1][np.maximum(idx, 0)], self.unk_logp)

    # --- storage -------------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        arrays: dict[str, np.ndarray] = {"meta": np.array([self.order, self.unk_logp], dtype=np.float64)}
        for n in range(1, self.order + 1):
            arrays[f"keys{n}"] = self.keys[n]
            arrays[f"logp{n}"] = self.logp_arr[n].astype(np.float16)
            arrays[f"bow{n}"] = self.bow_arr[n].astype(np.float16)
        np.savez_compressed(path, **arrays)

    @classmethod
    def load(cls, path: Path) -> CharNgramLM:
        with np.load(path, allow_pickle=False) as z:
            order = int(z["meta"][0])
            unk = float(z["meta"][1])
            keys = [np.zeros(0, np.uint64)] + [z[f"keys{n}"] for n in range(1, order + 1)]
            lps = [np.zeros(0, np.float32)] + [z[f"logp{n}"].astype(np.float32) for n in range(1, order + 1)]
            bows = [np.zeros(0, np.float32)] + [z[f"bow{n}"].astype(np.float32) for n in range(1, order + 1)]
        return cls(order, keys, lps, bows, unk)
