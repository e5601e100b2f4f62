// The go command's environment: known variables, the go env file, defaults (`go env`).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace gotool::cfg {

// Environ is a snapshot of a process environment. Commands read variables through it,
// never through getenv, so tests can supply their own.
class Environ {
 public:
  Environ() = default;
  // Environ builds a snapshot from NAME=VALUE entries; a later entry wins.
  explicit Environ(const std::vector<std::string>& entries);
  // FromProcess snapshots the current process environment.
  static Environ FromProcess();

  // Get returns the value of name, or "" when it is unset.
  std::string Get(std::string_view name) const;
  // Set sets name to value in the snapshot.
  void Set(const std::string& name, const std::string& value) { vars_[name] = value; }

 private:
  std::map<std::string, std::string, std::less<>> vars_;
};

// EnvVar is one variable as `go env` prints it.
struct EnvVar {
  std::string name;
  std::string value;
};

// CanGetenv reports whether name is a variable the go env file may set (go's KnownEnv).
bool CanGetenv(std::string_view name);

// UserConfigDir returns $XDG_CONFIG_HOME, else $HOME/.config, as Go's
// os.UserConfigDir does on Linux; on failure it returns "" and sets *err.
std::string UserConfigDir(const Environ& env, std::string* err);

// UserCacheDir returns $XDG_CACHE_HOME, else $HOME/.cache (Go's os.UserCacheDir).
std::string UserCacheDir(const Environ& env, std::string* err);

// EnvFile returns the go env file: $GOENV, else UserConfigDir()/go/env. It returns ""
// and sets *err when there is none (GOENV=off, or no config dir).
std::string EnvFile(const Environ& env, std::string* err);

// ParseEnvFile parses the go env file format: NAME=VALUE lines; lines without '=' or
// not starting with an upper-case ASCII letter are ignored; a later line wins.
std::map<std::string, std::string> ParseEnvFile(std::string_view data);

// CleanPath returns the shortest equivalent of a slash-separated path, as Go's
// filepath.Clean does on Unix.
std::string CleanPath(std::string_view path);

// JoinPath joins elements with '/' and cleans the result (Go's filepath.Join).
std::string JoinPath(std::string_view a, std::string_view b);

// Config is the go command's configuration as gotool sees it: each variable comes from
// the process environment when set and non-empty, else from the go env file, else
// from its default.
class Config {
 public:
  // Load reads the go env file named by env (if any) and returns the configuration.
  static Config Load(const Environ& env);

  // Getenv returns a known variable from the environment, else from the go env file.
  std::string Getenv(std::string_view name) const;
  // EnvOr returns Getenv(name), or def when that is empty.
  std::string EnvOr(std::string_view name, std::string_view def) const;

  std::string Goos() const;
  std::string Goarch() const;
  std::string Gopath() const;  // $GOPATH, else $HOME/go
  // GopathEntries returns Gopath() split at its colons, empty entries dropped.
  std::vector<std::string> GopathEntries() const;
  // GopathMode reports whether packages load in GOPATH mode (GO111MODULE=off).
  bool GopathMode() const { return Getenv("GO111MODULE") == "off"; }
  std::string Gomodcache() const;  // $GOMODCACHE, else the first GOPATH entry + /pkg/mod
  std::string Gocache() const;     // $GOCACHE, else UserCacheDir()/gotool; "off" if unusable
  std::string Goproxy() const;
  std::string Gosumdb() const;
  std::string Goprivate() const;
  std::string Gonoproxy() const;  // defaults to GOPRIVATE
  std::string Gonosumdb() const;  // defaults to GOPRIVATE
  std::string EnvFilePath() const { return env_file_; }

  // MkEnv returns the variables `gotool env` prints, in the go command's order.
  std::vector<EnvVar> MkEnv() const;

  const Environ& environ() const { return env_; }

 private:
  Environ env_;
  std::string env_file_;
  std::map<std::string, std::string> file_vars_;
};

// WorkingDir returns the working directory as the go command sees it: $PWD (from
// env) when it names the same directory as the kernel's path, else the kernel's path.
std::string WorkingDir(const Environ& env);

// HostOS and HostArch name the platform gotool was built for, as GOHOSTOS/GOHOSTARCH.
std::string_view HostOS();
std::string_view HostArch();

// ValidPlatform reports whether goos/goarch is a pair the go command supports.
bool ValidPlatform(std::string_view goos, std::string_view goarch);

}  // namespace gotool::cfg
