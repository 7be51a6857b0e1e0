"""Training the typo model from ../shared/corpus into models/typo (run by scripts/train_typo.py).

Data discipline:
* The LM never sees evaluation text: every training sentence sharing a 10-character substring with
  the corrected side of an evaluation or reranker-training sentence (ECSpell law.train, odw.train,
  odw.test, SIGHAN 2015 test) is dropped before counting.
* Observed confusion pairs (candidates and a feature) come from odw.train and SIGHAN 2013-2015 train.
* Real documents (`corpus.real_text_docs`) are never LM text: the LeCaRDv2 judgments ("tuning") and
  the held-out half of the guiding cases ("heldout") are left out, and so is any other training
  document that is a near-copy of one of them (30% of its 30-character windows found in them).
* ECSpell law.train is split in 5 fixed folds (line index mod 5). Folds 0-1 are the dev set. Folds 2-4
  are the held-out law test; odw.test and SIGHAN 2015 test are never touched in training.
* The reranker is fitted on the candidates of the ECSpell dev folds (about half the sentences hold an
  error) together with every candidate the checker makes on the real tuning documents — almost all
  wrong, the few hand-labelled right ones (real_labels.py) positive — so its confidence reflects how
  rare errors are in real text. The threshold is chosen on the real tuning documents, on 2-fold
  cross-fitted confidences (each fold scored by a reranker fitted on the other folds' data), as the
  lowest threshold meeting the flag-rate and precision targets (unlabelled flags count as wrong).
  The held-out guiding cases are read only by benchmarks/bench_typo_real.py.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .. import doctypes
from ..normalize import normalize
from ..sentences import sentence_spans
from .checker import TypoChecker
from .confusion import ConfusionSet
from .corpus import (
    ECSPELL,
    CscPair,
    RealDoc,
    SourceDoc,
    is_contaminated,
    iter_source_docs,
    law_folds,
    load_ecspell,
    ngram_set,
    real_text_docs,
    split_sentences,
)
from .evaluate import csc_metrics
from .lexicon import charge_terms, common_misspellings, mine_terms, thuocl_terms
from .lm import CharNgramLM, count_ngrams, train_kneser_ney
from .protect import Protector
from .real_labels import LABELS, LabelKey
from .spelling import FEATURES, Reranker, SpellChecker

DECONTAM_N = 10
DEV_FOLDS = (0, 1)
TEST_FOLDS = (2, 3, 4)
EVAL_FILES = ("domains/law.train", "domains/odw.test", "sighan_simplified/test2015.txt")
OBSERVED_FILES = (
    "domains/odw.train",
    "sighan_simplified/train2013.txt",
    "sighan_simplified/train2014.txt",
    "sighan_simplified/train2015.txt",
)


REAL_COPY_N = 30  # window length for the near-copy test against the real evaluation documents
REAL_COPY_SHARE = 0.3  # share of a document's windows found in them that makes it a near-copy
REAL_FOLDS = 2


@dataclass
class TrainConfig:
    order: int = 4
    min_counts: dict[int, int] = field(default_factory=lambda: {2: 2, 3: 3, 4: 4, 5: 5})
    # Targets on the real tuning documents (cross-fitted): statistical flags per 10,000 characters of
    # (mostly clean) text, and precision of those flags with unlabelled ones counted wrong.
    max_flags_per_10k: float = 0.5
    min_precision: float = 0.85
    log: Callable[[str], None] = print


def _real_windows(root: Path) -> set[int]:
    grams: set[int] = set()
    for docs in real_text_docs(root).values():
        for d in docs:
            t = "".join(split_sentences(d.text))
            grams.update(hash(t[i : i + REAL_COPY_N]) for i in range(len(t) - REAL_COPY_N + 1))
    return grams


def is_real_copy(sentences: Sequence[str], windows: set[int]) -> bool:
    """True when a training document is (mostly) a copy of a real evaluation document."""
    t = "".join(sentences)
    starts = range(0, len(t) - REAL_COPY_N + 1, 5)
    if not len(starts):
        return False
    hits = sum(hash(t[i : i + REAL_COPY_N]) in windows for i in starts)
    return hits / len(starts) >= REAL_COPY_SHARE


def decontaminated_docs(root: Path, cfg: TrainConfig, docs: Iterable[SourceDoc] | None = None):
    """(document, sentences) for LM training: sentences sharing a 10-character substring with an
    ECSpell evaluation sentence dropped; documents that are near-copies of a real evaluation document
    dropped (not applied to the given `docs`, which are the real tuning documents themselves)."""
    texts = []
    for f in (*EVAL_FILES, "domains/odw.train"):
        texts += [p.tgt for p in load_ecspell(root / ECSPELL / f)]
    grams = ngram_set(texts, DECONTAM_N)
    real = _real_windows(root) if docs is None else set()
    dropped = kept = copies = 0
    for d in iter_source_docs(root) if docs is None else docs:
        if real and is_real_copy(split_sentences(d.text), real):
            copies += 1
            continue
        sents = []
        for s in split_sentences(d.text):
            if is_contaminated(s, grams, DECONTAM_N):
                dropped += 1
            else:
                sents.append(s)
        kept += len(sents)
        yield d, sents
    cfg.log(f"decontamination: kept {kept} sentences, dropped {dropped}; {copies} near-copies of real eval docs")


def tuning_fold(index: int) -> int:
    """Fold of the index-th real tuning document (cross-fitting of the LM, the reranker, the threshold)."""
    return index % REAL_FOLDS


@dataclass
class TrainedLMs:
    full: CharNgramLM  # everything but the held-out guiding cases: the shipped LM
    without_fold: list[CharNgramLM]  # without_fold[k]: also without the real tuning documents of fold k
    statute_sents: list[str]
    stats: dict


def train_lm(root: Path, cfg: TrainConfig) -> TrainedLMs:
    """The shipped LM and the cross-fitting LMs (one count pass), the statute sentences, corpus statistics.

    The real tuning documents (LeCaRDv2) are LM text for the shipped model — judgments like them are
    what it reads — but the reranker and the threshold are fitted on candidates that an LM trained
    without them found: each fold's documents are scored by the LM that never saw them."""
    statute_sents: list[str] = []
    stats: dict = {"documents": {}, "characters": {}}

    def note(d: SourceDoc, sents: list[str]) -> None:
        stats["documents"][d.source] = stats["documents"].get(d.source, 0) + 1
        stats["characters"][d.source] = stats["characters"].get(d.source, 0) + sum(map(len, sents))
        if d.source == "statute":
            statute_sents.extend(sents)

    def base_docs():
        for d, sents in decontaminated_docs(root, cfg):
            note(d, sents)
            yield d.private, sents

    t = time.time()
    counts = count_ngrams(base_docs(), cfg.order)
    tuning = real_text_docs(root)["tuning"]
    fold_counts = []
    for k in range(REAL_FOLDS):
        fold_docs = [SourceDoc("judgment", True, d.text) for i, d in enumerate(tuning) if tuning_fold(i) == k]
        pairs = list(decontaminated_docs(root, cfg, fold_docs))
        for d, sents in pairs:
            note(d, sents)
        fold_counts.append(count_ngrams(((True, sents) for _, sents in pairs), cfg.order))
    cfg.log(f"counted n-grams in {time.time() - t:.0f}s: {[len(c) for c in counts.counts[1:]]}")
    without: list[CharNgramLM | None] = [None] * REAL_FOLDS
    for k in range(REAL_FOLDS):  # the base plus every fold but k
        for j in range(REAL_FOLDS):
            if j != k:
                counts.add(fold_counts[j])
        t = time.time()
        without[k] = train_kneser_ney(counts, cfg.min_counts)
        cfg.log(
            f"LM without tuning fold {k}: Kneser-Ney + pruning in {time.time() - t:.0f}s, {len(without[k])} n-grams"
        )
        for j in range(REAL_FOLDS):
            if j != k:
                counts.add(fold_counts[j], -1)
    for j in range(REAL_FOLDS):
        counts.add(fold_counts[j])
    t = time.time()
    full = train_kneser_ney(counts, cfg.min_counts)
    cfg.log(f"shipped LM: Kneser-Ney + pruning in {time.time() - t:.0f}s, {len(full)} n-grams kept")
    return TrainedLMs(full, [lm for lm in without if lm is not None], statute_sents, stats)


