"""Orchestration: documents -> contexts -> detectors -> graded results, in one process or many.

Workers run analysis only; the calling process is the single writer to the store, committing one
document at a time, so a killed run loses at most the documents in flight and a rerun skips what is done.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any

from . import __version__
from .analyze import build_context
from .detectors.base import load_detectors
from .errors import IngestFailure, PingchaError
from .grade import grade
from .store.base import Store
from .taxonomy import SEVERITY_WEIGHT
from .types import Document, InputError, ScreeningResult


@dataclass(frozen=True)
class ScreenOptions:
    detectors: tuple[str, ...] | None = None  # None = all registered
    segment: bool = True  # load spaCy/jieba; a document is segmented only when a detector reads ctx.nlp_doc
    simplify: bool | None = None  # traditional -> simplified (None: when the text looks traditional)
    strict: bool = False  # re-raise the first error instead of recording it


class Screener:
    """Screens one document at a time; build once per process (loading the NLP pipeline takes a second)."""

    def __init__(self, options: ScreenOptions = ScreenOptions()) -> None:
        self.options = options
        self.detectors = load_detectors(options.detectors)
        self.nlp = None
        if options.segment:
            from .segment import build_nlp

            self.nlp = build_nlp()
        signature = "|".join(f"{d.name}@{d.version}" for d in self.detectors)
        self.version = f"{__version__}+{hashlib.sha1(signature.encode()).hexdigest()[:8]}"

    def screen(self, document: Document) -> tuple[ScreeningResult, list[InputError]]:
        """The result plus any detector failures (recorded, not fatal, unless strict)."""
        ctx = build_context(document, nlp=self.nlp, simplify=self.options.simplify)
        flags = []
        problems: list[InputError] = []
        for detector in self.detectors:
            try:
                flags.extend(detector.detect(ctx))
            except Exception as e:
                if self.options.strict:
                    raise
                problems.append(
                    InputError(document.source, f"detector {detector.name} failed: {type(e).__name__}: {e}")
                )
        flags.sort(key=lambda f: (-SEVERITY_WEIGHT[f.severity], -f.confidence, f.code))
        return ScreeningResult(document, ctx.doc_type, grade(flags), flags, self.version), problems


@dataclass
class RunSummary:
    run_id: str = ""
    screened: int = 0
    skipped: int = 0  # already screened by this pipeline version (resume) or duplicate content
    errors: int = 0
    chars: int = 0
    seconds: float = 0.0
    flags_by_code: dict[str, int] = field(default_factory=dict)


# -- worker side ----------------------------------------------------------------------------------
_WORKER: Screener | None = None


def _init_worker(options: ScreenOptions) -> None:
    global _WORKER
    _WORKER = Screener(options)


def _screen_in_worker(document: Document) -> tuple[ScreeningResult | None, list[InputError]]:
    assert _WORKER is not None
    return _safe_screen(_WORKER, document)


def _safe_screen(screener: Screener, document: Document) -> tuple[ScreeningResult | None, list[InputError]]:
    try:
        return screener.screen(document)
    except Exception as e:
        if screener.options.strict:
            raise
        return None, [InputError(document.source, f"screening failed: {type(e).__name__}: {e}")]


# -- driver ---------------------------------------------------------------------------------------
def screen_into_store(
    items: Iterable[Document | InputError],
    store: Store,
    *,
    inputs: list[str],
    options: ScreenOptions = ScreenOptions(),
    workers: int = 1,
    force: bool = False,
    on_progress: Callable[[str], Any] | None = None,
) -> RunSummary:
    """Screen every input into `store`; every input ends screened, skipped as already done, or as an error."""
    started = time.perf_counter()
    screener = Screener(options) if workers <= 1 else None
    version = screener.version if screener else Screener(_light(options)).version
    summary = RunSummary(run_id=store.start_run(inputs, version))
    # Same content seen again while its first copy is still in flight: its source is recorded once the
    # first copy is stored (or gets the first copy's error), never before.
    in_flight: dict[str, list[str]] = {}
    status = "failed"

    def pending() -> Iterator[Document]:
        for item in items:
            if isinstance(item, InputError):
                if options.strict:
                    raise IngestFailure(f"{item.source}: {item.reason}")
                store.save_error(item, summary.run_id)
                summary.errors += 1
                _tick(on_progress, item.source)
            elif item.doc_id in in_flight:
                in_flight[item.doc_id].append(item.source)
                summary.skipped += 1
                _tick(on_progress, item.source)
            elif not force and store.is_screened(item.doc_id, version):
                store.add_source(item.doc_id, item.source)
                summary.skipped += 1
                _tick(on_progress, item.source)
            else:
                in_flight[item.doc_id] = []
                yield item

    def record(doc: Document, result: ScreeningResult | None, problems: list[InputError]) -> None:
        for p in problems:
            store.save_error(p, summary.run_id, stage="screen")
        copies = in_flight.pop(doc.doc_id, [])
        if result is None:
            summary.errors += 1
            for source in copies:
                store.save_error(InputError(source, f"same content as {doc.source}, which failed"), summary.run_id)
        else:
            store.save_result(result, summary.run_id)
            for source in copies:
                store.add_source(doc.doc_id, source)
            summary.screened += 1
            summary.chars += len(result.document.raw)
            for f in result.flags:
                summary.flags_by_code[f.code] = summary.flags_by_code.get(f.code, 0) + 1
        _tick(on_progress, doc.source)

    try:
        if screener is not None:
            for doc in pending():
                record(doc, *_safe_screen(screener, doc))
        else:
            _run_parallel(pending(), options, workers, record)
        status = "done"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        summary.seconds = time.perf_counter() - started
        store.finish_run(
            summary.run_id, screened=summary.screened, skipped=summary.skipped, errors=summary.errors, status=status
        )
    return summary


def _run_parallel(
    docs: Iterator[Document],
    options: ScreenOptions,
    workers: int,
    record: Callable[[Document, ScreeningResult | None, list[InputError]], None],
) -> None:
    # A bounded window of futures keeps memory flat however many documents the input holds.
    window = workers * 4
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(options,)) as pool:
        running: dict[Future, Document] = {}
        for doc in docs:
            running[pool.submit(_screen_in_worker, doc)] = doc
            if len(running) >= window:
                _drain(running, record)
        while running:
            _drain(running, record)


def _drain(running: dict[Future, Document], record: Callable) -> None:
    done, _ = wait(running, return_when=FIRST_COMPLETED)
    for fut in done:
        doc = running.pop(fut)
        record(doc, *fut.result())


def _light(options: ScreenOptions) -> ScreenOptions:
    """Same detectors without the NLP pipeline: enough to compute the version in the parent process."""
    return ScreenOptions(options.detectors, False, options.simplify, options.strict)


def _tick(callback: Callable[[str], Any] | None, source: str) -> None:
    if callback is not None:
        callback(source)


def check_documents(
    items: Iterable[Document | InputError], options: ScreenOptions = ScreenOptions()
) -> Iterator[ScreeningResult | InputError]:
    """Screen without storing (for `pingcha check`)."""
    screener = Screener(options)
    for item in items:
        if isinstance(item, InputError):
            if options.strict:
                raise PingchaError(f"{item.source}: {item.reason}")
            yield item
            continue
        result, problems = _safe_screen(screener, item)
        yield from problems
        if result is not None:
            yield result
