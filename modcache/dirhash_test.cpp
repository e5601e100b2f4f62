// Tests for h1: hashes; expected values computed with x/mod/sumdb/dirhash (Go 1.19)
// on the same names and contents.
#include "modcache/dirhash.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <filesystem>
#include <fstream>

namespace gotool::modcache::dirhash {
namespace {

namespace fs = std::filesystem;

void Write(const fs::path& p, const std::string& data) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << data;
}

class DirhashTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("gotool-dirhash-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(DirhashTest, HashDir) {
  fs::path tree = dir_ / "tree";
  Write(tree / "go.mod", "module example.com/m\n\ngo 1.19\n");
  Write(tree / "m.go", "package m\n");
  Write(tree / "sub/a.txt", "hello\n");
  Write(tree / "sub/empty", "");
  fs::create_symlink("../m.go", tree / "sub/link.go");
  std::string err;
  EXPECT_EQ(HashDir(tree.string(), "example.com/m@v1.0.0", &err),
            "h1:H2QmbieyoocZUP3v+rHjm4X7wtVFumJrC5DG2rZaqDY=");
  EXPECT_EQ(err, "");
}

TEST_F(DirhashTest, HashZipUsesStoredNames) {
  std::string path = (dir_ / "m.zip").string();
  int zerr = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &zerr);
  ASSERT_NE(z, nullptr);
  std::vector<std::string> contents;
  for (const char* name : {"example.com/m@v1.0.0/z.txt", "example.com/m@v1.0.0/go.mod",
                           "example.com/m@v1.0.0/a/b.go"}) {
    contents.push_back(std::string("content of ") + name + "\n");
    zip_source_t* src = zip_source_buffer(z, contents.back().data(), contents.back().size(), 0);
    ASSERT_GE(zip_file_add(z, name, src, ZIP_FL_ENC_UTF_8), 0);
  }
  ASSERT_EQ(zip_close(z), 0);
  std::string err;
  EXPECT_EQ(HashZip(path, &err), "h1:LTEtk+h6W5PwSyO9TZwDYIryWgiX2t+TBsXbSuWC264=");
  EXPECT_EQ(err, "");
  EXPECT_EQ(HashZip((dir_ / "missing.zip").string(), &err), "");
  EXPECT_NE(err, "");
}

TEST(Dirhash, HashGoModAndNewlines) {
  EXPECT_EQ(HashGoMod("module example.com/m\n\ngo 1.19\n"),
            "h1:c7eb1HtAGcXC5xl8fDvw0SlSffdsUomPvNZGVXleRQ4=");
  std::string err;
  auto open = [](const std::string&, std::string* data) {
    data->clear();
    return std::string();
  };
  EXPECT_EQ(Hash1({"a\nb"}, open, &err), "");
  EXPECT_EQ(err, "dirhash: filenames with newlines are not supported");
}

}  // namespace
}  // namespace gotool::modcache::dirhash
