// `gotool env`: print and edit go command variables (library: pkg/cfg/envcmd).
#include <fmt/core.h>

#include <cstdio>

#include "cmd/gotool/commands.h"
#include "pkg/cfg/envcmd.h"

namespace gotool::cli {

std::unique_ptr<Command> NewEnvCommand(CLI::App* root) {
  auto cmd = std::make_unique<Command>(root, "env", "[-json] [-u] [-w] [var ...]",
                                       "print Go environment information", R"(
Env prints the Go environment as gotool sees it.

With no arguments, env prints every variable as a shell assignment,
NAME="value", one per line. With arguments, it prints the value of
each named variable on its own line.

The -json flag prints the environment as a JSON object instead.

The -w flag sets defaults: each argument has the form NAME=VALUE and is
stored in the go env file ($GOENV, by default $HOME/.config/go/env), the
same file the go command reads and 'go env -w' writes. A variable set in
the process environment still takes precedence over the file.

The -u flag removes the named variables from the go env file, restoring
their defaults. Both -w and -u need at least one argument.

gotool keeps its build cache in its own directory (GOCACHE defaults to
$XDG_CACHE_HOME/gotool or $HOME/.cache/gotool), while GOPATH,
GOMODCACHE, GOPROXY and the other module settings are shared with the
go command.
)");
  auto opts = std::make_shared<cfg::EnvOptions>();
  auto args = std::make_shared<std::vector<std::string>>();
  cmd->Bool("json", &opts->json, "print the environment as JSON");
  cmd->Bool("u", &opts->unset, "unset the named variables in the go env file");
  cmd->Bool("w", &opts->write, "set NAME=VALUE defaults in the go env file");
  cmd->Args(args.get());
  cmd->run = [opts, args] {
    cfg::EnvResult r = cfg::RunEnv(*opts, *args, cfg::Environ::FromProcess());
    std::fputs(r.out.c_str(), stdout);
    std::fflush(stdout);
    std::fputs(r.err.c_str(), stderr);
    return r.exit_code;
  };
  return cmd;
}

}  // namespace gotool::cli
