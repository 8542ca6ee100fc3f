"""Static character, bigram and word vectors for the NER model (``newsfacts.CharLexiconEmbed.v1``).

Three word2vec models (gensim, a training-only dependency) are trained on unlabelled news text: the
People's Daily 2019-2020 articles plus the *training* parts of the NER corpora (never the dev hold-out):

- characters: each sentence as a sequence of characters;
- character bigrams: each sentence as a sequence of overlapping bigrams;
- words: each sentence segmented by ``pipeline.segment.Segmenter`` (PKU standard), words of two or more
  characters kept as the lexicon the model matches against every sentence (SoftLexicon-style B/M/E sets).

The result is one ``.npz`` table (``LexiconTable``): sorted uint64 keys and float16 vectors for characters and
bigrams (keys computed exactly as the model computes them from spaCy's NORM hashes), and the word strings with
their vectors and corpus counts. It holds no running text: single characters, bigrams and dictionary words.
"""
from __future__ import annotations

import gzip
import json
import logging
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Sequence

import numpy

logger = logging.getLogger(__name__)

PD_ARTICLES = "peoples-daily-2019-2020/articles.jsonl.gz"
_SENTENCE_END = re.compile(r"(?<=[。！？!?；\n])")


def char_keys(chars: Sequence[str]) -> numpy.ndarray:
    """The model's key of each character: spaCy's NORM hash (lower-cased text)."""
    from spacy.strings import hash_string

    return numpy.array([hash_string(c.lower()) for c in chars], dtype="uint64")


def bigram_keys(left: numpy.ndarray, right: numpy.ndarray) -> numpy.ndarray:
    """The key of a character bigram from the keys of its two characters (the model's left-bigram mix)."""
    from pipeline.ner import bigram_mix

    return bigram_mix(left, right)


@dataclass
class LexiconTable:
    """Static vectors: characters and bigrams by sorted uint64 key; lexicon words by string."""

    char_keys: numpy.ndarray
    char_vectors: numpy.ndarray
    bigram_keys: numpy.ndarray
    bigram_vectors: numpy.ndarray
    words: List[str]
    word_vectors: numpy.ndarray
    word_counts: numpy.ndarray

    @property
    def width(self) -> int:
        return int(self.char_vectors.shape[1])

    def to_disk(self, path: Path) -> None:
        numpy.savez(path, char_keys=self.char_keys, char_vectors=self.char_vectors,
                    bigram_keys=self.bigram_keys, bigram_vectors=self.bigram_vectors,
                    words=numpy.array(self.words), word_vectors=self.word_vectors, word_counts=self.word_counts)

    @classmethod
    def from_disk(cls, path: Path) -> "LexiconTable":
        data = numpy.load(path)
        return cls(data["char_keys"], data["char_vectors"], data["bigram_keys"], data["bigram_vectors"],
                   [str(w) for w in data["words"]], data["word_vectors"], data["word_counts"])


def iter_sentences(texts: Iterable[str]) -> Iterator[str]:
    for text in texts:
        for piece in _SENTENCE_END.split(text):
            piece = piece.strip()
            if piece:
                yield piece


def corpus_texts(data_root: Path, ner_train_texts: Iterable[str]) -> List[str]:
    """The People's Daily 2019-2020 article texts and the NER training sentences."""
    texts = list(ner_train_texts)
    with gzip.open(Path(data_root) / PD_ARTICLES, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def _sorted_table(keys: numpy.ndarray, vectors: numpy.ndarray):
    order = numpy.argsort(keys, kind="stable")
    keys, vectors = keys[order], vectors[order]
    unique = numpy.concatenate([[True], keys[1:] != keys[:-1]]) if len(keys) else numpy.zeros(0, bool)
    return keys[unique], vectors[unique]


def build_lexicon_table(texts: Sequence[str], *, width: int = 50, max_bigrams: int = 120_000,
                        max_words: int = 120_000, min_count: int = 3, max_word_len: int = 6,
                        epochs: int = 5, workers: int = 2, seed: int = 1) -> LexiconTable:
    """Train the three word2vec models on ``texts`` and return the table (see the module docstring)."""
    try:
        from gensim.models import Word2Vec
    except ImportError as exc:
        raise ImportError("building the lexicon table needs gensim: pip install -e '.[train]'") from exc

    from pipeline.segment import Segmenter

    sentences = list(iter_sentences(texts))
    logger.info("%d sentences, %d characters", len(sentences), sum(map(len, sentences)))
    common = dict(vector_size=width, window=5, sg=1, negative=5, epochs=epochs, workers=workers, seed=seed)

    char_seqs = [[c.lower() for c in s if not c.isspace()] for s in sentences]
    chars = Word2Vec(char_seqs, min_count=2, **common).wv
    logger.info("char vectors: %d", len(chars.index_to_key))

    bigram_seqs = [[a + b for a, b in zip(s, s[1:])] for s in char_seqs]
    del char_seqs
    bigrams = Word2Vec(bigram_seqs, min_count=min_count, max_final_vocab=max_bigrams, **common).wv
    del bigram_seqs
    logger.info("bigram vectors: %d", len(bigrams.index_to_key))

    segmenter = Segmenter()
    word_seqs = [segmenter.cut(s) for s in sentences]
    counts = Counter(w for seq in word_seqs for w in seq)
    words_model = Word2Vec(word_seqs, min_count=min_count, **common).wv
    del word_seqs
    lexicon = [w for w in words_model.index_to_key
               if 2 <= len(w) <= max_word_len and not w.isascii() and not any(c.isspace() for c in w)]
    lexicon = lexicon[:max_words]
    logger.info("lexicon words: %d", len(lexicon))

    c_keys, c_vecs = _sorted_table(char_keys(chars.index_to_key), chars.vectors)
    pairs = bigrams.index_to_key
    b_keys = bigram_keys(char_keys([p[0] for p in pairs]), char_keys([p[1] for p in pairs]))
    b_keys, b_vecs = _sorted_table(b_keys, bigrams.vectors)
    w_vecs = numpy.stack([words_model[w] for w in lexicon]) if lexicon else numpy.zeros((0, width), "float32")
    return LexiconTable(
        char_keys=c_keys, char_vectors=_unit(c_vecs),
        bigram_keys=b_keys, bigram_vectors=_unit(b_vecs),
        words=lexicon, word_vectors=_unit(w_vecs),
        word_counts=numpy.array([counts[w] for w in lexicon], dtype="int64"),
    )


def _unit(vectors: numpy.ndarray) -> numpy.ndarray:
    """Rows scaled to unit length, stored as float16 (half the size; the model computes in float32)."""
    norms = numpy.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (vectors / norms).astype("float16")
