// Downloading module versions into the module cache: .info, .mod and .zip through the
// GOPROXY client, checked against go.sum, extracted read-only (go's modfetch.Download).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "modcache/gosum.h"
#include "modcache/module.h"
#include "modcache/proxy.h"

namespace gotool::modcache {

// DownloadEnv configures downloads.
struct DownloadEnv {
  ProxyEnv proxy;
  // gomodcache is $GOMODCACHE; it must not be empty.
  std::string gomodcache;
  // modcacherw leaves extracted trees writable (-modcacherw).
  bool modcacherw = false;
  // gosum, when set, holds the sums the downloads must match (go.sum); a module
  // without a line there is not checked (DownloadedModule::verified says so).
  const GoSum* gosum = nullptr;
  // gosum_name names the sums file in mismatch messages ("go.sum", "go.work.sum").
  std::string gosum_name = "go.sum";
  // quiet suppresses "go: downloading P V" (as `go mod download` does).
  bool quiet = false;
  // stderr receives progress lines such as "go: downloading P V\n"; by default they
  // go to the process's stderr. It may be called from several threads at once.
  std::function<void(const std::string&)> stderr;

  // FromConfig fills proxy and gomodcache from the go command's configuration.
  static DownloadEnv FromConfig(const cfg::Config& cfg);
};

// DownloadedModule is a module version present in the cache.
struct DownloadedModule {
  module::Version mod;
  RevInfo info;
  std::string info_file;   // cache/download/<p>/@v/<v>.info
  std::string gomod_file;  // .../<v>.mod
  std::string zip_file;    // .../<v>.zip
  std::string dir;         // <p>@<v>, extracted
  std::string sum;         // h1: of the zip (the .ziphash content)
  std::string gomod_sum;   // h1: of the go.mod
  // verified is true when both sums were found in env.gosum (and matched).
  bool verified = false;
};

// Stat returns the .info of m from the cache, or from the proxy (then cached).
Result<RevInfo> StatVersion(const DownloadEnv& env, const module::Version& m);

// GoModFile returns m's go.mod from the cache, or from the proxy (then cached, with
// @v/list rewritten), after checking it against env.gosum's "V/go.mod" line. When
// hash is set it receives the go.mod's h1: hash, computed for that check anyway.
Result<std::string> GoModFile(const DownloadEnv& env, const module::Version& m,
                              std::string* hash = nullptr);

// CheckGoMod checks data, m's go.mod as the caller read it from the cache (through
// cache::CachePath, which checked m), against env.gosum as GoModFile does, and
// returns its h1: hash; *verified (when given) reports that env.gosum has it.
Result<std::string> CheckGoMod(const DownloadEnv& env, const module::Version& m,
                               const std::string& data, bool* verified = nullptr);

// DownloadZip makes sure m's .zip and .ziphash are in the cache: it downloads the zip
// to a temporary file under the version's lock, checks its file names and its hash
// against env.gosum, and only then renames it into place. It returns the zip's path.
Result<std::string> DownloadZip(const DownloadEnv& env, const module::Version& m);

// Download fetches m (.info, .mod, .zip) and extracts it into the cache (to a
// temporary directory renamed into place, read-only unless modcacherw). Errors read
// as the go command's ("P@V: reading URL: 404 Not Found", "verifying P@V: checksum
// mismatch ... SECURITY ERROR ...", which the go command prints as is, without its
// "go: " prefix). As with the go command, .info and .mod are cached before the zip
// is fetched; a zip that fails its checks or its go.sum hash is never cached, and one
// whose files cannot be extracted is never extracted ("-> unzip ..." on stderr).
Result<DownloadedModule> Download(const DownloadEnv& env, const module::Version& m);

// DownloadAll downloads mods with at most jobs downloads at a time; results are in
// the order of mods.
std::vector<Result<DownloadedModule>> DownloadAll(const DownloadEnv& env,
                                                  const std::vector<module::Version>& mods,
                                                  int jobs = 8);

}  // namespace gotool::modcache
