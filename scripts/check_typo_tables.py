"""List every hit of the hand-made typo tables (data/typo) in the real legal text of ../shared/corpus.

    .venv/bin/python scripts/check_typo_tables.py [--shared ../shared/corpus] [--max 20]

Run it after adding a row to legal_confusables.tsv or a phrase to legal_phrases.txt, and read each hit:
a row that matches correct usage must be narrowed (look-arounds) or dropped. Prints hits with ±15
characters of context to the terminal; writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.paths import data_path
from pipeline.typo.checker import TypoChecker
from pipeline.typo.corpus import DEFAULT_SHARED, iter_source_docs, real_text_docs
from pipeline.typo.wording import rule_findings, table_rules


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--max", type=int, default=20, help="hits shown per row")
    args = ap.parse_args()
    if not (args.shared / "cases").exists():
        print(f"skipped: {args.shared} not found")
        return 0
    rules = table_rules(data_path("typo", "legal_confusables.tsv"))
    phrases = TypoChecker.load().phrases
    docs = [("train", d.text) for d in iter_source_docs(args.shared)]
    docs += [(split, d.text) for split, ds in real_text_docs(args.shared).items() for d in ds]
    hits: dict[str, list[str]] = defaultdict(list)
    chars = 0
    for source, text in docs:
        chars += len(text)
        found = rule_findings(text, "other", rules) + (phrases.findings(text) if phrases else [])
        for f in found:
            key = f.reason if f.rule == "set_phrase" else f"{f.original}→{f.suggestion}"
            ctx = text[max(0, f.start - 15) : f.end + 15].replace("\n", " ")
            hits[f"{f.rule}: {key}"].append(f"{source}: {ctx}")
    print(f"{len(docs)} documents, {chars} characters")
    for key, found in sorted(hits.items(), key=lambda kv: -len(kv[1])):
        print(f"\n{key}  ({len(found)})")
        for line in found[: args.max]:
            print("   ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
