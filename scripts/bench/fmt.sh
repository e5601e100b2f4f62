#!/usr/bin/env bash
# gofmt benchmark: `gotool fmt` versus the reference gofmt (Go 1.19), in the same run.
#  1. tree:   `gotool fmt -l DIR` vs `gofmt -l DIR` over the reference's src/ tree (both
#             walk it the same way and read, parse and print every .go file);
#  2. editor: one ~5,000-line file through standard input, as an editor's
#             format-on-save does: wall time over REPEAT runs, peak RSS of one.
# Each side is measured with /usr/bin/time -f "%e %M"; runs alternate and the best wall
# time and the highest peak RSS of each are kept. Prints the wall-time ratios (gofmt /
# gotool: above 1 means gotool is faster) and the peak-memory ratios (gotool / gofmt:
# below 1 means gotool needs less). gofmt uses every core (GOMAXPROCS); gotool fmt
# formats 2 files at a time.
#
# Usage: scripts/bench/fmt.sh [-n RUNS] [-r REPEAT] [-file FILE] [DIR]
#   -n RUNS     runs of each side (default 3)
#   -r REPEAT   editor case: formats per measured run (default 100; /usr/bin/time
#               reports centiseconds, so fewer runs blur the ratio)
#   -file FILE  editor case input (default: the src/ file closest to 5,000 lines)
#   DIR         the tree (default: the reference's src/)
# Environment: GOTOOL (the binary; default: build it in $GOTOOL_BUILD_DIR or build/).
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=3 repeat=100 file="" dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs=$2; shift ;;
    -n=*|--n=*) runs=${1#*=} ;;
    -r) repeat=$2; shift ;;
    -r=*|--r=*) repeat=${1#*=} ;;
    -file|--file) file=$2; shift ;;
    -file=*|--file=*) file=${1#*=} ;;
    -h|--help|-help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "fmt.sh: unknown flag $1" >&2; exit 2 ;;
    *) dir=$1 ;;
  esac
  shift
done

ref=/usr/lib/go-1.19
[ -x "$ref/bin/gofmt" ] || scripts/setup.sh --oracle
gofmt=$ref/bin/gofmt
[ -n "$dir" ] || dir=/usr/share/go-1.19/src
[ -x /usr/bin/time ] || { echo "fmt.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }

build=${GOTOOL_BUILD_DIR:-build}
. scripts/lib/gotool.sh
find_gotool
work=$build/bench/fmt
mkdir -p "$work"
work=$(cd "$work" && pwd)

if [ -z "$file" ]; then
  file=$(find "$dir" -name '*.go' -type f -print0 | xargs -0 wc -l | grep -v ' total$' |
    awk '{d = $1 - 5000; if (d < 0) d = -d; if (best == "" || d < best) {best = d; f = $2}} END {print f}')
fi
lines=$(wc -l <"$file")
n=$(find "$dir" -name '*.go' -type f ! -name '.*' | wc -l)
bytes=$(find "$dir" -name '*.go' -type f ! -name '.*' -print0 | xargs -0 cat | wc -c)  # warms the cache

# measure NAME CMD...: runs CMD under /usr/bin/time, keeps NAME's best wall time (s)
# and highest peak RSS (KB); CMD's standard output goes to $work/NAME.out.
declare -A best_s peak_kb
measure() {
  local name=$1 t s kb
  shift
  /usr/bin/time -o "$work/time.txt" -f "%e %M" "$@" >"$work/$name.out" 2>"$work/$name.err" || true
  read -r s kb < <(tail -n 1 "$work/time.txt")
  if [ -z "${best_s[$name]:-}" ] || awk "BEGIN{exit !($s < ${best_s[$name]})}"; then best_s[$name]=$s; fi
  if [ -z "${peak_kb[$name]:-}" ] || [ "$kb" -gt "${peak_kb[$name]}" ]; then peak_kb[$name]=$kb; fi
}
editor_loop='tool=$1 file=$2 repeat=$3; shift 3
for ((i = 0; i < repeat; i++)); do "$tool" "$@" <"$file" >/dev/null || exit 1; done'
for ((r = 0; r < runs; r++)); do
  measure tree_gotool "$gotool" fmt -l "$dir"
  measure tree_gofmt "$gofmt" -l "$dir"
  measure editor_gotool bash -c "$editor_loop" _ "$gotool" "$file" "$repeat" fmt
  measure editor_gofmt bash -c "$editor_loop" _ "$gofmt" "$file" "$repeat"
  measure once_gotool "$gotool" fmt <"$file"  # peak memory of the process alone
  measure once_gofmt "$gofmt" <"$file"
done

ratio() { awk "BEGIN{if ($2 == 0) print \"inf\"; else printf \"%.2f\", $1 / $2}"; }
row() { printf '  %-34s %8.2f s wall  %8d KB peak RSS\n' "$1" "${best_s[$2]}" "${peak_kb[$2]}"; }
echo "fmt benchmark, best of $runs runs (peak RSS: highest)"
echo "tree: $n files, $((bytes / 1024)) KB in $dir"
row "gotool fmt -l" tree_gotool
row "gofmt -l" tree_gofmt
cmp -s "$work/tree_gotool.out" "$work/tree_gofmt.out" ||
  echo "  warning: the -l lists differ (see $work/tree_*.out); the printer is not exact yet"
echo "editor: $file ($lines lines) on standard input, $repeat times per run"
row "gotool fmt <file (x$repeat)" editor_gotool
row "gofmt <file (x$repeat)" editor_gofmt
row "gotool fmt <file (once)" once_gotool
row "gofmt <file (once)" once_gofmt
echo "tree wall-time ratio (gofmt / gotool): $(ratio "${best_s[tree_gofmt]}" "${best_s[tree_gotool]}")x"
echo "tree peak-memory ratio (gotool / gofmt): $(ratio "${peak_kb[tree_gotool]}" "${peak_kb[tree_gofmt]}")"
echo "editor wall-time ratio (gofmt / gotool): $(ratio "${best_s[editor_gofmt]}" "${best_s[editor_gotool]}")x"
echo "editor peak-memory ratio (gotool / gofmt): $(ratio "${peak_kb[once_gotool]}" "${peak_kb[once_gofmt]}")"
