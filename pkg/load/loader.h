// The package loader: import resolution and visibility, patterns, test packages, cycles.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "pkg/load/context.h"
#include "pkg/load/package.h"

namespace gotool::load {

// ModuleRoot is a module whose packages can be resolved: its path and directory.
struct ModuleRoot {
  std::string path;
  std::string dir;
};

// LoadedPackage is a node of the package graph: a package's files, its resolved
// imports and the error, if any, that stops it from being built.
struct LoadedPackage {
  Package pkg;
  // imports are the resolved packages of pkg.imports (same order, nulls dropped);
  // import_map maps each import path as written to the resolved import path when
  // they differ (GOROOT vendor).
  std::vector<LoadedPackage*> imports;
  std::map<std::string, std::string> import_map;
  // errors are load errors in the go command's form ("dir/x.go:3:8: package foo is
  // not in GOROOT (...)", "package a\n\timports b\n\timports a: import cycle not
  // allowed"), paths relative to the loader's working directory.
  std::vector<std::string> errors;
  // DepsErrors is set when a dependency has errors.
  bool deps_errors = false;
};

// kNoGoMod is the error for a directory pattern outside any module and GOROOT.
inline constexpr std::string_view kNoGoMod =
    "gotool: go.mod file not found in current directory or any parent directory; see "
    "'gotool help modules'";

// PackageError returns the error the go command reports for a package it is asked
// to build: go/build's error, or for a directory without buildable files "no Go
// files in DIR", "build constraints exclude all Go files in DIR" or "no non-test Go
// files in DIR"; "" when the package is fine.
std::string PackageError(const Package& p);

// FindInternal returns the index of the final "internal" element of an import path
// ("a/internal/b" -> 2, "internal/x" -> 0), or npos when it has none.
size_t FindInternal(std::string_view path);

// FindVendor returns the index of the path after the final "vendor/" element
// ("x/vendor/y" -> 2, "vendor/y" -> 0), or npos when it has none.
size_t FindVendor(std::string_view path);

// TreeCanMatch reports whether the import path name, or one below it, can match
// pattern: name is a path prefix of the pattern's literal part (before "..."), or the
// pattern has "..." and its literal part is a prefix of name (the go command's rule
// for which directories a walk looks into).
bool TreeCanMatch(std::string_view pattern, std::string_view name);

// MatchImportGlob reports whether import path name matches pattern, where "..."
// matches any string and "x/..." also matches "x" (the go command's rule).
bool MatchImportGlob(std::string_view pattern, std::string_view name);

// WithVendorTried returns a "cannot find package" error with a "DIR (vendor tree)"
// line for each of tried after its first line, as the go command's GOPATH mode lists
// the vendor directories it searched; other errors are returned unchanged.
std::string WithVendorTried(const std::string& err, const std::vector<std::string>& tried);

// TestVariants are a package's test packages as go vet and go test check them.
struct TestVariants {
  // ptest is the package with its _test.go files ("p [p.test]"): the package itself
  // when it has no test files.
  LoadedPackage* ptest = nullptr;
  // pxtest is the external test package (p_test), nullptr when there is none.
  LoadedPackage* pxtest = nullptr;
};

// Loader resolves and loads packages for one command run. It is not thread-safe
// except where stated.
class Loader {
 public:
  // Loader creates a loader for ctx working in directory cwd, finding the main module
  // by looking for go.mod from cwd upwards. gomodcache locates module dependencies.
  Loader(BuildContext ctx, std::string cwd, std::string gomodcache);

  const BuildContext& context() const { return ctx_; }
  // SetGopath switches the loader to GOPATH mode (the go command's GO111MODULE=off):
  // no main module; import paths resolve in GOROOT/src, then in vendor directories
  // of the importer's GOPATH tree, then in each entry's src directory, in order.
  void SetGopath(std::vector<std::string> gopath);
  // gopath_mode reports whether SetGopath was called.
  bool gopath_mode() const { return gopath_mode_; }

  // main_module returns the main module (path "" when there is none).
  const ModuleRoot& main_module() const { return main_; }
  // modfile_error is the error reading go.mod, "" when none.
  const std::string& modfile_error() const { return modfile_error_; }

  // ResolveImport finds the directory and canonical import path of path imported
  // from a package in importer_dir (importer_goroot: a standard-library package). On
  // failure it returns false and sets *err to the go command's message.
  bool ResolveImport(std::string_view path, bool importer_goroot, std::string* dir,
                     std::string* import_path, std::string* err) const;

  // LoadImport returns the package with the given canonical import path in dir,
  // loading it and, recursively, its imports (each once).
  LoadedPackage* LoadImport(const std::string& import_path, const std::string& dir);

  // LoadPatterns expands the command-line patterns (import paths, directories,
  // "./...", "std", "all", or .go files), loads the matched packages and their
  // dependencies, and reports import cycles. Errors that are not a package's
  // (a pattern that matches nothing is a warning; a bad directory) go to *errors.
  std::vector<LoadedPackage*> LoadPatterns(const std::vector<std::string>& patterns,
                                           std::vector<std::string>* errors,
                                           std::vector<std::string>* warnings);

  // set_with_tests makes LoadPatterns keep packages that have only test files, as go
  // vet and go test do (go build skips them under wildcards and rejects them by name).
  void set_with_tests(bool with_tests) { with_tests_ = with_tests; }

  // MatchPattern expands one pattern to (import path, directory) pairs, sorted by
  // import path; a pattern error goes to *err.
  std::vector<std::pair<std::string, std::string>> MatchPattern(const std::string& pattern,
                                                                std::string* err);

