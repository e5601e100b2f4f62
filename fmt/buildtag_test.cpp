// Tests for build constraint lines; expectations are go/build/constraint's (Go 1.19)
// IsGoBuild, IsPlusBuild, Parse + String and PlusBuildLines on the same lines.
#include "fmt/buildtag.h"

#include <gtest/gtest.h>

#include <string>

namespace gotool::gofmt {
namespace {

struct BuildCase {
  const char* line;
  bool is_go_build;
  bool is_plus_build;
  const char* string;      // "<err>" if Parse fails
  const char* plus_build;  // lines joined by '|', "<complex>" if too complex
};

const BuildCase kCases[] = {
    {"//go:build linux && amd64", true, false, "linux && amd64", "// +build linux,amd64"},
    {"//go:build (linux || darwin) && !cgo", true, false, "(linux || darwin) && !cgo",
     "// +build linux darwin|// +build !cgo"},
    {"//go:build !(a && b)", true, false, "!(a && b)", "// +build !a !b"},
    {"//go:build a || b && c", true, false, "a || (b && c)", "// +build a b,c"},
    {"//go:build ((a))", true, false, "a", "// +build a"},
    {"//go:build !!a", true, false, "<err>", "<err>"},
    {"//go:build a &&", true, false, "<err>", "<err>"},
    {"//go:build a & b", true, false, "<err>", "<err>"},
    {"//go:build", true, false, "<err>", "<err>"},
    {"//go:buildx", false, false, "<err>", "<err>"},
    {"// +build linux,amd64 darwin", false, true, "(linux && amd64) || darwin",
     "// +build linux,amd64 darwin"},
    {"// +build !cgo", false, true, "!cgo", "// +build !cgo"},
    {"// +build a,!!b c,", false, true, "(a && ignore) || (c && ignore)",
     "// +build a,ignore c,ignore"},
    {"//+build x", false, true, "x", "// +build x"},
    {"// +build", false, true, "ignore", "// +build ignore"},
    {"// +buildx", false, false, "<err>", "<err>"},
    {"//go:build (a || b) && (c || d)", true, false, "(a || b) && (c || d)",
     "// +build a b|// +build c d"},
    {"//go:build !(a || b) || c", true, false, "!(a || b) || c", "// +build !a,!b c"},
    {"//go:build (a && b) || (c && (d || e))", true, false, "(a && b) || (c && (d || e))",
     "<complex>"},
};

TEST(BuildTagTest, MatchesGoBuildConstraint) {
  for (const BuildCase& c : kCases) {
    EXPECT_EQ(IsGoBuild(c.line), c.is_go_build) << c.line;
    EXPECT_EQ(IsPlusBuild(c.line), c.is_plus_build) << c.line;
    std::optional<BuildExpr> x = BuildExpr::Parse(c.line);
    if (std::string(c.string) == "<err>") {
      EXPECT_FALSE(x.has_value()) << c.line;
      continue;
    }
    ASSERT_TRUE(x.has_value()) << c.line;
    EXPECT_EQ(x->String(), c.string) << c.line;
    auto lines = x->PlusBuildLines();
    std::string joined = "<complex>";
    if (lines) {
      joined.clear();
      for (const std::string& l : *lines) joined += (joined.empty() ? "" : "|") + l;
    }
    EXPECT_EQ(joined, c.plus_build) << c.line;
  }
}

TEST(BuildTagTest, AndCombinesPlusBuildLines) {
  auto a = BuildExpr::Parse("// +build linux darwin");
  auto b = BuildExpr::Parse("// +build !cgo");
  ASSERT_TRUE(a && b);
  BuildExpr x = BuildExpr::And(*a, *b);
  EXPECT_EQ(x.String(), "(linux || darwin) && !cgo");
}

// go/printer prints the expression constraint.Parse returns along with its error:
// the complete expression before an unexpected trailing token.
TEST(BuildTagTest, ParseForPrinterKeepsExpressionBeforeTrailingToken) {
  struct {
    const char* line;
    const char* want;  // "<none>": no expression
  } cases[] = {
      {"//go:build linux junk", "linux"},
      {"//go:build linux\tjunk", "linux"},
      {"//go:build a\tb c", "a"},
      {"//go:build linux)", "linux"},
      {"//go:build linux && amd64 !x", "linux && amd64"},
      {"//go:build linux &&", "<none>"},
      {"//go:build (linux", "<none>"},
      {"//go:build linux & x", "<none>"},
      {"// +build linux junk", "linux || junk"},
  };
  for (const auto& c : cases) {
    std::optional<BuildExpr> x = BuildExpr::ParseForPrinter(c.line);
    EXPECT_EQ(x ? x->String() : "<none>", c.want) << c.line;
    if (std::string_view(c.line).starts_with("//go:build")) {
      EXPECT_FALSE(BuildExpr::Parse(c.line).has_value()) << c.line;
    }
  }
}

}  // namespace
}  // namespace gotool::gofmt
