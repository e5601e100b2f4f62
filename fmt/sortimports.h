// Import sorting: the go/ast.SortImports pass gofmt runs before printing.
#pragma once

#include "fmt/lines.h"
#include "pkg/base/arena.h"
#include "pkg/syntax/ast.h"

namespace gotool::gofmt {

// SortImports sorts each run of consecutive import lines in the parenthesized
// import declarations of file by path (then name, then line comment) and removes
// duplicates that carry no comment, as go/ast.SortImports does. Specs keep the
// positions of the slots they move into and take their comments along; removed
// lines are merged in lines so that the printer closes the gaps. New lists are
// allocated in arena.
void SortImports(syntax::File* file, base::Arena* arena, LineTable* lines);

}  // namespace gotool::gofmt
