// `gotool debug typesinfo`: dumps every recorded expression type of packages.
//
//   gotool debug typesinfo [-test] [-j N] packages...
//
// Packages are loaded and checked as `gotool debug check` does (patterns, GOROOT,
// the main module; every package from source, dependencies first). For each named
// package it prints, in the order the packages are checked, either
//
//   package PATH
//   <one line per Info.types entry, pkg/types/infodump.h>
//
// or, when the package has load, syntax or type errors, depends (directly or not) on
// a package with errors (its types could be invalid where go/types has them), or is
// in an import cycle,
//
//   skip PATH: REASON
//
// The checker words and sizes things as go/types does (not as cmd/compile), since
// the reference is go/types.
// This is gotool's side of scripts/conformance/types_agree.sh, whose reference side
// (scripts/conformance/typesinfo) prints go/types' Info.Types in the same form.
// With -test, each named package's test packages follow, as go vet checks them
// (Loader::LoadTestPackages): "P@test", the package with its _test.go files (when it
// has any), and "P_test", its external test package.
// -j N parses on N threads. Exit status 0 unless the arguments are wrong.
#include <fmt/core.h>

#include <algorithm>
#include <cstdio>
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
#include "pkg/types/infodump.h"

namespace gotool::cli {
namespace {

constexpr std::string_view kTypesinfoUsage =
    "usage: gotool debug typesinfo [-test] [-j N] packages...\n";

bool ParseTypesinfoFlags(const std::vector<std::string>& args, int* jobs, bool* tests,
                         std::vector<std::string>* patterns) {
  for (size_t i = 0; i < args.size(); i++) {
    std::string a = args[i];
    if (a.starts_with("--")) a.erase(0, 1);
    if (a == "-test") {
      *tests = true;
    } else if (a == "-j" && i + 1 < args.size()) {
      *jobs = std::atoi(args[++i].c_str());
    } else if (a.starts_with("-j=")) {
      *jobs = std::atoi(a.c_str() + 3);
    } else if (a.starts_with("-")) {
      fmt::print(stderr, "flag provided but not defined: {}\n", a);
      return false;
    } else {
      patterns->push_back(a);
    }
  }
  return !patterns->empty();
}

// ErrorLines returns cp's load errors and the errors a build reports for it.
std::vector<std::string> ErrorLines(const load::Loader& loader, const load::CheckedPackage& cp) {
  std::vector<std::string> errors = cp.loaded->errors;
  for (const base::PositionedError& e : cp.Errors()) {
    std::string pos = loader.RelPath(e.pos.filename);
    if (e.pos.line > 0) pos += fmt::format(":{}:{}", e.pos.line, e.pos.column);
    errors.push_back(pos + ": " + e.msg);
  }
  return errors;
}

// PrintPackage prints cp's dump, or why it is skipped.
void PrintPackage(const load::Loader& loader, const base::FileSet& fset, const std::string& path,
                  const load::CheckedPackage& cp, const types::Info& info,
                  load::SourceImporter* importer) {
  std::vector<std::string> errors = ErrorLines(loader, cp);
  if (!errors.empty()) {
    std::string first = errors[0];
    std::replace(first.begin(), first.end(), '\n', ' ');  // one line per package
    fmt::print("skip {}: {} errors: {}\n", path, errors.size(), first);
    return;
  }
  if (std::string dep = importer->BrokenDependency(cp.loaded); !dep.empty()) {
    fmt::print("skip {}: depends on {}, which has errors\n", path, dep);
    return;
  }
  std::string out = "package " + path + "\n";
  for (const std::string& line : types::DumpTypesInfo(fset, info)) {
    out += line;
    out += '\n';
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
}

// DumpNames names the packages to dump: the roots by import path and, with tests,
// each root's test variants, "P@test" for the package with its _test.go files (when
// it has any) and "P_test" for its external test package. *all lists them in that
// order.
std::map<const load::LoadedPackage*, std::string> DumpNames(
    load::Loader* loader, const std::vector<load::LoadedPackage*>& roots, bool tests,
    std::vector<load::LoadedPackage*>* all) {
  std::map<const load::LoadedPackage*, std::string> names;
  auto add = [&](load::LoadedPackage* lp, std::string name) {
    names[lp] = std::move(name);
    all->push_back(lp);
  };
  for (load::LoadedPackage* r : roots) add(r, r->pkg.import_path);
  if (!tests) return names;
  for (load::LoadedPackage* r : roots) {
    load::TestVariants tv = loader->LoadTestPackages(r);
    if (tv.ptest != nullptr && tv.ptest != r) add(tv.ptest, r->pkg.import_path + "@test");
    if (tv.pxtest != nullptr) add(tv.pxtest, r->pkg.import_path + "_test");
  }
  return names;
}

}  // namespace

// RunDebugTypesinfo implements `gotool debug typesinfo` (see the file comment).
int RunDebugTypesinfo(const std::vector<std::string>& args) {
  int jobs = 0;
  bool tests = false;
  std::vector<std::string> patterns;
  if (!ParseTypesinfoFlags(args, &jobs, &tests, &patterns)) {
    fmt::print(stderr, "{}", kTypesinfoUsage);
    return 2;
  }
  const cfg::Config& config = ProcessConfig();
  std::error_code ec;
  load::Loader loader(load::BuildContext::Default(config),
                      std::filesystem::current_path(ec).string(), config.Gomodcache());
  std::vector<std::string> errors, warnings;
  loader.set_with_tests(tests);
  std::vector<load::LoadedPackage*> roots = loader.LoadPatterns(patterns, &errors, &warnings);
  for (const std::string& e : errors) fmt::print(stderr, "{}\n", e);
  std::vector<load::LoadedPackage*> all;
  std::map<const load::LoadedPackage*, std::string> named = DumpNames(&loader, roots, tests, &all);
  std::vector<load::LoadedPackage*> order = load::Loader::TopologicalOrder(all);

  types::Config tconfig;  // go/types' wording and sizes: the reference is go/types
  load::SourceImporter importer(&loader, tconfig);
  std::set<const load::LoadedPackage*> printed;
  importer.set_info_hook({
      [&](const load::LoadedPackage& lp) { return named.count(&lp) != 0; },
      [&](const load::CheckedPackage& cp, const types::Info& info) {
        printed.insert(cp.loaded);
        PrintPackage(loader, importer.fset(), named[cp.loaded], cp, info, &importer);
      },
  });
  if (jobs <= 0) jobs = int(std::max(1u, std::thread::hardware_concurrency()));
  importer.ParseAll(order, jobs);
  for (load::LoadedPackage* lp : order) importer.CheckPackage(lp);
  for (load::LoadedPackage* lp : all) {
    if (printed.count(lp) == 0) fmt::print("skip {}: not checked (import cycle)\n", named[lp]);
  }
  std::fflush(stdout);
  return 0;
}

}  // namespace gotool::cli
