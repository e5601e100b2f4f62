// Module paths and versions: CheckPath and friends, major suffixes, escaping.
#include "modcache/module.h"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <mutex>
#include <unordered_set>

#include "modcache/semver.h"
#include "pkg/base/strconv.h"
#include "pkg/base/utf8.h"

namespace gotool::modcache::module {
namespace {

enum class PathKind { kModule, kImport, kFile };

bool FirstPathOK(int32_t r) {
  return r == '-' || r == '.' || (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z');
}

bool ModPathOK(int32_t r) {
  return r == '-' || r == '.' || r == '_' || r == '~' || (r >= '0' && r <= '9') ||
         (r >= 'A' && r <= 'Z') || (r >= 'a' && r <= 'z');
}

bool ImportPathOK(int32_t r) { return ModPathOK(r) || r == '+'; }

bool FileNameOK(int32_t r) {
  if (r < 0x80) {
    if ((r >= '0' && r <= '9') || (r >= 'A' && r <= 'Z') || (r >= 'a' && r <= 'z')) return true;
    return std::string_view("!#$%&()+,-.=@[]^_{}~ ").find(static_cast<char>(r)) !=
           std::string_view::npos;
  }
  return base::IsLetter(r);
}

bool EqualFold(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'a' && x <= 'z') x = static_cast<char>(x - 'a' + 'A');
    if (y >= 'a' && y <= 'z') y = static_cast<char>(y - 'a' + 'A');
    if (x != y) return false;
  }
  return true;
}

constexpr std::array<std::string_view, 22> kBadWindowsNames = {
    "CON",  "PRN",  "AUX",  "NUL",  "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7",
    "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"};

// NextRune decodes the rune at s[i]; ASCII, nearly all of a module path, is
// taken as is.
base::DecodedRune NextRune(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return {static_cast<int32_t>(c), 1};
  return base::DecodeRune(s.substr(i));
}

// CheckElem checks one path element; it returns the error text or "".
std::string CheckElem(std::string_view elem, PathKind kind) {
  if (elem.empty()) return "empty path element";
  if (static_cast<std::size_t>(std::count(elem.begin(), elem.end(), '.')) == elem.size())
    return "invalid path element " + Quote(elem);
  if (elem[0] == '.' && kind == PathKind::kModule) return "leading dot in path element";
  if (elem.back() == '.') return "trailing dot in path element";
  for (std::size_t i = 0; i < elem.size();) {
    base::DecodedRune d = NextRune(elem, i);
    bool ok = kind == PathKind::kModule   ? ModPathOK(d.rune)
              : kind == PathKind::kImport ? ImportPathOK(d.rune)
                                          : FileNameOK(d.rune);
    if (!ok) return "invalid char " + QuoteRune(d.rune);
    i += d.width;
  }
  std::string_view short_name = elem.substr(0, elem.find('.'));
  for (std::string_view bad : kBadWindowsNames)
    if (short_name.size() == bad.size() && EqualFold(bad, short_name))
      return Quote(short_name) + " disallowed as path element component on Windows";
  if (kind == PathKind::kFile) return "";
  std::size_t tilde = short_name.rfind('~');
  if (tilde != std::string_view::npos && tilde < short_name.size() - 1) {
    std::string_view suffix = short_name.substr(tilde + 1);
    if (std::all_of(suffix.begin(), suffix.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return "trailing tilde and digits in path element";
  }
  return "";
}

// CheckPathElems checks the rules common to all path kinds.
std::string CheckPathElems(std::string_view path, PathKind kind) {
  if (!base::ValidUTF8(path)) return "invalid UTF-8";
  if (path.empty()) return "empty string";
  if (path[0] == '-' && kind != PathKind::kFile) return "leading dash";
  if (path.find("//") != std::string_view::npos) return "double slash";
  if (path.back() == '/') return "trailing slash";
  std::size_t start = 0;
  for (std::size_t i = 0; i <= path.size(); ++i) {
    if (i == path.size() || path[i] == '/') {
      std::string err = CheckElem(path.substr(start, i - start), kind);
      if (!err.empty()) return err;
      start = i + 1;
    }
  }
  return "";
}

SplitPath SplitGopkgIn(std::string_view path) {
  std::size_t i = path.size();
  if (path.ends_with("-unstable")) i -= 9;
  while (i > 0 && path[i - 1] >= '0' && path[i - 1] <= '9') --i;
  if (i <= 1 || path[i - 1] != 'v' || path[i - 2] != '.') return {std::string(path), "", false};
  std::string_view major = path.substr(i - 2);
  if (major.size() <= 2 || (major[2] == '0' && major != ".v0"))
    return {std::string(path), "", false};
  return {std::string(path.substr(0, i - 2)), std::string(major), true};
}

bool HasUpperOrBang(std::string_view s, bool* bad) {
  bool upper = false;
  for (unsigned char c : s) {
    if (c == '!' || c >= 0x80) *bad = true;
    if (c >= 'A' && c <= 'Z') upper = true;
  }
  return upper;
}

std::string EscapeString(std::string_view s, std::string* error) {
  bool bad = false;
  if (!HasUpperOrBang(s, &bad)) {
    if (bad) *error = "internal error: inconsistency in EscapePath";
    return bad ? "" : std::string(s);
  }
  if (bad) {
    *error = "internal error: inconsistency in EscapePath";
    return "";
  }
  std::string out;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') {
      out += '!';
      out += static_cast<char>(c - 'A' + 'a');
    } else {
      out += c;
    }
  }
  return out;
}

bool UnescapeString(std::string_view escaped, std::string* out) {
  bool bang = false;
  for (unsigned char c : escaped) {
    if (c >= 0x80) return false;
    if (bang) {
      bang = false;
      if (c < 'a' || c > 'z') return false;
      *out += static_cast<char>(c - 'a' + 'A');
      continue;
    }
    if (c == '!') {
      bang = true;
      continue;
    }
    if (c >= 'A' && c <= 'Z') return false;
    *out += static_cast<char>(c);
  }
  return !bang;
}

}  // namespace

