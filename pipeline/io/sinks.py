"""Where records go: an embedded SQLite database (default) or ANNOTATION-format JSONL.

Writes are idempotent: every row has a deterministic id (a hash of what identifies it), an article's rows
are replaced as a whole, and a run's id is a hash of its input, configuration and version, so running
twice on the same input leaves the same rows.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import sqlite3
import sys
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import IO, List, Optional, Tuple

from ..facts import sentence_bounds
from ..model import Article
from .reader import Skipped

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    run_id      TEXT PRIMARY KEY,   -- hash of input path, configuration and version
    input       TEXT NOT NULL,
    version     TEXT NOT NULL,
    config      TEXT NOT NULL,      -- the resolved configuration, JSON
    started_at  TEXT,
    finished_at TEXT,
    articles    INTEGER, skipped INTEGER, entities INTEGER, times INTEGER, quantities INTEGER, facts INTEGER,
    chars       INTEGER,
    elapsed_s   REAL
);
CREATE TABLE IF NOT EXISTS articles (
    article_id  TEXT PRIMARY KEY,   -- path relative to the input root without extension, or the JSONL id
    run_id      TEXT NOT NULL REFERENCES runs(run_id),
    source      TEXT,
    date        TEXT,               -- publication date, ISO
    text_sha256 TEXT NOT NULL,
    chars       INTEGER NOT NULL,
    text        TEXT NOT NULL       -- canonical text; every start_char/end_char below indexes into it
);
CREATE TABLE IF NOT EXISTS entities (
    entity_id   TEXT PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles(article_id),
    start_char  INTEGER NOT NULL, end_char INTEGER NOT NULL,
    label       TEXT NOT NULL,      -- PERSON, ORG, LOC, PRODUCT
    text        TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS times (
    time_id     TEXT PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles(article_id),
    start_char  INTEGER NOT NULL, end_char INTEGER NOT NULL,
    text        TEXT NOT NULL,
    type        TEXT NOT NULL,      -- DATE or DURATION
    date_from   TEXT, date_to TEXT, -- inclusive ISO dates (DATE)
    duration    TEXT                -- ISO 8601 duration (DURATION)
);
CREATE TABLE IF NOT EXISTS quantities (
    quantity_id TEXT PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles(article_id),
    start_char  INTEGER NOT NULL, end_char INTEGER NOT NULL,
    text        TEXT NOT NULL,
    value       REAL, min REAL, max REAL,   -- value in the unit's base; min/max for ranges
    unit        TEXT NOT NULL,      -- CNY, USD, %, pp, x, fraction, km, t, 家, CNY/股, '' ...
    kind        TEXT NOT NULL,      -- MONEY, PERCENT, PERCENT_POINT, MULTIPLE, FRACTION, MEASURE, COUNT, CARDINAL
    qualifier   TEXT NOT NULL,      -- = ~ > >= < <= range
    change      TEXT NOT NULL,      -- level, increase, decrease
    subject_start INTEGER, subject_end INTEGER, subject TEXT,
    metric_start  INTEGER, metric_end  INTEGER, metric  TEXT,
    time_start    INTEGER, time_end    INTEGER, time    TEXT,
    time_from   TEXT, time_to TEXT, -- the time role's normalised range
    sentence_start INTEGER, sentence_end INTEGER  -- the sentence the roles were read from (ANNOTATION.md §6)
);
CREATE TABLE IF NOT EXISTS errors (
    error_id    TEXT PRIMARY KEY,
    run_id      TEXT NOT NULL REFERENCES runs(run_id),
    path        TEXT NOT NULL,
    article_id  TEXT,
    reason      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entities_article ON entities(article_id);
CREATE INDEX IF NOT EXISTS times_article ON times(article_id);
CREATE INDEX IF NOT EXISTS quantities_article ON quantities(article_id);
CREATE VIEW IF NOT EXISTS facts AS
    SELECT q.quantity_id, q.article_id, a.date AS article_date, q.subject, q.metric, q.value, q.min, q.max,
           q.unit, q.kind, q.qualifier, q.change, q.time, q.time_from, q.time_to, q.text,
           q.start_char, q.end_char, q.sentence_start, q.sentence_end,
           substr(a.text, q.sentence_start + 1, q.sentence_end - q.sentence_start) AS sentence
    FROM quantities q JOIN articles a USING (article_id)
    WHERE q.subject IS NOT NULL OR q.metric IS NOT NULL;
"""


