#!/usr/bin/env bash
# Module benchmark: gotool versus the reference go command (Go 1.19), in the same run,
# against one HTTP test proxy (build-dir/pkg/scripttest/testproxy_server) on 127.0.0.1.
#  1. cold:  `mod download` of a main module requiring MODS generated modules (each
#            requiring the next, FILES files apiece) into an empty GOMODCACHE;
#  2. warm:  `list -m all` in the same module with the cache filled, REPEAT times
#            per measured run.
# Both tools must print the same list and leave the same go.sum and module cache
# (every path, type, permission and file content).
# The warm loop is also timed running /bin/true, the cost of starting any process on
# the machine, which bounds the warm ratio from above. Runs alternate between the tools; the best wall time and the best CPU time (user +
# system) of each are kept. Prints the ratios go / gotool (above 1 means gotool is
# faster) and the targets for the wall times (cold >= 2, warm >= 5). Both tools run with GOFLAGS=-mod=mod, GOSUMDB=off and GOPROXY set to
# the test proxy; go uses every core (GOMAXPROCS), gotool downloads 8 modules at a time.
#
# Usage: scripts/bench/mod.sh [-n RUNS] [-r REPEAT] [-mods MODS] [-files FILES] [-dir DIR]
#   -n RUNS      runs of each side (default 5)
#   -r REPEAT    warm case: `list -m all` per measured run (default 20)
#   -mods MODS   generated modules (default 32, at least 30)
#   -files FILES files per module (default 20)
#   -dir DIR     work directory holding both caches (default <build>/bench/mod); on
#                ext4 the kernel's inode allocation for the thousand files each run
#                creates dominates both tools' times, a tmpfs (/dev/shm/x) shows
#                the tools' own costs
# Environment: GOTOOL (the binary under test, default <build>/bin/gotool) and
# GOTOOL_BUILD_DIR (default build/; gotool and testproxy_server are built there).
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=5 repeat=20 mods=32 files=20 dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs=$2; shift ;;
    -n=*|--n=*) runs=${1#*=} ;;
    -r) repeat=$2; shift ;;
    -r=*|--r=*) repeat=${1#*=} ;;
    -mods|--mods) mods=$2; shift ;;
    -mods=*|--mods=*) mods=${1#*=} ;;
    -files|--files) files=$2; shift ;;
    -files=*|--files=*) files=${1#*=} ;;
    -dir|--dir) dir=$2; shift ;;
    -dir=*|--dir=*) dir=${1#*=} ;;
    -h|--help|-help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "mod.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

ref=/usr/lib/go-1.19
[ -x "$ref/bin/go" ] || scripts/setup.sh --oracle
[ -x /usr/bin/time ] || { echo "mod.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
build=${GOTOOL_BUILD_DIR:-build}
. scripts/lib/gotool.sh
find_gotool
# The test proxy is built beside gotool (find_gotool has configured the build).
cmake --build "$build" --target testproxy_server -j "${GOTOOL_JOBS:-2}" >/dev/null 2>&1 ||
  { cmake --build "$build" --target testproxy_server -j 2 >&2; exit 1; }
server=$(cd "$build/pkg/scripttest" && pwd)/testproxy_server
work=${dir:-$build/bench/mod}
rm -rf "$work" 2>/dev/null || { chmod -R u+w "$work" && rm -rf "$work"; }
mkdir -p "$work/proxy" "$work/m"
work=$(cd "$work" && pwd)

# The module graph: example.com/bench/mNN v1.0.0 requires mNN+1; the main module
# requires them all (as a go 1.17 go.mod lists every module it needs).
name() { printf 'example.com/bench/m%02d' "$1"; }
for ((i = 1; i <= mods; i++)); do
  p=$(name $i)
  gomod="module $p

go 1.17
"
  [ $i -lt $mods ] && gomod+="
require $(name $((i + 1))) v1.0.0
"
  {
    echo "bench module $p v1.0.0"
    echo
    printf -- '-- .mod --\n%s' "$gomod"
    printf -- '-- .info --\n{"Version":"v1.0.0","Time":"2023-01-01T00:00:00Z"}\n'
    printf -- '-- go.mod --\n%s' "$gomod"
    for ((f = 1; f <= files; f++)); do
      printf -- '-- f%02d.go --\npackage m%02d\n\n' "$f" "$i"
      for ((l = 0; l < 60; l++)); do printf '// line %d of file %d of module %d: some text to hash.\n' $l $f $i; done
    done
  } >"$work/proxy/example.com_bench_m$(printf %02d $i)_v1.0.0.txt"
done
{
  printf 'module example.com/main\n\ngo 1.17\n\nrequire (\n'
  for ((i = 1; i <= mods; i++)); do printf '\t%s v1.0.0\n' "$(name $i)"; done
  printf ')\n'
} >"$work/go.mod"

"$server" "$work/proxy" >"$work/proxy.url" 2>"$work/proxy.err" &
server_pid=$!
trap 'kill $server_pid 2>/dev/null; wait $server_pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$work/proxy.url" ] && break; sleep 0.05; done
proxy=$(head -n 1 "$work/proxy.url")
[ -n "$proxy" ] || { echo "mod.sh: test proxy did not start: $(cat "$work/proxy.err")" >&2; exit 1; }

# tool_env NAME CMD...: CMD with NAME's own GOPATH and GOMODCACHE.
tool_env() {
  local name=$1
  shift
  env -i PATH="$PATH" HOME="$work/home" GOPATH="$work/$name/gopath" \
    GOMODCACHE="$work/$name/gopath/pkg/mod" GOCACHE="$work/$name/gocache" GOFLAGS=-mod=mod \
    GOPROXY="$proxy" GOSUMDB=off GO111MODULE=on "$@"
}
declare -A best
keep() {  # keep NAME SECONDS: remember the best (lowest) value of NAME
  if [ -z "${best[$1]:-}" ] || awk "BEGIN{exit !($2 < ${best[$1]})}"; then best[$1]=$2; fi
}
# timed NAME DIVISOR CMD...: runs CMD under /usr/bin/time and keeps NAME's best wall
# time and best CPU time (user + system, children included), divided by DIVISOR.
timed() {
  local name=$1 div=$2 e u s t0 t1
  shift 2
  t0=$(date +%s%N)  # /usr/bin/time's wall time has only 10 ms steps
  /usr/bin/time -o "$work/time.txt" -f "%e %U %S" "$@" || { echo "mod.sh: $name failed" >&2; exit 1; }
  t1=$(date +%s%N)
  read -r e u s < <(tail -n 1 "$work/time.txt")
  keep "${name}_wall" "$(awk "BEGIN{print ($t1 - $t0) / 1e9 / $div}")"
  keep "${name}_cpu" "$(awk "BEGIN{print ($u + $s) / $div}")"
}
export -f tool_env
export work proxy repeat
cold() {  # cold NAME TOOL: mod download into an empty cache
  local name=$1 tool=$2
  chmod -R u+w "$work/$name" 2>/dev/null || true
  rm -rf "$work/$name"
  mkdir -p "$work/$name/m"
  cp "$work/go.mod" "$work/$name/m/go.mod"
  sync  # the previous run's writeback would land on this one otherwise
  timed "cold_$name" 1 bash -c 'cd "$work/$1/m" && tool_env "$1" "$2" mod download' _ "$name" "$tool"
}
warm() {  # warm NAME TOOL: list -m all, REPEAT times, in the filled cache
  # The environment is set once per measured run, so that each iteration costs one
  # fork and exec of the tool itself and no `env` process besides.
  local name=$1 tool=$2
  timed "warm_$name" "$repeat" bash -c 'cd "$work/$1/m" && tool_env "$1" bash -c "
    for ((k = 0; k < $repeat; k++)); do \"\$0\" list -m all >\"$work/$1.list\" || exit 1; done" "$2"' \
    _ "$name" "$tool"
}
floor() {  # the same loop running /bin/true: what starting any process costs here
  timed floor "$repeat" bash -c 'cd "$work/gotool/m" && tool_env gotool bash -c "
    for ((k = 0; k < $repeat; k++)); do /bin/true >\"$work/true.out\" || exit 1; done"'
}
# tree DIR: every path below DIR with its type and permissions, then the bytes of
# every file (as checksums), as the conformance script compares module caches.
tree() {
  (cd "$1" && find . -mindepth 1 ! -name '*.tmp' -printf '%y %m %p\n' | LC_ALL=C sort &&
    find . -type f ! -name '*.tmp' -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum)
}
for ((r = 0; r < runs; r++)); do
  cold go "$ref/bin/go"
  cold gotool "$gotool"
done
for ((r = 0; r < runs; r++)); do
  warm go "$ref/bin/go"
  warm gotool "$gotool"
  floor
done
cmp -s "$work/go.list" "$work/gotool.list" || { echo "mod.sh: list -m all outputs differ" >&2; exit 1; }
cmp -s <(tree "$work/go/gopath/pkg/mod") <(tree "$work/gotool/gopath/pkg/mod") ||
  { echo "mod.sh: the module caches differ" >&2; exit 1; }
cmp -s "$work/go/m/go.sum" "$work/gotool/m/go.sum" || { echo "mod.sh: go.sum files differ" >&2; exit 1; }

ratio() { awk "BEGIN{printf \"%.2f\", $1 / $2}"; }
ms() { awk "BEGIN{printf \"%.1f\", $1 * 1000}"; }
line() {  # line CASE LABEL TARGET
  printf '%s go %s ms, gotool %s ms, ratio %sx (target >= %sx); CPU go %s ms, gotool %s ms, ratio %sx\n' \
    "$2" "$(ms "${best[$1_go_wall]}")" "$(ms "${best[$1_gotool_wall]}")" \
    "$(ratio "${best[$1_go_wall]}" "${best[$1_gotool_wall]}")" "$3" \
    "$(ms "${best[$1_go_cpu]}")" "$(ms "${best[$1_gotool_cpu]}")" \
    "$(ratio "${best[$1_go_cpu]}" "${best[$1_gotool_cpu]}")"
}
echo "modules: $mods generated (each requiring the next), $files files each; best of $runs runs"
line cold "cold mod download:" 2
line warm "warm list -m all: " 5
printf 'floor: /bin/true in the warm loop takes %s ms (no tool can be faster than that)\n' \
  "$(ms "${best[floor_wall]}")"
