// Downloading module versions into the cache: info, go.mod, zip, extraction, go.sum.
#include "modcache/download.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <mutex>

#include "modcache/cache.h"
#include "modcache/dirhash.h"
#include "modcache/zip.h"
#include "pkg/base/atomic_file.h"
#include "pkg/base/parallel.h"
#include "pkg/cfg/env.h"

namespace gotool::modcache {
namespace {

constexpr std::string_view kGoSumMismatch =
    "\n\nSECURITY ERROR\n"
    "This download does NOT match an earlier download recorded in go.sum.\n"
    "The bits may have been replaced on the origin server, or an attacker may\n"
    "have intercepted the download attempt.\n\n"
    "For more information, see 'gotool help module-auth'.\n";

bool Exists(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0;
}

std::string Dir(const std::string& file) { return file.substr(0, file.find_last_of('/')); }

std::string Base(const std::string& file) { return file.substr(file.find_last_of('/') + 1); }

Error VersionError(const module::Version& m, Error err) {
  err.message = m.path + "@" + m.version + ": " + err.message;
  return err;
}

void Say(const DownloadEnv& env, const std::string& line) {
  if (env.stderr) {
    env.stderr(line);
    return;
  }
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
}

// CheckSum compares hash h of m (version "V" or "V/go.mod") with env.gosum: a
// mismatch is the go command's SECURITY ERROR; *verified reports a match.
Status CheckSum(const DownloadEnv& env, const module::Version& m, const std::string& h,
                bool* verified) {
  *verified = false;
  if (env.gosum == nullptr) return OkStatus();
  auto it = env.gosum->find(m);
  if (it == env.gosum->end()) return OkStatus();
  for (const std::string& vh : it->second) {
    if (vh == h) {
      *verified = true;
      return OkStatus();
    }
  }
  for (const std::string& vh : it->second) {
    if (vh.starts_with("h1:"))
      return Error{"verifying " + m.path + "@" + m.version + ": checksum mismatch\n\tdownloaded: " +
                   h + "\n\t" + env.gosum_name + ":     " + vh + std::string(kGoSumMismatch)};
  }
  return OkStatus();
}

Status CheckModule(const module::Version& m) {
  if (auto err = module::CheckPath(m.path)) return Error{err->Message()};
  if (!module::IsCanonicalVersion(m.version))
    return Error{m.path + "@" + m.version + ": invalid version: not a canonical version"};
  return OkStatus();
}

// Prepare checks m and creates the module cache directory when it is missing.
Status Prepare(const DownloadEnv& env, const module::Version& m) {
  if (Status s = CheckModule(m); !s.ok()) return s;
  return cache::CheckCacheDir(env.gomodcache);
}

// FetchInfo returns the cached .info of m, or the proxy's (*fresh set: not cached yet);
// Prepare(m) has succeeded.
Result<RevInfo> FetchInfo(const DownloadEnv& env, const module::Version& m, bool* fresh) {
  *fresh = false;
  std::string file = cache::CheckedCachePath(env.gomodcache, m, "info");
  if (Result<std::string> data = cache::ReadCacheFile(file); data.ok()) {
    RevInfo info;
    if (ParseRevInfo(data.value(), &info).empty() && info.version == m.version) return info;
  }
  *fresh = true;
  return ProxyClient(env.proxy).Stat(m.path, m.version);
}

// FetchGoMod returns m's go.mod, cached or from the proxy, checked against go.sum;
// Prepare(m) has succeeded.
Result<std::string> FetchGoMod(const DownloadEnv& env, const module::Version& m, bool* fresh,
                               bool* verified, std::string* hash = nullptr) {
  *fresh = false;
  Result<std::string> data =
      cache::ReadCacheFile(cache::CheckedCachePath(env.gomodcache, m, "mod"));
  if (!data.ok()) {
    *fresh = true;
    data = ProxyClient(env.proxy).GoMod(m.path, m.version);
    if (!data.ok()) return data;
  }
  module::Version key{m.path, m.version + "/go.mod"};
  std::string h = dirhash::HashGoMod(data.value());
  if (Status s = CheckSum(env, key, h, verified); !s.ok()) return s.error();
  if (hash != nullptr) *hash = std::move(h);
  return data;
}

// RemoveStale deletes leftovers of killed runs: files in dir starting with prefix
// and ending with suffix.
void RemoveStale(const std::string& dir, const std::string& prefix, const std::string& suffix) {
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return;
  std::vector<std::string> stale;
  while (struct dirent* e = ::readdir(d)) {
    std::string name = e->d_name;
    if (name.size() > prefix.size() + suffix.size() && name.starts_with(prefix) &&
        name.ends_with(suffix))
      stale.push_back(dir + "/" + name);
  }
  ::closedir(d);
  for (const std::string& f : stale) cache::RemoveTree(f);
}

// DownloadZipLocked makes sure zipfile and its .ziphash are in place; when it
// downloaded the zip, *opened receives it, open for the extraction.
Status DownloadZipLocked(const DownloadEnv& env, const module::Version& m,
                         const std::string& zipfile, std::string* sum, bool* verified,
                         std::shared_ptr<zip::Archive>* opened = nullptr) {
  std::string ziphash = zipfile + "hash";
  if (Exists(zipfile) && Exists(ziphash)) {
    Result<std::string> h = cache::ReadFile(ziphash);
    if (h.ok() && h.value().starts_with("h1:")) {
      *sum = h.value();
      return CheckSum(env, m, *sum, verified);
    }
  }
  std::string dir = Dir(zipfile);
  RemoveStale(dir, Base(zipfile), ".tmp");
  if (!Exists(zipfile) && !env.quiet)
    Say(env, "go: downloading " + m.path + " " + m.version + "\n");
  std::string tmp = zipfile + "XXXXXX.tmp";
  int fd = cache::CreateTemp(&tmp, 4);  // 0666 before the umask, as go creates it
  if (fd < 0) return Error{"open " + tmp + ": " + base::ErrnoText(errno)};
  ::close(fd);
  auto fail = [&](Error e) {
    ::unlink(tmp.c_str());
    return e;
  };
  if (Exists(zipfile)) {  // the .ziphash went missing: re-hash without downloading
    ::unlink(tmp.c_str());
    tmp = zipfile;
  } else if (Status s = ProxyClient(env.proxy).Zip(m.path, m.version, tmp, zip::kMaxZipFile);
             !s.ok()) {
    return fail(s.error());
  }
  // The go command's download-time check, worded as its own (no module prefix). The
  // full check (file names, sizes) comes with the extraction, as in the go command,
  // so a zip that fails it stays in the download cache but is never extracted.
  Result<std::shared_ptr<zip::Archive>> z = zip::Archive::Open(tmp);
  Status checked = z.ok() ? zip::CheckZipPrefix(m, *z.value()) : Status(z.error());
  if (!checked.ok()) {
    if (tmp == zipfile) return checked;
    return fail(checked.error());
  }
  std::string err;
  *sum = dirhash::HashZipEntries(*z.value(), &err);
  if (!err.empty()) return fail(VersionError(m, Error{err}));
  if (Status s = CheckSum(env, m, *sum, verified); !s.ok()) {
    if (tmp == zipfile) return s;
    return fail(s.error());
  }
  if (Status s = cache::WriteFile(ziphash, *sum); !s.ok()) return fail(s.error());
  if (tmp != zipfile && ::rename(tmp.c_str(), zipfile.c_str()) != 0)
    return fail(Error{"rename " + tmp + " " + zipfile + ": " + base::ErrnoText(errno)});
  z.value()->set_file(zipfile);
  if (opened != nullptr) *opened = z.value();
  return OkStatus();
}

// Extract unzips zipfile into dir unless it is there already: into a temporary
// directory beside it, renamed into place, with a .partial marker meanwhile (the
// go command treats a directory with one as incomplete).
Status Extract(const DownloadEnv& env, const module::Version& m, const std::string& zipfile,
               const std::string& dir, zip::Archive* opened) {
  Result<std::string> partial = cache::CachePath(env.gomodcache, m, "partial");
  if (!partial.ok()) return partial.error();
  if (Exists(dir) && !Exists(partial.value())) return OkStatus();
  // The marker is empty: creating it in place is as safe as a rename, and cheaper.
  int marker = ::open(partial.value().c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (marker < 0) return Error{"open " + partial.value() + ": " + base::ErrnoText(errno)};
  ::close(marker);
  std::string parent = Dir(dir);
  RemoveStale(parent, Base(dir) + ".tmp-", "");
  cache::RemoveTree(dir);
  if (Status s = cache::MkdirAll(parent); !s.ok()) return s;
  std::string tmp = dir + ".tmp-XXXXXX";
  if (::mkdtemp(tmp.data()) == nullptr)
    return Error{"mkdir " + tmp + ": " + base::ErrnoText(errno)};
  Status unzipped = opened != nullptr ? zip::Unzip(tmp, m, *opened) : zip::Unzip(tmp, m, zipfile);
  if (Status s = std::move(unzipped); !s.ok()) {
    cache::RemoveTree(tmp);
    Say(env, "-> " + s.error().message + "\n");  // the go command's report of a failed unzip
    ::unlink(partial.value().c_str());
    return s;
  }
  // (zip::Unzip made tmp again, 0777 before the umask, as mkdtemp's 0700 is not
  // what the go command leaves.)
  if (!env.modcacherw) cache::MakeTreeReadOnly(tmp);
  if (::rename(tmp.c_str(), dir.c_str()) != 0) {
    int e = errno;
    cache::RemoveTree(tmp);
    return Error{"rename " + tmp + " " + dir + ": " + base::ErrnoText(e)};
  }
  ::unlink(partial.value().c_str());
  return OkStatus();
}

}  // namespace

DownloadEnv DownloadEnv::FromConfig(const cfg::Config& cfg) {
  DownloadEnv env;
  env.proxy = ProxyEnv::FromConfig(cfg);
  env.gomodcache = cfg.Gomodcache();
  return env;
}

Result<RevInfo> StatVersion(const DownloadEnv& env, const module::Version& m) {
  if (Status s = Prepare(env, m); !s.ok()) return s.error();
  bool fresh = false;
  Result<RevInfo> info = FetchInfo(env, m, &fresh);
  if (info.ok() && fresh) {
    // Kept under the version the proxy resolved m to, as the go command does.
    module::Version resolved{m.path, info.value().version};
    if (!resolved.version.empty() && !module::IsCanonicalVersion(resolved.version)) resolved = m;
    if (Status s = cache::WriteInfo(env.gomodcache, resolved, info.value()); !s.ok())
      return s.error();
  }
  return info;
}

Result<std::string> GoModFile(const DownloadEnv& env, const module::Version& m, std::string* hash) {
  if (Status s = Prepare(env, m); !s.ok()) return s.error();
  bool fresh = false, verified = false;
  Result<std::string> data = FetchGoMod(env, m, &fresh, &verified, hash);
  if (data.ok() && fresh) {
    if (Status s = cache::WriteGoMod(env.gomodcache, m, data.value()); !s.ok()) return s.error();
  }
  return data;
}

Result<std::string> CheckGoMod(const DownloadEnv& env, const module::Version& m,
                               const std::string& data, bool* verified) {
  // (No Prepare: the caller found m's cache path, so m is a valid module version.)
  std::string h = dirhash::HashGoMod(data);
  bool found = false;
  if (Status s = CheckSum(env, {m.path, m.version + "/go.mod"}, h, &found); !s.ok())
    return s.error();
  if (verified != nullptr) *verified = found;
  return h;
}

Result<std::string> DownloadZip(const DownloadEnv& env, const module::Version& m) {
  if (Status s = Prepare(env, m); !s.ok()) return s.error();
  Result<std::string> zipfile = cache::CachePath(env.gomodcache, m, "zip");
  if (!zipfile.ok()) return zipfile.error();
  Result<std::string> lockfile = cache::CachePath(env.gomodcache, m, "lock");
  if (!lockfile.ok()) return lockfile.error();
  Result<cache::FileLock> lock = cache::FileLock::Acquire(lockfile.value());
  if (!lock.ok()) return lock.error();
  std::string sum;
  bool verified = false;
  if (Status s = DownloadZipLocked(env, m, zipfile.value(), &sum, &verified); !s.ok())
    return s.error();
  return zipfile;
}

Result<DownloadedModule> Download(const DownloadEnv& env, const module::Version& m) {
  if (Status s = Prepare(env, m); !s.ok()) return s.error();
  DownloadedModule out;
  out.mod = m;
  // .info and .mod are written before the zip is fetched, as the go command does:
  // they are valid whatever becomes of the zip.
  bool info_fresh = false, mod_fresh = false, mod_verified = false, zip_verified = false;
  Result<RevInfo> info = FetchInfo(env, m, &info_fresh);
  if (!info.ok()) return info.error();
  out.info = info.value();
  if (info_fresh) {
    if (Status s = cache::WriteInfo(env.gomodcache, m, out.info); !s.ok()) return s.error();
  }
  Result<std::string> gomod = FetchGoMod(env, m, &mod_fresh, &mod_verified, &out.gomod_sum);
  if (!gomod.ok()) return gomod.error();
  if (mod_fresh) {
    if (Status s = cache::WriteGoMod(env.gomodcache, m, gomod.value()); !s.ok()) return s.error();
  }

  Result<std::string> zipfile = cache::CachePath(env.gomodcache, m, "zip");
  Result<std::string> lockfile = cache::CachePath(env.gomodcache, m, "lock");
  Result<std::string> dir = cache::ModuleDir(env.gomodcache, m);
  for (const auto* r : {&zipfile, &lockfile, &dir})
    if (!r->ok()) return r->error();
  Result<cache::FileLock> lock = cache::FileLock::Acquire(lockfile.value());
  if (!lock.ok()) return lock.error();
  std::shared_ptr<zip::Archive> opened;
  if (Status s = DownloadZipLocked(env, m, zipfile.value(), &out.sum, &zip_verified, &opened);
      !s.ok())
    return s.error();
  if (Status s = Extract(env, m, zipfile.value(), dir.value(), opened.get()); !s.ok())
    return s.error();
  out.info_file = cache::CachePath(env.gomodcache, m, "info").value();
  out.gomod_file = cache::CachePath(env.gomodcache, m, "mod").value();
  out.zip_file = zipfile.value();
  out.dir = dir.value();
  out.verified = mod_verified && zip_verified;
  return out;
}

std::vector<Result<DownloadedModule>> DownloadAll(const DownloadEnv& env,
                                                  const std::vector<module::Version>& mods,
                                                  int jobs) {
  std::vector<std::optional<Result<DownloadedModule>>> slots(mods.size());
  base::ParallelFor(mods.size(), jobs,
                    [&](std::size_t i) { slots[i].emplace(Download(env, mods[i])); });
  std::vector<Result<DownloadedModule>> out;
  for (auto& s : slots) out.push_back(std::move(*s));
  return out;
}

}  // namespace gotool::modcache
