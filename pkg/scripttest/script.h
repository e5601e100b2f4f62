// Script tests: run a txtar archive whose comment is a script of commands, as in
// cmd/go's testdata/script. See testdata/script/README.md for the language.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace gotool::scripttest {

// Options configure a script run.
struct Options {
  // gotool is the binary the script's `gotool` command runs.
  std::string gotool;
  // env holds extra variables for every script, added to the default environment.
  std::map<std::string, std::string> env;
  // keep_work leaves $WORK in place after the run (for debugging failures).
  bool keep_work = false;
  // timeout_seconds bounds each command the script runs.
  int timeout_seconds = 120;
  // proxy_dir, when set, is a directory of test modules (testdata/mod) that a test
  // proxy on 127.0.0.1 serves for the script's lifetime. $GOPROXY expands to its URL
  // but is not exported until the script says `env GOPROXY=$GOPROXY`.
  std::string proxy_dir;
};

// Result is the outcome of a script: passed (or skipped), and a log of the commands
// run and their output, ending with "FAIL: file:line: message" on failure.
struct Result {
  bool passed = false;
  bool skipped = false;
  std::string log;
};

// RunScript runs the archive text named file (used in messages) in a fresh $WORK
// directory with its files extracted, $HOME=$WORK/home and a minimal environment.
Result RunScript(const std::string& file, std::string_view text, const Options& options);

}  // namespace gotool::scripttest
