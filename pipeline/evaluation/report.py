"""Plain-text reports of an evaluation: the metrics table and the error list per article."""
from __future__ import annotations

from typing import Dict, Iterable, List, Mapping, Optional, Union

from ..model import ENTITY_LABELS, Article, Entity, Quantity, TimeExpr
from .scoring import ROLES, Evaluation, ItemError, normalisation_text, value_text

Metrics = Mapping[str, Union[int, float]]

_HEADER = f"{'':<22}{'P':>7}{'R':>7}{'F':>7}{'gold':>7}{'pred':>7}{'tp':>7}"


def _row(name: str, metrics: Metrics, prefix: str, gold: Optional[str] = None, pred: Optional[str] = None) -> str:
    sep = "." if "." in prefix else "_"
    g = metrics[gold] if gold else metrics.get(f"{prefix}{sep}gold", "")
    p = metrics[pred] if pred else metrics.get(f"{prefix}{sep}pred", "")
    return (f"{name:<22}{metrics[f'{prefix}{sep}p']:>7.3f}{metrics[f'{prefix}{sep}r']:>7.3f}"
            f"{metrics[f'{prefix}{sep}f']:>7.3f}{g:>7}{p:>7}{metrics[f'{prefix}{sep}tp']:>7}")


def _accuracy(name: str, metrics: Metrics, key: str, correct: str, total: str) -> str:
    return f"{name:<22}{metrics[key]:>7.3f}   ({metrics[correct]}/{metrics[total]})"


def metrics_table(metrics: Metrics) -> str:
    """All metrics of ``Evaluation.metrics()`` as an aligned text table."""
    lines = [f"articles: {metrics['articles']}", _HEADER,
             _row("entities (strict)", metrics, "ents"),
             _row("entities (partial)", metrics, "ents_partial", "ents_gold", "ents_pred")]
    for label in ENTITY_LABELS:
        lines.append(_row(f"  {label}", metrics, f"ents_per_label.{label}"))
        lines.append(_row(f"  {label} (partial)", metrics, f"ents_partial_per_label.{label}",
                          f"ents_per_label.{label}.gold", f"ents_per_label.{label}.pred"))
    lines += [_row("times", metrics, "times"),
              _row("quantities", metrics, "quantities"),
              _row("quantities (span)", metrics, "quantities_span", "quantities_gold", "quantities_pred"),
              _row("facts", metrics, "facts", "quantities_gold", "quantities_pred"),
              "",
              _accuracy("times normalised", metrics, "times_norm_acc", "times_norm_correct", "times_tp")]
    for role in ROLES:
        lines.append(_accuracy(f"fact {role}", metrics, f"facts_{role}_acc", f"facts_{role}_correct",
                               "quantities_tp"))
    return "\n".join(lines)


def _describe(item: Union[Entity, TimeExpr, Quantity, None], article: Optional[Article]) -> str:
    if item is None:
        return "-"
    text = article.span_text(item.span) if article is not None else None
    shown = f" {text!r}" if text is not None else ""
    if isinstance(item, Entity):
        what = item.label
    elif isinstance(item, TimeExpr):
        what = f"{item.type} {normalisation_text(item)}"
    else:
        what = f"{item.kind} {value_text(item)}"
    return f"[{item.start}, {item.end}){shown} {what}"


def error_lines(evaluation: Evaluation, articles: Iterable[Article] = ()) -> List[str]:
    """The errors grouped by article (in gold order) and sorted by position; texts shown when known."""
    by_id: Dict[str, Article] = {a.id: a for a in articles}
    grouped: Dict[str, List[ItemError]] = {}
    for error in evaluation.errors:
        grouped.setdefault(error.article_id, []).append(error)
    lines: List[str] = []
    for article_id, errors in grouped.items():
        article = by_id.get(article_id)
        lines.append(f"{article_id} ({len(errors)} errors)")
        for error in sorted(errors, key=lambda e: (e.start, e.layer, e.kind)):
            line = (f"  {error.kind:<15}{error.layer:<9}gold {_describe(error.gold, article)}"
                    f"  pred {_describe(error.pred, article)}")
            if error.detail:
                line += f"  ({error.detail})"
            lines.append(line)
    return lines


def error_summary(evaluation: Evaluation) -> str:
    """Counts of each error kind per layer, one line per layer."""
    lines = []
    for layer in ("entity", "time", "quantity"):
        counts = {k: v for k, v in evaluation.error_counts(layer).items() if v}
        shown = ", ".join(f"{k} {v}" for k, v in counts.items()) or "none"
        lines.append(f"{layer} errors: {shown}")
    return "\n".join(lines)
