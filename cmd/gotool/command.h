// Command: one gotool subcommand as CLI11 defines it, with Go-style flag parsing.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pkg/cfg/goflags.h"

namespace gotool::cli {

// Command is one subcommand (`gotool env`) or sub-subcommand (`gotool mod tidy`). Its
// flags are CLI11 options bound to an options struct; ParseGoFlags checks and
// normalises the Go-style command line before CLI11 parses it. The CLI11 app and its
// options are made when the command runs, and only for the flags given: defining
// every option of every command up front cost more than listing a module graph.
class Command {
 public:
  // Command defines the subcommand name (parent, the CLI11 app of the command above,
  // is not used: each command parses its own arguments). usage_args follows the name in
  // the usage line ("[-json] [-u] [-w] [var ...]"); short_help is the one-line summary
  // listed by `gotool help`; long_help is printed by `gotool help <name>`.
  Command(CLI::App* parent, std::string full_name, std::string usage_args, std::string short_help,
          std::string long_help);

  // Bool, Int and String define a flag -name bound to *value. help documents the flag
  // at the call site; `gotool help` prints the command's long help instead, as go does.
  void Bool(const std::string& name, bool* value, std::string_view help);
  void Int(const std::string& name, int* value, std::string_view help);
  void String(const std::string& name, std::string* value, std::string_view help);
  // StringList defines a repeatable flag whose values accumulate in order.
  void StringList(const std::string& name, std::vector<std::string>* values, std::string_view help);
  // Rest defines a flag -name that ends the flags: later arguments go to *rest unparsed.
  void Rest(const std::string& name, std::vector<std::string>* rest);
  // Args binds the non-flag arguments.
  void Args(std::vector<std::string>* args);

  // AddSubcommand adds `gotool <this> <name>`; the result is owned by this command.
  Command* AddSubcommand(std::string name, std::string usage_args, std::string short_help,
                         std::string long_help);

  // Execute parses args (after the command name) and runs the command: flags from
  // goflags (the words of $GOFLAGS) then from args, then the callback; or the
  // subcommand named by args[0]. It returns the exit code.
  int Execute(const std::vector<std::string>& args, const std::vector<std::string>& goflags = {});

  // DefinesFlag reports whether this command or one of its subcommands has flag -name.
  bool DefinesFlag(std::string_view name) const;

  // PrintUsage prints the short usage ("usage: ...", "Run 'gotool help ...'") to stderr.
  void PrintUsage() const;
  // Help returns the text `gotool help <name>` prints.
  std::string Help() const;

  const std::string& name() const { return name_; }
  const std::string& full_name() const { return full_name_; }
  const std::string& short_help() const { return short_help_; }
  std::string UsageLine() const;
  const std::vector<std::unique_ptr<Command>>& subcommands() const { return subcommands_; }
  Command* FindSubcommand(const std::string& name) const;
  // flags returns the flags of the last parse in command-line order, for commands whose
  // flags act in order (`mod edit`).
  const std::vector<cfg::ParsedFlag>& flags() const { return parsed_flags_; }

  // run is the callback; when unset the command reports "not implemented yet".
  std::function<int()> run;
  // hidden commands are not listed by `gotool help`.
  bool hidden = false;
  // interspersed lets flags follow non-flag arguments (`gotool test ./... -v`).
  bool interspersed = false;
  // details overrides the "Run 'gotool help <name>' for details." line of usage errors.
  std::string details;
  // raw passes the arguments to run_raw unparsed (`gotool debug`).
  std::function<int(const std::vector<std::string>&)> run_raw;

 private:
  int RunSubcommand(const std::vector<std::string>& args, const std::vector<std::string>& goflags);
  int UsageError(const std::string& message) const;
  std::string SubcommandList() const;

  // Binding is one flag's variable; its CLI11 option is made only when the flag is
  // used (defining every flag's option costs more than most commands' work).
  struct Binding {
    enum Kind { kBool, kInt, kString, kStringList };
    std::string name;
    Kind kind;
    void* target;  // a bool, int, std::string or std::vector<std::string> as kind says
    void AddTo(CLI::App* app) const;
  };
  CLI::App* App(const std::vector<cfg::ParsedFlag>& flags);

  std::unique_ptr<CLI::App> app_;  // made by the first Execute
  std::vector<Binding> bindings_;
  std::vector<std::string> added_;  // flags whose options app_ has
  std::vector<std::string>* args_ = nullptr;
  std::string name_;
  std::string full_name_;
  std::string usage_args_;
  std::string short_help_;
  std::string long_help_;
  std::vector<cfg::FlagSpec> specs_;
  std::vector<cfg::ParsedFlag> parsed_flags_;
  std::vector<std::unique_ptr<Command>> subcommands_;
  std::vector<std::string> ignored_args_;
  std::vector<std::string>* rest_ = nullptr;
};

// NotImplemented prints "gotool <name>: not implemented yet" and returns 2.
int NotImplemented(const std::string& full_name);

}  // namespace gotool::cli
