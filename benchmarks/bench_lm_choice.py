"""Character 4-gram Kneser-Ney LM vs a small character LSTM LM, on the same text, measured on CPU.

    .venv/bin/python benchmarks/bench_lm_choice.py [--shared ../shared/corpus] [--train-chars 3000000]
        [--train-minutes 15] [--train-threads 2] [--detect-sentences 392] [--out benchmarks/results/lm_choice.json]

Both models are trained on exactly the same text: the LM training sentences of `iter_source_docs`
after the decontamination of pipeline/typo/training.py (`decontaminated_docs`: ECSpell evaluation
sentences and near-copies of the real evaluation documents removed), of which a deterministic sample
is kept (sentences ordered by the SHA-1 of their text, taken until --train-chars characters).

(a) n-gram: `count_ngrams` + `train_kneser_ney`, order 4, min counts {2:2, 3:3, 4:5} as shipped
    (private-document filter included, as in the shipped model).
(b) neural: character LSTM (1 layer, embedding = hidden = 256, adaptive softmax output) over the
    characters seen >= --min-char-count times in the training text plus <unk>, after the same
    character mapping as lm.py `encode` (digits -> "0", Latin letters -> "a"); trained with Adam for a
    fixed wall-clock budget (--train-minutes) on --train-threads threads. Weights go to a temp dir only.

Measured:
1. Cross-entropy (bits per character, end-of-sentence included) on the corrected side of ECSpell
   law.train folds 2-4 and on the first --heldout-sentences sentences of the held-out guiding cases;
   also restricted to positions whose character is in the neural vocabulary (the fair comparison:
   the LSTM's <unk> is a class, the n-gram gives unseen characters a uniform share).
2. Detection with one rule for both: every candidate of the confusion set (models/typo/confusion.json)
   at every position is scored by the whole-sentence log-probability gain of the changed sentence; the
   best candidate of the sentence is taken if its gain exceeds a margin. Candidates outside the neural
   vocabulary are skipped for both models (same candidate set). The LSTM rescoring of ~3,000 candidates
   per sentence is slow, so both models are compared on the same deterministic subset (every k-th
   sentence of folds 2-4, --detect-sentences of them); the n-gram is also reported on all folds 2-4.
   The n-gram gain is computed from the `order` windows a change touches (all other windows of the
   sentence are identical), checked against `sentence_logp` differences on the first sentences.
3. Speed on one thread (torch.set_num_threads(1)): characters/s of LM scoring over the held-out
   sentences, sentences/s of the detection rule, model load time and size on disk.

Needs torch (`pip install torch==2.13.0`, a CPU build, then `pip install -e '.[lm-bench]'`), best in a
virtual environment of its own: where torch is importable, spaCy (thinc) imports it too, and every
pingcha process grows by about 200 MB (measured: segmentation peak RSS 176 → 378 MB, screening 541 →
744 MB). Exits 0 with a note when ../shared/corpus or torch is absent. Nothing is downloaded. About
35 minutes.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import hashlib  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.typo.confusion import ConfusionSet  # noqa: E402
from pipeline.typo.corpus import (  # noqa: E402
    DEFAULT_SHARED,
    ECSPELL,
    CscPair,
    law_folds,
    load_ecspell,
    real_text_docs,
    split_sentences,
)
from pipeline.typo.evaluate import csc_metrics  # noqa: E402
from pipeline.typo.lm import BOS, EOS, PAD, CharNgramLM, count_ngrams, encode, to_codes, train_kneser_ney  # noqa: E402
from pipeline.typo.training import TEST_FOLDS, TrainConfig, decontaminated_docs  # noqa: E402

ORDER = 4
MIN_COUNTS = {2: 2, 3: 3, 4: 5}
MARGINS = (0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0)
LN2 = math.log(2)


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --- data ------------------------------------------------------------------------------------------
def training_text(shared: Path, cap_chars: int) -> tuple[list[tuple[bool, list[str]]], dict]:
    """(is_private, sentences) per document: the decontaminated LM sentences, sampled by SHA-1 order
    of the sentence text until cap_chars characters (deterministic, mixes all sources)."""
    docs: list[tuple[bool, list[str]]] = []
    for d, sents in decontaminated_docs(shared, TrainConfig(log=log)):
        if sents:
            docs.append((d.private, sents))
    ranked = sorted(
        (
            (hashlib.sha1(s.encode("utf-8")).digest(), di, si)
            for di, (_, ss) in enumerate(docs)
            for si, s in enumerate(ss)
        ),
    )
    total = sum(len(s) for _, ss in docs for s in ss)
    keep: set[tuple[int, int]] = set()
    used = 0
    for _, di, si in ranked:
        n = len(docs[di][1][si])
        if used + n > cap_chars:
            break
        keep.add((di, si))
        used += n
    out = []
    for di, (private, ss) in enumerate(docs):
        kept = [s for si, s in enumerate(ss) if (di, si) in keep]
        if kept:
            out.append((private, kept))
    stats = {
        "decontaminated_characters": total,
        "characters": used,
        "sentences": len(keep),
        "documents": len(out),
        "private_documents": sum(p for p, _ in out),
    }
    return out, stats


def heldout_sets(shared: Path, n_guiding: int) -> dict[str, list[str]]:
    folds = law_folds(load_ecspell(shared / ECSPELL / "domains" / "law.train"))
    law = [p.tgt for k in TEST_FOLDS for p in folds[k]]
    guiding: list[str] = []
    for d in real_text_docs(shared)["heldout"]:
        guiding += split_sentences(d.text)
        if len(guiding) >= n_guiding:
            break
    return {"ecspell_law_folds_2_4_corrected": law, "heldout_guiding_cases": guiding[:n_guiding]}


# --- n-gram ---------------------------------------------------------------------------------------
def ngram_sentence_logps(lm: CharNgramLM, sents: list[str]) -> list[np.ndarray]:
    """Per sentence, log P of each predicted symbol (characters and EOS), natural log."""
    return [lm.position_logps(BOS + encode(s) + EOS)[1:] for s in sents]


def ngram_gains(lm: CharNgramLM, src: str, cands: list[tuple[int, str]]) -> np.ndarray:
    """Whole-sentence log-prob gain of each (position, replacement): only the `order` windows that
    contain the changed symbol differ, so they are scored for the old and the new sentence."""
    if not cands:
        return np.zeros(0)
    n = lm.order
    codes = to_codes(BOS + encode(src) + EOS)
    rows = lm.sequence_rows(codes)  # row r predicts codes[r + 1]
    last = len(codes) - 2  # index of the last row
    pos = np.array([p for p, _ in cands])
    repl = np.array([ord(encode(c)) for _, c in cands], dtype=np.int64)
    # Rows r = p .. p + n - 1 (symbol p+1 in the padded sequence sits in their window), clipped at the end.
    offs = np.arange(n)
    r_idx = pos[:, None] + offs[None, :]
    valid = r_idx <= last
    r_idx = np.minimum(r_idx, last)
    old = rows[r_idx]  # (m, n, order)
    new = old.copy()
    col = (n - 1) - offs  # the column of the changed symbol in row p + k
    m = len(cands)
    new[np.arange(m)[:, None], np.arange(n)[None, :], col[None, :]] = np.where(valid, repl[:, None], PAD)
    lp_old = lm.window_logps(old.reshape(-1, n)).reshape(m, n)
    lp_new = lm.window_logps(new.reshape(-1, n)).reshape(m, n)
    return ((lp_new - lp_old) * valid).sum(axis=1).astype(np.float64)


# --- neural ---------------------------------------------------------------------------------------
def build_vocab(docs: list[tuple[bool, list[str]]], min_count: int) -> dict[str, int]:
    """<unk>=0, BOS=1, EOS=2, then the characters (after `encode`) seen >= min_count times, most
    frequent first (the adaptive softmax puts the frequent ids in its cheap head)."""
    c: Counter = Counter()
    for _, ss in docs:
        for s in ss:
            c.update(encode(s))
    chars = sorted((ch for ch, k in c.items() if k >= min_count), key=lambda ch: (-c[ch], ch))
    vocab = {"<unk>": 0, BOS: 1, EOS: 2}
    for ch in chars:
        vocab[ch] = len(vocab)
    return vocab


def ids_of(vocab: dict[str, int], s: str) -> list[int]:
    return [1] + [vocab.get(ch, 0) for ch in encode(s)] + [2]


def cutoffs_for(vocab_size: int) -> list[int]:
    return [c for c in (HEAD_SIZE, TAIL1_SIZE) if c < vocab_size - 1]


HEAD_SIZE = 500  # adaptive softmax: the 500 most frequent ids in the head, then 1,500, then the rest
TAIL1_SIZE = 2000


def make_model(torch, vocab_size: int, dim: int):
    nn = torch.nn

    class CharLSTM(nn.Module):
        """Embedding -> 1-layer LSTM -> adaptive softmax (the full softmax over ~4,000 characters
        cost more than the LSTM itself on CPU)."""

        def __init__(self) -> None:
            super().__init__()
            self.emb = nn.Embedding(vocab_size, dim)
            self.lstm = nn.LSTM(dim, dim, num_layers=1, batch_first=True)
            self.out = nn.AdaptiveLogSoftmaxWithLoss(dim, vocab_size, cutoffs=cutoffs_for(vocab_size), div_value=4.0)

        def forward(self, x, state=None):
            h, state = self.lstm(self.emb(x), state)
            return h, state

        def target_logp(self, h, targets):
            """log P(target) for hidden states h (..., dim) and targets (...)."""
            return self.out(h.reshape(-1, h.shape[-1]), targets.reshape(-1)).output.reshape(targets.shape)

    return CharLSTM()


def train_neural(torch, model, stream: np.ndarray, starts: np.ndarray, minutes: float, batch: int, seq: int) -> dict:
    """Adam on windows of `seq`+1 ids, half starting at sentence starts (as scoring does, from a zero
    state), half anywhere (so the ends of long sentences are learnt too); linear LR decay over the budget."""
    gen = np.random.default_rng(0)
    torch.manual_seed(0)
    opt = torch.optim.Adam(model.parameters(), lr=3e-3)
    budget = minutes * 60
    starts = starts[starts + seq + 1 <= len(stream)]
    t0 = time.perf_counter()
    steps = 0
    losses: list[float] = []
    model.train()
    while (elapsed := time.perf_counter() - t0) < budget:
        for g in opt.param_groups:
            g["lr"] = 3e-3 * max(0.05, 1 - elapsed / budget)
        half = batch // 2
        idx = np.concatenate([gen.choice(starts, size=half), gen.integers(0, len(stream) - seq - 1, batch - half)])
        win = torch.from_numpy(np.stack([stream[i : i + seq + 1] for i in idx]).astype(np.int64))
        h, _ = model(win[:, :-1])
        loss = model.out(h.reshape(-1, h.shape[-1]), win[:, 1:].reshape(-1)).loss
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        steps += 1
        losses.append(loss.item())
        if steps % 200 == 0:
            log(f"  step {steps}, {elapsed:.0f}s, train loss {np.mean(losses[-200:]) / LN2:.3f} bits/char")
    model.eval()
    chars = steps * batch * seq
    return {
        "seconds": round(time.perf_counter() - t0, 1),
        "steps": steps,
        "batch": batch,
        "seq_len": seq,
        "optimizer": "Adam, lr 3e-3 decaying linearly with elapsed time, gradient clip 1.0",
        "characters_processed": chars,
        "epochs": round(chars / len(stream), 3),
        "final_train_bits_per_char": round(float(np.mean(losses[-200:])) / LN2, 4) if losses else None,
    }


def neural_sentence_logps(torch, model, vocab: dict[str, int], sents: list[str], batch: int = 64) -> list[np.ndarray]:
    """Per sentence, log P of each predicted symbol (characters and EOS); batched by similar length."""
    out: list[np.ndarray] = [np.zeros(0)] * len(sents)
    order = sorted(range(len(sents)), key=lambda i: len(sents[i]))
    with torch.no_grad():
        for b in range(0, len(order), batch):
            idx = order[b : b + batch]
            seqs = [ids_of(vocab, sents[i]) for i in idx]
            t = max(len(s) for s in seqs)
            x = torch.full((len(seqs), t), 2, dtype=torch.long)  # padding: EOS ids, never read back
            for r, s in enumerate(seqs):
                x[r, : len(s)] = torch.tensor(s)
            h, _ = model(x[:, :-1])
            got = model.target_logp(h, x[:, 1:]).numpy()
            for r, i in enumerate(idx):
                out[i] = got[r, : len(seqs[r]) - 1].astype(np.float64)
    return out


def neural_gains(torch, model, vocab: dict[str, int], src: str, cands: list[tuple[int, str]], chunk: int = 256):
    """Whole-sentence log-prob gain of each (position, replacement): the prefix before the change is
    shared (its states are computed once), the changed symbol and everything after it is re-run."""
    if not cands:
        return np.zeros(0)
    x = ids_of(vocab, src)
    n = len(x)
    with torch.no_grad():
        emb = model.emb(torch.tensor([x]))
        states = []  # states[j] = (h, c) after reading x[0..j]
        state = None
        hs = []
        for j in range(n - 1):
            h, state = model.lstm(emb[:, j : j + 1], state)
            states.append(state)
            hs.append(h)
        full = model.out.log_prob(torch.cat(hs, dim=1)[0]).numpy().astype(np.float64)  # row j predicts x[j + 1]
        tgt_lp = full[np.arange(n - 1), np.array(x[1:])]
        suffix = np.concatenate([np.cumsum(tgt_lp[::-1])[::-1], [0.0]])  # suffix[j] = sum of tgt_lp[j:]
        gains = np.zeros(len(cands))
        # Candidate at char position p changes x[j], j = p + 1: predicted by row j - 1 from states[j - 1].
        js = np.array([p + 1 for p, _ in cands])
        cid = np.array([vocab[encode(c)] for _, c in cands])
        first = full[js - 1, cid] - full[js - 1, np.array(x)[js]]
        order = np.argsort(-(n - js), kind="stable")  # longest re-run first, chunks of similar length
        for b in range(0, len(order), chunk):
            idx = order[b : b + chunk]
            ks = n - 1 - js[idx]  # inputs: the new symbol, then x[j + 1 .. n - 2]; targets x[j + 1 .. n - 1]
            t = int(ks.max())
            inp = torch.full((len(idx), t), 2, dtype=torch.long)
            tgt = torch.full((len(idx), t), 2, dtype=torch.long)
            mask = torch.zeros((len(idx), t))
            for r, i in enumerate(idx.tolist()):
                j, k = int(js[i]), int(ks[r])
                inp[r, 0] = int(cid[i])
                inp[r, 1:k] = torch.tensor(x[j + 1 : j + k])
                tgt[r, :k] = torch.tensor(x[j + 1 : j + 1 + k])
                mask[r, :k] = 1
            h0 = torch.cat([states[int(js[i]) - 1][0] for i in idx], dim=1)
            c0 = torch.cat([states[int(js[i]) - 1][1] for i in idx], dim=1)
            h, _ = model(inp, (h0, c0))
            new = (model.target_logp(h, tgt) * mask).sum(1).numpy()
            gains[idx] = new - suffix[js[idx]]
        return first + gains


# --- evaluation -----------------------------------------------------------------------------------
def cross_entropy(logps: list[np.ndarray], sents: list[str], in_vocab) -> dict:
    """Bits per predicted symbol over all positions, and over positions whose symbol is in the neural vocab."""
    tot = n = tot_in = n_in = 0.0
    for lp, s in zip(logps, sents, strict=True):
        keep = np.array([in_vocab(ch) for ch in encode(s)] + [True])
        tot += -float(lp.sum())
        n += len(lp)
        tot_in += -float(lp[keep].sum())
        n_in += int(keep.sum())
    return {
        "bits_per_char": round(tot / n / LN2, 4),
        "bits_per_char_in_vocab_positions": round(tot_in / n_in / LN2, 4),
        "positions": int(n),
        "out_of_neural_vocab_positions": int(n - n_in),
    }


def candidates(cs: ConfusionSet, src: str, allowed) -> list[tuple[int, str]]:
    return [(i, c) for i, ch in enumerate(src) for c in cs.candidates(ch) if allowed(c)]


def detection(pairs: list[CscPair], best: list[tuple[float, int, str]]) -> list[dict]:
    """Metrics at each margin: the sentence's best candidate applied when its gain exceeds the margin."""
    rows = []
    for m in MARGINS:
        preds = []
        for p, (g, pos, rep) in zip(pairs, best, strict=True):
            preds.append(p.src[:pos] + rep + p.src[pos + 1 :] if pos >= 0 and g > m else p.src)
        r = csc_metrics([p.src for p in pairs], [p.tgt for p in pairs], preds)
        rows.append(
            {
                "margin_nats": m,
                "sentence_detection": r["sentence_detection"],
                "char_detection": r["char_detection"],
                "sentence_correction": r["sentence_correction"],
                "fp_sentence_rate": r["fp_sentence_rate"],
            }
        )
    return rows


