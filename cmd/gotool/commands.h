// The subcommand table of gotool and the entry point main() calls.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "cmd/gotool/command.h"

namespace gotool::cli {

// Run executes gotool with args (argv without the program name) and returns the exit
// code: 0 success, 1 errors reported, 2 usage or not-implemented.
int Run(const std::vector<std::string>& args);

// Commands is the command tree of one run, in the order `gotool help` lists them.
using Commands = std::vector<std::unique_ptr<Command>>;

// PrintMainUsage prints gotool's top-level usage (the list of commands) to out.
void PrintMainUsage(std::FILE* out, const Commands& commands);

// HelpTopic is a `gotool help <topic>` text that is not a command.
struct HelpTopic {
  const char* name;
  const char* short_help;
  const char* long_help;
};

// HelpTopics lists the additional help topics, in the order `gotool help` lists them.
const std::vector<HelpTopic>& HelpTopics();

// Each New<Name>Command defines one subcommand on root; cmd_<name>.cpp implements it.
std::unique_ptr<Command> NewBuildCommand(CLI::App* root);
std::unique_ptr<Command> NewEnvCommand(CLI::App* root);
std::unique_ptr<Command> NewFmtCommand(CLI::App* root);
std::unique_ptr<Command> NewHelpCommand(CLI::App* root, const Commands* commands);
std::unique_ptr<Command> NewListCommand(CLI::App* root);
std::unique_ptr<Command> NewModCommand(CLI::App* root);
std::unique_ptr<Command> NewRunCommand(CLI::App* root);
std::unique_ptr<Command> NewTestCommand(CLI::App* root);
std::unique_ptr<Command> NewVersionCommand(CLI::App* root);
std::unique_ptr<Command> NewVetCommand(CLI::App* root);

}  // namespace gotool::cli
