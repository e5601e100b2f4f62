// Module zip checks and extraction over libzip.
#include "modcache/zip.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include <map>
#include <memory>
#include <vector>

#include "pkg/base/atomic_file.h"
#include "pkg/cfg/env.h"

namespace gotool::modcache::zip {
namespace {

using ZipPtr = std::unique_ptr<zip_t, decltype(&zip_discard)>;

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
      if (is_dir != it->second.second) return "entry " + Quoted(p) + " is both a file and a directory";
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

Result<ZipPtr> Open(const std::string& zipfile) {
  struct stat st;
  if (::stat(zipfile.c_str(), &st) != 0)
    return Error{"stat " + zipfile + ": " + base::ErrnoText(errno)};
  if (st.st_size > kMaxZipFile)
    return Error{"module zip file is too large (" + std::to_string(st.st_size) +
                 " bytes; limit is " + std::to_string(kMaxZipFile) + " bytes)"};
  int zerr = 0;
  ZipPtr z(zip_open(zipfile.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &zerr), zip_discard);
  if (!z) return Error{"zip: not a valid zip file"};
  return z;
}

// Entry is a checked zip entry that names a file.
struct Entry {
  zip_uint64_t index;
  std::string name;  // relative to the module root
  zip_uint64_t size;
};

Result<std::vector<Entry>> Check(const module::Version& m, zip_t* z) {
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
  zip_int64_t n = zip_get_num_entries(z, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    if (zip_stat_index(z, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW, &st) != 0 ||
        (st.valid & ZIP_STAT_NAME) == 0)
      return Error{"zip: not a valid zip file"};
    std::string full = st.name;
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
    auto sz = static_cast<std::int64_t>(st.size);
    if (sz >= 0 && kMaxZipFile - total >= sz)
      total += sz;
    else if (size_error.empty())
      size_error = "total uncompressed size of module contents too large (max size is " +
                   std::to_string(kMaxZipFile) + " bytes)";
    if (name == "go.mod" && sz > kMaxGoMod) {
      add_error(full, "go.mod file too large (max size is " + std::to_string(kMaxGoMod) + " bytes)");
      continue;
    }
    if (name == "LICENSE" && sz > kMaxLICENSE) {
      add_error(full, "LICENSE file too large (max size is " + std::to_string(kMaxLICENSE) + " bytes)");
      continue;
    }
    files.push_back({static_cast<zip_uint64_t>(i), name, st.size});
  }
  if (!size_error.empty()) return Error{size_error};
  if (!invalid.empty()) return Error{invalid};
  return files;
}

Status MkdirAll(const std::string& dir) {
  std::size_t pos = 1;
  for (;;) {
    std::size_t slash = dir.find('/', pos);
    std::string part = dir.substr(0, slash);
    if (::mkdir(part.c_str(), 0777) != 0 && errno != EEXIST)
      return Error{"mkdir " + part + ": " + base::ErrnoText(errno)};
    if (slash == std::string::npos) return OkStatus();
    pos = slash + 1;
  }
}

Status Extract(zip_t* z, const Entry& e, const std::string& dest) {
  std::unique_ptr<zip_file_t, decltype(&zip_fclose)> f(zip_fopen_index(z, e.index, 0), zip_fclose);
  if (!f) return Error{"open " + e.name + " in zip: " + zip_strerror(z)};
  // O_EXCL|O_NOFOLLOW: never write through a symlink or over an existing file. Read-only
  // from the start, as the go command creates them (-modcacherw leaves only the
  // directories writable), so no chmod per file is needed afterwards.
  int fd = ::open(dest.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0444);
  if (fd < 0) return Error{"open " + dest + ": " + base::ErrnoText(errno)};
  char buf[65536];
  zip_uint64_t total = 0;
  for (;;) {
    zip_int64_t got = zip_fread(f.get(), buf, sizeof buf);
    if (got < 0) {
      ::close(fd);
      return Error{"read " + e.name + " in zip: " + zip_file_strerror(f.get())};
    }
    if (got == 0) break;
    total += static_cast<zip_uint64_t>(got);
    if (total > e.size) {
      ::close(fd);
      return Error{"uncompressed size of file " + e.name + " is larger than declared size (" +
                   std::to_string(e.size) + " bytes)"};
    }
    for (zip_int64_t off = 0; off < got;) {
      ssize_t w = ::write(fd, buf + off, static_cast<std::size_t>(got - off));
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) {
        int err = errno;
        ::close(fd);
        return Error{"write " + dest + ": " + base::ErrnoText(err)};
      }
      off += w;
    }
  }
  if (::close(fd) != 0) return Error{"close " + dest + ": " + base::ErrnoText(errno)};
  return OkStatus();
}

}  // namespace

