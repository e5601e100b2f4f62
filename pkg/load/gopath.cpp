// GOPATH mode (GO111MODULE=off): import resolution and patterns over GOPATH trees.
#include <algorithm>
#include <filesystem>
#include <set>

#include "pkg/load/loader.h"
#include "pkg/load/paths.h"

namespace gotool::load {

namespace fs = std::filesystem;

void Loader::SetGopath(std::vector<std::string> gopath) {
  gopath_mode_ = true;
  gopath_.clear();
  // As go/build, empty entries and entries equal to GOROOT are left out.
  for (std::string& e : gopath) {
    if (!e.empty() && Canonical(e) != Canonical(ctx_.goroot)) gopath_.push_back(std::move(e));
  }
  main_ = ModuleRoot{};  // go.mod files mean nothing in GOPATH mode
  modfile_error_.clear();
  deps_.clear();
}

bool Loader::ResolveGopathImport(std::string_view path, std::string* dir, std::string* err) const {
  std::string goroot_dir = ctx_.goroot + "/src/" + std::string(path);
  if (IsDir(goroot_dir)) {
    *dir = goroot_dir;
    return true;
  }
  for (const std::string& gp : gopath_) {
    std::string d = gp + "/src/" + std::string(path);
    if (IsDir(d)) {
      *dir = d;
      return true;
    }
  }
  *err = "cannot find package \"" + std::string(path) + "\" in any of:\n\t" + goroot_dir +
         " (from $GOROOT)";
  for (const std::string& gp : gopath_) {
    *err += "\n\t" + gp + "/src/" + std::string(path) + " (from $GOPATH)";
  }
  return false;
}

bool Loader::GopathVendorImport(const LoadedPackage& importer, const std::string& path,
                                std::string* dir, std::string* import_path,
                                std::vector<std::string>* tried) const {
  if (importer.pkg.goroot || IsStandardImportPath(path)) return false;
  // The importer's directory and import path shrink together, one element at a
  // time, down to the GOPATH entry's src directory.
  std::string idir = importer.pkg.dir, ipath = importer.pkg.import_path;
  if (ipath.starts_with("_/") || ipath == "command-line-arguments") return false;
  while (!ipath.empty()) {
    std::string vdir = idir + "/vendor/" + path;
    if (IsDir(vdir)) {
      *dir = vdir;
      *import_path = ipath + "/vendor/" + path;
      return true;
    }
    if (IsDir(idir + "/vendor")) tried->push_back(vdir);
    size_t slash = ipath.rfind('/');
    ipath = slash == std::string::npos ? "" : ipath.substr(0, slash);
    idir = fs::path(idir).parent_path().string();
  }
  return false;
}

std::string WithVendorTried(const std::string& err, const std::vector<std::string>& tried) {
  size_t nl = err.find('\n');
  if (tried.empty() || nl == std::string::npos || !err.starts_with("cannot find package")) {
    return err;
  }
  std::string lines;
  for (const std::string& d : tried) lines += "\n\t" + d + " (vendor tree)";
  return err.substr(0, nl) + lines + err.substr(nl);
}

bool Loader::IsGopathSrc(const std::string& dir) const {
  std::string cdir = Canonical(dir);
  return std::any_of(gopath_.begin(), gopath_.end(),
                     [&](const std::string& gp) { return Canonical(gp + "/src") == cdir; });
}

std::string Loader::GopathImportPathForDir(const std::string& cdir) const {
  for (const std::string& gp : gopath_) {
    std::string src = Canonical(gp + "/src");
    if (HasPathPrefix(cdir, src) && cdir.size() > src.size()) return cdir.substr(src.size() + 1);
  }
  return {};
}

void Loader::AddGopathMatches(const std::string& pattern,
                              std::vector<std::pair<std::string, std::string>>* out, bool warn) {
  std::string prefix = pattern.substr(0, pattern.find("..."));
  // Walk from the deepest directory the literal prefix names ("golang.org/x/mod/..."
  // walks src/golang.org/x/mod, "golang.org/x/m..." walks src/golang.org/x).
  std::string root_path = prefix;
  if (!root_path.ends_with("/")) {
    size_t slash = root_path.rfind('/');
    root_path = slash == std::string::npos ? "" : root_path.substr(0, slash);
  }
  while (!root_path.empty() && root_path.back() == '/') root_path.pop_back();
  std::set<std::string> seen;  // GOROOT, then each entry, shadows the entries after it
  for (const auto& e : *out) seen.insert(e.first);
  for (const std::string& gp : gopath_) {
    std::string root_dir = gp + "/src" + (root_path.empty() ? "" : "/" + root_path);
    if (!IsDir(root_dir)) continue;
    for (auto& e : WalkTree(root_dir, root_path, false, warn ? pattern : "")) {
      if (MatchImportGlob(pattern, e.first) && seen.insert(e.first).second) out->push_back(e);
    }
  }
  std::sort(out->begin(), out->end());
}

}  // namespace gotool::load
