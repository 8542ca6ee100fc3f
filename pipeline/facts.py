"""Fact roles for quantities: subject, metric, time and change (ANNOTATION.md §4, §6).

This first version works from cues in the quantity's own sentence; see issue 7 for the full assembler.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import List, Optional, Sequence, Tuple

from .model import Entity, Quantity, TimeExpr

_SENTENCE_END = re.compile(r"[。！？!?\n]")
_INCREASE = ("增长", "增加", "提高", "上升", "上涨", "增", "涨", "多增", "提升", "扩大")
_DECREASE = ("下降", "减少", "降低", "下跌", "回落", "降", "减", "跌", "少增", "收窄")
_LEVEL_AFTER = ("至", "到", "为")


def sentence_bounds(text: str) -> List[Tuple[int, int]]:
    """Half-open sentence ranges: ended by 。！？ or a line break (ANNOTATION.md §6)."""
    bounds, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        bounds.append((start, match.end()))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def assign_roles(text: str, quantities: Sequence[Quantity], times: Sequence[TimeExpr],
                 entities: Sequence[Entity]) -> List[Quantity]:
    """Each quantity with subject, time and change filled from its sentence."""
    bounds = sentence_bounds(text)
    starts = [b[0] for b in bounds]
    result = []
    for q in quantities:
        s_start, s_end = bounds[max(0, bisect_right(starts, q.start) - 1)] if bounds else (0, len(text))
        time = _time_role(q, times, s_start)
        subject = next(((e.start, e.end) for e in entities
                        if s_start <= e.start and e.end <= q.start), None)
        result.append(q.with_roles(time=time, subject=subject, change=_change(text, q, s_start)))
    return result


def _time_role(q: Quantity, times: Sequence[TimeExpr], s_start: int) -> Optional[Tuple[int, int]]:
    # The last date before the number in the same sentence, unless it is a comparison base (较…, 比…, 同期).
    best = None
    for t in times:
        if t.type == "DATE" and s_start <= t.start and t.end <= q.start:
            best = (t.start, t.end)
    return best


def _change(text: str, q: Quantity, s_start: int) -> str:
    before = text[max(s_start, q.start - 4):q.start]
    if before.endswith(_LEVEL_AFTER):
        return "level"
    if q.kind in ("PERCENT", "PERCENT_POINT", "MULTIPLE", "MONEY", "COUNT", "CARDINAL", "MEASURE"):
        for cue in _INCREASE:
            if before.endswith(cue):
                return "increase"
        for cue in _DECREASE:
            if before.endswith(cue):
                return "decrease"
    return "level"
