import json
import sqlite3

import pytest
from click.testing import CliRunner

from pipeline import __version__
from pipeline.cli import cli

ARTICLE = ("本报北京6月30日电 截至2025年6月底，中国日均Token消耗量已经突破30万亿。"
           "今年上半年，全国数据产业规模达5.86万亿元，同比增长17%。\n")


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "in"
    (root / "tech").mkdir(parents=True)
    (root / "tech" / "20250701-tokens.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "20250702-gbk.txt").write_bytes(ARTICLE.encode("gb18030"))
    return root


def invoke(*args):
    return CliRunner().invoke(cli, list(map(str, args)), catch_exceptions=False)


def table_counts(db):
    conn = sqlite3.connect(db)
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("runs", "articles", "entities", "times", "quantities", "errors")}
    conn.close()
    return counts


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.output == f"newsfacts, version {__version__}\n"


@pytest.mark.parametrize("command", [["--help"], ["run", "--help"], ["show", "--help"], ["eval", "--help"],
                                     ["eval-seg", "--help"], ["eval-ner", "--help"], ["segment", "--help"],
                                     ["build-dict", "--help"], ["train", "--help"], ["train", "ner", "--help"]])
def test_help_has_an_example(command):
    result = invoke(*command)
    assert result.exit_code == 0
    assert "Example" in result.output


def test_run_writes_sqlite_and_summary(corpus, tmp_path):
    db = tmp_path / "out.sqlite"
    result = invoke("run", corpus, "--out", db)
    assert result.exit_code == 0, result.output
    lines = dict(line.split(None, 1) for line in result.output.splitlines())
    assert lines["articles"].strip() == "2"
    assert lines["errors"].strip() == "0"
    assert int(lines["quantities"].replace(",", "")) >= 4
    counts = table_counts(db)
    assert counts["articles"] == 2 and counts["runs"] == 1 and counts["errors"] == 0
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT a.text, q.start_char, q.end_char, q.text, q.value, q.unit FROM quantities q "
                        "JOIN articles a USING (article_id) WHERE a.article_id = 'tech/20250701-tokens'").fetchall()
    assert ("5.86万亿元", 5.86e12, "CNY") in [(r[3], r[4], r[5]) for r in rows]
    for text, start, end, span, _, _ in rows:
        assert text[start:end] == span
    assert conn.execute("SELECT date FROM articles WHERE article_id = '20250702-gbk'").fetchone() == ("2025-07-02",)


def test_facts_keep_their_sentence(corpus, tmp_path):
    db = tmp_path / "out.sqlite"
    invoke("run", corpus, "--out", db)
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT f.text, f.sentence, f.sentence_start, f.sentence_end, a.text FROM facts f "
                        "JOIN articles a USING (article_id) WHERE f.article_id = 'tech/20250701-tokens'").fetchall()
    sentences = {text: sentence for text, sentence, *_ in rows}
    assert sentences["30万亿"] == "本报北京6月30日电 截至2025年6月底，中国日均Token消耗量已经突破30万亿。"
    assert sentences["17%"] == "今年上半年，全国数据产业规模达5.86万亿元，同比增长17%。"
    for _, sentence, start, end, text in rows:
        assert text[start:end] == sentence


def test_a_database_from_before_sentences_is_brought_up_to_date(corpus, tmp_path):
    db = tmp_path / "old.sqlite"
    conn = sqlite3.connect(db)
    from pipeline.io.sinks import SCHEMA
    old = SCHEMA.replace(
        "time_from   TEXT, time_to TEXT, -- the time role's normalised range\n"
        "    sentence_start INTEGER, sentence_end INTEGER  -- the sentence the roles were read from (ANNOTATION.md §6)",
        "time_from   TEXT, time_to TEXT").replace("q.start_char, q.end_char, q.sentence_start, q.sentence_end,\n"
        "           substr(a.text, q.sentence_start + 1, q.sentence_end - q.sentence_start) AS sentence",
        "q.start_char, q.end_char")
    assert "sentence" not in old
    conn.executescript(old)
    conn.close()
    result = invoke("run", corpus, "--out", db)
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM facts WHERE sentence IS NOT NULL").fetchone()[0] >= 4


