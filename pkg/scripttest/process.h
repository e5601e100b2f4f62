// Running a child process with a given environment and directory, capturing output.
#pragma once

#include <string>
#include <vector>

namespace gotool::scripttest {

// ProcessResult is what a child process printed and how it ended.
struct ProcessResult {
  std::string stdout_text;
  std::string stderr_text;
  int exit_code = -1;  // the exit status, or -1 when it did not exit normally
  std::string error;   // why it did not run or end normally ("" when it exited)
};

// RunProcess runs argv[0] (a path, or a name looked up in env's PATH) with argv,
// environment env (NAME=VALUE), working directory dir and stdin from /dev/null,
// killing it after timeout_seconds.
ProcessResult RunProcess(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                         const std::string& dir, int timeout_seconds);

// LookPath finds name in the colon-separated path list, as a shell would; a name
// with a slash is returned as is. It returns "" when not found.
std::string LookPath(const std::string& name, const std::string& path);

}  // namespace gotool::scripttest
