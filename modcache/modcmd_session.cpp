// ModSession: the main module, go.sum and module graph of one module command.
#include "modcache/modcmd.h"

#include "modcache/cache.h"
#include "modcache/semver.h"
#include "pkg/base/atomic_file.h"

namespace gotool::modcache {
namespace {

// NoGoMods is a go.mod source that reads nothing.
class NoGoMods : public GoModSource {
 public:
  mvs::Result<GoModFile> GoMod(const module::Version& m) override {
    return mvs::Error{m.path, m.version, "not loaded"};
  }
};

}  // namespace

std::string GotoolMessage(std::string msg) {
  if (msg.starts_with("go: ")) msg = "gotool: " + msg.substr(4);
  for (std::size_t i = 0; (i = msg.find("'go ", i)) != std::string::npos; i += 8)
    msg.replace(i, 4, "'gotool ");
  return msg;
}

ModSession::ModSession(const ModRequest& req) : req_(req), env_(req.env) {}

std::string ModSession::OpenMain(bool need_root) {
  std::string root = FindModuleRoot(req_.cwd);
  if (root.empty()) {
    source_ = std::make_unique<ModuleSource>(env_, req_.cwd, &sums_);
    return need_root ? "gotool: " + std::string(kNoModRoot) : "";
  }
  Result<MainModule> mm = LoadMainModule(root, env_);
  if (!mm.ok()) return "gotool: " + mm.error().message;
  main_ = std::make_unique<MainModule>(std::move(mm.value()));
  if (std::string err = sums_.Load(main_->gosum_file); !err.empty()) return "gotool: " + err;
  env_.gosum = &sums_.sums();
  source_ = std::make_unique<ModuleSource>(env_, main_->dir, &sums_);
  source_->SetReadonly(req_.readonly);
  source_->SetJobs(req_.jobs);
  return "";
}

std::string ModSession::LoadGraph(const std::string& go_version) {
  // The roots' go.mod files are read first in any case: fetch them in parallel (as
  // the go command does), so that the graph loader finds them in the cache.
  std::vector<module::Version> roots;
  std::string rep_err;
  Replacements rep = Replacements::FromFile(*main_->file, &rep_err);
  for (const auto& r : main_->file->require) roots.push_back(rep.Resolve(r->mod));
  source_->Prefetch(roots, req_.jobs);
  ModGraphOptions opts;
  opts.go_version = go_version;
  mvs::Result<std::unique_ptr<ModuleGraph>> mg = ModuleGraph::Load(*main_->file, *source_, opts);
  if (!mg.ok()) return GotoolMessage(mg.error().Message());
  graph_ = std::move(mg.value());
  roots_only_ = false;
  source_->SetFilter(graph_.get(), main_->file.get());
  // A checksum mismatch is printed as is, without the module chain or "gotool: ".
  if (std::string fatal = sums_.fatal(); !fatal.empty()) {
    fatal = GotoolMessage(fatal);
    if (fatal.ends_with("\n")) fatal.pop_back();
    return fatal;
  }
  if (graph_->error()) return "gotool: " + *graph_->error();
  return "";
}

void ModSession::LoadRoots() {
  NoGoMods none;
  mvs::Result<std::unique_ptr<ModuleGraph>> mg = ModuleGraph::Load(*main_->file, none);
  if (mg.ok()) graph_ = std::move(mg.value());
  roots_only_ = true;
  source_->SetFilter(graph_.get(), main_->file.get());
}

void ModSession::LoadStandIn(const modfile::File& f) {
  NoGoMods none;
  mvs::Result<std::unique_ptr<ModuleGraph>> mg = ModuleGraph::Load(f, none);
  if (mg.ok()) graph_ = std::move(mg.value());
  roots_only_ = true;
}

bool ModSession::NeedFullGraph(const std::vector<std::string>& args) const {
  if (!main_) return false;
  const modfile::File& f = *main_->file;
  bool pruned = f.go && IsPrunedGoVersion(f.go->version);
  for (const std::string& arg : args) {
    if (arg == "all" || arg.find("...") != std::string::npos) return true;
    std::size_t at = arg.find('@');
    std::string path = arg.substr(0, at);
    bool root = path == f.module->mod.path;
    for (const auto& r : f.require) root |= r->mod.path == path;
    if (at != std::string::npos) {
      std::string vers = arg.substr(at + 1);
      if ((vers == "upgrade" || vers == "patch") && (!root || !pruned)) return true;
    } else if (!root || !pruned) {
      return true;
    }
  }
  return false;
}

// UpdatedGoMod returns the go.mod text that committing would write, or "" when it
// stays as it is.
std::string ModSession::UpdatedGoMod() const {
  std::string updated;
  if (graph_ && !roots_only_) return RequirementsChanged(*graph_, *main_, &updated) ? updated : "";
  const modfile::File& f = *main_->file;
  if (f.go && !f.go->version.empty()) return "";
  std::vector<modfile::Error> errs;
  auto copy = modfile::Parse(main_->gomod_file, main_->gomod_data, nullptr, &errs);
  if (!copy) return "";
  copy->AddGoStmt("1.16");
  copy->Cleanup();
  return copy->Format();
}

std::string ModSession::Commit() {
  if (!main_ || req_.readonly) return "";
  std::string updated = UpdatedGoMod();
  // The keys to keep matter only when there is something to write: a run that found
  // every sum in go.sum and leaves go.mod as it is (`list -m all` in a tidy module)
  // writes nothing, as the go command does.
  if (updated.empty() && !sums_.Added()) return "";
  const ModuleGraph* mg = roots_only_ ? nullptr : graph_.get();
  SumKeySet keep = KeepSums(mg, *main_->file);
  if (updated.empty() && !sums_.Dirty(keep)) return "";
  // The go command's side lock, which it creates whenever it rewrites these files.
  Result<cache::FileLock> side = cache::FileLock::Acquire(env_.gomodcache + "/cache/lock");
  if (!updated.empty()) {
    if (std::string err = base::WriteFileAtomic(main_->gomod_file, updated); !err.empty())
      return "gotool: " + err;
    main_->gomod_data = updated;
  }
  if (std::string err = sums_.Write(keep); !err.empty()) return "gotool: " + err;
  return "";
}

mvs::Result<RevInfo> ModSession::Query(const std::string& path, const std::string& vers,
                                       bool allow_retracted) {
  // The main module stays at its own (empty) version.
  if (main_ && path == main_->file->module->mod.path && (vers == "upgrade" || vers == "patch"))
    return RevInfo{};
  std::string current = graph_ ? graph_->graph().Selected(path) : std::string(mvs::kNone);
  // A query naming one version may select an excluded or retracted one.
  bool check_allowed = !IsRevisionQuery(vers) && !allow_retracted;
  QueryResult q = source_->Query(path, vers, current, check_allowed);
  if (auto* e = std::get_if<QueryError>(&q)) return QueryErrorFor(path, vers, *e);
  return std::get<RevInfo>(q);
}

}  // namespace gotool::modcache
