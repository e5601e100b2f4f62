// Module paths and versions: validity checks, major-version suffixes, escaping.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gotool::modcache::module {

// Version is a module path at a version ("golang.org/x/text" "v0.3.0"). The version
// may be empty (a module or replacement directory without version).
struct Version {
  std::string path;
  std::string version;

  // String returns "path@version", or the path when the version is empty.
  std::string String() const { return version.empty() ? path : path + "@" + version; }
  bool operator==(const Version&) const = default;
};

// VersionKey is a module version as a map key (path, version).
using VersionKey = std::pair<std::string, std::string>;

// VersionKeyLess orders VersionKeys as std::less does, and compares them with a
// Version or a pair of string_views too, so that maps keyed by VersionKey are
// searched without copying the strings of a key.
struct VersionKeyLess {
  using is_transparent = void;
  using View = std::pair<std::string_view, std::string_view>;
  static View ViewOf(const VersionKey& k) { return {k.first, k.second}; }
  static View ViewOf(const Version& m) { return {m.path, m.version}; }
  static View ViewOf(const View& v) { return v; }
  template <typename A, typename B>
  bool operator()(const A& a, const B& b) const {
    return ViewOf(a) < ViewOf(b);
  }
};

// InvalidPathError describes a malformed module, import or file path; Message is
// `malformed <kind> path "<path>": <err>`.
struct InvalidPathError {
  std::string kind;  // "module", "import" or "file"
  std::string path;
  std::string err;
  std::string Message() const;
};

// InvalidVersionError describes a bad version; Message is
// `version "<v>" invalid: <err>` (or "pseudo-version").
struct InvalidVersionError {
  std::string version;
  bool pseudo = false;
  std::string err;
  std::string Noun() const { return pseudo ? "pseudo-version" : "version"; }
  std::string Message() const;
};

// CheckPath checks that path is a valid module path: lower-case first element with a
// dot, allowed characters in every element, a well-formed major-version suffix.
std::optional<InvalidPathError> CheckPath(std::string_view path);

// CheckImportPath checks that path is a valid import path.
std::optional<InvalidPathError> CheckImportPath(std::string_view path);

// CheckFilePath checks that path is a valid file path inside a module zip.
std::optional<InvalidPathError> CheckFilePath(std::string_view path);

// SplitPathVersion splits path into a prefix and a major-version suffix ("/v2",
// ".v1" for gopkg.in); ok is false when the suffix is malformed ("/v1", "/v0", "/v2.0").
struct SplitPath {
  std::string prefix;
  std::string path_major;
  bool ok = false;
};
SplitPath SplitPathVersion(std::string_view path);

// SplitPathView is SplitPath as views into the path split.
struct SplitPathView {
  std::string_view prefix;
  std::string_view path_major;
  bool ok = false;
};
// SplitPathVersionView is SplitPathVersion without copying the parts.
SplitPathView SplitPathVersionView(std::string_view path);

// CheckPathMajor returns an error when version v does not match the path's major
// suffix ("should be v2, not v3"); "+incompatible" versions match an empty suffix.
std::optional<InvalidVersionError> CheckPathMajor(std::string_view v, std::string_view path_major);

// MatchPathMajor reports whether CheckPathMajor accepts v.
bool MatchPathMajor(std::string_view v, std::string_view path_major);

// PathMajorPrefix returns the major version of a suffix: "/v2" -> "v2", ".v1-unstable" -> "v1".
std::string PathMajorPrefix(std::string_view path_major);

// CanonicalVersion is semver.Canonical that keeps a "+incompatible" suffix.
std::string CanonicalVersion(std::string_view v);

// IsCanonicalVersion reports whether CanonicalVersion(v) == v, without building it.
bool IsCanonicalVersion(std::string_view v);

// Sort sorts versions by path, then by semver (a "/go.mod" suffix breaks ties).
void Sort(std::vector<Version>* list);

// EscapePath returns path with every upper-case letter L written "!l", or an error
// message when path is not a valid module path.
std::string EscapePath(std::string_view path, std::string* error);

// AppendEscaped appends s to *out as EscapePath escapes a valid path (every
// upper-case letter L written "!l"), without checking it: for paths and versions
// checked already.
void AppendEscaped(std::string* out, std::string_view s);

// EscapeVersion escapes a version as EscapePath does a path.
std::string EscapeVersion(std::string_view v, std::string* error);

// UnescapePath reverses EscapePath.
std::string UnescapePath(std::string_view escaped, std::string* error);

// UnescapeVersion reverses EscapeVersion.
std::string UnescapeVersion(std::string_view escaped, std::string* error);

// QuoteRune returns r as Go's %q prints a rune: 'x', '\n', '\u00a0'.
std::string QuoteRune(int32_t r);

// Quote returns s as Go's %q prints a string.
std::string Quote(std::string_view s);

}  // namespace gotool::modcache::module
