// Module paths and versions: CheckPath and friends, major suffixes, escaping.
#include "modcache/module.h"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cstdint>

#include "modcache/semver.h"
#include "pkg/base/strconv.h"
#include "pkg/base/utf8.h"

namespace gotool::modcache::module {
namespace {

enum class PathKind { kModule, kImport, kFile };

// Character classes of the ASCII runes allowed in paths, as bits of kPathChars.
enum : std::uint8_t { kFirstChar = 1, kModChar = 2, kImportChar = 4, kFileChar = 8 };

constexpr std::array<std::uint8_t, 128> kPathChars = [] {
  std::array<std::uint8_t, 128> t{};
  auto add = [&t](std::string_view chars, std::uint8_t bits) {
    for (char c : chars) t[static_cast<unsigned char>(c)] |= bits;
  };
  constexpr std::string_view kDigits = "0123456789", kLower = "abcdefghijklmnopqrstuvwxyz",
                             kUpper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  constexpr std::uint8_t kAll = kModChar | kImportChar | kFileChar;
  add(kDigits, kFirstChar | kAll);
  add(kLower, kFirstChar | kAll);
  add(kUpper, kAll);
  add("-.", kFirstChar | kAll);
  add("_~", kAll);
  add("+", kImportChar | kFileChar);
  add("!#$%&()+,=@[]^{} ", kFileChar);
  return t;
}();

bool IsPathChar(int32_t r, std::uint8_t kind_bit) {
  return r >= 0 && r < 0x80 && (kPathChars[static_cast<std::size_t>(r)] & kind_bit) != 0;
}

bool FirstPathOK(int32_t r) { return IsPathChar(r, kFirstChar); }

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

std::uint8_t KindBit(PathKind kind) {
  switch (kind) {
    case PathKind::kModule:
      return kModChar;
    case PathKind::kImport:
      return kImportChar;
    case PathKind::kFile:
      break;
  }
  return kFileChar;
}

// RuneOK reports whether r may appear in a path element of the kind whose
// KindBit is kind_bit: file names allow every letter beyond ASCII too.
bool RuneOK(int32_t r, std::uint8_t kind_bit) {
  if (r < 0x80) return IsPathChar(r, kind_bit);
  return kind_bit == kFileChar && base::IsLetter(r);
}

// IsWindowsName reports whether name is a device name Windows reserves (CON, COM1, ...)
// in any case.
bool IsWindowsName(std::string_view name) {
  if (name.size() != 3 && name.size() != 4) return false;
  switch (name[0] | 0x20) {  // lower-cased: the first letters of the names below
    case 'a':
    case 'c':
    case 'l':
    case 'n':
    case 'p':
      break;
    default:
      return false;
  }
  for (std::string_view bad : kBadWindowsNames)
    if (name.size() == bad.size() && EqualFold(bad, name)) return true;
  return false;
}

// CheckElem checks one path element; it returns the error text or "". One pass
// over the element finds its dots and its first disallowed rune; the checks then
// run in the go command's order, which decides the message.
std::string CheckElem(std::string_view elem, PathKind kind) {
  if (elem.empty()) return "empty path element";
  std::size_t dots = 0, first_dot = std::string_view::npos;
  int32_t bad = -1;
  const std::uint8_t kind_bit = KindBit(kind);
  for (std::size_t i = 0; i < elem.size();) {
    auto c = static_cast<unsigned char>(elem[i]);
    if (c == '.') {
      if (dots++ == 0) first_dot = i;
      ++i;
    } else if (c < 0x80) {  // ASCII, nearly every path, without decoding
      if (bad < 0 && (kPathChars[c] & kind_bit) == 0) bad = c;
      ++i;
    } else {
      base::DecodedRune d = NextRune(elem, i);
      if (bad < 0 && !RuneOK(d.rune, kind_bit)) bad = d.rune;
      i += d.width;
    }
  }
  if (dots == elem.size()) return "invalid path element " + Quote(elem);
  if (elem[0] == '.' && kind == PathKind::kModule) return "leading dot in path element";
  if (elem.back() == '.') return "trailing dot in path element";
  if (bad >= 0) return "invalid char " + QuoteRune(bad);
  std::string_view short_name = elem.substr(0, first_dot);
  if (IsWindowsName(short_name))
    return Quote(short_name) + " disallowed as path element component on Windows";
  if (kind == PathKind::kFile) return std::string();
  std::size_t tilde = short_name.rfind('~');
  if (tilde != std::string_view::npos && tilde < short_name.size() - 1) {
    std::string_view suffix = short_name.substr(tilde + 1);
    if (std::all_of(suffix.begin(), suffix.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return "trailing tilde and digits in path element";
  }
  return std::string();
}

// CheckPathElems checks the rules common to all path kinds.
std::string CheckPathElems(std::string_view path, PathKind kind) {
  if (!base::ValidUTF8(path)) return "invalid UTF-8";
  if (path.empty()) return "empty string";
  if (path[0] == '-' && kind != PathKind::kFile) return "leading dash";
  if (path.find("//") != std::string_view::npos) return "double slash";
  if (path.back() == '/') return "trailing slash";
  for (std::size_t start = 0; start <= path.size();) {
    std::size_t end = std::min(path.find('/', start), path.size());
    std::string err = CheckElem(path.substr(start, end - start), kind);
    if (!err.empty()) return err;
    start = end + 1;
  }
  return std::string();
}

SplitPathView SplitGopkgIn(std::string_view path) {
  std::size_t i = path.size();
  if (path.ends_with("-unstable")) i -= 9;
  while (i > 0 && path[i - 1] >= '0' && path[i - 1] <= '9') --i;
  if (i <= 1 || path[i - 1] != 'v' || path[i - 2] != '.') return {path, "", false};
  std::string_view major = path.substr(i - 2);
  if (major.size() <= 2 || (major[2] == '0' && major != ".v0")) return {path, "", false};
  return {path.substr(0, i - 2), major, true};
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
  AppendEscaped(&out, s);
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

// IsPlainModulePath reports whether path is certainly a valid module path, decided
// in one pass for the paths nearly every module has: ASCII lower case, digits, '.',
// '-', '_' (not in the first element) and '/' only. False decides nothing: CheckPath
// then runs each check in turn for its message.
bool IsPlainModulePath(std::string_view path) {
  if (path.empty() || path[0] == '-') return false;
  bool first = true, first_has_dot = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= path.size(); ++i) {
    char c = i < path.size() ? path[i] : '/';
    if (c == '/') {
      std::string_view elem(path.data() + start, i - start);
      // (A leading dot also covers an element of dots only.)
      if (elem.empty() || elem.front() == '.' || elem.back() == '.') return false;
      if (IsWindowsName(elem.substr(0, elem.find('.')))) return false;
      if (first && !first_has_dot) return false;
      first = false;
      start = i + 1;
    } else if (c == '.') {
      first_has_dot |= first;
    } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                 (c == '_' && !first))) {
      return false;
    }
  }
  return SplitPathVersionView(path).ok;
}

}  // namespace

std::optional<InvalidPathError> CheckPath(std::string_view path) {
  if (IsPlainModulePath(path)) return std::nullopt;
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
  if (!SplitPathVersionView(path).ok) return fail("invalid version");
  return std::nullopt;
}

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

SplitPathView SplitPathVersionView(std::string_view path) {
  if (path.starts_with("gopkg.in/")) return SplitGopkgIn(path);
  std::size_t i = path.size();
  bool dot = false;
  while (i > 0 && ((path[i - 1] >= '0' && path[i - 1] <= '9') || path[i - 1] == '.')) {
    if (path[i - 1] == '.') dot = true;
    --i;
  }
  if (i <= 1 || i == path.size() || path[i - 1] != 'v' || path[i - 2] != '/')
    return {path, "", true};
  std::string_view major = path.substr(i - 2);
  if (dot || major.size() <= 2 || major[2] == '0' || major == "/v1") return {path, "", false};
  return {path.substr(0, i - 2), major, true};
}

SplitPath SplitPathVersion(std::string_view path) {
  SplitPathView v = SplitPathVersionView(path);
  return {std::string(v.prefix), std::string(v.path_major), v.ok};
}

std::optional<InvalidVersionError> CheckPathMajor(std::string_view v, std::string_view path_major) {
  if (path_major.starts_with(".v") && path_major.ends_with("-unstable"))
    path_major.remove_suffix(9);
  if (v.starts_with("v0.0.0-") && path_major == ".v1") return std::nullopt;
  // The commonest case, a v0 or v1 version of a path without suffix, without
  // building the major version.
  if (path_major.empty() && (v.starts_with("v0.") || v.starts_with("v1.")) && semver::IsValid(v))
    return std::nullopt;
  std::string m = semver::Major(v);
  std::string want;
  if (path_major.empty()) {
    if (m == "v0" || m == "v1" ||
        (v.ends_with("+incompatible") && semver::Build(v) == "+incompatible"))
      return std::nullopt;
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
  if (v.ends_with("+incompatible") && semver::Build(v) == "+incompatible") cv += "+incompatible";
  return cv;
}

bool IsCanonicalVersion(std::string_view v) {
  constexpr std::string_view kIncompatible = "+incompatible";
  if (v.ends_with(kIncompatible)) v.remove_suffix(kIncompatible.size());
  return semver::IsCanonical(v);
}

void Sort(std::vector<Version>* list) {
  auto less = [](const Version& a, const Version& b) {
    if (int c = a.path.compare(b.path); c != 0) return c < 0;
    std::string_view va = a.version, vb = b.version, fa, fb;
    if (std::size_t k = va.find('/'); k != std::string_view::npos)
      fa = va.substr(k), va = va.substr(0, k);
    if (std::size_t k = vb.find('/'); k != std::string_view::npos)
      fb = vb.substr(k), vb = vb.substr(0, k);
    if (va != vb) return semver::Compare(va, vb) < 0;
    return fa < fb;
  };
  // go.mod files list their requirements sorted: check before sorting (and copying).
  if (!std::is_sorted(list->begin(), list->end(), less))
    std::stable_sort(list->begin(), list->end(), less);
}

void AppendEscaped(std::string* out, std::string_view s) {
  // Runs without upper case (nearly always the whole of s) are appended at once.
  for (;;) {
    auto upper = std::find_if(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    out->append(s.begin(), upper);
    if (upper == s.end()) return;
    *out += '!';
    *out += static_cast<char>(*upper - 'A' + 'a');
    s.remove_prefix(static_cast<std::size_t>(upper - s.begin()) + 1);
  }
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