def stable_id(*parts: object) -> str:
    """A short deterministic id: the hash of the parts' JSON."""
    return hashlib.sha1(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class RunInfo:
    """What identifies a run: its input, resolved configuration and version."""

    input: str
    config_json: str
    version: str

    @property
    def run_id(self) -> str:
        return stable_id(self.input, self.config_json, self.version)


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def is_fact(quantity) -> bool:
    """A quantity counts as a fact record when it has a subject or a metric."""
    return quantity.subject is not None or quantity.metric is not None


class SQLiteSink:
    """Writes runs, articles, entities, times, quantities (the facts) and errors to SQLite."""

    def __init__(self, path: os.PathLike, *, batch_size: int = 200) -> None:
        self.path = Path(path)
        self.batch_size = batch_size
        self._conn = sqlite3.connect(str(self.path))
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.executescript(SCHEMA)
        _add_sentence_columns(self._conn)
        self._pending: List[Article] = []
        self._run: Optional[RunInfo] = None

    def start(self, run: RunInfo) -> None:
        self._run = run
        with self._conn:
            self._conn.execute(
                "INSERT INTO runs (run_id, input, version, config, started_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(run_id) DO UPDATE SET started_at = excluded.started_at, finished_at = NULL",
                (run.run_id, run.input, run.version, run.config_json, _now()))
            # A re-run records its own errors afresh.
            self._conn.execute("DELETE FROM errors WHERE run_id = ?", (run.run_id,))

    def write(self, article: Article) -> None:
        self._pending.append(article)
        if len(self._pending) >= self.batch_size:
            self.flush()

    def skip(self, skipped: Skipped) -> None:
        with self._conn:
            self._conn.execute(
                "INSERT INTO errors (error_id, run_id, path, article_id, reason) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(error_id) DO UPDATE SET reason = excluded.reason",
                (stable_id(self._run.run_id, skipped.path, skipped.article_id), self._run.run_id,
                 skipped.path, skipped.article_id, skipped.reason))

    def flush(self) -> None:
        if not self._pending:
            return
        with self._conn:  # one transaction per batch
            for article in self._pending:
                self._write_article(article)
        self._pending.clear()

    def _write_article(self, article: Article) -> None:
        aid = article.id
        cur = self._conn
        for table in ("entities", "times", "quantities"):
            cur.execute(f"DELETE FROM {table} WHERE article_id = ?", (aid,))
        cur.execute(
            "INSERT INTO articles (article_id, run_id, source, date, text_sha256, chars, text) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(article_id) DO UPDATE SET run_id = excluded.run_id, "
            "source = excluded.source, date = excluded.date, text_sha256 = excluded.text_sha256, "
            "chars = excluded.chars, text = excluded.text",
            (aid, self._run.run_id, article.source, article.date, article.sha256, len(article.text), article.text))
        text = article.text
        cur.executemany(
            "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?)",
            [(stable_id(aid, e.start, e.end, e.label), aid, e.start, e.end, e.label, text[e.start:e.end])
             for e in article.entities])
        cur.executemany(
            "INSERT INTO times VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(stable_id(aid, t.start, t.end, t.type), aid, t.start, t.end, text[t.start:t.end], t.type,
              t.date_from, t.date_to, t.duration) for t in article.times])
        times = {t.span: t for t in article.times}
        sentences = sentence_bounds(text)
        starts = [s for s, _ in sentences]
        rows = []
        for q in article.quantities:
            role_time = times.get(q.time) if q.time else None
            sentence = _stripped(text, *sentences[bisect_right(starts, q.start) - 1]) if sentences \
                else (0, len(text))
            rows.append((stable_id(aid, q.start, q.end), aid, q.start, q.end, text[q.start:q.end],
                         q.value, q.min, q.max, q.unit, q.kind, q.qualifier, q.change,
                         *_role(text, q.subject), *_role(text, q.metric), *_role(text, q.time),
                         role_time.date_from if role_time else None, role_time.date_to if role_time else None,
                         *sentence))
        if rows:
            cur.executemany(f"INSERT INTO quantities VALUES ({', '.join('?' * len(rows[0]))})", rows)

    def finish(self, summary) -> None:
        self.flush()
        with self._conn:
            self._conn.execute(
                "UPDATE runs SET finished_at = ?, articles = ?, skipped = ?, entities = ?, times = ?, "
                "quantities = ?, facts = ?, chars = ?, elapsed_s = ? WHERE run_id = ?",
                (_now(), summary.articles, len(summary.skipped), summary.entities, summary.times,
                 summary.quantities, summary.facts, summary.chars, round(summary.elapsed, 3), self._run.run_id))

    def close(self) -> None:
        """Close the database; rows of a batch not yet flushed (after a failure) are not written."""
        self._pending.clear()
        self._conn.close()


