// Tests for FileSet, File and Position.
#include "pkg/base/pos.h"

#include <gtest/gtest.h>

namespace gotool::base {
namespace {

TEST(PositionTest, StringForms) {
  EXPECT_EQ((Position{"a.go", 0, 3, 4}).String(), "a.go:3:4");
  EXPECT_EQ((Position{"a.go", 0, 3, 0}).String(), "a.go:3");
  EXPECT_EQ((Position{"", 0, 3, 4}).String(), "3:4");
  EXPECT_EQ((Position{"", 0, 3, 0}).String(), "3");
  EXPECT_EQ((Position{"a.go", 0, 0, 0}).String(), "a.go");
  EXPECT_EQ((Position{}).String(), "-");
}

TEST(FileSetTest, BasesAndLookup) {
  FileSet fset;
  EXPECT_EQ(fset.Base(), 1);
  File* a = fset.AddFile("a.go", 10);
  File* b = fset.AddFile("b.go", 0);
  File* c = fset.AddFile("c.go", 5);
  EXPECT_EQ(a->base(), 1);
  EXPECT_EQ(b->base(), 12);
  EXPECT_EQ(c->base(), 13);
  EXPECT_EQ(fset.Base(), 19);
  EXPECT_EQ(fset.FileFor(NoPos), nullptr);
  EXPECT_EQ(fset.FileFor(a->PosAt(0)), a);
  EXPECT_EQ(fset.FileFor(a->PosAt(10)), a);  // EOF position belongs to the file
  EXPECT_EQ(fset.FileFor(b->PosAt(0)), b);
  EXPECT_EQ(fset.FileFor(c->PosAt(5)), c);
  EXPECT_EQ(fset.FileFor(Pos(100)), nullptr);
  EXPECT_FALSE(fset.PositionFor(NoPos).IsValid());
  EXPECT_EQ(fset.PositionFor(NoPos).String(), "-");
}

TEST(FileTest, LazyLines) {
  std::string src = "ab\ncd\n\nef\n";
  FileSet fset;
  File* f = fset.AddFile("x.go", int(src.size()));
  f->SetContent(src);
  // A final newline does not start a line, as go/scanner never adds it.
  EXPECT_EQ(f->LineCount(), 4);
  Position p = fset.PositionFor(f->PosAt(4));
  EXPECT_EQ(p.String(), "x.go:2:2");
  EXPECT_EQ(p.offset, 4);
  EXPECT_EQ(fset.PositionFor(f->PosAt(6)).String(), "x.go:3:1");
  EXPECT_EQ(fset.PositionFor(f->PosAt(int(src.size()))).String(), "x.go:4:4");
  EXPECT_EQ(f->Line(f->PosAt(7)), 4);
  EXPECT_EQ(f->LineStart(2), f->PosAt(3));
  EXPECT_EQ(f->Offset(f->PosAt(9)), 9);
}

TEST(FileTest, LineDirectives) {
  std::string src = "l1\nl2\nl3\nl4\nl5\n";
  FileSet fset;
  File* f = fset.AddFile("dir/x.go", int(src.size()));
  f->SetContent(src);
  // As if "//line foo.go:10" ended line 1 and "/*line bar.go:20:5*/" sat in line 3.
  f->AddLineColumnInfo(3, "foo.go", 10, 0);
  f->AddLineColumnInfo(7, "bar.go", 20, 5);
  f->AddLineColumnInfo(7, "ignored.go", 1, 1);   // not increasing: dropped
  f->AddLineColumnInfo(15, "ignored.go", 1, 1);  // at size: dropped
  EXPECT_EQ(fset.PositionFor(f->PosAt(1)).String(), "dir/x.go:1:2");
  EXPECT_EQ(fset.PositionFor(f->PosAt(4)).String(), "foo.go:10");
  EXPECT_EQ(fset.PositionFor(f->PosAt(6)).String(), "foo.go:11");
  EXPECT_EQ(fset.PositionFor(f->PosAt(8)).String(), "bar.go:20:6");
  EXPECT_EQ(fset.PositionFor(f->PosAt(10)).String(), "bar.go:21:2");
  EXPECT_EQ(fset.PositionFor(f->PosAt(10), false).String(), "dir/x.go:4:2");
  // Line is adjusted, as go/token's File.Line.
  EXPECT_EQ(f->Line(f->PosAt(1)), 1);
  EXPECT_EQ(f->Line(f->PosAt(6)), 11);
  EXPECT_EQ(f->Line(f->PosAt(10)), 21);
  EXPECT_EQ(f->Line(NoPos), 0);
}

TEST(FileTest, FirstDirectiveAlwaysKept) {
  std::string src = "x";
  FileSet fset;
  File* f = fset.AddFile("x.go", 1);
  f->SetContent(src);
  f->AddLineColumnInfo(1, "y.go", 7, 3);
  EXPECT_EQ(fset.PositionFor(f->PosAt(1)).String(), "y.go:7:3");
  EXPECT_EQ(fset.PositionFor(f->PosAt(0)).String(), "x.go:1:1");
}

}  // namespace
}  // namespace gotool::base
