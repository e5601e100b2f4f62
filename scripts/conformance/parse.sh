#!/usr/bin/env bash
# Parser conformance: gotool's parser against go/parser (Go 1.19, mode ParseComments)
# on every .go file of the reference's src/ and test/ trees (or the given files and
# directories). Per file it compares the verdict (parses / syntax error), the first
# error's "line:col: message" for rejected files, and the canonical AST dump
# (pkg/syntax/dump.h, scripts/conformance/goast) for accepted ones, then prints
# per-category counts, where the first differences are, and "N passed, M failed".
#
# Usage: scripts/conformance/parse.sh [--ci] [-v] [-j N] [-sample N] [FILE_OR_DIR...]
#   --ci       exit 1 when a percentage is below the floors stored below
#   -v         list every mismatching file with a short diff
#   -j N       parallel workers for both parsers (default 2)
#   -sample N  examine at most N differing dumps in full (default 400)
# Environment: GOTOOL (the binary; default: build it in $GOTOOL_BUILD_DIR or build/),
# GOTOOL_CONFORMANCE_DIR (work and report directory; default <build>/conformance/parse).
# Reports: <work>/mismatches/report.txt (one line per mismatching file) and
# <work>/mismatches/<kind>/<i>.txt (both outputs around the first difference).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/gotool.sh

# Floors for --ci, in percent: verdict agrees (of all files), first error agrees (of
# files go/parser rejects), dump identical (of files go/parser accepts): the issue's
# targets, which the parser meets; a regression fails CI.
FLOOR_VERDICT=100
FLOOR_FIRST_ERROR=99
FLOOR_DUMP=100

ci=0 verbose=() jobs=${GOTOOL_JOBS:-2} sample=400 paths=()
while [ $# -gt 0 ]; do
  case "$1" in
    --ci|-ci) ci=1 ;;
    -v|--v) verbose=(-v) ;;
    -j) jobs=$2; shift ;;
    -j=*|--j=*) jobs=${1#*=} ;;
    -sample|--sample) sample=$2; shift ;;
    -h|--help|-help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "parse.sh: unknown flag $1" >&2; exit 2 ;;
    *) paths+=("$1") ;;
  esac
  shift
done

ref=/usr/lib/go-1.19
[ -x "$ref/bin/go" ] || scripts/setup.sh --oracle
if [ ${#paths[@]} -eq 0 ]; then
  paths=(/usr/share/go-1.19/src /usr/share/go-1.19/test)
fi

build=${GOTOOL_BUILD_DIR:-build}
find_gotool
work=${GOTOOL_CONFORMANCE_DIR:-$build/conformance/parse}
mkdir -p "$work"
work=$(cd "$work" && pwd)

# The reference dumper, built offline with the reference toolchain only.
build_go() {  # build_go SRCDIR OUT
  (cd "$1" && env GO111MODULE=on GOFLAGS= GOPROXY=off GOWORK=off GOENV=off GOTOOLCHAIN=local \
    CGO_ENABLED=0 GOCACHE="$work/gocache" GOPATH="$work/gopath" "$ref/bin/go" build -o "$2" .)
}
build_go scripts/conformance/goast "$work/goast"

list=$work/files.txt
find "${paths[@]}" -name '*.go' -type f | LC_ALL=C sort >"$list"
n=$(wc -l <"$list")
start_time=$SECONDS

"$work/goast" dump -j "$jobs" -list "$list" -index "$work/want.idx"

# gotool writes one index line per finished file, so that a crash or a hang costs only
# the file it happened on: rerun from the first file without a line, one worker at a
# time, to find the culprit, record it and go on after it.
has_line() { [ -n "${done_set[$1]:-}" ]; }
load_done() {
  done_set=()
  local i rest
  while IFS=$'\t' read -r i rest; do done_set[i]=1; done <"$work/got.idx"
}
first_missing() {  # first_missing FROM: echoes the first index >= FROM without a line
  local i=$1
  while [ "$i" -lt "$n" ] && has_line "$i"; do i=$((i + 1)); done
  echo "$i"
}
run_gotool() {  # run_gotool START JOBS
  timeout "${GOTOOL_PARSE_TIMEOUT:-300}" "$gotool" debug parse -dump -j "$2" -start "$1" \
    -list "$list" -index "$work/got.idx" 2>>"$work/gotool.stderr"
}
: >"$work/got.idx"
: >"$work/gotool.stderr"
declare -a done_set
start=0 crashes=0
failed() {  # failed RC: a failure that is not a crash or a hang ends the run
  [ "$1" -lt 124 ] || return 1
  echo "parse.sh: gotool debug parse failed (exit status $1):" >&2
  tail -n 5 "$work/gotool.stderr" >&2
}
while :; do
  rc=0
  run_gotool "$start" "$jobs" || rc=$?
  [ "$rc" -eq 0 ] && break
  failed "$rc" && break
  load_done
  start=$(first_missing "$start")
  [ "$start" -ge "$n" ] && break
  rc=0
  run_gotool "$start" 1 || rc=$?
  [ "$rc" -eq 0 ] && break
  failed "$rc" && break
  load_done
  bad=$(first_missing "$start")
  [ "$bad" -ge "$n" ] && break
  why="exit status $rc"
  [ "$rc" -eq 124 ] && why="timed out"
  [ "$rc" -gt 128 ] && why="killed by signal $((rc - 128))"
  printf '%d\t0\t"crash: gotool debug parse %s on this file"\n' "$bad" "$why" >>"$work/got.idx"
  echo "parse.sh: gotool $why on $(sed -n "$((bad + 1))p" "$list")" >&2
  crashes=$((crashes + 1))
  if [ "$crashes" -ge 50 ]; then
    echo "parse.sh: too many crashes, giving up on the remaining files" >&2
    break
  fi
  start=$((bad + 1))
done

# Full dumps of a sample of the files whose dumps differ, to show where they differ.
mm=$work/mismatches
rm -rf "$mm"
"$work/goast" compare -list "$list" -prepare -mismatch "$mm" -sample "$sample" \
  "$work/want.idx" "$work/got.idx"
if [ -s "$mm/dumps.list" ]; then
  "$work/goast" dump -j "$jobs" -list "$mm/dumps.list" -o "$mm/want"
  mkdir -p "$mm/got"
  timeout "${GOTOOL_PARSE_TIMEOUT:-300}" "$gotool" debug parse -dump -j "$jobs" \
    -list "$mm/dumps.list" -o "$mm/got" 2>>"$work/gotool.stderr" || true
fi

floors=()
[ "$ci" -eq 1 ] && floors=(-floors "$FLOOR_VERDICT,$FLOOR_FIRST_ERROR,$FLOOR_DUMP")
echo "reports: $mm/report.txt, $mm/<kind>/<i>.txt; one file:" \
  "diff <($work/goast dump F) <($gotool debug parse -dump F)"
echo "($n files, $jobs workers each, $((SECONDS - start_time))s)"
"$work/goast" compare -list "$list" -mismatch "$mm" "${verbose[@]}" "${floors[@]}" \
  "$work/want.idx" "$work/got.idx"