def _stripped(text: str, start: int, end: int) -> Tuple[int, int]:
    """The sentence without the indentation before it and the line break after it."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _add_sentence_columns(conn: sqlite3.Connection) -> None:
    """Bring a database written before facts kept their sentence up to date: the two columns (NULL for old
    rows until their articles are written again) and the facts view that shows the sentence."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(quantities)")}
    if "sentence_start" in columns:
        return
    with conn:
        conn.execute("ALTER TABLE quantities ADD COLUMN sentence_start INTEGER")
        conn.execute("ALTER TABLE quantities ADD COLUMN sentence_end INTEGER")
        conn.execute("DROP VIEW IF EXISTS facts")
    conn.executescript(SCHEMA)


def _role(text: str, span: Optional[Tuple[int, int]]):
    if span is None:
        return (None, None, None)
    return (span[0], span[1], text[span[0]:span[1]])


class JSONLSink:
    """ANNOTATION-format JSONL, one article per line (a prediction file for ``newsfacts eval``).

    Skipped inputs go to ``<name>.errors.jsonl`` beside the output (none for standard output, where the
    run summary lists them).
    """

    def __init__(self, path: str, *, stream: Optional[IO[str]] = None) -> None:
        self.path = path
        self._stream = stream if stream is not None else (
            sys.stdout if path == "-" else open(path, "w", encoding="utf-8"))
        self._errors: List[Skipped] = []

    def start(self, run: RunInfo) -> None:
        self._run = run

    def write(self, article: Article) -> None:
        self._stream.write(article.to_jsonl() + "\n")

    def skip(self, skipped: Skipped) -> None:
        self._errors.append(skipped)

    def finish(self, summary) -> None:
        self._stream.flush()
        if self.path != "-":
            errors_path = Path(_errors_path(self.path))
            if self._errors:
                with open(errors_path, "w", encoding="utf-8") as out:
                    for s in self._errors:
                        out.write(json.dumps({"path": s.path, "article_id": s.article_id, "reason": s.reason},
                                             ensure_ascii=False) + "\n")
            elif errors_path.exists():
                errors_path.unlink()

    def close(self) -> None:
        if self._stream not in (sys.stdout,) and not self._stream.closed and self.path != "-":
            self._stream.close()


def _errors_path(path: str) -> str:
    base = path[:-len(".jsonl")] if path.endswith(".jsonl") else path
    return base + ".errors.jsonl"


def open_sink(out: str):
    """The sink an ``--out`` value names: ``-`` or ``*.jsonl`` for JSONL, anything else SQLite."""
    if out == "-" or out.endswith(".jsonl"):
        return JSONLSink(out)
    return SQLiteSink(out)
