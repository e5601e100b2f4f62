// go.sum reading and writing.
#include "modcache/gosum.h"

#include <fmt/core.h>

#include <algorithm>

namespace gotool::modcache {
namespace {

// Fields splits s at runs of ASCII white space, as strings.Fields does for ASCII,
// puts the first three fields in f and returns how many there are.
std::size_t Fields(std::string_view s, std::string_view (&f)[3]) {
  std::size_t n = 0, i = 0;
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || c == '\n';
  };
  while (i < s.size()) {
    while (i < s.size() && space(s[i])) ++i;
    std::size_t start = i;
    while (i < s.size() && !space(s[i])) ++i;
    if (i > start && n++ < 3) f[n - 1] = s.substr(start, i - start);
  }
  return n;
}

}  // namespace

std::string ReadGoSum(std::string_view file, std::string_view data, GoSum* dst) {
  int lineno = 0;
  while (!data.empty()) {
    ++lineno;
    std::size_t nl = data.find('\n');
    std::string_view line = data.substr(0, nl);
    data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
    std::string_view f[3];
    std::size_t n = Fields(line, f);
    if (n == 0) continue;
    if (n != 3)
      return fmt::format("malformed go.sum:\n{}:{}: wrong number of fields {}", file, lineno, n);
    if (f[2] == kEmptyGoModHash) continue;
    // go.sum is sorted: the end is the place for a new key, nearly always.
    auto it = dst->try_emplace(dst->end(), module::Version{std::string(f[0]), std::string(f[1])});
    it->second.emplace_back(f[2]);
  }
  return "";
}

std::string FormatGoSum(const GoSum& sums) {
  std::vector<module::Version> mods;
  for (const auto& [m, hashes] : sums) mods.push_back(m);
  module::Sort(&mods);
  std::string out;
  for (const module::Version& m : mods) {
    std::vector<std::string> list = sums.at(m);
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    for (const std::string& h : list) out += m.path + " " + m.version + " " + h + "\n";
  }
  return out;
}

}  // namespace gotool::modcache
