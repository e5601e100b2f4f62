// Import visibility: the go command's internal-package and vendor-directory rules.
#include <filesystem>
#include <string>
#include <string_view>

#include "pkg/load/loader.h"
#include "pkg/load/paths.h"

namespace gotool::load {
namespace {

namespace fs = std::filesystem;

// HasFilePathPrefix reports whether the cleaned path s lies in the cleaned directory
// prefix (or is it), as the go command's str.HasFilePathPrefix.
bool HasFilePathPrefix(const std::string& s, const std::string& prefix) {
  std::string a = fs::path(s).lexically_normal().string();
  std::string b = fs::path(prefix).lexically_normal().string();
  while (a.size() > 1 && a.back() == '/') a.pop_back();
  while (b.size() > 1 && b.back() == '/') b.pop_back();
  if (!a.starts_with(b)) return false;
  return a.size() == b.size() || b.back() == '/' || a[b.size()] == '/';
}

// ExpandPath resolves symbolic links in path where it can (the go command's
// expandPath), so that a tree seen through a link still matches.
std::string ExpandPath(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(path, ec);
  return ec ? path : p.string();
}

// DirUnder reports whether directory src_dir lies in parent, literally or once
// symbolic links are resolved.
bool DirUnder(const std::string& src_dir, const std::string& parent) {
  return HasFilePathPrefix(src_dir, parent) ||
         HasFilePathPrefix(ExpandPath(src_dir), ExpandPath(parent));
}

// ParentDir maps the import-path index i of an "internal" or "vendor" element of dep
// back to the directory that holds it: the tree whose code may import dep. It
// returns "" when dep's directory does not end in its import path.
std::string ParentDir(const Package& dep, size_t i) {
  if (i > 0) i--;  // rewind over the slash before the element
  if (dep.dir.size() < dep.import_path.size()) return "";
  return dep.dir.substr(0, i + dep.dir.size() - dep.import_path.size());
}

}  // namespace

size_t FindInternal(std::string_view path) {
  if (path.ends_with("/internal")) return path.size() - 8;
  if (size_t i = path.rfind("/internal/"); i != std::string_view::npos) return i + 1;
  if (path == "internal" || path.starts_with("internal/")) return 0;
  return std::string_view::npos;
}

size_t FindVendor(std::string_view path) {
  if (size_t i = path.rfind("/vendor/"); i != std::string_view::npos) return i + 1;
  if (path.starts_with("vendor/")) return 0;
  return std::string_view::npos;
}

std::string Loader::VisibilityError(const LoadedPackage& importer, const std::string& path,
                                    const LoadedPackage& dep, const std::string& where) const {
  const Package& p = dep.pkg;
  std::string prefix = where.empty() ? "" : where + ": ";
  if (size_t i = FindInternal(p.import_path); i != std::string::npos) {
    bool allowed;
    if (p.goroot) {  // outside modules the rule is about directories
      std::string parent = ParentDir(p, i);
      allowed = parent.empty() || DirUnder(importer.pkg.dir, parent);
    } else {  // in a module it is about import paths (golang.org/issue/23970)
      std::string importer_path = importer.pkg.import_path;
      if (importer_path == "command-line-arguments") {
        std::string err;
        importer_path = ImportPathForDir(importer.pkg.dir, &err);
        if (importer_path.empty()) importer_path = ".";
      }
      allowed = HasPathPrefix(importer_path, p.import_path.substr(0, i > 0 ? i - 1 : 0));
    }
    if (!allowed) {
      // The go command prints this error with the import stack and the position.
      std::string msg = "package ";
      for (size_t k = 0; k < stack_.size(); k++) msg += (k > 0 ? "\n\timports " : "") + stack_[k];
      if (!where.empty()) msg += "\n\t" + where;
      return msg + ": use of internal package " + p.import_path + " not allowed";
    }
  }
  if (size_t i = FindVendor(p.import_path); i != std::string::npos) {
    std::string parent = ParentDir(p, i);
    if (!parent.empty() && !DirUnder(importer.pkg.dir, parent)) {
      return prefix + "use of vendored package not allowed";
    }
  }
  if (size_t i = FindVendor(path); i != std::string::npos) {
    return prefix + path + " must be imported as " + path.substr(i + 7);
  }
  return "";
}

}  // namespace gotool::load
