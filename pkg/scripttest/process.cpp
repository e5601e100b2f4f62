// Running a child process (fork/exec) with output captured through temporary files.
#include "pkg/scripttest/process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <thread>

namespace gotool::scripttest {
namespace {

std::string ReadAll(std::FILE* f) {
  std::string out;
  std::rewind(f);
  char buf[8192];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  return out;
}

}  // namespace

std::string LookPath(const std::string& name, const std::string& path) {
  if (name.find('/') != std::string::npos) return name;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find(':', start);
    if (end == std::string::npos) end = path.size();
    std::string dir = path.substr(start, end - start);
    if (dir.empty()) dir = ".";
    std::string candidate = dir + "/" + name;
    struct stat st;
    if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        ::access(candidate.c_str(), X_OK) == 0)
      return candidate;
    start = end + 1;
  }
  return "";
}

ProcessResult RunProcess(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                         const std::string& dir, int timeout_seconds) {
  ProcessResult result;
  std::string path;
  for (const std::string& e : env)
    if (e.rfind("PATH=", 0) == 0) path = e.substr(5);
  std::string prog = argv.empty() ? "" : LookPath(argv[0], path);
  if (prog.empty()) {
    result.error =
        "exec: \"" + (argv.empty() ? "" : argv[0]) + "\": executable file not found in $PATH";
    return result;
  }
  std::FILE* out = std::tmpfile();
  std::FILE* err = std::tmpfile();
  if (out == nullptr || err == nullptr) {
    result.error = std::string("tmpfile: ") + std::strerror(errno);
    if (out != nullptr) std::fclose(out);
    if (err != nullptr) std::fclose(err);
    return result;
  }
  // Build the C arrays before fork: the child only calls async-signal-safe functions.
  std::vector<char*> cargv, cenv;
  for (const std::string& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
  cargv.push_back(nullptr);
  for (const std::string& e : env) cenv.push_back(const_cast<char*>(e.c_str()));
  cenv.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid == 0) {
    int devnull = ::open("/dev/null", O_RDONLY);
    if (devnull >= 0) ::dup2(devnull, 0);
    ::dup2(::fileno(out), 1);
    ::dup2(::fileno(err), 2);
    if (::chdir(dir.c_str()) != 0) ::_exit(127);
    ::execve(prog.c_str(), cargv.data(), cenv.data());
    ::_exit(127);
  }
  if (pid < 0) {
    result.error = std::string("fork: ") + std::strerror(errno);
  } else {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
    int status = 0;
    for (;;) {
      pid_t r = ::waitpid(pid, &status, WNOHANG);
      if (r == pid || (r < 0 && errno != EINTR)) break;
      if (std::chrono::steady_clock::now() > deadline) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
        result.error = "timed out";
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (result.error.empty()) {
      if (WIFEXITED(status)) {
        result.exit_code = WEXITSTATUS(status);
      } else if (WIFSIGNALED(status)) {
        result.error = std::string("signal: ") + ::strsignal(WTERMSIG(status));
      }
    }
  }
  result.stdout_text = ReadAll(out);
  result.stderr_text = ReadAll(err);
  std::fclose(out);
  std::fclose(err);
  return result;
}

}  // namespace gotool::scripttest
