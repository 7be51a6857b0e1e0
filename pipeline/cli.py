"""Command line: thin wrappers over library calls. Errors become one clear line and a non-zero exit."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from .cli_support import friendly, progress, screen_options
from .evaluate.command import evaluate, review
from .paths import sample_folders
from .screen import RunSummary, ScreenOptions, check_documents, screen_into_store
from .store import QUEUE_STATUSES, QueueRow, open_store
from .synth.command import synth
from .types import InputError, ScreeningResult


@click.group()
@click.version_option(package_name="pingcha")
def main() -> None:
    """pingcha (评查): screen Chinese criminal case documents for defects and violation indicators."""


def _screen(
    paths: tuple[str, ...], db: str, workers: int, options: ScreenOptions, force: bool, text_column: str | None
) -> RunSummary:
    from .ingest import iter_inputs

    with open_store(db) as store, progress("screening") as bar:
        task = bar.add_task("", total=None)

        def tick(source: str) -> None:
            bar.update(task, advance=1, description=Path(source.split("#")[0].split("!")[0]).name)

        summary = screen_into_store(
            iter_inputs(paths, text_column=text_column),
            store,
            inputs=list(paths),
            options=options,
            workers=workers,
            force=force,
            on_progress=tick,
        )
    return summary


def _print_summary(summary: RunSummary, db: str) -> None:
    rate = summary.screened / summary.seconds if summary.seconds else 0.0
    click.echo(
        f"run {summary.run_id}: {summary.screened} screened, {summary.skipped} already done, "
        f"{summary.errors} errors in {summary.seconds:.1f}s ({rate:.1f} docs/s) -> {db}"
    )
    if summary.flags_by_code:
        click.echo("flags: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.flags_by_code.items())))
    if summary.errors:
        click.echo(f"see the reasons with: pingcha errors --db {db}")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="SQLite queue file (created if absent).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Worker processes.")
@click.option("--strict", is_flag=True, help="Stop at the first bad input instead of recording it.")
@click.option("--force", is_flag=True, help="Re-screen documents already screened by this pipeline version.")
@click.option(
    "--simplify",
    is_flag=True,
    help="Always convert traditional to simplified (default: when the text looks traditional).",
)
@click.option("--detectors", default=None, help="Comma-separated detector names (default: all).")
@click.option("--text-column", default=None, help="Text column of JSONL/CSV/Parquet exports (default: guessed).")
@friendly
def screen(
    paths: tuple[str, ...],
    db: str,
    workers: int,
    strict: bool,
    force: bool,
    simplify: bool,
    detectors: str | None,
    text_column: str | None,
) -> None:
    """Screen files, folders, zips and JSONL/CSV/Parquet exports into the queue."""
    summary = _screen(
        paths, db, workers, screen_options(detectors, simplify=simplify, strict=strict), force, text_column
    )
    _print_summary(summary, db)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True)
@click.option(
    "--simplify",
    is_flag=True,
    help="Always convert traditional to simplified (default: when the text looks traditional).",
)
@click.option("--strict", is_flag=True, help="Fail on the first bad input.")
@click.option("--detectors", default=None, help="Comma-separated detector names (default: all).")
@click.option("--text-column", default=None, help="Text column of JSONL/CSV/Parquet exports.")
@friendly
def check(
    paths: tuple[str, ...], fmt: str, simplify: bool, strict: bool, detectors: str | None, text_column: str | None
) -> None:
    """Screen documents without storing; print one result per document."""
    from .ingest import iter_inputs

    failed = False
    for item in check_documents(
        iter_inputs(paths, text_column=text_column), screen_options(detectors, simplify=simplify, strict=strict)
    ):
        if isinstance(item, InputError):
            failed = True
            if fmt == "json":
                click.echo(json.dumps({"source": item.source, "error": item.reason}, ensure_ascii=False))
            else:
                click.echo(f"ERROR {item.source}: {item.reason}", err=True)
        elif fmt == "json":
            click.echo(json.dumps(item.to_dict(), ensure_ascii=False))
        else:
            _print_result(item)
    if failed:
        sys.exit(1)


def _print_result(r: ScreeningResult) -> None:
    click.echo(f"{r.document.source}  [{r.doc_type}]  grade={r.grade}  flags={len(r.flags)}")
    for f in r.flags:
        click.echo(f"  {f.severity:<6} {f.code:<24} {f.confidence:.2f}  {f.reason}")
        for e in f.evidence:
            click.echo(f"         @{e.start}-{e.end}  「{e.text}」")
        click.echo(f"         basis: {f.basis}")


@main.group()
def queue() -> None:
    """The triage queue."""


@queue.command("list")
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1))
@click.option(
    "--status", "statuses", multiple=True, type=click.Choice(QUEUE_STATUSES), default=("open",), show_default=True
)
@click.option("--code", default=None, help="Only items of this flag code.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@friendly
def queue_list(db: str, limit: int, statuses: tuple[str, ...], code: str | None, fmt: str) -> None:
    """Highest priority first, with the reasons for the priority."""
    with open_store(db) as store:
        rows = store.queue(limit=limit, statuses=statuses, code=code)
    if fmt == "json":
        for r in rows:
            click.echo(json.dumps(r.__dict__, ensure_ascii=False))
        return
    _print_queue(rows)


def _print_queue(rows: list[QueueRow]) -> None:
    """Two lines per item, readable at any terminal width and in logs."""
    if not rows:
        click.echo("the queue is empty")
    for r in rows:
        click.echo(
            f"#{r.item_id:<5} {r.priority:5.1f}  {r.code} ({r.severity}, {r.confidence:.2f})  "
            f"{_short(r.source)}  [{r.doc_type}, {r.grade}]"
        )
        click.echo(f"       「{_clip(r.evidence, 40)}」 {_clip(r.reason, 100)}")
        click.echo(f"       why: {r.why}")


def _short(source: str) -> str:
    """A source under the current folder is shown relative to it."""
    if not os.path.isabs(source):
        return source
    rel = os.path.relpath(source)
    return source if rel.startswith("..") else rel


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


@main.command()
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), required=True)
@click.option("--out", required=True, type=click.Path(dir_okay=False))
@click.option("--mask", is_flag=True, help="Mask ID numbers, phone and card numbers in the export.")
@friendly
def export(db: str, fmt: str, out: str, mask: bool) -> None:
    """Export the flag list (CSV opens in Excel: UTF-8 with BOM)."""
    from .export import WRITERS

    with open_store(db) as store:
        n = WRITERS[fmt](store.iter_flags(), Path(out), mask=mask)
    click.echo(f"{n} flags -> {out}")


@main.command()
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False))
@friendly
def errors(db: str) -> None:
    """Inputs that could not be screened, with their reasons."""
    with open_store(db) as store:
        rows = store.errors()
    for e in rows:
        click.echo(f"{e['stage']:<7} {e['source']}: {e['reason']}")
    click.echo(f"{len(rows)} errors")


@main.command()
@click.option("--db", default="pingcha-demo.db", show_default=True, type=click.Path(dir_okay=False))
@click.option("--limit", default=15, show_default=True, type=click.IntRange(1))
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64))
@friendly
def demo(db: str, limit: int, workers: int) -> None:
    """Screen the bundled sample corpus into an SQLite queue and show the top of the queue."""
    folders = tuple(str(p) for p in sample_folders())
    summary = _screen(folders, db, workers, ScreenOptions(), False, None)
    _print_summary(summary, db)
    with open_store(db) as store:
        stats = store.stats()
        click.echo(f"documents by grade: {stats['grades']}")
        _print_queue(store.queue(limit=limit))
    click.echo(f"next: pingcha queue list --db {db} | pingcha export --db {db} --format csv --out flags.csv")


main.add_command(evaluate)
main.add_command(review)
main.add_command(synth)


if __name__ == "__main__":  # pragma: no cover
    main()
