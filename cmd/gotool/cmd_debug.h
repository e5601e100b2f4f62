// `gotool debug`: internal tools for conformance testing (AST dumps, parse verdicts).
#pragma once

#include <string>
#include <vector>

namespace gotool::cli {

// RunDebug runs `gotool debug <tool> args...` and returns the exit code.
int RunDebug(const std::vector<std::string>& args);

}  // namespace gotool::cli
