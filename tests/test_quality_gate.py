"""Quality gate: the pipeline's scores on the gold must not fall below ``corpora/gold/thresholds.json``.

Each gold set in the thresholds file lists its files; sets whose texts are stand-off need the shared corpora
(``$NEWSFACTS_DATA``, else ``../shared/data`` beside the checkout) and are skipped without them.

Raise the thresholds after an improvement (never lower one to make a change pass):

    .venv/bin/python tests/test_quality_gate.py --raise

which re-scores every set it can and raises each threshold to the current score rounded down to 3 decimals.
Only when a set's gold itself changes (files added, annotations corrected) are its thresholds recomputed from
scratch, in the same change as the gold and with the pipeline unchanged:

    .venv/bin/python tests/test_quality_gate.py --rebase SET
"""
import os
import sys
from functools import lru_cache
from pathlib import Path

import pytest

from pipeline.evaluation import (
    ThresholdFailure, check_thresholds, evaluate, floor_metrics, is_score, load_gate, load_gold, raise_thresholds,
    save_gate,
)
from pipeline.evaluation.gold import validate_gold

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "corpora" / "gold"
THRESHOLDS = GOLD / "thresholds.json"
SETS = load_gate(THRESHOLDS)


def data_root() -> Path:
    return Path(os.environ.get("NEWSFACTS_DATA") or REPO.parent / "shared" / "data")


def skip_reason(name: str):
    """Why a gold set cannot be scored here, or None."""
    spec = SETS[name]
    if not spec["files"]:
        return f"gold set {name!r} lists no files yet"
    if spec["needs_corpus_root"] and not data_root().is_dir():
        return f"gold set {name!r} is stand-off and the shared corpora are not at {data_root()} (set NEWSFACTS_DATA)"
    return None


@lru_cache(maxsize=None)
def set_metrics(name: str) -> dict:
    """The current pipeline's metrics on one gold set (all its files together)."""
    files = [GOLD / f for f in SETS[name]["files"]]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise AssertionError(f"gold set {name!r} lists missing files: {missing}")
    return evaluate(files, corpus_root=data_root()).metrics()


@pytest.mark.parametrize("name", sorted(SETS))
def test_scores_do_not_fall_below_thresholds(name):
    reason = skip_reason(name)
    if reason:
        pytest.skip(reason)
    failures = check_thresholds(set_metrics(name), SETS[name]["thresholds"])
    assert not failures, (f"gold set {name!r}: {len(failures)} metric(s) fell below their threshold in "
                          f"{THRESHOLDS.relative_to(REPO)}:\n" + "\n".join(f"  {f}" for f in failures))


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_is_consistent(name):
    reason = skip_reason(name)
    if reason:
        pytest.skip(reason)
    problems = [p for a in load_gold([GOLD / f for f in SETS[name]["files"]], corpus_root=data_root())
                for p in validate_gold(a)]
    assert not problems, f"gold set {name!r} breaks ANNOTATION.md rules:\n" + "\n".join(problems)


def test_every_gold_file_is_gated():
    listed = {f for spec in SETS.values() for f in spec["files"]}
    present = {p.name for p in GOLD.glob("*.jsonl")}
    assert not present - listed, (
        f"gold files not in any set of {THRESHOLDS.relative_to(REPO)}: {sorted(present - listed)}; add them to "
        f"a set's 'files' and run `.venv/bin/python tests/test_quality_gate.py --raise`")


def test_thresholds_are_scores_in_range():
    for name, spec in SETS.items():
        for metric, threshold in spec["thresholds"].items():
            assert is_score(metric), f"{name}: {metric} is a count, not a score; counts are not gated"
            assert 0.0 <= threshold <= 1.0, f"{name}: {metric} threshold {threshold} is outside [0, 1]"


# --- the gate's own logic -----------------------------------------------------------------------------------


def test_failure_message_lists_each_fallen_metric():
    failures = check_thresholds({"ents_f": 0.5, "times_f": 0.9, "facts_f": 0.29999}, {
        "ents_f": 0.6, "times_f": 0.9, "facts_f": 0.3, "quantities_f": 0.7})
    assert failures == [ThresholdFailure("ents_f", 0.5, 0.6), ThresholdFailure("facts_f", 0.29999, 0.3),
                        ThresholdFailure("quantities_f", None, 0.7)]
    assert [str(f) for f in failures] == ["ents_f: 0.5000 < threshold 0.600",
                                          "facts_f: 0.3000 < threshold 0.300",
                                          "quantities_f: missing (threshold 0.700)"]


def test_equal_score_passes_within_tolerance():
    assert check_thresholds({"times_f": 0.7 - 1e-12}, {"times_f": 0.7}) == []


def test_thresholds_are_rounded_down_and_never_lowered():
    metrics = {"ents_f": 0.6789, "times_f": 0.7, "times_tp": 7, "facts_subject_acc": 0.1234,
               "ents_per_label.ORG.f": 0.5555}
    assert floor_metrics(metrics) == {"ents_f": 0.678, "times_f": 0.7, "facts_subject_acc": 0.123,
                                      "ents_per_label.ORG.f": 0.555}
    raised = raise_thresholds({"ents_f": 0.7, "times_f": 0.5, "old_metric_f": 0.2}, metrics)
    assert raised == {"ents_f": 0.7, "times_f": 0.7, "facts_subject_acc": 0.123, "ents_per_label.ORG.f": 0.555,
                      "old_metric_f": 0.2}


def _update(rebase=()) -> None:
    sets = load_gate(THRESHOLDS)
    unknown = sorted(set(rebase) - set(sets))
    if unknown:
        sys.exit(f"unknown gold set(s) {unknown}; sets: {sorted(sets)}")
    for name, spec in sorted(sets.items()):
        reason = skip_reason(name)
        if reason:
            print(f"{name}: skipped ({reason})")
            continue
        metrics = set_metrics(name)
        old = spec["thresholds"]
        spec["thresholds"] = floor_metrics(metrics) if name in rebase else raise_thresholds(old, metrics)
        changed = {k: (old.get(k), v) for k, v in spec["thresholds"].items() if old.get(k) != v}
        print(f"{name}: {len(changed)} threshold(s) {'recomputed' if name in rebase else 'raised or added'}")
        for metric, (before, after) in sorted(changed.items()):
            print(f"  {metric}: {before} -> {after}")
        for failure in check_thresholds(metrics, spec["thresholds"]):
            print(f"  still failing: {failure}")
    save_gate(THRESHOLDS, sets)


if __name__ == "__main__":
    if sys.argv[1:] == ["--raise"]:
        _update()
    elif sys.argv[1:2] == ["--rebase"] and sys.argv[2:]:
        _update(rebase=sys.argv[2:])
    else:
        sys.exit(__doc__)
