// Tests of txtar parsing and formatting.
#include "pkg/base/txtar.h"

#include <gtest/gtest.h>

namespace gotool::base {
namespace {

TEST(Txtar, Parse) {
  Txtar a = ParseTxtar(
      "comment1\ncomment2\n-- file1 --\nFile 1 text.\n-- foo ---\nMore file 1 text.\n"
      "-- file 2 --\nFile 2 text.\n-- empty --\n-- noNL --\nhello world\n-- empty filename line "
      "--\n"
      "some content\n-- --\n");
  EXPECT_EQ(a.comment, "comment1\ncomment2\n");
  ASSERT_EQ(a.files.size(), 5u);
  EXPECT_EQ(a.files[0].name, "file1");
  EXPECT_EQ(a.files[0].data, "File 1 text.\n-- foo ---\nMore file 1 text.\n");
  EXPECT_EQ(a.files[1].name, "file 2");
  EXPECT_EQ(a.files[1].data, "File 2 text.\n");
  EXPECT_EQ(a.files[2].name, "empty");
  EXPECT_EQ(a.files[2].data, "");
  EXPECT_EQ(a.files[3].name, "noNL");
  EXPECT_EQ(a.files[3].data, "hello world\n");
  EXPECT_EQ(a.files[4].name, "empty filename line");
  EXPECT_EQ(a.files[4].data, "some content\n-- --\n");
}

TEST(Txtar, LastFileGetsNewline) {
  Txtar a = ParseTxtar("-- a --\nx");
  ASSERT_EQ(a.files.size(), 1u);
  EXPECT_EQ(a.comment, "");
  EXPECT_EQ(a.files[0].data, "x\n");
  EXPECT_EQ(ParseTxtar("just a comment").comment, "just a comment\n");
}

TEST(Txtar, CRLFIsNotAMarker) {
  // As in Go's txtar, a marker line must end in " --" exactly.
  Txtar a = ParseTxtar("-- a --\r\nx\r\n");
  EXPECT_EQ(a.files.size(), 0u);
}

TEST(Txtar, FormatRoundTrip) {
  Txtar a{"comment", {{"a.go", "package a"}, {"b/c.txt", "line\n"}}};
  std::string text = FormatTxtar(a);
  EXPECT_EQ(text, "comment\n-- a.go --\npackage a\n-- b/c.txt --\nline\n");
  Txtar b = ParseTxtar(text);
  ASSERT_EQ(b.files.size(), 2u);
  EXPECT_EQ(b.files[0].data, "package a\n");
  EXPECT_EQ(FormatTxtar(b), text);
}

}  // namespace
}  // namespace gotool::base
