// Test helpers for pkg/types: parse and check a package from inline sources.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "pkg/base/arena.h"
#include "pkg/base/diag.h"
#include "pkg/base/pos.h"
#include "pkg/syntax/parser.h"
#include "pkg/types/api.h"

namespace gotool::types::testing {

// CheckedPackage holds a checked package and everything it refers to.
struct CheckedPackage {
  base::FileSet fset;
  base::Arena arena;
  std::vector<std::unique_ptr<std::string>> sources;
  Context ctx;
  Info info;
  base::ErrorList errors;
  Package* pkg = nullptr;
  // ErrorLines returns "line:col: msg" for every error, sorted.
  std::vector<std::string> ErrorLines() const {
    std::vector<std::string> out;
    for (const base::PositionedError& e : errors) {
      out.push_back(std::to_string(e.pos.line) + ":" + std::to_string(e.pos.column) + ": " + e.msg);
    }
    return out;
  }
};

// CheckSource parses src as file "p.go" and checks it as package path "p".
// go_version ("go1.N", "" for the newest) is the language version checked against.
inline std::unique_ptr<CheckedPackage> CheckSource(const std::string& src, bool compiler = false,
                                                   const std::string& go_version = "") {
  auto cp = std::make_unique<CheckedPackage>();
  cp->sources.push_back(std::make_unique<std::string>(src));
  syntax::ParseResult r = syntax::ParseFile(cp->fset, "p.go", *cp->sources.back(), cp->arena,
                                            syntax::kParseComments);
  for (const base::PositionedError& e : r.errors) cp->errors.Add(e.pos, e.msg);
  Config cfg;
  cfg.context = &cp->ctx;
  cfg.compiler_errors = compiler;
  cfg.go_version = go_version;
  syntax::File* files[] = {r.file};
  cp->pkg = Check(cfg, "p", cp->fset, files, &cp->info, &cp->errors);
  cp->errors.Sort();
  return cp;
}

}  // namespace gotool::types::testing
