// Module zip checks and extraction over our zip reader (zipfile.h).
#include "modcache/zip.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <map>
#include <memory>
#include <set>
#include <vector>

#include "modcache/cache.h"
#include "pkg/base/atomic_file.h"
#include "pkg/cfg/env.h"

namespace gotool::modcache::zip {
namespace {

// IsClean reports whether name is its own path.Clean.
bool IsClean(const std::string& name) { return cfg::CleanPath(name) == name; }

std::string Fold(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool EqualFold(std::string_view a, std::string_view b) { return Fold(a) == Fold(b); }

std::string Quoted(std::string_view s) { return module::Quote(s); }

// Collisions finds names that differ only in case, and names used both as a file
// and as a directory, checking every parent directory too.
class Collisions {
 public:
  std::string Check(const std::string& p, bool is_dir) {
    std::string fold = Fold(p);
    auto it = seen_.find(fold);
    if (it != seen_.end()) {
      if (p != it->second.first)
        return "case-insensitive file name collision: " + Quoted(it->second.first) + " and " +
               Quoted(p);
      if (is_dir != it->second.second)
        return "entry " + Quoted(p) + " is both a file and a directory";
      if (!is_dir) return "multiple entries for file " + Quoted(p);
    } else {
      seen_[fold] = {p, is_dir};
    }
    std::size_t slash = p.find_last_of('/');
    if (slash != std::string::npos) return Check(p.substr(0, slash), true);
    return "";
  }

 private:
  std::map<std::string, std::pair<std::string, bool>> seen_;
};

// ReadAll reads the file fd names into *data.
bool ReadAll(int fd, std::string* data) {
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) return true;
    data->append(buf, static_cast<std::size_t>(n));
  }
}

// Entry is a checked zip entry that names a file.
struct Entry {
  std::size_t index;
  std::string name;  // relative to the module root
  std::uint64_t size;
};

Result<std::vector<Entry>> Check(const module::Version& m, const std::vector<FileHeader>& zfiles) {
  std::string canonical = module::CanonicalVersion(m.version);
  if (canonical != m.version)
    return Error{"version " + Quoted(m.version) + " is not canonical (should be " +
                 Quoted(canonical) + ")"};
  if (auto err = module::CheckPath(m.path)) return Error{err->Message()};
  std::string prefix = m.path + "@" + m.version + "/";
  Collisions collisions;
  std::vector<Entry> files;
  std::string invalid, size_error;
  auto add_error = [&](const std::string& name, const std::string& err) {
    invalid += (invalid.empty() ? "" : "\n") + name + ": " + err;
  };
  std::int64_t total = 0;
  for (std::size_t i = 0; i < zfiles.size(); ++i) {
    const std::string& full = zfiles[i].name;
    if (!full.starts_with(prefix)) {
      add_error(full, "path does not have prefix " + Quoted(prefix));
      continue;
    }
    std::string name = full.substr(prefix.size());
    if (name.empty()) continue;
    bool is_dir = name.back() == '/';
    if (is_dir) name.pop_back();
    if (!IsClean(name)) {
      add_error(full, "file path is not clean");
      continue;
    }
    if (auto err = module::CheckFilePath(name)) {
      add_error(full, err->Message());
      continue;
    }
    if (std::string err = collisions.Check(name, is_dir); !err.empty()) {
      add_error(full, err);
      continue;
    }
    if (is_dir) continue;
    std::size_t slash = name.find_last_of('/');
    std::string base = slash == std::string::npos ? name : name.substr(slash + 1);
    if (EqualFold(base, "go.mod")) {
      if (base != name) {
        add_error(full, "go.mod file not in module root directory");
        continue;
      }
      if (name != "go.mod") {
        add_error(full, "go.mod files must have lowercase names");
        continue;
      }
    }
    auto sz = static_cast<std::int64_t>(zfiles[i].uncompressed_size);
    if (sz >= 0 && kMaxZipFile - total >= sz)
      total += sz;
    else if (size_error.empty())
      size_error = "total uncompressed size of module contents too large (max size is " +
                   std::to_string(kMaxZipFile) + " bytes)";
    if (name == "go.mod" && sz > kMaxGoMod) {
      add_error(full,
                "go.mod file too large (max size is " + std::to_string(kMaxGoMod) + " bytes)");
      continue;
    }
    if (name == "LICENSE" && sz > kMaxLICENSE) {
      add_error(full,
                "LICENSE file too large (max size is " + std::to_string(kMaxLICENSE) + " bytes)");
      continue;
    }
    files.push_back({i, name, zfiles[i].uncompressed_size});
  }
  if (!size_error.empty()) return Error{size_error};
  if (!invalid.empty()) return Error{invalid};
  return files;
}

// Extractor writes the files of a checked zip below a directory it holds open, so
// that each file costs one short relative path walk, and each parent directory one
// mkdir.
class Extractor {
 public:
  Extractor(Archive& zip, std::string dir) : zip_(zip), dir_(std::move(dir)) {}
  ~Extractor() {
    if (fd_ >= 0) ::close(fd_);
  }

