// Minimal version selection: the requirement graph, BuildList, Req, Upgrade, Downgrade.
#include "modcache/mvs.h"

#include <algorithm>
#include <deque>
#include <string_view>

#include "modcache/semver.h"

namespace gotool::modcache::mvs {

namespace {

using Key = std::pair<std::string, std::string>;
Key KeyOf(const module::Version& m) { return {m.path, m.version}; }

// UpgradeFunc maps a visited module to the version it is upgraded to (itself to
// keep it).
using UpgradeFunc = std::function<Result<module::Version>(const module::Version&)>;

// OverrideReqs answers Required(target) with a fixed list and defers the rest.
class OverrideReqs : public Reqs {
 public:
  OverrideReqs(module::Version target, VersionList list, Reqs& base)
      : target_(std::move(target)), list_(std::move(list)), base_(base) {}
  Result<VersionList> Required(const module::Version& m) override {
    if (m == target_) return list_;
    return base_.Required(m);
  }
  std::string Max(const std::string& v1, const std::string& v2) override {
    return base_.Max(v1, v2);
  }

 private:
  module::Version target_;
  VersionList list_;
  Reqs& base_;
};

// ReqsCmp turns a Reqs' Max into a three-way comparison.
Graph::Cmp ReqsCmp(Reqs& reqs) {
  return [&reqs](const std::string& v1, const std::string& v2) {
    if (reqs.Max(v1, v2) != v1) return -1;
    if (reqs.Max(v2, v1) != v2) return 1;
    return 0;
  };
}

// BuildListWith walks the graph from targets (breadth-first; the go command does
// it in parallel, which changes nothing in the result) and selects the maximum
// version of each path. upgrade, when set, adds an edge m -> upgrade(m).
BuildResult BuildListWith(const VersionList& targets, Reqs& reqs, const UpgradeFunc& upgrade) {
  Graph g(ReqsCmp(reqs), targets);
  std::map<Key, module::Version> upgrades;
  std::map<Key, Error> errs;
  std::set<Key> queued;
  std::deque<module::Version> work;
  for (const auto& t : targets) {
    if (queued.insert(KeyOf(t)).second) work.push_back(t);
  }
  while (!work.empty()) {
    module::Version m = work.front();
    work.pop_front();
    VersionList required;
    std::optional<Error> err;
    if (m.version != kNone) {
      auto r = reqs.Required(m);
      if (r.ok())
        required = r.value();
      else
        err = r.error();
    }
    module::Version u = m;
    if (upgrade) {
      auto up = upgrade(m);
      if (up.ok())
        u = up.value();
      else if (!err)
        err = up.error();
    }
    if (err) errs.emplace(KeyOf(m), *err);
    if (!(u == m)) {
      upgrades[KeyOf(m)] = u;
      required.insert(required.begin(), u);
    }
    g.Require(m, required);
    for (const auto& r : required) {
      if (queued.insert(KeyOf(r)).second) work.push_back(r);
    }
  }
  if (!errs.empty()) {
    VersionList path =
        g.FindPath([&](const module::Version& m) { return errs.count(KeyOf(m)) > 0; });
    auto is_upgrade = [&](const module::Version& from, const module::Version& to) {
      auto it = upgrades.find(KeyOf(from));
      return it != upgrades.end() && it->second == to;
    };
    return NewBuildListError(errs.at(KeyOf(path.back())), path, is_upgrade);
  }
  return g.BuildList();
}

}  // namespace

std::string Error::Message() const {
  if (path.empty()) return err;
  if (!version.empty()) return path + "@" + version + ": " + err;
  return "module " + path + ": " + err;
}

int CmpVersion(std::string_view v1, std::string_view v2) {
  if (v2.empty()) return v1.empty() ? 0 : -1;
  if (v1.empty()) return 1;
  return semver::Compare(v1, v2);
}

// Graph.

Graph::Graph(Cmp cmp, VersionList roots) : cmp_(std::move(cmp)), roots_(std::move(roots)) {
  for (const auto& m : roots_) Select(m);
}

void Graph::Select(const module::Version& m) {
  auto it = selected_.lower_bound(m.path);
  if (it == selected_.end() || it->first != m.path) {
    if (cmp_(std::string(kNone), m.version) < 0) selected_.emplace_hint(it, m.path, m.version);
  } else if (cmp_(it->second, m.version) < 0) {
    it->second = m.version;
  }
}

void Graph::Require(const module::Version& m, VersionList reqs) {
  for (const auto& dep : reqs) Select(dep);
  required_.emplace(KeyOf(m), std::move(reqs));
}

const VersionList* Graph::RequiredBy(const module::Version& m) const {
  auto it = required_.find(m);
  return it == required_.end() ? nullptr : &it->second;
}

std::string Graph::Selected(const std::string& path) const {
  auto it = selected_.find(path);
  return it == selected_.end() ? std::string(kNone) : it->second;
}

VersionList Graph::BuildList() const {
  std::set<std::string_view> seen_root;  // views into roots_
  VersionList list;
  list.reserve(selected_.size());
  for (const auto& r : roots_) {
    if (!seen_root.insert(r.path).second) continue;  // a duplicate root path
    auto it = selected_.find(r.path);
    if (it != selected_.end() && it->second != kNone) list.push_back({r.path, it->second});
  }
  // selected_ holds each path once, in byte order: module::Sort's order already.
  for (const auto& [path, version] : selected_) {
    if (!seen_root.count(path)) list.push_back({path, version});
  }
  return list;
}

void Graph::WalkBreadthFirst(const std::function<void(const module::Version&)>& f) const {
  // Views and pointers into roots_ and required_, which the walk does not change:
  // copying every path into the queue and the set cost more than the walk itself.
  using View = std::pair<std::string_view, std::string_view>;
  std::deque<const module::Version*> queue;
  std::set<View> enqueued;
  auto enqueue = [&](const module::Version& m) {
    if (m.version != kNone && enqueued.insert({m.path, m.version}).second) queue.push_back(&m);
  };
  for (const auto& m : roots_) enqueue(m);
  while (!queue.empty()) {
    const module::Version& m = *queue.front();
    queue.pop_front();
    f(m);
    if (const VersionList* reqs = RequiredBy(m)) {
      for (const auto& r : *reqs) enqueue(r);
    }
  }
}

VersionList Graph::FindPath(const std::function<bool(const module::Version&)>& f) const {
  // first_required[a] = b: in breadth-first order, a was first required by b.
  std::map<Key, std::optional<module::Version>> first_required;
  std::deque<module::Version> queue(roots_.begin(), roots_.end());
  for (const auto& m : roots_) first_required.emplace(KeyOf(m), std::nullopt);
  while (!queue.empty()) {
    module::Version m = queue.front();
    queue.pop_front();
    if (f(m)) {
      VersionList path{m};
      for (auto p = first_required[KeyOf(m)]; p; p = first_required[KeyOf(*p)]) path.push_back(*p);
      std::reverse(path.begin(), path.end());
      return path;
    }
    if (const VersionList* reqs = RequiredBy(m)) {
      for (const auto& r : *reqs) {
        if (first_required.emplace(KeyOf(r), m).second) queue.push_back(r);
      }
    }
  }
  return {};
}

// Errors.

BuildListError NewBuildListError(
    Error err, const VersionList& path,
    const std::function<bool(const module::Version&, const module::Version&)>& is_version_change) {
  BuildListError e{std::move(err), {}};
  for (size_t i = 0; i < path.size(); ++i) {
    std::string reason;
    if (i + 1 < path.size()) {
      reason =
          is_version_change && is_version_change(path[i], path[i + 1]) ? "updating to" : "requires";
    }
    e.stack.push_back({path[i], reason});
  }
  return e;
}

std::string BuildListError::Message() const {
  // Leading versionless modules are the main module or a synthetic target: skip them.
  size_t i = 0;
  while (i < stack.size() && stack[i].mod.version.empty()) ++i;
  if (i == stack.size()) return err.Message();
  std::string out;
  for (; i + 1 < stack.size(); ++i) {
    out += stack[i].mod.String() + " " + stack[i].next_reason + "\n\t";
  }
  const module::Version& m = stack.back().mod;
  if (err.path.empty()) {
    return out + Error{m.path, m.version, err.err}.Message();
  }
  if (err.path == m.path && err.version == m.version) return out + err.Message();
  module::Version actual{err.path, err.version};
  return out + m.String() + " (replaced by " + actual.String() + "): " + err.err;
}

std::string ErrorMessage(const BuildResult& r) {
  if (const auto* e = std::get_if<BuildListError>(&r)) return e->Message();
  return "";
}

// Algorithms.

BuildResult BuildList(const VersionList& targets, Reqs& reqs) {
  return BuildListWith(targets, reqs, nullptr);
}

namespace {

// Postorder walks the requirement graph depth-first, caching each module's
// requirements (BuildList loaded them all already, so there is no I/O to overlap).
struct Postorder {
  Reqs& reqs;
  VersionList order;
  std::map<Key, VersionList> required;

