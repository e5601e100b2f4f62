// Loading the module graph (pruned and unpruned), making its roots consistent, and
// printing it as `go mod graph` does.
#include "modcache/graph.h"

#include <algorithm>
#include <deque>

#include "modcache/semver.h"

namespace gotool::modcache {

namespace {

using Key = std::pair<std::string, std::string>;
Key KeyOf(const module::Version& m) { return {m.path, m.version}; }

}  // namespace

bool IsPrunedGoVersion(const std::string& go_version) {
  return !go_version.empty() && semver::Compare("v" + go_version, "v1.17") >= 0;
}

// Replacements.

Replacements Replacements::FromFile(const modfile::File& f, std::string* error) {
  Replacements r;
  for (const auto& rep : f.replace) {
    if (rep->old_mod.path.empty()) continue;  // removed by an edit
    auto [it, added] = r.map_.emplace(KeyOf(rep->old_mod), rep->new_mod);
    if (!added && !(it->second == rep->new_mod) && error && error->empty()) {
      *error = "go: conflicting replacements for " + rep->old_mod.String() + ":\n\t" +
               it->second.String() + "\n\t" + rep->new_mod.String();
    }
    it->second = rep->new_mod;
  }
  return r;
}

const module::Version* Replacements::Lookup(const module::Version& m) const {
  if (map_.empty()) return nullptr;  // most main modules replace nothing
  auto it = map_.find(m);
  if (it == map_.end()) it = map_.find(module::VersionKeyLess::View{m.path, ""});
  return it == map_.end() ? nullptr : &it->second;
}

module::Version Replacements::Resolve(const module::Version& m) const {
  const module::Version* r = Lookup(m);
  return r ? *r : m;
}

// Loader holds the state of one Load: the summaries read so far (shared by every
// re-read of the graph) and the main module's excludes.
struct ModuleGraph::Loader {
  ModuleGraph& mg;
  GoModSource& src;
  std::set<Key, module::VersionKeyLess> exclude;
  // errs holds goModSummary's failures by requested module.
  std::map<Key, mvs::Error, module::VersionKeyLess> errs;

