// FileSet, File and Position: go/token's position bookkeeping with lazy line tables.
#include "pkg/base/pos.h"


#include <algorithm>
#include <cstring>

namespace gotool::base {

std::string Position::String() const {
  std::string s = filename;
  if (IsValid()) {
    if (!s.empty()) s += ':';
    s += std::to_string(line);
    if (column != 0) {
      s += ':';
      s += std::to_string(column);
    }
  }
  if (s.empty()) return std::string(1, '-');
  return s;
}

void File::EnsureLines() const {
  std::call_once(lines_once_, [this] {
    lines_.clear();
    lines_.push_back(0);
    // A line starts after every '\n' except one that ends the file, exactly the
    // offsets go/scanner would hand to token.File.AddLine.
    const char* data = content_.data();
    size_t n = std::min(content_.size(), size_t(size_ < 0 ? 0 : size_));
    const char* p = data;
    const char* end = data + n;
    while (p < end) {
      const void* nl = std::memchr(p, '\n', size_t(end - p));
      if (nl == nullptr) break;
      int start = int(static_cast<const char*>(nl) - data) + 1;
      if (start < size_) lines_.push_back(start);
      p = static_cast<const char*>(nl) + 1;
    }
  });
}

void File::LineColumn(int offset, int* line, int* column) const {
  EnsureLines();
  // Index of the last line start <= offset.
  auto it = std::upper_bound(lines_.begin(), lines_.end(), offset);
  int i = int(it - lines_.begin()) - 1;
  if (i >= 0) {
    *line = i + 1;
    *column = offset - lines_[size_t(i)] + 1;
  } else {
    *line = 0;
    *column = 0;
  }
}

void File::AddLineColumnInfo(int offset, std::string filename, int line, int column) {
  std::lock_guard<std::mutex> lock(infos_mu_);
  if (infos_.empty() || (infos_.back().offset < offset && offset < size_)) {
    infos_.push_back(LineInfo{offset, std::move(filename), line, column});
  }
}

Position File::PositionFor(Pos p, bool adjusted) const {
  Position pos;
  if (!p.IsValid()) return pos;
  int offset = Offset(p);
  pos.offset = offset;
  pos.filename = name_;
  LineColumn(offset, &pos.line, &pos.column);
  if (!adjusted) return pos;
  std::lock_guard<std::mutex> lock(infos_mu_);
  if (infos_.empty()) return pos;
  // The directive in effect is the last one recorded at or before offset.
  auto it = std::upper_bound(infos_.begin(), infos_.end(), offset,
                             [](int off, const LineInfo& li) { return off < li.offset; });
  if (it == infos_.begin()) return pos;
  const LineInfo& alt = *(it - 1);
  pos.filename = alt.filename;
  int alt_line = 0;
  int alt_col = 0;
  LineColumn(alt.offset, &alt_line, &alt_col);
  if (alt_line == 0) return pos;
  int d = pos.line - alt_line;  // line distance from the directive's line
  pos.line = alt.line + d;
  if (alt.column == 0) {
    // An unknown column stays unknown until the next directive.
    pos.column = 0;
  } else if (d == 0) {
    // On the directive's own line, columns count from the directive's column.
    pos.column = alt.column + (offset - alt.offset);
  }
  return pos;
}

int File::Line(Pos p) const {
  if (!p.IsValid()) return 0;
  int offset = Offset(p);
  int line = 0;
  int column = 0;
  LineColumn(offset, &line, &column);
  std::lock_guard<std::mutex> lock(infos_mu_);
  if (infos_.empty()) return line;
  auto it = std::upper_bound(infos_.begin(), infos_.end(), offset,
                             [](int off, const LineInfo& li) { return off < li.offset; });
  if (it == infos_.begin()) return line;
  int alt_line = 0;
  LineColumn((it - 1)->offset, &alt_line, &column);
  return alt_line == 0 ? line : (it - 1)->line + (line - alt_line);
}

Pos File::LineStart(int line) const {
  EnsureLines();
  if (line < 1) line = 1;
  if (size_t(line) > lines_.size()) line = int(lines_.size());
  return PosAt(lines_[size_t(line - 1)]);
}

int File::LineCount() const {
  EnsureLines();
  return int(lines_.size());
}

File* FileSet::AddFile(std::string name, int size) {
  std::lock_guard<std::mutex> lock(mu_);
  int base = next_base_;
  files_.push_back(std::make_unique<File>(std::move(name), base, size));
  // Each file covers [base, base+size]; the end position (EOF) belongs to it too.
  next_base_ = base + size + 1;
  return files_.back().get();
}

int FileSet::Base() const {
  std::lock_guard<std::mutex> lock(mu_);
  return next_base_;
}

const File* FileSet::FileFor(Pos p) const {
  if (!p.IsValid()) return nullptr;
  int v = int(p.value());
  std::lock_guard<std::mutex> lock(mu_);
  // Last file whose base <= v.
  auto it = std::upper_bound(files_.begin(), files_.end(), v,
                             [](int x, const std::unique_ptr<File>& f) { return x < f->base(); });
  if (it == files_.begin()) return nullptr;
  const File* f = (it - 1)->get();
  if (v > f->base() + f->size()) return nullptr;
  return f;
}

Position FileSet::PositionFor(Pos p, bool adjusted) const {
  const File* f = FileFor(p);
  if (f == nullptr) return Position{};
  return f->PositionFor(p, adjusted);
}

}  // namespace gotool::base