def best_candidates(score, pairs: list[CscPair], cs: ConfusionSet, allowed) -> tuple[list, float, int]:
    best = []
    n_cands = 0
    t0 = time.perf_counter()
    for p in pairs:
        cands = candidates(cs, p.src, allowed)
        n_cands += len(cands)
        g = score(p.src, cands)
        if len(g):
            k = int(np.argmax(g))
            best.append((float(g[k]), cands[k][0], cands[k][1]))
        else:
            best.append((-math.inf, -1, ""))
    return best, time.perf_counter() - t0, n_cands


def file_mb(path: Path) -> float:
    return round(path.stat().st_size / 1e6, 2)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--train-chars", type=int, default=3_000_000)
    ap.add_argument("--train-minutes", type=float, default=15.0)
    ap.add_argument("--train-threads", type=int, default=2)
    ap.add_argument("--min-char-count", type=int, default=3)
    ap.add_argument("--dim", type=int, default=256)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--seq-len", type=int, default=48)
    ap.add_argument("--heldout-sentences", type=int, default=2000)
    ap.add_argument("--detect-sentences", type=int, default=392, help="subset of law folds 2-4 for both LMs")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "lm_choice.json")
    args = ap.parse_args()
    if not (args.shared / ECSPELL / "domains" / "law.train").exists():
        print(f"skipped: {args.shared} (shared corpus) not found")
        return 0
    try:
        import torch
    except ImportError:
        print("skipped: torch is not installed")
        return 0

    log("reading and decontaminating the LM training text ...")
    docs, text_stats = training_text(args.shared, args.train_chars)
    log(f"training text: {text_stats}")
    sets = heldout_sets(args.shared, args.heldout_sentences)
    cs = ConfusionSet.load(ROOT / "models" / "typo" / "confusion.json")
    tmp = Path(tempfile.mkdtemp(prefix="pingcha_lm_choice_"))
    res: dict = {"training_text": text_stats, "torch": torch.__version__}

    # (a) n-gram
    t0 = time.perf_counter()
    counts = count_ngrams(docs, ORDER)
    ngram = train_kneser_ney(counts, MIN_COUNTS)
    ng_train = time.perf_counter() - t0
    del counts
    ng_path = tmp / "lm.npz"
    ngram.save(ng_path)
    t0 = time.perf_counter()
    ngram = CharNgramLM.load(ng_path)
    ng_load = time.perf_counter() - t0
    res["ngram"] = {
        "model": f"character {ORDER}-gram, interpolated modified Kneser-Ney, min counts {MIN_COUNTS}",
        "train_seconds": round(ng_train, 1),
        "ngrams_per_order": ngram.sizes(),
        "parameters": 2 * len(ngram),
        "size_on_disk_mb": file_mb(ng_path),
        "load_seconds": round(ng_load, 3),
    }
    log(f"n-gram: {res['ngram']}")

    # (b) neural
    vocab = build_vocab(docs, args.min_char_count)
    stream_l: list[int] = []
    starts_l: list[int] = []
    for _, ss in docs:
        for s in ss:
            starts_l.append(len(stream_l))
            stream_l += ids_of(vocab, s)
    stream, starts = np.array(stream_l, dtype=np.int32), np.array(starts_l, dtype=np.int64)
    torch.set_num_threads(args.train_threads)
    model = make_model(torch, len(vocab), args.dim)
    log(f"neural: vocab {len(vocab)}, {sum(p.numel() for p in model.parameters())} parameters; training ...")
    train_info = train_neural(torch, model, stream, starts, args.train_minutes, batch=args.batch, seq=args.seq_len)
    nn_path = tmp / "char_lstm.pt"
    torch.save({"state": model.state_dict(), "vocab": vocab, "dim": args.dim}, nn_path)
    torch.set_num_threads(1)
    t0 = time.perf_counter()
    saved = torch.load(nn_path, weights_only=True)
    model = make_model(torch, len(saved["vocab"]), saved["dim"])
    model.load_state_dict(saved["state"])
    model.eval()
    nn_load = time.perf_counter() - t0
    res["neural"] = {
        "model": f"character LSTM, 1 layer, embedding = hidden = {args.dim}, adaptive softmax "
        f"(head {HEAD_SIZE}, cutoffs {cutoffs_for(len(vocab))}, div 4)",
        "vocab": len(vocab),
        "min_char_count": args.min_char_count,
        "parameters": sum(p.numel() for p in model.parameters()),
        "train_threads": args.train_threads,
        "train": train_info,
        "size_on_disk_mb": file_mb(nn_path),
        "load_seconds": round(nn_load, 3),
    }
    log(f"neural: {res['neural']}")

    # 1. cross-entropy and scoring speed (one thread)
    def in_vocab(ch: str) -> bool:
        return ch in vocab

    res["cross_entropy"] = {}
    res["scoring_speed_1_thread"] = {}
    for name, sents in sets.items():
        t0 = time.perf_counter()
        ng_lp = ngram_sentence_logps(ngram, sents)
        ng_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        nn_lp = neural_sentence_logps(torch, model, vocab, sents)
        nn_s = time.perf_counter() - t0
        chars = sum(len(s) + 1 for s in sents)
        res["cross_entropy"][name] = {
            "sentences": len(sents),
            "ngram": cross_entropy(ng_lp, sents, in_vocab),
            "neural": cross_entropy(nn_lp, sents, in_vocab),
        }
        res["scoring_speed_1_thread"][name] = {
            "symbols": chars,
            "ngram_chars_per_s_one_sentence_per_call": round(chars / ng_s),
            "neural_chars_per_s_batches_of_64": round(chars / nn_s),
        }
        log(f"{name}: {res['cross_entropy'][name]} {res['scoring_speed_1_thread'][name]}")
    one = sets["heldout_guiding_cases"][:200]
    t0 = time.perf_counter()
    for s in one:
        neural_sentence_logps(torch, model, vocab, [s])
    res["scoring_speed_1_thread"]["neural_chars_per_s_one_sentence_per_call_200_guiding"] = round(
        sum(len(s) + 1 for s in one) / (time.perf_counter() - t0)
    )

    # 2. detection (and 3. its speed), one thread
    folds = law_folds(load_ecspell(args.shared / ECSPELL / "domains" / "law.train"))
    test = [p for k in TEST_FOLDS for p in folds[k]]
    step = max(1, len(test) // args.detect_sentences)
    subset = test[::step][: args.detect_sentences]

    def allowed(c: str) -> bool:
        return encode(c) in vocab

    for p in test[:20]:  # the window gain equals the whole-sentence difference
        cands = candidates(cs, p.src, allowed)[:50]
        g = ngram_gains(ngram, p.src, cands)
        base = ngram.sentence_logp(p.src)
        ref = [ngram.sentence_logp(p.src[:i] + c + p.src[i + 1 :]) - base for i, c in cands]
        assert np.allclose(g, ref, atol=1e-3), "n-gram window gain differs from sentence_logp difference"

    for p in subset[:3]:  # the shared-prefix re-run equals rescoring the whole changed sentence
        cands = candidates(cs, p.src, allowed)[:40]
        g = neural_gains(torch, model, vocab, p.src, cands)
        changed = [p.src[:i] + c + p.src[i + 1 :] for i, c in cands]
        lps = neural_sentence_logps(torch, model, vocab, [p.src, *changed])
        ref = [lp.sum() - lps[0].sum() for lp in lps[1:]]
        assert np.allclose(g, ref, atol=2e-3), "neural gain differs from whole-sentence rescoring"

    def ng_score(src, cands):
        return ngram_gains(ngram, src, cands)

    def nn_score(src, cands):
        return neural_gains(torch, model, vocab, src, cands)

    det: dict = {"margins_in_nats": list(MARGINS)}
    best, secs, nc = best_candidates(ng_score, test, cs, allowed)
    det["ngram_all_folds_2_4"] = {
        "sentences": len(test),
        "candidates": nc,
        "seconds": round(secs, 1),
        "sentences_per_s": round(len(test) / secs, 2),
        "curve": detection(test, best),
    }
    log(f"n-gram detection on all {len(test)}: {secs:.0f}s")
    best, secs, nc = best_candidates(ng_score, subset, cs, allowed)
    det["subset"] = {"sentences": len(subset), "every_kth": step, "candidates": nc}
    det["ngram_subset"] = {"seconds": round(secs, 2), "sentences_per_s": round(len(subset) / secs, 2)}
    det["ngram_subset"]["curve"] = detection(subset, best)
    log(f"neural detection on {len(subset)} sentences, {nc} candidates ...")
    best, secs, _ = best_candidates(nn_score, subset, cs, allowed)
    det["neural_subset"] = {"seconds": round(secs, 1), "sentences_per_s": round(len(subset) / secs, 3)}
    det["neural_subset"]["curve"] = detection(subset, best)
    for k in ("ngram_all_folds_2_4", "ngram_subset", "neural_subset"):
        curve = det[k]["curve"]
        det[k]["best_sentence_f1"] = max(curve, key=lambda r: r["sentence_detection"]["f1"])
    res["detection_ecspell_law_folds_2_4"] = det
    res["shipped_lm_npz_mb_for_reference"] = file_mb(ROOT / "models" / "typo" / "lm.npz")

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(res, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
