"""Command line for detection quality: `evaluate` (gold JSONL) and `review sheet|score` (real text).

Standalone click commands; pipeline/cli.py adds them to the main group.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from ..cli_support import friendly, progress, screen_options
from ..errors import PingchaError
from .runner import SOURCES


@click.command("evaluate")
@click.option("--gold", "gold", multiple=True, required=True, type=click.Path(exists=True, dir_okay=False),
              help="Gold JSONL file (repeatable; the files are scored as one set).")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--source", type=click.Choice(SOURCES), default="rules", show_default=True,
              help="What predicts the flags: the rule detectors, the trained classifier, or both.")  # fmt: skip
@click.option("--detectors", default=None, help="Comma-separated detector names (default: all).")
@click.option("--out", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Also write the full JSON report to this file.")  # fmt: skip
@friendly
def evaluate(gold: tuple[str, ...], fmt: str, source: str, detectors: str | None, out: str | None) -> None:
    """Precision, recall and F1 per flag code (document and span level), code confusion and grade accuracy."""
    from .report import render_json, render_table
    from .runner import evaluate_files

    with progress("evaluating", transient=True) as bar:
        task = bar.add_task("", total=None)
        report = evaluate_files(
            gold,
            source,
            screen_options(detectors),
            on_loaded=lambda n: bar.update(task, total=n),
            on_progress=lambda: bar.advance(task),
        )
    if out:
        Path(out).write_text(render_json(report) + "\n", encoding="utf-8")
    click.echo(render_json(report) if fmt == "json" else render_table(report).rstrip())
    if out and fmt != "json":
        click.echo(f"JSON report -> {out}")


@click.group("review")
def review() -> None:
    """Review sheets: flags on real text for a person to mark right or wrong, and their precision."""


@review.command("sheet")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--corpus", type=click.Path(file_okay=False), default=None,
              help="Real-text case folder used when no PATHS are given [default: ../shared/corpus/cases].")  # fmt: skip
@click.option("--out", required=True, type=click.Path(dir_okay=False, writable=True), help="CSV sheet to write.")
@click.option("--sample", default=0, show_default=True, type=click.IntRange(0),
              help="At most N rows per code, drawn at random (0: every flag).")  # fmt: skip
@click.option("--seed", default=0, show_default=True, type=int, help="Seed of the per-code sample.")
@click.option("--detectors", default=None, help="Comma-separated detector names (default: all).")
@friendly
def review_sheet(paths: tuple[str, ...], corpus: str | None, out: str, sample: int, seed: int,
                 detectors: str | None) -> None:  # fmt: skip
    """Screen PATHS (or the real judgments and guiding cases) into a CSV review sheet."""
    from ..screen import check_documents
    from ..types import InputError
    from .review import DEFAULT_CORPUS, iter_corpus_documents, sample_rows, sheet_rows, write_sheet

    if paths:
        from ..ingest import iter_inputs

        items = iter_inputs(paths)
    else:
        root = Path(corpus) if corpus else DEFAULT_CORPUS
        if not root.is_dir():
            click.echo(f"skipped: no real-text corpus at {root} (it exists only beside the development checkout)")
            return
        items = iter_corpus_documents(root)
    results, errors, seen, duplicates = [], [], set(), 0
    with progress("screening", transient=True) as bar:
        task = bar.add_task("", total=None)
        for item in check_documents(items, screen_options(detectors)):
            if isinstance(item, InputError):
                errors.append(item)
            elif item.document.doc_id in seen:
                duplicates += 1  # the same text under another name: its flags are already on the sheet
            else:
                seen.add(item.document.doc_id)
                results.append(item)
                bar.advance(task)
    if not results:
        raise PingchaError(f"no documents could be screened ({len(errors)} inputs failed); check the paths")
    rows = sheet_rows(results)
    kept = sample_rows(rows, sample, seed)
    n = write_sheet(kept, Path(out))
    found, written = Counter(r["code"] for r in rows), Counter(r["code"] for r in kept)
    dup = f" ({duplicates} duplicate texts skipped)" if duplicates else ""
    click.echo(
        f"{len(results)} documents screened{dup}, {len(errors)} input or detector errors; "
        f"{n} of {len(rows)} flags -> {out}"
    )
    for code in sorted(found):
        click.echo(f"  {code:<24} {written[code]:>5} of {found[code]}")
    for e in errors[:5]:
        click.echo(f"  error {e.source}: {e.reason}", err=True)
    if len(errors) > 5:
        click.echo(f"  … and {len(errors) - 5} more errors", err=True)
    click.echo("mark the verdict column right / wrong / unsure, then: pingcha review score " + out)


@review.command("score")
@click.argument("sheet", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@friendly
def review_score(sheet: str, fmt: str) -> None:
    """Precision per code from a marked review sheet, with Wilson 95% intervals (unsure rows excluded)."""
    from .report import render_json, render_score_table
    from .review import score_sheet

    score = score_sheet(Path(sheet))
    click.echo(render_json(score) if fmt == "json" else render_score_table(score).rstrip())
