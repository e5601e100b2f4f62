// The subcommand table of gotool and the entry point main() calls.
#pragma once

#include <string>
#include <vector>

namespace gotool::cli {

// Run executes gotool with args (argv without the program name) and returns the exit
// code: 0 success, 1 errors reported, 2 usage or not-implemented.
int Run(const std::vector<std::string>& args);

}  // namespace gotool::cli
