// Anchored line diff: unique common lines anchor the comparison, the longest
// increasing sequence of anchors is kept, and hunks grow around them.
#include "fmt/diff.h"

#include <algorithm>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

namespace gotool::gofmt {
namespace {

struct Pair {
  size_t x = 0, y = 0;
};

// Lines splits text after each '\n'; an unterminated last line gets the "No
// newline at end of file" marker appended (kept in storage).
std::vector<std::string_view> Lines(std::string_view text, std::string* storage) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) {
      *storage = std::string(text.substr(start)) + "\n\\ No newline at end of file\n";
      lines.push_back(*storage);
      return lines;
    }
    lines.push_back(text.substr(start, nl + 1 - start));
    start = nl + 1;
  }
  return lines;
}

// Anchors returns the matched line pairs that anchor the diff, framed by (0, 0)
// and (len(x), len(y)): lines occurring once in each text, in the longest run that
// increases on both sides.
std::vector<Pair> Anchors(const std::vector<std::string_view>& x,
                          const std::vector<std::string_view>& y) {
  // count: -1 or -2 per occurrence in x (saturating), -4 per occurrence in y
  // (saturating at -8): -5 means exactly once in each.
  std::unordered_map<std::string_view, long> count;
  for (std::string_view s : x) {
    long& c = count[s];
    if (c > -2) c--;
  }
  for (std::string_view s : y) {
    long& c = count[s];
    if (c > -8) c -= 4;
  }
  std::vector<size_t> yi, xi, inv;
  for (size_t i = 0; i < y.size(); i++) {
    long& c = count[y[i]];
    if (c == -5) {
      c = long(yi.size());  // from now on: index into yi
      yi.push_back(i);
    }
  }
  for (size_t i = 0; i < x.size(); i++) {
    auto it = count.find(x[i]);
    if (it != count.end() && it->second >= 0) {
      xi.push_back(i);
      inv.push_back(size_t(it->second));
    }
  }
  // Longest increasing subsequence of inv by patience sorting: tails[k] is the
  // smallest tail of an increasing run of length k+1, len[i] the run ending at i.
  size_t n = xi.size();
  std::vector<size_t> tails(n, n + 1), len(n);
  for (size_t i = 0; i < n; i++) {
    size_t k = size_t(std::lower_bound(tails.begin(), tails.end(), inv[i]) - tails.begin());
    tails[k] = inv[i];
    len[i] = k + 1;
  }
  size_t k = 0;
  for (size_t v : len) k = std::max(k, v);
  std::vector<Pair> seq(2 + k);
  seq[1 + k] = Pair{x.size(), y.size()};
  // Walk back taking, for each length, the last element that ends such a run. (Go
  // compares against a bound it never lowers; its choice is reproduced here.)
  for (size_t i = n; i-- > 0;) {
    if (len[i] == k && inv[i] < n) {
      seq[k] = Pair{xi[i], yi[inv[i]]};
      k--;
    }
  }
  seq[0] = Pair{0, 0};
  return seq;
}

}  // namespace

std::string Diff(std::string_view old_name, std::string_view old_text, std::string_view new_name,
                 std::string_view new_text) {
  if (old_text == new_text) return {};
  std::string xs, ys;
  std::vector<std::string_view> x = Lines(old_text, &xs);
  std::vector<std::string_view> y = Lines(new_text, &ys);

  std::string out =
      fmt::format("diff {} {}\n--- {}\n+++ {}\n", old_name, new_name, old_name, new_name);
  constexpr size_t kContext = 3;
  Pair done;   // printed up to x[:done.x] and y[:done.y]
  Pair chunk;  // start lines of the current hunk
  Pair count;  // lines of each side in the current hunk
  std::vector<std::string> ctext;
  auto add = [&](char prefix, std::string_view s) { ctext.push_back(prefix + std::string(s)); };
  for (Pair m : Anchors(x, y)) {
    if (m.x < done.x) continue;
    // Grow the anchor to the matching lines around it.
    Pair start = m;
    while (start.x > done.x && start.y > done.y && x[start.x - 1] == y[start.y - 1]) {
      start.x--;
      start.y--;
    }
    Pair end = m;
    while (end.x < x.size() && end.y < y.size() && x[end.x] == y[end.y]) {
      end.x++;
      end.y++;
    }
    for (size_t i = done.x; i < start.x; i++, count.x++) add('-', x[i]);
    for (size_t i = done.y; i < start.y; i++, count.y++) add('+', y[i]);

    // A short match inside a hunk stays in it.
    if ((end.x < x.size() || end.y < y.size()) &&
        (end.x - start.x < kContext || (!ctext.empty() && end.x - start.x < 2 * kContext))) {
      for (size_t i = start.x; i < end.x; i++, count.x++, count.y++) add(' ', x[i]);
      done = end;
      continue;
    }
    // Close the hunk with up to kContext lines of context.
    if (!ctext.empty()) {
      size_t n = std::min(end.x - start.x, kContext);
      for (size_t i = start.x; i < start.x + n; i++, count.x++, count.y++) add(' ', x[i]);
      done = Pair{start.x + n, start.y + n};
      if (count.x > 0) chunk.x++;
      if (count.y > 0) chunk.y++;
      out += fmt::format("@@ -{},{} +{},{} @@\n", chunk.x, count.x, chunk.y, count.y);
      for (const std::string& s : ctext) out += s;
      count = Pair{};
      ctext.clear();
    }
    if (end.x >= x.size() && end.y >= y.size()) break;
    // Open the next hunk with kContext lines of context.
    chunk = Pair{end.x - kContext, end.y - kContext};
    for (size_t i = chunk.x; i < end.x; i++, count.x++, count.y++) add(' ', x[i]);
    done = end;
  }
  return out;
}

}  // namespace gotool::gofmt
