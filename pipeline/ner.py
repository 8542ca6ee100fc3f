"""Named entities (PERSON, ORG, LOC, PRODUCT): the trained spaCy model in ``models/ner-zh`` plus PRODUCT rules."""
from __future__ import annotations

import logging
from typing import Callable, List, Tuple

import numpy
from spacy.attrs import NORM, SHAPE
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d

logger = logging.getLogger(__name__)

# --- model architecture (registered so that spacy.load can rebuild models/ner-zh) --------------------------

_BOUNDARY = numpy.uint64(0x9E3779B97F4A7C15)
_MIX_LEFT = numpy.uint64(0xC2B2AE3D27D4EB4F)
_MIX_RIGHT = numpy.uint64(0x165667B19E3779F9)


def char_ngram_ids(norms: numpy.ndarray) -> numpy.ndarray:
    """Per character: its norm, the bigram with the previous and the one with the next character (uint64 ids)."""
    n = norms.shape[0]
    prev = numpy.empty_like(norms)
    nxt = numpy.empty_like(norms)
    if n:
        prev[0] = _BOUNDARY
        prev[1:] = norms[:-1]
        nxt[-1] = _BOUNDARY
        nxt[:-1] = norms[1:]
    with numpy.errstate(over="ignore"):
        left = (prev * _MIX_LEFT) ^ norms
        right = (norms * _MIX_RIGHT) ^ nxt
    return numpy.stack([norms, left, right], axis=1)


def _char_feature_forward(model: Model, docs, is_train: bool) -> Tuple[List[Ints2d], Callable]:
    features = []
    for doc in docs:
        attrs = doc.to_array([NORM, SHAPE])
        ids = numpy.concatenate([char_ngram_ids(attrs[:, 0]), attrs[:, 1:2]], axis=1)
        features.append(model.ops.asarray2i(ids, dtype="uint64"))
    return features, lambda d_features: []


@registry.architectures("newsfacts.CharBigramEmbed.v1")
def CharBigramEmbed(width: int, embed_width: int, char_rows: int, bigram_rows: int,
                    shape_rows: int = 100) -> Model:
    """Hash embeddings of each character, its left and right character bigrams and its shape, mixed by a
    Maxout layer to ``width``. Bigrams give a one-token-per-character model the word context that
    jieba-word models get from segmentation, without segmentation errors cutting entity boundaries."""
    rows = [char_rows, bigram_rows, bigram_rows, shape_rows]
    embeddings = [HashEmbed(embed_width, r, column=i, seed=11 + i, dropout=0.0) for i, r in enumerate(rows)]
    return chain(
        Model("char_bigram_features", _char_feature_forward),
        list2ragged(),
        with_array(concatenate(*embeddings)),
        with_array(Maxout(width, embed_width * len(rows), nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )
