"""Build the news segmentation dictionary (``models/seg-dict/``) from the shared corpora.

The vocabulary is the PKU training word list (SIGHAN 2005) plus a short list of domain words; word
frequencies are estimated without supervision on the People's Daily 2019-2020 articles by hard EM:
segment the corpus with the current frequencies, count the words, segment again. The unknown-word HMM is
trained from the same counts (characters at B/M/E/S positions of vocabulary words), surnames and given-name
characters come from the person names of the MSRA NER training set, and the PKU dev gold (the tuning set)
removes the training words that the PKU test standard writes as two words (新世纪 → 新 世纪).

A last pass segments the corpus with the final dictionary alone and finds new two-character words (pairs of
single characters with high mutual information), productive affixes (training words made of a training word
plus one character, against the corpus pairs written apart), and, with the MSRA foreign person names, the
characters of transliterated names.

Outputs in ``out_dir``: ``dict.txt`` (jieba format), ``hmm.json``, ``names.tsv``, ``affixes.tsv``,
``translit.tsv``, ``build.json``.
"""
from __future__ import annotations

import gzip
import json
import logging
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Optional, Set, Tuple

from .segment import HmmModel, Segmenter, fold_width

logger = logging.getLogger(__name__)

DOMAIN_WORDS_FILE = Path(__file__).resolve().parent.parent / "models" / "seg-dict" / "domain_words.txt"

PKU_TRAINING_WORDS = Path("sighan2005") / "pku_training_words.utf8"
ARTICLES = Path("peoples-daily-2019-2020") / "articles.jsonl.gz"
MSRA_NER = Path("msra-ner") / "train.bio"
PKU_DEV_GOLD = Path("sighan2005") / "pku_dev_gold.utf8"

_HAS_DIGIT = re.compile(r"[0-9]")


class MissingCorpus(FileNotFoundError):
    """A corpus file the build needs is not under the corpus root."""


@dataclass(frozen=True)
class BuildSettings:
    """The knobs of a dictionary build; stored with the result so a build can be repeated."""

    iterations: int = 2
    smoothing: float = 0.5
    scale: int = 2
    domain_frequency: int = 200
    max_lines: Optional[int] = None
    #: a training word the dev gold splits at least this often (and keeps whole less than half as often) is dropped
    split_min_count: int = 2
    #: HMM emission smoothing and the log bias a proposed new word needs over its single characters
    hmm_smoothing: float = 0.5
    new_word_bias: float = -2.3
    #: surnames need this many MSRA person names; given-name characters this many occurrences
    surname_min_count: int = 20
    given_min_count: int = 2
    #: new two-character words found in the corpus: runs of single characters seen together this often, with
    #: at least this pointwise mutual information, and not mostly inside one longer run
    new_word_min_count: int = 3
    new_word_min_pmi: float = 5.0
    new_word_max_fragment: float = 0.5
    #: affixes need this many training-vocabulary words made of another vocabulary word plus the affix
    affix_min_words: int = 5


@dataclass
class BuildReport:
    vocabulary: int = 0
    domain_words: int = 0
    corpus_lines: int = 0
    corpus_chars: int = 0
    tokens_counted: List[int] = field(default_factory=list)
    surnames: int = 0
    given_chars: int = 0
    dropped_split_words: List[str] = field(default_factory=list)
    new_words: int = 0
    foreign_name_chars: int = 0
    affixes: int = 0


def require(corpus_root: Path, relative: Path) -> Path:
    path = Path(corpus_root) / relative
    if not path.exists():
        raise MissingCorpus(f"E_CORPUS: {path} is missing; pass --corpus-root pointing at the shared data folder "
                            f"(the one holding sighan2005/ and peoples-daily-2019-2020/)")
    return path


def read_vocabulary(path: Path) -> Set[str]:
    """A word list (one word a line), folded to ASCII digits and letters."""
    with open(path, encoding="utf-8") as f:
        return {fold_width(w) for w in (line.strip() for line in f) if w}


