"""Run configuration: one TOML file drives a run; its resolved form is stored with the run's outputs.

Configuration flows one way: file → ``Config`` → ``build_nlp`` → stage instances. No stage reads the
environment or module globals.
"""
from __future__ import annotations

import dataclasses
import json
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Optional, Tuple

from .segment import default_cache_dir

#: The repository's ``models/`` folder (the package is installed in editable mode from the checkout).
DEFAULT_MODELS_DIR = Path(__file__).resolve().parent.parent / "models"

STAGES = ("times", "quantities", "entities", "facts")


class ConfigError(ValueError):
    """A configuration file or value that cannot be used; the message says which."""


@dataclass(frozen=True)
class Config:
    """Everything a run depends on. Paths may be relative to the config file's folder."""

    #: Stages after segmentation, in order. Leave out ``entities`` to run without the NER model.
    stages: Tuple[str, ...] = ("times", "quantities", "entities", "facts")
    #: Folder with the shipped models (``seg-dict/``, ``ner-zh/``).
    models_dir: str = str(DEFAULT_MODELS_DIR)
    #: A jieba dictionary file; empty means ``<models_dir>/seg-dict/dict.txt`` when it exists, else jieba's own.
    segmenter_dictionary: str = ""
    #: Use jieba's HMM for unknown words.
    segmenter_hmm: bool = True
    #: Where jieba's prefix-dictionary cache goes.
    cache_dir: str = str(default_cache_dir())
    #: The NER model folder; empty means ``<models_dir>/ner-zh``.
    ner_model: str = ""
    #: Files larger than this are skipped (recorded with the reason).
    max_bytes: int = 20 * 1024 * 1024

    def __post_init__(self) -> None:
        stages = tuple(self.stages)
        object.__setattr__(self, "stages", stages)
        unknown = [s for s in stages if s not in STAGES]
        if unknown:
            raise ConfigError(f"unknown stage(s) {unknown}; choose from {list(STAGES)}")
        if "facts" in stages and "quantities" not in stages:
            raise ConfigError("stage 'facts' needs stage 'quantities'")

    @property
    def dictionary_path(self) -> Optional[Path]:
        if self.segmenter_dictionary:
            return Path(self.segmenter_dictionary)
        bundled = Path(self.models_dir) / "seg-dict" / "dict.txt"
        return bundled if bundled.exists() else None

    @property
    def ner_model_path(self) -> Path:
        return Path(self.ner_model) if self.ner_model else Path(self.models_dir) / "ner-zh"

    def replace(self, **changes: Any) -> "Config":
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> Dict[str, Any]:
        """The resolved settings, as stored with a run."""
        data = dataclasses.asdict(self)
        data["stages"] = list(self.stages)
        data["dictionary_path"] = str(self.dictionary_path) if self.dictionary_path else None
        data["ner_model_path"] = str(self.ner_model_path)
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def load(cls, path: Optional[str] = None, **overrides: Any) -> "Config":
        """Defaults, then the ``[newsfacts]`` table of a TOML file, then keyword overrides."""
        values: Dict[str, Any] = {}
        if path:
            file = Path(path)
            try:
                data = tomllib.loads(file.read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"cannot read config {file}: {exc}") from None
            values = dict(data.get("newsfacts", data))
            known = {f.name for f in dataclasses.fields(cls)}
            unknown = sorted(set(values) - known)
            if unknown:
                raise ConfigError(f"{file}: unknown setting(s) {unknown}; known: {sorted(known)}")
            for key in ("models_dir", "segmenter_dictionary", "cache_dir", "ner_model"):
                if values.get(key):
                    values[key] = str((file.parent / values[key]).resolve())
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
