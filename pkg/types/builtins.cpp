// Calls of predeclared functions: append, len, make, new, min, max, clear, ... and
// package unsafe (go/types' builtins.go).
#include "pkg/types/checker.h"

namespace gotool::types {

namespace {

struct BuiltinInfo {
  const char* name;
  int nargs;
  bool variadic;
};

BuiltinInfo InfoOf(BuiltinId id) {
  static const BuiltinInfo kInfos[] = {
      {"append", 1, true},   {"cap", 1, false},       {"clear", 1, false},   {"close", 1, false},
      {"complex", 2, false}, {"copy", 2, false},      {"delete", 2, false},  {"imag", 1, false},
      {"len", 1, false},     {"make", 1, true},       {"max", 1, true},      {"min", 1, true},
      {"new", 1, false},     {"panic", 1, false},     {"print", 0, true},    {"println", 0, true},
      {"real", 1, false},    {"recover", 0, false},   {"Add", 2, false},     {"Alignof", 1, false},
      {"Offsetof", 1, false}, {"Sizeof", 1, false},   {"Slice", 2, false},   {"String", 2, false},
      {"StringData", 1, false}, {"SliceData", 1, false}, {"assert", 1, false}, {"trace", 0, true},
  };
  return kInfos[int(id)];
}

// EmptyInterface is the type of recover() and the parameter of panic: an interface{}
// that is not the universe's any (go/types prints "interface{}" for it, not "any").
Interface* EmptyInterface() {
  static Interface* const empty = [] {
    static Interface e;
    e.complete = true;
    return &e;
  }();
  return empty;
}

}  // namespace

// LenCapTypeParam reports whether len (or cap) applies to every type in t's type set.
static bool LenCapTypeParam(Type* t, BuiltinId id) {
  return ForEachTerm(t, [id](const Term& term) {
    if (term.type == nullptr) return false;
    Type* u = Underlying(term.type);
    if (Pointer* p = u->TryAs<Pointer>()) {
      if (Underlying(p->elem)->kind() == TypeKind::kArray) u = Underlying(p->elem);
    }
    switch (u->kind()) {
      case TypeKind::kBasic: return IsString(u) && id == BuiltinId::kLen;
      case TypeKind::kArray: case TypeKind::kSlice: case TypeKind::kChan: return true;
      case TypeKind::kMap: return id == BuiltinId::kLen;
      default: return false;
    }
  });
}

// RecordBuiltinSig records, for the callee of call, the signature of this use of a
// built-in as go/types does (its makeSig): untyped parameters get their default type,
// res may be null. Nothing is allocated when types are not recorded.
static void RecordBuiltinSig(Checker* check, syntax::CallExpr* call, Type* res,
                             std::initializer_list<Type*> params, bool variadic = false) {
  if (!check->RecordsTypes()) return;
  Context* ctx = check->ctx();
  Tuple* in = ctx->NewType<Tuple>();
  for (Type* t : params) {
    in->vars.push_back(ctx->NewObject<Var>(base::NoPos, nullptr, "", DefaultType(t)));
  }
  Tuple* out = ctx->NewType<Tuple>();
  if (res != nullptr) out->vars.push_back(ctx->NewObject<Var>(base::NoPos, nullptr, "", res));
  Signature* sig = ctx->NewType<Signature>();
  sig->params = in;
  sig->results = out;
  sig->variadic = variadic;
  check->RecordBuiltinType(call->Fun, sig);
}

// RecordPrintSig records print's or println's signature for these arguments.
static void RecordPrintSig(Checker* check, syntax::CallExpr* call, const std::vector<Operand>& args) {
  if (!check->RecordsTypes()) return;
  Context* ctx = check->ctx();
  Tuple* in = ctx->NewType<Tuple>();
  for (const Operand& a : args) {
    in->vars.push_back(ctx->NewObject<Var>(base::NoPos, nullptr, "", a.type));
  }
  Signature* sig = ctx->NewType<Signature>();
  sig->params = in;
  sig->results = ctx->NewType<Tuple>();
  check->RecordBuiltinType(call->Fun, sig);
}

// LenCap checks len(x) and cap(x).
static bool LenCap(Checker* check, Operand* x, syntax::CallExpr* call, BuiltinId id,
                   bool had_call_or_recv) {
  OperandMode mode = OperandMode::kInvalid;
  constant::Value val;
  Type* u = Underlying(x->type);
  if (Pointer* p = u->TryAs<Pointer>()) {
    if (Array* a = Underlying(p->elem)->TryAs<Array>()) u = a;
  }
  // A type parameter whose types all have a length: a (non-constant) value, as for slices.
  bool tparam_ok = IsTypeParam(x->type) && LenCapTypeParam(x->type, id);
  switch (tparam_ok ? TypeKind::kSlice : u->kind()) {
    case TypeKind::kBasic:
      if (IsString(u) && id == BuiltinId::kLen) {
        if (x->mode == OperandMode::kConstant) {
          mode = OperandMode::kConstant;
          val = constant::MakeInt64(int64_t(constant::StringVal(x->val).size()));
        } else {
          mode = OperandMode::kValue;
        }
      }
      break;
    case TypeKind::kArray:
      mode = OperandMode::kValue;
      if (!had_call_or_recv) {
        mode = OperandMode::kConstant;
        int64_t n = u->As<Array>()->len;
        val = n < 0 ? constant::MakeUnknown() : constant::MakeInt64(n);
      }
      break;
    case TypeKind::kSlice: case TypeKind::kChan: mode = OperandMode::kValue; break;
    case TypeKind::kMap: if (id == BuiltinId::kLen) mode = OperandMode::kValue; break;
    default: break;
  }
  if (mode == OperandMode::kInvalid) {
    if (!IsInvalid(u)) {
      check->Errorf(x->Pos(), "invalid argument: {} for {}", check->S(*x), InfoOf(id).name);
    }
    return false;
  }
  if (mode != OperandMode::kConstant) RecordBuiltinSig(check, call, Typ(BasicKind::kInt), {x->type});
  x->mode = mode;
  x->type = Typ(BasicKind::kInt);
  x->val = val;
  return true;
}

// Append checks append(s, x...).
static bool Append(Checker* check, Operand* x, syntax::CallExpr* call, std::vector<Operand>& args) {
  Type* S = x->type;
  Type* core = CoreType(S);
  Slice* s = core != nullptr ? core->TryAs<Slice>() : nullptr;
  if (s == nullptr) {
    std::string cause;
    if (check->IsNilOperand(*x)) {
      cause = "have untyped nil";
    } else if (IsTypeParam(S)) {
      // A type parameter's operations work on its core type: name it, or its absence.
      cause = core != nullptr ? check->S(*x) + " has core type " + check->S(core)
                              : check->S(*x) + " has no core type";
    } else {
      cause = "have " + check->S(*x);
    }
    check->Errorf(x->Pos(), "first argument to append must be a slice; {}", cause);
    return false;
  }
  if (args.size() == 2 && call->Ellipsis.IsValid()) {
    Slice bytes(GetUniverse().byte_type);
    if (check->AssignableTo(x, &bytes, nullptr)) {
      Operand& y = args[1];
      if (y.invalid()) return false;
      Type* ys = CoreString(y.type);
      if (ys != nullptr && IsString(ys)) {
        RecordBuiltinSig(check, call, S, {S, y.type}, true);
        x->mode = OperandMode::kValue;
        x->type = S;
        return true;
      }
    }
  }
  Signature sig;
  Tuple params;
  Var p0(base::NoPos, nullptr, "", S);
  Slice elems(s->elem);
  Var p1(base::NoPos, nullptr, "", &elems);
  params.vars = {&p0, &p1};
  sig.params = &params;
  sig.variadic = true;
  check->Arguments(call, &sig, args, false);
  if (check->RecordsTypes()) {
    RecordBuiltinSig(check, call, S, {S, check->ctx()->NewType<Slice>(s->elem)}, true);
  }
  x->mode = OperandMode::kValue;
  x->type = S;
  return true;
}

// MinMax checks min(x, ...) and max(x, ...).
static bool MinMax(Checker* check, Operand* x, BuiltinId id, std::vector<Operand>& args) {
  syntax::Token op = id == BuiltinId::kMax ? syntax::Token::GTR : syntax::Token::LSS;
  for (size_t i = 0; i < args.size(); i++) {
    Operand& a = args[i];
    if (a.invalid()) return false;
    if (!IsOrdered(a.type)) {
      check->Errorf(a.Pos(), "invalid argument: {} cannot be ordered", check->S(a));
      return false;
    }
    if (i == 0) {
      *x = a;
      continue;
    }
    check->MatchTypes(x, &a);
    if (x->invalid()) return false;
    if (!Identical(x->type, a.type)) {
      check->Errorf(a.Pos(), "invalid argument: mismatched types {} (previous argument) and {} (type of {})",
                    check->S(x->type), check->S(a.type), check->S(a.expr));
      return false;
    }
    if (x->mode == OperandMode::kConstant && a.mode == OperandMode::kConstant) {
      if (constant::Compare(a.val, op, x->val)) *x = a;
    } else {
      x->mode = OperandMode::kValue;
    }
  }
  if (x->mode != OperandMode::kConstant) {
    x->mode = OperandMode::kValue;
    check->Assignment(x, EmptyInterface(), std::string("argument to built-in ") + InfoOf(id).name);
    if (x->invalid()) return false;
  }
  for (Operand& a : args) check->UpdateExprType(a.expr, x->type, true);
  return true;
}

// ComplexOf maps a floating-point type to the complex type complex makes of it.
static Type* ComplexOf(Type* t) {
  Basic* b = Underlying(t)->TryAs<Basic>();
  if (b == nullptr) return nullptr;
  switch (b->basic_kind) {
    case BasicKind::kFloat32:
      return Typ(BasicKind::kComplex64);
    case BasicKind::kFloat64:
      return Typ(BasicKind::kComplex128);
    case BasicKind::kUntypedFloat:
      return Typ(BasicKind::kUntypedComplex);
    default:
      return nullptr;
  }
}

// PartOf maps a complex type to the floating-point type of its real and imaginary parts.
static Type* PartOf(Type* t) {
  Basic* b = Underlying(t)->TryAs<Basic>();
  if (b == nullptr) return nullptr;
  switch (b->basic_kind) {
    case BasicKind::kComplex64:
      return Typ(BasicKind::kFloat32);
    case BasicKind::kComplex128:
      return Typ(BasicKind::kFloat64);
    case BasicKind::kUntypedComplex:
      return Typ(BasicKind::kUntypedFloat);
    default:
      return nullptr;
  }
}

// ApplyTypeFunc returns f of x's type, nullptr when f has no result (go/types'
// applyTypeFunc). For a type parameter, f applies to each term of its type set and
// the result is a new type parameter of the same name and index, constrained by the
// union of the results; go1.18 and go1.19 accept such calls only with a (soft) error,
// issue #50937, and checking goes on with the new type parameter.
static Type* ApplyTypeFunc(Checker* check, Type* (*f)(Type*), Operand* x, BuiltinId id) {
  TypeParam* tp = x->type->TryAs<TypeParam>();
  if (tp == nullptr) return f(x->type);
  Context* ctx = check->ctx();
  Union* results = ctx->NewType<Union>();
  bool ok = ForEachTerm(tp, [&](const Term& t) {
    Type* r = t.type != nullptr ? f(t.type) : nullptr;
    if (r == nullptr) return false;
    results->terms.push_back(Term{t.tilde, r});
    return true;
  });
  if (!ok) return nullptr;
  check->SoftErrorf(x->Pos(), "{} not supported as argument to {} for go1.18 (see issue #50937)",
                    check->S(*x), InfoOf(id).name);
  Interface* bound = ctx->NewType<Interface>();
  bound->embeddeds.push_back(results);
  bound->embedded_pos.push_back(nullptr);
  bound->has_type_set = true;
  bound->complete = true;
  TypeName* name = ctx->NewObject<TypeName>(base::NoPos, check->pkg(), tp->obj->name, nullptr);
  TypeParam* res = ctx->NewType<TypeParam>(name);
  name->type = res;
  res->constraint = bound;
  res->index = tp->index;
  return res;
}

// Complex checks complex(x, y).
static bool ComplexBuiltin(Checker* check, Operand* x, Operand* y, syntax::CallExpr* call) {
  if (y->invalid()) return false;
  int d = (IsUntyped(x->type) ? 1 : 0) | (IsUntyped(y->type) ? 2 : 0);
  if (d == 1) check->ConvertUntyped(x, y->type);
  if (d == 2) check->ConvertUntyped(y, x->type);
  if (d == 3) {
    if (x->mode == OperandMode::kConstant && y->mode == OperandMode::kConstant) {
      auto to_float = [](Operand* o) {
        if (IsNumeric(o->type) && constant::Sign(constant::Imag(o->val)) == 0) {
          o->type = Typ(BasicKind::kUntypedFloat);
        }
      };
      to_float(x);
      to_float(y);
    } else {
      check->ConvertUntyped(x, Typ(BasicKind::kFloat64));
      check->ConvertUntyped(y, Typ(BasicKind::kFloat64));
    }
  }
  if (x->invalid() || y->invalid()) return false;
  if (!Identical(x->type, y->type)) {
    if (check->compiler_errors_) {
      check->Errorf(x->Pos(), "invalid operation: {} (mismatched types {} and {})", check->S(call),
                    check->S(x->type), check->S(y->type));
    } else {
      check->Errorf(x->Pos(), "invalid argument: mismatched types {} and {}", check->S(x->type),
                    check->S(y->type));
    }
    return false;
  }
  Type* res = ApplyTypeFunc(check, ComplexOf, x, BuiltinId::kComplex);
  if (res == nullptr) {
    check->Errorf(x->Pos(), "invalid argument: arguments have type {}, expected floating-point",
                  check->S(x->type));
    return false;
  }
  if (x->mode == OperandMode::kConstant && y->mode == OperandMode::kConstant) {
    x->val = constant::BinaryOp(constant::ToFloat(x->val), syntax::Token::ADD,
                                constant::MakeImag(constant::ToFloat(y->val)));
  } else {
    x->mode = OperandMode::kValue;
    RecordBuiltinSig(check, call, res, {x->type, x->type});
  }
  x->type = res;
  return true;
}

// RealImag checks real(x) and imag(x).
static bool RealImag(Checker* check, Operand* x, syntax::CallExpr* call, BuiltinId id) {
  if (IsUntyped(x->type)) {
    if (x->mode == OperandMode::kConstant) {
      if (IsNumeric(x->type)) x->type = Typ(BasicKind::kUntypedComplex);
    } else {
      check->ConvertUntyped(x, Typ(BasicKind::kComplex128));
      if (x->invalid()) return false;
    }
  }
  Type* res = ApplyTypeFunc(check, PartOf, x, id);
  if (res == nullptr) {
    check->Errorf(x->Pos(), "invalid argument: argument has type {}, expected complex type",
                  check->S(x->type));
    return false;
  }
  if (x->mode == OperandMode::kConstant) {
    x->val = id == BuiltinId::kReal ? constant::Real(x->val) : constant::Imag(x->val);
  } else {
    x->mode = OperandMode::kValue;
    RecordBuiltinSig(check, call, res, {x->type});
  }
  x->type = res;
  return true;
}

// Make checks make(T, args...).
static bool Make(Checker* check, Operand* x, syntax::CallExpr* call) {
  syntax::Expr* arg0 = call->Args[0];
  Type* T = check->VarType(arg0);
  if (IsInvalid(T)) return false;
  size_t min = 0;
  Type* core = CoreType(T);
  if (core == nullptr) {
    // go/types words it without the "invalid argument: " that types2 puts in front.
    check->Errorf(check->At(arg0), "{}cannot make {}: no core type",
                  check->compiler_errors_ ? "invalid argument: " : "", check->S(arg0));
    return false;
  }
  switch (core->kind()) {
    case TypeKind::kSlice: min = 2; break;
    case TypeKind::kMap: case TypeKind::kChan: min = 1; break;
    default:
      check->Errorf(check->At(arg0), "invalid argument: cannot make {}; type must be slice, map, or channel",
                    check->S(arg0));
      return false;
  }
  size_t nargs = call->Args.size;
  if (nargs < min || min + 1 < nargs) {
    check->Errorf(check->At(call), "invalid operation: {} expects {} or {} arguments; found {}",
                  check->S(call), min, min + 1, nargs);
    return false;
  }
  std::vector<int64_t> sizes;
  Type* size_types[2] = {nullptr, nullptr};
  for (size_t i = 1; i < nargs; i++) {
    int64_t size = -1;
    check->Index(call->Args[i], -1, &size, &size_types[i - 1]);
    if (size >= 0) sizes.push_back(size);
  }
  if (sizes.size() == 2 && sizes[0] > sizes[1]) {
    check->Error(check->At(call->Args[1]), "invalid argument: length and capacity swapped");
  }
  if (nargs == 1) RecordBuiltinSig(check, call, T, {T});
  if (nargs == 2) RecordBuiltinSig(check, call, T, {T, size_types[0]});
  if (nargs == 3) RecordBuiltinSig(check, call, T, {T, size_types[0], size_types[1]});
  x->mode = OperandMode::kValue;
  x->type = T;
  return true;
}

// HasVarSize reports whether the size of t depends on a type parameter, so that
// unsafe.Sizeof, Alignof and Offsetof are not constant (go/types' hasVarSize). seen
// holds the defined types on the path, a cycle through one counting as variable.
static bool HasVarSize(Type* t, std::unordered_map<Named*, bool>* seen) {
  Named* named = t->TryAs<Named>();
  if (named != nullptr) {
    auto [it, fresh] = seen->emplace(named, true);  // possibly cyclic until known
    if (!fresh) return it->second;
  }
  bool var_size = false;
  Type* u = Underlying(t);
  if (Array* a = u->TryAs<Array>()) {
    var_size = HasVarSize(a->elem, seen);
  } else if (Struct* s = u->TryAs<Struct>()) {
    for (Var* f : s->fields) {
      if (HasVarSize(f->type, seen)) {
        var_size = true;
        break;
      }
    }
  } else if (u->kind() == TypeKind::kInterface) {
    var_size = IsTypeParam(t);
  }
  if (named != nullptr) (*seen)[named] = var_size;
  return var_size;
}

static bool HasVarSize(Type* t) {
  std::unordered_map<Named*, bool> seen;
  return HasVarSize(t, &seen);
}

// Offsetof checks unsafe.Offsetof(x.f).
static bool Offsetof(Checker* check, Operand* x, syntax::CallExpr* call) {
  syntax::Expr* arg0 = call->Args[0];
  auto* selx = syntax::DynCast<syntax::SelectorExpr>(Unparen(arg0));
  if (selx == nullptr) {
    check->Errorf(check->At(arg0), "invalid argument: {} is not a selector expression", check->S(arg0));
    check->UseOne(arg0, false);
    return false;
  }
  check->Expr(x, selx->X);
  if (x->invalid()) return false;
  Type* base = x->type;
  if (Pointer* p = Underlying(base)->TryAs<Pointer>(); p && Underlying(p->elem)->kind() == TypeKind::kStruct) {
    base = p->elem;
  }
  std::string_view sel = selx->Sel->Name;
  LookupResult r = LookupFieldOrMethod(base, false, check->pkg(), sel);
  if (r.obj == nullptr) {
    check->Errorf(x->Pos(), "invalid argument: {} has no single field {}", check->S(base), sel);
    return false;
  }
  if (r.obj->kind() == ObjectKind::kFunc) {
    check->Errorf(check->At(arg0), "invalid argument: {} is a method value", check->S(arg0));
    return false;
  }
  if (r.indirect) {
    check->Errorf(x->Pos(), "invalid argument: field {} is embedded via a pointer in {}", sel, check->S(base));
    return false;
  }
  check->RecordSelection(selx, SelectionKind::kFieldVal, base, r.obj, r.index, false);
  // go/types records the selector too (issue #47895), as a value unless x is a variable.
  OperandMode sel_mode =
      x->mode == OperandMode::kVariable ? OperandMode::kVariable : OperandMode::kValue;
  check->RecordTypeAndValue(selx, sel_mode, r.obj->type, constant::Value());
  x->type = Typ(BasicKind::kUintptr);
  // An offset is not constant when any part of the struct has a variable size, even
  // a part after the field.
  if (HasVarSize(base)) {
    x->mode = OperandMode::kValue;
    RecordBuiltinSig(check, call, x->type, {r.obj->type});
    return true;
  }
  int64_t offs = 0;
  Type* t = base;
  for (int i : r.index) {
    Struct* s = Underlying(t)->As<Struct>();
    offs += Offsetsof(s, check->compiler_errors_)[size_t(i)];
    t = s->fields[size_t(i)]->type;
  }
  x->mode = OperandMode::kConstant;
  x->val = constant::MakeInt64(offs);
  return true;
}

// UnsafeCall checks the functions of package unsafe other than Offsetof.
static bool UnsafeCall(Checker* check, Operand* x, syntax::CallExpr* call, BuiltinId id,
                       std::vector<Operand>& args) {
  switch (id) {
    case BuiltinId::kAdd: {
      check->Assignment(x, Typ(BasicKind::kUnsafePointer), "argument to unsafe.Add");
      if (x->invalid()) return false;
      if (!check->IsValidIndex(&args[1], "length", true)) return false;
      x->mode = OperandMode::kValue;
      x->type = Typ(BasicKind::kUnsafePointer);
      RecordBuiltinSig(check, call, x->type, {x->type, args[1].type});
      return true;
    }
    case BuiltinId::kAlignof: case BuiltinId::kSizeof: {
      check->Assignment(x, nullptr, id == BuiltinId::kAlignof ? "argument to unsafe.Alignof"
                                                               : "argument to unsafe.Sizeof");
      if (x->invalid()) return false;
      if (HasVarSize(x->type)) {
        x->mode = OperandMode::kValue;
        RecordBuiltinSig(check, call, Typ(BasicKind::kUintptr), {x->type});
      } else {
        // -compiler mirrors cmd/compile and its sizes; otherwise go/types' StdSizes.
        int64_t v =
            id == BuiltinId::kAlignof ? Alignof(x->type) : Sizeof(x->type, check->compiler_errors_);
        x->mode = OperandMode::kConstant;
        x->val = constant::MakeInt64(v);
      }
      x->type = Typ(BasicKind::kUintptr);
      return true;
    }
    case BuiltinId::kSlice: case BuiltinId::kString: {
      Pointer* p = Underlying(x->type)->TryAs<Pointer>();
      if (p == nullptr) {
        check->Errorf(x->Pos(), "invalid argument: {} is not a pointer", check->S(*x));
        return false;
      }
      if (!check->IsValidIndex(&args[1], "length", false)) return false;
      x->mode = OperandMode::kValue;
      x->type = id == BuiltinId::kSlice ? static_cast<Type*>(check->ctx()->NewType<Slice>(p->elem))
                                        : Typ(BasicKind::kString);
      if (id == BuiltinId::kSlice) RecordBuiltinSig(check, call, x->type, {p, args[1].type});
      return true;
    }
    case BuiltinId::kStringData:
      check->Assignment(x, Typ(BasicKind::kString), "argument to unsafe.StringData");
      if (x->invalid()) return false;
      x->mode = OperandMode::kValue;
      x->type = check->ctx()->NewType<Pointer>(GetUniverse().byte_type);
      return true;
    case BuiltinId::kSliceData: {
      Slice* s = Underlying(x->type)->TryAs<Slice>();
      if (s == nullptr) {
        check->Errorf(x->Pos(), "invalid argument: {} is not a slice", check->S(*x));
        return false;
      }
      x->mode = OperandMode::kValue;
      x->type = check->ctx()->NewType<Pointer>(s->elem);
      return true;
    }
    default: return false;
  }
}

bool Checker::BuiltinCall(Operand* x, syntax::CallExpr* call, BuiltinId id) {
  BuiltinInfo bin = InfoOf(id);
  if (call->Ellipsis.IsValid() && id != BuiltinId::kAppend) {
    Errorf(call->Ellipsis, "invalid operation: invalid use of ... with built-in {}", bin.name);
    Use(call->Args);
    return false;
  }
  bool saved_call = env_.has_call_or_recv;
  if (id == BuiltinId::kLen || id == BuiltinId::kCap) env_.has_call_or_recv = false;
  std::vector<Operand> args;
  size_t nargs = call->Args.size;
  bool special = id == BuiltinId::kMake || id == BuiltinId::kNew || id == BuiltinId::kOffsetof ||
                 id == BuiltinId::kTrace;
  if (!special) {
    args = ExprList(call->Args, false, nullptr);
    nargs = args.size();
    if (nargs > 0) {
      *x = args[0];
      if (x->invalid()) {
        if (id == BuiltinId::kLen || id == BuiltinId::kCap) env_.has_call_or_recv = saved_call;
        return false;
      }
    }
  }
  bool had_call = env_.has_call_or_recv;
  if (id == BuiltinId::kLen || id == BuiltinId::kCap) env_.has_call_or_recv = saved_call;
  const char* msg = nullptr;
  if (nargs < size_t(bin.nargs)) msg = "not enough";
  if (!bin.variadic && nargs > size_t(bin.nargs)) msg = "too many";
  if (msg != nullptr) {
    Errorf(call->Rparen, "invalid operation: {} arguments for {} (expected {}, found {})", msg,
           S(call), bin.nargs, nargs);
    return false;
  }
  switch (id) {
    case BuiltinId::kAppend: return Append(this, x, call, args);
    case BuiltinId::kCap: case BuiltinId::kLen: return LenCap(this, x, call, id, had_call);
    case BuiltinId::kClear: {
      TypeKind k = CoreUnder(x->type)->kind();
      if (k != TypeKind::kMap && k != TypeKind::kSlice) {
        Errorf(x->Pos(), "invalid argument: {} cannot be cleared: argument must be (or constrained by) map or slice", S(*x));
        return false;
      }
      x->mode = OperandMode::kNoValue;
      return true;
    }
    case BuiltinId::kClose: {
      // Every type of a type parameter's type set must be a closable channel.
      bool ok = ForEachTerm(x->type, [&](const Term& t) {
        Chan* c = t.type ? Underlying(t.type)->TryAs<Chan>() : nullptr;
        if (c == nullptr) {
          InvalidOp(*x, "cannot close non-channel " + S(*x));
          return false;
        }
        if (c->dir == ChanDir::kRecvOnly) {
          InvalidOp(*x, "cannot close receive-only channel " + S(*x));
          return false;
        }
        return true;
      });
      if (!ok) return false;
      RecordBuiltinSig(this, call, nullptr, {x->type});
      x->mode = OperandMode::kNoValue;
      return true;
    }
    case BuiltinId::kComplex: return ComplexBuiltin(this, x, &args[1], call);
    case BuiltinId::kCopy: {
      Slice* dst = CoreUnder(x->type)->TryAs<Slice>();
      Operand& y = args[1];
      if (y.invalid()) return false;
      Type* src0 = IsTypeParam(y.type) ? CoreString(y.type) : Underlying(y.type);
      if (src0 == nullptr) src0 = Underlying(y.type);
      Slice bytes(GetUniverse().byte_type);
      if (IsString(src0)) src0 = &bytes;
      Slice* src = src0->TryAs<Slice>();
      if (dst == nullptr || src == nullptr) {
        Errorf(x->Pos(), "invalid argument: copy expects slice arguments; found {} and {}", S(*x), S(y));
        return false;
      }
      if (!Identical(dst->elem, src->elem)) {
        Errorf(x->Pos(), "arguments to copy {} and {} have different element types {} and {}", S(*x),
               S(y), S(dst->elem), S(src->elem));
        return false;
      }
      RecordBuiltinSig(this, call, Typ(BasicKind::kInt), {x->type, y.type});
      x->mode = OperandMode::kValue;
      x->type = Typ(BasicKind::kInt);
      return true;
    }
    case BuiltinId::kDelete: {
      // Every type of a type parameter's set must be a map with the same key type.
      Type* key = nullptr;
      bool maps = ForEachTerm(x->type, [&](const Term& t) {
        Map* m = t.type ? Underlying(t.type)->TryAs<Map>() : nullptr;
        if (m == nullptr) {
          Errorf(x->Pos(), "invalid argument: {} is not a map", S(*x));
          return false;
        }
        if (key != nullptr && !Identical(key, m->key)) {
          Errorf(x->Pos(), "invalid argument: maps of {} must have identical key types", S(*x));
          return false;
        }
        key = m->key;
        return true;
      });
      if (!maps) return false;
      Type* map_type = x->type;
      *x = args[1];
      if (x->invalid()) return false;
      Assignment(x, key, "argument to delete");
      if (x->invalid()) return false;
      RecordBuiltinSig(this, call, nullptr, {map_type, key});
      x->mode = OperandMode::kNoValue;
      return true;
    }
    case BuiltinId::kImag: case BuiltinId::kReal: return RealImag(this, x, call, id);
    case BuiltinId::kMake: return Make(this, x, call);
    case BuiltinId::kMax: case BuiltinId::kMin: return MinMax(this, x, id, args);
    case BuiltinId::kNew: {
      Type* T = VarType(call->Args[0]);
      if (IsInvalid(T)) return false;
      x->mode = OperandMode::kValue;
      x->type = ctx_->NewType<Pointer>(T);
      RecordBuiltinSig(this, call, x->type, {T});
      return true;
    }
    case BuiltinId::kPanic:
      if (env_.sig != nullptr && env_.sig->results->size() > 0) is_panic_.insert(call);
      Assignment(x, EmptyInterface(), "argument to panic");
      if (x->invalid()) return false;
      RecordBuiltinSig(this, call, nullptr, {EmptyInterface()});
      x->mode = OperandMode::kNoValue;
      return true;
    case BuiltinId::kPrint: case BuiltinId::kPrintln:
      for (Operand& a : args) {
        Assignment(&a, nullptr, std::string("argument to ") + bin.name);
        if (a.invalid()) return false;
      }
      RecordPrintSig(this, call, args);
      x->mode = OperandMode::kNoValue;
      return true;
    case BuiltinId::kRecover:
      x->mode = OperandMode::kValue;
      x->type = EmptyInterface();
      RecordBuiltinSig(this, call, x->type, {});
      return true;
    case BuiltinId::kOffsetof: return Offsetof(this, x, call);
    case BuiltinId::kAssert:
      if (x->mode != OperandMode::kConstant || !IsBoolean(x->type)) {
        Errorf(x->Pos(), "invalid argument: {} is not a boolean constant", S(*x));
        return false;
      }
      if (!constant::BoolVal(x->val)) Errorf(At(call), "{} failed", S(call));
      return true;
    case BuiltinId::kTrace:
      x->mode = OperandMode::kNoValue;
      return true;
    default: return UnsafeCall(this, x, call, id, args);
  }
}

}  // namespace gotool::types
