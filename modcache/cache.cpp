// Module cache paths, locks and atomic writes.
#include "modcache/cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include "modcache/gojson.h"
#include "modcache/pseudo.h"
#include "modcache/semver.h"
#include "pkg/base/atomic_file.h"

namespace gotool::modcache::cache {
namespace {

namespace fs = std::filesystem;

Error PathError(std::string_view op, const std::string& path, int err) {
  return Error{std::string(op) + " " + path + ": " + base::ErrnoText(err), err == ENOENT};
}

}  // namespace

int CreateTemp(std::string* name, std::size_t suffix_len) {
  static constexpr char kChars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  // Seeded from the clock, the thread and a counter: names need only be unlikely to
  // clash, O_EXCL makes a clash harmless.
  static std::atomic<std::uint64_t> counter{0};
  thread_local std::uint64_t state = [] {
    struct timespec ts;
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    std::uint64_t tid = std::hash<std::thread::id>()(std::this_thread::get_id());
    return static_cast<std::uint64_t>(ts.tv_nsec) ^ (static_cast<std::uint64_t>(ts.tv_sec) << 30) ^
           (tid * 0x9e3779b97f4a7c15ull) ^ (counter++ << 48) ^
           static_cast<std::uint64_t>(::getpid());
  }();
  if (name->size() < suffix_len + 6) {
    errno = EINVAL;
    return -1;
  }
  std::size_t at = name->size() - suffix_len - 6;
  for (int attempt = 0; attempt < 100; ++attempt) {
    for (std::size_t i = 0; i < 6; ++i) {
      state ^= state << 13;  // xorshift64
      state ^= state >> 7;
      state ^= state << 17;
      (*name)[at + i] = kChars[state % (sizeof kChars - 1)];
    }
    int fd = ::open(name->c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  return -1;
}

Status MkdirAll(const std::string& dir) {
  struct stat st;
  if (::stat(dir.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) return OkStatus();
    return PathError("mkdir", dir, ENOTDIR);
  }
  std::size_t slash = dir.find_last_of('/');
  if (slash != std::string::npos && slash > 0) {
    if (Status s = MkdirAll(dir.substr(0, slash)); !s.ok()) return s;
  }
  if (::mkdir(dir.c_str(), 0777) != 0 && errno != EEXIST) return PathError("mkdir", dir, errno);
  return OkStatus();
}

namespace {

std::string Dir(const std::string& file) {
  std::size_t slash = file.find_last_of('/');
  return slash == std::string::npos ? "." : slash == 0 ? "/" : file.substr(0, slash);
}

// WriteAtomic writes data to a temporary file beside file and renames it into
// place; like the go command, it does not fsync cache files (the rename keeps them
// whole).
Status WriteAtomic(const std::string& file, std::string_view data) {
  std::string tmp = file + "XXXXXX.tmp";
  int fd = CreateTemp(&tmp, 4);
  if (fd < 0) return PathError("open", tmp, errno);
  int err = 0;
  for (std::size_t done = 0; err == 0 && done < data.size();) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno != EINTR) err = errno;
    if (n > 0) done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0 && err == 0) err = errno;
  if (err == 0 && ::rename(tmp.c_str(), file.c_str()) == 0) return OkStatus();
  if (err == 0) err = errno;
  ::unlink(tmp.c_str());
  return PathError("write", tmp, err);
}

}  // namespace

Status CheckCacheDir(const std::string& gomodcache) {
  static std::mutex mu;
  static std::set<std::string> checked;
  std::lock_guard<std::mutex> lock(mu);
  if (checked.count(gomodcache)) return OkStatus();
  struct stat st;
  bool exists = ::stat(gomodcache.c_str(), &st) == 0;
  if (exists && !S_ISDIR(st.st_mode))
    return Error{"could not create module cache: \"" + gomodcache + "\" is not a directory"};
  if (!exists) {  // (MkdirAll would stat it once more)
    if (Status s = MkdirAll(gomodcache); !s.ok())
      return Error{"could not create module cache: " + s.error().message};
  }
  checked.insert(gomodcache);
  return OkStatus();
}

namespace {

constexpr std::string_view kNoCache =
    "module cache not found: neither GOMODCACHE nor GOPATH is set";

// CheckCachePath returns why gomodcache and path cannot name a download-cache
// directory, or "" (EscapePath's checks, without escaping).
std::string CheckCachePath(const std::string& gomodcache, std::string_view path) {
  if (gomodcache.empty()) return std::string(kNoCache);
  if (auto err = module::CheckPath(path)) return err->Message();
  return std::string();
}

}  // namespace

Result<std::string> DownloadDir(const std::string& gomodcache, std::string_view path) {
  if (std::string err = CheckCachePath(gomodcache, path); !err.empty()) return Error{err};
  std::string out = gomodcache;
  out.append("/cache/download/");
  module::AppendEscaped(&out, path);
  return out.append("/@v");
}

Result<std::string> CachePath(const std::string& gomodcache, const module::Version& m,
                              std::string_view suffix) {
  if (std::string err = CheckCachePath(gomodcache, m.path); !err.empty()) return Error{err};
  if (!semver::IsValid(m.version))
    return Error{m.path + "@" + m.version + ": non-semver module version \"" + m.version + "\""};
  if (!module::IsCanonicalVersion(m.version))
    return Error{m.path + "@" + m.version + ": non-canonical module version \"" + m.version + "\""};
  // (A canonical version holds only letters, digits, '.', '-' and '+': EscapeVersion
  // accepts it.)
  return CheckedCachePath(gomodcache, m, suffix);
}

std::string CheckedCachePath(const std::string& gomodcache, const module::Version& m,
                             std::string_view suffix) {
  static constexpr std::string_view kDownload = "/cache/download/", kAtV = "/@v/";
  std::string out;
  out.reserve(gomodcache.size() + kDownload.size() + m.path.size() + kAtV.size() +
              m.version.size() + 1 + suffix.size() + 8);  // (8 for a few escapes)
  out.append(gomodcache).append(kDownload);
  module::AppendEscaped(&out, m.path);
  out.append(kAtV);
  module::AppendEscaped(&out, m.version);
  out += '.';
  out.append(suffix);
  return out;
}

Result<std::string> ModuleDir(const std::string& gomodcache, const module::Version& m) {
  if (gomodcache.empty()) return Error{std::string(kNoCache)};
  std::string err;
  std::string path = module::EscapePath(m.path, &err);
  if (!err.empty()) return Error{err};
  std::string ver = module::EscapeVersion(m.version, &err);
  if (!err.empty()) return Error{err};
  std::string out;
  out.reserve(gomodcache.size() + 1 + path.size() + 1 + ver.size());
  out.append(gomodcache).append("/").append(path).append("@").append(ver);
  return out;
}

FileLock& FileLock::operator=(FileLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

FileLock::~FileLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

Result<FileLock> FileLock::Acquire(const std::string& path) {
  if (Status s = MkdirAll(Dir(path)); !s.ok()) return s.error();
  for (;;) {
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0) return PathError("open", path, errno);
    while (::flock(fd, LOCK_EX) != 0) {
      if (errno != EINTR) {
        int e = errno;
        ::close(fd);
        return PathError("flock", path, e);
      }
    }
    // Someone may have renamed a new file over path while we waited: lock that one.
    struct stat held, now;
    if (::fstat(fd, &held) == 0 && ::stat(path.c_str(), &now) == 0 && held.st_ino == now.st_ino &&
        held.st_dev == now.st_dev)
      return FileLock(fd);
    ::close(fd);
  }
}

Status WriteFile(const std::string& file, std::string_view data) {
  // The directory is there but the first time: try first, create it when missing.
  Status s = WriteAtomic(file, data);
  if (s.ok() || !s.error().not_found) return s;
  if (Status d = MkdirAll(Dir(file)); !d.ok()) return d;
  return WriteAtomic(file, data);
}

namespace {

// ReadToEnd reads the open file fd (named file, for errors) through a stack buffer of
// N bytes and closes it. With short_read_is_end, a read shorter than the buffer ends
// the file, which saves the last read(2) for regular files that nobody is writing.
template <std::size_t N>
Result<std::string> ReadToEnd(int fd, const std::string& file, bool short_read_is_end) {
  char buf[N];
  std::string data;
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int e = errno;
      ::close(fd);
      return PathError("read", file, e);
    }
    data.append(buf, static_cast<std::size_t>(n));
    if (n == 0 || (short_read_is_end && static_cast<std::size_t>(n) < sizeof buf)) break;
  }
  ::close(fd);
  return data;
}

}  // namespace

