// The printer's build-line fix-up: //go:build and // +build lines are gathered into
// one block before the package clause, the //go:build line canonicalised and the
// // +build lines regenerated from it.
#include <algorithm>

#include "fmt/printer_impl.h"
#include "fmt/tabwriter.h"
#include "pkg/syntax/constraint.h"

namespace gotool::gofmt::internal {
namespace {

bool IsNL(char b) { return b == '\n' || b == '\f'; }

// LineAt returns the line of out starting at start, including its line break.
std::string_view LineAt(std::string_view out, size_t start) {
  size_t pos = start;
  while (pos < out.size() && !IsNL(out[pos])) pos++;
  if (pos < out.size()) pos++;
  return out.substr(start, pos - start);
}

// CommentTextAt returns the comment text at start without its tabwriter escapes.
std::string_view CommentTextAt(std::string_view out, size_t start) {
  if (start < out.size() && out[start] == kTabEscape) start++;
  size_t pos = start;
  while (pos < out.size() && out[pos] != kTabEscape && !IsNL(out[pos])) pos++;
  return out.substr(start, pos - start);
}

// AppendLines appends y to x, dropping y's leading blank line when x is empty or
// already ends in a blank line.
void AppendLines(std::string* x, std::string_view y) {
  size_t n = x->size();
  if (!y.empty() && IsNL(y[0]) && (n == 0 || (n >= 2 && IsNL((*x)[n - 1]) && IsNL((*x)[n - 2])))) {
    y.remove_prefix(1);
  }
  x->append(y);
}

}  // namespace

void Printer::FixGoBuildLines() {
  if (go_build_.empty() && plus_build_.empty()) return;
  std::string_view out = output_;

  // The block goes after the last blank line before the first non-comment line
  // (output here is tabwriter input: comments start with an escape byte).
  size_t insert = 0;
  for (size_t pos = 0;;) {
    bool blank = true;
    while (pos < out.size() && (out[pos] == ' ' || out[pos] == '\t')) pos++;
    if (pos + 3 < out.size() && out[pos] == kTabEscape && out[pos + 1] == '/' &&
        out[pos + 2] == '/') {
      blank = false;
      while (pos < out.size() && !IsNL(out[pos])) pos++;
    }
    if (pos >= out.size() || !IsNL(out[pos])) break;
    pos++;
    if (blank) insert = pos;
  }
  // An earlier build line is an even better place.
  if (!go_build_.empty() && go_build_[0] < insert) {
    insert = go_build_[0];
  } else if (!plus_build_.empty() && plus_build_[0] < insert) {
    insert = plus_build_[0];
  }

  // The expression to print: the // +build lines ANDed, or the one //go:build line
  // (with what Go's parser returns along with a trailing-token error).
  std::optional<syntax::BuildConstraint> x;
  if (go_build_.empty()) {
    for (size_t pos : plus_build_) {
      syntax::BuildConstraint y;
      if (!syntax::ParseBuildConstraint(CommentTextAt(out, pos), &y).empty()) {
        x.reset();
        break;
      }
      x = x ? syntax::BuildConstraint::AndOf(std::move(*x), y) : std::move(y);
    }
  } else if (go_build_.size() == 1) {
    syntax::BuildConstraint y;
    syntax::ParseBuildConstraint(CommentTextAt(out, go_build_[0]), &y);
    if (!y.empty()) x = std::move(y);
  }

  std::string block;
  if (!x) {
    // No valid expression to trust: gather the lines as they are.
    for (size_t pos : go_build_) block.append(LineAt(out, pos));
    for (size_t pos : plus_build_) block.append(LineAt(out, pos));
  } else {
    block += kTabEscape;
    block += "//go:build " + x->String();
    block += kTabEscape;
    block += '\n';
    if (!plus_build_.empty()) {
      auto lines = x->PlusBuildLines();
      if (!lines) lines = {{"// +build error: expression too complex for // +build lines"}};
      for (const std::string& line : *lines) {
        block += kTabEscape;
        block += line;
        block += kTabEscape;
        block += '\n';
      }
    }
  }
  block += '\n';

  // The rest of the output, without the old build lines.
  std::vector<size_t> to_delete = go_build_;
  to_delete.insert(to_delete.end(), plus_build_.begin(), plus_build_.end());
  std::sort(to_delete.begin(), to_delete.end());
  std::string after;
  size_t start = insert;
  for (size_t end : to_delete) {
    if (end < start) continue;
    AppendLines(&after, out.substr(start, end - start));
    start = end + LineAt(out, end).size();
  }
  AppendLines(&after, out.substr(start));
  if (size_t n = after.size(); n >= 2 && IsNL(after[n - 1]) && IsNL(after[n - 2])) {
    after.pop_back();
  }

  std::string result(out.substr(0, insert));
  result += block;
  result += after;
  output_ = std::move(result);
}

}  // namespace gotool::gofmt::internal
