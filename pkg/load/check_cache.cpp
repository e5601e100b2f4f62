// The check cache: action IDs from file contents and dependencies, and the record of
// clean checks under GOCACHE.
#include "pkg/load/check_cache.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "modcache/sha256.h"
#include "pkg/base/atomic_file.h"
#include "pkg/load/loader.h"

namespace gotool::load {
namespace {

namespace sha256 = modcache::sha256;

// kFormat changes whenever what an ID covers changes.
constexpr std::string_view kFormat = "gotool check cache v1";

bool ReadWholeFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return !in.bad();
}

// WriteField adds a length-prefixed field, so that no two different field lists
// hash the same text.
void WriteField(sha256::Hasher* h, std::string_view field) {
  h->Write(std::to_string(field.size()));
  h->Write(":");
  h->Write(field);
}

// ModuleFileOf returns the go.mod governing dir (its language version changes what
// the checker accepts), searching dir and its parents; "" when there is none.
std::string ModuleFileOf(std::string dir) {
  while (!dir.empty()) {
    std::string candidate = dir + "/go.mod";
    struct stat st;
    if (stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode)) return candidate;
    size_t slash = dir.rfind('/');
    if (slash == std::string::npos) break;
    dir.resize(slash);
  }
  return {};
}

}  // namespace

CheckCache::CheckCache(std::string dir, std::string tool_id, std::string config_key)
    : dir_(std::move(dir)), tool_id_(std::move(tool_id)), config_key_(std::move(config_key)) {}

std::string CheckCache::BuildContextKey(const BuildContext& ctx) {
  std::string key = ctx.goos + "/" + ctx.goarch + " goroot=" + ctx.goroot +
                    " compiler=" + ctx.compiler + (ctx.cgo_enabled ? " cgo" : "") +
                    (ctx.use_all_files ? " allfiles" : "");
  for (const auto* tags : {&ctx.build_tags, &ctx.tool_tags, &ctx.release_tags}) {
    key += " [";
    for (const std::string& t : *tags) key += t + ",";
    key += "]";
  }
  return key;
}

void CheckCache::ComputeIds(const std::vector<LoadedPackage*>& order) {
  if (dir_.empty()) return;
  for (const LoadedPackage* p : order) {
    sha256::Hasher h;
    WriteField(&h, kFormat);
    WriteField(&h, tool_id_);
    WriteField(&h, config_key_);
    WriteField(&h, p->pkg.import_path);
    WriteField(&h, p->pkg.dir);
    std::string content;
    bool readable = true;
    for (const std::string& name : p->pkg.go_files) {
      readable = readable && ReadWholeFile(p->pkg.dir + "/" + name, &content);
      WriteField(&h, name);
      WriteField(&h, content);
    }
    if (!p->pkg.goroot) {
      std::string gomod = ModuleFileOf(p->pkg.dir);
      if (!gomod.empty()) readable = readable && ReadWholeFile(gomod, &content);
      WriteField(&h, gomod);
      WriteField(&h, gomod.empty() ? std::string() : content);
    }
    for (const LoadedPackage* dep : p->imports) {
      auto it = ids_.find(dep);
      readable = readable && it != ids_.end();
      WriteField(&h, it != ids_.end() ? it->second : std::string());
    }
    if (readable) ids_[p] = sha256::Hex(h.Sum());
  }
}

std::string CheckCache::EntryPath(const std::string& id) const {
  return dir_ + "/check/" + id.substr(0, 2) + "/" + id;
}

bool CheckCache::Clean(const LoadedPackage* p) const {
  auto it = ids_.find(p);
  if (it == ids_.end()) return false;
  // An entry holds the import path: a file emptied by a crash before its data
  // reached the disk (entries are not synced) is not a record.
  std::string content;
  return ReadWholeFile(EntryPath(it->second), &content) && content == p->pkg.import_path + "\n";
}

void CheckCache::RecordClean(const LoadedPackage* p) const {
  auto it = ids_.find(p);
  if (it == ids_.end()) return;
  std::string path = EntryPath(it->second);
  std::error_code ec;
  std::filesystem::create_directories(path.substr(0, path.rfind('/')), ec);
  if (ec) return;
  base::AtomicWriteOptions options;
  options.sync = false;  // Clean checks the content instead
  base::WriteFileAtomic(path, p->pkg.import_path + "\n", options);
}

}  // namespace gotool::load
