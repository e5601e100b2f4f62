#!/usr/bin/env bash
# go.mod conformance: `gotool mod edit -fmt` against the reference `go mod edit -fmt`
# (Go 1.19) on copies of every go.mod file of the reference's source trees, of the
# x/mod modfile test inputs, and of the go.mod files inside cmd/go's txtar test
# scripts (or of the given files and directories). Per file both tools run in the
# same directory on the same copy; the rewritten file, the exit status and stderr
# must be identical ("go:" read as "gotool:"). Files that go 1.19 rejects only for a
# go line in go 1.21+ syntax ("go 1.21.0", "go 1.21rc1"), which gotool accepts as
# go 1.22 does, are counted apart. Prints the first mismatches and "N passed, M failed".
#
# Besides -fmt, each file that parses goes through -json and three edit runs
# (-print with -require/-exclude/-replace added; -go/-module/-retract; and drops and
# updates of the file's own first and last entries, found from the reference's -json).
#
# Usage: scripts/conformance/modfile.sh [--ci] [-v] [--fmt-only] [FILE_OR_DIR...]
#   --ci        exit 1 when the pass rate is below the floor stored below
#   -v          show a diff for every mismatch
#   --fmt-only  compare -fmt only
# Environment: GOTOOL (the binary; default: build it in $GOTOOL_BUILD_DIR or build/),
# GOTOOL_CONFORMANCE_DIR (work directory; default <build>/conformance/modfile).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/gotool.sh

# Floor for --ci, in percent of runs whose output, status and errors all agree.
FLOOR=100

ci=0 verbose=0 fmt_only=0 paths=()
while [ $# -gt 0 ]; do
  case "$1" in
    --ci|-ci) ci=1 ;;
    -v|--v) verbose=1 ;;
    --fmt-only|-fmt-only) fmt_only=1 ;;
    -h|--help|-help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "modfile.sh: unknown flag $1" >&2; exit 2 ;;
    *) paths+=("$1") ;;
  esac
  shift
done

ref=/usr/lib/go-1.19
[ -x "$ref/bin/go" ] || scripts/setup.sh --oracle

build=${GOTOOL_BUILD_DIR:-build}
find_gotool
work=${GOTOOL_CONFORMANCE_DIR:-$build/conformance/modfile}
rm -rf "$work"
mkdir -p "$work/inputs" "$work/run" "$work/mismatches"
work=$(cd "$work" && pwd)

