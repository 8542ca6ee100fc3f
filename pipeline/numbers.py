"""Quantities: extraction and normalisation over the canonical text (ANNOTATION.md §4).

Everything here is a pure function of the text. The text is first folded to half width with a
length-preserving table, so every regex works on ASCII digits and every offset is still an offset into
the canonical text. Chinese numerals are read by cn2an; this module adds what cn2an gets wrong or does
not do: Arabic numbers with Chinese magnitudes (5.86万亿), mixed forms (十亿3000万), approximate forms
(十几万, 数十, 三四十, 300多), percent, fraction, multiple and unit words, qualifiers and ranges.

Times are found by :mod:`pipeline.times`; a number inside a time (2025年6月, 15个交易日) is not a quantity.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from bisect import bisect_left, bisect_right
from dataclasses import replace
from itertools import accumulate
from typing import List, Optional, Tuple

import cn2an

from .model import Quantity, TimeExpr

__all__ = ["extract_quantities", "extract_times", "fold_width", "is_lower_bound", "parse_numeral"]

# ---------------------------------------------------------------------------------------------------------
# Width folding: one character to one character, so offsets survive.

_FOLD = {0xFF10 + i: ord("0") + i for i in range(10)}
_FOLD.update({0xFF21 + i: ord("A") + i for i in range(26)})
_FOLD.update({0xFF41 + i: ord("a") + i for i in range(26)})
_FOLD.update({
    ord("．"): ".", ord("％"): "%", ord("－"): "-", ord("−"): "-", ord("～"): "~", ord("／"): "/",
    ord("："): ":", ord("∶"): ":", ord("＋"): "+", ord("￥"): "¥", ord("＄"): "$", ord("（"): "(",
    ord("）"): ")", ord("–"): "-", ord("〜"): "~", ord("﹪"): "%",
})
_FOLD = str.maketrans(_FOLD)


@lru_cache(maxsize=8)
def fold_width(text: str) -> str:
    """Full-width digits, letters and number punctuation folded to ASCII; the length never changes."""
    return text.translate(_FOLD)


# ---------------------------------------------------------------------------------------------------------
# Numerals.

_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_DIGIT_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_CN_DIGIT_VALUE.update({"零": 0, "两": 2})
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_ARABIC_RE = re.compile(rf"(?:{_ARABIC})")
_SMALL_MULT = {"十": 10, "百": 100, "千": 1000}
_BIG_MULT = (("亿", Decimal(10) ** 8), ("万", Decimal(10) ** 4))
_PAIR_RANGE = re.compile(r"一两|([一二两三四五六七八九])([二三四五六七八九])")


@lru_cache(maxsize=4096)
def _cn2an(s: str) -> Optional[Decimal]:
    """A pure Chinese numeral through cn2an, or None when cn2an refuses it."""
    if s[0] in "百千":
        s = "一" + s  # cn2an refuses 百万, 千万元; in a quantity they mean one hundred, one thousand ...
    try:
        value = cn2an.cn2an(s, "normal")
    except (ValueError, KeyError, IndexError):
        return None
    return Decimal(str(value))


def _exact(s: str) -> Optional[Decimal]:
    """An exact numeral: Arabic, Chinese, or Arabic with Chinese magnitudes (5.86万亿, 十亿3000万, 13万2)."""
    if not s:
        return None
    if _ARABIC_RE.fullmatch(s):
        return Decimal(s.replace(",", ""))
    if not any(c.isdigit() for c in s):
        if not any(c in "十百千万亿点" for c in s) and len(s) > 1:
            return None  # digit strings (一二, 二〇二〇) are codes or years, never an amount
        value = _cn2an(s)
        if value is not None or not any(c in "万亿" for c in s[1:]):
            return value
        # cn2an refuses 十三点九万亿: read the magnitudes here and the parts through cn2an
    for mark, mult in _BIG_MULT:
        cut = s.rfind(mark)
        if cut >= 0:
            head, tail = s[:cut], s[cut + 1:]
            high = _exact(head)
            if high is None:
                return None
            if not tail:
                return high * mult
            if len(tail) == 1 and (tail.isdigit() or tail in _CN_DIGIT_VALUE):
                # Spoken form: 13万2 is 132,000, 1亿5 is 150,000,000.
                digit = int(tail) if tail.isdigit() else _CN_DIGIT_VALUE[tail]
                return high * mult + digit * mult / 10
            low = _exact(tail)
            if low is None or low >= mult:
                return None
            return high * mult + low
    if not any(c.isdigit() for c in s):
        return _cn2an(s)
    m = _ARABIC_RE.match(s)
    if m and m.end() == len(s) - 1 and s[-1] in _SMALL_MULT:
        return Decimal(m.group().replace(",", "")) * _SMALL_MULT[s[-1]]
    return None


def parse_numeral(s: str) -> Optional[Tuple[float, float]]:
    """The value of a numeral as (low, high): equal for an exact numeral, the ends for 三四十 or 两三.

    ``s`` is folded text without qualifiers. 多/余 inside it (300多万) are dropped: ANNOTATION.md marks them
    with the qualifier ``>``, which :func:`is_lower_bound` reports. A vague digit 数/几 is a range over the
    place it stands on (corpora/gold/DECISIONS.md, "Vague numerals"): 2 to 9 of it (数万 is 20,000 to 90,000,
    数十 20 to 90, bare 几 2 to 9), or 1 to 9 after 十 (十几万 is 110,000 to 190,000, 二十几 21 to 29).
    Returns None when ``s`` is not a numeral.
    """
    bounds = _numeral_bounds(s)
    if bounds is None:
        return None
    return float(bounds[0]), float(bounds[1])


def is_lower_bound(s: str) -> bool:
    """Whether a numeral names a lower bound: 300多万, 1000余, 上亿 (数万 and 十几 are ranges, not bounds)."""
    return any(c in s for c in "多余上")


@lru_cache(maxsize=4096)
def _numeral_bounds(s: str) -> Optional[Tuple[Decimal, Decimal]]:
    s = s.replace("多", "").replace("余", "")
    if s[0] == "上":
        s = "一" + s[1:]  # 上亿 is at least one hundred million
    vague = [i for i, c in enumerate(s) if c in "数几"]
    if vague:
        # A vague digit spans the place it stands on: 2 to 9 of it (数万, 几百万, 数十, bare 几), or 1 to 9
        # after 十 (十几万, 二十几), where a units digit of 0 would leave plain 十.
        if len(vague) > 1 or any(c.isdigit() for c in s):
            return None
        i = vague[0]
        if i + 1 < len(s) and s[i + 1] not in "十百千万亿":
            return None
        low_digit = "一" if s[i - 1:i] == "十" else "二"
        if i > 0 and s[i - 1] != "十":
            return None
        return _pair(_exact(s[:i] + low_digit + s[i + 1:]), _exact(s[:i] + "九" + s[i + 1:]))
    pair = _PAIR_RANGE.search(s)
    if pair and not any(c.isdigit() for c in s):
        if pair.group() == "一两":
            low, high = s.replace("一两", "一", 1), s.replace("一两", "两", 1)
        else:
            first, second = pair.groups()
            if _CN_DIGIT_VALUE[second] != _CN_DIGIT_VALUE[first] + 1:
                return None
            low = s[:pair.start()] + first + s[pair.end():]
            high = s[:pair.start()] + second + s[pair.end():]
        return _pair(_exact(low), _exact(high))
    value = _exact(s)
    return None if value is None else (value, value)


def _pair(low: Optional[Decimal], high: Optional[Decimal]) -> Optional[Tuple[Decimal, Decimal]]:
    if low is None or high is None or low > high:
        return None
    return low, high


# ---------------------------------------------------------------------------------------------------------
# Units. Each entry: text -> (unit, kind, factor applied to the value).

_CURRENCIES = {
    "元人民币": "CNY", "人民币": "CNY", "元": "CNY", "块钱": "CNY",
    "美元": "USD", "美金": "USD", "港元": "HKD", "港币": "HKD", "欧元": "EUR", "日元": "JPY", "英镑": "GBP",
    "韩元": "KRW", "卢布": "RUB", "澳元": "AUD", "加元": "CAD", "新加坡元": "SGD", "瑞士法郎": "CHF",
    "新台币": "TWD", "澳门元": "MOP", "澳门币": "MOP", "卢比": "INR", "泰铢": "THB", "越南盾": "VND",
    "林吉特": "MYR", "雷亚尔": "BRL", "兰特": "ZAR", "里拉": "TRY",
}
_MEASURES = {
    "平方公里": "km2", "平方千米": "km2", "平方米": "m2", "平米": "m2", "立方米": "m3",
    "公里": "km", "千米": "km", "厘米": "cm", "毫米": "mm", "纳米": "nm", "微米": "um", "米": "m",
    "公顷": "ha", "亩": "亩", "吨": "t", "千克": "kg", "公斤": "kg", "克": "g", "毫克": "mg", "微克": "ug", "斤": "斤",
    "千瓦时": "kWh", "度电": "kWh", "兆瓦时": "MWh", "吉瓦时": "GWh", "太瓦时": "TWh", "千瓦": "kW",
    "兆瓦": "MW", "吉瓦": "GW", "瓦": "W", "千伏": "kV", "伏": "V", "毫升": "mL", "升": "L",
    "摄氏度": "°C", "℃": "°C", "海里": "nmi", "英里": "mi", "岁": "岁", "周岁": "岁", "标准箱": "TEU",
    "标箱": "TEU", "桶": "桶", "分贝": "dB", "赫兹": "Hz", "光年": "ly", "英寸": "in",
    "km": "km", "kg": "kg", "kWh": "kWh", "MW": "MW", "GW": "GW", "kW": "kW",
    "GB": "GB", "TB": "TB", "MB": "MB", "Gbps": "Gbps", "Mbps": "Mbps", "mm": "mm", "cm": "cm",
    "nm": "nm", "mAh": "mAh", "GHz": "GHz", "MHz": "MHz", "Hz": "Hz", "TEU": "TEU", "瓦时": "Wh",
    "EFLOPS": "EFLOPS", "PFLOPS": "PFLOPS", "TFLOPS": "TFLOPS", "点": "点",
    "km/h": "km/h", "公里/小时": "km/h", "千米/小时": "km/h",
}
_CLASSIFIERS = (
    "人次 架次 车次 班次 户次 批次 艘次 辆次 队次 台次 场次 部门 省市 省区市 省份 家 个 种 人 次 股 辆 台 项 户 名 "
    "位 件 只 头 条 座 所 套 批 类 份 部 篇 本 张 架 艘 颗 枚 棵 株 处 场 届 支 宗 起 例 口 款 道 首 幅 册 轮 层 "
    "栋 间 副 把 对 双 块 片 根 匹 列 趟 门 笔 箱 袋 瓶 包 盒 粒 卷 剂 针 孔 席 基 卡 所 床 票 国 省 市 县 村 镇 乡 区 家次 人口 手"
).split()
# Classifiers that begin longer words (3家庭 is not 3 家 + 庭): a classifier followed by one of these is no unit.
_CLASSIFIER_BLOCK = {
    "家": "庭长人乡园族属具居", "人": "民员们才口类工士性均", "次": "日年月要序", "股": "份东权市票价",
    "台": "湾阶", "名": "单义称字额牌", "位": "于置列", "所": "以有谓长", "部": "署分长", "本": "报次届市地",
    "处": "理于在置长", "口": "罩岸径号", "道": "路德理", "门": "槛户类", "首": "都次先批",
    "国": "家内际务企有产", "省": "份委长级", "市": "场民值委长级区", "县": "城委长级域", "村": "民委庄级",
    "镇": "长", "乡": "村镇亲", "区": "域块间别分", "手": "机术段续工艺中里上下指脚册套表", "节": "能约点日目", "间": "接隔", "起": "来步", "席": "位",
    "对": "于外话接", "双": "方边", "块": "钱", "片": "区", "根": "本据", "卡": "片车",
    "票": "价房", "条": "件例", "项": "目", "场": "景所合馆", "批": "准复次", "种": "类植子",
    "个": "人体性", "只": "有是要能", "头": "条部", "届": "全中人政一二三四五六七八九十", "基": "础本金地层",
    "米": "粮饭", "克": "服隆", "瓦": "解", "伏": "天", "升": "级值高至", "斤": "两",
}
# Classifiers that name places: after a Chinese numeral they are mostly names (三国, 两岸四地, 五省).
_PLACE_CLASSIFIERS = {"国"}
_COUNTED_TWICE = set("辆艘架队人车班户批台场家")  # 6万余辆次: a classifier followed by 次 counts trips
_PERCENTS = {
    "个百分点": ("pp", "PERCENT_POINT", Decimal(1)), "百分点": ("pp", "PERCENT_POINT", Decimal(1)),
    "个基点": ("bp", "PERCENT_POINT", Decimal(1)), "基点": ("bp", "PERCENT_POINT", Decimal(1)),
    "bp": ("bp", "PERCENT_POINT", Decimal(1)), "BP": ("bp", "PERCENT_POINT", Decimal(1)),
    "bps": ("bp", "PERCENT_POINT", Decimal(1)),
    "%": ("%", "PERCENT", Decimal(1)), "‰": ("%", "PERCENT", Decimal("0.1")), "倍": ("x", "MULTIPLE", Decimal(1)),
}
_UNITS = {}
for _word, _code in _CURRENCIES.items():
    _UNITS[_word] = (_code, "MONEY", Decimal(1))
for _word, _symbol in _MEASURES.items():
    _UNITS[_word] = (_symbol, "MEASURE", Decimal(1))
for _word in _CLASSIFIERS:
    _UNITS.setdefault(_word, (_word, "COUNT", Decimal(1)))
_UNITS.update(_PERCENTS)
_UNITS["人口"] = ("人", "COUNT", Decimal(1))
_STRONG_KINDS = ("MONEY", "MEASURE", "PERCENT", "PERCENT_POINT", "MULTIPLE")

_UNIT_RE = re.compile("|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True)))
_ASCII_UNITS = {u for u in _UNITS if u.isascii() and u[0].isalpha()}
_PER_UNITS = {u: v[0] for u, v in _UNITS.items() if v[1] in ("COUNT", "MEASURE")}
_PER_UNITS.update({"年": "年", "月": "月", "天": "d", "日": "d", "小时": "h"})
# A compound unit: money per something, written after (26.30元/股, 万元/亩) or before (每公斤52.40元).
_PER_RE = re.compile(r"/(" + "|".join(re.escape(u) for u in sorted(_PER_UNITS, key=len, reverse=True)) + ")")
_PER_BEFORE_RE = re.compile(r"每(公斤|千克|斤|吨|克|股|平方米|亩|桶|升|千瓦时|度电|度)")

# ---------------------------------------------------------------------------------------------------------
# Candidate numbers and the words around them.

_CN_CHARS = "零〇一二两三四五六七八九十百千万亿几"
# A bare 数 (数个, 数家) but not the tail of a word (少数, 无数, 人数, 如数家珍) nor after a digit (百万数量级).
_BARE_SHU = r"(?<![多少无半人次个件户台票岁总倍指分基系参变函位如\d零〇一二两三四五六七八九百千万亿])数"
_RUN_RE = re.compile(
    rf"(?:数(?=[十百千万亿])|{_BARE_SHU}(?![\d{_CN_CHARS}数])|(?<![以之])上(?=[百千万亿])|千(?![米克瓦伏兆焦帕])|百(?!分点)|[{_CN_CHARS.replace('千', '').replace('百', '')}]"
    rf"|{_ARABIC}|点(?=[{_CN_DIGITS}])|(?<=[\d十百千])[多余](?=[十百千万亿]))+"
)
_FRACTION_RE = re.compile(rf"分之((?:[{_CN_CHARS}]|{_ARABIC}|点(?=[{_CN_DIGITS}]))+)")
_SLASH_FRACTION_RE = re.compile(r"(?<![\d/.])(\d{1,3})/(\d{1,4})(?![\d/])")
_MULTIPLE_RE = re.compile(r"翻(?:了)?(?:(一|两|二|三|四|\d)番|番|倍)")
# 三大任务, 两大优势: a count written with 大 (ANNOTATION.md §6); 十九大, 三大会 are names.
_BIG_FEW_RE = re.compile(r"(?<![一二两三四五六七八九十第前])([两二三四五六七八九十])(大|者)(?![会学厦桥街道队院使夫爷姐哥娘叔片类])")
_HALF_RE = re.compile(r"一半|(?<![过超])半数")
_OVER_HALF_RE = re.compile(r"过半(?:数)?(?![夜年月天日小])|超半数")
_TWO_DIGIT_RE = re.compile(r"[两双]位数")
_TITLE_RE = re.compile(r"《[^《》\n]{0,60}》")
_SHORT_QUOTE_RE = re.compile(r"“[^“”\n]{1,8}”")
# Numbers inside names (ANNOTATION.md §6): 十九届四中全会, 中央纪委四次全会, 和平共处五项原则, 第二次全体会议.
_NAMED_NUMBER_RE = re.compile(r"[一二三四五六七八九十\d]+(?:次全会|中全会|次全体会议|次全国代表大会)|和平共处五项原则")
_RANGE_SEP_RE = re.compile(r"(?:至|到|~|-{1,2}|—{1,2})(?=[\d" + _CN_CHARS + r"数])")
_LIST_SEP_RE = re.compile(r"(?:、|和|与|及|或|，)")
_CHENG_RE = re.compile(r"成(?![为立功员本果长就熟都交效型绩分品千不全了像])")

# Qualifiers inside the span (bound markers) and outside it (verbs and comparisons), longest first.
_PREFIX_IN = {
    "大约": "~", "约": "~", "将近": "~", "近": "~", "超过": ">", "超": ">", "逾": ">", "不到": "<", "不足": "<",
    "至少": ">=", "最多": "<=", "至多": "<=", "不超过": "<=", "不少于": ">=", "不低于": ">=", "少于": "<",
    "多于": ">", "不高于": "<=", "大于": ">", "小于": "<", "约合": "~",
}
_PREFIX_OUT = {"突破": ">", "高于": ">", "低于": "<", "接近": "~", "超出": ">"}
_PREFIX_RE = re.compile("(?:" + "|".join(sorted(map(re.escape, {**_PREFIX_IN, **_PREFIX_OUT}), key=len,
                                                reverse=True)) + r")$")
_YUE_WORDS = ("签约", "预约", "节约", "合约", "条约", "公约", "特约", "制约", "违约", "履约", "邀约", "相约", "契约", "新约")
_NEAR_WORDS = ("最近", "附近", "接近", "将近", "临近", "贴近", "亲近", "靠近", "就近", "邻近")
_POSTFIX = {"左右": "~", "上下": "~", "以上": ">", "以下": "<", "以内": "<=", "有余": ">", "开外": ">", "之内": "<="}
_POSTFIX_RE = re.compile(r"左右|上下(?![游级班下])|以上|以下|以内|有余|开外|之内")
_CURRENCY_SYMBOLS = (("US$", "USD"), ("HK$", "HKD"), ("¥", "CNY"), ("$", "USD"), ("€", "EUR"), ("£", "GBP"))
_ORDINAL_BEFORE = ("第", "初", "周", "星期", "礼拜", "NO.", "No.", "no.", "#", "前", "国道", "省道", "县道", "编号",
                   "代码", "邮编", "热线", "电话", "专线", "号码", "手机", "传真", "账号", "批号", "型号", "文号", "证号",
                   "尾号", "排名", "位列", "位居", "名列", "列第", "居第")
# Words after a number that make it a label, code or time of day rather than an amount.
_LABEL_AFTER = re.compile(
    r"号|型|代(?!表)|版|楼|路(?!段)|后(?=[”\"’、，。）)\s]|出生)|时(?![期代间])|分(?![之别钟享行])"
    r"|秒|级|线|期(?!间)|周年|届(?=[一二三四五六七八九十全中人政])|强")
# A bare number glued to one of these is still an amount (增至360，…); before any other CJK it is a name (360集团).
_BARE_FOLLOWERS = set("和与及或至到、，。；：！？）)”的是为了在以上下左多余之万亿\n ")
_MONEY_CONTEXT = re.compile(r"套现|募资|募集|融资|营收|营业收入|收入|利润|净利|金额|资金|投资|市值|成交额|亏损|销售额|总额|估值|"
                            r"产值|交易额|资产|负债|总价|价值|营业额|税收|补贴|奖金|收益|红包|存款|贷款|余额|进出口|出口|进口|"
                            r"消费|票房|GDP|生产总值|社会融资|增加值")
_CLAUSE_START = re.compile(r"[，。；！？\n：:（(]")


def extract_quantities(text: str) -> List[Quantity]:
    """Quantities in ``text`` as ANNOTATION.md §4 defines them; fact roles are left unset."""
    from .times import time_spans  # times imports this module, so it is imported here

    folded = fold_width(text)
    blocked = _SpanSet([*time_spans(text), *(m.span() for m in _TITLE_RE.finditer(folded)),
                        *(m.span() for m in _NAMED_NUMBER_RE.finditer(folded))])
    found = _special_quantities(folded, blocked)
    taken = _SpanSet([(q.start, q.end) for q in found])
    short_quotes = _SpanSet([m.span() for m in _SHORT_QUOTE_RE.finditer(folded)])
    pos = 0
    n = len(folded)
    while pos < n:
        m = _RUN_RE.search(folded, pos)
        if m is None:
            break
        pos = m.end()
        if taken.contains(m.start()) or blocked.contains(m.start()):
            continue
        quantity, end = _read_quantity(folded, m)
        pos = max(pos, end)
        if quantity is None or blocked.overlaps(quantity.start, quantity.end):
            continue
        if short_quotes.contains(quantity.start) and not any(c.isdigit() for c in folded[m.start():m.end()]):
            continue  # “一带一路”, “最后一公里”: numerals in short slogans
        found.append(quantity)
    found.sort(key=lambda q: q.start)
    return _share_units(folded, _drop_overlaps(found))


def extract_times(text: str, date: Optional[str] = None) -> List[TimeExpr]:
    """Times in ``text`` (ANNOTATION.md §3); see :func:`pipeline.times.extract_times`."""
    from .times import extract_times as _extract_times

    return _extract_times(text, date)


class _SpanSet:
    """Sorted half-open spans with logarithmic membership and overlap tests."""

    def __init__(self, spans) -> None:
        spans = sorted(spans)
        self._starts = [s for s, _ in spans]
        self._reach = list(accumulate((e for _, e in spans), max))  # the furthest end among spans so far

    def contains(self, pos: int) -> bool:
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and self._reach[i] > pos

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self._starts, end) - 1
        return i >= 0 and self._reach[i] > start


def _drop_overlaps(quantities: List[Quantity]) -> List[Quantity]:
    kept: List[Quantity] = []
    for q in quantities:
        if kept and q.start < kept[-1].end:
            if (q.end - q.start) > (kept[-1].end - kept[-1].start):
                kept[-1] = q
            continue
        kept.append(q)
    return kept


def _share_units(folded: str, quantities: List[Quantity]) -> List[Quantity]:
    """A list shares its last unit: 3.02万亿、3.55万亿和4.10万亿元; 提高0.8和1.3个百分点; 1.5个和2个百分点."""
    out = list(quantities)
    for i in range(len(out) - 2, -1, -1):
        q, nxt = out[i], out[i + 1]
        if nxt.kind in ("CARDINAL", "COUNT") or q.kind not in ("CARDINAL", "COUNT"):
            continue
        if q.kind == "COUNT" and q.unit != "个":
            continue
        gap = folded[q.end:nxt.start]
        if not _LIST_SEP_RE.fullmatch(gap) or (gap == "，" and q.kind != "CARDINAL"):
            continue
        factor = _unit_factor(folded, nxt)
        out[i] = replace(q, unit=nxt.unit, kind=nxt.kind,
                         value=_scaled(q.value, factor), min=_scaled(q.min, factor), max=_scaled(q.max, factor))
    return out


def _unit_factor(folded: str, q: Quantity) -> Decimal:
    for word, (_, _, factor) in _PERCENTS.items():
        if factor != 1 and word in folded[q.start:q.end]:
            return factor
    return Decimal(1)


def _scaled(value: Optional[float], factor: Decimal) -> Optional[float]:
    return None if value is None else float(Decimal(str(value)) * factor)


def _special_quantities(folded: str, blocked) -> List[Quantity]:
    """Forms that do not start with a number: 翻一番, 三大, 一半, 两位数; and 1/3, never a date."""
    found = []
    for m in _MULTIPLE_RE.finditer(folded):
        times = 1 if m.group(1) is None else _exact(m.group(1))
        if times is not None:
            found.append(Quantity(m.start(), m.end(), value=float(2 ** int(times)), unit="x", kind="MULTIPLE"))
    for m in _SLASH_FRACTION_RE.finditer(folded):
        num, den = int(m.group(1)), int(m.group(2))
        if 0 < num < den:
            qualifier, start = _qualifier_before(folded, m.start())
            found.append(Quantity(start, m.end(), value=round(num / den, 10), unit="fraction", kind="FRACTION",
                                  qualifier=qualifier))
    for m in _BIG_FEW_RE.finditer(folded):
        found.append(Quantity(m.start(), m.end(), value=float(_CN_DIGIT_VALUE.get(m.group(1), 10)), unit="",
                              kind="CARDINAL"))
    for m in _HALF_RE.finditer(folded):
        qualifier, start = _qualifier_before(folded, m.start())
        found.append(Quantity(start, m.end(), value=0.5, unit="fraction", kind="FRACTION", qualifier=qualifier))
    for m in _OVER_HALF_RE.finditer(folded):
        # 过半 / 超半数: more than half (the marker is part of the word)
        found.append(Quantity(m.start(), m.end(), value=0.5, unit="fraction", kind="FRACTION", qualifier=">"))
    for m in _TWO_DIGIT_RE.finditer(folded):
        qualifier, start = _qualifier_before(folded, m.start())
        found.append(Quantity(start, m.end(), value=10.0, unit="%", kind="PERCENT", qualifier=qualifier))
    return [q for q in found if not blocked.overlaps(q.start, q.end)]


def _qualifier_before(folded: str, start: int) -> Tuple[str, int]:
    """The qualifier a marker before ``start`` sets, and where the span starts (markers of §4 are inside)."""
    prefix = _PREFIX_RE.search(folded, max(0, start - 3), start)
    if prefix is None or prefix.end() != start:
        return "=", start
    word = prefix.group()
    if word == "近" and folded[start - 2:start] in _NEAR_WORDS:
        return "=", start
    if word == "约" and folded[start - 2:start] in _YUE_WORDS:
        return "=", start  # 签约8亿元: the 约 of a word, not "about"
    if word in _PREFIX_IN:
        return _PREFIX_IN[word], start - len(word)
    return _PREFIX_OUT[word], start


def _read_quantity(folded: str, m: re.Match) -> Tuple[Optional[Quantity], int]:
    """The quantity whose numeral is ``m``, and the position to scan on from."""
    start, end = m.span()
    run = m.group()

    frac = _FRACTION_RE.match(folded, end)
    if frac:
        return _read_fraction(folded, start, run, frac), frac.end()

    before = folded[max(0, start - 6):start]
    after = folded[end:end + 8]
    if _is_code_or_label(run, before, after):
        code = _CODE_TAIL_RE.match(folded, end)  # 1.2.3, 010-1234-5678: consume the whole code
        return None, code.end()

    bounds = _numeral_bounds(run)
    if bounds is None:
        # A numeral glued to a Chinese word (100万一…): keep its Arabic part with magnitudes.
        head = _ARABIC_HEAD_RE.match(run)
        if not head or head.end() == len(run):
            return None, end
        end, run = start + head.end(), head.group()
        bounds = _numeral_bounds(run)
        if bounds is None:
            return None, end
    lo, hi = bounds
    qualifier = ">" if is_lower_bound(run) else "="
    pure_cn = not any(c.isdigit() for c in run)
    if pure_cn and (run[0] in "万亿" or run == "零"):
        return None, end  # 万家, 亿万, 零部件
    if run[0] in "数几" and before[-1:] == "点":
        return None, end  # 零点几毫米: a vague decimal digit

    cursor = end
    if folded[cursor:cursor + 1] in ("多", "余") and (
            _UNIT_RE.match(folded, cursor + 1) or _CHENG_RE.match(folded, cursor + 1)):
        qualifier = ">"  # 300多倍, 1000余家
        cursor += 1
    unit_info = _match_unit(folded, cursor, run)
    if run in ("数", "几") and (unit_info is None or before.endswith(_ENUMERATORS)):
        return None, end  # a bare 数 or 几 counts only before its classifier (几个, 数家): not 数到20, 以下几个方面
    unit, kind, factor = ("", "CARDINAL", Decimal(1)) if unit_info is None else unit_info[:3]
    if unit_info is not None:
        cursor = unit_info[3]

    # A range: 2至3次, 10%—20%, 1000万至2000万元, 5到8个百分点.
    bounds2 = None
    sep = _RANGE_SEP_RE.match(folded, cursor)
    if sep:
        m2 = _RUN_RE.match(folded, sep.end())
        b2 = _numeral_bounds(m2.group()) if m2 else None
        if b2 is not None and not (sep.group()[0] == "-" and folded[m2.end():m2.end() + 1] == "-"):
            c2 = m2.end()
            if folded[c2:c2 + 1] in ("多", "余") and _UNIT_RE.match(folded, c2 + 1):
                c2 += 1
            unit2 = _match_unit(folded, c2, m2.group())
            if unit_info is None and unit2 is not None:
                unit, kind, factor = unit2[:3]  # 2至3次, 1至2万元: the second unit serves both ends
                lo, hi = _borrow_magnitude(run, m2.group(), lo, hi)
                bounds2, cursor = b2, unit2[3]
            elif unit2 is None and (unit_info is None or kind in _STRONG_KINDS and folded[c2:c2 + 1] != "-"):
                bounds2, cursor = b2, c2  # 10至20, 3%至5
            elif unit2 is not None and unit2[0] == unit:
                bounds2, cursor = b2, unit2[3]

    if unit_info is None and bounds2 is None:
        if pure_cn and not _standalone_cn(run):
            return None, end
        if not pure_cn and not _standalone_arabic(run, before, after):
            return None, end
        if any(c in run for c in "万亿") or unit == "":
            currency = _currency_from_context(folded, start, before, run)
            if currency:
                unit, kind = currency, "MONEY"
    if pure_cn and run in ("百", "千") and kind not in _STRONG_KINDS:
        return None, end  # 千家万户, 百花齐放; but 每百元 is money
    if pure_cn and run == "一" and kind in ("COUNT", "CARDINAL") and bounds2 is None:
        if _qualifier_before(folded, start)[0] == "=":
            return None, end  # 一批, 一家: an article, not a count; 至少有一项 is a count
    if pure_cn and unit in _PLACE_CLASSIFIERS:
        return None, end

    if kind in ("MONEY", "MEASURE"):
        per = _PER_RE.match(folded, cursor)
        if per:
            unit = f"{unit}/{_PER_UNITS[per.group(1)]}"
            cursor = per.end()
        elif kind == "MONEY" and "/" not in unit:
            per_before = _per_before(folded, start)
            if per_before:
                unit = f"{unit}/{per_before}"

    post = _POSTFIX_RE.match(folded, cursor)
    if post:
        qualifier = _POSTFIX[post.group()]
        cursor = post.end()
    elif kind == "MULTIPLE" and folded[cursor:cursor + 1] == "多":
        qualifier = ">"
        cursor += 1

    span_start = start
    if qualifier == "=" or folded[start - 1:start] in ("约", "近", "超", "逾"):
        q2, span_start = _qualifier_before(folded, start)
        if q2 != "=" and qualifier in ("=", ">", "~"):
            qualifier = q2 if qualifier == "=" else qualifier
    sign = 1
    for symbol, code in _CURRENCY_SYMBOLS:
        if span_start >= len(symbol) and folded.startswith(symbol, span_start - len(symbol)):
            if kind in ("CARDINAL", "MONEY"):
                if unit_info is None:  # $300万: the symbol is the currency
                    unit, kind = code, "MONEY"
                span_start -= len(symbol)
            break
    if span_start == start and folded[start - 1:start] == "-":
        prev = folded[start - 2:start - 1]
        if not (prev.isascii() and prev.isalnum()) and prev not in ")%":
            sign, span_start = -1, start - 1
    elif span_start == start and folded[start - 1:start] == "负" and kind in ("PERCENT", "MONEY", "PERCENT_POINT"):
        sign, span_start = -1, start - 1

    lo, hi = lo * factor * sign, hi * factor * sign
    if bounds2 is not None:
        hi2 = max(bounds2) * factor
        return Quantity(span_start, cursor, value=None, unit=unit, kind=kind, qualifier="range",
                        min=float(lo), max=float(hi2)), cursor
    if lo != hi:
        return Quantity(span_start, cursor, value=None, unit=unit, kind=kind, qualifier="range",
                        min=float(lo), max=float(hi)), cursor
    return Quantity(span_start, cursor, value=float(lo), unit=unit, kind=kind, qualifier=qualifier), cursor


_CODE_TAIL_RE = re.compile(r"[\w.\-]*", re.ASCII)
_ENUMERATORS = ("以下", "如下", "下列", "下面", "以上")  # 以下几个方面, 如下几点: announcing a list, not a count
_ARABIC_HEAD_RE = re.compile(rf"(?:{_ARABIC})[多余]?[十百千万亿]*")


def _borrow_magnitude(run: str, run2: str, lo: Decimal, hi: Decimal) -> Tuple[Decimal, Decimal]:
    """1至2万元: the first end borrows the second's magnitude when it has none of its own."""
    if any(c in "万亿" for c in run):
        return lo, hi
    for mark, mult in (("万亿", Decimal(10) ** 12), ("亿", Decimal(10) ** 8), ("万", Decimal(10) ** 4)):
        if run2.endswith(mark):
            second = _exact(run2[: -len(mark)])
            if second is not None and lo <= second:
                return lo * mult, hi * mult
            break
    return lo, hi


