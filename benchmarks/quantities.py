"""Quantities and times: our extractor against JioNLP and Recognizers-Text on the gold, plus throughput.

    pip install -e '.[bench]'        # the anchors: jionlp, recognizers-text-suite, emoji<1.0
    .venv/bin/python benchmarks/quantities.py --write docs/benchmarks.md
    .venv/bin/python benchmarks/quantities.py --pd-articles 500 --systems ours,jionlp   # quicker

One run does everything, so every speed is measured on the same machine at the same time:

1. each system over every gold set (corpora/gold: samples inline; pd-part-a, pd-part-b, seed stand-off, read
   from --corpus-root, $NEWSFACTS_DATA or ../shared/data), scored with ``pipeline.evaluation.score_articles``:
   quantity P/R/F (value + unit, the headline), quantity span P/R/F, time P/R/F, time normalisation accuracy;
   per gold set and overall; chars/s of each system over the gold texts;
2. our quantity + time stage alone over the People's Daily 2019-2020 corpus, beside a trivial regex baseline
   (``re.findall(r"\\d+")``), as chars/s by wall clock and by process CPU time.

Prints the Markdown tables; ``--write FILE`` puts them into FILE between the ``<!-- quantities:begin -->`` and
``<!-- quantities:end -->`` markers (the prose around them is kept); ``--json FILE`` saves the raw metrics.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from datetime import date as Date  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Dict, List  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from anchors import _version, systems as build_systems  # noqa: E402
from pipeline.evaluation.gold import load_gold  # noqa: E402
from pipeline.io.reader import read_jsonl_corpus  # noqa: E402
from pipeline.evaluation.scoring import Evaluation, score_articles  # noqa: E402
from pipeline.model import Article  # noqa: E402

GOLD_DIR = ROOT / "corpora" / "gold"
GOLD_SETS = ("samples", "pd-part-a", "pd-part-b", "seed")
PD_CORPUS = "peoples-daily-2019-2020/articles.jsonl.gz"
BEGIN, END = "<!-- quantities:begin -->", "<!-- quantities:end -->"
TARGETS = {"quantities_p": 0.97, "quantities_r": 0.97, "quantities_f": 0.97, "times_f": 0.95,
           "times_norm_acc": 0.95}
ROWS = (("quantities_p", "quantity P (value + unit)"), ("quantities_r", "quantity R (value + unit)"),
        ("quantities_f", "**quantity F (value + unit)**"),
        ("quantities_span_p", "quantity span P"), ("quantities_span_r", "quantity span R"),
        ("quantities_span_f", "quantity span F"),
        ("times_p", "time P"), ("times_r", "time R"), ("times_f", "**time F**"),
        ("times_norm_acc", "**time normalisation accuracy**"))
_DIGITS = re.compile(r"\d+")


def predict(system, gold: List[Article]) -> tuple:
    """The system's predictions for the gold articles, and the seconds it took (wall, CPU)."""
    predicted = []
    wall, cpu = time.perf_counter(), time.process_time()
    for article in gold:
        quantities, times = system(article.text, article.date)
        predicted.append(Article(article.id, article.text, article.date, quantities=quantities, times=times))
    return predicted, time.perf_counter() - wall, time.process_time() - cpu


def read_pd(corpus_root: Path, limit: int) -> list:
    """(text, date) of the People's Daily articles, read by the pipeline's own JSONL reader."""
    articles = []
    for item in read_jsonl_corpus(corpus_root / PD_CORPUS):
        if isinstance(item, Article):
            articles.append((item.text, item.date))
            if limit and len(articles) >= limit:
                break
    return articles


def timed(fn, articles) -> tuple:
    wall, cpu = time.perf_counter(), time.process_time()
    for text, date in articles:
        fn(text, date)
    return time.perf_counter() - wall, time.process_time() - cpu


def _fmt(x: float) -> str:
    return f"{x:.3f}"


