// The source importer: loads, parses and checks imported packages on demand.
#include "pkg/load/check_packages.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "pkg/cfg/env.h"
#include "pkg/syntax/parser.h"
#include "pkg/types/compiler_checks.h"
#include "pkg/types/universe.h"

namespace gotool::load {
namespace {

bool ReadSource(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

}  // namespace

SourceImporter::SourceImporter(Loader* loader, const types::Config& config)
    : loader_(loader), config_(config), context_(std::make_unique<types::Context>()) {
  config_.importer = this;
  config_.context = context_.get();
}

SourceImporter::~SourceImporter() = default;

std::unique_ptr<SourceImporter> SourceImporter::ForWorkingDirectory(const types::Config& config) {
  cfg::Environ env = cfg::Environ::FromProcess();
  cfg::Config go_env = cfg::Config::Load(env);
  std::error_code ec;
  std::string cwd = std::filesystem::current_path(ec).string();
  auto loader = std::make_unique<Loader>(BuildContext::Default(go_env), cwd, go_env.Gomodcache());
  types::Config deps = config;
  deps.ignore_func_bodies = true;
  auto imp = std::make_unique<SourceImporter>(loader.get(), deps);
  imp->owned_loader_ = std::move(loader);
  return imp;
}

// CompilerParseMode is the parse mode of a package's files in compiler mode: the
// go command tells cmd/compile which are the standard library's (-std) and which the
// runtime's own packages (-+), where it allows their directives.
static unsigned CompilerParseMode(const Package& pkg) {
  static constexpr std::string_view kRuntimePackages[] = {
      "internal/abi",
      "internal/bytealg",
      "internal/cpu",
      "internal/goarch",
      "internal/goos",
      "runtime",
      "runtime/internal/atomic",
      "runtime/internal/math",
      "runtime/internal/sys",
      "runtime/internal/syscall",
  };
  unsigned mode = syntax::kCompilerErrors;
  if (!pkg.goroot) return mode;
  mode |= syntax::kCompilingStd;
  for (std::string_view p : kRuntimePackages) {
    if (pkg.import_path == p) mode |= syntax::kCompilingRuntime;
  }
  return mode;
}

bool SourceImporter::ParseFiles(CheckedPackage* cp) {
  for (const std::string& path : cp->loaded->pkg.GoFilePaths()) {
    cp->sources_.emplace_back();
    std::string& src = cp->sources_.back();
    if (!ReadSource(path, &src)) {
      cp->syntax_errors.Add(base::Position{path, 0, 0, 0}, "open " + path + ": cannot read file");
      continue;
    }
    // The compiler's syntax errors, as go build prints them.
    unsigned mode = config_.compiler_errors ? CompilerParseMode(cp->loaded->pkg) : 0u;
    syntax::ParseResult r = syntax::ParseFile(fset_, path, src, cp->arena_, mode);
    for (const base::PositionedError& e : r.errors) cp->syntax_errors.Add(e.pos, e.msg);
    for (const base::PositionedError& e : r.late_errors) cp->late_errors_.Add(e.pos, e.msg);
    cp->files.push_back(r.file);
  }
  return cp->syntax_errors.empty();
}

std::unique_ptr<types::Info> SourceImporter::WantedInfo(const LoadedPackage& lp) const {
  if (!info_hook_.wants || !info_hook_.wants(lp)) return nullptr;
  auto info = std::make_unique<types::Info>();
  info->record_defs = info->record_uses = info->record_implicits = false;
  info->record_selections = info->record_scopes = info->record_init_order = false;
  return info;
}

CheckedPackage* SourceImporter::CheckPackage(LoadedPackage* lp) {
  if (auto it = checked_.find(lp); it != checked_.end()) return it->second.get();
  if (std::find(stack_.begin(), stack_.end(), lp) != stack_.end()) return nullptr;  // a cycle
  stack_.push_back(lp);
  for (LoadedPackage* dep : lp->imports) CheckPackage(dep);
  std::unique_ptr<CheckedPackage> cp;
  if (auto it = parsed_.find(lp); it != parsed_.end()) {
    cp = std::move(it->second);
    parsed_.erase(it);
  } else {
    cp = std::make_unique<CheckedPackage>();
    cp->loaded = lp;
    ParseFiles(cp.get());
  }
  std::unique_ptr<types::Info> info = WantedInfo(*lp);
  // Each package is checked at its module's language version (go.mod's go line), as
  // the go command passes -lang, unless the configuration sets one.
  types::Config config = config_;
  if (config.go_version.empty()) config.go_version = loader_->LanguageVersion(lp->pkg);
  cp->types =
      types::Check(config, lp->pkg.import_path, fset_, cp->files, info.get(), &cp->type_errors);
  cp->errors_ = cp->syntax_errors;
  if (config_.compiler_errors && syntax::HasSyntaxError(cp->syntax_errors)) {
    // cmd/compile's parser also reports the label errors of bodies it could parse.
    types::CompilerBranchChecks(fset_, cp->files, cp->syntax_errors, &cp->errors_);
    cp->errors_.Sort();
  }
  if (cp->syntax_errors.empty() ||
      (config_.compiler_errors && !syntax::HasSyntaxError(cp->syntax_errors))) {
    for (const base::PositionedError& e : cp->type_errors) cp->errors_.Add(e.pos, e.msg);
  }
  if (cp->errors_.empty()) cp->errors_ = cp->late_errors_;
  stack_.pop_back();
  CheckedPackage* result = cp.get();
  checked_[lp] = std::move(cp);
  if (info != nullptr) info_hook_.checked(*result, *info);
  return result;
}

std::string SourceImporter::BrokenDependency(LoadedPackage* lp) {
  for (LoadedPackage* dep : lp->imports) {
    auto it = broken_.find(dep);
    if (it == broken_.end()) {
      const CheckedPackage* cp = CheckPackage(dep);
      bool has_errors = !dep->errors.empty() || cp == nullptr || !cp->Errors().empty();
      std::string verdict = has_errors ? dep->pkg.import_path : BrokenDependency(dep);
      it = broken_.emplace(dep, std::move(verdict)).first;
    }
    if (!it->second.empty()) return it->second;
  }
  return {};
}

TestCheck SourceImporter::CheckWithTests(LoadedPackage* lp) {
  TestVariants tv = loader_->LoadTestPackages(lp);
  TestCheck tc;
  tc.ptest = CheckPackage(tv.ptest);
  if (tv.pxtest != nullptr) tc.pxtest = CheckPackage(tv.pxtest);
  return tc;
}

void SourceImporter::ParseAll(const std::vector<LoadedPackage*>& pkgs, int jobs) {
  std::vector<std::unique_ptr<CheckedPackage>> todo;
  for (LoadedPackage* lp : pkgs) {
    if (checked_.count(lp) != 0 || parsed_.count(lp) != 0) continue;
    todo.push_back(std::make_unique<CheckedPackage>());
    todo.back()->loaded = lp;
  }
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i; (i = next.fetch_add(1)) < todo.size();) ParseFiles(todo[i].get());
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < jobs && size_t(t) < todo.size(); t++) threads.emplace_back(worker);
  worker();
  for (std::thread& t : threads) t.join();
  for (auto& cp : todo) {
    LoadedPackage* lp = cp->loaded;
    parsed_[lp] = std::move(cp);
  }
}