  Status Open() {
    if (::mkdir(dir_.c_str(), 0777) != 0 && errno != EEXIST) {
      if (errno != ENOENT) return Error{"mkdir " + dir_ + ": " + base::ErrnoText(errno)};
      if (Status s = cache::MkdirAll(dir_); !s.ok()) return s;
    }
    fd_ = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd_ < 0) return Error{"open " + dir_ + ": " + base::ErrnoText(errno)};
    return OkStatus();
  }

  Status Write(const Entry& e) {
    if (std::size_t slash = e.name.find_last_of('/'); slash != std::string::npos) {
      if (Status s = MkdirAll(e.name.substr(0, slash)); !s.ok()) return s;
    }
    Result<std::string_view> data = zip_.Contents(e.index);
    if (!data.ok()) return data.error();
    std::string dest = dir_ + "/" + e.name;
    // O_EXCL|O_NOFOLLOW: never write through a symlink or over an existing file.
    // Read-only from the start, as the go command creates them (-modcacherw leaves
    // only the directories writable), so no chmod per file is needed afterwards.
    int fd =
        ::openat(fd_, e.name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0444);
    if (fd < 0) return Error{"open " + dest + ": " + base::ErrnoText(errno)};
    std::string_view left = data.value();
    while (!left.empty()) {
      ssize_t w = ::write(fd, left.data(), left.size());
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) {
        int err = errno;
        ::close(fd);
        return Error{"write " + dest + ": " + base::ErrnoText(err)};
      }
      left.remove_prefix(static_cast<std::size_t>(w));
    }
    if (::close(fd) != 0) return Error{"close " + dest + ": " + base::ErrnoText(errno)};
    return OkStatus();
  }

 private:
  // MkdirAll creates rel (a checked, clean relative path) and its parents below the
  // directory, each once.
  Status MkdirAll(const std::string& rel) {
    if (made_.contains(rel)) return OkStatus();
    if (std::size_t slash = rel.find_last_of('/'); slash != std::string::npos) {
      if (Status s = MkdirAll(rel.substr(0, slash)); !s.ok()) return s;
    }
    if (::mkdirat(fd_, rel.c_str(), 0777) != 0 && errno != EEXIST)
      return Error{"mkdir " + dir_ + "/" + rel + ": " + base::ErrnoText(errno)};
    made_.insert(rel);
    return OkStatus();
  }

  Archive& zip_;
  std::string dir_;
  int fd_ = -1;
  std::set<std::string> made_;
};

}  // namespace

