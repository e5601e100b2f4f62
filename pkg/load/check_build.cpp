// `gotool build` checking: load, check dependencies first, print gc-style errors.
#include "pkg/load/check_build.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include "pkg/load/check_cache.h"
#include "pkg/load/check_packages.h"
#include "pkg/load/loader.h"

namespace gotool::load {
namespace {

namespace fs = std::filesystem;

// ShortFile shortens an error's file name as the go command shows compiler output.
std::string ShortFile(const std::string& file, const std::string& cwd) {
  fs::path p(file);
  if (p.parent_path() == fs::path(cwd)) return "./" + p.filename().string();
  if (file.empty() || file[0] != '/') return file;
  std::string rel = p.lexically_relative(cwd).string();
  return !rel.empty() && rel.size() < file.size() ? rel : file;
}

std::string FormatPos(const base::Position& pos, const std::string& cwd) {
  std::string s = ShortFile(pos.filename, cwd);
  if (pos.line > 0) s += ":" + std::to_string(pos.line);
  if (pos.column > 0) s += ":" + std::to_string(pos.column);
  return s;
}

// BuildsExecutable reports whether the roots are one main package, which `go build`
// links into an executable.
bool BuildsExecutable(const std::vector<LoadedPackage*>& roots) {
  return roots.size() == 1 && roots[0]->pkg.name == "main";
}

// CollectLoadErrors gathers the load errors of roots and their dependencies, each
// once, in dependency order.
std::vector<std::string> CollectLoadErrors(const std::vector<LoadedPackage*>& roots) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (LoadedPackage* p : Loader::TopologicalOrder(roots)) {
    for (const std::string& e : p->errors) {
      if (seen.insert(e).second) out.push_back(e);
    }
  }
  return out;
}

}  // namespace

std::string FormatCompileErrors(const base::ErrorList& errors, const std::string& cwd) {
  size_t n = std::min<size_t>(errors.size(), 10);
  std::vector<const base::PositionedError*> list;
  std::map<std::string, size_t> file_rank;
  for (size_t i = 0; i < n; i++) {
    list.push_back(&errors[i]);
    file_rank.emplace(errors[i].pos.filename, file_rank.size());
  }
  std::stable_sort(list.begin(), list.end(), [&](auto* a, auto* b) {
    size_t ra = file_rank[a->pos.filename], rb = file_rank[b->pos.filename];
    if (ra != rb) return ra < rb;
    if (a->pos.line != b->pos.line) return a->pos.line < b->pos.line;
    return a->pos.column < b->pos.column;
  });
  // As cmd/compile flushes its errors: sorted by position, ties in reporting order,
  // and a line identical to the one before it printed once.
  std::string out, last;
  for (const base::PositionedError* e : list) {
    std::string line = FormatPos(e->pos, cwd) + ": " + e->msg + "\n";
    if (line != last) out += line;
    last = std::move(line);
  }
  if (errors.size() >= 10) out += FormatPos(errors[9].pos, cwd) + ": too many errors\n";
  return out;
}

BuildResult CheckBuild(const BuildRequest& req) {
  BuildResult r;
  Loader loader(req.context, req.cwd, req.gomodcache);
  if (req.gopath_mode) loader.SetGopath(req.gopath);
  if (!loader.modfile_error().empty()) {
    r.stderr_text = "gotool: errors parsing go.mod:\n" + loader.modfile_error() + "\n";
    r.exit_code = 1;
    return r;
  }
  std::vector<std::string> errors, warnings;
  std::vector<LoadedPackage*> roots = loader.LoadPatterns(req.patterns, &errors, &warnings);
  for (const std::string& w : warnings) r.stderr_text += w + "\n";
  for (const std::string& e : CollectLoadErrors(roots)) errors.push_back(e);
  if (!errors.empty()) {
    for (const std::string& e : errors) r.stderr_text += e + "\n";
    r.exit_code = 1;
    return r;
  }
  types::Config config;
  config.compiler_errors = true;  // gc's (types2's) wording, as go build prints
  SourceImporter importer(&loader, config);
  std::vector<LoadedPackage*> order = Loader::TopologicalOrder(roots);

  // Packages recorded clean under their current content hash are skipped; the rest
  // are checked, and parsed ahead together with the dependencies they need.
  bool use_cache = !req.force && !req.cache_dir.empty() && req.cache_dir != "off";
  CheckCache cache(use_cache ? req.cache_dir : std::string(), req.tool_id,
                   CheckCache::BuildContextKey(req.context) + " build");
  cache.ComputeIds(order);
  std::vector<LoadedPackage*> to_check;
  for (LoadedPackage* p : order) {
    if (!cache.Clean(p)) to_check.push_back(p);
  }
  int jobs = req.jobs > 0 ? req.jobs : int(std::max(1u, std::thread::hardware_concurrency()));
  importer.ParseAll(Loader::TopologicalOrder(to_check), jobs);
  std::set<LoadedPackage*> failed;
  for (LoadedPackage* p : to_check) {
    bool deps_ok = std::none_of(p->imports.begin(), p->imports.end(),
                                [&](LoadedPackage* d) { return failed.count(d) != 0; });
    if (!deps_ok) {
      failed.insert(p);
      continue;
    }
    CheckedPackage* cp = importer.CheckPackage(p);
    r.packages_checked++;
    if (cp != nullptr && cp->Errors().empty()) cache.RecordClean(p);
    if (cp == nullptr || cp->Errors().empty()) continue;
    failed.insert(p);
    r.stderr_text += "# " + p->pkg.import_path + "\n" + FormatCompileErrors(cp->Errors(), req.cwd);
    r.exit_code = 2;
  }
  if (r.exit_code == 0 && BuildsExecutable(roots)) {
    r.stderr_text += "gotool build: cannot build " + roots[0]->pkg.import_path +
                     ": code generation is not supported yet (packages type-check; no "
                     "executable was written)\n";
    r.exit_code = 2;
  }
  return r;
}

}  // namespace gotool::load