  const mvs::Result<ModSummary>& RawSummary(const module::Version& actual);
  mvs::Result<const ModSummary*> Summary(const module::Version& m);
  std::optional<mvs::Error> Read(bool pruned, const mvs::VersionList& roots);
  bool AllRootsSelected() const;
  std::optional<mvs::Error> UpdatePrunedRoots();
  std::optional<mvs::Error> UpdateUnprunedRoots(bool pruned);
};

const mvs::Result<ModSummary>& ModuleGraph::Loader::RawSummary(const module::Version& actual) {
  if (auto it = mg.raw_.find(actual); it != mg.raw_.end()) return it->second;
  auto file = src.GoMod(actual);
  mvs::Result<ModSummary> result = mvs::Error{};
  if (!file.ok()) {
    result = file.error();
  } else {
    std::vector<modfile::Error> errs;
    auto f = modfile::ParseLax(file.value().name, file.value().data, nullptr, &errs);
    if (!f) {
      result = mvs::Error{actual.path, actual.version,
                          "parsing " + file.value().name + ": " + modfile::ErrorMessages(errs)};
    } else {
      // (f is dropped next: its strings move into the summary.)
      ModSummary s;
      if (f->module) {
        s.module = std::move(f->module->mod);
        s.deprecated = std::move(f->module->deprecated);
      }
      if (f->go) s.go_version = std::move(f->go->version);
      s.pruned = IsPrunedGoVersion(s.go_version);
      s.require.reserve(f->require.size());
      for (const auto& r : f->require) s.require.push_back(std::move(r->mod));
      for (const auto& r : f->retract) s.retract.push_back(std::move(r->interval));
      result = std::move(s);
    }
  }
  return mg.raw_.emplace(KeyOf(actual), std::move(result)).first->second;
}

// Summary returns the summary of m's go.mod (its replacement's), checked against m
// and without excluded requirements; it points into the graph, which keeps it.
mvs::Result<const ModSummary*> ModuleGraph::Loader::Summary(const module::Version& m) {
  const module::Version* replacement = mg.replace_.Lookup(m);
  const module::Version& actual = replacement ? *replacement : m;
  const mvs::Result<ModSummary>& raw_summary = RawSummary(actual);
  if (!raw_summary.ok()) return raw_summary.error();
  const ModSummary& s = raw_summary.value();
  if (!actual.version.empty()) {
    // A directory replacement may declare any path; a versioned module may not.
    if (s.module.path.empty()) {
      return mvs::Error{actual.path, actual.version, "parsing go.mod: missing module line"};
    }
    if (s.module.path != m.path && s.module.path != actual.path) {
      return mvs::Error{actual.path, actual.version,
                        "parsing go.mod:\n\tmodule declares its path as: " + s.module.path +
                            "\n\t        but was required as: " + m.path};
    }
  }
  auto excluded = [&](const module::Version& r) { return exclude.count(r) > 0; };
  if (exclude.empty() || std::none_of(s.require.begin(), s.require.end(), excluded)) return &s;
  ModSummary& f = mg.filtered_.emplace_back(s);
  std::erase_if(f.require, excluded);
  return &f;
}

// Read loads the graph from roots: a pruned module's requirements are followed
// only when it does not itself prune (go < 1.17); an unpruned one's all the way.
std::optional<mvs::Error> ModuleGraph::Loader::Read(bool pruned, const mvs::VersionList& roots) {
  auto graph = std::make_unique<mvs::Graph>(
      [](const std::string& a, const std::string& b) { return mvs::CmpVersion(a, b); },
      mvs::VersionList{mg.main_});
  graph->Require(mg.main_, roots);
  using KeySet = std::set<Key, module::VersionKeyLess>;
  KeySet loaded, failed, loading_unpruned;
  // Insert adds m to set, copying its strings only when it is new.
  auto insert = [](KeySet& set, const module::Version& m) {
    auto it = set.lower_bound(m);
    if (it != set.end() && !set.key_comp()(m, *it)) return false;
    set.emplace_hint(it, KeyOf(m));
    return true;
  };
  std::deque<std::pair<module::Version, bool>> queue;  // (module, pruned)
  auto enqueue = [&](const module::Version& m, bool p) {
    if (m.version == mvs::kNone) return;
    if (!p && !insert(loading_unpruned, m)) return;  // cycles
    queue.emplace_back(m, p);
  };
  for (const auto& m : roots) enqueue(m, pruned);
  while (!queue.empty()) {
    auto [m, p] = std::move(queue.front());
    queue.pop_front();
    auto s = Summary(m);
    bool first = insert(loaded, m);
    if (first && !s.ok()) {
      failed.insert(KeyOf(m));
      errs.insert_or_assign(KeyOf(m), s.error());
    }
    if (!s.ok()) continue;
    const ModSummary& sum = *s.value();
    if (!p || !sum.pruned) {
      bool next = p ? sum.pruned : false;
      for (const auto& r : sum.require) enqueue(r, next);
    }
    if (first) {
      graph->Require(m, sum.require);
      mg.summaries_.insert_or_assign(KeyOf(m), &sum);
    }
  }
  mg.graph_ = std::move(graph);
  mg.roots_ = roots;
  if (failed.empty()) return std::nullopt;
  mvs::VersionList path =
      mg.graph_->FindPath([&](const module::Version& m) { return failed.count(m) > 0; });
  mvs::BuildListError e = mvs::NewBuildListError(errs.find(path.back())->second, path);
  return mvs::Error{"", "", e.Message()};
}

bool ModuleGraph::Loader::AllRootsSelected() const {
  for (const auto& m : mg.roots_) {
    if (mg.graph_->Selected(m.path) != m.version) return false;
  }
  return true;
}

// UpdatePrunedRoots raises each root to its selected version and re-reads the
// graph until that changes nothing (newly followed requirements may raise more).
std::optional<mvs::Error> ModuleGraph::Loader::UpdatePrunedRoots() {
  for (;;) {
    mvs::VersionList roots;
    std::set<std::string> seen{mg.main_.path};
    bool upgraded = false;
    for (const auto& m : mg.roots_) {
      if (!seen.insert(m.path).second) continue;
      std::string v = mg.graph_->Selected(m.path);
      roots.push_back({m.path, v});
      upgraded |= v != m.version;
    }
    if (!upgraded) {
      mg.roots_ = roots;  // duplicates dropped
      return std::nullopt;
    }
    if (auto err = Read(true, roots)) return err;
  }
}

namespace {

// RootsReqs answers the main module's requirements with a fixed list and every
// other module's with its go.mod summary.
class RootsReqs : public mvs::Reqs {
 public:
  using SummaryFunc = std::function<mvs::Result<const ModSummary*>(const module::Version&)>;
  RootsReqs(module::Version main, mvs::VersionList roots, SummaryFunc summary)
      : main_(std::move(main)), roots_(std::move(roots)), summary_(std::move(summary)) {}
  mvs::Result<mvs::VersionList> Required(const module::Version& m) override {
    if (m == main_) return roots_;
    if (m.version == mvs::kNone) return mvs::VersionList{};
    auto s = summary_(m);
    if (!s.ok()) return s.error();
    return s.value()->require;
  }
  std::string Max(const std::string& v1, const std::string& v2) override {
    return mvs::CmpVersion(v1, v2) < 0 ? v2 : v1;
  }

