"""Offsets are sacred: every span the pipeline emits indexes the canonical text it was given."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.model import Article
from pipeline.nlp import annotate

PIECES = ["截至", "2025年", "6月底", "，", "中国", "日均", "消耗量", "突破", "30万亿", "5.86万亿元", "增长", "117%",
          "下降", "0.5个百分点", "３０％", "１９９８年", "约", "多", "倍", "\n", "\r\n", " ", "　", "。", "—", "·",
          "😀", "A股", "Qwen3", "第三", "三成", "十几万", "2至3次", "1,434,321股"]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=30).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_every_span_is_inside_the_text_and_roles_point_at_text(nlp, text):
    article = annotate(nlp, Article(id="x", text=text, date="2025-07-01"))
    assert article.text == text
    spans = [e.span for e in article.entities] + [t.span for t in article.times]
    for q in article.quantities:
        spans.append(q.span)
        spans.extend(s for s in (q.subject, q.metric, q.time) if s is not None)
    for start, end in spans:
        assert 0 <= start < end <= len(text)
        assert article.span_text((start, end)) == text[start:end]
    time_spans = {t.span for t in article.times}
    assert all(q.time in time_spans for q in article.quantities if q.time is not None)


def test_tokens_tile_the_text(nlp):
    text = "截至2025年6月底，中国 日均Token消耗量\r\n已经突破30万亿。  ５．８６万亿元"
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert "".join(t.text_with_ws for t in doc) == text
