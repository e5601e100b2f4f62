// Package patterns ("./...", "std", "all", paths, directories, .go files) expanded.
#include <algorithm>
#include <filesystem>
#include <functional>

#include "pkg/load/loader.h"
#include "pkg/load/paths.h"

namespace gotool::load {
namespace {

namespace fs = std::filesystem;

// MatchGlob reports whether name matches pattern, where "..." matches any string and
// "x/..." also matches "x" (the go command's MatchPattern).
bool MatchGlob(std::string_view pattern, std::string_view name) {
  if (pattern.ends_with("/...") && name == pattern.substr(0, pattern.size() - 4)) return true;
  size_t dots = pattern.find("...");
  if (dots == std::string_view::npos) return pattern == name;
  if (!name.starts_with(pattern.substr(0, dots))) return false;
  std::string_view rest = pattern.substr(dots + 3);
  for (size_t i = dots; i <= name.size(); i++) {
    if (MatchGlob(rest, name.substr(i))) return true;
  }
  return false;
}

bool IsLocalPattern(std::string_view p) { return IsLocalImport(p) || p.starts_with("/"); }

// SkipDir reports whether a directory named elem below the walk's root is skipped.
// In GOROOT only src/vendor holds packages of std (vendor/golang.org/x/...); other
// vendor directories (cmd/vendor, module vendor/) are never walked.
// GOPATH trees know no modules, so a go.mod file stops the walk only in module mode.
bool SkipDir(const fs::path& path, std::string_view elem, bool std_tree, bool gopath_mode) {
  if (elem.starts_with(".") || elem.starts_with("_") || elem == "testdata") return true;
  if (elem == "vendor" && !(std_tree && path.parent_path().filename() == "src")) return true;
  std::error_code ec;
  return !gopath_mode && fs::is_regular_file(path / "go.mod", ec);  // a nested module
}

}  // namespace

bool TreeCanMatch(std::string_view pattern, std::string_view name) {
  size_t dots = pattern.find("...");
  std::string_view literal = pattern.substr(0, dots);
  if (dots != std::string_view::npos && name.starts_with(literal)) return true;
  return name.size() <= literal.size() && HasPathPrefix(literal, name);
}

bool MatchImportGlob(std::string_view pattern, std::string_view name) {
  return MatchGlob(pattern, name);
}

std::vector<std::pair<std::string, std::string>> Loader::WalkTree(const std::string& root_dir,
                                                                  const std::string& root_path,
                                                                  bool std_tree,
                                                                  const std::string& warn_pattern) {
  std::vector<std::pair<std::string, std::string>> found;
  std::function<void(const fs::path&, const std::string&)> walk = [&](const fs::path& dir,
                                                                      const std::string& ipath) {
    Package p = ImportDir(ctx_, dir.string());
    // The go command leaves builtin (documentation only) out of std, and runtime/cgo
    // when cgo is off.
    bool omit = std_tree && (ipath == "builtin" || (ipath == "runtime/cgo" && !ctx_.cgo_enabled));
    if (!p.no_go_files && !ipath.empty() && !omit) {
      found.emplace_back(ipath, dir.string());
    }
    struct Entry {
      std::string name;
      bool symlink;
    };
    std::vector<Entry> entries;  // directories and links to directories
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      std::error_code sec;
      if (it->is_directory(sec))
        entries.push_back({it->path().filename().string(), it->is_symlink(sec)});
    }
    // In name order, as the go command's walk visits them: a link's warning comes
    // after the packages of the directories before it.
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.name < b.name; });
    for (const Entry& e : entries) {
      std::string child = ipath.empty() ? e.name : ipath + "/" + e.name;
      if (e.symlink) {
        bool hidden = e.name.starts_with(".") || e.name.starts_with("_") || e.name == "testdata";
        if (!warn_pattern.empty() && !hidden && TreeCanMatch(warn_pattern, child)) {
          symlink_warnings_.push_back("warning: ignoring symlink " + (dir / e.name).string());
        }
        continue;
      }
      if (SkipDir(dir / e.name, e.name, std_tree, gopath_mode_)) continue;
      walk(dir / e.name, child);
    }
  };
  walk(fs::path(root_dir), root_path);
  std::sort(found.begin(), found.end());
  return found;
}

