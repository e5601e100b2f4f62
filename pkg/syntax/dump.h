// The canonical AST dump that scripts/conformance/parse.sh compares with go/parser's.
#pragma once

#include <string>
#include <string_view>

#include "pkg/base/diag.h"
#include "pkg/base/pos.h"
#include "pkg/syntax/ast.h"

namespace gotool::syntax {

// DumpFile returns the canonical text dump of a parsed file, byte-identical to what
// scripts/conformance/goast prints for go/parser's tree of the same source:
//
//   File                      a node: its go/ast type name, then its fields in
//     Doc: nil                go/ast's order, one a line, two spaces deeper;
//     Package: 1:1            positions as unadjusted line:col ("-" for NoPos);
//     Name: Ident             a child node: its type name, its fields deeper still;
//       NamePos: 1:9
//       Name: "p"             strings quoted as Go's strconv.QuoteToASCII;
//     Decls: [1]              lists: the count, then "index: value" per element;
//       0: GenDecl
//         Tok: import         tokens as go/token's Token.String().
//
// Booleans print as true/false, ChanDir as a number, null children as nil.
// Ident.Obj, File.Scope, File.Imports and File.Unresolved are left out.
std::string DumpFile(const base::FileSet& fset, const File* file);

// DumpOptions selects a variant of the dump; DumpFile above is the canonical one.
struct DumpOptions {
  // structure_only prints only what formatting must preserve, to compare a source's
  // tree with that of its gofmt output: positions print as "+" (valid) or "-"
  // (NoPos); FieldList's Opening and Closing, ImportSpec.EndPos, EmptyStmt's fields,
  // comments (Doc, Comment, File.Comments), parentheses around expressions and the
  // EmptyStmts of statement lists are left out, as go/printer may drop or move
  // them; number literals print lower-cased and imaginary integers without leading
  // zeros, as go/printer normalizes them.
  bool structure_only = false;
};

// DumpFile returns the dump of a parsed file that options select.
std::string DumpFile(const base::FileSet& fset, const File* file, const DumpOptions& options);

// DumpError returns the line the dump has for a rejected file: "error: POS: MSG\n"
// for the first error of the parser's sorted list, POS being its //line-adjusted
// position printed without the filename when that is the file's own name.
std::string DumpError(const base::PositionedError& err, std::string_view filename);


}  // namespace gotool::syntax
