"""spaCy pretraining of the NER encoder on raw People's Daily 2019-2020 text.

A config with a ``[pretraining]`` block (``configs/ner-pretrain.cfg``) makes ``newsfacts train ner`` run two steps:
``spacy pretrain`` teaches the ``tok2vec`` layer of the ``ner`` component to restore masked characters of the
articles (spaCy's cloze objective; 15% of the tokens masked), then ``spacy train`` starts from those weights
(``paths.init_tok2vec``). The raw-text corpus holds article text, so it is written to the work folder, never to
the repository.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterable, Iterator

from pipeline.training.lexicon import PD_ARTICLES

_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])|\n+")


def sentence_chunks(text: str, *, max_chars: int = 200) -> Iterator[str]:
    """The sentences of ``text`` (split after 。！？； and at line breaks), stripped, empty ones left out; a
    sentence longer than ``max_chars`` comes in pieces of at most ``max_chars`` characters."""
    if max_chars < 1:
        raise ValueError(f"max_chars must be positive, not {max_chars}")
    for sentence in _SENTENCE_END.split(text):
        sentence = sentence.strip()
        for start in range(0, len(sentence), max_chars):
            yield sentence[start:start + max_chars]


def article_texts(data_root: Path) -> Iterator[str]:
    """The canonical texts of the People's Daily 2019-2020 articles under ``data_root`` (the corpus reader of
    ``newsfacts run``; records it skips are skipped here too)."""
    from pipeline.io.reader import read_jsonl_corpus
    from pipeline.model import Article

    path = Path(data_root) / PD_ARTICLES
    if not path.exists():
        raise FileNotFoundError(f"pretraining needs the People's Daily articles: {path} is missing")
    for item in read_jsonl_corpus(path):
        if isinstance(item, Article):
            yield item.text


def write_pretrain_corpus(texts: Iterable[str], path: Path, *, max_chars: int = 200) -> int:
    """Write one JSON line ``{"text": sentence}`` per sentence of ``texts`` (spaCy's JsonlCorpus format);
    return the number of lines. Sentences of one character are left out."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for text in texts:
            for sentence in sentence_chunks(text, max_chars=max_chars):
                if len(sentence) > 1:
                    handle.write(json.dumps({"text": sentence}, ensure_ascii=False) + "\n")
                    count += 1
    return count


def uses_pretraining(config: Path) -> bool:
    """Whether ``config`` has a ``[pretraining]`` block (then ``train_ner`` pretrains first)."""
    from spacy.util import load_config

    return bool(load_config(Path(config), interpolate=False).get("pretraining"))


def pretrain_encoder(config: Path, data_root: Path, work_dir: Path, overrides=None) -> Path:
    """Run ``spacy pretrain`` with ``config`` on the People's Daily sentences; return the weights file of the
    last epoch (reused when it already exists in ``work_dir/pretrain``)."""
    from spacy.training.pretrain import pretrain
    from spacy.util import load_config

    work_dir = Path(work_dir)
    out_dir = work_dir / "pretrain"
    weights = out_dir / "model-last.bin"
    if weights.exists():
        return weights
    corpus = work_dir / "data" / "pretrain.jsonl"
    if not corpus.exists():
        write_pretrain_corpus(article_texts(data_root), corpus)
    settings = {"paths.raw_text": str(corpus)}
    settings.update(overrides or {})
    raw = load_config(Path(config), overrides=settings, interpolate=False)
    out_dir.mkdir(parents=True, exist_ok=True)
    raw.to_disk(out_dir / "config.cfg")
    pretrain(raw.interpolate(), out_dir, use_gpu=-1, silent=False)
    return weights
