// The command tree: which commands exist, the top-level usage, dispatch.
#include "cmd/gotool/commands.h"

#include <fmt/core.h>

#include <cstdio>
#include <string_view>
#include <utility>

#include "cmd/gotool/cmd_debug.h"
#include "cmd/gotool/process.h"
#include "pkg/cfg/env.h"

namespace gotool::cli {
namespace {

// NewDebugCommand wires the hidden `gotool debug`, whose tools live in cmd_debug.cpp.
std::unique_ptr<Command> NewDebugCommand(CLI::App* root) {
  auto cmd = std::make_unique<Command>(root, "debug", "<tool> [arguments]",
                                       "internal tools for conformance testing", R"(
Debug runs gotool's internal tools, used by the conformance scripts.
Its arguments are passed to the tool unparsed.
)");
  cmd->hidden = true;
  cmd->run_raw = RunDebug;
  return cmd;
}

Commands MakeCommands(CLI::App* root) {
  Commands commands;
  commands.push_back(NewBuildCommand(root));
  commands.push_back(NewEnvCommand(root));
  commands.push_back(NewFmtCommand(root));
  commands.push_back(NewListCommand(root));
  commands.push_back(NewModCommand(root));
  commands.push_back(NewRunCommand(root));
  commands.push_back(NewTestCommand(root));
  commands.push_back(NewVersionCommand(root));
  commands.push_back(NewVetCommand(root));
  commands.push_back(NewDebugCommand(root));
  commands.push_back(NewHelpCommand(root, &commands));
  return commands;
}

// MakeCommand builds only the command called name, or returns nullptr for help and
// unknown names. Registering every command's flags with CLI11 costs about a
// millisecond, which an editor running `gotool fmt` on each save should not pay.
std::unique_ptr<Command> MakeCommand(CLI::App* root, std::string_view name) {
  using Factory = std::unique_ptr<Command> (*)(CLI::App*);
  static constexpr std::pair<std::string_view, Factory> kFactories[] = {
      {"build", NewBuildCommand}, {"env", NewEnvCommand},         {"fmt", NewFmtCommand},
      {"list", NewListCommand},   {"mod", NewModCommand},         {"run", NewRunCommand},
      {"test", NewTestCommand},   {"version", NewVersionCommand}, {"vet", NewVetCommand},
      {"debug", NewDebugCommand},
  };
  for (const auto& [n, factory] : kFactories)
    if (n == name) return factory(root);
  return nullptr;
}

}  // namespace

void PrintMainUsage(std::FILE* out, const Commands& commands) {
  fmt::print(out, "Gotool is a tool for managing Go source code.\n\nUsage:\n\n");
  fmt::print(out, "\tgotool <command> [arguments]\n\nThe commands are:\n\n");
  for (const auto& c : commands)
    if (!c->hidden) fmt::print(out, "\t{:<11} {}\n", c->name(), c->short_help());
  fmt::print(out, "\nUse \"gotool help <command>\" for more information about a command.\n\n");
  fmt::print(out, "Additional help topics:\n\n");
  for (const HelpTopic& t : HelpTopics()) fmt::print(out, "\t{:<15} {}\n", t.name, t.short_help);
  fmt::print(out, "\nUse \"gotool help <topic>\" for more information about that topic.\n\n");
}

int Run(const std::vector<std::string>& args) {
  std::vector<std::string> goflags = cfg::SplitFields(ProcessConfig().Getenv("GOFLAGS"));
  // The common case: a known command whose own flags cover $GOFLAGS (or with no
  // GOFLAGS), so no other command needs building to check them.
  if (!args.empty()) {
    if (std::unique_ptr<Command> c = MakeCommand(nullptr, args[0])) {
      bool unchecked = args[0] == "env" || args[0] == "help" || args[0] == "debug";
      std::string err =
          cfg::CheckGoflags(goflags, [&](std::string_view flag) { return c->DefinesFlag(flag); });
      if (unchecked || err.empty()) {
        return c->Execute(std::vector<std::string>(args.begin() + 1, args.end()), goflags);
      }
    }
  }
  // Commands parse their own arguments: there is no root CLI11 app.
  Commands commands = MakeCommands(nullptr);
  if (args.empty()) {
    PrintMainUsage(stderr, commands);
    return 2;
  }
  const std::string& name = args[0];
  if (name.size() > 1 && name[0] == '-') {  // gotool has no flags of its own
    cfg::FlagParse parse = cfg::ParseGoFlags({}, {name});
    if (!parse.error.empty()) fmt::print(stderr, "{}\n", parse.error);
    PrintMainUsage(stderr, commands);
    return 2;
  }
  for (const auto& c : commands) {
    if (c->name() != name) continue;
    // $GOFLAGS applies to every command. `env` ignores bad words in it, as go's does,
    // so that it stays usable to inspect and fix the setting; help never reads it.
    if (name != "env" && name != "help" && name != "debug") {
      std::string err = cfg::CheckGoflags(goflags, [&](std::string_view flag) {
        for (const auto& other : commands)
          if (other->DefinesFlag(flag)) return true;
        return false;
      });
      if (!err.empty()) {
        fmt::print(stderr, "gotool: {}\n", err);
        return 1;
      }
    }
    return c->Execute(std::vector<std::string>(args.begin() + 1, args.end()), goflags);
  }
  fmt::print(stderr, "gotool {}: unknown command\nRun 'gotool help' for usage.\n", name);
  return 2;
}

}  // namespace gotool::cli
