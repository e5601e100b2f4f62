// Tests for run.go-style and go/types-style error annotation matching.
#include "pkg/errorcheck/errorcheck.h"

#include <gtest/gtest.h>

namespace gotool::errorcheck {
namespace {

const char kRunSrc[] =
    "// errorcheck\n"
    "package p\n"
    "var x int = \"s\" // ERROR \"cannot use|incompatible\"\n"
    "func f() {} // ERROR \"first\" \"second\"\n"
    "var y = z // ERROR \"undefined: z|LINE\"\n"
    "//// ERROR \"disabled\"\n"
    "var w = 1 // GC_ERROR \"gc only\"\n";

TEST(RunStyleTest, AllMatched) {
  std::string out =
      "/tmp/d/x.go:3:13: cannot use \"s\" (untyped string constant) as int value\n"
      "/tmp/d/x.go:4:6: first thing\n"
      "/tmp/d/x.go:4:6: the second\n"
      "/tmp/d/x.go:5:9: undefined: z\n"
      "\tcontinuation line\n"
      "/tmp/d/x.go:7:5: gc only here\n";
  Result r = CheckRunStyle({{"/tmp/d/x.go", kRunSrc}}, out);
  EXPECT_TRUE(r.ok) << testing::PrintToString(r.problems);
}

TEST(RunStyleTest, MissingAndUnexpected) {
  std::string out =
      "/tmp/d/x.go:3:13: cannot use \"s\"\n"
      "/tmp/d/x.go:4:6: first thing\n"
      "/tmp/d/x.go:2:1: unexpected\n"
      "/tmp/d/x.go:7:5: wrong text\n";
  Result r = CheckRunStyle({{"/tmp/d/x.go", kRunSrc}}, out);
  EXPECT_FALSE(r.ok);
  std::vector<std::string> want = {
      "x.go:4: missing error \"second\"",
      "x.go:5: missing error \"undefined: z|x.go:5\"",
      "x.go:7: no match for `gc only` in:\n\tx.go:7:5: wrong text",
      "Unmatched Errors:",
      "x.go:2:1: unexpected",
      "x.go:7:5: wrong text",
  };
  EXPECT_EQ(r.problems, want);
}

TEST(RunStyleTest, LineOffsetsAndEmptyOutput) {
  const char src[] = "package p\n\nvar a = b // ERROR \"LINE-2|LINE+1\"\n";
  Result r = CheckRunStyle({{"a.go", src}}, "a.go:3:9: see a.go:1\n");
  EXPECT_TRUE(r.ok) << testing::PrintToString(r.problems);
  r = CheckRunStyle({{"a.go", "package p\n"}}, "");
  EXPECT_EQ(r.problems, std::vector<std::string>{"compilation succeeded unexpectedly"});
}

const char kTypesSrc[] =
    "package p\n"
    "var x int = \"s\" /* ERROR \"cannot use\" */\n"
    "var _ = y /* ERROR undeclared name */\n"
    "func f() { return 1 /* ERROR HERE \"too many\" */ }\n"
    "// ERROR line comment checks the token before it\n";

TEST(TypesStyleTest, Positions) {
  std::string out =
      "t.go:2:13: cannot use \"s\" as int\n"
      "t.go:3:9: undeclared name: y\n"
      "t.go:4:20: too many return values\n"
      "t.go:4:20: \tcontinuation ignored\n"
      "t.go:4:49: so line comment checks the token before it\n";
  Result r = CheckTypesStyle({{"dir/t.go", kTypesSrc}}, out);
  EXPECT_TRUE(r.ok) << testing::PrintToString(r.problems);
}

TEST(TypesStyleTest, WrongColumn) {
  std::string out =
      "t.go:2:5: cannot use \"s\" as int\n"
      "t.go:3:9: undeclared name: y\n"
      "t.go:4:20: too many return values\n"
      "t.go:4:49: so line comment checks the token before it\n";
  Result r = CheckTypesStyle({{"t.go", kTypesSrc}}, out);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.problems,
            (std::vector<std::string>{"t.go:2:5: no error expected: \"cannot use \"s\" as int\"",
                                      "t.go:2:13: expected error not reported: \"cannot use\""}));
}

}  // namespace
}  // namespace gotool::errorcheck
