// Packages as go/build sees them: one directory's selected files, name and imports.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pkg/base/pos.h"
#include "pkg/load/context.h"

namespace gotool::load {

// Package is one directory's package (go/build.Package, the fields gotool uses). File
// lists hold base names in directory order (sorted); import lists are sorted and
// unique, with the positions of each import in *_import_pos.
struct Package {
  std::string dir;          // absolute directory
  std::string import_path;  // "fmt", "example.com/m/x", "command-line-arguments"
  std::string name;         // package name ("main", "fmt"); "" if unknown
  bool goroot = false;      // in GOROOT (the standard library)

  std::vector<std::string> go_files;          // non-test .go files
  std::vector<std::string> test_go_files;     // _test.go files of the package
  std::vector<std::string> xtest_go_files;    // _test.go files of package name_test
  std::vector<std::string> ignored_go_files;  // .go files excluded by constraints (or cgo)
  std::vector<std::string> invalid_go_files;  // .go files with errors

  std::vector<std::string> imports;
  std::vector<std::string> test_imports;
  std::vector<std::string> xtest_imports;
  std::map<std::string, std::vector<base::Position>> import_pos;
  std::map<std::string, std::vector<base::Position>> test_import_pos;
  std::map<std::string, std::vector<base::Position>> xtest_import_pos;

  // error is go/build's error for the directory, "" when none: the first bad file's
  // error, "found packages a (a.go) and b (b.go) in DIR", or
  // "no buildable Go source files in DIR" (then no_go_files is set).
  std::string error;
  bool no_go_files = false;

  // GoFilePaths returns dir/name for each of go_files.
  std::vector<std::string> GoFilePaths() const;
};

// ImportDir selects the files of directory dir for ctx as go/build.ImportDir does:
// names starting with _ or . are skipped; .go files are filtered by GOOS/GOARCH
// suffixes and build constraints; each selected file's package clause and imports
// are read (an imports-only parse); files importing "C" are ignored since cgo is off.
Package ImportDir(const BuildContext& ctx, const std::string& dir);

// ImportFiles builds the package of explicit .go files (`gotool build x.go y.go`), as
// the go command's command-line-arguments package: build constraints and file-name
// suffixes are ignored (go/build's UseAllFiles). All files must be in one directory:
// otherwise the package's error is "named files must all be in one directory; have
// A and B".
Package ImportFiles(const BuildContext& ctx, const std::vector<std::string>& files);

// IsStandardImportPath reports whether path's first element has no dot (a standard
// library path, as the go command's search.IsStandardImportPath).
bool IsStandardImportPath(std::string_view path);

// IsLocalImport reports whether path is ".", "..", or starts with "./" or "../".
bool IsLocalImport(std::string_view path);

}  // namespace gotool::load
