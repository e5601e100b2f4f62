// The checking part of `gotool build`: load, type-check and report as go build does.
#pragma once

#include <string>
#include <vector>

#include "pkg/base/diag.h"
#include "pkg/load/context.h"

namespace gotool::load {

// BuildRequest is what `gotool build` was asked to do.
struct BuildRequest {
  BuildContext context;
  std::string cwd;
  std::string gomodcache;
  bool gopath_mode = false;        // GO111MODULE=off: packages resolve in GOROOT and
  std::vector<std::string> gopath;  // these GOPATH entries, go.mod files are ignored
  std::vector<std::string> patterns;  // empty means "."
  std::string output;                 // -o (unused until code generation exists)
  int jobs = 0;                       // -p: parse parallelism (0: the number of CPUs)
  // cache_dir is gotool's GOCACHE ("" or "off": no cache); packages recorded there as
  // checking clean under their current content hash are not checked again (see
  // CheckCache). tool_id names the gotool binary, so that another gotool does not
  // trust the records; force (-a) checks everything anyway.
  std::string cache_dir;
  std::string tool_id;
  bool force = false;
};

// BuildResult is the outcome: what to print on standard error and the exit code
// (0 ok; 1 load errors; 2 compile errors or an executable that cannot be built yet).
struct BuildResult {
  std::string stderr_text;
  int exit_code = 0;
  int packages_checked = 0;  // type-checked in this run (not found clean in the cache)
};

// CheckBuild loads and checks the packages of req. Load errors (bad imports, cycles)
// are printed one per line and stop the build (exit 1). Otherwise each package whose
// dependencies are fine is checked, dependencies first, and a package with errors
// gets a "# importpath" header and its errors as the gc compiler prints them (exit
// 2). A single main package checks fine but cannot be linked yet: exit 2 with a
// plain message.
BuildResult CheckBuild(const BuildRequest& req);

// FormatCompileErrors formats a package's errors as `go build` shows them: errors
// listed in reporting order are cut after the 10th (then "POS: too many errors"
// follows, at the 10th error's position), sorted by file (in order of each file's
// first error) then line and column, with file names shortened: "./x.go" in the
// working directory, else relative when shorter.
std::string FormatCompileErrors(const base::ErrorList& errors, const std::string& cwd);

}  // namespace gotool::load
