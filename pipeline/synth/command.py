"""`pingcha synth`: generate the labelled corpus (train/dev/test JSONL + data card)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click

from .dataset import card_tables, counts, write_jsonl
from .facts import SHIPPED, build_guiding_facts, external_facts
from .generate import Options, generate_splits
from .readme import card


@click.command("synth")
@click.option("--seed", type=int, default=20240601, show_default=True, help="Random seed (same seed, same bytes).")
@click.option("--n", "n", type=click.IntRange(min=3), default=600, show_default=True, help="Documents in all splits.")
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=Path("data/synth"),
              show_default=True, help="Folder for train.jsonl, dev.jsonl, test.jsonl and README.md.")  # fmt: skip
@click.option("--corpus", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="../shared/corpus: also use CAIL2019 criminal fact paragraphs (never commit that output).")  # fmt: skip
@click.option("--clean-share", type=click.FloatRange(0, 1), default=0.4, show_default=True,
              help="Share of documents without any defect.")  # fmt: skip
@click.option("--refresh-guiding", is_flag=True, help="Rebuild data/synth/guiding_facts.jsonl from --corpus first.")
@click.option("--no-card", is_flag=True, help="Do not write README.md (statistics still printed).")
def synth(
    seed: int, n: int, out: Path, corpus: Path | None, clean_share: float, refresh_guiding: bool, no_card: bool
) -> None:
    """Generate synthetic procuratorial documents with injected, span-labelled defects."""
    if corpus is not None and not corpus.is_dir():
        raise click.ClickException(f"--corpus {corpus}: no such folder (expected ../shared/corpus)")
    if refresh_guiding:
        if corpus is None:
            raise click.ClickException("--refresh-guiding needs --corpus (the guiding cases are read from it)")
        from ..paths import data_path

        k = build_guiding_facts(corpus, data_path(*SHIPPED))
        click.echo(f"guiding facts: {k} -> {data_path(*SHIPPED)}", err=True)
    facts = external_facts(corpus)
    cail = sum(1 for f in facts if f.origin == "cail2019")
    t0 = time.perf_counter()
    by_split = generate_splits(seed, n, facts, Options(clean_share=clean_share))
    seconds = time.perf_counter() - t0
    for split, recs in by_split.items():
        write_jsonl(recs, out / f"{split}.jsonl")
    stats = counts(by_split)
    if not no_card:
        (out / "README.md").write_text(
            card(seed, n, clean_share, cail > 0, stats, card_tables(stats)), encoding="utf-8"
        )
    total = sum(len(r) for r in by_split.values())
    click.echo(f"{total} documents in {seconds:.1f}s ({total / seconds:.0f} docs/s) -> {out}", err=True)
    click.echo(json.dumps(stats, ensure_ascii=False, indent=1))