def build_whitelist(root: Path, statute_sents: Sequence[str]) -> set[str]:
    lex = root / "lexicon"
    terms = charge_terms(lex / "criminal_charges.txt") | thuocl_terms(lex / "THUOCL_law.txt")
    terms |= mine_terms(statute_sents)
    return terms


def build_confusion(root: Path, pairs: Sequence[CscPair], vocab: set[str]) -> ConfusionSet:
    cs = ConfusionSet.from_ecspell(root / ECSPELL / "confusion")
    cs.add_observed((p.src, p.tgt) for p in pairs)
    cs.restrict(vocab)
    return cs


def candidate_matrix(checker: SpellChecker, pairs: Sequence[CscPair]) -> tuple[np.ndarray, np.ndarray]:
    """Features of every candidate the checker generates on the pairs; label 1 = the gold correction."""
    xs, ys = [], []
    masks = [checker.protector.protected(p.src) for p in pairs]
    for p, cands in zip(pairs, checker.candidates_many([p.src for p in pairs], masks), strict=True):
        for c in cands:
            xs.append(c.features)
            changed = all(p.src[i] != p.tgt[i] for i in range(c.pos, c.end))
            ys.append(int(changed and p.tgt[c.pos : c.end] == c.replacement))
    return np.array(xs, dtype=np.float64).reshape(-1, len(FEATURES)), np.array(ys, dtype=np.int64)


