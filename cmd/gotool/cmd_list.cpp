// `gotool list`: list packages or modules.
#include "cmd/gotool/buildflags.h"
#include "cmd/gotool/commands.h"
#include "cmd/gotool/process.h"

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <mutex>

#include "modcache/modcmd.h"
#include "pkg/cfg/env.h"

namespace gotool::cli {
namespace {

// ListOptions are the flags of `gotool list`.
struct ListOptions {
  cfg::BuildFlags build;
  std::string format;  // -f
  bool json = false, m = false, u = false, versions = false, retracted = false;
  bool deps = false, test = false, e = false, export_ = false, find = false;
  bool compiled = false;
  std::vector<std::string> args;
};

// RunListModules runs `list -m`; packages (without -m) and -f are not done yet.
int RunListModules(const ListOptions& o) {
  if (!o.m || !o.format.empty()) return NotImplemented("list");
  modcache::ModRequest req;
  req.args = o.args;
  req.cwd = WorkingDir();
  req.env = modcache::DownloadEnv::FromConfig(ProcessConfig());
  req.env.modcacherw = o.build.modcacherw;
  req.json = o.json;
  req.versions = o.versions;
  req.retracted = o.retracted;
  req.update = o.u;
  req.errors_ok = o.e;
  req.readonly = o.build.mod != "mod";
  if (o.build.x) {  // -x: each request to the proxy, as it happens
    req.env.proxy.trace = [](const std::string& line) {
      static std::mutex mu;
      std::lock_guard<std::mutex> lock(mu);
      std::fputs(line.c_str(), stderr);
    };
  }
  modcache::CommandResult r = modcache::ListModulesCommand(req);
  std::fwrite(r.out.data(), 1, r.out.size(), stdout);
  std::fflush(stdout);
  std::fwrite(r.err.data(), 1, r.err.size(), stderr);
  return r.exit_code;
}

}  // namespace

std::unique_ptr<Command> NewListCommand(CLI::App* root) {
  auto cmd = std::make_unique<Command>(
      root, "list", "[-f format] [-json] [-m] [list flags] [build flags] [packages]",
      "list packages or modules", R"(
List prints the named packages, one import path per line, or with -m
the named modules.

The -f flag formats each package or module with a text/template, and
-json prints each as a JSON object, with the fields the go command uses.
The -deps flag adds the dependencies of the named packages, -test adds
their test packages, -e reports erroneous packages instead of failing,
-find skips resolving imports, -compiled and -export add compiled-file
information.

With -m, list works on modules: the main module without arguments, the
build list for "all", the modules of the build list matching a pattern
with "...", the selected version of a module path, or the version a
path@query resolves to (latest, upgrade, patch, v1.2, <v1.3.0, an exact
version or a revision). -u adds the available upgrade of each module,
its retraction and its deprecation; -retracted adds retraction
information, and with -versions lists retracted versions too. -versions
lists the known versions of each module and -json prints each as a JSON
object. -f and listing packages (without -m) are not supported yet.

For more about build flags, see 'gotool help build'.
For more about specifying packages, see 'go help packages'.
)");
  auto opts = std::make_shared<ListOptions>();
  cmd->String("f", &opts->format, "template for each package or module");
  cmd->Bool("json", &opts->json, "print JSON objects");
  cmd->Bool("m", &opts->m, "list modules instead of packages");
  cmd->Bool("u", &opts->u, "add information about available upgrades");
  cmd->Bool("versions", &opts->versions, "list the available versions of each module");
  cmd->Bool("retracted", &opts->retracted, "report retracted module versions");
  cmd->Bool("deps", &opts->deps, "also list the dependencies");
  cmd->Bool("test", &opts->test, "also list test packages");
  cmd->Bool("e", &opts->e, "report erroneous packages instead of failing");
  cmd->Bool("export", &opts->export_, "set the Export field");
  cmd->Bool("find", &opts->find, "identify packages without resolving dependencies");
  cmd->Bool("compiled", &opts->compiled, "set CompiledGoFiles");
  AddBuildFlags(cmd.get(), &opts->build);
  cmd->Args(&opts->args);
  cmd->run = [opts] { return RunListModules(*opts); };
  return cmd;
}

}  // namespace gotool::cli
