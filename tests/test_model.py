import json

import pytest

from pipeline.model import Article, Entity, Quantity, TimeExpr, text_sha256

TEXT = "截至2025年6月底，中国日均Token消耗量已经突破30万亿，持续时间1年半。"


def full_article() -> Article:
    return Article(
        id="a/b", text=TEXT, date="2025-07-01", source="samples/a/b.txt",
        entities=[Entity(11, 13, "LOC")],
        times=[TimeExpr(2, 10, "DATE", "2025-06-30", "2025-06-30"), TimeExpr(36, 39, "DURATION", duration="P1.5Y")],
        quantities=[Quantity(27, 31, 3e13, unit="", kind="CARDINAL", qualifier=">", subject=(11, 13),
                             metric=(13, 23), time=(2, 10), change="level"),
                    Quantity(27, 29, None, kind="CARDINAL", qualifier="range", min=20.0, max=30.0)],
    )


def test_json_matches_annotation_form():
    data = full_article().to_json()
    assert list(data) == ["version", "id", "date", "source", "text_sha256", "text", "entities", "times",
                          "quantities"]
    assert data["version"] == 1
    assert data["text_sha256"] == text_sha256(TEXT)
    assert data["entities"] == [{"span": [11, 13], "label": "LOC"}]
    assert data["times"] == [{"span": [2, 10], "type": "DATE", "from": "2025-06-30", "to": "2025-06-30"},
                             {"span": [36, 39], "type": "DURATION", "duration": "P1.5Y"}]
    assert data["quantities"][0] == {"span": [27, 31], "value": 3e13, "min": None, "max": None, "unit": "",
                                     "kind": "CARDINAL", "qualifier": ">", "subject": [11, 13],
                                     "metric": [13, 23], "time": [2, 10], "change": "level"}
    assert data["quantities"][1]["value"] is None and data["quantities"][1]["min"] == 20.0


def test_round_trip_through_jsonl():
    article = full_article()
    assert Article.from_jsonl(article.to_jsonl()) == article


def test_stand_off_round_trip_needs_text_and_checks_hash():
    article = full_article()
    record = json.loads(article.to_jsonl(include_text=False))
    assert "text" not in record
    assert Article.from_json(record, text=TEXT) == article
    with pytest.raises(ValueError, match="text_sha256"):
        Article.from_json(record, text=TEXT + "x")


def test_span_text_and_bounds():
    article = full_article()
    assert article.span_text(article.quantities[0].span) == "30万亿"
    assert article.span_text(article.quantities[0].subject) == "中国"
    with pytest.raises(ValueError, match="past the end"):
        Article(id="x", text="短", entities=[Entity(0, 5, "LOC")])


@pytest.mark.parametrize("make", [
    lambda: Entity(3, 3, "LOC"),
    lambda: Entity(0, 2, "GPE"),
    lambda: TimeExpr(0, 2, "TIME"),
    lambda: Quantity(0, 2, 1.0, kind="NUMBER"),
    lambda: Quantity(0, 2, 1.0, qualifier="about"),
    lambda: Quantity(0, 2, 1.0, change="up"),
])
def test_invalid_records_are_refused(make):
    with pytest.raises(ValueError):
        make()


def test_records_are_frozen():
    with pytest.raises(AttributeError):
        full_article().entities[0].label = "ORG"


def test_unknown_version_is_refused():
    record = full_article().to_json()
    record["version"] = 2
    with pytest.raises(ValueError, match="version 2"):
        Article.from_json(record)
