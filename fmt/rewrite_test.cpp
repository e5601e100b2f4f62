// Tests of gofmt -r: golden files (testdata/rewrite/NAME.input, whose first line
// "//gofmt -r=RULE" gives the rule, formats to NAME.golden, produced by Go 1.19's
// gofmt; GOTOOL_UPDATE_GOLDEN=1 rewrites them from our output), rule parsing with
// gofmt's error texts, and the pipeline's handling of fragments.
#include "fmt/rewrite.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "fmt/gofmt.h"

namespace gotool::gofmt {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDir = "fmt/testdata/rewrite";
constexpr std::string_view kRulePrefix = "//gofmt -r=";

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Rewrite(const std::string& name, const std::string& src, const std::string& rule) {
  SourceOptions options;
  options.rewrite_rule = rule;
  SourceResult r = FormatSource(name, src, options);
  EXPECT_TRUE(r.errors.empty()) << name << ": " << r.errors.Error();
  return r.output;
}

TEST(RewriteGoldenTest, InputsMatchGolden) {
  bool update = std::getenv("GOTOOL_UPDATE_GOLDEN") != nullptr;
  int n = 0;
  for (const fs::directory_entry& e : fs::directory_iterator(kDir)) {
    if (e.path().extension() != ".input") continue;
    n++;
    std::string src = ReadFile(e.path());
    ASSERT_TRUE(src.starts_with(kRulePrefix)) << e.path();
    std::string rule = src.substr(kRulePrefix.size(), src.find('\n') - kRulePrefix.size());
    fs::path golden = e.path();
    golden.replace_extension(".golden");
    std::string got = Rewrite(e.path().string(), src, rule);
    if (update) {
      std::ofstream(golden, std::ios::binary) << got;
      continue;
    }
    EXPECT_EQ(got, ReadFile(golden)) << e.path();
  }
  EXPECT_GT(n, 0) << "no inputs in " << kDir;
}

std::string RuleError(std::string_view rule) {
  std::string err;
  EXPECT_EQ(ParseRewriteRule(rule, &err), nullptr) << rule;
  return err;
}

TEST(RewriteRuleTest, ParsesPatternAndReplacement) {
  std::string err;
  auto rule = ParseRewriteRule("a[b:len(a)] -> a[b:]", &err);
  ASSERT_NE(rule, nullptr) << err;
  EXPECT_EQ(rule->pattern()->kind, syntax::NodeKind::SliceExpr);
  EXPECT_EQ(rule->replacement()->kind, syntax::NodeKind::SliceExpr);
  // Types are expressions too, and a trailing comment or newline is no error.
  EXPECT_NE(ParseRewriteRule("interface{} -> any // comment", &err), nullptr) << err;
  EXPECT_NE(ParseRewriteRule("[]int\n -> []int64\n", &err), nullptr) << err;
}

TEST(RewriteRuleTest, ReportsGofmtErrors) {
  const std::string kForm = "rewrite rule must be of the form 'pattern -> replacement'";
  EXPECT_EQ(RuleError("a"), kForm);
  EXPECT_EQ(RuleError("a -> b -> c"), kForm);
  EXPECT_EQ(RuleError("a+ -> b"), "parsing pattern a+  at 1:4: expected operand, found 'EOF'");
  EXPECT_EQ(RuleError("a b -> c"), "parsing pattern a b  at 1:3: expected 'EOF', found b");
  EXPECT_EQ(RuleError("a))) -> b"), "parsing pattern a)))  at 1:2: expected 'EOF', found ')'");
  EXPECT_EQ(RuleError("a -> "), "parsing replacement   at 1:2: expected operand, found 'EOF'");
  EXPECT_EQ(RuleError("f(a -> b"),
            "parsing pattern f(a  at 1:5: missing ',' before newline in argument list");
  EXPECT_EQ(RuleError("f(1, -> b"), "parsing pattern f(1,  at 1:6: expected ')', found 'EOF'");
  EXPECT_EQ(RuleError("a\nb -> c"), "parsing pattern a\nb  at 2:1: expected 'EOF', found b");
  EXPECT_EQ(RuleError("[...]int -> c"),
            "parsing pattern [...]int  at 1:2: expected array length, found '...'");
  EXPECT_EQ(RuleError("a$b -> c"), "parsing pattern a$b  at 1:2: illegal character U+0024 '$'");
  EXPECT_EQ(RuleError("1 2 -> x"), "parsing pattern 1 2  at 1:3: expected 'EOF', found 2");
}

TEST(RewriteRuleTest, Wildcards) {
  EXPECT_TRUE(IsWildcard("x"));
  EXPECT_TRUE(IsWildcard("\xce\xb1"));  // α
  EXPECT_FALSE(IsWildcard("X"));
  EXPECT_FALSE(IsWildcard("xy"));
  EXPECT_FALSE(IsWildcard("_"));
  EXPECT_FALSE(IsWildcard(""));
}

TEST(RewriteTest, CheckRewriteRule) {
  EXPECT_EQ(CheckRewriteRule(""), "");
  EXPECT_EQ(CheckRewriteRule("x -> x"), "");
  EXPECT_EQ(CheckRewriteRule("x"), "rewrite rule must be of the form 'pattern -> replacement'");
}

TEST(RewriteTest, IgnoredForFragments) {
  SourceOptions options;
  options.rewrite_rule = "a -> b";
  options.fragment_ok = true;
  SourceResult r = FormatSource("<standard input>", "x := a\n", options);
  EXPECT_TRUE(r.errors.empty()) << r.errors.Error();
  EXPECT_EQ(r.output, "x := a\n");
  EXPECT_EQ(r.warning, "warning: rewrite ignored for incomplete programs\n");
}

TEST(RewriteTest, RepeatedWildcardsMustMatchEqualExpressions) {
  std::string src = "package p\n\nvar a, b = x + x, x + y\n";
  EXPECT_EQ(Rewrite("p.go", src, "a + a -> 2 * a"), "package p\n\nvar a, b = 2 * x, x + y\n");
}

TEST(RewriteTest, DroppingAllCommentsDropsNodeComments) {
  // The copied field keeps its comments, but the file's list is now empty (not nil):
  // as go/printer, the printer then prints no node comments.
  std::string src = "package p\n\ntype S struct {\n\t// doc of A\n\tA int // line of A\n}\n";
  EXPECT_EQ(Rewrite("p.go", src, "x -> x"), "package p\n\ntype S struct {\n\tA int\n}\n");
}

TEST(RewriteTest, DeepTrees) {
  // Deep enough to be rewritten on a thread of its own, with a large stack.
  std::string src = "package p\n\nvar x = " + std::string(5000, '(') + "a" +
                    std::string(5000, ')') + "\n";
  EXPECT_EQ(Rewrite("p.go", src, "(x) -> x"), "package p\n\nvar x = a\n");
}

}  // namespace
}  // namespace gotool::gofmt
