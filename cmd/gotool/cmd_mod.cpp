// `gotool mod <command>`: module maintenance.
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <mutex>

#include "cmd/gotool/commands.h"
#include "cmd/gotool/process.h"
#include "modcache/modcmd.h"
#include "modcache/modedit.h"
#include "pkg/base/version.h"
#include "pkg/cfg/env.h"

namespace gotool::cli {
namespace {

// ModOptions are the flags of every `gotool mod` subcommand; each uses its own.
struct ModOptions {
  bool e = false, v = false, x = false, json = false, m = false, vendor = false;
  bool fmt = false, print = false, modcacherw = false;
  std::string go, compat, output, reuse, module, toolchain, modfile;
  std::vector<std::string> require, droprequire, exclude, dropexclude, replace, dropreplace,
      retract, dropretract, godebug, dropgodebug;
  std::vector<std::string> args;
};

// GoVersion returns the language version gotool writes to go.mod ("1.22").
std::string GoVersion() { return std::string(base::kGoVersion).substr(2); }

// Print writes a command's output and returns its exit status.
int Print(const modcache::CommandResult& r) {
  std::fwrite(r.out.data(), 1, r.out.size(), stdout);
  std::fflush(stdout);
  std::fwrite(r.err.data(), 1, r.err.size(), stderr);
  return r.exit_code;
}

// RunEdit hands `mod edit` its flags in command-line order.
int RunEdit(const Command& c, const ModOptions& o) {
  modcache::EditRequest req;
  for (const cfg::ParsedFlag& f : c.flags()) req.flags.push_back({f.name, f.value});
  req.args = o.args;
  req.cwd = WorkingDir();
  req.go_version = GoVersion();
  return Print(modcache::ModEdit(req));
}

// RunInit runs `mod init` in the working directory.
int RunInit(const ModOptions& o) {
  modcache::InitRequest req;
  req.args = o.args;
  req.cwd = WorkingDir();
  const cfg::Config& config = ProcessConfig();
  req.gopath = config.Gopath();
  req.gomodcache = config.Gomodcache();
  req.go_version = GoVersion();
  return Print(modcache::ModInit(req));
}

// TraceToStderr prints -x lines as they happen, one at a time.
void TraceToStderr(const std::string& line) {
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
}

// ModRequest fills the request of a module command from the environment.
modcache::ModRequest ModRequest(const ModOptions& o) {
  modcache::ModRequest req;
  req.args = o.args;
  req.cwd = WorkingDir();
  req.env = modcache::DownloadEnv::FromConfig(ProcessConfig());
  req.env.modcacherw = o.modcacherw;
  req.json = o.json;
  req.x = o.x;
  if (o.x) req.env.proxy.trace = TraceToStderr;
  req.go = o.go;
  return req;
}

// AddModCommon adds the flags every module-loading `mod` command has.
void AddModCommon(Command* c, const std::shared_ptr<ModOptions>& o) {
  c->Bool("modcacherw", &o->modcacherw,
          "leave newly-created directories in the module cache writable");
  c->String("modfile", &o->modfile,
            "use this file in place of the main module's go.mod (not supported yet)");
}

void AddDownload(Command* mod, const std::shared_ptr<ModOptions>& o) {
  Command* c = mod->AddSubcommand("download", "[-x] [-json] [-reuse=old.json] [modules]",
                                  "download modules to local cache", R"(
Download downloads the named modules into the module cache shared with
the go command. Modules are module paths (their selected versions),
path@version, path@latest or path@upgrade, or "all". Without arguments
it downloads the main module's requirements (go 1.17 and later) or all
the modules of the build list (earlier go versions).

The -json flag prints a JSON object per module (Path, Version, Query,
Error, Info, GoMod, Zip, Dir, Sum, GoModSum) instead of reporting
errors on stderr. -x prints each request to the proxy on stderr, as
"# get URL" before it and "# get URL: 200 OK" with its duration in
seconds after it. -reuse is not supported yet.

Download checks every download against go.sum; with explicit arguments
it adds the sums of the modules it downloaded that the build needs.
)");
  c->Bool("x", &o->x, "print commands");
  c->Bool("json", &o->json, "print JSON objects");
  c->String("reuse", &o->reuse, "reuse the output of an earlier -json run");
  AddModCommon(c, o);
  c->Args(&o->args);
  c->run = [o] {
    if (!o->reuse.empty()) return NotImplemented("mod download -reuse");
    return Print(modcache::ModDownload(ModRequest(*o)));
  };
}

void AddEdit(Command* mod, const std::shared_ptr<ModOptions>& o) {
  Command* c = mod->AddSubcommand("edit", "[editing flags] [-fmt|-print|-json] [go.mod]",
                                  "edit go.mod from tools or scripts", R"(
Edit changes go.mod (or the named file) without loading any package.
-module, -go and -toolchain set those lines (-go=none and -toolchain=none
drop them); then -require/-droprequire, -exclude/-dropexclude,
-replace/-dropreplace, -retract/-dropretract and -godebug/-dropgodebug
are applied in command-line order. -fmt only reformats. -print prints
the result instead of writing it and -json prints it as JSON, in the
go command's format.
)");
  c->Bool("fmt", &o->fmt, "reformat go.mod");
  c->Bool("print", &o->print, "print the result instead of writing it");
  c->Bool("json", &o->json, "print the result as JSON");
  c->String("module", &o->module, "change the module path");
  c->String("go", &o->go, "set the go version");
  c->String("toolchain", &o->toolchain, "set the toolchain");
  c->String("modfile", &o->modfile, "edit this file in place of the main module's go.mod");
  c->StringList("require", &o->require, "add a requirement path@version");
  c->StringList("droprequire", &o->droprequire, "drop a requirement");
  c->StringList("exclude", &o->exclude, "add an exclusion path@version");
  c->StringList("dropexclude", &o->dropexclude, "drop an exclusion");
  c->StringList("replace", &o->replace, "add a replacement old[@v]=new[@v]");
  c->StringList("dropreplace", &o->dropreplace, "drop a replacement");
  c->StringList("retract", &o->retract, "add a retraction");
  c->StringList("dropretract", &o->dropretract, "drop a retraction");
  c->StringList("godebug", &o->godebug, "add a godebug key=value");
  c->StringList("dropgodebug", &o->dropgodebug, "drop a godebug key");
  c->Args(&o->args);
  c->run = [c, o] { return RunEdit(*c, *o); };
}

void AddSimple(Command* mod, const std::shared_ptr<ModOptions>& o) {
  Command* graph =
      mod->AddSubcommand("graph", "[-go=version]", "print module requirement graph", R"(
Graph prints the module requirement graph, with replacements applied, one
edge per line: a module and one of its requirements. The -go flag prunes
the graph as the given go version would.
)");
  graph->String("go", &o->go, "go version to load the graph as");
  AddModCommon(graph, o);
  graph->Args(&o->args);
  graph->run = [o] { return Print(modcache::ModGraph(ModRequest(*o))); };

  Command* init =
      mod->AddSubcommand("init", "[module-path]", "initialize new module in current directory", R"(
Init creates a go.mod file for a new module rooted in the current
directory. Without an argument it guesses the module path from the
surroundings (import comments, vendoring files, GOPATH). The go line
names the language version gotool targets (the go command writes its
own version there).
)");
  init->Args(&o->args);
  init->run = [o] { return RunInit(*o); };

  Command* tidy = mod->AddSubcommand("tidy", "[-e] [-v] [-go=version] [-compat=version]",
                                     "add missing and remove unused modules", R"(
Tidy makes go.mod match the source code of the module: it adds the
modules that imports need, removes those that nothing uses, and updates
go.sum. -v reports removed modules, -e keeps going despite errors, -go
sets the go version, -compat keeps the checksums an older go needs.
)");
  tidy->Bool("e", &o->e, "proceed despite errors");
  tidy->Bool("v", &o->v, "print removed modules");
  tidy->String("go", &o->go, "update the go directive");
  tidy->String("compat", &o->compat, "go version to stay compatible with");
  tidy->Args(&o->args);
  tidy->run = [o] { return NotImplemented("mod tidy"); };

  Command* vendor = mod->AddSubcommand("vendor", "[-e] [-v] [-o outdir]",
                                       "make vendored copy of dependencies", R"(
Vendor copies the packages needed to build and test the main module into
its vendor directory (or the one -o names). -v prints the vendored
modules and packages; -e keeps going despite errors.
)");
  vendor->Bool("e", &o->e, "proceed despite errors");
  vendor->Bool("v", &o->v, "print vendored modules and packages");
  vendor->String("o", &o->output, "vendor directory");
  vendor->Args(&o->args);
  vendor->run = [o] { return NotImplemented("mod vendor"); };

  Command* verify = mod->AddSubcommand("verify", "", "verify dependencies have expected content",
                                       R"(
Verify checks that the dependencies in the module cache are unchanged
since they were downloaded, comparing them with their recorded hashes.
)");
  AddModCommon(verify, o);
  verify->Args(&o->args);
  verify->run = [o] { return Print(modcache::ModVerify(ModRequest(*o))); };

  Command* why = mod->AddSubcommand("why", "[-m] [-vendor] packages...",
                                    "explain why packages or modules are needed", R"(
Why shows a shortest import chain from the main module to each named
package, or with -m to a package of each named module. -vendor leaves
out the imports of tests of dependencies.
)");
  why->Bool("m", &o->m, "treat the arguments as modules");
  why->Bool("vendor", &o->vendor, "exclude tests of dependencies");
  why->Args(&o->args);
  why->run = [o] { return NotImplemented("mod why"); };
}

}  // namespace

std::unique_ptr<Command> NewModCommand(CLI::App* root) {
  auto cmd =
      std::make_unique<Command>(root, "mod", "<command> [arguments]", "module maintenance", R"(
Mod gives access to operations on modules: go.mod files, the module
cache shared with the go command, and dependency analysis. Everyday
adding, upgrading and removing of dependencies is done by the build
commands themselves.
)");
  auto opts = std::make_shared<ModOptions>();
  AddDownload(cmd.get(), opts);
  AddEdit(cmd.get(), opts);
  AddSimple(cmd.get(), opts);
  return cmd;
}

}  // namespace gotool::cli
