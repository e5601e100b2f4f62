#!/usr/bin/env bash
# Parser benchmark: gotool's parser versus go/parser (Go 1.19) on every .go file of
# the reference's src/ tree, with comments, in the same run. Each side reads and parses
# every file and drops the tree (scripts/bench/goparse; `gotool debug parse`), with the
# same number of workers; runs alternate, and the best wall time of each is kept.
# Prints the wall-time ratio (target: gotool >= 3x faster) and the peak-memory ratio
# (target: gotool no higher), plus CPU time, and the ratio against go/parser with
# SkipObjectResolution (gotool resolves no objects, so that is the closer twin).
#
# Usage: scripts/bench/parse.sh [-j N] [-n RUNS] [DIR_OR_FILE...]
#   -j N     workers on each side (default 1: sequential)
#   -n RUNS  runs of each side (default 5)
# Environment: GOTOOL (the binary; default: build it in $GOTOOL_BUILD_DIR or build/).
set -euo pipefail
cd "$(dirname "$0")/../.."

jobs=1 runs=5 paths=()
while [ $# -gt 0 ]; do
  case "$1" in
    -j) jobs=$2; shift ;;
    -j=*|--j=*) jobs=${1#*=} ;;
    -n) runs=$2; shift ;;
    -n=*|--n=*) runs=${1#*=} ;;
    -h|--help|-help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "parse.sh: unknown flag $1" >&2; exit 2 ;;
    *) paths+=("$1") ;;
  esac
  shift
done

ref=/usr/lib/go-1.19
[ -x "$ref/bin/go" ] || scripts/setup.sh --oracle
[ ${#paths[@]} -eq 0 ] && paths=(/usr/share/go-1.19/src)

build=${GOTOOL_BUILD_DIR:-build}
. scripts/lib/gotool.sh
find_gotool
work=$build/bench/parse
mkdir -p "$work"
work=$(cd "$work" && pwd)
# The reference program, built offline with the reference toolchain only.
(cd scripts/bench/goparse && env GO111MODULE=on GOFLAGS= GOPROXY=off GOWORK=off GOENV=off \
  GOTOOLCHAIN=local CGO_ENABLED=0 GOCACHE="$work/gocache" GOPATH="$work/gopath" \
  "$ref/bin/go" build -o "$work/goparse" .)

list=$work/files.txt
find "${paths[@]}" -name '*.go' -type f | LC_ALL=C sort >"$list"
n=$(wc -l <"$list")
bytes=$(tr '\n' '\0' <"$list" | xargs -0 cat | wc -c)
tr '\n' '\0' <"$list" | xargs -0 cat >/dev/null  # warm the page cache for both sides

# measure NAME CMD...: runs CMD, records its wall time (ms), peak RSS (KB), CPU (s)
# and summary line in the arrays of NAME.
declare -A best_ms peak_kb best_cpu summary
measure() {
  local name=$1 t0 t1 out ms kb cpu
  shift
  t0=${EPOCHREALTIME/./}
  out=$("$@")
  t1=${EPOCHREALTIME/./}
  ms=$(((t1 - t0) / 1000))
  kb=$(sed -n 's/.*peak RSS \([0-9]*\) KB.*/\1/p' <<<"$out")
  cpu=$(sed -n 's/.*cpu \([0-9.]*\) s.*/\1/p' <<<"$out")
  summary[$name]=${out%%, peak RSS*}
  if [ -z "${best_ms[$name]:-}" ] || [ "$ms" -lt "${best_ms[$name]}" ]; then best_ms[$name]=$ms; fi
  if [ -z "${peak_kb[$name]:-}" ] || [ "$kb" -gt "${peak_kb[$name]}" ]; then peak_kb[$name]=$kb; fi
  if [ -z "${best_cpu[$name]:-}" ] || awk "BEGIN{exit !($cpu < ${best_cpu[$name]})}"; then
    best_cpu[$name]=$cpu
  fi
}
for ((r = 0; r < runs; r++)); do
  measure gotool "$gotool" debug parse -j "$jobs" -list "$list"
  measure go "$work/goparse" -j "$jobs" -list "$list"
  measure go_skip "$work/goparse" -j "$jobs" -skip-resolve -list "$list"
done

ratio() { awk "BEGIN{printf \"%.2f\", $1 / $2}"; }
row() {
  printf '  %-46s %7.3f s wall  %6.3f s cpu  %7d KB peak RSS\n' "$1" \
    "$(awk "BEGIN{print ${best_ms[$2]} / 1000}")" "${best_cpu[$2]}" "${peak_kb[$2]}"
}
echo "parse benchmark: $n files, $((bytes / 1024)) KB, with comments, $jobs worker(s) each," \
  "best of $runs runs (peak RSS: highest)"
row "gotool debug parse" gotool
row "go/parser ParseComments" go
row "go/parser ParseComments|SkipObjectResolution" go_skip
[ "${summary[gotool]#parsed}" = "${summary[go]#parsed}" ] ||
  echo "  warning: the sides disagree: gotool ${summary[gotool]}; go ${summary[go]}"
echo "wall-time ratio (go/parser / gotool): $(ratio "${best_ms[go]}" "${best_ms[gotool]}")x" \
  "(target >= 3); vs SkipObjectResolution: $(ratio "${best_ms[go_skip]}" "${best_ms[gotool]}")x"
echo "cpu-time ratio (go/parser / gotool): $(ratio "${best_cpu[go]}" "${best_cpu[gotool]}")x;" \
  "vs SkipObjectResolution: $(ratio "${best_cpu[go_skip]}" "${best_cpu[gotool]}")x"
echo "peak-memory ratio (gotool / go/parser): $(ratio "${peak_kb[gotool]}" "${peak_kb[go]}")" \
  "(target <= 1); vs SkipObjectResolution: $(ratio "${peak_kb[gotool]}" "${peak_kb[go_skip]}")"
