// Tests for WriteFileAtomic.
#include "pkg/base/atomic_file.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gotool::base {
namespace {

namespace fs = std::filesystem;

// TempDir is a fresh directory removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "atomic_file_test.XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);
  }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

mode_t Perm(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 ? st.st_mode & 07777 : 0;
}

size_t Entries(const std::string& dir) {
  size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) n++;
  return n;
}

TEST(WriteFileAtomic, CreatesAndReplaces) {
  TempDir dir;
  std::string f = dir / "a.go";
  ASSERT_EQ(WriteFileAtomic(f, "one\n", {.perm = 0600}), "");
  EXPECT_EQ(Read(f), "one\n");
  EXPECT_EQ(Perm(f), 0600u);
  ASSERT_EQ(WriteFileAtomic(f, "two\n"), "");
  EXPECT_EQ(Read(f), "two\n");
  EXPECT_EQ(Entries(dir.path()), 1u);  // no temporary file left behind
}

TEST(WriteFileAtomic, KeepsPermissions) {
  TempDir dir;
  std::string f = dir / "x.go";
  ASSERT_EQ(WriteFileAtomic(f, "old"), "");
  ASSERT_EQ(::chmod(f.c_str(), 0751), 0);
  ASSERT_EQ(WriteFileAtomic(f, "new", {.perm = 0600, .sync = false}), "");
  EXPECT_EQ(Read(f), "new");
  EXPECT_EQ(Perm(f), 0751u);
}

TEST(WriteFileAtomic, ReplacesSymlinkTarget) {
  TempDir dir;
  std::string target = dir / "target.go";
  std::string link = dir / "link.go";
  ASSERT_EQ(WriteFileAtomic(target, "old"), "");
  fs::create_symlink("target.go", link);
  ASSERT_EQ(WriteFileAtomic(link, "new"), "");
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(Read(target), "new");
}

// A pipe (like a device such as /dev/null) is written, not replaced by a regular file.
TEST(WriteFileAtomic, WritesPipesInPlace) {
  TempDir dir;
  std::string fifo = dir / "fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);  // so that opening to write succeeds
  ASSERT_GE(reader, 0);
  EXPECT_EQ(WriteFileAtomic(fifo, "through the pipe"), "");
  char buf[64] = {};
  ssize_t n = ::read(reader, buf, sizeof buf);
  ::close(reader);
  EXPECT_EQ(std::string(buf, n > 0 ? size_t(n) : 0), "through the pipe");
  EXPECT_TRUE(fs::is_fifo(fifo));
  EXPECT_EQ(Entries(dir.path()), 1u);  // no temporary file either
}

TEST(WriteFileAtomic, MissingDirectory) {
  TempDir dir;
  std::string err = WriteFileAtomic(dir / "missing/f.go", "x");
  EXPECT_NE(err.find("no such file or directory"), std::string::npos) << err;
  EXPECT_EQ(err.rfind("open ", 0), 0u) << err;
}

TEST(WriteFileAtomic, UnwritableDirectoryKeepsOriginal) {
  if (::geteuid() == 0) GTEST_SKIP() << "root ignores directory permissions";
  TempDir dir;
  std::string f = dir / "f.go";
  ASSERT_EQ(WriteFileAtomic(f, "original"), "");
  ASSERT_EQ(::chmod(dir.path().c_str(), 0555), 0);
  std::string err = WriteFileAtomic(f, "replacement");
  EXPECT_NE(err.find("permission denied"), std::string::npos) << err;
  EXPECT_EQ(Read(f), "original");
}

TEST(ErrnoText, GoWording) {
  EXPECT_EQ(ErrnoText(ENOENT), "no such file or directory");
  EXPECT_EQ(ErrnoText(EACCES), "permission denied");
  EXPECT_EQ(ErrnoText(EISDIR), "is a directory");
}

}  // namespace
}  // namespace gotool::base
