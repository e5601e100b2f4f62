// `gotool help [command]`: usage of gotool and of each command.
#include <fmt/core.h>

#include <cstdio>

#include "cmd/gotool/commands.h"

namespace gotool::cli {
namespace {

// RunHelp prints the help of the command named by path ("mod", "tidy") to stdout.
int RunHelp(const Commands& commands, const std::vector<std::string>& path) {
  if (path.empty()) {
    PrintMainUsage(stdout, commands);
    return 0;
  }
  for (const HelpTopic& t : HelpTopics()) {
    if (path.size() == 1 && path[0] == t.name) {
      std::string text = t.long_help;
      std::size_t b = text.find_first_not_of('\n');
      std::size_t e = text.find_last_not_of('\n');
      fmt::print("{}\n", b == std::string::npos ? "" : text.substr(b, e - b + 1));
      return 0;
    }
  }
  const Command* cmd = nullptr;
  for (const auto& c : commands)
    if (c->name() == path[0] && c->name() != "help") cmd = c.get();
  std::string so_far = "gotool help";
  for (std::size_t i = 1; cmd != nullptr && i < path.size(); ++i) {
    so_far += " " + path[i - 1];
    const Command* sub = cmd->FindSubcommand(path[i]);
    if (sub == nullptr) {
      cmd = nullptr;
      break;
    }
    cmd = sub;
  }
  if (cmd == nullptr) {
    std::string all = "gotool help";
    for (const std::string& p : path) all += " " + p;
    fmt::print(stderr, "{}: unknown help topic. Run '{}'.\n", all, so_far);
    return 2;
  }
  fmt::print("{}", cmd->Help());
  return 0;
}

}  // namespace

std::unique_ptr<Command> NewHelpCommand(CLI::App* root, const Commands* commands) {
  auto cmd = std::make_unique<Command>(root, "help", "[command]", "", "");
  cmd->hidden = true;
  cmd->run_raw = [commands](const std::vector<std::string>& args) {
    return RunHelp(*commands, args);
  };
  return cmd;
}

}  // namespace gotool::cli
