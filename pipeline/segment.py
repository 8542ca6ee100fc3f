"""Word segmentation on a private ``jieba.Tokenizer`` (never jieba's module-level tokenizer).

Two modes share one class:

- ``rules=False``: jieba's own ``cut`` on the given dictionary, unchanged (the baseline).
- ``rules=True`` (default): the PKU conventions on jieba's engine. Text is folded to ASCII digits and letters
  (offsets kept: every full-width character folds to one character); numbers with their magnitude, dates,
  times and percentages are cut by rule; the rest goes through jieba's DAG and maximum-probability route,
  runs of unknown single characters through an HMM, and personal names are split into surname and given
  name.
"""
from __future__ import annotations

import functools
import logging
import math
import os
import re
from pathlib import Path
from typing import Dict, FrozenSet, Iterable, Iterator, List, Optional, Tuple

import jieba
from jieba import finalseg

logger = logging.getLogger(__name__)

Token = Tuple[str, int, int]

MODELS_DIR = Path(__file__).resolve().parent.parent / "models" / "seg-dict"
NEWS_DICTIONARY = MODELS_DIR / "dict.txt"

# Full-width ASCII forms (U+FF01..U+FF5E) and the ideographic space fold to one ASCII character each, so
# offsets in the folded text are offsets in the original.
FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
FOLD[0x3000] = 0x20


JIEBA_DICTIONARY = Path(jieba.__file__).resolve().parent / "dict.txt"


@functools.lru_cache(maxsize=8)
def dictionary_words(path: "os.PathLike[str] | str" = JIEBA_DICTIONARY, *, min_freq: int = 0,
                     tag: Optional[str] = None) -> FrozenSet[str]:
    """Words of two or more characters in a jieba dictionary file (``word freq [tag]`` lines) seen at least
    ``min_freq`` times, only those tagged ``tag`` when one is given; empty when the file is missing. Cached:
    the entity rules and the fact rules ask for the same lists every time a pipeline is built."""
    path = Path(path)
    if not path.exists():
        return frozenset()
    words = set()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) >= 2 and len(parts[0]) >= 2 and parts[1].isdigit() and int(parts[1]) >= min_freq \
                    and (tag is None or (len(parts) >= 3 and parts[2] == tag)):
                words.add(parts[0])
    return frozenset(words)


def fold_width(text: str) -> str:
    """Full-width digits, letters and ASCII punctuation as their ASCII forms; the length is unchanged."""
    return text.translate(FOLD)


_CN_DIGIT = "〇○零一二三四五六七八九"
_CN_NUM = "〇○零一二三四五六七八九十百千万亿两"
_NUM = r"\d+(?:[.·∶:/]\d+)*"
# Order matters: the first alternative that matches at a position wins.
_ATOM = re.compile(
    r"(?<![A-Za-z0-9.·])(?:"
    rf"(?P<year>\d{{4}}年|[一二][{_CN_DIGIT}0-9]{{3}}年)"
    r"|(?P<month>(?:1[0-2]|0?[1-9])月份?)"
    r"|(?P<day>(?:3[01]|[12][0-9]|0?[1-9])日)"
    r"|(?P<clock>(?:2[0-4]|[01]?[0-9])(?:时|点钟|点(?![0-9])))(?P<minute>[0-5]?[0-9]分)?"
    rf"|(?P<percent>[-+]?{_NUM}[%‰])"
    rf"|(?P<magnitude>{_NUM}(?:万亿|亿|万|千))"
    rf"|(?P<ordinal>第{_NUM})(?![A-Za-z0-9])"
    rf"|(?P<number>[-+]?{_NUM})(?![A-Za-z0-9%‰])"
    r")"
)
_CN_MONTH = re.compile(r"(?:十[一二]?|[一二三四五六七八九])月份?")
_CN_DAY = re.compile(r"(?:三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])日")
_CN_CARDINAL = re.compile(
    r"第?(?:[一二三四五六七八九两]?[千百])?(?:[一二三四五六七八九零]?十)?[一二三四五六七八九]?(?:[万亿]|万亿)?")
