#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan+UBSan) and runs each for a while.
# Usage: scripts/fuzz/run.sh [seconds-per-target] [target...]
#   default: 60 seconds, targets fuzz_scanner and (if built) fuzz_parser and fuzz_fmt.
# New inputs go to build-fuzz/corpus/<target>/ (seeded from scripts/fuzz/corpus/, shared
# by all targets),
# crashes to build-fuzz/artifacts/<target>/.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
secs=${1:-60}
shift || true
build=${GOTOOL_FUZZ_BUILD:-$root/build-fuzz}
jobs=${GOTOOL_FUZZ_JOBS:-2}

cmake -S "$root" -B "$build" -G Ninja -DGOTOOL_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(fuzz_scanner)
  if [ -f "$root/pkg/syntax/parser.h" ]; then targets+=(fuzz_parser); fi
  if [ -f "$root/fmt/gofmt.h" ]; then targets+=(fuzz_fmt); fi
fi
ninja -C "$build" -j"$jobs" "${targets[@]}"

status=0
for t in "${targets[@]}"; do
  seeds=$root/scripts/fuzz/corpus
  work=$build/corpus/$t
  art=$build/artifacts/$t/
  mkdir -p "$work" "$art"
  echo "== $t for ${secs}s (corpus $work, seeds $seeds)"
  if ! "$build/scripts/fuzz/$t" -max_total_time="$secs" -max_len=16384 -len_control=20 -timeout=10 \
      -rss_limit_mb=4096 -artifact_prefix="$art" -print_final_stats=1 "$work" "$seeds"; then
    echo "== $t FAILED: see $art"
    status=1
  fi
done
exit $status