def read_domain_words(path: Path = DOMAIN_WORDS_FILE) -> List[str]:
    """Hand-kept domain words: one a line, ``#`` starts a comment."""
    if not path.exists():
        return []
    words = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            word = line.split("#", 1)[0].strip()
            if word:
                words.append(fold_width(word))
    return words


def iter_article_lines(path: Path, max_lines: Optional[int] = None) -> Iterator[str]:
    """Non-empty lines of the People's Daily articles."""
    n = 0
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for record in f:
            for line in json.loads(record)["text"].split("\n"):
                line = line.strip()
                if line:
                    yield line
                    n += 1
                    if max_lines is not None and n >= max_lines:
                        return


def count_words(segmenter: Segmenter, lines: Iterable[str], vocabulary: Set[str]) -> Counter:
    """Occurrences of vocabulary words in the segmented lines."""
    counts: Counter = Counter()
    for line in lines:
        counts.update(w for w in segmenter.cut(line) if w in vocabulary)
    return counts


def frequencies_from_counts(vocabulary: Iterable[str], counts: Counter, settings: BuildSettings) -> Dict[str, int]:
    """Integer jieba frequencies: scaled counts plus smoothing, so every vocabulary word stays reachable."""
    return {w: max(1, int(round((counts.get(w, 0) + settings.smoothing) * settings.scale))) for w in vocabulary}


def estimate_frequencies(vocabulary: Set[str], lines: List[str], settings: BuildSettings,
                         report: Optional[BuildReport] = None) -> Tuple[Dict[str, int], Counter]:
    """Hard EM: start from equal frequencies (fewest words), then segment → count → re-segment.

    Returns the jieba frequencies and the last raw counts."""
    freqs = {w: 1 for w in vocabulary}
    counts: Counter = Counter()
    segmenter = Segmenter.from_frequencies(freqs, hmm=False)
    for i in range(settings.iterations):
        counts = count_words(segmenter, lines, vocabulary)
        freqs = frequencies_from_counts(vocabulary, counts, settings)
        segmenter.set_frequencies(freqs)
        total = sum(counts.values())
        logger.info("EM iteration %d: %d vocabulary tokens counted, %d types seen", i + 1, total, len(counts))
        if report is not None:
            report.tokens_counted.append(total)
    return freqs, counts


def name_tables(ner_path: Path, settings: BuildSettings) -> Dict[str, Counter]:
    """Surname and given-name character counts from the 2-3 character PER names of an IOB2 file."""
    surnames: Counter = Counter()
    given: Counter = Counter()
    for name in iter_entities(ner_path, "PER"):
        if 2 <= len(name) <= 3 and all("\u4e00" <= c <= "\u9fff" for c in name):
            surnames[name[0]] += 1
            given.update(name[1:])
    return {
        "surname": Counter({s: n for s, n in surnames.items() if n >= settings.surname_min_count}),
        "given": Counter({c: n for c, n in given.items() if n >= settings.given_min_count}),
    }


