// ModuleSource's queries: path@query through GOPROXY and the main module's
// replacements, and the retractions and deprecations read from the go.mod of a
// module's latest version (modload's CheckAllowed, CheckRetractions,
// CheckDeprecation and queryLatestVersionIgnoringRetractions).
#include <algorithm>
#include <optional>

#include "modcache/download.h"
#include "modcache/modload.h"
#include "modcache/pseudo.h"
#include "modcache/semver.h"
#include "pkg/base/parallel.h"

namespace gotool::modcache {
namespace {

// ZeroTime is encoding/json's form of Go's zero time.Time.
constexpr std::string_view kZeroTime = "0001-01-01T00:00:00Z";

// TimeOfPseudo returns a pseudo-version's time in RFC 3339, or "".
std::string TimeOfPseudo(const std::string& v) {
  std::string err;
  std::string t = module::PseudoVersionTime(v, &err);
  if (!err.empty() || t.size() != 14) return "";
  return t.substr(0, 4) + "-" + t.substr(4, 2) + "-" + t.substr(6, 2) + "T" + t.substr(8, 2) + ":" +
         t.substr(10, 2) + ":" + t.substr(12, 2) + "Z";
}

}  // namespace

// SourceRepo is one module's repository as Query sees it: GOPROXY, plus the
// versions the main module's go.mod replaces (modload's replacementRepo) when it
// replaces any version of the path.
class ModuleSource::SourceRepo : public QueryRepo {
 public:
  SourceRepo(ModuleSource& src, std::string path) : src_(src), path_(std::move(path)) {
    if (src_.main_)
      for (const auto& r : src_.main_->replace)
        if (r->old_mod.path == path_) replaced_.push_back(r->old_mod.version);
  }

