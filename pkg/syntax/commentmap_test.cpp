// Tests of CommentMap: associations as go/ast's NewCommentMap makes them (expected
// listing produced with Go 1.19's go/ast on the same source), Filter and Comments.
#include "pkg/syntax/commentmap.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "pkg/syntax/parser.h"
#include "pkg/syntax/walk.h"

namespace gotool::syntax {
namespace {

constexpr const char* kSource = R"(// Package doc.
package p

// Doc of T.
type T struct {
	A int // trailing A
	// leading B

	B int
}

func f(x int) int { // after the brace
	y := x + 1 // after the statement
	/* before return */ return y
	// at the end of the body
}

// floating

var v = []int{
	1, // one
	2,
}
// last
)";

// Each comment group's first comment and the node it belongs to, sorted.
constexpr const char* kGoAssociations[] = {
    "/* before return */ -> ReturnStmt@14:22",
    "// Doc of T. -> GenDecl@5:1",
    "// Package doc. -> File@2:1",
    "// after the brace -> AssignStmt@13:2",
    "// after the statement -> AssignStmt@13:2",
    "// at the end of the body -> ReturnStmt@14:22",
    "// floating -> GenDecl@20:1",
    "// last -> File@2:1",
    "// leading B -> Field@6:2",
    "// one -> BasicLit@21:2",
    "// trailing A -> Field@6:2",
};

struct Parsed {
  base::FileSet fset;
  base::Arena arena;
  File* file = nullptr;
};

void Parse(Parsed* p) {
  ParseResult r = ParseFile(p->fset, "x.go", kSource, p->arena, kParseComments);
  ASSERT_TRUE(r.errors.empty()) << r.errors.Error();
  p->file = r.file;
}

std::vector<std::string> Associations(const Parsed& p, const CommentMap& cmap) {
  std::vector<std::string> got;
  Inspect(p.file, [&](Node* n) {
    if (!n) return false;
    if (const auto* groups = cmap.Find(n)) {
      base::Position pos = p.fset.PositionFor(NodePos(n));
      for (const CommentGroup* g : *groups) {
        got.push_back(std::string(g->List[0]->Text) + " -> " + std::string(NodeKindName(n->kind)) +
                      "@" + std::to_string(pos.line) + ":" + std::to_string(pos.column));
      }
    }
    return true;
  });
  std::sort(got.begin(), got.end());
  return got;
}

TEST(CommentMapTest, AssociatesAsGoAst) {
  Parsed p;
  Parse(&p);
  CommentMap cmap = NewCommentMap(p.fset, p.file, p.file->Comments);
  std::vector<std::string> want(std::begin(kGoAssociations), std::end(kGoAssociations));
  EXPECT_EQ(Associations(p, cmap), want);
}

TEST(CommentMapTest, FilterKeepsCommentsOfNodesInTheTree) {
  Parsed p;
  Parse(&p);
  CommentMap cmap = NewCommentMap(p.fset, p.file, p.file->Comments);
  // Only the function declaration: its body's comments stay, the others go.
  Node* func = p.file->Decls[1];
  std::vector<CommentGroup*> kept = cmap.Filter(func).Comments();
  ASSERT_EQ(kept.size(), 4u);
  EXPECT_EQ(kept[0]->List[0]->Text, "// after the brace");
  EXPECT_EQ(kept[3]->List[0]->Text, "// at the end of the body");
  // The whole file keeps every group, in source order.
  std::vector<CommentGroup*> all = cmap.Filter(p.file).Comments();
  ASSERT_EQ(all.size(), p.file->Comments.size);
  for (size_t i = 0; i < all.size(); i++) EXPECT_EQ(all[i], p.file->Comments[i]);
}

TEST(CommentMapTest, UpdateMovesComments) {
  Parsed p;
  Parse(&p);
  CommentMap cmap = NewCommentMap(p.fset, p.file, p.file->Comments);
  Node* decl = p.file->Decls[0];
  ASSERT_NE(cmap.Find(decl), nullptr);
  cmap.Update(decl, p.file->Decls[1]);
  EXPECT_EQ(cmap.Find(decl), nullptr);
  const auto* moved = cmap.Find(p.file->Decls[1]);
  ASSERT_NE(moved, nullptr);
  ASSERT_EQ(moved->size(), 1u);
  EXPECT_EQ((*moved)[0]->List[0]->Text, "// Doc of T.");
}

TEST(CommentMapTest, NoComments) {
  base::FileSet fset;
  base::Arena arena;
  ParseResult r = ParseFile(fset, "x.go", "package p\n", arena, kParseComments);
  CommentMap cmap = NewCommentMap(fset, r.file, r.file->Comments);
  EXPECT_EQ(cmap.size(), 0u);
  EXPECT_TRUE(cmap.Filter(r.file).Comments().empty());
}

}  // namespace
}  // namespace gotool::syntax
