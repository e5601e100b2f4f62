// Tests of the AST node header: checked downcasts.
#include "pkg/syntax/ast.h"

#include <gtest/gtest.h>

#include <string>

#include "pkg/syntax/parser.h"

namespace gotool::syntax {
namespace {

// VarValue returns the expression of "var x = EXPR" in src.
Expr* VarValue(base::FileSet& fset, base::Arena& arena, std::string& src) {
  ParseResult r = ParseFile(fset, "x.go", src, arena, 0);
  EXPECT_TRUE(r.errors.empty());
  auto* spec = r.file->Decls[0]->As<GenDecl>()->Specs[0]->As<ValueSpec>();
  return spec->Values[0];
}

TEST(AstTest, AsReturnsTheNodeOfTheRightType) {
  base::FileSet fset;
  base::Arena arena;
  std::string src = "package p\nvar x = (f)\n";
  Expr* value = VarValue(fset, arena, src);
  EXPECT_EQ(value->As<ParenExpr>()->X->As<Ident>()->Name, "f");
  EXPECT_NE(value->As<Expr>(), nullptr);
}

// gofmt -r can build trees go/printer rejects with a failed type assertion; gotool
// ends the same way: Go's panic line on stderr and exit status 2 (not an abort).
TEST(AstDeathTest, FailedConversionEndsAsAGoPanic) {
  base::FileSet fset;
  base::Arena arena;
  std::string src = "package p\nvar x = (f)\n";
  Expr* value = VarValue(fset, arena, src);
  EXPECT_EXIT(value->As<FuncType>(), testing::ExitedWithCode(2),
              "^panic: interface conversion: ast.Expr is \\*ast.ParenExpr, not \\*ast.FuncType\n$");
  EXPECT_EXIT(value->As<Stmt>(), testing::ExitedWithCode(2),
              "^panic: interface conversion: \\*ast.ParenExpr is not ast.Stmt: missing method "
              "stmtNode\n$");
}

}  // namespace
}  // namespace gotool::syntax
