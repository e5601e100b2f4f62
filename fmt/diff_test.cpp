// Tests for Diff; expectations are what gofmt -d (Go 1.19) prints for the same
// file names and contents.
#include "fmt/diff.h"

#include <gtest/gtest.h>

namespace gotool::gofmt {
namespace {

struct DiffCase {
  const char* name;
  const char* old_text;
  const char* new_text;
  const char* want;
};

const DiffCase kCases[] = {
    {"a.go",
     "package p\n"
     "var x=1\n"
     "",
     "package p\n"
     "\n"
     "var x = 1\n"
     "",
     "diff a.go.orig a.go\n"
     "--- a.go.orig\n"
     "+++ a.go\n"
     "@@ -1,2 +1,3 @@\n"
     " package p\n"
     "-var x=1\n"
     "+\n"
     "+var x = 1\n"
     ""},
    {"b.go",
     "package p\n"
     "\n"
     "var v0 = 0\n"
     "var v1 = 1\n"
     "var v2=2\n"
     "var v3 = 3\n"
     "var v4 = 4\n"
     "var v5 = 5\n"
     "var v6 = 6\n"
     "var v7 = 7\n"
     "var v8 = 8\n"
     "var v9 = 9\n"
     "var v10 = 10\n"
     "var v11 = 11\n"
     "var v12 = 12\n"
     "var v13 = 13\n"
     "var v14 = 14\n"
     "var v15 = 15\n"
     "var v16   = 16\n"
     "var v17 = 17\n"
     "var v18 = 18\n"
     "var v19 = 19\n"
     "",
     "package p\n"
     "\n"
     "var v0 = 0\n"
     "var v1 = 1\n"
     "var v2 = 2\n"
     "var v3 = 3\n"
     "var v4 = 4\n"
     "var v5 = 5\n"
     "var v6 = 6\n"
     "var v7 = 7\n"
     "var v8 = 8\n"
     "var v9 = 9\n"
     "var v10 = 10\n"
     "var v11 = 11\n"
     "var v12 = 12\n"
     "var v13 = 13\n"
     "var v14 = 14\n"
     "var v15 = 15\n"
     "var v16 = 16\n"
     "var v17 = 17\n"
     "var v18 = 18\n"
     "var v19 = 19\n"
     "",
     "diff b.go.orig b.go\n"
     "--- b.go.orig\n"
     "+++ b.go\n"
     "@@ -2,7 +2,7 @@\n"
     " \n"
     " var v0 = 0\n"
     " var v1 = 1\n"
     "-var v2=2\n"
     "+var v2 = 2\n"
     " var v3 = 3\n"
     " var v4 = 4\n"
     " var v5 = 5\n"
     "@@ -16,7 +16,7 @@\n"
     " var v13 = 13\n"
     " var v14 = 14\n"
     " var v15 = 15\n"
     "-var v16   = 16\n"
     "+var v16 = 16\n"
     " var v17 = 17\n"
     " var v18 = 18\n"
     " var v19 = 19\n"
     ""},
    {"c.go",
     "package p\n"
     "func f(){}",
     "package p\n"
     "\n"
     "func f() {}\n"
     "",
     "diff c.go.orig c.go\n"
     "--- c.go.orig\n"
     "+++ c.go\n"
     "@@ -1,2 +1,3 @@\n"
     " package p\n"
     "-func f(){}\n"
     "\\ No newline at end of file\n"
     "+\n"
     "+func f() {}\n"
     ""},
};

TEST(DiffTest, MatchesGofmtD) {
  for (const DiffCase& c : kCases) {
    std::string name = c.name;
    EXPECT_EQ(Diff(name + ".orig", c.old_text, name, c.new_text), c.want) << c.name;
  }
}

TEST(DiffTest, EqualTextsGiveNothing) { EXPECT_EQ(Diff("a", "x\n", "b", "x\n"), ""); }

}  // namespace
}  // namespace gotool::gofmt
