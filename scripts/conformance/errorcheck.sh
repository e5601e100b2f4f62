#!/usr/bin/env bash
# Type-checker conformance: gotool's diagnostics against the ERROR annotations of
# Go's own tests, file by file, with RE2 regexps (`gotool debug errorcheck`).
#
#   set test/:       every TESTDIR/**/*.go whose first line is exactly "// errorcheck"
#                    (no compiler flags), checked as test/run.go's errorCheck does:
#                    each `// ERROR "rx"` line gets a matching error, no error lands on
#                    an unannotated line.
#   set go/types:    TYPESTESTDIR/{check,fixedbugs,spec}: each .go file is a package,
#                    each subdirectory a multi-file package; checked as go/types'
#                    check_test.go does (`/* ERROR "rx" */` at the preceding token).
#
# Files that use type parameters are left out of both sets by default (-generic
# checks them too, as a third and fourth set reported apart: the generic test/
# files, test/typeparam included, and the generic go/types packages of check,
# fixedbugs, spec and examples; and, as a no-false-errors set, every file of
# test/typeparam whose first line is "// run", "// compile" or "// build", which must
# check without any error). The rule: a file uses
# type parameters when its syntax tree declares a type-parameter list, i.e. its
# canonical dump (`gotool debug parse -dump`) has a non-nil "TypeParams: FieldList"
# on a FuncType or TypeSpec; for a file with syntax errors (no tree to dump), when a
# line declares a generic function or type: `func [(recv)] Name[P C`, `type Name[P C`
# (a name, '[' with no space, then a parameter name and a constraint). A multi-file
# package is left out when any file uses type parameters.
# Each package is checked with `timeout 10 gotool debug types -e [-compiler]
# -lang=go1.19 FILES` (a timeout or a crash is a failure); its output, stdout and
# stderr, goes to the matcher. go/types files' first-line flags (-lang=...,
# -fakeImportC) are passed on when `gotool debug types` supports them; go1.19, the
# reference's own language version, is the default.
#
# Usage: scripts/conformance/errorcheck.sh [--ci] [-v] [-generic] [TESTDIR] [TYPESTESTDIR]
#   --ci      exit 1 when the total number of passing files is below FLOOR_PASSED (the
#             non-generic sets only; with -generic also when the generic sets pass
#             fewer than FLOOR_PASSED_GENERIC)
#   -v        list every failing file with the matcher's first complaints
#   -generic  also check the files with type parameters, reported apart
# Environment: GOTOOL (the binary; default: build it in $GOTOOL_BUILD_DIR or build/),
# GOTOOL_CONFORMANCE_DIR (work directory; default <build>/conformance/errorcheck).
# Reports: <work>/results.txt (PASS/FAIL per package), <work>/fail/<n>.txt (the
# checker's output and the matcher's complaints for each failure).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/gotool.sh

# Floor for --ci: passing files (test/ plus go/types sets) the checker reaches today
# (583), less a few so that a per-file timeout on a slow machine cannot fail CI; raise
# it as pkg/types grows.
FLOOR_PASSED=580
# Floor for the generic sets (-generic --ci): 140 today, less a few for timeouts.
FLOOR_PASSED_GENERIC=137

# REFERENCE_LANG is the language version the reference's tests are written for (its
# compiler's default); a file's own -lang flag overrides it.
REFERENCE_LANG=go1.19

ci=0 verbose=0 with_generic=0 dirs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --ci|-ci) ci=1 ;;
    -v|--v) verbose=1 ;;
    -generic|--generic) with_generic=1 ;;
    -h|--help|-help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "errorcheck.sh: unknown flag $1" >&2; exit 2 ;;
    *) dirs+=("$1") ;;
  esac
  shift
done
testdir=${dirs[0]:-/usr/share/go-1.19/test}
typesdir=${dirs[1]:-/usr/share/go-1.19/src/go/types/testdata}
if [ ! -d "$testdir" ] || [ ! -d "$typesdir" ]; then
  scripts/setup.sh --oracle >/dev/null
fi

build=${GOTOOL_BUILD_DIR:-build}
find_gotool
work=${GOTOOL_CONFORMANCE_DIR:-$build/conformance/errorcheck}
mkdir -p "$work"
work=$(cd "$work" && pwd)
rm -rf "$work/fail" "$work/dumps"
mkdir -p "$work/fail"
start_time=$SECONDS

