// `gotool debug errorcheck`: checks diagnostics against a Go test file's ERROR comments.
#include <fmt/core.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "pkg/errorcheck/errorcheck.h"

namespace gotool::cli {
namespace {

constexpr std::string_view kErrorcheckUsage =
    "usage: gotool debug errorcheck [-types] [-v] file.go... < diagnostics\n";

bool ReadAll(const std::string& name, std::string* out) {
  std::ifstream in(name, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

}  // namespace

// RunDebugErrorcheck implements `gotool debug errorcheck [-types] [-v] FILE... <
// diagnostics`: standard input holds a checker's "file:line:col: message" output
// for the package of FILEs; it is matched as test/run.go does (default) or as go/types'
// check_test.go does (-types). It prints what is missing or unexpected and exits 0
// when all agree, 1 when not, 2 on a usage error.
int RunDebugErrorcheck(const std::vector<std::string>& args) {
  bool types_style = false, verbose = false;
  std::vector<errorcheck::SourceFile> files;
  for (const std::string& a : args) {
    if (a == "-types" || a == "--types") {
      types_style = true;
    } else if (a == "-v" || a == "--v") {
      verbose = true;
    } else if (a.starts_with("-")) {
      fmt::print(stderr, "flag provided but not defined: {}\n{}", a, kErrorcheckUsage);
      return 2;
    } else {
      errorcheck::SourceFile f{a, {}};
      if (!ReadAll(a, &f.src)) {
        fmt::print(stderr, "gotool debug errorcheck: cannot read {}\n", a);
        return 2;
      }
      files.push_back(std::move(f));
    }
  }
  if (files.empty()) {
    fmt::print(stderr, "{}", kErrorcheckUsage);
    return 2;
  }
  std::string output((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  errorcheck::Result r = types_style ? errorcheck::CheckTypesStyle(files, output)
                                     : errorcheck::CheckRunStyle(files, output);
  for (const std::string& p : r.problems) fmt::print("{}\n", p);
  if (verbose) fmt::print("{}\n", r.ok ? "PASS" : "FAIL");
  return r.ok ? 0 : 1;
}

}  // namespace gotool::cli