_CN_NUMERAL_CHARS = frozenset(_CN_NUM + "第")
_HAN_BLOCK = re.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+)")
_ALNUM = re.compile(r"[A-Za-z0-9]")
_HAN = re.compile(r"([\u4E00-\u9FD5]+)")
# dashes and ellipses are one word however many of them there are (——, ……)
_PUNCT_RUN = re.compile(r"(\s+|—+|…+|[^\s])")


class Segmenter:
    """Segments text into words with offsets; each instance owns its jieba tokenizer and cache file.

    ``dictionary``: a jieba dictionary file (``word freq [pos]`` per line); None means jieba's bundled one.
    ``cache_dir``: where jieba's prefix-dictionary cache goes; None keeps it beside the user's cache home,
    never the system temp dir.
    ``hmm``: cut runs of unknown single characters with the HMM.
    ``rules``: the PKU conventions (numbers, dates, full-width folding, surname split); False gives jieba's
    plain ``cut``.
    The surname list (``names.tsv``) and the HMM (``hmm.json``) are read from beside ``dictionary`` when
    present; otherwise no surname split is made and jieba's own HMM is used.
    """

    def __init__(self, *, dictionary: Optional[os.PathLike] = None, cache_dir: Optional[os.PathLike] = None,
                 hmm: bool = True, rules: bool = True) -> None:
        self.dictionary = Path(dictionary) if dictionary else None
        self.hmm = hmm
        self.rules = rules
        self._tokenizer = jieba.Tokenizer(dictionary=str(self.dictionary) if self.dictionary else jieba.DEFAULT_DICT)
        cache_root = Path(cache_dir) if cache_dir else default_cache_dir()
        cache_root.mkdir(parents=True, exist_ok=True)
        self._tokenizer.tmp_dir = str(cache_root)
        name = self.dictionary.stem if self.dictionary else "jieba-default"
        self._tokenizer.cache_file = f"{name}.cache"
        beside = self.dictionary.parent if self.dictionary else None
        self.names = NameModel.load(beside / "names.tsv") if beside and (beside / "names.tsv").exists() \
            else NameModel()
        self.hmm_model = HmmModel.load(beside / "hmm.json") if beside and (beside / "hmm.json").exists() \
            else None
        self.translit = TransliterationModel.load(beside / "translit.tsv") \
            if beside and (beside / "translit.tsv").exists() else None
        self.affixes = AffixModel.load(beside / "affixes.tsv") \
            if beside and (beside / "affixes.tsv").exists() else None
        self._logprobs: Optional[Dict[str, float]] = None
        self._logprobs_of: Optional[dict] = None
        self._logtotal = 0.0

    @classmethod
    def from_frequencies(cls, frequencies: Dict[str, int], **kwargs) -> "Segmenter":
        """A segmenter over an in-memory dictionary (used while estimating the frequencies)."""
        seg = cls(**kwargs)
        seg.set_frequencies(frequencies)
        return seg

    def set_frequencies(self, frequencies: Dict[str, int]) -> None:
        """Replace the tokenizer's dictionary with ``frequencies`` (word -> count)."""
        prefix: Dict[str, int] = {}
        for word, freq in frequencies.items():
            prefix[word] = freq
            for i in range(1, len(word)):
                prefix.setdefault(word[:i], 0)
        self._tokenizer.FREQ, self._tokenizer.total = prefix, sum(frequencies.values())
        self._tokenizer.initialized = True

    def initialize(self) -> None:
        """Load the dictionary now rather than on first use."""
        self._tokenizer.check_initialized()

    def tokenize(self, text: str) -> List[Token]:
        """Words with half-open character offsets; they tile ``text`` exactly."""
        if not self.rules:
            return [(w, s, e) for w, s, e in self._tokenizer.tokenize(text, HMM=self.hmm)]
        return [(text[s:e], s, e) for s, e in self._spans(text)]

    def cut(self, text: str) -> List[str]:
        if not self.rules:
            return list(self._tokenizer.cut(text, HMM=self.hmm))
        return [text[s:e] for s, e in self._spans(text)]

    def iter_words(self, text: str) -> Iterator[str]:
        return iter(self.cut(text))

    # -- the PKU engine -------------------------------------------------------------------------------

    def _spans(self, text: str) -> List[Tuple[int, int]]:
        self._tokenizer.check_initialized()
        folded = fold_width(text)
        spans: List[Tuple[int, int]] = []
        pos = 0
        for m in _ATOM.finditer(folded):
            if m.start() > pos:
                self._cut_gap(folded, pos, m.start(), spans)
            if m.group("clock") and m.group("minute"):
                spans.append((m.start(), m.start("minute")))
                spans.append((m.start("minute"), m.end()))
            else:
                spans.append((m.start(), m.end()))
            pos = m.end()
        if pos < len(folded):
            self._cut_gap(folded, pos, len(folded), spans)
        return spans

    def _cut_gap(self, text: str, start: int, end: int, spans: List[Tuple[int, int]]) -> None:
        pos = start
        for block in _HAN_BLOCK.split(text[start:end]):
            if not block:
                continue
            if _HAN_BLOCK.match(block):
                self._cut_block(block, pos, spans)
            else:
                for piece in _PUNCT_RUN.findall(block):
                    spans.append((pos, pos + len(piece)))
                    pos += len(piece)
                continue
            pos += len(block)

    def _cut_block(self, block: str, offset: int, spans: List[Tuple[int, int]]) -> None:
        words = list(self._route_words(block))
        i = 0
        pos = offset
        n = len(words)
        while i < n:
            w = words[i]
            if len(w) > 1:
                spans.append((pos, pos + len(w)))
                pos += len(w)
                i += 1
                continue
            # a run of single characters: unknown words hide here
            j = i
            while j < n and len(words[j]) == 1:
                j += 1
            run = "".join(words[i:j])
            for piece in self._cut_run(run):
                spans.append((pos, pos + len(piece)))
                pos += len(piece)
            i = j

    def _route_words(self, block: str) -> Iterator[str]:
        """jieba's maximum-probability route over the dictionary DAG, with Chinese numerals kept whole and the
        unknown-word candidates (transliterations, derived words) as scored options."""
        tok = self._tokenizer
        freq = tok.FREQ
        logp = self._word_logprobs()
        dag = tok.get_DAG(block)
        self._add_numeral_edges(block, dag)
        n = len(block)
        unknown: Dict[Tuple[int, int], float] = {}
        if self.hmm and self.translit is not None:
            self.translit.add_candidates(block, dag, freq, unknown)
        if self.hmm and self.affixes is not None:
            self.affixes.add_candidates(block, dag, freq, self._logtotal, unknown)
        score = [0.0] * (n + 1)
        end = [0] * (n + 1)
        for idx in range(n - 1, -1, -1):
            best, best_x = -math.inf, idx
            for x in dag[idx]:
                lp = logp.get(block[idx:x + 1])
                if lp is None:
                    lp = unknown.get((idx, x))
                    if lp is None:
                        lp = math.log(self._numeral_freq(block, idx, x)) - self._logtotal
                lp += score[x + 1]
                # ties go to the longer word, as in jieba
                if lp > best or (lp == best and x > best_x):
                    best, best_x = lp, x
            score[idx], end[idx] = best, best_x
        x = 0
        while x < n:
            y = end[x] + 1
            yield block[x:y]
            x = y

    def _word_logprobs(self) -> Dict[str, float]:
        """Log probabilities of the dictionary words, computed once per dictionary."""
        tok = self._tokenizer
        if self._logprobs is None or self._logprobs_of is not tok.FREQ:
            self._logtotal = math.log(tok.total)
            self._logprobs = {w: math.log(f) - self._logtotal for w, f in tok.FREQ.items() if f}
            self._logprobs_of = tok.FREQ
        return self._logprobs

    def _add_numeral_edges(self, block: str, dag: Dict[int, List[int]]) -> None:
        if not any(c in _CN_NUMERAL_CHARS for c in block):
            return
        for k in range(len(block)):
            if block[k] not in _CN_NUMERAL_CHARS:
                continue
            for rx in (_CN_MONTH, _CN_DAY, _CN_CARDINAL):
                m = rx.match(block, k)
                if m and m.end() - k > 1 and (m.end() - 1) not in dag[k]:
                    dag[k].append(m.end() - 1)

    def _numeral_freq(self, block: str, i: int, j: int) -> float:
        # numerals the dictionary lacks count as moderately common words
        return 50.0 if j > i else 1.0

    def _cut_run(self, run: str) -> Iterable[str]:
        if len(run) == 1:
            return [run]
        freq = self._tokenizer.FREQ
        if not self.hmm or freq.get(run):
            return self._split_alnum(run)
        if self.hmm_model is None:
            out: List[str] = []
            for word in finalseg.cut(run):
                out.extend(self.names.split(word, freq))
            return out
        out = []
        logtotal = math.log(self._tokenizer.total)
        for piece in _HAN.split(run):
            if not piece:
                continue
            if not _HAN.match(piece):
                out.extend(self._split_alnum(piece))
                continue
            for word in self._hmm_words(piece):
                if len(word) == 1:
                    out.append(word)
                    continue
                name = self.names.split(word, freq)
                if len(name) > 1:
                    out.extend(name)
                elif not _written_apart(word) and \
                        self.hmm_model.accepts(word, sum(math.log(freq.get(c) or 1) - logtotal for c in word)):
                    out.append(word)
                else:
                    out.extend(word)
        return out

    def _hmm_words(self, piece: str) -> List[str]:
        """HMM words of a run of Chinese single characters; surname + two given-name characters stay together."""
        names = self.names
        if not any(c in names.surnames for c in piece[:-2]):
            return self.hmm_model.cut(piece)
        out: List[str] = []
        start = i = 0
        while i < len(piece) - 2:
            if piece[i] in names.surnames and piece[i + 1] in names.given and piece[i + 2] in names.given:
                if i > start:
                    out.extend(self.hmm_model.cut(piece[start:i]))
                out.append(piece[i:i + 3])
                i = start = i + 3
            else:
                i += 1
        if start < len(piece):
            out.extend(self.hmm_model.cut(piece[start:]))
        return out

    @staticmethod
    def _split_alnum(run: str) -> List[str]:
        """Single characters, except that letters and digits stay together as jieba keeps them."""
        out: List[str] = []
        for ch in run:
            if out and _ALNUM.match(ch) and _ALNUM.match(out[-1][-1]):
                out[-1] += ch
            else:
                out.append(ch)
        return out


