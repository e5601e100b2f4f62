// The -s simplifier: composite literal type elision, slice bounds, range clauses and
// empty declaration groups. The walk visits nodes as go/ast.Walk does; a visited
// composite literal of array or map type handles its own elements.
#include "fmt/simplify.h"

#include <algorithm>

#include "pkg/syntax/walk.h"
#include "fmt/match.h"

namespace gotool::gofmt {
namespace {

using syntax::NodeKind;

bool IsBlank(const syntax::Expr* x) {
  const auto* id = syntax::DynCast<syntax::Ident>(x);
  return id && id->Name == "_";
}

base::Pos GroupPos(const syntax::CommentGroup* g) { return g->List[0]->Slash; }
base::Pos GroupEnd(const syntax::CommentGroup* g) {
  return g->List.back()->Slash + int64_t(g->List.back()->Text.size());
}

class Simplifier {
 public:
  explicit Simplifier(base::Arena* arena) : arena_(arena) {}

  void Walk(syntax::Node* n) {
    syntax::Inspect(n, [this](syntax::Node* m) { return m != nullptr && Visit(m); });
  }

 private:
  bool Visit(syntax::Node* n);
  void SimplifyCompositeLit(syntax::CompositeLit* outer, const syntax::Expr* key_type,
                            const syntax::Expr* elt_type);
  void SimplifyLiteral(const syntax::Expr* type, syntax::Expr* x, syntax::Expr** px);

  base::Arena* arena_;
};

bool Simplifier::Visit(syntax::Node* node) {
  switch (node->kind) {
    case NodeKind::CompositeLit: {
      auto* n = node->As<syntax::CompositeLit>();
      const syntax::Expr* key_type = nullptr;
      const syntax::Expr* elt_type = nullptr;
      if (n->Type && n->Type->Is<syntax::ArrayType>()) {
        elt_type = n->Type->As<syntax::ArrayType>()->Elt;
      } else if (n->Type && n->Type->Is<syntax::MapType>()) {
        key_type = n->Type->As<syntax::MapType>()->Key;
        elt_type = n->Type->As<syntax::MapType>()->Value;
      }
      if (elt_type == nullptr) return true;
      SimplifyCompositeLit(n, key_type, elt_type);
      return false;  // the elements were walked already
    }
    case NodeKind::SliceExpr: {
      // s[a:len(s)] → s[a:]
      auto* n = node->As<syntax::SliceExpr>();
      if (n->Max != nullptr) break;
      const auto* s = syntax::DynCast<syntax::Ident>(n->X);
      const auto* call = syntax::DynCast<syntax::CallExpr>(n->High);
      if (!s || !call || call->Args.size != 1 || call->Ellipsis.IsValid()) break;
      const auto* fun = syntax::DynCast<syntax::Ident>(call->Fun);
      const auto* arg = syntax::DynCast<syntax::Ident>(call->Args[0]);
      if (fun && fun->Name == "len" && arg && arg->Name == s->Name) n->High = nullptr;
      break;
    }
    case NodeKind::RangeStmt: {
      auto* n = node->As<syntax::RangeStmt>();
      if (IsBlank(n->Value)) n->Value = nullptr;
      if (IsBlank(n->Key) && n->Value == nullptr) n->Key = nullptr;
      break;
    }
    default:
      break;
  }
  return true;
}

void Simplifier::SimplifyCompositeLit(syntax::CompositeLit* outer, const syntax::Expr* key_type,
                                      const syntax::Expr* elt_type) {
  // Elements may be replaced: work on a copy of the list.
  syntax::Expr** elts = arena_->NewArray<syntax::Expr*>(outer->Elts.size);
  std::copy(outer->Elts.begin(), outer->Elts.end(), elts);
  for (size_t i = 0; i < outer->Elts.size; i++) {
    syntax::Expr* x = elts[i];
    syntax::Expr** px = &elts[i];
    if (auto* kv = syntax::DynCast<syntax::KeyValueExpr>(x)) {
      if (key_type) SimplifyLiteral(key_type, kv->Key, &kv->Key);
      x = kv->Value;
      px = &kv->Value;
    }
    SimplifyLiteral(elt_type, x, px);
  }
  outer->Elts = syntax::List<syntax::Expr>{elts, outer->Elts.size};
}

// SimplifyLiteral simplifies x, an element of a literal whose element type is type:
// T{...} loses its T, and &T{...} becomes {...} when type is *T.
void Simplifier::SimplifyLiteral(const syntax::Expr* type, syntax::Expr* x, syntax::Expr** px) {
  Walk(x);
  if (auto* inner = syntax::DynCast<syntax::CompositeLit>(x)) {
    if (Match(type, inner->Type)) inner->Type = nullptr;
  }
  const auto* ptr = syntax::DynCast<syntax::StarExpr>(type);
  auto* addr = syntax::DynCast<syntax::UnaryExpr>(x);
  if (ptr && addr && addr->Op == syntax::Token::AND) {
    if (auto* inner = syntax::DynCast<syntax::CompositeLit>(addr->X)) {
      if (Match(ptr->X, inner->Type)) {
        inner->Type = nullptr;
        *px = inner;
      }
    }
  }
}

// IsEmptyDecl reports whether g is an empty group with no doc and no comments.
bool IsEmptyDecl(const syntax::File* f, const syntax::GenDecl* g) {
  if (g->Doc != nullptr || !g->Specs.empty()) return false;
  base::Pos pos = syntax::NodePos(g), end = syntax::NodeEnd(g);
  for (const syntax::CommentGroup* c : f->Comments) {
    if (pos <= GroupPos(c) && GroupEnd(c) <= end) return false;
  }
  return true;
}

}  // namespace

void Simplify(syntax::File* file, base::Arena* arena) {
  // Passes, in cmd/gofmt's order: 1. drop empty declaration groups;
  std::vector<syntax::Decl*> decls;
  for (syntax::Decl* d : file->Decls) {
    const auto* g = syntax::DynCast<syntax::GenDecl>(d);
    if (!g || !IsEmptyDecl(file, g)) decls.push_back(d);
  }
  if (decls.size() != file->Decls.size) {
    syntax::Decl** data = arena->NewArray<syntax::Decl*>(decls.size());
    std::copy(decls.begin(), decls.end(), data);
    file->Decls = syntax::List<syntax::Decl>{data, uint32_t(decls.size())};
  }
  // 2. simplify literals, slices and range clauses throughout the tree.
  Simplifier(arena).Walk(file);
}

}  // namespace gotool::gofmt