def gold_table(title: str, metrics: Dict[str, dict], names: List[str], counts: dict) -> List[str]:
    lines = [f"#### {title} ({counts['articles']} articles, {counts['chars']:,} chars, "
             f"{counts['quantities']} gold quantities, {counts['times']} gold times)", "",
             "| metric | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    for key, label in ROWS:
        values = [metrics[name][key] for name in names]
        best = max(values)
        cells = [(f"**{_fmt(v)}**" if v == best and values.count(best) == 1 else _fmt(v)) for v in values]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    for key, label in (("quantities_tp", "quantities right / predicted"), ("times_tp", "times found / predicted")):
        pred_key = key.replace("_tp", "_pred")
        lines.append(f"| {label} | " + " | ".join(f"{metrics[n][key]} / {metrics[n][pred_key]}" for n in names)
                     + " |")
    if "newsfacts" in names:
        level = [f"{label.strip('*')} ({n} {metrics[n][key]:.3f})" for key, label in ROWS for n in names
                 if n != "newsfacts" and metrics[n][key] >= metrics["newsfacts"][key]]
        lines += ["", "An anchor equals or beats newsfacts on: " + ("; ".join(level) if level else "no row") + "."]
    lines.append("")
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus-root", type=Path,
                        default=Path(os.environ.get("NEWSFACTS_DATA", ROOT.parent / "shared" / "data")))
    parser.add_argument("--systems", default="ours,jionlp,rt,rt+cls",
                        help="comma-separated: ours, jionlp, rt, rt+cls (default: all)")
    parser.add_argument("--pd-articles", type=int, default=0,
                        help="People's Daily articles for the throughput run (0: the whole corpus)")
    parser.add_argument("--write", type=Path, help="put the tables into this Markdown file between the markers")
    parser.add_argument("--json", type=Path, help="save all metrics and timings as JSON")
    args = parser.parse_args(argv)

    systems = build_systems([s.strip() for s in args.systems.split(",") if s.strip()])
    names = [s.name for s in systems]
    for system in systems:
        system.warm_up()

    gold_sets = {name: load_gold(GOLD_DIR / f"{name}.jsonl", corpus_root=args.corpus_root) for name in GOLD_SETS}
    every = [a for articles in gold_sets.values() for a in articles]
    predictions: Dict[str, Dict[str, Article]] = {}
    speed: Dict[str, dict] = {}
    gold_chars = sum(len(a.text) for a in every)
    for system in systems:
        predicted, wall, cpu = predict(system, every)
        predictions[system.name] = {a.id: a for a in predicted}
        speed[system.name] = {"wall_s": wall, "cpu_s": cpu, "chars_per_s": gold_chars / wall,
                              "cpu_chars_per_s": gold_chars / cpu}
        print(f"{system.name}: {gold_chars / wall:,.0f} chars/s over the gold texts", file=sys.stderr)

    results: Dict[str, Dict[str, dict]] = {}
    counts: Dict[str, dict] = {}
    for set_name, articles in [*gold_sets.items(), ("overall", every)]:
        results[set_name] = {}
        counts[set_name] = {"articles": len(articles), "chars": sum(len(a.text) for a in articles),
                            "quantities": sum(len(a.quantities) for a in articles),
                            "times": sum(len(a.times) for a in articles)}
        for name in names:
            evaluation: Evaluation = score_articles(articles, [predictions[name][a.id] for a in articles])
            results[set_name][name] = evaluation.metrics()

    pd_articles = read_pd(args.corpus_root, args.pd_articles)
    pd_chars = sum(len(text) for text, _ in pd_articles)
    ours = next((s for s in systems if s.name == "newsfacts"), None)
    baseline_wall, baseline_cpu = timed(lambda text, date: _DIGITS.findall(text), pd_articles)
    pd_speed = {"articles": len(pd_articles), "chars": pd_chars,
                "baseline": {"wall_s": baseline_wall, "cpu_s": baseline_cpu}}
    if ours is not None:
        wall, cpu = timed(ours, pd_articles)
        pd_speed["newsfacts"] = {"wall_s": wall, "cpu_s": cpu}
        print(f"newsfacts on People's Daily: {pd_chars / wall:,.0f} chars/s", file=sys.stderr)

    lines = render(names, systems, results, counts, speed, gold_chars, pd_speed, args)
    text = "\n".join(lines)
    print(text)
    if args.write:
        write_between_markers(args.write, text)
    if args.json:
        args.json.write_text(json.dumps({"results": results, "counts": counts, "speed_gold": speed,
                                         "speed_pd": pd_speed}, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


def render(names, systems, results, counts, speed, gold_chars, pd_speed, args) -> List[str]:
    command = "python benchmarks/quantities.py" + (f" --systems {args.systems}" if args.systems !=
                                                    "ours,jionlp,rt,rt+cls" else "") + (
        f" --pd-articles {args.pd_articles}" if args.pd_articles else "") + (
        f" --write {args.write}" if args.write else "")
    cores = os.cpu_count()
    lines = [f"Generated by `{command}` on {Date.today().isoformat()}, {platform.machine()}, {cores} cores, "
             f"Python {platform.python_version()}; one process, one thread. Versions: "
             + ", ".join([f"{s.name} {s.version}" for s in systems if "classifiers" not in s.name]
                         + [f"{dist} {_version(dist)}" for dist in ("cn2an", "emoji", "regex")]) + ".", ""]
    lines += ["### Overall, all gold sets", ""]
    overall = results["overall"]
    lines += gold_table("overall", overall, names, counts["overall"])
    lines += ["Targets (issue 4): quantity P/R/F >= 0.97, time F >= 0.95, normalisation accuracy >= 0.95.", ""]
    if "newsfacts" in names:
        misses = [label for key, label in ROWS if key in TARGETS and overall["newsfacts"][key] < TARGETS[key]]
        lines += [f"newsfacts below target overall: {', '.join(misses) if misses else 'none'}.", ""]
    lines += ["### Per gold set", ""]
    for set_name in GOLD_SETS:
        lines += gold_table(set_name, results[set_name], names, counts[set_name])
    lines += ["### Speed", "",
              f"Over the gold texts ({gold_chars:,} chars, the same texts for every system; resources loaded "
              f"before timing):", "",
              "| system | chars/s (wall) | chars/s (CPU) | CPU speed relative to newsfacts |", "|---|---:|---:|---:|"]
    reference = speed.get("newsfacts", {}).get("cpu_s")
    for name in names:
        s = speed[name]
        rel = f"{reference / s['cpu_s']:.3f}" if reference else "-"
        lines.append(f"| {name} | {s['chars_per_s']:,.0f} | {s['cpu_chars_per_s']:,.0f} | {rel} |")
    lines += ["", f"Quantity + time stage alone over People's Daily 2019-2020 ({pd_speed['articles']:,} articles, "
                  f"{pd_speed['chars']:,} chars), beside a trivial regex baseline in the same run:", "",
              "| stage | chars/s (wall) | chars/s (CPU) | share of baseline speed |", "|---|---:|---:|---:|"]
    base = pd_speed["baseline"]
    rows = [("baseline `re.findall(r\"\\d+\", text)`", base)]
    if "newsfacts" in pd_speed:
        rows.append(("newsfacts `extract_quantities` + `extract_times`", pd_speed["newsfacts"]))
    for label, s in rows:
        lines.append(f"| {label} | {pd_speed['chars'] / s['wall_s']:,.0f} | {pd_speed['chars'] / s['cpu_s']:,.0f} "
                     f"| {base['cpu_s'] / s['cpu_s']:.4f} |")
    lines.append("")
    return lines


def write_between_markers(path: Path, text: str) -> None:
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if BEGIN in old and END in old:
        head, rest = old.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        new = f"{head}{BEGIN}\n{text}\n{END}{tail}"
    else:
        new = f"{old.rstrip()}\n\n{BEGIN}\n{text}\n{END}\n".lstrip()
    path.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