# PKU writes numeral + measure word and verb + aspect or direction complement as two words
NUMERAL_FIRST = frozenset("一二三四五六七八九十百千万亿两几半首多余数每")
COMPLEMENT_LAST = frozenset("着了过到起去来得进回出")


def _written_apart(word: str) -> bool:
    return word[0] in NUMERAL_FIRST or word[-1] in COMPLEMENT_LAST


class HmmModel:
    """A BMES character HMM for unknown words (``hmm.json``), run by jieba's Viterbi.

    A word the HMM proposes is kept only when its HMM probability, times ``new_word_bias``, beats reading it
    as single-character dictionary words: frequent characters (一, 年, 个) stay alone.
    """

    def __init__(self, start: Dict[str, float], trans: Dict[str, Dict[str, float]],
                 emit: Dict[str, Dict[str, float]], new_word_bias: float = -3.0, unseen: float = -20.0) -> None:
        self.start, self.trans, self.emit = start, trans, emit
        self.new_word_bias = new_word_bias
        self.unseen = unseen

    @classmethod
    def load(cls, path: os.PathLike) -> "HmmModel":
        import json
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        return cls(data["start"], data["trans"], data["emit"], data.get("new_word_bias", -3.0),
                   data.get("unseen", -20.0))

    def to_dict(self) -> dict:
        return {"start": self.start, "trans": self.trans, "emit": self.emit, "new_word_bias": self.new_word_bias,
                "unseen": self.unseen}

    def cut(self, text: str) -> List[str]:
        _, states = finalseg.viterbi(text, "BMES", self.start, self.trans, self.emit)
        words, begin = [], 0
        for i, state in enumerate(states):
            if state == "B":
                begin = i
            elif state == "E":
                words.append(text[begin:i + 1])
            elif state == "S":
                words.append(text[i])
        return words

    def word_logprob(self, word: str) -> float:
        """Log probability of ``word`` as one B M* E (or S) path, without the start probability."""
        emit, unseen = self.emit, self.unseen
        if len(word) == 1:
            return emit["S"].get(word, unseen)
        lp, state = emit["B"].get(word[0], unseen), "B"
        for ch in word[1:-1]:
            lp += self.trans[state]["M"] + emit["M"].get(ch, unseen)
            state = "M"
        return lp + self.trans[state]["E"] + emit["E"].get(word[-1], unseen)

    def accepts(self, word: str, split_logprob: float) -> bool:
        return self.new_word_bias + self.word_logprob(word) >= split_logprob