Result<std::string> ReadFile(const std::string& file) {
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return PathError("open", file, errno);
  return ReadToEnd<65536>(fd, file, /*short_read_is_end=*/false);
}

Result<std::string> ReadCacheFile(const std::string& file) {
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return PathError("open", file, errno);
  // Cache files are written whole and renamed into place, and most fit the buffer:
  // one read, one allocation of the right size.
  return ReadToEnd<8192>(fd, file, /*short_read_is_end=*/true);
}

std::string FormatInfo(const RevInfo& info) {
  std::string out = "{\"Version\":" + JSONQuote(info.version) + ",\"Time\":" +
                    JSONQuote(info.time.empty() ? "0001-01-01T00:00:00Z" : info.time);
  if (!info.origin_json.empty()) {
    // codehost.Origin's fields in struct order, all omitempty; tags never matter for a
    // cached semver version, and Ref not for a pseudo-version (go's writeDiskStat).
    nlohmann::json o = nlohmann::json::parse(info.origin_json, nullptr, false);
    std::string fields;
    for (const char* key :
         {"VCS", "URL", "Subdir", "Hash", "TagPrefix", "TagSum", "Ref", "RepoSum"}) {
      std::string k = key;
      if (k == "TagPrefix" || k == "TagSum") continue;
      if (k == "Ref" && module::IsPseudoVersion(info.version)) continue;
      auto it = o.find(k);
      if (it == o.end() || !it->is_string() || it->get<std::string>().empty()) continue;
      fields +=
          (fields.empty() ? "" : ",") + JSONQuote(k) + ":" + JSONQuote(it->get<std::string>());
    }
    out += ",\"Origin\":{" + fields + "}";
  }
  return out + "}";
}

