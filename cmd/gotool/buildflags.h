// The shared build flags as command-line flags.
#pragma once

#include "cmd/gotool/command.h"
#include "pkg/cfg/buildflags.h"

namespace gotool::cli {

// AddBuildFlags defines the build flags of build, run, test, vet and list on cmd.
void AddBuildFlags(Command* cmd, cfg::BuildFlags* flags);

}  // namespace gotool::cli