  Result<std::vector<std::string>> Versions(const std::string& prefix) override {
    const Result<std::vector<std::string>>& all = src_.RawVersions(path_);
    std::vector<std::string> out;
    if (!all.ok() && (replaced_.empty() || !all.error().not_found)) return all.error();
    if (all.ok())
      for (const std::string& v : all.value())
        if (v.starts_with(prefix)) out.push_back(v);
    for (const std::string& v : replaced_)
      if (!v.empty() && v.starts_with(prefix) && !module::IsPseudoVersion(v)) out.push_back(v);
    semver::Sort(&out);
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  Result<RevInfo> Stat(const std::string& rev) override {
    if (rev != module::CanonicalVersion(rev)) {
      // A revision (a branch, a +metadata version): the proxy names its version,
      // whose .info the cache then keeps, as the go command's does.
      Result<RevInfo> info = ProxyClient(src_.env_.proxy).Stat(path_, rev);
      if (!info.ok() || !module::IsCanonicalVersion(info.value().version)) return info;
      return StatVersion(src_.env_, {path_, info.value().version});
    }
    Result<RevInfo> info = StatVersion(src_.env_, {path_, rev});
    if (info.ok() || replaced_.empty()) return info;
    // A replaced version the proxy lacks exists all the same.
    std::string v = rev;
    module::SplitPath sp = module::SplitPathVersion(path_);
    if (sp.ok && sp.path_major.empty() && !module::MatchPathMajor(v, "") &&
        semver::Build(v).empty())
      v += "+incompatible";
    if (!src_.graph_ || !src_.graph_->replacements().Lookup({path_, v})) return info;
    return Replaced(v);
  }

  Result<RevInfo> Latest() override {
    Result<RevInfo> info = ProxyClient(src_.env_.proxy).Latest(path_);
    if (replaced_.empty()) return info;
    std::string highest;
    for (const std::string& v : replaced_) highest = semver::Max(highest, v);
    if (highest.empty()) {
      module::SplitPath sp = module::SplitPathVersion(path_);
      highest = module::ZeroPseudoVersion(
          sp.ok && !sp.path_major.empty() ? module::PathMajorPrefix(sp.path_major) : "v0");
    }
    if (!info.ok() || semver::Compare(highest, info.value().version) > 0) return Replaced(highest);
    return info;
  }

  Result<bool> HasGoMod(const std::string& version) override {
    return src_.HasGoMod({path_, version});
  }

 private:
  static RevInfo Replaced(const std::string& v) { return RevInfo{v, TimeOfPseudo(v), ""}; }

  ModuleSource& src_;
  std::string path_;
  std::vector<std::string> replaced_;  // old versions of the path's replacements ("" for all)
};

const module::Version* ModuleSource::AllReplaced(const std::string& path) const {
  // Lookup falls back to the replacement of every version, which {path, ""} names.
  return graph_ ? graph_->replacements().Lookup({path, ""}) : nullptr;
}

namespace {

// FetchVersions asks the proxy for path's versions, semver-sorted and unique.
Result<std::vector<std::string>> FetchVersions(const ProxyEnv& proxy, const std::string& path) {
  Result<std::vector<std::string>> vs = ProxyClient(proxy).Versions(path);
  if (vs.ok()) {
    semver::Sort(&vs.value());
    vs.value().erase(std::unique(vs.value().begin(), vs.value().end()), vs.value().end());
  }
  return vs;
}

}  // namespace

const Result<std::vector<std::string>>& ModuleSource::RawVersions(const std::string& path) {
  auto it = versions_.find(path);
  if (it != versions_.end()) return it->second;
  return versions_.emplace(path, FetchVersions(env_.proxy, path)).first->second;
}

void ModuleSource::PrefetchVersions(const std::vector<std::string>& paths) {
  std::vector<std::string> todo;
  for (const std::string& p : paths)
    if (!versions_.count(p) && std::find(todo.begin(), todo.end(), p) == todo.end())
      todo.push_back(p);
  if (todo.size() < 2) return;
  // Each worker writes only its own slots; the map is filled after the join.
  std::vector<std::optional<Result<std::vector<std::string>>>> got(todo.size());
  base::ParallelFor(todo.size(), jobs_,
                    [&](std::size_t i) { got[i].emplace(FetchVersions(env_.proxy, todo[i])); });
  for (std::size_t i = 0; i < todo.size(); ++i) versions_.emplace(todo[i], std::move(*got[i]));
}

Result<std::vector<std::string>> ModuleSource::ReplacedVersions(const std::string& path) {
  return SourceRepo(*this, path).Versions("");
}

QueryResult ModuleSource::Query(const std::string& path, const std::string& query,
                                const std::string& current, bool check_allowed) {
  // The go command's lookupRepo fails on a malformed path before any query.
  if (auto bad = module::CheckPath(path))
    return QueryError{mvs::Error{"", "", bad->Message()}, QueryError::kOther};
  SourceRepo repo(*this, path);
  AllowedFunc allowed;
  if (check_allowed)
    allowed = [this, &path](const std::string& v) { return CheckAllowed({path, v}); };
  return modcache::Query(repo, path, query, current, allowed);
}

std::optional<mvs::Error> ModuleSource::CheckAllowed(const module::Version& m) {
  if (main_)
    for (const auto& e : main_->exclude)
      if (e->mod == m) return mvs::Error{m.path, m.version, "excluded by go.mod"};
  RetractionResult r = Retraction(m);
  if (!r.retracted) return std::nullopt;
  std::string msg = "retracted by module author";
  if (!r.rationale.empty())
    msg += ": " + ShortMessage(r.rationale[0], "retracted by module author");
  return mvs::Error{m.path, m.version, msg};
}

const ModuleSource::LatestGoMod& ModuleSource::LatestSummary(const std::string& path) {
  auto it = latest_.find(path);
  if (it != latest_.end()) return it->second;
  LatestGoMod out;
  module::Version latest;
  if (const module::Version* wildcard = AllReplaced(path)) {
    latest = *wildcard;
  } else {
    QueryResult q = Query(path, "latest", "", false);
    if (auto* e = std::get_if<QueryError>(&q)) {
      out.error = *e;
      return latest_.emplace(path, std::move(out)).first->second;
    }
    latest = {path, std::get<RevInfo>(q).version};
    if (graph_) latest = graph_->replacements().Resolve(latest);
  }
  bool not_found = false;
  mvs::Result<GoModSource::GoModFile> file = RawGoMod(latest, &not_found);
  if (!file.ok()) {
    out.error =
        QueryError{file.error(), not_found ? QueryError::kNotExist : QueryError::kOther, true};
  } else {
    std::vector<modfile::Error> errs;
    out.file = modfile::ParseLax(file.value().name, file.value().data, nullptr, &errs);
    if (!out.file)
      out.error = QueryError{
          mvs::Error{latest.path, latest.version,
                     "parsing " + file.value().name + ": " + modfile::ErrorMessages(errs)},
          QueryError::kOther};
  }
  return latest_.emplace(path, std::move(out)).first->second;
}

RetractionResult ModuleSource::Retraction(const module::Version& m) {
  RetractionResult out;
  if (m.version.empty()) return out;
  // Every version replaced: the replacement's own retractions are asked separately.
  if (AllReplaced(m.path)) return out;
  const LatestGoMod& latest = LatestSummary(m.path);
  if (latest.error) {
    // Attributed to the version checked, as retractionLoadingError does.
    const QueryError& e = *latest.error;
    out.error =
        QueryError{mvs::Error{"", "",
                              "loading module retractions for " + m.path + "@" + m.version + ": " +
                                  (e.error.path.empty() ? e.error.Message() : e.error.err)},
                   e.kind};
    return out;
  }
  for (const auto& r : latest.file->retract) {
    if (semver::Compare(r->interval.low, m.version) <= 0 &&
        semver::Compare(m.version, r->interval.high) <= 0) {
      out.retracted = true;
      if (!r->rationale.empty()) out.rationale.push_back(r->rationale);
    }
  }
  return out;
}

mvs::Result<std::string> ModuleSource::Deprecation(const module::Version& m,
                                                   QueryError::Kind* kind) {
  *kind = QueryError::kOther;
  if (m.version.empty()) return std::string();
  if (AllReplaced(m.path)) return std::string();
  const LatestGoMod& latest = LatestSummary(m.path);
  if (latest.error) {
    *kind = latest.error->kind;
    return mvs::Error{"", "",
                      "loading deprecation for " + m.path + ": " + latest.error->error.Message()};
  }
  return latest.file->module ? latest.file->module->deprecated : std::string();
}

std::string ShortMessage(const std::string& message, const std::string& empty_default) {
  std::string msg = message.substr(0, message.find('\n'));
  std::size_t b = msg.find_first_not_of(" \t\r\v\f");
  if (b == std::string::npos) return empty_default;
  msg = msg.substr(b, msg.find_last_not_of(" \t\r\v\f") - b + 1);
  if (msg.size() > 500) return "(message omitted: too long)";
  for (unsigned char c : msg)
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r') || c == 0x7f)
      return "(message omitted: contains non-printable characters)";
  return msg;
}

std::string UpdateTime(const RevInfo& info) {
  return info.time.empty() ? std::string(kZeroTime) : info.time;
}

}  // namespace gotool::modcache
