# The two commands: `make run` (the main job on the bundled samples) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test eval clean seg-dict ner-model

$(STAMP): setup.cfg pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/newsfacts run corpora/samples --out newsfacts.sqlite

test: $(STAMP)
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/newsfacts eval --gold corpora/gold

clean:
	rm -rf $(VENV) newsfacts.sqlite newsfacts.sqlite-wal newsfacts.sqlite-shm

# Rebuild the segmentation dictionary from the shared corpora (not part of CI).
seg-dict: $(STAMP)
	$(BIN)/newsfacts build-dict --corpus-root $${NEWSFACTS_DATA:-../shared/data} --out models/seg-dict

# Retrain the entity model from the shared corpora (about 70 minutes on one core; not part of CI).
ner-model: $(STAMP)
	OMP_NUM_THREADS=1 $(BIN)/newsfacts train ner --corpus-root $${NEWSFACTS_DATA:-../shared/data} --out models/ner-zh
