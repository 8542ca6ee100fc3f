"""The records the pipeline produces, serialised exactly as ``ANNOTATION.md`` (version 1) writes gold.

A corpus run written as JSONL is therefore directly a prediction file for ``newsfacts eval``.
Offsets are half-open ``str`` indices into the article's canonical text.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from typing import Any, Optional, Tuple

FORMAT_VERSION = 1

ENTITY_LABELS = ("PERSON", "ORG", "LOC", "PRODUCT")
TIME_TYPES = ("DATE", "DURATION")
QUANTITY_KINDS = (
    "MONEY", "PERCENT", "PERCENT_POINT", "MULTIPLE", "FRACTION", "MEASURE", "COUNT", "CARDINAL",
)
QUALIFIERS = ("=", "~", ">", ">=", "<", "<=", "range")
CHANGES = ("level", "increase", "decrease")

Span = Tuple[int, int]


def text_sha256(text: str) -> str:
    """SHA-256 of the canonical text encoded as UTF-8 (ANNOTATION.md §1)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _span(value: Any) -> Optional[Span]:
    if value is None:
        return None
    start, end = value
    return (int(start), int(end))


def _check_span(start: int, end: int, what: str) -> None:
    if not (0 <= start < end):
        raise ValueError(f"{what}: span [{start}, {end}] is not a non-empty half-open range")


@dataclass(frozen=True)
class Entity:
    """A named entity: PERSON, ORG, LOC or PRODUCT."""

    start: int
    end: int
    label: str

    def __post_init__(self) -> None:
        _check_span(self.start, self.end, "entity")
        if self.label not in ENTITY_LABELS:
            raise ValueError(f"entity label {self.label!r} is not one of {ENTITY_LABELS}")

    @property
    def span(self) -> Span:
        return (self.start, self.end)

    def to_json(self) -> dict:
        return {"span": [self.start, self.end], "label": self.label}

    @classmethod
    def from_json(cls, data: dict) -> "Entity":
        start, end = _span(data["span"])
        return cls(start, end, data["label"])


@dataclass(frozen=True)
class TimeExpr:
    """A time expression: a DATE with an inclusive ISO range, or a DURATION in ISO 8601."""

    start: int
    end: int
    type: str
    date_from: Optional[str] = None
    date_to: Optional[str] = None
    duration: Optional[str] = None

    def __post_init__(self) -> None:
        _check_span(self.start, self.end, "time")
        if self.type not in TIME_TYPES:
            raise ValueError(f"time type {self.type!r} is not one of {TIME_TYPES}")

    @property
    def span(self) -> Span:
        return (self.start, self.end)

    def to_json(self) -> dict:
        if self.type == "DURATION":
            return {"span": [self.start, self.end], "type": "DURATION", "duration": self.duration}
        return {"span": [self.start, self.end], "type": "DATE", "from": self.date_from, "to": self.date_to}

    @classmethod
    def from_json(cls, data: dict) -> "TimeExpr":
        start, end = _span(data["span"])
        return cls(start, end, data["type"], data.get("from"), data.get("to"), data.get("duration"))


