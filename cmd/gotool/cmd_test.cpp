// `gotool test`: test packages.
#include "cmd/gotool/buildflags.h"
#include "cmd/gotool/commands.h"

namespace gotool::cli {
namespace {

// TestOptions are the flags of `gotool test`: build flags, go test's own flags and the
// test binary flags it understands. Arguments after -args go to the tests unparsed.
struct TestOptions {
  cfg::BuildFlags build;
  bool c = false, i = false, json = false;
  std::string exec, output, vet;
  std::string bench, benchtime, covermode, coverpkg, coverprofile, cpu, fuzz, fuzztime;
  std::string fuzzminimizetime, list, run, shuffle, timeout, outputdir;
  std::string blockprofile, cpuprofile, memprofile, mutexprofile, trace;
  int count = 1, parallel = 0, blockprofilerate = 0, memprofilerate = 0;
  int mutexprofilefraction = 0;
  bool benchmem = false, cover = false, failfast = false, short_ = false;
  std::vector<std::string> packages;
  std::vector<std::string> test_args;  // after -args
};

void AddTestFlags(Command* cmd, TestOptions* o) {
  AddBuildFlags(cmd, &o->build);
  cmd->Bool("c", &o->c, "compile the test binary but do not run it");
  cmd->Bool("i", &o->i, "install test dependencies (deprecated)");
  cmd->Bool("json", &o->json, "print test output as JSON events");
  cmd->String("exec", &o->exec, "run the test binary through xprog");
  cmd->String("o", &o->output, "write the test binary to this file");
  cmd->String("vet", &o->vet, "vet checks to run during the test");
  cmd->String("bench", &o->bench, "run benchmarks matching regexp");
  cmd->Bool("benchmem", &o->benchmem, "print memory allocations for benchmarks");
  cmd->String("benchtime", &o->benchtime, "run each benchmark for duration or Nx");
  cmd->String("blockprofile", &o->blockprofile, "write a goroutine blocking profile");
  cmd->Int("blockprofilerate", &o->blockprofilerate, "blocking profile rate");
  cmd->Int("count", &o->count, "run each test and benchmark n times");
  cmd->Bool("cover", &o->cover, "enable coverage analysis");
  cmd->String("covermode", &o->covermode, "coverage mode: set, count, atomic");
  cmd->String("coverpkg", &o->coverpkg, "apply coverage analysis to these packages");
  cmd->String("coverprofile", &o->coverprofile, "write a coverage profile");
  cmd->String("cpu", &o->cpu, "list of GOMAXPROCS values");
  cmd->String("cpuprofile", &o->cpuprofile, "write a CPU profile");
  cmd->Bool("failfast", &o->failfast, "stop after the first test failure");
  cmd->String("fuzz", &o->fuzz, "run the fuzz test matching regexp");
  cmd->String("fuzztime", &o->fuzztime, "time to spend fuzzing");
  cmd->String("fuzzminimizetime", &o->fuzzminimizetime, "time to spend minimizing");
  cmd->String("list", &o->list, "list tests, benchmarks, fuzz tests and examples");
  cmd->String("memprofile", &o->memprofile, "write an allocation profile");
  cmd->Int("memprofilerate", &o->memprofilerate, "memory profile rate");
  cmd->String("mutexprofile", &o->mutexprofile, "write a mutex contention profile");
  cmd->Int("mutexprofilefraction", &o->mutexprofilefraction, "mutex profile fraction");
  cmd->String("outputdir", &o->outputdir, "directory for profiles");
  cmd->Int("parallel", &o->parallel, "maximum parallel tests");
  cmd->String("run", &o->run, "run only tests and examples matching regexp");
  cmd->Bool("short", &o->short_, "tell long-running tests to shorten their run time");
  cmd->String("shuffle", &o->shuffle, "randomize the order of tests: off, on, N");
  cmd->String("timeout", &o->timeout, "panic after duration d");
  cmd->String("trace", &o->trace, "write an execution trace");
  cmd->Rest("args", &o->test_args);
  cmd->Args(&o->packages);
}

}  // namespace

std::unique_ptr<Command> NewTestCommand(CLI::App* root) {
  auto cmd = std::make_unique<Command>(
      root, "test", "[build/test flags] [packages] [build/test flags & test binary flags]",
      "test packages", R"(
Test runs the tests, examples, benchmarks and fuzz tests of the named
packages and prints a summary line per package, as the go command does:

	ok   	example.com/hello	0.012s
	FAIL	example.com/bye   	0.034s

With no packages, it tests the package in the current directory. Flags
may come before and after the packages; everything after -args goes to
the tests unchanged.

Besides the build flags (see 'gotool help build'), test accepts -c,
-exec xprog, -json, -o file and -vet list, and the testing flags -run,
-bench, -count, -cover, -cpu, -failfast, -fuzz, -list, -parallel,
-short, -shuffle, -timeout and -v; see 'go help testflag'.
)");
  auto opts = std::make_shared<TestOptions>();
  AddTestFlags(cmd.get(), opts.get());
  cmd->interspersed = true;
  cmd->details = "Run 'gotool help test' and 'gotool help testflag' for details.";
  cmd->run = [opts] { return NotImplemented("test"); };
  return cmd;
}

}  // namespace gotool::cli
