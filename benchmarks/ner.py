"""Throughput of the NER stage (models/ner-zh + rules) on People's Daily articles, on one core.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/ner.py --articles 1000
    python benchmarks/ner.py --corpus-root ../shared/data --no-rules

Prints characters per second by wall clock and by process CPU time (the second is steadier on a shared
machine). Target (issue 6): >= 40,000 chars/s.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import gzip  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.ner import DEFAULT_MODEL_DIR, EntityRecognizer  # noqa: E402

CORPUS = "peoples-daily-2019-2020/articles.jsonl.gz"


def read_articles(corpus_root: Path, limit: int, skip: int = 0) -> list:
    texts = []
    with gzip.open(corpus_root / CORPUS, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number < skip:
                continue
            if len(texts) >= limit:
                break
            texts.append(json.loads(line)["text"])
    return texts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus-root", type=Path,
                        default=Path(os.environ.get("NEWSFACTS_DATA", ROOT.parent / "shared" / "data")))
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL_DIR)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--no-rules", action="store_true", help="the statistical model alone")
    parser.add_argument("--ops", action="store_true",
                        help="compare the model's matrix products by numpy (MatmulOps, the default) with thinc's "
                             "own NumpyOps (blis), alternated three times in this process; prints the ratio")
    parser.add_argument("--against", type=Path, metavar="MODEL_DIR",
                        help="compare --model with this model (e.g. models/ner-zh), alternated three times in this "
                             "process; prints the speed ratio")
    args = parser.parse_args(argv)
    if not (args.corpus_root / CORPUS).is_file():
        print(f"corpus not found: {args.corpus_root / CORPUS} (set --corpus-root or NEWSFACTS_DATA)")
        return 2
    recognizer = EntityRecognizer(args.model, use_rules=not args.no_rules)
    list(recognizer.extract_many(read_articles(args.corpus_root, 20, skip=5000)))   # warm up, other articles
    texts = read_articles(args.corpus_root, args.articles)
    if args.ops:
        return compare_ops(recognizer, args, texts)
    if args.against:
        other = EntityRecognizer(args.against, use_rules=not args.no_rules)
        list(other.extract_many(read_articles(args.corpus_root, 20, skip=5000)))
        alternate({"model": recognizer, "against": other}, texts)
        return 0
    chars = sum(map(len, texts))
    wall, cpu = time.perf_counter(), time.process_time()
    entities = sum(len(found) for found in recognizer.extract_many(texts))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles {len(texts)}  chars {chars}  entities {entities}  rules {'off' if args.no_rules else 'on'}")
    print(f"wall {wall:.1f} s  {chars / wall:,.0f} chars/s   cpu {cpu:.1f} s  {chars / cpu:,.0f} chars/s   "
          f"peak RSS {peak:.0f} MB")
    return 0


def alternate(recognizers: dict, texts: list) -> dict:
    """Process CPU time of two recognisers on the same texts, alternated three times; prints chars/s per run
    and the speed ratio of the first to the second per round; returns each one's entities."""
    chars = sum(map(len, texts))
    times = {name: [] for name in recognizers}
    outputs = {}
    for _ in range(3):
        for name, rec in recognizers.items():
            cpu = time.process_time()
            outputs[name] = list(rec.extract_many(texts))
            times[name].append(time.process_time() - cpu)
    for name, runs in times.items():
        print(f"{name:8s} cpu " + "  ".join(f"{chars / t:,.0f}" for t in runs) + " chars/s")
    first, second = times
    ratios = [b / a for a, b in zip(times[first], times[second])]
    print(f"speed ratio {first}/{second} per round: " + "  ".join(f"{r:.2f}" for r in ratios))
    return outputs


def compare_ops(recognizer: EntityRecognizer, args, texts: list) -> int:
    """The same recogniser with MatmulOps (the default) and with thinc's NumpyOps, alternated."""
    from thinc.api import NumpyOps

    from pipeline.ner import MatmulOps, use_ops

    baseline = EntityRecognizer(args.model, use_rules=not args.no_rules)
    use_ops(baseline.nlp, NumpyOps())
    assert all(isinstance(node.ops, MatmulOps) for _, p in recognizer.nlp.pipeline for node in p.model.walk())
    list(baseline.extract_many(read_articles(args.corpus_root, 20, skip=5000)))
    outputs = alternate({"matmul": recognizer, "thinc": baseline}, texts)
    same = sum(a == b for a, b in zip(outputs["thinc"], outputs["matmul"]))
    print(f"articles with identical entities: {same} / {len(texts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
