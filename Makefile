# The two commands a new user needs:  make demo  (set up + check a bundled sample)  and  make test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN     = $(VENV)/bin
SAMPLE ?= samples/rfp_violations.pdf

.PHONY: demo test eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $@

demo: $(VENV)/.installed
	$(BIN)/rfpcheck $(SAMPLE) --fail-on none

test: $(VENV)/.installed
	$(BIN)/python -m pytest

# Accuracy against the labeled real corpus (needs ../shared beside the clone).
eval: $(VENV)/.installed
	$(BIN)/rfpcheck eval ../shared/corpus/labels --jobs 2 -o out/eval.json

bench: $(VENV)/.installed
	$(BIN)/python scripts/benchmark.py --jobs 1

clean:
	rm -rf $(VENV) build *.egg-info out/*.json
