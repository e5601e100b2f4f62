// The go command's variables: the environment snapshot, the go env file, defaults.
#include "pkg/cfg/env.h"

#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <fstream>
#include <iterator>

#include "pkg/base/version.h"

extern char** environ;

namespace gotool::cfg {
namespace {

// kKnownEnv lists the variables the go env file may hold (go 1.19's KnownEnv), so
// that the file stays shared with the go command.
constexpr std::string_view kKnownEnv[] = {
    "AR",
    "CC",
    "CGO_CFLAGS",
    "CGO_CFLAGS_ALLOW",
    "CGO_CFLAGS_DISALLOW",
    "CGO_CPPFLAGS",
    "CGO_CPPFLAGS_ALLOW",
    "CGO_CPPFLAGS_DISALLOW",
    "CGO_CXXFLAGS",
    "CGO_CXXFLAGS_ALLOW",
    "CGO_CXXFLAGS_DISALLOW",
    "CGO_ENABLED",
    "CGO_FFLAGS",
    "CGO_FFLAGS_ALLOW",
    "CGO_FFLAGS_DISALLOW",
    "CGO_LDFLAGS",
    "CGO_LDFLAGS_ALLOW",
    "CGO_LDFLAGS_DISALLOW",
    "CXX",
    "FC",
    "GCCGO",
    "GO111MODULE",
    "GO386",
    "GOAMD64",
    "GOARCH",
    "GOARM",
    "GOBIN",
    "GOCACHE",
    "GOENV",
    "GOEXE",
    "GOEXPERIMENT",
    "GOFLAGS",
    "GOGCCFLAGS",
    "GOHOSTARCH",
    "GOHOSTOS",
    "GOINSECURE",
    "GOMIPS",
    "GOMIPS64",
    "GOMODCACHE",
    "GONOPROXY",
    "GONOSUMDB",
    "GOOS",
    "GOPATH",
    "GOPPC64",
    "GOPRIVATE",
    "GOPROXY",
    "GOROOT",
    "GOSUMDB",
    "GOTMPDIR",
    "GOTOOLDIR",
    "GOVCS",
    "GOWASM",
    "GOWORK",
    "GO_EXTLINK_ENABLED",
    "PKG_CONFIG",
};

// kPlatforms lists the GOOS/GOARCH pairs the go command accepts (`go tool dist list`).
constexpr std::string_view kPlatforms[] = {
    "aix/ppc64",     "android/386",   "android/amd64",   "android/arm",    "android/arm64",
    "darwin/amd64",  "darwin/arm64",  "dragonfly/amd64", "freebsd/386",    "freebsd/amd64",
    "freebsd/arm",   "freebsd/arm64", "illumos/amd64",   "ios/amd64",      "ios/arm64",
    "js/wasm",       "linux/386",     "linux/amd64",     "linux/arm",      "linux/arm64",
    "linux/loong64", "linux/mips",    "linux/mips64",    "linux/mips64le", "linux/mipsle",
    "linux/ppc64",   "linux/ppc64le", "linux/riscv64",   "linux/s390x",    "netbsd/386",
    "netbsd/amd64",  "netbsd/arm",    "netbsd/arm64",    "openbsd/386",    "openbsd/amd64",
    "openbsd/arm",   "openbsd/arm64", "openbsd/mips64",  "plan9/386",      "plan9/amd64",
    "plan9/arm",     "solaris/amd64", "windows/386",     "windows/amd64",  "windows/arm",
    "windows/arm64",
};

std::string ReadFileOrEmpty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// UserDir is the shared rule of UserConfigDir and UserCacheDir: $XDG_..., else
// $HOME/home_suffix.
std::string UserDir(const Environ& env, std::string_view xdg, std::string_view home_suffix,
                    std::string* err) {
  std::string dir = env.Get(xdg);
  if (!dir.empty()) return dir;
  dir = env.Get("HOME");
  if (dir.empty()) {
    if (err != nullptr) *err = "neither $" + std::string(xdg) + " nor $HOME are defined";
    return "";
  }
  return dir + std::string(home_suffix);
}

bool IsAbs(std::string_view path) { return !path.empty() && path[0] == '/'; }

}  // namespace

Environ::Environ(const std::vector<std::string>& entries) {
  for (const std::string& e : entries) {
    std::size_t eq = e.find('=');
    if (eq == std::string::npos) continue;
    vars_[e.substr(0, eq)] = e.substr(eq + 1);
  }
}

Environ Environ::FromProcess() {
  std::vector<std::string> entries;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) entries.emplace_back(*e);
  return Environ(entries);
}

