"""Loading gold (and prediction) files in the ``ANNOTATION.md`` format, inline or stand-off.

A gold path is one ``*.jsonl`` file or a folder of them (not recursive, files in name order). A record with
``text`` is inline; a record without it is stand-off and its text is read from ``corpus_root``:

- ``<folder>/<corpus>.jsonl.gz#<id>`` (or ``.jsonl``): the ``text`` of the record with that ``id`` in a JSONL
  corpus; each corpus file is read once per load call, keeping only the records asked for;
- ``<folder>/<file>.txt`` (any other path): the file's bytes as canonical text (UTF-8 with or without BOM,
  GB18030 or Big5, ``\\r\\n`` and lone ``\\r`` turned into ``\\n``).

Every stand-off text is checked against the record's ``text_sha256``; a mismatch is refused, naming the article.
"""
from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Sequence, Set, Tuple, Union

from ..io.reader import canonical_text, json_lines
from ..model import Article, text_sha256

logger = logging.getLogger(__name__)

PathLike = Union[str, os.PathLike]
#: One gold file or folder, or several.
GoldPaths = Union[PathLike, Sequence[PathLike]]

# Tried in order for a stand-off text file; the text_sha256 decides which decoding is the file's.
TEXT_ENCODINGS = ("utf-8-sig", "gb18030", "big5")


class GoldError(ValueError):
    """A gold or prediction file cannot be loaded; the message names the file, line or article."""


@dataclass(frozen=True)
class _Record:
    path: Path
    line: int
    data: dict

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


def gold_files(path: GoldPaths) -> List[Path]:
    """The ``*.jsonl`` files a gold path names: the file itself, or a folder's files in name order.

    A list or tuple of paths gives the files of each, in the order given.
    """
    if isinstance(path, (list, tuple)):
        return [file for item in path for file in gold_files(item)]
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.glob("*.jsonl") if p.is_file())
        if not files:
            raise GoldError(f"no *.jsonl files in {path}")
        return files
    if path.is_file():
        return [path]
    raise GoldError(f"gold path {path} does not exist")


def _json_lines(file: Path) -> Iterator[Tuple[int, object]]:
    """The records of a JSONL (optionally gzipped) file; a bad line stops the load with its place."""
    for number, data, error in json_lines(file):
        if error is not None:
            reason = error.msg if isinstance(error, json.JSONDecodeError) else "not UTF-8"
            raise GoldError(f"{file}:{number}: not a JSON record ({reason})")
        yield number, data


def _records(files: List[Path]) -> Iterator[_Record]:
    for file in files:
        for number, data in _json_lines(file):
            if not isinstance(data, dict) or "id" not in data:
                raise GoldError(f"{file}:{number}: a record must be a JSON object with an 'id'")
            yield _Record(file, number, data)


def _article(record: _Record, text: Optional[str] = None) -> Article:
    data = record.data if text is None else {**record.data, "text": text}  # "text": null counts as absent
    try:
        return Article.from_json(data)
    except (KeyError, TypeError, ValueError) as exc:
        detail = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
        raise GoldError(f"{record.where}: article {record.data.get('id')}: {detail}") from None


def load_articles(path: GoldPaths) -> List[Article]:
    """Articles from a JSONL file or folder as they are, without resolving stand-off text (predictions)."""
    articles = [_article(record) for record in _records(gold_files(path))]
    _check_unique(articles)
    return articles


def load_gold(path: GoldPaths, *, corpus_root: Optional[PathLike] = None) -> List[Article]:
    """Gold articles from a JSONL file or folder, every one with its text (stand-off text from ``corpus_root``)."""
    records = list(_records(gold_files(path)))
    standoff = [r for r in records if r.data.get("text") is None]
    texts = _resolve_texts(standoff, corpus_root) if standoff else {}
    articles = [_article(r, texts.get(id(r))) for r in records]
    _check_unique(articles)
    logger.info("loaded %d gold articles (%d stand-off) from %s", len(articles), len(standoff), path)
    return articles


def _check_unique(articles: List[Article]) -> None:
    seen: Set[str] = set()
    for article in articles:
        if article.id in seen:
            raise GoldError(f"article {article.id} appears more than once; ids must be unique in a gold set")
        seen.add(article.id)


