"""Gold loading: inline and stand-off records, canonical text, hash checks, clear errors. Fixtures only."""
import gzip
import json

import pytest

from pipeline.io import reader as reader_module
from pipeline.evaluation.gold import (
    GoldError, canonical_text, gold_files, load_articles, load_gold, validate_gold,
)
from pipeline.model import Article, Entity, Quantity, TimeExpr, text_sha256

TEXT_A = "国家数据局发布数据，2024年数据产业规模达5.86万亿元。"
TEXT_B = "魅视科技上半年营收2.5亿元。\n同比增长约三成。"
SEED = "中国大模型日均Token消耗量突破30万亿。\n智能穿戴产品销量增长。\n"


def record(aid, text, *, inline=True, source=None, **extra):
    data = {"version": 1, "id": aid, "date": "2025-01-01", "source": source, "text_sha256": text_sha256(text),
            "entities": [], "times": [], "quantities": []}
    if inline:
        data["text"] = text
    data.update(extra)
    return data


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def fixture_root(tmp_path):
    root = tmp_path / "data"
    (root / "news").mkdir(parents=True)
    (root / "seed").mkdir()
    with gzip.open(root / "news" / "articles.jsonl.gz", "wt", encoding="utf-8") as out:
        for aid, text in (("n1", TEXT_A), ("n2", TEXT_B), ("n3", "其他文章。")):
            out.write(json.dumps({"id": aid, "date": "2020-01-18", "text": text}, ensure_ascii=False) + "\n")
    # Seed text with a BOM and Windows line ends: canonical text drops the BOM and folds \r\n.
    (root / "seed" / "seed.txt").write_bytes(b"\xef\xbb\xbf" + SEED.replace("\n", "\r\n").encode("utf-8"))
    (root / "seed" / "gbk.txt").write_bytes(SEED.replace("\n", "\r").encode("gb18030"))
    return root


def standoff(aid, text, source, **extra):
    return record(aid, text, inline=False, source=source, **extra)


def test_inline_gold_loads(tmp_path):
    path = write_jsonl(tmp_path / "g.jsonl", [record("a", TEXT_A, entities=[{"span": [0, 5], "label": "ORG"}])])
    [article] = load_gold(path)
    assert article.id == "a"
    assert article.text == TEXT_A
    assert article.span_text(article.entities[0].span) == "国家数据局"


def test_standoff_gold_resolves_jsonl_gz_and_text_files(tmp_path, fixture_root):
    path = write_jsonl(tmp_path / "g.jsonl", [
        standoff("pd-1", TEXT_A, "news/articles.jsonl.gz#n1", entities=[{"span": [0, 5], "label": "ORG"}]),
        standoff("pd-2", TEXT_B, "news/articles.jsonl.gz#n2"),
        standoff("seed-1", SEED, "seed/seed.txt"),
        standoff("seed-2", SEED, "seed/gbk.txt"),
    ])
    articles = load_gold(path, corpus_root=fixture_root)
    assert [a.text for a in articles] == [TEXT_A, TEXT_B, SEED, SEED]
    assert articles[0].span_text((0, 5)) == "国家数据局"
    assert articles[2].source == "seed/seed.txt"


def test_standoff_record_with_null_text(tmp_path, fixture_root):
    data = standoff("pd-1", TEXT_A, "news/articles.jsonl.gz#n1")
    data["text"] = None
    path = write_jsonl(tmp_path / "g.jsonl", [data])
    assert load_gold(path, corpus_root=fixture_root)[0].text == TEXT_A