std::string Environ::Get(std::string_view name) const {
  auto it = vars_.find(name);
  return it == vars_.end() ? "" : it->second;
}

bool CanGetenv(std::string_view name) {
  for (std::string_view known : kKnownEnv)
    if (known == name) return true;
  return false;
}

std::string UserConfigDir(const Environ& env, std::string* err) {
  return UserDir(env, "XDG_CONFIG_HOME", "/.config", err);
}

std::string UserCacheDir(const Environ& env, std::string* err) {
  return UserDir(env, "XDG_CACHE_HOME", "/.cache", err);
}

std::string EnvFile(const Environ& env, std::string* err) {
  if (std::string file = env.Get("GOENV"); !file.empty()) {
    if (file == "off") {
      if (err != nullptr) *err = "GOENV=off";
      return "";
    }
    return file;
  }
  std::string dir = UserConfigDir(env, err);
  if (dir.empty()) return "";
  return JoinPath(dir, "go/env");
}

std::map<std::string, std::string> ParseEnvFile(std::string_view data) {
  std::map<std::string, std::string> vars;
  while (!data.empty()) {
    std::size_t nl = data.find('\n');
    std::string_view line = data.substr(0, nl);
    data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
    std::size_t eq = line.find('=');
    // Comments, blank lines and lines that cannot be NAME=VALUE are skipped, as the go
    // command does, so a damaged file never makes the tool unusable.
    if (eq == std::string_view::npos || line[0] < 'A' || line[0] > 'Z') continue;
    vars[std::string(line.substr(0, eq))] = std::string(line.substr(eq + 1));
  }
  return vars;
}

std::string CleanPath(std::string_view path) {
  if (path.empty()) return ".";
  const bool rooted = path[0] == '/';
  std::vector<std::string_view> parts;
  std::size_t i = 0;
  while (i < path.size()) {
    std::size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    std::string_view elem = path.substr(i, j - i);
    i = j + 1;
    if (elem.empty() || elem == ".") continue;
    if (elem == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!rooted) {
        parts.push_back(elem);
      }
      continue;
    }
    parts.push_back(elem);
  }
  std::string out = rooted ? "/" : "";
  for (std::size_t k = 0; k < parts.size(); ++k) {
    if (k > 0) out += '/';
    out += parts[k];
  }
  return out.empty() ? "." : out;
}

std::string JoinPath(std::string_view a, std::string_view b) {
  if (a.empty() && b.empty()) return "";
  if (a.empty()) return CleanPath(b);
  if (b.empty()) return CleanPath(a);
  return CleanPath(std::string(a) + "/" + std::string(b));
}

std::string WorkingDir(const Environ& env) {
  char buf[PATH_MAX];
  std::string cwd = ::getcwd(buf, sizeof buf) != nullptr ? std::string(buf) : std::string();
  std::string pwd = env.Get("PWD");
  struct stat a, b;
  if (pwd.starts_with("/") && ::stat(pwd.c_str(), &a) == 0 && ::stat(cwd.c_str(), &b) == 0 &&
      a.st_dev == b.st_dev && a.st_ino == b.st_ino)
    return pwd;
  return cwd;
}

Config Config::Load(const Environ& env) {
  Config c;
  c.env_ = env;
  c.env_file_ = EnvFile(env, nullptr);
  if (!c.env_file_.empty()) c.file_vars_ = ParseEnvFile(ReadFileOrEmpty(c.env_file_));
  return c;
}

