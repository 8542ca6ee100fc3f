"""Plain-text reports of an evaluation: the metrics table and the error list per article."""
from __future__ import annotations

from typing import Dict, Iterable, List, Mapping, Optional, Union

from ..model import ENTITY_LABELS, Article, Entity, Quantity, TimeExpr
from .scoring import (
    ROLES, WRONG_BOUNDARY, WRONG_ROLE, Evaluation, ItemError, normalisation_text, role_detail, value_text,
)

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


def _describe(item: Union[Entity, TimeExpr, Quantity], article: Optional[Article], *, full: bool = True) -> str:
    """Span, covered text and label/type/kind; with ``full``, also the value or normalisation."""
    text = article.span_text(item.span) if article is not None else None
    shown = f"[{item.start}, {item.end})" + (f" {text!r}" if text is not None else "")
    if isinstance(item, Entity):
        return f"{shown} {item.label}"
    if isinstance(item, TimeExpr):
        return f"{shown} {item.type}" + (f" {normalisation_text(item)}" if full else "")
    return f"{shown} {item.kind}" + (f" {value_text(item)}" if full else "")


def error_line(error: ItemError, article: Optional[Article] = None) -> str:
    """One error: kind, layer, the gold item (or the spurious prediction), a differing predicted span, detail."""
    head = f"  {error.kind:<15}{error.layer:<9}"
    if error.gold is None or error.pred is None:
        return head + _describe(error.gold or error.pred, article)  # type: ignore[arg-type]
    line = head + _describe(error.gold, article, full=error.kind == WRONG_ROLE)
    if error.pred.span != error.gold.span:
        text = article.span_text(error.pred.span) if article is not None else None
        line += f"  pred [{error.pred.start}, {error.pred.end})" + (f" {text!r}" if text is not None else "")
    detail = error.detail
    if error.roles and article is not None and article.text is not None:
        detail = role_detail(error.gold, error.pred, error.roles, article.text)
    if detail and error.kind != WRONG_BOUNDARY:  # the predicted span says it all
        line += f"  ({detail})"
    return line


def error_lines(evaluation: Evaluation, articles: Iterable[Article] = ()) -> List[str]:
    """The errors grouped by article (in gold order) and sorted by position; texts shown when known."""
    by_id: Dict[str, Article] = {a.id: a for a in articles}
    grouped: Dict[str, List[ItemError]] = {}
    for error in evaluation.errors:
        grouped.setdefault(error.article_id, []).append(error)
    lines: List[str] = []
    for article_id, errors in grouped.items():
        lines.append(f"{article_id} ({len(errors)} errors)")
        for error in sorted(errors, key=lambda e: (e.start, e.layer, e.kind)):
            lines.append(error_line(error, by_id.get(article_id)))
    return lines


def error_summary(evaluation: Evaluation) -> str:
    """Counts of each error kind per layer, one line per layer."""
    lines = []
    for layer in ("entity", "time", "quantity"):
        counts = {k: v for k, v in evaluation.error_counts(layer).items() if v}
        shown = ", ".join(f"{k} {v}" for k, v in counts.items()) or "none"
        lines.append(f"{layer} errors: {shown}")
    return "\n".join(lines)


def evaluation_report(evaluation: Evaluation, articles: Iterable[Article] = (), *, errors: bool = False) -> str:
    """The metrics table, the error counts and, with ``errors``, every error per article."""
    parts = [metrics_table(evaluation.metrics()), "", error_summary(evaluation)]
    if errors:
        lines = error_lines(evaluation, articles)
        parts += ["", *lines] if lines else ["", "no errors"]
    return "\n".join(parts)


def role_error_counts(gold: Iterable[Article], pred: Iterable[Article]) -> Dict[str, int]:
    """Counts of fact-role errors on quantities whose spans overlap, by role and kind.

    Kinds: ``missing`` (gold has the role, prediction has none), ``spurious`` (prediction has one, gold none),
    ``other span`` (both, not overlapping), and for change ``gold→pred`` pairs.
    """
    from .scoring import overlap

    predicted = {a.id: a for a in pred}
    counts: Dict[str, int] = {}
    for g in gold:
        p = predicted.get(g.id)
        if p is None:
            continue
        for gq in g.quantities:
            pq = max(p.quantities, key=lambda q: overlap(q.span, gq.span), default=None)
            if pq is None or not overlap(pq.span, gq.span):
                continue
            for role in ("subject", "metric", "time"):
                gs, ps = getattr(gq, role), getattr(pq, role)
                kind = None
                if gs is not None and ps is None:
                    kind = "missing"
                elif gs is None and ps is not None:
                    kind = "spurious"
                elif gs is not None and not overlap(gs, ps):
                    kind = "other span"
                if kind:
                    key = f"{role}: {kind}"
                    counts[key] = counts.get(key, 0) + 1
            if gq.change != pq.change:
                key = f"change: {gq.change}→{pq.change}"
                counts[key] = counts.get(key, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def role_error_table(counts: Mapping[str, int]) -> str:
    lines = ["| role error | count |", "|---|---:|"]
    lines += [f"| {key} | {value} |" for key, value in counts.items()]
    return "\n".join(lines)
