#!/usr/bin/env bash
# Module command conformance: the reference go command (Go 1.19) and gotool run the
# same scenarios (mod download, graph, verify, edit, init and list -m over excludes,
# replacements, retractions, pseudo-versions, +incompatible and bad modules) against
# one HTTP test proxy (build-dir/pkg/scripttest/testproxy_server) serving the txtar
# modules of MODDIR, each tool in a fresh GOPATH and GOMODCACHE with GOFLAGS=-mod=mod,
# GOSUMDB=off and GOPROXY=http://127.0.0.1:PORT/mod. A scenario passes when, after
# each of its commands, stdout, stderr and the exit status, and at its end go.mod,
# go.sum and the module cache tree (every path, its type and permissions, and the
# bytes of every file) are identical. The go command's own name is normalised in its
# messages ("go: " and "'go help" read as gotool's), and both work directories read
# as $WORK. From the cache tree only "*.tmp" files are left out: go 1.19 leaves its
# temporary zip behind when it stops on a checksum mismatch (it exits from inside the
# download), where gotool removes it. With GOSUMDB=off there is no
# cache/download/sumdb; lock files are compared as the go command leaves them.
# One deliberate difference is normalised: `mod init` writes gotool's language
# version (go 1.22) on the go line where go 1.19 writes its own.
# Prints the mismatching scenarios with a diff and "N passed, M failed".
#
# Usage: scripts/conformance/mod.sh [--ci] [-v] [-run REGEXP] [MODDIR]
#   --ci         exit 1 when the pass rate is below the floor stored below
#   -v           print every scenario's name and result
#   -run REGEXP  run only the scenarios whose name matches
#   MODDIR       the txtar modules (default /usr/share/go-1.19/src/cmd/go/testdata/mod)
# Environment: GOTOOL_BUILD_DIR (default build/; gotool and testproxy_server are built
# there), GOTOOL_CONFORMANCE_DIR (work directory; default <build>/conformance/mod).
set -euo pipefail
cd "$(dirname "$0")/../.."

# Floor for --ci, in percent of scenarios that agree.
FLOOR=100

ci=0 verbose=0 run_re="" moddir=/usr/share/go-1.19/src/cmd/go/testdata/mod
while [ $# -gt 0 ]; do
  case "$1" in
    --ci|-ci) ci=1 ;;
    -v|--v) verbose=1 ;;
    -run|--run) run_re=$2; shift ;;
    -run=*|--run=*) run_re=${1#*=} ;;
    -h|--help|-help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "mod.sh: unknown flag $1" >&2; exit 2 ;;
    *) moddir=$1 ;;
  esac
  shift
done
moddir=$(cd "$moddir" && pwd)

ref=/usr/lib/go-1.19
[ -x "$ref/bin/go" ] || scripts/setup.sh --oracle
build=${GOTOOL_BUILD_DIR:-build}
if [ ! -f "$build/build.ninja" ]; then
  scripts/build.sh >/dev/null 2>&1 || { echo "mod.sh: build failed" >&2; exit 1; }
fi
cmake --build "$build" --target gotool testproxy_server -j "${GOTOOL_JOBS:-2}" >/dev/null 2>&1 ||
  { cmake --build "$build" --target gotool testproxy_server -j 2 >&2; exit 1; }
gotool=$(cd "$build/bin" && pwd)/gotool
server=$(cd "$build/pkg/scripttest" && pwd)/testproxy_server
work=${GOTOOL_CONFORMANCE_DIR:-$build/conformance/mod}
rm -rf "$work" 2>/dev/null || { chmod -R u+w "$work" && rm -rf "$work"; }
mkdir -p "$work"
work=$(cd "$work" && pwd)

# The proxy, stopped on exit.
"$server" "$moddir" >"$work/proxy.url" 2>"$work/proxy.err" &
server_pid=$!
trap 'kill $server_pid 2>/dev/null; wait $server_pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$work/proxy.url" ] && break; sleep 0.05; done
proxy=$(head -n 1 "$work/proxy.url")
[ -n "$proxy" ] || { echo "mod.sh: test proxy did not start: $(cat "$work/proxy.err")" >&2; exit 1; }

