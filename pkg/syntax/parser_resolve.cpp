// The scope-depth limit of go/parser's identifier resolution. go/parser resolves
// identifiers after parsing and gives up with "exceeded max scope depth during object
// resolution" when scopes nest more than 1000 deep. We do not resolve identifiers,
// but replay the resolver's traversal (which scopes it opens, in which order) to
// report that error where it does.
#include <vector>

#include "pkg/syntax/parser_internal.h"
#include "pkg/syntax/walk.h"

namespace gotool::syntax::internal {
namespace {

constexpr int kMaxScopeDepth = 1000;

// Step is one action of the replayed traversal.
struct Step {
  enum Op : uint8_t { kVisit, kOpen, kClose } op;
  Node* node;     // kVisit
  base::Pos pos;  // kOpen
};

// ScopeWalker replays the resolver's walk with an explicit stack (trees may be
// deeper than the C++ stack allows).
class ScopeWalker {
 public:
  // Run walks the declarations; on exceeding the limit it sets *pos and returns true.
  bool Run(File* f, base::Pos* pos) {
    for (size_t i = f->Decls.size; i-- > 0;) stack_.push_back(Visit(f->Decls[i]));
    int depth = 1;  // the package scope
    while (!stack_.empty()) {
      Step s = stack_.back();
      stack_.pop_back();
      switch (s.op) {
        case Step::kOpen:
          if (++depth > kMaxScopeDepth) {
            *pos = s.pos;
            return true;
          }
          break;
        case Step::kClose: depth--; break;
        case Step::kVisit:
          steps_.clear();
          Expand(s.node);
          stack_.insert(stack_.end(), steps_.rbegin(), steps_.rend());
          break;
      }
    }
    return false;
  }

 private:
  static Step Visit(Node* n) { return Step{Step::kVisit, n, base::NoPos}; }
  void Add(Node* n) {
    if (n) steps_.push_back(Visit(n));
  }
  template <class T>
  void AddAll(const List<T>& list) {
    for (T* n : list) Add(n);
  }
  void Open(base::Pos pos) { steps_.push_back(Step{Step::kOpen, nullptr, pos}); }
  void Close() { steps_.push_back(Step{Step::kClose, nullptr, base::NoPos}); }
  // FieldTypes visits the types of a field list (the resolver's resolveList).
  void FieldTypes(FieldList* list) {
    if (!list) return;
    for (Field* f : list->List) Add(f->Type);
  }
  void FuncTypeParts(FuncType* t) {
    FieldTypes(t->Params);
    FieldTypes(t->Results);
  }

  void Expand(Node* n);
  void ExpandDecl(Node* n);
  void ExpandRecv(FieldList* recv);

