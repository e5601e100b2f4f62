// Tests for build-constraint parsing and evaluation.
#include "pkg/load/constraint.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace gotool::load {
namespace {

// EvalWith parses line and evaluates it with the given set tags.
bool EvalWith(std::string_view line, const std::set<std::string>& tags) {
  Constraint c;
  std::string err;
  EXPECT_TRUE(ParseConstraint(line, &c, &err)) << line << ": " << err;
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
    Constraint x;
    std::string err;
    EXPECT_FALSE(ParseConstraint(c.line, &x, &err)) << c.line;
    EXPECT_EQ(err, c.err) << c.line;
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
}

TEST(ConstraintTest, String) {
  Constraint c;
  std::string err;
  ASSERT_TRUE(ParseConstraint("//go:build (a || b) && !c || d", &c, &err));
  EXPECT_EQ(c.String(), "((a || b) && !c) || d");  // Go parenthesises mixed operators
  ASSERT_TRUE(ParseConstraint("// +build a,b c", &c, &err));
  EXPECT_EQ(c.String(), "(a && b) || c");
}

}  // namespace
}  // namespace gotool::load
