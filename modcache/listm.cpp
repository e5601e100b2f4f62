// `go list -m`: filling in ModulePublic from the module graph and cache, and its
// text and JSON forms.
#include "modcache/listm.h"

#include <re2/re2.h>

#include "modcache/gojson.h"
#include "modcache/semver.h"

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
// A known time (a query's) is not looked up again.
void CompleteFromCache(const ModuleGraph& mg, GoModSource& src, ModuleCache& cache,
                       const ListMode& mode, ModulePublic* m) {
  module::Version mod{m->path, m->version};
  if (!m->version.empty() && m->time.empty()) {
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
void AddVersions(ModuleCache& cache, bool retracted, ModulePublic* m) {
  if (auto bad = module::CheckPath(m->path)) {
    if (!m->error) m->error = bad->Message();
    return;
  }
  auto vs = cache.Versions(m->path, retracted);
  if (vs.ok())
    m->versions = vs.value();
  else if (!m->error)
    m->error = vs.error().Message();
}

// AddUpdate fills in m's Update: the version path@upgrade resolves to when it is
// above m's (addUpdate). Unknown modules, no matching version and a disallowed
// current version without a newer one are not errors.
void AddUpdate(ModuleCache& cache, ModulePublic* m) {
  if (m->version.empty()) return;
  QueryResult q = cache.Upgrade(m->path, m->version);
  if (const auto* e = std::get_if<QueryError>(&q)) {
    if (e->kind == QueryError::kOther && !m->error) m->error = e->error.Message();
    return;
  }
  const RevInfo& info = std::get<RevInfo>(q);
  if (semver::Compare(info.version, m->version) > 0) {
    m->update = std::make_shared<ModulePublic>();
    m->update->path = m->path;
    m->update->version = info.version;
    m->update->time = info.time.empty() ? "0001-01-01T00:00:00Z" : info.time;
  }
}

// AddRetraction fills in m's Retracted from its module's latest go.mod
// (addRetraction): the rationales, or a default one.
void AddRetraction(ModuleCache& cache, ModulePublic* m) {
  if (m->version.empty()) return;
  RetractionResult r = cache.Retraction({m->path, m->version});
  if (r.error) {
    if (r.error->kind == QueryError::kOther && !m->error) m->error = r.error->error.Message();
    return;
  }
  if (!r.retracted) return;
  m->retracted = r.rationale;
  if (m->retracted.empty()) m->retracted.push_back("retracted by module author");
}

// AddDeprecation fills in m's Deprecated from its module's latest go.mod.
void AddDeprecation(ModuleCache& cache, ModulePublic* m) {
  QueryError::Kind kind;
  mvs::Result<std::string> d = cache.Deprecation({m->path, m->version}, &kind);
  if (d.ok()) {
    m->deprecated = d.value();
  } else if (kind != QueryError::kNotExist && kind != QueryError::kNoMatch && !m->error) {
    m->error = d.error().Message();
  }
}

void AddListInfoOne(ModuleCache& cache, const ListMode& mode, ModulePublic* m) {
  if (mode.update) AddUpdate(cache, m);
  if (mode.versions) AddVersions(cache, mode.retracted, m);
  if (mode.update || mode.retracted) AddRetraction(cache, m);
  if (mode.update) AddDeprecation(cache, m);
}

}  // namespace

void AddListInfo(ModuleCache& cache, const ListMode& mode, ModulePublic* m) {
  AddListInfoOne(cache, mode, m);
  if (m->replace) AddListInfoOne(cache, mode, m->replace.get());
}

ModulePattern::ModulePattern(const std::string& pattern) {
  std::string re = RE2::QuoteMeta(ReplaceVendor(pattern));
  const std::string slash = RE2::QuoteMeta("/"), dots = RE2::QuoteMeta("...");
  const std::string vendor = RE2::QuoteMeta(std::string(1, kVendor));
  const std::string vendor_dots = slash + vendor + slash + dots;
  if (re.ends_with(vendor_dots)) {
    re = re.substr(0, re.size() - vendor_dots.size()) + "(/vendor|" + vendor_dots + ")";
  } else if (re == vendor + slash + dots) {
    re = "(/vendor|" + vendor_dots + ")";
  } else if (re.ends_with(slash + dots)) {
    re = re.substr(0, re.size() - slash.size() - dots.size()) + "(" + slash + dots + ")?";
  }
  const std::string any = "[^\\x01]*";
  for (std::size_t i = 0; (i = re.find(dots, i)) != std::string::npos; i += any.size())
    re.replace(i, dots.size(), any);
  re_ = std::make_shared<RE2>("^" + re + "$");
}

bool ModulePattern::Match(const std::string& name) const {
  return name.find(kVendor) == std::string::npos && RE2::FullMatch(ReplaceVendor(name), *re_);
}

std::string ModulePattern::ReplaceVendor(const std::string& s) {
  std::string out;
  std::size_t start = 0;
  for (;;) {
    std::size_t slash = s.find('/', start);
    std::string_view elem = std::string_view(s).substr(start, slash - start);
    if (elem == "vendor")
      out += kVendor;
    else
      out += elem;
    if (slash == std::string::npos) return out;
    out += '/';
    start = slash + 1;
  }
}

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
  AddListInfo(cache, mode, &info);
  return info;
}