std::string InvalidPathError::Message() const {
  return fmt::format("malformed {} path {}: {}", kind, Quote(path), err);
}

std::string InvalidVersionError::Message() const {
  return fmt::format("{} {} invalid: {}", Noun(), Quote(version), err);
}

namespace {

// ValidPaths remembers the module paths CheckPath accepted: a command checks each
// module's path many times (each cache path, each download step).
class ValidPaths {
 public:
  bool Has(std::string_view path) {
    std::lock_guard<std::mutex> lock(mu_);
    return set_.count(std::string(path)) > 0;
  }
  void Add(std::string_view path) {
    std::lock_guard<std::mutex> lock(mu_);
    set_.emplace(path);
  }

 private:
  std::mutex mu_;
  std::unordered_set<std::string> set_;
};

ValidPaths& KnownValidPaths() {
  static ValidPaths* paths = new ValidPaths;
  return *paths;
}

std::optional<InvalidPathError> CheckPathUncached(std::string_view path);

}  // namespace

std::optional<InvalidPathError> CheckPath(std::string_view path) {
  if (KnownValidPaths().Has(path)) return std::nullopt;
  std::optional<InvalidPathError> err = CheckPathUncached(path);
  if (!err) KnownValidPaths().Add(path);
  return err;
}

namespace {

std::optional<InvalidPathError> CheckPathUncached(std::string_view path) {
  auto fail = [&](std::string err) {
    return InvalidPathError{"module", std::string(path), std::move(err)};
  };
  std::string err = CheckPathElems(path, PathKind::kModule);
  if (!err.empty()) return fail(err);
  std::size_t i = path.find('/');
  if (i == std::string_view::npos) i = path.size();
  if (i == 0) return fail("leading slash");
  std::string_view first = path.substr(0, i);
  if (first.find('.') == std::string_view::npos) return fail("missing dot in first path element");
  if (path[0] == '-') return fail("leading dash in first path element");
  for (std::size_t k = 0; k < first.size();) {
    base::DecodedRune d = NextRune(first, k);
    if (!FirstPathOK(d.rune))
      return fail("invalid char " + QuoteRune(d.rune) + " in first path element");
    k += d.width;
  }
  if (!SplitPathVersion(path).ok) return fail("invalid version");
  return std::nullopt;
}

}  // namespace

std::optional<InvalidPathError> CheckImportPath(std::string_view path) {
  std::string err = CheckPathElems(path, PathKind::kImport);
  if (err.empty()) return std::nullopt;
  return InvalidPathError{"import", std::string(path), err};
}

std::optional<InvalidPathError> CheckFilePath(std::string_view path) {
  std::string err = CheckPathElems(path, PathKind::kFile);
  if (err.empty()) return std::nullopt;
  return InvalidPathError{"file", std::string(path), err};
}

SplitPath SplitPathVersion(std::string_view path) {
  if (path.starts_with("gopkg.in/")) return SplitGopkgIn(path);
  std::size_t i = path.size();
  bool dot = false;
  while (i > 0 && ((path[i - 1] >= '0' && path[i - 1] <= '9') || path[i - 1] == '.')) {
    if (path[i - 1] == '.') dot = true;
    --i;
  }
  if (i <= 1 || i == path.size() || path[i - 1] != 'v' || path[i - 2] != '/')
    return {std::string(path), "", true};
  std::string_view major = path.substr(i - 2);
  if (dot || major.size() <= 2 || major[2] == '0' || major == "/v1")
    return {std::string(path), "", false};
  return {std::string(path.substr(0, i - 2)), std::string(major), true};
}

