"""Convert the NER corpora in ``../shared/data`` to spaCy ``DocBin`` files for ``configs/ner.cfg``.

- MSRA NER ``train.bio``: split by sentence with a fixed seed into train (90%) and dev (10%).
- CLUENER 2020 ``train.json``: mapped to our labels (``CLUENER_LABELS``); its end offsets are inclusive.
- People's Daily 1998 NER ``dev.bio``: written as a second evaluation set, not trained on.

Docs are made with the pipeline's own tokenizer (one token per character), so training and prediction see the
same tokens. The output holds corpus text: write it outside the repository.
"""
from __future__ import annotations

import json
import logging
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from pipeline.evaluation.bio import BioSentence, LabeledSpan, read_bio

logger = logging.getLogger(__name__)

#: CLUENER 2020 type → our label; None drops the mention (its characters become outside).
#: book and movie titles are not PRODUCT under ANNOTATION.md §2 (products, models, apps, services).
CLUENER_LABELS: Mapping[str, Optional[str]] = {
    "name": "PERSON",
    "company": "ORG", "government": "ORG", "organization": "ORG",
    "address": "LOC", "scene": "LOC",
    "game": "PRODUCT",
    "book": None, "movie": None, "position": None,
}

MSRA_TRAIN = "msra-ner/train.bio"
PD1998_DEV = "peoples-daily-1998-ner/dev.bio"
CLUENER_TRAIN = "cluener2020/train.json"


@dataclass(frozen=True)
class LabeledText:
    """A sentence and its entities as half-open character spans."""

    text: str
    spans: Tuple[LabeledSpan, ...]


def split_holdout(items: Sequence, *, fraction: float = 0.1, seed: int = 13) -> Tuple[list, list]:
    """(train, held-out): a fixed pseudo-random ``fraction`` of ``items`` held out, order kept in both."""
    rng = random.Random(seed)
    held = set(rng.sample(range(len(items)), round(len(items) * fraction)))
    return ([x for i, x in enumerate(items) if i not in held], [x for i, x in enumerate(items) if i in held])


def from_bio(sentences: Iterable[BioSentence]) -> List[LabeledText]:
    return [LabeledText(s.text, tuple(s.spans())) for s in sentences]


def parse_cluener_line(line: str, labels: Mapping[str, Optional[str]] = CLUENER_LABELS) -> LabeledText:
    """One CLUENER JSON line; ``[start, end_inclusive]`` becomes half-open, overlaps keep the longer span."""
    record = json.loads(line)
    text = record["text"]
    spans: List[LabeledSpan] = []
    for kind, mentions in (record.get("label") or {}).items():
        label = labels.get(kind)
        if label is None:
            continue
        for mention, offsets in mentions.items():
            for start, end_inclusive in offsets:
                end = end_inclusive + 1
                if text[start:end] != mention:
                    raise ValueError(f"CLUENER mention {mention!r} does not match text[{start}:{end}]")
                spans.append((start, end, label))
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    kept: List[LabeledSpan] = []
    for span in spans:
        if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
            kept.append(span)
    return LabeledText(text, tuple(sorted(kept)))


def read_cluener(path: Path) -> List[LabeledText]:
    with open(path, encoding="utf-8") as handle:
        return [parse_cluener_line(line) for line in handle if line.strip()]


def to_docbin(nlp, items: Iterable[LabeledText]):
    """A ``DocBin`` of docs tokenised by ``nlp`` with ``doc.ents`` set; spans not on token edges are dropped."""
    from spacy.tokens import DocBin

    docbin = DocBin(store_user_data=False)
    dropped = 0
    for item in items:
        doc = nlp.make_doc(item.text)
        ents = []
        for start, end, label in item.spans:
            span = doc.char_span(start, end, label=label)
            if span is None:
                dropped += 1
            else:
                ents.append(span)
        doc.ents = ents
        docbin.add(doc)
    if dropped:
        logger.warning("dropped %d spans that do not fall on token boundaries", dropped)
    return docbin


def convert_corpora(data_root: Path, out_dir: Path, *, dev_fraction: float = 0.1, seed: int = 13,
                    use_cluener: bool = True) -> Dict[str, int]:
    """Write train.spacy, dev.spacy (MSRA held-out), pd1998-dev.spacy and the matching .bio files to
    ``out_dir``; returns the number of sentences in each."""
    import spacy

    data_root, out_dir = Path(data_root), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("zh")
    msra = read_bio(data_root / MSRA_TRAIN)
    msra_train, msra_dev = split_holdout(msra, fraction=dev_fraction, seed=seed)
    train = from_bio(msra_train)
    if use_cluener:
        train += read_cluener(data_root / CLUENER_TRAIN)
    pd_dev = read_bio(data_root / PD1998_DEV)
    outputs = {"train": train, "dev": from_bio(msra_dev), "pd1998-dev": from_bio(pd_dev)}
    for name, items in outputs.items():
        to_docbin(nlp, items).to_disk(out_dir / f"{name}.spacy")
    write_bio(msra_dev, out_dir / "msra-dev.bio")
    write_bio(pd_dev, out_dir / "pd1998-dev.bio")
    counts = {name: len(items) for name, items in outputs.items()}
    logger.info("wrote %s to %s", counts, out_dir)
    return counts


def write_bio(sentences: Iterable[BioSentence], path: Path) -> None:
    """MSRA format (``char\\ttag``), a blank line after each sentence."""
    with open(path, "w", encoding="utf-8") as handle:
        for sentence in sentences:
            handle.writelines(f"{c}\t{t}\n" for c, t in zip(sentence.chars, sentence.tags))
            handle.write("\n")
