// Loading the main module: go.mod lookup and parsing, go.sum state, and the module
// cache and GOPROXY as the source of go.mod files, times and version lists.
#include "modcache/modload.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "modcache/cache.h"
#include "modcache/dirhash.h"
#include "modcache/modedit.h"
#include "modcache/pseudo.h"
#include "modcache/semver.h"
#include "pkg/base/atomic_file.h"
#include "pkg/base/parallel.h"

namespace gotool::modcache {
namespace {

bool IsFile(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool Exists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

mvs::Error AsModError(const module::Version& m, const Error& e) {
  // Download errors already name the module ("P@V: ..."), as Go's VersionError does.
  std::string prefix = m.path + "@" + m.version + ": ";
  if (e.message.starts_with(prefix)) return {m.path, m.version, e.message.substr(prefix.size())};
  return {"", "", e.message};
}

}  // namespace

std::string FindModuleRoot(const std::string& cwd) {
  std::string dir = cwd;
  for (;;) {
    if (IsFile(dir + "/go.mod")) return dir;
    if (dir == "/" || dir.empty()) return "";
    std::size_t slash = dir.find_last_of('/');
    dir = slash == 0 ? "/" : dir.substr(0, slash);
  }
}

namespace {

// Fixer returns the go command's fixVersion: canonical versions pass, any
// other is resolved by the proxy (its .info), else reported with the proxy's error.
modfile::VersionFixer Fixer(const DownloadEnv& env) {
  return [&env](const std::string& path, const std::string& vers, std::string* error) {
    if (module::IsCanonicalVersion(vers)) return vers;
    (void)cache::CheckCacheDir(env.gomodcache);  // as the go command's lookup does
    Result<RevInfo> info = ProxyClient(env.proxy).Stat(path, vers);
    if (info.ok()) return info.value().version;
    std::string msg = info.error().message;
    std::string prefix = path + "@" + vers + ": ";
    if (msg.starts_with(prefix)) msg = msg.substr(prefix.size());
    if (msg.starts_with("invalid version: ")) msg = msg.substr(17);
    *error = module::InvalidVersionError{vers, false, msg}.Message();
    return std::string();
  };
}

}  // namespace

Result<MainModule> LoadMainModule(const std::string& dir, const DownloadEnv& env) {
  MainModule mm;
  mm.dir = dir;
  mm.gomod_file = (dir == "/" ? "" : dir) + "/go.mod";
  mm.gosum_file = (dir == "/" ? "" : dir) + "/go.sum";
  Result<std::string> data = cache::ReadFile(mm.gomod_file);
  if (!data.ok()) return data.error();
  mm.gomod_data = std::move(data.value());
  std::vector<modfile::Error> errs;
  mm.file = modfile::Parse(mm.gomod_file, mm.gomod_data, Fixer(env), &errs);
  if (!mm.file) return Error{"errors parsing go.mod:\n" + modfile::ErrorMessages(errs)};
  if (!mm.file->module) {
    return Error{"error reading " + mm.gomod_file + ": missing module declaration. To specify " +
                 "the module path:\n\tgotool mod edit -module=example.com/mod"};
  }
  return mm;
}

// SumState.

std::string SumState::Load(const std::string& file) {
  file_ = file;
  Result<std::string> data = cache::ReadFile(file);
  if (!data.ok()) return data.error().not_found || !Exists(file) ? "" : data.error().message;
  return ReadGoSum(file, data.value(), &sums_);
}

void SumState::Use(const module::Version& key, const std::string& h) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = sums_.find(key);
  if (it != sums_.end() && std::find(it->second.begin(), it->second.end(), h) != it->second.end())
    return;
  std::vector<std::string>& added = added_[key];
  if (std::find(added.begin(), added.end(), h) == added.end()) added.push_back(h);
}

bool SumState::Dirty(const SumKeySet& keep) {
  std::lock_guard<std::mutex> lock(mu_);
  bool dirty = false;
  for (const auto& [key, hashes] : added_) dirty |= !hashes.empty() && keep.count(key) > 0;
  return dirty && !file_.empty();
}

bool SumState::Added() {
  std::lock_guard<std::mutex> lock(mu_);
  return !added_.empty();
}

void SumState::SetFatal(const std::string& msg) {
  std::lock_guard<std::mutex> lock(mu_);
  if (fatal_.empty()) fatal_ = msg;
}

std::string SumState::fatal() {
  std::lock_guard<std::mutex> lock(mu_);
  return fatal_;
}

std::string SumState::Write(const SumKeySet& keep) {
  if (!Dirty(keep)) return "";
  std::lock_guard<std::mutex> lock(mu_);
  // Other processes may have added sums meanwhile: start from the file as it is now.
  GoSum now;
  if (Result<std::string> data = cache::ReadFile(file_); data.ok())
    ReadGoSum(file_, data.value(), &now);
  for (const auto& [key, hashes] : added_) {
    if (!keep.count(key)) continue;
    for (const std::string& h : hashes) now[key].push_back(h);
  }
  if (std::string err = base::WriteFileAtomic(file_, FormatGoSum(now)); !err.empty())
    return "updating go.sum: " + err;
  for (const auto& [key, hashes] : added_)
    if (keep.count(key)) sums_[key].insert(sums_[key].end(), hashes.begin(), hashes.end());
  added_.clear();
  return "";
}

// ModuleSource.

mvs::Result<GoModSource::GoModFile> ModuleSource::GoMod(const module::Version& m) {
  if (m.version.empty()) {
    std::string dir = m.path.starts_with("/") ? m.path : main_dir_ + "/" + m.path;
    std::string name = std::filesystem::path(dir + "/go.mod").lexically_normal().string();
    Result<std::string> data = cache::ReadFile(name);
    if (!data.ok()) {
      // As lockedfile.Read's error: "open /abs/dir/go.mod: no such file or directory".
      return mvs::Error{m.path, "",
                        "reading " + ShortPath(main_dir_, name) + ": " + data.error().message};
    }
    return GoModFile{ShortPath(main_dir_, name), data.value()};
  }
  if (readonly_ && !sums_->Have({m.path, m.version + "/go.mod"})) {
    return mvs::Error{m.path, m.version,
                      "missing go.sum entry; to add it:\n\tgotool mod download " + m.path};
  }
  return RawGoMod(m);
}

// RawGoMod reads m's go.mod whatever the mode (the go command's rawGoModSummary, used
// for retractions and +incompatible checks).
mvs::Result<GoModSource::GoModFile> ModuleSource::RawGoMod(const module::Version& m,
                                                           bool* not_found) {
  if (m.version.empty()) return GoMod(m);
  std::string hash;
  bool verified = false;
  Result<std::string> data = Error{""};
  if (auto node = prefetched_.extract(m)) {
    // Read once: the graph keeps what it needs, and a second read goes to the cache.
    data = CheckGoMod(env_, m, node.mapped(), &verified);
    if (data.ok()) {
      hash = std::move(data.value());
      data = std::move(node.mapped());
    }
  } else {
    data = modcache::GoModFile(env_, m, &hash);
  }
  if (!data.ok()) {
    if (data.error().message.find("SECURITY ERROR") != std::string::npos)
      sums_->SetFatal(data.error().message);
    if (not_found) *not_found = data.error().not_found;
    return AsModError(m, data.error());
  }
  // A hash found in the sums Use would look in needs no recording.
  if (!verified || env_.gosum != &sums_->sums()) sums_->Use({m.path, m.version + "/go.mod"}, hash);
  return GoModSource::GoModFile{"go.mod", std::move(data.value())};
}

void ModuleSource::Prefetch(const std::vector<module::Version>& all, int jobs) {
  std::vector<module::Version> mods;  // those not in the cache yet
  for (const module::Version& m : all) {
    if (m.version.empty()) continue;
    if (readonly_ && !sums_->Have({m.path, m.version + "/go.mod"})) continue;  // not read
    Result<std::string> file = cache::CachePath(env_.gomodcache, m, "mod");
    if (!file.ok()) continue;  // GoMod reports it
    if (Result<std::string> data = cache::ReadCacheFile(file.value()); data.ok())
      prefetched_.emplace(m, std::move(data.value()));
    else
      mods.push_back(m);
  }
  if (mods.size() < 2) return;
  base::ParallelFor(mods.size(), jobs,
                    [&](std::size_t i) { (void)modcache::GoModFile(env_, mods[i]); });
}

mvs::Result<std::string> ModuleSource::Time(const module::Version& m) {
  Result<RevInfo> info = StatVersion(env_, m);
  if (!info.ok()) return AsModError(m, info.error());
  return UpdateTime(info.value());
}

std::string ModuleSource::GoModPath(const module::Version& m) {
  (void)cache::CheckCacheDir(env_.gomodcache);
  if (readonly_ && !sums_->Have({m.path, m.version + "/go.mod"})) return "";
  Result<std::string> p = cache::CachePath(env_.gomodcache, m, "mod");
  return p.ok() && IsFile(p.value()) ? p.value() : "";
}

std::string ModuleSource::Dir(const module::Version& m) {
  (void)cache::CheckCacheDir(env_.gomodcache);
  if (readonly_ && !sums_->Have(m)) return "";
  Result<std::string> p = cache::ModuleDir(env_.gomodcache, m);
  return p.ok() && Exists(p.value()) ? p.value() : "";
}

std::string ModuleSource::AbsDir(const std::string& dir) {
  if (dir.starts_with("/")) return dir;
  return std::filesystem::path(main_dir_ + "/" + dir).lexically_normal().string();
}

mvs::Result<std::vector<std::string>> ModuleSource::Versions(const std::string& path,
                                                             bool retracted) {
  // The main module's replaced versions count (modload's replacementRepo).
  Result<std::vector<std::string>> vs = ReplacedVersions(path);
  if (!vs.ok()) return AsModError({path, ""}, vs.error());
  std::vector<std::string> allowed;
  for (const std::string& v : vs.value()) {
    bool excluded = false;
    if (main_)
      for (const auto& e : main_->exclude) excluded |= e->mod.path == path && e->mod.version == v;
    if (!excluded && (retracted || !Retraction({path, v}).retracted)) allowed.push_back(v);
  }
  return allowed;
}

bool ModuleSource::HasGoMod(const module::Version& m) {
  mvs::Result<GoModSource::GoModFile> f = RawGoMod(m);
  if (!f.ok()) return false;
  return f.value().data != "module " + modfile::AutoQuote(m.path) + "\n";
}

// Sums and go.mod updates.

SumKeySet KeepSums(const ModuleGraph* mg, const modfile::File& main) {
  SumKeySet keep;
  auto add = [&](const module::Version& m, bool zip) {
    if (m.version.empty()) return;  // directory replacements have no sums
    keep.insert({m.path, m.version + "/go.mod"});
    if (zip) keep.insert(m);
  };
  if (mg == nullptr) {
    std::string err;
    Replacements rep = Replacements::FromFile(main, &err);
    for (const auto& r : main.require) add(rep.Resolve(r->mod), true);
    return keep;
  }
  mg->graph().WalkBreadthFirst([&](const module::Version& m) {
    if (mg->graph().RequiredBy(m)) {
      module::Version r = mg->replacements().Resolve(m);
      if (!r.version.empty()) keep.insert({r.path, r.version + "/go.mod"});
    }
  });
  for (const module::Version& m : mg->BuildList()) {
    if (m.version.empty()) continue;
    module::Version r = mg->replacements().Resolve(m);
    if (!r.version.empty()) keep.insert(r);
  }
  return keep;
}

namespace {

bool NoComments(const modfile::Comments& c) {
  return c.before.empty() && c.suffix.empty() && c.after.empty();
}

// KeepsLayout reports, without parsing go.mod again, the commonest case in which
// writing the graph's roots back leaves it as it is: go 1.17 or later; the roots
// exactly go.mod's requirements, unique and all direct; those in the file's only
// block, a require block of two lines or more without any comment, sorted; no
// duplicate exclude or replace. SetRequireSeparateIndirect then moves every line to
// the end of that same block, adds an empty indirect block, and SortBlocks and
// Cleanup restore the original order and drop the empty block.
bool KeepsLayout(const ModuleGraph& mg, const modfile::File& f) {
  if (!f.go || !IsPrunedGoVersion(f.go->version) || mg.roots_changed()) return false;
  // Sorted lists of views stand for sets: a duplicate root makes the lists differ,
  // which only sends the caller the slow way.
  using View = module::VersionKeyLess::View;
  auto sorted_unique = [](std::vector<View>* v) {
    std::sort(v->begin(), v->end());
    return std::adjacent_find(v->begin(), v->end()) == v->end();
  };
  std::vector<View> reqs, roots, seen;
  reqs.reserve(f.require.size());
  for (const auto& r : f.require) {
    if (r->indirect) return false;
    reqs.emplace_back(r->mod.path, r->mod.version);
  }
  roots.reserve(mg.roots().size());
  for (const auto& m : mg.roots()) roots.emplace_back(m.path, m.version);
  if (!sorted_unique(&reqs) || !sorted_unique(&roots) || roots != reqs) return false;
  for (const auto& x : f.exclude) seen.emplace_back(x->mod.path, x->mod.version);
  if (!sorted_unique(&seen)) return false;
  seen.clear();
  for (const auto& r : f.replace) seen.emplace_back(r->old_mod.path, r->old_mod.version);
  if (!sorted_unique(&seen)) return false;
  const modfile::LineBlock* block = nullptr;
  for (const modfile::Stmt& s : f.syntax->stmt) {
    if (auto* lp = std::get_if<std::shared_ptr<modfile::Line>>(&s)) {
      if (!(*lp)->token.empty() && (*lp)->token[0] == "require") return false;
    } else if (auto* bp = std::get_if<std::shared_ptr<modfile::LineBlock>>(&s)) {
      if (block != nullptr || (*bp)->token.empty() || (*bp)->token[0] != "require") return false;
      block = bp->get();
    }
  }
  if (block == nullptr || block->line.size() < 2 || block->line.size() != f.require.size() ||
      !NoComments(block->comments) || !NoComments(block->lparen.comments) ||
      !NoComments(block->rparen.comments))
    return false;
  for (std::size_t i = 0; i < block->line.size(); ++i) {
    const modfile::Line& l = *block->line[i];
    if (!NoComments(l.comments) || l.token.size() != 2) return false;
    if (i > 0 && l.token < block->line[i - 1]->token) return false;  // SortBlocks' order
  }
  return true;
}

// Dirty reports whether after differs from before in what the go command's
// modFileIndex.modFileIsDirty compares: the go version, the set of requirements
// with their indirect marks, the replacements and the exclusions. Layout does not
// count: a go.mod whose blocks are out of order, say, is rewritten (sorted) only when
// its content changes too.
bool Dirty(const modfile::File& before, const modfile::File& after) {
  if (!before.go || !after.go || before.go->version != after.go->version) return true;
  if (before.require.size() != after.require.size() ||
      before.replace.size() != after.replace.size() ||
      before.exclude.size() != after.exclude.size())
    return true;
  std::map<module::Version, bool, module::VersionKeyLess> indirect;
  for (const auto& r : before.require) indirect[r->mod] = r->indirect;
  for (const auto& r : after.require) {
    auto it = indirect.find(r->mod);
    if (it == indirect.end() || it->second != r->indirect) return true;
  }
  std::map<module::Version, module::Version, module::VersionKeyLess> replacement;
  for (const auto& r : before.replace) replacement[r->old_mod] = r->new_mod;
  for (const auto& r : after.replace) {
    auto it = replacement.find(r->old_mod);
    if (it == replacement.end() || it->second != r->new_mod) return true;
  }
  std::set<module::Version, module::VersionKeyLess> excluded;
  for (const auto& x : before.exclude) excluded.insert(x->mod);
  for (const auto& x : after.exclude)
    if (!excluded.contains(x->mod)) return true;
  return false;
}

}  // namespace

bool RequirementsChanged(const ModuleGraph& mg, const MainModule& main, std::string* updated) {
  if (KeepsLayout(mg, *main.file)) return false;
  std::vector<modfile::Error> errs;
  auto f = modfile::Parse(main.gomod_file, main.gomod_data, nullptr, &errs);
  if (!f) return false;
  std::string before = f->Format();
  std::vector<modfile::Require> list;
  for (const module::Version& m : mg.roots()) {
    modfile::Require r;
    r.mod = m;
    r.indirect = !mg.IsDirect(m.path);
    list.push_back(r);
  }
  if (!f->go || f->go->version.empty()) f->AddGoStmt("1.16");
  if (semver::Compare("v" + f->go->version, "v1.17") < 0)
    f->SetRequire(list);
  else
    f->SetRequireSeparateIndirect(list);
  f->Cleanup();
  if (!Dirty(*main.file, *f)) return false;
  *updated = f->Format();
  return *updated != before;
}

}  // namespace gotool::modcache
