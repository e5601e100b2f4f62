// Editing the go env file: the line-level update `go env -w`/`-u` performs.
#include "pkg/cfg/envfile.h"

#include "pkg/base/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace gotool::cfg {
namespace {

// LineToKey returns NAME of a "NAME=VALUE" line, or "" for a line that is not one.
std::string_view LineToKey(std::string_view line) {
  std::size_t eq = line.find('=');
  if (eq == std::string_view::npos || line.substr(0, eq).find('#') != std::string_view::npos)
    return "";
  return line.substr(0, eq);
}

std::string Dir(const std::string& path) {
  std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

}  // namespace

std::string UpdateEnvFileText(std::string_view data, const std::map<std::string, std::string>& add,
                              const std::set<std::string>& del) {
  // Split after each newline; the last line always ends in one.
  std::vector<std::string> lines;
  while (!data.empty()) {
    std::size_t nl = data.find('\n');
    if (nl == std::string_view::npos) {
      lines.emplace_back(std::string(data) + "\n");
      break;
    }
    lines.emplace_back(data.substr(0, nl + 1));
    data.remove_prefix(nl + 1);
  }
  // Keep only the last copy of a key: it is the one that takes effect.
  std::map<std::string, std::size_t, std::less<>> last;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view key = LineToKey(lines[i]);
    if (key.empty()) continue;
    if (auto it = last.find(key); it != last.end()) lines[it->second].clear();
    last[std::string(key)] = i;
  }
  for (const auto& [key, value] : add) {
    if (auto it = last.find(key); it != last.end()) {
      lines[it->second] = key + "=" + value + "\n";
    } else {
      lines.push_back(key + "=" + value + "\n");
    }
  }
  for (const std::string& key : del)
    if (auto it = last.find(key); it != last.end()) lines[it->second].clear();
  // Sort each run of NAME=VALUE lines; removed lines are empty and so end a run, as
  // in the go command.
  std::size_t start = 0;
  for (std::size_t i = 0; i <= lines.size(); ++i) {
    if (i == lines.size() || LineToKey(lines[i]).empty()) {
      std::stable_sort(
          lines.begin() + static_cast<std::ptrdiff_t>(start),
          lines.begin() + static_cast<std::ptrdiff_t>(i),
          [](const std::string& a, const std::string& b) { return LineToKey(a) < LineToKey(b); });
      start = i + 1;
    }
  }
  std::string out;
  for (const std::string& line : lines) out += line;
  return out;
}

std::string ReadFile(const std::string& path, std::string* data, bool* not_exist) {
  *not_exist = false;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *not_exist = errno == ENOENT;
    return "open " + path + ": " + base::ErrnoText(errno);
  }
  data->clear();
  char buf[8192];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      std::string err = "read " + path + ": " + base::ErrnoText(errno);
      ::close(fd);
      return err;
    }
    if (n == 0) break;
    data->append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return "";
}

bool MkdirAll(const std::string& dir) {
  struct stat st;
  if (::stat(dir.c_str(), &st) == 0) return S_ISDIR(st.st_mode);
  std::string parent = Dir(dir);
  if (parent != dir && !MkdirAll(parent)) return false;
  return ::mkdir(dir.c_str(), 0777) == 0 || errno == EEXIST;
}

}  // namespace gotool::cfg
