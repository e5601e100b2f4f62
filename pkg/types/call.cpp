// Calls, conversions written as calls, argument passing and selectors x.f
// (go/types' call.go).
#include <cctype>

#include "pkg/types/checker.h"

namespace gotool::types {

std::vector<Operand> Checker::ExprList(syntax::List<syntax::Expr> elist, bool allow_comma_ok,
                                       bool* comma_ok) {
  std::vector<Operand> xlist;
  if (comma_ok) *comma_ok = false;
  if (elist.size == 1) {
    syntax::Expr* e = elist[0];
    Operand x;
    MultiExpr(&x, e);
    if (x.type != nullptr && x.mode != OperandMode::kInvalid) {
      if (Tuple* t = x.type->TryAs<Tuple>()) {
        for (Var* v : t->vars) {
          Operand o;
          o.mode = OperandMode::kValue;
          o.expr = e;
          o.type = v->type;
          xlist.push_back(o);
        }
        return xlist;
      }
    }
    xlist.push_back(x);
    if (allow_comma_ok && (x.mode == OperandMode::kMapIndex || x.mode == OperandMode::kCommaOk)) {
      Operand x2;
      x2.mode = OperandMode::kValue;
      x2.expr = e;
      x2.type = Typ(BasicKind::kUntypedBool);
      xlist.push_back(x2);
      if (comma_ok) *comma_ok = true;
    }
    return xlist;
  }
  for (syntax::Expr* e : elist) {
    Operand x;
    Expr(&x, e);
    xlist.push_back(x);
  }
  return xlist;
}

namespace {

bool IsStatementBuiltin(BuiltinId id) {
  switch (id) {
    case BuiltinId::kClear: case BuiltinId::kClose: case BuiltinId::kCopy: case BuiltinId::kDelete:
    case BuiltinId::kPanic: case BuiltinId::kPrint: case BuiltinId::kPrintln:
    case BuiltinId::kRecover: case BuiltinId::kAssert: case BuiltinId::kTrace: return true;
    default: return false;
  }
}

}  // namespace

// ConversionCall checks T(args) where T is a type.
static void ConversionCall(Checker* check, Operand* x, syntax::CallExpr* call) {
  check->NonGeneric(x);  // T(x) with a generic T: reported, the argument is left alone
  if (x->invalid()) {
    x->expr = call;
    return;
  }
  Type* T = x->type;
  x->SetInvalid();
  size_t n = call->Args.size;
  if (n == 0) {
    check->Errorf(call->Rparen, "missing argument in conversion to {}", check->S(T));
  } else if (n == 1) {
    check->Expr(x, call->Args[0]);
    if (!x->invalid()) {
      if (call->Ellipsis.IsValid()) {
        check->Errorf(check->At(call->Args[0]), "invalid use of ... in conversion to {}", check->S(T));
      } else {
        Interface* t = IsTypeParam(T) ? nullptr : Underlying(T)->TryAs<Interface>();
        if (t != nullptr) {
          CompleteInterface(t);
          ComputeTypeSet(t);
        }
        if (t != nullptr && ((t->has_type_set && !t->tset_all) || t->is_comparable)) {
          check->Errorf(check->At(call),
                        "cannot use interface {} in conversion (contains specific type constraints or is comparable)",
                        check->S(T));
        } else {
          check->Conversion(x, T);
        }
      }
    }
  } else {
    check->Use(call->Args);
    check->Errorf(check->At(call->Args[n - 1]), "too many arguments in conversion to {}", check->S(T));
  }
  x->expr = call;
}

// GenericCallee evaluates f[T...] of a call: a generic function whose type
// arguments combine with inference from the call's arguments (*xlist set), or any
// other index expression, evaluated as usual.
static void GenericCallee(Checker* check, Operand* x, syntax::CallExpr* call,
                          std::vector<syntax::Expr*>* xlist) {
  syntax::Expr* fx = nullptr;
  std::vector<syntax::Expr*> indices = IndexList(call->Fun, &fx);
  if (fx != nullptr) {
    check->ExprOrType(x, fx, true);
    if (x->mode == OperandMode::kValue && IsGenericSignature(x->type)) {
      *xlist = std::move(indices);
      return;
    }
    if (x->invalid()) {
      for (syntax::Expr* i : indices) check->UseOne(i, false);
      x->expr = call->Fun;
      return;
    }
  }
  check->ExprOrType(x, call->Fun, true);
}

Checker::ExprKind Checker::CallExpr(Operand* x, syntax::CallExpr* call) {
  std::vector<syntax::Expr*> xlist;
  GenericCallee(this, x, call, &xlist);
  switch (x->mode) {
    case OperandMode::kInvalid:
      Use(call->Args);
      x->expr = call;
      return ExprKind::kStatement;
    case OperandMode::kTypexpr:
      ConversionCall(this, x, call);
      return ExprKind::kConversion;
    case OperandMode::kBuiltin: {
      BuiltinId id = x->id;
      if (!BuiltinCall(x, call, id)) x->SetInvalid();
      x->expr = call;
      if (!x->invalid() && x->mode != OperandMode::kConstant) env_.has_call_or_recv = true;
      return IsStatementBuiltin(id) ? ExprKind::kStatement : ExprKind::kExpression;
    }
    default: break;
  }
  Signature* sig = CoreUnder(x->type)->TryAs<Signature>();
  if (sig == nullptr) {
    InvalidOp(*x, "cannot call non-function " + S(*x));
    Use(call->Args);
    x->SetInvalid();
    x->expr = call;
    return ExprKind::kStatement;
  }
  std::vector<Type*> targs;
  if (!xlist.empty()) {
    bool ok = false;
    targs = TypeList(xlist, &ok);
    if (ok && targs.size() > sig->type_params.size()) {
      Errorf(At(xlist[sig->type_params.size()]), "got {} type arguments but want {}", targs.size(),
             sig->type_params.size());
      ok = false;
    }
    if (!ok) {
      Use(call->Args);
      x->SetInvalid();
      x->expr = call;
      return ExprKind::kStatement;
    }
  }
  std::vector<Operand> args = ExprList(call->Args, false, nullptr);
  bool check_args = true;
  if (!sig->type_params.empty()) {
    Signature* inst = InferCall(call, sig, targs, xlist, &args, &check_args);
    if (inst != nullptr) {
      sig = inst;
      RecordTypeAndValue(call->Fun, OperandMode::kValue, sig, {});
    }
  }
  if (check_args) Arguments(call, sig, args, false);
  if (!sig->type_params.empty()) {
    // Inference failed (reported): a result of parameterized type is unusable. (The
    // arguments were evaluated above: evaluating them again would repeat their errors.)
    x->SetInvalid();
    x->expr = call;
    return ExprKind::kStatement;
  }
  size_t nres = sig->results ? sig->results->size() : 0;
  if (nres == 0) {
    x->mode = OperandMode::kNoValue;
  } else if (nres == 1) {
    x->mode = OperandMode::kValue;
    x->type = sig->results->vars[0]->type;
  } else {
    x->mode = OperandMode::kValue;
    x->type = sig->results;
  }
  x->expr = call;
  env_.has_call_or_recv = true;
  return ExprKind::kStatement;
}

// TypesSummary formats argument or parameter types for count mismatch messages.
static std::string TypesSummary(Checker* check, const std::vector<Type*>& list, bool variadic) {
  std::string out = "(";
  for (size_t i = 0; i < list.size(); i++) {
    Type* t = list[i];
    if (i > 0) out += ", ";
    if (t == nullptr || IsInvalid(t)) {
      out += "<T>";
    } else if (IsUntyped(t)) {
      if (IsNumeric(t)) {
        out += "number";
      } else {
        std::string_view name = t->As<Basic>()->name;
        if (name.starts_with("untyped ")) name.remove_prefix(8);
        out += name;
      }
    } else if (variadic && i + 1 == list.size() && t->kind() == TypeKind::kSlice) {
      out += "..." + check->S(t->As<Slice>()->elem);
    } else {
      out += check->S(t);
    }
  }
  return out + ")";
}

void Checker::Arguments(syntax::CallExpr* call, Signature* sig, std::vector<Operand>& args,
                        bool comma_ok_args) {
  (void)comma_ok_args;
  for (Operand& a : args) {
    if (a.mode == OperandMode::kTypexpr) {
      Errorf(a.Pos(), "{} used as value", S(a));
      return;
    }
    if (a.invalid()) return;
  }
  size_t nargs = args.size();
  size_t npars = sig->params ? sig->params->size() : 0;
  bool ddd = call->Ellipsis.IsValid();
  std::vector<Type*> par_types;
  if (sig->params) {
    for (Var* v : sig->params->vars) par_types.push_back(v->type);
  }
  std::vector<Type*> adjusted = par_types;
  if (sig->variadic) {
    if (ddd) {
      if (call->Args.size == 1 && nargs > 1) {
        Errorf(call->Ellipsis, "cannot use ... with {}-valued {}", nargs, S(call->Args[0]));
        return;
      }
    } else if (nargs + 1 >= npars) {
      adjusted.resize(npars - 1);
      Type* elem = par_types.back()->As<Slice>()->elem;
      while (adjusted.size() < nargs) adjusted.push_back(elem);
      npars = nargs;
    } else {
      npars--;
    }
  } else if (ddd) {
    Errorf(call->Ellipsis, "cannot use ... in call to non-variadic {}", S(call->Fun));
    return;
  }
  if (nargs != npars) {
    base::Pos at = call->Rparen;
    std::string qualifier = "not enough";
    if (nargs > npars) {
      at = args[npars].Pos();
      qualifier = "too many";
    }
    std::vector<Type*> have;
    for (Operand& a : args) have.push_back(a.type);
    Errorf(at, "{} arguments in call to {}\n\thave {}\n\twant {}", qualifier, S(call->Fun),
           TypesSummary(this, have, false), TypesSummary(this, par_types, sig->variadic));
    return;
  }
  std::string context = "argument to " + S(call->Fun);
  for (size_t i = 0; i < nargs; i++) Assignment(&args[i], adjusted[i], context);
}

Signature* Checker::InferCall(syntax::CallExpr* call, Signature* sig,
                              const std::vector<Type*>& targs,
                              const std::vector<syntax::Expr*>& xlist, std::vector<Operand>* args,
                              bool* check_args) {
  if (!AllowVersion(18)) {
    constexpr std::string_view kFuncInst = "function instantiation requires go1.18 or later";
    if (auto* fx = syntax::DynCast<syntax::IndexExpr>(call->Fun)) {
      VersionError(fx->Lbrack, kFuncInst, "function instantiation", "go1.18");
    } else if (auto* fl = syntax::DynCast<syntax::IndexListExpr>(call->Fun)) {
      VersionError(fl->Lbrack, kFuncInst, "function instantiation", "go1.18");
    } else {
      VersionError(call->Lparen, "implicit function instantiation requires go1.18 or later",
                   "implicit function instantiation", "go1.18");
    }
  }
  for (const Operand& a : *args) {
    if (a.invalid() || a.mode == OperandMode::kTypexpr) return nullptr;
  }
  // The parameters as the arguments see them: a variadic tail spread out.
  size_t npars = sig->params ? sig->params->size() : 0;
  Tuple* params = sig->params;
  if (sig->variadic && !call->Ellipsis.IsValid() && npars > 0 && args->size() + 1 >= npars) {
    params = ctx_->NewType<Tuple>();
    for (size_t i = 0; i + 1 < npars; i++) params->vars.push_back(sig->params->vars[i]);
    Type* elem = sig->params->vars.back()->type->As<Slice>()->elem;
    Var* last = sig->params->vars.back();
    while (params->size() < args->size()) {
      params->vars.push_back(ctx_->NewObject<Var>(last->pos, last->pkg, last->name, elem));
    }
  }
  if (params == nullptr || params->size() != args->size()) return nullptr;  // count error follows
  const std::vector<TypeParam*>& tparams = sig->type_params;
  std::vector<Type*> inferred =
      targs.size() == tparams.size() ? targs : Infer(call, tparams, targs, params, args, true);
  if (inferred.empty()) {
    *check_args = false;  // the inference error was reported
    return nullptr;
  }
  Signature* inst = InstantiateFunc(call, sig, inferred, xlist);
  syntax::Expr* fx = nullptr;
  IndexList(call->Fun, &fx);
  RecordInstance(fx != nullptr ? fx : call->Fun, inferred, inst);
  return inst;
}

// PackageSelector handles pkg.Name; it returns false if e.X is not a package name.
static bool PackageSelector(Checker* check, Operand* x, syntax::SelectorExpr* e) {
  auto* ident = syntax::DynCast<syntax::Ident>(e->X);
  if (ident == nullptr) return false;
  Object* obj = check->env_.scope->LookupParent(ident->Name, check->env_.pos, nullptr);
  PkgName* pname = obj ? obj->TryAs<PkgName>() : nullptr;
  if (pname == nullptr) return false;
  check->RecordUse(ident, pname);
  pname->used = true;
  Package* pkg = pname->imported;
  std::string_view sel = e->Sel->Name;
  x->expr = e;
  Object* exp = pkg->scope->Lookup(sel);
  // cmd/compile imports export data, which has no unexported names for a selector to
  // find: to it such a name is undefined (our importers check the source).
  bool hidden = check->compiler_errors_ && exp != nullptr && !exp->Exported();
  if (exp == nullptr || hidden) {
    if (!pkg->fake) {
      if (check->compiler_errors_) {
        check->Errorf(e->Sel->NamePos, "undefined: {}.{}", ident->Name, sel);
      } else {
        check->Errorf(e->Sel->NamePos, "{} not declared by package {}", sel, pkg->name);
      }
    }
    x->SetInvalid();
    return true;
  }
  if (!exp->Exported()) {
    check->Errorf(e->Sel->NamePos, "{} not exported by package {}", sel, pkg->name);
  }
  check->RecordUse(e->Sel, exp);
  x->type = exp->type;
  switch (exp->kind()) {
    case ObjectKind::kConst:
      x->mode = OperandMode::kConstant;
      x->val = exp->As<Const>()->val;
      break;
    case ObjectKind::kTypeName: x->mode = OperandMode::kTypexpr; break;
    case ObjectKind::kVar: x->mode = OperandMode::kVariable; break;
    case ObjectKind::kFunc: x->mode = OperandMode::kValue; break;
    case ObjectKind::kBuiltin:
      x->mode = OperandMode::kBuiltin;
      x->id = exp->As<Builtin>()->id;
      break;
    default: x->SetInvalid(); break;
  }
  return true;
}

// MissingSelector reports x.sel undefined with go/types' explanation.
static void MissingSelector(Checker* check, Operand* x, syntax::SelectorExpr* e) {
  std::string sel(e->Sel->Name);
  std::string why;
  Pointer* xp = Underlying(x->type)->TryAs<Pointer>();
  if (xp != nullptr && IsTypeParam(xp->elem)) {
    why = "type " + check->S(x->type) + " is pointer to type parameter, not type parameter";
  } else if (IsInterfacePtr(x->type)) {
    why = "type " + check->S(x->type) + " is pointer to interface, not interface";
  } else {
    why = "type " + check->S(x->type) + " has no field or method " + sel;
    if (!sel.empty() && static_cast<unsigned char>(sel[0]) < 0x80) {
      std::string changed = sel;
      changed[0] = std::isupper(static_cast<unsigned char>(sel[0]))
                       ? char(std::tolower(static_cast<unsigned char>(sel[0])))
                       : char(std::toupper(static_cast<unsigned char>(sel[0])));
      LookupResult r = LookupFieldOrMethod(x->type, x->mode == OperandMode::kVariable,
                                           check->pkg(), changed);
      if (r.obj != nullptr) why += ", but does have " + changed;
    }
  }
  check->Errorf(e->Sel->NamePos, "{}.{} undefined ({})", check->S(x->expr), sel, why);
}

void Checker::Selector(Operand* x, syntax::SelectorExpr* e, Named* def, bool want_type) {
  (void)want_type;
  if (PackageSelector(this, x, e)) return;
  ExprOrType(x, e->X, false);
  std::string_view sel = e->Sel->Name;
  if (x->mode == OperandMode::kTypexpr && def != nullptr && x->type == def) {
    CycleError({def->obj});
    goto error;
  }
  if (x->mode == OperandMode::kBuiltin) {
    Errorf(e->Sel->NamePos, "cannot select on {}", S(*x));
    goto error;
  }
  if (x->invalid()) goto error;
  {
    LookupResult r = LookupFieldOrMethod(x->type, x->mode == OperandMode::kVariable, pkg_, sel);
    if (r.obj == nullptr) {
      if (r.incomplete) goto error;  // an invalid (reported) type may have had it
      if (!r.index.empty()) {
        Errorf(e->Sel->NamePos, "ambiguous selector {}.{}", S(x->expr), sel);
      } else if (r.indirect) {
        Errorf(e->Sel->NamePos, "cannot call pointer method {} on {}", sel, S(x->type));
      } else {
        MissingSelector(this, x, e);
      }
      goto error;
    }
    if (Func* m = r.obj->TryAs<Func>()) ObjDecl(m, nullptr);
    if (x->mode == OperandMode::kTypexpr) {
      Func* m = r.obj->TryAs<Func>();
      if (m == nullptr) {
        Errorf(e->Sel->NamePos, "{}.{} undefined (type {} has no method {})", S(x->expr), sel,
               S(x->type), sel);
        goto error;
      }
      RecordSelection(e, SelectionKind::kMethodExpr, x->type, m, r.index, r.indirect);
      Signature* sig = m->type->As<Signature>();
      if (sig->recv == nullptr) {
        Error(At(e), "illegal cycle in method declaration");
        goto error;
      }
      Signature* msig = ctx_->NewType<Signature>();
      msig->params = ctx_->NewType<Tuple>();
      std::string_view name;
      if (sig->params->size() > 0 && !sig->params->vars[0]->name.empty()) {
        name = sig->recv->name.empty() ? "_" : sig->recv->name;
      }
      msig->params->vars.push_back(ctx_->NewObject<Var>(sig->recv->pos, sig->recv->pkg, name, x->type));
      for (Var* v : sig->params->vars) msig->params->vars.push_back(v);
      msig->results = sig->results;
      msig->variadic = sig->variadic;
      x->mode = OperandMode::kValue;
      x->type = msig;
      AddDeclDep(m);
    } else if (Var* f = r.obj->TryAs<Var>()) {
      RecordSelection(e, SelectionKind::kFieldVal, x->type, f, r.index, r.indirect);
      x->mode = (x->mode == OperandMode::kVariable || r.indirect) ? OperandMode::kVariable
                                                                  : OperandMode::kValue;
      x->type = f->type;
    } else {
      Func* m = r.obj->As<Func>();
      RecordSelection(e, SelectionKind::kMethodVal, x->type, m, r.index, r.indirect);
      Signature* sig = m->type->As<Signature>();
      Signature* vsig = ctx_->NewType<Signature>();
      vsig->params = sig->params ? sig->params : ctx_->NewType<Tuple>();
      vsig->results = sig->results ? sig->results : ctx_->NewType<Tuple>();
      vsig->variadic = sig->variadic;
      x->mode = OperandMode::kValue;
      x->type = vsig;
      AddDeclDep(m);
    }
  }
  x->expr = e;
  return;
error:
  x->mode = OperandMode::kInvalid;
  x->expr = e;
}

}  // namespace gotool::types