types::Package* SourceImporter::Import(std::string_view path, std::string* err) {
  if (path == "unsafe") return types::GetUniverse().unsafe;
  LoadedPackage* dep = nullptr;
  if (!stack_.empty()) {
    LoadedPackage* importer = stack_.back();
    std::string resolved(path);
    if (auto it = importer->import_map.find(resolved); it != importer->import_map.end()) {
      resolved = it->second;
    }
    for (LoadedPackage* d : importer->imports) {
      if (d->pkg.import_path == resolved) dep = d;
    }
  }
  if (dep == nullptr) {
    std::string dir, ipath;
    bool in_goroot = !stack_.empty() && stack_.back()->pkg.goroot;
    if (!loader_->ResolveImport(path, in_goroot, &dir, &ipath, err)) {
      // Loose files (no package being checked) may be GOROOT's own: try its vendor tree.
      std::string vendor_err;
      if (!stack_.empty() || !loader_->ResolveImport(path, true, &dir, &ipath, &vendor_err)) {
        return nullptr;
      }
    }
    dep = loader_->LoadImport(ipath, dir);
  }
  if (dep->pkg.go_files.empty()) {
    *err = dep->pkg.error.empty() ? "no Go files in " + dep->pkg.dir : dep->pkg.error;
    return nullptr;
  }
  CheckedPackage* cp = CheckPackage(dep);
  if (cp == nullptr) {
    *err = "import cycle not allowed";
    return nullptr;
  }
  return cp->types;
}

}  // namespace gotool::load
