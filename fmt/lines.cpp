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

Position LineTable::PositionFor(base::Pos p) const {
  if (!p.IsValid()) return {};
  int offset = int(p.value()) - base_;
  if (offset < 0 || offset > size_) return {};
  size_t n = starts_.size();
  size_t i = hint_ < n ? hint_ : 0;
  // Try the last line and the next two before searching.
  for (int tries = 0; tries < 3 && i < n; tries++, i++) {
    if (starts_[i] <= offset && (i + 1 == n || offset < starts_[i + 1])) {
      hint_ = i;
      return Position{offset, int(i + 1), offset - starts_[i] + 1};
    }
    if (offset < starts_[i]) break;
  }
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  size_t line = size_t(it - starts_.begin());
  hint_ = line - 1;
  return Position{offset, int(line), offset - starts_[line - 1] + 1};
}

void LineTable::MergeLine(int line) {
  if (line < 1 || line >= LineCount()) return;
  starts_.erase(starts_.begin() + line);
  hint_ = 0;
}

}  // namespace gotool::gofmt
