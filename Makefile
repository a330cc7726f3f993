# The two commands of the contract: `make run` and `make test`. Both work on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export OMP_NUM_THREADS ?= 1
export GRADIO_ANALYTICS_ENABLED := False
export HF_HUB_OFFLINE := 1
export HF_HUB_DISABLE_TELEMETRY := 1
export ORT_DISABLE_TELEMETRY := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: run test venv seed lint typecheck pytest chromium bench screenshots clean test-llm

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

venv: $(BIN)/.installed

seed: venv
	$(BIN)/parastelu ingest knowledge/models

run: seed
	$(BIN)/parastelu serve

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian chromium for the browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

lint: venv
	$(BIN)/ruff check assistant ui tests evals

typecheck: venv
	$(BIN)/mypy

pytest: venv chromium
	$(BIN)/python -m pytest

test: lint typecheck pytest

bench: venv
	$(BIN)/parastelu bench retrieval
	$(BIN)/parastelu bench interview
	$(BIN)/parastelu bench scale --models 100000
	$(BIN)/python -m ui.bench

# Not part of `make test`: the LLM path against a real llama-cpp-python server (see README, "LLM").
test-llm: venv
	bash scripts/test_llm.sh $(TEST_LLM_ARGS)

screenshots: venv chromium
	$(BIN)/python -m ui.screenshots

clean:
	rm -rf $(VENV) data .cache .pytest_cache .mypy_cache .ruff_cache