  // ImportPathForDir returns the import path of directory dir (absolute), or "" with
  // *err set when dir is outside the main module and GOROOT.
  std::string ImportPathForDir(const std::string& dir, std::string* err) const;

  // LanguageVersion returns the language version ("go1.N") the go command checks
  // package p with (its -lang): the go line of the go.mod of the module holding p,
  // go1.16 when that go.mod has none; "" (the newest) for GOROOT packages, in GOPATH
  // mode and outside any module.
  std::string LanguageVersion(const Package& p) const;

  // RelPath returns path relative to the working directory when it is inside it (as
  // the go command shortens file names in messages), else path.
  std::string RelPath(const std::string& path) const;

  // LoadTestPackages returns p's test variants (see TestVariants), loading the test
  // imports. As the go command does, pxtest's dependencies that import p are
  // recompiled against ptest, and a test import that leads back to p is an "import
  // cycle not allowed in test" error of ptest. Variants are made once per package.
  TestVariants LoadTestPackages(LoadedPackage* p);

  // TopologicalOrder returns roots and all their dependencies, dependencies first.
  static std::vector<LoadedPackage*> TopologicalOrder(const std::vector<LoadedPackage*>& roots);

 private:
  void FindMainModule();
  void ReadModFile(const std::string& gomod);
  bool ResolveModuleImport(std::string_view path, std::string* dir, std::string* err) const;
  void ResolveImports(LoadedPackage* lp);
  // ResolveGopathImport finds path in GOROOT/src and then the GOPATH entries; on
  // failure *err is the go command's "cannot find package" message.
  bool ResolveGopathImport(std::string_view path, std::string* dir, std::string* err) const;
  // GopathVendorImport finds path in the vendor directories of importer's GOPATH
  // tree, innermost first, setting *dir and *import_path ("a/vendor/path"); the
  // directories looked at in existing vendor directories are added to *tried.
  bool GopathVendorImport(const LoadedPackage& importer, const std::string& path, std::string* dir,
                          std::string* import_path, std::vector<std::string>* tried) const;
  // IsGopathSrc reports whether dir is the src directory of a GOPATH entry.
  bool IsGopathSrc(const std::string& dir) const;
  // GopathImportPathForDir returns dir's import path under a GOPATH entry, "" when
  // it lies under none.
  std::string GopathImportPathForDir(const std::string& cdir) const;
  // AddGopathMatches adds to *out (GOROOT's matches) the matches of a "..." import
  // pattern in each GOPATH entry's src whose import path is not there yet, sorted.
  // With warn, links to directories the pattern could match are recorded as
  // WalkTree records them.
  void AddGopathMatches(const std::string& pattern,
                        std::vector<std::pair<std::string, std::string>>* out, bool warn);
  // VisibilityError returns the go command's error when the package in importer may
  // not import dep (written as path): "use of internal package X not allowed" (with
  // the import stack), "use of vendored package not allowed", or "P must be imported
  // as Q"; "" when the import is allowed. where is "file:line:col".
  std::string VisibilityError(const LoadedPackage& importer, const std::string& path,
                              const LoadedPackage& dep, const std::string& where) const;
  // RecompileForTest returns lp, or when lp depends on p, a copy of lp whose imports
  // lead to ptest instead of p (memoized in *done).
  LoadedPackage* RecompileForTest(LoadedPackage* lp, LoadedPackage* p, LoadedPackage* ptest,
                                  std::map<LoadedPackage*, LoadedPackage*>* done);
  LoadedPackage* NewVariant(const LoadedPackage& from);
  // AddRootError records the go command's error for a named package that cannot be
  // built (no Go files, all excluded, only tests).
  void AddRootError(LoadedPackage* lp);
  void CheckCycles(const std::vector<LoadedPackage*>& roots);
  std::vector<std::pair<std::string, std::string>> MatchLocalPattern(const std::string& pattern,
                                                                     std::string* err);
  std::vector<std::pair<std::string, std::string>> MatchImportPattern(const std::string& pattern);
  // WalkTree lists the packages in the tree at root_dir (import path root_path). Like
  // the go command's walks it does not follow symbolic links; for a "..." import
  // pattern (warn_pattern, "" for none), each link to a directory that the pattern
  // could match below is recorded in symlink_warnings_.
  std::vector<std::pair<std::string, std::string>> WalkTree(const std::string& root_dir,
                                                            const std::string& root_path,
                                                            bool std_tree,
                                                            const std::string& warn_pattern = {});

  BuildContext ctx_;
  std::string cwd_;
  // symlink_warnings_ collects "warning: ignoring symlink PATH" lines while patterns
  // are matched; LoadPatterns hands them on.
  std::vector<std::string> symlink_warnings_;
  std::string gomodcache_;
  ModuleRoot main_;
  std::string modfile_error_;
  std::vector<ModuleRoot> deps_;  // required modules (replacements applied)
  std::map<std::string, std::unique_ptr<LoadedPackage>> packages_;  // by import path
  bool with_tests_ = false;
  bool gopath_mode_ = false;
  // gopath_ are the GOPATH entries, in order (GOPATH mode only).
  std::vector<std::string> gopath_;
  std::vector<std::string> stack_;  // import paths being loaded, outermost first
  std::vector<std::unique_ptr<LoadedPackage>> variants_;  // test variants
  std::map<LoadedPackage*, TestVariants> tests_;
  mutable std::map<std::string, std::string> lang_by_module_dir_;  // LanguageVersion's cache
};

}  // namespace gotool::load
