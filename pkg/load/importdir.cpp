// Package file selection: go/build's ImportDir over one directory (or named files).
#include "pkg/load/package.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "pkg/base/arena.h"
#include "modcache/modfile_syntax.h"
#include "pkg/syntax/parser.h"

namespace gotool::load {
namespace {

namespace fs = std::filesystem;

// FileInfo is what reading one selected .go file tells: its package name, imports
// with positions, and a parse error if any.
struct FileInfo {
  std::string pkg_name;
  std::vector<std::pair<std::string, base::Position>> imports;
  std::string parse_error;
};

bool ReadWholeFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

// ReadGoInfo parses src up to its imports and fills *info.
void ReadGoInfo(const std::string& path, std::string_view src, FileInfo* info) {
  base::FileSet fset;
  base::Arena arena;
  syntax::ParseResult r = syntax::ParseFile(fset, path, src, arena, syntax::kImportsOnly);
  if (!r.errors.empty()) info->parse_error = r.errors.Error();
  if (r.file->Name != nullptr) info->pkg_name = std::string(r.file->Name->Name);
  for (const syntax::ImportSpec* spec : r.file->Imports) {
    if (spec->Path == nullptr) continue;
    std::string ipath;
    std::string_view lit = spec->Path->Value;
    if (lit.size() >= 2 && lit.front() == '`' && lit.back() == '`') {
      ipath = lit.substr(1, lit.size() - 2);
    } else if (!modcache::modfile::Unquote(lit, &ipath)) {
      continue;
    }
    base::Pos pos = spec->Name != nullptr ? spec->Name->NamePos : spec->Path->ValuePos;
    info->imports.emplace_back(ipath, fset.PositionFor(pos, false));
  }
}

// Collector accumulates the per-file results into a Package as go/build's loop does.
class Collector {
 public:
  Collector(const BuildContext& ctx, Package* p) : ctx_(ctx), p_(p) {}

  // AddFile considers one directory entry.
  void AddFile(const std::string& name);
  // Finish sorts out the import lists and the package's error.
  void Finish();

 private:
  void BadFile(const std::string& name, const std::string& err) {
    if (bad_error_.empty()) bad_error_ = err;
    if (std::find(p_->invalid_go_files.begin(), p_->invalid_go_files.end(), name) ==
        p_->invalid_go_files.end()) {
      p_->invalid_go_files.push_back(name);
    }
  }
  // Select applies the name and build-constraint rules to a .go file and, when it is
  // selected, reads its package clause and imports into *info.
  bool Select(const std::string& name, FileInfo* info);
  void Record(const std::string& name, const FileInfo& info, bool is_test, bool is_xtest);

