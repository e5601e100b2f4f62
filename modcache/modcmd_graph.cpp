// `mod graph` (the requirement graph as text) and `mod verify` (the cached zips and
// extracted trees against their recorded hashes).
#include <sys/stat.h>

#include "modcache/cache.h"
#include "modcache/dirhash.h"
#include "modcache/modcmd.h"
#include "pkg/base/parallel.h"

namespace gotool::modcache {
namespace {

CommandResult Fail(CommandResult r, const std::string& msg) {
  r.err += msg + "\n";
  r.exit_code = 1;
  return r;
}

void AddWarnings(const ModuleGraph* mg, CommandResult* r) {
  if (!mg) return;
  for (const std::string& w : mg->warnings()) r->err += GotoolMessage(w) + "\n";
}

bool Missing(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) != 0 && errno == ENOENT;
}

// VerifyModule checks the cached zip and directory of m against its .ziphash
// (modcmd's verifyMod); it returns the error lines.
std::vector<std::string> VerifyModule(const std::string& gomodcache, const module::Version& m) {
  std::string name = m.path + " " + m.version;
  Result<std::string> zip = cache::CachePath(gomodcache, m, "zip");
  Result<std::string> dir = cache::ModuleDir(gomodcache, m);
  if (!zip.ok()) return {name + ": " + zip.error().message};
  if (!dir.ok()) return {name + ": " + dir.error().message};
  bool zip_missing = Missing(zip.value()), dir_missing = Missing(dir.value());
  Result<std::string> data = cache::ReadFile(zip.value() + "hash");
  if (!data.ok()) {
    if (zip_missing && dir_missing) return {};
    return {name + ": missing ziphash: " + data.error().message};
  }
  std::string h = data.value();
  while (!h.empty() && std::isspace(static_cast<unsigned char>(h.back()))) h.pop_back();
  std::vector<std::string> errs;
  std::string err;
  if (!zip_missing) {
    std::string hz = dirhash::HashZip(zip.value(), &err);
    if (!err.empty()) return {name + ": " + err};
    if (hz != h) errs.push_back(name + ": zip has been modified (" + zip.value() + ")");
  }
  if (!dir_missing) {
    std::string hd = dirhash::HashDir(dir.value(), m.path + "@" + m.version, &err);
    if (!err.empty()) return {name + ": " + err};
    if (hd != h) errs.push_back(name + ": dir has been modified (" + dir.value() + ")");
  }
  return errs;
}

}  // namespace

CommandResult ModGraph(const ModRequest& req) {
  CommandResult r;
  if (!req.args.empty()) return Fail(r, "gotool: 'gotool mod graph' accepts no arguments");
  ModSession s(req);
  if (std::string err = s.OpenMain(true); !err.empty()) return Fail(r, err);
  std::string err = s.LoadGraph(req.go);
  AddWarnings(s.graph(), &r);
  if (!err.empty()) return Fail(r, err);
  r.out = FormatModGraph(*s.graph());
  return r;
}

CommandResult ModVerify(const ModRequest& req) {
  CommandResult r;
  if (!req.args.empty()) return Fail(r, "gotool: verify takes no arguments");
  ModSession s(req);
  if (std::string err = s.OpenMain(true); !err.empty()) return Fail(r, err);
  std::string err = s.LoadGraph();
  AddWarnings(s.graph(), &r);
  if (!err.empty()) return Fail(r, err);
  mvs::VersionList mods = s.graph()->BuildList();
  mods.erase(mods.begin());
  std::vector<std::vector<std::string>> errs(mods.size());
  base::ParallelFor(mods.size(), req.jobs,
                    [&](std::size_t i) { errs[i] = VerifyModule(req.env.gomodcache, mods[i]); });
  bool ok = true;
  for (const auto& list : errs)
    for (const std::string& e : list) r.err += e + "\n", ok = false;
  if (ok)
    r.out = "all modules verified\n";
  else
    r.exit_code = 1;
  return r;
}

}  // namespace gotool::modcache
