// Structural comparison of syntax trees, as gofmt's rewrite match does without
// wildcards (used by the -s simplifier).
#pragma once

#include "pkg/syntax/ast.h"

namespace gotool::gofmt {

// Match reports whether a and b are the same tree apart from positions: same node
// kinds, names, literals, operators and flags, and matching children (two null
// nodes match). Comments attached to nodes are compared by text. A call with "..."
// never matches one without.
bool Match(const syntax::Node* a, const syntax::Node* b);

}  // namespace gotool::gofmt
