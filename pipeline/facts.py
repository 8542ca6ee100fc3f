"""Fact roles for quantities: subject, metric, time and change (ANNOTATION.md §4, §6).

``assign_roles`` is a pure function over the canonical text and the spans the earlier stages found
(entities, times, quantities, and the segmenter's word spans). It reads each quantity's own sentence the way
a news sentence is built:

    [time ，] [subject] [metric] [adverbs] [verb: 达 / 突破 / 增长 / 下降 …] QUANTITY

- the *clause* is the text from the last clause break (，；：、) before the number up to the number;
- its *predicate* is the last cue verb in the clause; the noun phrase before it splits into a subject (an
  entity, else the part before the metric head word) and a metric (a phrase ending in a metric head word
  like 规模, 总量, 占比, or in 量 / 额 / 率 / 数);
- a clause with no noun phrase of its own (，同比增长5%) continues the previous quantity's subject and metric;
  a clause holding only a name (、北京市0.65万种) takes that name as subject and the previous metric;
- the time is the nearest date before the number in the sentence that is not a comparison base (较2020年,
  比上年末, 去年同期); a sentence opening with 其中 / 同期 takes the previous sentence's time (§6);
- the change is ``increase`` / ``decrease`` from the last rise or fall cue in the clause, ``level`` when that
  cue reaches a value (增至, 提高到) or when there is none.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import AbstractSet, FrozenSet, List, Optional, Sequence, Tuple

from .model import Entity, Quantity, Span, TimeExpr

_SENTENCE_END = re.compile(r"[。！？!?\n]")
_CLAUSE_BREAKS = "，,；;：:"

_INCREASE = ("增长", "增加", "提高", "提升", "上升", "上涨", "增", "涨", "多增", "扩大", "新增", "攀升", "跃升", "高出",
             "高于", "多", "高", "快于", "加快", "增产")
_DECREASE = ("下降", "减少", "降低", "下跌", "回落", "下滑", "降", "减", "跌", "少增", "收窄", "缩小", "少", "低",
             "低于", "慢于", "放缓", "萎缩", "收缩", "下调", "减产")
_REACH = ("恢复至", "恢复到", "增至", "增长至", "增长到", "提高至", "提高到", "提升至", "提升到", "上升至", "上升到", "增加到", "增加至",
          "降至", "下降至", "下降到", "降低至", "降低到", "减少至", "减少到", "回落至", "回落到", "扩大至", "扩大到",
          "收窄至", "收窄到", "缩小至", "缩小到", "上涨至", "下跌至", "跃升至", "跃升到", "跃升为", "攀升至", "攀升到")
# Verbs (and verb-like words) that stand between a noun phrase and its number.
_PREDICATES = ("达到", "达", "突破", "超过", "超", "逾", "为", "是", "占", "约", "近", "有", "共有", "共",
               "累计", "合计", "总计", "实现", "完成", "录得", "至", "到", "增至", "降至", "位居", "居", "分别",
               "以", "高居", "设有", "拥有", "覆盖", "带动", "吸引", "发放", "投入", "签约", "完成了", "达到了",
               "超过了", "突破了", "实现了", "升至", "跌至", "回升至", "攀升至", "迈上", "迈过", "站上", "跃上",
               "登上", "跃居", "接近", "将近", "不到", "不足", "不少于", "不低于", "不超过", "稳定在", "保持在",
               "维持在", "控制在", "收盘", "收报", "保持", "继续保持", "连续保持") + _INCREASE + _DECREASE + _REACH
_ADVERBS = ("已经", "已", "同比", "环比", "分别", "累计", "共", "将", "均", "再", "也", "还", "就", "仍", "均已",
            "首次", "全年", "年均", "平均", "预计", "有望", "至少", "约", "近", "了", "较", "总共", "一共",
            "同期", "进一步", "大幅", "稳步", "持续", "继续", "明显", "显著", "小幅", "略有", "逐步", "快速",
            "以仅", "仅", "提前", "成功", "却", "逆势", "更", "相应", "也相应", "更将", "还将", "依然", "仍然", "依旧",
            "共计", "总计", "在", "从", "对", "多在", "大多在", "多为", "由", "曾", "曾经", "可", "可以", "拟", "只要",
            "也将", "已达", "连年", "逐年", "不断", "连续多年", "连续", "一直", "始终")
_METRIC_HEADS = (
    "规模", "数量", "总量", "总额", "总值", "总数", "占比", "比例", "比重", "份额", "增速", "增幅", "涨幅", "降幅",
    "收入", "营收", "营业收入", "利润", "净利润", "利润总额", "产量", "销量", "销售额", "交易额", "成交额",
    "成交量", "金额", "余额", "下载量", "消耗量", "用户数", "人数", "品种数", "产值", "增加值", "价格", "指数",
    "投资", "出口", "进口", "进出口", "GDP", "CPI", "PPI", "收益", "成本", "支出", "税收", "贷款", "存款",
    "市值", "票房", "客流", "用户", "次数", "速度", "水平", "能力", "面积", "容量", "装机", "吞吐量", "业务量",
    "件数", "人次", "比率", "回报", "毛利率", "负债", "资产", "融资", "募集资金", "营业额", "产能", "运量",
    "库存", "商业库存", "批发价格", "零售价格", "均价", "失业率", "就业", "新增就业", "亏损", "净亏损", "盈利",
    # activities whose amount is the figure (内地居民出入境607万人次, 全国跨区送电4015亿千瓦时)
    "出入境", "入境", "出境", "送电", "出游", "投入", "研发投入", "产销", "销售", "股价", "里程",
    "出货量", "发货量", "装机容量", "在手订单", "订单", "进度", "增长面", "幅度", "连接数", "预算", "工资",
    "信贷", "利息", "租金", "贸易", "货物贸易", "顺差", "逆差", "结余", "结存", "存栏", "出栏", "市场份额", "市场占有率", "参数规模", "参数量", "外资", "利用外资", "吸收外资", "实际利用外资",
)
_LONG_HEADS = tuple(h for h in _METRIC_HEADS if len(h) >= 3)
_METRIC_SUFFIXES = ("量", "额", "率", "值", "数", "比", "价", "费")
_COMPARISON_BEFORE = re.compile(r"(完成|由|较|比|同比|相比|与|和|跟|环比|比上|较上|占|恢复至|恢复到|是|相当于|低于|高于|快于|慢于|超过|及)[“\"‘]?$")
_COMPARISON_AFTER = re.compile(r"^(同期|相比|比|以前|前|基础上|的基础上)")
_CONTINUATION = re.compile(r"^[\s“”\"\u3000]*(其中|同期|同时|此外|另外|其间|分[^，,。]{1,6}看[，,])")
_TRIM = "的之和与及、，,“”\"‘’《》（）() \u3000\t"
#: words that open with a character of _TRIM (及时投放: not 及 + 时投放)
_TRIM_WORDS = ("及时", "和平", "和谐", "与会", "的确", "之后", "之前", "之间")


@dataclass
class _Phrase:
    subject: Optional[Span] = None
    metric: Optional[Span] = None
    #: the measure a later comparison refers to, when the metric is a share's base (占全国出口总额的27.2%)
    measure: Optional[Span] = None


def sentence_bounds(text: str) -> List[Tuple[int, int]]:
    """Half-open sentence ranges, each ended by 。！？ or a line break (ANNOTATION.md §6)."""
    bounds, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        bounds.append((start, match.end()))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def assign_roles(text: str, quantities: Sequence[Quantity], times: Sequence[TimeExpr],
                 entities: Sequence[Entity], words: Sequence[Span] = (),
                 verbs: FrozenSet[str] = frozenset()) -> List[Quantity]:
    """Each quantity with subject, metric, time and change from its sentence (see the module docstring).

    ``words`` are the segmenter's word spans; ``verbs`` a verb lexicon (``load_verbs()``) used to split
    a phrase like 民航发送旅客 into owner 民航 and metric 发送旅客.
    """
    bounds = sentence_bounds(text)
    starts = [b[0] for b in bounds]
    times = [_window(text, t) for t in times]
    word_starts = sorted({w[0] for w in words} | {w[1] for w in words})
    if words:
        # Trust a name as a subject only where it agrees with the segmenter's word boundaries
        # (华信精 cut from 华信精工 by the entity model is not a subject).
        edges = set(word_starts)
        entities = [e for e in entities if e.start in edges and e.end in edges and not _cuts_metric(text, e)]
    entity_spans = [(e.start, e.end) for e in entities]
    ordered = sorted(quantities, key=lambda q: q.start)
    result: List[Quantity] = []
    prev_sentence = -1
    prev_phrase = _Phrase()
    prev_end = -1
    items: List[Span] = []  # subjects of a 分别 list (A、B和C分别为x、y和z), handed out in order
    item_index = 0
    objects = False  # the list items are a verb's objects (metrics), not subjects
    item_subjects: List[Optional[Span]] = []  # owners of list items that are figures read before
    periods: List[Span] = []  # periods of a 分别 list (一季度、二季度分别为x和y)
    period_index = -1
    sentence_time: dict = {}
    sentence_metric: dict = {}
    sentence_units: dict = {}  # per sentence, (unit, kind, metric) of its figures in order
    sentence_measure: dict = {}
    topic: Optional[Span] = None
    actor_at = None  # the actor of the sentence's last count after a verb, and where that count ends
    colon_metric = None  # the measure named before a 分别为： list
    for q in ordered:
        index = max(0, bisect_right(starts, q.start) - 1) if bounds else 0
        s_start, s_end = bounds[index] if bounds else (0, len(text))
        if index != prev_sentence:
            prev_phrase, items, item_index, prev_end, objects = _Phrase(), [], 0, -1, False
            item_subjects = []
            topic = None
            actor_at = None
            colon_metric = None
            prev_sentence = index
        dateline = _DATELINE.match(text, s_start, q.start)
        if dateline:
            s_start = dateline.end()  # 本报北京2月10日电 （记者…）记者从…获悉：: the report's frame owns nothing
        last_read = _last_read(result, s_start)  # the figure before this one in the sentence, if any
        clause_start = _clause_start(text, s_start, q.start)
        seg_start = max(clause_start, prev_end) if prev_end >= clause_start else clause_start
        time = _time_role(text, q, times, s_start)
        if time is None and index > 0 and _CONTINUATION.match(text[s_start:q.start]) \
                and not text[bounds[index - 1][0]:bounds[index - 1][1]].endswith("\n"):  # same paragraph
            time = sentence_time.get(index - 1) or _last_period(text, bounds[index - 1], times)
        if time is not None:
            sentence_time[index] = time
        segment = text[seg_start:q.start]
        if seg_start > clause_start and not segment.strip("、和及与以及，, ") and items:
            # the next value of a list: 、6300亿元和850亿元
            item_index += 1
            item = items[item_index] if item_index < len(items) else None
            if objects:
                owner = item_subjects[item_index] if item_index < len(item_subjects) else prev_phrase.subject
                # a figure's own measure, None for a count (家庭农场2.5万个…，分别增长…和92.3%)
                phrase = _Phrase(owner, item if item_subjects else item or prev_phrase.metric)
            else:
                phrase = _Phrase(item or prev_phrase.subject, prev_phrase.metric)
        else:
            phrase = _phrase(text, seg_start, q, entities, times, word_starts, prev_phrase, s_start, verbs, topic)
            group = last_read
            if group is not None and group.end == seg_start and text[group.start - 1:group.start] == "每" \
                    and group.subject is not None and phrase.metric is not None:
                # 纺织企业每百元营收中的成本为86元: the owner before the per-unit figure owns the measure
                owner = (group.subject[0], group.subject[1] - 1) if text[group.subject[1] - 1] == "每" \
                    else group.subject
                phrase = _Phrase(_trim(text, *owner), phrase.metric, phrase.measure)
            if group is not None and group.unit in _NOUN_UNITS and group.end == seg_start and text[seg_start] != "（" \
                    and group.subject is not None and phrase.metric is not None and phrase.metric[0] >= seg_start:
                # 东部9省市消费扶贫金额达48亿元: the group just counted owns the measure that follows it
                phrase = _Phrase((group.subject[0], group.end), _trim(text, seg_start, phrase.metric[1]),
                                 phrase.measure)
            listed_share = re.search(r"分别(?:约)?占[^，,。；;、]*$", segment) \
                if q.kind in ("PERCENT", "FRACTION") and phrase.metric is not None else None
            if listed_share and phrase.metric[0] >= seg_start + listed_share.start():
                # 甲类、乙类业务量分别占全部业务量的21.5%、76.4%: the shares are of the measure before 分别,
                # not of the base after 占 (gold notes, shares)
                measured = _metric_suffix(text, seg_start, seg_start + listed_share.start(), word_starts)
                if measured is not None:
                    phrase = _Phrase(phrase.subject, measured, phrase.measure)
            if "分别" in segment and not _BASES_LISTED.search(segment):
                values = _list_values(text, q, ordered, s_end)
                new_items = _list_items(text, seg_start, q.start, phrase, entities, times, values)
                parts = _split_items(text, phrase.metric[0], phrase.metric[1], r"[、和及与]|以及") \
                    if phrase.metric is not None and values > 1 else []
                if len(new_items) < 2 and not items and len(parts) == values \
                        and all(_metric_suffix(text, a, b, word_starts) for a, b in parts):
                    # 青州规上企业开工率和复岗率分别达97%和93%: the named owner's list of measures
                    items, objects, item_subjects = parts, True, [phrase.subject] * values
                    phrase = _Phrase(phrase.subject, parts[0], phrase.measure)
                    new_items = []
                if len(new_items) < 2 and not items:
                    new_items = _earlier_list(text, s_start, clause_start, word_starts, verbs)
                if len(new_items) < 2 and not items:
                    # 合作社有800个，家庭农场200个，分别比上年增长5%和9%: as many figures read
                    # before in the sentence as values listed now
                    earlier = [r for r in result if r.start >= s_start and (r.subject or r.metric)]
                    if values > 1 and len(earlier) == values:
                        new_items = [r.span for r in earlier]
                previous = [m for unit, kind, m in sentence_units.get(index - 1, []) if kind == q.kind]
                if len(new_items) < 2 and not items and values > 1 and len(previous) == values \
                        and _CONTINUATION.match(text[s_start:q.start]) and phrase.metric is None:
                    # …开工率和复岗率分别达97%和93%。其中，青岚县分别达96%和91%: the part's values of the
                    # measures the sentence before listed, in order
                    items, objects, item_subjects = previous, True, [phrase.subject] * values
                    phrase = _Phrase(phrase.subject, items[0], phrase.measure)
                    new_items = []
                figures = [next((r for r in result if it[0] <= r.start < it[1]), None) for it in new_items]
                if len(new_items) > 1 and all(f is not None for f in figures):
                    # 开行120列、运货1.1万标箱，同比分别增长6%和8%: each item is a figure already
                    # read; the growth is of its measure, and the sentence's subject goes on
                    items, objects = [f.metric for f in figures], True
                    item_subjects = [f.subject for f in figures]
                    phrase = _Phrase(figures[0].subject, items[0], phrase.measure)

                    new_items = []
                owned = _owned_measures(text, new_items, phrase, entities, times, word_starts) \
                    if len(new_items) > 1 else None
                if owned is not None:
                    # 青州全市工业增加值、工业利润和工业投资分别增长a、b、c: a list of measures of the owner named
                    # before the first one
                    owner, new_items = owned
                    items, objects, item_subjects = new_items, True, [owner] * len(new_items)
                    phrase = _Phrase(owner, items[0], phrase.measure)
                    new_items = []
                if len(new_items) > 1:
                    items, item_subjects = new_items, []
                    # 现场查处酒驾醉驾、疲劳驾驶…等违法行为同比分别上升: the items are a verb's objects,
                    # what is measured, while the sentence's subject goes on
                    after_verb = _after_last_verb(text, new_items[0], word_starts, verbs)
                    objects = prev_phrase.subject is not None and after_verb is not None
                    measures = phrase.metric is not None and new_items[-1][0] <= phrase.metric[0] < new_items[-1][1]
                    if measures:
                        # 甲、乙排放量分别下降a和b: a list of measures (the last item holds the metric word), not of owners
                        objects = True
                        phrase = _Phrase(prev_phrase.subject, phrase.metric)
                    elif objects:
                        items = [after_verb] + items[1:]
                        last = items[-1]
                        cut = text.find("等", last[0], last[1])
                        if cut > last[0]:
                            items[-1] = (last[0], cut)
                item_index = 0
                if items and objects:
                    phrase = _Phrase(item_subjects[0] if item_subjects else prev_phrase.subject, items[0])
                elif items:
                    phrase = _Phrase(items[0], phrase.metric)
            elif seg_start == clause_start:
                items, item_index = [], 0
        if "分别" in segment and seg_start == clause_start:
            periods = _period_list(text, clause_start, q.start, times)
            period_index = 0 if len(periods) == _list_values(text, q, ordered, s_end) else -1
        elif seg_start > clause_start and not segment.strip("、和及与以及，, ") and period_index >= 0:
            period_index += 1
        elif seg_start == clause_start:
            periods, period_index = [], -1
        if 0 <= period_index < len(periods):
            # 一季度、二季度销售额分别为a和b: the list items are the periods
            time = periods[period_index]
        caption = _caption(text, q, s_end)
        if caption is not None and any(caption[0] <= o.start < caption[1] for o in ordered):
            caption = None
        captioned = caption is not None and seg_start == clause_start \
            and not text[clause_start:q.start].strip(" \u3000\xa0\t-•·■●")
        if captioned:
            # a figure box (45.2亿件  1月快递业务完成量): the number comes first, its description after it
            phrase = _phrase(text, caption[0], _At(caption[1]), entities, times, word_starts, _Phrase(),
                             caption[0], verbs)
            if time is None:
                time = next(((t.start, t.end) for t in times if caption[0] <= t.start < caption[1]), None)
        change_clause = None
        if not captioned:
            lead_figure = _lead_figure(text, q, ordered)
            if lead_figure is not None:
                # 5.1%，规上工业增加值增速处于目标区间: a subhead that opens with its figure; its verb says
                # the change (8%和7.1%，…增加值增长快于整体工业)
                phrase = _phrase(text, lead_figure[0], _At(lead_figure[1]), entities, times, word_starts,
                                 _Phrase(), lead_figure[0], verbs)
                verb = _LEAD_VERB.search(text, lead_figure[0])
                change_clause = text[lead_figure[0]:verb.end()]
        if text.startswith("的", q.end) and (phrase.subject is None or phrase.subject[0] < clause_start) \
                and not (q.kind in ("PERCENT", "FRACTION") and _measure_after(text, q.end + 1, s_end, word_starts)):
            # 60%以上的会员企业…, 占出口总值近六成的机电产品…: the figure describes the noun after it
            described = _counted_noun(text, q.end + 1, s_end, word_starts, verbs)
            if described is not None and not text[described[0]:described[1]].endswith(_NOT_DESCRIBED) \
                    and _metric_suffix(text, described[0], described[1], word_starts) is None:
                person = next((e for e in entities if e.label == "PERSON" and described[0] <= e.start < described[1]),
                              None) if q.unit == "岁" else None
                before = result[-1] if result and result[-1].start >= s_start else None
                if q.kind == "PERCENT" and before is not None and before.kind == "PERCENT" and before.metric \
                        and before.metric[0] == before.end + 1 and text[before.end] == "的" \
                        and text[before.metric[1]:q.start].strip("，,、和及 ") == "":
                    # 贡献了55%的税收，65%的GDP，75%的技术创新成果: a list of shares, each of
                    # the noun phrase after it (up to the list's separator), all of the same owner
                    stop = _LIST_SEPARATOR.search(text, q.end + 1, min(s_end, q.end + 13))
                    share_of = _trim(text, q.end + 1, stop.start()) if stop else None
                    phrase = _Phrase(before.subject, share_of or described, phrase.measure)
                else:
                    # 31岁的武汉市民金星, 60岁的养蚕带头人王国谦: an age describes the person named
                    phrase = _Phrase((person.start, person.end) if person else described, phrase.metric)
        if text.startswith("的", q.end) and phrase.metric is None and q.kind in ("MONEY", "MEASURE"):
            # 每月4000多元的工资, 几百万元的抵押经营贷款: an amount before 的 and a measure word is that measure
            named = _measure_word_after(text, q.end + 1, s_end, word_starts)
            if named is not None:
                phrase = _Phrase(phrase.subject, named, phrase.measure)
        phrase = _Phrase(_without_times(text, phrase.subject, times), phrase.metric, phrase.measure)
        if phrase.metric is None and phrase.subject is None and index > 0 and index - 1 in sentence_metric \
                and _CONTINUATION.match(text[s_start:q.start]) \
                and not text[bounds[index - 1][0]:bounds[index - 1][1]].endswith("\n"):
            # 分季度看，一季度增长6.4%: a clipped sentence takes the metric of the sentence it continues (§6)
            phrase = _Phrase(None, sentence_metric[index - 1])
        elif phrase.metric is None and phrase.subject is not None and index > 0 and index - 1 in sentence_metric \
                and q.kind in ("MONEY", "PERCENT", "MEASURE") \
                and re.match(r"^[\s“”\"\u3000]*其中[，,]", text[s_start:q.start]) \
                and not text[bounds[index - 1][0]:bounds[index - 1][1]].endswith("\n"):
            # …营业总收入62.5万亿元…。其中，中央企业35.9万亿元，同比增长6.0%: the parts of the measure the
            # sentence before named (§6); the part's name is the subject. The measure is the first one of a figure
            # in the same unit (…8.8万标箱，…重箱率97.8%。其中，去程5.3万标箱: not 重箱率), a growth the measure
            # the part's amount took
            same = [m for unit, kind, m in sentence_units.get(index - 1, []) if unit == q.unit and kind == q.kind]
            carried = same[0] if same else sentence_measure.get(index - 1) if q.kind == "PERCENT" else None
            if carried is not None:
                phrase = _Phrase(phrase.subject, carried, phrase.measure)
        elif phrase.metric is None and phrase.subject is not None and phrase.subject[0] >= clause_start \
                and index > 0 and index - 1 in sentence_metric and q.kind in ("PERCENT", "MONEY") \
                and re.match(r"^[\s“”\"\u3000]*[分从][^，,。]{1,6}看[，,]", text[s_start:q.start]) \
                and not text[bounds[index - 1][0]:bounds[index - 1][1]].endswith("\n"):
            # 分区域看，…。从增长速度看，西部增长10%: the parts of the measure the sentences before named
            phrase = _Phrase(phrase.subject, sentence_measure.get(index - 1) or sentence_metric[index - 1],
                             phrase.measure)
        metric = phrase.metric
        if q.kind == "COUNT" and metric is not None and metric != colon_metric and _is_count_word(text, metric):
            metric = None  # a count's own noun (数量, 品种数) is not a metric (gold notes)
        if phrase.metric is None and phrase.subject is not None and seg_start == clause_start \
                and re.search(r"分别[为是][：:]$", text[max(s_start, clause_start - 4):clause_start]):
            # 产品品种总量排名前五的省市分别为：广东省15.84万种、…: the measure is named before the colon
            metric = colon_metric = _measure_before_colon(text, s_start, clause_start, word_starts)
            phrase = _Phrase(phrase.subject, metric, phrase.measure)
        listed = seg_start == clause_start and _names_listed(text, seg_start, q.start, word_starts, verbs)
        subject = phrase.subject
        if q.kind == "CARDINAL" and listed:
            # 甲、乙、丙三大超市: the names are what is counted, the counted noun is the subject (§6, counts);
            # the names go on as the subject of the figures after it (…三大超市蔬菜销量1008吨)
            counted = _counted_noun(text, q.end, s_end, word_starts, verbs)
            if counted is not None:
                # only the noun the number counts (超市 of 三大超市蔬菜销量): the words after it name the measure
                quoted = re.match(r"[“\"‘]([^“”\"‘’]+)[”\"’]", text[counted[0]:counted[1]])
                first = next((b for b in word_starts if counted[0] < b <= counted[1]), counted[1])
                subject = (counted[0] + 1, counted[0] + 1 + len(quoted.group(1))) if quoted else (counted[0], first)
        apposed = q.kind == "CARDINAL" and listed and subject != phrase.subject
        if apposed:
            metric = None
        acted = False
        acted_verb = None
        # 三大特点, 四大产业链 (CARDINAL by §6) count what follows them like a classifier does
        count_like = q.kind == "COUNT" or (q.kind == "CARDINAL" and not listed and text[q.end - 1] == "大")
        if count_like and phrase.subject is not None:
            verb_end = _ACTOR_VERB_END.search(text[phrase.subject[0]:phrase.subject[1]])
            verb_at = phrase.subject[0] + verb_end.start() if verb_end else \
                _verb_before(text, phrase.subject[0], q.start, word_starts, verbs) \
                if _counted_noun(text, q.end, s_end, word_starts, verbs) is not None else None
            if verb_at is None and _counted_noun(text, q.end, s_end, word_starts, verbs) is not None:
                verb_at = _preposition_before(text, phrase.subject[0], q.start, word_starts, verbs) \
                    or _verb_before_relative(text, phrase.subject[0], q.start, word_starts, verbs, anywhere=True)
            actor = _without_times(text, _strip_adverbs(text, phrase.subject[0], verb_at), times) \
                if verb_at is not None and verb_at > phrase.subject[0] else None
            if actor is not None and not _verb_led(text, actor, word_starts, verbs) \
                    and not _loose_numbers(text, actor, ordered) and text[actor[0]:actor[1]] not in verbs \
                    and not _COUNT_ACTOR_VERB.search(text, actor[0], actor[1]) \
                    and not re.search(r"^每|[会将要能可次]$", text[actor[0]:actor[1]]) \
                    and not _word_in(text, actor[0], actor[1], word_starts, verbs):
                # 普惠小微贷款支持了2815万户…: the phrase ends in the actor's verb; the actor is before it
                lead = next((o for o in ordered if o.kind == "COUNT" and o.end == actor[0] and o.start >= clause_start),
                            None)
                if lead is not None:
                    # 西部12个县共认定…: the count before the actor's noun belongs to the actor
                    head = _noun_phrase(text, clause_start, lead.start, times)
                    actor = (head[0] if head[0] < head[1] == lead.start else lead.start, actor[1])
                acted_verb = (verb_at, phrase.subject[1]) if verb_end and (q.unit or "").endswith("次") else None
                phrase = _Phrase(actor, phrase.metric, phrase.measure)
                acted = True
                actor_at = (actor, q.end)
        if count_like:
            # 东部9省市, 沿江11省市: the unit is what is counted; the words after it are the clause's next part
            counted = None if q.unit in _NOUN_UNITS else _counted_noun(text, q.end, s_end, word_starts, verbs)
            if q.unit in _NOUN_UNITS and not acted:
                metric = None  # 占同期西南四省份…的58.7%: no measure of the sentence counts the provinces
            if acted and acted_verb is not None and counted is None and metric is None:
                metric = acted_verb  # 救援队伍共出动22队次: the actor's verb says what the times count
            named_here = phrase.subject is not None and phrase.subject[0] >= clause_start and not listed and (
                acted or _has_entity(entities, phrase.subject)
                or _COUNT_ACTOR_VERB.search(text, phrase.subject[1], q.start) is not None)
            if not named_here and phrase.subject is not None and phrase.subject[0] < clause_start \
                    and _has_entity(entities, phrase.subject) and not listed \
                    and _verb_in(text, clause_start, q.start, word_starts, verbs):
                # 华为参与80多个项目，目前已为全球40多个国家和地区提供…: the named actor of the sentence goes on
                named_here = True
            if not named_here and counted is not None and clause_start > s_start and not listed \
                    and (phrase.subject is None or phrase.subject[0] >= clause_start):
                verb_at = _verb_before(text, clause_start, q.start, word_starts, verbs)
                if verb_at is None:
                    verb_at = _verb_before_relative(text, clause_start, q.start, word_starts, verbs)
                actor = _opening_actor(text, s_start, clause_start, word_starts, verbs, times) \
                    if verb_at is not None and _only_adverbials(text, clause_start, verb_at, times) else None
                reached = last_read
                if verb_at is not None and _REACH_VERB.match(text, verb_at) and reached is not None \
                        and reached.kind == "COUNT" and reached.metric is not None and reached.metric[0] >= reached.end \
                        and _only_adverbials(text, clause_start, verb_at, times):
                    actor = reached.metric  # 共认定4万个扶贫产品，涉及1297个县: what the last count counted reaches
                if actor is not None:
                    # 青州通过试点，仅三个月就解决了21个审批问题: a later clause with no subject of its own goes
                    # on with the actor the sentence opened with; what it counts is the metric (§6, counts)
                    phrase, named_here = _Phrase(actor, phrase.metric, phrase.measure), True
            if not named_here and actor_at is not None and actor_at[1] == prev_end \
                    and re.fullmatch(r"[^，,。；;：:]{1,10}的", text[prev_end:q.start]):
                # 对全球100多个国家和地区的900多家境外企业: a count inside the last count's object has the same actor
                phrase, named_here = _Phrase(actor_at[0], phrase.metric, phrase.measure), True
            national = next((w for w in _NATIONAL_OWNERS if text.endswith(w, clause_start, q.start)), None)
            if not named_here and counted is not None and national is not None \
                    and text[clause_start:q.start - len(national)].strip(_TRIM):  # not 全市135个超市门店开展…
                # 让全市81个乡镇、1391个村庄…: 全市 right before the count is its owner (gold notes: 我国 / 全国 / 全市)
                phrase, named_here = _Phrase((q.start - len(national), q.start), phrase.metric, phrase.measure), True
            listed_before = last_read
            if not named_here and counted is not None and listed_before is not None \
                    and listed_before.kind == "COUNT" and listed_before.subject is not None \
                    and listed_before.metric is not None and listed_before.metric[0] >= listed_before.end \
                    and re.fullmatch(r"[、和及与]|以及", text[listed_before.metric[1]:q.start]):
                # 已为30多个国家和地区、超过150个城市提供…: the next count of the actor's list has the same actor
                phrase, named_here = _Phrase(listed_before.subject, phrase.metric, phrase.measure), True
            item = _LIST_ITEM_NOUN.fullmatch(text, listed_before.end, q.start) if listed_before is not None else None
            if not named_here and item and listed_before.kind == "COUNT" and listed_before.subject is not None \
                    and listed_before.metric is not None and listed_before.metric[1] <= listed_before.start \
                    and (listed_before.unit or "").endswith("次") and (q.unit or "").endswith("次"):
                # 消防队伍共出动12队次、队员90人次: the next item of the actor's list names what it counts
                phrase, named_here, counted = _Phrase(listed_before.subject, item.span(1), phrase.measure), True, None
                metric = item.span(1)
            if counted is not None and not named_here:
                # 32家央企净利润… → the counted noun phrase is the subject (ANNOTATION §6, counts)
                phrase = _Phrase(counted, None)
                metric = None
                if clause_start == s_start and _verb_in(text, counted[1], s_end, word_starts, verbs):
                    topic = counted  # 2家电网企业落实…: the group the sentence is about
            elif counted is not None:
                metric = counted  # 阿里云…设有91个可用区: the actor is the subject, the counted noun the metric
            if counted is None and q.kind == "COUNT" and phrase.subject is not None and metric is not None \
                    and metric[0] == phrase.subject[1] and _has_entity(entities, phrase.subject) \
                    and not _verb_in(text, metric[0], metric[1], word_starts, verbs | _NOUN_LIKE_VERBS) \
                    and _metric_suffix(text, metric[0], metric[1], word_starts) is None:
                # 中国人工智能企业超5100家: a name that only modifies the counted noun is no actor; the whole noun
                # phrase is what is counted (§6, counts)
                phrase = _Phrase((phrase.subject[0], metric[1]), None, phrase.measure)
                metric = None
        if q.kind == "CARDINAL" and not listed and not count_like:
            prior = last_read
            if prior is not None and prior.kind in ("COUNT", "CARDINAL") and prior.subject is not None \
                    and prior.metric is not None and prior.end <= prior.metric[0] < prior.metric[1] <= q.start \
                    and re.fullmatch(r"[^，,。；;：:]*(?:[、和及与]|以及)", text[prior.metric[1]:q.start]):
                # 中国移动打造数万卡智算集群、数万亿Tokens高质量数据集和…: a bare number in the actor's list of
                # objects counts the noun after it, for the same actor
                counted = _counted_noun(text, q.end, s_end, word_starts, verbs)
                if counted is not None:
                    phrase, metric = _Phrase(prior.subject, counted, phrase.measure), counted
        amount_verb = _amount_verb_before(text, clause_start, q.start, word_starts, verbs) \
            if q.kind in ("MONEY", "MEASURE") else None
        if amount_verb is not None:
            # 发放4200万元贷款, 设立3000亿元专项再贷款: after a verb, the noun that follows the amount is its metric
            obj = _object_after(text, q.end, s_end, word_starts, verbs)
            if obj is not None:
                metric = obj
                # …，获得500万元天使投资，占公司股份的6.5%: a share after it is of this measure
                phrase = _Phrase(phrase.subject, phrase.metric, obj)
            elif (metric is None or (metric[1] <= clause_start and _fresh_activity(text, amount_verb, metric, word_starts))) \
                    and text[amount_verb:amount_verb + 2] not in _NOT_ACTIVITIES and q.unit != "岁":
                # 益阳投入2.5亿元, 美财政部计划发债近3万亿美元: with nothing else named, the activity is measured
                metric = (amount_verb, next(b for b in word_starts if b > amount_verb))
                if phrase.subject is not None and phrase.subject[0] < amount_verb < phrase.subject[1] <= metric[1]:
                    # 民营企业各项政策合计减税: the actor is before the activity
                    phrase = _Phrase(_strip_adverbs(text, phrase.subject[0], amount_verb), None, phrase.measure)
        if q.kind == "MONEY" and metric is None and q.end < s_end and text[q.end] not in _CLAUSE_BREAKS + "。、":
            # 333万元贷款就进了账, 676亿元专项债作为项目资本金: with no measure named before it, the money is of the
            # thing named right after it
            thing = _thing_after(text, q.end + 1 if text[q.end] == "的" else q.end, s_end, word_starts, verbs)
            if thing is not None and not text.startswith(("大关", "关口", "台阶", "门槛"), thing[0]):
                metric = thing  # not 突破1000亿欧元大关: a threshold word names nothing
        use = _SHARE_USED_FOR.match(text, q.end) if q.kind in ("PERCENT", "FRACTION") else None
        if use is None and q.kind in ("PERCENT", "FRACTION"):
            use = _USED_FOR.match(text, q.end) if text.endswith("的", clause_start, q.start) else None
            owner = _last_word(text, clause_start, q.start - 1, word_starts) if use is not None else None
            if owner is None:
                use = None
            else:
                subject = owner
        elif use is not None:
            subject = use.span(1)
        if use is not None:
            # 将60%的资金用于研发, 确保资金的60%以上用于研发: the share of the funds is measured by their use
            # (gold notes, pd-part-d)
            phrase, metric = _Phrase(subject, None, phrase.measure), use.span("use")
        target = _COMPLETED_TARGET.search(text, clause_start, q.start) if q.kind == "PERCENT" else None
        if target is not None:
            metric = target.span(1)  # 完成全年任务目标的92.9%: the share of the target reached
        after = _AFTER_SHARE.match(text, q.end) or _AFTER_SHARE_LIST.match(text, q.end)
        if after:
            # 以45.48%的比例居首, 占据全球约30%用户份额: the measure follows the number
            metric = (after.start(after.lastindex), after.end(after.lastindex))
        elif q.kind in ("PERCENT", "FRACTION") and text.startswith("的", q.end):
            # 占全国工业13.9%的资产总额, 实现了18.8%的营业收入: a share named after the number measures that noun
            named = _measure_after(text, q.end + 1, s_end, word_starts)
            if named is None:
                rate = _rate_after(text, q.end + 1, s_end, word_starts)
                if rate is not None:
                    named = rate  # 中国6.2%的经济增速令…: a rate named after the figure, before the clause goes on
            if named is not None:
                metric = named
        if not apposed:
            subject = phrase.subject
        subject = _clean_subject(text, subject, word_starts, verbs, entity_spans)
        generic = _GENERIC_ORG.match(text, subject[0], subject[1]) if subject is not None else None
        if generic and not any(o.end == subject[0] for o in ordered):  # not a counted noun (14家企业)
            named = [e for e in entities if e.label == "ORG" and s_start <= e.start and e.end <= subject[0]
                     and not _is_source(text, e)]
            if named:
                # 贝肯能源乌克兰子公司市场经理说，目前公司中方员工近100名: 公司 is the company the sentence named
                if generic.end() < subject[1] and metric is None:
                    metric = (generic.end(), subject[1])
                subject = (named[-1].start, named[-1].end)
        if subject is not None and subject[1] - subject[0] == 1 and text[subject[0]] not in "东西南北中" \
                and subject[0] != q.end \
                and not any(e.start == subject[0] and e.end == subject[1] for e in entities):
            # 远低于…, 由…: one character that is no name is a piece of the clause, not what it is about;
            # before the metric it is the metric's first character (弃|光率, 年|巡检杆塔)
            if metric is not None and metric[0] == subject[1] and text[subject[0]] not in _FUNCTION_CHARS:
                metric = (subject[0], metric[1])
            subject = None
        if q.kind == "COUNT" and subject is None and metric is not None and metric[0] >= clause_start \
                and not _is_count_word(text, metric) \
                and (not _verb_led(text, metric, word_starts, verbs) or "的" in text[metric[0] + 1:metric[1] - 1]
                     or re.fullmatch(r"[\s“”\u3000]*其中[，,]?", text[s_start:metric[0]])) \
                and _metric_suffix(text, metric[0], metric[1], word_starts) is None \
                and not _ends_in_verb(text, metric, word_starts, verbs):
            # 新设立民营企业超过500万户, 累计接待国内游客1.15亿人次: with no actor, what is counted is the subject (§6);
            # so is a part after 其中 (其中，外出农民工1.7亿人: a sub-group, gold notes)
            subject, metric = metric, None
            phrase = _Phrase(subject, None, phrase.measure)  # and goes on to the next clause (增速接近10%)
        if q.kind == "COUNT" and subject is not None and metric is not None and metric[1] <= clause_start \
                and subject[0] >= clause_start and not _has_entity(entities, subject) and metric != colon_metric \
                and not (q.unit or "").endswith("次"):
            # …；其中护林员12万人: what is counted is the subject; an earlier clause's measure is not this one's
            # (unlike 发送旅客…；铁路870万人次, where 人次 counts the activity of the owner)
            metric = None
            phrase = _Phrase(phrase.subject, None, phrase.measure)  # nor of the list items after it
        if q.kind == "COUNT" and subject is not None and metric is not None \
                and text[subject[0]:subject[1]] in _NATIONAL_OWNERS and _NEW_ITEMS.match(text, metric[0], metric[1]):
            # 全市今年新增家庭农场2300多户: a count of new items has them as subject (gold notes, 新增/新建 X)
            subject, metric = (_NEW_ITEMS.match(text, metric[0], metric[1]).end(), metric[1]), None
        if subject is None and clause_start > s_start:
            # 青州劳动力务工就业方面，已外出务工120万人: the sentence's topic owns what its clauses report
            subject = _aspect_topic(text, s_start, clause_start, word_starts, verbs)
        subject, metric = _closed(text, subject), _closed(text, metric)
        if subject is not None and subject == metric:
            subject = None  # 粮食单位面积产量394.7公斤/亩: a statistic names no owner besides itself
        change = _change(change_clause or text[clause_start:q.start], text[q.start:q.end])
        counted_before = last_read
        if q.kind == "PERCENT" and change != "level" and counted_before is not None \
                and (metric is None or metric[1] <= counted_before.start) \
                and counted_before.kind == "COUNT" and counted_before.metric is not None \
                and counted_before.metric[0] >= counted_before.end and counted_before.subject == subject \
                and _GROWTH_ONLY.fullmatch(text, counted_before.metric[1], q.start):
            metric = counted_before.metric  # …支持了1.2万户个体工商户，同比增长12.5%: the growth of what was counted
        after = _CHANGE_AFTER.match(text, q.end)
        if change == "level" and after and not re.search(r"[从由较比]", text[clause_start:q.start]):
            change = "increase" if after.group(1) == "增长" else "decrease"  # 投资两位数增长, 超两倍增长
        if _BOUND_BEFORE.search(text, clause_start, q.start):
            change = "level"  # 融资成本低于1.6%: a bound on the value, not a difference from a base
        if text.startswith("的", q.end) and _BASE_BEFORE.search(text, clause_start, q.start):
            change = "level"  # 快于全省2.5%的投资增速: the base's own value, not a difference
        saving = _SAVING.search(text, seg_start, q.start) if q.kind in ("PERCENT", "MEASURE") else None
        if saving is not None:
            # 节水30%、节肥40%, 可节能30%以上: a saving is a decrease of the thing saved (gold notes, pd-part-d); the
            # saver is the sentence's subject
            metric, change = saving.span(1), "decrease"
            if subject is None or subject[1] > saving.start():
                before = last_read
                if before is not None and before.metric and "节" in text[before.metric[0] - 3:before.metric[0]]:
                    subject = before.subject  # 节水30%、节肥40%: the same saver
                elif prev_phrase.subject and prev_phrase.subject[1] <= seg_start \
                        and not _SAVING.search(text, prev_phrase.subject[0], prev_phrase.subject[1]):
                    subject = _closed(text, prev_phrase.subject)
                else:
                    subject = _entity_before(entities, s_start, saving.start(), text) \
                        or _opening_actor(text, s_start, clause_start, word_starts, verbs, times)
        result.append(q.with_roles(subject=subject, metric=metric, time=time, change=change))
        if metric is not None:
            sentence_metric[index] = metric
            sentence_units.setdefault(index, []).append((q.unit, q.kind, metric))
            if index not in sentence_measure and not text[metric[0]:metric[1]].endswith(_SHARE_WORDS):
                sentence_measure[index] = metric  # the sentence's first measure that is not a share
        if not _in_brackets(text, s_start, q.start):
            # a figure inside a gloss (（含单户授信800万元以内的…）) leaves the sentence's reading alone
            prev_phrase = phrase
            prev_end = counted[1] if apposed else q.end
    return result


def _owned_measures(text: str, items: Sequence[Span], phrase: "_Phrase", entities: Sequence[Entity],
                    times: Sequence[TimeExpr], word_starts: Sequence[int]) -> Optional[Tuple[Span, List[Span]]]:
    """Owner and measures of a 分别 list whose items are all measures and whose first item opens with their
    owner, a name or words before the period (青州2018年工业增加值、工业利润和工业投资分别…): None when the
    items have owners of their own."""
    metric = phrase.metric
    if metric is None:
        return None
    first, last = items[0], items[-1]
    if first[0] <= metric[0] < first[1] and last[1] <= metric[1]:
        pass  # the phrase's measure is the whole list
    elif last[0] <= metric[0] <= last[1] <= metric[1]:
        last = (last[0], metric[1])  # the phrase's measure is the last item's measure word
    else:
        return None
    if any(c in _CLAUSE_BREAKS for c in text[first[0]:first[1]]):
        return None
    name = next((e for e in entities if e.start == first[0] and e.end < first[1]), None)
    owner_end = name.end if name else None
    period = next((t for t in times if first[0] < t.start < first[1] and (owner_end is None or t.start == owner_end)),
                  None)
    if owner_end is None and period is not None:
        owner_end = period.start  # 青州2018年…: the words before the period
    if owner_end is None:
        return None
    owner = _trim(text, first[0], owner_end)
    opening = _trim(text, period.end if period is not None else owner_end, first[1])
    if owner is None or opening is None:
        return None
    measures = [opening] + list(items[1:-1]) + [last]
    if not all(_metric_suffix(text, a, b, word_starts) for a, b in measures):
        return None
    return owner, measures

_ASPECT = re.compile(r"[\s\u3000“”\"]*([^，,。；;：:“”\"\d]{2,16}?)方面[，,]")


def _aspect_topic(text: str, s_start: int, limit: int, word_starts: Sequence[int],
                  verbs: FrozenSet[str]) -> Optional[Span]:
    """The owner in a sentence's opening "X方面，" when activity words end it (贫困劳动力|务工就业方面); None for a
    domain (民生方面) or an activity alone (减税降费方面)."""
    found = _ASPECT.match(text, s_start, limit)
    if found is None:
        return None
    start, end = found.span(1)
    while end > start:
        i = bisect_right(word_starts, end - 1) - 1
        if i < 0 or word_starts[i] <= start or text[word_starts[i]:end] not in verbs:
            break
        end = word_starts[i]
    if end == found.end(1) or end - start < 2 or _verb_led(text, (start, end), word_starts, verbs):
        return None  # 民生方面: a domain, not an owner; the owner is the one whose activity the topic names
    return (start, end)


def _thing_after(text: str, start: int, limit: int, word_starts: Sequence[int],
                 verbs: FrozenSet[str]) -> Optional[Span]:
    """The noun phrase right after ``start`` (贷款, 专项债): words of two or more characters that are nouns or
    noun-like verbs (贷款, 投资), up to 10 characters; None when the first word is no such noun."""
    i = bisect_left(word_starts, start)
    if i >= len(word_starts) or word_starts[i] != start:
        return None
    end = start
    for a, b in zip(word_starts[i:], word_starts[i + 1:]):
        word = text[a:b]
        if b > limit or b - start > 10 or len(word) < 2 or _COUNTED_STOP.search(word) \
                or (word in verbs and word not in _NOUN_LIKE_VERBS) or word in _function_words():
            break
        end = b
    return (start, end) if end > start else None


#: a saving right before its figure (节水30%, 可节能30%以上, 节约水40%): the thing saved is group 1
_SAVING = re.compile(r"(?<![调环季细])节(?:约|省)?([水能肥电煤气油地材粮])(?:[了约达近超]{0,2})$")


def _last_read(result: Sequence[Quantity], s_start: int) -> Optional[Quantity]:
    """The figure read last, when it is in the sentence that starts at ``s_start``."""
    return result[-1] if result and result[-1].start >= s_start else None


def _preposition_before(text: str, start: int, q_start: int, word_starts: Sequence[int],
                        verbs: FrozenSet[str]) -> Optional[int]:
    """Where 对 / 向 / 为 / 给 starts, as a word of its own, when a count follows it closely with no verb between
    (境内投资者共对|全球|137个国家和地区, 已为|7家企业): the actor is before it, the counted noun is the object."""
    edges = set(word_starts)
    for pos in range(q_start - 1, max(start, q_start - 12) - 1, -1):
        if text[pos] in "对向为给" and pos in edges and pos + 1 in edges:
            if _word_in(text, pos + 1, q_start, word_starts, verbs) or re.search(r"[，,、：:；;]", text[pos:q_start]):
                return None
            return pos
    return None


def _loose_numbers(text: str, span: Span, quantities: Sequence[Quantity]) -> bool:
    """The span holds a numeral that is not a count of the noun after it (22个省份 is a noun phrase; 3次, 一批
    or 三是 are not): such a span is no actor."""
    inner = [q for q in quantities if span[0] <= q.start and q.end < span[1] and q.kind in ("COUNT", "CARDINAL")]
    rest = "".join(text[i] for i in range(span[0], span[1]) if not any(q.start <= i < q.end for q in inner))
    return re.search(r"[\d一二两三四五六七八九十]", rest) is not None


def _in_brackets(text: str, start: int, pos: int) -> bool:
    opened = max(text.rfind("（", start, pos), text.rfind("(", start, pos))
    return opened >= 0 and max(text.rfind("）", opened, pos), text.rfind(")", opened, pos)) < 0


@dataclass(frozen=True)
class _At:
    """A stand-in for a quantity when a phrase ends somewhere else (a figure box's caption): no kind, no unit."""

    start: int
    kind: str = ""
    unit: str = ""


_CAPTION = re.compile(r"[ \u3000\t\xa0]+([^\n。，,；;！？]{2,30}?)[ \u3000\t\xa0]*(?:\n|$)")


_LEAD_VERB = re.compile(r"增长|下降|提高|降低|处于|保持|快于|慢于|达到|超过|位居")


def _measure_word_after(text: str, start: int, limit: int, word_starts: Sequence[int]) -> Optional[Span]:
    """The longest run of words from ``start`` (at most 8 characters) that is one measure phrase (工资, 抵押经营贷款)."""
    for b in sorted((b for b in word_starts if start + 2 <= b <= min(limit, start + 8)), reverse=True):
        found = _metric_suffix(text, start, b, word_starts)
        if found is not None and found[0] == start:
            return found
    return None


def _rate_after(text: str, start: int, limit: int, word_starts: Sequence[int]) -> Optional[Span]:
    """The shortest run of words from ``start`` (at most 6 characters) that ends in a rate word (经济增速, 税率)."""
    for b in sorted(b for b in word_starts if start + 1 <= b <= min(limit, start + 6)):
        if _COUNTED_STOP.search(text, start, b):
            return None
        if text[start:b].endswith(_RATE_HEADS):
            return (start, b)
    return None


def _measure_before_colon(text: str, s_start: int, colon_end: int, word_starts: Sequence[int]) -> Optional[Span]:
    """The last measure word of the clause before a 分别为： list, with the nouns before it."""
    start = max([text.rfind(c, s_start, colon_end - 1) for c in "，,；;。"] + [s_start - 1]) + 1
    best = None
    for head in _METRIC_HEADS:
        at = text.rfind(head, start, colon_end)
        if at >= 0 and (best is None or at + len(head) > best[1] or (at + len(head) == best[1] and at < best[0])):
            best = (at, at + len(head))
    if best is None:
        return None
    opening = text.rfind("的", start, best[0]) + 1 or start  # 商品条码的|智能穿戴产品品种总量
    return _trim(text, max(start, opening), best[1])


def _lead_figure(text: str, q: Quantity, ordered: Sequence[Quantity]) -> Optional[Span]:
    """A line that opens with its figures, a comma and what they measure (``9%和6.5%，民营工业增加值增长快于
    整体工业``): the start of the description and where its verb starts, or None."""
    line_start = text.rfind("\n", 0, q.start) + 1
    before = [i for i in range(line_start, q.start) if not text[i].isspace() and text[i] not in "“\"和、"
              and not any(o.start <= i < o.end for o in ordered)]
    if before:
        return None
    after = q.end
    while True:
        nxt = next((o for o in ordered
                    if o.start in (after, after + 1) and text[after:o.start] in ("", "和", "、")), None)
        if nxt is None:
            break
        after = nxt.end
    if not text.startswith(("，", ","), after):
        return None
    start = after + 1
    line_end = min([i for i in (text.find("\n", start), text.find("。", start)) if i >= 0] or [len(text)])
    if not 4 <= line_end - start <= 40:
        return None
    verb = _LEAD_VERB.search(text, start, line_end)
    if verb is None:
        return None
    stop = min([verb.start()] + [o.start for o in ordered if start <= o.start < line_end])
    return (start, stop) if stop - start >= 2 else None


def _caption(text: str, q: Quantity, s_end: int) -> Optional[Span]:
    """The description after a number that opens its line (``988.3万千瓦时 广东充电桩充电电量``)."""
    m = _CAPTION.match(text, q.end)
    if m is None:
        return None
    return m.span(1)


def _cuts_metric(text: str, entity: Entity) -> bool:
    """A name whose end cuts a metric word in two (新闻信息服务营业|收入), or that ends in an activity or
    measure (新能源汽车累计出口), is a boundary error of the model."""
    name = text[entity.start:entity.end]
    if name.endswith(_NAME_ENDING_MEASURES):
        return True
    return any(text.startswith(head, entity.end - k) for head in _LONG_HEADS for k in range(1, len(head)))


_NAME_ENDING_MEASURES = ("出口", "进口", "收入", "利润", "规模", "销量", "产量", "总额", "总值", "增速", "占比",
                         "用户数", "出货量", "营收")


def _metric_after_name(text: str, start: int, end: int, times: Sequence[TimeExpr]) -> Optional[Span]:
    """What follows a name in its phrase, without times, adverbs and verbs (星河电子2024年实现营业收入 → 营业收入)."""
    changed = True
    while changed and start < end:
        changed = False
        bracket = _BRACKETED.match(text, start, end)
        if bracket:
            start, changed = bracket.end(), True  # 星河电子（001399.SZ）…: a code or gloss after the name
        while start < end and text[start] in _TRIM:
            start += 1
        for t in times:
            if t.start == start and t.end <= end:
                start, changed = t.end, True
        verb = _INTERNAL_VERB.match(text, start, end)
        if verb:
            start, changed = verb.end(), True
        for word in ("预计", "今年", "全年", "累计", "合计", "共", "已"):
            if text.startswith(word, start) and start + len(word) < end:
                start, changed = start + len(word), True
    return _trim(text, start, end)


def _list_items(text: str, start: int, q_start: int, phrase: "_Phrase", entities: Sequence[Entity],
                times: Sequence[TimeExpr], values: int = 0) -> List[Span]:
    """The coordinated subjects before 分别 (华东、华中和西南分别为 → 华东 / 华中 / 西南)."""
    np_start, np_end = _noun_phrase(text, start, q_start, times)
    if phrase.metric is not None and np_start <= phrase.metric[0] <= np_end \
            and text[phrase.metric[0] - 1] not in "、和及与" and "、" not in text[phrase.metric[0]:phrase.metric[1]]:
        np_end = phrase.metric[0]
    found = _split_items(text, np_start, np_end, r"[、和及与]|以及")
    if values and "、" in text[np_start:np_end] and len(found) > values:
        # 纺织和服装业、机械和器材业…分别增长a、b: 和 inside a name; the 、 list has as many
        # items as there are values
        by_comma = _split_items(text, np_start, np_end, r"、")
        if len(by_comma) == values:
            return by_comma
    return found


def _period_list(text: str, start: int, end: int, times: Sequence[TimeExpr]) -> List[Span]:
    """Two or more times joined only by 、 / 和 / 及 (第一季度、第二季度、第三季度), in order, else []."""
    inside = sorted((t for t in times if start <= t.start and t.end <= end and not _is_base(text, t, start)),
                    key=lambda t: t.start)
    best: List[Span] = []
    run: List[Span] = []
    for t in inside:
        if run and text[run[-1][1]:t.start].strip() in ("、", "和", "及", "与"):
            run.append((t.start, t.end))
        else:
            run = [(t.start, t.end)]
        if len(run) > len(best):
            best = list(run)
    return best if len(best) > 1 else []


def _after_last_verb(text: str, span: Span, word_starts: Sequence[int], verbs: FrozenSet[str]) -> Optional[Span]:
    """What follows the last verb inside a first list item (现场查处|酒驾醉驾), or None without a verb."""
    start, end = span
    lo = bisect_right(word_starts, start) - 1
    bounds = [b for b in word_starts[max(lo, 0):] if start <= b <= end]
    found = None
    for a, b in zip(bounds, bounds[1:]):
        if b < end and text[a:b] in verbs and text[a:b] not in _NOUN_LIKE_VERBS and text[a:b] not in _MODIFYING_VERBS:
            found = b
    return _trim(text, found, end) if found is not None else None


def _list_values(text: str, q: Quantity, ordered: Sequence[Quantity], s_end: int) -> int:
    """How many values a 分别 list hands out: this one and those joined to it by 、 / 和 / 及."""
    count, end = 1, q.end
    for other in ordered:
        if other.start >= end and other.start < s_end:
            if text[end:other.start].strip() in ("、", "和", "及", "与", "以及", ",", "，"):
                count, end = count + 1, other.end
            elif other.start > end:
                break
    return count


def _split_items(text: str, start: int, end: int, separators: str) -> List[Span]:
    found, pos = [], start
    for m in re.finditer(separators, text[start:end]):
        piece = _trim(text, pos, start + m.start())
        if piece:
            found.append(piece)
        pos = start + m.end()
    piece = _trim(text, pos, end)
    if piece and found:
        found.append(piece)
    return found


_LIST_CUES = re.compile(r"流向|投向|包括|涉及|覆盖|集中在|集中于|分布在|主要是|主要为|依次为|依次是")


def _earlier_list(text: str, s_start: int, before: int, word_starts: Sequence[int],
                  verbs: FrozenSet[str]) -> List[Span]:
    """The items of the nearest 、-list in an earlier clause of the sentence (主要流向甲业、乙业和丙业等领域，
    占比分别为… → 甲业 / 乙业 / 丙业): the first item starts after the clause's last verb before it, the
    last ends at 等 or at the clause's end."""
    end = before
    while end > s_start:
        start = end - 1
        while start > s_start and text[start - 1] not in _CLAUSE_BREAKS:
            start -= 1
        clause = text[start:end].rstrip("，,；;：: ")
        if clause.count("、") >= 1:
            seps = [i for i in range(start, start + len(clause)) if text[i] == "、"]
            first_start = start
            lo = bisect_right(word_starts, start) - 1
            bounds = [w for w in word_starts[max(lo, 0):] if start <= w <= seps[0]]
            for x, y in zip(bounds, bounds[1:]):
                if text[x:y] in verbs and text[x:y] not in _NOUN_LIKE_VERBS and y < seps[0]:
                    first_start = y
            cue = None
            for cue in _LIST_CUES.finditer(text, first_start, seps[0]):
                pass
            if cue is not None:
                first_start = cue.end()
            stop = text.find("等", seps[-1], start + len(clause))
            edges = [first_start - 1] + seps + [stop if stop > 0 else start + len(clause)]
            items = [span for span in (_trim(text, x + 1, y) for x, y in zip(edges, edges[1:])) if span]
            return items if len(items) > 1 else []
        end = start - 1 if start > s_start else s_start
    return []


#: a dispatch's dateline and byline, and a reporter's source, before the sentence proper
_DATELINE = re.compile(r"[\s\u3000]*(?:(?:本报|新华社|人民网|中新社)[^，,。（(]{0,16}?电[\s\u3000]*(?:[（(][^）)]{0,30}[）)])?)"
                       r"[\s\u3000]*(?:记者(?:从|近日从|日前从)[^，,。：:]{1,30}?获悉[：:，,])?")
_VIEW_OPENER = re.compile(r"[\s\u3000“”\"]*从[^，,。；;]{1,20}(?:来看|看)[，,]")
_CONNECTIVE_OPENER = re.compile(r"[\s\u3000“”\"]*(?:其中|其间|同时|此外|另外|与此同时|对此|目前|当前)[，,]")
_EXAMPLE_OPENER = re.compile(r"以([^，,。；;“”\"]{2,16})为例[，,]")
_PART_VIEW = re.compile(r"[\s\u3000“”\"]*分[^，,。；;]{1,6}看[，,]")
_OWNED_LINK = re.compile(r"旗下|下属|旗下的|推出的|开源的|发布的|研发的|自研的|的")
_REPORT_OPENER = re.compile(r"(?:据|记者从|经)[^，,。]{0,10}?(?:介绍|了解|统计|获悉|悉|显示|测算|核算)[，,]")
_TOPIC_END = re.compile(r"[（(，,：:；;“”]|\d|将于|将|计划|已经|已|正在|拟")


def _sentence_topic(text: str, s_start: int, limit: int, times: Sequence[TimeExpr]) -> Optional[Span]:
    """The name a sentence opens with (星河电子（001399.SZ）…，实现… → 星河电子), when it is short."""
    start = s_start
    while start < limit and text[start] in _TRIM + "\n":
        start += 1
    opener = _REPORT_OPENER.match(text, start, limit) or _CONNECTIVE_OPENER.match(text, start, limit)
    if opener:
        start = opener.end()  # 据介绍，新机场线一期… / 其间，…
    for marker in ("截至", "截止", "到", "在", "从", "自"):
        if text.startswith(marker, start):
            start += len(marker)
            break
    if any(t.start == start for t in times) or text.startswith(("本报", "新华社", "记者", "据", "人民网"), start):
        return None
    end = _TOPIC_END.search(text, start, limit)
    stop = end.start() if end else limit
    for t in times:
        if start < t.start < stop:
            stop = t.start
    if 2 <= stop - start <= 8 and not text[start:stop].endswith(("看", "显示", "表示", "介绍", "说", "认为")) \
            and not text[stop:stop + 12].lstrip("日0123456789月").startswith(_SOURCE_AFTER):
        return (start, stop)  # not 国家统计局|16日发布数据: a source owns nothing
    return None


_REPORTING_VERBS = frozenset(("说", "表示", "介绍", "指出", "认为", "透露", "告诉", "称", "强调", "坦言", "说道", "解释",
                              "分析", "预计", "估计", "提到", "谈到", "回忆"))
_ACTOR_STOP = frozenset(("从", "被", "在", "对", "向", "为", "把", "将", "已", "已经", "正", "也", "还", "都", "于", "与",
                         "和", "通过", "借", "以", "就", "才", "仍", "再", "又", "今年", "去年", "目前", "近年来"))


def _opening_actor(text: str, s_start: int, clause_start: int, word_starts: Sequence[int], verbs: FrozenSet[str],
                   times: Sequence[TimeExpr]) -> Optional[Span]:
    """The noun phrase a sentence opens with when a verb or preposition follows it in its first clause
    (全国铁路|迎来…, 邓礼|从银行贷款…, 王静良的创业团队|被评为…): the actor of the sentence's later activities.
    None when the quantity's clause is the first one, or the phrase is a time, a pronoun or over 12 characters."""
    start = s_start
    while start < clause_start and text[start] in _TRIM + "\n":
        start += 1
    opener = _VIEW_OPENER.match(text, start, clause_start) or _REPORT_OPENER.match(text, start, clause_start)
    if opener:
        start = opener.end()  # 从前三季度的数据来看，… / 据介绍，…: the actor comes after
    for t in sorted(times, key=lambda t: t.start):
        if t.start == start:
            start = t.end
            while start < clause_start and text[start] in _TRIM:
                start += 1
    if start >= clause_start or text.startswith(("本报", "新华社", "记者", "据"), start):
        return None
    example = _EXAMPLE_OPENER.match(text, start, clause_start)
    if example:
        return example.span(1)  # 以家电企业青岚电器为例，上半年已销售120万台…: the example is the actor
    first = _DATA_SHOW.match(text, start)
    if first and first.end() <= clause_start:
        return None  # 青州统计局对外发布的数据显示，…: a source opens the sentence, not an actor
    i = bisect_right(word_starts, start - 1)
    for a, b in zip(word_starts[i:], word_starts[i + 1:]):
        if b > clause_start:
            return None
        word = text[a:b]
        if re.search(r"[，,。；;：:！？!?（(“”\"\d\s]", word):
            return None
        if word in _REPORTING_VERBS:
            return None  # 高峰介绍，…: a speaker, not an actor
        if word in _ACTOR_STOP or (word in verbs and word not in _NOUN_LIKE_VERBS):
            name = text[start:a]
            if 2 <= a - start <= 12 and name not in _PRONOUNS and not name.endswith(("说", "表示", "介绍")) \
                    and not re.match(r"[一二三四五六七八九十]是|首先|其次|再次|最后|此外|其中|同时|另外", name) \
                    and not re.search(r"提出|显示|表明|指出", name) \
                    and _metric_suffix(text, start, a, word_starts) is None and _indicator(text, start, a) is None:
                return (start, a)
            return None
    return None


#: nouns after "N%的" that a figure sets (a target, a range) rather than describes
_NOT_DESCRIBED = ("目标", "区间", "背后", "水平", "幅度", "速度", "比例", "任务", "要求", "标准")
_COUNTED_STOP = re.compile(r"[\s，,。；;：:、！？!?“”\"（）()《》\d的和与及或等]")
_COUNTED_STOP_WORDS = ("有", "均", "已", "都", "全部", "共", "将", "在", "同比", "环比", "分别", "累计", "合计", "也",
                       "还", "正", "中", "里", "之", "以上", "左右", "次", "家次", "人次")


def _counted_noun(text: str, start: int, limit: int, word_starts: Sequence[int],
                  verbs: FrozenSet[str]) -> Optional[Span]:
    """The noun right after a count (32家|央企|净利润… → 央企), up to a verb, adverb or measure word; after a
    relative clause (5家|处于研发阶段的|医药企业) the noun it describes."""
    relative = _RELATIVE_AFTER_COUNT.match(text, start, limit)
    if relative:
        described = _counted_noun(text, relative.end(), limit, word_starts, verbs)
        if described is not None:
            return described
    end = start
    quoted = re.match(r"[“\"‘][^“”\"‘’，,。；;]{1,8}[”\"’]", text[start:limit])
    if quoted:
        # 24条|“稳外资”措施: a quoted name with the noun after it
        end = start + quoted.end()
    i = bisect_right(word_starts, end) - 1
    bounds = [b for b in word_starts[max(i, 0):] if end <= b <= limit]
    pairs = list(zip(bounds, bounds[1:]))
    joined = None
    for k, (a, b) in enumerate(pairs):
        word = text[a:b]
        if a == start and not quoted and word in verbs and k + 1 < len(pairs) \
                and _noun_word(text, *pairs[k + 1], verbs):
            end = b  # 40727个|扶贫|产品: a verb that modifies the noun after it
            continue
        if word in ("和", "与", "及") and a == end > start and k + 1 < len(pairs) \
                and _noun_word(text, *pairs[k + 1], verbs) and text[pairs[k + 1][0]] not in "0123456789数几两三四五六七八九十":
            joined = a
            end = pairs[k + 1][0]  # 137个国家|和|地区: two nouns joined
            continue
        if a != end or _ends_counted(word, verbs) or b - start > 10 or (a > start and word in _function_words()):
            break  # after its first word an adverb, preposition or conjunction ends it too (钻机|顺利|抵乌)
        end = b
    if joined is not None and end < limit and not _COUNTED_STOP.match(text, end):
        end = joined  # the second noun runs on (民营企业和社会|组织…): keep the first
    if end > start and (text[start:end] in verbs or _CHANGE_TO.match(text, start, end)):
        return None  # …由86种减到44种: a change to the next figure, not a noun
    return (start, end) if end > start else None


#: 5家|处于创新研发阶段的|医药企业, 1家|已撤回上市申请的|企业: a relative clause between a count and its noun
_RELATIVE_AFTER_COUNT = re.compile(r"(?:已经|已|正在|处于|位于)[^，,。；;、“”\"\d的]{1,12}的")
_CHANGE_TO = re.compile(r"(?:减|降|增|升|提高|提升|下降|减少|增加|压减|压缩|扩大|缩减)(?:到|至|为)")
_ADVERBIAL = re.compile(r"(?:仅|只|就|已|已经|又|还|共|累计|先后|陆续|再|也|都|将|并|同时|随后|目前|最终|成功|一举|"
                        r"再次|首次|进一步|持续|不断|全力|总共|一共)*")


def _outside_times(text: str, start: int, end: int, times: Sequence[TimeExpr]) -> str:
    """The characters of ``text[start:end]`` that belong to no time expression."""
    return "".join(ch for i, ch in enumerate(text[start:end], start) if not any(t.start <= i < t.end for t in times))


def _only_adverbials(text: str, start: int, end: int, times: Sequence[TimeExpr]) -> bool:
    """Between ``start`` and ``end`` stand only times and adverbs (仅三个月就|解决了): the clause names no
    subject of its own."""
    return _ADVERBIAL.fullmatch(_outside_times(text, start, end, times).strip(_TRIM)) is not None


def _ends_counted(word: str, verbs: FrozenSet[str]) -> bool:
    """A word that a counted noun stops before: punctuation or a figure, a stop word, a verb, a measure word."""
    return bool(_COUNTED_STOP.search(word)) or word in _COUNTED_STOP_WORDS or word in verbs \
        or any(word.endswith(h) for h in _METRIC_HEADS)


@functools.lru_cache(maxsize=1)
def _function_words() -> FrozenSet[str]:
    """Adverbial adjectives, prepositions and conjunctions of jieba's dictionary (tags ad, p, c), and one-character
    function words."""
    from .segment import dictionary_words

    found = set(_ONE_CHAR_FUNCTION_WORDS)
    for tag in ("ad", "p", "c"):  # not d: jieba tags 更新 d
        found |= dictionary_words(min_freq=20, tag=tag)
    return frozenset(found)


_ONE_CHAR_FUNCTION_WORDS = ("为", "被", "向", "从", "把", "给", "就", "又", "再", "即", "并", "而")  # not 才 (人|才)


def _noun_word(text: str, a: int, b: int, verbs: FrozenSet[str]) -> bool:
    """A word of two or more characters a counted noun can go on with (产品, 项目)."""
    word = text[a:b]
    return len(word) >= 2 and not _ends_counted(word, verbs)


def _has_entity(entities: Sequence[Entity], span: Optional[Span]) -> bool:
    return span is not None and any(e.start == span[0] and e.end == span[1] for e in entities)


def _without_times(text: str, span: Optional[Span], times: Sequence[TimeExpr]) -> Optional[Span]:
    """A subject never includes a time expression (华信精工前三季度 → 华信精工)."""
    if span is None:
        return None
    start, end = span
    bracket = min((i for i in (text.find("（", start, end), text.find("(", start, end)) if i > start), default=-1)
    if bracket > start:
        end = bracket
    for t in times:
        if t.start < end and start < t.end:
            if t.start > start:
                end = min(end, t.start)
            else:
                start = max(start, t.end)
    return _strip_adverbs(text, start, end) if end > start else None


def _clause_start(text: str, s_start: int, q_start: int) -> int:
    """Start of the clause holding ``q_start``: after the last clause break before it that is not inside
    brackets (日均Token（词元，源代码中…单位）消耗量: the comma in the gloss breaks nothing)."""
    i, depth = q_start, 0
    while i > s_start:
        c = text[i - 1]
        if c in "）)":
            depth += 1
        elif c in "（(" and depth:
            depth -= 1
        elif (c in _CLAUSE_BREAKS or c in "（(") and not depth:
            break  # a figure inside brackets has the bracket's text as its clause
        i -= 1
    return i


#: verbs between an actor and a count (科创板共有36家公司, 共认定40727个扶贫产品): the actor is the subject
_LIST_ITEM_NOUN = re.compile(r"、([\u4e00-\u9fff]{2,6})")
#: classifiers that are themselves the counted noun (9省市, 四省份, 两国)
_NOUN_UNITS = frozenset(("省市", "省份", "省区", "省", "国", "市", "县", "地市", "区县", "国家和地区"))
#: verbs of reach after a count (…认定4万个产品，涉及1297个县): the items counted before are their subject
_REACH_VERB = re.compile(r"涉及|覆盖|惠及|辐射|分布在|遍及")
_COUNT_ACTOR_VERB = re.compile(r"共有|拥有|设有|认定|涉及|覆盖|支持|培育|遴选|新设|破获|查获|打掉|查缴|出动|开通|"
                               r"建成|发布|推出|引进|签约|带动|吸引|服务|帮扶")
_ACTOR_VERB_END = re.compile("(?:" + _COUNT_ACTOR_VERB.pattern + ")$")


def _is_count_word(text: str, span: Span) -> bool:
    """数量, 品种数: a count's own noun; a longer phrase (邮政业务总量, 贷款余额户数) names what is counted."""
    word = text[span[0]:span[1]]
    return len(word) <= 3 and word.endswith(("数量", "总量", "品种数", "总数", "数"))


def _window(text: str, t: TimeExpr) -> TimeExpr:
    """前6天 opening a clause is a window (the first six days of the period): the duration with its 前 is the
    time role, and 前 is no part of the subject."""
    if t.type == "DURATION" and t.start > 0 and text[t.start - 1] == "前" \
            and (t.start == 1 or not re.match(r"[\u4e00-\u9fffA-Za-z0-9]", text[t.start - 2])):
        return dataclasses.replace(t, start=t.start - 1)
    return t


def _is_base(text: str, t: TimeExpr, start: int) -> bool:
    """The time is a comparison base or a target's year (较上年, 比上月末, 去年同期, 完成全年…), not a period;
    ``start`` bounds how far back the marker is looked for."""
    return bool(_COMPARISON_BEFORE.search(text[max(start, t.start - 3):t.start])
                or _COMPARISON_AFTER.match(text[t.end:t.end + 3]))


def _time_role(text: str, q: Quantity, times: Sequence[TimeExpr], s_start: int) -> Optional[Span]:
    best, best_time = None, None
    for t in times:
        if not (s_start <= t.start and t.end <= q.start):
            continue
        if q.kind in ("MONEY", "MEASURE", "COUNT", "CARDINAL") and text.startswith("的", t.end) \
                and re.fullmatch(r"的(?:水平|规模)?的?", text[t.end:q.start]) \
                and re.search(r"(?:较|比|从|由)$", text[max(s_start, t.start - 1):t.start]):
            return (t.start, t.end)  # 较2024年初的1000亿: the base's own value belongs to the base's time
        if _is_base(text, t, s_start):
            continue
        if text.startswith("的", t.end) and t.end + 1 < q.start and re.search(r"(?:从|由)$", text[s_start:t.start]) \
                and re.match(r"[近约超逾]?[\d一二三四五六七八九十]", text[t.end + 1:t.end + 3]):
            continue  # 从2月份的17%回落到4%: the starting value's period is not the later value's
        if t.type == "DURATION" and not re.match(r"^(时间|来|以来|内|里)?(增长|增加|下降|减少|翻)", text[t.end:q.start]) \
                and not re.match(r"^多?(来|以来|之内|以内|内|里|就|便|累计|共计|合计|间)", text[t.end:t.end + 3]) \
                and not (text.startswith(("假期", "长假"), t.end)
                         and (best_time is None or best_time.end != t.start)) \
                and not text.startswith("前", t.start) \
                and not (best is None and text.endswith("连续", s_start, t.start)
                         and t.start >= _clause_start(text, s_start, q.start)):
            continue  # a duration is the period only as a window: 两年多来, 前6天, 3个月内增长, 两天累计投放,
            # 连续7个月保持5%以上
        if best is not None and text[t.start:t.end] in _ANAPHORIC_TIMES:
            continue  # 4月，当月… : the named period is the role, 当月 only points back at it
        if best is not None and text[t.start:t.end].endswith("同期") and t.start < _clause_start(text, s_start, q.start):
            continue  # …，上年同期为盈利1.35亿元；扣除…的净利润为…: the comparison period of another clause
        if _DATED_NOUN.match(text, t.end):
            continue  # 4月发布的Qwen3…衍生模型已逾10万个: the date of the thing's release, not the figure's period
        if _ENUMERATED.search(text, t.end, q.start) and (_ENUMERATOR.match(text, s_start)
                                                          or _ENUMERATED.search(text, s_start, t.start)):
            continue  # 一是…，6月已升至45%；二是…降低了80%: another item's period
        if _EVENT_AFTER.match(text, t.end) and _clause_start(text, s_start, q.start) > t.end:
            continue  # 10月20日晚间公告，…减持不超过3%: the date of an event in another clause (gold notes)
        if best is not None and _RECORD_AFTER.match(text, t.end) and _clause_start(text, s_start, q.start) > t.end:
            continue  # 9月CPI上涨3.0%，涨幅创下近6年来新高；PPI下降1.2%: a record's window, not a period
        if best_time is not None and t.date_from is not None and (t.date_from, t.date_to) == (
                best_time.date_from, best_time.date_to) and not text[best_time.end:t.start].strip("，, "):
            continue  # 2月10日，春节长假最后一天: the same day named again; the date written first is the role
        best, best_time = (t.start, t.end), t
    return best


_DATED_NOUN = re.compile(r"(?:发布|推出|成立|上市|开通|挂牌|上线|开源|建成|投产|投运|签署|出台|印发)的")
#: 一是…；二是…: the items of an enumeration
_ENUMERATED = re.compile(r"[；;，,：:。][\s“\u3000]*[一二三四五六七八九十]是")
#: 开市以来, 投产以来: a period since an event, which opens a sentence like a time
_SINCE_EVENT = re.compile(r"[\u4e00-\u9fff]{1,4}以来")
#: the verbs of a comparison with a base (快于全省, 低于5.5%)
_COMPARE = "(?:快于|慢于|高于|低于)"
_LEADING_COMPARISON = re.compile(r"(?:均|都|也)?(?:明显|略|大幅|远)?" + _COMPARE)
_GROWTH_ONLY = re.compile(r"[，,](?:同比|环比|较上年|比上年)?(?:增长|增加|下降|减少)(?:了)?")
_CHANGE_AFTER = re.compile(r"(增长|下降)(?![到至为了])")
_BOUND_BEFORE = re.compile(_COMPARE + "$")
_BASE_BEFORE = re.compile(_COMPARE + r"[^，,；;\d]{0,12}$")
_RECORD_AFTER = re.compile(r"(?:以来|来)?(?:的)?(?:新高|新低|最高|最低|最大|最小|最快|最慢)")
_EVENT_AFTER = re.compile(r"(?:晚间|早间|上午|下午|晚|早)?(?:公告|发布|披露|宣布|表示|召开|举行|挂牌|公布|获悉|电|讯)")


def _last_period(text: str, sentence: Tuple[int, int], times: Sequence[TimeExpr]) -> Optional[Span]:
    """The last time of a sentence that is not a comparison base (the period a 其间 / 其中 sentence continues)."""
    found = None
    for t in sorted(times, key=lambda t: t.start):
        if sentence[0] <= t.start and t.end <= sentence[1] and not _is_base(text, t, sentence[0]) \
                and t.type != "DURATION":
            found = (t.start, t.end)
    return found


_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
_GLOSS = re.compile(r"（[^（）]{4,}）")
_LIST_SEPARATOR = re.compile(r"[，,、；;。]")
#: 分别比上月和上年同期多…: the listed items are comparison bases, not owners or measures
_BASES_LISTED = re.compile(r"分别(?:比|较|与|同)[^，,。；;]{0,12}?[和、及]")
_REPORTING = re.compile(r"[^，,。；;：:]{0,8}?(提出|明确|显示|表明|指出|透露|认为|预测|估计|估算)[，,：:]?")
#: verbs before an amount that say nothing of what it is (达到, 超过, 实现…)
_NOT_ACTIVITIES = frozenset(("达到", "超过", "突破", "实现", "完成", "约为", "相当", "高达", "合计", "累计", "共计", "总计",
                             "占到", "达成", "超出", "接近", "不足", "只有", "仅有", "拥有", "增长", "下降", "增加", "减少",
                             "折算", "折合", "约合", "换算"))
_SHARE_WORDS = ("比重", "占比", "比例", "份额")
_SHARE_WORD_END = re.compile("(?:" + "|".join(_SHARE_WORDS) + ")$")
_ENUMERATOR = re.compile(r"(?:[一二三四五六七八九十]是|首先|其次|再次|最后)[，,：:]?")
_ANAPHORIC_TIMES = ("当月", "当年", "当季", "同期", "当日", "当天", "其间", "期间")


def _change(clause: str, quantity_text: str = "") -> str:
    """increase / decrease from the last rise or fall cue in the clause; level for 增至-like cues or none."""
    if quantity_text.startswith("翻"):
        return "increase"  # 翻一番, 翻两番
    share = max(clause.rfind("占"), clause.rfind("比重"))
    best, best_pos = "level", share  # cues before a share (…增长，占) belong to another figure
    copula = clause.rfind("是")
    if copula > best_pos and not clause.startswith(("同比", "环比"), copula + 1):
        best_pos = copula  # 需求回升和成本下降是两个重要原因: changes before the copula are its topic
    of_share = re.search(r"占(?!比)[^，,；;。]*的$", clause.rstrip("约近超逾达了"))
    if of_share and not re.search(r"同比|环比|(?<!占)比(?![重例率])|较", clause[of_share.start():]):
        return "level"  # 占新增装机的56%: a change word inside the share's object (新增) is no change of the share
    reach_start, reach_end = -1, -1
    for cue in _REACH:
        pos = clause.rfind(cue)
        if pos > best_pos:
            best, best_pos = "level", pos
            reach_start, reach_end = pos, pos + len(cue)
    for cues, change in ((_INCREASE + _INCREASE_NOUNS, "increase"), (_DECREASE + _DECREASE_NOUNS, "decrease")):
        for cue in cues:
            pos = clause.rfind(cue)
            if pos <= best_pos or reach_start <= pos < reach_end:
                continue
            if clause.startswith(_NOUN_AFTER_CUE, pos + len(cue)) or clause.startswith(("增加值", "增长率"), pos):
                continue  # 增加值, 增速, 增幅: nouns, not changes
            if len(cue) == 1 and not _single_char_cue_ok(clause, pos):
                continue
            best, best_pos = change, pos
    if best == "increase" and clause.rstrip("了").endswith(("增速", "增幅", "涨幅", "增长率")) \
            and not re.search(r"(高出|高于|快于|比|较)", clause):
        return "level"
    if re.search(r"(增速|增幅|涨幅|降幅|增长率)(为|是|达|达到)$", clause.rstrip("了")):
        return "level"
    return best


_NOUN_AFTER_CUE = ("值", "率", "速", "幅", "面", "量", "额")
# Cues of change that also name what changes (全年减税降费逾1万亿元): they set the change but stay in the metric.
_INCREASE_NOUNS = ("新建", "增收", "回升", "加快")
_DECREASE_NOUNS = ("减税", "降费", "压缩", "减排", "压减", "减轻")


def _single_char_cue_ok(clause: str, pos: int) -> bool:
    # 增 / 降 / 多 / 少 / 高 / 低 as cues only right before the number or after a comparison (同比增, 比上年多).
    rest = clause[pos + 1:]
    if rest.strip("了约近超逾") == "":
        return True
    return bool(re.search(r"(同比|环比|(?<!占)比(?![重例率])|较)[^，,；;]*$", clause[:pos]))


def _phrase(text: str, clause_start: int, q: Quantity, entities: Sequence[Entity], times: Sequence[TimeExpr],
            word_starts: Sequence[int], prev: _Phrase, s_start: int,
            verbs: FrozenSet[str] = frozenset(), topic: Optional[Span] = None) -> _Phrase:
    """Subject and metric spans from the noun phrase before the clause's predicate. ``topic`` is the group the
    sentence opened with (2家电网企业落实…), which owns later figures like a name does."""
    np_start, np_end = _noun_phrase(text, clause_start, q.start, times)
    np_end = _without_modals(text, np_start, np_end, word_starts)
    lo, hi = bisect_left(word_starts, np_start), bisect_left(word_starts, np_end - 2)
    jiang = next((a for a in reversed(word_starts[lo:hi]) if text[a] == "将" and a + 1 in word_starts), None)
    if jiang is not None:
        k = bisect_right(word_starts, jiang + 1)
        after = word_starts[k] if k < len(word_starts) else np_end
        if text[jiang + 1:after] in verbs or text[jiang + 1:after] in _MODIFYING_VERBS:
            jiang = None  # 2024年将新增风电装机: 将 is "will"
    if jiang is not None:
        metric = _metric_suffix(text, jiang + 1, np_end, word_starts)
        if metric is not None:
            # 青州提出将粮食年产量由目前的21万吨提升至35万吨: 将 puts the measure first; its owner acts before 将
            before = _strip_adverbs(text, np_start, jiang)
            owner = before if before and not _verb_led(text, before, word_starts, verbs) \
                and not _verb_in(text, before[0], before[1], word_starts, verbs) else None
            owner = owner or prev.subject or _clause_actor(entities, s_start, clause_start, text) \
                or _entity_before(entities, s_start, np_start, text) \
                or _entity_before(entities, clause_start, np_start, text) \
                or _opening_actor(text, s_start, clause_start, word_starts, verbs, times)
            return _Phrase(owner, (jiang + 1, metric[1]), prev.measure)
    if np_end - np_start > 1 and text.startswith("其", np_start) and not text.startswith(_QI_WORDS, np_start):
        # …，其股价较发行价上涨62.5%: "its" measure; the owner is the sentence's subject or actor
        inner = _phrase(text, np_start + 1, q, entities, times, word_starts, _Phrase(), s_start, verbs)
        owner = prev.subject or _clause_actor(entities, s_start, clause_start, text) \
            or _entity_before(entities, s_start, np_start, text)
        return _Phrase(owner, inner.metric or _trim(text, np_start + 1, np_end), inner.measure)
    gloss = _GLOSS.search(text, np_start, np_end)
    if gloss and gloss.start() > np_start and gloss.end() < np_end:
        # 普惠小微贷款（包括…贷款）余额: the owner before the gloss, the measure after it
        inner = _phrase(text, gloss.end(), q, entities, times, word_starts, prev, s_start, verbs)
        if inner.subject is None and inner.metric is not None:
            # 日均Token（词元，…）消耗量: modifiers before the gloss still belong to the measure
            m_start = gloss.start()
            while m_start > np_start:
                before = text[np_start:m_start]
                peel = re.search(r"[A-Za-z0-9]+$", before)
                mod = next((m for m in _METRIC_MODIFIERS if before.endswith(m)), None)
                if not (peel or mod):
                    break
                m_start -= len(peel.group()) if peel else len(mod)
            owner = _trim(text, np_start, m_start)
            metric = (m_start, inner.metric[1]) if m_start < gloss.start() else inner.metric
            return _Phrase(owner, metric)
        if inner.subject is not None and inner.subject[0] >= gloss.end():
            return inner
    if np_end <= np_start:
        if prev.subject is None and prev.metric is None and clause_start > s_start:
            # 企业级调用的占比提高，6月已升至45.48%: the clause before says what changed
            before = _changed_phrase(text, s_start, clause_start, entities, times, word_starts, verbs)
            if before is not None:
                return before
        subject = None if _ownerless(text, prev) else prev.subject or _entity_before(entities, s_start, q.start, text)
        return _Phrase(subject, _carried_metric(prev, q), prev.measure)
    if text[np_start:np_end] in _BARE_MEASURES:
        # 全长41.4公里, 均价约为1,200美元: a measure word alone; the subject is the sentence's
        return _Phrase(prev.subject or _entity_before(entities, s_start, np_start, text)
                       or _sentence_topic(text, s_start, np_start, times), (np_start, np_end))
    pair = _PAIRED_TRADE.match(text, np_start, np_end)
    partner = next((e for e in reversed(entities) if s_start <= e.start and e.end <= np_start and e.label == "LOC"
                    and text.startswith(pair.group(1), e.start)), None) if pair else None
    if partner is not None:
        # 美国为第三大贸易伙伴，中美贸易总值为…: the partner named before owns the bilateral figure (gold notes)
        return _Phrase((partner.start, partner.end), _trim(text, pair.end(1), np_end))
    verb = _INTERNAL_VERB.search(text, np_start, np_end)
    if verb and verb.group().startswith("占") and verb.start() > np_start + 1 \
            and getattr(q, "kind", None) in ("PERCENT", "FRACTION") \
            and not text.endswith(_SHARE_WORDS, np_start, np_end):
        # 光伏装机约占新增装机的六成: the share is of the measure before 占, not of the base after it (gold notes)
        inner = _phrase(text, np_start, _At(verb.start()), entities, times, word_starts, prev, s_start, verbs)
        if inner.metric is not None:
            return _Phrase(inner.subject, inner.metric, inner.metric)
    # A name leads the phrase when it owns the figure (星河电子营业收入); one inside it is a modifier (经广西口岸).
    ents = [e for e in entities if np_start <= e.start and e.end <= np_end and not _is_source(text, e)
            and (e.start == np_start or (e.start - np_start == 1 and text[np_start] in "“\"‘《（(「") or text[np_start:e.start].rstrip("、和与及对同") in ("", "我国", "全国", "其中", "我", "我国与", "我与", "我国对", "我对"))]
    if ents:
        ent = ents[-1] if ents[-1].end == np_end else ents[0]
        for later in sorted((e for e in entities if ent.end <= e.start and e.end <= np_end), key=lambda e: e.start):
            if _OWNED_LINK.fullmatch(text[ent.end:later.start]):
                ent = later  # 快手旗下可灵AI的全球用户数, 阿里巴巴开源的Qwen3: the product owns the figure
        if len(ents) > 1 and all(text[a.end:b.start].strip() in ("、", "和", "及", "与", "以及", "")
                                 for a, b in zip(ents, ents[1:])):
            last = ents[-1]  # 甲港、乙港、丙港日均通关人数: the list ends at the last name
            return _Phrase((ent.start, ent.end), _trim(text, last.end, np_end) or prev.metric)
        rest = _metric_after_name(text, ent.end, np_end, times)
        metric = rest if rest else prev.metric if ent.end == np_end else None
        return _Phrase((ent.start, ent.end), metric)
    indicator = _indicator(text, np_start, np_end)
    if indicator is not None:
        # 国内生产总值, 居民消费价格: a national statistic has no subject unless one is written (全国, 我国)
        owner = _strip_adverbs(text, np_start, indicator[0])
        if owner and text[owner[0]:owner[1]] not in _NATIONAL_OWNERS:
            owner = None
        part = max(s_start, *(text.rfind(c, s_start, clause_start) + 1 for c in "；;"))
        if owner is None and (prev.subject is None or prev.subject[1] <= part) and clause_start > part:
            # 分领域看，石油石化企业完善…，加大…投入力度，固定资产投资增长23.9%；汽车企业…: the firms that open the
            # part and act in it own the indicator
            view = _PART_VIEW.match(text, part, clause_start)
            actor = _opening_actor(text, view.end() if view else part, clause_start, word_starts, verbs, times)
            if actor is not None and _owner_like(text[actor[0]:actor[1]]):
                owner = actor
        # …上海新设外资项目563个…；合同外资100.97亿美元: the sentence's owner goes on
        return _Phrase(owner or prev.subject, indicator)
    lead = _LEADING_VERB.match(text, np_start, np_end)
    if lead and lead.group() == "比" and text.startswith(("比亚迪", "比特", "比利时"), np_start):
        lead = None  # names, not the comparison 比
    if lead:
        # a clause that opens with a verb or comparison (占外贸总值的, 高出同期, 预计发送旅客) continues the
        # sentence's subject; what follows the verb names the metric when it has a metric word
        rest = _trim(text, lead.end(), np_end)
        if rest is not None and any(t.start == rest[0] and t.end < rest[1] for t in times):
            untimed = _without_times(text, rest, times)  # 预计2020年产值可达…: the time is not part of the measure
            if untimed is not None and _metric_suffix(text, untimed[0], untimed[1], word_starts) is not None:
                rest = untimed
        metric = _metric_suffix(text, rest[0], rest[1], word_starts) if rest else None
        subject = None if _ownerless(text, prev) else prev.subject or _entity_before(entities, s_start, np_start, text) \
            or _sentence_topic(text, s_start, np_start, times) \
            or (_opening_actor(text, s_start, clause_start, word_starts, verbs, times)
                if lead.group() in ("预计", "实现", "完成", "累计", "累计实现", "共实现", "共", "录得") else None)
        if lead.group().endswith(("影响", "拉动")) and metric is not None and metric[0] > rest[0]:
            owner = _strip_adverbs(text, rest[0], metric[0])
            if owner and not _verb_led(text, owner, word_starts, verbs):
                # …，影响规模以上工业企业利润增速下降1.2个百分点: what is affected is the owner's measure
                return _Phrase(owner, metric, prev.measure)
        if lead.group() in _BASE_VERBS and prev.metric is not None:
            # 高于全省增速2个百分点: what follows is the base; the figure is still about the measure
            # already named
            return _Phrase(subject, prev.measure or prev.metric)
        if lead.group() == "占" and prev.metric is not None:
            # 进出口24.3万亿元，占进出口总值的55.5%: the share measures what the sentence measured, not the base
            # after 占; a share word written after the base (占全国的比重) is the metric itself (gold notes)
            word = _SHARE_WORD_END.search(text, rest[0], rest[1]) if rest else None
            if word is not None:
                return _Phrase(subject, (word.start(), rest[1]), prev.measure or prev.metric)
            return _Phrase(subject, prev.measure or prev.metric, prev.measure or prev.metric)
        if rest and not metric and _verb_led(text, rest, word_starts, verbs):
            metric = rest  # 共查处违法行为12万起: the verb and its object say what is counted
        if rest and not metric and q.kind == "COUNT" and "的" in text[rest[0] + 1:rest[1] - 1]:
            # 累计完成备案的生成式人工智能服务超过400个: a relative clause names what is counted (§6, counts)
            return _Phrase(subject, rest) if subject is not None else _Phrase(rest, None)
        if rest and not metric and lead.group() == "为":
            # 为企业完成债转股签约6亿元: for whom, then the activity, which is what is measured
            verb = next((a for a, b in zip(word_starts, word_starts[1:]) if rest[0] < a and b <= rest[1]
                         and text[a:b] in verbs and text[a:b] not in _NOUN_LIKE_VERBS), None)
            if verb is not None and verb + 2 <= rest[1]:
                return _Phrase(subject, (verb, rest[1]), prev.measure)
        return _Phrase(subject, (rest if metric else None) or _carried_metric(prev, q), prev.measure)
    indicator = _indicator(text, np_start, np_end, any_owner=True)
    if indicator is not None and indicator[0] > np_start:
        # 商务服务业实到外资, 我与东盟贸易总值: a written owner of an indicator is the subject
        owner = _strip_adverbs(text, np_start, indicator[0])
        if _owner_goes_on(text, owner, prev, entities, topic):
            return _Phrase(prev.subject, (owner[0], indicator[1]))  # 宁德…，规上工业增加值增长14.8%
        if owner and not _verb_led(text, owner, word_starts, verbs) and "的" not in text[np_start:indicator[0]]:
            return _Phrase(owner, indicator)
        if owner:
            # 用于实体经济的人民币贷款: a modifier narrows the indicator; it names no owner
            return _Phrase(prev.subject, _trim(text, np_start, np_end))
    verb = _INTERNAL_VERB.search(text, np_start, np_end)
    if verb:
        # 全行业共实现营业利润 → owner 全行业, metric 营业利润
        owner = _strip_adverbs(text, np_start, verb.start())
        metric = _trim(text, verb.end(), np_end)
        if owner and metric and metric[1] - metric[0] > 1:  # not 完成|量: 完成量 is the metric
            if q.kind == "COUNT" and text[owner[0]:owner[1]] in verbs \
                    and not _ends_in_verb(text, metric, word_starts, verbs):
                # 其中，办理新设企业436家: no owner is written, only activities; what was set up is counted (§6)
                return _Phrase(metric, None)
            return _Phrase(owner, metric)
    national = next((w for w in _NATIONAL_OWNERS if text.startswith(w, np_start)), None)
    if national and np_start + len(national) < np_end:
        rest = _trim(text, *_leading_adverbs(text, np_start + len(national), np_end))
        if rest and _verb_led(text, rest, word_starts, verbs):
            # 全国已立案侦查786家, 全国新建…: a national owner, then what it did
            return _Phrase((np_start, np_start + len(national)), rest)
    verb = _last_verb(text, np_start, np_end, word_starts, verbs)
    if verb == np_start and prev.metric is not None and text[clause_start - 1:clause_start] in ("；", ";") \
            and _object_after_verb(text, (np_start, np_end), word_starts, verbs) is not None:
        verb = None  # …营业收入8099亿元；创意设计服务11069亿元: a parallel item's name, not an activity
    if verb is not None and _metric_suffix(text, np_start, np_end, word_starts) is None:
        # 民航发送旅客 → owner 民航, metric 发送旅客 (the verb and its object say what is counted);
        # 公安交管部门日均投入警力: the rate word goes with the verb, not the owner
        owner_end = verb
        i = bisect_right(word_starts, owner_end - 1) - 1
        if i >= 0 and word_starts[i] > np_start and text[word_starts[i]:owner_end] in verbs:
            # 青州共清偿|拖欠…账款: a verb before the last one opens the activity; adverbs before it stay out
            owner = _strip_adverbs(text, np_start, word_starts[i])
            if not (owner and prev.subject is not None and _verb_led(text, owner, word_starts, verbs)):
                return _Phrase(owner or prev.subject, _trim(text, word_starts[i], np_end))
        modifier = next((m for m in _METRIC_MODIFIERS if text[np_start:owner_end].endswith(m)), None)
        if modifier == "年" and text[owner_end - 2:owner_end - 1] in _YEAR_WORD_FIRST:
            modifier = None  # 全市今年|新增家庭农场: the 年 of a time word
        if modifier and owner_end - len(modifier) > np_start:
            owner_end -= len(modifier)
        owner = _trim(text, np_start, owner_end)
        rate = _RATE_WORD.search(text, np_start + 2, np_end - 1)
        obj = None
        if rate and _verb_led(text, (np_start, rate.start()), word_starts, verbs):
            first_end = word_starts[bisect_right(word_starts, np_start)]
            obj = _trim(text, first_end, rate.start()) if first_end < rate.start() else None
            if obj is not None and text[obj[0]:obj[1]] in verbs:
                obj = None
        if obj is not None:
            return _Phrase(obj, (rate.start(), np_end))  # 带动农户户均增收: the verb's object owns the rate
        if owner and prev.subject is not None and (_verb_led(text, owner, word_starts, verbs)
                                                   or text[owner[0]:owner[1]] in _ACTIVITY_MODIFIERS
                                                   or text[owner[0]:owner[1]] in _MANNER_ADVERBS):
            # …，实际放款企业650家, 主动关停企业20家: 实际 or 主动 says how the activity went; the sentence's
            # subject goes on
            return _Phrase(prev.subject, _trim(text, np_start, np_end))
        return _Phrase(owner or prev.subject, _trim(text, owner_end, np_end))
    metric = _metric_suffix(text, np_start, np_end, word_starts)
    if metric is not None:
        owner = _strip_adverbs(text, np_start, metric[0])
        if owner and text.startswith(("扣除", "剔除", "不含", "扣非"), owner[0]):
            # …；扣除非经常性损益后的净利润为-3185.6万元: the words narrow the measure; the owner goes on
            return _Phrase(prev.subject or _clause_actor(entities, s_start, clause_start, text)
                           or _entity_before(entities, s_start, np_start, text), (owner[0], metric[1]), prev.measure)
        if owner and _verb_led(text, owner, word_starts, verbs):
            obj = _object_after_verb(text, owner, word_starts, verbs)
            if obj is not None:
                return _Phrase(obj, metric)  # 带动相关市场规模: the verb's object owns the measure
            actor = prev.subject or _clause_actor(entities, s_start, clause_start, text) \
                or _entity_before(entities, s_start, np_start, text) \
                or _opening_actor(text, s_start, clause_start, word_starts, verbs, times)
            if actor is not None:
                # …，签约授信金额1460亿元, 青州银行…，及时投放贷款5000万元: an activity of the sentence's subject
                # (the manner adverb 及时 is no part of it)
                manner = next((w for w in _MANNER_ADVERBS if text.startswith(w, owner[0])
                               and owner[0] + len(w) in word_starts), "")
                return _Phrase(actor, (owner[0] + len(manner), metric[1]))
        if _owner_goes_on(text, owner, prev, entities, topic):
            # 青州…，其中，地区生产总值增长7.1%: the sentence's named owner goes on; 地区生产 is part of the measure
            return _Phrase(prev.subject, (owner[0], metric[1]))
        if owner and prev.subject is not None and (_is_measure_modifier(text[owner[0]:owner[1]]) or (
                owner[1] - owner[0] <= 2 and prev.subject[1] <= clause_start and not _has_entity(entities, owner)
                and not _SINCE_EVENT.sub("", _outside_times(text, s_start, prev.subject[0], times)).strip(
                    "，,、 \u3000以来至截到")
                and text[metric[0]:metric[1]] not in text[prev.subject[0]:max(prev.subject[1],
                                                                               (prev.metric or (0, 0))[1])])):
            # …；归母净利润9.82亿元: a modifier of the measure, while the sentence already has its subject
            return _Phrase(prev.subject, (owner[0], metric[1]))
        if owner and re.search(r"(?<!利)率$|比例$|进度$", text[metric[0]:metric[1]]) \
                and not _has_entity(entities, owner) and not text.startswith(_NATIONAL_OWNERS, owner[0]) \
                and not re.search(r"[的、和与及]", text[owner[0]:owner[1]]) \
                and not _owns_rate(text[owner[0]:owner[1]]):
            # 关键工序数控化率, 国产自给率, 自驾出行比例: words before a rate that name no one say what it is the rate
            # of; the owner is the sentence's, if it has one (but 央企平均资产负债率, 扶贫车间复工率: owners)
            return _Phrase(prev.subject or _entity_before(entities, s_start, np_start, text), (owner[0], metric[1]))
        if owner is None and prev.subject is None and np_start > s_start:
            # 助手“小青”上线一年来，用户规模突破300万: the name the sentence opened with owns it; so does the noun
            # phrase the sentence opened with as its actor (青州电能替代增长较快，替代量达…)
            return _Phrase(_entity_before(entities, s_start, np_start, text)
                           or _opening_actor(text, s_start, clause_start, word_starts, verbs, times), metric)
        return _Phrase(owner or prev.subject, metric)
    dimension = _DIMENSION.search(text, np_start, np_end)
    if dimension and q.kind == "MEASURE" and dimension.end() == np_end:
        # 火箭全长约53.7米, 试验船重约22吨, 洛鲁村平均海拔3400米: the size word is what is measured
        owner = _trim(text, np_start, dimension.start()) or prev.subject \
            or _opening_actor(text, s_start, clause_start, word_starts, verbs, times)
        return _Phrase(owner, (dimension.start(), np_end))  # 该曲轴采用…，总长度23.5米
    # No metric word: the phrase itself is the subject (企业超5100家), or a list item (北京市0.65万种);
    # an activity (…，套现约3564万元) is what the sentence's subject did: the metric.
    subject = _trim(text, np_start, np_end)
    rate = _RATE_WORD.search(text, np_start + 2, np_end - 1)
    if subject and rate:
        # 拱北口岸日均出入境人员: a rate word opens the measure; the words before it own it
        owner = _trim(text, np_start, rate.start())
        if owner and not _verb_led(text, owner, word_starts, verbs):
            return _Phrase(owner, (rate.start(), np_end))
    if subject and _verb_led(text, subject, word_starts, verbs) \
            and _object_after_verb(text, subject, word_starts, verbs) is None:
        actor = prev.subject or _opening_actor(text, s_start, clause_start, word_starts, verbs, times)
        if actor is not None:
            return _Phrase(actor, subject)  # 全国铁路迎来…，预计发送旅客1252万人次
    if subject and prev.subject is not None and clause_start > s_start and _has_entity(entities, prev.subject) \
            and _ends_in_verb(text, subject, word_starts, verbs):
        # 蜜果科技于3月7日挂牌，…，公开发售部分获超额认购300多倍: a clause that ends in its verb is an event of
        # the name the sentence already has, not a new owner (but 国债发行…，金融债券发行…: parallel owners)
        return _Phrase(prev.subject, subject)

    if subject and prev.subject is not None and prev.metric is not None and clause_start > s_start \
            and "、" in text[clause_start - 1:clause_start + 1] and _has_verb(text, prev.metric, word_starts, verbs):
        # 日均出动警力2万人次、警车3000余辆次: a list item takes the place of the verb's object
        return _Phrase(prev.subject, subject)
    if subject and prev.subject is not None and prev.metric is not None and clause_start > s_start \
            and len(_CJK_CHAR.findall(text, subject[0], subject[1])) >= 2 \
            and prev.subject[1] <= clause_start and not _has_entity(entities, subject) \
            and not _owner_like(text[subject[0]:subject[1]]) and not _owns_rate(text[subject[0]:subject[1]]) \
            and text[subject[0]:subject[1]] not in _NATIONAL_OWNERS \
            and re.search(r"(?:比|较)[^，,；;]*$", text[subject[1]:q.start]):
        # 网贷机构462家，借贷余额比年初下降48%，出借人比年初下降53%: a bare noun compared with an earlier time is
        # a measure of the sentence's owner (the number of lenders), not a new owner
        return _Phrase(prev.subject, subject)
    return _Phrase(subject, prev.metric)


def _closed(text: str, span: Optional[Span]) -> Optional[Span]:
    """The span with the closing bracket of a gloss it opened (民间投资（不含农户）): spans never end inside brackets."""
    if span is None:
        return None
    inner = text[span[0]:span[1]]
    for left, right in (("（", "）"), ("(", ")")):
        if inner.count(left) > inner.count(right) and text[span[1]:span[1] + 1] == right:
            return (span[0], span[1] + 1)
    return span


def _ownerless(text: str, prev: _Phrase) -> bool:
    """The sentence's figure so far is a national statistic written without an owner (国内生产总值…，按可比价格
    计算，同比增长6.2%): later figures of it have none either, whatever name reported it."""
    return prev.subject is None and prev.metric is not None \
        and _indicator(text, prev.metric[0], prev.metric[1]) is not None


def _ends_in_verb(text: str, span: Span, word_starts: Sequence[int], verbs: FrozenSet[str]) -> bool:
    """The span's last word is a lexicon verb (入境, 城镇新增就业): it names an activity, not a thing."""
    i = bisect_right(word_starts, span[1] - 1) - 1
    return i >= 0 and word_starts[i] >= span[0] and text[word_starts[i]:span[1]] in verbs


_TURN = re.compile(r"(?:环比|同比)?(?:由涨转降|由降转涨|由涨转跌|由跌转涨|由升转降|由降转升|由增转降|由降转增|由负转正|由正转负|"
                   r"止跌回升|止跌回稳|止涨回落|涨幅回落|降幅收窄|涨幅扩大|降幅扩大|涨幅收窄)$")


#: a trend named after a measure (发生率…一直呈现下降趋势，…从21.1%回升至23.2%)
_TREND = re.compile(r"(?:一直|持续|总体|整体)?(?:呈现|呈|保持|延续)(?:出)?[^，,。；;]{0,3}?"
                    r"(?:增长|下降|上升|回升|回落|下滑|上涨|下跌)(?:的)?(?:趋势|态势)$")


def _after_last_break(text: str, s_start: int, end: int) -> int:
    """Where the clause ending at ``end`` starts: after the last clause break before it, at most back to ``s_start``."""
    return max(max(text.rfind(c, s_start, end) for c in _CLAUSE_BREAKS) + 1, s_start)


def _changed_phrase(text: str, s_start: int, clause_start: int, entities: Sequence[Entity], times: Sequence[TimeExpr],
                    word_starts: Sequence[int], verbs: FrozenSet[str]) -> Optional[_Phrase]:
    """Subject and metric of the clause before ``clause_start`` when it names a measure and a change of it and
    holds no figure (企业级调用的占比提高，…): the next clause gives the figure."""
    end = clause_start - 1
    prev_start = _after_last_break(text, s_start, end)
    if prev_start > s_start and re.fullmatch(r"[\s\u3000]*(?:但|而|然而|不过|同时)?[\s\u3000至到—\-－和]*",
                                             _outside_times(text, prev_start, end, times)):
        # …一直呈现下降趋势，但近两年，从11%回升至13%: a clause of only a time stands between
        end = prev_start - 1
        prev_start = _after_last_break(text, s_start, end)
    clause = text[prev_start:end]
    change = next((w for w in sorted(_INCREASE + _DECREASE, key=len, reverse=True) if clause.endswith(w)), None)
    turn = _TURN.search(clause) or _TREND.search(clause)  # 青州菜价环比由涨转降，下降3%
    if turn:
        change = clause[turn.start():]
    if re.search(r"\d", _outside_times(text, prev_start, end, times)):
        return None
    if change is None and text.startswith(("从", "由"), clause_start) \
            and _metric_suffix(text, prev_start, end, word_starts) is not None:
        change = ""  # 青州待岗人员比例，从二月的17%降至4%: the clause before names the measure only
    if change is None or len(change) == 1:
        return None
    at = end - len(change)
    found = _phrase(text, prev_start, _At(at), entities, times, word_starts, _Phrase(), s_start, verbs)
    return found if found.metric is not None else None


def _has_verb(text: str, span: Span, word_starts: Sequence[int], verbs: FrozenSet[str]) -> bool:
    """The span holds a verb of the lexicon followed by an object (出动|警力)."""
    return _last_verb(text, span[0], span[1], word_starts, verbs) is not None


_BEFORE_NUMBER = re.compile(r"(?:了|已|已经|共|累计|总计|合计|超过|超|近|约|逾|达|达到|有)*$")


def _verb_before(text: str, start: int, q_start: int, word_starts: Sequence[int],
                 verbs: FrozenSet[str]) -> Optional[int]:
    """Where the lexicon verb starts that a number follows (华为参与|80多个, 攻克了|5项), or None."""
    end = start + _BEFORE_NUMBER.search(text[start:q_start]).start()
    if end - 1 > start and text[end - 1] in "出入" and end - 1 in word_starts:
        end -= 1  # 预留出|7000多亩, 投入|…: a directional complement after the verb
    if end <= start or end not in word_starts:
        return None
    i = bisect_right(word_starts, end - 1) - 1
    if i < 0 or word_starts[i] < start:
        return None
    word = text[word_starts[i]:end]
    return word_starts[i] if len(word) >= 2 and word in verbs and word not in _NOUN_LIKE_VERBS else None


def _verb_before_relative(text: str, start: int, q_start: int, word_starts: Sequence[int],
                          verbs: FrozenSet[str], anywhere: bool = False) -> Optional[int]:
    """Where the verb starts whose object is the count when a relative clause (…的) or a list of the counted items
    (…等) stands between them (梳理出|存在风险的|800多家景区, 攻克了|热装精度、…等|5项): the clause's first verb
    after adverbs, or with ``anywhere`` the first verb of the stretch that has such an object; None otherwise."""
    i = bisect_left(word_starts, start)
    for a, b in zip(word_starts[i:], word_starts[i + 1:]):
        if b > q_start:
            return None
        word = text[a:b]
        if word in verbs and word not in _NOUN_LIKE_VERBS:
            rest = text[b:q_start]
            if _OBJECT_BEFORE_COUNT.fullmatch(rest):
                return a
            if not anywhere:
                return None
        elif not anywhere and word not in _ADVERBS and word not in _MANNER_ADVERBS \
                and not (len(word) == 1 and word in "仅只就已都还也又再共"):
            return None
    return None


#: what stands between a verb and the count that is its object: a relative clause (存在风险的) or a list of the
#: counted items (热装精度、…等)
_OBJECT_BEFORE_COUNT = re.compile(r"[出了]?[^，,。；;：:、\d]{1,14}的|[出了]?[^，,。；;：:\d]{2,30}等")


def _fresh_activity(text: str, verb_at: int, carried: Span, word_starts: Sequence[int]) -> bool:
    """The verb before an amount names a new activity rather than going on with the measure carried from an earlier
    clause (…减持均价为24.85元/股，套现约3564万元; not 新增 of a balance, nor 处置 of 处置银行不良贷款)."""
    verb = text[verb_at:next((b for b in word_starts if b > verb_at), verb_at + 2)]
    return verb not in _INCREASE + _DECREASE and verb not in text[carried[0]:carried[1]]


def _amount_verb_before(text: str, start: int, q_start: int, word_starts: Sequence[int],
                        verbs: FrozenSet[str]) -> Optional[int]:
    """Like ``_verb_before``, and also a one-character verb of spending or raising money written as its own word
    (干部共捐了16.5万元, 前后花了1万多元)."""
    found = _verb_before(text, start, q_start, word_starts, verbs)
    if found is not None:
        return found
    end = start + _BEFORE_NUMBER.search(text[start:q_start]).start()
    if end - 1 >= start and text[end - 1] in _MONEY_VERBS and end - 1 in word_starts and end in word_starts:
        return end - 1
    return None


#: one-character verbs an amount of money follows (捐, 花, 省, 挣…)
_MONEY_VERBS = frozenset("捐花省挣赚筹借贷赔凑攒")
_OBJECT_STOP = re.compile(r"[\s，,。；;、：:！？!?（(“”\"\d]|用于|用来|支持|帮助|保障|以|和|与|及|等|的|是|为|将|已|也|都|在|"
                          r"比|较|同比|环比|占")


def _object_after(text: str, start: int, limit: int, word_starts: Sequence[int],
                  verbs: FrozenSet[str]) -> Optional[Span]:
    """The noun phrase right after an amount (…发放4200万元|贷款|，), up to punctuation, a linking word or a verb;
    at least two characters, at most ten."""
    if text.startswith("的", start):
        start += 1
    stop = _OBJECT_STOP.search(text, start, min(limit, start + 11))
    end = stop.start() if stop else min(limit, start + 10)
    for a, b in zip(word_starts, word_starts[1:]):
        if start < a < end and text[a:b] in verbs and text[a:b] not in _NOUN_LIKE_VERBS:
            end = a
            break
    if end - start < 2 or end not in word_starts or start not in word_starts:
        return None
    return (start, end)


def _word_in(text: str, start: int, end: int, word_starts: Sequence[int], words: AbstractSet[str]) -> bool:
    """One of ``words`` among the segmenter's words of ``text[start:end]``."""
    return any(text[a:b] in words for a, b in zip(word_starts, word_starts[1:]) if start <= a and b <= end)


def _verb_in(text: str, start: int, end: int, word_starts: Sequence[int], verbs: FrozenSet[str]) -> bool:
    """A lexicon verb (or 为 / 向 / 对 before an object) among the words of ``text[start:end]``."""
    return _word_in(text, start, end, word_starts, verbs) or _word_in(text, start, end, word_starts, _OBJECT_MARKERS)


_OBJECT_MARKERS = frozenset(("为", "向", "对", "给"))


#: a company referred to, not named (公司中方员工, 该企业)
_GENERIC_ORG = re.compile(r"(?:该|本|这家)?(?:公司|企业|集团)(?![\u4e00-\u9fff]*(?:企业|公司)$)")
#: one-character adverbs, conjunctions, prepositions and determiners
_FUNCTION_CHARS = frozenset("不没未或且而又也都就才再还最更很太已曾将要会能可应每各该其此这那所由从在对向为把被据经与和及并则若")
_PRONOUNS = frozenset(("这", "那", "其", "我们", "他们", "她们", "它们", "你们", "这里", "那里", "这些", "那些", "此",
                       "本", "该", "我", "他", "她", "它", "大家", "有的", "有些"))
_LEADING_PREPOSITIONS = "经除据由从在对向为把被将了"
#: connectives and framing phrases that open a clause and own nothing (为此, 由此, 值得注意的是, 目标是)
_CONNECTIVE_SUBJECTS = frozenset(("为此", "由此", "因此", "对此", "此外", "同时", "另外", "除了", "其中", "然而", "不过",
                                  "但是", "所以", "于是", "因而", "从而", "与此同时"))
_FRAMING = re.compile(r"[\u4e00-\u9fff]{1,8}的是|[\u4e00-\u9fff]{1,4}(?:目标|任务|要求)是|这是[\u4e00-\u9fff]{0,4}")
_BARE_VERB_SUBJECTS = frozenset(("获得", "新建", "拿", "拿到", "准备", "申请", "持股", "建成", "新增", "套现"))


def _clean_subject(text: str, span: Optional[Span], word_starts: Sequence[int],
                   verbs: FrozenSet[str], entity_spans: Sequence[Span] = ()) -> Optional[Span]:
    """A subject is a name or noun phrase: a leading one-character preposition (经广西口岸, 除…) is cut, and
    what is left is no subject when it is a pronoun (我们, 这) or a bare verb of acquiring or building (获得, 新建)."""
    if span is None:
        return None
    start, end = span
    starts = set(word_starts)
    note = _FOOTNOTE.search(text, start, end)
    if note and note.start() > start:
        end = note.start()  # 战略性新兴产业［17］: a footnote mark ends the subject
    while end - start > 1 and text[start] in "—–-●■◆·•★☆ \u3000":
        start += 1  # ——我国84消毒液企业95家: a list mark is no part of the subject
    while end - start > 1 and text[start] in _LEADING_PREPOSITIONS and (start + 1) in starts:
        start += 1
    base = _LEADING_COMPARISON.match(text, start, end)
    if base and base.end() < end:
        start = base.end()  # 明显快于全省2.5%的投资增速: the base is 全省
    for a, b in zip(word_starts, word_starts[1:]):
        if start + 2 <= a and b <= end and text[a:b] in _INNER_PREPOSITIONS:
            end = a  # 邓礼从银行贷款备货, 中央财政按这些企业…: the actor is before the preposition
            while end > start and text[end - 1] in _TRIM:
                end -= 1
            break
    end = _without_modals(text, start, end, word_starts)
    if end <= start:
        return None
    frequency = re.search(r"每个?[年月日天周季]度?$", text[start:end])
    if frequency and frequency.start() > 0:
        end = start + frequency.start()  # 青州店每月: a frequency is no part of the subject
    while True:
        i = bisect_right(word_starts, end - 1) - 1
        last = word_starts[i] if i >= 0 else start
        if last - start < 2 or text[last:end] not in verbs or text[last:end] in _NOUN_LIKE_VERBS \
                or text[last:end] in ("表现", "快递") \
                or any(e_start < end and last < e_end for e_start, e_end in entity_spans):
            break
        end = _without_modals(text, start, last, word_starts)  # 央企完成, 中央企业上交, 我国企业共实施: the
        # clause's verb (and the adverbs before it) are no part of its subject
    name = text[start:end]
    if name in _PRONOUNS or name in _BARE_VERB_SUBJECTS or re.fullmatch(r"每个?[年月日天周季]度?", name) \
            or name in _CONNECTIVE_SUBJECTS or _FRAMING.fullmatch(name):
        return None  # 我们, 获得, 每月, 为此, 值得注意的是: no subject
    return start, end


def _without_modals(text: str, start: int, end: int, word_starts: Sequence[int]) -> int:
    """``end`` before the modal and adverb words the stretch ends with (死亡率|会, 年收入|能, 进货价|只)."""
    while end - start > 1:
        i = bisect_right(word_starts, end - 1) - 1
        if i < 0 or word_starts[i] <= start or text[word_starts[i]:end] not in _TRAILING_MODALS:
            break
        end = word_starts[i]
        while end > start and text[end - 1] in _TRIM:
            end -= 1
    return end


#: words a subject does not end with (whole jieba words only: not the 会 of 协会, the 能 of 功能)
_TRAILING_MODALS = frozenset(("会", "能", "可", "要", "已", "只", "仅", "将", "就", "还", "都", "也", "又", "可以",
                              "能够", "已经", "大概", "大约", "基本", "预计", "将会", "仍", "仍然", "总体", "整体", "共", "明显"))
#: prepositions that end an actor's noun phrase inside a clause
_INNER_PREPOSITIONS = frozenset(("向", "给", "把", "按", "从", "通过", "经过", "借助", "依托", "按照", "根据", "为"))


def _names_listed(text: str, start: int, end: int, word_starts: Sequence[int], verbs: FrozenSet[str]) -> bool:
    """The words before a count list its items (7号线东延和八通线南延两条线路, 甲、乙、丙三大超市): a list connector and
    no verb between the clause start and the number, so the names are what is counted, not an actor."""
    segment = text[start:end]
    starts = set(word_starts)
    connector = any(m.start() + start in starts and m.end() + start in starts  # a word of its own: not 参与
                    for m in re.finditer(r"[、和与及]", segment))
    return connector and not re.search(r"[，,：:；;]", segment) and not _word_in(text, start, end, word_starts, verbs)


def _carried_metric(prev: _Phrase, q) -> Optional[Span]:
    """The metric a clause without one continues: after a share (占全国出口总额的27.2%), a growth rate is
    the measure's (同比增长6.34% → 出口额) and a change in points is the share's."""
    if prev.measure is not None and q.unit != "pp":
        return prev.measure
    return prev.metric


def _verb_led(text: str, span: Span, word_starts: Sequence[int], verbs: FrozenSet[str]) -> bool:
    """The span opens with a verb of the lexicon (签约授信, 套现, 影响CPI): an activity, not an owner."""
    if not verbs:
        return False
    start, end = span
    i = bisect_right(word_starts, start)
    first_end = word_starts[i] if i < len(word_starts) and word_starts[i] <= end else end
    word = text[start:first_end]
    if (word in _MANNER_ADVERBS or word in _ACTIVITY_MODIFIERS) and first_end < end:
        return _verb_led(text, (first_end, end), word_starts, verbs)  # 及时|投放贷款, 实际|放款金额
    if "的" in text[start:end] or word in _MODIFYING_VERBS:
        return False  # 具备AI功能的产品, 新增光伏: a noun phrase that opens with a modifying verb
    return start in word_starts and word in verbs and word not in _NOUN_LIKE_VERBS


def _object_after_verb(text: str, span: Span, word_starts: Sequence[int], verbs: FrozenSet[str]) -> Optional[Span]:
    """The noun phrase after a verb-led span's first word (带动|相关市场), or None when what follows is
    a single word (签约|授信: a compound verb), an indicator (影响|CPI) or nothing."""
    start, end = span
    i = bisect_right(word_starts, start)
    if i >= len(word_starts) or word_starts[i] >= end:
        return None
    rest = (word_starts[i], end)
    j = bisect_right(word_starts, rest[0])
    first = text[rest[0]:word_starts[j] if j < len(word_starts) and word_starts[j] <= end else end]
    if rest[0] + len(first) >= end or text[rest[0]:end] in _INDICATORS:
        return None
    if first in verbs and first not in _NOUN_LIKE_VERBS and first not in ("相关", "有关"):
        return None  # 外出|务工农村劳动力: two verbs in a row modify the noun after them; they take no object
    return _trim(text, *rest)


#: adverbs of manner before an activity (及时投放, 主动对接)
_MANNER_ADVERBS = frozenset(("及时", "立即", "主动", "迅速", "积极", "先后", "陆续", "首次", "率先", "再次", "共同",
                             "全力", "加快", "持续", "大力", "逐步", "第一时间"))
#: words before an activity that qualify it (实际|放款金额, 提前|完成) and name no owner
_ACTIVITY_MODIFIERS = frozenset(("实际", "提前", "原计划", "计划", "预计"))
_MODIFYING_VERBS = frozenset(("折叠", "移动", "跨境", "共享", "联网", "新增", "新建", "新发放", "累计", "使用", "具备", "发展", "规划", "在建", "参与"))


_NOUN_HEAD_CHARS = frozenset("桩站场库厂馆点机器")


def _last_word(text: str, start: int, end: int, word_starts: Sequence[int]) -> Optional[Span]:
    """The segmenter's last word before ``end`` (from ``start`` on), when it has two characters or more."""
    i = bisect_left(word_starts, end) - 1
    if i < 0 or word_starts[i] < start or end - word_starts[i] < 2 or not _CJK_CHAR.match(text, word_starts[i]):
        return None
    return word_starts[i], end


def _last_verb(text: str, start: int, end: int, word_starts: Sequence[int], verbs: FrozenSet[str]) -> Optional[int]:
    """Start of the last verb in the phrase that still has an object after it (not a verb with a one-character
    noun head after it that ends the phrase: 充电|桩, 加油|站 are nouns)."""
    if not verbs:
        return None
    lo = bisect_right(word_starts, start) - 1
    bounds = [b for b in word_starts[max(lo, 0):] if start <= b <= end]
    found = None
    for a, b in zip(bounds, bounds[1:]):
        if b < end and text[a:b] in verbs and text[a:b] not in _NOUN_LIKE_VERBS \
                and not (b == end - 1 and text[b] in _NOUN_HEAD_CHARS):
            found = a
    return found


# Verbs of jieba's lexicon that in news figures mostly name a sector or a measure (批发和零售业, 投资额).
_NOUN_LIKE_VERBS = frozenset(("批发", "零售", "服务", "设计", "传播", "制造", "生产", "建设", "管理", "发展", "运输",
                              "流通", "娱乐", "休闲", "投资", "消费", "出口", "进口", "贸易", "创新", "研发", "运营",
                              "经营", "销售", "供应", "支出", "收入", "营业", "融资", "贷款", "存款"))


def load_verbs(min_freq: int = 20) -> FrozenSet[str]:
    """Two-character-or-longer verbs (tag ``v``) of jieba's bundled dictionary, a read-only package file."""
    from .segment import dictionary_words

    return (dictionary_words(min_freq=min_freq, tag="v") | _MISTAGGED_VERBS) - _MISTAGGED_NOUNS


#: nouns jieba 0.42.1's dictionary tags ``v`` (超市 534 v, 支行, 分行, 保费)
_MISTAGGED_NOUNS = frozenset(("超市", "支行", "分行", "保费"))
#: verbs of news figures it tags otherwise (落实 a, 办理 n, 选派 n, 惠及 ns) or lacks (增持, 获批)
_MISTAGGED_VERBS = frozenset(("落实", "办理", "选派", "惠及", "申报", "备案", "获批", "增持", "核准", "中标", "清偿",
                              "整治", "上线", "部署", "启动", "培育", "募资",
                              "节省", "节约", "筹到", "捐出", "花费", "赚取", "套现", "筹资",
                              # enforcement verbs below the frequency cut (打掉团伙112个, 查缴危险品56万件)
                              "打掉", "查缴", "查扣", "关停", "刑拘"))


#: leading verbs whose object is a base of comparison or a whole (占全国, 高于整体), not the measure
_BASE_VERBS = frozenset(("高出", "高于", "低于", "快于", "慢于", "相当于", "比", "较"))
_COMPARISON_IN_PHRASE = re.compile(r"(同比|环比|(?<!占)比(?![重例率])|较|(?<=[率速值额幅])(?:高于|低于|快于|慢于)|与|相比|在(?=[^，,。；;]{1,10}基础上)|由(?=[^，,。；;]{0,12}(?:提升|提高|增加|增长|下降|降低|减少|上升|扩大|缩减|降至|增至|升至))|从(?![业事而来中严头])(?=[^，,。；;]{0,8}的$)|从(?=(?:最初|原来|当初|起初|此前|以前|之前)?$))")
_LEADING_VERB = re.compile(r"((?:合计|共同)?(?:影响|拉动)|有(?=[^，,。；;]{2,10}(?:户数|人数|家数|个数))|为|按可比口径|按可比价格计算|按可比价格|按现价计算|共实现|累计实现|实现|完成|录得|相当于|是|以|力争|占|高出|高于|低于|快于|慢于|比|较|与|和|相比|预计|累计实现|累计|共实现|共计|总计|共|保持在|"
                           r"保持|一直保持|连续|同比|环比|其中|分别)")
_INTERNAL_VERB = re.compile(r"(新设立|新设|共实现|累计实现|实现|完成|累计完成|共完成|录得|拥有|占全国|占(?![比用有据领]))")


def _leading_adverbs(text: str, start: int, end: int) -> Span:
    """``(start, end)`` after the adverbs it opens with (已|立案侦查, 累计|发送)."""
    changed = True
    while changed and start < end:
        changed = False
        for word in sorted(_ADVERBS, key=len, reverse=True):
            if text.startswith(word, start) and start + len(word) < end:
                start += len(word)
                changed = True
                break
    return start, end


def _strip_adverbs(text: str, start: int, end: int) -> Optional[Span]:
    changed = True
    while changed and end > start:
        changed = False
        for word in sorted(_ADVERBS, key=len, reverse=True):
            if text[start:end].endswith(word):
                end -= len(word)
                changed = True
                break
    return _trim(text, start, end)


_RATE_PREFIXES = frozenset("日年月人户季周")
#: size words a physical measure is of (全长, 直径, 海拔, 重): not inside longer words (增长, 提高, 加深, 尊重)
_DIMENSION = re.compile(r"(?:平均|总)?(?:全长|总长|直径|半径|海拔|高度|长度|宽度|深度|厚度|面积|体重|身高|气温|水温|温度|"
                        r"单产|亩产|载重|排水量|时速|(?<![增成延提升加尊严比注厚隆沉看侧])[重长宽高深厚])(?:达到|达|约为|约|为|仅)?$")
#: words that open with one of _noun_phrase's leading markers
_MARKER_WORDS = ("到位", "到期", "到账", "到访", "到港", "在建", "在线", "在校", "在岗", "在职", "在手", "在营", "在孵", "从业",
                 "内需", "内贸", "内销", "内资", "内地", "来源", "约束", "即期", "并购", "而今", "还款", "还本", "已婚")
_RATE_WORD = re.compile(r"日均|人均|年均|月均|户均|场均|单日|每日|每年")


#: 中美贸易总值, 中欧进出口: China and a partner written as one character each
_PAIRED_TRADE = re.compile(r"中([\u4e00-\u9fff])(?=(?:双边)?(?:贸易|进出口|经贸))")
_BILATERAL = re.compile(r"(?:贸易|进出口|双边)[^，,。；;]{0,6}$")
#: words that open with 其 and do not mean "its"
_QI_WORDS = ("其中", "其他", "其它", "其余", "其实", "其次", "其间", "其后")
#: a footnote mark of a statistical communiqué (国内生产总值［2］)
_FOOTNOTE = re.compile(r"[［\[]\d{1,3}[］\]]$")
#: a unit a price or yield is per (每公斤50元, 每亩产量…): it goes with the figure, not the phrase
_PER_UNIT = re.compile(r"(?:平均)?每(?:一)?(?:公斤|千克|斤|吨|亩|公顷|人|户|股|平方米|立方米|升|件|只|台|辆|头|千瓦时|度|桶|盎司|克|张)$")


def _noun_phrase(text: str, clause_start: int, q_start: int, times: Sequence[TimeExpr]) -> Span:
    """The stretch before the predicate, without leading times/markers and trailing adverbs."""
    start = clause_start
    for t in sorted(times, key=lambda t: t.start):  # a leading time (2024年，/ 截至6月底) is not part of the phrase
        if start <= t.start and t.end <= q_start and \
                text[start:t.start].strip(_TRIM) in ("", "截至", "截止", "在", "到", "从", "自", "至", "于", "今年",
                                                    "去年", "其中", "同期"):
            start = t.end
            dated = _DATED_NOUN.match(text, start, q_start)
            if dated:
                start = dated.end()  # 4月发布的Qwen3…: the thing released, not its release
    while start < q_start and text[start] in "”’\"" and text.rfind("“", clause_start, start) >= clause_start:
        start += 1  # “十四五”以来: the closing quote of a quoted period, then its 以来
    reporting = _REPORTING.match(text, start, q_start)
    if reporting:
        start = reporting.end()  # 规划提出国内生产总值增长… → 国内生产总值
    enumerator = _ENUMERATOR.match(text, start, q_start)
    if enumerator:
        start = enumerator.end()  # 一是企业级调用的占比 → 企业级调用的占比
    head = text[start:q_start]
    for marker in ("按可比口径", "按可比价格计算", "按可比价格", "按现价计算", "按照上年不变价计算",
                   "截至", "截止", "到", "在", "从", "据", "其中", "同期", "此外", "另外", "目前", "当前", "如今",
                   "时间", "多以来", "多来", "以来", "来", "期间", "假期", "长假", "内", "约", "即", "并", "而", "且", "同时", "还", "也", "均", "已经", "已",
                   "但", "不过", "然而"):
        if marker == "均" and head[1:2] in ("价", "值"):
            continue  # 均价, 均值: a measure, not the adverb 均
        if head.startswith(_MARKER_WORDS):
            continue  # 到位资金, 在建项目, 内需: the marker's character opens a word
        if head.startswith(marker) and len(head) > len(marker):
            start += len(marker)
            head = head[len(marker):]
    conversion = re.match(r"(?:按照|按)[^，,。；;]{1,10}?(?:折算|计算|换算|测算)", text[start:q_start])
    if conversion:
        start += conversion.end()  # 按年平均汇率折算达到1440亿美元: how the figure was converted, not an owner
    end = q_start
    # A comparison base is not part of the phrase: 增速比上年提高 → 增速; 调用价格较年初降低 → 调用价格.
    for comparison in _COMPARISON_IN_PHRASE.finditer(text, start, end):
        if comparison.group() in ("与", "和") and (text[start:comparison.start()] in ("我", "我国", "中国")
                                                  or _BILATERAL.search(text, comparison.end(), end)):
            continue  # 我与东盟贸易总值, 青州与东盟货物贸易: bilateral trade, not a comparison
        if comparison.start() > start:
            end = comparison.start()
        break
    changed = True
    while changed and end > start:
        changed = False
        for t in times:  # 消费规模已恢复至去年同期|70%: a time after the phrase is not part of it
            if t.end == end and t.start > start:
                end, changed = t.start, True
        tail = text[start:end]
        for word in sorted(_PREDICATES + _ADVERBS, key=len, reverse=True):
            if tail.endswith(word) and end - len(word) >= start:
                if word == "均" and tail[-2:-1] in _RATE_PREFIXES:
                    break  # 日均, 人均: a rate word, not the adverb 均
                if word == "为" and tail.endswith("行为"):
                    break  # 违法行为: a noun, not the verb 为
                if any(len(h) > len(word) and h.endswith(word) and tail.endswith(h) for h in _METRIC_HEADS):
                    break  # 研发投入, 新增就业: the end of a measure word, not a predicate
                end -= len(word)
                changed = True
                break
        note = _FOOTNOTE.search(tail)
        if note and note.start() > 0:
            end -= len(note.group())  # 国内生产总值［2］990865亿元: a footnote mark is no part of the phrase
            changed = True
            continue
        per_unit = _PER_UNIT.search(tail)
        if per_unit and per_unit.start() > 0:
            end -= len(per_unit.group())  # 猪肉批发均价稳定在每公斤|50元: "per kilogram" belongs to the figure
            changed = True
            continue
        rate = re.search(r"(?:达到|达|为|超过|约)(日均|年均|月均|人均)$", tail)
        if rate:
            end -= len(rate.group(1))  # 客流量达到日均20万人次: the rate word goes with the figure
            changed = True
            continue
        if tail.endswith(("实际", "名义")) and end - 2 >= start and q_start - end <= 4:
            end -= 2  # 人均可支配收入实际增长: real (or nominal) growth of the measure
            changed = True
        while end > start and text[end - 1] in _TRIM:
            end -= 1
            changed = True
    while start < end and text[start] in _TRIM and not text.startswith(_TRIM_WORDS, start):
        start += 1
    return start, end


def _metric_suffix(text: str, start: int, end: int, word_starts: Sequence[int]) -> Optional[Span]:
    phrase = text[start:end]
    for head in sorted(_METRIC_HEADS, key=len, reverse=True):
        if phrase.endswith(head):
            m_start = end - len(head)
            return _extend_metric(text, start, m_start, end, word_starts)
    if phrase.endswith(_METRIC_SUFFIXES) and len(phrase) >= 2:
        # the last word carries the suffix (消耗量, 下载量); without word spans take two characters
        cut = [w for w in word_starts if start <= w < end - 1]
        m_start = cut[-1] if cut else max(start, end - 2)
        if end - m_start == 1 and len(cut) > 1:
            m_start = cut[-2]  # 完成|量 → 完成量: a suffix alone is no metric
        return _extend_metric(text, start, m_start, end, word_starts)
    return None


_AFTER_STOP = re.compile(r"[，,。；;、：:！？!?（(“”\"\s\d]|和|与|及|或|等|是|为|在|将|也|都|已|，")


def _measure_after(text: str, start: int, limit: int, word_starts: Sequence[int]) -> Optional[Span]:
    """The words right after ``start``, up to a stop and at most 8 characters, when they are all one metric phrase
    (资产总额, 营业收入; not 主流车型销量, where a noun comes before the measure)."""
    stop = _AFTER_STOP.search(text, start, min(limit, start + 9))
    end = stop.start() if stop else min(limit, start + 8)
    if end - start < 2 or end not in word_starts:
        return None
    found = _metric_suffix(text, start, end, word_starts)
    if found is not None and found[0] > start and _indicator(text, start, end) == (start, end):
        return (start, end)  # 60%以上的国内生产总值: a whole indicator
    return found if found is not None and found[0] == start else None


#: heads of rates and growth figures a percentage can be
_RATE_HEADS = ("增速", "增长率", "增幅", "涨幅", "降幅", "比例", "占比", "比重", "份额", "率")
#: 60%的资金用于研发 (the funds after the figure) and 资金的60%以上用于研发 (before it): a share of funds by use
_USE = r"(?:主要|全部|将|均|都)?用(?:于|来|在)(?P<use>[^，,。；;、]{1,12})"
_SHARE_USED_FOR = re.compile(r"(?:以上|左右)?的([^，,。；;、的\d]{1,8}?)" + _USE)
_USED_FOR = re.compile(r"(?:以上|左右)?" + _USE)
#: 完成全年任务目标的92.9%, 完成年度计划的80%: a share of a target (its words end in 目标, 任务 or 计划)
_COMPLETED_TARGET = re.compile(r"完成(?:了)?([^，,。；;、\d]{0,10}?(?:目标任务|任务目标|目标|任务|计划))的(?:约|近|超过)?$")
_AFTER_SHARE = re.compile(r"的?((?:用户|市场|销售|出货)份额)|的(比例|占比|份额|比重|增速|增幅|降幅)")
#: 以44.71%和43.44%的比例: the measure after the last value of a list goes for every value
_AFTER_SHARE_LIST = re.compile(r"(?:[和、与及][\d.]+%)+的(比例|占比|份额|比重|增速|增幅|降幅|市场份额)")
_BARE_MEASURES = ("全长", "总长", "均价", "单价", "合计", "总计", "日均", "单次", "其余", "总额",
                  "总量", "规模", "余额", "增速", "增幅", "涨幅", "降幅", "占比", "比重", "比例", "份额", "利润",
                  "净利润", "归母净利润", "归母净亏损", "净亏损", "亏损", "营收", "营业收入", "收入", "销量",
                  "产量", "出货量", "市值", "估值", "复工率", "完成率", "利润率", "毛利率", "回报率")
_COMPOUNDING_MEASURES = frozenset(("用户", "贷款", "存款", "业务", "主营", "收入", "利润", "营业", "销售", "投资", "交易", "成交",
                                   "出口", "进口", "进出口", "消费", "融资", "资产", "负债", "运营"))
_METRIC_MODIFIERS = ("日均", "年均", "人均", "月均", "全球", "全国", "累计", "整体", "平均", "同期", "总", "年", "中长期",
                     "短期")


_NEW_ITEMS = re.compile(r"(?:新增|新建|新设立|新设|新引进)(?=[\u4e00-\u9fff]{2})")
_YEAR_WORD_FIRST = frozenset("今去明前上本当同全")
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")


def _extend_metric(text: str, start: int, m_start: int, end: int, word_starts: Sequence[int]) -> Span:
    # A head inside a word takes the whole word (国内生产总值, not 总值).
    i = bisect_right(word_starts, m_start) - 1
    if i >= 0 and start <= word_starts[i] < m_start:
        m_start = word_starts[i]
    # Take in modifiers that belong to the metric (日均Token消耗量, 全球下载量, 中文数据占比) and measure
    # words that compound with the head (贷款余额, 业务收入: not owners).
    while m_start > start:
        before = text[start:m_start]
        j = bisect_right(word_starts, m_start - 1) - 1
        if j >= 0 and start <= word_starts[j] < m_start and text[word_starts[j]:m_start] in _COMPOUNDING_MEASURES:
            m_start = word_starts[j]
            continue
        mod = next((m for m in _METRIC_MODIFIERS if before.endswith(m)), None)
        if mod == "年" and before[-2:-1] in _YEAR_WORD_FIRST:
            mod = None  # 全市今年|新增…, 去年|种植…: the 年 of a time word, not the rate word 年
        if mod:
            m_start -= len(mod)
            continue
        if re.search(r"[A-Za-z0-9]+$", before):  # Latin words like Token belong to the metric
            m_start -= len(re.search(r"[A-Za-z0-9]+$", before).group())
            continue
        if text[m_start:m_start + 1] != "率" and text[m_start + 1:m_start + 2] == "率" and j >= 0 \
                and start <= word_starts[j] and (m_start - word_starts[j] == 1 or (
                    m_start - word_starts[j] == 2 and text[m_start] == "化")) \
                and not any(c in _FUNCTION_CHARS or c in _TRIM or not _CJK_CHAR.match(c)
                            for c in text[word_starts[j]:m_start]):
            m_start = word_starts[j]  # 复|岗率, 弃|光率, 数控|化率: the segmenter cut a rate word
            continue
        break
    return (m_start, end)


def _trim(text: str, start: int, end: int) -> Optional[Span]:
    while start < end and text[start] in _TRIM and not text.startswith(_TRIM_WORDS, start):
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return (start, end) if end > start else None


def _entity_before(entities: Sequence[Entity], s_start: int, pos: int, text: str = "") -> Optional[Span]:
    """The sentence's topic entity: a name within the first clause of the sentence, before ``pos``
    (a connective opener such as 其中， or 同时， does not count as the first clause)."""
    if text:
        opener = _CONNECTIVE_OPENER.match(text, s_start, pos) or _DATE_OPENER.match(text, s_start, pos)
        if opener:
            s_start = opener.end()
    clause_end = min((i for i in (text.find(c, s_start, pos) for c in "，,；;：:") if i >= 0), default=pos) \
        if text else pos
    found = [e for e in entities if s_start <= e.start and e.end <= min(pos, clause_end)
             and e.label != "PERSON" and not _is_source(text, e)]
    if len(found) > 1 and text[found[-1].start - 1:found[-1].start] in ("与", "和", "同", "跟"):
        found = found[:-1]  # 某银行分行与省发改委共同举办…: the first of the pair acts
    return (found[-1].start, found[-1].end) if found else None


def _clause_actor(entities: Sequence[Entity], s_start: int, clause_start: int, text: str) -> Optional[Span]:
    """The last name before ``clause_start`` that opens a later clause of the sentence (…，青州农商银行立即组成
    服务小组，…，及时投放贷款3000万元): the actor of the activities that follow it."""
    found = None
    for e in entities:
        if s_start < e.start and e.end <= clause_start and e.label != "PERSON" and not _is_source(text, e) \
                and text[e.start - 1] in _CLAUSE_BREAKS and text[e.end:e.end + 1] not in "的、和与及（(，,":
            found = (e.start, e.end)
    return found


#: a first clause that is only a date (2月2日，某银行分行…)
_DATE_OPENER = re.compile(r"[\s\u3000“”]*[0-9０-９一二三四五六七八九十〇年月日号初底末上下半季度前后至—\-－今去明当本]{2,16}[，,]")
_SOURCE_AFTER = ("说", "表示", "介绍", "指出", "认为", "显示", "统计", "监测", "数据", "公布", "发布", "获悉", "消息",
                 "报告", "透露", "称", "日电", "电")


def _is_source(text: str, entity: Entity) -> bool:
    """A name that reports a figure (国家统计局公布, 据海关统计) rather than owns it."""
    after = text[entity.end:entity.end + 10]
    before = text[max(0, entity.start - 2):entity.start]
    return after.lstrip("日0123456789月").startswith(_SOURCE_AFTER) or before.endswith(("据", "记者", "从", "本报", "社")) \
        or _DATA_SHOW.match(text, entity.end) is not None


#: 国家统计局对外发布的…数据显示: a name whose clause reports data
_DATA_SHOW = re.compile(r"[^，,。；;！？]{0,40}?(?:数据|统计|报告|调查|监测|评估|调研|研究|测算)(?:结果)?显示")


#: endings of noun phrases that own figures (sectors, groups of people or firms, places)
_OWNER_ENDINGS = ("业", "企业", "公司", "集团", "银行", "机构", "部门", "居民", "人口", "地区", "省", "市", "县", "区",
                  "国", "国家", "城市", "农村", "城镇", "家庭", "用户", "人员", "群众", "者", "商", "厂", "港", "口岸",
                  "市场")


def _owner_like(name: str) -> bool:
    return name.endswith(_OWNER_ENDINGS)


def _owns_rate(words: str) -> bool:
    """Words before a rate that name its owner (央企平均, 中央企业全员, 扶贫车间): owner-like once the measure's
    modifiers at their end are set aside."""
    for _ in range(3):
        modifier = next((m for m in _RATE_OWNER_MODIFIERS if words.endswith(m) and len(words) > len(m)), None)
        if modifier is None:
            break
        words = words[:-len(modifier)]
    return _owner_like(words) or words.endswith(("央企", "车间", "平台", "商家", "基地", "园区", "工厂", "网点")) \
        or words.startswith(("企业", "居民", "农村", "城镇"))  # 企业数字化研发设计工具普及率: the firms' rate


def _owner_goes_on(text: str, owner: Optional[Span], prev: "_Phrase", entities: Sequence[Entity],
                   topic: Optional[Span]) -> bool:
    """The sentence's named owner (or the group it opened with) goes on to this measure: the words before the
    measure word (``owner``) are no name and own nothing themselves (宁德…，地区生产|总值)."""
    return bool(owner) and prev.subject is not None and (_has_entity(entities, prev.subject) or prev.subject == topic) \
        and not _has_entity(entities, owner) and not _owner_like(text[owner[0]:owner[1]])


_MEASURE_MODIFIERS = ("归母", "扣非", "营业", "主营", "主营业务", "全年", "人均", "日均", "年均", "累计", "合计",
                      "平均", "实际", "名义", "核心", "境外", "境内", "海外", "国内", "期末", "同期", "当期", "税后",
                      "税前", "毛", "净", "总", "带息", "研发", "经营性", "新增", "存量", "增量")


#: words between a rate's owner and the rate (央企|平均|资产负债率, 中央企业|全员|劳动生产率)
_RATE_OWNER_MODIFIERS = _MEASURE_MODIFIERS + ("全员", "综合")


def _is_measure_modifier(owner: str) -> bool:
    """归母 in 归母净利润, 带息 in 带息负债总额: words that narrow the measure rather than name its owner."""
    return owner in _MEASURE_MODIFIERS or owner.startswith(("扣除", "剔除", "按"))


# Statistical indicators that name a whole measure; written with no owner they have none (gold notes).
_INDICATORS = (
    "国内生产总值", "地区生产总值", "生产总值", "GDP", "居民消费价格", "消费者价格指数", "CPI", "核心CPI", "工业生产者出厂价格",
    "工业生产者购进价格", "PPI", "PMI", "采购经理指数", "城镇登记失业率", "城镇调查失业率", "调查失业率",
    "城镇新增就业", "新增就业", "农村贫困人口", "贫困人口", "社会消费品零售总额", "社会融资规模", "社融规模",
    "社会融资规模增量", "人民币贷款", "人民币存款", "广义货币", "M2", "狭义货币", "M1", "外汇储备",
    "合同外资", "实际使用外资", "实际利用外资", "实到外资", "进出口总值", "进出口总额", "货物贸易进出口", "货物贸易进出口总值",
    "贸易顺差", "固定资产投资", "民间投资", "房地产开发投资", "工业增加值",
    "可再生能源发电量", "发电量", "用电量", "快递业务量", "邮政业务总量", "社会物流总额",
    "财政收入", "一般公共预算收入", "一般公共预算支出", "税收收入", "居民人均可支配收入", "人均可支配收入",
    "粮食产量", "粗钢产量", "原油产量", "天然气产量", "客运量", "货运量", "旅客发送量", "港口货物吞吐量",
    "货物吞吐量", "集装箱吞吐量",
    # more national statistics of the statistical bureau and the ministries
    "网上零售额", "实物商品网上零售额", "实物商品网络零售额", "钢材综合价格指数", "粮食单位面积产量",
    "二氧化硫排放量", "氮氧化物排放量", "化学需氧量", "氨氮排放量", "交通事故死亡人数", "出入境人数",
    "城镇居民人均可支配收入", "农村居民人均可支配收入", "移动网络流量平均资费", "移动互联网接入流量",
    "电信业务总量", "电信业务收入",
)
_ASCII_GLOSS = re.compile(r"[（(](?:[A-Za-z0-9.]{1,8}|不含[^（）()]{1,10}|含[^（）()]{1,10})[）)]?$")
_NATIONAL_OWNERS = ("全国", "我国", "全社会", "全市", "全省", "国内")
_INDICATOR_OWNERS = ("", "去年", "今年", "全年", "当年") + _NATIONAL_OWNERS


def _indicator(text: str, start: int, end: int, *, any_owner: bool = False) -> Optional[Span]:
    """The indicator span when the phrase is a statistical indicator with at most a national owner
    (with ``any_owner``, whatever is written before it)."""
    phrase = text[start:end]
    gloss = _ASCII_GLOSS.search(phrase)
    bare = phrase[:gloss.start()] if gloss else phrase  # 广义货币（M2）, 居民消费价格指数（CPI）
    for name in sorted(_INDICATORS, key=len, reverse=True):
        if bare.endswith(name):
            pos = bare.rfind(name)
            owner = phrase[:pos].rstrip("的")
            if any_owner or owner in _INDICATOR_OWNERS:
                if gloss and not gloss.group().endswith(("）", ")")) and text[end:end + 1] in ("）", ")"):
                    end += 1  # the phrase stopped before the gloss's closing bracket
                return (start + pos, end)
            return None
    return None
