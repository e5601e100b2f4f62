#!/usr/bin/env bash
# gofmt conformance: `gotool fmt` against the reference gofmt (Go 1.19), byte for byte.
# Categories:
#   golden     every file of the reference's cmd/gofmt/testdata and go/printer/testdata,
#              with the flags a cmd/gofmt case names on its first line (//gofmt -s,
#              //gofmt -stdin, //gofmt -r=RULE)
#   corpus     every .go file of the reference's src/ and test/ trees that gofmt
#              accepts, with and without -s
#   rejected   the files gofmt rejects: gotool must reject them too, with the same
#              error text
#   list, diff -l and -d output on a sample of unformatted (and, for -l, formatted) files
#   idempotent formatting gotool's own output again changes nothing
# then prints per-category counts and "N passed, M failed".
#
# Usage: scripts/conformance/fmt.sh [--ci] [-v] [-j N] [-sample N] [FILE_OR_DIR...]
#   --ci       exit 1 when a category's pass rate is below the floors stored below
#   -v         list every mismatching file
#   -j N       parallel workers on both sides (default 2)
#   -sample N  files for the -l and -d checks (default 300)
#   FILE_OR_DIR  the corpus (default: the reference's src/ and test/ trees)
# Environment: GOTOOL (the binary; default: build it in $GOTOOL_BUILD_DIR or build/),
# GOTOOL_CONFORMANCE_DIR (work and report directory; default <build>/conformance/fmt).
# The reference's outputs are cached by content hash in <work>/refcache, so that a
# rerun only runs gofmt on new or changed files.
# Reports: <work>/mismatches/report.txt (one line per mismatch: category, file, diff
# file) and <work>/mismatches/<category>/<mode>-<i>.diff (diff -u reference gotool), the first
# 200 of each category.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/gotool.sh

# Floors for --ci, in percent of each category: what gotool reaches today (every case);
# a regression fails CI.
FLOOR_GOLDEN=100
FLOOR_CORPUS=100
FLOOR_CORPUS_S=100
FLOOR_REJECTED=100
FLOOR_LIST=100
FLOOR_DIFF=100
FLOOR_IDEMPOTENT=100

ci=0 verbose=0 jobs=${GOTOOL_JOBS:-2} sample=300 paths=()
while [ $# -gt 0 ]; do
  case "$1" in
    --ci|-ci) ci=1 ;;
    -v|--v) verbose=1 ;;
    -j) jobs=$2; shift ;;
    -j=*|--j=*) jobs=${1#*=} ;;
    -sample|--sample) sample=$2; shift ;;
    -sample=*|--sample=*) sample=${1#*=} ;;
    -h|--help|-help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "fmt.sh: unknown flag $1" >&2; exit 2 ;;
    *) paths+=("$1") ;;
  esac
  shift
done