class TransliterationModel:
    """Unknown transliterated names (拉姆斯菲尔德, 库福尔) as scored options in the route search.

    ``translit.tsv`` holds each character's count in foreign person names (MSRA NER) and its log ratio to
    general text. Runs of characters with a ratio of at least ``min_ratio`` are candidate words (``min_length``
    or more characters); a candidate's log probability is ``bias`` plus the sum of its characters' log
    probabilities in foreign names, so the route takes it only where it beats the dictionary's pieces.
    """

    def __init__(self, counts: Dict[str, int], ratios: Dict[str, float], *, bias: float = -4.0,
                 min_ratio: float = 1.0, min_count: int = 3, min_length: int = 3, max_length: int = 8) -> None:
        total = sum(counts.values()) or 1
        self.logprob = {c: math.log(n / total) for c, n in counts.items()
                        if n >= min_count and ratios.get(c, 0.0) >= min_ratio}
        self.bias, self.min_length, self.max_length = bias, min_length, max_length
        chars = "".join(sorted(self.logprob))
        self._run = re.compile(f"[{re.escape(chars)}]{{{min_length},}}") if chars else None

    @classmethod
    def load(cls, path: os.PathLike, **kwargs) -> "TransliterationModel":
        """``translit.tsv``: ``char <TAB> count <TAB> log ratio`` lines."""
        counts, ratios = {}, {}
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip() or line.startswith("#"):
                    continue
                char, count, ratio = line.rstrip("\n").split("\t")
                counts[char], ratios[char] = int(count), float(ratio)
        return cls(counts, ratios, **kwargs)

    def add_candidates(self, block: str, dag: Dict[int, List[int]], known: Dict[str, int],
                       scores: Dict[Tuple[int, int], float]) -> None:
        """Add the candidate words of ``block`` to ``dag`` and their log probabilities to ``scores``."""
        if self._run is None:
            return
        logprob = self.logprob
        for m in self._run.finditer(block):
            start, end = m.start(), m.end()
            for i in range(start, end - self.min_length + 1):
                lp = self.bias + sum(logprob[c] for c in block[i:i + self.min_length - 1])
                for j in range(i + self.min_length - 1, min(end, i + self.max_length)):
                    lp += logprob[block[j]]
                    if known.get(block[i:j + 1]):
                        continue
                    if j not in dag[i]:
                        dag[i].append(j)
                    scores[i, j] = lp


