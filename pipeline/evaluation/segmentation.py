"""Word-segmentation scoring as in the SIGHAN 2005 bakeoff (``score.pl``).

Words are compared as sets of character spans per line, which gives the same counts as the official
script's diff alignment of word sequences. OOV words are gold words missing from the training word list;
OOV recall is the share of them whose exact span was predicted.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Set, Tuple

Span = Tuple[int, int]


class SegmentationMismatch(ValueError):
    """Gold and predicted words of a line do not spell the same text."""


@dataclass
class SegmentationScore:
    """Counts over a corpus; the rates are properties so partial scores can be added up."""

    gold_words: int = 0
    predicted_words: int = 0
    correct: int = 0
    oov_words: int = 0
    oov_correct: int = 0
    iv_words: int = 0
    iv_correct: int = 0
    lines: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted_words if self.predicted_words else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold_words if self.gold_words else 0.0

    @property
    def f(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def oov_rate(self) -> float:
        return self.oov_words / self.gold_words if self.gold_words else 0.0

    @property
    def oov_recall(self) -> float:
        return self.oov_correct / self.oov_words if self.oov_words else 0.0

    @property
    def iv_recall(self) -> float:
        return self.iv_correct / self.iv_words if self.iv_words else 0.0

    def __add__(self, other: "SegmentationScore") -> "SegmentationScore":
        return SegmentationScore(*(getattr(self, k) + getattr(other, k) for k in _COUNTS))

    def as_dict(self) -> Dict[str, float]:
        """Stable metric keys, rounded as the official report prints them (3 decimals)."""
        return {
            "seg_p": round(self.precision, 3), "seg_r": round(self.recall, 3), "seg_f": round(self.f, 3),
            "seg_oov_rate": round(self.oov_rate, 3), "seg_oov_recall": round(self.oov_recall, 3),
            "seg_iv_recall": round(self.iv_recall, 3),
            "gold_words": self.gold_words, "predicted_words": self.predicted_words, "correct": self.correct,
        }


_COUNTS = ("gold_words", "predicted_words", "correct", "oov_words", "oov_correct", "iv_words", "iv_correct",
           "lines")


def word_spans(words: Iterable[str]) -> List[Span]:
    """Half-open character spans of consecutive words."""
    spans, start = [], 0
    for w in words:
        spans.append((start, start + len(w)))
        start += len(w)
    return spans


def score_line(gold: Sequence[str], predicted: Sequence[str], training_words: Set[str] = frozenset(),
               line_no: Optional[int] = None) -> SegmentationScore:
    """Score one line: ``gold`` and ``predicted`` are word lists spelling the same text."""
    if "".join(gold) != "".join(predicted):
        where = f"line {line_no}: " if line_no is not None else ""
        raise SegmentationMismatch(f"{where}gold and predicted text differ: "
                                   f"{''.join(gold)[:40]!r} vs {''.join(predicted)[:40]!r}")
    predicted_spans = set(word_spans(predicted))
    score = SegmentationScore(gold_words=len(gold), predicted_words=len(predicted), lines=1)
    for word, span in zip(gold, word_spans(gold)):
        hit = span in predicted_spans
        score.correct += hit
        if word in training_words:
            score.iv_words += 1
            score.iv_correct += hit
        else:
            score.oov_words += 1
            score.oov_correct += hit
    return score


def score_corpus(gold_lines: Iterable[Sequence[str]], predicted_lines: Iterable[Sequence[str]],
                 training_words: Set[str] = frozenset()) -> SegmentationScore:
    """Sum of line scores; the two sequences must be line-aligned."""
    total = SegmentationScore()
    gold_lines, predicted_lines = list(gold_lines), list(predicted_lines)
    if len(gold_lines) != len(predicted_lines):
        raise SegmentationMismatch(f"{len(gold_lines)} gold lines but {len(predicted_lines)} predicted lines")
    for i, (gold, predicted) in enumerate(zip(gold_lines, predicted_lines), start=1):
        total = total + score_line(gold, predicted, training_words, line_no=i)
    return total


def read_segmented(path: Path) -> List[List[str]]:
    """Lines of a SIGHAN-style file, each split on whitespace into words."""
    with open(path, encoding="utf-8") as f:
        return [line.split() for line in f]


def read_raw(path: Path) -> List[str]:
    """Raw lines without their line ends."""
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\r\n") for line in f]


def read_word_list(path: Path) -> Set[str]:
    """A training word list, one word per line."""
    with open(path, encoding="utf-8") as f:
        return {w for w in (line.strip() for line in f) if w}


def format_segmented(words: Iterable[str]) -> str:
    """One line in SIGHAN style: words separated by two spaces."""
    return "  ".join(words)


def segment_lines(lines: Iterable[str], cut: Callable[[str], Iterable[str]]) -> List[List[str]]:
    """Apply a word cutter to raw lines, dropping whitespace tokens as the gold files do."""
    return [[w for w in cut(line) if w.strip()] for line in lines]


def evaluate_segmenter(cut: Callable[[str], Iterable[str]], gold_path: Path,
                       training_words: Set[str] = frozenset()) -> SegmentationScore:
    """Segment the gold file's own text (words joined, whitespace dropped) and score it."""
    gold = read_segmented(gold_path)
    predicted = segment_lines(("".join(words) for words in gold), cut)
    return score_corpus(gold, predicted, training_words)


def format_report(rows: Dict[str, SegmentationScore]) -> str:
    """A fixed-width table: one row per system."""
    header = f"{'system':<16}{'P':>7}{'R':>7}{'F':>7}{'OOV':>7}{'OOV-R':>7}{'IV-R':>7}{'words':>9}"
    lines = [header]
    for name, s in rows.items():
        lines.append(f"{name:<16}{s.precision:7.3f}{s.recall:7.3f}{s.f:7.3f}{s.oov_rate:7.3f}"
                     f"{s.oov_recall:7.3f}{s.iv_recall:7.3f}{s.gold_words:9d}")
    return "\n".join(lines)
