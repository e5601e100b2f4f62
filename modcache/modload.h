// Loading the main module for module-aware commands (cmd/go's modload): finding and
// parsing go.mod, go.sum bookkeeping, and go.mod files, times and version lists
// served from the module cache and GOPROXY.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "modcache/download.h"
#include "modcache/gosum.h"
#include "modcache/graph.h"
#include "modcache/listm.h"
#include "modcache/modfile.h"
#include "modcache/query.h"

namespace gotool::modcache {

// kNoModRoot is the go command's error outside a module (after "go: ").
inline constexpr std::string_view kNoModRoot =
    "go.mod file not found in current directory or any parent directory; see 'gotool help "
    "modules'";

// MainModule is the main module's go.mod as read from disk.
struct MainModule {
  std::string dir;         // the module root
  std::string gomod_file;  // dir/go.mod
  std::string gosum_file;  // dir/go.sum
  std::string gomod_data;  // the bytes read
  std::unique_ptr<modfile::File> file;
};

// FindModuleRoot returns the nearest directory from cwd upwards holding a go.mod
// file, or "".
std::string FindModuleRoot(const std::string& cwd);

// LoadMainModule reads and parses the go.mod of the module root dir; a version that
// is not canonical is looked up through env's GOPROXY, as the go command does.
// Errors read as the go command's after "go: " ("errors parsing go.mod:\n/x/go.mod:3:
// unknown directive: foo").
Result<MainModule> LoadMainModule(const std::string& dir, const DownloadEnv& env);

// SumKeySet is a set of go.sum keys ("V" for zips, "V/go.mod" for go.mod files).
using SumKeySet = std::set<module::Version, VersionLess>;

// SumState is go.sum during one command (modfetch's goSum): the sums read, and
// those verified by this run; a sum not yet in the file is added when it is kept.
class SumState {
 public:
  // Load reads file when it exists; it returns an error message or "".
  std::string Load(const std::string& file);
  // sums returns the sums read (what downloads are checked against).
  const GoSum& sums() const { return sums_; }
  // Use records that key (m or m/go.mod) hashed to h in this run.
  void Use(const module::Version& key, const std::string& h);
  // Write rewrites go.sum when a sum of a kept key was added (modfetch.WriteGoSum):
  // the file as it is now plus those sums. It returns an error message or "".
  std::string Write(const SumKeySet& keep);
  // Dirty reports whether Write(keep) would write the file.
  bool Dirty(const SumKeySet& keep);
  // Added reports whether this run used a sum the file lacks: unless it did, no
  // set of keys to keep makes Write write anything.
  bool Added();
  // SetFatal records a checksum mismatch, which ends the command (the first wins).
  void SetFatal(const std::string& msg);
  // fatal returns the recorded checksum mismatch, or "".
  std::string fatal();
  // Have reports whether go.sum (as read) has a line for key.
  bool Have(const module::Version& key) const { return sums_.count(key) > 0; }

 private:
  std::mutex mu_;
  std::string file_;
  GoSum sums_;
  GoSum added_;  // used sums missing from the file
  std::string fatal_;
};

// ModuleSource serves go.mod files (GoModSource) and the cache queries of `go list
// -m` (ModuleCache) from the module cache, filling it through GOPROXY. Every go.mod
// hash it sees is recorded in sums.
class ModuleSource : public GoModSource, public ModuleCache {
 public:
  ModuleSource(const DownloadEnv& env, std::string main_dir, SumState* sums)
      : env_(env), main_dir_(std::move(main_dir)), sums_(sums) {}

  mvs::Result<GoModFile> GoMod(const module::Version& m) override;
  mvs::Result<std::string> Time(const module::Version& m) override;
  std::string GoModPath(const module::Version& m) override;
  std::string Dir(const module::Version& m) override;
  mvs::Result<std::vector<std::string>> Versions(const std::string& path, bool retracted) override;
  std::string AbsDir(const std::string& dir) override;
  QueryResult Upgrade(const std::string& path, const std::string& current) override {
    return Query(path, "upgrade", current, true);
  }
  RetractionResult Retraction(const module::Version& m) override;
  mvs::Result<std::string> Deprecation(const module::Version& m, QueryError::Kind* kind) override;

