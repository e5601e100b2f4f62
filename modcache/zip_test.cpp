// Tests of module zip checks and extraction.
#include "modcache/zip.h"

#include "modcache/dirhash.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace gotool::modcache {
namespace {

namespace fs = std::filesystem;

class ZipTest : public testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "gotool-zip-test-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    tmp_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(tmp_, ec);
  }

  // Write creates a zip of (name, content) entries and returns its path.
  std::string Write(const std::vector<std::pair<std::string, std::string>>& files) {
    std::string path = tmp_ + "/m.zip";
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    EXPECT_NE(z, nullptr);
    for (const auto& [name, data] : files) {
      zip_source_t* src = zip_source_buffer(z, data.data(), data.size(), 0);
      EXPECT_GE(zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8), 0) << name;
    }
    EXPECT_EQ(zip_close(z), 0);
    return path;
  }

  std::string tmp_;
  const module::Version m_{"example.com/m", "v1.0.0"};
};

TEST_F(ZipTest, UnzipValid) {
  std::string z = Write({{"example.com/m@v1.0.0/go.mod", "module example.com/m\n"},
                         {"example.com/m@v1.0.0/a/b/c.go", "package b\n"}});
  ASSERT_TRUE(zip::CheckZip(m_, z).ok());
  Status s = zip::Unzip(tmp_ + "/out", m_, z);
  ASSERT_TRUE(s.ok()) << s.error().message;
  std::ifstream in(tmp_ + "/out/a/b/c.go");
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_EQ(ss.str(), "package b\n");
}

TEST_F(ZipTest, BadNames) {
  struct Case {
    std::string name;
    std::string want;
  } cases[] = {
      {"example.com/m@v1.0.0/../evil.go",
       "example.com/m@v1.0.0/../evil.go: malformed file path \"../evil.go\": invalid path "
       "element \"..\""},
      {"example.com/m@v1.0.0//x.go",
       "example.com/m@v1.0.0//x.go: malformed file path \"/x.go\": empty path element"},
      {"example.com/m@v1.0.0/a/./b.go", "example.com/m@v1.0.0/a/./b.go: file path is not clean"},
      {"example.com/m@v1.0.0/sub/go.mod",
       "example.com/m@v1.0.0/sub/go.mod: go.mod file not in module root directory"},
      {"example.com/m@v1.0.0/GO.MOD",
       "example.com/m@v1.0.0/GO.MOD: go.mod files must have lowercase names"},
      {"other@v1.0.0/x.go", "other@v1.0.0/x.go: path does not have prefix \"example.com/m@v1.0.0/\""},
  };
  for (const Case& c : cases) {
    std::string z = Write({{"example.com/m@v1.0.0/ok.go", "package m\n"}, {c.name, "x"}});
    Status s = zip::CheckZip(m_, z);
    ASSERT_FALSE(s.ok()) << c.name;
    EXPECT_EQ(s.error().message, c.want);
    Status u = zip::Unzip(tmp_ + "/out", m_, z);
    ASSERT_FALSE(u.ok());
    EXPECT_EQ(u.error().message, "unzip " + z + ": " + c.want);
    EXPECT_FALSE(fs::exists(tmp_ + "/out")) << c.name;
    EXPECT_FALSE(fs::exists(tmp_ + "/evil.go"));
  }
}

TEST_F(ZipTest, Collisions) {
  std::string z = Write({{"example.com/m@v1.0.0/a.go", "1"}, {"example.com/m@v1.0.0/A.go", "2"}});
  Status s = zip::CheckZip(m_, z);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message,
            "example.com/m@v1.0.0/A.go: case-insensitive file name collision: \"a.go\" and \"A.go\"");
  z = Write({{"example.com/m@v1.0.0/a", "1"}, {"example.com/m@v1.0.0/a/b.go", "2"}});
  s = zip::CheckZip(m_, z);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message,
            "example.com/m@v1.0.0/a/b.go: entry \"a\" is both a file and a directory");
}

TEST_F(ZipTest, NotAZip) {
  std::ofstream(tmp_ + "/m.zip") << "PK\x03\x04 certainly not a zip";
  Status s = zip::CheckZip(m_, tmp_ + "/m.zip");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "zip: not a valid zip file");
}

TEST_F(ZipTest, NonEmptyTarget) {
  std::string z = Write({{"example.com/m@v1.0.0/a.go", "package m\n"}});
  fs::create_directories(tmp_ + "/out");
  std::ofstream(tmp_ + "/out/x") << "x";
  Status s = zip::Unzip(tmp_ + "/out", m_, z);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message,
            "unzip " + z + ": target directory " + tmp_ + "/out exists and is not empty");
}

// An archive opened once serves the prefix check, the hash and the extraction, with
// the same results as the file-based calls; files come out read-only, as go's do.
TEST_F(ZipTest, ArchiveOpenedOnce) {
  std::string z = Write({{"example.com/m@v1.0.0/go.mod", "module example.com/m\n"},
                         {"example.com/m@v1.0.0/a/b/c.go", "package b\n"}});
  Result<std::shared_ptr<zip::Archive>> a = zip::Archive::Open(z);
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_TRUE(zip::CheckZipPrefix(m_, *a.value()).ok());
  std::string err1, err2;
  EXPECT_EQ(dirhash::HashZipEntries(*a.value(), &err1), dirhash::HashZip(z, &err2));
  EXPECT_EQ(err1, "");
  Status s = zip::Unzip(tmp_ + "/out", m_, *a.value());
  ASSERT_TRUE(s.ok()) << s.error().message;
  struct stat st;
  ASSERT_EQ(::stat((tmp_ + "/out/a/b/c.go").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0444u);
  Status bad = zip::CheckZipPrefix({"example.com/other", "v1.0.0"}, *a.value());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message,
            "zip for example.com/other@v1.0.0 has unexpected file example.com/m@v1.0.0/go.mod");
}

// An empty file is not a zip, as for the go command (libzip would open an empty buffer).
TEST_F(ZipTest, EmptyFileIsNoZip) {
  std::string z = tmp_ + "/empty.zip";
  std::ofstream(z).close();
  Result<std::shared_ptr<zip::Archive>> a = zip::Archive::Open(z);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().message, "zip: not a valid zip file");
  EXPECT_EQ(zip::CheckZipPrefix(m_, z).error().message, "zip: not a valid zip file");
}

}  // namespace
}  // namespace gotool::modcache
