// Checking loaded packages from source: a types::Importer over the package loader.
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pkg/base/arena.h"
#include "pkg/base/diag.h"
#include "pkg/base/pos.h"
#include "pkg/load/loader.h"
#include "pkg/syntax/ast.h"
#include "pkg/types/api.h"

namespace gotool::load {

// CheckedPackage is one parsed and type-checked package. The syntax trees and the
// source text they view live as long as it does.
struct CheckedPackage {
  LoadedPackage* loaded = nullptr;
  types::Package* types = nullptr;
  std::vector<syntax::File*> files;
  // syntax_errors are the parse errors (then type checking still ran on the partial
  // trees, but a build reports only these); type_errors are the checker's. Both are
  // in the order they were reported.
  base::ErrorList syntax_errors;
  base::ErrorList type_errors;

  // Errors returns the errors a build reports: the parse errors if any, else the
  // type errors; with the compiler's wording, parse errors that are not syntax
  // errors proper ("invalid character ...") do not stop the check, as in cmd/compile,
  // and both lists are reported.
  const base::ErrorList& Errors() const { return errors_; }

 private:
  friend class SourceImporter;
  base::ErrorList errors_;
  base::ErrorList late_errors_;  // syntax::ParseResult::late_errors
  base::Arena arena_;
  std::deque<std::string> sources_;
};

// TestCheck is a package checked with its tests, as go vet checks it: ptest is the
// package with its _test.go files (the package itself when it has none), pxtest the
// external _test package (nullptr when there is none or it is in a cycle).
struct TestCheck {
  CheckedPackage* ptest = nullptr;
  CheckedPackage* pxtest = nullptr;
};

// SourceImporter implements types::Importer over a Loader: an import resolves
// against the package being checked (GOROOT vendor paths included) and yields that
// package checked from source, each package once, its own imports first. One
// types::Context owns every package it checks; it is not thread-safe.
class SourceImporter : public types::Importer {
 public:
  // SourceImporter checks packages found by loader with a copy of config (its
  // importer and context are set to this importer's).
  SourceImporter(Loader* loader, const types::Config& config);
  ~SourceImporter() override;

  // ForWorkingDirectory returns an importer for checking loose files (`gotool debug
  // types`): imports resolve as `gotool build` resolves them from the process's
  // working directory and environment (GOROOT, the main module, the module cache),
  // and imported packages are checked without function bodies, as go/importer's
  // "source" importer does. config supplies the other settings (e.g.
  // compiler_errors).
  static std::unique_ptr<SourceImporter> ForWorkingDirectory(const types::Config& config);

  // Import returns the checked package for path as imported by the package being
  // checked (or, outside any check, from a non-standard package in the working
  // directory), or nullptr with the load error in *err.
  types::Package* Import(std::string_view path, std::string* err) override;

  // CheckPackage parses and checks lp after its dependencies; it returns the cached
  // result on later calls, and nullptr for a package in an import cycle.
  CheckedPackage* CheckPackage(LoadedPackage* lp);

  // CheckWithTests checks lp together with its _test.go files, then its external
  // _test package against that (Loader::LoadTestPackages), each once.
  TestCheck CheckWithTests(LoadedPackage* lp);

  // BrokenDependency returns the import path of a package that lp imports, directly
  // or not, and that has load or check errors (or is in an import cycle), or "" when
  // there is none: the types lp takes from such a package may be invalid where
  // go/types has them. Dependencies are checked when they were not yet.
  std::string BrokenDependency(LoadedPackage* lp);

  // ParseAll parses the files of pkgs on jobs threads ahead of checking (parsing is
  // independent per package; checking stays sequential, dependencies first).
  void ParseAll(const std::vector<LoadedPackage*>& pkgs, int jobs);

  // InfoHook asks for the types::Info of some packages: wants selects them, and
  // checked receives each one's Info (types only) right after the package is checked;
  // the Info is dropped afterwards.
  struct InfoHook {
    std::function<bool(const LoadedPackage&)> wants;
    std::function<void(const CheckedPackage&, const types::Info&)> checked;
  };
  // set_info_hook installs hook for the packages checked from now on.
  void set_info_hook(InfoHook hook) { info_hook_ = std::move(hook); }

  // fset holds the positions of every parsed file.
  base::FileSet& fset() { return fset_; }
  // context owns the checked packages' objects and types.
  types::Context* context() { return context_.get(); }

 private:
  bool ParseFiles(CheckedPackage* cp);
  // WantedInfo returns an Info recording types when the info hook wants lp's.
  std::unique_ptr<types::Info> WantedInfo(const LoadedPackage& lp) const;

  std::unique_ptr<Loader> owned_loader_;  // set by ForWorkingDirectory
  Loader* loader_;
  types::Config config_;
  std::unique_ptr<types::Context> context_;
  base::FileSet fset_;
  InfoHook info_hook_;
  std::vector<LoadedPackage*> stack_;  // packages being checked, innermost last
  std::map<LoadedPackage*, std::unique_ptr<CheckedPackage>> checked_;
  std::map<LoadedPackage*, std::unique_ptr<CheckedPackage>> parsed_;  // by ParseAll
  // broken_ memoizes BrokenDependency's per-dependency verdicts: the package's own
  // path when it has errors, else its broken dependency's, else "".
  std::map<const LoadedPackage*, std::string> broken_;
};

}  // namespace gotool::load
