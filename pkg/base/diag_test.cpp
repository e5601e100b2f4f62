// Tests for ErrorList.
#include "pkg/base/diag.h"

#include <gtest/gtest.h>

namespace gotool::base {
namespace {

TEST(ErrorListTest, SortAndPrint) {
  ErrorList list;
  EXPECT_EQ(list.Error(), "no errors");
  list.Add(Position{"b.go", 0, 1, 1}, "z");
  list.Add(Position{"a.go", 0, 2, 1}, "y");
  list.Add(Position{"a.go", 0, 1, 5}, "x");
  list.Add(Position{"a.go", 0, 1, 5}, "w");
  list.Add(Position{"a.go", 0, 1, 2}, "v");
  list.Sort();
  EXPECT_EQ(list.String(),
            "a.go:1:2: v\na.go:1:5: w\na.go:1:5: x\na.go:2:1: y\nb.go:1:1: z\n");
  EXPECT_EQ(list.Error(), "a.go:1:2: v (and 4 more errors)");
  list.RemoveMultiples();
  EXPECT_EQ(list.String(), "a.go:1:2: v\na.go:2:1: y\nb.go:1:1: z\n");
}

TEST(ErrorListTest, NoPosition) {
  ErrorList list;
  list.Add(Position{}, "bare");
  EXPECT_EQ(list.Error(), "bare");
  list.Add(Position{"f.go", 0, 0, 0}, "file only");
  list.Sort();
  EXPECT_EQ(list.String(), "bare\nf.go: file only\n");
  // As go/scanner: the zero position equals the initial "last" and is dropped.
  list.RemoveMultiples();
  EXPECT_EQ(list.String(), "f.go: file only\n");
}

TEST(ErrorListTest, AddDiagnostic) {
  std::string src = "a\nb";
  FileSet fset;
  File* f = fset.AddFile("m.go", int(src.size()));
  f->SetContent(src);
  ErrorList list;
  list.Add(fset, Diagnostic{f->PosAt(2), "bad"});
  EXPECT_EQ(list.Error(), "m.go:2:1: bad");
}

}  // namespace
}  // namespace gotool::base
