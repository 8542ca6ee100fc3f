"""``newsfacts train ner``: convert the corpora, train ``configs/ner.cfg`` with spaCy, install the best model."""
from __future__ import annotations

import logging
import resource
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Optional

from pipeline.ner import DEFAULT_MODEL_DIR
from pipeline.training.ner_data import convert_corpora
from pipeline.training.ner_pretrain import pretrain_encoder, uses_pretraining

logger = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CONFIG = PROJECT_ROOT / "configs" / "ner.cfg"
DEFAULT_DATA_ROOT = PROJECT_ROOT.parent / "shared" / "data"
#: files of models/ner-zh that training does not produce and must survive a re-install
KEPT_FILES = ("MODEL_CARD.md",)


@dataclass(frozen=True)
class TrainingRun:
    """What a run produced: where the model went, how long it took, peak memory of the process."""

    model_dir: Path
    seconds: float
    peak_rss_mb: float
    sentences: Dict[str, int]


def train_ner(*, config: Path = DEFAULT_CONFIG, data_root: Path = DEFAULT_DATA_ROOT,
              work_dir: Path, output_dir: Path = DEFAULT_MODEL_DIR,
              overrides: Optional[Dict[str, object]] = None, use_cluener: bool = True) -> TrainingRun:
    """Convert the corpora to ``work_dir`` (outside the repository: it holds corpus text), train with spaCy
    into ``work_dir/run`` and copy ``model-best`` to ``output_dir``."""
    import pipeline.ner  # noqa: F401  (registers newsfacts.CharBigramEmbed.v1)
    from spacy.cli.train import train as spacy_train

    work_dir = Path(work_dir)
    started = time.perf_counter()
    counts = convert_corpora(Path(data_root), work_dir / "data", use_cluener=use_cluener)
    settings = {"paths.train": str(work_dir / "data" / "train.spacy"),
                "paths.dev": str(work_dir / "data" / "dev.spacy")}
    if _uses_lexicon(Path(config)):
        settings["paths.lexicon"] = str(build_lexicon(Path(data_root), work_dir))
    settings.update(overrides or {})
    if uses_pretraining(Path(config)) and "paths.init_tok2vec" not in settings:
        pretrain_settings = {key: value for key, value in settings.items() if key.startswith("paths.")}
        settings["paths.init_tok2vec"] = str(pretrain_encoder(Path(config), Path(data_root), work_dir,
                                                              pretrain_settings))
    run_dir = work_dir / "run"
    spacy_train(Path(config), run_dir, overrides=settings, use_gpu=-1)
    install_model(run_dir / "model-best", Path(output_dir))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return TrainingRun(Path(output_dir), time.perf_counter() - started, peak, counts)


def _uses_lexicon(config: Path) -> bool:
    from spacy.util import load_config

    return "lexicon" in load_config(config, interpolate=False).get("paths", {})


def build_lexicon(data_root: Path, work_dir: Path) -> Path:
    """The static vector table for ``newsfacts.CharLexiconEmbed.v1`` (``pipeline/training/lexicon.py``),
    trained on the People's Daily articles and the NER training sentences; reused when already built."""
    import spacy
    from spacy.tokens import DocBin

    from pipeline.training.lexicon import build_lexicon_table, corpus_texts

    path = work_dir / "lexicon.npz"
    if path.exists():
        return path
    vocab = spacy.blank("zh").vocab
    train_texts = [doc.text for doc in DocBin().from_disk(work_dir / "data" / "train.spacy").get_docs(vocab)]
    table = build_lexicon_table(corpus_texts(data_root, train_texts))
    table.to_disk(path)
    return path


#: meta.json fields of the shipped model (the terms of the training data carry over to it)
MODEL_META = {
    "name": "ner_zh",
    "version": "1.0.0",
    "description": "newsfacts NER: PERSON, ORG, LOC, PRODUCT; one token per character (see MODEL_CARD.md)",
    "license": "research and non-commercial use only (trained on MSRA NER and CLUENER 2020)",
    "sources": [{"name": "MSRA NER (SIGHAN 2006)"}, {"name": "CLUENER 2020"}],
}


def install_model(source: Path, target: Path) -> None:
    """Replace the pipeline files in ``target`` with ``source``, keeping the model card; the run's local
    data paths are cleared from the config and the meta gets the model's name and terms."""
    from spacy.util import load_config, load_meta, srsly

    target.mkdir(parents=True, exist_ok=True)
    for item in target.iterdir():
        if item.name in KEPT_FILES:
            continue
        shutil.rmtree(item) if item.is_dir() else item.unlink()
    for item in Path(source).iterdir():
        (shutil.copytree if item.is_dir() else shutil.copy2)(item, target / item.name)
    config = load_config(target / "config.cfg", interpolate=False)
    for key in ("train", "dev", "lexicon", "init_tok2vec", "raw_text"):
        if key in config["paths"]:
            config["paths"][key] = None
    config.to_disk(target / "config.cfg")
    meta = load_meta(target / "meta.json")
    meta.update(MODEL_META)
    srsly.write_json(target / "meta.json", meta)
    logger.info("installed %s to %s", source, target)
