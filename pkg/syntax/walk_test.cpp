// Tests of the AST walker: Inspect visits nodes in go/ast's ast.Inspect order.
#include "pkg/syntax/walk.h"

#include <gtest/gtest.h>

#include <string>

#include "pkg/syntax/parser.h"

namespace gotool::syntax {
namespace {

constexpr const char* kSource =
    "// doc\npackage p\n\nimport \"fmt\" // c\n\ntype T[P any] struct {\n\tA []int `tag`\n}\n\n"
    "func (t *T[P]) M(x int) (r string) {\n\tfor i, v := range t.A {\n\t\tif v > 0 {\n"
    "\t\t\tr += fmt.Sprint(i)\n\t\t}\n\t}\n\treturn\n}\n";

// The sequence ast.Inspect produces on kSource (go 1.19), with ")" for f(nil).
constexpr const char* kGoOrder =
    "File CommentGroup Comment ) ) Ident ) GenDecl ImportSpec BasicLit ) CommentGroup Comment ) ) ) ) "
    "GenDecl TypeSpec Ident ) FieldList Field Ident ) Ident ) ) ) StructType FieldList Field Ident ) "
    "ArrayType Ident ) ) BasicLit ) ) ) ) ) ) FuncDecl FieldList Field Ident ) StarExpr IndexExpr "
    "Ident ) Ident ) ) ) ) ) Ident ) FuncType FieldList Field Ident ) Ident ) ) ) FieldList Field "
    "Ident ) Ident ) ) ) ) BlockStmt RangeStmt Ident ) Ident ) SelectorExpr Ident ) Ident ) ) "
    "BlockStmt IfStmt BinaryExpr Ident ) BasicLit ) ) BlockStmt AssignStmt Ident ) CallExpr "
    "SelectorExpr Ident ) Ident ) ) Ident ) ) ) ) ) ) ) ReturnStmt ) ) ) )";

TEST(WalkTest, InspectMatchesGoOrder) {
  base::FileSet fset;
  base::Arena arena;
  std::string src = kSource;
  ParseResult r = ParseFile(fset, "x.go", src, arena, kParseComments);
  ASSERT_TRUE(r.errors.empty());
  std::string got;
  Inspect(r.file, [&](Node* n) {
    if (!got.empty()) got += ' ';
    got += n ? std::string(NodeKindName(n->kind)) : ")";
    return true;
  });
  EXPECT_EQ(got, kGoOrder);
}

TEST(WalkTest, InspectPrunesWhenFalse) {
  base::FileSet fset;
  base::Arena arena;
  std::string src = kSource;
  ParseResult r = ParseFile(fset, "x.go", src, arena, kParseComments);
  int idents = 0;
  int funcs = 0;
  Inspect(r.file, [&](Node* n) {
    if (!n) return false;
    if (n->Is<Ident>()) idents++;
    if (n->Is<FuncDecl>()) {
      funcs++;
      return false;  // skip the method entirely
    }
    return true;
  });
  EXPECT_EQ(funcs, 1);
  EXPECT_EQ(idents, 6);  // p, T, P, any, A, int
}

TEST(WalkTest, ForEachChildOfCall) {
  base::FileSet fset;
  base::Arena arena;
  std::string src = "package p\nvar x = f(a, b...)\n";
  ParseResult r = ParseFile(fset, "x.go", src, arena, 0);
  auto* call = r.file->Decls[0]->As<GenDecl>()->Specs[0]->As<ValueSpec>()->Values[0];
  std::string names;
  ForEachChild(call, [&](Node* c) { names += std::string(c->As<Ident>()->Name); });
  EXPECT_EQ(names, "fab");
}

TEST(WalkTest, DeepTreeDoesNotOverflow) {
  base::FileSet fset;
  base::Arena arena;
  std::string src = "package p\nvar x = 0";
  for (int i = 0; i < 30000; i++) src += "+1";
  src += "\n";
  ParseResult r = ParseFile(fset, "x.go", src, arena, 0);
  ASSERT_TRUE(r.errors.empty());
  int lits = 0;
  Inspect(r.file, [&](Node* n) {
    if (n && n->Is<BasicLit>()) lits++;
    return true;
  });
  EXPECT_EQ(lits, 30001);
}

}  // namespace
}  // namespace gotool::syntax