generic_decl_rx='^[[:space:]]*(func[[:space:]]*(\([^)]*\)[[:space:]]*)?[[:alnum:]_]+|type[[:space:]]+[[:alnum:]_]+)\[[[:alnum:]_]+([[:space:]]*,[[:space:]]*[[:alnum:]_]+)*[[:space:]]+[^]=[:space:]]'
# generic_files FILE...: lists the given files that use type parameters (see above).
generic_files() {
  local list=$work/dump.list
  printf '%s\n' "$@" >"$list"
  "$gotool" debug parse -dump -o "$work/dumps" -list "$list" >/dev/null 2>&1 || true
  local i=0 f
  while IFS= read -r f; do
    if grep -q 'TypeParams: FieldList' "$work/dumps/$i.txt" 2>/dev/null; then
      echo "$f"
    elif ! grep -q '^File$' "$work/dumps/$i.txt" 2>/dev/null &&
      grep -Eq "$generic_decl_rx" "$f"; then
      echo "$f"
    fi
    i=$((i + 1))
  done <"$list"
  rm -rf "$work/dumps"
}

# Set test/: first line exactly "// errorcheck".
mapfile -t test_all < <(find "$testdir" -name '*.go' -type f | LC_ALL=C sort |
  while IFS= read -r f; do [ "$(head -n 1 "$f")" = "// errorcheck" ] && echo "$f"; done)
declare -A generic=()
while IFS= read -r f; do [ -n "$f" ] && generic[$f]=1; done < <(generic_files "${test_all[@]}")
test_set=() test_generic_set=()
for f in "${test_all[@]}"; do
  if [ -z "${generic[$f]:-}" ]; then test_set+=("$f"); else test_generic_set+=("$f"); fi
done

