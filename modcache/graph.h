// The module graph of a main module as the go command loads it (modload's
// readModGraph and expandGraph: pruning, excludes, replacements) and the text of
// `go mod graph`.
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "modcache/modfile.h"
#include "modcache/mvs.h"

namespace gotool::modcache {

// GoModSource reads go.mod files: a module version's (from the module cache or a
// proxy), or a directory replacement's (empty version; path is the directory as
// written in the replace directive).
class GoModSource {
 public:
  // GoModFile is a go.mod text and the name to cite it by in parse errors.
  struct GoModFile {
    std::string name;
    std::string data;
  };
  virtual ~GoModSource() = default;
  // GoMod returns m's go.mod, or an error (about m, as Go's module.VersionError).
  virtual mvs::Result<GoModFile> GoMod(const module::Version& m) = 0;
};

// ModSummary is what the graph keeps of one go.mod file.
struct ModSummary {
  module::Version module;    // the module statement
  std::string go_version;    // the go directive; "" when absent
  bool pruned = false;       // go 1.17 or later: its requirements are not followed further
  mvs::VersionList require;  // after dropping excluded versions
  std::string deprecated;    // from the module statement's comments
  std::vector<modfile::VersionInterval> retract;
};

// Replacements is the main module's replace directives by old module; an empty
// old version replaces every version of the path.
class Replacements {
 public:
  // Replacements indexes f's replace directives; *error is set for two
  // different replacements of one module ("go: conflicting replacements ...").
  static Replacements FromFile(const modfile::File& f, std::string* error);
  // Lookup returns m's replacement, or nullptr.
  const module::Version* Lookup(const module::Version& m) const;
  // Resolve returns m's replacement, or m itself.
  module::Version Resolve(const module::Version& m) const;

 private:
  std::map<module::VersionKey, module::Version, module::VersionKeyLess> map_;
};

// ModGraphOptions are the knobs of LoadModGraph.
struct ModGraphOptions {
  // go_version, when set, reads the graph as that Go version would (`go mod
  // graph -go=V`): an older one unprunes it, and inconsistent roots are kept.
  std::string go_version;
  // build_mod_mod is -mod=mod (the default of `go mod` commands): a main-module
  // requirement on an excluded version is "dropping" rather than "ignoring".
  bool build_mod_mod = true;
};

// ModuleGraph is a loaded module graph: its roots (the main module's direct
// requirements, made consistent), the MVS graph and the go.mod summaries read.
class ModuleGraph {
 public:
  // Load reads the graph of main (its go.mod parsed) from src. Requirements on
  // excluded versions are dropped (with a warning each in warnings()); roots whose
  // version is not selected are updated as `-mod=mod` does (roots_changed()). A
  // go.mod that cannot be read or parsed leaves a partial graph and error(); Load
  // itself fails only on conflicting replacements.
  static mvs::Result<std::unique_ptr<ModuleGraph>> Load(const modfile::File& main, GoModSource& src,
                                                        const ModGraphOptions& opts = {});

  // main returns the main module (version "").
  const module::Version& main() const { return main_; }
  // main_go_version returns the main module's go directive ("" when absent).
  const std::string& main_go_version() const { return main_go_version_; }
  // roots returns the main module's requirements, sorted (module::Sort).
  const mvs::VersionList& roots() const { return roots_; }
  // go_mod_roots returns the requirements as go.mod lists them (sorted, minus
  // excluded versions), before they were made consistent.
  const mvs::VersionList& go_mod_roots() const { return go_mod_roots_; }
  // pruned reports whether the main module's go version prunes the graph.
  bool pruned() const { return pruned_; }
  // roots_changed reports whether roots differ from the go.mod's requirements
  // (with -mod=readonly the go command would fail: "updates to go.mod needed").
  bool roots_changed() const { return roots_changed_; }
  // direct reports whether the go.mod requires path without "// indirect".
  bool IsDirect(const std::string& path) const { return direct_.count(path) > 0; }
  // error returns the graph's loading error as cmd/go prints it after "go: "
  // (the requirement chain to the failing go.mod), if any.
  const std::optional<std::string>& error() const { return error_; }
  // warnings returns the go command's stderr lines ("go: dropping requirement on
  // excluded version P V").
  const std::vector<std::string>& warnings() const { return warnings_; }
  // graph returns the requirement graph.
  const mvs::Graph& graph() const { return *graph_; }
  // BuildList returns the main module then the selected versions sorted by path.
  mvs::VersionList BuildList() const { return graph_->BuildList(); }
  // Summary returns the summary of m's go.mod (of its replacement when replaced)
  // when the graph read it, or nullptr.
  const ModSummary* Summary(const module::Version& m) const;
  // replacements returns the main module's replacements.
  const Replacements& replacements() const { return replace_; }

 private:
  struct Loader;

  module::Version main_;
  std::string main_go_version_;
  mvs::VersionList roots_;
  mvs::VersionList go_mod_roots_;
  bool pruned_ = false;
  bool roots_changed_ = false;
  std::optional<std::string> error_;
  std::set<std::string> direct_;
  std::vector<std::string> warnings_;
  std::unique_ptr<mvs::Graph> graph_;
  // raw_ holds the summaries of the go.mod files read (or why they could not be), by
  // actual (replacement) module; filtered_ those that needed requirements dropped
  // (excluded versions); summaries_ points into either, by requested module.
  std::map<module::VersionKey, mvs::Result<ModSummary>, module::VersionKeyLess> raw_;
  std::deque<ModSummary> filtered_;
  std::map<module::VersionKey, const ModSummary*, module::VersionKeyLess> summaries_;
  Replacements replace_;
};

// IsPrunedGoVersion reports whether a go directive's version supports graph
// pruning (1.17 or later).
bool IsPrunedGoVersion(const std::string& go_version);

// FormatModGraph returns the output of `go mod graph`: breadth-first from the
// main module, each module's requirements as "m r" lines (path@version; the main
// module without version).
std::string FormatModGraph(const ModuleGraph& mg);

}  // namespace gotool::modcache
