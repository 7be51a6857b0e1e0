"""Detection quality: metrics against gold JSONL, the evaluation runner, reports and real-text review sheets."""

from .gold import GoldFormatError, iter_gold, parse_gold, read_gold
from .metrics import GoldDocument, LabelledFlag, Prediction, derive_grade, evaluate, match_spans
from .runner import CombinedPredictor, Predictor, RulePredictor, evaluate_files, evaluate_predictor, load_predictor

__all__ = [
    "CombinedPredictor",
    "GoldDocument",
    "GoldFormatError",
    "LabelledFlag",
    "Prediction",
    "Predictor",
    "RulePredictor",
    "derive_grade",
    "evaluate",
    "evaluate_files",
    "evaluate_predictor",
    "iter_gold",
    "load_predictor",
    "match_spans",
    "parse_gold",
    "read_gold",
]