# Set go/types: packages of one file or one directory.
types_pkgs=()
types_files=()
for sub in check fixedbugs spec examples; do
  [ -d "$typesdir/$sub" ] || continue
  for entry in "$typesdir/$sub"/*; do
    if [ -d "$entry" ]; then
      files=$(find "$entry" -maxdepth 1 -name '*.go' -type f | LC_ALL=C sort | tr '\n' ' ')
      [ -n "$files" ] && types_pkgs+=("$files")
    elif [[ "$entry" == *.go ]]; then
      types_pkgs+=("$entry")
    fi
  done
done
for p in "${types_pkgs[@]}"; do for f in $p; do types_files+=("$f"); done; done
generic=()
while IFS= read -r f; do [ -n "$f" ] && generic[$f]=1; done < <(generic_files "${types_files[@]}")
types_set=() types_generic_set=()
for p in "${types_pkgs[@]}"; do
  skip=0
  for f in $p; do [ -n "${generic[$f]:-}" ] && skip=1; done
  if [ "$skip" -eq 0 ]; then
    # examples/ is new with generics: it only counts in the generic set.
    [[ "$p" == "$typesdir/examples/"* ]] || types_set+=("$p")
  else
    types_generic_set+=("$p")
  fi
done

# file_flags FILE: the flags a go/types testdata file asks for on its first line
# ("// -lang=go1.17", "// -fakeImportC"), as check_test.go reads them, when
# `gotool debug types` supports them (its usage line names them).
types_usage=$("$gotool" debug types 2>&1 || true)
file_flags() {
  local line flag
  line=$(head -n 1 "$1")
  [[ "$line" =~ ^//[[:space:]]*- ]] || return 0
  for flag in ${line#//}; do
    [[ "$types_usage" == *"${flag%%=*}"* ]] && printf '%s ' "$flag"
  done
  return 0
}

# check_pkg STYLE FILES: runs the checker and the matcher; 0 when they agree. The
# test/ set is checked with -compiler (cmd/compile's wording, which its annotations
# follow), the go/types set without.
nfail=0
check_pkg() {
  local style=$1 out rc=0 verdict wording="-compiler -lang=$REFERENCE_LANG"
  shift
  if [ "$style" = -types ]; then
    wording=$(file_flags "$1")
    [[ "$wording" == *-lang* ]] || wording+=" -lang=$REFERENCE_LANG"
  fi
  out=$(timeout 10 "$gotool" debug types -e $wording "$@" 2>&1) || rc=$?
  if [ "$rc" -ge 124 ]; then
    verdict="checker timed out or crashed (exit status $rc)"
  elif verdict=$("$gotool" debug errorcheck $style "$@" <<<"$out" 2>&1); then
    echo "PASS $*" >>"$work/results.txt"
    return 0
  fi
  echo "FAIL $*" >>"$work/results.txt"
  nfail=$((nfail + 1))
  { echo "== $*"; echo "-- gotool debug types -e (exit $rc):"; echo "$out";
    echo "-- errorcheck:"; echo "$verdict"; } >"$work/fail/$nfail.txt"
  if [ "$verbose" -eq 1 ]; then
    echo "FAIL $*"
    head -n 5 <<<"$verdict" | sed 's/^/    /'
  fi
  return 1
}

: >"$work/results.txt"
pass_test=0 fail_test=0
for f in "${test_set[@]}"; do
  if check_pkg "" "$f"; then pass_test=$((pass_test + 1)); else fail_test=$((fail_test + 1)); fi
done
pass_types=0 fail_types=0
for p in "${types_set[@]}"; do
  # shellcheck disable=SC2086 # a package is a space-separated file list
  if check_pkg -types $p; then pass_types=$((pass_types + 1)); else fail_types=$((fail_types + 1)); fi
done

# clean_pkg FILE: the checker reports no error on a file that go compiles.
clean_pkg() {
  local out rc=0
  out=$(timeout 10 "$gotool" debug types -e -lang=$REFERENCE_LANG "$1" 2>&1) || rc=$?
  if [ "$rc" -eq 0 ] && [ -z "$out" ]; then
    echo "PASS $1" >>"$work/results.txt"
    return 0
  fi
  echo "FAIL $1" >>"$work/results.txt"
  nfail=$((nfail + 1))
  { echo "== $1"; echo "-- gotool debug types -e (exit $rc), no error expected:"; echo "$out"; } \
    >"$work/fail/$nfail.txt"
  [ "$verbose" -eq 1 ] && { echo "FAIL $1 (no error expected)"; head -n 5 <<<"$out" | sed 's/^/    /'; }
  return 1
}

pass_gtest=0 fail_gtest=0 pass_gtypes=0 fail_gtypes=0 pass_clean=0 fail_clean=0
if [ "$with_generic" -eq 1 ]; then
  while IFS= read -r f; do
    case "$(head -n 1 "$f")" in "// run"|"// compile"|"// build") ;; *) continue ;; esac
    if clean_pkg "$f"; then pass_clean=$((pass_clean + 1)); else fail_clean=$((fail_clean + 1)); fi
  done < <(find "$testdir/typeparam" -maxdepth 1 -name '*.go' -type f | LC_ALL=C sort)
  for f in "${test_generic_set[@]}"; do
    if check_pkg "" "$f"; then pass_gtest=$((pass_gtest + 1)); else fail_gtest=$((fail_gtest + 1)); fi
  done
  for p in "${types_generic_set[@]}"; do
    # shellcheck disable=SC2086 # a package is a space-separated file list
    if check_pkg -types $p; then pass_gtypes=$((pass_gtypes + 1)); else fail_gtypes=$((fail_gtypes + 1)); fi
  done
fi

pct() { awk "BEGIN{ if ($2 == 0) print \"0.0\"; else printf \"%.1f\", 100 * $1 / $2 }"; }
nt=$((pass_test + fail_test)) ny=$((pass_types + fail_types))
echo "errorcheck conformance ($((SECONDS - start_time))s; reports: $work/results.txt, $work/fail/)"
echo "test/ (// errorcheck, no type parameters; ${#test_all[@]} errorcheck files," \
  "$(( ${#test_all[@]} - nt )) generic left out): $pass_test passed, $fail_test failed" \
  "($(pct $pass_test $nt)%)"
echo "go/types testdata (check, fixedbugs, spec; no type parameters; $ny packages):" \
  "$pass_types passed, $fail_types failed ($(pct $pass_types $ny)%)"
total_pass=$((pass_test + pass_types)) total_fail=$((fail_test + fail_types))
echo "$total_pass passed, $total_fail failed"
gen_pass=$((pass_gtest + pass_gtypes)) gen_fail=$((fail_gtest + fail_gtypes))
if [ "$with_generic" -eq 1 ]; then
  ngt=$((pass_gtest + fail_gtest)) ngy=$((pass_gtypes + fail_gtypes))
  echo "generic test/ (// errorcheck with type parameters, test/typeparam included):" \
    "$pass_gtest passed, $fail_gtest failed ($(pct $pass_gtest $ngt)%)"
  echo "generic go/types testdata (check, fixedbugs, spec, examples; $ngy packages):" \
    "$pass_gtypes passed, $fail_gtypes failed ($(pct $pass_gtypes $ngy)%)"
  echo "generic: $gen_pass passed, $gen_fail failed ($(pct $gen_pass $((gen_pass + gen_fail)))%)"
  echo "test/typeparam run/compile files, no error expected: $pass_clean passed, $fail_clean failed"
fi
if [ "$ci" -eq 1 ] && [ "$total_pass" -lt "$FLOOR_PASSED" ]; then
  echo "errorcheck.sh: $total_pass files pass, below the floor of $FLOOR_PASSED" >&2
  exit 1
fi
if [ "$ci" -eq 1 ] && [ "$with_generic" -eq 1 ] && [ "$gen_pass" -lt "$FLOOR_PASSED_GENERIC" ]; then
  echo "errorcheck.sh: $gen_pass generic files pass, below the floor of $FLOOR_PASSED_GENERIC" >&2
  exit 1
fi
