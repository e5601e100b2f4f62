// Assignments: assignability checks in context, constant and variable initialisation,
// multi-value assignments and short variable declarations (go/types' assignments.go).
#include <unordered_set>

#include "pkg/types/checker.h"

namespace gotool::types {

void Checker::Assignment(Operand* x, Type* T, const std::string& context) {
  SingleValue(x);
  switch (x->mode) {
    case OperandMode::kInvalid: return;
    case OperandMode::kConstant: case OperandMode::kVariable: case OperandMode::kMapIndex:
    case OperandMode::kValue: case OperandMode::kCommaOk: break;
    default:
      Errorf(x->Pos(), "cannot assign {} to {} in {}", S(*x), S(T), context);
      return;
  }
  if (IsUntyped(x->type)) {
    Type* target = T;
    if (T == nullptr || IsInterface(T)) {
      // types2 means the nil value itself, not a variable of its type (a type
      // switch's on nil).
      bool nil = compiler_errors_ ? IsNilOperand(*x) : x->type == Typ(BasicKind::kUntypedNil);
      if (T == nullptr && nil) {
        Errorf(x->Pos(), "use of untyped nil in {}", context);
        x->SetInvalid();
        return;
      }
      target = DefaultType(x->type);
    }
    Type* new_type = nullptr;
    constant::Value val;
    int code = 0;
    bool has_val = ImplicitTypeAndValue(x, target, &new_type, &val, &code);
    if (code != 0) {
      std::string msg = "cannot use " + S(*x) + " as " + S(target) + " value in " + context;
      if (code == int(constant::ConversionError::kTruncated)) msg += " (truncated)";
      if (code == int(constant::ConversionError::kOverflows)) msg += " (overflows)";
      Error(x->Pos(), msg);
      x->SetInvalid();
      return;
    }
    if (has_val) {
      x->val = val;
      UpdateExprVal(x->expr, val);
    }
    if (new_type != x->type) {
      x->type = new_type;
      UpdateExprType(x->expr, new_type, false);
    }
  }
  if (T == nullptr) return;
  std::string reason;
  if (!AssignableTo(x, T, &reason)) {
    if (compiler_errors_) {
      if (!reason.empty()) {
        Errorf(x->Pos(), "cannot use {} as type {} in {}:\n\t{}", S(*x), S(T), context, reason);
      } else {
        Errorf(x->Pos(), "cannot use {} as type {} in {}", S(*x), S(T), context);
      }
    } else if (!reason.empty()) {
      Errorf(x->Pos(), "cannot use {} as {} value in {}: {}", S(*x), S(T), context, reason);
    } else {
      Errorf(x->Pos(), "cannot use {} as {} value in {}", S(*x), S(T), context);
    }
    x->SetInvalid();
  }
}

void Checker::InitConst(Const* lhs, Operand* x) {
  if (x->invalid() || IsInvalid(x->type) || (lhs->type && IsInvalid(lhs->type))) {
    if (lhs->type == nullptr) lhs->type = InvalidType();
    return;
  }
  if (x->mode != OperandMode::kConstant) {
    Errorf(x->Pos(), "{} is not constant", S(*x));
    if (lhs->type == nullptr) lhs->type = InvalidType();
    return;
  }
  if (lhs->type == nullptr) lhs->type = x->type;
  Assignment(x, lhs->type, "constant declaration");
  if (x->invalid()) return;
  lhs->val = x->val;
}

Type* Checker::InitVar(Var* lhs, Operand* x, const std::string& context) {
  if (x->invalid() || IsInvalid(x->type) || (lhs->type && IsInvalid(lhs->type))) {
    if (lhs->type == nullptr) lhs->type = InvalidType();
    if (compiler_errors_) lhs->used = true;  // as types2: no follow-on "declared but not used"
    return nullptr;
  }
  if (lhs->type == nullptr) {
    Type* typ = x->type;
    if (IsUntyped(typ)) {
      if (typ == Typ(BasicKind::kUntypedNil)) {
        Errorf(x->Pos(), "use of untyped nil in {}", context);
        lhs->type = InvalidType();
        return nullptr;
      }
      typ = DefaultType(typ);
    }
    lhs->type = typ;
  }
  Assignment(x, lhs->type, context);
  if (x->invalid()) {
    if (compiler_errors_) lhs->used = true;
    return nullptr;
  }
  return x->type;
}

Type* Checker::AssignVar(syntax::Expr* lhs, Operand* x, const char* context) {
  if (x->invalid() || IsInvalid(x->type)) {
    UseOne(lhs, true);
    return nullptr;
  }
  auto* ident = syntax::DynCast<syntax::Ident>(Unparen(lhs));
  if (ident != nullptr && ident->Name == "_") {
    RecordDef(ident, nullptr);
    Assignment(x, nullptr, "assignment to _ identifier");
    return x->invalid() ? nullptr : x->type;
  }
  Var* v = nullptr;
  bool v_used = false;
  if (ident != nullptr) {
    Object* obj = env_.scope->LookupParent(ident->Name, env_.pos, nullptr);
    if (obj != nullptr && obj->kind() == ObjectKind::kVar && obj->pkg == pkg_) {
      v = obj->As<Var>();
      v_used = v->used;
    }
  }
  Operand z;
  Expr(&z, lhs);
  if (v != nullptr) v->used = v_used;
  if (z.invalid() || IsInvalid(z.type)) return nullptr;
  if (z.mode != OperandMode::kVariable && z.mode != OperandMode::kMapIndex) {
    if (auto* sel = syntax::DynCast<syntax::SelectorExpr>(z.expr)) {
      Operand op;
      Expr(&op, sel->X);
      if (op.mode == OperandMode::kMapIndex) {
        Errorf(z.Pos(), "cannot assign to struct field {} in map", S(z.expr));
        return nullptr;
      }
    }
    Errorf(z.Pos(), "cannot assign to {}", S(z));
    return nullptr;
  }
  Assignment(x, z.type, context);
  return x->invalid() ? nullptr : x->type;
}

namespace {

std::string Measure(size_t n, std::string_view unit) {
  return fmt::format("{} {}{}", n, unit, n != 1 ? "s" : "");
}

}  // namespace

void Checker::AssignError(syntax::List<syntax::Expr> rhs, size_t nvars, size_t nvals) {
  std::string vars = Measure(nvars, "variable");
  std::string vals = Measure(nvals, "value");
  syntax::Expr* rhs0 = rhs[0];
  auto* call = syntax::DynCast<syntax::CallExpr>(Unparen(rhs0));
  if (rhs.size == 1 && call != nullptr) {
    Errorf(At(rhs0), "assignment mismatch: {} but {} returns {}", vars, S(call->Fun), vals);
    return;
  }
  Errorf(At(rhs0), "assignment mismatch: {} but {}", vars, vals);
}

// ReturnCountError reports a return statement with the wrong number of values.
static void ReturnCountError(Checker* check, const std::vector<Var*>& lhs,
                             const std::vector<Operand>& rhs, syntax::Node* ret) {
  base::Pos at = check->At(ret);
  std::string qualifier = "not enough";
  if (rhs.size() > lhs.size()) {
    at = rhs[lhs.size()].Pos();
    qualifier = "too many";
  } else if (!rhs.empty()) {
    at = rhs.back().Pos();
  }
  auto summary = [check](const std::vector<Type*>& list) {
    std::string out = "(";
    for (size_t i = 0; i < list.size(); i++) {
      if (i > 0) out += ", ";
      Type* t = list[i];
      if (t == nullptr || IsInvalid(t)) {
        out += "<T>";
      } else if (IsUntyped(t)) {
        std::string_view name = t->As<Basic>()->name;
        out += IsNumeric(t) ? "number" : std::string(name.substr(8));
      } else {
        out += check->S(t);
      }
    }
    return out + ")";
  };
  std::vector<Type*> have, want;
  for (const Operand& x : rhs) have.push_back(x.type);
  for (Var* v : lhs) want.push_back(v->type);
  check->Errorf(at, "{} return values\n\thave {}\n\twant {}", qualifier, summary(have), summary(want));
}

void Checker::InitVars(const std::vector<Var*>& lhs, syntax::List<syntax::Expr> orig_rhs,
                       syntax::Node* return_stmt) {
  bool comma_ok = false;
  std::vector<Operand> rhs = ExprList(orig_rhs, lhs.size() == 2 && return_stmt == nullptr, &comma_ok);
  if (lhs.size() != rhs.size()) {
    for (Var* v : lhs) {
      v->used = true;
      if (v->type == nullptr) v->type = InvalidType();
    }
    for (Operand& x : rhs) {
      if (x.invalid()) return;
    }
    if (return_stmt != nullptr) {
      ReturnCountError(this, lhs, rhs, return_stmt);
      return;
    }
    if (compiler_errors_) {
      AssignError(orig_rhs, lhs.size(), rhs.size());
    } else {
      Errorf(rhs[0].Pos(), "cannot initialize {} variables with {} values", lhs.size(), rhs.size());
    }
    return;
  }
  std::string context = return_stmt ? "return statement" : "assignment";
  if (comma_ok) {
    Type* a0 = InitVar(lhs[0], &rhs[0], context);
    Type* a1 = InitVar(lhs[1], &rhs[1], context);
    RecordCommaOkTypes(orig_rhs[0], a0, a1);
    return;
  }
  bool ok = true;
  for (size_t i = 0; i < lhs.size(); i++) ok &= InitVar(lhs[i], &rhs[i], context) != nullptr;
  if (!ok && compiler_errors_) {
    for (Var* v : lhs) v->used = true;
  }
}

void Checker::AssignVars(syntax::List<syntax::Expr> lhs, syntax::List<syntax::Expr> orig_rhs) {
  bool comma_ok = false;
  std::vector<Operand> rhs = ExprList(orig_rhs, lhs.size == 2, &comma_ok);
  if (lhs.size != rhs.size()) {
    UseLHS(lhs);
    if (compiler_errors_) MarkLHSUsed(lhs);
    for (Operand& x : rhs) {
      if (x.invalid()) return;
    }
    if (compiler_errors_) {
      AssignError(orig_rhs, lhs.size, rhs.size());
    } else {
      Errorf(rhs[0].Pos(), "cannot assign {} values to {} variables", rhs.size(), lhs.size);
    }
    return;
  }
  if (comma_ok) {
    Type* a0 = AssignVar(lhs[0], &rhs[0]);
    Type* a1 = AssignVar(lhs[1], &rhs[1]);
    RecordCommaOkTypes(orig_rhs[0], a0, a1);
    return;
  }
  bool ok = true;
  for (size_t i = 0; i < lhs.size; i++) ok &= AssignVar(lhs[i], &rhs[i]) != nullptr;
  if (!ok && compiler_errors_) MarkLHSUsed(lhs);
}

void Checker::MarkLHSUsed(syntax::List<syntax::Expr> lhs) {
  // As types2: avoid follow-on "declared but not used" errors.
  for (syntax::Expr* e : lhs) {
    if (auto* id = syntax::DynCast<syntax::Ident>(Unparen(e))) {
      Object* obj = env_.scope->LookupParent(id->Name, env_.pos, nullptr);
      if (obj != nullptr && obj->kind() == ObjectKind::kVar && obj->pkg == pkg_) obj->As<Var>()->used = true;
    }
  }
}

void Checker::ShortVarDecl(base::Pos pos, syntax::List<syntax::Expr> lhs,
                           syntax::List<syntax::Expr> rhs) {
  size_t top = delayed_.size();
  Scope* scope = env_.scope;
  std::unordered_set<std::string_view> seen;
  std::vector<Var*> lhs_vars(lhs.size, nullptr);
  std::vector<Var*> new_vars;
  bool has_err = false;
  for (size_t i = 0; i < lhs.size; i++) {
    auto* ident = syntax::DynCast<syntax::Ident>(lhs[i]);
    if (ident == nullptr) {
      UseOne(lhs[i], true);
      Errorf(At(lhs[i]), "non-name {} on left side of :=", S(lhs[i]));
      has_err = true;
      continue;
    }
    std::string_view name = ident->Name;
    if (name != "_") {
      if (!seen.insert(name).second) {
        Errorf(At(lhs[i]), "{} repeated on left side of :=", name);
        has_err = true;
        continue;
      }
    }
    if (Object* alt = scope->Lookup(name)) {
      RecordUse(ident, alt);
      if (Var* v = alt->TryAs<Var>()) {
        lhs_vars[i] = v;
      } else {
        Errorf(At(lhs[i]), "cannot assign to {}", S(lhs[i]));
        has_err = true;
      }
      continue;
    }
    Var* obj = ctx_->NewObject<Var>(ident->NamePos, pkg_, name, nullptr);
    lhs_vars[i] = obj;
    if (name != "_") new_vars.push_back(obj);
    RecordDef(ident, obj);
  }
  for (size_t i = 0; i < lhs_vars.size(); i++) {
    if (lhs_vars[i] == nullptr) lhs_vars[i] = ctx_->NewObject<Var>(At(lhs[i]), pkg_, "_", nullptr);
  }
  InitVars(lhs_vars, rhs, nullptr);
  ProcessDelayed(top);
  if (new_vars.empty() && !has_err) {
    SoftErrorf(pos, "no new variables on left side of :=");
    return;
  }
  base::Pos scope_pos = syntax::NodeEnd(rhs.back());
  for (Var* obj : new_vars) Declare(scope, nullptr, obj, scope_pos);
}

}  // namespace gotool::types