def fit_reranker(x: np.ndarray, y: np.ndarray, c: float = 1.0) -> Reranker:
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit((x - mean) / scale, y)
    return Reranker(
        tuple(model.coef_[0].tolist()), float(model.intercept_[0]), tuple(mean.tolist()), tuple(scale.tolist())
    )


def predict(checker: SpellChecker, pairs: Sequence[CscPair], threshold: float) -> list[str]:
    return checker.correct_many([p.src for p in pairs], threshold=threshold)


def scored_dev(checker: SpellChecker, pairs: Sequence[CscPair]) -> list[list[tuple[int, str, float]]]:
    masks = [checker.protector.protected(p.src) for p in pairs]
    scored = checker.scored_many([p.src for p in pairs], masks)
    return [[(c.pos, c.replacement, conf) for c, conf in cands] for cands in scored]


def metrics_at(pairs: Sequence[CscPair], scored: list[list[tuple[int, str, float]]], thr: float) -> dict:
    preds = []
    for p, cands in zip(pairs, scored, strict=True):
        chars = list(p.src)
        for pos, rep, conf in cands:
            if conf >= thr:
                chars[pos : pos + len(rep)] = rep
        preds.append("".join(chars))
    return csc_metrics([p.src for p in pairs], [p.tgt for p in pairs], preds)


@dataclass
class RealCandidates:
    """Every spelling candidate the checker makes on real documents, as the detector would see them."""

    x: np.ndarray  # features
    y: np.ndarray  # 1 = hand-labelled right (real_labels.py), 0 = anything else
    labelled: np.ndarray  # has a hand label at all
    doc: np.ndarray  # document index
    sent: np.ndarray  # sentence index (over all documents)
    start: np.ndarray  # offsets in the normalised document text
    end: np.ndarray
    chars: int  # characters of normalised text over all documents
    keys: list[LabelKey]  # (document id, offset, original, replacement) of each candidate


def real_candidates(
    checkers: Sequence[TypoChecker], docs: Sequence[RealDoc], labels: dict[LabelKey, str]
) -> RealCandidates:
    """Candidates on the real tuning documents, each found by checkers[fold of the document] (the one
    whose LM never saw it)."""
    xs: list[tuple[float, ...]] = []
    meta: list[tuple[int, int, int, int, int, int]] = []
    keys: list[LabelKey] = []
    chars = 0
    sid = 0
    for di, d in enumerate(docs):
        typo = checkers[tuning_fold(di) % len(checkers)]
        text = normalize(d.text).text
        chars += len(text)
        _, spans, sents, masks = typo.prepare(text, doctypes.JUDGMENT, sentence_spans(text))
        for s0, cands in zip(spans, typo.spelling.candidates_many(sents, masks, text), strict=True):
            for c in cands:
                key = (d.doc_id, s0 + c.pos, c.original, c.replacement)
                verdict = labels.get(key)
                keys.append(key)
                xs.append(c.features)
                meta.append((int(verdict == "y"), int(verdict is not None), di, sid, s0 + c.pos, s0 + c.end))
            sid += 1
    m = np.array(meta, dtype=np.int64).reshape(-1, 6)
    x = np.array(xs, dtype=np.float64).reshape(-1, len(FEATURES))
    return RealCandidates(x, m[:, 0], m[:, 1].astype(bool), m[:, 2], m[:, 3], m[:, 4], m[:, 5], chars, keys)