# Inputs: plain go.mod files, x/mod's test inputs, and go.mod sections of txtar scripts.
n_in=0
add_input() {  # add_input FILE: copy one input under a numbered name
  n_in=$((n_in + 1))
  cp "$1" "$work/inputs/$n_in.mod"
  echo "$n_in $1" >>"$work/inputs/index.txt"
}
extract_txtar() {  # extract_txtar FILE: every "-- [dir/]go.mod --" section
  awk -v out="$work/inputs" -v src="$1" -v start="$n_in" '
    /^-- .* --$/ {
      if (f != "") close(f)
      f = ""
      name = substr($0, 4, length($0) - 6)
      if (name ~ /(^|\/)go\.mod$/) {
        start++
        f = out "/" start ".mod"
        printf "" >f
        print start " " src ":" name >>(out "/index.txt")
      }
      next
    }
    f != "" { print >>f }
    END { print start >(out "/count") }' "$1"
  n_in=$(cat "$work/inputs/count")
}
: >"$work/inputs/index.txt"
if [ ${#paths[@]} -eq 0 ]; then
  while IFS= read -r f; do add_input "$f"; done < <(
    find /usr/share/go-1.19/src /usr/share/gocode -name go.mod -type f 2>/dev/null | LC_ALL=C sort)
  for f in /usr/share/gocode/src/golang.org/x/mod/modfile/testdata/*.in \
           /usr/share/gocode/src/golang.org/x/mod/modfile/testdata/*.golden; do
    [ -f "$f" ] && add_input "$f"
  done
  for f in /usr/share/go-1.19/src/cmd/go/testdata/script/*.txt \
           /usr/share/go-1.19/src/cmd/go/testdata/mod/*.txt; do
    [ -f "$f" ] && extract_txtar "$f"
  done
else
  while IFS= read -r f; do
    case "$f" in
      *.txt|*.txtar) extract_txtar "$f" ;;
      *) add_input "$f" ;;
    esac
  done < <(find "${paths[@]}" -type f \( -name go.mod -o -name '*.in' -o -name '*.golden' \
    -o -name '*.txt' -o -name '*.txtar' \) | LC_ALL=C sort)
fi

# Both tools in the same directory, on a fresh copy each, with a hermetic environment.
run_tool() {  # run_tool OUTDIR CMD ARGS...: runs CMD mod edit ARGS on a copy of $input
  local out=$1 cmd=$2
  shift 2
  rm -f "$work/run/go.mod"
  cp "$input" "$work/run/go.mod"
  local rc=0
  (cd "$work/run" && env -i PATH="$PATH" HOME="$work/home" GOPATH="$work/gopath" \
    GOCACHE="$work/gocache" GOFLAGS=-mod=mod GOPROXY=off GO111MODULE=on GOTOOLCHAIN=local \
    "$cmd" mod edit "$@" >"$out.stdout" 2>"$out.stderr") || rc=$?
  echo "$rc" >"$out.rc"
  cp "$work/run/go.mod" "$out.gomod"
}

# edit_variants prints one line of mod edit flags per edit run for the current input,
# from the reference's -json of it.
edit_variants() {
  echo "-print -require=example.com/added@v1.2.3 -exclude=example.com/added@v1.0.0" \
    "-replace=example.com/added@v1.2.3=../added -replace=example.com/other=example.com/fork@v1.0.0"
  echo "-print -go=1.18 -module=example.com/renamed -retract=v0.0.1 -retract=[v0.1.0,v0.2.0]" \
    "-dropretract=v0.0.1"
  python3 - "$work/want.stdout" <<'PY'
import json, sys
try:
    f = json.load(open(sys.argv[1]))
except Exception:
    sys.exit(0)
flags = []
req = f.get("Require") or []
if req:
    flags.append("-droprequire=" + req[0]["Path"])
    flags.append("-require=%s@v0.0.0-20200101000000-abcdefabcdef" % req[-1]["Path"])
for r in (f.get("Replace") or [])[:1]:
    o = r["Old"]
    flags.append("-dropreplace=" + o["Path"] + ("@" + o["Version"] if o.get("Version") else ""))
for x in (f.get("Exclude") or [])[:1]:
    flags.append("-dropexclude=%s@%s" % (x["Path"], x["Version"]))
for r in (f.get("Retract") or [])[-1:]:
    lo, hi = r.get("Low", ""), r.get("High", "")
    flags.append("-dropretract=" + (lo if lo == hi else "[%s,%s]" % (lo, hi)))
if flags and all(" " not in x for x in flags):
    print("-print " + " ".join(flags))
PY
}

pass=0 fail=0 intended=0 shown=0
compare() {  # compare LABEL: compares the last want/got runs and counts the result
  # gotool names itself where go says "go:"; go.mod errors are the same text.
  sed -i -E "s/^go( mod)?: /gotool\1: /; s/'go help/'gotool help/g" "$work/want.stderr"
  if cmp -s "$work/want.gomod" "$work/got.gomod" && cmp -s "$work/want.rc" "$work/got.rc" &&
     cmp -s "$work/want.stderr" "$work/got.stderr" && cmp -s "$work/want.stdout" "$work/got.stdout"; then
    pass=$((pass + 1))
    return
  fi
  if grep -q "invalid go version '.*': must match format 1.23" "$work/want.stderr" &&
     [ "$(cat "$work/got.rc")" = 0 ]; then
    # Intended: gotool targets go 1.22, which accepts "go 1.21.0" and "go 1.21rc1".
    intended=$((intended + 1))
    return
  fi
  fail=$((fail + 1))
  local src mm
  src=$(grep -m1 "^$i " "$work/inputs/index.txt" | cut -d' ' -f2-)
  mm=$work/mismatches/$i.$1
  mkdir -p "$mm"
  cp "$input" "$mm/input"
  for k in gomod rc stderr stdout; do cp "$work/want.$k" "$mm/want.$k"; cp "$work/got.$k" "$mm/got.$k"; done
  echo "$src mod edit $2" >"$mm/source"
  echo "$i.$1 $src: mod edit $2" >>"$work/mismatches/report.txt"
  if [ "$verbose" -eq 1 ] || [ "$shown" -lt 5 ]; then
    shown=$((shown + 1))
    echo "MISMATCH $src: mod edit $2 (rc $(cat "$work/want.rc") vs $(cat "$work/got.rc"))"
    diff <(cat "$work/want.gomod" "$work/want.stdout" "$work/want.stderr") \
      <(cat "$work/got.gomod" "$work/got.stdout" "$work/got.stderr") | head -n 20 || true
  fi
}

start_time=$SECONDS
for input in "$work"/inputs/*.mod; do
  i=$(basename "$input" .mod)
  run_tool "$work/want" "$ref/bin/go" -fmt
  run_tool "$work/got" "$gotool" -fmt
  compare fmt -fmt
  [ "$fmt_only" -eq 1 ] && continue
  [ "$(cat "$work/want.rc")" = 0 ] || continue
  run_tool "$work/want" "$ref/bin/go" -json
  run_tool "$work/got" "$gotool" -json
  compare json -json
  v=0
  while IFS= read -r flags; do
    v=$((v + 1))
    # shellcheck disable=SC2086  # the flags are words
    run_tool "$work/want" "$ref/bin/go" $flags
    run_tool "$work/got" "$gotool" $flags
    compare "edit$v" "$flags"
  done < <(run_tool "$work/want" "$ref/bin/go" -json; edit_variants)
done

total=$((pass + fail))
echo "(${total} runs compared, $((SECONDS - start_time))s; mismatches: $work/mismatches/report.txt;" \
  "$intended runs skipped: go lines in go 1.21+ syntax, which gotool accepts and go 1.19 rejects)"
echo "$pass passed, $fail failed"
if [ "$ci" -eq 1 ] && [ "$total" -gt 0 ] && [ $((pass * 100 / total)) -lt "$FLOOR" ]; then
  echo "modfile.sh: below the floor of $FLOOR%" >&2
  exit 1
fi
