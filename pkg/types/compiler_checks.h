// Compiler mode's back-end checks (see compiler_checks.cpp).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "pkg/base/diag.h"
#include "pkg/base/pos.h"
#include "pkg/syntax/ast.h"
#include "pkg/syntax/parser.h"
#include "pkg/types/api.h"

namespace gotool::types {

// CompilerImportPathError returns why cmd/compile's importer rejects an import path
// before looking for the package ("" if it does not): "main", an absolute path, a
// path that is not clean (unicode//utf8).
std::string CompilerImportPathError(std::string_view path);

// CompilerBranchChecks adds to errors the label and branch errors of the function
// bodies of files (function literals apart) that hold none of parse_errors: cmd/compile's
// parser checks them as it goes, so they come with the syntax errors that stop it
// before type checking (which reports them otherwise).
void CompilerBranchChecks(const base::FileSet& fset, std::span<syntax::File* const> files,
                          const base::ErrorList& parse_errors, base::ErrorList* errors);

// CompilerLateChecks adds to late the errors cmd/compile reports after type checking
// the package of files (whose types and definitions info recorded): types too large
// for gc's amd64 layout (an array larger than the address space, a channel element of
// 64kB or more), type declarations in generic functions (which 1.19 cannot compile).
// cmd/compile prints them only when nothing else failed.
void CompilerLateChecks(const base::FileSet& fset, std::span<syntax::File* const> files,
                        const Info& info, base::ErrorList* late);

// CompilerLinknameChecks adds to late cmd/compile's errors about the //go:linkname
// directives of the package's files (in file order): a local name that is not a
// package-level function or variable (from go1.18 on; go_version "" is the newest),
// a second directive for the same name.
void CompilerLinknameChecks(const Package& pkg, std::span<const syntax::Linkname> linknames,
                            std::string_view go_version, base::ErrorList* late);

}  // namespace gotool::types
