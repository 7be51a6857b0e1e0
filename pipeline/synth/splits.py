"""Train / dev / test assignment by fact source, so that one fact paragraph never appears in two splits.

A source id (guiding case number, CAIL case id, or a composed fact's own id) is hashed with a fixed salt;
the hash decides the split. External facts are therefore partitioned once and for all, whatever the seed;
composed facts are new for every document and land wherever their id falls.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from .facts import Fact

SPLITS = ("train", "dev", "test")
SHARES = (0.7, 0.15, 0.15)


def split_of(source_id: str) -> str:
    h = int.from_bytes(hashlib.sha256(f"pingcha-split:{source_id}".encode()).digest()[:8], "big") / 2**64
    acc = 0.0
    for name, share in zip(SPLITS, SHARES, strict=True):
        acc += share
        if h < acc:
            return name
    return SPLITS[-1]


def facts_for(split: str, facts: Iterable[Fact]) -> list[Fact]:
    return [f for f in facts if split_of(f.source_id) == split]


def sizes(n: int, shares: Sequence[float] = SHARES) -> dict[str, int]:
    """n documents divided by the split shares (train takes the rounding remainder)."""
    out = {name: round(n * share) for name, share in zip(SPLITS, shares, strict=True)}
    out[SPLITS[0]] = n - sum(out[s] for s in SPLITS[1:])
    return out
