// The check cache: which packages already type-checked clean, keyed by content hash,
// so that `gotool build` does not check them again while nothing they depend on
// changes (the go command's build cache plays this part for `go build`).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "pkg/load/context.h"

namespace gotool::load {

struct LoadedPackage;

// CheckCache records clean checks in dir/check/XX/ID (ID in hex, XX its first two
// digits), one file each holding the import path, written atomically. An empty dir (GOCACHE=off)
// disables it: nothing is found, nothing is written.
class CheckCache {
 public:
  // tool_id identifies the checker (the gotool binary), so that a new gotool does not
  // trust an old one's verdicts; config_key holds every setting that changes the
  // checker's result outside the packages' files (build context, go.mod, flags).
  CheckCache(std::string dir, std::string tool_id, std::string config_key);

  // ComputeIds gives every package of order (dependencies first) its action ID: a
  // hash of the tool, the configuration, the package's import path, directory and
  // file names and contents, and the IDs of the packages it imports. A package whose
  // files cannot be read gets no ID (and is never found).
  void ComputeIds(const std::vector<LoadedPackage*>& order);

  // Clean reports whether p was recorded as checking clean under its current ID.
  bool Clean(const LoadedPackage* p) const;

  // RecordClean remembers that p checked clean; write failures are ignored (the
  // cache is only an accelerator, as the go command treats its own).
  void RecordClean(const LoadedPackage* p) const;

  // BuildContextKey is the part of config_key that comes from a build context.
  static std::string BuildContextKey(const BuildContext& ctx);

 private:
  std::string EntryPath(const std::string& id) const;

  std::string dir_;
  std::string tool_id_;
  std::string config_key_;
  std::map<const LoadedPackage*, std::string> ids_;
};

}  // namespace gotool::load
