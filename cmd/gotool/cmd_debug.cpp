// `gotool debug`: internal tools for conformance testing.
#include "cmd/gotool/cmd_debug.h"

#include <fmt/core.h>

#include <cstdio>

namespace gotool::cli {

int RunDebug(const std::vector<std::string>&) {
  fmt::print(stderr, "gotool debug: not implemented yet\n");
  return 2;
}

}  // namespace gotool::cli
