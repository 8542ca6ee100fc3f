import codecs
import gzip
import json

import pytest

from pipeline.io.reader import (DecodeError, InputError, Skipped, canonical_text, date_from_dateline,
                                date_from_name, decode_bytes, read_inputs, read_text_file)

SIMPLIFIED = "本报北京6月30日电 今年前三季度，青州市规模以上工业企业实现利润总额4.5亿元，同比增长3.2%。\n"
TRADITIONAL = "本報台北電 今年前三季度，全臺上市公司營收達新臺幣三十兆元，年增百分之五點六。\n"


@pytest.mark.parametrize("encoding, text, raw_prefix", [
    ("utf-8", SIMPLIFIED, b""),
    ("utf-8-sig", SIMPLIFIED, b""),
    ("gb18030", SIMPLIFIED, b""),
    ("gbk", SIMPLIFIED, b""),
    ("big5", TRADITIONAL, b""),
    ("utf-16", SIMPLIFIED, b""),           # Python writes a BOM (little-endian here)
    ("utf-16-be", SIMPLIFIED, codecs.BOM_UTF16_BE),
    ("utf-16-le", SIMPLIFIED, codecs.BOM_UTF16_LE),
])
def test_each_encoding_decodes_to_the_same_text(tmp_path, encoding, text, raw_prefix):
    path = tmp_path / "a.txt"
    path.write_bytes(raw_prefix + text.encode(encoding))
    decoded, _ = read_text_file(path)
    assert decoded == text


def test_gbk_short_file_is_not_mistaken_for_another_code_page():
    raw = "中国人民银行".encode("gbk")
    assert decode_bytes(raw)[0] == "中国人民银行"


def test_canonical_text_folds_line_breaks_only():
    assert canonical_text("一\r\n二\r三\n　四 ５％") == "一\n二\n三\n　四 ５％"


def test_crlf_file_becomes_canonical(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("第一行\r\n第二行\r第三行".encode("gb18030"))
    assert read_text_file(path)[0] == "第一行\n第二行\n第三行"


@pytest.mark.parametrize("raw, reason", [
    (b"", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary"),
    (bytes(range(128, 256)) * 20, "mojibake|not decodable|not valid|binary"),
    (SIMPLIFIED.encode("utf-8") + "营收增长百分之五".encode("gbk") + SIMPLIFIED.encode("utf-8"),
     "mojibake|not decodable|not valid|binary"),
    (codecs.BOM_UTF8 + b"\xff\xfe\xfd", "utf-8-sig"),
])
def test_bad_bytes_give_a_reason(raw, reason):
    with pytest.raises(DecodeError, match=reason):
        decode_bytes(raw)


def test_whitespace_only_file_is_empty(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \r\n\n\t")
    with pytest.raises(DecodeError, match="empty"):
        read_text_file(path)


def test_huge_file_is_refused_by_size(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes("增长".encode() * 1000)
    with pytest.raises(DecodeError, match="over the limit"):
        read_text_file(path, max_bytes=100)


def test_folder_reading_ids_dates_and_skips(tmp_path):
    (tmp_path / "economy").mkdir()
    (tmp_path / "economy" / "20250701-trade.txt").write_text("外贸增长5%。", encoding="utf-8")
    (tmp_path / "2025-03-02-energy.md").write_bytes("发电量增长".encode("gb18030"))
    (tmp_path / "dateline.txt").write_text("2024年10月8日 新华社电 消费回暖。", encoding="utf-8")
    (tmp_path / "nodate.txt").write_text("没有日期的文章。", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00")  # not an input type: ignored
    (tmp_path / ".hidden.txt").write_text("隐藏", encoding="utf-8")
    items = list(read_inputs(tmp_path, default_date="2025-01-01"))
    articles = {a.id: a for a in items if not isinstance(a, Skipped)}
    skipped = [s for s in items if isinstance(s, Skipped)]
    assert set(articles) == {"economy/20250701-trade", "2025-03-02-energy", "dateline", "nodate"}
    assert articles["economy/20250701-trade"].date == "2025-07-01"
    assert articles["2025-03-02-energy"].date == "2025-03-02"
    assert articles["2025-03-02-energy"].text == "发电量增长"
    assert articles["dateline"].date == "2024-10-08"
    assert articles["nodate"].date == "2025-01-01"
    assert articles["economy/20250701-trade"].source == "economy/20250701-trade.txt"
    assert [(s.article_id, s.reason) for s in skipped] == [("empty", "empty file")]


@pytest.mark.parametrize("name, expected", [
    ("20250701-ai.txt", "2025-07-01"), ("2025-07-01.txt", "2025-07-01"), ("a_20191231_b.md", "2019-12-31"),
    ("20251399-x.txt", None), ("123456789.txt", None), ("report.txt", None),
])
def test_date_from_name(name, expected):
    assert date_from_name(name) == expected


def test_dateline_only_near_the_top():
    assert date_from_dateline("（2025年6月30日）新华社电") == "2025-06-30"
    assert date_from_dateline("正文" * 200 + "2025年6月30日") is None
    assert date_from_dateline("2025年2月30日") is None


def test_jsonl_and_gzip_records(tmp_path):
    records = [{"id": "pd-1", "date": "2020-01-18", "text": "一\r\n二"},
               {"id": "pd-2", "date": None, "text": "2019年10月1日 国庆"},
               {"id": "pd-1", "date": None, "text": "重复"},
               {"id": "pd-3", "text": ""},
               {"id": "pd-4"}]
    lines = [json.dumps(r, ensure_ascii=False) for r in records] + ["{not json", ""]
    path = tmp_path / "c.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    items = list(read_inputs(path))
    articles = [i for i in items if not isinstance(i, Skipped)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [(a.id, a.date, a.text) for a in articles] == [("pd-1", "2020-01-18", "一\n二"),
                                                          ("pd-2", "2019-10-01", "2019年10月1日 国庆")]
    assert [s.reason for s in skipped] == ["duplicate id 'pd-1'", "empty text", "line 5 has no string field 'text'",
                                           "line 6 is not a JSON record (JSONDecodeError)"]


def test_truncated_gzip_is_recorded_not_raised(tmp_path):
    path = tmp_path / "t.jsonl.gz"
    data = gzip.compress(("\n".join(json.dumps({"id": str(i), "text": "文本" * 50}) for i in range(200))).encode())
    path.write_bytes(data[: len(data) // 2])
    items = list(read_inputs(path))
    assert isinstance(items[-1], Skipped) and "cannot read the rest" in items[-1].reason
    assert any(not isinstance(i, Skipped) for i in items)


@pytest.mark.parametrize("setup, message", [
    (lambda p: p / "missing", "input not found"),
    (lambda p: p, "no .txt, .md, .jsonl or .jsonl.gz files"),
])
def test_missing_or_empty_input_raises_at_once(tmp_path, setup, message):
    with pytest.raises(InputError, match=message):
        read_inputs(setup(tmp_path))


def test_unknown_file_type_is_refused(tmp_path):
    path = tmp_path / "a.pdf"
    path.write_bytes(b"%PDF")
    with pytest.raises(InputError, match="not a .txt"):
        read_inputs(path)
