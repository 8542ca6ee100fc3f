"""Quantity and time extraction (first, simple version; see issue 4 for the full normaliser)."""
from __future__ import annotations

import re
from typing import List, Optional

from .model import Quantity, TimeExpr

_MAGNITUDE = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}
_CURRENCY = {"元": "CNY", "美元": "USD", "港元": "HKD", "欧元": "EUR", "日元": "JPY"}

_QUANTITY = re.compile(
    r"(?P<pre>约|近|超过|超|逾)?"
    r"(?P<num>\d+(?:\.\d+)?)"
    r"(?P<mag>万亿|亿|万)?"
    r"(?P<post>多|余)?"
    r"(?P<unit>个百分点|%|％|倍|美元|港元|欧元|日元|元|家|个|种|人|次|股|辆|台|项|户)?"
)
_PREFIX_QUALIFIER = {"约": "~", "近": "~", "超过": ">", "超": ">", "逾": ">"}


def extract_quantities(text: str) -> List[Quantity]:
    """Quantities in ``text`` with half-open spans; roles are left unset."""
    found = []
    for m in _QUANTITY.finditer(text):
        if _is_time_or_code(text, m):
            continue
        value = float(m["num"]) * _MAGNITUDE.get(m["mag"] or "", 1)
        unit, kind = _unit_and_kind(m["unit"])
        qualifier = _PREFIX_QUALIFIER.get(m["pre"] or "", ">" if m["post"] else "=")
        found.append(Quantity(m.start(), m.end(), value=value, unit=unit, kind=kind, qualifier=qualifier))
    return found


def _unit_and_kind(unit: Optional[str]):
    if not unit:
        return "", "CARDINAL"
    if unit in ("%", "％"):
        return "%", "PERCENT"
    if unit == "个百分点":
        return "pp", "PERCENT_POINT"
    if unit == "倍":
        return "x", "MULTIPLE"
    if unit in _CURRENCY:
        return _CURRENCY[unit], "MONEY"
    return unit, "COUNT"


def _is_time_or_code(text: str, m: re.Match) -> bool:
    after = text[m.end():m.end() + 1]
    before = text[m.start() - 1:m.start()] if m.start() else ""
    if not m["unit"] and not m["mag"] and after in ("年", "月", "日", "时", "季"):
        return True
    return before.isascii() and before.isalpha() or (after.isascii() and after.isalpha())


_DATE = re.compile(r"(?P<y>\d{4})年(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?)?")


def extract_times(text: str, date: Optional[str] = None) -> List[TimeExpr]:
    """Absolute dates (``2025年``, ``2025年6月``, ``2025年6月30日``) with their inclusive ISO ranges."""
    import calendar

    found = []
    for m in _DATE.finditer(text):
        year = int(m["y"])
        if m["d"]:
            month, day = int(m["m"]), int(m["d"])
            try:
                iso = f"{year:04d}-{month:02d}-{day:02d}"
                calendar.monthrange(year, month)
            except Exception:
                continue
            found.append(TimeExpr(m.start(), m.end(), "DATE", iso, iso))
        elif m["m"]:
            month = int(m["m"])
            if not 1 <= month <= 12:
                continue
            last = calendar.monthrange(year, month)[1]
            found.append(TimeExpr(m.start(), m.end(), "DATE", f"{year:04d}-{month:02d}-01",
                                  f"{year:04d}-{month:02d}-{last:02d}"))
        else:
            found.append(TimeExpr(m.start(), m.end(), "DATE", f"{year:04d}-01-01", f"{year:04d}-12-31"))
    return found
