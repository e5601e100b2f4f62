// `list -m`: listing modules of the build list, named modules, path patterns and
// path@query arguments as text, -versions lines or -json objects, with -u and
// -retracted information (modload.ListModules).
#include "modcache/modcmd.h"

namespace gotool::modcache {
namespace {

CommandResult Fail(CommandResult r, const std::string& msg) {
  r.err += msg + "\n";
  r.exit_code = 1;
  return r;
}

// NoModuleError returns the go command's error for an argument that needs a main
// module when there is none, or "".
std::string NoModuleError(const std::string& arg, bool versions) {
  std::string suffix = std::string(kNoModRoot);
  if (arg == "all" || arg.find("...") != std::string::npos)
    return "gotool: cannot match \"" + arg + "\": " + suffix;
  if (arg.find('@') == std::string::npos && !versions)
    return "gotool: cannot match \"" + arg +
           "\" without -versions or an explicit version: " + suffix;
  return "";
}

// QueryInfo lists path@vers (moduleInfo without requirements: never indirect).
ModulePublic QueryInfo(ModSession& s, const MainModuleDir& dir, const std::string& arg,
                       const ListMode& mode) {
  std::size_t at = arg.find('@');
  std::string path = arg.substr(0, at), vers = arg.substr(at + 1);
  mvs::Result<RevInfo> v = s.Query(path, vers, mode.retracted);
  if (!v.ok()) {
    ModulePublic p;
    p.path = path;
    p.version = vers;
    p.error = v.error().Message();
    return p;
  }
  // A module found by a query is outside the requirements: the go command reports
  // its go.mod and directory whatever go.sum holds (checksumOk).
  bool readonly = s.source().readonly();
  s.source().SetReadonly(false);
  ModulePublic p = QueryModuleInfo(*s.graph(), dir, s.source(), s.source(),
                                   {path, v.value().version}, UpdateTime(v.value()), mode);
  s.source().SetReadonly(readonly);
  if (vers != p.version) p.query = vers;
  return p;
}

// List runs the listing over the loaded graph, resolving path@query arguments
// through the proxy in their turn.
ListResult List(ModSession& s, const MainModuleDir& dir, const std::vector<std::string>& args,
                const ListMode& mode) {
  QueryFunc query = [&](const std::string& arg) -> std::optional<ModulePublic> {
    std::size_t at = arg.find('@');
    std::string path = arg.substr(0, at), vers = arg.substr(at + 1);
    // Without a complete graph, the version to upgrade from is unknown: the
    // graph's error says why.
    if ((vers == "upgrade" || vers == "patch") && s.graph()->error() &&
        s.graph()->graph().Selected(path) == mvs::kNone)
      return std::nullopt;
    return QueryInfo(s, dir, arg, mode);
  };
  return ListModules(*s.graph(), dir, s.source(), s.source(), args, mode, &query);
}

// NoMainFile is the go.mod standing in for the main module outside any module.
std::unique_ptr<modfile::File> NoMainFile() {
  std::vector<modfile::Error> errs;
  return modfile::Parse("go.mod", "module command-line-arguments\n", nullptr, &errs);
}

}  // namespace

CommandResult ListModulesCommand(const ModRequest& req) {
  CommandResult r;
  for (const std::string& arg : req.args) {
    if (arg.find('\\') != std::string::npos)
      return Fail(r, "gotool: module paths never use backslash");
    if (arg.starts_with("./") || arg.starts_with("../") || arg == "." || arg == "..")
      return Fail(r, "gotool: cannot use relative path " + arg + " to specify module");
  }
  ModSession s(req);
  if (std::string err = s.OpenMain(false); !err.empty()) return Fail(r, err);
  MainModuleDir dir;
  std::unique_ptr<modfile::File> standin;
  if (s.has_main()) {
    dir = {s.main().dir, s.main().gomod_file};
    if (s.NeedFullGraph(req.args)) {
      std::string err = s.LoadGraph();
      if (!s.graph()) return Fail(r, err);
    } else {
      s.LoadRoots();
    }
  } else {
    for (const std::string& arg : req.args)
      if (std::string err = NoModuleError(arg, req.versions); !err.empty()) return Fail(r, err);
    if (req.args.empty()) return Fail(r, "gotool: " + std::string(kNoModRoot));
    standin = NoMainFile();
    s.LoadStandIn(*standin);
  }
  ListMode mode;
  mode.versions = req.versions;
  mode.retracted = req.retracted;
  mode.update = req.update;
  mode.cache_paths = req.json;
  ListResult lr = List(s, dir, req.args, mode);
  for (const std::string& w : lr.warnings) r.err += w + "\n";
  for (std::string& e : lr.errors) e = GotoolMessage(e);
  // As the go command does, write go.mod and go.sum before reporting the modules'
  // errors: only a module graph that failed to load stops that.
  std::string commit_err = lr.graph_error ? "" : s.Commit();
  if (!req.errors_ok && !lr.errors.empty()) {
    for (const std::string& e : lr.errors) r.err += e + "\n";
    if (!commit_err.empty()) r.err += commit_err + "\n";
    r.exit_code = 1;
    return r;
  }
  if (!commit_err.empty()) return Fail(r, commit_err);
  r.out = FormatListResult(lr, req.json, req.versions);
  return r;
}

}  // namespace gotool::modcache
