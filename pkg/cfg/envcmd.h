// `gotool env`: print, set (-w) and unset (-u) go command variables.
#pragma once

#include <string>
#include <vector>

#include "pkg/cfg/env.h"

namespace gotool::cfg {

// EnvOptions are the flags of `gotool env`.
struct EnvOptions {
  bool json = false;   // -json: print a JSON object
  bool unset = false;  // -u: unset the named variables in the go env file
  bool write = false;  // -w: set NAME=VALUE in the go env file
};

// EnvResult is what a run of `gotool env` printed and its exit code.
struct EnvResult {
  std::string out;
  std::string err;
  int exit_code = 0;
};

// RunEnv runs `gotool env` with opts and args against the environment env.
EnvResult RunEnv(const EnvOptions& opts, const std::vector<std::string>& args, const Environ& env);

// FormatEnv prints vars as `go env` does on Unix: NAME="value" lines.
std::string FormatEnv(const std::vector<EnvVar>& vars);

// FormatEnvJSON prints vars as `go env -json` does: an object sorted by name, indented
// with tabs, HTML-safe escapes, a final newline; a repeated name keeps its last value.
std::string FormatEnvJSON(const std::vector<EnvVar>& vars);

// CheckEnvWrite reports why name=value cannot be written to the go env file, or "".
std::string CheckEnvWrite(const std::string& name, const std::string& value);

}  // namespace gotool::cfg
