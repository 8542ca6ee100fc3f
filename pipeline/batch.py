"""Corpus runs: read inputs, annotate each article, hand records and skipped inputs to a sink.

An article whose processing fails is recorded as skipped with the error; the run goes on.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, List, Optional, Union

from . import __version__
from .config import Config
from .io.reader import Skipped, read_inputs
from .io.sinks import RunInfo, is_fact
from .model import Article

logger = logging.getLogger(__name__)


@dataclass
class RunSummary:
    """Counts of one run; ``ok`` is False when any input was skipped or failed."""

    articles: int = 0
    entities: int = 0
    times: int = 0
    quantities: int = 0
    facts: int = 0
    chars: int = 0
    elapsed: float = 0.0
    skipped: List[Skipped] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.skipped

    def add(self, article: Article) -> None:
        self.articles += 1
        self.chars += len(article.text)
        self.entities += len(article.entities)
        self.times += len(article.times)
        self.quantities += len(article.quantities)
        self.facts += sum(1 for q in article.quantities if is_fact(q))


_worker_nlp = None


def _init_worker(config: Config) -> None:
    global _worker_nlp
    from .nlp import build_nlp
    _worker_nlp = build_nlp(config)


def _annotate_or_fail(item: Union[Article, Skipped]) -> Union[Article, Skipped]:
    from .nlp import annotate
    if isinstance(item, Skipped):
        return item
    try:
        return annotate(_worker_nlp, item)
    except Exception as exc:  # one bad article must not end the run; the error is recorded
        logger.exception("article %s failed", item.id)
        return Skipped(item.source or item.id, f"pipeline error: {exc.__class__.__name__}: {exc}", item.id)


def annotate_inputs(items: Iterable[Union[Article, Skipped]], config: Config, *,
                    workers: int = 1) -> Iterator[Union[Article, Skipped]]:
    """Annotated articles (and skipped inputs) in input order, on ``workers`` processes."""
    if workers <= 1:
        _init_worker(config)
        for item in items:
            yield _annotate_or_fail(item)
        return
    ctx = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(config,)) as pool:
        yield from pool.imap(_annotate_or_fail, items, chunksize=8)


def run_corpus(input_path: str, sink, config: Config, *, default_date: Optional[str] = None,
               workers: int = 1, on_progress: Optional[Callable[[RunSummary], None]] = None) -> RunSummary:
    """Process every article under ``input_path`` into ``sink``; returns the run's summary.

    Raises ``InputError`` before anything is written when the input is missing or empty.
    """
    items = read_inputs(input_path, default_date=default_date, max_bytes=config.max_bytes)
    run = RunInfo(input=os.path.abspath(input_path), config_json=config.to_json(), version=__version__)
    summary = RunSummary()
    started = time.perf_counter()
    sink.start(run)
    try:
        for result in annotate_inputs(items, config, workers=workers):
            if isinstance(result, Skipped):
                logger.info("skipped %s: %s", result.path, result.reason)
                summary.skipped.append(result)
                sink.skip(result)
            else:
                summary.add(result)
                sink.write(result)
            if on_progress is not None:
                on_progress(summary)
        summary.elapsed = time.perf_counter() - started
        sink.finish(summary)
    finally:
        sink.close()
    return summary
