// `gotool fmt`: gofmt the packages' source files in place.
#include "cmd/gotool/commands.h"

namespace gotool::cli {
namespace {

// FmtOptions are the flags of `gotool fmt`.
struct FmtOptions {
  bool n = false;   // -n: print what would be done
  bool x = false;   // -x: print what is done
  std::string mod;  // -mod: module download mode
  std::vector<std::string> packages;
};

}  // namespace

std::unique_ptr<Command> NewFmtCommand(CLI::App* root) {
  auto cmd = std::make_unique<Command>(root, "fmt", "[-n] [-x] [packages]",
                                       "gofmt (reformat) package sources", R"(
Fmt reformats the Go source files of the named packages in place, in
the canonical gofmt style, and prints the name of each file it changes.
With no packages, it formats the package in the current directory.

The -n flag prints what would be done without changing any file.
The -x flag prints what is done as it happens.

The -mod flag sets the module download mode used to resolve the
packages: readonly or vendor.

gotool formats with its built-in formatter; no gofmt binary is needed.
For more about specifying packages, see 'go help packages'.
)");
  auto opts = std::make_shared<FmtOptions>();
  cmd->Bool("n", &opts->n, "print what would be done");
  cmd->Bool("x", &opts->x, "print what is done");
  cmd->String("mod", &opts->mod, "module download mode");
  cmd->Args(&opts->packages);
  cmd->run = [opts] { return NotImplemented("fmt"); };
  return cmd;
}

}  // namespace gotool::cli
