#!/usr/bin/env bash
# Install everything mediakit and its tests need, on a fresh Debian machine: system packages
# (when missing) and a virtual environment in .venv with mediakit installed in editable mode.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  libimage-exiftool-perl                     # metadata checks in tests
  chromium chromium-driver                   # the review page is tested in headless Chromium
  ffmpeg                                     # ffprobe, an independent oracle for tests
  espeak-ng                                  # speech samples for the voice disguise tests
  libpulse0 libgl1 libegl1 libxkbcommon0     # QtMultimedia / Qt runtime
  xvfb libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-xinerama0 libxcb-shape0   # real windows under Xvfb (screenshots)
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installation des paquets système : ${missing[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

PYTHON=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip wheel "setuptools>=68,<81"
# dlib comes prebuilt (dlib-bin): a dlib compiled by an earlier set-up would clash with it
if .venv/bin/python -m pip show -q dlib >/dev/null 2>&1; then
  .venv/bin/python -m pip uninstall -y -q dlib face_recognition
fi
.venv/bin/python -m pip install -q -e ".[dev]"
echo "setup: prêt (.venv)"
