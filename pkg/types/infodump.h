// The canonical text form of Info.types, shared with go/types' side of
// scripts/conformance/types_agree.sh (scripts/conformance/typesinfo).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pkg/base/pos.h"
#include "pkg/types/api.h"

namespace gotool::types {

// OperandModeName returns m's name as go/types spells the operand mode in its sources
// (novalue, builtin, typexpr, constant, variable, mapindex, value, commaok).
std::string_view OperandModeName(OperandMode m);

// ClipDumpText returns s when it has at most 120 bytes, else its first 80 bytes,
// "...#" and the FNV-1a 64-bit hash of s in 16 lower-case hex digits: huge string
// constants (time/tzdata's) would make a dump quadratic in size.
std::string ClipDumpText(std::string_view s);

// DumpTypesInfo returns one line per entry of info.types:
//
//   FILE:LINE:COL-LINE:COL <TAB> EXPR <TAB> MODE <TAB> TYPE [<TAB> VALUE]
//
// FILE is the base name of the expression's file; the positions are its start and
// end (NodePos and NodeEnd, without //line adjustment); EXPR is ExprString quoted as
// strconv.QuoteToASCII does; MODE is OperandModeName; TYPE is TypeString qualified by
// package path ("()" for no type); VALUE, for constants, is the value's ExactString.
// EXPR and VALUE go through ClipDumpText. Lines are sorted by file name, start
// offset, end offset (outer expression first), then text.
std::vector<std::string> DumpTypesInfo(const base::FileSet& fset, const Info& info);

}  // namespace gotool::types
