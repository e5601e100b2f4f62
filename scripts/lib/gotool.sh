# Shared by the conformance and bench scripts, which source it from the repository
# root after setting $build (the build directory).
#
# find_gotool sets $gotool to the absolute path of the binary under test: $GOTOOL
# when set, else $build/bin/gotool, built first (just the gotool target when the
# build directory is configured, else the whole project with scripts/build.sh, with
# $GOTOOL_JOBS jobs, 2 by default). A failed build prints its output and exits 1.
find_gotool() {
  gotool=${GOTOOL:-}
  if [ -z "$gotool" ]; then
    local build_log
    build_log=$(if [ -f "$build/build.ninja" ]; then
      cmake --build "$build" --target gotool -j "${GOTOOL_JOBS:-2}" 2>&1
    else
      scripts/build.sh 2>&1
    fi) || { echo "$build_log" >&2; exit 1; }
    gotool=$build/bin/gotool
  fi
  gotool=$(cd "$(dirname "$gotool")" && pwd)/$(basename "$gotool")
}

# setup_goroot NAME: $goroot (default /usr/share/go-1.19) checked to hold src/ and
# made absolute, and $oracle, the reference go installation, installed with apt when
# missing. NAME (the calling script) starts the error message.
setup_goroot() {
  goroot=${goroot:-/usr/share/go-1.19}
  oracle=/usr/lib/go-1.19
  [ -x "$oracle/bin/go" ] || scripts/setup.sh --oracle >/dev/null
  if [ ! -d "$goroot/src" ]; then
    echo "$1: $goroot/src: no such directory" >&2
    exit 2
  fi
  goroot=$(cd "$goroot" && pwd -P)
}