def _match_unit(folded: str, pos: int, run: str):
    """(unit, kind, factor, end) of the unit word at ``pos``, or None."""
    u = _UNIT_RE.match(folded, pos)
    cheng = _CHENG_RE.match(folded, pos)
    if cheng and (not u or len(u.group()) <= 1) and not run.endswith(("万", "亿")):
        return "%", "PERCENT", Decimal(10), cheng.end()  # 三成 is 30%
    if u is None:
        return None
    word = u.group()
    unit, kind, factor = _UNITS[word]
    end = u.end()
    nxt = folded[end:end + 1]
    if word in _ASCII_UNITS and nxt.isascii() and nxt.isalpha():
        return None
    if kind == "COUNT" and nxt and nxt in _CLASSIFIER_BLOCK.get(word, ""):
        return None
    if word == "个" and folded.startswith(("百分点", "基点"), end):
        return None
    if word in ("米", "克", "升", "瓦", "伏") and len(run) == 1 and not run.isdigit():
        return None  # 一米阳光: a single Chinese digit before a short measure word is mostly a word
    if word == "点" and not ("." in run or (run.isdigit() and int(run) > 24)):
        return None  # 三点建议, 10点: index points are decimals or above the hours of a day
    if kind == "COUNT" and word in _COUNTED_TWICE and nxt == "次":
        unit, end = word + "次", end + 1
    return unit, kind, factor, end


