"""Run a predictor (rules, a classifier, or both) over gold documents and score it.

Anything with `predict(document) -> list[Flag]` can be evaluated, so classifiers plug in without
touching the metrics. The predicted grade is `pipeline.grade.grade` over the predicted flags, as in screening.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from ..doctypes import NAMES_ZH
from ..errors import PingchaError
from ..grade import grade
from ..normalize import looks_traditional, normalize
from ..paths import REPO_ROOT
from ..screen import Screener, ScreenOptions
from ..structure import detect_doc_type
from ..types import Document, Flag, InputError, make_doc_id
from .gold import read_gold
from .metrics import GoldDocument, LabelledFlag, Prediction, evaluate, label_agreement

SOURCES = ("rules", "classifier", "combined")
CLASSIFIER_DIR = REPO_ROOT / "models" / "classifier"


class ClassifierNotFound(PingchaError):
    """`--source classifier|combined` was asked for but no trained classifier is available."""


@runtime_checkable
class Predictor(Protocol):
    """What the evaluation needs from a flag source. It may also keep `problems: list[InputError]`
    (failures it recorded without raising, like a detector that crashed on one document)."""

    name: str

    def predict(self, document: Document) -> list[Flag]: ...


class RulePredictor:
    """The rule detectors, through the same `Screener` that bulk screening uses."""

    name = "rules"

    def __init__(self, options: ScreenOptions | None = None) -> None:
        self.screener = Screener(options or ScreenOptions())
        self.version = self.screener.version
        self.problems: list[InputError] = []

    def predict(self, document: Document) -> list[Flag]:
        result, problems = self.screener.screen(document)
        self.problems.extend(problems)
        return result.flags


class CombinedPredictor:
    """The union of several sources' flags (rules + classifier): a code is predicted if any source predicts it."""

    name = "combined"

    def __init__(self, parts: Sequence[Predictor]) -> None:
        self.parts = list(parts)

    @property
    def problems(self) -> list[InputError]:
        return [p for part in self.parts for p in getattr(part, "problems", ())]

    def predict(self, document: Document) -> list[Flag]:
        return [f for part in self.parts for f in part.predict(document)]


def load_classifier(path: Path = CLASSIFIER_DIR) -> Predictor:
    """The trained classifier predictor. No classifier is trained in this build yet, so this explains that."""
    if path.exists():
        raise ClassifierNotFound(
            f"found {path} but no classifier loader is wired into the evaluation yet; use --source rules"
        )
    raise ClassifierNotFound(
        f"no trained classifier found at {path}; run the classifier training into that folder first "
        "(not part of this build yet), or evaluate the rules with --source rules"
    )


def load_predictor(source: str, options: ScreenOptions | None = None) -> Predictor:
    if source == "rules":
        return RulePredictor(options)
    if source == "classifier":
        return load_classifier()
    if source == "combined":
        classifier = load_classifier()  # first: fail before the rules pipeline is built
        return CombinedPredictor([RulePredictor(options), classifier])
    raise PingchaError(f"unknown source {source!r}; expected one of {', '.join(SOURCES)}")


def gold_as_document(gold: GoldDocument, origin: str = "gold") -> Document:
    """The gold text as an input document: gold offsets are raw offsets, as evidence offsets are."""
    return Document(make_doc_id(gold.text), f"{origin}#{gold.id}", gold.text, meta={"gold_id": gold.id})


def as_labelled(flags: Sequence[Flag]) -> tuple[LabelledFlag, ...]:
    return tuple(LabelledFlag(f.code, tuple((e.start, e.end) for e in f.evidence)) for f in flags)


def predict_all(
    golds: Sequence[GoldDocument],
    predictor: Predictor,
    *,
    origin: str = "gold",
    on_progress: Callable[[], Any] | None = None,
) -> tuple[list[Prediction], list[dict[str, str]]]:
    """Predictions in gold order, and the documents that failed (scored as predicting nothing)."""
    predictions, errors = [], []
    for gold in golds:
        try:
            flags = predictor.predict(gold_as_document(gold, origin))
        except Exception as e:  # one failing document must not end an evaluation of thousands; it is reported
            errors.append({"id": gold.id, "reason": f"{type(e).__name__}: {e}"})
            flags = []
        predictions.append(Prediction(as_labelled(flags), grade(flags)))
        if on_progress is not None:
            on_progress()
    return predictions, errors


def evaluate_predictor(
    golds: Sequence[GoldDocument],
    predictor: Predictor,
    *,
    origin: str = "gold",
    on_progress: Callable[[], Any] | None = None,
) -> dict[str, Any]:
    """The metrics report (see metrics.evaluate), doc type recognition, and run facts: source, timing, failures."""
    started = time.perf_counter()
    predictions, errors = predict_all(golds, predictor, origin=origin, on_progress=on_progress)
    seconds = time.perf_counter() - started
    errors += [{"id": p.source, "reason": p.reason} for p in getattr(predictor, "problems", ())]
    report = evaluate(golds, predictions)
    # The document type decides which elements and clocks apply, so its recognition is scored too.
    detected = [detect_doc_type(normalize(g.text, simplify=looks_traditional(g.text)).text) for g in golds]
    report["doc_type"] = label_agreement([g.doc_type for g in golds], detected, list(NAMES_ZH))
    run = {
        "source": predictor.name,
        "version": getattr(predictor, "version", None),
        "seconds": round(seconds, 2),
        "docs_per_second": round(len(golds) / seconds, 1) if seconds else None,
        "errors": errors,
    }
    return {"run": run, **report}


def evaluate_files(
    gold_paths: Sequence[str | Path],
    source: str = "rules",
    options: ScreenOptions | None = None,
    *,
    on_progress: Callable[[], Any] | None = None,
    on_loaded: Callable[[int], Any] | None = None,
) -> dict[str, Any]:
    """Read every gold file, screen the documents with `source`, score them as one set."""
    golds = [g for path in gold_paths for g in read_gold(path)]
    if on_loaded is not None:
        on_loaded(len(golds))
    predictor = load_predictor(source, options)
    origin = ",".join(Path(p).name for p in gold_paths)
    report = evaluate_predictor(golds, predictor, origin=origin, on_progress=on_progress)
    report["run"]["gold"] = [str(p) for p in gold_paths]
    report["run"]["detectors"] = list(options.detectors) if options and options.detectors else "all"
    return report
