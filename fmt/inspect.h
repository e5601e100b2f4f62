// Inspect: a depth-first walk over a syntax tree in go/ast.Inspect's order (used by
// the printer's parenthesis stripping; belongs in pkg/syntax once it has a walker).
#pragma once

#include <functional>

#include "pkg/syntax/ast.h"

namespace gotool::gofmt {

// Inspect calls f on n and, when f returns true, on each of n's children in source
// order (comments excepted, as go/ast.Walk does for a File), recursively.
void Inspect(const syntax::Node* n, const std::function<bool(const syntax::Node*)>& f);

}  // namespace gotool::gofmt