def test_rerun_is_idempotent(corpus, tmp_path):
    db = tmp_path / "out.sqlite"
    invoke("run", corpus, "--out", db)
    first = table_counts(db)
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    invoke("run", corpus, "--out", db)
    invoke("run", corpus, "--out", db)
    second = table_counts(db)
    assert second == {**first, "errors": 1}
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT finished_at IS NOT NULL, articles, skipped FROM runs").fetchall() == [(1, 2, 1)]


def test_skipped_inputs_are_listed_recorded_and_set_the_exit_code(corpus, tmp_path):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    db = tmp_path / "out.sqlite"
    result = invoke("run", corpus, "--out", db)
    assert result.exit_code == 3
    assert f"skipped: {corpus / 'binary.txt'}: binary file (contains NUL bytes)" in result.output
    assert f"skipped: {corpus / 'empty.txt'}: empty file" in result.output
    conn = sqlite3.connect(db)
    assert sorted(conn.execute("SELECT article_id, reason FROM errors")) == [
        ("binary", "binary file (contains NUL bytes)"), ("empty", "empty file")]
    assert conn.execute("SELECT count(*) FROM articles").fetchone() == (2,)


def test_missing_input_is_one_line_error(tmp_path):
    result = invoke("run", tmp_path / "nope", "--out", tmp_path / "x.sqlite")
    assert result.exit_code == 1
    assert result.output == f"Error: input not found: {tmp_path / 'nope'}\n"
    assert not (tmp_path / "x.sqlite").exists()


def test_empty_folder_is_one_line_error(tmp_path):
    (tmp_path / "empty").mkdir()
    result = invoke("run", tmp_path / "empty", "--out", tmp_path / "x.sqlite")
    assert result.exit_code == 1
    assert result.output == f"Error: no .txt, .md, .jsonl or .jsonl.gz files in {tmp_path / 'empty'}\n"


def test_bad_date_is_a_usage_error(corpus):
    result = invoke("run", corpus, "--date", "2025/07/01")
    assert result.exit_code == 2
    assert "'2025/07/01' is not a date in the form YYYY-MM-DD" in result.output


def test_jsonl_output_is_annotation_format(corpus, tmp_path):
    out = tmp_path / "pred.jsonl"
    (corpus / "empty.txt").write_bytes(b"")
    result = invoke("run", corpus, "--out", out)
    assert result.exit_code == 3
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["20250702-gbk", "tech/20250701-tokens"]
    assert all(r["version"] == 1 and r["text"] == ARTICLE for r in records)
    errors = [json.loads(line) for line in (tmp_path / "pred.errors.jsonl").read_text().splitlines()]
    assert errors == [{"path": str(corpus / "empty.txt"), "article_id": "empty", "reason": "empty file"}]


def test_stdout_output(corpus):
    result = CliRunner().invoke(cli, ["run", str(corpus), "--out", "-", "-q"])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 2


def test_show_marks_spans_without_colour(corpus):
    result = invoke("show", corpus / "tech" / "20250701-tokens.txt", "--no-color")
    assert result.exit_code == 0
    assert "{2025年6月底}" in result.output or "{2025年6月}" in result.output
    assert "<5.86万亿元>" in result.output
    assert "5.86万亿元\t= 5860000000000.0 CNY (MONEY, level)" in result.output


def test_show_unknown_id(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "增长5%"}) + "\n", encoding="utf-8")
    result = invoke("show", path, "--id", "b")
    assert result.exit_code == 1
    assert result.output == f"Error: no article with id 'b' in {path}\n"


def test_two_workers_write_the_same_rows(corpus, tmp_path):
    one, two = tmp_path / "one.sqlite", tmp_path / "two.sqlite"
    assert invoke("run", corpus, "--out", one, "-q").exit_code == 0
    assert invoke("run", corpus, "--out", two, "-q", "-j", "2").exit_code == 0
    query = "SELECT quantity_id, text, value, unit, subject, metric, time FROM quantities ORDER BY quantity_id"
    assert sqlite3.connect(one).execute(query).fetchall() == sqlite3.connect(two).execute(query).fetchall()


def test_missing_model_is_one_line_error_before_any_output(corpus, tmp_path):
    config = tmp_path / "run.toml"
    config.write_text(f'[newsfacts]\nner_model = "{tmp_path / "no-model"}"\n', encoding="utf-8")
    out = tmp_path / "x.sqlite"
    result = invoke("run", corpus, "--out", out, "--config", config)
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: [NER-E001] No trained NER model at {tmp_path / 'no-model'}")
    assert "newsfacts train ner" in result.output
    assert not out.exists()
