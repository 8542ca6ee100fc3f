"""Character BIO corpora (MSRA, People's Daily 1998 NER) and strict span scoring per label.

Readers yield ``BioSentence`` (characters and IOB2 tags); ``bio_spans`` turns tags into half-open character
spans with our label names; ``score_entities`` compares gold and predicted spans as sets of
``(start, end, label)`` per sentence, the way ``spacy.scorer`` does for ``ents_per_type``.
Pure functions: no spaCy, no model.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Set, Tuple

#: Corpus tag suffix → our entity label (ANNOTATION.md §2).
BIO_LABELS: Mapping[str, str] = {
    "PER": "PERSON", "PERSON": "PERSON", "NR": "PERSON",
    "LOC": "LOC", "NS": "LOC", "GPE": "LOC",
    "ORG": "ORG", "NT": "ORG",
    "PRODUCT": "PRODUCT",
}

LabeledSpan = Tuple[int, int, str]


@dataclass(frozen=True)
class BioSentence:
    """One sentence: its characters (each a one-character string) and their IOB2 tags."""

    chars: Tuple[str, ...]
    tags: Tuple[str, ...]

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def spans(self, label_map: Mapping[str, str] = BIO_LABELS) -> List[LabeledSpan]:
        return bio_spans(self.tags, label_map)


def parse_bio_lines(lines: Iterable[str], *, sep: Optional[str] = None) -> Iterator[BioSentence]:
    """Sentences from ``char<sep>tag`` lines, a blank line between sentences.

    ``sep`` None accepts a tab or a space (the tag is what follows the last one), so a full-width space
    ``"\u3000"`` as the character survives. A line whose character part is not exactly one character is
    rejected, because offsets are character indices.
    """
    chars: List[str] = []
    tags: List[str] = []
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if not line.strip(" \t"):
            if chars:
                yield BioSentence(tuple(chars), tuple(tags))
                chars, tags = [], []
            continue
        if sep is not None:
            char, _, tag = line.rpartition(sep)
        else:
            cut = max(line.rfind("\t"), line.rfind(" ", 1))
            char, tag = (line[:cut], line[cut + 1:]) if cut > 0 else ("", line)
        if len(char) != 1:
            raise ValueError(f"line {number}: expected one character and a tag, got {raw!r}")
        chars.append(char)
        tags.append(tag.strip())
    if chars:
        yield BioSentence(tuple(chars), tuple(tags))


def read_bio(path: "os.PathLike[str] | str", *, sep: Optional[str] = None) -> List[BioSentence]:
    """All sentences of a BIO file (MSRA ``char\\ttag`` or People's Daily 1998 ``char tag``)."""
    with open(path, encoding="utf-8-sig") as handle:
        return list(parse_bio_lines(handle, sep=sep))


def bio_spans(tags: Sequence[str], label_map: Mapping[str, str] = BIO_LABELS) -> List[LabeledSpan]:
    """Half-open ``(start, end, label)`` spans from IOB2 tags.

    As in conlleval, an ``I-X`` that does not continue an ``X`` span opens a new one. Tag types missing from
    ``label_map`` are dropped (their characters count as outside).
    """
    spans: List[LabeledSpan] = []
    start: Optional[int] = None
    kind: Optional[str] = None
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, tag_kind = tag.partition("-")
        continues = prefix in ("I", "M", "E") and tag_kind == kind and start is not None
        if not continues and start is not None:
            if kind in label_map:
                spans.append((start, i, label_map[kind]))
            start, kind = None, None
        if prefix in ("B", "S") or (prefix in ("I", "M", "E") and not continues):
            start, kind = i, tag_kind
        if prefix == "S" and start is not None:
            # single-character span closes at once (BIOES corpora)
            if kind in label_map:
                spans.append((i, i + 1, label_map[kind]))
            start, kind = None, None
    return spans


@dataclass
class PRF:
    """Counts of one comparison: correct (tp), spurious (fp) and missed (fn) spans."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    def add(self, other: "PRF") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> Dict[str, float]:
        return {"p": self.precision, "r": self.recall, "f": self.f1,
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class EntityScores:
    """Strict scores: overall and per label (``ents_p``/``ents_r``/``ents_f``/``ents_per_type`` in spaCy)."""

    overall: PRF = field(default_factory=PRF)
    per_label: Dict[str, PRF] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"ents_p": self.overall.precision, "ents_r": self.overall.recall, "ents_f": self.overall.f1,
                "ents_per_type": {label: prf.to_dict() for label, prf in sorted(self.per_label.items())}}


def score_entities(gold: Iterable[Iterable[LabeledSpan]],
                   predicted: Iterable[Iterable[LabeledSpan]]) -> EntityScores:
    """Strict P/R/F: a predicted span is correct when a gold span of the same sentence has the same start,
    end and label. ``gold`` and ``predicted`` are aligned sequences, one span collection per sentence."""
    scores = EntityScores()
    gold_list = list(gold)
    pred_list = list(predicted)
    if len(gold_list) != len(pred_list):
        raise ValueError(f"{len(gold_list)} gold sentences but {len(pred_list)} predicted")
    for gold_spans, pred_spans in zip(gold_list, pred_list):
        gold_set: Set[LabeledSpan] = set(gold_spans)
        pred_set: Set[LabeledSpan] = set(pred_spans)
        for label in {s[2] for s in gold_set | pred_set}:
            g = {s for s in gold_set if s[2] == label}
            p = {s for s in pred_set if s[2] == label}
            counts = PRF(tp=len(g & p), fp=len(p - g), fn=len(g - p))
            scores.per_label.setdefault(label, PRF()).add(counts)
            scores.overall.add(counts)
    return scores


def format_scores(scores: EntityScores) -> str:
    """A fixed-width table: one row per label, then the overall row."""
    rows = [f"{'label':<8} {'P':>6} {'R':>6} {'F':>6} {'gold':>7} {'pred':>7}"]
    items = sorted(scores.per_label.items()) + [("ALL", scores.overall)]
    for label, prf in items:
        rows.append(f"{label:<8} {prf.precision:6.4f} {prf.recall:6.4f} {prf.f1:6.4f} "
                    f"{prf.tp + prf.fn:7d} {prf.tp + prf.fp:7d}")
    return "\n".join(rows)