ref=/usr/lib/go-1.19
goroot_src=/usr/share/go-1.19
[ -x "$ref/bin/gofmt" ] || scripts/setup.sh --oracle
gofmt=$ref/bin/gofmt
[ ${#paths[@]} -eq 0 ] && paths=("$goroot_src/src" "$goroot_src/test")
golden_dirs=("$goroot_src/src/cmd/gofmt/testdata" "$goroot_src/src/go/printer/testdata")

build=${GOTOOL_BUILD_DIR:-build}
GOTOOL_JOBS=$jobs find_gotool
work=${GOTOOL_CONFORMANCE_DIR:-$build/conformance/fmt}
mkdir -p "$work/refcache"
work=$(cd "$work" && pwd)
cache=$work/refcache
start_time=$SECONDS

# --- The cases: one line "mode <TAB> file" each; mode is plain, s or stdin. --------
cases=$work/cases.txt
rcases=$work/rewrite_cases.txt  # "rule <TAB> file": -r cases, run directly on both sides
: >"$cases"
: >"$rcases"
for dir in "${golden_dirs[@]}"; do
  for f in "$dir"/*; do
    [ -f "$f" ] || continue
    mode=plain
    case "$(head -n 1 "$f")" in
      "//gofmt -s") mode=s ;;
      "//gofmt -stdin") mode=stdin ;;
      "//gofmt -r="*) printf '%s\t%s\n' "$(head -n 1 "$f" | sed 's#^//gofmt -r=##')" "$f" \
        >>"$rcases"; continue ;;
    esac
    printf 'golden\t%s\t%s\n' "$mode" "$f" >>"$cases"
  done
done
corpus=$work/corpus.txt
find "${paths[@]}" -name '*.go' -type f | LC_ALL=C sort >"$corpus"
awk '{print "corpus\tplain\t" $0}' "$corpus" >>"$cases"
awk '{print "corpus_s\ts\t" $0}' "$corpus" >>"$cases"
n=$(wc -l <"$cases")

# Content hashes of every case file (md5: also compared against outputs below).
cut -f3 "$cases" | awk '!seen[$0]++' | tr '\n' '\0' | xargs -0 -P "$jobs" -n 500 md5sum \
  | awk '{h=$1; sub(/^[0-9a-f]+  /, ""); print $0 "\t" h}' >"$work/srchash.txt"

# keys.txt: "category mode file srcmd5 key" per case, key = srcmd5-mode.
awk -F'\t' 'FILENAME==ARGV[1] {h[$1]=$2; next} {print $1 "\t" $2 "\t" $3 "\t" h[$3] "\t" h[$3] "-" $2}' \
  "$work/srchash.txt" "$cases" >"$work/keys.txt"

# --- Reference: gofmt once per missing key, in parallel; outputs kept in the cache. --
# A key's result is <key>.out (accepted) or <key>.err (rejected, with the file's path
# written as FILE).
ref_worker='
cache=$1 gofmt=$2; shift 2
for line; do
  key=${line%%	*} path=${line#*	}
  mode=${key##*-}
  rc=0
  case $mode in
    plain) "$gofmt" "$path" >"$cache/$key.tmp" 2>"$cache/$key.etmp" || rc=$? ;;
    s) "$gofmt" -s "$path" >"$cache/$key.tmp" 2>"$cache/$key.etmp" || rc=$? ;;
    stdin) "$gofmt" <"$path" >"$cache/$key.tmp" 2>"$cache/$key.etmp" || rc=$? ;;
  esac
  if [ "$rc" -eq 0 ]; then
    mv "$cache/$key.tmp" "$cache/$key.out"; rm -f "$cache/$key.etmp"
  else
    e=$(<"$cache/$key.etmp"); printf "%s\n" "${e//"$path"/FILE}" >"$cache/$key.err"
    rm -f "$cache/$key.tmp" "$cache/$key.etmp"
  fi
done'
awk -F'\t' '!seen[$5]++ {print $5 "\t" $3}' "$work/keys.txt" | while IFS= read -r line; do
  key=${line%%$'\t'*}
  [ -e "$cache/$key.out" ] || [ -e "$cache/$key.err" ] || printf '%s\n' "$line"
done >"$work/ref_todo.txt"
todo=$(wc -l <"$work/ref_todo.txt")
if [ "$todo" -gt 0 ]; then
  echo "running the reference gofmt on $todo new file/mode pairs ($jobs at a time)..."
  tr '\n' '\0' <"$work/ref_todo.txt" |
    xargs -0 -P "$jobs" -n 100 bash -c "$ref_worker" _ "$cache" "$gofmt"
fi
# md5 of each cached output, computed once per key: "key md5" or "key ERR".
touch "$cache/md5.idx"
cut -f5 "$work/keys.txt" | awk 'FILENAME==ARGV[1] {have[$1]=1; next} !seen[$0]++ && !have[$0]' \
  "$cache/md5.idx" - >"$work/md5_todo.txt"
: >"$work/md5_todo_out.txt"
while read -r key; do
  if [ -e "$cache/$key.out" ]; then
    echo "$cache/$key.out" >>"$work/md5_todo_out.txt"
  else
    echo "$key ERR" >>"$cache/md5.idx"
  fi
done <"$work/md5_todo.txt"
tr '\n' '\0' <"$work/md5_todo_out.txt" | xargs -0 -r -n 500 md5sum |
  sed -E 's#^([0-9a-f]+)  .*/([^/]*)\.out$#\2 \1#' >>"$cache/md5.idx"

# --- gotool: one process per mode and category, outputs by case number. ------------
got=$work/got
rm -rf "$got"
mkdir -p "$got"
for m in plain s stdin; do
  awk -F'\t' -v m="$m" '$2==m {print NR-1 "\t" $3}' "$work/keys.txt" >"$got/$m.idx"
  cut -f2 "$got/$m.idx" >"$got/$m.list"
  [ -s "$got/$m.list" ] || continue
  flags=()
  [ "$m" = s ] && flags=(-s)
  [ "$m" = stdin ] && flags=(-stdin)
  timeout "${GOTOOL_FMT_TIMEOUT:-600}" "$gotool" debug fmt "${flags[@]}" -j "$jobs" \
    -o "$got/$m" -list "$got/$m.list" 2>>"$work/gotool.stderr" ||
    echo "fmt.sh: gotool debug fmt $m failed (exit status $?)" >&2
done
# got.txt: "case status pos": status is the output's md5 or ERR; gotool's output is
# $got/<mode>/<pos>.out or .err.
for m in plain s stdin; do
  [ -d "$got/$m" ] || continue
  (cd "$got/$m" && find . -name '*.out' -print0 | xargs -0 -r -n 500 md5sum) |
    sed -E 's#^([0-9a-f]+)  \./([0-9]+)\.out$#\2 \1#' >"$got/$m.md5"
  (cd "$got/$m" && find . -name '*.err') | sed -E 's#^\./([0-9]+)\.err$#\1 ERR#' >>"$got/$m.md5"
  awk 'FILENAME==ARGV[1] {split($0, a, "\t"); idx[FNR]=a[1]; next} {print idx[$1+1] " " $2 " " $1}' \
    "$got/$m.idx" "$got/$m.md5"
done >"$got/got.txt"

# --- Idempotence: gotool's accepted outputs, formatted again, stay the same. --------
idem=$work/idem
rm -rf "$idem"
: >"$work/not_idempotent_as_gofmt.txt"
mkdir -p "$idem"
for m in plain s; do
  [ -d "$got/$m" ] || continue
  (cd "$got/$m" && find . -name '*.out' | sed 's#^\./##' | LC_ALL=C sort -n) >"$idem/$m.list"
  sed "s#^#$got/$m/#" "$idem/$m.list" >"$idem/$m.paths"
  flags=()
  [ "$m" = s ] && flags=(-s)
  "$gotool" debug fmt "${flags[@]}" -j "$jobs" -o "$idem/$m" -list "$idem/$m.paths" \
    2>>"$work/gotool.stderr" || true
done

# --- -l and -d on a sample: unformatted files gofmt accepts, plus formatted ones. --
awk -F'\t' 'FILENAME==ARGV[1] {split($0, a, " "); st[a[1]]=a[2]; next} $2=="plain" {print $1 "\t" $3 "\t" $4 "\t" st[$5]}' \
  "$cache/md5.idx" "$work/keys.txt" >"$work/plain_states.txt"
awk -F'\t' '$4!="ERR" && $4!=$3 {print $2}' "$work/plain_states.txt" >"$work/unformatted.txt"
awk -F'\t' '$4!="ERR" && $4==$3 && $1=="corpus" {print $2}' "$work/plain_states.txt" \
  >"$work/formatted.txt"
pick() {  # pick N FILE: N lines spread evenly over FILE
  awk -v n="$1" 'NR==FNR {t++; next} {i++; if (int((i - 1) * n / t) != int(i * n / t) || t <= n) print}' \
    "$2" "$2"
}
pick "$sample" "$work/unformatted.txt" >"$work/sample_unformatted.txt"
pick "$((sample / 3))" "$work/formatted.txt" >"$work/sample_formatted.txt"
cat "$work/sample_unformatted.txt" "$work/sample_formatted.txt" >"$work/sample_l.txt"
tr '\n' '\0' <"$work/sample_l.txt" | xargs -0 -r "$gofmt" -l >"$work/l_want.txt" 2>/dev/null || true
tr '\n' '\0' <"$work/sample_l.txt" | xargs -0 -r "$gotool" fmt -l >"$work/l_got.txt" 2>/dev/null || true
dwant=$work/d_want dgot=$work/d_got
rm -rf "$dwant" "$dgot"
mkdir -p "$dwant" "$dgot"
d_worker='
out=$1 tool=$2; shift 2
for line; do
  i=${line%%	*} path=${line#*	}
  $tool -d "$path" >"$out/$i.diff" 2>&1 || true
done'
awk '{print NR-1 "\t" $0}' "$work/sample_unformatted.txt" | tr '\n' '\0' |
  xargs -0 -r -P "$jobs" -n 50 bash -c "$d_worker" _ "$dwant" "$gofmt"
awk '{print NR-1 "\t" $0}' "$work/sample_unformatted.txt" | tr '\n' '\0' |
  xargs -0 -r -P "$jobs" -n 50 bash -c "$d_worker" _ "$dgot" "$gotool fmt"

# --- Compare and report. ------------------------------------------------------------
mm=$work/mismatches
rm -rf "$mm"
mkdir -p "$mm"
report=$mm/report.txt
: >"$report"
# results.txt: "category status file i mode key" with status pass or fail; i numbers
# the file among those of its mode (gotool's output file) or of its check.
results=$work/results.txt
awk -F'\t' '
  FILENAME==ARGV[1] {split($0, a, " "); ref[a[1]]=a[2]; next}
  FILENAME==ARGV[2] {split($0, a, " "); got[a[1]]=a[2]; pos[a[1]]=a[3]; next}
  {
    c = FNR - 1; cat = $1; file = $3; key = $5; r = ref[key]
    g = (c in got) ? got[c] : "MISSING"; i = (c in pos) ? pos[c] : "none"
    if (r == "ERR") {
      if (cat != "golden") cat = "rejected"
      if (cat == "rejected" && $2 == "s") next  # one verdict per file
      print cat "\t" (g == "ERR" ? "check" : "fail") "\t" file "\t" i "\t" $2 "\t" key
    } else {
      print cat "\t" (g == r ? "pass" : "fail") "\t" file "\t" i "\t" $2 "\t" key
    }
  }' "$cache/md5.idx" "$got/got.txt" "$work/keys.txt" >"$work/results0.txt"
# Both rejected a file: the error texts (gofmt's with the path written as FILE) agree.
while IFS=$'\t' read -r cat st f i m key; do
  if [ "$st" = check ]; then
    e=$(cat "$got/$m/$i.err" 2>/dev/null)
    st=fail
    [ "${e//"$f"/FILE}" = "$(<"$cache/$key.err")" ] && st=pass
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$cat" "$st" "$f" "$i" "$m" "$key"
done <"$work/results0.txt" >"$results"
# -r golden cases: few, so both tools run directly.
mkdir -p "$work/rewrite"
i=0
while IFS=$'\t' read -r rule f; do
  "$gofmt" -r "$rule" "$f" >"$work/rewrite/$i.want" 2>&1 || true
  "$gotool" fmt -r "$rule" "$f" >"$work/rewrite/$i.got" 2>&1 || true
  if cmp -s "$work/rewrite/$i.want" "$work/rewrite/$i.got"; then s=pass; else s=fail; fi
  printf 'golden\t%s\t%s\tr%s\trewrite\t-\n' "$s" "$f" "$i"
  i=$((i + 1))
done <"$rcases" >>"$results"
# idempotence: the second output equals the first, or else gofmt is not idempotent on
# that text either and its second pass equals gotool's.
for m in plain s; do
  [ -s "$idem/$m.list" ] || continue
  (cd "$idem/$m" && find . -name '*.out' -print0 | xargs -0 -r -n 500 md5sum) |
    sed -E 's#^([0-9a-f]+)  \./([0-9]+)\.out$#\2 \1#' >"$idem/$m.md5"
  awk -v m="$m" 'FILENAME==ARGV[1] {first[$1 ".out"]=$2; next}
       FILENAME==ARGV[2] {second[$1]=$2; next}
       {j=FNR-1; print m "\t" j "\t" $0 "\t" ((j in second) && second[j]==first[$0] ? "pass" : "check")}' \
    "$got/$m.md5" "$idem/$m.md5" "$idem/$m.list"
done | while IFS=$'\t' read -r m j name s; do
  if [ "$s" = check ]; then
    flags=()
    [ "$m" = s ] && flags=(-s)
    s=fail
    if [ -e "$idem/$m/$j.out" ] &&
      "$gofmt" "${flags[@]}" "$got/$m/$name" 2>/dev/null | cmp -s - "$idem/$m/$j.out"; then
      s=pass
      echo "$got/$m/$name" >>"$work/not_idempotent_as_gofmt.txt"
    fi
  fi
  printf 'idempotent\t%s\t%s\t%s\t%s\t-\n' "$s" "$got/$m/$name" "$j" "$m"
done >>"$results"
# -l: a file is listed by both or by neither.
awk 'FILENAME==ARGV[1] {w[$0]=1; next} FILENAME==ARGV[2] {g[$0]=1; next}
     {print "list\t" ((($0 in w) == ($0 in g)) ? "pass" : "fail") "\t" $0 "\t" FNR-1 "\tplain\t-"}' \
  "$work/l_want.txt" "$work/l_got.txt" "$work/sample_l.txt" >>"$results"
# -d: identical output per file.
awk '{print NR-1 "\t" $0}' "$work/sample_unformatted.txt" | while IFS=$'\t' read -r i f; do
  if cmp -s "$dwant/$i.diff" "$dgot/$i.diff"; then s=pass; else s=fail; fi
  printf 'diff\t%s\t%s\t%s\tplain\t-\n' "$s" "$f" "$i"
done >>"$results"

# Diffs of the first mismatches of each category, for the printer's author.
label() { case $1 in plain) echo "gofmt FILE" ;; s) echo "gofmt -s FILE" ;; *) echo "gofmt <FILE" ;; esac; }
awk -F'\t' '$2=="fail" && c[$1]++ < 200' "$results" | while IFS=$'\t' read -r cat s f i m key; do
  mkdir -p "$mm/$cat"
  d=$mm/$cat/$m-$i.diff
  case $cat/$m in
    golden/rewrite)
      { echo "# $f (gofmt -r)"; diff -u --label gofmt --label gotool "$work/rewrite/${i#r}.want" \
        "$work/rewrite/${i#r}.got"; } >"$d" 2>&1 || true ;;
    golden/*|corpus/*|corpus_s/*|rejected/*)
      if [ -e "$cache/$key.out" ]; then want=$cache/$key.out; else want=$cache/$key.err; fi
      if [ -e "$got/$m/$i.out" ]; then have=$got/$m/$i.out; else have=$got/$m/$i.err; fi
      { echo "# $f ($(label "$m"))"; diff -u --label gofmt --label gotool "$want" "$have"; } >"$d" 2>&1 || true ;;
    idempotent/*)
      { echo "# $f (gotool output, formatted again, -$m)"; diff -u --label first --label second "$f" "$idem/$m/$i.out"; } >"$d" 2>&1 || true ;;
    diff/*)
      { echo "# $f (gofmt -d vs gotool fmt -d)"; diff -u --label gofmt --label gotool "$dwant/$i.diff" "$dgot/$i.diff"; } >"$d" 2>&1 || true ;;
    list/*)
      { echo "# $f"; echo "gofmt -l lists it: $(grep -qxF "$f" "$work/l_want.txt" && echo yes || echo no)"; } >"$d" ;;
  esac
  printf '%s\t%s\t%s\n' "$cat" "$f" "$d" >>"$report"
done
[ "$verbose" -eq 1 ] && awk -F'\t' '$2=="fail" {print "FAIL " $1 ": " $3}' "$results"

echo "reports: $report, $mm/<category>/<mode>-<i>.diff; one file: diff <($gofmt F) <($gotool fmt F)"
echo "($n cases and $(wc -l <"$rcases") -r cases, $jobs workers, $((SECONDS - start_time))s)"
status=0
below=()
for cat in golden corpus corpus_s rejected list diff idempotent; do
  read -r p t < <(awk -F'\t' -v c="$cat" '$1==c {t++; if ($2=="pass") p++} END {print p+0, t+0}' "$results")
  pct=$(awk -v p="$p" -v t="$t" 'BEGIN {printf "%.2f", t ? 100 * p / t : 100}')
  floor_var=FLOOR_$(echo "$cat" | tr a-z A-Z)
  floor=${!floor_var}
  printf '  %-11s %6d / %-6d %7s%%  (floor %s%%)\n' "$cat" "$p" "$t" "$pct" "$floor"
  if awk -v a="$pct" -v b="$floor" 'BEGIN {exit !(a < b)}'; then below+=("$cat"); fi
done
echo "  (idempotent includes $(wc -l <"$work/not_idempotent_as_gofmt.txt") outputs that gofmt" \
  "changes again too, and gotool the same way)"
read -r passed failed < <(awk -F'\t' '{if ($2=="pass") p++; else f++} END {print p+0, f+0}' "$results")
if [ "$ci" -eq 1 ] && [ ${#below[@]} -gt 0 ]; then
  echo "below the floor: ${below[*]}"
  status=1
fi
echo "$passed passed, $failed failed"
exit "$status"
