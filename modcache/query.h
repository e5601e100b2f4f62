// Version queries (cmd/go's modload.Query): resolving path@query, where query is
// "latest", "upgrade", "patch", a version prefix (v1, v1.2), a complete version, a
// range (<v, <=v, >v, >=v) or a revision, against one module's repository.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "modcache/mvs.h"
#include "modcache/proxy.h"

namespace gotool::modcache {

// QueryRepo is what Query asks of one module's repository (a proxy, perhaps
// augmented with the main module's replacements).
class QueryRepo {
 public:
  virtual ~QueryRepo() = default;
  // Versions returns the tagged versions (no pseudo-versions) that start with
  // prefix, semver-sorted.
  virtual Result<std::vector<std::string>> Versions(const std::string& prefix) = 0;
  // Stat returns the .info of a version or revision.
  virtual Result<RevInfo> Stat(const std::string& rev) = 0;
  // Latest returns the repository's own idea of its latest version (@latest).
  virtual Result<RevInfo> Latest() = 0;
  // HasGoMod reports whether version has a go.mod file of its own rather than one
  // synthesized for a module without any.
  virtual Result<bool> HasGoMod(const std::string& version) = 0;
};

// AllowedFunc returns nullopt when a version of the module may be selected, or why
// not (excluded by go.mod, retracted): the go command's ErrDisallowed.
using AllowedFunc = std::function<std::optional<mvs::Error>(const std::string& version)>;

// QueryError is an error of Query with the class the go command's callers test:
// kNotExist for fs.ErrNotExist (unknown module or version), kNoMatch for
// NoMatchingVersionError, kDisallowed for ErrDisallowed.
struct QueryError {
  enum Kind { kOther, kNotExist, kNoMatch, kDisallowed };
  mvs::Error error;  // worded as the go command's
  Kind kind = kOther;
  // names_module is true when the message already says which module it is about
  // (errors from the repository, "module P: ..." or "P@V: ..."), as Go's
  // module.ModuleError does; the others need the query to be named.
  bool names_module = false;
};

// QueryErrorFor returns e as `go list -m path@query` reports it (modinfoError):
// "module P: no matching versions ...", e itself when it names its module, else
// "P@QUERY: e".
mvs::Error QueryErrorFor(const std::string& path, const std::string& query, const QueryError& e);

// QueryResult is the version a query resolved to, or a QueryError.
using QueryResult = std::variant<RevInfo, QueryError>;

// QueryMatcher is a parsed query that chooses among a repository's versions
// (modload's queryMatcher).
struct QueryMatcher {
  std::string prefix;                              // versions must start with it
  std::function<bool(const std::string&)> filter;  // nullptr accepts all
  bool can_stat = false;                           // a complete version: Stat answers it
  bool prefer_lower = false;                       // >v, >=v: the lowest match wins
  bool may_use_latest = false;                     // @latest may answer when no tag matches
  bool prefer_incompatible = false;                // +incompatible versions count from the start
  bool revision = false;                           // not semver: only Stat can answer
};

// ParseQuery returns the matcher of query for path with current the selected
// version ("", "none" or a version), or the go command's error for a malformed
// range or "patch" without a current version.
std::variant<QueryMatcher, QueryError> ParseQuery(const std::string& path, const std::string& query,
                                                  const std::string& current);

// IsRevisionQuery reports whether vers names one version or revision ("v1.0.0",
// "master") rather than choosing among versions ("latest", ">v1", "v1.2").
bool IsRevisionQuery(const std::string& vers);

// FilteredVersions are the versions a matcher accepts, split as Query prefers them.
struct FilteredVersions {
  std::vector<std::string> releases, prereleases;
};

// FilterVersions keeps the versions (sorted) that qm and allowed accept, leaving
// out +incompatible versions once the highest compatible version below them has a
// go.mod file of its own (has_go_mod), unless qm prefers them.
Result<FilteredVersions> FilterVersions(
    const QueryMatcher& qm, const std::vector<std::string>& versions, const AllowedFunc& allowed,
    const std::function<Result<bool>(const std::string&)>& has_go_mod);

// Query resolves path@query in repo, as modload.Query does: current is the
// selected version ("upgrade" and "patch" never go below it; "" or "none" when there
// is none) and allowed (nullptr: everything) filters versions that may be chosen.
QueryResult Query(QueryRepo& repo, const std::string& path, const std::string& query,
                  const std::string& current, const AllowedFunc& allowed);

}  // namespace gotool::modcache
