#!/usr/bin/env bash
# The whole test suite: set-up, lint, architecture contract, tests (offscreen Qt).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check mediakit tests benchmarks scripts
.venv/bin/lint-imports
.venv/bin/python -m pytest "$@"
