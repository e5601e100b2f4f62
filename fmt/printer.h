// gofmt's printer: formats a syntax tree as Go 1.19's gofmt (go/printer with
// UseSpaces|TabIndent, tabwidth 8, number normalisation) prints it.
#pragma once

#include <string>
#include <string_view>

#include "fmt/lines.h"
#include "pkg/base/pos.h"
#include "pkg/syntax/ast.h"

namespace gotool::gofmt {

// FormatOptions selects printer behaviour beyond gofmt's fixed configuration.
struct FormatOptions {
  // raw_format prints without the tabwriter (go/printer's RawFormat): no alignment,
  // tabs as written.
  bool raw_format = false;
  // normalize_numbers lower-cases number prefixes and exponents, as gofmt does.
  bool normalize_numbers = true;
  // indent is the base indentation (in tabs) of every line, go/printer's
  // Config.Indent; gofmt uses it for source fragments.
  int indent = 0;
};

// FormatResult is the formatted source.
struct FormatResult {
  std::string output;
};

// Format prints file, parsed with comments from src (the exact bytes the positions
// in fset refer to), as gofmt prints it. The tree is not modified; gofmt's import
// sorting (SortImports) and -s simplification (Simplify) are separate passes that
// run before this one; FormatSource (gofmt.h) runs the whole pipeline.
FormatResult Format(const syntax::File& file, const base::FileSet& fset, std::string_view src,
                    const FormatOptions& options = {});

// Format prints file with positions resolved through lines (which SortImports may
// have edited), as gofmt prints it.
FormatResult Format(const syntax::File& file, const LineTable& lines,
                    const FormatOptions& options = {});

}  // namespace gotool::gofmt
