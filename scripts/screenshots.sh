#!/usr/bin/env bash
# Screenshots of every screen in a real (xcb) window under Xvfb at 1366×768 (a laptop
# screen), for the README.
set -euo pipefail
cd "$(dirname "$0")/.."
exec xvfb-run -a -s "-screen 0 1366x768x24" "${PYTHON:-.venv/bin/python}" scripts/screenshots.py "$@"
