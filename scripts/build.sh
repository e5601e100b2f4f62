#!/usr/bin/env bash
# Configures and builds gotool and its tests into build/ (Ninja, 2 jobs by default).
# Usage: scripts/build.sh [extra cmake -D options]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${GOTOOL_BUILD_DIR:-build}
jobs=${GOTOOL_JOBS:-2}
if [ ! -f "$build/build.ninja" ]; then
  cmake -S . -B "$build" -G Ninja "$@" >/dev/null
fi
cmake --build "$build" -j "$jobs"
