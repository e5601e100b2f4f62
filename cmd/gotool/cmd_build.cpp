// `gotool build`: compile packages and dependencies.
#include "cmd/gotool/buildflags.h"
#include "cmd/gotool/commands.h"

namespace gotool::cli {
namespace {

// BuildOptions are the flags of `gotool build`.
struct BuildOptions {
  cfg::BuildFlags build;
  std::string output;  // -o
  std::vector<std::string> packages;
};

}  // namespace

std::unique_ptr<Command> NewBuildCommand(CLI::App* root) {
  auto cmd = std::make_unique<Command>(root, "build", "[-o output] [build flags] [packages]",
                                       "compile packages and dependencies", R"(
Build compiles the named packages and their dependencies, reporting any
errors, and discards the result unless asked to write it.

The -o flag names the output file or directory for the result; a main
package's result is a program that runs with gotool.

The build flags are shared by build, list, run, test and vet:

	-a, -n, -p n, -race, -v, -work, -x, -gcflags, -ldflags, -mod mode,
	-modfile file, -overlay file, -tags tag,list, -trimpath, ...

with the meanings the go command gives them; see 'go help build'.
For more about specifying packages, see 'go help packages'.
)");
  auto opts = std::make_shared<BuildOptions>();
  cmd->String("o", &opts->output, "output file or directory");
  AddBuildFlags(cmd.get(), &opts->build);
  cmd->Args(&opts->packages);
  cmd->run = [opts] { return NotImplemented("build"); };
  return cmd;
}

}  // namespace gotool::cli
