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
echo "\$ gotool fmt -l examples/hello   # lists nothing: the example is gofmt-clean"
$gotool fmt -l examples/hello
echo "\$ printf 'package p\nfunc  f( ) {return}\n' | gotool fmt"
printf 'package p\nfunc  f( ) {return}\n' | $gotool fmt
echo "\$ gotool mod edit -json examples/hello/go.mod"
$gotool mod edit -json examples/hello/go.mod
