"""Throughput of quantity and time extraction on People's Daily text, beside a plain regex baseline.

Usage: python benchmarks/numbers_speed.py [CORPUS] [--limit N]

CORPUS is a JSONL(.gz) file with ``text`` and ``date`` per line (default: the shared People's Daily
2019-2020 corpus). Prints characters per second on one core for a bare ``re.findall(r"\\d+", text)`` pass
and for extract_quantities + extract_times, so the ratio between them is meaningful on any machine.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.io.reader import read_jsonl_corpus  # noqa: E402
from pipeline.model import Article  # noqa: E402
from pipeline.numbers import extract_quantities, extract_times  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared/data/peoples-daily-2019-2020/articles.jsonl.gz"
_DIGITS = re.compile(r"\d+")


def load(path: Path, limit: int):
    """(text, date) of the corpus articles, read by the pipeline's own JSONL reader."""
    articles = []
    for item in read_jsonl_corpus(path):
        if isinstance(item, Article):
            articles.append((item.text, item.date))
            if limit and len(articles) >= limit:
                break
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="read at most N articles (0: all)")
    args = parser.parse_args()
    articles = load(args.corpus, args.limit)
    chars = sum(len(text) for text, _ in articles)

    start = time.perf_counter()
    for text, _ in articles:
        _DIGITS.findall(text)
    baseline = time.perf_counter() - start

    start = time.perf_counter()
    quantities = times = 0
    for text, date in articles:
        quantities += len(extract_quantities(text))
        times += len(extract_times(text, date))
    elapsed = time.perf_counter() - start

    print(f"corpus: {args.corpus} ({len(articles)} articles, {chars:,} characters)")
    print(f"baseline re.findall(r'\\d+'): {chars / baseline:,.0f} chars/s")
    print(f"extract_quantities + extract_times: {chars / elapsed:,.0f} chars/s "
          f"({quantities:,} quantities, {times:,} times; {baseline / elapsed:.3f} of baseline speed)")


if __name__ == "__main__":
    main()
