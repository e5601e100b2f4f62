// Line directives (//line and /*line*/) and carriage-return stripping for the scanner.
#include <cstring>
#include <limits>
#include <vector>

#include "pkg/syntax/scanner.h"

namespace gotool::syntax {

namespace {

// TrailingDigits finds the last ':' in text. It returns the index just after it (0 if
// there is none) and whether what follows is an unsigned decimal number that fits in
// 64 bits, with its value wrapped to int64 as Go's int(uint64) conversion does.
struct Trailing {
  size_t index = 0;
  int64_t value = 0;
  bool ok = false;
};

Trailing TrailingDigits(std::string_view text) {
  Trailing t;
  size_t colon = text.rfind(':');  // from the right: Windows filenames may contain ':'
  if (colon == std::string_view::npos) return t;
  t.index = colon + 1;
  std::string_view digits = text.substr(t.index);
  if (digits.empty()) return t;
  uint64_t n = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return t;
    uint64_t d = uint64_t(c - '0');
    if (n > (std::numeric_limits<uint64_t>::max() - d) / 10) return t;  // out of range
    n = n * 10 + d;
  }
  t.value = int64_t(n);
  t.ok = true;
  return t;
}

// ToInt narrows a directive's line or column for storage; values beyond int only
// occur as (invalid) negative numbers, which stay negative.
int ToInt(int64_t v) {
  constexpr int64_t kMin = std::numeric_limits<int>::min() / 2;
  return v < kMin ? int(kMin) : int(v);
}

// CleanPath returns the shortest equivalent of a slash-separated path, as Go's
// path/filepath.Clean does on Unix.
std::string CleanPath(std::string_view path) {
  if (path.empty()) return ".";
  bool rooted = path[0] == '/';
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i < path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    std::string_view elem = path.substr(i, j - i);
    i = j + 1;
    if (elem.empty() || elem == ".") continue;
    if (elem == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!rooted) {
        parts.push_back(elem);
      }
      continue;
    }
    parts.push_back(elem);
  }
  std::string out;
  if (rooted) out = "/";
  for (size_t k = 0; k < parts.size(); k++) {
    if (k > 0) out += '/';
    out += parts[k];
  }
  if (out.empty()) out = ".";
  return out;
}

}  // namespace

// UpdateLineInfo interprets the comment text (starting at offs, "//line " or
// "/*line ") as a line directive and, if it is one, records that the position at
// offset next is filename:line[:col].
void Scanner::UpdateLineInfo(int next, int offs, std::string_view text) {
  if (text[1] == '*') text.remove_suffix(2);  // drop the closing "*/"
  text.remove_prefix(7);                      // drop "//line " or "/*line "
  offs += 7;

  constexpr int64_t kMaxLineCol = (int64_t(1) << 30) - 1;
  Trailing last = TrailingDigits(text);
  if (last.index == 0) return;  // no ':' at all: not a line directive
  if (!last.ok) {
    Error(offs + int(last.index), "invalid line number: " + std::string(text.substr(last.index)));
    return;
  }

  size_t line_index = last.index;
  int64_t line = last.value;
  int64_t col = 0;
  Trailing prev = TrailingDigits(text.substr(0, last.index - 1));
  if (prev.ok) {
    // filename:line:col
    line_index = prev.index;
    line = prev.value;
    col = last.value;
    if (col == 0 || col > kMaxLineCol) {
      Error(offs + int(last.index),
            "invalid column number: " + std::string(text.substr(last.index)));
      return;
    }
    text = text.substr(0, last.index - 1);
  }
  if (line == 0 || line > kMaxLineCol) {
    Error(offs + int(line_index), "invalid line number: " + std::string(text.substr(line_index)));
    return;
  }

  std::string filename(text.substr(0, line_index - 1));
  if (filename.empty() && prev.ok) {
    // With a column, an empty filename means the filename currently in effect.
    filename = file_->PositionFor(file_->PosAt(offs), true).filename;
  } else if (!filename.empty()) {
    // Relative names are taken relative to the file's directory, as go/scanner does.
    filename = CleanPath(filename);
    if (filename[0] != '/' && !dir_.empty()) filename = CleanPath(dir_ + filename);
  }
  file_->AddLineColumnInfo(next, std::move(filename), ToInt(line), ToInt(col));
}

// StripCR returns lit without its '\r' characters, copied into the arena. In a
// /*-comment a '\r' between '*' and '/' stays, lest the comment end early (unless the
// '*' is the opening one).
std::string_view Scanner::StripCR(std::string_view lit, bool comment) {
  char* buf = static_cast<char*>(arena_->Allocate(lit.size() ? lit.size() : 1, 1));
  size_t n = 0;
  for (size_t j = 0; j < lit.size(); j++) {
    char c = lit[j];
    bool keep = c != '\r' ||
                (comment && n > 2 && buf[n - 1] == '*' && j + 1 < lit.size() && lit[j + 1] == '/');
    if (keep) buf[n++] = c;
  }
  return std::string_view(buf, n);
}

}  // namespace gotool::syntax