# Scenario helpers: $dir is the tool's scenario directory, $m its main module.
gomod() { printf '%s\n' "$1" >"$m/go.mod"; }
gosum() { printf '%s\n' "$1" >"$m/go.sum"; }
file() { mkdir -p "$(dirname "$m/$1")"; printf '%s\n' "$2" >"$m/$1"; }
step=0
toolenv() {
  env -i PATH="$PATH" HOME="$dir/home" GOPATH="$dir/gopath" GOMODCACHE="$dir/gopath/pkg/mod" \
    GOCACHE="$dir/gocache" GOFLAGS="${goflags_override--mod=mod}" GOPROXY="${proxy_override:-$proxy}" GOSUMDB=off GONOSUMDB= \
    GONOPROXY= GOPRIVATE= GO111MODULE=on GOTOOLCHAIN=local "$@"
}
run() {  # run ARGS...: the tool with ARGS in $m; output kept as step N
  step=$((step + 1))
  local rc=0
  (cd "$m" && PWD="$m" toolenv "$tool" "$@" >"$dir/out/$step.stdout" 2>"$dir/out/$step.stderr") ||
    rc=$?
  echo "$*: exit $rc" >"$dir/out/$step.rc"
}
shell() {  # shell SCRIPT: bash in $m with $GOMODCACHE set (setting up a later step)
  (cd "$m" && toolenv GOMODCACHE="$dir/gopath/pkg/mod" bash -c "$1") >/dev/null 2>&1 || true
}

