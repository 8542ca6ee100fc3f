"""Evaluation harness: gold loading, scoring (``ANNOTATION.md`` §5), reports and the quality gate.

``evaluate(gold_path, ...)`` loads the gold, runs the pipeline over its texts (or reads a prediction file) and
scores; ``check_thresholds`` compares metrics with the committed thresholds (``corpora/gold/thresholds.json``).
The segmentation and BIO NER scorers live beside these modules (``segmentation.py``, ``bio.py``).
"""
from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Mapping, Optional, Union

from ..model import Article
from .gold import GoldError, GoldPaths, load_articles, load_gold
from .scoring import Evaluation, ItemError, PRFScore, ScoringError, score_articles

__all__ = [
    "EvalRun", "Evaluation", "GoldError", "ItemError", "PRFScore", "ScoringError", "ThresholdFailure",
    "check_thresholds", "default_corpus_root", "evaluate", "floor_metrics", "load_articles", "load_gate",
    "load_gold", "metrics_json", "predict", "raise_thresholds", "save_gate", "score_articles",
]

#: Tolerance of the quality gate, for floats written and read back.
GATE_TOLERANCE = 1e-9


def default_corpus_root(env: Optional[Mapping[str, str]] = None) -> Path:
    """``NEWSFACTS_DATA`` when set, else ``../shared/data`` (relative to the working folder)."""
    env = os.environ if env is None else env
    return Path(env.get("NEWSFACTS_DATA") or Path("..") / "shared" / "data")


def predict(articles: Iterable[Article], config=None) -> List[Article]:
    """Run the pipeline over the articles' texts (their gold annotations are not passed on)."""
    from ..config import Config
    from ..nlp import annotate_many, build_nlp

    nlp = build_nlp(config or Config())
    bare = [Article(id=a.id, text=a.text, date=a.date, source=a.source) for a in articles]
    return list(annotate_many(nlp, bare))


@dataclass(frozen=True)
class EvalRun:
    """The gold, the predictions and their scores."""

    gold: List[Article]
    pred: List[Article]
    evaluation: Evaluation

    def metrics(self) -> Dict[str, Union[int, float]]:
        return self.evaluation.metrics()


def evaluate(gold_path: GoldPaths, *, corpus_root: Optional[Union[str, os.PathLike]] = None,
             pred_path: Optional[Union[str, os.PathLike]] = None, config=None) -> EvalRun:
    """Score the pipeline (or the predictions in ``pred_path``) on the gold at ``gold_path``."""
    gold = load_gold(gold_path, corpus_root=corpus_root)
    pred = load_articles(pred_path) if pred_path is not None else predict(gold, config)
    return EvalRun(gold, pred, score_articles(gold, pred))


def metrics_json(metrics: Mapping[str, Union[int, float]]) -> str:
    """Metrics as stable JSON: sorted keys, scores rounded to 6 decimals, nothing time-dependent."""
    rounded = {k: (round(v, 6) if isinstance(v, float) else v) for k, v in sorted(metrics.items())}
    return json.dumps(rounded, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


# --- quality gate --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ThresholdFailure:
    """A metric below its threshold (``value`` None: the metric is missing)."""

    metric: str
    value: Optional[float]
    threshold: float

    def __str__(self) -> str:
        if self.value is None:
            return f"{self.metric}: missing (threshold {self.threshold:.3f})"
        return f"{self.metric}: {self.value:.4f} < threshold {self.threshold:.3f}"


def check_thresholds(metrics: Mapping[str, Union[int, float]],
                     thresholds: Mapping[str, float]) -> List[ThresholdFailure]:
    """Every threshold metric that is missing or below its threshold (by more than ``GATE_TOLERANCE``)."""
    failures = []
    for name, threshold in sorted(thresholds.items()):
        value = metrics.get(name)
        if value is None or value < threshold - GATE_TOLERANCE:
            failures.append(ThresholdFailure(name, value, threshold))
    return failures


def is_score(name: str) -> bool:
    """Whether a metric is a score in [0, 1] (gated), not a count."""
    return name.rsplit(".", 1)[-1] in ("p", "r", "f") or name.endswith(("_p", "_r", "_f", "_acc"))


def floor_metrics(metrics: Mapping[str, Union[int, float]], decimals: int = 3) -> Dict[str, float]:
    """The score metrics rounded down to ``decimals``: thresholds the current scores pass."""
    scale = 10 ** decimals
    # The small nudge keeps 0.7 (stored as 0.69999…) at 0.7 rather than 0.699.
    return {k: math.floor(v * scale + 1e-9) / scale for k, v in sorted(metrics.items()) if is_score(k)}


def raise_thresholds(thresholds: Mapping[str, float], metrics: Mapping[str, Union[int, float]],
                     decimals: int = 3) -> Dict[str, float]:
    """Thresholds raised to the current scores (rounded down); a threshold is never lowered."""
    current = floor_metrics(metrics, decimals)
    merged = dict(current)
    for name, old in thresholds.items():
        merged[name] = max(old, current.get(name, old))
    return dict(sorted(merged.items()))


def load_gate(path: Union[str, os.PathLike]) -> Dict[str, dict]:
    """The gold sets of a thresholds file: ``{name: {"files", "needs_corpus_root", "thresholds"}}``."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return data["sets"]


def save_gate(path: Union[str, os.PathLike], sets: Mapping[str, dict]) -> None:
    """Write a thresholds file deterministically (sorted keys, a trailing newline), keeping its ``_about``."""
    path = Path(path)
    about = json.loads(path.read_text(encoding="utf-8")).get("_about") if path.exists() else None
    data = {"_about": about, "sets": sets} if about else {"sets": sets}
    path.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
