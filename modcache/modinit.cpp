// `mod init`: choosing the module path (argument, import comments, vendoring
// files, GOPATH) and writing the first go.mod.
#include <optional>
#include <fmt/core.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "modcache/cache.h"
#include "modcache/modedit.h"
#include "modcache/modfile.h"
#include "modcache/module.h"

namespace gotool::modcache {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// FindImportComment returns the path of a `package x // import "path"` comment.
std::string FindImportComment(const fs::path& file) {
  static const RE2 re(
      R"((?m)^package[ \t]+[^ \t\r\n/]+[ \t]+//[ \t]+import[ \t]+("[^"]+")[ \t]*\r?\n)");
  std::string data = ReadAll(file), quoted, path;
  if (!RE2::PartialMatch(data, re, &quoted)) return "";
  return modfile::Unquote(quoted, &path) ? path : "";
}

std::vector<fs::directory_entry> SortedEntries(const fs::path& dir) {
  std::vector<fs::directory_entry> list;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    list.push_back(*it);
  std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
    return a.path().filename().string() < b.path().filename().string();
  });
  return list;
}

bool IsGoFile(const fs::directory_entry& e) {
  std::error_code ec;
  return e.is_regular_file(ec) && !e.is_symlink(ec) &&
         e.path().filename().string().ends_with(".go");
}

// JSONField extracts a top-level string field from a small JSON file, "" if absent.
std::string JSONField(const std::string& data, const std::string& field) {
  RE2 re("\"" + field + R"re("\s*:\s*"((?:[^"\\]|\\.)*)")re");
  std::string v;
  if (!RE2::PartialMatch(data, re, &v)) return "";
  std::string out;
  return modfile::Unquote("\"" + v + "\"", &out) ? out : v;
}

// InGopath returns dir relative to some GOPATH entry's src, or "".
std::string InGopath(const std::string& dir, const std::string& gopath, std::string* bad) {
  std::size_t start = 0;
  while (start <= gopath.size()) {
    std::size_t colon = gopath.find(':', start);
    std::string entry = gopath.substr(start, colon == std::string::npos ? colon : colon - start);
    start = colon == std::string::npos ? gopath.size() + 1 : colon + 1;
    if (entry.empty()) continue;
    std::string src = fs::path(entry).lexically_normal().string() + "/src";
    if (!dir.starts_with(src + "/")) continue;
    std::string rel = dir.substr(src.size() + 1);
    if (auto err = module::CheckImportPath(rel)) {
      *bad = err->Message();
      return "";
    }
    return rel;
  }
  return "";
}

// FindModulePath infers the path of a module rooted at dir, or sets *error.
std::string FindModulePath(const std::string& dir, const std::string& gopath, std::string* error) {
  auto list = SortedEntries(dir);
  for (const auto& e : list)
    if (IsGoFile(e))
      if (std::string com = FindImportComment(e.path()); !com.empty()) return com;
  for (const auto& e1 : list) {
    std::error_code ec;
    if (!e1.is_directory(ec)) continue;
    for (const auto& e2 : SortedEntries(e1.path()))
      if (IsGoFile(e2))
        if (std::string com = FindImportComment(e2.path()); !com.empty()) {
          std::size_t slash = com.rfind('/');
          return slash == std::string::npos ? "." : com.substr(0, slash);
        }
  }
  if (std::string p = JSONField(ReadAll(fs::path(dir) / "Godeps/Godeps.json"), "ImportPath");
      !p.empty())
    return p;
  if (std::string p = JSONField(ReadAll(fs::path(dir) / "vendor/vendor.json"), "RootPath");
      !p.empty())
    return p;
  std::string bad;
  if (std::string p = InGopath(dir, gopath, &bad); !p.empty()) return p;
  std::string reason = bad.empty() ? "outside GOPATH, module path must be specified"
                                   : "bad module path inferred from directory in GOPATH: " + bad;
  *error = fmt::format(
      "cannot determine module path for source directory {} ({})\n\n"
      "Example usage:\n"
      "\t'gotool mod init example.com/m' to initialize a v0 or v1 module\n"
      "\t'gotool mod init example.com/m/v2' to initialize a v2 module\n\n"
      "Run 'gotool help mod init' for more information.",
      dir, reason);
  return "";
}

