#!/usr/bin/env bash
# Builds gotool and runs the whole test suite: unit, golden and script tests (ctest),
# then the conformance scripts against the reference Go 1.19 (installed by setup.sh
# --oracle) with the floors the issues set.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --oracle
scripts/build.sh
build=${GOTOOL_BUILD_DIR:-build}
(cd "$build" && ctest -j 2 --output-on-failure --timeout 600)
for s in scripts/conformance/*.sh; do
  [ -e "$s" ] || continue
  echo "== $s"
  "$s" --ci
done
# The files with type parameters (issue #6), reported apart with their own floor.
echo "== scripts/conformance/errorcheck.sh -generic"
scripts/conformance/errorcheck.sh --ci -generic
