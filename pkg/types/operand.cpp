// Assignability, interface implementation and convertibility of operands
// (go/types' operand.go assignableTo, instantiate.go implements, conversions.go).
#include "pkg/base/utf8.h"
#include "pkg/types/checker.h"

namespace gotool::types {

bool Checker::ImplementsIface(Type* V, Type* T, std::string* reason) {
  Type* Vu = Underlying(V);
  Type* Tu = Underlying(T);
  if (IsInvalid(Vu) || IsInvalid(Tu)) return true;
  if (Pointer* p = Vu->TryAs<Pointer>(); p && IsInvalid(Underlying(p->elem))) return true;
  Interface* Ti = Tu->TryAs<Interface>();
  if (Ti == nullptr) {
    if (reason) {
      std::string cause = IsInterfacePtr(Tu) ? "type " + S(T) + " is pointer to interface, not interface"
                                             : S(T) + " is not an interface";
      *reason = S(V) + " does not implement " + S(T) + " (" + cause + ")";
    }
    return false;
  }
  CompleteInterface(Ti);
  if (Ti->Empty()) return true;
  MissingMethodResult r = MissingMethod(
      V, Ti, true, [](void* c, Func* f) { static_cast<Checker*>(c)->ResolveMethod(f); }, this);
  if (r.method != nullptr) {
    if (reason) {
      *reason = S(V) + " does not implement " + S(T) + " " + MissingMethodReason(V, T, r.method, r.alt);
    }
    return false;
  }
  if (Ti->is_comparable && !Comparable(V)) {
    if (reason) *reason = S(V) + " does not implement comparable";
    return false;
  }
  return true;
}

bool Checker::AssignableTo(Operand* x, Type* T, std::string* reason) {
  if (x->invalid() || IsInvalid(T)) return true;
  Type* V = x->type;
  if (Identical(V, T)) return true;
  Type* Vu = Underlying(V);
  Type* Tu = Underlying(T);
  TypeParam* Vp = V->TryAs<TypeParam>();
  TypeParam* Tp = T->TryAs<TypeParam>();
  if (IsUntyped(Vu)) {
    Type* out = nullptr;
    constant::Value val;
    int code = 0;
    if (Tp != nullptr) {
      // Representable by every type in T's type set.
      return ForEachTerm(T, [&](const Term& t) {
        if (t.type == nullptr) return false;
        Operand y = *x;
        code = 0;
        ImplicitTypeAndValue(&y, t.type, &out, &val, &code);
        return code == 0;
      });
    }
    ImplicitTypeAndValue(x, T, &out, &val, &code);
    return code == 0;
  }
  if (Identical(Vu, Tu) && (!HasName(V) || !HasName(T)) && Vp == nullptr && Tp == nullptr) {
    return true;
  }
  if ((Tu->kind() == TypeKind::kInterface && Tp == nullptr) || IsInterfacePtr(Tu)) {
    return ImplementsIface(V, T, reason);
  }
  if (Vu->kind() == TypeKind::kInterface && Vp == nullptr) {
    if (ImplementsIface(T, V, nullptr)) {
      if (reason) *reason = "need type assertion";
      return false;
    }
  }
  if (Chan* vc = Vu->TryAs<Chan>(); vc && vc->dir == ChanDir::kSendRecv) {
    if (Chan* tc = Tu->TryAs<Chan>(); tc && Identical(vc->elem, tc->elem)) {
      return !HasName(V) || !HasName(T);
    }
  }
  if (Vp == nullptr && Tp == nullptr) return false;
  return AssignableTypeParam(x, T, reason);
}

bool Checker::AssignableTypeParam(Operand* x, Type* T, std::string* reason) {
  Type* V = x->type;
  auto explain = [&](std::string msg) {
    if (reason == nullptr) return;
    if (!reason->empty()) msg += "\n\t" + *reason;
    *reason = msg;
  };
  if (!HasName(V) && IsTypeParam(T)) {
    bool ok = false;
    ForEachTerm(T, [&](const Term& t) {
      if (t.type == nullptr) return false;
      ok = AssignableTo(x, t.type, reason);
      if (!ok) explain("cannot assign " + S(V) + " to " + S(t.type) + " (in " + S(T) + ")");
      return ok;
    });
    return ok;
  }
  if (IsTypeParam(V) && !HasName(T)) {
    bool ok = false;
    ForEachTerm(V, [&](const Term& t) {
      if (t.type == nullptr) return false;
      Operand y = *x;
      y.type = t.type;
      ok = AssignableTo(&y, T, reason);
      if (!ok) explain("cannot assign " + S(t.type) + " (in " + S(V) + ") to " + S(T));
      return ok;
    });
    return ok;
  }
  return false;
}

namespace {

bool IsBytesOrRunes(Type* t) {
  Slice* s = Underlying(t)->TryAs<Slice>();
  if (s == nullptr) return false;
  Basic* b = Underlying(s->elem)->TryAs<Basic>();
  return b != nullptr && (b->basic_kind == BasicKind::kUint8 || b->basic_kind == BasicKind::kInt32);
}

bool IsPointerType(Type* t) { return Underlying(t)->kind() == TypeKind::kPointer; }

}  // namespace

bool Checker::ConvertibleTo(Operand* x, Type* T, std::string* cause) {
  if (AssignableTo(x, T, cause)) return true;
  Type* V = x->type;
  Type* Vu = Underlying(V);
  Type* Tu = Underlying(T);
  // Type parameters convert by their type sets (below), not by their constraints.
  if (IdenticalIgnoreTags(Vu, Tu) && !IsTypeParam(V) && !IsTypeParam(T)) return true;
  if (Pointer* vp = V->TryAs<Pointer>()) {
    if (Pointer* tp = T->TryAs<Pointer>()) {
      if (IdenticalIgnoreTags(Underlying(vp->elem), Underlying(tp->elem)) &&
          !IsTypeParam(vp->elem) && !IsTypeParam(tp->elem)) {
        return true;
      }
    }
  }
  if ((IsInteger(Vu) || IsFloat(Vu)) && (IsInteger(Tu) || IsFloat(Tu))) return true;
  if (IsComplex(Vu) && IsComplex(Tu)) return true;
  if ((IsInteger(Vu) || IsBytesOrRunes(Vu)) && IsString(Tu)) return true;
  if (IsString(Vu) && IsBytesOrRunes(Tu)) return true;
  if ((IsPointerType(Vu) || IsUintptr(Vu)) && IsUnsafePointer(Tu)) return true;
  if (IsUnsafePointer(Vu) && (IsPointerType(Tu) || IsUintptr(Tu))) return true;
  if (Slice* s = Vu->TryAs<Slice>()) {
    if (Pointer* p = Tu->TryAs<Pointer>()) {
      if (Array* a = Underlying(p->elem)->TryAs<Array>(); a && Identical(s->elem, a->elem)) {
        if (AllowVersion(17)) return true;
        if (cause) *cause = "conversion of slice to array pointer requires go1.17 or later";
        return false;
      }
    }
    if (Array* a = Tu->TryAs<Array>(); a && Identical(s->elem, a->elem) && AllowVersion(20)) {
      return true;  // go1.20
    }
  }
  if (!IsTypeParam(V) && !IsTypeParam(T)) return false;
  return ConvertibleTypeParam(x, T, cause);
}

bool Checker::ConvertibleTypeParam(Operand* x, Type* T, std::string* cause) {
  Type* V = x->type;
  auto explain = [&](std::string msg) {
    if (cause == nullptr) return;
    if (!cause->empty()) msg += "\n\t" + *cause;
    *cause = msg;
  };
  // Every type of V's type set (V itself if no type parameter) must convert to
  // every type of T's.
  return ForEachTerm(V, [&](const Term& vt) {
    if (vt.type == nullptr) return false;
    Operand y = *x;
    y.type = vt.type;
    return ForEachTerm(T, [&](const Term& tt) {
      if (tt.type == nullptr) return false;
      if (ConvertibleTo(&y, tt.type, cause)) return true;
      if (IsTypeParam(V) && IsTypeParam(T)) {
        explain("cannot convert " + S(vt.type) + " (in " + S(V) + ") to " + S(tt.type) + " (in " +
                S(T) + ")");
      } else if (IsTypeParam(V)) {
        explain("cannot convert " + S(vt.type) + " (in " + S(V) + ") to " + S(T));
      } else {
        explain("cannot convert " + S(x->type) + " to " + S(tt.type) + " (in " + S(T) + ")");
      }
      return false;
    });
  });
}

void Checker::Conversion(Operand* x, Type* T) {
  bool const_arg = x->mode == OperandMode::kConstant;
  bool ok = false;
  std::string cause;
  if (const_arg && IsTypeParam(T)) {
    // Convertible to every type of T's type set; the result is no constant.
    ok = ForEachTerm(T, [&](const Term& t) {
      if (t.type == nullptr) {
        cause = S(T) + " does not contain specific types";
        return false;
      }
      Type* u = Underlying(t.type);
      if (IsString(x->type) && IsBytesOrRunes(u)) return true;
      Operand y = *x;
      std::string unused;
      bool fits = false;
      if (IsConstType(u)) {
        constant::Value v;
        constant::ConversionError err;
        fits = RepresentableValue(&y, u->As<Basic>(), &v, &err) ||
               (IsInteger(x->type) && IsString(u));
      } else {
        fits = ConvertibleTo(&y, u, &unused);
      }
      if (!fits) cause = "cannot convert " + S(*x) + " to " + S(u) + " (in " + S(T) + ")";
      return fits;
    });
    x->mode = OperandMode::kValue;  // type parameters are not constants, even in errors
  } else if (const_arg && IsConstType(T)) {
    Basic* t = Underlying(T)->As<Basic>();
    constant::Value v;
    constant::ConversionError err;
    if (RepresentableValue(x, t, &v, &err)) {
      x->val = v;
      ok = true;
    } else if (IsInteger(x->type) && IsString(t)) {
      bool exact = false;
      uint64_t i = constant::Uint64Val(x->val, &exact);
      int32_t cp = (exact && i <= 0x10FFFF && !(i >= 0xD800 && i <= 0xDFFF)) ? int32_t(i) : 0xFFFD;
      std::string s;
      base::AppendRune(&s, cp);
      x->val = constant::MakeString(s);
      ok = true;
    }
  } else if (ConvertibleTo(x, T, &cause)) {
    ok = true;
    x->mode = OperandMode::kValue;
  }
  if (!ok) {
    if (compiler_errors_) {
      if (!cause.empty()) {
        Errorf(x->Pos(), "cannot convert {} to type {}:\n\t{}", S(*x), S(T), cause);
      } else {
        Errorf(x->Pos(), "cannot convert {} to type {}", S(*x), S(T));
      }
    } else if (!cause.empty()) {
      Errorf(x->Pos(), "cannot convert {} to {} ({})", S(*x), S(T), cause);
    } else {
      Errorf(x->Pos(), "cannot convert {} to {}", S(*x), S(T));
    }
    x->SetInvalid();
    return;
  }
  if (IsUntyped(x->type)) {
    Type* final = T;
    if (IsInterface(T) || (const_arg && !IsConstType(T)) || IsNilOperand(*x)) {
      final = DefaultType(x->type);
    } else if (x->mode == OperandMode::kConstant && IsInteger(x->type) && IsString(T)) {
      final = x->type;
    }
    UpdateExprType(x->expr, final, true);
  }
  x->type = T;
}

}  // namespace gotool::types
