// The -s simplifier: gofmt's source simplifications, applied to the tree in place.
#pragma once

#include "pkg/base/arena.h"
#include "pkg/syntax/ast.h"

namespace gotool::gofmt {

// Simplify applies gofmt -s's rewrites to file, as cmd/gofmt's simplify does:
//   - empty declaration groups ("var ()") without comments are dropped;
//   - in composite literals of array, slice and map type, element (and map key)
//     literals repeat the element type: []T{T{}} → []T{{}}, []*T{&T{}} → []*T{{}};
//   - s[a:len(s)] → s[a:];
//   - for x, _ = range v → for x = range v; for _ = range v → for range v.
// Replaced lists are allocated in arena.
void Simplify(syntax::File* file, base::Arena* arena);

}  // namespace gotool::gofmt