std::optional<InvalidVersionError> CheckPathMajor(std::string_view v, std::string_view path_major) {
  if (path_major.starts_with(".v") && path_major.ends_with("-unstable"))
    path_major.remove_suffix(9);
  if (v.starts_with("v0.0.0-") && path_major == ".v1") return std::nullopt;
  std::string m = semver::Major(v);
  std::string want;
  if (path_major.empty()) {
    if (m == "v0" || m == "v1" || semver::Build(v) == "+incompatible") return std::nullopt;
    want = "v0 or v1";
  } else if (path_major[0] == '/' || path_major[0] == '.') {
    if (m == path_major.substr(1)) return std::nullopt;
    want = std::string(path_major.substr(1));
  } else {
    want = std::string(path_major);
  }
  return InvalidVersionError{std::string(v), false, fmt::format("should be {}, not {}", want, m)};
}

bool MatchPathMajor(std::string_view v, std::string_view path_major) {
  return !CheckPathMajor(v, path_major).has_value();
}

std::string PathMajorPrefix(std::string_view path_major) {
  if (path_major.empty()) return "";
  if (path_major.starts_with(".v") && path_major.ends_with("-unstable"))
    path_major.remove_suffix(9);
  return std::string(path_major.substr(1));
}

std::string CanonicalVersion(std::string_view v) {
  std::string cv = semver::Canonical(v);
  if (semver::Build(v) == "+incompatible") cv += "+incompatible";
  return cv;
}

void Sort(std::vector<Version>* list) {
  std::stable_sort(list->begin(), list->end(), [](const Version& a, const Version& b) {
    if (a.path != b.path) return a.path < b.path;
    std::string_view va = a.version, vb = b.version, fa, fb;
    if (std::size_t k = va.find('/'); k != std::string_view::npos)
      fa = va.substr(k), va = va.substr(0, k);
    if (std::size_t k = vb.find('/'); k != std::string_view::npos)
      fb = vb.substr(k), vb = vb.substr(0, k);
    if (va != vb) return semver::Compare(va, vb) < 0;
    return fa < fb;
  });
}

std::string EscapePath(std::string_view path, std::string* error) {
  if (auto err = CheckPath(path)) {
    *error = err->Message();
    return "";
  }
  return EscapeString(path, error);
}

std::string EscapeVersion(std::string_view v, std::string* error) {
  if (!CheckElem(v, PathKind::kFile).empty() || v.find('!') != std::string_view::npos) {
    *error = InvalidVersionError{std::string(v), false, "disallowed version string"}.Message();
    return "";
  }
  return EscapeString(v, error);
}

std::string UnescapePath(std::string_view escaped, std::string* error) {
  std::string path;
  if (!UnescapeString(escaped, &path)) {
    *error = "invalid escaped module path " + Quote(escaped);
    return "";
  }
  if (auto err = CheckPath(path)) {
    *error = "invalid escaped module path " + Quote(escaped) + ": " + err->Message();
    return "";
  }
  return path;
}

std::string UnescapeVersion(std::string_view escaped, std::string* error) {
  std::string v;
  if (!UnescapeString(escaped, &v)) {
    *error = "invalid escaped version " + Quote(escaped);
    return "";
  }
  if (std::string err = CheckElem(v, PathKind::kFile); !err.empty()) {
    *error = "invalid escaped version " + Quote(v) + ": " + err;
    return "";
  }
  return v;
}

std::string QuoteRune(int32_t r) {
  switch (r) {
    case '\a':
      return "'\\a'";
    case '\b':
      return "'\\b'";
    case '\f':
      return "'\\f'";
    case '\n':
      return "'\\n'";
    case '\r':
      return "'\\r'";
    case '\t':
      return "'\\t'";
    case '\v':
      return "'\\v'";
    case '\'':
      return "'\\''";
    case '\\':
      return "'\\\\'";
    default:
      break;
  }
  if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) r = 0xFFFD;
  if (base::IsPrint(r)) {
    std::string out = "'";
    base::AppendRune(&out, r);
    return out + "'";
  }
  if (r < ' ' || r == 0x7f) return fmt::format("'\\x{:02x}'", r);
  if (r < 0x10000) return fmt::format("'\\u{:04x}'", r);
  return fmt::format("'\\U{:08x}'", r);
}

std::string Quote(std::string_view s) { return base::Quote(s); }

}  // namespace gotool::modcache::module