  std::vector<Step> stack_;
  std::vector<Step> steps_;
};

void ScopeWalker::ExpandRecv(FieldList* recv) {
  if (!recv || recv->List.empty()) return;
  Expr* typ = recv->List[0]->Type;
  if (StarExpr* star = DynCast<StarExpr>(typ)) typ = star->X;
  if (IndexExpr* ix = DynCast<IndexExpr>(typ)) {
    Add(ix->X);
    if (ix->Index && ix->Index->kind != NodeKind::Ident) Add(ix->Index);
  } else if (IndexListExpr* il = DynCast<IndexListExpr>(typ)) {
    Add(il->X);
    for (Expr* x : il->Indices) {
      if (x->kind != NodeKind::Ident) Add(x);
    }
  } else {
    Add(typ);
  }
  for (uint32_t i = 1; i < recv->List.size; i++) Add(recv->List[i]->Type);
}

void ScopeWalker::ExpandDecl(Node* n) {
  if (GenDecl* d = DynCast<GenDecl>(n)) {
    int opened = 0;
    for (Spec* spec : d->Specs) {
      if (ValueSpec* vs = DynCast<ValueSpec>(spec)) {
        AddAll(vs->Values);
        Add(vs->Type);
      } else if (TypeSpec* ts = DynCast<TypeSpec>(spec)) {
        if (ts->TypeParams) {  // stays open until the whole declaration is done
          Open(NodePos(ts));
          opened++;
          FieldTypes(ts->TypeParams);
        }
        Add(ts->Type);
      }
    }
    while (opened-- > 0) Close();
    return;
  }
  FuncDecl* d = n->As<FuncDecl>();
  Open(NodePos(d));
  ExpandRecv(d->Recv);
  if (d->Type) {
    FieldTypes(d->Type->TypeParams);
    FieldTypes(d->Type->Params);
    FieldTypes(d->Type->Results);
  }
  if (d->Body) AddAll(d->Body->List);
  Close();
}

void ScopeWalker::Expand(Node* n) {
  switch (n->kind) {
    case NodeKind::Ident: return;
    case NodeKind::FuncLit: {
      FuncLit* x = n->As<FuncLit>();
      Open(NodePos(x));
      FuncTypeParts(x->Type);
      if (x->Body) AddAll(x->Body->List);
      Close();
      return;
    }
    case NodeKind::SelectorExpr: Add(n->As<SelectorExpr>()->X); return;
    case NodeKind::StructType:
      Open(NodePos(n));
      FieldTypes(n->As<StructType>()->Fields);
      Close();
      return;
    case NodeKind::FuncType:
      Open(NodePos(n));
      FuncTypeParts(n->As<FuncType>());
      Close();
      return;
    case NodeKind::CompositeLit: {
      CompositeLit* x = n->As<CompositeLit>();
      Add(x->Type);
      for (Expr* e : x->Elts) {
        if (KeyValueExpr* kv = DynCast<KeyValueExpr>(e)) {
          if (kv->Key->kind != NodeKind::Ident) Add(kv->Key);
          Add(kv->Value);
        } else {
          Add(e);
        }
      }
      return;
    }
    case NodeKind::InterfaceType:
      Open(NodePos(n));
      FieldTypes(n->As<InterfaceType>()->Methods);
      Close();
      return;
    case NodeKind::LabeledStmt: Add(n->As<LabeledStmt>()->Stmt); return;
    case NodeKind::AssignStmt: {
      AssignStmt* s = n->As<AssignStmt>();
      AddAll(s->Rhs);
      if (s->Tok != Token::DEFINE) AddAll(s->Lhs);
      return;
    }
    case NodeKind::BranchStmt: return;
    case NodeKind::BlockStmt:
      Open(NodePos(n));
      AddAll(n->As<BlockStmt>()->List);
      Close();
      return;
    case NodeKind::IfStmt: {
      IfStmt* s = n->As<IfStmt>();
      Open(NodePos(s));
      Add(s->Init);
      Add(s->Cond);
      Add(s->Body);
      Add(s->Else);
      Close();
      return;
    }
    case NodeKind::CaseClause: {
      CaseClause* s = n->As<CaseClause>();
      AddAll(s->List);
      Open(NodePos(s));
      AddAll(s->Body);
      Close();
      return;
    }
    case NodeKind::SwitchStmt: {
      SwitchStmt* s = n->As<SwitchStmt>();
      Open(NodePos(s));
      Add(s->Init);
      bool tag_scope = s->Tag && s->Init;  // kept open over the body
      if (tag_scope) Open(NodePos(s->Tag));
      Add(s->Tag);
      if (s->Body) AddAll(s->Body->List);
      if (tag_scope) Close();
      Close();
      return;
    }
    case NodeKind::TypeSwitchStmt: {
      TypeSwitchStmt* s = n->As<TypeSwitchStmt>();
      if (s->Init) {
        Open(NodePos(s));
        Add(s->Init);
      }
      Open(NodePos(s->Assign));
      Add(s->Assign);
      if (s->Body) AddAll(s->Body->List);
      Close();
      if (s->Init) Close();
      return;
    }
    case NodeKind::CommClause: {
      CommClause* s = n->As<CommClause>();
      Open(NodePos(s));
      Add(s->Comm);
      AddAll(s->Body);
      Close();
      return;
    }
    case NodeKind::SelectStmt: {
      SelectStmt* s = n->As<SelectStmt>();
      if (s->Body) AddAll(s->Body->List);
      return;
    }
    case NodeKind::ForStmt: {
      ForStmt* s = n->As<ForStmt>();
      Open(NodePos(s));
      Add(s->Init);
      Add(s->Cond);
      Add(s->Post);
      Add(s->Body);
      Close();
      return;
    }
    case NodeKind::RangeStmt: {
      RangeStmt* s = n->As<RangeStmt>();
      Open(NodePos(s));
      Add(s->X);
      for (Expr* x : {s->Key, s->Value}) {
        if (!x) continue;
        if (s->Tok != Token::DEFINE || Unparen(x)->kind != NodeKind::Ident) {
          Add(s->Tok == Token::DEFINE ? Unparen(x) : x);
        }
      }
      Add(s->Body);
      Close();
      return;
    }
    case NodeKind::GenDecl:
    case NodeKind::FuncDecl: ExpandDecl(n); return;
    default:
      ForEachChild(n, [this](Node* c) { Add(c); });
      return;
  }
}

}  // namespace

// ExceedsScopeDepth reports whether go/parser's resolver would exceed its scope
// depth limit on f, and where.
bool Parser::ExceedsScopeDepth(File* f, base::Pos* pos) {
  if (max_scope_depth_ + 1 <= kMaxScopeDepth) return false;  // cannot reach it
  ScopeWalker w;
  return w.Run(f, pos);
}

}  // namespace gotool::syntax::internal
