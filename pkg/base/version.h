// The gotool version string, shared by `gotool version` and `gotool env`.
#pragma once

namespace gotool::base {

// kVersion is gotool's own version; kGoVersion is the Go language version it targets.
inline constexpr const char* kVersion = "0.1.0-dev";
inline constexpr const char* kGoVersion = "go1.22";

}  // namespace gotool::base
