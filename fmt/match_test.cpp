// Tests for Match (structural comparison without positions) and the LineTable.
#include "fmt/match.h"

#include <gtest/gtest.h>

#include <string>

#include "fmt/lines.h"
#include "pkg/syntax/parser.h"

namespace gotool::gofmt {
namespace {

// ValueOf parses "package p; var _ = <expr>" and returns the expression.
class MatchTest : public ::testing::Test {
 protected:
  const syntax::Expr* ValueOf(const std::string& expr) {
    srcs_.push_back("package p; var _ = " + expr);
    auto r = syntax::ParseFile(fset_, "m.go", srcs_.back(), arena_, 0);
    EXPECT_TRUE(r.errors.empty()) << expr;
    auto* d = r.file->Decls[0]->As<syntax::GenDecl>();
    return d->Specs[0]->As<syntax::ValueSpec>()->Values[0];
  }

  base::FileSet fset_;
  base::Arena arena_;
  std::vector<std::string> srcs_;  // parsed sources must outlive the trees
};

TEST_F(MatchTest, IgnoresPositionsOnly) {
  EXPECT_TRUE(Match(ValueOf("[]map[string]*T{}"), ValueOf("[]map[string] * T{ }")));
  EXPECT_TRUE(Match(ValueOf("f(x, y)"), ValueOf("f(x,\ny)")));
  EXPECT_FALSE(Match(ValueOf("f(x)"), ValueOf("f(x...)")));
  EXPECT_FALSE(Match(ValueOf("a + b"), ValueOf("a - b")));
  EXPECT_FALSE(Match(ValueOf("1"), ValueOf("0x1")));
  EXPECT_FALSE(Match(ValueOf("x[1:2]"), ValueOf("x[1:2:3]")));
  EXPECT_FALSE(Match(ValueOf("T{}"), nullptr));
  EXPECT_TRUE(Match(nullptr, nullptr));
}

TEST(LineTableTest, LinesAsGoTokenCountsThem) {
  std::string src = "a\nbb\n\nc\n";
  base::FileSet fset;
  base::File* f = fset.AddFile("x.go", int(src.size()));
  LineTable lines(f, src);
  // The newline at the very end starts no line.
  EXPECT_EQ(lines.LineCount(), 4);
  EXPECT_EQ(lines.PositionFor(f->PosAt(3)), (Position{3, 2, 2}));
  EXPECT_EQ(lines.PositionFor(f->PosAt(int(src.size()))), (Position{8, 4, 3}));
  EXPECT_FALSE(lines.PositionFor(base::NoPos).IsValid());
  lines.MergeLine(2);  // "bb" and the empty line become one
  EXPECT_EQ(lines.LineCount(), 3);
  EXPECT_EQ(lines.PositionFor(f->PosAt(5)).line, 2);
  EXPECT_EQ(lines.PositionFor(f->PosAt(6)), (Position{6, 3, 1}));
}

}  // namespace
}  // namespace gotool::gofmt
