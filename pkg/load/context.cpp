// The build context: tag matching, file-name rules and build-constraint headers.
#include "pkg/load/context.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "pkg/base/version.h"
#include "pkg/syntax/constraint.h"

namespace gotool::load {
namespace {

constexpr std::array<std::string_view, 17> kKnownOS = {
    "aix",   "android", "darwin", "dragonfly", "freebsd", "hurd",    "illumos", "ios", "js",
    "linux", "nacl",    "netbsd", "openbsd",   "plan9",   "solaris", "windows", "zos"};

constexpr std::array<std::string_view, 12> kUnixOS = {
    "aix", "android", "darwin", "dragonfly", "freebsd", "hurd",
    "illumos", "ios", "linux", "netbsd", "openbsd", "solaris"};

constexpr std::array<std::string_view, 24> kKnownArch = {
    "386",      "amd64",     "amd64p32",    "arm",     "armbe", "arm64",   "arm64be", "loong64",
    "mips",     "mipsle",    "mips64",      "mips64le", "mips64p32", "mips64p32le", "ppc",
    "ppc64",    "ppc64le",   "riscv",       "riscv64", "s390",  "s390x",   "sparc",   "sparc64",
    "wasm"};

template <size_t N>
bool Contains(const std::array<std::string_view, N>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

bool Contains(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// NextLine splits the first line off *p (without its newline).
std::string_view NextLine(std::string_view* p) {
  size_t nl = p->find('\n');
  std::string_view line = p->substr(0, nl);
  p->remove_prefix(nl == std::string_view::npos ? p->size() : nl + 1);
  return line;
}

// IsGoBuildComment reports whether a trimmed line starts a //go:build comment,
// including malformed ones that must still count as such.
bool IsGoBuildComment(std::string_view line) {
  if (!line.starts_with("//go:build")) return false;
  std::string_view rest = line.substr(10);
  return rest.empty() || TrimSpace(rest).size() < rest.size();
}

// FileHeader is the leading part of a Go file that may hold build constraints.
struct FileHeader {
  std::string_view trimmed;  // the run of // comments and blank lines ending at a blank line
  std::string_view go_build; // the //go:build line, if any
  bool has_go_build = false;
};

// SkipComments advances past the comments at the start of *line, tracking /* */ state;
// it returns false when it finds non-comment text.
bool SkipComments(std::string_view* line, bool* in_slash_star) {
  while (!line->empty()) {
    if (*in_slash_star) {
      size_t i = line->find("*/");
      if (i == std::string_view::npos) return true;
      *in_slash_star = false;
      *line = TrimSpace(line->substr(i + 2));
      continue;
    }
    if (line->starts_with("//")) return true;
    if (line->starts_with("/*")) {
      *in_slash_star = true;
      *line = TrimSpace(line->substr(2));
      continue;
    }
    return false;
  }
  return true;
}

// ParseFileHeader finds the header of content as go/build does; false on more than one
// //go:build line.
bool ParseFileHeader(std::string_view content, FileHeader* h) {
  size_t end = 0;
  std::string_view p = content;
  bool ended = false, in_slash_star = false;
  while (!p.empty()) {
    std::string_view line = TrimSpace(NextLine(&p));
    if (line.empty() && !ended) {
      end = content.size() - p.size();
      continue;
    }
    if (!line.starts_with("//")) ended = true;
    if (!in_slash_star && IsGoBuildComment(line)) {
      if (h->has_go_build) return false;
      h->go_build = line;
      h->has_go_build = true;
    }
    if (!SkipComments(&line, &in_slash_star)) break;
  }
  h->trimmed = content.substr(0, end);
  return true;
}

bool IsExecutable(const std::filesystem::path& p) {
  return access(p.c_str(), X_OK) == 0 && !std::filesystem::is_directory(p);
}

// GorootFromPath looks for an executable go on $PATH and returns the tree it belongs
// to (the parent of its bin directory, after resolving symlinks).
std::string GorootFromPath(const cfg::Config& config) {
  std::string path = config.environ().Get("PATH");
  size_t i = 0;
  while (i <= path.size()) {
    size_t colon = path.find(':', i);
    if (colon == std::string::npos) colon = path.size();
    std::string dir = path.substr(i, colon - i);
    i = colon + 1;
    if (dir.empty()) continue;
    std::filesystem::path go = std::filesystem::path(dir) / "go";
    if (!IsExecutable(go)) continue;
    std::error_code ec;
    std::filesystem::path real = std::filesystem::canonical(go, ec);
    if (ec) continue;
    std::filesystem::path root = real.parent_path().parent_path();
    if (std::filesystem::is_directory(root / "src" / "runtime", ec)) return root.string();
  }
  return {};
}

}  // namespace

bool IsKnownOS(std::string_view name) { return Contains(kKnownOS, name); }
bool IsKnownArch(std::string_view name) { return Contains(kKnownArch, name); }

std::vector<std::string> ReleaseTagsUpTo(int minor) {
  std::vector<std::string> tags;
  for (int i = 1; i <= minor; i++) tags.push_back("go1." + std::to_string(i));
  return tags;
}

BuildContext BuildContext::Default(const cfg::Config& config, std::string_view tags) {
  BuildContext ctx;
  ctx.goos = config.Goos();
  ctx.goarch = config.Goarch();
  ctx.goroot = FindGoroot(config);
  std::string_view v = base::kGoVersion;  // "go1.N"
  ctx.release_tags = ReleaseTagsUpTo(std::atoi(std::string(v.substr(4)).c_str()));
  if (ctx.goarch == "amd64" || ctx.goarch == "arm64" || ctx.goarch == "ppc64" ||
      ctx.goarch == "ppc64le" || ctx.goarch == "riscv64") {
    ctx.tool_tags = {"goexperiment.regabiwrappers", "goexperiment.regabiargs"};
  }
  size_t i = 0;
  while (i < tags.size()) {
    size_t j = tags.find_first_of(", ", i);
    if (j == std::string_view::npos) j = tags.size();
    if (j > i) ctx.build_tags.emplace_back(tags.substr(i, j - i));
    i = j + 1;
  }
  return ctx;
}

bool BuildContext::MatchTag(std::string_view name) const {
  if (cgo_enabled && name == "cgo") return true;
  if (name == goos || name == goarch || name == compiler) return true;
  if ((goos == "android" && name == "linux") || (goos == "illumos" && name == "solaris") ||
      (goos == "ios" && name == "darwin")) {
    return true;
  }
  if (name == "unix" && Contains(kUnixOS, goos)) return true;
  if (name == "boringcrypto") name = "goexperiment.boringcrypto";
  return Contains(build_tags, name) || Contains(tool_tags, name) || Contains(release_tags, name);
}

bool BuildContext::GoodOSArchFile(std::string_view name) const {
  name = name.substr(0, name.find('.'));
  size_t us = name.find('_');
  if (us == std::string_view::npos) return true;
  name.remove_prefix(us);  // the part before the first _ never counts
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (true) {
    size_t j = name.find('_', i);
    parts.push_back(name.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i));
    if (j == std::string_view::npos) break;
    i = j + 1;
  }
  if (!parts.empty() && parts.back() == "test") parts.pop_back();
  size_t n = parts.size();
  if (n >= 2 && IsKnownOS(parts[n - 2]) && IsKnownArch(parts[n - 1])) {
    return MatchTag(parts[n - 1]) && MatchTag(parts[n - 2]);
  }
  if (n >= 1 && (IsKnownOS(parts[n - 1]) || IsKnownArch(parts[n - 1]))) {
    return MatchTag(parts[n - 1]);
  }
  return true;
}

bool BuildContext::ShouldBuild(std::string_view content, std::string* err) const {
  FileHeader h;
  if (!ParseFileHeader(content, &h)) {
    *err = "multiple //go:build comments";
    return false;
  }
  auto match = [this](std::string_view tag) { return MatchTag(tag); };
  syntax::BuildConstraint x;
  if (h.has_go_build) {
    std::string perr = syntax::ParseBuildConstraint(h.go_build, &x);
    if (!perr.empty()) {
      *err = "parsing //go:build line: " + perr;
      return false;
    }
    return x.Eval(match);
  }
  bool ok = true;
  std::string_view p = h.trimmed;
  while (!p.empty()) {
    std::string_view line = TrimSpace(NextLine(&p));
    if (!line.starts_with("//") || line.find("+build") == std::string_view::npos) continue;
    if (!syntax::IsPlusBuild(line)) continue;
    if (syntax::ParseBuildConstraint(line, &x).empty() && !x.Eval(match)) ok = false;
  }
  return ok;
}

std::string FindGoroot(const cfg::Config& config) {
  std::string root = config.Getenv("GOROOT");
  if (!root.empty()) return root;
  root = GorootFromPath(config);
  if (!root.empty()) return root;
  std::error_code ec;
  for (const char* dir : {"/usr/share/go-1.19", "/usr/lib/go", "/usr/local/go"}) {
    if (std::filesystem::is_directory(std::filesystem::path(dir) / "src" / "runtime", ec)) {
      return dir;
    }
  }
  return {};
}

}  // namespace gotool::load
