"""Times: extraction and normalisation over the canonical text (ANNOTATION.md §3).

Scanning depends on the text only and is cached for the last few texts, because the quantity extractor
asks for the same spans (a number inside a time is not a quantity). Resolution is a second, cheap pass
in text order that keeps the article's reference period: 上年, 同期, 上月末, 当月 and 前一日 are read
against the period the text is reporting on (比上年增长 after 2018年 is 2017), everything else against
the publication date.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date as Date, timedelta
from functools import lru_cache
from typing import List, NamedTuple, Optional, Tuple

from .model import TimeExpr
from .numbers import fold_width, parse_numeral

__all__ = ["extract_times", "time_spans"]

_CN_NUM = "〇零一二两三四五六七八九十"
_YEAR_NUM = r"(?:1[89]\d{2}|20\d{2}|[一二][〇零一二三四五六七八九]{3})"
_MONTH_NUM = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY_NUM = r"(?:3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
_SEP = r"(?:-{1,2}|—{1,2}|至|到|~)"
_CLOCK = r"(?:凌晨|早上|上午|中午|下午|傍晚|晚上|晚|夜间)?(?:[01]?\d|2[0-4])(?:时(?:[0-5]?\d分)?|:[0-5]\d)(?:许)?"
_REL_YEAR = {"今年": 0, "本年": 0, "本年度": 0, "去年": -1, "前年": -2, "明年": 1, "后年": 2}
_REL_DAY = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "明天": 1, "明日": 1, "后天": 2,
            "近日": 0, "日前": 0, "目前": 0, "当前": 0, "现在": 0, "近期": 0, "近来": 0, "当下": 0, "眼下": 0,
            "时下": 0, "如今": 0, "而今": 0}
_REL_DAY["至今"] = 0
_REL_DAY["最近"] = 0
_REF_DAY = {"前一日": -1, "前一天": -1, "次日": 1, "当日": 0, "当天": 0, "同日": 0, "同一天": 0}
_VAGUE = ("最近这几年", "最近几年", "近年来", "近些年来", "近些年", "近几年来", "近几年", "近年", "(?<![超通经])过去", "以往",
          "往年", "多年来", "长期以来", "未来(?![科城网])", "今后", "以前", "这两天", "这几天", "这些天", "前段时间",
          "前些天", "前些年", "多年前", "几年前", "几个月前")
_PLANS = {"十五五": 2026, "十四五": 2021, "十三五": 2016, "十二五": 2011, "十一五": 2006}
# Lunar new year's day, for 春节, 春运, 除夕 and 正月初N.
_LUNAR_NEW_YEAR = {
    2010: (2, 14), 2011: (2, 3), 2012: (1, 23), 2013: (2, 10), 2014: (1, 31), 2015: (2, 19), 2016: (2, 8),
    2017: (1, 28), 2018: (2, 16), 2019: (2, 5), 2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22),
    2024: (2, 10), 2025: (1, 29), 2026: (2, 17), 2027: (2, 6), 2028: (1, 26), 2029: (2, 13), 2030: (2, 3),
}
# Official holiday ranges where they differ from the usual rule (春节: eve to day 6; 国庆: 1 to 7 October).
_SPRING_HOLIDAY = {2016: ("02-07", "02-13"), 2017: ("01-27", "02-02"), 2018: ("02-15", "02-21"),
                   2019: ("02-04", "02-10"), 2020: ("01-24", "01-30"), 2021: ("02-11", "02-17"),
                   2022: ("01-31", "02-06"), 2023: ("01-21", "01-27"), 2024: ("02-10", "02-17"),
                   2025: ("01-28", "02-04"), 2026: ("02-15", "02-23")}
_NATIONAL_HOLIDAY = {2020: ("10-01", "10-08"), 2023: ("09-29", "10-06"), 2025: ("10-01", "10-08")}

# Every alternative below starts with one of these characters; testing it first keeps the scan fast.
_DATE_FIRST = "0-9〇零一二两三四五六七八九十几今本去上前明次后当同全首年月近过未以往多长最春国除元劳清正第目现昨眼时如至日下岁这而"
_DATE_RE = re.compile(
    rf"""
    (?=[{_DATE_FIRST}])
    (?:
    (?P<iso>(?<![\d.])(?P<iy>{_YEAR_NUM})[-/.](?P<im>1[0-2]|0?[1-9])[-/.](?P<id>3[01]|[12]\d|0?[1-9])(?![\d.]))
  | (?P<plan>(?P<pname>十[一二三四五]五)(?:[”"’]?(?:规划)?(?P<pedge>末|初|末期|期末|中期))?)
  | (?P<decade>(?P<century>上世纪|上个世纪|20世纪|二十世纪|19世纪|十九世纪)?(?P<dnum>\d0|[二三四五六七八九]十)年代
        (?P<dpart>初|末|中期)?)
  | (?P<cent>(?P<cnum>21|二十一|20|二十|本|上)世纪)
  | (?P<ago>(?<![\d.])(?P<agon>\d{{1,3}}|[一二两三四五六七八九十几]{{1,3}})(?P<agounit>年)(?P<agodir>前|后))
  | (?P<tonow>年初至今)
  | (?P<holiday>(?:(?P<hy>{_YEAR_NUM})年|(?P<hry>今年|去年|明年))?
        (?P<hname>春节|春运|国庆中秋|国庆|除夕|元旦|五一|劳动节|清明|正月(?P<lunar_day>初[一二三四五六七八九十]|十[一二三四五六七八九]|二十))
        (?P<hsuffix>假期|假日|长假|黄金周|小长假)?
        (?P<hpart>前(?P<hdays>\d{{1,2}}|[一二两三四五六七八九十]{{1,2}})天|最后一天|首日|第一天)?)
  | (?P<vague_n>(?:最近|近|过去|未来)(?P<vn>\d{{1,3}}|[一二两三四五六七八九十几]{{1,3}})(?:个)?(?:年|月)(?:来|以来)?(?:同期)?)
  | (?P<date>
        (?:(?<![\d.])(?P<y>{_YEAR_NUM})(?:{_SEP}(?P<y2>{_YEAR_NUM}))?年(?:度)?
          | (?P<ry>今年|本年度|本年|去年|前年|明年|后年|上一年|上年|当年|同年))
        (?P<after_year>
            (?P<m>{_MONTH_NUM})(?:{_SEP}(?P<m2>{_MONTH_NUM}))?月(?:份)?
                (?:(?P<d>{_DAY_NUM})(?:[日号]?{_SEP}(?P<d2>{_DAY_NUM}))?[日号](?P<dclock>{_CLOCK})?)?
                (?P<medge>初|底|末|上旬|中旬|下旬)?
          | (?P<yhalf>上半年|下半年|上半|下半)
          | (?P<qpre>前)?第?(?P<q>[一二三四1-4])(?:{_SEP}(?P<q2>[一二三四1-4]))?(?:个)?季度(?P<qedge>末|初)?
          | 首季度(?P<q1edge>末)?
          | 前(?P<nm>[一二三四五六七八九十]{{1,2}}|\d{{1,2}})个?月(?:份)?
          | 同期
          | 全年
          | (?:年)?(?P<yedge>初|底|末|中(?=[，。、；期])|年中)
        )?
    )
  | (?P<month>(?<![\d.{_CN_NUM}个第])(?P<sm>{_MONTH_NUM})(?:{_SEP}(?P<sm2>{_MONTH_NUM}))?月(?:份)?
        (?:(?P<sd>{_DAY_NUM})(?:[日号]?{_SEP}(?:(?P<sm3>{_MONTH_NUM})月)?(?P<sd2>{_DAY_NUM}))?[日号](?P<sclock>{_CLOCK})?)?
        (?P<smedge>初|底|末|上旬|中旬|下旬)?(?:当月)?)
  | (?P<day>(?<![\d.])(?P<dd>3[01]|[12]\d|0?[1-9])(?:[日号]?{_SEP}(?P<dd2>3[01]|[12]\d|0?[1-9]))?(?:日|号(?![线楼院文令码]))(?![元])
        (?P<dclock2>{_CLOCK})?)
  | (?P<yearpart>(?P<shalf>上半年|下半年)
        | (?P<sqpre>前)?第?(?P<sq>[一二三四])(?:{_SEP}(?P<sq2>[一二三四]))?季度(?P<sqedge>末|初)?
        | 首季度
        | 前(?P<snm>[一二三四五六七八九十]{{1,2}}|\d{{1,2}})个?月(?:份)?
        | (?P<syedge>年初|年底|年末|年中|岁末|年内|全年)
        | (?P<smonth_edge>月初|月底|月末|月中))
  | (?P<prevmonth>上月末|上月底|上月|上个月|前月)
  | (?P<relmonth>本月|下个月|下月)
  | (?P<refmonth>当月)
  | (?P<refday>前一日|前一天|次日|当日|当天|同日)
  | (?P<sameperiod>同期)
  | (?P<relweek>本周|上周|下周)
  | (?P<vague>{"|".join(_VAGUE)})
  | (?P<relday>今天|今日|昨天|昨日|前天|明天|明日|后天|近日|日前|目前|当前|(?<![体实出表发])现在|近期|近来|当下|眼下|时下|如今|而今(?![年天日后])|(?<!截)至今
        |最近)
    )
    """,
    re.VERBOSE,
)

_DUR_NUM = rf"(?:\d+(?:\.\d+)?|[{_CN_NUM}百千几]+|数十|数)"
_DURATION_RE = re.compile(
    rf"""
    (?=[\d{_CN_NUM}百千几数半])
    (?<![\d.{_CN_NUM}第])
    (?:
        (?P<n>{_DUR_NUM})(?:{_SEP}(?P<n2>{_DUR_NUM}))?(?P<more>多)?
        (?P<unit>个交易日|个工作日|个自然日|交易日|工作日|个多月|个半月|个月|个多小时|个半小时|个小时|小时|个多星期|个星期|星期|
                 个季度|年(?![级代度龄轻纪份薪终货报会华底末初])|天(?![津山河大下])|周(?![年岁边末])|分钟|秒钟|秒(?![杀])
                 |日(?=[内间来以，。、；后前左]))
        (?P<half>半)?
      | (?P<halfonly>半)(?P<hunit>年(?![级代度])|个月|个小时|小时|天|个多月)
    )
    """,
    re.VERBOSE,
)
_DUR_UNIT = {"个交易日": "D", "个工作日": "D", "个自然日": "D", "交易日": "D", "工作日": "D", "个多月": "M",
             "个半月": "M", "个月": "M", "个多小时": "H", "个半小时": "H", "个小时": "H", "小时": "H", "个多星期": "W",
             "个星期": "W", "星期": "W", "个季度": "Q", "年": "Y", "天": "D", "周": "W", "分钟": "MIN", "秒钟": "S",
             "秒": "S", "日": "D"}
# Times of day block quantities (下午4时45分 has no quantity) but are not times of their own here.
_CLOCK_RE = re.compile(r"(?<![\d.])(?:[01]?\d|2[0-4])(?::[0-5]\d(?::[0-5]\d)?|时(?:[0-5]?\d分)?(?:[0-5]?\d秒)?"
                       r"|点(?:[0-5]?\d分|半|钟)?)(?=\D|$)")
_GENERATION_RE = re.compile(r"(?<![\d.])\d0后|(?<![\d.])[0-9]5后")
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_TITLE_RE = re.compile(r"《[^《》\n]{0,60}》")


class _Found(NamedTuple):
    start: int
    end: int
    type: str
    spec: tuple  # how to resolve: see _Resolver


def extract_times(text: str, date: Optional[str] = None) -> List[TimeExpr]:
    """Times in ``text``; relative ones resolved against ``date`` (ISO ``YYYY-MM-DD``), null without it."""
    resolver = _Resolver(_parse_date(date))
    out = []
    for f in _scan(text):
        if f.type == "DURATION":
            out.append(TimeExpr(f.start, f.end, "DURATION", duration=f.spec[1]))
            continue
        resolved = resolver.resolve(f.spec)
        lo, hi = resolved if resolved else (None, None)
        out.append(TimeExpr(f.start, f.end, "DATE", lo, hi))
    return out


def time_spans(text: str) -> Tuple[Tuple[int, int], ...]:
    """Spans of times, clock times and generation labels in ``text``: no quantity may overlap them."""
    return _blocked(text)


@lru_cache(maxsize=8)
def _blocked(text: str) -> Tuple[Tuple[int, int], ...]:
    spans = [(f.start, f.end) for f in _scan(text)]
    folded = fold_width(text)
    spans.extend(m.span() for m in _CLOCK_RE.finditer(folded))
    spans.extend(m.span() for m in _GENERATION_RE.finditer(folded))
    return tuple(sorted(spans))


def _parse_date(date: Optional[str]) -> Optional[Date]:
    if not date:
        return None
    try:
        return Date.fromisoformat(date[:10])
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------------------
# Scanning: text only.

@lru_cache(maxsize=8)
def _scan(text: str) -> Tuple[_Found, ...]:
    folded = fold_width(text)
    found: List[_Found] = []
    sentence_end = -1
    ctx_year: Optional[int] = None  # the last explicit year in the current sentence
    ctx_month: Optional[int] = None
    titles = [t.span() for t in _TITLE_RE.finditer(folded)]
    for m in _DATE_RE.finditer(folded):
        start = m.start()
        if any(a <= start < b for a, b in titles):
            continue  # 《2019年世界投资报告》: a name, not a time
        if start >= sentence_end:
            nxt = _SENTENCE_END.search(folded, start)
            sentence_end = nxt.end() if nxt else len(folded)
            ctx_year, ctx_month = None, None
        before = (ctx_year, ctx_month)
        spec, ctx_year, ctx_month = _date_spec(m, ctx_year, ctx_month)
        if spec is not None and spec[0] == "ymd" and spec[1] == ("recent",) and spec[2][0] not in ("edge", "whole") \
                and _looks_ahead(folded, m):
            spec = ("ymd", ("ahead",), spec[2])
        if spec is not None and folded.startswith("以来", m.end()):
            # 2019年6月以来 opens a span up to now: it is not the period the sentence reports on.
            spec, (ctx_year, ctx_month) = ("since", spec), before
        if spec is not None:
            end = m.end()
            if m.group("plan") and folded[end - 1] in "”\"’":
                end -= 1
            found.append(_Found(start, end, "DATE", spec))
    durations = []
    for m in _DURATION_RE.finditer(folded):
        if any(f.start < m.end() and m.start() < f.end for f in found) or any(a <= m.start() < b for a, b in titles):
            continue
        if m.group("unit") == "年" and m.group("n") and m.group("n").isdigit() and int(m.group("n")) >= 1000:
            continue
        if m.group("unit") == "日" and m.group("n") and not m.group("n").isdigit() and m.group("n") not in ("百", "千"):
            continue  # 十五日 is a day of the month; 百日 is a length
        durations.append(_Found(m.start(), m.end(), "DURATION", ("dur", _duration(m))))
    return tuple(sorted(found + durations))


_FUTURE_RE = re.compile(r"将|计划|预计|力争|有望|争取|拟|预期|目标|届时|即将|下一步|今后")
_CLAUSE_RE = re.compile(r"[，。；！？!?\n]")


def _looks_ahead(folded: str, m: re.Match) -> bool:
    """Whether the clause around a bare month or quarter speaks of the future (将于12月底开通)."""
    lo = max(0, m.start() - 20)
    for cut in _CLAUSE_RE.finditer(folded, lo, m.start()):
        lo = cut.end()
    hi = _CLAUSE_RE.search(folded, m.end(), m.end() + 30)
    return _FUTURE_RE.search(folded, lo, hi.start() if hi else min(len(folded), m.end() + 30)) is not None


def _cn_int(s: Optional[str]) -> Optional[int]:
    if s is None:
        return None
    if s.isdigit():
        return int(s)
    if len(s) == 4 and "十" not in s:  # 二〇一九
        digits = {c: i for i, c in enumerate("〇一二三四五六七八九")}
        digits["零"] = 0
        try:
            return int("".join(str(digits[c]) for c in s))
        except KeyError:
            return None
    bounds = parse_numeral(s)
    if bounds is None or bounds[0] != bounds[1]:
        return None
    return int(bounds[0])


_EDGE = {"初": "first", "底": "last", "末": "last", "上旬": "early", "中旬": "mid", "下旬": "late", "中": "midyear",
         "年中": "midyear", "年初": "first", "年底": "last", "年末": "last", "岁末": "last"}


def _date_spec(m: re.Match, ctx_year: Optional[int], ctx_month: Optional[int]):
    """A resolution spec for a date match, and the updated sentence context (year, month)."""
    g = m.group
    if g("iso"):
        y = int(g("iy"))
        return ("ymd", ("abs", y), ("day", int(g("im")), int(g("id")), None, None)), y, int(g("im"))
    if g("plan"):
        first = _PLANS[g("pname")]
        edge = g("pedge")
        if edge in ("末", "末期", "期末"):
            return ("span", f"{first + 4}-12-31", f"{first + 4}-12-31"), ctx_year, ctx_month
        if edge == "初":
            return ("span", f"{first}-01-01", f"{first}-01-01"), ctx_year, ctx_month
        return ("span", f"{first}-01-01", f"{first + 4}-12-31"), ctx_year, ctx_month
    if g("decade"):
        n = _cn_int(g("dnum"))
        century = g("century") or ""
        base = 1800 if century.startswith(("19", "十九")) else 1900
        if not century and n < 30:
            base = 2000
        y1 = base + n
        y1, y2 = {"初": (y1, y1 + 2), "末": (y1 + 7, y1 + 9)}.get(g("dpart"), (y1, y1 + 9))
        return ("span", f"{y1}-01-01", f"{y2}-12-31"), ctx_year, ctx_month
    if g("cent"):
        c = g("cnum")
        if c in ("本", "上"):
            return ("century", 0 if c == "本" else -1), ctx_year, ctx_month
        n = _cn_int(c)
        return ("span", f"{(n - 1) * 100 + 1:04d}-01-01", f"{n * 100:04d}-12-31"), ctx_year, ctx_month
    if g("holiday"):
        if g("hy"):
            year = ("abs", _cn_int(g("hy")))
        elif g("hry"):
            year = ("rel", _REL_YEAR[g("hry")])
        else:
            year = ("holiday",)
        name = g("hname")
        if name == "国庆中秋":
            name = "国庆"  # the joint holiday of years when the two fall together (2020, 2025)
        if g("lunar_day"):
            name = ("lunar", _cn_int(g("lunar_day").lstrip("初")))
        part = g("hpart")
        if part and part.startswith("前"):
            part = ("first_days", _cn_int(g("hdays")))
        elif part in ("最后一天",):
            part = ("last_day",)
        elif part:
            part = ("first_day",)
        return ("holiday", year, name, part), ctx_year, ctx_month
    if g("vague_n"):
        return ("vague",), ctx_year, ctx_month
    if g("ago"):
        n = _cn_int(g("agon"))
        if n is None:
            return ("vague",), ctx_year, ctx_month  # 几年后
        sign = -1 if g("agodir") == "前" else 1
        return ("ago", "Y", sign * n), ctx_year, ctx_month
    if g("tonow"):
        return ("to_now",), ctx_year, ctx_month
    if g("date"):
        if g("y"):
            y = _cn_int(g("y"))
            year = ("abs", y)
            if g("y2"):
                y2 = _cn_int(g("y2"))
                if not g("after_year"):
                    return ("span", f"{y}-01-01", f"{y2}-12-31"), y2, None
            ctx_year = y
        else:
            ry = g("ry")
            if ry in ("上年", "上一年"):
                year = ("prev",)
            elif ry in ("当年", "同年"):
                year = ("abs", ctx_year) if ctx_year else ("ref",)
            else:
                year = ("rel", _REL_YEAR[ry])
        part = _part(g, "m", "m2", None, "d", "d2", "medge", "yhalf", "qpre", "q", "q2", "qedge", "nm", "yedge")
        after = g("after_year") or ""
        if after.startswith("首季度"):
            part = ("quarters", 1, 1, "last" if g("q1edge") else None)
        elif after == "同期":
            part = ("same_period",)
        new_month = part[1] if part[0] in ("months", "day") else ctx_month
        return ("ymd", year, part), ctx_year, new_month
    if g("month"):
        mo = _cn_int(g("sm"))
        if mo is None or not 1 <= mo <= 12:
            return None, ctx_year, ctx_month
        part = _part(g, "sm", "sm2", "sm3", "sd", "sd2", "smedge", None, None, None, None, None, None, None)
        year = ("abs", ctx_year) if ctx_year else ("recent",)
        return ("ymd", year, part), ctx_year, _cn_int(g("sm2") or g("sm"))
    if g("day"):
        d, d2 = int(g("dd")), (int(g("dd2")) if g("dd2") else None)
        if ctx_month is not None:
            year = ("abs", ctx_year) if ctx_year else ("recent",)
            return ("ymd", year, ("day", ctx_month, d, None, d2)), ctx_year, ctx_month
        return ("bare_day", d, d2), ctx_year, ctx_month
    if g("yearpart"):
        year = ("abs", ctx_year) if ctx_year else ("recent",)
        if g("smonth_edge"):
            edge = _EDGE[g("smonth_edge")[1:]]
            if ctx_month is not None:
                return ("ymd", year, ("months", ctx_month, ctx_month, edge)), ctx_year, ctx_month
            return ("month_edge", edge), ctx_year, ctx_month
        if g("syedge") in ("年内", "全年"):
            return ("ymd", year, ("whole",)), ctx_year, ctx_month
        part = _part(g, None, None, None, None, None, None, "shalf", "sqpre", "sq", "sq2", "sqedge", "snm", "syedge")
        if g("yearpart") == "首季度":
            part = ("quarters", 1, 1, None)
        return ("ymd", year, part), ctx_year, ctx_month
    if g("prevmonth"):
        return ("prev_month", "last" if g("prevmonth") in ("上月末", "上月底") else None), ctx_year, ctx_month
    if g("relmonth"):
        return ("rel_month", 0 if g("relmonth") == "本月" else 1), ctx_year, ctx_month
    if g("refmonth"):
        return ("ref_month",), ctx_year, ctx_month
    if g("refday"):
        return ("ref_day", _REF_DAY[g("refday")]), ctx_year, ctx_month
    if g("sameperiod"):
        return ("ymd", ("ref",), ("same_period",)), ctx_year, ctx_month
    if g("relday"):
        return ("rel_day", _REL_DAY[g("relday")]), ctx_year, ctx_month
    if g("relweek"):
        return ("rel_week", {"本周": 0, "上周": -1, "下周": 1}[g("relweek")]), ctx_year, ctx_month
    if g("vague"):
        return ("vague",), ctx_year, ctx_month
    return None, ctx_year, ctx_month


def _part(g, m, m2, m3, d, d2, medge, yhalf, qpre, q, q2, qedge, nm, yedge) -> tuple:
    """The part of a year a match names: whole, edge, half, quarters, months, a day."""
    if m and g(m):
        mo = _cn_int(g(m))
        if d and g(d):
            mo2 = _cn_int(g(m3)) if m3 and g(m3) else None
            return ("day", mo, _cn_int(g(d)), mo2, _cn_int(g(d2)) if g(d2) else None)
        mo2 = _cn_int(g(m2)) if g(m2) else mo
        return ("months", mo, mo2, _EDGE.get(g(medge) or ""))
    if yhalf and g(yhalf):
        return ("half", 1 if g(yhalf).startswith("上") else 2)
    if q and g(q):
        qn = _cn_int(g(q))
        qn2 = _cn_int(g(q2)) if g(q2) else qn
        edge = {"末": "last", "初": "first"}.get(g(qedge) or "")
        return ("quarters", 1, qn, edge) if g(qpre) else ("quarters", qn, qn2, edge)
    if nm and g(nm):
        return ("months", 1, _cn_int(g(nm)), None)
    if yedge and g(yedge):
        return ("edge", _EDGE.get(g(yedge), "first"))
    return ("whole",)


def _duration(m: re.Match) -> Optional[str]:
    """ISO 8601 duration, or None for a vague length (几天, 数年, 3至5年)."""
    if m.group("halfonly"):
        if m.group("hunit").startswith("年"):
            return "P6M"  # 半年 as six months (ANNOTATION gold); 1年半 stays P1.5Y
        return _iso_duration(0.5, _DUR_UNIT.get(m.group("hunit"), "D"))
    bounds = parse_numeral(m.group("n"))
    if bounds is None or m.group("n2") or bounds[0] != bounds[1]:
        return None
    value = bounds[0]
    if m.group("half") or m.group("unit") in ("个半月", "个半小时"):
        value += 0.5
    return _iso_duration(value, _DUR_UNIT[m.group("unit")])


def _iso_duration(value: float, unit: str) -> str:
    if unit == "Q":
        value, unit = value * 3, "M"
    text = str(int(value)) if value == int(value) else f"{value:g}"
    if unit in ("H", "MIN", "S"):
        return f"PT{text}{'M' if unit == 'MIN' else unit}"
    return f"P{text}{unit}"


# ---------------------------------------------------------------------------------------------------------
# Resolution: in text order, against the publication date and the reference period.

@dataclass
class _Resolver:
    anchor: Optional[Date]
    ref_year: Optional[int] = None
    ref_month: Optional[Tuple[int, int]] = None
    ref_day: Optional[Date] = None
    ref_period: Optional[Tuple[str, str]] = None
    ref_holiday: Optional[Tuple[str, str]] = None

    def resolve(self, spec: tuple) -> Optional[Tuple[str, str]]:
        kind = spec[0]
        a = self.anchor
        if kind == "since":
            saved = (self.ref_year, self.ref_month, self.ref_day, self.ref_period)
            out = self.resolve(spec[1])
            self.ref_year, self.ref_month, self.ref_day, self.ref_period = saved
            return out
        if kind == "vague":
            return None
        if kind == "span":
            return spec[1], spec[2]
        if kind == "ymd":
            return self._ymd(spec[1], spec[2])
        if kind == "holiday":
            return self._holiday(spec[1], spec[2], spec[3])
        if kind == "ref_day":
            base = self.ref_day or a
            if base is None:
                return None
            day = base + timedelta(days=spec[1])
            return day.isoformat(), day.isoformat()
        if kind == "prev_month":
            base = self.ref_month or ((a.year, a.month) if a else None)
            if base is None:
                return None
            y, mo = _add_months(base[0], base[1], -1)
            return _month_range(y, mo, mo, spec[1])
        if kind == "ref_month":
            base = self.ref_month or ((a.year, a.month) if a else None)
            return None if base is None else _month_range(base[0], base[1], base[1])
        if a is None:
            return None
        if kind == "ago":
            unit, n = spec[1], spec[2]
            if unit == "Y":
                return f"{a.year + n:04d}-01-01", f"{a.year + n:04d}-12-31"
            if unit == "M":
                y, mo = _add_months(a.year, a.month, n)
                return _month_range(y, mo, mo)
            day = a + timedelta(days=n)
            return day.isoformat(), day.isoformat()
        if kind == "to_now":
            return f"{a.year:04d}-01-01", a.isoformat()
        if kind == "century":
            c = (a.year - 1) // 100 + spec[1]
            return f"{c * 100 + 1:04d}-01-01", f"{c * 100 + 100:04d}-12-31"
        if kind == "rel_day":
            day = a + timedelta(days=spec[1])
            return day.isoformat(), day.isoformat()
        if kind == "rel_month":
            y, mo = _add_months(a.year, a.month, spec[1])
            return _month_range(y, mo, mo)
        if kind == "rel_week":
            monday = a - timedelta(days=a.weekday()) + timedelta(weeks=spec[1])
            return monday.isoformat(), (monday + timedelta(days=6)).isoformat()
        if kind == "bare_day":
            d, d2 = spec[1], spec[2]
            y, mo = a.year, a.month
            if d > a.day + 7:
                y, mo = _add_months(y, mo, -1)  # a report on the 30th written on the 1st
            out = _day_range(y, mo, d, y, mo, d2)
            if out:
                self.ref_day = Date.fromisoformat(out[0])
                self.ref_month = (y, mo)
            return out
        if kind == "month_edge":
            return _month_range(a.year, a.month, a.month, spec[1])
        return None

    def _year(self, year: tuple, part: tuple) -> Optional[int]:
        a = self.anchor
        if year[0] == "abs":
            return year[1]
        if year[0] == "prev":
            base = self.ref_year or (a.year if a else None)
            return None if base is None else base - 1
        if year[0] == "ref":
            return self.ref_year or (a.year if a else None)
        if a is None:
            return None
        if year[0] == "rel":
            return a.year + year[1]
        first, last = _month_bounds(part, a)
        if year[0] == "ahead":
            return a.year  # 将于12月底开通 in February: this year's, not last year's
        # A bare month or quarter is the latest one begun by the publication month, and a running total
        # from January (1—11月份, 前三季度) the latest complete one; a bare 年初 or 全年 in January is
        # last year's, the year a January report looks back on.
        if first > a.month or (first == 1 and last > a.month and last - first >= 2):
            return a.year - 1
        return a.year

    def _ymd(self, year: tuple, part: tuple) -> Optional[Tuple[str, str]]:
        y = self._year(year, part)
        if y is None:
            return None
        kind = part[0]
        if kind == "same_period":
            if self.ref_period is None:
                return f"{y:04d}-01-01", f"{y:04d}-12-31"
            lo, hi = self.ref_period
            shift = y - int(hi[:4]) if year[0] != "ref" else 0
            return _shift_years(lo, shift), _shift_years(hi, shift)
        if kind == "whole":
            out = (f"{y:04d}-01-01", f"{y:04d}-12-31")
        elif kind == "edge":
            day = {"first": "01-01", "midyear": "06-30"}.get(part[1], "12-31")
            out = (f"{y:04d}-{day}", f"{y:04d}-{day}")
        elif kind == "half":
            out = (f"{y:04d}-01-01", f"{y:04d}-06-30") if part[1] == 1 else (f"{y:04d}-07-01", f"{y:04d}-12-31")
        elif kind == "quarters":
            q1, q2, edge = part[1], part[2], part[3]
            if q1 is None or q2 is None or not (1 <= q1 <= q2 <= 4):
                return None
            out = _month_range(y, q1 * 3 - 2, q2 * 3, edge)
        elif kind == "months":
            out = _month_range(y, part[1], part[2], part[3])
            if out and year[0] != "prev":
                self.ref_month = (y, part[2])
        elif kind == "day":
            mo, d, mo2, d2 = part[1], part[2], part[3], part[4]
            out = _day_range(y, mo, d, y, mo2 or mo, d2)
            if out:
                self.ref_day = Date.fromisoformat(out[1])
                self.ref_month = (y, mo2 or mo)
        else:
            return None
        if out and year[0] not in ("prev",):
            self.ref_year = y
            if kind != "day":
                self.ref_period = out
        return out

    def _holiday(self, year: tuple, name, part) -> Optional[Tuple[str, str]]:
        a = self.anchor
        if year[0] == "abs":
            y = year[1]
        elif year[0] == "rel" and a is not None:
            y = a.year + year[1]
        elif a is not None:
            y = a.year
        else:
            return None
        if name in ("五一", "劳动节"):
            last = {2019: 4, 2020: 5, 2021: 5, 2022: 4, 2023: 3, 2024: 5, 2025: 5}.get(y, 3)
            lo, hi = Date(y, 5, 1), Date(y, 5, last)
        elif name == "清明":
            first, last = {2019: (5, 7), 2020: (4, 6), 2021: (3, 5), 2022: (3, 5), 2023: (5, 5), 2024: (4, 6),
                           2025: (4, 6)}.get(y, (4, 6))
            lo, hi = Date(y, 4, first), Date(y, 4, last)
        elif name == "国庆":
            lo, hi = _NATIONAL_HOLIDAY.get(y, ("10-01", "10-07"))
            lo, hi = Date.fromisoformat(f"{y:04d}-{lo}"), Date.fromisoformat(f"{y:04d}-{hi}")
        elif name == "元旦":
            lo = hi = Date(y, 1, 1)
        else:
            if y not in _LUNAR_NEW_YEAR:
                return None
            new_year = Date(y, *_LUNAR_NEW_YEAR[y])
            if isinstance(name, tuple):
                lo = hi = new_year + timedelta(days=(name[1] or 1) - 1)
            elif name == "除夕":
                lo = hi = new_year - timedelta(days=1)
            elif name == "春运":
                lo, hi = new_year - timedelta(days=15), new_year + timedelta(days=24)
            elif y in _SPRING_HOLIDAY:
                lo, hi = (Date.fromisoformat(f"{y}-{d}") for d in _SPRING_HOLIDAY[y])
            else:
                lo, hi = new_year - timedelta(days=1), new_year + timedelta(days=5)
        if part:
            if part[0] == "first_days" and part[1]:
                hi = min(hi, lo + timedelta(days=part[1] - 1))
            elif part[0] == "last_day":
                lo = hi
            elif part[0] == "first_day":
                hi = lo
        self.ref_period = (lo.isoformat(), hi.isoformat())
        self.ref_year = y
        return lo.isoformat(), hi.isoformat()


def _month_bounds(part: tuple, a: Date) -> Tuple[int, int]:
    """The first and last month of a part of a year, for choosing its year."""
    kind = part[0]
    if kind == "months":
        return part[1] or 1, part[2] or 12
    if kind == "day":
        return part[1] or 1, part[3] or part[1] or 1
    if kind == "quarters":
        return (part[1] or 1) * 3 - 2, (part[2] or 4) * 3
    if kind == "half":
        return (1, 6) if part[1] == 1 else (7, 12)
    return (1, 12) if a.month == 1 else (1, 1)


def _shift_years(iso: str, years: int) -> str:
    y, mo, d = int(iso[:4]) + years, int(iso[5:7]), int(iso[8:10])
    d = min(d, calendar.monthrange(y, mo)[1])
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _add_months(y: int, mo: int, delta: int) -> Tuple[int, int]:
    index = y * 12 + (mo - 1) + delta
    return index // 12, index % 12 + 1


def _month_range(y: int, mo: Optional[int], mo2: Optional[int], edge: Optional[str] = None
                 ) -> Optional[Tuple[str, str]]:
    if mo is None or mo2 is None or not (1 <= mo <= mo2 <= 12) or not 1 <= y <= 9999:
        return None
    last = calendar.monthrange(y, mo2)[1]
    if edge == "first":
        return f"{y:04d}-{mo:02d}-01", f"{y:04d}-{mo:02d}-01"
    if edge == "last":
        return f"{y:04d}-{mo2:02d}-{last:02d}", f"{y:04d}-{mo2:02d}-{last:02d}"
    if edge == "early":
        return f"{y:04d}-{mo:02d}-01", f"{y:04d}-{mo:02d}-10"
    if edge == "mid":
        return f"{y:04d}-{mo:02d}-11", f"{y:04d}-{mo:02d}-20"
    if edge == "late":
        return f"{y:04d}-{mo2:02d}-21", f"{y:04d}-{mo2:02d}-{last:02d}"
    return f"{y:04d}-{mo:02d}-01", f"{y:04d}-{mo2:02d}-{last:02d}"


def _day_range(y: int, mo: Optional[int], d: Optional[int], y2: int, mo2: Optional[int], d2: Optional[int]
               ) -> Optional[Tuple[str, str]]:
    if mo is None or d is None or mo2 is None or not (1 <= mo <= 12 and 1 <= mo2 <= 12) or not 1 <= y <= 9999:
        return None
    if not 1 <= d <= calendar.monthrange(y, mo)[1]:
        return None
    lo = Date(y, mo, d)
    if d2 is None:
        return lo.isoformat(), lo.isoformat()
    if not 1 <= d2 <= calendar.monthrange(y2, mo2)[1]:
        return None
    hi = Date(y2, mo2, d2)
    return (lo.isoformat(), hi.isoformat()) if hi >= lo else None
