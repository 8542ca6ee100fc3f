"""Adapters that turn the output of the two anchor systems into our ``Quantity`` / ``TimeExpr`` records.

The anchors are JioNLP (``jionlp.ner.extract_money``, ``jionlp.ner.extract_time``) and Microsoft
Recognizers-Text for Python (``recognizers-text-suite``, Chinese culture). Both are optional: install them with
``pip install -e '.[bench]'``. Each adapter gives its system the best mapping we could reasonably write onto
ANNOTATION.md §3-§4; what is mapped how is listed in ``docs/benchmarks.md`` and in the docstrings below.
Offsets are character offsets into the article text, half-open ``[start, end)`` like ours.

Each system is a small object with ``name``, ``version``, ``warm_up()`` (loads resources outside the timed
run) and ``__call__(text, date) -> (quantities, times)``.
"""
from __future__ import annotations

import math
import re
import time as _time
from datetime import date as Date, datetime, timedelta
from importlib import metadata
from typing import Dict, List, Optional, Sequence, Tuple

from pipeline.model import Quantity, TimeExpr

Result = Tuple[List[Quantity], List[TimeExpr]]

# ANNOTATION.md §4: currencies as ISO 4217 codes.
CURRENCY_WORDS = {
    "元": "CNY", "人民币": "CNY", "人民币元": "CNY", "块": "CNY", "块钱": "CNY", "圆": "CNY",
    "美元": "USD", "美金": "USD", "港元": "HKD", "港币": "HKD", "欧元": "EUR", "日元": "JPY",
    "英镑": "GBP", "韩元": "KRW", "澳元": "AUD", "加元": "CAD", "卢布": "RUB", "新台币": "TWD",
}

# Recognizers-Text dimension unit names -> ANNOTATION.md §4 symbols (亩 and 斤 stay Chinese, as the gold does).
DIMENSION_UNITS = {
    "Meter": "m", "Kilometer": "km", "Decimeter": "dm", "Centimeter": "cm", "Micrometer": "mm",
    "Square meter": "m2", "Square kilometer": "km2", "Square centimetre": "cm2", "Hectare": "ha", "Mu": "亩",
    "Liter": "L", "Milliliter": "mL", "Cubic meter": "m3", "Kilogram": "kg", "Gram": "g", "Milligram": "mg",
    "Ton": "t", "Jin": "斤", "Li": "里", "Barrel": "桶", "Mile": "mile", "Knot": "nmi",
    "Kilometer per hour": "km/h", "Meter per second": "m/s",
}

# The classifiers and unit words ANNOTATION.md §4 itself names (used only by the "+ classifiers" variant).
ANNOTATION_CLASSIFIERS = {"倍": "x", "家": "家", "种": "种", "股": "股", "个": "个", "人": "人", "次": "次",
                          "辆": "辆", "台": "台"}

_SENTENCE_END = re.compile(r"[。！？；!?;\n]")


def sentences(text: str) -> List[Tuple[int, str]]:
    """``(offset, sentence)`` pieces of ``text`` cut after 。！？； and line breaks (the cut stays in the piece)."""
    pieces, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        pieces.append((start, text[start:m.end()]))
        start = m.end()
    if start < len(text):
        pieces.append((start, text[start:]))
    return [(offset, piece) for offset, piece in pieces if piece.strip()]


def _version(*dists: str) -> str:
    for dist in dists:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    return "?"


def _float(s) -> Optional[float]:
    try:
        value = float(str(s).replace(",", "").rstrip("%"))
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def _number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def iso_duration(parts: Dict[str, float]) -> Optional[str]:
    """``{'year': 1.5}`` -> ``P1.5Y``; ``{'hour': 24}`` -> ``PT24H``."""
    date_part = "".join(f"{_number(parts[k])}{c}" for k, c in (("year", "Y"), ("month", "M"), ("week", "W"),
                                                                  ("day", "D")) if parts.get(k))
    time_part = "".join(f"{_number(parts[k])}{c}" for k, c in (("hour", "H"), ("minute", "M"), ("second", "S"))
                        if parts.get(k))
    if not date_part and not time_part:
        return None
    return "P" + date_part + ("T" + time_part if time_part else "")


