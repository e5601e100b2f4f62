// Elastic tabstops: aligns tab-terminated cells in columns, as text/tabwriter does.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gotool::gofmt {

// TabwriterFlags are text/tabwriter's formatting flags (bit set).
enum TabwriterFlags : unsigned {
  kFilterHTML = 1 << 0,           // treat HTML tags as zero-width, entities as width 1
  kStripEscape = 1 << 1,          // drop the Escape bytes bracketing escaped text
  kAlignRight = 1 << 2,           // right-align cell text (ignored with padchar '\t')
  kDiscardEmptyColumns = 1 << 3,  // columns of only empty, soft cells get no width
  kTabIndent = 1 << 4,            // pad leading empty cells with tabs
  kDebug = 1 << 5,                // print '|' between columns, "---" at formfeeds
};

// kTabEscape brackets text that the tabwriter passes through unchanged (its tabs and
// newlines included); the bytes themselves count zero width unless stripped.
inline constexpr char kTabEscape = '\xff';

// TabwriterConfig holds the writer's parameters; the defaults are go/printer's under
// gofmt (UseSpaces|TabIndent, tabwidth 8).
struct TabwriterConfig {
  int minwidth = 0;  // minimal cell width including padding
  int tabwidth = 8;  // width of a tab in columns
  int padding = 1;   // padding added to a cell before computing its width
  char padchar = ' ';
  unsigned flags = kDiscardEmptyColumns | kTabIndent;
};

// Tabwriter buffers text written to it and, at each flush point, appends the
// column-aligned result to an output string. A cell is text terminated by '\t'
// (a hard cell) or '\v' (a soft cell); '\n' ends a line and flushes when the line
// had no cells, '\f' ends a line and always flushes. The column-block algorithm:
// consecutive lines that have a cell in column c form a block whose width is the
// widest cell plus padding. Storage is reused across flushes: after warm-up a
// write allocates nothing.
class Tabwriter {
 public:
  Tabwriter(std::string* output, const TabwriterConfig& config = {});

  // Write consumes text; aligned output appears in the output string at flush points.
  void Write(std::string_view text);
  // Flush formats and emits everything buffered, ending the current cell.
  void Flush();

 private:
  struct Cell {
    uint32_t size = 0;   // bytes of text in buf_
    uint32_t width = 0;  // width in runes, escapes excluded
    bool htab = false;   // terminated by '\t' rather than '\v'
  };

  void Reset();
  void AddLine() { line_begin_.push_back(uint32_t(cells_.size())); }
  size_t LineCount() const { return line_begin_.size(); }
  // LineCells returns the number of cells of line i.
  size_t LineCells(size_t i) const {
    size_t end = i + 1 < line_begin_.size() ? line_begin_[i + 1] : cells_.size();
    return end - line_begin_[i];
  }
  const Cell& CellAt(size_t line, size_t column) const {
    return cells_[line_begin_[line] + column];
  }

  void Append(std::string_view text);
  void UpdateWidth();
  void StartEscape(char ch);
  void EndEscape();
  size_t TerminateCell(bool htab);
  void FlushInternal();
  size_t Format(size_t pos, size_t line0, size_t line1);
  size_t WriteLines(size_t pos, size_t line0, size_t line1);
  void WritePadding(int textw, int cellw, bool use_tabs);

  std::string* output_;
  TabwriterConfig config_;
  std::string buf_;  // text of all cells, without terminators
  size_t pos_ = 0;   // buf_ offset up to which cell_width_ is computed
  // The current, unterminated cell. Its size and width are kept in full words:
  // updated as the 32-bit fields of a Cell and then copied as one 8-byte word, they
  // would stall store forwarding at every cell.
  size_t cell_size_ = 0;
  size_t cell_width_ = 0;
  char end_char_ = 0;                 // byte ending the current escape, or 0
  std::vector<Cell> cells_;           // cells of all buffered lines, in order
  std::vector<uint32_t> line_begin_;  // index in cells_ of each line's first cell
  std::vector<int> widths_;           // column widths of the enclosing blocks
};

}  // namespace gotool::gofmt
