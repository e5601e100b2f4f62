// gotool's entry point: builds the command tree and dispatches to one subcommand.
#include <fmt/core.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include "cmd/gotool/commands.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    int code = gotool::cli::Run(args);
    // Exit without running static destructors, as the go command's os.Exit does: they
    // only free memory the kernel is about to take back, and worker threads may still
    // be using it. std::cout writes through stdout (it is synchronised with stdio).
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(code);
  } catch (const std::exception& e) {
    fmt::print(stderr, "gotool: internal error: {}\n", e.what());
    return 2;
  }
}