 private:
  module::Version main_;
  mvs::VersionList roots_;
  SummaryFunc summary_;
};

}  // namespace

// UpdateUnprunedRoots keeps the selected roots and the direct requirements and
// adds the minimal set of others (mvs::Req) that reproduces the build list.
std::optional<mvs::Error> ModuleGraph::Loader::UpdateUnprunedRoots(bool pruned) {
  std::vector<std::string> root_paths;
  std::set<std::string> in_root_paths;
  for (const auto& r : mg.roots_) {
    if (!in_root_paths.count(r.path) && mg.graph_->Selected(r.path) == r.version) {
      root_paths.push_back(r.path);
      in_root_paths.insert(r.path);
    }
  }
  mvs::VersionList keep = mg.graph_->BuildList();
  keep.erase(keep.begin());
  for (const auto& m : keep) {
    if (mg.direct_.count(m.path) && in_root_paths.insert(m.path).second)
      root_paths.push_back(m.path);
  }
  RootsReqs reqs(mg.main_, keep, [this](const module::Version& m) { return Summary(m); });
  auto min = mvs::Req(mg.main_, root_paths, reqs);
  if (!min.ok()) return min.error();
  return Read(pruned, min.value());
}

mvs::Result<std::unique_ptr<ModuleGraph>> ModuleGraph::Load(const modfile::File& main,
                                                            GoModSource& src,
                                                            const ModGraphOptions& opts) {
  auto mg = std::unique_ptr<ModuleGraph>(new ModuleGraph());
  if (main.module) mg->main_ = {main.module->mod.path, ""};
  std::string replace_err;
  mg->replace_ = Replacements::FromFile(main, &replace_err);
  if (!replace_err.empty()) return mvs::Error{"", "", replace_err};
  Loader ld{*mg, src, {}, {}};
  for (const auto& e : main.exclude) ld.exclude.insert(KeyOf(e->mod));

  mvs::VersionList roots;
  for (const auto& r : main.require) {
    if (r->mod.path.empty()) continue;
    if (ld.exclude.count(r->mod)) {
      mg->warnings_.push_back(std::string(opts.build_mod_mod ? "go: dropping" : "go: ignoring") +
                              " requirement on excluded version " + r->mod.path + " " +
                              r->mod.version);
      continue;
    }
    roots.push_back(r->mod);
    if (!r->indirect) mg->direct_.insert(r->mod.path);
  }
  module::Sort(&roots);
  if (main.go) mg->main_go_version_ = main.go->version;
  bool pruned = IsPrunedGoVersion(mg->main_go_version_);
  mg->go_mod_roots_ = roots;
  mg->pruned_ = pruned;

  if (!opts.go_version.empty()) {
    // As another Go version reads it: unpruned if that version is older, roots as written.
    if (!IsPrunedGoVersion(opts.go_version)) pruned = false;
    if (auto err = ld.Read(pruned, roots)) mg->error_ = err->Message();
    return mg;
  }
  auto err = ld.Read(pruned, roots);
  if (!err && !ld.AllRootsSelected()) {
    err = pruned ? ld.UpdatePrunedRoots() : ld.UpdateUnprunedRoots(pruned);
  }
  if (err) mg->error_ = err->Message();
  mg->roots_changed_ = mg->roots_ != roots;
  return mg;
}

const ModSummary* ModuleGraph::Summary(const module::Version& m) const {
  auto it = summaries_.find(m);
  return it == summaries_.end() ? nullptr : it->second;
}

std::string FormatModGraph(const ModuleGraph& mg) {
  std::string out;
  // Version::String, appended in place.
  auto append = [&out](const module::Version& v) {
    out += v.path;
    if (!v.version.empty()) out.append("@").append(v.version);
  };
  mg.graph().WalkBreadthFirst([&](const module::Version& m) {
    const mvs::VersionList* reqs = mg.graph().RequiredBy(m);
    if (!reqs) return;
    for (const auto& r : *reqs) {
      append(m);
      out += ' ';
      append(r);
      out += '\n';
    }
  });
  return out;
}

}  // namespace gotool::modcache
