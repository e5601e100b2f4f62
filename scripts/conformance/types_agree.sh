#!/usr/bin/env bash
# Types agreement (issue #6): for every expression of the standard library's
# packages, the type gotool's checker records (pkg/types' Info.types) equals the one
# go/types 1.19 records (types.Info.Types), with the same operand mode and constant
# value.
#
# Both sides load every package of `go list std` (the oracle's list for the tree) in
# GOROOT mode for linux/amd64 with cgo off, check it from source and dump its
# Info.Types in one canonical text form, one line per expression: position (file,
# start, end), expression (ExprString), mode, type (TypeString qualified by package
# path) and constant value (ExactString); see scripts/conformance/typesinfo/main.go.
# The reference side is that Go program, built offline by the oracle toolchain; the
# gotool side is `gotool debug typesinfo` (pkg/types/infodump.h).
#
# The packages compared: those go/types checks without errors, non-generic ones
# first (go/types says which are generic: they declare type parameters or instantiate
# generic types or functions), each group sorted by import path; -n N keeps the first
# N. A package for which gotool reports errors, or that depends on such a package, is
# listed as skipped; it is compared by itself once gotool checks it.
#
# The figures: one line per package ("ok PATH: N expressions", "FAIL PATH: A of N
# agree (kinds)", "skip PATH: reason"), then the expressions compared (the union of
# both sides' entries), how many agree and the percentage, the disagreements by kind
# (missing: go/types records the expression and gotool does not; extra: the reverse;
# otherwise the fields that differ: expr, mode, type, value), and "N passed, M
# failed" over the packages compared (passed: every entry agrees). Every disagreement
# is written to <build>/conformance/types_agree/diffs.txt.
#
# The reference dump takes a minute or two of CPU; it is cached in
# <build>/conformance/types_agree/want-{pkgs,tests}-<key>.txt, keyed by the tree's
# real path, the oracle's `go version`, the package list and the reference program's
# source (delete it to recompute).
#
# With -test, each package's test packages are dumped and compared too: "P@test", the
# package with its _test.go files (when it has any), and "P_test", its external test
# package, which sees P@test, and the packages it imports that depend on P re-checked
# against P@test, as go vet sees them. Packages the reference cannot check are listed
# as not compared.
#
# Usage: scripts/conformance/types_agree.sh [--ci] [-test] [-v K] [-n N] [GOROOT]
#   --ci     exit 1 when fewer than FLOOR_PACKAGES (FLOOR_PACKAGES_TEST with -test)
#            packages are compared or the agreement is below FLOOR_PERCENT
#   -test    compare the test packages too
#   -v K     print the first K disagreements of each failing package
#   -n N     compare only the first N selected packages (default: all)
#   GOROOT   the tree (default /usr/share/go-1.19)
# Environment: GOTOOL (the binary; default: build it in $GOTOOL_BUILD_DIR or build/).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/gotool.sh

# Floors for --ci: the packages compared today (every one go/types checks without
# errors, the 3 generic ones included) and the expression-level agreement (%) they
# reach. A package gotool reports errors for is skipped and so lowers the count.
FLOOR_PACKAGES=236
FLOOR_PACKAGES_TEST=516
FLOOR_PERCENT=100

ci=0 verbose=0 limit=0 goroot= tests=()
while [ $# -gt 0 ]; do
  case "$1" in
    --ci|-ci) ci=1 ;;
    -v|--v) verbose=$2; shift ;;
    -v=*|--v=*) verbose=${1#*=} ;;
    -test|--test) tests=(-test) ;;
    -n|--n) limit=$2; shift ;;
    -n=*|--n=*) limit=${1#*=} ;;
    -h|--help|-help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "types_agree.sh: unknown flag $1" >&2; exit 2 ;;
    *) goroot=$1 ;;
  esac
  shift
done
setup_goroot types_agree.sh

build=${GOTOOL_BUILD_DIR:-build}
find_gotool
work=$build/conformance/types_agree
mkdir -p "$work"
work=$(cd "$work" && pwd)
start_time=$SECONDS

