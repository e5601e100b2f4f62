// Atomic file replacement: temporary file beside the target, fsync, rename.
#include "pkg/base/atomic_file.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gotool::base {
namespace {

// Resolve follows symbolic links so that the link's target is replaced.
std::string Resolve(const std::string& path) {
  char* real = ::realpath(path.c_str(), nullptr);
  if (real == nullptr) return path;  // a new file, or a dangling link: write path itself
  std::string out = real;
  std::free(real);
  return out;
}

// TempPattern is the mkstemp template for a temporary file beside path; the leading
// dot keeps it out of gofmt's and the go command's directory walks.
std::string TempPattern(const std::string& path) {
  size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  return dir + "." + name + ".tmpXXXXXX";
}

bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(size_t(n));
  }
  return true;
}

// WriteInPlace writes data to the existing non-regular file path (a device, a pipe).
std::string WriteInPlace(const std::string& path, std::string_view data);

}  // namespace

std::string ErrnoText(int err) {
  std::string s = std::strerror(err);
  // "No such file" -> "no such file", but "EOF"-style acronyms stay upper case.
  if (s.size() > 1 && s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z')) {
    s[0] = char(s[0] - 'A' + 'a');
  }
  return s;
}

namespace {

const mode_t kProcessUmask = [] {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}();

}  // namespace

mode_t ProcessUmask() { return kProcessUmask; }

namespace {

std::string WriteInPlace(const std::string& path, std::string_view data) {
  int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (fd < 0) return "open " + path + ": " + ErrnoText(errno);
  int err = WriteAll(fd, data) ? 0 : errno;
  if (::close(fd) != 0 && err == 0) err = errno;
  return err == 0 ? "" : "write " + path + ": " + ErrnoText(err);
}

}  // namespace

std::string WriteFileAtomic(const std::string& path_arg, std::string_view data,
                            const AtomicWriteOptions& options) {
  std::string path = Resolve(path_arg);
  // A rename would replace a device or a pipe (GOENV=/dev/null, say) with a regular
  // file; those are written in place, as the go command writes them.
  if (struct stat target;
      ::stat(path.c_str(), &target) == 0 && !S_ISREG(target.st_mode) && !S_ISDIR(target.st_mode)) {
    return WriteInPlace(path, data);
  }
  std::string tmp = TempPattern(path);
  int fd = ::mkostemp(tmp.data(), O_CLOEXEC);
  if (fd < 0) return "open " + tmp + ": " + ErrnoText(errno);

  // The new file takes over the old one's permission bits and owner.
  struct stat st;
  int err = 0;
  if (::stat(path.c_str(), &st) == 0) {
    if (::fchmod(fd, st.st_mode & 07777) != 0) err = errno;
    if (err == 0 && (st.st_uid != ::geteuid() || st.st_gid != ::getegid())) {
      (void)!::fchown(fd, st.st_uid, st.st_gid);  // best effort: only root may give away
    }
  } else {
    if (::fchmod(fd, options.perm & ~ProcessUmask() & 07777) != 0) err = errno;
  }
  std::string op = "chmod ";
  if (err == 0) {
    op = "write ";
    if (!WriteAll(fd, data) || (options.sync && ::fsync(fd) != 0)) err = errno;
  }
  if (::close(fd) != 0 && err == 0) {
    op = "close ";
    err = errno;
  }
  if (err == 0) {
    if (::rename(tmp.c_str(), path.c_str()) == 0) return "";
    err = errno;
    ::unlink(tmp.c_str());
    return "rename " + tmp + " " + path + ": " + ErrnoText(err);
  }
  ::unlink(tmp.c_str());
  return op + tmp + ": " + ErrnoText(err);
}

}  // namespace gotool::base