Status WriteInfo(const std::string& gomodcache, const module::Version& m, const RevInfo& info) {
  Result<std::string> file = CachePath(gomodcache, m, "info");
  if (!file.ok()) return file.error();
  return WriteFile(file.value(), FormatInfo(info));
}

Status WriteGoMod(const std::string& gomodcache, const module::Version& m, std::string_view data) {
  Result<std::string> file = CachePath(gomodcache, m, "mod");
  if (!file.ok()) return file.error();
  if (Status s = WriteFile(file.value(), data); !s.ok()) return s;
  return RewriteVersionList(Dir(file.value()));
}

Status RewriteVersionList(const std::string& dir) {
  std::string list_file = dir + "/list";
  Result<FileLock> lock = FileLock::Acquire(list_file);
  if (!lock.ok()) return lock.error();
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return PathError("open", dir, errno);
  std::vector<std::string> versions;
  while (struct dirent* e = ::readdir(d)) {
    std::string name = e->d_name;
    if (name.size() <= 4 || !name.ends_with(".mod")) continue;
    // As the go command: the escaped file name must itself be a canonical version, so
    // versions with upper case ("v1.0.0-!r!c.1.mod") are never listed.
    std::string v = name.substr(0, name.size() - 4);
    if (module::IsCanonicalVersion(v)) versions.push_back(v);
  }
  ::closedir(d);
  semver::Sort(&versions);
  std::string text;
  for (const std::string& v : versions) text += v + "\n";
  Result<std::string> old = ReadFile(list_file);
  if (old.ok() && old.value() == text) return OkStatus();
  return WriteAtomic(list_file, text);
}

void MakeTreeReadOnly(const std::string& dir) {
  // Files are created read-only (zip::Unzip); like the go command's makeDirsReadOnly,
  // this removes the write bits of the directories, children before parents.
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return;
  std::vector<std::string> subdirs;
  while (struct dirent* e = ::readdir(d)) {
    std::string_view name = e->d_name;
    if (name == "." || name == "..") continue;
    bool is_dir = e->d_type == DT_DIR;
    if (e->d_type == DT_UNKNOWN) {
      struct stat st;
      is_dir = ::lstat((dir + "/" + e->d_name).c_str(), &st) == 0 && S_ISDIR(st.st_mode);
    }
    if (is_dir) subdirs.push_back(dir + "/" + e->d_name);
  }
  ::closedir(d);
  for (const std::string& sub : subdirs) MakeTreeReadOnly(sub);
  struct stat st;
  if (::lstat(dir.c_str(), &st) == 0 && (st.st_mode & 0222) != 0)
    ::chmod(dir.c_str(), st.st_mode & 07777 & ~0222);
}

void RemoveTree(const std::string& dir) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(dir, ec))) return;
  ::chmod(dir.c_str(), 0755);
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_directory(ec) && !it->is_symlink(ec)) ::chmod(it->path().c_str(), 0755);
  fs::remove_all(dir, ec);
}

}  // namespace gotool::modcache::cache
