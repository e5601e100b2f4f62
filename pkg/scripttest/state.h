// The state of one running script, shared by the interpreter and the built-in commands.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "pkg/scripttest/script.h"

namespace gotool::scripttest {

// Want is what a command line expects of its command: "" success, "!" failure,
// "?" either.
enum class Want { kSuccess, kFailure, kEither };

// Command is one parsed script line.
struct Command {
  Want want = Want::kSuccess;
  std::vector<std::pair<bool, std::string>> conds;  // [cond] / [!cond]: (want, tag)
  std::string name;
  std::vector<std::string> args;
};

// ScriptError aborts a script with a failure message.
struct ScriptError {
  std::string message;
};

// ScriptStop ends a script early: passed (stop) or skipped (skip).
struct ScriptStop {
  bool skip = false;
  std::string message;
};

// State is a running script: its directory, environment, last output and log.
class State {
 public:
  State(const Options& options, std::string work);

  // Parse splits a script line into a command, expanding $VAR outside quotes.
  Command Parse(const std::string& line) const;
  // Expand replaces $NAME and ${NAME}; in a regexp the value is quoted literally and
  // $WORK is left as the literal text "$WORK" (matched text has $WORK substituted).
  std::string Expand(const std::string& s, bool in_regexp) const;
  // Abs returns file relative to the current directory as an absolute path.
  std::string Abs(const std::string& file) const;
  // Environ returns the environment as NAME=VALUE entries.
  std::vector<std::string> Environ() const;
  // Cond evaluates a [condition] tag.
  bool Cond(const std::string& tag) const;

  // Exec runs a program, records its output in stdout_/stderr_ and the log, and
  // checks the result against want.
  void Exec(Want want, const std::vector<std::string>& argv);
  // Fatal throws a ScriptError.
  [[noreturn]] static void Fatal(const std::string& message);

  const Options& options;
  std::string work;
  std::string cd;
  std::map<std::string, std::string> env;
  std::vector<std::string> env_order;  // names in the order first set, for `env`
  std::string stdout_text;
  std::string stderr_text;
  std::string log;

  // SetEnv sets a variable of the script's environment.
  void SetEnv(const std::string& name, const std::string& value);

 private:
  static void AddWord(Command* cmd, const std::string& word, bool* is_regexp);
};

// RunBuiltin runs one parsed command; it throws ScriptError or ScriptStop.
void RunBuiltin(State& st, const Command& cmd);

// Diff returns a line diff of a and b ("-" lines only in a, "+" only in b).
std::string Diff(const std::string& a, const std::string& b);

}  // namespace gotool::scripttest