std::vector<std::pair<std::string, std::string>> Loader::MatchPattern(const std::string& pattern,
                                                                      std::string* err) {
  if (pattern == "std") {
    std::vector<std::pair<std::string, std::string>> out;
    for (auto& e : WalkTree(ctx_.goroot + "/src", "", true)) {
      if (!HasPathPrefix(e.first, "cmd")) out.push_back(e);
    }
    return out;
  }
  if (pattern == "all" && gopath_mode_) {  // every package of GOROOT and GOPATH
    auto out = WalkTree(ctx_.goroot + "/src", "", true);
    AddGopathMatches("...", &out, /*warn=*/false);  // "all" has no "..."
    return out;
  }
  if (pattern == "all") {  // the main module's packages; LoadPatterns adds their deps
    if (main_.dir.empty() || main_.path == "std") return MatchPattern("std", err);
    return WalkTree(main_.dir, main_.path, false);
  }
  if (IsLocalPattern(pattern)) return MatchLocalPattern(pattern, err);
  if (pattern.find("...") == std::string::npos) {
    std::string dir, ipath;
    if (!ResolveImport(pattern, false, &dir, &ipath, err)) return {};
    return {{ipath, dir}};
  }
  return MatchImportPattern(pattern);
}

std::vector<std::pair<std::string, std::string>> Loader::MatchLocalPattern(
    const std::string& pattern, std::string* err) {
  size_t dots = pattern.find("...");
  // The walk starts at the directory named by the pattern's part before "...", up to
  // its last slash ("./a/b..." walks ./a).
  std::string base = pattern;
  if (dots != std::string::npos) {
    size_t slash = pattern.substr(0, dots).rfind('/');
    base = slash == std::string::npos ? "" : pattern.substr(0, slash);
    if (base.empty()) base = pattern.starts_with("/") ? "/" : ".";
  }
  std::string dir = (fs::path(cwd_) / base).lexically_normal().string();
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  if (main_.dir.empty() && !gopath_mode_ && dots == std::string::npos &&
      !HasPathPrefix(Canonical(dir), Canonical(ctx_.goroot + "/src"))) {
    *err = std::string(kNoGoMod);
    return {};
  }
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    *err = "stat " + dir + ": directory not found";
    return {};
  }
  // A GOPATH entry's src directory is no package, but "./..." there walks the tree.
  bool gopath_root = gopath_mode_ && dots != std::string::npos && IsGopathSrc(dir);
  std::string ipath = gopath_root ? "" : ImportPathForDir(dir, err);
  if (ipath.empty() && !gopath_root) {
    if (dots != std::string::npos) {
      *err = "pattern " + pattern + ": directory prefix " + RelPath(dir) +
             " does not contain main module or its selected dependencies";
    }
    return {};
  }
  if (dots == std::string::npos) return {{ipath, dir}};
  std::string elem = fs::path(base).filename().string();
  bool hidden = elem.starts_with(".") || elem.starts_with("_") || elem == "testdata";
  if (elem != "." && elem != ".." && hidden) return {};  // as the go command's walk
  bool std_tree = HasPathPrefix(Canonical(dir), Canonical(ctx_.goroot + "/src"));
  std::string want = (fs::path(cwd_) / pattern).lexically_normal().string();
  std::vector<std::pair<std::string, std::string>> out;
  for (auto& e : WalkTree(dir, ipath, std_tree)) {
    if (MatchGlob(want, e.second)) out.push_back(e);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> Loader::MatchImportPattern(
    const std::string& pattern) {
  std::string prefix = pattern.substr(0, pattern.find("..."));
  while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  std::string root_dir, root_path;
  bool std_tree = false;
  if (!main_.path.empty() && main_.path != "std" &&
      (prefix.starts_with(main_.path) || main_.path.starts_with(prefix))) {
    root_dir = main_.dir, root_path = main_.path;
  } else if (IsStandardImportPath(pattern)) {
    // Walk from the longest directory the literal prefix names ("cmd" for cmd/...,
    // a separate module that a walk from src/ would skip).
    std::error_code ec;
    root_path = prefix;
    if (!fs::is_directory(ctx_.goroot + "/src/" + prefix, ec)) {
      size_t slash = prefix.rfind('/');
      root_path = slash == std::string::npos ? "" : prefix.substr(0, slash);
    }
    root_dir = ctx_.goroot + "/src" + (root_path.empty() ? "" : "/" + root_path);
    std_tree = true;
  }
  std::error_code ec;
  std::vector<std::pair<std::string, std::string>> out;
  if (!root_dir.empty() && fs::is_directory(root_dir, ec)) {
    for (auto& e : WalkTree(root_dir, root_path, std_tree, pattern)) {
      if (MatchGlob(pattern, e.first) &&
          (!std_tree || HasPathPrefix(e.first, "cmd") == HasPathPrefix(pattern, "cmd"))) {
        out.push_back(e);
      }
    }
  }
  if (gopath_mode_) AddGopathMatches(pattern, &out, /*warn=*/true);
  return out;
}

void Loader::AddRootError(LoadedPackage* lp) {
  if (!lp->errors.empty()) return;
  const Package& p = lp->pkg;
  if (p.no_go_files && !p.ignored_go_files.empty()) {
    lp->errors.push_back("package " + p.import_path + ": " + PackageError(p));
  } else if (p.error.empty() && p.go_files.empty()) {
    lp->errors.push_back("gotool build " + p.import_path + ": " + PackageError(p));
  } else if (!p.error.empty()) {
    lp->errors.push_back(PackageError(p));
  }
}

std::vector<LoadedPackage*> Loader::LoadPatterns(const std::vector<std::string>& patterns,
                                                 std::vector<std::string>* errors,
                                                 std::vector<std::string>* warnings) {
  std::vector<LoadedPackage*> roots;
  std::vector<std::string> args = patterns.empty() ? std::vector<std::string>{"."} : patterns;
  if (!args.empty() && args[0].ends_with(".go")) {
    auto owned = std::make_unique<LoadedPackage>();
    owned->pkg = ImportFiles(ctx_, args);
    if (!owned->pkg.error.empty()) owned->errors.push_back(owned->pkg.error);
    LoadedPackage* lp = owned.get();
    packages_["command-line-arguments"] = std::move(owned);
    stack_.push_back(lp->pkg.import_path);
    ResolveImports(lp);
    stack_.pop_back();
    roots.push_back(lp);
  } else {
    std::vector<std::string> unmatched;
    symlink_warnings_.clear();
    for (const std::string& pat : args) {
      std::string err;
      auto matches = MatchPattern(pat, &err);
      if (!err.empty()) {
        errors->push_back(err);
        continue;
      }
      if (matches.empty() && pat.find("...") != std::string::npos) {
        unmatched.push_back("gotool: warning: \"" + pat + "\" matched no packages");
      }
      bool wildcard = pat.find("...") != std::string::npos || pat == "std" || pat == "all";
      std::vector<LoadedPackage*> matched;
      for (auto& [ipath, dir] : matches) {
        LoadedPackage* lp = LoadImport(ipath, dir);
        bool test_only = lp->pkg.error.empty() && lp->pkg.go_files.empty();
        if (wildcard && test_only && !with_tests_) continue;  // go build skips these silently
        if (!(test_only && with_tests_)) AddRootError(lp);
        matched.push_back(lp);
      }
      if (pat == "all") matched = TopologicalOrder(matched);  // "all" includes dependencies
      for (LoadedPackage* lp : matched) {
        if (std::find(roots.begin(), roots.end(), lp) == roots.end()) roots.push_back(lp);
      }
    }
    // The go command prints the symlink warnings while it matches, and in module mode
    // (1.19) it matches "..." patterns twice, once before loading and once while
    // loading the roots; the unmatched-pattern warnings come last.
    for (int round = gopath_mode_ ? 1 : 2; round > 0; round--) {
      warnings->insert(warnings->end(), symlink_warnings_.begin(), symlink_warnings_.end());
    }
    warnings->insert(warnings->end(), unmatched.begin(), unmatched.end());
  }
  CheckCycles(roots);
  return roots;
}

}  // namespace gotool::load