  std::optional<Error> Walk(const module::Version& m) {
    if (required.count(KeyOf(m))) return std::nullopt;
    auto r = reqs.Required(m);
    if (!r.ok()) return r.error();
    required[KeyOf(m)] = r.value();
    for (const auto& m1 : r.value()) {
      if (auto err = Walk(m1)) return err;
    }
    order.push_back(m);
    return std::nullopt;
  }
};

}  // namespace

Result<VersionList> Req(const module::Version& target, const std::vector<std::string>& base,
                        Reqs& reqs) {
  BuildResult built = BuildList({target}, reqs);
  if (auto* e = std::get_if<BuildListError>(&built)) return e->err;
  const VersionList& list = std::get<VersionList>(built);
  std::map<std::string, std::string> max;
  for (const auto& m : list) max[m.path] = m.version;

  Postorder post{reqs, {}, {}};
  post.required[KeyOf(target)] = {};
  for (const auto& m : list) {
    if (auto err = post.Walk(m)) return *err;
  }

  // Keep each base path, then, in reverse postorder, each selected version that
  // nothing kept so far implies.
  std::set<Key> have;
  std::function<void(const module::Version&)> mark = [&](const module::Version& m) {
    if (!have.insert(KeyOf(m)).second) return;
    for (const auto& m1 : post.required[KeyOf(m)]) mark(m1);
  };
  VersionList min;
  std::set<std::string> have_base;
  for (const auto& path : base) {
    if (!have_base.insert(path).second) continue;
    module::Version m{path, max[path]};
    min.push_back(m);
    mark(m);
  }
  for (auto it = post.order.rbegin(); it != post.order.rend(); ++it) {
    if (max[it->path] != it->version) continue;  // an older version
    if (!have.count(KeyOf(*it))) {
      min.push_back(*it);
      mark(*it);
    }
  }
  std::stable_sort(min.begin(), min.end(), [](const module::Version& a, const module::Version& b) {
    return a.path < b.path;
  });
  return min;
}

BuildResult UpgradeAll(const module::Version& target, UpgradeReqs& reqs) {
  return BuildListWith({target}, reqs, [&](const module::Version& m) -> Result<module::Version> {
    if (m.path == target.path) return target;
    return reqs.Upgrade(m);
  });
}

BuildResult Upgrade(const module::Version& target, UpgradeReqs& reqs, const VersionList& upgrade) {
  auto required = reqs.Required(target);
  if (!required.ok()) return NewBuildListError(required.error(), {target});
  VersionList list = required.value();
  std::set<std::string> in_list;
  for (const auto& m : list) in_list.insert(m.path);
  std::map<std::string, std::string> upgrade_to;
  for (const auto& u : upgrade) {
    if (!in_list.count(u.path)) list.push_back({u.path, std::string(kNone)});
    auto it = upgrade_to.find(u.path);
    if (it != upgrade_to.end())
      it->second = reqs.Max(it->second, u.version);
    else
      upgrade_to[u.path] = u.version;
  }
  OverrideReqs over(target, list, reqs);
  return BuildListWith({target}, over, [&](const module::Version& m) -> Result<module::Version> {
    auto it = upgrade_to.find(m.path);
    if (it != upgrade_to.end()) return module::Version{m.path, it->second};
    return m;
  });
}

namespace {

// Downgrader computes the strict downgrades of Downgrade: versions that would
// pull some module above its new maximum are excluded, with everything that
// requires them.
class Downgrader {
 public:
  Downgrader(DowngradeReqs& reqs, std::map<std::string, std::string> max)
      : reqs_(reqs), max_(std::move(max)) {}

