#!/usr/bin/env bash
# Screenshots of every screen in a real (xcb) window under Xvfb, for the README.
set -euo pipefail
cd "$(dirname "$0")/.."
exec xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshots.py "$@"
