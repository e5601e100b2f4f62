#!/usr/bin/env bash
# No false errors in GOPATH mode: every package of a GOPATH tree (default Debian's
# /usr/share/gocode: golang.org/x/{mod,net,sys,text,tools}, github.com/yuin/goldmark,
# ...) that the reference `go vet` accepts with GO111MODULE=off is type-checked by
# gotool in GOPATH mode with its tests (`gotool debug check -test`, GO111MODULE=off,
# GOPATH=the tree, cgo off); any error gotool reports there is a false error.
#
# The packages are those `go list ./...` finds in GOPATHDIR/src (symbolic links are
# not followed, as by the go command: Debian's code.google.com/p/go.net is one).
# gotool expands the same pattern, ./... in GOPATHDIR/src; a vet-clean package it
# does not report counts as failed.
#
# The figure: "N passed, M failed" over the vet-clean packages (passed: no error),
# then the failing packages with their first errors.
#
# The vet verdicts: `go vet` runs over the listed packages in batches of 60 (a batch
# stops at nothing: a package vet rejects, by a "# PATH" header or an error line in
# its directory, is not vet-clean; a batch that fails without naming a package makes
# all of its packages not vet-clean). The verdicts are cached in
# <build>/conformance/typecheck_gocode/vet-<key>.txt, keyed by the tree's real path,
# its .go files (names, sizes, times) and the oracle's `go version`; delete the file
# (or pass -revet) to recompute them.
#
# Usage: scripts/conformance/typecheck_gocode.sh [--ci] [-v] [-revet] [GOPATHDIR]
#   --ci       exit 1 when fewer than FLOOR_PASSED packages pass
#   -v         print every error of the failing packages (default: the first 3)
#   -revet     recompute the cached vet verdicts
#   GOPATHDIR  the GOPATH tree (default /usr/share/gocode, installed with apt when
#              missing)
# Environment: GOTOOL (the binary; default: build it in $GOTOOL_BUILD_DIR or build/),
# GOTOOL_GOROOT (the GOROOT gotool checks std from; default /usr/share/go-1.19).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/gotool.sh

# Floor for --ci: vet-clean packages of /usr/share/gocode without false errors today
# (all of them); raise it with the tree.
FLOOR_PASSED=278

ci=0 verbose=0 revet=0 gopath=
while [ $# -gt 0 ]; do
  case "$1" in
    --ci|-ci) ci=1 ;;
    -v|--v) verbose=1 ;;
    -revet|--revet) revet=1 ;;
    -h|--help|-help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "typecheck_gocode.sh: unknown flag $1" >&2; exit 2 ;;
    *) gopath=$1 ;;
  esac
  shift
done
oracle=/usr/lib/go-1.19
[ -x "$oracle/bin/go" ] || scripts/setup.sh --oracle >/dev/null
if [ -z "$gopath" ]; then
  gopath=/usr/share/gocode
  gocode_pkgs=(golang-golang-x-mod-dev golang-golang-x-net-dev golang-golang-x-sys-dev
    golang-golang-x-text-dev golang-golang-x-tools-dev golang-github-yuin-goldmark-dev)
  if [ ! -d "$gopath/src/golang.org/x/mod" ]; then
    echo "typecheck_gocode.sh: installing ${gocode_pkgs[*]}" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${gocode_pkgs[@]}" >/dev/null
  fi
fi
if [ ! -d "$gopath/src" ]; then
  echo "typecheck_gocode.sh: $gopath/src: no such directory" >&2
  exit 2
fi
gopath=$(cd "$gopath" && pwd -P)
goroot=${GOTOOL_GOROOT:-/usr/share/go-1.19}

build=${GOTOOL_BUILD_DIR:-build}
find_gotool
work=$build/conformance/typecheck_gocode
mkdir -p "$work"
work=$(cd "$work" && pwd)
start_time=$SECONDS

go_version=$(GOROOT=$oracle GOENV=off "$oracle/bin/go" version)
key=$({
  printf '%s\n%s\n' "$gopath" "$go_version"
  find "$gopath/src" -name '*.go' -printf '%P %s %T@\n' | LC_ALL=C sort
} | sha256sum | cut -c1-16)
verdicts=$work/vet-$key.txt

# The reference go command in GOPATH mode, hermetic: no network, no user settings.
vet_tmp=$(mktemp -d)
trap 'rm -rf "$vet_tmp"' EXIT
refgo=(env -i PATH="$PATH" GOROOT="$oracle" GOPATH="$gopath" GO111MODULE=off GOFLAGS=
  GOPROXY=off GOENV=off GOTOOLCHAIN=local CGO_ENABLED=0 GOCACHE="$vet_tmp/cache"
  HOME="$vet_tmp/home" "$oracle/bin/go")

