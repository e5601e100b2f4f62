// Version queries: parsing path@query into a matcher, filtering a repository's
// versions with it and choosing one, as the go command's modload.Query does.
#include "modcache/query.h"

#include "modcache/module.h"
#include "modcache/pseudo.h"
#include "modcache/semver.h"

namespace gotool::modcache {
namespace {

QueryError Fail(std::string msg, QueryError::Kind kind = QueryError::kOther) {
  return QueryError{mvs::Error{"", "", std::move(msg)}, kind};
}

// FromRepoError turns a repository error into a QueryError, naming the module as
// the go command's module.ModuleError does when the message says which.
QueryError FromRepoError(const std::string& path, const std::string& version, const Error& e) {
  QueryError q{mvs::Error{"", "", e.message},
               e.not_found ? QueryError::kNotExist : QueryError::kOther, true};
  std::string prefix = path + "@" + version + ": ";
  if (!version.empty() && e.message.starts_with(prefix))
    q.error = mvs::Error{path, version, e.message.substr(prefix.size())};
  return q;
}

// IsSemverPrefix reports whether the valid version v is only a major or
// major.minor prefix ("v1", "v1.2").
bool IsSemverPrefix(const std::string& v) {
  int dots = 0;
  for (char c : v) {
    if (c == '-' || c == '+') return false;
    if (c == '.' && ++dots >= 2) return false;
  }
  return true;
}

// MatchesMajor reports whether v suits path's major-version suffix.
bool MatchesMajor(const std::string& path, const std::string& v) {
  module::SplitPath sp = module::SplitPathVersion(path);
  return sp.ok && module::MatchPathMajor(v, sp.path_major);
}

// RFC3339Digits returns the "yyyymmddhhmmss" of a UTC RFC 3339 time, or "".
std::string RFC3339Digits(const std::string& t) {
  if (t.size() < 20 || t.back() != 'Z') return "";
  std::string out;
  for (std::size_t i = 0; i < 19; ++i)
    if (t[i] >= '0' && t[i] <= '9') out += t[i];
  return out.size() == 14 ? out : "";
}

// ParseRange parses the "<", "<=", ">", ">=" queries.
std::variant<QueryMatcher, QueryError> ParseRange(const std::string& path, const std::string& query,
                                                  std::size_t op_len) {
  std::string op = query.substr(0, op_len), v = query.substr(op_len);
  if (!semver::IsValid(v))
    return Fail("invalid semantic version \"" + v + "\" in range \"" + query + "\"");
  if ((op == "<=" || op == ">") && IsSemverPrefix(v))
    return Fail("ambiguous semantic version \"" + v + "\" in range \"" + query + "\"");
  QueryMatcher qm;
  if (op == "<=") qm.filter = [v](const std::string& mv) { return semver::Compare(mv, v) <= 0; };
  if (op == "<") qm.filter = [v](const std::string& mv) { return semver::Compare(mv, v) < 0; };
  if (op == ">=") qm.filter = [v](const std::string& mv) { return semver::Compare(mv, v) >= 0; };
  if (op == ">") qm.filter = [v](const std::string& mv) { return semver::Compare(mv, v) > 0; };
  qm.prefer_lower = op[0] == '>';
  qm.prefer_incompatible = !MatchesMajor(path, v);
  return qm;
}

bool Allows(const QueryMatcher& qm, const AllowedFunc& allowed, const std::string& v) {
  if (!qm.prefix.empty() && !v.starts_with(qm.prefix)) return false;
  if (qm.filter && !qm.filter(v)) return false;
  return !allowed || !allowed(v).has_value();
}

}  // namespace

mvs::Error QueryErrorFor(const std::string& path, const std::string& query, const QueryError& e) {
  if (e.kind == QueryError::kNoMatch) return mvs::Error{path, "", e.error.Message()};
  if (e.names_module || !e.error.path.empty()) return e.error;
  return mvs::Error{path, query, e.error.Message()};
}

bool IsRevisionQuery(const std::string& vers) {
  if (vers == "latest" || vers == "upgrade" || vers == "patch" || vers.starts_with("<") ||
      vers.starts_with(">"))
    return false;
  return !(semver::IsValid(vers) && IsSemverPrefix(vers));
}

std::variant<QueryMatcher, QueryError> ParseQuery(const std::string& path, const std::string& query,
                                                  const std::string& current) {
  bool no_current = current.empty() || current == "none";
  if (query.starts_with("<=") || query.starts_with(">=")) {
    auto r = ParseRange(path, query, 2);
    if (auto* qm = std::get_if<QueryMatcher>(&r))
      qm->prefer_incompatible |= current.ends_with("+incompatible");
    return r;
  }
  if (query.starts_with("<") || query.starts_with(">")) {
    auto r = ParseRange(path, query, 1);
    if (auto* qm = std::get_if<QueryMatcher>(&r))
      qm->prefer_incompatible |= current.ends_with("+incompatible");
    return r;
  }
  QueryMatcher qm;
  qm.prefer_incompatible = current.ends_with("+incompatible");
  auto not_below_current = [current](const std::string& mv) {
    return semver::Compare(mv, current) >= 0;
  };
  if (query == "latest") {
    qm.may_use_latest = true;
  } else if (query == "upgrade") {
    qm.may_use_latest = no_current || module::IsPseudoVersion(current);
    if (!no_current) qm.filter = not_below_current;
  } else if (query == "patch") {
    if (no_current)
      return Fail("can't query version \"patch\" of module " + path +
                  ": no existing version is required");
    qm.may_use_latest = module::IsPseudoVersion(current);
    qm.prefix = semver::MajorMinor(current) + ".";
    qm.filter = not_below_current;
  } else if (semver::IsValid(query)) {
    if (IsSemverPrefix(query)) {
      // "v1.2" matches v1.2.x releases, never the pre-releases below v1.2.0.
      qm.prefix = query + ".";
      qm.filter = [query](const std::string& mv) { return semver::Compare(mv, query) >= 0; };
    } else {
      qm.can_stat = true;
      qm.filter = [query](const std::string& mv) { return semver::Compare(mv, query) == 0; };
      qm.prefix = semver::Canonical(query);
    }
    qm.prefer_incompatible |= !MatchesMajor(path, query);
  } else {
    qm.revision = true;
  }
  return qm;
}

Result<FilteredVersions> FilterVersions(
    const QueryMatcher& qm, const std::vector<std::string>& versions, const AllowedFunc& allowed,
    const std::function<Result<bool>(const std::string&)>& has_go_mod) {
  FilteredVersions out;
  bool need_incompatible = qm.prefer_incompatible;
  std::string last_compatible;
  for (const std::string& v : versions) {
    if (!Allows(qm, allowed, v)) continue;
    if (!need_incompatible) {
      if (!v.ends_with("+incompatible")) {
        last_compatible = v;
      } else if (!last_compatible.empty()) {
        // A go.mod file in the highest compatible version says its author uses
        // modules: +incompatible versions above it are not upgrades.
        Result<bool> has = has_go_mod(last_compatible);
        if (!has.ok()) return has.error();
        if (has.value()) break;
        need_incompatible = true;
      }
    }
    (semver::Prerelease(v).empty() ? out.releases : out.prereleases).push_back(v);
  }
  return out;
}

namespace {

// Lookup stats the chosen version v; "upgrade" and "patch" from a pseudo-version do
// not move to a version older than it in time.
QueryResult Lookup(QueryRepo& repo, const std::string& path, const std::string& query,
                   const std::string& current, const AllowedFunc& allowed, const std::string& v) {
  Result<RevInfo> rev = repo.Stat(v);
  if (!rev.ok()) return FromRepoError(path, v, rev.error());
  if ((query == "upgrade" || query == "patch") && module::IsPseudoVersion(current)) {
    std::string err;
    std::string current_time = module::PseudoVersionTime(current, &err);
    std::string rev_time = RFC3339Digits(rev.value().time);
    if (err.empty() && !rev_time.empty() && rev_time < current_time) {
      if (allowed)
        if (auto why = allowed(current)) return QueryError{*why, QueryError::kDisallowed, true};
      Result<RevInfo> cur = repo.Stat(current);
      if (!cur.ok()) return FromRepoError(path, current, cur.error());
      return cur.value();
    }
  }
  return rev.value();
}

}  // namespace

QueryResult Query(QueryRepo& repo, const std::string& path, const std::string& query,
                  const std::string& current, const AllowedFunc& allowed) {
  if (!current.empty() && current != "none" && !semver::IsValid(current))
    return Fail("invalid previous version \"" + current + "\"");
  auto parsed = ParseQuery(path, query, current);
  if (auto* e = std::get_if<QueryError>(&parsed)) return *e;
  const QueryMatcher& qm = std::get<QueryMatcher>(parsed);
  if (qm.can_stat || qm.revision) {
    Result<RevInfo> info = repo.Stat(query);
    if (!info.ok()) {
      // A version with +metadata names the same tag as the version without it.
      std::string canonical = module::CanonicalVersion(query);
      Result<RevInfo> again = Error{""};
      if (!canonical.empty() && canonical != query) {
        again = repo.Stat(canonical);
        if (!again.ok() && !again.error().not_found)
          return FromRepoError(path, canonical, again.error());
      }
      if (!again.ok()) return FromRepoError(path, query, info.error());
      info = std::move(again);
    }
    if (allowed)
      if (auto why = allowed(info.value().version))
        return QueryError{*why, QueryError::kDisallowed, true};
    return info.value();
  }
  Result<std::vector<std::string>> versions = repo.Versions(qm.prefix);
  if (!versions.ok()) return FromRepoError(path, "", versions.error());
  Result<FilteredVersions> fv = FilterVersions(
      qm, versions.value(), allowed, [&](const std::string& v) { return repo.HasGoMod(v); });
  if (!fv.ok()) return FromRepoError(path, "", fv.error());
  const auto& [releases, prereleases] = fv.value();
  auto pick = [&](const std::vector<std::string>& vs) -> const std::string& {
    return qm.prefer_lower ? vs.front() : vs.back();
  };
  if (!releases.empty()) return Lookup(repo, path, query, current, allowed, pick(releases));
  if (!prereleases.empty()) return Lookup(repo, path, query, current, allowed, pick(prereleases));
  if (qm.may_use_latest) {
    Result<RevInfo> latest = repo.Latest();
    if (latest.ok()) {
      if (Allows(qm, allowed, latest.value().version))
        return Lookup(repo, path, query, current, allowed, latest.value().version);
    } else if (!latest.error().not_found) {
      return FromRepoError(path, "", latest.error());
    }
  }
  bool has_current = !current.empty() && current != "none";
  if ((query == "upgrade" || query == "patch") && has_current) {
    if (allowed)
      if (auto why = allowed(current)) return QueryError{*why, QueryError::kDisallowed, true};
    return Lookup(repo, path, query, current, allowed, current);
  }
  return Fail("no matching versions for query \"" + query + "\"", QueryError::kNoMatch);
}

}  // namespace gotool::modcache