@dataclass(frozen=True)
class Quantity:
    """A quantity and, as its fact record, the roles subject, metric, time and change."""

    start: int
    end: int
    value: Optional[float]
    unit: str = ""
    kind: str = "CARDINAL"
    qualifier: str = "="
    min: Optional[float] = None
    max: Optional[float] = None
    subject: Optional[Span] = None
    metric: Optional[Span] = None
    time: Optional[Span] = None
    change: str = "level"

    def __post_init__(self) -> None:
        _check_span(self.start, self.end, "quantity")
        if self.kind not in QUANTITY_KINDS:
            raise ValueError(f"quantity kind {self.kind!r} is not one of {QUANTITY_KINDS}")
        if self.qualifier not in QUALIFIERS:
            raise ValueError(f"qualifier {self.qualifier!r} is not one of {QUALIFIERS}")
        if self.change not in CHANGES:
            raise ValueError(f"change {self.change!r} is not one of {CHANGES}")

    @property
    def span(self) -> Span:
        return (self.start, self.end)

    def with_roles(self, **roles: Any) -> "Quantity":
        """A copy with some of subject, metric, time and change replaced."""
        return replace(self, **roles)

    def to_json(self) -> dict:
        return {
            "span": [self.start, self.end],
            "value": self.value,
            "min": self.min,
            "max": self.max,
            "unit": self.unit,
            "kind": self.kind,
            "qualifier": self.qualifier,
            "subject": list(self.subject) if self.subject else None,
            "metric": list(self.metric) if self.metric else None,
            "time": list(self.time) if self.time else None,
            "change": self.change,
        }

    @classmethod
    def from_json(cls, data: dict) -> "Quantity":
        start, end = _span(data["span"])
        return cls(
            start, end,
            value=data.get("value"),
            unit=data.get("unit", ""),
            kind=data.get("kind", "CARDINAL"),
            qualifier=data.get("qualifier", "="),
            min=data.get("min"),
            max=data.get("max"),
            subject=_span(data.get("subject")),
            metric=_span(data.get("metric")),
            time=_span(data.get("time")),
            change=data.get("change", "level"),
        )


@dataclass(frozen=True)
class Article:
    """One article: its canonical text and everything found in it.

    ``text`` may be ``None`` for stand-off gold; then ``text_sha256`` and ``source`` say where the text lives.
    """

    id: str
    text: Optional[str]
    date: Optional[str] = None
    source: Optional[str] = None
    entities: Tuple[Entity, ...] = field(default_factory=tuple)
    times: Tuple[TimeExpr, ...] = field(default_factory=tuple)
    quantities: Tuple[Quantity, ...] = field(default_factory=tuple)
    sha256: Optional[str] = None

    def __post_init__(self) -> None:
        # Normalise list arguments so the record stays hashable and immutable.
        for name in ("entities", "times", "quantities"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        if self.text is not None:
            digest = text_sha256(self.text)
            if self.sha256 is not None and self.sha256 != digest:
                raise ValueError(f"article {self.id}: text_sha256 does not match its text")
            object.__setattr__(self, "sha256", digest)
            for item in (*self.entities, *self.times, *self.quantities):
                if item.end > len(self.text):
                    raise ValueError(
                        f"article {self.id}: span [{item.start}, {item.end}] is past the end of the text "
                        f"({len(self.text)} characters)"
                    )

    def span_text(self, span: Optional[Span]) -> Optional[str]:
        """The text a span covers, or None for a null span or stand-off article."""
        if span is None or self.text is None:
            return None
        return self.text[span[0]:span[1]]

    def to_json(self, *, include_text: bool = True) -> dict:
        data: dict = {"version": FORMAT_VERSION, "id": self.id, "date": self.date, "source": self.source,
                      "text_sha256": self.sha256}
        if include_text and self.text is not None:
            data["text"] = self.text
        data["entities"] = [e.to_json() for e in self.entities]
        data["times"] = [t.to_json() for t in self.times]
        data["quantities"] = [q.to_json() for q in self.quantities]
        return data

    def to_jsonl(self, *, include_text: bool = True) -> str:
        return json.dumps(self.to_json(include_text=include_text), ensure_ascii=False)

    @classmethod
    def from_json(cls, data: dict, *, text: Optional[str] = None) -> "Article":
        """Build from an ANNOTATION.md record; ``text`` supplies the text of a stand-off record."""
        version = data.get("version", FORMAT_VERSION)
        if version != FORMAT_VERSION:
            raise ValueError(f"article {data.get('id')}: format version {version} is not supported "
                             f"(this release reads version {FORMAT_VERSION})")
        return cls(
            id=data["id"],
            text=data.get("text", text),
            date=data.get("date"),
            source=data.get("source"),
            entities=tuple(Entity.from_json(e) for e in data.get("entities", ())),
            times=tuple(TimeExpr.from_json(t) for t in data.get("times", ())),
            quantities=tuple(Quantity.from_json(q) for q in data.get("quantities", ())),
            sha256=data.get("text_sha256"),
        )

    @classmethod
    def from_jsonl(cls, line: str) -> "Article":
        return cls.from_json(json.loads(line))