def _per_before(folded: str, start: int) -> Optional[str]:
    """每公斤 earlier in the clause makes a price per kilogram (每公斤52.40元和48.15元)."""
    clause = _clause_before(folded, start)
    m = None
    for m in _PER_BEFORE_RE.finditer(folded, clause, start):
        pass
    if m is None:
        return None
    word = m.group(1)
    return _PER_UNITS.get(word, {"度": "kWh"}.get(word, word))


def _clause_before(folded: str, start: int) -> int:
    lo = max(0, start - 40)
    cut = lo
    for m in _CLAUSE_START.finditer(folded, lo, start):
        cut = m.end()
    return cut


def _read_fraction(folded: str, start: int, run: str, frac: re.Match) -> Optional[Quantity]:
    end = frac.end()
    numerator = _numeral_bounds(frac.group(1))
    per = {"百": Decimal(100), "千": Decimal(1000), "万": Decimal(10000)}.get(run)
    if per is None:
        den = _numeral_bounds(run)
        if den is None or den[0] != den[1] or den[0] == 0:
            return None
        per = den[0]
    if numerator is None:
        return None
    num = numerator[0]
    qualifier, span_start = _qualifier_before(folded, start)
    post = _POSTFIX_RE.match(folded, end)
    if post:
        qualifier = _POSTFIX[post.group()]
        end = post.end()
    if numerator[0] != numerator[1]:
        if run != "百":
            return None
        return Quantity(span_start, end, value=None, unit="%", kind="PERCENT", qualifier="range",
                        min=float(numerator[0]), max=float(numerator[1]))  # 百分之十几, 百分之三四十
    if run in ("百", "千", "万"):  # 百分之四十, 千分之五 (per mille, as a percent), 万分之三
        return Quantity(span_start, end, value=float(num * 100 / per), unit="%", kind="PERCENT",
                        qualifier=qualifier)
    return Quantity(span_start, end, value=round(float(num / per), 10), unit="fraction", kind="FRACTION",
                    qualifier=qualifier)


