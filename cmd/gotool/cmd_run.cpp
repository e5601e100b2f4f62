// `gotool run`: compile and run a Go program.
#include "cmd/gotool/buildflags.h"
#include "cmd/gotool/commands.h"

namespace gotool::cli {
namespace {

// RunOptions are the flags of `gotool run`; args holds the package, then the
// program's own arguments, which are never parsed as gotool flags.
struct RunOptions {
  cfg::BuildFlags build;
  std::string exec;  // -exec
  std::vector<std::string> args;
};

}  // namespace

std::unique_ptr<Command> NewRunCommand(CLI::App* root) {
  auto cmd =
      std::make_unique<Command>(root, "run", "[build flags] [-exec xprog] package [arguments...]",
                                "compile and run Go program", R"(
Run compiles the named main package and runs it, passing it the
remaining arguments. The package is a list of .go files from one
directory, an import path, or a file system path; a path with a version
suffix (cmd@v1.0.0) runs that module version, ignoring the current
module.

The program runs on gotool's own runtime; the -exec flag, as with the go
command, runs it through xprog instead.

For more about build flags, see 'gotool help build'.
For more about specifying packages, see 'go help packages'.
)");
  auto opts = std::make_shared<RunOptions>();
  AddBuildFlags(cmd.get(), &opts->build);
  cmd->String("exec", &opts->exec, "run the program through xprog");
  cmd->Args(&opts->args);
  cmd->run = [opts] { return NotImplemented("run"); };
  return cmd;
}

}  // namespace gotool::cli