// SuggestModulePath proposes a /vN path for a bad major version suffix.
std::string SuggestMajor(const std::string& path, bool gopkg) {
  std::size_t i = path.size();
  while (i > 0 && ((path[i - 1] >= '0' && path[i - 1] <= '9') || path[i - 1] == '.')) --i;
  std::string url = path.substr(0, i);
  for (const char* suffix : {gopkg ? ".v" : "", "/v", "/"})
    if (*suffix != '\0' && url.ends_with(suffix)) url.resize(url.size() - std::strlen(suffix));
  // The first run of digits: after the cut for /vN, anywhere for gopkg.in.
  std::string_view rest = gopkg ? std::string_view(path) : std::string_view(path).substr(i);
  std::size_t b = rest.find_first_of("0123456789");
  std::string m;
  if (b != std::string_view::npos) {
    std::size_t e = rest.find_first_not_of("0123456789", b);
    m = std::string(rest.substr(b, e == std::string_view::npos ? e : e - b));
  }
  m.erase(0, m.find_first_not_of('0') == std::string::npos ? m.size() : m.find_first_not_of('0'));
  if (gopkg) return url + ".v" + (m.empty() ? "1" : m);
  return url + "/v" + (m.empty() || m == "1" ? "2" : m);
}

// CheckModulePath returns the go command's error for an unusable module path.
std::string CheckModulePath(const std::string& path) {
  if (auto err = module::CheckImportPath(path)) {
    err->kind = "module";
    if (path == "." || path == ".." || path.starts_with("./") || path.starts_with("../"))
      err->err = "is a local import path";
    return err->Message();
  }
  if (!module::SplitPathVersion(path).ok) {
    if (path.starts_with("gopkg.in/"))
      return fmt::format(
          "invalid module path \"{}\": module paths beginning with gopkg.in/ must always have a "
          "major version suffix in the form of .vN:\n\tgotool mod init {}",
          path, SuggestMajor(path, true));
    return fmt::format(
        "invalid module path \"{}\": major version suffixes must be in the form of /vN and are "
        "only allowed for v2 or later:\n\tgotool mod init {}",
        path, SuggestMajor(path, false));
  }
  return "";
}

// HasSources reports whether dir holds a visible .go file or directory, in which
// case init suggests running tidy.
bool HasSources(const std::string& dir) {
  for (const auto& e : SortedEntries(dir)) {
    std::string name = e.path().filename().string();
    if (name.starts_with(".") || name.starts_with("_")) continue;
    std::error_code ec;
    if (name.ends_with(".go") || e.is_directory(ec)) return true;
  }
  return false;
}

}  // namespace

CommandResult ModInit(const InitRequest& req) {
  CommandResult r;
  auto fatal = [&](const std::string& msg) {
    r.exit_code = 1;
    r.err += "gotool: " + msg + "\n";
    return r;
  };
  if (req.args.size() > 1) return fatal("'gotool mod init' accepts at most one argument");
  std::string gomod = (fs::path(req.cwd) / "go.mod").string();
  std::error_code ec;
  if (fs::exists(gomod, ec)) return fatal(gomod + " already exists");
  std::string path = req.args.empty() ? "" : req.args[0];
  if (path.empty()) {
    std::string err;
    path = FindModulePath(req.cwd, req.gopath, &err);
    if (path.empty()) return fatal(err);
  } else if (std::string err = CheckModulePath(path); !err.empty()) {
    return fatal(err);
  }
  r.err += "gotool: creating new go.mod: module " + path + "\n";
  modfile::File f;
  f.AddModuleStmt(path);
  f.AddGoStmt(req.go_version);
  {
    // The go command holds its module cache side lock while it writes go.mod.
    std::optional<Result<cache::FileLock>> side;
    if (!req.gomodcache.empty()) side.emplace(cache::FileLock::Acquire(req.gomodcache + "/cache/lock"));
    if (std::string err = WriteFileAtomic(gomod, f.Format()); !err.empty()) return fatal(err);
  }
  if (HasSources(req.cwd))
    r.err += "gotool: to add module requirements and sums:\n\tgotool mod tidy\n";
  return r;
}

}  // namespace gotool::modcache
