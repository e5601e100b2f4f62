// ErrorList: sorting, de-duplication and printing of positioned errors.
#include "pkg/base/diag.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace gotool::base {

std::string PositionedError::String() const {
  if (!pos.filename.empty() || pos.IsValid()) return pos.String() + ": " + msg;
  return msg;
}

void ErrorList::Add(Position pos, std::string msg) {
  errors_.push_back(PositionedError{std::move(pos), std::move(msg)});
}

void ErrorList::Add(const FileSet& fset, const Diagnostic& d) {
  Add(fset.PositionFor(d.pos, true), d.msg);
}

void ErrorList::Sort() {
  // Offsets alone would ignore //line adjustments, so compare resolved fields.
  std::stable_sort(errors_.begin(), errors_.end(),
                   [](const PositionedError& a, const PositionedError& b) {
                     return std::tie(a.pos.filename, a.pos.line, a.pos.column, a.msg) <
                            std::tie(b.pos.filename, b.pos.line, b.pos.column, b.msg);
                   });
}

void ErrorList::RemoveMultiples() {
  Sort();
  // As go/scanner, "last" starts as the zero Position, so an error without filename
  // and line is dropped too.
  std::string last_file;
  int last_line = 0;
  size_t n = 0;
  for (size_t i = 0; i < errors_.size(); i++) {
    PositionedError& e = errors_[i];
    if (e.pos.filename != last_file || e.pos.line != last_line) {
      last_file = e.pos.filename;
      last_line = e.pos.line;
      if (n != i) errors_[n] = std::move(e);
      n++;
    }
  }
  errors_.resize(n);
}

std::string ErrorList::Error() const {
  switch (errors_.size()) {
    case 0:
      return "no errors";
    case 1:
      return errors_[0].String();
    default:
      return fmt::format("{} (and {} more errors)", errors_[0].String(), errors_.size() - 1);
  }
}

std::string ErrorList::String() const {
  std::string s;
  for (const PositionedError& e : errors_) {
    s += e.String();
    s += '\n';
  }
  return s;
}

void ErrorList::Print(std::FILE* out) const {
  std::string s = String();
  std::fwrite(s.data(), 1, s.size(), out);
}

}  // namespace gotool::base
