// Tests of VisitFields, CloneNode and CopyTree.
#include "pkg/syntax/astcopy.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "pkg/syntax/dump.h"
#include "pkg/syntax/parser.h"
#include "pkg/syntax/walk.h"

namespace gotool::syntax {
namespace {

constexpr const char* kSource =
    "package p\n\n// T is.\ntype T[P any] struct {\n\tA []int `tag` // a\n}\n\n"
    "func (t *T[P]) M(x ...int) (r string) {\n\tfor i, v := range t.A {\n"
    "\t\tif v > 0 {\n\t\t\tr += fmt.Sprint(i, x[1:2:3])\n\t\t}\n\t}\n\treturn\n}\n";

// Counter counts what VisitFields reports.
struct Counter {
  int positions = 0, values = 0, children = 0, lists = 0;
  void Position(base::Pos&) { positions++; }
  template <class T>
  void Value(T&) {
    values++;
  }
  template <class T>
  void Child(T*&) {
    children++;
  }
  template <class T>
  void Children(List<T>&) {
    lists++;
  }
};

TEST(AstCopyTest, VisitFieldsInGoAstOrder) {
  base::Arena arena;
  auto* x = NewNode<SliceExpr>(arena);
  Counter c;
  VisitFields(x, c);
  // X, Lbrack, Low, High, Max, Slice3, Rbrack.
  EXPECT_EQ(c.children, 4);
  EXPECT_EQ(c.positions, 2);
  EXPECT_EQ(c.values, 1);
  EXPECT_EQ(c.lists, 0);
}

TEST(AstCopyTest, CopyTreeIsDeepAndEqual) {
  base::FileSet fset;
  base::Arena arena;
  std::string src = kSource;
  ParseResult r = ParseFile(fset, "x.go", src, arena, kParseComments);
  ASSERT_TRUE(r.errors.empty()) << r.errors.Error();
  auto* copy = static_cast<File*>(CopyTree(r.file, arena));
  EXPECT_EQ(DumpFile(fset, copy), DumpFile(fset, r.file));
  // No node is shared between the copy and the original.
  std::set<Node*> originals;
  Inspect(r.file, [&](Node* n) {
    if (n) originals.insert(n);
    return true;
  });
  int n = 0;
  Inspect(copy, [&](Node* x) {
    if (x) {
      EXPECT_EQ(originals.count(x), 0u) << NodeKindName(x->kind);
    }
    n += x != nullptr;
    return true;
  });
  EXPECT_EQ(size_t(n), originals.size());
  EXPECT_EQ(CopyTree(nullptr, arena), nullptr);
}

TEST(AstCopyTest, CloneNodeIsShallow) {
  base::Arena arena;
  auto* x = NewNode<BinaryExpr>(arena);
  x->X = NewNode<Ident>(arena);
  x->Op = Token::ADD;
  auto* c = static_cast<BinaryExpr*>(CloneNode(x, arena));
  EXPECT_NE(c, x);
  EXPECT_EQ(c->kind, NodeKind::BinaryExpr);
  EXPECT_EQ(c->X, x->X);
  EXPECT_EQ(c->Op, Token::ADD);
}

}  // namespace
}  // namespace gotool::syntax
