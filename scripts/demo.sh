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
echo "\$ gotool env GOOS GOARCH GOMODCACHE"
$gotool env GOOS GOARCH GOMODCACHE
echo "\$ gotool debug parse examples/hello/*.go   # the shared Go parser"
$gotool debug parse examples/hello/*.go