def _is_code_or_label(run: str, before: str, after: str) -> bool:
    """Ordinals, codes, versions, phone numbers, labels: numbers that are not amounts."""
    prev = before[-1:]
    nxt = after[:1]
    if before.endswith(_ORDINAL_BEFORE):
        return True
    if prev and prev.isascii() and (prev.isalpha() or prev in "_@#/\\"):
        return True  # Qwen3, G20, C919, paths
    if prev == " " and before[-2:-1].isascii() and before[-2:-1].isalpha():
        return True  # HICOOL 2025, iPhone 16
    if prev == "." and before[-2:-1].isalnum():
        return True  # the tail of 1.2.3 or v2.0.1
    if prev == "-" and before[-2:-1].isascii() and before[-2:-1].isalpha():
        return True  # C-919, COVID-19
    if nxt.isascii() and nxt.isalpha() and run[-1].isdigit():
        u = _UNIT_RE.match(after)
        tail = after[len(u.group()):len(u.group()) + 1] if u else ""
        if not (u and u.group() in _ASCII_UNITS and not (tail.isascii() and tail.isalpha())):
            return True  # 5G, 4K, 3D (after 万 or 亿, 数千亿Tokens is an amount)
    if nxt == "." and (after[1:2].isalpha() or after[1:2].isdigit()):
        return True  # 001229.SZ; 1.2.3 where the run stopped at the second point
    if (nxt == ":" and after[1:2].isdigit()) or (prev == ":" and before[-2:-1].isdigit()):
        return True  # 14:30, a 3:1 score or ratio
    if _LABEL_AFTER.match(after):
        return True
    if run[0] == "0" and len(run) > 1 and run[1].isdigit():
        return True  # 001229, 010: codes and area codes
    return False


