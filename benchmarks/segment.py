"""Segmentation speed: characters per second of our segmenter and of jieba's default cut, in one run.

    python benchmarks/segment.py [--corpus-root ../shared/data] [--lines 20000]

Both read the same People's Daily 2019-2020 lines (already in memory); dictionaries are loaded before the
clock starts. Target: ours ≥ 0.6 × jieba's speed.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.dictionary import ARTICLES, iter_article_lines  # noqa: E402
from pipeline.segment import NEWS_DICTIONARY, Segmenter  # noqa: E402


def chars_per_second(cut, lines) -> float:
    start = time.perf_counter()
    for line in lines:
        cut(line)
    return sum(map(len, lines)) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus-root", default=os.environ.get("NEWSFACTS_DATA") or str(REPO.parent / "shared" / "data"))
    parser.add_argument("--lines", type=int, default=20000, help="corpus lines to segment (0: all)")
    args = parser.parse_args()
    lines = list(iter_article_lines(Path(args.corpus_root) / ARTICLES, args.lines or None))
    ours = Segmenter(dictionary=NEWS_DICTIONARY)
    jieba_default = Segmenter(rules=False)
    ours.initialize()
    jieba_default.initialize()
    ours.cut(lines[0])
    jieba_default.cut(lines[0])
    # alternate the two so that machine load affects both alike
    results = {"newsfacts": [], "jieba-default": []}
    for _ in range(2):
        results["jieba-default"].append(chars_per_second(jieba_default.cut, lines))
        results["newsfacts"].append(chars_per_second(ours.cut, lines))
    best = {name: max(v) for name, v in results.items()}
    print(f"{len(lines):,} lines, {sum(map(len, lines)):,} chars")
    for name, cps in best.items():
        print(f"{name:<14}{cps:>12,.0f} chars/s")
    ratio = best["newsfacts"] / best["jieba-default"]
    print(f"ratio         {ratio:>12.2f}  (target >= 0.60)")


if __name__ == "__main__":
    main()
