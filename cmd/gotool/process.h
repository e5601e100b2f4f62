// What every command reads of the process it runs in: the go configuration and the
// working directory, each computed once per run.
#pragma once

#include <string>

#include "pkg/cfg/env.h"

namespace gotool::cli {

// ProcessConfig returns the go configuration of this process (its environment and the
// go env file), loaded on first use. Commands share it: each load copies the
// environment and opens the env file again.
const cfg::Config& ProcessConfig();

// WorkingDir is cfg::WorkingDir of the process's environment.
std::string WorkingDir();

}  // namespace gotool::cli
