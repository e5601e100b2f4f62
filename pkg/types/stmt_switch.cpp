// Switch, type switch, select and range statements with their case checks
// (go/types' stmt.go).
#include "pkg/types/checker.h"

namespace gotool::types {

void Checker::MultipleDefaults(syntax::List<syntax::Stmt> list) {
  syntax::Stmt* first = nullptr;
  for (syntax::Stmt* s : list) {
    bool is_default = false;
    if (auto* c = syntax::DynCast<syntax::CaseClause>(s)) is_default = c->List.empty();
    if (auto* c = syntax::DynCast<syntax::CommClause>(s)) is_default = c->Comm == nullptr;
    if (!is_default) continue;
    if (first != nullptr) {
      Errorf(At(s), "multiple defaults (first at {})", fset_.PositionFor(At(first)).String());
    } else {
      first = s;
    }
  }
}

void Checker::CaseValues(Operand* x, syntax::List<syntax::Expr> values, std::vector<SeenValue>* seen) {
  for (syntax::Expr* e : values) {
    Operand v;
    Expr(&v, e);
    if (x->invalid() || v.invalid()) continue;
    ConvertUntyped(&v, x->type);
    if (v.invalid()) continue;
    Operand res = v;
    Comparison(&res, x, syntax::Token::EQL, true);
    if (res.invalid() || v.mode != OperandMode::kConstant) continue;
    // As gc, only integer, floating-point and string duplicates are reported.
    constant::Kind k = v.val.kind();
    if (k != constant::Kind::kInt && k != constant::Kind::kFloat && k != constant::Kind::kString) continue;
    std::string key = v.val.ExactString();
    bool dup = false;
    for (const SeenValue& sv : *seen) {
      if (sv.key == key && Identical(v.type, sv.type)) {
        Errorf(v.Pos(), "duplicate case {} in expression switch", S(v));
        Errorf(sv.pos, "\tprevious case");
        dup = true;
        break;
      }
    }
    if (!dup) seen->push_back({key, v.Pos(), v.type});
  }
}

void Checker::SwitchStmt(unsigned inner, syntax::SwitchStmt* s) {
  OpenScope(s, "switch");
  SimpleStmt(s->Init);
  Operand x;
  syntax::Ident true_ident;
  if (s->Tag != nullptr) {
    Expr(&x, s->Tag);
    Assignment(&x, nullptr, "switch expression");
    if (!x.invalid() && !Comparable(x.type) && !HasNil(x.type)) {
      Errorf(x.Pos(), "cannot switch on {} ({} is not comparable)", S(x), S(x.type));
      x.SetInvalid();
    }
  } else {
    true_ident.kind = syntax::NodeKind::Ident;
    true_ident.NamePos = s->Body->Lbrace;
    true_ident.Name = "true";
    x.mode = OperandMode::kConstant;
    x.type = Typ(BasicKind::kBool);
    x.val = constant::MakeBool(true);
    x.expr = &true_ident;
  }
  MultipleDefaults(s->Body->List);
  std::vector<SeenValue> seen;
  for (size_t i = 0; i < s->Body->List.size; i++) {
    auto* clause = syntax::DynCast<syntax::CaseClause>(s->Body->List[i]);
    if (clause == nullptr) continue;
    CaseValues(&x, clause->List, &seen);
    OpenScope(clause, "case");
    unsigned c = inner | (i + 1 < s->Body->List.size ? kFallthroughOk : kFinalSwitchCase);
    StmtList(c, clause->Body);
    CloseScope();
  }
  CloseScope();
}

namespace {

bool IsNilIdent(Checker* check, syntax::Expr* e) {
  auto* id = syntax::DynCast<syntax::Ident>(Unparen(e));
  if (id == nullptr) return false;
  return check->env_.scope->LookupParent(id->Name, check->env_.pos, nullptr) == GetUniverse().nil;
}

}  // namespace

Type* Checker::CaseTypes(Operand* x, Interface* xtyp, syntax::List<syntax::Expr> types,
                         std::vector<std::pair<Type*, syntax::Expr*>>* seen) {
  Type* T = nullptr;
  for (syntax::Expr* e : types) {
    if (IsNilIdent(this, e)) {
      T = nullptr;
      Operand dummy;
      Expr(&dummy, e);
    } else {
      T = VarType(e);
      if (IsInvalid(T)) continue;
    }
    bool dup = false;
    for (auto& [t, other] : *seen) {
      if ((T == nullptr && t == nullptr) || (T != nullptr && t != nullptr && Identical(T, t))) {
        Errorf(At(e), "duplicate case {} in type switch", T ? S(T) : "nil");
        Errorf(At(other), "\tprevious case");
        dup = true;
        break;
      }
    }
    if (dup) continue;
    seen->emplace_back(T, e);
    if (T != nullptr && xtyp != nullptr) TypeAssertion(e, x, xtyp, T, true);
  }
  return T;
}

void Checker::TypeSwitchStmt(unsigned inner, syntax::TypeSwitchStmt* s) {
  OpenScope(s, "type switch");
  SimpleStmt(s->Init);
  syntax::Ident* lhs = nullptr;
  syntax::Expr* rhs = nullptr;
  if (auto* es = syntax::DynCast<syntax::ExprStmt>(s->Assign)) {
    rhs = es->X;
  } else if (auto* as = syntax::DynCast<syntax::AssignStmt>(s->Assign)) {
    if (as->Lhs.size == 1 && as->Rhs.size == 1) {
      lhs = syntax::DynCast<syntax::Ident>(as->Lhs[0]);
      rhs = as->Rhs[0];
    }
    if (lhs != nullptr && lhs->Name == "_") {
      SoftErrorf(lhs->NamePos, "no new variable on left side of :=");
      lhs = nullptr;
    } else if (lhs != nullptr) {
      RecordDef(lhs, nullptr);
    }
  }
  auto* guard = syntax::DynCast<syntax::TypeAssertExpr>(rhs);
  if (guard == nullptr || guard->Type != nullptr) {
    Error(At(s), "invalid AST: incorrect form of type switch guard");
    CloseScope();
    return;
  }
  Operand x;
  Expr(&x, guard->X);
  if (x.invalid()) {
    CloseScope();
    return;
  }
  Interface* xtyp = Underlying(x.type)->TryAs<Interface>();
  if (xtyp == nullptr) Errorf(x.Pos(), "{} is not an interface", S(x));
  MultipleDefaults(s->Body->List);
  std::vector<Var*> lhs_vars;
  std::vector<std::pair<Type*, syntax::Expr*>> seen;
  for (syntax::Stmt* st : s->Body->List) {
    auto* clause = syntax::DynCast<syntax::CaseClause>(st);
    if (clause == nullptr) continue;
    Type* T = CaseTypes(&x, xtyp, clause->List, &seen);
    OpenScope(clause, "case");
    if (lhs != nullptr) {
      if (clause->List.size != 1 || T == nullptr) T = x.type;
      Var* obj = ctx_->NewObject<Var>(lhs->NamePos, pkg_, lhs->Name, T);
      base::Pos scope_pos = clause->Case + int64_t(7);
      if (clause->List.size > 0) scope_pos = syntax::NodeEnd(clause->List.back());
      Declare(env_.scope, nullptr, obj, scope_pos);
      RecordImplicit(clause, obj);
      lhs_vars.push_back(obj);
    }
    StmtList(inner, clause->Body);
    CloseScope();
  }
  if (lhs != nullptr) {
    bool used = false;
    for (Var* v : lhs_vars) {
      used |= v->used;
      v->used = true;
    }
    if (!used) SoftErrorf(lhs->NamePos, "{} declared but not used", lhs->Name);
  }
  CloseScope();
}

void Checker::SelectStmt(unsigned inner, syntax::SelectStmt* s) {
  MultipleDefaults(s->Body->List);
  for (syntax::Stmt* st : s->Body->List) {
    auto* clause = syntax::DynCast<syntax::CommClause>(st);
    if (clause == nullptr) continue;
    bool valid = false;
    syntax::Expr* rhs = nullptr;
    if (clause->Comm == nullptr || clause->Comm->kind == syntax::NodeKind::SendStmt) {
      valid = true;
    } else if (auto* as = syntax::DynCast<syntax::AssignStmt>(clause->Comm)) {
      if (as->Rhs.size == 1) rhs = as->Rhs[0];
    } else if (auto* es = syntax::DynCast<syntax::ExprStmt>(clause->Comm)) {
      rhs = es->X;
    }
    if (rhs != nullptr) {
      auto* u = syntax::DynCast<syntax::UnaryExpr>(Unparen(rhs));
      if (u != nullptr && u->Op == syntax::Token::ARROW) valid = true;
    }
    if (!valid) {
      Error(At(clause->Comm), "select case must be send or receive (possibly with assignment)");
      continue;
    }
    OpenScope(clause, "case");
    if (clause->Comm != nullptr) Stmt(inner, clause->Comm);
    StmtList(inner, clause->Body);
    CloseScope();
  }
}

void Checker::RangeStmt(unsigned inner, syntax::RangeStmt* s) {
  Operand x;
  Expr(&x, s->X);
  Type* key = nullptr;
  Type* val = nullptr;
  if (!x.invalid()) {
    std::string cause;
    Type* u = CoreUnder(x.type);
    if (Pointer* p = u->TryAs<Pointer>()) {
      if (Array* a = Underlying(p->elem)->TryAs<Array>()) u = a;
    }
    if (s->Extra != nullptr && u->kind() != TypeKind::kChan) {  // (compiler mode's parser)
      SoftErrorf(At(s->Extra), "range clause permits at most two iteration variables");
    }
    switch (u->kind()) {
      case TypeKind::kBasic:
        if (IsString(u)) {
          key = Typ(BasicKind::kInt);
          val = GetUniverse().rune_type;
        } else if (IsInteger(u) && AllowVersion(22)) {  // go1.22 range over int
          key = IsUntyped(x.type) ? Typ(BasicKind::kInt) : x.type;
          if (s->Value != nullptr) {
            SoftErrorf(At(s->Value), "range over {} permits only one iteration variable", S(x));
          }
        }
        break;
      case TypeKind::kArray: key = Typ(BasicKind::kInt); val = u->As<Array>()->elem; break;
      case TypeKind::kSlice: key = Typ(BasicKind::kInt); val = u->As<Slice>()->elem; break;
      case TypeKind::kMap: key = u->As<Map>()->key; val = u->As<Map>()->elem; break;
      case TypeKind::kChan:
        key = u->As<Chan>()->elem;
        val = InvalidType();
        if (s->Value != nullptr) {
          SoftErrorf(At(s->Value), "range over {} permits only one iteration variable", S(x));
        }
        if (u->As<Chan>()->dir == ChanDir::kSendOnly) cause = "receive from send-only channel";
        break;
      default: break;
    }
    if (key == nullptr || !cause.empty()) {
      if (cause.empty()) {
        SoftErrorf(x.Pos(), "cannot range over {}", S(x));
      } else {
        SoftErrorf(x.Pos(), "cannot range over {} ({})", S(x), cause);
      }
    }
    if (key != nullptr && IsUntyped(x.type) && IsInteger(u)) ConvertUntyped(&x, key);
  }
  OpenScope(s, "range");
  syntax::Expr* lhs[2] = {s->Key, s->Value};
  Type* rhs[2] = {key, val};
  if (s->Tok == syntax::Token::DEFINE) {
    std::vector<Var*> vars;
    for (int i = 0; i < 2; i++) {
      if (lhs[i] == nullptr) continue;
      Var* obj = nullptr;
      if (auto* id = syntax::DynCast<syntax::Ident>(lhs[i])) {
        obj = ctx_->NewObject<Var>(id->NamePos, pkg_, id->Name, nullptr);
        RecordDef(id, obj);
        if (id->Name != "_") vars.push_back(obj);
      } else {
        Errorf(At(lhs[i]), "invalid AST: cannot declare {}", S(lhs[i]));
        obj = ctx_->NewObject<Var>(At(lhs[i]), pkg_, "_", nullptr);
      }
      if (rhs[i] != nullptr) {
        Operand v;
        v.mode = OperandMode::kValue;
        v.expr = lhs[i];
        v.type = rhs[i];
        InitVar(obj, &v, "range clause");
      } else {
        obj->type = InvalidType();
        obj->used = true;
      }
    }
    if (!vars.empty()) {
      base::Pos scope_pos = syntax::NodeEnd(s->X);
      for (Var* obj : vars) Declare(env_.scope, nullptr, obj, scope_pos);
    } else {
      Error(s->TokPos, "no new variables on left side of :=");
    }
  } else {
    for (int i = 0; i < 2; i++) {
      if (lhs[i] == nullptr || rhs[i] == nullptr) continue;
      Operand v;
      v.mode = OperandMode::kValue;
      v.expr = lhs[i];
      v.type = rhs[i];
      AssignVar(lhs[i], &v);
    }
  }
  Stmt(inner, s->Body);
  CloseScope();
}

}  // namespace gotool::types
