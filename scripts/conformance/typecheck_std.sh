#!/usr/bin/env bash
# No false errors: every package of a Go tree's standard library (GOROOT/src, `std`)
# that the reference `go vet` accepts is type-checked by gotool in GOROOT mode
# (`gotool debug check [-test] std` run in GOROOT/src, the SourceImporter over the
# package loader, cgo off); any error gotool reports there is a false error.
#
# Packages with type parameters (sync/atomic's Pointer[T], and so nearly all of std
# through go/token, crypto/elliptic and their importers) are checked like the others.
#
# The figure: "N passed, M failed" over the vet-clean packages (passed: no error),
# then the failing packages with their first errors. Without -test the packages are
# checked as go build sees them (packages with only test files, e.g.
# embed/internal/embedtest, are not checked); with -test each is checked with its
# tests, as go vet does.
#
# The vet verdicts: `go vet std` (GOFLAGS=-mod=mod GOPROXY=off CGO_ENABLED=0, GOCACHE
# and HOME in a temporary directory, never the network) takes about 4.5 minutes here
# on 2 cores with a cold cache, too slow for CI, so the verdicts are cached in
# <build>/conformance/typecheck_std/vet-<key>.txt, keyed by the tree's real path and
# the oracle's `go version`; delete the file (or pass -revet) to recompute them. A
# tree without its own go tool (Debian's /usr/share/go-1.19 has no pkg/tool) is vetted
# with the oracle installation /usr/lib/go-1.19, whose src is the same directory.
#
# Usage: scripts/conformance/typecheck_std.sh [--ci] [-v] [-test] [-revet] [GOROOT]
#   --ci     exit 1 when fewer than FLOOR_PASSED packages pass (FLOOR_PASSED_TEST
#            with -test)
#   -v       print every error of the failing packages (default: the first 3)
#   -test    check each package with its _test.go files and its external _test
#            package too, as go vet does (`gotool debug check -test`)
#   -revet   recompute the cached vet verdicts
#   GOROOT   the tree (default /usr/share/go-1.19; its src must be a real directory:
#            go's pattern walk does not follow a symlinked GOROOT/src)
# Environment: GOTOOL (the binary; default: build it in $GOTOOL_BUILD_DIR or build/).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/gotool.sh

# Floors for --ci: vet-clean std packages without false errors today, without and
# with -test (all of them); raise them as pkg/types grows.
FLOOR_PASSED=237
FLOOR_PASSED_TEST=238

ci=0 verbose=0 tests=() revet=0 goroot=
while [ $# -gt 0 ]; do
  case "$1" in
    --ci|-ci) ci=1 ;;
    -v|--v) verbose=1 ;;
    -test|--test) tests=(-test) ;;
    -revet|--revet) revet=1 ;;
    -h|--help|-help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "typecheck_std.sh: unknown flag $1" >&2; exit 2 ;;
    *) goroot=$1 ;;
  esac
  shift
done
setup_goroot typecheck_std.sh

build=${GOTOOL_BUILD_DIR:-build}
find_gotool
work=$build/conformance/typecheck_std
mkdir -p "$work"
work=$(cd "$work" && pwd)
start_time=$SECONDS

# The go tool that vets the tree: its own, or the oracle when its src is this tree's.
vet_root=$goroot
if [ ! -x "$goroot/bin/go" ] || [ ! -d "$goroot/pkg/tool" ]; then
  if [ "$(cd "$oracle/src" && pwd -P)" != "$goroot/src" ]; then
    echo "typecheck_std.sh: $goroot has no go tool to vet it with" >&2
    exit 2
  fi
  vet_root=$oracle
fi
go_version=$(GOROOT=$vet_root GOENV=off "$vet_root/bin/go" version)
key=$(printf '%s\n%s\n' "$goroot" "$go_version" | sha256sum | cut -c1-16)
verdicts=$work/vet-$key.txt