  // Query resolves path@query from current (modload.Query) in GOPROXY's versions
  // and those the main module replaces; check_allowed leaves out excluded and
  // retracted versions (CheckAllowed).
  QueryResult Query(const std::string& path, const std::string& query, const std::string& current,
                    bool check_allowed);
  // CheckAllowed returns why m may not be selected (excluded by go.mod, retracted),
  // or nullopt.
  std::optional<mvs::Error> CheckAllowed(const module::Version& m);

  // SetReadonly makes GoMod refuse modules without a go.sum line for their go.mod,
  // and GoModPath and Dir report only files whose sums go.sum has (-mod=readonly).
  void SetReadonly(bool readonly) { readonly_ = readonly; }
  // readonly reports whether SetReadonly(true) is in effect.
  bool readonly() const { return readonly_; }
  // SetFilter makes Versions leave out the main module's excluded versions and the
  // versions retracted by the latest version of each module (go's CheckAllowed).
  void SetFilter(const ModuleGraph* mg, const modfile::File* main) {
    graph_ = mg;
    main_ = main;
  }
  // Prefetch reads the go.mod files of mods (replacements applied by the caller):
  // those in the cache into memory, the others from the proxy into the cache, jobs
  // at a time, so that loading the graph finds them all without asking twice.
  void Prefetch(const std::vector<module::Version>& mods, int jobs);
  // PrefetchVersions fetches the proxy's version lists of paths not asked for yet,
  // jobs() at a time; the results are what RawVersions would have fetched one by one.
  void PrefetchVersions(const std::vector<std::string>& paths) override;
  // SetJobs sets how many requests run at once (DownloadRequest's jobs).
  void SetJobs(int jobs) { jobs_ = jobs; }

 private:
  class SourceRepo;
  // LatestGoMod is the go.mod of a module's latest version, retractions ignored
  // (queryLatestVersionIgnoringRetractions and rawGoModSummary), or why not.
  struct LatestGoMod {
    std::unique_ptr<modfile::File> file;
    std::optional<QueryError> error;
  };
  const LatestGoMod& LatestSummary(const std::string& path);
  const Result<std::vector<std::string>>& RawVersions(const std::string& path);
  // ReplacedVersions is RawVersions plus the versions the main module replaces.
  Result<std::vector<std::string>> ReplacedVersions(const std::string& path);
  const module::Version* AllReplaced(const std::string& path) const;
  // RawGoMod reads m's go.mod whatever the mode; *not_found, when given, tells a
  // missing file from other errors.
  mvs::Result<GoModFile> RawGoMod(const module::Version& m, bool* not_found = nullptr);
  bool HasGoMod(const module::Version& m);

  const DownloadEnv& env_;
  std::string main_dir_;
  // prefetched holds the go.mod files Prefetch found in the cache, not checked yet.
  std::map<module::Version, std::string, VersionLess> prefetched_;
  SumState* sums_;
  int jobs_ = 8;
  const ModuleGraph* graph_ = nullptr;
  const modfile::File* main_ = nullptr;
  bool readonly_ = false;
  // Per-command caches, as the go command keeps them: @v/list by path, and the
  // latest go.mod by path.
  std::map<std::string, Result<std::vector<std::string>>> versions_;
  std::map<std::string, LatestGoMod> latest_;
};

// ShortMessage returns the first line of a go.mod message (a retraction rationale,
// a deprecation) trimmed, as safe to print on a terminal, or empty_default.
std::string ShortMessage(const std::string& message, const std::string& empty_default);

// UpdateTime returns a version's time as `go list -m` prints it (Go's zero time
// when the proxy gave none).
std::string UpdateTime(const RevInfo& info);

// KeepSums returns the go.sum keys the go command keeps after loading mg without
// packages (modload.keepSums with addBuildListZipSums): the go.mod sums of every
// module whose requirements the graph read, and the zip sums of the build list,
// replacements applied. Without a graph, the roots of main.
SumKeySet KeepSums(const ModuleGraph* mg, const modfile::File& main);

// RequirementsChanged reports whether writing the graph's roots back would change
// main (a missing go line, roots updated): the go command then rewrites go.mod.
// It returns the new text in *updated.
bool RequirementsChanged(const ModuleGraph& mg, const MainModule& main, std::string* updated);

}  // namespace gotool::modcache
