"""NER: BIO reading and scoring, corpus conversion, rules and their precedence, model loading and offsets."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluation.bio import PRF, BioSentence, bio_spans, parse_bio_lines, score_entities
from pipeline.model import Entity
from pipeline.ner import (DEFAULT_MODEL_DIR, EntityRecognizer, EntityRules, Gazetteer, ModelNotFoundError,
                          malformed_span, merge_entities, sentence_spans)
from pipeline.training.ner_data import parse_cluener_line, split_holdout

ROOT = Path(__file__).resolve().parents[1]
HAVE_MODEL = (DEFAULT_MODEL_DIR / "meta.json").is_file()
needs_model = pytest.mark.skipif(not HAVE_MODEL, reason=f"no trained model in {DEFAULT_MODEL_DIR}; "
                                                        "build it with `newsfacts train ner`")


# --- BIO reading ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lines, chars, tags", [
    (["中\tB-LOC\n", "国\tI-LOC\n", "人\tO\n"], "中国人", ("B-LOC", "I-LOC", "O")),   # MSRA
    (["中 B-LOC\n", "国 I-LOC\n"], "中国", ("B-LOC", "I-LOC")),                      # People's Daily 1998
    (["\u3000 O\n", "京 B-LOC\n"], "\u3000京", ("O", "B-LOC")),                      # full-width space kept
])
def test_parse_bio_lines(lines, chars, tags):
    (sentence,) = parse_bio_lines(lines)
    assert sentence.text == chars and sentence.tags == tags


def test_parse_bio_lines_splits_on_blank_lines_and_rejects_words():
    sentences = list(parse_bio_lines(["a\tO\n", "\n", "\n", "b\tO\n"]))
    assert [s.text for s in sentences] == ["a", "b"]
    with pytest.raises(ValueError, match="line 1"):
        list(parse_bio_lines(["北京\tB-LOC\n"]))


@pytest.mark.parametrize("tags, spans", [
    (["B-PER", "I-PER", "O", "B-LOC"], [(0, 2, "PERSON"), (3, 4, "LOC")]),
    (["B-ORG", "I-ORG", "B-ORG", "I-ORG"], [(0, 2, "ORG"), (2, 4, "ORG")]),
    (["O", "I-LOC", "I-LOC"], [(1, 3, "LOC")]),                  # I- without B- opens a span (conlleval)
    (["B-LOC", "I-ORG"], [(0, 1, "LOC"), (1, 2, "ORG")]),         # a type change closes the span
    (["B-TIME", "I-TIME", "B-PER"], [(2, 3, "PERSON")]),          # unknown types are dropped
    (["S-PER", "B-LOC", "E-LOC"], [(0, 1, "PERSON"), (1, 3, "LOC")]),
])
def test_bio_spans(tags, spans):
    assert bio_spans(tags) == spans


def test_score_entities_against_hand_counts():
    gold = [[(0, 2, "PERSON"), (3, 5, "LOC")], [(0, 4, "ORG")]]
    pred = [[(0, 2, "PERSON"), (3, 6, "LOC")], [(0, 4, "LOC")]]
    scores = score_entities(gold, pred)
    assert (scores.overall.tp, scores.overall.fp, scores.overall.fn) == (1, 2, 2)
    assert scores.per_label["PERSON"].f1 == 1.0
    assert (scores.per_label["LOC"].tp, scores.per_label["LOC"].fp, scores.per_label["LOC"].fn) == (0, 2, 1)
    assert (scores.per_label["ORG"].tp, scores.per_label["ORG"].fp, scores.per_label["ORG"].fn) == (0, 0, 1)
    assert scores.overall.precision == pytest.approx(1 / 3) and scores.overall.recall == pytest.approx(1 / 3)
    assert PRF().f1 == 0.0


# --- corpus conversion ---------------------------------------------------------------------------------------

def test_cluener_end_offsets_are_inclusive_and_labels_mapped():
    line = json.dumps({"text": "浙商银行叶老桂说《三体》好，职位经理",
                       "label": {"company": {"浙商银行": [[0, 3]]}, "name": {"叶老桂": [[4, 6]]},
                                 "book": {"《三体》": [[8, 11]]}, "position": {"经理": [[16, 17]]}}},
                      ensure_ascii=False)
    item = parse_cluener_line(line)
    assert [(item.text[s:e], label) for s, e, label in item.spans] == [("浙商银行", "ORG"), ("叶老桂", "PERSON")]


def test_holdout_split_is_fixed():
    items = list(range(100))
    train, dev = split_holdout(items, fraction=0.1, seed=13)
    assert len(dev) == 10 and sorted(train + dev) == items
    assert split_holdout(items, fraction=0.1, seed=13) == (train, dev)


# --- sentence splitting --------------------------------------------------------------------------------------

def test_sentence_spans_join_adjacent_short_sentences():
    text = "一。二。\n三。" + "很长的句子。" * 10
    assert [text[s:e] for s, e in sentence_spans(text, join_chars=4)][:3] == ["一。二。", "三。", "很长的句子。"]


def test_sentence_spans_cover_text_and_respect_max_chars():
    text = "第一句。第二句！\n\n“引语。”后面" + "很长的句子，" * 60
    spans = sentence_spans(text, max_chars=100)
    assert [text[s:e] for s, e in spans[:3]] == ["第一句。", "第二句！", "“引语。”"]   # blank lines left out
    assert all(e - s <= 100 for s, e in spans)
    assert "".join(text[s:e] for s, e in spans) == text.replace("\n\n", "")


# --- rules and precedence ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("腾讯元宝和Qwen3上线", [("腾讯元宝", "PRODUCT"), ("Qwen3", "PRODUCT")]),
    ("混元图像3.0发布", [("混元图像3.0", "PRODUCT")]),
    ("通义千问Qwen2.5-Max", [("通义千问", "PRODUCT"), ("Qwen2.5-Max", "PRODUCT")]),
    ("使用云闪付APP支付", [("云闪付APP", "PRODUCT")]),
    ("发布了光明电力大模型和多模态大模型", [("光明电力大模型", "PRODUCT")]),         # generic 多模态大模型 left out
    ("腾讯混元3D上线", [("腾讯混元3D", "PRODUCT")]),
    ("使用豆包大模型和Kimi大模型", [("豆包", "PRODUCT"), ("Kimi", "PRODUCT")]),   # 大模型 is a generic noun
    ("背后都有大模型支撑", []),                                      # no name before 大模型
    ("用户下载某某钱包APP", [("某某钱包APP", "PRODUCT")]),
    ("通过手机银行APP办理", []),                                  # generic app names stay out
    ("PM2.5和COVID-19", []),                                      # codes and measures are not models
    ("Qwenx不是", []),                                            # no match inside a longer latin word
    ("长三角和京津冀", [("长三角", "LOC"), ("京津冀", "LOC")]),          # named regions
])
def test_rule_matches(text, expected):
    rules = EntityRules()
    assert [(text[e.start:e.end], e.label) for e in rules.match(text)] == expected


@pytest.mark.parametrize("text, org, expected", [
    ("国联民生证券股份有限公司公告", "国联民生证券", "国联民生证券股份有限公司"),
    ("国家统计局服务业司统计师李明", "国家统计局", "国家统计局服务业司"),
    ("工信部原材料工业司司长", "工信部", "工信部原材料工业司"),
    ("国家能源局电力司副司长", "国家能源局", "国家能源局电力司"),
    ("大韩再保险上海分公司开业", "大韩再保险", "大韩再保险上海分公司"),
    ("LOC:乌克兰政府批准", "乌克兰", "乌克兰政府"),
    ("国家统计局11日公布", "国家统计局", None),
    ("华为子公司", "华为", None),                               # 公司 is not a sub-department
    ("商务部将通过新格局", "商务部", None),
    ("LOC:中国轻工业联合会会长", "中国", "中国轻工业联合会"),
    ("LOC:湖北省商务厅报告", "湖北省", "湖北省商务厅"),
    ("LOC:在中国投资的银行", "中国", None),
])
def test_org_extensions(text, org, expected):
    label, _, text = text.rpartition(":")
    rules = EntityRules(Gazetteer({}, frozenset()))
    extended = rules.extend_orgs(text, [Entity(0, len(org), label or "ORG")])
    assert [text[e.start:e.end] for e in extended] == ([expected] if expected else [])


@pytest.mark.parametrize("model, rules, expected", [
    # a rule PRODUCT wins over the model's overlapping ORG
    ([Entity(0, 2, "ORG")], [Entity(0, 4, "PRODUCT")], [Entity(0, 4, "PRODUCT")]),
    # a rule PRODUCT wins even when shorter than the model span it overlaps
    ([Entity(0, 6, "ORG")], [Entity(2, 5, "PRODUCT")], [Entity(2, 5, "PRODUCT")]),
    # a longer rule ORG that contains the model span wins
    ([Entity(0, 6, "ORG")], [Entity(0, 12, "ORG")], [Entity(0, 12, "ORG")]),
    # a model span longer than the rule ORG stays
    ([Entity(0, 8, "ORG")], [Entity(2, 5, "ORG")], [Entity(0, 8, "ORG")]),
    # a model span crossing the rule ORG stays
    ([Entity(3, 8, "LOC")], [Entity(0, 5, "ORG")], [Entity(3, 8, "LOC")]),
    # no overlap: both kept, in order
    ([Entity(5, 7, "PERSON")], [Entity(0, 3, "PRODUCT")], [Entity(0, 3, "PRODUCT"), Entity(5, 7, "PERSON")]),
    # overlapping rules: the longer is taken first
    ([], [Entity(0, 2, "PRODUCT"), Entity(0, 4, "PRODUCT")], [Entity(0, 4, "PRODUCT")]),
])
def test_merge_precedence(model, rules, expected):
    assert merge_entities(model, rules) == expected


def test_merge_drops_not_entities_and_single_characters():
    text = "我国和北京，中美"
    model = [Entity(0, 2, "LOC"), Entity(3, 5, "LOC"), Entity(6, 7, "LOC"), Entity(7, 8, "LOC")]
    assert merge_entities(model, [], text=text, not_entities={"我国"}) == [Entity(3, 5, "LOC")]


@pytest.mark.parametrize("name, malformed", [
    ("工业和信息化部", False), ("中国建材（集团）有限公司", False), ("“一带一路”", False), ("7号线", False),
    ("PPI（", True), ("王政）工业和信息化部", True), ("广西，重庆", True), ("粤东西北城市累计充电8.1万次", True),
])
def test_malformed_model_spans(name, malformed):
    assert malformed_span(name) is malformed


def test_merge_trims_bylines_and_codes_and_drops_malformed_spans():
    text = "（记者 王政）工业和信息化部称，PPI（出厂价格）上涨。星河电子（001399.SZ）公告"
    model = [Entity(4, 14, "PERSON"), Entity(17, 21, "ORG"), Entity(28, 43, "ORG")]
    assert merge_entities(model, [], text=text) == [Entity(4, 6, "PERSON"), Entity(28, 32, "ORG")]


def test_merge_splits_listed_model_spans_and_drops_clauses():
    text = "中国石化、中粮集团等企业；青州防控疫情措施有力，青州轻工业联合会发布数据。"
    model = [Entity(0, 9, "ORG"), Entity(13, 19, "ORG"), Entity(25, 33, "ORG")]
    assert merge_entities(model, [], text=text) == [Entity(0, 4, "ORG"), Entity(5, 9, "ORG"), Entity(25, 33, "ORG")]


def test_char_ngram_ids_mark_sentence_edges():
    import numpy
    from pipeline.ner import char_ngram_ids

    ids = char_ngram_ids(numpy.array([5, 6, 5], dtype="uint64"))
    assert ids.shape == (3, 3) and list(ids[:, 0]) == [5, 6, 5]
    assert ids[0, 1] != ids[2, 1]              # same character, different left neighbour (edge vs 6)
    assert ids[0, 2] == char_ngram_ids(numpy.array([5, 6], dtype="uint64"))[0, 2]
    assert char_ngram_ids(numpy.array([], dtype="uint64")).shape == (0, 3)


# --- loading ---------------------------------------------------------------------------------------------------

def test_missing_model_error_says_where_and_how(tmp_path):
    missing = tmp_path / "ner-zh"
    with pytest.raises(ModelNotFoundError) as info:
        EntityRecognizer(missing)
    message = str(info.value)
    assert str(missing) in message and "newsfacts train ner" in message and "NER-E001" in message


def test_tiny_training_run_round_trips(tmp_path):
    """configs/ner.cfg builds, trains a few steps on two sentences, saves and loads through EntityRecognizer."""
    import spacy
    from spacy.training import Example
    from spacy.util import load_config

    config = load_config(ROOT / "configs" / "ner.cfg", overrides={
        "components.ner.model.tok2vec.embed.char_rows": 500,
        "components.ner.model.tok2vec.embed.bigram_rows": 500})
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    data = [("张三在北京工作。", [(0, 2, "PERSON"), (3, 5, "LOC")]),
            ("李四去了上海腾讯公司。", [(0, 2, "PERSON"), (4, 6, "LOC"), (6, 10, "ORG")])]
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": ents}) for t, ents in data]
    nlp.initialize(lambda: examples)
    for _ in range(30):
        nlp.update(examples, drop=0.0)
    nlp.to_disk(tmp_path / "tiny")
    recognizer = EntityRecognizer(tmp_path / "tiny", use_rules=False)
    text = "前言\n张三在北京工作。"
    for entity in recognizer.extract(text):
        assert 0 <= entity.start < entity.end <= len(text)


@needs_model
def test_shipped_model_loads_and_finds_entities():
    recognizer = EntityRecognizer()
    text = "新华社北京3月5日电 国家主席习近平在人民大会堂会见了法国总统马克龙。"
    found = {(text[e.start:e.end], e.label) for e in recognizer.extract(text)}
    assert {("新华社", "ORG"), ("北京", "LOC"), ("人民大会堂", "LOC"), ("马克龙", "PERSON")} <= found


@needs_model
def test_offsets_point_into_the_given_text():
    recognizer = EntityRecognizer()
    text = "\r\n  据报道，\n\n腾讯元宝接入DeepSeek-R1。国家数据局局长刘烈宏在北京表示，中国移动将推出云闪付APP。" * 3
    entities = recognizer.extract(text)
    assert entities
    assert entities == sorted(entities, key=lambda e: (e.start, e.end))
    for a, b in zip(entities, entities[1:]):
        assert a.end <= b.start
    spans = {(text[e.start:e.end], e.label) for e in entities}
    assert {("腾讯元宝", "PRODUCT"), ("DeepSeek-R1", "PRODUCT"), ("云闪付APP", "PRODUCT")} <= spans
    assert list(recognizer.extract_many([text, "", text])) == [entities, [], entities]


@pytest.mark.parametrize("trans1, trans2", [(False, False), (True, False), (False, True), (True, True)])
def test_matmul_ops_multiply_like_thinc(trans1, trans2):
    import numpy
    from thinc.api import NumpyOps

    from pipeline.ner import MatmulOps

    rng = numpy.random.default_rng(0)
    x = rng.random((7, 5) if not trans1 else (5, 7), dtype="float32")
    y = rng.random((5, 3) if not trans2 else (3, 5), dtype="float32")
    want = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    got = MatmulOps().gemm(x, y, trans1=trans1, trans2=trans2)
    assert got.shape == (7, 3) and got.dtype == numpy.float32
    numpy.testing.assert_allclose(got, want, rtol=1e-5)
    out = numpy.zeros((7, 3), dtype="float32")
    assert MatmulOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
    numpy.testing.assert_allclose(out, want, rtol=1e-5)


@needs_model
def test_loaded_model_computes_with_matmul_ops_and_finds_the_same_entities():
    from thinc.api import NumpyOps

    from pipeline.ner import MatmulOps, use_ops

    recognizer = EntityRecognizer()
    nodes = [node for _, pipe in recognizer.nlp.pipeline for node in pipe.model.walk()]
    assert nodes and all(isinstance(node.ops, MatmulOps) for node in nodes)
    text = "新华社北京3月5日电 国家主席习近平在人民大会堂会见了法国总统马克龙。腾讯元宝接入DeepSeek-R1。"
    with_matmul = recognizer.extract(text)
    use_ops(recognizer.nlp, NumpyOps())
    assert recognizer.extract(text) == with_matmul


def test_window_lstm_encoder_keeps_lengths_and_width_and_learns():
    import numpy
    from thinc.api import Adam

    from pipeline.ner import WindowLSTMEncoder

    encoder = WindowLSTMEncoder(width=8, window_size=1, maxout_pieces=2, depth=1)
    rng = numpy.random.default_rng(0)
    docs = [rng.random((n, 8), dtype="float32") for n in (5, 1, 12)]
    encoder.initialize(X=docs)
    lstm = [node for node in encoder.walk() if node.name.startswith("lstm") and node.param_names]
    assert lstm
    before = [node.get_param(name).copy() for node in lstm for name in node.param_names]
    out, backprop = encoder.begin_update(docs)
    assert [o.shape for o in out] == [(5, 8), (1, 8), (12, 8)]
    backprop([numpy.ones_like(o) for o in out])
    encoder.finish_update(Adam(0.01))
    after = [node.get_param(name) for node in lstm for name in node.param_names]
    assert any(not numpy.allclose(a, b) for a, b in zip(before, after))


# --- static character, bigram and lexicon vectors (newsfacts.CharLexiconEmbed.v1) ----------------------------

def _tiny_lexicon(path: Path):
    import numpy

    from pipeline.training.lexicon import LexiconTable, bigram_keys, char_keys

    rng = numpy.random.default_rng(0)
    chars = sorted(set("张三在北京工作李四去了上海腾讯公司"))
    ckeys = char_keys(chars)
    order = numpy.argsort(ckeys)
    pairs = ["北京", "上海", "腾讯", "公司"]
    bkeys = bigram_keys(char_keys([p[0] for p in pairs]), char_keys([p[1] for p in pairs]))
    border = numpy.argsort(bkeys)
    table = LexiconTable(ckeys[order], rng.normal(size=(len(chars), 8)).astype("float16")[order],
                         bkeys[border], rng.normal(size=(len(pairs), 8)).astype("float16")[border],
                         ["北京", "上海", "腾讯公司", "工作"], rng.normal(size=(4, 8)).astype("float16"),
                         numpy.array([5, 4, 3, 2]))
    table.to_disk(path)
    return table


def _lexicon_layer(nlp):
    return next(node for node in nlp.get_pipe("ner").model.walk() if node.name == "static_lexicon")


def test_lexicon_features_mark_words_begun_continued_and_ended(tmp_path):
    """B/M/E sets: 腾讯公司 starts at 腾, continues over 讯 and 公, ends at 司; unknown keys give zeros."""
    import numpy
    import spacy
    from spacy.util import load_config

    table = _tiny_lexicon(tmp_path / "lex.npz")
    config = load_config(ROOT / "configs" / "ner-lexicon.cfg", overrides={
        "components.ner.model.tok2vec.embed.char_rows": 500, "components.ner.model.tok2vec.embed.bigram_rows": 500,
        "components.ner.model.tok2vec.embed.static_width": 8, "paths.lexicon": str(tmp_path / "lex.npz")})
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    nlp.initialize()
    layer = _lexicon_layer(nlp)
    doc = nlp.make_doc("去腾讯公司")
    features = layer.predict([doc])[0]
    word = table.word_vectors[2].astype("float32")
    begin, middle, end = (slice(8 * k, 8 * (k + 1)) for k in (3, 4, 5))
    assert numpy.allclose(features[1, begin], word, atol=1e-3)
    assert numpy.allclose(features[2, middle], word, atol=1e-3) and numpy.allclose(features[3, middle], word, atol=1e-3)
    assert numpy.allclose(features[4, end], word, atol=1e-3)
    assert not features[0, begin].any() and not features[4, begin].any()
    # the character 去 is in the table, the bigram 去腾 is not
    assert features[0, :8].any() and not features[0, 16:24].any()
    # a batch gives each doc what it gets alone: no bigram or word reaches across documents
    docs = [nlp.make_doc(t) for t in ("北", "京", "", "去腾讯公司", "上海 腾讯")]
    batched = layer.predict(docs)
    for doc, got in zip(docs, batched):
        assert numpy.array_equal(got, layer.predict([doc])[0])
    assert not batched[0][:, 16:].any() and not batched[1][:, 8:].any()   # 北|京 apart: no 北京


def test_lexicon_model_trains_without_touching_the_static_table_and_round_trips(tmp_path):
    import numpy
    import spacy
    from spacy.training import Example
    from spacy.util import load_config

    _tiny_lexicon(tmp_path / "lex.npz")
    config = load_config(ROOT / "configs" / "ner-lexicon.cfg", overrides={
        "components.ner.model.tok2vec.embed.char_rows": 500, "components.ner.model.tok2vec.embed.bigram_rows": 500,
        "components.ner.model.tok2vec.embed.static_width": 8, "paths.lexicon": str(tmp_path / "lex.npz")})
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    data = [("张三在北京工作。", [(0, 2, "PERSON"), (3, 5, "LOC")]),
            ("李四去了上海腾讯公司。", [(0, 2, "PERSON"), (4, 6, "LOC"), (6, 10, "ORG")])]
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": ents}) for t, ents in data]
    nlp.initialize(lambda: examples)
    before = _lexicon_layer(nlp).get_param("word_vectors").copy()
    for _ in range(30):
        nlp.update(examples, drop=0.0)
    assert numpy.array_equal(_lexicon_layer(nlp).get_param("word_vectors"), before)
    nlp.to_disk(tmp_path / "tiny")
    loaded = spacy.load(tmp_path / "tiny")   # the table travels inside the model, no lexicon file needed
    (tmp_path / "lex.npz").unlink()
    text = "张三在北京工作。李四去了上海腾讯公司。"
    assert [(e.start_char, e.end_char, e.label_) for e in loaded(text).ents] == \
        [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]
    recognizer = EntityRecognizer(tmp_path / "tiny", use_rules=False)
    for entity in recognizer.extract("前言\n" + text):
        assert 0 <= entity.start < entity.end <= len(text) + 3


# --- spaCy pretraining of the encoder (configs/ner-pretrain.cfg, pipeline/training/ner_pretrain.py) ------------

def test_pretraining_corpus_is_sentences_in_pieces(tmp_path):
    import json

    from pipeline.training.ner_pretrain import sentence_chunks, write_pretrain_corpus

    text = "第一句话。第二句！\n\n标题行\n很长" + "长" * 9 + "；末"
    assert list(sentence_chunks(text, max_chars=5)) == \
        ["第一句话。", "第二句！", "标题行", "很长长长长", "长长长长长", "长；", "末"]
    assert list(sentence_chunks("", max_chars=5)) == []
    with pytest.raises(ValueError):
        list(sentence_chunks(text, max_chars=0))
    count = write_pretrain_corpus([text, "一"], tmp_path / "sub" / "raw.jsonl", max_chars=5)
    lines = [json.loads(line) for line in (tmp_path / "sub" / "raw.jsonl").read_text("utf-8").splitlines()]
    assert count == len(lines) == 6 and lines[0] == {"text": "第一句话。"}   # one-character pieces left out


def test_pretrained_encoder_weights_load_into_training(tmp_path):
    """A tiny `spacy pretrain` run with configs/ner-pretrain.cfg writes weights that `init_tok2vec` loads
    into the tok2vec component the NER listens to; the trained pipeline loads through EntityRecognizer."""
    import spacy
    from spacy.training import Example
    from spacy.util import load_config

    from spacy.tokens import DocBin
    from spacy.training.initialize import init_nlp

    from pipeline.training.ner_pretrain import pretrain_encoder, uses_pretraining, write_pretrain_corpus

    config_path = ROOT / "configs" / "ner-pretrain.cfg"
    assert uses_pretraining(config_path) and not uses_pretraining(ROOT / "configs" / "ner.cfg")
    small = {"components.tok2vec.model.embed.char_rows": 500, "components.tok2vec.model.embed.bigram_rows": 500,
             "pretraining.max_epochs": 1}
    write_pretrain_corpus(["张三在北京工作。李四去了上海腾讯公司。"] * 20, tmp_path / "data" / "pretrain.jsonl")
    weights = pretrain_encoder(config_path, tmp_path / "no-data-needed", tmp_path, small)
    assert weights.exists() and weights.stat().st_size > 0

    data = [("张三在北京工作。", [(0, 2, "PERSON"), (3, 5, "LOC")])]
    blank = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    examples = [Example.from_dict(blank.make_doc(t), {"entities": ents}) for t, ents in data]
    DocBin(docs=[eg.reference for eg in examples]).to_disk(tmp_path / "train.spacy")
    paths = {"paths.train": str(tmp_path / "train.spacy"), "paths.dev": str(tmp_path / "train.spacy")}
    config = load_config(config_path, overrides={**small, **paths, "paths.init_tok2vec": str(weights)})
    nlp = init_nlp(config)
    assert nlp.get_pipe("tok2vec").model.to_bytes() == weights.read_bytes()
    fresh = init_nlp(load_config(config_path, overrides={**small, **paths}))
    assert fresh.get_pipe("tok2vec").model.to_bytes() != weights.read_bytes()
    for _ in range(10):
        nlp.update(examples, drop=0.0)
    nlp.to_disk(tmp_path / "tiny")
    for entity in EntityRecognizer(tmp_path / "tiny", use_rules=False).extract("前言\n张三在北京工作。"):
        assert 0 <= entity.start < entity.end <= 13


# --- company short names (EntityRules.companies) ----------------------------------------------------------------

COMMON = frozenset({"人工", "能源", "中国", "我国", "农业", "产业", "投资", "企业", "品牌"})


@pytest.mark.parametrize("text, expected", [
    ("东川重工今年营收增长。", ["东川重工"]),
    ("今年华岳医药净利润下降。", ["华岳医药"]),                      # 年 marks where the name starts
    ("远拓物流集团（600001.SH）公告。", ["远拓物流集团"]),                # trade words chain
    ("据赛迪顾问统计，360集团和蜜果科技股份有限公司上榜。", ["赛迪顾问", "360集团", "蜜果科技股份有限公司"]),
    ("灵犀智能（02000.HK）上市。", ["灵犀智能"]),                      # a weak trade word before a bracket
    ("工人在组装智能机器人。", []),                                    # a weak trade word alone is a noun
    ("贝岭能源钻井队进场。贝岭能源完钻3口井。", ["贝岭能源", "贝岭能源"]),   # …unless the name recurs
    ("化石能源消耗下降，化石能源占比下降。", []),                       # …and is no ordinary word
    ("投资5000万元科技项目", []),                                      # amounts are no names
    ("人工智能产业基金规模扩大。", []),                                # common words are no names
    ("新能源汽车集团化发展。", []),
    ("我国科技企业和农业保险都在增长。", []),
    ("广西壮族自治区柳州科技园。", []),                                # a run of five or more: no clear start
    ("其中，消费品牌企业青岚科技于3月挂牌。", ["青岚科技"]),            # a kind of firm before the name ends there
])
def test_company_short_names(text, expected):
    rules = EntityRules(Gazetteer({}, frozenset()), common=COMMON, ordinary=frozenset({"化石", "剔除"}))
    found = rules.companies(text)
    assert [text[e.start:e.end] for e in found] == expected
    assert all(e.label == "ORG" for e in found)


def test_common_words_come_from_the_dictionary_file(tmp_path):
    from pipeline.ner import common_words

    (tmp_path / "dict.txt").write_text("普惠 587 n\n王珂 67 nr\n的 90000 uj\n高峰 757\n", encoding="utf-8")
    assert common_words(tmp_path / "dict.txt") == {"普惠", "高峰"}
    assert common_words(tmp_path / "missing.txt") == frozenset()


def test_a_company_rule_span_replaces_the_shorter_model_span_it_contains():
    rules = EntityRules(Gazetteer({}, frozenset()), common=COMMON)
    text = "华岳医药发布年报。"
    merged = merge_entities([Entity(0, 2, "LOC")], rules.match(text), text=text)
    assert [(text[e.start:e.end], e.label) for e in merged] == [("华岳医药", "ORG")]


@pytest.mark.parametrize("text, model, expected", [
    ("上海虹桥火车站客流", [(0, 2, "LOC"), (2, 7, "LOC")], [("上海虹桥火车站", "LOC")]),
    ("北京经济技术开发区企业", [(0, 2, "LOC")], [("北京经济技术开发区", "LOC")]),
    ("北京大兴国际机场投运", [(0, 8, "ORG")], [("北京大兴国际机场", "LOC")]),
    ("7号线和17号线开通", [], [("7号线", "LOC"), ("17号线", "LOC")]),
    ("北京的机场很大", [(0, 2, "LOC")], [("北京", "LOC")]),          # 的: no facility name
])
def test_named_facilities_are_places(text, model, expected):
    rules = EntityRules(Gazetteer({}, frozenset()))
    found = [Entity(*m) for m in model]
    merged = merge_entities(found, rules.extend_places(text, found) + rules.match(text), text=text)
    assert [(text[e.start:e.end], e.label) for e in merged] == expected


@pytest.mark.parametrize("name, label, dropped", [
    ("新能源汽车产销", "ORG", True),          # a statistic's words
    ("第三产业投资增长速度", "ORG", True),
    ("普惠小微", "PERSON", True),              # begins with a common word
    ("普惠型", "PERSON", True),
    ("毛盛勇", "PERSON", False),
    ("启明投资", "ORG", False),
    ("国家统计局", "ORG", False),
    ("股份制商业银行", "ORG", True),          # a kind of institution
    ("全国银行业金融机构", "ORG", True),
    ("上海农村商业银行", "ORG", False),
])
def test_model_spans_that_are_no_names_are_dropped(name, label, dropped):
    text = "据悉，" + name + "。"
    merged = merge_entities([Entity(3, 3 + len(name), label)], [], text=text, common=COMMON | {"普惠"})
    assert (merged == []) is dropped


# --- names written out: bylines and titles before a speech verb (EntityRules.people) ----------------------------

SURNAMES = frozenset("王高韩毛沈廖朱张孔")


@pytest.mark.parametrize("text, expected", [
    ("北京2月2日电（记者王珂）商务部2日发布。", ["王珂"]),
    ("北京3月18日电 （记者王政、韩鑫）记者18日获悉。", ["王政", "韩鑫"]),
    ("本报记者 孔德晨\n\n一键开启", ["孔德晨"]),
    ("制图：沈亦伶", ["沈亦伶"]),
    ("车间作业。\n廖祖平摄（人民视觉）", ["廖祖平"]),
    # a title before a speech verb; the name recurs later in the article
    ("国家统计局新闻发言人毛盛勇说，总体平稳。毛盛勇表示，最近回升。", ["毛盛勇", "毛盛勇"]),
    ("高级统计师朱虹分析，增速加快。", ["朱虹"]),
    ("执行董事沈瑜道出秘诀。", ["沈瑜"]),
    # no surname first: no name
    ("负责人之所以说，", []),
    ("（记者从商务部获悉）", []),
])
def test_people_written_out(text, expected):
    rules = EntityRules(Gazetteer({}, frozenset()), surnames=SURNAMES)
    found = rules.people(text)
    assert [text[e.start:e.end] for e in found] == expected
    assert all(e.label == "PERSON" for e in found)


def test_a_written_out_name_wins_over_the_model_span_it_overlaps():
    rules = EntityRules(Gazetteer({}, frozenset()), surnames=SURNAMES)
    text = "执行董事沈瑜道出秘诀。"
    merged = merge_entities([Entity(4, 7, "PERSON")], rules.match(text), text=text)
    assert [(text[e.start:e.end], e.label) for e in merged] == [("沈瑜", "PERSON")]


def test_surnames_come_from_the_names_table(tmp_path):
    from pipeline.ner import surnames

    (tmp_path / "names.tsv").write_text("# kind\tchars\tcount\nsurname\t李\t829\ngiven\t明\t50\n", encoding="utf-8")
    assert surnames(tmp_path / "names.tsv") == {"李"}
    assert surnames(tmp_path / "missing.tsv") == frozenset()


# --- place names (resources/places_cn.tsv) ----------------------------------------------------------------------

def test_place_names_with_suffixes_and_common_words_left_out(tmp_path):
    from pipeline.ner import place_names

    (tmp_path / "places.tsv").write_text("# places\n福建\tprovince\n宁德\tcity\n朝阳\tcity\n", encoding="utf-8")
    names = place_names(tmp_path / "places.tsv", common={"朝阳"})
    assert {"福建", "福建省", "宁德", "宁德市", "朝阳市"} <= set(names) and "朝阳" not in names
    assert set(names.values()) == {"LOC"}
    shipped = place_names()
    assert {"宁德", "宁德市", "广西壮族自治区"} - set(shipped) == {"广西壮族自治区"}   # left to the model


def test_a_place_name_wins_over_a_model_person_span():
    from pipeline.ner import place_names

    rules = EntityRules(Gazetteer({}, frozenset()), places=place_names())
    text = "宁德正加快建设。"
    merged = merge_entities([Entity(0, 3, "PERSON")], rules.match(text), text=text)
    assert [(text[e.start:e.end], e.label) for e in merged] == [("宁德", "LOC")]


def test_trie_pattern_finds_what_a_longest_first_alternation_finds():
    import re

    from pipeline.ner import _trie_pattern

    names = ["通义", "通义千问", "通义万相", "Qwen", "QwQ", "宁德", "宁德时代", "AI", "Kimi"]
    text = "通义千问和通义、QwQ与Qwen3，宁德时代在宁德；xQwen不算，AI和Kimi。"
    ordered = sorted(names, key=len, reverse=True)
    alternation = "|".join((r"(?<![A-Za-z0-9])" if re.match("[A-Za-z0-9]", n) else "") + re.escape(n)
                           for n in ordered)
    expected = [m.span() for m in re.finditer(alternation, text)]
    assert [m.span() for m in re.finditer(_trie_pattern(names), text)] == expected
    assert _trie_pattern([]) == ""


@pytest.mark.parametrize("text, model, expected", [
    ("安徽省投资集团出资", [(0, 3, "LOC")], [("安徽省投资集团", "ORG")]),           # a place's company
    ("合肥市高新区企业", [(0, 3, "LOC")], [("合肥市", "LOC")]),                   # a chain of places stays apart
    ("在鄂企业和在沪公司，来华投资", [], [("鄂", "LOC"), ("沪", "LOC"), ("华", "LOC")]),   # abbreviations
    ("安徽省级资金", [], [("安徽", "LOC")]),                                     # 省级 is a level
    ("武汉市各医院", [(0, 3, "LOC")], [("武汉市", "LOC")]),                       # 各: no institution name
])
def test_places_and_their_institutions(text, model, expected):
    from pipeline.ner import place_names

    rules = EntityRules(Gazetteer({}, frozenset()), places=place_names())
    found = [Entity(*m) for m in model]
    matched = rules.match(text)
    merged = merge_entities(found, matched + rules.extend_orgs(text, found + matched)
                            + rules.extend_places(text, found + matched), text=text)
    assert [(text[e.start:e.end], e.label) for e in merged] == expected
