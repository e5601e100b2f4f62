// `gotool build`: compile packages and dependencies (type-checking only, for now).
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>

#include "cmd/gotool/buildflags.h"
#include "cmd/gotool/commands.h"
#include "cmd/gotool/process.h"
#include "pkg/cfg/env.h"
#include "pkg/load/check_build.h"

namespace gotool::cli {
namespace {

// BuildOptions are the flags of `gotool build`.
struct BuildOptions {
  cfg::BuildFlags build;
  std::string output;  // -o
  std::vector<std::string> packages;
};

// ExecutableId identifies this gotool binary for the check cache: a rebuilt or
// replaced binary (another checker) gets another ID.
std::string ExecutableId() {
  struct stat st;
  if (stat("/proc/self/exe", &st) != 0) return {};
  return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino) + ":" +
         std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec);
}

// RunBuild loads and type-checks the packages (pkg/load's CheckBuild) and prints its
// report; code generation does not exist yet.
int RunBuild(const BuildOptions& opts) {
  const cfg::Config& config = ProcessConfig();
  load::BuildRequest req;
  req.context = load::BuildContext::Default(config, opts.build.tags);
  if (req.context.goroot.empty()) {
    std::fprintf(stderr, "gotool: cannot find GOROOT directory: set $GOROOT to a Go source tree\n");
    return 2;
  }
  req.cwd = WorkingDir();
  req.gomodcache = config.Gomodcache();
  req.gopath_mode = config.GopathMode();
  if (req.gopath_mode) req.gopath = config.GopathEntries();
  req.patterns = opts.packages;
  req.output = opts.output;
  req.jobs = opts.build.p;
  req.force = opts.build.a;
  req.tool_id = ExecutableId();
  // Without an ID for the binary, records could be another gotool's: no cache then.
  if (!req.tool_id.empty()) req.cache_dir = config.Gocache();
  load::BuildResult r = load::CheckBuild(req);
  std::fwrite(r.stderr_text.data(), 1, r.stderr_text.size(), stderr);
  return r.exit_code;
}

}  // namespace

std::unique_ptr<Command> NewBuildCommand(CLI::App* root) {
  auto cmd = std::make_unique<Command>(root, "build", "[-o output] [build flags] [packages]",
                                       "compile packages and dependencies", R"(
Build compiles the named packages and their dependencies, reporting any
errors, and discards the result unless asked to write it.

For now gotool type-checks the packages and reports errors exactly as
the go command does; writing an executable (a single main package, or
-o) says that code generation is not supported yet and exits with
status 2. Packages that checked clean are recorded in GOCACHE under a
hash of their files, their dependencies and the build settings, and are
not checked again until one of those changes; -a checks everything, and
GOCACHE=off disables the records.

The -o flag names the output file or directory for the result; a main
package's result is a program that runs with gotool.

The build flags are shared by build, list, run, test and vet:

	-a, -n, -p n, -race, -v, -work, -x, -gcflags, -ldflags, -mod mode,
	-modfile file, -overlay file, -tags tag,list, -trimpath, ...

with the meanings the go command gives them; see 'go help build'.
For more about specifying packages, see 'go help packages'.
)");
  auto opts = std::make_shared<BuildOptions>();
  cmd->String("o", &opts->output, "output file or directory");
  AddBuildFlags(cmd.get(), &opts->build);
  cmd->Args(&opts->packages);
  cmd->run = [opts] { return RunBuild(*opts); };
  return cmd;
}

}  // namespace gotool::cli
