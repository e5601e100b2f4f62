// `gotool fmt`: gofmt, built in — format Go source files, standard input, directories
// and package patterns; a thin adapter over fmt/run.h.
#include <fmt/core.h>

#include <cstdio>

#include "cmd/gotool/commands.h"
#include "fmt/run.h"
#include "pkg/cfg/goflags.h"

namespace gotool::cli {
namespace {

// kFlags are gofmt's flags; like the gofmt binary, `gotool fmt` ignores $GOFLAGS.
const cfg::FlagSpec kFlags[] = {
    {"d", cfg::FlagKind::kBool},
    {"e", cfg::FlagKind::kBool},
    {"l", cfg::FlagKind::kBool},
    {"r", cfg::FlagKind::kString},
    {"s", cfg::FlagKind::kBool},
    {"w", cfg::FlagKind::kBool},
    {"cpuprofile", cfg::FlagKind::kString},
};

// ToFlags stores the parsed flags in gofmt's Flags.
gofmt::Flags ToFlags(const std::vector<cfg::ParsedFlag>& parsed) {
  gofmt::Flags flags;
  for (const cfg::ParsedFlag& f : parsed) {
    bool on = f.value == "true";
    if (f.name == "d") flags.diff = on;
    if (f.name == "e") flags.all_errors = on;
    if (f.name == "l") flags.list = on;
    if (f.name == "r") flags.rewrite = f.value;
    if (f.name == "s") flags.simplify = on;
    if (f.name == "w") flags.write = on;
  }
  return flags;
}

// RunFmt parses gofmt's flags from args and runs gofmt.
int RunFmt(const Command& cmd, const std::vector<std::string>& args) {
  cfg::FlagParse parse = cfg::ParseGoFlags(kFlags, args);
  if (parse.help) {
    cmd.PrintUsage();
    return 2;
  }
  if (!parse.error.empty()) {
    fmt::print(stderr, "{}\n", parse.error);
    cmd.PrintUsage();
    return 2;
  }
  for (const cfg::ParsedFlag& f : parse.flags) {
    // gofmt's profiling flag is accepted so that scripts written for gofmt run, but
    // gotool has no Go profiler: say so rather than pretend a profile was written.
    if (f.name == "cpuprofile" && !f.value.empty()) {
      fmt::print(stderr, "gotool fmt: -cpuprofile is not supported; no profile written to {}\n",
                 f.value);
    }
  }
  int code = gofmt::Run(ToFlags(parse.flags), parse.args, gofmt::StdStreams());
  std::fflush(stdout);
  return code;
}

}  // namespace

std::unique_ptr<Command> NewFmtCommand(CLI::App* root) {
  auto cmd = std::make_unique<Command>(root, "fmt", "[flags] [path ...]",
                                       "gofmt (reformat) Go sources", R"(
Fmt formats Go programs, as gofmt does. It uses tabs for indentation and
blanks for alignment. Alignment assumes that an editor is using a
fixed-width font.

Without an explicit path, it processes the standard input. Given a file,
it operates on that file; given a directory, it operates on all .go files
in that directory, recursively. (Files starting with a period are ignored.)
A path containing "..." that names no file is a package pattern, as in
'go fmt ./...': it selects the .go files of the matching packages, skipping
testdata and vendor directories and those starting with '.' or '_'.
By default, fmt prints the reformatted sources to standard output.

The flags are:

	-d
		Do not print reformatted sources to standard output.
		If a file's formatting is different than gofmt's, print diffs
		to standard output.
	-e
		Print all (including spurious) errors.
	-l
		Do not print reformatted sources to standard output.
		If a file's formatting is different from gofmt's, print its name
		to standard output.
	-r rule
		Apply the rewrite rule to the source before reformatting.
		The rule has the form 'pattern -> replacement'; both are Go
		expressions, in which single-character lowercase identifiers
		are wildcards matching arbitrary sub-expressions.
	-s
		Try to simplify code (after applying the rewrite rule, if any).
	-w
		Do not print reformatted sources to standard output.
		If a file's formatting is different from gofmt's, overwrite it
		with gofmt's version. The file is replaced atomically and keeps
		its permissions; on any error the original is left unchanged.
	-cpuprofile file
		Accepted for compatibility with gofmt; gotool writes no profile
		and says so on standard error.

The exit status is 2 when any file could not be read, parsed or written,
and 0 otherwise. Syntax errors are printed as file:line:column: message.

Unlike 'go fmt', gotool fmt takes gofmt's flags and needs no gofmt binary.
)");
  Command* self = cmd.get();
  cmd->run_raw = [self](const std::vector<std::string>& args) { return RunFmt(*self, args); };
  return cmd;
}

}  // namespace gotool::cli
