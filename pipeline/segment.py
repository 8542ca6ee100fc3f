"""Word segmentation on a private ``jieba.Tokenizer`` (never jieba's module-level tokenizer)."""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Iterator, List, Optional, Tuple

import jieba

logger = logging.getLogger(__name__)


class Segmenter:
    """Segments text into words with offsets; each instance owns its jieba tokenizer and cache file.

    ``dictionary``: a jieba dictionary file (``word freq [pos]`` per line); None means jieba's bundled one.
    ``cache_dir``: where jieba's prefix-dictionary cache goes; None keeps it beside the user's cache home,
    never the system temp dir.
    """

    def __init__(self, *, dictionary: Optional[os.PathLike] = None, cache_dir: Optional[os.PathLike] = None,
                 hmm: bool = True) -> None:
        self.dictionary = Path(dictionary) if dictionary else None
        self.hmm = hmm
        self._tokenizer = jieba.Tokenizer(dictionary=str(self.dictionary) if self.dictionary else jieba.DEFAULT_DICT)
        cache_root = Path(cache_dir) if cache_dir else default_cache_dir()
        cache_root.mkdir(parents=True, exist_ok=True)
        self._tokenizer.tmp_dir = str(cache_root)
        name = self.dictionary.stem if self.dictionary else "jieba-default"
        self._tokenizer.cache_file = f"{name}.cache"

    def initialize(self) -> None:
        """Load the dictionary now rather than on first use."""
        self._tokenizer.check_initialized()

    def tokenize(self, text: str) -> List[Tuple[str, int, int]]:
        """Words with half-open character offsets; they tile ``text`` exactly."""
        return [(w, s, e) for w, s, e in self._tokenizer.tokenize(text, HMM=self.hmm)]

    def cut(self, text: str) -> List[str]:
        return list(self._tokenizer.cut(text, HMM=self.hmm))

    def iter_words(self, text: str) -> Iterator[str]:
        return self._tokenizer.cut(text, HMM=self.hmm)


def default_cache_dir() -> Path:
    """The per-user cache folder for dictionary caches (``$XDG_CACHE_HOME/newsfacts``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newsfacts"
