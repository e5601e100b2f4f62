// Line tables: line starts as go/scanner records them, lookup and merging.
#include "fmt/lines.h"

#include <algorithm>

namespace gotool::gofmt {

LineTable::LineTable(const base::File* file, std::string_view src)
    : base_(file ? file->base() : 1), size_(int(src.size())) {
  starts_.push_back(0);
  // go/token ignores a line start at the very end of the file.
  for (size_t i = src.find('\n'); i != std::string_view::npos && i + 1 < src.size();
       i = src.find('\n', i + 1)) {
    starts_.push_back(int(i + 1));
  }
}

size_t LineTable::LineIndex(int offset) const {
  // Lookups mostly move forward a little: try the next two lines before searching.
  size_t n = starts_.size();
  size_t line = hint_ < n ? hint_ : 0;
  if (starts_[line] <= offset && line + 1 < n && starts_[line + 1] <= offset) line++;
  if (starts_[line] <= offset && line + 1 < n && starts_[line + 1] <= offset) line++;
  if (starts_[line] > offset || (line + 1 < n && starts_[line + 1] <= offset)) {
    line = size_t(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin()) - 1;
  }
  hint_ = line;
  return line;
}

void LineTable::MergeLine(int line) {
  if (line < 1 || line >= LineCount()) return;
  starts_.erase(starts_.begin() + line);
  hint_ = 0;
}

}  // namespace gotool::gofmt
