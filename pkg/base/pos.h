// Source positions: compact 32-bit Pos values in a FileSet, as go/token does.
#pragma once

#include <compare>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace gotool::base {

// Pos is a compact source position: an offset into a FileSet's address space.
// The zero Pos (NoPos) means "no position". Line and column are computed only when
// a Pos is turned into a Position for printing.
class Pos {
 public:
  constexpr Pos() = default;
  constexpr explicit Pos(uint32_t value) : value_(value) {}
  constexpr bool IsValid() const { return value_ != 0; }
  constexpr uint32_t value() const { return value_; }
  constexpr Pos operator+(int64_t delta) const { return Pos(uint32_t(int64_t(value_) + delta)); }
  constexpr int64_t operator-(Pos other) const { return int64_t(value_) - int64_t(other.value_); }
  constexpr auto operator<=>(const Pos&) const = default;

 private:
  uint32_t value_ = 0;
};

inline constexpr Pos NoPos{};

// Position is a printable source position. Line and Column are 1-based; Column
// counts bytes, as Go's does. A Position with Line == 0 is invalid.
struct Position {
  std::string filename;
  int offset = 0;
  int line = 0;
  int column = 0;

  bool IsValid() const { return line > 0; }
  // String formats the position as Go does: "file:line:col", "file:line",
  // "line:col", "file" or "-".
  std::string String() const;
};

// File is one source file in a FileSet: it owns its name and size and a view of its
// content; line starts are computed lazily from the content handed to SetContent (the
// scanner does that), and //line directives are recorded with AddLineColumnInfo.
class File {
 public:
  File(std::string name, int base, int size) : name_(std::move(name)), base_(base), size_(size) {}

  const std::string& name() const { return name_; }
  int base() const { return base_; }
  int size() const { return size_; }

  // Pos returns the Pos of the byte at offset (0 <= offset <= size).
  Pos PosAt(int offset) const { return Pos(uint32_t(base_ + offset)); }
  // Offset returns the byte offset of p in this file.
  int Offset(Pos p) const { return int(p.value()) - base_; }

  // SetContent gives the file's bytes so that line starts can be computed lazily on the
  // first position query. The view must outlive the File.
  void SetContent(std::string_view content) { content_ = content; }
  // content returns the view given to SetContent (empty if none).
  std::string_view content() const { return content_; }

  // AddLineColumnInfo records a //line directive: the source position of the byte at
  // offset is filename:line:column (column 0: unknown), and following lines count on
  // from there. As go/token, an entry is dropped unless its offset is greater than the
  // previous entry's and less than size (the first entry is always kept).
  void AddLineColumnInfo(int offset, std::string filename, int line, int column);

  // PositionFor returns the position of p; with adjusted, //line directives apply.
  Position PositionFor(Pos p, bool adjusted) const;

  // Line returns the 1-based line number of p, //line-adjusted as go/token's File.Line
  // (which go/parser uses to group comments); it does not copy the filename.
  int Line(Pos p) const;
  // LineStart returns the Pos of the first byte of the given 1-based line (clamped to
  // the valid line range).
  Pos LineStart(int line) const;
  // LineCount returns the number of lines (a final newline does not start a line).
  int LineCount() const;

 private:
  struct LineInfo {
    int offset;
    std::string filename;
    int line;
    int column;
  };
  void EnsureLines() const;
  // Unadjusted 1-based line and column of the byte at offset.
  void LineColumn(int offset, int* line, int* column) const;

  std::string name_;
  int base_;
  int size_;
  std::string_view content_;
  mutable std::once_flag lines_once_;
  mutable std::vector<int> lines_;  // offsets of line starts; lines_[0] == 0
  mutable std::mutex infos_mu_;      // guards infos_ (directives may be added while
                                     // other threads print positions)
  std::vector<LineInfo> infos_;     // sorted by offset
};

// FileSet owns the Files of one run and maps each Pos back to its File. Base 0 is
// reserved for NoPos; each file occupies [base, base+size] (the end counts so that the
// EOF position is valid). AddFile is thread-safe.
class FileSet {
 public:
  FileSet() = default;
  FileSet(const FileSet&) = delete;
  FileSet& operator=(const FileSet&) = delete;

  // AddFile reserves size+1 positions for a new file and returns it (owned by the set).
  File* AddFile(std::string name, int size);
  // FileFor returns the file containing p, or nullptr.
  const File* FileFor(Pos p) const;
  // PositionFor returns the (optionally //line-adjusted) position of p.
  Position PositionFor(Pos p, bool adjusted = true) const;
  // Base returns the base the next added file will get.
  int Base() const;

 private:
  mutable std::mutex mu_;
  std::vector<std::unique_ptr<File>> files_;  // sorted by base
  int next_base_ = 1;
};

}  // namespace gotool::base