# run_vet: writes "ok PATH" or "FAIL PATH" for each std package to $verdicts. A
# package fails when go vet prints a "# PATH" header for it or for its tests
# ("# PATH_test", "# PATH [PATH.test]").
run_vet() {
  local tmp
  tmp=$(mktemp -d)
  local env=(env -i PATH="$PATH" GOROOT="$vet_root" GOFLAGS=-mod=mod GOPROXY=off GOENV=off
    GOTOOLCHAIN=local GO111MODULE=on CGO_ENABLED=0 GOCACHE="$tmp/cache" HOME="$tmp/home")
  (cd "$tmp" && "${env[@]}" "$vet_root/bin/go" list std) >"$tmp/std.txt"
  (cd "$tmp" && "${env[@]}" "$vet_root/bin/go" vet std) >"$tmp/vet.out" 2>&1 || true
  grep '^# ' "$tmp/vet.out" | sed 's/^# //; s/ \[.*//; s/_test$//' | sort -u >"$tmp/bad.txt" || true
  local path
  while IFS= read -r path; do
    if grep -qxF "$path" "$tmp/bad.txt"; then echo "FAIL $path"; else echo "ok $path"; fi
  done <"$tmp/std.txt" >"$verdicts.tmp"
  { echo "# $go_version, GOROOT $goroot"; cat "$verdicts.tmp"; } >"$verdicts"
  rm -rf "$tmp" "$verdicts.tmp"
}
if [ "$revet" -eq 1 ] || [ ! -s "$verdicts" ]; then
  echo "typecheck_std.sh: running go vet std once (cached in $verdicts) ..." >&2
  run_vet
fi
declare -A vet_ok=()
while read -r verdict path; do
  [ "$verdict" = ok ] && vet_ok[$path]=1
done < <(grep -v '^#' "$verdicts")

# gotool checks the whole tree in one process, in GOROOT mode.
out=$work/check.txt
rc=0
(cd "$goroot/src" && env GOROOT="$goroot" GOENV=off GOFLAGS= CGO_ENABLED=0 GO111MODULE=on \
  timeout 600 "$gotool" debug check -e ${tests[@]+"${tests[@]}"} std) >"$out" 2>"$work/check.stderr" ||
  rc=$?
if [ "$rc" -gt 1 ]; then
  echo "typecheck_std.sh: gotool debug check failed (exit status $rc):" >&2
  head -n 20 "$work/check.stderr" >&2
  exit 1
fi

# Tally the packages: lines "ok PATH" and "FAIL PATH: N errors".
pass=0 fail=0 not_vetted=0
failing=()
while IFS= read -r line; do
  [[ "$line" == $'\t'* ]] && continue
  verdict=${line%% *} rest=${line#* }
  path=${rest%%[ :]*}
  if [ -z "${vet_ok[$path]:-}" ]; then
    not_vetted=$((not_vetted + 1))
  elif [ "$verdict" = ok ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    failing+=("$path")
  fi
done <"$out"

# show_errors PATH: the package's errors from the check output (3, or all with -v).
show_errors() {
  awk -v p="$1" '/^(ok|FAIL) / { on = ($2 == p || $2 == p ":") ; next } on' "$out" |
    if [ "$verbose" -eq 1 ]; then cat; else head -n 3; fi | sed 's/^\t/      /'
}
echo "typecheck std ($((SECONDS - start_time))s; GOROOT $goroot; ${tests[*]:-no tests}; output: $out)"
echo "vet-clean packages: ${#vet_ok[@]}, checked: $((pass + fail)) (not vet-clean: $not_vetted)"
if [ ${#failing[@]} -gt 0 ]; then
  echo "packages with false errors:"
  for p in "${failing[@]}"; do echo "  $p"; show_errors "$p"; done
fi
echo "$pass passed, $fail failed"
floor=$FLOOR_PASSED
[ ${#tests[@]} -gt 0 ] && floor=$FLOOR_PASSED_TEST
if [ "$ci" -eq 1 ] && [ "$pass" -lt "$floor" ]; then
  echo "typecheck_std.sh: $pass packages pass, below the floor of $floor" >&2
  exit 1
fi
