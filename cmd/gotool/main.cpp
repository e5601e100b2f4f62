// gotool's entry point: builds the command tree and dispatches to one subcommand.
#include <cstdio>
#include <string>
#include <vector>

#include "cmd/gotool/commands.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return gotool::cli::Run(args);
}
