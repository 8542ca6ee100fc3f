"""Scoring of predicted articles against gold, exactly as ``ANNOTATION.md`` §5 defines it.

Pure functions over :class:`pipeline.model.Article`; nothing here reads files, runs the pipeline or prints.

**Pairing.** Within each article, gold and predicted items pair one-to-one, greedily by largest character
overlap. Each score has a *match criterion*; only pairs that overlap (share at least one character) and meet the
criterion are candidates, and the greedy pass takes candidates in this order:

1. larger overlap first;
2. then smaller boundary disagreement ``|gold.start - pred.start| + |gold.end - pred.end|``;
3. then earlier gold span, then earlier predicted span (by ``(start, end)``);
4. then the items' canonical JSON, so the result never depends on input order.

A candidate is taken when neither of its items is taken yet. The criteria:

- entities strict: same span and same label; entities partial: overlapping span and same label;
- times: overlapping span and same ``type``; normalisation accuracy is then measured on those pairs
  (equal ``from`` and ``to`` for a DATE, equal ``duration`` string for a DURATION);
- quantities, headline: overlapping span **and** ``value``, ``min``, ``max`` agreeing within a relative 1e-6
  (``None`` only equals ``None``) **and** equal ``unit``. The value check is part of the criterion, so pairing
  happens *among value-agreeing candidates*; it is not "pair by overlap first, then check values". A prediction
  whose span overlaps two gold quantities therefore pairs with the one it agrees with, even when its overlap
  with the other is larger. This is the same rule as for entity labels and time types: the criterion filters
  candidates, overlap orders them;
- quantities, span-only: overlapping span, any value (a separate pairing);
- facts: a headline-matched quantity pair is a correct fact when subject, metric and time each overlap their
  gold spans (or both are ``None``) and ``change`` is equal. Fact P/R/F has tp = correct facts,
  fp = predicted quantities - tp, fn = gold quantities - tp. Each role's accuracy is its share of correct
  values over the headline-matched pairs.

**Zero denominators.** As in spaCy's ``PRFScore``, a precision, recall, F or accuracy with nothing to count is
``0.0`` (an absent label scores 0, so its threshold in the quality gate can only be 0).

**Articles.** Articles pair by ``id``. A gold article without a prediction counts all its items as missed; a
predicted article not in the gold is ignored (so a whole-corpus run can be scored against a gold subset). A
prediction whose ``text_sha256`` differs from its gold article's is refused: its offsets point into other text.

Metric keys are flat and stable (see :meth:`Evaluation.metrics`); every entity label is always present.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple, TypeVar, Union

from ..model import ENTITY_LABELS, Article, Entity, Quantity, Span, TimeExpr

Item = Union[Entity, TimeExpr, Quantity]
T = TypeVar("T", Entity, TimeExpr, Quantity)

VALUE_REL_TOL = 1e-6
ROLES = ("subject", "metric", "time", "change")

# Error kinds, nervaluate-style names for what went wrong with one item.
MISSED = "missed"
SPURIOUS = "spurious"
WRONG_LABEL = "wrong label"
WRONG_BOUNDARY = "wrong boundary"
WRONG_TYPE = "wrong type"
WRONG_VALUE = "wrong value"
WRONG_ROLE = "wrong role"
ERROR_KINDS = (MISSED, SPURIOUS, WRONG_LABEL, WRONG_BOUNDARY, WRONG_TYPE, WRONG_VALUE, WRONG_ROLE)


class ScoringError(ValueError):
    """Gold and prediction cannot be compared (for example their texts differ)."""


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


@dataclass
class PRFScore:
    """Counts true positives, false positives and false negatives; gives precision, recall and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, *, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def add_counts(self, *, matched: int, gold: int, pred: int) -> None:
        """Add one comparison: ``matched`` pairs out of ``gold`` gold and ``pred`` predicted items."""
        self.add(tp=matched, fp=pred - matched, fn=gold - matched)

    def __iadd__(self, other: "PRFScore") -> "PRFScore":
        self.add(tp=other.tp, fp=other.fp, fn=other.fn)
        return self

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def pred(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def fscore(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Accuracy:
    """Share of correct outcomes."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += int(ok)
        self.total += 1

    def __iadd__(self, other: "Accuracy") -> "Accuracy":
        self.correct += other.correct
        self.total += other.total
        return self

    @property
    def value(self) -> float:
        return _ratio(self.correct, self.total)


@dataclass(frozen=True)
class ItemError:
    """One thing wrong in one article: a missed, spurious or wrongly valued item (see ``ERROR_KINDS``)."""

    article_id: str
    layer: str  # "entity", "time" or "quantity"
    kind: str
    gold: Optional[Item] = None
    pred: Optional[Item] = None
    detail: str = ""
    roles: Tuple[str, ...] = ()  # the wrong roles of a "wrong role" error

    @property
    def start(self) -> int:
        return (self.gold or self.pred).start  # type: ignore[union-attr]


# --- pairing -------------------------------------------------------------------------------------------------


def overlap(a: Optional[Span], b: Optional[Span]) -> int:
    """Number of characters two half-open spans share (0 when either is None)."""
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _canonical(item: Item) -> str:
    return json.dumps(item.to_json(), sort_keys=True, ensure_ascii=False)


def pair_greedy(gold: Sequence[T], pred: Sequence[T],
                compatible: Callable[[T, T], bool] = lambda g, p: True) -> List[Tuple[int, int]]:
    """One-to-one pairs ``(gold_index, pred_index)`` of overlapping, compatible items, largest overlap first.

    The tie-breaking order is documented in the module docstring; the result is sorted by gold index.
    """
    gold_keys = [_canonical(g) for g in gold]
    pred_keys = [_canonical(p) for p in pred]
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            shared = overlap(g.span, p.span)
            if shared and compatible(g, p):
                disagreement = abs(g.start - p.start) + abs(g.end - p.end)
                candidates.append((-shared, disagreement, g.span, p.span, gold_keys[gi], pred_keys[pi], gi, pi))
    candidates.sort()
    gold_taken, pred_taken, pairs = set(), set(), []
    for *_, gi, pi in candidates:
        if gi not in gold_taken and pi not in pred_taken:
            gold_taken.add(gi)
            pred_taken.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


# --- criteria ------------------------------------------------------------------------------------------------


def same_entity(g: Entity, p: Entity) -> bool:
    return g.span == p.span and g.label == p.label


def same_label(g: Entity, p: Entity) -> bool:
    return g.label == p.label


def same_time_type(g: TimeExpr, p: TimeExpr) -> bool:
    return g.type == p.type


def same_normalisation(g: TimeExpr, p: TimeExpr) -> bool:
    """Equal ``from``/``to`` for a DATE, equal ``duration`` for a DURATION."""
    if g.type == "DURATION":
        return g.duration == p.duration
    return g.date_from == p.date_from and g.date_to == p.date_to


def values_agree(a: Optional[float], b: Optional[float]) -> bool:
    """Equal within a relative 1e-6; None equals only None."""
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=VALUE_REL_TOL, abs_tol=0.0)


def same_value(g: Quantity, p: Quantity) -> bool:
    """The headline quantity criterion besides overlap: value, min, max and unit agree."""
    return (values_agree(g.value, p.value) and values_agree(g.min, p.min) and values_agree(g.max, p.max)
            and g.unit == p.unit)


def role_correct(role: str, g: Quantity, p: Quantity) -> bool:
    """A span role is right when both spans overlap or both are None; ``change`` must be equal."""
    if role == "change":
        return g.change == p.change
    gs, ps = getattr(g, role), getattr(p, role)
    if gs is None or ps is None:
        return gs is None and ps is None
    return overlap(gs, ps) > 0


# --- per-article scoring -------------------------------------------------------------------------------------


def _sorted(items: Iterable[T]) -> List[T]:
    return sorted(items, key=lambda x: (x.start, x.end, _canonical(x)))


def _labels(entities: Iterable[Entity], label: str) -> int:
    return sum(1 for e in entities if e.label == label)


@dataclass
class Evaluation:
    """Accumulated counts over articles; :meth:`metrics` gives the flat metric dict."""

    articles: int = 0
    ents: PRFScore = field(default_factory=PRFScore)
    ents_partial: PRFScore = field(default_factory=PRFScore)
    ents_per_label: Dict[str, PRFScore] = field(default_factory=lambda: {k: PRFScore() for k in ENTITY_LABELS})
    ents_partial_per_label: Dict[str, PRFScore] = field(
        default_factory=lambda: {k: PRFScore() for k in ENTITY_LABELS})
    times: PRFScore = field(default_factory=PRFScore)
    times_norm: Accuracy = field(default_factory=Accuracy)
    quantities: PRFScore = field(default_factory=PRFScore)
    quantities_span: PRFScore = field(default_factory=PRFScore)
    facts: PRFScore = field(default_factory=PRFScore)
    roles: Dict[str, Accuracy] = field(default_factory=lambda: {r: Accuracy() for r in ROLES})
    errors: List[ItemError] = field(default_factory=list)

    def add(self, gold: Article, pred: Optional[Article]) -> None:
        """Score one article; ``pred`` None means nothing was predicted for it."""
        if pred is not None and pred.id != gold.id:
            raise ScoringError(f"prediction {pred.id!r} compared with gold article {gold.id!r}")
        if pred is not None and gold.sha256 and pred.sha256 and gold.sha256 != pred.sha256:
            raise ScoringError(
                f"article {gold.id}: the prediction's text_sha256 differs from the gold's, so its offsets point "
                f"into a different text; predict from the same canonical text as the gold")
        self.articles += 1
        self._add_entities(gold.id, _sorted(gold.entities), _sorted(pred.entities) if pred else [])
        self._add_times(gold.id, _sorted(gold.times), _sorted(pred.times) if pred else [])
        self._add_quantities(gold.id, _sorted(gold.quantities), _sorted(pred.quantities) if pred else [])

    def _add_entities(self, article_id: str, gold: List[Entity], pred: List[Entity]) -> None:
        strict = pair_greedy(gold, pred, same_entity)
        partial = pair_greedy(gold, pred, same_label)
        self.ents.add_counts(matched=len(strict), gold=len(gold), pred=len(pred))
        self.ents_partial.add_counts(matched=len(partial), gold=len(gold), pred=len(pred))
        for label in ENTITY_LABELS:
            n_gold, n_pred = _labels(gold, label), _labels(pred, label)
            self.ents_per_label[label].add_counts(
                matched=sum(1 for gi, _ in strict if gold[gi].label == label), gold=n_gold, pred=n_pred)
            self.ents_partial_per_label[label].add_counts(
                matched=sum(1 for gi, _ in partial if gold[gi].label == label), gold=n_gold, pred=n_pred)
        # Explain what strict matching left: an overlap with the same label is a boundary error, else a label error.
        g_rest, p_rest = _leftovers(gold, pred, strict)
        explained = pair_greedy(g_rest, p_rest)
        for gi, pi in explained:
            g, p = g_rest[gi], p_rest[pi]
            if g.label == p.label:
                self._error(article_id, "entity", WRONG_BOUNDARY, g, p,
                            f"span [{g.start}, {g.end}) predicted as [{p.start}, {p.end})")
            else:
                detail = f"{g.label} predicted as {p.label}"
                if g.span != p.span:
                    detail += f", span [{g.start}, {g.end}) as [{p.start}, {p.end})"
                self._error(article_id, "entity", WRONG_LABEL, g, p, detail)
        self._unpaired(article_id, "entity", g_rest, p_rest, explained)

    def _add_times(self, article_id: str, gold: List[TimeExpr], pred: List[TimeExpr]) -> None:
        pairs = pair_greedy(gold, pred, same_time_type)
        self.times.add_counts(matched=len(pairs), gold=len(gold), pred=len(pred))
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            ok = same_normalisation(g, p)
            self.times_norm.add(ok)
            if not ok:
                self._error(article_id, "time", WRONG_VALUE, g, p,
                            f"{normalisation_text(g)} predicted as {normalisation_text(p)}")
        g_rest, p_rest = _leftovers(gold, pred, pairs)
        explained = pair_greedy(g_rest, p_rest)
        for gi, pi in explained:
            g, p = g_rest[gi], p_rest[pi]
            self._error(article_id, "time", WRONG_TYPE, g, p, f"{g.type} predicted as {p.type}")
        self._unpaired(article_id, "time", g_rest, p_rest, explained)

    def _add_quantities(self, article_id: str, gold: List[Quantity], pred: List[Quantity]) -> None:
        headline = pair_greedy(gold, pred, same_value)
        spans = pair_greedy(gold, pred)
        self.quantities.add_counts(matched=len(headline), gold=len(gold), pred=len(pred))
        self.quantities_span.add_counts(matched=len(spans), gold=len(gold), pred=len(pred))
        correct_facts = 0
        for gi, pi in headline:
            g, p = gold[gi], pred[pi]
            wrong = []
            for role in ROLES:
                ok = role_correct(role, g, p)
                self.roles[role].add(ok)
                if not ok:
                    wrong.append(role)
            if wrong:
                self._error(article_id, "quantity", WRONG_ROLE, g, p, role_detail(g, p, wrong), tuple(wrong))
            else:
                correct_facts += 1
        self.facts.add_counts(matched=correct_facts, gold=len(gold), pred=len(pred))
        g_rest, p_rest = _leftovers(gold, pred, headline)
        explained = pair_greedy(g_rest, p_rest)
        for gi, pi in explained:
            g, p = g_rest[gi], p_rest[pi]
            self._error(article_id, "quantity", WRONG_VALUE, g, p, f"{value_text(g)} predicted as {value_text(p)}")
        self._unpaired(article_id, "quantity", g_rest, p_rest, explained)

    def _unpaired(self, article_id: str, layer: str, gold: Sequence[Item], pred: Sequence[Item],
                  pairs: List[Tuple[int, int]]) -> None:
        missed, spurious = _leftovers(gold, pred, pairs)
        for item in missed:
            self._error(article_id, layer, MISSED, item, None)
        for item in spurious:
            self._error(article_id, layer, SPURIOUS, None, item)

    def _error(self, article_id: str, layer: str, kind: str, gold: Optional[Item], pred: Optional[Item],
               detail: str = "", roles: Tuple[str, ...] = ()) -> None:
        self.errors.append(ItemError(article_id, layer, kind, gold, pred, detail, roles))

    def error_counts(self, layer: Optional[str] = None) -> Dict[str, int]:
        """Number of errors of each kind (all kinds present), optionally for one layer."""
        counts = {kind: 0 for kind in ERROR_KINDS}
        for error in self.errors:
            if layer is None or error.layer == layer:
                counts[error.kind] += 1
        return counts

    def metrics(self) -> Dict[str, Union[int, float]]:
        """The flat metric dict, keys sorted. Scores are floats in [0, 1]; ``*_gold``/``*_pred``/``*_tp`` count."""
        out: Dict[str, Union[int, float]] = {"articles": self.articles}
        _put_prf(out, "ents", self.ents, counts=True)
        _put_prf(out, "ents_partial", self.ents_partial)
        for label in ENTITY_LABELS:
            _put_prf(out, f"ents_per_label.{label}", self.ents_per_label[label], counts=True)
            _put_prf(out, f"ents_partial_per_label.{label}", self.ents_partial_per_label[label])
        _put_prf(out, "times", self.times, counts=True)
        out["times_norm_acc"] = self.times_norm.value
        out["times_norm_correct"] = self.times_norm.correct
        _put_prf(out, "quantities", self.quantities, counts=True)
        _put_prf(out, "quantities_span", self.quantities_span)
        _put_prf(out, "facts", self.facts)
        for role in ROLES:
            out[f"facts_{role}_acc"] = self.roles[role].value
            out[f"facts_{role}_correct"] = self.roles[role].correct
        return dict(sorted(out.items()))


def _put_prf(out: dict, prefix: str, score: PRFScore, *, counts: bool = False) -> None:
    sep = "." if "." in prefix else "_"
    out[f"{prefix}{sep}p"] = score.precision
    out[f"{prefix}{sep}r"] = score.recall
    out[f"{prefix}{sep}f"] = score.fscore
    out[f"{prefix}{sep}tp"] = score.tp
    if counts:
        out[f"{prefix}{sep}gold"] = score.gold
        out[f"{prefix}{sep}pred"] = score.pred


def _leftovers(gold: Sequence[T], pred: Sequence[T], pairs: List[Tuple[int, int]]) -> Tuple[List[T], List[T]]:
    gold_used, pred_used = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
    return ([g for i, g in enumerate(gold) if i not in gold_used],
            [p for i, p in enumerate(pred) if i not in pred_used])


def normalisation_text(t: TimeExpr) -> str:
    """A time's normalised value, for reports."""
    if t.type == "DURATION":
        return f"duration {t.duration or 'null'}"
    return f"{t.date_from or 'null'}..{t.date_to or 'null'}"


def _number(x: Optional[float]) -> str:
    return "null" if x is None else f"{x:g}"


def value_text(q: Quantity) -> str:
    """A quantity's value (or range) and unit, for reports."""
    if q.value is None and (q.min is not None or q.max is not None):
        number = f"{_number(q.min)}..{_number(q.max)}"
    else:
        number = _number(q.value)
    return f"{number} {q.unit!r}"


def role_detail(g: Quantity, p: Quantity, roles: Iterable[str], text: Optional[str] = None) -> str:
    """What is wrong with the roles of a matched quantity, e.g. ``subject: [9, 13) 魅视科技 predicted as null``."""
    def show(value) -> str:
        if value is None or isinstance(value, str):
            return "null" if value is None else value
        shown = f"[{value[0]}, {value[1]})"
        return f"{shown} {text[value[0]:value[1]]}" if text is not None else shown
    return "; ".join(f"{r}: {show(getattr(g, r))} predicted as {show(getattr(p, r))}" for r in roles)


def score_articles(gold: Iterable[Article], pred: Iterable[Article]) -> Evaluation:
    """Score predictions against gold articles, pairing articles by id (see the module docstring)."""
    predicted: Dict[str, Article] = {}
    for article in pred:
        if article.id in predicted:
            raise ScoringError(f"article {article.id} is predicted twice; keep one record per id")
        predicted[article.id] = article
    evaluation = Evaluation()
    for article in gold:
        evaluation.add(article, predicted.get(article.id))
    return evaluation
