"""Property: on any text mixing Chinese, digits and full-width characters, extraction never raises and
every span is a non-empty half-open range inside the text; quantities and times never overlap."""
from __future__ import annotations

from hypothesis import example, given, settings, strategies as st

from pipeline.numbers import extract_quantities, extract_times

_PIECES = (
    list("0123456789０１２３４５６７８９.．,，%％‰-—－~～/／:：")
    + list("零〇一二两三四五六七八九十百千万亿几数多余半成倍点分之第前约近超逾上下")
    + ["年", "月", "日", "号", "季度", "个百分点", "基点", "元", "美元", "股", "家", "人次", "公里", "吨", "岁",
       "以上", "左右", "不到", "至", "到", "今年", "去年", "同期", "上年", "十四五", "春节", "前三季度", "翻一番",
       "个交易日", "小时", "每公斤", "《", "》", "“", "”", "。", "\n", " ", "G", "Qwen", "SZ", "AI", "\u3000"]
)
_TEXT = st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=40).map("".join)
_DATE = st.none() | st.dates().map(lambda d: d.isoformat()) | st.sampled_from(["", "not-a-date", "2020-02-30"])


@settings(max_examples=400, deadline=None)
@given(text=_TEXT, date=_DATE)
@example(text="国庆", date="0999-01-01")  # found by hypothesis: a holiday in a year before 1000
def test_spans_are_inside_the_text_and_never_overlap(text, date):
    quantities = extract_quantities(text)
    times = extract_times(text, date)
    for item in (*quantities, *times):
        assert 0 <= item.start < item.end <= len(text)
    for x in quantities:
        for t in times:
            assert x.end <= t.start or t.end <= x.start
    starts = [x.start for x in quantities]
    assert starts == sorted(starts)
