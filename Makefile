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

.PHONY: run test check soak venv seed lint typecheck pytest chromium postgres bench screenshots clean

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

run: seed
	$(BIN)/parastelu serve

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

pytest: venv chromium postgres
	$(BIN)/python -m pytest $(XDIST)

test: lint typecheck pytest

check: lint typecheck
	$(BIN)/python -m pytest -q $(XDIST) -m "not browser and not server and not slow"

# two instances on one Chroma server and one PostgreSQL, 20 users × 10 turns (issue 12's targets)
soak: venv postgres
	$(BIN)/parastelu bench cluster --users 20 --turns 10

bench: venv
	$(BIN)/parastelu bench retrieval
	$(BIN)/parastelu bench interview
	$(BIN)/parastelu bench scale --models 100000
	$(BIN)/python -m ui.bench

screenshots: venv chromium
	$(BIN)/python -m ui.screenshots

clean:
	rm -rf $(VENV) data .cache .pytest_cache .mypy_cache .ruff_cache
