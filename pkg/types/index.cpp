// Index and slice expressions and index validity (go/types' index.go).
#include "pkg/types/checker.h"

namespace gotool::types {

bool Checker::IsValidIndex(Operand* x, const char* what, bool allow_negative) {
  if (x->invalid()) return false;
  ConvertUntyped(x, Typ(BasicKind::kInt));
  if (x->invalid()) return false;
  if (!IsInteger(x->type)) {
    Errorf(x->Pos(), "invalid argument: {} {} must be integer", what, S(*x));
    return false;
  }
  if (x->mode == OperandMode::kConstant) {
    if (!allow_negative && constant::Sign(x->val) < 0) {
      Errorf(x->Pos(), "invalid argument: {} {} must not be negative", what, S(*x));
      return false;
    }
    constant::Value v;
    if (!constant::Representable(x->val, BasicKind::kInt, &v)) {
      Errorf(x->Pos(), "invalid argument: {} {} overflows int", what, S(*x));
      return false;
    }
    x->val = v;
  }
  return true;
}

bool Checker::Index(syntax::Expr* index, int64_t max, int64_t* out, Type** typ) {
  *out = -1;
  if (typ != nullptr) *typ = InvalidType();
  Operand x;
  Expr(&x, index);
  if (!IsValidIndex(&x, "index", false)) return false;
  if (x.mode != OperandMode::kConstant) {
    if (typ != nullptr) *typ = x.type;
    return true;
  }
  if (x.val.kind() == constant::Kind::kUnknown) return false;
  int64_t v = constant::Int64Val(x.val);
  if (max >= 0 && v >= max) {
    if (compiler_errors_) {
      Errorf(x.Pos(), "invalid argument: index {} out of bounds [0:{}]", x.val.String(), max);
    } else {
      Errorf(x.Pos(), "invalid argument: index {} is out of bounds", x.val.String());
    }
    return false;
  }
  *out = v;
  if (typ != nullptr) *typ = x.type;
  return true;
}

bool Checker::IndexTypeParam(Operand* x, syntax::IndexExpr* e) {
  // Every type of the set must be indexable with the same element type; maps
  // cannot mix with other types (go/types' indexExpr for type parameters).
  Type* key = nullptr;
  Type* elem = nullptr;
  int64_t length = -1;
  OperandMode mode = OperandMode::kVariable;
  bool first = true;
  bool ok = ForEachTerm(x->type, [&](const Term& term) {
    if (term.type == nullptr) return false;
    Type* u = Underlying(term.type);
    int64_t l = -1;
    Type* k = nullptr;
    Type* el = nullptr;
    if (IsString(u)) {
      el = GetUniverse().byte_type;
      mode = OperandMode::kValue;
    } else if (Array* a = u->TryAs<Array>()) {
      l = a->len;
      el = a->elem;
      if (x->mode != OperandMode::kVariable) mode = OperandMode::kValue;
    } else if (Pointer* p = u->TryAs<Pointer>()) {
      if (Array* pa = Underlying(p->elem)->TryAs<Array>()) {
        l = pa->len;
        el = pa->elem;
      }
    } else if (Slice* s = u->TryAs<Slice>()) {
      el = s->elem;
    } else if (Map* m = u->TryAs<Map>()) {
      k = m->key;
      el = m->elem;
    }
    if (el == nullptr) return false;
    if (first) {
      first = false;
      length = l;
      key = k;
      elem = el;
      return true;
    }
    if ((key == nullptr) != (k == nullptr) || (key && !Identical(key, k)) || !Identical(elem, el)) {
      return false;
    }
    if (l >= 0 && l < length) length = l;
    return true;
  });
  if (!ok) {
    InvalidOp(*x, "cannot index " + S(*x));
    UseOne(e->Index, false);
    x->SetInvalid();
    return false;
  }
  if (key != nullptr) {
    Operand k;
    Expr(&k, e->Index);
    Assignment(&k, key, "map index");
    x->mode = OperandMode::kMapIndex;
    x->type = elem;
    x->expr = e;
    return false;
  }
  x->mode = mode;
  x->type = elem;
  int64_t v;
  Index(e->Index, length, &v);
  return false;
}

bool Checker::IndexExpr(Operand* x, syntax::IndexExpr* e) {
  ExprOrType(x, e->X, true);
  if (x->invalid()) {
    UseOne(e->Index, false);
    return false;
  }
  if (x->mode == OperandMode::kTypexpr) {
    // A generic type's instantiation used as an expression (T[int]{}, T[int](v)).
    x->SetInvalid();
    x->type = VarType(e);
    if (!IsInvalid(x->type)) x->mode = OperandMode::kTypexpr;
    x->expr = e;
    return false;
  }
  if (x->mode == OperandMode::kValue && IsGenericSignature(x->type)) return true;
  bool valid = false;
  int64_t length = -1;
  // A type parameter operand is indexed through its core type, or else through
  // its type set.
  Type* u = IsTypeParam(x->type) ? CoreString(x->type) : Underlying(x->type);
  if (u == nullptr) return IndexTypeParam(x, e);
  switch (u->kind()) {
    case TypeKind::kBasic:
      if (IsString(u)) {
        valid = true;
        if (x->mode == OperandMode::kConstant) {
          length = int64_t(constant::StringVal(x->val).size());
        }
        x->mode = OperandMode::kValue;
        x->type = GetUniverse().byte_type;
      }
      break;
    case TypeKind::kArray:
      valid = true;
      length = u->As<Array>()->len;
      if (x->mode != OperandMode::kVariable) x->mode = OperandMode::kValue;
      x->type = u->As<Array>()->elem;
      break;
    case TypeKind::kPointer:
      if (Array* a = Underlying(u->As<Pointer>()->elem)->TryAs<Array>()) {
        valid = true;
        length = a->len;
        x->mode = OperandMode::kVariable;
        x->type = a->elem;
      }
      break;
    case TypeKind::kSlice:
      valid = true;
      x->mode = OperandMode::kVariable;
      x->type = u->As<Slice>()->elem;
      break;
    case TypeKind::kMap: {
      Operand key;
      Expr(&key, e->Index);
      Assignment(&key, u->As<Map>()->key, "map index");
      x->mode = OperandMode::kMapIndex;
      x->type = u->As<Map>()->elem;
      x->expr = e;
      return false;
    }
    default: break;
  }
  if (!valid) {
    InvalidOp(*x, "cannot index " + S(*x));
    UseOne(e->Index, false);
    x->SetInvalid();
    return false;
  }
  if (x->type == nullptr) x->type = InvalidType();
  int64_t v;
  Index(e->Index, length, &v);
  return false;
}

void Checker::SliceExpr(Operand* x, syntax::SliceExpr* e) {
  Expr(x, e->X);
  if (x->invalid()) {
    syntax::Expr* rest[3] = {e->Low, e->High, e->Max};
    for (syntax::Expr* r : rest) UseOne(r, false);
    return;
  }
  bool valid = false;
  int64_t length = -1;
  Type* u = CoreString(x->type);
  if (u == nullptr) {
    InvalidOp(*x, "cannot slice " + S(*x) + ": " + S(x->type) + " has no core type");
    x->SetInvalid();
    return;
  }
  switch (u->kind()) {
    case TypeKind::kBasic:
      if (IsString(u)) {
        if (e->Slice3) {
          Error(At(e->Max ? e->Max : static_cast<syntax::Expr*>(e)),
                "invalid operation: 3-index slice of string");
          x->SetInvalid();
          return;
        }
        valid = true;
        if (x->mode == OperandMode::kConstant) {
          length = int64_t(constant::StringVal(x->val).size());
        }
        if (IsUntyped(x->type)) x->type = Typ(BasicKind::kString);
      }
      break;
    case TypeKind::kArray:
      valid = true;
      length = u->As<Array>()->len;
      if (x->mode != OperandMode::kVariable) {
        if (compiler_errors_) {
          InvalidOp(*x, S(*x) + " (slice of unaddressable value)");
        } else {
          InvalidOp(*x, "cannot slice " + S(*x) + " (value not addressable)");
        }
        x->SetInvalid();
        return;
      }
      x->type = ctx_->NewType<Slice>(u->As<Array>()->elem);
      break;
    case TypeKind::kPointer:
      if (Array* a = Underlying(u->As<Pointer>()->elem)->TryAs<Array>()) {
        valid = true;
        length = a->len;
        x->type = ctx_->NewType<Slice>(a->elem);
      }
      break;
    case TypeKind::kSlice: valid = true; break;
    default: break;
  }
  if (!valid) {
    InvalidOp(*x, "cannot slice " + S(*x));
    x->SetInvalid();
    return;
  }
  x->mode = OperandMode::kValue;
  if (e->Slice3 && (e->High == nullptr || e->Max == nullptr)) {
    Error(e->Rbrack, "2nd and 3rd index required in 3-index slice");
    x->SetInvalid();
    return;
  }
  int64_t ind[3];
  syntax::Expr* exprs[3] = {e->Low, e->High, e->Max};
  for (int i = 0; i < 3; i++) {
    int64_t v = -1;
    if (exprs[i] != nullptr) {
      int64_t max = length >= 0 ? length + 1 : -1;
      int64_t r = -1;
      Index(exprs[i], max, &r);
      if (r >= 0) v = r;
    } else if (i == 0) {
      v = 0;
    } else if (length >= 0) {
      v = length;
    }
    ind[i] = v;
  }
  for (int i = 0; i < 2; i++) {
    if (ind[i] <= 0) continue;
    for (int j = i + 1; j < 3; j++) {
      if (ind[j] >= 0 && ind[j] < ind[i]) {
        // Report at the index that is too small, or at ']' when it is implicit.
        base::Pos at = exprs[j] != nullptr ? At(exprs[j]) : e->Rbrack;
        Errorf(at, "invalid slice indices: {} < {}", ind[j], ind[i]);
        return;
      }
    }
  }
}

}  // namespace gotool::types
