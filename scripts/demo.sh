#!/usr/bin/env bash
# Sets up and builds gotool, then runs what it can do today on the bundled example
# module examples/hello. Each capability joins this demo as it lands.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh >/dev/null
gotool=build/bin/gotool
echo "\$ gotool version"
$gotool version
