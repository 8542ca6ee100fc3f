"""Stage composition: ``build_nlp(config)`` gives a spaCy ``Language`` whose tokenizer is our jieba segmenter
and whose components are thin wrappers over the pure stage functions.

Results live on the ``Doc`` as extension attributes (``doc._.times``, ``doc._.quantities``,
``doc._.nf_entities``) and become an ``Article`` with ``doc_to_article``.
"""
from __future__ import annotations

from typing import Iterable, Iterator, List, Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces

from .config import Config
from .facts import assign_roles, load_verbs
from .model import Article
from .numbers import extract_quantities, extract_times
from .segment import Segmenter

for _name, _default in (("article_date", None), ("times", None), ("quantities", None), ("nf_entities", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


class JiebaTokenizer:
    """spaCy tokenizer over a ``Segmenter``; ``doc.text`` is always exactly the input text."""

    def __init__(self, vocab, segmenter: Segmenter) -> None:
        self.vocab = vocab
        self.segmenter = segmenter

    def __call__(self, text: str) -> Doc:
        words = [w for w, _, _ in self.segmenter.tokenize(text)]
        words, spaces = get_words_and_spaces(words, text)
        return Doc(self.vocab, words=words, spaces=spaces)

    # spaCy serialises tokenizers; ours is rebuilt from the config instead.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "JiebaTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        return None

    def from_disk(self, path, **kwargs) -> "JiebaTokenizer":
        return self


@Language.factory("newsfacts_times")
def make_time_extractor(nlp: Language, name: str):
    def extract(doc: Doc) -> Doc:
        doc._.times = extract_times(doc.text, doc._.article_date)
        return doc
    return extract


@Language.factory("newsfacts_quantities")
def make_quantity_extractor(nlp: Language, name: str):
    def extract(doc: Doc) -> Doc:
        doc._.quantities = extract_quantities(doc.text)
        return doc
    return extract


@Language.factory("newsfacts_entities", default_config={"model_path": ""})
def make_entity_recognizer(nlp: Language, name: str, model_path: str):
    from .ner import EntityRecognizer

    recognizer = EntityRecognizer(model_path)

    def extract(doc: Doc) -> Doc:
        doc._.nf_entities = recognizer.extract(doc.text)
        return doc
    return extract


@Language.factory("newsfacts_facts")
def make_fact_assembler(nlp: Language, name: str):
    verbs = load_verbs()

    def assemble(doc: Doc) -> Doc:
        words = [(t.idx, t.idx + len(t.text)) for t in doc]
        doc._.quantities = assign_roles(doc.text, doc._.quantities or [], doc._.times or [],
                                        doc._.nf_entities or [], words, verbs)
        return doc
    return assemble


def build_nlp(config: Optional[Config] = None) -> Language:
    """The pipeline the config describes: jieba tokenizer, then the configured stages in order."""
    config = config or Config()
    nlp = spacy.blank("zh")
    segmenter = Segmenter(dictionary=config.dictionary_path, cache_dir=config.cache_dir,
                          hmm=config.segmenter_hmm)
    nlp.tokenizer = JiebaTokenizer(nlp.vocab, segmenter)
    for stage in config.stages:
        if stage == "entities":
            nlp.add_pipe("newsfacts_entities", config={"model_path": str(config.ner_model_path)})
        else:
            nlp.add_pipe(f"newsfacts_{stage}")
    return nlp


def annotate(nlp: Language, article: Article) -> Article:
    """The article with entities, times and quantities (with fact roles) from the pipeline."""
    doc = nlp.make_doc(article.text)
    doc._.article_date = article.date
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return doc_to_article(doc, article)


def annotate_many(nlp: Language, articles: Iterable[Article]) -> Iterator[Article]:
    for article in articles:
        yield annotate(nlp, article)


def doc_to_article(doc: Doc, article: Article) -> Article:
    entities: List = sorted(doc._.nf_entities or [], key=lambda e: (e.start, e.end))
    times: List = sorted(doc._.times or [], key=lambda t: (t.start, t.end))
    quantities: List = sorted(doc._.quantities or [], key=lambda q: (q.start, q.end))
    return Article(id=article.id, text=article.text, date=article.date, source=article.source,
                   entities=entities, times=times, quantities=quantities)