ModulePublic QueryModuleInfo(const ModuleGraph& mg, const MainModuleDir& main_dir, GoModSource& src,
                             ModuleCache& cache, const module::Version& m, const std::string& time,
                             const ListMode& mode) {
  if (m.version.empty()) return ModuleInfo(mg, main_dir, src, cache, m, mode);
  ModulePublic info;
  info.path = m.path;
  info.version = m.version;
  info.time = time;
  CompleteFromCache(mg, src, cache, mode, &info);
  AddListInfo(cache, mode, &info);
  return info;
}

ListResult ListModules(const ModuleGraph& mg, const MainModuleDir& main_dir, GoModSource& src,
                       ModuleCache& cache, const std::vector<std::string>& args,
                       const ListMode& mode, const QueryFunc* query) {
  ListResult out;
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
  // Queries need the graph only to know the version "upgrade" and "patch" start
  // from; other arguments are roots of a pruned graph or need it all.
  bool need_full_graph = false;
  for (const auto& arg : args) {
    std::size_t at = arg.find('@');
    std::string_view vers = at == std::string::npos ? "" : std::string_view(arg).substr(at + 1);
    if (at == std::string::npos || vers == "upgrade" || vers == "patch")
      need_full_graph |= !mg.pruned() || !root_version.count(arg.substr(0, at));
  }
  std::optional<mvs::VersionList> all;             // the build list, once asked for
  std::set<module::VersionKeyLess::View> matched;  // views into *all
  for (const auto& arg : args) {
    if (arg.find('@') != std::string::npos) {
      if (!query) {
        out.errors.push_back("go: " + arg + ": no module proxy to resolve the query");
      } else if (std::optional<ModulePublic> p = (*query)(arg)) {
        out.modules.push_back(std::move(*p));
      }
      continue;
    }
    if (arg == "all" || arg.find("...") != std::string::npos) {
      if (!all) {
        all = mg.BuildList();
        out.modules.reserve(out.modules.size() + all->size());
      }
      std::optional<ModulePattern> pattern;
      if (arg != "all") pattern.emplace(arg);
      if (mode.update || mode.versions || mode.retracted) {
        // Each listed module (and a replacement by another module version) asks
        // the proxy for its versions: fetch those lists in parallel first.
        std::vector<std::string> paths;
        for (const auto& m : *all) {
          if (m.version.empty() || (pattern && !pattern->Match(m.path))) continue;
          paths.push_back(m.path);
          if (const module::Version* r = mg.replacements().Lookup(m); r && !r->version.empty())
            paths.push_back(r->path);
        }
        cache.PrefetchVersions(paths);
      }
      bool any = false;
      for (const auto& m : *all) {
        if (pattern && !pattern->Match(m.path)) continue;
        any = true;
        if (matched.insert({m.path, m.version}).second) {
          out.modules.push_back(ModuleInfo(mg, main_dir, src, cache, m, mode));
        }
      }
      if (!any)
        out.warnings.push_back("warning: pattern \"" + arg + "\" matched no module dependencies");
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
      AddListInfo(cache, mode, &p);
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
  if (mg.error() && need_full_graph) {
    out.errors.push_back("go: " + *mg.error());
    out.graph_error = true;
  }
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
