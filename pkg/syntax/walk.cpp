// ForEachChild and Inspect: go/ast's Walk order over our node kinds.
#include "pkg/syntax/walk.h"

#include <algorithm>
#include <vector>

namespace gotool::syntax {
namespace {

template <class T>
void Each(const List<T>& list, FunctionRef<void(Node*)> f) {
  for (T* x : list) {
    if (x) f(x);
  }
}

void Opt(Node* n, FunctionRef<void(Node*)> f) {
  if (n) f(n);
}

void ExprChildren(Node* n, FunctionRef<void(Node*)> f) {
  switch (n->kind) {
    case NodeKind::Ellipsis: Opt(n->As<Ellipsis>()->Elt, f); break;
    case NodeKind::FuncLit: {
      auto* x = n->As<FuncLit>();
      Opt(x->Type, f);
      Opt(x->Body, f);
      break;
    }
    case NodeKind::CompositeLit: {
      auto* x = n->As<CompositeLit>();
      Opt(x->Type, f);
      Each(x->Elts, f);
      break;
    }
    case NodeKind::ParenExpr: Opt(n->As<ParenExpr>()->X, f); break;
    case NodeKind::SelectorExpr: {
      auto* x = n->As<SelectorExpr>();
      Opt(x->X, f);
      Opt(x->Sel, f);
      break;
    }
    case NodeKind::IndexExpr: {
      auto* x = n->As<IndexExpr>();
      Opt(x->X, f);
      Opt(x->Index, f);
      break;
    }
    case NodeKind::IndexListExpr: {
      auto* x = n->As<IndexListExpr>();
      Opt(x->X, f);
      Each(x->Indices, f);
      break;
    }
    case NodeKind::SliceExpr: {
      auto* x = n->As<SliceExpr>();
      Opt(x->X, f);
      Opt(x->Low, f);
      Opt(x->High, f);
      Opt(x->Max, f);
      break;
    }
    case NodeKind::TypeAssertExpr: {
      auto* x = n->As<TypeAssertExpr>();
      Opt(x->X, f);
      Opt(x->Type, f);
      break;
    }
    case NodeKind::CallExpr: {
      auto* x = n->As<CallExpr>();
      Opt(x->Fun, f);
      Each(x->Args, f);
      break;
    }
    case NodeKind::StarExpr: Opt(n->As<StarExpr>()->X, f); break;
    case NodeKind::UnaryExpr: Opt(n->As<UnaryExpr>()->X, f); break;
    case NodeKind::BinaryExpr: {
      auto* x = n->As<BinaryExpr>();
      Opt(x->X, f);
      Opt(x->Y, f);
      break;
    }
    case NodeKind::KeyValueExpr: {
      auto* x = n->As<KeyValueExpr>();
      Opt(x->Key, f);
      Opt(x->Value, f);
      break;
    }
    case NodeKind::ArrayType: {
      auto* x = n->As<ArrayType>();
      Opt(x->Len, f);
      Opt(x->Elt, f);
      break;
    }
    case NodeKind::StructType: Opt(n->As<StructType>()->Fields, f); break;
    case NodeKind::FuncType: {
      auto* x = n->As<FuncType>();
      Opt(x->TypeParams, f);
      Opt(x->Params, f);
      Opt(x->Results, f);
      break;
    }
    case NodeKind::InterfaceType: Opt(n->As<InterfaceType>()->Methods, f); break;
    case NodeKind::MapType: {
      auto* x = n->As<MapType>();
      Opt(x->Key, f);
      Opt(x->Value, f);
      break;
    }
    case NodeKind::ChanType: Opt(n->As<ChanType>()->Value, f); break;
    default: break;  // BadExpr, Ident, BasicLit
  }
}

void StmtChildren(Node* n, FunctionRef<void(Node*)> f) {
  switch (n->kind) {
    case NodeKind::DeclStmt: Opt(n->As<DeclStmt>()->Decl, f); break;
    case NodeKind::LabeledStmt: {
      auto* s = n->As<LabeledStmt>();
      Opt(s->Label, f);
      Opt(s->Stmt, f);
      break;
    }
    case NodeKind::ExprStmt: Opt(n->As<ExprStmt>()->X, f); break;
    case NodeKind::SendStmt: {
      auto* s = n->As<SendStmt>();
      Opt(s->Chan, f);
      Opt(s->Value, f);
      break;
    }
    case NodeKind::IncDecStmt: Opt(n->As<IncDecStmt>()->X, f); break;
    case NodeKind::AssignStmt: {
      auto* s = n->As<AssignStmt>();
      Each(s->Lhs, f);
      Each(s->Rhs, f);
      break;
    }
    case NodeKind::GoStmt: Opt(n->As<GoStmt>()->Call, f); break;
    case NodeKind::DeferStmt: Opt(n->As<DeferStmt>()->Call, f); break;
    case NodeKind::ReturnStmt: Each(n->As<ReturnStmt>()->Results, f); break;
    case NodeKind::BranchStmt: Opt(n->As<BranchStmt>()->Label, f); break;
    case NodeKind::BlockStmt: Each(n->As<BlockStmt>()->List, f); break;
    case NodeKind::IfStmt: {
      auto* s = n->As<IfStmt>();
      Opt(s->Init, f);
      Opt(s->Cond, f);
      Opt(s->Body, f);
      Opt(s->Else, f);
      break;
    }
    case NodeKind::CaseClause: {
      auto* s = n->As<CaseClause>();
      Each(s->List, f);
      Each(s->Body, f);
      break;
    }
    case NodeKind::SwitchStmt: {
      auto* s = n->As<SwitchStmt>();
      Opt(s->Init, f);
      Opt(s->Tag, f);
      Opt(s->Body, f);
      break;
    }
    case NodeKind::TypeSwitchStmt: {
      auto* s = n->As<TypeSwitchStmt>();
      Opt(s->Init, f);
      Opt(s->Assign, f);
      Opt(s->Body, f);
      break;
    }
    case NodeKind::CommClause: {
      auto* s = n->As<CommClause>();
      Opt(s->Comm, f);
      Each(s->Body, f);
      break;
    }
    case NodeKind::SelectStmt: Opt(n->As<SelectStmt>()->Body, f); break;
    case NodeKind::ForStmt: {
      auto* s = n->As<ForStmt>();
      Opt(s->Init, f);
      Opt(s->Cond, f);
      Opt(s->Post, f);
      Opt(s->Body, f);
      break;
    }
    case NodeKind::RangeStmt: {
      auto* s = n->As<RangeStmt>();
      Opt(s->Key, f);
      Opt(s->Value, f);
      Opt(s->X, f);
      Opt(s->Body, f);
      break;
    }
    default: break;  // BadStmt, EmptyStmt
  }
}

void OtherChildren(Node* n, FunctionRef<void(Node*)> f) {
  switch (n->kind) {
    case NodeKind::CommentGroup: Each(n->As<CommentGroup>()->List, f); break;
    case NodeKind::Field: {
      auto* x = n->As<Field>();
      Opt(x->Doc, f);
      Each(x->Names, f);
      Opt(x->Type, f);
      Opt(x->Tag, f);
      Opt(x->Comment, f);
      break;
    }
    case NodeKind::FieldList: Each(n->As<FieldList>()->List, f); break;
    case NodeKind::ImportSpec: {
      auto* s = n->As<ImportSpec>();
      Opt(s->Doc, f);
      Opt(s->Name, f);
      Opt(s->Path, f);
      Opt(s->Comment, f);
      break;
    }
    case NodeKind::ValueSpec: {
      auto* s = n->As<ValueSpec>();
      Opt(s->Doc, f);
      Each(s->Names, f);
      Opt(s->Type, f);
      Each(s->Values, f);
      Opt(s->Comment, f);
      break;
    }
    case NodeKind::TypeSpec: {
      auto* s = n->As<TypeSpec>();
      Opt(s->Doc, f);
      Opt(s->Name, f);
      Opt(s->TypeParams, f);
      Opt(s->Type, f);
      Opt(s->Comment, f);
      break;
    }
    case NodeKind::GenDecl: {
      auto* d = n->As<GenDecl>();
      Opt(d->Doc, f);
      Each(d->Specs, f);
      break;
    }
    case NodeKind::FuncDecl: {
      auto* d = n->As<FuncDecl>();
      Opt(d->Doc, f);
      Opt(d->Recv, f);
      Opt(d->Name, f);
      Opt(d->Type, f);
      Opt(d->Body, f);
      break;
    }
    case NodeKind::File: {
      auto* x = n->As<File>();
      Opt(x->Doc, f);
      Opt(x->Name, f);
      Each(x->Decls, f);
      break;
    }
    default: break;  // Comment, BadDecl
  }
}

}  // namespace

void ForEachChild(Node* n, FunctionRef<void(Node*)> f) {
  if (!n) return;
  switch (CategoryOf(n->kind)) {
    case NodeCategory::kExpr: ExprChildren(n, f); break;
    case NodeCategory::kStmt: StmtChildren(n, f); break;
    default: OtherChildren(n, f); break;
  }
}

void Inspect(Node* root, FunctionRef<bool(Node*)> f) {
  if (!root) return;
  // An explicit stack: a null entry stands for "call f(nullptr)" after children.
  std::vector<Node*> stack{root};
  std::vector<Node*> children;
  while (!stack.empty()) {
    Node* n = stack.back();
    stack.pop_back();
    if (!n) {
      f(nullptr);
      continue;
    }
    if (!f(n)) continue;
    stack.push_back(nullptr);
    children.clear();
    ForEachChild(n, [&](Node* c) { children.push_back(c); });
    stack.insert(stack.end(), children.rbegin(), children.rend());
  }
}

}  // namespace gotool::syntax
