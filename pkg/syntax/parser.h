// The Go parser: builds a File (ast.h) from one file's source, as go/parser does.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pkg/base/arena.h"
#include "pkg/base/diag.h"
#include "pkg/base/pos.h"
#include "pkg/syntax/ast.h"

namespace gotool::syntax {

// ParseMode selects optional parser behaviour (a bit set, go/parser's Mode values).
enum ParseMode : unsigned {
  kPackageClauseOnly = 1 << 0,  // stop parsing after the package clause
  kImportsOnly = 1 << 1,        // stop parsing after the import declarations
  kParseComments = 1 << 2,      // keep comments: File.Comments, Doc and Comment fields
  kAllErrors = 1 << 5,          // report all errors, not just the first 10 on different lines
  // kSkipObjectResolution skips what go/parser's identifier resolution can report
  // (only its scope-depth limit: resolution itself is not performed).
  kSkipObjectResolution = 1 << 6,
  // kCompilerErrors reports syntax errors as cmd/compile (package syntax) does: its
  // wording ("syntax error: unexpected X, expecting Y"), its positions, its error
  // recovery and its filtering (one syntax error per line, none at EOF after the
  // first, no limit of 10). The tree is not meant for gofmt in this mode.
  kCompilerErrors = 1 << 7,
  // With kCompilerErrors, the package compiled is in the standard library
  // (cmd/compile's -std), or is one of the runtime's own packages (its -+): the
  // directives reserved to them are allowed.
  kCompilingStd = 1 << 8,
  kCompilingRuntime = 1 << 9,
};

// Linkname is a //go:linkname directive of a file (kCompilerErrors): where it is and
// the local name it links.
struct Linkname {
  base::Position pos;
  std::string local;
};

// ParseResult is the outcome of ParseFile. file is never null: on errors it is the
// partial tree go/parser returns (or an empty File whose Name is an empty Ident when
// go/parser would return one). errors are sorted by position, as go/parser sorts them.
struct ParseResult {
  File* file = nullptr;
  base::ErrorList errors;
  // late_errors (kCompilerErrors) are the errors cmd/compile reports only when
  // parsing and type checking found none: misplaced directives of declarations.
  base::ErrorList late_errors;
  // linknames (kCompilerErrors) are the file's //go:linkname directives, in order,
  // which cmd/compile checks against the package's declarations after type checking
  // (types::CompilerLinknameChecks); those of a file without import "unsafe" are
  // errors in late_errors instead.
  std::vector<Linkname> linknames;
};

// ParseFile parses the Go source src of the file named filename, adding the file to
// fset and allocating the tree in arena. src (and arena) must outlive the tree, which
// holds views into src. Behaviour, tree shape and errors follow go/parser (Go 1.19)
// with the given mode, extended to the Go 1.22 language.
ParseResult ParseFile(base::FileSet& fset, std::string filename, std::string_view src,
                      base::Arena& arena, unsigned mode);

// HasSyntaxError reports whether errors (from kCompilerErrors) hold a syntax error
// proper, one that stops cmd/compile before type checking; other parse errors, such
// as an invalid character, do not.
bool HasSyntaxError(const base::ErrorList& errors);

// ParseExprResult is the outcome of ParseExprFrom: expr is the (possibly partial)
// expression, or null where go/parser returns nil (it bailed out while parsing it).
struct ParseExprResult {
  Expr* expr = nullptr;
  base::ErrorList errors;
};

// ParseExprFrom parses src as a single Go (type or value) expression, as
// go/parser.ParseExprFrom does: an automatic semicolon may follow, then EOF.
ParseExprResult ParseExprFrom(base::FileSet& fset, std::string filename, std::string_view src,
                              base::Arena& arena, unsigned mode);

}  // namespace gotool::syntax