Result<std::shared_ptr<Archive>> Archive::Open(const std::string& zipfile) {
  struct stat st;
  if (::stat(zipfile.c_str(), &st) != 0)
    return Error{"stat " + zipfile + ": " + base::ErrnoText(errno)};
  if (st.st_size > kMaxZipFile)
    return Error{"module zip file is too large (" + std::to_string(st.st_size) +
                 " bytes; limit is " + std::to_string(kMaxZipFile) + " bytes)"};
  int fd = ::open(zipfile.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error{std::string(kErrFormat)};
  std::string data;
  data.reserve(static_cast<std::size_t>(st.st_size));
  bool ok = ReadAll(fd, &data);
  ::close(fd);
  if (!ok) return Error{std::string(kErrFormat)};
  return FromData(zipfile, std::move(data));
}

Result<std::shared_ptr<Archive>> Archive::FromData(std::string file, std::string data) {
  Result<Reader> r = Reader::Open(std::move(data));
  if (!r.ok()) return r.error();
  std::shared_ptr<Archive> a(new Archive);
  a->file_ = std::move(file);
  a->reader_ = std::move(r.value());
  std::uint64_t total = 0;
  for (const FileHeader& f : a->reader_.files())
    total += std::min<std::uint64_t>(f.uncompressed_size, kCacheLimit + 1);
  a->cache_ = total <= kCacheLimit;
  if (a->cache_) a->cached_.resize(a->reader_.files().size());
  return a;
}

Result<std::string_view> Archive::Contents(std::size_t i) {
  if (cache_ && cached_[i]) return std::string_view(*cached_[i]);
  // Contents are held in memory, and the reader inflates no more than the declared
  // size: a declaration beyond what a module may hold in all is refused here, as the
  // extraction's check would refuse the zip (the hash before it would only take long).
  if (files()[i].uncompressed_size > static_cast<std::uint64_t>(kMaxZipFile))
    return Error{"total uncompressed size of module contents too large (max size is " +
                 std::to_string(kMaxZipFile) + " bytes)"};
  std::string* out = cache_ ? &cached_[i].emplace() : &scratch_;
  out->clear();
  if (Status s = reader_.ReadFile(i, out); !s.ok()) {
    if (cache_) cached_[i].reset();
    return s.error();
  }
  return std::string_view(*out);
}

Status CheckZip(const module::Version& m, const std::string& zipfile) {
  Result<std::shared_ptr<Archive>> z = Archive::Open(zipfile);
  if (!z.ok()) return z.error();
  Result<std::vector<Entry>> files = Check(m, z.value()->files());
  if (!files.ok()) return files.error();
  return OkStatus();
}

Status CheckZipPrefix(const module::Version& m, const std::string& zipfile) {
  Result<std::shared_ptr<Archive>> z = Archive::Open(zipfile);
  if (!z.ok()) return z.error();
  return CheckZipPrefix(m, *z.value());
}

Status CheckZipPrefix(const module::Version& m, const Archive& zip) {
  std::string prefix = m.path + "@" + m.version + "/";
  for (const FileHeader& f : zip.files()) {
    if (!f.name.starts_with(prefix))
      return Error{"zip for " + prefix.substr(0, prefix.size() - 1) + " has unexpected file " +
                   f.name};
  }
  return OkStatus();
}

Status Unzip(const std::string& dir, const module::Version& m, const std::string& zipfile) {
  if (::rmdir(dir.c_str()) != 0 && errno != ENOENT)  // only an empty dir goes
    return Error{"unzip " + zipfile + ": target directory " + dir + " exists and is not empty"};
  Result<std::shared_ptr<Archive>> z = Archive::Open(zipfile);
  if (!z.ok()) return Error{"unzip " + zipfile + ": " + z.error().message};
  return Unzip(dir, m, *z.value());
}

Status Unzip(const std::string& dir, const module::Version& m, Archive& zip) {
  auto fail = [&](const Error& e) { return Error{"unzip " + zip.file() + ": " + e.message}; };
  if (::rmdir(dir.c_str()) != 0 && errno != ENOENT)  // only an empty dir goes
    return fail(Error{"target directory " + dir + " exists and is not empty"});
  Result<std::vector<Entry>> files = Check(m, zip.files());
  if (!files.ok()) return fail(files.error());
  Extractor x(zip, dir);
  if (Status s = x.Open(); !s.ok()) return fail(s.error());
  for (const Entry& e : files.value()) {
    if (Status s = x.Write(e); !s.ok()) return fail(s.error());
  }
  return OkStatus();
}

}  // namespace gotool::modcache::zip