def select_flags(rc: RealCandidates, conf: np.ndarray, threshold: float) -> np.ndarray:
    """Which candidates the checker would flag at the threshold: per sentence, highest confidence first,
    never two overlapping (one pass: what later passes add after a change is not modelled)."""
    idx = np.flatnonzero(conf >= threshold)
    chosen = np.zeros(len(conf), dtype=bool)
    used: dict[int, set[int]] = {}
    for i in idx[np.lexsort((-conf[idx], rc.sent[idx]))].tolist():
        taken = used.setdefault(int(rc.sent[i]), set())
        span = range(int(rc.start[i]), int(rc.end[i]))
        if not taken.intersection(span):
            taken.update(span)
            chosen[i] = True
    return chosen


def real_metrics(rc: RealCandidates, conf: np.ndarray, threshold: float) -> dict:
    flags = select_flags(rc, conf, threshold)
    n = int(flags.sum())
    right = int(rc.y[flags].sum())
    return {
        "threshold": threshold,
        "flags": n,
        "labelled": int(rc.labelled[flags].sum()),
        "right": right,
        "flags_per_10k_chars": round(n / rc.chars * 1e4, 3),
        "precision_floor": round(right / n, 4) if n else 1.0,
    }


def choose_threshold(rc: RealCandidates, conf: np.ndarray, cfg: TrainConfig) -> tuple[float, list[dict]]:
    """Lowest threshold whose real-text flag rate and precision (unlabelled = wrong) meet the targets;
    if none does, the one with the best precision among those within the flag-rate target."""
    curve = [real_metrics(rc, conf, t) for t in np.round(np.arange(0.02, 0.995, 0.01), 2).tolist()]
    within = [c for c in curve if c["flags_per_10k_chars"] <= cfg.max_flags_per_10k and c["flags"]]
    ok = [c for c in within if c["precision_floor"] >= cfg.min_precision]
    if ok:
        return ok[0]["threshold"], curve
    if within:
        return max(within, key=lambda c: (c["precision_floor"], c["flags"]))["threshold"], curve
    return curve[-1]["threshold"], curve


def dev_test_split(law: Sequence[CscPair]) -> tuple[list[CscPair], list[CscPair]]:
    folds = law_folds(list(law))
    return [p for k in DEV_FOLDS for p in folds[k]], [p for k in TEST_FOLDS for p in folds[k]]


def fold_lm_dir(out_dir: Path) -> Path:
    """Where the cross-fitting LMs are kept between runs (outside the model folder: they do not ship)."""
    import tempfile

    return Path(tempfile.gettempdir()) / "pingcha_typo_fold_lms" / out_dir.resolve().name