def _overlaps(span: Tuple[int, int], spans: Sequence[Tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in spans)


def _drop_overlaps(quantities: List[Quantity]) -> List[Quantity]:
    """Keep the earlier-listed item of two overlapping ones (adapters list stronger recognizers first)."""
    kept: List[Quantity] = []
    for q in quantities:
        if not _overlaps(q.span, [k.span for k in kept]):
            kept.append(q)
    return sorted(kept, key=lambda q: q.start)


# --- ours -------------------------------------------------------------------------------------------------


class Ours:
    """``pipeline.numbers.extract_quantities`` + ``pipeline.times.extract_times`` (what ``nlp.py`` runs)."""

    name = "newsfacts"

    def __init__(self) -> None:
        from pipeline.numbers import extract_quantities, extract_times
        import pipeline

        self._quantities, self._times = extract_quantities, extract_times
        self.version = getattr(pipeline, "__version__", "?")

    def warm_up(self) -> None:
        self("2019年全国实现利润6.64万亿元，增长10.3%。", "2019-02-12")

    def __call__(self, text: str, date: Optional[str]) -> Result:
        return list(self._quantities(text)), list(self._times(text, date))


# --- JioNLP -----------------------------------------------------------------------------------------------


class JioNLP:
    """JioNLP ``extract_money`` (money only) and ``extract_time``, run sentence by sentence.

    JioNLP is called per sentence (cut at 。！？； and line breaks) because a whole article makes
    ``extract_money`` join money across commas (``元，约5亿元``); offsets are shifted back into the article.

    - money: ``detail.num`` -> ``value`` (a ``[low, high]`` list -> ``min``/``max``), ``detail.case`` -> ISO code
      via :data:`CURRENCY_WORDS` (an unknown case is kept as written); kind MONEY.
    - times, ``time_base`` = the article date (00:00 local time): ``time_point`` / ``time_span`` -> DATE with
      ``from``/``to`` the date parts of ``detail.time``; ``time_delta`` -> DURATION (``{'year': 1.5}`` -> P1.5Y,
      ``workday`` counts as days, ``N*7`` days written with 周/星期 -> ``PnW``); ``time_period`` (每天, 每年)
      is dropped, since frequencies are not times (§6). An unresolvable or infinite end (今年以来) gives null.
      A span ending in 底/末 becomes its last day and one ending in 初 its first day, the §3 convention
      (JioNLP resolves 年底 to a blur range 11-01..12-31, 月底 to the last week, 年初 to two months).
    """

    name = "JioNLP"

    def __init__(self, per_sentence: bool = True) -> None:
        import jionlp  # noqa: F401  (prints a banner on first import)

        self._jio = jionlp
        self.per_sentence = per_sentence
        self.version = _version("jionlp")

    def warm_up(self) -> None:
        self("2019年全国实现利润6.64万亿元，增长10.3%。去年12月，近三年。", "2019-02-12")

    def __call__(self, text: str, date: Optional[str]) -> Result:
        time_base = _time.mktime(_time.strptime(date, "%Y-%m-%d")) if date else _time.time()
        quantities: List[Quantity] = []
        times: List[TimeExpr] = []
        for offset, sentence in (sentences(text) if self.per_sentence else [(0, text)]):
            for item in self._jio.ner.extract_money(sentence, with_parsing=True):
                q = self._money(item, offset)
                if q is not None:
                    quantities.append(q)
            for item in self._jio.ner.extract_time(sentence, time_base=time_base, with_parsing=True):
                t = self._time(item, offset)
                if t is not None:
                    times.append(t)
        return _drop_overlaps(quantities), times

    @staticmethod
    def _money(item: dict, offset: int) -> Optional[Quantity]:
        start, end = item["offset"]
        detail = item.get("detail") or {}
        unit = CURRENCY_WORDS.get(detail.get("case"), detail.get("case") or "")
        num = detail.get("num")
        if isinstance(num, (list, tuple)):
            low, high = (_float(x) for x in num[:2]) if len(num) >= 2 else (None, None)
            if low is None or high is None:
                return None
            return Quantity(offset + start, offset + end, None, unit, "MONEY", "range", low, high)
        value = _float(num)
        if value is None:
            return None
        return Quantity(offset + start, offset + end, value, unit, "MONEY")

    @staticmethod
    def _time(item: dict, offset: int) -> Optional[TimeExpr]:
        start, end = item["offset"]
        detail = item.get("detail") or {}
        kind = detail.get("type", item.get("type"))
        span = (offset + start, offset + end)
        if kind == "time_delta":
            parts = detail.get("time") or {}
            if not isinstance(parts, dict) or any(isinstance(v, (list, tuple)) for v in parts.values()):
                return TimeExpr(*span, "DURATION", duration=None)
            parts = {("day" if k == "workday" else k): float(v) for k, v in parts.items() if v}
            if set(parts) == {"day"} and parts["day"] % 7 == 0 and re.search("周|星期|礼拜", item["text"]):
                parts = {"week": parts["day"] / 7}
            return TimeExpr(*span, "DURATION", duration=iso_duration(parts))
        if kind not in ("time_point", "time_span"):
            return None  # time_period: a frequency
        bounds = detail.get("time")
        date_from = date_to = None
        if isinstance(bounds, (list, tuple)) and len(bounds) == 2:
            date_from, date_to = (_jio_date(b) for b in bounds)
            if date_from is None or date_to is None:
                date_from = date_to = None
            elif item["text"].endswith(("底", "末")):
                date_from = date_to  # ANNOTATION §3: 月底/年末 are the last day; JioNLP gives a blur range
            elif item["text"].endswith("初"):
                date_to = date_from  # 年初/月初 are the first day
        return TimeExpr(*span, "DATE", date_from, date_to)


def _jio_date(value) -> Optional[str]:
    if not isinstance(value, str) or not re.match(r"\d{4}-\d{2}-\d{2}", value):
        return None
    return value[:10]


# --- Recognizers-Text -------------------------------------------------------------------------------------


class RecognizersText:
    """Microsoft Recognizers-Text (Python), ``Culture.Chinese``, models built once and reused.

    Quantities, in this order of precedence when spans overlap: currency, dimension, age, percentage, number.
    Numbers and units inside Recognizers' own datetime spans are dropped (2018 of 2018年, 15 of 15天), as
    ANNOTATION.md §4 says times are not quantities; ordinals are not asked for.

    - currency: ``value`` as is, ``isoCurrency`` as the unit (else :data:`CURRENCY_WORDS` on the text); MONEY;
    - dimension: ``value``, unit name -> symbol via :data:`DIMENSION_UNITS`; MEASURE;
    - age: ``value``, unit 岁 (MEASURE), as §6 wants for ages;
    - percentage: ``30%`` -> 30 with unit ``%`` (PERCENT); a match containing 百分点 -> unit ``pp``;
    - number: ``value``; a match containing 分之 or ``/`` -> unit ``fraction`` (FRACTION), else ``""``
      (CARDINAL). With ``classifiers=True`` (the "+ classifiers" column) the unit word right after a bare
      number is attached when it is one ANNOTATION.md §4 names (倍 -> ``x``, 家, 种, 股, 个, 人, 次, 辆, 台).

    Times, ``reference`` = the article date:

    - ``date`` -> DATE, ``from == to == value``;
    - ``daterange``: a timex ``YYYY`` / ``YYYY-MM`` -> the whole year / month (Recognizers cuts 今年 at the
      reference date; the annotation does not); ``XXXX-MM`` (a bare month) -> the latest candidate starting on or
      before the reference date (news reports the past), else the first; otherwise ``start .. end - 1 day`` (its ``end`` is exclusive);
    - ``datetime`` / ``datetimerange`` -> the date parts; ``time`` / ``timerange`` (a clock time alone) -> the
      reference day;
    - ``duration`` -> DURATION with its ``timex`` (``P3Y``, ``PT24H``); ``set`` (frequencies) is dropped;
      unresolved values (``XXXX``) give null ``from``/``to``.
    """

    name = "Recognizers-Text"

    def __init__(self, classifiers: bool = False) -> None:
        from recognizers_date_time import DateTimeRecognizer
        from recognizers_number import NumberRecognizer
        from recognizers_number_with_unit import NumberWithUnitRecognizer
        from recognizers_text import Culture

        culture = Culture.Chinese
        numbers = NumberRecognizer(culture)
        units = NumberWithUnitRecognizer(culture)
        self._models = [("currency", units.get_currency_model()), ("dimension", units.get_dimension_model()),
                        ("age", units.get_age_model()), ("percentage", numbers.get_percentage_model()),
                        ("number", numbers.get_number_model())]
        self._datetime = DateTimeRecognizer(culture).get_datetime_model()
        self.classifiers = classifiers
        if classifiers:
            self.name = "Recognizers-Text + classifiers"
        self.version = _version("recognizers-text-suite")

    def warm_up(self) -> None:
        self("2019年全国实现利润6.64万亿元，增长10.3%。去年12月，近三年，120平方公里。", "2019-02-12")

    def __call__(self, text: str, date: Optional[str]) -> Result:
        reference = datetime.strptime(date, "%Y-%m-%d") if date else datetime.now()
        times: List[TimeExpr] = []
        time_spans: List[Tuple[int, int]] = []
        for r in self._datetime.parse(text, reference):
            span = (r.start, r.end + 1)  # Recognizers' end is inclusive
            time_spans.append(span)
            t = self._time(r, span, reference.date())
            if t is not None:
                times.append(t)
        quantities: List[Quantity] = []
        for kind, model in self._models:
            for r in model.parse(text):
                span = (r.start, r.end + 1)
                if _overlaps(span, time_spans):
                    continue
                q = self._quantity(kind, r, span, text)
                if q is not None:
                    quantities.append(q)
        return _drop_overlaps(quantities), times

    def _quantity(self, kind: str, r, span: Tuple[int, int], text: str) -> Optional[Quantity]:
        resolution = r.resolution or {}
        value = _float(resolution.get("value"))
        if value is None:
            return None
        if kind == "currency":
            unit = resolution.get("isoCurrency") or next(
                (code for word, code in sorted(CURRENCY_WORDS.items(), key=lambda x: -len(x[0]))
                 if word in r.text), resolution.get("unit", ""))
            return Quantity(*span, value, unit, "MONEY")
        if kind == "dimension":
            name = resolution.get("unit", "")
            return Quantity(*span, value, DIMENSION_UNITS.get(name, name), "MEASURE")
        if kind == "age":
            return Quantity(*span, value, "岁", "MEASURE")
        if kind == "percentage":
            if "百分点" in r.text:
                return Quantity(*span, value, "pp", "PERCENT_POINT")
            return Quantity(*span, value, "%", "PERCENT")
        if "分之" in r.text or "/" in r.text:
            return Quantity(*span, value, "fraction", "FRACTION")
        if self.classifiers:
            following = text[span[1]:span[1] + 1]
            unit = ANNOTATION_CLASSIFIERS.get(following)
            if unit is not None:
                return Quantity(span[0], span[1] + 1, value, unit, "MULTIPLE" if unit == "x" else "COUNT")
        return Quantity(*span, value, "", "CARDINAL")

    @staticmethod
    def _time(r, span: Tuple[int, int], reference: Date) -> Optional[TimeExpr]:
        kind = r.type_name.rsplit(".", 1)[-1]
        values = (r.resolution or {}).get("values") or []
        if kind == "set":
            return None
        if kind == "duration":
            timex = values[0].get("timex") if values else None
            return TimeExpr(*span, "DURATION", duration=timex if timex and timex.startswith("P") else None)
        if not values:
            return TimeExpr(*span, "DATE")
        value = values[0]
        if len(values) > 1:  # ambiguous (a bare month): the latest candidate not after the reference date
            past = [v for v in values if _rt_date(v.get("start", v.get("value"))) is not None
                    and _rt_date(v.get("start", v.get("value"))) <= reference.isoformat()]
            value = max(past, key=lambda v: _rt_date(v.get("start", v.get("value")))) if past else values[0]
        timex = value.get("timex", "")
        if kind == "daterange":
            m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", timex)
            if m:
                year, month = int(m.group(1)), m.group(2)
                if month is None:
                    return TimeExpr(*span, "DATE", f"{year}-01-01", f"{year}-12-31")
                month = int(month)
                last = (Date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)).day
                return TimeExpr(*span, "DATE", f"{year}-{month:02d}-01", f"{year}-{month:02d}-{last:02d}")
        if kind in ("date", "datetime"):
            day = _rt_date(value.get("value"))
            return TimeExpr(*span, "DATE", day, day)
        if kind in ("daterange", "datetimerange"):
            start, end = _rt_date(value.get("start")), value.get("end")
            if start is None or _rt_date(end) is None:
                return TimeExpr(*span, "DATE")
            end_day = Date.fromisoformat(_rt_date(end))
            # An exclusive end at midnight is the day before; a datetime end inside a day keeps that day.
            if kind == "daterange" or str(end)[11:19] in ("", "00:00:00"):
                end_day = max(end_day - timedelta(days=1), Date.fromisoformat(start))
            return TimeExpr(*span, "DATE", start, end_day.isoformat())
        if kind in ("time", "timerange"):
            return TimeExpr(*span, "DATE", reference.isoformat(), reference.isoformat())
        return TimeExpr(*span, "DATE")


def _rt_date(value) -> Optional[str]:
    if not isinstance(value, str) or not re.match(r"\d{4}-\d{2}-\d{2}", value):
        return None
    return value[:10]


def systems(which: Sequence[str] = ("ours", "jionlp", "rt", "rt+cls")) -> list:
    """The systems to compare, skipping (with a note on stderr) an anchor that is not installed."""
    import sys

    built = []
    for key in which:
        try:
            if key == "ours":
                built.append(Ours())
            elif key == "jionlp":
                built.append(JioNLP())
            elif key == "rt":
                built.append(RecognizersText())
            elif key == "rt+cls":
                built.append(RecognizersText(classifiers=True))
            else:
                raise ValueError(f"unknown system {key!r}")
        except ImportError as exc:
            print(f"skipping {key}: {exc} (pip install -e '.[bench]')", file=sys.stderr)
    return built
