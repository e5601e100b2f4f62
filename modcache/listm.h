// `go list -m`: module information (modinfo.ModulePublic) for the build list, a
// module path or `all`, printed as text or as -json.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "modcache/graph.h"
#include "modcache/query.h"

namespace re2 {
class RE2;
}

namespace gotool::modcache {

// ModulePublic is the information `go list -m` reports about one module, with
// the fields of cmd/go's modinfo.ModulePublic (empty means omitted).
struct ModulePublic {
  std::string path;
  std::string version;
  std::string query;
  std::vector<std::string> versions;
  std::shared_ptr<ModulePublic> replace;
  std::string time;  // as encoding/json prints a time.Time ("2020-01-02T10:00:00Z")
  std::shared_ptr<ModulePublic> update;
  bool main = false;
  bool indirect = false;
  std::string dir;
  std::string go_mod;
  std::string go_version;
  std::vector<std::string> retracted;
  std::string deprecated;
  std::optional<std::string> error;  // Error.Err
};

// ModuleString returns m as `go list -m` prints it without -json:
// "path version [update] (deprecated) => replacement".
std::string ModuleString(const ModulePublic& m);

// ModuleJSON returns m as `go list -m -json` prints it (encoding/json
// MarshalIndent with tabs, empty fields omitted), with a final newline.
std::string ModuleJSON(const ModulePublic& m);

// RetractionResult says whether a module version is retracted and why (the go
// command's CheckRetractions).
struct RetractionResult {
  bool retracted = false;
  std::vector<std::string> rationale;  // the comments of the retract directives that match
  std::optional<QueryError> error;     // the retractions could not be loaded
};

// ModuleCache answers what `go list -m` reads from the module cache and proxy.
class ModuleCache {
 public:
  virtual ~ModuleCache() = default;
  // Time returns the time in m's .info file; an error becomes the module's Error.
  virtual mvs::Result<std::string> Time(const module::Version& m) = 0;
  // GoModPath returns the cached .mod file of m, or "" when there is none.
  virtual std::string GoModPath(const module::Version& m) = 0;
  // Dir returns the extracted directory of m, or "" when it is not extracted.
  virtual std::string Dir(const module::Version& m) = 0;
  // Versions returns the released versions of path, semver-sorted, without the
  // main module's excluded versions, and without retracted ones unless retracted.
  virtual mvs::Result<std::vector<std::string>> Versions(const std::string& path,
                                                         bool retracted) = 0;
  // Upgrade resolves path@upgrade from current, with excluded and retracted
  // versions left out (the go command's Query with CheckAllowed).
  virtual QueryResult Upgrade(const std::string& path, const std::string& current) = 0;
  // Retraction reports whether the go.mod of m's latest version retracts m.
  virtual RetractionResult Retraction(const module::Version& m) = 0;
  // Deprecation returns the deprecation message in the go.mod of m's latest
  // version ("" for none); on error *kind says which class it is.
  virtual mvs::Result<std::string> Deprecation(const module::Version& m,
                                               QueryError::Kind* kind) = 0;
  // AbsDir returns a directory replacement's path made absolute (relative to the
  // main module's directory).
  virtual std::string AbsDir(const std::string& dir) = 0;
  // PrefetchVersions may fetch the version lists of paths ahead of the calls that
  // need them, in parallel: -u, -versions and -retracted ask the proxy for each listed
  // module's versions, which one at a time costs a round trip per module.
  virtual void PrefetchVersions(const std::vector<std::string>& /*paths*/) {}
};

// MainModule locates the main module on disk.
struct MainModuleDir {
  std::string dir;     // the module root
  std::string go_mod;  // its go.mod file
};

// ListMode selects what `go list -m` adds to each module.
struct ListMode {
  bool versions = false;   // -versions
  bool retracted = false;  // -retracted: retraction info, retracted versions in -versions
  bool update = false;     // -u: available upgrades (and retractions and deprecations)
  // cache_paths fills in GoMod and Dir, which only -json prints; looking them up is
  // a stat each, with no effect on the output otherwise.
  bool cache_paths = true;
};

// ListResult is what `go list -m` prints: modules on stdout, or, when there are
// errors ("go: ..." lines, the modules' then the graph's), only those on stderr and
// exit status 1 (unless -e).
struct ListResult {
  std::vector<ModulePublic> modules;
  // warnings go to stderr in any case ("warning: pattern ... matched no module
  // dependencies").
  std::vector<std::string> warnings;
  // graph_error is set when errors holds the module graph's loading error: the go
  // command then leaves go.mod and go.sum alone (other errors do not stop it).
  bool graph_error = false;
  std::vector<std::string> errors;
};

// ModuleInfo returns the information on m (the main module when its version is
// empty and its path is the main module's) as moduleInfo in cmd/go fills it.
ModulePublic ModuleInfo(const ModuleGraph& mg, const MainModuleDir& main_dir, GoModSource& src,
                        ModuleCache& cache, const module::Version& m, const ListMode& mode);

// QueryModuleInfo returns the information on m, which a path@query argument
// resolved to at time: as moduleInfo reports a module found outside the
// requirements, never indirect and without its replacement.
ModulePublic QueryModuleInfo(const ModuleGraph& mg, const MainModuleDir& main_dir, GoModSource& src,
                             ModuleCache& cache, const module::Version& m, const std::string& time,
                             const ListMode& mode);

// ModulePattern matches module paths against a pattern with "..." wildcards, as
// the go command's search.MatchPattern: "..." matches any string but never enters
// a "vendor" path element, and a trailing "/..." matches the empty string too
// ("rsc.io/..." matches rsc.io).
class ModulePattern {
 public:
  explicit ModulePattern(const std::string& pattern);
  // Match reports whether the module path name matches.
  bool Match(const std::string& name) const;

 private:
  static constexpr char kVendor = '\x01';  // stands for a "vendor" path element
  // ReplaceVendor replaces every "vendor" path element of s with kVendor.
  static std::string ReplaceVendor(const std::string& s);
  std::shared_ptr<re2::RE2> re_;
};

// QueryFunc resolves one path@query argument of `go list -m`, or returns nullopt
// to leave it out.
using QueryFunc = std::function<std::optional<ModulePublic>(const std::string& arg)>;

// ListModules runs `go list -m [flags] args` over a loaded graph: "all", module
// paths (their selected versions), path patterns with "..." matched against the
// build list, and path@query arguments through query (which needs a proxy; without
// one they are errors).
ListResult ListModules(const ModuleGraph& mg, const MainModuleDir& main_dir, GoModSource& src,
                       ModuleCache& cache, const std::vector<std::string>& args,
                       const ListMode& mode, const QueryFunc* query = nullptr);

// AddListInfo adds what mode asks for beyond the module itself to m and its
// replacement, in the go command's order: the upgrade (-u), the versions
// (-versions), the retraction (-u, -retracted) and the deprecation (-u).
void AddListInfo(ModuleCache& cache, const ListMode& mode, ModulePublic* m);

// FormatListResult renders the modules as `go list -m` prints them: -json, the
// -versions line ("path v1 v2"), or ModuleString.
std::string FormatListResult(const ListResult& r, bool json, bool versions);

}  // namespace gotool::modcache