def _resolve_texts(records: List[_Record], corpus_root: Optional[PathLike]) -> Dict[int, str]:
    """Canonical text for each stand-off record, keyed by ``id(record)``."""
    first = records[0]
    if corpus_root is None:
        raise GoldError(f"{first.where}: article {first.data['id']} is stand-off (no text) and needs a corpus "
                        f"root; pass --corpus-root or set NEWSFACTS_DATA")
    root = Path(corpus_root)
    if not root.is_dir():
        raise GoldError(f"corpus root folder {root} is missing; it holds the text of stand-off article "
                        f"{first.data['id']} ({first.data.get('source')}); pass --corpus-root or set NEWSFACTS_DATA")
    for record in records:
        if not record.data.get("source") or not record.data.get("text_sha256"):
            raise GoldError(f"{record.where}: stand-off article {record.data['id']} needs both 'source' and "
                            f"'text_sha256'")

    wanted: Dict[Path, Dict[str, _Record]] = {}
    for record in records:
        file, _, key = record.data["source"].partition("#")
        if key:
            wanted.setdefault(root / file, {}).setdefault(key, record)
    corpora = {file: _read_corpus(file, needed) for file, needed in wanted.items()}

    texts: Dict[int, str] = {}
    for record in records:
        article_id, source, expected = record.data["id"], record.data["source"], record.data["text_sha256"]
        file, _, key = source.partition("#")
        if key:
            text = corpora[root / file].get(key)
            if text is None:
                raise GoldError(f"{record.where}: article {article_id}: no record with id {key!r} in "
                                f"{root / file}")
            text = canonical_text(text)
            if text_sha256(text) != expected:
                raise _mismatch(record, root)
        else:
            text = _read_text_file(root, file, expected, record)
        texts[id(record)] = text
    return texts


def _mismatch(record: _Record, root: Path) -> GoldError:
    return GoldError(
        f"{record.where}: article {record.data['id']}: the text of {record.data['source']} under {root} does not "
        f"match its text_sha256; the corpus file differs from the one the gold was written on")


def _read_corpus(file: Path, needed: Dict[str, _Record]) -> Dict[str, str]:
    """The texts of the ``needed`` records (by corpus id) in a JSONL (optionally gzipped) file, read once."""
    if not file.is_file():
        first = next(iter(needed.values()))
        raise GoldError(f"{first.where}: article {first.data['id']}: corpus file {file} is missing (named by its "
                        f"source {first.data['source']})")
    found: Dict[str, str] = {}
    for _number, data in _json_lines(file):
        if isinstance(data, dict) and data.get("id") in needed:
            found[data["id"]] = data.get("text", "")
            if len(found) == len(needed):
                break
    return found


def _read_text_file(root: Path, name: str, expected: str, record: _Record) -> str:
    file = root / name
    if not file.is_file():
        raise GoldError(f"{record.where}: article {record.data['id']}: corpus file {file} is missing")
    raw = file.read_bytes()
    for encoding in TEXT_ENCODINGS:
        try:
            text = canonical_text(raw.decode(encoding))
        except UnicodeDecodeError:
            continue
        if text_sha256(text) == expected:
            return text
    raise _mismatch(record, root)


def validate_gold(article: Article) -> List[str]:
    """Breaches of ANNOTATION.md rules the data model cannot check alone; an empty list when consistent.

    No nested or overlapping entities, quantities or times; no quantity overlapping a time; role spans inside
    the text; a ``time`` role that is also in ``times``; ``value`` null exactly for a range (``min``/``max``)
    and qualifier ``range`` exactly then; ``from`` not after ``to``.
    """
    problems: List[str] = []
    text_length = len(article.text) if article.text is not None else None

    def shown(span) -> str:
        covered = article.span_text(span)
        return f"[{span[0]}, {span[1]})" + (f" {covered}" if covered is not None else "")

    for layer, items in (("entities", article.entities), ("times", article.times),
                         ("quantities", article.quantities)):
        ordered = sorted(items, key=lambda x: (x.start, x.end))
        for a, b in zip(ordered, ordered[1:]):
            if b.start < a.end:
                problems.append(f"{layer} overlap: {shown(a.span)} and {shown(b.span)}")
    for t in article.times:
        for q in article.quantities:
            if q.start < t.end and t.start < q.end:
                problems.append(f"quantity {shown(q.span)} overlaps time {shown(t.span)}")
        if t.date_from and t.date_to and t.date_from > t.date_to:
            problems.append(f"time {shown(t.span)}: from {t.date_from} is after to {t.date_to}")
    time_spans = {t.span for t in article.times}
    for q in article.quantities:
        for role in ("subject", "metric", "time"):
            span = getattr(q, role)
            if span is not None and not (0 <= span[0] < span[1] and (text_length is None or span[1] <= text_length)):
                problems.append(f"quantity {shown(q.span)}: {role} span {list(span)} is not inside the text")
        if q.time is not None and q.time not in time_spans:
            problems.append(f"quantity {shown(q.span)}: time role {shown(q.time)} is not one of the times")
        is_range = q.min is not None or q.max is not None
        if (q.value is None) != is_range:
            problems.append(f"quantity {shown(q.span)}: value must be null exactly when min/max give a range")
        if (q.qualifier == "range") != is_range:
            problems.append(f"quantity {shown(q.span)}: qualifier 'range' goes with min/max, and only with them")
    return [f"article {article.id}: {p}" for p in problems]
