// The module cache on disk ($GOMODCACHE), laid out byte for byte as the go command's:
// cache/download/<esc path>/@v/{list,V.info,V.mod,V.zip,V.ziphash,V.lock} and the
// extracted read-only trees <esc path>@<esc V>/. Writes are atomic (temporary file +
// rename) and guarded by flock'ed lock files, so processes can share one cache.
#pragma once

#include <string>
#include <string_view>

#include "modcache/module.h"
#include "modcache/proxy.h"

namespace gotool::modcache::cache {

// DownloadDir returns $GOMODCACHE/cache/download/<esc path>/@v.
Result<std::string> DownloadDir(const std::string& gomodcache, std::string_view path);

// CachePath returns the download-cache file of m with suffix ("info", "mod", "zip",
// "ziphash", "lock", "partial"): DownloadDir/<esc version>.<suffix>. The version
// must be canonical (go's "non-semver module version" error otherwise).
Result<std::string> CachePath(const std::string& gomodcache, const module::Version& m,
                              std::string_view suffix);

// CheckedCachePath is CachePath for a module version checked already (a valid
// module path at a canonical version, as download's checks leave it), which it does
// not check again.
std::string CheckedCachePath(const std::string& gomodcache, const module::Version& m,
                             std::string_view suffix);

// CheckCacheDir creates gomodcache when it is missing (once per process and
// directory), as the go command does on its first look into the cache; its error
// reads "could not create module cache: ...".
Status CheckCacheDir(const std::string& gomodcache);

// ModuleDir returns $GOMODCACHE/<esc path>@<esc version>, the extracted tree of m.
Result<std::string> ModuleDir(const std::string& gomodcache, const module::Version& m);

// FileLock holds an exclusive flock on a lock file until destroyed.
class FileLock {
 public:
  FileLock() = default;
  FileLock(FileLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  FileLock& operator=(FileLock&& other) noexcept;
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  ~FileLock();

  // Acquire creates path (and its directory) when missing, and waits for an
  // exclusive lock on it. For a file that is replaced by rename while locked, it
  // locks the file the path names once the lock is held.
  static Result<FileLock> Acquire(const std::string& path);

 private:
  explicit FileLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

// WriteFile writes data to file atomically (a temporary file beside it, renamed over
// it, without fsync, as the go command writes its cache), creating the directory first; a failure
// leaves no trace and names the failing operation as Go's *PathError does ("mkdir /x: permission
// denied").
Status WriteFile(const std::string& file, std::string_view data);

// MkdirAll creates dir and its parents (0777 before the umask), as os.MkdirAll does.
Status MkdirAll(const std::string& dir);

// CreateTemp creates a new file for writing from *name, whose six X's before the
// last suffix_len bytes it replaces with random characters, with mode 0666 before the
// umask, as the go command creates its temporary cache files (mkstemp would make it
// 0600, to be changed with one more system call). It returns the descriptor, or -1
// with errno set.
int CreateTemp(std::string* name, std::size_t suffix_len);

// ReadFile returns the content of file, or an Error (not_found when it is missing).
Result<std::string> ReadFile(const std::string& file);

// ReadCacheFile is ReadFile for the module cache's own files (.info, .mod,
// .ziphash), which are regular files only ever replaced by a rename: a read that
// returns less than asked for ends the file, without one more read to see it end.
Result<std::string> ReadCacheFile(const std::string& file);

// FormatInfo renders a RevInfo as the cache's .info holds it: json.Marshal of
// {Version, Time, Origin}, the time "0001-01-01T00:00:00Z" when unknown.
std::string FormatInfo(const RevInfo& info);

// WriteInfo writes m's .info file.
Status WriteInfo(const std::string& gomodcache, const module::Version& m, const RevInfo& info);

// WriteGoMod writes m's .mod file and then rewrites @v/list, under a lock on it, to
// hold every version that has a .mod file, semver-sorted.
Status WriteGoMod(const std::string& gomodcache, const module::Version& m, std::string_view data);

// RewriteVersionList rewrites the list file of the directory dir (an @v directory).
Status RewriteVersionList(const std::string& dir);

// MakeTreeReadOnly removes the write bits of dir and of the directories below it, as
// the go command does without -modcacherw (the files themselves are created 0444).
void MakeTreeReadOnly(const std::string& dir);

// RemoveTree deletes dir even when it was made read-only.
void RemoveTree(const std::string& dir);

}  // namespace gotool::modcache::cache