  void Add(const module::Version& m) {
    if (!added_.insert(KeyOf(m)).second) return;
    auto it = max_.find(m.path);
    if (it != max_.end() && reqs_.Max(m.version, it->second) != it->second) {
      Exclude(m);  // m would upgrade an existing dependency
      return;
    }
    auto list = reqs_.Required(m);
    if (!list.ok()) {
      Exclude(m);  // usually an older version without a usable go.mod
      return;
    }
    for (const auto& r : list.value()) {
      Add(r);
      if (excluded_.count(KeyOf(r))) {
        Exclude(m);
        return;
      }
      rdeps_[KeyOf(r)].push_back(m);
    }
  }

  bool Excluded(const module::Version& m) const { return excluded_.count(KeyOf(m)) > 0; }

 private:
  void Exclude(const module::Version& m) {
    if (!excluded_.insert(KeyOf(m)).second) return;
    for (const auto& p : rdeps_[KeyOf(m)]) Exclude(p);
  }

  DowngradeReqs& reqs_;
  std::map<std::string, std::string> max_;
  std::set<Key> added_, excluded_;
  std::map<Key, VersionList> rdeps_;
};

}  // namespace

BuildResult Downgrade(const module::Version& target, DowngradeReqs& reqs,
                      const VersionList& downgrade) {
  BuildResult built = BuildList({target}, reqs);
  if (std::holds_alternative<BuildListError>(built)) return built;
  VersionList list(std::get<VersionList>(built).begin() + 1, std::get<VersionList>(built).end());

  std::map<std::string, std::string> max;
  for (const auto& r : list) max[r.path] = r.version;
  for (const auto& d : downgrade) {
    auto it = max.find(d.path);
    if (it == max.end() || reqs.Max(it->second, d.version) != d.version) max[d.path] = d.version;
  }

  Downgrader dg(reqs, max);
  VersionList downgraded{target};
  for (module::Version r : list) {
    dg.Add(r);
    bool dropped = false;
    while (dg.Excluded(r)) {
      auto p = reqs.Previous(r);
      if (!p.ok()) return NewBuildListError(p.error(), {target});
      module::Version prev = p.value();
      // A pseudo-version maximum is not enumerated by Previous: step onto it.
      const std::string& v = max[r.path];
      if (reqs.Max(v, r.version) != v && reqs.Max(prev.version, v) != prev.version)
        prev.version = v;
      if (prev.version == kNone) {
        dropped = true;
        break;
      }
      dg.Add(prev);
      r = prev;
    }
    if (!dropped) downgraded.push_back(r);
  }

  // Previous skips versions (pseudo-versions, retractions) that other modules may
  // still select; recompute with the versions MVS actually picks so their
  // requirements do not add modules nothing needs any more.
  OverrideReqs first(target, downgraded, reqs);
  BuildResult actual = BuildList({target}, first);
  if (std::holds_alternative<BuildListError>(actual)) return actual;
  std::map<std::string, std::string> actual_version;
  for (const auto& m : std::get<VersionList>(actual)) actual_version[m.path] = m.version;
  VersionList final_list;
  for (const auto& m : list) {
    auto it = actual_version.find(m.path);
    if (it != actual_version.end()) final_list.push_back({m.path, it->second});
  }
  OverrideReqs second(target, final_list, reqs);
  return BuildList({target}, second);
}

}  // namespace gotool::modcache::mvs
