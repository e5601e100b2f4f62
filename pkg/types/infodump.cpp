// The canonical text form of Info.types (see infodump.h).
#include "pkg/types/infodump.h"

#include <fmt/core.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "pkg/base/strconv.h"
#include "pkg/syntax/ast.h"
#include "pkg/types/checker.h"

namespace gotool::types {

std::string_view OperandModeName(OperandMode m) {
  switch (m) {
    case OperandMode::kInvalid:
      return "invalid";
    case OperandMode::kNoValue:
      return "novalue";
    case OperandMode::kBuiltin:
      return "builtin";
    case OperandMode::kTypexpr:
      return "typexpr";
    case OperandMode::kConstant:
      return "constant";
    case OperandMode::kVariable:
      return "variable";
    case OperandMode::kMapIndex:
      return "mapindex";
    case OperandMode::kValue:
      return "value";
    case OperandMode::kCommaOk:
      return "commaok";
  }
  return "?";
}

std::string ClipDumpText(std::string_view s) {
  if (s.size() <= 120) return std::string(s);
  uint64_t h = 14695981039346656037ull;  // FNV-1a 64, as Go's hash/fnv New64a
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return fmt::format("{}...#{:016x}", s.substr(0, 80), h);
}

namespace {

// Entry is one dump line with its sort key.
struct Entry {
  std::string file;
  int start = 0;
  int end = 0;
  std::string line;
};

std::string_view BaseName(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

Entry MakeEntry(const base::FileSet& fset, const syntax::Expr* e, const TypeAndValue& tv) {
  base::Position start = fset.PositionFor(syntax::NodePos(e), false);
  base::Position end = fset.PositionFor(syntax::NodeEnd(e), false);
  Entry entry;
  entry.file = std::string(BaseName(start.filename));
  entry.start = start.offset;
  entry.end = end.offset;
  entry.line = fmt::format("{}:{}:{}-{}:{}\t{}\t{}\t{}", entry.file, start.line, start.column,
                           end.line, end.column, ClipDumpText(base::QuoteToASCII(ExprString(e))),
                           OperandModeName(tv.mode), tv.type ? TypeString(tv.type) : "()");
  if (tv.mode == OperandMode::kConstant) {
    entry.line += '\t';
    entry.line += ClipDumpText(tv.value.ExactString());
  }
  return entry;
}

}  // namespace

std::vector<std::string> DumpTypesInfo(const base::FileSet& fset, const Info& info) {
  std::vector<Entry> entries;
  entries.reserve(info.types.size());
  for (const auto& [e, tv] : info.types) entries.push_back(MakeEntry(fset, e, tv));
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    if (a.file != b.file) return a.file < b.file;
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end > b.end;
    return a.line < b.line;
  });
  std::vector<std::string> lines;
  lines.reserve(entries.size());
  for (Entry& e : entries) lines.push_back(std::move(e.line));
  return lines;
}

}  // namespace gotool::types
