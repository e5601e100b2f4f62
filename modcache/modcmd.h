// The libraries behind `gotool mod download`, `mod graph`, `mod verify` and
// `list -m`: each takes a command line and returns what to print (CommandResult).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "modcache/download.h"
#include "modcache/graph.h"
#include "modcache/modedit.h"
#include "modcache/modload.h"

namespace gotool::modcache {

// ModRequest is the command line of a module command.
struct ModRequest {
  std::vector<std::string> args;
  std::string cwd;         // absolute working directory
  DownloadEnv env;         // GOPROXY, GOMODCACHE, -modcacherw
  bool json = false;       // -json
  bool x = false;          // -x (mod download: nothing to print for proxy downloads)
  std::string go;          // mod graph -go=version
  bool versions = false;   // list -m -versions
  bool retracted = false;  // list -m -retracted
  bool update = false;     // list -m -u
  bool errors_ok = false;  // list -e
  // readonly is -mod=readonly (the default of list): go.mod files whose go.sum line
  // is missing are not read ("missing go.sum entry"), and nothing is written.
  bool readonly = false;
  int jobs = 8;  // parallel downloads
};

// ModDownload runs `mod download [-json] [modules]`.
CommandResult ModDownload(const ModRequest& req);

// ModGraph runs `mod graph [-go=version]`.
CommandResult ModGraph(const ModRequest& req);

// ModVerify runs `mod verify`.
CommandResult ModVerify(const ModRequest& req);

// ListModulesCommand runs `list -m [-json] [-versions] [args]`.
CommandResult ListModulesCommand(const ModRequest& req);

// ModSession is the state of one module command: the main module (when there is
// one), go.sum, the module source and, once loaded, the module graph.
class ModSession {
 public:
  explicit ModSession(const ModRequest& req);

  // OpenMain finds and reads the main module's go.mod and go.sum; it returns an
  // error message (with its "gotool: " prefix) or "". has_main() is false when cwd
  // is outside any module and that is not an error (need_root false).
  std::string OpenMain(bool need_root);
  // LoadGraph loads the module graph (as `-go=go_version` when set); it returns
  // an error message or "". graph() stays usable after a go.mod read error.
  std::string LoadGraph(const std::string& go_version = "");
  // LoadRoots loads a graph of the main module without reading any go.mod (for
  // commands that need only its roots, as the go command's lazy loading does).
  void LoadRoots();
  // LoadStandIn loads the graph of f, the stand-in main module outside any module.
  void LoadStandIn(const modfile::File& f);
  // NeedFullGraph reports whether listing args needs the module graph beyond the
  // main module's roots (modload.listModules).
  bool NeedFullGraph(const std::vector<std::string>& args) const;
  // Commit writes go.mod when its requirements changed and go.sum with the sums
  // to keep (modload.commitRequirements); it returns an error message or "".
  std::string Commit();
  // Query resolves path@vers from the selected version as `go list -m path@vers`
  // does (modload.Query): excluded and retracted versions are left out, unless vers
  // names one version or allow_retracted (list -retracted) is set. The error reads
  // as the go command reports it.
  mvs::Result<RevInfo> Query(const std::string& path, const std::string& vers,
                             bool allow_retracted = false);

  bool has_main() const { return main_ != nullptr; }
  const MainModule& main() const { return *main_; }
  const ModuleGraph* graph() const { return graph_.get(); }
  ModuleSource& source() { return *source_; }
  SumState& sums() { return sums_; }
  const DownloadEnv& env() const { return env_; }
  const ModRequest& req() const { return req_; }

 private:
  std::string UpdatedGoMod() const;

  const ModRequest& req_;
  DownloadEnv env_;
  SumState sums_;
  std::unique_ptr<MainModule> main_;
  std::unique_ptr<ModuleSource> source_;
  std::unique_ptr<ModuleGraph> graph_;
  bool roots_only_ = false;  // graph_ came from LoadRoots or LoadStandIn
};

// GotoolMessage rewrites the go command's program name in an error text it
// produced ("go: ..." and "'go help ...'") to gotool's.
std::string GotoolMessage(std::string msg);

}  // namespace gotool::modcache