Archive::~Archive() {
  if (z_ != nullptr) zip_discard(z_);
}

Result<std::shared_ptr<Archive>> Archive::Open(const std::string& zipfile) {
  struct stat st;
  if (::stat(zipfile.c_str(), &st) != 0)
    return Error{"stat " + zipfile + ": " + base::ErrnoText(errno)};
  if (st.st_size > kMaxZipFile)
    return Error{"module zip file is too large (" + std::to_string(st.st_size) +
                 " bytes; limit is " + std::to_string(kMaxZipFile) + " bytes)"};
  std::shared_ptr<Archive> a(new Archive);
  a->file_ = zipfile;
  int fd = ::open(zipfile.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error{"zip: not a valid zip file"};
  a->data_.reserve(static_cast<std::size_t>(st.st_size));
  bool ok = ReadAll(fd, &a->data_);
  ::close(fd);
  // An empty file is no zip (libzip would open an empty buffer as an empty archive).
  if (!ok || a->data_.empty()) return Error{"zip: not a valid zip file"};
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t* src = zip_source_buffer_create(a->data_.data(), a->data_.size(), 0, &zerr);
  if (src != nullptr) {
    a->z_ = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
    if (a->z_ == nullptr) zip_source_free(src);
  }
  zip_error_fini(&zerr);
  if (a->z_ == nullptr) return Error{"zip: not a valid zip file"};
  return a;
}

Status CheckZip(const module::Version& m, const std::string& zipfile) {
  Result<ZipPtr> z = Open(zipfile);
  if (!z.ok()) return z.error();
  Result<std::vector<Entry>> files = Check(m, z.value().get());
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
  zip_int64_t n = zip_get_num_entries(zip.get(), 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* name = zip_get_name(zip.get(), static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
    if (name == nullptr) return Error{"zip: not a valid zip file"};
    if (!std::string_view(name).starts_with(prefix))
      return Error{"zip for " + prefix.substr(0, prefix.size() - 1) + " has unexpected file " + name};
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

Status Unzip(const std::string& dir, const module::Version& m, const Archive& zip) {
  auto fail = [&](const Error& e) { return Error{"unzip " + zip.file() + ": " + e.message}; };
  if (::rmdir(dir.c_str()) != 0 && errno != ENOENT)  // only an empty dir goes
    return fail(Error{"target directory " + dir + " exists and is not empty"});
  Result<std::vector<Entry>> files = Check(m, zip.get());
  if (!files.ok()) return fail(files.error());
  if (Status s = MkdirAll(dir); !s.ok()) return fail(s.error());
  for (const Entry& e : files.value()) {
    std::string dest = dir + "/" + e.name;
    if (std::size_t slash = e.name.find_last_of('/'); slash != std::string::npos) {
      if (Status s = MkdirAll(dir + "/" + e.name.substr(0, slash)); !s.ok()) return fail(s.error());
    }
    if (Status s = Extract(zip.get(), e, dest); !s.ok()) return fail(s.error());
  }
  return OkStatus();
}

}  // namespace gotool::modcache::zip