def _standalone_arabic(run: str, before: str, after: str) -> bool:
    """Whether an Arabic number with no unit is still a quantity (a bare cardinal)."""
    digits = run.replace(",", "")
    plain = digits.isdigit()
    if plain and "," not in run and len(digits) >= 7:
        return False  # phone numbers, ids, long codes
    if plain and len(digits) == 4 and 1900 <= int(digits) <= 2100:
        return False  # a year written without 年, as in event names
    if re.fullmatch(r"\d+\.0", digits):
        return False  # 3.0 in 混元图像3.0: a version
    if before[-1:] == "(" and re.fullmatch(r"\d{6}", digits):
        return False  # (600519): a stock code
    if after[:1] == "-" and after[1:2].isdigit():
        return False  # 400-810-8888
    if not any(c in run for c in "万亿") and after[:1] and after[:1] not in _BARE_FOLLOWERS and not after[:1].isascii():
        return False  # 360集团, 12345热线: a number glued to a noun is part of a name
    return True


def _standalone_cn(run: str) -> bool:
    """A Chinese numeral without a unit is a quantity only with 万 or 亿 (十四亿, 数万亿)."""
    return len(run) >= 2 and any(c in "万亿" for c in run)


def _currency_from_context(folded: str, start: int, before: str, run: str) -> Optional[str]:
    """Money written without 元: after 人民币, or an amount in 万/亿 after a money word (套现5.43亿)."""
    if before.endswith("人民币"):
        return "CNY"
    if any(c in run for c in "万亿") and _MONEY_CONTEXT.search(folded, _clause_before(folded, start), start):
        return "CNY"
    return None