def train_all(root: Path, out_dir: Path, cfg: TrainConfig) -> dict:
    """Train every artefact into out_dir and return the training report (also written as train_report.json)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    eco = root / ECSPELL
    observed_pairs = [p for f in OBSERVED_FILES for p in load_ecspell(eco / f)]

    lms = train_lm(root, cfg)
    lms.full.save(out_dir / "lm.npz")
    folds_dir = fold_lm_dir(out_dir)
    folds_dir.mkdir(parents=True, exist_ok=True)
    for k, lm_k in enumerate(lms.without_fold):
        lm_k.save(folds_dir / f"lm_without_fold{k}.npz")
    vocab = {chr(int(k)) for k in lms.full.keys[1]}
    terms = build_whitelist(root, lms.statute_sents)
    (out_dir / "whitelist.txt").write_text("\n".join(sorted(terms)) + "\n", encoding="utf-8")
    statute_text = "".join(lms.statute_sents)
    misspell = common_misspellings(root / "lexicon" / "wordlists" / "常见错字错词.txt", statute_text)
    (out_dir / "misspellings.json").write_text(json.dumps(misspell, ensure_ascii=False, indent=0), encoding="utf-8")
    cfg.log(f"whitelist {len(terms)} terms, {len(misspell)} common misspellings")
    confusion = build_confusion(root, observed_pairs, vocab)
    confusion.save(out_dir / "confusion.json")
    report = {
        "order": cfg.order,
        "min_counts": cfg.min_counts,
        "ngrams_per_order": lms.full.sizes(),
        "corpus": lms.stats,
        "whitelist_terms": len(terms),
        "common_misspellings": len(misspell),
        "confusion_keys": len(confusion.sets),
    }
    (out_dir / "train_report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return train_reranker(root, out_dir, cfg)


def _checker(lm: CharNgramLM, out_dir: Path) -> TypoChecker:
    """A checker over the given LM and the confusion sets, whitelist and misspellings in out_dir."""
    terms = (out_dir / "whitelist.txt").read_text(encoding="utf-8").split()
    misspell = json.loads((out_dir / "misspellings.json").read_text(encoding="utf-8"))
    confusion = ConfusionSet.load(out_dir / "confusion.json")
    return TypoChecker(SpellChecker(lm, confusion, Protector(terms)), misspell)


def train_reranker(root: Path, out_dir: Path, cfg: TrainConfig) -> dict:
    """Fit the reranker and choose the threshold (reranker.json) over the artefacts already in out_dir
    and the cross-fitting LMs of `fold_lm_dir`; adds to out_dir/train_report.json and returns it."""
    folds_dir = fold_lm_dir(out_dir)
    fold_files = [folds_dir / f"lm_without_fold{k}.npz" for k in range(REAL_FOLDS)]
    if not all(f.exists() for f in fold_files):
        raise FileNotFoundError(f"cross-fitting LMs not found in {folds_dir}: run the full training first")
    typo = _checker(CharNgramLM.load(out_dir / "lm.npz"), out_dir)
    fold_checkers = [_checker(CharNgramLM.load(f), out_dir) for f in fold_files]
    checker = typo.spelling
    folds = law_folds(load_ecspell(root / ECSPELL / "domains" / "law.train"))
    dev_folds = [folds[k] for k in DEV_FOLDS]
    dev = [p for f in dev_folds for p in f]
    mats = [candidate_matrix(checker, f) for f in dev_folds]
    real_docs = real_text_docs(root)["tuning"]
    t = time.time()
    rc = real_candidates(fold_checkers, real_docs, LABELS)
    cfg.log(
        f"real tuning documents: {len(real_docs)}, {rc.chars} chars, {len(rc.y)} candidates ({time.time() - t:.0f}s)"
    )
    real_fold = tuning_fold(rc.doc)

    def fit_without(k: int | None) -> Reranker:
        """Reranker on the ECSpell dev folds and real folds other than k (all of them for k None)."""
        x = np.vstack([m[0] for j, m in enumerate(mats) if j != k] + [rc.x[real_fold != k]])
        y = np.concatenate([m[1] for j, m in enumerate(mats) if j != k] + [rc.y[real_fold != k]])
        return fit_reranker(x, y)

    # Cross-fitted confidences: each ECSpell dev fold and each real fold scored by a reranker fitted
    # on the others, so the threshold is not chosen on fitted data.
    real_conf = np.zeros(len(rc.y))
    folded = []
    for k in range(len(dev_folds)):
        folded.append(fit_without(k))
        sel = real_fold == k
        real_conf[sel] = folded[k].confidences(rc.x[sel])
    threshold, real_curve = choose_threshold(rc, real_conf, cfg)
    preds: list[str] = []
    for k in range(len(dev_folds)):
        checker.reranker = folded[k]
        preds += predict(checker, dev_folds[k], threshold)
    dev_metrics = csc_metrics([p.src for p in dev], [p.tgt for p in dev], preds)
    reranker = fit_without(None)
    checker.reranker, checker.threshold = reranker, threshold
    y = np.concatenate([m[1] for m in mats] + [rc.y])
    real_at = real_metrics(rc, real_conf, threshold)
    cfg.log(f"reranker fitted on {len(y)} candidates ({int(y.sum())} positive); threshold {threshold}")
    cfg.log(f"real tuning (cross-fitted): {real_at}")
    cfg.log(f"ECSpell dev (cross-fitted): {dev_metrics}")
    (out_dir / "reranker.json").write_text(
        json.dumps({**reranker.to_json(), "threshold": threshold}, indent=1), encoding="utf-8"
    )
    report_path = out_dir / "train_report.json"
    report = json.loads(report_path.read_text(encoding="utf-8")) if report_path.exists() else {}
    report.update(
        {
            "reranker_candidates": len(y),
            "reranker_positive": int(y.sum()),
            "reranker_candidates_real": len(rc.y),
            "reranker_positive_real": int(rc.y.sum()),
            "reranker_weights": dict(zip(FEATURES, reranker.weights, strict=True)),
            "targets": {"max_flags_per_10k": cfg.max_flags_per_10k, "min_precision": cfg.min_precision},
            "threshold": threshold,
            "real_tuning_documents": len(real_docs),
            "real_tuning_characters": rc.chars,
            "real_tuning_at_threshold": real_at,
            "real_tuning_curve": real_curve[::3],
            "ecspell_dev": dev_metrics,
        }
    )
    report_path.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return report
