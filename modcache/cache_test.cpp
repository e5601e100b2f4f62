// Tests of the module cache's file helpers: temporary files and cache file reads.
#include "modcache/cache.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

namespace gotool::modcache::cache {
namespace {

namespace fs = std::filesystem;

class CacheFileTest : public testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "gotool-cache-test-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    tmp_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(tmp_, ec);
  }
  std::string tmp_;
};

// Temporary files get distinct random names in place of the X's, keep the suffix,
// and have the mode the go command gives its cache files (0666 before the umask).
TEST_F(CacheFileTest, CreateTemp) {
  mode_t mask = ::umask(022);
  std::set<std::string> names;
  for (int i = 0; i < 50; ++i) {
    std::string name = tmp_ + "/v1.0.0.zipXXXXXX.tmp";
    int fd = CreateTemp(&name, 4);
    ASSERT_GE(fd, 0) << name;
    ::close(fd);
    EXPECT_TRUE(name.ends_with(".tmp"));
    EXPECT_EQ(name.find("XXXXXX"), std::string::npos);
    names.insert(name);
    struct stat st;
    ASSERT_EQ(::stat(name.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0644u);
  }
  ::umask(mask);
  EXPECT_EQ(names.size(), 50u);
  std::string too_short = "XX";
  EXPECT_EQ(CreateTemp(&too_short, 0), -1);
}

// Cache files are read whole whatever their size against the read buffer: empty,
// exactly one buffer, and several buffers.
TEST_F(CacheFileTest, ReadCacheFile) {
  for (std::size_t size : {std::size_t{0}, std::size_t{8192}, std::size_t{100000}}) {
    std::string data;
    for (std::size_t i = 0; i < size; ++i) data.push_back(static_cast<char>('a' + i % 26));
    std::string file = tmp_ + "/f" + std::to_string(size);
    std::ofstream(file, std::ios::binary) << data;
    Result<std::string> got = ReadCacheFile(file);
    ASSERT_TRUE(got.ok()) << got.error().message;
    EXPECT_EQ(got.value(), data) << size;
  }
  Result<std::string> missing = ReadCacheFile(tmp_ + "/missing");
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(missing.error().not_found);
}

}  // namespace
}  // namespace gotool::modcache::cache
