// go.sum files: reading the "path version hash" lines and writing them sorted.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "modcache/module.h"

namespace gotool::modcache {

// VersionLess orders module versions by path, then version text (a map key order;
// FormatGoSum sorts with module::Sort).
struct VersionLess {
  bool operator()(const module::Version& a, const module::Version& b) const {
    int c = a.path.compare(b.path);
    return c != 0 ? c < 0 : a.version < b.version;
  }
};

// GoSum maps a module version ("v1.2.3" or "v1.2.3/go.mod") to its hashes.
using GoSum = std::map<module::Version, std::vector<std::string>, VersionLess>;

// kEmptyGoModHash is the hash of an empty go.mod that an old go command bug wrote to
// go.sum files; reading drops such lines.
inline constexpr std::string_view kEmptyGoModHash =
    "h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=";

// ReadGoSum adds the lines of data (the go.sum named file) to *dst: blank lines are
// skipped, every other line needs exactly three fields. It returns the go command's
// error message ("malformed go.sum:\nFILE:LINE: wrong number of fields N") or "".
std::string ReadGoSum(std::string_view file, std::string_view data, GoSum* dst);

// FormatGoSum writes sums as go.sum: modules in module::Sort order (a zip line before
// its /go.mod line), each module's hashes sorted and unique, one line each.
std::string FormatGoSum(const GoSum& sums);

}  // namespace gotool::modcache