  const BuildContext& ctx_;
  Package* p_;
  std::string first_file_;
  std::string bad_error_;
};

bool Collector::Select(const std::string& name, FileInfo* info) {
  if (!ctx_.use_all_files && !ctx_.GoodOSArchFile(name)) {
    p_->ignored_go_files.push_back(name);
    return false;
  }
  std::string path = p_->dir + "/" + name;
  std::string src;
  if (!ReadWholeFile(path, &src)) {
    BadFile(name, "read " + path + ": cannot read file");
    return false;
  }
  std::string err;
  bool ok = ctx_.ShouldBuild(src, &err);
  if (!err.empty()) {
    BadFile(name, name + ": " + err);
    return false;
  }
  if (!ok && !ctx_.use_all_files) {
    p_->ignored_go_files.push_back(name);
    return false;
  }
  ReadGoInfo(path, src, info);
  return true;
}

void Collector::AddFile(const std::string& name) {
  if (name.starts_with("_") || name.starts_with(".") || !name.ends_with(".go")) return;
  FileInfo info;
  if (!Select(name, &info)) return;
  if (!info.parse_error.empty()) BadFile(name, info.parse_error);
  if (info.pkg_name == "documentation") {
    p_->ignored_go_files.push_back(name);
    return;
  }
  bool is_test = name.ends_with("_test.go");
  bool is_xtest = false;
  if (is_test && info.pkg_name.ends_with("_test") && p_->name != info.pkg_name) {
    is_xtest = true;
    info.pkg_name.resize(info.pkg_name.size() - 5);
  }
  if (p_->name.empty()) {
    p_->name = info.pkg_name;
    first_file_ = name;
  } else if (info.pkg_name != p_->name) {
    BadFile(name, "found packages " + p_->name + " (" + first_file_ + ") and " + info.pkg_name +
                      " (" + name + ") in " + p_->dir);
  }
  Record(name, info, is_test, is_xtest);
}

void Collector::Record(const std::string& name, const FileInfo& info, bool is_test,
                       bool is_xtest) {
  bool is_cgo = false;
  for (const auto& imp : info.imports) {
    if (imp.first != "C") continue;
    if (is_test) {
      BadFile(name, "use of cgo in test " + p_->dir + "/" + name + " not supported");
      continue;
    }
    is_cgo = true;
  }
  std::map<std::string, std::vector<base::Position>>* pos = nullptr;
  if (is_cgo) {
    p_->ignored_go_files.push_back(name);  // cgo is disabled
  } else if (is_xtest) {
    p_->xtest_go_files.push_back(name);
    pos = &p_->xtest_import_pos;
  } else if (is_test) {
    p_->test_go_files.push_back(name);
    pos = &p_->test_import_pos;
  } else {
    p_->go_files.push_back(name);
    pos = &p_->import_pos;
  }
  if (pos == nullptr) return;
  for (const auto& imp : info.imports) (*pos)[imp.first].push_back(imp.second);
}

std::vector<std::string> Keys(const std::map<std::string, std::vector<base::Position>>& m) {
  std::vector<std::string> keys;
  for (const auto& [k, v] : m) keys.push_back(k);
  return keys;
}

void Collector::Finish() {
  p_->imports = Keys(p_->import_pos);
  p_->test_imports = Keys(p_->test_import_pos);
  p_->xtest_imports = Keys(p_->xtest_import_pos);
  if (!bad_error_.empty()) {
    p_->error = bad_error_;
    return;
  }
  if (p_->go_files.empty() && p_->test_go_files.empty() && p_->xtest_go_files.empty()) {
    p_->error = "no buildable Go source files in " + p_->dir;
    p_->no_go_files = true;
  }
}

std::string AbsDir(const std::string& dir) {
  std::error_code ec;
  fs::path abs = fs::absolute(dir, ec);
  if (ec) return dir;
  std::string s = abs.lexically_normal().string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

}  // namespace

std::vector<std::string> Package::GoFilePaths() const {
  std::vector<std::string> paths;
  for (const std::string& f : go_files) paths.push_back(dir + "/" + f);
  return paths;
}

Package ImportDir(const BuildContext& ctx, const std::string& dir) {
  Package p;
  p.dir = AbsDir(dir);
  std::error_code ec;
  std::vector<std::string> names;
  for (fs::directory_iterator it(p.dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code sec;
    if (it->is_directory(sec)) continue;
    names.push_back(it->path().filename().string());
  }
  if (ec) {
    p.error = "open " + p.dir + ": " + ec.message();
    return p;
  }
  std::sort(names.begin(), names.end());
  Collector c(ctx, &p);
  for (const std::string& name : names) c.AddFile(name);
  c.Finish();
  return p;
}

Package ImportFiles(const BuildContext& ctx, const std::vector<std::string>& files) {
  Package p;
  p.import_path = "command-line-arguments";
  std::vector<std::string> names;
  for (const std::string& f : files) {
    fs::path path(AbsDir(f));
    std::string dir = path.parent_path().string();
    if (p.dir.empty()) {
      p.dir = dir;
    } else if (dir != p.dir) {
      p.error = "named files must all be in one directory; have " + p.dir + " and " + dir;
      return p;
    }
    names.push_back(path.filename().string());
  }
  std::sort(names.begin(), names.end());
  BuildContext all = ctx;
  all.use_all_files = true;
  Collector c(all, &p);
  for (const std::string& name : names) c.AddFile(name);
  c.Finish();
  return p;
}

bool IsStandardImportPath(std::string_view path) {
  std::string_view first = path.substr(0, path.find('/'));
  return first.find('.') == std::string_view::npos;
}

bool IsLocalImport(std::string_view path) {
  return path == "." || path == ".." || path.starts_with("./") || path.starts_with("../");
}

}  // namespace gotool::load
