// `gotool version`: print gotool's version.
#include <fmt/core.h>

#include <cstdio>

#include "cmd/gotool/commands.h"
#include "pkg/base/version.h"
#include "pkg/cfg/env.h"

namespace gotool::cli {
namespace {

// VersionOptions are the flags of `gotool version`.
struct VersionOptions {
  bool m = false;  // -m: print embedded module information
  bool v = false;  // -v: report unrecognized files
  std::vector<std::string> files;
};

int RunVersion(const VersionOptions& opts) {
  if (opts.files.empty()) {
    if (opts.m) {
      fmt::print(stderr, "gotool: 'gotool version' only accepts -m flag with arguments\n");
      return 2;
    }
    fmt::print("gotool version {} ({} language) {}/{}\n", base::kVersion, base::kGoVersion,
               cfg::HostOS(), cfg::HostArch());
    return 0;
  }
  return NotImplemented("version");  // reading build info from executables
}

}  // namespace

std::unique_ptr<Command> NewVersionCommand(CLI::App* root) {
  auto cmd =
      std::make_unique<Command>(root, "version", "[-m] [-v] [file ...]", "print gotool version", R"(
Version prints the version of gotool: its own release, the version of
the Go language it implements, and the platform it runs on.

Reporting the versions of Go executables named as arguments (and the
-m and -v flags that go with it) is not implemented yet.
)");
  auto opts = std::make_shared<VersionOptions>();
  cmd->Bool("m", &opts->m, "print each executable's embedded module information");
  cmd->Bool("v", &opts->v, "report unrecognized files");
  cmd->Args(&opts->files);
  cmd->run = [opts] { return RunVersion(*opts); };
  return cmd;
}

}  // namespace gotool::cli