# normalise DIR: what is compared, with both tools' directories read as $WORK.
normalise() {
  local d=$1 f
  for f in "$d"/out/*; do
    sed -i -e "s#$d#\$WORK#g" "$f"
    if [ "$2" = go ]; then
      sed -i -e 's#^go: #gotool: #' -e "s#'go #'gotool #g" -e 's#\tgo mod #\tgotool mod #g' \
        -e 's#\tgo get #\tgotool get #g' -e 's#^\(go: \)*go \(mod\|list\|get\) #gotool \2 #' "$f"
    fi
  done
  [ -f "$d/m/go.mod" ] && cp "$d/m/go.mod" "$d/out/go.mod"
  [ -f "$d/m/go.sum" ] && cp "$d/m/go.sum" "$d/out/go.sum"
  if [ "$2" = gotool ] && [ -n "${init_scenario:-}" ] && [ -f "$d/out/go.mod" ]; then
    sed -i 's/^go 1\.22$/go 1.19/' "$d/out/go.mod"
  fi
  if [ -d "$d/gopath/pkg/mod" ]; then
    (cd "$d/gopath/pkg/mod" && find . -mindepth 1 ! -name '*.tmp' -printf '%y %m %p\n' |
      LC_ALL=C sort >"$d/out/cache.tree" &&
      find . -type f ! -name '*.tmp' -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum >"$d/out/cache.sums")
  fi
}

passed=0 failed=0 failures=()
scenario() {  # scenario NAME: runs scenario_NAME with both tools and compares
  local name=$1 t
  [ -z "$run_re" ] || [[ $name =~ $run_re ]] || return 0
  init_scenario="" proxy_override=""
  unset goflags_override
  [[ $name == init* ]] && init_scenario=1
  for t in go gotool; do
    dir=$work/$name/$t m=$work/$name/$t/m step=0
    tool=$([ $t = go ] && echo "$ref/bin/go" || echo "$gotool")
    mkdir -p "$m" "$dir/out" "$dir/home"
    "scenario_$name"
    normalise "$dir" "$t"
  done
  if diff -r "$work/$name/go/out" "$work/$name/gotool/out" >"$work/$name/diff" 2>&1; then
    passed=$((passed + 1))
    [ $verbose = 0 ] || echo "ok   $name"
  else
    failed=$((failed + 1))
    failures+=("$name")
    echo "FAIL $name"
    { diff -ru "$work/$name/go/out" "$work/$name/gotool/out" || true; } | head -n 40 | sed "s/^/    /"
  fi
}

# The scenarios.
quote_117='module example.com/m

go 1.17

require rsc.io/quote v1.5.2'
quote_116='module example.com/m

go 1.16

require rsc.io/quote v1.5.2'

scenario_download_default() { gomod "$quote_117"; run mod download; }
scenario_download_unpruned() { gomod "$quote_116"; run mod download; run mod download -json; }
scenario_download_json_query() { gomod "$quote_117"; run mod download -json rsc.io/quote@v1.5.2; }
scenario_download_path_args() {
  gomod "$quote_117"
  run mod download rsc.io/quote rsc.io/sampler
  run mod download -json golang.org/x/text
}
scenario_download_latest() { gomod "$quote_117"; run mod download -json rsc.io/sampler@latest; }
scenario_download_outside_module() {
  rm -f "$m/go.mod"
  run mod download
  run mod download -json rsc.io/quote@v1.5.1
  run mod download rsc.io/quote@v1.5.1
}
scenario_download_no_deps() { gomod 'module example.com/m

go 1.17'; run mod download; }
scenario_download_unknown() {
  gomod "$quote_117"
  run mod download example.com/nonexist@v1.0.0
  run mod download -json rsc.io/quote@v1.9.9
  run mod download example.com/nonexist
}
scenario_download_badzip() { gomod "$quote_117"; run mod download rsc.io/badzip@v1.0.0; run mod download -json rsc.io/badzip@v1.0.0; }
scenario_download_badfile() { gomod "$quote_117"; run mod download rsc.io/badfile1@v1.0.0 rsc.io/badfile2@v1.0.0; }
scenario_download_checksum_mismatch() {
  gomod "$quote_117"
  gosum 'rsc.io/quote v1.5.2 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=
rsc.io/quote v1.5.2/go.mod h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe+TKr0='
  run mod download rsc.io/quote@v1.5.2
}
scenario_download_gomod_mismatch() {
  gomod "$quote_117"
  gosum 'rsc.io/quote v1.5.2/go.mod h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='
  run mod graph
}

scenario_graph() { gomod "$quote_117"; run mod graph; }
scenario_graph_unpruned() { gomod "$quote_116"; run mod graph; run mod graph -go=1.17; }
scenario_graph_outside_module() { rm -f "$m/go.mod"; run mod graph; run mod graph extra; }
scenario_graph_badchain() {
  gomod 'module example.com/m

go 1.17

require example.com/badchain/a v1.1.0'
  run mod graph
  run list -m all
}
scenario_malformed_gomod() {
  gomod 'module example.com/m

go 1.17

require rsc.io/quote v1.5.2
bogus directive'
  run mod graph
  run list -m all
  run mod download
  run mod verify
}
scenario_bad_version_in_gomod() {
  gomod 'module example.com/m

go 1.17

require rsc.io/quote v1.5.2.3'
  run mod graph
}
scenario_list_all() { gomod "$quote_117"; run list -m all; run list -m; }
scenario_list_json() { gomod "$quote_117"; run list -m -json all; }
scenario_list_versions() {
  gomod "$quote_117"
  run list -m -versions rsc.io/quote rsc.io/sampler
  run list -m -versions -json rsc.io/sampler
}
scenario_list_path() {
  gomod "$quote_117"
  run list -m rsc.io/quote
  run list -m golang.org/x/text
  run list -m example.com/notdep
  run list -m rsc.io/quote@v1.5.1
}
scenario_list_unpruned() { gomod "$quote_116"; run list -m all; run list -m -json rsc.io/sampler; }
scenario_list_outside_module() {
  rm -f "$m/go.mod"
  run list -m all
  run list -m rsc.io/quote
  run list -m -versions rsc.io/quote
  run list -m rsc.io/quote@v1.5.2
}
scenario_verify() { gomod "$quote_117"; run mod download; run mod verify; }
scenario_verify_modified() {
  gomod "$quote_117"
  run mod download
  shell 'chmod -R u+w "$GOMODCACHE/rsc.io/quote@v1.5.2" && echo "// x" >>"$GOMODCACHE/rsc.io/quote@v1.5.2/quote.go"'
  run mod verify
}
scenario_verify_nothing_downloaded() { gomod "$quote_117"; run mod verify; }
scenario_edit_require() {
  gomod 'module example.com/m

go 1.17'
  run mod edit -require=rsc.io/quote@v1.5.2
  run mod graph
  run list -m all
}
scenario_edit_variants() {
  gomod "$quote_117"
  run mod edit -droprequire=rsc.io/quote -require=rsc.io/sampler@v1.3.1 -exclude=rsc.io/sampler@v1.3.0
  run mod edit -json
  run mod edit -replace=rsc.io/sampler@v1.3.1=rsc.io/sampler@v1.2.1 -print
  run mod download
  run list -m all
}
scenario_init() { rm -f "$m/go.mod"; run mod init example.com/newmod; run mod download; run list -m; }
scenario_exclude() {
  gomod 'module example.com/m

go 1.17

require rsc.io/quote v1.5.2

exclude rsc.io/sampler v1.3.0'
  run mod graph
  run list -m all
  run mod download
}
scenario_exclude_unpruned() {
  gomod 'module example.com/m

go 1.16

require rsc.io/quote v1.5.2

exclude rsc.io/sampler v1.3.0'
  run mod graph
  run list -m all
}
scenario_replace_version() {
  gomod 'module example.com/m

go 1.17

require rsc.io/quote v1.5.2

replace rsc.io/quote v1.5.2 => rsc.io/quote v1.5.1'
  run mod download
  run mod graph
  run list -m all
  run list -m -json rsc.io/quote
}
# Blocks out of order are layout: go leaves go.mod as it is until its content changes
# (modFileIsDirty), and then writes it with every block sorted.
unsorted_replace='replace (
	example.com/zzz => ./zzz
	example.com/aaa => ./aaa
)'
scenario_unsorted_blocks_kept() {
  gomod 'module example.com/m

go 1.17

require (
	rsc.io/sampler v1.3.0
	rsc.io/quote v1.5.2
)

'"$unsorted_replace"
  run list -m all
  run mod graph
  run mod download
}
scenario_unsorted_blocks_rewritten() {
  gomod 'module example.com/m

go 1.17

require (
	rsc.io/sampler v1.0.0
	rsc.io/quote v1.5.2
)

'"$unsorted_replace"
  run list -m all
}
scenario_replace_dir() {
  gomod 'module example.com/m

go 1.17

require rsc.io/quote v1.5.2

replace rsc.io/quote => ./localquote'
  file localquote/go.mod 'module rsc.io/quote

require rsc.io/sampler v1.3.1'
  run mod graph
  run list -m all
  run list -m -json rsc.io/quote
  run mod download
  run mod verify
}
scenario_retract_versions() {
  gomod "$quote_117"
  run list -m -versions example.com/retract example.com/retract/self/prev
  run mod download -json example.com/retract@latest
}
scenario_retract_required() {
  gomod 'module example.com/m

go 1.17

require example.com/retract v1.0.0-bad'
  run list -m all
  run mod download
}
scenario_pseudo_versions() {
  gomod 'module example.com/m

go 1.17

require (
	golang.org/x/text v0.0.0-20170915032832-14c0d48ead0c
	rsc.io/quote v0.0.0-20180709162749-b44a0b17b2d1
)'
  run mod download
  run list -m -json all
  run mod graph
  run list -m -versions rsc.io/quote
}
scenario_incompatible() {
  gomod 'module example.com/m

go 1.17

require rsc.io/breaker v2.0.0+incompatible'
  run mod download
  run list -m all
  run mod download -json rsc.io/breaker@v2.0.0+incompatible
  run list -m -versions rsc.io/breaker
}
scenario_escaped_paths() {
  gomod 'module example.com/m

go 1.17

require rsc.io/QUOTE v1.5.2'
  run mod download
  run list -m -json all
}
scenario_deprecated() {
  gomod 'module example.com/m

go 1.17

require example.com/deprecated/a v1.9.0'
  run list -m all
  run list -m -json example.com/deprecated/a
}

scenario_proxy_500() {
  gomod "$quote_117"
  proxy_override=${proxy%/mod}/fail500
  run mod download
  run mod graph
  run list -m -versions rsc.io/quote
  run mod download -json rsc.io/quote@v1.5.2
  proxy_override=""
}
scenario_proxy_list_fallback() {
  gomod "$quote_117"
  proxy_override="${proxy%/mod}/nothing-here,$proxy"
  run mod download
  run list -m all
  proxy_override=""
}
scenario_download_all_and_upgrade() {
  gomod "$quote_117"
  run mod download all
  run mod download -json rsc.io/sampler@upgrade
  run list -m rsc.io/sampler@upgrade rsc.io/quote@latest
}
scenario_existing_gosum_kept() {
  gomod "$quote_117"
  gosum 'example.com/unrelated v1.0.0 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=
rsc.io/quote v1.5.2/go.mod h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe+TKr0='
  run mod download rsc.io/quote
  run list -m all
}
scenario_bad_module_gomod() {
  gomod 'module example.com/m

go 1.17

require rsc.io/badmod v1.0.0'
  run mod graph
  run mod download rsc.io/badmod@v1.0.0
  run list -m all
}
scenario_retract_rationale() {
  gomod "$quote_117"
  run list -m -versions example.com/retract/rationale
  run list -m -json example.com/retract/rationale@v1.0.0-block
  run mod download -json example.com/retract/rationale@latest
}

scenario_incompatible_latest() {
  gomod "$quote_117"
  run list -m rsc.io/breaker@latest example.com/split-incompatible@latest
  run mod download -json rsc.io/breaker@latest
  run list -m -versions example.com/incompatiblewithsub example.com/split-incompatible
}
scenario_graph_pruned_as_old() {
  gomod 'module example.com/m

go 1.17

require (
	example.com/badchain/a v1.0.0
	rsc.io/quote v1.5.2
)'
  run mod graph -go=1.16
  run mod graph
  run list -m all
}
scenario_gopkgin_and_major() {
  gomod 'module example.com/m

go 1.17

require (
	gopkg.in/dummy.v2-unstable v2.0.0
	rsc.io/quote/v3 v3.0.0
)'
  run mod download
  run list -m -json all
  run mod verify
}
scenario_deprecated_chain() {
  gomod 'module example.com/m

go 1.16

require (
	example.com/deprecated/b v1.9.0
	example.com/undeprecated v1.0.0
)'
  run mod download
  run list -m all
  run mod graph
}

scenario_list_readonly() {
  gomod "$quote_117"
  goflags_override=""
  run list -m all
  run list -m -json rsc.io/quote
  run mod download
  run list -m -json all
  run list -m -versions rsc.io/sampler
  unset goflags_override
}

# list -m -u, -retracted, queries and patterns.
retract_mix='module example.com/m

go 1.17

require (
	example.com/deprecated/a v1.0.0
	example.com/retract v1.0.0-bad
	rsc.io/quote v1.5.1
)'
scenario_list_u_all() { gomod "$retract_mix"; run list -m -u all; run list -m -u; }
scenario_list_u_json() { gomod "$retract_mix"; run list -m -u -json all; }
scenario_list_u_exclude() {
  gomod 'module example.com/m

go 1.17

require rsc.io/quote v1.5.2

exclude rsc.io/sampler v1.99.99'
  run list -m -u all
  run list -m -u -json rsc.io/sampler
}
scenario_list_u_replaced() {
  gomod 'module example.com/m

go 1.17

require rsc.io/quote v1.5.1

replace rsc.io/quote v1.5.1 => rsc.io/quote v1.2.0'
  run list -m -u all
  run list -m -u -json rsc.io/quote
}
scenario_list_u_dir_replace() {
  gomod 'module example.com/m

go 1.17

require rsc.io/quote v1.5.2

replace rsc.io/quote => ./localquote'
  file localquote/go.mod 'module rsc.io/quote

require rsc.io/sampler v1.3.1'
  run list -m -u all
  run list -m -u -json rsc.io/quote
}
scenario_list_u_pseudo_incompatible() {
  gomod 'module example.com/m

go 1.17

require (
	example.com/pseudoupgrade v0.0.0-20190430073000-30950c05d534
	golang.org/x/text v0.0.0-20170915032832-14c0d48ead0c
	rsc.io/breaker v2.0.0+incompatible
)'
  run list -m -u all
  run list -m example.com/pseudoupgrade@upgrade rsc.io/breaker@upgrade
}
scenario_list_u_prerelease() {
  gomod 'module example.com/m

go 1.17

require (
	example.com/retract/self/prerelease v1.9.1-pre
	rsc.io/quote v1.5.3-pre1
)'
  run list -m -u all
  run list -m -u -json example.com/retract/self/prerelease
}
scenario_list_retracted() {
  gomod 'module example.com/m

go 1.17

require (
	example.com/retract v1.0.0-bad
	example.com/retract/rationale v1.0.0-block
	example.com/retract/self/prev v1.1.0
)'
  run list -m -retracted all
  run list -m -retracted -json example.com/retract/rationale example.com/retract/self/prev
  run list -m -retracted example.com/retract/rationale@v1.0.0-multiline1
}
scenario_list_versions_retracted() {
  gomod "$quote_117"
  run list -m -versions -retracted example.com/retract example.com/retract/rationale
  run list -m -versions -retracted -json example.com/retract/self/prev
  run list -m -versions example.com/retract/self/all
  run list -m -versions -retracted example.com/retract/self/all
}
scenario_list_query_latest_upgrade_patch() {
  gomod "$retract_mix"
  run list -m rsc.io/sampler@latest rsc.io/sampler@upgrade rsc.io/quote@patch rsc.io/sampler@v1.2.0
  run list -m -json rsc.io/sampler@patch example.com/m@upgrade
  run list -m example.com/retract@latest example.com/retract@upgrade example.com/retract@v1.0.0-bad
  run list -m -retracted example.com/retract@latest example.com/retract/self/prev@latest
}
scenario_list_query_prefix_range() {
  gomod "$quote_117"
  run list -m rsc.io/quote@v1.2 rsc.io/quote@v1 'rsc.io/quote@<v1.2' 'rsc.io/quote@>=v1.2.0'
  run list -m 'rsc.io/quote@>v1.9.0' 'rsc.io/sampler@<=v1.2.1' rsc.io/sampler@v1.2.1+meta
  run list -m -u -json rsc.io/quote@v1.3
}
scenario_list_pattern() {
  gomod "$retract_mix"
  run list -m 'rsc.io/...'
  run list -m -json 'golang.org/x/...' 'example.com/.../a'
  run list -m 'example.com/none/...'
  run list -m -u 'example.com/...' all
}
scenario_list_query_errors() {
  gomod "$quote_117"
  run list -m example.com/nonexist@latest
  run list -m example.com/nonexist@v1.0.0
  run list -m rsc.io/quote@v1.9
  run list -m example.com/notreq@patch
  run list -m 'rsc.io/quote@>x' 'rsc.io/quote@<=v1.2'
  run list -m rsc.io/quote@master
  run list -e -m -json example.com/nonexist@latest rsc.io/quote@v1.9
  run list -m -u example.com/nonexist
  run list -m 'bad path@v1' 'Bad.com/x@patch' 'x@v1.0.0'
}
scenario_list_u_outside_module() {
  rm -f "$m/go.mod"
  run list -m -u rsc.io/quote@v1.5.1
  run list -m -u -retracted -json example.com/retract@v1.0.0-bad
  run list -m rsc.io/quote@v1.5
}

scenario_list_u_retract_edge() {
  gomod 'module example.com/m

go 1.17

require (
	example.com/retract/incompatible v1.0.0
	example.com/retract/missingmod v1.0.0
	example.com/retract/noupgrade v1.0.0
	example.com/retract/rename v1.0.0-bad
	example.com/retract/self/pseudo v1.0.0-bad
)'
  run list -m -u all
  run list -m -u -json example.com/retract/missingmod example.com/retract/rename
  run list -m -versions -retracted example.com/retract/incompatible example.com/retract/self/pseudo
}
scenario_list_u_readonly_unpruned() {
  gomod 'module example.com/m

go 1.16

require (
	example.com/deprecated/b v1.0.0
	rsc.io/quote v1.5.1
)'
  goflags_override=""
  run list -m -u all
  run mod download
  run list -m -u -json all
  run list -m -retracted -versions -json example.com/deprecated/b
  unset goflags_override
}
scenario_list_u_versions_e() {
  gomod "$retract_mix"
  run list -m -u -versions all
  run list -e -m -u -json example.com/notdep example.com/nonexist@latest rsc.io/quote
  run list -m -u example.com/undeprecated@v1.0.0 rsc.io/quote@upgrade all
}

scenario_list_u_replace_other_path() {
  gomod 'module example.com/m

go 1.17

require (
	rsc.io/quote v1.5.2
	rsc.io/sampler v1.3.0
)

replace (
	rsc.io/quote v1.5.2 => example.com/quote v1.5.2
	rsc.io/sampler v1.99.100 => rsc.io/sampler v1.3.1
)'
  run list -m -u all
  run list -m -u -json rsc.io/quote rsc.io/sampler
  run list -m rsc.io/sampler@latest rsc.io/sampler@v1.99.100
  run list -m -versions rsc.io/sampler
}

scenario_list_query_graph_error() {
  gomod 'module example.com/m

go 1.17

require example.com/badchain/a v1.1.0'
  run list -m -u all
  run list -m example.com/badchain/c@upgrade
  run list -m -e -u -json 'example.com/...'
  run list -m example.com/badchain/zzz@upgrade example.com/badchain/c@v1.0.0
  run list -m -retracted example.com/badchain/a
}
scenario_list_mixed_args() {
  gomod "$quote_117"
  run list -m rsc.io/quote@v1.5.1 'rsc.io/...' all rsc.io/quote
  run list -m -u 'rsc.io/...' rsc.io/sampler
}

scenario_list_query_readonly() {
  gomod "$quote_117"
  goflags_override=""
  run list -m -json rsc.io/quote@v1.5.1
  run list -m -u -json rsc.io/quote
  run list -m -u all
  run mod download
  run list -m -u -json all
  run list -m -json -retracted example.com/retract@v1.0.0-bad
  unset goflags_override
}

scenario_list_u_replacement_info() {
  gomod 'module example.com/m

go 1.17

require (
	example.com/deprecated/a v1.0.0
	rsc.io/quote v1.5.2
)

replace example.com/deprecated/a => example.com/deprecated/b v1.0.0

replace rsc.io/quote v1.5.2 => example.com/retract v1.0.0-bad

replace example.com/retract v1.9.0 => ./r'
  run list -m -u all
  run list -m -u -json rsc.io/quote example.com/deprecated/a
  run list -m -retracted -versions all
  run list -m example.com/retract@latest
}
scenario_list_missing_dir_replacement() {
  gomod 'module example.com/m

go 1.17

require rsc.io/quote v1.5.2

replace rsc.io/quote => ./missing'
  run list -m all
  run list -m -u -json rsc.io/quote
}

scenario_list_query_disallowed() {
  gomod 'module example.com/m

go 1.17

require (
	example.com/retract/noupgrade v1.0.0
	example.com/retract/rationale v1.0.0-long
)

exclude rsc.io/sampler v1.99.99'
  run list -m example.com/retract/noupgrade@upgrade example.com/retract/noupgrade@patch
  run list -m example.com/retract/rationale@upgrade example.com/retract/rationale@v1.0.0-unprintable
  run list -m -retracted -json example.com/retract/rationale@v1.0.0-unprintable example.com/retract/rationale@v1.0.0-long
  run list -m rsc.io/sampler@v1.99.99 rsc.io/sampler@latest 'rsc.io/sampler@>v1.3.1'
}

for s in $(declare -F | awk '{print $3}' | grep '^scenario_' | sed 's/^scenario_//'); do
  scenario "$s"
done

total=$((passed + failed))
echo "$passed passed, $failed failed"
if [ $ci = 1 ] && [ $total -gt 0 ] && [ $((passed * 100)) -lt $((FLOOR * total)) ]; then
  echo "mod.sh: pass rate below the floor of $FLOOR%" >&2
  exit 1
fi
