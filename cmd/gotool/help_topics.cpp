// The texts of `gotool help <topic>` for topics that are not commands.
#include "cmd/gotool/commands.h"

namespace gotool::cli {

const std::vector<HelpTopic>& HelpTopics() {
  static const std::vector<HelpTopic> topics = {
      {"environment", "environment variables", R"(
gotool reads the go command's environment variables and the go env file
that 'go env -w' writes, so both tools share one configuration. A
variable set in the process environment wins over the file; an unset or
empty one falls back to the file, then to its default. 'gotool env NAME'
prints the value in effect and 'gotool env -w NAME=VALUE' changes the
default.

The variables gotool uses:

	GO111MODULE
		Module mode: on, off or auto.
	GOARCH, GOOS
		The target architecture and operating system.
	GOCACHE
		gotool's build cache. Default $XDG_CACHE_HOME/gotool, else
		$HOME/.cache/gotool (its own, apart from the go command's).
	GOENV
		The go env file. Default $XDG_CONFIG_HOME/go/env, else
		$HOME/.config/go/env; "off" disables it. Only the process
		environment can set it.
	GOFLAGS
		Space-separated -flag=value settings applied to every command.
	GOINSECURE, GONOPROXY, GONOSUMDB, GOPRIVATE
		Comma-separated module path patterns: fetched without TLS
		checks, fetched directly, not checked against the checksum
		database, or all of these. GONOPROXY and GONOSUMDB default to
		GOPRIVATE.
	GOMODCACHE
		The module cache, shared with the go command. Default: the
		first GOPATH entry + /pkg/mod.
	GOPATH
		Default $HOME/go.
	GOPROXY
		Module proxies, separated by ',' or '|', or direct or off.
		Default https://proxy.golang.org,direct.
	GOROOT
		A Go source tree for the standard library.
	GOSUMDB
		The checksum database. Default sum.golang.org.
	GOTMPDIR, GOVCS, GOBIN
		As for the go command.
)"},
      {"testflag", "testing flags", R"(
'gotool test' takes flags of its own (the build flags, -c, -exec, -json,
-o, -vet) and the flags of the test binary, which it passes on:

	-run regexp      run only the tests and examples matching regexp
	-bench regexp    run the benchmarks matching regexp
	-benchtime t     run each benchmark for duration t, or Nx times
	-count n         run each test, benchmark and fuzz seed n times
	-cover           enable coverage analysis
	-cpu 1,2,4       run with each GOMAXPROCS value
	-failfast        stop after the first failing test
	-fuzz regexp     run the fuzz test matching regexp
	-list regexp     list the matching tests instead of running them
	-parallel n      run at most n parallel tests
	-short           ask long-running tests to shorten their run
	-shuffle off,on,N
	                 randomize the order of tests and benchmarks
	-timeout d       panic after duration d (default 10m)
	-v               print every test as it runs

Profiling flags (-cpuprofile, -memprofile, -blockprofile,
-mutexprofile, -trace, -outputdir) are accepted as well. Flags may come
before or after the packages; arguments after -args go to the test
binary unchanged.
)"},
  };
  return topics;
}

}  // namespace gotool::cli