def write_name_tables(tables: Dict[str, Counter], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write("# kind\tchars\tcount (MSRA NER person names)\n")
        for kind in ("surname", "given"):
            for chars, n in sorted(tables[kind].items(), key=lambda x: (-x[1], x[0])):
                f.write(f"{kind}\t{chars}\t{n}\n")


def train_hmm(counts: Counter, settings: BuildSettings) -> HmmModel:
    """BMES HMM from word counts: emissions from the characters' positions in words, transitions from lengths."""
    emit_counts = {s: Counter() for s in "BMES"}
    lengths: Counter = Counter()
    for word, n in counts.items():
        if not all("\u4e00" <= c <= "\u9fff" for c in word):
            continue
        lengths[len(word)] += n
        if len(word) == 1:
            emit_counts["S"][word] += n
        else:
            emit_counts["B"][word[0]] += n
            emit_counts["E"][word[-1]] += n
            for c in word[1:-1]:
                emit_counts["M"][c] += n
    chars = set().union(*emit_counts.values())
    k = settings.hmm_smoothing
    emit = {}
    for state, c_counts in emit_counts.items():
        total = sum(c_counts.values()) + k * (len(chars) + 1)
        emit[state] = {c: round(math.log((c_counts[c] + k) / total), 4) for c in sorted(chars)}
    total = sum(lengths.values())
    p_single = lengths[1] / total
    multi = total - lengths[1]
    p_two = lengths[2] / multi
    middles = sum(n * (length - 2) for length, n in lengths.items() if length > 2)
    p_more = sum(n * (length - 3) for length, n in lengths.items() if length > 3) / max(1, middles)
    log = math.log
    trans = {"B": {"E": log(p_two), "M": log(1 - p_two)}, "M": {"M": log(p_more), "E": log(1 - p_more)},
             "E": {"S": log(p_single), "B": log(1 - p_single)}, "S": {"S": log(p_single), "B": log(1 - p_single)}}
    start = {"B": log(1 - p_single), "S": log(p_single), "M": -3.14e100, "E": -3.14e100}
    return HmmModel(start, trans, emit, new_word_bias=settings.new_word_bias)


def split_words(gold_lines: Iterable[List[str]], vocabulary: Set[str], min_count: int = 2) -> List[str]:
    """Vocabulary words that the gold writes as 2-3 words at least ``min_count`` times, and more than twice
    as often as whole (the PKU test splits 新世纪, 提出, 就是 that the training list has whole)."""
    whole: Counter = Counter()
    split: Counter = Counter()
    for words in gold_lines:
        words = [fold_width(w) for w in words]
        whole.update(words)
        for k in (2, 3):
            for i in range(len(words) - k + 1):
                joined = "".join(words[i:i + k])
                if joined in vocabulary:
                    split[joined] += 1
    return sorted(w for w, n in split.items() if n >= min_count and n > 2 * whole[w])


def iter_entities(path: Path, label: str) -> Iterator[str]:
    """Entity strings of one label from a ``char<TAB>tag`` IOB2 file."""
    chars: List[str] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            tag = parts[1] if len(parts) == 2 else "O"
            if tag == f"B-{label}" or tag == "O" or not parts or not tag.endswith(label):
                if chars:
                    yield "".join(chars)
                    chars = []
            if tag == f"B-{label}":
                chars = [parts[0]]
            elif tag == f"I-{label}" and chars:
                chars.append(parts[0])
    if chars:
        yield "".join(chars)


# PKU writes numeral + measure word and verb + aspect or direction complement as two words; a corpus pair
# starting or ending with one of these is never taken as a new word.
_NUMERAL_FIRST = frozenset("一二三四五六七八九十百千万亿两几半首多余数每")
_COMPLEMENT_LAST = frozenset("着了过到起去来得进回出")
_HAN_CHAR = re.compile(r"^[\u4e00-\u9fff]$")


@dataclass
class CorpusStatistics:
    """Counts from the corpus segmented by the dictionary alone (no unknown-word models)."""

    words: Counter = field(default_factory=Counter)
    #: adjacent single-character tokens (two and three in a row)
    pairs: Counter = field(default_factory=Counter)
    triples: Counter = field(default_factory=Counter)
    #: (word of 2+ characters, single character) and (single character, word) neighbours
    affix_pairs: Counter = field(default_factory=Counter)
    chars: Counter = field(default_factory=Counter)


def corpus_statistics(segmenter: Segmenter, lines: Iterable[str]) -> CorpusStatistics:
    """Segment ``lines`` and count what the new-word, affix and transliteration models are built from."""
    stats = CorpusStatistics()
    single = _HAN_CHAR.match
    for line in lines:
        stats.chars.update(line)
        words = segmenter.cut(line)
        stats.words.update(words)
        for i in range(len(words) - 1):
            a, b = words[i], words[i + 1]
            if len(a) == 1 and len(b) == 1 and single(a) and single(b):
                stats.pairs[a + b] += 1
                if i + 2 < len(words) and len(words[i + 2]) == 1 and single(words[i + 2]):
                    stats.triples[a + b + words[i + 2]] += 1
            elif len(a) >= 2 and single(b) or len(b) >= 2 and single(a):
                stats.affix_pairs[a, b] += 1
    return stats


def new_words(stats: CorpusStatistics, exclude: Set[str], settings: BuildSettings) -> Dict[str, int]:
    """Two-character words the dictionary lacks: pairs of single characters that stick together.

    A pair needs ``new_word_min_count`` occurrences and ``new_word_min_pmi`` pointwise mutual information, and
    is left out when one three-character run holds more than ``new_word_max_fragment`` of its occurrences
    (it is a piece of a longer unknown word) or when PKU writes it as two words (numeral + measure,
    verb + complement, the words in ``exclude``)."""
    total = sum(stats.words.values())
    right: Dict[str, int] = {}
    left: Dict[str, int] = {}
    for run, n in stats.triples.items():
        right[run[:2]] = max(right.get(run[:2], 0), n)
        left[run[1:]] = max(left.get(run[1:], 0), n)
    found = {}
    for pair, n in stats.pairs.items():
        if n < settings.new_word_min_count or pair in exclude:
            continue
        if pair[0] in _NUMERAL_FIRST or pair[1] in _COMPLEMENT_LAST:
            continue
        if max(right.get(pair, 0), left.get(pair, 0)) > settings.new_word_max_fragment * n:
            continue
        if math.log(n * total / (stats.words[pair[0]] * stats.words[pair[1]])) >= settings.new_word_min_pmi:
            found[pair] = n
    return found


def affix_table(vocabulary: Set[str], stats: CorpusStatistics, settings: BuildSettings) -> List[Tuple[str, str, int, int]]:
    """``(kind, char, vocabulary words, corpus pairs split)`` for productive suffixes and prefixes.

    A suffix's vocabulary words are training words made of another training word (2+ characters) plus the
    character; its split pairs are the distinct training words the corpus shows followed by the character as
    a separate word. Prefixes alike."""
    inside = {"suffix": Counter(), "prefix": Counter()}
    outside = {"suffix": Counter(), "prefix": Counter()}
    for word in vocabulary:
        if len(word) >= 3 and all("\u4e00" <= c <= "\u9fff" for c in word):
            if word[:-1] in vocabulary:
                inside["suffix"][word[-1]] += 1
            if word[1:] in vocabulary:
                inside["prefix"][word[0]] += 1
    for a, b in stats.affix_pairs:
        if len(b) == 1 and a in vocabulary:
            outside["suffix"][b] += 1
        elif len(a) == 1 and b in vocabulary:
            outside["prefix"][a] += 1
    rows = []
    for kind in ("suffix", "prefix"):
        for char, n in inside[kind].items():
            if n >= settings.affix_min_words:
                rows.append((kind, char, n, outside[kind][char]))
    return sorted(rows, key=lambda r: (r[0], -r[2] / (r[2] + r[3]), r[1]))


def write_affix_table(rows: List[Tuple[str, str, int, int]], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write("# kind\tchar\tvocabulary words (word + char)\tcorpus pairs split\tlog productivity\n")
        for kind, char, n, split in rows:
            f.write(f"{kind}\t{char}\t{n}\t{split}\t{math.log(n / (n + split)):.3f}\n")


def foreign_name_chars(ner_path: Path) -> Counter:
    """Character counts of foreign person names in an IOB2 file: PER entities with a name separator (·) or of
    four or more characters, cut at the separators."""
    counts: Counter = Counter()
    for name in iter_entities(ner_path, "PER"):
        pieces = re.split(r"[·—\-.]", name)
        if len(pieces) > 1 or len(name) >= 4:
            for piece in pieces:
                if len(piece) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in piece):
                    counts.update(piece)
    return counts


def write_translit_table(foreign: Counter, general: Counter, path: Path) -> None:
    """``char, count in foreign names, log ratio of its share there to its share of general text``."""
    ftotal, gtotal = sum(foreign.values()), sum(general.values())
    with open(path, "w", encoding="utf-8") as f:
        f.write("# char\tcount in foreign names (MSRA NER PER)\tlog ratio to general text\n")
        for c in sorted(foreign, key=lambda c: (-foreign[c], c)):
            ratio = math.log((foreign[c] + 0.1) / ftotal) - math.log((general[c] + 1) / gtotal)
            f.write(f"{c}\t{foreign[c]}\t{ratio:.3f}\n")


def write_dictionary(freqs: Dict[str, int], path: Path) -> None:
    """jieba format, sorted by word so rebuilds diff cleanly."""
    with open(path, "w", encoding="utf-8") as f:
        for word in sorted(freqs):
            f.write(f"{word} {freqs[word]}\n")


def build_dictionary(corpus_root: Path, out_dir: Path, settings: BuildSettings = BuildSettings()) -> BuildReport:
    """Rebuild ``dict.txt``, ``hmm.json``, ``names.tsv``, ``affixes.tsv``, ``translit.tsv`` and ``build.json`` in
    ``out_dir`` from ``corpus_root``."""
    from .evaluation.segmentation import read_segmented

    corpus_root, out_dir = Path(corpus_root), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    report = BuildReport()
    vocabulary = read_vocabulary(require(corpus_root, PKU_TRAINING_WORDS))
    domain = [w for w in read_domain_words(out_dir / "domain_words.txt") if w not in vocabulary]
    report.vocabulary, report.domain_words = len(vocabulary), len(domain)
    lines = list(iter_article_lines(require(corpus_root, ARTICLES), settings.max_lines))
    report.corpus_lines, report.corpus_chars = len(lines), sum(map(len, lines))
    logger.info("vocabulary %d words (+%d domain), corpus %d lines, %d chars", len(vocabulary), len(domain),
                report.corpus_lines, report.corpus_chars)
    freqs, counts = estimate_frequencies(vocabulary | set(domain), lines, settings, report)
    hmm = train_hmm(counts, settings)
    for word in domain:
        freqs[word] = max(freqs[word], settings.domain_frequency)
    dropped = split_words(read_segmented(require(corpus_root, PKU_DEV_GOLD)), vocabulary, settings.split_min_count)
    for word in dropped:
        freqs.pop(word, None)
    report.dropped_split_words = dropped
    stats = corpus_statistics(Segmenter.from_frequencies(freqs, hmm=False), lines)
    found = new_words(stats, set(dropped) | set(freqs), settings)
    for word, n in found.items():
        freqs[word] = max(1, int(round((n + settings.smoothing) * settings.scale)))
    report.new_words = len(found)
    affixes = affix_table(vocabulary, stats, settings)
    report.affixes = len(affixes)
    foreign = foreign_name_chars(require(corpus_root, MSRA_NER))
    report.foreign_name_chars = sum(foreign.values())
    tables = name_tables(require(corpus_root, MSRA_NER), settings)
    report.surnames, report.given_chars = len(tables["surname"]), len(tables["given"])
    write_dictionary(freqs, out_dir / "dict.txt")
    (out_dir / "hmm.json").write_text(json.dumps(hmm.to_dict(), ensure_ascii=False, sort_keys=True) + "\n",
                                      encoding="utf-8")
    write_name_tables(tables, out_dir / "names.tsv")
    write_affix_table(affixes, out_dir / "affixes.tsv")
    write_translit_table(foreign, stats.chars, out_dir / "translit.tsv")
    (out_dir / "build.json").write_text(json.dumps({"settings": settings.__dict__, "report": report.__dict__},
                                                   ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return report
