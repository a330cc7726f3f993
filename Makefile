# The two commands of the contract: `make run` and `make test`. Both work on a fresh machine.
# `make check` is the inner loop: lint, types and the tests that need no browser and no server (≤ 90 s).
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

.PHONY: run test check soak venv seed seed-vectors lint typecheck pytest chromium postgres bench screenshots clean \
        test-llm

# both cores where it helps (pytest-xdist); PYTEST_JOBS=0 runs in one process
PYTEST_JOBS ?= 2
XDIST := $(if $(filter 0,$(PYTEST_JOBS)),,-n $(PYTEST_JOBS) --dist worksteal)

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

venv: $(BIN)/.installed

seed: venv
	$(BIN)/parastelu ingest knowledge/models

# One line per step: install (pip's output in .cache/install.log), load the seed bank (progress bar), ready.
run:
	@mkdir -p .cache
	@if [ -f $(BIN)/.installed ] && [ $(BIN)/.installed -nt pyproject.toml ]; then \
	  echo "[1/3] dependencies: already installed ($(VENV))"; \
	else \
	  echo "[1/3] installing dependencies into $(VENV) (about a minute; log: .cache/install.log)"; \
	  $(MAKE) --no-print-directory venv > .cache/install.log 2>&1 || { \
	    echo "install failed; the end of .cache/install.log:"; tail -n 20 .cache/install.log; exit 1; }; \
	fi
	@$(BIN)/python -m ui.run

# Regenerate knowledge/vectors/seed.npz after changing the seed bank (a test checks it is complete).
seed-vectors: venv
	$(BIN)/parastelu train seed-vectors

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian chromium for the browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# Debian's PostgreSQL for the shared-session tests (they start their own temporary cluster on loopback)
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || { \
	  echo "installing Debian postgresql for the shared-session tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq postgresql >/dev/null; }

lint: venv
	$(BIN)/ruff check assistant ui tests evals

typecheck: venv
	$(BIN)/mypy

# the tests run on both cores already (xdist): one embedder thread per worker
pytest: venv chromium postgres
	PARASTELU_EMBED_THREADS=$${PARASTELU_EMBED_THREADS:-1} $(BIN)/python -m pytest $(XDIST)

test: lint typecheck pytest

check: lint typecheck
	PARASTELU_EMBED_THREADS=$${PARASTELU_EMBED_THREADS:-1} $(BIN)/python -m pytest -q $(XDIST) \
	  -m "not browser and not server and not slow"

# faults and load: 20 users × 10 turns with second tabs, kill -9 of server and ingest (one instance); then
# two instances on one Chroma server and one PostgreSQL, 20 users × 10 turns
soak: venv postgres
	$(BIN)/parastelu bench load
	$(BIN)/parastelu bench load --path ui --kills 0
	$(BIN)/parastelu bench cluster --users 20 --turns 10

# every benchmark that prints figures (understanding and matching: dev and held-out apart)
bench: venv
	$(BIN)/parastelu bench interview
	$(BIN)/parastelu bench match
	$(BIN)/parastelu bench retrieval
	$(BIN)/parastelu bench pii
	$(BIN)/parastelu bench scale --models 100000
	$(BIN)/python -m ui.bench

# Not part of `make test`: the LLM path against a real llama-cpp-python server (see README, "LLM").
test-llm: venv
	bash scripts/test_llm.sh $(TEST_LLM_ARGS)

screenshots: venv chromium
	$(BIN)/python -m ui.screenshots

clean:
	rm -rf $(VENV) data .cache .pytest_cache .mypy_cache .ruff_cache
