// Minimal version selection over an abstract requirement graph (cmd/go/internal/mvs).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "modcache/module.h"

namespace gotool::modcache::mvs {

// kNone is the version meaning "not in the build".
inline constexpr std::string_view kNone = "none";

// Error is an error from a requirement source. When path is set it concerns that
// module version (Go's module.ModuleError) and Message prefixes it.
struct Error {
  std::string path, version;
  std::string err;

  // Message returns "path@version: err", "module path: err" or err.
  std::string Message() const;
};

// Result holds a value or an Error.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT
  bool ok() const { return v_.index() == 0; }
  const T& value() const { return std::get<0>(v_); }
  T& value() { return std::get<0>(v_); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

using VersionList = std::vector<module::Version>;

// Reqs is the requirement graph MVS walks. Versions are opaque but for "none";
// Max gives the order.
class Reqs {
 public:
  virtual ~Reqs() = default;
  // Required returns the versions m itself requires.
  virtual Result<VersionList> Required(const module::Version& m) = 0;
  // Max returns the larger of v1 and v2 (one of them); Max(v, "none") is v and the
  // target of an MVS call compares above everything.
  virtual std::string Max(const std::string& v1, const std::string& v2) = 0;
};

// UpgradeReqs is a Reqs that knows each module's upgrade (its latest version).
class UpgradeReqs : public virtual Reqs {
 public:
  // Upgrade returns the version m should be upgraded to, or m to keep it.
  virtual Result<module::Version> Upgrade(const module::Version& m) = 0;
};

// DowngradeReqs is a Reqs that knows the version before a given one.
class DowngradeReqs : public virtual Reqs {
 public:
  // Previous returns the version of m.path just below m.version, or "none".
  virtual Result<module::Version> Previous(const module::Version& m) = 0;
};

// CmpVersion orders versions as the go command does: "" (a main module) above all,
// then semantic version order ("none" is below every valid version).
int CmpVersion(std::string_view v1, std::string_view v2);

// Graph is a requirement graph under construction: each node's requirements
// as they were given, and the highest version seen for each path.
class Graph {
 public:
  using Cmp = std::function<int(const std::string&, const std::string&)>;

  // Graph starts a graph at roots, ordered by cmp.
  Graph(Cmp cmp, VersionList roots);

  // Require records m's requirements; m must be reachable and not yet required.
  void Require(const module::Version& m, VersionList reqs);

  // RequiredBy returns m's requirements, or nullptr when they were never loaded.
  const VersionList* RequiredBy(const module::Version& m) const;

  // Selected returns the selected version of path, or "none".
  std::string Selected(const std::string& path) const;

  // BuildList returns the selected roots in order, then the other selected
  // modules sorted by path (module::Sort).
  VersionList BuildList() const;

  // WalkBreadthFirst calls f once for each version in the graph other than
  // "none", selected or not, breadth-first from the roots in requirement order.
  void WalkBreadthFirst(const std::function<void(const module::Version&)>& f) const;

  // FindPath returns the shortest path from a root to the first version (in
  // breadth-first order) for which f is true, or an empty list.
  VersionList FindPath(const std::function<bool(const module::Version&)>& f) const;

  const VersionList& roots() const { return roots_; }

 private:
  using Key = std::pair<std::string, std::string>;
  static Key KeyOf(const module::Version& m) { return {m.path, m.version}; }
  void Select(const module::Version& m);

  Cmp cmp_;
  VersionList roots_;
  std::map<Key, VersionList, module::VersionKeyLess> required_;
  std::map<std::string, std::string, std::less<>> selected_;
};

// BuildListError reports a requirement-loading failure with the chain of
// requirements that led to it (cmd/go's "A requires\n\tB: err" text).
struct BuildListError {
  struct Elem {
    module::Version mod;
    std::string next_reason;  // "requires" or "updating to"; empty for the last
  };
  Error err;
  std::vector<Elem> stack;

  // Module returns the module whose requirements failed.
  module::Version Module() const { return stack.empty() ? module::Version{} : stack.back().mod; }
  // Message returns the error text as cmd/go prints it.
  std::string Message() const;
};

// NewBuildListError builds the error for path (from a root to the failing module);
// is_version_change reports edges that are upgrades rather than requirements.
BuildListError NewBuildListError(
    Error err, const VersionList& path,
    const std::function<bool(const module::Version&, const module::Version&)>& is_version_change =
        {});

// BuildResult is a build list or the error that stopped it.
using BuildResult = std::variant<VersionList, BuildListError>;

// BuildList returns the targets followed by the highest version of every other
// module reachable from them, sorted by path.
BuildResult BuildList(const VersionList& targets, Reqs& reqs);

// Req returns the minimal requirement list for target that reproduces its build
// list, always listing the paths in base; sorted by path.
Result<VersionList> Req(const module::Version& target, const std::vector<std::string>& base,
                        Reqs& reqs);

// UpgradeAll returns the build list with every module upgraded to its Upgrade.
BuildResult UpgradeAll(const module::Version& target, UpgradeReqs& reqs);

// Upgrade returns the build list with the given modules upgraded (added when
// absent).
BuildResult Upgrade(const module::Version& target, UpgradeReqs& reqs, const VersionList& upgrade);

// Downgrade returns the build list with the given modules downgraded, lowering
// or dropping the modules that would require them at higher versions.
BuildResult Downgrade(const module::Version& target, DowngradeReqs& reqs,
                      const VersionList& downgrade);

// ErrorMessage returns the text of a failed BuildResult, or "".
std::string ErrorMessage(const BuildResult& r);

}  // namespace gotool::modcache::mvs
