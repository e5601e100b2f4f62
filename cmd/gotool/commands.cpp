// The subcommand table: which commands exist, their one-line summaries, dispatch.
#include "cmd/gotool/commands.h"

#include <fmt/core.h>

#include <cstdio>
#include <string_view>

#include "cmd/gotool/cmd_debug.h"
#include "pkg/base/version.h"

namespace gotool::cli {
namespace {

struct Command {
  std::string_view name;
  std::string_view summary;  // empty: hidden from the usage list
  int (*run)(const std::vector<std::string>& args);  // nullptr: not implemented yet
};

int RunVersion(const std::vector<std::string>&) {
  fmt::print("gotool version {} ({} language) linux/amd64\n", base::kVersion, base::kGoVersion);
  return 0;
}

constexpr Command kCommands[] = {
    {"build", "compile packages and dependencies", nullptr},
    {"debug", "", RunDebug},
    {"env", "print Go environment information", nullptr},
    {"fmt", "gofmt (reformat) package sources", nullptr},
    {"help", "show help for a command", nullptr},
    {"list", "list packages or modules", nullptr},
    {"mod", "module maintenance", nullptr},
    {"run", "compile and run Go program", nullptr},
    {"test", "test packages", nullptr},
    {"version", "print gotool version", RunVersion},
    {"vet", "report likely mistakes in packages", nullptr},
};

void PrintUsage(std::FILE* out) {
  fmt::print(out, "gotool is a tool for managing Go source code.\n\nUsage:\n\n");
  fmt::print(out, "\tgotool <command> [arguments]\n\nThe commands are:\n\n");
  for (const Command& c : kCommands)
    if (!c.summary.empty()) fmt::print(out, "\t{:<11} {}\n", c.name, c.summary);
  fmt::print(out, "\nUse \"gotool help <command>\" for more information about a command.\n");
}

}  // namespace

int Run(const std::vector<std::string>& args) {
  if (args.empty()) {
    PrintUsage(stderr);
    return 2;
  }
  for (const Command& c : kCommands) {
    if (c.name != args[0]) continue;
    if (c.run == nullptr) {
      fmt::print(stderr, "gotool {}: not implemented yet\n", c.name);
      return 2;
    }
    return c.run(std::vector<std::string>(args.begin() + 1, args.end()));
  }
  fmt::print(stderr, "gotool {}: unknown command\nRun 'gotool help' for usage.\n", args[0]);
  return 2;
}

}  // namespace gotool::cli
