// The process's configuration and working directory (see process.h).
#include "cmd/gotool/process.h"

namespace gotool::cli {

const cfg::Config& ProcessConfig() {
  static const cfg::Config* config =
      new cfg::Config(cfg::Config::Load(cfg::Environ::FromProcess()));
  return *config;
}

std::string WorkingDir() { return cfg::WorkingDir(ProcessConfig().environ()); }

}  // namespace gotool::cli