class AffixModel:
    """Unknown derived words (军官法, 海盐县, 子系统): a dictionary word with a productive suffix or prefix.

    ``affixes.tsv`` holds, for each affix character, how many training-vocabulary words are another
    vocabulary word plus that character, against how many such pairs the corpus shows as two words; their
    share is the affix's productivity. A candidate's log probability is the word's plus the affix's
    log productivity plus ``bias``.
    """

    def __init__(self, suffixes: Dict[str, float], prefixes: Dict[str, float], *, bias: float = -5.0,
                 min_logprod: float = -2.0, max_word: int = 6) -> None:
        self.suffixes = {c: lp for c, lp in suffixes.items() if lp >= min_logprod and c not in _CN_NUMERAL_CHARS}
        self.prefixes = {c: lp for c, lp in prefixes.items() if lp >= min_logprod and c not in _CN_NUMERAL_CHARS}
        self.bias, self.max_word = bias, max_word
        self._suffix = re.compile(f"[{re.escape(''.join(sorted(self.suffixes)))}]") if self.suffixes else None
        self._prefix = re.compile(f"[{re.escape(''.join(sorted(self.prefixes)))}]") if self.prefixes else None

    @classmethod
    def load(cls, path: os.PathLike, **kwargs) -> "AffixModel":
        """``affixes.tsv``: ``suffix|prefix <TAB> char <TAB> vocabulary words <TAB> split pairs <TAB> log productivity``."""
        tables: Dict[str, Dict[str, float]] = {"suffix": {}, "prefix": {}}
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip() or line.startswith("#"):
                    continue
                kind, char, _vocab, _split, logprod = line.rstrip("\n").split("\t")
                tables[kind][char] = float(logprod)
        return cls(tables["suffix"], tables["prefix"], **kwargs)

    def add_candidates(self, block: str, dag: Dict[int, List[int]], known: Dict[str, int], logtotal: float,
                       scores: Dict[Tuple[int, int], float]) -> None:
        """Add word + suffix and prefix + word candidates of ``block`` to ``dag`` and ``scores``."""
        n = len(block)
        if self._suffix is not None:
            for m in self._suffix.finditer(block, 2):
                k = m.start()
                for i in range(max(0, k - self.max_word), k - 1):
                    word = block[i:k]
                    f = known.get(word)
                    # a numeral keeps its measure word apart (第一 款, 十万 元)
                    if f and (k - 1) in dag[i] and not known.get(block[i:k + 1]) \
                            and not all(c in _CN_NUMERAL_CHARS for c in word):
                        if k not in dag[i]:
                            dag[i].append(k)
                        scores[i, k] = math.log(f) - logtotal + self.suffixes[block[k]] + self.bias
        if self._prefix is not None:
            for m in self._prefix.finditer(block, 0, n - 2):
                i = m.start()
                for j in range(i + 2, min(n, i + 1 + self.max_word)):
                    f = known.get(block[i + 1:j + 1])
                    if f and not known.get(block[i:j + 1]) and (i, j) not in scores:
                        if j not in dag[i]:
                            dag[i].append(j)
                        scores[i, j] = math.log(f) - logtotal + self.prefixes[block[i]] + self.bias


