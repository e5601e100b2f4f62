// `mod download`: resolving its arguments to module versions, downloading them in
// parallel and reporting them as text errors or -json objects (modcmd/download.go).
#include <algorithm>

#include "modcache/cache.h"
#include "modcache/dirhash.h"
#include "modcache/gojson.h"
#include "modcache/modcmd.h"
#include "modcache/semver.h"
#include "pkg/base/parallel.h"

namespace gotool::modcache {
namespace {

// DownloadJSON is one module of `mod download`, with the fields of its -json output.
struct DownloadJSON {
  std::string path, version, query, error;
  std::string info, go_mod, zip, dir, sum, go_mod_sum;
};

std::string FormatJSON(const DownloadJSON& m) {
  JSONWriter w;
  w.BeginObject();
  auto field = [&](std::string_view key, const std::string& v) {
    if (!v.empty()) w.String(key, v);
  };
  field("Path", m.path);
  field("Version", m.version);
  field("Query", m.query);
  field("Error", m.error);
  field("Info", m.info);
  field("GoMod", m.go_mod);
  field("Zip", m.zip);
  field("Dir", m.dir);
  field("Sum", m.sum);
  field("GoModSum", m.go_mod_sum);
  w.EndObject();
  return w.Take();
}

// DefaultArgs returns the arguments of a `mod download` without any: the go.mod's
// requirements (go 1.17 or later, after loading the graph) or "all".
std::vector<std::string> DefaultArgs(ModSession& s, std::string* err) {
  const modfile::File& f = *s.main().file;
  std::vector<std::string> args;
  if (!f.go || semver::Compare("v" + f.go->version, "v1.17") < 0) {
    if (!f.require.empty()) args.push_back("all");
    return args;
  }
  *err = s.LoadGraph();
  for (const auto& r : f.require) args.push_back(r->mod.path);
  return args;
}

// Target adds the module that arg resolves to (its replacement, when replaced by
// a module version) to *mods; the main module and directories need no download.
void AddTarget(ModSession& s, module::Version m, const std::string& query,
               std::vector<DownloadJSON>* mods) {
  if (s.graph()) m = s.graph()->replacements().Resolve(m);
  if (m.version.empty()) return;
  DownloadJSON j;
  j.path = m.path;
  j.version = m.version;
  if (query != m.version) j.query = query;
  mods->push_back(std::move(j));
}

// Resolve turns the arguments into the modules to download (modload.ListModules).
std::vector<DownloadJSON> Resolve(ModSession& s, const std::vector<std::string>& args,
                                  std::string* graph_err) {
  std::vector<DownloadJSON> mods;
  if (s.has_main() && !s.graph()) {
    if (s.NeedFullGraph(args))
      *graph_err = s.LoadGraph();
    else
      s.LoadRoots();
  }
  for (const std::string& arg : args) {
    std::size_t at = arg.find('@');
    if (at != std::string::npos) {
      std::string path = arg.substr(0, at), vers = arg.substr(at + 1);
      mvs::Result<RevInfo> v = s.Query(path, vers);
      if (!v.ok()) {
        mods.push_back({path, vers, "", v.error().Message(), "", "", "", "", "", ""});
        continue;
      }
      AddTarget(s, {path, v.value().version}, vers, &mods);
    } else if (arg == "all") {
      if (!s.graph()) continue;
      for (const module::Version& m : s.graph()->BuildList()) AddTarget(s, m, m.version, &mods);
    } else {
      std::string v = s.graph() ? s.graph()->graph().Selected(arg) : std::string(mvs::kNone);
      if (v == mvs::kNone && !graph_err->empty()) continue;
      if (v == mvs::kNone) {
        mods.push_back({arg, "", "", mvs::Error{arg, "", "not a known dependency"}.Message(), "",
                        "", "", "", "", ""});
        continue;
      }
      AddTarget(s, {arg, v}, v, &mods);
    }
  }
  return mods;
}

// FetchOne downloads m as the go command's downloadModule does, step by step, so
// that a failure leaves the fields of the steps that succeeded.
void FetchOne(const DownloadEnv& env, SumState& sums, DownloadJSON* m) {
  module::Version mod{m->path, m->version};
  auto fail = [&](const Error& e) { m->error = e.message; };
  Result<RevInfo> info = StatVersion(env, mod);
  if (!info.ok()) return fail(info.error());
  m->info = cache::CachePath(env.gomodcache, mod, "info").value();
  Result<std::string> gomod = GoModFile(env, mod, &m->go_mod_sum);
  if (!gomod.ok()) return fail(gomod.error());
  m->go_mod = cache::CachePath(env.gomodcache, mod, "mod").value();
  sums.Use({m->path, m->version + "/go.mod"}, m->go_mod_sum);
  Result<DownloadedModule> d = Download(env, mod);
  if (!d.ok()) {
    // The zip passed its checks when its hash is cached (then only extraction failed).
    Result<std::string> h =
        cache::ReadFile(cache::CachePath(env.gomodcache, mod, "ziphash").value());
    if (h.ok()) {
      m->zip = cache::CachePath(env.gomodcache, mod, "zip").value();
      m->sum = h.value();
      sums.Use(mod, m->sum);
    }
    return fail(d.error());
  }
  sums.Use(mod, d.value().sum);
  m->zip = d.value().zip_file;
  m->sum = d.value().sum;
  m->dir = d.value().dir;
}

// Fetch downloads every module of mods without an error, s.req().jobs at a time.
void Fetch(ModSession& s, std::vector<DownloadJSON>* mods) {
  DownloadEnv env = s.env();
  env.quiet = true;
  base::ParallelFor(mods->size(), s.req().jobs, [&](std::size_t i) {
    if ((*mods)[i].error.empty()) FetchOne(env, s.sums(), &(*mods)[i]);
  });
}

CommandResult Fail(CommandResult r, const std::string& msg, int code) {
  r.err += msg + "\n";
  r.exit_code = code;
  return r;
}

// SkipMainModule returns the notes for arguments naming the main module.
std::string SkipMainModule(const std::string& main, const std::vector<std::string>& args) {
  std::string out;
  for (const std::string& arg : args)
    if (arg == main || arg == main + "@upgrade" || arg == main + "@patch")
      out += "gotool: skipping download of " + arg + " that resolves to the main module\n";
  return out;
}

// Report prints the modules (-json) or their errors into *r; it returns false when
// the command must stop: a checksum mismatch (printed alone, as is) or, without
// -json, any error.
bool Report(const std::vector<DownloadJSON>& mods, bool json, CommandResult* r) {
  for (const DownloadJSON& m : mods) {
    if (m.error.find("SECURITY ERROR") == std::string::npos) continue;
    r->out.clear();
    r->err += GotoolMessage(m.error);
    if (!r->err.ends_with("\n")) r->err += "\n";
    r->exit_code = 1;
    return false;
  }
  for (const DownloadJSON& m : mods) {
    if (json) r->out += FormatJSON(m);
    if (m.error.empty()) continue;
    r->exit_code = 1;
    if (!json) r->err += GotoolMessage("go: " + m.error) + "\n";
  }
  return json || r->exit_code == 0;
}

}  // namespace

CommandResult ModDownload(const ModRequest& req) {
  CommandResult r;
  ModSession s(req);
  if (std::string err = s.OpenMain(false); !err.empty()) return Fail(r, err, 1);
  bool explicit_args = !req.args.empty();
  std::string graph_err;
  // 1. The arguments: as given (the main module skipped) or the defaults.
  std::vector<std::string> args = req.args;
  if (s.has_main() && explicit_args) {
    r.err += SkipMainModule(s.main().file->module->mod.path, args);
  } else if (s.has_main()) {
    args = DefaultArgs(s, &graph_err);
    if (!graph_err.empty()) return Fail(r, graph_err, 1);
  }
  if (args.empty()) {
    if (s.has_main()) return Fail(r, "gotool: no module dependencies to download", 0);
    return Fail(r, "gotool: no modules specified (see 'gotool help mod download')", 1);
  }
  // 2. The modules they name; without arguments, go.mod and go.sum are written now,
  // before any zip sum is known (so none is saved).
  std::vector<DownloadJSON> mods = Resolve(s, args, &graph_err);
  if (!explicit_args) {
    if (std::string err = s.Commit(); !err.empty()) return Fail(r, err, 1);
  }
  // 3. The downloads, then the report; explicit arguments save their sums.
  Fetch(s, &mods);
  if (!Report(mods, req.json, &r)) return r;
  if (explicit_args) {
    if (std::string err = s.Commit(); !err.empty()) r.err += err + "\n", r.exit_code = 1;
  }
  if (!graph_err.empty()) r.err += graph_err + "\n", r.exit_code = 1;
  return r;
}

}  // namespace gotool::modcache
