// gotool's entry point: builds the command tree and dispatches to one subcommand.
#include <fmt/core.h>

#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "cmd/gotool/commands.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    int code = gotool::cli::Run(args);
    std::fflush(stdout);
    return code;
  } catch (const std::exception& e) {
    fmt::print(stderr, "gotool: internal error: {}\n", e.what());
    return 2;
  }
}