# vet_batch PKG...: prints the packages of the batch that go vet rejects.
vet_batch() {
  local out rc=0
  out=$(cd "$gopath/src" && "${refgo[@]}" vet "$@" 2>&1) || rc=$?
  local bad
  bad=$({
    grep '^# ' <<<"$out" | sed 's/^# //; s/ \[.*//; s/_test$//' || true
    grep -oE '^[^[:space:]#][^:]*\.go:[0-9]+' <<<"$out" | sed 's|/[^/]*\.go:[0-9]*$||' || true
  } | sort -u)
  if [ "$rc" -ne 0 ] && [ -z "$bad" ]; then
    printf '%s\n' "$@"  # a failure vet does not attribute: the whole batch
  else
    printf '%s\n' "$bad"
  fi
}

# run_vet: writes "ok PATH" or "FAIL PATH" for each package of the tree to $verdicts.
run_vet() {
  (cd "$gopath/src" && "${refgo[@]}" list -e ./...) >"$vet_tmp/pkgs.txt"
  mapfile -t pkgs <"$vet_tmp/pkgs.txt"
  local i
  : >"$vet_tmp/bad.txt"
  for ((i = 0; i < ${#pkgs[@]}; i += 60)); do
    vet_batch "${pkgs[@]:i:60}" >>"$vet_tmp/bad.txt"
  done
  local path
  while IFS= read -r path; do
    if grep -qxF "$path" "$vet_tmp/bad.txt"; then echo "FAIL $path"; else echo "ok $path"; fi
  done <"$vet_tmp/pkgs.txt" >"$verdicts.tmp"
  { echo "# $go_version, GOPATH $gopath"; cat "$verdicts.tmp"; } >"$verdicts"
  rm -f "$verdicts.tmp"
}
if [ "$revet" -eq 1 ] || [ ! -s "$verdicts" ]; then
  echo "typecheck_gocode.sh: running go vet over $gopath/src once (cached in $verdicts) ..." >&2
  run_vet
fi
declare -A vet_ok=() listed=()
while read -r verdict path; do
  listed[$path]=1
  [ "$verdict" = ok ] && vet_ok[$path]=1
done < <(grep -v '^#' "$verdicts")

# gotool checks the whole tree in one process, in GOPATH mode, from the tree's src.
out=$work/check.txt
rc=0
(cd "$gopath/src" && env GOROOT="$goroot" GOPATH="$gopath" GO111MODULE=off GOENV=off GOFLAGS= \
  CGO_ENABLED=0 timeout 600 "$gotool" debug check -e -test ./...) >"$out" \
  2>"$work/check.stderr" || rc=$?
if [ "$rc" -gt 1 ]; then
  echo "typecheck_gocode.sh: gotool debug check failed (exit status $rc):" >&2
  head -n 20 "$work/check.stderr" >&2
  exit 1
fi

# Tally the packages: lines "ok PATH" and "FAIL PATH: N errors".
pass=0 fail=0 not_vetted=0 unlisted=0
failing=()
declare -A reported=()
while IFS= read -r line; do
  [[ "$line" == $'\t'* ]] && continue
  verdict=${line%% *} rest=${line#* }
  path=${rest%%[ :]*}
  reported[$path]=1
  if [ -z "${listed[$path]:-}" ]; then
    unlisted=$((unlisted + 1))
  elif [ -z "${vet_ok[$path]:-}" ]; then
    not_vetted=$((not_vetted + 1))
  elif [ "$verdict" = ok ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    failing+=("$path")
  fi
done <"$out"
missing=()
for path in "${!vet_ok[@]}"; do
  [ -n "${reported[$path]:-}" ] || missing+=("$path")
done
fail=$((fail + ${#missing[@]}))

# show_errors PATH: the package's errors from the check output (3, or all with -v).
show_errors() {
  awk -v p="$1" '/^(ok|FAIL) / { on = ($2 == p || $2 == p ":") ; next } on' "$out" |
    if [ "$verbose" -eq 1 ]; then cat; else head -n 3; fi | sed 's/^\t/      /'
}
echo "typecheck gocode ($((SECONDS - start_time))s; GOPATH $gopath; GOROOT $goroot; with tests; output: $out)"
echo "packages: ${#listed[@]}, vet-clean: ${#vet_ok[@]}, checked: $((pass + fail - ${#missing[@]}))" \
  "(not vet-clean: $not_vetted; reported by gotool but not listed by go: $unlisted)"
if [ ${#missing[@]} -gt 0 ]; then
  echo "vet-clean packages gotool did not report:"
  printf '  %s\n' "${missing[@]}"
fi
if [ ${#failing[@]} -gt 0 ]; then
  echo "packages with false errors:"
  for p in "${failing[@]}"; do echo "  $p"; show_errors "$p"; done
fi
echo "$pass passed, $fail failed"
if [ "$ci" -eq 1 ] && [ "$pass" -lt "$FLOOR_PASSED" ]; then
  echo "typecheck_gocode.sh: $pass packages pass, below the floor of $FLOOR_PASSED" >&2
  exit 1
fi