class NameModel:
    """Surnames and given-name characters: splits an unknown word like 何厚铧 into 何 + 厚铧 (PKU convention)."""

    def __init__(self, surnames: Iterable[str] = (), given: Iterable[str] = ()) -> None:
        self.surnames: FrozenSet[str] = frozenset(surnames)
        self.given: FrozenSet[str] = frozenset(given)

    @classmethod
    def load(cls, path: os.PathLike) -> "NameModel":
        """``names.tsv``: ``surname|given <TAB> chars <TAB> count`` lines."""
        surnames, given = [], []
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip() or line.startswith("#"):
                    continue
                kind, chars, _count = line.rstrip("\n").split("\t")
                (surnames if kind == "surname" else given).append(chars)
        return cls(surnames, given)

    def split(self, word: str, known: Dict[str, int]) -> List[str]:
        """``[surname, given]`` when ``word`` reads as an unknown personal name, else ``[word]``."""
        if len(word) < 2 or len(word) > 4 or known.get(word):
            return [word]
        for k in (2, 1):
            surname, given = word[:k], word[k:]
            if surname in self.surnames and 1 <= len(given) <= 2 and all(c in self.given for c in given):
                return [surname, given]
        return [word]


def default_cache_dir() -> Path:
    """The per-user cache folder for dictionary caches (``$XDG_CACHE_HOME/newsfacts``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newsfacts"


def segment_file(segmenter: Segmenter, source: os.PathLike, target) -> int:
    """Write each line of ``source`` segmented SIGHAN style (words joined by two spaces); returns the lines."""
    n = 0
    with open(source, encoding="utf-8") as f:
        for line in f:
            words = [w for w in segmenter.cut(line.rstrip("\r\n")) if not w.isspace()]
            target.write("  ".join(words) + "\n")
            n += 1
    return n
