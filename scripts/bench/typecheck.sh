#!/usr/bin/env bash
# Type-checker benchmark: gotool versus go/types (Go 1.19) checking the same
# standard-library packages and all their dependencies from source, in the same run.
# The reference (scripts/bench/gotypes) parses and checks every package in full with
# a go/build-based source importer; gotool runs `gotool debug check` on the same
# packages (load, parse, check every package, no code generation). Both use the same GOROOT tree, cgo off.
# Runs alternate; the best wall time of each side is kept. Prints the packages
# checked, wall and CPU times, peak RSS and the ratio (target: gotool >= 2x faster).
# For reference it also times go/importer.ForCompiler(fset, "source", nil), which
# skips function bodies of imported packages (less work than gotool does).
#
# If gotool fails, the script says so and prints no ratio; if it reports errors in
# some packages (false errors, type parameters), it lists them and the ratio is
# indicative.
#
# Usage: scripts/bench/typecheck.sh [-n RUNS] [IMPORTPATH...]
#   -n RUNS  runs of each side (default 3)
#   default packages: net/http encoding/json text/template go/parser (with their
#   dependencies: well over 50 packages)
# Environment: GOTOOL (the binary; default: build it in $GOTOOL_BUILD_DIR or build/).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/gotool.sh

runs=3 pkgs=()
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs=$2; shift ;;
    -n=*|--n=*) runs=${1#*=} ;;
    -h|--help|-help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "typecheck.sh: unknown flag $1" >&2; exit 2 ;;
    *) pkgs+=("$1") ;;
  esac
  shift
done
[ ${#pkgs[@]} -eq 0 ] && pkgs=(net/http encoding/json text/template go/parser)

ref=/usr/lib/go-1.19
[ -x "$ref/bin/go" ] || scripts/setup.sh --oracle
build=${GOTOOL_BUILD_DIR:-build}
find_gotool
work=$build/bench/typecheck
mkdir -p "$work/empty"
work=$(cd "$work" && pwd)
# The reference program, built offline with the reference toolchain only.
(cd scripts/bench/gotypes && env GO111MODULE=on GOFLAGS= GOPROXY=off GOWORK=off GOENV=off \
  GOTOOLCHAIN=local CGO_ENABLED=0 GOCACHE="$work/gocache" GOPATH="$work/gopath" \
  "$ref/bin/go" build -o "$work/gotypes" .)

# Both sides see the same tree, no module, no go env file, cgo off.
export GOROOT=$ref GOENV=off GOFLAGS= CGO_ENABLED=0 GO111MODULE=on
cd "$work/empty"

n=$("$work/gotypes" "${pkgs[@]}" | sed -n 's/^checked \([0-9]*\) packages.*/\1/p')
# gotool's side is `gotool debug check`, which checks every package and dependency
# even when some have errors (`gotool build` stops at the first package with errors).
rc=0
out=$("$gotool" debug check "${pkgs[@]}" 2>&1) || rc=$?
if [ "$rc" -gt 1 ]; then
  echo "typecheck benchmark: gotool debug check ${pkgs[*]} failed (exit status $rc); no ratio:"
  head -n 15 <<<"$out" | sed 's/^/  /'
  exit 0
fi

# measure NAME CMD...: runs CMD under /usr/bin/time and keeps the best wall time (ms),
# the CPU time (s) of that run and the highest peak RSS (KB).
declare -A best_ms best_cpu peak_kb
measure() {
  local name=$1 t0 t1 ms stats kb cpu
  shift
  t0=${EPOCHREALTIME/./}
  /usr/bin/time -o "$work/time.txt" -f '%M %U %S' "$@" >/dev/null 2>&1 || true
  stats=$(tail -n 1 "$work/time.txt")
  t1=${EPOCHREALTIME/./}
  ms=$(((t1 - t0) / 1000))
  read -r kb user sys <<<"$stats"
  cpu=$(awk "BEGIN{print $user + $sys}")
  if [ -z "${best_ms[$name]:-}" ] || [ "$ms" -lt "${best_ms[$name]}" ]; then
    best_ms[$name]=$ms best_cpu[$name]=$cpu
  fi
  if [ -z "${peak_kb[$name]:-}" ] || [ "$kb" -gt "${peak_kb[$name]}" ]; then peak_kb[$name]=$kb; fi
}
for ((r = 0; r < runs; r++)); do
  measure gotool "$gotool" debug check "${pkgs[@]}"
  measure go "$work/gotypes" "${pkgs[@]}"
  measure go_src "$work/gotypes" -mode srcimporter "${pkgs[@]}"
done

if [ "$rc" -ne 0 ]; then
  echo "  note: gotool reports errors in packages go/types accepts (the ratio is indicative):"
  grep '^FAIL' <<<"$out" | sed 's/^/    /'
fi
ratio() { awk "BEGIN{printf \"%.2f\", $1 / $2}"; }
row() {
  printf '  %-52s %7.3f s wall  %6.2f s cpu  %7d KB peak RSS\n' "$1" \
    "$(awk "BEGIN{print ${best_ms[$2]} / 1000}")" "${best_cpu[$2]}" "${peak_kb[$2]}"
}
echo "typecheck benchmark: ${pkgs[*]} and dependencies ($n packages), best of $runs runs"
[ "$n" -ge 50 ] || echo "  (fewer than 50 packages: indicative only, not the issue's measure)"
row "gotool debug check (load, parse, check)" gotool
row "go/types, full source importer (same work)" go
row "go/types, go/importer \"source\" (dep bodies skipped)" go_src
echo "wall-time ratio (go/types / gotool): $(ratio "${best_ms[go]}" "${best_ms[gotool]}")x" \
  "(target >= 2); vs go/importer \"source\": $(ratio "${best_ms[go_src]}" "${best_ms[gotool]}")x"
echo "cpu-time ratio (go/types / gotool): $(ratio "${best_cpu[go]}" "${best_cpu[gotool]}")x"
echo "peak-memory ratio (gotool / go/types): $(ratio "${peak_kb[gotool]}" "${peak_kb[go]}")"
