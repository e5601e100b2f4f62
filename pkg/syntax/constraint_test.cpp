// Tests for build constraint lines; the expectations are go/build/constraint's
// (Go 1.19) IsGoBuild, IsPlusBuild, Parse, Eval, String and PlusBuildLines on the
// same lines.
#include "pkg/syntax/constraint.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace gotool::syntax {
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

TEST(ConstraintTest, MatchesGoBuildConstraint) {
  for (const BuildCase& c : kCases) {
    EXPECT_EQ(IsGoBuild(c.line), c.is_go_build) << c.line;
    EXPECT_EQ(IsPlusBuild(c.line), c.is_plus_build) << c.line;
    BuildConstraint x;
    std::string err = ParseBuildConstraint(c.line, &x);
    if (std::string(c.string) == "<err>") {
      EXPECT_FALSE(err.empty()) << c.line;
      continue;
    }
    ASSERT_EQ(err, "") << c.line;
    EXPECT_EQ(x.String(), c.string) << c.line;
    auto lines = x.PlusBuildLines();
    std::string joined = "<complex>";
    if (lines) {
      joined.clear();
      for (const std::string& l : *lines) joined += (joined.empty() ? "" : "|") + l;
    }
    EXPECT_EQ(joined, c.plus_build) << c.line;
  }
}

TEST(ConstraintTest, AndOfCombinesPlusBuildLines) {
  BuildConstraint a, b;
  ASSERT_EQ(ParseBuildConstraint("// +build linux darwin", &a), "");
  ASSERT_EQ(ParseBuildConstraint("// +build !cgo", &b), "");
  EXPECT_EQ(BuildConstraint::AndOf(a, b).String(), "(linux || darwin) && !cgo");
}

// Go's Parse returns the complete expression before an unexpected trailing token
// along with its error, and go/printer prints it; other errors leave no expression.
TEST(ConstraintTest, TrailingTokenKeepsTheExpression) {
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
    BuildConstraint x;
    std::string err = ParseBuildConstraint(c.line, &x);
    EXPECT_EQ(x.empty() ? "<none>" : x.String(), c.want) << c.line;
    if (std::string_view(c.line).starts_with("//go:build")) {
      EXPECT_NE(err, "") << c.line;
    }
  }
}

// EvalWith parses line and evaluates it with the given set tags.
bool EvalWith(std::string_view line, const std::set<std::string>& tags) {
  BuildConstraint c;
  std::string err = ParseBuildConstraint(line, &c);
  EXPECT_EQ(err, "") << line;
  return c.Eval([&](std::string_view t) { return tags.count(std::string(t)) != 0; });
}

TEST(ConstraintTest, EvalTable) {
  struct Case {
    const char* line;
    std::set<std::string> tags;
    bool want;
  };
  const Case cases[] = {
      {"//go:build linux", {"linux"}, true},
      {"//go:build linux", {"darwin"}, false},
      {"//go:build !linux", {"linux"}, false},
      {"//go:build linux && amd64", {"linux", "amd64"}, true},
      {"//go:build linux && amd64", {"linux"}, false},
      {"//go:build linux || darwin", {"darwin"}, true},
      {"//go:build (linux || darwin) && !cgo", {"linux", "cgo"}, false},
      {"//go:build !(a && b)", {"a"}, true},
      {"//go:build go1.18", {"go1.18"}, true},
      {"//go:build goexperiment.regabiargs", {"goexperiment.regabiargs"}, true},
      {"// +build linux darwin", {"darwin"}, true},
      {"// +build linux,amd64", {"linux"}, false},
      {"// +build linux,amd64 !cgo", {"linux"}, true},
      {"// +build !!linux", {"linux"}, false},
      {"// +build a-b", {"a-b"}, false},
      {"//  +build   x", {"x"}, true},
  };
  for (const Case& c : cases) EXPECT_EQ(EvalWith(c.line, c.tags), c.want) << c.line;
}

TEST(ConstraintTest, SyntaxErrors) {
  struct Case {
    const char* line;
    const char* err;
  };
  const Case cases[] = {
      {"//go:build", "unexpected end of expression"},
      {"//go:build x y", "unexpected token y"},
      {"//go:build !!x", "double negation not allowed"},
      {"//go:build (x", "missing close paren"},
      {"//go:build x &", "invalid syntax at &"},
      {"//go:build x && (", "missing close paren"},
      {"//go:build x,y", "invalid syntax at ,"},
  };
  for (const Case& c : cases) {
    BuildConstraint x;
    EXPECT_EQ(ParseBuildConstraint(c.line, &x), c.err) << c.line;
  }
}

TEST(ConstraintTest, LineKinds) {
  EXPECT_TRUE(IsGoBuild("//go:build x"));
  EXPECT_TRUE(IsGoBuild("//go:build x\n"));
  EXPECT_FALSE(IsGoBuild("//go:buildx"));
  EXPECT_FALSE(IsGoBuild("// go:build x"));
  EXPECT_TRUE(IsPlusBuild("// +build x"));
  EXPECT_TRUE(IsPlusBuild("//+build x"));
  EXPECT_FALSE(IsPlusBuild("// +buildx"));
  EXPECT_FALSE(IsPlusBuild("/* +build x */"));
  EXPECT_TRUE(IsPlusBuild("//\u3000+build x"));  // Unicode space, as strings.TrimSpace
}

TEST(ConstraintTest, StringParenthesisesMixedOperators) {
  BuildConstraint c;
  ASSERT_EQ(ParseBuildConstraint("//go:build (a || b) && !c || d", &c), "");
  EXPECT_EQ(c.String(), "((a || b) && !c) || d");
  ASSERT_EQ(ParseBuildConstraint("// +build a,b c", &c), "");
  EXPECT_EQ(c.String(), "(a && b) || c");
  ASSERT_EQ(ParseBuildConstraint("//go:build !(a || b)", &c), "");
  EXPECT_EQ(c.String(), "!(a || b)");
}

}  // namespace
}  // namespace gotool::syntax
