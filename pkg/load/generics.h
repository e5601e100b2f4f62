// Which packages use type parameters: a syntactic test over parsed files.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pkg/syntax/ast.h"

namespace gotool::load {

// GenericUse is what a package's syntax trees say about type parameters.
struct GenericUse {
  // declares is set when a type or function of the package has a type-parameter list.
  bool declares = false;
  // instantiates is set when the package names a generic type or function of a
  // package it imports (pkg.Name, or Name of a dot-import).
  bool instantiates = false;
  // generic_names are the package-level types and functions with type parameters.
  std::set<std::string> generic_names;
};

// ImportedGenerics returns, for an import path as written in a file, the imported
// package's name (for imports without an explicit name) and its GenericUse, or
// {"", nullptr} when the package is unknown.
using ImportedGenerics =
    std::function<std::pair<std::string, const GenericUse*>(std::string_view path)>;

// FindGenericUse examines the files of one package. A file that declares type
// parameters (a FuncType or TypeSpec with TypeParams) sets declares; a selector
// x.Name whose x is an import's name and Name one of that import's generic_names
// sets instantiates (an over-approximation: a local variable named like the import
// also counts).
GenericUse FindGenericUse(const std::vector<syntax::File*>& files, const ImportedGenerics& imported);

}  // namespace gotool::load