def test_corpus_file_is_read_once_per_load(tmp_path, fixture_root, monkeypatch):
    opened = []
    real_open = reader_module.gzip.open

    def counting_open(path, *args, **kwargs):
        opened.append(str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(reader_module.gzip, "open", counting_open)
    path = write_jsonl(tmp_path / "g.jsonl", [standoff("pd-1", TEXT_A, "news/articles.jsonl.gz#n1"),
                                              standoff("pd-2", TEXT_B, "news/articles.jsonl.gz#n2")])
    load_gold(path, corpus_root=fixture_root)
    assert opened == [str(fixture_root / "news" / "articles.jsonl.gz")]


def test_hash_mismatch_names_the_article_and_source(tmp_path, fixture_root):
    path = write_jsonl(tmp_path / "g.jsonl", [standoff("pd-9", TEXT_A, "news/articles.jsonl.gz#n2")])
    with pytest.raises(GoldError, match=r"pd-9.*news/articles\.jsonl\.gz#n2.*text_sha256"):
        load_gold(path, corpus_root=fixture_root)


def test_hash_mismatch_of_a_text_file(tmp_path, fixture_root):
    path = write_jsonl(tmp_path / "g.jsonl", [standoff("seed-x", SEED + "改", "seed/seed.txt")])
    with pytest.raises(GoldError, match=r"seed-x.*seed/seed\.txt"):
        load_gold(path, corpus_root=fixture_root)


def test_inline_hash_mismatch_is_refused(tmp_path):
    data = record("a", TEXT_A)
    data["text_sha256"] = text_sha256(TEXT_B)
    path = write_jsonl(tmp_path / "g.jsonl", [data])
    with pytest.raises(GoldError, match=r"g\.jsonl:1: article a: .*text_sha256"):
        load_gold(path)


def test_missing_corpus_root_says_which_folder(tmp_path):
    path = write_jsonl(tmp_path / "g.jsonl", [standoff("pd-1", TEXT_A, "news/articles.jsonl.gz#n1")])
    missing = tmp_path / "nowhere"
    with pytest.raises(GoldError, match=rf"corpus root folder {missing} is missing.*pd-1.*--corpus-root"):
        load_gold(path, corpus_root=missing)
    with pytest.raises(GoldError, match="pd-1.*stand-off.*--corpus-root"):
        load_gold(path)


def test_missing_corpus_file_and_record(tmp_path, fixture_root):
    path = write_jsonl(tmp_path / "g.jsonl", [standoff("pd-1", TEXT_A, "news/other.jsonl.gz#n1")])
    with pytest.raises(GoldError, match="article pd-1: corpus file .*other.jsonl.gz is missing"):
        load_gold(path, corpus_root=fixture_root)
    path = write_jsonl(tmp_path / "g.jsonl", [standoff("pd-1", TEXT_A, "news/articles.jsonl.gz#n404")])
    with pytest.raises(GoldError, match="pd-1.*no record with id 'n404'"):
        load_gold(path, corpus_root=fixture_root)
    path = write_jsonl(tmp_path / "g.jsonl", [standoff("seed-1", SEED, "seed/absent.txt")])
    with pytest.raises(GoldError, match="seed-1.*absent.txt is missing"):
        load_gold(path, corpus_root=fixture_root)


def test_standoff_record_needs_source_and_hash(tmp_path, fixture_root):
    data = standoff("pd-1", TEXT_A, None)
    path = write_jsonl(tmp_path / "g.jsonl", [data])
    with pytest.raises(GoldError, match="pd-1 needs both 'source' and 'text_sha256'"):
        load_gold(path, corpus_root=fixture_root)


def test_folder_loads_jsonl_files_in_name_order(tmp_path):
    folder = tmp_path / "gold"
    folder.mkdir()
    write_jsonl(folder / "b.jsonl", [record("b1", TEXT_B)])
    write_jsonl(folder / "a.jsonl", [record("a1", TEXT_A), record("a2", TEXT_B)])
    (folder / "thresholds.json").write_text("{}", encoding="utf-8")
    (folder / "notes.md").write_text("not gold", encoding="utf-8")
    assert [p.name for p in gold_files(folder)] == ["a.jsonl", "b.jsonl"]
    assert [a.id for a in load_gold(folder)] == ["a1", "a2", "b1"]


def test_empty_folder_and_missing_path(tmp_path):
    with pytest.raises(GoldError, match="no \\*.jsonl files"):
        gold_files(tmp_path)
    with pytest.raises(GoldError, match="does not exist"):
        gold_files(tmp_path / "absent.jsonl")


def test_duplicate_ids_are_refused(tmp_path):
    path = write_jsonl(tmp_path / "g.jsonl", [record("a", TEXT_A), record("a", TEXT_A)])
    with pytest.raises(GoldError, match="article a appears more than once"):
        load_gold(path)


def test_bad_lines_name_file_and_line(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(record("a", TEXT_A)) + "\n\n{not json\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"g\.jsonl:3: not a JSON record"):
        load_gold(path)
    path.write_text('["a list"]\n', encoding="utf-8")
    with pytest.raises(GoldError, match=r"g\.jsonl:1: .*with an 'id'"):
        load_gold(path)


@pytest.mark.parametrize("change,message", [
    ({"version": 2}, "format version 2"),
    ({"entities": [{"span": [0, 5], "label": "COMPANY"}]}, "entity label 'COMPANY'"),
    ({"entities": [{"span": [5, 5], "label": "ORG"}]}, "not a non-empty"),
    ({"entities": [{"span": [0, 500], "label": "ORG"}]}, "past the end"),
    ({"quantities": [{"span": [0, 2], "value": 1, "change": "up"}]}, "change 'up'"),
    ({"entities": [{"label": "ORG"}]}, "missing field 'span'"),
])
def test_invalid_records_name_the_article(tmp_path, change, message):
    path = write_jsonl(tmp_path / "g.jsonl", [record("bad-1", TEXT_A, **change)])
    with pytest.raises(GoldError, match=rf"g\.jsonl:1: article bad-1: .*{message}"):
        load_gold(path)


def test_predictions_load_without_text(tmp_path):
    data = record("a", TEXT_A, inline=False, entities=[{"span": [0, 5], "label": "ORG"}])
    path = write_jsonl(tmp_path / "pred.jsonl", [data])
    [article] = load_articles(path)
    assert article.text is None
    assert article.sha256 == text_sha256(TEXT_A)
    assert article.entities[0].label == "ORG"


@pytest.mark.parametrize("raw,canonical", [
    ("a\r\nb", "a\nb"), ("a\rb", "a\nb"), ("a\r\r\nb", "a\n\nb"), ("ａ１　", "ａ１　"), (" x ", " x "),
])
def test_canonical_text(raw, canonical):
    assert canonical_text(raw) == canonical


# --- gold consistency ----------------------------------------------------------------------------------------

Y2024 = TimeExpr(10, 15, "DATE", "2024-01-01", "2024-12-31")
SIZE = Quantity(22, 29, 5.86e12, "CNY", "MONEY", metric=(15, 21), time=(10, 15))


@pytest.mark.parametrize("items,problem", [
    ({"entities": [Entity(0, 5, "ORG"), Entity(2, 4, "LOC")]}, "entities overlap: [0, 5) 国家数据局 and [2, 4) 数据"),
    ({"times": [Y2024], "quantities": [SIZE.with_roles(start=12, end=16)]}, "quantity [12, 16) 24年数 overlaps time"),
    ({"times": [TimeExpr(10, 15, "DATE", "2024-12-31", "2024-01-01")]}, "from 2024-12-31 is after to 2024-01-01"),
    ({"quantities": [SIZE]}, "time role [10, 15) 2024年 is not one of the times"),
    ({"times": [Y2024], "quantities": [SIZE.with_roles(subject=(20, 90))]}, "subject span [20, 90] is not inside"),
    ({"times": [Y2024], "quantities": [SIZE.with_roles(value=None)]}, "value must be null exactly when"),
    ({"times": [Y2024], "quantities": [SIZE.with_roles(min=1.0, max=2.0, qualifier="range")]},
     "value must be null exactly when"),
    ({"times": [Y2024], "quantities": [SIZE.with_roles(value=None, min=1.0, max=2.0)]},
     "qualifier 'range' goes with min/max"),
])
def test_validate_gold_reports_each_breach(items, problem):
    [found] = validate_gold(Article(id="g1", text=TEXT_A, **items))
    assert found.startswith("article g1: ")
    assert problem in found


def test_validate_gold_accepts_a_consistent_article():
    ranged = SIZE.with_roles(value=None, min=1.0, max=2.0, qualifier="range")
    assert validate_gold(Article(id="g1", text=TEXT_A, entities=[Entity(0, 5, "ORG")], times=[Y2024],
                                 quantities=[ranged])) == []


# --- the eval command over gold and prediction files ---------------------------------------------------------

from click.testing import CliRunner  # noqa: E402

from pipeline.cli import cli  # noqa: E402

GOLD_ENTS = [{"span": [0, 5], "label": "ORG"}]
GOLD_QTY = [{"span": [22, 29], "value": 5.86e12, "min": None, "max": None, "unit": "CNY", "kind": "MONEY",
             "qualifier": "=", "subject": None, "metric": [15, 21], "time": [10, 15], "change": "level"}]
GOLD_TIMES = [{"span": [10, 15], "type": "DATE", "from": "2024-01-01", "to": "2024-12-31"}]


def test_fixture_spans():
    assert [TEXT_A[a:b] for a, b in [(0, 5), (10, 15), (15, 21), (22, 29)]] == [
        "国家数据局", "2024年", "数据产业规模", "5.86万亿元"]


def eval_files(tmp_path, pred_changes=None):
    gold = write_jsonl(tmp_path / "gold.jsonl", [
        record("a", TEXT_A, entities=GOLD_ENTS, times=GOLD_TIMES, quantities=GOLD_QTY)])
    pred = record("a", TEXT_A, inline=False, entities=GOLD_ENTS, times=GOLD_TIMES, quantities=GOLD_QTY)
    pred.update(pred_changes or {})
    return gold, write_jsonl(tmp_path / "pred.jsonl", [pred])


def test_eval_perfect_prediction(tmp_path):
    gold, pred = eval_files(tmp_path)
    result = CliRunner().invoke(cli, ["eval", "--gold", str(gold), "--pred", str(pred)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"gold: {gold} (1 articles), scoring predictions {pred}"
    assert f"{'entities (strict)':<22}  1.000  1.000  1.000      1      1      1" in lines
    assert f"{'facts':<22}  1.000  1.000  1.000      1      1      1" in lines
    assert f"{'fact change':<22}  1.000   (1/1)" in lines
    assert "quantity errors: none" in lines


def test_eval_writes_stable_metrics_and_lists_errors(tmp_path):
    gold, pred = eval_files(tmp_path, {"entities": [{"span": [0, 4], "label": "ORG"}], "times": []})
    out = tmp_path / "metrics.json"
    runner = CliRunner()
    result = runner.invoke(cli, ["eval", "--gold", str(gold), "--pred", str(pred), "--metrics", str(out),
                                 "--errors"])
    assert result.exit_code == 0, result.output
    first = out.read_text(encoding="utf-8")
    metrics = json.loads(first)
    assert list(metrics) == sorted(metrics)
    assert (metrics["ents_f"], metrics["ents_partial_f"], metrics["times_r"], metrics["quantities_f"]) == (
        0.0, 1.0, 0.0, 1.0)
    assert result.output.endswith(
        "a (2 errors)\n"
        "  wrong boundary entity   [0, 5) '国家数据局' ORG  pred [0, 4) '国家数据'\n"
        "  missed         time     [10, 15) '2024年' DATE 2024-01-01..2024-12-31\n"
        f"metrics written to {out}\n")
    runner.invoke(cli, ["eval", "--gold", str(gold), "--pred", str(pred), "--metrics", str(out)])
    assert out.read_text(encoding="utf-8") == first


def test_eval_refuses_prediction_on_other_text(tmp_path):
    gold, pred = eval_files(tmp_path, {"text_sha256": text_sha256(TEXT_B)})
    result = CliRunner().invoke(cli, ["eval", "--gold", str(gold), "--pred", str(pred)])
    assert result.exit_code == 1
    assert "Error: article a: the prediction's text_sha256 differs from the gold's" in result.output


def test_eval_names_the_missing_corpus_root(tmp_path):
    gold = write_jsonl(tmp_path / "gold.jsonl", [standoff("pd-1", TEXT_A, "news/articles.jsonl.gz#n1")])
    result = CliRunner().invoke(cli, ["eval", "--gold", str(gold), "--pred", str(gold),
                                      "--corpus-root", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert f"Error: corpus root folder {tmp_path / 'nowhere'} is missing" in result.output


def test_eval_help_has_an_example():
    result = CliRunner().invoke(cli, ["eval", "--help"])
    assert result.exit_code == 0
    assert "newsfacts eval --gold corpora/gold" in result.output
