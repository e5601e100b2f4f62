// The package loader: main module, import resolution, package graph and cycles.
#include "pkg/load/loader.h"
#include "pkg/load/paths.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include "modcache/modfile.h"
#include "modcache/module.h"

namespace gotool::load {
namespace {

namespace fs = std::filesystem;

// FormatPos formats an import position as "file:line:col" with the file shortened.
std::string FormatPos(const Loader& l, const base::Position& p) {
  return l.RelPath(p.filename) + ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
}

}  // namespace

Loader::Loader(BuildContext ctx, std::string cwd, std::string gomodcache)
    : ctx_(std::move(ctx)), cwd_(std::move(cwd)), gomodcache_(std::move(gomodcache)) {
  FindMainModule();
}

void Loader::FindMainModule() {
  fs::path dir = fs::path(cwd_);
  while (true) {
    if (IsFile((dir / "go.mod").string())) {
      main_.dir = dir.string();
      ReadModFile((dir / "go.mod").string());
      return;
    }
    if (!dir.has_parent_path() || dir.parent_path() == dir) return;
    dir = dir.parent_path();
  }
}

void Loader::ReadModFile(const std::string& gomod) {
  std::ifstream in(gomod, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  std::vector<modcache::modfile::Error> errs;
  auto f = modcache::modfile::Parse(gomod, ss.str(), nullptr, &errs);
  if (f == nullptr || !errs.empty()) {
    modfile_error_ = errs.empty() ? "cannot parse " + gomod : errs[0].Message();
    std::vector<modcache::modfile::Error> lax_errs;
    f = modcache::modfile::ParseLax(gomod, ss.str(), nullptr, &lax_errs);  // the module path
    if (f == nullptr) return;
  }
  if (f->module) main_.path = f->module->mod.path;
  std::map<std::string, ModuleRoot> replaced;
  for (const auto& r : f->replace) {
    if (r->old_mod.path.empty()) continue;
    ModuleRoot root{r->old_mod.path, {}};
    if (modcache::modfile::IsDirectoryPath(r->new_mod.path)) {
      root.dir = fs::path(r->new_mod.path).is_absolute()
                     ? r->new_mod.path
                     : (fs::path(main_.dir) / r->new_mod.path).lexically_normal().string();
    } else {
      std::string e1, e2;
      root.dir = gomodcache_ + "/" + modcache::module::EscapePath(r->new_mod.path, &e1) + "@" +
                 modcache::module::EscapeVersion(r->new_mod.version, &e2);
    }
    replaced[r->old_mod.path] = root;
  }
  for (const auto& r : f->require) {
    if (r->mod.path.empty()) continue;
    if (auto it = replaced.find(r->mod.path); it != replaced.end()) {
      deps_.push_back(it->second);
      continue;
    }
    std::string e1, e2;
    deps_.push_back({r->mod.path, gomodcache_ + "/" +
                                      modcache::module::EscapePath(r->mod.path, &e1) + "@" +
                                      modcache::module::EscapeVersion(r->mod.version, &e2)});
  }
}

namespace {

// LangOf returns "go1.N" for a go.mod go version ("1.21", "1.21.3", "1.22rc1").
std::string LangOf(std::string_view v) {
  size_t dot = v.find('.');
  if (dot == std::string_view::npos) return "go" + std::string(v);
  size_t end = dot + 1;
  while (end < v.size() && v[end] >= '0' && v[end] <= '9') end++;
  return "go" + std::string(v.substr(0, end));
}

}  // namespace

std::string Loader::LanguageVersion(const Package& p) const {
  if (p.goroot || gopath_mode_) return "";
  auto holds = [&p](const std::string& dir) {
    return !dir.empty() && (p.dir == dir || p.dir.starts_with(dir + "/"));
  };
  const ModuleRoot* mod = holds(main_.dir) ? &main_ : nullptr;
  for (const ModuleRoot& d : deps_) {
    if (holds(d.dir) && (mod == nullptr || d.dir.size() > mod->dir.size())) mod = &d;
  }
  if (mod == nullptr) return "";
  auto [it, added] = lang_by_module_dir_.try_emplace(mod->dir);
  if (!added) return it->second;
  std::string gomod = mod->dir + "/go.mod";
  std::ifstream in(gomod, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  std::vector<modcache::modfile::Error> errs;
  auto f = modcache::modfile::ParseLax(gomod, ss.str(), nullptr, &errs);
  // As the go command: a module without a go line is go 1.16.
  it->second = LangOf(f != nullptr && f->go ? f->go->version : "1.16");
  return it->second;
}

bool Loader::ResolveModuleImport(std::string_view path, std::string* dir, std::string* err) const {
  if (!main_.path.empty() && HasPathPrefix(path, main_.path) &&
      IsDir(main_.dir + std::string(path.substr(main_.path.size())))) {
    *dir = main_.dir + std::string(path.substr(main_.path.size()));
    return true;
  }
  const ModuleRoot* best = nullptr;
  for (const ModuleRoot& m : deps_) {
    if (HasPathPrefix(path, m.path) && (best == nullptr || m.path.size() > best->path.size())) {
      best = &m;
    }
  }
  if (best != nullptr && IsDir(best->dir + std::string(path.substr(best->path.size())))) {
    *dir = best->dir + std::string(path.substr(best->path.size()));
    return true;
  }
  if (main_.dir.empty()) {
    *err = "no required module provides package " + std::string(path) +
           ": go.mod file not found in current directory or any parent directory; see "
           "'gotool help modules'";
  } else {
    *err = "no required module provides package " + std::string(path) +
           "; to add it:\n\tgotool get " + std::string(path);
  }
  return false;
}

bool Loader::ResolveImport(std::string_view path, bool importer_goroot, std::string* dir,
                           std::string* import_path, std::string* err) const {
  std::string src = ctx_.goroot + "/src/";
  if (IsStandardImportPath(path) && !gopath_mode_) {
    *import_path = std::string(path);
    *dir = src + std::string(path);
    if (IsDir(*dir)) return true;
    *err = "package " + std::string(path) + " is not in GOROOT (" + *dir + ")";
    return false;
  }
  if (importer_goroot) {  // std packages import golang.org/x/... from GOROOT/src/vendor
    std::string vdir = src + "vendor/" + std::string(path);
    if (IsDir(vdir)) {
      *dir = vdir;
      *import_path = "vendor/" + std::string(path);
      return true;
    }
  }
  *import_path = std::string(path);
  if (gopath_mode_) return ResolveGopathImport(path, dir, err);
  return ResolveModuleImport(path, dir, err);
}

LoadedPackage* Loader::LoadImport(const std::string& import_path, const std::string& dir) {
  if (auto it = packages_.find(import_path); it != packages_.end()) return it->second.get();
  auto owned = std::make_unique<LoadedPackage>();
  LoadedPackage* lp = owned.get();
  packages_[import_path] = std::move(owned);
  lp->pkg = ImportDir(ctx_, dir);
  lp->pkg.import_path = import_path;
  lp->pkg.goroot = HasPathPrefix(Canonical(lp->pkg.dir), Canonical(ctx_.goroot + "/src"));
  stack_.push_back(import_path);  // the import stack of errors found while loading
  ResolveImports(lp);
  stack_.pop_back();
  return lp;
}

void Loader::ResolveImports(LoadedPackage* lp) {
  for (const std::string& path : lp->pkg.imports) {
    const auto& positions = lp->pkg.import_pos[path];
    std::string where = positions.empty() ? "" : FormatPos(*this, positions[0]) + ": ";
    if (path == "unsafe") {
      lp->import_map[path] = path;
      continue;
    }
    std::string dir, resolved, err;
    std::vector<std::string> vendor_tried;
    if (lp->pkg.goroot && HasPathPrefix(lp->pkg.import_path, "cmd") &&
        !IsStandardImportPath(path) && IsDir(ctx_.goroot + "/src/cmd/vendor/" + path)) {
      dir = ctx_.goroot + "/src/cmd/vendor/" + path;  // cmd's own vendor directory
      resolved = "cmd/vendor/" + path;
    } else if (gopath_mode_ && GopathVendorImport(*lp, path, &dir, &resolved, &vendor_tried)) {
      // found in a vendor directory of the importer's GOPATH tree
    } else if (!ResolveImport(path, lp->pkg.goroot, &dir, &resolved, &err)) {
      lp->errors.push_back(where + WithVendorTried(err, vendor_tried));
      continue;
    }
    if (resolved != path) lp->import_map[path] = resolved;
    LoadedPackage* dep = LoadImport(resolved, dir);
    std::string dep_err = PackageError(dep->pkg);
    if (!dep_err.empty() && dep->errors.empty()) dep->errors.push_back(where + dep_err);
    if (dep_err.empty()) {
      std::string pos = where.empty() ? "" : where.substr(0, where.size() - 2);
      std::string vis_err = VisibilityError(*lp, path, *dep, pos);
      if (!vis_err.empty()) lp->errors.push_back(vis_err);
    }
    lp->imports.push_back(dep);
  }
}

std::string Loader::RelPath(const std::string& path) const {
  if (path.empty() || path[0] != '/') return path;
  std::string rel = fs::path(path).lexically_relative(cwd_).string();
  return !rel.empty() && rel.size() < path.size() ? rel : path;
}

// InNestedModule reports whether dir, inside module root, lies in another module: a
// directory from dir up to (not including) root has a go.mod.
static bool InNestedModule(const std::string& dir, const std::string& root) {
  for (fs::path d(dir); d.string().size() > root.size(); d = d.parent_path()) {
    if (IsFile((d / "go.mod").string())) return true;
    if (d == d.parent_path()) break;
  }
  return false;
}

std::string PackageError(const Package& p) {
  if (p.no_go_files) {
    if (!p.ignored_go_files.empty()) return "build constraints exclude all Go files in " + p.dir;
    return "no Go files in " + p.dir;
  }
  if (p.error.empty() && p.go_files.empty()) return "no non-test Go files in " + p.dir;
  return p.error;
}

std::string Loader::ImportPathForDir(const std::string& dir, std::string* err) const {
  std::string src = Canonical(ctx_.goroot + "/src");
  std::string cdir = Canonical(dir);
  std::string root = Canonical(main_.dir);
  if (!main_.dir.empty() && main_.path != "std" && HasPathPrefix(cdir, root) &&
      !InNestedModule(cdir, root)) {
    return main_.path + cdir.substr(root.size());
  }
  if (HasPathPrefix(cdir, src) && cdir.size() > src.size()) return cdir.substr(src.size() + 1);
  if (gopath_mode_) {
    // Outside GOPATH, the go command names a directory's package "_/abs/dir".
    std::string ipath = GopathImportPathForDir(cdir);
    return ipath.empty() ? "_" + cdir : ipath;
  }
  for (const ModuleRoot& m : deps_) {
    if (HasPathPrefix(cdir, Canonical(m.dir))) return m.path + cdir.substr(Canonical(m.dir).size());
  }
  *err = "directory " + RelPath(dir) + " outside main module or its selected dependencies";
  return {};
}

std::vector<LoadedPackage*> Loader::TopologicalOrder(const std::vector<LoadedPackage*>& roots) {
  std::vector<LoadedPackage*> order;
  std::set<LoadedPackage*> seen;
  std::function<void(LoadedPackage*)> visit = [&](LoadedPackage* p) {
    if (!seen.insert(p).second) return;
    for (LoadedPackage* d : p->imports) visit(d);
    order.push_back(p);
  };
  for (LoadedPackage* r : roots) visit(r);
  return order;
}

void Loader::CheckCycles(const std::vector<LoadedPackage*>& roots) {
  std::map<LoadedPackage*, int> state;  // 1: on the stack, 2: done
  std::vector<LoadedPackage*> stack;
  std::set<LoadedPackage*> in_reported_cycle;
  std::function<bool(LoadedPackage*, LoadedPackage*)> visit = [&](LoadedPackage* p,
                                                                  LoadedPackage* root) {
    state[p] = 1;
    stack.push_back(p);
    for (LoadedPackage* d : p->imports) {
      if (state[d] == 1) {
        if (in_reported_cycle.count(d) != 0) continue;
        std::string msg = "package " + stack[0]->pkg.import_path;
        for (size_t i = 1; i < stack.size(); i++) msg += "\n\timports " + stack[i]->pkg.import_path;
        msg += "\n\timports " + d->pkg.import_path + ": import cycle not allowed";
        root->errors.push_back(msg);
        for (auto it = std::find(stack.begin(), stack.end(), d); it != stack.end(); ++it) {
          in_reported_cycle.insert(*it);
        }
        return true;
      }
      if (state[d] == 0 && visit(d, root)) return true;
    }
    stack.pop_back();
    state[p] = 2;
    return false;
  };
  for (LoadedPackage* r : roots) {
    if (state[r] != 0 || in_reported_cycle.count(r) != 0) continue;
    stack.clear();
    if (visit(r, r)) {
      for (LoadedPackage* p : stack) state[p] = 2;  // do not revisit this cycle
    }
  }
}

}  // namespace gotool::load
