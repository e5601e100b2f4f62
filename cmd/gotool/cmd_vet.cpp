// `gotool vet`: report likely mistakes in packages.
#include "cmd/gotool/buildflags.h"
#include "cmd/gotool/commands.h"

namespace gotool::cli {
namespace {

// VetOptions are the flags of `gotool vet`.
struct VetOptions {
  cfg::BuildFlags build;
  std::string vettool;  // -vettool
  bool json = false;    // -json: print diagnostics as JSON
  int context = -1;     // -c: lines of context around each diagnostic
  std::vector<std::string> packages;
};

}  // namespace

std::unique_ptr<Command> NewVetCommand(CLI::App* root) {
  auto cmd = std::make_unique<Command>(
      root, "vet", "[-n] [-x] [-vettool prog] [build flags] [vet flags] [packages]",
      "report likely mistakes in packages", R"(
Vet examines the Go source of the named packages and reports suspicious
constructs, such as Printf calls whose arguments do not match the format
string, with the messages of the go command's vet.

gotool's analyzers are built in; -vettool names another program to run
in their place. The -n flag prints what would be done; -x prints what is
done. The -json flag prints the diagnostics as JSON and -c=N prints N
lines of context around each.

For more about build flags, see 'gotool help build'.
For more about specifying packages, see 'go help packages'.
)");
  auto opts = std::make_shared<VetOptions>();
  AddBuildFlags(cmd.get(), &opts->build);
  cmd->String("vettool", &opts->vettool, "program to run instead of the built-in analyzers");
  cmd->Bool("json", &opts->json, "print diagnostics as JSON");
  cmd->Int("c", &opts->context, "display offending line with this many lines of context");
  cmd->Args(&opts->packages);
  cmd->run = [opts] { return NotImplemented("vet"); };
  return cmd;
}

}  // namespace gotool::cli
