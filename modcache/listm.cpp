// `go list -m`: filling in ModulePublic from the module graph and cache, and its
// text and JSON forms.
#include "modcache/listm.h"

#include "modcache/gojson.h"

namespace gotool::modcache {

namespace {

// AppendVersion appends m's version, marked when retracted.
void AppendVersion(std::string* out, const ModulePublic& m) {
  out->append(m.version);
  if (!m.retracted.empty()) out->append(" (retracted)");
}

// AppendModuleString appends ModuleString(m) to *out.
void AppendModuleString(std::string* out, const ModulePublic& m) {
  out->append(m.path);
  if (!m.version.empty()) {
    *out += ' ';
    AppendVersion(out, m);
    if (m.update) {
      out->append(" [");
      AppendVersion(out, *m.update);
      *out += ']';
    }
  }
  if (!m.deprecated.empty()) out->append(" (deprecated)");
  if (m.replace) {
    out->append(" => ").append(m.replace->path);
    if (!m.replace->version.empty()) {
      *out += ' ';
      AppendVersion(out, *m.replace);
      if (m.replace->update) {
        out->append(" [");
        AppendVersion(out, *m.replace->update);
        *out += ']';
      }
    }
    if (!m.replace->deprecated.empty()) out->append(" (deprecated)");
  }
}

void WriteModule(JSONWriter& w, std::string_view key, const ModulePublic& m) {
  w.BeginObject(key);
  if (!m.path.empty()) w.String("Path", m.path);
  if (!m.version.empty()) w.String("Version", m.version);
  if (!m.query.empty()) w.String("Query", m.query);
  if (!m.versions.empty()) {
    w.BeginArray("Versions");
    for (const auto& v : m.versions) w.String("", v);
    w.EndArray();
  }
  if (m.replace) WriteModule(w, "Replace", *m.replace);
  if (!m.time.empty()) w.String("Time", m.time);
  if (m.update) WriteModule(w, "Update", *m.update);
  if (m.main) w.Bool("Main", true);
  if (m.indirect) w.Bool("Indirect", true);
  if (!m.dir.empty()) w.String("Dir", m.dir);
  if (!m.go_mod.empty()) w.String("GoMod", m.go_mod);
  if (!m.go_version.empty()) w.String("GoVersion", m.go_version);
  if (!m.retracted.empty()) {
    w.BeginArray("Retracted");
    for (const auto& r : m.retracted) w.String("", r);
    w.EndArray();
  }
  if (!m.deprecated.empty()) w.String("Deprecated", m.deprecated);
  if (m.error) {
    w.BeginObject("Error");
    w.String("Err", *m.error);
    w.EndObject();
  }
  w.EndObject();
}

// GoVersionOf returns the go directive of m's own go.mod (no replacement applied),
// from the graph when it read it, else from src; "" when unknown.
std::string GoVersionOf(const ModuleGraph& mg, GoModSource& src, const module::Version& m) {
  if (mg.replacements().Lookup(m) == nullptr) {
    if (const ModSummary* s = mg.Summary(m)) return s->go_version;
  }
  auto file = src.GoMod(m);
  if (!file.ok()) return "";
  std::vector<modfile::Error> errs;
  auto f = modfile::ParseLax(file.value().name, file.value().data, nullptr, &errs);
  return f && f->go ? f->go->version : "";
}

// CompleteFromCache fills in Time, GoVersion, GoMod and Dir of m (completeFromModCache).
void CompleteFromCache(const ModuleGraph& mg, GoModSource& src, ModuleCache& cache,
                       const ListMode& mode, ModulePublic* m) {
  module::Version mod{m->path, m->version};
  if (!m->version.empty()) {
    auto t = cache.Time(mod);
    if (t.ok())
      m->time = t.value();
    else
      m->error = t.error().Message();
  }
  if (m->go_version.empty()) m->go_version = GoVersionOf(mg, src, mod);
  if (!m->version.empty() && mode.cache_paths) {
    m->go_mod = cache.GoModPath(mod);
    m->dir = cache.Dir(mod);
  }
}

// AddVersions fills in m's Versions; a directory replacement, not being a
// module path, gets the path error instead (in its Error, which go list does not
// report).
void AddVersions(ModuleCache& cache, ModulePublic* m) {
  if (auto bad = module::CheckPath(m->path)) {
    if (!m->error) m->error = bad->Message();
    return;
  }
  auto vs = cache.Versions(m->path);
  if (vs.ok())
    m->versions = vs.value();
  else if (!m->error)
    m->error = vs.error().Message();
}

}  // namespace

std::string ModuleString(const ModulePublic& m) {
  std::string s;
  AppendModuleString(&s, m);
  return s;
}

std::string ModuleJSON(const ModulePublic& m) {
  JSONWriter w;
  WriteModule(w, "", m);
  return w.Take();
}

ModulePublic ModuleInfo(const ModuleGraph& mg, const MainModuleDir& main_dir, GoModSource& src,
                        ModuleCache& cache, const module::Version& m, const ListMode& mode) {
  ModulePublic info;
  info.path = m.path;
  info.version = m.version;
  if (m.version.empty() && m.path == mg.main().path) {
    info.main = true;
    info.go_version = mg.main_go_version();
    info.dir = main_dir.dir;
    info.go_mod = main_dir.go_mod;
  } else {
    info.indirect = !mg.IsDirect(m.path);
    const module::Version* r = mg.replacements().Lookup(m);
    if (!r) {
      CompleteFromCache(mg, src, cache, mode, &info);
    } else {
      // A replaced module's own version and time are not looked up.
      auto rep = std::make_shared<ModulePublic>();
      rep->path = r->path;
      rep->version = r->version;
      if (r->version.empty()) {
        rep->dir = cache.AbsDir(r->path);
        rep->go_mod = rep->dir + "/go.mod";
      }
      CompleteFromCache(mg, src, cache, mode, rep.get());
      info.dir = rep->dir;
      info.go_mod = rep->go_mod;
      info.go_version = rep->go_version;
      info.replace = rep;
    }
  }
  if (mode.versions) {
    AddVersions(cache, &info);
    if (info.replace) AddVersions(cache, info.replace.get());
  }
  return info;
}

ListResult ListModules(const ModuleGraph& mg, const MainModuleDir& main_dir, GoModSource& src,
                       ModuleCache& cache, const std::vector<std::string>& args,
                       const ListMode& mode) {
  ListResult out;
  if (mode.retracted) out.errors.push_back("go: go list -m -retracted is not supported yet");
  if (mode.update) out.errors.push_back("go: go list -m -u is not supported yet");
  if (!out.errors.empty()) return out;
  if (args.empty()) {
    out.modules.push_back(ModuleInfo(mg, main_dir, src, cache, mg.main(), mode));
  }
  // Like the go command, answer with go.mod's own root versions (and ignore graph
  // errors) when the main module prunes and every argument is one of its roots.
  // (Views into mg, which outlives this call.)
  std::map<std::string_view, std::string_view, std::less<>> root_version{{mg.main().path, ""}};
  for (const auto& r : mg.go_mod_roots()) {
    auto [it, added] = root_version.emplace(r.path, r.version);
    if (!added && mvs::CmpVersion(it->second, r.version) < 0) it->second = r.version;
  }
  bool need_full_graph = !mg.pruned();
  for (const auto& arg : args) need_full_graph |= !root_version.count(arg);
  std::optional<mvs::VersionList> all;             // the build list, once asked for
  std::set<module::VersionKeyLess::View> matched;  // views into *all
  for (const auto& arg : args) {
    if (arg.find('@') != std::string::npos || arg.find("...") != std::string::npos) {
      out.errors.push_back("go: go list -m " + arg +
                           ": queries and patterns are not supported yet");
      continue;
    }
    if (arg == "all") {
      if (!all) {
        all = mg.BuildList();
        out.modules.reserve(out.modules.size() + all->size());
      }
      for (const auto& m : *all) {
        if (matched.insert({m.path, m.version}).second) {
          out.modules.push_back(ModuleInfo(mg, main_dir, src, cache, m, mode));
        }
      }
      continue;
    }
    std::string v = !need_full_graph || arg == mg.main().path
                        ? std::string(root_version.find(arg)->second)
                        : mg.graph().Selected(arg);
    if (v == mvs::kNone && need_full_graph && mg.error()) continue;  // reported below
    if (v != mvs::kNone) {
      out.modules.push_back(ModuleInfo(mg, main_dir, src, cache, {arg, v}, mode));
    } else if (mode.versions) {
      ModulePublic p;
      p.path = arg;
      AddVersions(cache, &p);
      out.modules.push_back(std::move(p));
    } else {
      ModulePublic p;
      p.path = arg;
      p.error = mvs::Error{arg, "", "not a known dependency"}.Message();
      out.modules.push_back(std::move(p));
    }
  }
  for (const auto& m : out.modules) {
    if (m.error) out.errors.push_back("go: " + *m.error);
  }
  if (mg.error() && need_full_graph) out.errors.push_back("go: " + *mg.error());
  return out;
}

std::string FormatListResult(const ListResult& r, bool json, bool versions) {
  std::string out;
  if (!json) out.reserve(64 * r.modules.size());  // "path version\n" lines
  for (const auto& m : r.modules) {
    if (json) {
      out += ModuleJSON(m);
    } else if (versions) {
      out += m.path;
      for (const auto& v : m.versions) out += " " + v;
      if (!m.deprecated.empty()) out += " (deprecated)";
      out += "\n";
    } else {
      AppendModuleString(&out, m);
      out += '\n';
    }
  }
  return out;
}

}  // namespace gotool::modcache
