// Line tables for printing: byte offset → line and column for one file, as
// go/token's File computes them, including MergeLine for import sorting.
#pragma once

#include <string_view>
#include <vector>

#include "pkg/base/pos.h"

namespace gotool::gofmt {

// Position is a position in the printed file: 1-based line and column (in bytes);
// line 0 means invalid.
struct Position {
  int offset = 0;
  int line = 0;
  int column = 0;
  bool IsValid() const { return line > 0; }
  bool operator==(const Position&) const = default;
};

// LineTable maps the Pos values of one file to positions. Line starts are those
// go/scanner records: after every '\n' that is not the file's last byte. Lookups
// remember the last line found, so a LineTable is not for concurrent use.
class LineTable {
 public:
  // LineTable indexes src, the content of file (which may be null when src is
  // printed on its own: positions then start at base 1).
  LineTable(const base::File* file, std::string_view src);

  // PositionFor returns the unadjusted position of p, or an invalid one for NoPos
  // and positions outside the file.
  Position PositionFor(base::Pos p) const {
    if (!p.IsValid()) return {};
    int offset = int(p.value()) - base_;
    // Most lookups fall on the line found last. The position is built here, inline:
    // a Position returned from a call is packed through memory by GCC, and reading
    // it back stalls store forwarding.
    size_t i = hint_;
    if (i + 1 >= starts_.size() || offset < starts_[i] || offset >= starts_[i + 1]) {
      if (offset < 0 || offset > size_) return {};
      i = LineIndex(offset);
    }
    return Position{offset, int(i) + 1, offset - starts_[i] + 1};
  }
  // LineStart returns the Pos of the first byte of 1-based line.
  base::Pos LineStart(int line) const {
    return base::Pos(uint32_t(base_ + starts_[size_t(line - 1)]));
  }
  // LineCount returns the number of lines.
  int LineCount() const { return int(starts_.size()); }
  // SourceSize returns the length of the indexed source.
  int SourceSize() const { return size_; }
  // MergeLine joins line with the next line, as if the newline ending it were a
  // space; line must be less than LineCount().
  void MergeLine(int line);

 private:
  // LineIndex returns the 0-based line of offset (within the file) and remembers it.
  size_t LineIndex(int offset) const;

  int base_ = 1;
  int size_ = 0;
  std::vector<int> starts_;  // offsets of line starts; starts_[0] == 0
  // Index of the line found last: lookups mostly move forward a little.
  mutable size_t hint_ = 0;
};

}  // namespace gotool::gofmt
