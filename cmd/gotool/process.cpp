// The process's configuration and working directory (see process.h).
#include "cmd/gotool/process.h"

#include <sys/stat.h>
#include <unistd.h>

#include <climits>

namespace gotool::cli {

const cfg::Config& ProcessConfig() {
  static const cfg::Config* config =
      new cfg::Config(cfg::Config::Load(cfg::Environ::FromProcess()));
  return *config;
}

std::string WorkingDir() {
  char buf[PATH_MAX];
  std::string cwd = ::getcwd(buf, sizeof buf) != nullptr ? std::string(buf) : std::string();
  std::string pwd = ProcessConfig().environ().Get("PWD");
  struct stat a, b;
  if (pwd.starts_with("/") && ::stat(pwd.c_str(), &a) == 0 && ::stat(cwd.c_str(), &b) == 0 &&
      a.st_dev == b.st_dev && a.st_ino == b.st_ino)
    return pwd;
  return cwd;
}

}  // namespace gotool::cli
