// Tests of module zip checks and extraction.
#include "modcache/zip.h"

#include "modcache/dirhash.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <functional>
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

  // WriteOurs writes files with zip::Writer, after patch has had its way with the
  // archive, and returns the zip's path.
  std::string WriteOurs(const std::vector<std::pair<std::string, std::string>>& files,
                        const std::function<void(std::string*)>& patch = nullptr) {
    zip::Writer w;
    for (const auto& [name, data] : files) w.Add(name, data);
    std::string archive = w.Finish();
    if (patch) patch(&archive);
    std::string path = tmp_ + "/ours.zip";
    std::ofstream(path, std::ios::binary) << archive;
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
      {"other@v1.0.0/x.go",
       "other@v1.0.0/x.go: path does not have prefix \"example.com/m@v1.0.0/\""},
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
  EXPECT_EQ(
      s.error().message,
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

// Sets the 32-bit field at offset off of the n-th central directory header.
void SetCentral32(std::string* b, int n, std::size_t off, std::uint32_t v) {
  std::size_t at = std::string::npos;
  for (int i = 0; i <= n; ++i) at = b->find(std::string("PK\x01\x02", 4), at + 1);
  ASSERT_NE(at, std::string::npos);
  for (int i = 0; i < 4; ++i) (*b)[at + off + i] = static_cast<char>(v >> (8 * i));
}

TEST_F(ZipTest, DuplicateNames) {
  std::string z =
      WriteOurs({{"example.com/m@v1.0.0/a.go", "1"}, {"example.com/m@v1.0.0/a.go", "2"}});
  Status s = zip::CheckZip(m_, z);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "example.com/m@v1.0.0/a.go: multiple entries for file \"a.go\"");
  EXPECT_FALSE(zip::Unzip(tmp_ + "/out", m_, z).ok());
  EXPECT_FALSE(fs::exists(tmp_ + "/out"));
  // The hash lists the name twice, with the last entry's content each time, as the go
  // command's dirhash.HashZip does (its map from names to entries keeps the last).
  std::string err, err2;
  std::string h = dirhash::HashZip(z, &err);
  EXPECT_EQ(err, "");
  auto last = [](const std::string&, std::string* data) {
    *data = "2";
    return std::string();
  };
  EXPECT_EQ(
      h, dirhash::Hash1({"example.com/m@v1.0.0/a.go", "example.com/m@v1.0.0/a.go"}, last, &err2));
}

TEST_F(ZipTest, TooLarge) {
  // go.mod beyond kMaxGoMod (it deflates to a few KB).
  std::string z =
      WriteOurs({{"example.com/m@v1.0.0/go.mod", std::string(zip::kMaxGoMod + 1, ' ')}});
  Status s = zip::CheckZip(m_, z);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message,
            "example.com/m@v1.0.0/go.mod: go.mod file too large (max size is 16777216 bytes)");
  // Declared sizes adding up to more than kMaxZipFile: refused before any inflating.
  z = WriteOurs({{"example.com/m@v1.0.0/a.go", "a"}, {"example.com/m@v1.0.0/b.go", "b"}},
                [](std::string* b) {
                  SetCentral32(b, 0, 24, 0x10000000);  // uncompressed size, 256 MiB
                  SetCentral32(b, 1, 24, 0x10000000);
                });
  s = zip::Unzip(tmp_ + "/out", m_, z);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "unzip " + z +
                                   ": total uncompressed size of module contents too large (max "
                                   "size is 524288000 bytes)");
  EXPECT_FALSE(fs::exists(tmp_ + "/out"));
  // Nor is one declared larger than that read into memory to be hashed.
  std::string huge = WriteOurs({{"example.com/m@v1.0.0/a.go", "a"}}, [](std::string* b) {
    SetCentral32(b, 0, 24, 0xfffffff0);  // uncompressed size, 4 GiB
  });
  std::string herr;
  EXPECT_EQ(dirhash::HashZip(huge, &herr), "");
  EXPECT_EQ(herr,
            "total uncompressed size of module contents too large (max size is 524288000 bytes)");
}

// Corrupt content stops the extraction with archive/zip's error, leaving no file
// with the bad bytes behind.
TEST_F(ZipTest, CorruptData) {
  std::string z = WriteOurs(
      {{"example.com/m@v1.0.0/a.go", "package m\n"}, {"example.com/m@v1.0.0/b.go", "package m\n"}},
      [](std::string* b) { SetCentral32(b, 1, 16, 0xdeadbeef); });  // b.go's CRC-32
  ASSERT_TRUE(zip::CheckZip(m_, z).ok());                           // names and sizes are fine
  Status s = zip::Unzip(tmp_ + "/out", m_, z);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "unzip " + z + ": zip: checksum error");
  EXPECT_FALSE(fs::exists(tmp_ + "/out/b.go"));
  std::string err;
  EXPECT_EQ(dirhash::HashZip(z, &err), "");
  EXPECT_EQ(err, "zip: checksum error");
}

}  // namespace
}  // namespace gotool::modcache
