// `gotool debug check`: type-checks packages by import path; lists errors per package.
//
//   gotool debug check [-test] [-e] [-j N] [-time] packages...
//
// Packages are loaded as `gotool build` loads them (patterns, GOROOT, the main module)
// and every package, dependencies first, is checked from source with the
// SourceImporter, whether or not its dependencies have errors (as go/types with a
// source importer does). One line per named package, in pattern order:
//
//   ok PATH
//   FAIL PATH: N errors
//   <TAB>file:line:col: message      (the first 10, or all with -e)
//
// Errors are load errors, then syntax errors (or, without them, type errors), each
// list in reporting order. -test checks
// each package with its _test.go files and then its external _test package, as go
// vet does. -j N parses on N threads (checking is sequential). -time prints where the
// time went on standard error. With GO111MODULE=off packages are found in GOPATH
// mode, as the go command does. Exit status 0 when every package is ok, 1 otherwise.
#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "cmd/gotool/process.h"
#include "pkg/cfg/env.h"
#include "pkg/load/check_packages.h"
#include "pkg/load/context.h"
#include "pkg/load/loader.h"

namespace gotool::cli {
namespace {

constexpr std::string_view kCheckUsage =
    "usage: gotool debug check [-test] [-e] [-j N] [-time] packages...\n";

// CheckOptions are the flags of `gotool debug check`.
struct CheckOptions {
  bool tests = false;
  bool all_errors = false;
  bool timing = false;
  int jobs = 0;
  std::vector<std::string> patterns;
};

bool ParseCheckFlags(const std::vector<std::string>& args, CheckOptions* opts) {
  for (size_t i = 0; i < args.size(); i++) {
    std::string a = args[i];
    if (a.starts_with("--")) a.erase(0, 1);
    if (a == "-test") {
      opts->tests = true;
    } else if (a == "-e") {
      opts->all_errors = true;
    } else if (a == "-time") {
      opts->timing = true;
    } else if (a == "-j" && i + 1 < args.size()) {
      opts->jobs = std::atoi(args[++i].c_str());
    } else if (a.starts_with("-j=")) {
      opts->jobs = std::atoi(a.c_str() + 3);
    } else if (a.starts_with("-")) {
      fmt::print(stderr, "flag provided but not defined: {}\n", a);
      return false;
    } else {
      opts->patterns.push_back(a);
    }
  }
  return true;
}

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// Report is one named package's verdict.
struct Report {
  std::vector<std::string> errors;
};

// AddErrors appends lp's load errors and cp's build errors to *r.
void AddErrors(const load::Loader& loader, load::LoadedPackage* lp, const load::CheckedPackage* cp,
               Report* r) {
  for (const std::string& e : lp->errors) r->errors.push_back(e);
  if (cp == nullptr) {
    r->errors.push_back("package " + lp->pkg.import_path + " is in an import cycle");
    return;
  }
  for (const base::PositionedError& e : cp->Errors()) {
    std::string pos = loader.RelPath(e.pos.filename);
    if (e.pos.line > 0) pos += fmt::format(":{}:{}", e.pos.line, e.pos.column);
    r->errors.push_back(pos + ": " + e.msg);
  }
}

// CheckOrder returns the packages to check, dependencies first: the roots' graph and,
// with tests, each root's test variants and their graphs.
std::vector<load::LoadedPackage*> CheckOrder(load::Loader* loader,
                                             const std::vector<load::LoadedPackage*>& roots,
                                             bool tests) {
  std::vector<load::LoadedPackage*> all = roots;
  if (tests) {
    for (load::LoadedPackage* r : roots) {
      load::TestVariants tv = loader->LoadTestPackages(r);
      all.push_back(tv.ptest);
      if (tv.pxtest != nullptr) all.push_back(tv.pxtest);
    }
  }
  return load::Loader::TopologicalOrder(all);
}

void PrintReport(const std::string& path, const Report& r, bool all_errors) {
  if (r.errors.empty()) {
    fmt::print("ok {}\n", path);
    return;
  }
  fmt::print("FAIL {}: {} errors\n", path, r.errors.size());
  size_t n = all_errors ? r.errors.size() : std::min<size_t>(r.errors.size(), 10);
  for (size_t i = 0; i < n; i++) fmt::print("\t{}\n", r.errors[i]);
}

// ReportAll prints the verdict of each root (with -test, of its test packages) and
// reports whether any has errors.
bool ReportAll(load::Loader* loader, load::SourceImporter* importer,
               const std::vector<load::LoadedPackage*>& roots, const CheckOptions& opts) {
  bool failed = false;
  for (load::LoadedPackage* r : roots) {
    Report rep;
    std::vector<load::LoadedPackage*> parts{r};
    if (opts.tests) {
      load::TestVariants tv = loader->LoadTestPackages(r);
      parts = {tv.ptest};
      if (tv.pxtest != nullptr) parts.push_back(tv.pxtest);
    }
    for (load::LoadedPackage* lp : parts) AddErrors(*loader, lp, importer->CheckPackage(lp), &rep);
    failed = failed || !rep.errors.empty();
    PrintReport(r->pkg.import_path, rep, opts.all_errors);
  }
  return failed;
}

}  // namespace

// RunDebugCheck implements `gotool debug check` (see the file comment).
int RunDebugCheck(const std::vector<std::string>& args) {
  CheckOptions opts;
  if (!ParseCheckFlags(args, &opts) || opts.patterns.empty()) {
    fmt::print(stderr, "{}", kCheckUsage);
    return 2;
  }
  Clock::time_point start = Clock::now();
  const cfg::Config& config = ProcessConfig();
  std::error_code ec;
  load::Loader loader(load::BuildContext::Default(config),
                      std::filesystem::current_path(ec).string(), config.Gomodcache());
  if (config.GopathMode()) loader.SetGopath(config.GopathEntries());
  loader.set_with_tests(opts.tests);
  std::vector<std::string> errors, warnings;
  std::vector<load::LoadedPackage*> roots = loader.LoadPatterns(opts.patterns, &errors, &warnings);
  for (const std::string& e : errors) fmt::print(stderr, "{}\n", e);
  std::vector<load::LoadedPackage*> order = CheckOrder(&loader, roots, opts.tests);
  double load_s = Seconds(start);

  Clock::time_point parse_start = Clock::now();
  types::Config tconfig;
  tconfig.compiler_errors = true;  // the wording go build prints
  load::SourceImporter importer(&loader, tconfig);
  int jobs = opts.jobs > 0 ? opts.jobs : int(std::max(1u, std::thread::hardware_concurrency()));
  importer.ParseAll(order, jobs);
  double parse_s = Seconds(parse_start);

  Clock::time_point check_start = Clock::now();
  for (load::LoadedPackage* lp : order) importer.CheckPackage(lp);
  double check_s = Seconds(check_start);

  bool failed = ReportAll(&loader, &importer, roots, opts) || !errors.empty();
  if (opts.timing) {
    fmt::print(stderr, "{} packages: load {:.2f}s, parse {:.2f}s ({} threads), check {:.2f}s\n",
               order.size(), load_s, parse_s, jobs, check_s);
  }
  return failed ? 1 : 0;
}

}  // namespace gotool::cli
