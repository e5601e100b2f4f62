// Elastic tabstops: the cell buffer and the recursive column-block formatter.
#include "fmt/tabwriter.h"

#include <array>

#include "pkg/base/utf8.h"

namespace gotool::gofmt {
namespace {

constexpr std::string_view kTabs = "\t\t\t\t\t\t\t\t";

// kCellByte marks the bytes Write must look at outside escaped text: cell and line
// terminators, the tab escape, and the starts of HTML entities and tags.
constexpr auto kCellByte = [] {
  std::array<bool, 256> special{};
  for (unsigned char c : {'\t', '\v', '\n', '\f', '<', '&'}) special[c] = true;
  special[static_cast<unsigned char>(kTabEscape)] = true;
  return special;
}();

}  // namespace

Tabwriter::Tabwriter(std::string* output, const TabwriterConfig& config)
    : output_(output), config_(config) {
  // A tab padchar cannot right-align: text/tabwriter drops the flag.
  if (config_.padchar == '\t') config_.flags &= ~unsigned(kAlignRight);
  Reset();
}

void Tabwriter::Reset() {
  buf_.clear();
  pos_ = 0;
  cell_size_ = 0;
  cell_width_ = 0;
  end_char_ = 0;
  cells_.clear();
  line_begin_.clear();
  widths_.clear();
  AddLine();
}

void Tabwriter::Append(std::string_view text) {
  buf_.append(text);
  cell_size_ += text.size();
}

void Tabwriter::UpdateWidth() {
  // Most cells are indentation, with no text at all.
  if (pos_ == buf_.size()) return;
  cell_width_ += size_t(base::RuneCount(std::string_view(buf_).substr(pos_)));
  pos_ = buf_.size();
}

void Tabwriter::StartEscape(char ch) {
  switch (ch) {
    case kTabEscape:
      end_char_ = kTabEscape;
      break;
    case '<':
      end_char_ = '>';
      break;
    case '&':
      end_char_ = ';';
      break;
  }
}

void Tabwriter::EndEscape() {
  switch (end_char_) {
    case kTabEscape:
      UpdateWidth();
      // The two Escape bytes stay in the text but take no room.
      if (!(config_.flags & kStripEscape)) cell_width_ -= 2;
      break;
    case '>':  // a tag has zero width
      break;
    case ';':  // an entity counts as one rune
      cell_width_++;
      break;
  }
  pos_ = buf_.size();
  end_char_ = 0;
}

size_t Tabwriter::TerminateCell(bool htab) {
  cells_.push_back(Cell{uint32_t(cell_size_), uint32_t(cell_width_), htab});
  cell_size_ = 0;
  cell_width_ = 0;
  return cells_.size() - line_begin_.back();
}

void Tabwriter::WritePadding(int textw, int cellw, bool use_tabs) {
  if (config_.padchar == '\t' || use_tabs) {
    // Tabs of width 0 cannot pad anything.
    if (config_.tabwidth == 0) return;
    int tw = config_.tabwidth;
    cellw = (cellw + tw - 1) / tw * tw;
    int n = cellw - textw;
    int ntabs = (n + tw - 1) / tw;
    while (ntabs > int(kTabs.size())) {
      output_->append(kTabs);
      ntabs -= int(kTabs.size());
    }
    output_->append(kTabs.substr(0, size_t(ntabs)));
    return;
  }
  if (cellw > textw) output_->append(size_t(cellw - textw), config_.padchar);
}

size_t Tabwriter::WriteLines(size_t pos, size_t line0, size_t line1) {
  const bool debug = config_.flags & kDebug;
  const bool right = config_.flags & kAlignRight;
  for (size_t i = line0; i < line1; i++) {
    bool use_tabs = config_.flags & kTabIndent;
    size_t ncells = LineCells(i);
    for (size_t j = 0; j < ncells; j++) {
      const Cell& c = CellAt(i, j);
      if (j > 0 && debug) output_->push_back('|');
      bool has_width = j < widths_.size();
      if (c.size == 0) {
        // An empty cell: padding only (tabs while still in the indentation).
        if (has_width) WritePadding(int(c.width), widths_[j], use_tabs);
        continue;
      }
      use_tabs = false;
      if (!right) {
        output_->append(buf_, pos, c.size);
        pos += c.size;
        if (has_width) WritePadding(int(c.width), widths_[j], false);
      } else {
        if (has_width) WritePadding(int(c.width), widths_[j], false);
        output_->append(buf_, pos, c.size);
        pos += c.size;
      }
    }
    if (i + 1 == LineCount()) {
      // The last buffered line is unterminated: emit its pending cell text.
      output_->append(buf_, pos, cell_size_);
      pos += cell_size_;
    } else {
      output_->push_back('\n');
    }
  }
  return pos;
}

// Format writes lines [line0, line1), recursively aligning column widths_.size():
// each maximal run of lines that have a cell in that column is one block.
size_t Tabwriter::Format(size_t pos, size_t line0, size_t line1) {
  const size_t column = widths_.size();
  for (size_t cur = line0; cur < line1; cur++) {
    // A line's last cell is not tab-terminated and is not part of a column.
    if (column + 1 >= LineCells(cur)) continue;
    pos = WriteLines(pos, line0, cur);
    line0 = cur;

    int width = config_.minwidth;
    bool discardable = true;  // all cells empty and soft
    for (; cur < line1; cur++) {
      if (column + 1 >= LineCells(cur)) break;
      const Cell& c = CellAt(cur, column);
      int w = int(c.width) + config_.padding;
      if (w > width) width = w;
      if (c.width > 0 || c.htab) discardable = false;
    }
    if (discardable && (config_.flags & kDiscardEmptyColumns)) width = 0;

    widths_.push_back(width);
    pos = Format(pos, line0, cur);
    widths_.pop_back();
    line0 = cur;
  }
  return WriteLines(pos, line0, line1);
}

void Tabwriter::FlushInternal() {
  if (cell_size_ > 0) {
    if (end_char_ != 0) EndEscape();
    TerminateCell(false);
  }
  Format(0, 0, LineCount());
  Reset();
}

void Tabwriter::Flush() { FlushInternal(); }

void Tabwriter::Write(std::string_view text) {
  const bool filter_html = config_.flags & kFilterHTML;
  const bool strip = config_.flags & kStripEscape;
  size_t n = 0;  // start of the text not yet appended
  const size_t size = text.size();
  for (size_t i = 0; i < size; i++) {
    if (end_char_ != 0) {
      i = text.find(end_char_, i);
      if (i == std::string_view::npos) break;
      size_t j = i + 1;
      if (end_char_ == kTabEscape && strip) j = i;
      Append(text.substr(n, j - n));
      n = i + 1;
      EndEscape();
      continue;
    }
    while (i < size && !kCellByte[static_cast<unsigned char>(text[i])]) i++;
    if (i == size) break;
    char ch = text[i];
    switch (ch) {
      case '\t':
      case '\v':
      case '\n':
      case '\f': {
        Append(text.substr(n, i - n));
        UpdateWidth();
        n = i + 1;
        size_t ncells = TerminateCell(ch == '\t');
        if (ch == '\n' || ch == '\f') {
          AddLine();
          // A line without tabs ends every column block: nothing later can align
          // with what is buffered, so emit it now.
          if (ch == '\f' || ncells == 1) {
            FlushInternal();
            if (ch == '\f' && (config_.flags & kDebug)) output_->append("---\n");
          }
        }
        break;
      }
      case kTabEscape:
        Append(text.substr(n, i - n));
        UpdateWidth();
        n = strip ? i + 1 : i;
        StartEscape(kTabEscape);
        break;
      case '<':
      case '&':
        if (filter_html) {
          Append(text.substr(n, i - n));
          UpdateWidth();
          n = i;
          StartEscape(ch);
        }
        break;
      default:
        break;
    }
  }
  Append(text.substr(n));
}

}  // namespace gotool::gofmt
