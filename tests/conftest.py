import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def data_root() -> Path:
    """The shared corpora: $NEWSFACTS_DATA, else ../shared/data beside the checkout."""
    return Path(os.environ.get("NEWSFACTS_DATA") or REPO.parent / "shared" / "data")


@pytest.fixture(scope="session")
def corpus_root() -> Path:
    root = data_root()
    if not root.is_dir():
        pytest.skip(f"shared corpora not found at {root} (set NEWSFACTS_DATA)")
    return root


@pytest.fixture(scope="session")
def nlp():
    from pipeline.config import Config
    from pipeline.nlp import build_nlp

    return build_nlp(Config(stages=("times", "quantities", "facts")))