# The reference program, built offline with the oracle toolchain and std only.
go_env=(env -i PATH="$PATH" HOME="$work/home" GOROOT="$goroot" GOENV=off GOFLAGS= GOPROXY=off
  GOWORK=off GOTOOLCHAIN=local GO111MODULE=on CGO_ENABLED=0 GOCACHE="$work/gocache"
  GOPATH="$work/gopath")
(cd scripts/conformance/typesinfo &&
  "${go_env[@]}" GOROOT="$oracle" "$oracle/bin/go" build -o "$work/typesinfo" .)

# The packages: the oracle's `go list std` for the tree (run outside any module).
mkdir -p "$work/empty"
(cd "$work/empty" && "${go_env[@]}" "$oracle/bin/go" list std) >"$work/std.txt"
mapfile -t pkgs <"$work/std.txt"

# The reference dump, cached.
go_version=$("${go_env[@]}" "$oracle/bin/go" version)
key=$(cat <(printf '%s\n%s\n%s\n' "$goroot" "$go_version" "${tests[*]:-}") \
  scripts/conformance/typesinfo/*.go \
  "$work/std.txt" | sha256sum | cut -c1-16)
mode=pkgs
[ ${#tests[@]} -gt 0 ] && mode=tests
want=$work/want-$mode-$key.txt
if [ ! -s "$want" ]; then
  echo "types_agree.sh: dumping go/types' Info.Types (cached in $want) ..." >&2
  rm -f "$work/want-$mode-"*.txt
  (cd "$work/empty" && "${go_env[@]}" "$work/typesinfo" dump ${tests[@]+"${tests[@]}"} \
    "${pkgs[@]}") >"$want.tmp"
  mv "$want.tmp" "$want"
fi

# gotool's dump, in GOROOT mode from GOROOT/src, one process.
got=$work/got.txt
rc=0
(cd "$goroot/src" && env GOROOT="$goroot" GOENV=off GOFLAGS= CGO_ENABLED=0 GO111MODULE=on \
  timeout 900 "$gotool" debug typesinfo ${tests[@]+"${tests[@]}"} "${pkgs[@]}") >"$got" \
  2>"$work/got.stderr" || rc=$?
if [ "$rc" -ne 0 ]; then
  echo "types_agree.sh: gotool debug typesinfo failed (exit status $rc):" >&2
  head -n 20 "$work/got.stderr" >&2
  exit 1
fi

out=$work/report.txt
"$work/typesinfo" compare -n "$limit" -v "$verbose" -diffs "$work/diffs.txt" "$want" "$got" >"$out"
echo "types agreement ($((SECONDS - start_time))s; GOROOT $goroot; ${tests[*]:-no tests};" \
  "disagreements: $work/diffs.txt)"
cat "$out"

if [ "$ci" -eq 1 ]; then
  compared=$(sed -n 's/^packages: .*, \([0-9]*\) compared,.*/\1/p' "$out")
  exprs=$(sed -n 's/^expressions: \([0-9]*\) compared, .*/\1/p' "$out")
  agree=$(sed -n 's/^expressions: [0-9]* compared, \([0-9]*\) agree .*/\1/p' "$out")
  floor=$FLOOR_PACKAGES
  [ ${#tests[@]} -gt 0 ] && floor=$FLOOR_PACKAGES_TEST
  if [ "${compared:-0}" -lt "$floor" ]; then
    echo "types_agree.sh: ${compared:-0} packages compared, below the floor of $floor" >&2
    exit 1
  fi
  # Exact counts, not the rounded percentage: 100 means no disagreement at all.
  if ! awk -v a="${agree:-0}" -v e="${exprs:-0}" -v f="$FLOOR_PERCENT" \
    'BEGIN { exit !(e > 0 && a * 100 >= f * e) }'; then
    echo "types_agree.sh: ${agree:-0} of ${exprs:-0} expressions agree, below the floor of" \
      "$FLOOR_PERCENT%" >&2
    exit 1
  fi
fi