std::string Config::Getenv(std::string_view name) const {
  if (std::string v = env_.Get(name); !v.empty()) return v;
  auto it = file_vars_.find(std::string(name));
  return it == file_vars_.end() ? "" : it->second;
}

std::string Config::EnvOr(std::string_view name, std::string_view def) const {
  std::string v = Getenv(name);
  return v.empty() ? std::string(def) : v;
}

std::string Config::Goos() const { return EnvOr("GOOS", HostOS()); }
std::string Config::Goarch() const { return EnvOr("GOARCH", HostArch()); }

std::string Config::Gopath() const {
  std::string home = env_.Get("HOME");
  return EnvOr("GOPATH", home.empty() ? "" : JoinPath(home, "go"));
}

std::vector<std::string> Config::GopathEntries() const {
  std::vector<std::string> entries;
  std::string list = Gopath();
  size_t start = 0;
  while (start <= list.size()) {
    size_t colon = list.find(':', start);
    if (colon == std::string::npos) colon = list.size();
    if (colon > start) entries.push_back(list.substr(start, colon - start));
    start = colon + 1;
  }
  return entries;
}

std::string Config::Gomodcache() const {
  std::string gopath = Gopath();
  std::string first = gopath.substr(0, gopath.find(':'));
  return EnvOr("GOMODCACHE", first.empty() ? "" : JoinPath(first, "pkg/mod"));
}

std::string Config::Gocache() const {
  std::string dir = Getenv("GOCACHE");
  if (IsAbs(dir) || dir == "off") return dir;
  if (!dir.empty()) return "off";  // a relative GOCACHE is unusable, as in the go command
  std::string user = UserCacheDir(env_, nullptr);
  return user.empty() ? "off" : JoinPath(user, "gotool");
}

std::string Config::Goproxy() const { return EnvOr("GOPROXY", "https://proxy.golang.org,direct"); }
std::string Config::Gosumdb() const { return EnvOr("GOSUMDB", "sum.golang.org"); }
std::string Config::Goprivate() const { return Getenv("GOPRIVATE"); }
std::string Config::Gonoproxy() const { return EnvOr("GONOPROXY", Goprivate()); }
std::string Config::Gonosumdb() const { return EnvOr("GONOSUMDB", Goprivate()); }

std::vector<EnvVar> Config::MkEnv() const {
  return {
      {"GO111MODULE", Getenv("GO111MODULE")},
      {"GOARCH", Goarch()},
      {"GOBIN", Getenv("GOBIN")},
      {"GOCACHE", Gocache()},
      {"GOENV", env_file_},
      {"GOEXE", ""},
      {"GOFLAGS", Getenv("GOFLAGS")},
      {"GOHOSTARCH", std::string(HostArch())},
      {"GOHOSTOS", std::string(HostOS())},
      {"GOINSECURE", Getenv("GOINSECURE")},
      {"GOMODCACHE", Gomodcache()},
      {"GONOPROXY", Gonoproxy()},
      {"GONOSUMDB", Gonosumdb()},
      {"GOOS", Goos()},
      {"GOPATH", Gopath()},
      {"GOPRIVATE", Goprivate()},
      {"GOPROXY", Goproxy()},
      {"GOROOT", Getenv("GOROOT")},
      {"GOSUMDB", Gosumdb()},
      {"GOTMPDIR", Getenv("GOTMPDIR")},
      {"GOVCS", Getenv("GOVCS")},
      {"GOVERSION", base::kGoVersion},
  };
}

std::string_view HostOS() {
#if defined(__APPLE__)
  return "darwin";
#elif defined(__FreeBSD__)
  return "freebsd";
#else
  return "linux";
#endif
}

std::string_view HostArch() {
#if defined(__aarch64__)
  return "arm64";
#elif defined(__i386__)
  return "386";
#else
  return "amd64";
#endif
}

bool ValidPlatform(std::string_view goos, std::string_view goarch) {
  std::string pair = std::string(goos) + "/" + std::string(goarch);
  for (std::string_view p : kPlatforms)
    if (p == pair) return true;
  return false;
}

}  // namespace gotool::cfg
