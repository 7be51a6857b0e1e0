"""Confusion sets: for a character, the characters it is commonly mistyped for, and how they relate.

Built at training time from the ECSpell sets (../shared/corpus/spelling/ecspell/confusion: sound and
shape similarity, and the NCU NLPLab set, which is in traditional characters and is converted to
simplified here), plus confusion pairs observed in the spelling-check training files (never the
evaluation files). Stored as JSON: {"kinds": [...], "sets": {char: {candidate: bitmask}}} compacted
to {char: [candidates_string, [bitmask, ...]]}.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

SOUND = 1  # ECSpell soundConfusion (same or similar pinyin)
SHAPE = 2  # ECSpell shapeConfusion (similar glyph)
NCU = 4  # NCU NLPLab confusion set (sound and shape, traditional → simplified)
OBSERVED = 8  # seen as an error → correction pair in the spelling-check training files
KINDS = {"sound": SOUND, "shape": SHAPE, "ncu": NCU, "observed": OBSERVED}
# Pairs the wording rules own (其它/其他, 帐/账, 做出/作出, 截止/截至): the LM must not second-guess them.
RULE_OWNED = frozenset(
    {("它", "他"), ("他", "它"), ("帐", "账"), ("账", "帐"), ("作", "做"), ("做", "作"), ("止", "至"), ("至", "止")}
)


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


class ConfusionSet:
    def __init__(self, sets: dict[str, dict[str, int]], observed: dict[str, int] | None = None):
        self.sets = sets
        self.observed = observed or {}  # "wc" (wrong+correct) -> times seen in training files

    def candidates(self, ch: str) -> dict[str, int]:
        return self.sets.get(ch, {})

    def __contains__(self, ch: str) -> bool:
        return ch in self.sets

    def add(self, wrong: str, correct: str, kind: int) -> None:
        if wrong != correct and _is_han(wrong) and _is_han(correct) and (wrong, correct) not in RULE_OWNED:
            d = self.sets.setdefault(wrong, {})
            d[correct] = d.get(correct, 0) | kind

    # --- building ------------------------------------------------------------------------------
    @classmethod
    def from_ecspell(cls, confusion_dir: Path) -> ConfusionSet:
        cs = cls({})
        for name, kind in (("soundConfusion.json", SOUND), ("shapeConfusion.json", SHAPE)):
            data = json.loads((confusion_dir / name).read_text(encoding="utf-8"))
            for k, vs in data.items():
                for v in vs:
                    cs.add(k, v, kind)
        ncu = confusion_dir / "NCU_NLPLab_ConfusionSet.txt"
        if ncu.exists():
            import opencc

            t2s = opencc.OpenCC("t2s")
            for line in ncu.read_text(encoding="utf-8").splitlines():
                if "," not in line:
                    continue
                k, vs = line.split(",", 1)
                k = t2s.convert(k.strip())
                for v in t2s.convert(vs.strip()):
                    cs.add(k, v, NCU)
        return cs

    def add_observed(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Error pairs from aligned training sentences (source, target of equal length)."""
        seen: Counter = Counter()
        for src, tgt in pairs:
            for a, b in zip(src, tgt, strict=True):
                if a != b and _is_han(a) and _is_han(b):
                    seen[a + b] += 1
                    self.add(a, b, OBSERVED)
        self.observed = dict(seen)

    def restrict(self, vocab: set[str]) -> None:
        """Drop candidates the language model has never seen: they could never win anyway."""
        for k in list(self.sets):
            d = {c: m for c, m in self.sets[k].items() if c in vocab}
            if d:
                self.sets[k] = d
            else:
                del self.sets[k]

    # --- storage -------------------------------------------------------------------------------
    def to_json(self) -> dict:
        return {
            "kinds": KINDS,
            "sets": {k: ["".join(d), list(d.values())] for k, d in sorted(self.sets.items())},
            "observed": self.observed,
        }

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> ConfusionSet:
        data = json.loads(path.read_text(encoding="utf-8"))
        sets: dict[str, dict[str, int]] = defaultdict(dict)
        for k, (chars, masks) in data["sets"].items():
            sets[k] = dict(zip(chars, masks, strict=True))
        return cls(dict(sets), data.get("observed", {}))
